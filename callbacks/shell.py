"""Keeps the navbar and footer in step with the URL (year and language live there)."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from dash import Input, Output, callback, clientside_callback
from flask import has_request_context, request

from budget import queries
from budget.db import DataUnavailable
from budget.i18n import norm_lang
from components.shell import ID_FOOTER, ID_NAV, ID_TITLE, ID_URL, footer, navbar
from dash_compat import PAGES_STORE
from serving.sitemap import page_title
from serving.state import resolve
from serving.urls import parse_search, state_params

log = logging.getLogger(__name__)


def render_shell(pathname: str | None, search: str | None):
    params = state_params(parse_search(search))  # never carry ?fbclid= or utm_* into links
    lang = norm_lang(params.get("lang"))
    path = pathname if isinstance(pathname, str) and pathname.startswith("/") else "/"
    try:
        st = resolve(params.get("tahun"), None, lang)
        info = queries.dataset_info()
        years, tahun = st.years, st.tahun
    except DataUnavailable:
        years, tahun, info = [], None, None
        from callbacks.state import do_not_store

        do_not_store()
    except Exception:  # noqa: BLE001 - the shell must render whatever happens
        log.exception("shell render failed")
        from callbacks.state import do_not_store

        do_not_store()
        years, tahun, info = [], None, None
    here, demo = None, False
    if has_request_context():  # the address printed with the page (the response cache keys on the host too)
        query = urlencode({k: v for k, v in params.items() if isinstance(v, str)})
        here = request.host_url.rstrip("/") + path + ("?" + query if query else "")
        demo = bool(info and tahun in info.get("illustrative_years", []))
    from firstview.freeze import freeze  # their fixed parts travel as HTML, like the pages'

    return (
        freeze(navbar(path, params, years, tahun, lang)),
        freeze(footer(info, lang, here, demo)),
        {"title": page_title(path, lang), "lang": lang},
    )


@callback(
    Output(ID_NAV, "children"),
    Output(ID_FOOTER, "children"),
    Output(ID_TITLE, "data"),
    Input(ID_URL, "pathname"),
    Input(ID_URL, "search"),
)
def update_shell(pathname, search):
    from flask import has_request_context, request

    from serving import cache

    host = request.host_url if has_request_context() else None
    try:
        return cache.cached(render_shell, {"pathname": pathname, "search": search}, host)
    except DataUnavailable:
        return render_shell(pathname, search)


# The browser tab's title and <html lang> in the page's language. Dash Pages sets an Indonesian title when a page's
# content arrives (its store, `dash_compat.PAGES_STORE`), so this runs after that too and has the last word.
clientside_callback(
    """function (page, _pages) {
        if (page && page.title) {
            setTimeout(function () { document.title = page.title; }, 0);
            document.documentElement.lang = page.lang;
        }
        return window.dash_clientside.no_update;
    }""",
    Output(ID_TITLE, "id"),
    Input(ID_TITLE, "data"),
    Input(PAGES_STORE, "data"),
)
