"""Read-side operations: listing items and exhibitions as plain data."""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import (
    ITEM_TEXT_FIELDS,
    Exhibition,
    Item,
    Media,
)
from exhibition_app.errors import InvalidInput, not_found


def get_item(session: Session, item_id: int) -> Item:
    """The item ``item_id``; NotFound (``no item 99999``) if there is none."""
    item = session.get(Item, item_id)
    if item is None:
        raise not_found("item", item_id)
    return item


def cover_of(item: Item) -> Media:
    """The item's cover picture; InvalidInput (``item 7 has no image to work on``) if none."""
    media = item.cover_media
    if media is None:
        raise InvalidInput(f"item {item.id} has no image to work on")
    return media


def exists(session: Session, entity: Literal["item", "exhibition"], entity_id: int) -> bool:
    """Whether the item or exhibition ``entity_id`` is in the catalogue."""
    return session.get(Exhibition if entity == "exhibition" else Item, entity_id) is not None


def list_items(session: Session, *, published_only: bool = False) -> list[Item]:
    stmt = select(Item).order_by(Item.id)
    if published_only:
        stmt = stmt.where(Item.published.is_(True))
    return list(session.scalars(stmt))


def list_exhibitions(session: Session, *, published_only: bool = False) -> list[Exhibition]:
    stmt = select(Exhibition).order_by(Exhibition.id)
    if published_only:
        stmt = stmt.where(Exhibition.published.is_(True))
    return list(session.scalars(stmt))


def item_to_dict(catalog: Catalog, item: Item, *, full: bool = False) -> dict[str, Any]:
    """The JSON shape of ``items list --json``; ``full`` adds every field."""
    data: dict[str, Any] = {
        "id": item.id,
        "kind": item.kind,
        "accession_number": item.accession_number,
        "title": item.text_map("title"),
        "published": item.published,
        "media": [
            {
                "path": str(catalog.store.abspath(m.relpath)),
                "width": m.width,
                "height": m.height,
                "sha256": m.sha256,
                "format": m.format,
            }
            for m in item.media
        ],
    }
    if full:
        for field in ITEM_TEXT_FIELDS:
            if field != "title":
                data[field] = item.text_map(field)
        data.update(
            country=item.country,
            date_edtf=item.date_edtf,
            date_earliest=item.date_earliest,
            date_latest=item.date_latest,
            rights=item.rights,
            source=item.source,
            tags=item.tags,
            featured=item.featured,
            created_at=item.created_at.isoformat(),
            updated_at=item.updated_at.isoformat(),
        )
    return data


def exhibition_to_dict(exhibition: Exhibition) -> dict[str, Any]:
    """The JSON shape of ``exhibitions list --json``."""
    return {
        "id": exhibition.id,
        "key": exhibition.key,
        "title": exhibition.text_map("title"),
        "introduction": exhibition.text_map("introduction"),
        "published": exhibition.published,
        "sections": [
            {"title": s.text_map("title"), "items": s.item_ids} for s in exhibition.sections
        ],
    }
