"""Routes of the light pages: check the URL state, build the page model, render its template.

Every page is cached by data version (`serving/cache.py`), answers with an ETag, and never shows a
traceback: a missing or unreadable database gets a plain page that says so (HTTP 503).
"""

from __future__ import annotations

import hashlib
import logging
from typing import NamedTuple

from flask import Blueprint, Response, abort, make_response, render_template, request

from budget import desa as dq
from budget.db import DataUnavailable, QueryTimeout
from budget.fmt import percent, rupiah, rupiah_full
from budget.i18n import month, norm_lang, t
from budget.search import villages as search_villages
from lite import cards, pwa
from models.home import home_page
from models.village import village_page
from serving import cache
from serving.state import resolve
from serving.urls import href

log = logging.getLogger(__name__)
bp = Blueprint("lite", __name__, template_folder="templates")
SEARCH_MAX = 60  # characters of a search query kept
SEARCH_HITS = 12


@bp.app_template_global()
def tr(key: str, lang: str, **values) -> str:
    return t(key, lang, **values)


bp.add_app_template_global(rupiah, "rupiah")
bp.add_app_template_global(rupiah_full, "rupiah_full")
bp.add_app_template_global(percent, "percent")
bp.add_app_template_global(month, "month_name")
bp.add_app_template_global(pwa.asset_url, "asset_url")


@bp.get("/manifest.webmanifest")
def manifest():
    return pwa.manifest_response()


@bp.get("/sw.js")
def service_worker():
    return pwa.worker_response()


def data_asof(lang: str) -> str:
    """When the published data was published, in the reader's language (for the offline notice)."""
    import datetime as dt

    from budget import queries
    from budget.i18n import datetime_text

    try:
        published = queries.dataset_info().get("published_at")
    except (DataUnavailable, QueryTimeout):
        return "–"
    return datetime_text(dt.datetime.fromisoformat(published), lang) if published else "–"


def _state(lang_only: bool = False):
    """The checked page state from the query string (year, stage and language)."""
    args = request.args
    return resolve(None if lang_only else args.get("tahun"), args.get("tahap"), args.get("lang"))


def _answer(html_text: str, status: int = 200) -> Response:
    resp = make_response(html_text, status)
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    # Revalidated on every visit (a publish changes the page), cheap when unchanged: an ETag of the page.
    resp.headers["Cache-Control"] = "no-cache"
    resp.set_etag(hashlib.sha256(html_text.encode()).hexdigest()[:32])
    return resp.make_conditional(request)


def _trouble(exc: Exception) -> Response:
    lang = norm_lang(request.args.get("lang"))
    if isinstance(exc, QueryTimeout):
        key = "notice.slow"
    elif isinstance(exc, DataUnavailable) and exc.unreadable:
        log.error("published data unreadable: %s", exc)
        key = "notice.data_unreadable"
    elif isinstance(exc, DataUnavailable):
        key = "notice.no_data"
    else:
        log.exception("light page failed")
        key = "notice.error"
    return _answer(render_template("trouble.html", lang=lang, message=t(key, lang), page=_page(lang)), 503)


def _page(lang: str, path: str | None = None, query: dict | None = None) -> dict:
    """What the base template needs on every page. `path` and `query` are the page's own address and checked
    URL state (never the raw query string: the page is cached, and another visitor must not get someone's
    stray parameters; and warming renders pages outside their own request)."""
    path = path or request.path
    query = {k: v for k, v in (query or {}).items() if k != "lang"}
    from firstview.qr import qr_data_uri

    url = request.host_url.rstrip("/") + href(path, {**query, "lang": lang if lang != "id" else None})
    return {
        "lang": lang,
        "asof": data_asof(lang),
        "url": url,
        "qr": qr_data_uri(url),  # printed with the page, so a paper copy leads back to the live one
        "other_lang": href(path, {**query, "lang": "en" if lang == "id" else None}),
        "home": href("/ringkasan", {"lang": lang if lang != "id" else None}),
    }


