"""Dash renderer of a meeting slide's model (`models.rapat.RapatSlide`): large type, one message,
a QR code of the slide's own URL (drawn here: no network, no external service)."""

from __future__ import annotations

from dataclasses import dataclass, field

import dash_bootstrap_components as dbc
from dash import dcc, html

from budget.fmt import percent, rupiah
from budget.i18n import datetime_text, month, t
from components.figures import graph
from components.serapan import figure as curve_figure
from components.terms import strip
from firstview.qr import qr_data_uri
from models.rapat import SLIDES, Absorption, Budget, Critical, DanaDesa, RapatSlide, YearEnd

ID_PREV, ID_NEXT = "rapat-prev", "rapat-next"


@dataclass(frozen=True)
class Links:
    """The slide's links (they carry URL state, which the wiring owns)."""

    url: str = ""  # this slide's full address, for the QR code
    slides: dict[int, str] = field(default_factory=dict)  # n -> that slide
    home: str = ""
    more: str = ""  # the absorption monitor for the unit a critical list names


# The words each slide's title and figures rest on (slide numbers as in models/rapat.py).
SLIDE_TERMS = {
    1: ["apbd", "pendapatan", "belanja", "pembiayaan"],
    2: ["serapan", "anggaran_kas", "realisasi"],
    3: ["opd", "serapan", "deviasi"],
    4: ["apbdes", "serapan", "deviasi"],
    5: ["dana_desa", "apbdes"],
    6: ["serapan", "realisasi"],
}


def page(p: RapatSlide, lang: str, links: Links) -> html.Div:
    title, sub, extra = _content(p, lang, links)
    body = html.Div(
        [
            html.Div(
                [
                    html.Div(t("r.slide", lang, n=p.n, total=SLIDES), className="rapat-count"),
                    html.H1(title, className="rapat-title", id="rapat-title"),
                    html.P(sub, className="rapat-sub", id="rapat-sub"),
                    extra,
                    strip(SLIDE_TERMS.get(p.n, []), lang, id="rapat-terms"),
                ],
                className="rapat-main",
            ),
            html.Div(
                [
                    html.Img(src=qr_data_uri(links.url), alt=links.url, id="rapat-qr", className="rapat-qr"),
                    html.Div(t("r.qr", lang), className="small text-center"),
                ],
                className="rapat-side",
            ),
        ],
        className="rapat-body",
    )
    when = datetime_text(p.published_at, lang) if p.published_at else "–"
    demo = " · " + t("notice.illustrative", lang).split(".")[0] + "." if p.illustrative else ""
    foot = html.Div(
        [
            html.Span(t("r.asof", lang, when=when, bulan=month(p.last_month, lang), tahun=p.tahun), id="rapat-asof"),
            html.Span(demo, className="text-warning"),
        ],
        className="rapat-foot small",
    )
    return html.Div(
        [body, nav(p.n, lang, links), foot], className="rapat-slide", id="rapat-slide", **{"data-slide": str(p.n)}
    )


def nav(n: int, lang: str, links: Links) -> html.Div:
    return html.Div(
        [
            dcc.Link(
                t("r.prev", lang),
                href=links.slides.get(max(n - 1, 1), ""),
                id=ID_PREV,
                className="btn btn-outline-light btn-lg me-2" + (" disabled" if n == 1 else ""),
            ),
            html.Span(
                [
                    dcc.Link(
                        str(i),
                        href=links.slides.get(i, ""),
                        className="rapat-dot" + (" active" if i == n else ""),
                        id=f"rapat-dot-{i}",
                    )
                    for i in range(1, SLIDES + 1)
                ],
                className="mx-2",
            ),
            dcc.Link(
                t("r.next", lang),
                href=links.slides.get(min(n + 1, SLIDES), ""),
                id=ID_NEXT,
                className="btn btn-light btn-lg ms-2" + (" disabled" if n == SLIDES else ""),
            ),
            html.Div(
                [
                    html.Span(t("r.keys", lang), className="d-none d-md-inline me-3"),
                    dcc.Link(t("r.home", lang), href=links.home, id="rapat-home", className="rapat-home"),
                ],
                className="small mt-1",
            ),
        ],
        className="rapat-nav",
    )


def _content(p: RapatSlide, lang: str, links: Links) -> tuple:
    """(message, supporting line, optional visual)."""
    c = p.content
    if isinstance(c, Budget):
        return (
            t("r.s1", lang, tahun=p.tahun, belanja=rupiah(c.belanja, lang)),
            t("r.s1_sub", lang, pendapatan=rupiah(c.pendapatan, lang), netto=rupiah(c.pembiayaan_netto, lang)),
            None,
        )
    if isinstance(c, Absorption):
        return _absorption(c, p, lang)
    if isinstance(c, Critical):
        return _critical(c, lang, links)
    if isinstance(c, DanaDesa):
        return (
            t("r.s5", lang, dd=rupiah(c.anggaran, lang), pct=percent(c.pct, lang, 0)),
            t("r.s5_sub", lang, serapan=percent(c.village_serapan, lang, 0)),
            dbc.Progress(value=float(c.pct) if c.anggaran else 0, className="rapat-progress"),
        )
    return _year_end(c, p, lang)


def _absorption(c: Absorption, p: RapatSlide, lang: str) -> tuple:
    m = month(p.last_month, lang)
    if c.gap > 0:
        sub = t("r.s2_sub_behind", lang, gap=percent(c.gap, lang, 1).rstrip("%"), bulan=m)
    else:
        sub = t("r.s2_sub_ahead", lang, bulan=m)
    fig = curve_figure(c.curve, lang, p.tahun)
    fig["layout"].update(height=230, font={"size": 15})
    return (
        t("r.s2", lang, serapan=percent(c.serapan, lang, 0), rencana=percent(c.rencana, lang, 0)),
        sub,
        graph("rapat-curve", fig, lang),
    )


def _critical(c: Critical, lang: str, links: Links) -> tuple:
    more = None
    if c.more:
        more = html.P(
            dcc.Link(t("r.more", lang, n=c.more), href=links.more, className="link-light"),
            className="rapat-method mt-2",
            id="rapat-more",
        )
    items = html.Ol(
        [
            html.Li(
                [
                    html.Strong(s.nama),
                    " — "
                    + t("r.item", lang, serapan=percent(s.serapan, lang, 0), rencana=percent(s.rencana_pct, lang, 0)),
                ]
            )
            for s in c.shown
        ],
        className="rapat-list",
        id="rapat-list",
    )
    title, sub = ("r.s3", "r.s3_sub") if c.unit == "opd" else ("r.s4", "r.s4_sub")
    return (
        t(title, lang, n=c.count),
        t(sub, lang, c=percent(c.critical_pp, lang, 0).rstrip("%")),
        html.Div([items, more]),
    )


def _year_end(c: YearEnd, p: RapatSlide, lang: str) -> tuple:
    if c.point is None:
        return (t("s.forecast", lang), t("s.no_forecast", lang), None)
    return (
        t("r.s6", lang, pct=percent(c.point, lang, 0)),
        t("r.s6_sub", lang, lo=percent(c.low, lang, 0), hi=percent(c.high, lang, 0)),
        html.P(
            t("s.forecast_method", lang, bulan=month(p.last_month, lang), years=", ".join(map(str, c.years))),
            className="rapat-method",
        ),
    )
