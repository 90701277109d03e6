"""Page models hold what a page shows as plain values; their numbers are checked against DuckDB here,
without a browser and without Dash."""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

import pytest

from models.village import VillagePage, village_page
from tests.conftest import ROOT

SILURAH = "33.25.01.2001"


def _one(con, sql: str, params: list) -> Decimal:
    return con.execute(sql, params).fetchall()[0][0] or Decimal(0)


def test_models_import_no_dash_and_no_html():
    for path in (ROOT / "models").glob("*.py"):
        tree = ast.parse(path.read_text())
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [m for m in names if m.split(".")[0] in ("dash", "dash_bootstrap_components", "flask", "plotly")], (
            path,
            names,
        )
        assert "SELECT" not in path.read_text(), path  # no SQL outside the query layer


def test_a_village_page_model_matches_duckdb(con):
    p = village_page(2026, "murni", SILURAH)
    assert isinstance(p, VillagePage) and p.kind == "village" and p.nama == "Silurah"
    where = "tahun = 2026 AND kode_desa = ?"
    belanja = _one(
        con,
        f"SELECT SUM(nilai) FROM apbdes_anggaran WHERE {where} AND tahap = 'murni' AND kode_rekening LIKE '5%'",
        [SILURAH],
    )
    realisasi = _one(
        con, f"SELECT SUM(nilai) FROM apbdes_realisasi WHERE {where} AND kode_rekening LIKE '5%'", [SILURAH]
    )
    pendapatan = _one(
        con,
        f"SELECT SUM(nilai) FROM apbdes_anggaran WHERE {where} AND tahap = 'murni' AND kode_rekening LIKE '4%'",
        [SILURAH],
    )
    assert p.belanja == belanja and p.realisasi == realisasi
    assert p.serapan == realisasi / belanja * 100
    assert sum(b.anggaran for b in p.bidang) == belanja
    assert abs(sum(b.share for b in p.bidang) - 100) < Decimal("0.000001")
    assert len({b.kode for b in p.bidang}) == len(p.bidang)  # one line per bidang
    assert sum(i.anggaran for i in p.income) == pendapatan
    assert 0 < len(p.largest) <= 5 and [k.anggaran for k in p.largest] == sorted(
        (k.anggaran for k in p.largest), reverse=True
    )
    top = con.execute(
        f"SELECT kode_kegiatan, SUM(nilai) s FROM apbdes_anggaran WHERE {where} AND tahap = 'murni' "
        "AND kode_kegiatan IS NOT NULL GROUP BY 1 ORDER BY s DESC LIMIT 1",
        [SILURAH],
    ).fetchall()[0]
    assert p.largest[0].anggaran == top[1]
    years = [r[0] for r in con.execute("SELECT DISTINCT tahun FROM apbdes_anggaran ORDER BY 1").fetchall()]
    assert [y.tahun for y in p.history] == years
    assert p.as_of_month == con.execute("SELECT MAX(bulan) FROM apbd_realisasi WHERE tahun = 2026").fetchall()[0][0]
    assert p.illustrative is True  # the demo year is labelled
    from budget import desa as dq

    assert p.per_resident == p.belanja / dq.estimated_population()[SILURAH]
    kec = [v.per_resident for v in dq.villages(2026, "murni") if v.kode_kecamatan == p.kode_kecamatan]
    assert p.median_kecamatan == dq.median(kec) and p.median_kabupaten is not None


@pytest.mark.parametrize(
    "kode, kind",
    [
        ("33.25.11.1013", "kelurahan"),
        ("33.25.99.9999", "not_found"),
        ("<script>", "not_found"),
        (None, "not_found"),
        ("9" * 500, "not_found"),
    ],
)
def test_other_kinds_of_village_page(demo_db, kode, kind):
    p = village_page(2026, "murni", kode)
    assert p.kind == kind
    assert len(p.kode) <= 30 and p.belanja == 0 and p.income == []
    if kind == "kelurahan":
        assert p.kode_opd_kecamatan and p.kecamatan


