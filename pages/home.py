"""Route `/`: the regency's budget at a glance."""

import dash

from callbacks import home
from callbacks.state import guarded
from serving import sitemap

dash.register_page(__name__, **sitemap.register_args(__name__))


def layout(tahun=None, tahap=None, lang=None, **other):
    return guarded(home.render, tahun=tahun, tahap=tahap, lang=lang, **other)
