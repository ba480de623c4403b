"""MediaStore: content addressing, deduplication, atomic write-once storage."""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from exhibition_app.imaging import store as store_module
from exhibition_app.imaging.source import ImageRefused
from exhibition_app.imaging.store import MediaStore, StoredMedia, sha256_file

BAD_INPUTS = ["empty", "text_as_jpg", "truncated_jpeg", "huge_png", "damaged_png", "heic"]


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def _temps(root: Path) -> list[Path]:
    return sorted(root.rglob(".tmp-*"))


@pytest.fixture
def store(tmp_path: Path) -> MediaStore:
    return MediaStore(tmp_path / "assets")


def test_put_stores_by_content_hash(store: MediaStore, corpus: dict[str, Path]) -> None:
    source = corpus["rgb_jpeg"]
    stored = store.put(source)
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    assert stored == StoredMedia(
        sha256=sha,
        relpath=f"media/{sha[:2]}/{sha}.jpg",
        width=64,
        height=48,
        format="JPEG",
        size_bytes=source.stat().st_size,
        created=True,
    )
    path = store.abspath(stored.relpath)
    assert path == store.root / "media" / sha[:2] / f"{sha}.jpg"
    assert path.read_bytes() == source.read_bytes()  # untouched bytes
    assert _temps(store.root) == []


def test_same_content_twice_is_deduplicated(
    store: MediaStore, corpus: dict[str, Path], tmp_path: Path
) -> None:
    first = store.put(corpus["rgb_jpeg"])
    renamed = tmp_path / "same picture, other name.jpeg"
    shutil.copyfile(corpus["rgb_jpeg"], renamed)
    second = store.put(renamed)
    third = store.put(corpus["rgb_jpeg"])
    assert first.created is True
    assert second.created is False and third.created is False
    assert first.relpath == second.relpath == third.relpath
    assert len(_files(store.root)) == 1


def test_re_encoded_image_is_stored_as_prepared(store: MediaStore, corpus: dict[str, Path]) -> None:
    stored = store.put(corpus["exif_rotated_jpeg"])
    assert (stored.width, stored.height, stored.format) == (40, 60, "JPEG")
    path = store.abspath(stored.relpath)
    assert sha256_file(path) == stored.sha256
    assert stored.size_bytes == path.stat().st_size
    with Image.open(path) as im:
        assert im.size == (40, 60)
    again = store.put(corpus["exif_rotated_jpeg"])
    assert again.relpath == stored.relpath and again.created is False
    assert _files(store.root) == [path]  # no scratch files left


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_copied_and_re_encoded_media_get_one_mode(
    store: MediaStore, corpus: dict[str, Path], umask: int
) -> None:
    """Issue 15: re-encoded media were 0600 (a private scratch file renamed into place),
    copied ones 0644; every stored picture is now 0644 whatever the umask, so a kiosk
    reading the assets from a share under another account can open all of them."""
    old = os.umask(umask)
    try:
        copied = store.put(corpus["rgb_jpeg"])
        re_encoded = store.put(corpus["exif_rotated_jpeg"])
    finally:
        os.umask(old)
    assert store.abspath(copied.relpath).read_bytes() == corpus["rgb_jpeg"].read_bytes()
    assert re_encoded.size_bytes != corpus["exif_rotated_jpeg"].stat().st_size
    modes = {
        r.relpath: store.abspath(r.relpath).stat().st_mode & 0o777 for r in (copied, re_encoded)
    }
    assert set(modes.values()) == {store_module.MEDIA_MODE} == {0o644}, modes


@pytest.mark.parametrize("key", BAD_INPUTS)
def test_refused_image_leaves_nothing_behind(
    store: MediaStore, corpus: dict[str, Path], key: str
) -> None:
    with pytest.raises(ImageRefused):
        store.put(corpus[key])
    assert _files(store.root) == []
    assert _temps(store.root) == []


def test_lower_max_pixels_refuses_and_leaves_nothing(
    store: MediaStore, corpus: dict[str, Path]
) -> None:
    with pytest.raises(ImageRefused, match="over the limit"):
        store.put(corpus["rgb_jpeg"], max_pixels=1000)
    assert _files(store.root) == []


