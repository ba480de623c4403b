"""Shared fixtures: real SQLite catalogues in temporary folders, real images, Qt offscreen."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def catalog(tmp_path: Path) -> Iterator[object]:
    """A new, empty, fully migrated catalogue on a temporary SQLite file."""
    from exhibition_app.catalog import Catalog

    cat = Catalog.open(tmp_path / "catalog.db", tmp_path / "assets")
    yield cat
    cat.close()


@pytest.fixture
def sample_catalog(tmp_path: Path) -> Iterator[object]:
    """A private copy of the shipped sample exhibition (the original is never written)."""
    from exhibition_app.catalog import Catalog

    db = tmp_path / "catalog.db"
    shutil.copyfile(ROOT / "catalog.db", db)
    assets = tmp_path / "assets"
    shutil.copytree(ROOT / "assets" / "media", assets / "media")
    cat = Catalog.open(db, assets)
    yield cat
    cat.close()


@pytest.fixture
def sample_paths(sample_catalog: object) -> tuple[Path, Path]:
    """(catalog file, assets folder) of the private sample copy, for CLI tests."""
    return sample_catalog.db_path, sample_catalog.assets  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _no_worker_outlives_a_test() -> Iterator[None]:
    """Tile decoders run on Qt's global pool: let them finish before widgets go away."""
    yield
    if "PySide6.QtCore" in __import__("sys").modules:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(10000)


@pytest.fixture(autouse=True)
def _private_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Backups, PIN files and logs go to a temporary folder, never the real user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
