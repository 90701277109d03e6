"""Freezing: the parts of a page no callback touches become server-made HTML (`static_html.StaticHtml`).

A page is drawn as a tree of Dash components. Most of it (tables, figures in cards, sentences with
links) is never read or written by a callback after it is drawn, yet each element costs the browser a
React component; on a phone that work is most of the page's blocking time. `freeze(tree)` walks the
tree and replaces every largest subtree made only of plain HTML components, `dcc.Link`, `dbc.Table` and
`dbc.Badge`, holding no id a callback uses, with one `StaticHtml` that carries the same markup.

The markup is what the React components draw (a browser test compares the two DOMs): the same tags,
attributes, classes and inline styles. Every text and attribute value is escaped here; link targets must
be in-site or http(s)/mailto, as Dash's own link sanitising requires. Anything this module does not know
(another component, an unknown property, an event-bearing prop) is simply left as it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component
from markupsafe import Markup, escape

from static_html import StaticHtml

MIN_ELEMENTS = 4  # a subtree smaller than this is left as components (no gain)

_VOID = {"br", "hr", "img", "wbr", "col", "area", "source", "track", "embed"}
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


class _Unfreezable(Exception):
    """Raised inside the walk when a subtree holds something that must stay a component."""


@dataclass(frozen=True)
class Mode:
    """How the walk converts. Freezing: ids a callback uses (and anything unknown) stop it. A snapshot
    (`components/snapshot.py`): every component is drawn, ids left out, and `other` draws what this
    module does not know."""

    callback_ids: frozenset = frozenset()
    snapshot: bool = False
    other: Callable | None = None
    lang: str = "id"  # a snapshot's language (the pictures' descriptions)


def _css(style: dict) -> str:
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
            raise _Unfreezable(prop)
        if isinstance(value, (int, float)) and value != 0 and prop not in _UNITLESS and not prop.startswith("--"):
            value = f"{value}px"
        parts.append(f"{name}:{value}")
    return ";".join(parts)


def _attr_html(name: str, value) -> str:
    if value is None or value is False:
        return ""
    if value is True:
        return f" {name}"
    return f' {name}="{escape(str(value))}"'


def _attrs(props: dict, mode: Mode) -> list[tuple[str, object]]:
    """(html attribute name, value) for a component's props; raises when a prop is not understood."""
    out: list[tuple[str, object]] = []
    for prop, value in props.items():
        if prop in _INERT or value is None:
            continue
        if mode.snapshot and prop in _ID_REFERENCES:
            continue  # the live page has the ids (and what points at them); a snapshot must not claim them
        if prop == "id":
            value = _dom_id(value)
        if prop == "style":
            if not isinstance(value, dict):
                raise _Unfreezable(prop)
            css = _css(value)
            if css:
                out.append(("style", css))
        elif prop in ("href", "src"):
            safe = _SAFE_HREF.match(value.strip()) if isinstance(value, str) else None
            if not safe and not (prop == "src" and isinstance(value, str) and _IMAGE_DATA.match(value)):
                raise _Unfreezable(prop)
            out.append((prop, value))
        elif prop in _ATTR:
            out.append((_ATTR[prop], value))
        elif prop in _PLAIN or prop.startswith(("data-", "aria-")):
            if isinstance(value, (dict, list, tuple)):
                raise _Unfreezable(prop)
            if prop in _BOOLEAN and isinstance(value, str) and prop != "hidden":
                value = value.lower() not in ("", "false")
            if prop.startswith("aria-") and isinstance(value, bool):
                value = "true" if value else "false"
            out.append((prop, value))
        else:
            raise _Unfreezable(prop)
    return out


def _children_html(children, mode: Mode) -> str:
    if children is None or children is False:
        return ""
    if isinstance(children, (list, tuple)):
        return "".join(_children_html(c, mode) for c in children)
    if isinstance(children, bool):
        return ""
    if isinstance(children, (str, int, float)):
        return str(escape(str(children)))
    if isinstance(children, Component):
        return _element_html(children, mode)
    raise _Unfreezable(type(children).__name__)


def _props(node: Component) -> dict:
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
        raise _Unfreezable("id")


def _dom_id(node_id) -> str:
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


