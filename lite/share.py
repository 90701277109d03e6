"""Share cards (OpenGraph and Twitter tags) for the interactive Dash pages: the village, the OPD or the
page by name, with its headline figures in the reader's language, and a preview image. Drawn from the
same page models as the pages, and cached by data version like them."""

from __future__ import annotations

import re

from budget import explorer as ex
from budget import queries
from budget.db import DataUnavailable, QueryTimeout
from budget.fmt import percent, rupiah
from budget.i18n import month, norm_lang, t
from models.home import home_page
from models.village import village_page
from serving import cache
from serving.sitemap import page_title
from serving.state import resolve
from serving.urls import href

RE_VILLAGE = re.compile(r"/desa/([0-9.]{1,20})/interaktif")


def share_meta(path: str, tahun=None, tahap=None, lang=None, skpd=None) -> dict:
    """title, description and image (a site path) for one view."""
    st = resolve(tahun, tahap, lang)
    L = st.lang
    state = {"tahun": tahun and st.tahun, "tahap": tahap and st.tahap, "lang": L if L != "id" else None}
    title = page_title(path, L)
    if st.year_missing:
        return {"title": title, "description": t("lite.description_default", L), "image": None}
    m = RE_VILLAGE.fullmatch(path)
    if m:
        p = village_page(st.tahun, st.tahap, m.group(1))
        if p.kind == "village":
            bulan = month(p.as_of_month, L) if p.as_of_month else "–"
            return {
                "title": f"{t('v.title', L, nama=p.nama)} · APBDes {p.tahun} · {t('app.title', L)}",
                "description": t(
                    "lite.description_village",
                    L,
                    nama=p.nama,
                    kec=p.kecamatan,
                    tahun=p.tahun,
                    belanja=rupiah(p.belanja, L),
                    pct=percent(p.serapan, L, 0),
                    bulan=bulan,
                ),
                "image": href(f"/kartu/desa/{p.kode}.png", state),
            }
    if path == "/apbd" and skpd in queries.skpd_codes(st.tahun):
        node = ex.Node("org", skpd)
        nama = ex.names(node).get(skpd, skpd)
        anggaran = {(y, s): v for y, s, v in ex.totals_by_year(node)}.get((st.tahun, st.tahap))
        real, last = ex.realised_by_year(node).get(st.tahun, (None, None))
        pct = real / anggaran * 100 if anggaran and real is not None else None
        return {
            "title": f"{nama} · APBD {st.tahun} · {t('app.title', L)}",
            "description": t(
                "share.opd",
                L,
                nama=nama,
                tahun=st.tahun,
                anggaran=rupiah(anggaran, L),
                pct=percent(pct, L, 0),
                bulan=month(last, L) if last else "–",
            ),
            "image": href("/kartu/ringkasan.png", state),
        }
    h = home_page(st.tahun, st.tahap, st.years, st.stages)
    description = t(
        "lite.description_summary",
        L,
        tahun=h.tahun,
        belanja=rupiah(h.belanja, L),
        pct=percent(h.serapan, L, 0),
        bulan=month(h.as_of_month, L) if h.as_of_month else "–",
    )
    return {"title": title, "description": description, "image": href("/kartu/ringkasan.png", state)}


def tags(path: str, args, host_url: str, url: str) -> str:
    """The share tags of one request, as HTML (values escaped)."""
    from html import escape

    lang = norm_lang(args.get("lang"))
    params = {k: args.get(k) for k in ("tahun", "tahap", "lang", "skpd")}
    try:
        meta = cache.cached(share_meta, {"path": path, **params}, host_url)
    except (DataUnavailable, QueryTimeout):
        meta = {"title": t("app.title", lang), "description": t("lite.description_default", lang), "image": None}
    image = host_url.rstrip("/") + meta["image"] if meta["image"] else None
    pairs = [
        ("name", "description", meta["description"]),
        ("property", "og:type", "website"),
        ("property", "og:site_name", "Anggaran Terbuka"),
        ("property", "og:title", meta["title"]),
        ("property", "og:description", meta["description"]),
        ("property", "og:url", url),
        ("name", "twitter:card", "summary_large_image" if image else "summary"),
        ("name", "twitter:title", meta["title"]),
        ("name", "twitter:description", meta["description"]),
    ]
    if image:
        pairs += [("property", "og:image", image), ("name", "twitter:image", image)]
    return "".join(f'<meta {kind}="{key}" content="{escape(value, quote=True)}">' for kind, key, value in pairs)
