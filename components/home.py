"""Dash renderer of the overview page model (`models.home.HomePage`): layout and formatting only."""

from __future__ import annotations

from dataclasses import dataclass, field

import dash_bootstrap_components as dbc
from dash import dcc, html

from budget.fmt import percent, rupiah, rupiah_full
from budget.i18n import month, t
from components import explorer as cx
from components import notices
from components.figures import cumulative_curve, graph
from components.terms import term
from models.home import HomePage

ID_KPIS = "home-kpis"
ID_CURVE = "home-curve"
ID_TAHAP = "home-tahap"
RECON_LABEL = {"pendapatan": "kpi.pendapatan", "belanja": "kpi.belanja", "realisasi": "kpi.realisasi"}


@dataclass(frozen=True)
class Links:
    """The page's links (they carry URL state, which the wiring owns)."""

    stages: dict[str, str] = field(default_factory=dict)  # tahap -> the overview at that stage
    explore: dict[str, str] = field(default_factory=dict)  # dim -> the explorer at that total
    lite: str = ""  # the regency summary as a light page for phones (a full page load)


def page(p: HomePage, lang: str, links: Links, search_box: object) -> list:
    lite = html.A(t("lite.lite_version", lang), href=links.lite, className="small", id="home-lite-link")
    find = dbc.Card(
        dbc.CardBody(
            [html.H2(t("home.find_village", lang), className="h6"), search_box, html.P(lite, className="mb-2")],
            className="pb-1",
        ),
        className="mb-3",
        id="home-find-village",
    )
    kpis: object = _kpis(p, lang, links)
    recon = _reconciliation(p, lang)
    if recon is not None:
        kpis = html.Div([kpis, recon])
    return [_header(p, lang, links), find, kpis, _curve(p, lang)]


def _header(p: HomePage, lang: str, links: Links) -> html.Div:
    stage_buttons = cx.stage_buttons(p.stages, p.tahap, links.stages, lang, "home", id=ID_TAHAP, className="ms-md-3")
    return html.Div(
        [
            html.H1(t("home.heading", lang, tahun=p.tahun), className="h3 mb-2 mb-md-0"),
            html.Div(
                [html.Span(t("home.tahap", lang) + ": ", className="small text-body-secondary me-1"), stage_buttons],
                className="d-flex align-items-center",
            ),
        ],
        className="d-flex flex-wrap align-items-center justify-content-between mb-3",
    )


def _kpi(kpi_id: str, title: str, value, lines: list) -> dbc.Col:
    return dbc.Col(
        dbc.Card(
            dbc.CardBody(
                [html.Div(title, className="kpi-title"), html.Div(value, className="kpi-value", id=f"{kpi_id}-value")]
                + lines
            ),
            className="h-100 kpi-card",
            id=kpi_id,
        ),
        xs=12,
        sm=6,
        xl=3,
        className="mb-3",
    )


def _explore(href: str, lang: str, link_id: str) -> dcc.Link:
    """The whole KPI card opens the explorer at that total (stretched link)."""
    return dcc.Link(
        t("home.explore", lang), href=href, className="small stretched-link d-inline-block mt-2", id=link_id
    )


