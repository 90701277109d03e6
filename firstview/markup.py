"""The HTML serialiser under freezing and the first-view snapshot: a Dash component tree as the markup its
React components draw (the same tags, attributes, classes and inline styles).

Every text and attribute value is escaped here; link targets must be in-site or http(s)/mailto, as Dash's
own link sanitising requires. What a walk cannot draw raises `Unfreezable`; a `Mode` says what kind of
walk it is (freezing keeps the ids callbacks use; a snapshot leaves ids out) and who draws the components
other than plain HTML (`Mode.other`: `firstview.bootstrap`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component
from markupsafe import Markup, escape

from static_html import StaticHtml

VOID = {"br", "hr", "img", "wbr", "col", "area", "source", "track", "embed"}
# Dash (React) property names that differ from the HTML attribute.
_ATTR = {
    "className": "class",
    "htmlFor": "for",
    "colSpan": "colspan",
    "rowSpan": "rowspan",
    "tabIndex": "tabindex",
    "accessKey": "accesskey",
    "dateTime": "datetime",
    "contentEditable": "contenteditable",
    "spellCheck": "spellcheck",
    "referrerPolicy": "referrerpolicy",
    "hrefLang": "hreflang",
    "crossOrigin": "crossorigin",
    "useMap": "usemap",
    "encType": "enctype",
}
_PLAIN = {"id", "title", "role", "lang", "dir", "hidden", "href", "target", "rel", "src", "alt", "width", "height",
          "open", "scope", "headers", "abbr", "span", "start", "reversed", "value", "cite", "download", "draggable",
          "loading", "decoding", "name", "type"}  # fmt: skip
_ID_REFERENCES = {"id", "htmlFor", "headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns"}
_BOOLEAN = {"hidden", "open", "reversed", "draggable"}
# Props Dash adds to every HTML component that draw nothing when no callback listens.
_INERT = {"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "key", "loading_state"}
# CSS properties React writes without "px" when given a number.
_UNITLESS = {"flex", "flexGrow", "flexShrink", "fontWeight", "lineHeight", "opacity", "order", "zIndex", "zoom",
             "orphans", "widows", "columnCount", "gridRow", "gridColumn", "tabSize", "fillOpacity", "strokeOpacity"}  # fmt: skip
_SAFE_HREF = re.compile(r"^(?:/(?!/)|\?|#|https?://|mailto:)", re.IGNORECASE)
_ID_ATTR = re.compile(r' id="[^"]*"')
_IMAGE_DATA = re.compile(r"^data:image/(?:png|jpeg|gif|webp|svg\+xml)[;,]")
_HTML_TYPES = {cls for name in html.__all__ if isinstance(cls := getattr(html, name), type)}


class Unfreezable(Exception):
    """Raised inside the walk when a subtree holds something that must stay a component."""


@dataclass(frozen=True)
class Mode:
    """How the walk converts. Freezing: ids a callback uses (and anything unknown) stop it. A snapshot
    (`firstview/snapshot.py`): every component is drawn, ids left out, and `other` draws what this
    module does not know."""

    callback_ids: frozenset = frozenset()
    snapshot: bool = False
    other: Callable | None = None
    lang: str = "id"  # a snapshot's language (the pictures' descriptions)


def style_text(style: dict) -> str:
    parts = []
    for prop, value in style.items():
        if value is None or value == "":
            continue
        if prop.startswith("--"):
            name = prop
        else:
            name = re.sub(r"([A-Z])", lambda m: "-" + m.group(1).lower(), prop)
            if name.startswith(("webkit-", "moz-", "ms-", "o-")):
                name = "-" + name
        if isinstance(value, bool):
            raise Unfreezable(prop)
        if isinstance(value, (int, float)) and value != 0 and prop not in _UNITLESS and not prop.startswith("--"):
            value = f"{value}px"
        parts.append(f"{name}:{value}")
    return ";".join(parts)


def attr_html(name: str, value) -> str:
    if value is None or value is False:
        return ""
    if value is True:
        return f" {name}"
    return f' {name}="{escape(str(value))}"'


def attr_list(props: dict, mode: Mode) -> list[tuple[str, object]]:
    """(html attribute name, value) for a component's props; raises when a prop is not understood."""
    out: list[tuple[str, object]] = []
    for prop, value in props.items():
        if prop in _INERT or value is None:
            continue
        if mode.snapshot and prop in _ID_REFERENCES:
            continue  # the live page has the ids (and what points at them); a snapshot must not claim them
        if prop == "id":
            value = dom_id(value)
        if prop == "style":
            if not isinstance(value, dict):
                raise Unfreezable(prop)
            css = style_text(value)
            if css:
                out.append(("style", css))
        elif prop in ("href", "src"):
            safe = _SAFE_HREF.match(value.strip()) if isinstance(value, str) else None
            if not safe and not (prop == "src" and isinstance(value, str) and _IMAGE_DATA.match(value)):
                raise Unfreezable(prop)
            out.append((prop, value))
        elif prop in _ATTR:
            out.append((_ATTR[prop], value))
        elif prop in _PLAIN or prop.startswith(("data-", "aria-")):
            if isinstance(value, (dict, list, tuple)):
                raise Unfreezable(prop)
            if prop in _BOOLEAN and isinstance(value, str) and prop != "hidden":
                value = value.lower() not in ("", "false")
            if prop.startswith("aria-") and isinstance(value, bool):
                value = "true" if value else "false"
            out.append((prop, value))
        else:
            raise Unfreezable(prop)
    return out


def children_html(children, mode: Mode) -> str:
    if children is None or children is False:
        return ""
    if isinstance(children, (list, tuple)):
        return "".join(children_html(c, mode) for c in children)
    if isinstance(children, bool):
        return ""
    if isinstance(children, (str, int, float)):
        return str(escape(str(children)))
    if isinstance(children, Component):
        return _element_html(children, mode)
    raise Unfreezable(type(children).__name__)


