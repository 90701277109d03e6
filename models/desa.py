"""The village drill (`/desa`): from all villages of the regency to a kecamatan, a village, a bidang,
a kegiatan and a line item, as plain values.

`desa_drill(tahun, tahap, node params, sort, measure, show_all, lainnya)` decides what the page shows:
the breadcrumbs, the node's budget, realisation and absorption, its children (for the linked charts and
the table), income by source, and - above village level - the village ranking (sorted, truncated, with
the laggards counted) and the map's values; at a village, its monthly realisation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from budget import desa as dq
from budget import queries
from budget.geo import village_polygons

CHART_N = 12  # children drawn in the charts at once; the rest are grouped ("lainnya")
RANK_N = 25  # villages listed before "show all"
LAGGING_PCT = Decimal(50)  # absorption under this counts as lagging
SORTS = ("serapan", "per_warga", "perubahan", "b01", "b02", "b03", "b04", "b05")
MEASURES = ("serapan", "per_warga", "dana_desa")


@dataclass(frozen=True)
class Crumb:
    node: dq.DesaNode
    level: str  # root | kecamatan | desa | bidang | ... | item
    nama: str | None  # None at the root


@dataclass(frozen=True)
class MapPoint:
    kode: str
    nama: str
    kecamatan: str
    lat: float | None
    lng: float | None
    value: Decimal | None  # colours the village; None = no colour
    shown: Decimal | None  # the figure the hover shows


@dataclass(frozen=True)
class Ranking:
    sort: str  # one of SORTS
    measure: str  # one of MEASURES
    sort_chosen: bool  # the URL chose the sort (it is kept in the measure links)
    measure_chosen: bool
    villages: list[dq.Village]  # shown, in order
    total: int  # villages ranked (more than shown when truncated)
    lagging: int  # villages under LAGGING_PCT absorption
    bidang: str | None  # the bidang whose share the table shows when sorted by one (else 02)
    points: list[MapPoint]
    polygons: dict | None  # boundary polygons by kode_desa, when configured

    @property
    def truncated(self) -> bool:
        return len(self.villages) < self.total


@dataclass(frozen=True)
class Income:
    where_level: str  # desa | kecamatan | regency
    where: str | None  # the village's or kecamatan's name
    rows: list[tuple[str, Decimal, Decimal]]  # source, anggaran, realisasi

    @property
    def anggaran(self) -> Decimal:
        return sum((a for _, a, _ in self.rows), Decimal(0))

    @property
    def realisasi(self) -> Decimal:
        return sum((r for _, _, r in self.rows), Decimal(0))


@dataclass(frozen=True)
class DesaDrill:
    tahun: int
    tahap: str
    illustrative: bool
    node: dq.DesaNode | None  # None when the URL named no valid node
    bad_param: str | None = None  # what was wrong with the URL's node parameters
    missing: str | None = None  # a kecamatan or village with no budget this year and stage
    crumbs: list[Crumb] = field(default_factory=list)
    anggaran: Decimal = Decimal(0)
    realisasi: Decimal = Decimal(0)
    as_of_month: int | None = None
    village: tuple[str, str] | None = None  # (kode, nama) when the node is a whole village
    child_level: str = "none"
    children: list[dq.Child] = field(default_factory=list)
    chart_offset: int = 0  # the first child the charts show
    income: Income | None = None
    ranking: Ranking | None = None
    monthly: list[Decimal | None] | None = None  # a village's cumulative realisation by month

    @property
    def found(self) -> bool:
        return self.node is not None and self.missing is None

    @property
    def serapan(self) -> Decimal | None:
        return self.realisasi / self.anggaran * 100 if self.anggaran else None

    @property
    def title(self) -> Crumb:
        return self.crumbs[-1]

    def name_at(self, level: str) -> str | None:
        """The name of the kecamatan or village on the path (None when the path has none)."""
        return next((c.nama for c in self.crumbs if c.level == level), None)


def _crumbs(node: dq.DesaNode, nm: dict[str, str]) -> list[Crumb]:
    out = []
    for n, level, code in dq.crumbs(node):
        if level == "root":
            nama = None
        elif level == "item":
            nama = nm.get(node.rek or "", node.rek or "") + (f" ({node.sd})" if node.sd else "")
        else:
            nama = nm.get(code, code)
        out.append(Crumb(n, level, nama))
    return out


def _sort_value(v: dq.Village, key: str) -> Decimal | None:
    if key == "serapan":
        return v.serapan
    if key == "per_warga":
        return v.per_resident
    if key == "perubahan":
        return v.change
    return v.bidang_share(key[1:])


def _point(v: dq.Village, measure: str) -> MapPoint:
    if measure == "per_warga":
        value, shown = (v.per_resident or None), v.per_resident
    elif measure == "dana_desa":
        value = shown = v.dana_desa
    else:
        value = shown = v.serapan
    return MapPoint(v.kode, v.nama, v.kecamatan, v.lat, v.lng, value, shown)


def ranking(tahun: int, tahap: str, kec: str | None, urut, ukuran, semua) -> Ranking:
    sort = urut if urut in SORTS else "serapan"
    measure = ukuran if ukuran in MEASURES else "serapan"
    vs = dq.villages(tahun, tahap, kec)
    # Low absorption first (the laggards); the other measures largest first.
    sign = -1 if sort != "serapan" else 1
    ranked = sorted(vs, key=lambda v: (_sort_value(v, sort) is None, sign * (_sort_value(v, sort) or 0)))
    polygons = village_polygons()
    if polygons and kec:
        polygons = {k: p for k, p in polygons.items() if k.startswith(kec)}
    return Ranking(
        sort=sort,
        measure=measure,
        sort_chosen=urut in SORTS,
        measure_chosen=ukuran in MEASURES,
        villages=ranked if semua == "1" else ranked[:RANK_N],
        total=len(ranked),
        lagging=sum(1 for v in vs if v.serapan is not None and v.serapan < LAGGING_PCT),
        bidang=sort[1:] if sort.startswith("b") else None,
        points=[_point(v, measure) for v in vs],
        polygons=polygons,
    )


def _income(tahun: int, tahap: str, node: dq.DesaNode, nm: dict[str, str]) -> Income:
    if node.desa:
        level = "desa"
    elif node.kec:
        level = "kecamatan"
    else:
        level = "regency"
    where = {"desa": nm.get(node.desa or ""), "kecamatan": nm.get(node.kec or "")}.get(level)
    return Income(level, where, dq.income_by_source(tahun, tahap, node))


def cumulative(values: list[Decimal | None]) -> list[Decimal | None]:
    out, run = [], Decimal(0)
    for v in values:
        run = run + v if v is not None else run
        out.append(run if v is not None else None)
    return out


def desa_drill(
    tahun: int,
    tahap: str,
    kec=None,
    desa=None,
    kode=None,
    rek=None,
    sd=None,
    urut=None,
    ukuran=None,
    semua=None,
    lainnya: int = 0,
) -> DesaDrill:
    """`tahun` and `tahap` must be checked; the node parameters and the view options are checked here."""
    base = {"tahun": tahun, "tahap": tahap, "illustrative": queries.is_illustrative(tahun)}
    try:
        node = dq.parse_node(kec, desa, kode, rek, sd)
    except dq.BadDesaNode as exc:
        return DesaDrill(node=None, bad_param=str(exc), **base)
    if (node.kec or node.desa) and not dq.exists(tahun, tahap, node):
        return DesaDrill(node=node, missing=node.desa or node.kec, **base)
    nm = dq.names(node)
    crumbs = _crumbs(node, nm)
    ch = dq.children(tahun, tahap, node)
    if ch.level != "none":
        anggaran, realisasi = ch.anggaran, ch.realisasi
    else:
        anggaran, realisasi = dq.totals_by_year(node).get(tahun, (Decimal(0), Decimal(0)))
    offset = lainnya * CHART_N
    village = None
    if node.desa and not node.kode:
        village = (node.desa, nm.get(node.desa, node.desa))
    return DesaDrill(
        node=node,
        crumbs=crumbs,
        anggaran=anggaran,
        realisasi=realisasi,
        as_of_month=queries.last_month(tahun, "apbdes_realisasi"),
        village=village,
        child_level=ch.level,
        children=ch.rows,
        chart_offset=offset if offset < len(ch.rows) else 0,
        income=None if node.kode else _income(tahun, tahap, node, nm),
        ranking=None if node.desa else ranking(tahun, tahap, node.kec, urut, ukuran, semua),
        monthly=cumulative(dq.monthly(tahun, node)) if node.desa else None,
        **base,
    )
