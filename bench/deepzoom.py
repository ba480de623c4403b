"""Deep-zoom benchmarks: the tiled viewer against a naive one, and our tiler against libvips.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.deepzoom [--markdown OUT.md] [--quick]

Not part of the test suite. Every figure is a ratio to a baseline measured in the same run,
and every measured thing runs in its own child process (``python -m bench.deepzoom --child
...``), which reports its own peak resident memory (``ru_maxrss``).

Inputs (set-up, not measured), made in a temporary folder:

- a ~230 MP JPEG (21600x10800): the shipped Schagen 1689 world map (accession BH-MAP-001,
  2700x1350, found with ``exhibition-app items list --json``) enlarged 8x per side, by
  ``bench.tiles_memory``'s ``_make`` in a child (Pillow bilinear resize, quality 85);
- a ~1 GP JPEG (44721x22361) made the same way;
- their IIIF tile pyramids, built with ``exhibition_app.imaging.tiles.build_tiles``.

``--quick`` uses 2x and 4x enlargements (~15 and ~58 MP) and one run of everything, as a
smoke test; its figures are not the ones the goals are about.

Figures:

1. First sharp view at 1920x1080 on the 230 MP map. Ours: a shown 1920x1080
   ``DeepZoomView``; the clock runs from ``set_pyramid(Pyramid.load(info.json))`` until
   ``is_sharp()`` (every visible tile of the sharp level decoded) and a forced
   ``repaint()``. Baseline: the naive viewer, ``QImage(path)`` of the whole JPEG (with
   Qt's 256 MB allocation limit lifted) drawn scaled (smooth) into a 1920x1080 QImage.
   Median of 3 runs, each in a fresh child. Goal: ours <= 100 ms and >= 20x faster.
2. Frame time along a scripted path (~150 steps: zoom in towards a point in 1.1x steps to
   1:1, pan right and down, a quarter turn with a pan and back, zoom out in 1.1x steps,
   then wheel-like 1.25x steps in to 200% and out again). Each step sets the view, then
   the synchronous ``repaint()`` is timed; the rest of a 60 Hz frame interval (16.7 ms)
   runs the event loop so tiles arrive as they would. Baseline: the naive viewer drawing
   the visible source rectangle of its decoded QImage into a 1920x1080 QImage with the
   same transform, per step. p50/p95 over the steps of all runs. Goal: p95 <= 16 ms.
3. Viewer peak RSS on the 1 GP map against the 230 MP map (same script, scaled to each
   image: the zoom range is from fit to 1:1 and 200% in both), each in its own child.
   Goal: within 10%. The naive viewer's peak RSS on the 230 MP map is given for
   contrast; on the 1 GP map it runs only if its decoded image fits in ~8 GB.
4. Pyramid build on the 230 MP JPEG: ``build_tiles`` against pyvips
   ``dzsave(layout="iiif3", tile_size=512, overlap=0, suffix=".jpg[Q=82]")`` from a
   sequential-access image, wall time and peak RSS, each in its own child. Goal: ours
   <= 1.0x its wall time and <= 1.5x its peak RSS. Skipped (with a note) when pyvips is
   not installed: ``pip install pyvips pyvips-binary`` (or ``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import child as child_process

ROOT = Path(__file__).resolve().parent.parent
SCREEN = (1920, 1080)
ACCESSION = "BH-MAP-001"
FRAME_S = 1 / 60
NAIVE_LIMIT_BYTES = 8 << 30  # do not try the naive viewer above ~8 GB of decoded pixels
SHARP_TIMEOUT_S = 120.0
CHILD_TIMEOUT_S = 900.0
FAKE_SHA256 = "0" * 64

# A step of the scripted path: centre x, centre y (full-resolution image pixels), zoom
# (screen pixels per image pixel) and rotation in quarter turns.
State = tuple[float, float, float, int]


# --------------------------------------------------------------------------- helpers


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1 << 20)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def scripted_path(width: int, height: int, screen: tuple[int, int] = SCREEN) -> list[State]:
    """The pan/zoom script, in image coordinates, for an image of ``width`` x ``height``."""
    sw, sh = screen
    fit = min(sw / width, sh / height)
    states: list[State] = []
    cx, cy, z, q = width / 2, height / 2, fit, 0

    def add() -> None:
        nonlocal cx, cy
        cx, cy = min(max(cx, 0.0), float(width)), min(max(cy, 0.0), float(height))
        states.append((cx, cy, z, q))

    def zoom_towards(px: float, py: float, factor: float, until: float) -> None:
        """Zoom in (factor > 1) or out keeping the image point (px, py) where it is."""
        nonlocal cx, cy, z
        while (z < until) if factor > 1 else (z > until):
            nz = min(until, z * factor) if factor > 1 else max(until, z * factor)
            cx, cy = px + (cx - px) * z / nz, py + (cy - py) * z / nz
            z = nz
            add()

    def pan(dx: float, dy: float, steps: int) -> None:
        """Move the view by (dx, dy) screen pixels per step (in image axes)."""
        nonlocal cx, cy
        for _ in range(steps):
            cx, cy = cx + dx / z, cy + dy / z
            add()

    zoom_towards(0.62 * width, 0.38 * height, 1.1, 1.0)  # into a harbour, to 1:1
    pan(48, 0, 40)  # a brisk drag to the right, 2880 px/s at 60 Hz
    pan(0, 32, 15)  # and down
    q = 1  # a quarter turn (R key), a pan while turned, and back
    add()
    pan(0, -48, 15)
    q = 0
    add()
    zoom_towards(cx, cy, 1 / 1.1, fit)  # back out to the whole map
    zoom_towards(0.3 * width, 0.6 * height, 1.25, 2.0)  # mouse wheel in to 200%
    zoom_towards(0.3 * width, 0.6 * height, 1 / 1.25, fit)  # and out again
    return states


def _load_path(path_json: Path) -> list[State]:
    return [
        (float(x), float(y), float(z), int(q)) for x, y, z, q in json.loads(path_json.read_text())
    ]


#: A tile cache budget both maps' paths fill (the memory row's second measure).
CAPPED_CACHE_MB = 128


def _child(*args: str, timeout: float = CHILD_TIMEOUT_S) -> dict[str, Any]:
    try:
        return child_process.run_child("bench.deepzoom", "--child", *args, timeout=timeout)
    except child_process.ChildFailed as exc:
        return {"error": str(exc)}


def _pump(app: Any, until: float) -> None:
    """Run the event loop until ``until`` (perf_counter), at least a few passes."""
    from PySide6.QtCore import QEventLoop, QTimer

    for _ in range(3):
        app.processEvents()
    remaining = until - time.perf_counter()
    if remaining > 0.001:
        loop = QEventLoop()
        QTimer.singleShot(max(1, round(remaining * 1000)), loop.quit)
        loop.exec()


# --------------------------------------------------------------------------- children


def child_view(info_json: Path, path_json: Path, cache_mb: str | None = None) -> None:
    """Ours: first sharp view, then the scripted path; report times and peak RSS (with the
    tile cache's budget ``cache_mb`` MiB when given, else the app's default)."""
    from PySide6.QtCore import QEventLoop, QPointF, QTimer
    from PySide6.QtWidgets import QApplication

    from exhibition_app.ui.deepzoom.pyramid import Pyramid
    from exhibition_app.ui.deepzoom.view import DeepZoomView

    app = QApplication(sys.argv[:1])
    view = DeepZoomView(int(cache_mb) * 2**20 if cache_mb else None)
    view.resize(*SCREEN)
    view.show()
    app.processEvents()
    tick = QTimer(interval=20)  # a backstop wake-up: waiting never outlives a lost event
    tick.start()

    start = time.perf_counter()
    view.set_pyramid(Pyramid.load(info_json))
    while not view.is_sharp():
        if time.perf_counter() - start > SHARP_TIMEOUT_S:
            print(json.dumps({"error": "the first view never became sharp"}))
            return
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    view.repaint()
    first_ms = (time.perf_counter() - start) * 1000
    first_tiles = len(view.cache)

    states = _load_path(path_json)
    frames, cpu, steps, sharp = [], [], [], 0
    for cx, cy, zoom, turns in states:
        begin = time.perf_counter()
        if turns != view.quarter_turns:
            view.rotate_quarter((turns - view.quarter_turns) % 4)
        view.set_view(QPointF(cx, cy), zoom)
        t = time.perf_counter()
        sharp += view.is_sharp()
        c = time.thread_time()
        view.repaint()
        end = time.perf_counter()
        cpu.append((time.thread_time() - c) * 1000)
        frames.append((end - t) * 1000)
        steps.append((end - begin) * 1000)
        _pump(app, begin + FRAME_S)
    size = (view.width(), view.height())
    print(
        json.dumps(
            {
                "first_ms": first_ms,
                "first_tiles": first_tiles,
                "frames_ms": frames,
                "cpu_ms": cpu,
                "steps_ms": steps,
                "sharp_frames": sharp,
                "cache_mb": view.cache.bytes / 1e6,
                "widget": size,
                "rss_mb": _peak_rss_mb(),
            }
        )
    )


def child_reduced(src: Path, _path_json: Path) -> None:
    """The fair baseline for a first view: ask the JPEG decoder for a screen-sized image
    (``QImageReader.setScaledSize``, which lets libjpeg decode at 1/2, 1/4 or 1/8 scale)
    and draw it. It shows the whole map at once, but nothing sharper than the screen."""
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QColor, QImage, QImageReader, QPainter
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    target = QImage(SCREEN[0], SCREEN[1], QImage.Format.Format_RGB32)
    background = QColor(0x1B, 0x1A, 0x17)
    app.processEvents()

    start = time.perf_counter()
    QImageReader.setAllocationLimit(0)
    reader = QImageReader(str(src))
    full = reader.size()
    fit = min(SCREEN[0] / full.width(), SCREEN[1] / full.height())
    reader.setScaledSize(QSize(round(full.width() * fit), round(full.height() * fit)))
    image = reader.read()
    if image.isNull():
        print(json.dumps({"error": f"QImageReader: {reader.errorString()}"}))
        return
    painter = QPainter(target)
    painter.fillRect(target.rect(), background)
    dw, dh = image.width(), image.height()
    painter.drawImage(QRectF((SCREEN[0] - dw) / 2, (SCREEN[1] - dh) / 2, dw, dh), image)
    painter.end()
    first_ms = (time.perf_counter() - start) * 1000
    print(json.dumps({"first_ms": first_ms, "image": (dw, dh), "rss_mb": _peak_rss_mb()}))


def child_naive(src: Path, path_json: Path) -> None:
    """The naive viewer: decode everything into one QImage and draw it scaled."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QTransform
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    target = QImage(SCREEN[0], SCREEN[1], QImage.Format.Format_RGB32)
    background = QColor(0x1B, 0x1A, 0x17)
    app.processEvents()

    start = time.perf_counter()
    QImageReader.setAllocationLimit(0)  # Qt refuses images over 256 MB by default
    image = QImage(str(src))
    if image.isNull():
        print(json.dumps({"error": "QImage could not load the image", "rss_mb": _peak_rss_mb()}))
        return
    w, h = image.width(), image.height()
    fit = min(SCREEN[0] / w, SCREEN[1] / h)
    painter = QPainter(target)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.fillRect(target.rect(), background)
    dw, dh = w * fit, h * fit
    painter.drawImage(
        QRectF((SCREEN[0] - dw) / 2, (SCREEN[1] - dh) / 2, dw, dh), image, QRectF(image.rect())
    )
    painter.end()
    first_ms = (time.perf_counter() - start) * 1000

    states = _load_path(path_json)
    bounds = QRectF(image.rect())
    screen = QRectF(0, 0, *SCREEN)
    frames = []
    for cx, cy, zoom, turns in states:
        t = time.perf_counter()
        transform = QTransform()
        transform.translate(SCREEN[0] / 2, SCREEN[1] / 2)
        transform.rotate(90 * turns)
        transform.scale(zoom, zoom)
        transform.translate(-cx, -cy)
        inverted, _ok = transform.inverted()
        source = inverted.mapRect(screen).intersected(bounds)
        painter = QPainter(target)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(target.rect(), background)
        painter.setTransform(transform)
        if not source.isEmpty():
            painter.drawImage(source, image, source)
        painter.end()
        frames.append((time.perf_counter() - t) * 1000)
    print(
        json.dumps(
            {
                "first_ms": first_ms,
                "frames_ms": frames,
                "image": (w, h),
                "rss_mb": _peak_rss_mb(),
            }
        )
    )


