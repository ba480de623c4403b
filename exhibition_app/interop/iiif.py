"""IIIF Presentation API 3.0 documents as plain dicts, and their validation (no DB, no Qt).

The builders are pure functions of plain data (`ManifestSource`, `Picture`, `Hotspot`):
`manifest` makes one item's Manifest, `collection` a Collection of manifests or of other
collections. `validate` checks a document against the IIIF consortium's JSON Schema
shipped in ``schemas/iiif_3_0.schema.json`` and returns readable problems, each with the
JSON path of the offending value (``$.items[0].width``).

Shape of a manifest::

    Manifest   label/summary/metadata/requiredStatement in every language the item has
      Canvas (one per image, its pixel size)
        AnnotationPage > Annotation "painting" > Image (its file) + service ImageService3 level0
        annotations: AnnotationPage > Annotation "commenting" or "tagging" per map hotspot,
                     targeting ``canvas#xywh=`` (a small square centred on the point)

Validation runs offline: every ``$ref`` of the schema points inside the file, the schema is
registered under its own ``$id`` and no retrieval function is given, so nothing is fetched.
The schema's own rules matter here: every ``id`` must be an ``http(s)`` address, and
``rights`` must be a Creative Commons or RightsStatements.org URI in its ``http://`` form
(`rights_uri` converts ``https://creativecommons.org/...`` and refuses anything else).
"""

from __future__ import annotations

import functools
import html
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exhibition_app.interop.georef_annotation import NAVPLACE_CONTEXT, place_feature, with_context

__all__ = [
    "DEFAULT_BASE_URI",
    "PRESENTATION_CONTEXT",
    "SCHEMA_PATH",
    "Hotspot",
    "ManifestSource",
    "Picture",
    "Problem",
    "Provider",
    "check_base_uri",
    "collection",
    "collection_ref",
    "edtf_nav_date",
    "hotspot_annotations",
    "is_presentation_document",
    "language_map",
    "manifest",
    "manifest_ref",
    "mime_type",
    "nav_date",
    "rights_uri",
    "tile_service_id",
    "validate",
]

PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json"
#: Where a published site is when no ``--base-uri`` is given: ``exhibition-app serve``'s
#: default address, so an export previews as it is.
DEFAULT_BASE_URI = "http://localhost:8000"
IMAGE_CONTEXT = "http://iiif.io/api/image/3/context.json"
SCHEMA_PATH = Path(__file__).with_name("schemas") / "iiif_3_0.schema.json"

Texts = Mapping[str, str]
LanguageMap = dict[str, list[str]]

#: Item fields shown as ``metadata`` pairs, in the order an item page shows them.
METADATA_FIELDS: tuple[str, ...] = (
    "date",
    "place",
    "culture",
    "creator",
    "materials",
    "technique",
    "dimensions",
)

#: Labels of the metadata pairs in the catalogue languages (the same words as the UI's).
LABELS: dict[str, dict[str, str]] = {
    "date": {"en": "Date", "kk": "Мерзімі", "ru": "Датировка", "mn": "Он цаг"},
    "place": {"en": "Place", "kk": "Орны", "ru": "Место", "mn": "Газар"},
    "culture": {"en": "Culture", "kk": "Мәдениет", "ru": "Культура", "mn": "Соёл"},
    "creator": {"en": "Maker", "kk": "Авторы", "ru": "Автор", "mn": "Бүтээгч"},
    "materials": {"en": "Materials", "kk": "Материалдары", "ru": "Материалы", "mn": "Материал"},
    "technique": {"en": "Technique", "kk": "Техникасы", "ru": "Техника", "mn": "Арга техник"},
    "dimensions": {"en": "Dimensions", "kk": "Өлшемдері", "ru": "Размеры", "mn": "Хэмжээ"},
    "credit_line": {"en": "Credit", "kk": "Дереккөзі", "ru": "Источник", "mn": "Эх сурвалж"},
    "accession_number": {
        "en": "Accession number",
        "kk": "Тіркеу нөмірі",
        "ru": "Инвентарный номер",
        "mn": "Бүртгэлийн дугаар",
    },
    "country": {"en": "Country", "kk": "Ел", "ru": "Страна", "mn": "Улс"},
    "rights": {"en": "Licence", "kk": "Лицензия", "ru": "Лицензия", "mn": "Лиценз"},
    "exhibitions": {"en": "Exhibitions", "kk": "Көрмелер", "ru": "Выставки", "mn": "Үзэсгэлэн"},
    "original": {
        "en": "Original image file",
        "kk": "Түпнұсқа сурет файлы",
        "ru": "Исходный файл изображения",
        "mn": "Эх зургийн файл",
    },
    "card": {
        "en": "Designed card (no photograph yet)",
        "kk": "Безендірілген карточка (суреті әлі жоқ)",
        "ru": "Оформленная карточка (фотографии пока нет)",
        "mn": "Зохиомжилсон карт (зураг хараахан алга)",
    },
    "section": {"en": "Section", "kk": "Бөлім", "ru": "Раздел", "mn": "Хэсэг"},
}

