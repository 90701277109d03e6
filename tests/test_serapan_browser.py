"""Browser tests: /serapan names the lagging units; /rapat runs on the keyboard and its QR codes decode."""

from __future__ import annotations

import io
import time

import pytest
import zxingcpp
from PIL import Image
from selenium.webdriver.common.keys import Keys


@pytest.fixture
def app(demo_db):
    import app as app_module

    return app_module.app


def test_serapan001_names_the_lagging_opd_and_villages(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/serapan")
    dash_duo.wait_for_contains_text("#serapan-ranking", "DPUPR", timeout=15)
    rows = dash_duo.find_element("#serapan-ranking tbody").text.splitlines()
    top4 = " ".join(rows[:4])
    for name in ("DPUPR", "DPRKP", "Dislutkanak", "Disperpuska"):
        assert name in top4
    assert "Kritis" in rows[0]
    assert "RAMALAN" in dash_duo.find_element("#serapan-forecast-method").text
    assert "%" in dash_duo.find_element("#serapan-forecast").text
    assert "UU 1/2022" in dash_duo.find_element("#serapan-rules").text
    assert "5 poin" in dash_duo.find_element("#serapan-thresholds").text
    # Villages
    dash_duo.find_element("#serapan-unit-desa").click()
    dash_duo.wait_for_contains_text("#serapan-plan-desa", "rencana acuan", timeout=15)
    assert "Kritis" in dash_duo.find_element("#serapan-ranking tbody tr").text
    # Thresholds are configurable from the page and land in the URL.
    warn = dash_duo.find_element("#serapan-warning")
    warn.clear()
    warn.send_keys("10")
    crit = dash_duo.find_element("#serapan-critical")
    crit.clear()
    crit.send_keys("40")
    dash_duo.find_element("#serapan-apply").click()
    deadline = time.time() + 30
    while "kritis=40" not in dash_duo.driver.current_url and time.time() < deadline:
        time.sleep(0.2)
    assert "kritis=40" in dash_duo.driver.current_url and "unit=desa" in dash_duo.driver.current_url
    dash_duo.wait_for_contains_text("#serapan-thresholds", "40 poin", timeout=30)
    # A past year shows its final outcome.
    dash_duo.wait_for_page(f"{dash_duo.server_url}/serapan?tahun=2024")
    dash_duo.wait_for_contains_text("#serapan-ranking", "DPUPR", timeout=15)
    assert "hasil akhir" in dash_duo.find_element(".serapan-page").text
    assert dash_duo.get_logs() == []


def decode_qr(dash_duo) -> str:
    png = dash_duo.find_element("#rapat-qr").screenshot_as_png
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L"))
    assert found, "no QR code found on the slide"
    return found[0].text


def test_rapat001_keyboard_navigation_and_qr(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    dash_duo.driver.set_window_size(1280, 800)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/rapat")
    dash_duo.wait_for_contains_text("#rapat-title", "APBD 2026")
    assert decode_qr(dash_duo).endswith("/rapat/1?tahun=2026")
    body = dash_duo.find_element("body")
    expected = ["Serapan", "OPD kritis", "desa kritis", "Dana Desa", "Perkiraan serapan akhir tahun"]
    for n, (key, text) in enumerate(
        zip([Keys.ARROW_RIGHT, Keys.PAGE_DOWN, Keys.ARROW_RIGHT, Keys.PAGE_DOWN, Keys.ARROW_RIGHT], expected), start=2
    ):
        body.send_keys(key)
        dash_duo.wait_for_contains_text("#rapat-title", text, timeout=15)
        assert dash_duo.driver.current_url.split("?")[0].endswith(f"/rapat/{n}")
        url = decode_qr(dash_duo)
        assert url.split("?")[0].endswith(f"/rapat/{n}") and "tahun=2026" in url
    dash_duo.find_element("body").send_keys(Keys.ARROW_RIGHT)  # the last slide stays
    assert dash_duo.driver.current_url.split("?")[0].endswith("/rapat/6")
    dash_duo.find_element("body").send_keys(Keys.PAGE_UP)
    dash_duo.wait_for_contains_text("#rapat-title", "Dana Desa", timeout=15)
    dash_duo.find_element("body").send_keys(Keys.ARROW_LEFT)
    dash_duo.wait_for_contains_text("#rapat-title", "desa kritis", timeout=15)
    assert "4 OPD" not in dash_duo.find_element("#rapat-title").text
    assert "Data per" in dash_duo.find_element("#rapat-asof").text
    # On-screen buttons and per-slide URLs.
    dash_duo.find_element("#rapat-prev").click()
    dash_duo.wait_for_contains_text("#rapat-title", "OPD kritis", timeout=15)
    assert "DPUPR" in dash_duo.find_element("#rapat-list").text
    dash_duo.wait_for_page(f"{dash_duo.server_url}/rapat/6?tahun=2026&lang=en")
    dash_duo.wait_for_contains_text("#rapat-title", "Forecast year-end absorption")
    assert dash_duo.get_logs() == []
