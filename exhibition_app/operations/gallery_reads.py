"""What the visitor's screens read of the catalogue: the gallery, a search's items, and the
thumbnail files of the pictures.

Each function opens what it needs itself (a short read session, the thumbnail cache) and
returns plain data (exhibition_app.core.cards, item ids, a file path), so a screen runs it
on a worker and never holds a session or an ORM object.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from exhibition_app.catalog import Catalog
from exhibition_app.core.cards import GalleryData, ItemCard, MediaRef
from exhibition_app.db.search import search
from exhibition_app.operations.views import load_cards, load_gallery

#: How many items a search in the gallery shows at most.
SEARCH_LIMIT = 500


def read_gallery(catalog: Catalog, *, published_only: bool = False) -> GalleryData:
    """Every (published) item as cards, and the exhibitions with their sections (above
    ``views.COMPLETE_LIMIT`` items, light cards but for the first screen's)."""
    with catalog.read_session() as session:
        return load_gallery(session, published_only=published_only)


def read_cards(
    catalog: Catalog, ids: Iterable[int], *, published_only: bool = False
) -> dict[int, ItemCard]:
    """Whole cards for those of ``ids`` that still exist (and are published, if asked): a
    large gallery's light cards filled in as a screen shows them."""
    with catalog.read_session() as session:
        return load_cards(session, ids, published_only=published_only)


def find_item_ids(catalog: Catalog, query: str, *, limit: int = SEARCH_LIMIT) -> list[int]:
    """The ids of the items matching ``query`` (any language, prefix matches), best first."""
    with catalog.read_session() as session:
        return search(session, query, limit=limit).item_ids


def thumbnail_file(catalog: Catalog, media: MediaRef, side: int) -> Path:
    """The cached thumbnail (JPEG, longest side ``side``) of a picture, made first if need be."""
    return catalog.thumbs.get(media.sha256, catalog.store.abspath(media.relpath), side)
