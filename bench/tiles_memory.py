"""Peak resident memory of `build_tiles` on a ~100 MP and a ~1 GP JPEG (not part of the tests).

    .venv/bin/python -m bench.tiles_memory [--megapixels 100,1000] [--keep DIR]

Set-up (not measured): each source is synthesised in a temporary folder by enlarging
the shipped 2700x1350 map scan, in its own child process. Then, for each source, one
child process runs `build_tiles` and reports its own peak RSS (``ru_maxrss``); another
child only decodes the source with plain Pillow (``Image.open().load()``), as the
reference a naive tiler would start from. One line per run, then the large/small ratios.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import shutil
import sys
import tempfile
import time
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


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1 << 20)


def _make(dest: Path, megapixels: float) -> None:
    """Child: write a baseline JPEG of about ``megapixels`` by enlarging the map scan."""
    from PIL import Image

    with Image.open(MAP_SCAN) as scan:
        scan.load()
        factor = math.sqrt(megapixels * 1e6 / (scan.width * scan.height))
        size = (round(scan.width * factor), round(scan.height * factor))
        Image.MAX_IMAGE_PIXELS = None
        big = scan.resize(size, Image.Resampling.BILINEAR)
    big.save(dest, "JPEG", quality=85)
    print(json.dumps({"width": size[0], "height": size[1]}))


def _build(src: Path, dest: Path) -> None:
    """Child: build the tile set and report this process's peak RSS."""
    from exhibition_app.imaging.tiles import build_tiles

    start = time.perf_counter()
    info = build_tiles(src, dest, source_sha256="0" * 64)
    elapsed = time.perf_counter() - start
    print(json.dumps({"rss_mb": _peak_rss_mb(), "seconds": elapsed, "files": info.files}))


def _decode(src: Path) -> None:
    """Child: the naive reference, a plain full decode."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = None
    start = time.perf_counter()
    with Image.open(src) as im:
        im.load()
    elapsed = time.perf_counter() - start
    print(json.dumps({"rss_mb": _peak_rss_mb(), "seconds": elapsed, "files": 0}))


def _child(*args: str) -> dict[str, float]:
    return run_child("bench.tiles_memory", *args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--megapixels", default="100,1000", help="comma-separated sizes")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        kind, *rest = args.child
        if kind == "make":
            _make(Path(rest[0]), float(rest[1]))
        elif kind == "build":
            _build(Path(rest[0]), Path(rest[1]))
        else:
            _decode(Path(rest[0]))
        return

    sizes = [float(v) for v in args.megapixels.split(",")]
    work = args.keep or Path(tempfile.mkdtemp(prefix="tiles-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        sources: list[tuple[float, Path, str]] = []
        for mp in sizes:
            src = work / f"source-{mp:g}mp.jpg"
            start = time.perf_counter()
            dims = _child("--child", "make", str(src), str(mp))
            label = f"{int(dims['width'])}x{int(dims['height'])}"
            print(
                f"set-up   {label:>12} ({dims['width'] * dims['height'] / 1e6:7.1f} MP): "
                f"synthesised {src.name}, {src.stat().st_size / 1e6:.0f} MB, "
                f"in {time.perf_counter() - start:.1f} s (not measured)",
                flush=True,
            )
            sources.append((mp, src, label))

        peaks: dict[str, list[float]] = {"build_tiles": [], "plain decode": []}
        for mp, src, label in sources:
            for kind in ("build_tiles", "plain decode"):
                if kind == "build_tiles":
                    dest = work / f"tiles-{mp:g}mp"
                    result = _child("--child", "build", str(src), str(dest))
                    shutil.rmtree(dest, ignore_errors=True)
                else:
                    result = _child("--child", "decode", str(src))
                peaks[kind].append(result["rss_mb"])
                files = f", {int(result['files'])} files" if result["files"] else ""
                print(
                    f"{kind:<12} {label:>12}: peak RSS {result['rss_mb']:7.0f} MB, "
                    f"{result['seconds']:6.1f} s{files}",
                    flush=True,
                )
        if len(sources) >= 2:
            area_ratio = sizes[-1] / sizes[0]
            for kind, values in peaks.items():
                print(
                    f"ratio {kind:<12} largest/smallest peak RSS: {values[-1] / values[0]:5.2f}"
                    f"  (area ratio {area_ratio:g})"
                )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
