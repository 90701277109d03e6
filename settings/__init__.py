"""Every setting of a deployment, in one typed object: the only module that reads the environment.

`current()` is the settings of this process, read from the environment; it is read again only when
one of the variables below changes (a test, a command pointing at another file), never per call site.
Code that works on another database file than the served one (the ETL's checks of a file it is
building, a rollback) is handed that file, not a rewritten environment. README, "Settings", lists
every variable with its default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = ROOT / "data" / "reference"
DEFAULT_DB = ROOT / "data" / "budget.duckdb"
DEFAULT_REGION = "33.25"  # Kabupaten Batang


class SettingError(ValueError):
    """A variable holds a value it cannot have; names the variable and the value."""


@dataclass(frozen=True)
class Settings:
    # The data
    budget_db: Path = DEFAULT_DB  # BUDGET_DB: the published DuckDB file
    boundaries_dir: Path | None = None  # BOUNDARIES_DIR: village boundary GeoJSON, when a deployment has it
    region: str = DEFAULT_REGION  # REGION: the Kemendagri code of the kabupaten/kota
    query_timeout: float = 2.0  # QUERY_TIMEOUT: seconds before a statement is stopped
    generations_dir: Path | None = None  # GENERATIONS_DIR (default: .generations beside the database)
    generations_keep: int = 5  # GENERATIONS: earlier published files kept for rollback
    etl_max_file_mb: int = 512  # ETL_MAX_FILE_MB: the size limit of one source file
    # The cache
    cache_warm: bool = True  # CACHE_WARM=1: render the most visited views after a publish
    # The console (/kelola)
    secret_key: str | None = None  # SECRET_KEY: signs the console's session cookie
    admin_user: str = ""  # ADMIN_USER
    admin_password_hash: str = ""  # ADMIN_PASSWORD_HASH (python -m etl hash-password)
    kelola_users: Path | None = None  # KELOLA_USERS: a file of name:hash lines
    kelola_inbox: Path | None = None  # KELOLA_INBOX (default: inbox beside the database)
    kelola_idle_minutes: int = 30  # KELOLA_IDLE_MINUTES
    kelola_job_seconds: int = 300  # KELOLA_JOB_SECONDS: a check or publish job's time limit
    kelola_job_memory_mb: int = 4096  # KELOLA_JOB_MEMORY_MB
    login_attempts: int = 5  # KELOLA_LOGIN_ATTEMPTS: failed logins per address and minute, across workers
    # Mail (digests); nothing is sent while SMTP_HOST is unset
    smtp_host: str | None = None  # SMTP_HOST
    smtp_port: int = 587  # SMTP_PORT
    smtp_user: str | None = None  # SMTP_USER
    smtp_password: str | None = None  # SMTP_PASSWORD
    smtp_from: str | None = None  # SMTP_FROM
    smtp_starttls: bool = True  # SMTP_STARTTLS=0 for a plain loopback server
    # Serving
    log_level: str = "INFO"  # LOG_LEVEL
    port: int = 8050  # PORT (make dev; gunicorn.conf.py reads its own bind settings)
    dash_debug: bool = False  # DASH_DEBUG=1 only under `make dev`

    @property
    def inbox(self) -> Path:
        return self.kelola_inbox or self.budget_db.parent / "inbox"

    @property
    def generations(self) -> Path:
        return self.generations_dir or self.budget_db.parent / ".generations"

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        def text(name: str) -> str | None:
            value = (env.get(name) or "").strip()
            return value or None

        def path(name: str) -> Path | None:
            value = text(name)
            return Path(value) if value else None

        def number(name: str, default, low, kind=int):
            value = text(name)
            if value is None:
                return default
            try:
                return max(low, kind(value))
            except ValueError:
                raise SettingError(f"{name}: expected a number, found {value[:40]!r}") from None

        def flag(name: str, default: bool) -> bool:
            value = text(name)
            return default if value is None else value == "1"

        region = text("REGION") or DEFAULT_REGION
        if not (len(region) == 5 and region[2] == "." and (region[:2] + region[3:]).isdigit()):
            raise SettingError(f"REGION: expected a kabupaten/kota code like 33.25, found {region[:20]!r}")
        return cls(
            budget_db=path("BUDGET_DB") or DEFAULT_DB,
            boundaries_dir=path("BOUNDARIES_DIR"),
            region=region,
            query_timeout=number("QUERY_TIMEOUT", 2.0, 0.05, float),
            generations_dir=path("GENERATIONS_DIR"),
            generations_keep=number("GENERATIONS", 5, 1),
            etl_max_file_mb=number("ETL_MAX_FILE_MB", 512, 1),
            cache_warm=flag("CACHE_WARM", True),
            secret_key=text("SECRET_KEY"),
            admin_user=text("ADMIN_USER") or "",
            admin_password_hash=text("ADMIN_PASSWORD_HASH") or "",
            kelola_users=path("KELOLA_USERS"),
            kelola_inbox=path("KELOLA_INBOX"),
            kelola_idle_minutes=number("KELOLA_IDLE_MINUTES", 30, 1),
            kelola_job_seconds=number("KELOLA_JOB_SECONDS", 300, 5),
            kelola_job_memory_mb=number("KELOLA_JOB_MEMORY_MB", 4096, 1),
            login_attempts=number("KELOLA_LOGIN_ATTEMPTS", 5, 1),
            smtp_host=text("SMTP_HOST"),
            smtp_port=number("SMTP_PORT", 587, 1),
            smtp_user=text("SMTP_USER"),
            smtp_password=text("SMTP_PASSWORD"),
            smtp_from=text("SMTP_FROM"),
            smtp_starttls=flag("SMTP_STARTTLS", True),
            log_level=(text("LOG_LEVEL") or "INFO").upper(),
            port=number("PORT", 8050, 1),
            dash_debug=flag("DASH_DEBUG", False),
        )


# The variables `from_env` reads: `current()` is read again when one of them changes.
VARIABLES = (
    "BUDGET_DB",
    "BOUNDARIES_DIR",
    "REGION",
    "QUERY_TIMEOUT",
    "GENERATIONS_DIR",
    "GENERATIONS",
    "ETL_MAX_FILE_MB",
    "CACHE_WARM",
    "SECRET_KEY",
    "ADMIN_USER",
    "ADMIN_PASSWORD_HASH",
    "KELOLA_USERS",
    "KELOLA_INBOX",
    "KELOLA_IDLE_MINUTES",
    "KELOLA_JOB_SECONDS",
    "KELOLA_JOB_MEMORY_MB",
    "KELOLA_LOGIN_ATTEMPTS",
    "SMTP_HOST",
    "SMTP_PORT",
    "SMTP_USER",
    "SMTP_PASSWORD",
    "SMTP_FROM",
    "SMTP_STARTTLS",
    "LOG_LEVEL",
    "PORT",
    "DASH_DEBUG",
)
_read: dict[tuple, Settings] = {}


def current() -> Settings:
    """This process's settings (read from the environment once per distinct set of values)."""
    snapshot = tuple(os.environ.get(name) for name in VARIABLES)
    found = _read.get(snapshot)
    if found is None:
        _read.clear()
        found = _read[snapshot] = Settings.from_env(os.environ)
    return found


def db_path() -> Path:
    """The published DuckDB file: $BUDGET_DB, else data/budget.duckdb."""
    return current().budget_db


def boundaries_dir() -> Path | None:
    """Where a deployment keeps boundary GeoJSON ($BOUNDARIES_DIR); None when not configured."""
    return current().boundaries_dir


def environment(**changes: str | Path | None) -> dict[str, str]:
    """This process's environment with some settings changed, for a child process (`BUDGET_DB=...`)."""
    env = dict(os.environ)
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = str(value)
    return env
