"""Earlier published files, kept for rollback and disaster recovery, and a check of the published file.

Every publish keeps the file it replaces in `.generations/` beside the database (`GENERATIONS_DIR`
overrides), as a hard link (instant, no copy) or a copy where links are impossible, with a small JSON
record of where it came from. The newest `GENERATIONS` (default 5) are kept.

- `python -m etl generations` lists them;
- `python -m etl rollback [ID]` copies one beside the database, verifies the copy and renames it over
  the published file atomically (the file it replaces becomes a generation too, so a rollback can be
  undone the same way);
- `python -m etl verify` checks the published file: it opens, every view has its contract columns, the
  checksums written at publish (rows and amount sums per table) still hold, and the reconciliation with
  the published official figures has no difference.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb

import settings
from etl import facts
from etl.schema import TABLES

DEFAULT_KEEP = 5


def folder(db_path: Path) -> Path:
    return settings.current().generations_dir or db_path.parent / ".generations"


def keep() -> int:
    return settings.current().generations_keep


@dataclass
class Generation:
    id: str
    path: Path
    published_at: str
    files: list[str]
    size: int
    sha256: str
    note: str
    by: str | None = None
    checksums: dict | None = None  # table -> "rows|sum|sum", as written at publish


def _checksum_sql(name: str) -> str:
    """Rows and the sum of every money column of one contract table (names from the fixed schema)."""
    money = [c.name for c in TABLES[name].columns if c.sql_type.startswith("DECIMAL")]
    sums = ", ".join(f"CAST(COALESCE(SUM({c}), 0) AS VARCHAR)" for c in money)
    return f"SELECT COUNT(*){', ' + sums if sums else ''} FROM {name}"


def checksums(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """'rows|sum|sum' per contract table, as stored in meta_dataset at publish."""
    out = {}
    for name in TABLES:
        row = con.execute(_checksum_sql(name)).fetchall()[0]
        out[name] = "|".join(str(v) for v in row)
    return out


def provenance(path: Path) -> dict:
    """When a database file was published, by whom, from which files, and its rows and money totals per
    table (the checksums written at publish): what the console's history shows for each generation."""
    out = {"published_at": "?", "by": None, "files": [], "checksums": {}}
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return out
    try:
        meta = dict(con.execute("SELECT key, value FROM meta_dataset").fetchall())
        out["published_at"] = meta.get("published_at", "?")
        out["checksums"] = {k.removeprefix("checksum:"): v for k, v in meta.items() if k.startswith("checksum:")}
        out["files"] = [r[0] for r in con.execute("SELECT DISTINCT file FROM meta_load ORDER BY 1").fetchall()]
        try:
            by = con.execute("SELECT published_by FROM meta_publish ORDER BY load_id DESC LIMIT 1").fetchall()
            out["by"] = by[0][0] if by else None
        except duckdb.Error:  # a file published before meta_publish existed
            pass
    except duckdb.Error:
        pass
    finally:
        con.close()
    return out


def keep_previous(db_path: Path, note: str, sha256) -> Generation | None:
    """Keep the file at `db_path` (about to be replaced) as a generation; prune to the newest `keep()`."""
    if not db_path.exists():
        return None
    gdir = folder(db_path)
    gdir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")
    digest = sha256(db_path)
    gid = f"{stamp}-{digest[:8]}"
    target = gdir / f"{gid}.duckdb"
    try:
        os.link(db_path, target)
    except OSError:
        shutil.copy2(db_path, target)
    prov = provenance(target)
    record = {
        "id": gid,
        "published_at": prov["published_at"],
        "by": prov["by"],
        "files": prov["files"],
        "checksums": prov["checksums"],
        "size": target.stat().st_size,
        "sha256": digest,
        "kept_at": dt.datetime.now().replace(microsecond=0).isoformat(),
        "note": note,
    }
    target.with_suffix(".json").write_text(json.dumps(record, indent=1), encoding="utf-8")
    for old in list_generations(db_path)[keep() :]:
        old.path.unlink(missing_ok=True)
        old.path.with_suffix(".json").unlink(missing_ok=True)
    return _from_record(target, record)


