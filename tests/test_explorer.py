"""The explorer's query layer: children always sum to their parent, at every level of every hierarchy."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budget import explorer as ex
from budget import queries
from budget.export import neutralise, to_csv


def _check(tahun: int, tahap: str, node: ex.Node) -> ex.Children:
    ch = ex.children(tahun, tahap, node)
    budget = {(y, s): v for y, s, v in ex.totals_by_year(node)}.get((tahun, tahap), Decimal(0))
    real = ex.realised_by_year(node).get(tahun, (Decimal(0), 0))[0]
    assert ch.anggaran == budget, (node, ch.level)
    assert ch.realisasi == real, (node, ch.level)
    return ch


def _walk(tahun, tahap, node, pick):
    """Follow one child per level down to the line items."""
    while True:
        ch = _check(tahun, tahap, node)
        if ch.level in ("item", "none") or not ch.rows:
            return ch
        child = pick(ch.rows)
        node = ex.child_node(node, child.key)


@pytest.mark.slow  # every year, stage and second level of a hierarchy: seconds each
@pytest.mark.parametrize("dim", ex.DIMENSIONS)
def test_children_sum_to_parent_every_year(demo_db, dim):
    for tahun in queries.years():
        for tahap in queries.stages(tahun):
            root = _check(tahun, tahap, ex.Node(dim))
            assert root.rows
            for c in root.rows:  # the whole second level
                _check(tahun, tahap, ex.child_node(ex.Node(dim), c.key))
            leaf = _walk(tahun, tahap, ex.Node(dim), lambda rows: rows[0])
            assert leaf.level == "item" and leaf.rows
            _walk(tahun, tahap, ex.Node(dim), lambda rows: rows[-1])


def test_regency_total_equals_the_overview_kpi(demo_db):
    for tahun in queries.years():
        for tahap in queries.stages(tahun):
            ov = queries.overview(tahun, tahap)
            assert ex.children(tahun, tahap, ex.Node("org")).anggaran == ov.belanja
            assert ex.children(tahun, tahap, ex.Node("ekonomi")).anggaran == ov.belanja
            assert ex.children(tahun, tahap, ex.Node("pendapatan")).anggaran == ov.pendapatan
            assert ex.children(tahun, tahap, ex.Node("org")).realisasi == ov.realisasi_belanja


def test_items_without_a_code_at_a_level_get_an_explicit_row(demo_db):
    # 4.3.03.02 (kapitasi JKN) is an objek-level line: below objek it has no rincian code.
    node = ex.Node("pendapatan", kode="4.3.03.02")
    ch = ex.children(2024, "murni", node)
    assert [c.key for c in ch.rows] == [""]
    tanpa = ex.child_node(node, "")
    assert tanpa.tanpa and ex.child_level(tanpa) == "item"
    assert ex.children(2024, "murni", tanpa).anggaran == ch.anggaran


def test_line_item_node(demo_db):
    sub = ex.Node("org", "1.02.0.00.0.00.01.0000", "1.02.01.2.02.0001")
    items = ex.children(2026, "murni", sub)
    line = ex.child_node(sub, items.rows[0].key)
    assert line.is_line and ex.child_level(line) == "none"
    assert {(y, s): v for y, s, v in ex.totals_by_year(line)}[(2026, "murni")] == items.rows[0].anggaran


@pytest.mark.parametrize(
    "params",
    [
        {"dim": "nope"},
        {"skpd": "1.02'; DROP TABLE x;--"},
        {"kode": "5.1.02.x"},
        {"dim": "ekonomi", "kode": "4.1"},
        {"dim": "org", "kode": "1.02.01"},
        {"dim": "ekonomi", "rek": "5.1", "skpd": "1.02.0.00.0.00.01.0000"},
    ],
)
def test_bad_nodes_are_refused(params):
    with pytest.raises(ex.BadNode):
        node = ex.parse_node(**params)
        ex.child_level(node)


def test_unknown_but_wellformed_codes_do_not_exist(demo_db):
    assert not ex.exists(2026, "murni", ex.Node("org", "9.99.0.00.0.00.99.0000"))
    assert ex.exists(2026, "murni", ex.Node("org", "1.02.0.00.0.00.01.0000"))


def test_downloads_neutralise_formulas_and_name_their_filters():
    assert neutralise('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert neutralise("@SUM(1)") == "'@SUM(1)" and neutralise("\tx") == "'\tx"
    assert neutralise(Decimal("-5")) == Decimal("-5") and neutralise("Dinas") == "Dinas"
    text = to_csv([("Tahun", "2026")], ["Kode", "Uraian", "Anggaran"], [["1", "+cmd|' /C calc'!A0", Decimal("-1.50")]])
    assert text.splitlines()[0] == "# Tahun: 2026"
    assert "'+cmd" in text and "-1.50" in text


def test_chart_clicks_are_validated(demo_db):
    from callbacks.apbd import click_target

    search = "?tahun=2026&tahap=murni"
    ok = click_target(search, {"points": [{"customdata": ["1.02.0.00.0.00.01.0000", "x"]}]})
    assert ok and "skpd=1.02.0.00.0.00.01.0000" in ok
    assert "lainnya=1" in click_target(search, {"points": [{"customdata": ["~lainnya"]}]})
    for bad in (
        {"points": [{"customdata": ["'; DROP TABLE apbd_anggaran_data; --"]}]},
        {"points": []},
        {"points": [{"customdata": [{"x": 1}]}]},
        None,
        {"nonsense": True},
    ):
        assert click_target(search, bad) is None
    assert click_target("?tahun=abc&dim=zzz", {"points": [{"customdata": ["5.1"]}]}) is None


def test_xlsx_download_names_filters_and_reconciles(demo_db):
    import io

    from openpyxl import load_workbook

    from callbacks.apbd import download

    sent = download("?tahun=2023&tahap=murni&dim=ekonomi", "xlsx")
    import base64

    wb = load_workbook(io.BytesIO(base64.b64decode(sent["content"])))
    ws = wb.active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[1][:2] == ["Tahun", "2023"]
    total = next(r for r in values if r[1] == "Jumlah")
    assert Decimal(str(total[2])) == Decimal("1823587840833")
    assert sent["filename"].endswith(".xlsx")


@pytest.mark.slow  # every node of the running year: tens of seconds
@pytest.mark.parametrize("dim", ["org", "ekonomi", "pendapatan"])
def test_every_node_of_the_running_year_sums_to_its_parent(demo_db, dim):
    """Exhaustive for one year and tahap: every node of the hierarchy, down to the line items."""
    seen = 0
    stack = [ex.Node(dim)]
    while stack:
        node = stack.pop()
        ch = _check(2026, "murni", node)
        seen += 1
        if ch.level not in ("item", "none"):
            stack += [ex.child_node(node, c.key) for c in ch.rows]
    assert seen > (1000 if dim == "org" else 20)


def test_one_engine_drives_every_drill_and_folds_a_long_list(demo_db):
    """The five APBD hierarchies and the village drill are one engine (`budget/hierarchy.py`) with their own
    level tables: no grouping SQL of their own, and a list beyond the limit says how many rows it folded."""
    import inspect

    from budget import desa as dq
    from budget import hierarchy

    for module in (ex, dq):
        assert "FULL JOIN" not in inspect.getsource(module.children), module.__name__
    assert ex.Children is dq.Children is hierarchy.Children

    root = dq.parse_node()
    every = dq.children(2026, "murni", root)
    assert every.level == "kecamatan" and len(every.rows) == 15
    folded = hierarchy.grouped(hierarchy.APBDES, 2026, "murni", dq.where(root), dq.LEVELS["kecamatan"], limit=4)
    assert [g.keys[0] for g in folded[:4]] == [r.key for r in every.rows[:4]]
    assert folded[-1].rest_count == 11 and folded[-1].keys == (None,) and len(folded) == 5
    assert sum(g.anggaran for g in folded) == every.anggaran and sum(g.realisasi for g in folded) == every.realisasi
    # The same engine, the APBD side: the OPD list folded after 10 still sums to the regency.
    opd = ex.children(2026, "murni", ex.Node("org"))
    short = hierarchy.grouped(hierarchy.APBD, 2026, "murni", ex.where(ex.Node("org")), ex._grouping(ex.Node("org")), 10)
    assert short[-1].rest_count == len(opd.rows) - 10 and sum(g.anggaran for g in short) == opd.anggaran
