"""The catalogue schema: multilingual texts, constraints, cascades, exhibitions."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from exhibition_app.catalog import Catalog
from exhibition_app.core.languages import pick
from exhibition_app.db.models import (
    Exhibition,
    Item,
    ItemText,
    Section,
    SectionItem,
)


def _item(acc: str = "A-1", kind: str = "object") -> Item:
    item = Item(kind=kind, accession_number=acc)
    item.set_text("title", "en", "Dombra")
    item.set_text("title", "kk", "Домбыра")
    return item


def test_texts_are_stored_per_language_and_fall_back(catalog: Catalog) -> None:
    with catalog.session() as s:
        item = _item()
        item.set_text("description", "ru", "Двухструнный инструмент")
        s.add(item)
    with catalog.read_session() as s:
        item = s.scalars(select(Item)).one()
        assert item.text_map("title") == {"en": "Dombra", "kk": "Домбыра"}
        desc = pick(item.text_map("description"), "mn", ("en", "ru"))
        assert desc is not None and desc.lang == "ru" and desc.is_fallback
        assert pick(item.text_map("title"), "kk").text == "Домбыра"


def test_set_text_empty_removes_the_translation(catalog: Catalog) -> None:
    with catalog.session() as s:
        item = _item()
        s.add(item)
        s.flush()
        item.set_text("title", "kk", "")
    with catalog.read_session() as s:
        assert s.scalar(select(func.count()).select_from(ItemText)) == 1


def test_accession_number_is_unique(catalog: Catalog) -> None:
    with catalog.session() as s:
        s.add(_item("DUP"))
    with pytest.raises(IntegrityError), catalog.session() as s:
        s.add(_item("DUP"))
    with catalog.read_session() as s:  # the failed action left nothing behind
        assert s.scalar(select(func.count()).select_from(Item)) == 1


def test_kind_is_constrained(catalog: Catalog) -> None:
    with pytest.raises(IntegrityError), catalog.session() as s:
        s.add(_item("K", kind="sculpture"))


def test_deleting_an_item_cascades_to_texts_and_sections(catalog: Catalog) -> None:
    with catalog.session() as s:
        item = _item()
        ex = Exhibition(key="x")
        ex.set_text("title", "en", "X")
        section = Section(position=0)
        ex.sections.append(section)
        s.add_all([item, ex])
        s.flush()
        section.item_links.append(SectionItem(item_id=item.id, position=0))
    with catalog.session() as s:
        s.delete(s.scalars(select(Item)).one())
    with catalog.read_session() as s:
        assert s.scalar(select(func.count()).select_from(ItemText)) == 0
        assert s.scalar(select(func.count()).select_from(SectionItem)) == 0
        assert s.scalars(select(Exhibition)).one().sections[0].item_ids == []


def test_sections_and_their_items_keep_their_order(catalog: Catalog) -> None:
    with catalog.session() as s:
        items = [_item(f"O-{i}") for i in range(3)]
        s.add_all(items)
        s.flush()
        ex = Exhibition(key="ordered")
        for pos, title in enumerate(["Second", "First"][::-1]):
            sec = Section(position=pos)
            sec.set_text("title", "en", title)
            ex.sections.append(sec)
        ex.sections[0].item_links.extend(
            SectionItem(item_id=it.id, position=p) for p, it in enumerate(reversed(items))
        )
        s.add(ex)
        expected = [it.id for it in reversed(items)]
    with catalog.read_session() as s:
        ex = s.scalars(select(Exhibition)).one()
        assert [sec.text_map("title")["en"] for sec in ex.sections] == ["First", "Second"]
        assert ex.sections[0].item_ids == expected


def test_tags_are_a_set(catalog: Catalog) -> None:
    with catalog.session() as s:
        item = _item()
        item.set_tags(["felt", "steppe", "felt", " "])
        s.add(item)
    with catalog.session() as s:
        item = s.scalars(select(Item)).one()
        assert item.tags == ["felt", "steppe"]
        item.set_tags(["steppe", "wool"])
    with catalog.read_session() as s:
        assert s.scalars(select(Item)).one().tags == ["steppe", "wool"]


def test_timestamps_are_set_and_updated(catalog: Catalog) -> None:
    with catalog.session() as s:
        s.add(_item())
    with catalog.read_session() as s:
        first = s.scalars(select(Item)).one()
        created, updated = first.created_at, first.updated_at
    with catalog.session() as s:
        s.scalars(select(Item)).one().country = "KZ"
    with catalog.read_session() as s:
        item = s.scalars(select(Item)).one()
        assert item.created_at == created
        assert item.updated_at >= updated
