"""Amounts as official spreadsheets print them: 1.769.326.979.259,00 or 1,234,567.89 or 1234567.89;
negatives in parentheses (5.973.026.487,00) or with a minus; '-' for zero."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_CLEAN = re.compile(r"[\s\u00a0]|^Rp\.?", re.IGNORECASE)


class BadAmount(ValueError):
    pass


def parse_amount(text: object) -> Decimal | None:
    """A Decimal, or None for an empty cell; raises BadAmount for anything else."""
    if text is None:
        return None
    if isinstance(text, (int, Decimal)):
        return Decimal(text)
    if isinstance(text, float):
        return Decimal(repr(text))
    s = _CLEAN.sub("", str(text))
    if s == "":
        return None
    if s in ("-", "\u2013", "\u2014"):
        return Decimal(0)
    neg = False
    if s.startswith("(") and s.endswith(")"):
        neg, s = True, s[1:-1]
    if s.startswith("-"):
        neg, s = not neg, s[1:]
    if "." in s and "," in s:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        sep = "," if dec == "." else "."
        whole = s[: s.rfind(dec)]
        if not re.fullmatch(r"\d{1,3}(" + re.escape(sep) + r"\d{3})+", whole):
            raise BadAmount(str(text))  # irregular digit grouping: refuse rather than guess
        s = whole.replace(sep, "") + "." + s[s.rfind(dec) + 1 :]
    elif "," in s:
        s = s.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", s) else s.replace(",", ".")
    elif "." in s and re.fullmatch(r"\d{1,3}(\.\d{3})+", s):
        s = s.replace(".", "")  # 1.234 is Indonesian thousands: budgets never carry 3 decimals
    if not re.fullmatch(r"\d+(\.\d+)?", s):
        raise BadAmount(str(text))
    try:
        value = Decimal(s)
    except InvalidOperation as exc:
        raise BadAmount(str(text)) from exc
    return -value if neg else value


def canonical_amount(text: object) -> str:
    """Canonical text for an amount, or the input unchanged when it does not parse."""
    try:
        v = parse_amount(text)
    except BadAmount:
        return str(text)
    if v is None:
        return ""
    q = v.quantize(Decimal("0.01")) if v == v.quantize(Decimal("0.01")) else v
    return f"{q:f}"
