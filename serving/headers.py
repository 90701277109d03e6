"""The HTTP headers every answer carries, and the caps on what a request may send.

- `secure(resp, script_hashes)`: the Content-Security-Policy (no external origin; inline scripts only by
  hash), nosniff, frame and referrer rules, permissions and opener policy. Set with `setdefault`, so a view
  that needs another policy (an embeddable card) says so on its own response.
- `long_cache(resp, path, args)`: a year's `immutable` caching for files whose URL changes when they do.
- `MAX_BODY`, `MAX_QUERY` and `json_error`: the request caps (413, 414) and the short JSON answer they get.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from flask import Response, jsonify

MAX_BODY = 1024 * 1024  # a callback payload is a few kB; nothing larger is read (413)
MAX_QUERY = 2048  # bytes of query string (414); every page's state fits in a few hundred

FINGERPRINTED = re.compile(r"\.v[0-9a-z_]+m\d+(\.\d+)*(\.min)?\.(js|css|map)$")

PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
NOT_A_PAGE = "default-src 'none'; frame-ancestors 'self'"

_REASONS = {400: "bad request", 404: "not found", 413: "payload too large", 414: "URI too long"}


def json_error(status: int, reason: str) -> Response:
    resp = jsonify({"error": _REASONS.get(status, "error"), "why": reason})
    resp.status_code = status
    return resp


def csp(script_hashes: Iterable[str]) -> str:
    """No external origin anywhere. Inline scripts are allowed only by hash (Dash's renderer start-up and
    the clientside callbacks). Styles need 'unsafe-inline': Dash components set style attributes and
    plotly.js writes its own <style> elements."""
    hashes = " ".join(script_hashes)
    return (
        "default-src 'self'; "
        f"script-src 'self' {hashes}; "
        "style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; "
        "font-src 'self' data:; "
        "connect-src 'self'; "
        "worker-src 'self' blob:; "
        "manifest-src 'self'; "
        "object-src 'none'; "
        "base-uri 'self'; "
        "form-action 'self'; "
        "frame-ancestors 'self'"
    )


def secure(resp: Response, script_hashes: Callable[[], Iterable[str]]) -> Response:
    """`script_hashes` is asked only for HTML answers. It is called per page: Dash Pages registers one of
    its clientside callbacks while it sets itself up, so the set of inline scripts is only complete then
    (a few hashes of short strings; microseconds)."""
    policy = csp(script_hashes()) if resp.mimetype == "text/html" else NOT_A_PAGE
    resp.headers.setdefault("Content-Security-Policy", policy)
    resp.headers.setdefault("X-Content-Type-Options", "nosniff")
    resp.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
    resp.headers.setdefault("Referrer-Policy", "same-origin")
    resp.headers.setdefault("Permissions-Policy", PERMISSIONS)
    resp.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    return resp


def long_cache(resp: Response, path: str, args: Mapping[str, str]) -> Response:
    """A file whose URL changes when it changes (Dash's `?m=<mtime>` on assets, its `.v<version>m<time>`
    component bundles) is cached for a year and never revalidated; everything else keeps its ETag."""
    fingerprinted = (path.startswith("/assets/") and args.get("m")) or (
        path.startswith("/_dash-component-suites/") and FINGERPRINTED.search(path)
    )
    if fingerprinted and resp.status_code == 200:
        resp.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    return resp
