"""Route `/`: the regency's budget at a glance."""

import dash

from budget.i18n import t
from callbacks import home
from callbacks.state import guarded

dash.register_page(
    __name__, path="/", name="Ringkasan", nav="nav.home", order=0, title=t("app.title") + " · " + t("app.region")
)


def layout(tahun=None, tahap=None, lang=None, **other):
    return guarded(home.render, tahun=tahun, tahap=tahap, lang=lang, **other)
