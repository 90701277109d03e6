"""The light pages for residents (`lite/`): server-rendered HTML from the same page models as the Dash
pages, without framework JavaScript, compressed, with share cards; tried through real gunicorn."""

from __future__ import annotations

import gzip
import html as html_lib
import io
import json
import re
import urllib.request

import brotli
import plotly
import pytest
from PIL import Image

from budget.fmt import percent, rupiah
from tests.test_serving import get, server  # noqa: F401  (the real gunicorn fixture)

SILURAH = "33.25.01.2001"
SAMPLE = ["33.25.01.2001", "33.25.10.2004", "33.25.03.2005", "33.25.15.2008", "33.25.08.2010"]
BUDGET_KB = 60  # a light page's first visit, transferred (HTML + CSS + images)


def fetch(url: str, encoding: str = "br, gzip") -> tuple[int, dict, bytes]:
    """The raw answer (still compressed) and its headers."""
    req = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def text_of(headers: dict, body: bytes) -> str:
    enc = headers.get("Content-Encoding")
    if enc == "br":
        body = brotli.decompress(body)
    elif enc == "gzip":
        body = gzip.decompress(body)
    return body.decode()


def visible(page: str) -> str:
    """The page's text as a reader sees it (tags dropped, entities and spaces normalised)."""
    body = re.sub(r"(?s)<(style|head)[^>]*>.*?</\1>", " ", page)
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", body))).replace("\xa0", " ")


def meta(page: str, key: str) -> str | None:
    m = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', page)
    return html_lib.unescape(m.group(1)) if m else None


def test_lite001_the_village_page_shows_the_models_figures_without_dash(server):  # noqa: F811
    from models.village import village_page

    status, headers, raw = fetch(f"{server}/desa/{SILURAH}?tahun=2026")
    assert status == 200 and headers["Content-Encoding"] == "br"
    page = text_of(headers, raw)
    seen = visible(page)
    p = village_page(2026, "murni", SILURAH)
    for figure in (rupiah(p.belanja), rupiah(p.realisasi), percent(p.serapan, "id", 0), rupiah(p.per_resident)):
        assert figure.replace("\xa0", " ") in seen, figure
    for b in p.bidang:
        assert b.nama in seen and percent(b.share, "id", 0) in seen
    for k in p.largest:
        assert html_lib.unescape(k.nama) in seen
    assert [str(y.tahun) for y in p.history] == re.findall(r"<strong>(\d{4})</strong>", page)
    assert "Data demo" in seen  # generated data is labelled
    assert "perkiraan" in seen.lower()  # the per-resident caveat
    # No framework JavaScript at all, nothing from elsewhere; a link to the interactive page.
    # The one script is the small service-worker registration (offline reading); no inline script.
    scripts = re.findall(r"<script([^>]*)>", page)
    assert len(scripts) == 1 and re.search(r'src="/assets/pwa\.js\?m=[\d.]+" defer', scripts[0]), scripts
    body = page.split("<body>")[1]
    assert "_dash-" not in page and not re.search(r'(src|href|action)="(https?:)?//', body)
    assert f'href="/desa/{SILURAH}/interaktif?tahun=2026"' in page
    assert '<html lang="id">' in page and meta(page, "description")


def test_lite002_english_is_an_equal(server):  # noqa: F811
    status, headers, raw = fetch(f"{server}/desa/{SILURAH}?lang=en")
    page = text_of(headers, raw)
    seen = visible(page)
    assert status == 200 and '<html lang="en">' in page
    assert "Where does the money come from?" in seen and "Demo data" in seen and "Uangnya" not in seen
    assert 'href="/desa/33.25.01.2001"' in page  # the switch back to Indonesian
    status, headers, raw = fetch(f"{server}/ringkasan?lang=en")
    seen = visible(text_of(headers, raw))
    assert "Operating spending (belanja operasi)" in seen and "Find your village" in seen


