"""The one drill engine: the children of a node in any budget hierarchy, and its totals and months.

Every drill in the project is this engine with a different level table: the five APBD hierarchies
(`budget/explorer.py`: by OPD, by function, by economic account, income by account and by OPD) and the
village budget drill (`budget/desa.py`: kecamatan, desa, bidang, sub bidang, kegiatan, line item).
A hierarchy says three things and the engine does the rest:
- where its figures are (`Facts`: a budget table with `tahap`, a realisation table with `bulan`);
- which rows a node covers (`Where`: fixed SQL conditions and their bound values);
- how the next level groups and names those rows (`Grouping`).

Anggaran and realisasi are grouped apart and FULL-joined on the child's key, so every rupiah of either
side is in exactly one child and the children always sum to the node. Children beyond `ROW_LIMIT` come
back as one last row that says how many it holds (`Children.truncated`). Identifiers and expressions in
the SQL come only from the hierarchies' fixed tables, never from input; every value is a bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from budget import db, queries
from etl import schema

ZERO = Decimal("0.00")
ROW_LIMIT = 1000  # children beyond this are returned as one aggregated row, flagged


@dataclass(frozen=True)
class Facts:
    """A hierarchy's tables (fixed names from `etl/schema.py`, never input)."""

    anggaran: str
    realisasi: str


APBD = Facts(schema.APBD_ANGGARAN.name, schema.APBD_REALISASI.name)
APBDES = Facts(schema.APBDES_ANGGARAN.name, schema.APBDES_REALISASI.name)


@dataclass(frozen=True)
class Where:
    """The rows a node covers: conditions (fixed SQL text over both tables' common columns) and values."""

    conds: tuple[str, ...] = ()
    params: tuple = ()

    @property
    def sql(self) -> str:
        return " AND ".join(self.conds) or "TRUE"

    def also(self, cond: str, *params) -> Where:
        return Where((*self.conds, cond), (*self.params, *params))


@dataclass(frozen=True)
class Grouping:
    """How a node's rows split into children.

    - `keys`: SQL expressions of a child's key (one, or several for a line item);
    - `lines`: aggregates over the budget lines kept for naming (`l0`, `l1`, ...);
    - `refs`: reference sources `SELECT kode, nama ...`, each joined as `x<i>` on the key it names;
    - `shown`: what each child shows, as expressions over `j.l<i>` and `x<i>.nama` (the first is its name);
    - `order`: the tie-break after anggaran and realisasi, as key positions (default: the keys in order).
    """

    keys: tuple[str, ...]
    lines: tuple[str, ...] = ()
    refs: tuple[tuple[str, int], ...] = ()
    shown: tuple[str, ...] = ("NULL",)
    order: tuple[int, ...] | None = None


@dataclass
class Child:
    key: str  # the child's code (a line item's parts joined by "|"); "" for the no-code row
    kode: str
    nama: str
    anggaran: Decimal
    realisasi: Decimal
    detail: str = ""  # a line item's SKPD / sub kegiatan / sumber dana, for display
    is_item: bool = False
    rest_count: int = 0  # > 0: this row aggregates that many children beyond ROW_LIMIT

    @property
    def serapan(self) -> Decimal | None:
        return self.realisasi / self.anggaran * 100 if self.anggaran else None

    @property
    def sisa(self) -> Decimal:
        return self.anggaran - self.realisasi


@dataclass
class Children:
    node: object  # the hierarchy's own node type
    level: str
    rows: list[Child] = field(default_factory=list)
    truncated: int = 0  # children folded into the last row because of ROW_LIMIT

    @property
    def anggaran(self) -> Decimal:
        return sum((c.anggaran for c in self.rows), ZERO)

    @property
    def realisasi(self) -> Decimal:
        return sum((c.realisasi for c in self.rows), ZERO)


@dataclass(frozen=True)
class Group:
    """One child as the engine returns it: its key parts, what it shows, its figures."""

    keys: tuple[str | None, ...]
    shown: tuple
    anggaran: Decimal
    realisasi: Decimal
    rest_count: int = 0  # > 0: the folded row beyond the limit


