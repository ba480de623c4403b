"""What the deep-zoom map panel shows of a map: its tile set, hotspots and georeference.

:func:`read_map` runs on a worker: it reads the map's annotations and georeference in a
short session of its own, then makes sure the tile set exists (building it the first time,
with progress and cancellation). The result is plain data; the panel parses the tile set
itself.

The data types are cheap to import (the panel's module defines its own on them); the database
stack loads with the first read, on the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from exhibition_app.core.georef import Georef
from exhibition_app.core.vocabulary import NOW_LAYER_TAG
from exhibition_app.errors import NotFound

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from exhibition_app.catalog import Catalog


@dataclass(frozen=True)
class MapNote:
    """A hotspot: a place on the map in the image's pixels, with its texts by language."""

    id: int
    x: float
    y: float
    label: dict[str, str]
    text: dict[str, str]
    #: Who wrote the text (and translated it), by language.
    credit: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class NowLayer:
    """A modern whole-world map a visitor may lay over a historic one."""

    id: int
    title: dict[str, str]
    credit: dict[str, str]
    pixels: int


@dataclass(frozen=True)
class MapContent:
    info_json: Path
    notes: tuple[MapNote, ...]
    #: The parsed georeference (core.georef, plain data) or None.
    geo: Georef | None
    width: int
    height: int
    #: The "now" layers for this map, sharpest first (the first is the default); empty for
    #: a map without a georeference, which nothing can be aligned with.
    layers: tuple[NowLayer, ...]


def read_map(
    catalog: Catalog,
    item_id: int,
    *,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> MapContent:
    """The map of item ``item_id``, its tile set built if need be (``progress`` gets the
    fraction done; ``cancel`` stops the build). NotFound when there is no picture to show."""
    from exhibition_app.db.models import Item
    from exhibition_app.operations.maps import annotations_of, ensure_tiles, georeference

    with catalog.read_session() as session:
        item = session.get(Item, item_id)
        if item is None or item.cover_media is None:
            raise NotFound("this map has no image yet")
        media = item.cover_media
        notes = tuple(
            MapNote(n["id"], n["x"], n["y"], n["label"], n["text"], n["credit"])
            for n in annotations_of(session, item_id)
        )
        geo, width, height = georeference(item), media.width, media.height
        layers = now_layers(session, exclude=item_id) if geo is not None else ()
    info = ensure_tiles(catalog, media, progress=progress, cancel=cancel)
    return MapContent(info, notes, geo, width, height, layers)


def now_layers(session: Session, *, exclude: int | None = None) -> tuple[NowLayer, ...]:
    """Maps tagged ``now layer`` that have a picture and a georeference, sharpest first."""
    from sqlalchemy import select

    from exhibition_app.db.models import Item, ItemTag

    found = []
    query = select(Item).join(ItemTag, ItemTag.item_id == Item.id)
    query = query.where(ItemTag.tag == NOW_LAYER_TAG, Item.kind == "map")
    for item in session.scalars(query.order_by(Item.id)):
        media = item.cover_media
        if item.id == exclude or media is None or not item.georef:
            continue
        found.append(
            NowLayer(
                item.id,
                item.text_map("title"),
                item.text_map("credit_line"),
                media.width * media.height,
            )
        )
    found.sort(key=lambda layer: -layer.pixels)
    return tuple(found)
