"""IIIF Georeference Annotations and navPlace, as plain data (no database, no Qt).

The IIIF Georeference Extension (https://iiif.io/api/extension/georef/) stores what a
georeferencing tool such as Allmaps needs to warp a map image onto the Earth: a W3C Web
Annotation with ``motivation: "georeferencing"`` whose

- ``target`` is a ``SpecificResource``: its ``source`` the image (an ``ImageService3`` with the
  image's ``width``/``height``, or a ``Canvas``), its ``selector`` an ``SvgSelector`` holding the
  *resource mask*, the polygon of the image that is map (``<svg width="W" height="H"><polygon
  points="x,y x,y ..." /></svg>``);
- ``body`` is a GeoJSON ``FeatureCollection`` of ground control points: one ``Feature`` per
  point, ``properties.resourceCoords`` ``[x, y]`` in the image's pixels and ``geometry`` a
  ``Point`` ``[lon, lat]`` (WGS 84), plus ``transformation`` (``{"type": "polynomial",
  "options": {"order": 1}}``, ``"thinPlateSpline"``...).

:func:`georef_map` turns a catalogue georeference (see :mod:`exhibition_app.core.georef`) into
that data: control points as they are (an affine fit is ``polynomial`` order 1, a
``polynomial2`` fit order 2), and a whole-world plate carrée as a grid of points every 15° of
longitude and 10° of latitude up to ±85° (web maps in Web Mercator cannot take the poles),
with ``thinPlateSpline``, which follows the plate carrée's latitudes through Mercator's
stretching exactly at the grid and closely between. :func:`annotation` writes it,
:func:`parse` reads one back (also an Allmaps ``GeoreferencedMap``, an ``AnnotationPage`` of
one map, and the older ``pixelCoords`` form), and :func:`add_to_manifest` puts the annotation
on a manifest's canvas and the map's extent in ``navPlace``.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from exhibition_app.core.georef import (
    ControlPoint,
    Equirectangular,
    Fitted,
    GeorefError,
    from_json,
)
from exhibition_app.errors import InvalidInput

__all__ = [
    "GEOREF_CONTEXT",
    "NAVPLACE_CONTEXT",
    "GeorefFileError",
    "GeorefMap",
    "ParsedMap",
    "add_to_manifest",
    "annotation",
    "extent_ring",
    "georef_map",
    "nav_place",
    "parse",
    "place_feature",
    "stored",
    "transformation_of",
]

GEOREF_CONTEXT = "http://iiif.io/api/extension/georef/1/context.json"
NAVPLACE_CONTEXT = "http://iiif.io/api/extension/navplace/context.json"
PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json"

#: The plate carrée grid: every 15° of longitude, every 10° of latitude, and ±85° (about the
#: edge of Web Mercator, 85.0511°) instead of the poles, which Mercator sends to infinity.
#: 475 points; Allmaps' thin plate spline in Web Mercator (@allmaps/project) then puts a
#: pixel 0.06° from its true place on average and 0.6° at worst (30° x 10°: 0.21° and 1.7°;
#: an order-1 polynomial: 8°), measured over 5,876 pixels between 84°S and 84°N.
GRID_LONS = tuple(float(lon) for lon in range(-180, 181, 15))
GRID_LATS = (-85.0, *(float(lat) for lat in range(-80, 81, 10)), 85.0)
#: How close (in pixels) every point must be to the plate carrée for an imported file to be
#: stored as ``{"type": "equirectangular"}``: only a generated grid is this exact.
EQUIRECTANGULAR_TOL_PX = 0.01
#: Points per edge of the image when its extent is traced through a control-point fit.
EDGE_STEPS = 8

Transformation = dict[str, Any]


class GeorefFileError(InvalidInput):
    """A file that is not a georeference this app can read; the message says why."""


@dataclass(frozen=True)
class GeorefMap:
    """What a Georeference Annotation says of one image."""

    width: int
    height: int
    gcps: tuple[ControlPoint, ...]
    #: The resource mask: a polygon in the image's pixels (not closed).
    mask: tuple[tuple[float, float], ...]
    transformation: Transformation


@dataclass(frozen=True)
class ParsedMap:
    """A Georeference Annotation as read: sizes are None when the file does not give them."""

    width: int | None
    height: int | None
    gcps: tuple[ControlPoint, ...]
    mask: tuple[tuple[float, float], ...] | None
    transformation: Transformation | None
    source_id: str | None


# --------------------------------------------------------------------------- writing


def stored(text: str | None) -> dict[str, Any] | None:
    """A georeference document as the catalogue stores it (JSON text), or None when there is
    none or it cannot be read."""
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def transformation_of(kind: str) -> Transformation:
    """The Allmaps transformation of one of our fits (``affine``, ``polynomial2``)."""
    return {"type": "polynomial", "options": {"order": 2 if kind == "polynomial2" else 1}}


def full_mask(width: float, height: float) -> tuple[tuple[float, float], ...]:
    return ((0.0, 0.0), (float(width), 0.0), (float(width), float(height)), (0.0, float(height)))


def georef_map(document: Mapping[str, Any], width: int, height: int) -> GeorefMap:
    """The Georeference Annotation's data for a stored georeference of a ``width`` x
    ``height`` image (GeorefError when the document is not a georeference)."""
    geo = from_json(document, width=width, height=height)
    mask = _stored_mask(document.get("mask"), width, height) or full_mask(width, height)
    if isinstance(geo, Equirectangular):
        gcps = tuple(
            ControlPoint(*geo.to_pixel(lon, lat), lon, lat)
            for lat in reversed(GRID_LATS)
            for lon in GRID_LONS
        )
        return GeorefMap(width, height, gcps, mask, {"type": "thinPlateSpline"})
    stored = document.get("transformation")
    transformation = (
        dict(stored)
        if isinstance(stored, Mapping) and isinstance(stored.get("type"), str)
        else transformation_of(geo.kind)
    )
    return GeorefMap(width, height, geo.points, mask, transformation)


def _stored_mask(value: Any, width: int, height: int) -> tuple[tuple[float, float], ...] | None:
    if not isinstance(value, list) or len(value) < 3:
        return None
    try:
        return tuple((float(x), float(y)) for x, y in value)
    except (TypeError, ValueError):
        return None


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(round(float(value), 3))


def svg_selector(width: int, height: int, mask: Sequence[tuple[float, float]]) -> dict[str, str]:
    points = " ".join(f"{_number_text(x)},{_number_text(y)}" for x, y in mask)
    return {
        "type": "SvgSelector",
        "value": f'<svg width="{width}" height="{height}"><polygon points="{points}" /></svg>',
    }


def image_service_source(service_id: str, width: int, height: int) -> dict[str, Any]:
    return {"id": service_id, "type": "ImageService3", "height": height, "width": width}


def canvas_source(canvas_id: str, width: int, height: int) -> dict[str, Any]:
    return {"id": canvas_id, "type": "Canvas", "height": height, "width": width}


def annotation(
    annotation_id: str, source: Mapping[str, Any], georef: GeorefMap, *, context: bool = True
) -> dict[str, Any]:
    """The Georeference Annotation of ``georef`` on ``source`` (see :func:`image_service_source`
    and :func:`canvas_source`). ``context`` False leaves out ``@context``, for an annotation
    inside a manifest whose context already says it."""
    doc: dict[str, Any] = {"id": annotation_id, "type": "Annotation"}
    if context:
        doc = {"@context": [GEOREF_CONTEXT, PRESENTATION_CONTEXT], **doc}
    doc["motivation"] = "georeferencing"
    doc["target"] = {
        "type": "SpecificResource",
        "source": dict(source),
        "selector": svg_selector(georef.width, georef.height, georef.mask),
    }
    doc["body"] = {
        "id": f"{annotation_id}/gcps",
        "type": "FeatureCollection",
        "transformation": georef.transformation,
        "features": [
            {
                "type": "Feature",
                "properties": {"resourceCoords": [_round(p.x, 3), _round(p.y, 3)]},
                "geometry": {"type": "Point", "coordinates": [_round(p.lon), _round(p.lat)]},
            }
            for p in georef.gcps
        ],
    }
    return doc


def _round(value: float, digits: int = 7) -> float | int:
    rounded = round(float(value), digits)
    return int(rounded) if rounded.is_integer() else rounded


# --------------------------------------------------------------------------- navPlace


def extent_ring(document: Mapping[str, Any], width: int, height: int) -> list[list[float]]:
    """The map's extent on the Earth: a closed, counter-clockwise ``[lon, lat]`` ring (the
    whole world for a plate carrée; the resource mask, or the image's edges, traced through
    the fit for control points)."""
    geo = from_json(document, width=width, height=height)
    if isinstance(geo, Equirectangular):
        return [[-180.0, -90.0], [180.0, -90.0], [180.0, 90.0], [-180.0, 90.0], [-180.0, -90.0]]
    assert isinstance(geo, Fitted)
    outline = _stored_mask(document.get("mask"), width, height) or full_mask(width, height)
    ring: list[list[float]] = []
    for (x0, y0), (x1, y1) in zip(outline, (*outline[1:], outline[0]), strict=True):
        for step in range(EDGE_STEPS):
            t = step / EDGE_STEPS
            lon, lat = geo.to_lonlat(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
            ring.append([_round(lon, 6), _round(max(-90.0, min(90.0, lat)), 6)])
    ring.append(list(ring[0]))
    if _signed_area(ring) < 0:
        ring.reverse()
    return ring


def _signed_area(ring: Sequence[Sequence[float]]) -> float:
    return 0.5 * math.fsum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(ring))


def nav_place(
    place_id: str, ring: list[list[float]], label: Mapping[str, list[str]]
) -> dict[str, Any]:
    """A ``navPlace`` FeatureCollection with one Polygon, labelled like the manifest."""
    return {
        "id": place_id,
        "type": "FeatureCollection",
        "features": [
            {
                "id": f"{place_id}/extent",
                "type": "Feature",
                "properties": {"label": dict(label)},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        ],
    }


def place_feature(
    lon: float, lat: float, label: Mapping[str, list[str]] | None = None
) -> dict[str, Any]:
    """A GeoJSON Point Feature as an annotation body (the navPlace extension's form)."""
    feature: dict[str, Any] = {"type": "Feature", "properties": {}}
    if label:
        feature["properties"]["label"] = dict(label)
    feature["geometry"] = {"type": "Point", "coordinates": [_round(lon), _round(lat)]}
    return feature


def with_context(doc: dict[str, Any], *extensions: str) -> None:
    """Put extension contexts before the Presentation context of ``doc``, in place."""
    current = doc.get("@context", PRESENTATION_CONTEXT)
    contexts = list(current) if isinstance(current, list) else [current]
    for ext in extensions:
        if ext not in contexts:
            contexts.insert(len(contexts) - 1 if PRESENTATION_CONTEXT in contexts else 0, ext)
    doc["@context"] = contexts if len(contexts) > 1 else contexts[0]


def add_to_manifest(
    doc: dict[str, Any],
    canvas_index: int,
    document: Mapping[str, Any],
    annotation_id: str,
) -> None:
    """Georeference a manifest in place: the Georeference Annotation on canvas
    ``canvas_index`` (targeting its image service, else the canvas) in an AnnotationPage of
    its own, the map's extent as the manifest's ``navPlace``, and both extensions'
    contexts. Nothing happens when the canvas is missing or the georeference is unreadable."""
    canvases = doc.get("items") or []
    if not 0 <= canvas_index < len(canvases):
        return
    canvas = canvases[canvas_index]
    width, height = int(canvas["width"]), int(canvas["height"])
    try:
        georef = georef_map(document, width, height)
        ring = extent_ring(document, width, height)
    except GeorefError:
        return
    source = canvas_source(canvas["id"], width, height)
    for page in canvas.get("items", []):
        for painting in page.get("items", []):
            services = painting.get("body", {}).get("service") or []
            if services and isinstance(services[0], Mapping) and services[0].get("id"):
                source = image_service_source(services[0]["id"], width, height)
    note = annotation(annotation_id, source, georef, context=False)
    canvas.setdefault("annotations", []).append(
        {"id": f"{canvas['id']}/georeferencing", "type": "AnnotationPage", "items": [note]}
    )
    root = str(doc["id"]).removesuffix("/manifest.json")
    doc["navPlace"] = nav_place(f"{root}/place", ring, doc.get("label", {}))
    with_context(doc, GEOREF_CONTEXT, NAVPLACE_CONTEXT)


# --------------------------------------------------------------------------- reading

_SVG_SIZE = re.compile(r'\b(width|height)\s*=\s*"\s*([0-9.]+)\s*(?:px)?\s*"')
_SVG_POINTS = re.compile(r'\bpoints\s*=\s*"([^"]*)"')


def parse(document: Any) -> ParsedMap:
    """Read one georeferenced map from a Georeference Annotation, an AnnotationPage holding
    one, or an Allmaps ``GeoreferencedMap`` (or a list of one). GeorefFileError says what is
    wrong (the caller adds the file's name)."""
    if isinstance(document, list):
        if len(document) != 1:
            raise GeorefFileError(
                f"it holds {len(document)} georeferenced maps; give a file with exactly one"
            )
        document = document[0]
    if not isinstance(document, Mapping):
        raise GeorefFileError("not a Georeference Annotation (expected a JSON object)")
    kind = document.get("type")
    if kind == "AnnotationPage":
        items = [
            a
            for a in document.get("items") or []
            if isinstance(a, Mapping) and _is_georeferencing(a)
        ]
        if len(items) != 1:
            raise GeorefFileError(
                f"the AnnotationPage holds {len(items)} georeference annotations; "
                "give a file with exactly one"
            )
        return _parse_annotation(items[0])
    if kind == "Annotation":
        if not _is_georeferencing(document):
            raise GeorefFileError(
                "an Annotation, but not a georeference: its body is not a FeatureCollection "
                "of ground control points"
            )
        return _parse_annotation(document)
    if kind == "GeoreferencedMap" or "gcps" in document:
        return _parse_map(document)
    raise GeorefFileError(
        f"not a Georeference Annotation (type {kind!r}; expected an Annotation with "
        "motivation 'georeferencing', as Allmaps writes)"
    )


def _is_georeferencing(note: Mapping[str, Any]) -> bool:
    body = note.get("body")
    return isinstance(body, Mapping) and body.get("type") == "FeatureCollection"


def _point(value: Any, where: str) -> tuple[float, float]:
    if (
        not isinstance(value, list | tuple)
        or len(value) < 2
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value[:2])
        or not all(math.isfinite(v) for v in value[:2])
    ):
        raise GeorefFileError(f"{where} is not a pair of numbers: {str(value)[:60]}")
    return float(value[0]), float(value[1])


