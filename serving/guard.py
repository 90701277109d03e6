"""One gate for every callback request: the payload a browser posts to `/_dash-update-component` is
untrusted. Its shape, its ids and properties, and each value's type are checked here, before Dash
dispatches it, so a callback only ever sees the types it was written for.

- the callback (its `output`) must be one this app registered, and its inputs and state must be
  exactly the ones that callback declared, in order;
- each value must have the type its property carries in a browser (`TYPES`), within size limits;
- JSON deeper than `MAX_DEPTH` or a body over the app's limit never reaches a callback.

A payload that fails gets HTTP 400 with a short JSON reason and a logged warning; never a 500.
"""

from __future__ import annotations

import json
import logging
from numbers import Real

log = logging.getLogger(__name__)

MAX_DEPTH = 16
MAX_STRING = 4096  # a URL search string, a typed query: generous, but no megabyte strings
MAX_ITEMS = 200


def _short_string(v: object, limit: int = MAX_STRING) -> bool:
    return v is None or (isinstance(v, str) and len(v) <= limit)


def _count(v: object) -> bool:
    return v is None or (isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**31)


def _value(v: object) -> bool:
    """A form value: text or a number (never a list or an object)."""
    if isinstance(v, bool):
        return False
    return _short_string(v, 200) or (isinstance(v, Real) and abs(v) < 1e12)


def _click(v: object) -> bool:
    """A Plotly click: {"points": [{...}, ...]}; what a point holds differs by trace type (a treemap's
    carries its entry and root), and its depth and size are bounded for the whole body."""
    if v is None:
        return True
    points = v.get("points") if isinstance(v, dict) else None
    return isinstance(points, list) and len(points) <= 50 and all(isinstance(p, dict) for p in points)


def _any_json(v: object) -> bool:
    return True  # size and depth are bounded for the whole body


TYPES = {
    "pathname": lambda v: isinstance(v, str) and v.startswith("/") and len(v) <= 512,
    "search": _short_string,
    "href": _short_string,
    "hash": lambda v: _short_string(v, 512),
    "n_clicks": _count,
    "n_submit": _count,
    "n_clicks_timestamp": lambda v: v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)),
    "value": _value,
    "clickData": _click,
    "data": _any_json,
}


def depth(v: object, limit: int = MAX_DEPTH) -> int:
    """Nesting depth of parsed JSON, counting no further than `limit + 1`."""
    stack = [(v, 1)]
    deepest = 0
    while stack:
        node, d = stack.pop()
        deepest = max(deepest, d)
        if d > limit:
            return d
        if isinstance(node, dict):
            stack.extend((x, d + 1) for x in node.values())
        elif isinstance(node, list):
            stack.extend((x, d + 1) for x in node)
    return deepest


def _dep_key(dep: dict) -> tuple:
    return (json.dumps(dep.get("id"), sort_keys=True), dep.get("property"))


def _declared(spec: list) -> list[tuple]:
    return [(json.dumps(d["id"], sort_keys=True), d["property"]) for d in spec]


def check(body: object, callback_map: dict) -> str | None:
    """None when the payload may go to its callback, else why not (for the 400 and the log)."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    if depth(body) > MAX_DEPTH:
        return f"JSON nested deeper than {MAX_DEPTH}"
    output = body.get("output")
    if not isinstance(output, str) or output not in callback_map:
        return "unknown output"
    cb = callback_map[output]
    for part, declared in (("inputs", cb.get("inputs", [])), ("state", cb.get("state", []))):
        got = body.get(part, [])
        if not isinstance(got, list) or not all(isinstance(d, dict) for d in got):
            return f"{part} is not a list of objects"
        if [_dep_key(d) for d in got] != _declared(declared):
            return f"{part} differ from the callback's"
        for d in got:
            prop = d.get("property")
            test = TYPES.get(prop)
            if test is None:
                return f"property {prop!r} is not accepted"
            if not test(d.get("value")):
                return f"{prop!r} has a value of the wrong type or size"
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) and len(c) <= 300 for c in changed):
        return "changedPropIds is not a list of strings"
    outputs = body.get("outputs")
    if output.startswith(".."):  # several outputs: '..a.children...b.data..'
        n = output.strip(".").count("...") + 1
        if not isinstance(outputs, list) or len(outputs) != n or not all(_is_dep(o) for o in outputs):
            return f"outputs is not a list of the callback's {n} outputs"
    elif not _is_dep(outputs):
        return "outputs is not the callback's output"
    return None


def _is_dep(o: object) -> bool:
    return isinstance(o, dict) and isinstance(o.get("id"), (str, dict)) and isinstance(o.get("property"), str)
