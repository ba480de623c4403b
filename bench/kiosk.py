"""Visitor kiosk benchmarks: start-up, gallery scrolling at 10,000 items, and a leak check.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.kiosk [--markdown OUT.md] [--quick]
    (or: make bench PARTS=kiosk)

Not part of the test suite. Every measured thing runs in its own child process
(``python -m bench.kiosk_probe ...``, Qt offscreen, a 1920x1080 kiosk window), and every
figure has a baseline measured in the same run:

1. Start-up: wall time from spawning the process to the attract screen's first paint with
   its first slide and the slide's picture decoded (from the first-screen cache, or the
   catalogue's read if that comes first; the probe fails if the read's slides are not the
   ones painted), on a copy of the shipped sample catalogue (``catalog.db`` and
   ``assets/media``), against a bare PySide6 QWidget shown and painted the same way.
   Children run with their bytecode cached (``bench.child.start_env``), as installed. One
   unmeasured warm-up run of each first (its kiosk run compiles the bytecode, fills the
   empty thumbnail cache and writes the first-screen cache, and is reported as the cold
   start), then the two alternate; medians. Goal: <= 3x (issue 16).
2. Gallery scroll: a kiosk window whose catalogue read returns 10,000 generated item
   cards; their covers cycle through the sample's images, imported into a temporary
   catalogue with ``import_image`` (so thumbnails are real files, decoded on the image
   pool). After a tap on the attract screen, the gallery is scrolled from top to bottom in
   240 px steps and back in 480 px steps; per step the synchronous
   ``view.viewport().repaint()`` is timed, and the event loop runs between steps.
   Baseline: the same over 100 items (its path repeated until there are >= 600 frames).
   Goal: p95 <= 16 ms.
3. Leak check: one process, a scripted visitor (seeded, so every run does the same) on a
   copy of the sample catalogue: leave the attract loop, open items, step to the next and
   previous one, switch languages, toggle filter chips, type searches on the on-screen
   keyboard, pick exhibitions and sections, scroll, go back, larger text, and a reset every
   40 actions (what the idle countdown does). One action per pass of the event loop (each
   is painted); the visitor waits for the window to settle only before a measurement or
   when more than 4 jobs are pending. Resident memory (VmRSS, after ``gc.collect()``) after
   100 and after 10,000 actions. Visit statistics are on (written to the catalogue copy),
   as in a real kiosk. Goal: < 30 MB growth.

``--quick``: 2 start-up runs, 1,000 items, 1,000 actions (a smoke test; not the figures
the goals are about).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.child import ChildFailed, run_child, start_env

ROOT = Path(__file__).resolve().parent.parent
CHILD_TIMEOUT_S = 1800.0
THUMB_SIDES = (480, 1600)  # gallery tiles; the item page and the attract screen


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _child(
    *args: str, timeout: float = CHILD_TIMEOUT_S, env: dict[str, str] | None = None
) -> dict[str, Any]:
    try:
        return run_child("bench.kiosk_probe", *args, timeout=timeout, env=env)
    except ChildFailed as exc:
        raise SystemExit(str(exc)) from None


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# --------------------------------------------------------------------------- set-up


def copy_sample(dest: Path) -> tuple[Path, Path]:
    """A private copy of the shipped sample catalogue: (catalog.db, assets folder)."""
    dest.mkdir(parents=True)
    db, assets = dest / "catalog.db", dest / "assets"
    shutil.copyfile(ROOT / "catalog.db", db)
    shutil.copytree(ROOT / "assets" / "media", assets / "media")
    return db, assets


def prewarm(db: Path, assets: Path) -> None:
    """Thumbnails of every image and tile sets of every map, as on a kiosk that has run."""
    from sqlalchemy import select

    from exhibition_app.catalog import Catalog
    from exhibition_app.db.models import Item
    from exhibition_app.operations.maps import ensure_tiles
    from exhibition_app.operations.views import load_gallery

    catalog = Catalog.open(db, assets)
    try:
        with catalog.read_session() as session:
            data = load_gallery(session)
            maps = [
                item.cover_media
                for item in session.scalars(select(Item).where(Item.kind == "map"))
                if item.cover_media is not None
            ]
        for card in data.items.values():
            for media in card.media:
                src = catalog.store.abspath(media.relpath)
                catalog.thumbs.ensure(media.sha256, src, THUMB_SIDES)
        for media in maps:
            ensure_tiles(catalog, media)
    finally:
        catalog.close()


def scroll_catalogue(dest: Path) -> tuple[Path, Path, int]:
    """A new catalogue holding the sample's images, imported as the app imports them."""
    from exhibition_app.catalog import Catalog
    from exhibition_app.operations.ingest import import_image

    db, assets = dest / "catalog.db", dest / "assets"
    catalog = Catalog.open(db, assets)
    sources = sorted((ROOT / "assets" / "media").rglob("*.jpg"))
    try:
        for i, src in enumerate(sources):
            import_image(
                catalog,
                src,
                kind="map" if i % 2 else "photograph",
                title=f"Cover {i + 1}",
                published=True,
            )
    finally:
        catalog.close()
    prewarm(db, assets)
    return db, assets, len(sources)


