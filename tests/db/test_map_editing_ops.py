"""The map editors' named operations on real catalogues: a map's sheet, places added,
moved, retitled, deleted and brought back, and control points saved and taken back."""

from __future__ import annotations

import pytest
from PIL import Image

from exhibition_app.core.georef import ControlPoint
from exhibition_app.errors import NotFound
from exhibition_app.operations.ingest import import_image
from exhibition_app.operations.map_editing import (
    add_place,
    bring_back_place,
    map_places,
    map_sheet,
    move_place,
    put_back_georeference,
    remove_place,
    save_control_points,
    set_place_texts,
)


@pytest.fixture
def map_id(catalog, tmp_path) -> int:  # type: ignore[no-untyped-def]
    path = tmp_path / "steppe_route.png"
    Image.new("RGB", (400, 200), (200, 180, 140)).save(path)
    return import_image(catalog, path, kind="map", title="Steppe route")


def test_the_sheet_of_a_map(catalog, map_id) -> None:  # type: ignore[no-untyped-def]
    sheet = map_sheet(catalog, map_id)
    assert sheet.titles == {"en": "Steppe route"} and sheet.accession_number
    assert sheet.places == [] and sheet.georef["type"] is None and sheet.size == (400, 200)
    with pytest.raises(NotFound, match="no item 99999"):
        map_sheet(catalog, 99999)


def test_a_place_through_its_life(catalog, map_id) -> None:  # type: ignore[no-untyped-def]
    place, places = add_place(catalog, map_id, 100, 50)
    assert [p["id"] for p in places] == [place]
    places = set_place_texts(catalog, map_id, place, {"label": {"en": "Otrar"}})
    assert places[0]["label"] == {"en": "Otrar"}
    places = move_place(catalog, map_id, place, 120, 60)
    assert (places[0]["x"], places[0]["y"]) == (120, 60)
    data, places = remove_place(catalog, map_id, place)
    assert places == [] and map_places(catalog, map_id) == []
    again, places = bring_back_place(catalog, map_id, data)
    assert [p["id"] for p in places] == [again] and places[0]["label"] == {"en": "Otrar"}


def test_control_points_saved_and_taken_back(catalog, map_id) -> None:  # type: ignore[no-untyped-def]
    points = [
        ControlPoint(0, 0, 40.0, 50.0),
        ControlPoint(400, 0, 80.0, 50.0),
        ControlPoint(0, 200, 40.0, 30.0),
        ControlPoint(400, 200, 80.0, 30.0),
    ]
    report = save_control_points(catalog, map_id, points, "affine")
    assert report["previous"] is None
    assert map_sheet(catalog, map_id).georef["type"] == "control_points"
    put_back_georeference(catalog, map_id, report["previous"])
    assert map_sheet(catalog, map_id).georef["type"] is None
