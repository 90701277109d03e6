"""The app as it is served: real gunicorn, read-only data, no debugger, no CDN."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, free_port


@pytest.fixture(scope="module")
def server(demo_db):
    port = free_port()
    gunicorn = Path(sys.executable).parent / "gunicorn"
    env = {**os.environ, "BUDGET_DB": str(demo_db)}
    proc = subprocess.Popen(
        [str(gunicorn), "app:server", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url + "/", timeout=2)
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None:
                raise AssertionError(proc.stdout.read()) from None
            time.sleep(0.3)
    yield url
    proc.terminate()
    proc.wait(timeout=20)


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
    assert "Rp1.880.000.000.000" not in html
