"""Multi-kiosk load: many kiosks reading while curators write, on PostgreSQL and on SQLite.

    .venv/bin/python -m bench.multisite [--seconds N] [--markdown OUT.md]
    (or: make bench PARTS=multisite; MULTISITE_SECONDS=N shortens the runs too)

Not part of the test suite. What the issue asks: "20 kiosk processes browsing and searching
while 2 curators import and publish for 60 seconds against one PostgreSQL server: 0 errors,
p95 read latency reported, and the same shape on SQLite with 4 readers and 1 writer. A kill
-9 of a curator process mid-import leaves PostgreSQL consistent (``check``)."

1. Set-up (not measured). A throwaway PostgreSQL cluster (tools/pg_cluster.py) and one
   database, opened with ``Catalog.open`` (which migrates it). It is filled with the shipped
   sample: every published exhibition of a *copy* of the repository's catalog.db exported as
   a bundle (``export_bundle``, no tiles) and imported (``import_bundle``), then a few hundred
   generated items in four languages, most published, most showing one of the sample's
   pictures, imported as a curator's spreadsheet (``import_csv``), and two curator accounts
   (``add_user``). The SQLite catalogue is filled the same way, from the same files.
   All the processes of one engine share one assets folder.
2. Load. N kiosk processes and M curator processes (``python -m bench.multisite_worker``, no
   Qt; see that module for what each does) start their loops together and run for the same
   wall time: 20 + 2 on PostgreSQL, then 4 + 1 on SQLite. A read is one kiosk operation
   (serial poll, gallery load, item view, search), a write one curator transaction (import,
   edit, publish). Any exception in a worker is an error, and so is a worker that dies.
   ``check`` runs on each catalogue afterwards.
3. Kill -9 (PostgreSQL). ``exhibition-app import folder`` on 40 generated pictures as its own
   process, killed with SIGKILL a random few milliseconds after a random number of its items
   (between 5 and 30) are committed; then ``check --json`` (and, if it finds only orphan
   files, which a kill between a file's rename and its commit leaves, ``check --repair`` and
   ``check`` again). The items the killed import made must each have exactly one picture and
   be the first pictures of the folder, in order.

Writes the markdown section (``--markdown``), prints the table, and keeps the figures in
bench/results/multisite.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import selectors
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## Multi-kiosk load (PostgreSQL and SQLite)"
RESULTS = ROOT / "bench" / "results" / "multisite.json"
READ_OPS = ("serial", "gallery", "item", "search")
WRITE_OPS = ("import", "edit", "publish")
CURATORS = ("curator-1", "curator-2", "curator-3", "curator-4")
READY_TIMEOUT_S = 600.0

WORDS = ["carpet", "felt", "yurt", "dombra", "saddle", "map", "globe", "silk", "khan", "steppe"]
KK = ["қазақ", "кілем", "киіз", "домбыра", "ер", "карта", "жібек", "хан", "дала", "ат"]
RU = ["ковёр", "войлок", "юрта", "седло", "карта", "шёлк", "хан", "степь", "казах", "чаша"]
MN = ["монгол", "хивс", "эсгий", "гэр", "эмээл", "газрын", "торго", "хаан", "тал", "морь"]
PLACES = ["Қазақстан", "Almaty", "Ulaanbaatar", "Samarkand", "Bukhara", "Qazaqstan", "Osh"]


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def app_command() -> list[str]:
    """The ``exhibition-app`` console script next to this Python (else ``-m``)."""
    script = Path(sys.executable).with_name("exhibition-app")
    return [str(script)] if script.exists() else [sys.executable, "-m", "exhibition_app"]


def cli(catalog: str, assets: Path, *args: str, timeout: float = 900) -> dict[str, Any]:
    """Run ``exhibition-app --catalog .. --assets .. ARGS --json``: exit code and JSON."""
    proc = subprocess.run(
        [*app_command(), "--catalog", catalog, "--assets", str(assets), *args, "--json"],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )
    try:
        data = json.loads(proc.stdout) if proc.stdout.strip() else None
    except json.JSONDecodeError:
        data = None
    return {"rc": proc.returncode, "json": data, "stderr": proc.stderr.strip()[-2000:]}


# --------------------------------------------------------------------------- set-up


def sample_bundles(work: Path) -> tuple[list[Path], list[str]]:
    """Every published exhibition of a copy of the sample catalogue, as bundles without
    tiles; and the sample's media checksums. The repository's catalog.db is never opened
    (opening upgrades a catalogue in place)."""
    from sqlalchemy import select

    from exhibition_app.catalog import Catalog
    from exhibition_app.db.models import Exhibition, ItemMedia, Media, Section, SectionItem
    from exhibition_app.operations.bundle import export_bundle
    from exhibition_app.operations.queries import list_exhibitions

    src = work / "sample"
    src.mkdir()
    shutil.copyfile(ROOT / "catalog.db", src / "catalog.db")
    shutil.copytree(ROOT / "assets" / "media", src / "assets" / "media")
    bundles: list[Path] = []
    with Catalog.open(src / "catalog.db", src / "assets") as catalog:
        with catalog.read_session() as session:
            keys = [e.key for e in list_exhibitions(session, published_only=True)]
            # The pictures the bundles carry (a picture of an item in no published
            # exhibition, such as the unpublished "now" layers, is not in any of them).
            shas = sorted(
                session.scalars(
                    select(Media.sha256)
                    .join(ItemMedia, ItemMedia.media_id == Media.id)
                    .join(SectionItem, SectionItem.item_id == ItemMedia.item_id)
                    .join(Section, Section.id == SectionItem.section_id)
                    .join(Exhibition, Exhibition.id == Section.exhibition_id)
                    .where(Exhibition.published.is_(True))
                    .distinct()
                )
            )
        for key in keys:
            file = work / f"{key}.zip"
            export_bundle(catalog, key, file, tiles=False)
            bundles.append(file)
    return bundles, shas


def synthetic_csv(path: Path, shas: list[str], n: int, seed: int) -> None:
    """``n`` generated items in four languages, as a curator's spreadsheet (CSV columns of
    exhibition_app.interop.csv_dc): 90 % published, 80 % with one of the sample's pictures."""
    from exhibition_app.interop.csv_dc import ItemRecord, MediaRef, write_csv

    rnd = random.Random(seed)
    records = []
    for i in range(1, n + 1):
        media = [MediaRef(rnd.choice(shas), None)] if rnd.random() < 0.8 else []
        records.append(
            ItemRecord(
                identifier=f"SYN-{i:05d}",
                kind=rnd.choice(["object", "map", "photograph", "document"]),
                texts={
                    "title": {
                        "en": " ".join(rnd.sample(WORDS, 3)) + f" {i}",
                        "kk": " ".join(rnd.sample(KK, 3)),
                        "ru": " ".join(rnd.sample(RU, 3)),
                        "mn": " ".join(rnd.sample(MN, 3)),
                    },
                    "description": {
                        "en": f"{rnd.choice(PLACES)}, {rnd.randint(1500, 1950)}: "
                        + " ".join(rnd.sample(WORDS, 6))
                    },
                    "place": {"en": rnd.choice(PLACES)},
                },
                date_edtf=str(rnd.randint(1500, 1950)),
                country=rnd.choice(["KZ", "MN", "UZ", "KG", "TM"]),
                tags=rnd.sample(["textile", "music", "maps", "nomad", "silk-road"], 2),
                published=rnd.random() < 0.9,
                featured=rnd.random() < 0.05,
                media=media,
            )
        )
    with path.open("wb") as fh:
        write_csv(records, fh)


