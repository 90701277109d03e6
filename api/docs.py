"""`/api`: the API's human page, rendered on the server from the generated OpenAPI document (no Swagger UI,
nothing from elsewhere: it works offline), in Indonesian or English, with a curl example per resource."""

from __future__ import annotations

import json

from flask import Blueprint, Response, render_template, request

from budget.i18n import norm_lang, t

docs_bp = Blueprint("api_docs", __name__, template_folder="templates")


def w(key: str, lang: str) -> str:
    """The page's words: the `apidoc.*` messages of the one catalogue (`locale/`)."""
    return t("apidoc." + key, lang)


def _type(schema: dict) -> str:
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    if "anyOf" in schema:
        return " | ".join(_type(x) for x in schema["anyOf"] if x.get("type") != "null")
    if "const" in schema:
        return str(schema["const"])
    text = schema.get("type", "")
    if "minimum" in schema or "maximum" in schema:
        text += f" {schema.get('minimum', '')}–{schema.get('maximum', '')}"
    if "pattern" in schema:
        text += f" ({schema['pattern'].strip('^$')})"
    return text


@docs_bp.get("/api")
def docs():
    from api.routes import RESOURCES
    from api.spec import document

    lang = norm_lang(request.args.get("lang"))
    spec = document()
    base = request.host_url.rstrip("/")
    items = []
    for r in RESOURCES:
        op = spec["paths"][r.openapi_path]["get"]
        items.append(
            {
                "path": r.openapi_path,
                "summary": op["summary"],
                "description": op["description"],
                "params": [
                    {
                        "name": p["name"],
                        "in": p["in"],
                        "type": _type(p["schema"]),
                        "required": p["required"],
                        "description": p.get("description", ""),
                    }
                    for p in op["parameters"]
                ],
                "example": f"curl '{base}/api/v1{r.example}'",
            }
        )
    html = render_template(
        "api/docs.html",
        lang=lang,
        w=w,
        items=items,
        version=spec["info"]["version"],
        sample=json.dumps(
            {"data": "…", "meta": {"data_version": "…", "demo": True, "limit": 100, "offset": 0, "total": 1}},
            ensure_ascii=False,
        ),
    )
    resp = Response(html, mimetype="text/html")
    resp.headers["Cache-Control"] = "no-cache"
    return resp
