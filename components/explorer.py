"""Figures and tables for the drill-down explorers: rows in, components out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

import dash_bootstrap_components as dbc
from dash import dcc, html

from budget.fmt import percent, rupiah, rupiah_full
from budget.i18n import t
from components.figures import BLUE, FONT, GREY, LIGHT, graph
from components.terms import term

LAINNYA = "~lainnya"  # chart token for the grouped remainder


def shorten(text: str, n: int = 38) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def wrap(text: str, width: int = 18) -> str:
    """A tile label broken into short lines, so that it fits a tile instead of being hidden."""
    import textwrap

    return "<br>".join(textwrap.wrap(text, width)) or text


def chart_items(rows: list[dict], offset: int, n: int, lainnya_label) -> list[tuple]:
    """Rows offset..offset+n as chart items, the rest folded into one 'Lainnya' item so the chart
    still sums to its parent. rows: dicts with token, nama, anggaran, realisasi, serapan."""
    part, rest = rows[offset : offset + n], rows[offset + n :]
    items = [
        (r["token"] if r["token"] is not None else LAINNYA, r["nama"], r["anggaran"], r["realisasi"], r["serapan"])
        for r in part
    ]
    if rest:
        a = sum((r["anggaran"] for r in rest), Decimal(0))
        re_ = sum((r["realisasi"] for r in rest), Decimal(0))
        items.append((LAINNYA, lainnya_label(len(rest)), a, re_, re_ / a * 100 if a else None))
    return items


def category_keys(tokens: Sequence[str | None]) -> list[str]:
    """One distinct category key per chart row: the child's token (its code), made unique by its
    position where two rows share one (or have none)."""
    seen: set[str] = set()
    keys = []
    for i, tok in enumerate(tokens):
        key = str(tok) if tok not in (None, "") else f"#{i}"
        if key in seen:
            key = f"{key}#{i}"
        seen.add(key)
        keys.append(key)
    return keys


def category_axis(keys: list[str], labels: list[str]) -> dict:
    """A category axis keyed by code (never by label: two names that shorten to the same text would
    share one row), in the given order, with the names only as tick text."""
    return {
        "type": "category",
        "categoryorder": "array",
        "categoryarray": keys,
        "tickvals": keys,
        "ticktext": labels,
        "automargin": True,
        "fixedrange": True,
    }


def serapan_color(s: Decimal | None) -> str:
    """Absorption as a colour: red well behind, amber behind, green on track, grey unknown."""
    if s is None:
        return "#adb5bd"
    v = float(s)
    low, mid, high = (color for color, _ in SERAPAN_BANDS)
    return low if v < 40 else mid if v < 65 else high


def _layout(height: int, **extra) -> dict:
    return {
        "margin": {"l": 4, "r": 4, "t": 8, "b": 4},
        "height": height,
        "font": {"family": FONT, "size": 12},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "dragmode": False,
        **extra,
    }


def treemap(items: Sequence[tuple[str, str, Decimal, Decimal, Decimal | None]], lang: str) -> dict:
    """items: (token, label, anggaran, realisasi, serapan); one tile per child, coloured by serapan.
    Figures are plain dicts: dcc.Graph takes them as is, without plotly's costly validation."""
    trace = {
        "type": "treemap",
        "labels": [wrap(shorten(label, 40)) for _, label, *_ in items],
        "parents": [""] * len(items),
        "ids": [str(i) for i in range(len(items))],
        "values": [max(float(a), 0.0) for _, _, a, _, _ in items],
        "customdata": [[tok, rupiah(a, lang), percent(s, lang, 1)] for tok, _, a, _, s in items],
        "texttemplate": "%{label}<br>%{customdata[1]}",
        "hovertemplate": "%{label}<br>%{customdata[1]} · "
        + t("col.serapan", lang)
        + " %{customdata[2]}<extra></extra>",
        "marker": {"colors": [serapan_color(s) for *_, s in items], "line": {"width": 1, "color": "#fff"}},
        "branchvalues": "remainder",
        "sort": False,
        "tiling": {"pad": 2},
        "pathbar": {"visible": False},
        # Not a treemap attribute (plotly ignores it): dcc.Graph 4.4.1 reads `data.mode.includes(...)` for any
        # point whose pointNumber is not a number, and the treemap's implicit root (the gaps between tiles)
        # is such a point: hovering there threw a TypeError in the page.
        "mode": "",
    }
    # Labels never shrink below a readable size: a tile too small for one shows none (its name and
    # figures stay in the hover, the bars and the table, which list every child).
    return {"data": [trace], "layout": _layout(320, uniformtext={"minsize": 11, "mode": "hide"})}


