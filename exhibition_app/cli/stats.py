"""``stats``: the anonymous visitor statistics the kiosks record, as a report or JSON."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from exhibition_app.catalog import Catalog
from exhibition_app.cli.commands import Commands
from exhibition_app.cli.console import emit
from exhibition_app.core.stats import day_window, parse_day
from exhibition_app.errors import InvalidInput
from exhibition_app.operations.stats import summarize


def register(commands: Commands) -> None:
    st = commands.add("stats", cmd_stats, help="anonymous visitor statistics")
    st.add_argument("--since", metavar="YYYY-MM-DD", help="from this day on (local time)")
    st.add_argument("--until", metavar="YYYY-MM-DD", help="up to this day, inclusive")
    st.add_argument("--station", metavar="NAME", help="one kiosk only")


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min {secs} s" if minutes else f"{secs} s"


def _stats_text(data: dict[str, Any], since: str | None, until: str | None) -> str:
    n = len(data["stations"])
    lines = [
        f"Visitor statistics, {since or 'the beginning'} to {until or 'now'}",
        f"{data['events']} events from {n} {'station' if n == 1 else 'stations'}"
        + (f" ({', '.join(data['stations'])})" if data["stations"] else ""),
        f"Items opened: {data['items_opened']}",
    ]
    lines += [
        f"  {d['opened']:>5}x  {d['accession_number']:<14} {d['title']}  "
        f"(median {_duration(d['dwell_seconds_median'])}, "
        f"total {_duration(d['dwell_seconds_total'])})"
        for d in data["items"][:20]
    ]
    searches = data["searches_without_result"]
    lines.append(f"Searches without a result: {sum(s['count'] for s in searches)}")
    lines += [f"  {s['count']:>5}x  {s['query']}" for s in searches[:20]]
    languages = ", ".join(f"{code} {n}" for code, n in data["languages"].items())
    lines.append(f"Languages chosen: {languages or 'none'}")
    lines.append(f"Resets: {data['resets']}")
    return "\n".join(lines)


def _day(option: str, text: str | None) -> date | None:
    try:
        return parse_day(text) if text is not None else None
    except ValueError:
        raise InvalidInput(f"{option} '{text}' is not a day like 2026-03-01") from None


def cmd_stats(catalog: Catalog, args: argparse.Namespace) -> int:
    first, last = _day("--since", args.since), _day("--until", args.until)
    if first is not None and last is not None and last < first:
        raise InvalidInput(f"--until {args.until} is before --since {args.since}")
    since, until = day_window(first, last)  # the local days, inclusive
    with catalog.read_session() as s:
        data = summarize(
            s,
            since=since,
            until=until,
            station=args.station,
            lang=args.lang,
            fallback=catalog.fallback,
        )
    emit(args, data, lambda: _stats_text(data, args.since, args.until))
    return 0
