"""Dash renderer of an APBD explorer node's model (`models.apbd.ApbdNode`): layout and formatting only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

import dash_bootstrap_components as dbc
from dash import dcc, html

from budget import explorer as ex
from budget.fmt import percent, rupiah, rupiah_full
from budget.i18n import month, t
from components import explorer as cx
from components import notices
from components.figures import cumulative_curve, graph
from components.terms import term
from models.apbd import CHART_N, TABLE_PAGE, ApbdNode, Crumb

ID_TREEMAP, ID_BARS, ID_TABLE = "apbd-treemap", "apbd-bars", "apbd-table"
ID_SEARCH, ID_SEARCH_RESULTS = "apbd-search", "apbd-search-results"
ID_CRUMBS, ID_NODE, ID_DOWNLOAD = "apbd-breadcrumb", "apbd-node", "apbd-download"
ID_DL_CSV, ID_DL_XLSX = "apbd-dl-csv", "apbd-dl-xlsx"
LINE_LABEL = {"skpd": "level.skpd", "sumber": "node.sumber", "kode": "col.kode"}


def _none(_: str | None) -> str | None:
    return None


@dataclass(frozen=True)
class Links:
    """The page's links (they carry URL state, which the wiring owns)."""

    this: str = ""  # the node itself (first chart window, first table page)
    root: str = ""  # the root of the node's hierarchy
    home: str = ""  # the explorer's default root
    stages: dict[str, str] = field(default_factory=dict)
    dims: dict[str, str] = field(default_factory=dict)
    crumbs: list[str] = field(default_factory=list)
    child: Callable[[str | None], str | None] = _none
    table_prev: str | None = None
    table_next: str | None = None


def label(c: Crumb, dim: str, lang: str) -> str:
    if c.level == "root":
        return t(f"root.{dim}", lang)
    if c.level == "tanpa":
        return t("level.tanpa", lang)
    return c.nama or ""


def table_rows(p: ApbdNode, lang: str) -> list[dict]:
    """The children as the table, the charts and the downloads show them."""
    out = []
    for c in p.children:
        if c.rest_count:
            nama, kode = t("apbd.truncated_rows", lang, n=c.rest_count), ""
        elif c.key == "" and not c.is_item:
            nama, kode = t("apbd.tanpa_row", lang, level=t(f"level.{p.child_level}", lang).lower()), ""
        else:
            nama, kode = c.nama or c.kode, c.kode
        out.append(
            {
                "token": None if c.rest_count else c.key,
                "kode": kode,
                "nama": nama,
                "detail": c.detail,
                "anggaran": c.anggaran,
                "realisasi": c.realisasi,
                "serapan": c.serapan,
                "sisa": c.sisa,
            }
        )
    return out


def header(tahun: int, tahap: str, stages: list[str], dim: str, lang: str, links: Links) -> list:
    stage_buttons = cx.stage_buttons(stages, tahap, links.stages, lang, "apbd")
    dims = dbc.Nav(
        [
            dbc.NavItem(
                dbc.NavLink(t(f"dim.{d}", lang), href=links.dims.get(d, ""), active=d == dim, id=f"apbd-dim-{d}")
            )
            for d in ex.DIMENSIONS
        ],
        pills=True,
        className="flex-wrap mb-2 small dim-nav",
    )
    search = html.Div(
        [
            dbc.Input(
                id=ID_SEARCH,
                type="search",
                placeholder=t("apbd.search", lang),
                debounce=0.4,
                autocomplete="off",
                className="mb-1",
            ),
            html.Div(id=ID_SEARCH_RESULTS, className="search-results"),
        ],
        className="mb-2",
    )
    return [
        html.Div(
            [html.H1(t("apbd.heading", lang, tahun=tahun), className="h3 mb-2 mb-md-0"), stage_buttons],
            className="d-flex flex-wrap align-items-center justify-content-between mb-2",
        ),
        dims,
        search,
    ]


def bad_param(what: str, lang: str, links: Links) -> list:
    return [
        notices.info(t("apbd.bad_param", lang, what=what), "warning", id="apbd-not-found"),
        dcc.Link(t("apbd.to_root", lang), href=links.home),
    ]


def page(p: ApbdNode, lang: str, links: Links) -> list:
    """Everything below the header (see `header`)."""
    if p.missing is not None:
        text = t("apbd.not_found", lang, what=p.missing, tahun=p.tahun, tahap=t(f"tahap.{p.tahap}", lang))
        return [
            notices.info(text, "warning", id="apbd-not-found"),
            dcc.Link(t("apbd.to_root", lang), href=links.root, id="apbd-to-root"),
        ] + hidden_outputs()
    body: list = [_breadcrumb(p, lang, links)]
    if p.summary_only:
        body.append(notices.info(t("apbd.summary_only", lang), "info", id="apbd-summary-only"))
    body.append(_node_card(p, lang))
    if p.official is not None:
        body.append(_official_badge(p, lang))
    rows = table_rows(p, lang)
    if p.child_level == "none":
        body.append(_line_card(p, lang))
        body += hidden_outputs()
    else:
        body.append(_charts(p, rows, lang, links))
        body.append(_table(p, rows, lang, links))
    body.append(_history(p, lang))
    return body


