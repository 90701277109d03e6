"""The resources of `/api/v1/`, each a thin mapping from a page model (or the query layer) to its answer."""

from __future__ import annotations

import re
from decimal import Decimal

from api import schemas as s
from api.routes import Problem, meta, page, pct, registered, resource, year_stage
from budget import desa as dq
from budget import explorer as ex
from budget import queries
from budget.search import villages as search_villages

ZERO = Decimal(0)


@resource("/tahun", s.Query, list[s.YearInfo], summary="Years and data versions", not_found=False)
@registered
def years(q):
    """Every year with data, its budget stages, whether it is demo data, and its last realised month. The
    data version in `meta` changes at every publish."""
    info = queries.dataset_info()
    out = [
        s.YearInfo(
            tahun=t,
            tahap=queries.stages(t),
            demo=t in info["illustrative_years"],
            bulan_terakhir=queries.last_realised_month(t),
        )
        for t in queries.years()
    ]
    return out, meta(None, None, q, len(out))


@resource(
    "/ringkasan",
    s.YearQuery,
    s.Summary,
    summary="The regency summary (as on / and /ringkasan)",
    example="/ringkasan?tahun=2025",
)
@registered
def summary(q):
    """This year's budget, how much is realised, the cash plan, and where the money goes."""
    from models.home import home_page

    tahun, tahap = year_stage(q.tahun, q.tahap)
    p = home_page(tahun, tahap, queries.years(), queries.stages(tahun))

    def shares(rows):
        return [
            s.Share(kode=x.kode, nama=x.nama, anggaran=x.anggaran, realisasi=x.realisasi, persen=pct(x.share))
            for x in rows
        ]

    data = s.Summary(
        tahun=tahun,
        tahap=tahap,
        bulan_terakhir=p.as_of_month,
        pendapatan=p.pendapatan,
        realisasi_pendapatan=p.realisasi_pendapatan,
        capaian_pendapatan=pct(p.capaian_pendapatan),
        belanja=p.belanja,
        realisasi_belanja=p.realisasi_belanja,
        serapan=pct(p.serapan),
        rencana_kas_persen=pct(p.plan_share_to_date),
        pembiayaan_netto=p.pembiayaan_netto,
        penerimaan_pembiayaan=p.penerimaan_pembiayaan,
        pengeluaran_pembiayaan=p.pengeluaran_pembiayaan,
        belanja_menurut_kelompok=shares(p.by_kind),
        opd_terbesar=shares(p.largest_opd),
        jumlah_opd=p.opd_count,
    )
    return data, meta(tahun, tahap, q, len(data.belanja_menurut_kelompok))


def _child_params(node: ex.Node, c: ex.Child) -> dict[str, str]:
    try:
        child = ex.child_node(node, c.key)
    except ex.BadNode:
        return {}
    return {k: v for k, v in child.params().items() if v}


@resource(
    "/apbd",
    s.ApbdQuery,
    s.ApbdNode,
    summary="The APBD drill-down at any node (as on /apbd)",
    example="/apbd?tahun=2025&dim=ekonomi&kode=5.1&limit=5",
)
@registered
def apbd(q):
    """A node of one of five hierarchies (dim): its breadcrumbs, anggaran and realisasi, and its children
    (paged), each with the parameters of its own node; a line item (skpd + kode + rek) gives its
    particulars. The parameters are those of the /apbd page."""
    from models.apbd import apbd_node

    tahun, tahap = year_stage(q.tahun, q.tahap)
    p = apbd_node(tahun, tahap, queries.years(), q.dim, q.skpd, q.kode, q.rek, q.sd, q.tanpa)
    if p.node is None:
        # Each value already has the right shape (checked above): what is left is a combination that names
        # no node of the hierarchy, so the answer is "no such node", naming the parameter.
        bad = p.bad_param or ""
        m = re.match(r"(dim|skpd|kode|rek|sd|tanpa)\b", bad)
        name = m.group(1) if m else ("rek" if "line item" in bad else None)
        raise Problem(404, name, f"no such node: {bad}", f"simpul tidak ada: {bad}")
    if p.missing is not None:
        raise Problem(
            404, "kode" if q.kode else "skpd", f"no budget for {p.missing}", f"tidak ada anggaran untuk {p.missing}"
        )
    children = [
        s.Child(
            kode=c.kode,
            nama=c.nama,
            anggaran=c.anggaran,
            realisasi=c.realisasi,
            serapan=pct(c.serapan),
            sisa=c.sisa,
            rincian=c.detail,
            baris_anggaran=c.is_item,
            digabung=c.rest_count,
            params=_child_params(p.node, c) if not c.rest_count else {},
        )
        for c in p.children
    ]
    data = s.ApbdNode(
        tahun=tahun,
        tahap=tahap,
        params={k: v for k, v in p.node.params().items() if v},
        crumbs=[s.Crumb(level=c.level, kode=c.code, nama=c.nama) for c in p.crumbs],
        anggaran=p.anggaran,
        realisasi=p.realisasi,
        serapan=pct(p.realisasi / p.anggaran * 100) if p.anggaran else None,
        bulan_terakhir=p.as_of_month,
        anggaran_murni=p.murni,
        anggaran_perubahan=p.perubahan,
        tingkat_anak=p.child_level,
        children=page(children, q),
        children_anggaran=p.children_anggaran,
        children_realisasi=p.children_realisasi,
        baris=[s.LineField(label=k, value=v) for k, v in p.line.rows] if p.line else None,
    )
    return data, meta(tahun, tahap, q, len(children))