def child_build(src: Path, dest: Path) -> None:
    """Ours: build the tile pyramid as the app does (it already knows the source's hash)."""
    from exhibition_app.imaging.tiles import build_tiles

    start = time.perf_counter()
    info = build_tiles(src, dest, source_sha256=FAKE_SHA256)
    seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "seconds": seconds,
                "files": info.files,
                "info": str(info.path),
                "size": (info.width, info.height),
                "rss_mb": _peak_rss_mb(),
            }
        )
    )


def child_vips(src: Path, dest: Path) -> None:
    """libvips ``dzsave`` to the same layout, tile size and JPEG quality."""
    try:
        import pyvips
    except ImportError as exc:  # pragma: no cover - reported by the parent
        print(json.dumps({"error": f"pyvips is not importable: {exc}"}))
        return
    start = time.perf_counter()
    image = pyvips.Image.new_from_file(str(src), access="sequential")
    image.dzsave(str(dest), layout="iiif3", tile_size=512, overlap=0, suffix=".jpg[Q=82]")
    seconds = time.perf_counter() - start
    files = sum(1 for _ in dest.rglob("*.jpg")) if dest.is_dir() else 0
    print(
        json.dumps(
            {
                "seconds": seconds,
                "files": files,
                "libvips": f"{pyvips.version(0)}.{pyvips.version(1)}.{pyvips.version(2)}",
                "concurrency": pyvips.concurrency_get(),
                "rss_mb": _peak_rss_mb(),
            }
        )
    )


