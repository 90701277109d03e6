"""A chart's still picture (firstview/picture.py): the figure drawn on the server, one bar per budget line,
text kept exact and escaped; on a touch screen it is the chart until the reader touches it, then the
interactive chart takes its place (assets/plotly-src.js)."""

from __future__ import annotations

import contextlib
import io
import time
from decimal import Decimal
from urllib.parse import unquote

import pytest
from defusedxml import ElementTree

from tests.helpers import next_frames, stays
from tests.test_lite import fetch, text_of

SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg_text: str) -> list[str]:
    root = ElementTree.fromstring(svg_text)
    return ["".join(t.itertext()) for t in root.iter(SVG + "text")]


def _bars_figure(lang: str = "id") -> dict:
    from components.explorer import bars

    items = [  # two OPDs whose names shorten to the same text, and a hostile name
        ("1.01", "Dinas Pendidikan dan Kebudayaan Bidang Sekolah Dasar", Decimal(900), Decimal(600), Decimal(66.7)),
        ("1.02", "Dinas Pendidikan dan Kebudayaan Bidang Sekolah Menengah", Decimal(800), Decimal(200), Decimal(25)),
        ("1.03", 'Dinas <script>alert(1)</script> & "Kawan"', Decimal(100), Decimal(90), Decimal(90)),
    ]
    return bars(items, lang)


def test_picture001_one_bar_per_line_and_the_text_exact():
    """Two budget lines with the same short name stay two rows (never merged), each with both its bars;
    labels, legend and percentages are the figure's own text, escaped, in the page's language."""
    import matplotlib

    from firstview import picture

    figure = _bars_figure()
    with picture._LOCK, matplotlib.rc_context(picture._rc(figure)):
        fig = picture.draw(figure)
        ax = fig.axes[0]
        rows = sorted({round(p.get_y() + p.get_height() / 2, 3) for p in ax.patches})
        assert len(rows) == 3 and len(ax.patches) == 6  # anggaran and realisasi for each of three lines
        ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks[1] == ticks[2] == "Dinas Pendidikan dan Kebudaya…"  # same text, two rows (largest on top)
    texts = _texts(picture.svg(figure))
    assert texts.count("Dinas Pendidikan dan Kebudaya…") == 2
    assert "Dinas <script>alert(1)</scrip…" in texts  # drawn as text, never as markup
    assert {"Anggaran", "Realisasi", "66,7%", "25,0%", "90,0%"} <= set(texts)
    assert {"Budget", "Realised", "66.7%"} <= set(_texts(picture.svg(_bars_figure("en"))))
    url = picture.data_url(figure)
    assert url.startswith("data:image/svg+xml,") and not set('"<>#') & set(url)
    assert unquote(url.removeprefix("data:image/svg+xml,")) == picture.svg(figure)


def test_picture002_figures_keep_every_digit_and_the_treemap_every_tile():
    """Rounding the drawing's coordinates never touches a text (Rp1.264.830.237.813,05 stays whole);
    every treemap tile is drawn, labels only where they fit inside their tile."""
    import matplotlib

    from components.explorer import treemap
    from components.figures import cumulative_curve
    from firstview import picture

    months = [Decimal("100.5")] * 12
    curve = cumulative_curve(2026, months, months, None, Decimal("1264830237813.05"), "id")
    curve["layout"]["annotations"][0]["text"] = "Anggaran Rp1.264.830.237.813,05"
    assert "Anggaran Rp1.264.830.237.813,05" in _texts(picture.svg(curve))
    values = [Decimal(v) for v in (5000, 3000, 1500, 800, 400, 200, 60, 20, 5)]
    items = [(f"k{i}", f"Urusan nomor {i}", v, v / 2, Decimal(50)) for i, v in enumerate(values)]
    figure = treemap(items, "id")
    with picture._LOCK, matplotlib.rc_context(picture._rc(figure)):
        fig = picture.draw(figure)
        ax = fig.axes[0]
        assert len(ax.patches) == len(items)
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        renderer = FigureCanvasAgg(fig).get_renderer()
        for text in ax.texts:
            box = text.get_window_extent(renderer)
            tile = next(p.get_window_extent(renderer) for p in ax.patches if p.contains_point(box.p0 + 1))
            assert tile.x0 <= box.x0 and box.x1 <= tile.x1 + 1 and tile.y0 - 1 <= box.y0 and box.y1 <= tile.y1 + 1
    labelled = {t.get_text().split("\n")[0] for t in ax.texts}
    assert "Urusan nomor 0" in labelled and "Urusan nomor 8" not in labelled


@pytest.fixture(scope="module")
def site(demo_db):
    from tests.helpers import served

    with served(demo_db) as (url, _proc, _db):
        yield url


def _ink(png: bytes, box: list[float]) -> tuple[float, int]:
    """(share of pixels that are not the card's white, number of distinct colours) in a box of a screenshot."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    image = image.crop(tuple(round(v) for v in box))
    pixels = list(image.getdata())
    inked = [p for p in pixels if sum(p) < 720]
    return len(inked) / len(pixels), len(set(inked))


FETCHED = "return performance.getEntriesByType('resource').some(e => e.name.includes('plotly-custom'))"
CHARTS = """return [...document.querySelectorAll('.chart')].map(c => {
  const img = c.querySelector('.chart-picture'), r = c.getBoundingClientRect();
  return {id: c.querySelector('.dash-graph').id, height: Math.round(r.height), drawn: !!c.querySelector('.main-svg'),
          still: !!img && img.getClientRects().length > 0 && img.naturalWidth > 0,
          hint: c.querySelector('.chart-hint').innerText.trim()};
});"""


@contextlib.contextmanager
def touch_phone(driver, url: str):
    """A 390 px touch screen (the primary pointer coarse, as on a phone) on `url`, once the live page has
    taken the snapshot's place."""
    from tests.test_snapshot import wait_live

    driver.set_window_size(390, 844)
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    try:
        driver.get(url)
        wait_live(driver)
        yield
    finally:
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})


