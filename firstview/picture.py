"""A chart's still picture: the same figure dict dcc.Graph draws, drawn on the server by matplotlib as SVG.

On a phone, plotly.js costs more than everything else on a page: ~0.4 s to evaluate and 0.6-1.5 s to draw
the first charts on a mid-range CPU, all of it blocking the reader's taps and scrolls (bench/lighthouse.py).
So a touch-screen reader first sees this picture, in the chart's own box; the interactive chart replaces
it when the reader touches it (`assets/plotly-src.js`). A device with a mouse draws the interactive
charts at once and sees the picture only until they are drawn.

Only what our figure builders use is drawn (bar, scatter with lines/markers/fills, flat treemap; category
and numeric axes with tick text, ranges, grid, one horizontal line shape with its note, the legend);
anything else is left out of the picture, never guessed. The picture is a data: URL in an <img>, so its
ids and styles cannot meet the page's."""

from __future__ import annotations

import html
import io
import math
import re
import threading
from urllib.parse import quote

WIDTH = 360  # px: a phone's card (390 px screen); the picture keeps its proportions in wider boxes
_LOCK = threading.Lock()  # matplotlib's text layout and font cache are not thread-safe
_TEXT = "#444444"  # plotly's default font colour
_TAG = re.compile(r"</?(b|i|em|sup|sub|span|a)(\s[^>]*)?>", re.IGNORECASE)  # plotly's rich-text tags
_FIELD = re.compile(r"%\{(label|value|text|customdata\[(\d+)\])\}")


def _color(value, default="#1f77b4"):
    """A plotly colour string as matplotlib takes it (rgba(...) becomes a tuple)."""
    if not isinstance(value, str):
        return default
    m = re.fullmatch(r"rgba?\(([^)]*)\)", value.replace(" ", ""))
    if not m:
        return value
    parts = [float(p) for p in m.group(1).split(",")]
    rgb = [p / 255 for p in parts[:3]]
    return (*rgb, parts[3] if len(parts) > 3 else 1.0)


def _plain(text) -> str:
    """Plotly's rich text (<br>, <b> ...) as plain lines; any other "<...>" is a name's own text."""
    return html.unescape(_TAG.sub("", re.sub(r"<br\s*/?>", "\n", str(text))))


def _dark(color) -> bool:
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(_color(color))
    return 0.299 * r + 0.587 * g + 0.114 * b < 0.55


def _positions(trace: dict, axis_letter: str, layout: dict) -> tuple[list, dict | None]:
    """Where a trace's points sit on a category axis (numbers for numeric axes)."""
    values = list(trace.get(axis_letter) or [])
    axis = layout.get(f"{axis_letter}axis") or {}
    numeric = all(isinstance(v, (int, float)) or v is None for v in values) and axis.get("type") != "category"
    if numeric:
        return values, None
    order = list(axis.get("categoryarray") or [])
    for v in values:
        if v not in order:
            order.append(v)
    index = {c: i for i, c in enumerate(order)}
    return [index.get(v) for v in values], index


def _draw_treemap(fig, trace: dict, layout: dict) -> None:
    import squarify
    from matplotlib.patches import Rectangle

    values = [max(float(v or 0), 0.0) for v in trace.get("values") or []]
    labels = trace.get("labels") or []
    colors = (trace.get("marker") or {}).get("colors") or []
    custom = trace.get("customdata") or []
    template = trace.get("texttemplate") or "%{label}"
    keep = [i for i, v in enumerate(values) if v > 0]
    if not keep:
        return
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    w_px, h_px = fig.get_size_inches() * fig.dpi
    margin = layout.get("margin") or {}
    x0, y0 = margin.get("l", 0), margin.get("b", 0)
    w, h = w_px - x0 - margin.get("r", 0), h_px - y0 - margin.get("t", 0)
    ax.set_xlim(0, w_px)
    ax.set_ylim(h_px, 0)  # plotly lays tiles out from the top left
    sizes = squarify.normalize_sizes([values[i] for i in keep], w, h)
    rects = squarify.squarify(sizes, x0, margin.get("t", 0), w, h)
    font = ((layout.get("uniformtext") or {}).get("minsize")) or (layout.get("font") or {}).get("size", 12)
    pad = float((trace.get("tiling") or {}).get("pad", 2))
    for i, r in zip(keep, rects):
        color = colors[i] if i < len(colors) else "#9ec5fe"
        ax.add_patch(Rectangle((r["x"], r["y"]), r["dx"], r["dy"], facecolor=_color(color), edgecolor="white", lw=1))

        def field(m, i=i):
            if m.group(1) == "label":
                return str(labels[i]) if i < len(labels) else ""
            if m.group(1) == "value":
                return str(values[i])
            k = int(m.group(2) or 0)
            row = custom[i] if i < len(custom) else []
            return str(row[k]) if k < len(row) else ""

        lines = _plain(_FIELD.sub(field, template)).split("\n")
        # Like uniformtext "hide": a tile too small for its text at a readable size shows none.
        longest = max(len(s) for s in lines) * font * 0.58
        if longest + 2 * pad > r["dx"] or len(lines) * font * 1.25 + 2 * pad > r["dy"]:
            continue
        ax.text(
            r["x"] + pad + 2, r["y"] + pad + 2, "\n".join(lines), fontsize=font, va="top", ha="left",
            color="white" if _dark(color) else _TEXT, linespacing=1.25,
        )  # fmt: skip


