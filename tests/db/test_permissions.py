"""Files that hold the whole catalogue (and so the curators' password hashes) are created
for their owner only (issue 15): a new catalogue with its WAL, the automatic copies made
before an upgrade or a restore, and manual backups."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from exhibition_app.catalog import Catalog
from exhibition_app.db.engine import backup_sqlite
from exhibition_app.operations.backup import backup, restore

pytestmark = pytest.mark.sqlite_only("file modes of SQLite catalogues")

ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _permissive_umask() -> object:
    old = os.umask(0o022)  # what most accounts have: new files 0644 unless we say otherwise
    yield
    os.umask(old)


def test_a_new_catalogue_and_its_wal_are_private(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    with Catalog.open(db, tmp_path / "assets") as cat:
        with cat.session():
            pass
        side = [p for p in tmp_path.iterdir() if p.name.startswith("new.db-")]
        assert side, "the WAL files exist while the catalogue is open"
        assert {p.name: mode(p) for p in side} == {p.name: 0o600 for p in side}
    assert mode(db) == 0o600


def test_automatic_and_manual_copies_are_private(tmp_path: Path) -> None:
    db = tmp_path / "catalog.db"
    shutil.copyfile(ROOT / "catalog.db", db)
    os.chmod(db, 0o644)  # an older catalogue, as it was created before
    auto = backup_sqlite(db, label="before-upgrade-from-x")
    assert mode(auto) == 0o600
    with Catalog.open(db, tmp_path / "assets") as cat:
        manual = backup(cat, tmp_path / "manual.db").file
    assert mode(manual) == 0o600
    result = restore(db, manual)
    assert result.previous_backup is not None and mode(result.previous_backup) == 0o600
