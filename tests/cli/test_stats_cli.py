"""``exhibition-app stats``: the visitor statistics as scripts and curators read them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Item
from exhibition_app.operations.stats import VisitEvent, record_events

KEYS = {
    "since",
    "until",
    "stations",
    "events",
    "items_opened",
    "items",
    "searches_without_result",
    "languages",
    "resets",
}


def run(db: Path, assets: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # Days given to --since/--until are local days: pin the zone so the test is the same anywhere.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TZ": "UTC"}
    base = [sys.executable, "-m", "exhibition_app", "--catalog", str(db), "--assets", str(assets)]
    return subprocess.run(
        [*base, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def stats_json(db: Path, assets: Path, *args: str) -> dict[str, Any]:
    proc = run(db, assets, "stats", *args, "--json")
    assert proc.returncode == 0, proc.stderr
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


def test_stats_on_an_empty_log(sample_paths: tuple[Path, Path]) -> None:
    db, assets = sample_paths
    data = stats_json(db, assets)
    assert set(data) == KEYS
    assert data["events"] == data["items_opened"] == data["resets"] == 0
    assert data["items"] == data["searches_without_result"] == data["stations"] == []
    assert data["languages"] == {}
    assert data["since"] is None and data["until"] is None
    proc = run(db, assets, "stats")
    assert proc.returncode == 0, proc.stderr
    assert "Items opened: 0" in proc.stdout


def test_stats_after_recording_events(sample_catalog: Catalog) -> None:
    db, assets = sample_catalog.db_path or sample_catalog.url, sample_catalog.assets
    assert db is not None
    day = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    with sample_catalog.session() as s:
        first, second = s.scalars(select(Item.id).order_by(Item.id).limit(2)).all()
        record_events(
            s,
            [
                VisitEvent("item_opened", "lobby", day, item_id=first, dwell_ms=12_000),
                VisitEvent("item_opened", "lobby", day, item_id=first, dwell_ms=40_000),
                VisitEvent("item_opened", "hall-2", day, item_id=second, dwell_ms=5_000),
                VisitEvent("item_opened", "hall-2", day + timedelta(days=1), item_id=second),
                VisitEvent("search_empty", "lobby", day, query="Felt Yurt"),
                VisitEvent("search_empty", "hall-2", day, query="felt  yurt"),
                VisitEvent("language", "lobby", day, lang="kk"),
                VisitEvent("reset", "lobby", day + timedelta(days=2)),
            ],
        )
        title_kk = s.get(Item, first).text_map("title")["kk"]  # type: ignore[union-attr]

    data = stats_json(db, assets, "--lang", "kk")
    assert data["stations"] == ["hall-2", "lobby"]
    assert (data["events"], data["items_opened"], data["resets"]) == (8, 4, 1)
    top = data["items"][0]
    assert {"id", "accession_number", "title", "opened"} <= top.keys()
    assert (top["id"], top["title"], top["opened"]) == (first, title_kk, 2)
    assert (top["dwell_seconds_total"], top["dwell_seconds_median"]) == (52.0, 26.0)
    assert data["items"][1]["id"] == second and data["items"][1]["opened"] == 2
    assert data["searches_without_result"] == [{"query": "Felt Yurt", "count": 2}]
    assert data["languages"] == {"kk": 1}

    one_day = stats_json(db, assets, "--since", "2026-03-01", "--until", "2026-03-01")
    assert one_day["since"] == "2026-03-01T00:00:00+00:00"
    assert one_day["until"] == "2026-03-02T00:00:00+00:00"  # the end of the day, exclusive
    assert (one_day["events"], one_day["items_opened"], one_day["resets"]) == (6, 3, 0)
    later = stats_json(db, assets, "--since", "2026-03-02")
    assert (later["events"], later["resets"]) == (2, 1)
    lobby = stats_json(db, assets, "--station", "lobby")
    assert lobby["stations"] == ["lobby"] and lobby["events"] == 5

    proc = run(db, assets, "stats", "--station", "hall-2")
    assert proc.returncode == 0, proc.stderr
    assert "3 events from 1 station (hall-2)" in proc.stdout
    assert "felt  yurt" not in proc.stdout and "felt yurt" in proc.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--since", "yesterday"), "--since 'yesterday' is not a day"),
        (("--since", "2026-02-30"), "--since '2026-02-30' is not a day"),
        (("--until", "1.3.2026"), "--until '1.3.2026' is not a day"),
        (("--since", "2026-03-02", "--until", "2026-03-01"), "is before --since"),
    ],
)
def test_bad_days_are_one_line_errors(
    sample_paths: tuple[Path, Path], args: tuple[str, ...], message: str
) -> None:
    db, assets = sample_paths
    proc = run(db, assets, "stats", *args)
    assert proc.returncode == 1
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert message in lines[0] and "Traceback" not in proc.stderr
