from decimal import Decimal

from budget.fmt import percent, rupiah, rupiah_full
from budget.i18n import STRINGS, t


def test_rupiah_short_indonesian():
    assert rupiah(Decimal("1820000000000")) == "Rp1,82\u00a0T"
    assert rupiah(Decimal("456700000000")) == "Rp456,7\u00a0M"
    assert rupiah(Decimal("12300000")) == "Rp12,3\u00a0jt"
    assert rupiah(Decimal("950")) == "Rp950"
    assert rupiah(None) == "–"


def test_rupiah_short_english():
    assert rupiah(Decimal("1820000000000"), "en") == "Rp1.82T"
    assert rupiah(Decimal("456700000000"), "en") == "Rp456.7B"


def test_rupiah_full_keeps_every_rupiah_and_sen():
    assert rupiah_full(Decimal("1769326979259")) == "Rp1.769.326.979.259"
    assert rupiah_full(Decimal("1958746736810.77")) == "Rp1.958.746.736.810,77"
    assert rupiah_full(Decimal("1958746736810.77"), "en") == "Rp1,958,746,736,810.77"


def test_percent():
    assert percent(Decimal("93.4321")) == "93,43%"
    assert percent(Decimal("93.4321"), "en") == "93.43%"


def test_every_string_has_both_languages():
    for key, (idn, eng) in STRINGS.items():
        assert idn and eng, key
    assert t("nav.home", "en") == "Overview"
    assert t("nav.home", "xx") == "Ringkasan"  # unknown language falls back to Indonesian