def test_callbacks_render_the_village_page_through_its_model():
    src = Path(ROOT / "callbacks" / "desa.py").read_text()
    fn = next(n for n in ast.walk(ast.parse(src)) if isinstance(n, ast.FunctionDef) and n.name == "render_village")
    assert fn.end_lineno - fn.lineno < 25  # thin wiring: state, model, renderer
    assert "village_page(" in ast.get_source_segment(src, fn) and "cv.page(" in ast.get_source_segment(src, fn)


def test_the_overview_model_matches_duckdb(con):
    from models.home import home_page

    p = home_page(2026, "murni", [2026, 2025, 2024, 2023, 2022], ["murni"])

    def total(table, like, extra=""):
        return _one(con, f"SELECT SUM(nilai) FROM {table} WHERE tahun = 2026 {extra} AND kode_rekening LIKE ?", [like])

    assert p.belanja == total("apbd_anggaran", "5.%", "AND tahap = 'murni'")
    assert p.pendapatan == total("apbd_anggaran", "4.%", "AND tahap = 'murni'")
    assert p.realisasi_belanja == total("apbd_realisasi", "5.%")
    assert p.pembiayaan_netto == total("apbd_anggaran", "6.1%", "AND tahap = 'murni'") - total(
        "apbd_anggaran", "6.2%", "AND tahap = 'murni'"
    )
    last = p.as_of_month
    assert last == con.execute("SELECT MAX(bulan) FROM apbd_realisasi WHERE tahun = 2026").fetchall()[0][0]
    assert p.actual[last - 1] == p.realisasi_belanja and all(v is None for v in p.actual[last:])
    assert p.plan[11] == _one(con, "SELECT SUM(nilai) FROM apbd_anggaran_kas WHERE tahun = ?", [2026])
    assert p.plan_share_to_date == p.plan[last - 1] / p.belanja * 100
    assert p.previous is not None and p.previous[11] == _one(
        con, "SELECT SUM(nilai) FROM apbd_realisasi WHERE tahun = 2025 AND kode_rekening LIKE '5.%'", []
    )
    assert p.illustrative is True
    assert p.official_source is None and p.reconciliation == []  # no official summary loaded for 2026


def test_the_overview_model_reconciles_with_a_loaded_perda(db_copy, tmp_path, monkeypatch):
    from models.home import home_page
    from tests import official_fixtures as fx
    from tests.conftest import run_etl

    run_etl("load", str(fx.perda_xlsx(tmp_path / "Perda_APBD_2022.xlsx")), db=db_copy)
    monkeypatch.setenv("BUDGET_DB", str(db_copy))
    p = home_page(2022, "murni", [2022], ["murni", "perubahan"])
    assert p.official_source == "Perda_APBD_2022.xlsx" and not p.summary_only
    got = {r.pos: (r.ours, r.theirs, r.difference) for r in p.reconciliation}
    assert got["pendapatan"] == (Decimal("1769326979259"), Decimal("1769326979259"), 0)
    assert got["belanja"] == (Decimal("1829304856259"), Decimal("1829304856259"), 0)


def test_an_overview_without_last_year_has_no_previous_curve(demo_db):
    from models.home import home_page

    assert home_page(2022, "murni", [2022], ["murni", "perubahan"]).previous is None


def test_the_data_page_model_matches_duckdb(con):
    from etl.schema import TABLES
    from models.data import data_page

    p = data_page()
    for d in p.downloads:
        n = con.execute("SELECT COUNT(*) FROM " + d.table).fetchall()[0][0]  # names from the fixed schema
        assert d.rows == n, d.table
        assert (d.formats == ()) == (n == 0)
        assert all(d.sizes[f] > 0 for f in d.formats)
    assert [d.table for d in p.downloads] == list(TABLES)
    loads = con.execute("SELECT COUNT(*) FROM meta_load").fetchall()[0][0]
    assert len(p.loads) == min(loads, p.limit) and p.loads_truncated == (loads > p.limit)
    assert [t.name for t in p.tables] == list(TABLES)
    kode_desa = next(c for t in p.tables for c in t.columns if c.name == "kode_desa")
    assert kode_desa.required and kode_desa.example  # a valid code is shown as the example