def _axis(ax, letter: str, layout: dict, index: dict | None, font: float) -> None:
    axis = layout.get(f"{letter}axis") or {}
    target = ax.xaxis if letter == "x" else ax.yaxis
    setlim = ax.set_xlim if letter == "x" else ax.set_ylim
    if axis.get("visible") is False:
        target.set_visible(False)
    if axis.get("range"):
        lo, hi = axis["range"]
        setlim(float(lo), float(hi))
    size = (axis.get("tickfont") or {}).get("size", font)
    if index is not None:
        ticks = list(index)
        text = dict(zip(axis.get("tickvals") or [], axis.get("ticktext") or []))
        labels = [_plain(text.get(c, c)) for c in ticks]
        step = 1
        if letter == "x":  # like plotly, a crowded category axis labels every 2nd (3rd ...) category
            room = ax.figure.get_size_inches()[0] * 72 - 60
            step = max(1, math.ceil(len(ticks) * (max(map(len, labels), default=1) * 0.6 + 1) * size / room))
        target.set_ticks(range(0, len(ticks), step), labels[::step], fontsize=size)
        lim = (-0.5, len(ticks) - 0.5)
        setlim(*lim)
    elif axis.get("tickvals") is not None:
        target.set_ticks(
            [float(v) for v in axis["tickvals"]],
            [_plain(s) for s in axis.get("ticktext") or axis["tickvals"]],
            fontsize=size,
        )  # fmt: skip
    else:
        target.set_tick_params(labelsize=size)
    if axis.get("gridcolor"):
        target.grid(True, color=_color(axis["gridcolor"]), lw=1)


def _bar(ax, trace: dict, where: list, length: list, bars: list, group: bool, font: float):
    """One bar trace (horizontal or vertical; grouped beside the others or drawn over them)."""
    horizontal = trace.get("orientation") == "h"
    width = float(trace.get("width") or (0.8 / len(bars) if group else 0.8))
    shift = (bars.index(trace) - (len(bars) - 1) / 2) * width if group else 0.0
    pairs = [(p + shift, float(v)) for p, v in zip(where, length) if p is not None and v is not None]
    if not pairs:
        return None
    at, size = zip(*pairs)
    color = _color((trace.get("marker") or {}).get("color"))
    artist = (ax.barh if horizontal else ax.bar)(at, size, width, color=color)
    if trace.get("text") and trace.get("textposition") == "outside":
        for (p, v), label in zip(pairs, trace["text"]):
            ax.annotate(
                _plain(label), (v, p) if horizontal else (p, v), xytext=(3, 0) if horizontal else (0, 3),
                textcoords="offset points", va="center" if horizontal else "bottom",
                ha="left" if horizontal else "center", fontsize=font, color=_TEXT, annotation_clip=False,
            )  # fmt: skip
    return artist


def _fills(ax, trace: dict, xs: list, ys: list) -> None:
    """fill: 'toself' rings (None between rings), as on the village map."""
    line = trace.get("line") or {}
    ring_x, ring_y = [], []
    for x, y in [*zip(xs, ys), (None, None)]:
        if x is None or y is None:
            if ring_x:
                ax.fill(
                    ring_x, ring_y, facecolor=_color(trace.get("fillcolor")),
                    edgecolor=_color(line.get("color"), "white"), lw=float(line.get("width", 0.5)),
                )  # fmt: skip
            ring_x, ring_y = [], []
        else:
            ring_x.append(x)
            ring_y.append(y)


