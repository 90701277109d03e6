"""The trial's findings (issue 10) that need no browser: each test fails on the code before its fix."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest


@pytest.fixture(scope="module")
def app(demo_db):
    import app as app_module

    return app_module.app


def _find(component, wanted: str):
    """The component with id `wanted` in a Dash tree, or None."""
    if getattr(component, "id", None) == wanted:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if hasattr(child, "to_plotly_json"):
            hit = _find(child, wanted)
            if hit is not None:
                return hit
    return None


def _text(component) -> str:
    if component is None:
        return ""
    if isinstance(component, (str, int, float)):
        return str(component)
    if isinstance(component, (list, tuple)):
        return " ".join(_text(c) for c in component)
    return _text(getattr(component, "children", None))


def _bars_for(node, tahun=2026, tahap="murni"):
    from budget import queries
    from components import apbd as ca
    from components import explorer as cx
    from models.apbd import CHART_N, apbd_node

    rows = ca.table_rows(apbd_node(tahun, tahap, queries.years(), **node.params()), "id")
    items = cx.chart_items(rows, 0, CHART_N, lambda n: f"Lainnya ({n})")
    return rows, items, cx.bars(items, "id")


def test_trial001_every_bar_is_one_budget_line_across_a_walk(demo_db):
    """Down to the line items of every first child, and the whole path the trial took: each bars figure
    has one distinct category per chart item, and the items are the table's rows in order."""
    from budget import explorer as ex
    from models.apbd import CHART_N

    checked, merged_labels = 0, 0
    node = ex.Node("org")
    frontier = [node]
    while frontier:
        node = frontier.pop()
        rows, items, fig = _bars_for(node)
        for trace in fig["data"]:
            assert len(trace["y"]) == len(set(trace["y"])) == len(items), node
        ticks = fig["layout"]["yaxis"]["ticktext"]
        merged_labels += len(ticks) - len(set(ticks))
        # the bars are the chart items, which are the table's first rows (largest on top), one per row
        assert [c[0] for c in reversed(fig["data"][0]["customdata"])] == [it[0] for it in items]
        k = min(len(rows), CHART_N)
        assert [it[0] for it in items[:k]] == [r["token"] if r["token"] is not None else "~lainnya" for r in rows[:k]]
        checked += 1
        ch = ex.children(2026, "murni", node)
        kids = [c for c in ch.rows if c.key and not c.rest_count and not c.is_item]
        if kids and checked < 60:
            frontier += [ex.child_node(node, kids[0].key)] + (
                [ex.child_node(node, kids[-1].key)] if len(kids) > 1 else []
            )
    assert checked >= 10
    # The walk met names that shorten to the same tick text: exactly the case that merged rows before.
    assert merged_labels > 0


def test_trial002_income_bars_keyed_by_source_with_rupiah():
    from components.desa import income_bars

    fig = income_bars([("DDS", Decimal("850000000"), Decimal("1")), ("ADD", Decimal("450000000"), Decimal("2"))], "id")
    ys = fig["data"][0]["y"]
    assert ys == ["ADD", "DDS"] and fig["layout"]["yaxis"]["type"] == "category"
    ticks = " ".join(fig["layout"]["yaxis"]["ticktext"])
    assert "Rp850\xa0jt" in ticks and "(65,4%)" in ticks


def test_trial003_forecast_card_follows_the_selected_unit(demo_db):
    from budget import serapan as sv
    from budget.fmt import percent
    from callbacks import serapan

    m = sv.last_month(2026) or 12
    sts = sv.opd_status(2026, m)
    pick = next(s for s in sts if s.nama == "Disperpuska")
    fc = {f.kode: f for f in sv.forecasts("opd", 2026, m, sts)}[pick.kode]
    page = serapan.render(tahun="2026", kode=pick.kode)
    assert percent(fc.point_pct, "id", 1) in _text(_find(page, "serapan-forecast"))
    assert "Disperpuska" in _text(_find(page, "serapan-forecast-title"))
    regency = _text(_find(serapan.render(tahun="2026"), "serapan-forecast"))
    assert regency != _text(_find(page, "serapan-forecast"))


def test_trial004_a_truncated_slide_list_says_how_many_are_not_shown(demo_db):
    from budget import serapan as sv
    from callbacks import rapat

    crit = [s for s in sv.desa_status(2026, sv.last_month(2026, "desa") or 12) if sv.band(s.deviasi) == "kritis"]
    assert len(crit) > rapat.SLIDE_LIST  # the demo has 12
    slide = rapat.render(slide="4", tahun="2026")
    listed = _find(slide, "rapat-list").children
    assert len(listed) == rapat.SLIDE_LIST
    assert f"{len(crit) - rapat.SLIDE_LIST} lainnya" in _text(_find(slide, "rapat-more"))
    assert _find(slide, "rapat-home") is not None


