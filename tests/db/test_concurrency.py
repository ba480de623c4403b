"""A curator writing while kiosks read the same catalogue, in separate processes.

One writer process makes many small edit_item transactions, each changing several rows (an
item's title in four languages, its tags, its revision, its search row); three reader
processes load the gallery over and over, as a kiosk does. Every snapshot a reader sees must
be internally consistent: the four languages of a title carry the same edit counter, never
a mix of two edits, and so do the tags. Nobody may see "database is locked".

Titles and tags come from different SELECTs of one load. They agree only if a read session
is one SQLite read transaction; with the sqlite3 module's default (legacy) transaction
handling a SELECT outside a write starts no transaction, so each statement sees the newest
commit. Until the engine begins a transaction for reads too, that part is an expected
failure (reported as XFAIL, with what was seen); once it does, it is asserted like the rest.

The processes are this file run as a script (``python test_concurrency.py ROLE ...``), so
they share nothing with pytest but the catalogue file.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

LANGS = ("en", "kk", "ru", "mn")
ITEMS = 12
SECONDS = 5.0
READERS = 3
COUNTER = re.compile(r"#(\d+)$")


def _setup(db: Path, assets: Path) -> list[int]:
    from exhibition_app.catalog import Catalog
    from exhibition_app.operations.accounts import add_user
    from exhibition_app.operations.items import create_item

    with Catalog.open(db, assets) as cat:
        with cat.session() as s:
            add_user(s, "writer", "many-small-edits")
        ids = []
        with cat.session() as s:
            for i in range(ITEMS):
                item = create_item(
                    s,
                    {
                        "kind": "object",
                        "accession_number": f"CC-{i:03d}",
                        "texts": {"title": {lang: f"{lang} item {i} #0" for lang in LANGS}},
                        "tags": ["edit-0", "steady"],
                    },
                    "writer",
                )
                ids.append(item.id)
        return ids


def _count_lock(exc: Exception, errors: list[str]) -> int:
    """1 when ``exc`` is "database is locked"; any other error goes into ``errors``, 0."""
    if "locked" in str(exc):
        return 1
    errors.append(str(exc).splitlines()[0])
    return 0


def _writer(db: str, assets: str, seconds: float, ids: list[int]) -> dict[str, object]:
    from sqlalchemy.exc import OperationalError

    from exhibition_app.catalog import Catalog
    from exhibition_app.operations.items import edit_item

    edits, locked, errors = 0, 0, []
    counters = dict.fromkeys(ids, 0)
    with Catalog.open(db, assets) as cat:
        deadline = time.monotonic() + seconds
        n = 0
        while time.monotonic() < deadline:
            item_id = ids[n % len(ids)]
            n += 1
            counter = counters[item_id] + 1
            changes = {
                "texts": {"title": {lang: f"{lang} item {item_id} #{counter}" for lang in LANGS}},
                "tags": [f"edit-{counter}", "steady"],
            }
            try:
                with cat.session() as s:
                    edit_item(s, item_id, changes, "writer")
            except OperationalError as exc:
                locked += _count_lock(exc, errors)
                continue
            counters[item_id] = counter
            edits += 1
    return {"edits": edits, "locked": locked, "errors": errors[:5], "counters": counters}


def _check_title(card: Any) -> str | None:
    """None if the four languages of the card's title are one edit's; else the mix."""
    title = card.texts.get("title", {})
    found = {}
    for lang in LANGS:
        m = COUNTER.search(title.get(lang, ""))
        if m is None:
            return f"item {card.id}: no counter in the {lang} title {title.get(lang)!r}"
        found[lang] = int(m.group(1))
    if len(set(found.values())) != 1:
        return f"item {card.id}: a title mixing edits {found}"
    return None


def _check_tags(card: Any) -> str | None:
    """None if the card's tags are from the same edit as its title; else the mix."""
    tags = [t for t in card.tags if t.startswith("edit-")]
    title = int(COUNTER.search(card.texts["title"]["en"]).group(1))
    if len(tags) != 1 or int(tags[0].removeprefix("edit-")) != title:
        return f"item {card.id}: title of edit #{title} with tags {sorted(card.tags)}"
    return None