def _scatter(ax, trace: dict, xs: list, ys: list):
    """Lines (with markers) or markers alone; None leaves a gap as in plotly."""
    if trace.get("fill") == "toself":
        _fills(ax, trace, xs, ys)
        return None
    mode = trace.get("mode", "lines+markers")
    line, marker = trace.get("line") or {}, trace.get("marker") or {}
    xs = [float("nan") if v is None else v for v in xs]
    ys = [float("nan") if v is None else v for v in ys]
    if "lines" in mode:
        dash = line.get("dash")
        (artist,) = ax.plot(
            xs, ys, color=_color(line.get("color")), lw=float(line.get("width", 2)),
            linestyle="--" if dash in ("dash", "longdash") else ":" if dash == "dot" else "-",
            marker="o" if "markers" in mode else None, markersize=float(marker.get("size", 6)),
        )  # fmt: skip
        return artist
    if "markers" in mode:
        colors = marker.get("color")
        size = float(marker.get("size", 6))
        ax.scatter(
            xs, ys, s=size * size, c=[_color(c) for c in colors] if isinstance(colors, list) else _color(colors),
            alpha=float(marker.get("opacity", 1)), linewidths=0.75, zorder=3, clip_on=False,
            edgecolors=_color((marker.get("line") or {}).get("color"), "white"),
        )  # fmt: skip
    return None


def _notes(ax, layout: dict, font: float) -> None:
    """A horizontal line across the plot (the budget) and its note."""
    for shape in layout.get("shapes") or []:
        if shape.get("type") == "line" and shape.get("xref") == "paper" and shape.get("y0") == shape.get("y1"):
            style = shape.get("line") or {}
            ax.axhline(float(shape["y0"]), color=_color(style.get("color"), "#adb5bd"), lw=float(style.get("width", 1)))
    for note in layout.get("annotations") or []:
        if note.get("xref") == "paper" and note.get("y") is not None:
            ax.annotate(
                _plain(note.get("text", "")), (float(note.get("x", 0)), float(note["y"])),
                xycoords=("axes fraction", "data"), xytext=(0, 2), textcoords="offset points",
                va="bottom" if note.get("yanchor") == "bottom" else "center", ha=note.get("xanchor", "left"),
                fontsize=float((note.get("font") or {}).get("size", font)), color=_TEXT,
            )  # fmt: skip


def _legend(fig, handles: list, font: float, pad: float) -> int:
    """A horizontal legend under the plot, as many entries to a row as fit (plotly wraps it the same way);
    returns its number of rows."""
    room, used, ncols = fig.get_size_inches()[0] * 72 - 2 * pad, 0.0, 0
    for artist in handles:
        used += len(artist.get_label()) * font * 0.6 + 36
        if used > room and ncols:
            break
        ncols += 1
    w, h = fig.get_size_inches() * 72
    fig.legend(
        handles=handles, loc="lower left", bbox_to_anchor=(pad / w, pad / h), ncols=ncols, frameon=False,
        fontsize=font, labelcolor=_TEXT, handlelength=1.5, columnspacing=1.2, borderaxespad=0, borderpad=0,
    )  # fmt: skip
    return math.ceil(len(handles) / ncols)


def _place(fig, ax, layout: dict, font: float, legend_rows: int) -> None:
    """The plot area inside the figure's margins, leaving room for the tick labels and the legend.
    Label widths are estimated from their length (~0.6 em a character): matplotlib's own layout engines
    measure every text several times, which tripled the time a picture takes."""
    w, h = fig.get_size_inches() * 72
    margin = layout.get("margin") or {}

    def labels(axis) -> list[str]:
        return [t.get_text() for t in axis.get_ticklabels()] if axis.get_visible() else []

    ylabels, xlabels = labels(ax.yaxis), labels(ax.xaxis)
    ysize = ax.yaxis.get_ticklabels()[0].get_fontsize() if ylabels else font
    xsize = ax.xaxis.get_ticklabels()[0].get_fontsize() if xlabels else font
    widest = max((len(line) for t in ylabels for line in t.split("\n")), default=0)
    xlines = max((t.count("\n") + 1 for t in xlabels), default=0)
    left = margin.get("l", 4) + (widest * ysize * 0.6 + 6 if widest else 0)
    right = margin.get("r", 4) + 4
    top = margin.get("t", 4) + 4
    bottom = margin.get("b", 4) + (xlines * xsize * 1.25 + 6 if xlines else 0)
    bottom += legend_rows * (font * 1.4 + 2) + (8 if legend_rows else 0)
    ax.set_position((left / w, bottom / h, max(1 - (left + right) / w, 0.2), max(1 - (top + bottom) / h, 0.2)))


