"""The canonical data contract (docs/DATA_FORMAT.md): six tables, their columns, keys and checks.

Each canonical table is stored as `<name>_data` (sorted for fast range scans) and exposed as a
view `<name>` with exactly the contract's columns, in the contract's order.
"""

from __future__ import annotations

from dataclasses import dataclass

# Code patterns (Permendagri 90/2019 for APBD, Permendagri 20/2018 / Siskeudes for APBDes).
RE_KODE_SKPD = r"\d\.\d{2}\.\d\.\d{2}\.\d\.\d{2}\.\d{2}\.\d{4}"
RE_KODE_PROGRAM = r"\d\.\d{2}\.\d{2}"
RE_KODE_KEGIATAN = r"\d\.\d{2}\.\d{2}\.\d\.\d{2}"
RE_KODE_SUB_KEGIATAN = r"\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}"
RE_REKENING_APBD = r"[4-6](\.\d(\.\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)?)?"
RE_REKENING_APBDES = r"[4-6](\.\d){1,2}(\.\d{2})?"
RE_KODE_DESA = r"\d{2}\.\d{2}\.\d{2}\.\d{4}"
RE_KODE_KEGIATAN_DESA = r"\d{2}\.\d{2}\.\d{2}"
RE_NILAI = r"-?\d{1,16}(\.\d{1,2})?"
RE_KODE_KECAMATAN = r"\d{2}\.\d{2}\.\d{2}"  # Kemendagri: provinsi.kabupaten/kota.kecamatan (the shape of
# RE_KODE_KEGIATAN_DESA too: EXAMPLES, keyed by pattern, shows the kegiatan's)
RE_SUMBER_DANA_DESA = r"[A-Z]{2,5}"  # Siskeudes fund codes: DDS, ADD, PBH, PBK, PBP, PAD, DLL

# Patterns of the addresses that name a place in the data (a drill node in a URL, an API parameter):
# a code or the start of one, in any APBD hierarchy (programme nomenclature or chart of accounts); the start
# of an APBDes kegiatan code; a fund source as it is written in the lines.
RE_KODE_PREFIX = r"\d{1,2}(\.\d{1,4}){0,5}"
RE_KODE_KEGIATAN_DESA_PREFIX = r"\d{2}(\.\d{2}){0,2}"
RE_SUMBER_DANA = r"[\w .,/()&'-]{1,60}"

# One valid value of each code pattern, shown to people instead of the regular expression.
EXAMPLES = {
    RE_KODE_SKPD: "1.01.2.19.0.00.01.0000",
    RE_KODE_PROGRAM: "1.01.01",
    RE_KODE_KEGIATAN: "1.01.01.2.01",
    RE_KODE_SUB_KEGIATAN: "1.01.01.2.01.0001",
    RE_REKENING_APBD: "5.1.02.01.01.0024",
    RE_REKENING_APBDES: "5.2.1.01",
    RE_KODE_DESA: "33.25.01.2001",
    RE_KODE_KEGIATAN_DESA: "01.01.01",
    RE_NILAI: "1500000.00",
    RE_SUMBER_DANA_DESA: "DDS",
    RE_KODE_PREFIX: "1.02.02",
    RE_KODE_KEGIATAN_DESA_PREFIX: "01.02",
    RE_SUMBER_DANA: "DAU",
}

TAHAP = ("murni", "perubahan")
YEAR_MIN, YEAR_MAX = 2000, 2100


@dataclass(frozen=True)
class Column:
    name: str
    sql_type: str  # INTEGER, VARCHAR or DECIMAL(18,2)
    required: bool = True
    pattern: str | None = None  # full-match regex for VARCHAR codes
    allowed: tuple[str, ...] | None = None
    int_range: tuple[int, int] | None = None


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # a duplicate key is an error
    partition: tuple[str, ...]  # a load replaces exactly the partitions its files contain
    sort: tuple[str, ...]
    description: str

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _tahun() -> Column:
    return Column("tahun", "INTEGER", int_range=(YEAR_MIN, YEAR_MAX))


def _bulan() -> Column:
    return Column("bulan", "INTEGER", int_range=(1, 12))


def _tahap() -> Column:
    return Column("tahap", "VARCHAR", allowed=TAHAP)


def _nilai() -> Column:
    return Column("nilai", "DECIMAL(18,2)", pattern=RE_NILAI)


def _opt(name: str, pattern: str | None = None) -> Column:
    """A code that is empty on pendapatan/pembiayaan lines."""
    return Column(name, "VARCHAR", required=False, pattern=pattern)


APBD_ANGGARAN = Table(
    "apbd_anggaran",
    (
        _tahun(),
        _tahap(),
        Column("kode_skpd", "VARCHAR", pattern=RE_KODE_SKPD),
        Column("nama_skpd", "VARCHAR"),
        _opt("kode_program", RE_KODE_PROGRAM),
        _opt("nama_program"),
        _opt("kode_kegiatan", RE_KODE_KEGIATAN),
        _opt("nama_kegiatan"),
        _opt("kode_sub_kegiatan", RE_KODE_SUB_KEGIATAN),
        _opt("nama_sub_kegiatan"),
        Column("kode_rekening", "VARCHAR", pattern=RE_REKENING_APBD),
        Column("nama_rekening", "VARCHAR"),
        Column("sumber_dana", "VARCHAR", required=False),
        _nilai(),
    ),
    key=("tahun", "tahap", "kode_skpd", "kode_sub_kegiatan", "kode_rekening", "sumber_dana"),
    partition=("tahun", "tahap"),
    sort=("tahun", "tahap", "kode_skpd", "kode_sub_kegiatan", "kode_rekening"),
    description="APBD budget lines, one per SKPD x sub kegiatan x rekening x sumber dana, per tahap.",
)

