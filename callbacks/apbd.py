"""The APBD explorer: wiring from the URL state to a node's model (`models/apbd.py`) and its Dash
renderer (`components/apbd.py`), and the events: chart clicks, search and downloads."""

from __future__ import annotations

import logging
from decimal import Decimal

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html, no_update

from budget import explorer as ex
from budget import search as search_mod
from budget.db import DataUnavailable
from budget.export import to_csv, to_xlsx
from budget.i18n import norm_lang, t
from callbacks.state import page_start, register_search
from components import apbd as ca
from components import explorer as cx
from components.shell import ID_URL
from models.apbd import ApbdNode, apbd_node
from serving.state import PageState, resolve
from serving.urls import href, parse_search

log = logging.getLogger(__name__)
PATH = "/apbd"
ID_TREEMAP, ID_BARS, ID_TABLE = ca.ID_TREEMAP, ca.ID_BARS, ca.ID_TABLE
ID_SEARCH, ID_SEARCH_RESULTS = ca.ID_SEARCH, ca.ID_SEARCH_RESULTS
ID_CRUMBS, ID_NODE, ID_DOWNLOAD = ca.ID_CRUMBS, ca.ID_NODE, ca.ID_DOWNLOAD
ID_DL_CSV, ID_DL_XLSX = ca.ID_DL_CSV, ca.ID_DL_XLSX
NODE_KEYS = ("dim", "skpd", "kode", "rek", "sd", "tanpa")


def _int(value, lo: int, hi: int) -> int:
    try:
        return min(max(int(str(value)), lo), hi)
    except (TypeError, ValueError):
        return lo


def node_href(st: PageState, node: ex.Node, **extra) -> str:
    return href(PATH, {"tahun": st.tahun, "tahap": st.tahap, "lang": st.lang, **node.params(), **extra})


def render(
    tahun=None,
    tahap=None,
    lang=None,
    dim=None,
    skpd=None,
    kode=None,
    rek=None,
    sd=None,
    tanpa=None,
    lainnya=None,
    hal=None,
    **_ignored,
) -> html.Div:
    """Wiring: checked state -> the node model -> the Dash renderer."""
    st = resolve(tahun, tahap, lang)
    body: list = page_start(st)
    if st.year_missing:
        return html.Div(body + [dcc.Link(t("apbd.to_root", st.lang), href=href(PATH, {"lang": st.lang}))])
    p = apbd_node(
        st.tahun, st.tahap, st.years, dim, skpd, kode, rek, sd, tanpa, _int(lainnya, 0, 1000), _int(hal, 1, 10_000)
    )
    links = _links(st, p)
    if p.node is None:
        return html.Div(body + ca.bad_param(p.bad_param or "", st.lang, links))
    body += ca.header(st.tahun, st.tahap, st.stages, p.node.dim, st.lang, links)
    body += ca.page(p, st.lang, links)
    return html.Div(body, **({"className": "apbd-page"} if p.found else {}))


def _links(st: PageState, p: ApbdNode) -> ca.Links:
    node = p.node
    if node is None:
        return ca.Links(home=node_href(st, ex.Node()))

    def child(token: str | None) -> str | None:
        if token is None or (p.child_level == "item" and node.is_line):
            return None
        try:
            return node_href(st, ex.child_node(node, token))
        except ex.BadNode:
            return None

    page, pages = p.table_page, p.table_pages
    return ca.Links(
        this=node_href(st, node),
        root=node_href(st, ex.Node(node.dim)),
        home=node_href(st, ex.Node()),
        stages={s: href(PATH, {"tahun": st.tahun, "tahap": s, "lang": st.lang, **node.params()}) for s in st.stages},
        dims={d: node_href(st, ex.Node(d)) for d in ex.DIMENSIONS},
        crumbs=[node_href(st, c.node) for c in p.crumbs],
        child=child,
        table_prev=node_href(st, node, hal=page - 1) if page > 1 else None,
        table_next=node_href(st, node, hal=page + 1) if page < pages else None,
    )


# ---------------------------------------------------------------------------------------------
# Callbacks: clicks on the charts, search, downloads. Every input is untrusted.
# ---------------------------------------------------------------------------------------------
def _state_from(search: str | None) -> tuple[PageState, ex.Node, dict]:
    params = parse_search(search)
    st = resolve(params.get("tahun"), params.get("tahap"), params.get("lang"))
    if st.year_missing:
        raise ex.BadNode("tahun")
    node = ex.parse_node(*(params.get(k) for k in NODE_KEYS))
    return st, node, params


def click_target(search: str | None, click: dict | None) -> str | None:
    """The URL a click on a chart element opens, or None to stay."""
    try:
        point = (click or {}).get("points", [{}])[0]
        token = (point.get("customdata") or [None])[0]
        if not isinstance(token, str):
            return None
        st, node, params = _state_from(search)
        if token == cx.LAINNYA:
            return node_href(st, node, lainnya=_int(params.get("lainnya"), 0, 1000) + 1)
        return node_href(st, ex.child_node(node, token))
    except (ex.BadNode, DataUnavailable, IndexError, AttributeError, TypeError):
        return None


