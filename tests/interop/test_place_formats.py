"""Places as GeoJSON and KML (issue 14, point 3): every text field in every language, and the
KML reads back here with all of them."""

from __future__ import annotations

import json

from exhibition_app.interop.kml import parse_kml
from exhibition_app.interop.place_formats import Place, geojson, kml

PLACE = Place(
    id=7,
    x=10.5,
    y=20.25,
    lon=68.77,
    lat=38.56,
    label={"de": "Samarkand", "kk": "Самарқанд", "mn-Mong": "ᠰᠠᠮᠠᠷᠬᠠᠨᠳ"},
    text={"de": "Stadt <am> Serafschan & Co.\nZweite Zeile"},
    more={"credit": {"en": "GNM, translated by A."}},
)


def test_geojson_carries_every_field_and_language() -> None:
    doc = json.loads(geojson([PLACE], name="BH-MAP-002", lang="kk"))
    (feature,) = doc["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [68.77, 38.56]}
    props = feature["properties"]
    assert props["name"] == "Самарқанд" and props["description"] == PLACE.text["de"]
    assert props["name:mn-Mong"] == "ᠰᠠᠮᠠᠷᠬᠠᠨᠳ" and props["credit:en"] == "GNM, translated by A."
    assert props["credit"] == {"en": "GNM, translated by A."}
    assert (props["x"], props["y"]) == (10.5, 20.25)


def test_kml_has_every_language_and_reads_back_here() -> None:
    text = kml([PLACE], name="BH-MAP-002 & more", lang="en", fallback=("ru", "de"))
    assert '<Placemark id="place-7">' in text
    assert '<Data name="name:mn-Mong"><value>ᠰᠠᠮᠠᠷᠬᠠᠨᠳ</value></Data>' in text
    assert '<Data name="credit:en"><value>GNM, translated by A.</value></Data>' in text
    (mark,) = parse_kml(text.encode("utf-8")).placemarks
    assert mark.name == "Samarkand"  # no English: the fallback order, then any
    # The description is HTML (line breaks kept); what looks like a tag never comes in.
    assert mark.description == "Stadt Serafschan & Co.\nZweite Zeile"
    assert (mark.lon, mark.lat) == (68.77, 38.56)