def run_child(kind: str, rest: list[str]) -> None:
    a, b = Path(rest[0]), Path(rest[1])
    if kind == "view" and len(rest) > 2:
        child_view(a, b, rest[2])
        return
    children: dict[str, Callable[[Path, Path], None]] = {
        "view": child_view,
        "naive": child_naive,
        "reduced": child_reduced,
        "build": child_build,
        "vips": child_vips,
    }
    children[kind](a, b)


# --------------------------------------------------------------------------- parent


@dataclass
class Row:
    benchmark: str
    baseline: str
    ours: str
    ratio: str
    goal: str
    met: bool | None  # None: no goal, or not measured

    def verdict(self) -> str:
        if self.met is None:
            return ""
        return "met" if self.met else "MISSED"


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, row: Row) -> None:
        self.rows.append(row)
        verdict = f" [{row.verdict()}]" if row.verdict() else ""
        print(
            f"{row.benchmark}: baseline {row.baseline}; ours {row.ours}; {row.ratio} "
            f"(goal {row.goal}){verdict}",
            flush=True,
        )

    def markdown(self) -> str:
        lines = [
            "## Deep zoom",
            "",
            "| benchmark | baseline | ours | ratio | goal |",
            "| --- | --- | --- | --- | --- |",
        ]
        for r in self.rows:
            goal = f"{r.goal} ({r.verdict()})" if r.verdict() else r.goal
            lines.append(f"| {r.benchmark} | {r.baseline} | {r.ours} | {r.ratio} | {goal} |")
        lines += ["", "Notes"]
        lines += [f"- {note}" for note in self.notes]
        return "\n".join(lines) + "\n"


