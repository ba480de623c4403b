"""Georeference out and in, and a map's places for GIS tools (issue 14, point 3), on a real
catalogue: the sample's maps, Allmaps' own annotation, and wrong input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from exhibition_app.catalog import Catalog
from exhibition_app.core.georef import ControlPoint
from exhibition_app.errors import InvalidInput, NotFound
from exhibition_app.interop import iiif
from exhibition_app.interop.georef_annotation import parse
from exhibition_app.interop.kml import read_kml
from exhibition_app.operations.annotations import add_annotation, set_annotation_texts
from exhibition_app.operations.georef_io import (
    export_georeference,
    export_places,
    import_georeference,
)
from exhibition_app.operations.map_editing import map_sheet, save_control_points

DATA = Path(__file__).resolve().parents[1] / "data"
SCHAGEN, BEHAIM, GHILLANY, PORTRAIT, YURT = 1, 2, 3, 7, 8

POINTS = [
    ControlPoint(300, 200, -100.0, 50.0),
    ControlPoint(2400, 250, 120.0, 45.0),
    ControlPoint(2300, 1100, 115.0, -40.0),
    ControlPoint(400, 1150, -95.0, -45.0),
    ControlPoint(1350, 675, 5.0, 2.0),
]


def _georef(catalog: Catalog, item_id: int) -> dict[str, Any]:
    return map_sheet(catalog, item_id).georef


def test_control_points_go_out_and_come_back_the_same(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    save_control_points(sample_catalog, SCHAGEN, POINTS, "affine")
    before = _georef(sample_catalog, SCHAGEN)
    out = tmp_path / "f.json"
    result = export_georeference(
        sample_catalog, SCHAGEN, out, base_uri="https://museum.example/iiif/"
    )
    assert result["gcps"] == 5 and result["transformation"] == "polynomial"
    assert result["target"].startswith("https://museum.example/iiif/tiles/")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["motivation"] == "georeferencing"
    assert doc["id"] == "https://museum.example/iiif/items/1/georeference"
    save_control_points(sample_catalog, SCHAGEN, POINTS[:3], "affine")  # something else
    report = import_georeference(sample_catalog, SCHAGEN, out)
    assert report["notes"] == [] and report["scale"] == 1.0 and report["mask"] is False
    after = _georef(sample_catalog, SCHAGEN)
    assert after["kind"] == before["kind"] == "affine"
    assert [(p["x"], p["y"], p["lon"], p["lat"]) for p in after["points"]] == [
        (p.x, p.y, p.lon, p.lat) for p in POINTS
    ]
    assert after["rms"] == pytest.approx(before["rms"])


def test_a_plate_carree_comes_back_as_one(sample_catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "f.json"
    export_georeference(sample_catalog, SCHAGEN, out)
    assert len(parse(json.loads(out.read_text(encoding="utf-8"))).gcps) == 25 * 19
    save_control_points(sample_catalog, SCHAGEN, POINTS, "affine")
    report = import_georeference(sample_catalog, SCHAGEN, out)
    assert report["type"] == "equirectangular"
    assert _georef(sample_catalog, SCHAGEN) == {"item": SCHAGEN, "type": "equirectangular"}


def test_an_allmaps_annotation_of_a_larger_copy_is_scaled_with_its_mask(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    # Made with @allmaps/annotation's generateAnnotation for a 2700 x 1350 copy; the
    # catalogue's Ghillany is 1350 x 675.
    report = import_georeference(sample_catalog, GHILLANY, DATA / "allmaps_ghillany.json")
    assert report["type"] == "control_points" and report["kind"] == "affine"
    assert report["scale"] == 0.5 and report["mask"] is True and report["gcps"] == 5
    assert "pixels scaled by 0.5" in report["notes"][0]
    assert (report["points"][0]["x"], report["points"][0]["y"]) == (740, 135)
    out = tmp_path / "again.json"
    export_georeference(sample_catalog, GHILLANY, out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert 'points="20,15 1330,15 1330,660 20,660"' in doc["target"]["selector"]["value"]
    assert doc["body"]["transformation"] == {"type": "polynomial", "options": {"order": 1}}


def test_a_thin_plate_spline_is_fitted_as_close_as_we_can(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    doc = json.loads((DATA / "allmaps_ghillany.json").read_text(encoding="utf-8"))
    doc["body"]["transformation"] = {"type": "thinPlateSpline"}
    path = tmp_path / "tps.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    report = import_georeference(sample_catalog, GHILLANY, path)
    assert report["kind"] == "affine"  # 5 points: too few for a second-order polynomial
    assert any("thinPlateSpline" in note for note in report["notes"])
    out = tmp_path / "out.json"
    export_georeference(sample_catalog, GHILLANY, out)
    again = json.loads(out.read_text(encoding="utf-8"))
    assert again["body"]["transformation"] == {"type": "thinPlateSpline"}  # kept for Allmaps


def test_wrong_input_is_refused_and_changes_nothing(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    good = DATA / "allmaps_ghillany.json"
    with pytest.raises(NotFound, match="no item 99999"):
        import_georeference(sample_catalog, 99999, good)
    with pytest.raises(InvalidInput, match="has no image"):
        import_georeference(sample_catalog, YURT, good)
    with pytest.raises(InvalidInput, match="another picture"):
        import_georeference(sample_catalog, PORTRAIT, good)
    bad = tmp_path / "bad.json"
    for content, message in (
        ("not json", "not JSON"),
        ('{"type": "Manifest"}', "not a Georeference Annotation"),
        (b"\xff\xfe\x00", "not UTF-8"),
    ):
        if isinstance(content, bytes):
            bad.write_bytes(content)
        else:
            bad.write_text(content, encoding="utf-8")
        with pytest.raises(InvalidInput, match=message) as caught:
            import_georeference(sample_catalog, GHILLANY, bad)
        assert str(caught.value).startswith("bad.json: ")
    doc = json.loads(good.read_text(encoding="utf-8"))
    doc["body"]["features"] = doc["body"]["features"][:2]
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InvalidInput, match="at least 3 control points"):
        import_georeference(sample_catalog, GHILLANY, bad)
    with pytest.raises(NotFound, match="cannot read"):
        import_georeference(sample_catalog, GHILLANY, tmp_path / "missing.json")
    assert _georef(sample_catalog, GHILLANY)["type"] == "equirectangular"

    with pytest.raises(NotFound):
        export_georeference(sample_catalog, 99999, tmp_path / "x.json")
    with pytest.raises(InvalidInput, match="has no image"):
        export_georeference(sample_catalog, YURT, tmp_path / "x.json")
    with pytest.raises(InvalidInput, match="not georeferenced"):
        export_georeference(sample_catalog, PORTRAIT, tmp_path / "x.json")
    with pytest.raises(InvalidInput, match="does not exist"):
        export_georeference(sample_catalog, SCHAGEN, tmp_path / "no" / "x.json")
    with pytest.raises(InvalidInput, match="not an http"):
        export_georeference(sample_catalog, SCHAGEN, tmp_path / "x.json", base_uri="file:///x")
    assert not (tmp_path / "x.json").exists()


# --------------------------------------------------------------------------- places


def _multilingual(catalog: Catalog) -> int:
    """Give Behaim's first place Kazakh and Russian too; its id."""
    with catalog.session() as session:
        from exhibition_app.operations.maps import annotations_of

        first = annotations_of(session, BEHAIM)[0]["id"]
        set_annotation_texts(
            session,
            first,
            {"label": {"kk": "Солтүстік полюс", "ru": "Северный полюс"}, "text": {"kk": "Мұз"}},
        )
    return int(first)


