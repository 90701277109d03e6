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
worker per machine, by a lock the system releases if that worker dies): the views the app hands to
`set_warming` (the overview, each OPD's first level, the village list and every village page, in Indonesian
and in English). This module never imports the pages it caches.

A key holds only the parameters a renderer declares (its named arguments): the rest of a URL (`?fbclid=`,
`utm_*`) changes nothing a page shows, so it makes no new entry.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import importlib.metadata
import inspect
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from cachelib import FileSystemCache, SimpleCache

import settings
from budget import db
from dash_compat import PAGES_CONTENT, PAGES_STORE, output_key
from serving.urls import STATE_PARAMS

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


def declared(render: Callable, params: dict) -> dict:
    """The parameters `render` names (through wrappers); the others it would only ignore."""
    names = _named(render)
    return params if names is None else {k: v for k, v in params.items() if k in names}


@functools.cache
def _named(render: Callable) -> frozenset[str] | None:
    """The named parameters of `render`; None (keep every parameter) when it takes **kwargs that it uses.
    A renderer says it ignores the rest by naming them with an underscore (`**_ignored`)."""
    sig = inspect.signature(render)
    kinds = {p.kind for p in sig.parameters.values()}
    rest = next((n for n, p in sig.parameters.items() if p.kind == p.VAR_KEYWORD), None)
    if rest is not None and not rest.startswith("_"):
        return None
    if inspect.Parameter.VAR_POSITIONAL in kinds:
        return None
    return frozenset(n for n, p in sig.parameters.items() if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY))


def key(render: Callable, host: str, params: dict) -> str | None:
    """The cache key of one render, or None when its parameters are not worth keeping."""
    items = sorted((str(k), v) for k, v in declared(render, params).items() if v not in (None, ""))  # absent = empty
    if not all(isinstance(v, (str, int, type(None))) for _, v in items):
        return None
    text = "&".join(f"{k}={v}" for k, v in items)
    if len(text) > MAX_KEY_PARAMS:
        return None
    return f"{release()}|{render.__module__}.{render.__qualname__}|{host}|{text}"


# What a stored page is made of: our code and templates, and the libraries whose objects it pickles.
RELEASE_FOLDERS = (
    "budget",
    "models",
    "components",
    "callbacks",
    "lite",
    "pages",
    "api",
    "static_html",
    "serving",
    "firstview",
    "data",
)
RELEASE_LIBRARIES = ("dash", "dash-bootstrap-components", "plotly", "flask", "jinja2", "babel")


@functools.lru_cache(maxsize=1)
def release() -> str:
    """A fingerprint of the code and templates that draw pages and of the libraries whose objects are
    stored (pickled Dash, Bootstrap and Plotly components): a new release never serves pages that the
    previous one drew for the same data version (they may say or look different)."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(sys.version.encode())
    for dist in RELEASE_LIBRARIES:
        h.update(f"{dist}=={importlib.metadata.version(dist)};".encode())
    for folder in RELEASE_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".py", ".html", ".js", ".csv") and path.is_file():
                st = path.stat()
                h.update(f"{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:10]


def cached(render: Callable, params: dict, host: str | None) -> object:
    """render(**params), from the cache when this data version already drew it."""
    params = declared(render, params)
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
RESPONSE_OUTPUTS = (
    output_key((PAGES_CONTENT, "children"), (PAGES_STORE, "data")),
    output_key(("shell-nav", "children"), ("shell-footer", "children")),
)


def response_key(body: dict, host: str) -> str | None:
    """The key of a callback answer, for the callbacks in RESPONSE_OUTPUTS (a checked payload), else None."""
    output = body.get("output")
    if not isinstance(output, str) or not output.startswith(RESPONSE_OUTPUTS):
        return None
    values = [_checked(d) for d in body.get("inputs", [])] + [_checked(d) for d in body.get("state", [])]
    if not all(isinstance(v, (str, type(None))) for v in values) or sum(len(v or "") for v in values) > 2000:
        return None
    return "response|" + release() + "|" + host + "|" + output + "|" + "\x1f".join(v or "" for v in values)


def _checked(dep: dict) -> object:
    """A callback input's value for the key; a URL's search string keeps only the page-state parameters
    (`serving.urls.STATE_PARAMS`), which are all that the page and the shell read."""
    value = dep.get("value") if isinstance(dep, dict) else None
    if dep.get("property") == "search" and isinstance(value, str):
        return checked_search(value)
    return value


def checked_search(search: str) -> str:
    """`?a=1&fbclid=x` -> `?a=1`: the page-state parameters of a search string, in their order."""
    kept = [(k, v) for k, v in parse_qsl(search.lstrip("?"), keep_blank_values=True) if k in STATE_PARAMS]
    return "?" + urlencode(kept) if kept else ""


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


_warming: dict[str, Callable] = {}


def set_warming(views: Callable[[], list[tuple[Callable, dict]]], request_context: Callable[[str], object]) -> None:
    """What warming renders (`views()`: (render, params) pairs) and how it makes a request context for a
    host (`request_context(host)`, the real app's): handed in by the app, which knows its pages."""
    _warming.update(views=views, request_context=request_context)


def _maybe_warm(folder: Path, host: str) -> None:
    """Start warming this version once per machine, unless it is warmed already or being warmed."""
    if not settings.current().cache_warm or "views" not in _warming or (folder / ".warmed").exists():
        return
    if _warm_thread.get("alive") and _warm_thread["alive"].is_alive():
        return
    thread = threading.Thread(target=_warm_locked, args=(folder, host), name="cache-warm", daemon=True)
    _warm_thread["alive"] = thread
    thread.start()


_warm_thread: dict[str, threading.Thread] = {}


@contextlib.contextmanager
def warming_lock(folder: Path) -> Iterator[bool]:
    """The machine-wide warming lock of one version: True while held. It is an flock on `.warming`, so the
    system releases it when the holder exits or dies; another worker can then finish the warming."""
    try:
        fd = os.open(folder / ".warming", os.O_CREAT | os.O_WRONLY, 0o600)
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _warm_locked(folder: Path, host: str) -> None:
    with warming_lock(folder) as held:
        if held and not (folder / ".warmed").exists():
            warm(host)


def warm(host: str) -> int:
    """Render every view that `set_warming` named into the cache; returns how many were rendered."""
    done = 0
    try:
        views = _warming["views"]()
        for render, params in views:
            with _warming["request_context"](host):
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
