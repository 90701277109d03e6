"""Route `/serapan`: absorption against the cash plan, for the Bupati and the DPRD."""

import dash

from callbacks import serapan
from callbacks.state import guarded
from serving import sitemap

dash.register_page(__name__, **sitemap.register_args(__name__))


def layout(**params):
    return guarded(serapan.render, **params)
