"""The embedded demo dataset: real at the top, illustrative below, deterministic.

Kabupaten totals by kelompok and jenis equal the published figures in data/reference/published.csv
(to the rupiah where they were published to the rupiah, to the rounding shown otherwise). Everything
below that level - which OPD, programme, sub kegiatan and account a rupiah sits in, each village's
budget, every monthly realisation - is generated with a seeded RNG and labelled illustrative
wherever it is shown. The generator writes canonical CSV files; `python -m etl demo` then loads them
through the same `load` path as real data.

All amounts are integer cents (int64) until they are written out as DECIMAL text.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from settings import REFERENCE_DIR

SEED = 20181102  # the day Batang showed its transparency apps to the Minister
YEARS = (2022, 2023, 2024, 2025, 2026)
RUNNING_YEAR, RUNNING_MONTH = 2026, 10
RP = 100  # cents per rupiah
UNIT = 1000 * RP  # budget lines are whole thousands of rupiah

# Agencies that lag far behind their cash plan in the running year (and somewhat in past years),
# so that absorption monitoring has something real to find.
LAGGING_OPD = ("DPUPR", "DPRKP", "Dislutkanak", "Disperpuska")
N_LAGGING_DESA = 12


# --------------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------------
def _read(name: str) -> list[dict]:
    with (REFERENCE_DIR / name).open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@dataclass
class Ref:
    opd: list[dict]
    desa: list[dict]
    program: dict[str, dict]
    rek: dict[str, dict]
    rek_desa: dict[str, str]
    keg_desa: dict[str, str]
    published: list[dict]

    @classmethod
    def load(cls) -> Ref:
        return cls(
            opd=_read("opd.csv"),
            desa=[d for d in _read("desa.csv") if d["jenis"] == "desa"],
            program={r["kode"]: r for r in _read("program.csv")},
            rek={r["kode"]: r for r in _read("rekening_apbd.csv")},
            rek_desa={r["kode"]: r["nama"] for r in _read("rekening_apbdes.csv")},
            keg_desa={r["kode"]: r["nama"] for r in _read("apbdes_kegiatan.csv")},
            published=_read("published.csv"),
        )

    def sub_rincian(self, prefix: str, common_only: bool = True) -> list[str]:
        """The accounts lines are budgeted on under `prefix`: sub rincian objek where the chart
        has them, else the deepest level it has (else the prefix itself)."""
        under = [k for k in self.rek if k.startswith(prefix + ".")]
        if not under:
            return [prefix]
        deepest = max(k.count(".") for k in under)
        codes = [k for k in under if k.count(".") == deepest]
        common = [k for k in codes if self.rek[k]["umum"] == "1"]
        return common if (common_only and common) else codes

    def valid_in(self, kode: str, tahun: int) -> bool:
        """An account exists in a year unless the chart says it starts later or ended earlier."""
        parts = kode.split(".")
        for i in range(len(parts), 0, -1):
            r = self.rek.get(".".join(parts[:i]))
            if r is None:
                continue
            if r["berlaku_mulai"] and tahun < int(r["berlaku_mulai"]):
                return False
            if r["berlaku_sampai"] and tahun > int(r["berlaku_sampai"]):
                return False
        return True


# --------------------------------------------------------------------------------------------
# Integer allocation
# --------------------------------------------------------------------------------------------
def allocate(total: int, weights: np.ndarray, unit: int = UNIT) -> np.ndarray:
    """Split `total` cents over `weights` exactly: parts are multiples of `unit`, the largest part
    takes the sub-unit remainder, so the parts always sum to the total."""
    w = np.asarray(weights, dtype=float)
    n = len(w)
    if n == 0:
        if total:
            raise ValueError("cannot allocate a non-zero total over no lines")
        return np.zeros(0, dtype=np.int64)
    if w.sum() <= 0:
        w = np.ones(n)
    units, rest = divmod(int(total), unit)
    exact = units * w / w.sum()
    base = np.floor(exact).astype(np.int64)
    short = int(units - base.sum())
    if short:
        order = np.argsort(-(exact - base), kind="stable")[:short]
        base[order] += 1
    out = base * unit
    out[int(np.argmax(w))] += rest
    assert int(out.sum()) == int(total)
    return out


def cents(x: float | str) -> int:
    return int(round(float(x) * RP))


# --------------------------------------------------------------------------------------------
# Year targets (kabupaten level)
# --------------------------------------------------------------------------------------------
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


# --------------------------------------------------------------------------------------------
# APBD line catalogue (belanja)
# --------------------------------------------------------------------------------------------
# Relative weight of each OPD (by singkatan) within a jenis. "*" is the default, "Kec." matches
# the 15 kecamatan offices. Illustrative, shaped after typical kabupaten budgets.
OPD_WEIGHTS: dict[str, dict[str, float]] = {
    "5.1.01": {
        "Disdikbud": 420,
        "Dinkes": 70,
        "RSUD Batang": 45,
        "RSUD Limpung": 20,
        "Setda": 25,
        "Setwan": 30,
        "DPUPR": 15,
        "BPKPAD": 14,
        "Dispaperta": 14,
        "DLH": 9,
        "Satpol PP": 8,
        "DP3AP2KB": 8,
        "Dislutkanak": 8,
        "Inspektorat": 7,
        "Dishub": 7,
        "Bappelitbang": 6,
        "Kec.": 5,
        "*": 5,
    },
    "5.1.02": {
        "RSUD Batang": 90,
        "RSUD Limpung": 35,
        "Dinkes": 70,
        "Disdikbud": 60,
        "Setda": 30,
        "Setwan": 25,
        "DPUPR": 25,
        "DLH": 22,
        "BPKPAD": 15,
        "Dispaperta": 12,
        "Dishub": 8,
        "Diskominfo": 8,
        "Dislutkanak": 8,
        "Disparpora": 8,
        "Dinsos": 8,
        "Satpol PP": 6,
        "BPBD": 5,
        "Kec.": 3,
        "*": 5,
    },
    "5.1.05": {"Setda": 60, "Disdikbud": 25, "Disparpora": 8, "Kesbangpol": 4, "Dispermades": 3},
    "5.1.06": {"Dinsos": 70, "Setda": 20, "Disdikbud": 10},
    "5.2.01": {"DPUPR": 60, "DPRKP": 30, "Dinkes": 10},
    "5.2.02": {
        "RSUD Batang": 25,
        "RSUD Limpung": 10,
        "Dinkes": 15,
        "Disdikbud": 12,
        "DPUPR": 8,
        "Diskominfo": 6,
        "DLH": 6,
        "Dishub": 5,
        "Setda": 4,
        "Setwan": 3,
        "Kec.": 1,
        "*": 1,
    },
    "5.2.03": {
        "Disdikbud": 35,
        "Dinkes": 20,
        "DPRKP": 15,
        "DPUPR": 10,
        "RSUD Batang": 8,
        "Setda": 5,
        "Dispaperta": 3,
        "Kec.": 1,
    },
    "5.2.04": {"DPUPR": 80, "DPRKP": 12, "Dishub": 5, "Dispaperta": 3},
    "5.2.05": {"Disperpuska": 40, "Dispaperta": 20, "DLH": 20, "Disdikbud": 20},
    "5.2.06": {"Diskominfo": 70, "BPKPAD": 30},
    "5.3.01": {"BPKPAD": 1},
    "5.4.01": {"BPKPAD": 1},
    "5.4.02": {"BPKPAD": 1},
}
SUMBER_BELANJA = {
    "5.1.01": [("DAU", 1.0)],
    "5.1.02": [("PAD", 0.35), ("DAU", 0.45), ("DAK Non Fisik", 0.12), ("DBH Cukai Hasil Tembakau", 0.08)],
    "5.1.05": [("PAD", 0.5), ("DAU", 0.3), ("DAK Non Fisik", 0.2)],
    "5.1.06": [("DAU", 0.7), ("PAD", 0.3)],
    "5.2": [("DAU", 0.35), ("DAK Fisik", 0.35), ("PAD", 0.15), ("Bantuan Keuangan Provinsi", 0.15)],
}
BLUD = ("RSUD Batang", "RSUD Limpung")
# PPKD (BPKPAD) sub kegiatan that carry the regency-wide belanja of each jenis.
PPKD_SUB = {"5.3.01": "5.02.02.2.04.0009", "5.4.01": "5.02.02.2.04.0010", "5.4.02": "5.02.02.2.04.0008"}
TRANSFER_LINES = {
    # (rekening, sumber dana, role)
    "5.4.01": [("5.4.01.01.03.0001", "PAD", "PBH", 0.8), ("5.4.01.02.01.0001", "PAD", "PBH", 0.2)],
    "5.4.02": [
        ("5.4.02.05.02.0001", "Dana Desa", "DDS", 0.0),
        ("5.4.02.05.01.0001", "DAU", "ADD", 0.8),
        ("5.4.02.05.02.0001", "PAD", "PBK", 0.2),
    ],
}


def _opd_weight(opd: dict, jenis: str) -> float:
    table = OPD_WEIGHTS.get(jenis) or OPD_WEIGHTS[jenis[:6]]
    s = opd["singkatan"]
    if s in table:
        return table[s]
    if s.startswith("Kec.") and "Kec." in table:
        return table["Kec."]
    return table.get("*", 0.0)


def build_catalogue(ref: Ref, rng: np.random.Generator) -> pd.DataFrame:
    """Every belanja line slot any year may use: OPD x sub kegiatan x account x sumber dana."""
    rows: list[tuple] = []
    pegawai = [k for k in ref.sub_rincian("5.1.01") if k.startswith("5.1.01.01") or k.startswith("5.1.01.02")]
    bj_common = ref.sub_rincian("5.1.02")
    bj_all = ref.sub_rincian("5.1.02", common_only=False)
    subs_by_kegiatan: dict[str, list[str]] = {}
    for k, r in ref.program.items():
        if r["level"] == "sub_kegiatan":
            subs_by_kegiatan.setdefault(k.rsplit(".", 1)[0], []).append(k)
    keg_by_program: dict[str, list[str]] = {}
    for k in subs_by_kegiatan:
        keg_by_program.setdefault(k.rsplit(".", 2)[0], []).append(k)

    def pick_sumber(jenis: str, opd: dict) -> str:
        if opd["singkatan"] in BLUD and jenis.startswith("5.1.02") and rng.random() < 0.7:
            return "BLUD"
        opts = SUMBER_BELANJA.get(jenis[:6]) or SUMBER_BELANJA["5.2"]
        names, p = zip(*opts)
        return str(rng.choice(names, p=np.array(p) / sum(p)))

    for opd in ref.opd:
        bidangs = opd["bidang_urusan"].split("+")
        size = max(_opd_weight(opd, "5.1.02"), 3)
        # Programme 01 (penunjang) of the first bidang: salaries and office running costs.
        pen = f"{bidangs[0]}.01"
        gaji = f"{pen}.2.02.0001"
        for code in pegawai:
            if code.endswith("0002") and rng.random() < 0.4:
                continue  # not every OPD employs PPPK under every allowance
            rows.append((opd["kode"], gaji, code, "DAU", "5.1.01", float(rng.lognormal(0, 0.8))))
        pen_subs = [s for kg in keg_by_program.get(pen, []) for s in subs_by_kegiatan[kg] if s != gaji]
        n_pen = min(len(pen_subs), int(6 + size / 6))
        for sub in rng.choice(pen_subs, size=n_pen, replace=False):
            for code in rng.choice(bj_common, size=int(rng.integers(6, 16)), replace=False):
                rows.append(
                    (
                        opd["kode"],
                        str(sub),
                        str(code),
                        pick_sumber("5.1.02", opd),
                        "5.1.02",
                        float(rng.lognormal(0, 1.0)),
                    )
                )
            if str(sub).split(".")[4] in ("07",) and _opd_weight(opd, "5.2.02") > 0:
                for code in rng.choice(ref.sub_rincian("5.2.02"), size=2, replace=False):
                    rows.append(
                        (
                            opd["kode"],
                            str(sub),
                            str(code),
                            pick_sumber("5.2", opd),
                            "5.2.02",
                            float(rng.lognormal(0, 0.8)),
                        )
                    )
        # Substantive programmes of every bidang the OPD serves.
        progs = sorted({p for b in bidangs for p in keg_by_program if p.startswith(b + ".") and not p.endswith(".01")})
        n_prog = min(len(progs), int(2 + size / 15))
        modal = [j for j in ("5.2.01", "5.2.02", "5.2.03", "5.2.04", "5.2.05", "5.2.06") if _opd_weight(opd, j) > 1]
        extra = [j for j in ("5.1.05", "5.1.06") if _opd_weight(opd, j) > 0]
        for prog in rng.choice(progs, size=n_prog, replace=False) if progs else []:
            kegs = keg_by_program[str(prog)]
            for keg in rng.choice(kegs, size=min(len(kegs), int(rng.integers(2, 5))), replace=False):
                subs = subs_by_kegiatan[str(keg)]
                for sub in rng.choice(subs, size=min(len(subs), int(rng.integers(2, 7))), replace=False):
                    pool = bj_common if rng.random() < 0.8 else bj_all
                    for code in rng.choice(pool, size=int(rng.integers(8, 28)), replace=False):
                        rows.append(
                            (
                                opd["kode"],
                                str(sub),
                                str(code),
                                pick_sumber("5.1.02", opd),
                                "5.1.02",
                                float(rng.lognormal(0, 1.1)),
                            )
                        )
                    for j in modal:
                        if rng.random() < 0.45:
                            codes = ref.sub_rincian(j)
                            for code in rng.choice(codes, size=min(len(codes), int(rng.integers(1, 4))), replace=False):
                                rows.append(
                                    (
                                        opd["kode"],
                                        str(sub),
                                        str(code),
                                        pick_sumber("5.2", opd),
                                        j,
                                        float(rng.lognormal(0, 0.9)),
                                    )
                                )
                    for j in extra:
                        if rng.random() < 0.5:
                            codes = ref.sub_rincian(j)
                            for code in rng.choice(codes, size=min(len(codes), 2), replace=False):
                                rows.append(
                                    (
                                        opd["kode"],
                                        str(sub),
                                        str(code),
                                        pick_sumber(j, opd),
                                        j,
                                        float(rng.lognormal(0, 0.7)),
                                    )
                                )
        if opd["singkatan"] == "BPKPAD":
            rows.append((opd["kode"], PPKD_SUB["5.3.01"], "5.3.01.01.01.0001", "DAU", "5.3.01", 1.0))
            for j, lines in TRANSFER_LINES.items():
                for code, sumber, role, w in lines:
                    rows.append((opd["kode"], PPKD_SUB[j], code, sumber, j, w if role != "DDS" else 0.0))
    cat = pd.DataFrame(rows, columns=["kode_skpd", "kode_sub_kegiatan", "kode_rekening", "sumber_dana", "jenis", "w"])
    cat = cat.drop_duplicates(["kode_skpd", "kode_sub_kegiatan", "kode_rekening", "sumber_dana"]).reset_index(drop=True)
    # Every jenis a published year budgets must have at least one slot.
    for j in OPD_WEIGHTS:
        assert (cat["jenis"] == j).any(), j
    return cat


def allocate_belanja(
    cat: pd.DataFrame,
    ref: Ref,
    jenis: dict[str, int],
    rng: np.random.Generator,
    fixed: dict[tuple[str, str], int],
    drop: float,
) -> pd.DataFrame:
    """Spread each belanja jenis total over the catalogue's slots: first over OPDs, then lines."""
    keep = rng.random(len(cat)) >= drop
    keep |= cat["jenis"].isin(list(PPKD_SUB)).to_numpy()  # the regency-wide PPKD lines always stay
    df = cat[keep].copy()
    df["w"] = df["w"] * rng.lognormal(0, 0.15, len(df))
    opd_by_kode = {o["kode"]: o for o in ref.opd}
    df["nilai"] = np.int64(0)
    for j, total in jenis.items():
        if not j.startswith("5") or total == 0:
            continue
        lines = df.index[df["jenis"] == j]
        if len(lines) == 0:
            raise ValueError(f"no catalogue slot for jenis {j}")
        # Fixed lines (Dana Desa) first; the rest of the jenis is spread by weight.
        for (code, sumber), amount in fixed.items():
            hit = lines[(df.loc[lines, "kode_rekening"] == code) & (df.loc[lines, "sumber_dana"] == sumber)]
            if len(hit):
                df.loc[hit[0], "nilai"] = amount
                total -= amount
                lines = lines.drop(hit[0])
        sub = df.loc[lines]
        opd_w = sub["kode_skpd"].map(lambda k: _opd_weight(opd_by_kode[k], j)).astype(float)
        opd_w *= sub["kode_skpd"].map(lambda k: rng.lognormal(0, 0.1))
        within = sub["w"] / sub.groupby("kode_skpd")["w"].transform("sum")
        df.loc[lines, "nilai"] = allocate(total, (opd_w * within).to_numpy())
    return df[df["nilai"] > 0].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Pendapatan and pembiayaan lines
