"""Meeting mode (/rapat/<n>): six full-screen slides, one message each, for the Smart City Council.

Every slide has its own URL and a QR code of it, generated here (no external service), so people in
the room can open the same view on their phones. Keyboard navigation lives in assets/rapat.js.
"""

from __future__ import annotations

import base64
import datetime as dt
from decimal import Decimal

import dash_bootstrap_components as dbc
import qrcode
import qrcode.image.svg
from dash import dcc, html

from budget import desa as dq
from budget import queries
from budget import serapan as sv
from budget.fmt import percent, rupiah
from budget.i18n import datetime_text, month, t
from callbacks.state import resolve
from components import notices
from components.figures import GRAPH_CONFIG
from components.urls import href

SLIDES = 6
SLIDE_LIST = 6  # names a slide can show in large type; the rest are counted, never dropped silently
ID_PREV, ID_NEXT = "rapat-prev", "rapat-next"


def slide_path(n: int) -> str:
    return f"/rapat/{n}"


def qr_data_uri(text: str) -> str:
    """An SVG QR code of `text` as a data URI (rendered here: no network, no external service)."""
    img = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=3)
    svg = img.to_string(encoding="unicode")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _absolute(path: str) -> str:
    try:
        from flask import request

        return request.host_url.rstrip("/") + path
    except RuntimeError:
        return path


def _number(slide) -> int:
    try:
        n = int(str(slide))
    except (TypeError, ValueError):
        return 1
    return min(max(n, 1), SLIDES)


def render(slide=None, tahun=None, lang=None, **_ignored) -> html.Div:
    st = resolve(tahun, None, lang)
    L = st.lang
    n = _number(slide)
    if st.year_missing:
        return html.Div([notices.info(p, "warning", id="page-problem") for p in st.problems] + [_nav(st, n)])
    state = {"tahun": st.tahun, "lang": L}
    month_last = sv.last_month(st.tahun) or 12
    info = queries.dataset_info()
    when = datetime_text(dt.datetime.fromisoformat(info["published_at"]), L) if info.get("published_at") else "–"
    title, sub, extra = _content(n, st.tahun, st.stages[-1], month_last, L)
    url = _absolute(href(slide_path(n), state))
    body = html.Div(
        [
            html.Div(
                [
                    html.Div(t("r.slide", L, n=n, total=SLIDES), className="rapat-count"),
                    html.H1(title, className="rapat-title", id="rapat-title"),
                    html.P(sub, className="rapat-sub", id="rapat-sub"),
                    extra,
                ],
                className="rapat-main",
            ),
            html.Div(
                [
                    html.Img(src=qr_data_uri(url), alt=url, id="rapat-qr", className="rapat-qr"),
                    html.Div(t("r.qr", L), className="small text-center"),
                ],
                className="rapat-side",
            ),
        ],
        className="rapat-body",
    )
    foot = html.Div(
        [
            html.Span(t("r.asof", L, when=when, bulan=month(month_last, L), tahun=st.tahun), id="rapat-asof"),
            html.Span(
                " · " + t("notice.illustrative", L).split(".")[0] + "." if queries.is_illustrative(st.tahun) else "",
                className="text-warning",
            ),
        ],
        className="rapat-foot small",
    )
    return html.Div([body, _nav(st, n), foot], className="rapat-slide", id="rapat-slide", **{"data-slide": str(n)})


def _nav(st, n: int) -> html.Div:
    state = {"tahun": st.tahun, "lang": st.lang}
    prev_href = href(slide_path(max(n - 1, 1)), state)
    next_href = href(slide_path(min(n + 1, SLIDES)), state)
    return html.Div(
        [
            dcc.Link(
                t("r.prev", st.lang),
                href=prev_href,
                id=ID_PREV,
                className="btn btn-outline-light btn-lg me-2" + (" disabled" if n == 1 else ""),
            ),
            html.Span(
                [
                    dcc.Link(
                        str(i),
                        href=href(slide_path(i), state),
                        className="rapat-dot" + (" active" if i == n else ""),
                        id=f"rapat-dot-{i}",
                    )
                    for i in range(1, SLIDES + 1)
                ],
                className="mx-2",
            ),
            dcc.Link(
                t("r.next", st.lang),
                href=next_href,
                id=ID_NEXT,
                className="btn btn-light btn-lg ms-2" + (" disabled" if n == SLIDES else ""),
            ),
            html.Div(
                [
                    html.Span(t("r.keys", st.lang), className="d-none d-md-inline me-3"),
                    dcc.Link(t("r.home", st.lang), href=href("/", state), id="rapat-home", className="rapat-home"),
                ],
                className="small mt-1",
            ),
        ],
        className="rapat-nav",
    )


