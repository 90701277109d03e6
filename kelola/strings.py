"""The console's words: the `kelola.*` messages of the one catalogue (`locale/`, see `budget/i18n.py`)."""

from __future__ import annotations

from budget.i18n import t


def k(key: str, lang: str, **values) -> str:
    return t("kelola." + key, lang, **values)