def bars(items: Sequence[tuple[str, str, Decimal, Decimal, Decimal | None]], lang: str) -> dict:
    """Horizontal bars of anggaran with realisasi over them and serapan % as text; largest on top."""
    rows = list(reversed(items))
    keys = category_keys([tok for tok, *_ in rows])
    labels = [shorten(label, 30) for _, label, *_ in rows]
    tokens = [
        [tok, rupiah(a, lang), rupiah(r, lang), percent(s, lang, 1), " ".join(str(label).split())]
        for tok, label, a, r, s in rows
    ]
    data = [
        {
            "type": "bar",
            "y": keys,
            "x": [float(a) for _, _, a, _, _ in rows],
            "orientation": "h",
            "name": t("col.anggaran", lang),
            "marker": {"color": LIGHT},
            "customdata": tokens,
            "hovertemplate": "%{customdata[4]}<br>" + t("col.anggaran", lang) + " %{customdata[1]}<extra></extra>",
        },
        {
            "type": "bar",
            "y": keys,
            "x": [float(r) for _, _, _, r, _ in rows],
            "orientation": "h",
            "name": t("col.realisasi", lang),
            "marker": {"color": BLUE},
            "customdata": tokens,
            "text": [c[3] for c in tokens],
            "textposition": "outside",
            "cliponaxis": False,
            "width": 0.45,
            "hovertemplate": "%{customdata[4]}<br>"
            + t("col.realisasi", lang)
            + " %{customdata[2]} (%{customdata[3]})<extra></extra>",
        },
    ]
    top = max([float(a) for _, _, a, _, _ in rows] + [float(r) for _, _, _, r, _ in rows] + [1.0])
    layout = _layout(
        60 + 30 * len(rows),
        barmode="overlay",
        showlegend=True,
        legend={"orientation": "h", "y": -0.02, "x": 0, "yanchor": "top"},
        xaxis={"visible": False, "range": [0, top * 1.22], "fixedrange": True},
        yaxis={**category_axis(keys, labels), "tickfont": {"size": 11}},
    )
    return {"data": data, "layout": layout}


def trend(years: list[int], anggaran: list[Decimal | None], realisasi: list[Decimal | None], lang: str) -> dict:
    from components.figures import _axis_ticks

    def bar(values, name, color):
        return {
            "type": "bar",
            "x": [str(y) for y in years],
            "y": [float(v) if v is not None else None for v in values],
            "name": name,
            "marker": {"color": color},
            "customdata": [rupiah(v, lang) for v in values],
            "hovertemplate": "%{x}: %{customdata}<extra>" + name + "</extra>",
        }

    top = max([float(v) for v in anggaran + realisasi if v is not None] + [1.0])
    vals, labels = _axis_ticks(top, lang)
    layout = _layout(
        260,
        barmode="group",
        legend={"orientation": "h", "y": -0.2, "x": 0},
        yaxis={"tickvals": vals, "ticktext": labels, "gridcolor": "#e9ecef", "fixedrange": True, "automargin": True},
        xaxis={"fixedrange": True},
    )
    return {
        "data": [bar(anggaran, t("col.anggaran", lang), LIGHT), bar(realisasi, t("col.realisasi", lang), BLUE)],
        "layout": layout,
    }


def money(value: Decimal | None, lang: str) -> list:
    """Rupiah to the sen on a wide screen; the short form (Rp1,2 M) on a phone, where the full
    figure would push the serapan column off-screen."""
    return [
        html.Span(rupiah(value, lang), className="d-md-none"),
        html.Span(rupiah_full(value, lang), className="d-none d-md-inline"),
    ]


