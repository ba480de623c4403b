"""`sync --from SHARED_DIR` from the command line: JSON shape, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
KEYS = {"copied", "bytes_copied", "unchanged", "removed", "problems", "ok"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "exhibition_app", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def files(root: Path) -> dict[str, int]:
    """Every file under root/media and root/tiles with its size."""
    return {
        p.relative_to(root).as_posix(): p.stat().st_size
        for top in ("media", "tiles")
        for p in sorted((root / top).rglob("*"))
        if p.is_file()
    }


def setup(sample_paths: tuple[Path | str, Path], tmp_path: Path) -> tuple[list[str], Path, Path]:
    """(global options for the kiosk, the share, the kiosk's assets): the share is the
    sample's assets folder with the tile sets of two maps built in it (tiles are derived,
    never committed, so a fresh clone has none to copy)."""
    db, share = sample_paths
    from exhibition_app.catalog import Catalog
    from exhibition_app.operations.maps import build_item_tiles

    with Catalog.open(db, share) as catalog:
        for item_id in (3, 4):  # the two smallest maps of the sample
            build_item_tiles(catalog, item_id)
    kiosk = tmp_path / "kiosk"
    return ["--catalog", str(db), "--assets", str(kiosk)], share, kiosk


def test_sync_json_then_nothing_to_do(sample_paths: tuple[Path, Path], tmp_path: Path) -> None:
    options, share, kiosk = setup(sample_paths, tmp_path)
    expected = files(share)
    assert sum(1 for p in expected if p.startswith("media/")) == 9
    assert sum(1 for p in expected if p.startswith("tiles/")) > 20

    proc = run(*options, "sync", "--from", str(share), "--json")

    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data == {
        "copied": len(expected),
        "bytes_copied": sum(expected.values()),
        "unchanged": 0,
        "removed": 0,
        "problems": [],
        "ok": True,
    }
    assert files(kiosk) == expected
    for rel in expected:
        assert (kiosk / rel).read_bytes() == (share / rel).read_bytes()
    assert (kiosk / ".sync-state.json").is_file()

    again = run(*options, "sync", "--from", str(share))
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == [
        f"synced from {share}: copied 0 files (0 B), {len(expected)} unchanged, removed 0 files"
    ]


def test_dry_run_reports_and_writes_nothing(
    sample_paths: tuple[Path, Path], tmp_path: Path
) -> None:
    options, share, kiosk = setup(sample_paths, tmp_path)
    expected = files(share)

    proc = run(*options, "sync", "--from", str(share), "--dry-run", "--json")

    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == KEYS
    assert data["copied"] == len(expected) and data["bytes_copied"] == sum(expected.values())
    assert data["ok"] is True and data["problems"] == []
    assert files(kiosk) == {} and not (kiosk / ".sync-state.json").exists()

    human = run(*options, "sync", "--from", str(share), "--dry-run", "--published-only")
    assert human.returncode == 0, human.stderr
    lines = human.stdout.splitlines()
    assert lines[0].startswith(f"dry run from {share}: would copy {len(expected)} files")
    # Media one line each; a tile set as one line with its number of files.
    # The published items' media and the now layers a kiosk lays over them.
    assert sum(1 for line in lines if line.startswith("would copy media/")) == 9
    assert sum(1 for line in lines if line.startswith("would copy tiles/")) == 2
    assert files(kiosk) == {}


def test_a_corrupt_file_on_the_share_exits_1_with_the_problem(
    sample_paths: tuple[Path, Path], tmp_path: Path
) -> None:
    options, share, kiosk = setup(sample_paths, tmp_path)
    rel = sorted(p for p in files(share) if p.startswith("media/"))[0]
    (share / rel).write_bytes(b"not the picture the catalogue knows")

    proc = run(*options, "sync", "--from", str(share), "--json")

    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == KEYS and data["ok"] is False
    assert data["copied"] == len(files(share)) - 1
    ((problem),) = data["problems"]
    assert problem["file"] == rel
    assert "does not match the catalogue's checksum" in problem["reason"]
    assert not (kiosk / rel).exists()

    human = run(*options, "sync", "--from", str(share))
    assert human.returncode == 1
    lines = human.stdout.splitlines()
    assert lines[0].endswith("; 1 problem")
    assert lines[1].startswith(f"problem: {rel}: the share's copy does not match")


def test_unneeded_files_are_removed_and_listed(
    sample_paths: tuple[Path, Path], tmp_path: Path
) -> None:
    options, share, kiosk = setup(sample_paths, tmp_path)
    assert run(*options, "sync", "--from", str(share)).returncode == 0
    stray = kiosk / "tiles" / ("d" * 64)
    (stray / "full" / "max" / "0").mkdir(parents=True)
    (stray / "full" / "max" / "0" / "default.jpg").write_bytes(b"x")
    (stray / "info.json").write_text("{}")

    proc = run(*options, "sync", "--from", str(share))

    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1:] == [f"removed tiles/{'d' * 64}/ (2 files)"]
    assert "removed 2 files" in proc.stdout.splitlines()[0]
    assert not stray.exists()
    assert files(kiosk) == files(share)


def test_wrong_folders_are_one_line_errors(sample_paths: tuple[Path, Path], tmp_path: Path) -> None:
    options, _share, kiosk = setup(sample_paths, tmp_path)
    cases = [
        (str(tmp_path / "nowhere"), "does not exist"),
        (str(ROOT / "pyproject.toml"), "is not a folder"),
        (str(kiosk), "is the local assets folder itself"),
    ]
    for source, message in cases:
        proc = run(*options, "sync", "--from", source, "--json")
        assert proc.returncode == 1
        assert proc.stdout == ""
        assert len(proc.stderr.splitlines()) == 1 and message in proc.stderr
        assert proc.stderr.startswith("exhibition-app: error: the shared folder")
    usage = run(*options, "sync")
    assert usage.returncode == 2 and "--from" in usage.stderr
    assert files(kiosk) == {}
