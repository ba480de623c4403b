"""Map operations: georeference, tile pyramids and annotations (Qt-free).

Tile sets are derived files: ``assets/tiles/<sha256 of the image>/info.json`` and the IIIF
level-0 tiles beside it, built once per image and rebuilt only when the image changes (the
folder is named by content). Annotations sit on a map in the image's own pixels; a KML
placemark at (lon, lat) lands where the map's georeference puts it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from exhibition_app.catalog import Catalog
from exhibition_app.core.durable import atomic_write
from exhibition_app.core.georef import Equirectangular, Fitted, GeorefError, from_json
from exhibition_app.core.languages import DEFAULT_FALLBACK, pick
from exhibition_app.db.models import Annotation, AnnotationText, Item, Media, utcnow
from exhibition_app.errors import CatalogError, InvalidInput, shown
from exhibition_app.interop import iiif
from exhibition_app.operations.queries import cover_of, get_item

GEOREF_KINDS = ("equirectangular",)


def tiles_dir(catalog: Catalog, media: Media) -> Path:
    """Where the image's tile set is: in the assets folder; on a read-only shared one, the
    share's set when it has a finished one, else the set built in this account's cache."""
    shared = catalog.assets / "tiles" / media.sha256
    if catalog.cache == catalog.assets:
        return shared
    from exhibition_app.imaging.tiles import is_current

    return shared if is_current(shared, media.sha256) else catalog.cache / "tiles" / media.sha256


def ensure_tiles(
    catalog: Catalog,
    media: Media,
    *,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path:
    """The info.json of the image's tile set, building it first if it is missing or stale."""
    from exhibition_app.imaging.build_lock import exclusive
    from exhibition_app.imaging.tiles import TilesCancelled, build_tiles, is_current

    dest = tiles_dir(catalog, media)
    if is_current(dest, media.sha256):
        return dest / "info.json"

    def cancelled() -> None:
        raise TilesCancelled("tile building was cancelled")

    # One builder at a time: a second one would redo minutes of work, and its swap would
    # briefly take away the folder the first one's caller is reading.
    with exclusive(dest, cancel, cancelled):
        if is_current(dest, media.sha256):  # built by whoever held the lock before us
            return dest / "info.json"
        dest.parent.mkdir(parents=True, exist_ok=True)
        info = build_tiles(
            catalog.store.abspath(media.relpath),
            dest,
            progress=progress,
            cancel=cancel,
            max_pixels=catalog.max_pixels,
            source_sha256=media.sha256,
        )
    return info.path


def build_item_tiles(
    catalog: Catalog, item_id: int, *, base_uri: str | None = None, **kwargs: Any
) -> Path:
    """The item's tile set. ``base_uri`` is the root of the published site (as for
    ``export iiif``): the set's IIIF ``id`` becomes ``BASE/tiles/<sha256>``, the address
    the export serves it at, so tiles and manifests agree. An address that already ends in
    ``/tiles/<sha256>`` of this image (what ``--base-uri`` meant before) is kept as it is."""
    base = _check_base_uri(base_uri) if base_uri is not None else None  # before minutes of tiling
    with catalog.read_session() as session:
        media = cover_of(get_item(session, item_id))
    info = ensure_tiles(catalog, media, **kwargs)
    if base is not None:
        suffix = f"/tiles/{media.sha256}"
        set_base_uri(
            info, base if base.endswith(suffix) else iiif.tile_service_id(base, media.sha256)
        )
    return info


def _check_base_uri(base_uri: str) -> str:
    try:
        return iiif.check_base_uri(base_uri)
    except ValueError as exc:
        raise CatalogError(str(exc)) from None


def set_base_uri(info_json: Path, service_id: str) -> None:
    """Point a tile set's ``id`` at where it is served (the tiles do not depend on it).

    The default ``id`` of a set in the assets folder is a file: URI, which a browser
    refuses; an IIIF client on the web needs the http(s) address of the folder holding
    info.json. (Exports and bundles never carry that file: id: they write their own.)
    """
    service_id = _check_base_uri(service_id)
    doc = json.loads(info_json.read_text(encoding="utf-8"))
    doc["id"] = service_id
    atomic_write(info_json, json.dumps(doc, indent=2))


def georeference(item: Item) -> Equirectangular | Fitted | None:
    """The item's georeference for its cover image, or None."""
    if not item.georef:
        return None
    media = item.cover_media
    if media is None:
        return None
    try:
        return from_json(json.loads(item.georef), width=media.width, height=media.height)
    except (ValueError, GeorefError) as exc:
        raise CatalogError(f"item {item.id} has an unreadable georeference: {exc}") from exc


