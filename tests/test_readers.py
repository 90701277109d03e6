"""The official exports load as their offices produce them; bad files are refused precisely and
the published database stays byte-identical."""

from __future__ import annotations

import hashlib
import zipfile
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from tests import official_fixtures as fx
from tests.conftest import run_etl


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(db: Path, sql: str, params=()):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def test_perda_summary_loads_and_matches_the_published_figures(db_copy, tmp_path):
    f = fx.perda_xlsx(tmp_path / "Lampiran_I_Perda_APBD_2022.xlsx")
    out = run_etl("load", str(f), db=db_copy)
    assert "ringkasan-perda" in out.stderr
    got = dict(
        rows(db_copy, "SELECT kode_rekening, anggaran FROM apbd_ringkasan WHERE tahun = 2022 AND tahap = 'murni'")
    )
    published = dict(
        rows(
            db_copy,
            "SELECT kode, nilai FROM ref_published WHERE tahun = 2022 AND dokumen = 'murni' "
            "AND kode LIKE '%.%' AND ukuran = 'anggaran'",
        )
    )
    for kode, value in published.items():
        if kode == "6.3":
            assert got[kode] == 0  # '-' is zero
        else:
            assert got[kode] == value, kode
    assert "4" not in got  # a heading without a figure of its own
    name = rows(db_copy, "SELECT nama_rekening FROM apbd_ringkasan WHERE kode_rekening = '4.3.03' AND tahun = 2022")
    assert name[0][0].endswith("Peraturan Perundang-Undangan")  # the wrapped name was joined
    # Subtotals without a code (Jumlah Pendapatan, Surplus/(Defisit), Pembiayaan Netto) are not rows.
    assert len(got) == sum(1 for kode, _, amount in fx.PERDA_2022 if kode and amount)
    # The line items and the official figure now reconcile on the overview.
    import os

    os.environ["BUDGET_DB"] = str(db_copy)
    try:
        from budget import queries

        off = queries.official(2022, "murni")
        assert off.pendapatan == Decimal("1769326979259") and off.belanja == Decimal("1829304856259")
        assert queries.overview(2022, "murni").belanja == off.belanja
    finally:
        os.environ["BUDGET_DB"] = str(db_copy.parent.parent / "db0" / "budget.duckdb")


def test_simda_summary_with_one_digit_jenis(db_copy, tmp_path):
    f = fx.simda_xlsx(tmp_path / "simda_ringkasan_perubahan_2024.xlsx")
    run_etl("load", str(f), db=db_copy)
    got = rows(db_copy, "SELECT tahap, kode_rekening, anggaran FROM apbd_ringkasan WHERE tahun = 2024 ORDER BY 1, 2")
    assert ("murni", "4.1.01", Decimal("140000000000.00")) in got
    assert ("perubahan", "4.1.01", Decimal("150000000000.00")) in got
    assert ("perubahan", "4", Decimal("1944000000000.00")) in got


def test_lra_csv_from_an_indonesian_excel(db_copy, tmp_path):
    f = fx.lra_csv(tmp_path / "LRA_2024_Oktober.csv")
    run_etl("load", str(f), "--tahap", "perubahan", db=db_copy)
    got = rows(
        db_copy,
        "SELECT kode_rekening, bulan, anggaran, realisasi, nama_rekening FROM apbd_ringkasan "
        "WHERE tahun = 2024 AND tahap = 'perubahan' ORDER BY 1",
    )
    by = {r[0]: r for r in got}
    assert by["5"][1] == 10 and by["5"][3] == Decimal("1400000000000.50")
    assert by["5.2.04"][4] == "Belanja Modal Jalan, Jaringan, dan Irigasi"


