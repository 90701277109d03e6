"""Light pages for residents: server-rendered HTML (Jinja2, shipped with Flask) from the same page models
as the Dash pages, with no framework JavaScript: the village page (`/desa/<kode>`), a short regency
summary (`/ringkasan`) and village search as a plain form (`/cari`); plus their share-card images
(`/kartu/...png`). Registered on the Flask server by `app.py`.
"""

from lite.routes import bp

__all__ = ["bp"]
