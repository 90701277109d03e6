"""Figures for the village pages: the offline village map and income by source."""

from __future__ import annotations

from decimal import Decimal

from budget.fmt import number, percent, rupiah
from budget.i18n import t
from components.explorer import _layout, category_axis
from components.figures import BLUE, LIGHT

# Sequential colour bins (light -> dark) for the map; low values are the ones to look at.
BINS = ["#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"]


def _bin_edges(values: list[float], n: int) -> list[float]:
    v = sorted(values)
    if not v:
        return []
    return [v[min(len(v) - 1, int(len(v) * i / n))] for i in range(1, n)]


def _bin(value: float | None, edges: list[float]) -> int | None:
    if value is None:
        return None
    return sum(value >= e for e in edges)


def village_map(points: list[dict], measure_label: str, lang: str, polygons: dict | None = None) -> dict:
    """points: kode, nama, kecamatan, lat, lng, value (float|None), text (formatted value).

    Draws each village at its centroid, or - when boundary polygons are configured - as filled
    polygons grouped into colour bins, with the centroid markers on top to hover and click.
    Pure Plotly cartesian axes: no tile server, no CDN, renders offline."""
    values = [p["value"] for p in points if p["value"] is not None]
    edges = _bin_edges(values, len(BINS))
    data: list[dict] = []
    if polygons:
        groups: dict[int | None, tuple[list, list]] = {}
        for p in points:
            ring_sets = polygons.get(p["kode"])
            if not ring_sets:
                continue
            xs, ys = groups.setdefault(_bin(p["value"], edges), ([], []))
            for ring in ring_sets:
                xs += [c[0] for c in ring] + [None]
                ys += [c[1] for c in ring] + [None]
        for b, (xs, ys) in groups.items():
            data.append(
                {
                    "type": "scatter",
                    "x": xs,
                    "y": ys,
                    "mode": "lines",
                    "fill": "toself",
                    "fillcolor": BINS[b] if b is not None else "#dee2e6",
                    "line": {"color": "#ffffff", "width": 0.6},
                    "hoverinfo": "skip",
                    "showlegend": False,
                }
            )
    colors = [BINS[_bin(p["value"], edges)] if p["value"] is not None else "#adb5bd" for p in points]
    data.append(
        {
            "type": "scatter",
            "x": [p["lng"] for p in points],
            "y": [p["lat"] for p in points],
            "mode": "markers",
            "marker": {
                "size": 7 if polygons else 14,
                "color": "#343a40" if polygons else colors,
                "opacity": 0.55 if polygons else 0.95,
                "line": {"color": "#ffffff", "width": 1},
            },
            "customdata": [[p["kode"], p["nama"], p["kecamatan"], p["text"]] for p in points],
            "hovertemplate": "<b>%{customdata[1]}</b><br>Kec. %{customdata[2]}<br>"
            + measure_label
            + ": %{customdata[3]}<extra></extra>",
            "showlegend": False,
        }
    )
    # A legend of the colour bins, as text under the map (shapes keep the figure light).
    lats = [p["lat"] for p in points] or [0]
    lngs = [p["lng"] for p in points] or [0]
    layout = _layout(
        460,
        hovermode="closest",
        hoverdistance=30,  # a tap within 30 px picks the nearest village: a thumb-sized target
        xaxis={"visible": False, "fixedrange": True, "range": [min(lngs) - 0.02, max(lngs) + 0.02]},
        yaxis={
            "visible": False,
            "fixedrange": True,
            "scaleanchor": "x",
            "scaleratio": 1.0,
            "range": [min(lats) - 0.02, max(lats) + 0.02],
        },
    )
    return {"data": data, "layout": layout}


def legend_items(points: list[dict], fmt) -> list[tuple[str, str]]:
    """(colour, label) per bin for the map's legend."""
    values = [p["value"] for p in points if p["value"] is not None]
    edges = _bin_edges(values, len(BINS))
    if not values:
        return []
    bounds = [min(values)] + edges + [max(values)]
    return [(BINS[i], f"{fmt(bounds[i])} – {fmt(bounds[i + 1])}") for i in range(len(BINS))]


def income_bars(rows: list[tuple[str, Decimal, Decimal]], lang: str) -> dict:
    """Income by source: anggaran with realisasi over it, largest on top."""
    rows = sorted(rows, key=lambda r: r[1])
    keys = [code for code, _, _ in rows]  # one category per source code, the name only as tick text
    names = [t(f"source.{code}", lang) for code, _, _ in rows]
    total = sum((a for _, a, _ in rows), Decimal(0)) or Decimal(1)
    custom = [
        [rupiah(a, lang), rupiah(r, lang), percent(a / total * 100, lang, 1), name]
        for (_, a, r), name in zip(rows, names)
    ]
    # Each source's rupiah and share sit under its name, where no bar can push them off a phone's screen.
    labels = [f"{c[3]}<br><b>{c[0]}</b> ({c[2]})" for c in custom]
    data = [
        {
            "type": "bar",
            "orientation": "h",
            "y": keys,
            "x": [float(a) for _, a, _ in rows],
            "marker": {"color": LIGHT},
            "name": t("col.anggaran", lang),
            "customdata": custom,
            "hovertemplate": "%{customdata[3]}: %{customdata[0]} (%{customdata[2]})<extra></extra>",
        },
        {
            "type": "bar",
            "orientation": "h",
            "y": keys,
            "x": [float(r) for _, _, r in rows],
            "marker": {"color": BLUE},
            "name": t("col.realisasi", lang),
            "width": 0.45,
            "customdata": custom,
            "hovertemplate": "%{customdata[3]}: " + t("col.realisasi", lang) + " %{customdata[1]}<extra></extra>",
        },
    ]
    top = max([float(a) for _, a, _ in rows] + [1.0])
    return {
        "data": data,
        "layout": _layout(
            70 + 46 * len(rows),
            barmode="overlay",
            legend={"orientation": "h", "y": -0.05, "x": 0, "yanchor": "top"},
            xaxis={"visible": False, "range": [0, top * 1.02], "fixedrange": True},
            yaxis=category_axis(keys, labels),
        ),
    }


def people(n: Decimal | None, lang: str) -> str:
    return number(round(n), lang) if n is not None else "–"
