from decimal import Decimal

from budget import queries


def test_years_and_stages(demo_db):
    assert queries.years() == [2026, 2025, 2024, 2023, 2022]
    assert queries.stages(2022) == ["murni", "perubahan"]
    assert queries.stages(2026) == ["murni"]
    assert queries.running_year() == 2026


def test_overview_matches_the_perda(demo_db):
    ov = queries.overview(2023, "murni")
    assert ov.pendapatan == Decimal("1773375171879")
    assert ov.belanja == Decimal("1823587840833")
    assert ov.pembiayaan_netto == Decimal("50212668954")
    assert ov.bulan_terakhir == 12


def test_monthly_cash_plan_sums_to_the_belanja_budget(demo_db):
    for tahun in (2022, 2026):
        tahap = queries.stages(tahun)[-1]
        plan = sum(k for _, _, k in queries.monthly_belanja(tahun))
        assert plan == queries.overview(tahun, tahap).belanja
