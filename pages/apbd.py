"""Route `/apbd`: drill down from the regency's totals to a single budget line."""

import dash

from budget.i18n import t
from callbacks import apbd
from callbacks.state import guarded

dash.register_page(
    __name__,
    path="/apbd",
    name="APBD",
    nav="nav.apbd",
    order=1,
    title_key="nav.apbd",
    title=t("nav.apbd") + " · " + t("app.title"),
)


def layout(**params):
    return guarded(apbd.render, **params)
