"""One tile builder at a time per tile set: threads of one process and separate processes
take turns, the second caller finds the set built and builds nothing, a cancelled waiter
leaves at once, and the finished folder is never missing while a second builder runs.

(Found by CI: the curator asked for the same map's tiles twice at once; the second build's
swap took the folder away for an instant, just as the first caller read its info.json.)"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Item, Media
from exhibition_app.imaging import tiles as tiles_module
from exhibition_app.imaging.build_lock import exclusive, lock_file_for
from exhibition_app.imaging.tiles import TilesCancelled
from exhibition_app.operations.ingest import import_image
from exhibition_app.operations.maps import ensure_tiles, tiles_dir

ROOT = Path(__file__).resolve().parents[2]
AS_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def _map(catalog: Catalog, tmp_path: Path) -> Media:
    src = tmp_path / "map.png"
    Image.effect_mandelbrot((1500, 1100), (-2, -1.2, 1, 1.2), 60).convert("RGB").save(src)
    item_id = import_image(catalog, src, kind="map", title="A map")
    with catalog.read_session() as session:
        item = session.get(Item, item_id)
        assert item is not None and item.cover_media is not None
        media = item.cover_media
        session.expunge(media)
    return media


def test_threads_building_the_same_set_build_it_once(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    media = _map(catalog, tmp_path)
    dest = tiles_dir(catalog, media)
    builds: list[float] = []
    real_build = tiles_module.build_tiles

    def counted(*args: object, **kwargs: object) -> object:
        builds.append(time.monotonic())
        time.sleep(0.3)  # long enough that the other thread arrives meanwhile
        return real_build(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tiles_module, "build_tiles", counted)
    missing_after_done: list[bool] = []
    stop = threading.Event()

    def watch() -> None:  # once the set exists it must never vanish, not for an instant
        seen = False
        while not stop.is_set():
            exists = (dest / "info.json").is_file()
            if seen and not exists:
                missing_after_done.append(True)
            seen = seen or exists

    results: list[Path] = []
    errors: list[BaseException] = []

    def build() -> None:
        try:
            results.append(ensure_tiles(catalog, media))
        except BaseException as exc:
            errors.append(exc)

    watcher = threading.Thread(target=watch)
    watcher.start()
    workers = [threading.Thread(target=build) for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    stop.set()
    watcher.join(10)
    assert not errors
    assert len(builds) == 1, f"{len(builds)} builds of one tile set"
    assert results == [dest / "info.json"] * 3
    assert not missing_after_done
    assert json.loads((dest / "info.json").read_text(encoding="utf-8"))["width"] == 1500


def test_a_cancelled_waiter_leaves_without_building(tmp_path: Path) -> None:
    dest = tmp_path / "tiles" / "abc"
    held = threading.Event()
    release = threading.Event()

    def holder() -> None:
        with exclusive(dest):
            held.set()
            release.wait(30)

    t = threading.Thread(target=holder)
    t.start()
    assert held.wait(10)
    started = time.monotonic()
    deadline = started + 0.4

    def cancelled() -> None:
        raise TilesCancelled("tile building was cancelled")

    with (
        pytest.raises(TilesCancelled),
        exclusive(dest, lambda: time.monotonic() > deadline, cancelled),
    ):
        pytest.fail("got the lock another thread holds")
    assert time.monotonic() - started < 5
    release.set()
    t.join(10)
    with exclusive(dest):  # free again
        pass


def test_another_process_holding_the_lock_makes_us_wait(tmp_path: Path) -> None:
    dest = tmp_path / "tiles" / "def"
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from exhibition_app.imaging.build_lock import exclusive\n"
        f"with exclusive(Path({str(dest)!r})):\n"
        "    print('held', flush=True)\n"
        "    sys.stdin.read()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        deadline = time.monotonic() + 0.5

        def gave_up() -> None:
            raise TimeoutError

        with (
            pytest.raises(TimeoutError),
            exclusive(dest, lambda: time.monotonic() > deadline, gave_up),
        ):
            pytest.fail("got the lock another process holds")
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(20)
    with exclusive(dest, lambda: True, gave_up):  # released with the process: no wait
        pass


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root and setpriv to act as a second account",
)
def test_accounts_share_the_lock_of_a_file_the_other_one_made(tmp_path: Path) -> None:
    """The kiosk account and a curator's on one machine: the lock file one of them made
    (mode 0644 under the usual umask) still serves the other, read-only."""
    dest = tmp_path / "tiles" / "ghi"
    lock_file = lock_file_for(dest)
    lock_file.unlink(missing_ok=True)
    with exclusive(dest):
        pass
    os.chmod(lock_file, 0o644)  # as the usual umask leaves it: others may not write
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from exhibition_app.imaging.build_lock import exclusive\n"
        "deadline = time.monotonic() + 0.5\n"
        "def gave_up():\n"
        "    print('waited', flush=True); sys.exit(0)\n"
        f"with exclusive(Path({str(dest)!r}), lambda: time.monotonic() > deadline, gave_up):\n"
        "    print('got it', flush=True)\n"
    )
    with exclusive(dest):
        out = subprocess.run(
            [*AS_NOBODY, sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=60,
        )
    if "PermissionError" in out.stderr and "exhibition_app" not in out.stderr:
        pytest.skip("the other account cannot read this checkout")
    assert out.stdout.strip() == "waited", out.stderr
    lock_file.unlink(missing_ok=True)
