"""An item's pictures: add one (atomic, content-addressed), put them in order, choose the
cover. The curator's media panel calls these on the database worker, one transaction each."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import ItemMedia
from exhibition_app.errors import CatalogError
from exhibition_app.operations.ingest import discard_unreferenced, media_row
from exhibition_app.operations.queries import get_item


def media_order(session: Session, item_id: int) -> list[int]:
    return [link.media_id for link in get_item(session, item_id).media_links]


def add_media(catalog: Catalog, item_id: int, path: Path) -> int:
    """Store ``path`` and append it to the item's pictures; returns the media id. The same
    file twice is refused (it is already there); a refused image leaves nothing behind."""
    with catalog.read_session() as session:
        get_item(session, item_id)
    stored = catalog.store.put(path, max_pixels=catalog.max_pixels)
    try:
        with catalog.session() as session:
            item = get_item(session, item_id)
            media = media_row(session, stored, path.name)
            session.flush()
            if any(link.media_id == media.id for link in item.media_links):
                raise CatalogError(f"{path.name} is already one of this item's pictures")
            position = max((link.position for link in item.media_links), default=-1) + 1
            # No explicit cover means "the first picture", so adding one changes nothing there.
            item.media_links.append(ItemMedia(media=media, position=position))
            session.flush()
            return media.id
    except BaseException:
        discard_unreferenced(catalog, stored)
        raise


def reorder_media(session: Session, item_id: int, media_ids: Sequence[int]) -> None:
    """Put the item's pictures in this order (every one of them, each once)."""
    item = get_item(session, item_id)
    links = {link.media_id: link for link in item.media_links}
    if sorted(media_ids) != sorted(links) or len(set(media_ids)) != len(media_ids):
        raise CatalogError("the new order must name each of the item's pictures once")
    for position, media_id in enumerate(media_ids):
        links[media_id].position = position
    session.flush()
    session.expire(item, ["media_links"])


def set_cover(session: Session, item_id: int, media_id: int | None) -> int | None:
    """Make one of the item's pictures its cover; returns the previous cover's id."""
    item = get_item(session, item_id)
    if media_id is not None and media_id not in {link.media_id for link in item.media_links}:
        raise CatalogError(f"picture {media_id} is not one of item {item_id}'s pictures")
    previous = item.cover_media_id
    item.cover_media_id = media_id
    session.flush()
    return previous


def remove_media(session: Session, item_id: int, media_id: int) -> None:
    """Take a picture off the item (the stored file stays for other items and for undo;
    ``check --repair`` removes files no item uses)."""
    item = get_item(session, item_id)
    link = next((lk for lk in item.media_links if lk.media_id == media_id), None)
    if link is None:
        raise CatalogError(f"picture {media_id} is not one of item {item_id}'s pictures")
    item.media_links.remove(link)
    if item.cover_media_id == media_id:
        item.cover_media_id = None  # the first remaining picture
    session.flush()
