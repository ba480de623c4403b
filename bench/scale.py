"""How the catalogue's everyday reads grow from 10,000 to 1,000,000 items.

    .venv/bin/python -m bench.scale [--sizes 10000,100000,1000000] [--pg-sizes 10000,100000]
                                    [--markdown FILE]

Set-up (not measured): a catalogue of N generated items in four languages (the search
benchmark's generator: titles in en, kk, ru, mn, an English description, all published) on
SQLite; for PostgreSQL the same catalogue is copied with ``exhibition-app copy-to`` into a
throwaway cluster (tools/pg_cluster.py). Each figure is measured in a child process of its
own (a cold Python heap, a warm page cache):

* kiosk gallery open: the gallery window reading published items (as the kiosk does), from
  its creation to its rows on screen painted with their whole cards (``is_settled``), on a
  catalogue already open;
* curator item list: the curator workspace, from its creation to its list filled, the rows on
  screen whole and the first item in the editor;
* search p50/p95 over the search benchmark's 20 queries x 5 rounds (first page of 50);
* on SQLite at the largest size, `export csv` wall time and its peak memory growth.

Goals (issue 16): at 100,000 items gallery and list <= 1 s and search p95 <= 10 ms on both
engines; at 1,000,000 on SQLite search p95 <= 50 ms and the export in flat memory.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, statistics, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])

def status_mb(key):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0

what, url, assets = sys.argv[2], sys.argv[3], sys.argv[4]
from exhibition_app.catalog import Catalog
catalog = Catalog.open(url, assets, create=False)
out = {}
if what == "gallery":
    # The real windows, offscreen, on a catalogue already open (what a running kiosk does when
    # a curator publishes; the first open also imports SQLAlchemy, the same at every size).
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from exhibition_app.ui.app import make_app
    from exhibition_app.ui.curator.window import CuratorWindow
    from exhibition_app.ui.i18n import Language
    from exhibition_app.ui.main_window import MainWindow

    class KioskGallery(MainWindow):
        published_only = True  # what the kiosk reads

    app = make_app(sys.argv[:1])
    tick = QTimer(interval=10)
    tick.start()

    def settle(done):
        end = time.perf_counter() + 600
        while not done() and time.perf_counter() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    for key, make, ready in (
        ("gallery_s", lambda: KioskGallery(lambda: catalog, Language("en")),
         lambda w: w.is_settled()),
        ("list_s", lambda: CuratorWindow(lambda: catalog, Language("en"), ask_sign_in=False),
         # not is_settled(): that also waits for the day's backup the workspace starts
         lambda w: w._loaded and w.current_id is not None and not w.item_list.is_loading()),
    ):
        times = []
        for _ in range(3):
            t = time.perf_counter()
            win = make()
            win.resize(1280, 800)
            win.show()
            settle(lambda: ready(win))
            win.repaint()  # the rows on screen painted, whole
            times.append(time.perf_counter() - t)
            rows = win.model.rowCount() if key == "gallery_s" else win.item_list.rowCount()
            # What the window started after (the curator's daily backup of the catalogue)
            # ends before the next run starts, not during it.
            settle(lambda: win.tasks.pending == 0)
            win.close()
            win.deleteLater()
            app.processEvents()
        out[key] = statistics.median(times)
        out["cards" if key == "gallery_s" else "rows"] = rows
    from exhibition_app.operations.gallery_reads import read_gallery
    t = time.perf_counter()
    data = read_gallery(catalog)
    whole = [c for c in data.items.values() if c.complete]
    out["read_s"] = time.perf_counter() - t  # the read alone, all items (light above 2,000)
elif what == "search":
    from bench.__main__ import QUERIES, pct
    from exhibition_app.operations.gallery_reads import find_item_ids
    for q in QUERIES:
        find_item_ids(catalog, q, limit=50)
    ms = []
    for _ in range(5):
        for q in QUERIES:
            t = time.perf_counter()
            find_item_ids(catalog, q, limit=50)
            ms.append((time.perf_counter() - t) * 1000)
    out = {"p50_ms": pct(ms, 0.5), "p95_ms": pct(ms, 0.95), "queries": len(ms)}
elif what == "export":
    from exhibition_app.operations.csv_io import export_csv
    Path("/proc/self/clear_refs").write_text("5")
    before = status_mb("VmRSS")
    t = time.perf_counter()
    with catalog.read_session() as session:
        count = export_csv(session, Path(sys.argv[5]))
    out = {"export_s": time.perf_counter() - t, "grew_mb": status_mb("VmHWM") - before,
           "rows": count, "size_mb": Path(sys.argv[5]).stat().st_size / 2**20}
catalog.close()
print(json.dumps(out))
"""


