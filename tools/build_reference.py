"""Write the project's own reference files (data/reference/) from the shared fact sheets.

A developer tool, run by hand when the shared facts change:

    python tools/build_reference.py ../shared/reference

The outputs are committed; neither the app nor the ETL reads ../shared at run time.
Boundary GeoJSON is deliberately not copied (see docs/DATA_FORMAT.md, "Boundaries").
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "reference"
LEVELS_APBD = {1: "akun", 2: "kelompok", 3: "jenis", 4: "objek", 5: "rincian_objek", 6: "sub_rincian_objek"}


def read(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(name: str, fields: list[str], rows: list[dict]) -> None:
    with (OUT / name).open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{name}: {len(rows)} rows")


def rekening_apbd(src: Path) -> None:
    """Merge the three APBD account lists; the most specific source wins for a name."""
    merged: dict[str, dict] = {}
    for fname, name_col in (
        ("kode_rekening_apbd.csv", "uraian"),
        ("kode_rekening_belanja_lengkap.csv", "nama"),
        ("kode_rekening_apbd_detail.csv", "nama"),
    ):
        for r in read(src / fname):
            kode = r["kode"].strip()
            if not re.fullmatch(r"[4-6](\.\d+)*", kode):
                continue
            nama = re.sub(r"\s*\((s\.d\.|sejak) [^)]*\)", "", r[name_col]).strip()
            berlaku_sampai = ""
            note = r.get("sumber", "") + " " + r[name_col]
            m = re.search(r"legacy s\.d\. TA(\d{4})", note) or re.search(r"s\.d\. (\d{4})", note)
            if m:
                berlaku_sampai = m.group(1)
            m = re.search(r"sejak (\d{4})", r[name_col])
            berlaku_mulai = m.group(1) if m and not berlaku_sampai else ""
            prev = merged.get(kode, {})
            merged[kode] = {
                "kode": kode,
                "level": LEVELS_APBD[kode.count(".") + 1],
                "nama": nama if fname != "kode_rekening_apbd.csv" or not prev else prev["nama"],
                "berlaku_mulai": berlaku_mulai or prev.get("berlaku_mulai", ""),
                "berlaku_sampai": berlaku_sampai or prev.get("berlaku_sampai", ""),
                # 1 = among the accounts kabupaten budget most (the shared "detail" list)
                "umum": "1" if fname == "kode_rekening_apbd_detail.csv" else prev.get("umum", ""),
            }
    rows = sorted(merged.values(), key=lambda r: [int(p) for p in r["kode"].split(".")])
    write("rekening_apbd.csv", ["kode", "level", "nama", "berlaku_mulai", "berlaku_sampai", "umum"], rows)


# Objek-level APBDes accounts used in Siskeudes under each jenis (canonical form, no trailing dot).
APBDES_OBJEK = [
    ("4.1.1.01", "Bagi Hasil BUM Desa"),
    ("4.1.2.01", "Pengelolaan Tanah Kas Desa"),
    ("4.1.4.01", "Lain-lain Pendapatan Asli Desa"),
    ("4.3.6.01", "Bunga Bank"),
    ("5.1.1.01", "Penghasilan Tetap Kepala Desa"),
    ("5.1.1.02", "Tunjangan Kepala Desa"),
    ("5.1.2.01", "Penghasilan Tetap Perangkat Desa"),
    ("5.1.2.02", "Tunjangan Perangkat Desa"),
    ("5.1.3.01", "Jaminan Kesehatan Kepala Desa dan Perangkat Desa"),
    ("5.1.3.02", "Jaminan Ketenagakerjaan Kepala Desa dan Perangkat Desa"),
    ("5.1.4.01", "Tunjangan Kedudukan BPD"),
    ("5.2.1.01", "Belanja Perlengkapan Alat Tulis Kantor dan Benda Pos"),
    ("5.2.1.02", "Belanja Bahan/Material"),
    ("5.2.1.03", "Belanja Makanan dan Minuman Rapat/Kegiatan"),
    ("5.2.2.01", "Belanja Honorarium Tim yang Melaksanakan Kegiatan"),
    ("5.2.2.02", "Belanja Insentif/Honor Kader dan Pengajar"),
    ("5.2.2.03", "Belanja Upah Tenaga Kerja"),
    ("5.2.3.01", "Belanja Perjalanan Dinas Dalam Kabupaten/Kota"),
    ("5.2.4.01", "Belanja Sewa Peralatan dan Tempat"),
    ("5.2.5.01", "Belanja Jasa Langganan Listrik, Air dan Telepon"),
    ("5.2.6.01", "Belanja Pemeliharaan Bangunan dan Prasarana"),
    ("5.2.7.01", "Belanja Barang yang Diserahkan kepada Masyarakat"),
    ("5.2.7.02", "Belanja Bantuan Langsung Tunai (BLT) Dana Desa"),
    ("5.3.2.01", "Belanja Modal Peralatan Kantor"),
    ("5.3.4.01", "Belanja Modal Gedung dan Bangunan"),
    ("5.3.5.01", "Belanja Modal Jalan Desa"),
    ("5.3.6.01", "Belanja Modal Jembatan Desa"),
    ("5.3.7.01", "Belanja Modal Saluran Drainase dan Irigasi"),
    ("5.3.8.01", "Belanja Modal Jaringan Air Bersih"),
    ("5.3.9.01", "Belanja Modal Lainnya"),
    ("5.4.1.01", "Belanja Tidak Terduga"),
    ("6.1.1.01", "SILPA Tahun Sebelumnya"),
    ("6.2.2.01", "Penyertaan Modal Desa kepada BUM Desa"),
]


def rekening_apbdes(src: Path) -> None:
    rows = []
    for r in read(src / "kode_rekening_apbdes.csv"):
        kode = r["kode_siskeudes"].strip()
        if not re.fullmatch(r"[4-6]\.(\d+\.)*", kode):
            continue  # bidang/sub bidang rows live in apbdes_kegiatan.csv
        kode = kode.rstrip(".")
        level = {1: "akun", 2: "kelompok", 3: "jenis"}[kode.count(".") + 1]
        rows.append({"kode": kode, "level": level, "nama": r["uraian"].strip()})
    rows += [{"kode": k, "level": "objek", "nama": n} for k, n in APBDES_OBJEK]
    rows.sort(key=lambda r: [int(p) for p in r["kode"].split(".")])
    write("rekening_apbdes.csv", ["kode", "level", "nama"], rows)


def published(src: Path) -> None:
    """Every published figure the demo must reconcile to, with its rounding unit."""
    rows: list[dict] = []
    for tahun in (2022, 2023):
        text = (src / "official" / f"ringkasan_apbd_{tahun}.txt").read_text(encoding="utf-8")
        seen = set()
        for line in text.splitlines():
            m = re.fullmatch(r"([4-6](?:\.\d+){1,2}) (.+?) \(?([\d.]+)\)?", line.strip())
            if not m or m.group(1) in seen:
                continue
            seen.add(m.group(1))
            rows.append(
                dict(
                    tahun=tahun,
                    dokumen="murni",
                    kode=m.group(1),
                    uraian=m.group(2),
                    ukuran="anggaran",
                    nilai=m.group(3).replace(".", ""),
                    pembulatan="1",
                    sumber=f"Perda APBD {tahun} Lampiran I",
                )
            )
        for line in text.splitlines():
            m = re.fullmatch(r"Jumlah (Pendapatan|Belanja) ([\d.]+)", line.strip())
            if m:
                kode = "4" if m.group(1) == "Pendapatan" else "5"
                rows.append(
                    dict(
                        tahun=tahun,
                        dokumen="murni",
                        kode=kode,
                        uraian=f"Jumlah {m.group(1)}",
                        ukuran="anggaran",
                        nilai=m.group(2).replace(".", ""),
                        pembulatan="1",
                        sumber=f"Perda APBD {tahun} Lampiran I",
                    )
                )

    def unit(v: str) -> str:
        # Headline figures ending in nine zeros were published rounded to the billion.
        return "0.01" if "." in v else "1000000000" if v.endswith("000000000") else "1"

    for r in read(src / "apbd_headline.csv"):
        tahun = int(r["tahun"])
        if tahun < 2022:
            continue
        t = r["tahap"]
        dokumen = "murni" if "murni" in t else "perubahan" if "P-APBD" in t else "realisasi"
        for pos, kode in (("pendapatan", "4"), ("belanja", "5")):
            a, real, pct = r[f"{pos}_anggaran"], r[f"{pos}_realisasi"], r[f"{pos}_persen"]
            # 2022/2023 murni totals already come, to the rupiah, from the Perda text above.
            if a and not (tahun in (2022, 2023) and dokumen == "murni"):
                rows.append(
                    dict(
                        tahun=tahun,
                        dokumen="murni" if dokumen == "murni" else "perubahan",
                        kode=kode,
                        uraian=f"Jumlah {pos.title()}",
                        ukuran="anggaran",
                        nilai=a,
                        pembulatan=unit(a),
                        sumber=r["sumber"],
                    )
                )
            if real:
                rows.append(
                    dict(
                        tahun=tahun,
                        dokumen="realisasi",
                        kode=kode,
                        uraian=f"Realisasi {pos.title()}",
                        ukuran="realisasi",
                        nilai=real,
                        pembulatan=unit(real),
                        sumber=r["sumber"],
                    )
                )
            if pct:
                rows.append(
                    dict(
                        tahun=tahun,
                        dokumen="realisasi",
                        kode=kode,
                        uraian=f"Persen Realisasi {pos.title()}",
                        ukuran="persen",
                        nilai=pct,
                        pembulatan="0.01",
                        sumber=r["sumber"],
                    )
                )
        m = re.search(r"pembiayaan netto ([\d.]+)", r["catatan"])
        if m:
            rows.append(
                dict(
                    tahun=tahun,
                    dokumen=dokumen,
                    kode="6",
                    uraian="Pembiayaan Netto",
                    ukuran="anggaran",
                    nilai=m.group(1).replace(".", ""),
                    pembulatan="1",
                    sumber=r["sumber"],
                )
            )
    for r in read(src / "dana_desa.csv"):
        if int(r["tahun"]) >= 2022:
            rows.append(
                dict(
                    tahun=r["tahun"],
                    dokumen="murni",
                    kode="DDS",
                    uraian="Dana Desa (jumlah seluruh desa)",
                    ukuran="anggaran",
                    nilai=r["dana_desa_rp"],
                    pembulatan="1",
                    sumber=r["sumber"],
                )
            )
    for r in rows:
        if "." in r["nilai"] and r["ukuran"] != "persen":
            r["nilai"] = f"{float(r['nilai']):.2f}"
    write("published.csv", ["tahun", "dokumen", "kode", "uraian", "ukuran", "nilai", "pembulatan", "sumber"], rows)


def main(src: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    kec = read(src / "kecamatan.csv")
    write(
        "kecamatan.csv",
        ["kode", "nama", "ibukota", "luas_km2", "penduduk_2020", "jumlah_desa", "jumlah_kelurahan", "lat", "lng"],
        kec,
    )
    desa = read(src / "desa.csv")
    write("desa.csv", ["kode", "nama", "kode_kecamatan", "kecamatan", "jenis", "lat", "lng"], desa)
    # Siskeudes numbers a village as <kecamatan>.<desa>. (with the trailing dot); in Batang these are
    # the last two parts of the Kemendagri code. A deployment whose Siskeudes numbering differs edits
    # this file; the Siskeudes reader maps every village through it.
    write(
        "siskeudes_desa.csv",
        ["kd_desa_siskeudes", "kode_desa", "nama"],
        [
            {"kd_desa_siskeudes": ".".join(d["kode"].split(".")[2:]) + ".", "kode_desa": d["kode"], "nama": d["nama"]}
            for d in desa
            if d["jenis"] == "desa"
        ],
    )
    kode_kec = {k["nama"]: k["kode"] for k in kec}
    opd = read(src / "opd.csv")
    for r in opd:
        r["bidang_urusan"] = r["bidang_urusan_permendagri90"]
        r["kode_kecamatan"] = kode_kec.get(r["kecamatan"], "")
    write("opd.csv", ["kode", "nama", "singkatan", "jenis", "bidang_urusan", "kode_kecamatan"], opd)
    write("program.csv", ["kode", "level", "nama"], read(src / "program_kegiatan.csv"))
    write("apbdes_kegiatan.csv", ["kode", "level", "nama"], read(src / "apbdes_kegiatan.csv"))
    rekening_apbd(src)
    rekening_apbdes(src)
    published(src)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference"))
