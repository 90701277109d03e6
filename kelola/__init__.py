"""The data officer's console, `/kelola`: log in, upload, check, publish, roll back (server-rendered).

Set up by `init_app(server)`: the signed session cookie (SECRET_KEY from the environment, HttpOnly,
SameSite=Lax, Secure over HTTPS, scoped to /kelola), CSRF protection for the console's forms only
(Flask-WTF; Dash's own POSTs are not forms), and the failed-login rate limit (Flask-Limiter).
"""

from __future__ import annotations

import datetime as dt

from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFProtect

import settings

csrf = CSRFProtect()


def idle_minutes() -> int:
    return settings.current().kelola_idle_minutes


class _SessionInterface(SecureCookieSessionInterface):
    """The session cookie is Secure whenever the request came over HTTPS (directly, or through a trusted
    proxy that gunicorn believes; see `forwarded_allow_ips`)."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config.get("SESSION_COOKIE_SECURE")) or request.is_secure


def init_app(server: Flask) -> None:
    from kelola.routes import bp

    secret = settings.current().secret_key
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
    server.register_blueprint(bp)
