"""Source pixels, any mode and orientation, as upright sRGB RGB (Pillow only).

Used by the tile builder (`exhibition_app.imaging.tiles`), block by block or band by
band: every parameter that depends on the whole image (EXIF orientation, ICC transform,
the range of 32-bit samples) is fixed once, so all parts are treated alike.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable

from PIL import Image, ImageCms, features

from exhibition_app.imaging import source
from exhibition_app.imaging.colour import (
    EXHIBITION_BACKGROUND,
    SIXTEEN_BIT_MODES,
    flatten,
    lut16,
    normalise_mode,
)
from exhibition_app.imaging.scratch import Scratch, blocks, source_box

__all__ = ["Normaliser"]


class Normaliser:
    """Source blocks (any mode, any orientation) -> upright sRGB RGB blocks.

    Every parameter that depends on the whole image (EXIF orientation, ICC transform,
    the range of 32-bit samples) is fixed once, so all blocks are treated alike.
    """

    def __init__(self, im: Image.Image, scratch: Scratch | None, check: Callable[[], None]) -> None:
        self._im = im
        self._scratch = scratch
        self.orientation = source.exif_orientation(im)
        sw, sh = im.size
        self.size = (sh, sw) if self.orientation >= 5 else (sw, sh)
        self._icc: bytes | None = im.info.get("icc_profile") or None
        self._transforms: dict[str, ImageCms.ImageCmsTransform | None] = {}
        self._scale: tuple[float, float] | None = None  # for I/F outside 0..65535
        self._use_lut = im.mode in SIXTEEN_BIT_MODES
        if im.mode in ("I", "F"):
            lo, hi = self._extrema(check)
            if im.mode == "I" and lo >= 0 and hi <= 65535:
                self._use_lut = True
            else:
                scale = 255.0 / (hi - lo) if hi > lo else 0.0
                self._scale = (scale, -lo * scale)

    def to_rgb(self, block: Image.Image) -> Image.Image:
        """``block`` of the upright source (decoded elsewhere), as RGB."""
        return self._to_rgb(block)

    def _extrema(self, check: Callable[[], None]) -> tuple[float, float]:
        lo, hi = math.inf, -math.inf
        for box in blocks(*self._im.size, 1024):
            check()
            extrema = self._read(box).getextrema()
            lo = min(lo, float(extrema[0]))  # type: ignore[arg-type]
            hi = max(hi, float(extrema[1]))  # type: ignore[arg-type]
        return lo, hi

    def _transform(self, mode: str) -> ImageCms.ImageCmsTransform | None:
        if self._icc is None or not features.check("littlecms2"):
            return None
        if mode not in self._transforms:
            try:
                self._transforms[mode] = ImageCms.buildTransform(
                    ImageCms.ImageCmsProfile(io.BytesIO(self._icc)),
                    ImageCms.createProfile("sRGB"),
                    mode,
                    "RGB",
                    renderingIntent=ImageCms.Intent.PERCEPTUAL,
                )
            except Exception:
                self._transforms[mode] = None
        return self._transforms[mode]

    def _read(self, box: tuple[int, int, int, int]) -> Image.Image:
        """``box`` of the source as decoded (source coordinates and mode)."""
        if self._scratch is None:
            return self._im.crop(box)
        block = self._im._new(self._scratch.crop(box))
        if block.palette is not None:
            block.palette.dirty = 1  # push the palette into the new core on load
        return block

    def crop(self, box: tuple[int, int, int, int]) -> Image.Image:
        """``box`` (in upright coordinates) of the image, as RGB."""
        if self.orientation == 1:
            block = self._read(box)
        else:
            block = self._read(source_box(box, self.orientation, *self._im.size))
            block = block.transpose(source.ORIENTATION_TRANSPOSE[self.orientation])
        return self._to_rgb(block)

    def _to_rgb(self, block: Image.Image) -> Image.Image:
        colour_managed = True
        if self._use_lut:
            block = (block if block.mode == "I" else block.convert("I")).point(lut16(), "L")
        elif self._scale is not None:
            scale, offset = self._scale
            block = block.point(lambda v: v * scale + offset).convert("L")
        elif block.mode == "CMYK":
            transform = self._transform("CMYK")
            if transform is not None:
                return ImageCms.applyTransform(block, transform) or block.convert("RGB")
            return block.convert("RGB")
        else:
            try:
                block, colour_managed = normalise_mode(block, None)
            except (ValueError, OSError):
                block, colour_managed = block.convert("RGB"), False
        if block.mode == "RGBA":
            block = flatten(block, EXHIBITION_BACKGROUND)
        transform = self._transform(block.mode) if colour_managed else None
        if transform is not None:
            converted = ImageCms.applyTransform(block, transform)
            if converted is not None:
                return converted
        return block if block.mode == "RGB" else block.convert("RGB")
