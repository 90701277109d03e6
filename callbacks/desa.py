"""Village budgets: the regency view (/desa) and one village's page (/desa/<kode>)."""

from __future__ import annotations

import logging
from decimal import Decimal

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html, no_update

from budget import desa as dq
from budget import queries
from budget.db import DataUnavailable
from budget.fmt import percent, rupiah, rupiah_full
from budget.geo import village_polygons
from budget.i18n import month, t
from callbacks.state import PageState, page_start, register_search, resolve
from components import desa as cd
from components import explorer as cx
from components import notices
from components import village as cv
from components.figures import GRAPH_CONFIG, cumulative_curve
from components.shell import ID_URL
from components.urls import href, parse_search
from components.village import Links
from models.village import village_page

log = logging.getLogger(__name__)
PATH = "/desa"
CHART_N = 12
RANK_N = 25
LAGGING_PCT = Decimal(50)
ID_TREEMAP, ID_BARS, ID_MAP, ID_TABLE = "desa-treemap", "desa-bars", "desa-map", "desa-table"
ID_SEARCH, ID_SEARCH_RESULTS, ID_RANKING = "desa-search", "desa-search-results", "desa-ranking"
SORTS = ("serapan", "per_warga", "perubahan", "b01", "b02", "b03", "b04", "b05")
MEASURES = ("serapan", "per_warga", "dana_desa")
NODE_KEYS = ("kec", "desa", "kode", "rek", "sd")


def _state_params(st: PageState) -> dict:
    return {"tahun": st.tahun, "tahap": st.tahap, "lang": st.lang}


def node_href(st: PageState, node: dq.DesaNode, **extra) -> str:
    return href(PATH, {**_state_params(st), **node.params(), **extra})


def village_href(st: PageState, kode: str) -> str:
    return href(f"{PATH}/{kode}", _state_params(st))


def _label(node: dq.DesaNode, level: str, code: str, nm: dict, lang: str) -> str:
    if level == "root":
        return t("desa.root", lang)
    if level == "item":
        return nm.get(node.rek or "", node.rek or "") + (f" ({node.sd})" if node.sd else "")
    if level == "kecamatan":
        return "Kec. " + nm.get(code, code)
    return nm.get(code, code)


def _rows(ch: dq.DesaChildren) -> list[dict]:
    return [
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
        for r in ch.rows
    ]


def village_search_box(lang: str) -> html.Div:
    return html.Div(
        [
            dbc.Input(
                id=ID_SEARCH,
                type="search",
                placeholder=t("desa.search", lang),
                debounce=0.3,
                autocomplete="off",
                className="mb-1 form-control-lg",
            ),
            html.Div(id=ID_SEARCH_RESULTS, className="search-results"),
        ],
        className="mb-3",
    )


def _int(value, lo: int, hi: int) -> int:
    try:
        return min(max(int(str(value)), lo), hi)
    except (TypeError, ValueError):
        return lo


