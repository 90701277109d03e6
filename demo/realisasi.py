"""Monthly APBD realisation and the cash plan: a slow-start, year-end-heavy profile per jenis, fitted to the
year's realisation totals."""

from __future__ import annotations

import numpy as np
import pandas as pd

from demo.reference import LAGGING_OPD, RP, RUNNING_MONTH, RUNNING_YEAR, Ref, allocate
from demo.targets import REALISASI_RATIO, REALISASI_TARGET

# Share of a year's realisation that typically lands in each month, by jenis (illustrative,
# shaped after the slow-start, year-end-heavy pattern Indonesian regions report).
PROFILE = {
    "5.1.01": [7, 7, 8, 11, 8, 12, 8, 8, 8, 8, 8, 7],  # THR in April, gaji-13 in June
    "5.1.02": [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 13, 24],
    "5.1.05": [0, 1, 4, 6, 8, 10, 12, 12, 12, 12, 11, 12],
    "5.1.06": [0, 0, 20, 5, 5, 20, 5, 5, 20, 5, 5, 10],
    "5.2": [0, 0, 1, 2, 4, 6, 7, 9, 11, 13, 17, 30],
    "5.3.01": [0, 0, 5, 10, 10, 10, 10, 10, 10, 10, 10, 15],
    "5.4.01": [0, 0, 25, 0, 0, 25, 0, 0, 25, 0, 0, 25],
    "5.4.02": [0, 0, 5, 20, 5, 15, 10, 5, 10, 10, 10, 10],
    "4": [7, 7, 8, 8, 8, 9, 8, 8, 9, 9, 9, 10],
    "6": [60, 0, 0, 20, 0, 5, 0, 0, 5, 0, 0, 10],
}
PLAN = {  # the cash plan runs somewhat ahead of what actually happens
    "5.1.01": [7, 7, 8, 11, 8, 12, 8, 8, 8, 8, 8, 7],
    "5.1.02": [1, 3, 5, 6, 7, 8, 8, 9, 10, 11, 13, 19],
    "5.2": [0, 0, 1, 2, 4, 6, 8, 10, 12, 14, 17, 26],
    "*": [2, 4, 6, 7, 8, 9, 9, 9, 10, 11, 11, 14],
}
RATIO = {  # (low, high) share of the final budget realised in a year, by jenis
    "5.1.01": (0.95, 0.99),
    "5.1.02": (0.84, 0.97),
    "5.1.05": (0.92, 1.0),
    "5.1.06": (0.88, 1.0),
    "5.2": (0.78, 0.98),
    "5.3.01": (0.05, 0.45),
    "5.4.01": (0.97, 1.0),
    "5.4.02": (0.97, 1.0),
    "4": (0.95, 1.06),
    "6": (1.0, 1.0),
}


def _key(jenis: str, table: dict) -> str:
    for k in (jenis, jenis[:6], jenis[:3], jenis[:1]):
        if k in table:
            return k
    return "*"


def monthly_amounts(amounts: np.ndarray, profiles: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Split each line's annual amount over 12 months: jittered profile, exact integer cents."""
    w = profiles * rng.lognormal(0, 0.35, profiles.shape)
    w[rng.random(profiles.shape) < 0.15] = 0  # not every line pays every month
    w[w.sum(axis=1) == 0] = profiles[w.sum(axis=1) == 0]
    w = w / w.sum(axis=1, keepdims=True)
    m = np.floor(amounts[:, None] * w).astype(np.int64)
    last = 11 - np.argmax(w[:, ::-1] > 0, axis=1)
    m[np.arange(len(m)), last] += amounts - m.sum(axis=1)
    return m


def _fit_total(annual: np.ndarray, cap: np.ndarray | None, target: int) -> np.ndarray:
    """Scale line amounts so they sum exactly to target, never above cap where one is given."""
    annual = annual.astype(np.int64)
    scaled = np.floor(annual * (target / max(int(annual.sum()), 1))).astype(np.int64)
    if cap is not None:
        scaled = np.minimum(scaled, cap)
    diff = target - int(scaled.sum())
    if diff:
        room = (cap - scaled) if cap is not None and diff > 0 else np.maximum(scaled, 0)
        room = room.astype(float)
        if room.sum() < abs(diff):
            raise ValueError("realisation target does not fit the budget")
        adj = allocate(abs(diff), room, unit=1)
        scaled = scaled + (adj if diff > 0 else -adj)
    return scaled


def realise_apbd(lines: pd.DataFrame, ref: Ref, tahun: int, rng: np.random.Generator) -> pd.DataFrame:
    """Monthly realisation of the year's final budget lines."""
    opd_s = {o["kode"]: o["singkatan"] for o in ref.opd}
    lag = lines["kode_skpd"].map(opd_s).isin(LAGGING_OPD).to_numpy()
    akun = lines["kode_rekening"].str.slice(0, 1).to_numpy()
    lo_hi = np.array([RATIO[_key(j, RATIO)] for j in lines["jenis"]])
    ratio = rng.uniform(lo_hi[:, 0], lo_hi[:, 1])
    ratio[lag & (akun == "5")] *= 0.88
    budget = lines["nilai"].to_numpy(np.int64)
    annual = np.floor(budget * ratio).astype(np.int64)
    for a in ("4", "5"):
        sel = akun == a
        target = REALISASI_TARGET.get(tahun, {}).get(a)
        if target is None and a in REALISASI_RATIO.get(tahun, {}):
            target = int(budget[sel].sum() * REALISASI_RATIO[tahun][a])
        if target is not None:
            annual[sel] = _fit_total(annual[sel], budget[sel] if a == "5" else None, target)
    profiles = np.array([PROFILE[_key(j, PROFILE)] for j in lines["jenis"]], dtype=float)
    if tahun == RUNNING_YEAR:
        profiles[lag & (akun == "5"), 10:] *= 6  # the laggards push everything into Nov-Dec
    months = monthly_amounts(annual, profiles, rng)
    out = long_form(lines[["kode_skpd", "kode_sub_kegiatan", "kode_rekening", "sumber_dana"]], months)
    out.insert(0, "tahun", tahun)
    if tahun == RUNNING_YEAR:
        out = out[out["bulan"] <= RUNNING_MONTH]
    return out


def long_form(keys: pd.DataFrame, months: np.ndarray) -> pd.DataFrame:
    n = len(keys)
    rep = keys.loc[keys.index.repeat(12)].reset_index(drop=True)
    rep["bulan"] = np.tile(np.arange(1, 13), n)
    rep["nilai"] = months.reshape(-1)
    return rep[rep["nilai"] != 0].reset_index(drop=True)


def cash_plan(lines: pd.DataFrame, tahun: int, rng: np.random.Generator) -> pd.DataFrame:
    bel = lines[lines["kode_rekening"].str.startswith("5")]
    profiles = np.array([PLAN[_key(j, PLAN)] for j in bel["jenis"]], dtype=float)
    per_line = profiles / profiles.sum(axis=1, keepdims=True) * bel["nilai"].to_numpy()[:, None]
    df = pd.DataFrame(per_line, columns=range(1, 13))
    df["kode_skpd"] = bel["kode_skpd"].to_numpy()
    g = df.groupby("kode_skpd").sum()
    totals = bel.groupby("kode_skpd")["nilai"].sum()
    rows = []
    for kode, r in g.iterrows():
        parts = allocate(int(totals[kode]), r.to_numpy(), unit=RP)
        rows += [(tahun, m + 1, kode, int(v)) for m, v in enumerate(parts)]
    return pd.DataFrame(rows, columns=["tahun", "bulan", "kode_skpd", "nilai"])
