"""Backtest of the year-end forecast used on /serapan and /rapat.

For every complete year Y that has at least one complete year before it, and for months 3, 6, 9
and 10, forecast Y's final belanja realisation from the realisation to that month (using only
years before Y) and compare with what was actually realised. Prints the error per case and the
mean absolute percentage error (MAPE), for the regency, per OPD and per village.
Run: BUDGET_DB=... python bench/backtest_forecast.py
"""

from __future__ import annotations

import statistics
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from budget import db  # noqa: E402
from budget import serapan as sv  # noqa: E402

MONTHS = (3, 6, 9, 10)


def complete_years(unit: str) -> list[int]:
    table = "apbd_realisasi" if unit == "opd" else "apbdes_realisasi"
    return [y for (y,) in db.query("SELECT tahun FROM " + table + " GROUP BY 1 HAVING MAX(bulan) = 12 ORDER BY 1")]


def actual_final(unit: str, tahun: int) -> dict[str, Decimal]:
    table, col = ("apbd_realisasi", "kode_skpd") if unit == "opd" else ("apbdes_realisasi", "kode_desa")
    return {
        k: Decimal(v)
        for k, v in db.query(
            "SELECT "
            + col
            + ", SUM(nilai) FROM "
            + table
            + " WHERE tahun = ? AND starts_with(kode_rekening, '5') GROUP BY 1",
            [tahun],
        )
    }


def main() -> None:
    for unit in ("opd", "desa"):
        years = complete_years(unit)
        print(f"\n== {unit.upper()}: forecast of year-end belanja realisation (complete years: {years})")
        print(f"{'year':>5} {'month':>5} {'regency err %':>14} {'unit MAPE %':>12} {'units':>6}")
        reg_errors, unit_errors = [], []
        for tahun in years[1:]:
            final = actual_final(unit, tahun)
            for m in MONTHS:
                statuses = sv.opd_status(tahun, m) if unit == "opd" else sv.desa_status(tahun, m)
                fcs = sv.forecasts(unit, tahun, m, statuses)
                errs = [
                    abs(f.point - final[f.kode]) / final[f.kode] * 100
                    for f in fcs
                    if f.point is not None and final.get(f.kode)
                ]
                total_real = sum((s.realisasi for s in statuses), Decimal(0))
                reg = sv.forecast(unit, tahun, m, None, "", sum((s.anggaran for s in statuses), Decimal(0)), total_real)
                total_final = sum(final.values(), Decimal(0))
                reg_err = (reg.point - total_final) / total_final * 100
                reg_errors.append(abs(reg_err))
                unit_errors += errs
                print(
                    f"{tahun:>5} {m:>5} {float(reg_err):>14.2f} {statistics.fmean(map(float, errs)):>12.2f} "
                    f"{len(errs):>6}"
                )
        if reg_errors:
            print(
                f"regency MAPE: {statistics.fmean(map(float, reg_errors)):.2f}%   "
                f"per-unit MAPE: {statistics.fmean(map(float, unit_errors)):.2f}%   "
                f"per-unit p90 abs error: {sorted(map(float, unit_errors))[int(0.9 * len(unit_errors))]:.2f}%"
            )


if __name__ == "__main__":
    main()
