"""Figure builders returning plain figure dicts (plotly.graph_objects validation and Express cost far more)."""

from __future__ import annotations

from decimal import Decimal

from budget.fmt import rupiah
from budget.i18n import month, t

BLUE, GREY, LIGHT = "#1f5fa8", "#6c757d", "#9ec5fe"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"
GRAPH_CONFIG = {"displayModeBar": False, "responsive": True, "locale": "id"}


def graph(id: str, figure: dict, lang: str) -> object:
    """A chart that keeps its height from the start: the page does not jump when plotly draws it.

    Its box carries a hint for touch screens ("Sentuh untuk detail"), and on a page's first view the chart's
    still picture (`firstview/picture.py`): the snapshot draws it (`firstview/snapshot.py`) and
    `assets/snapshot.js` moves it into this box, where it stays until plotly has drawn. Live renders
    carry no picture: they are what a drill-down click waits for, and on the server a picture costs more
    than the rest of the page."""
    from dash import dcc, html

    height = (figure.get("layout") or {}).get("height")
    style = {"minHeight": f"{height}px"} if isinstance(height, (int, float)) else None
    hint = html.Span(
        [
            html.Span(t("chart.tap", lang), className="chart-hint-tap"),
            html.Span(t("chart.wait", lang), className="chart-hint-wait"),
        ],
        className="chart-hint",
        **{"aria-hidden": "true"},
    )
    # Frozen to server-made HTML with the rest of the page; `data-chart` names the chart whose still picture
    # (drawn in the first view's snapshot) assets/snapshot.js moves in here.
    still = html.Div(hint, className="chart-still", **({"data-chart": id} if isinstance(id, str) else {}))
    # The box keeps the height too: dcc.Graph draws an unstyled empty <div> until plotly.js is here.
    return html.Div(
        [still, dcc.Graph(id=id, figure=figure, config=GRAPH_CONFIG, style=style)], className="chart", style=style
    )


def _axis_ticks(max_value: float, lang: str) -> tuple[list[float], list[str]]:
    """Five round ticks labelled in rupiah short form (Rp1,2 T)."""
    if max_value <= 0:
        return [0], ["Rp0"]
    raw = max_value / 4
    mag = 10 ** (len(str(int(raw))) - 1)
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    vals = [i * step for i in range(0, 6) if i * step <= max_value * 1.05]
    return vals, [rupiah(Decimal(str(v)), lang) if v else "0" for v in vals]


def cumulative_curve(
    tahun: int,
    actual: list[Decimal | None],
    plan: list[Decimal | None],
    previous: list[Decimal | None] | None,
    budget: Decimal,
    lang: str,
) -> dict:
    """Cumulative belanja realised against the cash plan (and last year's curve), in rupiah.

    Returned as a plain figure dict: dcc.Graph takes it as is, and skipping plotly's validation
    makes building it several times cheaper (callbacks are budgeted on figure building)."""
    months = [month(m, lang, "abbreviated") for m in range(1, 13)]
    data = []

    def line(values, name, color, dash=None, width=3):
        data.append(
            {
                "type": "scatter",
                "x": months,
                "y": [float(v) if v is not None else None for v in values],
                "name": name,
                "mode": "lines+markers",
                "customdata": [rupiah(v, lang) if v is not None else "" for v in values],
                "line": {"color": color, "width": width, "dash": dash or "solid"},
                "marker": {"size": 6},
                "hovertemplate": "%{x}: %{customdata}<extra>" + name + "</extra>",
            }
        )

    if previous and any(v is not None for v in previous):
        line(previous, t("curve.prev", lang, tahun=tahun - 1), LIGHT, width=2)
    if any(v is not None for v in plan):
        line(plan, t("curve.rencana", lang, tahun=tahun), GREY, dash="dash", width=2)
    line(actual, t("curve.realisasi", lang, tahun=tahun), BLUE)
    top = max([float(budget)] + [float(v) for v in actual + plan if v is not None] + [1.0])
    vals, labels = _axis_ticks(top, lang)
    layout = {
        "margin": {"l": 8, "r": 8, "t": 24, "b": 8},
        "height": 340,
        "font": {"family": FONT, "size": 13},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "hovermode": "x unified",
        "legend": {"orientation": "h", "y": -0.15, "x": 0},
        "dragmode": False,
        "yaxis": {
            "tickvals": vals,
            "ticktext": labels,
            "gridcolor": "#e9ecef",
            "range": [0, top * 1.08],
            "automargin": True,
            "fixedrange": True,
        },
        "xaxis": {"fixedrange": True},
        "shapes": [
            {
                "type": "line",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "y0": float(budget),
                "y1": float(budget),
                "line": {"color": "#adb5bd", "width": 1},
            }
        ],
        "annotations": [
            {
                "xref": "paper",
                "x": 0,
                "y": float(budget),
                "yanchor": "bottom",
                "xanchor": "left",
                "showarrow": False,
                "font": {"size": 11},
                "text": t("curve.anggaran", lang) + " " + rupiah(budget, lang),
            }
        ],
    }
    return {"data": data, "layout": layout}
