"""KML import on a real catalogue (issue 15): importing twice updates instead of
duplicating, a second language merges into the same places, places outside the map's
image are skipped with their reason, and a large file is written in batches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Item
from exhibition_app.errors import InvalidInput
from exhibition_app.operations.maps import annotations_of, georeference_item, import_kml

DATA = Path(__file__).resolve().parents[1] / "data"


def _kml(places: list[tuple[str, str, float, float]]) -> str:
    marks = "".join(
        f"<Placemark><name>{name}</name><description>{text}</description>"
        f"<Point><coordinates>{lon},{lat}</coordinates></Point></Placemark>"
        for name, text, lon, lat in places
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><kml><Document>{marks}</Document></kml>'


def _map(catalog: Catalog, accession: str) -> int:
    with catalog.read_session() as s:
        return s.scalars(select(Item.id).where(Item.accession_number == accession)).one()


def _notes(catalog: Catalog, item_id: int) -> list[dict[str, object]]:
    with catalog.read_session() as s:
        return annotations_of(s, item_id)


def test_the_same_file_twice_updates_its_places(sample_catalog: Catalog) -> None:
    blue = _map(sample_catalog, "BH-MAP-005")  # the Blue Marble: georeferenced, no places
    before = len(_notes(sample_catalog, blue))
    kml = DATA / "behaim1492.kml"
    first, _ = import_kml(sample_catalog, blue, kml, lang="de")
    again, _ = import_kml(sample_catalog, blue, kml, lang="de")
    notes = _notes(sample_catalog, blue)
    assert first == again == 39
    assert len(notes) == before + 39


def test_a_second_language_merges_into_the_same_places(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    blue = _map(sample_catalog, "BH-MAP-005")
    german = tmp_path / "de.kml"
    german.write_text(_kml([("MONGOLEI", "Das Land", 103.0, 47.0), ("Samarkand", "", 67.0, 39.7)]))
    english = tmp_path / "en.kml"
    english.write_text(_kml([("Mongolia", "The land", 103.0, 47.0)]))
    import_kml(sample_catalog, blue, german, lang="de")
    import_kml(sample_catalog, blue, english, lang="en")
    notes = {n["lon"]: n for n in _notes(sample_catalog, blue)}
    assert len(notes) == 2
    assert notes[103.0]["label"] == {"de": "MONGOLEI", "en": "Mongolia"}
    assert notes[103.0]["text"] == {"de": "Das Land", "en": "The land"}
    assert notes[67.0]["label"] == {"de": "Samarkand"}


def test_places_outside_the_image_are_skipped_with_their_reason(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    schagen = _map(sample_catalog, "BH-MAP-001")
    with sample_catalog.read_session() as s:
        media = s.get(Item, schagen).cover_media  # type: ignore[union-attr]
        width, height = media.width, media.height
    # A control-point georeference of a part of the world: 40..100 E, 20..60 N.
    points = tmp_path / "points.json"
    corners = [(0, 0, 40, 60), (width, 0, 100, 60), (0, height, 40, 20), (width, height, 100, 20)]
    points.write_text(
        json.dumps([{"x": x, "y": y, "lon": lo, "lat": la} for x, y, lo, la in corners])
    )
    georeference_item(sample_catalog, schagen, points_file=points)
    kml = tmp_path / "places.kml"
    kml.write_text(_kml([("Turkestan", "", 68.25, 43.3), ("Lisbon", "", -9.14, 38.7)]))
    imported, skipped = import_kml(sample_catalog, schagen, kml)
    assert imported == 1
    [reason] = skipped
    assert reason.startswith("placemark 2 ('Lisbon'): -9.14, 38.7 falls outside the map's image")
    [turkestan] = [n for n in _notes(sample_catalog, schagen) if n["label"] == {"en": "Turkestan"}]
    assert 0 <= turkestan["x"] <= width and 0 <= turkestan["y"] <= height  # type: ignore[operator]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"x": 1e308}, r"control point 2 \(x 1e\+308, .*\) lies outside the \d+ x \d+ pixel image"),
        ({"x": float("nan")}, r"control point 2 .*: x is not a finite number"),
        ({"y": float("inf")}, r"control point 2 .*: y is not a finite number"),
        ({"lon": 540}, r"control point 2 .*: longitude 540 is outside -180..180"),
        ({"lat": -91}, r"control point 2 .*: latitude -91 is outside -90..90"),
        ({"x": -1}, r"control point 2 .*lies outside the"),
    ],
)
def test_georeference_refuses_a_point_no_map_can_have(
    sample_catalog: Catalog, tmp_path: Path, bad: dict[str, float], message: str
) -> None:
    """Issue 15: ``georef set`` with x = 1e308 failed with a generic OverflowError; every
    impossible point is one InvalidInput line naming it, and nothing is saved."""
    schagen = _map(sample_catalog, "BH-MAP-001")
    with sample_catalog.read_session() as s:
        item = s.get(Item, schagen)
        before = item.georef  # type: ignore[union-attr]
        media = item.cover_media  # type: ignore[union-attr]
        width, height = media.width, media.height
    corners = [(0, 0, 40, 60), (width, 0, 100, 60), (0, height, 40, 20), (width, height, 100, 20)]
    rows = [{"x": x, "y": y, "lon": lo, "lat": la} for x, y, lo, la in corners]
    rows[1] = {**rows[1], **bad}
    points = tmp_path / "points.json"
    points.write_text(json.dumps(rows))  # NaN and Infinity as Python's json writes them
    with pytest.raises(InvalidInput, match=r"^points.json: " + message) as caught:
        georeference_item(sample_catalog, schagen, points_file=points)
    assert "\n" not in str(caught.value)
    with sample_catalog.read_session() as s:
        assert s.get(Item, schagen).georef == before  # type: ignore[union-attr]


def test_a_large_file_is_written_in_batches(sample_catalog: Catalog, tmp_path: Path) -> None:
    blue = _map(sample_catalog, "BH-MAP-005")
    places = [(f"P{i}", "", -170 + (i % 340), -80 + (i // 340) * 2.0) for i in range(1000)]
    kml = tmp_path / "many.kml"
    kml.write_text(_kml(places))
    steps: list[tuple[int, int]] = []
    imported, _ = import_kml(
        sample_catalog, blue, kml, batch=300, progress=lambda d, t: steps.append((d, t))
    )
    assert imported == 1000
    assert steps == [(300, 1000), (600, 1000), (900, 1000), (1000, 1000)]
    notes = _notes(sample_catalog, blue)
    assert len(notes) == 1000 and notes[-1]["label"] == {"en": "P999"}
