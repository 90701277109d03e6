"""The summary header finder reads header bands as a person reads the printed page (no database)."""

from __future__ import annotations

import pytest

from etl.header_band import find_band, meaning, norm


@pytest.mark.parametrize(
    "label, expected",
    [
        ("KODE", "kode"),
        ("KODE REKENING", "kode"),
        ("Kode Akun", "kode"),
        ("URAIAN", "uraian"),
        ("Uraian", "uraian"),
        ("JUMLAH", "anggaran"),
        ("JUMLAH (Rp)", "anggaran"),
        ("JUMLAH  ( Rp )", "anggaran"),
        ("ANGGARAN", "anggaran"),
        ("SEBELUM PERUBAHAN", "sebelum"),
        ("MURNI", "sebelum"),
        ("SETELAH PERUBAHAN", "setelah"),
        ("PERUBAHAN", "setelah"),
        ("REALISASI", "realisasi"),
        ("Realisasi s.d. 31 Oktober 2024", "realisasi"),
        ("BERTAMBAH / (BERKURANG)", "selisih"),
        ("Lebih/(Kurang)", "selisih"),
        ("%", "persen"),
        ("Keterangan", None),
    ],
)
def test_the_names_offices_use_map_to_one_meaning(label, expected):
    assert meaning(norm(label)) == expected


PAPBD = [
    ["PEMERINTAH KABUPATEN BATANG"],
    ["RINGKASAN PERUBAHAN APBD TAHUN ANGGARAN 2023"],
    [""],
    ["KODE REKENING", "URAIAN", "JUMLAH (Rp)", "", "BERTAMBAH / (BERKURANG)", ""],
    ["", "", "SEBELUM PERUBAHAN", "SETELAH PERUBAHAN", "(Rp)", "%"],
    ["1", "2", "3", "4", "5", "6"],
    ["4", "PENDAPATAN DAERAH", "1.000,00", "1.100,00", "100,00", "10,00"],
]


def test_a_group_title_over_two_sub_columns_as_excel_saves_it_to_csv():
    band = find_band(PAPBD)
    assert band is not None and band.kind == "perubahan"
    assert (band.top, band.bottom, band.data_start) == (3, 4, 6)  # the column-number row is skipped
    assert band.cols == {"kode": 0, "uraian": 1, "sebelum": 2, "setelah": 3, "selisih": 4, "persen": 5}
    assert band.labels[3] == "jumlah(rp) setelah perubahan"
    # The first header row alone looks like a one-stage Perda summary: that was the old misreading.
    assert find_band(PAPBD[:4] + PAPBD[5:]).kind == "perda"


def test_merged_ranges_from_the_workbook_are_applied_to_the_header_band_only():
    rows = [list(r) for r in PAPBD]
    rows[4][2] = rows[4][3] = ""  # no sub-columns: only the merge tells what spans what
    rows[3][3] = ""
    merged = ((3, 2, 3, 3), (6, 0, 6, 1))  # JUMLAH (Rp) over C:D; a data row merged A:B is left alone
    band = find_band(rows, merged)
    assert band.labels[2] == band.labels[3] == "jumlah(rp)"
    assert rows[6][1] == "PENDAPATAN DAERAH"  # figures are never rewritten


def test_a_header_of_three_rows_under_a_title_block():
    rows = [["TITLE"]] * 5 + [
        ["Kode", "Uraian", "ANGGARAN", "", "", ""],
        ["", "", "APBD", "", "REALISASI", ""],
        ["", "", "MURNI", "PERUBAHAN", "Rp", "%"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["5", "BELANJA", "1", "2", "1", "50"],
    ]
    band = find_band(rows)
    assert band.kind == "perubahan" and (band.top, band.bottom, band.data_start) == (5, 7, 9)
    assert band.cols["sebelum"] == 2 and band.cols["setelah"] == 3


def test_an_lra_with_the_revised_budget_column():
    rows = [["T"]] * 5 + [
        ["Kode Akun", "Uraian", "Anggaran Setelah Perubahan", "Realisasi s.d. 30 Juni 2025", "%", "Lebih/(Kurang)"],
        ["4", "PENDAPATAN", "10", "5", "50", "(5)"],
    ]
    band = find_band(rows)
    assert band.kind == "lra" and band.cols["anggaran"] == 2 and band.cols["realisasi"] == 3


def test_no_header_past_the_first_thirty_rows():
    rows = [["x"]] * 30 + [["Kode", "Uraian", "Jumlah"], ["4", "P", "1"]]
    assert find_band(rows) is None
    assert find_band(rows[1:]) is not None