def test_the_serapan_model_matches_duckdb(con):
    from models.serapan import serapan_page

    p = serapan_page(2026, "opd", 6, Decimal(5), Decimal(15))
    tahap = con.execute("SELECT max(tahap) FROM apbd_anggaran WHERE tahun = 2026").fetchall()[0][0]
    belanja = _one(
        con,
        "SELECT SUM(nilai) FROM apbd_anggaran WHERE tahun = 2026 AND tahap = ? AND kode_rekening LIKE '5%'",
        [tahap],
    )
    realised = _one(
        con, "SELECT SUM(nilai) FROM apbd_realisasi WHERE tahun = 2026 AND bulan <= 6 AND kode_rekening LIKE '5%'", []
    )
    planned = _one(con, "SELECT SUM(nilai) FROM apbd_anggaran_kas WHERE tahun = 2026 AND bulan <= 6", [])
    assert (p.anggaran, p.realisasi, p.rencana) == (belanja, realised, planned)
    assert p.serapan == realised / belanja * 100
    n_opd = con.execute(
        "SELECT COUNT(DISTINCT kode_skpd) FROM apbd_anggaran WHERE tahun = 2026 AND tahap = ? AND kode_rekening LIKE '5%'",
        [tahap],
    ).fetchall()[0][0]
    assert len(p.rows) == n_opd == len({r.kode for r in p.rows}) == sum(p.counts.values())
    # Ranked from most behind plan; bands follow the thresholds.
    gaps = [r.deviasi for r in p.rows]
    assert gaps == sorted(gaps)
    for r in p.rows:
        assert r.band == ("kritis" if r.deviasi <= -15 else "waspada" if r.deviasi <= -5 else "aman")
    assert [r.rank for r in p.rows] == list(range(1, n_opd + 1))
    # Stricter thresholds never put fewer units in the critical band.
    assert serapan_page(2026, "opd", 6, Decimal(2), Decimal(4)).counts["kritis"] >= p.counts["kritis"]
    # Months and quarters offered stop at the last month with realisation.
    last = con.execute("SELECT MAX(bulan) FROM apbd_realisasi WHERE tahun = 2026").fetchall()[0][0]
    assert list(p.months) == list(range(1, last + 1)) and p.quarters == [q for q in (1, 2, 3, 4) if q * 3 <= last]
    assert p.forecast.state == "value" and p.forecast.low_pct <= p.forecast.point_pct <= p.forecast.high_pct


def test_the_serapan_model_selects_one_unit_and_counts_movement(con):
    from models.serapan import MOVEMENT_SHOWN, serapan_page

    every = serapan_page(2026, "desa", 6, Decimal(5), Decimal(15))
    assert (
        len(every.rows)
        == con.execute("SELECT COUNT(DISTINCT kode_desa) FROM apbdes_anggaran WHERE tahun = 2026").fetchall()[0][0]
    )
    assert every.moved_total >= len(every.moved) and len(every.moved) <= MOVEMENT_SHOWN
    assert every.plan_years is not None and every.selected is None
    one = serapan_page(2026, "desa", 6, Decimal(5), Decimal(15), SILURAH)
    assert one.selected == SILURAH and one.selected_nama.startswith("Silurah")
    assert one.curve != every.curve
    assert serapan_page(2026, "desa", 6, Decimal(5), Decimal(15), "' OR 1=1 --").selected is None
    january = serapan_page(2026, "opd", 1, Decimal(5), Decimal(15))
    assert january.moved == [] and january.moved_total == 0


def test_the_village_drill_model_matches_duckdb(con):
    from models.desa import RANK_N, desa_drill

    p = desa_drill(2026, "murni")
    belanja = _one(
        con,
        "SELECT SUM(nilai) FROM apbdes_anggaran WHERE tahun = 2026 AND tahap = 'murni' AND kode_rekening LIKE '5%'",
        [],
    )
    assert p.found and p.anggaran == belanja == sum(r.anggaran for r in p.children)
    assert p.child_level == "kecamatan" and len({r.key for r in p.children}) == len(p.children)
    n = con.execute("SELECT COUNT(DISTINCT kode_desa) FROM apbdes_anggaran WHERE tahun = 2026").fetchall()[0][0]
    r = p.ranking
    assert r.total == n and len(r.villages) == RANK_N and r.truncated and len(r.points) == n
    serapan = [v.serapan for v in r.villages]
    assert serapan == sorted(serapan)  # the laggards first
    assert r.lagging == sum(1 for pt in r.points if pt.value is not None and pt.value < 50)
    everyone = desa_drill(2026, "murni", semua="1", urut="per_warga", ukuran="dana_desa")
    assert not everyone.ranking.truncated and len(everyone.ranking.villages) == n
    per_warga = [v.per_resident for v in everyone.ranking.villages if v.per_resident is not None]
    assert per_warga == sorted(per_warga, reverse=True)
    assert {pt.kode: pt.value for pt in everyone.ranking.points}[SILURAH] == next(
        v.dana_desa for v in everyone.ranking.villages if v.kode == SILURAH
    )
    pendapatan = _one(
        con,
        "SELECT SUM(nilai) FROM apbdes_anggaran WHERE tahun = 2026 AND tahap = 'murni' AND kode_rekening LIKE '4%'",
        [],
    )
    assert p.income.anggaran == pendapatan and p.income.where_level == "regency"


