"""What a published database file holds, as the ETL checks it and the pages show it: the dataset facts,
row counts per table, the stages of a year, and the reconciliation of our totals with the official
figures. Each function takes `run(sql, params) -> rows`, so the same statements read the served file
(through `budget/queries.py` and its read-only, time-limited cursor) and any file the ETL is building
or verifying (a plain read-only connection): the database is passed in, never found in the environment.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from pathlib import Path

from etl.schema import CANONICAL_TABLES, TABLES, TAHAP


class PublishError(RuntimeError):
    """A file cannot be published (or rolled back to): it does not hold what the contract says."""


Run = Callable[[str, list], list[tuple]]
ZERO = Decimal("0.00")


def _d(v) -> Decimal:
    return Decimal(v) if v is not None else ZERO


def final_stage(stages: list[str]) -> str | None:
    """The last stage a year reached, in document order (murni, then perubahan), never by spelling."""
    known = [t for t in TAHAP if t in stages]
    return known[-1] if known else None


@contextmanager
def on_file(path) -> Iterator[Run]:
    """`run` on a database file, opened read-only for the block (the ETL's checks, the command line)."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        yield lambda sql, params=None: con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@dataclass(frozen=True)
class Reconciled:
    tahun: int
    dokumen: str
    kode: str
    uraian: str
    ukuran: str
    published: Decimal
    ours: Decimal | None
    pembulatan: Decimal
    sumber: str

    @property
    def ours_rounded(self) -> Decimal | None:
        if self.ours is None:
            return None
        unit = self.pembulatan
        return (self.ours / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP) * unit

    @property
    def difference(self) -> Decimal | None:
        return None if self.ours_rounded is None else self.ours_rounded - self.published


def _budget_sum(run: Run, tahun: int, tahap: str, kode: str) -> Decimal | None:
    if kode == "6":  # pembiayaan netto
        row = run(
            "SELECT SUM(nilai) FILTER (WHERE kode_rekening LIKE '6.1%') - "
            "COALESCE(SUM(nilai) FILTER (WHERE kode_rekening LIKE '6.2%'), 0), COUNT(*) "
            "FROM apbd_anggaran WHERE tahun = ? AND tahap = ?",
            [tahun, tahap],
        )[0]
    elif kode == "DDS":  # Dana Desa received by all villages
        row = run(
            "SELECT SUM(nilai), COUNT(*) FROM apbdes_anggaran WHERE tahun = ? AND tahap = ? AND kode_rekening = '4.2.1'",
            [tahun, tahap],
        )[0]
    else:
        row = run(
            "SELECT SUM(nilai), (SELECT COUNT(*) FROM apbd_anggaran WHERE tahun = ? AND tahap = ?) "
            "FROM apbd_anggaran WHERE tahun = ? AND tahap = ? AND (kode_rekening = ? OR kode_rekening LIKE ? || '.%')",
            [tahun, tahap, tahun, tahap, kode, kode],
        )[0]
    if not row[1]:
        return None  # no budget for that year and tahap at all
    return _d(row[0])


def _realised(run: Run, tahun: int, kode: str) -> Decimal | None:
    row = run(
        "SELECT SUM(nilai), COUNT(*) FROM apbd_realisasi WHERE tahun = ? AND kode_rekening LIKE ? || '.%'",
        [tahun, kode],
    )[0]
    return _d(row[0]) if row[1] else None


def reconciliation(run: Run) -> list[Reconciled]:
    """Every published figure beside ours, rounded to the unit it was published in."""
    out = []
    pub = run(
        "SELECT tahun, dokumen, kode, uraian, ukuran, nilai, pembulatan, sumber FROM ref_published "
        "ORDER BY tahun, dokumen, kode, ukuran"
    )
    for tahun, dokumen, kode, uraian, ukuran, nilai, unit, sumber in pub:
        if ukuran == "anggaran":
            ours = _budget_sum(run, tahun, dokumen, kode)
        elif ukuran == "realisasi":
            ours = _realised(run, tahun, kode)
        else:  # persen: realisation over the year's final budget
            final = final_stage(stages(run, tahun))
            real, budget = _realised(run, tahun, kode), _budget_sum(run, tahun, final, kode) if final else None
            ours = (real / budget * 100).quantize(Decimal("0.0001"), ROUND_HALF_EVEN) if real and budget else None
        out.append(Reconciled(tahun, dokumen, kode, uraian, ukuran, _d(nilai), ours, _d(unit), sumber))
    return out


def table_counts(run: Run) -> list[tuple[str, int, int]]:
    """(table, tahun, rows) for every canonical table."""
    out = []
    for name in CANONICAL_TABLES:
        # `name` comes from the contract's fixed list, never from input.
        for tahun, n in run("SELECT tahun, COUNT(*) FROM " + name + " GROUP BY tahun ORDER BY tahun"):
            out.append((name, tahun, n))
    return out


def dataset_info(run: Run) -> dict:
    """When the data was published, from which files, and which years are illustrative."""
    published_at = run("SELECT value FROM meta_dataset WHERE key = 'published_at'")
    illus = run("SELECT tahun, bool_or(ilustratif) FROM meta_partition GROUP BY tahun ORDER BY tahun")
    files = run("SELECT DISTINCT file FROM meta_load ORDER BY file")
    return {
        "published_at": published_at[0][0] if published_at else None,
        "illustrative_years": [t for t, i in illus if i],
        "files": [f[0] for f in files],
    }


def stages(run: Run, tahun: int) -> list[str]:
    """The tahap published for a year (line items or summaries), in document order (murni, perubahan)."""
    rows = run(
        "SELECT tahap FROM apbd_anggaran WHERE tahun = ? UNION SELECT tahap FROM apbd_ringkasan WHERE tahun = ?",
        [tahun, tahun],
    )
    have = {r[0] for r in rows}
    return [t for t in TAHAP if t in have]


def check_built(path: Path) -> None:
    """Reopen the new file read-only and make sure every view answers with its contract columns."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        for t in TABLES.values():
            # t.name comes from the fixed schema, never from input.
            cols = [d[0] for d in con.execute("SELECT * FROM " + t.name + " LIMIT 0").description]
            if cols != t.column_names:
                raise PublishError(f"view {t.name} has columns {cols}, expected {t.column_names}")
    finally:
        con.close()
