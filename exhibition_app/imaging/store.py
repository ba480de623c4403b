"""Content-addressed, write-once media store (Pillow only: no Qt, no database).

Layout under the assets root::

    media/<sha[:2]>/<sha256><ext>     stored images, named by the SHA-256 of their bytes
    media/<sha[:2]>/.tmp-*            copies being written (removed or renamed at once)
    .tmp-work-*/                      scratch space for re-encoding (removed after each put)

Files are published with an atomic rename after ``fsync``, and never overwritten.
Anything whose name starts with ``.tmp-`` is temporary; `MediaStore.sweep_temp_files`
removes such leftovers from a killed process.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from exhibition_app.core.durable import fsync_dir, fsync_file
from exhibition_app.imaging.ingest import PreparedImage, prepare_image
from exhibition_app.imaging.source import DEFAULT_MAX_PIXELS, ImageRefused, display_name

__all__ = ["MediaStore", "StoredMedia", "sha256_file"]

_CHUNK = 1 << 20
_TMP_PREFIX = ".tmp-"
_MEDIA_DIR = "media"
_SHARD_RE = re.compile(r"[0-9a-f]{2}")
_MEDIA_NAME_RE = re.compile(r"([0-9a-f]{64})\.[a-z0-9]{1,8}")

# Makes "is it there already? then publish" one step for every store in this
# process, so `created` is exact and two threads never both claim a new file.
_PUBLISH_LOCK = threading.Lock()


@dataclass(frozen=True)
class StoredMedia:
    sha256: str
    relpath: str  # POSIX, relative to the assets root, e.g. "media/ab/ab12...ef.jpg"
    width: int
    height: int
    format: str
    size_bytes: int
    created: bool  # False when the same content was already in the store
    phash: str | None = field(default=None, compare=False)  # see imaging.phash.dhash


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    buf = bytearray(_CHUNK)
    view = memoryview(buf)
    with open(path, "rb", buffering=0) as fp:
        while n := fp.readinto(buf):
            digest.update(view[:n])
    return digest.hexdigest()


#: The mode of every stored media file (see `MediaStore._link_into_place`).
MEDIA_MODE = 0o644


def _ensure_dir(path: Path) -> None:
    """mkdir -p, making each newly created directory entry durable."""
    if path.is_dir():
        return
    _ensure_dir(path.parent)
    try:
        path.mkdir()
    except FileExistsError:
        return
    fsync_dir(path.parent)


def _copy_fsynced(src: Path, dest: Path) -> str:
    """Copy ``src`` to a new file ``dest`` (which must not exist), fsync it, and
    return the SHA-256 of the bytes actually written."""
    digest = hashlib.sha256()
    buf = bytearray(_CHUNK)
    view = memoryview(buf)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(dest, flags, MEDIA_MODE)
    with open(fd, "wb", buffering=0, closefd=True) as out, open(src, "rb", buffering=0) as inp:
        while n := inp.readinto(buf):
            chunk = view[:n]
            digest.update(chunk)
            written = 0
            while written < n:
                written += out.write(chunk[written:]) or 0
        out.flush()
        os.fsync(out.fileno())
    return digest.hexdigest()


def _newest_mtime(path: Path) -> float:
    """mtime of a file, or the newest mtime inside a directory tree."""
    newest = path.lstat().st_mtime
    if path.is_dir() and not path.is_symlink():
        for dirpath, dirnames, filenames in os.walk(path):
            for entry in (*dirnames, *filenames):
                with contextlib.suppress(OSError):
                    newest = max(newest, os.lstat(os.path.join(dirpath, entry)).st_mtime)
    return newest


class MediaStore:
    """Write-once, content-addressed storage of prepared images under ``root``.

    ``root`` is the assets directory; media go to ``root/media/<sha[:2]>/<sha><ext>``.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    # ------------------------------------------------------------------ writing

    def put(self, path: Path, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> StoredMedia:
        """Check, normalise and store one image; deduplicate by content.

        Raises `ImageRefused` (and leaves nothing under ``root``) for a bad image.
        Other OSErrors (disk full, permissions) propagate, also leaving nothing.
        """
        path = Path(path)
        self.root.mkdir(parents=True, exist_ok=True)
        workdir = Path(tempfile.mkdtemp(prefix=f"{_TMP_PREFIX}work-", dir=self.root))
        try:
            prepared = prepare_image(path, max_pixels=max_pixels, workdir=workdir)
            return self._publish(path, prepared)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    def _publish(self, source: Path, prepared: PreparedImage) -> StoredMedia:
        data = prepared.data_path
        sha = sha256_file(data)
        size = data.stat().st_size
        relpath = f"{_MEDIA_DIR}/{sha[:2]}/{sha}{prepared.ext}"
        target = self.root / _MEDIA_DIR / sha[:2] / f"{sha}{prepared.ext}"

        def result(created: bool) -> StoredMedia:
            return StoredMedia(
                sha256=sha,
                relpath=relpath,
                width=prepared.width,
                height=prepared.height,
                format=prepared.format,
                size_bytes=size,
                created=created,
                phash=prepared.phash,
            )

        if target.exists():
            return result(False)
        _ensure_dir(target.parent)

        # A re-encoded file already sits in our scratch dir on the same file system:
        # it is fsynced and renamed into place. The curator's file is copied.
        tmp = data if prepared.changed else None
        if tmp is not None:
            fsync_file(tmp)
        try:
            created = self._link_into_place(tmp, data, target, sha, source)
        except OSError as exc:
            if tmp is None or exc.errno != errno.EXDEV:
                raise
            # media/ lives on another file system than the scratch dir: copy instead.
            created = self._link_into_place(None, data, target, sha, source)
        if created:
            fsync_dir(target.parent)
        return result(created)

    def _link_into_place(
        self, tmp: Path | None, data: Path, target: Path, sha: str, source: Path
    ) -> bool:
        """Rename ``tmp`` (or a fresh ``.tmp-`` copy of ``data``) to ``target``.

        Returns True if this call created ``target``, False if it already existed.
        """
        copied: Path | None = None
        if tmp is None:
            copied = target.parent / f"{_TMP_PREFIX}{secrets.token_hex(8)}{target.suffix}"
            try:
                if _copy_fsynced(data, copied) != sha:
                    raise ImageRefused(
                        f"{display_name(source)}: the file changed while it was being "
                        "imported; please try again"
                    )
            except BaseException:
                copied.unlink(missing_ok=True)
                raise
            tmp = copied
        # One mode for every stored picture, whether re-encoded (a private scratch file)
        # or copied, and whatever the umask: media are not secret, and kiosks reading
        # the assets from a share under another account must be able to open them.
        os.chmod(tmp, MEDIA_MODE)
        try:
            with _PUBLISH_LOCK:
                if target.exists():
                    return False
                os.replace(tmp, target)
                return True
        finally:
            if copied is not None:
                copied.unlink(missing_ok=True)  # no-op once renamed

    def discard(self, stored: StoredMedia) -> None:
        """Undo a `put` whose database commit failed: remove the file if that put
        created it. (A deduplicated result, ``created=False``, is left alone.)"""
        if not stored.created:
            return
        path = self.abspath(stored.relpath)
        with _PUBLISH_LOCK:
            try:
                path.unlink()
            except FileNotFoundError:
                return
        fsync_dir(path.parent)

    # ------------------------------------------------------------------ reading

    def abspath(self, relpath: str) -> Path:
        """Absolute path of a stored relpath; ValueError if it would leave ``root``."""
        if not relpath or "\\" in relpath or "\x00" in relpath:
            raise ValueError(f"invalid media path: {relpath!r}")
        posix = PurePosixPath(relpath)
        if (
            posix.is_absolute()
            or PureWindowsPath(relpath).drive
            or any(part in ("", "..") for part in posix.parts)
        ):
            raise ValueError(f"media path escapes the assets root: {relpath!r}")
        path = self.root.joinpath(*posix.parts)
        if not path.resolve().is_relative_to(self.root.resolve()):
            raise ValueError(f"media path escapes the assets root: {relpath!r}")
        return path

    def iter_relpaths(self) -> Iterator[str]:
        """Every stored media file (sorted), skipping temporary and stray files."""
        media = self.root / _MEDIA_DIR
        try:
            shards = sorted(
                e.name for e in os.scandir(media) if e.is_dir() and _SHARD_RE.fullmatch(e.name)
            )
        except FileNotFoundError:
            return
        for shard in shards:
            try:
                names = sorted(e.name for e in os.scandir(media / shard) if e.is_file())
            except FileNotFoundError:
                continue
            for name in names:
                match = _MEDIA_NAME_RE.fullmatch(name)
                if match and name.startswith(shard):
                    yield f"{_MEDIA_DIR}/{shard}/{name}"

    def verify(self, relpath: str, sha256: str) -> str | None:
        """None if the file is present with the expected checksum, else the problem:
        ``"missing"``, ``"checksum mismatch"`` or ``"unreadable (...)"``."""
        path = self.abspath(relpath)
        if not path.is_file():
            return "missing"
        try:
            actual = sha256_file(path)
        except FileNotFoundError:
            return "missing"
        except OSError as exc:
            return f"unreadable ({exc.strerror or exc})"
        return None if actual == sha256.lower() else "checksum mismatch"

    # ------------------------------------------------------------------ upkeep

    def sweep_temp_files(self, older_than_s: float = 3600) -> int:
        """Remove ``.tmp-*`` files and scratch dirs older than ``older_than_s``
        seconds (left by a killed process). Returns how many were removed."""
        cutoff = time.time() - older_than_s
        candidates: list[Path] = []
        for folder in (self.root, self.root / _MEDIA_DIR):
            try:
                candidates += [
                    Path(e.path) for e in os.scandir(folder) if e.name.startswith(_TMP_PREFIX)
                ]
            except (FileNotFoundError, NotADirectoryError):
                continue
        media = self.root / _MEDIA_DIR
        if media.is_dir():
            for shard in os.scandir(media):
                if shard.is_dir() and _SHARD_RE.fullmatch(shard.name):
                    candidates += [
                        Path(e.path)
                        for e in os.scandir(shard.path)
                        if e.name.startswith(_TMP_PREFIX)
                    ]
        removed = 0
        for path in candidates:
            try:
                if _newest_mtime(path) > cutoff:
                    continue
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                removed += 1
            except FileNotFoundError:
                continue
        return removed
