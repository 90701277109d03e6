"""Load and fault benchmark against real gunicorn (the committed gunicorn.conf.py), with locust.

Each simulated resident does what a browser does on this app: it opens a page (the GET, then Dash's
pages callback and the shell callback, the same POST bodies a browser sends) or drills into the APBD
treemap (the click callback, then the pages callback for the URL it returns), with 0.5-1.5 s of
thinking between actions. Pages are a mix of the overview, the explorer (regency and OPD level), the
village list and village pages, the absorption monitor, in Indonesian and English.

    make bench-load                     # or: python bench/load.py [--steps 25,50,100,200] [--seconds 30]
    python bench/load.py --faults       # also: 10 republishes, kill -9 of a worker, a rollback, under load

Prints requests/s, p50/p95/p99 and errors per step and per kind of request, the workers' memory after the
load, and the failed requests of each fault run. The load generator is one process (gevent); on a 2-core
machine it shares the cores with the server, so run it pinned (`taskset -c 1 python bench/load.py`) and
read the numbers as a lower bound of what the server alone does.
"""

from __future__ import annotations

from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402
from pathlib import Path  # noqa: E402

import gevent  # noqa: E402
from locust import FastHttpUser, between, task  # noqa: E402
from locust.env import Environment  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.serving import (  # noqa: E402
    PAGES_OUTPUT,
    SHELL_OUTPUT,
    dependencies,
    find,
    payload,
    served,
    worker_rss_mb,
)

CTX: dict = {}


def _prepare(url: str) -> None:
    """Payload templates from the app's dependencies, and real drill tokens from a real render."""
    deps = dependencies(url)
    CTX["pages"] = find(deps, PAGES_OUTPUT)
    CTX["shell"] = find(deps, SHELL_OUTPUT)
    CTX["drill"] = find(deps, "shell-url.href", "apbd-treemap.clickData")
    body = json.dumps(payload(CTX["pages"], ["/apbd", ""])).encode()
    req = urllib.request.Request(
        url + "/_dash-update-component", body, {"Content-Type": "application/json"}, method="POST"
    )
    text = urllib.request.urlopen(req, timeout=30).read().decode()
    tokens = sorted(set(__import__("re").findall(r'"customdata": \[\["([^"]+)"\]', text)))
    if not tokens:
        tokens = sorted(set(__import__("re").findall(r'"customdata":\s*\[\s*\["([^"]+)"', text)))
    CTX["tokens"] = tokens or ["1"]
    from budget import queries  # noqa: F401  (the codes, through the query layer)

    os.environ["BUDGET_DB"] = CTX["db"]
    CTX["skpd"] = queries.skpd_codes(queries.years()[0])
    CTX["desa"] = queries.desa_codes()


def _page() -> tuple[str, str]:
    r = random.random()
    lang = "&lang=en" if random.random() < 0.2 else ""
    if r < 0.15:
        return "/", "?" + lang[1:] if lang else ""
    if r < 0.35:
        return "/apbd", "?skpd=" + random.choice(CTX["skpd"]) + lang
    if r < 0.45:
        return "/apbd", "?" + lang[1:] if lang else ""
    if r < 0.55:
        return "/desa", "?" + lang[1:] if lang else ""
    if r < 0.85:
        return "/desa/" + random.choice(CTX["desa"]), "?" + lang[1:] if lang else ""
    return "/serapan", "?" + lang[1:] if lang else ""


class Resident(FastHttpUser):
    wait_time = between(0.5, 1.5)

    def _post(self, body: dict, name: str):
        with self.client.post("/_dash-update-component", json=body, name=name, catch_response=True) as r:
            if r.status_code not in (200, 204):
                r.failure(f"HTTP {r.status_code}")
            return r

    def _open(self, path: str, search: str) -> None:
        self.client.get(path + search, name="GET page")
        self._post(payload(CTX["pages"], [path, search]), "pages callback")
        self._post(payload(CTX["shell"], [path, search]), "shell callback")

    @task(4)
    def open_page(self) -> None:
        self._open(*_page())

    @task(1)
    def drill(self) -> None:
        click = {"points": [{"customdata": [random.choice(CTX["tokens"])], "label": "x"}]}
        r = self._post(payload(CTX["drill"], [click, None], ["?tahun="]), "drill click")
        try:
            href = r.json()["response"]["shell-url"]["href"]
        except (ValueError, KeyError, TypeError):
            return
        path, _, query = href.partition("?")
        self._post(payload(CTX["pages"], [path, "?" + query if query else ""]), "pages callback")


