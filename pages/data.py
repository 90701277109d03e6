"""Route `/data`: provenance, the data dictionary and downloads of the canonical tables."""

import dash

from budget.i18n import t
from callbacks import data
from callbacks.state import guarded

dash.register_page(
    __name__,
    path="/data",
    name="Data",
    nav="nav.data",
    order=5,
    title_key="nav.data",
    title=t("nav.data") + " · " + t("app.title"),
)


def layout(**params):
    return guarded(data.render, **params)
