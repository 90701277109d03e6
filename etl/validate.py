"""Read canonical CSV files and check every value against the contract in one pass.

Problems are collected, never raised one at a time: the data officer sees every bad cell of
every file at once, each named by file, row (as a spreadsheet numbers it: header = row 1)
and column.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from etl.schema import Table, detect_table

MAX_LISTED_PER_KIND = 20
MAX_FILE_MB = 512


def max_file_bytes() -> int:
    """The size limit for one source file: 512 MB, or $ETL_MAX_FILE_MB (the console uses the same)."""
    import settings

    return settings.current().etl_max_file_mb * 2**20


@dataclass(frozen=True)
class Issue:
    file: str
    row: int | None
    column: str | None
    expected: str
    found: str
    level: str = "error"  # or "warning"
    sheet: str | None = None

    def __str__(self) -> str:
        where, lokasi = self.file, self.file
        if self.sheet:
            table = self.sheet.lower().endswith(".csv")  # a table of a zip (Siskeudes), not a sheet
            where += f", {'table' if table else 'sheet'} {self.sheet}"
            lokasi += f", {'tabel' if table else 'lembar'} {self.sheet}"
        if self.row is not None:
            where += f", row {self.row}"
            lokasi += f", baris {self.row}"
        if self.column:
            where += f", column {self.column}"
            lokasi += f", kolom {self.column}"
        tag = {"error": "ERROR/GALAT", "warning": "WARNING/PERINGATAN"}.get(self.level, self.level.upper())
        return f"{tag}: {where}: expected {self.expected}; found {self.found}  [{lokasi}: diharapkan {self.expected}]"


@dataclass
class ReadResult:
    path: Path
    table: Table | None = None
    frame: pd.DataFrame | None = None
    issues: list[Issue] = field(default_factory=list)
    reader: str = "canonical-csv"
    sheet: str | None = None
    rows_read: int | None = None  # source rows, when they differ from the canonical rows produced
    covers: list[tuple] = field(default_factory=list)  # partitions replaced even where the file has no row
    source_name: str | None = None  # the name the officer gave the file, when it is stored under another

    @property
    def name(self) -> str:
        """The file's name as the provenance records it."""
        return self.source_name or self.path.name

    def replaces(self) -> list[tuple]:
        """The partitions a load of this file replaces: those its rows fall in, and those it covers."""
        assert self.table is not None and self.frame is not None
        return sorted(set(partitions(self.frame, self.table)) | set(self.covers))

    @property
    def ok(self) -> bool:
        return self.table is not None and not any(i.level == "error" for i in self.issues)


def _delimiter(text: str) -> str:
    """';' when any early line uses it (Excel in an Indonesian locale), else ','. Decimal commas
    make counting commas useless, and title rows have no delimiter at all."""
    return ";" if any(";" in line for line in text.splitlines()[:40]) else ","


def _decode(raw: bytes) -> tuple[str, str]:
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("utf-8", raw, 0, 1, "not UTF-8 or Windows-1252")


def read_canonical(path: Path) -> ReadResult:
    """Read one canonical CSV file into a frame of strings, with every problem found."""
    res = ReadResult(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > max_file_bytes():
            res.issues.append(
                Issue(name, None, None, f"a file under {max_file_bytes() // 2**20} MB", f"{size:,} bytes")
            )
            return res
        text, _enc = _decode(path.read_bytes())
    except FileNotFoundError:
        res.issues.append(Issue(name, None, None, "an existing file", "no such file"))
        return res
    except (OSError, UnicodeDecodeError) as exc:
        res.issues.append(Issue(name, None, None, "a readable UTF-8 or Windows-1252 text file", str(exc)))
        return res
    delim = _delimiter(text)
    try:
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=delim, quoting=csv.QUOTE_MINIMAL)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        res.issues.append(Issue(name, None, None, "a comma-separated table with a header row", str(exc).strip()))
        return res
    df.columns = [str(c).strip().lower() for c in df.columns]
    table = detect_table(list(df.columns), name)
    if table is None:
        res.issues.append(
            Issue(
                name,
                1,
                None,
                "the header of one canonical table (see docs/DATA_FORMAT.md)",
                ", ".join(df.columns) or "an empty header",
            )
        )
        _report_missing(res, list(df.columns))
        return res
    res.table = table
    df = df[table.column_names].apply(lambda s: s.str.strip())
    df.index = pd.RangeIndex(2, len(df) + 2)  # spreadsheet row numbers
    return check_frame(res, normalise_amounts(df, table), table)


