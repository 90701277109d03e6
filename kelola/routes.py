"""Routes of the console. Every path needs a logged-in officer, except the login page itself; without
SECRET_KEY or an account, every path says the console is not configured and serves nothing else.

Jobs (check, publish, rollback) run in processes of their own (`kelola/inbox.py`, `etl/batch.py`); these
views only store uploads, start jobs, and read what the jobs wrote.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
from decimal import Decimal, InvalidOperation
from functools import wraps

from flask import Blueprint, Response, abort, g, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFError, generate_csrf
from werkzeug.exceptions import RequestEntityTooLarge

from budget.fmt import number, rupiah_full
from budget.i18n import datetime_text, month, norm_lang
from etl.generations import keep, list_generations, provenance
from etl.schema import TAHAP, YEAR_MAX, YEAR_MIN
from etl.validate import max_file_bytes
from kelola import attempts, auth, idle_minutes, inbox
from kelola.strings import k

bp = Blueprint("kelola", __name__, url_prefix="/kelola", template_folder="templates")
ISSUES_SHOWN = 500


# ---------------------------------------------------------------------------------------------
# Request set-up: language, configuration, idle expiry, CSRF, the upload size
# ---------------------------------------------------------------------------------------------
@bp.before_request
def _before():
    lang = request.args.get("lang")
    missing = auth.configured()
    if missing:  # no session can be signed, or no one can log in: nothing else is served
        g.lang = norm_lang(lang)
        return _page("not_configured.html", 503, what=missing)
    if lang in ("id", "en"):
        session["lang"] = lang
    g.lang = norm_lang(lang or session.get("lang"))
    user = session.get("user")
    if user:
        if time.time() - session.get("seen", 0) > idle_minutes() * 60:
            session.clear()
            session["lang"] = g.lang
            return redirect(url_for("kelola.login", expired=1))
        session["seen"] = time.time()
        session.permanent = True
        g.user = user
    elif request.endpoint != "kelola.login":
        return redirect(url_for("kelola.login"))  # no data, and no form is read, without a session
    if request.endpoint == "kelola.upload":
        # Up to MAX_FILES files of the command line's size limit, plus the form around them (Flask 3.1).
        request.max_content_length = max_file_bytes() * inbox.MAX_FILES + 2**20
    if request.method == "POST":
        from kelola import csrf

        csrf.protect()  # CSRFError (400) without a valid token
    return None


@bp.after_request
def _after(resp: Response) -> Response:
    resp.headers["Cache-Control"] = "no-store"  # nothing of the console is kept by browsers or proxies
    resp.headers["X-Frame-Options"] = "DENY"
    resp.headers["Referrer-Policy"] = "same-origin"
    return resp


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not getattr(g, "user", None):
            return redirect(url_for("kelola.login"))
        return view(*args, **kwargs)

    return wrapper


def _page(template: str, code: int = 200, **values) -> Response:
    html = render_template(
        f"kelola/{template}",
        lang=g.get("lang", "id"),
        user=g.get("user"),
        k=k,
        csrf_token=None if auth.configured() else generate_csrf,
        **values,
    )
    return Response(html, code, mimetype="text/html")


@bp.app_template_global("kelola_when")
def _when(value, lang: str) -> str:
    if not value or value == "?":
        return "–"
    try:
        return datetime_text(dt.datetime.fromisoformat(str(value)), lang)
    except ValueError:
        return str(value)


@bp.app_template_global("kelola_money")
def _money(value, lang: str) -> str:
    try:
        return rupiah_full(Decimal(value), lang)
    except (InvalidOperation, TypeError):
        return "–"


@bp.app_template_global("kelola_count")
def _count(value, lang: str) -> str:
    try:
        return number(int(value), lang)
    except (TypeError, ValueError):
        return "–"


@bp.app_template_global("kelola_partition")
def _partition(p: dict, lang: str, count: int | None = None) -> str:
    parts = []
    for key, v in p.items():
        if key == "bulan":
            parts.append(month(int(v), lang))
        elif key == "tahap":
            parts.append(k(v, lang) if v in TAHAP else v)
        else:
            parts.append(str(v))
    if count:
        parts.append(k("villages", lang, n=count))
    return " · ".join(parts)


# ---------------------------------------------------------------------------------------------
# Errors: the console's own pages, never JSON or a traceback
# ---------------------------------------------------------------------------------------------
@bp.errorhandler(CSRFError)
def _csrf_error(exc):
    return _page("message.html", 400, message=k("csrf", g.get("lang", "id")))


@bp.errorhandler(429)
def _too_many(exc):
    return _page("login.html", 429, error=k("rate_limited", g.get("lang", "id")))


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(exc):
    mb = (max_file_bytes() * inbox.MAX_FILES) // 2**20
    return _page("message.html", 413, message=k("request_too_large", g.get("lang", "id"), mb=mb))


@bp.errorhandler(404)
def _not_found(exc):
    return _page("message.html", 404, message=k("not_found", g.get("lang", "id")))


# ---------------------------------------------------------------------------------------------
# Login
# ---------------------------------------------------------------------------------------------
def _attempt_keys() -> list[str]:
    """What failed logins are counted by: the address, and the account name tried."""
    return ["ip:" + (request.remote_addr or "?"), "user:" + (request.form.get("user") or "").strip().lower()[:64]]


@bp.route("/masuk", methods=["GET", "POST"])
def login():
    lang = g.lang
    if request.method == "GET":
        if g.get("user"):
            return redirect(url_for("kelola.home"))
        return _page("login.html", error=k("expired", lang) if request.args.get("expired") else None)
    keys = _attempt_keys()
    if attempts.blocked(keys):  # counted across every worker (kelola/attempts.py)
        return _page("login.html", 429, error=k("rate_limited", lang))
    name = auth.check(request.form.get("user", "")[:200], request.form.get("password", "")[:1000])
    ip = request.remote_addr
    if name is None:
        attempts.failed(keys)
        inbox.audit((request.form.get("user") or "")[:64], "login_failed", ip)
        return _page("login.html", 401, error=k("login_failed", lang))
    session.clear()  # a fresh session (and CSRF token) at every login
    session.update(user=name, seen=time.time(), lang=lang)
    session.permanent = True
    inbox.audit(name, "login", ip)
    return redirect(url_for("kelola.home"), 303)


@bp.post("/keluar")
@login_required
def logout():
    inbox.audit(g.user, "logout", request.remote_addr)
    lang = g.lang
    session.clear()
    session["lang"] = lang
    return redirect(url_for("kelola.login"), 303)


# ---------------------------------------------------------------------------------------------
# The console: upload form, recent batches, history, audit log
# ---------------------------------------------------------------------------------------------
def _current() -> dict | None:
    from settings import db_path

    path = db_path()
    return provenance(path) if path.exists() else None


def _history() -> list:
    from settings import db_path

    return list_generations(db_path())


def _console(code: int = 200, problems: list[str] | None = None) -> Response:
    """The console's main page: upload form, recent batches, history, audit log (and any upload problems)."""
    entries, total = inbox.audit_tail()
    return _page(
        "home.html",
        code,
        batches=inbox.batches(),
        current=_current(),
        generations=_history(),
        keep=keep(),
        audit=entries,
        audit_total=total,
        max_files=inbox.MAX_FILES,
        max_mb=max_file_bytes() // 2**20,
        years=range(dt.date.today().year + 1, YEAR_MIN + 19, -1),
        problems=problems or [],
    )


