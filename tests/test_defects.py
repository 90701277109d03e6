"""Defects found by the architecture review (issue 23), each pinned by a test that failed before its fix."""

from __future__ import annotations

import csv
import io
import os
import re
import signal
import subprocess
import sys
import time
from decimal import Decimal

import duckdb
import pytest


@pytest.fixture
def app_on(db_copy, monkeypatch):
    """The app on a private copy of the demo database (which the test may change before the first render)."""
    monkeypatch.setenv("BUDGET_DB", str(db_copy))
    import app

    return app


def test_a_village_page_says_its_own_months_not_the_regencys(app_on, db_copy):
    """The village page's "as of" month is the last month of that village's own realisation (its Siskeudes
    posts), not the regency's APBD realisation: a village whose reports stop in June says June."""
    from models.village import village_page

    kode = "33.25.01.2001"
    con = duckdb.connect(str(db_copy))
    con.execute("DELETE FROM apbdes_realisasi_data WHERE tahun = 2026 AND kode_desa = ? AND bulan > 6", [kode])
    regency = con.execute("SELECT MAX(bulan) FROM apbd_realisasi WHERE tahun = 2026").fetchone()[0]
    con.close()
    assert regency > 6
    assert village_page(2026, "murni", kode).as_of_month == 6
    client = app_on.server.test_client()
    page = client.get(f"/desa/{kode}?tahun=2026").get_data(as_text=True)
    spent = page[page.index('id="v-spent"') :].split("</p>")[0]
    assert "Juni" in spent, spent


def test_the_light_village_pages_status_comes_from_its_model(app_on):
    """404 for an unknown village, 200 for a village and a kelurahan: decided by the page model, never
    by looking for a marker in the page's own HTML."""
    from lite import routes

    client = app_on.server.test_client()
    with app_on.server.test_request_context("/", base_url="http://localhost/"):
        assert routes.render_village("33.25.99.2999").status == 404
        assert routes.render_village("33.25.01.2001").status == 200
    assert client.get("/desa/33.25.99.2999").status_code == 404
    assert client.get("/desa/33.25.01.2001").status_code == 200
    assert client.get("/desa/33.25.11.1013").status_code == 200  # a kelurahan: its own friendly page


def test_the_cache_release_changes_with_the_libraries_it_pickles(monkeypatch):
    """Stored pages are pickled Dash, Bootstrap and Plotly objects: a new version of any of them is a new
    release, whose pages are never served from the old entries."""
    import importlib.metadata

    from serving import cache

    cache.release.cache_clear()
    before = cache.release()
    real = importlib.metadata.version
    for dist in ("dash", "dash-bootstrap-components", "plotly"):
        monkeypatch.setattr(importlib.metadata, "version", lambda d, _dist=dist: "99.0" if d == _dist else real(d))
        cache.release.cache_clear()
        assert cache.release() != before, dist
    monkeypatch.undo()
    cache.release.cache_clear()
    assert cache.release() == before


def test_a_warming_lock_is_free_again_when_its_worker_dies(tmp_path):
    """The machine-wide warming lock is held by a process; killed mid-warming (kill -9), the system releases
    it, and the next worker warms the version (a lock file that outlives its worker would block it forever)."""
    from serving import cache

    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_CREAT | os.O_WRONLY);"
         " fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); time.sleep(60)", str(tmp_path / ".warming")],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout.readline().strip() == "held"
    with cache.warming_lock(tmp_path) as held:
        assert held is False  # another worker is warming
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=10)
    deadline = time.time() + 5
    while True:
        with cache.warming_lock(tmp_path) as held:
            if held:
                break
        assert time.time() < deadline, "the dead worker's lock was never released"
        time.sleep(0.05)


def test_the_console_answers_without_its_trailing_slash(app_on):
    client = app_on.server.test_client()
    resp = client.get("/kelola")
    assert resp.status_code in (301, 308) and resp.headers["Location"].endswith("/kelola/")


def test_whole_table_csvs_cannot_smuggle_formulas(app_on, db_copy):
    """/unduh/<table>.csv neutralises text a spreadsheet would run (=, +, -, @ first), as the node
    downloads do; numbers stay numbers and the Parquet file keeps the text as it was published."""
    con = duckdb.connect(str(db_copy))
    con.execute(
        'UPDATE apbd_anggaran_data SET nama_rekening = \'=HYPERLINK("http://x","klik")\' '
        "WHERE rowid = (SELECT MIN(rowid) FROM apbd_anggaran_data)"
    )
    con.close()
    client = app_on.server.test_client()
    resp = client.get("/unduh/apbd_anggaran.csv")
    assert resp.status_code == 200
    rows = list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))
    cells = [r["nama_rekening"] for r in rows if "HYPERLINK" in r["nama_rekening"]]
    assert cells == ['\'=HYPERLINK("http://x","klik")']
    assert not any(v.startswith(("=", "+", "@")) for r in rows[:2000] for k, v in r.items() if k != "nilai")
    assert all(r["nilai"][0].isdigit() or r["nilai"].startswith("-") for r in rows[:2000])


def test_the_data_page_in_english_names_how_each_file_was_read_in_english(app_on, db_copy, tmp_path):
    """/data?lang=en listed a Perda summary's reader as 'ringkasan-perda': every reader has words in both
    languages; the reader's code stays beside them as an identifier, in <code> like the table names."""
    from tests import official_fixtures as fx
    from tests.conftest import run_etl
    from tests.test_lite import visible

    run_etl("load", str(fx.perda_xlsx(tmp_path / "perda_2022.xlsx")), db=db_copy)
    client = app_on.server.test_client()

    def first_view(url: str) -> str:  # what the reader sees first: the page's snapshot
        page = client.get(url).get_data(as_text=True)
        return page[page.index('<div id="ssr-snapshot">') : page.index('<div id="react-entry-point"')]

    def words_outside_code(html_text: str) -> str:
        return visible(re.sub(r"<code[^>]*>.*?</code>", " ", html_text, flags=re.S))

    page_en = first_view("/data?lang=en")
    assert '<code class="small">ringkasan-perda</code>' in page_en  # the identifier is still there
    words = words_outside_code(page_en)
    assert "APBD regulation (Perda) summary" in words
    assert "ringkasan" not in words.lower(), words[words.lower().find("ringkasan") - 80 :][:160]
    assert "Ringkasan Perda APBD" in visible(first_view("/data"))


def test_the_regency_forecast_and_the_unit_forecasts_count_the_same_years(db_copy, monkeypatch):
    """One completeness rule for the year-end forecast: a year is complete when its realisation table has
    December. The regency total used to require December *belanja* while the units required a December row
    in the table, so a year whose December had only pendapatan was in the units' forecasts and not in the
    total's."""
    monkeypatch.setenv("BUDGET_DB", str(db_copy))
    con = duckdb.connect(str(db_copy))
    con.execute("DELETE FROM apbd_realisasi_data WHERE tahun = 2024 AND bulan = 12 AND kode_rekening LIKE '5%'")
    assert con.execute("SELECT count(*) FROM apbd_realisasi WHERE tahun = 2024 AND bulan = 12").fetchone()[0] > 0
    con.close()
    from budget import serapan as sv

    total = sv.forecast("opd", 2026, 6, None, "", Decimal(1), Decimal(1))
    units = sv.forecasts("opd", 2026, 6, sv.opd_status(2026, 6))
    assert any(2024 in u.years for u in units)
    assert 2024 in total.years and all(set(u.years) <= set(total.years) for u in units)
