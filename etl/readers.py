"""Readers for the files a data officer actually holds. Each turns one file into canonical rows
(frames of strings, indexed by the source row number) and goes through the same checks and the
same publish step as canonical CSV.

| reader | files |
|---|---|
| canonical | canonical CSV (`;` or `,`, Indonesian or plain decimals, UTF-8 with/without BOM or Windows-1252) and XLSX with the same columns |
| ringkasan | official APBD summaries as XLSX or CSV: the Perda summary (Kode, Uraian, Jumlah), the P-APBD summary (Kode, Uraian, Sebelum/Setelah Perubahan ...) and the realisation report (Kode Rekening, Uraian, Anggaran, Realisasi ...); headers are found by `etl.header_band` |
| djpk | the DJPK "Portal Data APBD" download: XML Spreadsheet 2003, names indented by spaces, no codes |
| siskeudes | a Siskeudes export: a zip of CSV tables (`etl/siskeudes.py`) |

Spreadsheets are parsed without executing anything: openpyxl reads cached values (formulas are never
evaluated), XML goes through defusedxml, zips are checked for size and compression ratio first.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pandas as pd

from etl.header_band import Band, find_band
from etl.numbers import BadAmount, parse_amount
from etl.schema import TABLES, detect_table
from etl.siskeudes import read_siskeudes
from etl.validate import (
    Issue,
    ReadResult,
    _decode,
    _delimiter,
    check_frame,
    max_file_bytes,
    normalise_amounts,
    read_canonical,
)
from settings import REFERENCE_DIR

MAX_ROWS = 2_000_000
MAX_XLSX_UNPACKED = 2 * 1024**3  # bytes of XML inside one workbook
MAX_XLSX_RATIO = 200  # real workbooks expand 5-30 times; sparse generated ones rarely beyond 100
MONTHS_ID = {
    "januari": 1,
    "februari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "desember": 12,
}
MERGED_READ_BYTES = 4 * 1024 * 1024  # XLSX up to this size are opened with their merged ranges
TOLERANCE = Decimal("1.00")  # rupiah a parent row may differ from the sum of its children (rounding)


@dataclass
class Options:
    """What the file itself may not say; given on the command line."""

    tahun: int | None = None
    tahap: str | None = None
    bulan: int | None = None


@dataclass
class Sheet:
    name: str | None
    rows: list[list[str]] = field(default_factory=list)  # cell text; row i is spreadsheet row i + 1
    merged: tuple = ()  # merged ranges (row0, col0, row1, col1; 0-based, inclusive), where known


# ---------------------------------------------------------------------------------------------
# Low-level: cells from CSV, XLSX and XML Spreadsheet 2003
# ---------------------------------------------------------------------------------------------
def _cell_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return format(Decimal(repr(v)), "f")
    return str(v).strip() if not isinstance(v, str) else v


def _check_unpacked_size(path: Path) -> None:
    """An XLSX is a zip: refuse one that would unpack to more than MAX_XLSX_UNPACKED bytes or expand
    more than MAX_XLSX_RATIO times (a zip bomb), before openpyxl inflates anything."""
    import zipfile

    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
    total = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if total > MAX_XLSX_UNPACKED or total / packed > MAX_XLSX_RATIO:
        raise ValueError(f"refused: the workbook unpacks to {total:,} bytes from {packed:,} (a zip bomb?)")


def sheets_from_xlsx(path: Path) -> list[Sheet]:
    """Cell text of every sheet. A small workbook (every official summary is one) is opened in full
    so that its merged ranges are known; a large one (line items with a one-row header) is streamed,
    since openpyxl's read-only mode does not expose merged ranges."""
    from openpyxl import load_workbook

    _check_unpacked_size(path)
    small = path.stat().st_size <= MERGED_READ_BYTES
    wb = load_workbook(path, read_only=not small, data_only=True)  # cached values; formulas never run
    try:
        out = []
        for ws in wb.worksheets:
            rows = []
            for i, row in enumerate(ws.iter_rows(values_only=True)):
                if i >= MAX_ROWS:
                    raise ValueError(f"more than {MAX_ROWS:,} rows")
                rows.append([_cell_text(v) for v in row])
            merged = ()
            if small:
                merged = tuple(
                    (r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1) for r in ws.merged_cells.ranges
                )
            out.append(Sheet(ws.title, rows, merged))
        return out
    finally:
        wb.close()