def normalise_amounts(df: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Amounts as Excel writes them in an Indonesian locale (1.234.567,89; (5.000); -) become
    canonical text (1234567.89); anything unparseable is left as is for the checks to report."""
    from etl.numbers import canonical_amount

    for c in table.columns:
        if c.sql_type.startswith("DECIMAL"):
            s = df[c.name]
            odd = ~s.str.fullmatch(r"-?\d{1,16}(\.\d{1,2})?") & s.ne("")
            if odd.any():
                df.loc[odd, c.name] = s[odd].map(canonical_amount)
    return df


def check_frame(res: ReadResult, df: pd.DataFrame, table: Table) -> ReadResult:
    """Every value check, the duplicate-key check and the reference-list warnings on a frame of
    canonical strings."""
    res.table = table
    _check_values(res, df, table)
    _check_duplicates(res, df, table)
    _check_reference(res, df)
    res.frame = df
    return res


def _reference_codes(fname: str, column: str) -> set[str]:
    from settings import REFERENCE_DIR

    with (REFERENCE_DIR / fname).open(encoding="utf-8") as f:
        return {r[column] for r in csv.DictReader(f)}


def _check_reference(res: ReadResult, df: pd.DataFrame) -> None:
    """Warnings, not errors: a village code not in the reference list, an account not in the chart."""
    checks = []
    if "kode_desa" in df.columns:
        checks.append(("kode_desa", _reference_codes("desa.csv", "kode"), "a village in data/reference/desa.csv"))
    if "kode_rekening" in df.columns and res.table is not None and res.table.name.startswith("apbd_"):
        checks.append(
            (
                "kode_rekening",
                _reference_codes("rekening_apbd.csv", "kode"),
                "an account in the chart (data/reference/rekening_apbd.csv)",
            )
        )
    for column, known, expected in checks:
        s = df[column]
        unknown = s.ne("") & ~s.isin(known) & s.str.fullmatch(r"[\d.]+")
        for value, rows in list(df[unknown].groupby(column, sort=True).groups.items())[:MAX_LISTED_PER_KIND]:
            res.issues.append(
                Issue(
                    res.path.name,
                    int(rows[0]),
                    column,
                    expected,
                    f"{value!r} ({len(rows)} rows)",
                    level="warning",
                    sheet=res.sheet,
                )
            )


def _report_missing(res: ReadResult, header: list[str]) -> None:
    """For an unrecognised header, name the columns missing from the closest table."""
    from etl.schema import TABLES

    best = max(TABLES.values(), key=lambda t: len(set(t.column_names) & set(header)))
    if set(best.column_names) & set(header):
        for col in best.column_names:
            if col not in header:
                res.issues.append(Issue(res.path.name, 1, col, f"column '{col}' (table {best.name})", "no such column"))


def _add_many(res: ReadResult, df: pd.DataFrame, bad: pd.Series, column: str, expected: str) -> None:
    rows = bad.index[bad.to_numpy()].unique()
    for row in rows[:MAX_LISTED_PER_KIND]:
        value = df[column].loc[row]
        if isinstance(value, pd.Series):  # one source row made several canonical rows
            value = value.iloc[0]
        res.issues.append(Issue(res.path.name, int(row), column, expected, repr(value), sheet=res.sheet))
    if len(rows) > MAX_LISTED_PER_KIND:
        res.issues.append(
            Issue(res.path.name, None, column, expected, f"{len(rows) - MAX_LISTED_PER_KIND} more rows like these")
        )


def _check_values(res: ReadResult, df: pd.DataFrame, table: Table) -> None:
    for c in table.columns:
        s = df[c.name]
        empty = s.eq("")
        if c.required:
            _add_many(res, df, empty, c.name, "a value (this column is required)")
        present = ~empty
        if c.int_range:
            lo, hi = c.int_range
            num = pd.to_numeric(s.where(s.str.fullmatch(r"\d{1,4}")), errors="coerce")
            bad = present & (num.isna() | (num < lo) | (num > hi))
            _add_many(res, df, bad, c.name, f"a whole number from {lo} to {hi}")
        if c.allowed:
            _add_many(res, df, present & ~s.isin(c.allowed), c.name, "one of " + ", ".join(c.allowed))
        if c.pattern:
            label = "an amount like 1234567.89" if c.name == "nilai" else f"a code matching {c.pattern}"
            _add_many(res, df, present & ~s.str.fullmatch(c.pattern), c.name, label)


def _check_duplicates(res: ReadResult, df: pd.DataFrame, table: Table) -> None:
    dup = df.duplicated(list(table.key), keep=False)
    if not dup.any():
        return
    groups = df[dup].groupby(list(table.key), sort=False)
    for n, (_key, g) in enumerate(groups):
        if n >= MAX_LISTED_PER_KIND:
            res.issues.append(
                Issue(res.path.name, None, None, "one line per key", f"{groups.ngroups - n} more duplicate keys")
            )
            break
        rows = ", ".join(str(r) for r in g.index)
        res.issues.append(
            Issue(
                res.path.name,
                int(g.index[0]),
                ", ".join(table.key),
                "one line per key " + "/".join(table.key),
                f"the same key on rows {rows}",
            )
        )


def partitions(frame: pd.DataFrame, table: Table) -> list[tuple]:
    """The partitions a file covers (see Table.partition); a load replaces exactly these.
    Whole-number columns are normalised ('08' -> '8') so they compare with the stored values."""
    ints = {c.name for c in table.columns if c.sql_type == "INTEGER"}
    out = set()
    for r in frame[list(table.partition)].drop_duplicates().itertuples(index=False):
        out.add(
            tuple(
                str(int(v)) if (k in ints and str(v).strip().isdigit()) else str(v).strip()
                for k, v in zip(table.partition, r)
            )
        )
    return sorted(out)
