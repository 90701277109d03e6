"""Files in the layouts Pemda offices produce, written by the project itself for the tests,
awkward cases included (title rows, column-number rows, subtotals without codes, wrapped names,
negatives in parentheses, '-' for zero, SIMDA one-digit jenis codes, leading-space hierarchies)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook

# Perda APBD 2022 Lampiran I (the official figures), as Kode, Uraian, Jumlah.
PERDA_2022 = [
    ("4", "PENDAPATAN DAERAH", ""),
    ("4.1", "PENDAPATAN ASLI DAERAH (PAD)", "305.962.267.259,00"),
    ("4.1.01", "Pajak Daerah", "122.460.000.000,00"),
    ("4.1.02", "Retribusi Daerah", "28.602.525.600,00"),
    ("4.1.03", "Hasil Pengelolaan Kekayaan Daerah yang Dipisahkan", "12.417.731.659,00"),
    ("4.1.04", "Lain-lain PAD yang Sah", "142.482.010.000,00"),
    ("4.2", "PENDAPATAN TRANSFER", "1.381.880.712.000,00"),
    ("4.2.01", "Pendapatan Transfer Pemerintah Pusat", "1.252.026.969.000,00"),
    ("4.2.02", "Pendapatan Transfer Antar Daerah", "129.853.743.000,00"),
    ("4.3", "LAIN-LAIN PENDAPATAN DAERAH YANG SAH", "81.484.000.000,00"),
    ("4.3.03", "Lain-lain Pendapatan Sesuai dengan Ketentuan", "81.484.000.000,00"),
    ("", "Peraturan Perundang-Undangan", ""),  # the name wraps onto a second row
    ("", "Jumlah Pendapatan", "1.769.326.979.259,00"),  # a subtotal without a code
    ("5", "BELANJA", ""),
    ("5.1", "BELANJA OPERASI", "1.303.830.614.126,00"),
    ("5.1.01", "Belanja Pegawai", "759.310.227.463,00"),
    ("5.1.02", "Belanja Barang dan Jasa", "450.066.007.413,00"),
    ("5.1.05", "Belanja Hibah", "79.182.398.000,00"),
    ("5.1.06", "Belanja Bantuan Sosial", "15.271.981.250,00"),
    ("5.2", "BELANJA MODAL", "172.395.984.728,00"),
    ("5.2.02", "Belanja Modal Peralatan dan Mesin", "29.818.387.899,00"),
    ("5.2.03", "Belanja Modal Gedung dan Bangunan", "55.621.063.337,00"),
    ("5.2.04", "Belanja Modal Jalan, Jaringan, dan Irigasi", "86.058.393.492,00"),
    ("5.2.05", "Belanja Modal Aset Tetap Lainnya", "718.140.000,00"),
    ("5.2.06", "Belanja Modal Aset Lainnya", "180.000.000,00"),
    ("5.3", "BELANJA TIDAK TERDUGA", "12.000.000.000,00"),
    ("5.3.01", "Belanja Tidak Terduga", "12.000.000.000,00"),
    ("5.4", "BELANJA TRANSFER", "341.078.257.405,00"),
    ("5.4.01", "Belanja Bagi Hasil", "9.594.487.905,00"),
    ("5.4.02", "Belanja Bantuan Keuangan", "331.483.769.500,00"),
    ("", "Jumlah Belanja", "1.829.304.856.259,00"),
    ("", "Total Surplus/(Defisit)", "(59.977.877.000,00)"),  # negative in parentheses
    ("6", "PEMBIAYAAN", ""),
    ("6.1", "PENERIMAAN PEMBIAYAAN", "101.977.877.000,00"),
    ("6.1.01", "Sisa Lebih Perhitungan Anggaran Tahun Sebelumnya", "71.977.877.000,00"),
    ("6.1.04", "Penerimaan Pinjaman Daerah", "30.000.000.000,00"),
    ("6.2", "PENGELUARAN PEMBIAYAAN", "42.000.000.000,00"),
    ("6.2.02", "Penyertaan Modal Daerah", "12.000.000.000,00"),
    ("6.2.03", "Pembayaran Cicilan Pokok Utang yang Jatuh Tempo", "30.000.000.000,00"),
    ("", "Pembiayaan Netto", "59.977.877.000,00"),
    ("6.3", "Sisa Lebih Pembiayaan Anggaran Daerah Tahun Berkenaan", "-"),  # '-' for zero
]
TITLE_2022 = [
    "Lampiran I : Peraturan Daerah Kabupaten Batang",
    "Nomor : 9 Tahun 2021",
    "KABUPATEN BATANG",
    "RINGKASAN APBD YANG DIKLASIFIKASI MENURUT KELOMPOK DAN JENIS",
    "TAHUN ANGGARAN 2022",
]


def perda_xlsx(path: Path, rows=PERDA_2022, title=TITLE_2022) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Lampiran I"
    for line in title:
        ws.append([line])
    ws.append(["Kode", "Uraian", "Jumlah"])
    ws.append([1, 2, 3])  # the column-number row
    for kode, uraian, jumlah in rows:
        ws.append([kode or None, uraian, jumlah or None])
    wb.save(path)
    return path


def simda_xlsx(path: Path) -> Path:
    """The SIMDA revised-budget summary, one-digit jenis codes, 2024."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Ringkasan"
    ws.append(["PEMERINTAH KABUPATEN BATANG"])
    ws.append(["RINGKASAN PERUBAHAN APBD TAHUN ANGGARAN 2024"])
    ws.append(["KODE", "URAIAN", "SEBELUM PERUBAHAN", "SETELAH PERUBAHAN", "BERTAMBAH/(BERKURANG)", "%"])
    ws.append(["1", "2", "3", "4", "5", "6"])
    data = [
        ("4", "PENDAPATAN", "1.902.452.411.838,00", "1.944.000.000.000,00"),
        ("4.1", "PENDAPATAN ASLI DAERAH", "330.000.000.000,00", "340.000.000.000,00"),
        ("4.1.1", "Pajak Daerah", "140.000.000.000,00", "150.000.000.000,00"),
        ("4.1.2", "Retribusi Daerah", "190.000.000.000,00", "190.000.000.000,00"),
        ("4.2", "PENDAPATAN TRANSFER", "1.572.452.411.838,00", "1.604.000.000.000,00"),
        ("4.2.1", "Pendapatan Transfer Pemerintah Pusat", "1.572.452.411.838,00", "1.604.000.000.000,00"),
        ("", "JUMLAH PENDAPATAN", "1.902.452.411.838,00", "1.944.000.000.000,00"),
    ]
    for kode, uraian, before, after in data:
        ws.append([kode or None, uraian, before, after, None, None])
    wb.save(path)
    return path


