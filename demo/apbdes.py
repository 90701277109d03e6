"""The village budgets (APBDes): each village's pools (Dana Desa, ADD, bagi hasil, bantuan keuangan) spread over
its kegiatan and accounts, and their monthly realisation."""

from __future__ import annotations

import numpy as np
import pandas as pd

from demo.realisasi import long_form, monthly_amounts
from demo.reference import N_LAGGING_DESA, RP, RUNNING_MONTH, RUNNING_YEAR, UNIT, Ref, allocate

# (kegiatan, rekening list, funding sumber, weight). Siskeudes sumber dana codes: DDS Dana Desa,
# ADD Alokasi Dana Desa, PBH bagi hasil pajak/retribusi, PBK/PBP bantuan keuangan kab/prov,
# PAD pendapatan asli desa, DLL lain-lain (incl. SiLPA).
DESA_ADD = [
    ("01.01.01", ["5.1.1.01", "5.1.1.02"], 48),
    ("01.01.02", ["5.1.2.01", "5.1.2.02"], 300),
    ("01.01.03", ["5.1.3.01", "5.1.3.02"], 16),
    ("01.01.04", ["5.2.1.01", "5.2.5.01", "5.2.3.01"], 40),
    ("01.01.05", ["5.1.4.01"], 30),
    ("01.01.06", ["5.2.1.03", "5.2.3.01"], 8),
    ("01.01.07", ["5.2.2.02"], 30),
    ("01.04.01", ["5.2.1.03", "5.2.2.01"], 6),
    ("01.04.04", ["5.2.1.01", "5.2.2.01"], 6),
    ("04.03.02", ["5.2.3.01", "5.2.4.01"], 8),
]
DESA_DDS_FIXED = [  # share of Dana Desa by national priority (varies by year, see _dds_shares)
    ("05.03.01", ["5.2.7.02"], "blt"),
    ("04.02.03", ["5.2.7.01", "5.2.1.02"], "pangan"),
    ("02.02.02", ["5.2.1.03", "5.2.2.02"], "posyandu"),
    ("01.01.08", ["5.2.1.01", "5.2.5.01"], "ops"),
    ("02.01.01", ["5.2.2.02"], "paud"),
]
DESA_INFRA = [
    ("02.03.10", ["5.2.1.02", "5.2.2.03", "5.3.5.01"]),
    ("02.03.11", ["5.2.1.02", "5.2.2.03", "5.3.5.01"]),
    ("02.03.12", ["5.2.1.02", "5.2.2.03", "5.3.5.01"]),
    ("02.03.14", ["5.2.1.02", "5.2.2.03", "5.3.7.01"]),
    ("02.03.13", ["5.2.1.02", "5.2.2.03", "5.3.6.01"]),
    ("02.04.11", ["5.2.1.02", "5.2.2.03", "5.3.8.01"]),
    ("02.04.14", ["5.2.1.02", "5.2.2.03", "5.3.4.01"]),
    ("02.03.15", ["5.2.1.02", "5.2.2.03", "5.3.4.01"]),
    ("02.02.09", ["5.2.1.02", "5.3.4.01"]),
    ("04.02.04", ["5.2.1.02", "5.2.2.03"]),
]
DESA_SMALL = [  # funded by PAD / bagi hasil
    ("01.02.02", ["5.2.6.01"]),
    ("03.02.03", ["5.2.1.03", "5.2.4.01"]),
    ("03.04.03", ["5.2.1.01", "5.2.2.02"]),
    ("03.03.06", ["5.2.1.01"]),
    ("01.03.02", ["5.2.1.01", "5.2.2.01"]),
    ("03.01.02", ["5.2.2.02"]),
    ("05.01.01", ["5.4.1.01"]),
]


def _dds_shares(tahun: int) -> dict[str, float]:
    blt = {2022: 0.40, 2023: 0.25, 2024: 0.22, 2025: 0.15, 2026: 0.15}[tahun]
    return {"blt": blt, "pangan": 0.20, "posyandu": 0.06, "ops": 0.03, "paud": 0.03}


