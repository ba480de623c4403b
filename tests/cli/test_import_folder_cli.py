"""``import folder DIR --kind KIND --json``: the JSON shape, exit codes and one-line errors."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

DATA = Path(__file__).resolve().parent.parent / "data"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "exhibition_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def picture(path: Path, seed: int) -> None:
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    small = Image.frombytes("RGB", (6, 5), rng.randbytes(6 * 5 * 3))
    small.resize((96, 72), Image.Resampling.BICUBIC).save(path)


def make_folder(root: Path) -> Path:
    picture(root / "Sword_hilt.png", 1)
    picture(root / "case 3" / "bridle-bit.png", 2)
    shutil.copy(DATA / "behaim-globe-photo.jpg", root / "globe.jpg")
    (root / "case 3" / "label.txt").write_text("a label, not a picture\n")
    (root / "damaged.jpg").write_bytes((DATA / "behaim-globe-photo.jpg").read_bytes()[:2000])
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    return root


def test_json_shape_then_items_and_check(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "incoming")
    base = ("--catalog", str(tmp_path / "c.db"), "--assets", str(tmp_path / "assets"))
    proc = run(*base, "import", "folder", str(folder), "--kind", "object", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["imported"] == 3 and isinstance(data["imported"], int)
    assert data["refused"] == [
        {"file": "case 3/label.txt", "reason": data["refused"][0]["reason"]},
        {"file": "damaged.jpg", "reason": data["refused"][1]["reason"]},
    ]
    assert all(set(r) == {"file", "reason"} for r in data["refused"])
    assert "not an image" in data["refused"][0]["reason"]
    assert "truncated or damaged" in data["refused"][1]["reason"]
    assert all("\n" not in r["reason"] for r in data["refused"])
    assert data["near_duplicates"] == [] and data["cancelled"] is False
    assert len(data["items"]) == 3

    listed = json.loads(run(*base, "items", "list", "--json").stdout)
    assert sorted(i["id"] for i in listed) == sorted(data["items"])
    assert {i["title"]["en"] for i in listed} == {"Sword hilt", "bridle bit", "globe"}
    assert json.loads(run(*base, "check", "--json").stdout)["ok"] is True

    # Again, with a near-identical copy added: duplicates refused, the copy warned about.
    with Image.open(DATA / "behaim-globe-photo.jpg") as im:
        im.resize((64, 86)).save(folder / "globe-small.jpg", quality=75)
    again = run(*base, "--json", "import", "folder", str(folder), "--kind", "photograph")
    assert again.returncode == 0, again.stderr
    data = json.loads(again.stdout)
    assert data["imported"] == 1
    reasons = {r["file"]: r["reason"] for r in data["refused"]}
    assert reasons["Sword_hilt.png"].startswith("already in the catalogue as item ")
    assert reasons["case 3/bridle-bit.png"].startswith("already in the catalogue as item ")
    assert [n["file"] for n in data["near_duplicates"]] == ["globe-small.jpg"]
    near = data["near_duplicates"][0]
    assert set(near) == {"file", "id", "similar_to", "distance"}
    assert near["id"] == data["items"][0]


def test_human_output_is_a_short_summary(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "incoming")
    base = ("--catalog", str(tmp_path / "c.db"), "--assets", str(tmp_path / "assets"))
    proc = run(*base, "import", "folder", str(folder), "--kind", "document", "--lang", "ru")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == f"imported 3 of 5 files from {folder}"
    assert lines[1].startswith("refused: case 3/label.txt: not an image")
    assert lines[2].startswith("refused: damaged.jpg: ")
    assert len(lines) == 3


def test_options_publish_and_max_pixels(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    picture(folder / "a.png", 5)
    Image.new("RGB", (400, 300), "navy").save(folder / "big.png")
    base = ("--catalog", str(tmp_path / "c.db"), "--assets", str(tmp_path / "assets"))
    proc = run(
        *base,
        "import",
        "folder",
        str(folder),
        "--kind",
        "map",
        "--publish",
        "--max-pixels",
        "100000",
        "--json",
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["imported"] == 1
    assert data["refused"][0]["file"] == "big.png"
    assert "over the limit" in data["refused"][0]["reason"]
    listed = json.loads(run(*base, "items", "list", "--published", "--json").stdout)
    assert [i["id"] for i in listed] == data["items"]


def test_not_a_folder_is_a_one_line_error(tmp_path: Path) -> None:
    base = ("--catalog", str(tmp_path / "c.db"), "--assets", str(tmp_path / "assets"))
    (tmp_path / "file.jpg").write_bytes(b"x")
    for target, message in [
        (tmp_path / "missing", "there is no folder"),
        (tmp_path / "file.jpg", "is not a folder"),
    ]:
        proc = run(*base, "import", "folder", str(target), "--kind", "object", "--json")
        assert proc.returncode == 1
        assert proc.stdout == ""
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and message in lines[0], proc.stderr
    proc = run(*base, "import", "folder", str(tmp_path), "--kind", "statue", "--json")
    assert proc.returncode == 1 and "unknown kind" in proc.stderr
    proc = run(*base, "import", "folder", "--kind", "object")
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