def _row(name: str, s) -> str:
    pct = [s.get_response_time_percentile(p) or 0 for p in (0.5, 0.95, 0.99)]
    return (
        f"  {name:<16} {s.num_requests:>7,} {s.total_rps:>7.1f} {pct[0]:>7.0f} {pct[1]:>7.0f} {pct[2]:>7.0f}"
        f" {s.num_failures:>6}"
    )


def run_step(env: Environment, users: int, seconds: float, label: str | None = None) -> dict:
    runner = env.runner
    runner.start(users, spawn_rate=max(10, users / 5))
    gevent.sleep(min(10, users / 10 + 2))  # ramp up before measuring
    env.stats.reset_all()
    gevent.sleep(seconds)
    total = env.stats.total
    print(f"\n{label or f'{users} users'}, {seconds:.0f} s measured:")
    print(f"  {'request':<16} {'count':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6}")
    for (name, _method), s in sorted(env.stats.entries.items()):
        print(_row(name, s))
    print(_row("all", total))
    return {"failures": total.num_failures, "requests": total.num_requests}


def faults(env: Environment, url: str, proc, db: str, seconds: float) -> None:
    """Fault runs under a 100-user load; each prints the failed requests (target: 0)."""
    from tests import official_fixtures as fx

    etl = [sys.executable, "-m", "etl"]
    envdb = {**os.environ, "BUDGET_DB": db}
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        perda = fx.perda_xlsx(Path(tmp) / "perda_2022.xlsx")

        def republish():
            for _ in range(10):
                subprocess.run([*etl, "load", str(perda)], cwd=root, env=envdb, capture_output=True, check=True)

        def kill_worker():
            gevent.sleep(seconds / 3)
            import psutil

            victim = psutil.Process(proc.pid).children()[0]
            os.kill(victim.pid, signal.SIGKILL)

        def roll_back():
            gevent.sleep(seconds / 3)
            subprocess.run([*etl, "rollback"], cwd=root, env=envdb, capture_output=True, check=True)

        env.runner.start(100, spawn_rate=20)
        gevent.sleep(8)
        for label, action, note in (
            ("10 republishes during a 100-user load", republish, "each a full atomic publish"),
            ("kill -9 of a worker during a 100-user load", kill_worker, "gunicorn starts a new one"),
            ("a rollback during a 100-user load", roll_back, "python -m etl rollback"),
        ):
            env.stats.reset_all()
            t0 = time.perf_counter()
            job = gevent.spawn(action)  # gevent's subprocess waits cooperatively: the users keep running
            gevent.sleep(seconds)
            job.join()
            took = time.perf_counter() - t0
            total = env.stats.total
            print(
                f"\nfault: {label} ({note}): {total.num_requests:,} requests in {took:.0f} s, "
                f"failed {total.num_failures}"
            )
            for (name, _m), s in sorted(env.stats.entries.items()):
                if s.num_failures:
                    print(f"  {name}: {s.num_failures} failed")
            for err in list(env.stats.errors.values())[:5]:
                print(f"  error: {err.name}: {str(err.error)[:120]} x{err.occurrences}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--steps", default="25,50,100,200")
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--faults", action="store_true", help="also run the fault runs under a 100-user load")
    ap.add_argument("--fault-seconds", type=float, default=60)
    args = ap.parse_args()
    with served() as (url, proc, db):
        CTX["db"] = str(db)
        _prepare(url)
        print(f"server: {url}, gunicorn.conf.py ({os.cpu_count()} cores); load generator pid {os.getpid()}")
        print("after a publish the first request starts warming the cache (as in production); waiting for it ...")
        t0 = time.time()
        while not list(Path(db).parent.glob(".cache/*/.warmed")) and time.time() - t0 < 300:
            time.sleep(2)
        print(f"warmed in {time.time() - t0:.0f} s; the steps below measure the warmed cache")
        env = Environment(user_classes=[Resident], host=url)
        env.create_local_runner()
        for users in [int(x) for x in args.steps.split(",")]:
            run_step(env, users, args.seconds)
        print(f"\nworker RSS after the load: {worker_rss_mb(proc)} MB")
        if args.faults:
            env.runner.stop()
            faults(env, url, proc, str(db), args.fault_seconds)
            print(f"\nworker RSS after the fault runs: {worker_rss_mb(proc)} MB")
        env.runner.quit()


if __name__ == "__main__":
    main()
