"""Session fixtures: the real demo database, built once through the real ETL (seeded)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from selenium.webdriver.chrome.options import Options

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# Warming renders ~300 views in a background thread; in tests it would only compete with the browser.
# tests/test_cache.py runs it on its own.
os.environ.setdefault("CACHE_WARM", "0")


BROWSER_FIXTURES = {"dash_duo", "dash_br", "dash_thread_server"}
SERVER_FIXTURES = {"server", "console", "served_app", "site"}  # real gunicorn


def _source(item) -> str:
    """A test function's own source (a test that starts gunicorn itself, with `served(...)`, is a server test)."""
    import inspect

    try:
        return inspect.getsource(item.function)
    except (AttributeError, OSError, TypeError):
        return ""


def pytest_collection_modifyitems(config, items):
    """Mark each test by what it starts: `browser` (headless Chromium), `server` (real gunicorn); `slow` is
    set by the tests themselves. `make test-fast` runs the rest."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BROWSER_FIXTURES or item.path.name.endswith("_browser.py"):
            item.add_marker(pytest.mark.browser)
        if names & SERVER_FIXTURES or "served(" in _source(item):
            item.add_marker(pytest.mark.server)
        if "db_copy" in names:  # it publishes over a copy of the database: seconds per test
            item.add_marker(pytest.mark.slow)


def pytest_setup_options():
    """dash.testing's browser: Debian's Chromium, headless, with no background network chatter."""
    options = Options()
    if Path("/usr/bin/chromium").exists():
        options.binary_location = "/usr/bin/chromium"
    for arg in (
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--window-size=1280,900",
    ):
        options.add_argument(arg)
    return options


def run_module(module: str, *args: str, db: Path, check: bool = True) -> subprocess.CompletedProcess:
    """`python -m <module> args...` on the database `db`, as a data officer runs it."""
    env = {**os.environ, "BUDGET_DB": str(db)}
    proc = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(f"{module} {args} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def run_etl(*args: str, db: Path, check: bool = True) -> subprocess.CompletedProcess:
    return run_module("etl", *args, db=db, check=check)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The demo database, published by `python -m demo`; BUDGET_DB points at it for the session."""
    db = tmp_path_factory.mktemp("db") / "budget.duckdb"
    reuse = os.environ.get("TEST_REUSE_DB")  # make test-fast: the demo file `make run` built, copied
    if reuse and Path(reuse).is_file():
        shutil.copy2(reuse, db)
    else:
        run_module("demo", db=db)
    os.environ["BUDGET_DB"] = str(db)
    return db


@pytest.fixture
def db_copy(demo_db, tmp_path) -> Path:
    """A private copy of the demo database for tests that publish over it."""
    dst = tmp_path / "budget.duckdb"
    shutil.copy2(demo_db, dst)
    return dst


@pytest.fixture
def con(demo_db):
    import duckdb

    c = duckdb.connect(str(demo_db), read_only=True)
    yield c
    c.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
