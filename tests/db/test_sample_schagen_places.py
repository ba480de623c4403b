"""The Kazakh Khanate on the Schagen map (1689): the sample's places, in four languages,
on the engraving, and shipped with the repository (issue 13, point 1)."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Annotation, Item

ROOT = Path(__file__).resolve().parents[2]
PLACES = ROOT / "sample" / "annotations" / "schagen1689.json"
LANGS = ("en", "kk", "ru", "mn")
#: Letters of the Kazakh alphabet that Russian lacks.
KAZAKH = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
#: The map's own engraved names are quoted «like this»; centuries are Roman numerals.
QUOTED = re.compile(r"«[^»]*»")
ROMAN = re.compile(r"^[IVXL]+$")


def _schagen_places(catalog: Catalog) -> tuple[list[Annotation], int, int]:
    with catalog.read_session() as s:
        item = s.scalars(select(Item).where(Item.accession_number == "BH-MAP-001")).one()
        media = item.cover_media
        assert media is not None
        notes = list(item.annotations)
        for note in notes:
            _ = note.texts  # loaded before the session closes
        return notes, media.width, media.height


def _latin_words(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z]+", QUOTED.sub("", text))
    return [w for w in words if not ROMAN.match(w)]


def test_schagen_has_twenty_places_in_four_languages(sample_catalog: Catalog) -> None:
    notes, _, _ = _schagen_places(sample_catalog)
    assert len(notes) >= 20
    for note in notes:
        for field in ("label", "text"):
            values = note.text_map(field)
            for lang in LANGS:
                assert values.get(lang, "").strip(), (note.id, field, lang)
        texts = note.text_map("text")
        assert all(len(texts[lang]) >= 120 for lang in LANGS), note.text_map("label")["en"]
    labels = {note.text_map("label")["kk"] for note in notes}
    assert {"Түркістан (Ясы)", "Сауран", "Сырдария", "Арал теңізі", "Балқаш көлі"} <= labels


def test_places_lie_on_the_image_and_apart(sample_catalog: Catalog) -> None:
    notes, width, height = _schagen_places(sample_catalog)
    points = []
    for note in notes:
        assert 0 <= note.x <= width and 0 <= note.y <= height
        assert note.lon is not None and -180 <= note.lon <= 180
        assert note.lat is not None and -90 <= note.lat <= 90
        points.append((note.x, note.y))
    for i, a in enumerate(points):
        for b in points[i + 1 :]:
            assert math.dist(a, b) >= 8, (a, b)  # two markers never cover each other
    # The engraver's Central Asia: every place is in the map's Asia, not at today's lon/lat.
    assert all(1700 <= x <= 2450 and 150 <= y <= 420 for x, y in points)


def test_kazakh_mongolian_and_russian_are_written_in_cyrillic(sample_catalog: Catalog) -> None:
    notes, _, _ = _schagen_places(sample_catalog)
    for note in notes:
        for lang in ("kk", "ru", "mn"):
            label, text = note.text_map("label")[lang], note.text_map("text")[lang]
            assert not re.search("[A-Za-z]", label), (lang, label)
            assert not _latin_words(text), (lang, _latin_words(text))
        kazakh = note.text_map("text")["kk"]
        assert KAZAKH & set(kazakh), note.text_map("label")["en"]
    # The texts are not one language copied into another.
    for note in notes:
        texts = note.text_map("text")
        assert len({texts[lang] for lang in LANGS}) == 4


def test_latin_words_are_found_outside_quotes() -> None:
    assert _latin_words("«Chesel» өзені XVI ғасырда") == []
    assert _latin_words("Chesel өзені the river") == ["Chesel", "the", "river"]


def test_the_sample_file_and_the_catalogue_agree(sample_catalog: Catalog) -> None:
    doc = json.loads(PLACES.read_text(encoding="utf-8"))
    assert doc["item"] == "maps/schagen1689.jpg"
    notes, _, _ = _schagen_places(sample_catalog)
    assert len(notes) == len(doc["places"]) == len({p["id"] for p in doc["places"]})
    shipped = {(p["x"], p["y"]): p for p in doc["places"]}
    for note in notes:
        place = shipped[(note.x, note.y)]
        assert (note.lon, note.lat) == (place["lon"], place["lat"])
        assert note.text_map("text")["kk"] == place["text"]["kk"]


def test_a_build_without_shared_data_has_the_places(tmp_path: Path) -> None:
    db = tmp_path / "catalog.db"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "build_sample.py"),
            "--source",
            str(tmp_path / "no-shared"),
            "--catalog",
            str(db),
            "--assets",
            str(tmp_path / "assets"),
        ],
        check=True,
        capture_output=True,
    )
    with Catalog.open(db, tmp_path / "assets") as catalog:
        notes, _, _ = _schagen_places(catalog)
    assert len(notes) == len(json.loads(PLACES.read_text(encoding="utf-8"))["places"])
