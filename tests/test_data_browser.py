"""The /data page and the overview's reconciliation with an official summary, in a real browser."""

from __future__ import annotations

import csv
import io
import urllib.request

import pytest

from tests import official_fixtures as fx
from tests.conftest import run_etl


@pytest.fixture
def app(demo_db):
    import app as app_module

    return app_module.app


def test_data001_provenance_dictionary_and_downloads(dash_duo, app, demo_db):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/data")
    dash_duo.wait_for_contains_text("#data-provenance", "apbd_anggaran.csv")
    assert "canonical-csv" in dash_duo.find_element("#data-provenance").text
    assert "apbd_ringkasan" in dash_duo.find_element("#data-dictionary").text
    href = dash_duo.find_element("#data-dl-apbd_anggaran_kas-csv").get_attribute("href")
    with urllib.request.urlopen(href, timeout=30) as r:
        data = list(csv.reader(io.StringIO(r.read().decode())))
    assert data[0] == ["tahun", "bulan", "kode_skpd", "nilai"] and len(data) > 2000
    with urllib.request.urlopen(href.replace(".csv", ".parquet"), timeout=30) as r:
        assert r.read(4) == b"PAR1"
    try:
        urllib.request.urlopen(f"{dash_duo.server_url}/unduh/ref_published.csv", timeout=10)
        raise AssertionError("a table outside the allow-list was served")
    except urllib.error.HTTPError as e:
        assert e.code == 404
    assert dash_duo.get_logs() == []


def test_data002_overview_reconciles_line_items_with_the_perda(dash_duo, app, db_copy, tmp_path, monkeypatch):
    run_etl("load", str(fx.perda_xlsx(tmp_path / "perda_2022.xlsx")), db=db_copy)
    monkeypatch.setenv("BUDGET_DB", str(db_copy))
    dash_duo.start_server(app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?tahun=2022&tahap=murni")
    dash_duo.wait_for_contains_text("#home-recon", "perda_2022.xlsx")
    text = dash_duo.find_element("#home-recon").text
    assert "Rp1.829.304.856.259" in text and "selisih Rp0" in text and "\u2713" in text
