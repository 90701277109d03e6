"""What the tests share: waiting on a condition instead of sleeping, and the one way to serve the app with
real gunicorn (the committed configuration, a private copy of the database, its output drained to a file)."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def wait_until(check: Callable[[], T], timeout: float = 30, interval: float = 0.2, what: str = "it") -> T:
    """Poll `check` until it returns something true and return that; fail naming `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:g} s for {what}")
        time.sleep(interval)


def stays(check: Callable[[], object], seconds: float, interval: float = 0.1, what: str = "it") -> None:
    """`check` holds for the whole of `seconds` (something that must *not* happen, watched for that long);
    fails at the first moment it does not."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert check(), f"{what} stopped holding"
        time.sleep(interval)
    assert check(), f"{what} stopped holding"


def wait_for_script(driver, script: str, timeout: float = 30, what: str | None = None):
    """Until a browser expression (`return ...`) is true; its value."""
    return wait_until(lambda: driver.execute_script(script), timeout, 0.25, what or script)


def next_frames(driver, frames: int = 2) -> None:
    """Until the browser has painted `frames` more frames (after a scroll, before a screenshot)."""
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; let n = arguments[0];"
        " (function tick() { if (n-- <= 0) { done(); } else { requestAnimationFrame(tick); } })();",
        frames,
    )


def settled(driver, script: str, timeout: float = 10, gap: float = 0.3):
    """The value of `script` once two reads `gap` seconds apart agree (the layout has stopped moving)."""
    last = [driver.execute_script(script)]

    def same() -> bool:
        time.sleep(gap)
        now = driver.execute_script(script)
        stable, last[0] = now == last[0], now
        return stable

    wait_until(same, timeout, 0, "the page to stop moving")
    return last[0]


@contextmanager
def served(db: Path, env: dict | None = None) -> Iterator[tuple[str, object, Path]]:
    """Real gunicorn with `gunicorn.conf.py` on a copy of `db`: (url, process, the copy). Its output goes
    to a file (never a pipe nobody reads); a server that does not start fails with the file's tail. The
    cache is not warmed unless `env` asks for it (CACHE_WARM=1)."""
    from bench.serving import served as bench_served

    with tempfile.TemporaryDirectory(prefix="test-serve-") as tmp:
        log = Path(tmp) / "gunicorn.log"
        running = bench_served(db, env={"CACHE_WARM": "0", **(env or {})}, log=log)
        try:
            value = running.__enter__()
        except RuntimeError as exc:
            tail = log.read_text(errors="replace")[-4000:] if log.exists() else ""
            raise AssertionError(f"{exc}; its output:\n{tail}") from None
        try:
            yield value
        finally:
            running.__exit__(None, None, None)
