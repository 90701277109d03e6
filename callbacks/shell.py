"""Keeps the navbar and footer in step with the URL (year and language live there)."""

from __future__ import annotations

import logging

from dash import Input, Output, callback

from budget import queries
from budget.db import DataUnavailable
from budget.i18n import norm_lang
from callbacks.state import resolve
from components.shell import ID_FOOTER, ID_NAV, ID_URL, footer, navbar
from components.urls import parse_search

log = logging.getLogger(__name__)


def render_shell(pathname: str | None, search: str | None):
    params = parse_search(search)
    lang = norm_lang(params.get("lang"))
    path = pathname if isinstance(pathname, str) and pathname.startswith("/") else "/"
    try:
        st = resolve(params.get("tahun"), None, lang)
        info = queries.dataset_info()
        years, tahun = st.years, st.tahun
    except DataUnavailable:
        years, tahun, info = [], None, None
    except Exception:  # noqa: BLE001 - the shell must render whatever happens
        log.exception("shell render failed")
        years, tahun, info = [], None, None
    return navbar(path, params, years, tahun, lang), footer(info, lang)


@callback(Output(ID_NAV, "children"), Output(ID_FOOTER, "children"), Input(ID_URL, "pathname"), Input(ID_URL, "search"))
def update_shell(pathname, search):
    return render_shell(pathname, search)
