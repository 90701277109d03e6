"""Route `/desa/<kode>`: one village's budget, in plain words, for its residents."""

import dash

from budget.i18n import t
from callbacks import desa
from callbacks.state import guarded

dash.register_page(
    __name__,
    path_template="/desa/<kode>",
    name="Desa",
    title_key="nav.desa",
    title=t("nav.desa") + " · " + t("app.title"),
)


def layout(kode=None, **params):
    return guarded(desa.render_village, kode=kode, **params)
