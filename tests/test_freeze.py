"""Freezing (firstview/freeze.py, static_html/): the static parts of a page travel as server-made HTML.

What must hold: the browser draws exactly what the Dash components drew (same tags, attributes, classes,
styles, text), every text and attribute is escaped, nothing a callback uses is frozen, links inside keep
in-app navigation (no reload) and Back, and the pages really ship far fewer components."""

from __future__ import annotations

import json

import dash_bootstrap_components as dbc
import plotly
import pytest
from dash import Dash, Input, Output, dcc, html
from markupsafe import escape
from selenium.webdriver.common.by import By

from firstview.freeze import MIN_ELEMENTS, freeze
from static_html import StaticHtml


def sample():
    """A bit of every kind of markup the pages freeze: text with HTML-looking characters, links, a
    responsive striped table with badges and inline styles, details, boolean and aria attributes."""
    return html.Div(
        [
            html.P(["Teks <b>bukan tebal</b> & \"kutip\" ", html.Strong("kuat"), " ",
                    dcc.Link("tautan", href="/?tahun=2026&dim=org", className="fw-bold", title="judul <x>")]),
            dbc.Table(
                [
                    html.Caption("Tabel", className="small"),
                    html.Thead(html.Tr([html.Th("A", colSpan=2), html.Th("B", className="text-end")])),
                    html.Tbody(
                        [
                            html.Tr(
                                [
                                    html.Td("1", style={"color": "#123456", "width": 40, "fontWeight": 700}),
                                    html.Td(html.Span("x", **{"aria-label": "label x"})),
                                    html.Td(dbc.Badge("ok", color="success", pill=True, className="ms-1")),
                                ]
                            ),
                            html.Tr([html.Td(dcc.Link("baris", href="/?baris=2", id={"type": "row", "index": 2})),
                                     html.Td("Rp1.234,50", className="text-end text-nowrap"), html.Td(0)]),
                        ]
                    ),
                ],
                size="sm", striped=True, hover=True, responsive=True, className="small mb-1", id="t1",
            ),
            dbc.Table(html.Tbody(html.Tr([html.Td("a"), html.Td("b")])), size="sm", bordered=True, id="t2"),
            html.Details([html.Summary("ringkas"), html.Ul([html.Li("satu"), html.Li(html.A(
                "luar", href="https://example.org/a?b=1&c=2", target="_blank", rel="noopener"))])], open=True),
            html.Div(["tersembunyi", html.Span("a"), html.Span("b")], hidden=True, **{"data-x": "1"}),
            html.Br(),
            html.Hr(className="my-1"),
            html.Small(1234),
            dbc.Badge("awas", color="warning", text_color="dark"),
            dbc.Row(
                [
                    dbc.Col(dbc.Card(dbc.CardBody([html.H2("Kartu", className="h6"), html.P("isi")]), className="mb-2"), lg=4),
                    dbc.Col(dbc.Alert([html.Strong("Catatan: "), "teks"], color="warning", className="py-2 mb-3"), md=6, lg=8),
                    dbc.Col(html.Span("lebar"), width=12),
                    dbc.Col(html.Span("otomatis")),
                ],
                className="g-2",
                align="center",
            ),
            dbc.Nav(
                [
                    dbc.NavItem(dbc.NavLink("Satu", href="/?nav=1", active=True, id="nav-one")),
                    dbc.NavItem(dbc.NavLink("Dua", href="/?nav=2")),
                ],
                pills=True,
                className="flex-wrap small",
            ),
            dbc.ButtonGroup(
                [dbc.Button("Murni", href="/?tahap=murni", color="primary", size="sm"),
                 dbc.Button("Perubahan", href="/?tahap=perubahan", color="primary", outline=True, size="sm")],
                size="sm",
            ),
            dbc.Breadcrumb(items=[{"label": "Kabupaten", "href": "/?b=0"}, {"label": "Dinas", "active": True}],
                           className="small mb-2"),
            dbc.Progress(value=42.5, className="rapat-progress"),
            dbc.ListGroup([dbc.ListGroupItem("butir satu"), dbc.ListGroupItem("butir dua")], flush=True),
        ],
        className="frozen-sample",
        style={"marginTop": 2, "opacity": 0.9},
    )  # fmt: skip