_LANG_KEY = re.compile(r"[a-zA-Z-]+")
_RIGHTS = re.compile(
    r"https?://(creativecommons\.org/(?:licenses|publicdomain)/|rightsstatements\.org/vocab/)"
    r"[^\s]*"
)
_MIME = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "TIFF": "image/tiff",
    "WEBP": "image/webp",
    "GIF": "image/gif",
    "BMP": "image/bmp",
    "JPEG2000": "image/jp2",
}


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Picture:
    """One image of an item: becomes a Canvas painted with the image."""

    width: int
    height: int
    #: Address of the image file itself (the painting body's ``id``).
    image_id: str
    #: Media type of the file, e.g. ``image/jpeg``.
    format: str
    #: Address of the level-0 tile set (the folder holding info.json), or None.
    service_id: str | None = None
    #: ``(width, height)`` of a small size the tile set lists, for a thumbnail.
    thumbnail_size: tuple[int, int] | None = None
    #: ``(id, width, height)`` of a small image file, for a thumbnail without a tile set.
    thumbnail_image: tuple[str, int, int] | None = None
    #: Address of the original file, offered for download (``rendering``); None for a card.
    original_id: str | None = None
    #: The canvas's label per language (e.g. for a designed card), or empty.
    label: Texts = field(default_factory=dict)


@dataclass(frozen=True)
class Hotspot:
    """A map annotation: a point in the image's pixels, with label and text per language."""

    id: int
    picture: int  # index into ManifestSource.pictures
    x: float
    y: float
    label: Texts = field(default_factory=dict)
    text: Texts = field(default_factory=dict)
    lon: float | None = None
    lat: float | None = None


@dataclass(frozen=True)
class Provider:
    """The publisher of an export: an ``Agent`` with a name and a home page."""

    id: str
    label: Texts
    homepage_id: str


@dataclass(frozen=True)
class ManifestSource:
    """Everything one item's manifest says, as plain data."""

    item_id: int
    accession_number: str
    #: ``{field: {lang: text}}`` of the item's translatable fields.
    texts: Mapping[str, Texts]
    pictures: tuple[Picture, ...]
    hotspots: tuple[Hotspot, ...] = ()
    rights: str | None = None
    #: ``{lang: name}`` of the item's country, if it has one.
    country: Texts = field(default_factory=dict)
    #: ``navDate``: an ``xsd:dateTime`` (see `nav_date`), or None.
    nav_date: str | None = None
    #: Who publishes the item (``provider``), or None.
    provider: Provider | None = None
    #: Address of the item's web page (``homepage``), or None.
    homepage_id: str | None = None
    #: The licence as the item page shows it (``CC BY-SA 3.0``), for ``metadata``.
    rights_name: str | None = None


# --------------------------------------------------------------------------- values


def check_base_uri(base_uri: str) -> str:
    """The export base without a trailing slash; ValueError unless it is http(s)."""
    base = base_uri.strip().rstrip("/")
    if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", base):
        raise ValueError(
            f"'{base_uri}' is not an http(s) address; IIIF ids must be http(s) "
            "(for example http://localhost:8000 or https://museum.example/iiif)"
        )
    return base


def tile_service_id(base: str, sha256: str) -> str:
    """The one address of an image's level-0 tile set on a published site: ``BASE/tiles/<sha>``
    (``export iiif``, ``export bundle`` and ``tiles build`` all derive it from ``--base-uri``)."""
    return f"{base}/tiles/{sha256}"


def language_map(texts: Texts, fallback: str | None = None) -> LanguageMap:
    """``{"en": ["..."], ...}`` of the non-empty texts; ``{"none": [fallback]}`` if none.

    Language codes the schema does not accept (digits, ``_``) go under ``none``.
    """
    result: LanguageMap = {}
    for lang, value in texts.items():
        if not value or not value.strip():
            continue
        key = lang if _LANG_KEY.fullmatch(lang) else "none"
        result.setdefault(key, []).append(value)
    if not result and fallback:
        result["none"] = [fallback]
    return result


