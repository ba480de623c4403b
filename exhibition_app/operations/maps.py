"""Map operations: georeference, tile pyramids and annotations (Qt-free).

Tile sets are derived files: ``assets/tiles/<sha256 of the image>/info.json`` and the IIIF
level-0 tiles beside it, built once per image and rebuilt only when the image changes (the
folder is named by content). Annotations sit on a map in the image's own pixels; a KML
placemark at (lon, lat) lands where the map's georeference puts it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exhibition_app.catalog import Catalog
from exhibition_app.core.durable import atomic_write
from exhibition_app.core.georef import Equirectangular, Fitted, GeorefError, from_json
from exhibition_app.db.engine import CatalogError
from exhibition_app.db.models import Annotation, Item, Media

GEOREF_KINDS = ("equirectangular",)


def tiles_dir(catalog: Catalog, media: Media) -> Path:
    """Where the image's tile set is: in the assets folder; on a read-only shared one, the
    share's set when it has a finished one, else the set built in this account's cache."""
    shared = catalog.assets / "tiles" / media.sha256
    if catalog.cache == catalog.assets:
        return shared
    from exhibition_app.imaging.tiles import is_current

    return shared if is_current(shared, media.sha256) else catalog.cache / "tiles" / media.sha256


def _item(session: Session, item_id: int) -> Item:
    item = session.get(Item, item_id)
    if item is None:
        raise CatalogError(f"no item with id {item_id}")
    return item


def _cover(item: Item) -> Media:
    media = item.cover_media
    if media is None:
        raise CatalogError(f"item {item.id} has no image to work on")
    return media


def ensure_tiles(
    catalog: Catalog,
    media: Media,
    *,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path:
    """The info.json of the image's tile set, building it first if it is missing or stale."""
    from exhibition_app.imaging.build_lock import exclusive
    from exhibition_app.imaging.tiles import TilesCancelled, build_tiles, is_current

    dest = tiles_dir(catalog, media)
    if is_current(dest, media.sha256):
        return dest / "info.json"

    def cancelled() -> None:
        raise TilesCancelled("tile building was cancelled")

    # One builder at a time: a second one would redo minutes of work, and its swap would
    # briefly take away the folder the first one's caller is reading.
    with exclusive(dest, cancel, cancelled):
        if is_current(dest, media.sha256):  # built by whoever held the lock before us
            return dest / "info.json"
        dest.parent.mkdir(parents=True, exist_ok=True)
        info = build_tiles(
            catalog.store.abspath(media.relpath),
            dest,
            progress=progress,
            cancel=cancel,
            max_pixels=catalog.max_pixels,
            source_sha256=media.sha256,
        )
    return info.path


def build_item_tiles(
    catalog: Catalog, item_id: int, *, base_uri: str | None = None, **kwargs: Any
) -> Path:
    """The item's tile set; ``base_uri`` sets the IIIF ``id`` web clients build URLs from."""
    if base_uri is not None:
        _check_base_uri(base_uri)  # before minutes of tiling, not after
    with catalog.read_session() as session:
        media = _cover(_item(session, item_id))
    info = ensure_tiles(catalog, media, **kwargs)
    if base_uri is not None:
        set_base_uri(info, base_uri)
    return info


def _check_base_uri(base_uri: str) -> None:
    if not base_uri.startswith(("http://", "https://", "file:")):
        raise CatalogError(f"'{base_uri}' is not an http(s) address for the tile set")


def set_base_uri(info_json: Path, base_uri: str) -> None:
    """Point a tile set's ``id`` at where it is served (the tiles do not depend on it).

    The default ``id`` is a file: URI, which a browser refuses; an IIIF client on the web
    needs the http(s) address of the folder holding info.json.
    """
    _check_base_uri(base_uri)
    doc = json.loads(info_json.read_text(encoding="utf-8"))
    doc["id"] = base_uri.rstrip("/")
    atomic_write(info_json, json.dumps(doc, indent=2))


