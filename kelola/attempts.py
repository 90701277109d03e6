"""Failed logins, counted where every worker sees them: a small SQLite file in the console's inbox.

gunicorn runs several worker processes; a counter in each worker's memory lets an address try N times
the limit. Here every failure is one row (key, time) in `login-attempts.sqlite`; a login is refused
while a key (the address, or the account name) has `settings.login_attempts` failures in the last
minute. SQLite's locking makes the count exact across processes; rows older than the window are
dropped as new ones arrive.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import settings

WINDOW_SECONDS = 60
FILE = "login-attempts.sqlite"


def _connect() -> sqlite3.Connection:
    folder: Path = settings.current().inbox
    folder.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(folder / FILE, timeout=5, isolation_level=None)
    con.execute("CREATE TABLE IF NOT EXISTS failure (key TEXT NOT NULL, at REAL NOT NULL)")
    con.execute("CREATE INDEX IF NOT EXISTS failure_key ON failure (key, at)")
    return con


def blocked(keys: list[str], now: float | None = None) -> bool:
    """True when any of `keys` has reached the limit of failures within the window."""
    now = time.time() if now is None else now
    limit = settings.current().login_attempts
    con = _connect()
    try:
        for key in keys:
            (n,) = con.execute(
                "SELECT COUNT(*) FROM failure WHERE key = ? AND at > ?", [key, now - WINDOW_SECONDS]
            ).fetchone()
            if n >= limit:
                return True
        return False
    finally:
        con.close()


def failed(keys: list[str], now: float | None = None) -> None:
    """Count one failure for each of `keys`."""
    now = time.time() if now is None else now
    con = _connect()
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("DELETE FROM failure WHERE at <= ?", [now - WINDOW_SECONDS])
        con.executemany("INSERT INTO failure VALUES (?, ?)", [(k, now) for k in keys])
        con.execute("COMMIT")
    finally:
        con.close()