def _reads_are_transactions(cat: Any) -> bool:
    """Whether a read session's SELECTs run in one SQLite transaction (one snapshot)."""
    from sqlalchemy import text

    with cat.read_session() as s:
        s.execute(text("SELECT count(*) FROM item"))
        return bool(s.connection().connection.driver_connection.in_transaction)


def _reader(db: str, assets: str, seconds: float, ids: list[int]) -> dict[str, object]:
    from sqlalchemy.exc import OperationalError

    from exhibition_app.catalog import Catalog
    from exhibition_app.operations.views import load_gallery

    reads, locked, mixed, split, errors = 0, 0, [], [], []
    last_seen = dict.fromkeys(ids, 0)
    went_back = []
    with Catalog.open(db, assets) as cat:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                with cat.read_session() as s:
                    gallery = load_gallery(s)
            except OperationalError as exc:
                locked += _count_lock(exc, errors)
                continue
            reads += 1
            for item_id in ids:
                card = gallery.items.get(item_id)
                if card is None:
                    mixed.append(f"item {item_id} missing")
                    continue
                problem = _check_title(card)
                if problem:
                    mixed.append(problem)
                    continue
                problem = _check_tags(card)
                if problem:
                    split.append(problem)
                counter = int(COUNTER.search(card.texts["title"]["en"]).group(1))
                if counter < last_seen[item_id]:
                    went_back.append(f"item {item_id}: #{counter} after #{last_seen[item_id]}")
                last_seen[item_id] = counter
    return {
        "reads": reads,
        "locked": locked,
        "mixed": mixed[:5],
        "mixed_count": len(mixed),
        "split": split[:3],
        "split_count": len(split),
        "went_back": went_back[:5],
        "errors": errors[:5],
        "last_seen": last_seen,
    }


def _spawn(role: str, db: Path, assets: Path, ids: list[int]) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.Popen(
        [sys.executable, __file__, role, str(db), str(assets), str(SECONDS), json.dumps(ids)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.slow
def test_kiosks_never_see_half_an_edit_and_nobody_is_locked_out(tmp_path: Path) -> None:
    db, assets = tmp_path / "catalog.db", tmp_path / "assets"
    ids = _setup(db, assets)
    readers = [_spawn("reader", db, assets, ids) for _ in range(READERS)]
    writer = _spawn("writer", db, assets, ids)
    results = []
    for proc in [writer, *readers]:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    wrote, read = results[0], results[1:]

    assert wrote["errors"] == [] and wrote["locked"] == 0, wrote
    assert wrote["edits"] >= 20, wrote  # many small transactions, not a handful
    for r in read:
        assert r["errors"] == [] and r["locked"] == 0, r
        assert r["reads"] >= 10, r
        assert r["mixed_count"] == 0, r["mixed"]
        assert r["went_back"] == [], r["went_back"]

    # Every committed edit is there in the end, each with its revision.
    from exhibition_app.catalog import Catalog
    from exhibition_app.operations.history import history
    from exhibition_app.operations.views import load_gallery

    counters = {int(k): v for k, v in wrote["counters"].items()}
    with Catalog.open(db, assets) as cat:
        with cat.read_session() as s:
            gallery = load_gallery(s)
            for item_id, counter in counters.items():
                card = gallery.items[item_id]
                assert _check_title(card) is None and _check_tags(card) is None
                assert card.texts["title"]["mn"].endswith(f"#{counter}")
                revisions = history(s, "item", item_id)
                assert len(revisions) == counter + 1  # its creation and every edit
                assert all(r["user_name"] == "writer" for r in revisions)
        snapshots = _reads_are_transactions(cat)
    # The readers saw the catalogue move on while it was being written.
    assert any(any(v > 0 for v in r["last_seen"].values()) for r in read)

    split = sum(r["split_count"] for r in read)
    if split and not snapshots:
        examples = [e for r in read for e in r["split"]][:3]
        pytest.xfail(
            f"{split} gallery loads mixed two edits across tables (e.g. {examples}): a read "
            "session is not one SQLite transaction (exhibition_app.db.engine)"
        )
    assert split == 0, [e for r in read for e in r["split"]]


if __name__ == "__main__":
    role, db_arg, assets_arg, seconds_arg, ids_arg = sys.argv[1:6]
    worker = {"writer": _writer, "reader": _reader}[role]
    print(json.dumps(worker(db_arg, assets_arg, float(seconds_arg), json.loads(ids_arg))))
