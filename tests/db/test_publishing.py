"""Publishing: one transaction, a serial running kiosks poll, published content only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Exhibition, Item, Publication, Revision, Section, SectionItem
from exhibition_app.errors import NotFound
from exhibition_app.operations import publishing
from exhibition_app.operations.history import history
from exhibition_app.operations.items import create_item
from exhibition_app.operations.publishing import (
    last_publication,
    publication_serial,
    publish,
    unpublish,
)
from exhibition_app.operations.views import load_gallery

USER = "aigerim"  # the curator whose account the ``cat`` fixture (tests/db/conftest.py) adds


def _items(cat: Catalog, n: int) -> list[int]:
    with cat.session() as s:
        return [
            create_item(s, {"kind": "object", "texts": {"title": {"en": f"Item {i}"}}}, USER).id
            for i in range(n)
        ]


def _exhibition(cat: Catalog, item_ids: list[int], key: str = "steppe") -> int:
    with cat.session() as s:
        ex = Exhibition(key=key)
        ex.set_text("title", "en", "Steppe")
        section = Section(position=0)
        section.item_links.extend(
            SectionItem(item_id=i, position=n) for n, i in enumerate(item_ids)
        )
        ex.sections.append(section)
        s.add(ex)
        s.flush()
        return ex.id


def _state(cat: Catalog) -> dict[str, Any]:
    with cat.read_session() as s:
        return {
            "items": dict(s.execute(select(Item.id, Item.published)).all()),
            "exhibitions": dict(s.execute(select(Exhibition.id, Exhibition.published)).all()),
            "revisions": s.scalar(select(func.count(Revision.id))),
            "serial": publication_serial(s),
        }


def test_publish_and_unpublish_move_the_serial_and_the_kiosk_view(cat: Catalog) -> None:
    a, b = _items(cat, 2)
    with cat.read_session() as s:
        assert publication_serial(s) == 0 and last_publication(s) is None
        assert load_gallery(s, published_only=True).items == {}
    with cat.session() as s:
        serial = publish(s, items=[a], user=USER)
    assert serial == 1
    with cat.read_session() as s:
        assert publication_serial(s) == 1
        assert set(load_gallery(s, published_only=True).items) == {a}
        assert set(load_gallery(s).items) == {a, b}  # the curator still sees drafts
        pub = last_publication(s)
        assert pub is not None and pub["serial"] == 1 and pub["user_name"] == USER
        assert (pub["items"], pub["exhibitions"]) == (1, 0)
        rows = history(s, "item", a)
    assert rows[0]["action"] == "publish" and rows[0]["user_name"] == USER
    with cat.session() as s:
        assert unpublish(s, items=[a], user=USER) == 2
    with cat.read_session() as s:
        assert publication_serial(s) == 2
        assert load_gallery(s, published_only=True).items == {}
        assert history(s, "item", a)[0]["action"] == "unpublish"


def test_publishing_an_exhibition_publishes_its_draft_items(cat: Catalog) -> None:
    a, b, c = _items(cat, 3)
    with cat.session() as s:
        publish(s, items=[a], user=USER)
    ex = _exhibition(cat, [a, b])
    with cat.session() as s:
        serial = publish(s, exhibitions=[ex], user=USER)
    with cat.read_session() as s:
        gallery = load_gallery(s, published_only=True)
        assert set(gallery.items) == {a, b}
        assert [e.id for e in gallery.exhibitions] == [ex]
        assert gallery.exhibitions[0].sections[0].item_ids == (a, b)
        pub = s.get(Publication, serial)
        assert pub is not None and (pub.items, pub.exhibitions) == (1, 1)  # a was already out
        assert "exhibition 'steppe'" in history(s, "item", b)[0]["summary"]
        assert history(s, "exhibition", ex)[0]["action"] == "publish"
    # Without include_items only the exhibition itself goes out.
    ex2 = _exhibition(cat, [c], key="other")
    with cat.session() as s:
        publish(s, exhibitions=[ex2], user=USER, include_items=False)
    with cat.read_session() as s:
        assert s.get(Item, c).published is False  # type: ignore[union-attr]
        gallery = load_gallery(s, published_only=True)
        assert [e.id for e in gallery.exhibitions] == [ex, ex2]
        assert gallery.exhibitions[1].sections[0].item_ids == ()  # drafts stay hidden
    # Unpublishing an exhibition leaves its items out unless asked.
    with cat.session() as s:
        unpublish(s, exhibitions=[ex], user=USER)
    with cat.read_session() as s:
        assert s.get(Exhibition, ex).published is False  # type: ignore[union-attr]
        assert s.get(Item, b).published is True  # type: ignore[union-attr]


def test_nothing_to_change_records_nothing(cat: Catalog) -> None:
    (a,) = _items(cat, 1)
    with cat.session() as s:
        first = publish(s, items=[a], user=USER)
    before = _state(cat)
    with cat.session() as s:
        assert publish(s, items=[a], user=USER) == first
    assert _state(cat) == before


def test_an_unknown_id_changes_nothing(cat: Catalog) -> None:
    (a,) = _items(cat, 1)
    before = _state(cat)
    with pytest.raises(NotFound, match="no item 4242"), cat.session() as s:
        publish(s, items=[a, 4242], user=USER)
    with pytest.raises(NotFound, match="no exhibition 77"), cat.session() as s:
        publish(s, items=[a], exhibitions=[77], user=USER)
    assert _state(cat) == before


def test_publishing_is_one_transaction(cat: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _items(cat, 4)
    ex = _exhibition(cat, ids[2:])
    before = _state(cat)
    real = publishing.record
    calls: list[int] = []

    def failing_record(session: Any, entity: str, entity_id: int, *a: Any, **k: Any) -> Any:
        calls.append(entity_id)
        if len(calls) == 3:  # two items already flipped and recorded
            raise OSError("the disk is full")
        return real(session, entity, entity_id, *a, **k)

    monkeypatch.setattr(publishing, "record", failing_record)
    with pytest.raises(OSError), cat.session() as s:
        publish(s, items=ids[:2], exhibitions=[ex], user=USER)
    assert len(calls) == 3
    assert _state(cat) == before  # no flag, no revision, no publication
    monkeypatch.setattr(publishing, "record", real)
    with cat.session() as s:
        serial = publish(s, items=ids[:2], exhibitions=[ex], user=USER)
    after = _state(cat)
    assert serial == 1 and after["serial"] == 1
    assert all(after["items"].values()) and after["exhibitions"] == {ex: True}


def test_a_running_kiosk_sees_a_publication_only_once_committed(
    cat: Catalog, tmp_path: Path
) -> None:
    (a,) = _items(cat, 1)
    # The kiosk: another Catalog (its own connections) opened before the publication.
    with Catalog.open(cat.url, tmp_path / "kiosk-assets") as kiosk:
        with kiosk.read_session() as k:
            loaded_with = publication_serial(k)
            assert load_gallery(k, published_only=True).items == {}
        with cat.session() as s:
            publish(s, items=[a], user=USER)
            with kiosk.read_session() as k:  # not committed yet: the kiosk sees nothing new
                assert publication_serial(k) == loaded_with
                assert load_gallery(k, published_only=True).items == {}
        with kiosk.read_session() as k:  # the next poll
            assert publication_serial(k) != loaded_with
            assert set(load_gallery(k, published_only=True).items) == {a}
