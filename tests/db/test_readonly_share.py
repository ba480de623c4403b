"""Kiosks that read a shared, read-only assets folder: derived files (thumbnails, tile sets
built on the kiosk, the offline copy) go to the account's own cache instead, and finished
tile sets on the share are used where they are.

The share is made read-only with a real read-only bind mount where this machine allows it
(root), else by telling the code the folder is not writable, which is what it asks."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Media
from exhibition_app.operations.maps import ensure_tiles, tiles_dir
from exhibition_app.operations.offline import offline_copy_path, write_offline_copy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The sample's assets as a read-only folder; XDG_CACHE_HOME is private to the test."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    source = tmp_path / "share-source"
    shutil.copytree(ROOT / "assets" / "media", source / "media")
    with Catalog.open(ROOT / "catalog.db", source) as writer:  # the share's own tiles: one map
        with writer.read_session() as s:
            media = s.get(Media, 3)
        assert media is not None
        ensure_tiles(writer, media)
    mount = tmp_path / "share"
    mount.mkdir()
    mounted = os.geteuid() == 0 and _bind_ro(source, mount)
    if not mounted:
        mount.rmdir()
        mount = source
        real_access = os.access
        monkeypatch.setattr(
            "exhibition_app.paths.os.access",
            lambda p, mode: False if Path(p) == mount and mode == os.W_OK else real_access(p, mode),
        )
    yield mount
    if mounted:
        subprocess.run(["umount", str(mount)], check=False)


def _bind_ro(source: Path, mount: Path) -> bool:
    for cmd in (
        ["mount", "--bind", str(source), str(mount)],
        ["mount", "-o", "remount,bind,ro", str(mount)],
    ):
        if subprocess.run(cmd, capture_output=True).returncode != 0:
            subprocess.run(["umount", str(mount)], capture_output=True)
            return False
    return True


def test_derived_files_go_to_the_cache_when_the_assets_are_read_only(
    share: Path, tmp_path: Path
) -> None:
    db = tmp_path / "kiosk.db"
    shutil.copyfile(ROOT / "catalog.db", db)
    with Catalog.open(db, share) as kiosk:
        assert kiosk.cache != share and kiosk.cache.is_relative_to(tmp_path / "cache-home")
        with kiosk.read_session() as s:
            photo, shared_map, other_map = s.get(Media, 6), s.get(Media, 3), s.get(Media, 4)
        assert photo is not None and shared_map is not None and other_map is not None
        thumb = kiosk.thumbs.get(photo.sha256, kiosk.store.abspath(photo.relpath), 256)
        assert thumb.is_file() and thumb.is_relative_to(kiosk.cache)
        # The share's finished tile set is used in place; a missing one is built in the cache.
        assert tiles_dir(kiosk, shared_map) == share / "tiles" / shared_map.sha256
        assert ensure_tiles(kiosk, shared_map).is_relative_to(share)
        built = ensure_tiles(kiosk, other_map)
        assert built.is_file() and built.is_relative_to(kiosk.cache)
        copy = write_offline_copy(kiosk)
        assert copy == offline_copy_path(share) and copy.is_relative_to(kiosk.cache)
    assert not (share / "thumbs").exists() and not (share / OFFLINE).exists()


OFFLINE = "offline-catalog.db"


def test_a_writable_assets_folder_keeps_its_derived_files(catalog: Catalog) -> None:
    assert catalog.cache == catalog.assets
    assert offline_copy_path(catalog.assets) == catalog.assets / OFFLINE
