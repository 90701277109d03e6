"""Turn untrusted URL parameters into a checked page state (allow-lists from the data): the one resolver
the Dash pages, the light pages, the share cards and the API's pages share."""

from __future__ import annotations

from dataclasses import dataclass, field

from budget import queries
from budget.db import DataUnavailable
from budget.i18n import norm_lang, t


@dataclass
class PageState:
    lang: str
    tahun: int | None = None
    tahap: str | None = None
    years: list[int] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # shown on the page, never raised
    year_missing: bool = False


def resolve(tahun: object = None, tahap: object = None, lang: object = None) -> PageState:
    """Check year and tahap against what the database holds; fall back and say so."""
    st = PageState(lang=norm_lang(lang))
    st.years = queries.years()
    if not st.years:
        raise DataUnavailable("no APBD data")
    if tahun in (None, ""):
        st.tahun = st.years[0]
    else:
        try:
            value = int(str(tahun))
        except ValueError:
            value = None
        if value in st.years:
            st.tahun = value
        else:
            st.year_missing = True
            st.problems.append(
                t("notice.year_not_found", st.lang, value=str(tahun)[:12], years=", ".join(map(str, sorted(st.years))))
            )
            return st
    st.stages = queries.stages(st.tahun)
    if tahap in (None, ""):
        st.tahap = st.stages[-1]
    elif tahap in st.stages:
        st.tahap = str(tahap)
    else:
        st.tahap = st.stages[-1]
        st.problems.append(
            t(
                "notice.tahap_not_found",
                st.lang,
                value=str(tahap)[:20],
                tahun=st.tahun,
                tahap=t(f"tahap.{st.tahap}", st.lang),
            )
        )
    return st