def test_djpk_portal_file_maps_names_to_codes_and_reports_the_rest(db_copy, tmp_path):
    f = fx.djpk_xml(tmp_path / "djpk_portal_apbd_2023.xls", [("  Pendapatan Yang Tidak Ada Di Bagan", "1", "1")])
    out = run_etl("load", str(f), db=db_copy)
    assert "Pendapatan Yang Tidak Ada Di Bagan" in out.stderr and "WARNING" in out.stderr
    recorded = rows(db_copy, "SELECT file, level, message FROM meta_issue WHERE file = 'djpk_portal_apbd_2023.xls'")
    assert recorded and recorded[0][1] == "warning" and "Tidak Ada Di Bagan" in recorded[0][2]
    got = dict(rows(db_copy, "SELECT kode_rekening, realisasi FROM apbd_ringkasan WHERE tahun = 2023 AND bulan = 12"))
    assert got["4"] == Decimal("1808000000000.00")
    assert got["4.1.01"] == Decimal("130000000000.00")
    assert got["4.2"] == Decimal("1498000000000.00")


def test_siskeudes_zip_replaces_only_its_village(db_copy, tmp_path):
    before = rows(db_copy, "SELECT COUNT(*), COUNT(DISTINCT kode_desa) FROM apbdes_anggaran WHERE tahun = 2025")[0]
    f = fx.siskeudes_zip(tmp_path / "siskeudes_silurah_2025.zip")
    run_etl("load", str(f), db=db_copy)
    after = rows(db_copy, "SELECT COUNT(DISTINCT kode_desa) FROM apbdes_anggaran WHERE tahun = 2025")[0][0]
    assert after == before[1] == 239
    silurah = rows(
        db_copy,
        "SELECT tahap, kode_kegiatan, kode_rekening, nilai FROM apbdes_anggaran WHERE tahun = 2025 "
        "AND kode_desa = '33.25.01.2001' ORDER BY 1, 3",
    )
    assert ("perubahan", "02.03.10", "5.3.5.01", Decimal("275000000.00")) in silurah
    assert ("murni", None, "4.2.1", Decimal("900000000.00")) in silurah
    real = rows(
        db_copy,
        "SELECT bulan, kode_rekening, nilai FROM apbdes_realisasi WHERE tahun = 2025 AND "
        "kode_desa = '33.25.01.2001' AND bulan IN (4, 8) ORDER BY 1",
    )
    assert real == [(4, "4.2.1", Decimal("360000000.00")), (8, "5.3.5.01", Decimal("120000000.00"))]


def test_unknown_village_codes_and_accounts_are_warnings_not_errors(db_copy, tmp_path):
    f = tmp_path / "apbdes_realisasi_2026_11.csv"
    f.write_text(
        "tahun,bulan,kode_desa,kode_kegiatan,kode_rekening,sumber_dana,nilai\n"
        "2026,11,33.25.99.2999,01.01.01,5.1.1.01,ADD,100.00\n"
        "2026,11,33.25.01.2001,01.01.01,5.1.1.01,ADD,200.00\n"
    )
    out = run_etl("load", str(f), db=db_copy)
    assert "WARNING" in out.stderr and "33.25.99.2999" in out.stderr
    assert rows(db_copy, "SELECT COUNT(*) FROM apbdes_realisasi WHERE tahun = 2026 AND bulan = 11")[0][0] == 2


def test_canonical_files_as_excel_writes_them(db_copy, tmp_path):
    run_etl("load", str(fx.canonical_excel_csv(tmp_path / "kas_2026.csv")), db=db_copy)
    assert rows(
        db_copy,
        "SELECT nilai FROM apbd_anggaran_kas WHERE tahun = 2026 AND bulan = 3 AND kode_skpd = '1.02.0.00.0.00.01.0000'",
    )[0][0] == Decimal("1234567.03")
    run_etl("load", str(fx.canonical_xlsx(tmp_path / "kas_2026.xlsx")), db=db_copy)
    assert rows(
        db_copy, "SELECT SUM(nilai) FROM apbd_anggaran_kas WHERE tahun = 2026 AND kode_skpd = '1.02.0.00.0.00.01.0000'"
    )[0][0] == Decimal("12006.00")


def _perda(tmp_path, name, change):
    data = [list(r) for r in fx.PERDA_2022]
    change(data)
    return fx.perda_xlsx(tmp_path / name, [tuple(r) for r in data])


def _set(kode, col, value):
    def change(data):
        for r in data:
            if r[0] == kode:
                r[col] = value

    return change


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


