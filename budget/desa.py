"""Village budget (APBDes) queries: the regency -> kecamatan -> desa -> bidang -> sub bidang ->
kegiatan -> line item drill-down, income by source, the village ranking and one village's page.

The drill is the one drill engine (`budget/hierarchy.py`) with this module's levels: `where` says which
rows a node covers, `LEVELS` how each level groups and names them; the children always sum to their
parent. Identifiers come from the fixed level table, values are bound parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import settings
from budget import db, hierarchy, queries
from budget.hierarchy import APBDES, ZERO, Child, Children, Where
from etl import schema

RE_KEC = re.compile(schema.RE_KODE_KECAMATAN)
RE_DESA = re.compile(schema.RE_KODE_DESA)
RE_KEG = re.compile(schema.RE_KODE_KEGIATAN_DESA_PREFIX)
RE_REK = re.compile(schema.RE_REKENING_APBDES)
RE_SD = re.compile(schema.RE_SUMBER_DANA_DESA)

# Income by source, from the APBDes account (Permendagri 20/2018). Order = display order.
SOURCES = [
    ("DDS", "4.2.1"),
    ("ADD", "4.2.3"),
    ("PBH", "4.2.2"),
    ("PBK", "4.2.5"),
    ("PBP", "4.2.4"),
    ("PAD", "4.1"),
    ("LAIN", "4.3"),
]
BIDANG = ("01", "02", "03", "04", "05")


class BadDesaNode(ValueError):
    pass


@dataclass(frozen=True)
class DesaNode:
    kec: str | None = None
    desa: str | None = None
    kode: str | None = None  # bidang "01", sub bidang "01.02", kegiatan "01.02.03"
    rek: str | None = None  # with desa and kode: one line item
    sd: str | None = None

    def params(self) -> dict[str, str | None]:
        return {"kec": self.kec, "desa": self.desa, "kode": self.kode, "rek": self.rek, "sd": self.sd}

    @property
    def is_line(self) -> bool:
        return self.rek is not None


def parse_node(kec=None, desa=None, kode=None, rek=None, sd=None) -> DesaNode:
    """Check untrusted URL values; the kecamatan is implied by the village code."""
    for name, value, pattern in (
        ("kec", kec, RE_KEC),
        ("desa", desa, RE_DESA),
        ("kode", kode, RE_KEG),
        ("rek", rek, RE_REK),
        ("sd", sd, RE_SD),
    ):
        if value not in (None, "") and not pattern.fullmatch(str(value)):
            raise BadDesaNode(f"{name}={str(value)[:40]}")
    region = settings.current().region
    if kec and not desa and not str(kec).startswith(region + "."):  # another regency's kecamatan: none of ours
        raise BadDesaNode(f"kec={kec} is not in region {region}")
    desa = desa or None
    kec = (desa[:8] if desa else kec) or None
    if (kode or rek) and not desa:
        raise BadDesaNode("kode needs desa")
    if rek and (not kode or len(kode) != 8):
        raise BadDesaNode("a line item needs a kegiatan code")
    return DesaNode(kec, desa, kode or None, rek or None, sd or None)


def child_level(node: DesaNode) -> str:
    if node.is_line:
        return "none"
    if not node.kec:
        return "kecamatan"
    if not node.desa:
        return "desa"
    if not node.kode:
        return "bidang"
    return {2: "sub_bidang", 5: "kegiatan", 8: "item"}[len(node.kode)]


def _names(source: str, key: str) -> hierarchy.Grouping:
    """A level keyed by `key` and named from a reference table (else the key itself)."""
    return hierarchy.Grouping((key,), refs=((source, 0),), shown=("COALESCE(x0.nama, j.k0)",))


_KEGIATAN = "SELECT kode, nama FROM ref_apbdes_kegiatan"
LEVELS = {
    "kecamatan": _names("SELECT kode, nama FROM ref_kecamatan", "left(kode_desa, 8)"),
    "desa": _names("SELECT kode, nama FROM ref_desa", "kode_desa"),
    "bidang": _names(_KEGIATAN, "left(kode_kegiatan, 2)"),
    "sub_bidang": _names(_KEGIATAN, "left(kode_kegiatan, 5)"),
    "kegiatan": _names(_KEGIATAN, "kode_kegiatan"),
    # A line item: account and fund source, named from the chart of accounts, else the lines' own name.
    "item": hierarchy.Grouping(
        ("kode_rekening || '|' || COALESCE(sumber_dana, '')",),
        ("any_value(nama_rekening)",),
        (
            (
                "SELECT kode || '|' || sd AS kode, nama FROM (SELECT r.kode, s.sd, r.nama FROM ref_rekening_apbdes r, "
                "(SELECT DISTINCT COALESCE(sumber_dana, '') AS sd FROM apbdes_anggaran) s)",
                0,
            ),
        ),
        ("COALESCE(x0.nama, j.l0, j.k0)",),
    ),
}


def where(node: DesaNode, belanja: bool = True) -> Where:
    """The rows a node covers: its village or kecamatan, kegiatan and line; belanja only unless told."""
    w = Where(("starts_with(kode_rekening, '5')",) if belanja else ())
    if node.desa:
        w = w.also("kode_desa = ?", node.desa)
    elif node.kec:
        w = w.also("starts_with(kode_desa, ? || '.')", node.kec)
    if node.kode:
        w = w.also("starts_with(kode_kegiatan, ?)", node.kode)
    if node.is_line:
        w = w.also("kode_rekening = ?", node.rek).also("sumber_dana IS NOT DISTINCT FROM ?", node.sd)
    return w


def children(tahun: int, tahap: str, node: DesaNode) -> Children:
    """Belanja children of a node: anggaran in this tahap, realisasi in the year to date."""
    level = child_level(node)
    out = Children(node, level)
    if level == "none":
        return out
    for g in hierarchy.grouped(APBDES, tahun, tahap, where(node), LEVELS[level]):
        if g.rest_count:
            out.truncated = g.rest_count
            out.rows.append(Child("", "", "", g.anggaran, g.realisasi, rest_count=g.rest_count))
        else:
            k = g.keys[0] or ""
            out.rows.append(Child(k, k, g.shown[0] or "", g.anggaran, g.realisasi, is_item=level == "item"))
    return out


def child_node(node: DesaNode, token: str) -> DesaNode:
    """The node a click on a child opens; the token is untrusted and re-validated."""
    token = str(token or "")[:80]
    level = child_level(node)
    p = node.params()
    if level == "kecamatan":
        return parse_node(kec=token)
    if level == "desa":
        return parse_node(desa=token)
    if level in ("bidang", "sub_bidang", "kegiatan"):
        return parse_node(desa=node.desa, kode=token)
    if level == "item":
        rek, _, sd = token.partition("|")
        return parse_node(desa=node.desa, kode=node.kode, rek=rek, sd=sd or None)
    raise BadDesaNode(f"no children below {p}")


def names(node: DesaNode) -> dict[str, str]:
    keys = [k for k in (node.kec, node.desa) if k]
    kodes = [node.kode[:n] for n in (2, 5, 8) if node.kode and len(node.kode) >= n]
    out: dict[str, str] = {}
    if keys:
        out.update(
            dict(
                db.query(
                    "SELECT kode, nama FROM ref_kecamatan WHERE kode IN (SELECT unnest(?)) UNION ALL "
                    "SELECT kode, nama FROM ref_desa WHERE kode IN (SELECT unnest(?))",
                    [keys, keys],
                )
            )
        )
    if kodes:
        out.update(
            dict(db.query("SELECT kode, nama FROM ref_apbdes_kegiatan WHERE kode IN (SELECT unnest(?))", [kodes]))
        )
    if node.rek:
        r = db.query("SELECT nama FROM ref_rekening_apbdes WHERE kode = ?", [node.rek])
        out[node.rek] = r[0][0] if r else node.rek
    return out


def crumbs(node: DesaNode) -> list[tuple[DesaNode, str, str]]:
    out = [(DesaNode(), "root", "")]
    if node.kec:
        out.append((DesaNode(node.kec), "kecamatan", node.kec))
    if node.desa:
        out.append((DesaNode(node.kec, node.desa), "desa", node.desa))
    if node.kode:
        for n, lvl in ((2, "bidang"), (5, "sub_bidang"), (8, "kegiatan")):
            if len(node.kode) >= n:
                out.append((DesaNode(node.kec, node.desa, node.kode[:n]), lvl, node.kode[:n]))
    if node.is_line:
        out.append((node, "item", node.rek or ""))
    return out


def exists(tahun: int, tahap: str, node: DesaNode) -> bool:
    return hierarchy.exists(APBDES, tahun, tahap, where(node, belanja=False))


def totals_by_year(node: DesaNode) -> dict[int, tuple[Decimal, Decimal]]:
    """tahun -> (belanja anggaran in the year's final tahap, belanja realisasi) for this node."""
    return hierarchy.final_by_year(APBDES, where(node))


def monthly(tahun: int, node: DesaNode) -> list[Decimal | None]:
    return hierarchy.monthly(APBDES, tahun, where(node))


# ---------------------------------------------------------------------------------------------
# Income by source
# ---------------------------------------------------------------------------------------------
def _source_case() -> str:
    parts = " ".join(f"WHEN starts_with(kode_rekening, '{pref}') THEN '{code}'" for code, pref in SOURCES)
    return "CASE " + parts + " ELSE 'LAIN' END"  # fixed text from the SOURCES constant


def income_by_source(tahun: int, tahap: str, node: DesaNode) -> list[tuple[str, Decimal, Decimal]]:
    """(source, anggaran, realisasi) of pendapatan for the regency, a kecamatan or a village."""
    w = where(DesaNode(node.kec, node.desa), belanja=False).also("starts_with(kode_rekening, '4')")
    params = w.params
    case = _source_case()
    a = dict(
        db.query(
            "SELECT "
            + case
            + ", SUM(nilai) FROM apbdes_anggaran WHERE tahun = ? AND tahap = ? AND "
            + w.sql
            + " GROUP BY 1",
            [tahun, tahap, *params],
        )
    )
    r = dict(
        db.query(
            "SELECT " + case + ", SUM(nilai) FROM apbdes_realisasi WHERE tahun = ? AND " + w.sql + " GROUP BY 1",
            [tahun, *params],
        )
    )
    return [
        (code, Decimal(a.get(code, 0)), Decimal(r.get(code, 0))) for code, _ in SOURCES if a.get(code) or r.get(code)
    ]


# ---------------------------------------------------------------------------------------------
# The village ranking
# ---------------------------------------------------------------------------------------------
@dataclass
class Village:
    kode: str
    nama: str
    kode_kecamatan: str
    kecamatan: str
    pendapatan: Decimal
    belanja: Decimal
    realisasi: Decimal
    dana_desa: Decimal
    bidang: dict[str, Decimal]
    belanja_prev: Decimal | None
    penduduk_est: Decimal
    lat: float
    lng: float

    @property
    def serapan(self) -> Decimal | None:
        return self.realisasi / self.belanja * 100 if self.belanja else None

    @property
    def per_resident(self) -> Decimal | None:
        return self.belanja / self.penduduk_est if self.penduduk_est else None

    def bidang_share(self, b: str) -> Decimal | None:
        return self.bidang.get(b, ZERO) / self.belanja * 100 if self.belanja else None

    @property
    def change(self) -> Decimal | None:
        return (self.belanja - self.belanja_prev) / self.belanja_prev * 100 if self.belanja_prev else None


def estimated_population() -> dict[str, Decimal]:
    """Residents per desa/kelurahan. Village counts are not in our reference data, so each village gets
    an equal share of its kecamatan's 2020 census population (desa and kelurahan alike)."""
    rows = db.query(
        "SELECT d.kode, k.penduduk, COUNT(*) OVER (PARTITION BY d.kode_kecamatan) FROM ref_desa d "
        "JOIN ref_kecamatan k ON k.kode = d.kode_kecamatan"
    )
    return {kode: Decimal(pop) / Decimal(n) for kode, pop, n in rows}


def villages(tahun: int, tahap: str, kec: str | None = None) -> list[Village]:
    """Every desa with an APBDes in this year and tahap (optionally in one kecamatan)."""
    pop = estimated_population()
    rows = db.query(
        """
        WITH a AS (
          SELECT kode_desa,
            SUM(nilai) FILTER (WHERE starts_with(kode_rekening, '4')) AS pendapatan,
            SUM(nilai) FILTER (WHERE starts_with(kode_rekening, '5')) AS belanja,
            SUM(nilai) FILTER (WHERE kode_rekening = '4.2.1') AS dd,
            SUM(nilai) FILTER (WHERE starts_with(kode_rekening, '5') AND starts_with(kode_kegiatan, '01')) AS b01,
            SUM(nilai) FILTER (WHERE starts_with(kode_rekening, '5') AND starts_with(kode_kegiatan, '02')) AS b02,
            SUM(nilai) FILTER (WHERE starts_with(kode_rekening, '5') AND starts_with(kode_kegiatan, '03')) AS b03,
            SUM(nilai) FILTER (WHERE starts_with(kode_rekening, '5') AND starts_with(kode_kegiatan, '04')) AS b04,
            SUM(nilai) FILTER (WHERE starts_with(kode_rekening, '5') AND starts_with(kode_kegiatan, '05')) AS b05
          FROM apbdes_anggaran WHERE tahun = ? AND tahap = ? AND (? IS NULL OR starts_with(kode_desa, ? || '.'))
          GROUP BY 1),
        r AS (SELECT kode_desa, SUM(nilai) AS realisasi FROM apbdes_realisasi
              WHERE tahun = ? AND starts_with(kode_rekening, '5') GROUP BY 1),
        p AS (SELECT kode_desa, SUM(nilai) AS prev FROM apbdes_anggaran
              WHERE tahun = ? - 1 AND starts_with(kode_rekening, '5')
                AND tahap = (SELECT tahap FROM ({FINAL}) f WHERE f.tahun = ? - 1) GROUP BY 1)
        SELECT a.kode_desa, d.nama, d.kode_kecamatan, d.kecamatan, a.pendapatan, a.belanja, r.realisasi, a.dd,
               a.b01, a.b02, a.b03, a.b04, a.b05, p.prev, d.lat, d.lng
        FROM a JOIN ref_desa d ON d.kode = a.kode_desa LEFT JOIN r USING (kode_desa) LEFT JOIN p USING (kode_desa)
        ORDER BY a.kode_desa
        """.replace("{FINAL}", queries.final_stage_sql("apbdes_anggaran")),
        [tahun, tahap, kec, kec, tahun, tahun, tahun],
    )
    out = []
    for kode, nama, kk, kn, pend, bel, real, dd, b1, b2, b3, b4, b5, prev, lat, lng in rows:
        out.append(
            Village(
                kode,
                nama,
                kk,
                kn,
                Decimal(pend or 0),
                Decimal(bel or 0),
                Decimal(real or 0),
                Decimal(dd or 0),
                {b: Decimal(v or 0) for b, v in zip(BIDANG, (b1, b2, b3, b4, b5))},
                Decimal(prev) if prev is not None else None,
                pop.get(kode, ZERO),
                lat,
                lng,
            )
        )
    return out


def median(values: list[Decimal]) -> Decimal | None:
    v = sorted(x for x in values if x is not None)
    if not v:
        return None
    mid = len(v) // 2
    return v[mid] if len(v) % 2 else (v[mid - 1] + v[mid]) / 2


def village_ref(kode: str) -> dict | None:
    """The reference row for a desa/kelurahan code (None when unknown)."""
    rows = db.query(
        "SELECT d.kode, d.nama, d.kode_kecamatan, d.kecamatan, d.jenis, o.kode FROM ref_desa d "
        "LEFT JOIN ref_opd o ON o.kode_kecamatan = d.kode_kecamatan WHERE d.kode = ?",
        [kode],
    )
    if not rows:
        return None
    k, n, kk, kn, jenis, opd = rows[0]
    return {"kode": k, "nama": n, "kode_kecamatan": kk, "kecamatan": kn, "jenis": jenis, "kode_opd_kecamatan": opd}


def kegiatan_ranking(tahun: int, tahap: str, desa: str, limit: int = 5) -> list[tuple[str, str, Decimal, Decimal]]:
    """The village's largest kegiatan: (kode, nama, anggaran, realisasi)."""
    rows = db.query(
        "WITH a AS (SELECT kode_kegiatan k, SUM(nilai) v FROM apbdes_anggaran WHERE tahun = ? AND tahap = ? "
        "AND kode_desa = ? AND starts_with(kode_rekening, '5') GROUP BY 1), "
        "r AS (SELECT kode_kegiatan k, SUM(nilai) v FROM apbdes_realisasi WHERE tahun = ? AND kode_desa = ? "
        "AND starts_with(kode_rekening, '5') GROUP BY 1) "
        "SELECT a.k, n.nama, a.v, COALESCE(r.v, 0) FROM a LEFT JOIN r USING (k) "
        "LEFT JOIN ref_apbdes_kegiatan n ON n.kode = a.k ORDER BY a.v DESC LIMIT ?",
        [tahun, tahap, desa, tahun, desa, limit],
    )
    return [(k, n or k, Decimal(a), Decimal(r)) for k, n, a, r in rows]
