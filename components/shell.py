"""The frame around every page: navbar (with year and language), footer."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from budget.i18n import datetime_text, t
from components.urls import carried, href

ID_NAV = "shell-nav"
ID_FOOTER = "shell-footer"
ID_URL = "shell-url"


def nav_pages() -> list[dict]:
    """Pages that put themselves in the navbar (register_page(..., nav="nav.key"))."""
    pages = [p for p in dash.page_registry.values() if p.get("nav")]
    return sorted(pages, key=lambda p: p.get("order", 99))


def navbar(pathname: str, params: dict, years: list[int], tahun: int | None, lang: str) -> html.Div:
    state = carried(params)
    links = [
        dbc.NavItem(
            dbc.NavLink(
                t(p["nav"], lang),
                href=href(p["path"], state),
                active=(pathname == p["path"]) or (p["path"] != "/" and pathname.startswith(p["path"] + "/")),
                id={"type": "nav-link", "page": p["module"].split(".")[-1]},
            )
        )
        for p in nav_pages()
    ]
    year_menu = dbc.DropdownMenu(
        [
            dbc.DropdownMenuItem(
                str(y), href=href(pathname, {**params, "tahun": y, "tahap": None}), id={"type": "nav-year", "year": y}
            )
            for y in years
        ],
        label=f"{t('nav.year', lang)} {tahun or ''}".strip(),
        id="nav-year-menu",
        color="light",
        size="sm",
        align_end=True,
        className="me-2",
    )
    other = "en" if lang == "id" else "id"
    lang_link = dcc.Link(
        t("nav.lang_switch", lang),
        href=href(pathname, {**params, "lang": other}),
        id="nav-lang",
        className="btn btn-sm btn-outline-light",
        title=t("nav.lang_switch", lang),
    )
    brand = dcc.Link(
        [
            html.Span(t("app.title", lang), className="fw-bold"),
            html.Span(" · " + t("app.region", lang), className="d-none d-sm-inline opacity-75"),
        ],
        href=href("/", state),
        className="navbar-brand text-white text-decoration-none me-3",
    )
    return html.Div(
        [
            html.Div(
                [brand, html.Div([year_menu, lang_link], className="d-flex align-items-center ms-auto")],
                className="d-flex align-items-center flex-wrap py-2",
            ),
            dbc.Nav(links, pills=True, className="shell-tabs flex-nowrap overflow-auto pb-2"),
        ],
        className="container",
    )


def footer(info: dict | None, lang: str) -> html.Div:
    parts = [html.P(t("notice.opd_codes", lang), className="mb-1")]
    if info:
        when = info.get("published_at")
        if when:
            import datetime as dt

            parts.insert(
                0,
                html.P(
                    [
                        html.Strong(t("footer.updated", lang) + ": "),
                        datetime_text(dt.datetime.fromisoformat(when), lang),
                    ],
                    className="mb-1",
                    id="footer-updated",
                ),
            )
        files = ", ".join(info.get("files", [])[:6])
        parts.insert(
            1,
            html.P(
                [html.Strong(t("footer.source", lang) + ": "), files or "–", " · " + t("footer.official", lang)],
                className="mb-1",
            ),
        )
    parts.append(html.P(t("footer.licence", lang), className="mb-0"))
    return html.Div(parts, className="container small text-body-secondary py-3")
