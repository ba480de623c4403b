"""IIIF Georeference Annotations as plain data (issue 14, point 3): what we write has the
shape @allmaps/annotation's parser demands (checked here field by field, and by the real
parser under Node when it is installed), and what Allmaps writes reads back."""

from __future__ import annotations

import itertools
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest

from exhibition_app.core.georef import ControlPoint, Equirectangular, fit, to_json
from exhibition_app.interop import georef_annotation as gra
from exhibition_app.interop import iiif
from tests.allmaps_node import allmaps_parse

DATA = Path(__file__).resolve().parents[1] / "data"
SERVICE = "https://museum.example/iiif/tiles/abc123"

#: @allmaps/annotation 1.0.0-beta's SvgSelector rule (schemas/annotation/annotation.1.js).
_PAIR = r"-?\d+(\.\d+)?,-?\d+(\.\d+)?"
_POLYGON = rf'<polygon\s+points="\s*({_PAIR}\s+){{2,}}{_PAIR}\s*"\s*\/>'
_SVG = re.compile(rf'^<svg\s+width="\d+"\s+height="\d+"\s*>\s*{_POLYGON}\s*</svg>$')

AFFINE_POINTS = [
    ControlPoint(100, 80, 20.0, 55.0),
    ControlPoint(1200, 90, 80.0, 54.0),
    ControlPoint(1150, 600, 78.5, 30.0),
    ControlPoint(150, 620, 21.0, 31.0),
]


def check_allmaps_shape(doc: dict[str, Any]) -> None:
    """What @allmaps/annotation's Annotation1Schema requires, asserted one by one."""
    assert doc["type"] == "Annotation"
    assert doc["motivation"] == "georeferencing"
    assert doc["@context"] == [gra.GEOREF_CONTEXT, gra.PRESENTATION_CONTEXT]
    target = doc["target"]
    assert target["type"] == "SpecificResource"
    source = target["source"]
    assert source["type"] in ("ImageService1", "ImageService2", "ImageService3", "Canvas")
    assert source["id"].startswith("http")
    assert isinstance(source["width"], int) and source["width"] > 0
    assert isinstance(source["height"], int) and source["height"] > 0
    assert target["selector"]["type"] == "SvgSelector"
    assert _SVG.match(target["selector"]["value"]), target["selector"]["value"]
    body = doc["body"]
    assert body["type"] == "FeatureCollection"
    assert body["transformation"]["type"] in (
        "helmert",
        "polynomial",
        "thinPlateSpline",
        "projective",
        "straight",
        "linear",
    )
    for feature in body["features"]:
        assert feature["type"] == "Feature"
        x, y = feature["properties"]["resourceCoords"]
        assert all(isinstance(v, int | float) for v in (x, y))
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_a_plate_carree_becomes_a_grid_of_points_within_web_mercator() -> None:
    georef = gra.georef_map({"type": "equirectangular"}, 2700, 1350)
    assert georef.transformation == {"type": "thinPlateSpline"}
    assert len(georef.gcps) == len(gra.GRID_LONS) * len(gra.GRID_LATS) == 25 * 19
    assert max(abs(p.lat) for p in georef.gcps) == 85.0  # never the poles
    plate = Equirectangular(2700, 1350)
    for p in georef.gcps:
        assert plate.to_pixel(p.lon, p.lat) == pytest.approx((p.x, p.y))
    assert georef.mask == ((0, 0), (2700, 0), (2700, 1350), (0, 1350))
    doc = gra.annotation("https://m.example/items/1/georeference", _source(), georef)
    check_allmaps_shape(doc)
    assert doc["target"]["selector"]["value"] == (
        '<svg width="2700" height="1350"><polygon points="0,0 2700,0 2700,1350 0,1350" /></svg>'
    )


def _source() -> dict[str, Any]:
    return gra.image_service_source(SERVICE, 2700, 1350)


