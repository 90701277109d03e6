"""The markup react-bootstrap 2 draws for the Dash Bootstrap components our pages use, and the box a chart
gets in a snapshot. `layout_parts` draws the fixed-markup ones (no state, no events of their own), which
freezing may turn into HTML; `component_parts` draws every component a snapshot meets. A browser test
(`tests/test_freeze.py`) compares this markup with the components' own DOM.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc
from dash.development.base_component import Component
from markupsafe import escape

from budget.i18n import t
from firstview.markup import Mode, Unfreezable, attr_html, attr_list, children_html, style_text
from firstview.picture import data_url

_INVISIBLE = (dcc.Location, dcc.Store, dcc.Download, dcc.Interval, dcc.Clipboard)
_BREAKPOINTS = ("xs", "sm", "md", "lg", "xl", "xxl")


def class_names(*names) -> str:
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
    classes = class_names(props.pop("className", None), "btn", variant, f"btn-{size}" if size else None)
    if props.pop("active", False):
        classes += " active"
    href = props.pop("href", None)
    for p in ("n_clicks", "n_clicks_timestamp", "external_link", "target", "download", "value", "name", "type"):
        props.pop(p, None)
    props.pop("class_name", None)
    attrs = [("class", classes), *attr_list(props, mode)]
    if href:
        link = [*attr_list({"href": href}, mode), ("role", "button"), ("tabindex", "0"), ("data-dash-link", "")]
        return "a", [*link, *attrs], children_html(children, mode), ""
    return "button", [("type", "button"), *attrs], children_html(children, mode), ""


def _breadcrumb(props: dict, mode: Mode):
    items = []
    for item in props.get("items") or []:
        label = str(escape(item.get("label", "")))
        if item.get("active") or not item.get("href"):
            items.append(f'<li class="breadcrumb-item active" aria-current="page">{label}</li>')
        else:
            href = "".join(attr_html(n, v) for n, v in attr_list({"href": item["href"]}, mode))
            items.append(f'<li class="breadcrumb-item"><a{href} data-dash-link="">{label}</a></li>')
    own = attr_list({"id": props.get("id"), "style": props.get("style")}, mode)
    attrs = [("aria-label", "breadcrumb"), ("class", props.get("className")), *own]
    return "nav", attrs, f'<ol class="breadcrumb">{"".join(items)}</ol>', ""


def _dropdown(props: dict, mode: Mode):
    size = props.get("size")
    toggle = class_names(
        props.get("toggle_class_name"),
        "dropdown-toggle btn",
        f"btn-{props.get('color') or 'primary'}",
        f"btn-{size}" if size else None,
    )
    style = style_text(props.get("toggle_style") or {})
    button = (
        f'<button type="button" aria-expanded="false"{attr_html("class", toggle)}{attr_html("style", style or None)}>'
        f"{escape(props.get('label') or '')}</button>"
    )
    return "div", [("class", class_names(props.get("className"), "dropdown"))], button, ""


def _graph(props: dict, mode: Mode):
    """A box as tall as the chart will be (its figure's height, its style's, or plotly's 450 px), holding
    the chart's still picture (`firstview/picture.py`; `assets/snapshot.js` moves it into the live page)."""
    style = dict(props.get("style") or {})
    figure = props.get("figure") or {}
    height = (figure.get("layout") or {}).get("height") if isinstance(figure, dict) else None
    style.setdefault("height", height or 450)
    inner = ""
    chart = props.get("id")
    if isinstance(figure, dict) and figure.get("data") and isinstance(chart, str):
        # Keyed by the chart's id (an attribute, not an id: the live page owns those), so each picture finds
        # its own chart's box whatever the other charts hold.
        inner = (
            f'<img class="chart-picture" loading="lazy" src="{escape(data_url(figure))}"'
            f' alt="{escape(t("chart.still", mode.lang))}" decoding="async" data-chart="{escape(chart)}">'
        )
    return (
        "div",
        [("class", class_names(props.get("className"), "dash-graph")), ("style", style_text(style))],
        inner,
        "",
    )


def _progress(props: dict, mode: Mode):
    value = props.get("value") or 0
    bar = class_names("progress-bar", f"bg-{props['color']}" if props.get("color") else None)
    inner = (
        f'<div role="progressbar" class="{bar}" style="width:{float(value):g}%" aria-valuenow="{float(value):g}"'
        f' aria-valuemin="0" aria-valuemax="100"></div>'
    )
    return (
        "div",
        [
            ("class", class_names(props.get("className"), "progress")),
            *attr_list({k: props.get(k) for k in ("id", "style")}, mode),
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
    if not isinstance(node, FREEZABLE):
        raise Unfreezable(type(node).__name__)
    unknown = set(props) - _COMMON - _HANDLED.get(type(node), set())
    if unknown:
        raise Unfreezable(", ".join(sorted(unknown)))
    if isinstance(node, dbc.Button) and not props.get("href"):
        raise Unfreezable("button")  # a button acts on a click: callbacks listen
    if isinstance(node, dbc.NavLink) and not isinstance(props.get("active", False), bool):
        raise Unfreezable("active")  # "exact"/"partial" follow the URL in the browser
    if isinstance(node, (dbc.Col, dbc.Row)) and any(isinstance(v, dict) for v in props.values()):
        raise Unfreezable("col")
    return component_parts(node, props, children, mode)


def component_parts(node: Component, props: dict, children, mode: Mode):
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
            return (
                "div",
                [("class", class_names(base, cls)), *attr_list(plain, mode)],
                children_html(children, mode),
                "",
            )
    if isinstance(node, dbc.Row):
        align, justify = props.get("align"), props.get("justify")
        cls = class_names(
            base, "row", f"align-items-{align}" if align else None, f"justify-content-{justify}" if justify else None
        )
        return "div", [("class", cls), *attr_list(plain, mode)], children_html(children, mode), ""
    if isinstance(node, dbc.Col):
        cls = class_names(base, *_col_classes(dict(props)))
        return "div", [("class", cls), *attr_list(plain, mode)], children_html(children, mode), ""
    if isinstance(node, dbc.Alert):
        if props.get("is_open") is False:
            return "", [], "", ""
        cls = class_names(base, "fade alert", f"alert-{props.get('color') or 'success'}", "show")
        return "div", [("role", "alert"), ("class", cls), *attr_list(plain, mode)], children_html(children, mode), ""
    if isinstance(node, dbc.ButtonGroup):
        size = props.get("size")
        cls = class_names(
            base, "btn-group-vertical" if props.get("vertical") else "btn-group", f"btn-group-{size}" if size else None
        )
        return "div", [("role", "group"), ("class", cls), *attr_list(plain, mode)], children_html(children, mode), ""
    if isinstance(node, dbc.Button):
        return _button(dict(props), children, mode)
    if isinstance(node, dbc.Nav):
        flags = [f"nav-{f}" for f in ("pills", "fill", "justified") if props.get(f)]
        cls = class_names(base, "nav", *flags, "flex-column" if props.get("vertical") is True else None)
        return "div", [("class", cls), *attr_list(plain, mode)], children_html(children, mode), ""
    if isinstance(node, dbc.NavLink):
        cls = class_names(base, "nav-link", "active" if props.get("active") is True else None)
        link = attr_list({"href": props.get("href"), **plain}, mode) + [("data-dash-link", "")]
        return "a", [("class", cls), *link], children_html(children, mode), ""
    if isinstance(node, dbc.ListGroup):  # react-bootstrap draws a list
        cls = class_names(base, "list-group", "list-group-flush" if props.get("flush") else None)
        return "ul", [("class", cls), *attr_list(plain, mode)], children_html(children, mode), ""
    if isinstance(node, dbc.ListGroupItem):
        return (
            "li",
            [("class", class_names(base, "list-group-item")), *attr_list(plain, mode)],
            children_html(children, mode),
            "",
        )
    if isinstance(node, dbc.Breadcrumb):
        return _breadcrumb(props, mode)
    if isinstance(node, dbc.DropdownMenu):
        return _dropdown(props, mode)
    if isinstance(node, dbc.Progress):
        return _progress(props, mode)
    if isinstance(node, (dbc.Input, dcc.Input)):
        cls = class_names(base, "form-control" if isinstance(node, dbc.Input) else None)
        keep = {k: props[k] for k in ("type", "placeholder", "value") if props.get(k) not in (None, "")}
        attrs = [("class", cls), ("style", style_text(props.get("style") or {}) or None)]
        attrs += [(k, v) for k, v in keep.items()]
        return "input", attrs, "", ""
    # Anything else: its children in a plain box with its classes (never seen on today's pages).
    return "div", [("class", base), *attr_list(plain, mode)], children_html(children, mode), ""
