"""Route `/rapat`: the meeting deck starts at slide 1."""

import dash

from callbacks import rapat
from callbacks.state import guarded
from components.shell import titled

dash.register_page(
    __name__,
    path="/rapat",
    name="Rapat",
    nav="nav.rapat",
    order=4,
    **titled("r.title"),
)


def layout(**params):
    params.pop("slide", None)
    return guarded(rapat.render, slide=1, **params)
