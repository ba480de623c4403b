"""One address for a published site: ``--base-uri`` is the site's root for every command,
tile ids are ``BASE/tiles/<sha256>`` everywhere, and no ``file:`` address or path of this
machine is ever in an export or a bundle (checked with grep, as the issue does)."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Exhibition, Section, SectionItem
from exhibition_app.errors import CatalogError
from exhibition_app.operations.bundle import export_bundle
from exhibition_app.operations.iiif_export import export_iiif
from exhibition_app.operations.ingest import import_image
from exhibition_app.operations.maps import build_item_tiles

BASE = "https://museum.example/site"
GREP = shutil.which("grep")


def _published(tmp_path: Path) -> tuple[Catalog, int, str]:
    catalog = Catalog.open(tmp_path / "catalog.db", tmp_path / "assets")
    src = tmp_path / "map.jpg"
    Image.new("RGB", (900, 600), (150, 110, 70)).save(src, quality=85)
    map_id = import_image(catalog, src, kind="map", title="Map", published=True)
    with catalog.session() as s:
        ex = Exhibition(key="site", published=True)
        ex.set_text("title", "en", "Site")
        section = Section(position=0)
        section.item_links = [SectionItem(item_id=map_id, position=0)]
        ex.sections.append(section)
        s.add(ex)
    with catalog.read_session() as s:
        from exhibition_app.operations.queries import cover_of, get_item

        sha = cover_of(get_item(s, map_id)).sha256
    return catalog, map_id, sha


def _no_machine_address(folder: Path, machine: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"file:" not in data, path
            assert str(machine).encode() not in data, path
    if GREP is not None:  # the issue's own check
        grep = subprocess.run([GREP, "-r", "file:", str(folder)], capture_output=True)
        assert grep.returncode == 1, grep.stdout[:300]


def test_tiles_manifests_and_bundles_agree_on_one_address(tmp_path: Path) -> None:
    catalog, map_id, sha = _published(tmp_path)
    with catalog:
        # The tile set in the assets folder has this machine's file: id...
        local = build_item_tiles(catalog, map_id)
        assert json.loads(local.read_text())["id"].startswith("file:")
        # ... and --base-uri, the site's root, gives it its published address.
        info = build_item_tiles(catalog, map_id, base_uri=BASE + "/")
        assert json.loads(info.read_text())["id"] == f"{BASE}/tiles/{sha}"
        # An address that already names this set (the old meaning) is kept as it is.
        old = f"http://127.0.0.1:8000/tiles/{sha}"
        build_item_tiles(catalog, map_id, base_uri=old)
        assert json.loads(info.read_text())["id"] == old
        with pytest.raises(CatalogError, match=r"not an http\(s\) address"):
            build_item_tiles(catalog, map_id, base_uri=tmp_path.as_uri())
        build_item_tiles(catalog, map_id)  # back to nothing special: still file: locally
        info.write_text(info.read_text().replace(old, local.parent.resolve().as_uri()))

        out = tmp_path / "export"
        export_iiif(catalog, out, base_uri=BASE)
        manifest = json.loads((out / "items" / str(map_id) / "manifest.json").read_text())
        service = manifest["items"][0]["items"][0]["items"][0]["body"]["service"][0]
        assert service["id"] == f"{BASE}/tiles/{sha}"
        assert json.loads((out / "tiles" / sha / "info.json").read_text())["id"] == service["id"]
        _no_machine_address(out, tmp_path)

        bundle = tmp_path / "site.zip"
        export_bundle(catalog, "site", bundle, base_uri=BASE)
        default = tmp_path / "default.zip"
        export_bundle(catalog, "site", default)
    # The local set still has its file: id (the bundle carries a copy with the address).
    assert json.loads(local.read_text())["id"].startswith("file:")
    assert b"file:" not in bundle.read_bytes()
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(bundle) as zf:
        zf.extractall(unpacked)
        listed = json.loads(zf.read("bundle.json"))
    assert json.loads((unpacked / "tiles" / sha / "info.json").read_text())["id"] == (
        f"{BASE}/tiles/{sha}"
    )
    # The listed checksum is that of the rewritten info.json the bundle carries.
    import hashlib

    entry = next(f for f in listed["files"] if f["path"] == f"tiles/{sha}/info.json")
    data = (unpacked / "tiles" / sha / "info.json").read_bytes()
    assert entry["sha256"] == hashlib.sha256(data).hexdigest()
    _no_machine_address(unpacked, tmp_path)
    with zipfile.ZipFile(default) as zf:
        info_doc = json.loads(zf.read(f"tiles/{sha}/info.json"))
    assert info_doc["id"] == f"http://localhost:8000/tiles/{sha}"


def test_a_bundle_refuses_a_file_base(tmp_path: Path) -> None:
    catalog, _, _ = _published(tmp_path)
    with catalog, pytest.raises(CatalogError, match=r"not an http\(s\) address"):
        export_bundle(catalog, "site", tmp_path / "x.zip", base_uri="file:///srv/site")
    assert not (tmp_path / "x.zip").exists()
