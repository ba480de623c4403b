"""Generate the bad- and odd-image corpus used by the imaging tests.

Everything is made with Pillow (and, for hand-crafted PNG headers, ``struct`` and
``zlib``), deterministically and small, so no binary test files are committed.

    python tests/imaging/make_corpus.py OUTDIR

Importable: ``build_corpus(directory) -> {key: path}``.
"""

from __future__ import annotations

import io
import struct
import sys
import zlib
from pathlib import Path

from PIL import ExifTags, Image

RED = (255, 0, 0)
BLUE = (0, 0, 255)
GREEN = (0, 255, 0)


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(tag + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)


def _png(width: int, height: int, bit_depth: int, colour_type: int, raw_rows: bytes) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", zlib.compress(raw_rows, 9))
        + _png_chunk(b"IEND", b"")
    )


def _detailed_rgb(size: tuple[int, int]) -> Image.Image:
    """A deterministic picture with detail in every channel (compresses poorly)."""
    lin = Image.linear_gradient("L").resize(size)
    rad = Image.radial_gradient("L").resize(size)
    checker = Image.new("L", size)
    checker.putdata(
        [255 if (x // 3 + y // 3) % 2 else 0 for y in range(size[1]) for x in range(size[0])]
    )
    return Image.merge("RGB", (lin, rad, checker))


def _jpeg_bytes(im: Image.Image, **params: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JPEG", **params)
    return buf.getvalue()


def build_corpus(directory: Path) -> dict[str, Path]:
    """Write every corpus file into ``directory``; return ``{key: path}``."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}

    def put(key: str, filename: str, data: bytes) -> None:
        path = directory / filename
        path.write_bytes(data)
        files[key] = path

    # --- refused ---------------------------------------------------------------
    full = _jpeg_bytes(_detailed_rgb((128, 128)), quality=95)
    put("truncated_jpeg", "truncated.jpg", full[: len(full) * 6 // 10])
    put("empty", "empty.jpg", b"")
    put(
        "text_as_jpg",
        "notes.jpg",
        b"Inventory notes: Mongol saddle, 18th century, leather and silver.\n",
    )
    # IHDR claims 100000x100000 RGB (10 gigapixels); the file is ~60 bytes.
    put("huge_png", "huge.png", _png(100_000, 100_000, 8, 2, b""))
    put("damaged_png", "damaged.png", b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 8)
    put("heic", "IMG_0001.heic", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64))

    # --- accepted but odd -----------------------------------------------------
    put(
        "cmyk_jpeg",
        "cmyk.jpg",
        _jpeg_bytes(Image.new("CMYK", (32, 24), (0, 255, 255, 0)), quality=95),
    )
    put(
        "cmyk_bad_icc_jpeg",
        "cmyk_bad_icc.jpg",
        _jpeg_bytes(
            Image.new("CMYK", (32, 24), (0, 255, 255, 0)),
            quality=95,
            icc_profile=b"this is not an ICC profile",
        ),
    )

    # 16-bit grey: a horizontal gradient over the full 0..65535 range.
    values = [x * 257 for x in range(256)]
    gray16 = Image.frombytes("I;16", (256, 8), struct.pack("<256H", *values) * 8)
    buf = io.BytesIO()
    gray16.save(buf, "PNG")
    put("gray16_png", "gray16.png", buf.getvalue())
    buf = io.BytesIO()
    gray16.save(buf, "TIFF")
    put("gray16_tiff", "gray16.tif", buf.getvalue())

    # 16-bit RGB PNG (Pillow cannot write one): red ramps 0..65535, green falls, blue fixed.
    width = 64
    row = b"\x00" + b"".join(
        struct.pack(">HHH", x * 65535 // (width - 1), 65535 - x * 65535 // (width - 1), 4096)
        for x in range(width)
    )
    put("rgb16_png", "rgb16.png", _png(width, 4, 16, 2, row * 4))

    # Stored 60x40 (top half red, bottom half blue), EXIF orientation 6: shown 40x60.
    rotated = Image.new("RGB", (60, 40), BLUE)
    rotated.paste(RED, (0, 0, 60, 20))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    put("exif_rotated_jpeg", "rotated.jpg", _jpeg_bytes(rotated, quality=95, exif=exif.tobytes()))

    # Palette with a transparent index 0 (left half) and red (right half).
    pal = Image.new("P", (16, 16), 0)
    pal.putpalette([0, 0, 0, *RED] + [0] * (254 * 3))
    pal.paste(1, (8, 0, 16, 16))
    buf = io.BytesIO()
    pal.save(buf, "PNG", transparency=0)
    put("palette_transparent_png", "palette.png", buf.getvalue())

    rgba = Image.new("RGBA", (20, 10), (*GREEN, 255))
    rgba.paste((0, 0, 0, 0), (0, 0, 10, 10))  # left half fully transparent
    buf = io.BytesIO()
    rgba.save(buf, "PNG")
    put("rgba_png", "rgba.png", buf.getvalue())

    put("rgb_jpeg", "photo.jpg", _jpeg_bytes(_detailed_rgb((64, 48)), quality=90))
    put("gray_jpeg", "gray.jpg", _jpeg_bytes(Image.linear_gradient("L").resize((32, 32))))

    frames = [Image.new("RGB", (20, 10), colour).convert("P") for colour in (RED, BLUE)]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    put("gif", "animated.gif", buf.getvalue())

    la = Image.merge("LA", (Image.new("L", (8, 8), 200), Image.linear_gradient("L").resize((8, 8))))
    buf = io.BytesIO()
    la.save(buf, "PNG")
    put("la_png", "grey_alpha.png", buf.getvalue())

    bilevel = Image.new("1", (16, 16), 0)
    bilevel.paste(1, (0, 0, 8, 16))
    buf = io.BytesIO()
    bilevel.save(buf, "PNG")
    put("bilevel_png", "bilevel.png", buf.getvalue())

    return files


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    for key, path in sorted(build_corpus(Path(argv[1])).items()):
        print(f"{key:26} {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