# --------------------------------------------------------------------------------------------
# jenis -> [(rekening, collecting OPD singkatan, sumber dana, weight)]
PENDAPATAN_LINES: dict[str, list[tuple[str, str, str, float]]] = {
    "4.1.01": [
        ("4.1.01.06", "BPKPAD", "PAD", 3),
        ("4.1.01.07", "BPKPAD", "PAD", 10),
        ("4.1.01.10", "BPKPAD", "PAD", 22),
        ("4.1.01.19.01.0001", "BPKPAD", "PAD", 10),
        ("4.1.01.19.02.0001", "BPKPAD", "PAD", 22),
        ("4.1.01.19.03.0001", "BPKPAD", "PAD", 3),
        ("4.1.01.19.04.0001", "BPKPAD", "PAD", 1),
        ("4.1.01.09.01.0001", "BPKPAD", "PAD", 2),
        ("4.1.01.12.01.0001", "BPKPAD", "PAD", 1),
        ("4.1.01.14.37.0001", "BPKPAD", "PAD", 4),
        ("4.1.01.15.01.0001", "BPKPAD", "PAD", 18),
        ("4.1.01.16.01.0001", "BPKPAD", "PAD", 20),
        ("4.1.01.20.01.0001", "BPKPAD", "PAD", 25),
        ("4.1.01.21.01.0001", "BPKPAD", "PAD", 12),
    ],
    "4.1.02": [
        ("4.1.02.01.01.0001", "Dinkes", "PAD", 30),
        ("4.1.02.01.04.0001", "Dishub", "PAD", 8),
        ("4.1.02.01.05.0002", "Disperindagkop UKM", "PAD", 10),
        ("4.1.02.01.05.0003", "Disperindagkop UKM", "PAD", 6),
        ("4.1.02.01.14.0001", "DLH", "PAD", 10),
        ("4.1.02.02.17.0001", "Disparpora", "PAD", 8),
        ("4.1.02.02.20.0001", "BPKPAD", "PAD", 12),
        ("4.1.02.03.07.0001", "DPUPR", "PAD", 16),
    ],
    "4.1.03": [("4.1.03.02.01.0001", "BPKPAD", "PAD", 1)],
    "4.1.04": [
        ("4.1.04.05.01.0001", "BPKPAD", "PAD", 4),
        ("4.1.04.07.01.0001", "BPKPAD", "PAD", 10),
        ("4.1.04.16.02.0001", "RSUD Batang", "BLUD", 55),
        ("4.1.04.16.02.0001", "RSUD Limpung", "BLUD", 20),
        ("4.1.04.18.01.0001", "Dinkes", "PAD", 11),
    ],
    "4.2.01": [
        ("4.2.01.05.01.0001", "BPKPAD", "Dana Desa", 0),
        ("4.2.01.08.01.0001", "BPKPAD", "DAU", 600),
        ("4.2.01.08.02.0004", "BPKPAD", "DAU", 60),
        ("4.2.01.07.01.0001", "BPKPAD", "DBH", 6),
        ("4.2.01.07.01.0002", "BPKPAD", "DBH", 8),
        ("4.2.01.07.01.0003", "BPKPAD", "DBH", 2),
        ("4.2.01.07.01.0004", "BPKPAD", "DBH Cukai Hasil Tembakau", 12),
        ("4.2.01.09.01.0001", "BPKPAD", "DAK Fisik", 4),
        ("4.2.01.09.01.0002", "BPKPAD", "DAK Fisik", 12),
        ("4.2.01.09.02.0001", "BPKPAD", "DAK Non Fisik", 50),
        ("4.2.01.09.02.0004", "BPKPAD", "DAK Non Fisik", 70),
        ("4.2.01.09.02.0035", "BPKPAD", "DAK Non Fisik", 8),
        ("4.2.01.09.02.0039", "BPKPAD", "DAK Non Fisik", 2),
        ("4.2.01.06.02.0001", "BPKPAD", "Insentif Fiskal", 6),
    ],
    "4.2.02": [
        ("4.2.02.01.01.0001", "BPKPAD", "Bagi Hasil Provinsi", 30),
        ("4.2.02.01.01.0002", "BPKPAD", "Bagi Hasil Provinsi", 14),
        ("4.2.02.01.01.0003", "BPKPAD", "Bagi Hasil Provinsi", 16),
        ("4.2.02.01.01.0004", "BPKPAD", "Bagi Hasil Provinsi", 1),
        ("4.2.02.01.01.0005", "BPKPAD", "Bagi Hasil Provinsi", 20),
        ("4.2.02.02.02.0001", "BPKPAD", "Bantuan Keuangan Provinsi", 40),
    ],
    "4.3.03": [("4.3.03.02", "Dinkes", "Lain-lain Pendapatan", 1)],
}
PEMBIAYAAN_LINES = {
    "6.1.01": [
        ("6.1.01.05.03.0001", 0.2),
        ("6.1.01.08.01.0001", 0.05),
        ("6.1.01.08.03.0001", 0.05),
        ("6.1.01.07.01", 0.7),
    ],
    "6.1.04": [("6.1.04", 1.0)],
    "6.2.02": [("6.2.02.02.01.0001", 1.0)],
    "6.2.03": [("6.2.03", 1.0)],
}