def rights_uri(value: str | None) -> str | None:
    """The ``rights`` value for a licence URI, or None when the schema would refuse it.

    IIIF accepts Creative Commons and RightsStatements.org URIs only, in ``http://`` form.
    """
    if not value:
        return None
    value = value.strip()
    if not _RIGHTS.fullmatch(value):
        return None
    return "http://" + value.split("://", 1)[1]


def mime_type(pillow_format: str) -> str:
    """``image/jpeg`` for Pillow's ``JPEG`` (and so on)."""
    return _MIME.get(pillow_format.upper(), f"image/{pillow_format.lower() or 'jpeg'}")


def nav_date(year: int | None, month: int = 1, day: int = 1) -> str | None:
    """``navDate`` for an astronomical year: midnight UTC on its first day (or on the given
    month and day), as ``xsd:dateTime`` writes it (``-0399`` is 400 BC, ``0000`` 1 BC)."""
    if year is None:
        return None
    sign = "-" if year < 0 else ""
    return f"{sign}{abs(year):04d}-{month:02d}-{day:02d}T00:00:00Z"


#: The first month of a season of EDTF (21 spring ... 24 winter, northern hemisphere).
_SEASON_MONTH = {21: 3, 22: 6, 23: 9, 24: 12}


def edtf_nav_date(edtf: str | None) -> str | None:
    """``navDate`` for an item's EDTF date: where the date begins, without the widening an
    approximate date gets for search (``1492`` → 1492-01-01, ``1689-05`` → 1689-05-01,
    ``18XX`` → 1800, ``-0399/-0200`` → -0399, ``../1700`` → 1700). None when there is no
    date or it cannot be read."""
    from exhibition_app.core.edtf_syntax import EdtfPoint, read_edtf

    if not edtf:
        return None
    try:
        parsed = read_edtf(edtf)
    except ValueError:
        return None
    point = parsed if isinstance(parsed, EdtfPoint) else (parsed.start or parsed.end)
    if point is None:
        return None
    month = point.month if 1 <= point.month <= 12 else _SEASON_MONTH.get(point.month, 1)
    return nav_date(point.lo, month, point.day or 1)


def _labels(key: str) -> LanguageMap:
    return {lang: [text] for lang, text in LABELS[key].items()}


def _pair(key: str, value: LanguageMap) -> dict[str, Any]:
    return {"label": _labels(key), "value": value}


# --------------------------------------------------------------------------- documents


def manifest_id(base: str, item_id: int) -> str:
    return f"{base}/items/{item_id}/manifest.json"


def manifest(base: str, source: ManifestSource) -> dict[str, Any]:
    """The Manifest of one item; every ``id`` starts with ``base`` (see `check_base_uri`)."""
    root = f"{base}/items/{source.item_id}"
    texts = source.texts
    doc: dict[str, Any] = {
        "@context": PRESENTATION_CONTEXT,
        "id": manifest_id(base, source.item_id),
        "type": "Manifest",
        "label": language_map(texts.get("title", {}), source.accession_number),
    }
    summary = language_map(texts.get("description", {}))
    if summary:
        doc["summary"] = summary
    metadata = [_pair("accession_number", {"none": [source.accession_number]})]
    for name in METADATA_FIELDS:
        value = language_map(texts.get(name, {}))
        if value:
            metadata.append(_pair(name, value))
    if source.country:
        metadata.append(_pair("country", language_map(source.country)))
    if source.rights:
        metadata.append(_pair("rights", _rights_value(source.rights, source.rights_name)))
    doc["metadata"] = metadata
    credit = language_map(texts.get("credit_line", {}))
    if credit:
        doc["requiredStatement"] = _pair("credit_line", credit)
    rights = rights_uri(source.rights)
    if rights:
        doc["rights"] = rights
    if source.nav_date:
        doc["navDate"] = source.nav_date
    if source.provider is not None:
        doc["provider"] = [_provider(source.provider)]
    if source.homepage_id:
        doc["homepage"] = [_web_page(source.homepage_id, doc["label"])]
    first = source.pictures[0] if source.pictures else None
    if first is not None:
        thumbnail = _thumbnail(first)
        if thumbnail is not None:
            doc["thumbnail"] = [thumbnail]
    originals = [_original(p) for p in source.pictures if p.original_id]
    if originals:
        doc["rendering"] = originals
    canvases = []
    for index, picture in enumerate(source.pictures, start=1):
        canvases.append(_canvas(root, index, picture, source.hotspots))
    doc["items"] = canvases
    if any(h.lon is not None and h.lat is not None for h in source.hotspots):
        with_context(doc, NAVPLACE_CONTEXT)  # places carry a GeoJSON Point body
    return doc


