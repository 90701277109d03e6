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
from components import notices
from components.figures import BLUE, FONT, GRAPH_CONFIG, GREY, LIGHT
from components.notices import WIDE_ONLY
from components.shell import ID_URL
from components.urls import href, parse_search

PATH = "/serapan"
BAND_COLOR = {"aman": "success", "waspada": "warning", "kritis": "danger", "na": "secondary"}
ID_WARN, ID_CRIT, ID_APPLY = "serapan-warning", "serapan-critical", "serapan-apply"


def _pair(waspada, kritis) -> tuple[Decimal, Decimal] | None:
    """The thresholds as given (defaults for the missing one), or None when they cannot be used."""
    try:
        w = Decimal(str(waspada)) if waspada not in (None, "") else sv.WARNING_PP
        c = Decimal(str(kritis)) if kritis not in (None, "") else sv.CRITICAL_PP
        ok = w.is_finite() and c.is_finite() and Decimal(1) <= w < c <= Decimal(60)
    except (InvalidOperation, ValueError):
        return None
    return (w.quantize(Decimal("0.1")), c.quantize(Decimal("0.1"))) if ok else None


def thresholds(waspada=None, kritis=None) -> tuple[Decimal, Decimal]:
    """URL thresholds, allow-listed to 1..60 points with warning < critical; defaults otherwise."""
    return _pair(waspada, kritis) or (sv.WARNING_PP, sv.CRITICAL_PP)


def threshold_problem(waspada, kritis, lang: str) -> str | None:
    """What was wrong with thresholds given in the URL (None when they were fine or not given)."""
    if _pair(waspada, kritis) is not None:
        return None
    return t(
        "s.bad_thresholds",
        lang,
        w=str(waspada)[:12] or "–",
        c=str(kritis)[:12] or "–",
        dw=percent(sv.WARNING_PP, lang, 0).rstrip("%"),
        dc=percent(sv.CRITICAL_PP, lang, 0).rstrip("%"),
    )


def month_for(tahun: int, unit: str, bulan=None, tw=None) -> int:
    return month_choice(tahun, unit, bulan, tw, "id")[0]


def month_choice(tahun: int, unit: str, bulan, tw, lang: str) -> tuple[int, str | None]:
    """The month to show and, when the URL asked for one that cannot be shown, what was wrong."""
    last = sv.last_month(tahun, unit) or 12
    name, raw, lo, hi = ("tw", tw, 1, 4) if tw not in (None, "") else ("bulan", bulan, 1, 12)
    if raw in (None, ""):
        return last, None
    try:
        value = int(str(raw))
    except ValueError:
        value = None
    if value is None or not lo <= value <= hi:
        return last, t("s.bad_month", lang, param=name, value=str(raw)[:12], lo=lo, hi=hi, bulan=month(last, lang))
    m = value * 3 if name == "tw" else value
    if m > last:
        return last, t("s.month_not_yet", lang, bulan=month(m, lang), last=month(last, lang))
    return m, None


def _pp(v: Decimal | None, lang: str) -> str:
    if v is None:
        return "–"
    return ("+" if v > 0 else "") + percent(v, lang, 1).rstrip("%")


