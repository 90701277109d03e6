"""Anggaran Terbuka: the Dash app. `server` is the WSGI entry point for gunicorn (app:server)."""

from __future__ import annotations

import logging
import re
from html import escape as html_escape

import dash
from dash import Dash, dcc, html

import settings
import static_html  # noqa: F401  (registers the StaticHtml component and its script with Dash)
from components.shell import ID_FOOTER, ID_NAV, ID_TITLE, ID_URL
from dash_compat import drop_unused_bundles, page_and_variables, query_parameters
from serving import headers
from serving.sitemap import page_for

logging.basicConfig(level=settings.current().log_level)


drop_unused_bundles()

app = Dash(
    __name__,
    use_pages=True,
    serve_locally=True,  # every script and stylesheet comes from this server: no CDN
    # plotly.js is not a page script: assets/plotly-src.js fetches our trimmed bundle when a chart is near the
    # screen, so text and tables draw before 1.2 MB of chart code is evaluated.
    assets_ignore=r"00-plotly-custom\.min\.js$",
    title="Anggaran Terbuka · Kabupaten Batang",
    update_title=None,
    meta_tags=[
        {"name": "viewport", "content": "width=device-width, initial-scale=1"},
        {"name": "theme-color", "content": "#143d6b"},
    ],
)


def shell_layout(nav=None, content=dash.page_container, foot=None) -> html.Div:
    """The app's frame: the live layout, and (filled in) the first-view snapshot drawn from the same frame."""
    return html.Div(
        [
            dcc.Location(id=ID_URL, refresh="callback-nav"),
            dcc.Store(id=ID_TITLE),
            html.Header(nav, id=ID_NAV, className="shell-header"),
            html.Main(content, className="container py-3"),
            html.Footer(foot, id=ID_FOOTER, className="shell-footer"),
        ]
    )


app.layout = shell_layout()
server = app.server


def _light_validation_layout(layout):
    """Dash Pages renders every page once to validate callbacks and ships that render in every
    index page (330 kB of stale figures on a phone). Keep only the components with an id, without
    their children or figures: enough for callback validation, a few kB on the wire."""
    keep: list = []

    def walk(node):
        if isinstance(node, (list, tuple)):
            for n in node:
                walk(n)
            return
        if not hasattr(node, "to_plotly_json"):
            return
        if isinstance(getattr(node, "id", None), str):  # no pattern-matching callbacks use dict ids
            props = {
                k: v
                for k, v in node.to_plotly_json()["props"].items()
                if k not in ("children", "figure", "items", "src")
            }
            try:
                keep.append(type(node)(**props))
            except TypeError:
                keep.append(html.Div(id=node.id))
        walk(getattr(node, "children", None))

    walk(layout)
    return html.Div(keep)


@server.before_request
def _slim_validation_layout():
    # Runs after Dash's own first-request setup, which built the full validation layout.
    if app.validation_layout is not None and not getattr(app, "_validation_slimmed", False):
        app.validation_layout = _light_validation_layout(app.validation_layout)
        app._validation_slimmed = True


import callbacks.shell  # noqa: E402,F401  (registers the shell callback)
import lite  # noqa: E402  (the light server-rendered pages for residents)

server.register_blueprint(lite.bp)

import api  # noqa: E402  (the JSON API, /api/v1)
import kelola  # noqa: E402  (the data officer's console, /kelola)

server.register_blueprint(api.bp)
server.register_blueprint(api.docs_bp)

kelola.init_app(server)


def warm_views() -> list:
    """The most visited views of the published data (latest year and stage), in Indonesian and English:
    what `serving/cache.py` renders in the background after a publish."""
    from budget import queries
    from callbacks import apbd, desa, home
    from callbacks.state import frozen  # the Dash pages are cached as the browser receives them
    from lite import routes as light

    views: list = [(frozen(home.render), {}), (frozen(apbd.render), {}), (frozen(desa.render), {})]
    years = queries.years()
    if years:
        views += [(frozen(apbd.render), {"skpd": s}) for s in queries.skpd_codes(years[0])]
    views += [(frozen(desa.render_village), {"kode": k}) for k in queries.desa_codes()]
    # The light pages residents open from shared links: every village and the regency summary.
    views += [(light.render_summary, {})] + [(light.render_village, {"kode": k}) for k in queries.desa_codes()]
    return views + [(render, {**params, "lang": "en"}) for render, params in views]


from serving import cache as _cache  # noqa: E402

_cache.set_warming(warm_views, lambda host: server.test_request_context("/", base_url=host))

# Every text response is compressed (brotli, else gzip) by a kept library, never by hand.
from flask_compress import Compress  # noqa: E402

