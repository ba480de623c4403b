"""Run every benchmark and write docs/benchmarks.md.

    make bench            (or: QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench)

Each figure comes with a baseline measured in the same run on the same machine, and the
ratio between them, because absolute times on shared machines mean little.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# -- 1. start-up ------------------------------------------------------------------------------
def bench_startup(work: Path, runs: int = 11) -> dict[str, float]:
    from bench.child import start_env

    db, assets = work / "startup.db", work / "startup-assets"
    shutil.copyfile(ROOT / "catalog.db", db)
    shutil.copytree(ROOT / "assets" / "media", assets / "media")
    env = start_env(work / "pycache")  # bytecode cached, as installed (bench.child)
    times: dict[str, list[float]] = {"bare": [], "app": [], "gallery": [], "gallery_cold": []}
    first_screen = assets / "first-screen"  # the first-screen cache (core/first_screen.py)
    for run in range(runs + 1):
        for mode in times:  # alternate, so load drifts hit all alike
            if mode == "gallery_cold":  # as on the first start after a catalogue change
                shutil.rmtree(first_screen, ignore_errors=True)
            t0 = time.time()
            out = (
                subprocess.run(
                    [
                        *(sys.executable, "-m", "bench.startup_probe"),
                        mode.removesuffix("_cold"),
                        *(str(db), str(assets)),
                    ],
                    capture_output=True,
                    text=True,
                    env=env,
                    cwd=ROOT,
                    timeout=120,
                    check=True,
                )
                .stdout.strip()
                .splitlines()[-1]
            )
            if run > 0:  # run 0 warms up: compiles the bytecode, writes the caches
                times[mode].append(float(out) - t0)
    bare, app = statistics.median(times["bare"]), statistics.median(times["app"])
    gallery = statistics.median(times["gallery"])
    return {
        "gallery_cold_s": statistics.median(times["gallery_cold"]),
        "gallery_cold_ratio": statistics.median(times["gallery_cold"]) / bare,
        "bare_s": bare,
        "app_s": app,
        "ratio": app / bare,
        "gallery_s": gallery,
        "gallery_ratio": gallery / bare,
        "runs": runs,
    }


# -- 2. search at 100,000 items ------------------------------------------------------------------
WORDS = [
    "carpet",
    "felt",
    "yurt",
    "dombra",
    "saddle",
    "bridle",
    "map",
    "globe",
    "silk",
    "suzani",
    "khan",
    "steppe",
    "horse",
    "eagle",
    "bowl",
    "kumis",
    "chest",
    "tapestry",
    "ring",
    "coin",
]
KK = ["кілем", "киіз", "үй", "домбыра", "ер", "жүген", "карта", "жібек", "хан", "дала", "ат"]
RU = ["ковёр", "войлок", "юрта", "седло", "карта", "шёлк", "хан", "степь", "лошадь", "чаша"]
MN = ["хивс", "эсгий", "гэр", "эмээл", "газрын", "торго", "хаан", "тал", "морь", "аяга"]
PLACES = ["Қазақстан", "Almaty", "Ulaanbaatar", "Samarkand", "Bukhara", "Ashgabat", "Osh"]


def build_search_catalogue(path: Path, n: int) -> None:
    import random

    from exhibition_app.catalog import Catalog
    from exhibition_app.core.textfold import fold

    Catalog.open(path, path.parent / "search-assets").close()
    rnd = random.Random(1689)
    con = sqlite3.connect(path)
    now = "2026-01-01T00:00:00"
    items, texts, fts = [], [], []
    for i in range(1, n + 1):
        year = rnd.randrange(1200, 2000)
        items.append(
            (
                i,
                rnd.choice(["object", "map", "photograph", "document"]),
                f"GEN-{i:06d}",
                rnd.choice(["KZ", "MN", "UZ", "KG", "TJ", "TM", None]),
                str(year),
                year,
                year,
                1,
                int(i % 997 == 0),  # a few featured, as a kiosk's attract loop has
                now,
                now,
            )
        )
        title = {
            "en": " ".join(rnd.sample(WORDS, 3)) + f" {i}",
            "kk": " ".join(rnd.sample(KK, 3)),
            "ru": " ".join(rnd.sample(RU, 3)),
            "mn": " ".join(rnd.sample(MN, 3)),
        }
        desc = f"{rnd.choice(PLACES)} " + " ".join(rnd.sample(WORDS, 8))
        for lang, value in title.items():
            texts.append((i, "title", lang, value))
        texts.append((i, "description", "en", desc))
        fts.append((i, fold(" ".join(title.values())), fold(desc)))
    con.executemany(
        "INSERT INTO item (id, kind, accession_number, country, date_edtf, date_earliest,"
        " date_latest, published, featured, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        items,
    )
    con.executemany("INSERT INTO item_text VALUES (?,?,?,?)", texts)
    con.executemany("INSERT INTO item_search (rowid, title, body) VALUES (?,?,?)", fts)
    con.commit()
    con.execute("INSERT INTO item_search(item_search) VALUES ('optimize')")
    con.commit()
    con.close()


QUERIES = [
    "carpet",
    "Qazaqstan",
    "Kazakhstan",
    "Қазақстан",
    "домбыра",
    "dombyra",
    "yurt felt",
    "хивс",
    "Ulanbator",
    "samark",
    "ka",
    "s",
    "horse eagle",
    "silk road",
    "GEN-004242",
    "zzzz",
    "киіз үй",
    "ковёр",
    "morin",
    "bukhara suzani",
]


def bench_search(work: Path, n: int = 100_000, rounds: int = 10) -> dict[str, float]:
    from exhibition_app.catalog import Catalog
    from exhibition_app.db.search import search

    db = work / "search.db"
    t0 = time.perf_counter()
    build_search_catalogue(db, n)
    build_s = time.perf_counter() - t0
    cat = Catalog.open(db, work / "search-assets")
    fts_ms: list[float] = []
    like_ms: list[float] = []
    with cat.read_session() as s:
        for q in QUERIES:  # warm the page cache
            search(s, q)
        for _ in range(rounds):
            for q in QUERIES:
                t = time.perf_counter()
                search(s, q, limit=50)
                fts_ms.append((time.perf_counter() - t) * 1000)
    # Baseline: what a catalogue without FTS does, a LIKE scan over every text (first page),
    # timed for every query as many times as ours. It does less work than ours: no folding
    # of scripts and case, no ranking, no titles fetched.
    con = sqlite3.connect(db)
    for q in QUERIES:  # warm the page cache, as for ours
        con.execute("SELECT 1 FROM item_text WHERE value LIKE ? LIMIT 1", (f"%{q}%",)).fetchall()
    for _ in range(rounds):
        for q in QUERIES:
            t = time.perf_counter()
            con.execute(
                "SELECT DISTINCT item_id FROM item_text WHERE value LIKE ? LIMIT 50",
                (f"%{q}%",),
            ).fetchall()
            like_ms.append((time.perf_counter() - t) * 1000)
    con.close()
    cat.close()
    return {
        "items": n,
        "build_s": build_s,
        "p50_ms": pct(fts_ms, 0.5),
        "p95_ms": pct(fts_ms, 0.95),
        "like_p50_ms": pct(like_ms, 0.5),
        "like_p95_ms": pct(like_ms, 0.95),
        "ratio_p95": pct(like_ms, 0.95) / pct(fts_ms, 0.95),
        "queries": len(fts_ms),
    }


# -- 3. thumbnails at ingest ---------------------------------------------------------------------
def bench_thumbnails(work: Path, rounds: int = 11) -> dict[str, float]:
    from PIL import Image

    from exhibition_app.imaging.thumbnails import make_thumbnail, make_thumbnails

    sources = sorted((ROOT / "assets" / "media").rglob("*.jpg"))
    big = [p for p in sources if Image.open(p).width >= 1000]
    sizes = (480, 1600)  # what the app shows: gallery tiles and the item page

    def naive(src: Path, dest: Path, side: int) -> None:
        # The straightforward Pillow code: open, thumbnail, save (per size).
        with Image.open(src) as im:
            im.thumbnail((side, side))
            im.convert("RGB").save(dest, "JPEG", quality=85)

    out = work / "thumbs"
    out.mkdir()
    t_naive1, t_ours1, t_naive3, t_ours3 = [], [], [], []
    for r in range(rounds):
        for i, src in enumerate(big):
            t = time.perf_counter()
            naive(src, out / f"n{r}{i}.jpg", 480)
            t_naive1.append(time.perf_counter() - t)
            t = time.perf_counter()
            make_thumbnail(src, out / f"o{r}{i}.jpg", 480)
            t_ours1.append(time.perf_counter() - t)
            t = time.perf_counter()
            for side in sizes:
                naive(src, out / f"n{r}{i}-{side}.jpg", side)
            t_naive3.append(time.perf_counter() - t)
            t = time.perf_counter()
            make_thumbnails(src, {out / f"o{r}{i}-{s}.jpg": s for s in sizes})
            t_ours3.append(time.perf_counter() - t)
    m = statistics.median
    return {
        "files": len(big),
        "naive_one_ms": m(t_naive1) * 1000,
        "ours_one_ms": m(t_ours1) * 1000,
        "ratio_one": m(t_naive1) / m(t_ours1),
        "naive_three_ms": m(t_naive3) * 1000,
        "ours_three_ms": m(t_ours3) * 1000,
        "ratio_three": m(t_naive3) / m(t_ours3),
    }


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def run_part(module: str, *args: str) -> str:
    """Run another benchmark module in its own process (its own memory); its stdout."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", module, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=1800,
    )
    print(proc.stdout, end="", flush=True)
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return f"`python -m {module}` failed (exit {proc.returncode}); see its output.\n"
    return proc.stdout


