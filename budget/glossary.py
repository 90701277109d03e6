"""The glossary of budget terms (`data/istilah.csv`): one file read by the /istilah page, the term links
on every page and the API.

Each term has a plain Indonesian and English explanation, where it comes from, and optionally an example
computed from the published data for the newest year (`contoh` names what to compute; `contoh_id` and
`example_en` are the sentences it fills).
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from budget.config import ROOT

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

    def example(self, lang: str) -> str | None:
        """The example sentence, with its figure from the published data (None when there is none)."""
        if not self.contoh:
            return None
        values = example_values(self.contoh, lang)
        if values is None:
            return None
        return (self.example_en if lang == "en" else self.contoh_id).format(**values)


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


@functools.lru_cache(maxsize=4)
def _home(version: str, tahun: int, tahap: str):
    """The regency summary the examples quote, once per data version (not once per term and language)."""
    from budget import queries
    from models.home import home_page

    years = queries.years()
    return home_page(tahun, tahap, years, queries.stages(tahun))


@functools.lru_cache(maxsize=4)
def _villages(version: str, tahun: int, tahap: str):
    from budget import desa as dq

    return dq.villages(tahun, tahap)


def example_values(spec: str, lang: str) -> dict | None:
    """The figures an example names, for the newest year and its final stage, formatted for `lang`."""
    from budget import db, queries
    from budget.db import DataUnavailable, QueryTimeout
    from budget.fmt import number, percent, rupiah
    from budget.i18n import month

    try:
        years = queries.years()
        if not years:
            return None
        tahun = years[0]
        stages = queries.stages(tahun)
        tahap = stages[-1]
        base = {"tahun": tahun, "tahap": tahap}
        kind, _, arg = spec.partition(":")
        if kind == "home":
            p = _home(db.data_version(), tahun, tahap)
            base["bulan"] = month(p.as_of_month, lang) if p.as_of_month else "–"
            if arg == "opd_count":
                return {**base, "count": number(p.opd_count, lang)}
            if arg == "rencana":
                return {**base, "value": percent(p.plan_share_to_date, lang, 1)} if p.plan_share_to_date else None
            value = getattr(p, arg)
            if value is None:
                return None
            return {**base, "value": percent(value, lang, 1) if arg == "serapan" else rupiah(value, lang)}
        if kind == "stage":
            from budget import explorer as ex

            for t in years:
                both = {s: v for y, s, v in ex.totals_by_year(ex.Node("org")) if y == t}
                if arg in both:
                    return {"tahun": t, "tahap": arg, "value": rupiah(both[arg], lang)}
            return None
        if kind == "node":
            from budget import explorer as ex

            dim, _, kode = arg.partition(":")
            node = ex.parse_node(dim, kode=kode)
            value = next((v for y, s, v in ex.totals_by_year(node) if y == tahun and s == tahap), None)
            return {**base, "value": rupiah(value, lang)} if value else None
        if kind == "villages":
            rows = _villages(db.data_version(), tahun, tahap)
            total = sum((getattr(v, arg) for v in rows), Decimal(0))
            return {**base, "count": number(len(rows), lang), "value": rupiah(total, lang)} if rows else None
    except (DataUnavailable, QueryTimeout, ValueError):
        return None
    return None