@resource(
    "/apbd/bulanan",
    s.MonthlyQuery,
    s.Monthly,
    summary="Monthly realisation and cash plan",
    example="/apbd/bulanan?tahun=2025",
)
@registered
def monthly(q):
    """The cumulative realisation and cash plan by month, for the regency or one OPD (skpd)."""
    from models.apbd import apbd_node

    tahun, _ = year_stage(q.tahun, None, need_stage=False)
    tahap = queries.stages(tahun)[-1]
    p = apbd_node(tahun, tahap, queries.years(), "org", q.skpd)
    if p.node is None or p.missing is not None or p.history is None:
        raise Problem(
            404, "skpd", f"no budget for skpd={q.skpd} in {tahun}", f"tidak ada anggaran skpd={q.skpd} pada {tahun}"
        )
    h = p.history
    plan = h.plan or [None] * 12
    months = [
        s.Month(bulan=m, realisasi_kumulatif=a, rencana_kas_kumulatif=k)
        for m, a, k in zip(range(1, 13), h.actual, plan)
    ]
    nama = next((c.nama for c in reversed(p.crumbs) if c.level == "skpd"), None)
    data = s.Monthly(tahun=tahun, skpd=q.skpd, nama=nama, anggaran=p.anggaran, bulan=months)
    return data, meta(tahun, tahap, q, 12)


@resource(
    "/serapan",
    s.SerapanQuery,
    s.Absorption,
    summary="Absorption status per OPD or village (as on /serapan)",
    example="/serapan?unit=desa&limit=10",
)
@registered
def absorption(q):
    """Each OPD's (or village's) realisation against its cash plan to the month, its status band (aman,
    waspada ≥ 5 points behind, kritis ≥ 15) and its year-end forecast, most behind plan first."""
    from budget import serapan as sv
    from models.serapan import serapan_page

    tahun, _ = year_stage(q.tahun, None, need_stage=False)
    last = sv.last_month(tahun, q.unit) or 12
    if q.bulan is not None and q.bulan > last:
        raise Problem(
            404,
            "bulan",
            f"no realisation yet for month {q.bulan}; the last is {last}",
            f"belum ada realisasi bulan {q.bulan}; terakhir {last}",
        )
    p = serapan_page(tahun, q.unit, q.bulan or last, sv.WARNING_PP, sv.CRITICAL_PP)
    rows = [
        s.StatusRow(
            peringkat=r.rank,
            kode=r.kode,
            nama=r.nama,
            status=r.band,
            deviasi=pct(r.deviasi),
            serapan=pct(r.serapan),
            rencana_persen=pct(r.rencana_pct),
            anggaran=r.anggaran,
            proyeksi_akhir_tahun=s.Forecast(titik=r.forecast[0], rendah=r.forecast[1], tinggi=r.forecast[2])
            if r.forecast
            else None,
        )
        for r in p.rows
    ]
    data = s.Absorption(
        tahun=tahun,
        unit=q.unit,
        bulan=p.bulan,
        bulan_terakhir=p.last_month,
        ambang_waspada=p.warning,
        ambang_kritis=p.critical,
        anggaran=p.anggaran,
        realisasi=p.realisasi,
        rencana=p.rencana,
        jumlah=p.counts,
        rows=page(rows, q),
    )
    return data, meta(tahun, None, q, len(rows))


@resource(
    "/desa",
    s.VillagesQuery,
    list[s.VillageRow],
    summary="Villages and their budgets (as on /desa)",
    example="/desa?kec=33.25.01",
)
@registered
def villages(q):
    """Every village (desa) with its APBDes income, spending, realisation and Dana Desa; optionally one
    kecamatan (kec). Kelurahan have no APBDes and are not listed."""
    tahun, tahap = year_stage(q.tahun, q.tahap)
    rows = [
        s.VillageRow(
            kode=v.kode,
            nama=v.nama,
            kode_kecamatan=v.kode_kecamatan,
            kecamatan=v.kecamatan,
            pendapatan=v.pendapatan,
            belanja=v.belanja,
            realisasi=v.realisasi,
            serapan=pct(v.serapan),
            dana_desa=v.dana_desa,
        )
        for v in dq.villages(tahun, tahap, q.kec)
    ]
    if q.kec and not rows:
        raise Problem(404, "kec", f"no villages in kecamatan {q.kec}", f"tidak ada desa di kecamatan {q.kec}")
    return page(rows, q), meta(tahun, tahap, q, len(rows))


