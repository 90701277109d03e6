"""Load files into the published database: read and check them all, refuse them all on any error (naming
file, row and column), else build and publish atomically. The command line's door (`python -m etl load`)
and the demo's (`python -m demo`); the console's batches (`etl/batch.py`) go through the same `read_all`
and `build_and_publish`, with a preview between them."""

from __future__ import annotations

import sys
from pathlib import Path

from etl.publish import PublishError, build_and_publish
from etl.readers import Options
from etl.reading import read_all
from etl.validate import ReadResult
from settings import db_path

EXIT_INVALID = 2


def report(results: list[ReadResult]) -> int:
    """Print every problem; return the number of errors."""
    errors = 0
    for r in results:
        for issue in r.issues:
            print(issue, file=sys.stderr)
            errors += issue.level == "error"
    return errors


def load(
    paths: list[Path],
    *,
    fresh: bool = False,
    illustrative: bool = False,
    opts: Options | None = None,
    by: str | None = None,
) -> int:
    if not paths:
        print("no files given", file=sys.stderr)
        return EXIT_INVALID
    results = read_all(paths, opts)
    errors = report(results)
    if errors:
        print(f"REFUSED: {errors} error(s); nothing was loaded and {db_path()} is unchanged.", file=sys.stderr)
        return EXIT_INVALID
    try:
        rep = build_and_publish(results, db_path(), fresh=fresh, illustrative=illustrative, by=by)
    except (PublishError, OSError) as exc:
        print(f"FAILED: {exc}; {db_path()} is unchanged.", file=sys.stderr)
        return 1
    for name, n in rep.rows.items():
        print(f"{name}: {n:,} rows")
    return 0