def _rights_value(uri: str, name: str | None) -> LanguageMap:
    """The licence as the item page shows it, linked to its URI (IIIF allows ``<a>``)."""
    if not name or name == uri or not re.fullmatch(r"https?://[^\s\"<>]+", uri):
        return {"none": [uri]}
    return {"none": [f'<a href="{uri}">{html.escape(name)}</a>']}


def _web_page(page_id: str, label: LanguageMap) -> dict[str, Any]:
    page: dict[str, Any] = {"id": page_id, "type": "Text", "label": label, "format": "text/html"}
    languages = [lang for lang in label if lang != "none"]
    if languages:
        page["language"] = languages
    return page


def _provider(provider: Provider) -> dict[str, Any]:
    label = language_map(provider.label, provider.id)
    return {
        "id": provider.id,
        "type": "Agent",
        "label": label,
        "homepage": [_web_page(provider.homepage_id, label)],
    }


def _original(picture: Picture) -> dict[str, Any]:
    assert picture.original_id is not None
    return {
        "id": picture.original_id,
        "type": "Image",
        "label": _labels("original"),
        "format": picture.format,
    }


def _service(picture: Picture) -> list[dict[str, Any]]:
    assert picture.service_id is not None
    return [{"id": picture.service_id, "type": "ImageService3", "profile": "level0"}]


def _thumbnail(picture: Picture) -> dict[str, Any] | None:
    """A small image of the picture: a size of its tile set, or its own small file."""
    if picture.service_id and picture.thumbnail_size:
        w, h = picture.thumbnail_size
        return {
            "id": f"{picture.service_id}/full/{w},{h}/0/default.jpg",
            "type": "Image",
            "format": "image/jpeg",
            "width": w,
            "height": h,
            "service": _service(picture),
        }
    if picture.thumbnail_image:
        image_id, w, h = picture.thumbnail_image
        return {"id": image_id, "type": "Image", "format": "image/jpeg", "width": w, "height": h}
    return None


def _canvas(root: str, index: int, picture: Picture, hotspots: Iterable[Hotspot]) -> dict[str, Any]:
    canvas_id = f"{root}/canvas/{index}"
    body: dict[str, Any] = {
        "id": picture.image_id,
        "type": "Image",
        "format": picture.format,
        "width": picture.width,
        "height": picture.height,
    }
    if picture.service_id:
        body["service"] = _service(picture)
    canvas: dict[str, Any] = {"id": canvas_id, "type": "Canvas"}
    label = language_map(picture.label)
    if label:
        canvas["label"] = label
    canvas |= {
        "width": picture.width,
        "height": picture.height,
        "items": [
            {
                "id": f"{canvas_id}/page",
                "type": "AnnotationPage",
                "items": [
                    {
                        "id": f"{canvas_id}/page/image",
                        "type": "Annotation",
                        "motivation": "painting",
                        "body": body,
                        "target": canvas_id,
                    }
                ],
            }
        ],
    }
    if picture.original_id:
        canvas["rendering"] = [_original(picture)]
    notes = [_hotspot(root, canvas_id, picture, h) for h in hotspots if h.picture == index - 1]
    if notes:
        canvas["annotations"] = [
            {"id": f"{canvas_id}/annotations", "type": "AnnotationPage", "items": notes}
        ]
    return canvas


def hotspot_box(x: float, y: float, width: int, height: int) -> tuple[int, int, int, int]:
    """``(x, y, w, h)``: a square of about 1% of the shorter side, centred on the point
    and kept inside the image (a viewer draws a region, not a point)."""
    side = max(1, min(width, height, round(min(width, height) / 100)))
    cx = min(max(x, 0.0), float(width))
    cy = min(max(y, 0.0), float(height))
    left = min(max(0, math.floor(cx - side / 2)), width - side)
    top = min(max(0, math.floor(cy - side / 2)), height - side)
    return left, top, side, side


def _hotspot(root: str, canvas_id: str, picture: Picture, note: Hotspot) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = []
    for purpose, texts in (("tagging", note.label), ("commenting", note.text)):
        for lang, value in language_map(texts).items():
            for text in value:
                body = {"type": "TextualBody", "value": text, "format": "text/plain"}
                if lang != "none":
                    body["language"] = lang
                body["purpose"] = purpose
                bodies.append(body)
    if note.lon is not None and note.lat is not None:
        bodies.append(place_feature(note.lon, note.lat, language_map(note.label)))
    x, y, w, h = hotspot_box(note.x, note.y, picture.width, picture.height)
    annotation: dict[str, Any] = {
        "id": f"{root}/annotations/{note.id}",
        "type": "Annotation",
        "motivation": "commenting" if any(v for v in note.text.values()) else "tagging",
        "target": f"{canvas_id}#xywh={x},{y},{w},{h}",
    }
    if bodies:
        annotation["body"] = bodies
    return annotation


