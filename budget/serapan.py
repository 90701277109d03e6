"""Absorption (serapan) monitoring: realisation against the cash plan per OPD and per village,
status bands, movement, year-end forecasts and the mandatory-spending checks."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from decimal import Decimal

from budget import db, queries

ZERO = Decimal("0.00")
# Default band thresholds, in percentage points of the unit's budget by which cumulative
# realisation trails the cumulative cash plan. The plan averages ~8 points a month, so 5 points
# is a little over half a month late and 15 points nearly two months late.
WARNING_PP = Decimal(5)
CRITICAL_PP = Decimal(15)
UNITS = ("opd", "desa")
# unit -> (budget table, realisation table, unit code column); fixed identifiers for the SQL below.
UNIT_TABLES = {
    "opd": ("apbd_anggaran", "apbd_realisasi", "kode_skpd"),
    "desa": ("apbdes_anggaran", "apbdes_realisasi", "kode_desa"),
}


@dataclass
class UnitStatus:
    kode: str
    nama: str
    anggaran: Decimal
    realisasi: Decimal  # cumulative to the month
    rencana: Decimal  # cumulative plan to the month
    realisasi_prev: Decimal  # cumulative to the month before
    rencana_prev: Decimal

    @property
    def serapan(self) -> Decimal | None:
        return self.realisasi / self.anggaran * 100 if self.anggaran else None

    @property
    def rencana_pct(self) -> Decimal | None:
        return self.rencana / self.anggaran * 100 if self.anggaran else None

    @property
    def deviasi(self) -> Decimal | None:
        """Realised minus planned, in percentage points of the budget (negative = behind plan)."""
        return (self.realisasi - self.rencana) / self.anggaran * 100 if self.anggaran else None

    @property
    def deviasi_prev(self) -> Decimal | None:
        return (self.realisasi_prev - self.rencana_prev) / self.anggaran * 100 if self.anggaran else None


def band(deviasi: Decimal | None, warning: Decimal = WARNING_PP, critical: Decimal = CRITICAL_PP) -> str:
    """'aman' (on track), 'waspada' (warning) or 'kritis' (critical); 'na' without a budget."""
    if deviasi is None:
        return "na"
    if deviasi <= -critical:
        return "kritis"
    if deviasi <= -warning:
        return "waspada"
    return "aman"


def last_month(tahun: int, unit: str = "opd") -> int | None:
    return queries.last_month(tahun, UNIT_TABLES[unit][1])


def opd_status(tahun: int, bulan: int) -> list[UnitStatus]:
    """Every OPD's belanja budget (final tahap), realisation and plan, cumulative to `bulan`."""
    tahap = queries.final_stage(tahun)
    rows = db.query(
        """
        WITH a AS (SELECT kode_skpd, any_value(nama_skpd) nama, SUM(nilai) v FROM apbd_anggaran
                   WHERE tahun = ? AND tahap = ? AND starts_with(kode_rekening, '5') GROUP BY 1),
        r AS (SELECT kode_skpd, SUM(nilai) FILTER (WHERE bulan <= ?) v, SUM(nilai) FILTER (WHERE bulan <= ? - 1) p
              FROM apbd_realisasi WHERE tahun = ? AND starts_with(kode_rekening, '5') GROUP BY 1),
        k AS (SELECT kode_skpd, SUM(nilai) FILTER (WHERE bulan <= ?) v, SUM(nilai) FILTER (WHERE bulan <= ? - 1) p
              FROM apbd_anggaran_kas WHERE tahun = ? GROUP BY 1)
        SELECT a.kode_skpd, COALESCE(o.singkatan, a.nama), a.v, r.v, k.v, r.p, k.p
        FROM a LEFT JOIN r USING (kode_skpd) LEFT JOIN k USING (kode_skpd) LEFT JOIN ref_opd o ON o.kode = a.kode_skpd
        ORDER BY a.kode_skpd
        """,
        [tahun, tahap, bulan, bulan, tahun, bulan, bulan, tahun],
    )
    return [
        UnitStatus(k, n, Decimal(a), Decimal(r or 0), Decimal(p or 0), Decimal(rp or 0), Decimal(pp or 0))
        for k, n, a, r, p, rp, pp in rows
    ]