def test_lite003_share_cards_name_the_village_and_its_figures(server):  # noqa: F811
    from models.village import village_page

    p = village_page(2026, "murni", SILURAH)
    for lang, words in (("id", "Desa Silurah"), ("en", "Desa Silurah")):
        _, headers, raw = fetch(f"{server}/desa/{SILURAH}?lang={lang}")
        page = text_of(headers, raw)
        assert words in meta(page, "og:title") and words in meta(page, "twitter:title")
        assert rupiah(p.belanja, lang).replace("\xa0", " ") in meta(page, "og:description").replace("\xa0", " ")
        assert meta(page, "twitter:card") == "summary_large_image"
        image = meta(page, "og:image")
        assert image.startswith(server + f"/kartu/desa/{SILURAH}.png")
        status, img_headers, png = fetch(image)
        assert status == 200 and img_headers["Content-Type"] == "image/png"
        img = Image.open(io.BytesIO(png))
        assert img.size == (1200, 630)
        # Not a blank card: the navy ground, white title text and the green absorption bar are all there.
        colours = {c for _, c in img.convert("RGB").getcolors(1_000_000)}
        assert (20, 61, 107) in colours and (255, 255, 255) in colours and (46, 139, 87) in colours
    _, headers, raw = fetch(f"{server}/ringkasan")
    page = text_of(headers, raw)
    assert "Kabupaten Batang" in meta(page, "og:title")
    assert fetch(meta(page, "og:image"))[0] == 200
    assert fetch(f"{server}/kartu/desa/x.png")[0] == 404
    assert fetch(f"{server}/kartu/desa/33.25.11.1013.png")[0] == 404  # a kelurahan has no APBDes card


