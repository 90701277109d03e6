"""Every publish keeps the file it replaces; `etl rollback` restores one atomically; `etl verify`
finds a damaged file; the app answers a damaged file with a notice, never a 500."""

from __future__ import annotations

import hashlib
import json

import duckdb
import pytest

from tests import official_fixtures as fx
from tests.conftest import run_etl


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_fresh_demo_file_verifies(db_copy):
    out = run_etl("verify", db=db_copy)
    assert "sound" in out.stdout


def test_publish_keeps_generations_and_rollback_restores_them(db_copy, tmp_path, monkeypatch):
    original = digest(db_copy)
    monkeypatch.setenv("GENERATIONS", "2")
    out = run_etl("load", str(fx.perda_xlsx(tmp_path / "perda_2022.xlsx")), db=db_copy)
    assert "kept the previous file as generation" in out.stderr
    after_first = digest(db_copy)
    run_etl("load", str(fx.simda_xlsx(tmp_path / "simda_2024.xlsx")), db=db_copy)
    run_etl("load", str(fx.lra_csv(tmp_path / "lra_2024.csv")), db=db_copy)
    listing = run_etl("generations", db=db_copy).stdout
    gens = sorted((db_copy.parent / ".generations").glob("*.duckdb"))
    assert len(gens) == 2  # only the newest GENERATIONS are kept
    record = json.loads(gens[-1].with_suffix(".json").read_text())
    assert record["id"] in listing and "simda_2024.xlsx" in record["files"]
    assert digest(gens[0]) == after_first  # the oldest kept one is the file the second load replaced
    # Roll back to that one by id prefix; the file it replaces becomes a generation too.
    before_rollback = digest(db_copy)
    out = run_etl("rollback", gens[0].stem[:20], db=db_copy)
    assert "rolled back" in out.stderr and digest(db_copy) == after_first
    kept = [digest(p) for p in (db_copy.parent / ".generations").glob("*.duckdb")]
    assert before_rollback in kept and original not in kept
    assert run_etl("verify", db=db_copy).returncode == 0


def test_an_unknown_generation_changes_nothing(db_copy):
    before = digest(db_copy)
    proc = run_etl("rollback", "19990101", db=db_copy, check=False)
    assert proc.returncode == 1 and "no generation" in proc.stderr and digest(db_copy) == before


def test_verify_finds_a_changed_figure(db_copy, tmp_path):
    con = duckdb.connect(str(db_copy))
    con.execute("UPDATE apbd_anggaran_data SET nilai = nilai + 1 WHERE rowid = 1")
    con.close()
    proc = run_etl("verify", db=db_copy, check=False)
    assert proc.returncode == 1 and "apbd_anggaran: checksum" in proc.stderr


@pytest.fixture
def client(db_copy, monkeypatch):
    monkeypatch.setenv("BUDGET_DB", str(db_copy))
    import app

    return app.server.test_client()


def _page(client, pathname: str) -> tuple[int, str]:
    payload = {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": pathname},
            {"id": "_pages_location", "property": "search", "value": "?tahun=2026"},
        ],
        "state": [],
        "changedPropIds": ["_pages_location.pathname"],
    }
    resp = client.post("/_dash-update-component", json=payload)
    return resp.status_code, resp.get_data(as_text=True)


def test_a_truncated_file_gets_a_notice_and_rollback_restores_service(client, db_copy, tmp_path):
    client.get("/")
    run_etl("load", str(fx.perda_xlsx(tmp_path / "perda_2022.xlsx")), db=db_copy)
    status, body = _page(client, "/apbd")
    assert status == 200 and "apbd-treemap" in body
    data = db_copy.read_bytes()
    db_copy.write_bytes(data[: len(data) // 3])  # a disk that filled up, a copy cut short
    for path in ("/", "/apbd", "/desa/33.25.01.2001/interaktif", "/serapan", "/data"):
        status, body = _page(client, path)
        assert status == 200, (path, status)
        assert "Traceback" not in body and "page-no-data" in body, (path, body[:300])
        assert "tidak dapat dibaca" in body  # not "no data has been published yet"
    assert client.get("/apbd").status_code == 200
    proc = run_etl("verify", db=db_copy, check=False)
    assert proc.returncode == 1 and "does not open" in proc.stderr
    run_etl("rollback", db=db_copy)
    status, body = _page(client, "/apbd")
    assert status == 200 and "apbd-treemap" in body
