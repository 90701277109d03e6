"""The gettext catalogues: every message in every language, none unused, none missing, and an English page
that shows no Indonesian sentence of ours (and the other way round)."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from budget import i18n
from tests.test_lite import visible

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import messages  # noqa: E402  (tools/messages.py: the same check as `python tools/messages.py check`)


def test_the_catalogues_match_the_code():
    """No key the code asks for is missing, no message is unused, every language has every message with
    the same placeholders, and the template is in step with the Indonesian catalogue."""
    assert messages.check() == []
    assert i18n.LANGS[:2] == ("id", "en")
    assert len(i18n.MESSAGES["id"]) == len(i18n.MESSAGES["en"]) > 400


def test_the_check_finds_each_kind_of_problem(tmp_path, monkeypatch):
    """The check is not vacuous: a copy of the catalogues with a gap, an empty message, a changed placeholder
    and a message no code uses gets one complaint for each."""
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", locale)
    en = locale / "en" / "LC_MESSAGES" / "messages.po"
    text = en.read_text(encoding="utf-8")
    text = text.replace('msgid "nav.home"\nmsgstr "Overview"', 'msgid "nav.home"\nmsgstr ""')
    text = text.replace('msgstr "{n} rows"', 'msgstr "{count} rows"')
    text = re.sub(r'msgid "nav.apbd"\nmsgstr "[^"]*"\n', "", text)
    en.write_text(text, encoding="utf-8")
    idn = locale / "id" / "LC_MESSAGES" / "messages.po"
    idn.write_text(idn.read_text(encoding="utf-8") + '\nmsgid "nav.nowhere"\nmsgstr "Tidak dipakai"\n', "utf-8")
    monkeypatch.setattr(messages, "LOCALE", locale)
    monkeypatch.setattr(messages, "POT", locale / "messages.pot")
    problems = "\n".join(messages.check())
    assert "en: nav.home is untranslated" in problems
    assert "en: data.rows has placeholders ['count']" in problems
    assert "en: no message nav.apbd" in problems
    assert "catalogue: nav.nowhere is not used by any code" in problems
    assert "messages.pot is out of step" in problems


def test_a_third_language_is_one_file(tmp_path):
    """A language is a catalogue: adding `locale/jv/LC_MESSAGES/messages.po` adds Javanese, after Indonesian
    and English, and a message it lacks falls back to Indonesian."""
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", locale, ignore=shutil.ignore_patterns("*.mo"))
    jv = locale / "jv" / "LC_MESSAGES"
    jv.mkdir(parents=True)
    text = (locale / "en" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    text = text.replace('msgid "nav.home"\nmsgstr "Overview"', 'msgid "nav.home"\nmsgstr "Ringkesan"')
    (jv / "messages.po").write_text(text.replace("Language: en", "Language: jv"), encoding="utf-8")
    found = i18n.catalogues(locale)
    assert list(found) == ["id", "en", "jv"]
    assert found["jv"]["nav.home"] == "Ringkesan" and found["jv"]["nav.apbd"] == "Explore APBD"


def _own_sentences(lang: str) -> set[str]:
    """Pieces of the other language's messages (12+ characters, 2+ words) that no message of `lang` has."""
    other = "id" if lang == "en" else "en"
    mine = " \n ".join(i18n.MESSAGES[lang].values()).lower()
    pieces = set()
    for key, text in i18n.MESSAGES[other].items():
        if text == i18n.MESSAGES[lang].get(key) or key.startswith(("source.", "app.", "manifest.")):
            continue
        for part in re.split(r"\{[^}]*\}|[.;:()“”\"]", text):
            part = " ".join(part.split()).strip(" ,·–-→")
            if len(part) >= 12 and " " in part and part.lower() not in mine:
                pieces.add(part)
    return pieces


PAGES = [
    "/",
    "/apbd",
    "/apbd?dim=ekonomi&kode=5.1",
    "/desa",
    "/desa?desa=33.25.01.2001",
    "/serapan",
    "/serapan?unit=desa",
    "/rapat",
    "/rapat/3",
    "/data",
    "/ringkasan",
    "/desa/33.25.01.2001",
    "/desa/33.25.11.1013",
    "/desa/33.25.01.2001/interaktif",
    "/cari?q=kali",
    "/api",
    "/kelola/masuk",
    "/tidak-ada",
]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_page_shows_a_sentence_of_the_other_language(demo_db, monkeypatch, lang):
    """Each page, as its reader first sees it (the first-view snapshot of an interactive page, the whole of
    a light page), holds no piece of our own messages in the other language. (The glossary, /istilah, gives
    every term in both languages by design, and is left out.)"""
    monkeypatch.setenv("BUDGET_DB", str(demo_db))
    import app

    client = app.server.test_client()
    other = "id" if lang == "en" else "en"
    pieces = _own_sentences(lang)
    assert len(pieces) > 200
    problems = []
    for path in PAGES:
        url = path + ("&" if "?" in path else "?") + f"lang={lang}"
        page = client.get(url).get_data(as_text=True)
        if '<div id="ssr-snapshot">' in page:
            page = page[page.index('<div id="ssr-snapshot">') : page.index('<div id="react-entry-point"')]
        page = re.sub(r"(?s)<script[^>]*>.*?</script>", " ", page)  # code and data, not what a reader sees
        # Text marked as the other language (the API page's OpenAPI descriptions, `lang="en"`) is honest.
        page = re.sub(rf'(?s)<(\w+)[^>]* lang="{other}"[^>]*>.*?</\1>', " ", page)
        # The house rule keeps the Indonesian term in brackets in English ("budget realisation report
        # (Laporan Realisasi Anggaran)"), and the glossary gives each term in both languages.
        words = re.sub(r"\([^()]*\)", " ", visible(page))
        assert len(words) > 40, (url, words)
        problems += [f"{url}: {p!r}" for p in sorted(pieces) if p in words]
    assert problems == [], "\n".join(problems)