@callback(
    Output(ID_URL, "href", allow_duplicate=True),
    Input(ID_TREEMAP, "clickData"),
    Input(ID_BARS, "clickData"),
    State(ID_URL, "search"),
    prevent_initial_call=True,
)
def on_chart_click(tree_click, bar_click, search):
    target = click_target(search, tree_click if ctx.triggered_id == ID_TREEMAP else bar_click)
    return target or no_update


def hit_href(st: PageState, hit: search_mod.Hit) -> str:
    if hit.jenis == "skpd":
        node = ex.Node("org", hit.kode)
    elif hit.jenis == "rekening":
        node = ex.Node(
            "pendapatan" if hit.kode.startswith("4") else "ekonomi" if hit.kode.startswith("5") else "org",
            kode=hit.kode if hit.kode[0] in "45" else None,
        )
    else:
        node = ex.Node("org", hit.skpd, hit.kode)
    return node_href(st, node)


def _jenis_label(jenis: str, lang: str) -> str:
    return "Rekening" if jenis == "rekening" else t(f"level.{jenis}", lang)


def search_results(search: str | None, query: str | None) -> tuple[list, list[str]]:
    try:
        st, _node, _ = _state_from(search)
    except (ex.BadNode, DataUnavailable):
        return [], []
    q = str(query or "")[: search_mod.MAX_QUERY]
    if len(q.strip()) < 2:
        return [], []
    hits = search_mod.search(st.tahun, q)
    if not hits:
        return [html.Div(t("apbd.search_none", st.lang, q=q), className="small text-body-secondary")], []
    links = [hit_href(st, h) for h in hits]
    items = [
        dbc.ListGroupItem(
            [
                html.Span(h.nama, className="fw-semibold"),
                " ",
                html.Small(
                    f"{_jenis_label(h.jenis, st.lang)} · {h.kode}"
                    + (f" · {h.skpd_nama}" if h.skpd_nama and h.jenis != "skpd" else ""),
                    className="text-body-secondary",
                ),
            ],
            href=link,
            id={"type": "apbd-hit", "index": i},
            action=True,
            className="py-1 small",
        )
        for i, (h, link) in enumerate(zip(hits, links))
    ]
    return [dbc.ListGroup(items)], links


register_search(ID_SEARCH, ID_SEARCH_RESULTS, search_results)


def download(search: str | None, kind: str) -> dict | None:
    """The current node's table as CSV or XLSX, naming its filters."""
    st, node, _ = _state_from(search)
    p = apbd_node(st.tahun, st.tahap, st.years, **node.params())
    if p.node is None or not p.found or p.child_level == "none":
        return None
    L = st.lang
    path = " > ".join(ca.label(c, node.dim, L) for c in p.crumbs)
    filters = [
        ("Anggaran Terbuka", t("app.region", L)),
        (t("nav.year", L), str(st.tahun)),
        (t("home.tahap", L), t(f"tahap.{st.tahap}", L)),
        (t("apbd.dim", L), t(f"dim.{node.dim}", L)),
        ("Node", path),
        ("URL", node_href(st, node)),
    ]
    if p.illustrative:
        filters.append(("!", t("notice.illustrative", L)))
    header = [
        t("col.kode", L),
        t("col.nama", L),
        t("col.anggaran", L),
        t("col.realisasi", L),
        t("col.serapan", L) + " (%)",
        t("col.sisa", L),
        t("col.rincian", L),
    ]
    body = [
        [
            r["kode"],
            r["nama"],
            r["anggaran"],
            r["realisasi"],
            r["serapan"].quantize(Decimal("0.01")) if r["serapan"] is not None else None,
            r["sisa"],
            r["detail"],
        ]
        for r in ca.table_rows(p, L)
    ]
    a, r = p.children_anggaran, p.children_realisasi
    body.append(["", t("apbd.total", L), a, r, None, a - r, ""])
    name = f"apbd_{st.tahun}_{st.tahap}_{node.dim}_{(node.kode or node.skpd or 'kabupaten').replace('.', '-')}"
    if kind == "csv":
        return dcc.send_string(to_csv(filters, header, body), name + ".csv")
    return dcc.send_bytes(to_xlsx("APBD", filters, header, body), name + ".xlsx")


@callback(
    Output(ID_DOWNLOAD, "data"),
    Input(ID_DL_CSV, "n_clicks"),
    Input(ID_DL_XLSX, "n_clicks"),
    State(ID_URL, "search"),
    prevent_initial_call=True,
)
def on_download(_csv, _xlsx, search):
    try:
        return download(search, "csv" if ctx.triggered_id == ID_DL_CSV else "xlsx") or no_update
    except (ex.BadNode, DataUnavailable):
        return no_update
    except Exception:  # noqa: BLE001
        log.exception("download failed")
        return no_update


__all__ = ["render", "click_target", "search_results", "download", "norm_lang"]
