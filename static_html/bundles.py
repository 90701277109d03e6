"""Which of Dash's own bundles a page loads (used by app.py and by bench/floor_app.py)."""


def drop_unused_bundles() -> None:
    """Two scripts Dash puts on every page that ours do not need. @babel/polyfill (core-js 2, 99 kB): every
    browser that runs React 18 has what it polyfills; the one helper Dash's bundles call, the global
    `regeneratorRuntime`, comes from `assets/00-regenerator-runtime.min.js` instead. dash_table: no page
    has a DataTable (tests/test_lite.py::test_lite010 checks that neither script is on the page)."""
    from dash import _dash_renderer, dash_table

    for dep in _dash_renderer._js_dist_dependencies:
        for key in ("relative_package_path", "external_url"):
            for mode, paths in dep.get(key, {}).items():
                dep[key][mode] = [p for p in paths if "polyfill" not in p]
    dash_table._js_dist[:] = []
