"""`sync_assets`: a kiosk's asset replica brought up to date from a shared folder, by checksum.

Real files and a real catalogue: the catalogue's own assets folder plays the share (images
imported into it, tile sets built in it); the replica is a separate folder.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Item, Media
from exhibition_app.imaging.tiles import is_current
from exhibition_app.operations import sync as sync_module
from exhibition_app.operations.ingest import import_image
from exhibition_app.operations.maps import ensure_tiles
from exhibition_app.operations.media_ops import remove_media
from exhibition_app.operations.sync import (
    LOCK_FILE,
    STATE_FILE,
    SyncError,
    SyncResult,
    sync_assets,
)

# --------------------------------------------------------------------------- helpers


def picture(path: Path, size: tuple[int, int], seed: int) -> Path:
    """A small, distinct, smooth JPEG (random colours blown up)."""
    rng = random.Random(seed)
    small = Image.frombytes("RGB", (16, 10), rng.randbytes(16 * 10 * 3))
    small.resize(size, Image.Resampling.BICUBIC).save(path, quality=85)
    return path


@dataclass
class Share:
    catalog: Catalog
    root: Path  # the "shared" assets folder (the catalogue's own)
    local: Path  # the kiosk's replica
    map_id: int  # published, with a tile set of several levels
    photo_id: int  # published, with a one-tile tile set
    draft_id: int  # not published, with a tile set

    def media(self, item_id: int) -> Media:
        with self.catalog.read_session() as s:
            item = s.get(Item, item_id)
            assert item is not None and item.cover_media is not None
            return item.cover_media

    def rel(self, item_id: int) -> str:
        return self.media(item_id).relpath

    def sha(self, item_id: int) -> str:
        return self.media(item_id).sha256

    def sync(self, **kwargs: Any) -> SyncResult:
        return sync_assets(self.catalog, self.root, self.local, **kwargs)


@pytest.fixture
def share(catalog: Catalog, tmp_path: Path) -> Share:
    src = tmp_path / "incoming"
    src.mkdir()
    ids = []
    for n, (size, published) in enumerate(
        [((1300, 800), True), ((300, 200), True), ((400, 300), False)]
    ):
        ids.append(
            import_image(
                catalog,
                picture(src / f"p{n}.jpg", size, n),
                kind="map" if n == 0 else "photograph",
                title=f"Picture {n}",
                published=published,
            )
        )
    result = Share(catalog, catalog.assets, tmp_path / "kiosk", *ids)
    for item_id in ids:
        ensure_tiles(catalog, result.media(item_id))
    # Things the sync must leave alone on the share: the thumbnail cache and temporaries.
    (catalog.assets / "thumbs" / "aa").mkdir(parents=True, exist_ok=True)
    (catalog.assets / "thumbs" / "aa" / "thumb.jpg").write_bytes(b"thumb")
    sha = result.sha(ids[0])
    (catalog.assets / "tiles" / sha / ".tmp-half-written").write_bytes(b"half")
    (catalog.assets / "media" / sha[:2] / ".tmp-0123").write_bytes(b"half")
    return result


def tree(root: Path) -> dict[str, str]:
    """SHA-256 of every file under root/media and root/tiles (temporaries included)."""
    files = {}
    for top in ("media", "tiles"):
        for p in sorted((root / top).rglob("*")):
            if p.is_file():
                files[p.relative_to(root).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return files


def wanted(share: Share, *item_ids: int) -> dict[str, str]:
    """What the replica must hold for these items: their media and tile sets, as on the share
    (without the share's temporary files)."""
    shas = {share.sha(i) for i in item_ids}
    rels = {share.rel(i) for i in item_ids}
    return {
        rel: digest
        for rel, digest in tree(share.root).items()
        if not rel.rsplit("/", 1)[-1].startswith(".tmp-")
        and (rel in rels or (rel.startswith("tiles/") and rel.split("/")[1] in shas))
    }


def everything(share: Share) -> dict[str, str]:
    return wanted(share, share.map_id, share.photo_id, share.draft_id)


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.rglob(".tmp-sync-*"))


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """Every file under root with its checksum and mtime (to show nothing was touched)."""
    if not root.exists():
        return {}
    return {
        p.relative_to(root).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def tile_file(share: Share, item_id: int) -> str:
    """One real tile (not info.json) of the item's tile set, relative to the assets root."""
    top = share.root / "tiles" / share.sha(item_id)
    tiles = sorted(p for p in top.rglob("default.jpg") if p.is_file())
    assert len(tiles) > 3
    return tiles[1].relative_to(share.root).as_posix()


# --------------------------------------------------------------------------- tests


def test_first_sync_copies_everything_and_verifies(share: Share) -> None:
    expected = everything(share)
    assert len(expected) > 12  # three media, and a tile set of several levels
    calls: list[tuple[int, int, str]] = []

    result = share.sync(progress=lambda done, total, path: calls.append((done, total, path)))

    assert result.ok and result.problems == []
    assert sorted(result.copied) == sorted(expected)
    assert result.unchanged == 0 and result.removed == []
    sizes = sum((share.root / rel).stat().st_size for rel in expected)
    assert result.bytes_copied == sizes
    assert tree(share.local) == expected  # byte-identical, no temporaries, nothing else
    assert not (share.local / "thumbs").exists()
    for item_id in (share.map_id, share.photo_id, share.draft_id):
        assert is_current(share.local / "tiles" / share.sha(item_id), share.sha(item_id))
    # A tile set's info.json goes in after its tiles, so a half-copied set never looks done.
    order = [p for p in result.copied if p.startswith(f"tiles/{share.sha(share.map_id)}/")]
    assert order[-1].endswith("/info.json") and order[-2].endswith("/.source")

    done = [c[0] for c in calls]
    assert done == sorted(done) and calls[-1][0] == calls[-1][1] == sizes
    assert {c[2] for c in calls} == set(expected)

    state = json.loads((share.local / STATE_FILE).read_text(encoding="utf-8"))
    assert set(state["files"]) == set(expected)
    for rel, entry in state["files"].items():
        assert entry["source"]["sha256"] == entry["local"]["sha256"] == expected[rel]
        assert entry["local"]["size"] == (share.local / rel).stat().st_size


def test_second_sync_copies_nothing_and_reads_nothing(
    share: Share, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = share.sync()
    assert first.ok
    before = snapshot(share.local / "media") | snapshot(share.local / "tiles")

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged file was read again")

    monkeypatch.setattr(sync_module._Sync, "hash_file", forbidden)
    monkeypatch.setattr(sync_module._Sync, "copy", forbidden)
    totals: list[int] = []
    second = share.sync(progress=lambda done, total, path: totals.append(total))

    assert second.ok
    assert second.copied == [] and second.bytes_copied == 0 and second.removed == []
    assert second.unchanged == len(first.copied)
    assert totals == []  # planned from the state file alone: nothing to read
    assert snapshot(share.local / "media") | snapshot(share.local / "tiles") == before


def test_without_a_state_file_good_local_copies_are_kept(share: Share) -> None:
    share.sync()
    (share.local / STATE_FILE).unlink()
    before = snapshot(share.local / "media") | snapshot(share.local / "tiles")

    result = share.sync()

    assert result.ok and result.copied == []
    assert result.unchanged == len(everything(share))
    assert snapshot(share.local / "media") | snapshot(share.local / "tiles") == before
    assert set(json.loads((share.local / STATE_FILE).read_text())["files"]) == set(
        everything(share)
    )


def test_a_changed_tile_on_the_share_is_copied_again(share: Share) -> None:
    share.sync()
    rel = tile_file(share, share.map_id)
    source = share.root / rel
    old = source.read_bytes()
    new = bytes(b ^ 0xFF for b in old)  # same size, other bytes
    source.write_bytes(new)
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 10**9))

    result = share.sync()

    assert result.ok
    assert result.copied == [rel] and result.bytes_copied == len(new)
    assert result.unchanged == len(everything(share)) - 1
    assert (share.local / rel).read_bytes() == new
    assert tree(share.local) == everything(share)


