"""Search in the traditional Mongolian script (mn-Mong), and the Cyrillic words of the
curated table, on both engines."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.core.mongol_script import from_transliteration
from exhibition_app.db.models import Item, ItemText
from exhibition_app.db.search import rebuild_index, reindex_items, search


def _add(catalog: Catalog, acc: str, titles: dict[str, str]) -> int:
    with catalog.session() as s:
        item = Item(kind="map", accession_number=acc)
        for lang, value in titles.items():
            item.set_text("title", lang, value)
        s.add(item)
        s.flush()
        reindex_items(s, [item])
        return item.id


@pytest.fixture
def only_traditional(catalog: Catalog) -> int:
    """An item whose one title is in the traditional script: "world map" and a year."""
    _add(catalog, "X-1", {"en": "A Kazakh felt carpet"})
    _add(catalog, "X-2", {"mn": "Морин хуур"})
    return _add(
        catalog, "M-1", {"mn-Mong": from_transliteration("delekei-yin γaǰar-un ǰiruγ, 1689")}
    )


@pytest.mark.parametrize(
    "query",
    [
        from_transliteration("delekei-yin γaǰar-un ǰiruγ, 1689"),  # the whole title
        from_transliteration("ǰiruγ"),
        from_transliteration("γaǰar-un"),
        "дэлхийн газрын зураг",  # the same words in Cyrillic, through the table
        "газар",
        "Зураг",
        "1689",
    ],
)
def test_traditional_title_is_found(catalog: Catalog, only_traditional: int, query: str) -> None:
    with catalog.read_session() as s:
        assert search(s, query).item_ids == [only_traditional]


def test_unknown_words_do_not_match(catalog: Catalog, only_traditional: int) -> None:
    with catalog.read_session() as s:
        assert search(s, "улаанбаатар").item_ids == []
        assert only_traditional not in search(s, "хуур").item_ids


def test_rebuilt_index_keeps_the_traditional_words(catalog: Catalog, only_traditional: int) -> None:
    with catalog.session() as s:
        rebuild_index(s)
    with catalog.read_session() as s:
        assert search(s, "газрын").item_ids == [only_traditional]
        assert search(s, from_transliteration("delekei")).item_ids == [only_traditional]


def test_every_sample_traditional_title_finds_its_item(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as s:
        titles = s.execute(
            select(ItemText.item_id, ItemText.value).where(
                ItemText.field == "title", ItemText.lang == "mn-Mong"
            )
        ).all()
        assert len(titles) == 21  # 19 exhibits and the 2 unpublished now layers
        for item_id, title in titles:
            assert item_id in search(s, title).item_ids, title
        # A Cyrillic word of the table finds the item titled in the script.
        deel = s.scalar(select(Item.id).where(Item.accession_number == "BH-OBJ-010"))
        assert deel in search(s, from_transliteration("debel")).item_ids
        assert deel in search(s, "дээл").item_ids