def test_control_points_keep_their_fit_as_allmaps_transformation() -> None:
    stored = to_json(fit(AFFINE_POINTS, "affine"))
    georef = gra.georef_map(stored, 1300, 700)
    assert georef.transformation == {"type": "polynomial", "options": {"order": 1}}
    source = gra.image_service_source(SERVICE, 1300, 700)
    doc = gra.annotation("https://m.example/a", source, georef)
    check_allmaps_shape(doc)
    features = doc["body"]["features"]
    assert [f["properties"]["resourceCoords"] for f in features] == [
        [p.x, p.y] for p in AFFINE_POINTS
    ]
    assert [f["geometry"]["coordinates"] for f in features] == [
        [p.lon, p.lat] for p in AFFINE_POINTS
    ]
    six = [*AFFINE_POINTS, ControlPoint(650, 350, 50.0, 42.0), ControlPoint(400, 200, 35, 48)]
    poly = gra.georef_map(to_json(fit(six, "polynomial2")), 1300, 700)
    assert poly.transformation == {"type": "polynomial", "options": {"order": 2}}


def test_what_we_write_reads_back_the_same() -> None:
    stored = to_json(fit(AFFINE_POINTS, "affine")) | {"mask": [[10, 10], [1290, 12], [640, 690]]}
    georef = gra.georef_map(stored, 1300, 700)
    parsed = gra.parse(
        gra.annotation("https://m.example/a", gra.image_service_source(SERVICE, 1300, 700), georef)
    )
    assert parsed.gcps == tuple(AFFINE_POINTS)
    assert parsed.mask == ((10, 10), (1290, 12), (640, 690))
    assert (parsed.width, parsed.height, parsed.source_id) == (1300, 700, SERVICE)
    assert parsed.transformation == {"type": "polynomial", "options": {"order": 1}}


def test_an_annotation_made_by_allmaps_is_read() -> None:
    doc = json.loads((DATA / "allmaps_ghillany.json").read_text(encoding="utf-8"))
    parsed = gra.parse(doc)
    assert (parsed.width, parsed.height) == (2700, 1350)
    assert len(parsed.gcps) == 5 and parsed.gcps[0] == ControlPoint(1480, 270, 17.5, 58.1)
    assert parsed.mask == ((40, 30), (2660, 30), (2660, 1320), (40, 1320))
    page = {"type": "AnnotationPage", "items": [doc]}
    assert gra.parse(page) == parsed
    # Allmaps' own map format, and its older spellings.
    as_map = {
        "type": "GeoreferencedMap",
        "resource": {"id": "https://x.example/i", "type": "ImageService2", "width": 10},
        "gcps": [{"resource": [1, 1], "geo": [0, 0]}] * 3,
        "resourceMask": [[0, 0], [10, 0], [10, 5]],
        "transformation": "polynomial2",
    }
    read = gra.parse(as_map)
    assert read.transformation == {"type": "polynomial", "options": {"order": 2}}
    assert (read.width, read.height) == (10, None) and len(read.gcps) == 3


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"type": "Manifest"}, "not a Georeference Annotation"),
        ([], "holds 0 georeferenced maps"),
        ("text", "expected a JSON object"),
        ({"type": "Annotation", "body": [{"type": "TextualBody"}]}, "not a georeference"),
        ({"type": "AnnotationPage", "items": []}, "holds 0 georeference annotations"),
        (
            {"type": "Annotation", "body": {"type": "FeatureCollection", "features": [{}]}},
            "ground control point 1 has no properties.resourceCoords",
        ),
        (
            {
                "type": "Annotation",
                "body": {
                    "type": "FeatureCollection",
                    "features": [
                        {
                            "type": "Feature",
                            "properties": {"resourceCoords": [1, "a"]},
                            "geometry": {"type": "Point", "coordinates": [1, 2]},
                        }
                    ],
                },
            },
            "is not a pair of numbers",
        ),
        (
            {
                "type": "Annotation",
                "target": {
                    "type": "SpecificResource",
                    "source": SERVICE,
                    "selector": {"type": "SvgSelector", "value": "<svg><rect/></svg>"},
                },
                "body": {"type": "FeatureCollection", "features": []},
            },
            "holds no polygon",
        ),
    ],
)
def test_wrong_files_are_refused_with_a_reason(document: Any, message: str) -> None:
    with pytest.raises(gra.GeorefFileError, match=re.escape(message)):
        gra.parse(document)


