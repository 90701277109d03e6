"""The glossary: one file of terms, the /istilah page in both languages, the API's copy, and the
words on the pages that explain themselves in one tap."""

from __future__ import annotations

import re

import pytest

from budget import glossary
from models.glossary import example
from tests.test_lite import visible

REQUIRED = [  # the terms residents meet on our pages (issue 14)
    "apbd", "apbdes", "anggaran", "realisasi", "serapan", "murni", "perubahan", "pendapatan", "belanja",
    "pembiayaan", "silpa", "pad", "dau", "dak", "dbh", "dana_desa", "add", "opd", "program", "kegiatan",
    "sub_kegiatan", "rekening", "belanja_pegawai", "belanja_modal", "anggaran_kas", "bidang", "wilayah",
    "siskeudes", "lra",
]  # fmt: skip


@pytest.fixture(scope="module")
def client(demo_db):
    import app as app_module

    return app_module.server.test_client()


def test_glossary001_one_file_with_every_term_explained_in_one_sentence_each_language(demo_db):
    terms = glossary.terms()
    keys = [t.key for t in terms]
    assert len(terms) >= 25 and len(set(keys)) == len(keys)
    assert set(REQUIRED) <= set(keys)
    for t in terms:
        for text in (t.penjelasan, t.explanation):
            assert text.endswith(".") and ". " not in text.rstrip("."), (t.key, text)  # one sentence
        assert t.penjelasan != t.explanation and t.sumber and t.istilah and t.term_en
    with_example = [t for t in terms if example(t, "id")]
    assert len(with_example) >= 15  # examples from our own data where one fits
    for t in with_example:
        assert example(t, "en") and re.search(r"\d", example(t, "id")), t.key


def test_glossary002_the_page_and_the_api_show_the_file(client, demo_db):
    from budget import queries
    from budget.fmt import rupiah
    from models.home import home_page

    years = queries.years()
    tahun, stages = years[0], queries.stages(years[0])
    p = home_page(tahun, stages[-1], years, stages)
    for lang in ("id", "en"):
        page = client.get(f"/istilah?lang={lang}").get_data(as_text=True)
        seen = visible(page)
        assert f'<html lang="{lang}">' in page
        for t in glossary.terms():
            assert f'id="{t.key}"' in page and t.text(lang) in seen and t.sumber in seen, (lang, t.key)
        # An example's figure is the one the summary shows, and the page says the data is demo data.
        assert rupiah(p.belanja, lang).replace("\xa0", " ") in seen
        assert "Data demo" in seen or "Demo data" in seen
    body = client.get("/api/v1/istilah?limit=1000").get_json()
    assert [x["kunci"] for x in body["data"]] == [t.key for t in glossary.terms()]
    assert body["meta"]["total"] == len(glossary.terms())


def test_glossary003_light_pages_explain_their_words_on_a_tap(client, demo_db):
    for path, keys in (
        ("/desa/33.25.01.2001", ["serapan", "dana_desa", "bidang"]),
        ("/ringkasan", ["serapan", "anggaran_kas"]),
    ):
        page = client.get(path).get_data(as_text=True)
        for key in keys:
            m = re.search(rf'(?s)<details class="term" id="term-{key}"><summary>(.*?)</summary><p>(.*?)</p>', page)
            assert m, (path, key)
            assert glossary.term(key).penjelasan in m.group(2) and f'href="/istilah#{key}"' in m.group(2)


def test_glossary004_kpi_titles_and_column_headers_link_to_their_explanation(dash_duo, demo_db):
    import app as app_module

    dash_duo.start_server(app_module.app)
    dash_duo.wait_for_element("#kpi-serapan-value")
    link = dash_duo.find_element("#kpi-serapan a.term-link")
    assert link.get_attribute("title") == glossary.term("serapan").penjelasan
    assert link.get_attribute("href").endswith("/istilah#serapan")
    link.click()  # one tap to the explanation
    dash_duo.wait_for_contains_text("#serapan h2", "serapan")
    assert glossary.term("serapan").penjelasan in dash_duo.find_element("#serapan").text
    dash_duo.driver.back()  # and Back returns to the overview
    dash_duo.wait_for_element("#kpi-serapan-value")
    # The APBD table's headers, in English too.
    dash_duo.wait_for_page(url=dash_duo.server_url + "/apbd?lang=en")
    header = dash_duo.wait_for_element("#apbd-table th a.term-link[href$='#serapan']")
    assert header.get_attribute("href").endswith("/istilah?lang=en#serapan")
    assert header.get_attribute("title") == glossary.term("serapan").explanation


def test_glossary005_an_app_without_the_file_fails_loudly(tmp_path, monkeypatch):
    bad = tmp_path / "istilah.csv"
    bad.write_text(
        "kunci,istilah,term_en,penjelasan,explanation,sumber,contoh,contoh_id,example_en\nBad Key,x,x,x.,y.,s,,,\n"
    )
    monkeypatch.setattr(glossary, "FILE", bad)
    glossary._load.cache_clear()
    try:
        with pytest.raises(ValueError, match="bad kunci"):
            glossary.terms()
    finally:
        monkeypatch.undo()
        glossary._load.cache_clear()
