"""Pixel modes and colour (Pillow only: no Qt, no database): any decoded picture to 8-bit
``RGB``, ``RGBA`` or ``L``, embedded ICC profiles to sRGB, transparency onto the exhibition's
dark background. Shared by ingest, thumbnails and tiles.
"""

from __future__ import annotations

import functools
import io

from PIL import Image, ImageCms, features

__all__ = [
    "EXHIBITION_BACKGROUND",
    "SIXTEEN_BIT_MODES",
    "flatten",
    "has_16bit_samples",
    "icc_to_srgb",
    "lut16",
    "normalise_mode",
]

#: Colour behind transparent areas: the exhibition's dark background (#1b1a17).
EXHIBITION_BACKGROUND = (0x1B, 0x1A, 0x17)

SIXTEEN_BIT_MODES = frozenset({"I;16", "I;16L", "I;16B", "I;16N"})
# Pixels converted per band when scaling 16-bit or float images down to 8 bits.
_BAND_PIXELS = 1 << 24


def flatten(
    im: Image.Image, background: tuple[int, int, int] = EXHIBITION_BACKGROUND
) -> Image.Image:
    """``im`` (RGBA) composited onto ``background``, as RGB."""
    flat = Image.new("RGB", im.size, background)
    flat.paste(im, mask=im.getchannel("A"))
    return flat


def has_16bit_samples(im: Image.Image) -> bool:
    """True when Pillow is about to unpack 16-bit samples into an 8-bit mode."""
    for tile in getattr(im, "tile", None) or ():
        args = tile.args
        rawmode = args if isinstance(args, str) else args[0] if isinstance(args, tuple) else ""
        if isinstance(rawmode, str) and ";16" in rawmode:
            return True
    return False


@functools.cache
def lut16() -> list[int]:
    """0..65535 -> 0..255, rounded: scales rather than clips."""
    return [(v * 255 + 32767) // 65535 for v in range(65536)]


def _to_l_8bit(im: Image.Image) -> Image.Image:
    """16-bit or 32-bit grey to 8-bit L, scaled, in bands to bound memory.

    ``I;16*`` (and ``I`` holding 0..65535) uses the nominal 16-bit range, so a full
    range gradient maps to 0..255. ``I`` outside that range and ``F`` are stretched
    from their minimum to their maximum.
    """
    width, height = im.size
    lut: list[int] | None = None
    scale, offset = 0.0, 0.0
    if im.mode in SIXTEEN_BIT_MODES:
        lut = lut16()
    else:
        extrema = im.getextrema()
        lo, hi = float(extrema[0]), float(extrema[1])  # type: ignore[arg-type]
        if im.mode == "I" and lo >= 0 and hi <= 65535:
            lut = lut16()
        elif hi > lo:
            scale = 255.0 / (hi - lo)
            offset = -lo * scale
    out = Image.new("L", (width, height))
    rows = max(1, _BAND_PIXELS // max(1, width))
    for top in range(0, height, rows):
        band = im.crop((0, top, width, min(height, top + rows)))
        if lut is not None:
            if band.mode != "I":
                band = band.convert("I")
            piece = band.point(lut, "L")
        else:
            piece = band.point(lambda v: v * scale + offset).convert("L")
        out.paste(piece, (0, top))
    return out


def icc_to_srgb(im: Image.Image, icc: bytes) -> Image.Image | None:
    """Convert through the embedded profile to sRGB, or None if that fails."""
    if not features.check("littlecms2"):
        return None
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(
            im,
            source,
            ImageCms.createProfile("sRGB"),
            renderingIntent=ImageCms.Intent.PERCEPTUAL,
            outputMode="RGB",
        )
    except Exception:
        return None


def _lab_to_rgb(im: Image.Image) -> Image.Image:
    if not features.check("littlecms2"):
        raise ValueError("LAB needs littlecms")
    transform = ImageCms.buildTransform(
        ImageCms.createProfile("LAB"), ImageCms.createProfile("sRGB"), "LAB", "RGB"
    )
    out = ImageCms.applyTransform(im, transform)
    if out is None:
        raise ValueError("LAB conversion failed")
    return out


def normalise_mode(im: Image.Image, icc: bytes | None) -> tuple[Image.Image, bool]:
    """Return ``(image in RGB/RGBA/L, keep_icc)``.

    The image returned is ``im`` itself when nothing changes. ``keep_icc`` is False
    when the colour space family changed (CMYK to RGB, grey to RGBA, ...), so the
    source ICC profile no longer describes the pixels. Raises ValueError for modes
    that cannot be converted.
    """
    mode = im.mode
    if mode in ("RGB", "L"):
        if "transparency" in im.info:  # colour-keyed PNG: make the alpha explicit
            return im.convert("RGBA"), mode == "RGB"
        return im, True
    if mode == "RGBA":
        return im, True
    if mode == "1":
        return im.convert("L"), True
    if mode == "P":
        return im.convert("RGBA" if im.has_transparency_data else "RGB"), True
    if mode in ("PA", "RGBa"):
        return im.convert("RGBA"), True
    if mode == "RGBX":
        return im.convert("RGB"), True
    if mode in ("LA", "La"):
        return im.convert("RGBA"), False
    if mode == "CMYK":
        converted = icc_to_srgb(im, icc) if icc else None
        return (converted if converted is not None else im.convert("RGB")), False
    if mode in SIXTEEN_BIT_MODES or mode in ("I", "F"):
        return _to_l_8bit(im), True
    if mode == "LAB":
        return _lab_to_rgb(im), False
    return im.convert("RGBA" if "A" in im.getbands() else "RGB"), False