def set_georef(item: Item, kind: str) -> None:
    if kind not in GEOREF_KINDS:
        raise CatalogError(f"unknown georeference '{kind}': use {', '.join(GEOREF_KINDS)}")
    item.georef = json.dumps({"type": kind})


def georef_report(item: Item) -> dict[str, Any]:
    """What ``georef show`` prints: the kind and, for control points, every residual."""
    geo = georeference(item)
    if geo is None:
        return {"item": item.id, "type": None}
    if isinstance(geo, Equirectangular):
        return {"item": item.id, "type": "equirectangular"}
    return {
        "item": item.id,
        "type": "control_points",
        "kind": geo.kind,
        "rms": geo.rms,
        "points": [
            {"x": p.x, "y": p.y, "lon": p.lon, "lat": p.lat, "residual": r}
            for p, r in zip(geo.points, geo.residuals(), strict=True)
        ],
    }


def georeference_item(
    catalog: Catalog,
    item_id: int,
    *,
    equirectangular: bool = False,
    points_file: Path | None = None,
    kind: str = "affine",
) -> dict[str, Any]:
    """Set a map's georeference (whole-world plate carree, or fitted control points).

    Control points come as JSON: ``[{"x": .., "y": .., "lon": .., "lat": ..}, ...]`` in the
    image's pixels; the fit is checked (enough points, not collinear) before anything is
    saved, and the residuals come back so a curator sees which point is off.
    """
    from exhibition_app.core.georef import ControlPoint, check_points, fit, to_json

    if equirectangular == (points_file is not None):
        raise CatalogError("give either --equirectangular or --points FILE")
    points: list[ControlPoint] = []
    if points_file is not None:
        try:
            raw = json.loads(points_file.read_text(encoding="utf-8"))
            points = [
                ControlPoint(float(p["x"]), float(p["y"]), float(p["lon"]), float(p["lat"]))
                for p in raw
            ]
        except (OSError, ValueError, KeyError, TypeError, OverflowError) as exc:
            raise CatalogError(
                f"{shown(points_file.name)}: expected a JSON list of {{x, y, lon, lat}} "
                f"({shown(exc)})"
            ) from exc
    with catalog.session() as session:
        item = get_item(session, item_id)
        media = cover_of(item)
        document: dict[str, object] = {"type": "equirectangular"}
        if points_file is not None:
            try:
                # Before the fit: a point off the image or off the Earth (x = 1e308, NaN,
                # lat 95) is named, never an OverflowError from the least squares.
                check_points(points, media.width, media.height)
                document = to_json(fit(points, kind))
            except GeorefError as exc:
                raise InvalidInput(f"{shown(points_file.name)}: {exc}") from exc
        item.georef = json.dumps(document)
        return georef_report(item)


_NOTES = cast(Table, Annotation.__table__)
_TEXTS = cast(Table, AnnotationText.__table__)

#: Places written per transaction: other writers wait for one batch at most (well under a
#: second), never for a whole 100,000-place file.
KML_BATCH = 2_000
#: A KML place within this many image pixels of an annotation already on the map is that
#: annotation: imported again, or in another language, it updates instead of duplicating.
SAME_PLACE_PX = 3.0
#: The id this app gives a place in the files it writes (``annotations export``'s KML
#: ``<Placemark id="place-12">``): such a placemark, read back, is annotation 12.
_OWN_PLACEMARK_ID = re.compile(r"place-([1-9][0-9]{0,17})")


def placemark_annotation(placemark_id: str) -> int | None:
    """The annotation a placemark id written by this app names (``place-12`` is 12)."""
    match = _OWN_PLACEMARK_ID.fullmatch(placemark_id.strip())
    return int(match.group(1)) if match else None


