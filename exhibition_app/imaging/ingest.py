"""Checking and normalising images a curator brings in (Pillow only: no Qt, no database).

`prepare_image` is the single gate every picture passes before it is stored:

* the pixel count is checked from the header, before any pixel data is decoded;
* the whole image is decoded once, so truncated or damaged files are refused;
* the EXIF orientation is applied, and the colour mode is normalised to
  ``RGB``, ``RGBA`` or ``L`` (8 bits per channel);
* files that need no change keep their original bytes; the rest are re-encoded.

Opening, decoding and the pixel limit are `exhibition_app.imaging.source`'s (shared with
thumbnails and tiles), colour modes `exhibition_app.imaging.colour`'s. Every refusal is an
`ImageRefused` whose ``reason`` is one line a curator can read.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from exhibition_app.imaging.colour import has_16bit_samples, normalise_mode
from exhibition_app.imaging.phash import dhash
from exhibition_app.imaging.source import (
    DEFAULT_MAX_PIXELS,
    ImageRefused,
    check_file,
    check_max_pixels,
    display_name,
    exif_orientation,
    load_checked,
    open_checked,
    pixel_limit,
    transpose_in_place,
)

__all__ = [
    "DEFAULT_MAX_PIXELS",
    "JPEG_QUALITY",
    "ImageRefused",
    "PreparedImage",
    "pixel_limit",
    "prepare_image",
]

#: Quality used when a JPEG source has to be re-encoded (rotation, CMYK, ...).
JPEG_QUALITY = 92

# Formats whose bytes are stored untouched when nothing needs changing.
_KEEP_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "TIFF"})
_EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "TIFF": ".tif", "WEBP": ".webp"}
_JPEG_MAX_EXIF = 65_000


@dataclass(frozen=True)
class PreparedImage:
    """An accepted image, ready to be stored.

    ``data_path`` is the source file itself when ``changed`` is False, otherwise a
    temporary file inside the ``workdir`` given to `prepare_image`; the caller owns
    (and must delete) that file.
    """

    width: int
    height: int
    format: str  # format of the bytes at data_path: "JPEG", "PNG", "TIFF" or "WEBP"
    mode: str  # "RGB", "RGBA" or "L"
    ext: str  # ".jpg", ".png", ".tif" or ".webp"
    changed: bool
    data_path: Path
    exif_transposed: bool
    #: Perceptual hash (`exhibition_app.imaging.phash.dhash`) of the normalised pixels.
    phash: str | None = field(default=None, compare=False)


# --------------------------------------------------------------------------- prepare


def _valid_dpi(value: Any) -> tuple[float, float] | None:
    try:
        x, y = (float(v) for v in value)
    except (TypeError, ValueError):
        return None
    if 0 < x < 1e6 and 0 < y < 1e6:
        return x, y
    return None


def _encode(
    im: Image.Image,
    *,
    source_format: str,
    workdir: Path,
    icc: bytes | None,
    exif: bytes | None,
    dpi: tuple[float, float] | None,
) -> tuple[Path, str]:
    """Write ``im`` into a new temporary file in ``workdir``; return (path, format)."""
    # JPEG sources stay JPEG; anything with alpha, or from a lossless source, is PNG.
    lossy_source = source_format in ("JPEG", "MPO")
    out_format = "JPEG" if lossy_source and im.mode != "RGBA" else "PNG"
    params: dict[str, Any] = {}
    if icc:
        params["icc_profile"] = icc
    if exif and (out_format != "JPEG" or len(exif) <= _JPEG_MAX_EXIF):
        params["exif"] = exif
    if dpi:
        params["dpi"] = dpi
    if out_format == "JPEG":
        params["quality"] = JPEG_QUALITY
    # Only the parameters above may reach the encoder (PNG falls back to im.info).
    im.info = {}
    workdir.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(
        prefix=".tmp-prepared-", suffix=_EXTENSIONS[out_format], dir=workdir
    )
    os.close(fd)
    out = Path(name)
    try:
        im.save(out, out_format, **params)
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    return out, out_format


def prepare_image(
    path: Path, *, max_pixels: int = DEFAULT_MAX_PIXELS, workdir: Path
) -> PreparedImage:
    """Check, decode and normalise one image; see the module docstring.

    Raises `ImageRefused` for anything a curator must fix. When the result is
    re-encoded (``changed``), ``data_path`` is a new file in ``workdir`` that the
    caller deletes; nothing is left in ``workdir`` when the image is refused.
    """
    path = Path(path)
    workdir = Path(workdir)
    check_max_pixels(max_pixels)
    name = display_name(path)
    check_file(path, name)

    with pixel_limit(max_pixels):
        src = open_checked(path, name, max_pixels)
        work: Image.Image = src
        try:
            source_format = src.format or ""
            try:
                multi_frame = source_format != "MPO" and bool(getattr(src, "is_animated", False))
            except Exception:
                multi_frame = False  # a damaged later frame: the first one is what we keep
            high_depth = has_16bit_samples(src)
            load_checked(src, name, max_pixels)

            icc = src.info.get("icc_profile") or None
            exif_before = src.info.get("exif")
            dpi = _valid_dpi(src.info.get("dpi"))

            orientation = exif_orientation(src)
            transposed = orientation != 1
            if transposed:
                transpose_in_place(src, orientation)
            exif = src.info.get("exif") if exif_before else None

            try:
                work, keep_icc = normalise_mode(src, icc)
            except (ValueError, OSError) as exc:
                raise ImageRefused(f"{name}: unsupported colour mode ({src.mode})") from exc
            if work is not src:
                src.close()  # free the decoded source: hold one full-size copy at a time

            store_format = "JPEG" if source_format == "MPO" else source_format
            changed = (
                transposed
                or work is not src
                or high_depth
                or multi_frame
                or store_format not in _KEEP_FORMATS
            )
            width, height = work.size
            phash = dhash(work)  # from the pixels already in memory: no second decode
            if changed:
                data_path, out_format = _encode(
                    work,
                    source_format=source_format,
                    workdir=workdir,
                    icc=icc if keep_icc else None,
                    exif=exif if isinstance(exif, bytes) else None,
                    dpi=dpi,
                )
            else:  # the original bytes are kept
                data_path, out_format = path, store_format
            return PreparedImage(
                width=width,
                height=height,
                format=out_format,
                mode=work.mode,
                ext=_EXTENSIONS[out_format],
                changed=changed,
                data_path=data_path,
                exif_transposed=transposed,
                phash=phash,
            )
        finally:
            if work is not src:
                work.close()
            src.close()