def _cached(render, **params) -> str:
    return cache.cached(render, params, request.host_url)


# ---------------------------------------------------------------------------------------------
# /desa/<kode>
# ---------------------------------------------------------------------------------------------
class LightPage(NamedTuple):
    """A rendered light page and its HTTP status, decided by the page model (never read back from the HTML)."""

    html: str
    status: int = 200


def render_village(kode: str, tahun=None, tahap=None, lang=None) -> LightPage:
    st = resolve(tahun, tahap, lang)
    L = st.lang
    state = {"tahun": tahun and st.tahun, "tahap": tahap and st.tahap, "lang": L if L != "id" else None}
    if st.year_missing:
        page = _page(L, f"/desa/{kode}")
        return LightPage(render_template("problem.html", page=page, problems=st.problems, title=t("v.not_found", L)))
    p = village_page(st.tahun, st.tahap, kode)
    links = {
        "interactive": href(f"/desa/{p.kode}/interaktif", state),
        "details": href("/desa", {**state, "kec": p.kode_kecamatan, "desa": p.kode}),
        "office": href("/apbd", {**state, "dim": "org", "skpd": p.kode_opd_kecamatan}),
        "card": href(f"/kartu/desa/{p.kode}.png", state),
    }
    html = render_template(
        "village.html", p=p, st=st, links=links, page=_page(L, f"/desa/{p.kode}", state), bars=_village_bars(p)
    )
    return LightPage(html, 404 if p.kind == "not_found" else 200)


def _village_bars(p) -> dict:
    """Widths (percent of the largest) for the plain HTML bars."""
    top_income = max((i.anggaran for i in p.income), default=0) or 1
    top_year = max((max(y.anggaran or 0, y.realisasi or 0) for y in p.history), default=0) or 1
    return {
        "income": [float(i.anggaran / top_income * 100) for i in p.income],
        "history": [
            (float((y.anggaran or 0) / top_year * 100), float((y.realisasi or 0) / top_year * 100)) for y in p.history
        ],
    }


@bp.get("/desa/<kode>")
def village(kode: str):
    args = request.args
    try:
        page = _cached(
            render_village, kode=kode[:40], tahun=args.get("tahun"), tahap=args.get("tahap"), lang=args.get("lang")
        )
    except Exception as exc:  # noqa: BLE001 - a notice, never a traceback
        return _trouble(exc)
    return _answer(page.html, page.status if dq.RE_DESA.fullmatch(kode) else 404)


# ---------------------------------------------------------------------------------------------
# /ringkasan: the regency in one screen
# ---------------------------------------------------------------------------------------------
def render_summary(tahun=None, tahap=None, lang=None) -> str:
    st = resolve(tahun, tahap, lang)
    L = st.lang
    if st.year_missing:
        page = _page(L, "/ringkasan")
        return render_template("problem.html", page=page, problems=st.problems, title=t("lite.summary", L))
    p = home_page(st.tahun, st.tahap, st.years, st.stages)
    state = {"tahun": tahun and st.tahun, "tahap": tahap and st.tahap, "lang": L if L != "id" else None}
    links = {
        "interactive": href("/", state),
        "apbd": href("/apbd", state),
        "card": href("/kartu/ringkasan.png", state),
        "stages": {s: href("/ringkasan", {**state, "tahap": s}) for s in st.stages},
    }
    return render_template(
        "summary.html", p=p, st=st, links=links, page=_page(L, "/ringkasan", state), bars=_summary_bars(p)
    )


def _summary_bars(p) -> dict:
    top_kind = max((k.anggaran for k in p.by_kind), default=0) or 1
    top_opd = max((o.anggaran for o in p.largest_opd), default=0) or 1
    return {
        "kind": [float(k.anggaran / top_kind * 100) for k in p.by_kind],
        "opd": [float(o.anggaran / top_opd * 100) for o in p.largest_opd],
    }