def test_trial005_silently_changed_input_is_named(demo_db):
    from callbacks import serapan

    page = serapan.render(tahun="2026", waspada="20", kritis="5")
    assert "waspada 20 / kritis 5" in _text(page) and "bawaan 5 / 15" in _text(page)
    page = serapan.render(tahun="2026", bulan="13", lang="en")
    assert "bulan=13 is not valid" in _text(page)
    assert "no realisation data for" in _text(serapan.render(tahun="2026", bulan="12", lang="en"))
    # Apply writes what the user typed, so the page can say what was wrong with it.
    assert "waspada=20" in serapan.apply_thresholds("?tahun=2026", 20, 5)


def test_trial006_curve_stops_at_the_chosen_month(demo_db):
    from budget import serapan as sv
    from components import serapan as cserapan

    fig = cserapan.figure(sv.curve(2026, "opd", None), "id", 2026, 6)
    actual = fig["data"][-1]["y"]
    assert all(v is not None for v in actual[:6]) and all(v is None for v in actual[6:])
    assert fig["layout"]["shapes"][0]["x0"] == "Jun"


def test_trial007_unknown_paths_are_404_with_the_apps_page(app):
    client = app.server.test_client()
    for path in ("/nonexistent", "/apbd/x/y", "/unduh/rahasia.csv", "/unduh/apbd_anggaran.exe"):
        resp = client.get(path)
        assert resp.status_code == 404, path
        assert b"_dash-app-content" in resp.data or b"react-entry-point" in resp.data, path  # the app, not Flask's
    for path in ("/", "/apbd", "/desa", "/desa/33.25.01.2001", "/serapan", "/rapat", "/rapat/3", "/data"):
        assert client.get(path).status_code == 200, path


def test_trial008_no_developer_text_in_public_strings():
    from budget import rules
    from budget.i18n import STRINGS

    texts = [s for pair in STRINGS.values() for s in pair]
    texts += [r.source for r in rules.RULES]  # the approximations are messages: in STRINGS above
    bad = [s for s in texts if re.search(r"\.py\b|docs/|`|meta_\w+|python -m|\\d|\[\d", s)]
    assert bad == []


def test_trial009_data_page_names_sizes_and_hides_empty_tables(demo_db):
    from callbacks import data

    page = data.render(lang="en")
    assert _find(page, "data-dl-apbd_ringkasan-csv") is None  # no rows in the demo
    assert "empty" in _text(_find(page, "data-downloads"))
    big = _find(page, "data-downloads")
    text = _text(big)
    assert re.search(r"CSV · \d[\d.,]* MB", text) and re.search(r"Parquet · \d", text)
    assert "e.g. 33.25.01.2001" in _text(_find(page, "data-dictionary"))
    assert "required" in _text(_find(page, "data-dictionary"))


def test_trial010_search_lists_no_match_without_a_shared_piece(demo_db):
    from budget import search

    hits = search.search(2026, "posyandu")
    assert hits and all("dau" not in h.nama.lower().split() for h in hits)
    for h in hits:
        assert "posyandu" in h.nama.lower() or h.score < 96
    top = search.search(2026, "pendidikan")[0]
    assert "pendidikan" in top.nama.lower()


def test_trial011_code_examples_are_valid():
    from etl.schema import EXAMPLES

    for pattern, example in EXAMPLES.items():
        assert re.fullmatch(pattern, example)


def test_trial012_treemap_labels_stay_readable_and_the_legend_shows_colours():
    from components import explorer as cx

    items = [("a", "Belanja Pegawai untuk Tambahan Penghasilan berdasarkan beban kerja", Decimal(10), Decimal(5), None)]
    fig = cx.treemap(items, "id")
    assert fig["layout"]["uniformtext"] == {"minsize": 11, "mode": "hide"}
    assert all(len(line) <= 18 for line in fig["data"][0]["labels"][0].split("<br>"))
    legend = cx.color_legend("en")
    swatches = [c.children[0].style["background"] for c in legend.children[1:]]
    assert swatches == [color for color, _ in cx.SERAPAN_BANDS] and len(set(swatches)) == 3


def test_trial013_the_chosen_month_looks_chosen_and_the_others_available(demo_db):
    from callbacks import serapan

    page = serapan.render(tahun="2026", bulan="6")
    chosen = _find(page, "serapan-bulan-6").className
    other = _find(page, "serapan-bulan-3").className
    assert "btn-primary" in chosen and "btn-outline-primary" in other and "secondary" not in other
