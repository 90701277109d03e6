"""Turn untrusted URL parameters into a checked page state (allow-lists from the data)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from dash import html

from budget import queries
from budget.db import DataUnavailable, QueryTimeout
from budget.i18n import norm_lang, t
from components import notices

log = logging.getLogger(__name__)


@dataclass
class PageState:
    lang: str
    tahun: int | None = None
    tahap: str | None = None
    years: list[int] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # shown on the page, never raised
    year_missing: bool = False


def resolve(tahun: object = None, tahap: object = None, lang: object = None) -> PageState:
    """Check year and tahap against what the database holds; fall back and say so."""
    st = PageState(lang=norm_lang(lang))
    st.years = queries.years()
    if not st.years:
        raise DataUnavailable("no APBD data")
    if tahun in (None, ""):
        st.tahun = st.years[0]
    else:
        try:
            value = int(str(tahun))
        except ValueError:
            value = None
        if value in st.years:
            st.tahun = value
        else:
            st.year_missing = True
            st.problems.append(
                t("notice.year_not_found", st.lang, value=str(tahun)[:12], years=", ".join(map(str, sorted(st.years))))
            )
            return st
    st.stages = queries.stages(st.tahun)
    if tahap in (None, ""):
        st.tahap = st.stages[-1]
    elif tahap in st.stages:
        st.tahap = str(tahap)
    else:
        st.tahap = st.stages[-1]
        st.problems.append(
            t(
                "notice.tahap_not_found",
                st.lang,
                value=str(tahap)[:20],
                tahun=st.tahun,
                tahap=t(f"tahap.{st.tahap}", st.lang),
            )
        )
    return st


def guarded(render: Callable[..., object], **kwargs):
    """Run a page renderer (through the data-version cache); a missing database, a query stopped for
    time or an unexpected error becomes a notice, never a 500, and is never cached."""
    from flask import has_request_context, request

    from callbacks import cache

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
    """`render` with its static parts frozen into server-made HTML (`components/freeze.py`): the page as
    the browser receives it, cached under its own name."""
    from components.freeze import freeze

    def frozen_render(**kwargs):
        return freeze(render(**kwargs))

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
    from budget import queries

    body: list = [notices.info(p, "warning", id="page-problem") for p in st.problems]
    if not st.year_missing and st.tahun is not None and queries.is_illustrative(st.tahun):
        body.append(notices.illustrative(st.lang))
    return body
