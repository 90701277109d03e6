"""Banners and notices every page uses."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from budget.i18n import t

ID_ILLUSTRATIVE = "notice-illustrative"
WIDE_ONLY = "d-none d-md-table-cell"  # a table column that a phone leaves out (see phone_columns)


def illustrative(lang: str) -> dbc.Alert:
    """The demo-data label: one line that says so, the full explanation one tap away (on a phone the
    whole text pushed the charts a screen down on every page)."""
    return dbc.Alert(
        html.Details(
            [
                html.Summary([html.Strong("⚠ " + t("notice.illustrative_short", lang))], className="demo-summary"),
                html.Div(t("notice.illustrative", lang), className="mt-1"),
            ]
        ),
        color="warning",
        className="small py-1 mb-3",
        id=ID_ILLUSTRATIVE,
    )


def phone_columns(lang: str) -> html.Div:
    """Said under a table whose less important columns a phone leaves out."""
    return html.Div(t("notice.phone_columns", lang), className="small text-body-secondary d-md-none mt-1")


def info(text: str, color: str = "info", id: str | None = None) -> dbc.Alert:
    kwargs = {"id": id} if id else {}
    return dbc.Alert(text, color=color, className="py-2 mb-3", **kwargs)


def error_page(lang: str, key: str = "notice.error", **values: object) -> html.Div:
    return html.Div([dbc.Alert(t(key, lang, **values), color="danger", className="mt-3", id="page-error")])