def test_the_village_drill_model_at_a_village_and_bad_nodes(con):
    from models.desa import desa_drill

    p = desa_drill(2026, "murni", kec=SILURAH[:8], desa=SILURAH)
    assert p.village == (SILURAH, "Silurah") and p.ranking is None and p.child_level == "bidang"
    assert [c.level for c in p.crumbs] == ["root", "kecamatan", "desa"] and p.title.nama == "Silurah"
    realised = [
        _one(
            con,
            "SELECT SUM(nilai) FROM apbdes_realisasi WHERE tahun = 2026 AND kode_desa = ? AND bulan <= ?"
            " AND kode_rekening LIKE '5%'",
            [SILURAH, m],
        )
        for m in range(1, 13)
    ]
    assert [v for v in p.monthly if v is not None] == realised[: len([v for v in p.monthly if v is not None])]
    assert p.income.where == "Silurah"
    assert desa_drill(2026, "murni", kec="33.25.99").missing == "33.25.99"
    assert desa_drill(2026, "murni", kec="x'; DROP TABLE ref_desa").bad_param
    assert desa_drill(2026, "murni", lainnya=999).chart_offset == 0  # past the end: back to the first page


def test_the_apbd_node_model_matches_duckdb(con):
    from models.apbd import TABLE_PAGE, apbd_node

    years = [y for (y,) in con.execute("SELECT DISTINCT tahun FROM apbd_anggaran").fetchall()]
    p = apbd_node(2026, "murni", years)
    belanja = _one(
        con,
        "SELECT SUM(nilai) FROM apbd_anggaran WHERE tahun = 2026 AND tahap = 'murni' AND kode_rekening LIKE '5%'",
        [],
    )
    realised = _one(con, "SELECT SUM(nilai) FROM apbd_realisasi WHERE tahun = 2026 AND kode_rekening LIKE '5%'", [])
    assert p.found and p.anggaran == belanja == p.children_anggaran == sum(c.anggaran for c in p.children)
    assert p.realisasi == realised and p.serapan == realised / belanja * 100
    assert p.child_level == "skpd" and len({c.key for c in p.children}) == len(p.children)
    assert p.history.years == sorted(years) and p.history.actual[0] is not None
    # An OPD: its budget, programmes, and last year's figure.
    skpd = p.children[0].key
    o = apbd_node(2026, "murni", years, skpd=skpd)
    mine = _one(
        con,
        "SELECT SUM(nilai) FROM apbd_anggaran WHERE tahun = 2026 AND tahap = 'murni' AND kode_skpd = ?"
        " AND kode_rekening LIKE '5%'",
        [skpd],
    )
    assert o.anggaran == mine and o.title.code == skpd and [c.level for c in o.crumbs] == ["root", "skpd"]
    if 2025 in years:
        last = con.execute(
            "SELECT tahap, SUM(nilai) FROM apbd_anggaran WHERE tahun = 2025 AND kode_skpd = ?"
            " AND kode_rekening LIKE '5%' GROUP BY 1 ORDER BY 1 DESC",
            [skpd],
        ).fetchall()
        assert o.has_previous_year and o.previous == last[0][1]
    # Down to one line item: its particulars, no children.
    node = o
    while node.child_level != "none":
        node = apbd_node(2026, "murni", years, **{**node.node.params(), **_first_child(node)})
    assert node.line is not None and [k for k, _ in node.line.rows][-1] == "sumber"
    # Economic accounts: a big level is paged, and the pages stop at the last.
    many = apbd_node(2026, "murni", years, dim="ekonomi", kode="5.1.02.01.01", hal=10_000)
    if len(many.children) > TABLE_PAGE:
        assert many.table_page == many.table_pages > 1
    assert apbd_node(2026, "murni", years, skpd="9.99.9.99.9.99.99.9999").missing
    assert apbd_node(2026, "murni", years, dim="x' OR 1=1").bad_param


