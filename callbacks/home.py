"""The overview page: wiring from the URL state to the model (`models/home.py`) and its Dash renderer
(`components/home.py`)."""

from __future__ import annotations

from dash import dcc, html

from budget.i18n import t
from callbacks.state import page_start
from components import home as ch
from models.home import home_page
from serving.state import resolve
from serving.urls import href

ID_KPIS, ID_CURVE, ID_TAHAP = ch.ID_KPIS, ch.ID_CURVE, ch.ID_TAHAP


def render(tahun=None, tahap=None, lang=None, **_ignored) -> html.Div:
    st = resolve(tahun, tahap, lang)
    body: list = page_start(st)
    if st.year_missing:
        body.append(dcc.Link(t("notice.back_home", st.lang), href=href("/", {"lang": st.lang})))
        return html.Div(body)
    p = home_page(st.tahun, st.tahap, st.years, st.stages)
    state = {"tahun": st.tahun, "tahap": st.tahap, "lang": st.lang}
    links = ch.Links(
        stages={s: href("/", {**state, "tahap": s}) for s in st.stages},
        explore={dim: href("/apbd", {**state, "dim": dim}) for dim in ("pendapatan", "org")},
        lite=href("/ringkasan", state),
    )
    from callbacks.desa import village_search_box  # the same search box (and callbacks) as /desa

    return html.Div(body + ch.page(p, st.lang, links, village_search_box(st.lang)))
