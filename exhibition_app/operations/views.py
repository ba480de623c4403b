"""Plain, immutable view data for the UI, loaded in one session on the database worker.

The UI never holds ORM objects: these dataclasses cross from the worker thread to the main
thread safely and hold every language, so switching language needs no database round trip.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from exhibition_app.db.models import ITEM_TEXT_FIELDS, Exhibition, Item, ItemRelation

Texts = dict[str, str]


@dataclass(frozen=True)
class MediaRef:
    relpath: str
    sha256: str
    width: int
    height: int


@dataclass(frozen=True)
class ItemCard:
    """What a gallery tile and an item page need to know about one item."""

    id: int
    kind: str
    accession_number: str
    country: str | None
    date_edtf: str | None
    date_earliest: int | None
    date_latest: int | None
    rights: str | None
    source: str | None
    featured: bool
    published: bool
    texts: dict[str, Texts]
    cover: MediaRef | None
    media: tuple[MediaRef, ...]
    tags: tuple[str, ...]
    #: (relation, other item id, forward): forward when this item is the link's subject.
    related: tuple[tuple[str, int, bool], ...] = ()

    def text(self, field_name: str) -> Texts:
        return self.texts.get(field_name, {})


@dataclass(frozen=True)
class SectionView:
    id: int
    title: Texts
    narrative: Texts
    item_ids: tuple[int, ...]


@dataclass(frozen=True)
class ExhibitionView:
    id: int
    key: str
    published: bool
    title: Texts
    introduction: Texts
    sections: tuple[SectionView, ...]

    @property
    def item_ids(self) -> tuple[int, ...]:
        seen: dict[int, None] = {}
        for section in self.sections:
            seen.update(dict.fromkeys(section.item_ids))
        return tuple(seen)


@dataclass(frozen=True)
class GalleryData:
    items: dict[int, ItemCard]
    order: tuple[int, ...]
    exhibitions: tuple[ExhibitionView, ...] = field(default=())


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