def _first_child(p) -> dict:
    from budget import explorer as ex

    return ex.child_node(p.node, p.children[0].key).params()


def test_the_meeting_slide_models_match_duckdb(con):
    from budget import serapan as sv
    from models.rapat import SLIDE_LIST, Absorption, Budget, Critical, DanaDesa, YearEnd, rapat_slide

    s1 = rapat_slide(1, 2026, "murni").content
    belanja = _one(
        con,
        "SELECT SUM(nilai) FROM apbd_anggaran WHERE tahun = 2026 AND tahap = 'murni' AND kode_rekening LIKE '5%'",
        [],
    )
    assert isinstance(s1, Budget) and s1.belanja == belanja
    last = con.execute("SELECT MAX(bulan) FROM apbd_realisasi WHERE tahun = 2026").fetchall()[0][0]
    s2 = rapat_slide(2, 2026, "murni")
    realised = _one(
        con,
        "SELECT SUM(nilai) FROM apbd_realisasi WHERE tahun = 2026 AND bulan <= ? AND kode_rekening LIKE '5%'",
        [last],
    )
    final_budget = sum(s.anggaran for s in sv.opd_status(2026, last))
    assert isinstance(s2.content, Absorption) and s2.last_month == last
    assert s2.content.serapan == realised / final_budget * 100
    s3 = rapat_slide(3, 2026, "murni").content
    behind = [s for s in sv.opd_status(2026, last) if s.deviasi is not None and s.deviasi <= -sv.CRITICAL_PP]
    assert isinstance(s3, Critical) and s3.count == len(behind) and len(s3.shown) == min(len(behind), SLIDE_LIST)
    assert s3.more == len(behind) - len(s3.shown)
    assert [s.deviasi for s in s3.shown] == sorted(s.deviasi for s in behind)[: len(s3.shown)]
    s5 = rapat_slide(5, 2026, "murni").content
    dds = _one(
        con,
        "SELECT SUM(nilai) FROM apbdes_anggaran WHERE tahun = 2026 AND tahap = 'murni' AND sumber_dana = 'DDS'"
        " AND kode_rekening LIKE '4%'",
        [],
    )
    assert isinstance(s5, DanaDesa) and s5.anggaran == dds
    s6 = rapat_slide(6, 2026, "murni").content
    assert isinstance(s6, YearEnd) and (s6.point is None or s6.low <= s6.point <= s6.high)


def test_the_size_scan_holds_and_catches_what_it_should(tmp_path, capsys):
    import importlib.util

    spec = importlib.util.spec_from_file_location("sizes", ROOT / "tools" / "sizes.py")
    sizes = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sizes)
    held = sizes.main([])
    assert held == 0, capsys.readouterr().out  # the tree keeps the targets
    capsys.readouterr()
    for package in ("callbacks", "components", "models"):
        (tmp_path / package).mkdir()
    body = "\n".join(f"    x{i} = {i}" for i in range(85))
    (tmp_path / "callbacks" / "long.py").write_text(f"def render():\n{body}\n" + "\n" * 230)
    (tmp_path / "components" / "ok.py").write_text("def f():\n    return 1\n")
    (tmp_path / "models" / "bad.py").write_text('from dash import html\nQ = "SELECT a FROM b"\n')
    assert sizes.main([], tmp_path) == 1
    out = capsys.readouterr().out
    assert "callbacks/long.py: 316 lines (limit 300)" in out
    assert "callbacks/long.py:1 render: 86 lines (limit 80)" in out
    assert "models/bad.py:1: imports dash" in out and "models/bad.py:2: holds SQL" in out
    assert "components/ok.py" not in out.split("Targets broken:")[1]
