"""Route `/desa`: the regency's view of its 239 village budgets."""

import dash

from budget.i18n import t
from callbacks import desa
from callbacks.state import guarded

dash.register_page(
    __name__,
    path="/desa",
    name="Desa",
    nav="nav.desa",
    order=2,
    title_key="nav.desa",
    title=t("nav.desa") + " · " + t("app.title"),
)


def layout(**params):
    return guarded(desa.render, **params)
