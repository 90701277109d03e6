"""Serving concerns, below every renderer: the render cache by data version (`cache`), the checked URL
state (`state`), page addresses (`urls`, `sitemap`), the callback payload gate (`guard`) and the HTTP
headers every answer carries (`headers`). No Dash renderer, no page, no SQL: the renderers and the wiring
above call in; nothing here calls up (warming receives its list of views)."""
