"""Every private contract this app relies on in Dash, dcc, dash-bootstrap-components and plotly, in one
place, each with a canary in `tests/test_dash_compat.py` that fails on an upgrade which breaks it.

`requirements.txt` pins dash, dash-bootstrap-components and plotly together; to upgrade them, bump the
three, run `make test-fast` (the canaries are in it), then `make test` and `make bench-lighthouse`.

The contracts (what we assume, and who relies on it):

1. dcc.Graph draws only once `window.Plotly` exists and then calls it (`GRAPH_WAITS_FOR`):
   `assets/plotly-src.js` puts a stand-in there and fetches the trimmed bundle on demand.
2. Dash's router follows a `window` event named `PUSHSTATE_EVENT` after `history.pushState`:
   `static_html/static_html.js` fires it for links inside server-made HTML, as `dcc.Link` does.
3. A Component subclass needs `_prop_names`, `_type`, `_namespace`, `available_properties` (and a
   `_js_dist` on its package) to be serialised and drawn: `static_html.StaticHtml` is written by hand.
4. Dash's renderer loads the scripts in `dash._dash_renderer._js_dist_dependencies` and dash_table's
   `_js_dist`: `drop_unused_bundles` edits those lists.
5. A callback is registered under an output key `..id.prop...id.prop..` (several outputs) or `id.prop`:
   `output_key`, used by the response cache and the payload gate.
6. react-bootstrap 2 draws the markup in `firstview/bootstrap.py` for 16 dbc components (checked against
   the components' own DOM in Chromium by `tests/test_freeze.py`).
7. Dash Pages keeps its content, store and location under the ids in `PAGES_*` and parses paths and
   query strings with private helpers: `page_and_variables`, `query_parameters`.
8. plotly's layout defaults that the still pictures imitate (`firstview/picture.py`): `PLOTLY_DEFAULTS`,
   checked against plotly's own figure defaults.
"""

from __future__ import annotations

from collections.abc import Iterator

GRAPH_WAITS_FOR = "window.Plotly"
PUSHSTATE_EVENT = "_dashprivate_pushstate"

PAGES_CONTENT = "_pages_content"
PAGES_STORE = "_pages_store"
PAGES_LOCATION = "_pages_location"

# plotly.js defaults the pictures draw with when a figure does not say (checked by a canary against
# the trimmed bundle we ship, assets/00-plotly-custom.min.js).
PLOTLY_DEFAULTS = {"height": 450, "font_color": "#444"}


def output_key(*outputs: tuple[str, str]) -> str:
    """The key Dash registers a callback under: `id.prop`, or `..a.x...b.y..` for several outputs."""
    parts = [f"{i}.{p}" for i, p in outputs]
    return parts[0] if len(parts) == 1 else ".." + "...".join(parts) + ".."


def output_ids(key: str) -> list[str]:
    """The component ids in a registered output key ("{...}" for a pattern-matching id)."""
    ids = []
    for part in str(key).strip(".").split("..."):
        part = part.strip(".")
        if part.startswith("{"):
            ids.append("{pattern}")
        elif part:
            ids.append(part.rsplit(".", 1)[0])
    return ids


def registered_callbacks() -> Iterator[tuple[str, dict]]:
    """(output key, spec) of every callback: the running app's, and those declared before it existed."""
    import dash
    from dash._callback import GLOBAL_CALLBACK_LIST

    try:
        callback_map = dash.get_app().callback_map
    except Exception:  # noqa: BLE001 - no app yet: only the globally declared callbacks
        callback_map = {}
    yield from callback_map.items()
    for item in GLOBAL_CALLBACK_LIST:
        yield item.get("output", ""), item


def page_and_variables(app, path: str) -> tuple[dict, dict]:
    """Dash Pages' page for a path (its registry entry, {} when none) and the path's template variables."""
    from dash._pages import _path_to_page

    page, variables = _path_to_page(app.strip_relative_path(path))
    return page or {}, variables or {}


def query_parameters(search: str) -> dict:
    """The query string as Dash Pages passes it to a layout."""
    from dash._pages import _parse_query_string

    return _parse_query_string(search)


def renderer_dependencies() -> list[dict]:
    """The dash-renderer script entries (each with `relative_package_path` / `external_url` by mode)."""
    from dash import _dash_renderer

    return _dash_renderer._js_dist_dependencies


def drop_unused_bundles() -> None:
    """Two scripts Dash puts on every page that ours do not need. @babel/polyfill (core-js 2, 99 kB): every
    browser that runs React 18 has what it polyfills; the one helper Dash's bundles call, the global
    `regeneratorRuntime`, comes from `assets/00-regenerator-runtime.min.js` instead. dash_table: no page
    has a DataTable (tests/test_lite.py::test_lite010 checks that neither script is on the page)."""
    from dash import dash_table

    for dep in renderer_dependencies():
        for key in ("relative_package_path", "external_url"):
            for mode, paths in dep.get(key, {}).items():
                dep[key][mode] = [p for p in paths if "polyfill" not in p]
    dash_table._js_dist[:] = []
