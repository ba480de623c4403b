"""Checking and normalising images a curator brings in (Pillow only: no Qt, no database).

`prepare_image` is the single gate every picture passes before it is stored:

* the pixel count is checked from the header, before any pixel data is decoded;
* the whole image is decoded once, so truncated or damaged files are refused;
* the EXIF orientation is applied, and the colour mode is normalised to
  ``RGB``, ``RGBA`` or ``L`` (8 bits per channel);
* files that need no change keep their original bytes; the rest are re-encoded.

Memory stays flat at any accepted size. Images of more than `STRIP_PIXELS` pixels are
decoded into a mapped scratch file (`exhibition_app.imaging.scratch`, as the tile builder
does), then turned upright and normalised block by block into a second mapped scratch
file, from which the encoder reads its rows; the dHash comes from an overview reduced
block by block. Measured (``exhibition-app import image``, peak RSS; see also
``python -m bench.ingest_memory --large``): a 44000x44000 PNG (1.94 gigapixels) in 41 s
and 113 MB (before: 52 s, 7.3 GB), the same as a palette PNG that must be converted and
re-encoded in 43 s and 127 MB (before: 57 s, 9.1 GB), a 20000x15000 JPEG with EXIF
orientation 6 in 7 s and 139 MB (before: 2.3 GB), the same as an LZW TIFF in 14 s and
111 MB (before: 1.9 GB); the stored bytes are the same. The
scratch files (about 4 bytes per pixel each, in ``workdir``) are removed however the call
ends, and free disk space is checked first. Two kinds of file cannot be decoded that way and get a
lower pixel limit instead: formats Pillow decodes only in ordinary memory (GIF, WebP,
JPEG 2000, TIFFs Pillow rotates while loading, ...; `IN_MEMORY_MAX_PIXELS`) and progressive JPEGs,
whose DCT coefficients libjpeg keeps in memory (about 3 bytes per pixel;
`PROGRESSIVE_MAX_BYTES`).

Opening, decoding and the pixel limit are `exhibition_app.imaging.source`'s (shared with
thumbnails and tiles), colour modes `exhibition_app.imaging.colour`'s. Every refusal is an
`ImageRefused` whose ``reason`` is one line a curator can read.
"""

from __future__ import annotations

import io
import math
import os
import secrets
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from PIL import Image, ImageFile, ImageOps

from exhibition_app.imaging import scratch
from exhibition_app.imaging.colour import (
    SIXTEEN_BIT_MODES,
    has_16bit_samples,
    lut16,
    normalise_mode,
)
from exhibition_app.imaging.phash import dhash
from exhibition_app.imaging.source import (
    DEFAULT_MAX_PIXELS,
    ORIENTATION_TRANSPOSE,
    ImageRefused,
    check_file,
    check_max_pixels,
    display_name,
    exif_orientation,
    load_checked,
    open_checked,
    pixel_amount,
    pixel_limit,
    transpose_in_place,
)

__all__ = [
    "DEFAULT_MAX_PIXELS",
    "IN_MEMORY_MAX_PIXELS",
    "JPEG_QUALITY",
    "PROGRESSIVE_MAX_BYTES",
    "STRIP_PIXELS",
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

#: Images of more pixels than this are checked and normalised in blocks through mapped
#: scratch files; smaller ones in memory (faster). Tests lower it.
STRIP_PIXELS = 64_000_000
#: The most pixels a format that Pillow decodes only in ordinary memory may have (about
#: 4 bytes a pixel, twice while the colour mode is converted: ~500 MB here).
IN_MEMORY_MAX_PIXELS = 64_000_000
#: Progressive JPEGs: libjpeg keeps all their DCT coefficients in memory while decoding,
#: 2 bytes a sample (3 bytes a pixel for the usual 4:2:0 colour, 6 for 4:4:4); at most
#: this many bytes of them (140 MP at 4:2:0, 70 MP at 4:4:4, 210 MP grey).
PROGRESSIVE_MAX_BYTES = 420_000_000
# Seconds between two page releases of the scratch mappings: short, because a decoder
# or encoder may write (or read) a gigabyte a second into mapped pages.
_PAGER_INTERVAL = 0.01
# Side of the (upright) blocks normalised at a time in the strip path.
_BLOCK = 2048
# The dHash of a big image is computed from an overview at most this long on a side.
_OVERVIEW_SIDE = 2048


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


def _prepared(
    size: tuple[int, int],
    mode: str,
    out_format: str,
    data_path: Path,
    changed: bool,
    transposed: bool,
    phash: str | None,
) -> PreparedImage:
    """The accepted image, at ``data_path`` (re-encoded there when ``changed``)."""
    return PreparedImage(
        width=size[0],
        height=size[1],
        format=out_format,
        mode=mode,
        ext=_EXTENSIONS[out_format],
        changed=changed,
        data_path=data_path,
        exif_transposed=transposed,
        phash=phash,
    )


def _valid_dpi(value: Any) -> tuple[float, float] | None:
    try:
        x, y = (float(v) for v in value)
    except (TypeError, ValueError):
        return None
    if 0 < x < 1e6 and 0 < y < 1e6:
        return x, y
    return None


class _ChunkWriter:
    """A file for Pillow's encoders that calls ``on_write`` after each chunk.

    It has no ``fileno``, so Pillow encodes chunk by chunk from Python instead of in one
    C call (``encode_to_file``), which gives the pager its turn between chunks.
    """

    def __init__(self, fp: IO[bytes], on_write: Callable[[], None]) -> None:
        self._fp = fp
        self._on_write = on_write

    def write(self, data: bytes) -> int:
        n = self._fp.write(data)
        self._on_write()
        return n

    def fileno(self) -> int:
        raise io.UnsupportedOperation("fileno")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fp, name)