server.config.update(
    COMPRESS_ALGORITHM=["br", "gzip"],
    COMPRESS_ALGORITHM_STREAMING=["br", "deflate"],
    COMPRESS_BR_LEVEL=5,
    COMPRESS_MIMETYPES=[
        "text/html",
        "text/css",
        "text/plain",
        "text/csv",
        "text/javascript",
        "application/javascript",
        "application/json",
        "application/manifest+json",
        "image/svg+xml",
    ],
)
Compress(server)


@server.after_request
def _long_cache_for_fingerprinted_files(resp):
    from flask import request

    return headers.long_cache(resp, request.path, request.args)


def _interpolate_index(**kwargs) -> str:
    """Dash's index page with the reader's language on <html>, the web app manifest and icons, and the
    data's as-of date (which the service worker shows over a saved copy when offline)."""
    from flask import has_request_context, request

    from budget.i18n import norm_lang
    from lite.routes import data_asof

    lang = norm_lang(request.args.get("lang")) if has_request_context() else "id"
    if has_request_context():
        # Dash Pages' own share tags carry no figures and an empty description: ours replace them.
        from lite.share import tags

        metas = re.sub(
            r'<meta (?:name="description" content=""|property="(?:og|twitter):[^"]*")[^>]*>', "", kwargs["metas"]
        )
        kwargs["metas"] = metas + tags(request.path, request.args, request.host_url, request.url)
        kwargs["app_entry"] = _snapshot() + kwargs["app_entry"]
    page = dash.Dash.interpolate_index(app, **kwargs)
    from lite.pwa import asset_url

    head = (
        f'<meta name="data-asof" content="{html_escape(data_asof(lang))}">'
        f'<meta name="plotly-src" content="{html_escape(asset_url("00-plotly-custom.min.js"))}">'
        '<link rel="manifest" href="/manifest.webmanifest">'
        '<link rel="apple-touch-icon" href="/assets/icons/apple-touch-icon.png">'
    )
    return page.replace("<html>", f'<html lang="{lang}">', 1).replace("</head>", head + "</head>", 1)


app.interpolate_index = _interpolate_index


def _snapshot() -> str:
    """The page's first view as HTML, ahead of the live app (`firstview/snapshot.py`); cached by data
    version like the renders it is drawn from. '' for a path that is no page, or if anything goes wrong
    (the page then simply draws when its scripts have run)."""
    from flask import request

    from serving import cache

    # Every unknown path draws the same friendly 404 page: one stored snapshot, not one per typo.
    path = request.path if page_for(request.path) is not None else "/404"
    try:
        search = cache.checked_search(request.query_string.decode("utf-8", "replace")).lstrip("?")
        return cache.cached(_snapshot_of, {"path": path, "search": search}, request.host_url)
    except Exception:  # noqa: BLE001 - a snapshot is an extra; the live page never depends on it
        logging.getLogger(__name__).warning("no first-view snapshot for %s", request.path, exc_info=True)
        return ""


def _snapshot_of(path: str, search: str) -> str:
    from budget.i18n import norm_lang
    from callbacks.shell import render_shell
    from firstview.snapshot import snapshot_html

    page, variables = page_and_variables(app, path)
    if not page:
        return ""
    query = "?" + search if search else ""
    layout = page["layout"](**variables, **query_parameters(query))
    nav, foot, _title = render_shell(path, query)
    tree = shell_layout(nav, html.Div(html.Div(layout)), foot)
    lang = norm_lang(query_parameters(query).get("lang"))
    return f'<div id="ssr-snapshot">{snapshot_html(tree, lang)}</div>'


# Paths Dash and the server own; anything else must be a registered page, or it is a 404.
_SERVER_PREFIXES = ("/_dash-", "/_reload-hash", "/_favicon", "/assets/", "/unduh/")


@server.before_request
def _unknown_path_is_404():
    """Dash answers every path with its index page (HTTP 200). An unknown path gets 404, with the same
    index so the app still draws its friendly, bilingual 404 page."""
    from flask import request

    path = request.path
    if path.startswith("/unduh/") and not re.fullmatch(r"/unduh/[a-z_]{1,40}\.[a-z]{1,10}", path):
        return app.index(), 404  # not the shape of a download: Dash's catch-all would answer 200
    if request.method != "GET" or path.startswith(_SERVER_PREFIXES) or page_for(path) is not None:
        return None
    if path.startswith("/api/") and request.blueprint != "api":
        from api.routes import not_found

        return not_found()  # the API's own JSON 404, never Dash's index page
    if request.blueprint in ("lite", "kelola", "api", "api_docs"):  # they answer their own 404s
        return None
    from werkzeug.routing import RequestRedirect

    if isinstance(request.routing_exception, RequestRedirect):  # /kelola -> /kelola/: Flask's own redirect
        return None
    return app.index(), 404


