"""Killing ``import csv``, ``annotations import`` and ``import bundle`` part-way never
leaves a broken catalogue (issue 15; ``import folder`` has its own test beside this one).

Each command runs as a real subprocess and is killed with SIGKILL at seeded random points
spread over the time a whole run takes here (measured first, in the same test). After every
kill the catalogue checks clean (an orphan picture from a kill between storing it and the
commit is allowed, and quarantined by ``check --repair``); a CSV file and a bundle are in
whole or not at all; a KML file is in by whole batches, and importing it again completes it
without a duplicate place.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Annotation, Item
from exhibition_app.operations.check import check_catalog
from exhibition_app.operations.maps import KML_BATCH

ROOT = Path(__file__).resolve().parents[2]
SEED = 1689
ROUNDS = 4
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

pytestmark = pytest.mark.slow


def cli(db: str, assets: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "exhibition_app", "--catalog", db, "--assets", str(assets), *args]


def timed_run(command: list[str]) -> float:
    started = time.monotonic()
    proc = subprocess.run(command, env=ENV, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return time.monotonic() - started


def kill_at(command: list[str], seconds: float) -> None:
    proc = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err, err


def import_map(db: str, assets: Path, image: Path) -> int:
    """A whole-world map item (plate carree) from ``image``; its id."""
    args = ("import", "image", str(image), "--kind", "map", "--title", "W")
    command = cli(db, assets, *args, "--georef", "equirectangular", "--json")
    made = subprocess.run(command, env=ENV, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    return int(json.loads(made.stdout)["id"])


def assert_whole(db: str, assets: Path) -> None:
    with Catalog.open(db, assets) as catalog:
        report = check_catalog(catalog)
        if not report.ok:
            assert all(p.startswith("orphan file media/") for p in report.problems), report.problems
            assert check_catalog(catalog, repair=True, force=True).ok
            assert check_catalog(catalog).ok


def count(db: str, assets: Path, model: type, **where: object) -> int:
    with Catalog.open(db, assets) as catalog, catalog.read_session() as s:
        query = select(func.count()).select_from(model)
        for column, value in where.items():
            query = query.where(getattr(model, column) == value)
        return int(s.scalar(query) or 0)


def test_killing_a_csv_import_leaves_all_rows_or_none(tmp_path: Path, catalog_url: str) -> None:
    rng = random.Random(SEED)
    assets = tmp_path / "assets"
    Catalog.open(catalog_url, assets).close()
    files = []
    for n in range(ROUNDS + 1):
        lines = ["identifier,type,title@en"]
        lines += [f"R{n}-{i:05d},object,Row {i} of file {n}" for i in range(4000)]
        path = tmp_path / f"rows-{n}.csv"
        path.write_bytes(("\r\n".join([*lines, ""])).encode("utf-8-sig"))
        files.append(path)
    whole = timed_run(cli(catalog_url, assets, "import", "csv", str(files[0])))
    expected = 4000
    for path in files[1:]:
        kill_at(cli(catalog_url, assets, "import", "csv", str(path)), rng.uniform(0.3, 1.0) * whole)
        assert_whole(catalog_url, assets)
        rows = count(catalog_url, assets, Item)
        assert rows in (expected, expected + 4000), rows  # the file whole, or not at all
        expected = rows


def test_killing_a_kml_import_keeps_whole_batches_and_completes(
    tmp_path: Path, catalog_url: str
) -> None:
    rng = random.Random(SEED)
    assets = tmp_path / "assets"
    Catalog.open(catalog_url, assets).close()
    image = tmp_path / "world.png"
    Image.new("RGB", (720, 360), (40, 80, 120)).save(image)
    item_id = import_map(catalog_url, assets, image)
    places = 5 * KML_BATCH
    marks = "".join(
        f"<Placemark><name>P{i}</name><Point><coordinates>{-179 + (i % 358)},"
        f"{-80 + (i // 358) * 0.5}</coordinates></Point></Placemark>"
        for i in range(places)
    )
    kml = tmp_path / "places.kml"
    kml.write_text(f"<kml><Document>{marks}</Document></kml>", encoding="utf-8")
    command = cli(catalog_url, assets, "annotations", "import", str(item_id), str(kml))
    probe = tmp_path / "probe.db"
    started = time.monotonic()
    import_map(str(probe), tmp_path / "probe", image)
    whole = time.monotonic() - started
    whole += timed_run(cli(str(probe), tmp_path / "probe", "annotations", "import", "1", str(kml)))
    for _ in range(ROUNDS):
        kill_at(command, rng.uniform(0.3, 1.0) * whole)
        assert_whole(catalog_url, assets)
        notes = count(catalog_url, assets, Annotation, item_id=item_id)
        assert notes % KML_BATCH == 0 and notes <= places, notes  # whole batches only
    timed_run(command)  # again, to the end: the places already there are updated
    assert count(catalog_url, assets, Annotation, item_id=item_id) == places
    assert_whole(catalog_url, assets)


def test_killing_a_bundle_import_leaves_it_whole_or_absent(
    tmp_path: Path, sample_paths: tuple[Path | str, Path]
) -> None:
    rng = random.Random(SEED)
    db, sample_assets = sample_paths
    bundle = tmp_path / "then-and-now.zip"
    timed_run(cli(str(db), sample_assets, "export", "bundle", "2", str(bundle), "--no-tiles"))
    kiosk, kiosk_assets = str(tmp_path / "kiosk.db"), tmp_path / "kiosk"
    probe = cli(str(tmp_path / "probe.db"), tmp_path / "probe", "import", "bundle", str(bundle))
    whole = timed_run(probe)
    Catalog.open(kiosk, kiosk_assets).close()
    for _ in range(ROUNDS):
        kill_at(
            cli(kiosk, kiosk_assets, "import", "bundle", str(bundle)), rng.uniform(0.3, 1.0) * whole
        )
        assert_whole(kiosk, kiosk_assets)
        assert count(kiosk, kiosk_assets, Item) in (0, 6)
    timed_run(cli(kiosk, kiosk_assets, "import", "bundle", str(bundle)))
    assert count(kiosk, kiosk_assets, Item) == 6
    assert_whole(kiosk, kiosk_assets)