def pendapatan_lines(ref: Ref, tahun: int, jenis: dict[str, int], dd: int, rng: np.random.Generator) -> pd.DataFrame:
    by_s = {o["singkatan"]: o["kode"] for o in ref.opd}
    rows = []
    for j, total in jenis.items():
        if not j.startswith("4") or total == 0:
            continue
        lines = [x for x in PENDAPATAN_LINES[j] if ref.valid_in(x[0], tahun)]
        if j == "4.2.01":
            rows.append((by_s["BPKPAD"], "4.2.01.05.01.0001", "Dana Desa", dd))
            total -= dd
            lines = [x for x in lines if x[3] > 0]
        w = np.array([x[3] for x in lines], dtype=float) * rng.lognormal(0, 0.1, len(lines))
        for (code, s, sumber, _), v in zip(lines, allocate(total, w)):
            rows.append((by_s[s], code, sumber, int(v)))
    for j, total in jenis.items():
        if not j.startswith("6") or total == 0:
            continue
        lines = PEMBIAYAAN_LINES[j]
        for (code, _), v in zip(lines, allocate(total, np.array([x[1] for x in lines]))):
            rows.append((by_s["BPKPAD"], code, "Pembiayaan", int(v)))
    df = pd.DataFrame(rows, columns=["kode_skpd", "kode_rekening", "sumber_dana", "nilai"])
    df["kode_sub_kegiatan"] = ""
    df["jenis"] = df["kode_rekening"].str.slice(0, 6)
    return df[df["nilai"] > 0]


