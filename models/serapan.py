"""The absorption monitor (`/serapan`) as plain values.

`serapan_page(tahun, unit, bulan, warning, critical, kode)` decides everything the page shows: the
regency's (or all villages') absorption against the cash plan at the chosen month, the band counts, the
ranking with each unit's band and year-end forecast, who moved between bands since the month before,
the cumulative curve of the selected unit (or everyone), the forecast for that unit and the
mandatory-spending checks. The Dash renderer (`components/serapan.py`) only lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from budget import queries, rules
from budget import serapan as sv

MOVEMENT_SHOWN = 40  # units listed under "moved between bands"; the rest are counted


@dataclass(frozen=True)
class RankRow:
    rank: int
    kode: str
    nama: str
    band: str  # aman | waspada | kritis | na
    deviasi: Decimal | None  # realised minus planned, percentage points of the budget
    serapan: Decimal | None  # percent
    rencana_pct: Decimal | None  # percent
    anggaran: Decimal
    forecast: tuple[Decimal, Decimal, Decimal] | None  # year-end point, low, high (percent of budget)


@dataclass(frozen=True)
class Moved:
    nama: str
    before: str  # band last month
    after: str  # band this month


@dataclass(frozen=True)
class UnitForecast:
    state: str  # "value" | "final" (the year is closed) | "none" (too little history)
    point_pct: Decimal | None = None
    low_pct: Decimal | None = None
    high_pct: Decimal | None = None
    years: list[int] = field(default_factory=list)  # the complete years the forecast learns from


@dataclass(frozen=True)
class SerapanPage:
    tahun: int
    unit: str  # opd | desa
    bulan: int  # the month shown
    last_month: int  # the last month with realisation (12 when the year is closed)
    warning: Decimal  # thresholds in percentage points behind plan
    critical: Decimal
    illustrative: bool
    anggaran: Decimal  # all units together
    realisasi: Decimal
    rencana: Decimal
    counts: dict[str, int]  # aman/waspada/kritis -> number of units
    rows: list[RankRow]  # most behind plan first
    moved: list[Moved]  # the first MOVEMENT_SHOWN units that changed band since the month before
    moved_total: int
    selected: str | None  # the unit the curve and forecast show (None = everyone)
    selected_nama: str | None
    curve: dict[str, list[Decimal | None]]  # actual/plan/previous cumulative percent by month
    plan_years: list[int] | None  # villages: the years the typical village plan is learned from
    forecast: UnitForecast
    checks: list[rules.Check]

    @property
    def final(self) -> bool:
        return self.last_month == 12

    @property
    def serapan(self) -> Decimal | None:
        return self.realisasi / self.anggaran * 100 if self.anggaran else None

    @property
    def rencana_pct(self) -> Decimal | None:
        return self.rencana / self.anggaran * 100 if self.anggaran else None

    @property
    def months(self) -> range:
        return range(1, self.last_month + 1)

    @property
    def quarters(self) -> list[int]:
        return [q for q in range(1, 5) if q * 3 <= self.last_month]


def last_month(tahun: int, unit: str) -> int:
    return sv.last_month(tahun, unit) or 12


def _pct(part: Decimal | None, whole: Decimal) -> Decimal | None:
    return part / whole * 100 if part is not None and whole else None


def _forecast(f: sv.Forecast | None, bulan: int) -> UnitForecast:
    if bulan >= 12:
        return UnitForecast("final")
    if f is None or f.point is None or not f.anggaran:
        return UnitForecast("none")
    return UnitForecast("value", f.point_pct, _pct(f.low, f.anggaran), _pct(f.high, f.anggaran), list(f.years))


def serapan_page(
    tahun: int, unit: str, bulan: int, warning: Decimal, critical: Decimal, kode: str | None = None
) -> SerapanPage:
    """`unit`, `bulan` and the thresholds must already be checked; an unknown `kode` selects no one."""
    statuses = sv.opd_status(tahun, bulan) if unit == "opd" else sv.desa_status(tahun, bulan)
    by_kode = {s.kode: s for s in statuses}
    selected = kode if kode in by_kode else None
    total_a = sum((s.anggaran for s in statuses), Decimal(0))
    total_r = sum((s.realisasi for s in statuses), Decimal(0))
    total_p = sum((s.rencana for s in statuses), Decimal(0))
    bands = [sv.band(s.deviasi, warning, critical) for s in statuses]

    fc = {f.kode: f for f in sv.forecasts(unit, tahun, bulan, statuses)}
    ranked = sorted(statuses, key=lambda s: (s.deviasi is None, s.deviasi if s.deviasi is not None else 0))
    rows = []
    for i, s in enumerate(ranked):
        f = _forecast(fc.get(s.kode), bulan)
        rows.append(
            RankRow(
                rank=i + 1,
                kode=s.kode,
                nama=s.nama,
                band=sv.band(s.deviasi, warning, critical),
                deviasi=s.deviasi,
                serapan=s.serapan,
                rencana_pct=s.rencana_pct,
                anggaran=s.anggaran,
                forecast=(f.point_pct, f.low_pct, f.high_pct) if f.state == "value" else None,
            )
        )
    moved = []
    if bulan > 1:
        for s in statuses:
            before, after = sv.band(s.deviasi_prev, warning, critical), sv.band(s.deviasi, warning, critical)
            if before != after:
                moved.append(Moved(s.nama, before, after))

    unit_fc = fc.get(selected) if selected else None
    if unit_fc is None:
        unit_fc = sv.forecast(unit, tahun, bulan, None, "", total_a, total_r)
    return SerapanPage(
        tahun=tahun,
        unit=unit,
        bulan=bulan,
        last_month=last_month(tahun, unit),
        warning=warning,
        critical=critical,
        illustrative=queries.is_illustrative(tahun),
        anggaran=total_a,
        realisasi=total_r,
        rencana=total_p,
        counts={b: bands.count(b) for b in ("aman", "waspada", "kritis")},
        rows=rows,
        moved=moved[:MOVEMENT_SHOWN],
        moved_total=len(moved),
        selected=selected,
        selected_nama=by_kode[selected].nama if selected else None,
        curve=sv.curve(tahun, unit, selected),
        plan_years=sv.village_norm(tahun)[1] if unit == "desa" else None,
        forecast=_forecast(unit_fc, bulan),
        checks=rules.checks(tahun),
    )
