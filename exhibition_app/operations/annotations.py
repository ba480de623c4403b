"""Editing a map's annotations and control points one change at a time (Qt-free).

Every function works inside the caller's session (one unit of work per curator action) and
returns what an undo needs: :func:`delete_annotation` hands back everything that makes the
annotation, and :func:`restore_annotation` puts it back with the same id when that id is
still free, so later undo steps that name the annotation keep working.

Positions are in the full image's pixels. When the map is georeferenced the longitude and
latitude of a new or moved annotation are filled from the georeference; otherwise they are
left empty. Bad input raises ValueError with one sentence meant for the curator.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from exhibition_app.core.georef import KINDS, ControlPoint, GeorefError, check_points, fit, to_json
from exhibition_app.core.languages import LANGUAGES
from exhibition_app.db.models import ANNOTATION_TEXT_FIELDS, Annotation, Item, Media
from exhibition_app.errors import CatalogError, not_found
from exhibition_app.operations.maps import georef_report, georeference
from exhibition_app.operations.queries import cover_of, get_item

__all__ = [
    "Texts",
    "add_annotation",
    "delete_annotation",
    "move_annotation",
    "restore_annotation",
    "restore_georef",
    "set_annotation_texts",
    "set_control_points",
]

#: ``{field: {lang: value}}``, e.g. ``{"label": {"en": "Samarkand", "kk": "Самарқанд"}}``.
Texts = Mapping[str, Mapping[str, str]]


# --- lookups and checks ----------------------------------------------------------------------


def _annotation(session: Session, annotation_id: int) -> Annotation:
    note = session.get(Annotation, annotation_id)
    if note is None:
        raise not_found("annotation", annotation_id)
    return note


def _check_position(media: Media, x: float, y: float) -> tuple[float, float]:
    try:
        fx, fy = float(x), float(y)
    except (TypeError, ValueError):
        raise ValueError(f"The position ({x!r}, {y!r}) is not a pair of numbers.") from None
    if not (math.isfinite(fx) and math.isfinite(fy)):
        raise ValueError(f"The position ({x}, {y}) is not a finite point.")
    if not (0 <= fx <= media.width and 0 <= fy <= media.height):
        raise ValueError(
            f"The point ({fx:.0f}, {fy:.0f}) lies outside the image "
            f"({media.width} x {media.height} pixels)."
        )
    return fx, fy


def _check_texts(texts: Texts, *, any_language: bool = False) -> dict[str, dict[str, str]]:
    """The texts, stripped; ``any_language`` accepts every stored language code (a restore
    brings back the German of an imported KML as it was), else only the catalogue's."""
    if not isinstance(texts, Mapping):
        raise ValueError("Texts must be given as {field: {language: text}}.")
    clean: dict[str, dict[str, str]] = {}
    for field, by_lang in texts.items():
        if field not in ANNOTATION_TEXT_FIELDS:
            raise ValueError(
                f"An annotation has no field '{field}'; use {', '.join(ANNOTATION_TEXT_FIELDS)}."
            )
        if not isinstance(by_lang, Mapping):
            raise ValueError(f"The '{field}' texts must be given as {{language: text}}.")
        for lang, value in by_lang.items():
            known = (
                isinstance(lang, str) and 0 < len(lang) <= 8 if any_language else lang in LANGUAGES
            )
            if not known:
                raise ValueError(f"Unknown language '{lang}'; use {', '.join(LANGUAGES)}.")
            if value is not None and not isinstance(value, str):
                raise ValueError(f"The {field} in '{lang}' must be text, not {value!r}.")
            clean.setdefault(field, {})[lang] = (value or "").strip()
    return clean


def _lonlat(item: Item, x: float, y: float) -> tuple[float | None, float | None]:
    try:
        geo = georeference(item)
    except CatalogError:
        return None, None  # an unreadable georeference: leave the place without lon/lat
    if geo is None:
        return None, None
    lon, lat = geo.to_lonlat(x, y)
    return lon, lat


def _texts_of(note: Annotation) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for row in note.texts:
        if row.value:
            out.setdefault(row.field, {})[row.lang] = row.value
    return out


# --- annotations -----------------------------------------------------------------------------


def _add(session: Session, note: Annotation, texts: Texts) -> int:
    """Store a new annotation with its (checked) texts; returns its id."""
    for field, by_lang in texts.items():
        for lang, value in by_lang.items():
            note.set_text(field, lang, value)
    session.add(note)
    session.flush()
    return note.id


def add_annotation(
    session: Session, item_id: int, x: float, y: float, texts: Texts | None = None
) -> int:
    """Put a new annotation on the item's image at pixel (x, y); returns its id."""
    item = get_item(session, item_id)
    media = cover_of(item)
    fx, fy = _check_position(media, x, y)
    clean = _check_texts(texts or {})
    lon, lat = _lonlat(item, fx, fy)
    note = Annotation(item_id=item.id, media_id=media.id, x=fx, y=fy, lon=lon, lat=lat)
    return _add(session, note, clean)