def _parse_annotation(note: Mapping[str, Any]) -> ParsedMap:
    body = note["body"]
    features = body.get("features")
    if not isinstance(features, list):
        raise GeorefFileError("the body has no list of 'features' (ground control points)")
    gcps = []
    for i, feature in enumerate(features, 1):
        if not isinstance(feature, Mapping):
            raise GeorefFileError(f"ground control point {i} is not a GeoJSON Feature")
        props = feature.get("properties") or {}
        coords = next(
            (props[k] for k in ("resourceCoords", "pixelCoords", "pixel") if k in props), None
        )
        if coords is None:
            raise GeorefFileError(f"ground control point {i} has no properties.resourceCoords")
        geometry = feature.get("geometry") or {}
        if not isinstance(geometry, Mapping) or geometry.get("type") != "Point":
            raise GeorefFileError(f"ground control point {i}'s geometry is not a Point")
        x, y = _point(coords, f"ground control point {i}'s resourceCoords")
        lon, lat = _point(geometry.get("coordinates"), f"ground control point {i}'s coordinates")
        gcps.append(ControlPoint(x, y, lon, lat))
    width, height, mask, source_id = _parse_target(note.get("target"))
    return ParsedMap(
        width, height, tuple(gcps), mask, _transformation(body.get("transformation")), source_id
    )


