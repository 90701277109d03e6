"""Dash renderer of the village page model (`models.village.VillagePage`): layout and formatting only.
Every decision (which kind of page, which figures, which kegiatan) is the model's."""

from __future__ import annotations

from dataclasses import dataclass

import dash_bootstrap_components as dbc
from dash import dcc, html

from budget.fmt import percent, rupiah
from budget.i18n import month, t
from components import desa as cd
from components import explorer as cx
from components import notices
from components.figures import graph
from models.village import VillagePage


@dataclass(frozen=True)
class Links:
    """Where the page's links go (URLs carry the page state, which the wiring owns)."""

    share: str = ""  # the page's full address
    details: str = ""  # the village in the drill-down
    kecamatan_office: str = ""  # a kelurahan's budget: its kecamatan office in the APBD explorer
    lite: str = ""  # the same page, light, for phones (a full page load: it is not a Dash page)


def page(p: VillagePage, lang: str, links: Links, search_box: object = None) -> list:
    """The page's components (after the URL notices and the demo banner, which the wiring adds)."""
    if p.kind == "not_found":
        return [
            html.H1(t("v.not_found", lang), className="h3", id="v-not-found"),
            html.P(t("v.not_found_hint", lang, kode=p.kode)),
            search_box,
        ]
    if p.kind == "kelurahan":
        return [
            html.H1(p.nama, className="h3"),
            _subtitle(p, lang),
            dbc.Alert(t("v.kelurahan", lang, nama=p.nama, kec=p.kecamatan), color="info", id="v-kelurahan"),
            dcc.Link(
                t("v.kelurahan_link", lang, kec=p.kecamatan),
                href=links.kecamatan_office,
                id="v-kelurahan-link",
                className="btn btn-primary",
            ),
        ]
    header = [html.H1(t("v.title", lang, nama=p.nama), className="h2 mb-0", id="v-title"), _subtitle(p, lang)]
    if p.kind == "no_budget":
        return header + [notices.info(t("v.no_budget", lang, tahun=p.tahun), "secondary")]
    return header + [
        _share(links.share, lang, links.lite),
        _sentences(p, lang),
        dbc.Row(
            [
                _card(
                    t("v.from", lang),
                    graph("v-income", _income_figure(p, lang), lang),
                    id="v-from",
                ),
                _card(t("v.to", lang), _bidang(p, lang), id="v-to"),
                _card(t("v.largest", lang), _largest(p, lang)),
                _card(
                    t("v.compare", lang),
                    html.Div(t("v.per_warga", lang), className="small mb-1"),
                    _compare(p, lang),
                    html.P(t("desa.pop_note", lang), className="small text-body-secondary mb-0"),
                ),
                _card(t("v.history", lang), graph("v-history", _history(p, lang), lang)),
                _card(
                    t("v.details", lang),
                    dcc.Link(t("v.details", lang) + " \u2192", href=links.details, id="v-details-link"),
                ),
            ]
        ),
    ]


def _subtitle(p: VillagePage, lang: str) -> html.P:
    return html.P(t("v.subtitle", lang, kec=p.kecamatan, kode=p.kode), className="text-body-secondary")


def _share(url: str, lang: str, lite: str = "") -> html.Div:
    lite_link = (
        html.A(t("lite.lite_version", lang), href=lite, className="small ms-3", id="v-lite-link") if lite else None
    )
    return html.Div(
        [
            dcc.Clipboard(
                id="v-share",
                title=t("v.share", lang),
                content=url,
                className="btn btn-outline-primary btn-sm",
                style={"display": "inline-block"},
            ),
            html.Span(" " + t("v.share", lang), className="small ms-1"),
            lite_link,
        ],
        className="mb-3",
    )


def _sentences(p: VillagePage, lang: str) -> html.Div:
    pct = percent(p.serapan, lang, 0)
    return html.Div(
        [
            html.P(
                t("v.budget_sentence", lang, tahun=p.tahun, nama=p.nama, belanja=rupiah(p.belanja, lang)),
                className="lead mb-1",
                id="v-budget",
            ),
            html.P(
                t(
                    "v.spent_sentence",
                    lang,
                    bulan=month(p.as_of_month, lang) if p.as_of_month else "–",
                    real=rupiah(p.realisasi, lang),
                    pct=pct,
                ),
                className="lead",
                id="v-spent",
            ),
            dbc.Progress(value=float(p.serapan or 0), className="mb-2", style={"height": "1.2rem"}, label=pct),
        ]
    )


def _income_figure(p: VillagePage, lang: str) -> dict:
    return cd.income_bars([(i.sumber, i.anggaran, i.realisasi) for i in p.income], lang)


def _bidang(p: VillagePage, lang: str) -> html.Ul:
    return html.Ul(
        [
            html.Li(
                [
                    html.Strong(b.nama),
                    html.Br(),
                    f"{rupiah(b.anggaran, lang)} · " + t("v.bidang_of", lang, pct=percent(b.share, lang, 0)),
                ],
                className="mb-2",
            )
            for b in p.bidang
        ],
        className="list-unstyled mb-0",
        id="v-bidang",
    )


def _largest(p: VillagePage, lang: str) -> html.Ol:
    return html.Ol(
        [
            html.Li(
                [
                    k.nama,
                    html.Br(),
                    html.Small(
                        f"{rupiah(k.anggaran, lang)} · {t('col.realisasi', lang)} {rupiah(k.realisasi, lang)}",
                        className="text-body-secondary",
                    ),
                ],
                className="mb-2",
            )
            for k in p.largest
        ],
        className="mb-0",
        id="v-largest",
    )


def _compare(p: VillagePage, lang: str) -> dbc.Table:
    rows = [
        (t("v.this", lang), p.per_resident, "text-end fw-bold", "v-per-warga"),
        (t("v.median_kec", lang, kec=p.kecamatan), p.median_kecamatan, "text-end", "v-median-kec"),
        (t("v.median_kab", lang), p.median_kabupaten, "text-end", "v-median-kab"),
    ]
    return dbc.Table(
        html.Tbody([html.Tr([html.Td(label), html.Td(rupiah(v, lang), className=c, id=i)]) for label, v, c, i in rows]),
        size="sm",
        className="mb-1",
    )


def _history(p: VillagePage, lang: str) -> dict:
    return cx.trend(
        [y.tahun for y in p.history], [y.anggaran for y in p.history], [y.realisasi for y in p.history], lang
    )


def _card(title: str, *children, id: str | None = None) -> dbc.Col:
    kw = {"id": id} if id else {}
    return dbc.Col(
        dbc.Card(dbc.CardBody([html.H2(title, className="h5")] + list(children)), **kw), md=6, className="mb-3"
    )
