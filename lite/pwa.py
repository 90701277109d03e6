"""Installable and readable offline: the web app manifest, the service worker (`lite/sw.js`, with cache
names tied to the asset fingerprint and the data version) and fingerprinted asset URLs for the light
pages. Registered on the same blueprint as the light pages."""

from __future__ import annotations

import hashlib
import html
import json
from functools import lru_cache
from pathlib import Path

from flask import make_response

from budget import db
from budget.i18n import LANGS, t

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
SW_SOURCE = Path(__file__).resolve().parent / "sw.js"


def asset_url(name: str) -> str:
    """An asset's URL with its fingerprint, as Dash builds it (`?m=<mtime>`): cached for a year."""
    return f"/assets/{name}?m={(ASSETS / name).stat().st_mtime}"


@lru_cache(maxsize=1)
def assets_fingerprint() -> str:
    """One hash over every asset's name, size and time, the Dash version and the worker itself."""
    import dash

    h = hashlib.sha256(dash.__version__.encode())
    for path in sorted(ASSETS.rglob("*")) + [SW_SOURCE]:
        if path.is_file():
            st = path.stat()
            h.update(f"{path.relative_to(ROOT)}:{st.st_size}:{st.st_mtime}".encode())
    return h.hexdigest()[:12]


def manifest() -> dict:
    return {
        "name": t("manifest.name"),
        "short_name": t("manifest.short_name"),
        "description": t("manifest.description"),
        "lang": "id",
        "start_url": "/ringkasan",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#143d6b",
        "icons": [
            {"src": "/assets/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
            {"src": "/assets/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
            {
                "src": "/assets/icons/icon-maskable-512.png",
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }


def manifest_response():
    resp = make_response(json.dumps(manifest(), ensure_ascii=False))
    resp.headers["Content-Type"] = "application/manifest+json"
    resp.headers["Cache-Control"] = "public, max-age=86400"
    return resp


def worker_response():
    """The service worker, with this release's and this data version's cache names. Never cached by HTTP
    (browsers check it on every navigation), so a publish reaches every phone that comes online."""
    try:
        data = db.data_version()
    except db.DataUnavailable:
        data = "none"
    text = SW_SOURCE.read_text(encoding="utf-8")
    offline = {lang: html.escape(t("sw.offline", lang)) for lang in LANGS}
    text = text.replace("__ASSETS__", assets_fingerprint()).replace("__DATA__", data)
    text = text.replace("__OFFLINE__", json.dumps(offline, ensure_ascii=True))
    resp = make_response(text)
    resp.headers["Content-Type"] = "text/javascript; charset=utf-8"
    resp.headers["Cache-Control"] = "no-cache"
    resp.headers["Service-Worker-Allowed"] = "/"
    # A worker lives under its own script's policy: it fetches pages and files of this site, nothing else.
    resp.headers["Content-Security-Policy"] = "default-src 'none'; connect-src 'self'"
    return resp