def _fig(curve: dict, lang: str, tahun: int, upto: int | None = None) -> dict:
    """The cumulative curves; with `upto`, this year's line stops at the chosen month, which is marked."""
    months = [month(m, lang, "abbreviated") for m in range(1, 13)]
    data = []
    if upto:
        curve = {**curve, "actual": [v if i < upto else None for i, v in enumerate(curve.get("actual") or [])]}
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
    if upto:
        layout["shapes"] = [
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": months[upto - 1],
                "x1": months[upto - 1],
                "y0": 0,
                "y1": 1,
                "line": {"color": "#495057", "width": 1, "dash": "dot"},
            }
        ]
        layout["annotations"] = [
            {
                "xref": "x",
                "yref": "paper",
                "x": months[upto - 1],
                "y": 1,
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 11},
                "text": t("s.curve_upto", lang, bulan=month(upto, lang, "abbreviated")),
            }
        ]
        layout["margin"] = {**layout["margin"], "t": 24}
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
    m, month_problem = month_choice(st.tahun, unit, bulan, tw, L)
    w, c = thresholds(waspada, kritis)
    body += [
        notices.info(p, "warning", id="page-problem")
        for p in (month_problem, threshold_problem(waspada, kritis, L))
        if p
    ]
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
            className="btn btn-sm me-1 mb-1 " + ("btn-primary fw-bold" if i == m else "btn-outline-primary"),
            id=f"serapan-bulan-{i}",
            title=t("s.month_selected", L) if i == m else None,
        )
        for i in range(1, last + 1)
    ]
    quarter_links = [
        dcc.Link(
            f"TW{q}",
            href=href(PATH, {**keep, "tw": q}),
            className="btn btn-sm me-1 mb-1 " + ("btn-primary fw-bold" if m == q * 3 and tw else "btn-outline-primary"),
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
            className="mb-2 d-flex flex-wrap align-items-center",
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
                # On a phone the columns that answer "who is behind?" come first: unit, status, gap.
                [
                    html.Td(i + 1, className=WIDE_ONLY),
                    html.Td(name_link),
                    html.Td(dbc.Badge(t(f"band.{b}", L), color=BAND_COLOR[b])),
                    html.Td(_pp(s.deviasi, L), className="text-end"),
                    html.Td(percent(s.serapan, L, 1), className="text-end d-none d-sm-table-cell"),
                    html.Td(percent(s.rencana_pct, L, 1), className="text-end " + WIDE_ONLY),
                    html.Td(forecast_txt, className="text-end text-nowrap small " + WIDE_ONLY),
                    html.Td(rupiah(s.anggaran, L), className="text-end text-nowrap " + WIDE_ONLY),
                ],
                className="table-danger" if b == "kritis" else "",
            )
        )
    table = dbc.Table(
        [
            html.Thead(
                html.Tr(
                    [
                        html.Th("#", className=WIDE_ONLY),
                        html.Th(t("col.unit", L)),
                        html.Th(t("col.status", L)),
                        html.Th(t("col.deviasi", L), className="text-end"),
                        html.Th(t("col.realisasi", L), className="text-end d-none d-sm-table-cell"),
                        html.Th(t("col.rencana", L), className="text-end " + WIDE_ONLY),
                        html.Th(t("col.ramalan", L), className="text-end " + WIDE_ONLY),
                        html.Th(t("col.anggaran", L), className="text-end " + WIDE_ONLY),
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

    # Forecast for the unit the curve shows: the selected OPD/village, else everyone
    reg = fc.get(selected) if selected else None
    if reg is None:
        reg = sv.forecast(unit, st.tahun, m, None, "", total_a, total_r)
    if reg.point is not None and reg.anggaran and m < 12:
        fc_text = [
            html.P(
                t(
                    "s.forecast_value",
                    L,
                    pct=percent(reg.point_pct, L, 1),
                    lo=percent(reg.low / reg.anggaran * 100, L, 1),
                    hi=percent(reg.high / reg.anggaran * 100, L, 1),
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
                                dcc.Graph(id="serapan-curve", figure=_fig(cv, L, st.tahun, m), config=GRAPH_CONFIG),
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
                            dbc.CardBody(
                                [
                                    html.H2(
                                        t("s.forecast_for", L, unit=unit_name),
                                        className="h6",
                                        id="serapan-forecast-title",
                                    )
                                ]
                                + fc_text
                            ),
                            className="mb-3",
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
    body.append(
        dbc.Card(
            dbc.CardBody([html.H2(t("s.ranking", L), className="h6"), table, notices.phone_columns(L)]),
            className="mb-3",
        )
    )
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
                    html.Td(percent(prev[m] if prev else None, lang, 1), className="text-end " + WIDE_ONLY),
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
                html.Th(t("curve.prev", lang, tahun=tahun - 1), className="text-end " + WIDE_ONLY),
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
                        html.Small([html.Br(), ch.rule.source], className="d-md-none"),
                    ]
                ),
                html.Td(percent(ch.pct, L, 1), className="text-end fw-bold text-nowrap"),
                html.Td(dbc.Badge(t(f"rstatus.{ch.status}", L), color=color[ch.status], className="text-wrap")),
                html.Td(ch.rule.source, className="small " + WIDE_ONLY),
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
                                    html.Th(t("col.sumber_aturan", L), className=WIDE_ONLY),
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
    """The URL with the thresholds the user typed; the page checks them and says so when they are invalid."""
    params = parse_search(search)
    # The values go into the URL as typed (numbers only, bounded): the page then says what was wrong
    # with them instead of quietly showing other thresholds.
    for key, value in (("waspada", warning), ("kritis", critical)):
        ok = isinstance(value, (int, float, str)) and not isinstance(value, bool)
        params[key] = str(value)[:12] if ok and str(value).strip() else None
    return href(PATH, params)


@callback(
    Output(ID_URL, "href", allow_duplicate=True),
    Input(ID_APPLY, "n_clicks"),
    State(ID_WARN, "value"),
    State(ID_CRIT, "value"),
    State(ID_URL, "search"),
    prevent_initial_call=True,
)
def on_apply(n_clicks, warning, critical, search):
    # Dash also calls this when the page's content (and so the button) is drawn anew: only a real
    # click may navigate, or every arrival and every Back would push one more history entry.
    if not n_clicks:
        return no_update
    try:
        return apply_thresholds(search, warning, critical) or no_update
    except DataUnavailable:
        return no_update
