"""Server-side time of the overview page and the shell, against the published database.

Replays the page renders through the app's own code (no browser) and prints p50/p95 per step.
Run: make bench   (or: BUDGET_DB=... python bench/overview.py [rounds])
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import app  # noqa: E402,F401  (registers pages)
from callbacks import home, shell  # noqa: E402

STEPS = {
    "home 2026 (running year)": lambda: home.render(),
    "home 2023 murni": lambda: home.render(tahun="2023", tahap="murni"),
    "home 2022 perubahan, en": lambda: home.render(tahun="2022", tahap="perubahan", lang="en"),
    "shell navbar+footer": lambda: shell.render_shell("/", "?tahun=2024"),
}


def main(rounds: int = 30) -> None:
    for fn in STEPS.values():
        fn()  # warm up: connection, plotly imports
    print(f"{'step':<32} {'p50 ms':>8} {'p95 ms':>8}  (n={rounds})")
    for name, fn in STEPS.items():
        times = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        print(f"{name:<32} {statistics.median(times):>8.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
