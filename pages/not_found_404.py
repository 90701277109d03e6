"""Any unknown route: a friendly page, never an error."""

import dash
from dash import dcc, html

from budget.i18n import norm_lang, t
from components import notices
from serving.urls import href

dash.register_page(__name__, path="/404", title="404")


def layout(lang=None, **_ignored):
    lang = norm_lang(lang)
    return html.Div(
        [
            notices.info(t("notice.page_not_found", lang), "warning", id="page-not-found"),
            dcc.Link(t("notice.back_home", lang), href=href("/", {"lang": lang})),
        ]
    )
