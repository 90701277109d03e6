"""The five APBD hierarchies of the explorer (by OPD, by function, by economic account, income by account
and income by OPD), driven by the one drill engine (`budget/hierarchy.py`).

A node is a filter (dimension, SKPD, code prefix, or one line item): this module says which rows it covers
(`where`) and how its next level groups and names them (`_grouping`); the engine groups anggaran and
realisasi, so the children always sum to the node. Identifiers come only from the fixed level tables below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from budget import db, hierarchy, queries
from budget.hierarchy import APBD, Child, Children, Where
from etl import schema

DIMENSIONS = ("org", "ekonomi", "fungsi", "pendapatan", "pendapatan_opd")
RE_SKPD = re.compile(schema.RE_KODE_SKPD)
RE_KODE = re.compile(schema.RE_KODE_PREFIX)
RE_SUMBER = re.compile(schema.RE_SUMBER_DANA)

# (level name, code column, code length) for each dimension, root first.
LEVELS = {
    "org": [
        ("skpd", "kode_skpd", 0),
        ("program", "kode_sub_kegiatan", 7),
        ("kegiatan", "kode_sub_kegiatan", 12),
        ("sub_kegiatan", "kode_sub_kegiatan", 17),
    ],
    "fungsi": [
        ("urusan", "kode_sub_kegiatan", 1),
        ("bidang_urusan", "kode_sub_kegiatan", 4),
        ("program", "kode_sub_kegiatan", 7),
        ("kegiatan", "kode_sub_kegiatan", 12),
        ("sub_kegiatan", "kode_sub_kegiatan", 17),
    ],
    "ekonomi": [
        ("kelompok", "kode_rekening", 3),
        ("jenis", "kode_rekening", 6),
        ("objek", "kode_rekening", 9),
        ("rincian_objek", "kode_rekening", 12),
        ("sub_rincian_objek", "kode_rekening", 17),
    ],
    "pendapatan": [
        ("kelompok", "kode_rekening", 3),
        ("jenis", "kode_rekening", 6),
        ("objek", "kode_rekening", 9),
        ("rincian_objek", "kode_rekening", 12),
        ("sub_rincian_objek", "kode_rekening", 17),
    ],
    "pendapatan_opd": [("skpd", "kode_skpd", 0)],
}
AKUN = {"org": "5", "fungsi": "5", "ekonomi": "5", "pendapatan": "4", "pendapatan_opd": "4"}
LINE_NAME = {
    "program": "nama_program",
    "kegiatan": "nama_kegiatan",
    "sub_kegiatan": "nama_sub_kegiatan",
    "skpd": "nama_skpd",
}


@dataclass(frozen=True)
class Node:
    dim: str = "org"
    skpd: str | None = None
    kode: str | None = None  # a code prefix in the dimension's code column
    rek: str | None = None  # with skpd and kode (sub kegiatan): one line item
    sd: str | None = None
    tanpa: bool = False  # the lines under `kode` that have no code at the next level

    @property
    def is_line(self) -> bool:
        return self.rek is not None

    def params(self) -> dict[str, str | None]:
        return {
            "dim": self.dim,
            "skpd": self.skpd,
            "kode": self.kode,
            "rek": self.rek,
            "sd": self.sd,
            "tanpa": "1" if self.tanpa else None,
        }


class BadNode(ValueError):
    """A URL or callback asked for a node that cannot exist (bad dimension or malformed code)."""


def parse_node(dim=None, skpd=None, kode=None, rek=None, sd=None, tanpa=None) -> Node:
    """Check untrusted parameters against the allow-list and code patterns."""
    dim = dim or "org"
    if dim not in DIMENSIONS:
        raise BadNode(f"dim={str(dim)[:30]}")
    for name, value, pattern in (("skpd", skpd, RE_SKPD), ("kode", kode, RE_KODE), ("rek", rek, RE_KODE)):
        if value not in (None, "") and not pattern.fullmatch(str(value)):
            raise BadNode(f"{name}={str(value)[:40]}")
    if sd not in (None, "") and not RE_SUMBER.fullmatch(str(sd)):
        raise BadNode(f"sd={str(sd)[:40]}")
    node = Node(dim, skpd or None, kode or None, rek or None, sd or None, tanpa in ("1", 1, True))
    if node.is_line and not (node.skpd and dim == "org"):
        raise BadNode("a line item needs dim=org and skpd")
    if dim in ("ekonomi", "pendapatan") and node.kode and not node.kode.startswith(AKUN[dim]):
        raise BadNode(f"kode={node.kode} is not in {dim}")
    if dim in ("org", "pendapatan_opd") and node.kode and not node.skpd:
        raise BadNode("kode needs skpd in this dimension")
    return node


# ---------------------------------------------------------------------------------------------
# Where a node sits in its hierarchy
# ---------------------------------------------------------------------------------------------
def _depth(node: Node) -> int:
    """Index into LEVELS[dim] of the level of this node's children (len(...) = line items)."""
    levels = LEVELS[node.dim]
    if node.dim in ("org", "pendapatan_opd"):
        if not node.skpd:
            return 0
        if node.dim == "pendapatan_opd":
            return len(levels)
        if not node.kode:
            return 1
        for i, (_, _, n) in enumerate(levels):
            if n and len(node.kode) == n:
                return i + 1
        raise BadNode(f"kode={node.kode} is not a programme, kegiatan or sub kegiatan code")
    if not node.kode or node.kode == AKUN.get(node.dim):
        return 0
    for i, (_, _, n) in enumerate(levels):
        if len(node.kode) == n:
            return i + 1
    raise BadNode(f"kode={node.kode} has no level in {node.dim}")