def village_norm(tahun: int) -> tuple[list[Decimal], list[int]]:
    """The reference plan for villages, which have no cash plan in the data: the share of the
    year's belanja budget that all villages together had realised by each month, averaged over
    the other complete years (linear 1/12 a month when there are none). Returns (12 cumulative
    shares, years used)."""
    rows = db.query(
        """
        WITH s AS ({FINAL}),
        b AS (SELECT x.tahun, SUM(nilai) v FROM apbdes_anggaran x JOIN s USING (tahun, tahap)
              WHERE starts_with(kode_rekening, '5') GROUP BY 1),
        complete AS (SELECT tahun FROM apbdes_realisasi GROUP BY 1 HAVING MAX(bulan) = 12),
        m AS (SELECT tahun, bulan, SUM(nilai) v FROM apbdes_realisasi WHERE starts_with(kode_rekening, '5')
              AND tahun IN (SELECT tahun FROM complete) AND tahun <> ? GROUP BY 1, 2)
        SELECT m.tahun, m.bulan, SUM(m.v) OVER (PARTITION BY m.tahun ORDER BY m.bulan) / b.v
        FROM m JOIN b USING (tahun) ORDER BY 1, 2
        """.replace("{FINAL}", queries.final_stage_sql("apbdes_anggaran")),
        [tahun],
    )
    years = sorted({int(r[0]) for r in rows})
    if not years:
        return [Decimal(m) / 12 for m in range(1, 13)], []
    by = {(int(y), int(m)): Decimal(v) for y, m, v in rows}
    shares = [sum(by.get((y, m), ZERO) for y in years) / len(years) for m in range(1, 13)]
    return shares, years


def desa_status(tahun: int, bulan: int) -> list[UnitStatus]:
    """Every village against the reference plan (see village_norm), cumulative to `bulan`."""
    tahap = queries.final_stage(tahun, "apbdes_anggaran")
    shares, _ = village_norm(tahun)
    rows = db.query(
        """
        WITH a AS (SELECT kode_desa, SUM(nilai) v FROM apbdes_anggaran
                   WHERE tahun = ? AND tahap = ? AND starts_with(kode_rekening, '5') GROUP BY 1),
        r AS (SELECT kode_desa, SUM(nilai) FILTER (WHERE bulan <= ?) v, SUM(nilai) FILTER (WHERE bulan <= ? - 1) p
              FROM apbdes_realisasi WHERE tahun = ? AND starts_with(kode_rekening, '5') GROUP BY 1)
        SELECT a.kode_desa, d.nama || ' (' || d.kecamatan || ')', a.v, r.v, r.p
        FROM a JOIN ref_desa d ON d.kode = a.kode_desa LEFT JOIN r USING (kode_desa) ORDER BY 1
        """,
        [tahun, tahap, bulan, bulan, tahun],
    )
    plan = shares[bulan - 1]
    prev = shares[bulan - 2] if bulan > 1 else ZERO
    return [
        UnitStatus(
            k,
            n,
            Decimal(a),
            Decimal(r or 0),
            (Decimal(a) * plan).quantize(Decimal("0.01")),
            Decimal(rp or 0),
            (Decimal(a) * prev).quantize(Decimal("0.01")),
        )
        for k, n, a, r, rp in rows
    ]


def curve(tahun: int, unit: str, kode: str | None) -> dict[str, list[Decimal | None]]:
    """Monthly cumulative realisation, plan (OPD / regency only) and last year's realisation, as shares
    of the year's final budget (percent), for one unit or (kode None) the whole regency/all villages."""
    out: dict[str, list[Decimal | None]] = {}
    budget_t, real_t, col = UNIT_TABLES[unit]  # fixed names, never input
    for year, label in ((tahun, "actual"), (tahun - 1, "previous")):
        tahap = queries.final_stage(year, budget_t)
        if tahap is None:
            continue
        budget = db.query(
            "SELECT SUM(nilai) FROM " + budget_t + " WHERE tahun = ? AND tahap = ? AND "
            "starts_with(kode_rekening, '5') AND (? IS NULL OR " + col + " = ?)",
            [year, tahap, kode, kode],
        )[0][0]
        months = dict(
            db.query(
                "SELECT bulan, SUM(nilai) FROM " + real_t + " WHERE tahun = ? AND "
                "starts_with(kode_rekening, '5') AND (? IS NULL OR " + col + " = ?) GROUP BY 1",
                [year, kode, kode],
            )
        )
        if label == "actual" and unit == "opd":
            plan = dict(
                db.query(
                    "SELECT bulan, SUM(nilai) FROM apbd_anggaran_kas WHERE tahun = ? AND "
                    "(? IS NULL OR kode_skpd = ?) GROUP BY 1",
                    [year, kode, kode],
                )
            )
            out["plan"] = _cum(plan, budget, 12)
        elif label == "actual":
            shares, _ = village_norm(tahun)
            out["plan"] = [s * 100 for s in shares]
        last = max(months) if months else 0
        out[label] = _cum(months, budget, last)
    return out


