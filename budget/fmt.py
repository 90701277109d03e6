"""Number formats the Indonesian way (babel's CLDR data): Rp1,82 T, Rp456,7 M, Rp12,3 jt and
full figures Rp1.769.326.979.259; English gets Rp1.82T, Rp456.7B, Rp12.3M."""

from __future__ import annotations

import math
from decimal import Decimal

from babel.numbers import format_compact_decimal, format_decimal

LOCALES = {"id": "id_ID", "en": "en_US"}
NBSP = "\u00a0"


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["id"])


def rupiah(value: Decimal | float | int | None, lang: str = "id") -> str:
    """Short form for KPIs and chart labels: about three significant digits."""
    if value is None:
        return "–"
    v = Decimal(value)
    a = abs(v)
    if a < 1000:
        return "Rp" + format_decimal(v, format="#,##0", locale=_locale(lang))
    int_digits = int(math.floor(math.log10(a))) % 3 + 1
    text = format_compact_decimal(v, locale=_locale(lang), fraction_digits=2 if int_digits == 1 else 1)
    return "Rp" + text.replace(" ", NBSP)


def rupiah_full(value: Decimal | float | int | None, lang: str = "id") -> str:
    """Every rupiah, and the sen only when there are any: Rp1.958.746.736.810,77."""
    if value is None:
        return "–"
    v = Decimal(value)
    fmt = "#,##0" if v == v.to_integral_value() else "#,##0.00"
    return "Rp" + format_decimal(v, format=fmt, locale=_locale(lang))


def percent(value: Decimal | float | None, lang: str = "id", digits: int = 2) -> str:
    """A value already in percent (93.43 -> '93,43%')."""
    if value is None:
        return "–"
    fmt = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(Decimal(value), format=fmt, locale=_locale(lang)) + "%"


def file_size(n_bytes: int, lang: str = "id") -> str:
    """A file size for people: 48,3 MB / 1.336 kB."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n_bytes >= scale:
            return format_decimal(round(n_bytes / scale, 1), format="#,##0.#", locale=_locale(lang)) + " " + unit
    return f"{n_bytes} B"


def number(value: int | float | Decimal | None, lang: str = "id") -> str:
    if value is None:
        return "–"
    return format_decimal(value, locale=_locale(lang))
