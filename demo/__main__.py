"""python -m demo [--keep DIR]: generate the demo dataset and load it through the ETL's one door
(`etl.loading.load`), replacing everything in the database `BUDGET_DB` names."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from demo.generate import generate
from etl.loading import load
from etl.publish import stderr_progress

COMMAND = "python -m demo"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog=COMMAND, description="generate the demo dataset and load it (replaces everything)"
    )
    ap.add_argument("--keep", metavar="DIR", help="also keep the generated CSV files in DIR")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="demo-") as tmp:
        out = Path(args.keep) if args.keep else Path(tmp)
        paths = generate(out, progress=stderr_progress)
        rc = load(paths, fresh=True, illustrative=True, by=COMMAND)
    stderr_progress(f"demo: done in {time.perf_counter() - t0:.1f} s")
    return rc


if __name__ == "__main__":
    sys.exit(main())