def sheets_from_csv(path: Path) -> list[Sheet]:
    text, _ = _decode(path.read_bytes())
    delim = _delimiter(text)
    rows = list(csv.reader(io.StringIO(text), delimiter=delim))
    if len(rows) > MAX_ROWS:
        raise ValueError(f"more than {MAX_ROWS:,} rows")
    return [Sheet(None, rows)]


SS = "urn:schemas-microsoft-com:office:spreadsheet"


def sheets_from_spreadsheetml(path: Path) -> list[Sheet]:
    """XML Spreadsheet 2003 (what the DJPK portal serves as '.xls'), parsed with defusedxml."""
    from defusedxml import ElementTree

    root = ElementTree.parse(str(path)).getroot()
    out = []
    for ws in root.iter(f"{{{SS}}}Worksheet"):
        rows = []
        for row in ws.iter(f"{{{SS}}}Row"):
            cells: list[str] = []
            for cell in row.iter(f"{{{SS}}}Cell"):
                idx = cell.get(f"{{{SS}}}Index")
                if idx:
                    cells += [""] * (int(idx) - 1 - len(cells))
                data = cell.find(f"{{{SS}}}Data")
                cells.append("" if data is None or data.text is None else data.text)
            rows.append(cells)
            if len(rows) > MAX_ROWS:
                raise ValueError(f"more than {MAX_ROWS:,} rows")
        out.append(Sheet(ws.get(f"{{{SS}}}Name"), rows))
    return out


def _is_spreadsheetml(path: Path) -> bool:
    with path.open("rb") as f:
        head = f.read(8192)
    return b"<?xml" in head[:2048].lower() and b"urn:schemas-microsoft-com:office:spreadsheet" in head


# ---------------------------------------------------------------------------------------------
# Dispatch
# ---------------------------------------------------------------------------------------------
def read_file(path: Path, opts: Options | None = None) -> list[ReadResult]:
    """Read any supported file; always returns at least one result, with every problem found."""
    opts = opts or Options()
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return [
            ReadResult(path, issues=[Issue(name, None, None, "an existing file / berkas yang ada", "no such file")])
        ]
    if size > max_file_bytes():
        return [
            ReadResult(
                path,
                issues=[Issue(name, None, None, f"a file under {max_file_bytes() // 2**20} MB", f"{size:,} bytes")],
            )
        ]
    suffix = path.suffix.lower()
    try:
        if suffix == ".zip":
            return read_siskeudes(path, opts.tahun)
        if suffix in (".xml", ".xls") and _is_spreadsheetml(path):
            return [read_djpk(path, sheets_from_spreadsheetml(path), opts)]
        if suffix in (".xlsx", ".xlsm"):
            sheets = sheets_from_xlsx(path)
        elif suffix in (".csv", ".txt"):
            if _canonical_header(path):
                return [read_canonical(path)]
            sheets = sheets_from_csv(path)
        else:
            return [
                ReadResult(
                    path,
                    issues=[
                        Issue(
                            name,
                            None,
                            None,
                            "CSV, XLSX, XML Spreadsheet 2003 (DJPK) or a Siskeudes zip",
                            f"a '{suffix or 'no'}' file",
                        )
                    ],
                )
            ]
    except Exception as exc:  # noqa: BLE001 - a broken file must get an answer, never a traceback
        return [
            ReadResult(
                path,
                issues=[
                    Issue(
                        name,
                        None,
                        None,
                        "a readable file / berkas yang dapat dibaca",
                        f"{type(exc).__name__}: {exc}"[:300],
                    )
                ],
            )
        ]
    return [_read_sheets(path, sheets, opts)]


def _canonical_header(path: Path) -> bool:
    text, _ = _decode(path.read_bytes()[:4096])
    first = text.split("\n", 1)[0]
    delim = _delimiter(first)
    header = [h.strip().strip('"').lower() for h in first.split(delim)]
    return detect_table(header, path.name) is not None


