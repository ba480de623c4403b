"""Anonymous visitor statistics as the kiosk records them (no Qt, no SQLAlchemy).

Nothing about a visitor is kept: only which item was opened and for how long, what was
searched for without a result, which language was chosen, and when the kiosk was reset,
each with the kiosk (station) and the UTC time. The UI builds ``VisitEvent`` values and
hands them to ``exhibition_app.operations.stats.record_events`` on its database worker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

#: What the kiosk records. ``item_opened`` is recorded when the visitor leaves the item,
#: with the dwell time; ``search_empty`` with the query that found nothing.
EVENT_KINDS: tuple[str, ...] = ("item_opened", "search_empty", "language", "reset")

#: Longest dwell kept; a kiosk left on one item overnight is not a visitor reading it.
MAX_DWELL_MS = 6 * 60 * 60 * 1000
MAX_QUERY_CHARS = 80
MAX_STATION_CHARS = 64
MAX_LANG_CHARS = 8


@dataclass(frozen=True)
class VisitEvent:
    """One anonymous kiosk event; fields that do not belong to ``kind`` are not stored."""

    kind: str
    station: str
    at: datetime
    item_id: int | None = None
    lang: str | None = None
    dwell_ms: int | None = None
    query: str | None = None


def as_utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC datetime; a naive one is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def clamp_dwell(dwell_ms: int | None) -> int | None:
    """The dwell in whole milliseconds, clamped to 0..6 h; None stays None."""
    if dwell_ms is None:
        return None
    return max(0, min(int(dwell_ms), MAX_DWELL_MS))


def normalize_query(query: str | None) -> str | None:
    """Whitespace collapsed and the ends stripped, at most 80 characters; None if empty."""
    if query is None:
        return None
    text = " ".join(query.split())[:MAX_QUERY_CHARS].rstrip()
    return text or None


def parse_day(text: str) -> date:
    """A day written ``YYYY-MM-DD``; ValueError for anything else."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise ValueError(f"'{text}' is not a day like 2026-03-01")
    return date.fromisoformat(text.strip())


def day_window(
    first: date | None, last: date | None, tz: tzinfo | None = None
) -> tuple[datetime | None, datetime | None]:
    """The half-open [since, until) covering the days ``first`` to ``last``, both included.

    Days are local days in ``tz`` (default: this computer's time zone), as a curator means
    them; the bounds come back as aware datetimes, which the summary compares in UTC.
    """
    if first is not None and last is not None and last < first:
        raise ValueError(f"the last day {last} is before the first day {first}")

    def start(day: date) -> datetime:
        moment = datetime.combine(day, time())
        return moment.replace(tzinfo=tz) if tz is not None else moment.astimezone()

    since = start(first) if first is not None else None
    until = start(last + timedelta(days=1)) if last is not None else None
    return since, until