@pytest.mark.parametrize("key", ["rgb_jpeg", "exif_rotated_jpeg"])  # copied / re-encoded paths
def test_failed_rename_leaves_no_final_and_no_temp_file(
    store: MediaStore, corpus: dict[str, Path], monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    def broken_replace(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="Input/output error"):
        store.put(corpus[key])
    assert _files(store.root) == []
    assert _temps(store.root) == []
    monkeypatch.undo()
    assert store.put(corpus[key]).created is True  # and a retry works


def test_source_changing_during_import_is_refused(
    store: MediaStore, corpus: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulate the file changing between hashing and copying.
    monkeypatch.setattr(store_module, "sha256_file", lambda path: "0" * 64)
    with pytest.raises(ImageRefused, match="changed while it was being imported"):
        store.put(corpus["rgb_jpeg"])
    assert _files(store.root) == []


def test_existing_file_is_never_overwritten(store: MediaStore, corpus: dict[str, Path]) -> None:
    stored = store.put(corpus["rgb_jpeg"])
    path = store.abspath(stored.relpath)
    before = path.stat()
    time.sleep(0.01)
    store.put(corpus["rgb_jpeg"])
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_concurrent_puts_of_the_same_file(store: MediaStore, corpus: dict[str, Path]) -> None:
    results: list[StoredMedia] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def worker() -> None:
        try:
            stored = store.put(corpus["exif_rotated_jpeg"])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
            return
        with lock:
            results.append(stored)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len({r.relpath for r in results}) == 1
    assert sum(r.created for r in results) == 1
    assert len(_files(store.root)) == 1 and _temps(store.root) == []


def test_discard_removes_only_what_put_created(store: MediaStore, corpus: dict[str, Path]) -> None:
    created = store.put(corpus["rgb_jpeg"])
    duplicate = store.put(corpus["rgb_jpeg"])
    store.discard(duplicate)
    assert store.abspath(created.relpath).exists()
    store.discard(created)
    assert not store.abspath(created.relpath).exists()
    store.discard(created)  # already gone: no error


def test_verify(store: MediaStore, corpus: dict[str, Path]) -> None:
    stored = store.put(corpus["rgb_jpeg"])
    assert store.verify(stored.relpath, stored.sha256) is None
    path = store.abspath(stored.relpath)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    assert store.verify(stored.relpath, stored.sha256) == "checksum mismatch"
    path.unlink()
    assert store.verify(stored.relpath, stored.sha256) == "missing"


@pytest.mark.parametrize(
    "relpath", ["../x", "media/../../x", "/etc/passwd", "", "media\\..\\x", "C:/x"]
)
def test_abspath_rejects_paths_leaving_the_root(store: MediaStore, relpath: str) -> None:
    with pytest.raises(ValueError):
        store.abspath(relpath)


def test_abspath_rejects_symlink_escape(store: MediaStore, tmp_path: Path) -> None:
    (store.root / "media").mkdir(parents=True)
    (store.root / "media" / "ab").symlink_to(tmp_path)
    with pytest.raises(ValueError):
        store.abspath("media/ab/x.jpg")


def test_abspath_accepts_stored_paths(store: MediaStore) -> None:
    assert store.abspath("media/ab/abc.jpg") == store.root / "media" / "ab" / "abc.jpg"


def test_iter_relpaths_lists_media_only(store: MediaStore, corpus: dict[str, Path]) -> None:
    stored = {store.put(corpus[key]).relpath for key in ("rgb_jpeg", "rgba_png", "gif")}
    shard = store.root / store.abspath(next(iter(stored))).parent
    (shard / ".tmp-0123.jpg").write_bytes(b"partial")
    (shard / "Thumbs.db").write_bytes(b"junk")
    (store.root / "media" / "notes.txt").write_text("junk")
    assert list(store.iter_relpaths()) == sorted(stored)
    assert list(MediaStore(store.root / "nowhere").iter_relpaths()) == []


def test_sweep_removes_only_stale_temp_files(store: MediaStore, corpus: dict[str, Path]) -> None:
    stored = store.put(corpus["rgb_jpeg"])
    shard = store.abspath(stored.relpath).parent
    stale_file = shard / ".tmp-deadbeef.jpg"
    stale_file.write_bytes(b"partial")
    stale_dir = store.root / ".tmp-work-old"
    stale_dir.mkdir()
    (stale_dir / ".tmp-prepared-1.png").write_bytes(b"partial")
    fresh = shard / ".tmp-cafe.jpg"
    fresh.write_bytes(b"being written right now")
    old = time.time() - 7200
    for path in (stale_file, stale_dir / ".tmp-prepared-1.png", stale_dir):
        os.utime(path, (old, old))

    assert store.sweep_temp_files(older_than_s=3600) == 2
    assert not stale_file.exists() and not stale_dir.exists()
    assert fresh.exists()
    assert store.abspath(stored.relpath).exists()
    assert store.sweep_temp_files(older_than_s=0) == 1
    assert MediaStore(store.root / "nowhere").sweep_temp_files() == 0


def test_sha256_file_streams_large_files(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    data = os.urandom(3 * (1 << 20) + 17)
    big.write_bytes(data)
    assert sha256_file(big) == hashlib.sha256(data).hexdigest()
