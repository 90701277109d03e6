"""Printable reports: Chromium's own print-to-PDF of the light pages, /serapan and an APBD node, served by
real gunicorn, read back with poppler (pdfinfo, pdftotext, pdftoppm): A4, the figures, the address and QR
code, the data's date and the demo label, and no navigation."""

from __future__ import annotations

import base64
import re
import subprocess
import time
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from selenium.common.exceptions import WebDriverException

from budget.fmt import percent, rupiah, rupiah_full
from tests.helpers import next_frames, wait_for_script

SILURAH = "33.25.01.2001"
NAVIGATION = ("Jelajah APBD", "Anggaran Desa", "Rapat", "Cetak / PDF", "English", "Pasang aplikasi")


@pytest.fixture(scope="module")
def site(demo_db):
    from tests.helpers import served

    with served(demo_db) as (url, _proc, _db):
        yield url


def _wait(driver, css: str, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if driver.execute_script(f"return !!document.querySelector({css!r})"):
            return
        time.sleep(0.25)
    raise AssertionError(f"{css} never appeared")


def print_pdf(driver, url: str, ready: str, out: Path) -> tuple[str, str, list[Image.Image]]:
    """(pdfinfo, pdftotext -layout, the pages as images) of Chromium's print of `url`."""
    driver.get(url)
    _wait(driver, ready)
    wait_for_script(  # every chart on the page has drawn (or is its still picture, which prints as it is)
        driver,
        "return [...document.querySelectorAll('.js-plotly-plot')].every(g => g.querySelector('.main-svg'))",
        what="the charts to draw",
    )
    next_frames(driver)
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    out.write_bytes(base64.b64decode(pdf["data"]))
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    subprocess.run(["pdftoppm", "-r", "110", "-png", str(out), str(out.with_suffix(""))], check=True)
    pages = [Image.open(p).convert("L") for p in sorted(out.parent.glob(out.stem + "-*.png"))]
    return info, re.sub(r"[ \t\xa0]+", " ", text), pages


def _fits(pages: list[Image.Image]) -> None:
    """Nothing runs off the paper: the outer strip of every page (inside the margins' edge) is blank."""
    for i, img in enumerate(pages):
        w, h = img.size
        strip = img.crop((w - max(3, w // 60), 0, w, h))
        assert strip.getextrema()[0] > 230, f"page {i + 1}: something reaches the right edge"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_print001_a_village_and_the_summary_print_on_a4_with_their_figures(dash_br, site, tmp_path, lang):
    from budget import queries
    from models.home import home_page
    from models.village import village_page

    driver = dash_br.driver
    q = "?lang=en" if lang == "en" else ""
    v = village_page(2026, "murni", SILURAH)
    info, text, pages = print_pdf(driver, f"{site}/desa/{SILURAH}{q}", "#print-info", tmp_path / "desa.pdf")
    assert re.search(r"Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)", info), info
    for figure in (rupiah(v.belanja, lang), rupiah(v.realisasi, lang), percent(v.serapan, lang, 0)):
        assert figure.replace("\xa0", " ") in text, figure
    assert f"{site}/desa/{SILURAH}" in text.replace("\n", "")  # the address, with the QR code beside it
    assert ("Data per" if lang == "id" else "Data as of") in text and (
        "Data demo" if lang == "id" else "Demo data"
    ) in text
    assert not [n for n in NAVIGATION if n in text]
    _fits(pages)
    # The printed QR code leads back to the page.
    import zxingcpp

    codes = [c.text for img in pages for c in zxingcpp.read_barcodes(img)]
    assert f"{site}/desa/{SILURAH}{q}" in codes, codes
    years = queries.years()
    p = home_page(years[0], queries.stages(years[0])[-1], years, queries.stages(years[0]))
    _, text, pages = print_pdf(driver, f"{site}/ringkasan{q}", "#print-info", tmp_path / "ringkasan.pdf")
    assert rupiah(p.belanja, lang).replace("\xa0", " ") in text and not [n for n in NAVIGATION if n in text]
    _fits(pages)


def test_print002_serapan_and_an_apbd_node_print_without_navigation(dash_br, site, tmp_path):
    from budget import queries
    from models.apbd import apbd_node

    driver = dash_br.driver
    info, text, pages = print_pdf(driver, f"{site}/serapan", "#serapan-ranking", tmp_path / "serapan.pdf")
    assert "A4" in info and "Serapan" in text and "Data demo" in text and f"{site}/serapan" in text.replace("\n", "")
    assert not [n for n in NAVIGATION if n in text]
    _fits(pages)
    years = queries.years()
    skpd = "1.02.0.00.0.00.01.0000"
    node = apbd_node(years[0], queries.stages(years[0])[-1], years, "org", skpd)
    url = f"{site}/apbd?skpd={skpd}"
    info, text, pages = print_pdf(driver, url, "#apbd-node-anggaran", tmp_path / "apbd.pdf")
    assert "A4" in info and rupiah_full(node.anggaran).replace("\xa0", " ") in text
    nav = [n for n in NAVIGATION if n != "Jelajah APBD"]  # the page's own title says "Jelajah APBD 2026"
    assert url in text.replace("\n", "") and not [n for n in nav if n in text]
    assert "Ringkasan" not in text.split("Jelajah APBD")[0]  # no menu before the title
    _fits(pages)
    assert Decimal(0) < node.anggaran


def test_print003_the_print_button_opens_the_print_dialog(dash_br, site):
    driver = dash_br.driver
    for url, ready in ((f"{site}/desa/{SILURAH}", "#print-button"), (f"{site}/serapan", "#serapan-ranking")):
        driver.get(url)
        _wait(driver, ready)
        _wait(driver, "#print-button")
        driver.execute_script(
            "window.__printed = 0; window.print = function () { window.__printed += 1;"
            " window.__charts = document.querySelectorAll('.dash-graph .main-svg').length; };"
        )
        for _ in range(20):  # the footer may still be settling after the page's own render
            try:
                button = driver.find_element("css selector", "#print-button")
                driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
                time.sleep(0.2)
                assert button.is_displayed() and button.size["height"] >= 44, url
                button.click()
                break
            except WebDriverException:
                time.sleep(0.5)
        deadline = time.time() + 15  # charts not yet drawn (fetched near the screen) are drawn first
        while driver.execute_script("return window.__printed") == 0 and time.time() < deadline:
            time.sleep(0.2)
        assert driver.execute_script("return window.__printed") == 1, url
        if "/serapan" in url:  # the page has a chart: it is on paper too
            assert driver.execute_script("return window.__charts") > 0, url