def lra_csv(path: Path) -> Path:
    """The realisation report saved as CSV from Excel in an Indonesian locale (';' and 1.234,56)."""
    lines = [
        ["PEMERINTAH KABUPATEN BATANG"],
        ["LAPORAN REALISASI ANGGARAN"],
        ["TAHUN ANGGARAN 2024 s.d. 31 Oktober 2024"],
        ["Kode Rekening", "Uraian", "Anggaran", "Realisasi", "%", "Lebih/(Kurang)"],
        ["1", "2", "3", "4", "5", "6"],
        ["5", "BELANJA DAERAH", "2.080.200.000.000,00", "1.400.000.000.000,50", "67,30", "(680.199.999.999,50)"],
        ["5.1", "BELANJA OPERASI", "1.500.000.000.000,00", "1.100.000.000.000,50", "73,33", "(400.000.000.000,00)"],
        ["5.1.01", "Belanja Pegawai", "800.000.000.000,00", "650.000.000.000,50", "81,25", "(150.000.000.000,00)"],
        [
            "5.1.02",
            "Belanja Barang dan Jasa",
            "700.000.000.000,00",
            "450.000.000.000,00",
            "64,29",
            "(250.000.000.000,00)",
        ],
        ["5.2", "BELANJA MODAL", "580.200.000.000,00", "300.000.000.000,00", "51,71", "(280.200.000.000,00)"],
        ["5.2.04", "Belanja Modal Jalan, Jaringan,", "580.200.000.000,00", "300.000.000.000,00", "51,71", "-"],
        ["", "dan Irigasi", "", "", "", ""],
        ["", "JUMLAH BELANJA", "2.080.200.000.000,00", "1.400.000.000.000,50", "67,30", ""],
    ]
    buf = io.StringIO()
    csv.writer(buf, delimiter=";").writerows(lines)
    path.write_bytes(("\ufeff" + buf.getvalue()).encode("utf-8"))
    return path


