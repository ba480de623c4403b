"""A map's places (annotations with longitude and latitude) for GIS tools and IIIF viewers.

Plain data in, text out; no database, no Qt. Every place carries every language it has:

GeoJSON (RFC 7946)
    A FeatureCollection (``name``: the map's accession number, which GDAL takes for the layer
    name) with one Point Feature per place, ``[lon, lat]`` in WGS 84. Its properties: ``id``,
    the image pixel ``x``/``y``, ``name`` and ``description`` in the chosen language (for
    tools that show one column), ``name:<lang>``/``description:<lang>`` per language (the
    OpenStreetMap convention, a column each in QGIS or ``ogrinfo``), and ``label``/``text``
    as ``{lang: value}`` maps for programs; any other text of a place (a ``credit``) the
    same way, ``credit:<lang>`` and ``credit``.
KML 2.2
    A Document of Placemarks: ``name`` and ``description`` (HTML, as KML has it) in the chosen
    language (what this app's ``annotations import`` and GDAL's KML driver read), every language in
    ``ExtendedData`` as ``name:<lang>``/``description:<lang>``, and ``x``/``y``.
IIIF
    An AnnotationPage of W3C annotations on the map's canvas, as its manifest has them: the
    texts as TextualBody per language (``tagging`` the label, ``commenting`` the text) and the
    place as a GeoJSON Point Feature body (the navPlace extension's form).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape as html_escape
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from exhibition_app.interop import iiif
from exhibition_app.interop.georef_annotation import NAVPLACE_CONTEXT, PRESENTATION_CONTEXT

__all__ = ["FORMATS", "Place", "geojson", "iiif_page", "kml"]

FORMATS = ("geojson", "kml", "iiif")


@dataclass(frozen=True)
class Place:
    """One annotation of a map, with the longitude/latitude to write."""

    id: int
    x: float
    y: float
    lon: float
    lat: float
    label: Mapping[str, str] = field(default_factory=dict)
    text: Mapping[str, str] = field(default_factory=dict)
    #: Any other texts of the place, ``{field: {lang: value}}`` (a ``credit``...).
    more: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


def _pick(texts: Mapping[str, str], lang: str, fallback: Sequence[str]) -> str:
    for code in (lang, *fallback, *sorted(texts)):
        value = texts.get(code)
        if value and value.strip():
            return value
    return ""


def _coord(value: float, digits: int = 7) -> float:
    return round(float(value), digits)


def geojson(
    places: Sequence[Place], *, name: str, lang: str = "en", fallback: Sequence[str] = ()
) -> str:
    """The places as a GeoJSON FeatureCollection (see the module docstring)."""
    features = []
    for p in places:
        props: dict[str, Any] = {"id": p.id, "x": round(p.x, 2), "y": round(p.y, 2)}
        props["name"] = _pick(p.label, lang, fallback)
        props["description"] = _pick(p.text, lang, fallback)
        for code, value in sorted(p.label.items()):
            props[f"name:{code}"] = value
        for code, value in sorted(p.text.items()):
            props[f"description:{code}"] = value
        for name_, by_lang in sorted(p.more.items()):
            for code, value in sorted(by_lang.items()):
                props[f"{name_}:{code}"] = value
        props["label"] = dict(sorted(p.label.items()))
        props["text"] = dict(sorted(p.text.items()))
        for name_, by_lang in sorted(p.more.items()):
            props[name_] = dict(sorted(by_lang.items()))
        features.append(
            {
                "type": "Feature",
                "id": p.id,
                "geometry": {"type": "Point", "coordinates": [_coord(p.lon), _coord(p.lat)]},
                "properties": props,
            }
        )
    doc = {"type": "FeatureCollection", "name": name, "features": features}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def kml(
    places: Sequence[Place],
    *,
    name: str,
    lang: str = "en",
    fallback: Sequence[str] = (),
) -> str:
    """The places as a KML 2.2 document (see the module docstring)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<kml xmlns="http://www.opengis.net/kml/2.2">',
        "<Document>",
        f"  <name>{escape(name)}</name>",
    ]
    for p in places:
        lines.append(f"  <Placemark id={quoteattr(f'place-{p.id}')}>")
        label = _pick(p.label, lang, fallback)
        text = _pick(p.text, lang, fallback)
        if label:
            lines.append(f"    <name>{escape(label)}</name>")
        if text:  # KML descriptions are HTML: the text escaped, its line breaks as <br>
            html = "<br>".join(html_escape(line, quote=False) for line in text.split("\n"))
            lines.append(f"    <description>{escape(html)}</description>")
        data = [("x", f"{p.x:.2f}"), ("y", f"{p.y:.2f}")]
        data += [(f"name:{code}", value) for code, value in sorted(p.label.items())]
        data += [(f"description:{code}", value) for code, value in sorted(p.text.items())]
        data += [
            (f"{name_}:{code}", value)
            for name_, by_lang in sorted(p.more.items())
            for code, value in sorted(by_lang.items())
        ]
        lines.append("    <ExtendedData>")
        for key, value in data:
            lines.append(f"      <Data name={quoteattr(key)}><value>{escape(value)}</value></Data>")
        lines.append("    </ExtendedData>")
        lines.append(
            f"    <Point><coordinates>{_coord(p.lon)!r},{_coord(p.lat)!r}</coordinates></Point>"
        )
        lines.append("  </Placemark>")
    lines += ["</Document>", "</kml>", ""]
    return "\n".join(lines)


def iiif_page(
    base: str,
    item_id: int,
    canvas_index: int,
    picture: iiif.Picture,
    places: Sequence[Place],
) -> dict[str, Any]:
    """The places as an AnnotationPage on canvas ``canvas_index`` (1-based) of the item's
    manifest, with the ids its manifest gives them."""
    root = f"{base}/items/{item_id}"
    canvas_id = f"{root}/canvas/{canvas_index}"
    hotspots = [
        iiif.Hotspot(
            id=p.id,
            picture=0,
            x=p.x,
            y=p.y,
            label=dict(p.label),
            text=dict(p.text),
            lon=p.lon,
            lat=p.lat,
        )
        for p in places
    ]
    return {
        "@context": [NAVPLACE_CONTEXT, PRESENTATION_CONTEXT],
        "id": f"{root}/annotations.json",
        "type": "AnnotationPage",
        "items": iiif.hotspot_annotations(root, canvas_id, picture, hotspots),
    }