def props_of(node: Component) -> dict:
    """Every property set on the component, wildcard ones (data-*, aria-*) included."""
    props = node.to_plotly_json()["props"]  # shallow: children stay components
    return {p: v for p, v in props.items() if v is not None}


PATTERN = "{pattern-matching}"  # in callback_ids when some callback uses dict ids: keep every dict id


def _check_id(node: Component, mode: Mode) -> None:
    node_id = getattr(node, "id", None)
    callback_ids = mode.callback_ids
    if node_id is None or mode.snapshot:
        return
    if isinstance(node_id, dict) and PATTERN not in callback_ids:
        return
    if not isinstance(node_id, str) or node_id in callback_ids:
        raise Unfreezable("id")


def dom_id(node_id) -> str:
    """The id attribute Dash gives a component: dict ids as JSON with sorted keys (its stringifyId)."""
    if isinstance(node_id, dict):
        return json.dumps(node_id, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return node_id


def _table_classes(props: dict) -> str:
    """The classes react-bootstrap's Table gives the <table> (dbc.Table draws it)."""
    names = [props.pop("className", None) or props.pop("class_name", None), "table"]
    props.pop("class_name", None)
    if props.get("size"):
        names.append(f"table-{props['size']}")
    if props.get("color"):
        names.append(f"table-{props['color']}")
    for flag in ("striped", "bordered", "borderless", "hover"):
        if props.get(flag):
            names.append(f"table-{flag}")
    return " ".join(n for n in names if n)


def _badge_classes(props: dict) -> str:
    """The classes react-bootstrap's Badge gives the <span> (dbc.Badge draws it, Bootstrap colours only)."""
    color = props.pop("color", None) or "secondary"
    names = [props.pop("className", None) or props.pop("class_name", None), "badge"]
    props.pop("class_name", None)
    if props.pop("pill", False):
        names.append("rounded-pill")
    text = props.pop("text_color", None)
    if text:
        names.append(f"text-{text}")
    names.append(f"bg-{color}")
    return " ".join(n for n in names if n)


_BOOTSTRAP_COLOURS = {"primary", "secondary", "success", "danger", "warning", "info", "light", "dark"}


_NEVER = ("script", "style", "iframe", "object", "embed")
_CONTROLS = ("form", "input", "textarea", "select", "button")


def element_parts(node: Component, mode: Mode) -> tuple[str, list[tuple[str, object]], str, str]:
    """(tag, attributes, inner html, wrapper class) of one component; raises when it cannot be converted."""
    _check_id(node, mode)
    props = props_of(node)
    children = props.pop("children", None)
    if type(node) in _HTML_TYPES:
        tag = node._type.lower()
        if tag in _NEVER or (tag in _CONTROLS and not mode.snapshot):
            raise Unfreezable(tag)  # inputs and forms stay components: callbacks or the browser act on them
        return tag, attr_list(props, mode), children_html(children, mode), ""
    if isinstance(node, StaticHtml):
        attrs = [("class", props.get("className")), ("style", style_text(props.get("style") or {}) or None)]
        attrs += [(_ATTR.get(k, k), v) for k, v in (props.get("attrs") or {}).items()]
        inner = props.get("html", "")
        if mode.snapshot:
            # Made by this module, every value escaped: ' id="' can only be an attribute here.
            inner = _ID_ATTR.sub("", inner)
        else:
            attrs.insert(0, ("id", props.get("id")))
        return props.get("tag", "div"), attrs, inner, ""
    if isinstance(node, dcc.Link):
        if props.pop("refresh", False):
            raise Unfreezable("refresh")
        href = props.get("href")
        inner = children_html(children, mode) if children not in (None, "", []) else str(escape(href or ""))
        attrs = attr_list(props, mode) + [("data-dash-link", "")]
        return "a", attrs, inner, ""
    if isinstance(node, dbc.Table):
        responsive = props.pop("responsive", None)
        if responsive not in (None, False, True):
            raise Unfreezable("responsive")
        classes = _table_classes(props)
        for flag in ("size", "color", "striped", "bordered", "borderless", "hover"):
            props.pop(flag, None)
        attrs = [("class", classes)] + attr_list(props, mode)
        return "table", attrs, children_html(children, mode), "table-responsive" if responsive else ""
    if (
        isinstance(node, dbc.Badge)
        and not props.get("href")
        and (props.get("color") or "secondary") in _BOOTSTRAP_COLOURS
    ):
        classes = _badge_classes(props)
        return "span", [("class", classes)] + attr_list(props, mode), children_html(children, mode), ""
    if mode.other is not None:
        return mode.other(node, props, children, mode)
    raise Unfreezable(type(node).__name__)


def _element_html(node: Component, mode: Mode) -> str:
    tag, attrs, inner, wrapper = element_parts(node, mode)
    if not tag:
        return inner  # drawn as its inside only (or nothing)
    start = f"<{tag}{''.join(attr_html(n, v) for n, v in attrs)}>"
    element = start if tag in VOID else f"{start}{inner}</{tag}>"
    return f'<div class="{wrapper}">{element}</div>' if wrapper else element


def element_count(node) -> int:
    if isinstance(node, (list, tuple)):
        return sum(element_count(n) for n in node)
    if isinstance(node, Component):
        return 1 + element_count(getattr(node, "children", None))
    return 0


REACT_NAME = {v: k for k, v in _ATTR.items()}


def to_html(tree, mode: Mode) -> Markup:
    """The whole tree as HTML (raises Unfreezable where `mode` cannot draw something)."""
    return Markup(children_html(tree, mode))