# ---------------------------------------------------------------------------------------------
# /desa
# ---------------------------------------------------------------------------------------------
def render(
    tahun=None,
    tahap=None,
    lang=None,
    kec=None,
    desa=None,
    kode=None,
    rek=None,
    sd=None,
    urut=None,
    ukuran=None,
    semua=None,
    lainnya=None,
    **_ignored,
) -> html.Div:
    st = resolve(tahun, tahap, lang)
    L = st.lang
    body: list = page_start(st)
    if st.year_missing:
        return html.Div(body + [dcc.Link(t("apbd.to_root", L), href=href(PATH, {"lang": L}))])
    body.append(
        html.Div(
            [
                html.H1(t("desa.heading", L, tahun=st.tahun), className="h3 mb-2 mb-md-0"),
                dbc.ButtonGroup(
                    [
                        dcc.Link(
                            t(f"tahap.{s}", L),
                            href=href(PATH, {**_state_params(st), "tahap": s}),
                            className="btn btn-sm " + ("btn-primary" if s == st.tahap else "btn-outline-primary"),
                            id=f"desa-tahap-{s}",
                        )
                        for s in st.stages
                    ]
                ),
            ],
            className="d-flex flex-wrap align-items-center justify-content-between mb-2",
        )
    )
    body.append(village_search_box(L))
    try:
        node = dq.parse_node(kec, desa, kode, rek, sd)
    except dq.BadDesaNode as exc:
        return html.Div(
            body
            + [
                notices.info(t("apbd.bad_param", L, what=str(exc)), "warning", id="desa-not-found"),
                dcc.Link(t("apbd.to_root", L), href=node_href(st, dq.DesaNode())),
                _hidden(),
            ]
        )
    if (node.kec or node.desa) and not dq.exists(st.tahun, st.tahap, node):
        what = node.desa or node.kec
        return html.Div(
            body
            + [
                notices.info(
                    t("apbd.not_found", L, what=what, tahun=st.tahun, tahap=t(f"tahap.{st.tahap}", L)),
                    "warning",
                    id="desa-not-found",
                ),
                dcc.Link(t("apbd.to_root", L), href=node_href(st, dq.DesaNode())),
                _hidden(),
            ]
        )
    nm = dq.names(node)
    ch = dq.children(st.tahun, st.tahap, node)
    rows = _rows(ch)
    crumbs = dq.crumbs(node)
    body.append(
        dbc.Breadcrumb(
            items=[
                {"label": cx.shorten(_label(n, lvl, c, nm, L), 48), "active": True}
                if i == len(crumbs) - 1
                else {"label": cx.shorten(_label(n, lvl, c, nm, L), 48), "href": node_href(st, n)}
                for i, (n, lvl, c) in enumerate(crumbs)
            ],
            id="desa-breadcrumb",
            className="small mb-2",
        )
    )
    by_year = dq.totals_by_year(node)
    anggaran = ch.anggaran if ch.level != "none" else by_year.get(st.tahun, (Decimal(0), Decimal(0)))[0]
    real = ch.realisasi if ch.level != "none" else by_year.get(st.tahun, (Decimal(0), Decimal(0)))[1]
    last = queries.last_realised_month(st.tahun)
    title = _label(node, crumbs[-1][1], crumbs[-1][2], nm, L)
    card = [
        html.H2(title, className="h5", id="desa-node-title"),
        dbc.Row(
            [
                cx.stat(
                    t("node.anggaran_tahap", L, tahap=t(f"tahap.{st.tahap}", L)),
                    rupiah(anggaran, L),
                    rupiah_full(anggaran, L),
                    id="desa-node-anggaran",
                ),
                cx.stat(
                    t("node.realisasi_to", L, bulan=month(last, L) if last else "–", tahun=st.tahun),
                    rupiah(real, L),
                    rupiah_full(real, L),
                ),
                cx.stat(
                    t("col.serapan", L), percent(real / anggaran * 100 if anggaran else None, L), id="desa-node-serapan"
                ),
            ],
            className="g-2",
        ),
    ]
    if node.desa and not node.kode:
        card.append(
            dcc.Link(
                "→ " + t("v.title", L, nama=nm.get(node.desa, node.desa)),
                href=village_href(st, node.desa),
                id="desa-village-link",
                className="small",
            )
        )
    body.append(dbc.Card(dbc.CardBody(card), className="mb-3", id="desa-node"))
    if ch.level == "none":
        body.append(html.Div([dcc.Graph(id=ID_TREEMAP), dcc.Graph(id=ID_BARS)], style={"display": "none"}))
    else:
        offset = _int(lainnya, 0, 1000) * CHART_N
        offset = offset if offset < len(rows) else 0
        items = cx.chart_items(rows, offset, CHART_N, lambda n: t("apbd.lainnya", L, n=n))
        body.append(cx.linked_charts(items, L, ID_TREEMAP, ID_BARS))

        def link(token):
            try:
                return node_href(st, dq.child_node(node, token))
            except (dq.BadDesaNode, KeyError):
                return None

        total = {
            "anggaran": ch.anggaran,
            "realisasi": ch.realisasi,
            "sisa": ch.anggaran - ch.realisasi,
            "serapan": ch.realisasi / ch.anggaran * 100 if ch.anggaran else None,
        }
        caption = t("desa.children", L, level=t(f"level.{ch.level}", L))
        body.append(
            dbc.Card(
                dbc.CardBody(
                    [html.H3(caption, className="h6"), cx.children_table(rows, L, link, total, caption, ID_TABLE)]
                ),
                className="mb-3",
            )
        )
    if not node.kode:
        body.append(_income(st, node, nm))
    if not node.desa:
        body.append(_ranking_and_map(st, node, nm, urut, ukuran, semua))
    else:
        real_m = dq.monthly(st.tahun, node)
        cum, run = [], Decimal(0)
        for v in real_m:
            run = run + v if v is not None else run
            cum.append(run if v is not None else None)
        body.append(
            dbc.Card(
                dbc.CardBody(
                    [
                        html.H3(t("node.monthly", L), className="h6"),
                        dcc.Graph(
                            id="desa-monthly",
                            figure=cumulative_curve(st.tahun, cum, [None] * 12, None, anggaran, L),
                            config=GRAPH_CONFIG,
                        ),
                    ]
                ),
                className="mb-3",
            )
        )
    if node.desa:
        body.append(html.Div(dcc.Graph(id=ID_MAP), style={"display": "none"}))
    return html.Div(body, className="desa-page")


