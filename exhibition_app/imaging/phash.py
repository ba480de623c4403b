"""Perceptual hash of an image: a 64-bit difference hash (dHash). Pillow only: no Qt, no database.

The image is reduced to 9x8 grey pixels; each of the 64 bits says whether a pixel is
brighter than its right-hand neighbour. Re-encoding, resizing or a mild change of contrast
keeps almost every bit, while different pictures differ in about half of them. The hash is
written as 16 lowercase hex digits (row by row, most significant bit first) and compared
with `hamming`.

`dhash` works on an image that is already decoded, so ingest computes it from the pixels it
has in memory anyway (see `exhibition_app.imaging.ingest.prepare_image`).
"""

from __future__ import annotations

from PIL import Image

__all__ = ["HASH_BITS", "NEAR_DUPLICATE_BITS", "dhash", "hamming"]

HASH_BITS = 64

#: At most this many differing bits make two images near-duplicates. Measured (see
#: tests/imaging/test_phash.py): JPEG re-encoding at quality 40-95, resizing to a quarter or
#: double, PNG round trips and grey copies stay at 0-3 bits; different photographs, and
#: different world maps in the same projection, are 14 bits apart or more.
NEAR_DUPLICATE_BITS = 6

_WIDTH, _HEIGHT = 9, 8


def dhash(im: Image.Image) -> str:
    """The difference hash of a decoded image, as 16 lowercase hex digits.

    Any mode is accepted; alpha is ignored (the colour channels are hashed). The image is
    first reduced in its own mode (a box filter, one pass over the pixels and no full-size
    copy), then turned to grey.
    """
    if im.mode not in ("L", "RGB", "RGBA"):
        im = im.convert("RGB")
    small = im.resize((_WIDTH, _HEIGHT), Image.Resampling.BOX)
    px = (small if small.mode == "L" else small.convert("L")).tobytes()
    bits = 0
    for y in range(_HEIGHT):
        row = px[y * _WIDTH : (y + 1) * _WIDTH]
        for x in range(_WIDTH - 1):
            bits = (bits << 1) | (row[x] > row[x + 1])
    return f"{bits:016x}"


def hamming(a: str, b: str) -> int:
    """The number of bits in which two hashes differ (0..64).

    Raises ValueError when either is not a 16-digit hex hash.
    """
    return (_as_int(a) ^ _as_int(b)).bit_count()


def _as_int(value: str) -> int:
    if len(value) != HASH_BITS // 4:
        raise ValueError(f"not a {HASH_BITS}-bit hash: {value!r}")
    try:
        return int(value, 16)
    except ValueError:
        raise ValueError(f"not a {HASH_BITS}-bit hash: {value!r}") from None
