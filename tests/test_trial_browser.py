"""Browser walks for the trial's findings (issue 10): Back, blank graphs, phones, both languages."""

from __future__ import annotations

import io
import re
import time

import pytest
from PIL import Image

from budget.i18n import STRINGS
from tests.helpers import next_frames

VILLAGE = "/desa/33.25.01.2001/interaktif"
PAGES = ["/", "/apbd", "/desa", VILLAGE, "/serapan", "/rapat/1", "/rapat/2", "/rapat/4", "/data"]
# Controls a thumb must hit (WCAG 2.5.5, 44 x 44 px); inline text links are exempt.
SMALL_TARGETS = """return [...document.querySelectorAll('button, input:not([type=hidden]), select, a.btn, a.nav-link, ' +
  '.dropdown-toggle, [role=button], [role=tab], .page-link, summary, .phone-menu-link, .rapat-dot')]
  .filter(e => { const r = e.getBoundingClientRect(); if (!r.width || !r.height || getComputedStyle(e).visibility === 'hidden') return false;
     return r.height < 43.5 || r.width < 43.5; })
  .map(e => (e.innerText || e.value || e.getAttribute('aria-label') || e.tagName).trim().slice(0, 24) + ' ' +
             Math.round(e.getBoundingClientRect().width) + 'x' + Math.round(e.getBoundingClientRect().height))"""


@pytest.fixture
def app(demo_db):
    import app as app_module

    return app_module.app


def idle(dash_duo, timeout=25):
    """Wait until Dash is idle and the page text stops changing."""
    d = dash_duo.driver
    end, last, stable = time.time() + timeout, None, 0
    while time.time() < end:
        busy = d.execute_script("return document.querySelectorAll('[data-dash-is-loading=\"true\"]').length")
        text = d.execute_script("return document.body.innerText")
        stable = stable + 1 if (not busy and text == last and text) else 0
        if stable >= 3:
            return
        last = text
        time.sleep(0.3)


def phone(dash_duo, on: bool = True):
    if on:
        dash_duo.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
        )
    else:
        dash_duo.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def open_page(dash_duo, path: str):
    dash_duo.driver.get(dash_duo.server_url + path)
    idle(dash_duo)


def click(dash_duo, css: str):
    el = dash_duo.find_element(css)
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
    dash_duo.driver.execute_script("arguments[0].click()", el)
    idle(dash_duo)


def graph_colours(dash_duo, el) -> list:
    """The colours a graph paints on the screen (a crop of a viewport screenshot: an element screenshot can
    stall the renderer on a busy machine)."""
    d = dash_duo.driver
    d.execute_script("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", el)
    next_frames(d)
    r = d.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]", el
    )
    shot = Image.open(io.BytesIO(d.get_screenshot_as_png())).convert("RGB")
    scale = shot.width / d.execute_script("return window.innerWidth")
    left, top = max(0, int(r[0] * scale)), max(0, int(r[1] * scale))
    right, bottom = min(shot.width, int(r[2] * scale)), min(shot.height, int(r[3] * scale))
    assert right - left > 20 and bottom - top > 20, f"graph not on screen: {r}"
    return shot.crop((left, top, right, bottom)).getcolors(maxcolors=1 << 22) or []


def test_trial101_back_walks_back_on_every_page(dash_duo, app, demo_db):
    """One user action makes one history entry; Back the same number of times lands where the user began."""
    dash_duo.start_server(app)
    walks = {
        "/serapan": ["#serapan-bulan-6", "#serapan-bulan-3"],
        "/apbd": ["#apbd-table a[href*='skpd=']", "#apbd-table a[href*='kode=']"],
        "/desa": ["#desa-table a[href*='kec=']", "#desa-ranking tbody a"],
        "/rapat": ["#rapat-next", "#rapat-next"],
        "/data": [],
    }
    for page, actions in walks.items():
        open_page(dash_duo, "/?tahun=2026")
        urls = [dash_duo.driver.current_url]
        for css in [f"#shell-nav a.nav-link[href^='{page}']"] + actions:
            click(dash_duo, css)
            urls.append(dash_duo.driver.current_url)
        assert len(set(urls)) == len(urls), (page, urls)  # every action went somewhere new
        # Each Back goes exactly one action back: a second entry for the same view would stop it there.
        for previous in reversed(urls[:-1]):
            dash_duo.driver.back()
            idle(dash_duo)
            assert dash_duo.driver.current_url == previous, (page, urls)


