"""Thumbnails for stored media (Pillow only: no Qt, no database).

Thumbnails are sRGB JPEGs (quality 85), at most ``max_side`` pixels on each side,
with the EXIF orientation applied and any transparency composited onto the
exhibition's dark background. They live under ``root/thumbs/<max_side>/<sha[:2]>/``
and are written atomically (`exhibition_app.core.durable.replacing`: temporary file, fsync,
rename), so a reader never sees half a file and two workers racing on the same thumbnail
both leave a valid one.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from PIL import Image

from exhibition_app.core.durable import replacing
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


def _fitted(size: tuple[int, int], side: int) -> tuple[int, int]:
    """``size`` scaled to fit a ``side`` x ``side`` box (never below 1 pixel)."""
    w, h = size
    scale = min(1.0, side / max(w, h, 1))
    return max(1, round(w * scale)), max(1, round(h * scale))


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
            for dest, side in sorted(targets.items(), key=lambda item: -item[1]):
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
        return self.root / "thumbs" / str(max_side) / sha256[:2] / f"{sha256}.jpg"

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
