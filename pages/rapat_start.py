"""Route `/rapat`: the meeting deck starts at slide 1."""

import dash

from callbacks import rapat
from callbacks.state import guarded
from serving import sitemap

dash.register_page(__name__, **sitemap.register_args(__name__))


def layout(**params):
    params.pop("slide", None)
    return guarded(rapat.render, slide=1, **params)
