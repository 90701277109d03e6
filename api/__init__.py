"""The read-only JSON API (`/api/v1/`), its OpenAPI document and the human page `/api`."""

from api.docs import docs_bp  # noqa: F401
from api.routes import bp  # noqa: F401
