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
    from serving import cache

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
    from serving import cache

    before = cache.stats["stored"]
    _render(client, "/apbd", "?skpd=" + "x" * 1600)  # a parameter the page reads, far too long to keep
    assert cache.stats["stored"] == before


def test_parameters_no_page_reads_make_no_new_entry(client):
    """`?fbclid=` (every link shared on Facebook), `utm_*` and typos change nothing a page shows: they
    are answered from the entry of the same view without them, and never carried into its links."""
    from serving import cache

    plain = _render(client, "/apbd", "?dim=fungsi")
    stored, hits = cache.stats["stored"], cache.stats.get("response_hits", 0)
    for n in range(5):
        tagged = _render(client, "/apbd", f"?dim=fungsi&fbclid=IwAR{n}&utm_source=wa{n}&utm_medium=chat")
        assert tagged == plain
    assert cache.stats["stored"] == stored  # nothing new kept
    assert cache.stats.get("response_hits", 0) == hits + 5  # each answered as the plain view
    resp = client.post("/_dash-update-component", json=_shell_payload("/apbd", "?dim=fungsi&fbclid=IwAR9"))
    assert "fbclid" not in resp.get_data(as_text=True)  # the language link and the printed address


def _shell_payload(pathname: str, search: str) -> dict:
    return {
        "output": "..shell-nav.children...shell-footer.children...shell-title.data..",
        "outputs": [
            {"id": "shell-nav", "property": "children"},
            {"id": "shell-footer", "property": "children"},
            {"id": "shell-title", "property": "data"},
        ],
        "inputs": [
            {"id": "shell-url", "property": "pathname", "value": pathname},
            {"id": "shell-url", "property": "search", "value": search},
        ],
        "state": [],
        "changedPropIds": ["shell-url.search"],
    }


def test_every_parameter_a_page_reads_is_page_state():
    """The cache and the links keep only `serving.urls.STATE_PARAMS`: a page parameter missing there
    would be dropped from its URL."""
    import inspect

    import app  # noqa: F401  (registers the pages)
    from callbacks import apbd, data, desa, home, rapat, serapan
    from serving.urls import STATE_PARAMS

    for render in (
        apbd.render,
        data.render,
        desa.render,
        desa.render_village,
        home.render,
        rapat.render,
        serapan.render,
    ):
        named = {n for n, p in inspect.signature(render).parameters.items() if p.kind == p.POSITIONAL_OR_KEYWORD}
        assert named <= STATE_PARAMS, (render.__qualname__, named - STATE_PARAMS)


def test_warming_renders_the_most_visited_views(client, db_copy, monkeypatch):
    from budget import db, queries
    from serving import cache

    monkeypatch.setenv("CACHE_WARM", "1")
    import app

    views = app.warm_views()
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

    monkeypatch.setenv("QUERY_TIMEOUT", "0.2")
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

    monkeypatch.setenv("QUERY_TIMEOUT", "0.2")
    monkeypatch.setattr(queries, "years", slow_years)
    body = _render(client, "/apbd", "?tahun=2026&lang=en")
    assert "page-slow" in body and "took too long" in body
    monkeypatch.undo()  # the next visitor gets the page: the notice was never stored
    monkeypatch.setenv("BUDGET_DB", str(db_copy))
    body = _render(client, "/apbd", "?tahun=2026&lang=en")
    assert "page-slow" not in body and "apbd-treemap" in body


def test_every_property_a_callback_listens_to_has_a_type_in_the_gate(client):
    import app
    from serving import guard

    assert app.app.callback_map
    for output, cb in app.app.callback_map.items():
        for dep in cb.get("inputs", []) + cb.get("state", []):
            assert dep["property"] in guard.TYPES, (output, dep)