# --------------------------------------------------------------------------- benchmarks


def bench_start(work: Path, runs: int) -> dict[str, Any]:
    db, assets = copy_sample(work / "start")
    times: dict[str, list[dict[str, float]]] = {"bare": [], "kiosk": []}
    warm: dict[str, dict[str, float]] = {}
    env = start_env(work / "pycache")  # bytecode cached, as installed (bench.child)
    for run in range(runs + 1):
        for mode in ("bare", "kiosk"):  # alternate, so load drifts hit both alike
            t0 = time.time()
            marks = _child("start", mode, str(db), str(assets), timeout=120, env=env)
            marks.pop("from_cache", None)  # a flag, not a time
            rel = {k: (v - t0) * 1000 for k, v in marks.items()}
            if run == 0:
                warm[mode] = rel  # warm-up: not in the medians (the kiosk's is the cold start)
            else:
                times[mode].append(rel)
    med = statistics.median
    bare = med(r["ready_paint"] for r in times["bare"])
    kiosk = med(r["ready_paint"] for r in times["kiosk"])
    return {
        "runs": runs,
        "bare_ms": bare,
        "kiosk_ms": kiosk,
        "ratio": kiosk / bare,
        "kiosk_first_frame_ms": med(r["first_paint"] for r in times["kiosk"]),
        "kiosk_catalogue_ms": med(r["catalogue_read"] for r in times["kiosk"]),
        "kiosk_each": [r["ready_paint"] for r in times["kiosk"]],
        "bare_each": [r["ready_paint"] for r in times["bare"]],
        "cold_ms": warm["kiosk"]["ready_paint"],
    }


def bench_scroll(work: Path, items: int) -> dict[str, Any]:
    db, assets, covers = scroll_catalogue(work / "scroll")
    small = _child("scroll", "100", str(db), str(assets), timeout=600)
    big = _child("scroll", str(items), str(db), str(assets))
    return {"small": small, "big": big, "covers": covers}


def bench_visitor(work: Path, actions: int) -> dict[str, Any]:
    db, assets = copy_sample(work / "visitor")
    prewarm(db, assets)
    marks = [m for m in (100, 500, 1000, 2500, 5000, 7500, 10000) if m < actions] + [actions]
    return _child("visitor", str(actions), str(db), str(assets), ",".join(map(str, marks)))


# --------------------------------------------------------------------------- report


@dataclass
class Row:
    benchmark: str
    baseline: str
    ours: str
    ratio: str
    goal: str
    met: bool | None  # None: no goal

    def verdict(self) -> str:
        return "" if self.met is None else ("met" if self.met else "MISSED")


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
            "## Visitor kiosk",
            "",
            "Command: `python -m bench kiosk` (`make bench PARTS=kiosk`)",
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