def page_renderer(path: str):
    """(the page's Dash renderer, its arguments) for the pages these tests draw."""
    from callbacks import apbd, desa, home, serapan

    return {
        "/": (home.render, {}),
        "/apbd": (apbd.render, {}),
        "/desa": (desa.render, {}),
        "/serapan": (serapan.render, {}),
    }.get(path, (desa.render_village, {"kode": "33.25.01.2001"}))


def count(node) -> int:
    if isinstance(node, (list, tuple)):
        return sum(count(n) for n in node)
    if hasattr(node, "to_plotly_json"):
        return 1 + count(getattr(node, "children", None))
    return 0


def test_freeze001_text_and_attributes_are_escaped_and_unsafe_links_stay_components():
    frozen = freeze(sample(), callback_ids=[])
    assert isinstance(frozen, StaticHtml) and frozen.tag == "div" and frozen.className == "frozen-sample"
    assert frozen.style == {"marginTop": 2, "opacity": 0.9}
    text = frozen.html
    assert "Teks &lt;b&gt;bukan tebal&lt;/b&gt; &amp; &#34;kutip&#34;" in text
    assert 'title="judul &lt;x&gt;"' in text and 'href="/?tahun=2026&amp;dim=org"' in text
    assert (
        '<div class="table-responsive"><table class="small mb-1 table table-sm table-striped table-hover" id="t1">'
        in text
    )
    assert 'id="{&#34;index&#34;:2,&#34;type&#34;:&#34;row&#34;}"' in text  # Dash's own id for a dict id
    assert '<td style="color:#123456;width:40px;font-weight:700">' in text
    assert '<span class="ms-1 badge rounded-pill bg-success">ok</span>' in text and "<td>0</td>" in text
    for hostile in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "//evil.example/x", "data:text/html,x"):
        tree = html.Div([html.Span("a"), html.Span("b"), dcc.Link("c", href=hostile), html.Span("d")])
        out = freeze(tree, callback_ids=[])
        assert not isinstance(out, StaticHtml)
        assert any(isinstance(c, dcc.Link) and c.href == hostile for c in out.children)
    script = freeze(html.Div([html.Span("a"), html.Span("b"), html.Span("</span><script>alert(1)</script>")]),
                    callback_ids=[])  # fmt: skip
    assert "<script>" not in script.html and "&lt;script&gt;" in script.html


def test_freeze002_what_callbacks_use_stays_a_component():
    tree = html.Div(
        [
            html.Div([html.Span("a"), html.Span("b"), html.Span("c"), html.Span("d")], id="kept-by-callback"),
            html.Div([html.Span("a"), html.Span("b"), html.Span("c"), html.Span("d")], id="free"),
            html.Div([html.Span("x"), dcc.Graph(id="g"), html.Span("y"), html.Span("z")]),
            html.Div([html.Span("p"), html.Button("b", id="btn"), html.Span("q"), html.Span("r")]),
        ]
    )
    out = freeze(tree, callback_ids=["kept-by-callback"])
    kept, free, with_graph, with_button = out.children
    assert isinstance(kept, html.Div) and kept.id == "kept-by-callback"
    assert all(isinstance(c, html.Span) for c in kept.children)  # nothing inside a callback's target either
    assert isinstance(free, StaticHtml) and free.id == "free" and free.html.count("<span>") == 4
    assert isinstance(with_graph, html.Div) and isinstance(with_graph.children[1], dcc.Graph)
    assert isinstance(with_button.children[1], html.Button)  # controls stay components
    small = freeze(html.Div([html.Span("a")]), callback_ids=[])
    assert count(small) < MIN_ELEMENTS and isinstance(small, html.Div)  # too small to be worth it
    dict_id = html.Div([html.Span("a"), html.Span("b"), html.Span("c")], id={"type": "x", "index": 1})
    from firstview.freeze import PATTERN

    assert isinstance(freeze(dict_id, callback_ids=[PATTERN]), html.Div)  # pattern-matching callbacks: kept