def test_the_extent_is_a_closed_counter_clockwise_ring() -> None:
    world = gra.extent_ring({"type": "equirectangular"}, 2700, 1350)
    assert world[0] == world[-1] and _area(world) == 360 * 180
    ring = gra.extent_ring(to_json(fit(AFFINE_POINTS, "affine")), 1300, 700)
    assert ring[0] == ring[-1] and _area(ring) > 0
    lons = [p[0] for p in ring]
    assert 10 < min(lons) < 20 and 80 < max(lons) < 90  # the image goes past its points


def _area(ring: list[list[float]]) -> float:
    return 0.5 * math.fsum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(ring))


def _manifest() -> dict[str, Any]:
    picture = iiif.Picture(
        width=2700,
        height=1350,
        image_id="https://m.example/media/a.jpg",
        format="image/jpeg",
        service_id=SERVICE,
    )
    source = iiif.ManifestSource(
        item_id=1,
        accession_number="BH-MAP-001",
        texts={"title": {"en": "World", "kk": "Әлем"}},
        pictures=(picture,),
        hotspots=(iiif.Hotspot(id=5, picture=0, x=10, y=10, label={"en": "Pole"}, lon=0, lat=89),),
    )
    return iiif.manifest("https://m.example", source)


def test_a_georeferenced_manifest_carries_the_annotation_and_navplace() -> None:
    doc = _manifest()
    gra.add_to_manifest(doc, 0, {"type": "equirectangular"}, "https://m.example/items/1/georef")
    assert iiif.validate(doc) == []
    # Extension contexts first, the Presentation context last (as the IIIF specs ask).
    assert sorted(doc["@context"][:2]) == sorted([gra.GEOREF_CONTEXT, gra.NAVPLACE_CONTEXT])
    assert doc["@context"][2:] == [gra.PRESENTATION_CONTEXT]
    feature = doc["navPlace"]["features"][0]
    assert feature["geometry"]["type"] == "Polygon"
    assert feature["properties"]["label"] == {"en": ["World"], "kk": ["Әлем"]}
    pages = doc["items"][0]["annotations"]
    assert [p["id"].rsplit("/", 1)[1] for p in pages] == ["annotations", "georeferencing"]
    note = pages[1]["items"][0]
    assert note["target"]["source"] == gra.image_service_source(SERVICE, 2700, 1350)
    check_allmaps_shape({"@context": [gra.GEOREF_CONTEXT, gra.PRESENTATION_CONTEXT], **note})
    # The places' own longitude/latitude ride along as a GeoJSON body.
    place = pages[0]["items"][0]
    assert place["body"][-1]["geometry"] == {"type": "Point", "coordinates": [0, 89]}


def test_nothing_is_added_for_a_broken_georeference() -> None:
    doc = _manifest()
    gra.add_to_manifest(doc, 0, {"type": "control_points", "points": []}, "https://m.example/g")
    gra.add_to_manifest(doc, 3, {"type": "equirectangular"}, "https://m.example/g")
    assert "navPlace" not in doc and len(doc["items"][0]["annotations"]) == 1


def test_allmaps_parses_what_we_write(tmp_path: Path) -> None:
    georef = gra.georef_map({"type": "equirectangular"}, 2700, 1350)
    path = tmp_path / "a.json"
    doc = gra.annotation("https://m.example/items/1/georeference", _source(), georef)
    path.write_text(json.dumps(doc), encoding="utf-8")
    (parsed,) = allmaps_parse(path)
    assert parsed["resource"] == {
        "id": SERVICE,
        "type": "ImageService3",
        "width": 2700,
        "height": 1350,
    }
    assert len(parsed["gcps"]) == len(georef.gcps)
    assert parsed["gcps"][0]["geo"] == [georef.gcps[0].lon, georef.gcps[0].lat]
    assert parsed["transformation"] == {"type": "thinPlateSpline"}
    assert parsed["resourceMask"] == [[0, 0], [2700, 0], [2700, 1350], [0, 1350]]
