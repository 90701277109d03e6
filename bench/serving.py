"""Shared by the serving benchmarks: a real gunicorn on a copy of the database, and the callback payloads
a browser posts (built from the app's own `/_dash-dependencies`, so they follow the code)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES_OUTPUT = ".._pages_content.children..._pages_store.data.."
SHELL_OUTPUT = "..shell-nav.children...shell-footer.children...shell-title.data.."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def source_db() -> Path:
    return Path(os.environ.get("BUDGET_DB") or ROOT / "data" / "budget.duckdb")


@contextmanager
def served(db: Path | None = None, env: dict | None = None, log: Path | None = None):
    log = log or (Path(os.environ["BENCH_SERVER_LOG"]) if os.environ.get("BENCH_SERVER_LOG") else None)
    """gunicorn with the committed gunicorn.conf.py on a private copy of the database; yields
    (url, process, database path)."""
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        copy = Path(tmp) / "budget.duckdb"
        shutil.copy2(db or source_db(), copy)
        port = free_port()
        root = Path(os.environ.get("BENCH_APP_ROOT") or ROOT)  # another checkout, for before/after runs
        conf = ["--config", "gunicorn.conf.py"] if (root / "gunicorn.conf.py").exists() else []
        flags = [] if conf else ["--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4"]
        proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), *conf, *flags, "app:server"],
            cwd=root,
            env={**os.environ, "BUDGET_DB": str(copy), "PORT": str(port), "LOG_LEVEL": "WARNING", **(env or {})},
            stdout=log.open("w") if log else subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/", timeout=5).read()
                break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    proc.kill()
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.3)
        try:
            yield url, proc, copy
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def dependencies(url: str) -> list[dict]:
    with urllib.request.urlopen(url + "/_dash-dependencies", timeout=10) as r:
        return json.loads(r.read())


def _outputs(output: str) -> object:
    if output.startswith(".."):
        parts = output.strip(".").split("...")
        return [dict(zip(("id", "property"), p.rsplit(".", 1))) for p in parts]
    ident, prop = output.split("@")[0].rsplit(".", 1)
    return {"id": ident, "property": prop}


def payload(dep: dict, values: list, state: list | None = None, changed: str | None = None) -> dict:
    """The body a browser posts for callback `dep` with these input (and state) values."""
    inputs = [{"id": i["id"], "property": i["property"], "value": v} for i, v in zip(dep["inputs"], values)]
    states = [{"id": s["id"], "property": s["property"], "value": v} for s, v in zip(dep["state"], state or [])]
    first = dep["inputs"][0]
    return {
        "output": dep["output"],
        "outputs": _outputs(dep["output"]),
        "inputs": inputs,
        "state": states,
        "changedPropIds": [changed or f"{first['id']}.{first['property']}"],
    }


def find(deps: list[dict], output_start: str, first_input: str | None = None) -> dict:
    for d in deps:
        if d["output"].startswith(output_start) and (
            first_input is None or f"{d['inputs'][0]['id']}.{d['inputs'][0]['property']}" == first_input
        ):
            return d
    raise LookupError(output_start)


def worker_rss_mb(proc: subprocess.Popen) -> list[float]:
    """Resident memory of each gunicorn worker (children of the master), in MB."""
    import psutil

    return [round(c.memory_info().rss / 2**20, 1) for c in psutil.Process(proc.pid).children()]
