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

from collections.abc import Iterable

from dash.development.base_component import Component
from markupsafe import Markup

from dash_compat import output_ids, registered_callbacks
from firstview.bootstrap import layout_parts
from firstview.markup import (
    PATTERN,
    REACT_NAME,
    VOID,
    Mode,
    Unfreezable,
    attr_html,
    dom_id,
    element_count,
    element_parts,
    props_of,
)
from static_html import StaticHtml

MIN_ELEMENTS = 4  # a subtree smaller than this is left as components (no gain)

__all__ = ["MIN_ELEMENTS", "PATTERN", "freeze"]


def _static(node: Component, mode: Mode) -> StaticHtml:
    """`node` as one StaticHtml (raises Unfreezable)."""
    if isinstance(node, StaticHtml):
        raise Unfreezable("frozen already")
    tag, attrs, inner, wrapper = element_parts(node, mode)
    if not tag:
        raise Unfreezable("draws nothing")  # a closed alert: leave it to its component
    if wrapper:  # dbc.Table(responsive=True): the wrapper <div> is the element, the table its inside
        inner = f"<{tag}{''.join(attr_html(n, v) for n, v in attrs)}>{inner}</{tag}>"
        return StaticHtml(tag="div", className=wrapper, html=inner)
    if tag in VOID:
        raise Unfreezable(tag)
    props = props_of(node)
    kept = {}
    for name, value in attrs:
        react = REACT_NAME.get(name, name)
        if react in ("id", "className", "style"):
            continue
        kept[react] = value
    return StaticHtml(
        tag=tag,
        id=dom_id(props["id"]) if "id" in props else None,
        className=dict(attrs).get("class"),
        style=props.get("style"),
        attrs=kept or None,
        html=Markup(inner),
    )


def freeze(tree, callback_ids: Iterable[str] | None = None):
    """The tree with every largest freezable subtree of at least MIN_ELEMENTS elements as one StaticHtml.
    `callback_ids`: ids a callback reads or writes (default: every id in the running app's callbacks)."""
    ids = frozenset(callback_ids if callback_ids is not None else app_callback_ids())
    return _freeze(tree, Mode(callback_ids=ids, other=layout_parts))


def _freeze(node, mode: Mode):
    if isinstance(node, (list, tuple)):
        return [_freeze(n, mode) for n in node]
    if not isinstance(node, Component):
        return node
    if element_count(node) >= MIN_ELEMENTS:
        try:
            return _static(node, mode)
        except Unfreezable:
            pass
    children = getattr(node, "children", None)
    if isinstance(children, (list, tuple, Component)):
        node.children = _freeze(children, mode)
    return node


def app_callback_ids() -> set[str]:
    """Every component id a registered callback (server or clientside) reads or writes."""
    ids: set[str] = set()
    for output, spec in registered_callbacks():
        ids.update(PATTERN if i.startswith("{") else i for i in output_ids(output))
        for dep in list(spec.get("inputs", [])) + list(spec.get("state", [])):
            dep_id = dep.get("id") if isinstance(dep, dict) else None
            if isinstance(dep_id, str) and not dep_id.startswith("{"):
                ids.add(dep_id)
            elif dep_id is not None:
                ids.add(PATTERN)
    return ids
