"""`export bundle` and `import bundle` from the command line: JSON shapes, exit codes, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import update

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Exhibition


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "exhibition_app", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def ok_json(*args: str) -> object:
    proc = run(*args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_export_then_import_on_an_empty_kiosk(
    sample_paths: tuple[Path, Path], tmp_path: Path
) -> None:
    db, assets = sample_paths
    source = ("--catalog", str(db), "--assets", str(assets))
    kiosk = ("--catalog", str(tmp_path / "kiosk.db"), "--assets", str(tmp_path / "kiosk"))
    bundle = tmp_path / "then-and-now.zip"

    exported = ok_json(*source, "export", "bundle", "2", str(bundle), "--no-tiles", "--json")
    assert exported == {
        "file": str(bundle.resolve()),
        "exhibition": "then-and-now",
        "items": 6,
        "media": 6,
        "tiles": 0,
        "files": 7,
        "bytes": exported["bytes"],  # type: ignore[index]
    }
    imported = ok_json(*kiosk, "import", "bundle", str(bundle), "--json")
    assert isinstance(imported, dict)
    assert {k: imported[k] for k in ("exhibition", "items", "media", "tiles")} == {
        "exhibition": "then-and-now",
        "items": 6,
        "media": 6,
        "tiles": 0,
    }
    report = ok_json(*kiosk, "check", "--json")
    assert report == {"ok": True, "problems": [], "repaired": [], "media_checked": 6}
    (exhibition,) = ok_json(*kiosk, "exhibitions", "list", "--json")  # type: ignore[misc]
    assert exhibition["key"] == "then-and-now" and len(exhibition["sections"]) == 2

    proc = run(*kiosk, "import", "bundle", str(bundle))  # again: replaced, human output
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == (
        "imported exhibition 'then-and-now': 0 items added, 6 replaced, 0 new images, "
        "0 new tile sets"
    )


def test_refusals_are_one_line(sample_paths: tuple[Path, Path], tmp_path: Path) -> None:
    db, assets = sample_paths
    source = ("--catalog", str(db), "--assets", str(assets))
    kiosk = ("--catalog", str(tmp_path / "kiosk.db"), "--assets", str(tmp_path / "kiosk"))

    notes = tmp_path / "notes.zip"
    notes.write_text("not a bundle at all\n")
    proc = run(*kiosk, "import", "bundle", str(notes))
    assert proc.returncode == 1
    assert proc.stderr == (
        "exhibition-app: error: notes.zip: not an exhibition bundle (not a zip file); "
        "nothing was imported\n"
    )

    bundle = tmp_path / "b.zip"
    assert (
        run(*source, "export", "bundle", "then-and-now", str(bundle), "--no-tiles").returncode == 0
    )
    proc = run(*kiosk, "import", "bundle", str(bundle), "--max-size", "1M")
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "more than the limit of 1.0 MB" in proc.stderr

    with Catalog.open(db, assets) as cat, cat.session() as s:  # either engine
        s.execute(
            update(Exhibition).where(Exhibition.key == "then-and-now").values(published=False)
        )
    proc = run(*source, "export", "bundle", "then-and-now", str(tmp_path / "u.zip"))
    assert proc.returncode == 1
    assert proc.stderr == (
        "exhibition-app: error: exhibition 'then-and-now' is not published; "
        "publish it before bundling it\n"
    )
    assert not (tmp_path / "u.zip").exists()
