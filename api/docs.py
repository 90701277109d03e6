"""`/api`: the API's human page, rendered on the server from the generated OpenAPI document (no Swagger UI,
nothing from elsewhere: it works offline), in Indonesian or English, with a curl example per resource."""

from __future__ import annotations

import json

from flask import Blueprint, Response, render_template, request

from budget.i18n import norm_lang

docs_bp = Blueprint("api_docs", __name__, template_folder="templates")

WORDS = {
    "title": ("API data terbuka", "Open data API"),
    "lead": (
        "Semua angka di situs ini juga tersedia sebagai JSON, hanya-baca, tanpa kunci: untuk jurnalis, LSM, "
        "mahasiswa, dan sistem lain. Parameter sama dengan parameter URL halaman.",
        "Every figure on this site is also available as JSON, read-only, without a key: for journalists, NGOs, "
        "students and other systems. The parameters are those of the page URLs.",
    ),
    "rules": ("Aturan umum", "How it behaves"),
    "rule_money": (
        'Uang berupa string desimal tepat sampai sen ("1500000.00"), bukan float.',
        'Money is a decimal string exact to the sen ("1500000.00"), never a float.',
    ),
    "rule_meta": (
        "Setiap jawaban membawa meta: versi data, penanda data demo, sumber, dan halaman (limit/offset, total).",
        "Every answer carries meta: the data version, the demo flag, the source, and paging (limit/offset, total).",
    ),
    "rule_errors": (
        "Kesalahan berupa JSON: 400 menyebut parameter yang salah, 404 untuk tahun atau simpul yang tidak ada.",
        "Errors are JSON: 400 names the parameter at fault, 404 for an unknown year or node.",
    ),
    "rule_cache": (
        "ETag dan Cache-Control pada setiap jawaban; CORS terbuka untuk GET (Access-Control-Allow-Origin: *).",
        "ETag and Cache-Control on every answer; CORS open for GET (Access-Control-Allow-Origin: *).",
    ),
    "spec": ("Spesifikasi OpenAPI 3.1", "OpenAPI 3.1 specification"),
    "resources": ("Sumber data", "Resources"),
    "param": ("Parameter", "Parameter"),
    "where": ("Letak", "In"),
    "type": ("Tipe", "Type"),
    "desc": ("Keterangan", "Description"),
    "required": ("wajib", "required"),
    "example": ("Contoh", "Example"),
    "glossary": ("Daftar istilah", "Glossary"),
    "lang": ("English", "Bahasa Indonesia"),
}


def w(key: str, lang: str) -> str:
    pair = WORDS[key]
    return pair[1] if lang == "en" else pair[0]


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
