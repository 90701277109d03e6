"""Meeting mode (`/rapat/<n>`) as plain values: one message per slide, for the Smart City Council.

`rapat_slide(n, tahun, tahap)` returns the slide's figures: 1 the year's budget, 2 absorption
against the cash plan, 3 and 4 the OPDs and villages in the critical band (the first few named, the
rest counted), 5 Dana Desa, 6 the year-end forecast; and what every slide's foot says (as of when,
demo data or not).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from budget import desa as dq
from budget import queries
from budget import serapan as sv

SLIDES = 6
SLIDE_LIST = 6  # names a slide can show in large type; the rest are counted, never dropped silently
ZERO = Decimal(0)


@dataclass(frozen=True)
class Budget:  # slide 1
    belanja: Decimal
    pendapatan: Decimal
    pembiayaan_netto: Decimal


@dataclass(frozen=True)
class Absorption:  # slide 2
    serapan: Decimal | None  # percent of the belanja budget
    rencana: Decimal | None  # the cash plan to the month, percent
    gap: Decimal  # plan minus realised, percentage points (> 0: behind)
    curve: dict[str, list[Decimal | None]]


@dataclass(frozen=True)
class Critical:  # slides 3 (OPDs) and 4 (villages)
    unit: str  # opd | desa
    count: int
    shown: list[sv.UnitStatus]  # the most behind first, at most SLIDE_LIST
    critical_pp: Decimal

    @property
    def more(self) -> int:
        return self.count - len(self.shown)


@dataclass(frozen=True)
class DanaDesa:  # slide 5
    anggaran: Decimal
    realisasi: Decimal
    village_serapan: Decimal | None  # all village spending, percent

    @property
    def pct(self) -> Decimal | None:
        return self.realisasi / self.anggaran * 100 if self.anggaran else None


@dataclass(frozen=True)
class YearEnd:  # slide 6
    point: Decimal | None  # percent of the budget; None: not enough history
    low: Decimal | None
    high: Decimal | None
    years: list[int]


@dataclass(frozen=True)
class RapatSlide:
    n: int
    tahun: int
    last_month: int
    published_at: dt.datetime | None
    illustrative: bool
    content: Budget | Absorption | Critical | DanaDesa | YearEnd


def slide_number(value: object) -> int:
    try:
        n = int(str(value))
    except (TypeError, ValueError):
        return 1
    return min(max(n, 1), SLIDES)


def _totals(tahun: int, m: int) -> tuple[Decimal, Decimal, Decimal]:
    sts = sv.opd_status(tahun, m)
    return (
        sum((s.anggaran for s in sts), ZERO),
        sum((s.realisasi for s in sts), ZERO),
        sum((s.rencana for s in sts), ZERO),
    )


def _critical(tahun: int, unit: str, m: int) -> Critical:
    sts = sv.opd_status(tahun, m) if unit == "opd" else sv.desa_status(tahun, sv.last_month(tahun, "desa") or 12)
    crit = sorted([s for s in sts if sv.band(s.deviasi) == "kritis"], key=lambda s: s.deviasi)
    return Critical(unit, len(crit), crit[:SLIDE_LIST], sv.CRITICAL_PP)


def _content(n: int, tahun: int, tahap: str, m: int):
    if n == 1:
        ov = queries.overview(tahun, tahap)
        return Budget(ov.belanja, ov.pendapatan, ov.pembiayaan_netto)
    if n == 2:
        a, r, p = _totals(tahun, m)
        return Absorption(
            r / a * 100 if a else None,
            p / a * 100 if a else None,
            (p - r) / a * 100 if a else ZERO,
            sv.curve(tahun, "opd", None),
        )
    if n in (3, 4):
        return _critical(tahun, "opd" if n == 3 else "desa", m)
    if n == 5:
        inc = {c: (a, r) for c, a, r in dq.income_by_source(tahun, tahap, dq.DesaNode())}
        dd_a, dd_r = inc.get("DDS", (ZERO, ZERO))
        vs = dq.villages(tahun, tahap)
        bel = sum((v.belanja for v in vs), ZERO)
        real = sum((v.realisasi for v in vs), ZERO)
        return DanaDesa(dd_a, dd_r, real / bel * 100 if bel else None)
    a, r, _ = _totals(tahun, m)
    f = sv.forecast("opd", tahun, m, None, "", a, r)
    if f.point is None:
        return YearEnd(None, None, None, list(f.years))
    return YearEnd(f.point_pct, f.low / a * 100, f.high / a * 100, list(f.years))


def rapat_slide(n: int, tahun: int, tahap: str) -> RapatSlide:
    """`n` from `slide_number`; `tahun` and `tahap` checked."""
    m = sv.last_month(tahun) or 12
    info = queries.dataset_info()
    published = dt.datetime.fromisoformat(info["published_at"]) if info.get("published_at") else None
    return RapatSlide(n, tahun, m, published, queries.is_illustrative(tahun), _content(n, tahun, tahap, m))
