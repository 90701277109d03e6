"""Lighthouse (pinned 12.2.3, mobile: simulated Slow 4G and 4x CPU slowdown) against the app served by
real gunicorn on a copy of the database; prints performance, accessibility, LCP, TBT, CLS and bytes per
page. Installs its own Lighthouse with npm into bench/lighthouse/ on the first run; uses Debian's chromium.

    python bench/lighthouse.py                  # the light pages and the interactive pages
    python bench/lighthouse.py /desa/33.25.01.2001 /apbd
    RUNS=3 python bench/lighthouse.py            # the median of several runs per page
    python bench/lighthouse.py --floor           # Dash's own floor: an empty page, and one with a chart

Numbers, not assertions: the machine is shared and noisy. Budgets (issue 9): light pages <= 60 KB,
performance >= 95, LCP <= 1.5 s; interactive pages <= 900 KB, performance >= 60, TBT <= 800 ms, CLS <= 0.1;
accessibility >= 95 everywhere.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serving import served  # noqa: E402

HERE = ROOT / "bench" / "lighthouse"
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
PAGES = ["/desa/33.25.01.2001", "/ringkasan", "/cari?q=silurah", "/", "/apbd", "/desa", "/serapan"]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def ensure_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    print("installing lighthouse 12.2.3 with npm ...", file=sys.stderr)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE, check=True)


def chrome() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise SystemExit("no chromium found (Debian package: chromium)")


def audit(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": chrome()}
    for attempt in (1, 2, 3):  # Lighthouse now and then loses its own trace (NO_NAVSTART): run it again
        done = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                "--only-categories=performance,accessibility",
                f"--chrome-flags={CHROME_FLAGS}",
                "--max-wait-for-load=60000",
            ],
            env=env,
            timeout=300,
        )
        if done.returncode == 0:
            break
        print(f"  lighthouse failed on {url} (attempt {attempt})", file=sys.stderr)
    else:
        raise SystemExit(f"lighthouse failed three times on {url}")
    report = json.loads(out.read_text())
    audits, categories = report["audits"], report["categories"]
    return {
        "performance": round(categories["performance"]["score"] * 100),
        "accessibility": round(categories["accessibility"]["score"] * 100),
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "kb": audits["total-byte-weight"]["numericValue"] / 1024,
        "failed_a11y": [
            a["id"]
            for a in audits.values()
            if a.get("scoreDisplayMode") == "binary"
            and a.get("score") == 0
            and a["id"] in {r["id"] for r in categories["accessibility"]["auditRefs"]}
        ],
    }


def floor(runs: int) -> int:
    """The framework's floor (bench/floor_app.py): an empty Dash page, and the same with one chart."""
    import socket

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for chart in ("0", "1"):
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            proc = subprocess.Popen(
                [str(Path(sys.executable).parent / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1",
                 "bench.floor_app:server"],
                cwd=ROOT,
                env={**os.environ, "FLOOR_CHART": chart, "CACHE_WARM": "0"},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )  # fmt: skip
            try:
                url = f"http://127.0.0.1:{port}/"
                for _ in range(100):
                    try:
                        urllib.request.urlopen(url, timeout=5).read()
                        break
                    except OSError:
                        time.sleep(0.3)
                results = [audit(url, Path(tmp) / f"f{chart}{i}.json") for i in range(runs)]
                rows.append(("one chart" if chart == "1" else "empty page", results))
            finally:
                proc.terminate()
                proc.wait(10)
    print(f"Dash floor (bench/floor_app.py), Lighthouse 12.2.3 mobile; median of {runs} run(s)")
    for name, results in rows:
        med = {k: statistics.median(r[k] for r in results) for k in ("performance", "tbt_ms", "lcp_s", "kb")}
        print(
            f"{name:<12} perf {med['performance']:>3.0f}  TBT {med['tbt_ms']:>5.0f} ms  LCP {med['lcp_s']:.2f} s  {med['kb']:.0f} KB"
        )
    return 0


def main(argv: list[str]) -> int:
    ensure_lighthouse()
    if argv == ["--floor"]:
        return floor(int(os.environ.get("RUNS", "1")))
    pages = argv or PAGES
    runs = int(os.environ.get("RUNS", "1"))
    rows = []
    with served(env={"CACHE_WARM": "0"}) as (url, _proc, _db), tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            urllib.request.urlopen(url + page, timeout=60).read()  # the server's cache has drawn it once
            results = [audit(url + page, Path(tmp) / f"r{i}.json") for i in range(runs)]
            med = {
                k: statistics.median(r[k] for r in results)
                for k in ("performance", "accessibility", "lcp_s", "tbt_ms", "cls", "kb")
            }
            med["failed_a11y"] = sorted({a for r in results for a in r["failed_a11y"]})
            rows.append((page, med))
            print(f"  measured {page}", file=sys.stderr)
    print(f"Lighthouse 12.2.3, mobile (simulated Slow 4G, 4x CPU), first visit; median of {runs} run(s)")
    print(f"{'page':<24} {'perf':>5} {'a11y':>5} {'LCP s':>6} {'TBT ms':>7} {'CLS':>6} {'KB':>7}  a11y failures")
    for page, m in rows:
        print(
            f"{page:<24} {m['performance']:>5.0f} {m['accessibility']:>5.0f} {m['lcp_s']:>6.2f} {m['tbt_ms']:>7.0f} "
            f"{m['cls']:>6.3f} {m['kb']:>7.0f}  {', '.join(m['failed_a11y']) or '-'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