@bp.get("/ringkasan")
def summary():
    args = request.args
    try:
        text = _cached(render_summary, tahun=args.get("tahun"), tahap=args.get("tahap"), lang=args.get("lang"))
    except Exception as exc:  # noqa: BLE001
        return _trouble(exc)
    return _answer(text)


# ---------------------------------------------------------------------------------------------
# /istilah: the glossary (data/istilah.csv, shared with the term links and the API)
# ---------------------------------------------------------------------------------------------
def render_glossary(lang=None) -> str:
    from budget import glossary
    from models.glossary import example

    L = norm_lang(lang)
    terms = [
        {
            "key": g.key,
            "name": g.name(L),
            "other": g.istilah if L == "en" else g.term_en,
            "text": g.text(L),
            "example": example(g, L),
            "sumber": g.sumber,
        }
        for g in glossary.terms()
    ]
    illustrative = _newest_is_illustrative()
    return render_template(
        "glossary.html", terms=terms, illustrative=illustrative, page=_page(L, "/istilah"), api="/api/v1/istilah"
    )


def _newest_is_illustrative() -> bool:
    from budget import queries

    years = queries.years()
    return bool(years) and queries.is_illustrative(years[0])


@bp.get("/istilah")
def glossary_page():
    try:
        text = _cached(render_glossary, lang=request.args.get("lang"))
    except Exception as exc:  # noqa: BLE001
        return _trouble(exc)
    return _answer(text)


@bp.app_template_global("term_tips")
def term_tips(keys: list[str], lang: str):
    """The page's technical terms, each explaining itself on a tap (a native <details>, no script) and
    linking to its glossary entry."""
    from budget import glossary

    return [g for g in (glossary.term(k) for k in keys) if g is not None]


# ---------------------------------------------------------------------------------------------
# /cari: village search as an ordinary form
# ---------------------------------------------------------------------------------------------
@bp.get("/cari")
def search():
    lang = norm_lang(request.args.get("lang"))
    raw = request.args.get("q", "")
    q = raw.strip()[:SEARCH_MAX]
    try:
        hits = search_villages(q, SEARCH_HITS + 1) if len(q) >= 2 else []
    except Exception as exc:  # noqa: BLE001
        return _trouble(exc)
    keep = {"lang": lang if lang != "id" else None}
    results = [
        {"kode": k, "nama": n, "kecamatan": kc, "jenis": j, "href": href(f"/desa/{k}", keep)}
        for k, n, kc, j, _ in hits[:SEARCH_HITS]
    ]
    text = render_template(
        "search.html",
        q=q,
        too_short=0 < len(q) < 2,
        results=results,
        truncated=len(hits) > SEARCH_HITS,
        page=_page(lang, "/cari", {"q": q or None}),
        lang=lang,
    )
    return _answer(text)


# ---------------------------------------------------------------------------------------------
# Share-card images (1200 x 630 PNG), cached by data version
# ---------------------------------------------------------------------------------------------
def _png(data: bytes) -> Response:
    resp = make_response(data)
    resp.headers["Content-Type"] = "image/png"
    resp.headers["Cache-Control"] = "public, max-age=3600"
    resp.set_etag(hashlib.sha256(data).hexdigest()[:32])
    return resp.make_conditional(request)


@bp.get("/kartu/desa/<kode>.png")
def village_card(kode: str):
    args = request.args
    if dq.RE_DESA.fullmatch(kode) is None:
        abort(404)
    try:
        data = _cached(
            cards.village_card, kode=kode, tahun=args.get("tahun"), tahap=args.get("tahap"), lang=args.get("lang")
        )
    except (DataUnavailable, QueryTimeout):
        abort(503)
    if data is None:
        abort(404)
    return _png(data)


@bp.get("/kartu/ringkasan.png")
def summary_card():
    args = request.args
    try:
        data = _cached(cards.summary_card, tahun=args.get("tahun"), tahap=args.get("tahap"), lang=args.get("lang"))
    except (DataUnavailable, QueryTimeout):
        abort(503)
    if data is None:
        abort(404)
    return _png(data)
