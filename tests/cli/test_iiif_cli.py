"""`export iiif` then `validate iiif`, from the command line as a publisher would run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

BASE = "https://museum.example/iiif"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "exhibition_app", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def test_export_then_validate_from_the_command_line(
    sample_paths: tuple[Path, Path], tmp_path: Path
) -> None:
    db, assets = sample_paths
    out = tmp_path / "iiif"
    base = ("--catalog", str(db), "--assets", str(assets))
    proc = run(*base, "export", "iiif", str(out), "--base-uri", BASE, "--no-tiles", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["manifests"] == 19 and data["collections"] == 9 and data["valid"] is True
    assert Path(data["dir"]) == out.resolve()

    proc = run("validate", "iiif", str(out), "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"valid": True, "files": 28, "errors": []}
    proc = run("validate", "iiif", str(out))  # human output
    assert proc.returncode == 0 and proc.stdout.strip() == "valid: 28 IIIF documents"

    # Break one manifest: the check fails with exit 1 and says where.
    manifest = out / "items" / "2" / "manifest.json"
    doc = json.loads(manifest.read_text(encoding="utf-8"))
    doc["items"][0]["width"] = 0
    manifest.write_text(json.dumps(doc), encoding="utf-8")
    proc = run("validate", "iiif", str(manifest), "--json")
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["valid"] is False and report["files"] == 1
    assert report["errors"][0]["file"] == str(manifest)
    assert report["errors"][0]["path"] == "$.items[0].width"
    proc = run("validate", "iiif", str(out))
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"{Path('items/2/manifest.json')}: $.items[0].width: ")


def test_default_base_and_errors_are_one_line(
    sample_paths: tuple[Path, Path], tmp_path: Path
) -> None:
    db, assets = sample_paths
    base = ("--catalog", str(db), "--assets", str(assets))
    out = tmp_path / "iiif"
    proc = run(*base, "export", "iiif", str(out), "--no-tiles")
    assert proc.returncode == 0, proc.stderr
    assert "http://localhost:8000" in proc.stdout
    assert "exhibition-app serve" in proc.stdout and "--port 8000" in proc.stdout
    top = json.loads((out / "collection.json").read_text(encoding="utf-8"))
    assert top["id"] == "http://localhost:8000/collection.json"

    proc = run(*base, "export", "iiif", str(tmp_path / "x"), "--base-uri", "file:///srv/iiif")
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "not an http(s) address" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = run("validate", "iiif", str(tmp_path / "missing"))
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "does not exist" in proc.stderr


def test_tiles_build_and_export_agree_on_the_site_root(tmp_path: Path) -> None:
    """The README's walk: one --base-uri, the site's root, for tiles build and export iiif;
    two maps get two different tile ids, and the manifests point at them."""
    from PIL import Image

    base = ("--catalog", str(tmp_path / "c.db"), "--assets", str(tmp_path / "assets"))
    from exhibition_app.catalog import Catalog
    from exhibition_app.operations.ingest import import_image

    ids = []
    with Catalog.open(tmp_path / "c.db", tmp_path / "assets") as catalog:
        for n, colour in enumerate(((200, 40, 40), (40, 40, 200))):
            src = tmp_path / f"map{n}.jpg"
            Image.new("RGB", (600, 400), colour).save(src, quality=85)
            ids.append(import_image(catalog, src, kind="map", title=f"M{n}", published=True))
    services = []
    for item in ids:
        proc = run(*base, "tiles", "build", str(item), "--base-uri", BASE, "--json")
        assert proc.returncode == 0, proc.stderr
        data = json.loads(proc.stdout)
        sha = Path(data["info"]).parent.name
        assert data["id"] == f"{BASE}/tiles/{sha}"
        assert json.loads(Path(data["info"]).read_text(encoding="utf-8"))["id"] == data["id"]
        services.append(data["id"])
    assert len(set(services)) == 2  # not one id claimed by every set
    out = tmp_path / "site"
    proc = run(*base, "export", "iiif", str(out), "--base-uri", BASE, "--json")
    assert proc.returncode == 0, proc.stderr
    for item, service in zip(ids, services, strict=True):
        doc = json.loads((out / "items" / str(item) / "manifest.json").read_text(encoding="utf-8"))
        body = doc["items"][0]["items"][0]["items"][0]["body"]
        assert body["service"][0]["id"] == service
    proc = run(*base, "tiles", "build", str(ids[0]), "--base-uri", "file:///srv/site")
    assert proc.returncode == 1 and "not an http(s) address" in proc.stderr
