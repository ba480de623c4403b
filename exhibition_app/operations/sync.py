"""``sync``: bring a kiosk's local asset replica up to date from a shared asset folder.

The shared folder is the server's assets folder as the kiosk sees it (an NFS or SMB
mount); the local folder is the kiosk's own (``--assets``). What is replicated:

- every media file the catalogue references (``media/<sha[:2]>/<sha256><ext>``; with
  ``published_only``, only the media of published items: their pictures, covers and
  annotation images, and of the "now" layers a kiosk lays over them, published or not),
  verified against the catalogue's SHA-256: a file on the share that
  does not hash to it is reported and never installed;
- the IIIF level-0 tile set ``tiles/<sha256>/`` of each of those media that is finished on
  the share (`imaging.tiles.is_current`). Tile files are hashed while they are copied and
  the written copy is hashed again.

``thumbs/`` (a local cache), names starting with ``.tmp-`` (files being written) and the
``.building-``/``.retired-`` folders of tile builds are never copied nor removed.

Only what changed moves: ``<local>/.sync-state.json`` records, per relative path, the
size, ``mtime_ns`` and SHA-256 of the source as last seen and of the local copy, so a file
whose source and copy both look as recorded is neither read nor copied. A local media file
that hashes to the catalogue's checksum is kept whatever the state file says (it is named
by its content). Files in the local ``media/`` and ``tiles/`` that are no longer needed
(or, in a tile set that exists on the share, no longer part of it) are removed, but only
after every needed file is present and verified (a run with problems, or cancelled,
removes nothing).

Safety: each file is copied to ``<dest dir>/.tmp-sync-<random>``, fsynced, verified and
renamed over its real name, so a killed run never leaves half a file under a real name.
The state file is written the same way (temporary file, fsync, rename) every
``checkpoint_every`` files and at the end, so a run that is killed and started again
continues where it was. ``.tmp-sync-*`` leftovers are swept at the start; a lock file
(``.sync-lock``) keeps two syncs out of the same folder.

Errors: a missing or wrong shared folder raises `SyncError` (one line, nothing touched).
Per-file trouble (a file missing on the share, corrupt, vanished or changed while it was
copied, unreadable) becomes a problem in the result and the run goes on with the next
file. A failure to write locally (disk full, permissions) stops the run with one problem,
removing its temporary file; what was installed before stays installed and recorded.

No Qt here; ``progress`` and ``cancel`` are called on the calling thread.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import or_, select

from exhibition_app.catalog import Catalog
from exhibition_app.core.durable import atomic_write, fsync_dir, replace_file
from exhibition_app.core.vocabulary import NOW_LAYER_TAG
from exhibition_app.db.models import Annotation, Item, ItemMedia, ItemTag, Media
from exhibition_app.errors import CatalogError

__all__ = [
    "CHECKPOINT_EVERY",
    "LOCK_FILE",
    "STATE_FILE",
    "TMP_PREFIX",
    "SyncError",
    "SyncResult",
    "sync_assets",
]

STATE_FILE = ".sync-state.json"
LOCK_FILE = ".sync-lock"
#: Prefix of the files this module writes before renaming them into place.
TMP_PREFIX = ".tmp-sync-"
#: The state file is saved after this many files were copied or verified.
CHECKPOINT_EVERY = 50
STATE_FORMAT = "exhibition-sync-state"
STATE_VERSION = 1

_MEDIA_DIR = "media"
_TILES_DIR = "tiles"
# Never copied, never removed: files being written, tile builds in progress or retired.
_TEMPORARY = (".tmp-", ".building-", ".retired-")
# Written last into a tile set: with both present the set counts as finished.
_TILE_SET_LAST = (".source", "info.json")
_CHUNK = 1 << 20
_SHA = re.compile(r"[0-9a-f]{64}")

Progress = Callable[[int, int, str], None]


class SyncError(CatalogError):
    """The sync cannot start (wrong folders, another sync running); one line for the user."""


@dataclass
class SyncResult:
    """What `sync_assets` did (or, with ``dry_run``, would do). Paths are relative to the
    assets folders, POSIX style."""

    copied: list[str] = field(default_factory=list)
    bytes_copied: int = 0
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    problems: list[dict[str, str]] = field(default_factory=list)
    swept: int = 0  # leftover .tmp-sync-* files removed at the start
    dry_run: bool = False
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled

    def as_json(self) -> dict[str, Any]:
        return {
            "copied": len(self.copied),
            "bytes_copied": self.bytes_copied,
            "unchanged": self.unchanged,
            "removed": len(self.removed),
            "problems": list(self.problems),
            "ok": self.ok,
        }


@dataclass(frozen=True)
class _Seen:
    """A file as it was when last hashed."""

    size: int
    mtime_ns: int
    sha256: str

    def matches(self, st: os.stat_result | None) -> bool:
        return st is not None and (st.st_size, st.st_mtime_ns) == (self.size, self.mtime_ns)

    def as_json(self) -> dict[str, Any]:
        return {"size": self.size, "mtime_ns": self.mtime_ns, "sha256": self.sha256}

    @classmethod
    def of(cls, st: os.stat_result, sha256: str) -> _Seen:
        return cls(st.st_size, st.st_mtime_ns, sha256)

    @classmethod
    def from_json(cls, data: Any) -> _Seen | None:
        if not isinstance(data, dict):
            return None
        size, mtime, sha = data.get("size"), data.get("mtime_ns"), data.get("sha256")
        if (
            isinstance(size, int)
            and isinstance(mtime, int)
            and isinstance(sha, str)
            and len(sha) == 64
        ):
            return cls(size, mtime, sha)
        return None


@dataclass
class _Entry:
    source: _Seen | None = None
    local: _Seen | None = None


@dataclass(frozen=True)
class _Task:
    rel: str
    expected: str | None  # the catalogue's SHA-256 for media; None for tile files


class _FileProblem(Exception):
    """This file cannot be brought up to date; the run goes on. ``seen`` is the source as
    it was read, when it was read whole."""

    def __init__(self, reason: str, seen: _Seen | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.seen = seen


class _LocalFailure(Exception):
    """Writing into the local folder failed (disk full, permissions): the run stops."""

    def __init__(self, rel: str, reason: str) -> None:
        super().__init__(reason)
        self.rel = rel
        self.reason = reason


class _Cancelled(Exception):
    pass


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _stat(path: Path) -> os.stat_result | None:
    """The file's stat, or None if it is not there (or not a regular file)."""
    try:
        st = path.stat(follow_symlinks=False)
    except OSError:
        return None
    return st if _is_regular(st) else None


