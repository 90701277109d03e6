"""Render a fixed set of views and write each answer's bytes, to prove that a refactor changes no page.

    python tools/render_digest.py OUT_DIR          # writes OUT_DIR/<n>.txt and OUT_DIR/index.tsv
    diff -r before/ after/                          # nothing may differ

Every view is drawn through the real app on a private copy of the database (so no cache entry of an
earlier run is served): the index page of every interactive page (its first-view snapshot is the whole
frozen render), the live layout each page's callback returns (as Dash serialises it), the light pages,
the glossary, the API and the console's login page, in Indonesian and English. Asset fingerprints
(`?m=<mtime>`), which change whenever a file is touched, and the data version (the copy's file
identity) and Dash's random per-process `end_id` are normalised.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = [
    "/",
    "/apbd",
    "/apbd?dim=fungsi",
    "/apbd?dim=ekonomi&kode=5.1",
    "/apbd?dim=pendapatan",
    "/apbd?tahun=2025&tahap=murni",
    "/apbd?tahun=1999",
    "/apbd?utm_source=x&fbclid=abc",
    "/desa",
    "/desa?kec=33.25.01",
    "/desa?desa=33.25.01.2001",
    "/desa?urut=serapan",
    "/desa/33.25.01.2001/interaktif",
    "/serapan",
    "/serapan?unit=desa",
    "/serapan?bulan=6",
    "/data",
    "/rapat",
    "/rapat/3",
    "/tidak-ada",
]
LIGHT = [
    "/desa/33.25.01.2001",
    "/desa/33.25.01.1001",
    "/desa/33.25.99.9999",
    "/ringkasan",
    "/cari?q=jalan",
    "/cari?q=kalisalak",
    "/istilah",
    "/manifest.webmanifest",
    "/api/v1/ringkasan",
    "/api/v1/apbd?dim=skpd",
    "/api/v1/desa/33.25.01.2001",
    "/api/v1/istilah",
    "/api",
    "/kelola/masuk",
]
_FINGERPRINT = re.compile(r"(\?m=\d+(\.\d+)?|\.v[0-9a-z_]+m\d+(?=\.(min\.)?(js|css))|(?<=\"end_id\":\")[^\"]+)")


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    tmp = Path(tempfile.mkdtemp(prefix="digest-"))
    src = Path(os.environ.get("BUDGET_DB") or ROOT / "data" / "budget.duckdb")
    shutil.copy2(src, tmp / "budget.duckdb")
    os.environ["BUDGET_DB"] = str(tmp / "budget.duckdb")
    os.environ["CACHE_WARM"] = "0"
    import dash
    import plotly.utils

    import app
    from budget import db

    version = db.data_version()  # the copy's file identity: differs on every run
    client = app.server.test_client()
    client.get("/")  # Dash's first-request setup
    rows = []
    urls = [u for u in PAGES + LIGHT if u.startswith("/api/")]  # the API takes no lang
    urls += [
        u + ("&" if "?" in u else "?") + f"lang={lang}" for lang in ("id", "en") for u in PAGES + LIGHT if u not in urls
    ]
    for n, url in enumerate(urls):
        resp = client.get(url)
        body = _FINGERPRINT.sub("", resp.get_data(as_text=True)).replace(version, "<data-version>")
        (out / f"{n:03d}.txt").write_text(f"{resp.status_code} {resp.mimetype}\n{body}")
        rows.append((n, url, resp.status_code, hashlib.sha256(body.encode()).hexdigest()[:16]))
    with app.server.test_request_context("/", base_url="http://localhost/"):
        from dash_compat import page_and_variables, query_parameters

        for m, url in enumerate(u for u in PAGES for u in (u, u + ("&" if "?" in u else "?") + "lang=en")):
            path, _, query = url.partition("?")
            page, variables = page_and_variables(app.app, path)
            if not page:
                continue
            layout = page["layout"](**variables, **query_parameters("?" + query if query else ""))
            body = json.dumps(layout, cls=plotly.utils.PlotlyJSONEncoder, sort_keys=True)
            n = len(urls) + m
            body = body.replace(version, "<data-version>")
            (out / f"{n:03d}.txt").write_text(body)
            rows.append((n, "layout " + url, 200, hashlib.sha256(body.encode()).hexdigest()[:16]))
    (out / "index.tsv").write_text("".join(f"{n}\t{u}\t{s}\t{h}\n" for n, u, s, h in rows))
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(rows)} views written to {out} (dash {dash.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/render-digest")))