def _read_sheets(path: Path, sheets: list[Sheet], opts: Options) -> ReadResult:
    """An XLSX/CSV that is either canonical (a header row of canonical columns) or an official summary."""
    for sh in sheets:
        for i, row in enumerate(sh.rows[:30]):
            header = [c.strip().lower() for c in row]
            table = detect_table(header, path.name)
            if table is not None:
                return _canonical_from_rows(path, sh, i, table)
    for sh in sheets:
        band = find_band(sh.rows, sh.merged)
        if band:
            return read_ringkasan(path, sh, band, opts)
    first = next((r for sh in sheets for r in sh.rows if any(c.strip() for c in r)), [])
    res = ReadResult(
        path,
        reader="unknown",
        issues=[
            Issue(
                path.name,
                None,
                None,
                "a known layout within the first 30 rows: canonical columns, a Perda summary (Kode|Uraian|Jumlah), "
                "a P-APBD summary (Kode|Uraian|Sebelum Perubahan|Setelah Perubahan, one or more header rows) or an "
                "LRA (Kode Rekening|Uraian|Anggaran|Realisasi ...) / tata letak yang dikenal",
                "unknown layout, first row: " + " | ".join(c for c in first if c)[:120],
            )
        ],
    )
    from etl.validate import _report_missing

    _report_missing(res, [c.strip().lower() for c in first])  # name the columns a near-canonical file lacks
    return res


def _canonical_from_rows(path: Path, sh: Sheet, header_i: int, table) -> ReadResult:
    header = [c.strip().lower() for c in sh.rows[header_i]]
    idx = {h: j for j, h in enumerate(header) if h}
    data = {c: [] for c in table.column_names}
    index = []
    for i, row in enumerate(sh.rows[header_i + 1 :], start=header_i + 2):
        if not any(str(c).strip() for c in row):
            continue
        for c in table.column_names:
            j = idx[c]
            data[c].append(str(row[j]).strip() if j < len(row) and row[j] is not None else "")
        index.append(i)
    df = pd.DataFrame(data, index=pd.Index(index), dtype=str)
    res = ReadResult(path, reader="canonical-xlsx", sheet=sh.name)
    return check_frame(res, normalise_amounts(df, table), table)


# ---------------------------------------------------------------------------------------------
# Official APBD summaries: Perda, SIMDA revised budget, realisation report (LRA)
# ---------------------------------------------------------------------------------------------
RE_SIMDA = re.compile(r"[4-6](\.\d){1,2}(\.\d{1,2}){0,3}")
RE_P90 = re.compile(r"[4-6](\.\d(\.\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)?)?")


def normalise_code(code: str) -> str | None:
    """Permendagri 90 account codes as they are; SIMDA's one-digit jenis (4.1.1, 4.1.1.01) padded."""
    code = code.strip().rstrip(".")
    if RE_P90.fullmatch(code):
        return code
    if RE_SIMDA.fullmatch(code):
        parts = code.split(".")
        widths = [1, 1, 2, 2, 2, 4]
        return ".".join(p.zfill(w) for p, w in zip(parts, widths))
    return None


def _title_facts(sh: Sheet, upto: int) -> tuple[int | None, str | None, int | None]:
    """Year, stage and month as the title rows above the header state them."""
    text = " ".join(c for row in sh.rows[:upto] for c in row if c).lower()
    y = re.search(r"tahun anggaran\s+(\d{4})", text) or re.search(r"\btahun\s+(\d{4})", text)
    tahun = int(y.group(1)) if y else None
    tahap = "perubahan" if "perubahan" in text else None
    m = re.search(r"(?:s\.?\s*d\.?|sampai dengan|bulan)\s+(?:\d{1,2}\s+)?(" + "|".join(MONTHS_ID) + r")", text)
    return tahun, tahap, MONTHS_ID[m.group(1)] if m else None


# The figures each layout stores; `selisih` (the P-APBD's change) is only checked.
AMOUNTS = {"perda": ("anggaran",), "perubahan": ("sebelum", "setelah", "selisih"), "lra": ("anggaran", "realisasi")}


