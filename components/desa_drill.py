"""Dash renderer of the village drill's model (`models.desa.DesaDrill`): layout and formatting only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

import dash_bootstrap_components as dbc
from dash import dcc, html

from budget.fmt import percent, rupiah, rupiah_full
from budget.i18n import month, t
from components import desa as cd
from components import explorer as cx
from components import notices
from components.figures import cumulative_curve, graph
from components.terms import term
from models.desa import CHART_N, LAGGING_PCT, SORTS, Crumb, DesaDrill, Income, Ranking

ID_TREEMAP, ID_BARS, ID_MAP, ID_TABLE = "desa-treemap", "desa-bars", "desa-map", "desa-table"
ID_RANKING = "desa-ranking"


def _none(_: str) -> str | None:
    return None


@dataclass(frozen=True)
class Links:
    """The page's links (they carry URL state, which the wiring owns)."""

    root: str = ""
    stages: dict[str, str] = field(default_factory=dict)
    crumbs: list[str] = field(default_factory=list)  # one per breadcrumb
    child: Callable[[str], str | None] = _none  # a child's token -> its node
    village: Callable[[str], str] = str  # kode_desa -> the village page
    details_of_village: str | None = None  # the village page of the node's village
    sorts: dict[str, str] = field(default_factory=dict)
    measures: dict[str, str] = field(default_factory=dict)
    show_all: str = ""


def heading(tahun: int, tahap: str, stages: list[str], lang: str, links: Links) -> html.Div:
    return html.Div(
        [
            html.H1(t("desa.heading", lang, tahun=tahun), className="h3 mb-2 mb-md-0"),
            cx.stage_buttons(stages, tahap, links.stages, lang, "desa"),
        ],
        className="d-flex flex-wrap align-items-center justify-content-between mb-2",
    )


def hidden_graphs() -> html.Div:
    """Keep every id the page's callbacks listen to present in every state of the page."""
    return html.Div([dcc.Graph(id=ID_TREEMAP), dcc.Graph(id=ID_BARS), dcc.Graph(id=ID_MAP)], style={"display": "none"})


def label(c: Crumb, lang: str) -> str:
    if c.level == "root":
        return t("desa.root", lang)
    if c.level == "kecamatan":
        return "Kec. " + (c.nama or "")
    return c.nama or ""


def page(p: DesaDrill, lang: str, links: Links) -> list:
    if p.bad_param is not None or p.missing is not None:
        return _not_found(p, lang, links)
    body = [_breadcrumb(p, lang, links), _node_card(p, lang, links)]
    if p.child_level == "none":
        body.append(html.Div([dcc.Graph(id=ID_TREEMAP), dcc.Graph(id=ID_BARS)], style={"display": "none"}))
    else:
        body += _children(p, lang, links)
    if p.income is not None:
        body.append(income_card(p.income, lang))
    if p.ranking is not None:
        body.append(_ranking_and_map(p.ranking, p.tahun, p.name_at("kecamatan"), lang, links))
    else:
        body.append(_monthly(p, lang))
    if p.node is not None and p.node.desa:
        body.append(html.Div(dcc.Graph(id=ID_MAP), style={"display": "none"}))
    return body


def _not_found(p: DesaDrill, lang: str, links: Links) -> list:
    if p.bad_param is not None:
        text = t("apbd.bad_param", lang, what=p.bad_param)
    else:
        text = t("apbd.not_found", lang, what=p.missing, tahun=p.tahun, tahap=t(f"tahap.{p.tahap}", lang))
    return [
        notices.info(text, "warning", id="desa-not-found"),
        dcc.Link(t("apbd.to_root", lang), href=links.root),
        hidden_graphs(),
    ]


def _breadcrumb(p: DesaDrill, lang: str, links: Links) -> dbc.Breadcrumb:
    last = len(p.crumbs) - 1
    items = [
        {"label": cx.shorten(label(c, lang), 48), "active": True}
        if i == last
        else {"label": cx.shorten(label(c, lang), 48), "href": links.crumbs[i]}
        for i, c in enumerate(p.crumbs)
    ]
    return dbc.Breadcrumb(items=items, id="desa-breadcrumb", className="small mb-2")


def _node_card(p: DesaDrill, lang: str, links: Links) -> dbc.Card:
    tahap = t(f"tahap.{p.tahap}", lang)
    realised_to = t(
        "node.realisasi_to", lang, bulan=month(p.as_of_month, lang) if p.as_of_month else "–", tahun=p.tahun
    )
    card = [
        html.H2(label(p.title, lang), className="h5", id="desa-node-title"),
        dbc.Row(
            [
                cx.stat(
                    t("node.anggaran_tahap", lang, tahap=tahap),
                    rupiah(p.anggaran, lang),
                    rupiah_full(p.anggaran, lang),
                    id="desa-node-anggaran",
                ),
                cx.stat(realised_to, rupiah(p.realisasi, lang), rupiah_full(p.realisasi, lang)),
                cx.stat(
                    term(t("col.serapan", lang), "serapan", lang), percent(p.serapan, lang), id="desa-node-serapan"
                ),
            ],
            className="g-2",
        ),
    ]
    if p.village is not None:
        card.append(
            dcc.Link(
                "→ " + t("v.title", lang, nama=p.village[1]),
                href=links.details_of_village or "",
                id="desa-village-link",
                className="small",
            )
        )
    return dbc.Card(dbc.CardBody(card), className="mb-3", id="desa-node")