def georeference(item: Item) -> Equirectangular | Fitted | None:
    """The item's georeference for its cover image, or None."""
    if not item.georef:
        return None
    media = item.cover_media
    if media is None:
        return None
    try:
        return from_json(json.loads(item.georef), width=media.width, height=media.height)
    except (ValueError, GeorefError) as exc:
        raise CatalogError(f"item {item.id} has an unreadable georeference: {exc}") from exc


def set_georef(item: Item, kind: str) -> None:
    if kind not in GEOREF_KINDS:
        raise CatalogError(f"unknown georeference '{kind}': use {', '.join(GEOREF_KINDS)}")
    item.georef = json.dumps({"type": kind})


def georef_report(item: Item) -> dict[str, Any]:
    """What ``georef show`` prints: the kind and, for control points, every residual."""
    geo = georeference(item)
    if geo is None:
        return {"item": item.id, "type": None}
    if isinstance(geo, Equirectangular):
        return {"item": item.id, "type": "equirectangular"}
    return {
        "item": item.id,
        "type": "control_points",
        "kind": geo.kind,
        "rms": geo.rms,
        "points": [
            {"x": p.x, "y": p.y, "lon": p.lon, "lat": p.lat, "residual": r}
            for p, r in zip(geo.points, geo.residuals(), strict=True)
        ],
    }


def georeference_item(
    catalog: Catalog,
    item_id: int,
    *,
    equirectangular: bool = False,
    points_file: Path | None = None,
    kind: str = "affine",
) -> dict[str, Any]:
    """Set a map's georeference (whole-world plate carree, or fitted control points).

    Control points come as JSON: ``[{"x": .., "y": .., "lon": .., "lat": ..}, ...]`` in the
    image's pixels; the fit is checked (enough points, not collinear) before anything is
    saved, and the residuals come back so a curator sees which point is off.
    """
    from exhibition_app.core.georef import ControlPoint, fit, to_json

    if equirectangular == (points_file is not None):
        raise CatalogError("give either --equirectangular or --points FILE")
    document: dict[str, object]
    if points_file is not None:
        try:
            raw = json.loads(points_file.read_text(encoding="utf-8"))
            points = [
                ControlPoint(float(p["x"]), float(p["y"]), float(p["lon"]), float(p["lat"]))
                for p in raw
            ]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CatalogError(
                f"{points_file.name}: expected a JSON list of {{x, y, lon, lat}} ({exc})"
            ) from exc
        document = to_json(fit(points, kind))
    else:
        document = {"type": "equirectangular"}
    with catalog.session() as session:
        item = _item(session, item_id)
        _cover(item)
        item.georef = json.dumps(document)
        return georef_report(item)


def import_kml(
    catalog: Catalog, item_id: int, path: Path, *, lang: str = "en"
) -> tuple[int, list[str]]:
    """Add the KML file's placemarks to the map as annotations, all or none.

    Returns (imported, skipped reasons). The map must be georeferenced.
    """
    from exhibition_app.interop.kml import read_kml

    result = read_kml(path)
    with catalog.session() as session:
        item = _item(session, item_id)
        geo = georeference(item)
        if geo is None:
            raise CatalogError(
                f"item {item_id} is not georeferenced, so KML places cannot be put on it "
                "(import the map with --georef equirectangular)"
            )
        media = _cover(item)
        for mark in result.placemarks:
            x, y = geo.to_pixel(mark.lon, mark.lat)
            note = Annotation(item=item, media_id=media.id, x=x, y=y, lon=mark.lon, lat=mark.lat)
            note.set_text("label", lang, mark.name)
            note.set_text("text", lang, mark.description)
            session.add(note)
    return len(result.placemarks), list(result.skipped)


def annotations_of(session: Session, item_id: int) -> list[dict[str, Any]]:
    """The JSON shape of ``annotations list``."""
    _item(session, item_id)
    notes = session.scalars(
        select(Annotation).where(Annotation.item_id == item_id).order_by(Annotation.id)
    )
    return [
        {
            "id": n.id,
            "x": n.x,
            "y": n.y,
            "lon": n.lon,
            "lat": n.lat,
            "label": n.text_map("label"),
            "text": n.text_map("text"),
        }
        for n in notes
    ]
