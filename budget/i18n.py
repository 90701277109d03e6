"""Every UI string, from the gettext catalogues in `locale/` (Indonesian first, English as an equal).

`t(key, lang, **values)` formats one message. The msgid is a stable key ("nav.home"), and every language is
one file, `locale/<lang>/LC_MESSAGES/messages.po`; `make messages` compiles them to `.mo` (read when it is
newer than its `.po`, else the `.po` is read directly). A language with a catalogue is a language of the
app; a message a language lacks falls back to Indonesian (tests/test_messages.py fails on any such gap).

In English, domain words a reader would not know are translated, with the Indonesian term in brackets
where it helps someone who will read official documents ("Absorption (serapan)"). Names (Desa Kaliboyo,
Kecamatan Batang) and acronyms (APBD, OPD, Dana Desa) stay as they are.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babel.dates import format_datetime, get_month_names
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"
DEFAULT_LANG = "id"
BABEL_LOCALE = {"id": "id_ID", "en": "en_US"}  # dates and month names; another language uses its own code


def read_catalogue(po: Path) -> dict[str, str]:
    """msgid -> msgstr of one language: its compiled `.mo` when that is up to date, else the `.po`."""
    mo = po.with_suffix(".mo")
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as f:
            catalog = read_mo(f)
    else:
        with po.open("rb") as f:
            catalog = read_po(f)
    return {m.id: m.string for m in catalog if m.id and isinstance(m.id, str) and m.string}


@lru_cache(maxsize=4)
def catalogues(directory: Path = LOCALE_DIR) -> dict[str, dict[str, str]]:
    """Every language with a catalogue under `directory`: Indonesian, English, then any other by code."""
    found = {po.parent.parent.name: po for po in directory.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    order = sorted(found, key=lambda lang: (lang != "id", lang != "en", lang))
    return {lang: read_catalogue(found[lang]) for lang in order}


MESSAGES = catalogues()
LANGS = tuple(MESSAGES)
# Both first languages, key -> (Indonesian, English): what the tests that compare the two read.
STRINGS: dict[str, tuple[str, str]] = {
    key: (text, MESSAGES.get("en", {}).get(key, "")) for key, text in MESSAGES[DEFAULT_LANG].items()
}


def norm_lang(value: object) -> str:
    """Allow-list the language parameter from the URL."""
    return value if value in LANGS else DEFAULT_LANG  # type: ignore[return-value]


def has(key: str) -> bool:
    return key in MESSAGES[DEFAULT_LANG]


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The message `key` in `lang` (Indonesian when `lang` has none), formatted with `values`.
    An unknown key is a KeyError: a programming error that tests/test_messages.py catches first."""
    text = MESSAGES[norm_lang(lang)].get(key) or MESSAGES[DEFAULT_LANG][key]
    return text.format(**values) if values else text


def reader_name(reader: str, lang: str = DEFAULT_LANG) -> str:
    """How a file was read, in words of `lang` (the reader's own name when it has none yet)."""
    key = "reader." + reader
    return t(key, lang) if has(key) else reader


def _babel_locale(lang: str) -> str:
    lang = norm_lang(lang)
    return BABEL_LOCALE.get(lang, lang)


def month(m: int, lang: str = DEFAULT_LANG, width: str = "wide") -> str:
    return get_month_names(width, locale=_babel_locale(lang))[m]


def datetime_text(value, lang: str = DEFAULT_LANG) -> str:
    return format_datetime(value, "d MMMM y HH:mm", locale=_babel_locale(lang))
