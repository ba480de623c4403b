"""Killing ``import folder`` at random points never leaves a broken catalogue.

The command runs as a real subprocess on a folder of small images (PNGs copied as they are,
and EXIF-rotated JPEGs that are re-encoded) and is killed with SIGKILL after a seeded random
point. Python's start-up (over a second) would swallow kills timed from the launch, so each
round picks an image k (spread over the folder, one per slice) and kills the process a
random few milliseconds after the k-th new file appears in the store: kills land while a
file is written, between its rename and its commit, and between two images. After each kill
the catalogue must check clean (an orphan file, from a kill between the rename and the
commit, is allowed only as long as ``check --repair`` removes it), every item must have
exactly one picture, and the items made must be the first images of the folder, in order.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from subprocess import DEVNULL, PIPE

import pytest
from PIL import Image
from sqlalchemy import func, select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Item, ItemMedia, Media
from exhibition_app.operations.bulk import title_from_filename
from exhibition_app.operations.check import check_catalog

SEED = 1492
ROUNDS = 12
IMAGES = 30

pytestmark = pytest.mark.slow


def make_folder(root: Path, rng: random.Random) -> list[str]:
    """IMAGES distinct pictures and two refusals; returns the pictures' titles in walk order."""
    names = []
    for n in range(IMAGES):
        small = Image.frombytes("RGB", (6, 5), rng.randbytes(6 * 5 * 3))
        im = small.resize((64, 48), Image.Resampling.BICUBIC)
        folder = root / f"shelf_{n // 10}"
        folder.mkdir(parents=True, exist_ok=True)
        if n % 3 == 2:  # stored re-encoded (rotated upright), through the scratch folder
            exif = Image.Exif()
            exif[0x0112] = 6
            name = f"plate_{n:02d}.jpg"
            im.save(folder / name, quality=90, exif=exif)
        else:  # stored byte for byte, through a temporary copy
            name = f"plate_{n:02d}.png"
            im.save(folder / name, compress_level=1)
        names.append(f"{folder.name}/{name}")
    (root / "shelf_0" / "notes.txt").write_text("not a picture\n")
    (root / "shelf_1" / "plate_99.jpg").write_bytes(b"\xff\xd8\xff\xe0 truncated")
    return [title_from_filename(Path(n).name) for n in sorted(names)]


def command(db: Path | str, assets: Path, folder: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "exhibition_app",
        "--catalog",
        str(db),
        "--assets",
        str(assets),
        "import",
        "folder",
        str(folder),
        "--kind",
        "object",
        "--json",
    ]


ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def item_titles(catalog: Catalog) -> list[str]:
    with catalog.read_session() as s:
        items = s.scalars(select(Item).order_by(Item.id)).all()
        return [i.text_map("title")["en"] for i in items]


def assert_whole(db: Path | str, assets: Path) -> list[str]:
    """Check (repairing only orphan files) and return the item titles in id order."""
    with Catalog.open(db, assets) as catalog:
        report = check_catalog(catalog)
        if not report.ok:
            assert all(p.startswith("orphan file media/") for p in report.problems), report.problems
            assert len(report.problems) == 1  # at most the one image being committed
            repaired = check_catalog(catalog, repair=True, force=True)  # may know no media yet
            assert repaired.ok, repaired.problems
            assert len(repaired.repaired) == 1
            assert check_catalog(catalog).ok
        with catalog.read_session() as s:
            items = s.scalar(select(func.count()).select_from(Item))
            links = s.scalar(select(func.count()).select_from(ItemMedia))
            media = s.scalar(select(func.count(func.distinct(ItemMedia.media_id))))
            rows = s.scalar(select(func.count()).select_from(Media))
        assert items == links == media == rows, (items, links, media, rows)
        assert report.media_checked == rows
        return item_titles(catalog)


def stored_files(assets: Path) -> int:
    """Files published in the store so far (temporary copies not counted)."""
    media = assets / "media"
    if not media.is_dir():
        return 0
    total = 0
    with os.scandir(media) as shards:
        for shard in shards:
            with os.scandir(shard.path) as files:
                total += sum(not f.name.startswith(".tmp-") for f in files)
    return total


def kill_after_file(assets: Path, proc: subprocess.Popen[bytes], count: int, extra: float) -> None:
    """SIGKILL ``proc`` ``extra`` seconds after the store holds ``count`` files."""
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if stored_files(assets) >= count:
            break
        time.sleep(0.002)
    time.sleep(extra)
    proc.kill()


def test_killing_a_folder_import_leaves_a_whole_catalogue(tmp_path: Path, catalog_url: str) -> None:
    """On SQLite and on PostgreSQL (``catalog_url`` is a file or a server database)."""
    rng = random.Random(SEED)
    db, assets = catalog_url, tmp_path / "assets"
    Catalog.open(db, assets).close()  # migrated first: the kills land in the import
    titles: list[str] = []

    # Kill points: the k-th image of the folder, one k in each of ROUNDS equal slices.
    points = [int((n + rng.random()) * IMAGES / ROUNDS) for n in range(ROUNDS)]
    rng.shuffle(points)
    partial = 0
    made_per_round = []
    for n, k in enumerate(points):
        folder = tmp_path / f"in-{n}"
        expected = make_folder(folder, rng)
        before = len(titles)
        proc = subprocess.Popen(command(db, assets, folder), env=ENV, stdout=DEVNULL, stderr=PIPE)
        kill_after_file(assets, proc, before + k + 1, rng.uniform(0, 0.03))
        _, err = proc.communicate(timeout=30)
        assert b"Traceback" not in err and b"error" not in err, err
        titles = assert_whole(db, assets)
        made = titles[before:]
        # What finished stayed committed, in walk order, and nothing else.
        assert made == expected[: len(made)], (k, made)
        partial += 0 < len(made) < IMAGES
        made_per_round.append(len(made))
        with Catalog.open(db, assets) as catalog:  # what the killed process left in scratch
            catalog.store.sweep_temp_files(older_than_s=0)
    assert partial >= ROUNDS // 2, f"only {partial} kills landed in the middle of an import"

    # Running a killed import again completes it: the committed images are recognised.
    again = subprocess.run(
        command(db, assets, tmp_path / "in-0"), env=ENV, capture_output=True, text=True
    )
    assert again.returncode == 0, again.stderr
    result = json.loads(again.stdout)
    already = [r for r in result["refused"] if r["reason"].startswith("already in")]
    assert len(already) == made_per_round[0]
    assert result["imported"] + len(already) == IMAGES
    assert len(result["refused"]) == len(already) + 2  # and the two bad files
    check = subprocess.run(
        [*command(db, assets, tmp_path)[:7], "check", "--json"],
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert json.loads(check.stdout)["ok"] is True