def move_annotation(
    session: Session, annotation_id: int, x: float, y: float
) -> tuple[float, float]:
    """Move an annotation to pixel (x, y); returns where it was (for undo).

    Its longitude and latitude follow from the georeference, or are cleared when the map has
    none (the old ones would no longer describe the new point).
    """
    note = _annotation(session, annotation_id)
    item = get_item(session, note.item_id)
    fx, fy = _check_position(cover_of(item), x, y)
    before = (note.x, note.y)
    note.x, note.y = fx, fy
    note.lon, note.lat = _lonlat(item, fx, fy)
    session.flush()
    return before


def set_annotation_texts(
    session: Session, annotation_id: int, texts: Texts
) -> dict[str, dict[str, str]]:
    """Set the given fields and languages (an empty value removes that text); the others
    stay as they are. Returns the previous values of exactly those keys (for undo)."""
    note = _annotation(session, annotation_id)
    clean = _check_texts(texts)
    current = _texts_of(note)
    before = {
        field: {lang: current.get(field, {}).get(lang, "") for lang in by_lang}
        for field, by_lang in clean.items()
    }
    for field, by_lang in clean.items():
        for lang, value in by_lang.items():
            note.set_text(field, lang, value)
    session.flush()
    return before


def delete_annotation(session: Session, annotation_id: int) -> dict[str, Any]:
    """Delete an annotation; returns everything :func:`restore_annotation` needs."""
    note = _annotation(session, annotation_id)
    data: dict[str, Any] = {
        "id": note.id,
        "item_id": note.item_id,
        "media_id": note.media_id,
        "x": note.x,
        "y": note.y,
        "lon": note.lon,
        "lat": note.lat,
        "created_at": note.created_at.isoformat() if note.created_at else None,
        "texts": _texts_of(note),
    }
    session.delete(note)
    session.flush()
    return data


def restore_annotation(session: Session, data: Mapping[str, Any]) -> int:
    """Re-create an annotation from :func:`delete_annotation`'s data; returns its id (the
    old one unless another annotation has taken it since)."""
    try:
        item_id = int(data["item_id"])
        x, y = float(data["x"]), float(data["y"])
        wanted_id = int(data["id"]) if data.get("id") is not None else None
    except (KeyError, TypeError, ValueError):
        raise ValueError("The data to restore an annotation lacks its item or position.") from None
    item = get_item(session, item_id)
    clean = _check_texts(data.get("texts") or {}, any_language=True)
    media_id = data.get("media_id")
    if media_id is not None and session.get(Media, media_id) is None:
        media_id = None
    created = data.get("created_at")
    note = Annotation(
        item_id=item.id,
        media_id=media_id,
        x=x,
        y=y,
        lon=data.get("lon"),
        lat=data.get("lat"),
    )
    if isinstance(created, str):
        note.created_at = datetime.fromisoformat(created)
    if wanted_id is not None and session.get(Annotation, wanted_id) is None:
        note.id = wanted_id
    return _add(session, note, clean)


# --- control points --------------------------------------------------------------------------


def _control_point(i: int, point: ControlPoint | Mapping[str, Any]) -> ControlPoint:
    if isinstance(point, ControlPoint):
        return point
    try:
        return ControlPoint(
            float(point["x"]), float(point["y"]), float(point["lon"]), float(point["lat"])
        )
    except (KeyError, TypeError, ValueError):
        raise ValueError(f"Control point {i} needs numbers for x, y, lon and lat.") from None


def _sentence(message: str) -> str:
    text = message.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "."


def set_control_points(
    session: Session,
    item_id: int,
    points: Iterable[ControlPoint | Mapping[str, Any]],
    kind: str = "affine",
) -> dict[str, Any]:
    """Georeference the item's map by control points, fitted with ``kind``.

    The fit is checked before anything is saved (enough points, spread out, inside the
    image, latitudes on Earth). Returns :func:`~exhibition_app.operations.maps.georef_report`
    (kind, RMS and every residual in pixels) plus ``previous``: the georeference document it
    replaced, for :func:`restore_georef`.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown fit '{kind}'; use {' or '.join(KINDS)}.")
    item = get_item(session, item_id)
    media = cover_of(item)
    pts = [_control_point(i, p) for i, p in enumerate(points, 1)]
    try:
        check_points(pts, media.width, media.height)
        document = to_json(fit(pts, kind))
    except GeorefError as exc:
        raise ValueError(_sentence(str(exc))) from None
    previous = item.georef
    document |= _kept_mask(previous)
    item.georef = json.dumps(document)
    session.flush()
    report = georef_report(item)
    report["previous"] = previous
    return report


def _kept_mask(previous: str | None) -> dict[str, Any]:
    """The resource mask of the georeference being replaced (one imported from Allmaps):
    new control points on the same map keep the outline of what is map."""
    try:
        mask = json.loads(previous).get("mask") if previous else None
    except (ValueError, AttributeError):
        return {}
    return {"mask": mask} if isinstance(mask, list) else {}


def restore_georef(session: Session, item_id: int, document: str | None) -> dict[str, Any]:
    """Put back a georeference document as it was (``previous`` of
    :func:`set_control_points`; None removes the georeference). Returns the report."""
    item = get_item(session, item_id)
    if document is not None:
        try:
            json.loads(document)
        except ValueError:
            raise ValueError("The georeference to restore is not valid JSON.") from None
    previous = item.georef
    item.georef = document
    session.flush()
    report = georef_report(item)
    report["previous"] = previous
    return report
