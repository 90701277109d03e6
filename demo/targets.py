"""The regency-level targets of each year and tahap: the published totals by kelompok and jenis (to the rupiah
where published so), the year's realisation totals and Dana Desa."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from demo.reference import RP, UNIT, Ref, allocate, cents


@dataclass
class Targets:
    jenis: dict[str, int]  # jenis code (4.1.01, 5.2.04, 6.1.01 ...) -> cents


def _official_jenis(ref: Ref, tahun: int) -> dict[str, int]:
    return {
        r["kode"]: cents(r["nilai"])
        for r in ref.published
        if int(r["tahun"]) == tahun and r["dokumen"] == "murni" and r["kode"].count(".") == 2
    }


def _scale(shares: dict[str, int], total: int) -> dict[str, int]:
    keys = list(shares)
    parts = allocate(total, np.array([shares[k] for k in keys], dtype=float), unit=RP)
    return dict(zip(keys, (int(p) for p in parts)))


def _split(j: dict[str, int], prefix: str) -> dict[str, int]:
    return {k: v for k, v in j.items() if k.startswith(prefix)}


def year_targets(ref: Ref, rng: np.random.Generator) -> dict[tuple[int, str], Targets]:
    """Jenis-level totals for every (year, tahap)."""
    out: dict[tuple[int, str], Targets] = {}
    j22, j23 = _official_jenis(ref, 2022), _official_jenis(ref, 2023)
    out[(2022, "murni")] = Targets(j22)
    out[(2023, "murni")] = Targets(j23)
    # Share template for years whose jenis split was not published: 2023's split.
    tpl_p, tpl_b = _split(j23, "4"), _split(j23, "5")
    tpl_p["4.3.03"] = cents(20_000_000_000)  # a small lain-lain line, as most years have one

    def build(p_total: int, b_total: int, base: dict[str, int] | None, drift: float, pemb: dict[str, int]) -> Targets:
        src_p = _split(base, "4") if base else tpl_p
        src_b = _split(base, "5") if base else tpl_b
        p = _scale({k: v * rng.uniform(1 - drift, 1 + drift) for k, v in src_p.items()}, p_total)
        b = _scale({k: v * rng.uniform(1 - drift, 1 + drift) for k, v in src_b.items()}, b_total)
        netto = b_total - p_total
        pengeluaran = sum(pemb.values())
        return Targets({**p, **b, "6.1.01": netto + pengeluaran, **pemb})

    rp = lambda x: cents(x)  # noqa: E731
    # 2022 perubahan: both totals published to the rupiah (belanja to the sen).
    out[(2022, "perubahan")] = build(
        rp(1763353952772), rp("1958746736810.77"), j22, 0.04, {"6.2.02": rp(12e9), "6.2.03": rp(30e9)}
    )
    out[(2022, "perubahan")].jenis["6.1.04"] = rp(30e9)
    out[(2022, "perubahan")].jenis["6.1.01"] -= rp(30e9)
    # 2023 perubahan: not published; illustrative, sized so the published realisation fits.
    out[(2023, "perubahan")] = build(rp(1795242113845), rp(1936415562091), j23, 0.03, {"6.2.02": rp(10e9)})
    # 2024 murni: totals and pembiayaan netto published to the rupiah.
    out[(2024, "murni")] = build(rp(1902452411838), rp(1956534612233), None, 0.03, {"6.2.02": rp(10e9)})
    # 2024 perubahan: published rounded (Rp1,944 T / Rp2,080 T) with realisation 100,42% / 93,43%.
    # Belanja 2.080,2 M is the value that honours all three rounded figures at once:
    # 93,43% of it (Rp1.943.530.860.000) still rounds to the published Rp1,944 T.
    out[(2024, "perubahan")] = build(rp(1944e9), rp(2080.2e9), None, 0.03, {"6.2.02": rp(10e9)})
    out[(2025, "murni")] = build(rp(1970e9), rp(2034e9), None, 0.03, {"6.2.02": rp(10e9)})
    out[(2025, "perubahan")] = build(rp(1930e9), rp(2070e9), None, 0.03, {"6.2.02": rp(10e9)})
    out[(2026, "murni")] = build(rp(1820e9), rp(1880e9), None, 0.03, {"6.2.02": rp(5e9)})
    return out


# Realisation totals for the year (cents): published where known, illustrative ratios otherwise.
REALISASI_TARGET = {
    2022: {"4": cents("1750957035202.01")},
    2023: {"4": cents(1808e9), "5": cents(1801e9)},
    2024: {"4": cents(1944e9 * 1.0042), "5": cents(2080.2e9 * 0.9343)},
}
REALISASI_RATIO = {2022: {"5": 0.9245}, 2025: {"4": 0.9915, "5": 0.9512}}


def dana_desa(ref: Ref, tahun: int) -> int:
    for r in ref.published:
        if r["kode"] == "DDS" and int(r["tahun"]) == tahun:
            return cents(r["nilai"])
    # 2026: not published; illustrative, 5% below 2025 (rounded to the thousand).
    return (cents(224459121000) * 95 // 100) // UNIT * UNIT