def _is_regular(st: os.stat_result) -> bool:
    return stat.S_ISREG(st.st_mode)


def _write_chunk(out: io.FileIO, chunk: memoryview) -> None:
    written = 0
    while written < len(chunk):
        written += out.write(chunk[written:]) or 0


def _safe_rel(relpath: str) -> PurePosixPath | None:
    """``relpath`` as a path that stays inside an assets folder, or None."""
    if not relpath or "\\" in relpath or "\x00" in relpath:
        return None
    posix = PurePosixPath(relpath)
    if posix.is_absolute() or any(part in ("", ".", "..") for part in posix.parts):
        return None
    if ":" in posix.parts[0]:  # a Windows drive
        return None
    return posix


def _needed_media(catalog: Catalog, published_only: bool) -> list[tuple[str, str]]:
    """``(relpath, sha256)`` of every media file the replica needs, sorted by relpath."""
    stmt = select(Media.relpath, Media.sha256)
    if published_only:
        layers = select(ItemTag.item_id).where(ItemTag.tag == NOW_LAYER_TAG)
        shown = or_(Item.published.is_(True), Item.id.in_(layers))
        published = select(Item.id).where(shown)
        stmt = stmt.where(
            or_(
                Media.id.in_(select(ItemMedia.media_id).where(ItemMedia.item_id.in_(published))),
                Media.id.in_(select(Item.cover_media_id).where(shown)),
                Media.id.in_(select(Annotation.media_id).where(Annotation.item_id.in_(published))),
            )
        )
    with catalog.read_session() as session:
        rows = session.execute(stmt.order_by(Media.relpath)).all()
    return [(relpath, sha.lower()) for relpath, sha in rows]