def _child(*args: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=3600,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"bench.scale child {args[0]} failed:\n{proc.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _build(path: Path, n: int) -> float:
    sys.path.insert(0, str(ROOT))
    from bench.__main__ import build_search_catalogue

    start = time.perf_counter()
    build_search_catalogue(path, n)
    return time.perf_counter() - start


def measure(url: str, assets: Path, export_to: Path | None) -> dict[str, Any]:
    figures = {**_child("gallery", url, str(assets)), **_child("search", url, str(assets))}
    if export_to is not None:
        figures |= _child("export", url, str(assets), str(export_to))
    return figures


def _copy_to_pg(db: Path, url: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [sys.executable, "-m", "exhibition_app", "--catalog", str(db), "copy-to", url],
        check=True,
        env=env,
        capture_output=True,
        timeout=3600,
    )


def markdown(runs: list[dict[str, Any]]) -> str:
    from bench.__main__ import _met

    lines = [
        "## Scale: 10,000 to 1,000,000 items",
        "",
        "Command: `python -m bench.scale` (generated items in four languages; each figure in a "
        "child process of its own; baseline: the same figure at 10,000 items)",
        "",
        "| benchmark | baseline | ours | ratio | goal | met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    by_engine: dict[str, list[dict[str, Any]]] = {}
    for run in runs:
        by_engine.setdefault(run["engine"], []).append(run)
    for engine, group in by_engine.items():
        base = group[0]
        for run in group:
            n = run["items"]
            big = n >= 1_000_000
            for key, label, goal, limit in (
                ("gallery_s", "kiosk gallery open", "<= 1 s at 100,000", 1.0),
                ("list_s", "curator item list", "<= 1 s at 100,000", 1.0),
            ):
                applies = n == 100_000
                lines.append(
                    f"| {label}, {n:,} items, {engine} | {base['items']:,} items: "
                    f"{base[key]:.2f} s | {run[key]:.2f} s | {run[key] / base[key]:.1f}x | "
                    f"{goal if applies else 'none (growth)'} | "
                    f"{_met(run[key] <= limit) if applies else '-'} |"
                )
            goal_ms = 50.0 if big else 10.0
            applies = n >= 100_000
            lines.append(
                f"| search p50 / p95, {n:,} items, {engine} | {base['items']:,} items: p95 "
                f"{base['p95_ms']:.2f} ms | p50 {run['p50_ms']:.2f} ms, p95 {run['p95_ms']:.2f} ms "
                f"| {run['p95_ms'] / base['p95_ms']:.1f}x | "
                f"{f'p95 <= {goal_ms:.0f} ms' if applies else 'none (growth)'} | "
                f"{_met(run['p95_ms'] <= goal_ms) if applies else '-'} |"
            )
            if "export_s" in run:
                lines.append(
                    f"| export csv, {n:,} items, {engine}: peak memory growth | file of "
                    f"{run['size_mb']:.0f} MB | {run['grew_mb']:.1f} MB in {run['export_s']:.1f} s "
                    f"| {run['grew_mb'] / run['size_mb']:.3f}x the file | flat (< 64 MB) | "
                    f"{_met(run['grew_mb'] < 64)} |"
                )
    notes = [
        f"- {r['engine']} {r['items']:,} items: generated in {r['build_s']:.0f} s"
        + (f", copied to PostgreSQL in {r['copy_s']:.0f} s" if "copy_s" in r else "")
        for r in runs
    ]
    return "\n".join([*lines, "", "Notes", *notes]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--pg-sizes", default="10000,100000")
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    pg_sizes = [int(s) for s in args.pg_sizes.split(",") if s]
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="scale-bench-") as tmp:
        work = Path(tmp)
        cluster = None
        if pg_sizes:
            sys.path.insert(0, str(ROOT / "tools"))
            from pg_cluster import ClusterUnavailable, PgCluster

            try:
                cluster = PgCluster().start()
            except ClusterUnavailable as exc:
                print(f"PostgreSQL unavailable: {exc}", flush=True)
        try:
            for n in sorted(set(sizes) | set(pg_sizes)):
                db = work / f"scale-{n}.db"
                print(f"scale: generating {n:,} items ...", flush=True)
                build_s = _build(db, n)
                assets = work / "search-assets"
                if n in sizes:
                    export = work / "export.csv" if n == max(sizes) else None
                    figures = measure(str(db), assets, export)
                    runs.append({"engine": "SQLite", "items": n, "build_s": build_s, **figures})
                    print(f"  SQLite {n:,}: {json.dumps(figures)}", flush=True)
                    if export is not None:
                        export.unlink(missing_ok=True)
                if n in pg_sizes and cluster is not None:
                    url = cluster.create_database(f"scale_{n}")
                    start = time.perf_counter()
                    _copy_to_pg(db, url)
                    copy_s = time.perf_counter() - start
                    figures = measure(url, assets, None)
                    runs.append(
                        {
                            "engine": "PostgreSQL",
                            "items": n,
                            "build_s": build_s,
                            "copy_s": copy_s,
                            **figures,
                        }
                    )
                    print(f"  PostgreSQL {n:,}: {json.dumps(figures)}", flush=True)
                    cluster.drop_database(f"scale_{n}")
                db.unlink()
                shutil.rmtree(assets, ignore_errors=True)
        finally:
            if cluster is not None:
                cluster.stop()
    runs.sort(key=lambda r: (r["engine"] != "SQLite", r["items"]))
    text = markdown(runs)
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
