"""Paths and settings, read from the environment at call time (never cached at import)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = ROOT / "data" / "reference"
DEFAULT_DB = ROOT / "data" / "budget.duckdb"


def db_path() -> Path:
    """The DuckDB file: $BUDGET_DB, else data/budget.duckdb."""
    return Path(os.environ.get("BUDGET_DB") or DEFAULT_DB)


def boundaries_dir() -> Path | None:
    """Where a deployment keeps boundary GeoJSON ($BOUNDARIES_DIR); None when not configured."""
    value = os.environ.get("BOUNDARIES_DIR")
    return Path(value) if value else None