def _grouped_sql(facts: Facts, g: Grouping, where: str) -> str:
    k = [f"k{i}" for i in range(len(g.keys))]
    keyed = ", ".join(f"{e} AS {name}" for e, name in zip(g.keys, k, strict=True))
    lines = "".join(f", {e} AS l{i}" for i, e in enumerate(g.lines))
    budget = (
        f"SELECT {keyed}{lines}, SUM(nilai) AS anggaran FROM {facts.anggaran} "
        f"WHERE tahun = ? AND tahap = ? AND {where} GROUP BY {', '.join(k)}"
    )
    real = (
        f"SELECT {keyed}, SUM(nilai) AS realisasi FROM {facts.realisasi} "
        f"WHERE tahun = ? AND {where} GROUP BY {', '.join(k)}"
    )
    joined = (
        "SELECT "
        + ", ".join(f"COALESCE(a.{c}, r.{c}) AS {c}" for c in k)
        + "".join(f", a.l{i}" for i in range(len(g.lines)))
        + ", COALESCE(a.anggaran, 0) AS anggaran, COALESCE(r.realisasi, 0) AS realisasi FROM a FULL JOIN r ON "
        + " AND ".join(f"a.{c} IS NOT DISTINCT FROM r.{c}" for c in k)
    )
    refs = " ".join(f"LEFT JOIN ({src}) x{i} ON x{i}.kode = j.k{at}" for i, (src, at) in enumerate(g.refs))
    order = ", ".join(f"j.k{i}" for i in (g.order if g.order is not None else range(len(k))))
    shown = [f"s{i}" for i in range(len(g.shown))]
    named = (
        "SELECT "
        + ", ".join(f"j.{c}" for c in k)
        + "".join(f", {e} AS {s}" for e, s in zip(g.shown, shown, strict=True))
        + f", j.anggaran, j.realisasi, row_number() OVER (ORDER BY j.anggaran DESC, j.realisasi DESC, {order}) AS rn"
        + f" FROM j {refs}"
    )
    kept = k + shown
    folded = (
        "SELECT "
        + ", ".join(f"CASE WHEN rn <= ? THEN {c} END AS {c}" for c in kept)
        + ", anggaran, realisasi, rn, rn > ? AS rest FROM n"
    )
    cols = ", ".join(kept)
    return (
        f"WITH a AS ({budget}), r AS ({real}), j AS ({joined}), n AS ({named}), m AS ({folded}) "
        f"SELECT {cols}, SUM(anggaran), SUM(realisasi), COUNT(*), MIN(rn) FROM m "
        f"GROUP BY rest, {cols} ORDER BY MIN(rn)"
    )


def grouped(facts: Facts, tahun: int, tahap: str, where: Where, g: Grouping, limit: int = ROW_LIMIT) -> list[Group]:
    """The children of the rows `where` covers, grouped by `g`: anggaran in this tahap, realisasi in the
    year to date, largest anggaran first; beyond `limit`, one folded row."""
    sql = _grouped_sql(facts, g, where.sql)
    n_kept = len(g.keys) + len(g.shown)
    rows = db.query(sql, [tahun, tahap, *where.params, tahun, *where.params, *([limit] * n_kept), limit])
    nk = len(g.keys)
    out = []
    for row in rows:
        ang, real, count, rn = row[n_kept:]
        rest = count if rn > limit else 0
        out.append(Group(tuple(row[:nk]), tuple(row[nk:n_kept]), Decimal(ang), Decimal(real), rest))
    return out


def exists(facts: Facts, tahun: int, tahap: str, where: Where) -> bool:
    """Whether any budget line of this tahap or any realisation of the year is under the node."""
    row = db.query(
        f"SELECT (SELECT COUNT(*) FROM {facts.anggaran} WHERE tahun = ? AND tahap = ? AND {where.sql}) + "
        f"(SELECT COUNT(*) FROM {facts.realisasi} WHERE tahun = ? AND {where.sql})",
        [tahun, tahap, *where.params, tahun, *where.params],
    )
    return bool(row[0][0])


def monthly(facts: Facts, tahun: int, where: Where, kode_desa: str | None = None) -> list[Decimal | None]:
    """Realisasi per month, None after the last month with data (`queries.last_month`: the table's, or
    one village's own when `kode_desa` is given)."""
    rows = dict(
        db.query(
            f"SELECT bulan, SUM(nilai) FROM {facts.realisasi} WHERE tahun = ? AND {where.sql} GROUP BY 1",
            [tahun, *where.params],
        )
    )
    last = queries.last_month(tahun, facts.realisasi, kode_desa)
    return [Decimal(rows.get(m, 0)) if m <= (last or 0) else None for m in range(1, 13)]


def budget_by_year(facts: Facts, where: Where) -> list[tuple[int, str, Decimal]]:
    """(tahun, tahap, anggaran) of the node for every year and tahap in the database."""
    rows = db.query(
        f"SELECT tahun, tahap, SUM(nilai) FROM {facts.anggaran} WHERE {where.sql} GROUP BY 1, 2 ORDER BY 1, 2",
        list(where.params),
    )
    return [(int(t), s, Decimal(v)) for t, s, v in rows]


def realised_by_year(facts: Facts, where: Where) -> dict[int, tuple[Decimal, int]]:
    """tahun -> (realisasi, last month with data) of the node."""
    rows = db.query(
        f"SELECT tahun, SUM(nilai), MAX(bulan) FROM {facts.realisasi} WHERE {where.sql} GROUP BY 1",
        list(where.params),
    )
    return {int(t): (Decimal(v), int(m)) for t, v, m in rows}


def final_by_year(facts: Facts, where: Where) -> dict[int, tuple[Decimal, Decimal]]:
    """tahun -> (anggaran in the year's final tahap, realisasi) of the node."""
    rows = db.query(
        "WITH s AS (" + queries.final_stage_sql(facts.anggaran) + "), "
        f"a AS (SELECT x.tahun, SUM(nilai) AS v FROM {facts.anggaran} x JOIN s ON s.tahun = x.tahun "
        f"AND s.tahap = x.tahap WHERE {where.sql} GROUP BY 1), "
        f"r AS (SELECT tahun, SUM(nilai) AS v FROM {facts.realisasi} WHERE {where.sql} GROUP BY 1) "
        "SELECT COALESCE(a.tahun, r.tahun), a.v, r.v FROM a FULL JOIN r ON a.tahun = r.tahun ORDER BY 1",
        [*where.params, *where.params],
    )
    return {int(t): (Decimal(a or 0), Decimal(r or 0)) for t, a, r in rows}
