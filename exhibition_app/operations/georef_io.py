"""Georeference out and in, and a map's places for other tools (Qt-free).

- :func:`export_georeference` writes a map's IIIF Georeference Annotation (what Allmaps
  reads), targeting the image service ``BASE/tiles/<sha256>`` that ``export iiif`` publishes.
- :func:`import_georeference` reads one made elsewhere (Allmaps) into the map's
  georeference: its control points (scaled when it was made on a larger or smaller copy of
  the same image), its resource mask, and its transformation, fitted here with the closest
  of our kinds (a second-order polynomial needs 6 points, anything else is fitted affine);
  a file that only restates a whole-world plate carrée is stored as one.
- :func:`export_places` writes the map's places as GeoJSON, KML or an IIIF AnnotationPage,
  with every language; places without a longitude/latitude take it from the georeference,
  and are skipped (and counted) on a map without one.

The formats themselves are in :mod:`exhibition_app.interop.georef_annotation` and
:mod:`exhibition_app.interop.place_formats`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.core.durable import atomic_write
from exhibition_app.core.files import read_regular
from exhibition_app.core.georef import (
    ControlPoint,
    Equirectangular,
    GeorefError,
    check_points,
    fit,
    to_json,
)
from exhibition_app.db.models import ANNOTATION_TEXT_FIELDS, Annotation, Item, Media
from exhibition_app.errors import InvalidInput, shown
from exhibition_app.interop import georef_annotation as gra
from exhibition_app.interop import iiif
from exhibition_app.interop.place_formats import FORMATS, Place, geojson, iiif_page, kml
from exhibition_app.operations.iiif_export import DEFAULT_BASE_URI
from exhibition_app.operations.maps import georef_report, georeference
from exhibition_app.operations.queries import cover_of, get_item

__all__ = [
    "FORMATS",
    "export_georeference",
    "export_places",
    "georeference_annotation",
    "import_georeference",
    "service_id",
]

#: A Georeference Annotation file larger than this is refused before it is read.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Two sizes of the same image may differ this much in aspect ratio (rounding of a
#: downscaled copy); beyond it the file was made for another image.
ASPECT_TOLERANCE = 0.01


def _base(base_uri: str | None) -> str:
    try:
        return iiif.check_base_uri(base_uri or DEFAULT_BASE_URI)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None


def service_id(base: str, media: Media) -> str:
    """Where ``export iiif`` publishes the image's level-0 tile set (its info.json folder)."""
    return f"{base}/tiles/{media.sha256}"


def annotation_id(base: str, item_id: int) -> str:
    return f"{base}/items/{item_id}/georeference"


def _document(item: Item) -> dict[str, Any] | None:
    if not item.georef:
        return None
    georeference(item)  # a readable georeference, or CatalogError naming the item
    data = json.loads(item.georef)
    return data if isinstance(data, dict) else None


def georeference_annotation(catalog: Catalog, item_id: int, base_uri: str | None = None) -> dict:
    """The map's Georeference Annotation, targeting its image service under ``base_uri``."""
    base = _base(base_uri)
    with catalog.read_session() as session:
        item = get_item(session, item_id)
        media = cover_of(item)
        document = _document(item)
        if document is None:
            raise InvalidInput(
                f"item {item_id} is not georeferenced: nothing to export "
                "(georef set or the curator's control-point editor first)"
            )
        georef = gra.georef_map(document, media.width, media.height)
        source = gra.image_service_source(service_id(base, media), media.width, media.height)
        return gra.annotation(annotation_id(base, item_id), source, georef)


def _writable(path: Path) -> Path:
    path = Path(path)
    if path.is_dir():
        raise InvalidInput(f"{shown(path)} is a folder; give a file name to write")
    if not path.parent.is_dir():
        raise InvalidInput(f"the folder {shown(path.parent)} does not exist")
    return path


