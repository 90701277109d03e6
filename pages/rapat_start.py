"""Route `/rapat`: the meeting deck starts at slide 1."""

import dash

from budget.i18n import t
from callbacks import rapat
from callbacks.state import guarded

dash.register_page(
    __name__,
    path="/rapat",
    name="Rapat",
    nav="nav.rapat",
    order=4,
    title_key="r.title",
    title=t("r.title") + " · " + t("app.title"),
)


def layout(**params):
    params.pop("slide", None)
    return guarded(rapat.render, slide=1, **params)
