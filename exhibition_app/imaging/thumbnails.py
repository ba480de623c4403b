"""Thumbnails for stored media (Pillow only: no Qt, no database).

Thumbnails are sRGB JPEGs (quality 85), at most ``max_side`` pixels on each side,
with the EXIF orientation applied and any transparency composited onto the
exhibition's dark background. They live under ``root/thumbs/<max_side>/<sha[:2]>/``
and are written atomically (`exhibition_app.core.durable.replacing`: temporary file, fsync,
rename), so a reader never sees half a file and two workers racing on the same thumbnail
both leave a valid one.

JPEGs are decoded at a reduced scale (libjpeg's draft mode). Other pictures of more
than `STRIP_PIXELS` pixels that Pillow decodes row by row (PNG, TIFF, ...) are decoded
into a mapped scratch file next to the thumbnail (`exhibition_app.imaging.scratch`) and
reduced block by block, so a 2-gigapixel PNG needs about 100 MB instead of 8 GB.
"""

from __future__ import annotations

import math
import os
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from PIL import Image, ImageFile

from exhibition_app.core.durable import replacing
from exhibition_app.core.first_screen import thumb_path
from exhibition_app.imaging import scratch
from exhibition_app.imaging.colour import (
    EXHIBITION_BACKGROUND,
    flatten,
    icc_to_srgb,
    normalise_mode,
)
from exhibition_app.imaging.source import (
    DEFAULT_MAX_PIXELS,
    ORIENTATION_TRANSPOSE,
    ImageRefused,
    check_file,
    display_name,
    exif_orientation,
    load_checked,
    open_checked,
    pixel_limit,
)

__all__ = [
    "THUMB_BACKGROUND",
    "THUMB_QUALITY",
    "ThumbnailCache",
    "make_thumbnail",
    "make_thumbnails",
    "naive_thumbnail",
]

#: Colour behind transparent areas: the exhibition's dark background (#1b1a17).
THUMB_BACKGROUND = EXHIBITION_BACKGROUND
THUMB_QUALITY = 85
_TMP_PREFIX = ".tmp-"
_SHA_RE = re.compile(r"[0-9a-f]{64}")
#: Pictures of more pixels than this (other than JPEGs, which decode at a reduced scale)
#: are decoded into a scratch file and reduced block by block. Tests lower it.
STRIP_PIXELS = 64_000_000
# Side of the blocks reduced at a time.
_BLOCK = 2048


def _fitted(size: tuple[int, int], side: int) -> tuple[int, int]:
    """``size`` scaled to fit a ``side`` x ``side`` box (never below 1 pixel)."""
    w, h = size
    scale = min(1.0, side / max(w, h, 1))
    return max(1, round(w * scale)), max(1, round(h * scale))


def _thumbnail_size(size: tuple[int, int], side: int) -> tuple[int, int]:
    """The size ``Image.thumbnail((side, side))`` gives an image of ``size``."""
    width, height = size
    if side >= width and side >= height:
        return size
    aspect = width / height

    def closest(number: float, key: Callable[[int], float]) -> int:
        return max(min(math.floor(number), math.ceil(number), key=key), 1)

    if aspect <= 1:
        return closest(side * aspect, lambda n: abs(aspect - n / side)), side
    return side, closest(side / aspect, lambda n: 0 if n == 0 else abs(aspect - side / n))


def _check_side(max_side: int) -> None:
    if isinstance(max_side, bool) or not isinstance(max_side, int) or max_side < 1:
        raise ValueError(f"max_side must be a positive integer, not {max_side!r}")


def _to_srgb_rgb(im: Image.Image, icc: bytes | None) -> tuple[Image.Image, bytes | None]:
    """RGB pixels in sRGB when the profile allows, else RGB plus the profile to embed."""
    if icc:
        out = icc_to_srgb(im, icc)
        if out is not None:
            return out, None
    if im.mode == "RGB":
        return im, icc or None
    return im.convert("RGB"), None  # a grey profile cannot describe RGB pixels


def _finish(im: Image.Image, orientation: int, icc: bytes | None) -> Image.Image:
    """Small image in RGB/RGBA/L -> upright sRGB RGB on the dark background."""
    if im.mode == "RGBA":
        im = flatten(im, THUMB_BACKGROUND)
    im, leftover_icc = _to_srgb_rgb(im, icc)
    if orientation in ORIENTATION_TRANSPOSE:
        im = im.transpose(ORIENTATION_TRANSPOSE[orientation])
    im.info = {"icc_profile": leftover_icc} if leftover_icc else {}
    return im


