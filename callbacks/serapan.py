"""The absorption monitor (/serapan): realisation against the cash plan, bands, movement, ranking,
forecasts and the mandatory-spending checks."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html, no_update

from budget import rules
from budget import serapan as sv
from budget.db import DataUnavailable
from budget.fmt import percent, rupiah
from budget.i18n import month, t
from callbacks.state import PageState, page_start, resolve
from components.figures import BLUE, FONT, GRAPH_CONFIG, GREY, LIGHT
from components.shell import ID_URL
from components.urls import href, parse_search

PATH = "/serapan"
BAND_COLOR = {"aman": "success", "waspada": "warning", "kritis": "danger", "na": "secondary"}
ID_WARN, ID_CRIT, ID_APPLY = "serapan-warning", "serapan-critical", "serapan-apply"


def thresholds(waspada=None, kritis=None) -> tuple[Decimal, Decimal]:
    """URL thresholds, allow-listed to 1..60 points with warning < critical; defaults otherwise."""
    try:
        w = Decimal(str(waspada)) if waspada not in (None, "") else sv.WARNING_PP
        c = Decimal(str(kritis)) if kritis not in (None, "") else sv.CRITICAL_PP
    except (InvalidOperation, ValueError):
        return sv.WARNING_PP, sv.CRITICAL_PP
    if not (Decimal(1) <= w < c <= Decimal(60)):
        return sv.WARNING_PP, sv.CRITICAL_PP
    return w.quantize(Decimal("0.1")), c.quantize(Decimal("0.1"))


def month_for(tahun: int, unit: str, bulan=None, tw=None) -> int:
    last = sv.last_month(tahun, unit) or 12
    try:
        if tw not in (None, ""):
            return min(min(max(int(str(tw)), 1), 4) * 3, last)
        if bulan not in (None, ""):
            return min(max(int(str(bulan)), 1), last)
    except ValueError:
        pass
    return last


def _pp(v: Decimal | None, lang: str) -> str:
    if v is None:
        return "–"
    return ("+" if v > 0 else "") + percent(v, lang, 1).rstrip("%")


def _fig(curve: dict, lang: str, tahun: int) -> dict:
    months = [month(m, lang, "abbreviated") for m in range(1, 13)]
    data = []
    for key, name, color, dash, width in (
        ("previous", t("curve.prev", lang, tahun=tahun - 1), LIGHT, "solid", 2),
        ("plan", t("curve.rencana", lang, tahun=tahun), GREY, "dash", 2),
        ("actual", t("curve.realisasi", lang, tahun=tahun), BLUE, "solid", 3),
    ):
        vals = curve.get(key)
        if not vals or all(v is None for v in vals):
            continue
        data.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "x": months,
                "name": name,
                "y": [float(v) if v is not None else None for v in vals],
                "customdata": [percent(v, lang, 1) for v in vals],
                "hovertemplate": "%{x}: %{customdata}<extra>" + name + "</extra>",
                "line": {"color": color, "dash": dash, "width": width},
                "marker": {"size": 6},
            }
        )
    layout = {
        "margin": {"l": 8, "r": 8, "t": 10, "b": 8},
        "height": 320,
        "font": {"family": FONT, "size": 13},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "hovermode": "x unified",
        "legend": {"orientation": "h", "y": -0.15, "x": 0},
        "dragmode": False,
        "yaxis": {"range": [0, 105], "ticksuffix": "%", "gridcolor": "#e9ecef", "fixedrange": True, "automargin": True},
        "xaxis": {"fixedrange": True},
    }
    return {"data": data, "layout": layout}


def render(
    tahun=None, tahap=None, lang=None, unit=None, bulan=None, tw=None, kode=None, waspada=None, kritis=None, **_ignored
) -> html.Div:
    st = resolve(tahun, None, lang)
    L = st.lang
    body: list = page_start(st)
    if st.year_missing:
        return html.Div(body + [_controls_hidden()])
    unit = unit if unit in sv.UNITS else "opd"
    m = month_for(st.tahun, unit, bulan, tw)
    w, c = thresholds(waspada, kritis)
    keep = {"tahun": st.tahun, "lang": L, "unit": unit, "waspada": waspada and str(w), "kritis": kritis and str(c)}
    statuses = sv.opd_status(st.tahun, m) if unit == "opd" else sv.desa_status(st.tahun, m)
    kodes = {s.kode for s in statuses}
    selected = kode if kode in kodes else None
    last = sv.last_month(st.tahun, unit) or 12

    # Header and controls
    unit_links = dbc.ButtonGroup(
        [
            dcc.Link(
                t(f"unit.{u}", L),
                href=href(PATH, {**keep, "unit": u}),
                className="btn btn-sm " + ("btn-primary" if u == unit else "btn-outline-primary"),
                id=f"serapan-unit-{u}",
            )
            for u in sv.UNITS
        ]
    )
    month_links = [
        dcc.Link(
            month(i, L, "abbreviated"),
            href=href(PATH, {**keep, "bulan": i}),
            className="btn btn-sm me-1 mb-1 " + ("btn-dark" if i == m else "btn-outline-secondary"),
            id=f"serapan-bulan-{i}",
        )
        for i in range(1, last + 1)
    ]
    quarter_links = [
        dcc.Link(
            f"TW{q}",
            href=href(PATH, {**keep, "tw": q}),
            className="btn btn-sm me-1 mb-1 " + ("btn-dark" if m == q * 3 and tw else "btn-outline-dark"),
            id=f"serapan-tw-{q}",
        )
        for q in range(1, 5)
        if q * 3 <= last
    ]
    body.append(
        html.Div(
            [html.H1(t("s.heading", L, tahun=st.tahun), className="h3 mb-2 mb-md-0"), unit_links],
            className="d-flex flex-wrap align-items-center justify-content-between mb-2",
        )
    )
    if last == 12:
        body.append(html.Div(t("s.final", L, tahun=st.tahun), className="small text-body-secondary mb-1"))
    body.append(
        html.Div(
            [html.Span(t("s.month", L) + ": ", className="small me-1")]
            + month_links
            + [html.Span(" " + t("s.quarter", L) + ": ", className="small mx-1")]
            + quarter_links,
            className="mb-2 overflow-auto text-nowrap",
        )
    )
    body.append(
        dbc.Alert(
            [
                html.Div(
                    t("s.thresholds", L, w=percent(w, L, 0).rstrip("%"), c=percent(c, L, 0).rstrip("%")),
                    id="serapan-thresholds",
                ),
                html.Div(
                    [
                        html.Span(t("s.thresholds_why", L) + " ", className="small"),
                        html.Span(t("s.warning", L) + " ", className="small"),
                        dbc.Input(
                            id=ID_WARN,
                            type="number",
                            min=1,
                            max=59,
                            step=0.5,
                            value=float(w),
                            size="sm",
                            className="d-inline-block mx-1",
                            style={"width": "5em"},
                        ),
                        html.Span(t("s.critical", L) + " ", className="small"),
                        dbc.Input(
                            id=ID_CRIT,
                            type="number",
                            min=2,
                            max=60,
                            step=0.5,
                            value=float(c),
                            size="sm",
                            className="d-inline-block mx-1",
                            style={"width": "5em"},
                        ),
                        dbc.Button(t("s.apply", L), id=ID_APPLY, size="sm", color="secondary"),
                    ],
                    className="mt-1",
                ),
            ],
            color="light",
            className="small py-2",
        )
    )

    # Regency summary
    total_a = sum((s.anggaran for s in statuses), Decimal(0))
    total_r = sum((s.realisasi for s in statuses), Decimal(0))
    total_p = sum((s.rencana for s in statuses), Decimal(0))
    bands = [sv.band(s.deviasi, w, c) for s in statuses]
    counts = {b: bands.count(b) for b in ("aman", "waspada", "kritis")}
    body.append(
        dbc.Card(
            dbc.CardBody(
                [
                    html.Div(
                        t(
                            "s.summary",
                            L,
                            serapan=percent(total_r / total_a * 100 if total_a else None, L, 1),
                            bulan=month(m, L),
                            rencana=percent(total_p / total_a * 100 if total_a else None, L, 1),
                        ),
                        className="fs-5",
                    ),
                    html.Div(
                        [
                            dbc.Badge(
                                t("s.counts", L, **counts),
                                color="light",
                                text_color="dark",
                                className="fs-6 text-wrap text-start",
                            )
                        ],
                        id="serapan-counts",
                    ),
                ]
            ),
            className="mb-3",
        )
    )

    # Ranking and movement
    fc = {f.kode: f for f in sv.forecasts(unit, st.tahun, m, statuses)}
    ranked = sorted(statuses, key=lambda s: (s.deviasi is None, s.deviasi if s.deviasi is not None else 0))
    rows = []
    for i, s in enumerate(ranked):
        b = sv.band(s.deviasi, w, c)
        f = fc.get(s.kode)
        forecast_txt = (
            (
                f"{percent(f.point_pct, L, 0)} ({percent(f.low / f.anggaran * 100, L, 0)}–"
                f"{percent(f.high / f.anggaran * 100, L, 0)})"
            )
            if f and f.point is not None and f.anggaran and m < 12
            else "–"
        )
        name_link = dcc.Link(
            s.nama, href=href(PATH, {**keep, "bulan": m, "kode": s.kode}), id={"type": "serapan-unit-row", "index": i}
        )
        rows.append(
            html.Tr(
                [
                    html.Td(i + 1),
                    html.Td(name_link),
                    html.Td(rupiah(s.anggaran, L), className="text-end text-nowrap"),
                    html.Td(percent(s.serapan, L, 1), className="text-end"),
                    html.Td(percent(s.rencana_pct, L, 1), className="text-end"),
                    html.Td(_pp(s.deviasi, L), className="text-end"),
                    html.Td(dbc.Badge(t(f"band.{b}", L), color=BAND_COLOR[b])),
                    html.Td(forecast_txt, className="text-end text-nowrap small"),
                ],
                className="table-danger" if b == "kritis" else "",
            )
        )
    table = dbc.Table(
        [
            html.Thead(
                html.Tr(
                    [
                        html.Th("#"),
                        html.Th(t("col.unit", L)),
                        html.Th(t("col.anggaran", L), className="text-end"),
                        html.Th(t("col.realisasi", L), className="text-end"),
                        html.Th(t("col.rencana", L), className="text-end"),
                        html.Th(t("col.deviasi", L), className="text-end"),
                        html.Th(t("col.status", L)),
                        html.Th(t("col.ramalan", L), className="text-end"),
                    ]
                )
            ),
            html.Tbody(rows),
        ],
        size="sm",
        hover=True,
        responsive=True,
        className="small mb-0",
        id="serapan-ranking",
    )
    moved = [(s, sv.band(s.deviasi_prev, w, c), sv.band(s.deviasi, w, c)) for s in statuses]
    moved = [x for x in moved if x[1] != x[2]] if m > 1 else []
    movement = (
        html.Ul(
            [
                html.Li([html.Strong(s.nama), f": {t('band.' + a, L)} \u2192 {t('band.' + b, L)}"])
                for s, a, b in moved[:40]
            ],
            className="small mb-0",
        )
        if moved
        else html.P(t("s.no_movement", L), className="small mb-0")
    )

    # Curve for the selected unit (or everyone)
    cv = sv.curve(st.tahun, unit, selected)
    unit_name = next((s.nama for s in statuses if s.kode == selected), None) or (
        t("s.curve_regency", L) if unit == "opd" else t("s.curve_villages", L)
    )
    plan_note = None
    if unit == "desa":
        _, years = sv.village_norm(st.tahun)
        plan_note = html.P(
            t("s.plan_desa", L, years=", ".join(map(str, years)) or "–"),
            className="small text-body-secondary mb-0",
            id="serapan-plan-desa",
        )
    open_link = None
    if selected and unit == "opd":
        open_link = dcc.Link(
            t("s.open_apbd", L) + " \u2192",
            href=href("/apbd", {"tahun": st.tahun, "lang": L, "skpd": selected}),
            className="small",
        )
    elif selected:
        open_link = dcc.Link(
            "\u2192 " + t("v.title", L, nama=unit_name.split(" (")[0]),
            href=href(f"/desa/{selected}", {"tahun": st.tahun, "lang": L}),
            className="small",
        )

    # Regency forecast
    reg = sv.forecast(unit, st.tahun, m, None, "", total_a, total_r)
    if reg.point is not None and m < 12:
        fc_text = [
            html.P(
                t(
                    "s.forecast_value",
                    L,
                    pct=percent(reg.point_pct, L, 1),
                    lo=percent(reg.low / total_a * 100, L, 1),
                    hi=percent(reg.high / total_a * 100, L, 1),
                ),
                className="fs-5 mb-1",
                id="serapan-forecast",
            ),
            html.P(
                t("s.forecast_method", L, bulan=month(m, L), years=", ".join(map(str, reg.years))),
                className="small text-body-secondary mb-0",
                id="serapan-forecast-method",
            ),
        ]
    elif m >= 12:
        fc_text = [html.P(t("s.final", L, tahun=st.tahun), className="mb-0")]
    else:
        fc_text = [html.P(t("s.no_forecast", L), className="mb-0")]

    body.append(
        dbc.Row(
            [
                dbc.Col(
                    dbc.Card(
                        dbc.CardBody(
                            [
                                html.H2(t("s.curve", L, unit=unit_name), className="h6", id="serapan-curve-title"),
                                dcc.Graph(id="serapan-curve", figure=_fig(cv, L, st.tahun), config=GRAPH_CONFIG),
                                _month_table(cv, L, st.tahun),
                                plan_note,
                                open_link,
                            ]
                        )
                    ),
                    lg=7,
                    className="mb-3",
                ),
                dbc.Col(
                    [
                        dbc.Card(
                            dbc.CardBody([html.H2(t("s.forecast", L), className="h6")] + fc_text), className="mb-3"
                        ),
                        dbc.Card(
                            dbc.CardBody(
                                [html.H2(t("s.movement", L, bulan=month(max(m - 1, 1), L)), className="h6"), movement]
                            ),
                            className="mb-3",
                            id="serapan-movement",
                        ),
                    ],
                    lg=5,
                ),
            ]
        )
    )
    body.append(dbc.Card(dbc.CardBody([html.H2(t("s.ranking", L), className="h6"), table]), className="mb-3"))
    body.append(_rules_card(st))
    return html.Div(body, className="serapan-page")


def _month_table(cv: dict, lang: str, tahun: int) -> html.Details:
    """The curve month by month: realised and planned share of the budget, and the gap."""
    actual, plan, prev = cv.get("actual") or [None] * 12, cv.get("plan") or [None] * 12, cv.get("previous")
    rows = []
    for m in range(12):
        a, p = actual[m], plan[m]
        rows.append(
            html.Tr(
                [
                    html.Td(month(m + 1, lang)),
                    html.Td(percent(a, lang, 1), className="text-end"),
                    html.Td(percent(p, lang, 1), className="text-end"),
                    html.Td(_pp(a - p if a is not None and p is not None else None, lang), className="text-end"),
                    html.Td(percent(prev[m] if prev else None, lang, 1), className="text-end"),
                ]
            )
        )
    head = html.Thead(
        html.Tr(
            [
                html.Th(t("col.bulan", lang)),
                html.Th(t("col.realisasi", lang), className="text-end"),
                html.Th(t("col.rencana", lang), className="text-end"),
                html.Th(t("col.deviasi", lang), className="text-end"),
                html.Th(t("curve.prev", lang, tahun=tahun - 1), className="text-end"),
            ]
        )
    )
    return html.Details(
        [
            html.Summary(t("s.month_table", lang), className="small"),
            dbc.Table(
                [head, html.Tbody(rows)], size="sm", responsive=True, className="small mt-1", id="serapan-month-table"
            ),
        ],
        className="mb-1",
    )


def _rules_card(st: PageState) -> dbc.Card:
    L = st.lang
    color = {"ok": "success", "gagal": "danger", "transisi": "secondary", "info": "info"}
    rows = [
        html.Tr(
            [
                html.Td(
                    [
                        html.Strong(t(f"rule.{ch.rule.key}", L)),
                        html.Br(),
                        html.Small(
                            ch.rule.approximation if L == "id" else ch.rule.approximation_en,
                            className="text-body-secondary",
                        ),
                    ]
                ),
                html.Td(percent(ch.pct, L, 1), className="text-end fw-bold text-nowrap"),
                html.Td(dbc.Badge(t(f"rstatus.{ch.status}", L), color=color[ch.status])),
                html.Td(ch.rule.source, className="small"),
            ],
            id=f"rule-{ch.rule.key}",
        )
        for ch in rules.checks(st.tahun)
    ]
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(t("s.rules", L, tahun=st.tahun), className="h6"),
                dbc.Table(
                    [
                        html.Thead(
                            html.Tr(
                                [
                                    html.Th(t("col.aturan", L)),
                                    html.Th(t("col.angka", L), className="text-end"),
                                    html.Th(t("col.status", L)),
                                    html.Th(t("col.sumber_aturan", L)),
                                ]
                            )
                        ),
                        html.Tbody(rows),
                    ],
                    size="sm",
                    responsive=True,
                    className="small mb-0",
                    id="serapan-rules",
                ),
            ]
        ),
        className="mb-3",
    )


def _controls_hidden() -> html.Div:
    return html.Div([dcc.Input(id=ID_WARN), dcc.Input(id=ID_CRIT), html.Button(id=ID_APPLY)], style={"display": "none"})


def apply_thresholds(search: str | None, warning, critical) -> str | None:
    """The URL with the new thresholds; invalid values fall back to the defaults (and say so there)."""
    params = parse_search(search)
    w, c = thresholds(warning, critical)
    params.update({"waspada": str(w), "kritis": str(c)})
    return href(PATH, params)


@callback(
    Output(ID_URL, "href", allow_duplicate=True),
    Input(ID_APPLY, "n_clicks"),
    State(ID_WARN, "value"),
    State(ID_CRIT, "value"),
    State(ID_URL, "search"),
    prevent_initial_call=True,
)
def on_apply(_n, warning, critical, search):
    try:
        return apply_thresholds(search, warning, critical) or no_update
    except DataUnavailable:
        return no_update
