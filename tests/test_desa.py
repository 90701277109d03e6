"""Village budgets: lines sum to villages, villages to kecamatan and regency; per-resident maths."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budget import desa as dq
from budget import queries, search


def test_every_village_total_is_the_sum_of_its_lines(con):
    bad = con.execute(
        """
        WITH lines AS (SELECT tahun, tahap, kode_desa, SUM(nilai) s FROM apbdes_anggaran GROUP BY ALL),
        via_bidang AS (SELECT tahun, tahap, kode_desa, SUM(s) s FROM (
            SELECT tahun, tahap, kode_desa, left(COALESCE(kode_kegiatan, ''), 2) b, SUM(nilai) s
            FROM apbdes_anggaran GROUP BY ALL) GROUP BY ALL)
        SELECT COUNT(*) FROM lines JOIN via_bidang USING (tahun, tahap, kode_desa) WHERE lines.s <> via_bidang.s
        """
    ).fetchone()[0]
    assert bad == 0
    # A village's budget balances: pendapatan + penerimaan pembiayaan = belanja + pengeluaran pembiayaan.
    unbalanced = con.execute(
        """
        SELECT COUNT(*) FROM (
          SELECT kode_desa, SUM(CASE WHEN kode_rekening LIKE '4%' OR kode_rekening LIKE '6.1%' THEN nilai
                                     ELSE -nilai END) d FROM apbdes_anggaran GROUP BY tahun, tahap, kode_desa)
        WHERE d <> 0
        """
    ).fetchone()[0]
    assert unbalanced == 0


def test_drill_sums_at_every_level(demo_db):
    for tahun in queries.years():
        for tahap in queries.stages(tahun):
            root = dq.children(tahun, tahap, dq.DesaNode())
            assert len(root.rows) == 15
            vs = dq.villages(tahun, tahap)
            assert len(vs) == 239
            assert root.anggaran == sum((v.belanja for v in vs), Decimal(0))
            assert root.realisasi == sum((v.realisasi for v in vs), Decimal(0))
            for kec in root.rows[:3]:
                node = dq.child_node(dq.DesaNode(), kec.key)
                ch = dq.children(tahun, tahap, node)
                assert ch.anggaran == kec.anggaran and ch.realisasi == kec.realisasi
                village = dq.child_node(node, ch.rows[-1].key)
                path = [village]
                while dq.child_level(path[-1]) not in ("item", "none"):
                    c = dq.children(tahun, tahap, path[-1])
                    parent_total = c.anggaran
                    path.append(dq.child_node(path[-1], c.rows[0].key))
                    assert dq.children(tahun, tahap, path[-1]).anggaran == c.rows[0].anggaran
                    assert parent_total >= c.rows[0].anggaran


def test_dana_desa_over_villages_equals_the_apbd_figure(demo_db, con):
    for tahun in queries.years():
        for tahap in queries.stages(tahun):
            dd = dict((c, a) for c, a, _ in dq.income_by_source(tahun, tahap, dq.DesaNode()))["DDS"]
            apbd = con.execute(
                "SELECT SUM(nilai) FROM apbd_anggaran WHERE tahun = ? AND tahap = ? AND "
                "sumber_dana = 'Dana Desa' AND kode_rekening LIKE '5.%'",
                [tahun, tahap],
            ).fetchone()[0]
            assert dd == apbd


def test_per_resident_uses_equal_shares_of_the_kecamatan_population(demo_db, con):
    pop = dq.estimated_population()
    assert len(pop) == 248
    # Kec. Batang: 133,738 residents (2020) over 12 desa + 9 kelurahan.
    assert pop["33.25.11.2001"] == Decimal(133738) / 21
    assert sum(pop.values()).quantize(Decimal(1)) == 801718
    v = next(v for v in dq.villages(2025, "perubahan") if v.kode == "33.25.11.2001")
    assert v.per_resident == v.belanja / (Decimal(133738) / 21)


def test_median():
    assert dq.median([Decimal(3), Decimal(1), Decimal(2)]) == 2
    assert dq.median([Decimal(1), Decimal(2)]) == Decimal("1.5")
    assert dq.median([]) is None


@pytest.mark.parametrize(
    "params",
    [
        {"desa": "33.25.01.2001'--"},
        {"kec": "99.99.99"},
        {"kode": "01"},
        {"desa": "33.25.01.2001", "kode": "01", "rek": "5.1.1.01"},
    ],
)
def test_bad_village_nodes(params):
    with pytest.raises(dq.BadDesaNode):
        dq.parse_node(**params)


def test_village_search_is_typo_tolerant_and_names_the_kecamatan(demo_db):
    hits = search.villages("kaliboya")
    assert hits[0][1] == "Kaliboyo" and hits[0][2] == "Tulis"
    assert search.villages("33.25.11.10")[0][3] == "kelurahan"


def test_village_search_is_ranked_like_the_budget_search(demo_db):
    """One ranking for budget lines and villages (the trial's fix): a name that starts with the query comes
    before one that only contains it, and a name that shares no real piece of it is no hit."""
    names = [h[1] for h in search.villages("tegal")]
    assert names and all("tegal" in n.lower() for n in names), names  # not Kalitengah, Watesalit
    names = [h[1] for h in search.villages("banyu")]
    assert names.index("Banyuputih") < names.index("Sangubanyu")
    assert [h[1] for h in search.villages("kec")] == ["Kecepak"]


def test_map_click_opens_the_village_page(demo_db):
    from callbacks.desa import ID_MAP, click_target

    url = click_target("?tahun=2025", {"points": [{"customdata": ["33.25.10.2004", "Kaliboyo"]}]}, ID_MAP)
    assert url.startswith("/desa/33.25.10.2004/interaktif?")
    assert click_target("?tahun=2025", {"points": [{"customdata": ["javascript:alert(1)"]}]}, ID_MAP) is None


def test_map_draws_polygons_when_a_boundary_file_is_configured(demo_db, tmp_path, monkeypatch):
    """A deployment's own GeoJSON (here a small one the test writes) turns centroids into filled polygons."""
    import json

    from budget import geo
    from components.desa import village_map

    square = [[109.70, -6.90], [109.71, -6.90], [109.71, -6.91], [109.70, -6.91], [109.70, -6.90]]
    gj = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"kode": "33.25.11.2001"},
                "geometry": {"type": "Polygon", "coordinates": [square]},
            },
            {
                "type": "Feature",
                "properties": {"kode_desa": "33.25.11.2002"},
                "geometry": {"type": "MultiPolygon", "coordinates": [[square], [square]]},
            },
        ],
    }
    (tmp_path / "desa.geojson").write_text(json.dumps(gj))
    monkeypatch.setenv("BOUNDARIES_DIR", str(tmp_path))
    polys = geo.village_polygons()
    assert set(polys) == {"33.25.11.2001", "33.25.11.2002"} and len(polys["33.25.11.2002"]) == 2
    points = [
        {"kode": k, "nama": k, "kecamatan": "Batang", "lat": -6.905, "lng": 109.705, "value": v, "text": "x"}
        for k, v in (("33.25.11.2001", 10.0), ("33.25.11.2002", 90.0))
    ]
    fig = village_map(points, "Serapan", "id", polys)
    fills = [tr for tr in fig["data"] if tr.get("fill") == "toself"]
    assert fills and fig["data"][-1]["mode"] == "markers"
    # Without a boundary file: centroids only, and nothing breaks when the file is unreadable.
    monkeypatch.setenv("BOUNDARIES_DIR", str(tmp_path / "absent"))
    assert geo.village_polygons() is None
    assert all(tr.get("fill") != "toself" for tr in village_map(points, "Serapan", "id", None)["data"])
