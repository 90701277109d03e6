"""The read-only JSON API (`/api/v1/`), its OpenAPI document and the human page `/api`.

`routes` declares the machinery (the blueprint, `@resource`, caching and headers), `resources` declares
every resource with it, `spec` generates the document from the declarations and serves it."""

import api.resources  # noqa: F401  (declares every resource)
import api.spec  # noqa: F401  (the index and /openapi.json routes)
from api.docs import docs_bp  # noqa: F401
from api.routes import bp  # noqa: F401
