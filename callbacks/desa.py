"""Village budgets: the regency view (/desa) and one village's page (/desa/<kode>)."""

from __future__ import annotations

import logging

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html, no_update

from budget import desa as dq
from budget.db import DataUnavailable
from budget.i18n import t
from budget.search import villages as search_villages
from callbacks.state import page_start, register_search
from components import desa_drill as cdd
from components import explorer as cx
from components import village as cv
from components.shell import ID_URL
from components.village import Links
from models.desa import MEASURES, SORTS, DesaDrill, desa_drill
from models.village import village_page
from serving.state import PageState, resolve
from serving.urls import href, parse_search

log = logging.getLogger(__name__)
PATH = "/desa"
ID_TREEMAP, ID_BARS, ID_MAP, ID_TABLE = cdd.ID_TREEMAP, cdd.ID_BARS, cdd.ID_MAP, cdd.ID_TABLE
ID_SEARCH, ID_SEARCH_RESULTS, ID_RANKING = "desa-search", "desa-search-results", cdd.ID_RANKING
NODE_KEYS = ("kec", "desa", "kode", "rek", "sd")


def _state_params(st: PageState) -> dict:
    return {"tahun": st.tahun, "tahap": st.tahap, "lang": st.lang}


def node_href(st: PageState, node: dq.DesaNode, **extra) -> str:
    return href(PATH, {**_state_params(st), **node.params(), **extra})


def village_href(st: PageState, kode: str) -> str:
    """The village's interactive page (a Dash page: links to it stay inside the app)."""
    return href(f"{PATH}/{kode}/interaktif", _state_params(st))


def lite_village_href(st: PageState, kode: str) -> str:
    """The village's light page for phones (server-rendered, `lite/`): the address people share."""
    return href(f"{PATH}/{kode}", _state_params(st))


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
    """Wiring: checked state -> the drill model -> the Dash renderer."""
    st = resolve(tahun, tahap, lang)
    body: list = page_start(st)
    if st.year_missing:
        return html.Div(body + [dcc.Link(t("apbd.to_root", st.lang), href=href(PATH, {"lang": st.lang}))])
    stage_links = {s: href(PATH, {**_state_params(st), "tahap": s}) for s in st.stages}
    links = cdd.Links(stages=stage_links)
    body += [cdd.heading(st.tahun, st.tahap, st.stages, st.lang, links), village_search_box(st.lang)]
    p = desa_drill(st.tahun, st.tahap, kec, desa, kode, rek, sd, urut, ukuran, semua, _int(lainnya, 0, 1000))
    page = cdd.page(p, st.lang, _links(st, p, stage_links))
    return html.Div(body + page, **({"className": "desa-page"} if p.found else {}))


def _links(st: PageState, p: DesaDrill, stages: dict[str, str]) -> cdd.Links:
    node = p.node
    root = node_href(st, dq.DesaNode())
    if node is None or not p.found:
        return cdd.Links(root=root, stages=stages)

    def child(token: str) -> str | None:
        try:
            return node_href(st, dq.child_node(node, token))
        except (dq.BadDesaNode, KeyError):
            return None

    sorts, measures, show_all = {}, {}, ""
    if p.ranking is not None:
        r = p.ranking
        keep = {"kec": node.kec, "ukuran": r.measure if r.measure_chosen else None}
        sorts = {s: href(PATH, {**_state_params(st), **keep, "urut": s}) for s in SORTS}
        show_all = href(PATH, {**_state_params(st), **keep, "urut": r.sort, "semua": "1"})
        urut = r.sort if r.sort_chosen else None
        measures = {m: href(PATH, {**_state_params(st), "kec": node.kec, "urut": urut, "ukuran": m}) for m in MEASURES}
    return cdd.Links(
        root=root,
        stages=stages,
        crumbs=[node_href(st, c.node) for c in p.crumbs],
        child=child,
        village=lambda kode: village_href(st, kode),
        details_of_village=village_href(st, p.village[0]) if p.village else None,
        sorts=sorts,
        measures=measures,
        show_all=show_all,
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
        lite = lite_village_href(st, p.kode)
        links = Links(share=_absolute(lite), details=node_href(st, node), lite=lite)
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
    hits = search_villages(q)
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
