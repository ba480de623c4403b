"""A damaged catalogue is found and not written to (issue 15): flipped bytes and a zeroed
page make every write and `backup` refuse with one line pointing to `check` and `restore`,
the file is left byte for byte as it was, and `check --json` reports the damage as
``{"ok": false, "problems": [...]}`` with exit 1."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from exhibition_app.catalog import Catalog
from exhibition_app.errors import StorageError
from exhibition_app.operations.backup import backup
from exhibition_app.operations.check import check_catalog

pytestmark = pytest.mark.sqlite_only("page-level damage of an SQLite file")

ROOT = Path(__file__).resolve().parents[2]
PAGE = 4096


def _flip_bytes(data: bytearray) -> None:
    """The first byte of 40 pages of the file's second half, where the items' texts and
    the search index are (a b-tree page's type, an overflow page's link): bytes flipped
    inside a text would be another text, which no check of SQLite's can see."""
    rng = random.Random(1)
    pages = len(data) // PAGE
    for page in rng.sample(range(pages // 2, pages), 40):
        data[page * PAGE] ^= 0xFF


def _zero_a_page(data: bytearray) -> None:
    data[PAGE * 20 : PAGE * 21] = bytes(PAGE)


def _scramble_cells(data: bytearray) -> None:
    for i in range(PAGE * 50 + 100, PAGE * 50 + 200):
        data[i] ^= 0x55


DAMAGE = {"flipped bytes": _flip_bytes, "zeroed page": _zero_a_page, "cells": _scramble_cells}


@pytest.fixture(params=sorted(DAMAGE))
def damaged(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    damage: Callable[[bytearray], None] = DAMAGE[request.param]
    data = bytearray((ROOT / "catalog.db").read_bytes())
    damage(data)
    path = tmp_path / "catalog.db"
    path.write_bytes(bytes(data))
    return path


def test_writes_and_backups_refuse_and_leave_the_file_as_it_was(
    damaged: Path, tmp_path: Path
) -> None:
    before = damaged.read_bytes()
    with Catalog.open(damaged, tmp_path / "assets") as cat:
        with (
            pytest.raises(StorageError, match=r"is damaged \(.+\); nothing was written"),
            cat.session(),
        ):
            pass
        with pytest.raises(StorageError, match="'exhibition-app restore BACKUP'"):
            backup(cat, tmp_path / "backup.db")
        report = check_catalog(cat)
    assert not (tmp_path / "backup.db").exists()
    assert damaged.read_bytes() == before
    assert not report.ok
    assert all(p.startswith("database integrity: ") for p in report.problems)


def test_check_json_reports_the_damage_and_import_is_refused(damaged: Path, tmp_path: Path) -> None:
    base = [sys.executable, "-m", "exhibition_app", "--catalog", str(damaged)]
    base += ["--assets", str(tmp_path / "assets")]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    check = subprocess.run([*base, "check", "--json"], capture_output=True, text=True, env=env)
    assert check.returncode == 1, check.stderr
    report = json.loads(check.stdout)
    assert report["ok"] is False and report["problems"]
    picture = tmp_path / "portrait.jpg"
    shutil.copyfile(ROOT / "tests" / "data" / "martin-behaim-portrait.jpg", picture)
    before = damaged.read_bytes()
    proc = subprocess.run(
        [*base, "import", "image", str(picture), "--kind", "object", "--title", "X", "--json"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 1
    [line] = proc.stderr.strip().splitlines()
    assert "is damaged" in line and "'exhibition-app check'" in line
    assert damaged.read_bytes() == before


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "exhibition_app", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def test_check_reports_a_catalogue_that_cannot_even_be_opened(tmp_path: Path) -> None:
    data = bytearray((ROOT / "catalog.db").read_bytes())
    data[100:PAGE] = bytes(PAGE - 100)  # the schema page, after a valid header
    db = tmp_path / "catalog.db"
    db.write_bytes(bytes(data))
    base = ("--catalog", str(db), "--assets", str(tmp_path / "assets"))
    proc = _cli(*base, "check", "--json")
    assert proc.returncode == 1 and proc.stderr == ""
    report = json.loads(proc.stdout)
    assert report["ok"] is False
    assert report["problems"] == ["cannot read the catalogue: database disk image is malformed"]
    listing = _cli(*base, "items", "list")
    assert listing.returncode == 1
    assert listing.stderr.strip().splitlines() == [
        "exhibition-app: error: cannot read the catalogue: database disk image is malformed"
    ]


def test_a_read_that_meets_damage_is_one_line_pointing_to_check(tmp_path: Path) -> None:
    data = bytearray((ROOT / "catalog.db").read_bytes())
    # the root page of the items' texts, which listing the items reads
    con = sqlite3.connect(f"file:{ROOT / 'catalog.db'}?mode=ro", uri=True)
    (root,) = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'item_text'").fetchone()
    con.close()
    data[(root - 1) * PAGE] ^= 0xFF
    db = tmp_path / "catalog.db"
    db.write_bytes(bytes(data))
    proc = _cli("--catalog", str(db), "--assets", str(tmp_path / "assets"), "items", "list")
    assert proc.returncode == 1
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith("exhibition-app: error: the catalogue could not be read (")
    assert line.endswith("'exhibition-app check' tells whether it is damaged")
    assert "last-error.log" not in line  # not the crash log's last resort