def _source_metadata(
    src: Image.Image,
) -> tuple[bytes | None, Any, tuple[float, float] | None, int]:
    """(ICC profile, EXIF as read, usable dpi, EXIF orientation) of a decoded source."""
    icc = src.info.get("icc_profile") or None
    return icc, src.info.get("exif"), _valid_dpi(src.info.get("dpi")), exif_orientation(src)


def _encode(
    im: Image.Image,
    *,
    source_format: str,
    workdir: Path,
    icc: bytes | None,
    exif: bytes | None,
    dpi: tuple[float, float] | None,
    on_write: Callable[[], None] | None = None,
) -> tuple[Path, str]:
    """Write ``im`` into a new temporary file in ``workdir``; return (path, format).

    ``on_write`` is called after every chunk the encoder writes (the strip path drops
    the rows it has read from the resident set there).
    """
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
        if on_write is None:
            im.save(out, out_format, **params)
        else:
            with open(out, "wb") as fp:
                im.save(_ChunkWriter(fp, on_write), out_format, **params)
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
        try:
            if src.width * src.height > STRIP_PIXELS and _in_strips(src, name):
                return _prepare_in_strips(path, src, name, max_pixels, workdir)
            return _prepare_in_memory(path, src, name, max_pixels, workdir)
        finally:
            src.close()


def _source_facts(src: ImageFile.ImageFile) -> tuple[str, bool, bool]:
    """``(source format, several frames, 16-bit samples)``, before decoding."""
    source_format = src.format or ""
    try:
        multi_frame = source_format != "MPO" and bool(getattr(src, "is_animated", False))
    except Exception:
        multi_frame = False  # a damaged later frame: the first one is what we keep
    return source_format, multi_frame, has_16bit_samples(src)


def _prepare_in_memory(
    path: Path, src: ImageFile.ImageFile, name: str, max_pixels: int, workdir: Path
) -> PreparedImage:
    work: Image.Image = src
    try:
        source_format, multi_frame, high_depth = _source_facts(src)
        load_checked(src, name, max_pixels)

        icc, exif_before, dpi, orientation = _source_metadata(src)
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
        return _prepared(
            (width, height), work.mode, out_format, data_path, changed, transposed, phash
        )
    finally:
        if work is not src:
            work.close()


# --------------------------------------------------------------------------- big images