def markdown_part(module: str, title: str) -> str:
    """Run a benchmark module that writes its section with ``--markdown FILE``; its section,
    or its output under ``title`` when it wrote none."""
    with tempfile.TemporaryDirectory() as tmp:
        md = Path(tmp) / "part.md"
        out = run_part(module, "--markdown", str(md))
        if md.exists():
            return md.read_text(encoding="utf-8")
    return f"## {title}\n\n" + out.strip() + "\n"


PARTS = ("core", "tiles", "ingest", "deepzoom", "kiosk", "multisite", "scale")


def merge_sections(old: str, new: list[str], stamp: str) -> str:
    """``old`` (the whole document) with the sections in ``new`` put in place of the ones
    with the same heading (or appended), each marked with ``stamp``; the rest is kept."""
    chunks = ("\n" + old).split("\n## ")
    head, kept = chunks[0].lstrip("\n"), ["## " + c for c in chunks[1:]]
    for section in new:
        section = section.rstrip("\n") + f"\n\n{stamp}\n"
        title = section.split("\n", 1)[0]
        at = next((i for i, c in enumerate(kept) if c.split("\n", 1)[0] == title), None)
        if at is None:
            kept.append(section)
        else:
            kept[at] = section
    return head.rstrip("\n") + "\n\n" + "\n".join(c.rstrip("\n") + "\n" for c in kept)