def _hidden() -> html.Div:
    """Keep every id the page's callbacks listen to present in every state of the page."""
    return html.Div([dcc.Graph(id=ID_TREEMAP), dcc.Graph(id=ID_BARS), dcc.Graph(id=ID_MAP)], style={"display": "none"})


def _income(st: PageState, node: dq.DesaNode, nm: dict) -> dbc.Card:
    L = st.lang
    rows = dq.income_by_source(st.tahun, st.tahap, node)
    where = nm.get(node.desa or "", "") or ("Kec. " + nm.get(node.kec, "") if node.kec else t("app.region", L))
    total = sum((a for _, a, _ in rows), Decimal(0))
    table = dbc.Table(
        [
            html.Thead(
                html.Tr(
                    [
                        html.Th(""),
                        html.Th(t("col.anggaran", L), className="text-end"),
                        html.Th(t("col.realisasi", L), className="text-end"),
                    ]
                )
            ),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Td(t(f"source.{c}", L)),
                            html.Td(cx.money(a, L), className="text-end text-nowrap"),
                            html.Td(cx.money(r, L), className="text-end text-nowrap"),
                        ]
                    )
                    for c, a, r in rows
                ]
            ),
            html.Tfoot(
                html.Tr(
                    [
                        html.Th(t("apbd.total", L)),
                        html.Th(cx.money(total, L), className="text-end text-nowrap", id="desa-income-total"),
                        html.Th(
                            cx.money(sum((r for _, _, r in rows), Decimal(0)), L), className="text-end text-nowrap"
                        ),
                    ]
                )
            ),
        ],
        size="sm",
        responsive=True,
        className="small mb-0",
    )
    return dbc.Card(
        dbc.CardBody(
            [
                html.H3(t("desa.income_for", L, where=where), className="h6"),
                dcc.Graph(id="desa-income", figure=cd.income_bars(rows, L), config=GRAPH_CONFIG),
                html.Details([html.Summary(t("curve.table_caption", L), className="small"), table]),
            ]
        ),
        className="mb-3",
        id="desa-income-card",
    )


def _sort_value(v: dq.Village, key: str):
    if key == "serapan":
        return v.serapan
    if key == "per_warga":
        return v.per_resident
    if key == "perubahan":
        return v.change
    return v.bidang_share(key[1:])