def read_ringkasan(path: Path, sh: Sheet, band: Band, opts: Options) -> ReadResult:
    res = ReadResult(path, reader=f"ringkasan-{band.kind}", sheet=sh.name)
    name = path.name
    t_year, t_stage, t_month = _title_facts(sh, band.top)
    tahun = opts.tahun or t_year
    if tahun is None:
        res.issues.append(
            Issue(
                name,
                None,
                "tahun",
                "the year in a title row ('TAHUN ANGGARAN 2024') or --tahun",
                "no year",
                sheet=sh.name,
            )
        )
        return res
    if band.kind == "lra" and "perubahan" in band.labels[band.cols["anggaran"]]:
        t_stage = "perubahan"  # 'Anggaran Setelah Perubahan': the revised budget
    cols = {k: j for k, j in band.cols.items() if k in AMOUNTS[band.kind]}
    kode_c, uraian_c = band.cols["kode"], band.cols["uraian"]
    width = max([kode_c, uraian_c, *cols.values()]) + 1
    labels = {k: _column_label(sh, band, j) for k, j in cols.items()}
    records: list[dict] = []
    rows = sh.rows
    for i in range(band.data_start, len(rows)):
        row = rows[i] + [""] * (width - len(rows[i]))
        kode_raw, uraian = row[kode_c].strip(), " ".join(row[uraian_c].split())
        if kode_raw and not any(ch.isdigit() for ch in kode_raw):
            # A label merged across the code and name columns (JUMLAH PENDAPATAN): a line without a code.
            kode_raw, uraian = "", " ".join(f"{kode_raw} {uraian}".split())
        amounts = {}
        bad = False
        for key, j in cols.items():
            try:
                amounts[key] = parse_amount(row[j])
            except BadAmount:
                res.issues.append(
                    Issue(
                        name,
                        i + 1,
                        labels[key],
                        "an amount like 1.234.567,89, (1.000) or -",
                        repr(row[j])[:60],
                        sheet=sh.name,
                    )
                )
                bad = True
        has_amount = any(v is not None for k, v in amounts.items() if k != "selisih")
        if not kode_raw:
            if not uraian and not has_amount:
                continue
            if records and not has_amount:
                records[-1]["nama"] += " " + uraian  # a name wrapped onto the next row
                continue
            if records and not records[-1]["has_amount"] and has_amount:
                records[-1].update(amounts=amounts, has_amount=True, nama=records[-1]["nama"] + " " + uraian)
                continue
            continue  # a subtotal without a code (Jumlah Pendapatan, SURPLUS/(DEFISIT), PEMBIAYAAN NETTO)
        kode = normalise_code(kode_raw)
        if kode is None:
            res.issues.append(
                Issue(
                    name,
                    i + 1,
                    _column_label(sh, band, kode_c),
                    "an account code like 4.1.01 (or SIMDA 4.1.1)",
                    repr(kode_raw)[:40],
                    sheet=sh.name,
                )
            )
            continue
        if bad:
            continue
        records.append({"row": i + 1, "kode": kode, "nama": uraian, "amounts": amounts, "has_amount": has_amount})
    out = []
    for r in records:
        if not r["has_amount"]:
            continue  # a heading row (PENDAPATAN DAERAH) that carries no figure of its own
        a = r["amounts"]
        if band.kind == "perda":
            out.append(
                (r["row"], opts.tahap or t_stage or "murni", None, r["kode"], r["nama"], a.get("anggaran"), None)
            )
        elif band.kind == "perubahan":
            out.append((r["row"], "murni", None, r["kode"], r["nama"], a.get("sebelum"), None))
            out.append((r["row"], "perubahan", None, r["kode"], r["nama"], a.get("setelah"), None))
            _check_change(res, sh, band, r, labels)
        else:
            bulan = opts.bulan or t_month or 12
            out.append(
                (
                    r["row"],
                    opts.tahap or t_stage or "murni",
                    bulan,
                    r["kode"],
                    r["nama"],
                    a.get("anggaran"),
                    a.get("realisasi"),
                )
            )
    _check_parents(res, out, sh.name)
    if band.kind == "lra":
        for row, _t, _b, kode, _n, ang, real in out:
            if real is not None and ang is not None and kode.startswith("5") and real > ang:
                res.issues.append(
                    Issue(
                        name,
                        row,
                        "realisasi",
                        "realisasi at most the anggaran (belanja)",
                        f"{real:f} > {ang:f}",
                        level="warning",
                        sheet=sh.name,
                    )
                )
    _chart_warnings(res, [(o[0], o[3]) for o in out], sh.name)
    df = pd.DataFrame(
        {
            "tahun": [str(tahun)] * len(out),
            "tahap": [o[1] for o in out],
            "bulan": ["" if o[2] is None else str(o[2]) for o in out],
            "kode_rekening": [o[3] for o in out],
            "nama_rekening": [o[4] for o in out],
            "anggaran": [_amount_text(o[5]) for o in out],
            "realisasi": [_amount_text(o[6]) for o in out],
            "sumber": [name] * len(out),
        },
        index=pd.Index([o[0] for o in out]),
        dtype=str,
    )
    res.rows_read = len(rows)
    return check_frame(res, df, TABLES["apbd_ringkasan"])


