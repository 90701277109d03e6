"""Dash renderer of the absorption monitor's model (`models.serapan.SerapanPage`): layout and
formatting only; every decision (months, bands, ranking, forecasts) is in the model."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import dash_bootstrap_components as dbc
from dash import dcc, html

from budget.fmt import percent, rupiah
from budget.i18n import month, t
from components import notices
from components.figures import BLUE, FONT, GREY, LIGHT, graph
from components.notices import WIDE_ONLY
from components.terms import term
from models.serapan import RankRow, SerapanPage

BAND_COLOR = {"aman": "success", "waspada": "warning", "kritis": "danger", "na": "secondary"}
RULE_COLOR = {"ok": "success", "gagal": "danger", "transisi": "secondary", "info": "info"}
ID_WARN, ID_CRIT, ID_APPLY = "serapan-warning", "serapan-critical", "serapan-apply"


@dataclass(frozen=True)
class Links:
    """The page's links (they carry URL state, which the wiring owns)."""

    units: dict[str, str] = field(default_factory=dict)  # opd/desa -> the monitor for that unit
    months: dict[int, str] = field(default_factory=dict)
    quarters: dict[int, str] = field(default_factory=dict)
    quarter_chosen: bool = False  # the URL chose a quarter (tw), not a month
    rows: dict[str, str] = field(default_factory=dict)  # kode -> the monitor with that unit selected
    open: str | None = None  # the selected unit's own page (APBD node or village page)


def pp(v: Decimal | None, lang: str) -> str:
    """Percentage points with a sign: +1,5 / -12,0."""
    if v is None:
        return "–"
    return ("+" if v > 0 else "") + percent(v, lang, 1).rstrip("%")


def _p0(v: Decimal, lang: str) -> str:
    return percent(v, lang, 0).rstrip("%")


def page(p: SerapanPage, lang: str, links: Links) -> list:
    unit_name = p.selected_nama or t("s.curve_regency" if p.unit == "opd" else "s.curve_villages", lang)
    body = [_header(p, lang, links)]
    if p.final:
        body.append(html.Div(t("s.final", lang, tahun=p.tahun), className="small text-body-secondary mb-1"))
    body += [_month_picker(p, lang, links), _threshold_form(p, lang), _summary(p, lang)]
    body.append(
        dbc.Row(
            [
                dbc.Col(dbc.Card(dbc.CardBody(_curve_card(p, lang, links, unit_name))), lg=7, className="mb-3"),
                dbc.Col([_forecast_card(p, lang, unit_name), _movement_card(p, lang)], lg=5),
            ]
        )
    )
    body.append(
        dbc.Card(
            dbc.CardBody([html.H2(t("s.ranking", lang), className="h6")] + _ranking(p, lang, links)),
            className="mb-3",
        )
    )
    body.append(rules_card(p, lang))
    return body


def _header(p: SerapanPage, lang: str, links: Links) -> html.Div:
    unit_links = dbc.ButtonGroup(
        [
            dcc.Link(
                t(f"unit.{u}", lang),
                href=href,
                className="btn btn-sm " + ("btn-primary" if u == p.unit else "btn-outline-primary"),
                id=f"serapan-unit-{u}",
            )
            for u, href in links.units.items()
        ]
    )
    return html.Div(
        [html.H1(t("s.heading", lang, tahun=p.tahun), className="h3 mb-2 mb-md-0"), unit_links],
        className="d-flex flex-wrap align-items-center justify-content-between mb-2",
    )


def _month_picker(p: SerapanPage, lang: str, links: Links) -> html.Div:
    months = [
        dcc.Link(
            month(i, lang, "abbreviated"),
            href=links.months.get(i, ""),
            className="btn btn-sm me-1 mb-1 " + ("btn-primary fw-bold" if i == p.bulan else "btn-outline-primary"),
            id=f"serapan-bulan-{i}",
            title=t("s.month_selected", lang) if i == p.bulan else None,
        )
        for i in p.months
    ]
    quarters = [
        dcc.Link(
            f"TW{q}",
            href=links.quarters.get(q, ""),
            className="btn btn-sm me-1 mb-1 "
            + ("btn-primary fw-bold" if p.bulan == q * 3 and links.quarter_chosen else "btn-outline-primary"),
            id=f"serapan-tw-{q}",
        )
        for q in p.quarters
    ]
    return html.Div(
        [html.Span(t("s.month", lang) + ": ", className="small me-1")]
        + months
        + [html.Span(" " + t("s.quarter", lang) + ": ", className="small mx-1")]
        + quarters,
        className="mb-2 d-flex flex-wrap align-items-center",
    )


def _threshold_input(id: str, value: Decimal, low: int, high: int) -> dbc.Input:
    return dbc.Input(
        id=id,
        type="number",
        min=low,
        max=high,
        step=0.5,
        value=float(value),
        size="sm",
        className="d-inline-block mx-1",
        style={"width": "5em"},
    )


