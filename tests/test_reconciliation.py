"""The demo reconciles to the published figures, and the contract's views hold exactly its columns."""

from decimal import Decimal

from etl.schema import TABLES


def test_views_have_exactly_the_contract_columns(con):
    for name, table in TABLES.items():
        cols = [d[0] for d in con.execute(f"SELECT * FROM {name} LIMIT 0").description]
        assert cols == table.column_names, name
        kind = con.execute("SELECT table_type FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()
        assert kind == ("VIEW",), name


def test_amounts_are_decimal_never_float(con):
    for name, table in TABLES.items():
        for col in table.columns:
            if col.name in ("nilai", "anggaran", "realisasi"):
                typ = con.execute(
                    "SELECT data_type FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
                    [name, col.name],
                ).fetchone()[0]
                assert typ == "DECIMAL(18,2)", (name, col.name)
    floats = con.execute(
        "SELECT COUNT(*) FROM information_schema.columns WHERE data_type IN ('FLOAT', 'DOUBLE') "
        "AND table_name NOT LIKE 'ref_%'"
    ).fetchone()[0]
    assert floats == 0


def test_every_published_figure_reconciles(demo_db):
    from budget import queries

    rows = queries.reconciliation()
    assert len(rows) >= 90
    bad = [(r.tahun, r.dokumen, r.kode, r.ukuran, r.published, r.ours) for r in rows if r.difference != 0]
    assert bad == []


def test_perda_2022_jenis_to_the_rupiah(con):
    got = dict(
        con.execute(
            "SELECT substr(kode_rekening, 1, 6), SUM(nilai) FROM apbd_anggaran WHERE tahun = 2022 AND tahap = 'murni' "
            "AND kode_rekening LIKE '5.%' GROUP BY 1"
        ).fetchall()
    )
    assert got["5.1.01"] == Decimal("759310227463.00")
    assert got["5.4.02"] == Decimal("331483769500.00")
    assert sum(got.values()) == Decimal("1829304856259.00")


def test_dana_desa_matches_published_and_the_apbd_line(con):
    published = {2022: "200193418000", 2023: "216576622000", 2024: "220580000000", 2025: "224459121000"}
    for tahun, value in published.items():
        for tahap in ("murni", "perubahan"):
            desa = con.execute(
                "SELECT SUM(nilai) FROM apbdes_anggaran WHERE tahun = ? AND tahap = ? AND kode_rekening = '4.2.1'",
                [tahun, tahap],
            ).fetchone()[0]
            apbd = con.execute(
                "SELECT SUM(nilai) FROM apbd_anggaran WHERE tahun = ? AND tahap = ? "
                "AND sumber_dana = 'Dana Desa' AND kode_rekening LIKE '5.%'",
                [tahun, tahap],
            ).fetchone()[0]
            assert desa == apbd == Decimal(value), (tahun, tahap)


def test_demo_shape(con):
    n = dict(con.execute("SELECT tahun, COUNT(*) FROM apbd_anggaran WHERE tahap = 'murni' GROUP BY 1").fetchall())
    assert set(n) == {2022, 2023, 2024, 2025, 2026}
    assert all(10_000 <= v <= 40_000 for v in n.values()), n
    desa = con.execute("SELECT COUNT(DISTINCT kode_desa) FROM apbdes_anggaran").fetchone()[0]
    assert desa == 239
    last = con.execute("SELECT MAX(bulan) FROM apbd_realisasi WHERE tahun = 2026").fetchone()[0]
    assert last == 10  # running year, realisation through October
    # Every OPD, the 15 kecamatan offices included, has budget lines.
    assert con.execute("SELECT COUNT(DISTINCT kode_skpd) FROM apbd_anggaran WHERE tahun = 2026").fetchone()[0] == 44


def test_village_budgets_are_in_the_realistic_range(con):
    rows = con.execute(
        "SELECT kode_desa, SUM(nilai) FILTER (WHERE kode_rekening LIKE '4.%'), "
        "SUM(nilai) FILTER (WHERE kode_rekening = '4.2.1') FROM apbdes_anggaran "
        "WHERE tahun = 2024 AND tahap = 'murni' GROUP BY 1"
    ).fetchall()
    totals = sorted(float(r[1]) for r in rows)
    median = totals[len(totals) // 2]
    assert 1.4e9 <= median <= 2.2e9
    shares = sorted(float(r[2] / r[1]) for r in rows)
    assert 0.45 <= shares[len(shares) // 2] <= 0.60


def test_year_end_rush_and_laggards_exist(con):
    share_h1 = con.execute(
        "SELECT SUM(nilai) FILTER (WHERE bulan <= 6) / SUM(nilai) FROM apbd_realisasi "
        "WHERE tahun = 2025 AND kode_rekening LIKE '5.%'"
    ).fetchone()[0]
    assert share_h1 < Decimal("0.45")
    lag = con.execute(
        """
        WITH r AS (SELECT kode_skpd, SUM(nilai) v FROM apbd_realisasi WHERE tahun = 2026 AND kode_rekening LIKE '5.%'
                   GROUP BY 1),
        k AS (SELECT kode_skpd, SUM(nilai) v FROM apbd_anggaran_kas WHERE tahun = 2026 AND bulan <= 10 GROUP BY 1)
        SELECT COUNT(*) FROM r JOIN k USING (kode_skpd) WHERE r.v < 0.7 * k.v
        """
    ).fetchone()[0]
    assert lag >= 3
