"""The APBD explorer: linked treemap, bars and table over one node's children, all state in the URL."""

from __future__ import annotations

import logging
from decimal import Decimal

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html, no_update

from budget import explorer as ex
from budget import queries
from budget import search as search_mod
from budget.db import DataUnavailable
from budget.export import to_csv, to_xlsx
from budget.fmt import percent, rupiah, rupiah_full
from budget.i18n import month, norm_lang, t
from callbacks.state import PageState, page_start, register_search, resolve
from components import explorer as cx
from components import notices
from components.figures import GRAPH_CONFIG, cumulative_curve
from components.shell import ID_URL
from components.urls import href, parse_search

log = logging.getLogger(__name__)
PATH = "/apbd"
CHART_N = 12
TABLE_PAGE = 50
ID_TREEMAP, ID_BARS, ID_TABLE = "apbd-treemap", "apbd-bars", "apbd-table"
ID_SEARCH, ID_SEARCH_RESULTS = "apbd-search", "apbd-search-results"
ID_CRUMBS, ID_NODE, ID_DOWNLOAD = "apbd-breadcrumb", "apbd-node", "apbd-download"
ID_DL_CSV, ID_DL_XLSX = "apbd-dl-csv", "apbd-dl-xlsx"
NODE_KEYS = ("dim", "skpd", "kode", "rek", "sd", "tanpa")


def _int(value, lo: int, hi: int) -> int:
    try:
        return min(max(int(str(value)), lo), hi)
    except (TypeError, ValueError):
        return lo


def node_href(st: PageState, node: ex.Node, **extra) -> str:
    return href(PATH, {"tahun": st.tahun, "tahap": st.tahap, "lang": st.lang, **node.params(), **extra})


def node_label(node: ex.Node, level: str, code: str, nm: dict[str, str], lang: str) -> str:
    if level == "root":
        return t(f"root.{node.dim}", lang)
    if level == "tanpa":
        return t("level.tanpa", lang)
    if level == "item":
        return f"{nm.get(node.rek, node.rek)}" + (f" ({node.sd})" if node.sd else "")
    return nm.get(code, code)


def _rows(ch: ex.Children, lang: str) -> list[dict]:
    out = []
    for c in ch.rows:
        if c.rest_count:
            nama, kode = t("apbd.truncated_rows", lang, n=c.rest_count), ""
        elif c.key == "" and not c.is_item:
            nama, kode = t("apbd.tanpa_row", lang, level=t(f"level.{ch.level}", lang).lower()), ""
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
    st = resolve(tahun, tahap, lang)
    L = st.lang
    body: list = page_start(st)
    if st.year_missing:
        return html.Div(body + [dcc.Link(t("apbd.to_root", L), href=href(PATH, {"lang": L}))])
    try:
        node = ex.parse_node(dim, skpd, kode, rek, sd, tanpa)
        ex.child_level(node)
    except ex.BadNode as exc:
        return html.Div(
            body
            + [
                notices.info(t("apbd.bad_param", L, what=str(exc)), "warning", id="apbd-not-found"),
                dcc.Link(t("apbd.to_root", L), href=node_href(st, ex.Node())),
            ]
        )
    body += _header(st, node)
    summary_node = (
        node.dim in ("ekonomi", "pendapatan")
        and node.kode
        and ex.official_figure(st.tahun, st.tahap, node.kode) is not None
    )
    if (node.skpd or node.kode) and not ex.exists(st.tahun, st.tahap, node) and not summary_node:
        what = " / ".join(x for x in (node.skpd, node.kode, node.rek) if x)
        body += [
            notices.info(
                t("apbd.not_found", L, what=what, tahun=st.tahun, tahap=t(f"tahap.{st.tahap}", L)),
                "warning",
                id="apbd-not-found",
            ),
            dcc.Link(t("apbd.to_root", L), href=node_href(st, ex.Node(node.dim)), id="apbd-to-root"),
        ]
        return html.Div(body + _hidden_outputs())
    nm = ex.names(node)
    body.append(_breadcrumb(st, node, nm))
    ch = ex.children(st.tahun, st.tahap, node)
    if not ch.rows and not queries.has_line_items(st.tahun, st.tahap):
        # No line items for this year and tahap: show the deepest level there is, the official summary.
        summary = ex.summary_children(st.tahun, st.tahap, node)
        body.append(notices.info(t("apbd.summary_only", L), "info", id="apbd-summary-only"))
        if summary is not None and summary.rows:
            ch = summary
    rows = _rows(ch, L)
    totals, realised = ex.totals_by_year(node), ex.realised_by_year(node)
    if ch.level == "summary":
        # The node's own figure comes from the summary too (the line items have none this year).
        off = ex.official_figure(st.tahun, st.tahap, node.kode or ex.AKUN[node.dim])
        figure = off[0] if off else ch.anggaran
        totals = [x for x in totals if (x[0], x[1]) != (st.tahun, st.tahap)] + [(st.tahun, st.tahap, figure)]
    body.append(_node_card(st, node, nm, totals, realised))
    recon = _official_badge(st, node, totals)
    if recon is not None:
        body.append(recon)
    if ch.level == "none":
        body.append(_line_card(st, node, nm))
        body += _hidden_outputs()
    else:
        offset = _int(lainnya, 0, 1000) * CHART_N
        if offset >= len(rows):
            offset = 0
        body.append(_charts(st, node, rows, offset))
        body.append(_table(st, node, ch, rows, _int(hal, 1, 10_000)))
    body.append(_history(st, node, totals, realised))
    return html.Div(body, className="apbd-page")


