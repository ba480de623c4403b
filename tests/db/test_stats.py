"""Anonymous visitor statistics: recording kiosk events and summarising them."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from exhibition_app.catalog import Catalog
from exhibition_app.core.stats import MAX_DWELL_MS, day_window, normalize_query, parse_day
from exhibition_app.db.engine import (
    _alembic_config,
    current_revision,
    head_revision,
)
from exhibition_app.db.models import Base, Item, VisitorEvent
from exhibition_app.operations.stats import EVENT_KINDS, VisitEvent, record_events, summarize

T0 = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def _items(catalog: Catalog) -> tuple[int, int, int]:
    """Three items: a globe (en + kk titles), a dombra (kk only) and a yurt (en only)."""
    with catalog.session() as s:
        globe = Item(kind="map", accession_number="BH-1")
        globe.set_text("title", "en", "Behaim globe")
        globe.set_text("title", "kk", "Бехайм глобусы")
        dombra = Item(kind="object", accession_number="OB-2")
        dombra.set_text("title", "kk", "Домбыра")
        yurt = Item(kind="object", accession_number="OB-3")
        yurt.set_text("title", "en", "Yurt")
        s.add_all([globe, dombra, yurt])
        s.flush()
        return globe.id, dombra.id, yurt.id


def _opened(
    item_id: int | None, dwell_ms: int | None, *, minutes: int = 0, station: str = "lobby"
) -> VisitEvent:
    return VisitEvent(
        "item_opened", station, T0 + timedelta(minutes=minutes), item_id=item_id, dwell_ms=dwell_ms
    )


def _record(catalog: Catalog, events: list[VisitEvent]) -> int:
    with catalog.session() as s:
        return record_events(s, events)


def _summary(catalog: Catalog, **kwargs: Any) -> dict[str, Any]:
    with catalog.read_session() as s:
        return summarize(s, **kwargs)


def test_an_empty_log_summarises_to_zeros(catalog: Catalog) -> None:
    assert _summary(catalog) == {
        "since": None,
        "until": None,
        "stations": [],
        "events": 0,
        "items_opened": 0,
        "items": [],
        "searches_without_result": [],
        "languages": {},
        "resets": 0,
    }


def test_record_and_summarize_items_dwell_languages_resets(catalog: Catalog) -> None:
    globe, dombra, yurt = _items(catalog)
    events = [
        _opened(globe, 10_000),
        _opened(globe, 30_000, minutes=1),
        _opened(globe, 20_500, minutes=2, station="hall-2"),
        _opened(dombra, 4_000, minutes=3),
        _opened(dombra, None, minutes=4),  # opened, dwell unknown
        _opened(yurt, 1_000, minutes=5),
        VisitEvent("language", "lobby", T0, lang="kk"),
        VisitEvent("language", "hall-2", T0, lang="KK "),
        VisitEvent("language", "lobby", T0, lang="ru"),
        VisitEvent("reset", "lobby", T0 + timedelta(minutes=9)),
    ]
    assert _record(catalog, events) == 10
    data = _summary(catalog, lang="kk")
    assert data["stations"] == ["hall-2", "lobby"]
    assert data["events"] == 10
    assert data["items_opened"] == 6
    assert data["items"] == [
        {
            "id": globe,
            "accession_number": "BH-1",
            "title": "Бехайм глобусы",
            "opened": 3,
            "dwell_seconds_total": 60.5,
            "dwell_seconds_median": 20.5,
        },
        {
            "id": dombra,
            "accession_number": "OB-2",
            "title": "Домбыра",
            "opened": 2,
            "dwell_seconds_total": 4.0,
            "dwell_seconds_median": 4.0,  # the event without a dwell does not count as 0
        },
        {
            "id": yurt,
            "accession_number": "OB-3",
            "title": "Yurt",  # no Kazakh title: the fallback order picks English
            "opened": 1,
            "dwell_seconds_total": 1.0,
            "dwell_seconds_median": 1.0,
        },
    ]
    assert data["languages"] == {"kk": 2, "ru": 1}
    assert list(data["languages"]) == ["kk", "ru"]
    assert data["resets"] == 1


def test_median_of_an_even_number_of_dwells_and_fallback_order(catalog: Catalog) -> None:
    _, dombra, _ = _items(catalog)
    _record(catalog, [_opened(dombra, ms) for ms in (1_000, 2_000, 4_000, 9_000)])
    (row,) = _summary(catalog, lang="en", fallback=("ru", "kk"))["items"]
    assert row["dwell_seconds_median"] == 3.0
    assert row["dwell_seconds_total"] == 16.0
    assert row["title"] == "Домбыра"


def test_items_opened_equally_often_are_listed_by_id(catalog: Catalog) -> None:
    globe, dombra, yurt = _items(catalog)
    _record(catalog, [_opened(yurt, 1), _opened(globe, 1), _opened(dombra, 1)])
    assert [r["id"] for r in _summary(catalog)["items"]] == sorted([globe, dombra, yurt])


def test_empty_searches_are_grouped_case_insensitively(catalog: Catalog) -> None:
    def search(query: str) -> VisitEvent:
        return VisitEvent("search_empty", "lobby", T0, query=query)

    _record(
        catalog,
        [
            search("Yurt  felt"),
            search("  yurt felt "),
            search("YURT\tFELT"),
            search("yurt felt"),
            search("Straße"),
            search("STRASSE"),  # casefold: the same search
            search("qobyz"),
            search("   "),  # nothing typed: counted as an event, not listed
        ],
    )
    data = _summary(catalog)
    assert data["searches_without_result"] == [
        {"query": "yurt felt", "count": 4},
        {"query": "STRASSE", "count": 2},
        {"query": "qobyz", "count": 1},
    ]
    assert data["events"] == 8


def test_queries_are_collapsed_and_cut_and_nothing_else_is_kept(catalog: Catalog) -> None:
    long = "  steppe \n" + "x" * 200
    _record(
        catalog,
        [
            VisitEvent(
                "search_empty", "lobby", T0, query=long, item_id=None, dwell_ms=5, lang="en"
            ),
            VisitEvent("reset", "lobby", T0, query="secret", dwell_ms=100, lang="en"),
        ],
    )
    with catalog.read_session() as s:
        search, reset = s.scalars(select(VisitorEvent).order_by(VisitorEvent.id)).all()
    assert search.query == ("steppe " + "x" * 200)[:80]
    assert len(search.query) == 80
    assert (search.dwell_ms, search.lang, search.item_id) == (None, None, None)
    assert (reset.query, reset.dwell_ms, reset.lang) == (None, None, None)
    assert normalize_query(" a \t b ") == "a b"
    assert normalize_query(" \n ") is None


def test_dwell_is_clamped_to_zero_and_six_hours(catalog: Catalog) -> None:
    globe, _, _ = _items(catalog)
    _record(catalog, [_opened(globe, -5), _opened(globe, 2 * MAX_DWELL_MS)])
    with catalog.read_session() as s:
        dwells = s.scalars(select(VisitorEvent.dwell_ms).order_by(VisitorEvent.id)).all()
    assert dwells == [0, 6 * 3600 * 1000]


def test_times_are_stored_in_utc(catalog: Catalog) -> None:
    almaty = timezone(timedelta(hours=5))
    _record(
        catalog,
        [
            VisitEvent("reset", "lobby", datetime(2026, 3, 1, 15, 0, tzinfo=almaty)),
            VisitEvent("reset", "lobby", datetime(2026, 3, 1, 10, 30)),  # naive: UTC
        ],
    )
    with catalog.read_session() as s:
        stored = s.scalars(select(VisitorEvent.at).order_by(VisitorEvent.id)).all()
    assert [t.replace(tzinfo=None) for t in stored] == [
        datetime(2026, 3, 1, 10, 0),
        datetime(2026, 3, 1, 10, 30),
    ]


def test_since_until_and_station_filters(catalog: Catalog) -> None:
    globe, _, _ = _items(catalog)
    _record(
        catalog,
        [
            _opened(globe, 1_000, minutes=-1),  # just before since
            _opened(globe, 2_000, minutes=0, station="lobby"),  # on since: included
            _opened(globe, 3_000, minutes=30, station="hall-2"),
            _opened(globe, 4_000, minutes=60),  # on until: excluded
        ],
    )
    since, until = T0, T0 + timedelta(hours=1)
    data = _summary(catalog, since=since, until=until)
    assert data["since"] == "2026-03-01T10:00:00+00:00"
    assert data["until"] == "2026-03-01T11:00:00+00:00"
    assert data["items_opened"] == 2
    assert data["items"][0]["dwell_seconds_total"] == 5.0
    assert data["stations"] == ["hall-2", "lobby"]
    lobby = _summary(catalog, since=since, until=until, station="lobby")
    assert lobby["stations"] == ["lobby"] and lobby["items_opened"] == 1
    naive = _summary(catalog, since=T0.replace(tzinfo=None))
    assert naive["since"] == "2026-03-01T10:00:00+00:00" and naive["items_opened"] == 3
    # The same instant in another zone selects the same events.
    almaty = _summary(catalog, since=T0.astimezone(timezone(timedelta(hours=5))))
    assert almaty["items_opened"] == 3
    assert _summary(catalog, station="nowhere")["events"] == 0


def test_deleted_items_count_but_are_not_listed(catalog: Catalog) -> None:
    globe, dombra, _ = _items(catalog)
    _record(catalog, [_opened(globe, 1_000), _opened(dombra, 2_000), _opened(dombra, 3_000)])
    with catalog.session() as s:
        s.delete(s.get(Item, dombra))
    with catalog.read_session() as s:
        ids = s.scalars(select(VisitorEvent.item_id).order_by(VisitorEvent.id)).all()
    assert ids == [globe, None, None]  # ON DELETE SET NULL kept the events
    data = _summary(catalog)
    assert data["items_opened"] == 3
    assert [r["id"] for r in data["items"]] == [globe]


def test_an_item_already_gone_is_stored_as_null_not_refused(catalog: Catalog) -> None:
    globe, _, _ = _items(catalog)
    assert _record(catalog, [_opened(globe, 1_000), _opened(99_999, 2_000)]) == 2
    with catalog.read_session() as s:
        ids = s.scalars(select(VisitorEvent.item_id).order_by(VisitorEvent.id)).all()
    assert ids == [globe, None]


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (VisitEvent("item_closed", "lobby", T0), "unknown event kind"),
        (VisitEvent("reset", "   ", T0), "station"),
        (VisitEvent("language", "lobby", T0), "language"),
        (VisitEvent("language", "lobby", T0, lang="english-uk"), "language code"),
    ],
)
def test_an_invalid_event_refuses_the_whole_batch(
    catalog: Catalog, event: VisitEvent, message: str
) -> None:
    with pytest.raises(ValueError, match=message), catalog.session() as s:
        record_events(s, [VisitEvent("reset", "lobby", T0), event])
    assert _summary(catalog)["events"] == 0


def test_the_database_refuses_unknown_kinds_and_negative_dwell(catalog: Catalog) -> None:
    assert EVENT_KINDS == ("item_opened", "search_empty", "language", "reset")
    for row in (
        VisitorEvent(at=T0, station="x", kind="other"),
        VisitorEvent(at=T0, station="x", kind="item_opened", dwell_ms=-1),
    ):
        with pytest.raises(IntegrityError), catalog.session() as s:
            s.add(row)


def test_day_window_covers_whole_local_days() -> None:
    almaty = timezone(timedelta(hours=5))
    since, until = day_window(date(2026, 3, 1), date(2026, 3, 2), almaty)
    assert since == datetime(2026, 3, 1, tzinfo=almaty)
    assert until == datetime(2026, 3, 3, tzinfo=almaty)
    assert day_window(None, None) == (None, None)
    since, until = day_window(date(2026, 3, 1), None)
    assert since is not None and since.tzinfo is not None and until is None
    with pytest.raises(ValueError):
        day_window(date(2026, 3, 2), date(2026, 3, 1))
    assert parse_day("2026-03-01") == date(2026, 3, 1)
    for bad in ("2026-02-30", "20260301", "1.3.2026", "yesterday"):
        with pytest.raises(ValueError):
            parse_day(bad)


def test_schema_matches_the_models(catalog: Catalog) -> None:
    """The migrations build what the models describe, on either engine."""
    with catalog.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        if conn.dialect.name != "sqlite":
            # item_search is the search index (db/search.py), not a model.
            assert [d for d in diffs if "item_search" not in str(d)] == []
            return
        sql = conn.execute(
            text("SELECT sql FROM sqlite_master WHERE name = 'visitor_event'")
        ).scalar_one()
    assert [d for d in diffs if "visitor_event" in str(d)] == []
    assert "ON DELETE SET NULL" in sql
    assert "'item_opened', 'search_empty', 'language', 'reset'" in sql
    assert "dwell_ms >= 0" in sql


def test_a_0003_catalogue_is_upgraded_and_can_go_back(
    tmp_path: Path, old_catalogue: Callable[..., Path]
) -> None:
    db = old_catalogue("0003", old_map=True)
    with Catalog.open(db, tmp_path / "assets") as cat:
        assert cat.backup_made is not None
        assert current_revision(cat.engine) == head_revision()
        with cat.session() as s:
            item_id = s.scalars(select(Item.id)).one()
            record_events(s, [_opened(item_id, 1_000)])
        assert _summary(cat)["items"][0]["accession_number"] == "OLD-1"
        with cat.engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0003")
        assert current_revision(cat.engine) == "0003"
    con = sqlite3.connect(db)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    con.close()
    assert not {n for n in names if "visitor_event" in n}
    assert "item" in names