def test_a_damaged_local_file_is_replaced(share: Share) -> None:
    share.sync()
    media = share.local / share.rel(share.photo_id)
    tile = share.local / tile_file(share, share.map_id)
    for path in (media, tile):
        data = bytearray(path.read_bytes())
        data[100] ^= 0x01
        path.write_bytes(bytes(data))

    result = share.sync()

    assert result.ok
    assert sorted(result.copied) == sorted(
        [share.rel(share.photo_id), tile.relative_to(share.local).as_posix()]
    )
    assert tree(share.local) == everything(share)


def test_a_corrupt_media_file_on_the_share_is_refused(
    share: Share, monkeypatch: pytest.MonkeyPatch
) -> None:
    rel = share.rel(share.photo_id)
    data = bytearray((share.root / rel).read_bytes())
    data[len(data) // 2] ^= 0x55
    (share.root / rel).write_bytes(bytes(data))
    stray = share.local / "media" / "ff" / f"{'f' * 64}.jpg"  # not needed: would be removed
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"old")

    result = share.sync()

    assert not result.ok
    assert [p["file"] for p in result.problems] == [rel]
    reason = result.problems[0]["reason"]
    assert "does not match the catalogue's checksum" in reason and "not installed" in reason
    assert hashlib.sha256(bytes(data)).hexdigest()[:12] in reason
    assert not (share.local / rel).exists()  # never installed
    assert leftovers(share.local) == []
    assert rel not in result.copied
    # Everything else arrived; nothing is removed while a needed file is missing.
    assert tree(share.local) == {k: v for k, v in everything(share).items() if k != rel} | {
        "media/ff/" + stray.name: hashlib.sha256(b"old").hexdigest()
    }
    assert result.removed == [] and stray.exists()

    # Run again: still refused, and the unchanged bad file is not even read again.
    monkeypatch.setattr(
        sync_module._Sync, "copy", lambda *a: pytest.fail("the known-bad file was copied")
    )
    again = share.sync()
    assert [p["file"] for p in again.problems] == [rel]
    assert "checksum" in again.problems[0]["reason"]
    monkeypatch.undo()

    # Once the share has the right file again, it is installed and the stray goes.
    data[len(data) // 2] ^= 0x55
    (share.root / rel).write_bytes(bytes(data))
    st = (share.root / rel).stat()
    os.utime(share.root / rel, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    fixed = share.sync()
    assert fixed.ok and fixed.copied == [rel]
    assert fixed.removed == ["media/ff/" + stray.name] and not stray.parent.exists()
    assert tree(share.local) == everything(share)


def test_a_good_local_copy_is_kept_when_the_share_copy_is_corrupt(share: Share) -> None:
    share.sync()
    rel = share.rel(share.map_id)
    (share.root / rel).write_bytes(b"not the picture at all")
    (share.local / STATE_FILE).unlink()  # so the local copy is hashed, not trusted

    result = share.sync()

    assert result.ok and result.copied == []
    assert tree(share.local) == everything(share) | {rel: share.sha(share.map_id)}


def test_a_media_file_missing_on_the_share_is_a_problem(share: Share) -> None:
    rel = share.rel(share.draft_id)
    (share.root / rel).unlink()

    result = share.sync()

    assert result.problems == [{"file": rel, "reason": "missing on the share"}]
    assert not result.ok and not (share.local / rel).exists()


def test_files_no_longer_needed_are_removed(share: Share) -> None:
    assert share.sync().ok
    draft_sha, map_sha = share.sha(share.draft_id), share.sha(share.map_id)
    draft_files = set(wanted(share, share.draft_id))
    # Extra files: one in a tile set on the share (not part of it there), one loose.
    extra_tile = share.local / "tiles" / map_sha / "9999,0,1,1" / "1,1" / "0" / "default.jpg"
    extra_tile.parent.mkdir(parents=True)
    extra_tile.write_bytes(b"x")
    # Left alone: someone else's temporary file, a tile build in progress.
    other_tmp = share.local / "media" / share.rel(share.map_id).split("/")[1] / ".tmp-other"
    other_tmp.write_bytes(b"importing")
    building = share.local / "tiles" / ".building-abc-123" / "info.json"
    building.parent.mkdir()
    building.write_bytes(b"{}")

    # The draft's media leaves the catalogue altogether.
    with share.catalog.session() as s:
        media_id = s.scalars(select(Media.id).where(Media.sha256 == draft_sha)).one()
        remove_media(s, share.draft_id, media_id)
        s.delete(s.get(Media, media_id))

    result = share.sync()

    assert result.ok and result.copied == []
    assert set(result.removed) == draft_files | {extra_tile.relative_to(share.local).as_posix()}
    assert not (share.local / "tiles" / draft_sha).exists()
    assert not (share.local / "tiles" / map_sha / "9999,0,1,1").exists()
    assert not (share.local / "media" / draft_sha[:2]).exists() or draft_sha[:2] == map_sha[:2]
    assert other_tmp.exists() and building.exists()
    assert tree(share.local) == wanted(share, share.map_id, share.photo_id) | {
        other_tmp.relative_to(share.local).as_posix(): hashlib.sha256(b"importing").hexdigest(),
        building.relative_to(share.local).as_posix(): hashlib.sha256(b"{}").hexdigest(),
    }
    state = json.loads((share.local / STATE_FILE).read_text())
    assert not set(state["files"]) & draft_files


def test_published_only_drops_drafts_and_keeps_local_tile_sets(share: Share) -> None:
    assert share.sync().ok
    # A tile set the kiosk built itself for a published picture the share has no tiles for.
    photo_sha = share.sha(share.photo_id)
    shutil.rmtree(share.root / "tiles" / photo_sha)

    result = share.sync(published_only=True)

    assert result.ok and result.copied == []
    assert set(result.removed) == set(wanted(share, share.draft_id))
    assert is_current(share.local / "tiles" / photo_sha, photo_sha)  # kept
    assert not (share.local / share.rel(share.draft_id)).exists()
    assert (share.local / share.rel(share.photo_id)).exists()


def test_cancel_then_resume_continues_and_ends_identical(share: Share) -> None:
    stray = share.local / "tiles" / ("e" * 64) / "info.json"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"{}")
    seen: list[str] = []

    def progress(done: int, total: int, path: str) -> None:
        if path not in seen:
            seen.append(path)

    first = share.sync(progress=progress, cancel=lambda: len(seen) >= 4, checkpoint_every=1)

    assert first.cancelled and not first.ok
    assert 1 <= len(first.copied) <= 4
    assert first.removed == [] and stray.exists()  # nothing removed before the end
    assert leftovers(share.local) == []
    state = json.loads((share.local / STATE_FILE).read_text())
    assert set(state["files"]) == set(first.copied)
    for rel in first.copied:
        assert (share.local / rel).read_bytes() == (share.root / rel).read_bytes()

    second = share.sync()

    assert second.ok
    assert not set(second.copied) & set(first.copied)
    assert len(first.copied) + len(second.copied) == len(everything(share))
    assert second.unchanged == len(first.copied)
    assert second.removed == [stray.relative_to(share.local).as_posix()]
    assert tree(share.local) == everything(share)


KILLER = """
import os, signal, sys
from pathlib import Path
from exhibition_app.catalog import Catalog
from exhibition_app.operations.sync import sync_assets

url, shared, local, k = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
seen = []

def progress(done, total, path):
    if path not in seen:
        seen.append(path)
        if len(seen) == k:  # half way through copying the k-th file
            os.kill(os.getpid(), signal.SIGKILL)

with Catalog.open(url, local) as catalog:
    sync_assets(catalog, shared, progress=progress, checkpoint_every=1)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_mid_copy_leaves_no_half_file_and_resumes(share: Share) -> None:
    k = 6
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLER,
            share.catalog.url,
            str(share.root),
            str(share.local),
            str(k),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr

    expected = everything(share)
    installed = {
        rel: digest
        for rel, digest in tree(share.local).items()
        if not rel.rsplit("/", 1)[-1].startswith(".tmp-")
    }
    assert len(installed) == k - 1
    assert all(expected[rel] == digest for rel, digest in installed.items())  # no half file
    assert len(leftovers(share.local)) == 1  # the k-th file, under its temporary name
    state = json.loads((share.local / STATE_FILE).read_text())
    assert set(state["files"]) == set(installed)

    result = share.sync()

    assert result.ok
    assert result.swept == 1 and leftovers(share.local) == []
    assert len(result.copied) == len(expected) - (k - 1)
    assert not set(result.copied) & set(installed)
    assert result.unchanged == k - 1
    assert tree(share.local) == expected


def test_disk_full_is_reported_and_leaves_nothing_broken(
    share: Share, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes = [0]
    real = sync_module._write_chunk

    def write(out: Any, chunk: memoryview) -> None:
        writes[0] += 1
        if writes[0] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(out, chunk)

    monkeypatch.setattr(sync_module, "_write_chunk", write)
    result = share.sync()
    monkeypatch.undo()

    assert not result.ok and len(result.copied) == 2
    ((problem),) = result.problems
    assert problem["reason"] == "cannot be written here: No space left on device; sync stopped"
    assert problem["file"] not in result.copied
    assert not (share.local / problem["file"]).exists()
    assert leftovers(share.local) == []
    assert tree(share.local) == {rel: everything(share)[rel] for rel in result.copied}

    again = share.sync()
    assert again.ok and len(again.copied) == len(everything(share)) - 2
    assert tree(share.local) == everything(share)


def test_a_file_vanishing_or_changing_mid_copy_is_not_installed(share: Share) -> None:
    vanishing = tile_file(share, share.map_id)
    changing = share.rel(share.photo_id)
    others = set(everything(share)) - {vanishing, changing}
    touched: set[str] = set()

    def progress(done: int, total: int, path: str) -> None:
        if path in touched:
            return
        touched.add(path)
        if path == vanishing:
            (share.root / path).unlink()
        elif path == changing:
            with open(share.root / path, "ab") as fp:
                fp.write(b"more")

    result = share.sync(progress=progress)

    assert sorted((p["file"], p["reason"]) for p in result.problems) == sorted(
        [
            (vanishing, "vanished from the share while it was being copied"),
            (changing, "changed on the share while it was being copied"),
        ]
    )
    assert not (share.local / vanishing).exists() and not (share.local / changing).exists()
    assert leftovers(share.local) == []
    assert sorted(result.copied) == sorted(others)


def test_stray_temporary_files_are_swept(share: Share) -> None:
    share.local.mkdir()
    strays = [
        share.local / ".tmp-sync-state1234",
        share.local / "media" / "ab" / ".tmp-sync-0011",
        share.local / "tiles" / share.sha(share.map_id) / "full" / ".tmp-sync-ffee",
    ]
    for path in strays:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half")
    not_ours = share.local / "media" / "ab" / ".tmp-import"
    not_ours.write_bytes(b"someone else's")

    result = share.sync()

    assert result.ok and result.swept == 3
    assert not any(p.exists() for p in strays) and not_ours.exists()
    assert leftovers(share.local) == []


def test_dry_run_reports_and_changes_nothing(share: Share) -> None:
    fresh = share.sync(dry_run=True)
    assert fresh.ok and fresh.dry_run
    assert sorted(fresh.copied) == sorted(everything(share))
    assert not share.local.exists()

    share.sync()
    rel = tile_file(share, share.map_id)
    (share.root / rel).write_bytes(b"new tile bytes")
    stray = share.local / "media" / "ee" / f"{'e' * 64}.png"
    stray.parent.mkdir()
    stray.write_bytes(b"unneeded")
    leftover = share.local / "media" / "ee" / ".tmp-sync-1"
    leftover.write_bytes(b"half")
    before = snapshot(share.local)

    dry = share.sync(dry_run=True)

    assert dry.ok and dry.copied == [rel] and dry.bytes_copied == len(b"new tile bytes")
    assert dry.removed == [stray.relative_to(share.local).as_posix()]
    assert dry.swept == 0
    assert snapshot(share.local) == before  # state file, stray and leftover untouched


def test_dry_run_reports_a_corrupt_share_file(share: Share) -> None:
    rel = share.rel(share.map_id)
    (share.root / rel).write_bytes(b"garbage")
    dry = share.sync(dry_run=True)
    assert [p["file"] for p in dry.problems] == [rel] and "checksum" in dry.problems[0]["reason"]
    assert not share.local.exists()


def test_wrong_folders_are_one_line_errors(share: Share, tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    cases = {
        tmp_path / "nowhere": "does not exist",
        a_file: "is not a folder",
        share.root: "is the local assets folder itself",
        share.root / "media": "must not be inside each other",
    }
    for shared, message in cases.items():
        with pytest.raises(SyncError, match=message) as info:
            sync_assets(share.catalog, shared)  # into the catalogue's own assets folder

        assert "\n" not in str(info.value)
    assert not (share.root / STATE_FILE).exists()


def test_a_second_sync_into_the_same_folder_is_refused(share: Share) -> None:
    fcntl = pytest.importorskip("fcntl")
    share.local.mkdir()
    with open(share.local / LOCK_FILE, "w") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        with pytest.raises(SyncError, match="another sync"):
            share.sync()
    assert share.sync().ok
