"""The framework's floor for `bench/lighthouse.py --floor`: the least a Dash page can be with this app's
measures (Dash 4 as pinned, no @babel/polyfill, no dash_table, the trimmed plotly.js fetched when a chart
mounts, compression): a heading and a paragraph, and with FLOOR_CHART=1 one three-bar chart. What the
interactive pages cost beyond these numbers is ours; what these cost is Dash's and plotly's."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from dash import Dash, dcc, html
from flask_compress import Compress

from dash_compat import drop_unused_bundles

drop_unused_bundles()  # the same bundles the real app drops

ROOT = Path(__file__).resolve().parent.parent
ASSETS = Path(tempfile.mkdtemp(prefix="floor-assets-"))
for name in ("00-plotly-custom.min.js", "00-regenerator-runtime.min.js", "plotly-src.js"):
    shutil.copy2(ROOT / "assets" / name, ASSETS / name)

floor = Dash(__name__, serve_locally=True, assets_folder=str(ASSETS), assets_ignore=r"00-plotly-custom\.min\.js$")
src = f"/assets/00-plotly-custom.min.js?m={(ASSETS / '00-plotly-custom.min.js').stat().st_mtime}"
floor.index_string = floor.index_string.replace("{%metas%}", '{%metas%}<meta name="plotly-src" content="' + src + '">')
children = [html.H1("A minimal Dash page"), html.P("Some text. " * 30)]
if os.environ.get("FLOOR_CHART") == "1":
    bars = {"data": [{"type": "bar", "x": ["a", "b", "c"], "y": [1, 3, 2]}], "layout": {"height": 300}}
    children.append(dcc.Graph(figure=bars, style={"height": "300px"}))
floor.layout = html.Div(children)
server = floor.server
server.config["COMPRESS_ALGORITHM"] = ["br", "gzip"]
Compress(server)
