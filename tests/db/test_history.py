"""Editing items with an audit trail: revisions with who, when and what; per-field
validation; restoring any revision; failed edits leave nothing behind."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import (
    ITEM_TEXT_FIELDS,
    Exhibition,
    Item,
    Media,
    Revision,
    Section,
    SectionItem,
)
from exhibition_app.db.search import search
from exhibition_app.errors import CatalogError, NotFound
from exhibition_app.operations.history import (
    history,
    record,
    restore_item,
    revision_snapshot,
    snapshot_item,
)
from exhibition_app.operations.item_changes import ValidationError
from exhibition_app.operations.items import create_item, delete_item, edit_item

USER = "aigerim"  # the curator whose account the ``cat`` fixture (tests/db/conftest.py) adds


def _media(s: Any, n: int) -> list[int]:
    rows = [
        Media(
            sha256=f"{i:064x}",
            relpath=f"media/{i:02x}/{i:064x}.jpg",
            width=100,
            height=80,
            format="JPEG",
            size_bytes=1000,
        )
        for i in range(1, n + 1)
    ]
    s.add_all(rows)
    s.flush()
    return [m.id for m in rows]


def _new(cat: Catalog, **fields: Any) -> int:
    base: dict[str, Any] = {"kind": "object", "texts": {"title": {"en": "Felt rug"}}}
    base.update(fields)
    with cat.session() as s:
        return create_item(s, base, USER).id


def _revisions(cat: Catalog) -> int:
    with cat.read_session() as s:
        return int(s.scalar(select(func.count(Revision.id))) or 0)


def test_an_edit_records_who_when_and_what(cat: Catalog) -> None:
    item_id = _new(cat, tags=["felt"])
    before = datetime.now(UTC) - timedelta(seconds=1)
    with cat.session() as s:
        item = edit_item(
            s,
            item_id,
            {"texts": {"title": {"en": "Shyrdak", "kk": "Сырмақ"}}, "tags": ["felt", "wool"]},
            USER,
        )
        assert item.text_map("title") == {"en": "Shyrdak", "kk": "Сырмақ"}
    with cat.read_session() as s:
        rows = history(s, "item", item_id)
    assert [r["action"] for r in rows] == ["update", "create"]
    newest = rows[0]
    assert newest["user_name"] == USER
    assert "title (en, kk)" in newest["summary"] and "tags" in newest["summary"]
    at = datetime.fromisoformat(newest["at"])
    assert at.tzinfo is not None and before <= at <= datetime.now(UTC) + timedelta(seconds=1)
    assert set(newest) == {"id", "at", "user_name", "action", "summary"}
    # The revision keeps the whole item after the change.
    with cat.read_session() as s:
        snap = revision_snapshot(s, newest["id"])
    assert snap is not None
    assert snap["texts"]["title"] == {"en": "Shyrdak", "kk": "Сырмақ"}
    assert snap["tags"] == ["felt", "wool"]


def test_snapshot_has_every_field(cat: Catalog) -> None:
    with cat.session() as s:
        media = _media(s, 2)
    other = _new(cat, accession_number="REL-1")
    item_id = _new(
        cat,
        accession_number="KZ-7",
        country="kz",
        date_edtf="c. 1720",
        rights="https://creativecommons.org/licenses/by/4.0/",
        source="Gift of the maker",
        featured=True,
        georef={"type": "equirectangular"},
        media=[media[1], media[0]],
        cover_media_id=media[0],
        relations=[{"relation": "related", "object_id": other}],
        texts={"title": {"en": "Map", "ru": "Карта"}, "description": {"mn": "Газрын зураг"}},
    )
    with cat.read_session() as s:
        snap = snapshot_item(s.get(Item, item_id))  # type: ignore[arg-type]
    assert snap["accession_number"] == "KZ-7" and snap["country"] == "KZ"
    assert (snap["date_edtf"], snap["date_earliest"], snap["date_latest"]) == ("1720~", 1710, 1730)
    assert snap["media"] == [media[1], media[0]] and snap["cover_media_id"] == media[0]
    assert snap["relations"] == [{"relation": "related", "object_id": other}]
    assert snap["georef"] == {"type": "equirectangular"}
    assert snap["texts"]["description"] == {"mn": "Газрын зураг"}
    assert snap["featured"] is True and snap["published"] is False
    json.dumps(snap)  # plain JSON


def test_validation_errors_come_per_field_and_change_nothing(cat: Catalog) -> None:
    taken = _new(cat, accession_number="TAKEN-1")
    item_id = _new(cat, accession_number="MINE-1")
    with cat.read_session() as s:
        item = s.get(Item, item_id)
        assert item is not None
        updated, count = item.updated_at, _revisions(cat)
    bad = {
        "accession_number": "TAKEN-1",
        "texts": {"title": {"en": ""}, "nonsense": {"en": "x"}, "place": {"xx": "y"}},
        "rights": "not a licence",
        "date_edtf": "sometime soon",
        "kind": "sculpture",
        "country": "Kazakhstan",
        "published": True,
        "relations": [{"relation": "related", "object_id": 99999}],
        "media": [424242],
        "shoe_size": 42,
    }
    with pytest.raises(ValidationError) as info, cat.session() as s:
        edit_item(s, item_id, bad, USER)
    errors = info.value.errors
    assert f"item {taken}" in errors["accession_number"]
    assert "title in at least one language" in errors["texts.title.en"]
    assert "texts.nonsense" in errors and "texts.place.xx" in errors
    assert "URI" in errors["rights"]
    assert "sometime soon" in errors["date_edtf"]
    assert "object" in errors["kind"]
    assert "country code" in errors["country"]
    assert "publish" in errors["published"]
    assert "99999" in errors["relations"]
    assert "424242" in errors["media"]
    assert "shoe_size" in errors
    assert all("\n" not in m for m in errors.values())
    assert _revisions(cat) == count
    with cat.read_session() as s:
        item = s.get(Item, item_id)
        assert item is not None
        assert item.accession_number == "MINE-1" and item.text_map("title") == {"en": "Felt rug"}
        assert item.updated_at == updated


def test_a_failed_edit_leaves_no_revision(cat: Catalog) -> None:
    item_id = _new(cat)
    count = _revisions(cat)
    # The edit itself works, but the transaction it is part of fails afterwards.
    with pytest.raises(RuntimeError), cat.session() as s:
        edit_item(s, item_id, {"texts": {"title": {"en": "Lost edit"}}}, USER)
        raise RuntimeError("the disk is full")
    # A constraint failing at commit time: the unique accession number, raced.
    other = _new(cat, accession_number="RACE-1")
    with pytest.raises(Exception), cat.session() as s:  # noqa: B017 - IntegrityError
        edit_item(s, item_id, {"texts": {"title": {"en": "Also lost"}}}, USER)
        s.get(Item, other).accession_number = s.get(Item, item_id).accession_number  # type: ignore[union-attr]
    assert _revisions(cat) == count + 1  # only RACE-1's creation
    with cat.read_session() as s:
        assert s.get(Item, item_id).text_map("title") == {"en": "Felt rug"}  # type: ignore[union-attr]
        assert [r["action"] for r in history(s, "item", item_id)] == ["create"]


def test_dates_countries_and_clearing(cat: Catalog) -> None:
    item_id = _new(cat)
    with cat.session() as s:
        item = edit_item(
            s,
            item_id,
            {"date_edtf": "18th century", "country": " mn ", "rights": "https://example.org/x"},
            USER,
        )
        assert (item.date_edtf, item.date_earliest, item.date_latest) == ("17XX", 1700, 1799)
        assert item.country == "MN"
    with cat.session() as s:
        item = edit_item(s, item_id, {"date_edtf": "", "country": None, "rights": ""}, USER)
        assert item.date_edtf is None and item.date_earliest is None and item.date_latest is None
        assert item.country is None and item.rights is None


def test_an_edit_that_changes_nothing_records_nothing(cat: Catalog) -> None:
    item_id = _new(cat, tags=["felt"])
    count = _revisions(cat)
    with cat.session() as s:
        edit_item(s, item_id, {"texts": {"title": {"en": "Felt rug"}}, "tags": ["felt"]}, USER)
    assert _revisions(cat) == count


def test_edits_refresh_the_search_index(cat: Catalog) -> None:
    item_id = _new(cat)
    with cat.session() as s:
        edit_item(s, item_id, {"texts": {"description": {"en": "Ornamented tuskiiz"}}}, USER)
    with cat.read_session() as s:
        assert search(s, "tuskiiz").item_ids == [item_id]


def test_restore_an_old_revision(cat: Catalog) -> None:
    with cat.session() as s:
        m1, m2, m3 = _media(s, 3)
    other = _new(cat, accession_number="GLOBE")
    item_id = _new(
        cat,
        tags=["felt", "red"],
        media=[m1, m2, m3],
        cover_media_id=m2,
        date_edtf="1689",
        relations=[("redrawing_of", other)],
        texts={"title": {"en": "Old title", "ru": "Старое"}},
    )
    with cat.read_session() as s:
        created = history(s, "item", item_id)[0]["id"]
    edits: list[dict[str, Any]] = [
        {"texts": {"title": {"en": "New title", "ru": "", "kk": "Жаңа"}}, "tags": ["blue"]},
        {"media": [m3, m1], "cover_media_id": m3, "date_edtf": "c. 1720", "relations": []},
    ]
    for changes in edits:
        with cat.session() as s:
            edit_item(s, item_id, changes, "bolat")
    with cat.session() as s:
        report = restore_item(s, created, USER)
    assert report.missing_media == [] and report.problems == []
    with cat.read_session() as s:
        item = s.get(Item, item_id)
        assert item is not None
        assert item.text_map("title") == {"en": "Old title", "ru": "Старое"}
        assert item.tags == ["felt", "red"]
        assert [lk.media_id for lk in item.media_links] == [m1, m2, m3]
        assert item.cover_media_id == m2
        assert item.date_edtf == "1689" and item.date_earliest == 1689
        assert [(r.relation, r.object_id) for r in item.relations] == [("redrawing_of", other)]
        rows = history(s, "item", item_id)
    assert [r["action"] for r in rows] == ["restore", "update", "update", "create"]
    assert rows[0]["user_name"] == USER and f"revision {created}" in rows[0]["summary"]
    # The restore is a revision like any other: the edited state can come back too.
    with cat.session() as s:
        restore_item(s, rows[1]["id"], USER)
    with cat.read_session() as s:
        item = s.get(Item, item_id)
        assert item is not None and [lk.media_id for lk in item.media_links] == [m3, m1]


def test_restoring_with_media_that_no_longer_exist_reports_them(cat: Catalog) -> None:
    with cat.session() as s:
        m1, m2 = _media(s, 2)
    gone = _new(cat, accession_number="GONE")
    item_id = _new(
        cat,
        media=[m1, m2],
        cover_media_id=m2,
        relations=[{"relation": "related", "object_id": gone}],
    )
    with cat.read_session() as s:
        old = history(s, "item", item_id)[0]["id"]
    with cat.session() as s:
        edit_item(s, item_id, {"media": [m1], "cover_media_id": None}, USER)
    with cat.session() as s:
        s.delete(s.get(Media, m2))
        delete_item(s, gone, USER)
    with cat.session() as s:
        report = restore_item(s, old, USER)
    assert report.missing_media == [m2] and report.missing_related == [gone]
    assert any(str(m2) in p for p in report.problems)
    with cat.read_session() as s:
        item = s.get(Item, item_id)
        assert item is not None
        assert [lk.media_id for lk in item.media_links] == [m1]
        assert item.cover_media_id is None and item.relations == []
        summary = history(s, "item", item_id)[0]["summary"]
    assert f"picture {m2} no longer exists" in summary


def test_first_edit_of_an_imported_item_keeps_a_baseline(cat: Catalog) -> None:
    with cat.session() as s:
        item = Item(kind="map", accession_number="IMP-1", published=True)
        item.set_text("title", "en", "Imported map")
        s.add(item)
        s.flush()
        item_id = item.id
    with cat.session() as s:
        edit_item(s, item_id, {"texts": {"title": {"en": "Renamed"}}}, USER)
    with cat.read_session() as s:
        rows = history(s, "item", item_id)
    assert [(r["action"], r["user_name"]) for r in rows] == [("update", USER), ("import", None)]
    with cat.session() as s:
        restore_item(s, rows[-1]["id"], USER)
    with cat.read_session() as s:
        item = s.get(Item, item_id)
        assert item is not None and item.text_map("title") == {"en": "Imported map"}
        assert item.published is True  # restoring never publishes or unpublishes


def test_delete_and_restore_brings_the_item_back_as_a_draft(cat: Catalog) -> None:
    item_id = _new(cat, accession_number="DEL-1", tags=["x"])
    with cat.session() as s:
        snap = delete_item(s, item_id, USER)
    assert snap["accession_number"] == "DEL-1"
    with cat.read_session() as s:
        assert s.get(Item, item_id) is None
        rows = history(s, "item", item_id)
    assert rows[0]["action"] == "delete"
    # A new item does not inherit the deleted one's number (nor its history).
    new_id = _new(cat, accession_number="NEW-1")
    assert new_id > item_id
    with cat.session() as s:
        report = restore_item(s, rows[0]["id"], USER)
    assert report.recreated
    with cat.read_session() as s:
        item = s.get(Item, item_id)
        assert item is not None and item.accession_number == "DEL-1" and item.tags == ["x"]
        assert item.published is False
        assert [r["action"] for r in history(s, "item", item_id)] == ["restore", "delete", "create"]
        assert sorted(search(s, "felt").item_ids) == sorted([item_id, new_id])


def test_restore_refuses_what_no_longer_fits(cat: Catalog) -> None:
    item_id = _new(cat, accession_number="OLD-NO")
    with cat.read_session() as s:
        first = history(s, "item", item_id)[0]["id"]
    with cat.session() as s:
        edit_item(s, item_id, {"accession_number": "NEW-NO"}, USER)
    _new(cat, accession_number="OLD-NO")  # someone else took the old number
    with pytest.raises(ValidationError) as info, cat.session() as s:
        restore_item(s, first, USER)
    assert "accession_number" in info.value.errors
    with pytest.raises(NotFound, match=r"^no revision 987654$"), cat.session() as s:
        restore_item(s, 987654, USER)


def test_create_item_validates_and_generates_an_accession_number(cat: Catalog) -> None:
    with pytest.raises(ValidationError) as info, cat.session() as s:
        create_item(s, {"texts": {"title": {"en": " "}}}, USER)
    assert set(info.value.errors) >= {"kind", "texts.title.en"}
    with cat.session() as s:
        item = create_item(s, {"kind": "document", "texts": {"title": {"mn": "Бичиг"}}}, USER)
        assert item.accession_number.startswith("IMP-") and item.published is False
        assert set(item.text_map("title")) == {"mn"}


def test_exhibition_revisions_keep_sections_and_items(cat: Catalog) -> None:
    a, b = _new(cat, accession_number="A"), _new(cat, accession_number="B")
    with cat.session() as s:
        ex = Exhibition(key="then-and-now")
        ex.set_text("title", "en", "Then and now")
        section = Section(position=0)
        section.set_text("narrative", "kk", "Баяндау")
        section.item_links.extend(
            [SectionItem(item_id=b, position=0), SectionItem(item_id=a, position=1)]
        )
        ex.sections.append(section)
        s.add(ex)
        s.flush()
        rev = record(s, "exhibition", ex.id, USER, "create", "created")
        ex_id = ex.id
        assert rev.user_name == USER
    with cat.read_session() as s:
        snap = revision_snapshot(s, rev.id)
        assert [r["action"] for r in history(s, "exhibition", ex_id)] == ["create"]
    assert snap is not None
    assert snap["key"] == "then-and-now" and snap["texts"] == {"title": {"en": "Then and now"}}
    assert snap["sections"][0]["items"] == [b, a]
    assert snap["sections"][0]["texts"] == {"narrative": {"kk": "Баяндау"}}
    with pytest.raises(CatalogError), cat.session() as s:
        record(s, "exhibition", ex_id, USER, "vandalise")


def test_text_fields_are_the_catalogue_ones() -> None:
    assert "title" in ITEM_TEXT_FIELDS and "credit_line" in ITEM_TEXT_FIELDS
