"""The console's files: uploaded batches in the inbox, the jobs that check and publish them, the audit log.

The inbox (`KELOLA_INBOX`, default `inbox/` beside the database) is never served. Every upload gets a
fresh folder with a generated id, and every file in it a generated name (`f1.xlsx`, `f2.zip`, ...): the
name the officer's computer gave the file is kept only as text in `batch.json`, so no upload can choose
where it lands. Jobs run `python -m etl.batch` in a process of their own (see `etl/batch.py`); a thread
of the web worker only waits for it, and kills it after the time limit.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import settings
from etl.batch import job_seconds, write_json
from settings import ROOT, db_path

EXTENSIONS = (".csv", ".txt", ".xlsx", ".xlsm", ".xml", ".xls", ".zip")  # what the readers take
MAX_FILES = 10
BATCH_RE = re.compile(r"\d{8}T\d{6}-[0-9a-f]{8}")
JOB_RE = re.compile(r"\d{8}T\d{6}-[0-9a-f]{8}")
GENERATION_RE = re.compile(r"\d{8}T\d{12}-[0-9a-f]{8}")
AUDIT_SHOWN = 100


def folder() -> Path:
    path = settings.current().inbox
    path.mkdir(parents=True, exist_ok=True)
    return path


def _new_id() -> str:
    return dt.datetime.now().strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(4)


def display_name(raw: str | None) -> str:
    """The officer's file name as text to show: no folders, no control characters, at most 120 characters."""
    name = re.split(r"[\\/]", raw or "")[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip() or "(tanpa nama / unnamed)"
    return name[:120]


def safe_extension(name: str) -> str | None:
    ext = Path(name).suffix.lower()
    return ext if ext in EXTENSIONS else None


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclass
class Upload:
    name: str  # as the officer's computer named it (display only)
    stream: object  # a werkzeug FileStorage


def create_batch(uploads: list[Upload], by: str, options: dict, limit_bytes: int) -> tuple[str | None, list[str]]:
    """Store the files under generated names in a new batch folder. Returns (batch id, problems); with
    problems nothing is kept."""
    problems = []
    if not uploads:
        return None, ["no_files"]
    if len(uploads) > MAX_FILES:
        return None, [f"too_many:{MAX_FILES}"]
    for u in uploads:
        if safe_extension(u.name) is None:
            problems.append(f"bad_type:{u.name}")
    if problems:
        return None, problems
    bid = _new_id()
    target = folder() / bid
    target.mkdir()
    files = []
    for n, u in enumerate(uploads, 1):
        stored = f"f{n}{safe_extension(u.name)}"
        path = target / stored
        u.stream.save(str(path))
        size = path.stat().st_size
        if size > limit_bytes:
            problems.append(f"too_large:{u.name}:{size}")
        files.append({"stored": stored, "name": u.name, "size": size, "sha256": _sha256(path)})
    if problems:
        for f in target.iterdir():
            f.unlink()
        target.rmdir()
        return None, problems
    write_json(
        target / "batch.json",
        {"id": bid, "created_at": _now(), "by": by, "files": files, "options": options},
    )
    return bid, []


def _now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


def batch_folder(bid: str) -> Path | None:
    if not BATCH_RE.fullmatch(bid or ""):
        return None
    path = folder() / bid
    return path if (path / "batch.json").exists() else None


def read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def status(path: Path) -> dict | None:
    """A job's status; a job that died without saying so (killed, machine restarted) is reported failed."""
    st = read_json(path)
    if st is None or st.get("state") not in ("queued", "running"):
        return st
    started = dt.datetime.fromisoformat(st.get("started", _now()))
    overdue = (dt.datetime.now() - started).total_seconds() > job_seconds() + 30
    gone = False
    pid = st.get("pid")
    if isinstance(pid, int) and st.get("state") == "running":
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            gone = True
        except PermissionError:
            pass
    if overdue or gone:
        st = {**st, "state": "failed", "message": "time_limit" if overdue else "stopped"}
    return st


def batches(limit: int = 20) -> list[dict]:
    """The newest batches with their state, for the console's list."""
    out = []
    for path in sorted((p for p in folder().iterdir() if BATCH_RE.fullmatch(p.name)), reverse=True)[:limit]:
        b = read_json(path / "batch.json")
        if b is None:
            continue
        rep = read_json(path / "report.json") or {}
        b["status"] = status(path / "status.json")
        b["errors"] = rep.get("errors")
        b["published"] = read_json(path / "published.json")
        out.append(b)
    return out


def start(args: list[str], status_path: Path, job: str) -> None:
    """Run `python -m etl.batch ARGS` in its own process; a thread waits for it and kills it (and its
    children) when it outlives the time limit."""
    write_json(status_path, {"job": job, "state": "queued", "started": _now(), "progress": []})
    log = open(status_path.with_suffix(".log"), "ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "etl.batch", *args],
        cwd=ROOT,
        env=settings.environment(BUDGET_DB=db_path()),
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    log.close()

    def wait():
        try:
            proc.wait(timeout=job_seconds() + 10)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
            st = read_json(status_path) or {"job": job, "progress": []}
            st.update(state="failed", message="time_limit", finished=_now())
            write_json(status_path, st)

    threading.Thread(target=wait, name=f"kelola-{job}", daemon=True).start()


def check(bid: str) -> None:
    path = folder() / bid
    start(["check", str(path)], path / "status.json", "check")


def publish(bid: str, by: str) -> None:
    path = folder() / bid
    start(["publish", str(path), "--by", by], path / "status.json", "publish")


def rollback(gid: str, by: str) -> str:
    jid = _new_id()
    jobs = folder() / "jobs"
    jobs.mkdir(exist_ok=True)
    start(["rollback", gid, "--by", by, "--status", str(jobs / f"{jid}.json")], jobs / f"{jid}.json", "rollback")
    return jid


def job_status(jid: str) -> dict | None:
    if not JOB_RE.fullmatch(jid or ""):
        return None
    return status(folder() / "jobs" / f"{jid}.json")


# ---------------------------------------------------------------------------------------------
# The audit log: one JSON line per action (who, when, from where, what, which files and their SHA-256)
# ---------------------------------------------------------------------------------------------
def audit(who: str, action: str, ip: str | None, **details) -> None:
    line = json.dumps({"at": _now(), "who": who, "ip": ip, "action": action, **details}, ensure_ascii=False)
    with open(folder() / "audit.log", "a", encoding="utf-8") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        fh.write(line + "\n")
        fcntl.flock(fh, fcntl.LOCK_UN)


def audit_tail(limit: int = AUDIT_SHOWN) -> tuple[list[dict], int]:
    """The newest entries first, and how many there are in all."""
    try:
        lines = (folder() / "audit.log").read_text(encoding="utf-8").splitlines()
    except OSError:
        return [], 0
    out = []
    for line in reversed(lines[-limit:]):
        try:
            out.append(json.loads(line))
        except ValueError:
            continue
    return out, len(lines)