def _from_record(path: Path, r: dict) -> Generation:
    return Generation(
        r["id"],
        path,
        r["published_at"],
        r["files"],
        r["size"],
        r["sha256"],
        r.get("note", ""),
        r.get("by"),
        r.get("checksums"),
    )


def list_generations(db_path: Path) -> list[Generation]:
    """Newest first."""
    gdir = folder(db_path)
    if not gdir.exists():
        return []
    out = []
    for js in gdir.glob("*.json"):
        path = js.with_suffix(".duckdb")
        if not path.exists():
            continue
        try:
            out.append(_from_record(path, json.loads(js.read_text(encoding="utf-8"))))
        except (ValueError, KeyError):
            continue
    return sorted(out, key=lambda g: g.id, reverse=True)


def verify(path: Path) -> list[str]:
    """Problems with a database file; [] when it is sound."""

    if not path.exists():
        return [f"{path}: no such file"]
    try:
        facts.check_built(path)
    except Exception as exc:  # noqa: BLE001 - a corrupt file may fail in many ways; each is reported
        return [f"{path}: does not open as a complete database: {type(exc).__name__}: {exc}"[:400]]
    problems = []
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        return [f"{path}: {exc}"[:400]]
    try:
        stored = dict(con.execute("SELECT key, value FROM meta_dataset WHERE key LIKE 'checksum:%'").fetchall())
        if not stored:
            problems.append("no checksums recorded at publish (a file published before checksums existed)")
        now = checksums(con)
        for name, value in now.items():
            want = stored.get(f"checksum:{name}")
            if want is not None and want != value:
                problems.append(f"{name}: checksum {value} differs from the one written at publish ({want})")
        problems += _reconciliation(path)
    except duckdb.Error as exc:
        problems.append(f"{path}: {exc}"[:400])
    finally:
        con.close()
    return problems


def reconciliation_at(path: Path) -> list:
    """The reconciliation with the published official figures (`etl.facts.reconciliation`, which the
    /data page shows for the served file) of any database file, opened read-only."""
    with facts.on_file(path) as run:
        return facts.reconciliation(run)


def _reconciliation(path: Path) -> list[str]:
    """Every published figure that the file's own figures contradict (through the query layer)."""
    bad = [r for r in reconciliation_at(path) if r.difference not in (None, 0, Decimal(0))]
    return [f"reconciliation: {r.tahun} {r.dokumen} {r.kode} {r.uraian}: difference {r.difference}" for r in bad]


def rollback(db_path: Path, gid: str | None, sha256, progress) -> Generation:
    """Re-publish a generation (the newest by default) atomically; returns it."""
    gens = list_generations(db_path)
    if not gens:
        raise LookupError(f"no generations kept in {folder(db_path)}")
    chosen = gens[0] if gid is None else next((g for g in gens if g.id == gid or g.id.startswith(gid)), None)
    if chosen is None:
        raise LookupError(f"no generation {gid!r}; see `python -m etl generations`")
    tmp = db_path.with_name(f".{db_path.name}.rollback-{os.getpid()}")
    try:
        shutil.copy2(chosen.path, tmp)
        if sha256(tmp) != chosen.sha256:
            raise ValueError(f"generation {chosen.id} does not match its recorded SHA-256; not restored")
        problems = [p for p in verify(tmp) if not p.startswith("no checksums")]
        if problems:
            raise ValueError(f"generation {chosen.id} fails verification: " + "; ".join(problems))
        if db_path.exists():
            try:
                keep_previous(db_path, f"replaced by rollback to {chosen.id}", sha256)
            except OSError as exc:  # a corrupt or unreadable current file is still replaced
                progress(f"the current file could not be kept: {exc}")
        os.replace(tmp, db_path)
        progress(f"rolled back {db_path} to generation {chosen.id} (published {chosen.published_at})")
        return chosen
    finally:
        tmp.unlink(missing_ok=True)
