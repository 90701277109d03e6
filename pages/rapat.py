"""Route `/rapat/<slide>`: one slide of the meeting deck."""

import dash

from callbacks import rapat
from callbacks.state import guarded
from serving import sitemap

dash.register_page(__name__, **sitemap.register_args(__name__))


def layout(slide=None, **params):
    return guarded(rapat.render, slide=slide, **params)
