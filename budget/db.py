"""Read-only DuckDB access for the web process: one connection per process, a cursor per thread.

The connection is opened lazily (so after gunicorn forks) and reopened when the ETL has
atomically replaced the file (its inode changes), so a publish shows up without a restart
and a reader never sees a half-written file.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb

import settings
from settings import db_path


class DataUnavailable(RuntimeError):
    """The database file is missing or unreadable; pages show a friendly notice instead."""

    def __init__(self, message: str, unreadable: bool = False):
        super().__init__(message)
        self.unreadable = unreadable  # the file is there but cannot be opened (damaged, cut short)


class _State(threading.local):
    cursor: duckdb.DuckDBPyConnection | None = None
    ident: tuple | None = None


_lock = threading.Lock()
_conn: dict[str, object] = {"pid": None, "ident": None, "con": None}
_local = _State()


def _identity(path: Path) -> tuple:
    st = path.stat()
    return (str(path), st.st_ino, st.st_dev, st.st_mtime_ns)


def data_version() -> str:
    """A short name for the published file (it changes with every publish)."""
    import hashlib

    try:
        ident = _identity(db_path())
    except FileNotFoundError as exc:
        raise DataUnavailable(f"database file not found: {db_path()}") from exc
    return hashlib.sha256(repr(ident).encode()).hexdigest()[:16]


def version_folder(kind: str) -> Path:
    """A writable folder for files derived from the published data (downloads, rendered pages), one per
    data version: `.<kind>/<version>` beside the database, or, when that folder is read-only, under the
    temporary folder in a root named after the database's path (two deployments never share one)."""
    import hashlib
    import tempfile

    version = data_version()
    path = db_path().resolve()
    private = hashlib.sha256(str(path).encode()).hexdigest()[:12]
    for root in (path.parent / f".{kind}", Path(tempfile.gettempdir()) / f"anggaran-terbuka-{private}" / kind):
        try:
            (root / version).mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(root / version, os.W_OK):
            return root / version
    raise DataUnavailable(f"no writable folder for {kind}")


def drop_other_versions(current: Path, keep: int = 0) -> None:
    """Remove the folders of other data versions beside `current` (all, or all but the newest `keep`)."""
    import shutil

    others = sorted(
        (p for p in current.parent.iterdir() if p != current and p.is_dir()), key=lambda p: p.stat().st_mtime
    )
    for other in others[: max(0, len(others) - keep)]:
        shutil.rmtree(other, ignore_errors=True)


def cursor() -> duckdb.DuckDBPyConnection:
    """A cursor on the current published file, private to this thread."""
    path = db_path()
    try:
        ident = _identity(path)
    except FileNotFoundError as exc:
        raise DataUnavailable(f"database file not found: {path}") from exc
    if _local.cursor is not None and _local.ident == ident and _conn["pid"] == os.getpid():
        return _local.cursor
    with _lock:
        if _conn["pid"] != os.getpid() or _conn["ident"] != ident or _conn["con"] is None:
            _conn.update(pid=os.getpid(), ident=ident, con=_open(path))
        con = _conn["con"]
    cur = con.cursor()  # type: ignore[union-attr]
    cur.execute("USE budget").fetchall()
    _local.cursor, _local.ident = cur, ident
    return cur


def _open(path: Path) -> duckdb.DuckDBPyConnection:
    """A fresh in-memory instance with the file attached READ_ONLY.

    DuckDB caches database instances by path, so connecting to the same path again after a
    publish would hand back the old, replaced file while any cursor on it lives. An in-memory
    instance is never shared, and attaching the file afresh always reads the current one.
    The old instance is left to the garbage collector once its last cursor is gone.
    """
    try:
        con = duckdb.connect(":memory:", config={"threads": 2})
        con.execute("ATTACH ? AS budget (READ_ONLY)", [str(path)]).fetchall()
    except duckdb.Error as exc:
        raise DataUnavailable(f"cannot open {path}: {exc}", unreadable=True) from exc
    return con


class QueryTimeout(RuntimeError):
    """A statement ran past the query timeout (`settings.query_timeout`, $QUERY_TIMEOUT) and was
    interrupted; the page says so instead of waiting."""


def _timed(run):
    """Run `run(cursor)` with DuckDB's interrupt() armed after the query timeout."""
    seconds = settings.current().query_timeout
    cur = cursor()
    timer = threading.Timer(seconds, cur.interrupt)
    timer.daemon = True
    timer.start()
    try:
        return run(cur)
    except duckdb.InterruptException as exc:
        raise QueryTimeout(f"a query ran past {seconds:g} s and was stopped") from exc
    finally:
        timer.cancel()


def query(sql: str, params: list | tuple | dict | None = None) -> list[tuple]:
    """Run one parameterised statement and return all rows (stopped after QUERY_SECONDS)."""
    return _timed(lambda cur: cur.execute(sql, params or []).fetchall())


def query_df(sql: str, params: list | tuple | dict | None = None):
    """Run one parameterised statement and return a pandas DataFrame (stopped after QUERY_SECONDS)."""
    return _timed(lambda cur: cur.execute(sql, params or []).df())
