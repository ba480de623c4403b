"""``annotations list ID --lang L --json`` (issue 13, point 3): label and text in L, the
language actually shown in ``lang``, and the fallback marked; without --lang, every
language as before."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from exhibition_app.catalog import Catalog
from exhibition_app.operations.annotations import add_annotation

CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "exhibition_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.mark.parametrize("lang", ["ru", "kk", "mn", "en"])
def test_the_behaim_places_in_one_language(
    sample_catalog: Catalog, sample_paths: tuple[Path, Path], lang: str
) -> None:
    db, assets = sample_paths
    base = ("--catalog", str(db), "--assets", str(assets))
    places = json.loads(_cli(*base, "annotations", "list", "2", "--lang", lang, "--json").stdout)
    assert len(places) == 39
    for place in places:
        assert set(place) == {"id", "x", "y", "lon", "lat", "label", "text", "lang"} | {
            "text_lang",
            "fallback",
            "credit",
        }
        assert "Germanisches Nationalmuseum" in place["credit"]
        assert (place["lang"], place["text_lang"], place["fallback"]) == (lang, lang, False)
        assert isinstance(place["label"], str) and isinstance(place["text"], str)
        assert place["label"] and place["text"]
        if lang != "en":
            assert CYRILLIC.search(place["label"]) and CYRILLIC.search(place["text"])
    labels = {p["label"] for p in places}
    assert {"ru": "МОНГОЛИЯ", "kk": "МОҢҒОЛИЯ", "mn": "МОНГОЛ", "en": "MONGOLIA"}[lang] in labels
    # Before the command, --lang chooses the same.
    before = json.loads(_cli(*base, "--lang", lang, "annotations", "list", "2", "--json").stdout)
    assert before == places


def test_a_missing_translation_falls_back_and_says_so(
    sample_catalog: Catalog, sample_paths: tuple[Path, Path]
) -> None:
    db, assets = sample_paths
    base = ("--catalog", str(db), "--assets", str(assets))
    with sample_catalog.session() as s:
        only_kk = add_annotation(s, 2, 2122.0, 343.0, {"label": {"kk": "Ұланбатыр"}})
    places = json.loads(_cli(*base, "annotations", "list", "2", "--lang", "mn", "--json").stdout)
    place = next(p for p in places if p["id"] == only_kk)
    assert (place["label"], place["lang"], place["fallback"]) == ("Ұланбатыр", "kk", True)
    assert (place["text"], place["text_lang"]) == ("", None)
    human = _cli(*base, "annotations", "list", "2", "--lang", "mn").stdout.splitlines()
    assert len(human) == 40
    assert any(line.endswith("Ұланбатыр  [kk]") for line in human)
    assert any(line.endswith("МОНГОЛ") for line in human)
    # Without --lang the shape is what it always was: every language of each place.
    every = json.loads(_cli(*base, "annotations", "list", "2", "--json").stdout)
    assert every[7]["label"]["de"] == "MONGOLEI" and every[7]["label"]["mn"] == "МОНГОЛ"
    assert "lang" not in every[7]


def test_places_csv_from_the_command_line(
    sample_catalog: Catalog, sample_paths: tuple[Path, Path], tmp_path: Path
) -> None:
    db, assets = sample_paths
    base = ("--catalog", str(db), "--assets", str(assets))
    out = tmp_path / "places.csv"
    wrote = json.loads(_cli(*base, "annotations", "export-csv", "2", str(out), "--json").stdout)
    assert wrote == {"places": 39} and "label@kk" in out.read_text(encoding="utf-8-sig")
    back = json.loads(_cli(*base, "annotations", "import-csv", "2", str(out), "--json").stdout)
    assert back == {"updated": 39, "added": 0}
    out.write_text("x,y,label@kk\r\n1,east,A\r\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "exhibition_app", *base, "annotations", "import-csv", "2", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode != 0 and proc.stderr.count("\n") == 1
    assert "line 2, y: 'east' is not a number" in proc.stderr
