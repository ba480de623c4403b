"""The operations the visitor's screens run: gallery and search reads, a map's content, and
what a kiosk reads and writes (publications, its offline copy, visit statistics).

Each opens its own session on a real catalogue and hands back plain data.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from exhibition_app.catalog import Catalog
from exhibition_app.core.cards import ItemCard
from exhibition_app.core.stats import VisitEvent
from exhibition_app.db.models import Item, VisitorEvent
from exhibition_app.errors import NotFound
from exhibition_app.operations.gallery_reads import find_item_ids, read_gallery, thumbnail_file
from exhibition_app.operations.kiosk import (
    has_offline_copy,
    is_offline_copy,
    latest_publication,
    open_offline_copy_of,
    open_offline_instead,
    refresh_offline_copy,
    save_visits,
    server_url_of,
)
from exhibition_app.operations.map_view import MapNote, read_map
from exhibition_app.operations.offline import copy_serial, offline_copy_path
from exhibition_app.operations.publishing import unpublish
from exhibition_app.operations.views import load_gallery


def _by_number(cards: dict[int, ItemCard], number: str) -> ItemCard:
    return next(c for c in cards.values() if c.accession_number == number)


def test_read_gallery_is_the_gallery_of_one_read_session(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as s:
        expected = load_gallery(s)
    assert read_gallery(sample_catalog) == expected
    with sample_catalog.session() as s:
        unpublish(s, items=[1], user=None)
    published = sum(1 for card in expected.items.values() if card.published)
    shown = read_gallery(sample_catalog, published_only=True)
    assert 1 not in shown.items and len(shown.items) == published - 1
    assert 1 in read_gallery(sample_catalog).items


def test_find_item_ids_searches_in_any_language(sample_catalog: Catalog) -> None:
    cards = read_gallery(sample_catalog).items
    photo = _by_number(cards, "BH-PHO-001")
    found = find_item_ids(sample_catalog, "globe")
    assert photo.id in found and all(i in cards for i in found)
    assert find_item_ids(sample_catalog, "globe", limit=2) == found[:2]
    assert find_item_ids(sample_catalog, "zzzzqqq") == []
    assert find_item_ids(sample_catalog, "   ") == []


def test_read_map_gives_notes_georeference_and_a_built_tile_set(sample_catalog: Catalog) -> None:
    ghillany = _by_number(read_gallery(sample_catalog).items, "BH-MAP-003")
    seen: list[float] = []
    content = read_map(sample_catalog, ghillany.id, progress=seen.append)
    assert content.info_json.is_file() and seen and seen[-1] == 1.0
    assert (content.width, content.height) == (1350, 675)
    assert all(isinstance(n, MapNote) for n in content.notes)
    assert content.geo is not None
    x, y = content.geo.to_pixel(*content.geo.to_lonlat(100.0, 200.0))
    assert (x, y) == pytest.approx((100.0, 200.0))
    assert read_map(sample_catalog, ghillany.id) == content  # built once, read again


def test_read_map_of_something_without_a_picture_is_not_found(sample_catalog: Catalog) -> None:
    yurt = _by_number(read_gallery(sample_catalog).items, "BH-OBJ-001")
    for item_id in (yurt.id, 999999):
        with pytest.raises(NotFound, match="this map has no image yet"):
            read_map(sample_catalog, item_id)


def test_latest_publication_follows_publishing(sample_catalog: Catalog) -> None:
    before = latest_publication(sample_catalog)
    with sample_catalog.session() as s:
        unpublish(s, items=[2], user=None)
    assert latest_publication(sample_catalog) == before + 1


def test_save_visits_stores_a_batch_in_one_transaction(catalog: Catalog) -> None:
    with catalog.session() as s:
        item = Item(kind="object", accession_number="OB-1")
        s.add(item)
        s.flush()
        item_id = item.id
    at = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
    events = [
        VisitEvent("item_opened", "lobby", at, item_id=item_id, dwell_ms=4000),
        VisitEvent("language", "lobby", at, lang="kk"),
    ]
    assert save_visits(catalog, events) == 2
    with pytest.raises(ValueError, match="unknown event kind"):
        save_visits(catalog, [events[0], VisitEvent("dance", "lobby", at)])
    with catalog.read_session() as s:
        assert s.scalar(select(func.count()).select_from(VisitorEvent)) == 2


def test_the_offline_copy_is_refreshed_only_after_a_publication(sample_catalog: Catalog) -> None:
    path = offline_copy_path(sample_catalog.assets)
    assert not has_offline_copy(sample_catalog)
    assert refresh_offline_copy(sample_catalog) == path
    assert has_offline_copy(sample_catalog)
    assert copy_serial(path) == latest_publication(sample_catalog)
    assert refresh_offline_copy(sample_catalog) is None  # up to date: not written again
    with sample_catalog.session() as s:
        unpublish(s, items=[5], user=None)
    assert refresh_offline_copy(sample_catalog) == path

    with open_offline_copy_of(sample_catalog) as copy:
        assert is_offline_copy(copy) and server_url_of(copy) == sample_catalog.url
        assert sorted(read_gallery(copy).items) == sorted(
            read_gallery(sample_catalog, published_only=True).items
        )
    assert not is_offline_copy(sample_catalog) and server_url_of(sample_catalog) is None


def test_the_offline_copy_stands_in_only_for_a_server(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    assets = sample_catalog.assets
    where = sample_catalog.db_path or sample_catalog.url
    assert open_offline_instead(where, assets) is None  # no copy written yet
    refresh_offline_copy(sample_catalog)
    copy = open_offline_instead(where, assets)
    if sample_catalog.db_path is not None:
        assert copy is None  # an SQLite file has no server to stand in for
        return
    assert copy is not None
    with copy:
        assert is_offline_copy(copy) and server_url_of(copy) == sample_catalog.url
        assert copy.db_path == offline_copy_path(assets).resolve()


def test_thumbnail_file_is_made_once_and_kept(sample_catalog: Catalog) -> None:
    photo = _by_number(read_gallery(sample_catalog).items, "BH-MAP-003")
    assert photo.cover is not None
    path = thumbnail_file(sample_catalog, photo.cover, 480)
    with Image.open(path) as image:
        assert max(image.size) == 480
    made = path.stat().st_mtime_ns
    assert thumbnail_file(sample_catalog, photo.cover, 480) == path
    assert path.stat().st_mtime_ns == made
