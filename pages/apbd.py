"""Route `/apbd`: drill down from the regency's totals to a single budget line."""

import dash

from callbacks import apbd
from callbacks.state import guarded
from components.shell import titled

dash.register_page(
    __name__,
    path="/apbd",
    name="APBD",
    nav="nav.apbd",
    order=1,
    **titled("nav.apbd"),
)


def layout(**params):
    return guarded(apbd.render, **params)
