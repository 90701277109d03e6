"""The data officer's console, `/kelola`: log in, upload, check, publish, roll back (server-rendered).

Set up by `init_app(server)`: the signed session cookie (SECRET_KEY from the environment, HttpOnly,
SameSite=Lax, Secure over HTTPS, scoped to /kelola), CSRF protection for the console's forms only
(Flask-WTF; Dash's own POSTs are not forms), and the failed-login rate limit (Flask-Limiter).
"""

from __future__ import annotations

import datetime as dt
import os

from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
limiter = Limiter(
    get_remote_address,
    # Counters live in each worker's memory unless RATELIMIT_STORAGE_URI names a shared store (redis://...):
    # with N workers an address gets at most N x 5 tries a minute. See the README.
    storage_uri=os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
    headers_enabled=True,
)


def idle_minutes() -> int:
    try:
        return max(1, int(os.environ.get("KELOLA_IDLE_MINUTES", "30")))
    except ValueError:
        return 30


class _SessionInterface(SecureCookieSessionInterface):
    """The session cookie is Secure whenever the request came over HTTPS (directly, or through a trusted
    proxy that gunicorn believes; see `forwarded_allow_ips`)."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config.get("SESSION_COOKIE_SECURE")) or request.is_secure


def init_app(server: Flask) -> None:
    from kelola.routes import bp

    secret = os.environ.get("SECRET_KEY")
    if secret:
        server.secret_key = secret
    server.session_interface = _SessionInterface()
    server.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_PATH="/kelola",
        SESSION_COOKIE_NAME="kelola_session",
        PERMANENT_SESSION_LIFETIME=dt.timedelta(minutes=idle_minutes()),
        WTF_CSRF_CHECK_DEFAULT=False,  # checked in the console's own before_request
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the (idle-limited) session
    )
    csrf.init_app(server)
    limiter.init_app(server)
    server.register_blueprint(bp)