def _measure(v: dq.Village, key: str) -> tuple[float | None, str, str]:
    """(value for colour, formatted value) of a village for the map."""
    if key == "per_warga":
        return (float(v.per_resident) if v.per_resident else None), rupiah(v.per_resident), ""
    if key == "dana_desa":
        return float(v.dana_desa), rupiah(v.dana_desa), ""
    return (float(v.serapan) if v.serapan is not None else None), percent(v.serapan), ""


def _ranking_and_map(st: PageState, node: dq.DesaNode, nm: dict, urut, ukuran, semua) -> html.Div:
    L = st.lang
    sort = urut if urut in SORTS else "serapan"
    measure = ukuran if ukuran in MEASURES else "serapan"
    vs = dq.villages(st.tahun, st.tahap, node.kec)
    # Low absorption first (the laggards); the other measures largest first.
    reverse = sort != "serapan"
    ranked = sorted(
        vs,
        key=lambda v: (
            _sort_value(v, sort) is None,
            -(_sort_value(v, sort) or 0) if reverse else (_sort_value(v, sort) or 0),
        ),
    )
    show = ranked if semua == "1" else ranked[:RANK_N]
    keep = {"kec": node.kec, "ukuran": ukuran if ukuran in MEASURES else None}
    sort_links = [
        dcc.Link(
            t("sort.serapan", L)
            if s == "serapan"
            else t("sort.per_warga", L)
            if s == "per_warga"
            else t("sort.perubahan", L)
            if s == "perubahan"
            else t("sort.bidang", L, bidang="Bidang " + s[1:]),
            href=href(PATH, {**_state_params(st), **keep, "urut": s}),
            className="btn btn-sm me-1 mb-1 " + ("btn-primary fw-bold" if s == sort else "btn-outline-primary"),
            id=f"desa-sort-{s}",
        )
        for s in SORTS
    ]
    bidang_col = sort[1:] if sort.startswith("b") else None
    head = [
        t("col.desa", L),
        t("col.kecamatan", L),
        t("col.belanja", L),
        t("col.serapan", L),
        t("col.per_warga", L),
        t("col.porsi", L) + (f" {bidang_col}" if bidang_col else " 02"),
        t("col.perubahan", L, tahun=st.tahun - 1),
    ]
    lag = sum(1 for v in vs if v.serapan is not None and v.serapan < LAGGING_PCT)
    # A phone keeps the village and the column the list is sorted by (and serapan); the rest need a wider screen.
    sorted_col = {"serapan": 3, "per_warga": 4, "perubahan": 6}.get(sort, 5)
    cls = [
        ("text-end " if i > 1 else "") + ("" if i in (0, 3, sorted_col) else notices.WIDE_ONLY)
        for i in range(len(head))
    ]
    table = dbc.Table(
        [
            html.Thead(
                html.Tr(
                    [html.Th("#", className=notices.WIDE_ONLY)] + [html.Th(h, className=c) for h, c in zip(head, cls)]
                )
            ),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Td(i + 1, className=notices.WIDE_ONLY),
                            html.Td(
                                dcc.Link(v.nama, href=village_href(st, v.kode), id={"type": "desa-rank", "index": i}),
                                className=cls[0],
                            ),
                            html.Td(v.kecamatan, className=cls[1]),
                            html.Td(rupiah(v.belanja, L), className="text-nowrap " + cls[2]),
                            html.Td(
                                percent(v.serapan, L, 1),
                                className=cls[3],
                                style={"color": cx.serapan_color(v.serapan)},
                            ),
                            html.Td(rupiah(v.per_resident, L), className="text-nowrap " + cls[4]),
                            html.Td(percent(v.bidang_share(bidang_col or "02"), L, 1), className=cls[5]),
                            html.Td(percent(v.change, L, 1) if v.change is not None else "–", className=cls[6]),
                        ]
                    )
                    for i, v in enumerate(show)
                ]
            ),
        ],
        size="sm",
        hover=True,
        responsive=True,
        className="small mb-1",
        id=ID_RANKING,
    )
    more = [notices.phone_columns(L)]
    if len(show) < len(ranked):
        more += [
            html.Span(t("desa.ranking_truncated", L, shown=len(show), n=len(ranked)) + " ", id="desa-ranking-note"),
            dcc.Link(t("desa.show_all", L), href=href(PATH, {**_state_params(st), **keep, "urut": sort, "semua": "1"})),
        ]
    # Map
    points = []
    for v in vs:
        value, text, _ = _measure(v, measure)
        points.append(
            {
                "kode": v.kode,
                "nama": v.nama,
                "kecamatan": v.kecamatan,
                "lat": v.lat,
                "lng": v.lng,
                "value": value,
                "text": text,
            }
        )
    polygons = village_polygons()
    if polygons and node.kec:
        polygons = {k: p for k, p in polygons.items() if k.startswith(node.kec)}
    fmt = (lambda x: percent(Decimal(str(x)), L, 0)) if measure == "serapan" else (lambda x: rupiah(Decimal(str(x)), L))
    legend = html.Div(
        [
            html.Span(
                [
                    html.Span(
                        style={
                            "background": c,
                            "display": "inline-block",
                            "width": "0.9em",
                            "height": "0.9em",
                            "marginRight": "0.3em",
                        }
                    ),
                    label,
                ],
                className="me-3 text-nowrap d-inline-block",
            )
            for c, label in cd.legend_items(points, fmt)
        ],
        className="small",
    )
    measure_links = [
        dcc.Link(
            t(f"measure.{m}", L),
            href=href(
                PATH, {**_state_params(st), "kec": node.kec, "urut": urut if urut in SORTS else None, "ukuran": m}
            ),
            className="btn btn-sm me-1 mb-1 " + ("btn-primary fw-bold" if m == measure else "btn-outline-primary"),
            id=f"desa-measure-{m}",
        )
        for m in MEASURES
    ]
    title = t("desa.ranking_in", L, kec=nm.get(node.kec, "")) if node.kec else t("desa.ranking", L)
    return dbc.Row(
        [
            dbc.Col(
                dbc.Card(
                    dbc.CardBody(
                        [
                            html.H3(title, className="h6"),
                            html.Div(
                                t("desa.lagging", L, n=lag, pct=percent(LAGGING_PCT, L, 0)),
                                className="small mb-2 text-danger",
                                id="desa-lagging",
                            ),
                            html.Div(
                                [html.Span(t("desa.sort", L) + ": ", className="small me-1")] + sort_links,
                                className="mb-2",
                            ),
                            table,
                            html.Div(more, className="small"),
                            html.P(
                                t("desa.pop_note", L),
                                className="small text-body-secondary mt-2 mb-0",
                                id="desa-pop-note",
                            ),
                        ]
                    )
                ),
                lg=7,
                className="mb-3",
            ),
            dbc.Col(
                dbc.Card(
                    dbc.CardBody(
                        [
                            html.H3(t("desa.map", L), className="h6"),
                            html.Div(
                                [html.Span(t("desa.map_measure", L) + ": ", className="small me-1")] + measure_links,
                                className="mb-1",
                            ),
                            dcc.Graph(
                                id=ID_MAP,
                                figure=cd.village_map(points, t(f"measure.{measure}", L), L, polygons),
                                config=GRAPH_CONFIG,
                            ),
                            legend,
                            html.P(
                                t("desa.map_note_polygon" if polygons else "desa.map_note_centroid", L),
                                className="small text-body-secondary mb-0",
                                id="desa-map-note",
                            ),
                        ]
                    )
                ),
                lg=5,
                className="mb-3",
            ),
        ]
    )


