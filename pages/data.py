"""Route `/data`: provenance, the data dictionary and downloads of the canonical tables."""

import dash

from callbacks import data
from callbacks.state import guarded
from serving import sitemap

dash.register_page(__name__, **sitemap.register_args(__name__))


def layout(**params):
    return guarded(data.render, **params)
