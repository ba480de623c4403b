"""`check --repair` never destroys a collection (issue 15): a mistyped or emptied catalogue
pointed at real assets is refused with one line and moves nothing; a repair quarantines
orphans instead of deleting them; an empty file is not a catalogue; the GUI and the kiosk
refuse a catalogue path that does not exist."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exhibition_app.catalog import Catalog, CatalogError
from exhibition_app.errors import Refused
from exhibition_app.operations.check import check_catalog

pytestmark = pytest.mark.sqlite_only("about catalogue files and the assets beside them")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "exhibition_app", *args]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)


def _media_files(assets: Path) -> list[Path]:
    return sorted(p for p in (assets / "media").rglob("*") if p.is_file())


def test_a_mistyped_catalogue_with_the_real_assets_moves_nothing(
    sample_paths: tuple[Path, Path], tmp_path: Path
) -> None:
    _db, assets = sample_paths
    before = _media_files(assets)
    assert before
    typo = tmp_path / "typo.db"
    proc = run("--catalog", str(typo), "--assets", str(assets), "check", "--repair", "--json")
    assert proc.returncode == 1, proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "the catalogue knows no media; this looks like the wrong catalogue" in lines[0]
    assert _media_files(assets) == before
    assert not (assets / "quarantine").exists()


def test_an_emptied_catalogue_file_is_not_a_catalogue(
    sample_paths: tuple[Path, Path], tmp_path: Path
) -> None:
    _db, assets = sample_paths
    before = _media_files(assets)
    empty = tmp_path / "catalog.db"
    empty.write_bytes(b"")  # what `: > catalog.db` leaves
    base = ("--catalog", str(empty), "--assets", str(assets))
    listing = run(*base, "items", "list")
    assert listing.returncode == 1
    assert listing.stderr.strip() == (
        f"exhibition-app: error: {empty} is not a catalogue (an empty file)"
    )
    check = run(*base, "check", "--repair", "--json")  # check reports it as its finding
    assert check.returncode == 1
    assert json.loads(check.stdout)["problems"] == [f"{empty} is not a catalogue (an empty file)"]
    assert empty.stat().st_size == 0  # not turned into a new catalogue either
    assert _media_files(assets) == before


def test_a_catalogue_with_no_media_rows_refuses_unless_forced(
    sample_paths: tuple[Path, Path], tmp_path: Path
) -> None:
    _db, assets = sample_paths
    before = _media_files(assets)
    contents = [p.read_bytes() for p in before]
    with Catalog.open(tmp_path / "new.db", assets) as fresh:
        assert fresh.created
    # Opened again, it is no longer new, but it still knows no media: refused the same way.
    with Catalog.open(tmp_path / "new.db", assets) as cat:
        assert not cat.created
        with pytest.raises(Refused, match="knows no media"):
            check_catalog(cat, repair=True)
        assert _media_files(assets) == before
        report = check_catalog(cat, repair=True, force=True)
    # Forced: every file is moved into quarantine, none is deleted.
    assert _media_files(assets) == []
    moved = sorted(p for p in (assets / "quarantine").rglob("*") if p.is_file())
    assert [p.name for p in moved] == [p.name for p in before]
    assert [p.read_bytes() for p in moved] == contents
    assert len(report.repaired) == len(before)
    assert all("quarantine/" in line for line in report.repaired)


def test_a_repair_quarantines_an_orphan_and_a_second_check_is_clean(
    sample_paths: tuple[Path, Path],
) -> None:
    db, assets = sample_paths
    base = ("--catalog", str(db), "--assets", str(assets))
    orphan = assets / "media" / "00" / ("0" * 64 + ".jpg")
    orphan.parent.mkdir(exist_ok=True)
    orphan.write_bytes(b"an orphan")
    report = json.loads(run(*base, "check", "--repair", "--json").stdout)
    assert report["ok"] is True
    assert len(report["repaired"]) == 1 and "quarantine/" in report["repaired"][0]
    assert not orphan.exists()
    [kept] = [p for p in (assets / "quarantine").rglob("*") if p.is_file()]
    assert kept.read_bytes() == b"an orphan" and kept.name == orphan.name
    again = json.loads(run(*base, "check", "--json").stdout)
    assert again["ok"] is True and again["repaired"] == []


def test_the_gui_refuses_a_catalogue_path_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    with pytest.raises(CatalogError, match=r"no catalogue at .*typo\.db: check --catalog"):
        Catalog.open(missing, tmp_path / "assets", create=False)
    assert not missing.exists()
