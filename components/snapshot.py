"""The first view of an interactive page as plain HTML, sent inside the page itself.

A Dash page draws nothing until its scripts have arrived and run, its layout and its first callbacks
have made round trips, and React has drawn the answer: on a phone over Slow 4G that is 4-6 s of a blank
page. The server already knows the answer (the same cached render the first callback will return), so
`app.py` draws it as HTML into the index page (`<div id="ssr-snapshot">`): the reader sees the figures,
tables and links at once; the live page is laid out, hidden, beneath it, and `assets/snapshot.js` swaps
the two the moment Dash has drawn its content (same tags and classes, so nothing moves).

The snapshot is the freezing walk (`components/freeze.py`) in its snapshot mode, with the markup the
Dash Bootstrap components we use draw (react-bootstrap 2) and empty boxes of the right size for charts.
It carries no ids (the live page owns them), and its links are ordinary links: a tap before the page is
live simply loads the next page.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc
from dash.development.base_component import Component
from markupsafe import Markup, escape

from components.freeze import Mode, _attr_html, _attrs, _children_html, _css, to_html

_INVISIBLE = (dcc.Location, dcc.Store, dcc.Download, dcc.Interval, dcc.Clipboard)
_BREAKPOINTS = ("xs", "sm", "md", "lg", "xl", "xxl")


def _classes(*names) -> str:
    return " ".join(n for n in names if n)


def _col_classes(props: dict) -> list[str]:
    """react-bootstrap Col: one class per breakpoint span ('col' when none)."""
    spans = []
    props["xs"] = props.pop("width", None) or props.get("xs")
    for bp in _BREAKPOINTS:
        value = props.pop(bp, None)
        if value is None:
            continue
        if isinstance(value, dict):
            value = value.get("size")
        infix = "" if bp == "xs" else f"-{bp}"
        if value is True:
            spans.append(f"col{infix}")
        elif value is not None:
            spans.append(f"col{infix}-{value}")
    return spans or ["col"]


def _button(props: dict, children, mode: Mode):
    color = props.pop("color", None) or "primary"
    variant = f"btn-outline-{color}" if props.pop("outline", False) else f"btn-{color}"
    size = props.pop("size", None)
    classes = _classes(props.pop("className", None), "btn", variant, f"btn-{size}" if size else None)
    if props.pop("active", False):
        classes += " active"
    href = props.pop("href", None)
    for p in ("n_clicks", "n_clicks_timestamp", "external_link", "target", "download", "value", "name", "type"):
        props.pop(p, None)
    attrs = [("class", classes), *_attrs(props, mode)]
    if href:
        return "a", [("href", href), ("role", "button"), *attrs], _children_html(children, mode), ""
    return "button", [("type", "button"), *attrs], _children_html(children, mode), ""


def _breadcrumb(props: dict, mode: Mode):
    items = []
    for item in props.get("items") or []:
        label = str(escape(item.get("label", "")))
        if item.get("active") or not item.get("href"):
            items.append(f'<li class="breadcrumb-item active" aria-current="page">{label}</li>')
        else:
            href = item["href"]
            link = _attr_html("href", href) if href.startswith(("/", "?", "#")) else ""
            items.append(f'<li class="breadcrumb-item"><a{link}>{label}</a></li>')
    classes = props.get("className")
    return (
        "nav",
        [("aria-label", "breadcrumb"), ("class", classes)],
        f'<ol class="breadcrumb">{"".join(items)}</ol>',
        "",
    )


def _dropdown(props: dict, mode: Mode):
    size = props.get("size")
    toggle = _classes(
        props.get("toggle_class_name"),
        "dropdown-toggle btn",
        f"btn-{props.get('color') or 'primary'}",
        f"btn-{size}" if size else None,
    )
    style = _css(props.get("toggle_style") or {})
    button = (
        f'<button type="button" aria-expanded="false"{_attr_html("class", toggle)}{_attr_html("style", style or None)}>'
        f"{escape(props.get('label') or '')}</button>"
    )
    return "div", [("class", _classes(props.get("className"), "dropdown"))], button, ""


def _graph(props: dict, mode: Mode):
    """An empty box as tall as the chart will be (its figure's height, its style's, or plotly's 450 px)."""
    style = dict(props.get("style") or {})
    figure = props.get("figure") or {}
    height = (figure.get("layout") or {}).get("height") if isinstance(figure, dict) else None
    style.setdefault("height", height or 450)
    return "div", [("class", _classes(props.get("className"), "dash-graph")), ("style", _css(style))], "", ""


def _progress(props: dict, mode: Mode):
    value = props.get("value") or 0
    bar = _classes("progress-bar", f"bg-{props['color']}" if props.get("color") else None)
    inner = (
        f'<div role="progressbar" class="{bar}" style="width:{float(value):g}%" aria-valuenow="{float(value):g}"'
        f' aria-valuemin="0" aria-valuemax="100"></div>'
    )
    return (
        "div",
        [("class", _classes(props.get("className"), "progress")), ("style", _css(props.get("style") or {}))],
        inner,
        "",
    )


def _other(node: Component, props: dict, children, mode: Mode):
    """(tag, attributes, inner html, wrapper) for the components freezing leaves alone."""
    if isinstance(node, _INVISIBLE):
        return "", [], "", ""
    if isinstance(node, dcc.Graph):
        return _graph(props, mode)
    plain = {k: props.get(k) for k in ("style",) if props.get(k)}
    base = props.get("className") or props.get("class_name")
    simple = {
        dbc.Card: "card",
        dbc.CardBody: "card-body",
        dbc.CardHeader: "card-header",
        dbc.CardFooter: "card-footer",
        dbc.ListGroupItem: "list-group-item",
        dbc.NavItem: "nav-item",
    }
    for kind, cls in simple.items():
        if isinstance(node, kind):
            return "div", [("class", _classes(base, cls)), *_attrs(plain, mode)], _children_html(children, mode), ""
    if isinstance(node, dbc.Row):
        align, justify = props.get("align"), props.get("justify")
        cls = _classes(
            base, "row", f"align-items-{align}" if align else None, f"justify-content-{justify}" if justify else None
        )
        return "div", [("class", cls), *_attrs(plain, mode)], _children_html(children, mode), ""
    if isinstance(node, dbc.Col):
        cls = _classes(base, *_col_classes(dict(props)))
        return "div", [("class", cls), *_attrs(plain, mode)], _children_html(children, mode), ""
    if isinstance(node, dbc.Alert):
        if props.get("is_open") is False:
            return "", [], "", ""
        cls = _classes(base, "fade alert", f"alert-{props.get('color') or 'success'}", "show")
        return "div", [("role", "alert"), ("class", cls), *_attrs(plain, mode)], _children_html(children, mode), ""
    if isinstance(node, dbc.ButtonGroup):
        size = props.get("size")
        cls = _classes(
            base, "btn-group-vertical" if props.get("vertical") else "btn-group", f"btn-group-{size}" if size else None
        )
        return "div", [("role", "group"), ("class", cls), *_attrs(plain, mode)], _children_html(children, mode), ""
    if isinstance(node, dbc.Button):
        return _button(dict(props), children, mode)
    if isinstance(node, dbc.Nav):
        flags = [f"nav-{f}" for f in ("pills", "fill", "justified") if props.get(f)]
        cls = _classes(base, "nav", *flags, "flex-column" if props.get("vertical") is True else None)
        return "div", [("class", cls), *_attrs(plain, mode)], _children_html(children, mode), ""
    if isinstance(node, dbc.NavLink):
        cls = _classes(base, "nav-link", "active" if props.get("active") is True else None)
        return "a", [("class", cls), *_attrs({"href": props.get("href")}, mode)], _children_html(children, mode), ""
    if isinstance(node, dbc.ListGroup):
        cls = _classes(base, "list-group", "list-group-flush" if props.get("flush") else None)
        return "div", [("class", cls), *_attrs(plain, mode)], _children_html(children, mode), ""
    if isinstance(node, dbc.Breadcrumb):
        return _breadcrumb(props, mode)
    if isinstance(node, dbc.DropdownMenu):
        return _dropdown(props, mode)
    if isinstance(node, dbc.Progress):
        return _progress(props, mode)
    if isinstance(node, (dbc.Input, dcc.Input)):
        cls = _classes(base, "form-control" if isinstance(node, dbc.Input) else None)
        keep = {k: props[k] for k in ("type", "placeholder", "value") if props.get(k) not in (None, "")}
        attrs = [("class", cls), ("style", _css(props.get("style") or {}) or None)]
        attrs += [(k, v) for k, v in keep.items()]
        return "input", attrs, "", ""
    # Anything else: its children in a plain box with its classes (never seen on today's pages).
    return "div", [("class", base), *_attrs(plain, mode)], _children_html(children, mode), ""


SNAPSHOT = Mode(snapshot=True, other=_other)


def snapshot_html(tree) -> Markup:
    """The tree as the HTML a reader sees before the page is live (ids left out, charts as empty boxes)."""
    return to_html(tree, SNAPSHOT)
