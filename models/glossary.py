"""The glossary's examples: each term's sentence with its figures from the published data (the newest year
and its final stage), computed once per data version."""

from __future__ import annotations

import functools
from decimal import Decimal

from budget import db, queries
from budget import desa as dq
from budget import explorer as ex
from budget.db import DataUnavailable, QueryTimeout
from budget.fmt import number, percent, rupiah
from budget.glossary import Term
from budget.i18n import month
from models.home import home_page


def example(term: Term, lang: str) -> str | None:
    """The example sentence, with its figure from the published data (None when there is none)."""
    if not term.contoh:
        return None
    values = example_values(term.contoh, lang)
    if values is None:
        return None
    return term.example_sentence(lang).format(**values)


@functools.lru_cache(maxsize=4)
def _home(version: str, tahun: int, tahap: str):
    """The regency summary the examples quote, once per data version (not once per term and language)."""
    years = queries.years()
    return home_page(tahun, tahap, years, queries.stages(tahun))


@functools.lru_cache(maxsize=4)
def _villages(version: str, tahun: int, tahap: str):
    return dq.villages(tahun, tahap)


def example_values(spec: str, lang: str) -> dict | None:
    """The figures an example names, for the newest year and its final stage, formatted for `lang`."""
    try:
        years = queries.years()
        if not years:
            return None
        tahun = years[0]
        stages = queries.stages(tahun)
        tahap = stages[-1]
        base = {"tahun": tahun, "tahap": tahap}
        kind, _, arg = spec.partition(":")
        if kind == "home":
            p = _home(db.data_version(), tahun, tahap)
            base["bulan"] = month(p.as_of_month, lang) if p.as_of_month else "–"
            if arg == "opd_count":
                return {**base, "count": number(p.opd_count, lang)}
            if arg == "rencana":
                return {**base, "value": percent(p.plan_share_to_date, lang, 1)} if p.plan_share_to_date else None
            value = getattr(p, arg)
            if value is None:
                return None
            return {**base, "value": percent(value, lang, 1) if arg == "serapan" else rupiah(value, lang)}
        if kind == "stage":
            for t in years:
                both = {s: v for y, s, v in ex.totals_by_year(ex.Node("org")) if y == t}
                if arg in both:
                    return {"tahun": t, "tahap": arg, "value": rupiah(both[arg], lang)}
            return None
        if kind == "node":
            dim, _, kode = arg.partition(":")
            node = ex.parse_node(dim, kode=kode)
            value = next((v for y, s, v in ex.totals_by_year(node) if y == tahun and s == tahap), None)
            return {**base, "value": rupiah(value, lang)} if value else None
        if kind == "villages":
            rows = _villages(db.data_version(), tahun, tahap)
            total = sum((getattr(v, arg) for v in rows), Decimal(0))
            return {**base, "count": number(len(rows), lang), "value": rupiah(total, lang)} if rows else None
    except (DataUnavailable, QueryTimeout, ValueError):
        return None
    return None