def _draw_cartesian(fig, data: list[dict], layout: dict) -> None:
    ax = fig.add_subplot()
    ax.set_facecolor("none")
    ax.set_axisbelow(True)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.tick_params(length=0, colors=_TEXT, pad=4)
    font = (layout.get("font") or {}).get("size", 12)
    bars = [t for t in data if t.get("type") == "bar"]
    group = layout.get("barmode") == "group" and len(bars) > 1
    xindex = yindex = None
    handles = []
    for trace in data:
        xs, xi = _positions(trace, "x", layout)
        ys, yi = _positions(trace, "y", layout)
        xindex, yindex = xindex or xi, yindex or yi
        if trace.get("type") == "bar":
            horizontal = trace.get("orientation") == "h"
            artist = _bar(ax, trace, ys if horizontal else xs, xs if horizontal else ys, bars, group, font)
        elif trace.get("type", "scatter") == "scatter":
            artist = _scatter(ax, trace, xs, ys)
        else:
            continue  # a trace type our builders do not use: left out of the picture, never guessed
        name = _plain(trace.get("name") or "")
        if artist is not None and name and trace.get("showlegend", True) is not False:
            artist.set_label(name)
            handles.append(artist)
    _axis(ax, "x", layout, xindex, font)
    _axis(ax, "y", layout, yindex, font)
    yaxis = layout.get("yaxis") or {}
    if yaxis.get("scaleanchor") == "x":
        ax.set_aspect(float(yaxis.get("scaleratio", 1.0)), adjustable="box")
    _notes(ax, layout, font)
    rows = 0
    if handles and (layout.get("showlegend") or len(handles) > 1):
        rows = _legend(fig, handles, font, float((layout.get("margin") or {}).get("l", 4)))
    _place(fig, ax, layout, font, rows)


def draw(figure: dict, width: int = WIDTH):
    """The figure as a matplotlib Figure, `width` px wide and as tall as its layout says (plotly's 450 px if
    not). Call under `_LOCK` with `_rc(figure)`: `svg()` does."""
    from matplotlib.figure import Figure

    layout = figure.get("layout") or {}
    data = [t for t in figure.get("data") or [] if t.get("visible", True) is not False]
    height = float(layout.get("height") or 450)
    treemap = next((t for t in data if t.get("type") == "treemap"), None)
    fig = Figure(figsize=(width / 72, height / 72), dpi=72)
    fig.patch.set_alpha(0)
    if treemap:
        _draw_treemap(fig, treemap, layout)
    else:
        _draw_cartesian(fig, data, layout)
    return fig


def _rc(figure: dict) -> dict:
    font = ((figure.get("layout") or {}).get("font") or {}).get("size", 12)
    return {
        "svg.fonttype": "none",  # text stays text: small, and drawn in the reader's own sans-serif
        "font.family": "sans-serif",
        "font.sans-serif": ["DejaVu Sans"],  # metrics for the layout; replaced by the page's font below
        "svg.hashsalt": "anggaran",  # the same figure gives the same bytes
        "font.size": font,
        "text.color": _TEXT,
    }


def _tidy(tag) -> str:
    """Inside one tag: a hundredth of a pixel is plenty, and the page's sans-serif replaces the metrics font."""
    tag = re.sub(r"(\d\.\d\d)\d+", r"\1", tag.group(0))
    return re.sub(r"font-family:[^;\"]*", "font-family: system-ui, Roboto, Arial, sans-serif", tag)


def svg(figure: dict, width: int = WIDTH) -> str:
    """The figure as SVG text (see `draw`)."""
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    out = io.StringIO()
    with _LOCK, matplotlib.rc_context(_rc(figure)):
        fig = draw(figure, width)
        FigureCanvasSVG(fig).print_svg(out, metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    text = out.getvalue()
    text = text[text.index("<svg") :]
    return re.sub(r">\s+<", ">\n<", re.sub(r"<[^>]+>", _tidy, text))  # never inside a text: only tags


def data_url(figure: dict, width: int = WIDTH) -> str:
    """The picture as a data: URL for an <img src> (percent-encoded SVG: smaller than base64 once compressed)."""
    return "data:image/svg+xml," + quote(svg(figure, width), safe=" /:=;,'()-._!*~@+$?&")
