"""Absorption monitor logic: bands, forecasts and mandatory-spending rules, on the real demo database."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budget import rules
from budget import serapan as sv
from callbacks.serapan import thresholds


@pytest.mark.parametrize(
    "dev, expected",
    [
        (Decimal(2), "aman"),
        (Decimal(0), "aman"),
        (Decimal("-4.9"), "aman"),
        (Decimal(-5), "waspada"),
        (Decimal("-14.9"), "waspada"),
        (Decimal(-15), "kritis"),
        (Decimal(-60), "kritis"),
        (None, "na"),
    ],
)
def test_band_defaults(dev, expected):
    assert sv.band(dev) == expected


def test_band_custom_thresholds_and_url_allow_list():
    assert sv.band(Decimal(-8), Decimal(10), Decimal(20)) == "aman"
    assert thresholds("10", "20") == (Decimal("10.0"), Decimal("20.0"))
    for bad in (("20", "10"), ("abc", "5"), ("0", "15"), ("5", "99"), ("1e9", "2")):
        assert thresholds(*bad) == (sv.WARNING_PP, sv.CRITICAL_PP)


def test_status_is_realisation_against_the_cash_plan(demo_db, con):
    sts = {s.kode: s for s in sv.opd_status(2026, 10)}
    dinkes = sts["1.02.0.00.0.00.01.0000"]
    real = con.execute(
        "SELECT SUM(nilai) FROM apbd_realisasi WHERE tahun = 2026 AND bulan <= 10 AND "
        "kode_skpd = '1.02.0.00.0.00.01.0000' AND kode_rekening LIKE '5%'"
    ).fetchone()[0]
    plan = con.execute(
        "SELECT SUM(nilai) FROM apbd_anggaran_kas WHERE tahun = 2026 AND bulan <= 10 AND "
        "kode_skpd = '1.02.0.00.0.00.01.0000'"
    ).fetchone()[0]
    assert dinkes.realisasi == real and dinkes.rencana == plan
    assert dinkes.deviasi == (real - plan) / dinkes.anggaran * 100


def test_the_designed_laggards_are_critical(demo_db):
    crit = {s.nama for s in sv.opd_status(2026, 10) if sv.band(s.deviasi) == "kritis"}
    assert {"DPUPR", "DPRKP", "Dislutkanak", "Disperpuska"} <= crit
    villages = [s for s in sv.desa_status(2026, 10) if sv.band(s.deviasi) == "kritis"]
    assert len(villages) >= 10


def test_village_norm_uses_other_complete_years(demo_db):
    shares, years = sv.village_norm(2026)
    assert years == [2022, 2023, 2024, 2025]
    assert all(a <= b for a, b in zip(shares, shares[1:]))
    assert Decimal("0.85") < shares[-1] <= 1


def test_forecast_is_realised_over_the_usual_share(demo_db):
    sts = sv.opd_status(2026, 10)
    s = next(x for x in sts if x.nama == "Dinkes")
    f = sv.forecast("opd", 2026, 10, s.kode, s.nama, s.anggaran, s.realisasi)
    ratios = sv._ratios("opd", 10, 2026, by_unit=True)[s.kode]
    assert sorted(ratios) == [2022, 2023, 2024, 2025] == f.years
    mean = sum(ratios.values()) / len(ratios)
    assert abs(f.point - s.realisasi / mean) < Decimal("0.01") * f.point
    assert f.low <= f.point <= f.high
    # The batch path gives the same answer as the single one.
    batch = {x.kode: x for x in sv.forecasts("opd", 2026, 10, sts)}[s.kode]
    assert abs(batch.point - f.point) < 1
    # A past year at December is its own final outcome.
    final = sv.forecast("opd", 2025, 12, s.kode, s.nama, s.anggaran, s.realisasi)
    assert final.point == s.realisasi


def test_mandatory_spending_rules(demo_db):
    by = {c.rule.key: c for c in rules.checks(2026)}
    assert set(by) == {"pegawai", "infrastruktur", "pendidikan", "kesehatan", "add"}
    assert by["pegawai"].status == "transisi"  # UU 1/2022 binds from 2027
    assert by["kesehatan"].status == "info"  # UU 17/2023 removed the health mandate
    assert by["pendidikan"].status in ("ok", "gagal")
    assert by["pendidikan"].pct == by["pendidikan"].numerator / by["pendidikan"].denominator * 100
    by22 = {c.rule.key: c for c in rules.checks(2022)}
    assert by22["kesehatan"].status in ("ok", "gagal")  # binding in 2022
    for c in rules.checks(2026):
        assert c.rule.source and c.rule.approximation("id") and c.rule.approximation("en")


def test_rule_status_logic():
    r = rules.Rule("x", Decimal(20), None, "src", (None, None))
    assert rules._status(r, 2026, Decimal(25)) == "ok"
    assert rules._status(r, 2026, Decimal(15)) == "gagal"
    later = rules.Rule("y", None, Decimal(30), "src", (2027, None))
    assert rules._status(later, 2026, Decimal(40)) == "transisi"
    assert rules._status(later, 2027, Decimal(40)) == "gagal"


def test_a_unit_month_by_month_matches_the_database(demo_db, con):
    """The selected OPD's month-by-month table: cumulative realisation and plan as % of its budget."""
    import json

    import plotly

    from callbacks import serapan

    kode = "1.03.0.00.0.00.01.0000"  # DPUPR, one of the laggards
    cv = sv.curve(2026, "opd", kode)
    budget = con.execute(
        "SELECT SUM(nilai) FROM apbd_anggaran WHERE tahun = 2026 AND tahap = 'murni' AND "
        "kode_skpd = ? AND kode_rekening LIKE '5%'",
        [kode],
    ).fetchone()[0]
    real6 = con.execute(
        "SELECT SUM(nilai) FROM apbd_realisasi WHERE tahun = 2026 AND bulan <= 6 AND kode_skpd = ? "
        "AND kode_rekening LIKE '5%'",
        [kode],
    ).fetchone()[0]
    plan6 = con.execute(
        "SELECT SUM(nilai) FROM apbd_anggaran_kas WHERE tahun = 2026 AND bulan <= 6 AND kode_skpd = ?", [kode]
    ).fetchone()[0]
    assert cv["actual"][5] == real6 / budget * 100 and cv["plan"][5] == plan6 / budget * 100
    assert cv["actual"][10] is None  # November has not happened yet
    page = json.dumps(
        serapan.render(kode=kode).to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False
    )
    assert "serapan-month-table" in page and "DPUPR" in page


def test_a_long_movement_list_says_how_many_it_leaves_out(demo_db):
    """A truncated list says so: the monitor names 40 units that changed band and counts the rest."""
    import json

    import plotly

    from callbacks import serapan
    from models.serapan import MOVEMENT_SHOWN, serapan_page

    def dump(page) -> str:
        return json.dumps(page.to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)

    p = serapan_page(2026, "desa", 4, Decimal(1), Decimal(2))
    assert p.moved_total > MOVEMENT_SHOWN == len(p.moved)
    for lang, word in (("id", "dan"), ("en", "and")):
        text = dump(serapan.render(tahun="2026", unit="desa", bulan="4", waspada="1", kritis="2", lang=lang))
        assert f"{word} {p.moved_total - MOVEMENT_SHOWN} " in text and "serapan-movement-more" in text
    short = serapan.render(tahun="2026", unit="desa", bulan="6")
    assert "serapan-movement-more" not in dump(short)