def _children(p: DesaDrill, lang: str, links: Links) -> list:
    rows = [
        {
            "token": r.key,
            "kode": r.key.replace("|", " · "),
            "nama": r.nama,
            "detail": "",
            "anggaran": r.anggaran,
            "realisasi": r.realisasi,
            "serapan": r.serapan,
            "sisa": r.anggaran - r.realisasi,
        }
        for r in p.children
    ]
    items = cx.chart_items(rows, p.chart_offset, CHART_N, lambda n: t("apbd.lainnya", lang, n=n))
    total = {"anggaran": p.anggaran, "realisasi": p.realisasi, "sisa": p.anggaran - p.realisasi, "serapan": p.serapan}
    caption = t("desa.children", lang, level=t(f"level.{p.child_level}", lang))
    table = cx.children_table(rows, lang, links.child, total, caption, ID_TABLE)
    return [
        cx.linked_charts(items, lang, ID_TREEMAP, ID_BARS),
        dbc.Card(dbc.CardBody([html.H3(caption, className="h6"), table]), className="mb-3"),
    ]


def _monthly(p: DesaDrill, lang: str) -> dbc.Card:
    figure = cumulative_curve(p.tahun, p.monthly or [None] * 12, [None] * 12, None, p.anggaran, lang)
    return dbc.Card(
        dbc.CardBody(
            [
                html.H3(t("node.monthly", lang), className="h6"),
                graph("desa-monthly", figure, lang),
            ]
        ),
        className="mb-3",
    )


def income_card(inc: Income, lang: str) -> dbc.Card:
    if inc.where_level == "desa":
        where = inc.where or ""
    elif inc.where_level == "kecamatan":
        where = "Kec. " + (inc.where or "")
    else:
        where = t("app.region", lang)
    head = html.Tr(
        [
            html.Th(""),
            html.Th(term(t("col.anggaran", lang), "anggaran", lang), className="text-end"),
            html.Th(term(t("col.realisasi", lang), "realisasi", lang), className="text-end"),
        ]
    )
    rows = [
        html.Tr(
            [
                html.Td(t(f"source.{c}", lang)),
                html.Td(cx.money(a, lang), className="text-end text-nowrap"),
                html.Td(cx.money(r, lang), className="text-end text-nowrap"),
            ]
        )
        for c, a, r in inc.rows
    ]
    foot = html.Tr(
        [
            html.Th(t("apbd.total", lang)),
            html.Th(cx.money(inc.anggaran, lang), className="text-end text-nowrap", id="desa-income-total"),
            html.Th(cx.money(inc.realisasi, lang), className="text-end text-nowrap"),
        ]
    )
    table = dbc.Table(
        [html.Thead(head), html.Tbody(rows), html.Tfoot(foot)], size="sm", responsive=True, className="small mb-0"
    )
    return dbc.Card(
        dbc.CardBody(
            [
                html.H3(t("desa.income_for", lang, where=where), className="h6"),
                graph("desa-income", cd.income_bars(inc.rows, lang), lang),
                html.Details([html.Summary(t("curve.table_caption", lang), className="small"), table]),
            ]
        ),
        className="mb-3",
        id="desa-income-card",
    )


def _sort_label(s: str, lang: str) -> str:
    if s in ("serapan", "per_warga", "perubahan"):
        return t(f"sort.{s}", lang)
    return t("sort.bidang", lang, bidang="Bidang " + s[1:])


def _ranking_table(r: Ranking, tahun: int, lang: str, links: Links) -> dbc.Table:
    head = [
        t("col.desa", lang),
        t("col.kecamatan", lang),
        t("col.belanja", lang),
        t("col.serapan", lang),
        t("col.per_warga", lang),
        t("col.porsi", lang) + (f" {r.bidang}" if r.bidang else " 02"),
        t("col.perubahan", lang, tahun=tahun - 1),
    ]
    # A phone keeps the village and the column the list is sorted by (and serapan); the rest need a wider screen.
    sorted_col = {"serapan": 3, "per_warga": 4, "perubahan": 6}.get(r.sort, 5)
    cls = [
        ("text-end " if i > 1 else "") + ("" if i in (0, 3, sorted_col) else notices.WIDE_ONLY)
        for i in range(len(head))
    ]
    rows = [
        html.Tr(
            [
                html.Td(i + 1, className=notices.WIDE_ONLY),
                html.Td(
                    dcc.Link(v.nama, href=links.village(v.kode), id={"type": "desa-rank", "index": i}),
                    className=cls[0],
                ),
                html.Td(v.kecamatan, className=cls[1]),
                html.Td(rupiah(v.belanja, lang), className="text-nowrap " + cls[2]),
                html.Td(percent(v.serapan, lang, 1), className=cls[3], style={"color": cx.serapan_color(v.serapan)}),
                html.Td(rupiah(v.per_resident, lang), className="text-nowrap " + cls[4]),
                html.Td(percent(v.bidang_share(r.bidang or "02"), lang, 1), className=cls[5]),
                html.Td(percent(v.change, lang, 1) if v.change is not None else "–", className=cls[6]),
            ]
        )
        for i, v in enumerate(r.villages)
    ]
    return dbc.Table(
        [
            html.Thead(
                html.Tr(
                    [html.Th("#", className=notices.WIDE_ONLY)] + [html.Th(h, className=c) for h, c in zip(head, cls)]
                )
            ),
            html.Tbody(rows),
        ],
        size="sm",
        hover=True,
        responsive=True,
        className="small mb-1",
        id=ID_RANKING,
    )


