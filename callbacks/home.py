"""The overview page: regency KPIs for a year and the cumulative realisation curve."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from budget import queries
from budget.fmt import percent, rupiah, rupiah_full
from budget.i18n import month, t
from callbacks.state import PageState, page_start, resolve
from components import explorer as cx
from components import notices
from components.figures import GRAPH_CONFIG, cumulative_curve
from components.urls import href

ID_KPIS = "home-kpis"
ID_CURVE = "home-curve"
ID_TAHAP = "home-tahap"


def _kpi(kpi_id: str, title: str, value, lines: list) -> dbc.Col:
    return dbc.Col(
        dbc.Card(
            dbc.CardBody(
                [
                    html.Div(title, className="kpi-title"),
                    html.Div(value, className="kpi-value", id=f"{kpi_id}-value"),
                    *lines,
                ]
            ),
            className="h-100 kpi-card",
            id=kpi_id,
        ),
        xs=12,
        sm=6,
        xl=3,
        className="mb-3",
    )


def _explore(st: PageState, lang: str, dim: str, link_id: str) -> dcc.Link:
    """The whole KPI card opens the explorer at that total (stretched link)."""
    return dcc.Link(
        t("home.explore", lang),
        href=href("/apbd", {"tahun": st.tahun, "tahap": st.tahap, "lang": lang, "dim": dim}),
        className="small stretched-link d-inline-block mt-2",
        id=link_id,
    )


def _reconciliation(st: PageState, ov, lang: str):
    """Where official summary figures exist beside the line items, show both and the difference."""
    off = queries.official(st.tahun, st.tahap)
    if off is None:
        return None
    if not queries.has_line_items(st.tahun, st.tahap):
        return notices.info(t("home.summary_only", lang, sumber=off.sumber), "info", id="home-summary-only")
    rows = []
    for pos, ours, theirs in (
        ("kpi.pendapatan", ov.pendapatan, off.pendapatan),
        ("kpi.belanja", ov.belanja, off.belanja),
        ("kpi.realisasi", ov.realisasi_belanja if off.bulan == ov.bulan_terakhir else None, off.realisasi_belanja),
    ):
        if theirs is None or ours is None:
            continue
        diff = ours - theirs
        rows.append(
            html.Li(
                [
                    t(
                        "home.recon_row",
                        lang,
                        pos=t(pos, lang),
                        ours=rupiah_full(ours, lang),
                        theirs=rupiah_full(theirs, lang),
                        diff=rupiah_full(diff, lang),
                    ),
                    " ",
                    html.Span(
                        "✓" if diff == 0 else "≠",
                        className="text-success fw-bold" if diff == 0 else "text-danger fw-bold",
                    ),
                ]
            )
        )
    return dbc.Alert(
        [html.Strong(t("home.recon", lang, sumber=off.sumber)), html.Ul(rows, className="mb-0 small")],
        color="light",
        className="mb-3",
        id="home-recon",
    )


def _cumulative(values: list) -> list:
    out, run = [], None
    for v in values:
        if v is not None:
            run = (run or 0) + v
        out.append(run)
    return out


def render(tahun=None, tahap=None, lang=None, **_ignored) -> html.Div:
    st: PageState = resolve(tahun, tahap, lang)
    L = st.lang
    body: list = page_start(st)
    if st.year_missing:
        body.append(dcc.Link(t("notice.back_home", L), href=href("/", {"lang": L})))
        return html.Div(body)
    ov = queries.overview(st.tahun, st.tahap)
    monthly = queries.monthly_belanja(st.tahun)
    last = ov.bulan_terakhir
    actual = _cumulative([r for _, r, _ in monthly])
    actual = [v if (last and m <= last) else None for m, v in zip(range(1, 13), actual)]
    plan = _cumulative([k for _, _, k in monthly])
    prev_years = [y for y in st.years if y == st.tahun - 1]
    previous = _cumulative([r for _, r, _ in queries.monthly_belanja(prev_years[0])]) if prev_years else None

    stage_buttons = dbc.ButtonGroup(
        [
            dcc.Link(
                t(f"tahap.{s}", L),
                href=href("/", {"tahun": st.tahun, "tahap": s, "lang": L}),
                className="btn btn-sm " + ("btn-primary" if s == st.tahap else "btn-outline-primary"),
                id=f"home-tahap-{s}",
            )
            for s in st.stages
        ],
        id=ID_TAHAP,
        className="ms-md-3",
    )
    header = html.Div(
        [
            html.H1(t("home.heading", L, tahun=st.tahun), className="h3 mb-2 mb-md-0"),
            html.Div(
                [html.Span(t("home.tahap", L) + ": ", className="small text-body-secondary me-1"), stage_buttons],
                className="d-flex align-items-center",
            ),
        ],
        className="d-flex flex-wrap align-items-center justify-content-between mb-3",
    )

    until = t("kpi.until", L, bulan=month(last, L)) if last else t("kpi.no_realisasi", L)
    plan_to_date = plan[last - 1] if last else None
    kpis = dbc.Row(
        [
            _kpi(
                "kpi-pendapatan",
                t("kpi.pendapatan", L),
                rupiah(ov.pendapatan, L),
                [
                    html.Div(rupiah_full(ov.pendapatan, L), className="kpi-full", id="kpi-pendapatan-full"),
                    html.Div(
                        [
                            t("kpi.realisasi", L),
                            " ",
                            until,
                            ": ",
                            html.Strong(rupiah(ov.realisasi_pendapatan, L)),
                            " (",
                            percent(ov.capaian_pendapatan, L),
                            ")",
                            _explore(st, L, "pendapatan", "kpi-pendapatan-link"),
                        ],
                        className="kpi-sub",
                    ),
                ],
            ),
            _kpi(
                "kpi-belanja",
                t("kpi.belanja", L),
                rupiah(ov.belanja, L),
                [
                    html.Div(rupiah_full(ov.belanja, L), className="kpi-full", id="kpi-belanja-full"),
                    html.Div(
                        [t("kpi.realisasi", L), " ", until, ": ", html.Strong(rupiah(ov.realisasi_belanja, L))],
                        className="kpi-sub",
                    ),
                    _explore(st, L, "org", "kpi-belanja-link"),
                ],
            ),
            _kpi(
                "kpi-pembiayaan",
                t("kpi.pembiayaan", L),
                rupiah(ov.pembiayaan_netto, L),
                [
                    html.Div(rupiah_full(ov.pembiayaan_netto, L), className="kpi-full", id="kpi-pembiayaan-full"),
                    html.Div(
                        t(
                            "kpi.pembiayaan_detail",
                            L,
                            masuk=rupiah(ov.penerimaan_pembiayaan, L),
                            keluar=rupiah(ov.pengeluaran_pembiayaan, L),
                        ),
                        className="kpi-sub",
                    ),
                ],
            ),
            _kpi(
                "kpi-serapan",
                t("kpi.serapan", L),
                percent(ov.serapan, L),
                [
                    html.Div(
                        t(
                            "kpi.serapan_detail",
                            L,
                            bulan=month(last, L),
                            plan=percent(plan_to_date / ov.belanja * 100 if plan_to_date and ov.belanja else None, L),
                        )
                        if last
                        else t("kpi.no_realisasi", L),
                        className="kpi-sub",
                    ),
                ],
            ),
        ],
        id=ID_KPIS,
    )

    recon = _reconciliation(st, ov, L)
    if recon is not None:
        kpis = html.Div([kpis, recon])
    fig = cumulative_curve(st.tahun, actual, plan, previous, ov.belanja, L)
    table = html.Details(
        [
            html.Summary(t("curve.table_caption", L), className="small"),
            dbc.Table(
                [
                    html.Thead(
                        html.Tr(
                            [
                                html.Th(t("col.bulan", L)),
                                html.Th(t("col.realisasi_kum", L), className="text-end"),
                                html.Th(t("col.rencana_kum", L), className="text-end"),
                            ]
                        )
                    ),
                    html.Tbody(
                        [
                            html.Tr(
                                [
                                    html.Td(month(m, L)),
                                    html.Td(cx.money(a, L) if a is not None else "–", className="text-end text-nowrap"),
                                    html.Td(cx.money(p, L) if p is not None else "–", className="text-end text-nowrap"),
                                ]
                            )
                            for m, a, p in zip(range(1, 13), actual, plan)
                        ]
                    ),
                ],
                size="sm",
                striped=True,
                responsive=True,
                className="small mt-2",
            ),
        ],
        className="mt-2",
    )
    curve = dbc.Card(
        dbc.CardBody(
            [
                html.H2(t("curve.title", L), className="h5"),
                dcc.Graph(id=ID_CURVE, figure=fig, config=GRAPH_CONFIG),
                html.P(t("curve.caption", L), className="small text-body-secondary mb-0"),
                table,
            ]
        ),
        className="mb-3",
    )
    from callbacks.desa import village_search_box  # the same search box (and callbacks) as /desa

    find = dbc.Card(
        dbc.CardBody([html.H2(t("home.find_village", L), className="h6"), village_search_box(L)], className="pb-1"),
        className="mb-3",
        id="home-find-village",
    )
    return html.Div(body + [header, find, kpis, curve])