def test_geojson_has_every_place_and_every_language(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    first = _multilingual(sample_catalog)
    out = tmp_path / "f.geojson"
    result = export_places(sample_catalog, BEHAIM, out, "geojson", lang="kk")
    assert (result["written"], result["derived"], result["skipped"]) == (39, 0, 0)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and doc["name"] == "BH-MAP-002"
    assert len(doc["features"]) == 39
    feature = next(f for f in doc["features"] if f["id"] == first)
    props = feature["properties"]
    assert props["name"] == "Солтүстік полюс"  # the asked language
    assert props["name:ru"] == "Северный полюс" and props["name:de"]
    assert props["description:kk"] == "Мұз" and props["description:de"]
    assert {"de", "kk", "ru"} <= set(props["label"])  # every language the place has
    assert all(props[f"name:{code}"] == value for code, value in props["label"].items())
    lon, lat = feature["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    other = next(f for f in doc["features"] if f["id"] != first)
    names = other["properties"]["label"]
    assert other["properties"]["name"] == names.get("kk", names.get("en", names["de"]))


def test_places_without_lonlat_take_it_from_the_georeference_or_are_counted(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    out = tmp_path / "s.geojson"
    before = export_places(sample_catalog, SCHAGEN, out, "geojson")["written"]
    with sample_catalog.session() as session:
        note = add_annotation(session, SCHAGEN, 1350.0, 675.0)
        from exhibition_app.db.models import Annotation

        row = session.get(Annotation, note)
        assert row is not None
        row.lon = row.lat = None  # as a place made on a map before it was georeferenced
    result = export_places(sample_catalog, SCHAGEN, out, "geojson")
    assert (result["written"], result["derived"], result["skipped"]) == (before + 1, 1, 0)
    (feature,) = [
        f for f in json.loads(out.read_text(encoding="utf-8"))["features"] if f["id"] == note
    ]
    assert feature["geometry"]["coordinates"] == [0, 0]
    from exhibition_app.operations.map_editing import put_back_georeference

    put_back_georeference(sample_catalog, SCHAGEN, None)
    result = export_places(sample_catalog, SCHAGEN, out, "kml")
    # Without a georeference only places that know their longitude/latitude go out.
    assert result["derived"] == 0 and result["skipped"] >= 1
    assert result["written"] + result["skipped"] == before + 1


def test_kml_reads_back_here_and_keeps_every_language(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    _multilingual(sample_catalog)
    out = tmp_path / "f.kml"
    export_places(sample_catalog, BEHAIM, out, "kml", lang="ru")
    marks = read_kml(out)
    assert len(marks.placemarks) == 39 and marks.skipped == ()
    assert marks.placemarks[0].name == "Северный полюс"
    text = out.read_text(encoding="utf-8")
    assert '<Data name="name:kk"><value>Солтүстік полюс</value></Data>' in text
    export_places(sample_catalog, BEHAIM, tmp_path / "g.geojson", "geojson")
    geo = json.loads((tmp_path / "g.geojson").read_text(encoding="utf-8"))
    for mark, feature in zip(marks.placemarks, geo["features"], strict=True):
        assert [mark.lon, mark.lat] == feature["geometry"]["coordinates"]


def test_iiif_page_targets_the_manifest_canvas_and_validates(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    out = tmp_path / "f.json"
    result = export_places(
        sample_catalog, BEHAIM, out, "iiif", base_uri="https://museum.example/iiif"
    )
    assert result["written"] == 39
    page = json.loads(out.read_text(encoding="utf-8"))
    assert iiif.validate(page) == []
    assert page["type"] == "AnnotationPage" and len(page["items"]) == 39
    note = page["items"][0]
    assert note["target"].startswith("https://museum.example/iiif/items/2/canvas/1#xywh=")
    assert note["id"].startswith("https://museum.example/iiif/items/2/annotations/")
    assert note["body"][-1]["type"] == "Feature"


def test_places_export_refuses_wrong_input(sample_catalog: Catalog, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        export_places(sample_catalog, 99999, tmp_path / "a.geojson", "geojson")
    with pytest.raises(InvalidInput, match="unknown format"):
        export_places(sample_catalog, BEHAIM, tmp_path / "a.x", "shp")
    with pytest.raises(InvalidInput, match="is a folder"):
        export_places(sample_catalog, BEHAIM, tmp_path, "geojson")
    with pytest.raises(InvalidInput, match="has no image"):
        export_places(sample_catalog, YURT, tmp_path / "a.json", "iiif")
    # A map-less object has no places: an empty, valid collection.
    result = export_places(sample_catalog, YURT, tmp_path / "y.geojson", "geojson")
    assert result["written"] == 0


def test_new_control_points_keep_the_imported_mask(sample_catalog: Catalog, tmp_path: Path) -> None:
    import_georeference(sample_catalog, GHILLANY, DATA / "allmaps_ghillany.json")
    points = [ControlPoint(p.x / 2, p.y / 2, p.lon, p.lat) for p in POINTS]
    save_control_points(sample_catalog, GHILLANY, points, "affine")  # the curator's editor
    out = tmp_path / "f.json"
    export_georeference(sample_catalog, GHILLANY, out)
    selector = json.loads(out.read_text(encoding="utf-8"))["target"]["selector"]["value"]
    assert 'points="20,15 1330,15 1330,660 20,660"' in selector


def test_kml_comes_back_into_the_app(sample_catalog: Catalog, tmp_path: Path) -> None:
    from exhibition_app.operations.maps import annotations_of, import_kml

    _multilingual(sample_catalog)
    out = tmp_path / "f.kml"
    export_places(sample_catalog, BEHAIM, out, "kml", lang="en")
    imported, skipped = import_kml(sample_catalog, GHILLANY, out, lang="en")
    assert (imported, skipped) == (39, [])
    with sample_catalog.read_session() as session:
        source = annotations_of(session, BEHAIM)
        copies = annotations_of(session, GHILLANY)
    # The same places, with the source's words (the languages the import keeps are its own
    # business: <name> in --text-lang, or every language of the ExtendedData).
    for copy, note in zip(copies, source, strict=True):
        assert set(copy["label"].values()) <= set(note["label"].values())
        assert copy["label"] and (copy["lon"], copy["lat"]) == (note["lon"], note["lat"])
    # Imported again: the same places are updated, never doubled.
    assert import_kml(sample_catalog, GHILLANY, out)[0] == 39
    with sample_catalog.read_session() as session:
        assert len(annotations_of(session, GHILLANY)) == 39


def test_a_second_order_fit_goes_out_and_comes_back_as_one(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    six = [*POINTS, ControlPoint(800, 400, -40.0, 25.0)]
    save_control_points(sample_catalog, SCHAGEN, six, "polynomial2")
    out = tmp_path / "f.json"
    assert export_georeference(sample_catalog, SCHAGEN, out)["transformation"] == "polynomial"
    body = json.loads(out.read_text(encoding="utf-8"))["body"]
    assert body["transformation"] == {"type": "polynomial", "options": {"order": 2}}
    save_control_points(sample_catalog, SCHAGEN, POINTS, "affine")
    report = import_georeference(sample_catalog, SCHAGEN, out)
    assert report["kind"] == "polynomial2" and report["notes"] == []
    assert [(p["x"], p["y"]) for p in report["points"]] == [(p.x, p.y) for p in six]