def children_table(
    rows: list[dict],
    lang: str,
    link: Callable[[str], str | None],
    total: dict,
    caption: str,
    table_id: str,
) -> dbc.Table:
    """rows: dicts with token, kode, nama, detail, anggaran, realisasi, serapan, sisa. Names link to the child."""
    head = html.Thead(
        html.Tr(
            [
                html.Th(t("col.kode", lang), className="d-none d-md-table-cell"),
                html.Th(t("col.nama", lang)),
                html.Th(term(t("col.anggaran", lang), "anggaran", lang), className="text-end"),
                html.Th(term(t("col.realisasi", lang), "realisasi", lang), className="text-end d-none d-sm-table-cell"),
                html.Th(term(t("col.serapan", lang), "serapan", lang), className="text-end"),
                html.Th(t("col.sisa", lang), className="text-end d-none d-sm-table-cell"),
            ]
        )
    )
    body = []
    for i, r in enumerate(rows):
        href = link(r["token"])
        name: list = [dcc.Link(r["nama"], href=href, id={"type": "apbd-row", "index": i}) if href else r["nama"]]
        if r.get("detail"):
            name += [html.Br(), html.Small(r["detail"], className="text-body-secondary")]
        body.append(
            html.Tr(
                [
                    html.Td(r["kode"], className="d-none d-md-table-cell small text-nowrap"),
                    html.Td(name),
                    html.Td(money(r["anggaran"], lang), className="text-end text-nowrap"),
                    html.Td(rupiah_full(r["realisasi"], lang), className="text-end text-nowrap d-none d-sm-table-cell"),
                    html.Td(
                        percent(r["serapan"], lang, 1),
                        className="text-end",
                        style={"color": serapan_color(r["serapan"])},
                    ),
                    html.Td(rupiah_full(r["sisa"], lang), className="text-end text-nowrap d-none d-sm-table-cell"),
                ]
            )
        )
    foot = html.Tfoot(
        html.Tr(
            [
                html.Td("", className="d-none d-md-table-cell"),
                html.Th(t("apbd.total", lang)),
                html.Th(money(total["anggaran"], lang), className="text-end text-nowrap", id=f"{table_id}-total"),
                html.Th(rupiah_full(total["realisasi"], lang), className="text-end text-nowrap d-none d-sm-table-cell"),
                html.Th(percent(total["serapan"], lang, 1), className="text-end"),
                html.Th(rupiah_full(total["sisa"], lang), className="text-end text-nowrap d-none d-sm-table-cell"),
            ]
        )
    )
    return dbc.Table(
        [html.Caption(caption, className="small"), head, html.Tbody(body), foot],
        id=table_id,
        size="sm",
        hover=True,
        responsive=True,
        className="align-middle small mb-1",
    )


def stage_buttons(stages: list[str], current: str, hrefs: dict[str, str], lang: str, id_prefix: str, **group) -> object:
    """The tahap switch (murni / perubahan) every page header carries: one link per loaded stage."""
    return dbc.ButtonGroup(
        [
            dcc.Link(
                t(f"tahap.{s}", lang),
                href=hrefs.get(s, ""),
                className="btn btn-sm " + ("btn-primary" if s == current else "btn-outline-primary"),
                id=f"{id_prefix}-tahap-{s}",
            )
            for s in stages
        ],
        **group,
    )


def stat(label: str, value, sub=None, id: str | None = None) -> dbc.Col:
    kw = {"id": id} if id else {}
    return dbc.Col(
        html.Div(
            [
                html.Div(label, className="kpi-title"),
                html.Div(value, className="stat-value", **kw),
                html.Div(sub, className="small text-body-secondary") if sub else None,
            ]
        ),
        xs=6,
        lg=3,
        className="mb-2",
    )


__all__ = ["GREY", "LAINNYA", "bars", "children_table", "serapan_color", "shorten", "stat", "treemap", "trend"]


# Readable as text on white (WCAG AA, contrast >= 4.5) as well as in the charts.
SERAPAN_BANDS = (("#b02a1f", "< 40%"), ("#9a5b00", "40\u201365%"), ("#1e7045", "\u2265 65%"))


def color_legend(lang: str) -> html.Div:
    """What the tile colours mean, with a swatch of each colour."""
    return html.Div(
        [html.Span(t("chart.color", lang) + ":", className="me-2")]
        + [
            html.Span(
                [html.Span(className="swatch", style={"background": color}), label],
                className="me-3 text-nowrap",
            )
            for color, label in SERAPAN_BANDS
        ],
        className="small text-body-secondary d-flex flex-wrap align-items-center chart-legend",
    )


def linked_charts(items: list[tuple], lang: str, treemap_id: str, bars_id: str) -> dbc.Row:
    """The treemap and the bar chart of one node's children, side by side (stacked on a phone)."""

    def card(title, graph, extra=None):
        return dbc.Col(dbc.Card(dbc.CardBody([html.H3(title, className="h6"), graph, extra])), md=6, className="mb-3")

    return dbc.Row(
        [
            card(
                t("chart.treemap", lang),
                graph(treemap_id, treemap(items, lang), lang),
                color_legend(lang),
            ),
            card(t("chart.bars", lang), graph(bars_id, bars(items, lang), lang)),
        ]
    )