def _cum(months: dict, budget, last: int) -> list[Decimal | None]:
    if not budget:
        return [None] * 12
    run, out = ZERO, []
    for m in range(1, 13):
        run += Decimal(months.get(m, 0))
        out.append(run / Decimal(budget) * 100 if m <= last else None)
    return out


# ---------------------------------------------------------------------------------------------
# Year-end forecast
# ---------------------------------------------------------------------------------------------
@dataclass
class Forecast:
    kode: str | None
    nama: str
    anggaran: Decimal
    realisasi: Decimal  # to the month
    point: Decimal | None  # forecast year-end realisation
    low: Decimal | None
    high: Decimal | None
    years: list[int]

    @property
    def point_pct(self) -> Decimal | None:
        return self.point / self.anggaran * 100 if self.point is not None and self.anggaran else None


def _ratios(unit: str, bulan: int, before: int, by_unit: bool) -> dict[str | None, dict[int, Decimal]]:
    """For each complete year before `before`: belanja realised to `bulan` / realised in the whole year, for
    each unit (`by_unit`) or for the whole regency (key None). One completeness rule for both: a year is
    complete when its realisation table has December (a unit that realised nothing in December still counts)."""
    _, table, col = UNIT_TABLES[unit]  # fixed names, never input
    key = col if by_unit else "NULL"
    rows = db.query(
        "WITH complete AS (SELECT tahun FROM " + table + " GROUP BY 1 HAVING MAX(bulan) = 12) "
        "SELECT " + key + ", tahun, SUM(nilai) FILTER (WHERE bulan <= ?), SUM(nilai) FROM " + table + " "
        "WHERE tahun < ? AND tahun IN (SELECT tahun FROM complete) AND starts_with(kode_rekening, '5') "
        "GROUP BY 1, 2",
        [bulan, before],
    )
    out: dict[str | None, dict[int, Decimal]] = {}
    for kode, y, part, total in rows:
        if part and total:
            out.setdefault(kode, {})[int(y)] = Decimal(part) / Decimal(total)
    return out


def forecast(
    unit: str, tahun: int, bulan: int, kode: str | None, nama: str, anggaran: Decimal, realisasi: Decimal
) -> Forecast:
    """Year-end realisation = realised to this month / the share of the year this unit had usually
    realised by this month (mean over its past complete years); the range uses the lowest and
    highest past share. No past years -> no forecast. `kode` None is the whole regency."""
    ratios = _ratios(unit, bulan, tahun, by_unit=kode is not None).get(kode, {})
    return _from_ratios(ratios, bulan, kode, nama, anggaran, realisasi)


def _from_ratios(ratios: dict[int, Decimal], bulan: int, kode, nama, anggaran, realisasi) -> Forecast:
    if bulan >= 12:
        return Forecast(kode, nama, anggaran, realisasi, realisasi, realisasi, realisasi, sorted(ratios))
    if not ratios:
        return Forecast(kode, nama, anggaran, realisasi, None, None, None, [])
    mean = Decimal(statistics.fmean(float(r) for r in ratios.values()))
    return Forecast(
        kode,
        nama,
        anggaran,
        realisasi,
        realisasi / mean,
        realisasi / max(ratios.values()),
        realisasi / min(ratios.values()),
        sorted(ratios),
    )


def forecasts(unit: str, tahun: int, bulan: int, statuses: list[UnitStatus]) -> list[Forecast]:
    """Forecasts for many units with one query (the page shows every OPD and village)."""
    ratios = _ratios(unit, bulan, tahun, by_unit=True)
    return [_from_ratios(ratios.get(s.kode, {}), bulan, s.kode, s.nama, s.anggaran, s.realisasi) for s in statuses]