def test_lite004_kelurahan_unknown_and_hostile_codes(server):  # noqa: F811
    status, headers, raw = fetch(f"{server}/desa/33.25.11.1013")
    seen = visible(text_of(headers, raw))
    assert status == 200 and "kelurahan" in seen and "Kecamatan" in seen
    for code in ("33.25.99.9999", "x' OR 1=1 --", "<b onload=alert(1)>", "9" * 40):
        status, headers, raw = fetch(f"{server}/desa/{urllib.request.quote(code, safe='')}")
        page = text_of(headers, raw)
        assert status == 404 and "Desa tidak ditemukan" in page and "<b onload" not in page
        assert 'id="lite-search"' in page  # the search form, right there
    status, _, raw = fetch(f"{server}/desa/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert status == 404 and b"<script>alert" not in raw


def test_lite005_search_is_an_ordinary_form(server):  # noqa: F811
    status, headers, raw = fetch(f"{server}/cari?q=kaliboya")
    page = text_of(headers, raw)
    assert status == 200 and '<form action="/cari" method="get"' in page
    hits = re.findall(r'<a href="(/desa/[\d.]+)[^"]*"><strong>([^<]+)</strong>', page)
    assert hits[0] == ("/desa/33.25.10.2004", "Kaliboyo")
    assert len({h for h, _ in hits}) == len(hits)  # one line per village
    seen = visible(text_of(*fetch(f"{server}/cari?q=a")[1:]))
    assert "paling sedikit 2 huruf" in seen
    seen = visible(text_of(*fetch(f"{server}/cari?q=zzzzqqq")[1:]))
    assert "Tidak ada desa yang cocok" in seen
    seen = visible(text_of(*fetch(f"{server}/cari?q=kali&lang=en")[1:]))
    assert "Only the top 12 results are shown" in seen  # a truncated list says so
    assert fetch(f"{server}/cari?q=" + "x" * 5000)[0] in (200, 414)


def test_lite006_the_regency_summary_matches_its_model(server, con):  # noqa: F811
    from models.home import home_page

    _, headers, raw = fetch(f"{server}/ringkasan?tahun=2026")
    seen = visible(text_of(headers, raw))
    years = [y for (y,) in con.execute("SELECT DISTINCT tahun FROM apbd_anggaran").fetchall()]
    p = home_page(2026, "murni", years, ["murni"])
    for figure in (rupiah(p.belanja), rupiah(p.pendapatan), rupiah(p.realisasi_belanja), percent(p.serapan, "id", 0)):
        assert figure.replace("\xa0", " ") in seen, figure
    assert sum(k.anggaran for k in p.by_kind) == p.belanja
    for o in p.largest_opd:
        assert o.nama in seen
    assert f"dari {p.opd_count}" in seen


def test_lite007_the_same_numbers_as_the_dash_page_for_a_sample_of_villages(server):  # noqa: F811
    """One model, two renderers: the light page and the Dash page say the same figures."""
    from callbacks import desa
    from models.village import village_page

    for kode in SAMPLE:
        p = village_page(2026, "murni", kode)
        assert p.kind == "village", kode
        dash_text = json.dumps(
            desa.render_village(kode=kode, tahun="2026").to_plotly_json(),
            cls=plotly.utils.PlotlyJSONEncoder,
            ensure_ascii=False,
        ).replace("\xa0", " ")
        lite_text = visible(text_of(*fetch(f"{server}/desa/{kode}?tahun=2026")[1:]))
        figures = [rupiah(p.belanja), rupiah(p.realisasi), percent(p.serapan, "id", 0), rupiah(p.per_resident)]
        figures += [rupiah(b.anggaran) for b in p.bidang] + [rupiah(k.anggaran) for k in p.largest]
        for f in figures:
            f = f.replace("\xa0", " ")
            assert f in dash_text and f in lite_text, (kode, f)


def test_lite008_a_first_visit_is_within_its_budget_and_revisits_are_cheap(server):  # noqa: F811
    for path in (f"/desa/{SILURAH}", "/ringkasan", "/cari?q=silurah"):
        status, headers, raw = fetch(server + path)
        page = text_of(headers, raw)
        # Everything the page loads: the HTML (styles inline, and the print-only QR code inline as a data URI),
        # the service-worker script; no stylesheet, no image fetched.
        assert re.findall(r'<(?:link rel="stylesheet"|img(?![^>]*src="data:))', page) == []
        loaded = re.findall(r'<script src="([^"]+)"', page)
        transferred = len(raw) + sum(len(fetch(server + src)[2]) for src in loaded)
        assert transferred <= BUDGET_KB * 1024, (path, transferred)
        etag = headers["ETag"]
        req = urllib.request.Request(server + path, headers={"If-None-Match": etag, "Accept-Encoding": "br"})
        with pytest.raises(urllib.error.HTTPError) as not_modified:
            urllib.request.urlopen(req, timeout=10)
        assert not_modified.value.code == 304


def test_lite009_the_dash_pages_link_to_the_light_ones(demo_db):
    from callbacks import desa, home

    village = json.dumps(desa.render_village(kode=SILURAH).to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder)
    assert f'"href": "/desa/{SILURAH}?' in village and "v-lite-link" in village
    overview = json.dumps(home.render().to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder)
    assert '"href": "/ringkasan?' in overview


def test_lite010_the_interactive_pages_are_compressed_cached_and_use_the_trimmed_plotly(server):  # noqa: F811
    """Every text file compressed; fingerprinted files cached for a year without revalidation; the page names
    our trimmed plotly.js (bar, scatter, treemap) for dcc.Graph to fetch when a chart mounts, never the full
    bundle, and loads neither Dash's @babel/polyfill nor dash_table (the regenerator runtime alone instead)."""
    _, headers, raw = fetch(f"{server}/apbd")
    page = text_of(headers, raw)
    assert headers["Content-Encoding"] == "br"
    refs = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', page)
    assert not any("plotly" in r and "plotly-src.js" not in r for r in scripts)  # fetched when a chart mounts
    assert not any("polyfill" in r or "dash_table" in r for r in scripts), scripts
    assert any("00-regenerator-runtime.min.js?m=" in r for r in scripts)
    assert any("static_html" in r for r in scripts)
    refs.append(meta(page, "plotly-src"))
    assert "00-plotly-custom.min.js?m=" in refs[-1]
    total = len(raw)
    for ref in refs:
        status, h, body = fetch(server + ref)
        assert status == 200, ref
        total += len(body)
        if ref.endswith((".ico", ".png")) or ".ico?" in ref or ".png?" in ref:
            continue
        assert h.get("Content-Encoding") in ("br", "deflate", "gzip"), (ref, h.get("Content-Encoding"))
        if "?m=" in ref or "/_dash-component-suites/" in ref:
            assert h["Cache-Control"] == "public, max-age=31536000, immutable", ref
    assert total <= 900 * 1024, total  # the interactive pages' budget for a first visit
    bundle = [r for r in refs if "00-plotly-custom" in r][0]
    text = text_of(*fetch(server + bundle)[1:])
    assert "new Function(" not in text and "eval(" not in text  # runs under a CSP without unsafe-eval
    assert "treemap" in text and len(text) < 2_000_000  # the full bundle is 4.8 MB


def test_lite011_the_interactive_pages_have_share_cards_too(server):  # noqa: F811
    """A shared OPD or village link from the explorer previews with its name and figures, in its language."""
    from budget import explorer as ex

    skpd = ex.children(2026, "murni", ex.Node("org")).rows[0].key
    nama = ex.names(ex.Node("org", skpd))[skpd]
    _, headers, raw = fetch(f"{server}/apbd?tahun=2026&skpd={skpd}")
    page = text_of(headers, raw)
    assert meta(page, "og:title").startswith(nama) and "2026" in meta(page, "og:description")
    assert len(re.findall(r'<meta name="description"', page)) == 1 and meta(page, "description")
    assert fetch(meta(page, "og:image"))[0] == 200
    _, headers, raw = fetch(f"{server}/desa/{SILURAH}/interaktif?lang=en")
    page = text_of(headers, raw)
    assert meta(page, "og:title").startswith("Desa Silurah") and "spending budget" in meta(page, "og:description")
    assert meta(page, "og:image").startswith(server + f"/kartu/desa/{SILURAH}.png")
    _, headers, raw = fetch(f"{server}/serapan")
    page = text_of(headers, raw)
    assert meta(page, "og:title").startswith("Serapan") and "Rp" in meta(page, "og:description")
