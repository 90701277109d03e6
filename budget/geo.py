"""Village boundaries from a deployment's own GeoJSON ($BOUNDARIES_DIR/desa.geojson).

Boundary files are not part of the project. When none is configured the maps draw centroids from
ref_desa. The parsed, simplified polygons are cached per process keyed by the file's path and
modification time: immutable data derived from a file, never shared mutable state.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path

from settings import boundaries_dir

log = logging.getLogger(__name__)
MAX_POINTS = 40  # per ring, after simplification: keeps the map light on a phone
CODE_KEYS = ("kode", "kode_desa", "KODE", "kd_desa", "kode_kemendagri")


def _simplify(ring: list, max_points: int = MAX_POINTS) -> list[tuple[float, float]]:
    step = max(1, len(ring) // max_points)
    pts = [(round(float(x), 4), round(float(y), 4)) for x, y, *_ in ring[::step]]
    if pts and pts[0] != pts[-1]:
        pts.append(pts[0])
    return pts


@lru_cache(maxsize=4)
def _load(path: str, _mtime: float) -> dict[str, list[list[tuple[float, float]]]]:
    with open(path, encoding="utf-8") as f:
        gj = json.load(f)
    out: dict[str, list] = {}
    for feat in gj.get("features", []):
        props = feat.get("properties") or {}
        kode = next((str(props[k]) for k in CODE_KEYS if props.get(k)), None)
        geom = feat.get("geometry") or {}
        if not kode:
            continue
        polys = (
            [geom.get("coordinates", [])]
            if geom.get("type") == "Polygon"
            else geom.get("coordinates", [])
            if geom.get("type") == "MultiPolygon"
            else []
        )
        out[kode] = [_simplify(poly[0]) for poly in polys if poly]
    return out


def village_polygons() -> dict[str, list[list[tuple[float, float]]]] | None:
    """kode_desa -> outer rings, or None when no boundary file is configured or it cannot be read."""
    folder = boundaries_dir()
    if folder is None:
        return None
    path = Path(folder) / "desa.geojson"
    try:
        return _load(str(path), path.stat().st_mtime) or None
    except (OSError, ValueError) as exc:
        log.warning("boundaries unavailable (%s): drawing centroids", exc)
        return None
