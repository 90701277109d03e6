"""Canaries for the private contracts of Dash, dcc, dbc and plotly listed in `dash_compat`: each fails on
an upgrade that breaks what the app assumes (run by `make test-fast`)."""

from __future__ import annotations

from pathlib import Path

import dash

import dash_compat

ROOT = Path(__file__).resolve().parent.parent
DASH = Path(dash.__file__).parent


def test_dcc_graph_waits_for_window_plotly():
    """assets/plotly-src.js puts a stand-in at window.Plotly; dcc.Graph must still resolve it from there."""
    bundle = (DASH / "dcc" / "dash_core_components.js").read_text(encoding="utf-8", errors="replace")
    assert f"Promise.resolve({dash_compat.GRAPH_WAITS_FOR}||" in bundle


def test_dashs_router_follows_the_private_pushstate_event():
    bundle = (DASH / "dcc" / "dash_core_components.js").read_text(encoding="utf-8", errors="replace")
    assert dash_compat.PUSHSTATE_EVENT in bundle
    assert dash_compat.PUSHSTATE_EVENT in (ROOT / "static_html" / "static_html.js").read_text()


def test_a_hand_written_component_still_serialises():
    from static_html import StaticHtml

    doc = StaticHtml(html="<b>x</b>", id="s").to_plotly_json()
    assert doc["type"] == "StaticHtml" and doc["namespace"] == "static_html"
    assert doc["props"] == {"html": "<b>x</b>", "tag": "div", "id": "s"}


def test_the_bundle_lists_we_edit_are_where_we_edit_them():
    deps = dash_compat.renderer_dependencies()
    assert deps and all("relative_package_path" in d for d in deps)
    dash_compat.drop_unused_bundles()
    paths = [p for d in deps for ps in d["relative_package_path"].values() for p in ps]
    assert paths and not any("polyfill" in p for p in paths)
    assert any("react-dom" in p for p in paths)  # the rest of the list is kept


def test_callbacks_are_registered_under_the_output_key_we_build():
    app = dash.Dash(__name__)
    app.layout = dash.html.Div([dash.html.Div(id="a"), dash.html.Div(id="b"), dash.html.Div(id="c")])

    @app.callback(dash.Output("a", "children"), dash.Output("b", "title"), dash.Input("c", "n_clicks"))
    def two(n):
        return n, n

    @app.callback(dash.Output("c", "title"), dash.Input("a", "n_clicks"))
    def one(n):
        return n

    assert dash_compat.output_key(("a", "children"), ("b", "title")) in app.callback_map
    assert dash_compat.output_key(("c", "title")) in app.callback_map
    assert dash_compat.output_ids("..a.children...b.title..") == ["a", "b"]


def test_dash_pages_keeps_its_private_ids():
    from dash import dash as dash_module

    assert dash_module._ID_CONTENT == dash_compat.PAGES_CONTENT
    assert dash_module._ID_STORE == dash_compat.PAGES_STORE
    assert dash_module._ID_LOCATION == dash_compat.PAGES_LOCATION
    assert dash_compat.query_parameters("?tahun=2025&lang=en") == {"tahun": "2025", "lang": "en"}


def test_the_plotly_we_ship_has_the_defaults_the_pictures_imitate():
    bundle = (ROOT / "assets" / "00-plotly-custom.min.js").read_text(encoding="utf-8", errors="replace")
    assert f'height:{{valType:"number",min:10,dflt:{dash_compat.PLOTLY_DEFAULTS["height"]}' in bundle
    assert f'defaultLine="{dash_compat.PLOTLY_DEFAULTS["font_color"]}"' in bundle


def test_no_module_but_dash_compat_reaches_into_dash():
    """Dash's private modules and ids are named in `dash_compat` only: no other module imports `dash._*` or
    spells a private id. The two scripts that must (JavaScript cannot import) use exactly its values."""
    import ast

    private_ids = (dash_compat.PAGES_CONTENT, dash_compat.PAGES_STORE, dash_compat.PAGES_LOCATION)
    offenders = []
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT)
        if rel.parts[0] in (".venv", ".venv-bench", "tests", "dash_compat", "bench") or "site-packages" in rel.parts:
            continue
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dash._"):
                offenders.append(f"{rel}: from {node.module} import ...")
            if isinstance(node, ast.Import) and any(a.name.startswith("dash._") for a in node.names):
                offenders.append(f"{rel}: import dash._...")
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if node.value in private_ids or dash_compat.PUSHSTATE_EVENT in node.value:
                    offenders.append(f"{rel}: spells {node.value!r}")
    assert offenders == []
    assert f'getElementById("{dash_compat.PAGES_CONTENT}")' in (ROOT / "assets" / "snapshot.js").read_text()