def _check_folders(shared: Path, local: Path) -> None:
    if not shared.exists():
        raise SyncError(f"the shared folder {shared} does not exist (is the share mounted?)")
    if not shared.is_dir():
        raise SyncError(f"the shared folder {shared} is not a folder")
    if local.exists() and not local.is_dir():
        raise SyncError(f"the local assets folder {local} is not a folder")
    same = shared.resolve() == local.resolve()
    if not same and local.exists():
        with contextlib.suppress(OSError):
            same = os.path.samefile(shared, local)
    if same:
        raise SyncError(f"the shared folder {shared} is the local assets folder itself")
    a, b = shared.resolve(), local.resolve()
    if a.is_relative_to(b) or b.is_relative_to(a):
        raise SyncError(
            f"the shared folder {shared} and the local assets folder {local} "
            "must not be inside each other"
        )


@contextlib.contextmanager
def _exclusive(local: Path) -> Iterator[None]:
    """Hold ``<local>/.sync-lock`` (POSIX); SyncError if another sync holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    try:
        fd = os.open(local / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise SyncError(f"cannot write into {local}: {_why(exc)}") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SyncError(f"another sync into {local} is running") from None
        yield
    finally:
        os.close(fd)  # releases the lock


class _Sync:
    def __init__(
        self,
        shared: Path,
        local: Path,
        *,
        dry_run: bool,
        progress: Progress | None,
        cancel: Callable[[], bool] | None,
        checkpoint_every: int,
    ) -> None:
        self.shared = shared
        self.local = local
        self.dry_run = dry_run
        self.progress = progress
        self.cancel = cancel
        self.checkpoint_every = max(1, checkpoint_every)
        self.result = SyncResult(dry_run=dry_run)
        self.entries: dict[str, _Entry] = {}
        self.source_id = str(shared.resolve())
        self.total = 0
        self.done = 0
        self.reported = 0
        self.since_checkpoint = 0
        self.buf = bytearray(_CHUNK)

    # ---------------------------------------------------------------- state file

    @property
    def state_path(self) -> Path:
        return self.local / STATE_FILE

    def load_state(self) -> None:
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # none yet, or unreadable: everything is checked by hashing
        if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
            return
        if data.get("version") != STATE_VERSION or not isinstance(data.get("files"), dict):
            return
        same_source = data.get("source") == self.source_id
        for rel, entry in data["files"].items():
            if not isinstance(rel, str) or not isinstance(entry, dict):
                continue
            self.entries[rel] = _Entry(
                source=_Seen.from_json(entry.get("source")) if same_source else None,
                local=_Seen.from_json(entry.get("local")),
            )

    def save_state(self) -> None:
        """Write the state file atomically. A failure is a problem, not a crash."""
        if self.dry_run:
            return
        files: dict[str, Any] = {}
        for rel in sorted(self.entries):
            entry = self.entries[rel]
            if entry.local is None and entry.source is None:
                continue
            record: dict[str, Any] = {}
            if entry.source is not None:
                record["source"] = entry.source.as_json()
            if entry.local is not None:
                record["local"] = entry.local.as_json()
            files[rel] = record
        data = {
            "format": STATE_FORMAT,
            "version": STATE_VERSION,
            "source": self.source_id,
            "files": files,
        }
        try:
            text = json.dumps(data, indent=1, sort_keys=True)
            atomic_write(self.state_path, text, prefix=TMP_PREFIX, suffix="")
        except OSError as exc:
            self.problem(STATE_FILE, f"cannot save the sync state: {_why(exc)}")
        self.since_checkpoint = 0

    def checkpoint(self) -> None:
        self.since_checkpoint += 1
        if self.since_checkpoint >= self.checkpoint_every:
            self.save_state()

    def entry(self, rel: str) -> _Entry:
        return self.entries.setdefault(rel, _Entry())

    # ------------------------------------------------------------------- helpers

    def problem(self, rel: str, reason: str) -> None:
        self.result.problems.append({"file": rel, "reason": reason})

    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel():
            raise _Cancelled

    def report(self, position: int, planned: int, rel: str) -> None:
        """Progress within the current file (never backwards: a file may be read twice)."""
        if self.progress is not None:
            self.reported = max(self.reported, self.done + min(position, planned))
            self.progress(self.reported, self.total, rel)

    def hash_file(self, path: Path, rel: str, planned: int) -> str:
        """SHA-256 of ``path``, with progress and cancel between chunks; OSError as is."""
        digest = hashlib.sha256()
        view = memoryview(self.buf)
        position = 0
        with open(path, "rb", buffering=0) as fp:
            while True:
                self.check_cancel()
                n = fp.readinto(self.buf)
                if not n:
                    break
                digest.update(view[:n])
                position += n
                self.report(position, planned, rel)
        return digest.hexdigest()

    def sweep(self) -> None:
        """Remove ``.tmp-sync-*`` files a killed run left in the local folder."""
        folders = [self.local]
        for top in (self.local / _MEDIA_DIR, self.local / _TILES_DIR):
            for dirpath, dirnames, _files in os.walk(top):
                dirnames[:] = [d for d in dirnames if not d.startswith(_TEMPORARY)]
                folders.append(Path(dirpath))
        for folder in folders:
            try:
                entries = [e for e in os.scandir(folder) if e.name.startswith(TMP_PREFIX)]
            except OSError:
                continue
            for e in entries:
                try:
                    if e.is_dir(follow_symlinks=False):
                        continue
                    os.unlink(e.path)
                    self.result.swept += 1
                except FileNotFoundError:
                    continue
                except OSError as exc:
                    self.problem(
                        Path(e.path).relative_to(self.local).as_posix(),
                        f"cannot remove a leftover temporary file: {_why(exc)}",
                    )

    # ---------------------------------------------------------------- planning

    def tile_files(self, sha: str) -> list[str] | None:
        """The files of the finished tile set ``tiles/<sha>`` on the share (relative to the
        assets root, the ones that mark it finished last), or None if there is none."""
        from exhibition_app.imaging.tiles import is_current

        top = self.shared / _TILES_DIR / sha
        if not is_current(top, sha):
            return None
        files: list[str] = []
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(
                d
                for d in dirnames
                if not d.startswith(_TEMPORARY) and not os.path.islink(os.path.join(dirpath, d))
            )
            base = Path(dirpath).relative_to(top).as_posix()
            for name in sorted(filenames):
                if name.startswith(_TEMPORARY):
                    continue
                if os.path.islink(os.path.join(dirpath, name)):
                    continue
                files.append(name if base == "." else f"{base}/{name}")
        last = [name for name in _TILE_SET_LAST if name in files]
        ordered = [f for f in files if f not in last] + last
        return [f"{_TILES_DIR}/{sha}/{f}" for f in ordered]

    def quick_unchanged(self, task: _Task) -> tuple[bool, int]:
        """(True if the state file shows ``task`` is up to date without reading anything,
        the bytes to read otherwise)."""
        local_st = _stat(self.local / task.rel)
        entry = self.entries.get(task.rel)
        if task.expected is not None:
            if (
                entry is not None
                and entry.local is not None
                and entry.local.sha256 == task.expected
                and entry.local.matches(local_st)
            ):
                return True, 0
            source_st = None if local_st is not None else _stat(self.shared / task.rel)
            st = local_st or source_st
            return False, st.st_size if st is not None else 0
        source_st = _stat(self.shared / task.rel)
        if (
            entry is not None
            and entry.local is not None
            and entry.source is not None
            and entry.local.sha256 == entry.source.sha256
            and entry.local.matches(local_st)
            and entry.source.matches(source_st)
        ):
            return True, 0
        st = source_st or local_st
        return False, st.st_size if st is not None else 0

    # ----------------------------------------------------------------- copying

    def copy(self, task: _Task, planned: int) -> tuple[_Seen, _Seen]:
        """Copy the share's file over the local one, verified; (source seen, local seen)."""
        src, dest = self.shared / task.rel, self.local / task.rel
        try:
            inp = open(src, "rb", buffering=0)  # noqa: SIM115 - closed below
        except FileNotFoundError:
            raise _FileProblem("missing on the share") from None
        except OSError as exc:
            raise _FileProblem(f"cannot be read on the share: {_why(exc)}") from None
        with inp:
            before = os.fstat(inp.fileno())
            try:
                dest.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise _LocalFailure(task.rel, f"cannot create its folder: {_why(exc)}") from exc
            tmp = dest.parent / f"{TMP_PREFIX}{secrets.token_hex(8)}"
            try:
                return self._copy_into(inp, before, src, tmp, dest, task, planned)
            except BaseException:
                with contextlib.suppress(OSError):
                    tmp.unlink(missing_ok=True)
                raise

    def _copy_into(
        self,
        inp: io.FileIO,
        before: os.stat_result,
        src: Path,
        tmp: Path,
        dest: Path,
        task: _Task,
        planned: int,
    ) -> tuple[_Seen, _Seen]:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(tmp, flags, 0o644)
        except OSError as exc:
            raise _LocalFailure(task.rel, f"cannot be written here: {_why(exc)}") from exc
        digest = hashlib.sha256()
        view = memoryview(self.buf)
        copied = 0
        with open(fd, "wb", buffering=0, closefd=True) as out:
            while True:
                self.check_cancel()
                try:
                    n = inp.readinto(self.buf)
                except OSError as exc:
                    raise _FileProblem(f"cannot be read on the share: {_why(exc)}") from None
                if not n:
                    break
                digest.update(view[:n])
                try:
                    _write_chunk(out, view[:n])
                except OSError as exc:
                    raise _LocalFailure(task.rel, f"cannot be written here: {_why(exc)}") from exc
                copied += n
                self.report(copied, planned, task.rel)
            try:
                out.flush()
                os.fsync(out.fileno())
            except OSError as exc:
                raise _LocalFailure(task.rel, f"cannot be written here: {_why(exc)}") from exc
        after = _stat(src)
        if after is None:
            raise _FileProblem("vanished from the share while it was being copied")
        if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns) or (
            copied != before.st_size
        ):
            raise _FileProblem("changed on the share while it was being copied")
        sha = digest.hexdigest()
        seen = _Seen.of(before, sha)
        if task.expected is not None and sha != task.expected:
            raise _FileProblem(
                f"the share's copy does not match the catalogue's checksum "
                f"(sha256 {sha[:12]}..., expected {task.expected[:12]}...); not installed",
                seen,
            )
        try:
            readback = self._hash_from_disk(tmp)
        except OSError as exc:
            raise _LocalFailure(task.rel, f"cannot be read back here: {_why(exc)}") from exc
        if readback != sha:
            raise _FileProblem("the copy written here does not read back the same; not installed")
        try:
            replace_file(tmp, dest)
        except OSError as exc:
            raise _LocalFailure(task.rel, f"cannot be installed here: {_why(exc)}") from exc
        local_st = dest.stat()
        return seen, _Seen.of(local_st, sha)

    def _hash_from_disk(self, path: Path) -> str:
        """SHA-256 of a freshly written (and fsynced) file, read from the disk rather than
        from the page cache where the operating system allows."""
        digest = hashlib.sha256()
        view = memoryview(self.buf)
        with open(path, "rb", buffering=0) as fp:
            fadvise = getattr(os, "posix_fadvise", None)
            if fadvise is not None:
                with contextlib.suppress(OSError):
                    fadvise(fp.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            while n := fp.readinto(self.buf):
                digest.update(view[:n])
        return digest.hexdigest()

    # -------------------------------------------------------------- per file

    def run_task(self, task: _Task, planned: int) -> None:
        """Bring one file up to date (or, dry, find out whether it is)."""
        try:
            if task.expected is not None:
                self.media_task(task, planned)
            else:
                self.tile_task(task, planned)
        except _FileProblem as exc:
            if exc.seen is not None:
                self.entry(task.rel).source = exc.seen
            self.problem(task.rel, exc.reason)
        self.done += planned
        self.reported = self.done
        if self.progress is not None:
            self.progress(self.done, self.total, task.rel)
        self.checkpoint()

    def installed(self, task: _Task, source: _Seen, local: _Seen) -> None:
        entry = self.entry(task.rel)
        entry.source, entry.local = source, local
        self.result.copied.append(task.rel)
        self.result.bytes_copied += local.size

    def would_copy(self, task: _Task, size: int) -> None:
        self.result.copied.append(task.rel)
        self.result.bytes_copied += size

    def local_sha(self, rel: str, st: os.stat_result, planned: int) -> str | None:
        """The local file's SHA-256 (from the state when it looks as recorded), or None
        if it cannot be read."""
        entry = self.entries.get(rel)
        if entry is not None and entry.local is not None and entry.local.matches(st):
            return entry.local.sha256
        try:
            sha = self.hash_file(self.local / rel, rel, planned)
        except OSError:
            return None
        if not self.dry_run:
            self.entry(rel).local = _Seen.of(st, sha)
        return sha

    def media_task(self, task: _Task, planned: int) -> None:
        assert task.expected is not None
        local_st = _stat(self.local / task.rel)
        if local_st is not None and self.local_sha(task.rel, local_st, planned) == task.expected:
            self.result.unchanged += 1
            return
        damaged = " (and the local copy is damaged)" if local_st is not None else ""
        source_st = _stat(self.shared / task.rel)
        if source_st is None:
            raise _FileProblem(f"missing on the share{damaged}")
        entry = self.entries.get(task.rel)
        if (
            entry is not None
            and entry.source is not None
            and entry.source.matches(source_st)
            and entry.source.sha256 != task.expected
        ):
            # Unchanged since it was found wrong: no need to read it again.
            raise _FileProblem(self._mismatch(entry.source.sha256, task.expected, damaged))
        if self.dry_run:
            try:
                sha = self.hash_file(self.shared / task.rel, task.rel, planned)
            except OSError as exc:
                raise _FileProblem(f"cannot be read on the share: {_why(exc)}") from None
            if sha != task.expected:
                raise _FileProblem(self._mismatch(sha, task.expected, damaged))
            self.would_copy(task, source_st.st_size)
            return
        try:
            source, local = self.copy(task, planned)
        except _FileProblem as exc:
            if exc.seen is not None and exc.seen.sha256 != task.expected:
                raise _FileProblem(
                    self._mismatch(exc.seen.sha256, task.expected, damaged), exc.seen
                ) from None
            raise
        self.installed(task, source, local)

    @staticmethod
    def _mismatch(actual: str, expected: str, damaged: str) -> str:
        return (
            f"the share's copy does not match the catalogue's checksum (sha256 "
            f"{actual[:12]}..., expected {expected[:12]}...); not installed{damaged}"
        )

    def tile_task(self, task: _Task, planned: int) -> None:
        source_st = _stat(self.shared / task.rel)
        if source_st is None:
            raise _FileProblem("vanished from the share")
        local_st = _stat(self.local / task.rel)
        if local_st is not None and local_st.st_size == source_st.st_size:
            entry = self.entries.get(task.rel)
            known = entry.source if entry is not None else None
            source_sha = known.sha256 if known is not None and known.matches(source_st) else None
            local_sha = self.local_sha(task.rel, local_st, planned)
            if local_sha is not None and source_sha is None:
                try:
                    source_sha = self.hash_file(self.shared / task.rel, task.rel, planned)
                except OSError as exc:
                    raise _FileProblem(f"cannot be read on the share: {_why(exc)}") from None
                if not self.dry_run:
                    self.entry(task.rel).source = _Seen.of(source_st, source_sha)
            if local_sha is not None and local_sha == source_sha:
                self.result.unchanged += 1
                return
        if self.dry_run:
            self.would_copy(task, source_st.st_size)
            return
        source, local = self.copy(task, planned)
        self.installed(task, source, local)

    # ---------------------------------------------------------------- removing

    def _walk(self, top: Path) -> Iterator[tuple[Path, list[str]]]:
        """Each folder under ``top`` (sorted, temporaries left out) with its files, as paths
        relative to the local assets folder."""
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(_TEMPORARY))
            base = Path(dirpath)
            rels = [
                (base / name).relative_to(self.local).as_posix()
                for name in sorted(filenames)
                if not name.startswith(_TEMPORARY)
            ]
            yield base, rels

    def unneeded(
        self, media: set[str], tile_sets: dict[str, set[str] | None]
    ) -> tuple[list[str], list[Path]]:
        """Local files under media/ and tiles/ the replica no longer needs, in the order to
        remove them (a tile set's info.json and .source first, so it stops counting as
        finished before its tiles go), and the tile folders to drop if that leaves them
        empty (deepest first)."""
        found: list[str] = []
        folders: list[Path] = []
        media_top = self.local / _MEDIA_DIR
        for _folder, rels in self._walk(media_top):
            found += [rel for rel in rels if rel not in media]
        tiles_top = self.local / _TILES_DIR
        try:
            tops = sorted(os.scandir(tiles_top), key=lambda e: e.name)
        except OSError:
            tops = []
        for top in tops:
            if top.name.startswith(_TEMPORARY):
                continue
            if not top.is_dir(follow_symlinks=False):
                found.append(f"{_TILES_DIR}/{top.name}")
                continue
            keep: set[str] = set()
            if top.name in tile_sets:
                listed = tile_sets[top.name]
                if listed is None:  # needed, but not on the share: the local set stays
                    continue
                keep = listed
            files: list[str] = []
            for folder, rels in self._walk(Path(top.path)):
                folders.append(folder)
                files += [rel for rel in rels if rel not in keep]
            first = [f"{_TILES_DIR}/{top.name}/{n}" for n in reversed(_TILE_SET_LAST)]
            found += [f for f in first if f in files] + [f for f in files if f not in first]
        folders.sort(key=lambda p: len(p.parts), reverse=True)
        return found, folders

    def remove(self, rels: list[str], tile_folders: list[Path]) -> None:
        folders: set[Path] = set(tile_folders)
        for rel in rels:
            self.check_cancel()
            path = self.local / rel
            if self.dry_run:
                self.result.removed.append(rel)
                continue
            try:
                path.unlink()
            except FileNotFoundError:
                self.entries.pop(rel, None)
                continue
            except OSError as exc:
                self.problem(rel, f"cannot be removed: {_why(exc)}")
                continue
            self.result.removed.append(rel)
            self.entries.pop(rel, None)
            folders.add(path.parent)
        if self.dry_run:
            return
        for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
            self._prune(folder)
            fsync_dir(folder.parent if not folder.exists() else folder)

    def _prune(self, folder: Path) -> None:
        """Remove ``folder`` and its parents while empty, up to media/ or tiles/."""
        stops = {self.local, self.local / _MEDIA_DIR, self.local / _TILES_DIR}
        while folder not in stops and folder.is_relative_to(self.local):
            try:
                folder.rmdir()
            except OSError:
                return
            folder = folder.parent