def main() -> None:
    unknown = set(sys.argv[1:]) - set(PARTS)
    if unknown:
        raise SystemExit(f"unknown part(s): {', '.join(sorted(unknown))}; use {', '.join(PARTS)}")
    parts = set(sys.argv[1:]) or set(PARTS)
    sections = []
    if "core" in parts:
        sections.append(core_benchmarks())
    if "tiles" in parts:
        print("tile pyramid memory ...", flush=True)
        out = run_part("bench.tiles_memory")
        sections.append(
            "## Tile pyramid memory\n\nCommand: `python -m bench.tiles_memory`\n\n```\n"
            + out.strip()
            + "\n```\n"
        )
    if "ingest" in parts:
        print("image ingest memory ...", flush=True)
        out = run_part("bench.ingest_memory")
        sections.append(
            "## Image ingest memory\n\nCommand: `python -m bench.ingest_memory` (about 100 MP "
            "sources; `--large` for a 44000x44000 PNG and a 20000x15000 JPEG)\n\n```\n"
            + out.strip()
            + "\n```\n"
        )
    # Parts that write their own markdown section (their output stands in if they fail).
    for part, doing, title in (
        ("deepzoom", "deep zoom", "Deep zoom"),
        ("kiosk", "visitor kiosk", "Visitor kiosk"),
        ("multisite", "multi-kiosk load", "Multi-kiosk load (PostgreSQL and SQLite)"),
        ("scale", "scale, 10,000 to 1,000,000 items", "Scale: 10,000 to 1,000,000 items"),
    ):
        if part in parts:
            print(f"{doing} ...", flush=True)
            sections.append(markdown_part(f"bench.{part}", title))
    doc = ROOT / "docs" / "benchmarks.md"
    doc.parent.mkdir(exist_ok=True)
    now = datetime.now(UTC)
    if parts != set(PARTS) and doc.exists():
        # Only some parts ran: replace their sections, keep the others as they were.
        chosen = " ".join(p for p in PARTS if p in parts)
        stamp = (
            f'(This section is from `make bench PARTS="{chosen}"` on '
            f"{now:%Y-%m-%d %H:%M} UTC, machine: {machine()}.)"
        )
        text = merge_sections(doc.read_text(encoding="utf-8"), sections, stamp)
    else:
        text = (
            f"# Benchmarks\n\nMeasured by `make bench` on {now:%Y-%m-%d %H:%M} UTC.\n"
            f"Machine: {machine()}. Qt offscreen. Every figure has its baseline measured in "
            "the same run.\n\n" + "\n".join(sections)
        )
    doc.write_text(text, encoding="utf-8")
    print(f"wrote {doc.relative_to(ROOT)}")
    data = {
        "generated": f"{now:%Y-%m-%dT%H:%M:%SZ}",
        "machine": machine(),
        "command": "make bench"
        + (f' PARTS="{" ".join(sorted(parts))}"' if parts != set(PARTS) else ""),
        "figures": figures(text),
    }
    out = doc.with_suffix(".json")
    out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)} ({len(data['figures'])} figures)")