def desa_base(ref: Ref, rng: np.random.Generator) -> pd.DataFrame:
    """Stable per-village traits: size, PAD, who gets provincial aid, which villages lag."""
    n = len(ref.desa)
    df = pd.DataFrame(ref.desa)[["kode", "nama", "kode_kecamatan"]]
    df["size"] = rng.lognormal(0, 0.28, n)
    df["pad"] = rng.uniform(15e6, 160e6, n)
    df["pbp"] = np.where(rng.random(n) < 0.35, rng.uniform(50e6, 250e6, n), 0)
    df["pbk"] = rng.random(n) < 0.3
    df["bumdes"] = rng.random(n) < 0.3
    df["lag"] = False
    df.loc[rng.choice(n, N_LAGGING_DESA, replace=False), "lag"] = True
    df["infra"] = [list(rng.choice(len(DESA_INFRA), int(rng.integers(3, 7)), replace=False)) for _ in range(n)]
    return df


def apbdes_lines(
    ref: Ref, base: pd.DataFrame, tahun: int, pools: dict[str, int], rng: np.random.Generator
) -> pd.DataFrame:
    """One tahap of every village's APBDes; `pools` are the regency totals per transfer source."""
    n = len(base)
    income: dict[str, np.ndarray] = {
        "DDS": allocate(pools["DDS"], 0.7 + 0.3 * base["size"].to_numpy()),
        "ADD": allocate(pools["ADD"], 0.6 + 0.4 * base["size"].to_numpy()),
        "PBH": allocate(pools["PBH"], base["size"].to_numpy()),
        "PBK": allocate(pools["PBK"], np.where(base["pbk"], base["size"], 0)),
    }
    income["PBP"] = (base["pbp"].to_numpy() * rng.uniform(0.9, 1.1, n) * RP // UNIT * UNIT).astype(np.int64)
    income["PAD"] = (base["pad"].to_numpy() * rng.uniform(0.85, 1.15, n) * RP // UNIT * UNIT).astype(np.int64)
    silpa = (rng.uniform(10e6, 150e6, n) * RP // UNIT * UNIT).astype(np.int64)
    own_money = income["PAD"] + income["PBH"]
    modal = np.where(
        base["bumdes"], np.minimum(rng.uniform(20e6, 100e6, n) * RP, own_money * 0.6) // UNIT * UNIT, 0
    ).astype(np.int64)
    bunga = (rng.uniform(1e6, 5e6, n) * RP // UNIT * UNIT).astype(np.int64)
    shares = _dds_shares(tahun)
    rows: list[tuple] = []
    for i, d in enumerate(base.itertuples(index=False)):

        def add(keg: str, rek: str, sumber: str, v: int) -> None:
            if v:
                rows.append((d.kode, d.nama, keg, rek, sumber, int(v)))

        inc = [
            ("4.2.1", "DDS", income["DDS"][i]),
            ("4.2.3", "ADD", income["ADD"][i]),
            ("4.2.2", "PBH", income["PBH"][i]),
            ("4.2.5", "PBK", income["PBK"][i]),
            ("4.2.4", "PBP", income["PBP"][i]),
            ("4.3.6.01", "DLL", bunga[i]),
        ]
        pad = allocate(int(income["PAD"][i]), np.array([0.3 if d.bumdes else 0.0, 0.55, 0.15]))
        inc += [("4.1.1.01", "PAD", pad[0]), ("4.1.2.01", "PAD", pad[1]), ("4.1.4.01", "PAD", pad[2])]
        for rek, sumber, v in inc:
            add("", rek, sumber, v)
        add("", "6.1.1.01", "DLL", silpa[i])
        add("", "6.2.2.01", "PAD", modal[i])

        # Belanja: each source's money goes to the kegiatan that source typically funds.
        def spread(total: int, specs: list[tuple[str, list[str], float]], sumber: str) -> None:
            keys = [(k, r) for k, reks, _ in specs for r in reks]
            w = np.array([w / len(reks) for _, reks, w in specs for _ in reks]) * rng.lognormal(0, 0.25, len(keys))
            for (k, r), v in zip(keys, allocate(int(total), w)):
                add(k, r, sumber, v)

        spread(income["ADD"][i], [(k, r, w) for k, r, w in DESA_ADD], "ADD")
        dds = int(income["DDS"][i])
        fixed = [(k, r, shares[tag]) for k, r, tag in DESA_DDS_FIXED]
        infra = [(DESA_INFRA[j][0], DESA_INFRA[j][1], (1 - sum(shares.values())) / len(d.infra)) for j in d.infra]
        spread(dds, fixed + infra, "DDS")
        for src in ("PBK", "PBP"):
            if income[src][i]:
                k, r = DESA_INFRA[d.infra[0] if src == "PBK" else d.infra[-1]]
                spread(income[src][i], [(k, r, 1.0)], src)
        own = int(income["PAD"][i]) - int(modal[i]) + int(income["PBH"][i])
        spread(own, [(k, r, 1.0) for k, r in DESA_SMALL], "PAD")
        spread(int(silpa[i]) + int(bunga[i]), [("01.02.01", ["5.3.2.01"], 1.0), ("02.03.01", ["5.2.6.01"], 1.0)], "DLL")
    df = pd.DataFrame(
        rows, columns=["kode_desa", "nama_desa", "kode_kegiatan", "kode_rekening", "sumber_dana", "nilai"]
    )
    return df.groupby(
        ["kode_desa", "nama_desa", "kode_kegiatan", "kode_rekening", "sumber_dana"], as_index=False, sort=False
    )["nilai"].sum()


DESA_PROFILE = {
    "4.2.1": [0, 0, 0, 40, 0, 40, 0, 0, 0, 20, 0, 0],
    "4.2.3": [0, 0, 25, 0, 0, 25, 0, 0, 25, 0, 0, 25],
    "4": [5, 5, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10],
    "6": [100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    "5.1": [8, 8, 8, 8, 8, 9, 9, 9, 9, 8, 8, 8],
    "5.2.7.02": [0, 0, 0, 17, 17, 16, 10, 10, 10, 10, 5, 5],
    "5.2": [1, 2, 4, 8, 8, 10, 10, 10, 10, 12, 12, 13],
    "5.3": [0, 0, 0, 3, 5, 8, 10, 12, 14, 16, 16, 16],
    "5.4": [0, 0, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10],
}


def realise_apbdes(lines: pd.DataFrame, base: pd.DataFrame, tahun: int, rng: np.random.Generator) -> pd.DataFrame:
    lag = lines["kode_desa"].isin(base.loc[base["lag"], "kode"]).to_numpy()
    rek = lines["kode_rekening"]
    belanja = rek.str.startswith("5").to_numpy()
    ratio = np.where(belanja, rng.uniform(0.86, 1.0, len(lines)), 1.0)
    ratio[rek.str.startswith("5.1").to_numpy() | rek.eq("5.2.7.02").to_numpy()] = 1.0
    ratio[rek.eq("5.4.1.01").to_numpy()] = rng.uniform(0, 0.5)
    ratio[lag & belanja] *= 0.8
    annual = np.floor(lines["nilai"].to_numpy(np.int64) * ratio).astype(np.int64)
    profiles = np.array([DESA_PROFILE[_key_desa(r)] for r in rek], dtype=float)
    if tahun == RUNNING_YEAR:
        profiles[lag & belanja, 10:] *= 8
        profiles[lag & belanja, :10] *= 0.5
    months = monthly_amounts(annual, profiles, rng)
    out = long_form(lines[["kode_desa", "kode_kegiatan", "kode_rekening", "sumber_dana"]], months)
    out.insert(0, "tahun", tahun)
    if tahun == RUNNING_YEAR:
        out = out[out["bulan"] <= RUNNING_MONTH]
    return out


def _key_desa(rek: str) -> str:
    for k in (rek, rek[:5], rek[:3], rek[:1]):
        if k in DESA_PROFILE:
            return k
    return "5.2"
