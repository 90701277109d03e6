"""The data page (/data): provenance of every loaded file, the data dictionary, and downloads of the
canonical tables as CSV and Parquet (served by budget.downloads through a Flask route)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from budget import queries
from budget.fmt import number
from budget.i18n import datetime_text, norm_lang, t
from etl.schema import TABLES

LOG_LIMIT = 100


def render(lang=None, **_ignored) -> html.Div:
    L = norm_lang(lang)
    counts: dict[str, int] = {}
    for name, _tahun, n in queries.table_counts():
        counts[name] = counts.get(name, 0) + n
    downloads = dbc.Table(
        html.Tbody(
            [
                html.Tr(
                    [
                        html.Td(html.Code(name)),
                        html.Td(t("data.rows", L, n=number(counts.get(name, 0), L)), className="text-end"),
                        html.Td(
                            [
                                html.A(
                                    "CSV",
                                    href=f"/unduh/{name}.csv",
                                    className="btn btn-sm btn-outline-primary me-1",
                                    id=f"data-dl-{name}-csv",
                                ),
                                html.A(
                                    "Parquet",
                                    href=f"/unduh/{name}.parquet",
                                    className="btn btn-sm btn-outline-primary",
                                    id=f"data-dl-{name}-parquet",
                                ),
                            ]
                        ),
                    ]
                )
                for name in TABLES
            ]
        ),
        size="sm",
        className="mb-1",
        id="data-downloads",
    )
    log = queries.load_log(LOG_LIMIT)
    cut = len(log) > LOG_LIMIT
    prov = dbc.Table(
        [
            html.Thead(
                html.Tr(
                    [
                        html.Th(t(k, L))
                        for k in ("col.waktu", "col.berkas", "col.pembaca", "col.tabel", "col.baris", "col.peringatan")
                    ]
                    + [html.Th("SHA-256")]
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
                                ]
                            ),
                            html.Td(reader),
                            html.Td(html.Code(tabel)),
                            html.Td(f"{number(read, L)} / {number(loaded, L)}", className="text-end text-nowrap"),
                            html.Td(number(warn, L), className="text-end"),
                            html.Td(html.Code(sha[:16] + "\u2026", title=sha), className="small"),
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
                html.P(t_.description, className="small mb-1"),
                dbc.Table(
                    [
                        html.Thead(
                            html.Tr(
                                [
                                    html.Th(t("col.kolom", L)),
                                    html.Th(t("col.tipe", L)),
                                    html.Th(t("col.aturan_kolom", L)),
                                ]
                            )
                        ),
                        html.Tbody(
                            [
                                html.Tr(
                                    [
                                        html.Td(html.Code(c.name)),
                                        html.Td(c.sql_type),
                                        html.Td(_rule(c), className="small"),
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


def _rule(c) -> str:
    parts = ["wajib" if c.required else "boleh kosong"]
    if c.allowed:
        parts.append(" | ".join(c.allowed))
    if c.int_range:
        parts.append(f"{c.int_range[0]}–{c.int_range[1]}")
    if c.pattern:
        parts.append(c.pattern)
    return "; ".join(parts)