def _content(n: int, tahun: int, tahap: str, m: int, L: str):
    """(message, supporting line, optional visual) for slide n."""
    if n == 1:
        ov = queries.overview(tahun, tahap)
        return (
            t("r.s1", L, tahun=tahun, belanja=rupiah(ov.belanja, L)),
            t("r.s1_sub", L, pendapatan=rupiah(ov.pendapatan, L), netto=rupiah(ov.pembiayaan_netto, L)),
            None,
        )
    if n == 2:
        sts = sv.opd_status(tahun, m)
        a = sum((s.anggaran for s in sts), Decimal(0))
        r = sum((s.realisasi for s in sts), Decimal(0))
        p = sum((s.rencana for s in sts), Decimal(0))
        gap = (p - r) / a * 100 if a else Decimal(0)
        sub = (
            t("r.s2_sub_behind", L, gap=percent(gap, L, 1).rstrip("%"), bulan=month(m, L))
            if gap > 0
            else t("r.s2_sub_ahead", L, bulan=month(m, L))
        )
        from components.serapan import figure as _fig

        fig = _fig(sv.curve(tahun, "opd", None), L, tahun)
        fig["layout"].update(height=230, font={"size": 15})
        return (
            t(
                "r.s2",
                L,
                serapan=percent(r / a * 100 if a else None, L, 0),
                rencana=percent(p / a * 100 if a else None, L, 0),
            ),
            sub,
            dcc.Graph(figure=fig, config=GRAPH_CONFIG, id="rapat-curve"),
        )
    if n in (3, 4):
        unit = "opd" if n == 3 else "desa"
        sts = sv.opd_status(tahun, m) if unit == "opd" else sv.desa_status(tahun, sv.last_month(tahun, "desa") or 12)
        crit = sorted([s for s in sts if sv.band(s.deviasi) == "kritis"], key=lambda s: s.deviasi)
        shown = crit[:SLIDE_LIST]
        more = (
            html.P(
                dcc.Link(
                    t("r.more", L, n=len(crit) - len(shown)),
                    href=href("/serapan", {"tahun": tahun, "lang": L, "unit": unit}),
                    className="link-light",
                ),
                className="rapat-method mt-2",
                id="rapat-more",
            )
            if len(crit) > len(shown)
            else None
        )
        items = html.Ol(
            [
                html.Li(
                    [
                        html.Strong(s.nama),
                        " — " + t("r.item", L, serapan=percent(s.serapan, L, 0), rencana=percent(s.rencana_pct, L, 0)),
                    ]
                )
                for s in shown
            ],
            className="rapat-list",
            id="rapat-list",
        )
        key = "r.s3" if n == 3 else "r.s4"
        return (
            t(key, L, n=len(crit)),
            t(key + "_sub", L, c=percent(sv.CRITICAL_PP, L, 0).rstrip("%")),
            html.Div([items, more]),
        )
    if n == 5:
        inc = dict((c, (a, r)) for c, a, r in dq.income_by_source(tahun, tahap, dq.DesaNode()))
        dd_a, dd_r = inc.get("DDS", (Decimal(0), Decimal(0)))
        vs = dq.villages(tahun, tahap)
        bel = sum((v.belanja for v in vs), Decimal(0))
        real = sum((v.realisasi for v in vs), Decimal(0))
        return (
            t("r.s5", L, dd=rupiah(dd_a, L), pct=percent(dd_r / dd_a * 100 if dd_a else None, L, 0)),
            t("r.s5_sub", L, serapan=percent(real / bel * 100 if bel else None, L, 0)),
            dbc.Progress(value=float(dd_r / dd_a * 100) if dd_a else 0, className="rapat-progress"),
        )
    sts = sv.opd_status(tahun, m)
    a = sum((s.anggaran for s in sts), Decimal(0))
    r = sum((s.realisasi for s in sts), Decimal(0))
    f = sv.forecast("opd", tahun, m, None, "", a, r)
    if f.point is None:
        return (t("s.forecast", L), t("s.no_forecast", L), None)
    return (
        t("r.s6", L, pct=percent(f.point_pct, L, 0)),
        t("r.s6_sub", L, lo=percent(f.low / a * 100, L, 0), hi=percent(f.high / a * 100, L, 0)),
        html.P(
            t("s.forecast_method", L, bulan=month(m, L), years=", ".join(map(str, f.years))), className="rapat-method"
        ),
    )