def djpk_xml(path: Path, extra_rows: list[tuple[str, str, str]] | None = None) -> Path:
    """The DJPK Portal Data APBD download: XML Spreadsheet 2003, names indented, no codes."""
    rows = [
        ("Pendapatan Daerah", "1.773.375.171.879", "1.808.000.000.000"),
        ("  PENDAPATAN ASLI DAERAH (PAD)", "300.051.284.279", "310.000.000.000"),
        ("    Pajak Daerah", "127.925.000.000", "130.000.000.000"),
        ("    Retribusi Daerah", "28.228.133.600", "30.000.000.000"),
        ("    Hasil Pengelolaan Kekayaan Daerah yang Dipisahkan", "11.726.140.679", "12.000.000.000"),
        ("    Lain-lain PAD yang Sah", "132.172.010.000", "138.000.000.000"),
        ("  PENDAPATAN TRANSFER", "1.473.323.887.600", "1.498.000.000.000"),
    ] + (extra_rows or [])

    def cell(v, t="String"):
        return f'<Cell><Data ss:Type="{t}">{v}</Data></Cell>'

    body = "".join(f"<Row>{cell(a)}{cell(b)}{cell(c)}{cell('')}</Row>" for a, b, c in rows)
    xml = (
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        '<Worksheet ss:Name="Portal APBD"><Table>'
        f"<Row>{cell('Kabupaten Batang Tahun 2023 s.d. Desember')}</Row>"
        f"<Row>{cell('Akun')}{cell('Anggaran')}{cell('Realisasi')}{cell('Persentase')}</Row>"
        f"{body}</Table></Worksheet></Workbook>"
    )
    path.write_text(xml, encoding="utf-8")
    return path


