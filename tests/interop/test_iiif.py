"""IIIF Presentation 3 export: every file valid against the IIIF schema, tile services, errors."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from exhibition_app.catalog import Catalog
from exhibition_app.errors import CatalogError
from exhibition_app.interop import iiif
from exhibition_app.operations.iiif_export import export_iiif, validate_path
from exhibition_app.operations.ingest import import_image

BASE = "https://museum.example/iiif"


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def sample_export(sample_catalog: Catalog, tmp_path: Path) -> tuple[dict[str, Any], Path]:
    out = tmp_path / "iiif"
    return export_iiif(sample_catalog, out, base_uri=BASE, build_tiles=False), out


def test_sample_export_is_valid_file_by_file(sample_export: tuple[dict[str, Any], Path]) -> None:
    result, out = sample_export
    assert result["valid"] is True
    # Every published item has a manifest: seven with images, twelve objects with their card.
    assert result["manifests"] == 19
    assert result["skipped"] == []
    assert result["cards"] == 12
    # The top collection, two exhibitions and their six sections.
    assert (result["collections"], result["sections"]) == (9, 6)
    files = sorted(p for p in out.rglob("*.json") if "tiles" not in p.parts)
    assert len(files) == 28
    assert len(list(out.glob("items/*/manifest.json"))) == 19
    for file in files:
        assert iiif.validate(load(file)) == [], file
    report = validate_path(out)
    assert report == {"valid": True, "files": 28, "errors": []}


def test_manifest_content(sample_export: tuple[dict[str, Any], Path]) -> None:
    _, out = sample_export
    doc = load(out / "items" / "2" / "manifest.json")
    # A georeferenced map: the georef and navPlace extension contexts come first.
    assert doc["@context"][-1] == iiif.PRESENTATION_CONTEXT
    assert doc["id"] == f"{BASE}/items/2/manifest.json"
    assert doc["type"] == "Manifest"
    # The title also in the traditional Mongolian script, tagged mn-Mong (BCP 47).
    assert set(doc["label"]) == {"en", "kk", "ru", "mn", "mn-Mong"}
    assert doc["label"]["en"][0].startswith("Martin Behaim")
    assert set(doc["summary"]) == {"en", "kk", "ru", "mn"}
    labels = [m["label"]["en"][0] for m in doc["metadata"]]
    assert labels[0] == "Accession number"
    assert {"Date", "Place", "Maker", "Country", "Licence"} <= set(labels)
    date = next(m for m in doc["metadata"] if m["label"]["en"] == ["Date"])
    assert set(date["value"]) == {"en", "kk", "ru", "mn"}
    assert set(doc["requiredStatement"]["value"]) == {"en", "kk", "ru", "mn"}
    # The catalogue says https://; the schema wants the http:// form of a CC licence.
    assert doc["rights"] == "http://creativecommons.org/licenses/by-sa/3.0/"

    (canvas,) = doc["items"]
    assert (canvas["type"], canvas["width"], canvas["height"]) == ("Canvas", 2700, 1350)
    painting = canvas["items"][0]["items"][0]
    assert painting["motivation"] == "painting"
    assert painting["target"] == canvas["id"]
    body = painting["body"]
    assert (body["type"], body["format"], body["width"], body["height"]) == (
        "Image",
        "image/jpeg",
        2700,
        1350,
    )
    assert body["id"].startswith(f"{BASE}/media/")
    assert (out / "media" / body["id"].rsplit("/", 1)[1]).is_file()
    assert "service" not in body  # exported without tiles, none existed

    # The Behaim globe's 39 KML annotations: non-painting, on canvas#xywh fragments.
    # Then the map's Georeference Annotation, in a page of its own (issue 14).
    page, georeferencing = canvas["annotations"]
    assert georeferencing["items"][0]["motivation"] == "georeferencing"
    assert page["type"] == "AnnotationPage"
    assert len(page["items"]) == 39
    for note in page["items"]:
        assert note["motivation"] in {"commenting", "tagging"}
        target, fragment = note["target"].split("#xywh=")
        assert target == canvas["id"]
        x, y, w, h = (int(v) for v in fragment.split(","))
        assert x >= 0 and y >= 0 and w > 0 and h > 0
        assert x + w <= 2700 and y + h <= 1350
        # The texts, and the place's longitude/latitude as a GeoJSON Point.
        assert {b["type"] for b in note["body"]} == {"TextualBody", "Feature"}
    names = {b["value"] for n in page["items"] for b in n["body"] if b.get("purpose") == "tagging"}
    assert "MONGOLEI" in " ".join(names).upper()


def test_collections(sample_export: tuple[dict[str, Any], Path], sample_catalog: Catalog) -> None:
    _, out = sample_export
    top = load(out / "collection.json")
    assert top["type"] == "Collection"
    assert set(top["label"]) == {"en", "kk", "ru", "mn"}
    refs = [(i["type"], i["id"]) for i in top["items"]]
    assert ("Collection", f"{BASE}/collections/then-and-now.json") in refs
    assert ("Collection", f"{BASE}/collections/bridging-horizons.json") in refs
    then = load(out / "collections" / "then-and-now.json")
    assert set(then["label"]) == {"en", "kk", "ru", "mn", "mn-Mong"}
    # The exhibition's sections, in order, each a Collection of its items, in order
    # (sections 5 and 6 of the sample: 2,3,4,6 then 1,5).
    assert [(i["type"], i["id"]) for i in then["items"]] == [
        ("Collection", f"{BASE}/collections/then-and-now/sections/{n}.json") for n in (1, 2)
    ]
    members = []
    for ref in then["items"]:
        section = load(out / ref["id"].removeprefix(BASE + "/"))
        assert section["label"] == ref["label"] and set(section["label"]) == {
            "en",
            "kk",
            "ru",
            "mn",
        }
        assert all(i["type"] == "Manifest" and i["label"] for i in section["items"])
        members.append([i["id"] for i in section["items"]])
    assert members == [
        [f"{BASE}/items/{n}/manifest.json" for n in (2, 3, 4, 6)],
        [f"{BASE}/items/{n}/manifest.json" for n in (1, 5)],
    ]
    bridging = load(out / "collections" / "bridging-horizons.json")
    assert len(bridging["items"]) == 4
    assert all(i["type"] == "Collection" for i in bridging["items"])


def _map(path: Path, size: tuple[int, int] = (1100, 700)) -> Path:
    img = Image.new("RGB", size)
    for x in range(0, size[0], 50):
        img.paste((x % 256, 80, 160), (x, 0, x + 25, size[1]))
    img.save(path, quality=85)
    return path


def test_tile_services_point_at_the_copied_level0_tiles(catalog: Catalog, tmp_path: Path) -> None:
    item_id = import_image(
        catalog, _map(tmp_path / "map.jpg"), kind="map", title="A small map", published=True
    )
    out = tmp_path / "iiif"
    result = export_iiif(catalog, out, base_uri=BASE + "/")  # a trailing slash is dropped
    assert (result["manifests"], result["tiles"], result["base_uri"]) == (1, 1, BASE)
    doc = load(out / "items" / str(item_id) / "manifest.json")
    body = doc["items"][0]["items"][0]["items"][0]["body"]
    (service,) = body["service"]
    assert service["type"] == "ImageService3" and service["profile"] == "level0"
    sha = service["id"].rsplit("/", 1)[1]
    assert service["id"] == f"{BASE}/tiles/{sha}"
    info = load(out / "tiles" / sha / "info.json")
    assert info["id"] == service["id"]  # rewritten from the catalogue's file: URI
    assert (info["width"], info["height"], info["profile"]) == (1100, 700, "level0")
    assert (out / "tiles" / sha / "0,0,512,512" / "512,512" / "0" / "default.jpg").is_file()
    assert not (out / "tiles" / sha / ".source").exists()
    thumb = doc["thumbnail"][0]
    w, h = thumb["width"], thumb["height"]
    assert thumb["id"] == f"{service['id']}/full/{w},{h}/0/default.jpg"
    assert (out / "tiles" / sha / "full" / f"{w},{h}" / "0" / "default.jpg").is_file()
    # The catalogue's own tile set keeps its file: id.
    assert load(catalog.assets / "tiles" / sha / "info.json")["id"].startswith("file:")
    assert validate_path(out)["valid"] is True


def test_broken_manifest_fails_with_a_useful_path(
    sample_export: tuple[dict[str, Any], Path],
) -> None:
    _, out = sample_export
    good = load(out / "items" / "2" / "manifest.json")
    cases = [
        (lambda d: d["items"][0].__setitem__("width", 0), "$.items[0].width", "minimum"),
        (lambda d: d.__setitem__("label", "Behaim"), "$.label", "not of type 'object'"),
        (lambda d: d.__setitem__("id", "file:///tmp/x.json"), "$.id", "does not match"),
        (lambda d: d.pop("items"), "$", "'items' is a required property"),
        (lambda d: d.__setitem__("rights", "all rights reserved"), "$.rights", ""),
        (
            lambda d: d["items"][0]["items"][0]["items"][0]["body"].__setitem__("height", -5),
            "$.items[0].items[0].items[0].body",
            "",
        ),
    ]
    for breaks, path, message in cases:
        doc = copy.deepcopy(good)
        breaks(doc)
        problems = iiif.validate(doc)
        assert problems, path
        assert any(p.path.startswith(path) and message in p.message for p in problems), (
            path,
            problems,
        )


def test_validate_path_reports_file_and_path(
    sample_export: tuple[dict[str, Any], Path],
) -> None:
    _, out = sample_export
    manifest = out / "items" / "3" / "manifest.json"
    doc = load(manifest)
    doc["items"][0]["height"] = "tall"
    manifest.write_text(json.dumps(doc), encoding="utf-8")
    (out / "notes.json").write_text("{not json", encoding="utf-8")
    report = validate_path(out)
    assert report["valid"] is False and report["files"] == 29
    files = {e["file"] for e in report["errors"]}
    assert files == {str(Path("items/3/manifest.json")), "notes.json"}
    bad = next(e for e in report["errors"] if e["file"].endswith("manifest.json"))
    assert bad["path"] == "$.items[0].height"
    single = validate_path(manifest)
    assert single["valid"] is False and single["files"] == 1
    empty = tmp = out / "empty"
    tmp.mkdir()
    assert validate_path(empty)["valid"] is False


def test_file_base_uri_is_refused_before_anything_is_written(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    out = tmp_path / "iiif"
    with pytest.raises(CatalogError, match=r"not an http\(s\) address"):
        export_iiif(sample_catalog, out, base_uri=tmp_path.as_uri(), build_tiles=False)
    assert not out.exists()


def test_an_invalid_document_is_never_written(
    sample_catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = iiif.manifest

    def broken(base: str, source: iiif.ManifestSource) -> dict[str, Any]:
        doc = real(base, source)
        doc["items"][0]["width"] = 0
        return doc

    monkeypatch.setattr(iiif, "manifest", broken)
    out = tmp_path / "iiif"
    with pytest.raises(CatalogError, match=r"items/1/manifest.json: \$\.items\[0\]\.width"):
        export_iiif(sample_catalog, out, build_tiles=False)
    assert not out.exists()


def test_rights_and_language_maps() -> None:
    assert iiif.rights_uri("https://creativecommons.org/publicdomain/mark/1.0/") == (
        "http://creativecommons.org/publicdomain/mark/1.0/"
    )
    assert iiif.rights_uri("http://rightsstatements.org/vocab/InC/1.0/") == (
        "http://rightsstatements.org/vocab/InC/1.0/"
    )
    assert iiif.rights_uri("© the museum") is None
    assert iiif.rights_uri("https://example.org/licence") is None
    assert iiif.rights_uri(None) is None
    assert iiif.language_map({"en": "A", "kk": "", "es-419": "B"}) == {
        "en": ["A"],
        "none": ["B"],
    }
    assert iiif.language_map({}, "BH-1") == {"none": ["BH-1"]}
    assert iiif.hotspot_box(0, 0, 2700, 1350) == (0, 0, 14, 14)
    assert iiif.hotspot_box(2700, 1350, 2700, 1350) == (2686, 1336, 14, 14)
    assert iiif.hotspot_box(5, 5, 1, 1) == (0, 0, 1, 1)


def test_schema_is_the_shipped_copy_and_validation_is_offline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import socket

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("validation tried to use the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    assert iiif.SCHEMA_PATH.is_file()
    assert (iiif.SCHEMA_PATH.parent / "README.md").read_text().count("presentation-validator")
    iiif._validator.cache_clear()
    doc = iiif.collection("http://x.example/c.json", {"en": ["C"]}, [])
    assert iiif.validate(doc) == []


def test_interchange_modules_do_not_import_qt() -> None:
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.startswith('PySide6'): raise ImportError('Qt blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import exhibition_app.interop.iiif, exhibition_app.operations.iiif_export\n"
        "import exhibition_app.operations.bundle, exhibition_app.cli.exchange\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
