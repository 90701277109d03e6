"""The data page (/data): wiring to the model (`models/data.py`) and its Dash renderer
(`components/data.py`). Downloads are served by `budget.downloads` through a Flask route in `app.py`."""

from __future__ import annotations

from dash import html

from budget.i18n import norm_lang
from components import data as cdata
from models.data import LOG_LIMIT, data_page

__all__ = ["LOG_LIMIT", "render"]


def render(lang=None, **_ignored) -> html.Div:
    return html.Div(cdata.page(data_page(), norm_lang(lang)))