# ---------------------------------------------------------------------------------------------
# /desa/<kode>: one village, for its residents
# ---------------------------------------------------------------------------------------------
def _absolute(path: str) -> str:
    """The page's full address for the share button (the host as this request reached us)."""
    try:
        from flask import request

        return request.host_url.rstrip("/") + path
    except RuntimeError:  # outside a request (tests, benchmarks)
        return path


def render_village(kode=None, tahun=None, tahap=None, lang=None, **_ignored) -> html.Div:
    """Wiring: checked state -> the page model -> the Dash renderer."""
    st = resolve(tahun, tahap, lang)
    body: list = page_start(st)
    if st.year_missing:
        return html.Div(body)
    p = village_page(st.tahun, st.tahap, kode)
    links = Links()
    if p.kind == "kelurahan":
        office = {**_state_params(st), "dim": "org", "skpd": p.kode_opd_kecamatan}
        links = Links(kecamatan_office=href("/apbd", office))
    elif p.kind == "village":
        node = dq.DesaNode(p.kode_kecamatan, p.kode)
        links = Links(share=_absolute(village_href(st, p.kode)), details=node_href(st, node))
    search = village_search_box(st.lang) if p.kind == "not_found" else None
    return html.Div(
        body + cv.page(p, st.lang, links, search), className="village-page" if p.kind == "village" else None
    )


