"""The JSON API (`/api/v1/`) as it is served by real gunicorn: its OpenAPI document validates, a
property-based run of schemathesis finds nothing, its numbers are DuckDB's sums to the sen and the
figures the pages show, and bad parameters get JSON errors that name them."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
from decimal import Decimal
from pathlib import Path

import plotly
import pytest

from budget.fmt import rupiah, rupiah_full
from tests.conftest import ROOT
from tests.test_lite import visible


@pytest.fixture(scope="module")
def server(demo_db):
    """Real gunicorn with the committed configuration (its log is not piped: a run of a thousand requests
    would fill a pipe nobody reads)."""
    from tests.helpers import served

    with served(demo_db) as (url, _proc, _db):
        yield url


SILURAH = "33.25.01.2001"


def call(url: str, headers: dict | None = None, method: str = "GET") -> tuple[int, dict, object]:
    req = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            body = r.read()
            return r.status, dict(r.headers), json.loads(body) if body else None
    except urllib.error.HTTPError as e:
        body = e.read()
        ctype = e.headers.get("Content-Type", "")
        return e.code, dict(e.headers), json.loads(body) if body and "json" in ctype else body.decode()


def test_api001_the_openapi_document_validates_and_covers_every_resource(server):
    from openapi_spec_validator import validate

    status, headers, spec = call(server + "/api/v1/openapi.json")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    validate(spec)  # raises on any violation of OpenAPI 3.1
    assert spec["openapi"] == "3.1.0"
    _, _, index = call(server + "/api/v1/")
    assert set(index["resources"]) <= set(spec["paths"]) and len(index["resources"]) >= 9
    for path in ("/api/v1/ringkasan", "/api/v1/apbd", "/api/v1/apbd/bulanan", "/api/v1/serapan", "/api/v1/desa"):
        assert path in spec["paths"], path
    apbd = spec["paths"]["/api/v1/apbd"]["get"]
    names = {p["name"] for p in apbd["parameters"]}
    assert {"tahun", "tahap", "dim", "skpd", "kode", "rek", "sd", "tanpa", "limit", "offset"} <= names
    limit = next(p for p in apbd["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 1000  # the hard cap is in the contract
    money = spec["components"]["schemas"]["ApbdNode"]["properties"]["anggaran"]
    assert money["type"] == "string" and "pattern" in money  # a decimal string, never a number


def test_api002_schemathesis_finds_no_server_error_and_no_answer_off_the_spec(server):
    st = Path(sys.executable).parent / "st"
    proc = subprocess.run(
        [
            str(st),
            "run",
            server + "/api/v1/openapi.json",
            "--max-examples",
            "25",
            "--seed",
            "20261129",
            "--request-timeout",
            "30",
            "--phases",
            "coverage,fuzzing",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    out = proc.stdout + proc.stderr
    counts = re.search(r"(\d+) generated, (\d+) passed", out)
    assert proc.returncode == 0 and counts and counts.group(1) == counts.group(2), out[-4000:]
    generated = int(counts.group(1))
    assert generated >= 300, out[-2000:]


def _decimal(s: str) -> Decimal:
    assert re.fullmatch(r"-?\d+\.\d{2}", s), s  # exact to the sen, as a string
    return Decimal(s)


def test_api003_the_figures_equal_duckdb_sums_to_the_sen(server, con):
    _, _, years = call(server + "/api/v1/tahun")
    tahun = 2025
    assert any(y["tahun"] == tahun and "perubahan" in y["tahap"] for y in years["data"])
    # The regency, three OPDs and an economic class: anggaran and realisasi against the canonical tables.
    skpds = [
        r[0]
        for r in con.execute(
            "SELECT kode_skpd FROM apbd_anggaran WHERE tahun = ? AND tahap = 'perubahan' AND starts_with(kode_rekening, '5') "
            "GROUP BY 1 ORDER BY SUM(nilai) DESC LIMIT 3",
            [tahun],
        ).fetchall()
    ]
    cases = [({}, "TRUE", []), *[({"skpd": s}, "kode_skpd = ?", [s]) for s in skpds]]
    cases.append(({"dim": "ekonomi", "kode": "5.1"}, "starts_with(kode_rekening, '5.1')", []))
    for params, where, args in cases:
        qs = "&".join(f"{k}={v}" for k, v in {"tahun": tahun, "tahap": "perubahan", **params}.items())
        status, _, body = call(f"{server}/api/v1/apbd?{qs}")
        assert status == 200, (qs, body)
        budget = con.execute(
            f"SELECT SUM(nilai) FROM apbd_anggaran WHERE tahun = ? AND tahap = 'perubahan' "
            f"AND starts_with(kode_rekening, '5') AND {where}",
            [tahun, *args],
        ).fetchall()[0][0]
        real = con.execute(
            f"SELECT SUM(nilai) FROM apbd_realisasi WHERE tahun = ? AND starts_with(kode_rekening, '5') AND {where}",
            [tahun, *args],
        ).fetchall()[0][0]
        d = body["data"]
        assert _decimal(d["anggaran"]) == budget and _decimal(d["realisasi"]) == real, qs
        assert body["meta"]["total"] == len(d["children"]) or body["meta"]["total"] > body["meta"]["limit"]
        assert sum(_decimal(c["anggaran"]) for c in d["children"]) == _decimal(d["children_anggaran"]) or (
            body["meta"]["total"] > len(d["children"])
        )
    # Paging: the pages of a long list join up to the whole, in order, without a gap or a repeat.
    _, _, whole = call(f"{server}/api/v1/apbd?tahun={tahun}&limit=1000")
    kodes = [c["kode"] for c in whole["data"]["children"]]
    paged = []
    for offset in range(0, len(kodes), 7):
        _, _, part = call(f"{server}/api/v1/apbd?tahun={tahun}&limit=7&offset={offset}")
        assert part["meta"]["limit"] == 7 and part["meta"]["offset"] == offset and part["meta"]["total"] == len(kodes)
        paged += [c["kode"] for c in part["data"]["children"]]
    assert paged == kodes and len(set(kodes)) == len(kodes)
    # A village: belanja and realisasi against apbdes tables; every kegiatan, summing to belanja.
    _, _, v = call(f"{server}/api/v1/desa/{SILURAH}?tahun={tahun}&tahap=perubahan&limit=1000")
    belanja = con.execute(
        "SELECT SUM(nilai) FROM apbdes_anggaran WHERE tahun = ? AND tahap = 'perubahan' AND kode_desa = ? "
        "AND starts_with(kode_rekening, '5')",
        [tahun, SILURAH],
    ).fetchall()[0][0]
    assert _decimal(v["data"]["belanja"]) == belanja
    assert sum(_decimal(k["anggaran"]) for k in v["data"]["kegiatan"]) == belanja
    assert v["meta"]["demo"] is True and v["meta"]["source"] and v["meta"]["data_version"]


def test_api004_the_api_says_what_the_pages_show(server):
    from callbacks import apbd as apbd_page

    # The light village page and the regency summary.
    _, _, v = call(f"{server}/api/v1/desa/{SILURAH}?tahun=2025")
    page = visible(urllib.request.urlopen(f"{server}/desa/{SILURAH}?tahun=2025").read().decode())
    for key in ("belanja", "realisasi"):
        assert rupiah(Decimal(v["data"][key])).replace("\xa0", " ") in page, key
    for b in v["data"]["bidang"]:
        assert b["nama"] in page
    _, _, s = call(f"{server}/api/v1/ringkasan?tahun=2025")
    summary = visible(urllib.request.urlopen(f"{server}/ringkasan?tahun=2025").read().decode())
    assert rupiah(Decimal(s["data"]["belanja"])).replace("\xa0", " ") in summary
    # The interactive APBD page for the same URL shows the same node total, to the rupiah.
    _, _, node = call(f"{server}/api/v1/apbd?tahun=2025&dim=ekonomi&kode=5.1")
    drawn = json.dumps(apbd_page.render(tahun="2025", dim="ekonomi", kode="5.1"), cls=plotly.utils.PlotlyJSONEncoder)
    assert rupiah_full(Decimal(node["data"]["anggaran"])) in drawn
    assert rupiah_full(Decimal(node["data"]["realisasi"])) in drawn


@pytest.mark.parametrize(
    "query, status, parameter",
    [
        ("/ringkasan?tahun=19x", 400, "tahun"),
        ("/ringkasan?tahun=2019", 404, "tahun"),
        ("/ringkasan?tahun=2026&tahap=perubahan", 404, "tahap"),
        ("/ringkasan?tahap=final", 400, "tahap"),
        ("/tahun?foo=1", 400, "foo"),
        ("/apbd?tahun=2025&tahun=2024", 400, "tahun"),
        ("/apbd?skpd=1'; DROP TABLE x;--", 400, "skpd"),
        ("/apbd?limit=1001", 400, "limit"),
        ("/apbd?offset=-1", 400, "offset"),
        ("/apbd?dim=pendapatan&kode=5.1", 404, "kode"),
        ("/apbd?skpd=9.99.9.99.9.99.99.9999", 404, "skpd"),
        ("/desa/33.25.99.9999", 404, "kode"),
        ("/desa/abc", 400, "kode"),
        ("/serapan?unit=kota", 400, "unit"),
        ("/cari?q=a", 400, "q"),
        ("/tidak-ada", 404, None),
    ],
)
def test_api005_bad_parameters_get_json_errors_naming_them(server, query, status, parameter):
    got, headers, body = call(server + "/api/v1" + query.replace(" ", "%20"))
    assert got == status and headers["Content-Type"].startswith("application/json"), (query, got, body)
    assert body["error"]["parameter"] == parameter and body["error"]["message"] and body["error"]["pesan"]
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_api006_caching_cors_and_methods(server):
    url = f"{server}/api/v1/desa?tahun=2025&limit=5"
    status, headers, body = call(url)
    assert status == 200 and headers["ETag"] and "no-cache" in headers["Cache-Control"]
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert len(body["data"]) == 5 and body["meta"]["total"] > 200 and body["meta"]["limit"] == 5
    again, _, _ = call(url, {"If-None-Match": headers["ETag"]})
    assert again == 304
    status, headers, _ = call(url, method="POST")
    assert status == 405 and "GET" in headers["Allow"]


def test_api007_the_docs_page_works_offline_in_both_languages(server):
    _, _, spec = call(server + "/api/v1/openapi.json")
    for lang, words in (("id", "API data terbuka"), ("en", "Open data API")):
        page = html.unescape(urllib.request.urlopen(f"{server}/api?lang={lang}").read().decode())
        assert f'<html lang="{lang}">' in page and words in page
        assert "<script" not in page and not re.search(r'(src|href)="(https?:)?//', page)  # nothing from elsewhere
        for path in spec["paths"]:
            if path != "/api/v1/":
                assert f"GET {path}" in page and f"curl '{server}{path.split('{')[0]}" in page, path
