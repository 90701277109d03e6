"""The first view of an interactive page as plain HTML, sent inside the page itself.

A Dash page draws nothing until its scripts have arrived and run, its layout and its first callbacks
have made round trips, and React has drawn the answer: on a phone over Slow 4G that is 4-6 s of a blank
page. The server already knows the answer (the same cached render the first callback will return), so
`app.py` draws it as HTML into the index page (`<div id="ssr-snapshot">`): the reader sees the figures,
tables and links at once; the live page is laid out, hidden, beneath it, and `assets/snapshot.js` swaps
the two the moment Dash has drawn its content (same tags and classes, so nothing moves).

The snapshot is the freezing walk (`firstview/freeze.py`) in its snapshot mode, with the markup the
Dash Bootstrap components we use draw (react-bootstrap 2) and empty boxes of the right size for charts.
It carries no ids (the live page owns them), and its links are ordinary links: a tap before the page is
live simply loads the next page.
"""

from __future__ import annotations

from dataclasses import replace

from markupsafe import Markup

from firstview.bootstrap import component_parts
from firstview.markup import Mode, to_html

SNAPSHOT = Mode(snapshot=True, other=component_parts)


def snapshot_html(tree, lang: str = "id") -> Markup:
    """The tree as the HTML a reader sees before the page is live (ids left out, charts as their pictures).
    The first chart's picture comes with the page (near a phone's first screen, it is often the largest
    thing shown first); the others when they come near the screen (loading="lazy"), sparing a phone's
    main thread their drawing while the page starts."""
    html = to_html(tree, replace(SNAPSHOT, lang=lang))
    return Markup(str(html).replace('<img class="chart-picture" loading="lazy"', '<img class="chart-picture"', 1))