def _threshold_form(p: SerapanPage, lang: str) -> dbc.Alert:
    return dbc.Alert(
        [
            html.Div(t("s.thresholds", lang, w=_p0(p.warning, lang), c=_p0(p.critical, lang)), id="serapan-thresholds"),
            html.Div(
                [
                    html.Span(t("s.thresholds_why", lang) + " ", className="small"),
                    html.Label(t("s.warning", lang) + " ", htmlFor=ID_WARN, className="small"),
                    _threshold_input(ID_WARN, p.warning, 1, 59),
                    html.Label(t("s.critical", lang) + " ", htmlFor=ID_CRIT, className="small"),
                    _threshold_input(ID_CRIT, p.critical, 2, 60),
                    dbc.Button(t("s.apply", lang), id=ID_APPLY, size="sm", color="secondary"),
                ],
                className="mt-1",
            ),
        ],
        color="light",
        className="small py-2",
    )


def hidden_controls() -> html.Div:
    """The threshold form's ids, for a page drawn without it (its callback still needs them)."""
    return html.Div([dcc.Input(id=ID_WARN), dcc.Input(id=ID_CRIT), html.Button(id=ID_APPLY)], style={"display": "none"})


def _summary(p: SerapanPage, lang: str) -> dbc.Card:
    sentence = t(
        "s.summary",
        lang,
        serapan=percent(p.serapan, lang, 1),
        bulan=month(p.bulan, lang),
        rencana=percent(p.rencana_pct, lang, 1),
    )
    counts = dbc.Badge(
        t("s.counts", lang, **p.counts), color="light", text_color="dark", className="fs-6 text-wrap text-start"
    )
    return dbc.Card(
        dbc.CardBody([html.Div(sentence, className="fs-5"), html.Div([counts], id="serapan-counts")]),
        className="mb-3",
    )


def badge(band: str, lang: str) -> dbc.Badge:
    """A band's badge; dark text on the amber one (white on amber has a contrast of 1.6)."""
    dark = {"text_color": "dark"} if band == "waspada" else {}
    return dbc.Badge(t(f"band.{band}", lang), color=BAND_COLOR[band], **dark)


def _forecast_text(r: RankRow, lang: str) -> str:
    if r.forecast is None:
        return "–"
    point, low, high = r.forecast
    return f"{percent(point, lang, 0)} ({percent(low, lang, 0)}–{percent(high, lang, 0)})"


def _ranking(p: SerapanPage, lang: str, links: Links) -> list:
    rows = [
        html.Tr(
            # On a phone the columns that answer "who is behind?" come first: unit, status, gap.
            [
                html.Td(r.rank, className=WIDE_ONLY),
                html.Td(dcc.Link(r.nama, href=links.rows.get(r.kode, ""), id={"type": "serapan-unit-row", "index": i})),
                html.Td(badge(r.band, lang)),
                html.Td(pp(r.deviasi, lang), className="text-end"),
                html.Td(percent(r.serapan, lang, 1), className="text-end d-none d-sm-table-cell"),
                html.Td(percent(r.rencana_pct, lang, 1), className="text-end " + WIDE_ONLY),
                html.Td(_forecast_text(r, lang), className="text-end text-nowrap small " + WIDE_ONLY),
                html.Td(rupiah(r.anggaran, lang), className="text-end text-nowrap " + WIDE_ONLY),
            ],
            className="table-danger" if r.band == "kritis" else "",
        )
        for i, r in enumerate(p.rows)
    ]
    head = html.Thead(
        html.Tr(
            [
                html.Th("#", className=WIDE_ONLY),
                html.Th(t("col.unit", lang)),
                html.Th(t("col.status", lang)),
                html.Th(term(t("col.deviasi", lang), "deviasi", lang), className="text-end"),
                html.Th(term(t("col.realisasi", lang), "realisasi", lang), className="text-end d-none d-sm-table-cell"),
                html.Th(term(t("col.rencana", lang), "anggaran_kas", lang), className="text-end " + WIDE_ONLY),
                html.Th(t("col.ramalan", lang), className="text-end " + WIDE_ONLY),
                html.Th(term(t("col.anggaran", lang), "anggaran", lang), className="text-end " + WIDE_ONLY),
            ]
        )
    )
    table = dbc.Table(
        [head, html.Tbody(rows)], size="sm", hover=True, responsive=True, className="small mb-0", id="serapan-ranking"
    )
    return [table, notices.phone_columns(lang)]


def _movement_card(p: SerapanPage, lang: str) -> dbc.Card:
    if p.moved:
        items = [
            html.Li([html.Strong(m.nama), f": {t('band.' + m.before, lang)} \u2192 {t('band.' + m.after, lang)}"])
            for m in p.moved
        ]
        if p.moved_total > len(p.moved):
            more = t("s.movement_more", lang, n=p.moved_total - len(p.moved))
            items.append(html.Li(more, className="text-body-secondary", id="serapan-movement-more"))
        movement = html.Ul(items, className="small mb-0")
    else:
        movement = html.P(t("s.no_movement", lang), className="small mb-0")
    return dbc.Card(
        dbc.CardBody(
            [html.H2(t("s.movement", lang, bulan=month(max(p.bulan - 1, 1), lang)), className="h6"), movement]
        ),
        className="mb-3",
        id="serapan-movement",
    )