# ---------------------------------------------------------------------------------------------
# Callbacks
# ---------------------------------------------------------------------------------------------
def _state_from(search: str | None) -> tuple[PageState, dict]:
    params = parse_search(search)
    st = resolve(params.get("tahun"), params.get("tahap"), params.get("lang"))
    return st, params


def click_target(search: str | None, click: dict | None, source: str) -> str | None:
    """The URL a click on the map or a drill chart opens; the token is re-validated."""
    try:
        token = ((click or {}).get("points") or [{}])[0].get("customdata")
        token = token[0] if isinstance(token, list) else None
        if not isinstance(token, str):
            return None
        st, params = _state_from(search)
        if st.year_missing:
            return None
        if source == ID_MAP:
            return village_href(st, token) if dq.RE_DESA.fullmatch(token) else None
        node = dq.parse_node(*(params.get(k) for k in NODE_KEYS))
        if token == cx.LAINNYA:
            return node_href(st, node, lainnya=_int(params.get("lainnya"), 0, 1000) + 1)
        return node_href(st, dq.child_node(node, token))
    except (dq.BadDesaNode, DataUnavailable, KeyError, IndexError, AttributeError, TypeError):
        return None


@callback(
    Output(ID_URL, "href", allow_duplicate=True),
    Input(ID_TREEMAP, "clickData"),
    Input(ID_BARS, "clickData"),
    Input(ID_MAP, "clickData"),
    State(ID_URL, "search"),
    prevent_initial_call=True,
)
def on_click(tree, bars, map_click, search):
    source = ctx.triggered_id
    click = {ID_TREEMAP: tree, ID_BARS: bars, ID_MAP: map_click}.get(source)
    return click_target(search, click, source) or no_update


def search_results(search: str | None, query: str | None) -> tuple[list, list[str]]:
    try:
        st, _ = _state_from(search)
    except DataUnavailable:
        return [], []
    q = str(query or "")[:60]
    if len(q.strip()) < 2:
        return [], []
    hits = dq.search_villages(q)
    if not hits:
        return [html.Div(t("desa.search_none", st.lang, q=q), className="small text-body-secondary")], []
    links = [village_href(st, k) for k, *_ in hits]
    items = [
        dbc.ListGroupItem(
            [
                html.Span(n, className="fw-semibold"),
                " ",
                html.Small(f"Kec. {kc} · {j} · {k}", className="text-body-secondary"),
            ],
            href=link,
            action=True,
            className="py-2",
            id={"type": "desa-hit", "index": i},
        )
        for i, ((k, n, kc, j, _), link) in enumerate(zip(hits, links))
    ]
    return [dbc.ListGroup(items)], links


register_search(ID_SEARCH, ID_SEARCH_RESULTS, search_results)
