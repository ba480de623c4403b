"""Loading the UI's view data (exhibition_app.core.cards) in one session, on the DB worker.

The UI never holds ORM objects: the cards cross from the worker thread to the main thread.
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import ColumnElement, select, true
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

__all__ = [
    "COMPLETE_LIMIT",
    "ExhibitionView",
    "GalleryData",
    "ItemCard",
    "MediaRef",
    "SectionView",
    "load_cards",
    "load_gallery",
]

#: Up to this many items the gallery is read whole. Above it, every item comes as a light
#: card (its own columns: enough to count, filter and order it) and a card's texts, pictures,
#: tags and links are read when a screen first shows it (:func:`load_cards`): reading them all
#: costs about 25 us an item in Python, 2.5 s at 100,000 items, whichever way it is queried.
COMPLETE_LIMIT = 2000
#: How many cards of a large gallery are read whole at once: the first screen's worth.
FIRST_CARDS = 48


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
    """A card from an Item and what the caller gathered."""
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


def _wanted(published_only: bool) -> ColumnElement[bool]:
    return Item.published.is_(True) if published_only else true()


#: The columns of an item row, in the order of ``_item_rows``' tuples.
ID, COVER, FEATURED = 0, 11, 9


def _item_rows(session: Session, where: ColumnElement[bool]) -> Sequence[tuple[Any, ...]]:
    """The item columns a card takes, as plain tuples (see ``ID``, ``COVER``, ``FEATURED``).

    Fetched on the driver's own cursor: 0.1 s for 100,000 rows, where SQLAlchemy's result
    rows took 0.3. Safe to render: ``where`` holds only ids and flags the code made.
    """
    stmt = (
        select(
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
        )
        .where(where)
        .order_by(Item.id)
    )
    connection = session.connection()
    sql = str(stmt.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql)
        return [tuple(row) for row in cursor.fetchall()]
    finally:
        cursor.close()


def _row_card(
    row: tuple[Any, ...],
    *,
    texts: dict[str, dict[str, str]],
    cover: MediaRef | None,
    media: tuple[MediaRef, ...],
    tags: tuple[str, ...],
    related: tuple[tuple[str, int, bool], ...],
    complete: bool = True,
) -> ItemCard:
    """A card from an item row's tuple (positional: 2 us a card, where reading a row's
    columns by name took 7)."""
    i, kind, number, country, edtf, earliest, latest, rights, source, featured, published = row[:11]
    return ItemCard(
        i, kind, number, country, edtf, earliest, latest, rights, source, bool(featured),
        bool(published), texts, cover, media, tags, related, complete,
    )  # fmt: skip


def _complete_cards(
    session: Session,
    rows: Sequence[Any],
    *,
    published_only: bool,
    ids: Collection[int] | None,
) -> dict[int, ItemCard]:
    """Whole cards for ``rows``: every shown item's (``ids`` None) or those ``ids``'."""
    wanted = _wanted(published_only)
    chosen: Any = select(Item.id).where(wanted).scalar_subquery() if ids is None else list(ids)

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
    covers = {row[COVER] for row in rows if row[COVER] is not None} - set(refs)
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
    # Reverse links, so the globe knows its redrawings as well as they know it; only from
    # items that are shown too.
    reverse: dict[int, list[tuple[str, int, bool]]] = {}
    links = select(ItemRelation.subject_id, ItemRelation.object_id, ItemRelation.relation)
    order = (ItemRelation.subject_id, ItemRelation.object_id, ItemRelation.relation)
    if ids is None:
        shown = {row[ID] for row in rows}
        for subject, obj, relation in session.execute(links.order_by(*order)):
            forward.setdefault(subject, []).append((relation, obj, True))
            if subject in shown:
                reverse.setdefault(obj, []).append((relation, subject, False))
    else:
        for subject, obj, relation in session.execute(
            links.where(ItemRelation.subject_id.in_(chosen)).order_by(*order)
        ):
            forward.setdefault(subject, []).append((relation, obj, True))
        for subject, obj, relation in session.execute(
            links.join(Item, Item.id == ItemRelation.subject_id)
            .where(ItemRelation.object_id.in_(chosen), wanted)
            .order_by(*order)
        ):
            reverse.setdefault(obj, []).append((relation, subject, False))

    cards: dict[int, ItemCard] = {}
    for row in rows:
        item_id = row[ID]
        own = pictures.get(item_id, [])
        cover = refs.get(row[COVER]) if row[COVER] is not None else None
        fields = texts.get(item_id, {})
        cards[item_id] = _row_card(
            row,
            texts={f: fields[f] for f in ITEM_TEXT_FIELDS if fields.get(f)},
            cover=cover if cover is not None else (own[0] if own else None),
            media=tuple(own),
            tags=tuple(tags.get(item_id, ())),
            related=tuple(forward.get(item_id, ())) + tuple(reverse.get(item_id, ())),
        )
    return cards


def _light_card(row: tuple[Any, ...]) -> ItemCard:
    return _row_card(row, texts={}, cover=None, media=(), tags=(), related=(), complete=False)


def load_cards(
    session: Session, ids: Iterable[int], *, published_only: bool = False
) -> dict[int, ItemCard]:
    """Whole cards for those of ``ids`` that exist (and are published, if asked)."""
    wanted = sorted(set(ids))
    cards: dict[int, ItemCard] = {}
    for start in range(0, len(wanted), 500):  # well under every engine's parameter limit
        chunk = wanted[start : start + 500]
        rows = _item_rows(session, Item.id.in_(chunk) & _wanted(published_only))
        cards |= _complete_cards(
            session, rows, published_only=published_only, ids=[row[ID] for row in rows]
        )
    return cards


def load_gallery(
    session: Session,
    *,
    published_only: bool = False,
    complete_limit: int | None = COMPLETE_LIMIT,
) -> GalleryData:
    """Every (published) item as cards, and the exhibitions with their sections.

    Read with a handful of plain SELECTs (items, texts, pictures, tags, relations), not ORM
    objects: a kiosk loads the gallery at start and after every publication, and building an
    object per text row cost about a second per 3,000 items. The cards are the same as
    :func:`item_card` makes (a test compares them on both engines).

    Above ``complete_limit`` items (None: no limit) the cards are light
    (``ItemCard.complete`` False) except the first screen's: the featured items, the first
    exhibition's first items and the first items in order. A screen reads the rest with
    :func:`load_cards` as it shows them.
    """
    with _collector_paused():
        return _load_gallery(session, published_only, complete_limit)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic collector paused while a gallery's cards are made: each of its passes
    walks every card made so far, which cost 0.25 s of 0.6 at 100,000 items. The cards hold no
    cycles; whatever else is made meanwhile is collected after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_gallery(
    session: Session, published_only: bool, complete_limit: int | None
) -> GalleryData:
    rows = _item_rows(session, _wanted(published_only))
    exhibitions = _exhibitions(session, published_only, {row[ID] for row in rows})
    if complete_limit is None or len(rows) <= complete_limit:
        items = _complete_cards(session, rows, published_only=published_only, ids=None)
    else:
        items = {row[ID]: _light_card(row) for row in rows}
        first = [row[ID] for row in rows if row[FEATURED]][:FIRST_CARDS]
        if exhibitions:
            first += list(exhibitions[0].item_ids[:FIRST_CARDS])
        first += [row[ID] for row in rows[:FIRST_CARDS]]
        items |= load_cards(session, first, published_only=published_only)
    return GalleryData(items=items, order=tuple(items), exhibitions=exhibitions)


def _exhibitions(
    session: Session, published_only: bool, shown: Collection[int]
) -> tuple[ExhibitionView, ...]:
    return tuple(
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
                    item_ids=tuple(i for i in s.item_ids if i in shown),
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
