"""Meeting mode (/rapat/<n>): wiring from the URL to a slide's model (`models/rapat.py`) and its Dash
renderer (`components/rapat.py`). Keyboard navigation lives in assets/rapat.js.

Every slide has its own URL and a QR code of it, so people in the room can open the same view on
their phones.
"""

from __future__ import annotations

from dash import html

from components import notices
from components import rapat as cr
from models.rapat import SLIDE_LIST, SLIDES, rapat_slide, slide_number
from serving.state import PageState, resolve
from serving.urls import href

__all__ = ["render", "slide_path", "qr_data_uri", "SLIDES", "SLIDE_LIST", "ID_PREV", "ID_NEXT"]

ID_PREV, ID_NEXT = cr.ID_PREV, cr.ID_NEXT
qr_data_uri = cr.qr_data_uri


def slide_path(n: int) -> str:
    return f"/rapat/{n}"


def _absolute(path: str) -> str:
    try:
        from flask import request

        return request.host_url.rstrip("/") + path
    except RuntimeError:
        return path


def _links(st: PageState, n: int, unit: str | None = None) -> cr.Links:
    state = {"tahun": st.tahun, "lang": st.lang}
    return cr.Links(
        url=_absolute(href(slide_path(n), state)),
        slides={i: href(slide_path(i), state) for i in range(1, SLIDES + 1)},
        home=href("/", state),
        more=href("/serapan", {**state, "unit": unit}) if unit else "",
    )


def render(slide=None, tahun=None, lang=None, **_ignored) -> html.Div:
    st = resolve(tahun, None, lang)
    n = slide_number(slide)
    if st.year_missing:
        problems = [notices.info(p, "warning", id="page-problem") for p in st.problems]
        return html.Div(problems + [cr.nav(n, st.lang, _links(st, n))])
    p = rapat_slide(n, st.tahun, st.stages[-1])
    return cr.page(p, st.lang, _links(st, n, getattr(p.content, "unit", None)))
