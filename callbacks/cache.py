"""Rendered pages, cached by data version.

A page is a pure function of its URL state and the published data, and the data changes only at a
publish. So a render is kept under a key made of the data version (the published file's identity,
`budget.db.data_version`), the host (the share links carry it), the page's renderer and its
normalised URL parameters. A publish changes the version: old entries can no longer be reached, at once,
and their folder is removed.

Two layers, both from cachelib (the library behind flask-caching):
- in each worker, a small in-memory cache of pickled renders (`MEMORY_ITEMS`);
- shared by all workers on the machine, a file cache in `.cache/<version>/` beside the database
  (`budget.db.version_folder`), bounded to `DISK_ITEMS` entries.

After a publish the first request that sees the new version starts warming it in the background (one
worker per machine, by an exclusive lock file): the overview, each OPD's first level, the village list and
every village page, in Indonesian and in English.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from cachelib import FileSystemCache, SimpleCache

from budget import db

log = logging.getLogger(__name__)

MEMORY_ITEMS = 128  # ~100 kB pickled per page: a few MB per worker
DISK_ITEMS = 5000  # every warmed view (~600) several times over
MAX_KEY_PARAMS = 1500  # characters of URL parameters; longer states are rendered, never stored

_lock = threading.Lock()
_layers: dict[str, tuple[SimpleCache, FileSystemCache, Path]] = {}
stats = {"hits": 0, "misses": 0, "stored": 0}


def _for_version(version: str) -> tuple[SimpleCache, FileSystemCache, Path]:
    with _lock:
        if version not in _layers:
            folder = db.version_folder("cache")
            db.drop_other_versions(folder)
            _layers.clear()  # renders of older versions can never be served again
            _layers[version] = (
                SimpleCache(threshold=MEMORY_ITEMS, default_timeout=0),
                FileSystemCache(str(folder), threshold=DISK_ITEMS, default_timeout=0, mode=0o600),
                folder,
            )
        return _layers[version]


def key(render: Callable, host: str, params: dict) -> str | None:
    """The cache key of one render, or None when its parameters are not worth keeping."""
    items = sorted((str(k), v) for k, v in params.items() if v not in (None, ""))  # absent = empty
    if not all(isinstance(v, (str, int, type(None))) for _, v in items):
        return None
    text = "&".join(f"{k}={v}" for k, v in items)
    if len(text) > MAX_KEY_PARAMS:
        return None
    return f"{release()}|{render.__module__}.{render.__qualname__}|{host}|{text}"


@functools.lru_cache(maxsize=1)
def release() -> str:
    """A fingerprint of the code and templates that draw pages: a new release never serves pages that the
    previous one drew for the same data version (they may say or look different)."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for folder in ("budget", "models", "components", "callbacks", "lite", "pages", "api", "static_html"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".py", ".html", ".js", ".csv") and path.is_file():
                st = path.stat()
                h.update(f"{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:10]


def cached(render: Callable, params: dict, host: str | None) -> object:
    """render(**params), from the cache when this data version already drew it."""
    if host is None:
        return render(**params)
    k = key(render, host, params)
    if k is None:
        return render(**params)
    version = db.data_version()
    value = _lookup(version, k)
    if value is not None:
        stats["hits"] += 1
        return value
    stats["misses"] += 1
    value = render(**params)
    if _store(version, k, value):
        stats["stored"] += 1
    _maybe_warm(_for_version(version)[2], host)
    return value


def _lookup(version: str, k: str) -> object | None:
    """The memory layer, else the shared file layer (copied into memory on a hit)."""
    memory, disk, _folder = _for_version(version)
    value = memory.get(k)
    if value is None:
        value = disk.get(k)
        if value is not None:
            memory.set(k, value)
    return value


def _store(version: str, k: str, value: object) -> bool:
    """File `value` under `version`, unless a publish happened meanwhile (it belongs to the old data)."""
    if db.data_version() != version:
        return False
    memory, disk, _folder = _for_version(version)
    memory.set(k, value)
    disk.set(k, value)
    return True


# Callbacks whose whole HTTP answer is a pure function of their inputs: the page (Dash Pages' content
# callback) and the shell. Their serialized answers are cached too, so a repeat skips Dash's dispatch and
# JSON encoding (most of a cached page's cost: ~100 kB of JSON).
RESPONSE_OUTPUTS = (".._pages_content.children..._pages_store.data..", "..shell-nav.children...shell-footer.children")


def response_key(body: dict, host: str) -> str | None:
    """The key of a callback answer, for the callbacks in RESPONSE_OUTPUTS (a checked payload), else None."""
    output = body.get("output")
    if not isinstance(output, str) or not output.startswith(RESPONSE_OUTPUTS):
        return None
    values = [d.get("value") for d in body.get("inputs", [])] + [d.get("value") for d in body.get("state", [])]
    if not all(isinstance(v, (str, type(None))) for v in values) or sum(len(v or "") for v in values) > 2000:
        return None
    return "response|" + release() + "|" + host + "|" + output + "|" + "\x1f".join(v or "" for v in values)


def get_response(k: str) -> bytes | None:
    try:
        value = _lookup(db.data_version(), k)
    except db.DataUnavailable:
        return None
    if value is not None:
        stats["response_hits"] = stats.get("response_hits", 0) + 1
    return value


def set_response(k: str, version: str, data: bytes) -> None:
    try:
        _store(version, k, data)
    except db.DataUnavailable:
        pass


def _maybe_warm(folder: Path, host: str) -> None:
    """Start warming this version once per machine: the first worker to create the lock file does it."""
    if os.environ.get("CACHE_WARM", "1") != "1":
        return
    try:
        fd = os.open(folder / ".warming", os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError:
        return
    os.close(fd)
    threading.Thread(target=warm, args=(host,), name="cache-warm", daemon=True).start()


def warm_views() -> list[tuple[Callable, dict]]:
    """The most visited views of the published data (latest year and stage), in Indonesian and English."""
    from budget import queries
    from callbacks import apbd, desa, home
    from callbacks.state import frozen  # the Dash pages are cached as the browser receives them

    views: list[tuple[Callable, dict]] = [
        (frozen(home.render), {}),
        (frozen(apbd.render), {}),
        (frozen(desa.render), {}),
    ]
    years = queries.years()
    if years:
        views += [(frozen(apbd.render), {"skpd": s}) for s in queries.skpd_codes(years[0])]
    views += [(frozen(desa.render_village), {"kode": k}) for k in queries.desa_codes()]
    # The light pages residents open from shared links: every village and the regency summary.
    from lite import routes as lite

    views += [(lite.render_summary, {})] + [(lite.render_village, {"kode": k}) for k in queries.desa_codes()]
    return views + [(render, {**params, "lang": "en"}) for render, params in views]


def warm(host: str) -> int:
    """Render every view of `warm_views` into the cache; returns how many were rendered."""
    import app  # the Flask app, for a request context like the real one

    done = 0
    try:
        views = warm_views()
        for render, params in views:
            with app.server.test_request_context("/", base_url=host):
                try:
                    cached(render, params, host)
                    done += 1
                except Exception:  # noqa: BLE001 - warming is best effort; pages render on demand anyway
                    log.warning("warming %s %s failed", render.__qualname__, params, exc_info=True)
        log.info("cache warmed: %d views", done)
        try:
            _for_version(db.data_version())[2].joinpath(".warmed").write_text(str(done))
        except (OSError, db.DataUnavailable):
            pass
    except db.DataUnavailable:
        pass
    return done
