"""Find the header of an official summary the way a reader of the printed page would.

Offices' summaries (the Perda's Lampiran I, the P-APBD summary with its before/after columns, the LRA)
come from SIMDA, SIPD or a hand-made workbook. Their header may sit under a block of title rows, span
two or three rows with a group title merged over its sub-columns ("JUMLAH (Rp)" over "SEBELUM
PERUBAHAN" and "SETELAH PERUBAHAN"), and be followed by a row of column numbers. Column names differ
between systems and years; `etl/header_synonyms.csv` maps the names offices use to what a column means:

| meaning | what the column holds |
|---|---|
| `kode`, `uraian` | the account code and its name |
| `anggaran` | the budget of a one-stage document, or the LRA's budget |
| `sebelum`, `setelah` | the budget before and after the revision (P-APBD) |
| `realisasi` | realisation to date (LRA) |
| `selisih`, `persen` | the difference and the percentage (checked or ignored, never stored) |

A column's name is read as the layout shows it: its own cell, under the group title above it. XLSX
merged ranges are given by openpyxl (see `etl.readers.sheets_from_xlsx`); a CSV saved by Excel keeps a
merged title only in its first cell, so a group title is carried right over the sub-columns under it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SYNONYMS = Path(__file__).with_name("header_synonyms.csv")
SCAN_ROWS = 30  # the header band starts within the first 30 rows
MAX_BAND = 3  # and spans at most three rows

# Which meanings make which layout, most specific first.
KINDS = (
    ("perubahan", ("kode", "uraian", "sebelum", "setelah")),
    ("lra", ("kode", "uraian", "anggaran", "realisasi")),
    ("perda", ("kode", "uraian", "anggaran")),
)
OPTIONAL = ("selisih", "persen")


def norm(text: str) -> str:
    """Lower case, one space between words, none around '/' and brackets: 'JUMLAH  (Rp)' -> 'jumlah(rp)'."""
    s = " ".join(str(text).replace("\u00a0", " ").split()).lower()
    return re.sub(r"\s*([/()])\s*", r"\1", s)


@lru_cache(maxsize=1)
def synonyms() -> tuple[dict[str, str], tuple[tuple[str, str, str], ...]]:
    """(exact label -> meaning, ((label, how, meaning) for prefix/contains matches, longest first))."""
    exact: dict[str, str] = {}
    partial = []
    with SYNONYMS.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            label = norm(r["label"])
            if r["cocok"] == "sama":
                exact[label] = r["makna"]
            else:
                partial.append((label, r["cocok"], r["makna"]))
    partial.sort(key=lambda t: -len(t[0]))
    return exact, tuple(partial)


def meanings(label: str) -> list[str]:
    """Every meaning a (normalised) column name may have, the likeliest first: an exact name, then the
    longest matching start or part ('anggaran setelah perubahan' -> setelah, then anggaran)."""
    if not label:
        return []
    exact, partial = synonyms()
    out = [exact[label]] if label in exact else []
    for syn, how, m in partial:
        if ((how == "awal" and label.startswith(syn)) or (how == "isi" and syn in label)) and m not in out:
            out.append(m)
    return out


def meaning(label: str) -> str | None:
    found = meanings(label)
    return found[0] if found else None


@dataclass
class Band:
    kind: str  # perda | perubahan | lra
    top: int  # index of the first header row
    bottom: int  # index of the last header row
    data_start: int  # index of the first row after the header (and its column-number row)
    cols: dict[str, int]  # meaning -> column index
    labels: list[str]  # every column's name as read, group title first ('jumlah(rp) sebelum perubahan')


def _column_numbers(row: list[str]) -> bool:
    """The row of column numbers under a header: 1 2 3 ... (or (1) (2) (3) ...), at least three."""
    cells = [c.strip().strip("()") for c in row if c.strip()]
    return (
        len(cells) >= 3
        and all(c.isdigit() for c in cells)
        and [int(c) for c in cells] == list(range(int(cells[0]), int(cells[0]) + len(cells)))
    )


def _fill_groups(band: list[list[str]]) -> list[list[str]]:
    """Carry a group title right over the sub-columns beneath it (a merged title kept in its first cell)."""
    width = max(len(r) for r in band)
    rows = [list(r) + [""] * (width - len(r)) for r in band]
    for r in range(len(rows) - 1):
        below = rows[r + 1]
        for c in range(1, width):
            if rows[r][c].strip() or not below[c].strip():
                continue
            left = c - 1
            while left >= 0 and not rows[r][left].strip():
                if not below[left].strip():
                    break
                left -= 1
            if left >= 0 and rows[r][left].strip() and below[left].strip():
                rows[r][c] = rows[r][left]
    return rows


def _labels(band: list[list[str]]) -> list[str]:
    rows = _fill_groups(band)
    out = []
    for c in range(len(rows[0])):
        parts: list[str] = []
        for r in rows:
            t = norm(r[c])
            if t and t not in parts:
                parts.append(t)
        out.append(" ".join(parts))
    return out


def _column_candidates(band: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Per column, the meanings its name may have: its own (lowest) cell first, then the whole name,
    then each group title above it."""
    rows = _fill_groups(band)
    labels = _labels(band)
    cands = []
    for c in range(len(labels)):
        parts = [norm(r[c]) for r in rows if norm(r[c])]
        found: list[str] = []
        for text in [parts[-1], labels[c], *reversed(parts[:-1])] if parts else []:
            found += [m for m in meanings(text) if m not in found]
        cands.append(found)
    return cands, labels


def _assign(cands: list[list[str]], need: tuple[str, ...]) -> dict[str, int] | None:
    """A column for every needed meaning: where it is the column's likeliest meaning, else a possible one."""
    cols: dict[str, int] = {}
    for n in need:
        j = next((c for c, m in enumerate(cands) if m[:1] == [n] and c not in cols.values()), None)
        if j is None:
            j = next((c for c, m in enumerate(cands) if n in m and c not in cols.values()), None)
        if j is None:
            return None
        cols[n] = j
    return cols


def _looks_like_header_row(row: list[str], kode_col: int) -> bool:
    """A further header row: no code under the code column, some text, no figure."""
    cells = [c.strip() for c in row]
    if kode_col < len(cells) and cells[kode_col] and meaning(norm(cells[kode_col])) != "kode":
        return False
    texts = [c for c in cells if c]
    if not texts or _column_numbers(row):
        return False
    return not any(re.fullmatch(r"[\d.,()\-\s]*\d[\d.,()\-\s]*", c) for c in texts)


def _merged_band(rows: list[list[str]], top: int, end: int, merged) -> list[list[str]]:
    """Rows top..end with each merged range that starts inside them shown in every cell it covers."""
    band = [list(r) for r in rows[top : end + 1]]
    for r0, c0, r1, c1 in merged:  # 0-based, inclusive
        if not top <= r0 <= end:
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else ""
        for r in range(r0, min(r1, end) + 1):
            row = band[r - top]
            row += [""] * (c1 + 1 - len(row))
            for c in range(c0, c1 + 1):
                row[c] = value
    return band


def find_band(rows: list[list[str]], merged: tuple = ()) -> Band | None:
    """The header band of a summary layout in the first rows of a sheet, or None. `merged` holds the
    sheet's merged ranges (row0, col0, row1, col1; 0-based, inclusive) where the file has them: they
    are applied to the header band only, never to figures."""
    for top in range(min(SCAN_ROWS, len(rows))):
        single = {meaning(norm(c)) for c in rows[top]}
        if not {"kode", "uraian"} <= single:
            continue
        kode_col = next(j for j, c in enumerate(rows[top]) if meaning(norm(c)) == "kode")
        bottom = top
        while (
            bottom + 1 < len(rows)
            and bottom - top + 1 < MAX_BAND
            and _looks_like_header_row(rows[bottom + 1], kode_col)
        ):
            bottom += 1
        # Use the deepest band that makes a layout: a title row that happens to follow is not a header.
        for end in range(bottom, top - 1, -1):
            cands, labels = _column_candidates(_merged_band(rows, top, end, merged))
            for kind, need in KINDS:
                cols = _assign(cands, need)
                if cols is None:
                    continue
                for extra in OPTIONAL:
                    j = next((c for c, m in enumerate(cands) if extra in m and c not in cols.values()), None)
                    if j is not None:
                        cols[extra] = j
                start = end + 1
                if start < len(rows) and _column_numbers(rows[start]):
                    start += 1
                return Band(kind, top, end, start, cols, labels)
    return None
