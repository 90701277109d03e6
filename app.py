"""Anggaran Terbuka: the Dash app. `server` is the WSGI entry point for gunicorn (app:server)."""

from __future__ import annotations

import logging
import os

import dash
from dash import Dash, dcc, html

from components.shell import ID_FOOTER, ID_NAV, ID_TITLE, ID_URL, page_for

logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))

app = Dash(
    __name__,
    use_pages=True,
    serve_locally=True,  # every script and stylesheet comes from this server: no CDN
    title="Anggaran Terbuka · Kabupaten Batang",
    update_title=None,
    meta_tags=[
        {"name": "viewport", "content": "width=device-width, initial-scale=1"},
        {"name": "description", "content": "APBD dan APBDes Kabupaten Batang, terbuka untuk semua warga."},
        {"name": "theme-color", "content": "#143d6b"},
    ],
)
app.layout = html.Div(
    [
        dcc.Location(id=ID_URL, refresh="callback-nav"),
        dcc.Store(id=ID_TITLE),
        html.Header(id=ID_NAV, className="shell-header"),
        html.Main(dash.page_container, className="container py-3"),
        html.Footer(id=ID_FOOTER, className="shell-footer"),
    ]
)
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

# Paths Dash and the server own; anything else must be a registered page, or it is a 404.
_SERVER_PREFIXES = ("/_dash-", "/_reload-hash", "/_favicon", "/assets/", "/unduh/")


@server.before_request
def _unknown_path_is_404():
    """Dash answers every path with its index page (HTTP 200). An unknown path gets 404, with the same
    index so the app still draws its friendly, bilingual 404 page."""
    from flask import request

    path = request.path
    if request.method != "GET" or path.startswith(_SERVER_PREFIXES) or page_for(path) is not None:
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


@server.errorhandler(KeyError)
@server.errorhandler(TypeError)
@server.errorhandler(ValueError)
def _bad_request(exc):
    """A malformed request to Dash's endpoints gets a 400, not a 500 with a traceback in the log only."""
    from flask import jsonify, request

    logging.getLogger(__name__).warning("bad request to %s: %s", request.path, exc)
    return jsonify({"error": "bad request"}), 400


@server.after_request
def _security_headers(resp):
    resp.headers.setdefault("X-Content-Type-Options", "nosniff")
    resp.headers.setdefault("Referrer-Policy", "same-origin")
    return resp


if __name__ == "__main__":
    # `make dev` sets DASH_DEBUG=1; served processes (gunicorn) never run the debugger.
    app.run(
        host="127.0.0.1",
        port=int(os.environ.get("PORT", "8050")),
        debug=os.environ.get("DASH_DEBUG") == "1",
        dev_tools_disable_version_check=True,  # no calls to outside servers, even in development
    )