@server.route("/unduh/<name>.<fmt>")
def _download(name: str, fmt: str):
    """A whole canonical table; `name` and `fmt` are checked against allow-lists."""
    from flask import send_file

    from budget.db import DataUnavailable
    from budget.downloads import FORMATS, TABLES, export_table

    if name not in TABLES or fmt not in FORMATS:
        return app.index(), 404  # the app's own bilingual "not found" page, not Flask's
    try:
        path = export_table(name, fmt)
    except DataUnavailable:
        return app.index(), 503
    mime = "text/csv" if fmt == "csv" else "application/vnd.apache.parquet"
    return send_file(path, mimetype=mime, as_attachment=True, download_name=f"{name}.{fmt}")


server.config["MAX_CONTENT_LENGTH"] = headers.MAX_BODY


@server.before_request
def _request_limits():
    """Caps before anything is parsed: the query string (414), the body (413, by Flask), and every
    callback payload's shape and types (400, `serving/guard.py`)."""
    from flask import request

    if len(request.query_string) > headers.MAX_QUERY:
        if request.path.startswith("/api/"):  # the API's own error shape (a 400, as for any bad parameter)
            from api.routes import too_long

            return too_long(headers.MAX_QUERY)
        return headers.json_error(414, f"query string over {headers.MAX_QUERY} bytes")
    if request.method == "POST" and request.path == "/_dash-update-component":
        from serving import guard

        body = request.get_json(silent=True)  # over headers.MAX_BODY: RequestEntityTooLarge (413)
        why = "the body is not JSON" if body is None else guard.check(body, app.callback_map)
        if why:
            logging.getLogger("serving.guard").warning("refused a callback payload: %s", why)
            return headers.json_error(400, why)
        return _cached_answer(body)
    return None


def _cached_answer(body: dict):
    """A page or shell callback already answered for this data version: the stored JSON, as it was sent."""
    from flask import Response, g, request

    from budget import db
    from serving import cache

    k = cache.response_key(body, request.host_url)
    if k is None:
        return None
    hit = cache.get_response(k)
    if hit is not None:
        return Response(hit, mimetype="application/json")
    try:
        g.response_cache = (k, db.data_version())  # stored after the request, if it succeeds
    except db.DataUnavailable:
        pass
    return None


@server.after_request
def _store_answer(resp):
    from flask import g

    pending = g.pop("response_cache", None)
    failed = g.pop("no_store", False)  # a page that showed an error or a timeout notice
    if pending is not None and not failed and resp.status_code == 200 and resp.mimetype == "application/json":
        from serving import cache

        cache.set_response(pending[0], pending[1], resp.get_data())
    return resp


@server.errorhandler(Exception)
def _unexpected(exc):
    """No request ever ends in a 500 with a traceback: HTTP errors keep their status; a malformed
    request to Dash's endpoints is a 400; a callback that fails anyway is logged and changes nothing
    on the page (204, which Dash treats as 'no update'); anything else gets the app's own page (503)."""
    from flask import request
    from werkzeug.exceptions import HTTPException

    if isinstance(exc, HTTPException):
        if exc.code == 413:
            return headers.json_error(413, f"body over {headers.MAX_BODY} bytes")
        return exc
    from dash.exceptions import CallbackException, DependencyException

    logger = logging.getLogger(__name__)
    if isinstance(exc, DependencyException):  # a script or stylesheet Dash does not have
        return headers.json_error(404, "no such file")
    if request.path.startswith("/_dash-"):
        if isinstance(exc, (KeyError, TypeError, ValueError, AttributeError, IndexError, CallbackException)):
            logger.warning("bad request to %s: %r", request.path, exc)
            return headers.json_error(400, "malformed request")
        if request.path != "/_dash-update-component":
            logger.exception("request failed on %s", request.path)
            return headers.json_error(400, "malformed request")
        logger.exception("callback failed on %s", request.path)
        return "", 204
    logger.exception("request failed on %s", request.path)
    return app.index(), 503


@server.after_request
def _security_headers(resp):
    return headers.secure(resp, app.csp_hashes)


if __name__ == "__main__":
    # `make dev` sets DASH_DEBUG=1; served processes (gunicorn) never run the debugger.
    app.run(
        host="127.0.0.1",
        port=settings.current().port,
        debug=settings.current().dash_debug,
        dev_tools_disable_version_check=True,  # no calls to outside servers, even in development
    )
