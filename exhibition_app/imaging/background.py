"""Decoding a big JPEG on a thread while its first rows are already used (Pillow only).

The tile builder (`exhibition_app.imaging.tiles`) cuts the top of the image into tiles
while libjpeg is still decoding the bottom: Pillow releases the GIL while it decodes, so
the decoder runs on its own core. The decoder writes into an image core over a private
anonymous mapping as large as the whole image: address space, not memory. Only the rows
between the consumer and the decoder are ever resident: the consumer frees the rows it
has used (``MADV_DONTNEED``, `BackgroundDecode.consumed`), and the decoder waits, between
two reads of the file, while it is more than ``ahead`` rows in front of the consumer.

How far the decoder got is read from the pixels themselves: fresh anonymous memory is
all zeros, and Pillow stores an RGB pixel as four bytes whose fourth (padding) byte it
always sets to 255, so row ``y`` is complete once its last byte is 255 (libjpeg writes
the rows of a JPEG once, top to bottom; a progressive one all at the end). Only upright
RGB JPEGs qualify (`follows`); everything else is decoded before use, as before.
"""

from __future__ import annotations

import contextlib
import mmap
import threading
from collections.abc import Callable
from typing import Any

from PIL import Image, ImageFile

from exhibition_app.imaging import source
from exhibition_app.imaging.scratch import ReadWatch, map_core, streams
from exhibition_app.imaging.source import ImageRefused

__all__ = ["BackgroundDecode", "follows"]

# Seconds between two looks at the caller's ``cancel`` while waiting for rows.
_POLL_S = 0.05
# Linux's MAP_NORESERVE: the mapping is address space; only touched pages take memory.
_MAP_NORESERVE = 0x4000
# Bytes of the file the decoder reads at once (Pillow's default is 64 KiB).
_READ_BYTES = 1 << 16


def follows(im: ImageFile.ImageFile, min_bytes: int) -> bool:
    """True when ``im`` (opened, not loaded) can be decoded by `BackgroundDecode`: an RGB
    JPEG (upright: the caller checks its EXIF orientation) above ``min_bytes`` of pixels."""
    w, h = im.size
    return (
        im.format in ("JPEG", "MPO")
        and im.mode == "RGB"
        and streams(im)
        and w * h * 4 > min_bytes
        and hasattr(mmap, "MADV_DONTNEED")
    )


class _Stopped(Exception):
    """Raised in the decoder thread's read callback once `BackgroundDecode.stop` is called."""


class BackgroundDecode:
    """Decodes the opened RGB JPEG ``im`` on a thread, ``ahead`` rows in front of the
    consumer at most.

    The caller waits for rows (`wait_rows`), takes them as an image without a copy
    (`band`), and says when it no longer needs them (`consumed`). The decoder's error,
    if any, is raised on the caller's thread. Always `stop` (it joins the thread) before
    closing ``im``, and `close` after. Raises OSError or ValueError when the mapping cannot be made.
    """

    def __init__(self, im: ImageFile.ImageFile, name: str, max_pixels: int, ahead: int) -> None:
        self._im = im
        self._width, self._height = im.size
        self._stride = self._width * 4
        nbytes = max(1, self._stride * self._height)
        flags = mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | _MAP_NORESERVE
        self._mm: mmap.mmap | None = mmap.mmap(-1, nbytes, flags=flags)
        with contextlib.suppress(AttributeError, OSError):
            self._mm.madvise(mmap.MADV_HUGEPAGE)  # fewer page faults for the decoder
        self._core: Any = map_core(self._mm, "RGB", im.size)
        self._ahead = max(1, ahead)
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self.rows = 0  # rows known to be decoded
        self._consumed = 0  # rows the consumer is done with
        self._freed = 0  # bytes from the start already given back
        self.bytes_read = 0
        self.done = False
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(name, max_pixels), name="tiles-decode", daemon=True
        )
        self._thread.start()

    # ------------------------------------------------------------------ decoder thread

    def _frontier(self, rows: int) -> int:
        mm = self._mm
        assert mm is not None
        while rows < self._height and mm[(rows + 1) * self._stride - 1] == 255:
            rows += 1
        return rows

    def _on_read(self, count: int) -> None:
        if self._stop.is_set():
            raise _Stopped
        rows = self._frontier(self.rows)
        with self._cond:
            self.bytes_read = count
            if rows > self.rows:
                self.rows = rows
                self._cond.notify_all()
            # Back-pressure: do not run far ahead of the consumer (memory stays flat).
            while self.rows > self._consumed + self._ahead and not self._stop.is_set():
                self._cond.wait(_POLL_S)
        if self._stop.is_set():
            raise _Stopped

    def _run(self, name: str, max_pixels: int) -> None:
        im = self._im
        try:
            with source.pixel_limit(max_pixels):
                im.im = self._core
                im.decodermaxblock = _READ_BYTES
                if im.fp is not None:
                    im.fp = ReadWatch(im.fp, self._on_read)  # type: ignore[assignment]
                try:
                    source.load_checked(im, name, max_pixels)
                except ImageRefused as exc:
                    if isinstance(exc.__cause__, _Stopped):
                        raise exc.__cause__ from None
                    raise
                if im.im is not self._core:  # the plugin decoded elsewhere: use that
                    raise RuntimeError("the decoder did not use the prepared image core")
        except BaseException as exc:  # handed to the caller's thread
            with self._cond:
                self._error = exc
                self.done = True
                self._cond.notify_all()
            return
        with self._cond:
            self.rows = self._height
            self.done = True
            self._cond.notify_all()

    # ------------------------------------------------------------------ caller's thread

    def wait_rows(self, rows: int, poll: Callable[[], None]) -> None:
        """Block until the first ``rows`` rows are decoded; ``poll()`` runs on this thread
        every few hundredths of a second meanwhile (it may raise to give up)."""
        while True:
            with self._cond:
                if self._error is not None:
                    raise self._error
                if self.rows >= rows:
                    return
                self._cond.wait(_POLL_S)
            poll()

    def band(self, top: int, bottom: int) -> Image.Image:
        """Rows ``top`` to ``bottom`` (decoded: see `wait_rows`), without a copy: valid
        until `consumed` is told they are used."""
        assert self._mm is not None
        size = (self._width, bottom - top)
        core = Image.core.map_buffer(
            self._mm, size, "raw", top * self._stride, ("RGB", self._stride, 1)
        )
        return Image.new("RGB", (1, 1))._new(core)

    def consumed(self, rows: int) -> None:
        """The first ``rows`` rows are used: give their memory back, let the decoder on."""
        mm = self._mm
        assert mm is not None
        end = rows * self._stride if rows < self._height else len(mm)
        end -= end % mmap.PAGESIZE
        if end > self._freed:
            mm.madvise(mmap.MADV_DONTNEED, self._freed, end - self._freed)
            self._freed = end
        with self._cond:
            self._consumed = rows
            self._cond.notify_all()

    def finish(self) -> None:
        """Wait for the decoder to end; raise its error, if any, here."""
        self._thread.join()
        if self._error is not None:
            raise self._error

    def stop(self) -> None:
        """Make the decoder give up at its next read and wait for its thread to end."""
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        self._thread.join()

    def close(self) -> None:
        """Free the mapping (after `stop`, and after the image was closed)."""
        self._core = None
        if self._mm is not None:
            with contextlib.suppress(BufferError):  # a stray band still alive keeps it
                self._mm.close()
            self._mm = None