def _kpis(p: HomePage, lang: str, links: Links) -> dbc.Row:
    last = p.as_of_month
    until = t("kpi.until", lang, bulan=month(last, lang)) if last else t("kpi.no_realisasi", lang)
    pendapatan_sub = [t("kpi.realisasi", lang), " ", until, ": ", html.Strong(rupiah(p.realisasi_pendapatan, lang))]
    pendapatan_sub += [" (", percent(p.capaian_pendapatan, lang), ")"]
    pendapatan_sub.append(_explore(links.explore.get("pendapatan", ""), lang, "kpi-pendapatan-link"))
    serapan_detail = (
        t("kpi.serapan_detail", lang, bulan=month(last, lang), plan=percent(p.plan_share_to_date, lang))
        if last
        else t("kpi.no_realisasi", lang)
    )
    pembiayaan = t(
        "kpi.pembiayaan_detail",
        lang,
        masuk=rupiah(p.penerimaan_pembiayaan, lang),
        keluar=rupiah(p.pengeluaran_pembiayaan, lang),
    )
    return dbc.Row(
        [
            _kpi(
                "kpi-pendapatan",
                term(t("kpi.pendapatan", lang), "pendapatan", lang),
                rupiah(p.pendapatan, lang),
                [
                    html.Div(rupiah_full(p.pendapatan, lang), className="kpi-full", id="kpi-pendapatan-full"),
                    html.Div(pendapatan_sub, className="kpi-sub"),
                ],
            ),
            _kpi(
                "kpi-belanja",
                term(t("kpi.belanja", lang), "belanja", lang),
                rupiah(p.belanja, lang),
                [
                    html.Div(rupiah_full(p.belanja, lang), className="kpi-full", id="kpi-belanja-full"),
                    html.Div(
                        [t("kpi.realisasi", lang), " ", until, ": ", html.Strong(rupiah(p.realisasi_belanja, lang))],
                        className="kpi-sub",
                    ),
                    _explore(links.explore.get("org", ""), lang, "kpi-belanja-link"),
                ],
            ),
            _kpi(
                "kpi-pembiayaan",
                term(t("kpi.pembiayaan", lang), "pembiayaan", lang),
                rupiah(p.pembiayaan_netto, lang),
                [
                    html.Div(rupiah_full(p.pembiayaan_netto, lang), className="kpi-full", id="kpi-pembiayaan-full"),
                    html.Div(pembiayaan, className="kpi-sub"),
                ],
            ),
            _kpi(
                "kpi-serapan",
                term(t("kpi.serapan", lang), "serapan", lang),
                percent(p.serapan, lang),
                [html.Div(serapan_detail, className="kpi-sub")],
            ),
        ],
        id=ID_KPIS,
    )


def _reconciliation(p: HomePage, lang: str):
    """Where official summary figures exist beside the line items, both and the difference."""
    if p.official_source is None:
        return None
    if p.summary_only:
        return notices.info(t("home.summary_only", lang, sumber=p.official_source), "info", id="home-summary-only")
    rows = []
    for r in p.reconciliation:
        text = t(
            "home.recon_row",
            lang,
            pos=t(RECON_LABEL[r.pos], lang),
            ours=rupiah_full(r.ours, lang),
            theirs=rupiah_full(r.theirs, lang),
            diff=rupiah_full(r.difference, lang),
        )
        ok = r.difference == 0
        mark = html.Span("✓" if ok else "≠", className="text-success fw-bold" if ok else "text-danger fw-bold")
        rows.append(html.Li([text, " ", mark]))
    return dbc.Alert(
        [html.Strong(t("home.recon", lang, sumber=p.official_source)), html.Ul(rows, className="mb-0 small")],
        color="light",
        className="mb-3",
        id="home-recon",
    )


def _curve(p: HomePage, lang: str) -> dbc.Card:
    fig = cumulative_curve(p.tahun, p.actual, p.plan, p.previous, p.belanja, lang)
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(t("curve.title", lang), className="h5"),
                graph(ID_CURVE, fig, lang),
                html.P(t("curve.caption", lang), className="small text-body-secondary mb-0"),
                _curve_table(p, lang),
            ]
        ),
        className="mb-3",
    )


def _curve_table(p: HomePage, lang: str) -> html.Details:
    head = html.Tr(
        [
            html.Th(t("col.bulan", lang)),
            html.Th(t("col.realisasi_kum", lang), className="text-end"),
            html.Th(t("col.rencana_kum", lang), className="text-end"),
        ]
    )
    body = [
        html.Tr(
            [
                html.Td(month(m, lang)),
                html.Td(cx.money(a, lang) if a is not None else "–", className="text-end text-nowrap"),
                html.Td(cx.money(k, lang) if k is not None else "–", className="text-end text-nowrap"),
            ]
        )
        for m, a, k in zip(range(1, 13), p.actual, p.plan)
    ]
    return html.Details(
        [
            html.Summary(t("curve.table_caption", lang), className="small"),
            dbc.Table(
                [html.Thead(head), html.Tbody(body)],
                size="sm",
                striped=True,
                responsive=True,
                className="small mt-2",
            ),
        ],
        className="mt-2",
    )
