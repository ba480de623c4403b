"""Kiosks that read a shared, read-only assets folder: derived files (thumbnails, tile sets
built on the kiosk, the offline copy) go to the account's own cache instead, and finished
tile sets on the share are used where they are.

The share is made read-only with a real read-only bind mount where this machine allows it
(root), else by telling the code the folder is not writable, which is what it asks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Item, Media
from exhibition_app.db.search import search
from exhibition_app.errors import StorageError
from exhibition_app.operations.backup import backup
from exhibition_app.operations.check import check_catalog
from exhibition_app.operations.csv_io import export_csv
from exhibition_app.operations.ingest import import_image
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


# --------------------------------------------------------- read-only catalogues (issue 15)

READ_ONLY_TAIL = "it can be read but not changed"


def _sample_copy(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "catalog.db", folder / "catalog.db")
    shutil.copytree(ROOT / "assets" / "media", folder / "assets" / "media")
    return folder / "catalog.db"


def test_a_catalogue_on_a_read_only_file_system_is_read_not_written(
    tmp_path: Path, mounts: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: on a read-only file system even ``items list`` failed (WAL needs its
    -shm file), ``check`` reported "search index is damaged" and every write failed with
    a generic error. Reads, search, export, check and backup now work; writes say why."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    _sample_copy(tmp_path / "source")
    shared = mounts(tmp_path / "ro", "ro-bind", source=tmp_path / "source")
    db = shared / "catalog.db"
    before = sorted(p.name for p in shared.iterdir())
    with Catalog.open(db, shared / "assets") as cat:
        assert cat.read_only == "a read-only file system"
        with cat.read_session() as s:
            assert len(list(s.scalars(select(Item)))) == 21
            assert search(s, "globe").item_ids
        exported = tmp_path / "items.csv"
        with cat.read_session() as s:
            export_csv(s, exported)
        assert exported.read_bytes().count(b"\r\n") == 22
        report = check_catalog(cat)
        assert report.ok, report.problems  # not "search index is damaged"
        assert backup(cat, tmp_path / "copy.db").bytes > 0
        message = f"the catalogue {db} is read-only (a read-only file system): {READ_ONLY_TAIL}"
        with pytest.raises(StorageError) as raised, cat.session():
            pass
        assert str(raised.value) == message
        with pytest.raises(StorageError) as raised:
            import_image(
                cat,
                ROOT / "tests" / "data" / "behaim-globe-photo.jpg",
                kind="photograph",
                title="x",
            )
        assert str(raised.value) == message
        with pytest.raises(StorageError):
            check_catalog(cat, repair=True)
    assert sorted(p.name for p in shared.iterdir()) == before


def _drop_override(setpriv: str) -> list[str]:
    return [setpriv, "--bounding-set=-dac_override", "--inh-caps=-dac_override", "--"]


SNIPPET = """
import json, sys
from pathlib import Path
from sqlalchemy import func, select
from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Item
from exhibition_app.errors import StorageError
from exhibition_app.operations.check import check_catalog
db, assets = Path(sys.argv[1]), Path(sys.argv[2])
out = {}
with Catalog.open(db, assets) as cat:
    out["read_only"] = cat.read_only
    with cat.read_session() as s:
        out["items"] = s.scalar(select(func.count()).select_from(Item))
    out["problems"] = check_catalog(cat).problems
    try:
        with cat.session() as s:
            s.add(Item(accession_number="NEW-1", kind="object"))
    except StorageError as exc:
        out["write"] = str(exc)
print(json.dumps(out))
"""


@pytest.mark.parametrize("locked", ["file", "folder"])
def test_a_catalogue_this_account_cannot_write_opens_read_only(tmp_path: Path, locked: str) -> None:
    """A catalogue file 0444, or its folder 0555 (SQLite keeps its journal and WAL files
    there): found with os.access, opened read-only. Tests run as root, which permission
    bits do not stop: the check runs in a process without CAP_DAC_OVERRIDE (setpriv)."""
    setpriv = shutil.which("setpriv")
    if setpriv is None or os.geteuid() != 0:
        pytest.skip("needs root and setpriv(1) to drop the permission override")
    db = _sample_copy(tmp_path / "site")
    if locked == "file":
        db.chmod(0o444)
    else:
        db.parent.chmod(0o555)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    run = subprocess.run(
        [
            *_drop_override(setpriv),
            sys.executable,
            "-c",
            SNIPPET,
            str(db),
            str(db.parent / "assets"),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    db.parent.chmod(0o755)
    if run.returncode != 0 and "setpriv" in run.stderr:
        pytest.skip(f"setpriv cannot drop capabilities here: {run.stderr.strip()}")
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out == {
        "read_only": "file permissions",
        "items": 21,
        "problems": [],
        "write": f"the catalogue {db} is read-only (file permissions): {READ_ONLY_TAIL}",
    }