def siskeudes_zip(path: Path, kd_desa: str = "01.2001.") -> Path:
    """A Siskeudes export: CSV tables with Siskeudes' codes (trailing dots)."""

    def table(rows):
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
        return buf.getvalue()

    keg = kd_desa + "02.03.10."
    tables = {
        "Ta_Desa": [{"Tahun": "2025", "Kd_Desa": kd_desa, "Nama_Desa": "Silurah"}],
        "Ta_Kegiatan": [
            {"Tahun": "2025", "Kd_Desa": kd_desa, "Kd_Keg": keg, "Nama_Kegiatan": "Pembangunan Jalan Desa"}
        ],
        "Ta_RAB": [
            {
                "Tahun": "2025",
                "Kd_Desa": kd_desa,
                "Kd_Keg": kd_desa,
                "Kd_Rincian": "4.2.1.",
                "SumberDana": "DDS",
                "Anggaran": "900000000",
                "AnggaranPAK": "0",
                "AnggaranStlhPAK": "900000000",
            },
            {
                "Tahun": "2025",
                "Kd_Desa": kd_desa,
                "Kd_Keg": keg,
                "Kd_Rincian": "5.3.5.01.",
                "SumberDana": "DDS",
                "Anggaran": "250000000",
                "AnggaranPAK": "25000000",
                "AnggaranStlhPAK": "275000000",
            },
        ],
        "Ta_SPJ": [{"Tahun": "2025", "No_SPJ": "SPJ/001", "Tgl_SPJ": "2025-08-14", "Kd_Desa": kd_desa}],
        "Ta_SPJRinci": [
            {
                "Tahun": "2025",
                "No_SPJ": "SPJ/001",
                "Kd_Desa": kd_desa,
                "Kd_Keg": keg,
                "Kd_Rincian": "5.3.5.01.",
                "SumberDana": "DDS",
                "Nilai": "120000000",
            }
        ],
        "Ta_TBP": [{"Tahun": "2025", "No_Bukti": "TBP/001", "Tgl_Bukti": "2025-04-02", "Kd_Desa": kd_desa}],
        "Ta_TBPRinci": [
            {
                "Tahun": "2025",
                "No_Bukti": "TBP/001",
                "Kd_Desa": kd_desa,
                "Kd_Keg": kd_desa,
                "Kd_Rincian": "4.2.1.",
                "SumberDana": "DDS",
                "Nilai": "360000000",
            }
        ],
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, rows in tables.items():
            zf.writestr(f"{name}.csv", table(rows))
    return path


def canonical_excel_csv(path: Path) -> Path:
    """A canonical cash-plan file as Excel writes it in an Indonesian locale: ';', 1.234,56, Windows-1252."""
    lines = ["tahun;bulan;kode_skpd;nilai"] + [
        f"2026;{m};1.02.0.00.0.00.01.0000;1.234.567,{m:02d}" for m in range(1, 13)
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def canonical_xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["tahun", "bulan", "kode_skpd", "nilai"])
    for m in range(1, 13):
        ws.append([2026, m, "1.02.0.00.0.00.01.0000", 1000.5])
    wb.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# P-APBD summary (Lampiran I of the Perda Perubahan APBD) with a two-row merged header
# ---------------------------------------------------------------------------------------------
# Jenis-level figures before and after the revision, to the sen. Kelompok and akun rows in the file are
# their sums; the tests compute the expected totals from this list on their own.
PAPBD_2023_JENIS = [
    ("4.1.01", "Pajak Daerah", "127925000000.00", "131250500000.50"),
    ("4.1.02", "Retribusi Daerah", "28228133600.00", "27900000000.00"),
    ("4.1.03", "Hasil Pengelolaan Kekayaan Daerah yang Dipisahkan", "11726140679.00", "11726140679.00"),
    ("4.1.04", "Lain-lain PAD yang Sah", "132172010000.00", "140010000000.25"),
    ("4.2.01", "Pendapatan Transfer Pemerintah Pusat", "1302011000000.00", "1320455000000.00"),
    ("4.2.02", "Pendapatan Transfer Antar Daerah", "171312887600.00", "168000000000.00"),
    (
        "4.3.03",
        "Lain-lain Pendapatan Sesuai dengan Ketentuan Peraturan Perundang-Undangan",
        "5000000000.00",
        "6500000000.00",
    ),
    ("5.1.01", "Belanja Pegawai", "780000000000.00", "790123456789.75"),
    ("5.1.02", "Belanja Barang dan Jasa", "480500000000.00", "501000000000.00"),
    ("5.1.05", "Belanja Hibah", "60000000000.00", "58750000000.00"),
    ("5.1.06", "Belanja Bantuan Sosial", "10000000000.00", "12000000000.00"),
    ("5.2.02", "Belanja Modal Peralatan dan Mesin", "30000000000.00", "27500000000.00"),
    ("5.2.03", "Belanja Modal Gedung dan Bangunan", "50000000000.00", "61000000000.00"),
    ("5.2.04", "Belanja Modal Jalan, Jaringan, dan Irigasi", "90000000000.00", "104250000000.00"),
    ("5.3.01", "Belanja Tidak Terduga", "10000000000.00", "7500000000.00"),
    ("5.4.01", "Belanja Bagi Hasil", "9800000000.00", "9800000000.00"),
    ("5.4.02", "Belanja Bantuan Keuangan", "340000000000.00", "345000000000.00"),
    ("6.1.01", "Sisa Lebih Perhitungan Anggaran Tahun Sebelumnya", "60000000000.00", "85432100000.10"),
    ("6.2.02", "Penyertaan Modal Daerah", "5000000000.00", "5000000000.00"),
]
PAPBD_NAMES = {
    "4": "PENDAPATAN DAERAH",
    "4.1": "PENDAPATAN ASLI DAERAH (PAD)",
    "4.2": "PENDAPATAN TRANSFER",
    "4.3": "LAIN-LAIN PENDAPATAN DAERAH YANG SAH",
    "5": "BELANJA DAERAH",
    "5.1": "BELANJA OPERASI",
    "5.2": "BELANJA MODAL",
    "5.3": "BELANJA TIDAK TERDUGA",
    "5.4": "BELANJA TRANSFER",
    "6": "PEMBIAYAAN DAERAH",
    "6.1": "PENERIMAAN PEMBIAYAAN",
    "6.2": "PENGELUARAN PEMBIAYAAN",
}


def papbd_rows() -> list[tuple]:
    """(kode, uraian, sebelum, setelah) as printed: akun with their sums, kelompok with theirs, jenis,
    subtotal lines without a code, and a few codes with SIMDA's trailing dot."""
    from decimal import Decimal

    def total(prefix, i):
        return sum((Decimal(r[i]) for r in PAPBD_2023_JENIS if r[0].startswith(prefix + ".")), Decimal(0))

    out = []
    for akun in ("4", "5", "6"):
        out.append((akun, PAPBD_NAMES[akun], total(akun, 2), total(akun, 3)))
        for kelompok in sorted({r[0][:3] for r in PAPBD_2023_JENIS if r[0].startswith(akun + ".")}):
            out.append((kelompok + ".", PAPBD_NAMES[kelompok], total(kelompok, 2), total(kelompok, 3)))
            out += [(k, n, Decimal(b), Decimal(a)) for k, n, b, a in PAPBD_2023_JENIS if k.startswith(kelompok + ".")]
        label = {"4": "JUMLAH PENDAPATAN", "5": "JUMLAH BELANJA", "6": "PEMBIAYAAN NETTO"}[akun]
        out.append(("", label, total(akun, 2), total(akun, 3)))
    return out


PAPBD_TITLE = [
    "LAMPIRAN I PERATURAN DAERAH KABUPATEN BATANG",
    "NOMOR 7 TAHUN 2023 TENTANG PERUBAHAN APBD",
    "RINGKASAN PERUBAHAN APBD YANG DIKLASIFIKASI MENURUT KELOMPOK DAN JENIS",
    "TAHUN ANGGARAN 2023",
]
PAPBD_HEADER = [
    ["KODE REKENING", "URAIAN", "JUMLAH (Rp)", None, "BERTAMBAH / (BERKURANG)", None],
    [None, None, "SEBELUM PERUBAHAN", "SETELAH PERUBAHAN", "(Rp)", "%"],
]


def _change(before, after):
    diff = after - before
    pct = (diff / before * 100).quantize(type(diff)("0.01")) if before else None
    return diff, pct


def papbd_xlsx(path: Path) -> Path:
    """As the office's workbook has it: titles merged across the table, the header merged over two rows
    (KODE and URAIAN down, the group titles across), numbers as numeric cells."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Lampiran I"
    for i, line in enumerate(PAPBD_TITLE, start=1):
        ws.append([line])
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=6)
    ws.append([])
    top = len(PAPBD_TITLE) + 2
    for row in PAPBD_HEADER:
        ws.append(row)
    ws.merge_cells(start_row=top, start_column=1, end_row=top + 1, end_column=1)
    ws.merge_cells(start_row=top, start_column=2, end_row=top + 1, end_column=2)
    ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=4)
    ws.merge_cells(start_row=top, start_column=5, end_row=top, end_column=6)
    ws.append([1, 2, 3, 4, 5, 6])
    for kode, uraian, before, after in papbd_rows():
        diff, pct = _change(before, after)
        ws.append([kode or None, uraian, float(before), float(after), float(diff), float(pct) if pct else None])
        if not kode:  # a subtotal's label spans the code and name columns
            r = ws.max_row
            ws.cell(r, 1, uraian)
            ws.cell(r, 2, None)
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    wb.save(path)
    return path


def _id_amount(v) -> str:
    """1234567.5 as Excel prints it in an Indonesian locale with a thousands format: 1.234.567,50;
    negatives in parentheses."""
    from decimal import Decimal

    q = Decimal(v).quantize(Decimal("0.01"))
    whole, frac = f"{abs(q):f}".split(".")
    text = f"{int(whole):,}".replace(",", ".") + "," + frac
    return f"({text})" if q < 0 else text


def papbd_csv(path: Path) -> Path:
    """The CSV Excel saves from that workbook in an Indonesian locale: ';', merged cells kept only in
    their first cell, 1.234,56 amounts, Windows-1252, CRLF."""
    lines = [[t, "", "", "", "", ""] for t in PAPBD_TITLE] + [[""] * 6]
    lines += [["" if c is None else c for c in row] for row in PAPBD_HEADER]
    lines.append(["1", "2", "3", "4", "5", "6"])
    for kode, uraian, before, after in papbd_rows():
        diff, pct = _change(before, after)
        first = kode if kode else uraian
        lines.append(
            [
                first,
                uraian if kode else "",
                _id_amount(before),
                _id_amount(after),
                _id_amount(diff),
                "" if pct is None else f"{pct:f}".replace(".", ","),
            ]
        )
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(lines)
    path.write_bytes(buf.getvalue().encode("cp1252"))
    return path


# An LRA whose header starts below a five-row title block, with SIPD's column names.
LRA_2025_JUNI = [
    ("4", "PENDAPATAN DAERAH", "1990000000000.00", "905432100000.55"),
    ("4.1", "PENDAPATAN ASLI DAERAH (PAD)", "340000000000.00", "150432100000.55"),
    ("4.1.01", "Pajak Daerah", "150000000000.00", "70000000000.05"),
    ("4.1.02", "Retribusi Daerah", "190000000000.00", "80432100000.50"),
    ("4.2", "PENDAPATAN TRANSFER", "1650000000000.00", "755000000000.00"),
    ("4.2.01", "Pendapatan Transfer Pemerintah Pusat", "1650000000000.00", "755000000000.00"),
]


def lra_sipd_xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "LRA"
    for line in (
        "PEMERINTAH KABUPATEN BATANG",
        "LAPORAN REALISASI ANGGARAN PENDAPATAN DAN BELANJA DAERAH",
        "UNTUK PERIODE YANG BERAKHIR SAMPAI DENGAN 30 JUNI 2025",
        "TAHUN ANGGARAN 2025",
        "(Dalam Rupiah)",
    ):
        ws.append([line])
    ws.append(
        ["Kode Akun", "Uraian", "Anggaran Setelah Perubahan", "Realisasi s.d. 30 Juni 2025", "%", "Lebih/(Kurang)"]
    )
    from decimal import Decimal

    for kode, uraian, ang, real in LRA_2025_JUNI:
        a, r = Decimal(ang), Decimal(real)
        ws.append([kode, uraian, float(a), float(r), float((r / a * 100).quantize(Decimal("0.01"))), float(r - a)])
    wb.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# A Siskeudes export with the whole table set
# ---------------------------------------------------------------------------------------------
SK_DESA = "01.2001."  # Silurah, 33.25.01.2001
SK_NONE = SK_DESA + "00.00.00."  # the placeholder kegiatan of pendapatan and pembiayaan lines
SK_KEG = {
    SK_DESA + "01.01.01.": ("01", "Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa"),
    SK_DESA + "02.03.10.": ("02", "Pembangunan/Rehabilitasi/Peningkatan Jalan Desa"),
    SK_DESA + "03.02.01.": ("03", "Pembinaan Keamanan, Ketertiban dan Perlindungan Masyarakat"),
}
# Ta_RAB: (Kd_Keg, Kd_Rincian, Anggaran, AnggaranPAK, AnggaranStlhPAK)
SK_RAB = [
    (SK_NONE, "4.1.1.01.", "25000000", "5000000", "30000000"),
    (SK_NONE, "4.2.1.", "900000000.00", "0.00", "900000000.00"),
    (SK_NONE, "4.2.3.", "450.500.000,50", "0,00", "450.500.000,50"),
    (SK_NONE, "4.3.6.01.", "1200000", "300000", "1500000"),
    (SK_DESA + "01.01.01.", "5.1.1.01.", "30000000", "0", "30000000"),
    (SK_DESA + "02.03.10.", "5.3.5.01.", "250000000", "25000000", "275000000"),
    (SK_DESA + "03.02.01.", "5.2.2.02.", "12750000.25", "-2750000.25", "10000000"),
    (SK_NONE, "6.1.1.", "15000000", "0", "15000000"),
]
# Ta_RABRinci under each Ta_RAB line: (Kd_Keg, Kd_Rincian, SumberDana, Anggaran, AnggaranStlhPAK).
# The road is paid from Dana Desa and ADD; Anggaran and AnggaranStlhPAK split differently.
SK_RABRINCI = [
    (SK_NONE, "4.1.1.01.", "PAD", "25000000", "30000000"),
    (SK_NONE, "4.2.1.", "DDS", "900000000", "900000000"),
    (SK_NONE, "4.2.3.", "ADD", "450500000.50", "450500000.50"),
    (SK_NONE, "4.3.6.01.", "PAD", "1200000", "1500000"),
    (SK_DESA + "01.01.01.", "5.1.1.01.", "ADD", "30000000", "30000000"),
    (SK_DESA + "02.03.10.", "5.3.5.01.", "DDS", "150000000", "160000000"),
    (SK_DESA + "02.03.10.", "5.3.5.01.", "ADD", "60000000", "75000000"),
    (SK_DESA + "02.03.10.", "5.3.5.01.", "DDS", "40000000", "40000000"),
    (SK_DESA + "03.02.01.", "5.2.2.02.", "ADD", "12750000.25", "10000000"),
    (SK_NONE, "6.1.1.", "DLL", "15000000", "15000000"),
]
# Ta_SPJ: No_SPJ -> Tgl_SPJ (both dd/mm/yyyy forms); Ta_SPJRinci lines: (No_SPJ, Kd_Keg, Kd_Rincian, Sumberdana, Nilai)
SK_SPJ = {"0001/SPJ/2025": "14/03/2025", "0002/SPJ/2025": "05/08/2025 10:21:00", "0003/SPJ/2025": "30/08/2025"}
SK_SPJRINCI = [
    ("0001/SPJ/2025", SK_DESA + "01.01.01.", "5.1.1.01.", "ADD", "7500000"),
    ("0002/SPJ/2025", SK_DESA + "02.03.10.", "5.3.5.01.", "DDS", "100000000.00"),
    ("0002/SPJ/2025", SK_DESA + "02.03.10.", "5.3.5.01.", "ADD", "20.000.000,00"),
    ("0003/SPJ/2025", SK_DESA + "02.03.10.", "5.3.5.01.", "DDS", "35000000.50"),
    ("0003/SPJ/2025", SK_DESA + "03.02.01.", "5.2.2.02.", "ADD", "2500000"),
]
# Ta_TBP: No_Bukti -> Tgl_Bukti (yyyy-mm-dd hh:mm:ss); Ta_TBPRinci: (No_Bukti, Kd_Rincian, SumberDana, Nilai)
SK_TBP = {"0001/TBP/2025": "2025-04-02 00:00:00", "0002/TBP/2025": "2025-08-20 13:05:10"}
SK_TBPRINCI = [
    ("0001/TBP/2025", "4.2.1.", "DDS", "360.000.000,00"),
    ("0001/TBP/2025", "4.2.3.", "ADD", "150166666.83"),
    ("0002/TBP/2025", "4.1.1.01.", "PAD", "12500000"),
]
# Ta_JurnalUmum: NoBukti -> (Tanggal, Posted); Rinci: (NoBukti, Kd_Keg, Kd_Rincian, Sumberdana, Debet, Kredit)
SK_JURNAL = {"0001/JU/2025": ("31/08/2025", "1"), "0002/JU/2025": ("15/09/2025", "0")}
SK_JURNALRINCI = [
    # A posted correction: Rp2.000.000 of the road's August SPJ was booked twice.
    ("0001/JU/2025", SK_DESA + "02.03.10.", "5.3.5.01.", "DDS", "0", "2000000"),
    ("0001/JU/2025", SK_NONE, "1.1.1.01.", "", "2000000", "0"),  # the cash side: not realisation
    # A draft, not posted: never counted.
    ("0002/JU/2025", SK_DESA + "01.01.01.", "5.1.1.01.", "ADD", "99000000", "0"),
    ("0002/JU/2025", SK_NONE, "1.1.1.01.", "", "0", "99000000"),
]
# Ta_Mutasi: (No_Bukti, Tgl_Bukti, Kd_Rincian, Sumberdana, Nilai): bank interest, and a cash withdrawal
SK_MUTASI = [
    ("0001/MTS/2025", "31/07/2025", "4.3.6.01.", "PAD", "412345.67"),
    ("0002/MTS/2025", "01/08/2025", "", "", "50000000"),
]


def siskeudes_tables(tahun: str = "2025", kd_desa: str = SK_DESA) -> dict[str, list[dict]]:
    """The tables as Siskeudes exports them (column order and case included)."""

    def keg(k):
        return k.replace(SK_DESA, kd_desa, 1)

    t = tahun
    return {
        "Ta_Desa": [{"Tahun": t, "Kd_Desa": kd_desa, "Nama_Desa": "Silurah", "Alamat": "Jl. Raya Silurah"}],
        "Ta_Kegiatan": [
            {
                "Tahun": t,
                "Kd_Bid": kd_desa + bid + ".",
                "Kd_Keg": keg(k),
                "ID_Keg": k[len(SK_DESA) :].rstrip("."),
                "Nama_Kegiatan": name,
                "Pagu": "0",
                "Pagu_PAK": "0",
            }
            for k, (bid, name) in SK_KEG.items()
        ],
        "Ta_RAB": [
            {
                "Tahun": t,
                "Kd_Desa": kd_desa,
                "Kd_Keg": keg(k),
                "Kd_Rincian": r,
                "Anggaran": a,
                "AnggaranPAK": p,
                "AnggaranStlhPAK": s,
            }
            for k, r, a, p, s in SK_RAB
        ],
        "Ta_RABRinci": [
            {
                "Tahun": t,
                "Kd_Desa": kd_desa,
                "Kd_Keg": keg(k),
                "Kd_Rincian": r,
                "Kd_SubRinci": "01",
                "No_Urut": str(n),
                "SumberDana": sd,
                "Uraian": "rincian",
                "Satuan": "paket",
                "JmlSatuan": "1",
                "HrgSatuan": a,
                "Anggaran": a,
                "JmlSatuanPAK": "1",
                "HrgSatuanPAK": s,
                "AnggaranStlhPAK": s,
                "AnggaranPAK": "0",
            }
            for n, (k, r, sd, a, s) in enumerate(SK_RABRINCI, start=1)
        ],
        "Ta_SPJ": [
            {"Tahun": t, "No_SPJ": no, "Tgl_SPJ": d, "Kd_Desa": kd_desa, "Keterangan": "SPJ"}
            for no, d in SK_SPJ.items()
        ],
        # This export writes Ta_SPJRinci's header in lower case.
        "Ta_SPJRinci": [
            {
                "tahun": t,
                "no_spj": no,
                "kd_keg": keg(k),
                "kd_rincian": r,
                "sumberdana": sd,
                "kd_desa": kd_desa,
                "no_spp": no.replace("SPJ", "SPP"),
                "jmlcair": v,
                "nilai": v,
            }
            for no, k, r, sd, v in SK_SPJRINCI
        ],
        "Ta_TBP": [
            {"Tahun": t, "No_Bukti": no, "Tgl_Bukti": d, "Kd_Desa": kd_desa, "Uraian": "penerimaan"}
            for no, d in SK_TBP.items()
        ],
        "Ta_TBPRinci": [
            {
                "Tahun": t,
                "No_Bukti": no,
                "Kd_Desa": kd_desa,
                "Kd_Keg": SK_NONE.replace(SK_DESA, kd_desa, 1),
                "Kd_Rincian": r,
                "RincianSD": r + sd,
                "SumberDana": sd,
                "Nilai": v,
            }
            for no, r, sd, v in SK_TBPRINCI
        ],
        "Ta_JurnalUmum": [
            {
                "Tahun": t,
                "KdBuku": "1",
                "Kd_Desa": kd_desa,
                "Tanggal": d,
                "JnsBukti": "JU",
                "NoBukti": no,
                "Keterangan": "koreksi",
                "Posted": posted,
            }
            for no, (d, posted) in SK_JURNAL.items()
        ],
        "Ta_JurnalUmumRinci": [
            {
                "Tahun": t,
                "NoBukti": no,
                "Kd_Keg": keg(k),
                "RincianSD": r + sd,
                "NoID": str(n),
                "Kd_Desa": kd_desa,
                "Akun": r[:1],
                "Kd_Rincian": r,
                "Sumberdana": sd,
                "DK": "D" if d != "0" else "K",
                "Debet": d,
                "Kredit": c,
            }
            for n, (no, k, r, sd, d, c) in enumerate(SK_JURNALRINCI, start=1)
        ],
        "Ta_Mutasi": [
            {
                "Tahun": t,
                "Kd_Desa": kd_desa,
                "No_Bukti": no,
                "Tgl_Bukti": d,
                "Keterangan": "mutasi",
                "Kd_Bank": "01",
                "Kd_Rincian": r,
                "Kd_Keg": SK_NONE.replace(SK_DESA, kd_desa, 1) if r else "",
                "Sumberdana": sd,
                "Kd_Mutasi": "3" if r else "1",
                "Nilai": v,
                "ID_Bank": "BANK JATENG",
            }
            for no, d, r, sd, v in SK_MUTASI
        ],
    }


def siskeudes_full_zip(path: Path, tables: dict[str, list[dict]] | None = None) -> Path:
    """The tables as CSV files in one zip, as the export writes them."""
    tables = tables if tables is not None else siskeudes_tables()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, rows in tables.items():
            buf = io.StringIO()
            w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\r\n")
            w.writeheader()
            w.writerows(rows)
            zf.writestr(f"{name}.csv", buf.getvalue())
    return path
