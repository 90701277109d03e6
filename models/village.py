"""The village page (`/desa/<kode>`) as plain values: everything it says, decided here, once.

`village_page(tahun, tahap, kode)` calls the query layer and returns a `VillagePage`. The Dash renderer
(`components/village.py`) and, later, the light server-rendered page both draw it, so what the page
says cannot drift between them. No Dash, no HTML, no formatting: numbers stay Decimal, months stay
numbers, and the renderers format them in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from budget import desa as dq
from budget import queries

Kind = Literal["village", "kelurahan", "not_found", "no_budget"]
LARGEST_KEGIATAN = 5


@dataclass(frozen=True)
class Income:
    sumber: str  # source code: dd, add, pbh, bkk, bkp, pades, lain (named by the renderer)
    anggaran: Decimal
    realisasi: Decimal


@dataclass(frozen=True)
class Bidang:
    kode: str
    nama: str  # "Penyelenggaraan Pemerintahan Desa" (the word "Bidang" dropped)
    anggaran: Decimal
    share: Decimal | None  # percent of the village's belanja


@dataclass(frozen=True)
class Kegiatan:
    kode: str
    nama: str
    anggaran: Decimal
    realisasi: Decimal


@dataclass(frozen=True)
class YearTotal:
    tahun: int
    anggaran: Decimal | None
    realisasi: Decimal | None


@dataclass(frozen=True)
class VillagePage:
    kind: Kind
    kode: str  # as asked (not-found pages echo it, shortened)
    tahun: int
    tahap: str
    nama: str = ""
    kecamatan: str = ""
    kode_kecamatan: str = ""
    kode_opd_kecamatan: str | None = None  # where a kelurahan's budget lives (its kecamatan office)
    illustrative: bool = False
    as_of_month: int | None = None  # the last month with realisation this year
    belanja: Decimal = Decimal(0)
    realisasi: Decimal = Decimal(0)
    serapan: Decimal | None = None  # percent
    income: list[Income] = field(default_factory=list)
    bidang: list[Bidang] = field(default_factory=list)
    largest: list[Kegiatan] = field(default_factory=list)
    history: list[YearTotal] = field(default_factory=list)  # oldest first
    per_resident: Decimal | None = None  # belanja per (estimated) resident
    median_kecamatan: Decimal | None = None
    median_kabupaten: Decimal | None = None


def village_page(tahun: int, tahap: str, kode: object) -> VillagePage:
    """The page for `kode` (untrusted: anything that is not a known desa/kelurahan code is not found)."""
    text = str(kode or "")
    ref = dq.village_ref(text) if dq.RE_DESA.fullmatch(text) else None
    base = {"kode": text[:30], "tahun": tahun, "tahap": tahap, "illustrative": queries.is_illustrative(tahun)}
    if ref is None:
        return VillagePage(kind="not_found", **base)
    base.update(
        kode=ref["kode"],
        nama=ref["nama"],
        kecamatan=ref["kecamatan"],
        kode_kecamatan=ref["kode_kecamatan"],
        kode_opd_kecamatan=ref["kode_opd_kecamatan"],
    )
    if ref["jenis"] == "kelurahan":
        return VillagePage(kind="kelurahan", **base)
    vs = dq.villages(tahun, tahap)
    me = next((v for v in vs if v.kode == ref["kode"]), None)
    if me is None:
        return VillagePage(kind="no_budget", **base)
    node = dq.DesaNode(ref["kode_kecamatan"], ref["kode"])
    spend = dq.children(tahun, tahap, node)
    total = spend.anggaran
    hist = dq.totals_by_year(node)
    return VillagePage(
        kind="village",
        **base,
        as_of_month=queries.last_month(tahun, "apbdes_realisasi", kode_desa=kode),
        belanja=me.belanja,
        realisasi=me.realisasi,
        serapan=me.serapan,
        income=[Income(s, a, r) for s, a, r in dq.income_by_source(tahun, tahap, node)],
        bidang=[
            Bidang(r.key, r.nama.replace("Bidang ", ""), r.anggaran, r.anggaran / total * 100 if total else None)
            for r in spend.rows
        ],
        largest=[Kegiatan(*r) for r in dq.kegiatan_ranking(tahun, tahap, ref["kode"], LARGEST_KEGIATAN)],
        history=[YearTotal(y, *hist[y]) for y in sorted(hist)],
        per_resident=me.per_resident,
        median_kecamatan=dq.median([v.per_resident for v in vs if v.kode_kecamatan == ref["kode_kecamatan"]]),
        median_kabupaten=dq.median([v.per_resident for v in vs]),
    )
