"""Route `/desa`: the regency's view of its 239 village budgets."""

import dash

from callbacks import desa
from callbacks.state import guarded
from serving import sitemap

dash.register_page(__name__, **sitemap.register_args(__name__))


def layout(**params):
    return guarded(desa.render, **params)
