"""The absorption monitor (/serapan): wiring from the URL state (unit, month or quarter, thresholds,
selected unit) to the model (`models/serapan.py`) and its Dash renderer (`components/serapan.py`),
and the threshold form's event."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from dash import Input, Output, State, callback, html, no_update

from budget import serapan as sv
from budget.db import DataUnavailable
from budget.fmt import percent
from budget.i18n import month, t
from callbacks.state import page_start
from components import notices
from components import serapan as cs
from components.shell import ID_URL
from models.serapan import SerapanPage, serapan_page
from serving.state import resolve
from serving.urls import href, parse_search

PATH = "/serapan"
ID_WARN, ID_CRIT, ID_APPLY = cs.ID_WARN, cs.ID_CRIT, cs.ID_APPLY


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


def render(
    tahun=None, tahap=None, lang=None, unit=None, bulan=None, tw=None, kode=None, waspada=None, kritis=None, **_ignored
) -> html.Div:
    st = resolve(tahun, None, lang)
    body: list = page_start(st)
    if st.year_missing:
        return html.Div(body + [cs.hidden_controls()])
    unit = unit if unit in sv.UNITS else "opd"
    m, month_problem = month_choice(st.tahun, unit, bulan, tw, st.lang)
    w, c = thresholds(waspada, kritis)
    problems = (month_problem, threshold_problem(waspada, kritis, st.lang))
    body += [notices.info(p, "warning", id="page-problem") for p in problems if p]
    p = serapan_page(st.tahun, unit, m, w, c, kode)
    return html.Div(body + cs.page(p, st.lang, _links(p, st.lang, tw, waspada, kritis)), className="serapan-page")


def _links(p: SerapanPage, lang: str, tw, waspada, kritis) -> cs.Links:
    keep = {"tahun": p.tahun, "lang": lang, "unit": p.unit, "waspada": waspada and str(p.warning)}
    keep["kritis"] = kritis and str(p.critical)
    open_link = None
    if p.selected and p.unit == "opd":
        open_link = href("/apbd", {"tahun": p.tahun, "lang": lang, "skpd": p.selected})
    elif p.selected:
        open_link = href(f"/desa/{p.selected}", {"tahun": p.tahun, "lang": lang})
    return cs.Links(
        units={u: href(PATH, {**keep, "unit": u}) for u in sv.UNITS},
        months={i: href(PATH, {**keep, "bulan": i}) for i in p.months},
        quarters={q: href(PATH, {**keep, "tw": q}) for q in p.quarters},
        quarter_chosen=bool(tw),
        rows={r.kode: href(PATH, {**keep, "bulan": p.bulan, "kode": r.kode}) for r in p.rows},
        open=open_link,
    )


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