@bp.get("/")
@login_required
def home():
    return _console()


def _options(form) -> tuple[dict, list[str]]:
    """The year/stage/month a file may not say, checked against allow-lists."""
    out, bad = {}, []
    tahun, tahap, bulan = form.get("tahun", ""), form.get("tahap", ""), form.get("bulan", "")
    if tahun:
        if tahun.isdigit() and YEAR_MIN <= int(tahun) <= YEAR_MAX:
            out["tahun"] = int(tahun)
        else:
            bad.append(f"bad_option:{k('tahun', g.lang)}")
    if tahap:
        if tahap in TAHAP:
            out["tahap"] = tahap
        else:
            bad.append(f"bad_option:{k('tahap', g.lang)}")
    if bulan:
        if bulan.isdigit() and 1 <= int(bulan) <= 12:
            out["bulan"] = int(bulan)
        else:
            bad.append(f"bad_option:{k('bulan', g.lang)}")
    return out, bad


def _problem_text(p: str) -> str:
    kind, _, rest = p.partition(":")
    lang = g.lang
    if kind == "too_many":
        return k("too_many", lang, n=rest)
    if kind == "bad_type":
        return k("bad_type", lang, name=rest)
    if kind == "too_large":
        name, _, size = rest.rpartition(":")
        return k("too_large", lang, name=name, size=f"{int(size):,}", mb=max_file_bytes() // 2**20)
    if kind == "bad_option":
        return k("bad_option", lang, name=rest)
    return k(kind, lang)


@bp.post("/unggah")
@login_required
def upload():
    options, bad = _options(request.form)
    files = [
        inbox.Upload(inbox.display_name(f.filename), f) for f in request.files.getlist("files") if f and f.filename
    ]
    bid, problems = (None, bad) if bad else inbox.create_batch(files, g.user, options, max_file_bytes())
    if bid is None:
        inbox.audit(g.user, "upload_refused", request.remote_addr, files=[f.name for f in files], why=problems)
        return _console(400, [_problem_text(p) for p in problems])
    batch = inbox.read_json(inbox.folder() / bid / "batch.json")
    inbox.audit(
        g.user,
        "upload",
        request.remote_addr,
        batch=bid,
        files=[{"name": f["name"], "sha256": f["sha256"], "size": f["size"]} for f in batch["files"]],
    )
    inbox.check(bid)
    return redirect(url_for("kelola.batch", bid=bid), 303)


def _batch_or_404(bid: str):
    path = inbox.batch_folder(bid)
    if path is None:
        abort(404)
    return path


@bp.get("/batch/<bid>")
@login_required
def batch(bid: str):
    path = _batch_or_404(bid)
    b = inbox.read_json(path / "batch.json")
    st = inbox.status(path / "status.json")
    report = inbox.read_json(path / "report.json")
    published = inbox.read_json(path / "published.json")
    running = st is not None and st.get("state") in ("queued", "running")
    return _page(
        "batch.html",
        batch=b,
        status=st,
        report=None if running and (st or {}).get("job") == "check" else report,
        published=published,
        running=running,
        issues_shown=ISSUES_SHOWN,
    )


@bp.get("/batch/<bid>/galat.csv")
@login_required
def errors_csv(bid: str):
    path = _batch_or_404(bid)
    report = inbox.read_json(path / "report.json") or {"issues": []}
    buf = io.StringIO()
    w = csv.writer(buf)
    lang = g.lang
    w.writerow(
        [
            k(c, lang)
            for c in ("col.level", "col.file", "col.sheet", "col.row", "col.column", "col.expected", "col.found")
        ]
    )
    for i in report["issues"]:
        w.writerow(
            [
                k(f"level.{i['level']}", lang),
                i["file"],
                i["sheet"] or "",
                i["row"] or "",
                i["column"] or "",
                i["expected"],
                i["found"],
            ]
        )
    return Response(
        "\ufeff" + buf.getvalue(),  # a BOM, so that Excel opens the UTF-8 text correctly
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="galat-{bid}.csv"'},
    )


@bp.post("/batch/<bid>/terbitkan")
@login_required
def publish(bid: str):
    path = _batch_or_404(bid)
    report = inbox.read_json(path / "report.json")
    st = inbox.status(path / "status.json")
    if report is None or not report.get("publishable") or inbox.read_json(path / "published.json"):
        return _page("message.html", 409, message=k("cannot_publish", g.lang))
    if st is not None and st.get("state") in ("queued", "running"):
        return redirect(url_for("kelola.batch", bid=bid), 303)
    b = inbox.read_json(path / "batch.json")
    inbox.audit(
        g.user,
        "publish",
        request.remote_addr,
        batch=bid,
        files=[{"name": f["name"], "sha256": f["sha256"]} for f in b["files"]],
    )
    inbox.publish(bid, g.user)
    return redirect(url_for("kelola.batch", bid=bid), 303)


# ---------------------------------------------------------------------------------------------
# History and rollback
# ---------------------------------------------------------------------------------------------
def _generation_or_404(gid: str):
    from settings import db_path

    if not inbox.GENERATION_RE.fullmatch(gid or ""):
        abort(404)
    gen = next((x for x in list_generations(db_path()) if x.id == gid), None)
    if gen is None:
        abort(404)
    return gen


@bp.get("/riwayat/<gid>/pulihkan")
@login_required
def rollback_confirm(gid: str):
    return _page("rollback.html", gen=_generation_or_404(gid))


@bp.post("/riwayat/<gid>/pulihkan")
@login_required
def rollback(gid: str):
    gen = _generation_or_404(gid)
    inbox.audit(g.user, "rollback", request.remote_addr, generation=gen.id, sha256=gen.sha256, files=gen.files)
    jid = inbox.rollback(gen.id, g.user)
    return redirect(url_for("kelola.job", jid=jid), 303)


@bp.get("/tugas/<jid>")
@login_required
def job(jid: str):
    st = inbox.job_status(jid)
    if st is None:
        abort(404)
    return _page("job.html", status=st, running=st.get("state") in ("queued", "running"))


@bp.route("/<path:rest>", methods=["GET", "POST"])
def unknown(rest: str):
    """Any other path under /kelola belongs to the console: after its checks (configured, logged in), 404."""
    abort(404)
