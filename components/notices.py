"""Banners and notices every page uses."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from budget.i18n import t

ID_ILLUSTRATIVE = "notice-illustrative"


def illustrative(lang: str) -> dbc.Alert:
    return dbc.Alert(
        [html.Strong("⚠ "), t("notice.illustrative", lang)],
        color="warning",
        className="small py-2 mb-3",
        id=ID_ILLUSTRATIVE,
    )


def info(text: str, color: str = "info", id: str | None = None) -> dbc.Alert:
    kwargs = {"id": id} if id else {}
    return dbc.Alert(text, color=color, className="py-2 mb-3", **kwargs)


def error_page(lang: str, key: str = "notice.error", **values: object) -> html.Div:
    return html.Div([dbc.Alert(t(key, lang, **values), color="danger", className="mt-3", id="page-error")])
