"""Route `/rapat/<slide>`: one slide of the meeting deck."""

import dash

from budget.i18n import t
from callbacks import rapat
from callbacks.state import guarded

dash.register_page(
    __name__,
    path_template="/rapat/<slide>",
    name="Rapat",
    title_key="r.title",
    title=t("r.title") + " · " + t("app.title"),
)


def layout(slide=None, **params):
    return guarded(rapat.render, slide=slide, **params)
