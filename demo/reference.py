"""The demo's facts and arithmetic: the reference files it builds on (OPDs, accounts, programmes, villages,
published figures), its seed and years, and integer allocation in cents."""

from __future__ import annotations

import csv
from dataclasses import dataclass

import numpy as np

from settings import REFERENCE_DIR

SEED = 20181102  # the day Batang showed its transparency apps to the Minister
YEARS = (2022, 2023, 2024, 2025, 2026)
RUNNING_YEAR, RUNNING_MONTH = 2026, 10
RP = 100  # cents per rupiah
UNIT = 1000 * RP  # budget lines are whole thousands of rupiah

# Agencies that lag far behind their cash plan in the running year (and somewhat in past years),
# so that absorption monitoring has something real to find.
LAGGING_OPD = ("DPUPR", "DPRKP", "Dislutkanak", "Disperpuska")
N_LAGGING_DESA = 12


# --------------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------------
def _read(name: str) -> list[dict]:
    with (REFERENCE_DIR / name).open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@dataclass
class Ref:
    opd: list[dict]
    desa: list[dict]
    program: dict[str, dict]
    rek: dict[str, dict]
    rek_desa: dict[str, str]
    keg_desa: dict[str, str]
    published: list[dict]

    @classmethod
    def load(cls) -> Ref:
        return cls(
            opd=_read("opd.csv"),
            desa=[d for d in _read("desa.csv") if d["jenis"] == "desa"],
            program={r["kode"]: r for r in _read("program.csv")},
            rek={r["kode"]: r for r in _read("rekening_apbd.csv")},
            rek_desa={r["kode"]: r["nama"] for r in _read("rekening_apbdes.csv")},
            keg_desa={r["kode"]: r["nama"] for r in _read("apbdes_kegiatan.csv")},
            published=_read("published.csv"),
        )

    def sub_rincian(self, prefix: str, common_only: bool = True) -> list[str]:
        """The accounts lines are budgeted on under `prefix`: sub rincian objek where the chart
        has them, else the deepest level it has (else the prefix itself)."""
        under = [k for k in self.rek if k.startswith(prefix + ".")]
        if not under:
            return [prefix]
        deepest = max(k.count(".") for k in under)
        codes = [k for k in under if k.count(".") == deepest]
        common = [k for k in codes if self.rek[k]["umum"] == "1"]
        return common if (common_only and common) else codes

    def valid_in(self, kode: str, tahun: int) -> bool:
        """An account exists in a year unless the chart says it starts later or ended earlier."""
        parts = kode.split(".")
        for i in range(len(parts), 0, -1):
            r = self.rek.get(".".join(parts[:i]))
            if r is None:
                continue
            if r["berlaku_mulai"] and tahun < int(r["berlaku_mulai"]):
                return False
            if r["berlaku_sampai"] and tahun > int(r["berlaku_sampai"]):
                return False
        return True


# --------------------------------------------------------------------------------------------
# Integer allocation
# --------------------------------------------------------------------------------------------
def allocate(total: int, weights: np.ndarray, unit: int = UNIT) -> np.ndarray:
    """Split `total` cents over `weights` exactly: parts are multiples of `unit`, the largest part
    takes the sub-unit remainder, so the parts always sum to the total."""
    w = np.asarray(weights, dtype=float)
    n = len(w)
    if n == 0:
        if total:
            raise ValueError("cannot allocate a non-zero total over no lines")
        return np.zeros(0, dtype=np.int64)
    if w.sum() <= 0:
        w = np.ones(n)
    units, rest = divmod(int(total), unit)
    exact = units * w / w.sum()
    base = np.floor(exact).astype(np.int64)
    short = int(units - base.sum())
    if short:
        order = np.argsort(-(exact - base), kind="stable")[:short]
        base[order] += 1
    out = base * unit
    out[int(np.argmax(w))] += rest
    assert int(out.sum()) == int(total)
    return out


def cents(x: float | str) -> int:
    return int(round(float(x) * RP))