def _column_label(sh: Sheet, band: Band, j: int) -> str:
    """A column as the file names it (group title / sub-column, as printed) and by its letter."""
    parts = []
    for r in sh.rows[band.top : band.bottom + 1]:
        t = " ".join(r[j].split()) if j < len(r) else ""
        if t and t not in parts:
            parts.append(t)
    letter = _letter(j)
    return f"{' / '.join(parts)} ({letter})" if parts else letter


def _letter(j: int) -> str:
    out = ""
    j += 1
    while j:
        j, rem = divmod(j - 1, 26)
        out = chr(65 + rem) + out
    return out


def _check_change(res: ReadResult, sh: Sheet, band: Band, r: dict, labels: dict) -> None:
    """The P-APBD's BERTAMBAH/(BERKURANG) must equal after minus before (beyond rounding)."""
    a = r["amounts"]
    if a.get("selisih") is None or a.get("sebelum") is None or a.get("setelah") is None:
        return
    want = a["setelah"] - a["sebelum"]
    if abs(want - a["selisih"]) > TOLERANCE:
        res.issues.append(
            Issue(
                res.path.name,
                r["row"],
                labels["selisih"],
                f"after minus before ({want:f}) / setelah dikurangi sebelum perubahan",
                f"{a['selisih']:f}",
                sheet=sh.name,
            )
        )


def _amount_text(v: Decimal | None) -> str:
    return "" if v is None else f"{v.quantize(Decimal('0.01')):f}"


def _check_parents(res: ReadResult, out: list[tuple], sheet: str | None) -> None:
    """A parent row must equal the sum of its direct children (beyond rounding), per stage and measure."""
    by: dict[tuple[str, str], tuple] = {}
    kids: dict[tuple[str, str], list[tuple]] = {}
    for row, tahap, _bulan, kode, _nama, ang, real in out:
        by[(tahap, kode)] = (row, ang, real)
        parent = _parent(kode)
        if parent is not None:
            kids.setdefault((tahap, parent), []).append((ang, real))
    for (tahap, kode), (row, ang, real) in by.items():
        children = kids.get((tahap, kode))
        if not children:
            continue
        for label, pos, val in (("anggaran", 0, ang), ("realisasi", 1, real)):
            vals = [c[pos] for c in children if c[pos] is not None]
            if val is None or not vals:
                continue
            total = sum(vals, Decimal(0))
            if abs(total - val) > TOLERANCE * len(vals):
                res.issues.append(
                    Issue(
                        res.path.name,
                        row,
                        label,
                        f"{kode} = the sum of its {len(vals)} sub-accounts ({total:f}) / sama dengan jumlah rinciannya",
                        f"{val:f}",
                        sheet=sheet,
                    )
                )


def _parent(kode: str) -> str | None:
    parts = kode.split(".")
    return ".".join(parts[:-1]) if len(parts) > 1 else None


def _chart_codes() -> set[str]:
    with (REFERENCE_DIR / "rekening_apbd.csv").open(encoding="utf-8") as f:
        return {r["kode"] for r in csv.DictReader(f)}


def _chart_warnings(res: ReadResult, rows: list[tuple[int, str]], sheet: str | None) -> None:
    chart = _chart_codes()
    for row, kode in rows:
        if kode not in chart:
            res.issues.append(
                Issue(
                    res.path.name,
                    row,
                    "kode",
                    "a code in the chart of accounts (rekening_apbd)",
                    kode,
                    level="warning",
                    sheet=sheet,
                )
            )