def child_level(node: Node) -> str:
    """'skpd', 'program', ... or 'item' when the children are line items."""
    if node.is_line:
        return "none"
    d = _depth(node)
    levels = LEVELS[node.dim]
    return "item" if node.tanpa or d >= len(levels) else levels[d][0]


def where(node: Node) -> Where:
    """The rows a node covers (the same conditions on the budget and the realisation table)."""
    if node.is_line:  # one line item, whatever the dimension it was reached from
        return Where(
            (
                "kode_skpd = ?",
                "kode_sub_kegiatan IS NOT DISTINCT FROM ?",
                "kode_rekening = ?",
                "sumber_dana IS NOT DISTINCT FROM ?",
            ),
            (node.skpd, node.kode, node.rek, node.sd),
        )
    w = Where(("starts_with(kode_rekening, ?)",), (AKUN[node.dim],))
    if node.skpd:
        w = w.also("kode_skpd = ?", node.skpd)
    if node.kode:
        col = "kode_rekening" if node.dim in ("ekonomi", "pendapatan") else "kode_sub_kegiatan"
        if node.dim == "org" and len(node.kode) == 17:
            w = w.also(col + " = ?", node.kode)
        else:
            w = w.also("(" + col + " = ? OR starts_with(" + col + ", ? || '.'))", node.kode, node.kode)
    if node.tanpa:
        d = _depth(node)
        if d >= len(LEVELS[node.dim]):
            raise BadNode("tanpa=1 at the line-item level")
        _, col, n = LEVELS[node.dim][d]
        w = w.also("(" + col + " IS NULL OR length(" + col + ") < " + str(int(n)) + ")")
    return w


# ---------------------------------------------------------------------------------------------
# Children
# ---------------------------------------------------------------------------------------------
# One line item: keyed by SKPD, sub kegiatan, account and fund source; named by the lines' own account name
# (else the chart of accounts), with its SKPD and sub kegiatan for display.
ITEMS = hierarchy.Grouping(
    keys=("kode_skpd", "kode_sub_kegiatan", "kode_rekening", "sumber_dana"),
    lines=("any_value(nama_skpd)", "any_value(nama_sub_kegiatan)", "any_value(nama_rekening)"),
    refs=(("SELECT kode, nama FROM ref_rekening_apbd", 2), ("SELECT kode, nama FROM ref_opd", 0)),
    shown=("COALESCE(j.l2, x0.nama)", "COALESCE(j.l0, x1.nama)", "j.l1"),
    order=(2, 0, 1, 3),
)


def _grouping(node: Node) -> hierarchy.Grouping:
    """The next level of a node above the line items: its key, and its names (the reference first, then the
    lines' own name, then the OPD list)."""
    name, col, n = LEVELS[node.dim][_depth(node)]
    opd = ("SELECT kode, nama FROM ref_opd", 0)
    if name == "skpd":
        return hierarchy.Grouping(("kode_skpd",), ("any_value(nama_skpd)",), (opd,), ("COALESCE(j.l0, x0.nama)",))
    key = "CASE WHEN length(" + col + ") >= " + str(int(n)) + " THEN left(" + col + ", " + str(int(n)) + ") END"
    if col == "kode_rekening":
        line_name = "any_value(nama_rekening) FILTER (WHERE length(kode_rekening) = " + str(int(n)) + ")"
        ref = "SELECT kode, nama FROM ref_rekening_apbd"
    else:
        line_name = "any_value(" + LINE_NAME[name] + ")" if name in LINE_NAME else "NULL"
        ref = "SELECT kode, nama FROM ref_program"
    return hierarchy.Grouping((key,), (line_name,), ((ref, 0), opd), ("COALESCE(x0.nama, j.l0, x1.nama)",))


