"""The first view of an interactive page arrives as HTML (firstview/snapshot.py, app._snapshot): it says
what the live page says, in the reader's language, carries no ids and no script, is readable when the
app's scripts never run, and the live page takes its place without anything moving."""

from __future__ import annotations

import time

import pytest

from tests.helpers import settled, stays, wait_for_script
from tests.test_freeze import _texts, page_renderer
from tests.test_lite import fetch, text_of

PAGES = [("/", "id"), ("/apbd", "en"), ("/desa", "id"), ("/serapan", "en"), ("/desa/33.25.01.2001/interaktif", "id")]


@pytest.fixture(scope="module")
def site(demo_db):
    from tests.helpers import served

    with served(demo_db) as (url, _proc, _db):
        yield url


def snapshot_of(page: str) -> str:
    start = page.index('<div id="ssr-snapshot">')
    return page[start : page.index('<div id="react-entry-point"', start)]


@pytest.mark.parametrize("path,lang", PAGES)
def test_snapshot001_the_page_html_says_what_the_live_page_says(site, path, lang):
    from markupsafe import escape

    import app as app_module
    from callbacks.shell import render_shell

    status, headers, raw = fetch(f"{site}{path}?lang={lang}")
    assert status == 200
    snap = snapshot_of(text_of(headers, raw))
    assert (
        ' id="' not in snap.removeprefix('<div id="ssr-snapshot">') and "<script" not in snap.lower()
    )  # the live page owns the ids
    render, kwargs = page_renderer(path)
    with app_module.server.test_request_context(path, base_url=site):
        page = render(lang=lang, **kwargs)
        nav, foot, _ = render_shell(path, f"?lang={lang}")
    import dash_bootstrap_components as dbc

    menu = next(c for c in nav.children[0].children[1].children if isinstance(c, dbc.DropdownMenu))
    menu.children = []  # a closed menu: its items are not on the page until it opens, live or not
    texts = _texts([nav, page, foot])
    assert len(texts) > 15
    for text in texts:
        assert str(escape(text)) in snap, (path, text)
    assert ("English" in snap) == (lang == "id") and ("Bahasa Indonesia" in snap) == (lang == "en")


def test_snapshot002_an_unknown_path_draws_the_404_page_at_once(site):
    """No page here: a 404 whose first view is the friendly not-found page in the reader's language (not
    Dash's "Loading..."), the same stored snapshot for every unknown path (a typo is no new cache entry)."""
    firsts = set()
    for path in ("/no-such-page", "/unduh/nothing.csv", "/a/b/c?utm_source=x"):
        status, headers, raw = fetch(site + path)
        snap = snapshot_of(text_of(headers, raw))
        assert status == 404 and "Halaman tidak ditemukan" in snap and "Kembali ke ringkasan" in snap, path
        firsts.add(snap)
    assert len(firsts) == 1
    status, headers, raw = fetch(site + "/no-such-page?lang=en")
    assert status == 404 and "Page not found" in snapshot_of(text_of(headers, raw))
    status, headers, raw = fetch(f"{site}/apbd?tahun=1999")  # a bad parameter: the notice, drawn at once
    snap = snapshot_of(text_of(headers, raw))
    assert "1999" in snap


def wait_live(driver, timeout: float = 30) -> None:
    """Until the live page has taken the snapshot's place."""
    deadline = time.time() + timeout
    while driver.execute_script("return !!document.getElementById('ssr-snapshot')"):
        assert time.time() < deadline, "the live page never took the snapshot's place"
        time.sleep(0.2)


POSITIONS = """
var out = {};
document.querySelectorAll('h1, h2, th, td a, .card-body strong, .alert, .chart, footer p').forEach(function (el) {
  var key = el.tagName + '|' + (el.classList.contains('chart') ? 'chart' : el.textContent.trim().slice(0, 60));
  if (!key || key in out || !el.getClientRects().length) { return; }
  var r = el.getBoundingClientRect();
  out[key] = [Math.round(r.left), Math.round(r.top + window.scrollY), Math.round(r.width), Math.round(r.height)];
});
return out;
"""


@pytest.mark.parametrize("width", [390, 1280])
def test_snapshot003_readable_without_scripts_and_replaced_without_a_jump(dash_br, site, width):
    """With Dash's scripts blocked the snapshot is the page (visible, links work as links); with them, the
    live page replaces it and every heading, table link, card figure, alert, chart box and footer line is
    where the snapshot had it (within 2 px)."""
    driver = dash_br.driver
    driver.set_window_size(width, 900)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*dash_renderer*"]})
    try:
        driver.get(f"{site}/apbd")
        wait_for_script(driver, "return document.readyState === 'complete'", what="the page to load")
        assert driver.execute_script("return !!document.getElementById('ssr-snapshot')")
        before = settled(driver, POSITIONS)
        assert driver.execute_script(
            "var a = document.querySelector('#ssr-snapshot td a'); return a && a.getClientRects().length > 0"
        )
    finally:
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    driver.get(f"{site}/apbd")
    wait_live(driver)
    after = settled(driver, POSITIONS)
    assert driver.execute_script(
        "return getComputedStyle(document.getElementById('react-entry-point')).visibility"
    ) == ("visible")
    common = set(before) & set(after)
    assert len(common) >= 15 and len(common) >= 0.8 * len(before), (len(common), len(before), set(before) - common)
    moved = {k: (before[k], after[k]) for k in common if any(abs(a - b) > 2 for a, b in zip(before[k], after[k]))}
    assert not moved, moved


