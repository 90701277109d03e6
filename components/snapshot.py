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

from dataclasses import replace

import dash_bootstrap_components as dbc
from dash import dcc
from dash.development.base_component import Component
from markupsafe import Markup, escape

from budget.i18n import t
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
    props.pop("class_name", None)
    attrs = [("class", classes), *_attrs(props, mode)]
    if href:
        link = [*_attrs({"href": href}, mode), ("role", "button"), ("tabindex", "0"), ("data-dash-link", "")]
        return "a", [*link, *attrs], _children_html(children, mode), ""
    return "button", [("type", "button"), *attrs], _children_html(children, mode), ""


def _breadcrumb(props: dict, mode: Mode):
    items = []
    for item in props.get("items") or []:
        label = str(escape(item.get("label", "")))
        if item.get("active") or not item.get("href"):
            items.append(f'<li class="breadcrumb-item active" aria-current="page">{label}</li>')
        else:
            href = "".join(_attr_html(n, v) for n, v in _attrs({"href": item["href"]}, mode))
            items.append(f'<li class="breadcrumb-item"><a{href} data-dash-link="">{label}</a></li>')
    own = _attrs({"id": props.get("id"), "style": props.get("style")}, mode)
    attrs = [("aria-label", "breadcrumb"), ("class", props.get("className")), *own]
    return "nav", attrs, f'<ol class="breadcrumb">{"".join(items)}</ol>', ""


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
    """A box as tall as the chart will be (its figure's height, its style's, or plotly's 450 px), holding
    the chart's still picture (`components/picture.py`; `assets/snapshot.js` moves it into the live page)."""
    from components.picture import data_url

    style = dict(props.get("style") or {})
    figure = props.get("figure") or {}
    height = (figure.get("layout") or {}).get("height") if isinstance(figure, dict) else None
    style.setdefault("height", height or 450)
    inner = ""
    if isinstance(figure, dict) and figure.get("data"):
        inner = (
            f'<img class="chart-picture" loading="lazy" src="{escape(data_url(figure))}"'
            f' alt="{escape(t("chart.still", mode.lang))}" decoding="async">'
        )
    return "div", [("class", _classes(props.get("className"), "dash-graph")), ("style", _css(style))], inner, ""


def _progress(props: dict, mode: Mode):
    value = props.get("value") or 0
    bar = _classes("progress-bar", f"bg-{props['color']}" if props.get("color") else None)
    inner = (
        f'<div role="progressbar" class="{bar}" style="width:{float(value):g}%" aria-valuenow="{float(value):g}"'
        f' aria-valuemin="0" aria-valuemax="100"></div>'
    )
    return (
        "div",
        [
            ("class", _classes(props.get("className"), "progress")),
            *_attrs({k: props.get(k) for k in ("id", "style")}, mode),
        ],
        inner,
        "",
    )


# The Dash Bootstrap components that draw fixed markup (no state, no events of their own): freezing may turn
# them into HTML too (`freeze.freeze` passes `layout_parts` as its `other`); the rest only a snapshot draws.
FREEZABLE = (
    dbc.Card,
    dbc.CardBody,
    dbc.CardHeader,
    dbc.CardFooter,
    dbc.ListGroup,
    dbc.ListGroupItem,
    dbc.Row,
    dbc.Col,
    dbc.Alert,
    dbc.ButtonGroup,
    dbc.Button,
    dbc.Nav,
    dbc.NavItem,
    dbc.NavLink,
    dbc.Breadcrumb,
    dbc.Progress,
)


_COMMON = {
    "children",
    "id",
    "style",
    "className",
    "class_name",
    "key",
    "loading_state",
    "n_clicks",
    "n_clicks_timestamp",
}
_HANDLED = {
    dbc.Row: {"align", "justify"},
    dbc.Col: {"width", *_BREAKPOINTS},
    dbc.Alert: {"color", "is_open"},
    dbc.ButtonGroup: {"size", "vertical"},
    dbc.Button: {"color", "outline", "size", "href", "active"},
    dbc.Nav: {"pills", "fill", "justified", "vertical"},
    dbc.NavLink: {"href", "active"},
    dbc.ListGroup: {"flush"},
    dbc.Breadcrumb: {"items"},
    dbc.Progress: {"value", "color"},
}


def layout_parts(node: Component, props: dict, children, mode: Mode):
    """(tag, attributes, inner html, wrapper) of a fixed-markup Bootstrap component, when every property
    it is given is one whose markup is known here (a test compares it with the component's own DOM);
    raises otherwise."""
    from components.freeze import _Unfreezable

    if not isinstance(node, FREEZABLE):
        raise _Unfreezable(type(node).__name__)
    unknown = set(props) - _COMMON - _HANDLED.get(type(node), set())
    if unknown:
        raise _Unfreezable(", ".join(sorted(unknown)))
    if isinstance(node, dbc.Button) and not props.get("href"):
        raise _Unfreezable("button")  # a button acts on a click: callbacks listen
    if isinstance(node, dbc.NavLink) and not isinstance(props.get("active", False), bool):
        raise _Unfreezable("active")  # "exact"/"partial" follow the URL in the browser
    if isinstance(node, (dbc.Col, dbc.Row)) and any(isinstance(v, dict) for v in props.values()):
        raise _Unfreezable("col")
    return _other(node, props, children, mode)


def _other(node: Component, props: dict, children, mode: Mode):
    """(tag, attributes, inner html, wrapper) of a Bootstrap or dcc component: the markup react-bootstrap
    draws; for a snapshot also an empty box of the right height (charts) or nothing (stores, locations)."""
    if isinstance(node, _INVISIBLE):
        return "", [], "", ""
    if isinstance(node, dcc.Graph):
        return _graph(props, mode)
    plain = {k: props.get(k) for k in ("style", "id") if props.get(k)}  # the id only when freezing
    base = props.get("className") or props.get("class_name")
    simple = {
        dbc.Card: "card",
        dbc.CardBody: "card-body",
        dbc.CardHeader: "card-header",
        dbc.CardFooter: "card-footer",
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
        link = _attrs({"href": props.get("href"), **plain}, mode) + [("data-dash-link", "")]
        return "a", [("class", cls), *link], _children_html(children, mode), ""
    if isinstance(node, dbc.ListGroup):  # react-bootstrap draws a list
        cls = _classes(base, "list-group", "list-group-flush" if props.get("flush") else None)
        return "ul", [("class", cls), *_attrs(plain, mode)], _children_html(children, mode), ""
    if isinstance(node, dbc.ListGroupItem):
        return (
            "li",
            [("class", _classes(base, "list-group-item")), *_attrs(plain, mode)],
            _children_html(children, mode),
            "",
        )
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


def snapshot_html(tree, lang: str = "id") -> Markup:
    """The tree as the HTML a reader sees before the page is live (ids left out, charts as their pictures).
    The first chart's picture comes with the page (near a phone's first screen, it is often the largest
    thing shown first); the others when they come near the screen (loading="lazy"), sparing a phone's
    main thread their drawing while the page starts."""
    html = to_html(tree, replace(SNAPSHOT, lang=lang))
    return Markup(str(html).replace('<img class="chart-picture" loading="lazy"', '<img class="chart-picture"', 1))
