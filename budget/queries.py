"""Every SQL statement the app and `etl info` run. Values are bound as parameters; the few
identifiers that vary come from allow-lists defined here."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from budget import db
from etl import facts, schema
from etl.facts import Reconciled
from etl.schema import TAHAP

BUDGET_TABLES = (schema.APBD_ANGGARAN.name, schema.APBDES_ANGGARAN.name)
REALISED_TABLES = (schema.APBD_REALISASI.name, schema.APBDES_REALISASI.name)

ZERO = Decimal("0.00")


def _d(v) -> Decimal:
    return Decimal(v) if v is not None else ZERO


# ---------------------------------------------------------------------------------------------
# Years, stages, dataset facts
# ---------------------------------------------------------------------------------------------
def years() -> list[int]:
    """Years with APBD data (line items or official summaries), newest first."""
    return [
        r[0]
        for r in db.query("SELECT tahun FROM apbd_anggaran UNION SELECT tahun FROM apbd_ringkasan ORDER BY tahun DESC")
    ]


def stages(tahun: int) -> list[str]:
    """The tahap published for a year (line items or summaries), in document order (murni, perubahan)."""
    return facts.stages(db.query, tahun)


def final_stage(tahun: int, table: str = "apbd_anggaran") -> str | None:
    """The year's last published stage (perubahan once it exists, else murni): the one meaning of "final
    stage", in document order (`etl.schema.TAHAP`), never by how the stage names sort as text."""
    if table == "apbd_anggaran":
        return facts.final_stage(stages(tahun))
    if table not in BUDGET_TABLES:
        raise ValueError(f"table: not a budget table: {table!r}")
    # `table` is from the allow-list above, never input.
    rows = db.query("SELECT DISTINCT tahap FROM " + table + " WHERE tahun = ?", [tahun])
    return facts.final_stage([r[0] for r in rows])


def final_stage_sql(table: str) -> str:
    """SQL for each year's final stage of `table`, as rows (tahun, tahap): the same order as `final_stage`."""
    if table not in BUDGET_TABLES:
        raise ValueError(f"table: not a budget table: {table!r}")
    order = "[" + ", ".join(f"'{t}'" for t in TAHAP) + "]"  # the contract's constants, never input
    return f"SELECT tahun, arg_max(tahap, list_position({order}, tahap)) AS tahap FROM {table} GROUP BY tahun"


def last_month(tahun: int, table: str = "apbd_realisasi", kode_desa: str | None = None) -> int | None:
    """The last month with realisation in `table` for a year (for one village when `kode_desa` is given):
    the one meaning of "as of" everywhere."""
    if table not in REALISED_TABLES:
        raise ValueError(f"table: not a realisation table: {table!r}")
    # `table` is from the allow-list above, never input.
    if kode_desa is not None:
        if table != "apbdes_realisasi":
            raise ValueError("kode_desa: only APBDes realisation has villages")
        row = db.query("SELECT MAX(bulan) FROM " + table + " WHERE tahun = ? AND kode_desa = ?", [tahun, kode_desa])
    else:
        row = db.query("SELECT MAX(bulan) FROM " + table + " WHERE tahun = ?", [tahun])
    return row[0][0] if row else None


def running_year() -> int | None:
    """The newest year with data: the default everywhere."""
    ys = years()
    return ys[0] if ys else None


def last_realised_month(tahun: int) -> int | None:
    """The regency's last month with APBD realisation."""
    return last_month(tahun, "apbd_realisasi")


def load_log(limit: int = 200) -> list[tuple]:
    """Provenance: every loaded file, newest first (LIMIT+1 so the page can say it was cut)."""
    # Who published each load (meta_publish); files published before it existed say nothing.
    has_publisher = db.query("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'meta_publish'")
    if has_publisher and has_publisher[0][0]:
        return db.query(
            "SELECT l.loaded_at, l.file, l.sha256, l.reader, l.tabel, l.rows_read, l.rows_loaded, l.warnings, "
            "l.ilustratif, p.published_by FROM meta_load l LEFT JOIN meta_publish p USING (load_id) "
            "ORDER BY l.load_id DESC, l.file LIMIT ?",
            [limit + 1],
        )
    return db.query(
        "SELECT loaded_at, file, sha256, reader, tabel, rows_read, rows_loaded, warnings, ilustratif, NULL "
        "FROM meta_load ORDER BY load_id DESC, file LIMIT ?",
        [limit + 1],
    )


