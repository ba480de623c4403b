"""Loading the UI's view data (exhibition_app.core.cards) in one session, on the DB worker.

The UI never holds ORM objects: the cards cross from the worker thread to the main thread.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from exhibition_app.core.cards import ExhibitionView, GalleryData, ItemCard, MediaRef, SectionView
from exhibition_app.db.models import ITEM_TEXT_FIELDS, Exhibition, Item, ItemRelation

__all__ = ["ExhibitionView", "GalleryData", "ItemCard", "MediaRef", "SectionView", "load_gallery"]


def _media_ref(media: object) -> MediaRef:
    return MediaRef(
        relpath=media.relpath,  # type: ignore[attr-defined]
        sha256=media.sha256,  # type: ignore[attr-defined]
        width=media.width,  # type: ignore[attr-defined]
        height=media.height,  # type: ignore[attr-defined]
    )


def item_card(item: Item) -> ItemCard:
    cover = item.cover_media
    return ItemCard(
        id=item.id,
        kind=item.kind,
        accession_number=item.accession_number,
        country=item.country,
        date_edtf=item.date_edtf,
        date_earliest=item.date_earliest,
        date_latest=item.date_latest,
        rights=item.rights,
        source=item.source,
        featured=item.featured,
        published=item.published,
        texts={f: item.text_map(f) for f in ITEM_TEXT_FIELDS if item.text_map(f)},
        cover=_media_ref(cover) if cover is not None else None,
        media=tuple(_media_ref(m) for m in item.media),
        tags=tuple(item.tags),
        related=tuple((r.relation, r.object_id, True) for r in item.relations),
    )


def load_gallery(session: Session, *, published_only: bool = False) -> GalleryData:
    """Every (published) item as cards, and the exhibitions with their sections."""
    stmt = select(Item).order_by(Item.id)
    ex_stmt = select(Exhibition).order_by(Exhibition.id)
    if published_only:
        stmt = stmt.where(Item.published.is_(True))
        ex_stmt = ex_stmt.where(Exhibition.published.is_(True))
    items = {item.id: item_card(item) for item in session.scalars(stmt)}
    # Reverse links, so the globe knows its redrawings as well as they know it.
    reverse: dict[int, list[tuple[str, int, bool]]] = {}
    for rel in session.scalars(select(ItemRelation)):
        reverse.setdefault(rel.object_id, []).append((rel.relation, rel.subject_id, False))
    for item_id, links in reverse.items():
        card = items.get(item_id)
        if card is not None:
            extra = tuple(link for link in links if link[1] in items)
            items[item_id] = _replace_related(card, card.related + extra)
    exhibitions = tuple(
        ExhibitionView(
            id=ex.id,
            key=ex.key,
            published=ex.published,
            title=ex.text_map("title"),
            introduction=ex.text_map("introduction"),
            sections=tuple(
                SectionView(
                    id=s.id,
                    title=s.text_map("title"),
                    narrative=s.text_map("narrative"),
                    item_ids=tuple(i for i in s.item_ids if i in items),
                )
                for s in ex.sections
            ),
        )
        for ex in session.scalars(ex_stmt)
    )
    return GalleryData(items=items, order=tuple(items), exhibitions=exhibitions)


def _replace_related(card: ItemCard, related: tuple[tuple[str, int, bool], ...]) -> ItemCard:
    from dataclasses import replace

    return replace(card, related=related)
