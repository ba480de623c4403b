"""Anonymous visitor statistics: recording the kiosk's events and summarising them (Qt-free).

The kiosk builds ``VisitEvent`` values (exhibition_app.core.stats) and its database worker
calls ``record_events``; ``exhibition-app stats`` and, later, the curators' workspace call
``summarize``. Nothing about a visitor is stored beyond what an event says: which item, how
long, which language, the query of a search that found nothing, and when a kiosk was reset.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from exhibition_app.core.languages import DEFAULT_FALLBACK, pick
from exhibition_app.core.stats import (
    EVENT_KINDS,
    MAX_LANG_CHARS,
    MAX_STATION_CHARS,
    VisitEvent,
    as_utc,
    clamp_dwell,
    normalize_query,
)
from exhibition_app.db.models import Item, ItemText, VisitorEvent

__all__ = ["EVENT_KINDS", "VisitEvent", "record_events", "summarize"]


def _row(event: VisitEvent, known_items: set[int]) -> VisitorEvent:
    if event.kind not in EVENT_KINDS:
        raise ValueError(f"unknown event kind '{event.kind}': use one of {', '.join(EVENT_KINDS)}")
    station = " ".join(event.station.split())[:MAX_STATION_CHARS]
    if not station:
        raise ValueError("an event needs the name of the station (kiosk) it comes from")
    lang = (event.lang or "").strip().lower() or None
    if lang is not None and len(lang) > MAX_LANG_CHARS:
        raise ValueError(f"'{event.lang}' is not a language code")
    if event.kind == "language" and lang is None:
        raise ValueError("a language event needs the language chosen")
    opened = event.kind == "item_opened"
    item_id = event.item_id if opened and event.item_id in known_items else None
    return VisitorEvent(
        at=as_utc(event.at),
        station=station,
        kind=event.kind,
        item_id=item_id,
        lang=lang if event.kind == "language" else None,
        dwell_ms=clamp_dwell(event.dwell_ms) if opened else None,
        query=normalize_query(event.query) if event.kind == "search_empty" else None,
    )


def record_events(session: Session, events: Sequence[VisitEvent]) -> int:
    """Store a batch of kiosk events; returns how many were stored.

    The whole batch is checked before anything is added: an unknown kind, a missing station
    or a language event without its language raises ValueError and stores nothing. Dwell
    times are clamped to 0..6 h and queries collapsed and cut to 80 characters; an item that
    no longer exists is stored as NULL (the event still counts). Fields that do not belong to
    an event's kind (a dwell on a reset, say) are dropped rather than stored.
    """
    wanted = {e.item_id for e in events if e.item_id is not None}
    known: set[int] = set()
    if wanted:
        known = set(session.scalars(select(Item.id).where(Item.id.in_(wanted))))
    rows = [_row(event, known) for event in events]
    session.add_all(rows)
    session.flush()
    return len(rows)


def _window(
    since: datetime | None, until: datetime | None, station: str | None
) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if since is not None:
        where.append(VisitorEvent.at >= as_utc(since))
    if until is not None:
        where.append(VisitorEvent.at < as_utc(until))
    if station is not None:
        where.append(VisitorEvent.station == station)
    return where


def _seconds(ms: float) -> float:
    return round(ms / 1000, 3)


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return (as_utc(moment) if moment.tzinfo is None else moment).isoformat()


def summarize(
    session: Session,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    station: str | None = None,
    lang: str = "en",
    fallback: Sequence[str] = DEFAULT_FALLBACK,
) -> dict[str, Any]:
    """The events of [since, until) as plain, JSON-ready data (``stats --json``).

    Naive datetimes are taken to be UTC. Items are listed by how often they were opened; an
    item deleted since still counts in ``items_opened`` but is not listed. Dwell comes from
    ``item_opened`` events, which the kiosk records when the visitor leaves the item.
    """
    window = _window(since, until, station)
    by_kind: dict[str, int] = {
        kind: count
        for kind, count in session.execute(
            select(VisitorEvent.kind, func.count()).where(*window).group_by(VisitorEvent.kind)
        )
    }
    stations = list(
        session.scalars(
            select(VisitorEvent.station).where(*window).distinct().order_by(VisitorEvent.station)
        )
    )

    opened: dict[int, int] = {}
    dwells: dict[int, list[int]] = {}
    rows = session.execute(
        select(VisitorEvent.item_id, VisitorEvent.dwell_ms).where(
            *window, VisitorEvent.kind == "item_opened", VisitorEvent.item_id.is_not(None)
        )
    )
    for item_id, dwell_ms in rows:
        if item_id is None:
            continue
        opened[item_id] = opened.get(item_id, 0) + 1
        if dwell_ms is not None:
            dwells.setdefault(item_id, []).append(dwell_ms)
    accession = {
        item_id: number
        for item_id, number in session.execute(
            select(Item.id, Item.accession_number).where(Item.id.in_(opened))
        )
    }
    titles: dict[int, dict[str, str]] = {}
    for text in session.scalars(
        select(ItemText).where(ItemText.item_id.in_(opened), ItemText.field == "title")
    ):
        titles.setdefault(text.item_id, {})[text.lang] = text.value
    listed: list[dict[str, Any]] = []
    for item_id in sorted(opened, key=lambda i: (-opened[i], i)):
        if item_id not in accession:  # deleted between the two reads
            continue
        picked = pick(titles.get(item_id, {}), lang, fallback)
        times = dwells.get(item_id, [])
        listed.append(
            {
                "id": item_id,
                "accession_number": accession[item_id],
                "title": picked.text if picked else "",
                "opened": opened[item_id],
                "dwell_seconds_total": _seconds(sum(times)),
                "dwell_seconds_median": _seconds(statistics.median(times)) if times else None,
            }
        )

    searches: dict[str, dict[str, int]] = {}  # casefolded -> {spelling: count}
    for query, count in session.execute(
        select(VisitorEvent.query, func.count())
        .where(*window, VisitorEvent.kind == "search_empty", VisitorEvent.query.is_not(None))
        .group_by(VisitorEvent.query)
    ):
        if query is None:
            continue
        spellings = searches.setdefault(query.casefold(), {})
        spellings[query] = spellings.get(query, 0) + count
    groups = sorted(searches.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    empty = [
        {
            # The spelling visitors typed most often stands for the group.
            "query": min(spellings, key=lambda q: (-spellings[q], q)),
            "count": sum(spellings.values()),
        }
        for _folded, spellings in groups
    ]

    languages: dict[str, int] = {}
    for code, count in session.execute(
        select(VisitorEvent.lang, func.count())
        .where(*window, VisitorEvent.kind == "language", VisitorEvent.lang.is_not(None))
        .group_by(VisitorEvent.lang)
        .order_by(func.count().desc(), VisitorEvent.lang)
    ):
        if code is not None:
            languages[code] = count
    return {
        "since": _iso(since),
        "until": _iso(until),
        "stations": stations,
        "events": sum(by_kind.values()),
        "items_opened": by_kind.get("item_opened", 0),
        "items": listed,
        "searches_without_result": empty,
        "languages": languages,
        "resets": by_kind.get("reset", 0),
    }
