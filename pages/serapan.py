"""Route `/serapan`: absorption against the cash plan, for the Bupati and the DPRD."""

import dash

from budget.i18n import t
from callbacks import serapan
from callbacks.state import guarded

dash.register_page(
    __name__,
    path="/serapan",
    name="Serapan",
    nav="nav.serapan",
    order=3,
    title_key="nav.serapan",
    title=t("nav.serapan") + " · " + t("app.title"),
)


def layout(**params):
    return guarded(serapan.render, **params)
