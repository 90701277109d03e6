"""Browser tests of the APBD explorer: drill by clicks, deep URLs, back button, search, download."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from budget.fmt import rupiah_full
from tests.helpers import stays

DINKES = "1.02.0.00.0.00.01.0000"


@pytest.fixture
def app(demo_db):
    import app as app_module

    return app_module.app


def one(db, sql, params=()):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def node_budget(db, where, params):
    return one(db, "SELECT SUM(nilai) FROM apbd_anggaran WHERE tahun = 2026 AND tahap = 'murni' AND " + where, params)[
        0
    ][0]


def wait_title(duo, text):
    duo.wait_for_contains_text("#apbd-node-title", text, timeout=15)


def click_link_text(duo, text):
    el = duo.driver.find_element(By.XPATH, f"//table[@id='apbd-table']//a[normalize-space()={text!r}]")
    duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", el)


def click_largest_bar(duo):
    """Click the top bar (the largest child) like a user: on the plot, where Plotly picks the bar."""
    before = duo.driver.current_url
    for _ in range(20):
        points = duo.driver.find_elements(By.CSS_SELECTOR, "#apbd-bars .barlayer .trace:first-child .point")
        if points:
            duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", points[-1])
            ActionChains(duo.driver).move_to_element(points[-1]).click().perform()
            for _ in range(10):
                if duo.driver.current_url != before:
                    return
                time.sleep(0.1)
        time.sleep(0.2)
    raise AssertionError("clicking the bar did not navigate")


def test_apbd001_drill_from_regency_to_a_line_item_by_clicks(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/apbd")
    wait_title(dash_duo, "Belanja Kabupaten Batang")
    total = node_budget(demo_db, "kode_rekening LIKE '5.%'", [])
    dash_duo.wait_for_text_to_equal("#apbd-table-total", rupiah_full(total))

    # 1. A treemap tile opens the OPD.
    tile = dash_duo.driver.find_element(
        By.XPATH, "//*[@id='apbd-treemap']//*[contains(@class,'slice')][.//*[contains(text(),'Dinas Kesehatan')]]"
    )
    tile.click()
    wait_title(dash_duo, "Dinas Kesehatan")
    assert f"skpd={DINKES}" in dash_duo.driver.current_url
    opd_total = node_budget(demo_db, "kode_skpd = ? AND kode_rekening LIKE '5.%'", [DINKES])
    dash_duo.wait_for_text_to_equal("#apbd-table-total", rupiah_full(opd_total))

    # 2. A table row opens the largest programme.
    prog = one(
        demo_db,
        "SELECT kode_program, any_value(nama_program), SUM(nilai) s FROM apbd_anggaran WHERE tahun = 2026 "
        "AND tahap = 'murni' AND kode_skpd = ? GROUP BY 1 ORDER BY s DESC LIMIT 1",
        [DINKES],
    )[0]
    click_link_text(dash_duo, prog[1])
    wait_title(dash_duo, prog[1])
    dash_duo.wait_for_text_to_equal("#apbd-table-total", rupiah_full(prog[2]))

    # 3. A bar opens the largest kegiatan (bars are drawn largest on top, i.e. last in the trace).
    keg = one(
        demo_db,
        "SELECT kode_kegiatan, any_value(nama_kegiatan), SUM(nilai) s FROM apbd_anggaran WHERE tahun = 2026 "
        "AND tahap = 'murni' AND kode_skpd = ? AND kode_program = ? GROUP BY 1 ORDER BY s DESC LIMIT 1",
        [DINKES, prog[0]],
    )[0]
    click_largest_bar(dash_duo)
    wait_title(dash_duo, keg[1])
    dash_duo.wait_for_text_to_equal("#apbd-table-total", rupiah_full(keg[2]))

    # 4. A table row opens the largest sub kegiatan, whose children are the line items themselves.
    sub = one(
        demo_db,
        "SELECT kode_sub_kegiatan, any_value(nama_sub_kegiatan), SUM(nilai) s FROM apbd_anggaran "
        "WHERE tahun = 2026 AND tahap = 'murni' AND kode_skpd = ? AND kode_kegiatan = ? GROUP BY 1 "
        "ORDER BY s DESC LIMIT 1",
        [DINKES, keg[0]],
    )[0]
    click_link_text(dash_duo, sub[1])
    wait_title(dash_duo, sub[1])
    line = one(
        demo_db,
        "SELECT kode_rekening, nama_rekening, sumber_dana, nilai FROM apbd_anggaran WHERE tahun = 2026 "
        "AND tahap = 'murni' AND kode_skpd = ? AND kode_sub_kegiatan = ? ORDER BY nilai DESC LIMIT 1",
        [DINKES, sub[0]],
    )[0]
    assert line[1] in dash_duo.find_element("#apbd-table").text
    assert rupiah_full(line[3]) in dash_duo.find_element("#apbd-table").text

    # 5. The line item itself.
    click_link_text(dash_duo, line[1])
    dash_duo.wait_for_element("#apbd-line")
    assert rupiah_full(line[3]) in dash_duo.find_element("#apbd-node").text
    assert line[0] in dash_duo.find_element("#apbd-line").text
    crumbs = dash_duo.find_element("#apbd-breadcrumb").text
    assert "Dinas Kesehatan" in crumbs and sub[1][:20] in crumbs

    # Back up through the breadcrumb, and with the browser's back button.
    dash_duo.driver.find_element(By.XPATH, "//*[@id='apbd-breadcrumb']//a[contains(., 'Dinas Kesehatan')]").click()
    wait_title(dash_duo, "Dinas Kesehatan")
    dash_duo.driver.back()
    dash_duo.wait_for_element("#apbd-line")
    dash_duo.driver.back()
    wait_title(dash_duo, sub[1])
    assert dash_duo.get_logs() == []


def test_apbd002_deep_url_reloads_to_the_same_view(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    url = f"{dash_duo.server_url}/apbd?tahun=2024&tahap=perubahan&dim=ekonomi&kode=5.1.02.01"
    dash_duo.wait_for_page(url)
    wait_title(dash_duo, "Belanja Barang")
    total = one(
        demo_db,
        "SELECT SUM(nilai) FROM apbd_anggaran WHERE tahun = 2024 AND tahap = 'perubahan' "
        "AND kode_rekening LIKE '5.1.02.01.%'",
    )[0][0]
    dash_duo.wait_for_text_to_equal("#apbd-table-total", rupiah_full(total))
    first = dash_duo.find_element("#apbd-table tbody tr").text
    dash_duo.driver.refresh()
    wait_title(dash_duo, "Belanja Barang")
    dash_duo.wait_for_text_to_equal("#apbd-table-total", rupiah_full(total))
    assert dash_duo.find_element("#apbd-table tbody tr").text == first
    assert "Perubahan" in dash_duo.find_element("#apbd-tahap-perubahan").text


def test_apbd003_lainnya_opens_and_sums(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/apbd")
    wait_title(dash_duo, "Belanja Kabupaten Batang")
    assert "12 terbesar dari 44" in dash_duo.find_element("#apbd-chart-note").text
    tile = dash_duo.driver.find_element(
        By.XPATH, "//*[@id='apbd-treemap']//*[contains(@class,'slice')][.//*[contains(text(),'Lainnya')]]"
    )
    tile.click()
    dash_duo.wait_for_contains_text("#apbd-chart-note", "item 13", timeout=15)
    assert "lainnya=1" in dash_duo.driver.current_url


def test_apbd004_search_jumps_to_the_node(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/apbd")
    wait_title(dash_duo, "Belanja Kabupaten Batang")
    box = dash_duo.find_element("#apbd-search")
    box.send_keys("dinas kesehtan")  # a typo
    dash_duo.wait_for_contains_text("#apbd-search-results", "Dinas Kesehatan", timeout=15)
    box.send_keys(Keys.ENTER)
    wait_title(dash_duo, "Dinas Kesehatan")
    assert f"skpd={DINKES}" in dash_duo.driver.current_url


def test_apbd005_download_csv(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/apbd?skpd={DINKES}")
    wait_title(dash_duo, "Dinas Kesehatan")
    for graph in ("#apbd-treemap", "#apbd-bars", "#apbd-trend", "#apbd-monthly"):
        dash_duo.wait_for_element(graph + " .main-svg")  # the page stops moving once the charts are drawn
    button = dash_duo.find_element("#apbd-dl-csv")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button)
    folder = Path(dash_duo.download_path)
    deadline = time.time() + 15
    files = []
    while time.time() < deadline and not files:
        files = [f for f in folder.glob("*.csv")]
        time.sleep(0.2)
    assert files, "no CSV downloaded"
    text = files[0].read_text(encoding="utf-8")
    assert "# Tahun: 2026" in text and "Dinas Kesehatan" in text and "# Tahap: Murni" in text
    total = node_budget(demo_db, "kode_skpd = ? AND kode_rekening LIKE '5.%'", [DINKES])
    assert f",Jumlah,{total:f}," in text


def test_apbd006_unknown_codes_get_a_not_found_state(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/apbd?skpd=9.99.0.00.0.00.99.0000")
    dash_duo.wait_for_contains_text("#apbd-not-found", "Tidak ditemukan")
    dash_duo.wait_for_page(f"{dash_duo.server_url}/apbd?dim=bogus&kode=%3Cb%3E")
    dash_duo.wait_for_contains_text("#apbd-not-found", "tidak valid")
    dash_duo.wait_for_page(f"{dash_duo.server_url}/apbd?tahun=2031")
    dash_duo.wait_for_contains_text("#page-problem", "2031")
    assert dash_duo.get_logs() == []


def test_apbd007_narrow_screen_regency_to_line_item_in_six_clicks(dash_duo, app, demo_db):
    """From the front page to one line item of one sub kegiatan, counting clicks, on a narrow screen."""
    dash_duo.start_server(app)
    dash_duo.driver.set_window_size(500, 900)
    dash_duo.wait_for_page(dash_duo.server_url + "/")
    clicks = 0

    def click(el):
        nonlocal clicks
        dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", el)
        clicks += 1

    click(dash_duo.wait_for_element("#kpi-belanja-link"))  # the regency's total belanja
    wait_title(dash_duo, "Belanja Kabupaten Batang")

    def title():
        try:
            return dash_duo.find_element("#apbd-node-title").text
        except (StaleElementReferenceException, NoSuchElementException):
            return None  # the page is being re-rendered

    for _level in ("opd", "programme", "kegiatan", "sub kegiatan", "line item"):
        before = title()
        click(dash_duo.wait_for_element("#apbd-table tbody tr a"))
        deadline = time.time() + 15
        while title() in (before, None) and time.time() < deadline:
            time.sleep(0.2)
    dash_duo.wait_for_element("#apbd-line")
    assert clicks <= 6
    sw, iw = dash_duo.driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert sw <= iw
    # And back up to the regency in one click on the breadcrumb.
    click(dash_duo.driver.find_element(By.CSS_SELECTOR, "#apbd-breadcrumb a"))
    wait_title(dash_duo, "Belanja Kabupaten Batang")


def test_apbd008_pointing_between_treemap_tiles_breaks_nothing(dash_duo, app):
    """Between a treemap's tiles the pointer is over the treemap's implicit root, whose event point has no
    pointNumber; dcc.Graph 4.4.1 then reads the trace's `mode`, which a treemap has none of (a drill test
    caught the TypeError under load). Hovering and clicking there leave the page as it was, with no error."""
    dash_duo.start_server(app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/apbd")
    wait_title(dash_duo, "Belanja Kabupaten Batang")
    dash_duo.wait_for_element("#apbd-treemap .main-svg")
    url = dash_duo.driver.current_url
    for event in ("plotly_hover", "plotly_click"):
        dash_duo.driver.execute_script(
            "const gd = document.querySelector('#apbd-treemap .js-plotly-plot');"
            " gd.emit(arguments[0], {points: [{data: gd.data[0], fullData: gd._fullData[0], curveNumber: 0,"
            " pointNumber: undefined, id: '', label: ''}]});",
            event,
        )
    stays(lambda: dash_duo.driver.current_url == url, 1, what="the address (hover and an empty click open nothing)")
    assert dash_duo.get_logs() == []
