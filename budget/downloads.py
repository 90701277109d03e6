"""Whole canonical tables as CSV or Parquet files, written by DuckDB from the read-only connection."""

from __future__ import annotations

import os
import tempfile

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


def export_table(name: str, fmt: str) -> str:
    """Write one allow-listed table to a new temporary file and return its path (the caller deletes it)."""
    if name not in TABLES or fmt not in FORMATS:
        raise ValueError("unknown table or format")
    fd, path = tempfile.mkstemp(prefix=f"{name}-", suffix=f".{fmt}")
    os.close(fd)
    rel = db.cursor().sql("SELECT * FROM " + name)  # `name` is from the allow-list above
    if fmt == "csv":
        rel.write_csv(path, header=True)
    else:
        rel.write_parquet(path)
    return path
