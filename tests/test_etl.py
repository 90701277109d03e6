"""The ETL's one door: export/load round trip, precise refusals, atomic publish."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest

from tests.conftest import run_etl

TOTALS_SQL = {
    "apbd_anggaran": "SELECT tahun, tahap, SUM(nilai), COUNT(*) FROM apbd_anggaran GROUP BY ALL ORDER BY ALL",
    "apbd_realisasi": "SELECT tahun, SUM(nilai), COUNT(*) FROM apbd_realisasi GROUP BY ALL ORDER BY ALL",
    "apbd_anggaran_kas": "SELECT tahun, SUM(nilai), COUNT(*) FROM apbd_anggaran_kas GROUP BY ALL ORDER BY ALL",
    "apbdes_anggaran": "SELECT tahun, tahap, SUM(nilai), COUNT(*) FROM apbdes_anggaran GROUP BY ALL ORDER BY ALL",
    "apbdes_realisasi": "SELECT tahun, SUM(nilai), COUNT(*) FROM apbdes_realisasi GROUP BY ALL ORDER BY ALL",
    "apbd_ringkasan": "SELECT tahun, tahap, SUM(anggaran), COUNT(*) FROM apbd_ringkasan GROUP BY ALL ORDER BY ALL",
}


def totals(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {k: con.execute(sql).fetchall() for k, sql in TOTALS_SQL.items()}
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def exported(demo_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export")
    run_etl("export", str(out), db=demo_db)
    return out


@pytest.mark.slow  # the whole database exported and loaded again
def test_export_then_load_into_an_empty_database_reproduces_every_total(demo_db, exported, tmp_path):
    files = sorted(exported.glob("*.csv"))
    assert [f.name for f in files] == sorted(f"{n}.csv" for n in TOTALS_SQL)
    fresh = tmp_path / "new" / "budget.duckdb"  # does not exist yet: the load creates it
    run_etl("load", *map(str, files), db=fresh)
    assert totals(fresh) == totals(demo_db)
    con = duckdb.connect(str(fresh), read_only=True)
    assert con.execute("SELECT COUNT(*) FROM ref_desa").fetchone()[0] == 248  # reference data came along
    con.close()


def test_info_reports_zero_difference(demo_db):
    out = run_etl("info", "--strict", db=demo_db).stdout
    assert "all published figures reconcile" in out
    assert "DIFF" not in out
    assert "2022 murni     5.1.01" in out


def _write(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


KAS_HEADER = "tahun,bulan,kode_skpd,nilai"
SKPD = "1.02.0.00.0.00.01.0000"


@pytest.mark.parametrize(
    "rows, expected",
    [
        ([f"2026,1,{SKPD},12x5.00"], ["row 2", "column nilai", "'12x5.00'"]),
        ([f"2026,13,{SKPD},100.00"], ["row 2", "column bulan", "from 1 to 12", "'13'"]),
        ([f"1899,1,{SKPD},100.00"], ["row 2", "column tahun", "'1899'"]),
        (["2026,1,1.02.x,100.00"], ["row 2", "column kode_skpd", "'1.02.x'"]),
        ([f"2026,1,{SKPD},100.00", f"2026,2,{SKPD},1.00", f"2026,1,{SKPD},5.00"], ["same key on rows 2, 4"]),
        (["2026,1,,100.00"], ["row 2", "column kode_skpd", "required"]),
    ],
)
def test_bad_input_is_refused_precisely_and_nothing_changes(db_copy, tmp_path, rows, expected):
    before = digest(db_copy)
    f = _write(tmp_path / "kas_bad.csv", KAS_HEADER, rows)
    proc = run_etl("load", str(f), db=db_copy, check=False)
    assert proc.returncode == 2
    assert "kas_bad.csv" in proc.stderr
    for text in expected:
        assert text in proc.stderr
    assert "nothing was loaded" in proc.stderr
    assert digest(db_copy) == before


def test_every_problem_is_reported_in_one_pass(db_copy, tmp_path):
    f = _write(tmp_path / "many.csv", KAS_HEADER, [f"2026,0,{SKPD},1.00", f"2026,1,{SKPD},abc", "20x6,1,x,1.00"])
    proc = run_etl("validate", str(f), db=db_copy, check=False)
    assert proc.returncode == 2
    for text in ("row 2, column bulan", "row 3, column nilai", "row 4, column tahun", "row 4, column kode_skpd"):
        assert text in proc.stderr


def test_missing_column_and_unknown_file(db_copy, tmp_path):
    before = digest(db_copy)
    f = _write(tmp_path / "apbd_anggaran_kas.csv", "tahun,bulan,nilai", ["2026,1,1.00"])
    proc = run_etl("load", str(f), str(tmp_path / "absent.csv"), db=db_copy, check=False)
    assert proc.returncode == 2
    assert "column kode_skpd" in proc.stderr and "no such column" in proc.stderr
    assert "absent.csv" in proc.stderr and "no such file" in proc.stderr
    assert digest(db_copy) == before


def test_a_load_replaces_only_the_partitions_it_contains(db_copy, tmp_path):
    before = totals(db_copy)
    f = _write(tmp_path / "kas_2026.csv", KAS_HEADER, [f"2026,{m},{SKPD},1000.00" for m in range(1, 13)])
    run_etl("load", str(f), db=db_copy)
    after = totals(db_copy)
    kas = {r[0]: r for r in after["apbd_anggaran_kas"]}
    assert kas[2026][1:] == (12000, 12)  # the 2026 cash plan was replaced by the file
    assert [r for r in after["apbd_anggaran_kas"] if r[0] != 2026] == [
        r for r in before["apbd_anggaran_kas"] if r[0] != 2026
    ]
    for name in ("apbd_anggaran", "apbd_realisasi", "apbdes_anggaran", "apbdes_realisasi"):
        assert after[name] == before[name]  # everything else already published is kept
    con = duckdb.connect(str(db_copy), read_only=True)
    files = [r[0] for r in con.execute("SELECT file FROM meta_load").fetchall()]
    con.close()
    assert "kas_2026.csv" in files and "apbd_anggaran.csv" in files  # provenance kept and extended


def test_failed_publish_leaves_the_file_byte_identical(db_copy, tmp_path, monkeypatch):
    from etl import publish
    from etl.validate import read_canonical

    before = digest(db_copy)
    f = _write(tmp_path / "kas.csv", KAS_HEADER, [f"2026,1,{SKPD},1.00"])
    res = read_canonical(f)

    def boom(path):
        raise publish.PublishError("simulated failure after building")

    monkeypatch.setattr(publish, "check_built", boom)
    with pytest.raises(publish.PublishError):
        publish.build_and_publish([res], db_copy, progress=lambda m: None)
    assert digest(db_copy) == before
    assert not list(db_copy.parent.glob(".*building*"))  # the temporary file is gone


def test_readers_see_the_new_file_after_publish(db_copy, tmp_path, monkeypatch):
    """The web process's read-only connection moves to a newly published file by itself."""
    from budget import db

    monkeypatch.setenv("BUDGET_DB", str(db_copy))
    q = "SELECT SUM(nilai) FROM apbd_anggaran_kas WHERE tahun = 2026"
    old = db.query(q)[0][0]
    f = _write(tmp_path / "kas.csv", KAS_HEADER, [f"2026,1,{SKPD},7.00"])
    run_etl("load", str(f), db=db_copy)
    assert db.query(q)[0][0] == 7 != old


def test_web_connection_is_read_only(demo_db):
    from budget import db

    with pytest.raises(duckdb.Error):
        db.cursor().execute("CREATE TABLE hack (x INTEGER)")


def test_the_old_demo_command_still_runs_the_demo(tmp_path):
    """`python -m etl demo` (in older notes and scripts) runs `python -m demo`, which now lives above the ETL."""
    out = run_etl("demo", "--help", db=tmp_path / "none.duckdb")
    assert "python -m demo" in out.stdout and "--keep" in out.stdout