def load_warnings(limit: int = 50) -> list[tuple]:
    """The warnings recorded with the loads, newest first (LIMIT+1 so the page can say it was cut)."""
    return db.query("SELECT i.file, i.message FROM meta_issue i ORDER BY i.load_id DESC, i.file LIMIT ?", [limit + 1])


def dataset_info() -> dict:
    """When the data was published, from which files, and which years are illustrative."""
    return facts.dataset_info(db.query)


def table_counts() -> list[tuple[str, int, int]]:
    """(table, tahun, rows) for every canonical table."""
    return facts.table_counts(db.query)


def reconciliation() -> list[Reconciled]:
    """Every published figure beside ours, rounded to the unit it was published in."""
    return facts.reconciliation(db.query)


def is_illustrative(tahun: int) -> bool:
    row = db.query("SELECT bool_or(ilustratif) FROM meta_partition WHERE tahun = ?", [tahun])
    return bool(row and row[0][0])


# ---------------------------------------------------------------------------------------------
# Overview
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Overview:
    tahun: int
    tahap: str
    pendapatan: Decimal
    belanja: Decimal
    penerimaan_pembiayaan: Decimal
    pengeluaran_pembiayaan: Decimal
    realisasi_pendapatan: Decimal
    realisasi_belanja: Decimal
    bulan_terakhir: int | None

    @property
    def pembiayaan_netto(self) -> Decimal:
        return self.penerimaan_pembiayaan - self.pengeluaran_pembiayaan

    @property
    def serapan(self) -> Decimal | None:
        """realisasi belanja / anggaran belanja, in percent."""
        return self.realisasi_belanja / self.belanja * 100 if self.belanja else None

    @property
    def capaian_pendapatan(self) -> Decimal | None:
        return self.realisasi_pendapatan / self.pendapatan * 100 if self.pendapatan else None


def has_line_items(tahun: int, tahap: str) -> bool:
    return bool(db.query("SELECT COUNT(*) FROM apbd_anggaran WHERE tahun = ? AND tahap = ?", [tahun, tahap])[0][0])


@dataclass(frozen=True)
class Official:
    """The official summary figures for one year and tahap (Perda, SIMDA, LRA, DJPK)."""

    sumber: str
    pendapatan: Decimal | None
    belanja: Decimal | None
    penerimaan_pembiayaan: Decimal | None
    pengeluaran_pembiayaan: Decimal | None
    realisasi_pendapatan: Decimal | None
    realisasi_belanja: Decimal | None
    bulan: int | None


# Which official summary document a year and tahap are read from. There is one rule, in one place:
# - anggaran: the budget document (a Perda or P-APBD summary, no month) first, else the realisation report with
#   the latest month;
# - realisasi: the realisation report with the latest month;
# - two documents of the same kind and month: the first by file name (`sumber`), never both added up.
SUMMARY_ORDER = "bulan IS NOT NULL, bulan DESC, sumber"
REPORT_ORDER = "bulan DESC, sumber"


def summary_document(tahun: int, tahap: str, report: bool = False) -> tuple[str, int | None] | None:
    """(sumber, bulan) of the summary document to read anggaran from (`report=False`) or realisasi from
    (`report=True`, a document with a month only); None when the year and tahap have none."""
    where = " AND bulan IS NOT NULL" if report else ""
    rows = db.query(
        "SELECT sumber, bulan FROM apbd_ringkasan WHERE tahun = ? AND tahap = ?" + where + " GROUP BY 1, 2 "
        "ORDER BY " + (REPORT_ORDER if report else SUMMARY_ORDER) + " LIMIT 1",
        [tahun, tahap],
    )
    return (rows[0][0], rows[0][1]) if rows else None