def export_georeference(
    catalog: Catalog, item_id: int, path: Path, *, base_uri: str | None = None
) -> dict[str, Any]:
    """Write the map's Georeference Annotation to ``path``; what was written."""
    path = _writable(path)
    doc = georeference_annotation(catalog, item_id, base_uri)
    atomic_write(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return {
        "item": item_id,
        "file": str(path),
        "gcps": len(doc["body"]["features"]),
        "transformation": doc["body"]["transformation"]["type"],
        "target": doc["target"]["source"]["id"],
    }


def _read_json(path: Path) -> Any:
    data = read_regular(Path(path), limit=MAX_FILE_BYTES)
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InvalidInput(
            f"{shown(path.name)}: not a Georeference Annotation (not UTF-8 text)"
        ) from None
    except ValueError as exc:
        raise InvalidInput(
            f"{shown(path.name)}: not a Georeference Annotation (not JSON: {shown(exc)})"
        ) from None


def _fitted_document(
    parsed: gra.ParsedMap, width: int, height: int, notes: list[str]
) -> tuple[dict[str, Any], float]:
    """The catalogue georeference for ``parsed`` on a ``width`` x ``height`` image, and the
    scale applied to the file's pixels."""
    scale = 1.0
    gcps: Sequence[ControlPoint] = parsed.gcps
    mask = parsed.mask
    if parsed.width and parsed.height and (parsed.width, parsed.height) != (width, height):
        sx, sy = width / parsed.width, height / parsed.height
        if abs(sx - sy) > ASPECT_TOLERANCE * max(sx, sy):
            raise GeorefError(
                f"it georeferences a {parsed.width} x {parsed.height} image, not this map's "
                f"{width} x {height} image (the shapes differ, so it is another picture)"
            )
        scale = sx
        gcps = [ControlPoint(p.x * sx, p.y * sy, p.lon, p.lat) for p in gcps]
        if mask is not None:
            mask = tuple((x * sx, y * sy) for x, y in mask)
        notes.append(
            f"made on a {parsed.width} x {parsed.height} copy: pixels scaled by {sx:.4g} "
            f"to this map's {width} x {height}"
        )
    whole = mask is None or _covers(mask, width, height)
    if whole and gra.is_plate_carree(gcps, width, height):
        return {"type": "equirectangular"}, scale
    transformation = parsed.transformation or gra.transformation_of("affine")
    order = (transformation.get("options") or {}).get("order", 1)
    wants_curve = transformation["type"] in ("thinPlateSpline", "projective") or (
        transformation["type"] == "polynomial" and isinstance(order, int) and order >= 2
    )
    kind = "polynomial2" if wants_curve and len(gcps) >= 6 else "affine"
    if transformation != gra.transformation_of(kind):
        notes.append(
            f"its transformation {_describe(transformation)} is fitted here as "
            f"{'a second-order polynomial' if kind == 'polynomial2' else 'affine'}; "
            "the file's own transformation is kept for export"
        )
    check_points(gcps, width, height)
    document = to_json(fit(gcps, kind))
    if not whole and mask is not None:
        document["mask"] = [[round(x, 3), round(y, 3)] for x, y in mask]
    if transformation != gra.transformation_of(kind):
        document["transformation"] = transformation
    return document, scale


def _describe(transformation: dict[str, Any]) -> str:
    order = (transformation.get("options") or {}).get("order")
    return f"{transformation['type']}" + (f" (order {order})" if order else "")


def _covers(mask: Sequence[tuple[float, float]], width: int, height: int) -> bool:
    """Whether the mask is the whole image (its bounding box within a pixel of the edges and
    as large as the image)."""
    xs = [x for x, _ in mask]
    ys = [y for _, y in mask]
    area = 0.5 * abs(
        math.fsum(
            x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(mask, (*mask[1:], mask[0]), strict=True)
        )
    )
    return (
        min(xs) <= 1
        and min(ys) <= 1
        and max(xs) >= width - 1
        and max(ys) >= height - 1
        and area >= (width - 2) * (height - 2)
    )


def import_georeference(catalog: Catalog, item_id: int, path: Path) -> dict[str, Any]:
    """Make the Georeference Annotation in ``path`` the map's georeference; the report
    (``georef show``'s) with ``file``, ``gcps``, ``mask``, ``scale`` and ``notes``."""
    path = Path(path)
    with catalog.read_session() as session:  # the item before the file: its error first
        cover_of(get_item(session, item_id))
    raw = _read_json(path)
    notes: list[str] = []
    try:
        parsed = gra.parse(raw)
    except InvalidInput as exc:
        raise InvalidInput(f"{shown(path.name)}: {exc}") from None
    with catalog.session() as session:
        item = get_item(session, item_id)
        media = cover_of(item)
        try:
            document, scale = _fitted_document(parsed, media.width, media.height, notes)
        except GeorefError as exc:
            raise InvalidInput(f"{shown(path.name)}: {exc}") from None
        item.georef = json.dumps(document)
        session.flush()
        report = georef_report(item)
    report |= {
        "file": str(path),
        "gcps": len(parsed.gcps),
        "mask": "mask" in document,
        "scale": scale,
        "notes": notes,
    }
    return report


# --------------------------------------------------------------------------- places


def _places(item: Item, session: Any) -> tuple[list[Place], int, int]:
    """The places with a longitude/latitude (given, or from the georeference), how many had
    to be derived, and how many are left out for want of one."""
    media = item.cover_media
    geo = georeference(item) if media is not None else None
    notes = session.scalars(
        select(Annotation).where(Annotation.item_id == item.id).order_by(Annotation.id)
    )
    places: list[Place] = []
    derived = skipped = 0
    for note in notes:
        lon, lat = note.lon, note.lat
        if lon is None or lat is None:
            on_cover = media is not None and note.media_id in (None, media.id)
            if geo is None or not on_cover:
                skipped += 1
                continue
            lon, lat = geo.to_lonlat(note.x, note.y)
            if not isinstance(geo, Equirectangular):
                lon = (lon + 180.0) % 360.0 - 180.0
            if not -90.0 <= lat <= 90.0:
                skipped += 1
                continue
            derived += 1
        places.append(
            Place(
                id=note.id,
                x=note.x,
                y=note.y,
                lon=lon,
                lat=lat,
                label=note.text_map("label"),
                text=note.text_map("text"),
                more={
                    f: note.text_map(f)
                    for f in ANNOTATION_TEXT_FIELDS
                    if f not in ("label", "text")
                },
            )
        )
    return places, derived, skipped


def export_places(
    catalog: Catalog,
    item_id: int,
    path: Path,
    fmt: str,
    *,
    base_uri: str | None = None,
    lang: str = "en",
) -> dict[str, Any]:
    """Write the map's places to ``path`` as ``fmt`` (geojson, kml or iiif); returns
    ``{item, file, format, written, derived, skipped}``."""
    if fmt not in FORMATS:
        raise InvalidInput(f"unknown format '{shown(fmt)}'; use {', '.join(FORMATS)}")
    path = _writable(path)
    base = _base(base_uri)
    with catalog.read_session() as session:
        item = get_item(session, item_id)
        places, derived, skipped = _places(item, session)
        name = item.accession_number
        if fmt == "geojson":
            text = geojson(places, name=name, lang=lang, fallback=catalog.fallback)
        elif fmt == "kml":
            text = kml(places, name=name, lang=lang, fallback=catalog.fallback)
        else:
            media = cover_of(item)
            medias = list(item.media)
            if media not in medias:
                medias.insert(0, media)
            picture = iiif.Picture(
                width=media.width,
                height=media.height,
                image_id=f"{base}/media/{media.sha256}",
                format=iiif.mime_type(media.format),
            )
            page = iiif_page(base, item_id, medias.index(media) + 1, picture, places)
            text = json.dumps(page, ensure_ascii=False, indent=2) + "\n"
    atomic_write(path, text)
    return {
        "item": item_id,
        "file": str(path),
        "format": fmt,
        "written": len(places),
        "derived": derived,
        "skipped": skipped,
    }
