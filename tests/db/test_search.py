"""Search across languages and scripts, on a real SQLite FTS5 index."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.db import search as search_mod
from exhibition_app.db.models import Item
from exhibition_app.db.search import integrity_problems, rebuild_index, reindex_items, search


def _add(catalog: Catalog, acc: str, titles: dict[str, str], **kw: object) -> int:
    with catalog.session() as s:
        item = Item(kind="object", accession_number=acc, **kw)
        for lang, value in titles.items():
            item.set_text("title", lang, value)
        s.add(item)
        s.flush()
        reindex_items(s, [item])
        return item.id


@pytest.fixture
def filled(catalog: Catalog) -> dict[str, int]:
    return {
        "kz": _add(catalog, "M-1", {"kk": "Қазақстан картасы", "en": "Map"}),
        "dombra": _add(catalog, "O-1", {"en": "Dombra", "kk": "Домбыра"}),
        "khuur": _add(catalog, "O-2", {"mn": "Морин хуур"}, published=True),
        "ulaan": _add(catalog, "O-3", {"ru": "Вид Улан-Батора"}),
        "suzani": _add(catalog, "O-4", {"en": "Suzani"}, country="UZ"),
    }


@pytest.mark.parametrize("query", ["Qazaqstan", "Kazakhstan", "Казахстан", "қазақстан", "KAZAKH"])
def test_kazakhstan_in_any_script_finds_the_kazakh_title(
    catalog: Catalog, filled: dict[str, int], query: str
) -> None:
    with catalog.read_session() as s:
        assert filled["kz"] in search(s, query).item_ids


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("domb", "dombra"),
        ("домбыра", "dombra"),
        ("morin khuur", "khuur"),
        ("morin huur", "khuur"),
        ("Ulan", "ulaan"),
        ("Uzbekistan", "suzani"),  # country names are indexed in every language
        ("Өзбекстан", "suzani"),
        ("O-4", "suzani"),  # accession numbers too
    ],
)
def test_cross_script_and_prefix_matches(
    catalog: Catalog, filled: dict[str, int], query: str, key: str
) -> None:
    with catalog.read_session() as s:
        assert filled[key] in search(s, query).item_ids


def test_no_match_and_empty_queries(catalog: Catalog, filled: dict[str, int]) -> None:
    with catalog.read_session() as s:
        assert search(s, "zzzzqqq").item_ids == []
        assert search(s, "   ").item_ids == []
        assert search(s, '"*) OR NOT (').item_ids == []  # FTS syntax is never passed through


def test_published_only(catalog: Catalog, filled: dict[str, int]) -> None:
    with catalog.read_session() as s:
        assert search(s, "morin", published_only=True).item_ids == [filled["khuur"]]
        assert search(s, "dombra", published_only=True).item_ids == []


def test_title_matches_rank_above_body_matches(catalog: Catalog) -> None:
    body_only = _add(catalog, "B-1", {"en": "A felt carpet"})
    with catalog.session() as s:
        item = s.get(Item, body_only)
        item.set_text("description", "en", "Not a yurt, but a carpet for one.")
        reindex_items(s, [item])
    title = _add(catalog, "B-2", {"en": "Yurt"})
    with catalog.read_session() as s:
        result = search(s, "yurt")
        assert result.ranked
        assert result.item_ids == [title, body_only]


def test_common_terms_return_an_unranked_first_page(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_mod, "RANK_LIMIT", 5)
    for i in range(12):
        _add(catalog, f"C-{i}", {"en": f"Carpet number {i}"})
    with catalog.read_session() as s:
        result = search(s, "carpet", limit=4)
        assert not result.ranked
        assert len(result.item_ids) == 4
        assert result.matches == 5  # counted up to the cap, no further
        few = search(s, "number 7")
        assert few.ranked and len(few.item_ids) == 1


def test_index_check_and_rebuild(catalog: Catalog, filled: dict[str, int]) -> None:
    with catalog.session() as s:
        assert integrity_problems(s) == []
        s.add(Item(kind="map", accession_number="NOINDEX"))
        s.flush()
        assert any("misses 1" in p for p in integrity_problems(s))
        assert rebuild_index(s) == 6
        assert integrity_problems(s) == []
        assert len(s.scalars(select(Item)).all()) == 6
