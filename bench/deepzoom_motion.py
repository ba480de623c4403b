"""Frame times on bench.deepzoom's scripted pan/zoom path, with and without fast motion.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.deepzoom_motion INFO_JSON [--runs 3]

Not part of the test suite. Both modes run in the same process, alternating run by run on
the same tile set, so machine load hits them alike: ``smooth`` scales tiles smoothly on
every frame (as the viewer did), ``fast`` draws without smoothing while the view moves
(`DeepZoomView.fast_motion`, the smooth repaint follows once it is still). Each step sets
the view and times the synchronous ``repaint()``: wall time, and the process CPU time it
took (Qt's raster engine scales on several threads; tile decoding on the pool runs
meanwhile, so CPU figures include some of it). p50/p95 over the steps of all runs.

With ``--profile`` the last run of each mode is profiled (cProfile, by own time).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from bench.deepzoom import FRAME_S, _pump, pct, scripted_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("info_json", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QPointF, QTimer
    from PySide6.QtWidgets import QApplication

    from exhibition_app.ui.deepzoom.pyramid import Pyramid
    from exhibition_app.ui.deepzoom.view import DeepZoomView

    app = QApplication(sys.argv[:1])
    pyramid = Pyramid.load(args.info_json)
    states = scripted_path(pyramid.width, pyramid.height)
    print(f"{len(states)}-step path over {pyramid.width}x{pyramid.height}, {args.runs} runs")
    wall: dict[str, list[float]] = {"smooth": [], "fast": []}
    cpu: dict[str, list[float]] = {"smooth": [], "fast": []}
    for run in range(args.runs):
        for mode in wall:
            view = DeepZoomView()
            view.resize(1920, 1080)
            view.show()
            view.fast_motion = mode == "fast"
            tick = QTimer(interval=20)  # a backstop wake-up
            tick.start()
            view.set_pyramid(pyramid)
            while not view.is_sharp():
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            view.repaint()
            profile = cProfile.Profile() if args.profile and run == args.runs - 1 else None
            for cx, cy, zoom, turns in states:
                begin = time.perf_counter()
                if turns != view.quarter_turns:
                    view.rotate_quarter((turns - view.quarter_turns) % 4)
                view.set_view(QPointF(cx, cy), zoom)
                t, c = time.perf_counter(), time.process_time()
                if profile:
                    profile.enable()
                view.repaint()
                if profile:
                    profile.disable()
                wall[mode].append((time.perf_counter() - t) * 1000)
                cpu[mode].append((time.process_time() - c) * 1000)
                _pump(app, begin + FRAME_S)
            if profile:
                print(f"-- profile, {mode}")
                pstats.Stats(profile).sort_stats("tottime").print_stats(8)
            tick.stop()
            view.close()
            view.deleteLater()
            app.processEvents()
    for mode in wall:
        w, c = wall[mode], cpu[mode]
        print(
            f"{mode}: wall p50 {pct(w, 0.5):.1f} ms, p95 {pct(w, 0.95):.1f} ms; "
            f"CPU p50 {pct(c, 0.5):.1f} ms, p95 {pct(c, 0.95):.1f} ms (n={len(w)})"
        )


if __name__ == "__main__":
    main()