def hotspot_annotations(
    root: str, canvas_id: str, picture: Picture, notes: Iterable[Hotspot]
) -> list[dict[str, Any]]:
    """The annotations of ``notes`` on the canvas ``canvas_id``, as a manifest has them."""
    return [_hotspot(root, canvas_id, picture, note) for note in notes]


def manifest_ref(
    base: str, item_id: int, label: LanguageMap, thumbnail: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A Collection's entry for a manifest."""
    ref: dict[str, Any] = {"id": manifest_id(base, item_id), "type": "Manifest", "label": label}
    if thumbnail:
        ref["thumbnail"] = [thumbnail]
    return ref


def collection_ref(collection_id: str, label: LanguageMap) -> dict[str, Any]:
    """A Collection's entry for another collection."""
    return {"id": collection_id, "type": "Collection", "label": label}


def collection(
    collection_id: str,
    label: LanguageMap,
    items: list[dict[str, Any]],
    *,
    summary: LanguageMap | None = None,
) -> dict[str, Any]:
    """A Collection of `manifest_ref` and `collection_ref` entries."""
    doc: dict[str, Any] = {
        "@context": PRESENTATION_CONTEXT,
        "id": collection_id,
        "type": "Collection",
        "label": label,
    }
    if summary:
        doc["summary"] = summary
    doc["items"] = items
    return doc


def exhibitions_label() -> LanguageMap:
    return _labels("exhibitions")


def card_label() -> dict[str, str]:
    """The label of a canvas painted with an item's designed card, per language."""
    return dict(LABELS["card"])


def section_label(number: int) -> LanguageMap:
    """ "Section 2" in every catalogue language, for a section without a title."""
    return {lang: [f"{word} {number}"] for lang, word in LABELS["section"].items()}


# --------------------------------------------------------------------------- validation


@dataclass(frozen=True)
class Problem:
    """One way a document breaks the schema: where (a JSON path) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@functools.cache
def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


#: The schema's class for each top-level ``type`` (its ``oneOf`` branches).
_CLASSES = {
    "Manifest": "manifest",
    "Collection": "collection",
    "AnnotationCollection": "annotationCollection",
    "AnnotationPage": "annotationPage",
    "Annotation": "annotation",
}


@functools.cache
def _validator(kind: str | None) -> Any:
    """A Draft 7 validator for one class (or the whole ``oneOf`` when ``kind`` is None).

    Validating against the class a document says it is gives errors about that class
    ("$.items[0].width: 0 is less than or equal to the minimum of 0") instead of the
    top level's "is not valid under any of the given schemas".
    """
    from jsonschema import Draft7Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT7

    root = _schema()
    registry: Registry[Any] = Registry().with_resource(
        root["$id"], Resource.from_contents(root, default_specification=DRAFT7)
    )
    if kind is None:
        schema = root
    else:
        schema = {k: v for k, v in root.items() if k != "oneOf"}
        schema["allOf"] = [{"$ref": f"#/classes/{kind}"}]
    return Draft7Validator(schema, registry=registry)


def _json_path(parts: Iterable[Any]) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def validate(document: Any) -> list[Problem]:
    """Problems of ``document`` against the IIIF Presentation 3.0 schema ([] when valid)."""
    from jsonschema.exceptions import best_match, relevance

    kind = _CLASSES.get(str(document.get("type"))) if isinstance(document, dict) else None
    validator = _validator(kind)
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for error in sorted(validator.iter_errors(document), key=relevance):
        deepest = best_match([error])
        problem = Problem(_json_path(deepest.absolute_path), _first_line(deepest.message))
        if (problem.path, problem.message) not in seen:
            seen.add((problem.path, problem.message))
            problems.append(problem)
    return problems


def _first_line(text: str, limit: int = 300) -> str:
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= limit else line[: limit - 3] + "..."


def is_presentation_document(document: Any) -> bool:
    """False for IIIF Image API documents (a tile set's info.json), True otherwise."""
    if not isinstance(document, dict):
        return True
    return not (
        document.get("@context") == IMAGE_CONTEXT
        or str(document.get("type", "")).startswith("ImageService")
    )
