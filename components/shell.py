"""The frame around every page: navbar (with year and language), footer."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from budget.i18n import datetime_text, t
from serving.sitemap import nav_pages
from serving.urls import carried, href

ID_NAV = "shell-nav"
ID_FOOTER = "shell-footer"
ID_URL = "shell-url"
ID_TITLE = "shell-title"


def navbar(pathname: str, params: dict, years: list[int], tahun: int | None, lang: str) -> html.Div:
    state = carried(params)
    links = [
        dbc.NavItem(
            dbc.NavLink(
                t(p.nav, lang),
                href=href(p.path, state),
                active=(pathname == p.path) or (p.path != "/" and pathname.startswith(p.path + "/")),
                id={"type": "nav-link", "page": p.name},
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
            dbc.Nav(links, pills=True, className="shell-tabs d-none d-md-flex flex-nowrap overflow-auto pb-2"),
            phone_menu(pathname, state, lang),
        ],
        className="container",
    )


def phone_menu(pathname: str, state: dict, lang: str) -> html.Details:
    """On a phone the tab strip would hide half the sections off-screen: a menu button that opens a
    list of every section instead (plain <details>: no script, closes when the next page draws)."""
    current = next(
        (p for p in nav_pages() if pathname == p.path or (p.path != "/" and pathname.startswith(p.path + "/"))),
        None,
    )
    items = [
        dcc.Link(
            t(p.nav, lang),
            href=href(p.path, state),
            className="phone-menu-link" + (" active" if p is current else ""),
            id={"type": "nav-menu-link", "page": p.name},
        )
        for p in nav_pages()
    ]
    label = t("nav.menu", lang) + (f" · {t(current.nav, lang)}" if current else "")
    return html.Details(
        [html.Summary(["\u2630 ", label], className="phone-menu-button"), html.Nav(items, className="phone-menu-list")],
        className="phone-menu d-md-none pb-2",
        id="nav-phone-menu",
    )


def footer(info: dict | None, lang: str, here: str | None = None, demo: bool = False) -> html.Div:
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
                [
                    html.Strong(t("footer.source", lang) + ": "),
                    files or "–",
                    " · " + t("footer.official", lang) + " ",
                    dcc.Link(
                        t("footer.data_page", lang),
                        href=href("/data", {"lang": lang}),
                        id="footer-data-link",
                        className="footer-data-link",
                    ),
                    ".",
                ],
                className="mb-1",
            ),
        )
    parts.append(html.P(t("footer.licence", lang), className="mb-0"))
    button = html.Button(
        t("print.button", lang),
        type="button",
        className="btn btn-outline-secondary mb-3 noprint",
        id="print-button",
        **{"data-print": "1"},
    )
    return html.Div(
        [button, *parts, _print_info(info, lang, here, demo)], className="container small text-body-secondary py-3"
    )


def _print_info(info: dict | None, lang: str, here: str | None, demo: bool) -> html.Div | None:
    """Shown only on paper: the page's address and its QR code, the data's date, the source, the demo label."""
    if not here:
        return None
    import datetime as dt

    from firstview.qr import qr_data_uri

    when = info.get("published_at") if info else None
    asof = datetime_text(dt.datetime.fromisoformat(when), lang) if when else "–"
    lines = [html.Strong(here), html.Br(), t("print.asof", lang, when=asof), html.Br(), t("lite.source", lang)]
    if demo:
        lines += [html.Br(), html.Strong(t("notice.illustrative_short", lang))]
    return html.Div(
        [html.Img(src=qr_data_uri(here), alt="QR: " + here), html.P(lines)], className="print-only", id="print-info"
    )
