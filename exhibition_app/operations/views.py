"""Loading the UI's view data (exhibition_app.core.cards) in one session, on the DB worker.

The UI never holds ORM objects: the cards cross from the worker thread to the main thread.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from exhibition_app.core.cards import ExhibitionView, GalleryData, ItemCard, MediaRef, SectionView
from exhibition_app.db.models import (
    ITEM_TEXT_FIELDS,
    Exhibition,
    Item,
    ItemMedia,
    ItemRelation,
    ItemTag,
    ItemText,
    Media,
)

__all__ = ["ExhibitionView", "GalleryData", "ItemCard", "MediaRef", "SectionView", "load_gallery"]


def _media_ref(media: object) -> MediaRef:
    return MediaRef(
        relpath=media.relpath,  # type: ignore[attr-defined]
        sha256=media.sha256,  # type: ignore[attr-defined]
        width=media.width,  # type: ignore[attr-defined]
        height=media.height,  # type: ignore[attr-defined]
    )


def _card(
    row: Any,
    *,
    texts: dict[str, dict[str, str]],
    cover: MediaRef | None,
    media: tuple[MediaRef, ...],
    tags: tuple[str, ...],
    related: tuple[tuple[str, int, bool], ...],
) -> ItemCard:
    """A card from an Item, or a row of its columns, and what the caller gathered."""
    return ItemCard(
        id=row.id,
        kind=row.kind,
        accession_number=row.accession_number,
        country=row.country,
        date_edtf=row.date_edtf,
        date_earliest=row.date_earliest,
        date_latest=row.date_latest,
        rights=row.rights,
        source=row.source,
        featured=bool(row.featured),
        published=bool(row.published),
        texts=texts,
        cover=cover,
        media=media,
        tags=tags,
        related=related,
    )


def item_card(item: Item) -> ItemCard:
    cover = item.cover_media
    return _card(
        item,
        texts={f: item.text_map(f) for f in ITEM_TEXT_FIELDS if item.text_map(f)},
        cover=_media_ref(cover) if cover is not None else None,
        media=tuple(_media_ref(m) for m in item.media),
        tags=tuple(item.tags),
        related=tuple((r.relation, r.object_id, True) for r in item.relations),
    )


def load_gallery(session: Session, *, published_only: bool = False) -> GalleryData:
    """Every (published) item as cards, and the exhibitions with their sections.

    Read with a handful of plain SELECTs (items, texts, pictures, tags, relations), not ORM
    objects: a kiosk loads the whole gallery at start and after every publication, and
    building an object per text row cost about a second per 3,000 items. The cards are the
    same as :func:`item_card` makes (a test compares them on both engines).
    """
    wanted = Item.published.is_(True) if published_only else true()
    items_q = select(
        Item.id,
        Item.kind,
        Item.accession_number,
        Item.country,
        Item.date_edtf,
        Item.date_earliest,
        Item.date_latest,
        Item.rights,
        Item.source,
        Item.featured,
        Item.published,
        Item.cover_media_id,
    ).where(wanted)
    rows = session.execute(items_q.order_by(Item.id)).all()
    chosen = select(Item.id).where(wanted).scalar_subquery()

    texts: dict[int, dict[str, dict[str, str]]] = {}
    for item_id, field, lang, value in session.execute(
        select(ItemText.item_id, ItemText.field, ItemText.lang, ItemText.value)
        .where(ItemText.item_id.in_(chosen))
        .order_by(ItemText.item_id, ItemText.field, ItemText.lang)
    ):
        if value:
            texts.setdefault(item_id, {}).setdefault(field, {})[lang] = value

    refs: dict[int, MediaRef] = {}
    pictures: dict[int, list[MediaRef]] = {}
    for item_id, media_id, relpath, sha, width, height in session.execute(
        select(ItemMedia.item_id, Media.id, Media.relpath, Media.sha256, Media.width, Media.height)
        .join(Media, Media.id == ItemMedia.media_id)
        .where(ItemMedia.item_id.in_(chosen))
        .order_by(ItemMedia.item_id, ItemMedia.position)
    ):
        ref = refs.setdefault(media_id, MediaRef(relpath, sha, width, height))
        pictures.setdefault(item_id, []).append(ref)
    covers = {row.cover_media_id for row in rows if row.cover_media_id is not None} - set(refs)
    if covers:
        for media_id, relpath, sha, width, height in session.execute(
            select(Media.id, Media.relpath, Media.sha256, Media.width, Media.height).where(
                Media.id.in_(covers)
            )
        ):
            refs[media_id] = MediaRef(relpath, sha, width, height)

    tags: dict[int, list[str]] = {}
    for item_id, tag in session.execute(
        select(ItemTag.item_id, ItemTag.tag)
        .where(ItemTag.item_id.in_(chosen))
        .order_by(ItemTag.item_id, ItemTag.tag)
    ):
        tags.setdefault(item_id, []).append(tag)

    forward: dict[int, list[tuple[str, int, bool]]] = {}
    # Reverse links, so the globe knows its redrawings as well as they know it.
    reverse: dict[int, list[tuple[str, int, bool]]] = {}
    for subject, obj, relation in session.execute(
        select(ItemRelation.subject_id, ItemRelation.object_id, ItemRelation.relation).order_by(
            ItemRelation.subject_id, ItemRelation.object_id, ItemRelation.relation
        )
    ):
        forward.setdefault(subject, []).append((relation, obj, True))
        reverse.setdefault(obj, []).append((relation, subject, False))

    shown = {row.id for row in rows}
    items: dict[int, ItemCard] = {}
    for row in rows:
        own = pictures.get(row.id, [])
        cover = refs.get(row.cover_media_id) if row.cover_media_id is not None else None
        fields = texts.get(row.id, {})
        items[row.id] = _card(
            row,
            texts={f: fields[f] for f in ITEM_TEXT_FIELDS if fields.get(f)},
            cover=cover if cover is not None else (own[0] if own else None),
            media=tuple(own),
            tags=tuple(tags.get(row.id, ())),
            related=tuple(forward.get(row.id, ()))
            + tuple(link for link in reverse.get(row.id, ()) if link[1] in shown),
        )
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
        for ex in session.scalars(
            select(Exhibition)
            .where(Exhibition.published.is_(True) if published_only else true())
            .order_by(Exhibition.id)
        )
    )
    return GalleryData(items=items, order=tuple(items), exhibitions=exhibitions)