@pytest.mark.parametrize("lang,hint", [("id", "Sentuh untuk detail"), ("en", "Touch for details")])
def test_picture003_on_a_touch_screen_the_picture_is_the_chart_until_touched(dash_br, site, lang, hint):
    """A phone (touch, 390 px) reading /apbd fetches no chart code while it reads and scrolls: every chart
    shows its picture (drawn, in colour, as tall as the chart) with a hint in the page's language.
    Touching a chart fetches plotly.js, draws the interactive charts in the same boxes and hides the
    pictures; the touch itself opens nothing."""
    driver = dash_br.driver
    url = f"{site}/apbd?lang={lang}"
    with touch_phone(driver, url):
        for y in range(0, driver.execute_script("return document.body.scrollHeight"), 400):
            driver.execute_script(f"window.scrollTo(0, {y})")
            time.sleep(0.1)
        stays(lambda: driver.execute_script(FETCHED) is False, 2, what="no chart code fetched (scrolling is no touch)")
        charts = driver.execute_script(CHARTS)
        assert [c["id"] for c in charts] == ["apbd-treemap", "apbd-bars", "apbd-trend", "apbd-monthly"]
        for chart in charts:
            assert chart["still"] and not chart["drawn"] and chart["height"] >= 250 and chart["hint"] == hint, chart
        for box in driver.find_elements("css selector", ".chart"):
            driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", box)
            next_frames(driver)
            rect = driver.execute_script(
                "const r = arguments[0].getBoundingClientRect(), k = devicePixelRatio;"
                " return [r.left * k, r.top * k, r.right * k, r.bottom * k];",
                box,
            )
            ink, colours = _ink(driver.get_screenshot_as_png(), rect)
            assert ink > 0.02 and colours > 20, (ink, colours)  # a drawn chart, not an empty box (a curve inks ~5 %)
        treemap = driver.find_element("css selector", "#apbd-treemap").find_element("xpath", "..")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", treemap)
        next_frames(driver)
        treemap.click()
        deadline = time.time() + 30
        while not all(c["drawn"] for c in driver.execute_script(CHARTS)):
            assert time.time() < deadline, "the interactive charts never drew after a touch"
            time.sleep(0.25)
        assert driver.execute_script(FETCHED) is True
        assert driver.current_url == url  # the touch asked for the chart, it did not drill
        assert driver.execute_script(
            "return [...document.querySelectorAll('.chart-picture, .chart-still')].every(s => !s.getClientRects().length)"
        )


def test_picture004_the_first_view_html_carries_the_pictures_the_live_renders_none(site):
    """The page's first view (the snapshot in its HTML) shows each chart's picture in its box before any
    script runs: an <img> of SVG with a description in the page's language, inside the chart's box of its
    final height. The live renders (what a drill-down click waits for) carry no picture."""
    import app as app_module
    from tests.test_freeze import page_renderer

    status, headers, raw = fetch(f"{site}/serapan?lang=en")
    page = text_of(headers, raw)
    snap = page[page.index('<div id="ssr-snapshot">') : page.index('<div id="react-entry-point"')]
    assert snap.count('<img class="chart-picture" src="data:image/svg+xml,') == 1
    assert 'alt="Picture of the chart; touch it for the interactive chart"' in snap
    assert 'class="chart" style="min-height:320px"' in snap and "Touch for details" in snap
    for path in ("/apbd", "/serapan"):
        render, kwargs = page_renderer(path)
        with app_module.server.test_request_context(path, base_url=site):
            assert "data:image/svg" not in str(render(lang="id", **kwargs).to_plotly_json())


def test_picture005_the_first_picture_comes_with_the_page_the_others_when_near(site):
    """On /apbd the treemap's picture (near a phone's first screen, often the largest thing it shows) is
    drawn with the page; the three further down wait until they come near (loading="lazy"), sparing a
    phone's main thread their drawing while the page starts."""
    status, headers, raw = fetch(f"{site}/apbd")
    page = text_of(headers, raw)
    snap = page[page.index('<div id="ssr-snapshot">') : page.index('<div id="react-entry-point"')]
    pictures = snap.split('<img class="chart-picture"')[1:]
    assert len(pictures) == 4
    assert [tag.split(">")[0].startswith(' loading="lazy"') for tag in pictures] == [False, True, True, True]


def test_picture006_after_in_app_navigation_a_touch_screen_draws_the_charts(dash_br, site):
    """Pictures come with a page's first view only. On a touch screen, a tap on a table row (no chart
    touched, no chart code yet) opens the next level, whose charts plotly draws in their boxes."""
    driver = dash_br.driver
    url = f"{site}/apbd"
    with touch_phone(driver, url):
        stays(lambda: driver.execute_script(FETCHED) is False, 1, what="no chart code fetched before a touch")
        link = driver.find_element("css selector", "#apbd-table td a")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", link)
        next_frames(driver)
        link.click()
        deadline = time.time() + 30
        while driver.current_url == url or not any(c["drawn"] for c in driver.execute_script(CHARTS)):
            assert time.time() < deadline, "the next level's charts never drew"
            time.sleep(0.25)
        charts = driver.execute_script(CHARTS)
        assert charts and not any(c["still"] for c in charts), charts
        for box in driver.find_elements("css selector", ".chart"):
            driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", box)
        deadline = time.time() + 20
        while not all(c["drawn"] for c in driver.execute_script(CHARTS)):
            assert time.time() < deadline, "a chart of the next level never drew"
            time.sleep(0.25)
