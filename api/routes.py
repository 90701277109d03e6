"""The read-only JSON API, `/api/v1/`: the figures of the pages as data.

Every resource is declared once with `@resource(path, Query, Answer)`: the declaration registers the
Flask route, checks the query string with the Query model (400 naming the parameter), and feeds the
OpenAPI document (`api/spec.py`). Answers come from the same page models and query layer as the pages,
are cached by data version (`serving/cache.py`), and carry an ETag, Cache-Control and CORS headers.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from decimal import Decimal

from flask import Blueprint, Response, request
from pydantic import BaseModel, ValidationError

from api import schemas as s
from budget import db, queries
from budget.db import DataUnavailable, QueryTimeout

log = logging.getLogger(__name__)
bp = Blueprint("api", __name__, url_prefix="/api/v1")
SOURCE = "Anggaran Terbuka, Kabupaten Batang: APBD and APBDes as published (see /data for every file loaded)"


class Problem(Exception):
    def __init__(self, status: int, parameter: str | None, message: str, pesan: str):
        super().__init__(message)
        self.status, self.parameter, self.message, self.pesan = status, parameter, message, pesan


@dataclass(frozen=True)
class Resource:
    path: str  # Flask rule under /api/v1
    openapi_path: str
    name: str
    summary: str
    description: str
    query: type[s.Query]
    answer: type[BaseModel]
    path_params: tuple[tuple[str, str, str, str], ...] = ()  # (name, pattern, description, example)
    not_found: bool = False  # may answer 404 for an unknown node
    example: str = ""  # a query string (or path) for the docs' curl example


RESOURCES: list[Resource] = []


def resource(path: str, query: type[s.Query], answer, *, summary: str, path_params=(), not_found=True, example=""):
    """Declare one GET resource: route, parameter checks, caching, headers, and its place in the spec."""

    def wrap(fn):
        openapi_path = "/api/v1" + path.replace("<", "{").replace(">", "}")
        RESOURCES.append(
            Resource(
                path,
                openapi_path,
                fn.__name__,
                summary,
                (fn.__doc__ or "").strip(),
                query,
                s.Envelope[answer],
                tuple(path_params),
                not_found,
                example or path,
            )
        )

        def view(**path_values):
            return _answer(fn, query, s.Envelope[answer], path_values)

        view.__name__ = fn.__name__
        bp.add_url_rule(path, fn.__name__, view, methods=["GET"])
        return fn

    return wrap


def _answer(fn, query, envelope, path_values: dict) -> Response:
    args = {}
    for key in request.args:
        values = request.args.getlist(key)
        if len(values) > 1:
            raise Problem(400, key, f"give {key} once", f"{key} hanya boleh sekali")
        args[key] = values[0]
    try:
        q = query.model_validate(args)
    except ValidationError as exc:
        err = exc.errors()[0]
        name = str(err["loc"][0]) if err["loc"] else None
        found = str(args.get(name, ""))[:40] if name else ""
        raise Problem(
            400,
            name,
            f"{name}: {err['msg']}" + (f" (found {found!r})" if found else ""),
            f"{name}: nilai tidak sah" + (f" ({found!r})" if found else ""),
        ) from None
    from serving import cache

    version = db.data_version()
    params = {**q.model_dump(exclude_none=True), **path_values}
    params = {k: str(v) for k, v in params.items()}
    body = cache.cached(_render, {"fn": fn.__name__, **params}, request.host_url)
    resp = Response(body, mimetype="application/json")
    resp.set_etag(hashlib.sha256(version.encode() + body).hexdigest()[:32])
    resp.headers["Cache-Control"] = "public, no-cache"  # revalidated each time: a publish shows at once
    return resp.make_conditional(request)


_FUNCTIONS: dict[str, object] = {}


def _render(fn: str, **params) -> bytes:
    """One answer as JSON bytes (cached by data version under these parameters)."""
    res = next(r for r in RESOURCES if r.name == fn)
    q = res.query.model_validate({k: v for k, v in params.items() if k in res.query.model_fields})
    path_values = {k: v for k, v in params.items() if k not in res.query.model_fields}
    data, meta = _FUNCTIONS[fn](q, **path_values)
    envelope = res.answer(data=data, meta=meta)
    return envelope.model_dump_json().encode()


def meta(tahun: int | None, tahap: str | None, q: s.Query, total: int) -> s.Meta:
    info = queries.dataset_info()
    return s.Meta(
        data_version=db.data_version(),
        published_at=info.get("published_at"),
        demo=bool(tahun in info["illustrative_years"]) if tahun else bool(info["illustrative_years"]),
        source=SOURCE,
        tahun=tahun,
        tahap=tahap,
        limit=getattr(q, "limit", total or 1),
        offset=getattr(q, "offset", 0),
        total=total,
    )


def page(items: list, q) -> list:
    return items[q.offset : q.offset + q.limit]


def year_stage(tahun: int | None, tahap: str | None = None, need_stage: bool = True) -> tuple[int, str | None]:
    """The year and stage asked for, checked against the data: 404 naming the parameter when absent."""
    years = queries.years()
    if not years:
        raise DataUnavailable("no data")
    if tahun is None:
        tahun = years[0]
    elif tahun not in years:
        raise Problem(
            404,
            "tahun",
            f"no data for tahun={tahun}; years: {', '.join(map(str, years))}",
            f"tidak ada data untuk tahun={tahun}; tahun tersedia: {', '.join(map(str, years))}",
        )
    if not need_stage:
        return tahun, None
    stages = queries.stages(tahun)
    if tahap is None:
        tahap = stages[-1]
    elif tahap not in stages:
        raise Problem(
            404,
            "tahap",
            f"no {tahap} budget for {tahun}; stages: {', '.join(stages)}",
            f"tidak ada anggaran {tahap} untuk {tahun}; tahap tersedia: {', '.join(stages)}",
        )
    return tahun, tahap


def registered(fn):
    _FUNCTIONS[fn.__name__] = fn
    return fn


def pct(v) -> Decimal | None:
    return None if v is None else Decimal(v)


# ---------------------------------------------------------------------------------------------
# Errors and headers
# ---------------------------------------------------------------------------------------------
def _error(status: int, parameter: str | None, message: str, pesan: str) -> Response:
    body = s.Error(error=s.ErrorBody(status=status, parameter=parameter, message=message, pesan=pesan))
    resp = Response(body.model_dump_json(), status=status, mimetype="application/json")
    resp.headers["Cache-Control"] = "no-store"
    return resp


@bp.errorhandler(Problem)
def _problem(exc: Problem):
    return _error(exc.status, exc.parameter, exc.message, exc.pesan)


@bp.errorhandler(DataUnavailable)
@bp.errorhandler(QueryTimeout)
def _unavailable(exc):
    return _error(503, None, "the published data cannot be read right now", "data sedang tidak dapat dibaca")


def too_long(limit: int) -> Response:
    return _cors(_error(400, None, f"the query string is over {limit} bytes", f"query string lebih dari {limit} bita"))


def not_found() -> Response:
    return _cors(
        _error(404, None, "no such resource; see /api/v1/openapi.json", "sumber tidak ada; lihat /api/v1/openapi.json")
    )


@bp.errorhandler(404)
def _not_found(exc):
    return not_found()


@bp.errorhandler(405)
def _method(exc):
    resp = _error(405, None, "only GET (and OPTIONS)", "hanya GET (dan OPTIONS)")
    resp.headers["Allow"] = "GET, HEAD, OPTIONS"
    return resp


@bp.errorhandler(Exception)
def _unexpected(exc):
    from werkzeug.exceptions import HTTPException

    if isinstance(exc, HTTPException):
        return _error(exc.code or 500, None, exc.description or exc.name, exc.name)
    log.exception("API request failed on %s", request.full_path)
    return _error(503, None, "the answer could not be computed; try again later", "jawaban gagal dihitung; coba lagi")


@bp.after_request
def _cors(resp: Response) -> Response:
    resp.headers["Access-Control-Allow-Origin"] = "*"  # the data is public
    resp.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    resp.headers["Access-Control-Allow-Headers"] = "If-None-Match"
    resp.headers["Access-Control-Expose-Headers"] = "ETag"
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp
