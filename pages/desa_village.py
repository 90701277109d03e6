"""Route `/desa/<kode>/interaktif`: one village's budget, in plain words, with charts (the light page for
phones is `/desa/<kode>`, in `lite/`)."""

import dash

from callbacks import desa
from callbacks.state import guarded
from components.shell import titled

dash.register_page(
    __name__,
    path_template="/desa/<kode>/interaktif",
    name="Desa",
    **titled("nav.desa"),
)


def layout(kode=None, **params):
    return guarded(desa.render_village, kode=kode, **params)
