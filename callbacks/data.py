"""The data page (/data): provenance of every loaded file, the data dictionary, and downloads of the
canonical tables as CSV and Parquet (served by budget.downloads through a Flask route)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from budget import queries
from budget.downloads import exports
from budget.fmt import file_size, number
from budget.i18n import datetime_text, norm_lang, t
from components import notices
from components.notices import WIDE_ONLY
from etl.schema import EXAMPLES, TABLES

LOG_LIMIT = 100


def render(lang=None, **_ignored) -> html.Div:
    L = norm_lang(lang)
    counts: dict[str, int] = {}
    for name, _tahun, n in queries.table_counts():
        counts[name] = counts.get(name, 0) + n
    downloads = _downloads(counts, L)
    log = queries.load_log(LOG_LIMIT)
    cut = len(log) > LOG_LIMIT
    prov = dbc.Table(
        [
            html.Thead(
                html.Tr(
                    # A phone keeps when, which file and how many rows; the rest need a wider screen.
                    [
                        html.Th(t(k, L), className="" if k in ("col.waktu", "col.berkas", "col.baris") else WIDE_ONLY)
                        for k in ("col.waktu", "col.berkas", "col.pembaca", "col.tabel", "col.baris", "col.peringatan")
                    ]
                    + [html.Th("SHA-256", className=WIDE_ONLY)]
                )
            ),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Td(datetime_text(when, L), className="text-nowrap"),
                            html.Td(
                                [
                                    f,
                                    html.Span(" (" + t("data.illustrative_file", L) + ")", className="text-warning")
                                    if illus
                                    else None,
                                ],
                                className="text-break",
                            ),
                            html.Td(reader, className=WIDE_ONLY),
                            html.Td(html.Code(tabel), className=WIDE_ONLY),
                            html.Td(f"{number(read, L)} / {number(loaded, L)}", className="text-end"),
                            html.Td(number(warn, L), className="text-end " + WIDE_ONLY),
                            html.Td(html.Code(sha[:16] + "\u2026", title=sha), className="small " + WIDE_ONLY),
                        ]
                    )
                    for when, f, sha, reader, tabel, read, loaded, warn, illus in log[:LOG_LIMIT]
                ]
            ),
        ],
        size="sm",
        responsive=True,
        className="small mb-1",
        id="data-provenance",
    )
    warnings = queries.load_warnings(LOG_LIMIT)
    warn_block = (
        html.Ul(
            [html.Li([html.Strong(f + ": "), msg], className="small") for f, msg in warnings[:LOG_LIMIT]],
            id="data-warnings",
            className="mb-1",
        )
        if warnings
        else html.P(t("data.no_warnings", L), className="small mb-0", id="data-warnings")
    )
    dictionary = [
        html.Div(
            [
                html.H3(html.Code(t_.name), className="h6 mt-3"),
                html.P(t(f"table.{t_.name}", L), className="small mb-1"),
                dbc.Table(
                    [
                        html.Thead(
                            html.Tr(
                                [
                                    html.Th(t("col.kolom", L)),
                                    html.Th(t("col.tipe", L), className=WIDE_ONLY),
                                    html.Th(t("col.aturan_kolom", L)),
                                ]
                            )
                        ),
                        html.Tbody(
                            [
                                html.Tr(
                                    [
                                        html.Td(html.Code(c.name)),
                                        html.Td(c.sql_type, className=WIDE_ONLY),
                                        html.Td(_rule(c, L), className="small text-break"),
                                    ]
                                )
                                for c in t_.columns
                            ]
                        ),
                    ],
                    size="sm",
                    responsive=True,
                    className="small",
                ),
            ]
        )
        for t_ in TABLES.values()
    ]
    return html.Div(
        [
            html.H1(t("data.heading", L), className="h3 mb-3"),
            dbc.Card(
                dbc.CardBody(
                    [
                        html.H2(t("data.downloads", L), className="h5"),
                        downloads,
                        html.P(t("data.downloads_note", L), className="small text-body-secondary mb-0"),
                    ]
                ),
                className="mb-3",
            ),
            dbc.Card(
                dbc.CardBody(
                    [
                        html.H2(t("data.provenance", L), className="h5"),
                        prov,
                        notices.phone_columns(L),
                        html.P(t("data.truncated", L, n=LOG_LIMIT), className="small") if cut else None,
                    ]
                ),
                className="mb-3",
            ),
            dbc.Card(
                dbc.CardBody(
                    [html.H2(t("data.warnings", L), className="h5"), warn_block]
                    + (
                        [html.P(t("data.truncated", L, n=LOG_LIMIT), className="small")]
                        if len(warnings) > LOG_LIMIT
                        else []
                    )
                ),
                className="mb-3",
            ),
            dbc.Card(
                dbc.CardBody([html.H2(t("data.dictionary", L), className="h5")] + dictionary),
                className="mb-3",
                id="data-dictionary",
            ),
        ]
    )


LARGE = 5_000_000  # bytes: above this, Parquet (far smaller) is offered first


def _downloads(counts: dict[str, int], L: str) -> dbc.Table:
    """Each table with its row count and file sizes; an empty table says so instead of offering a file."""
    rows = []
    for ex in exports(counts):
        if ex.rows == 0:
            files: list = [html.Span(t("data.empty_table", L), className="text-body-secondary")]
        else:
            order = ("parquet", "csv") if ex.sizes["csv"] > LARGE else ("csv", "parquet")
            files = [
                html.A(
                    f"{'CSV' if fmt == 'csv' else 'Parquet'} · {file_size(ex.sizes[fmt], L)}",
                    href=f"/unduh/{ex.table}.{fmt}",
                    className="btn btn-sm btn-outline-primary me-1 mb-1",
                    id=f"data-dl-{ex.table}-{fmt}",
                )
                for fmt in order
            ]
        rows.append(
            html.Tr(
                [
                    html.Td([html.Code(ex.table), html.Br(), html.Small(t(f"table.{ex.table}", L))]),
                    html.Td(t("data.rows", L, n=number(ex.rows, L)), className="text-end text-nowrap"),
                    html.Td(files),
                ]
            )
        )
    return dbc.Table(html.Tbody(rows), size="sm", className="mb-1", id="data-downloads")


def _rule(c, L: str) -> str:
    """A column's rule in words: required or not, the allowed values, and an example of a valid code."""
    parts = [t("data.required" if c.required else "data.optional", L)]
    if c.allowed:
        parts.append(" | ".join(c.allowed))
    if c.int_range:
        parts.append(f"{c.int_range[0]}–{c.int_range[1]}")
    if c.pattern:
        parts.append(t("data.example", L, contoh=EXAMPLES[c.pattern]))
    return "; ".join(parts)
