"""Peak resident memory of image ingest (`MediaStore.put`) on big pictures (not part of the tests).

    .venv/bin/python -m bench.ingest_memory [--large] [--keep DIR]

By default (what `make bench` runs) four ~100 MP sources: an RGB PNG, a palette PNG (which
ingest converts to RGB and re-encodes), a baseline JPEG and the same JPEG with EXIF
orientation 6 (turned upright and re-encoded). With ``--large``: the two PNGs at
44000x44000 (1.94 gigapixels, just under the 2-gigapixel limit), the JPEGs at 20000x15000,
and a 150 MP progressive JPEG (the most that format is allowed).

Set-up (not measured): each source is synthesised in a temporary folder in its own child
process; the PNGs are written row by row with zlib (flat colour bands, so the file is small
and making it needs little memory), the JPEGs by enlarging the shipped map scan. Then, for
each source, one child process stores it with `MediaStore.put` (check, decode, normalise,
hash, re-encode when needed) and reports its own peak RSS (``ru_maxrss``); another child
only decodes the source with plain Pillow (``Image.open().load()``), the reference a naive
ingest starts from. One line per run, then the ratio ingest/plain decode per source.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import struct
import sys
import tempfile
import time
import zlib
from pathlib import Path

from bench.child import run_child

ROOT = Path(__file__).resolve().parent.parent
MAP_SCAN = (
    ROOT
    / "assets"
    / "media"
    / "7c"
    / ("7cec325c81b9fa950889ba77d96d08b44f315f3bd302c991c032244e88dac280.jpg")
)
DEFAULT_SOURCES = [
    ("png", 10000, 10000),
    ("png-palette", 10000, 10000),
    ("jpeg", 11500, 8700),
    ("jpeg-rot6", 11500, 8700),
]
LARGE_SOURCES = [
    ("png", 44000, 44000),
    ("png-palette", 44000, 44000),
    ("jpeg", 20000, 15000),
    ("jpeg-rot6", 20000, 15000),
    ("progressive-jpeg", 15000, 10000),
]


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1 << 20)


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


def _colour(shade: int) -> bytes:
    return bytes((shade, (shade * 3) % 256, 255 - shade))


def write_banded_png(dest: Path, width: int, height: int, *, palette: bool = False) -> None:
    """An RGB (or palette) PNG of flat colour blocks (8x8 of them, so the picture has a
    dHash), written row by row: the first row of each band unfiltered, the rest with the
    "Up" filter (all zeros), so the file stays a few MB and writing it needs a few rows of
    memory. A palette PNG is one ingest must convert (to RGB) and re-encode."""
    cols = 8
    band = max(1, -(-height // 8))
    channels = 1 if palette else 3

    def row(b: int) -> bytes:
        out = bytearray()
        for c in range(cols):
            x0, x1 = c * width // cols, (c + 1) * width // cols
            shade = ((b * 37 + c * 91) % 200) + 30
            out += (bytes((shade,)) if palette else _colour(shade)) * (x1 - x0)
        return b"\x00" + bytes(out)

    same = b"\x02" + bytes(channels * width)
    comp = zlib.compressobj(6)
    with open(dest, "wb") as fp:
        fp.write(b"\x89PNG\r\n\x1a\n")
        header = struct.pack(">IIBBBBB", width, height, 8, 3 if palette else 2, 0, 0, 0)
        fp.write(_chunk(b"IHDR", header))
        if palette:
            fp.write(_chunk(b"PLTE", b"".join(_colour(i) for i in range(256))))
        pending = bytearray()
        for y in range(height):
            pending += comp.compress(row(y // band) if y % band == 0 else same)
            if len(pending) >= 1 << 20:
                fp.write(_chunk(b"IDAT", bytes(pending)))
                pending.clear()
        pending += comp.flush()
        fp.write(_chunk(b"IDAT", bytes(pending)))
        fp.write(_chunk(b"IEND", b""))


def write_jpeg(
    dest: Path, width: int, height: int, orientation: int = 1, progressive: bool = False
) -> None:
    """A JPEG made by enlarging the map scan; ``orientation`` goes into EXIF."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = None
    with Image.open(MAP_SCAN) as scan:
        big = scan.convert("RGB").resize((width, height), Image.Resampling.BILINEAR)
    exif = Image.Exif()
    if orientation != 1:
        exif[0x0112] = orientation
    big.save(dest, "JPEG", quality=85, exif=exif.tobytes(), progressive=progressive)


def _make(kind: str, dest: Path, width: int, height: int) -> None:
    if kind in ("png", "png-palette"):
        write_banded_png(dest, width, height, palette=kind == "png-palette")
    else:
        write_jpeg(
            dest, width, height, 6 if kind.endswith("rot6") else 1, kind.startswith("progressive")
        )
    print(json.dumps({"bytes": dest.stat().st_size}))


def _ingest(src: Path, assets: Path) -> None:
    """Child: store the picture as `import image` does; report this process's peak RSS."""
    from exhibition_app.imaging.store import MediaStore

    start = time.perf_counter()
    stored = MediaStore(assets).put(src)
    elapsed = time.perf_counter() - start
    print(
        json.dumps(
            {
                "rss_mb": _peak_rss_mb(),
                "seconds": elapsed,
                "stored": stored.format,
                "size": f"{stored.width}x{stored.height}",
            }
        )
    )


def _decode(src: Path) -> None:
    """Child: the naive reference, a plain full decode."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = None
    start = time.perf_counter()
    with Image.open(src) as im:
        im.load()
    elapsed = time.perf_counter() - start
    print(json.dumps({"rss_mb": _peak_rss_mb(), "seconds": elapsed}))


def _child(*args: str) -> dict[str, object]:
    return run_child("bench.ingest_memory", "--child", *args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--large", action="store_true", help="the 1.9-gigapixel sizes")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        kind, *rest = args.child
        if kind == "make":
            _make(rest[0], Path(rest[1]), int(rest[2]), int(rest[3]))
        elif kind == "ingest":
            _ingest(Path(rest[0]), Path(rest[1]))
        else:
            _decode(Path(rest[0]))
        return

    work = args.keep or Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        sources: list[tuple[Path, str]] = []
        for kind, width, height in LARGE_SOURCES if args.large else DEFAULT_SOURCES:
            src = work / f"{kind}-{width}x{height}.{'png' if kind.startswith('png') else 'jpg'}"
            start = time.perf_counter()
            made = _child("make", kind, str(src), str(width), str(height))
            label = f"{kind} {width}x{height}"
            print(
                f"set-up   {label:>25} ({width * height / 1e6:6.0f} MP): synthesised "
                f"{src.name}, {int(str(made['bytes'])) / 1e6:.1f} MB, in "
                f"{time.perf_counter() - start:.1f} s (not measured)",
                flush=True,
            )
            sources.append((src, label))

        for src, label in sources:
            assets = work / "assets"
            ours = _child("ingest", str(src), str(assets))
            shutil.rmtree(assets, ignore_errors=True)
            plain = _child("decode", str(src))
            for name, result in (("ingest", ours), ("plain decode", plain)):
                extra = ""
                if "stored" in result:
                    extra = f", stored {result['stored']} {result['size']}"
                print(
                    f"{name:<12} {label:>25}: peak RSS {float(str(result['rss_mb'])):7.0f} MB, "
                    f"{float(str(result['seconds'])):6.1f} s{extra}",
                    flush=True,
                )
            ratio = float(str(ours["rss_mb"])) / float(str(plain["rss_mb"]))
            print(f"ratio ingest/plain decode peak RSS {label:>25}: {ratio:5.2f}", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