# ---------------------------------------------------------------------------------------------
# DJPK "Portal Data APBD"
# ---------------------------------------------------------------------------------------------
def _norm_name(s: str) -> str:
    s = re.sub(r"\(.*?\)", " ", s.lower())
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    s = re.sub(r"\b(belanja|pendapatan)\b", lambda m: m.group(1), s)
    return " ".join(s.split())


def _chart_names() -> list[tuple[str, str]]:
    with (REFERENCE_DIR / "rekening_apbd.csv").open(encoding="utf-8") as f:
        return [(r["kode"], _norm_name(r["nama"])) for r in csv.DictReader(f)]


def read_djpk(path: Path, sheets: list[Sheet], opts: Options) -> ReadResult:
    """Accounts named with leading spaces for depth; map each name to a code under its parent."""
    res = ReadResult(path, reader="djpk-xml")
    name = path.name
    sh = sheets[0] if sheets else Sheet(None, [])
    res.sheet = sh.name
    header_i = next((i for i, r in enumerate(sh.rows[:30]) if r and r[0].strip().lower() == "akun"), None)
    if header_i is None:
        res.issues.append(
            Issue(
                name,
                None,
                "Akun",
                "a header row Akun | Anggaran | Realisasi | Persentase",
                "no such header",
                sheet=sh.name,
            )
        )
        return res
    t_year, t_stage, t_month = _title_facts(sh, header_i)
    fy = re.search(r"(20\d{2})", name)
    tahun = opts.tahun or t_year or (int(fy.group(1)) if fy else None)
    bulan = opts.bulan or t_month
    for label, value in (("tahun", tahun), ("bulan", bulan)):
        if value is None:
            res.issues.append(
                Issue(name, None, label, f"the {label} in a title row or --{label}", "nothing", sheet=sh.name)
            )
    if tahun is None or bulan is None:
        return res
    chart = _chart_names()
    stack: list[tuple[int, str]] = []  # (indent, code)
    out = []
    for i in range(header_i + 1, len(sh.rows)):
        row = sh.rows[i] + ["", "", "", ""]
        raw = row[0]
        if not raw.strip():
            continue
        indent = len(raw) - len(raw.lstrip(" \u00a0"))
        label = raw.strip()
        try:
            ang, real = parse_amount(row[1]), parse_amount(row[2])
        except BadAmount as exc:
            res.issues.append(Issue(name, i + 1, "Anggaran/Realisasi", "an amount", repr(str(exc))[:60], sheet=sh.name))
            continue
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1] if stack else None
        key = _norm_name(label)
        candidates = [k for k, n in chart if n == key and (parent is None or _parent(k) == parent)]
        if not candidates and parent is not None:
            candidates = [k for k, n in chart if n == key and k.startswith(parent + ".")]
        if len(candidates) != 1:
            res.issues.append(
                Issue(
                    name,
                    i + 1,
                    "Akun",
                    "a name that maps to one account in the chart",
                    f"{label!r} ({'no match' if not candidates else 'ambiguous'})",
                    level="warning",
                    sheet=sh.name,
                )
            )
            stack.append((indent, parent or ""))
            continue
        kode = candidates[0]
        stack.append((indent, kode))
        out.append((i + 1, opts.tahap or t_stage or "murni", bulan, kode, label, ang, real))
    _check_parents(res, out, sh.name)
    df = pd.DataFrame(
        {
            "tahun": [str(tahun)] * len(out),
            "tahap": [o[1] for o in out],
            "bulan": [str(o[2]) for o in out],
            "kode_rekening": [o[3] for o in out],
            "nama_rekening": [o[4] for o in out],
            "anggaran": [_amount_text(o[5]) for o in out],
            "realisasi": [_amount_text(o[6]) for o in out],
            "sumber": [name] * len(out),
        },
        index=pd.Index([o[0] for o in out]),
        dtype=str,
    )
    res.rows_read = len(sh.rows)
    return check_frame(res, df, TABLES["apbd_ringkasan"])
