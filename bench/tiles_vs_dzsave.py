"""Pyramid build only: ``build_tiles`` against libvips ``dzsave`` on one JPEG (issue 16).

    .venv/bin/python -m bench.tiles_vs_dzsave SOURCE.jpg [RUNS]

The comparison of ``python -m bench.deepzoom`` (its ``child_build`` and ``child_vips``,
each in a process of its own, alternating), without the rest of that long benchmark:
prints each run and the medians of wall time and peak RSS, and their ratios. The bar of
issue 16 is the 233 MP Schagen enlargement (21600x10800, quality 85): ours <= 1.0x the
wall time and <= 1.5x the peak RSS of dzsave. Needs pyvips (``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from bench import child as child_process


def main(argv: list[str]) -> None:
    if not argv:
        raise SystemExit(__doc__)
    src = Path(argv[0]).resolve()
    runs = int(argv[1]) if len(argv) > 1 else 3
    results: dict[str, list[dict[str, float]]] = {"build": [], "vips": []}
    with tempfile.TemporaryDirectory(prefix="tiles-vs-dzsave-") as tmp:
        for i in range(runs):
            for kind in ("build", "vips"):
                dest = Path(tmp) / f"{kind}-{i}"
                result = child_process.run_child(
                    "bench.deepzoom", "--child", kind, str(src), str(dest), timeout=900
                )
                if "error" in result:
                    raise SystemExit(f"{kind}: {result['error']}")
                results[kind].append(result)
                print(f"{kind:5s} run {i}: {result['seconds']:.2f} s, {result['rss_mb']:.0f} MB")
                shutil.rmtree(dest, ignore_errors=True)
    seconds = {k: statistics.median(r["seconds"] for r in v) for k, v in results.items()}
    rss = {k: statistics.median(r["rss_mb"] for r in v) for k, v in results.items()}
    print(
        f"medians of {runs}: build_tiles {seconds['build']:.2f} s {rss['build']:.0f} MB, "
        f"dzsave {seconds['vips']:.2f} s {rss['vips']:.0f} MB: "
        f"{seconds['build'] / seconds['vips']:.2f}x its time, "
        f"{rss['build'] / rss['vips']:.2f}x its RSS"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