def _ms(values: list[float]) -> str:
    return ", ".join(f"{v:,.0f}" for v in values) + " ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--markdown", type=Path, help="write the markdown section here")
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke test")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    runs, items, actions = (2, 1000, 1000) if args.quick else (7, 10_000, 10_000)
    started = time.perf_counter()
    load_before = _load()
    report = Report()

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        work = Path(tmp)
        # -- 1. start-up ----------------------------------------------------------------
        print("kiosk start-up ...", flush=True)
        st = bench_start(work, runs)
        report.add(
            Row(
                f"start-up to the attract screen's first slide, sample catalogue "
                f"(median of {runs})",
                f"bare PySide6 window {st['bare_ms']:,.0f} ms",
                f"kiosk {st['kiosk_ms']:,.0f} ms",
                f"{st['ratio']:.2f}x",
                "<= 3x",
                st["ratio"] <= 3,
            )
        )

        # -- 2. scroll ------------------------------------------------------------------
        print(f"gallery scroll at {items:,} items ...", flush=True)
        sc = bench_scroll(work, items)
        small, big = sc["small"], sc["big"]
        f_big, f_small = big["frames_ms"], small["frames_ms"]
        p95_big, p95_small = pct(f_big, 0.95), pct(f_small, 0.95)
        report.add(
            Row(
                f"gallery scroll frame time p50 / p95 / max, {big['rows']:,} items, "
                f"{len(f_big):,} frames",
                f"100 items ({len(f_small)} frames): p50 {pct(f_small, 0.5):.1f} ms, "
                f"p95 {p95_small:.1f} ms",
                f"p50 {pct(f_big, 0.5):.1f} ms, p95 {p95_big:.1f} ms, max {max(f_big):.1f} ms",
                f"{p95_big / p95_small:.2f}x (p95)",
                "p95 <= 16 ms",
                p95_big <= 16,
            )
        )
        report.add(
            Row(
                f"thumbnails asked for on the first gallery screen, {big['rows']:,} items",
                f"{small['first_screen_rows']} of 100 rows",
                f"{big['first_screen_rows']} of {big['rows']:,} rows",
                f"{big['decodes']} decodes for {big['rows_painted']:,} rows painted "
                "in the whole scroll",
                "only tiles on screen",
                big["first_screen_rows"] <= 3 * big["columns"],
            )
        )

        # -- 3. leak check --------------------------------------------------------------
        print(f"scripted visitor, {actions:,} actions ...", flush=True)
        vi = bench_visitor(work, actions)
    samples = vi["samples"]
    first, last = samples[0], samples[-1]
    growth = last["rss_mb"] - first["rss_mb"]
    report.add(
        Row(
            f"resident memory after {last['actions']:,} scripted visitor actions vs after "
            f"{first['actions']}",
            f"after {first['actions']}: {first['rss_mb']:.0f} MB",
            f"after {last['actions']:,}: {last['rss_mb']:.0f} MB",
            f"{growth:+.1f} MB",
            "< 30 MB growth",
            growth < 30,
        )
    )

    # -- notes ----------------------------------------------------------------------------
    elapsed = time.perf_counter() - started
    trend = ", ".join(f"{s['actions']:,}: {s['rss_mb']:.0f} MB" for s in samples)
    qobjects = ", ".join(f"{s['qobjects']}" for s in samples)
    pyobjects = ", ".join(f"{s['py_objects']:,}" for s in samples)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(vi["counts"].items(), key=lambda kv: -kv[1]))
    mid = next((s for s in samples if s["actions"] >= 1000), samples[-1])
    if mid is not last:
        slope = (last["rss_mb"] - mid["rss_mb"]) / max(1, last["actions"] - mid["actions"]) * 1000
        slope_note = (
            f" From {mid['actions']:,} to {last['actions']:,} actions RSS grew "
            f"{slope:.2f} MB per 1,000 actions."
        )
    else:
        slope_note = ""
    missed = [r.benchmark for r in report.rows if r.met is False]
    report.notes += [
        "Every measured thing ran in its own child process (`python -m bench.kiosk_probe`, "
        "fresh Python and Qt, offscreen platform) with a 1920x1080 kiosk window "
        "(`KioskOptions(full_screen=False)`, the `--size` path; idle timer 3,600 s so no "
        "countdown interferes). Set-up (copies, imports, thumbnails) is not measured.",
        f"Start-up: from spawning the process to the end of the attract screen's first paint "
        f"that shows its first slide's decoded picture (as `exhibition-app --kiosk` starts, "
        f"via `create_window`): the slides from the first-screen cache the warm-up run wrote "
        f"(checked against the catalogue's read in each run), their picture from the "
        f"thumbnail cache; the catalogue is read on the database worker once that frame is "
        f"painted. The kiosk's first frame came at "
        f"{st['kiosk_first_frame_ms']:,.0f} ms and the catalogue was read at "
        f"{st['kiosk_catalogue_ms']:,.0f} ms (medians). Each run: kiosk "
        f"{_ms(st['kiosk_each'])}; bare {_ms(st['bare_each'])}. The cold start (warm-up run, "
        f"no bytecode, first-screen or thumbnail cache, so the catalogue was read and the "
        f"1600 px slide images made from the scans) "
        f"took {st['cold_ms']:,.0f} ms.",
        f"Scroll: {big['columns']} columns of {big['tile'][0]}x{big['tile'][1]} px tiles in "
        f"a {big['viewport'][0]}x{big['viewport'][1]} viewport; {big['scroll_px']:,} px of "
        f"scrolling, down in {big['down_px']} px steps and up in {big['up_px']} px steps "
        f"({big['repeats']} pass; the 100-item baseline {small['repeats']} passes). Each "
        "frame is a synchronous repaint of the whole viewport, an upper bound: Qt itself "
        "scrolls the pixels and paints only the uncovered strip. Every 9th card has no "
        f"image (the designed card is painted). The covers cycle through {sc['covers']} "
        "real images, so after the first screen every thumbnail is a cache hit: this "
        "measures painting, not decoding. Counting setValue() and the event loop after each "
        f"repaint as well, p95 {pct(big['steps_ms'], 0.95):.1f} ms (100 items: "
        f"{pct(small['steps_ms'], 0.95):.1f} ms). The first gallery frame after the tap "
        f"(laying out all {big['rows']:,} rows) took {big['first_frame_ms']:.0f} ms "
        f"(100 items: {small['first_frame_ms']:.0f} ms). RSS at the end: "
        f"{big['rss_mb']:.0f} MB ({small['rss_mb']:.0f} MB with 100 items).",
        f"Leak check: RSS after {trend}; QObjects under the window {qobjects}; Python "
        f"objects (gc) {pyobjects}.{slope_note} Peak RSS {vi['peak_rss_mb']:.0f} MB. "
        f"{vi['actions']:,} actions in {vi['seconds']:.0f} s ({counts}). One action per "
        "pass of the event loop, so each is painted; the visitor waited for the window to "
        f"settle only before a checkpoint or with more than {vi['max_backlog']} jobs pending "
        f"({vi['waits']} waits, {vi['timeouts']} longer than 20 s). The search debounce "
        "(180 ms) was set to 0 so typed searches run at once. Visit statistics were "
        + ("on (written to the copy's database)." if vi["stats"] else "off."),
        f"Whole run: {elapsed / 60:.1f} min; load average {load_before} at the start, "
        f"{_load()} at the end (other work on the machine shows up in wall times)"
        + (" (--quick: small sizes; not the figures the goals are about)." if args.quick else "."),
    ]
    if missed:
        report.notes.append("Goals missed in this run: " + "; ".join(missed) + ".")
    for note in report.notes:
        print("- " + note)
    if args.markdown:
        args.markdown.write_text(report.markdown(), encoding="utf-8")
        print(f"wrote {args.markdown}")


if __name__ == "__main__":
    main()
