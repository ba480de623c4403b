"""Plain, immutable view data for the UI: what a gallery tile or an item page shows.

Loaded in one session on the database worker (exhibition_app.operations.views) and handed
to the main thread; they hold every language, so switching language needs no database
round trip. No SQLAlchemy here, so the UI can import them before the catalogue is open.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