def fill(catalog_url: str | Path, assets: Path, bundles: list[Path], csv: Path) -> dict[str, Any]:
    """Open (migrate) a new catalogue and fill it; returns what it holds."""
    from sqlalchemy import func, select

    from exhibition_app.catalog import Catalog
    from exhibition_app.db.models import Item, Media
    from exhibition_app.operations.accounts import add_user
    from exhibition_app.operations.bundle import import_bundle
    from exhibition_app.operations.csv_io import import_csv

    with Catalog.open(catalog_url, assets) as catalog:
        for bundle in bundles:
            import_bundle(catalog, bundle)
        result = import_csv(catalog, csv)
        if result["errors"] or result["created"] == 0:
            raise SystemExit(f"the generated CSV did not import: {result['errors'][:3]}")
        with catalog.session() as session:
            for name in CURATORS:
                add_user(session, name, f"{name}-password")
        with catalog.read_session() as session:
            items = session.scalar(select(func.count(Item.id))) or 0
            published = session.scalar(select(func.count(Item.id)).where(Item.published)) or 0
            media = session.scalar(select(func.count(Media.id))) or 0
    return {"items": items, "published": published, "media": media}


# --------------------------------------------------------------------------- load


def _spawn(args: list[str], log: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bench.multisite_worker", *args],
        cwd=ROOT,
        env=_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log.open("w"),
        text=True,
    )