def _met(flag: bool) -> str:
    return "met" if flag else "MISSED"


def figures(markdown: str) -> list[dict[str, object]]:
    """One record per figure of every benchmark table in ``markdown`` (tables whose first
    column is "benchmark"): section, name, baseline, ours, ratio, goal and met (True, False,
    or None where no goal is set). The goal's "(met)"/"(MISSED)" suffix counts as its met."""
    records: list[dict[str, object]] = []
    section = ""
    header: list[str] | None = None
    for line in markdown.splitlines():
        if line.startswith("## "):
            section, header = line[3:].strip(), None
            continue
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = [c.lower() for c in cells]
            continue
        if header[0] != "benchmark" or set(cells) <= {"---", ":---", "---:"}:
            continue
        row = dict(zip(header, cells, strict=False))
        goal = row.get("goal", "")
        met: bool | None = None
        verdict = row.get("met", "")
        if verdict or "(met)" in goal or "(MISSED)" in goal:
            met = verdict == "met" or "(met)" in goal
        if goal.startswith("none") or goal in ("", "-"):
            met = None
        records.append(
            {
                "section": section,
                "name": row.get("benchmark", ""),
                "baseline": row.get("baseline", ""),
                "ours": row.get("ours", ""),
                "ratio": row.get("ratio", ""),
                "goal": goal.replace(" (met)", "").replace(" (MISSED)", ""),
                "met": met,
            }
        )
    return records


