"""Table downloads (CSV and XLSX) that name their filters and cannot smuggle spreadsheet formulas."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


def to_csv(filters: list[tuple[str, str]], header: list[str], rows: list[list[object]]) -> str:
    """Filter lines first (`# name: value`), a blank line, then the table; amounts as plain decimals."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for name, value in filters:
        w.writerow([neutralise(f"# {name}: {value}")])
    w.writerow([])
    w.writerow([neutralise(h) for h in header])
    for r in rows:
        w.writerow([f"{v:f}" if isinstance(v, Decimal) else neutralise("" if v is None else v) for v in r])
    return buf.getvalue()


def to_xlsx(title: str, filters: list[tuple[str, str]], header: list[str], rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    for name, value in filters:
        ws.append([neutralise(name), neutralise(str(value))])
    ws.append([])
    ws.append([neutralise(h) for h in header])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append([v if isinstance(v, Decimal) else neutralise("" if v is None else v) for v in r])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, Decimal):
                cell.number_format = "#,##0.00"
    for col, width in zip("ABCDEFG", (22, 60, 20, 20, 10, 20, 40)):
        ws.column_dimensions[col].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