def _parse_target(
    target: Any,
) -> tuple[int | None, int | None, tuple[tuple[float, float], ...] | None, str | None]:
    if isinstance(target, list) and target:
        target = target[0]
    if isinstance(target, str):
        return None, None, None, target
    if not isinstance(target, Mapping):
        raise GeorefFileError("the annotation has no target (the image it georeferences)")
    source = target.get("source")
    width = height = None
    source_id: str | None = None
    if isinstance(source, Mapping):
        source_id = source.get("id") or source.get("@id")
        width, height = _size(source.get("width")), _size(source.get("height"))
    elif isinstance(source, str):
        source_id = source
    selector = target.get("selector")
    if isinstance(selector, list) and selector:
        selector = selector[0]
    mask = None
    if isinstance(selector, Mapping) and selector.get("type") == "SvgSelector":
        svg = str(selector.get("value", ""))
        sizes = {k: _size(v) for k, v in _SVG_SIZE.findall(svg.split("<polygon")[0])}
        width = width or sizes.get("width")
        height = height or sizes.get("height")
        mask = _svg_mask(svg)
    return width, height, mask, source_id


def _size(value: Any) -> int | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return round(number) if math.isfinite(number) and number > 0 else None


def _svg_mask(svg: str) -> tuple[tuple[float, float], ...]:
    found = _SVG_POINTS.search(svg)
    if found is None:
        raise GeorefFileError("the SvgSelector holds no polygon (the resource mask)")
    mask = []
    for pair in found.group(1).replace(",", " ").split():
        mask.append(pair)
    try:
        numbers = [float(v) for v in mask]
    except ValueError:
        raise GeorefFileError(
            "the resource mask's polygon has a point that is not a number"
        ) from None
    if len(numbers) % 2 or not all(math.isfinite(v) for v in numbers):
        raise GeorefFileError("the resource mask's polygon does not hold x,y pairs")
    points = list(zip(numbers[::2], numbers[1::2], strict=True))
    if len(points) > 3 and points[0] == points[-1]:
        points.pop()
    if len(points) < 3:
        raise GeorefFileError("the resource mask needs at least 3 points")
    return tuple(points)