def _schagen() -> Path:
    """The shipped Schagen map's file, as the catalogue lists it."""
    exe = Path(sys.executable).parent / "exhibition-app"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "exhibition_app"]
    out = subprocess.run(
        [*command, "items", "list", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    data = json.loads(out.stdout)
    items = data if isinstance(data, list) else data.get("items", [])
    for item in items:
        if item.get("accession_number") == ACCESSION and item.get("media"):
            return Path(item["media"][0]["path"])
    raise SystemExit(f"{ACCESSION} is not in the catalogue: run from the repository root")


def _make_source(dest: Path, megapixels: float) -> tuple[int, int]:
    """Enlarge the map scan in a child, with bench.tiles_memory's maker."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.tiles_memory", "--child", "make", str(dest), str(megapixels)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=CHILD_TIMEOUT_S,
    )
    dims = json.loads(out.stdout.strip().splitlines()[-1])
    return int(dims["width"]), int(dims["height"])


def _mem_available() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _each(results: list[dict[str, Any]], key: str, unit: str) -> str:
    return ", ".join(f"{r[key]:,.0f}" for r in results) + f" {unit}"


def _faster(baseline: float, ours: float) -> str:
    if ours <= baseline:
        return f"{baseline / ours:.1f}x faster"
    return f"{ours / baseline:.1f}x slower"


def _mp(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]} ({size[0] * size[1] / 1e6:.0f} MP)"


def _check(results: list[dict[str, Any]], what: str) -> list[dict[str, Any]]:
    errors = [r["error"] for r in results if "error" in r]
    if errors:
        raise SystemExit(f"{what} failed: {errors[0]}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--markdown", type=Path, help="write the markdown section here")
    parser.add_argument("--quick", action="store_true", help="small inputs, one run: smoke test")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args.child[0], args.child[1:])
        return

    total_start = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    runs = 1 if args.quick else 3
    per_side = (2, 4) if args.quick else (8, 16.5635)  # 16.56^2 x 3.645 MP ~ 1 GP
    scan = _schagen()
    from PIL import Image

    with Image.open(scan) as im:
        scan_size = im.size
    from bench import tiles_memory
    from exhibition_app.ui.deepzoom.tiles import DEFAULT_CACHE_BYTES

    if scan.resolve() != tiles_memory.MAP_SCAN.resolve():
        raise SystemExit(f"{ACCESSION} is {scan}, not the scan bench.tiles_memory enlarges")
    scan_mp = scan_size[0] * scan_size[1] / 1e6
    report = Report()

    with tempfile.TemporaryDirectory(prefix="deepzoom-bench-") as tmp:
        work = Path(tmp)
        # -- set-up (not measured) ------------------------------------------------------
        sources: dict[str, tuple[Path, tuple[int, int], Path, Path]] = {}
        for name, factor in zip(("small", "large"), per_side, strict=True):
            src = work / f"{name}.jpg"
            t = time.perf_counter()
            size = _make_source(src, scan_mp * factor * factor)
            made = time.perf_counter() - t
            t = time.perf_counter()
            built = _child("build", str(src), str(work / f"tiles-{name}"))
            if "error" in built:
                raise SystemExit(f"set-up build failed: {built['error']}")
            print(
                f"set-up (not measured): {_mp(size)} JPEG of {src.stat().st_size / 1e6:.0f} MB "
                f"in {made:.1f} s, its pyramid ({built['files']} tiles) in "
                f"{time.perf_counter() - t:.1f} s",
                flush=True,
            )
            path_json = work / f"path-{name}.json"
            path_json.write_text(json.dumps(scripted_path(*size)))
            sources[name] = (src, size, path_json, Path(built["info"]))
        small_src, small_size, small_path, small_info = sources["small"]
        large_src, large_size, large_path, large_info = sources["large"]
        steps = len(json.loads(small_path.read_text()))

        # -- 1 and 2: ours and the naive viewer on the ~230 MP map, alternating ----------
        ours: list[dict[str, Any]] = []
        naive: list[dict[str, Any]] = []
        reduced: list[dict[str, Any]] = []
        for _ in range(runs):
            ours.append(_child("view", str(small_info), str(small_path)))
            naive.append(_child("naive", str(small_src), str(small_path)))
            reduced.append(_child("reduced", str(small_src), str(small_path)))
        _check(ours, "the deep-zoom viewer")
        _check(naive, "the naive viewer")
        _check(reduced, "the reduced decode")
        first_ours = statistics.median(r["first_ms"] for r in ours)
        first_naive = statistics.median(r["first_ms"] for r in naive)
        first_reduced = statistics.median(r["first_ms"] for r in reduced)
        report.add(
            Row(
                f"first sharp view at 1920x1080, {_mp(small_size)} map (median of {runs})",
                f"reduced decode (QImageReader.setScaledSize) + draw {first_reduced:,.0f} ms",
                f"{first_ours:.0f} ms",
                _faster(first_reduced, first_ours),
                "<= 100 ms and faster than the reduced decode",
                first_ours <= 100 and first_ours < first_reduced,
            )
        )
        report.add(
            Row(
                f"first sharp view, {_mp(small_size)} map: full decode (contrast)",
                f"naive full decode + scaled draw {first_naive:,.0f} ms",
                f"{first_ours:.0f} ms",
                _faster(first_naive, first_ours),
                "none",
                None,
            )
        )
        frames_ours = [f for r in ours for f in r["frames_ms"]]
        frames_naive = [f for r in naive for f in r["frames_ms"]]
        p95_ours, p95_naive = pct(frames_ours, 0.95), pct(frames_naive, 0.95)
        report.add(
            Row(
                f"frame time p50 / p95, {steps}-step pan/zoom path x {runs}, {_mp(small_size)}",
                f"naive draw of the decoded image p50 {pct(frames_naive, 0.5):.1f} ms, "
                f"p95 {p95_naive:.1f} ms",
                f"p50 {pct(frames_ours, 0.5):.1f} ms, p95 {p95_ours:.1f} ms",
                _faster(p95_naive, p95_ours) + " (p95)",
                "p95 <= 16 ms",
                p95_ours <= 16,
            )
        )
        sharp = sum(r["sharp_frames"] for r in ours) / len(frames_ours)
        cpu_ours = [c for r in ours for c in r.get("cpu_ms", [])]
        cpu_note = (
            f" The painting thread's own CPU time per frame (`time.thread_time`): p50 "
            f"{pct(cpu_ours, 0.5):.1f} ms, p95 {pct(cpu_ours, 0.95):.1f} ms; the rest of the "
            "wall time is waiting for a core (tile decoders and other processes)."
            if cpu_ours
            else ""
        )
        steps_p95 = pct([s for r in ours for s in r["steps_ms"]], 0.95)

        # -- 3: peak RSS, 1 GP against 230 MP -------------------------------------------
        big = _check(
            [_child("view", str(large_info), str(large_path)) for _ in range(runs)],
            "the deep-zoom viewer on the large map",
        )
        rss_small = statistics.median(r["rss_mb"] for r in ours)
        rss_large = statistics.median(r["rss_mb"] for r in big)
        growth = rss_large / rss_small
        report.add(
            Row(
                f"viewer peak RSS, {_mp(large_size)} vs {_mp(small_size)}, same script",
                f"on {_mp(small_size)}: {rss_small:.0f} MB",
                f"on {_mp(large_size)}: {rss_large:.0f} MB",
                f"{growth:.2f}x",
                "within 10% (<= 1.10x)",
                growth <= 1.10,
            )
        )
        # The default budget (256 MiB) fills on the 1 GP map's longer path (its zoom range
        # is deeper: more steps, more tiles seen) and not on the smaller map's; with a
        # budget both paths fill, what is left is what grows with the image's area.
        capped_small, capped_large = (
            _check(
                [_child("view", str(info), str(path), str(CAPPED_CACHE_MB)) for _ in range(runs)],
                f"the viewer with a {CAPPED_CACHE_MB} MiB tile cache",
            )
            for info, path in ((small_info, small_path), (large_info, large_path))
        )
        cap_small = statistics.median(r["rss_mb"] for r in capped_small)
        cap_large = statistics.median(r["rss_mb"] for r in capped_large)
        report.add(
            Row(
                f"viewer peak RSS, {_mp(large_size)} vs {_mp(small_size)}, same script, "
                f"tile cache {CAPPED_CACHE_MB} MiB (filled on both; cache at the end "
                f"{statistics.median(r['cache_mb'] for r in capped_small):.0f} and "
                f"{statistics.median(r['cache_mb'] for r in capped_large):.0f} MB)",
                f"on {_mp(small_size)}: {cap_small:.0f} MB",
                f"on {_mp(large_size)}: {cap_large:.0f} MB",
                f"{cap_large / cap_small:.2f}x",
                "within 10% (<= 1.10x)",
                cap_large / cap_small <= 1.10,
            )
        )
        naive_rss = statistics.median(r["rss_mb"] for r in naive)
        report.add(
            Row(
                f"naive viewer peak RSS, {_mp(small_size)} map (contrast)",
                f"naive viewer {naive_rss:,.0f} MB",
                f"{rss_small:.0f} MB",
                f"naive uses {naive_rss / rss_small:.1f}x ours",
                "none",
                None,
            )
        )
        need = large_size[0] * large_size[1] * 4
        available = _mem_available()
        if need > NAIVE_LIMIT_BYTES or (available is not None and need > 0.8 * available):
            naive_large_note = (
                f"The naive viewer was not run on the {_mp(large_size)} map: its decoded "
                f"image alone needs {need / 2**30:.1f} GiB (limit ~8 GiB, or 80% of the "
                "memory available)."
            )
            print(f"naive viewer on {_mp(large_size)}: skipped ({need / 2**30:.1f} GiB)")
        else:
            naive_big = _child("naive", str(large_src), str(large_path))
            if "error" in naive_big:
                naive_large_note = (
                    f"The naive viewer on the {_mp(large_size)} map failed: "
                    f"{naive_big['error']} (peak RSS {naive_big.get('rss_mb', 0):,.0f} MB)."
                )
            else:
                naive_large_note = (
                    f"The naive viewer on the {_mp(large_size)} map (one run): peak RSS "
                    f"{naive_big['rss_mb']:,.0f} MB, first view {naive_big['first_ms']:,.0f} "
                    f"ms, frame p95 {pct(naive_big['frames_ms'], 0.95):.1f} ms; ours there: "
                    f"{rss_large:.0f} MB, first sharp view "
                    f"{statistics.median(r['first_ms'] for r in big):.0f} ms, frame p95 "
                    f"{pct([f for r in big for f in r['frames_ms']], 0.95):.1f} ms."
                )
            print(naive_large_note, flush=True)

        # -- 4: pyramid build against libvips dzsave --------------------------------------
        try:
            import pyvips  # noqa: F401
        except ImportError:
            have_vips = False
        else:
            have_vips = True
        vips_note = ""
        if not have_vips:
            line = (
                "pyramid build vs pyvips dzsave: skipped, pyvips is not installed "
                "(enable with: .venv/bin/pip install pyvips pyvips-binary)"
            )
            print(line, flush=True)
            report.rows.append(
                Row("pyramid build vs pyvips dzsave", "skipped", "skipped", "-", "-", None)
            )
            vips_note = line + "."
        else:
            builds, vipses = [], []
            for i in range(runs):
                dest = work / f"bench-ours-{i}"
                builds.append(_child("build", str(small_src), str(dest)))
                shutil.rmtree(dest, ignore_errors=True)
                dest = work / f"bench-vips-{i}"
                vipses.append(_child("vips", str(small_src), str(dest)))
                shutil.rmtree(dest, ignore_errors=True)
            _check(builds, "build_tiles")
            _check(vipses, "pyvips dzsave")
            t_ours = statistics.median(r["seconds"] for r in builds)
            t_vips = statistics.median(r["seconds"] for r in vipses)
            m_ours = statistics.median(r["rss_mb"] for r in builds)
            m_vips = statistics.median(r["rss_mb"] for r in vipses)
            report.add(
                Row(
                    f"pyramid build wall time, {_mp(small_size)} JPEG (median of {runs})",
                    f"pyvips dzsave {t_vips:.1f} s",
                    f"build_tiles {t_ours:.1f} s",
                    f"{t_ours / t_vips:.2f}x its time",
                    "<= 1.0x",
                    t_ours <= t_vips,
                )
            )
            report.add(
                Row(
                    f"pyramid build peak RSS, {_mp(small_size)} JPEG (median of {runs})",
                    f"pyvips dzsave {m_vips:.0f} MB",
                    f"build_tiles {m_ours:.0f} MB",
                    f"{m_ours / m_vips:.2f}x its RSS",
                    "<= 1.5x",
                    m_ours <= 1.5 * m_vips,
                )
            )
            vips_note = (
                f"Pyramid build: libvips {vipses[0]['libvips']} (pyvips-binary) with its "
                f"default {vipses[0]['concurrency']} worker threads wrote "
                f"{vipses[0]['files']} tiles; build_tiles (single-threaded) wrote "
                f"{builds[0]['files']} (it also writes the IIIF `full/` sizes). Both read the "
                "same source from a warm page cache; build_tiles is given the source hash, as "
                "the app does."
            )

    elapsed = time.perf_counter() - total_start
    missed = [r.benchmark for r in report.rows if r.met is False]
    report.notes += [
        "Set-up, not measured: the inputs are the shipped Schagen 1689 world map "
        f"({ACCESSION}, {scan_size[0]}x{scan_size[1]} JPEG) enlarged "
        f"{per_side[0]:g}x per side to {_mp(small_size)} and {per_side[1]:.3g}x per side to "
        f"{_mp(large_size)} (Pillow bilinear resize, JPEG quality 85, by "
        "`bench.tiles_memory`'s maker in a child process), and their tile pyramids built "
        "with `build_tiles` (512 px tiles, quality 82), all in a temporary folder.",
        "Every measured thing ran in its own child process (fresh Python and Qt, Qt "
        "offscreen platform, a 1920x1080 widget or target image); peak RSS is the child's "
        "own `ru_maxrss`. The files were just written, so all reads are from a warm page "
        "cache, for ours and the baselines alike.",
        "First sharp view: the clock starts after the window is shown, at "
        "`set_pyramid(Pyramid.load(info.json))`, and stops after `is_sharp()` and a forced "
        f"`repaint()` ({ours[0]['first_tiles']} tiles decoded on the Qt thread pool). The "
        "naive viewer decodes the whole JPEG with `QImage(path)` (allocation limit lifted) "
        "and draws it smoothly scaled into a 1920x1080 QImage. Each run: ours "
        + _each(ours, "first_ms", "ms")
        + "; naive "
        + _each(naive, "first_ms", "ms")
        + ".",
        f"Frame time: {steps} steps on the {_mp(small_size)} map (zoom in 1.1x steps to 1:1 "
        "towards a point, pan 40 steps right and 15 down, a quarter turn with a 15-step pan "
        "and back, zoom out in 1.1x steps, 1.25x wheel steps to 200% and out); the timed "
        "part is the synchronous `repaint()`, and the rest of each 16.7 ms frame runs the "
        f"event loop so tiles arrive. {sharp:.0%} of our frames were painted with every "
        "visible tile of the sharp level in memory (the rest show the coarser levels until "
        f"it arrives). With `set_view` (which requests tiles) included, our p95 is "
        f"{steps_p95:.1f} ms. The naive viewer draws the visible source rectangle of its "
        "decoded QImage with the same transform and smooth scaling, into a 1920x1080 QImage."
        + cpu_note,
        "Peak RSS: the same script on each map (fit to 1:1 and 200%, so the larger map takes "
        f"a few more zoom steps); ours keeps decoded tiles in a "
        f"{DEFAULT_CACHE_BYTES >> 20} MB LRU cache (it held "
        + _each(ours, "cache_mb", "MB")
        + f" at the end on {_mp(small_size)}, "
        + _each(big, "cache_mb", "MB")
        + f" on {_mp(large_size)}; tiles on screen are never evicted, so it may pass its "
        "budget). Peak RSS of each run: "
        + _each(ours, "rss_mb", "MB")
        + f" on {_mp(small_size)}, "
        + _each(big, "rss_mb", "MB")
        + f" on {_mp(large_size)}. "
        + naive_large_note,
        vips_note,
        f"Whole run: {elapsed / 60:.1f} min"
        + (
            " (--quick: small inputs, one run; not the figures the goals are about)."
            if args.quick
            else "."
        ),
    ]
    if missed:
        report.notes.append("Goals missed in this run: " + "; ".join(missed) + ".")
    for note in report.notes[-2:]:
        print(note)
    if args.markdown:
        args.markdown.write_text(report.markdown(), encoding="utf-8")
        print(f"wrote {args.markdown}")


if __name__ == "__main__":
    main()
