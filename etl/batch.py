"""A batch of uploaded files, checked, previewed and published by the data officer's console (`/kelola`),
always in a process of its own so that the web workers stay read-only and responsive:

    python -m etl.batch check DIR              read and check every file (the code of `etl validate`) and
                                               preview what a publish would change
    python -m etl.batch publish DIR --by NAME  re-check, then the atomic publish of `etl load`
    python -m etl.batch rollback ID --by NAME --status FILE
                                               `etl rollback` to generation ID

DIR holds `batch.json` (written by the console: the stored files, the names the officer gave them, their
sizes and SHA-256, and any year/stage/month options). The runner writes `status.json` as it goes (state,
progress lines) and `report.json` or `published.json` at the end, each atomically. It limits its own
time (`KELOLA_JOB_SECONDS`, default 300) and address space (`KELOLA_JOB_MEMORY_MB`, default 4096), so a
hostile file (a zip or XML bomb) ends as a failed job, never as a hung or swapping server.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import fcntl
import json
import os
import signal
import sys
import tempfile
import time
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import settings
from etl.readers import Options
from etl.schema import TABLES
from etl.validate import Issue, ReadResult
from settings import db_path

PREVIEW_ROWS = 40  # partitions listed per table before they are summed by year and stage/month
DEFAULT_JOB_SECONDS = 300
DEFAULT_JOB_MEMORY_MB = 4096


class TimeLimit(Exception):
    pass


def job_seconds() -> int:
    return settings.current().kelola_job_seconds


def write_json(path: Path, value) -> None:
    """Atomically (a reader never sees half a file)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(json.dumps(value, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    os.replace(tmp, path)


def now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


class Status:
    """status.json: what the job is doing, for the console's progress view."""

    def __init__(self, path: Path, job: str):
        self.path = path
        self.value = {"job": job, "state": "running", "pid": os.getpid(), "started": now(), "progress": []}
        self.save()

    def save(self) -> None:
        write_json(self.path, self.value)

    def progress(self, msg: str) -> None:
        self.value["progress"] = (self.value["progress"] + [msg])[-30:]
        self.save()

    def end(self, state: str, message: str = "") -> None:
        self.value.update(state=state, finished=now(), message=message)
        self.save()


# ---------------------------------------------------------------------------------------------
# Reading a batch (the same functions as `python -m etl validate`)
# ---------------------------------------------------------------------------------------------
def load_batch(folder: Path) -> dict:
    return json.loads((folder / "batch.json").read_text(encoding="utf-8"))


def read_batch(folder: Path, batch: dict, progress) -> list[ReadResult]:
    """Every stored file read by `etl.reading.read_all`, with the officer's file names put back in the
    results and their problems (the stored names are generated, never taken from the upload)."""
    from etl.publish import sha256
    from etl.reading import read_all

    paths, names = [], {}
    for f in batch["files"]:
        p = folder / f["stored"]
        if sha256(p) != f["sha256"]:
            raise ValueError(f"{f['name']}: the stored file changed after it was uploaded")
        paths.append(p)
        names[f["stored"]] = f["name"]
    opts = Options(**{k: batch.get("options", {}).get(k) for k in ("tahun", "tahap", "bulan")})

    def named(msg: str) -> str:
        for stored, name in names.items():
            msg = msg.replace(f" {stored}", f" {name}")
        return progress(msg)

    results = read_all(paths, opts, named)
    for r in results:
        r.source_name = names.get(r.path.name, r.path.name)
        r.issues = [dataclasses.replace(i, file=names.get(i.file, i.file)) if i.file in names else i for i in r.issues]
    return results


def issue_json(i: Issue) -> dict:
    return {
        "file": i.file,
        "sheet": i.sheet,
        "row": i.row,
        "column": i.column,
        "expected": i.expected,
        "found": i.found,
        "level": i.level,
        "text": str(i),
    }


def result_json(r: ReadResult) -> dict:
    from etl.reading import replaces_text

    return {
        "file": r.name,
        "reader": r.reader,
        "sheet": r.sheet,
        "table": r.table.name if r.table else None,
        "rows_read": r.rows_read if r.rows_read is not None else (None if r.frame is None else len(r.frame)),
        "rows": None if r.frame is None else len(r.frame),
        "replaces": replaces_text(r).removeprefix("; replaces ") if r.ok else "",
        "errors": sum(i.level == "error" for i in r.issues),
        "warnings": sum(i.level == "warning" for i in r.issues),
    }


# ---------------------------------------------------------------------------------------------
# The preview: build the would-be file beside the published one and compare, partition by partition
# ---------------------------------------------------------------------------------------------
def _money(name: str) -> list[str]:
    return [c.name for c in TABLES[name].columns if c.sql_type.startswith("DECIMAL")]


def _partition_stats(con, catalog: str, name: str, parts: list[tuple]) -> dict[tuple, tuple[int, list[str]]]:
    """Rows and money sums per partition of one table in one attached file (names from the schema)."""
    import pandas as pd

    t = TABLES[name]
    frame = pd.DataFrame([[str(v) for v in p] for p in parts], columns=list(t.partition))
    con.register("preview_parts", frame)
    try:
        cond = " AND ".join(f"p.{c} = COALESCE(CAST(o.{c} AS VARCHAR), '')" for c in t.partition)
        sums = ", ".join(f"CAST(COALESCE(SUM(o.{m}), 0) AS VARCHAR)" for m in _money(name))
        cols = ", ".join(f"p.{c}" for c in t.partition)
        sql = (
            f"SELECT {cols}, COUNT(o.{t.partition[0]}), {sums} FROM preview_parts p "
            f"LEFT JOIN {catalog}.{name}_data o ON {cond} GROUP BY {cols}"
        )
        out = {}
        for row in con.execute(sql).fetchall():
            k = len(t.partition)
            out[tuple(row[:k])] = (row[k], list(row[k + 1 :]))
        return out
    finally:
        con.unregister("preview_parts")


def _roll_up(name: str, rows: list[dict]) -> list[dict]:
    """Many partitions (a whole year's villages) summed by year and stage/month, naming how many."""
    if len(rows) <= PREVIEW_ROWS:
        return rows
    t = TABLES[name]
    head = [c for c in t.partition if c != "kode_desa"][:2]
    groups: dict[tuple, dict] = {}
    for r in rows:
        key = tuple(r["partition"][c] for c in head)
        g = groups.setdefault(
            key,
            {
                "partition": dict(zip(head, key)),
                "count": 0,
                "rows_before": 0,
                "rows_after": 0,
                "before": [Decimal(0)] * len(r["before"]),
                "after": [Decimal(0)] * len(r["after"]),
            },
        )
        g["count"] += r.get("count", 1)
        g["rows_before"] += r["rows_before"]
        g["rows_after"] += r["rows_after"]
        g["before"] = [a + Decimal(b) for a, b in zip(g["before"], r["before"])]
        g["after"] = [a + Decimal(b) for a, b in zip(g["after"], r["after"])]
    out = list(groups.values())
    for g in out:
        g["before"] = [str(v) for v in g["before"]]
        g["after"] = [str(v) for v in g["after"]]
    return out


def _reconciliation(path: Path) -> dict[tuple, dict]:
    from etl.generations import reconciliation_at

    return {(r.tahun, r.dokumen, r.kode, r.ukuran): r for r in reconciliation_at(path)}


def preview(results: list[ReadResult], published: Path, progress) -> dict:
    """What publishing these results would change: per table and partition, rows and money totals before
    and after, and the published official figures whose reconciliation the batch touches."""
    import duckdb

    from etl.facts import check_built
    from etl.publish import build

    with tempfile.TemporaryDirectory(prefix="preview-", dir=published.parent) as tmpdir:
        built = Path(tmpdir) / "preview.duckdb"
        old = published if published.exists() else None
        rep = build(results, built, old, False, progress, "preview")
        check_built(built)
        con = duckdb.connect(str(built), read_only=True)
        try:
            if old is not None:
                con.execute("ATTACH ? AS old (READ_ONLY)", [str(old)])
            tables = []
            for name, parts in rep.replaced.items():
                if not parts:
                    continue
                after = _partition_stats(con, "preview", name, parts)
                before = _partition_stats(con, "old", name, parts) if old is not None else {}
                rows = []
                for p in parts:
                    k = tuple(str(v) for v in p)
                    nb, sb = before.get(k, (0, ["0"] * len(_money(name))))
                    na, sa = after.get(k, (0, ["0"] * len(_money(name))))
                    rows.append(
                        {
                            "partition": dict(zip(TABLES[name].partition, k)),
                            "rows_before": nb,
                            "rows_after": na,
                            "before": sb,
                            "after": sa,
                        }
                    )
                rows.sort(key=lambda r: tuple(int(v) if v.isdigit() else v for v in r["partition"].values()))
                tables.append(
                    {"table": name, "money": _money(name), "partitions": len(parts), "rows": _roll_up(name, rows)}
                )
        finally:
            con.close()
        years = {int(p[0]) for parts in rep.replaced.values() for p in parts}
        after_rec = _reconciliation(built)
    before_rec = _reconciliation(published) if published.exists() else {}
    recon = []
    for key, r in after_rec.items():
        b = before_rec.get(key)
        if r.tahun not in years and (b is None or b.ours == r.ours):
            continue
        recon.append(
            {
                "tahun": r.tahun,
                "dokumen": r.dokumen,
                "kode": r.kode,
                "uraian": r.uraian,
                "ukuran": r.ukuran,
                "published": str(r.published),
                "before": None if b is None or b.ours is None else str(b.ours),
                "after": None if r.ours is None else str(r.ours),
                "difference_before": None if b is None or b.difference is None else str(b.difference),
                "difference_after": None if r.difference is None else str(r.difference),
            }
        )
    return {"tables": tables, "rows_after": rep.rows, "reconciliation": recon}


# ---------------------------------------------------------------------------------------------
# Jobs
# ---------------------------------------------------------------------------------------------
@contextmanager
def publish_lock(folder: Path):
    """One publish or rollback at a time, across every console session and worker."""
    lock = folder / ".publish.lock"
    with open(lock, "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RuntimeError("another publish or rollback is running; try again when it has finished") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def check(folder: Path) -> dict:
    status = Status(folder / "status.json", "check")
    t0 = time.perf_counter()
    batch = load_batch(folder)
    results = read_batch(folder, batch, status.progress)
    issues = [i for r in results for i in r.issues]
    errors = sum(i.level == "error" for i in issues)
    report = {
        "checked_at": now(),
        "database_sha256": _digest_or_none(db_path()),
        "files": [result_json(r) for r in results],
        "issues": [issue_json(i) for i in issues],
        "errors": errors,
        "warnings": len(issues) - errors,
        "publishable": errors == 0 and bool(results),
        "preview": None,
    }
    if report["publishable"]:
        status.progress("preview: building the would-be database beside the published one ...")
        report["preview"] = preview(results, db_path(), status.progress)
    report["seconds"] = round(time.perf_counter() - t0, 1)
    write_json(folder / "report.json", report)
    status.end("done", f"{len(results)} file(s), {errors} error(s)")
    return report


def _digest_or_none(path: Path) -> str | None:
    from etl.publish import sha256

    return sha256(path) if path.exists() else None


def publish(folder: Path, by: str) -> dict:
    from etl.publish import build_and_publish

    status = Status(folder / "status.json", "publish")
    batch = load_batch(folder)
    with publish_lock(folder.parent):
        results = read_batch(folder, batch, status.progress)
        errors = [i for r in results for i in r.issues if i.level == "error"]
        if errors or not results:
            raise ValueError(f"the batch has {len(errors)} error(s); nothing was published")
        rep = build_and_publish(results, db_path(), progress=status.progress, by=by)
    out = {"published_at": now(), "by": by, "rows": rep.rows, "database_sha256": _digest_or_none(db_path())}
    write_json(folder / "published.json", out)
    status.end("done", "published")
    return out


def rollback(gid: str, by: str, status_path: Path) -> dict:
    from etl.generations import rollback as do_rollback
    from etl.publish import sha256

    status = Status(status_path, "rollback")
    with publish_lock(status_path.parent):
        g = do_rollback(db_path(), gid, sha256, status.progress)
    out = {"rolled_back_to": g.id, "published_at": g.published_at, "by": by, "at": now()}
    status.value["result"] = out
    status.end("done", f"rolled back to {g.id}")
    return out


def _limit_self() -> None:
    """A time and memory ceiling for this process (the console also kills it after the time limit)."""
    import resource

    def on_alarm(signum, frame):
        raise TimeLimit(f"stopped after the time limit of {job_seconds()} s")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(job_seconds())
    mb = settings.current().kelola_job_memory_mb
    resource.setrlimit(resource.RLIMIT_AS, (mb * 2**20, mb * 2**20))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m etl.batch", description="console jobs (see the module docstring)")
    ap.add_argument("job", choices=("check", "publish", "rollback"))
    ap.add_argument("target", help="the batch folder, or a generation id for rollback")
    ap.add_argument("--by", default="")
    ap.add_argument("--status", help="rollback: where to write the job status")
    args = ap.parse_args(argv)
    status_path = Path(args.status) if args.job == "rollback" else Path(args.target) / "status.json"
    _limit_self()
    try:
        if args.job == "check":
            check(Path(args.target))
        elif args.job == "publish":
            publish(Path(args.target), args.by)
        else:
            rollback(args.target, args.by, status_path)
        return 0
    except (TimeLimit, MemoryError, RuntimeError, ValueError, LookupError, OSError) as exc:
        message = "out of memory (the file is too large or hostile)" if isinstance(exc, MemoryError) else str(exc)
        _fail(status_path, args.job, message[:500])
        return 1
    except Exception as exc:  # noqa: BLE001 - whatever happens, the officer reads a status, not a hang
        _fail(status_path, args.job, f"{type(exc).__name__}: {exc}"[:500])
        return 1


def _fail(status_path: Path, job: str, message: str) -> None:
    try:
        value = json.loads(status_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        value = {"job": job, "progress": [], "started": now()}
    value.update(state="failed", finished=now(), message=message)
    write_json(status_path, value)
    print(message, file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