def children(tahun: int, tahap: str, node: Node) -> Children:
    """The node's children with anggaran (this tahap) and realisasi (the year to date)."""
    level = child_level(node)
    out = Children(node, level)
    if level == "none":
        return out
    items = level == "item"
    for g in hierarchy.grouped(APBD, tahun, tahap, where(node), ITEMS if items else _grouping(node)):
        if g.rest_count:
            out.truncated = g.rest_count
            out.rows.append(Child("", "", "", g.anggaran, g.realisasi, rest_count=g.rest_count))
        elif items:
            skpd, sub, rek, sd = g.keys
            nama, skpd_nama, nama_sub = g.shown
            other = node.dim != "org"  # reached from another hierarchy: say whose line it is
            detail = " · ".join(x for x in (skpd_nama if other else None, nama_sub if other else None, sd) if x)
            key = "|".join([skpd or "", sub or "", rek or "", sd or ""])
            out.rows.append(Child(key, rek or "", nama or rek or "", g.anggaran, g.realisasi, detail, is_item=True))
        else:
            k = g.keys[0] or ""
            out.rows.append(Child(k, k, g.shown[0] or "", g.anggaran, g.realisasi))
    return out


def child_node(node: Node, token: str) -> Node:
    """The node a click on a child opens. `token` is untrusted (it comes back from the browser):
    it is re-parsed and re-validated, never used as SQL or as a URL."""
    token = str(token or "")[:200]
    if token == "":  # the explicit row of lines without a code at this level
        return parse_node(**{**node.params(), "tanpa": "1"})
    if child_level(node) == "item":
        parts = token.split("|")
        if len(parts) != 4:
            raise BadNode("line item token")
        skpd, sub, rek, sd = parts
        return parse_node("org", skpd, sub or None, rek, sd or None)
    if node.dim in ("org", "pendapatan_opd") and not node.skpd:
        return parse_node(node.dim, skpd=token)
    return parse_node(node.dim, skpd=node.skpd, kode=token)


# ---------------------------------------------------------------------------------------------
# The selected node: names, totals over tahap and years, months
# ---------------------------------------------------------------------------------------------
def crumbs(node: Node) -> list[tuple[Node, str, str]]:
    """(node, level, code) from the root down to this node; names come from `names()`."""
    root = Node(node.dim)
    out: list[tuple[Node, str, str]] = [(root, "root", "")]
    if node.skpd:
        out.append((Node(node.dim, node.skpd), "skpd", node.skpd))
    if node.kode:
        levels = LEVELS[node.dim]
        for name, _col, n in levels:
            if n and len(node.kode) >= n and (node.dim not in ("ekonomi", "pendapatan") or n > 1):
                out.append((replace(root, skpd=node.skpd, kode=node.kode[:n]), name, node.kode[:n]))
    if node.is_line:
        out.append((node, "item", node.rek or ""))
    if node.tanpa:
        out.append((node, "tanpa", ""))
    return out


def names(node: Node) -> dict[str, str]:
    """Display names of the node's SKPD, codes and line, from the reference tables and the lines."""
    codes = [c for _, lvl, c in crumbs(node) if c and lvl not in ("skpd", "item", "tanpa")]
    out: dict[str, str] = {}
    if node.skpd:
        r = db.query(
            "SELECT nama FROM ref_opd WHERE kode = ? UNION ALL "
            "(SELECT any_value(nama_skpd) FROM apbd_anggaran WHERE kode_skpd = ?)",
            [node.skpd, node.skpd],
        )
        out[node.skpd] = next((x[0] for x in r if x[0]), node.skpd)
    if codes:
        ref = "ref_rekening_apbd" if node.dim in ("ekonomi", "pendapatan") else "ref_program"
        rows = db.query("SELECT kode, nama FROM " + ref + " WHERE kode IN (SELECT unnest(?))", [codes])
        out.update(dict(rows))
        if node.dim in ("org", "fungsi"):
            # The lines' own names win for programme/kegiatan/sub kegiatan (they are the source's).
            rows = db.query(
                "SELECT kode_program, any_value(nama_program) FROM apbd_anggaran WHERE kode_program IN "
                "(SELECT unnest(?)) GROUP BY 1 UNION ALL SELECT kode_kegiatan, any_value(nama_kegiatan) "
                "FROM apbd_anggaran WHERE kode_kegiatan IN (SELECT unnest(?)) GROUP BY 1 UNION ALL "
                "SELECT kode_sub_kegiatan, any_value(nama_sub_kegiatan) FROM apbd_anggaran "
                "WHERE kode_sub_kegiatan IN (SELECT unnest(?)) GROUP BY 1",
                [codes, codes, codes],
            )
            out.update({k: v for k, v in rows if v})
    if node.is_line:
        r = db.query(
            "SELECT nama FROM ref_rekening_apbd WHERE kode = ? UNION ALL "
            "(SELECT any_value(nama_rekening) FROM apbd_anggaran WHERE kode_rekening = ?)",
            [node.rek, node.rek],
        )
        out[node.rek] = next((x[0] for x in r if x[0]), node.rek)
    return out


