"""Browser tests of the village pages: drill by clicks, map, search, deep URL, kelurahan, unknown code."""

from __future__ import annotations

import time

import duckdb
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from budget.fmt import rupiah_full


@pytest.fixture
def app(demo_db):
    import app as app_module

    return app_module.app


def q(db, sql, params=()):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def belanja(db, where, params):
    return q(
        db,
        "SELECT SUM(nilai) FROM apbdes_anggaran WHERE tahun = 2026 AND tahap = 'murni' "
        "AND kode_rekening LIKE '5%' AND " + where,
        params,
    )[0][0]


def click_table_link(duo, text):
    el = duo.driver.find_element(By.XPATH, f"//table[@id='desa-table']//a[normalize-space()={text!r}]")
    duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", el)


def test_desa001_drill_from_regency_to_a_village_line_item(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/desa")
    dash_duo.wait_for_contains_text("#desa-node-title", "Semua desa")
    dash_duo.wait_for_text_to_equal("#desa-table-total", rupiah_full(belanja(demo_db, "TRUE", [])))
    tile = dash_duo.driver.find_element(
        By.XPATH, "//*[@id='desa-treemap']//*[contains(@class,'slice')][.//*[contains(text(),'Tulis')]]"
    )
    tile.click()
    dash_duo.wait_for_contains_text("#desa-node-title", "Tulis", timeout=15)
    dash_duo.wait_for_text_to_equal(
        "#desa-table-total", rupiah_full(belanja(demo_db, "kode_desa LIKE '33.25.10.%'", []))
    )
    click_table_link(dash_duo, "Kaliboyo")
    dash_duo.wait_for_text_to_equal("#desa-node-title", "Kaliboyo", timeout=15)
    kode = "33.25.10.2004"
    dash_duo.wait_for_text_to_equal("#desa-table-total", rupiah_full(belanja(demo_db, "kode_desa = ?", [kode])))
    before = dash_duo.driver.current_url
    for _ in range(20):  # click the top bar as a user would; retry until the charts have settled
        points = dash_duo.driver.find_elements(By.CSS_SELECTOR, "#desa-bars .barlayer .trace:first-child .point")
        if points:
            dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", points[-1])
            ActionChains(dash_duo.driver).move_to_element(points[-1]).click().perform()
            time.sleep(0.5)
            if dash_duo.driver.current_url != before:
                break
    kode_bidang = dash_duo.driver.current_url.split("kode=")[1][:2]  # whichever bidang bar was hit
    assert kode_bidang in ("01", "02", "03", "04", "05")
    dash_duo.wait_for_text_to_equal(
        "#desa-table-total",
        rupiah_full(belanja(demo_db, "kode_desa = ? AND kode_kegiatan LIKE ? || '%'", [kode, kode_bidang])),
    )
    for _level in ("sub bidang", "kegiatan"):
        first = dash_duo.driver.find_element(By.CSS_SELECTOR, "#desa-table tbody tr a")
        name = first.text
        click_table_link(dash_duo, name)
        dash_duo.wait_for_contains_text("#desa-node-title", name[:20], timeout=15)
    first = dash_duo.driver.find_element(By.CSS_SELECTOR, "#desa-table tbody tr a")
    line_name = first.text
    click_table_link(dash_duo, line_name)
    dash_duo.wait_for_contains_text("#desa-node-title", line_name[:20], timeout=15)
    assert "rek=" in dash_duo.driver.current_url
    crumbs = dash_duo.find_element("#desa-breadcrumb").text
    assert "Kec. Tulis" in crumbs and "Kaliboyo" in crumbs
    dash_duo.driver.back()
    dash_duo.wait_for_element("#desa-table")
    logs = dash_duo.get_logs()
    assert logs == [], logs


def test_desa002_village_page_from_the_map_and_from_search(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/desa?kec=33.25.10")
    dash_duo.wait_for_element("#desa-map .scatterlayer .point")
    before = dash_duo.driver.current_url
    for _ in range(20):
        points = dash_duo.driver.find_elements(By.CSS_SELECTOR, "#desa-map .scatterlayer .trace:last-child .point")
        dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", points[0])
        ActionChains(dash_duo.driver).move_to_element(points[0]).click().perform()
        time.sleep(0.5)
        if dash_duo.driver.current_url != before:
            break
    dash_duo.wait_for_element("#v-title", timeout=15)
    assert "/desa/33.25.10." in dash_duo.driver.current_url
    # Search: a typo still finds the village, the kecamatan is shown, Enter opens it.
    dash_duo.wait_for_page(f"{dash_duo.server_url}/desa")
    box = dash_duo.find_element("#desa-search")
    box.send_keys("kaliboya")
    dash_duo.wait_for_contains_text("#desa-search-results", "Kec. Tulis", timeout=15)
    box.send_keys(Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#v-title", "Desa Kaliboyo", timeout=15)
    total = belanja(demo_db, "kode_desa = ?", ["33.25.10.2004"])
    from budget.fmt import rupiah

    assert rupiah(total).replace("\xa0", " ") in dash_duo.find_element("#v-budget").text
    assert "Dana Desa" in dash_duo.find_element("#v-from").text
    assert dash_duo.get_logs() == []


def test_desa003_deep_url_reloads_to_the_same_state(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    url = f"{dash_duo.server_url}/desa?tahun=2024&tahap=perubahan&desa=33.25.01.2001&kode=02"
    dash_duo.wait_for_page(url)
    total = q(
        demo_db,
        "SELECT SUM(nilai) FROM apbdes_anggaran WHERE tahun = 2024 AND tahap = 'perubahan' AND "
        "kode_desa = '33.25.01.2001' AND kode_kegiatan LIKE '02%' AND kode_rekening LIKE '5%'",
    )[0][0]
    dash_duo.wait_for_text_to_equal("#desa-table-total", rupiah_full(total))
    dash_duo.driver.refresh()
    dash_duo.wait_for_text_to_equal("#desa-table-total", rupiah_full(total))
    assert "Silurah" in dash_duo.find_element("#desa-breadcrumb").text


def test_desa004_kelurahan_and_unknown_codes(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/desa/33.25.11.1013/interaktif")
    dash_duo.wait_for_contains_text("#v-kelurahan", "kelurahan")
    link = dash_duo.find_element("#v-kelurahan-link").get_attribute("href")
    assert "/apbd?" in link and "skpd=7.01.0.00.0.00.11.0000" in link
    dash_duo.wait_for_page(f"{dash_duo.server_url}/desa/33.25.99.9999/interaktif")
    dash_duo.wait_for_text_to_equal("#v-not-found", "Desa tidak ditemukan.")
    dash_duo.wait_for_element("#desa-search")
    dash_duo.wait_for_page(f"{dash_duo.server_url}/desa/%3Cscript%3E/interaktif")
    dash_duo.wait_for_text_to_equal("#v-not-found", "Desa tidak ditemukan.")
    assert dash_duo.get_logs() == []


def test_desa005_a_resident_finds_their_village_in_two_actions(dash_duo, app, demo_db):
    """From the front page, on a narrow screen: type the name (1), tap the result (2)."""
    dash_duo.start_server(app)
    dash_duo.driver.set_window_size(500, 900)
    dash_duo.wait_for_page(dash_duo.server_url + "/")
    box = dash_duo.wait_for_element("#home-find-village #desa-search")
    box.send_keys("tegalsari")  # action 1
    dash_duo.wait_for_contains_text("#desa-search-results", "Kec. Kandeman", timeout=15)
    hit = dash_duo.find_element("#desa-search-results a")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", hit)
    hit.click()  # action 2
    dash_duo.wait_for_text_to_equal("#v-title", "Desa Tegalsari", timeout=15)
    assert "Uangnya dari mana?" in dash_duo.find_element("#v-from").text
    sw, iw = dash_duo.driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert sw <= iw  # nothing scrolls sideways on a narrow screen
    assert dash_duo.get_logs() == []
