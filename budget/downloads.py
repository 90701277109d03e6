"""Whole canonical tables as CSV or Parquet files, written by DuckDB from the read-only connection.

Each file is written once per data version into a folder beside the database (`.exports/<version>/`)
and served from there: a publish changes the version, so a download never mixes two publishes, and
the data page can say how large every file is before anyone downloads it."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from budget import db
from budget.export import DANGEROUS
from etl.schema import CANONICAL_TABLES
from etl.schema import TABLES as CONTRACT

TABLES = CANONICAL_TABLES
FORMATS = ("csv", "parquet")


@dataclass(frozen=True)
class Export:
    table: str
    rows: int
    sizes: dict[str, int]  # bytes per format


def _folder() -> Path:
    """`.exports/<version>` beside the database (see `db.version_folder`)."""
    return db.version_folder("exports")


def export_table(name: str, fmt: str) -> Path:
    """The file of one allow-listed table in one format for the published data (written on first use)."""
    if name not in TABLES or fmt not in FORMATS:
        raise ValueError("unknown table or format")
    folder = _folder()
    path = folder / f"{name}.{fmt}"
    if path.exists():
        return path
    _drop_old_versions(folder)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=f".{fmt}", dir=folder)
    os.close(fd)
    try:
        if fmt == "csv":
            db.cursor().sql(csv_select(name)).write_csv(tmp, header=True)
        else:
            db.cursor().sql("SELECT * FROM " + name).write_parquet(tmp)  # `name` is from the allow-list above
        os.replace(tmp, path)  # two workers may race here: either complete file wins
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def csv_select(name: str) -> str:
    """The SELECT of a table's CSV: every text cell a spreadsheet would run as a formula (=, +, -, @, a tab
    or a carriage return first) gets a leading apostrophe, as the node downloads do (`budget/export.py`);
    numbers stay numbers. Column names come from the contract (`etl/schema.py`), never from input."""
    starts = "[" + ", ".join(f"chr({ord(c)})" for c in DANGEROUS) + "]"
    cols = []
    for c in CONTRACT[name].columns:
        if c.sql_type == "VARCHAR":
            guarded = f"CASE WHEN list_contains({starts}, left({c.name}, 1)) THEN chr(39) || {c.name} ELSE {c.name} END"
            cols.append(f"{guarded} AS {c.name}")
        else:
            cols.append(c.name)
    return "SELECT " + ", ".join(cols) + " FROM " + name


def exports(counts: dict[str, int]) -> list[Export]:
    """Row count and file size of every table in every format (the files are written if missing)."""
    return [
        Export(name, counts.get(name, 0), {fmt: export_table(name, fmt).stat().st_size for fmt in FORMATS})
        for name in TABLES
    ]


def _drop_old_versions(current: Path) -> None:
    db.drop_other_versions(current)
