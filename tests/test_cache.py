"""Rendered pages are cached by data version: a repeat is served from the cache, a publish is never
hidden by it, and warming fills it with the most visited views."""

from __future__ import annotations

import json
import os
import re

import pytest

from tests import official_fixtures as fx
from tests.conftest import run_etl


def _payload(pathname: str, search: str = "") -> dict:
    return {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": pathname},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "state": [],
        "changedPropIds": ["_pages_location.pathname"],
    }


@pytest.fixture
def client(db_copy, monkeypatch):
    monkeypatch.setenv("BUDGET_DB", str(db_copy))
    import app

    c = app.server.test_client()
    assert c.get("/").status_code == 200  # Dash sets itself up on the first request
    return c


def _render(client, pathname: str, search: str = "") -> str:
    resp = client.post("/_dash-update-component", json=_payload(pathname, search))
    assert resp.status_code == 200, resp.data[:300]
    return json.dumps(resp.get_json()["response"]["_pages_content"]["children"])


def _budget_sentence(body: str) -> str:
    m = re.search(r"anggaran belanja (Rp[\d.,]+ ?[A-Za-z]*)", body)
    assert m, body[:500]
    return m.group(1)


def test_a_repeat_is_a_cache_hit_and_a_publish_is_never_hidden(client, db_copy, tmp_path):
    from callbacks import cache

    village = "/desa/33.25.01.2001/interaktif"
    before = dict(cache.stats)
    first = _render(client, village, "?tahun=2025")
    second = _render(client, village, "?tahun=2025")
    assert second == first
    assert cache.stats["misses"] == before["misses"] + 1
    # The repeat is answered with the stored JSON, without rendering or Dash's dispatch.
    assert cache.stats.get("response_hits", 0) == before.get("response_hits", 0) + 1
    assert cache.stats["hits"] == before["hits"]
    # The same page in a different URL form (an explicit default) reuses the rendered tree.
    _render(client, village, "?tahun=2025&tahap=")
    assert cache.stats["hits"] == before["hits"] + 1
    old = _budget_sentence(first)
    # Publish Silurah's own Siskeudes export: its 2025 budget changes.
    run_etl("load", str(fx.siskeudes_full_zip(tmp_path / "silurah.zip")), db=db_copy)
    third = _render(client, village, "?tahun=2025")
    assert cache.stats["misses"] == before["misses"] + 2  # the new version is rendered afresh
    new = _budget_sentence(third)
    assert new != old, (old, new)
    # belanja of the export, perubahan stage: 30.000.000 + 275.000.000 + 10.000.000 = Rp315 juta
    assert new.startswith("Rp315"), new
    assert _render(client, village, "?tahun=2025") == third


def test_the_cache_lives_beside_the_database_one_folder_per_version(client, db_copy):
    from budget import db

    _render(client, "/apbd", "?lang=en")
    folder = db.version_folder("cache")
    assert folder.parent == db_copy.parent / ".cache" and folder.name == db.data_version()
    assert any(folder.iterdir())


def test_unusual_parameters_are_rendered_but_not_stored(client):
    from callbacks import cache

    before = cache.stats["stored"]
    _render(client, "/apbd", "?cari=" + "x" * 1600)
    assert cache.stats["stored"] == before


def test_warming_renders_the_most_visited_views(client, db_copy, monkeypatch):
    from budget import db, queries
    from callbacks import cache

    monkeypatch.setenv("CACHE_WARM", "1")
    views = cache.warm_views()
    years = queries.years()
    assert len(views) == 2 * (3 + len(queries.skpd_codes(years[0])) + 1 + 2 * len(queries.desa_codes()))  # id and en
    assert len(queries.desa_codes()) == 248
    done = cache.warm("http://localhost/")
    assert done == len(views)
    folder = db.version_folder("cache")
    assert len([p for p in folder.iterdir() if not p.name.startswith(".")]) >= len(views)
    before = cache.stats["hits"]
    _render(client, "/desa/33.25.01.2002/interaktif")  # a village page a resident opens: already drawn
    assert cache.stats["hits"] == before + 1
    assert os.environ["CACHE_WARM"] == "1"


def test_a_query_past_its_time_limit_is_stopped(demo_db, monkeypatch):
    import time

    from budget import db

    monkeypatch.setattr(db, "QUERY_SECONDS", 0.2)
    t0 = time.perf_counter()
    with pytest.raises(db.QueryTimeout):
        db.query("SELECT COUNT(*) FROM range(100000000000) a WHERE a.range % 7 = 3")
    assert time.perf_counter() - t0 < 10
    assert db.query("SELECT 1") == [(1,)]  # the thread's cursor still works


def test_a_slow_page_says_so(client, db_copy, monkeypatch):
    from budget import db, queries

    real_years = queries.years

    def slow_years():  # the first statement of every page, made slow
        db.query("SELECT COUNT(*) FROM range(100000000000) a WHERE a.range % 7 = 3")
        return real_years()

    monkeypatch.setattr(db, "QUERY_SECONDS", 0.2)
    monkeypatch.setattr(queries, "years", slow_years)
    body = _render(client, "/apbd", "?tahun=2026&lang=en")
    assert "page-slow" in body and "took too long" in body
    monkeypatch.undo()  # the next visitor gets the page: the notice was never stored
    monkeypatch.setenv("BUDGET_DB", str(db_copy))
    body = _render(client, "/apbd", "?tahun=2026&lang=en")
    assert "page-slow" not in body and "apbd-treemap" in body


def test_every_property_a_callback_listens_to_has_a_type_in_the_gate(client):
    import app
    from callbacks import guard

    assert app.app.callback_map
    for output, cb in app.app.callback_map.items():
        for dep in cb.get("inputs", []) + cb.get("state", []):
            assert dep["property"] in guard.TYPES, (output, dep)
