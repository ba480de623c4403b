"""What the curator's two map editors read and change, one named function per action.

The annotation editor's changes (add, move, retitle, delete, bring back a place) each run in
one transaction and hand back the map's places as they now are, so the editor redraws from
what the catalogue holds. The georeference editor saves or restores control points. Every
function opens its own session and returns plain data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from exhibition_app.catalog import Catalog
from exhibition_app.core.georef import ControlPoint
from exhibition_app.db.models import Item
from exhibition_app.errors import not_found
from exhibition_app.operations.annotations import (
    add_annotation,
    delete_annotation,
    move_annotation,
    restore_annotation,
    restore_georef,
    set_annotation_texts,
    set_control_points,
)
from exhibition_app.operations.maps import annotations_of, georef_report

#: A map's places as ``annotations list`` gives them (id, x, y, lon, lat, label, text).
Places = list[dict[str, Any]]


@dataclass(frozen=True)
class MapSheet:
    """An item as the map editors head it: its title in every language, its accession
    number (for a map without a title), its places, its georeference and its picture's size
    in pixels."""

    titles: dict[str, str]
    accession_number: str
    places: Places
    georef: dict[str, Any]
    size: tuple[int, int] | None


def map_sheet(catalog: Catalog, item_id: int) -> MapSheet:
    """What the map editors show about item ``item_id`` besides its tiles."""
    with catalog.read_session() as session:
        item = session.get(Item, item_id)
        if item is None:
            raise not_found("item", item_id)
        media = item.cover_media
        return MapSheet(
            titles=item.text_map("title"),
            accession_number=item.accession_number,
            places=annotations_of(session, item_id),
            georef=georef_report(item),
            size=(media.width, media.height) if media is not None else None,
        )


def map_places(catalog: Catalog, item_id: int) -> Places:
    """The places on item ``item_id``'s map."""
    with catalog.read_session() as session:
        return annotations_of(session, item_id)


# -- places (annotations) ---------------------------------------------------------------------


def add_place(catalog: Catalog, item_id: int, x: float, y: float) -> tuple[int, Places]:
    """A new, unnamed place at image pixel (x, y): its id and the map's places."""
    with catalog.session() as session:
        new_id = add_annotation(session, item_id, x, y)
        return new_id, annotations_of(session, item_id)


def bring_back_place(catalog: Catalog, item_id: int, data: Mapping[str, Any]) -> tuple[int, Places]:
    """Re-create a deleted place from what :func:`remove_place` returned: its (possibly new)
    id and the map's places."""
    with catalog.session() as session:
        new_id = restore_annotation(session, data)
        return new_id, annotations_of(session, item_id)


def move_place(catalog: Catalog, item_id: int, place_id: int, x: float, y: float) -> Places:
    """Move a place to image pixel (x, y); the map's places."""
    with catalog.session() as session:
        move_annotation(session, place_id, x, y)
        return annotations_of(session, item_id)


def set_place_texts(
    catalog: Catalog, item_id: int, place_id: int, texts: Mapping[str, Mapping[str, str]]
) -> Places:
    """Set some of a place's label and text (``{field: {lang: value}}``); the map's places."""
    with catalog.session() as session:
        set_annotation_texts(session, place_id, texts)
        return annotations_of(session, item_id)


def remove_place(catalog: Catalog, item_id: int, place_id: int) -> tuple[dict[str, Any], Places]:
    """Delete a place: what :func:`bring_back_place` needs, and the map's places."""
    with catalog.session() as session:
        data = delete_annotation(session, place_id)
        return data, annotations_of(session, item_id)


# -- georeference ------------------------------------------------------------------------------


def save_control_points(
    catalog: Catalog, item_id: int, points: Sequence[ControlPoint], kind: str
) -> dict[str, Any]:
    """Fit ``points`` with ``kind`` and save it as the map's georeference; the report
    (with ``previous``, the document it replaced, for undo)."""
    with catalog.session() as session:
        return set_control_points(session, item_id, list(points), kind)


def put_back_georeference(catalog: Catalog, item_id: int, document: str | None) -> dict[str, Any]:
    """Give the map back the georeference ``document`` it had (None: none); the report."""
    with catalog.session() as session:
        return restore_georef(session, item_id, document)
