"""Build a new DuckDB file beside the published one, check it, then rename it over atomically.

A reader never sees half-written data (the web process reopens when the file's identity
changes), and a failed load leaves the published file byte-identical: every write goes to
the temporary file, which is removed on any failure.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from etl.facts import PublishError, check_built
from etl.schema import TABLES, Table, create_table_sql, create_view_sql
from etl.validate import ReadResult
from settings import REFERENCE_DIR

Progress = Callable[[str], None]


def stderr_progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# Reference tables: file -> (table, SELECT list casting the all-VARCHAR CSV columns).
REFERENCE = {
    "kecamatan.csv": (
        "ref_kecamatan",
        "kode, nama, ibukota, CAST(luas_km2 AS DOUBLE) AS luas_km2, "
        "CAST(penduduk_2020 AS INTEGER) AS penduduk, CAST(jumlah_desa AS INTEGER) AS jumlah_desa, "
        "CAST(jumlah_kelurahan AS INTEGER) AS jumlah_kelurahan, CAST(lat AS DOUBLE) AS lat, "
        "CAST(lng AS DOUBLE) AS lng",
    ),
    "desa.csv": (
        "ref_desa",
        "kode, nama, kode_kecamatan, kecamatan, jenis, CAST(lat AS DOUBLE) AS lat, CAST(lng AS DOUBLE) AS lng",
    ),
    "opd.csv": ("ref_opd", "kode, nama, singkatan, jenis, bidang_urusan, NULLIF(kode_kecamatan, '') AS kode_kecamatan"),
    "program.csv": ("ref_program", "kode, level, nama"),
    "rekening_apbd.csv": (
        "ref_rekening_apbd",
        "kode, level, nama, CAST(NULLIF(berlaku_mulai, '') AS INTEGER) "
        "AS berlaku_mulai, CAST(NULLIF(berlaku_sampai, '') AS INTEGER) AS berlaku_sampai, "
        "umum = '1' AS umum",
    ),
    "rekening_apbdes.csv": ("ref_rekening_apbdes", "kode, level, nama"),
    "apbdes_kegiatan.csv": ("ref_apbdes_kegiatan", "kode, level, nama"),
    "siskeudes_desa.csv": ("ref_siskeudes_desa", "kd_desa_siskeudes, kode_desa, nama"),
    "published.csv": (
        "ref_published",
        "CAST(tahun AS INTEGER) AS tahun, dokumen, kode, uraian, ukuran, "
        "CAST(nilai AS DECIMAL(18,2)) AS nilai, CAST(pembulatan AS DECIMAL(18,2)) AS pembulatan, sumber",
    ),
}


@dataclass
class PublishReport:
    db_path: Path
    rows: dict[str, int]
    replaced: dict[str, list[tuple]]


def publisher() -> str:
    """Who publishes from the command line: the system user, marked as such."""
    import getpass

    try:
        return f"{getpass.getuser()} (command line)"
    except (KeyError, OSError):
        return "command line"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[tuple]:
    """Execute and drain the result (DuckDB 2 keeps a connection busy until a result is consumed)."""
    return con.execute(sql, params or []).fetchall()


def _load_reference(con: duckdb.DuckDBPyConnection) -> None:
    for fname, (table, select) in REFERENCE.items():
        path = str(REFERENCE_DIR / fname)
        sql = "CREATE TABLE " + table + " AS SELECT " + select + " FROM read_csv(?, header=true, all_varchar=true)"
        _run(con, sql, [path])


def _create_meta(con: duckdb.DuckDBPyConnection) -> None:
    _run(
        con,
        "CREATE TABLE meta_load (load_id INTEGER, loaded_at TIMESTAMP, file VARCHAR, sha256 VARCHAR, "
        "reader VARCHAR, tabel VARCHAR, rows_read BIGINT, rows_loaded BIGINT, warnings INTEGER, ilustratif BOOLEAN)",
    )
    _run(con, "CREATE TABLE meta_issue (load_id INTEGER, file VARCHAR, level VARCHAR, message VARCHAR)")
    # Who published each load (the console's officer, or the command line's user).
    _run(con, "CREATE TABLE meta_publish (load_id INTEGER, published_at TIMESTAMP, published_by VARCHAR)")
    _run(
        con,
        "CREATE TABLE meta_partition (tabel VARCHAR, tahun INTEGER, bagian VARCHAR, file VARCHAR, "
        "ilustratif BOOLEAN, load_id INTEGER)",
    )


def _partition_filter(con: duckdb.DuckDBPyConnection, t: Table, parts: list[tuple], alias: str) -> str:
    """A WHERE clause keeping the old rows outside the replaced partitions. The partitions are a
    registered frame of values (an anti-join), never text pasted into the SQL."""
    if not parts:
        return "TRUE"
    frame = pd.DataFrame([["" if v is None else str(v) for v in p] for p in parts], columns=list(t.partition))
    con.register(alias, frame)
    cond = " AND ".join(f"p.{c} = COALESCE(CAST(o.{c} AS VARCHAR), '')" for c in t.partition)
    return f"NOT EXISTS (SELECT 1 FROM {alias} p WHERE {cond})"


def build_and_publish(
    results: list[ReadResult],
    db_path: Path,
    *,
    fresh: bool = False,
    illustrative: bool = False,
    progress: Progress = stderr_progress,
    by: str | None = None,
) -> PublishReport:
    """Load validated files into a new database file and atomically replace the published one. `by`
    names who published (recorded in meta_publish); the command line records its user."""
    if not all(r.ok for r in results):
        raise PublishError("refusing to publish: the batch has errors")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    old = db_path if (db_path.exists() and not fresh) else None
    try:
        report = build(results, tmp, old, illustrative, progress, by or publisher())
        check_built(tmp)
        from etl.generations import keep_previous

        kept = keep_previous(db_path, "replaced by a publish", sha256)
        if kept is not None:
            progress(f"kept the previous file as generation {kept.id}")
        os.replace(tmp, db_path)
        report.db_path = db_path
        progress(f"published {db_path}")
        return report
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)


def build(
    results, tmp: Path, old: Path | None, illustrative: bool, progress: Progress, by: str = "command line"
) -> PublishReport:
    con = duckdb.connect(str(tmp))
    try:
        _run(con, "SET preserve_insertion_order = true")
        progress("reference data ...")
        _load_reference(con)
        _create_meta(con)
        if old is not None:
            _run(con, "ATTACH ? AS old (READ_ONLY)", [str(old)])
            _run(con, "INSERT INTO meta_load SELECT * FROM old.meta_load")
            _run(con, "INSERT INTO meta_partition SELECT * FROM old.meta_partition")
            if _run(
                con,
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_catalog = 'old' "
                "AND table_name = 'meta_issue'",
            )[0][0]:
                _run(con, "INSERT INTO meta_issue SELECT * FROM old.meta_issue")
            if _run(
                con,
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_catalog = 'old' "
                "AND table_name = 'meta_publish'",
            )[0][0]:
                _run(con, "INSERT INTO meta_publish SELECT * FROM old.meta_publish")
        load_id = _run(con, "SELECT COALESCE(MAX(load_id), 0) + 1 FROM meta_load")[0][0]
        now = dt.datetime.now().replace(microsecond=0)
        _run(con, "INSERT INTO meta_publish VALUES (?, ?, ?)", [load_id, now, by])

        by_table: dict[str, list[ReadResult]] = {}
        for r in results:
            by_table.setdefault(r.table.name, []).append(r)
        replaced: dict[str, list[tuple]] = {}
        rows: dict[str, int] = {}
        for name, t in TABLES.items():
            files = by_table.get(name, [])
            parts = sorted({p for r in files for p in r.replaces()})
            replaced[name] = parts
            casts = ", ".join(_cast(c.name, c.sql_type) for c in t.columns)
            sources = []
            params: list = []
            if old is not None:
                where = _partition_filter(con, t, parts, f"replaced_{name}")
                sources.append(
                    f"SELECT {', '.join('o.' + c for c in t.column_names)} FROM old.{name}_data o WHERE {where}"
                )
            for i, r in enumerate(files):
                progress(f"[{name}] {r.path.name}: {len(r.frame):,} rows")
                con.register(f"incoming_{i}", r.frame)
                sources.append(f"SELECT {casts} FROM incoming_{i}")
            body = (
                " UNION ALL ".join(sources)
                if sources
                else f"SELECT {casts} FROM (SELECT {', '.join('NULL AS ' + c for c in t.column_names)}) WHERE FALSE"
            )
            _run(con, create_table_sql(t))
            _run(con, f"INSERT INTO {name}_data SELECT * FROM ({body}) ORDER BY {', '.join(t.sort)}", params)
            _run(con, create_view_sql(t))
            for i, r in enumerate(files):
                con.unregister(f"incoming_{i}")
                _run(
                    con,
                    "INSERT INTO meta_load VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        load_id,
                        now,
                        r.name,
                        sha256(r.path),
                        r.reader,
                        name,
                        r.rows_read if r.rows_read is not None else len(r.frame),
                        len(r.frame),
                        sum(1 for x in r.issues if x.level == "warning"),
                        illustrative,
                    ],
                )
                warnings = [(load_id, r.name, i.level, str(i)) for i in r.issues if i.level == "warning"]
                for w in warnings:
                    _run(con, "INSERT INTO meta_issue VALUES (?, ?, ?, ?)", list(w))
                parts_r = pd.DataFrame(
                    [
                        (name, int(p[0]), "/".join(str(v) for v in p[1:]), r.name, illustrative, load_id)
                        for p in r.replaces()
                    ],
                    columns=["tabel", "tahun", "bagian", "file", "ilustratif", "load_id"],
                )
                con.register("parts_r", parts_r)
                _run(
                    con,
                    "DELETE FROM meta_partition m USING parts_r p WHERE m.tabel = p.tabel AND "
                    "m.tahun = p.tahun AND m.bagian = p.bagian",
                )
                _run(con, "INSERT INTO meta_partition SELECT * FROM parts_r")
                con.unregister("parts_r")
            rows[name] = _run(con, f"SELECT COUNT(*) FROM {name}_data")[0][0]
        if old is not None:
            _run(con, "DETACH old")
        _run(con, "CREATE TABLE meta_dataset (key VARCHAR, value VARCHAR)")
        _run(con, "INSERT INTO meta_dataset VALUES ('published_at', ?), ('schema_version', '1')", [now.isoformat()])
        from etl.generations import checksums

        for name, value in checksums(con).items():  # `etl verify` recomputes these
            _run(con, "INSERT INTO meta_dataset VALUES (?, ?)", [f"checksum:{name}", value])
        _run(con, "CHECKPOINT")
        return PublishReport(tmp, rows, replaced)
    finally:
        con.close()


def _cast(name: str, sql_type: str) -> str:
    if sql_type == "VARCHAR":
        return f"NULLIF({name}, '') AS {name}" if name.startswith("kode_") or name == "sumber_dana" else name
    return f"CAST(NULLIF({name}, '') AS {sql_type}) AS {name}"