# --------------------------------------------------------------------------------------------
# Monthly realisation and the cash plan
# --------------------------------------------------------------------------------------------
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


def _months(amounts: np.ndarray, profiles: np.ndarray, rng: np.random.Generator) -> np.ndarray:
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
    months = _months(annual, profiles, rng)
    out = _long(lines[["kode_skpd", "kode_sub_kegiatan", "kode_rekening", "sumber_dana"]], months)
    out.insert(0, "tahun", tahun)
    if tahun == RUNNING_YEAR:
        out = out[out["bulan"] <= RUNNING_MONTH]
    return out


def _long(keys: pd.DataFrame, months: np.ndarray) -> pd.DataFrame:
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


# --------------------------------------------------------------------------------------------
# APBDes
# --------------------------------------------------------------------------------------------
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
    months = _months(annual, profiles, rng)
    out = _long(lines[["kode_desa", "kode_kegiatan", "kode_rekening", "sumber_dana"]], months)
    out.insert(0, "tahun", tahun)
    if tahun == RUNNING_YEAR:
        out = out[out["bulan"] <= RUNNING_MONTH]
    return out


def _key_desa(rek: str) -> str:
    for k in (rek, rek[:5], rek[:3], rek[:1]):
        if k in DESA_PROFILE:
            return k
    return "5.2"