def core_benchmarks() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("start-up ...", flush=True)
        st = bench_startup(work)
        print(
            f"  bare {st['bare_s'] * 1000:.0f} ms, app {st['app_s'] * 1000:.0f} ms, "
            f"ratio {st['ratio']:.2f}x (goal <= 1.5x); gallery painted "
            f"{st['gallery_s'] * 1000:.0f} ms, {st['gallery_ratio']:.2f}x (goal <= 2.5x)",
            flush=True,
        )
        print("search at 100,000 items ...", flush=True)
        se = bench_search(work)
        print(
            f"  p50 {se['p50_ms']:.2f} ms, p95 {se['p95_ms']:.2f} ms (goal <= 10 ms); "
            f"LIKE baseline p95 {se['like_p95_ms']:.1f} ms, {se['ratio_p95']:.0f}x",
            flush=True,
        )
        print("thumbnails ...", flush=True)
        th = bench_thumbnails(work)
        print(
            f"  one size: naive {th['naive_one_ms']:.1f} ms, ours {th['ours_one_ms']:.1f} ms, "
            f"{th['ratio_one']:.2f}x; 480+1600: {th['ratio_three']:.2f}x (goal >= 2x)",
            flush=True,
        )
    startup_met = st["ratio"] <= 1.5
    gallery_met = st["gallery_ratio"] <= 2.5
    search_met = se["p95_ms"] <= 10
    return f"""## Catalogue, start-up and thumbnails

Command: `python -m bench core`

| benchmark | baseline | ours | ratio | goal | met |
| --- | --- | --- | --- | --- | --- |
| start-up to first painted window (median of {st["runs"]}) | bare PySide6 window {st["bare_s"] * 1000:.0f} ms | main window on the sample catalogue {st["app_s"] * 1000:.0f} ms | {st["ratio"]:.2f}x | <= 1.5x | {_met(startup_met)} |
| start-up to the gallery painted with its rows and on-screen thumbnails (median of {st["runs"]}) | bare PySide6 window {st["bare_s"] * 1000:.0f} ms | gallery {st["gallery_s"] * 1000:.0f} ms | {st["gallery_ratio"]:.2f}x | <= 2.5x | {_met(gallery_met)} |
| the same, first start after a catalogue change (no first-screen cache; median of {st["runs"]}) | bare PySide6 window {st["bare_s"] * 1000:.0f} ms | gallery {st["gallery_cold_s"] * 1000:.0f} ms | {st["gallery_cold_ratio"]:.2f}x | none (context) | — |
| search p50 / p95, {se["items"]:,} generated items, {se["queries"]} queries | LIKE scan, the same {se["queries"]} queries: p95 {se["like_p95_ms"]:.1f} ms | p50 {se["p50_ms"]:.2f} ms, p95 {se["p95_ms"]:.2f} ms | {se["ratio_p95"]:.0f}x faster | p95 <= 10 ms | {_met(search_met)} |
| thumbnail, one 480 px size, {th["files"]} map scans | naive open+thumbnail+save {th["naive_one_ms"]:.1f} ms | {th["ours_one_ms"]:.1f} ms | {th["ratio_one"]:.2f}x | >= 2x | {_met(th["ratio_one"] >= 2)} |
| thumbnails the app uses (480 and 1600 px), {th["files"]} map scans | naive, once per size {th["naive_three_ms"]:.1f} ms | one decode {th["ours_three_ms"]:.1f} ms | {th["ratio_three"]:.2f}x | >= 2x | {_met(th["ratio_three"] >= 2)} |

Notes
- Start-up: wall time from spawning the process to the end of the window's first paint
  (bare: the same for a plain QWidget); "gallery painted": to the end of the first paint
  that shows the gallery's rows with every on-screen thumbnail, from the first-screen cache
  (the cards of the last full read, checked against the catalogue file's size and mtime)
  or from the catalogue's read if that comes first; each run then waits for the read and
  fails if it shows other rows. Thumbnails come from the thumbnail cache made by the first
  run, as on a kiosk after its first day. Children run with their bytecode cached
  (`bench.child.start_env`), as an installed app has it; run 0 (compiling it and writing
  the caches) is not counted.
- Search: the baseline times every query as often as ours ({se["queries"]} each) but does
  less work: a LIKE scan for the first 50 matching rows, without folding scripts and case,
  ranking or fetching titles. The generated catalogue mixes English, Kazakh, Russian and Mongolian words; queries
  include very common prefixes ("s", "ka"), cross-script ones and misses. Building the
  {se["items"]:,}-item catalogue took {se["build_s"]:.1f} s (bulk insert plus folding).
- Thumbnails: the sources are the shipped map scans (JPEGs from 1350x675 to 10800x5400).
  Pillow's own `thumbnail()` already asks libjpeg for a reduced decode (at twice the box), so
  the naive baseline is not a strawman. Ours asks for the thumbnail's real, aspect-correct
  size (a 2:1 scan in a 480 box is 480x240), which lets libjpeg scale by 1/4 instead of not
  at all, and makes every size from one decode. Huffman decoding is the floor: it costs the
  same at every scale. A 1600 px page image of a 2700 px scan needs the full decode and a
  full-size resample whichever way it is made, which is why the pair gains less.
"""


if __name__ == "__main__":
    main()
