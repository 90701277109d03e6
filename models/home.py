"""The overview page (`/`), the regency summary, as plain values.

`home_page(tahun, tahap, years)` returns everything the overview shows: the KPIs, the cumulative
realisation against the cash plan (and last year's), and the reconciliation with an official summary
where one is loaded. The Dash renderer (`components/home.py`) and the light resident pages draw it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from budget import explorer as ex
from budget import queries

LARGEST_OPD = 5  # the largest spending agencies a resident's summary names


@dataclass(frozen=True)
class Reconciled:
    pos: str  # pendapatan | belanja | realisasi
    ours: Decimal
    theirs: Decimal

    @property
    def difference(self) -> Decimal:
        return self.ours - self.theirs


@dataclass(frozen=True)
class Share:
    """One part of the year's spending: a kind of spending (kelompok belanja) or an agency (OPD)."""

    kode: str
    nama: str
    anggaran: Decimal
    realisasi: Decimal
    share: Decimal | None  # percent of all spending


@dataclass(frozen=True)
class HomePage:
    tahun: int
    tahap: str
    stages: list[str]
    illustrative: bool
    as_of_month: int | None  # last month with realisation; None before the first
    pendapatan: Decimal
    realisasi_pendapatan: Decimal
    capaian_pendapatan: Decimal | None  # percent
    belanja: Decimal
    realisasi_belanja: Decimal
    serapan: Decimal | None  # percent
    plan_share_to_date: Decimal | None  # the cash plan to the as-of month, percent of belanja
    pembiayaan_netto: Decimal
    penerimaan_pembiayaan: Decimal
    pengeluaran_pembiayaan: Decimal
    actual: list[Decimal | None]  # cumulative realisation by month (1..12), None after the as-of month
    plan: list[Decimal | None]  # cumulative cash plan by month
    previous: list[Decimal | None] | None  # last year's cumulative realisation, when that year is loaded
    official_source: str | None = None  # an official summary for this year and stage
    summary_only: bool = False  # only the official summary, no line items
    reconciliation: list[Reconciled] = field(default_factory=list)
    by_kind: list[Share] = field(default_factory=list)  # belanja by kelompok (operasi, modal, ...)
    largest_opd: list[Share] = field(default_factory=list)  # the LARGEST_OPD largest agencies
    opd_count: int = 0  # agencies with a belanja budget


def cumulative(values: list) -> list:
    out, run = [], None
    for v in values:
        if v is not None:
            run = (run or 0) + v
        out.append(run)
    return out


def _shares(tahun: int, tahap: str, node: ex.Node, total: Decimal) -> list[Share]:
    rows = [r for r in ex.children(tahun, tahap, node).rows if r.key and not r.rest_count]
    return [
        Share(r.kode, r.nama or r.kode, r.anggaran, r.realisasi, r.anggaran / total * 100 if total else None)
        for r in sorted(rows, key=lambda r: -r.anggaran)
    ]


def home_page(tahun: int, tahap: str, years: list[int], stages: list[str]) -> HomePage:
    ov = queries.overview(tahun, tahap)
    monthly = queries.monthly_belanja(tahun)
    last = ov.bulan_terakhir
    actual = [v if (last and m <= last) else None for m, v in zip(range(1, 13), cumulative([r for _, r, _ in monthly]))]
    plan = cumulative([k for _, _, k in monthly])
    previous = cumulative([r for _, r, _ in queries.monthly_belanja(tahun - 1)]) if tahun - 1 in years else None
    plan_to_date = plan[last - 1] if last else None
    off = queries.official(tahun, tahap)
    recon: list[Reconciled] = []
    summary_only = False
    if off is not None:
        summary_only = not queries.has_line_items(tahun, tahap)
        if not summary_only:
            pairs = (
                ("pendapatan", ov.pendapatan, off.pendapatan),
                ("belanja", ov.belanja, off.belanja),
                # realisation compares only when both stop at the same month
                ("realisasi", ov.realisasi_belanja if off.bulan == last else None, off.realisasi_belanja),
            )
            recon = [
                Reconciled(pos, ours, theirs) for pos, ours, theirs in pairs if ours is not None and theirs is not None
            ]
    opds = _shares(tahun, tahap, ex.Node("org"), ov.belanja)
    return HomePage(
        by_kind=_shares(tahun, tahap, ex.Node("ekonomi"), ov.belanja),
        largest_opd=opds[:LARGEST_OPD],
        opd_count=len(opds),
        tahun=tahun,
        tahap=tahap,
        stages=list(stages),
        illustrative=queries.is_illustrative(tahun),
        as_of_month=last,
        pendapatan=ov.pendapatan,
        realisasi_pendapatan=ov.realisasi_pendapatan,
        capaian_pendapatan=ov.capaian_pendapatan,
        belanja=ov.belanja,
        realisasi_belanja=ov.realisasi_belanja,
        serapan=ov.serapan,
        plan_share_to_date=plan_to_date / ov.belanja * 100 if plan_to_date and ov.belanja else None,
        pembiayaan_netto=ov.pembiayaan_netto,
        penerimaan_pembiayaan=ov.penerimaan_pembiayaan,
        pengeluaran_pembiayaan=ov.pengeluaran_pembiayaan,
        actual=actual,
        plan=plan,
        previous=previous,
        official_source=off.sumber if off is not None else None,
        summary_only=summary_only,
        reconciliation=recon,
    )
