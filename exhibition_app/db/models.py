"""The catalogue schema as SQLAlchemy 2.x typed ORM classes.

Free text is multilingual: every translatable field of an item, exhibition, section or
annotation lives in a ``*_text`` table keyed by (owner, field, lang). Schema changes go
through Alembic migrations in ``exhibition_app/db/migrations``, never ``create_all``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import ClassVar, TypeVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from exhibition_app.core.stats import EVENT_KINDS

# The fixed vocabularies, re-exported: callers import them from here or from core.
from exhibition_app.core.vocabulary import ITEM_TEXT_FIELDS as ITEM_TEXT_FIELDS
from exhibition_app.core.vocabulary import KINDS as KINDS
from exhibition_app.core.vocabulary import RELATIONS as RELATIONS

EXHIBITION_TEXT_FIELDS: tuple[str, ...] = ("title", "introduction")
SECTION_TEXT_FIELDS: tuple[str, ...] = ("title", "narrative")
#: An annotation's label and text, and the credit for its text (who wrote the original,
#: who translated it), each by language.
ANNOTATION_TEXT_FIELDS: tuple[str, ...] = ("label", "text", "credit")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def _key_of(owner: str, *, index: bool = False) -> Mapped[int]:
    """A key column naming a row of ``owner`` that this row belongs to and goes with."""
    return mapped_column(
        ForeignKey(f"{owner}.id", ondelete="CASCADE"), primary_key=True, index=index
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class TextRow:
    """The columns of every ``*_text`` table after its owner's id: one text per field and
    language, the three together with the owner making the key."""

    field: Mapped[str] = mapped_column(String(32), primary_key=True)
    lang: Mapped[str] = mapped_column(String(8), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


_Row = TypeVar("_Row", bound=TextRow)


class TextMixin:
    """Gives an owner of ``texts`` rows a dict view per field and a setter."""

    texts: list  # overridden by each class's relationship (:func:`_texts`)
    #: The class of the owner's ``*_text`` rows (called with field, lang and value).
    _text_row: ClassVar[Callable[..., TextRow]]

    def text_map(self, field: str) -> dict[str, str]:
        return {t.lang: t.value for t in self.texts if t.field == field and t.value}

    def set_text(self, field: str, lang: str, value: str | None) -> None:
        for row in list(self.texts):
            if row.field == field and row.lang == lang:
                if value:
                    row.value = value
                else:
                    self.texts.remove(row)
                return
        if value:
            self.texts.append(self._text_row(field=field, lang=lang, value=value))


def _texts(row: type[_Row]) -> Mapped[list[_Row]]:
    """An owner's texts, loaded with it, in key order (SQLite hands rows back in key order
    by itself, PostgreSQL does not)."""
    return relationship(
        row, cascade="all, delete-orphan", order_by=(row.field, row.lang), lazy="selectin"
    )


class Media(Base):
    """One image file in the content-addressed store (written once, shared by items)."""

    __tablename__ = "media"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    relpath: Mapped[str] = mapped_column(String(255), unique=True)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    format: Mapped[str] = mapped_column(String(16))
    size_bytes: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: 64-bit perceptual hash as 16 hex digits (exhibition_app.imaging.phash); NULL = unknown.
    phash: Mapped[str | None] = mapped_column(String(16), index=True)


class ItemText(TextRow, Base):
    __tablename__ = "item_text"
    item_id: Mapped[int] = _key_of("item")


class ItemMedia(Base):
    """An item's ordered media."""

    __tablename__ = "item_media"
    item_id: Mapped[int] = _key_of("item")
    media_id: Mapped[int] = mapped_column(
        ForeignKey("media.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    media: Mapped[Media] = relationship(lazy="joined")


class ItemTag(Base):
    __tablename__ = "item_tag"
    item_id: Mapped[int] = _key_of("item")
    tag: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class ItemRelation(Base):
    """A typed link between two items, e.g. a 1853 redrawing is ``redrawing_of`` the 1492 globe."""

    __tablename__ = "item_relation"
    __table_args__ = (CheckConstraint(f"relation IN {RELATIONS!r}", name="relation"),)
    subject_id: Mapped[int] = _key_of("item")
    object_id: Mapped[int] = _key_of("item", index=True)
    relation: Mapped[str] = mapped_column(String(32), primary_key=True)


class Item(TextMixin, Base):
    """A catalogued exhibit: an object, a map, a photograph or a document."""

    __tablename__ = "item"
    __table_args__ = (CheckConstraint(f"kind IN {KINDS!r}", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    accession_number: Mapped[str] = mapped_column(String(64), unique=True)
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    date_edtf: Mapped[str | None] = mapped_column(String(64))
    date_earliest: Mapped[int | None] = mapped_column(Integer, index=True)
    date_latest: Mapped[int | None] = mapped_column(Integer, index=True)
    rights: Mapped[str | None] = mapped_column(String(255))
    source: Mapped[str | None] = mapped_column(Text)
    published: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    featured: Mapped[bool] = mapped_column(Boolean, default=False)
    cover_media_id: Mapped[int | None] = mapped_column(ForeignKey("media.id", ondelete="SET NULL"))
    #: How a map's pixels relate to the Earth, as JSON: {"type": "equirectangular"} or
    #: {"type": "control_points", ...}; None when not georeferenced.
    georef: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    texts: Mapped[list[ItemText]] = _texts(ItemText)
    _text_row = ItemText
    media_links: Mapped[list[ItemMedia]] = relationship(
        cascade="all, delete-orphan", order_by=ItemMedia.position, lazy="selectin"
    )
    tag_rows: Mapped[list[ItemTag]] = relationship(
        cascade="all, delete-orphan", order_by=ItemTag.tag, lazy="selectin"
    )
    cover: Mapped[Media | None] = relationship(foreign_keys=[cover_media_id], lazy="joined")
    relations: Mapped[list[ItemRelation]] = relationship(
        cascade="all, delete-orphan",
        foreign_keys=[ItemRelation.subject_id],
        order_by=(ItemRelation.object_id, ItemRelation.relation),
        lazy="selectin",
    )
    annotations: Mapped[list[Annotation]] = relationship(
        cascade="all, delete-orphan", back_populates="item", order_by="Annotation.id"
    )

    @property
    def media(self) -> list[Media]:
        return [link.media for link in self.media_links]

    @property
    def cover_media(self) -> Media | None:
        """The chosen cover, else the first medium, else None (a designed card is shown)."""
        if self.cover is not None:
            return self.cover
        return self.media_links[0].media if self.media_links else None

    @property
    def tags(self) -> list[str]:
        return sorted(t.tag for t in self.tag_rows)

    def set_tags(self, tags: list[str]) -> None:
        wanted = {t.strip() for t in tags if t.strip()}
        self.tag_rows[:] = [r for r in self.tag_rows if r.tag in wanted]
        have = {r.tag for r in self.tag_rows}
        self.tag_rows.extend(ItemTag(tag=t) for t in sorted(wanted - have))


class ExhibitionText(TextRow, Base):
    __tablename__ = "exhibition_text"
    exhibition_id: Mapped[int] = _key_of("exhibition")


class SectionText(TextRow, Base):
    __tablename__ = "section_text"
    section_id: Mapped[int] = _key_of("section")


class SectionItem(Base):
    __tablename__ = "section_item"
    section_id: Mapped[int] = _key_of("section")
    item_id: Mapped[int] = _key_of("item", index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Section(TextMixin, Base):
    """An ordered part of an exhibition: narrative text and ordered items."""

    __tablename__ = "section"
    id: Mapped[int] = mapped_column(primary_key=True)
    exhibition_id: Mapped[int] = mapped_column(
        ForeignKey("exhibition.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    texts: Mapped[list[SectionText]] = _texts(SectionText)
    _text_row = SectionText
    item_links: Mapped[list[SectionItem]] = relationship(
        cascade="all, delete-orphan", order_by=SectionItem.position, lazy="selectin"
    )

    @property
    def item_ids(self) -> list[int]:
        return [link.item_id for link in self.item_links]


class Exhibition(TextMixin, Base):
    """A curated exhibition: multilingual title and introduction, ordered sections."""

    __tablename__ = "exhibition"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    texts: Mapped[list[ExhibitionText]] = _texts(ExhibitionText)
    _text_row = ExhibitionText
    sections: Mapped[list[Section]] = relationship(
        cascade="all, delete-orphan", order_by=Section.position, lazy="selectin"
    )


class AnnotationText(TextRow, Base):
    __tablename__ = "annotation_text"
    annotation_id: Mapped[int] = _key_of("annotation")


class Annotation(TextMixin, Base):
    """A hotspot on a map, positioned in the image's own pixels."""

    __tablename__ = "annotation"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    media_id: Mapped[int | None] = mapped_column(ForeignKey("media.id", ondelete="SET NULL"))
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    item: Mapped[Item] = relationship(back_populates="annotations")
    texts: Mapped[list[AnnotationText]] = _texts(AnnotationText)
    _text_row = AnnotationText


class VisitorEvent(Base):
    """One anonymous kiosk event (see exhibition_app.core.stats): nothing about the visitor.

    ``item_id`` becomes NULL when the item is deleted, so the counts survive the item.
    """

    __tablename__ = "visitor_event"
    __table_args__ = (
        CheckConstraint(f"kind IN {EVENT_KINDS!r}", name="kind"),
        CheckConstraint("dwell_ms >= 0", name="dwell_ms"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    station: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(24))
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("item.id", ondelete="SET NULL"), index=True
    )
    lang: Mapped[str | None] = mapped_column(String(8))
    dwell_ms: Mapped[int | None] = mapped_column(Integer)
    query: Mapped[str | None] = mapped_column(String(80))


#: What a revision can be about, and what happened (exhibition_app.operations.history).
REVISION_ENTITIES: tuple[str, ...] = ("item", "exhibition")
REVISION_ACTIONS: tuple[str, ...] = (
    "create",
    "update",
    "delete",
    "publish",
    "unpublish",
    "restore",
    "import",
)


class User(Base):
    """A curator account; the password is kept only as a salted scrypt hash."""

    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)


class Revision(Base):
    """One recorded change: who, when, what, and a JSON snapshot of the entity after it.

    ``user_name`` is kept when the account is deleted (``user_id`` then becomes NULL).
    """

    __tablename__ = "revision"
    __table_args__ = (
        CheckConstraint(f"entity IN {REVISION_ENTITIES!r}", name="entity"),
        CheckConstraint(f"action IN {REVISION_ACTIONS!r}", name="action"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[int] = mapped_column(Integer, index=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), index=True
    )
    user_name: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    action: Mapped[str] = mapped_column(String(16))
    summary: Mapped[str | None] = mapped_column(String(500))
    snapshot: Mapped[str | None] = mapped_column(Text)


class Publication(Base):
    """One act of publishing; ``max(id)`` is the serial running kiosks poll."""

    __tablename__ = "publication"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    user_name: Mapped[str | None] = mapped_column(String(64))
    items: Mapped[int] = mapped_column(Integer, default=0)
    exhibitions: Mapped[int] = mapped_column(Integer, default=0)
