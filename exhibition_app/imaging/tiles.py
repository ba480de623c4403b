"""Static IIIF Image API 3.0 level-0 tile sets for very large scans (Pillow only: no Qt, no DB).

`build_tiles` turns one image into a folder a IIIF viewer (OpenSeadragon) can read
without an image server::

    dest/info.json                              image information, written last
    dest/.source                                sha256 of the source and the builder's
                                                format version, for `is_current`
    dest/{x},{y},{w},{h}/{sw},{sh}/0/default.jpg    tiles, canonical 3.0 form
    dest/full/{w},{h}/0/default.jpg             the listed ``sizes`` (and one-tile levels)
    dest/full/max/0/default.jpg                 always (size ``max`` is required at level 0)

``full/max`` is the largest pyramid level whose longer side is at most `MAX_FULL_SIDE`
(`max_size_for`): the full resolution when it is that small, otherwise a reduced level,
and then info.json bounds ``max`` with ``maxWidth``/``maxHeight`` set to exactly that
level's size, as IIIF Image 3.0 allows (section 5.3). That size is always in ``sizes``
(with its own ``full/{w},{h}`` file). It is written from the level the builder already
holds, band by band into a mapped scratch file that the encoder then reads, so it does
not add a whole level of ordinary memory.

`tile_urls` lists exactly the paths OpenSeadragon's ``IIIFTileSource.getTileUrl``
builds for such a service (level-0, version 3, one ``tiles`` entry): level ``l`` uses
scale factor ``2**(maxLevel - l)``, and each tile's path follows the one rule in
`exhibition_app.imaging.iiif_paths` (``tile_path``), which the deep-zoom viewer reads too.
The builder writes the files from the same list, so the two cannot disagree.

Memory
------
Resident memory does not grow with the image area; it grows with its width, bounded.
Pillow cannot decode part of a JPEG or PNG, so the whole source is decoded once, and
the pyramid is then made in full-width bands of ``tile`` rows, top to bottom: each band
is cut into its tiles, its 2x box reduction (``Image.reduce``) is appended to the next
level's band, which is processed as soon as it has ``tile`` rows, and so on down the
levels; no level is ever held whole (except the small ``full/{w},{h}`` ones, at most
2048 pixels a side, and ``full/max``, below). The reduction of a ``ceil``-sized level
gives exactly the ``ceil(W / sf)`` sizes IIIF and OpenSeadragon compute, and the pixels
are those of a reduction of the whole level (bands start on even rows).

An upright RGB JPEG, the usual big scan, is decoded on a thread
(`exhibition_app.imaging.background`) into a private anonymous mapping the size of the
image: address space, not memory. The builder takes each band from it without a copy
as soon as libjpeg has written it, and gives the rows back (``MADV_DONTNEED``) once the
band is done; the decoder waits whenever it is 1.25 bands ahead (`_DECODE_AHEAD`). So
at most about ``11 * tile * width`` bytes are resident for pixels (1.25 bands of the
source, one band per lower level, one or two reduced bands): 120 MB for a 21600-pixel-wide picture,
250 MB for a 1 GP one 44721 pixels wide, plus the tiles waiting for an encoder (a few
MB). Measured: 160 MB peak resident for the 233 MP Schagen enlargement (libvips
``dzsave``: 200 MB), growth during the build of 72 MB for 70 MP (10000 pixels wide)
and 268 MB for 1 GP (44721 pixels wide).

Other sources are decoded first, into a scratch file in the building folder
(`exhibition_app.imaging.scratch`, shared with ingest): a writable shared ``mmap`` of
the file is handed to Pillow as the image core before ``load()``
(``Image.core.map_buffer``), so the decoder writes rows into file-backed pages instead
of anonymous memory. Dirty file pages still count as resident, so they are dropped with
``madvise(MADV_DONTNEED)`` after every chunk the decoder reads (and by a backstop thread,
`scratch.Pager`, for decoders that take the whole file in one call): on a shared file
mapping that only unmaps the pages from this process; the data stays in the page cache
and the kernel writes it to the file. Bands are then read from it with one positioned
read each (full-width rows are contiguous in the file).

``full/max`` is assembled band by band in a mapped scratch file (in memory below 1 MB),
which the JPEG encoder reads through the mapping, so it adds no level-sized buffer.

Limits of this approach, by design: progressive JPEGs make libjpeg keep all DCT
coefficients in memory (about 3 bytes per pixel), formats whose Pillow plugin
ignores a preset image core (GIF, WebP, JPEG 2000, TIFFs Pillow itself rotates while
loading) decode in ordinary memory, and without ``madvise`` (Windows) the operating
system, not this module, decides when mapped pages leave the working set. The
scratch files need up to about 5 bytes per source pixel of free disk space next to
``dest`` (checked before decoding; a JPEG decoded on a thread needs none).

Pixels: the EXIF orientation is applied, the colour is converted to sRGB through the
embedded ICC profile when littlecms allows, transparency is composited onto the
exhibition background (#1b1a17), 16-bit and float samples are scaled to 8 bits;
tiles are baseline (not progressive, not optimised) JPEGs.

Atomicity: everything is written into ``dest.parent/.building-<name>-<random>``;
``info.json`` is written last and fsynced, then the folder is swapped into ``dest``
(an existing ``dest`` is renamed aside, the new folder renamed in, the old one
removed). A cancelled or failed build removes its building folder and never touches
``dest``; `sweep_building_dirs` removes what killed processes left behind.

Cores: three kinds of work run at once. The JPEG decoder has a thread of its own (above);
the calling thread takes the bands and hands out the work; a pool of encoder threads
(``workers``, one per core by default) cuts each tile out of its band, encodes and writes
it, and reduces each band (queued before its tiles, so the encoders never wait for a
reduction). Pillow releases the GIL while it decodes, reduces, crops and encodes, so
these run on every core, and the calling thread makes few calls (it is where the GIL is
busiest). A band the decoder still owns is given back only once its tiles are written.
At most two tiles per encoder wait, so memory stays flat; the files are the same bytes
as with one thread, or with the source decoded first.

Threading: all public functions are pure with respect to module state and safe to
call from a worker thread; ``progress`` and ``cancel`` are called on the calling
thread. Two builds into the same ``dest`` at once are not coordinated beyond the
final rename (the last one to finish wins): callers should serialise per image.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import secrets
import shutil
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from PIL import Image, ImageFile

from exhibition_app.core.durable import atomic_write, replace_dir
from exhibition_app.errors import ExhibitionError
from exhibition_app.imaging import source
from exhibition_app.imaging.background import BackgroundDecode, follows
from exhibition_app.imaging.colour import (
    EXHIBITION_BACKGROUND,
)
from exhibition_app.imaging.iiif_paths import full_path, level_size, tile_box, tile_grid, tile_path
from exhibition_app.imaging.normalise import Normaliser
from exhibition_app.imaging.scratch import Pager as _Pager
from exhibition_app.imaging.scratch import Scratch as _Scratch
from exhibition_app.imaging.scratch import check_free_space, decode_into_scratch
from exhibition_app.imaging.source import DEFAULT_MAX_PIXELS

__all__ = [
    "BUILDER_FORMAT",
    "BUILDING_PREFIX",
    "MAX_FULL_SIDE",
    "RETIRED_PREFIX",
    "TILE_BACKGROUND",
    "TILE_QUALITY",
    "TILE_SIZE",
    "TileSetInfo",
    "TilesCancelled",
    "build_tiles",
    "is_current",
    "max_size_for",
    "recorded_format",
    "scale_factors_for",
    "sizes_for",
    "source_record",
    "sweep_building_dirs",
    "tile_urls",
]

TILE_SIZE = 512
TILE_QUALITY = 82
#: Colour behind transparent areas: the exhibition's dark background.
TILE_BACKGROUND = EXHIBITION_BACKGROUND
#: ``sizes`` lists every pyramid level whose longer side is at most this (and always
#: the smallest level); each gets a ``full/{w},{h}/0/default.jpg`` file.
MAX_LISTED_SIDE = 2048
#: ``full/max`` is the largest level whose longer side is at most this (see `max_size_for`).
MAX_FULL_SIDE = 4096
#: Written to ``.source`` after the source sha; `is_current` wants both. Raise it when
#: the files a tile set holds change, so sets built before are rebuilt once.
#: 2: every set has ``full/max`` (issue 14).
BUILDER_FORMAT = 2
BUILDING_PREFIX = ".building-"
RETIRED_PREFIX = ".retired-"
SOURCE_FILE = ".source"
INFO_FILE = "info.json"

IIIF_CONTEXT = "http://iiif.io/api/image/3/context.json"
IIIF_PROTOCOL = "http://iiif.io/api/image"

# Images (source or pyramid level) larger than this many bytes of pixel memory live
# in mapped scratch files; smaller ones in ordinary memory. Tests lower it to 0.
_IN_MEMORY_BYTES = 16 << 20
# full/max is assembled in a mapped scratch file above this many bytes (or above
# _IN_MEMORY_BYTES if lower): a copy of a level is all it would add to memory.
_WHOLE_IN_MEMORY_BYTES = 1 << 20
# How far (in tile rows) a JPEG decoding on a thread may run ahead of the first row the
# builder still needs: more than one, so that it decodes while a band is cut into tiles.
_DECODE_AHEAD = 1.25
# Share of the progress bar given to decoding the source.
_DECODE_SHARE = 0.3


class TilesCancelled(ExhibitionError):
    """The caller's ``cancel()`` returned True; nothing was left behind. Expected (the person
    stopped it), so never reported as a crash."""


@dataclass
class TileSetInfo:
    """What `build_tiles` wrote. ``path`` is ``dest/info.json``; ``files`` counts JPEGs."""

    path: Path
    width: int
    height: int
    tile: int
    scale_factors: list[int]
    files: int


# --------------------------------------------------------------------------- geometry


def _check_positive(name: str, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive integer, not {value!r}")


def scale_factors_for(width: int, height: int, tile: int = TILE_SIZE) -> list[int]:
    """``[1, 2, 4, ...]`` up to the first factor at which the image fits in one tile."""
    for name, value in (("width", width), ("height", height), ("tile", tile)):
        _check_positive(name, value)
    factors = [1]
    while max(level_size(width, height, factors[-1])) > tile:
        factors.append(factors[-1] * 2)
    return factors


def _check_scale_factors(scale_factors: Sequence[int]) -> list[int]:
    factors = list(scale_factors)
    if not factors:
        raise ValueError("scale_factors must not be empty")
    for sf in factors:
        _check_positive("scale factor", sf)
        if sf & (sf - 1):
            raise ValueError(f"scale factors must be powers of two, not {sf}")
    return factors


def _osd_factors(scale_factors: Sequence[int]) -> list[int]:
    """Factors of the levels OpenSeadragon requests: every power of two up to the
    largest listed one (``maxLevel = round(log2(max))``), largest first."""
    top = max(_check_scale_factors(scale_factors))
    return [1 << k for k in range(top.bit_length() - 1, -1, -1)]


def _max_factor(width: int, height: int, factors: Sequence[int]) -> int:
    """Scale factor of the level written as ``full/max``: the largest level (among the
    levels OpenSeadragon requests) whose longer side is at most `MAX_FULL_SIDE`, or the
    smallest level when none is that small."""
    levels = _osd_factors(factors)  # largest factor first
    fitting = [sf for sf in levels if max(level_size(width, height, sf)) <= MAX_FULL_SIDE]
    return min(fitting) if fitting else levels[0]


def max_size_for(
    width: int, height: int, tile: int = TILE_SIZE, scale_factors: Sequence[int] | None = None
) -> tuple[int, int]:
    """Size of ``full/max``: the full size when its longer side is at most
    `MAX_FULL_SIDE`, otherwise the largest pyramid level that is (info.json then
    bounds ``max`` with ``maxWidth``/``maxHeight`` of this size)."""
    for name, value in (("width", width), ("height", height), ("tile", tile)):
        _check_positive(name, value)
    factors = scale_factors_for(width, height, tile) if scale_factors is None else scale_factors
    return level_size(width, height, _max_factor(width, height, factors))


def sizes_for(
    width: int, height: int, tile: int = TILE_SIZE, scale_factors: Sequence[int] | None = None
) -> list[tuple[int, int]]:
    """The ``sizes`` of info.json, smallest first: every level whose longer side is at
    most `MAX_LISTED_SIDE`, always the smallest level, and the size of ``full/max``."""
    factors = scale_factors_for(width, height, tile) if scale_factors is None else scale_factors
    levels = sorted({level_size(width, height, sf) for sf in _osd_factors(factors)})
    listed = [size for size in levels if max(size) <= MAX_LISTED_SIDE] or levels[:1]
    biggest = level_size(width, height, _max_factor(width, height, factors))
    return sorted({*listed, biggest})


def _level_requests(
    width: int, height: int, tile: int, sf: int
) -> list[tuple[str, tuple[int, int, int, int]]]:
    """``(path, box in level pixels)`` for every tile OpenSeadragon requests at ``sf``."""
    cols, rows = tile_grid(width, height, tile, sf)
    return [
        (tile_path(width, height, tile, sf, x, y), tile_box(width, height, tile, sf, x, y))
        for y in range(rows)
        for x in range(cols)
    ]


def tile_urls(
    width: int,
    height: int,
    tile: int = TILE_SIZE,
    scale_factors: Sequence[int] | None = None,
) -> list[str]:
    """Every path (relative to the service ``id``) a viewer may request: the tiles
    OpenSeadragon asks for at each level, then ``full/{w},{h}`` for each listed size,
    then ``full/max`` (see `max_size_for`).

    ``scale_factors`` defaults to `scale_factors_for`. Pure function.
    """
    for name, value in (("width", width), ("height", height), ("tile", tile)):
        _check_positive(name, value)
    factors = scale_factors_for(width, height, tile) if scale_factors is None else scale_factors
    paths: dict[str, None] = {}
    for sf in _osd_factors(factors):
        for path, _box in _level_requests(width, height, tile, sf):
            paths[path] = None
    for w, h in sizes_for(width, height, tile, factors):
        paths[full_path(f"{w},{h}")] = None
    paths[full_path("max")] = None
    return list(paths)


# --------------------------------------------------------------------------- progress


class _Progress:
    """Throttled, monotonic progress reports on the calling thread."""

    def __init__(self, callback: Callable[[float], None] | None) -> None:
        self._callback = callback
        self._last = -1.0
        self._value = 0.0

    def report(self, fraction: float) -> None:
        fraction = min(1.0, max(self._value, fraction))
        self._value = fraction
        due = fraction - self._last >= 0.005 or fraction >= 1.0
        if self._callback is not None and due and fraction > self._last:
            self._last = fraction
            self._callback(fraction)


def _check_cancel(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise TilesCancelled("tile building was cancelled")


# --------------------------------------------------------------------------- scratch levels


class _Whole:
    """A level assembled band by band to be saved as one JPEG (``full/max``).

    Small levels live in ordinary memory; big ones in a mapped scratch file: bands
    go in with positioned writes, and the JPEG encoder reads rows through the mapping,
    which the `Pager` keeps dropping from the resident set, so saving a 4096-pixel
    level adds no level-sized buffer.
    """

    #: Above this many bytes (4 a pixel) the level goes to a mapped scratch file.
    IN_MEMORY_BYTES = min(_IN_MEMORY_BYTES, _WHOLE_IN_MEMORY_BYTES)

    def __init__(self, size: tuple[int, int], path: Path, pager: _Pager) -> None:
        self.size = size
        self._image: Image.Image | None = None
        self._scratch: _Scratch | None = None
        if size[0] * size[1] * 4 > self.IN_MEMORY_BYTES:
            self._scratch = _Scratch(path, "RGB", size, pager, mapped=True)
        else:
            self._image = Image.new("RGB", size)

    def paste(self, im: Image.Image, at: tuple[int, int]) -> None:
        if self._scratch is not None:
            self._scratch.paste(im, at)
        elif self._image is not None:
            self._image.paste(im, at)

    def save(self, path: Path, quality: int, pager: _Pager) -> None:
        if self._scratch is not None:
            im = Image.new("RGB", (1, 1))._new(self._scratch.core)
            _save_jpeg_paged(im, path, quality, pager.release)
            im.close()
        else:
            assert self._image is not None
            path.parent.mkdir(parents=True, exist_ok=True)
            _save_jpeg(self._image, path, quality)

    def close(self) -> None:
        if self._image is not None:
            self._image.close()
        if self._scratch is not None:
            self._scratch.close()


# --------------------------------------------------------------------------- pixels


def _cut_and_save(
    im: Image.Image, box: tuple[int, int, int, int] | None, path: Path, quality: int
) -> None:
    _save_jpeg(im if box is None else im.crop(box), path, quality)


def _save_jpeg(im: Image.Image, path: Path, quality: int) -> None:
    """Write one tile into an existing folder (module-level so tests can make it fail)."""
    im.save(path, "JPEG", quality=quality, optimize=False, progressive=False)


class _ReleasingWriter:
    """File proxy for the JPEG encoder: without ``fileno`` Pillow encodes in chunks of
    about 64 KB of output and writes each here, so ``release`` (the `Pager`'s) runs
    between chunks and the mapped rows already encoded leave the resident set."""

    def __init__(self, fp: IO[bytes], release: Callable[[], None]) -> None:
        self._fp = fp
        self._release = release

    def write(self, data: bytes) -> int:
        self._release()
        return self._fp.write(data)

    def flush(self) -> None:
        self._fp.flush()


def _save_jpeg_paged(
    im: Image.Image, path: Path, quality: int, release: Callable[[], None]
) -> None:
    """`_save_jpeg` for an image whose core is a mapped scratch file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fp:
        writer = _ReleasingWriter(fp, release)
        im.save(writer, "JPEG", quality=quality, optimize=False, progressive=False)  # type: ignore[arg-type]
    release()


# --------------------------------------------------------------------------- building


def default_workers() -> int:
    """The cores this process may run on (the tile encoders' thread count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _Saver:
    """Cuts and encodes tiles on worker threads while the calling thread takes bands
    (Pillow's JPEG encoder releases the GIL, so they run on every core). At most a few
    tiles per worker wait at once, so memory stays flat; ``advance`` (progress) runs and
    an encoder's error is raised on the calling thread. One worker: no thread at all."""

    def __init__(self, workers: int, quality: int, advance: Callable[[], None], root: Path) -> None:
        self.quality = quality
        self.advance = advance
        self.limit = 2 * workers
        self.pending: deque[Future[None]] = deque()
        #: folders made so far, and ``root`` (the new building folder): each tile folder is
        #: made once, top down, one mkdir a level (``mkdir(parents=True)`` first fails on
        #: the deepest of a tile's three new levels, then retries)
        self.folders: set[Path] = {root}
        self.pool = ThreadPoolExecutor(workers, thread_name_prefix="tiles") if workers > 1 else None

    def save(
        self, img: Image.Image, path: Path, box: tuple[int, int, int, int] | None = None
    ) -> None:
        """Write ``img`` (its ``box`` when given: cut on the encoder thread, so ``img``
        must stay valid until `drain`) as the JPEG ``path``."""
        self._make_folder(path.parent)
        if self.pool is None:
            _cut_and_save(img, box, path, self.quality)
            self.advance()
            return
        while len(self.pending) >= self.limit:
            self._finish_one()
        self.pending.append(self.pool.submit(_cut_and_save, img, box, path, self.quality))

    def _make_folder(self, folder: Path) -> None:
        if folder in self.folders:
            return
        missing: list[Path] = []
        while folder not in self.folders:
            if folder.parent == folder:
                raise ValueError(f"{missing[0]} is not inside the building folder")
            missing.append(folder)
            folder = folder.parent
        for made in reversed(missing):
            made.mkdir(exist_ok=True)
            self.folders.add(made)

    def run(self, fn: Callable[..., Image.Image], *args: Any) -> Future[Image.Image]:
        """``fn(*args)`` on an encoder thread, ahead of the tiles waiting and not counted
        among them (without a pool: here, now)."""
        if self.pool is None:
            done: Future[Image.Image] = Future()
            done.set_result(fn(*args))
            return done
        return self.pool.submit(fn, *args)

    def _finish_one(self) -> None:
        self.pending.popleft().result()
        self.advance()

    def drain(self) -> None:
        """Wait until every tile handed over is written."""
        while self.pending:
            self._finish_one()

    def close(self) -> None:
        """Stop: tiles not started are dropped, running ones finish (before the caller
        removes the building folder)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        self.pending.clear()


@dataclass
class _Built:
    width: int
    height: int
    scale_factors: list[int]
    sizes: list[tuple[int, int]]
    max_size: tuple[int, int]
    files: int


@dataclass
class _Stage:
    """One pyramid level while it is being built, a band of ``tile`` rows at a time."""

    size: tuple[int, int]
    #: the level's tiles by tile row: ``(path, box in level pixels)``
    rows: dict[int, list[tuple[str, tuple[int, int, int, int]]]]
    #: ``full/max`` is assembled here (when it is this level and not one of its tiles)
    whole: _Whole | None = None
    #: ``full/{w},{h}`` is assembled here (a listed size that is not already a file)
    listed: Image.Image | None = None
    #: the band being filled from the level above: its top row, and rows filled so far
    band: Image.Image | None = None
    band_top: int = 0
    filled: int = 0
    #: the next row this level expects
    next_row: int = 0
    #: a last odd row of a band, kept to be reduced with the next band (odd tile sizes)
    carry: Image.Image | None = None


def _open_decoded(
    src: Path,
    name: str,
    work: Path,
    pager: _Pager,
    max_pixels: int,
    on_read: Callable[[int], None],
    ahead: int,
) -> tuple[ImageFile.ImageFile, _Scratch | None, BackgroundDecode | None]:
    """Open ``src`` and decode it: on a thread (`BackgroundDecode`) for a big upright RGB
    JPEG, whose rows are used while the rest decodes; otherwise here, before returning
    (into a mapped scratch core when that helps)."""
    with source.pixel_limit(max_pixels):
        im = source.open_checked(src, name, max_pixels)
        try:
            # The source's scratch file takes 4 bytes a pixel; a write through a mapping
            # into a full disk would kill the process (SIGBUS).
            check_free_space(work, im.size[0] * im.size[1] * 5, name, im.size)
            if follows(im, _IN_MEMORY_BYTES) and source.exif_orientation(im) == 1:
                try:
                    decode = BackgroundDecode(im, name, max_pixels, ahead)
                except (OSError, ValueError, MemoryError):
                    pass  # no room for the mapping: decode into a scratch file first
                else:
                    return im, None, decode
            scratch = decode_into_scratch(
                im,
                name,
                max_pixels,
                work / ".scratch-source",
                pager,
                on_read,
                min_bytes=_IN_MEMORY_BYTES,
                passthrough=(TilesCancelled,),
            )
        except BaseException:
            im.close()
            raise
    return im, scratch, None


def _build_into(
    src: Path,
    work: Path,
    *,
    tile: int,
    quality: int,
    progress: _Progress,
    cancel: Callable[[], bool] | None,
    max_pixels: int,
    pager: _Pager,
    workers: int = 1,
) -> _Built:
    name = source.display_name(src)
    total_bytes = max(1, source.check_file(src, name))
    read_bytes = 0
    done_units = 0
    total_units = 1

    def report() -> None:
        decoded = min(1.0, read_bytes / total_bytes)
        progress.report(
            _DECODE_SHARE * decoded + (1 - _DECODE_SHARE) * min(1.0, done_units / total_units)
        )

    def on_read(count: int) -> None:
        nonlocal read_bytes
        _check_cancel(cancel)
        pager.release()
        read_bytes = count
        report()

    im, scratch, decode = _open_decoded(
        src, name, work, pager, max_pixels, on_read, int(_DECODE_AHEAD * tile)
    )
    stages: list[_Stage] = []
    saver: _Saver | None = None
    try:
        if decode is None:
            read_bytes = total_bytes
            report()
        normaliser = Normaliser(im, scratch, functools.partial(_check_cancel, cancel))
        width, height = normaliser.size
        factors = scale_factors_for(width, height, tile)
        sizes = sizes_for(width, height, tile, factors)
        listed = set(sizes)
        max_index = factors.index(_max_factor(width, height, factors))
        max_rel = full_path("max")

        level_sizes = [level_size(width, height, sf) for sf in factors]
        requests = [_level_requests(width, height, tile, sf) for sf in factors]
        # Progress units: one per band and one per file saved.
        total_units = sum(-(-lh // tile) for _lw, lh in level_sizes)
        total_units += sum(len(r) for r in requests) + len(sizes) + 1
        written: set[str] = set()
        copies: list[str] = []  # listed sizes that are full/max: copied at the end

        def advance() -> None:
            nonlocal done_units
            done_units += 1
            report()

        saver = _Saver(workers, quality, advance, work)

        def save(img: Image.Image, rel: str, box: tuple[int, int, int, int] | None = None) -> None:
            assert saver is not None
            if rel not in written:
                written.add(rel)
                saver.save(img, work / rel, box)
            else:
                advance()

        for index, size in enumerate(level_sizes):
            rows: dict[int, list[tuple[str, tuple[int, int, int, int]]]] = {}
            for rel, box in requests[index]:
                rows.setdefault(box[1] // tile, []).append((rel, box))
            stage = _Stage(size, rows)
            rels = {rel for rel, _box in requests[index]}
            if index == max_index and max_rel not in rels:
                stage.whole = _Whole(size, work / ".scratch-max", pager)
            listed_rel = full_path("{},{}".format(*size))
            if size in listed and index != max_index and listed_rel not in rels:
                stage.listed = Image.new("RGB", size)
            stages.append(stage)

        def finish(index: int) -> None:
            """The last band of level ``index`` is done: write its whole-level files."""
            stage = stages[index]
            if stage.whole is not None:
                stage.whole.save(work / max_rel, quality, pager)
                written.add(max_rel)
                advance()
                stage.whole.close()
                stage.whole = None
            elif index == max_index:
                advance()  # a tile was full/max
            if stage.size in listed:
                rel = full_path("{},{}".format(*stage.size))
                if stage.listed is not None:
                    save(stage.listed, rel)
                    stage.listed = None
                elif index == max_index and rel not in written:
                    copies.append(rel)  # the same pixels as full/max: copied, not re-encoded
                else:
                    advance()

        def process(
            index: int, band: Image.Image, top: int, borrowed: bool
        ) -> tuple[Image.Image, int] | None:
            """Band ``band`` (full width, rows from ``top``) of level ``index`` is complete:
            save its tiles; return its reduction for the next level (and where it goes).
            ``borrowed``: the band is valid only until this returns (nothing may keep it)."""
            _check_cancel(cancel)
            stage = stages[index]
            lw, lh = stage.size
            # The reduction runs on an encoder thread while the tiles are cut and queued,
            # so that the encoders do not wait for it.
            reduction: Future[Image.Image] | None = None
            part_top = top
            if index + 1 < len(stages):
                part = band
                if stage.carry is not None:  # odd tile size: reduce whole pairs of rows
                    part = Image.new("RGB", (lw, band.height + 1))
                    part.paste(stage.carry, (0, 0))
                    part.paste(band, (0, 1))
                    part_top, stage.carry = top - 1, None
                if part.height % 2 and part_top + part.height < lh:
                    stage.carry = part.crop((0, part.height - 1, lw, part.height))
                    part = part.crop((0, 0, lw, part.height - 1))
                if part.height:
                    reduction = saver.run(part.reduce, 2)
                del part
            for rel, box in stage.rows.get(top // tile, ()):
                local = (box[0], 0, box[2], box[3] - top)
                # Cut on the encoder thread: fewer calls here, where the GIL is busiest.
                save(band, rel, None if local == (0, 0, *band.size) else local)
            if stage.whole is not None:
                stage.whole.paste(band, (0, top))
            if stage.listed is not None:
                stage.listed.paste(band, (0, top))
            reduced = None if reduction is None else (reduction.result(), part_top // 2)
            if borrowed:
                saver.drain()  # its tiles are cut and written: the band may go
            pager.release()
            advance()
            if top + band.height == lh:
                finish(index)
            return reduced

        def feed(index: int, piece: Image.Image, top: int) -> list[tuple[Image.Image, int]]:
            """Rows from ``top`` of level ``index`` arrive (reduced from the level above):
            the bands they complete, with their tops."""
            complete: list[tuple[Image.Image, int]] = []
            stage = stages[index]
            lw, lh = stage.size
            assert top == stage.next_row, (index, top, stage.next_row)
            stage.next_row = top + piece.height
            y = 0
            while y < piece.height:
                if stage.band is None:
                    need = min(tile, lh - (top + y))
                    if y == 0 and piece.height == need:  # exactly one band: no copy
                        return [(piece, top)]
                    stage.band = Image.new("RGB", (lw, need))
                    stage.band_top, stage.filled = top + y, 0
                take = min(stage.band.height - stage.filled, piece.height - y)
                part = piece if take == piece.height else piece.crop((0, y, lw, y + take))
                stage.band.paste(part, (0, stage.filled))
                stage.filled += take
                y += take
                if stage.filled == stage.band.height:
                    complete.append((stage.band, stage.band_top))
                    stage.band = None
            return complete

        def cascade(
            index: int,
            bands: list[tuple[Image.Image, int]],
            release: Callable[[], None] | None = None,
        ) -> None:
            """Process the last band of ``bands`` (taken out of the list, so that only this
            frame holds it), free it, then the bands its reduction completes, and so on
            down the levels: at most one band per level is alive. ``release()`` gives a
            borrowed band back."""
            band, top = bands.pop()
            reduced = process(index, band, top, release is not None)
            del band
            if release is not None:
                release()
            if reduced is None:
                return
            piece, piece_top = reduced
            del reduced
            following = feed(index + 1, piece, piece_top)
            del piece
            following.reverse()
            while following:
                cascade(index + 1, following)

        def poll() -> None:
            nonlocal read_bytes
            _check_cancel(cancel)
            if decode is not None:
                read_bytes = decode.bytes_read
            report()

        for top in range(0, height, tile):
            bottom = min(height, top + tile)
            if decode is None:
                cascade(0, [(normaliser.crop((0, top, width, bottom)), top)])
                continue
            decode.wait_rows(bottom, poll)
            read_bytes = total_bytes if decode.done else decode.bytes_read
            bands = [(normaliser.to_rgb(decode.band(top, bottom)), top)]
            cascade(0, bands, functools.partial(decode.consumed, bottom))
            if bottom == height:
                decode.finish()  # every row is used: the decoder must end well too
        saver.drain()
        for rel in copies:
            (work / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(work / max_rel, work / rel)
            written.add(rel)
            advance()
        max_size = level_size(width, height, factors[max_index])
        return _Built(width, height, factors, sizes, max_size, len(written))
    finally:
        if saver is not None:
            saver.close()
        if decode is not None:
            decode.stop()
        im.close()
        if decode is not None:
            decode.close()
        if scratch is not None:
            scratch.close()
        for stage in stages:
            if stage.whole is not None:
                stage.whole.close()


def _info_document(built: _Built, tile: int, base_uri: str) -> dict[str, Any]:
    document: dict[str, Any] = {
        "@context": IIIF_CONTEXT,
        "id": base_uri,
        "type": "ImageService3",
        "protocol": IIIF_PROTOCOL,
        "profile": "level0",
        "width": built.width,
        "height": built.height,
        "tiles": [{"width": tile, "scaleFactors": list(built.scale_factors)}],
        "sizes": [{"width": w, "height": h} for w, h in built.sizes],
    }
    if built.max_size != (built.width, built.height):
        # ``full/max`` is a reduced level: say so, so that ``max`` means exactly its size.
        document["maxWidth"], document["maxHeight"] = built.max_size
    return document


def _file_sha256(path: Path, cancel: Callable[[], bool] | None) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fp:
        while chunk := fp.read(1 << 20):
            digest.update(chunk)
            _check_cancel(cancel)
    return digest.hexdigest()


def build_tiles(
    src: Path,
    dest: Path,
    *,
    tile: int = TILE_SIZE,
    quality: int = TILE_QUALITY,
    base_uri: str | None = None,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    source_sha256: str | None = None,
    workers: int | None = None,
) -> TileSetInfo:
    """Build the static IIIF tile set of ``src`` in ``dest`` (see the module docstring).

    ``base_uri`` is the service ``id`` written to info.json (default: the ``file:``
    URI of ``dest``). ``progress(fraction)`` is called on this thread, monotonically,
    ending with 1.0; ``cancel()`` is polled often and, when True, the build stops with
    `TilesCancelled`. Raises `ImageRefused` for unreadable sources. ``dest`` is only
    ever replaced by a complete set. Safe to run on a worker thread. ``workers`` tiles
    are encoded at once (default: one per core this process may use).
    """
    _check_positive("tile", tile)
    if isinstance(quality, bool) or not isinstance(quality, int) or not 1 <= quality <= 100:
        raise ValueError(f"quality must be an integer from 1 to 100, not {quality!r}")
    src, dest = Path(src), Path(dest)
    source.check_file(src, source.display_name(src))
    reporter = _Progress(progress)
    if source_sha256 is None:
        source_sha256 = _file_sha256(src, cancel)
    if base_uri is None:
        base_uri = dest.resolve().as_uri()
    dest.parent.mkdir(parents=True, exist_ok=True)
    building = dest.parent / f"{BUILDING_PREFIX}{dest.name}-{secrets.token_hex(6)}"
    building.mkdir()
    try:
        with _Pager() as pager:
            built = _build_into(
                src,
                building,
                tile=tile,
                quality=quality,
                progress=reporter,
                cancel=cancel,
                max_pixels=max_pixels,
                pager=pager,
                workers=default_workers() if workers is None else max(1, workers),
            )
        _check_cancel(cancel)
        (building / SOURCE_FILE).write_text(source_record(source_sha256), encoding="ascii")
        document = _info_document(built, tile, base_uri)
        atomic_write(building / INFO_FILE, (json.dumps(document, indent=2) + "\n").encode())
        replace_dir(building, dest, retired_prefix=RETIRED_PREFIX)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    reporter.report(1.0)
    return TileSetInfo(
        path=dest / INFO_FILE,
        width=built.width,
        height=built.height,
        tile=tile,
        scale_factors=built.scale_factors,
        files=built.files,
    )


def source_record(src_sha256: str, builder_format: int | None = BUILDER_FORMAT) -> str:
    """What ``.source`` holds: the source's sha256, then ``format=`` the builder format
    (`BUILDER_FORMAT`; ``None`` for a set from before formats were recorded)."""
    if builder_format is None:
        return f"{src_sha256}\n"
    return f"{src_sha256}\nformat={builder_format}\n"


def recorded_format(dest: Path) -> int | None:
    """The builder format ``dest/.source`` records: None when it records none (a set
    built before formats were recorded) or cannot be read."""
    try:
        fields = (Path(dest) / SOURCE_FILE).read_text(encoding="ascii").split()
    except (OSError, UnicodeDecodeError):
        return None
    for field in fields[1:]:
        name, _, value = field.partition("=")
        if name == "format" and value.isdigit():
            return int(value)
    return None


def is_current(dest: Path, src_sha256: str) -> bool:
    """True when ``dest`` holds a finished tile set built from the source ``src_sha256``
    by this builder format (`BUILDER_FORMAT`): a set made by an older builder (a
    ``.source`` with only the sha, from before ``full/max`` was always written) is stale,
    so it is rebuilt once."""
    dest = Path(dest)
    try:
        recorded = (dest / SOURCE_FILE).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return False
    return recorded.split() == source_record(src_sha256).split() and (dest / INFO_FILE).is_file()


def sweep_building_dirs(parent: Path, older_than_s: float = 3600) -> int:
    """Remove building (and retired) folders in ``parent`` left by killed processes.

    Only entries last modified more than ``older_than_s`` seconds ago are removed, so
    builds still running are left alone. Returns how many were removed.
    """
    parent = Path(parent)
    cutoff = time.time() - older_than_s
    removed = 0
    try:
        entries = list(os.scandir(parent))
    except FileNotFoundError:
        return 0
    for entry in entries:
        if not entry.name.startswith((BUILDING_PREFIX, RETIRED_PREFIX)):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_mtime > cutoff:
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
        except FileNotFoundError:
            continue
        removed += 1
    return removed
