"""Route `/desa`: the regency's view of its 239 village budgets."""

import dash

from callbacks import desa
from callbacks.state import guarded
from components.shell import titled

dash.register_page(
    __name__,
    path="/desa",
    name="Desa",
    nav="nav.desa",
    order=2,
    **titled("nav.desa"),
)


def layout(**params):
    return guarded(desa.render, **params)