def test_snapshot004_a_chart_bundle_that_fails_to_arrive_is_fetched_again_calmly(dash_br, site):
    """plotly.js comes when the first chart mounts (assets/plotly-src.js). If the fetch fails (a phone losing
    its signal) the page stays live and quiet, its figures shown, each chart as its still picture, with no
    storm of retries and errors (dcc.Graph alone retries at once, forever); back online, the charts draw."""
    driver = dash_br.driver
    driver.set_window_size(1280, 900)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*plotly-custom*"]})
    try:
        driver.get(f"{site}/apbd")
        wait_live(driver)
        drawn = "return document.querySelectorAll('.js-plotly-plot .main-svg').length"
        stays(  # over the first retries (2 s, then 4 s): the page stays live, quiet and undrawn
            lambda: (
                driver.execute_script(drawn) == 0
                and not driver.execute_script("return !!document.getElementById('ssr-snapshot')")
            ),
            5,
            0.25,
            "a live page with no chart code",
        )
        assert driver.find_element("css selector", "#apbd-node-title").is_displayed()
        assert driver.execute_script("return document.querySelectorAll('.js-plotly-plot .main-svg').length") == 0
        pictures = driver.find_elements("css selector", ".chart-picture")
        assert len(pictures) == 4
        for i, picture in enumerate(pictures):  # all but the first come when near the screen (loading="lazy")
            driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", picture)
            img = f"document.querySelectorAll('.chart-picture')[{i}]"
            wait_for_script(driver, f"return {img}.complete && {img}.naturalWidth > 0", 10, "a lazy picture to load")
            assert picture.is_displayed()
        errors = [e for e in dash_br.get_logs() if e["level"] == "SEVERE" and "plotly-custom" not in e["message"]]
        assert errors == [], errors[:3]
        tries = driver.execute_script(
            "return performance.getEntriesByType('resource').filter(e => e.name.includes('plotly-custom')).length"
        )
        assert tries <= 3, tries  # 2 s, then 4 s: not a retry per frame
    finally:
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    driver.execute_script("window.dispatchEvent(new Event('online'))")
    deadline = time.time() + 20
    while driver.execute_script("return document.querySelectorAll('.js-plotly-plot .main-svg').length") == 0:
        assert time.time() < deadline, "the charts never drew once the network was back"
        time.sleep(0.25)


def test_snapshot005_with_a_mouse_chart_code_comes_when_a_chart_comes_near(dash_br, site):
    """Without a touch screen (tests/test_picture.py has the touch case) in a phone-sized window, the
    overview's chart sits below the first screen: plotly.js is not fetched while the reader is on the
    figures; scrolling to the chart fetches it and draws the chart."""
    driver = dash_br.driver
    driver.set_window_size(412, 823)
    driver.get(f"{site}/")
    wait_live(driver)
    fetched = "return performance.getEntriesByType('resource').some(e => e.name.includes('plotly-custom'))"
    stays(lambda: driver.execute_script(fetched) is False, 3, what="no chart code while the chart is far below")
    top = driver.execute_script("return document.querySelector('#home-curve').getBoundingClientRect().top")
    assert top > driver.execute_script("return innerHeight * 1.25"), top  # the premise: below the first screen
    assert driver.execute_script(fetched) is False
    driver.execute_script("document.querySelector('#home-curve').scrollIntoView({block: 'center'})")
    deadline = time.time() + 20
    while driver.execute_script("return document.querySelectorAll('#home-curve .main-svg').length") == 0:
        assert time.time() < deadline, "the chart never drew after scrolling to it"
        time.sleep(0.25)
    assert driver.execute_script(fetched) is True


def test_snapshot006_each_picture_lands_in_its_own_charts_box(dash_br, site):
    """The still pictures are paired with the live charts by the chart's name (`data-chart`), not by
    position: every picture ends up in the box of the chart it shows, and a chart drawn without a picture
    (an empty one) cannot shift the rest. Checked with chart code held back, so the pictures stay."""
    driver = dash_br.driver
    driver.set_window_size(1280, 900)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*plotly-custom*"]})
    try:
        for path in ("/apbd", "/desa", "/serapan"):
            driver.get(f"{site}{path}")
            wait_live(driver)
            placed = driver.execute_script(
                """return [...document.querySelectorAll('#react-entry-point .chart-picture')].map(p => {
                     const box = p.closest('.chart'), graph = box && box.querySelector('.dash-graph');
                     return [p.dataset.chart, graph ? graph.id : null];
                   });"""
            )
            assert placed, path
            assert all(name == graph for name, graph in placed), (path, placed)
    finally:
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
