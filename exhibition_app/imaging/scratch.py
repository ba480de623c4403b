"""Decoding very large pictures with flat memory (Pillow only: no Qt, no database).

Shared by the tile builder (`exhibition_app.imaging.tiles`) and ingest
(`exhibition_app.imaging.ingest`). Pillow cannot decode part of a JPEG or PNG, so a big
source is decoded ONCE into a scratch file: a writable shared ``mmap`` of the file is
handed to Pillow as the image core before ``load()`` (``Image.core.map_buffer``), so the
decoder writes rows into file-backed pages instead of anonymous memory. Dirty file pages
still count as resident, so they are dropped with ``madvise(MADV_DONTNEED)`` after every
chunk the decoder reads and by a backstop thread (`Pager`): on a shared file mapping that
only unmaps the pages from this process; the data stays in the page cache and the file.

Blocks are then read back (and written) with positioned reads and writes (`Scratch.crop`,
`Scratch.paste`), not through the mapping, where kernel fault-around would map far more
than the block. Formats whose Pillow plugin ignores a preset image core (GIF, WebP,
JPEG 2000, tiled TIFFs, TIFFs Pillow rotates while loading) decode in ordinary memory;
`streams` tells which ones will not.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import mmap
import os
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from PIL import Image, ImageFile

from exhibition_app.imaging import source
from exhibition_app.imaging.source import ImageRefused

__all__ = [
    "PAGER_INTERVAL",
    "STREAMING_FORMATS",
    "Pager",
    "ReadWatch",
    "Scratch",
    "blocks",
    "check_free_space",
    "decode_into_scratch",
    "map_core",
    "pixel_bytes",
    "source_box",
    "streams",
]

# Seconds between two page releases of the scratch mappings.
PAGER_INTERVAL = 0.05
# Formats whose Pillow plugin decodes into a preset image core, row by row.
STREAMING_FORMATS = frozenset({"JPEG", "MPO", "PNG", "TIFF", "BMP", "PPM"})


class Pager:
    """Drops the decoder's scratch mapping from the resident set: on demand
    (`release`) and a few times a second from a background thread.

    ``MADV_DONTNEED`` on a shared file mapping keeps the data (in the page cache and
    the file); the next access simply maps the page again. No-op without madvise.

    Files being read can be watched too (`watch`): libtiff maps the whole TIFF it
    decodes, and every page it has read counts as resident. Their mappings, found in
    ``/proc/self/maps`` (Linux), get ``MADV_PAGEOUT``, which never loses data: a page
    that turned out not to be that file's (unmapped and reused meanwhile) is at worst
    paged out.
    """

    def __init__(self, interval: float = PAGER_INTERVAL) -> None:
        self._maps: list[mmap.mmap] = []
        self._files: set[str] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._interval = interval
        self._advice = getattr(mmap, "MADV_DONTNEED", None)
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Pager:
        if self._advice is not None:
            self._thread = threading.Thread(target=self._run, name="scratch-pager", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def add(self, mm: mmap.mmap) -> None:
        with self._lock:
            self._maps.append(mm)

    def remove(self, mm: mmap.mmap) -> None:
        with self._lock:
            if mm in self._maps:
                self._maps.remove(mm)

    def watch(self, path: str | os.PathLike[str]) -> None:
        """Also page out mappings of the file ``path`` (until `unwatch`)."""
        if _PAGEOUT is not None and _libc() is not None:
            with self._lock:
                self._files.add(os.path.realpath(path))

    def unwatch(self, path: str | os.PathLike[str]) -> None:
        with self._lock:
            self._files.discard(os.path.realpath(path))

    def release(self) -> None:
        if self._advice is None:
            return
        with self._lock:
            for mm in self._maps:
                with contextlib.suppress(ValueError, OSError):
                    mm.madvise(self._advice)
            if self._files:
                _page_out(self._files)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self.release()


# MADV_PAGEOUT (Linux 5.4+; Python's mmap module does not always name it).
_PAGEOUT: int | None = getattr(
    mmap, "MADV_PAGEOUT", 21 if sys.platform.startswith("linux") else None
)


@functools.cache
def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
        libc.madvise.restype = ctypes.c_int
    except (OSError, AttributeError):
        return None
    return libc


def _page_out(files: set[str]) -> None:
    """``MADV_PAGEOUT`` every mapping of ``files`` in this process (Linux only)."""
    libc = _libc()
    if libc is None or _PAGEOUT is None:
        return
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as fp:
            lines = fp.read().splitlines()
    except OSError:
        return
    for line in lines:
        parts = line.split(maxsplit=5)
        if len(parts) == 6 and parts[5] in files:
            start, end = (int(v, 16) for v in parts[0].split("-"))
            libc.madvise(start, end - start, _PAGEOUT)


def pixel_bytes(mode: str) -> int:
    """Bytes per pixel in a Pillow image core of ``mode``."""
    if mode in ("1", "L", "P"):
        return 1
    if mode.startswith("I;16"):
        return 2
    return 4


def map_core(buffer: Any, mode: str, size: tuple[int, int]) -> Any:
    """A Pillow image core over ``buffer`` (rows packed, top row first); no copy."""
    return Image.core.map_buffer(buffer, size, "raw", 0, (mode, size[0] * pixel_bytes(mode), 1))


class Scratch:
    """Image pixels (packed rows, Pillow's core layout) in a scratch file.

    `crop` and `paste` use ordinary positioned reads and writes of the rows a block
    covers, through a block-sized buffer: going through a mapping instead would make
    the kernel map far more than the block (read fault-around, large folios on
    write), up to tens of megabytes per block. Only the decoder, which needs an
    image core to write into, gets one: ``mapped=True`` exposes ``core``, a shared
    mapping of the file that the `Pager` keeps dropping from the resident set.
    """

    def __init__(
        self, path: Path, mode: str, size: tuple[int, int], pager: Pager, *, mapped: bool
    ) -> None:
        self.path = path
        self.mode = mode
        self.size = size
        self._pager = pager
        self._pixel = pixel_bytes(mode)
        self._mm: mmap.mmap | None = None
        self.core: Any = None
        nbytes = max(1, size[0] * size[1] * self._pixel)
        self._fp = open(path, "w+b", buffering=0)  # noqa: SIM115 - closed in close()
        try:
            self._fp.truncate(nbytes)
            if mapped:
                self._mm = mmap.mmap(self._fp.fileno(), nbytes)
                try:
                    self.core = map_core(self._mm, mode, size)
                except BaseException:
                    self._mm.close()
                    raise
                pager.add(self._mm)
        except BaseException:
            self._fp.close()
            path.unlink(missing_ok=True)
            raise

    def _rows(
        self, box: tuple[int, int, int, int], buffer: bytearray
    ) -> Iterator[tuple[memoryview, int]]:
        """``(slice of buffer, file offset)`` for each run of ``box`` rows."""
        x0, y0, x1, y1 = box
        width = self.size[0]
        view = memoryview(buffer)
        if x0 == 0 and x1 == width:  # whole rows: one contiguous run
            yield view, y0 * width * self._pixel
            return
        row = (x1 - x0) * self._pixel
        for i, y in enumerate(range(y0, y1)):
            yield view[i * row : (i + 1) * row], (y * width + x0) * self._pixel

    def crop(self, box: tuple[int, int, int, int]) -> Any:
        """A new in-memory image core holding ``box``."""
        size = (box[2] - box[0], box[3] - box[1])
        buffer = bytearray(size[0] * size[1] * self._pixel)
        fd = self._fp.fileno()
        for view, offset in self._rows(box, buffer):
            while view:
                if hasattr(os, "preadv"):
                    n = os.preadv(fd, [view], offset)
                else:  # Windows, older macOS
                    self._fp.seek(offset)
                    n = self._fp.readinto(view) or 0
                if n <= 0:
                    raise OSError(errno.EIO, f"short read from scratch file {self.path}")
                view, offset = view[n:], offset + n
        return map_core(buffer, self.mode, size)

    def paste(self, im: Image.Image, at: tuple[int, int]) -> None:
        """Write ``im`` (same mode) with its top-left corner at ``at``."""
        box = (at[0], at[1], at[0] + im.width, at[1] + im.height)
        buffer = bytearray(im.width * im.height * self._pixel)
        map_core(buffer, self.mode, im.size).paste(im.im, (0, 0, *im.size))
        fd = self._fp.fileno()
        for view, offset in self._rows(box, buffer):
            while view:
                if hasattr(os, "pwrite"):
                    n = os.pwrite(fd, view, offset)
                else:  # Windows
                    self._fp.seek(offset)
                    n = self._fp.write(view) or 0
                view, offset = view[n:], offset + n

    def close(self) -> None:
        self.core = None
        if self._mm is not None:
            self._pager.remove(self._mm)
            # A stray Image still using the core keeps the mapping until it is freed.
            with contextlib.suppress(BufferError):
                self._mm.close()
        self._fp.close()
        with contextlib.suppress(OSError):
            self.path.unlink()


class ReadWatch:
    """File proxy handed to Pillow while decoding: counts bytes, checks ``cancel``."""

    def __init__(self, fp: IO[bytes], on_read: Callable[[int], None]) -> None:
        self._fp = fp
        self._on_read = on_read
        self._count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._fp.read(size)
        self._count += len(data)
        self._on_read(self._count)
        return data

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fp, name)


def blocks(width: int, height: int, step: int) -> Iterator[tuple[int, int, int, int]]:
    for top in range(0, height, step):
        for left in range(0, width, step):
            yield left, top, min(width, left + step), min(height, top + step)


def source_box(
    box: tuple[int, int, int, int], orientation: int, sw: int, sh: int
) -> tuple[int, int, int, int]:
    """The source box that becomes ``box`` of the image upright per EXIF ``orientation``."""
    x0, y0, x1, y1 = box

    def back(x: int, y: int) -> tuple[int, int]:  # upright pixel -> source pixel
        return {
            1: (x, y),
            2: (sw - 1 - x, y),
            3: (sw - 1 - x, sh - 1 - y),
            4: (x, sh - 1 - y),
            5: (y, x),
            6: (y, sh - 1 - x),
            7: (sw - 1 - y, sh - 1 - x),
            8: (sw - 1 - y, x),
        }[orientation]

    ax, ay = back(x0, y0)
    bx, by = back(x1 - 1, y1 - 1)
    return min(ax, bx), min(ay, by), max(ax, bx) + 1, max(ay, by) + 1


def streams(im: Image.Image) -> bool:
    """True when ``im`` (opened, not loaded) decodes into a preset image core row by row."""
    return im.format in STREAMING_FORMATS and getattr(im, "_tile_size", im.size) == im.size


def decode_into_scratch(
    im: ImageFile.ImageFile,
    name: str,
    max_pixels: int,
    path: Path,
    pager: Pager,
    on_read: Callable[[int], None],
    *,
    min_bytes: int = 0,
    passthrough: tuple[type[BaseException], ...] = (),
) -> Scratch | None:
    """Decode the opened ``im`` (call inside `source.pixel_limit`).

    When it `streams` and its pixels take more than ``min_bytes``, they go into a mapped
    scratch file at ``path``, which is returned (the caller closes it after ``im``);
    otherwise None, and ``im`` holds its pixels in ordinary memory. ``on_read(count)`` is
    called after every read of the source file; an exception of a ``passthrough`` type
    raised there comes out as itself, not as a refusal. Damage is an `ImageRefused` (see
    `source.load_checked`); on any failure the scratch file is removed.
    """
    scratch: Scratch | None = None
    try:
        w, h = im.size
        if streams(im) and w * h * pixel_bytes(im.mode) > min_bytes:
            try:
                scratch = Scratch(path, im.mode, im.size, pager, mapped=True)
            except (ValueError, OSError, MemoryError):
                scratch = None  # e.g. a mode map_buffer does not know: decode normally
            else:
                im.im = scratch.core
        if im.fp is not None:
            im.fp = ReadWatch(im.fp, on_read)  # type: ignore[assignment]
        filename = getattr(im, "filename", None)
        if filename:
            pager.watch(filename)  # libtiff maps the TIFF it reads
        try:
            source.load_checked(im, name, max_pixels)
        except ImageRefused as exc:
            if passthrough and isinstance(exc.__cause__, passthrough):
                raise exc.__cause__ from None
            raise
        finally:
            if filename:
                pager.unwatch(filename)
        if scratch is not None and im.im is not scratch.core:
            # The plugin decoded elsewhere (e.g. it mapped an uncompressed file).
            scratch.close()
            scratch = None
        file_map = getattr(im, "map", None)
        if isinstance(file_map, mmap.mmap):  # Pillow mapped an uncompressed file
            pager.add(file_map)
    except BaseException:
        if scratch is not None:
            scratch.close()
        raise
    return scratch


def check_free_space(folder: Path, need: int, name: str, size: tuple[int, int]) -> None:
    """Refuse, before anything is written, when ``folder`` has less than ``need`` bytes
    free: a write through a mapping into a full disk kills the process (SIGBUS)."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < need:
        raise ImageRefused(
            f"{name}: not enough free disk space to decode a {size[0]}x{size[1]} image "
            f"(it needs about {need / 1e9:.1f} GB of scratch space, {free / 1e9:.1f} GB free)"
        )
