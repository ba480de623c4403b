"""``georef export``/``import`` and ``annotations export`` from the command line, checked with
the tools a museum's IT person would use: GDAL's ``ogrinfo`` and Allmaps' parser (each
skipped, with its reason, where it is not installed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from exhibition_app.cli.main import main
from tests.allmaps_node import allmaps_parse

DATA = Path(__file__).resolve().parents[1] / "data"


def cli(
    paths: tuple[Path | str, Path], capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    db, assets = paths
    code = main(["--catalog", str(db), "--assets", str(assets), *args])
    out, err = capsys.readouterr()
    return code, out, err


def ok_json(paths: Any, capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    code, out, err = cli(paths, capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_georef_export_then_import(
    sample_paths: tuple[Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "f.json"
    result = ok_json(sample_paths, capsys, "georef", "export", "1", str(out))
    assert result["item"] == 1 and result["gcps"] == 475 and result["file"] == str(out)
    assert result["target"].startswith("http://localhost:8000/tiles/")
    assert json.loads(out.read_text(encoding="utf-8"))["motivation"] == "georeferencing"
    report = ok_json(sample_paths, capsys, "georef", "import", "1", str(out))
    assert report["type"] == "equirectangular"
    code, text, _ = cli(
        sample_paths, capsys, "georef", "import", "3", str(DATA / "allmaps_ghillany.json")
    )
    assert code == 0
    assert text.startswith("item 3: affine fit of 5 points, RMS ")
    assert "with a resource mask" in text and "pixels scaled by 0.5" in text
    shown = ok_json(sample_paths, capsys, "georef", "show", "3")
    assert shown["kind"] == "affine" and len(shown["points"]) == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("georef", "export", "99999", "{tmp}/a.json"), "no item 99999"),
        (("georef", "export", "8", "{tmp}/a.json"), "item 8 has no image"),
        (("georef", "export", "7", "{tmp}/a.json"), "item 7 is not georeferenced"),
        (("georef", "import", "99999", "{data}/allmaps_ghillany.json"), "no item 99999"),
        (("georef", "import", "8", "{data}/allmaps_ghillany.json"), "item 8 has no image"),
        (("georef", "import", "3", "{data}/behaim1492.kml"), "behaim1492.kml: not a Georef"),
        (("annotations", "export", "99999", "{tmp}/a.geojson"), "no item 99999"),
        (("annotations", "export", "8", "{tmp}/a.json", "--format", "iiif"), "has no image"),
    ],
)
def test_errors_are_one_line(
    sample_paths: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    args: tuple[str, ...],
    message: str,
) -> None:
    filled = [a.format(tmp=tmp_path, data=DATA) for a in args]
    code, out, err = cli(sample_paths, capsys, *filled)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and message in err, err
    assert not (tmp_path / "a.json").exists() and not (tmp_path / "a.geojson").exists()


def test_annotations_export_in_three_formats(
    sample_paths: tuple[Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for fmt, name in (("geojson", "f.geojson"), ("kml", "f.kml"), ("iiif", "f.json")):
        target = str(tmp_path / name)
        args = ("annotations", "export", "2", target, "--format", fmt)
        result = ok_json(sample_paths, capsys, *args)
        assert result == {
            "item": 2,
            "file": target,
            "format": fmt,
            "written": 39,
            "derived": 0,
            "skipped": 0,
        }
    # The KML comes back into this app: onto the Ghillany redrawing of the same globe.
    kml = str(tmp_path / "f.kml")
    imported = ok_json(sample_paths, capsys, "annotations", "import", "3", kml, "--text-lang", "de")
    assert imported["imported"] == 39
    # A map without a georeference: its places cannot be placed, and it says so.
    code, out, _ = cli(sample_paths, capsys, "georef", "show", "6", "--json")
    assert json.loads(out)["type"] is None
    code, out, _ = cli(
        sample_paths, capsys, "annotations", "export", "6", str(tmp_path / "p.geojson")
    )
    assert code == 0 and out.startswith("wrote 0 places")


def _ogr_count(path: Path, *options: str) -> int:
    ogrinfo = shutil.which("ogrinfo")
    if ogrinfo is None:
        pytest.skip("GDAL's ogrinfo is not installed (apt-get install gdal-bin)")
    proc = subprocess.run(
        [ogrinfo, *options, "-ro", "-so", "-al", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    found = re.search(r"Feature Count: (\d+)", proc.stdout)
    assert found, proc.stdout
    return int(found.group(1))


def test_gdal_opens_the_geojson_and_the_kml(
    sample_paths: tuple[Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    geojson, kml = tmp_path / "f.geojson", tmp_path / "f.kml"
    ok_json(sample_paths, capsys, "annotations", "export", "2", str(geojson), "--format", "geojson")
    ok_json(sample_paths, capsys, "annotations", "export", "2", str(kml), "--format", "kml")
    assert _ogr_count(geojson) == 39
    assert _ogr_count(kml) == 39  # LIBKML, and the plain KML driver:
    assert _ogr_count(kml, "--config", "OGR_SKIP", "LIBKML") == 39


def test_allmaps_parses_the_exported_schagen(
    sample_paths: tuple[Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "f.json"
    ok_json(sample_paths, capsys, "georef", "export", "1", str(out))
    (parsed,) = allmaps_parse(out)
    assert parsed["resource"]["type"] == "ImageService3"
    assert (parsed["resource"]["width"], parsed["resource"]["height"]) == (2700, 1350)
    assert len(parsed["gcps"]) == 475