def import_kml(
    catalog: Catalog,
    item_id: int,
    path: Path,
    *,
    lang: str = "en",
    batch: int = KML_BATCH,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[int, list[str]]:
    """Put the KML file's placemarks on the map as annotations, in language ``lang``
    (names and descriptions; a placemark's ExtendedData ``name:<lang>`` and
    ``description:<lang>`` bring every other language it carries).

    Returns (imported, skipped reasons). The map must be georeferenced. A placemark that
    lands outside the map's image (a control-point georeference covers part of the world)
    is skipped with its reason. A placemark within :data:`SAME_PLACE_PX` pixels of an
    annotation that was on the map before this import updates that annotation's label and
    text in ``lang`` (so a file imported twice, or the same places in a second language,
    never duplicates a place). Before positions are compared, a placemark whose id is one
    this app writes (``place-<id>``, see :func:`placemark_annotation`) naming an annotation
    of this map is that annotation wherever it now lies (a curator may have moved it since
    the file was exported); its position is left as the catalogue has it. Places are
    written in transactions of ``batch``: an import that is interrupted keeps the batches
    done, and running it again completes it.
    """
    from exhibition_app.interop.kml import read_kml

    result = read_kml(path)
    with catalog.read_session() as session:
        item = get_item(session, item_id)
        geo = georeference(item)
        if geo is None:
            raise CatalogError(
                f"item {item_id} is not georeferenced, so KML places cannot be put on it "
                "(import the map with --georef equirectangular)"
            )
        media = cover_of(item)
        width, height = media.width, media.height
        near = _PlaceIndex(
            session.execute(
                select(Annotation.id, Annotation.x, Annotation.y).where(
                    Annotation.item_id == item_id
                )
            )
        )
    skipped = list(result.skipped)
    rows: list[tuple[int | None, dict[str, Any], dict[tuple[str, str], str]]] = []
    # Ids first, so that no other placemark's position takes the annotation an id names.
    by_id = [near.take_id(placemark_annotation(mark.id)) for mark in result.placemarks]
    for index, mark in enumerate(result.placemarks, start=1):
        x, y = geo.to_pixel(mark.lon, mark.lat)
        if not (0.0 <= x <= width and 0.0 <= y <= height):
            label = f"placemark {index} ({mark.name!r})" if mark.name else f"placemark {index}"
            skipped.append(
                f"{label}: {mark.lon:g}, {mark.lat:g} falls outside the map's image "
                f"(at pixel {x:.0f}, {y:.0f} of {width}x{height})"
            )
            continue
        values: dict[str, Any] = {"item_id": item_id, "media_id": media.id, "x": x, "y": y}
        values |= {"lon": mark.lon, "lat": mark.lat, "created_at": utcnow()}
        same = by_id[index - 1]
        note_id = same if same is not None else near.take(x, y)
        rows.append((note_id, values, _mark_texts(mark, lang)))
    for start in range(0, len(rows), max(1, batch)):
        with catalog.session() as session:
            _write_places(session, rows[start : start + batch])
        if progress is not None:
            progress(min(start + batch, len(rows)), len(rows))
    return len(rows), skipped


def _mark_texts(mark: Any, lang: str) -> dict[tuple[str, str], str]:
    """A placemark's texts by (field, language): its name and description in ``lang``,
    then every language its ExtendedData carries (``name:kk``), which wins: a file this app
    exported in Kazakh has the Kazakh name in ``<name>`` and every language beside it."""
    texts = {("label", lang): mark.name, ("text", lang): mark.description}
    for kind, code, value in mark.translations:
        texts[("label" if kind == "name" else "text", code)] = value
    return texts


class _PlaceIndex:
    """The annotations on a map before an import, found by id or by position (a grid of
    cells of :data:`SAME_PLACE_PX`); each one is matched by one placemark at most."""

    def __init__(self, points: Any) -> None:
        self._cells: dict[tuple[int, int], list[tuple[int, float, float]]] = {}
        self._where: dict[int, tuple[float, float]] = {}
        for note_id, x, y in points:
            self._cells.setdefault(self._cell(x, y), []).append((note_id, x, y))
            self._where[note_id] = (x, y)

    def take_id(self, note_id: int | None) -> int | None:
        """The annotation ``note_id`` if it is on this map and not matched yet."""
        if note_id is None or note_id not in self._where:
            return None
        x, y = self._where.pop(note_id)
        cell = self._cells[self._cell(x, y)]
        cell[:] = [entry for entry in cell if entry[0] != note_id]
        return note_id

    @staticmethod
    def _cell(x: float, y: float) -> tuple[int, int]:
        return int(x // SAME_PLACE_PX), int(y // SAME_PLACE_PX)

    def take(self, x: float, y: float) -> int | None:
        cx, cy = self._cell(x, y)
        best: tuple[float, int, tuple[int, int], int] | None = None
        for cell in ((cx + dx, cy + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
            for pos, (note_id, nx, ny) in enumerate(self._cells.get(cell, ())):
                distance = ((nx - x) ** 2 + (ny - y) ** 2) ** 0.5
                if distance <= SAME_PLACE_PX and (best is None or distance < best[0]):
                    best = (distance, note_id, cell, pos)
        if best is None:
            return None
        _distance, note_id, cell, pos = best
        del self._cells[cell][pos]
        self._where.pop(note_id, None)
        return note_id


def _write_places(
    session: Session,
    rows: list[tuple[int | None, dict[str, Any], dict[tuple[str, str], str]]],
) -> None:
    """One batch: new annotations inserted; a matched one gets each text the file has
    (an empty one removes it), the others stay."""
    notes, texts = _NOTES, _TEXTS
    new = [values for note_id, values, _texts in rows if note_id is None]
    new_ids = iter(
        session.execute(insert(notes).returning(notes.c.id, sort_by_parameter_order=True), new)
        .scalars()
        .all()
        if new
        else []
    )
    ids = [note_id if note_id is not None else next(new_ids) for note_id, *_ in rows]
    replaced: dict[tuple[str, str], list[int]] = {}
    for note_id, _values, by_key in rows:
        if note_id is not None:
            for key in by_key:
                replaced.setdefault(key, []).append(note_id)
    for (field, code), matched in replaced.items():
        for chunk in (matched[i : i + 500] for i in range(0, len(matched), 500)):
            session.execute(
                delete(texts).where(
                    texts.c.annotation_id.in_(chunk), texts.c.lang == code, texts.c.field == field
                )
            )
    values = [
        {"annotation_id": note_id, "field": field, "lang": code, "value": value}
        for note_id, (_id, _values, by_key) in zip(ids, rows, strict=True)
        for (field, code), value in by_key.items()
        if value
    ]
    if values:
        session.execute(insert(texts), values)


def annotations_of(session: Session, item_id: int) -> list[dict[str, Any]]:
    """The JSON shape of ``annotations list``, as a list (see :func:`iter_annotations`)."""
    return list(iter_annotations(session, item_id))


def iter_annotations(session: Session, item_id: int) -> Iterator[dict[str, Any]]:
    """The map's annotations in id order, each as ``{id, x, y, lon, lat, label, text,
    credit}`` (label, text and the credit of the text: {lang: value}), streamed from one
    query: memory stays flat and 100,000 places take about a second."""
    get_item(session, item_id)
    notes, texts = _NOTES, _TEXTS
    rows = session.execute(
        select(
            notes.c.id,
            notes.c.x,
            notes.c.y,
            notes.c.lon,
            notes.c.lat,
            texts.c.field,
            texts.c.lang,
            texts.c.value,
        )
        .outerjoin(texts, texts.c.annotation_id == notes.c.id)
        .where(notes.c.item_id == item_id)
        .order_by(notes.c.id, texts.c.field, texts.c.lang)
        .execution_options(yield_per=2_000)
    )
    note: dict[str, Any] | None = None
    for note_id, x, y, lon, lat, field, lang, value in rows:
        if note is None or note["id"] != note_id:
            if note is not None:
                yield note
            note = {"id": note_id, "x": x, "y": y, "lon": lon, "lat": lat}
            note |= {"label": {}, "text": {}, "credit": {}}
        if value and field in ("label", "text", "credit"):
            note[field][lang] = value
    if note is not None:
        yield note


def place_in_language(
    note: Mapping[str, Any], lang: str, fallback: Sequence[str] = DEFAULT_FALLBACK
) -> dict[str, Any]:
    """A place of :func:`iter_annotations` as ``annotations list --lang`` gives it: ``label``
    and ``text`` as strings in ``lang``, or where a translation is missing in the first
    language of ``fallback`` that has one (the German source of a museum's KML at the
    latest), with ``lang`` the language the label is shown in (else the text's),
    ``text_lang`` the text's (None without a text) and ``fallback`` true when either is not
    ``lang``: the marker an item page shows as "Not yet translated"."""
    label, text = pick(note["label"], lang, fallback), pick(note["text"], lang, fallback)
    credit = pick(note.get("credit") or {}, lang, fallback)
    shown = label or text
    return {
        "id": note["id"],
        "x": note["x"],
        "y": note["y"],
        "lon": note["lon"],
        "lat": note["lat"],
        "label": label.text if label else "",
        "text": text.text if text else "",
        "lang": shown.lang if shown else lang,
        "text_lang": text.lang if text else None,
        "fallback": any(p is not None and p.is_fallback for p in (label, text)),
        "credit": credit.text if credit else "",
    }


def credit_places(catalog: Catalog, item_id: int, credit: Mapping[str, str]) -> int:
    """Credit the texts of every place on item ``item_id``'s map: ``credit`` is
    ``{lang: words}`` (e.g. who wrote the German original and who translated it), replacing
    the credit in those languages. Returns how many places were credited."""
    with catalog.session() as session:
        get_item(session, item_id)
        ids = list(session.scalars(select(Annotation.id).where(Annotation.item_id == item_id)))
        langs = [lang for lang, words in credit.items() if words.strip()]
        for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
            session.execute(
                delete(_TEXTS).where(
                    _TEXTS.c.annotation_id.in_(chunk),
                    _TEXTS.c.field == "credit",
                    _TEXTS.c.lang.in_(langs),
                )
            )
        rows = [
            {"annotation_id": i, "field": "credit", "lang": lang, "value": credit[lang].strip()}
            for i in ids
            for lang in langs
        ]
        if rows:
            session.execute(insert(_TEXTS), rows)
        return len(ids)