def _in_strips(src: ImageFile.ImageFile, name: str) -> bool:
    """For an image over `STRIP_PIXELS`: True when it can be decoded into a scratch file,
    False when it fits in memory; refuses it when it does neither."""
    width, height = src.size
    pixels = width * height
    if src.format in ("JPEG", "MPO") and src.info.get("progressive"):
        limit = _progressive_max_pixels(src)
        if pixels > limit:
            raise ImageRefused(
                f"{name}: a progressive JPEG of {width}x{height} pixels "
                f"({pixel_amount(pixels)}) is over the {pixel_amount(limit)} this format "
                "allows (save it as a baseline JPEG, PNG or TIFF)"
            )
        return True
    tiff_rotated = src.format == "TIFF" and getattr(src, "tag_v2", {}).get(0x0112, 1) != 1
    if scratch.streams(src) and not tiff_rotated:
        return True
    if pixels > IN_MEMORY_MAX_PIXELS:
        kind = "rotated TIFF" if tiff_rotated else f"{src.format or 'this'} image"
        raise ImageRefused(
            f"{name}: a {kind} of {width}x{height} pixels ({pixel_amount(pixels)}) is over "
            f"the {pixel_amount(IN_MEMORY_MAX_PIXELS)} this format allows (save it as PNG, "
            "TIFF or baseline JPEG)"
        )
    return False


def _progressive_max_pixels(src: Image.Image) -> int:
    """The most pixels whose DCT coefficients fit in `PROGRESSIVE_MAX_BYTES`, for the
    colour sampling of ``src`` (its components' ``(id, h, v, table)`` in ``layer``)."""
    layers = getattr(src, "layer", None) or [(0, 1, 1, 0)] * len(src.getbands())
    factors = [(max(1, int(h)), max(1, int(v))) for _id, h, v, _table in layers]
    h_max = max(h for h, _v in factors)
    v_max = max(v for _h, v in factors)
    samples = sum(h * v for h, v in factors) / (h_max * v_max)
    return int(PROGRESSIVE_MAX_BYTES / (2 * samples))


def _check_disk_space(workdir: Path, name: str, src: ImageFile.ImageFile) -> None:
    """Refuse before decoding when ``workdir`` cannot hold the scratch files."""
    width, height = src.size
    pixels = width * height
    need = pixels * scratch.pixel_bytes(src.mode)
    if src.mode not in ("L", "RGB", "RGBA") or "exif" in src.info or "transparency" in src.info:
        need += pixels * 4 + pixels * 2  # the normalised copy, and the re-encoded file
    scratch.check_free_space(workdir, need, name, src.size)


def _transpose_metadata(src: Image.Image, orientation: int) -> None:
    """What `transpose_in_place` does to ``src.info`` (EXIF and XMP orientation removed),
    without touching the pixels: applied to a one-pixel stand-in sharing ``src.info``."""
    stand_in = Image.new("L", (1, 1))
    stand_in.info = src.info
    try:
        stand_in._exif = src.getexif()
        ImageOps.exif_transpose(stand_in, in_place=True)
    except Exception:
        src.info.pop("exif", None)  # damaged EXIF that still named an orientation


class _Blocks:
    """Upright blocks of a decoded source, normalised to 8-bit ``RGB``, ``RGBA`` or ``L``
    exactly as `normalise_mode` turns the whole image (same pixels, block by block)."""

    def __init__(
        self, src: Image.Image, store: scratch.Scratch | None, orientation: int, icc: bytes | None
    ) -> None:
        self._src = src
        self._store = store
        self._icc = icc
        self.orientation = orientation
        sw, sh = src.size
        self.size = (sh, sw) if orientation >= 5 else (sw, sh)
        self._lut: list[int] | None = None
        self._scale: tuple[float, float] | None = None
        if src.mode in SIXTEEN_BIT_MODES:
            self._lut = lut16()
        elif src.mode in ("I", "F"):
            lo, hi = math.inf, -math.inf
            for box in scratch.blocks(sw, sh, _BLOCK):
                extrema = self._read(box).getextrema()
                lo = min(lo, float(extrema[0]))  # type: ignore[arg-type]
                hi = max(hi, float(extrema[1]))  # type: ignore[arg-type]
            if src.mode == "I" and lo >= 0 and hi <= 65535:
                self._lut = lut16()
            else:
                scale = 255.0 / (hi - lo) if hi > lo else 0.0
                self._scale = (scale, -lo * scale)
        first = self._read((0, 0, 1, 1))
        sample, self.keep_icc = self._normalise(first)
        self.mode = sample.mode
        self.mode_changed = sample is not first

    def _read(self, box: tuple[int, int, int, int]) -> Image.Image:
        """``box`` of the source as decoded (source coordinates and mode)."""
        if self._store is None:
            return self._src.crop(box)
        block = self._src._new(self._store.crop(box))
        if block.palette is not None:
            block.palette.dirty = 1  # push the palette into the new core on load
        return block

    def _normalise(self, block: Image.Image) -> tuple[Image.Image, bool]:
        if self._lut is not None:  # as colour._to_l_8bit, band by band
            return (block if block.mode == "I" else block.convert("I")).point(self._lut, "L"), True
        if self._scale is not None:
            scale, offset = self._scale
            return block.point(lambda v: v * scale + offset).convert("L"), True
        return normalise_mode(block, self._icc)

    def crop(self, box: tuple[int, int, int, int]) -> Image.Image:
        """``box`` (upright coordinates) of the normalised image."""
        if self.orientation == 1:
            block = self._read(box)
        else:
            block = self._read(scratch.source_box(box, self.orientation, *self._src.size))
            block = block.transpose(ORIENTATION_TRANSPOSE[self.orientation])
        return self._normalise(block)[0]