def _breadcrumb(p: ApbdNode, lang: str, links: Links) -> dbc.Breadcrumb:
    items = []
    for i, c in enumerate(p.crumbs):
        text = cx.shorten(label(c, p.node.dim, lang), 48)
        last = i == len(p.crumbs) - 1
        items.append({"label": text, "active": last} if last else {"label": text, "href": links.crumbs[i]})
    return dbc.Breadcrumb(items=items, id=ID_CRUMBS, className="small mb-2")


def _delta(diff: Decimal, base: Decimal | None, lang: str) -> html.Span:
    pct = diff / base * 100 if base else None
    sign = "+" if diff > 0 else ""
    color = "text-success" if diff > 0 else "text-danger" if diff < 0 else "text-body-secondary"
    return html.Span(f"({sign}{rupiah(diff, lang)}; {sign}{percent(pct, lang, 1)})", className=color)


def _changes(p: ApbdNode, lang: str) -> list:
    extra = []
    if p.murni is not None and p.perubahan is not None:
        extra.append(
            html.Div(
                [
                    html.Strong(t("node.murni_vs", lang) + ": "),
                    f"{rupiah(p.murni, lang)} \u2192 {rupiah(p.perubahan, lang)} ",
                    _delta(p.perubahan - p.murni, p.murni, lang),
                ],
                id="apbd-node-murni-perubahan",
            )
        )
    if p.has_previous_year:
        prev = p.previous
        extra.append(
            html.Div(
                [
                    html.Strong(t("node.prev_year", lang, tahun=p.tahun - 1) + ": "),
                    f"{rupiah(prev, lang)} \u2192 {rupiah(p.anggaran, lang)} ",
                    _delta(p.anggaran - prev, prev, lang),
                ]
                if prev
                else t("node.no_prev", lang, tahun=p.tahun - 1),
                id="apbd-node-prev",
            )
        )
    return extra


def _node_card(p: ApbdNode, lang: str) -> dbc.Card:
    title, code = label(p.title, p.node.dim, lang), p.title.code
    realised_to = t(
        "node.realisasi_to", lang, bulan=month(p.as_of_month, lang) if p.as_of_month else "–", tahun=p.tahun
    )
    stats = [
        cx.stat(
            t("node.anggaran_tahap", lang, tahap=t(f"tahap.{p.tahap}", lang)),
            rupiah(p.anggaran, lang),
            rupiah_full(p.anggaran, lang),
            id="apbd-node-anggaran",
        ),
        cx.stat(realised_to, rupiah(p.realisasi, lang), rupiah_full(p.realisasi, lang), id="apbd-node-realisasi"),
        cx.stat(term(t("col.serapan", lang), "serapan", lang), percent(p.serapan, lang), id="apbd-node-serapan"),
    ]
    heading = [html.H2(title, className="h5 mb-0", id="apbd-node-title")]
    if code:
        heading.append(html.Small(code, className="text-body-secondary ms-2"))
    return dbc.Card(
        dbc.CardBody(
            [
                html.Div(heading, className="mb-2"),
                dbc.Row(stats, className="g-2"),
                html.Div(_changes(p, lang), className="small mt-1"),
            ]
        ),
        className="mb-3",
        id=ID_NODE,
    )


def _official_badge(p: ApbdNode, lang: str) -> dbc.Alert:
    o = p.official
    diff = o.difference
    return dbc.Alert(
        [
            html.Strong(t("home.recon", lang, sumber=o.sumber) + ": "),
            t(
                "home.recon_row",
                lang,
                pos=o.kode,
                ours=rupiah_full(o.ours, lang),
                theirs=rupiah_full(o.theirs, lang),
                diff=rupiah_full(diff, lang),
            ),
            html.Span(
                " ✓" if diff == 0 else " ≠", className="fw-bold " + ("text-success" if diff == 0 else "text-danger")
            ),
        ],
        color="light",
        className="small py-2",
        id="apbd-recon",
    )