# --------------------------------------------------------------------------------------------
# Assembly and output
# --------------------------------------------------------------------------------------------
def _nilai_text(v: pd.Series) -> pd.Series:
    v = v.astype(np.int64)
    sign = np.where(v < 0, "-", "")
    a = v.abs()
    return sign + (a // RP).astype(str) + "." + (a % RP).astype(str).str.zfill(2)


def generate(out_dir: Path, progress=print) -> list[Path]:
    """Write the five canonical CSV files for 2022-2026 into out_dir; return their paths."""
    rng = np.random.default_rng(SEED)
    ref = Ref.load()
    targets = year_targets(ref, rng)
    catalogue = build_catalogue(ref, rng)
    base = desa_base(ref, rng)
    opd_name = {o["kode"]: o["nama"] for o in ref.opd}
    prog = {k: r["nama"] for k, r in ref.program.items()}
    rek_name = {k: r["nama"] for k, r in ref.rek.items()}
    ang, real, kas, ang_d, real_d = [], [], [], [], []
    for tahun in YEARS:
        progress(f"demo: generating {tahun}")
        year_rng = np.random.default_rng([SEED, tahun])
        stages = [t for t in ("murni", "perubahan") if (tahun, t) in targets]
        dd = dana_desa(ref, tahun)
        final = None
        for tahap in stages:
            jenis = targets[(tahun, tahap)].jenis
            bel = allocate_belanja(
                catalogue,
                ref,
                jenis,
                year_rng,
                {("5.4.02.05.02.0001", "Dana Desa"): dd},
                drop=0.06 if tahap == "murni" else 0.08,
            )
            pen = pendapatan_lines(ref, tahun, jenis, dd, year_rng)
            lines = pd.concat([pen, bel.drop(columns="w")], ignore_index=True)
            lines["tahun"], lines["tahap"] = tahun, tahap
            ang.append(lines)
            final = lines
            # APBDes pools follow this tahap's APBD transfer-to-desa lines.
            tr = bel[bel["jenis"].isin(["5.4.01", "5.4.02"])]
            pools = {
                "DDS": dd,
                "ADD": int(tr.loc[tr["kode_rekening"].eq("5.4.02.05.01.0001"), "nilai"].sum()),
                "PBK": int(
                    tr.loc[tr["kode_rekening"].eq("5.4.02.05.02.0001") & tr["sumber_dana"].eq("PAD"), "nilai"].sum()
                ),
                "PBH": int(tr.loc[tr["jenis"].eq("5.4.01"), "nilai"].sum()),
            }
            d = apbdes_lines(ref, base, tahun, pools, year_rng)
            d["tahun"], d["tahap"] = tahun, tahap
            ang_d.append(d)
        real.append(realise_apbd(final, ref, tahun, year_rng))
        kas.append(cash_plan(final, tahun, year_rng))
        real_d.append(realise_apbdes(ang_d[-1], base, tahun, year_rng))

    a = pd.concat(ang, ignore_index=True)
    a["nama_skpd"] = a["kode_skpd"].map(opd_name)
    a["kode_program"] = a["kode_sub_kegiatan"].str.slice(0, 7)
    a["kode_kegiatan"] = a["kode_sub_kegiatan"].str.slice(0, 12)
    for lvl in ("program", "kegiatan", "sub_kegiatan"):
        a[f"nama_{lvl}"] = a[f"kode_{lvl}"].map(prog).fillna("")
    a["nama_rekening"] = a["kode_rekening"].map(rek_name)
    d = pd.concat(ang_d, ignore_index=True)
    d["nama_kegiatan"] = d["kode_kegiatan"].map(ref.keg_desa).fillna("")
    d["nama_rekening"] = d["kode_rekening"].map(ref.rek_desa)
    frames = {
        "apbd_anggaran": a,
        "apbd_realisasi": pd.concat(real, ignore_index=True),
        "apbd_anggaran_kas": pd.concat(kas, ignore_index=True),
        "apbdes_anggaran": d,
        "apbdes_realisasi": pd.concat(real_d, ignore_index=True),
    }
    from etl.schema import TABLES

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, df in frames.items():
        df = df.copy()
        df["nilai"] = _nilai_text(df["nilai"])
        path = out_dir / f"{name}.csv"
        df[TABLES[name].column_names].to_csv(path, index=False)
        progress(f"demo: wrote {path.name} ({len(df):,} rows)")
        paths.append(path)
    return paths
