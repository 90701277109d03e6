"""URLs carry every piece of page state, so any view can be pasted into a chat and reopen."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode

STATE_KEYS = ("tahun", "lang")  # carried from page to page by the navbar


def parse_search(search: str | None) -> dict[str, str]:
    """First value of each query parameter; unknown keys are kept for the page to reject."""
    q = parse_qs((search or "").lstrip("?"), keep_blank_values=False)
    return {k: v[0] for k, v in q.items() if v}


def href(path: str, params: dict[str, object] | None = None, **overrides: object) -> str:
    merged = {**(params or {}), **overrides}
    clean = {k: v for k, v in merged.items() if v not in (None, "")}
    if clean.get("lang") == "id":
        clean.pop("lang")  # Indonesian is the default: keep URLs short
    return path + ("?" + urlencode(clean) if clean else "")


def carried(params: dict[str, object]) -> dict[str, object]:
    return {k: params[k] for k in STATE_KEYS if params.get(k)}


# Every URL parameter a page reads (its state). The rest of a query string (`fbclid`, `utm_*`, typos) is
# never carried into links or cache keys; tests/test_cache.py checks that every page renderer's named
# parameters are here.
STATE_PARAMS = frozenset(
    {
        "tahun", "tahap", "lang",  # every page
        "dim", "skpd", "kode", "rek", "sd", "tanpa", "lainnya", "hal",  # /apbd
        "kec", "desa", "urut", "ukuran", "semua",  # /desa
        "unit", "bulan", "tw", "waspada", "kritis",  # /serapan
        "slide",  # /rapat/<slide>
    }
)  # fmt: skip


def state_params(params: dict) -> dict:
    """`params` without the parameters no page reads."""
    return {k: v for k, v in params.items() if k in STATE_PARAMS}