def _charts(p: ApbdNode, rows: list[dict], lang: str, links: Links) -> html.Div:
    items = cx.chart_items(rows, p.chart_offset, CHART_N, lambda n: t("apbd.lainnya", lang, n=n))
    notes: list = []
    if p.chart_offset:
        notes.append(
            html.Span(t("apbd.lainnya_open", lang, start=p.chart_offset + 1, end=p.chart_end, n=len(rows)) + " ")
        )
        notes.append(dcc.Link(t("apbd.lainnya_back", lang), href=links.this, id="apbd-lainnya-back"))
    elif len(rows) > CHART_N:
        notes.append(t("apbd.lainnya_note", lang, shown=CHART_N, n=len(rows)))
    return html.Div(
        [
            html.Div(notes, className="small text-body-secondary mb-2", id="apbd-chart-note"),
            cx.linked_charts(items, lang, ID_TREEMAP, ID_BARS),
        ]
    )


def _pager(p: ApbdNode, n: int, lang: str, links: Links) -> list:
    if p.table_pages <= 1:
        return []
    start = p.table_start
    pager: list = [
        html.Span(
            t("apbd.table_page", lang, start=start + 1, end=min(start + TABLE_PAGE, n), n=n),
            className="me-2",
            id="apbd-table-page",
        )
    ]
    if links.table_prev:
        pager.append(dcc.Link(t("apbd.prev", lang), href=links.table_prev, className="me-2"))
    if links.table_next:
        pager.append(dcc.Link(t("apbd.next", lang), href=links.table_next, id="apbd-table-next"))
    return pager


def _table(p: ApbdNode, rows: list[dict], lang: str, links: Links) -> dbc.Card:
    total_a, total_r = p.children_anggaran, p.children_realisasi
    total = {
        "anggaran": total_a,
        "realisasi": total_r,
        "serapan": total_r / total_a * 100 if total_a else None,
        "sisa": total_a - total_r,
    }
    caption = t("apbd.children", lang, level=t(f"level.{p.child_level}", lang))
    start = p.table_start
    table = cx.children_table(rows[start : start + TABLE_PAGE], lang, links.child, total, caption, ID_TABLE)
    downloads = html.Div(
        [
            html.Span(t("apbd.download", lang) + ":", className="small me-2"),
            dbc.Button("CSV", id=ID_DL_CSV, size="sm", color="secondary", outline=True, className="me-1"),
            dbc.Button("XLSX", id=ID_DL_XLSX, size="sm", color="secondary", outline=True),
            dcc.Download(id=ID_DOWNLOAD),
        ]
    )
    return dbc.Card(
        dbc.CardBody(
            [
                html.Div(
                    [html.H3(caption, className="h6 mb-0"), downloads],
                    className="d-flex flex-wrap justify-content-between align-items-center mb-2",
                ),
                table,
                html.Div(_pager(p, len(rows), lang, links), className="small"),
            ]
        ),
        className="mb-3",
    )


def hidden_outputs() -> list:
    """Keep the ids the page's callbacks listen to present on every state of the page."""
    return [
        html.Div(
            [
                dcc.Graph(id=ID_TREEMAP),
                dcc.Graph(id=ID_BARS),
                html.Button(id=ID_DL_CSV),
                html.Button(id=ID_DL_XLSX),
                dcc.Download(id=ID_DOWNLOAD),
            ],
            style={"display": "none"},
        )
    ]


def _line_card(p: ApbdNode, lang: str) -> dbc.Card:
    rows = [(t(LINE_LABEL.get(k, f"level.{k}"), lang), v) for k, v in p.line.rows]
    return dbc.Card(
        dbc.CardBody(
            [
                html.H3(t("node.line", lang), className="h6"),
                html.Dl(
                    [x for k, v in rows for x in (html.Dt(k, className="col-sm-3"), html.Dd(v, className="col-sm-9"))],
                    className="row small mb-0",
                ),
            ]
        ),
        className="mb-3",
        id="apbd-line",
    )


def _history(p: ApbdNode, lang: str) -> dbc.Row:
    h = p.history
    trend_fig = cx.trend(h.years, h.budget, h.realised, lang)
    curve = cumulative_curve(p.tahun, h.actual, h.plan or [None] * 12, None, p.anggaran, lang)
    no_plan = None if h.plan else html.Div(t("node.monthly_no_plan", lang), className="small text-body-secondary")
    trend_title = t("node.trend", lang, first=h.years[0], last=h.years[-1])
    return dbc.Row(
        [
            dbc.Col(
                dbc.Card(
                    dbc.CardBody(
                        [
                            html.H3(trend_title, className="h6"),
                            graph("apbd-trend", trend_fig, lang),
                        ]
                    )
                ),
                md=6,
                className="mb-3",
            ),
            dbc.Col(
                dbc.Card(
                    dbc.CardBody(
                        [
                            html.H3(t("node.monthly", lang), className="h6"),
                            graph("apbd-monthly", curve, lang),
                            no_plan,
                        ]
                    )
                ),
                md=6,
                className="mb-3",
            ),
        ]
    )