def run_load(
    label: str,
    catalog: str,
    assets: Path,
    readers: int,
    writers: int,
    seconds: float,
    work: Path,
    poll_s: float,
) -> dict[str, Any]:
    """Start the workers, let them loop together for ``seconds``, gather their figures."""
    out = work / "out"
    out.mkdir(parents=True)
    workers: list[dict[str, Any]] = []
    for i in range(readers):
        workers.append({"role": "kiosk", "name": f"kiosk-{i + 1}", "seed": 1000 + i})
    for j in range(writers):
        workers.append(
            {"role": "curator", "name": CURATORS[j], "seed": 2000 + j, "user": CURATORS[j]}
        )
    for w in workers:
        args = [w["role"], catalog, str(assets), str(out / f"{w['name']}.json"), str(w["seed"])]
        if "user" in w:
            args += ["--user", w["user"]]
        else:
            args += ["--poll-s", str(poll_s)]
        w["log"] = out / f"{w['name']}.log"
        w["proc"] = _spawn(args, w["log"])

    # Every worker reports ready (imports done, catalogue open, warmed up); then all go.
    t0 = time.perf_counter()
    sel = selectors.DefaultSelector()
    for w in workers:
        sel.register(w["proc"].stdout, selectors.EVENT_READ, w)
    waiting = len(workers)
    while waiting and time.perf_counter() - t0 < READY_TIMEOUT_S:
        for key, _ in sel.select(timeout=1.0):
            w = key.data
            line = w["proc"].stdout.readline()
            sel.unregister(key.fileobj)
            waiting -= 1
            w["ready"] = line.strip() == "ready"
    sel.close()
    start_s = time.perf_counter() - t0
    end = time.time() + seconds
    for w in workers:
        if w.get("ready"):
            try:
                w["proc"].stdin.write(f"go {end}\n")
                w["proc"].stdin.flush()
            except OSError:
                w["ready"] = False
    print(
        f"  {label}: {sum(bool(w.get('ready')) for w in workers)}/{len(workers)} workers "
        f"ready after {start_s:.1f} s; running {seconds:g} s ...",
        flush=True,
    )
    for w in workers:
        proc = w["proc"]
        try:
            proc.wait(timeout=seconds + 600 if w.get("ready") else 5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdin.close()
        proc.stdout.close()
        w["rc"] = proc.returncode
        result = out / f"{w['name']}.json"
        w["result"] = json.loads(result.read_text()) if result.exists() else None
    return summarise(label, workers, readers, writers, seconds, start_s)


def summarise(
    label: str,
    workers: list[dict[str, Any]],
    readers: int,
    writers: int,
    seconds: float,
    start_s: float,
) -> dict[str, Any]:
    ms: dict[str, list[float]] = {op: [] for op in (*READ_OPS, *WRITE_OPS)}
    errors = 0
    error_types: dict[str, int] = {}
    samples: list[dict[str, str]] = []
    failed: list[dict[str, Any]] = []
    elapsed: list[float] = []
    extra: dict[str, int] = {}
    for w in workers:
        r = w["result"]
        if r is None or w["rc"] != 0:
            errors += 1
            tail = w["log"].read_text(errors="replace").strip().splitlines()[-12:]
            failed.append({"worker": w["name"], "exit": w["rc"], "stderr": "\n".join(tail)})
            error_types["worker process failed"] = error_types.get("worker process failed", 0) + 1
            if r is None:
                continue
        elapsed.append(r["elapsed_s"])
        for op, values in r["ms"].items():
            ms.setdefault(op, []).extend(values)
        errors += r["errors"]
        for name, count in r["error_types"].items():
            error_types[name] = error_types.get(name, 0) + count
        samples += [{"worker": w["name"], **s} for s in r["error_samples"]]
        for key in (
            "gallery_reloads",
            "searches_with_hits",
            "search_hits",
            "items_created",
            "items_published",
        ):
            extra[key] = extra.get(key, 0) + int(r.get(key, 0))
        if r["role"] == "kiosk":
            extra["gallery_items_at_end"] = max(
                extra.get("gallery_items_at_end", 0), int(r.get("gallery_items_at_end", 0))
            )
    window = max(elapsed) if elapsed else seconds
    reads = [v for op in READ_OPS for v in ms[op]]
    writes = [v for op in WRITE_OPS for v in ms[op]]
    per_op = {
        op: {
            "count": len(v),
            "p50_ms": pct(v, 0.5),
            "p95_ms": pct(v, 0.95),
            "p99_ms": pct(v, 0.99),
            "max_ms": max(v) if v else float("nan"),
        }
        for op, v in ms.items()
    }
    return {
        "engine": label,
        "readers": readers,
        "writers": writers,
        "seconds": seconds,
        "window_s": window,
        "start_s": start_s,
        "reads": len(reads),
        "reads_per_s": len(reads) / window,
        "read_p50_ms": pct(reads, 0.5),
        "read_p95_ms": pct(reads, 0.95),
        "read_p99_ms": pct(reads, 0.99),
        "writes": len(writes),
        "writes_per_s": len(writes) / window,
        "write_p50_ms": pct(writes, 0.5),
        "write_p95_ms": pct(writes, 0.95),
        "errors": errors,
        "error_types": error_types,
        "error_samples": samples[:12],
        "failed_workers": failed,
        "per_op": per_op,
        **extra,
    }


# --------------------------------------------------------------------------- kill -9


def make_folder(folder: Path, n: int, seed: int) -> list[str]:
    """``n`` pictures with their own pixels; returns their titles in import (walk) order."""
    from PIL import Image

    from exhibition_app.operations.bulk import title_from_filename

    rng = random.Random(seed)
    folder.mkdir(parents=True)
    names = []
    for i in range(n):
        small = Image.frombytes("RGB", (8, 6), rng.randbytes(8 * 6 * 3))
        im = small.resize((960, 720), Image.Resampling.BICUBIC)
        name = f"killed_import_{i:02d}.jpg" if i % 2 else f"killed_import_{i:02d}.png"
        if i % 2:
            im.save(folder / name, quality=90)
        else:
            im.save(folder / name, compress_level=1)
        names.append(name)
    return [title_from_filename(name) for name in sorted(names)]


def kill_test(url: str, assets: Path, work: Path, images: int, seed: int) -> dict[str, Any]:
    from sqlalchemy import create_engine, func, select

    from exhibition_app.catalog import Catalog
    from exhibition_app.db.models import Item

    rng = random.Random(seed)
    folder = work / "kill-folder"
    titles = make_folder(folder, images, seed)
    target = rng.randint(5, min(30, images - 5))
    engine = create_engine(url)
    with engine.connect() as conn:
        before = conn.scalar(select(func.coalesce(func.max(Item.id), 0)))
    cmd = [*app_command(), "--catalog", url, "--assets", str(assets)]
    cmd += ["import", "folder", str(folder), "--kind", "object", "--json"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    seen = 0
    killed = False
    delay_ms = 0.0
    while proc.poll() is None and time.perf_counter() - t0 < 600:
        with engine.connect() as conn:
            seen = conn.scalar(select(func.count(Item.id)).where(Item.id > before)) or 0
        if seen >= target:
            delay_ms = rng.uniform(0, 40)
            time.sleep(delay_ms / 1000)
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                killed = True
            break
        time.sleep(0.005)
    _out, err = proc.communicate(timeout=60)
    kill_s = time.perf_counter() - t0
    engine.dispose()

    with Catalog(url, assets) as catalog, catalog.read_session() as session:
        made = list(session.scalars(select(Item).where(Item.id > before).order_by(Item.id)))
        made_titles = [item.text_map("title").get("en", "") for item in made]
        pictures = [len(item.media_links) for item in made]
    first = cli(url, assets, "check")
    result: dict[str, Any] = {
        "images": images,
        "kill_after_items": target,
        "kill_delay_ms": delay_ms,
        "killed": killed,
        "exit_code": proc.returncode,
        "seconds_to_kill": kill_s,
        "stderr_tail": err.decode(errors="replace").strip()[-500:],
        "items_made": len(made),
        "mid_import": killed and 0 < len(made) < images,
        "one_picture_each": all(p == 1 for p in pictures),
        "first_pictures_in_order": made_titles == titles[: len(made)],
        "check": first,
    }
    problems = (first["json"] or {}).get("problems", [])
    only_orphans = bool(problems) and all(p.startswith("orphan file") for p in problems)
    if only_orphans:
        result["repair"] = cli(url, assets, "check", "--repair")
        result["check_after_repair"] = cli(url, assets, "check")
    final = result.get("check_after_repair", first)
    result["consistent"] = bool(
        (final["json"] or {}).get("ok")
        and result["one_picture_each"]
        and result["first_pictures_in_order"]
    )
    return result


# --------------------------------------------------------------------------- report


def pg_version(url: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return str(conn.scalar(text("SHOW server_version")))
    finally:
        engine.dispose()


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _f(value: float, digits: int = 1) -> str:
    return "n/a" if value != value else f"{value:,.{digits}f}"  # NaN: nothing measured


def table(runs: list[dict[str, Any]]) -> str:
    lines = [
        "| engine | readers | writers | seconds | reads done | reads/s | read p50 ms "
        "| read p95 ms | read p99 ms | writes done | write p95 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in runs:
        lines.append(
            f"| {r['engine']} | {r['readers']} | {r['writers']} | {r['seconds']:g} "
            f"| {r['reads']:,} | {_f(r['reads_per_s'])} | {_f(r['read_p50_ms'])} "
            f"| {_f(r['read_p95_ms'])} | {_f(r['read_p99_ms'])} | {r['writes']:,} "
            f"| {_f(r['write_p95_ms'])} | {r['errors']} |"
        )
    return "\n".join(lines)


def _per_op(r: dict[str, Any]) -> str:
    parts = []
    for op in (*READ_OPS, *WRITE_OPS):
        s = r["per_op"].get(op)
        if s and s["count"]:
            parts.append(
                f"{op} {s['count']:,} (p50 {_f(s['p50_ms'])}, p95 {_f(s['p95_ms'])}, "
                f"max {_f(s['max_ms'], 0)} ms)"
            )
    return "; ".join(parts)


def _check_text(check: dict[str, Any] | None) -> str:
    if check is None:
        return "not run"
    data = check["json"] or {}
    if data.get("ok"):
        return f"ok ({data.get('media_checked', 0)} media files verified)"
    problems = data.get("problems") or [check["stderr"].splitlines()[-1:] or "no output"]
    more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
    return f"NOT ok (exit {check['rc']}): " + "; ".join(map(str, problems[:3])) + more


def _kill_text(k: dict[str, Any]) -> str:
    if "skipped" in k:
        return f"not run: {k['skipped']}"
    if not k["killed"]:
        return (
            f"the import of {k['images']} pictures ended (exit {k['exit_code']}) before "
            f"{k['kill_after_items']} of its items were seen, so it was not killed; "
            f"`check`: {_check_text(k['check'])}"
        )
    text = (
        f"`import folder` of {k['images']} pictures killed with SIGKILL "
        f"{k['kill_delay_ms']:.0f} ms after it was seen to have committed "
        f"{k['kill_after_items']} items ({k['seconds_to_kill']:.1f} s after launch); it had made "
        f"{k['items_made']} items, "
        + ("each with one picture" if k["one_picture_each"] else "NOT each with one picture")
        + (
            ", the first pictures of the folder in order"
            if k["first_pictures_in_order"]
            else ", NOT the first pictures of the folder in order"
        )
        + f". `check`: {_check_text(k['check'])}"
    )
    if "repair" in k:
        repaired = (k["repair"]["json"] or {}).get("repaired", [])
        text += (
            f"; `check --repair` removed {len(repaired)} orphan file(s) (exit "
            f"{k['repair']['rc']}); `check` after: {_check_text(k['check_after_repair'])}"
        )
    verdict = "consistent" if k["consistent"] else "NOT consistent"
    return text + f". Verdict: PostgreSQL catalogue {verdict}."


def _label(r: dict[str, Any]) -> str:
    return f"{r['engine']} {r['readers']}+{r['writers']}"


def _errors_text(r: dict[str, Any]) -> str:
    if not r["errors"]:
        return f"{_label(r)}: no errors."
    kinds = ", ".join(f"{k} x{v}" for k, v in sorted(r["error_types"].items(), key=lambda x: -x[1]))
    first = "; ".join(
        f"{s['worker']} {s['op']}: {s['type']}: {s['message'].splitlines()[0][:200]}"
        for s in r["error_samples"][:3]
    )
    failed = "; ".join(
        f"{f['worker']} exit {f['exit']}: {f['stderr'].splitlines()[-1:]}"
        for f in r["failed_workers"][:3]
    )
    return f"{_label(r)}: {r['errors']} errors ({kinds}). First: {first or failed}."


def markdown(doc: dict[str, Any]) -> str:
    runs = doc["runs"]
    busiest = max((r["readers"] + r["writers"] for r in runs), default=0)
    lines = [
        SECTION,
        "",
        "Command: `python -m bench multisite` (`make bench PARTS=multisite`)",
        "",
        table(runs) if runs else "No load run completed.",
        "",
        f"Kill -9 of a curator mid-import: {_kill_text(doc['kill'])}",
        "",
        "Notes",
        f"- Machine: {doc['machine']['cpu']}, {doc['machine']['cores']} cores; "
        f"PostgreSQL {doc['postgresql_version']} (a throwaway cluster on loopback, fsync off, "
        f"synchronous_commit off: tools/pg_cluster.py); SQLite {doc['sqlite_version']} in WAL "
        f"mode (synchronous NORMAL); Python {platform.python_version()}. Every process (the "
        "workers, PostgreSQL's backends) shares these cores, so the latencies include waiting "
        f"for a core: with {busiest} busy worker processes on {doc['machine']['cores']} "
        "cores a read waits more for a CPU than for the database. The PostgreSQL run with "
        "the SQLite run's shape is the like-for-like comparison of the two engines.",
        f"- Data: the sample's exhibitions (bundles) plus {doc['synthetic_items']} generated "
        f"items in four languages; each catalogue started with {doc['start_items']} items "
        f"({doc['start_published']} published, showing {doc['start_media']} distinct "
        "pictures). Curators add and publish items as they go, so the kiosks' gallery grows "
        "during a run (to "
        + ", ".join(f"{r.get('gallery_items_at_end', 0):,} items in {_label(r)}" for r in runs)
        + "). Each run has its own copy of the data as filled (PostgreSQL: a database made "
        "from the filled one as its template, with a copy of its assets folder).",
        "- Kiosks (`bench/multisite_worker.py`, no Qt, one read session per read, as the "
        f"kiosk's database worker): the publication serial polled every {doc['poll_s']:g} s "
        "(each kiosk's first poll at a random point of the first interval) and the "
        "published gallery reloaded whenever it changed (curators publish all the time, so "
        "nearly every poll reloads; a real kiosk polls every 5 s, or hears a NOTIFY, but "
        "reloads only at its next idle reset, so this is the heavier load); in between, "
        "without pauses, "
        "a random published item's full view (item, texts, pictures, tags, relations; "
        "annotations and georeference of a map) and a search (limit 500) for a random "
        "query in English, Kazakh, Russian or Mongolian. "
        "Curators: import a generated ~640x480 JPEG or PNG as a new item (`import_image`), "
        "edit it (`edit_item`: texts, tags, date, country), publish it (`publish`); one "
        "write is one of these transactions. Latencies are per operation, from the call to "
        "its return, for operations that succeeded.",
    ]
    for r in runs:
        lines.append(
            f"- {_label(r)}, per operation: {_per_op(r)}. Gallery reloads: "
            f"{r.get('gallery_reloads', 0):,}; searches that found something: "
            f"{r.get('searches_with_hits', 0):,} of {r['per_op']['search']['count']:,}; items "
            f"created {r.get('items_created', 0):,}, published {r.get('items_published', 0):,}. "
            f"Workers started in {r['start_s']:.0f} s (not measured). `check` afterwards: "
            f"{_check_text(r.get('check'))}."
        )
    lines.append("- Errors: " + " ".join(_errors_text(r) for r in runs))
    if doc.get("pg_skipped"):
        lines.append(f"- PostgreSQL was not measured: {doc['pg_skipped']}.")
    if doc.get("search_note"):
        lines.append(f"- {doc['search_note']}")
    if doc["seconds"] != 60:
        lines.append(f"- A shortened run ({doc['seconds']:g} s per engine, not the issue's 60 s).")
    lines.append(
        f"- Whole run {doc['total_s'] / 60:.1f} min. Figures: bench/results/multisite.json."
    )
    return "\n".join(lines) + "\n"


def main() -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tools"))
    from pg_cluster import ClusterUnavailable, PgCluster

    from bench.multisite_worker import POLL_S

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--seconds",
        type=float,
        default=float(os.environ.get("MULTISITE_SECONDS", "60")),
        help="length of each load run (default 60, or $MULTISITE_SECONDS)",
    )
    parser.add_argument("--markdown", type=Path, help="write the markdown section here")
    parser.add_argument("--json-out", type=Path, default=RESULTS, help="raw figures (JSON)")
    parser.add_argument("--items", type=int, default=300, help="generated items (default 300)")
    parser.add_argument("--pg-readers", type=int, default=20)
    parser.add_argument("--pg-writers", type=int, default=2)
    parser.add_argument("--pg-small-readers", type=int, default=4)
    parser.add_argument("--pg-small-writers", type=int, default=1)
    parser.add_argument("--sqlite-readers", type=int, default=4)
    parser.add_argument("--sqlite-writers", type=int, default=1)
    parser.add_argument("--kill-images", type=int, default=40)
    parser.add_argument(
        "--poll-s", type=float, default=POLL_S, help="kiosks' serial poll (default 20 s)"
    )
    parser.add_argument("--seed", type=int, default=1689)
    args = parser.parse_args()
    if max(args.pg_writers, args.pg_small_writers, args.sqlite_writers) > len(CURATORS):
        raise SystemExit(f"at most {len(CURATORS)} writers")

    started = time.perf_counter()
    doc: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": args.seconds,
        "synthetic_items": args.items,
        "poll_s": args.poll_s,
        "machine": {"cpu": cpu_model(), "cores": os.cpu_count()},
        "sqlite_version": sqlite3.sqlite_version,
        "postgresql_version": "n/a",
        "runs": [],
        "kill": {"skipped": "PostgreSQL was not available"},
    }
    with tempfile.TemporaryDirectory(prefix="multisite-bench-") as tmp:
        work = Path(tmp)
        print("multisite: exporting the sample's exhibitions ...", flush=True)
        bundles, shas = sample_bundles(work)
        csv = work / "generated.csv"
        synthetic_csv(csv, shas, args.items, args.seed)

        # -- PostgreSQL ---------------------------------------------------------------------
        cluster = None
        try:
            cluster = PgCluster().start()
        except ClusterUnavailable as exc:
            doc["pg_skipped"] = str(exc)
            print(f"  PostgreSQL unavailable: {exc}", flush=True)
        if cluster is not None:
            try:
                base = cluster.create_database("multisite_base")
                doc["postgresql_version"] = pg_version(base)
                pg_assets = work / "pg-assets"
                print(f"  filling PostgreSQL {doc['postgresql_version']} ...", flush=True)
                held = fill(base, pg_assets, bundles, csv)
                url = cluster.create_database("multisite", template="multisite_base")
                small_assets = work / "pg-small-assets"
                shutil.copytree(pg_assets, small_assets)
                doc.update(
                    start_items=held["items"],
                    start_published=held["published"],
                    start_media=held["media"],
                )
                run = run_load(
                    f"PostgreSQL {doc['postgresql_version'].split()[0]}",
                    url,
                    pg_assets,
                    args.pg_readers,
                    args.pg_writers,
                    args.seconds,
                    work / "pg-run",
                    args.poll_s,
                )
                run["check"] = cli(url, pg_assets, "check")
                doc["runs"].append(run)
                if args.pg_small_readers + args.pg_small_writers:
                    # The SQLite run's shape on PostgreSQL, on a copy of the data as it was
                    # before the first run (the filled database is its template).
                    small = cluster.create_database("multisite_small", template="multisite_base")
                    run = run_load(
                        f"PostgreSQL {doc['postgresql_version'].split()[0]}",
                        small,
                        small_assets,
                        args.pg_small_readers,
                        args.pg_small_writers,
                        args.seconds,
                        work / "pg-small-run",
                        args.poll_s,
                    )
                    run["check"] = cli(small, small_assets, "check")
                    doc["runs"].append(run)
                print("  kill -9 of a folder import ...", flush=True)
                doc["kill"] = kill_test(url, pg_assets, work, args.kill_images, args.seed)
            finally:
                cluster.stop()

        # -- SQLite -------------------------------------------------------------------------
        sq_dir = work / "sqlite"
        sq_dir.mkdir()
        db, sq_assets = sq_dir / "catalog.db", sq_dir / "assets"
        print("  filling SQLite ...", flush=True)
        held = fill(db, sq_assets, bundles, csv)
        doc.setdefault("start_items", held["items"])
        doc.setdefault("start_published", held["published"])
        doc.setdefault("start_media", held["media"])
        run = run_load(
            f"SQLite {sqlite3.sqlite_version}",
            str(db),
            sq_assets,
            args.sqlite_readers,
            args.sqlite_writers,
            args.seconds,
            work / "sqlite-run",
            args.poll_s,
        )
        run["check"] = cli(str(db), sq_assets, "check")
        doc["runs"].append(run)

    pg_run = next((r for r in doc["runs"] if r["engine"].startswith("PostgreSQL")), None)
    sq_run = next((r for r in doc["runs"] if r["engine"].startswith("SQLite")), None)
    if pg_run and sq_run and not pg_run.get("searches_with_hits"):
        doc["search_note"] = (
            "Search on PostgreSQL found nothing in this run (SQLite: "
            f"{sq_run.get('searches_with_hits', 0):,} searches with hits): full-text search "
            "on PostgreSQL was not there yet, `search()` returns no ids there without error. "
            "Its searches are cheap for that reason; compare search latencies with care."
        )
    doc["total_s"] = time.perf_counter() - started

    print(table(doc["runs"]), flush=True)
    print(f"kill -9: {_kill_text(doc['kill'])}", flush=True)
    for r in doc["runs"]:
        print(_errors_text(r), flush=True)
    section = markdown(doc)
    if args.markdown:
        args.markdown.write_text(section, encoding="utf-8")
        print(f"wrote {args.markdown}")
    args.json_out.parent.mkdir(parents=True, exist_ok=True)
    args.json_out.write_text(json.dumps(doc, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"wrote {args.json_out}")


if __name__ == "__main__":
    main()
