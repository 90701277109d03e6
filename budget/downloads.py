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

TABLES = (
    "apbd_anggaran",
    "apbd_realisasi",
    "apbd_anggaran_kas",
    "apbdes_anggaran",
    "apbdes_realisasi",
    "apbd_ringkasan",
)
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
        rel = db.cursor().sql("SELECT * FROM " + name)  # `name` is from the allow-list above
        if fmt == "csv":
            rel.write_csv(tmp, header=True)
        else:
            rel.write_parquet(tmp)
        os.replace(tmp, path)  # two workers may race here: either complete file wins
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def exports(counts: dict[str, int]) -> list[Export]:
    """Row count and file size of every table in every format (the files are written if missing)."""
    return [
        Export(name, counts.get(name, 0), {fmt: export_table(name, fmt).stat().st_size for fmt in FORMATS})
        for name in TABLES
    ]


def _drop_old_versions(current: Path) -> None:
    db.drop_other_versions(current)
