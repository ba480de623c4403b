"""Annotation and control-point edits on the sample's Behaim globe map, one session each."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.core.georef import ControlPoint, Equirectangular
from exhibition_app.db.models import Annotation, AnnotationText, Item
from exhibition_app.errors import NotFound
from exhibition_app.operations.annotations import (
    add_annotation,
    delete_annotation,
    move_annotation,
    restore_annotation,
    restore_georef,
    set_annotation_texts,
    set_control_points,
)
from exhibition_app.operations.maps import annotations_of


def _behaim(catalog: Catalog) -> tuple[int, int, int]:
    with catalog.read_session() as s:
        item = s.scalars(select(Item).where(Item.accession_number == "BH-MAP-002")).one()
        media = item.cover_media
        assert media is not None
        return item.id, media.width, media.height


def _note(catalog: Catalog, item_id: int, note_id: int) -> dict[str, object] | None:
    with catalog.read_session() as s:
        return next((n for n in annotations_of(s, item_id) if n["id"] == note_id), None)


def test_add_move_texts_delete_restore_round_trip(sample_catalog: Catalog) -> None:
    item_id, width, height = _behaim(sample_catalog)
    geo = Equirectangular(width, height)
    x, y = geo.to_pixel(68.77, 38.56)  # Dushanbe, on the plate carree map
    with sample_catalog.session() as s:
        before = len(annotations_of(s, item_id))
        new_id = add_annotation(s, item_id, x, y, {"label": {"en": "Dushanbe", "kk": "Душанбе"}})
    note = _note(sample_catalog, item_id, new_id)
    assert note is not None and before == 39
    assert note["label"] == {"en": "Dushanbe", "kk": "Душанбе"}
    assert note["lon"] == pytest.approx(68.77) and note["lat"] == pytest.approx(38.56)

    with sample_catalog.session() as s:
        was = move_annotation(s, new_id, width / 2, height / 4)
    assert was == pytest.approx((x, y))
    note = _note(sample_catalog, item_id, new_id)
    assert note is not None and (note["x"], note["y"]) == (width / 2, height / 4)
    assert note["lon"] == pytest.approx(0.0) and note["lat"] == pytest.approx(45.0)

    with sample_catalog.session() as s:
        old = set_annotation_texts(
            s, new_id, {"label": {"kk": "Дүшанбе", "en": ""}, "text": {"ru": "Столица"}}
        )
    assert old == {"label": {"kk": "Душанбе", "en": "Dushanbe"}, "text": {"ru": ""}}
    note = _note(sample_catalog, item_id, new_id)
    assert note is not None
    assert note["label"] == {"kk": "Дүшанбе"} and note["text"] == {"ru": "Столица"}

    with sample_catalog.session() as s:
        data = delete_annotation(s, new_id)
        created = s.get(Annotation, new_id)
    assert created is None and _note(sample_catalog, item_id, new_id) is None
    with sample_catalog.read_session() as s:  # the texts went with it
        rows = s.scalars(select(AnnotationText).where(AnnotationText.annotation_id == new_id))
        assert list(rows) == []
    json.dumps(data)  # plain data: an undo stack may keep it anywhere

    with sample_catalog.session() as s:
        again = restore_annotation(s, data)
    assert again == new_id
    restored = _note(sample_catalog, item_id, new_id)
    assert restored is not None
    assert restored == {**note, "id": new_id}
    with sample_catalog.read_session() as s:
        assert len(annotations_of(s, item_id)) == 40


def test_restore_takes_a_new_id_when_the_old_one_is_taken(sample_catalog: Catalog) -> None:
    item_id, _w, _h = _behaim(sample_catalog)
    with sample_catalog.session() as s:
        first = annotations_of(s, item_id)[0]
        data = delete_annotation(s, first["id"])
        data_copy = dict(data)
    with sample_catalog.session() as s:
        taken = restore_annotation(s, data)
    with sample_catalog.session() as s:
        other = restore_annotation(s, data_copy)
    assert taken == first["id"] and other != taken
    assert _note(sample_catalog, item_id, other)["label"] == first["label"]  # type: ignore[index]


def test_lon_lat_stay_empty_without_a_georeference(sample_catalog: Catalog) -> None:
    item_id, _w, _h = _behaim(sample_catalog)
    with sample_catalog.session() as s:
        s.get(Item, item_id).georef = None  # type: ignore[union-attr]
    with sample_catalog.session() as s:
        note_id = add_annotation(s, item_id, 10, 20)
    note = _note(sample_catalog, item_id, note_id)
    assert note is not None and note["lon"] is None and note["lat"] is None
    assert note["label"] == {} and note["text"] == {}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s, i: add_annotation(s, i, -5, 10), "outside the image"),
        (lambda s, i: add_annotation(s, i, 10, float("nan")), "not a finite point"),
        (lambda s, i: add_annotation(s, i, 1, 1, {"title": {"en": "x"}}), "no field 'title'"),
        (lambda s, i: add_annotation(s, i, 1, 1, {"label": {"fr": "x"}}), "Unknown language"),
        (lambda s, i: set_control_points(s, i, [], "cubic"), "Unknown fit 'cubic'"),
        (
            lambda s, i: set_control_points(s, i, [ControlPoint(1, 1, 0, 0)] * 2, "affine"),
            "needs at least 3 control points, got 2",
        ),
        (
            lambda s, i: set_control_points(
                s, i, [{"x": 1, "y": 1, "lon": 0, "lat": 95}], "affine"
            ),
            "latitude 95",
        ),
    ],
)
def test_bad_input_is_one_clear_sentence(sample_catalog: Catalog, call, message: str) -> None:  # type: ignore[no-untyped-def]
    item_id, _w, _h = _behaim(sample_catalog)
    with pytest.raises(ValueError, match=message) as info, sample_catalog.session() as s:
        call(s, item_id)
    text = str(info.value)
    assert text[0].isupper() and text.endswith(".") and "\n" not in text


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: add_annotation(s, 99999, 1, 1), "no item 99999"),
        (lambda s: move_annotation(s, 99999, 1, 1), "no annotation 99999"),
        (lambda s: delete_annotation(s, 99999), "no annotation 99999"),
    ],
)
def test_missing_rows_are_not_found(sample_catalog: Catalog, call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound) as info, sample_catalog.session() as s:
        call(s)
    assert str(info.value) == message


def test_control_points_fit_report_and_undo(sample_catalog: Catalog) -> None:
    item_id, width, height = _behaim(sample_catalog)
    geo = Equirectangular(width, height)
    places = [(-74.0, 40.7), (139.7, 35.7), (151.2, -33.9), (-43.2, -22.9), (18.4, -33.9)]
    points = [ControlPoint(*geo.to_pixel(lon, lat), lon, lat) for lon, lat in places]
    points.append(
        ControlPoint(geo.to_pixel(37.6, 55.8)[0] + 30, geo.to_pixel(37.6, 55.8)[1], 37.6, 55.8)
    )
    with sample_catalog.session() as s:
        report = set_control_points(s, item_id, points, "affine")
    assert report["type"] == "control_points" and report["kind"] == "affine"
    assert report["previous"] == json.dumps({"type": "equirectangular"})
    residuals = [p["residual"] for p in report["points"]]
    assert max(residuals) == residuals[-1] > 10  # the misplaced Moscow stands out
    assert report["rms"] > 0
    with sample_catalog.read_session() as s:
        stored = json.loads(s.get(Item, item_id).georef)  # type: ignore[union-attr]
    assert stored["type"] == "control_points" and len(stored["points"]) == 6

    with sample_catalog.session() as s:  # a new place takes its lon/lat from the new fit
        note_id = add_annotation(s, item_id, *geo.to_pixel(10.0, 10.0))
    note = _note(sample_catalog, item_id, note_id)
    assert note is not None
    assert note["lon"] == pytest.approx(10.0, abs=1.0) and note["lat"] == pytest.approx(10, abs=1)

    with sample_catalog.session() as s:
        back = restore_georef(s, item_id, report["previous"])
    assert back["type"] == "equirectangular"
    with sample_catalog.read_session() as s:
        assert s.get(Item, item_id).georef == report["previous"]  # type: ignore[union-attr]


def test_annotations_keep_their_pixels_when_the_georeference_changes(
    sample_catalog: Catalog,
) -> None:
    item_id, _w, _h = _behaim(sample_catalog)
    with sample_catalog.read_session() as s:
        before = {a.id: (a.x, a.y) for a in s.scalars(select(Annotation))}
    with sample_catalog.session() as s:
        pts = [
            {"x": n["x"], "y": n["y"], "lon": n["lon"], "lat": n["lat"]}
            for n in annotations_of(s, item_id)
        ]
        set_control_points(s, item_id, pts, "polynomial2")
    with sample_catalog.read_session() as s:
        assert {a.id: (a.x, a.y) for a in s.scalars(select(Annotation))} == before