BAD = {
    "unreadable": (lambda p: _write(p / "rusak.xlsx", b"PK\x03\x04 not really a workbook"), ["rusak.xlsx", "readable"]),
    "unknown layout": (lambda p: _write(p / "x.csv", b"a,b,c\n1,2,3\n"), ["x.csv", "known layout"]),
    "malformed code": (
        lambda p: _perda(p, "kode.xlsx", _set("4.1.02", 0, "4.x.02")),
        ["kode.xlsx", "sheet Lampiran I", "row 11", "column Kode (A)", "'4.x.02'"],
    ),
    "number": (
        lambda p: _perda(p, "angka.xlsx", _set("4.1.03", 2, "12.417.731,659,00x")),
        ["angka.xlsx", "row 12", "column Jumlah (C)", "12.417.731,659,00x"],
    ),
    "duplicate": (
        lambda p: _perda(p, "ganda.xlsx", lambda d: d.insert(3, ["4.1.01", "Pajak Daerah", "1,00"])),
        ["ganda.xlsx", "one line per key", "same key on rows"],
    ),
    "parent disagrees": (
        lambda p: _perda(p, "induk.xlsx", _set("4.1", 2, "305.962.267.000,00")),
        ["induk.xlsx", "row 9", "4.1 = the sum of its 4 sub-accounts", "305962267000.00"],
    ),
    "year out of range": (lambda p: _perda(p, "tahun.xlsx", lambda d: None), ["tahun.xlsx", "column tahun", "'1899'"]),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_bad_official_files_are_refused_and_nothing_changes(db_copy, tmp_path, kind):
    make, expected = BAD[kind]
    f = make(tmp_path)
    before = digest(db_copy)
    args = ["load", str(f)] + (["--tahun", "1899"] if kind == "year out of range" else [])
    proc = run_etl(*args, db=db_copy, check=False)
    assert proc.returncode == 2, proc.stderr
    for text in expected:
        assert text in proc.stderr, (text, proc.stderr[-2000:])
    assert "nothing was loaded" in proc.stderr
    assert digest(db_copy) == before


def test_a_zip_bomb_is_refused(db_copy, tmp_path):
    bomb = tmp_path / "bom.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Ta_RAB.csv", b"0" * (50 * 1024 * 1024))
    before = digest(db_copy)
    proc = run_etl("load", str(bomb), db=db_copy, check=False)
    assert proc.returncode == 2 and "zip bomb" in proc.stderr
    assert digest(db_copy) == before


def test_a_siskeudes_zip_without_its_tables_is_refused(db_copy, tmp_path):
    z = tmp_path / "kosong.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("readme.txt", "nothing here")
    proc = run_etl("validate", str(z), db=db_copy, check=False)
    assert proc.returncode == 2 and "Ta_RAB" in proc.stderr and "Ta_Desa" in proc.stderr


def test_xml_entities_are_not_expanded(db_copy, tmp_path):
    evil = tmp_path / "djpk_bom.xls"
    evil.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell>'
        "<Data>&lol2;</Data></Cell></Row></Table></Worksheet></Workbook>"
    )
    proc = run_etl("validate", str(evil), db=db_copy, check=False)
    assert proc.returncode == 2 and "readable" in proc.stderr


def test_messages_are_in_indonesian_and_english(db_copy, tmp_path):
    f = _perda(tmp_path, "kode2.xlsx", _set("4.1.02", 0, "4.x.02"))
    err = run_etl("validate", str(f), db=db_copy, check=False).stderr
    assert "GALAT" in err and "ERROR" in err and "baris 11" in err and "row 11" in err and "lembar" in err


def test_provenance_is_recorded(db_copy, tmp_path):
    f = fx.perda_xlsx(tmp_path / "perda.xlsx")
    run_etl("load", str(f), db=db_copy)
    log = rows(db_copy, "SELECT file, sha256, reader, rows_read, rows_loaded FROM meta_load WHERE file = 'perda.xlsx'")
    coded = sum(1 for kode, _, amount in fx.PERDA_2022 if kode and amount)
    assert log[0][1] == digest(f) and log[0][2] == "ringkasan-perda" and log[0][3] > log[0][4] == coded