def _save_jpeg_atomic(im: Image.Image, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        with replacing(dest, prefix=_TMP_PREFIX, suffix=".jpg") as tmp:
            im.save(
                tmp,
                "JPEG",
                quality=THUMB_QUALITY,
                optimize=True,
                icc_profile=im.info.get("icc_profile"),
            )
    except PermissionError:
        # Windows refuses to replace a file another worker or a reader holds
        # open; if a thumbnail is already there, it is as good as ours.
        if not dest.is_file() or dest.stat().st_size == 0:
            raise


def _in_blocks(im: ImageFile.ImageFile) -> bool:
    """Whether ``im`` (opened, not loaded) is decoded into a scratch file and reduced."""
    return (
        im.width * im.height > STRIP_PIXELS
        and im.format not in ("JPEG", "MPO")
        and im.mode not in ("I", "F")  # their 8-bit scaling needs the whole image's range
        and scratch.streams(im)
        and not (im.format == "TIFF" and getattr(im, "tag_v2", {}).get(0x0112, 1) != 1)
    )


def _reduced(
    im: ImageFile.ImageFile, name: str, max_pixels: int, folder: Path, side: int
) -> tuple[Image.Image, bool, int, bytes | None]:
    """``(im normalised and reduced by a whole factor to at least twice side,
    keep_icc, EXIF orientation, icc)``, decoded through a scratch file in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    scratch.check_free_space(
        folder, im.width * im.height * scratch.pixel_bytes(im.mode), name, im.size
    )
    width, height = im.size
    factor = max(1, max(width, height) // (2 * side))
    with scratch.Pager(0.01) as pager:
        store = scratch.decode_into_scratch(
            im,
            name,
            max_pixels,
            folder / f"{_TMP_PREFIX}scratch-{secrets.token_hex(6)}",
            pager,
            lambda _count: pager.release(),
        )
        try:
            orientation = exif_orientation(im)
            icc = im.info.get("icc_profile") or None
            small: Image.Image | None = None
            keep_icc = True
            for box in scratch.blocks(width, height, factor * max(1, _BLOCK // factor)):
                if store is None:
                    block = im.crop(box)
                else:
                    block = im._new(store.crop(box))
                    if block.palette is not None:
                        block.palette.dirty = 1  # push the palette into the new core
                try:
                    block, keep_icc = normalise_mode(block, icc)
                except (ValueError, OSError) as exc:
                    raise ImageRefused(f"{name}: unsupported colour mode ({im.mode})") from exc
                if small is None:
                    small = Image.new(block.mode, (-(-width // factor), -(-height // factor)))
                small.paste(
                    block.reduce(factor) if factor > 1 else block,
                    (box[0] // factor, box[1] // factor),
                )
                pager.release()
            assert small is not None
            return small, keep_icc, orientation, icc
        finally:
            if store is not None:
                store.close()


def make_thumbnails(
    src: Path,
    targets: Mapping[Path, int],
    *,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> dict[Path, tuple[int, int]]:
    """Several thumbnails (``dest -> max_side``) from a single decode of ``src``.

    Worth it for huge map scans, where decoding dominates. Returns each size.
    Raises `ImageRefused` if ``src`` cannot be read.
    """
    if not targets:
        return {}
    for side in targets.values():
        _check_side(side)
    src = Path(src)
    name = display_name(src)
    check_file(src, name)
    biggest = max(targets.values())
    results: dict[Path, tuple[int, int]] = {}
    with pixel_limit(max_pixels):
        im = open_checked(src, name, max_pixels)
        work: Image.Image = im
        try:
            if im.format in ("JPEG", "MPO"):
                # Let libjpeg decode at 1/2, 1/4 or 1/8 scale: the big speed-up. Ask for the
                # thumbnail's real size, not the square box: a 2:1 map scan fitted into a
                # 480 box is 480x240, and asking for 480x480 would halve the reduction.
                im.draft("RGB", _fitted(im.size, biggest))
            if _in_blocks(im):
                folder = Path(next(iter(targets))).parent
                work, keep_icc, orientation, icc = _reduced(im, name, max_pixels, folder, biggest)
            else:
                load_checked(im, name, max_pixels)
                orientation = exif_orientation(im)
                icc = im.info.get("icc_profile") or None
                try:
                    work, keep_icc = normalise_mode(im, icc)
                except (ValueError, OSError) as exc:
                    raise ImageRefused(f"{name}: unsupported colour mode ({im.mode})") from exc
            if work is not im:
                im.close()
            icc = icc if keep_icc else None

            # Shrink in place (never a second full-size copy), largest size first;
            # each smaller size is derived from the previous, already small, one.
            full_size = im.size
            reduced = work.size != full_size  # in blocks: sizes are the full image's
            for dest, side in sorted(targets.items(), key=lambda item: -item[1]):
                if reduced:
                    size = _thumbnail_size(full_size, side)
                    if work.size != size:
                        work = work.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0)
                else:
                    work.thumbnail((side, side), Image.Resampling.BICUBIC, reducing_gap=2.0)
                final = _finish(work, orientation, icc)
                _save_jpeg_atomic(final, Path(dest))
                results[Path(dest)] = final.size
        finally:
            if work is not im:
                work.close()
            im.close()
    return results


def make_thumbnail(
    src: Path, dest: Path, max_side: int, *, max_pixels: int = DEFAULT_MAX_PIXELS
) -> tuple[int, int]:
    """Write a JPEG thumbnail of ``src`` to ``dest`` (atomically); return its size."""
    return make_thumbnails(src, {Path(dest): max_side}, max_pixels=max_pixels)[Path(dest)]


def naive_thumbnail(src: Path, dest: Path, max_side: int) -> tuple[int, int]:
    """Benchmark baseline: what straightforward Pillow code does.

    Converting before thumbnailing forces a full-resolution decode (no JPEG draft),
    and nothing is checked, rotated, colour-managed or written atomically. Only the
    pixel limit is shared with `make_thumbnail`, so both can open the same maps.
    """
    with pixel_limit(DEFAULT_MAX_PIXELS), Image.open(src) as im:
        rgb = im.convert("RGB")
    rgb.thumbnail((max_side, max_side))
    rgb.save(dest, "JPEG", quality=THUMB_QUALITY)
    return rgb.size


class ThumbnailCache:
    """Thumbnails of stored media, keyed by content hash and size.

    ``root`` is the assets directory; files go to
    ``root/thumbs/<max_side>/<sha[:2]>/<sha>.jpg``.
    """

    _STRIPES = 64

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        # Striped locks: threads asking for the same thumbnail wait for the first
        # one instead of decoding the same (possibly huge) image twice.
        self._locks = [threading.Lock() for _ in range(self._STRIPES)]

    def path_for(self, sha256: str, max_side: int) -> Path:
        if not _SHA_RE.fullmatch(sha256):
            raise ValueError(f"not a lowercase hex SHA-256: {sha256!r}")
        _check_side(max_side)
        return thumb_path(self.root, sha256, max_side)  # the first-screen cache reads it too

    def _lock_for(self, sha256: str) -> threading.Lock:
        return self._locks[int(sha256[:4], 16) % self._STRIPES]

    @staticmethod
    def _present(path: Path) -> bool:
        try:
            return path.stat().st_size > 0
        except OSError:
            return False

    def get(
        self, sha256: str, src: Path, max_side: int, *, max_pixels: int = DEFAULT_MAX_PIXELS
    ) -> Path:
        """Path of the thumbnail, creating it from ``src`` if it is missing."""
        return self.ensure(sha256, src, (max_side,), max_pixels=max_pixels)[max_side]

    def ensure(
        self,
        sha256: str,
        src: Path,
        sizes: Iterable[int],
        *,
        max_pixels: int = DEFAULT_MAX_PIXELS,
    ) -> dict[int, Path]:
        """Paths of thumbnails in several sizes; the missing ones are made from
        one decode of ``src`` (use at import time for huge scans)."""
        paths = {side: self.path_for(sha256, side) for side in sizes}
        if all(self._present(p) for p in paths.values()):
            return paths
        with self._lock_for(sha256):
            missing = {p: side for side, p in paths.items() if not self._present(p)}
            if missing:
                make_thumbnails(src, missing, max_pixels=max_pixels)
        return paths

    def sweep_temp_files(self, older_than_s: float = 3600) -> int:
        """Remove ``.tmp-*`` leftovers older than ``older_than_s`` seconds."""
        thumbs = self.root / "thumbs"
        if not thumbs.is_dir():
            return 0
        cutoff = time.time() - older_than_s
        removed = 0
        for dirpath, _dirnames, filenames in os.walk(thumbs):
            for filename in filenames:
                if not filename.startswith(_TMP_PREFIX):
                    continue
                path = Path(dirpath, filename)
                try:
                    if path.lstat().st_mtime <= cutoff:
                        path.unlink()
                        removed += 1
                except FileNotFoundError:
                    continue
        return removed
