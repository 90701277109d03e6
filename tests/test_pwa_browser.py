"""Installable and readable offline, in real Chromium against real gunicorn: the manifest and the service
worker are served, a page visited once opens again when the server is gone, with its as-of date, and
a publish changes the worker's cache names."""

from __future__ import annotations

import json
import time
import urllib.request

from tests.conftest import run_etl
from tests.helpers import served
from tests.official_fixtures import perda_xlsx

VILLAGE = "/desa/33.25.01.2001"


def _get(url: str) -> tuple[int, dict, bytes]:
    with urllib.request.urlopen(url, timeout=20) as r:
        return r.status, dict(r.headers), r.read()


def _wait(driver, script: str, timeout: float = 20) -> object:
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for: {script}")


def test_pwa001_manifest_worker_and_icons_are_served(demo_db, tmp_path):
    with served(demo_db) as (url, _proc, db):
        status, headers, body = _get(url + "/manifest.webmanifest")
        manifest = json.loads(body)
        assert status == 200 and headers["Content-Type"] == "application/manifest+json"
        assert manifest["display"] == "standalone" and manifest["theme_color"] and manifest["start_url"]
        sizes = {(i["sizes"], i["purpose"]) for i in manifest["icons"]}
        assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
        for icon in manifest["icons"]:
            assert _get(url + icon["src"])[0] == 200
        _, headers, worker = _get(url + "/sw.js")
        assert headers["Cache-Control"] == "no-cache" and b"at-pages-" in worker
        before = worker.decode()
        # Every page links the manifest; the interactive pages say their language on <html>.
        for path in (VILLAGE, "/ringkasan", "/apbd?lang=en"):
            page = _get(url + path)[2].decode()
            assert '<link rel="manifest" href="/manifest.webmanifest">' in page, path
        assert '<html lang="en">' in _get(url + "/apbd?lang=en")[2].decode()
        # A publish gives the worker new cache names, so no phone keeps showing the old data once online.
        run_etl("load", str(perda_xlsx(tmp_path / "perda_2022.xlsx")), db=db)
        after = _get(url + "/sw.js")[2].decode()
        assert after != before and after.split("at-pages-")[1][:8] != before.split("at-pages-")[1][:8]


def test_pwa002_a_page_seen_once_opens_offline_with_its_as_of_date(dash_duo, demo_db):
    driver = dash_duo.driver
    with served(demo_db) as (url, proc, _db):
        driver.get(url + VILLAGE)
        _wait(driver, "return !!navigator.serviceWorker", timeout=5)
        state = driver.execute_async_script(
            "var done = arguments[0];"
            "navigator.serviceWorker.ready.then(r => done(r.active && r.active.state))"
            ".catch(e => done('error ' + e));"
        )
        assert state in ("activated", "activating"), state
        # Seen once while controlled by the worker: now they are saved.
        for path in ("/apbd", "/ringkasan?lang=en", VILLAGE):
            driver.get(url + path)
            time.sleep(2 if path == "/apbd" else 0.3)
        asof = driver.execute_script("return document.querySelector('meta[name=\"data-asof\"]').content")
        proc.terminate()  # the network is gone: nothing answers any more
        proc.wait(timeout=30)
        driver.get(url + VILLAGE)
        notice = _wait(driver, "var n = document.getElementById('offline-notice'); return n && n.innerText")
        assert "offline" in notice.lower() and asof in notice
        assert "Desa Silurah" in driver.find_element("id", "v-title").text
        assert "Rp" in driver.find_element("id", "v-budget").text  # the figures, not only the frame
        driver.get(url + "/ringkasan?lang=en")
        notice = _wait(driver, "var n = document.getElementById('offline-notice'); return n && n.innerText")
        assert notice.startswith("Offline") and "Batang Regency budget" in driver.find_element("id", "lite-title").text
        # The interactive explorer too: its shell, bundles and page content come from the saved copies.
        driver.get(url + "/apbd")
        _wait(driver, "return document.getElementById('offline-notice') !== null")
        _wait(
            driver,
            "var t = document.getElementById('apbd-node-anggaran'); return t && t.innerText.includes('Rp')",
            timeout=30,
        )