def totals_by_year(node: Node) -> list[tuple[int, str, Decimal]]:
    """(tahun, tahap, anggaran) of this node for every year and tahap in the database."""
    return hierarchy.budget_by_year(APBD, where(node))


def realised_by_year(node: Node) -> dict[int, tuple[Decimal, int]]:
    """tahun -> (realisasi, last month with data) for this node."""
    return hierarchy.realised_by_year(APBD, where(node))


def monthly(tahun: int, node: Node) -> tuple[list[Decimal | None], list[Decimal | None] | None]:
    """Realisasi per month (None after the last month with data) and the cash plan per month where
    a plan exists at this level (the regency and each SKPD), else None."""
    real = hierarchy.monthly(APBD, tahun, where(node))
    plan = None
    is_root = not node.skpd and node.kode in (None, "5") and not node.tanpa
    is_opd = node.dim == "org" and bool(node.skpd) and not node.kode and not node.is_line
    plan_level = node.dim in ("org", "fungsi", "ekonomi") and (is_root or is_opd)
    if plan_level:
        prow = dict(
            db.query(
                "SELECT bulan, SUM(nilai) FROM apbd_anggaran_kas WHERE tahun = ? AND (? IS NULL OR kode_skpd = ?) "
                "GROUP BY 1",
                [tahun, node.skpd, node.skpd],
            )
        )
        if prow:
            plan = [Decimal(prow.get(m, 0)) for m in range(1, 13)]
    return real, plan


def exists(tahun: int, tahap: str, node: Node) -> bool:
    return hierarchy.exists(APBD, tahun, tahap, where(node))


# ---------------------------------------------------------------------------------------------
# Official summaries (apbd_ringkasan) beside, or instead of, the line items
# ---------------------------------------------------------------------------------------------
def official_figure(tahun: int, tahap: str, kode: str) -> tuple[Decimal, str] | None:
    """(anggaran, source file) of one account in the official summary, when there is one."""
    doc = queries.summary_document(tahun, tahap)
    if doc is None:
        return None
    rows = db.query(
        "SELECT anggaran FROM apbd_ringkasan WHERE tahun = ? AND tahap = ? AND sumber = ? "
        "AND bulan IS NOT DISTINCT FROM ? AND kode_rekening = ?",
        [tahun, tahap, doc[0], doc[1], kode],
    )
    return (Decimal(rows[0][0]), doc[0]) if rows and rows[0][0] is not None else None


def summary_children(tahun: int, tahap: str, node: Node) -> Children | None:
    """For a year and tahap with no line items: the official summary's accounts under the node
    (economic and pendapatan views only). None when there is no summary either."""
    if node.dim not in ("ekonomi", "pendapatan") or node.skpd or node.tanpa:
        return None
    doc = queries.summary_document(tahun, tahap)
    if doc is None:
        return None
    parent = node.kode or AKUN[node.dim]
    rows = db.query(
        "SELECT kode_rekening, nama_rekening, anggaran, realisasi FROM apbd_ringkasan WHERE tahun = ? AND tahap = ? "
        "AND sumber = ? AND bulan IS NOT DISTINCT FROM ? AND starts_with(kode_rekening, ? || '.') "
        "AND length(kode_rekening) - length(replace(kode_rekening, '.', '')) = "
        "length(?) - length(replace(?, '.', '')) + 1 ORDER BY anggaran DESC",
        [tahun, tahap, doc[0], doc[1], parent, parent, parent],
    )
    out = Children(node, "summary")
    out.rows = [Child(k, k, n or k, Decimal(a or 0), Decimal(r or 0), detail=doc[0]) for k, n, a, r in rows]
    return out