def sync_assets(
    catalog: Catalog,
    shared: Path | str,
    local: Path | str | None = None,
    *,
    published_only: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    checkpoint_every: int = CHECKPOINT_EVERY,
) -> SyncResult:
    """Bring ``local`` (default: the catalogue's assets folder) up to date from ``shared``.

    ``progress(done_bytes, total_bytes, relpath)`` is called as files are read;
    ``cancel()`` is asked between files and chunks: when it returns True the run stops,
    keeping (and recording) what was already installed, removing nothing, and the result
    says ``cancelled``. With ``dry_run`` nothing is written: the result says what would
    be copied and removed (files on the share that would be copied are still hashed, so
    a corrupt one is reported). Raises `SyncError` when the folders are wrong.
    """
    shared = Path(shared).expanduser()
    local = Path(local).expanduser() if local is not None else Path(catalog.assets)
    _check_folders(shared, local)
    media = _needed_media(catalog, published_only)
    if not dry_run:
        try:
            local.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SyncError(f"cannot create the local assets folder {local}: {_why(exc)}") from exc
    run = _Sync(
        shared,
        local,
        dry_run=dry_run,
        progress=progress,
        cancel=cancel,
        checkpoint_every=checkpoint_every,
    )
    with contextlib.nullcontext() if dry_run else _exclusive(local):
        if not dry_run:
            run.sweep()
        run.load_state()
        _run(run, media)
    return run.result


