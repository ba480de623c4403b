"""Replacing files durably: write aside, fsync, rename over, fsync the folder.

The one way the application replaces a file (exports, backups, the staff PIN file, sync
state, thumbnails, tile set documents): a reader sees the old file or the new one, never
half of one, and after a crash or power cut the rename is either on disk with its data or
not at all. A failure part-way leaves the old file as it was and removes the temporary one.

* `atomic_write` replaces a file by bytes or text;
* `replacing` yields a new temporary path beside the target for tools that write a path
  themselves (Pillow, SQLite, zipfile, a copy), then renames it into place;
* `open_replacing` yields an open file on such a path;
* `replace_file` renames a finished temporary file (made elsewhere) over the target;
* `replace_dir` swaps a finished folder (a tile set) in for the old one;
* `fsync_file` and `fsync_dir` are the two syncs underneath.

Temporary names are ``<prefix><random><suffix>`` in the target's folder (default
``.<name>.<random>.tmp``), so callers that sweep leftovers keep their own prefixes.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = [
    "atomic_write",
    "fsync_dir",
    "fsync_file",
    "open_replacing",
    "replace_dir",
    "replace_file",
    "replacing",
]

_BINARY = getattr(os, "O_BINARY", 0)


def fsync_dir(path: Path) -> None:
    """Make a rename or unlink in ``path`` durable; silently a no-op where directories cannot
    be opened or fsynced (Windows, some network file systems)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """Flush a written file's data to the disk (opened for writing: Windows needs that)."""
    fd = os.open(path, os.O_RDWR | _BINARY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_file(tmp: Path, dest: Path) -> None:
    """Rename the finished temporary file ``tmp`` over ``dest`` durably: fsync ``tmp``,
    rename, fsync the folder. ``tmp`` must be in ``dest``'s folder (same file system)."""
    fsync_file(tmp)
    os.replace(tmp, dest)
    fsync_dir(Path(dest).parent)


def replace_dir(building: Path, dest: Path, *, retired_prefix: str = ".retired-") -> None:
    """Rename the finished folder ``building`` to ``dest``, replacing (and then deleting) any
    old ``dest``: it is renamed aside to ``<retired_prefix><name>-<random>`` first and put
    back if the new folder cannot be renamed in. Another process renaming its own folder
    to ``dest`` meanwhile makes this try again (the last one wins). The caller has synced
    what is inside ``building``; the rename itself is made durable here."""
    for _attempt in range(5):
        retired: Path | None = None
        if dest.exists() or dest.is_symlink():
            retired = dest.parent / f"{retired_prefix}{dest.name}-{secrets.token_hex(6)}"
            try:
                os.replace(dest, retired)
            except FileNotFoundError:
                retired = None
        try:
            os.replace(building, dest)
        except OSError as exc:
            if retired is not None and not dest.exists():
                with contextlib.suppress(OSError):
                    os.replace(retired, dest)  # put the old folder back
            if exc.errno in (errno.ENOTEMPTY, errno.EEXIST):
                continue  # another process renamed its folder in meanwhile: go again
            raise
        fsync_dir(dest.parent)
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
        return
    raise OSError(errno.EEXIST, f"could not replace {dest} (it keeps being recreated)")


def _new_temp(folder: Path, prefix: str, suffix: str, mode: int | None) -> Path:
    """A new empty file in ``folder``, created exclusively. ``mode`` None: the permissions a
    plain ``open(path, "w")`` would give (0o666 less the umask); else exactly ``mode``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY
    for _attempt in range(100):
        tmp = folder / f"{prefix}{secrets.token_hex(8)}{suffix}"
        try:
            fd = os.open(tmp, flags, 0o666 if mode is None else mode)
        except FileExistsError:
            continue
        try:
            if mode is not None:
                os.chmod(tmp, mode)  # exactly, whatever the umask
        except BaseException:
            os.close(fd)
            tmp.unlink(missing_ok=True)
            raise
        os.close(fd)
        return tmp
    raise FileExistsError(f"cannot find a free temporary name in {folder}")


@contextlib.contextmanager
def replacing(
    dest: Path, *, prefix: str | None = None, suffix: str = ".tmp", mode: int | None = None
) -> Iterator[Path]:
    """Yield a new empty temporary file beside ``dest`` to write; when the block ends
    normally it replaces ``dest`` (`replace_file`); when it raises, the temporary file is
    removed and ``dest`` is untouched. ``mode`` fixes the new file's permissions (e.g.
    0o600 for backups); by default they are those of a newly created file."""
    dest = Path(dest)
    folder = dest.parent
    tmp = _new_temp(folder, f".{dest.name}." if prefix is None else prefix, suffix, mode)
    try:
        yield tmp
        replace_file(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def open_replacing(
    dest: Path,
    text: bool = False,
    *,
    encoding: str = "utf-8",
    prefix: str | None = None,
    suffix: str = ".tmp",
    mode: int | None = None,
) -> Iterator[IO[Any]]:
    """Yield a file open for writing (binary, or text when ``text``) that replaces ``dest``
    when the block ends normally; see `replacing`."""
    with replacing(dest, prefix=prefix, suffix=suffix, mode=mode) as tmp:
        if text:
            with open(tmp, "w", encoding=encoding) as fp:
                yield fp
        else:
            with open(tmp, "wb") as fp:
                yield fp


def atomic_write(
    dest: Path,
    data: bytes | str,
    *,
    encoding: str = "utf-8",
    prefix: str | None = None,
    suffix: str = ".tmp",
    mode: int | None = None,
) -> None:
    """Replace ``dest`` by ``data`` (text is encoded with ``encoding``); see `replacing`."""
    with open_replacing(
        dest, isinstance(data, str), encoding=encoding, prefix=prefix, suffix=suffix, mode=mode
    ) as fp:
        fp.write(data)
