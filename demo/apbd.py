"""The APBD lines: the belanja catalogue (which OPD, programme, sub kegiatan and account a rupiah sits in,
illustrative) allocated to the year's jenis totals, and the pendapatan and pembiayaan lines."""

from __future__ import annotations

import numpy as np
import pandas as pd

from demo.reference import Ref, allocate

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