def _ranking_card(r: Ranking, tahun: int, kecamatan: str | None, lang: str, links: Links) -> dbc.Card:
    sort_links = [
        dcc.Link(
            _sort_label(s, lang),
            href=links.sorts.get(s, ""),
            className="btn btn-sm me-1 mb-1 " + ("btn-primary fw-bold" if s == r.sort else "btn-outline-primary"),
            id=f"desa-sort-{s}",
        )
        for s in SORTS
    ]
    more = [notices.phone_columns(lang)]
    if r.truncated:
        more += [
            html.Span(
                t("desa.ranking_truncated", lang, shown=len(r.villages), n=r.total) + " ", id="desa-ranking-note"
            ),
            dcc.Link(t("desa.show_all", lang), href=links.show_all),
        ]
    title = t("desa.ranking_in", lang, kec=kecamatan or "") if kecamatan is not None else t("desa.ranking", lang)
    return dbc.Card(
        dbc.CardBody(
            [
                html.H3(title, className="h6"),
                html.Div(
                    t("desa.lagging", lang, n=r.lagging, pct=percent(LAGGING_PCT, lang, 0)),
                    className="small mb-2 text-danger",
                    id="desa-lagging",
                ),
                html.Div(
                    [html.Span(t("desa.sort", lang) + ": ", className="small me-1")] + sort_links, className="mb-2"
                ),
                _ranking_table(r, tahun, lang, links),
                html.Div(more, className="small"),
                html.P(t("desa.pop_note", lang), className="small text-body-secondary mt-2 mb-0", id="desa-pop-note"),
            ]
        )
    )


def _map_card(r: Ranking, lang: str, links: Links) -> dbc.Card:
    def shown(v: Decimal | None) -> str:
        return percent(v) if r.measure == "serapan" else rupiah(v)

    points = [
        {
            "kode": p.kode,
            "nama": p.nama,
            "kecamatan": p.kecamatan,
            "lat": p.lat,
            "lng": p.lng,
            "value": float(p.value) if p.value is not None else None,
            "text": shown(p.shown),
        }
        for p in r.points
    ]
    if r.measure == "serapan":
        fmt = lambda x: percent(Decimal(str(x)), lang, 0)  # noqa: E731
    else:
        fmt = lambda x: rupiah(Decimal(str(x)), lang)  # noqa: E731
    swatch = {"display": "inline-block", "width": "0.9em", "height": "0.9em", "marginRight": "0.3em"}
    legend = html.Div(
        [
            html.Span([html.Span(style={"background": c, **swatch}), text], className="me-3 text-nowrap d-inline-block")
            for c, text in cd.legend_items(points, fmt)
        ],
        className="small",
    )
    measure_links = [
        dcc.Link(
            t(f"measure.{m}", lang),
            href=href,
            className="btn btn-sm me-1 mb-1 " + ("btn-primary fw-bold" if m == r.measure else "btn-outline-primary"),
            id=f"desa-measure-{m}",
        )
        for m, href in links.measures.items()
    ]
    figure = cd.village_map(points, t(f"measure.{r.measure}", lang), lang, r.polygons)
    return dbc.Card(
        dbc.CardBody(
            [
                html.H3(t("desa.map", lang), className="h6"),
                html.Div(
                    [html.Span(t("desa.map_measure", lang) + ": ", className="small me-1")] + measure_links,
                    className="mb-1",
                ),
                graph(ID_MAP, figure, lang),
                legend,
                html.P(
                    t("desa.map_note_polygon" if r.polygons else "desa.map_note_centroid", lang),
                    className="small text-body-secondary mb-0",
                    id="desa-map-note",
                ),
            ]
        )
    )


def _ranking_and_map(r: Ranking, tahun: int, kecamatan: str | None, lang: str, links: Links) -> dbc.Row:
    return dbc.Row(
        [
            dbc.Col(_ranking_card(r, tahun, kecamatan, lang, links), lg=7, className="mb-3"),
            dbc.Col(_map_card(r, lang, links), lg=5, className="mb-3"),
        ]
    )
