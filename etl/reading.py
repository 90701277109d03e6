"""Reading a batch of source files into canonical frames, with progress that names what a load would
replace: the one reader loop the command line (`python -m etl`) and the console's jobs (`etl/batch.py`)
share."""

from __future__ import annotations

import time
from pathlib import Path

from etl.publish import stderr_progress
from etl.readers import Options, read_file
from etl.validate import ReadResult


def read_all(paths: list[Path], opts: Options | None = None, progress=stderr_progress) -> list[ReadResult]:
    results = []
    for i, p in enumerate(paths, 1):
        t0 = time.perf_counter()
        progress(f"[{i}/{len(paths)}] reading {p.name} ...")
        for r in read_file(p, opts):
            n = 0 if r.frame is None else len(r.frame)
            table = r.table.name if r.table else "?"
            progress(
                f"[{i}/{len(paths)}] {p.name}: {n:,} rows -> {table} via {r.reader} ({time.perf_counter() - t0:.1f} s)"
                + replaces_text(r)
            )
            results.append(r)
    return results


def replaces_text(r: ReadResult) -> str:
    """What a load would replace, named: '; replaces 2025 × 12 bulan × 1 kode_desa'."""
    if r.table is None or r.frame is None:
        return ""
    parts = r.replaces()
    if not parts:
        return ""
    counts = [len({p[j] for p in parts}) for j in range(len(r.table.partition))]
    named = " × ".join(
        next(iter({p[j] for p in parts})) if n == 1 and c == "tahun" else f"{n} {c}"
        for j, (c, n) in enumerate(zip(r.table.partition, counts))
    )
    return f"; replaces {len(parts)} partition(s): {named}"
