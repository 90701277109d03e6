"""Technical words on the interactive pages explain themselves: each is a link to its glossary entry
(`/istilah#key`, one tap on a phone) with the explanation as its tooltip on a desktop. The words come
from the one glossary file (`budget/glossary.py`)."""

from __future__ import annotations

from dash import html

from budget import glossary
from budget.i18n import t


def term(text, key: str, lang: str, **kw) -> html.A | str:
    """`text` (a KPI title, a column header, a slide's word) linked to the explanation of `key`."""
    g = glossary.term(key)
    if g is None:
        return text
    return html.A(
        text,
        href=f"/istilah{'?lang=en' if lang == 'en' else ''}#{key}",
        title=g.text(lang),
        className="term-link",
        **kw,
    )


def strip(keys: list[str], lang: str, id: str | None = None) -> html.Div:
    """A line of the page's terms ("What the words mean: serapan · anggaran kas"), each a glossary link."""
    items: list = [html.Span(t("g.explain", lang) + " ", className="me-1")]
    for i, key in enumerate(keys):
        g = glossary.term(key)
        if g is None:
            continue
        if i:
            items.append(" · ")
        items.append(term(g.name(lang), key, lang))
    return html.Div(items, className="term-strip small", **({"id": id} if id else {}))