def _run(run: _Sync, media: list[tuple[str, str]]) -> None:
    tasks: list[_Task] = []
    needed_media: set[str] = set()
    tile_sets: dict[str, set[str] | None] = {}
    for relpath, sha in media:
        rel = _safe_rel(relpath)
        if rel is None or rel.parts[0] != _MEDIA_DIR:
            run.problem(relpath, "the catalogue's path for this file is not under media/")
            continue
        tasks.append(_Task(rel.as_posix(), sha))
        needed_media.add(rel.as_posix())
    for sha in sorted({sha for _rel, sha in media}):
        files = run.tile_files(sha) if _SHA.fullmatch(sha) else None
        tile_sets[sha] = set(files) if files is not None else None
        tasks += [_Task(f, None) for f in files or ()]

    work: list[tuple[_Task, int]] = []
    for task in tasks:
        fresh, size = run.quick_unchanged(task)
        if fresh:
            run.result.unchanged += 1
        else:
            work.append((task, size))
    run.total = sum(size for _task, size in work)
    finished = False
    try:
        for task, planned in work:
            run.check_cancel()
            run.run_task(task, planned)
        if not run.result.problems:
            run.remove(*run.unneeded(needed_media, tile_sets))
        finished = True
    except _Cancelled:
        run.result.cancelled = True
    except _LocalFailure as exc:
        run.problem(exc.rel, f"{exc.reason}; sync stopped")
    finally:
        if finished:  # forget what is no longer needed
            run.entries = {
                rel: e
                for rel, e in run.entries.items()
                if _still_needed(rel, needed_media, tile_sets)
            }
        run.save_state()


def _still_needed(rel: str, media: set[str], tile_sets: dict[str, set[str] | None]) -> bool:
    if rel in media:
        return True
    parts = rel.split("/", 2)
    if len(parts) != 3 or parts[0] != _TILES_DIR or parts[1] not in tile_sets:
        return False
    files = tile_sets[parts[1]]
    return files is None or rel in files  # a set not on the share keeps its local files