def _boxes(
    width: int, height: int, factor: int, orientation: int
) -> Iterator[tuple[int, int, int, int]]:
    """The upright boxes to normalise, each a multiple of ``factor`` on both sides except
    at the right and bottom edges. Upright sources go in strips of whole rows (one
    positioned read and write each); rotated ones in square blocks, whose source boxes are
    columns."""
    rows = factor * (_BLOCK * _BLOCK // (width * factor))
    if orientation == 1 and rows > 0:
        for top in range(0, height, rows):
            yield 0, top, width, min(height, top + rows)
        return
    yield from scratch.blocks(width, height, factor * max(1, _BLOCK // factor))


def _prepare_in_strips(
    path: Path, src: ImageFile.ImageFile, name: str, max_pixels: int, workdir: Path
) -> PreparedImage:
    source_format, multi_frame, high_depth = _source_facts(src)
    workdir.mkdir(parents=True, exist_ok=True)
    _check_disk_space(workdir, name, src)
    token = secrets.token_hex(6)
    source_store: scratch.Scratch | None = None
    upright_store: scratch.Scratch | None = None
    with scratch.Pager(_PAGER_INTERVAL) as pager:
        try:
            source_store = scratch.decode_into_scratch(
                src,
                name,
                max_pixels,
                workdir / f".tmp-scratch-source-{token}",
                pager,
                lambda _count: pager.release(),
            )
            icc, exif_before, dpi, orientation = _source_metadata(src)
            transposed = orientation != 1
            if transposed:
                _transpose_metadata(src, orientation)
            exif = src.info.get("exif") if exif_before else None

            try:
                blocks = _Blocks(src, source_store, orientation, icc)
            except (ValueError, OSError) as exc:
                raise ImageRefused(f"{name}: unsupported colour mode ({src.mode})") from exc
            store_format = "JPEG" if source_format == "MPO" else source_format
            changed = (
                transposed
                or blocks.mode_changed
                or high_depth
                or multi_frame
                or store_format not in _KEEP_FORMATS
            )
            width, height = blocks.size
            # The overview is the whole image reduced by `factor` (Image.reduce's box
            # filter): every block but the last in a row or column is a multiple of it.
            factor = max(1, -(-max(width, height) // _OVERVIEW_SIDE))
            overview = Image.new(blocks.mode, (-(-width // factor), -(-height // factor)))
            if changed:
                upright_store = scratch.Scratch(
                    workdir / f".tmp-scratch-upright-{token}",
                    blocks.mode,
                    (width, height),
                    pager,
                    mapped=True,
                )
            for box in _boxes(width, height, factor, orientation):
                block = blocks.crop(box)
                at = (box[0] // factor, box[1] // factor)
                overview.paste(block.reduce(factor) if factor > 1 else block, at)
                if upright_store is not None:
                    upright_store.paste(block, box[:2])
                pager.release()
            phash = dhash(overview)

            if upright_store is not None:
                if source_store is not None:  # free its disk space before encoding
                    source_store.close()
                    source_store = None
                upright = Image.new(blocks.mode, (1, 1))._new(upright_store.core)
                data_path, out_format = _encode(
                    upright,
                    source_format=source_format,
                    workdir=workdir,
                    icc=icc if blocks.keep_icc else None,
                    exif=exif if isinstance(exif, bytes) else None,
                    dpi=dpi,
                    on_write=pager.release,
                )
                upright.close()
            else:  # the original bytes are kept
                data_path, out_format = path, store_format
            return _prepared(
                (width, height), blocks.mode, out_format, data_path, changed, transposed, phash
            )
        finally:
            src.close()
            for store in (source_store, upright_store):
                if store is not None:
                    store.close()