def test_a_summary_only_year_is_shown_at_its_deepest_level(db_copy, tmp_path, monkeypatch):
    """A year with only a Perda summary: the overview and the explorer show the summary's figures."""
    import json

    import plotly

    title = [line.replace("2022", "2021") for line in fx.TITLE_2022]
    run_etl("load", str(fx.perda_xlsx(tmp_path / "perda_2021.xlsx", title=title)), db=db_copy)
    monkeypatch.setenv("BUDGET_DB", str(db_copy))
    from callbacks import apbd, home

    def text(component):
        return json.dumps(component.to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)

    page = text(home.render(tahun="2021"))
    assert "home-summary-only" in page and "Rp1.829.304.856.259" in page
    explorer = text(apbd.render(tahun="2021", dim="ekonomi", kode="5.2"))
    assert "apbd-summary-only" in explorer and "Belanja Modal Jalan, Jaringan, dan Irigasi" in explorer
    assert "Rp86.058.393.492" in explorer and "apbd-not-found" not in explorer


def test_explorer_reconciles_an_account_with_the_official_summary(db_copy, tmp_path, monkeypatch):
    import json

    import plotly

    run_etl("load", str(fx.perda_xlsx(tmp_path / "perda_2022.xlsx")), db=db_copy)
    monkeypatch.setenv("BUDGET_DB", str(db_copy))
    from callbacks import apbd

    out = json.dumps(
        apbd.render(tahun="2022", tahap="murni", dim="ekonomi", kode="5.2").to_plotly_json(),
        cls=plotly.utils.PlotlyJSONEncoder,
        ensure_ascii=False,
    )
    assert "apbd-recon" in out and "selisih Rp0" in out and "perda_2022.xlsx" in out


def _papbd_expected() -> dict[tuple[str, str], Decimal]:
    """Every kelompok and jenis (and akun) of the fixture, both stages, summed here from the jenis list."""
    want: dict[tuple[str, str], Decimal] = {}
    for kode, _name, before, after in fx.PAPBD_2023_JENIS:
        parts = kode.split(".")
        for depth in (1, 2, 3):
            key = ".".join(parts[:depth])
            for tahap, value in (("murni", before), ("perubahan", after)):
                want[(tahap, key)] = want.get((tahap, key), Decimal(0)) + Decimal(value)
    return want


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_papbd_summary_with_a_two_row_merged_header_loads_both_stages(db_copy, tmp_path, fmt):
    make = fx.papbd_xlsx if fmt == "xlsx" else fx.papbd_csv
    f = make(tmp_path / f"Lampiran_I_Perda_Perubahan_APBD_2023.{fmt}")
    out = run_etl("load", str(f), db=db_copy)
    assert "ringkasan-perubahan" in out.stderr
    got = {
        (tahap, kode): value
        for tahap, kode, value in rows(
            db_copy,
            "SELECT tahap, kode_rekening, anggaran FROM apbd_ringkasan WHERE tahun = 2023 AND bulan IS NULL "
            "AND sumber = ?",
            [f.name],
        )
    }
    want = _papbd_expected()
    assert got == want  # every akun, kelompok and jenis, both stages, to the sen; nothing else
    assert len(want) == 2 * (3 + 9 + len(fx.PAPBD_2023_JENIS))
    names = dict(rows(db_copy, "SELECT kode_rekening, nama_rekening FROM apbd_ringkasan WHERE sumber = ?", [f.name]))
    assert names["4.3.03"].endswith("Peraturan Perundang-Undangan") and names["6.1"] == "PENERIMAAN PEMBIAYAAN"


