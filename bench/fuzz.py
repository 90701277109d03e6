"""Hostile-input run against real gunicorn: malformed callback payloads and hostile GETs.

    make bench-fuzz          # or: python bench/fuzz.py [--count 6000] [--seed 11]

Every callback the app registers (read from `/_dash-dependencies`) gets payloads with wrong types, nulls,
huge strings, deep nesting, unknown ids and outputs, missing and extra fields, and hostile URL search
strings; the server also gets oversize bodies and hostile GETs (path traversal on `/unduh/` and
`/assets/`, very long query strings, odd encodings). Prints the status codes; the target is no response
>= 500 and no traceback text in any body.
"""

from __future__ import annotations

import argparse
import collections
import copy
import json
import random
import sys
import tempfile
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.serving import dependencies, payload, served  # noqa: E402

HOSTILE_VALUES = [
    None,
    True,
    False,
    0,
    -1,
    2**63,
    1e308,
    "",
    "x" * 100_000,
    [],
    {},
    [None],
    {"points": "x"},
    {"points": [1, 2]},
    {"points": [{"customdata": {"a": [1, {"b": 2}]}}]},
    {"points": [{"customdata": ["../../etc/passwd"]}]},
    {"points": [{"customdata": [None]}]},
    {"points": [{"customdata": [2**70]}]},
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "'; DROP TABLE apbd_anggaran; --",
    "\u0000\ud7ff\ufffe",
    "%00%2e%2e%2f",
    "?tahun=2026",
]
HOSTILE_SEARCH = [
    "?tahun=../../etc",
    "?tahun=2026&tahun=2025",
    "?tahun=99999999999999999999999",
    "?tahun=-1&tahap=<b>",
    "?kode=" + "9" * 1500,
    "?dim=<script>&skpd=1';--",
    "?lang=xx&hal=-5",
    "?hal=1e309",
    "?kode=%00%ff%fe",
    "?desa=33.25.01.2001%27%20OR%201%3D1",
    "?rek=5.1.01&sd=DAU&tanpa=1&lainnya=999999999",
    "?bulan=13&tw=9&unit=x&waspada=abc&kritis=-1e9",
    "?urut=__import__&ukuran=NaN&semua=1",
    "?" + "&".join(f"p{i}=v" for i in range(300)),
    "tahun=2026",
    "??tahun==2026",
    "?%E0%A4%A",
]
HOSTILE_PATHS = [
    "/apbd",
    "/desa/33.25.01.2001",
    "/desa/../../etc/passwd",
    "/desa/" + "9" * 400,
    "/rapat/99",
    "/rapat/-1",
    "/tidak-ada",
    "/_dash-update-component",
    "",
    None,
]
HOSTILE_GETS = [
    "/unduh/../../etc/passwd",
    "/unduh/..%2f..%2fapp.py",
    "/unduh/%2e%2e/%2e%2e/app.csv",
    "/unduh/apbd_anggaran.exe",
    "/unduh/apbd_anggaran.csv.csv",
    "/unduh/.csv",
    "/unduh/apbd_anggaran",
    "/assets/../app.py",
    "/assets/%2e%2e/app.py",
    "/_dash-component-suites/../../app.py",
    "/_dash-layout?x=" + "a" * 5000,
    "/apbd?" + "a" * 10_000,
    "/desa/%00",
    "/desa/33.25.01.2001?lang=%ff",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/rapat/1?tahun=<script>",
    "/_dash-dependencies",
    "/_reload-hash",
    "/?__debugger__=yes&cmd=resource&f=style.css",
]


def _deep(n: int) -> list:
    root: list = []
    node = root
    for _ in range(n):
        node.append([])
        node = node[0]
    return root


