"""The glossary of budget terms (`data/istilah.csv`): one file read by the /istilah page, the term links
on every page and the API.

Each term has a plain Indonesian and English explanation, where it comes from, and optionally an example
computed from the published data for the newest year (`contoh` names what to compute; `contoh_id` and
`example_en` are the sentences it fills, in `models/glossary.py`).
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from settings import ROOT

FILE = ROOT / "data" / "istilah.csv"
RE_KEY = re.compile(r"[a-z_]{2,30}")


@dataclass(frozen=True)
class Term:
    key: str
    istilah: str
    term_en: str
    penjelasan: str
    explanation: str
    sumber: str
    contoh: str  # what to compute for the example ("" for none)
    contoh_id: str
    example_en: str

    def text(self, lang: str) -> str:
        return self.explanation if lang == "en" else self.penjelasan

    def name(self, lang: str) -> str:
        return self.term_en if lang == "en" else self.istilah

    def example_sentence(self, lang: str) -> str:
        """The example's sentence with its {placeholders} (`models/glossary.py` fills them)."""
        return self.example_en if lang == "en" else self.contoh_id


@functools.lru_cache(maxsize=1)
def _load() -> tuple[Term, ...]:
    with FILE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    terms = tuple(
        Term(
            r["kunci"],
            r["istilah"],
            r["term_en"],
            r["penjelasan"],
            r["explanation"],
            r["sumber"],
            r["contoh"],
            r["contoh_id"],
            r["example_en"],
        )
        for r in rows
    )
    for t in terms:
        if not RE_KEY.fullmatch(t.key):
            raise ValueError(f"{FILE}: bad kunci {t.key!r}")
    return terms


def terms() -> list[Term]:
    return list(_load())


def term(key: str) -> Term | None:
    return next((t for t in _load() if t.key == key), None)