def _curve_card(p: SerapanPage, lang: str, links: Links, unit_name: str) -> list:
    plan_note = None
    if p.plan_years is not None:
        plan_note = html.P(
            t("s.plan_desa", lang, years=", ".join(map(str, p.plan_years)) or "–"),
            className="small text-body-secondary mb-0",
            id="serapan-plan-desa",
        )
    open_link = None
    if links.open and p.unit == "opd":
        open_link = dcc.Link(t("s.open_apbd", lang) + " \u2192", href=links.open, className="small")
    elif links.open:
        text = "\u2192 " + t("v.title", lang, nama=unit_name.split(" (")[0])
        open_link = dcc.Link(text, href=links.open, className="small")
    return [
        html.H2(t("s.curve", lang, unit=unit_name), className="h6", id="serapan-curve-title"),
        graph("serapan-curve", figure(p.curve, lang, p.tahun, p.bulan), lang),
        month_table(p.curve, lang, p.tahun),
        plan_note,
        open_link,
    ]


def _forecast_card(p: SerapanPage, lang: str, unit_name: str) -> dbc.Card:
    f = p.forecast
    if f.state == "value":
        text = [
            html.P(
                t(
                    "s.forecast_value",
                    lang,
                    pct=percent(f.point_pct, lang, 1),
                    lo=percent(f.low_pct, lang, 1),
                    hi=percent(f.high_pct, lang, 1),
                ),
                className="fs-5 mb-1",
                id="serapan-forecast",
            ),
            html.P(
                t("s.forecast_method", lang, bulan=month(p.bulan, lang), years=", ".join(map(str, f.years))),
                className="small text-body-secondary mb-0",
                id="serapan-forecast-method",
            ),
        ]
    elif f.state == "final":
        text = [html.P(t("s.final", lang, tahun=p.tahun), className="mb-0")]
    else:
        text = [html.P(t("s.no_forecast", lang), className="mb-0")]
    title = html.H2(t("s.forecast_for", lang, unit=unit_name), className="h6", id="serapan-forecast-title")
    return dbc.Card(dbc.CardBody([title] + text), className="mb-3")


def _curve_marker(layout: dict, months: list[str], upto: int, lang: str) -> None:
    x = months[upto - 1]
    line = {"color": "#495057", "width": 1, "dash": "dot"}
    layout["shapes"] = [
        {"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1, "line": line}
    ]
    layout["annotations"] = [
        {
            "xref": "x",
            "yref": "paper",
            "x": x,
            "y": 1,
            "yanchor": "bottom",
            "showarrow": False,
            "font": {"size": 11},
            "text": t("s.curve_upto", lang, bulan=month(upto, lang, "abbreviated")),
        }
    ]
    layout["margin"] = {**layout["margin"], "t": 24}


def figure(curve: dict, lang: str, tahun: int, upto: int | None = None) -> dict:
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
        _curve_marker(layout, months, upto, lang)
    return {"data": data, "layout": layout}


def month_table(cv: dict, lang: str, tahun: int) -> html.Details:
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
                    html.Td(pp(a - p if a is not None and p is not None else None, lang), className="text-end"),
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
    table = dbc.Table(
        [head, html.Tbody(rows)], size="sm", responsive=True, className="small mt-1", id="serapan-month-table"
    )
    return html.Details([html.Summary(t("s.month_table", lang), className="small"), table], className="mb-1")


def rules_card(p: SerapanPage, lang: str) -> dbc.Card:
    rows = [
        html.Tr(
            [
                html.Td(
                    [
                        html.Strong(t(f"rule.{ch.rule.key}", lang)),
                        html.Br(),
                        html.Small(
                            ch.rule.approximation(lang),
                            className="text-body-secondary",
                        ),
                        html.Small([html.Br(), ch.rule.source], className="d-md-none"),
                    ]
                ),
                html.Td(percent(ch.pct, lang, 1), className="text-end fw-bold text-nowrap"),
                html.Td(
                    dbc.Badge(
                        t(f"rstatus.{ch.status}", lang),
                        color=RULE_COLOR[ch.status],
                        className="text-wrap",
                        # dark text on the light (info) badge: white on cyan has a contrast of 1.9
                        **({"text_color": "dark"} if ch.status == "info" else {}),
                    )
                ),
                html.Td(ch.rule.source, className="small " + WIDE_ONLY),
            ],
            id=f"rule-{ch.rule.key}",
        )
        for ch in p.checks
    ]
    head = html.Thead(
        html.Tr(
            [
                html.Th(t("col.aturan", lang)),
                html.Th(t("col.angka", lang), className="text-end"),
                html.Th(t("col.status", lang)),
                html.Th(t("col.sumber_aturan", lang), className=WIDE_ONLY),
            ]
        )
    )
    table = dbc.Table([head, html.Tbody(rows)], size="sm", responsive=True, className="small mb-0", id="serapan-rules")
    return dbc.Card(dbc.CardBody([html.H2(t("s.rules", lang, tahun=p.tahun), className="h6"), table]), className="mb-3")
