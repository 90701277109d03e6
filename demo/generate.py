"""Assembly and output: every year and tahap generated in order, written as the canonical CSV files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from demo.apbd import allocate_belanja, build_catalogue, pendapatan_lines
from demo.apbdes import apbdes_lines, desa_base, realise_apbdes
from demo.realisasi import cash_plan, realise_apbd
from demo.reference import RP, SEED, YEARS, Ref
from demo.targets import dana_desa, year_targets
from etl.schema import TABLES


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
