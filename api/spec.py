"""The OpenAPI 3.1 document of `/api/v1/`, generated from the declared resources (`api/routes.py`) and
their pydantic models (`api/schemas.py`): schemas by pydantic's JSON Schema generator (2020-12, the
dialect OpenAPI 3.1 uses), parameters from each resource's query model. Nothing here is hand-written JSON
about a particular resource."""

from __future__ import annotations

import functools
import json

from flask import Response
from pydantic.json_schema import models_json_schema

from api import schemas as s
from api.routes import RESOURCES, bp

VERSION = "1.0.0"
REF = "#/components/schemas/{model}"


def _parameters(res) -> list[dict]:
    out = [
        {
            "name": name,
            "in": "path",
            "required": True,
            "description": desc,
            "schema": {"type": "string", "pattern": pattern},
        }
        for name, pattern, desc, example in res.path_params
    ]
    schema = res.query.model_json_schema(ref_template=REF)
    required = set(schema.get("required", []))
    for name, prop in schema.get("properties", {}).items():
        prop = dict(prop)
        desc = prop.pop("description", None)
        prop.pop("title", None)
        param = {"name": name, "in": "query", "required": name in required, "schema": prop}
        if desc:
            param["description"] = desc
        out.append(param)
    return out


def _json(ref: str, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": ref}}}}


@functools.lru_cache(maxsize=1)
def document() -> dict:
    models = [(r.answer, "serialization") for r in RESOURCES] + [(s.Error, "serialization"), (s.Index, "serialization")]
    refs, defs = models_json_schema(models, ref_template=REF)
    error = refs[(s.Error, "serialization")]["$ref"]
    headers = {
        "ETag": {"description": "changes with the data version and the answer", "schema": {"type": "string"}},
        "Cache-Control": {"schema": {"type": "string"}},
        "Access-Control-Allow-Origin": {"schema": {"type": "string", "const": "*"}},
    }
    paths: dict = {}
    for r in RESOURCES:
        ok = _json(
            refs[(r.answer, "serialization")]["$ref"],
            "the answer, with the data version, demo flag, source and paging in meta",
        )
        ok["headers"] = headers
        responses = {
            "200": ok,
            "304": {"description": "not modified (If-None-Match matched the ETag)"},
            "400": _json(error, "a parameter is not valid; `error.parameter` names it"),
            "404": _json(error, "no such year, stage or node"),
            "503": _json(error, "the published data cannot be read right now"),
        }
        paths[r.openapi_path] = {
            "get": {
                "operationId": r.name,
                "summary": r.summary,
                "description": r.description,
                "parameters": _parameters(r),
                "responses": responses,
            }
        }
    paths["/api/v1/"] = {
        "get": {
            "operationId": "index",
            "summary": "The API's resources",
            "responses": {
                "200": _json(refs[(s.Index, "serialization")]["$ref"], "links to the resources and the spec")
            },
        }
    }
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "Anggaran Terbuka API",
            "version": VERSION,
            "summary": "The APBD and APBDes of Kabupaten Batang as open data",
            "description": (
                "Read-only. Money is a decimal string exact to the sen; every answer carries the data version, "
                "the demo flag, the source and paging (limit/offset, total). Parameters are those of the page URLs."
            ),
            "license": {"name": "Open data; see /data for the sources"},
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {"schemas": defs.get("$defs", {})},
    }


def index_document() -> dict:
    return s.Index(
        name="Anggaran Terbuka API",
        version=VERSION,
        openapi="/api/v1/openapi.json",
        docs="/api",
        resources=[r.openapi_path for r in RESOURCES],
    ).model_dump()


@bp.route("/", methods=["GET"])
def index():
    return Response(json.dumps(index_document()), mimetype="application/json")


@bp.route("/openapi.json", methods=["GET"])
def openapi():
    resp = Response(json.dumps(document(), ensure_ascii=False), mimetype="application/json")
    resp.headers["Cache-Control"] = "public, no-cache"
    return resp