def test_a_papbd_whose_change_column_disagrees_is_refused(db_copy, tmp_path):
    f = fx.papbd_csv(tmp_path / "papbd_2023.csv")
    text = f.read_bytes().decode("cp1252")
    assert "3.325.500.000,50" in text  # Pajak Daerah: 131.250.500.000,50 - 127.925.000.000,00
    f.write_bytes(text.replace("3.325.500.000,50", "3.325.000.000,50").encode("cp1252"))
    before = digest(db_copy)
    proc = run_etl("load", str(f), db=db_copy, check=False)
    assert proc.returncode == 2
    assert "papbd_2023.csv, row 11, column BERTAMBAH / (BERKURANG) / (Rp) (E)" in proc.stderr, proc.stderr[-1500:]
    assert "3325500000.50" in proc.stderr and "3325000000.50" in proc.stderr and digest(db_copy) == before


def test_an_lra_below_a_five_row_title_block(db_copy, tmp_path):
    f = fx.lra_sipd_xlsx(tmp_path / "LRA_SIPD_Juni_2025.xlsx")
    out = run_etl("load", str(f), db=db_copy)
    assert "ringkasan-lra" in out.stderr
    got = rows(
        db_copy,
        "SELECT kode_rekening, tahap, bulan, anggaran, realisasi FROM apbd_ringkasan WHERE sumber = ? ORDER BY 1",
        [f.name],
    )
    # June from the title; the revised budget from 'Anggaran Setelah Perubahan'.
    assert got == [(k, "perubahan", 6, Decimal(a), Decimal(r)) for k, _n, a, r in sorted(fx.LRA_2025_JUNI)]


# ---------------------------------------------------------------------------------------------
# Siskeudes: the real table set
# ---------------------------------------------------------------------------------------------
def _sk_code(code: str) -> str:
    return code.rstrip(".")


def _sk_kegiatan(kd_keg: str) -> str | None:
    rest = kd_keg[len(fx.SK_DESA) :].rstrip(".")
    return None if rest in ("", "00.00.00") else rest


