"""Dash renderer of the data page model (`models.data.DataPage`): layout and formatting only."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from budget.fmt import file_size, number
from budget.i18n import datetime_text, reader_name, t
from components import notices
from components.notices import WIDE_ONLY
from models.data import ColumnDoc, DataPage

PHONE_COLUMNS = ("col.waktu", "col.berkas", "col.baris")  # a phone keeps when, which file and how many rows


def page(p: DataPage, lang: str) -> list:
    truncated = html.P(t("data.truncated", lang, n=p.limit), className="small")
    return [
        html.H1(t("data.heading", lang), className="h3 mb-3"),
        _card(
            [
                html.H2(t("data.downloads", lang), className="h5"),
                _downloads(p, lang),
                html.P(t("data.downloads_note", lang), className="small text-body-secondary mb-0"),
            ]
        ),
        _card(
            [
                html.H2(t("data.provenance", lang), className="h5"),
                _provenance(p, lang),
                notices.phone_columns(lang),
                truncated if p.loads_truncated else None,
            ]
        ),
        _card(
            [html.H2(t("data.warnings", lang), className="h5"), _warnings(p, lang)]
            + ([truncated] if p.warnings_truncated else [])
        ),
        _card(
            [html.H2(t("data.dictionary", lang), className="h5")] + [_table_doc(d, lang) for d in p.tables],
            id="data-dictionary",
        ),
    ]


def _card(children: list, id: str | None = None) -> dbc.Card:
    kw = {"id": id} if id else {}
    return dbc.Card(dbc.CardBody(children), className="mb-3", **kw)


def _downloads(p: DataPage, lang: str) -> dbc.Table:
    """Each table with its row count and file sizes; an empty table says so instead of offering a file."""
    rows = []
    for d in p.downloads:
        files: list = [
            html.A(
                f"{'CSV' if fmt == 'csv' else 'Parquet'} · {file_size(d.sizes[fmt], lang)}",
                href=f"/unduh/{d.table}.{fmt}",
                className="btn btn-sm btn-outline-primary me-1 mb-1",
                id=f"data-dl-{d.table}-{fmt}",
            )
            for fmt in d.formats
        ] or [html.Span(t("data.empty_table", lang), className="text-body-secondary")]
        rows.append(
            html.Tr(
                [
                    html.Td([html.Code(d.table), html.Br(), html.Small(t(f"table.{d.table}", lang))]),
                    html.Td(t("data.rows", lang, n=number(d.rows, lang)), className="text-end text-nowrap"),
                    html.Td(files),
                ]
            )
        )
    return dbc.Table(html.Tbody(rows), size="sm", className="mb-1", id="data-downloads")


def _provenance(p: DataPage, lang: str) -> dbc.Table:
    keys = ("col.waktu", "col.berkas", "col.pembaca", "col.tabel", "col.baris", "col.peringatan")
    head = [html.Th(t(k, lang), className="" if k in PHONE_COLUMNS else WIDE_ONLY) for k in keys]
    head.append(html.Th("SHA-256", className=WIDE_ONLY))
    body = [
        html.Tr(
            [
                html.Td(
                    [
                        html.Span(datetime_text(r.when, lang), className="text-nowrap"),
                        html.Br() if r.published_by else None,
                        html.Span(t("data.published_by", lang, who=r.published_by), className="text-muted")
                        if r.published_by
                        else None,
                    ]
                ),
                html.Td(
                    [
                        r.file,
                        html.Span(" (" + t("data.illustrative_file", lang) + ")", className="text-warning")
                        if r.illustrative
                        else None,
                    ],
                    className="text-break",
                ),
                html.Td(
                    [reader_name(r.reader, lang), html.Br(), html.Code(r.reader, className="small")],
                    className=WIDE_ONLY,
                ),
                html.Td(html.Code(r.tabel), className=WIDE_ONLY),
                html.Td(f"{number(r.rows_read, lang)} / {number(r.rows_loaded, lang)}", className="text-end"),
                html.Td(number(r.warnings, lang), className="text-end " + WIDE_ONLY),
                html.Td(html.Code(r.sha256[:16] + "\u2026", title=r.sha256), className="small " + WIDE_ONLY),
            ]
        )
        for r in p.loads
    ]
    return dbc.Table(
        [html.Thead(html.Tr(head)), html.Tbody(body)],
        size="sm",
        responsive=True,
        className="small mb-1",
        id="data-provenance",
    )


def _warnings(p: DataPage, lang: str):
    if not p.warnings:
        return html.P(t("data.no_warnings", lang), className="small mb-0", id="data-warnings")
    return html.Ul(
        [html.Li([html.Strong(f + ": "), msg], className="small") for f, msg in p.warnings],
        id="data-warnings",
        className="mb-1",
    )


def _table_doc(d, lang: str) -> html.Div:
    head = html.Tr(
        [
            html.Th(t("col.kolom", lang)),
            html.Th(t("col.tipe", lang), className=WIDE_ONLY),
            html.Th(t("col.aturan_kolom", lang)),
        ]
    )
    body = [
        html.Tr(
            [
                html.Td(html.Code(c.name)),
                html.Td(c.sql_type, className=WIDE_ONLY),
                html.Td(_rule(c, lang), className="small text-break"),
            ]
        )
        for c in d.columns
    ]
    return html.Div(
        [
            html.H3(html.Code(d.name), className="h6 mt-3"),
            html.P(t(f"table.{d.name}", lang), className="small mb-1"),
            dbc.Table([html.Thead(head), html.Tbody(body)], size="sm", responsive=True, className="small"),
        ]
    )


def _rule(c: ColumnDoc, lang: str) -> str:
    """A column's rule in words: required or not, the allowed values, and an example of a valid code."""
    parts = [t("data.required" if c.required else "data.optional", lang)]
    if c.allowed:
        parts.append(" | ".join(c.allowed))
    if c.int_range:
        parts.append(f"{c.int_range[0]}–{c.int_range[1]}")
    if c.example:
        parts.append(t("data.example", lang, contoh=c.example))
    return "; ".join(parts)
