"""Route `/rapat/<slide>`: one slide of the meeting deck."""

import dash

from callbacks import rapat
from callbacks.state import guarded
from components.shell import titled

dash.register_page(
    __name__,
    path_template="/rapat/<slide>",
    name="Rapat",
    **titled("r.title"),
)


def layout(slide=None, **params):
    return guarded(rapat.render, slide=slide, **params)