def payloads(deps: list[dict], count: int, rng: random.Random) -> list[bytes]:
    out: list[bytes] = []
    while len(out) < count:
        dep = rng.choice(deps)
        n_in, n_st = len(dep["inputs"]), len(dep["state"])
        values = [rng.choice(HOSTILE_VALUES) for _ in range(n_in)]
        state = [rng.choice(HOSTILE_VALUES + HOSTILE_SEARCH) for _ in range(n_st)]
        body = payload(dep, values, state)
        kind = rng.randrange(12)
        if kind == 0 and dep["output"].startswith(".._pages_content"):
            body = payload(dep, [rng.choice(HOSTILE_PATHS), rng.choice(HOSTILE_SEARCH)])
        elif kind == 1:
            body["output"] = rng.choice(["nope.children", "", "..a.b...c.d..", "shell-url.href@x", 5, None])
        elif kind == 2:
            body["inputs"] = rng.choice([None, "x", [1, 2], [{"id": "x"}], _deep(30), {"a": 1}])
        elif kind == 3:
            body.pop(rng.choice(["output", "outputs", "inputs", "state", "changedPropIds"]), None)
        elif kind == 4:
            body[rng.choice(["extra", "outputs", "changedPropIds"])] = rng.choice([_deep(50), "x" * 2000, 1, None])
        elif kind == 5:
            body = rng.choice([[], "x", 1, None, _deep(100)])
        elif kind == 6:
            ids = copy.deepcopy(body.get("inputs") or [])
            for i in ids:
                i["id"] = rng.choice(["x", {"type": "a", "index": 1}, "", "shell-url"])
            body["inputs"] = ids
        elif kind == 7 and dep["state"]:
            body = payload(dep, values, [rng.choice(HOSTILE_SEARCH) for _ in range(n_st)])
        raw = json.dumps(body).encode()
        if kind == 8:
            raw = raw[: rng.randrange(1, max(2, len(raw)))]  # cut short
        elif kind == 9:
            raw = b'{"output": "' + b"x" * (1024 * 1024 + 10) + b'"}'  # over the body limit
        out.append(raw)
    return out


def send(url: str, method: str, path: str, data: bytes | None) -> tuple[int, str]:
    headers = {"Content-Type": "application/json"} if data is not None else {}
    req = urllib.request.Request(url + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read(200_000).decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read(200_000).decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
        return -1, f"{type(e).__name__}: {e}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=6000, help="callback payloads (hostile GETs come on top)")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    log = Path(tempfile.mkdtemp(prefix="fuzz-")) / "gunicorn.log"
    with served(log=log) as (url, proc, _db):
        deps = [d for d in dependencies(url) if not d.get("clientside_function")]
        jobs = [("POST", "/_dash-update-component", p) for p in payloads(deps, args.count, rng)]
        jobs += [("GET", g, None) for g in HOSTILE_GETS for _ in range(3)]
        statuses: collections.Counter = collections.Counter()
        bad: list[str] = []
        with ThreadPoolExecutor(max_workers=8) as pool:
            for (method, path, _data), (status, body) in zip(jobs, pool.map(lambda j: send(url, *j), jobs)):
                statuses[status] += 1
                if status >= 500 or status < 0 or "Traceback" in body or 'File "/' in body:
                    bad.append(f"{method} {path[:60]} -> {status}: {body[:160]!r}")
        print(
            f"server: {url} (gunicorn.conf.py); {len(jobs):,} requests ({len(jobs) - len(HOSTILE_GETS) * 3:,} callback payloads, seed {args.seed})"
        )
        print("status codes: " + ", ".join(f"{k}: {v:,}" for k, v in sorted(statuses.items())))
        print(f"responses >= 500 or failed: {sum(v for k, v in statuses.items() if k >= 500 or k < 0)}")
        print(f"bodies with traceback text: {sum('Traceback' in b or 'File' in b for b in bad)}")
        for line in bad[:15]:
            print("  " + line)
        print(f"server still answers: {send(url, 'GET', '/', None)[0]}")
    logged = log.read_text(errors="replace").splitlines()
    failed = [line for line in logged if "callback failed" in line or "request failed" in line]
    print(f"callbacks that raised anyway (answered 204, logged with their traceback): {len(failed)}")
    print(
        f"payloads refused by the guard (logged warnings): {sum('refused a callback payload' in x for x in logged):,}"
    )
    for line in failed[:5]:
        i = logged.index(line)
        print("  " + " | ".join(x.strip() for x in logged[i : i + 30] if x.strip() and not x.startswith(" "))[:400])


if __name__ == "__main__":
    main()
