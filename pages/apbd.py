"""Route `/apbd`: drill down from the regency's totals to a single budget line."""

import dash

from callbacks import apbd
from callbacks.state import guarded
from serving import sitemap

dash.register_page(__name__, **sitemap.register_args(__name__))


def layout(**params):
    return guarded(apbd.render, **params)