def _element_parts(node: Component, mode: Mode) -> tuple[str, list[tuple[str, object]], str, str]:
    """(tag, attributes, inner html, wrapper class) of one component; raises when it cannot be converted."""
    _check_id(node, mode)
    props = _props(node)
    children = props.pop("children", None)
    if type(node) in _HTML_TYPES:
        tag = node._type.lower()
        if tag in _NEVER or (tag in _CONTROLS and not mode.snapshot):
            raise _Unfreezable(tag)  # inputs and forms stay components: callbacks or the browser act on them
        return tag, _attrs(props, mode), _children_html(children, mode), ""
    if isinstance(node, StaticHtml):
        attrs = [("class", props.get("className")), ("style", _css(props.get("style") or {}) or None)]
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
            raise _Unfreezable("refresh")
        href = props.get("href")
        inner = _children_html(children, mode) if children not in (None, "", []) else str(escape(href or ""))
        attrs = _attrs(props, mode) + [("data-dash-link", "")]
        return "a", attrs, inner, ""
    if isinstance(node, dbc.Table):
        responsive = props.pop("responsive", None)
        if responsive not in (None, False, True):
            raise _Unfreezable("responsive")
        classes = _table_classes(props)
        for flag in ("size", "color", "striped", "bordered", "borderless", "hover"):
            props.pop(flag, None)
        attrs = [("class", classes)] + _attrs(props, mode)
        return "table", attrs, _children_html(children, mode), "table-responsive" if responsive else ""
    if (
        isinstance(node, dbc.Badge)
        and not props.get("href")
        and (props.get("color") or "secondary") in _BOOTSTRAP_COLOURS
    ):
        classes = _badge_classes(props)
        return "span", [("class", classes)] + _attrs(props, mode), _children_html(children, mode), ""
    if mode.other is not None:
        return mode.other(node, props, children, mode)
    raise _Unfreezable(type(node).__name__)


def _element_html(node: Component, mode: Mode) -> str:
    tag, attrs, inner, wrapper = _element_parts(node, mode)
    if not tag:
        return inner  # drawn as its inside only (or nothing)
    start = f"<{tag}{''.join(_attr_html(n, v) for n, v in attrs)}>"
    element = start if tag in _VOID else f"{start}{inner}</{tag}>"
    return f'<div class="{wrapper}">{element}</div>' if wrapper else element


def _size(node) -> int:
    if isinstance(node, (list, tuple)):
        return sum(_size(n) for n in node)
    if isinstance(node, Component):
        return 1 + _size(getattr(node, "children", None))
    return 0


_REACT_NAME = {v: k for k, v in _ATTR.items()}


def _static(node: Component, mode: Mode) -> StaticHtml:
    """`node` as one StaticHtml (raises _Unfreezable)."""
    if isinstance(node, StaticHtml):
        raise _Unfreezable("frozen already")
    tag, attrs, inner, wrapper = _element_parts(node, mode)
    if not tag:
        raise _Unfreezable("draws nothing")  # a closed alert: leave it to its component
    if wrapper:  # dbc.Table(responsive=True): the wrapper <div> is the element, the table its inside
        inner = f"<{tag}{''.join(_attr_html(n, v) for n, v in attrs)}>{inner}</{tag}>"
        return StaticHtml(tag="div", className=wrapper, html=inner)
    if tag in _VOID:
        raise _Unfreezable(tag)
    props = _props(node)
    kept = {}
    for name, value in attrs:
        react = _REACT_NAME.get(name, name)
        if react in ("id", "className", "style"):
            continue
        kept[react] = value
    return StaticHtml(
        tag=tag,
        id=_dom_id(props["id"]) if "id" in props else None,
        className=dict(attrs).get("class"),
        style=props.get("style"),
        attrs=kept or None,
        html=Markup(inner),
    )


def freeze(tree, callback_ids: Iterable[str] | None = None):
    """The tree with every largest freezable subtree of at least MIN_ELEMENTS elements as one StaticHtml.
    `callback_ids`: ids a callback reads or writes (default: every id in the running app's callbacks)."""
    from components.snapshot import layout_parts

    ids = frozenset(callback_ids if callback_ids is not None else app_callback_ids())
    return _freeze(tree, Mode(callback_ids=ids, other=layout_parts))


def _freeze(node, mode: Mode):
    if isinstance(node, (list, tuple)):
        return [_freeze(n, mode) for n in node]
    if not isinstance(node, Component):
        return node
    if _size(node) >= MIN_ELEMENTS:
        try:
            return _static(node, mode)
        except _Unfreezable:
            pass
    children = getattr(node, "children", None)
    if isinstance(children, (list, tuple, Component)):
        node.children = _freeze(children, mode)
    return node


def to_html(tree, mode: Mode) -> Markup:
    """The whole tree as HTML (raises _Unfreezable where `mode` cannot draw something)."""
    return Markup(_children_html(tree, mode))


def app_callback_ids() -> set[str]:
    """Every component id a registered callback (server or clientside) reads or writes."""
    import dash

    ids: set[str] = set()
    try:
        callback_map = dash.get_app().callback_map
    except Exception:  # noqa: BLE001 - no app yet: only the globally declared callbacks
        callback_map = {}
    entries = list(callback_map.items())
    from dash._callback import GLOBAL_CALLBACK_LIST

    for item in GLOBAL_CALLBACK_LIST:
        entries.append((item.get("output", ""), item))
    for output, spec in entries:
        for part in str(output).strip(".").split("..."):
            part = part.strip(".")
            if part.startswith("{"):
                ids.add(PATTERN)
            elif part:
                ids.add(part.rsplit(".", 1)[0])
        for dep in list(spec.get("inputs", [])) + list(spec.get("state", [])):
            dep_id = dep.get("id") if isinstance(dep, dict) else None
            if isinstance(dep_id, str) and not dep_id.startswith("{"):
                ids.add(dep_id)
            elif dep_id is not None:
                ids.add(PATTERN)
    return ids
