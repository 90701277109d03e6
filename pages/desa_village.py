"""Route `/desa/<kode>`: one village's budget, in plain words, for its residents."""

import dash

from callbacks import desa
from callbacks.state import guarded
from components.shell import titled

dash.register_page(
    __name__,
    path_template="/desa/<kode>",
    name="Desa",
    **titled("nav.desa"),
)


def layout(kode=None, **params):
    return guarded(desa.render_village, kode=kode, **params)
