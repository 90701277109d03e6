"""One node of the APBD explorer (`/apbd`) as plain values.

`apbd_node(tahun, tahap, years, node params, lainnya, hal)` decides what the page shows for a node of
one of the five hierarchies (organisation, economic account, function, income, income by OPD): the
breadcrumbs, the node's budget, realisation and absorption, the change from the original budget
(murni) and from last year, the reconciliation with a loaded official summary, the children (or,
for a year with no line items, the summary's accounts), the chart and table windows over them, a
line item's particulars, and the node's history by year and month.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from budget import explorer as ex
from budget import queries
from models.desa import cumulative as _cumulative

CHART_N = 12  # children drawn in the charts at once; the rest are grouped ("lainnya")
TABLE_PAGE = 50  # children per table page


@dataclass(frozen=True)
class Crumb:
    node: ex.Node
    level: str  # root | tanpa | item | skpd | program | ...
    code: str
    nama: str | None  # None for root and tanpa (their labels are words of the UI)


@dataclass(frozen=True)
class Official:
    """The official summary's figure for this node beside the line items' total."""

    kode: str
    sumber: str
    theirs: Decimal
    ours: Decimal

    @property
    def difference(self) -> Decimal:
        return self.ours - self.theirs


@dataclass(frozen=True)
class LineDetail:
    """A line item's particulars: (level, text) pairs, the sumber dana last."""

    rows: list[tuple[str, str | None]]


@dataclass(frozen=True)
class History:
    years: list[int]
    budget: list[Decimal | None]  # the latest stage's budget by year
    realised: list[Decimal | None]  # by year
    actual: list[Decimal | None]  # this year's cumulative realisation by month
    plan: list[Decimal] | None  # this year's cumulative cash plan by month (None: no plan for the node)