def _parse_map(data: Mapping[str, Any]) -> ParsedMap:
    raw = data.get("gcps")
    if not isinstance(raw, list):
        raise GeorefFileError("the GeoreferencedMap has no list of 'gcps'")
    gcps = []
    for i, gcp in enumerate(raw, 1):
        if not isinstance(gcp, Mapping):
            raise GeorefFileError(f"ground control point {i} is not an object")
        x, y = _point(gcp.get("resource", gcp.get("image")), f"ground control point {i}")
        lon, lat = _point(gcp.get("geo", gcp.get("world")), f"ground control point {i}'s geo")
        gcps.append(ControlPoint(x, y, lon, lat))
    resource = data.get("resource") or data.get("image") or {}
    if not isinstance(resource, Mapping):
        resource = {}
    mask_raw = data.get("resourceMask", data.get("pixelMask"))
    mask = None
    if isinstance(mask_raw, list) and mask_raw:
        mask = tuple(_point(p, "a resource mask point") for p in mask_raw)
        if len(mask) < 3:
            raise GeorefFileError("the resource mask needs at least 3 points")
    return ParsedMap(
        _size(resource.get("width")),
        _size(resource.get("height")),
        tuple(gcps),
        mask,
        _transformation(data.get("transformation")),
        resource.get("id") or resource.get("uri"),
    )


def _transformation(value: Any) -> Transformation | None:
    """Allmaps' transformation, normalised as its parser does (``polynomial1``...)."""
    if isinstance(value, str):
        value = {"type": value}
    if not isinstance(value, Mapping) or not isinstance(value.get("type"), str):
        return None
    kind = value["type"]
    lowered = kind.lower().replace("-", "")
    if lowered == "thinplatespline":
        return {"type": "thinPlateSpline"}
    if lowered in ("polynomial1", "polynomial2", "polynomial3"):
        return {"type": "polynomial", "options": {"order": int(lowered[-1])}}
    result: Transformation = {"type": kind}
    if isinstance(value.get("options"), Mapping):
        result["options"] = dict(value["options"])
    return result


def is_plate_carree(gcps: Sequence[ControlPoint], width: int, height: int) -> bool:
    """Whether every point is where a whole-world plate carrée of this size puts it."""
    if len(gcps) < 3:
        return False
    plate = Equirectangular(width, height)
    for p in gcps:
        x, y = plate.to_pixel(p.lon, p.lat)
        if abs(x - p.x) > EQUIRECTANGULAR_TOL_PX or abs(y - p.y) > EQUIRECTANGULAR_TOL_PX:
            return False
    return True
