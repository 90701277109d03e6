"""Route `/data`: provenance, the data dictionary and downloads of the canonical tables."""

import dash

from callbacks import data
from callbacks.state import guarded
from components.shell import titled

dash.register_page(
    __name__,
    path="/data",
    name="Data",
    nav="nav.data",
    order=5,
    **titled("nav.data"),
)


def layout(**params):
    return guarded(data.render, **params)