@dataclass(frozen=True)
class ApbdNode:
    tahun: int
    tahap: str
    illustrative: bool
    node: ex.Node | None  # None when the URL named no valid node
    bad_param: str | None = None
    missing: str | None = None  # the node named in the URL has no budget this year and stage
    summary_only: bool = False  # no line items for the year and stage: the official summary instead
    crumbs: list[Crumb] = field(default_factory=list)
    anggaran: Decimal = Decimal(0)
    realisasi: Decimal = Decimal(0)
    as_of_month: int | None = None
    murni: Decimal | None = None  # both stages' budgets, when the year has both
    perubahan: Decimal | None = None
    has_previous_year: bool = False  # last year is loaded
    previous: Decimal | None = None  # last year's final budget for the node (None/0: none)
    official: Official | None = None
    child_level: str = "none"
    children: list[ex.Child] = field(default_factory=list)
    children_anggaran: Decimal = Decimal(0)
    children_realisasi: Decimal = Decimal(0)
    chart_offset: int = 0
    table_page: int = 1
    line: LineDetail | None = None
    history: History | None = None

    @property
    def found(self) -> bool:
        return self.node is not None and self.missing is None

    @property
    def serapan(self) -> Decimal | None:
        return self.realisasi / self.anggaran * 100 if self.anggaran else None

    @property
    def title(self) -> Crumb:
        return self.crumbs[-1]

    @property
    def table_pages(self) -> int:
        return max(1, -(-len(self.children) // TABLE_PAGE))

    @property
    def table_start(self) -> int:
        return (self.table_page - 1) * TABLE_PAGE

    @property
    def chart_end(self) -> int:
        return min(self.chart_offset + CHART_N, len(self.children))


def crumbs(node: ex.Node, nm: dict[str, str]) -> list[Crumb]:
    out = []
    for n, level, code in ex.crumbs(node):
        if level in ("root", "tanpa"):
            nama = None
        elif level == "item":
            nama = f"{nm.get(n.rek, n.rek)}" + (f" ({n.sd})" if n.sd else "")
        else:
            nama = nm.get(code, code)
        out.append(Crumb(n, level, code, nama))
    return out


def _official(tahun: int, tahap: str, node: ex.Node, ours: Decimal | None) -> Official | None:
    if node.dim not in ("ekonomi", "pendapatan") or node.skpd or node.tanpa:
        return None
    if not queries.has_line_items(tahun, tahap):
        return None  # nothing to reconcile: the page already shows the summary itself
    kode = node.kode or ex.AKUN[node.dim]
    off = ex.official_figure(tahun, tahap, kode)
    if off is None or ours is None:
        return None
    return Official(kode, off[1], off[0], ours)


def _line(node: ex.Node, nm: dict[str, str]) -> LineDetail:
    rows = [("skpd", nm.get(node.skpd or "", node.skpd)), ("sumber", node.sd or "–")]
    if node.kode:
        for level, n in (("program", 7), ("kegiatan", 12), ("sub_kegiatan", 17)):
            rows.insert(-1, (level, f"{node.kode[:n]} {nm.get(node.kode[:n], '')}"))
    rows.insert(-1, ("kode", f"{node.rek} {nm.get(node.rek or '', '')}"))
    return LineDetail(rows)


def _history(tahun: int, years: list[int], node: ex.Node, totals: list, realised: dict) -> History:
    ys = sorted(years)
    latest = {y: v for y, s, v in sorted(totals, key=lambda x: (x[0], x[1]))}  # perubahan sorts after murni
    real, plan = ex.monthly(tahun, node)
    return History(
        years=ys,
        budget=[latest.get(y) for y in ys],
        realised=[realised.get(y, (None, 0))[0] for y in ys],
        actual=_cumulative(real),
        plan=_cumulative(plan) if plan else None,
    )


def _missing(tahun: int, tahap: str, node: ex.Node) -> str | None:
    summary_node = (
        node.dim in ("ekonomi", "pendapatan") and node.kode and ex.official_figure(tahun, tahap, node.kode) is not None
    )
    if (node.skpd or node.kode) and not ex.exists(tahun, tahap, node) and not summary_node:
        return " / ".join(x for x in (node.skpd, node.kode, node.rek) if x)
    return None


def apbd_node(
    tahun: int,
    tahap: str,
    years: list[int],
    dim=None,
    skpd=None,
    kode=None,
    rek=None,
    sd=None,
    tanpa=None,
    lainnya: int = 0,
    hal: int = 1,
) -> ApbdNode:
    """`tahun`, `tahap` and `years` must be checked; the node parameters are checked here."""
    base = {"tahun": tahun, "tahap": tahap, "illustrative": queries.is_illustrative(tahun)}
    try:
        node = ex.parse_node(dim, skpd, kode, rek, sd, tanpa)
        ex.child_level(node)
    except ex.BadNode as exc:
        return ApbdNode(node=None, bad_param=str(exc), **base)
    missing = _missing(tahun, tahap, node)
    if missing is not None:
        return ApbdNode(node=node, missing=missing, **base)
    nm = ex.names(node)
    ch = ex.children(tahun, tahap, node)
    summary_only = False
    if not ch.rows and not queries.has_line_items(tahun, tahap):
        # No line items for this year and tahap: show the deepest level there is, the official summary.
        summary_only = True
        summary = ex.summary_children(tahun, tahap, node)
        if summary is not None and summary.rows:
            ch = summary
    totals, realised = ex.totals_by_year(node), ex.realised_by_year(node)
    if ch.level == "summary":
        # The node's own figure comes from the summary too (the line items have none this year).
        off = ex.official_figure(tahun, tahap, node.kode or ex.AKUN[node.dim])
        figure = off[0] if off else ch.anggaran
        totals = [x for x in totals if (x[0], x[1]) != (tahun, tahap)] + [(tahun, tahap, figure)]
    by = {(y, s): v for y, s, v in totals}
    anggaran = by.get((tahun, tahap), Decimal(0))
    real, last = realised.get(tahun, (Decimal(0), None))
    previous = max((v for (y, s), v in by.items() if y == tahun - 1 and s == "perubahan"), default=None)
    offset = lainnya * CHART_N
    pages = max(1, -(-len(ch.rows) // TABLE_PAGE))
    return ApbdNode(
        node=node,
        summary_only=summary_only,
        crumbs=crumbs(node, nm),
        anggaran=anggaran,
        realisasi=real,
        as_of_month=last,
        murni=by.get((tahun, "murni")) if by.get((tahun, "perubahan")) is not None else None,
        perubahan=by.get((tahun, "perubahan")) if by.get((tahun, "murni")) is not None else None,
        has_previous_year=tahun - 1 in years,
        previous=previous or by.get((tahun - 1, "murni")),
        official=_official(tahun, tahap, node, next((v for y, s, v in totals if y == tahun and s == tahap), None)),
        child_level=ch.level,
        children=ch.rows,
        children_anggaran=ch.anggaran,
        children_realisasi=ch.realisasi,
        chart_offset=offset if offset < len(ch.rows) else 0,
        table_page=min(hal, pages),
        line=_line(node, nm) if ch.level == "none" else None,
        history=_history(tahun, years, node, totals, realised),
        **base,
    )