def _frozen_app():
    app = Dash(__name__, serve_locally=True)
    app.layout = html.Div(
        [
            dcc.Location(id="loc"),
            html.Div(sample(), id="live"),
            html.Div(freeze(sample(), callback_ids=[]), id="frozen"),
            html.Div(id="where"),
        ]
    )

    @app.callback(Output("where", "children"), Input("loc", "pathname"), Input("loc", "search"))
    def where(pathname, search):
        return f"{pathname}{search or ''}"

    return app


SERIALISE = r"""
function ser(node) {
  if (node.nodeType === 3) { return node.data; }
  if (node.nodeType !== 1) { return ''; }
  var attrs = Array.from(node.attributes)
      .map(function (a) {
        var value = a.name === 'style' ? node.style.cssText : a.name === 'class' ? a.value.split(/\s+/).sort().join(' ') : a.value;
        return a.name + '=' + value;
      })
      .filter(function (a) { return !/^data-dash-(link|is-loading)=/.test(a); }).sort();
  return '<' + node.tagName.toLowerCase() + ' ' + attrs.join(' ') + '>' + Array.from(node.childNodes).map(ser).join('') + '</>';
}
var a = document.querySelector('#live > div').cloneNode(true), b = document.querySelector('#frozen > div').cloneNode(true);
a.normalize(); b.normalize();
return [ser(a), ser(b)];
"""


def test_freeze003_the_browser_draws_the_frozen_html_as_the_components_drew_it(dash_duo):
    """Same tags, attributes, classes, styles and text as Dash's own components (dbc.Table and dbc.Badge
    included); a link inside navigates in the app without a reload, and Back returns."""
    dash_duo.start_server(_frozen_app())
    dash_duo.wait_for_text_to_equal("#where", "/", timeout=15)
    live, frozen = dash_duo.driver.execute_script(SERIALISE)
    assert "tautan" in live and "table-responsive" in live
    at = next((i for i, (x, y) in enumerate(zip(live, frozen)) if x != y), min(len(live), len(frozen)))
    assert frozen == live, (live[max(0, at - 80) : at + 120], frozen[max(0, at - 80) : at + 120])
    driver = dash_duo.driver
    driver.execute_script("window.__no_reload = 'still here';")
    link = driver.find_element(By.CSS_SELECTOR, "#frozen a[data-dash-link][href^='/?tahun']")
    assert link.is_displayed() and link.text == "tautan"
    link.click()
    dash_duo.wait_for_text_to_equal("#where", "/?tahun=2026&dim=org", timeout=10)
    assert driver.execute_script("return window.__no_reload") == "still here"  # in-app navigation
    driver.back()
    dash_duo.wait_for_text_to_equal("#where", "/", timeout=10)
    assert driver.execute_script("return window.__no_reload") == "still here"
    external = driver.find_element(By.CSS_SELECTOR, "#frozen a[target=_blank]")
    assert external.get_attribute("href") == "https://example.org/a?b=1&c=2"  # left to the browser
    assert dash_duo.get_logs() == []


@pytest.mark.parametrize("path", ["/", "/apbd", "/desa", "/serapan", "/desa/33.25.01.2001/interaktif"])
def test_freeze004_the_pages_ship_far_fewer_components_and_say_the_same(demo_db, path):
    """Each page's render is frozen as the browser gets it: at most 60% as many components, and every text
    of the unfrozen render is still in it."""
    import app as app_module
    from callbacks import state

    render, kwargs = page_renderer(path)
    with app_module.server.test_request_context(path):
        plain = render(**kwargs)
        frozen = state.frozen(render)(**kwargs)
    before, after = count(plain), count(frozen)
    assert after <= 0.6 * before, (path, before, after)
    encoded = json.dumps(frozen.to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder)
    for text in _texts(plain):
        assert json.dumps(str(escape(text)))[1:-1] in encoded or json.dumps(text)[1:-1] in encoded, (path, text)


def _texts(node) -> list[str]:
    out: list[str] = []

    def walk(n):
        if isinstance(n, (list, tuple)):
            for c in n:
                walk(c)
        elif isinstance(n, str):
            if n.strip():
                out.append(n)
        elif hasattr(n, "to_plotly_json"):
            walk(getattr(n, "children", None))

    walk(node)
    return out
