"""`StaticHtml`: a finished piece of a page (a table, a list of figures, a paragraph with links) shipped
as one component holding server-made HTML instead of one React component per element.

Every Dash component costs the browser a React component, a store subscription and the renderer's
bookkeeping; a 50-row table of links is ~600 of them, and on a mid-range phone that is most of a page's
blocking time (see `bench/lighthouse.py`). Parts of a page that no callback reads or writes do not need
any of that: `firstview/freeze.py` turns them into HTML on the server (every text and attribute
escaped) and this component draws it with one `innerHTML`. Links inside keep Dash's in-app navigation
(`static_html.js` does what `dcc.Link` does on a click)."""

from dash.development.base_component import Component

__version__ = "1.0.0"

_js_dist = [{"relative_package_path": "static_html.js", "namespace": "static_html"}]
_css_dist: list = []


class StaticHtml(Component):
    """One element `tag` with attributes (`id`, `className`, `style`, `attrs`: other attributes under their
    React names) whose inside is `html`, a string of HTML made by `firstview.freeze` from escaped parts."""

    _children_props: list = []
    _base_nodes: list = []
    _namespace = "static_html"
    _type = "StaticHtml"

    def __init__(self, html="", tag="div", id=None, className=None, style=None, attrs=None, **kwargs):  # noqa: A002
        self._prop_names = ["id", "tag", "html", "className", "style", "attrs"]
        self._valid_wildcard_attributes = []
        self.available_properties = list(self._prop_names)
        self.available_wildcard_properties = []
        args = {"html": html, "tag": tag, "id": id, "className": className, "style": style, "attrs": attrs}
        super().__init__(**{k: v for k, v in args.items() if v is not None}, **kwargs)
