"""The data page (`/data`) as plain values: the downloads with their row counts and file sizes, the
provenance of every loaded file, the warnings, and the data dictionary from the contract."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from budget import queries
from budget.downloads import exports
from etl.schema import EXAMPLES, TABLES

LOG_LIMIT = 100  # provenance rows and warnings shown; more are counted and said
LARGE = 5_000_000  # bytes: above this, Parquet (far smaller) is offered first


@dataclass(frozen=True)
class Download:
    table: str
    rows: int
    sizes: dict[str, int]  # bytes per format
    formats: tuple[str, ...]  # offered, best first; () for an empty table


@dataclass(frozen=True)
class Load:
    when: dt.datetime
    file: str
    sha256: str
    reader: str
    tabel: str
    rows_read: int
    rows_loaded: int
    warnings: int
    illustrative: bool
    published_by: str | None  # the officer (console) or system user (command line) who published it


@dataclass(frozen=True)
class ColumnDoc:
    name: str
    sql_type: str
    required: bool
    allowed: tuple[str, ...]
    int_range: tuple[int, int] | None
    example: str | None  # a valid code, where the column has a pattern


@dataclass(frozen=True)
class TableDoc:
    name: str
    columns: list[ColumnDoc]


@dataclass(frozen=True)
class DataPage:
    downloads: list[Download]
    loads: list[Load]
    loads_truncated: bool
    warnings: list[tuple[str, str]]  # (file, message)
    warnings_truncated: bool
    tables: list[TableDoc]
    limit: int = LOG_LIMIT


def data_page() -> DataPage:
    counts: dict[str, int] = {}
    for name, _tahun, n in queries.table_counts():
        counts[name] = counts.get(name, 0) + n
    downloads = []
    for ex in exports(counts):
        formats: tuple[str, ...] = ()
        if ex.rows:
            formats = ("parquet", "csv") if ex.sizes["csv"] > LARGE else ("csv", "parquet")
        downloads.append(Download(ex.table, ex.rows, dict(ex.sizes), formats))
    log = queries.load_log(LOG_LIMIT)
    warnings = queries.load_warnings(LOG_LIMIT)
    return DataPage(
        downloads=downloads,
        loads=[Load(*row) for row in log[:LOG_LIMIT]],
        loads_truncated=len(log) > LOG_LIMIT,
        warnings=[(f, m) for f, m in warnings[:LOG_LIMIT]],
        warnings_truncated=len(warnings) > LOG_LIMIT,
        tables=[
            TableDoc(
                t.name,
                [
                    ColumnDoc(
                        c.name,
                        c.sql_type,
                        c.required,
                        tuple(c.allowed or ()),
                        tuple(c.int_range) if c.int_range else None,
                        EXAMPLES[c.pattern] if c.pattern else None,
                    )
                    for c in t.columns
                ],
            )
            for t in TABLES.values()
        ],
    )