def official(tahun: int, tahap: str) -> Official | None:
    """Totals from apbd_ringkasan: each akun from its own row, or the sum of its kelompok rows when the
    document has no akun row; anggaran and realisasi each from the document `summary_document` names."""
    doc = summary_document(tahun, tahap)
    if doc is None:
        return None
    report = summary_document(tahun, tahap, report=True)
    rows = db.query(
        """
        WITH r AS (SELECT * FROM apbd_ringkasan WHERE tahun = ? AND tahap = ?),
        d AS (SELECT * FROM r WHERE sumber = ? AND bulan IS NOT DISTINCT FROM ?),
        l AS (SELECT * FROM r WHERE sumber = ? AND bulan = ?)
        SELECT k,
          (SELECT COALESCE(SUM(anggaran) FILTER (WHERE kode_rekening = k),
                           SUM(anggaran) FILTER (WHERE length(kode_rekening) = length(k) + 2
                                                 AND starts_with(kode_rekening, k || '.'))) FROM d),
          (SELECT COALESCE(SUM(realisasi) FILTER (WHERE kode_rekening = k),
                           SUM(realisasi) FILTER (WHERE length(kode_rekening) = length(k) + 2
                                                  AND starts_with(kode_rekening, k || '.'))) FROM l)
        FROM (VALUES ('4'), ('5'), ('6.1'), ('6.2')) v(k)
        """,
        [tahun, tahap, doc[0], doc[1], *(report or (None, None))],
    )
    by = {k: (a, r) for k, a, r in rows}
    dec = lambda v: Decimal(v) if v is not None else None  # noqa: E731
    return Official(
        doc[0],
        dec(by["4"][0]),
        dec(by["5"][0]),
        dec(by["6.1"][0]),
        dec(by["6.2"][0]),
        dec(by["4"][1]),
        dec(by["5"][1]),
        report[1] if report else None,
    )


def overview(tahun: int, tahap: str) -> Overview:
    """Regency totals for one year and tahap, with realisation to date. Line items when the year has
    them; otherwise the deepest level there is: the official summary."""
    if not has_line_items(tahun, tahap):
        o = official(tahun, tahap)
        if o is not None:
            return Overview(
                tahun,
                tahap,
                _d(o.pendapatan),
                _d(o.belanja),
                _d(o.penerimaan_pembiayaan),
                _d(o.pengeluaran_pembiayaan),
                _d(o.realisasi_pendapatan),
                _d(o.realisasi_belanja),
                o.bulan,
            )
    b = db.query(
        """
        SELECT
          SUM(nilai) FILTER (WHERE kode_rekening LIKE '4.%'),
          SUM(nilai) FILTER (WHERE kode_rekening LIKE '5.%'),
          SUM(nilai) FILTER (WHERE kode_rekening LIKE '6.1%'),
          SUM(nilai) FILTER (WHERE kode_rekening LIKE '6.2%')
        FROM apbd_anggaran WHERE tahun = ? AND tahap = ?
        """,
        [tahun, tahap],
    )[0]
    r = db.query(
        """
        SELECT
          SUM(nilai) FILTER (WHERE kode_rekening LIKE '4.%'),
          SUM(nilai) FILTER (WHERE kode_rekening LIKE '5.%'),
          MAX(bulan)
        FROM apbd_realisasi WHERE tahun = ?
        """,
        [tahun],
    )[0]
    return Overview(tahun, tahap, _d(b[0]), _d(b[1]), _d(b[2]), _d(b[3]), _d(r[0]), _d(r[1]), r[2])


def monthly_belanja(tahun: int) -> list[tuple[int, Decimal, Decimal]]:
    """(bulan, realisasi belanja in that month, cash plan for that month) for months 1-12."""
    rows = db.query(
        """
        WITH m AS (SELECT range AS bulan FROM range(1, 13)),
        r AS (SELECT bulan, SUM(nilai) AS v FROM apbd_realisasi
              WHERE tahun = ? AND kode_rekening LIKE '5.%' GROUP BY bulan),
        k AS (SELECT bulan, SUM(nilai) AS v FROM apbd_anggaran_kas WHERE tahun = ? GROUP BY bulan)
        SELECT m.bulan, r.v, k.v FROM m LEFT JOIN r USING (bulan) LEFT JOIN k USING (bulan) ORDER BY m.bulan
        """,
        [tahun, tahun],
    )
    return [(int(b), r, k) for b, r, k in rows]


# ---------------------------------------------------------------------------------------------
# Reconciliation against the published figures
# ---------------------------------------------------------------------------------------------
def skpd_codes(tahun: int) -> list[str]:
    """Every OPD with budget lines in a year (for warming the cache after a publish)."""
    return [r[0] for r in db.query("SELECT DISTINCT kode_skpd FROM apbd_anggaran WHERE tahun = ? ORDER BY 1", [tahun])]


def desa_codes() -> list[str]:
    """Every desa and kelurahan of the reference list."""
    return [r[0] for r in db.query("SELECT kode FROM ref_desa ORDER BY kode")]
