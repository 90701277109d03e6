"""The site's pages in one plain table: the path (or path template) each page answers, the string its tab
title comes from, and its place in the navbar. Dash Pages registers the pages from it (`register_args`),
and the navbar, the 404 status and the light pages' share titles read it, never Dash's page registry."""

from __future__ import annotations

import re
from dataclasses import dataclass

from budget.i18n import t


@dataclass(frozen=True)
class Page:
    name: str  # the module's name under pages/ (and the navbar ids' `page`)
    path: str  # a path, or a template with <parameters>
    title_key: str | None  # None: the site's own title (the home page)
    nav: str | None = None  # the navbar's label, for the pages in it
    order: int = 99

    @property
    def template(self) -> bool:
        return "<" in self.path

    def matches(self, path: str) -> bool:
        if self.template:
            return re.fullmatch(re.sub(r"<[^>/]+>", "[^/]+", re.escape(self.path)), path) is not None
        return self.path == path


PAGES = (
    Page("home", "/", None, nav="nav.home", order=0),
    Page("apbd", "/apbd", "nav.apbd", nav="nav.apbd", order=1),
    Page("desa", "/desa", "nav.desa", nav="nav.desa", order=2),
    Page("serapan", "/serapan", "nav.serapan", nav="nav.serapan", order=3),
    Page("rapat_start", "/rapat", "r.title", nav="nav.rapat", order=4),
    Page("data", "/data", "nav.data", nav="nav.data", order=5),
    Page("desa_village", "/desa/<kode>/interaktif", "nav.desa"),
    Page("rapat", "/rapat/<slide>", "r.title"),
)
_BY_NAME = {p.name: p for p in PAGES}


def nav_pages() -> list[Page]:
    """The pages in the navbar, in their order."""
    return sorted((p for p in PAGES if p.nav), key=lambda p: p.order)


def page_for(pathname: str) -> Page | None:
    """The page that serves `pathname` (path templates included), or None: the one matcher the 404 status
    and the translated tab title share."""
    path = "/" + (pathname or "").strip("/")
    return next((p for p in PAGES if p.matches(path)), None)


def title(key: str | None, lang: str) -> str:
    site = t("app.title", lang)
    return f"{t(key, lang)} · {site}" if key else f"{site} · {t('app.region', lang)}"


def page_title(pathname: str, lang: str) -> str:
    """The browser tab's title in the reader's language."""
    page = page_for(pathname or "/")
    if page is None:
        return t("notice.page_not_found", lang) + " · " + t("app.title", lang)
    return title(page.title_key, lang)


def register_args(module: str) -> dict:
    """`dash.register_page` arguments for the page module `module` (pages.<name>): its path or template and
    the Indonesian title Dash Pages serves first (the shell then writes the reader's language)."""
    page = _BY_NAME[module.rsplit(".", 1)[-1]]
    where = {"path_template": page.path} if page.template else {"path": page.path}
    order = (
        {"order": page.order} if page.nav else {}
    )  # Dash Pages orders its registry (and so its validation layout) by it
    return {**where, **order, "name": page.name, "title": title(page.title_key, "id")}
