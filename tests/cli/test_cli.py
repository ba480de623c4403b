"""The command line as it is checked from outside: JSON shapes, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exhibition_app import __version__

DATA = Path(__file__).resolve().parent.parent / "data"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "exhibition_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
    )


def ok_json(*args: str) -> object:
    proc = run(*args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert __version__ in proc.stdout


def test_items_list_shape_on_the_sample(sample_paths: tuple[Path, Path]) -> None:
    db, assets = sample_paths
    items = ok_json("--catalog", str(db), "--assets", str(assets), "items", "list", "--json")
    assert isinstance(items, list) and len(items) >= 13
    for item in items:
        assert {"id", "kind", "accession_number", "title", "published", "media"} <= item.keys()
        assert item["kind"] in {"object", "map", "photograph", "document"}
        assert set(item["title"]) >= {"en", "kk", "ru", "mn"}
        for media in item["media"]:
            assert Path(media["path"]).is_file()
            assert media["width"] > 0 and media["height"] > 0
    maps = [i for i in items if i["kind"] == "map"]
    assert len(maps) >= 5
    assert all(m["media"] for m in maps)


def test_exhibitions_list_shape(sample_paths: tuple[Path, Path]) -> None:
    db, assets = sample_paths
    items = ok_json("--catalog", str(db), "--assets", str(assets), "items", "list", "--json")
    ids = {i["id"] for i in items}
    exhibitions = ok_json(
        "--catalog", str(db), "--assets", str(assets), "exhibitions", "list", "--json"
    )
    assert exhibitions
    for ex in exhibitions:
        assert {"id", "title", "published", "sections"} <= ex.keys()
        assert ex["sections"]
        for section in ex["sections"]:
            assert set(section) >= {"title", "items"}
            assert set(section["items"]) <= ids
    first = exhibitions[0]
    assert first["title"]["en"].startswith("Bridging Horizons")


def test_import_image_then_list_then_check(tmp_path: Path) -> None:
    db, assets = tmp_path / "c.db", tmp_path / "assets"
    base = ("--catalog", str(db), "--assets", str(assets))
    created = ok_json(
        *base,
        "import",
        "image",
        str(DATA / "behaim-globe-photo.jpg"),
        "--kind",
        "photograph",
        "--title",
        "Бехайм глобусы",
        "--lang",
        "kk",
        "--json",
    )
    assert isinstance(created["id"], int)
    items = ok_json(*base, "items", "list", "--json")
    assert items[0]["id"] == created["id"]
    assert items[0]["title"] == {"kk": "Бехайм глобусы"}
    assert items[0]["media"][0]["width"] == 128
    report = ok_json(*base, "check", "--json")
    assert report["ok"] is True and report["problems"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("import", "image", "{missing}", "--kind", "map", "--title", "T"), "cannot read"),
        (("import", "image", "{text}", "--kind", "map", "--title", "T"), "not an image"),
        (("import", "image", "{empty}", "--kind", "map", "--title", "T"), "empty"),
        (("import", "image", "{good}", "--kind", "statue", "--title", "T"), "unknown kind"),
        (("items", "show", "999"), "no item 999"),
    ],
)
def test_errors_are_one_line_without_traceback(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    (tmp_path / "notes.jpg").write_text("these are my notes, not a picture\n")
    (tmp_path / "empty.jpg").write_bytes(b"")
    files = {
        "missing": str(tmp_path / "nope.jpg"),
        "text": str(tmp_path / "notes.jpg"),
        "empty": str(tmp_path / "empty.jpg"),
        "good": str(DATA / "behaim-globe-photo.jpg"),
    }
    base = ("--catalog", str(tmp_path / "c.db"), "--assets", str(tmp_path / "assets"))
    proc = run(*base, *(a.format(**files) for a in args), "--json")
    assert proc.returncode != 0
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert message in lines[0]
    assert "Traceback" not in proc.stderr
    # nothing half-written: no rows, no files
    assert ok_json(*base, "items", "list", "--json") == []
    assert ok_json(*base, "check", "--json")["ok"] is True
    assert not list((tmp_path / "assets").rglob("*.jpg"))


def test_wrong_catalogue_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "photo.db"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not a database")
    proc = run("--catalog", str(bad), "--assets", str(tmp_path / "a"), "items", "list", "--json")
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "not an SQLite database" in proc.stderr


def test_check_finds_a_damaged_and_an_orphan_file(sample_paths: tuple[Path, Path]) -> None:
    db, assets = sample_paths
    base = ("--catalog", str(db), "--assets", str(assets))
    assert ok_json(*base, "check", "--json")["ok"] is True
    media = sorted((assets / "media").rglob("*.jpg"))
    data = bytearray(media[0].read_bytes())
    data[len(data) // 2] ^= 0xFF
    media[0].write_bytes(bytes(data))
    orphan = assets / "media" / "00" / ("0" * 64 + ".jpg")
    orphan.parent.mkdir(exist_ok=True)
    orphan.write_bytes(b"x")
    proc = run(*base, "check", "--json")
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["ok"] is False
    assert any("checksum" in p for p in report["problems"])
    assert any("orphan" in p for p in report["problems"])
    repaired = json.loads(run(*base, "check", "--repair", "--json").stdout)
    assert any("orphan" in r for r in repaired["repaired"])
    assert not orphan.exists()
    assert list((assets / "quarantine").rglob(orphan.name))  # moved aside, not deleted


def test_search_command_finds_across_scripts(sample_paths: tuple[Path, Path]) -> None:
    db, assets = sample_paths
    base = ("--catalog", str(db), "--assets", str(assets))
    latin = ok_json(*base, "search", "Qazaq", "--json")
    cyrillic = ok_json(*base, "search", "Қазақ", "--json")
    assert latin["ids"] and set(latin["ids"]) == set(cyrillic["ids"])


def test_json_flag_accepted_before_the_command(sample_paths: tuple[Path, Path]) -> None:
    db, assets = sample_paths
    data = ok_json("--catalog", str(db), "--assets", str(assets), "--json", "items", "list")
    assert isinstance(data, list)


@pytest.mark.parametrize(
    "args",
    [
        ("--lang", "de", "items", "list"),
        ("--fallback", "en,xx", "items", "list"),
        ("--size", "huge", "items", "list"),
        ("items", "list", "--bogus"),
        ("import", "image"),
        ("nonsense",),
    ],
)
def test_usage_errors_are_one_line(tmp_path: Path, args: tuple[str, ...]) -> None:
    proc = run("--catalog", str(tmp_path / "c.db"), *args)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert proc.stderr.startswith("exhibition-app") and "error:" in proc.stderr
    assert not (tmp_path / "c.db").exists()  # nothing created for a command that never ran


def test_fallback_order_is_configurable(tmp_path: Path) -> None:
    from exhibition_app.catalog import Catalog
    from exhibition_app.db.models import Item

    db, assets = tmp_path / "c.db", tmp_path / "a"
    with Catalog.open(db, assets) as cat, cat.session() as s:
        item = Item(kind="object", accession_number="G-1")
        item.set_text("title", "en", "Globe")
        item.set_text("title", "ru", "Глобус")
        s.add(item)
    base = ("--catalog", str(db), "--assets", str(assets))
    default = run(*base, "--lang", "kk", "items", "list")
    ru_first = run(*base, "--lang", "kk", "--fallback", "ru,en", "items", "list")
    assert "Globe" in default.stdout and "Глобус" not in default.stdout
    assert "Глобус" in ru_first.stdout and "Globe" not in ru_first.stdout


def test_map_import_tiles_and_kml_annotations(tmp_path: Path) -> None:
    """The deep-zoom command lines: import a georeferenced map, tile it, annotate it."""
    from PIL import Image

    base = ("--catalog", str(tmp_path / "c.db"), "--assets", str(tmp_path / "assets"))
    world = tmp_path / "world.jpg"
    Image.new("RGB", (2700, 1350), (40, 80, 140)).save(world, quality=90)
    item = ok_json(
        *base,
        "import",
        "image",
        str(world),
        "--kind",
        "map",
        "--title",
        "Behaim",
        "--georef",
        "equirectangular",
        "--json",
    )["id"]
    info = Path(ok_json(*base, "tiles", "build", str(item), "--json")["info"])
    doc = json.loads(info.read_text())
    assert doc["type"] == "ImageService3" and doc["profile"] == "level0"
    assert doc["id"].startswith("file:")
    served = "http://127.0.0.1:8000/tiles/" + info.parent.name
    again = ok_json(*base, "tiles", "build", str(item), "--base-uri", served + "/", "--json")
    assert Path(again["info"]) == info  # not rebuilt: only the id changes
    assert json.loads(info.read_text())["id"] == served
    assert (doc["width"], doc["height"]) == (2700, 1350)
    result = ok_json(
        *base, "annotations", "import", str(item), str(DATA / "behaim1492.kml"), "--json"
    )
    assert result["imported"] == 39
    notes = ok_json(*base, "annotations", "list", str(item), "--json")
    assert len(notes) == 39
    by_label = {n["label"]["en"]: n for n in notes}
    mongolei = by_label["MONGOLEI"]
    assert set(mongolei) >= {"id", "x", "y", "lon", "lat", "label", "text"}
    assert mongolei["x"] == pytest.approx((mongolei["lon"] + 180) / 360 * 2700)
    assert mongolei["y"] == pytest.approx((90 - mongolei["lat"]) / 180 * 1350)
    assert all("<" not in n["text"].get("en", "") for n in notes)


def test_unsafe_kml_and_ungeoreferenced_maps_are_refused(tmp_path: Path) -> None:
    base = ("--catalog", str(tmp_path / "c.db"), "--assets", str(tmp_path / "assets"))
    item = ok_json(
        *base,
        "import",
        "image",
        str(DATA / "behaim-globe-photo.jpg"),
        "--kind",
        "photograph",
        "--title",
        "Globe",
        "--json",
    )["id"]
    proc = run(*base, "annotations", "import", str(item), str(DATA / "behaim1492.kml"))
    assert proc.returncode == 1 and "not georeferenced" in proc.stderr
    bomb = tmp_path / "bomb.kml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><kml><Placemark><name>&b;</name>'
        "</Placemark></kml>"
    )
    proc = run(*base, "annotations", "import", str(item), str(bomb))
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1
    assert "DOCTYPE" in proc.stderr
    assert ok_json(*base, "annotations", "list", str(item), "--json") == []


def test_georef_with_control_points_shows_residuals(tmp_path: Path) -> None:
    base = ("--catalog", str(tmp_path / "c.db"), "--assets", str(tmp_path / "assets"))
    item = ok_json(
        *base,
        "import",
        "image",
        str(DATA / "behaim-globe-photo.jpg"),
        "--kind",
        "map",
        "--title",
        "Sheet",
        "--json",
    )["id"]
    assert ok_json(*base, "georef", "show", str(item), "--json")["type"] is None

    def px(lon: float, lat: float) -> dict[str, float]:  # a 128x173 'plate carree'
        return {"x": (lon + 180) / 360 * 128, "y": (90 - lat) / 180 * 173, "lon": lon, "lat": lat}

    points = [px(-120, 40), px(30, 60), px(100, -20), px(-10, -50), px(60, 10)]
    points[4] = {**points[4], "x": points[4]["x"] + 9}  # one control point placed badly
    good = tmp_path / "points.json"
    good.write_text(json.dumps(points))
    report = ok_json(*base, "georef", "set", str(item), "--points", str(good), "--json")
    assert report["type"] == "control_points" and report["kind"] == "affine"
    residuals = [p["residual"] for p in report["points"]]
    assert max(residuals) == residuals[4] and residuals[4] > 2 * max(residuals[:4])
    assert ok_json(*base, "georef", "show", str(item), "--json")["rms"] == report["rms"]

    line = tmp_path / "line.json"
    line.write_text(json.dumps([px(0, 0), px(10, 10), px(20, 20)]))
    proc = run(*base, "georef", "set", str(item), "--points", str(line))
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1
    assert "collinear" in proc.stderr or "line" in proc.stderr
    # the failed fit changed nothing
    assert ok_json(*base, "georef", "show", str(item), "--json")["rms"] == report["rms"]


def test_tiles_build_refuses_what_it_cannot_tile(sample_paths: tuple[Path, Path]) -> None:
    db, assets = sample_paths
    base = ("--catalog", str(db), "--assets", str(assets))
    items = ok_json(*base, "items", "list", "--json")
    no_image = next(i["id"] for i in items if not i["media"])
    a_map = next(i["id"] for i in items if i["kind"] == "map")
    for args, message in [
        (("tiles", "build", str(no_image)), "has no image"),
        (("tiles", "build", "9999"), "no item 9999"),
        (("tiles", "build", str(a_map), "--base-uri", "ftp://example/x"), "not an http"),
    ]:
        proc = run(*base, *args, "--json")
        assert proc.returncode == 1 and proc.stdout == ""
        assert len(proc.stderr.strip().splitlines()) == 1 and message in proc.stderr
    assert not (assets / "tiles").exists() or not any(
        p.name.startswith(".building") for p in (assets / "tiles").iterdir()
    )


def test_the_catalogue_can_come_from_the_environment(sample_paths: tuple[Path, Path]) -> None:
    """EXHIBITION_CATALOG keeps a server URL (and its password) off the command line."""
    db, assets = sample_paths
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EXHIBITION_CATALOG": str(db)}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "exhibition_app",
            "--assets",
            str(assets),
            "items",
            "list",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) == 21  # 19 exhibits and 2 reference layers
    # --catalog still wins over the environment.
    env["EXHIBITION_CATALOG"] = "/nonexistent-folder/none.db"
    proc = subprocess.run(
        [sys.executable, "-m", "exhibition_app", "--catalog", str(db), "--assets", str(assets),
         "items", "list", "--json"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