def _header(st: PageState, node: ex.Node) -> list:
    L = st.lang
    stage_buttons = dbc.ButtonGroup(
        [
            dcc.Link(
                t(f"tahap.{s}", L),
                href=href(PATH, {"tahun": st.tahun, "tahap": s, "lang": L, **node.params()}),
                className="btn btn-sm " + ("btn-primary" if s == st.tahap else "btn-outline-primary"),
                id=f"apbd-tahap-{s}",
            )
            for s in st.stages
        ]
    )
    dims = dbc.Nav(
        [
            dbc.NavItem(
                dbc.NavLink(t(f"dim.{d}", L), href=node_href(st, ex.Node(d)), active=d == node.dim, id=f"apbd-dim-{d}")
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
                placeholder=t("apbd.search", L),
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
            [html.H1(t("apbd.heading", L, tahun=st.tahun), className="h3 mb-2 mb-md-0"), stage_buttons],
            className="d-flex flex-wrap align-items-center justify-content-between mb-2",
        ),
        dims,
        search,
    ]


def _breadcrumb(st: PageState, node: ex.Node, nm: dict[str, str]) -> dbc.Breadcrumb:
    items = []
    crumbs = ex.crumbs(node)
    for i, (n, level, code) in enumerate(crumbs):
        label = cx.shorten(node_label(n, level, code, nm, st.lang), 48)
        last = i == len(crumbs) - 1
        items.append({"label": label, "active": last} if last else {"label": label, "href": node_href(st, n)})
    return dbc.Breadcrumb(items=items, id=ID_CRUMBS, className="small mb-2")


def _node_card(st: PageState, node: ex.Node, nm: dict[str, str], by_year: list, realised: dict) -> dbc.Card:
    L = st.lang
    level, code = ex.crumbs(node)[-1][1:]
    title = node_label(node, level, code, nm, L)
    totals = {(y, s): v for y, s, v in by_year}
    anggaran = totals.get((st.tahun, st.tahap), Decimal(0))
    real, last = realised.get(st.tahun, (Decimal(0), None))
    stats = [
        cx.stat(
            t("node.anggaran_tahap", L, tahap=t(f"tahap.{st.tahap}", L)),
            rupiah(anggaran, L),
            rupiah_full(anggaran, L),
            id="apbd-node-anggaran",
        ),
        cx.stat(
            t("node.realisasi_to", L, bulan=month(last, L) if last else "–", tahun=st.tahun),
            rupiah(real, L),
            rupiah_full(real, L),
            id="apbd-node-realisasi",
        ),
        cx.stat(t("col.serapan", L), percent(real / anggaran * 100 if anggaran else None, L), id="apbd-node-serapan"),
    ]
    m, p = totals.get((st.tahun, "murni")), totals.get((st.tahun, "perubahan"))
    prev = max(
        (v for (y, s), v in totals.items() if y == st.tahun - 1 and s == "perubahan"), default=None
    ) or totals.get((st.tahun - 1, "murni"))
    extra = []
    if m is not None and p is not None:
        extra.append(
            html.Div(
                [
                    html.Strong(t("node.murni_vs", L) + ": "),
                    f"{rupiah(m, L)} \u2192 {rupiah(p, L)} ",
                    _delta(p - m, m, L),
                ],
                id="apbd-node-murni-perubahan",
            )
        )
    if st.tahun - 1 in st.years:
        extra.append(
            html.Div(
                [
                    html.Strong(t("node.prev_year", L, tahun=st.tahun - 1) + ": "),
                    f"{rupiah(prev, L)} \u2192 {rupiah(anggaran, L)} ",
                    _delta(anggaran - prev, prev, L),
                ]
                if prev
                else t("node.no_prev", L, tahun=st.tahun - 1),
                id="apbd-node-prev",
            )
        )
    return dbc.Card(
        dbc.CardBody(
            [
                html.Div(
                    [
                        html.H2(title, className="h5 mb-0", id="apbd-node-title"),
                        html.Small(code, className="text-body-secondary ms-2"),
                    ]
                    if code
                    else [html.H2(title, className="h5 mb-0", id="apbd-node-title")],
                    className="mb-2",
                ),
                dbc.Row(stats, className="g-2"),
                html.Div(extra, className="small mt-1"),
            ]
        ),
        className="mb-3",
        id=ID_NODE,
    )


def _official_badge(st: PageState, node: ex.Node, by_year: list):
    """Where the official summary has this account for the year and tahap, show it beside the line
    items' total and the difference."""
    if node.dim not in ("ekonomi", "pendapatan") or node.skpd or node.tanpa:
        return None
    if not queries.has_line_items(st.tahun, st.tahap):
        return None  # nothing to reconcile: the page already shows the summary itself
    kode = node.kode or ex.AKUN[node.dim]
    off = ex.official_figure(st.tahun, st.tahap, kode)
    ours = next((v for y, s, v in by_year if y == st.tahun and s == st.tahap), None)
    if off is None or ours is None:
        return None
    diff = ours - off[0]
    L = st.lang
    return dbc.Alert(
        [
            html.Strong(t("home.recon", L, sumber=off[1]) + ": "),
            t(
                "home.recon_row",
                L,
                pos=kode,
                ours=rupiah_full(ours, L),
                theirs=rupiah_full(off[0], L),
                diff=rupiah_full(diff, L),
            ),
            html.Span(
                " ✓" if diff == 0 else " ≠", className="fw-bold " + ("text-success" if diff == 0 else "text-danger")
            ),
        ],
        color="light",
        className="small py-2",
        id="apbd-recon",
    )


def _delta(diff: Decimal, base: Decimal | None, lang: str) -> html.Span:
    pct = diff / base * 100 if base else None
    sign = "+" if diff > 0 else ""
    color = "text-success" if diff > 0 else "text-danger" if diff < 0 else "text-body-secondary"
    return html.Span(f"({sign}{rupiah(diff, lang)}; {sign}{percent(pct, lang, 1)})", className=color)


def _charts(st: PageState, node: ex.Node, rows: list[dict], offset: int) -> html.Div:
    L = st.lang
    items = cx.chart_items(rows, offset, CHART_N, lambda n: t("apbd.lainnya", L, n=n))
    notes = []
    if offset:
        notes.append(
            html.Span(
                t("apbd.lainnya_open", L, start=offset + 1, end=min(offset + CHART_N, len(rows)), n=len(rows)) + " "
            )
        )
        notes.append(dcc.Link(t("apbd.lainnya_back", L), href=node_href(st, node), id="apbd-lainnya-back"))
    elif len(rows) > CHART_N:
        notes.append(t("apbd.lainnya_note", L, shown=CHART_N, n=len(rows)))
    return html.Div(
        [
            html.Div(notes, className="small text-body-secondary mb-2", id="apbd-chart-note"),
            cx.linked_charts(items, L, ID_TREEMAP, ID_BARS),
        ]
    )


def _table(st: PageState, node: ex.Node, ch: ex.Children, rows: list[dict], page: int) -> dbc.Card:
    L = st.lang
    pages = max(1, -(-len(rows) // TABLE_PAGE))
    page = min(page, pages)
    start = (page - 1) * TABLE_PAGE

    def link(token: str | None) -> str | None:
        if token is None or (ch.level == "item" and node.is_line):
            return None
        try:
            return node_href(st, ex.child_node(node, token))
        except ex.BadNode:
            return None

    total_a, total_r = ch.anggaran, ch.realisasi
    total = {
        "anggaran": total_a,
        "realisasi": total_r,
        "serapan": total_r / total_a * 100 if total_a else None,
        "sisa": total_a - total_r,
    }
    caption = t("apbd.children", L, level=t(f"level.{ch.level}", L))
    pager = []
    if pages > 1:
        pager = [
            html.Span(
                t("apbd.table_page", L, start=start + 1, end=min(start + TABLE_PAGE, len(rows)), n=len(rows)),
                className="me-2",
                id="apbd-table-page",
            )
        ]
        if page > 1:
            pager.append(dcc.Link(t("apbd.prev", L), href=node_href(st, node, hal=page - 1), className="me-2"))
        if page < pages:
            pager.append(dcc.Link(t("apbd.next", L), href=node_href(st, node, hal=page + 1), id="apbd-table-next"))
    table = cx.children_table(rows[start : start + TABLE_PAGE], L, link, total, caption, ID_TABLE)
    return dbc.Card(
        dbc.CardBody(
            [
                html.Div(
                    [
                        html.H3(caption, className="h6 mb-0"),
                        html.Div(
                            [
                                html.Span(t("apbd.download", L) + ":", className="small me-2"),
                                dbc.Button(
                                    "CSV", id=ID_DL_CSV, size="sm", color="secondary", outline=True, className="me-1"
                                ),
                                dbc.Button("XLSX", id=ID_DL_XLSX, size="sm", color="secondary", outline=True),
                                dcc.Download(id=ID_DOWNLOAD),
                            ]
                        ),
                    ],
                    className="d-flex flex-wrap justify-content-between align-items-center mb-2",
                ),
                table,
                html.Div(pager, className="small"),
            ]
        ),
        className="mb-3",
    )


def _hidden_outputs() -> list:
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


def _line_card(st: PageState, node: ex.Node, nm: dict[str, str]) -> dbc.Card:
    L = st.lang
    rows = [(t("level.skpd", L), nm.get(node.skpd or "", node.skpd)), (t("node.sumber", L), node.sd or "–")]
    if node.kode:
        for level, n in (("program", 7), ("kegiatan", 12), ("sub_kegiatan", 17)):
            rows.insert(-1, (t(f"level.{level}", L), f"{node.kode[:n]} {nm.get(node.kode[:n], '')}"))
    rows.insert(-1, (t("col.kode", L), f"{node.rek} {nm.get(node.rek or '', '')}"))
    return dbc.Card(
        dbc.CardBody(
            [
                html.H3(t("node.line", L), className="h6"),
                html.Dl(
                    [x for k, v in rows for x in (html.Dt(k, className="col-sm-3"), html.Dd(v, className="col-sm-9"))],
                    className="row small mb-0",
                ),
            ]
        ),
        className="mb-3",
        id="apbd-line",
    )


def _history(st: PageState, node: ex.Node, totals: list, realised: dict) -> dbc.Row:
    L = st.lang
    years = sorted(st.years)
    latest = {y: v for y, s, v in sorted(totals, key=lambda x: (x[0], x[1]))}  # perubahan sorts after murni
    trend_fig = cx.trend(years, [latest.get(y) for y in years], [realised.get(y, (None, 0))[0] for y in years], L)
    real, plan = ex.monthly(st.tahun, node)
    cum_r, run = [], Decimal(0)
    for v in real:
        run = run + v if v is not None else run
        cum_r.append(run if v is not None else None)
    cum_p = None
    if plan:
        cum_p, run = [], Decimal(0)
        for v in plan:
            run += v
            cum_p.append(run)
    anggaran = next((v for y, s, v in totals if y == st.tahun and s == st.tahap), Decimal(0))
    curve = cumulative_curve(st.tahun, cum_r, cum_p or [None] * 12, None, anggaran, L)
    return dbc.Row(
        [
            dbc.Col(
                dbc.Card(
                    dbc.CardBody(
                        [
                            html.H3(t("node.trend", L, first=years[0], last=years[-1]), className="h6"),
                            dcc.Graph(id="apbd-trend", figure=trend_fig, config=GRAPH_CONFIG),
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
                            html.H3(t("node.monthly", L), className="h6"),
                            dcc.Graph(id="apbd-monthly", figure=curve, config=GRAPH_CONFIG),
                            html.Div(t("node.monthly_no_plan", L), className="small text-body-secondary")
                            if not plan
                            else None,
                        ]
                    )
                ),
                md=6,
                className="mb-3",
            ),
        ]
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
    ch = ex.children(st.tahun, st.tahap, node)
    if ch.level == "none":
        return None
    L = st.lang
    nm = ex.names(node)
    path = " > ".join(node_label(n, lvl, c, nm, L) for n, lvl, c in ex.crumbs(node))
    filters = [
        ("Anggaran Terbuka", t("app.region", L)),
        (t("nav.year", L), str(st.tahun)),
        (t("home.tahap", L), t(f"tahap.{st.tahap}", L)),
        (t("apbd.dim", L), t(f"dim.{node.dim}", L)),
        ("Node", path),
        ("URL", node_href(st, node)),
    ]
    if queries.is_illustrative(st.tahun):
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
        for r in _rows(ch, L)
    ]
    body.append(["", t("apbd.total", L), ch.anggaran, ch.realisasi, None, ch.anggaran - ch.realisasi, ""])
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
