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

from budget.config import db_path


class DataUnavailable(RuntimeError):
    """The database file is missing or unreadable; pages show a friendly notice instead."""


class _State(threading.local):
    cursor: duckdb.DuckDBPyConnection | None = None
    ident: tuple | None = None


_lock = threading.Lock()
_conn: dict[str, object] = {"pid": None, "ident": None, "con": None}
_local = _State()


def _identity(path: Path) -> tuple:
    st = path.stat()
    return (str(path), st.st_ino, st.st_dev, st.st_mtime_ns)


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
            try:
                con = duckdb.connect(str(path), read_only=True, config={"threads": 2})
            except duckdb.Error as exc:
                raise DataUnavailable(f"cannot open {path}: {exc}") from exc
            # The old connection is left to the garbage collector: other threads may still be
            # finishing a query on it, and they move to the new file on their next call.
            _conn.update(pid=os.getpid(), ident=ident, con=con)
        con = _conn["con"]
    _local.cursor = con.cursor()  # type: ignore[union-attr]
    _local.ident = ident
    return _local.cursor


def query(sql: str, params: list | tuple | dict | None = None) -> list[tuple]:
    """Run one parameterised statement and return all rows."""
    return cursor().execute(sql, params or []).fetchall()


def query_df(sql: str, params: list | tuple | dict | None = None):
    """Run one parameterised statement and return a pandas DataFrame."""
    return cursor().execute(sql, params or []).df()
