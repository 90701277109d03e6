"""Route `/serapan`: absorption against the cash plan, for the Bupati and the DPRD."""

import dash

from callbacks import serapan
from callbacks.state import guarded
from components.shell import titled

dash.register_page(
    __name__,
    path="/serapan",
    name="Serapan",
    nav="nav.serapan",
    order=3,
    **titled("nav.serapan"),
)


def layout(**params):
    return guarded(serapan.render, **params)
