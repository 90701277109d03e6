"""The app as it is served: real gunicorn, read-only data, no debugger, no CDN."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest

from tests.helpers import served


@pytest.fixture(scope="module")
def server(demo_db):
    """The committed serving configuration, as `make run` uses it (cache warming on); only the port differs."""
    with served(demo_db, env={"CACHE_WARM": "1"}) as (url, _proc, _db):
        yield url


def get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read().decode()


def test_serve001_every_script_and_stylesheet_is_local(server):
    status, _, html = get(server + "/")
    assert status == 200
    refs = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert refs, "no assets found in the index page"
    assert [r for r in refs if re.match(r"(https?:)?//", r)] == []
    css = [r for r in refs if "bootstrap" in r]
    assert css and get(server + css[0])[0] == 200


def test_serve002_gunicorn_serves_the_overview_in_a_real_browser(dash_br, server):
    dash_br.wait_for_page(server + "/?tahun=2023&tahap=murni")
    dash_br.wait_for_text_to_equal("#kpi-pendapatan-full", "Rp1.773.375.171.879")
    dash_br.wait_for_text_to_equal("#kpi-belanja-full", "Rp1.823.587.840.833")
    assert dash_br.get_logs() == []


def test_serve003_no_debugger(server):
    status, ctype, text = get(server + "/?__debugger__=yes&cmd=resource&f=style.css")
    assert "text/html" in ctype and "_dash-config" in text  # the app's page, not the debugger's CSS
    assert '"debug":true' not in text.replace(" ", "")
    status, _, text = get(server + "/_dash-layout")
    assert status == 200 and "Traceback" not in text


def test_serve004_the_first_page_is_light_for_mobile_data(server):
    get(server + "/")  # the first request builds Dash's validation layout
    status, _, html = get(server + "/")
    assert status == 200
    assert len(html.encode()) < 100_000, len(html.encode())  # not every page's stale render
    # Its own first view once (firstview/snapshot.py), no other page's: not the /apbd chart note, nor the
    # monitor's thresholds, nor the village drill's title.
    assert html.count('<div id="ssr-snapshot">') == 1 and "Rp1.880.000.000.000" in html
    for elsewhere in ("Grafik menampilkan 12 terbesar", "Bawaan 5 dan 15 poin", "APBDes 2026: anggaran"):
        assert elsewhere not in html, elsewhere


def request(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, dict, str]:
    req = urllib.request.Request(url, data=data, headers=headers or {}, method="POST" if data is not None else "GET")
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()


def post_json(url: str, body: object) -> tuple[int, dict, str]:
    import json

    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return request(url + "/_dash-update-component", data, {"Content-Type": "application/json"})


PAGES_OUT = ".._pages_content.children..._pages_store.data.."
PAGES_OUTPUTS = [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}]


def pages_payload(pathname: object = "/apbd", search: object = "?tahun=2026") -> dict:
    return {
        "output": PAGES_OUT,
        "outputs": PAGES_OUTPUTS,
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": pathname},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "state": [],
        "changedPropIds": ["_pages_location.pathname"],
    }


def test_serve005_security_headers_on_every_page(server):
    for path in ("/", "/apbd?lang=en", "/desa/33.25.01.2001", "/ringkasan?lang=en", "/cari?q=silu", "/tidak-ada"):
        status, headers, _ = request(server + path)
        assert status in (200, 404), path
        csp = headers["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
        assert directives["default-src"] == "'self'" and directives["frame-ancestors"] == "'self'"
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
        script = directives["script-src"].split()
        assert script[0] == "'self'" and all(s.startswith("'sha256-") for s in script[1:]), script
        assert "'unsafe-eval'" not in script and "'unsafe-inline'" not in script
        assert "http" not in csp  # no external origin anywhere
        assert headers["X-Frame-Options"] == "SAMEORIGIN"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
        assert "camera=()" in headers["Permissions-Policy"]


def test_serve006_request_limits(server):
    status, _, body = request(server + "/apbd?cari=" + "a" * 3000)
    assert status == 414 and "query string" in body
    # A body over 1 MB is refused from its Content-Length, before it is read. The test announces 2 MB and
    # sends none of it: sending it all would race the server closing the connection after its 413.
    import http.client
    from urllib.parse import urlsplit

    conn = http.client.HTTPConnection(urlsplit(server).netloc, timeout=20)
    conn.putrequest("POST", "/_dash-update-component")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Content-Length", str(2 * 1024 * 1024))
    conn.endheaders()
    resp = conn.getresponse()
    status, body = resp.status, resp.read().decode()
    conn.close()
    assert status == 413 and "payload too large" in body
    deep: list = []
    node = deep
    for _ in range(40):
        node.append([])
        node = node[0]
    status, _, body = post_json(server, {"output": PAGES_OUT, "inputs": deep})
    assert status == 400 and "deeper" in body


MALFORMED = {
    "not json": b"{not json",
    "a list": [1, 2, 3],
    "unknown output": {"output": "nope.children", "inputs": []},
    "list for the search string": pages_payload(search=["?tahun=2026"]),
    "true for the pathname": pages_payload(pathname=True),
    "huge search string": pages_payload(search="?" + "x" * 10_000),
    "wrong input ids": {**pages_payload(), "inputs": [{"id": "x", "property": "value", "value": 1}]},
    "outputs missing": {**pages_payload(), "outputs": []},
    "state not a list": {**pages_payload(), "state": "x"},
    "changed ids not strings": {**pages_payload(), "changedPropIds": [{"a": 1}]},
}


@pytest.mark.parametrize("kind", list(MALFORMED))
def test_serve007_malformed_callback_payloads_get_a_400_never_a_500(server, kind):
    status, _, body = post_json(server, MALFORMED[kind])
    assert status == 400, (status, body[:300])
    assert "Traceback" not in body and "error" in body


def test_serve008_a_real_callback_payload_still_renders(server):
    status, _, body = post_json(server, pages_payload("/apbd", "?tahun=2026&lang=en"))
    assert status == 200 and "apbd-treemap" in body


@pytest.mark.parametrize(
    "path",
    [
        "/unduh/../../etc/passwd",
        "/unduh/..%2f..%2fapp.py",
        "/unduh/apbd_anggaran.exe",
        "/assets/../app.py",
        "/_dash-component-suites/../../app.py",
        "/unduh/x",
        "/%2e%2e/%2e%2e/etc/passwd",
    ],
)
def test_serve009_hostile_paths_get_a_404_never_a_500(server, path):
    status, _, body = request(server + path)
    assert status == 404, (status, body[:200])
    assert "Traceback" not in body and "import " not in body