@resource(
    "/desa/<kode>",
    s.VillageQuery,
    s.Village,
    summary="One village: bidang, kegiatan, income by source (as on /desa/<kode>)",
    path_params=(("kode", s.KODE_DESA, "village code (kode desa), e.g. 33.25.01.2001", "33.25.01.2001"),),
    example="/desa/33.25.01.2001?tahun=2025",
)
@registered
def village(q, kode: str):
    """One village's APBDes: spending and realisation, income by source, spending by bidang, every kegiatan
    (largest first, paged) and five years of totals. A kelurahan answers with jenis=kelurahan and no
    APBDes (its budget is in its kecamatan office's APBD)."""
    from models.village import village_page

    if not dq.RE_DESA.fullmatch(kode):
        raise Problem(400, "kode", "kode: a village code like 33.25.01.2001", "kode: kode desa seperti 33.25.01.2001")
    tahun, tahap = year_stage(q.tahun, q.tahap)
    p = village_page(tahun, tahap, kode)
    if p.kind == "not_found":
        raise Problem(404, "kode", f"no village {kode}", f"tidak ada desa {kode}")
    kegiatan = (
        [
            s.Kegiatan(kode=k, nama=n, anggaran=a, realisasi=r)
            for k, n, a, r in dq.kegiatan_ranking(tahun, tahap, kode, 10_000)
        ]
        if p.kind == "village"
        else []
    )
    data = s.Village(
        kode=kode,
        jenis=p.kind,
        nama=p.nama,
        kecamatan=p.kecamatan,
        tahun=tahun,
        tahap=tahap,
        belanja=p.belanja,
        realisasi=p.realisasi,
        serapan=pct(p.serapan),
        belanja_per_penduduk=p.per_resident,
        pendapatan_menurut_sumber=[
            s.Income(sumber=i.sumber, anggaran=i.anggaran, realisasi=i.realisasi) for i in p.income
        ],
        bidang=[s.Bidang(kode=b.kode, nama=b.nama, anggaran=b.anggaran, persen=pct(b.share)) for b in p.bidang],
        kegiatan=page(kegiatan, q),
        riwayat=[s.YearTotal(tahun=y.tahun, anggaran=y.anggaran, realisasi=y.realisasi) for y in p.history],
    )
    return data, meta(tahun, tahap, q, len(kegiatan))


@resource(
    "/cari",
    s.SearchQuery,
    list[s.Hit],
    summary="Search OPD, programmes, activities, accounts and villages",
    not_found=False,
    example="/cari?q=puskesmas",
)
@registered
def search(q):
    """Typo-tolerant search over the names of the APBD (OPD, programme, kegiatan, sub kegiatan, account) and
    the villages, best first; each hit has the URL of its page."""
    from budget.search import search as apbd_search
    from serving.urls import href

    tahun, _ = year_stage(q.tahun, None, need_stage=False)
    scored = [
        (score, s.Hit(jenis=j, kode=k, nama=n, skpd=None, skpd_nama=kc, url=f"/desa/{k}"))
        for k, n, kc, j, score in search_villages(q.q, limit=20)
    ]
    for h in apbd_search(tahun, q.q, limit=50):
        if h.jenis == "skpd":
            params = {"tahun": str(tahun), "skpd": h.kode}
        elif h.jenis == "rekening":
            params = {"tahun": str(tahun), "dim": "ekonomi", "kode": h.kode}
        else:
            params = {"tahun": str(tahun), "skpd": h.skpd, "kode": h.kode}
        hit = s.Hit(
            jenis=h.jenis, kode=h.kode, nama=h.nama, skpd=h.skpd, skpd_nama=h.skpd_nama, url=href("/apbd", params)
        )
        scored.append((h.score, hit))
    hits = [h for _, h in sorted(scored, key=lambda x: -x[0])]  # best first, villages and budget lines together
    return page(hits, q), meta(tahun, None, q, len(hits))


@resource(
    "/istilah", s.GlossaryQuery, list[s.Term], summary="The glossary of budget terms (as on /istilah)", not_found=False
)
@registered
def glossary(q):
    """Every term residents meet on the pages, in plain Indonesian and English, with an example from the
    published data and where the term comes from."""
    from budget import glossary as gl
    from models.glossary import example

    terms = [
        s.Term(
            kunci=t.key,
            istilah=t.istilah,
            penjelasan=t.penjelasan,
            explanation=t.explanation,
            term_en=t.term_en,
            sumber=t.sumber,
            contoh=example(t, "id"),
            example=example(t, "en"),
        )
        for t in gl.terms()
    ]
    return page(terms, q), meta(None, None, q, len(terms))