def test_trial102_every_slide_graph_is_drawn(dash_duo, app, demo_db):
    """At projector size, each graph on a slide shows more than a blank box: many colours, the blue line."""
    dash_duo.start_server(app)
    dash_duo.driver.set_window_size(1280, 720)
    graphs = 0
    for n in range(1, 7):
        open_page(dash_duo, f"/rapat/{n}")
        for el in dash_duo.driver.find_elements("css selector", "#rapat-slide .js-plotly-plot"):
            colours = graph_colours(dash_duo, el)
            assert len(colours) > 20, f"slide {n}: the graph is blank"
            blue = sum(c for c, (r, g, b) in colours if b > 140 and r < 80 and 70 < g < 130)
            assert blue > 200, f"slide {n}: the realisation line is not visible"
            graphs += 1
    assert graphs >= 1


def test_trial103_phone_pages_fit_and_every_control_is_thumb_sized(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    phone(dash_duo)
    problems = []
    for path in PAGES + ["/serapan?unit=desa", "/apbd?lang=en"]:
        open_page(dash_duo, path)
        sw, iw = dash_duo.driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        if sw > iw:
            problems.append(f"{path}: scrolls sideways ({sw} > {iw})")
        small = dash_duo.driver.execute_script(SMALL_TARGETS)
        if small:
            problems.append(f"{path}: controls under 44 px: {small[:6]}")
    assert problems == [], "\n".join(problems)


def test_trial104_phone_tables_show_the_column_that_answers_the_question(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    phone(dash_duo)
    open_page(dash_duo, "/serapan")
    heads = [h for h in dash_duo.driver.find_elements("css selector", "#serapan-ranking thead th") if h.is_displayed()]
    cells = [
        c for c in dash_duo.driver.find_elements("css selector", "#serapan-ranking tbody tr td") if c.is_displayed()
    ]
    names = [h.text for h in heads]
    for title in ("Status", "Deviasi"):
        i = next(i for i, n in enumerate(names) if n.startswith(title))
        assert heads[i].rect["x"] + heads[i].rect["width"] <= 390, names
        assert cells[i].rect["x"] + cells[i].rect["width"] <= 390 and cells[i].text.strip(), names
    assert "Kritis" in cells[names.index("Status")].text
    open_page(dash_duo, "/desa")
    cells = [
        c
        for c in dash_duo.driver.find_elements("css selector", "#desa-ranking tbody tr:first-child td")
        if c.is_displayed()
    ]
    assert "%" in cells[-1].text and cells[-1].rect["x"] + cells[-1].rect["width"] <= 390
    open_page(dash_duo, "/apbd")
    cells = [
        c
        for c in dash_duo.driver.find_elements("css selector", "#apbd-table tbody tr:first-child td")
        if c.is_displayed()
    ]
    assert "%" in cells[-1].text and cells[-1].rect["x"] + cells[-1].rect["width"] <= 390


def test_trial105_phone_menu_shows_every_section(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    phone(dash_duo)
    open_page(dash_duo, "/serapan")
    click(dash_duo, "#nav-phone-menu summary")
    links = [a for a in dash_duo.driver.find_elements("css selector", "#nav-phone-menu a") if a.is_displayed()]
    assert len(links) == 6 and all(a.rect["x"] + a.rect["width"] <= 390 for a in links)
    click(dash_duo, "#nav-phone-menu a[href^='/data']")
    assert "/data" in dash_duo.driver.current_url


def test_trial106_a_drill_tap_keeps_the_reader_at_the_table(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    phone(dash_duo)
    for page, table in (("/apbd", "#apbd-table"), ("/desa", "#desa-table")):
        open_page(dash_duo, page)
        link = dash_duo.find_element(f"{table} tbody tr:first-child a")
        dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        before = dash_duo.driver.current_url
        dash_duo.driver.execute_script("arguments[0].click()", link)
        deadline = time.time() + 20
        while dash_duo.driver.current_url == before and time.time() < deadline:
            time.sleep(0.2)
        idle(dash_duo)
        time.sleep(0.5)
        top = dash_duo.driver.execute_script(f"return document.querySelector('{table}').getBoundingClientRect().top")
        assert 0 <= top < 844, f"{page}: the table is {top} px away after a drill tap"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_trial108_desktop_pages_fit_and_no_graph_is_blank(dash_duo, app, demo_db, lang):
    dash_duo.start_server(app)
    dash_duo.driver.set_window_size(1366, 900)
    problems = []
    for path in PAGES:
        open_page(dash_duo, path + f"?lang={lang}")
        sw, iw = dash_duo.driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        if sw > iw:
            problems.append(f"{path}: scrolls sideways ({sw} > {iw})")
        for i, el in enumerate(dash_duo.driver.find_elements("css selector", ".js-plotly-plot")):
            folded = dash_duo.driver.execute_script("return !!arguments[0].closest('details:not([open])')", el)
            if folded or not el.is_displayed() or el.size["height"] < 50:
                continue
            if len(graph_colours(dash_duo, el)) <= 20:
                problems.append(f"{path}: graph {i} is blank")
    assert problems == [], "\n".join(problems)


def _fragments(lang_index: int) -> tuple[set[str], set[str]]:
    """Pieces of the other language's strings that this language never uses (2+ words, 12+ letters), and
    whole short strings (a column title, a button) that only the other language has."""
    own = " \n ".join(s[lang_index].lower() for s in STRINGS.values())
    own_whole = {s[lang_index].strip().lower() for s in STRINGS.values()}
    other = 1 - lang_index
    pieces, whole = set(), set()
    for key, pair in STRINGS.items():
        text = pair[other]
        if pair[0] == pair[1] or key.startswith(("source.", "app.")):
            continue
        for part in re.split(r"\{[^}]*\}|[.;:()“”\"]", text):
            part = " ".join(part.split()).strip(" ,·–-→")
            if len(part) >= 12 and " " in part and part.lower() not in own:
                pieces.add(part)
        short = text.strip()
        if "{" not in short and len(short) <= 30 and short.lower() not in own_whole:
            whole.add(short.lower())
    return pieces, whole


@pytest.mark.parametrize("lang", ["id", "en"])
def test_trial107_each_language_walk_finds_no_string_of_the_other(dash_duo, app, demo_db, lang):
    dash_duo.start_server(app)
    index = 0 if lang == "id" else 1
    pieces, whole = _fragments(index)
    found = []
    titles = {
        "/serapan": ("Serapan", "Absorption"),
        "/apbd": ("Jelajah APBD", "Explore APBD"),
        "/data": ("Data", "Data"),
    }
    for path in PAGES:
        open_page(dash_duo, path + ("&" if "?" in path else "?") + f"lang={lang}")
        text = dash_duo.driver.execute_script("return document.body.innerText")
        for p in pieces:
            if p in text:
                found.append(f"{path}: “{p}”")
        short = dash_duo.driver.execute_script(
            "return [...document.querySelectorAll('th, button, a.btn, a.nav-link, h1, h2, h3, label, summary, .kpi-title')]"
            ".map(e => e.innerText.trim().toLowerCase())"
        )
        found += [f"{path}: [{s}]" for s in short if s in whole]
        if path in titles:
            time.sleep(0.3)
            assert dash_duo.driver.title.startswith(titles[path][index]), (path, dash_duo.driver.title)
        assert dash_duo.driver.execute_script("return document.documentElement.lang") == lang
    assert found == []
