"""Mandatory-spending checks for a year's budget, each with the regulation it comes from.

Where our data cannot measure a rule exactly (the law defines it by purpose, or excludes items our
accounts do not separate), the rule says how it is approximated instead of claiming precision.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from budget import db, queries
from budget.i18n import t


@dataclass(frozen=True)
class Rule:
    key: str
    min_pct: Decimal | None  # the share must be at least this
    max_pct: Decimal | None  # ... or at most this
    source: str  # the regulation, as cited
    in_force: tuple[int | None, int | None]  # (first year it binds, last year it binds); None = open

    def approximation(self, lang: str) -> str:
        """How our figure relates to the legal definition (the `rule.<key>.approximation` message)."""
        return t(f"rule.{self.key}.approximation", lang)


RULES = (
    Rule(
        "pegawai",
        None,
        Decimal(30),
        "UU 1/2022 (HKPD) Pasal 146 ayat (1)",
        (2027, None),
    ),
    Rule(
        "infrastruktur",
        Decimal(40),
        None,
        "UU 1/2022 (HKPD) Pasal 147 ayat (1)",
        (2027, None),
    ),
    Rule(
        "pendidikan",
        Decimal(20),
        None,
        "UUD 1945 Pasal 31 ayat (4); UU 20/2003 Pasal 49 ayat (1)",
        (None, None),
    ),
    Rule(
        "kesehatan",
        Decimal(10),
        None,
        "UU 36/2009 Pasal 171 ayat (2)",
        (None, 2023),
    ),
    Rule(
        "add",
        Decimal(10),
        None,
        "UU 6/2014 (Desa) Pasal 72 ayat (4); PP 43/2014 Pasal 96",
        (None, None),
    ),
)


@dataclass
class Check:
    rule: Rule
    pct: Decimal | None
    numerator: Decimal
    denominator: Decimal
    status: str  # "ok", "gagal" (fails), "transisi" (not yet binding), "info" (no longer binding)


def _status(rule: Rule, tahun: int, pct: Decimal | None) -> str:
    first, last = rule.in_force
    binding = (first is None or tahun >= first) and (last is None or tahun <= last)
    if pct is None:
        return "info"
    meets = (rule.min_pct is None or pct >= rule.min_pct) and (rule.max_pct is None or pct <= rule.max_pct)
    if binding:
        return "ok" if meets else "gagal"
    return "transisi" if (first is not None and tahun < first) else "info"


def checks(tahun: int) -> list[Check]:
    """Every rule against the year's final budget (perubahan where it exists)."""
    tahap = queries.final_stage(tahun)
    row = db.query(
        """
        SELECT
          SUM(nilai) FILTER (WHERE starts_with(kode_rekening, '5.')),
          SUM(nilai) FILTER (WHERE starts_with(kode_rekening, '5.1.01')),
          SUM(nilai) FILTER (WHERE starts_with(kode_rekening, '5.2')),
          SUM(nilai) FILTER (WHERE starts_with(kode_rekening, '5.4')),
          SUM(nilai) FILTER (WHERE starts_with(kode_rekening, '5.') AND starts_with(kode_sub_kegiatan, '1.01.')),
          SUM(nilai) FILTER (WHERE starts_with(kode_rekening, '5.') AND NOT starts_with(kode_rekening, '5.1.01')
                             AND starts_with(kode_sub_kegiatan, '1.02.')),
          SUM(nilai) FILTER (WHERE starts_with(kode_rekening, '5.4.02.05.01')),
          SUM(nilai) FILTER (WHERE starts_with(kode_rekening, '4.2.01.08') OR starts_with(kode_rekening, '4.2.01.07'))
        FROM apbd_anggaran WHERE tahun = ? AND tahap = ?
        """,
        [tahun, tahap],
    )[0]
    total, pegawai, modal, transfer, didik, sehat, add, daudbh = (Decimal(v or 0) for v in row)
    pairs = {
        "pegawai": (pegawai, total),
        "infrastruktur": (modal, total - transfer),
        "pendidikan": (didik, total),
        "kesehatan": (sehat, total - pegawai),
        "add": (add, daudbh),
    }
    out = []
    for rule in RULES:
        num, den = pairs[rule.key]
        pct = num / den * 100 if den else None
        out.append(Check(rule, pct, num, den, _status(rule, tahun, pct)))
    return out