def _sk_amount(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", ".")) if "," in text else Decimal(text)


def _month(date: str) -> int:
    """The fixture's dates by hand: dd/mm/yyyy[ time] or yyyy-mm-dd time."""
    return int(date[5:7]) if date[4] == "-" else int(date.split("/")[1])


def test_a_siskeudes_export_of_the_real_table_set_loads_budget_and_realisation(db_copy, tmp_path):
    f = fx.siskeudes_full_zip(tmp_path / "siskeudes_silurah_2025.zip")
    villages_in_september = rows(
        db_copy, "SELECT COUNT(DISTINCT kode_desa) FROM apbdes_realisasi WHERE tahun = 2025 AND bulan = 9"
    )[0][0]
    out = run_etl("load", str(f), db=db_copy)
    assert "siskeudes-zip" in out.stderr and "replaces 12 partition(s): 2025 × 12 bulan × 1 kode_desa" in out.stderr
    silurah = "33.25.01.2001"
    # Budget: each line by sumber dana from Ta_RABRinci, both stages.
    want: dict[tuple, Decimal] = {}
    for keg, rek, sumber, murni, stlh in fx.SK_RABRINCI:
        for tahap, value in (("murni", murni), ("perubahan", stlh)):
            key = (tahap, _sk_kegiatan(keg), _sk_code(rek), sumber)
            want[key] = want.get(key, Decimal(0)) + _sk_amount(value)
    got = {
        (t, k, r, s): v
        for t, k, r, s, v in rows(
            db_copy,
            "SELECT tahap, kode_kegiatan, kode_rekening, sumber_dana, nilai FROM apbdes_anggaran "
            "WHERE tahun = 2025 AND kode_desa = ?",
            [silurah],
        )
    }
    assert got == want
    assert ("murni", "02.03.10", "5.3.5.01", "DDS") in got and ("murni", "02.03.10", "5.3.5.01", "ADD") in got
    # The village's total is the sum of Ta_RAB, stage by stage.
    for tahap, pos in (("murni", 2), ("perubahan", 4)):
        total = rows(
            db_copy,
            "SELECT SUM(nilai) FROM apbdes_anggaran WHERE tahun = 2025 AND kode_desa = ? AND tahap = ?",
            [silurah, tahap],
        )[0][0]
        assert total == sum((_sk_amount(r[pos]) for r in fx.SK_RAB), Decimal(0)), tahap
    # Realisation by month: SPJ (belanja), TBP (pendapatan), the posted journal, bank interest.
    real: dict[tuple, Decimal] = {}

    def add(month, keg, rek, sumber, value):
        key = (month, keg, _sk_code(rek), sumber)
        real[key] = real.get(key, Decimal(0)) + value

    for no, keg, rek, sumber, value in fx.SK_SPJRINCI:
        add(_month(fx.SK_SPJ[no]), _sk_kegiatan(keg), rek, sumber, _sk_amount(value))
    for no, rek, sumber, value in fx.SK_TBPRINCI:
        add(_month(fx.SK_TBP[no]), None, rek, sumber, _sk_amount(value))
    for no, keg, rek, sumber, debet, kredit in fx.SK_JURNALRINCI:
        date, posted = fx.SK_JURNAL[no]
        if posted == "1" and rek[0] in "456":
            add(_month(date), _sk_kegiatan(keg), rek, sumber, Decimal(debet) - Decimal(kredit))
    for _no, date, rek, sumber, value in fx.SK_MUTASI:
        if rek:
            add(_month(date), None, rek, sumber, Decimal(value))
    got_real = {
        (b, k, r, s): v
        for b, k, r, s, v in rows(
            db_copy,
            "SELECT bulan, kode_kegiatan, kode_rekening, sumber_dana, nilai FROM apbdes_realisasi "
            "WHERE tahun = 2025 AND kode_desa = ?",
            [silurah],
        )
    }
    # Exactly these: the export is the village's books for the year, so the demo's other months are gone,
    # and the unposted September journal is not counted.
    assert got_real == real
    assert got_real[(8, "02.03.10", "5.3.5.01", "DDS")] == Decimal("133000000.50")  # 135.000.000,50 less 2.000.000
    others = "SELECT COUNT(DISTINCT kode_desa) FROM apbdes_realisasi WHERE tahun = 2025 AND bulan = 9"
    assert rows(db_copy, others)[0][0] == villages_in_september - 1


def _sk_mutate(change):
    def make(tmp_path):
        tables = fx.siskeudes_tables()
        change(tables)
        return fx.siskeudes_full_zip(tmp_path / "siskeudes_silurah_2025.zip", tables)

    return make


def _sk_set(table, index, column, value):
    def change(tables):
        tables[table][index][column] = value

    return change


def _sk_unmapped(tables):
    for rows_ in tables.values():
        for r in rows_:
            for col in ("Kd_Desa", "kd_desa"):
                if col in r:
                    r[col] = "01.2099."
    tables["Ta_Desa"][0]["Nama_Desa"] = "Sukamaju"


SK_BAD = {
    "rab and rabrinci disagree": (
        _sk_set("Ta_RABRinci", 6, "Anggaran", "61000000"),  # the road's ADD part: 1.000.000 more
        ["table Ta_RAB.csv, row 7, column Anggaran", "the sum of its 3 Ta_RABRinci lines (251000000)", "250000000"],
    ),
    "detail without its header": (
        _sk_set("Ta_SPJRinci", 4, "no_spj", "0009/SPJ/2025"),
        ["table Ta_SPJRinci.csv, row 6, column No_SPJ", "a header row in Ta_SPJ.csv", "'0009/SPJ/2025' has none"],
    ),
    "ambiguous date": (
        _sk_set("Ta_SPJ", 0, "Tgl_SPJ", "03/14/2025"),
        ["table Ta_SPJ.csv, row 2, column Tgl_SPJ", "month 14; saved as month/day/year?"],
    ),
    "missing date": (
        _sk_set("Ta_TBP", 1, "Tgl_Bukti", ""),
        ["table Ta_TBP.csv, row 3, column Tgl_Bukti", "found no date"],
    ),
    "date outside the year": (
        _sk_set("Ta_JurnalUmum", 0, "Tanggal", "31/08/2024"),
        ["table Ta_JurnalUmum.csv, row 2, column Tanggal", "a date in the budget year 2025", "2024-08-31"],
    ),
    "rabrinci without its rab line": (
        _sk_set("Ta_RABRinci", 0, "Kd_Rincian", "4.1.2.01."),
        ["table Ta_RABRinci.csv, row 2, column Kd_Rincian", "no Ta_RAB line 01.2001/01.2001.00.00.00/4.1.2.01"],
    ),
    "village not in the mapping": (
        _sk_unmapped,
        ["table Ta_RAB.csv, row 2, column Kd_Desa", "'01.2099.' (Desa Sukamaju in Ta_Desa)", "siskeudes_desa.csv"],
    ),
    "bad amount": (
        _sk_set("Ta_TBPRinci", 0, "Nilai", "360.000.000,00,00"),
        ["table Ta_TBPRinci.csv, row 2, column Nilai", "'360.000.000,00,00'"],
    ),
}


@pytest.mark.parametrize("kind", list(SK_BAD))
def test_a_bad_siskeudes_export_is_refused_naming_table_row_and_column(db_copy, tmp_path, kind):
    change, expected = SK_BAD[kind]
    f = _sk_mutate(change)(tmp_path)
    before = digest(db_copy)
    proc = run_etl("load", str(f), db=db_copy, check=False)
    assert proc.returncode == 2, proc.stderr[-1500:]
    for text in expected:
        assert text in proc.stderr, (text, proc.stderr[-2000:])
    assert "siskeudes_silurah_2025.zip" in proc.stderr and "tabel" in proc.stderr
    assert digest(db_copy) == before


def test_validate_reports_a_rab_that_disagrees_with_its_detail(db_copy, tmp_path):
    f = _sk_mutate(_sk_set("Ta_RAB", 2, "Anggaran", "450.500.002,50"))(tmp_path)
    proc = run_etl("validate", str(f), db=db_copy, check=False)
    assert proc.returncode == 2
    assert "table Ta_RAB.csv, row 4, column Anggaran" in proc.stderr and "450500000.50" in proc.stderr


def test_two_reports_of_one_month_are_read_once_by_one_rule(db_copy, tmp_path, monkeypatch):
    """A canonical summary file may carry two documents of the same month (an LRA and the DJPK file, both
    for October): the summary figures and the explorer read one of them by one rule
    (`queries.summary_document`: the first by file name), never both added up."""
    lines = ["tahun,tahap,bulan,kode_rekening,nama_rekening,anggaran,realisasi,sumber"]
    for sumber, real in (("LRA_2024_10.xlsx", "1400000000000.50"), ("DJPK_2024_10.xml", "1399000000000.00")):
        lines += [
            f"2024,perubahan,10,5,BELANJA DAERAH,2080200000000.00,{real},{sumber}",
            f"2024,perubahan,10,5.1,BELANJA OPERASI,1500000000000.00,1000000000000.00,{sumber}",
            f"2024,perubahan,10,5.2,BELANJA MODAL,580200000000.00,{Decimal(real) - 1000000000000},{sumber}",
        ]
    f = tmp_path / "apbd_ringkasan.csv"
    f.write_text("\n".join(lines) + "\n")
    run_etl("load", str(f), db=db_copy)
    assert rows(db_copy, "SELECT count(DISTINCT sumber) FROM apbd_ringkasan WHERE tahun = 2024")[0][0] == 2
    monkeypatch.setenv("BUDGET_DB", str(db_copy))
    from budget import explorer, queries

    assert queries.summary_document(2024, "perubahan") == ("DJPK_2024_10.xml", 10)
    assert queries.summary_document(2024, "perubahan", report=True) == ("DJPK_2024_10.xml", 10)
    off = queries.official(2024, "perubahan")
    assert off.sumber == "DJPK_2024_10.xml" and off.belanja == Decimal("2080200000000.00")
    assert off.realisasi_belanja == Decimal("1399000000000.00") and off.bulan == 10
    shown = explorer.summary_children(2024, "perubahan", explorer.parse_node(dim="ekonomi", kode="5"))
    assert {c.detail for c in shown.rows} == {off.sumber}
    assert sum(c.realisasi for c in shown.rows) == off.realisasi_belanja
