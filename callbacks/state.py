"""What every Dash page shares in its wiring: the guarded, cached, frozen render (`guarded`), the problems
and demo banner a page opens with (`page_start`) and the search box. The URL state itself is checked in
`serving/state.py`."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from dash import html

from budget import queries
from budget.db import DataUnavailable, QueryTimeout
from budget.i18n import norm_lang, t
from components import notices
from serving.state import PageState

log = logging.getLogger(__name__)


def guarded(render: Callable[..., object], **kwargs):
    """Run a page renderer (through the data-version cache); a missing database, a query stopped for
    time or an unexpected error becomes a notice, never a 500, and is never cached."""
    from flask import has_request_context, request

    from serving import cache

    lang = norm_lang(kwargs.get("lang"))
    try:
        return cache.cached(frozen(render), kwargs, request.host_url if has_request_context() else None)
    except DataUnavailable as exc:
        do_not_store()
        if exc.unreadable:
            log.error("published data unreadable: %s", exc)
            return html.Div(notices.info(t("notice.data_unreadable", lang), color="danger", id="page-no-data"))
        return html.Div(notices.info(t("notice.no_data", lang), color="secondary", id="page-no-data"))
    except QueryTimeout:
        do_not_store()
        log.warning("page render stopped: a query ran too long (%s %s)", render.__qualname__, kwargs)
        return html.Div(notices.info(t("notice.slow", lang), color="warning", id="page-slow"))
    except Exception:  # noqa: BLE001 - the user gets a notice, the log gets the traceback
        do_not_store()
        log.exception("page render failed")
        return notices.error_page(lang)


@functools.cache
def frozen(render: Callable[..., object]) -> Callable[..., object]:
    """`render` with its static parts frozen into server-made HTML (`firstview/freeze.py`): the page as
    the browser receives it, cached under its own name."""
    from firstview.freeze import freeze

    def frozen_render(**kwargs):
        return freeze(render(**kwargs))

    frozen_render.__wrapped__ = render  # its signature: the cache keys on the parameters `render` names
    frozen_render.__module__ = render.__module__
    frozen_render.__qualname__ = render.__qualname__ + ".frozen"
    return frozen_render


def do_not_store() -> None:
    """A render that failed must not be kept as this data version's answer (see app._store_answer)."""
    from flask import g, has_request_context

    if has_request_context():
        g.no_store = True


def register_search(input_id: str, results_id: str, results) -> None:
    """Wire a page's search box: results as the user types; Enter opens the first hit.
    `results(search, query) -> (components, hrefs)` validates everything it is given."""
    from dash import Input, Output, State, callback, no_update

    from components.shell import ID_URL

    @callback(
        Output(results_id, "children"), Input(input_id, "value"), State(ID_URL, "search"), prevent_initial_call=True
    )
    def _on_search(query, search):
        return results(search, query)[0]

    @callback(
        Output(ID_URL, "href", allow_duplicate=True),
        Input(input_id, "n_submit"),
        State(input_id, "value"),
        State(ID_URL, "search"),
        prevent_initial_call=True,
    )
    def _on_submit(n_submit, query, search):
        if not n_submit:  # drawn anew, not a key press: never navigate
            return no_update
        links = results(search, query)[1]
        return links[0] if links else no_update


def page_start(st: PageState) -> list:
    """What every page opens with: the problems found in its URL, then the demo-data banner when
    the year's figures are illustrative."""

    body: list = [notices.info(p, "warning", id="page-problem") for p in st.problems]
    if not st.year_missing and st.tahun is not None and queries.is_illustrative(st.tahun):
        body.append(notices.illustrative(st.lang))
    return body
