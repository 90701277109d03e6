"""Server-side time per interaction of the APBD explorer, replaying a drill-down through the app's code.

Each step is what one click costs the server: rendering the page for the new URL (every query and
every figure), or a search. Prints p50/p95 per step. Target at Batang scale: p95 <= 100 ms.
Run: make bench   (or: BUDGET_DB=... python bench/explorer.py [rounds])
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import app  # noqa: E402,F401  (registers pages and callbacks)
from budget import desa as dq  # noqa: E402
from budget import explorer as ex  # noqa: E402
from budget import search  # noqa: E402
from callbacks import apbd, desa  # noqa: E402


def drill_path(tahun: int, tahap: str) -> list[tuple[str, dict]]:
    """Regency -> largest OPD -> its largest programme -> kegiatan -> sub kegiatan -> largest line."""
    steps = [("regency", {})]
    node = ex.Node("org")
    for label in ("opd", "programme", "kegiatan", "sub kegiatan", "line item"):
        ch = ex.children(tahun, tahap, node)
        node = ex.child_node(node, ch.rows[0].key)
        steps.append((label, {k: v for k, v in node.params().items() if v}))
    steps += [
        ("economic: jenis", {"dim": "ekonomi", "kode": "5.1.02"}),
        ("function: bidang", {"dim": "fungsi", "kode": "1.02"}),
        ("pendapatan: kelompok", {"dim": "pendapatan", "kode": "4.2"}),
    ]
    return steps


def timed(fn, rounds: int) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def main(rounds: int = 30) -> None:
    from budget import queries

    tahun = queries.running_year()
    tahap = queries.stages(tahun)[-1]
    steps = drill_path(tahun, tahap)
    for _, params in steps:
        apbd.render(tahun=str(tahun), tahap=tahap, **params)  # warm up
    print(f"APBD explorer, {tahun} {tahap}: server time per interaction (n={rounds})")
    print(f"{'step':<24} {'p50 ms':>8} {'p95 ms':>8}")
    all_p95 = []
    for label, params in steps:
        p50, p95 = timed(lambda p=params: apbd.render(tahun=str(tahun), tahap=tahap, **p), rounds)
        all_p95.append(p95)
        print(f"{label:<24} {p50:>8.1f} {p95:>8.1f}")
    p50, p95 = timed(lambda: search.search(tahun, "dinas kesehtan"), rounds)
    print(f"{'search (typo)':<24} {p50:>8.1f} {p95:>8.1f}")
    print(f"\nVillage budgets (APBDes), {tahun} {tahap}")
    node = dq.DesaNode()
    vsteps = [("regency", {})]
    for label in ("kecamatan", "desa", "bidang", "sub bidang", "kegiatan", "line item"):
        ch = dq.children(tahun, tahap, node)
        node = dq.child_node(node, ch.rows[0].key)
        vsteps.append((label, {k: v for k, v in node.params().items() if v}))
    for label, params in vsteps:
        p50, p95 = timed(lambda p=params: desa.render(tahun=str(tahun), tahap=tahap, **p), rounds)
        all_p95.append(p95)
        print(f"{label:<24} {p50:>8.1f} {p95:>8.1f}")
    p50, p95 = timed(lambda: desa.render_village(kode=node.desa, tahun=str(tahun), tahap=tahap), rounds)
    all_p95.append(p95)
    print(f"{'village page':<24} {p50:>8.1f} {p95:>8.1f}")
    p50, p95 = timed(lambda: search.villages("kaliboya"), rounds)
    print(f"{'village search (typo)':<24} {p50:>8.1f} {p95:>8.1f}")
    print(f"worst step p95: {max(all_p95):.1f} ms (target <= 100 ms)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
