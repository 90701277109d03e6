"""Browser tests (dash.testing + headless Chromium) of the overview page and the shell."""

from __future__ import annotations

import time

import duckdb
import pytest
from selenium.common.exceptions import (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    StaleElementReferenceException,
)
from selenium.webdriver.common.by import By

from budget.fmt import rupiah_full


@pytest.fixture
def app(demo_db):
    import app as app_module

    return app_module.app


def _sum(db, sql, params):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params).fetchone()[0]
    finally:
        con.close()


def retry_click(duo, *selectors, tries: int = 20):
    """Click a sequence of elements; start again if the navbar re-rendered under us (stale element)."""
    for _ in range(tries):
        try:
            for sel in selectors:
                duo.wait_for_element(sel).click()
            return
        except (StaleElementReferenceException, ElementNotInteractableException, ElementClickInterceptedException):
            time.sleep(0.2)
    raise AssertionError(f"could not click {selectors}")


def test_home001_kpis_show_the_reconciled_totals(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?tahun=2023&tahap=murni")
    dash_duo.wait_for_text_to_equal("#kpi-pendapatan-full", "Rp1.773.375.171.879")
    dash_duo.wait_for_text_to_equal("#kpi-belanja-full", "Rp1.823.587.840.833")
    dash_duo.wait_for_text_to_equal("#kpi-pembiayaan-full", "Rp50.212.668.954")
    assert "Data demo" in dash_duo.find_element("#notice-illustrative").text
    assert "indikatif" in dash_duo.find_element("#shell-footer").text
    # The curve is drawn, with one trace for realisation and one for the cash plan at least.
    dash_duo.wait_for_element("#home-curve .main-svg")
    traces = dash_duo.driver.execute_script(
        "return document.getElementById('home-curve').querySelector('.js-plotly-plot').data.length"
    )
    assert traces >= 2
    assert dash_duo.get_logs() == []


def test_home002_default_is_the_running_year_and_stage_switch(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal("h1", "APBD Kabupaten Batang 2026")
    belanja = _sum(
        demo_db,
        "SELECT SUM(nilai) FROM apbd_anggaran WHERE tahun = 2026 AND tahap = 'murni' AND kode_rekening LIKE '5.%'",
        [],
    )
    dash_duo.wait_for_text_to_equal("#kpi-belanja-full", rupiah_full(belanja))
    assert "Oktober" in dash_duo.find_element("#kpi-serapan").text  # realisation through October
    # Switch year through the navbar, then stage through the page's buttons; the URL follows.
    retry_click(dash_duo, "#nav-year-menu > button", "#nav-year-menu a[href*='tahun=2022']")
    dash_duo.wait_for_text_to_equal("h1", "APBD Kabupaten Batang 2022")
    assert "tahun=2022" in dash_duo.driver.current_url
    retry_click(dash_duo, "#home-tahap-perubahan")
    dash_duo.wait_for_text_to_equal("#kpi-belanja-full", "Rp1.958.746.736.810,77")
    assert "tahap=perubahan" in dash_duo.driver.current_url
    retry_click(dash_duo, "#home-tahap-murni")
    dash_duo.wait_for_text_to_equal("#kpi-belanja-full", "Rp1.829.304.856.259")
    # The back button walks back through the states: perubahan, then the year 2026.
    dash_duo.driver.back()
    dash_duo.wait_for_text_to_equal("#kpi-belanja-full", "Rp1.958.746.736.810,77")
    dash_duo.driver.back()
    dash_duo.driver.back()
    dash_duo.wait_for_text_to_equal("h1", "APBD Kabupaten Batang 2026")


def test_home003_english_switch(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?tahun=2022&tahap=murni")
    dash_duo.wait_for_text_to_equal("#nav-lang", "English")
    assert dash_duo.find_element("#kpi-pendapatan .kpi-title").text.upper() == "PENDAPATAN"
    dash_duo.find_element("#nav-lang").click()
    dash_duo.wait_for_text_to_equal("h1", "Batang Regency budget (APBD) 2022")
    assert "lang=en" in dash_duo.driver.current_url
    dash_duo.wait_for_text_to_equal("#nav-lang", "Bahasa Indonesia")
    assert "REVENUE (PENDAPATAN)" in dash_duo.find_element("#kpi-pendapatan .kpi-title").text.upper()
    dash_duo.wait_for_text_to_equal("#kpi-pendapatan-full", "Rp1,769,326,979,259")
    assert "Demo data" in dash_duo.find_element("#notice-illustrative").text
    nav = dash_duo.find_element("#shell-nav").text
    assert "Overview" in nav
    # The year menu keeps the language.
    links = [
        a.get_attribute("href")
        for a in dash_duo.driver.find_elements(By.CSS_SELECTOR, "#shell-nav a")
        if a.get_attribute("id") != "nav-lang"
    ]
    assert links and all("lang=en" in h for h in links)


def test_home004_bad_url_parameters_get_a_notice_not_an_error(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?tahun=1999")
    dash_duo.wait_for_contains_text("#page-problem", "Tahun 1999 tidak ditemukan")
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?tahun=2026&tahap=bogus%3Cscript%3E")
    dash_duo.wait_for_contains_text("#page-problem", "Tahap bogus<script> tidak ditemukan")
    dash_duo.wait_for_text_to_equal("h1", "APBD Kabupaten Batang 2026")
    dash_duo.wait_for_page(f"{dash_duo.server_url}/tidak-ada")
    dash_duo.wait_for_element("#page-not-found")
    # The only complaint in the console is the 404 status of the unknown page itself.
    logs = [entry["message"] for entry in dash_duo.get_logs()]
    assert all("/tidak-ada - Failed to load resource" in m and "404" in m for m in logs), logs
