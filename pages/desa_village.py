"""Route `/desa/<kode>/interaktif`: one village's budget, in plain words, with charts (the light page for
phones is `/desa/<kode>`, in `lite/`)."""

import dash

from callbacks import desa
from callbacks.state import guarded
from serving import sitemap

dash.register_page(__name__, **sitemap.register_args(__name__))


def layout(kode=None, **params):
    return guarded(desa.render_village, kode=kode, **params)
