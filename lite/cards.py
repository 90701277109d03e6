"""Share-card images (1200 x 630 PNG, as chat apps and social sites show them), drawn with Pillow from
the same page models as the pages. The fonts are Pillow's own (no system font needed)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from budget.fmt import percent, rupiah
from budget.i18n import month, t
from models.home import home_page
from models.village import village_page
from serving.state import resolve

W, H = 1200, 630
NAVY, WHITE, PALE, GREEN, TRACK = "#143d6b", "#ffffff", "#c9d6e8", "#2e8b57", "#0d2a4a"


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def _fit(draw: ImageDraw.ImageDraw, text: str, size: int, width: int) -> tuple[str, ImageFont.FreeTypeFont]:
    """The text in the largest size up to `size` that fits `width` (shortened with … at the smallest)."""
    while size > 28 and draw.textlength(text, font=_font(size)) > width:
        size -= 4
    font = _font(size)
    while draw.textlength(text, font=font) > width and len(text) > 4:
        text = text[:-2].rstrip() + "…"
    return text, font


def _card(title: str, lines: list[str], pct: float | None, pct_label: str, foot: str) -> bytes:
    img = Image.new("RGB", (W, H), NAVY)
    d = ImageDraw.Draw(img)
    d.text((64, 48), "Anggaran Terbuka · Kabupaten Batang", font=_font(32), fill=PALE)
    text, font = _fit(d, title, 72, W - 128)
    d.text((64, 110), text, font=font, fill=WHITE)
    y = 220
    for line in lines:
        text, font = _fit(d, line, 44, W - 128)
        d.text((64, y), text, font=font, fill=WHITE)
        y += 64
    if pct is not None:
        d.rounded_rectangle((64, 440, W - 64, 490), radius=12, fill=TRACK)
        filled = 64 + (W - 128) * max(0.0, min(pct, 100.0)) / 100
        if filled > 80:
            d.rounded_rectangle((64, 440, filled, 490), radius=12, fill=GREEN)
        d.text((64, 500), pct_label, font=_font(32), fill=PALE)
    d.text((64, H - 70), foot, font=_font(28), fill=PALE)
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


def village_card(kode: str, tahun=None, tahap=None, lang=None) -> bytes | None:
    st = resolve(tahun, tahap, lang)
    if st.year_missing:
        return None
    p = village_page(st.tahun, st.tahap, kode)
    if p.kind != "village":
        return None
    L = st.lang
    bulan = month(p.as_of_month, L) if p.as_of_month else "–"
    lines = [
        t("card.village_budget", L, tahun=p.tahun, belanja=rupiah(p.belanja, L)),
        t("card.spent", L, bulan=bulan, real=rupiah(p.realisasi, L), pct=percent(p.serapan, L, 0)),
    ]
    foot = t("card.kecamatan", L, kec=p.kecamatan, region=t("app.region", L)) + (
        " · " + t("card.demo", L) if p.illustrative else ""
    )
    serapan = float(p.serapan) if p.serapan is not None else None
    return _card(
        t("v.title", L, nama=p.nama), lines, serapan, t("kpi.serapan", L) + ": " + percent(p.serapan, L, 0), foot
    )


def summary_card(tahun=None, tahap=None, lang=None) -> bytes | None:
    st = resolve(tahun, tahap, lang)
    if st.year_missing:
        return None
    p = home_page(st.tahun, st.tahap, st.years, st.stages)
    L = st.lang
    bulan = month(p.as_of_month, L) if p.as_of_month else "–"
    lines = [
        t("card.regency_budget", L, tahun=p.tahun, belanja=rupiah(p.belanja, L)),
        t("card.spent", L, bulan=bulan, real=rupiah(p.realisasi_belanja, L), pct=percent(p.serapan, L, 0)),
    ]
    foot = t("app.region", L) + (" · " + t("card.demo", L) if p.illustrative else "")
    serapan = float(p.serapan) if p.serapan is not None else None
    title = t("home.heading", L, tahun=p.tahun)
    return _card(title, lines, serapan, t("kpi.serapan", L) + ": " + percent(p.serapan, L, 0), foot)