APBD_REALISASI = Table(
    "apbd_realisasi",
    (
        _tahun(),
        _bulan(),
        Column("kode_skpd", "VARCHAR", pattern=RE_KODE_SKPD),
        _opt("kode_sub_kegiatan", RE_KODE_SUB_KEGIATAN),
        Column("kode_rekening", "VARCHAR", pattern=RE_REKENING_APBD),
        Column("sumber_dana", "VARCHAR", required=False),
        _nilai(),
    ),
    key=("tahun", "bulan", "kode_skpd", "kode_sub_kegiatan", "kode_rekening", "sumber_dana"),
    partition=("tahun", "bulan"),
    sort=("tahun", "kode_skpd", "kode_sub_kegiatan", "kode_rekening", "bulan"),
    description="APBD realisation: the amount realised in that month (not cumulative).",
)

APBD_ANGGARAN_KAS = Table(
    "apbd_anggaran_kas",
    (_tahun(), _bulan(), Column("kode_skpd", "VARCHAR", pattern=RE_KODE_SKPD), _nilai()),
    key=("tahun", "bulan", "kode_skpd"),
    partition=("tahun",),
    sort=("tahun", "kode_skpd", "bulan"),
    description="The cash plan: belanja each SKPD plans to disburse in that month.",
)

APBDES_ANGGARAN = Table(
    "apbdes_anggaran",
    (
        _tahun(),
        _tahap(),
        Column("kode_desa", "VARCHAR", pattern=RE_KODE_DESA),
        Column("nama_desa", "VARCHAR"),
        _opt("kode_kegiatan", RE_KODE_KEGIATAN_DESA),
        _opt("nama_kegiatan"),
        Column("kode_rekening", "VARCHAR", pattern=RE_REKENING_APBDES),
        Column("nama_rekening", "VARCHAR"),
        Column("sumber_dana", "VARCHAR", required=False),
        _nilai(),
    ),
    key=("tahun", "tahap", "kode_desa", "kode_kegiatan", "kode_rekening", "sumber_dana"),
    partition=("tahun", "tahap", "kode_desa"),  # a village's own export replaces only that village
    sort=("tahun", "tahap", "kode_desa", "kode_kegiatan", "kode_rekening"),
    description="APBDes lines per desa: kegiatan (bidang.sub_bidang.kegiatan) x rekening x sumber dana.",
)

APBDES_REALISASI = Table(
    "apbdes_realisasi",
    (
        _tahun(),
        _bulan(),
        Column("kode_desa", "VARCHAR", pattern=RE_KODE_DESA),
        _opt("kode_kegiatan", RE_KODE_KEGIATAN_DESA),
        Column("kode_rekening", "VARCHAR", pattern=RE_REKENING_APBDES),
        Column("sumber_dana", "VARCHAR", required=False),
        _nilai(),
    ),
    key=("tahun", "bulan", "kode_desa", "kode_kegiatan", "kode_rekening", "sumber_dana"),
    partition=("tahun", "bulan", "kode_desa"),
    sort=("tahun", "kode_desa", "kode_kegiatan", "kode_rekening", "bulan"),
    description="APBDes realisation: the amount realised in that month (not cumulative).",
)

APBD_RINGKASAN = Table(
    "apbd_ringkasan",
    (
        _tahun(),
        _tahap(),
        Column("bulan", "INTEGER", required=False, int_range=(1, 12)),
        Column("kode_rekening", "VARCHAR", pattern=RE_REKENING_APBD),
        Column("nama_rekening", "VARCHAR"),
        Column("anggaran", "DECIMAL(18,2)", pattern=RE_NILAI),
        Column("realisasi", "DECIMAL(18,2)", required=False, pattern=RE_NILAI),
        Column("sumber", "VARCHAR"),
    ),
    key=("tahun", "tahap", "bulan", "kode_rekening", "sumber"),
    partition=("tahun", "tahap", "bulan"),
    sort=("tahun", "tahap", "bulan", "kode_rekening"),
    description="Summary-level figures (Perda, SIMDA, LRA, DJPK) by account, beside the line items.",
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (APBD_ANGGARAN, APBD_REALISASI, APBD_ANGGARAN_KAS, APBDES_ANGGARAN, APBDES_REALISASI, APBD_RINGKASAN)
}


CANONICAL_TABLES = tuple(TABLES)  # the six canonical tables, in the contract's order


def detect_table(header: list[str], filename: str = "") -> Table | None:
    """The table whose required columns the header holds; the file name breaks ties."""
    cols = {h.strip().lower() for h in header}
    hits = [t for t in TABLES.values() if set(t.column_names) <= cols]
    if len(hits) > 1:
        named = [t for t in hits if filename.lower().startswith(t.name)]
        hits = named or sorted(hits, key=lambda t: -len(t.columns))[:1]
    return hits[0] if hits else None


def create_table_sql(t: Table) -> str:
    cols = ", ".join(f"{c.name} {c.sql_type}" for c in t.columns)
    return f"CREATE TABLE {t.name}_data ({cols})"


def create_view_sql(t: Table) -> str:
    return f"CREATE OR REPLACE VIEW {t.name} AS SELECT {', '.join(t.column_names)} FROM {t.name}_data"
