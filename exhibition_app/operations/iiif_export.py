"""``export iiif``: the published catalogue as static IIIF Presentation 3.0 files (Qt-free).

Layout of the export folder (every ``id`` in it starts with the base URI it is served at)::

    collection.json                 top Collection: every exhibition, then loose items
    collections/<exhibition key>.json   one Collection per published exhibition
    items/<item id>/manifest.json   one Manifest per published item with an image
    media/<sha256><ext>             the images themselves (the painting bodies)
    tiles/<sha256>/...              their level-0 tile sets, info.json ``id`` rewritten

The IIIF schema requires ``http(s)`` ids, so the default base is ``http://localhost:8000``:
``python -m http.server 8000 --directory DIR`` serves the export as it is, and
``--base-uri`` points it anywhere else. A published item without any image gets no manifest
(a Manifest needs at least one Canvas) and is listed under ``skipped``.

Every document is built and validated against the shipped schema before the first file is
written, so an invalid export is refused as a whole (`CatalogError`) and ``DIR`` is left as
it was. Missing tile sets are built first in the catalogue's assets (``ensure_tiles``),
unless ``build_tiles=False``: then only images whose tiles already exist get a service.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.core.countries import COUNTRIES
from exhibition_app.core.durable import atomic_write, replacing
from exhibition_app.db.models import ITEM_TEXT_FIELDS, Annotation, Exhibition, Item, Media
from exhibition_app.errors import CatalogError
from exhibition_app.interop import georef_annotation, iiif

DEFAULT_BASE_URI = "http://localhost:8000"

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def collection_name(key: str) -> str:
    """A file name for an exhibition key (keys are curators' text: no slashes, no dots first)."""
    name = _SAFE_NAME.sub("-", key).strip("-.")
    return name or "exhibition"


def _thumbnail_size(info_json: Path) -> tuple[int, int] | None:
    try:
        doc = json.loads(info_json.read_text(encoding="utf-8"))
        sizes = sorted((int(s["width"]), int(s["height"])) for s in doc.get("sizes", []))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for size in sizes:
        if max(size) >= 200:
            return size
    return sizes[-1] if sizes else None


def _media_name(media: Media) -> str:
    return f"{media.sha256}{Path(media.relpath).suffix.lower()}"


def export_iiif(
    catalog: Catalog,
    out_dir: Path,
    *,
    base_uri: str | None = None,
    build_tiles: bool = True,
    progress: Callable[[float], None] | None = None,
) -> dict[str, Any]:
    """Write the IIIF export of every published item and exhibition into ``out_dir``.

    Returns ``{"manifests", "collections", "dir", "valid", "base_uri", "tiles", "skipped"}``.
    """
    from exhibition_app.imaging.tiles import is_current
    from exhibition_app.operations.maps import ensure_tiles, tiles_dir

    try:
        base = iiif.check_base_uri(base_uri or DEFAULT_BASE_URI)
    except ValueError as exc:
        raise CatalogError(str(exc)) from None
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise CatalogError(f"{out_dir} is a file, not a folder to export into")

    with catalog.read_session() as session:
        items = list(
            session.scalars(select(Item).where(Item.published.is_(True)).order_by(Item.id))
        )
        exhibitions = list(
            session.scalars(
                select(Exhibition).where(Exhibition.published.is_(True)).order_by(Exhibition.id)
            )
        )
        notes = list(
            session.scalars(
                select(Annotation)
                .where(Annotation.item_id.in_([i.id for i in items]))
                .order_by(Annotation.id)
            )
        )
        item_media = {item.id: list(item.media) for item in items}
        for item in items:
            cover = item.cover
            if cover is not None and cover not in item_media[item.id]:
                item_media[item.id].insert(0, cover)
        # Georeferenced maps: (canvas of the georeferenced picture, georeference document).
        georefs: dict[int, tuple[int, dict[str, Any]]] = {}
        for item in items:
            georef = georef_annotation.stored(item.georef)
            if georef is not None and item.cover_media in item_media[item.id]:
                georefs[item.id] = (item_media[item.id].index(item.cover_media), georef)

    # Tile sets: the existing ones, and (unless told not to) the missing ones built now.
    media_by_sha: dict[str, Media] = {m.sha256: m for ms in item_media.values() for m in ms}
    services: dict[str, Path] = {}
    todo = sorted(media_by_sha)
    for done, sha in enumerate(todo):
        media = media_by_sha[sha]
        dest = tiles_dir(catalog, media)
        if is_current(dest, sha):
            services[sha] = dest
        elif build_tiles:

            def part(fraction: float, done: int = done) -> None:
                if progress is not None:
                    progress(0.9 * (done + fraction) / len(todo))

            ensure_tiles(catalog, media, progress=part)
            services[sha] = dest
        if progress is not None:
            progress(0.9 * (done + 1) / len(todo))

    # Documents, all in memory first.
    documents: dict[str, dict[str, Any]] = {}
    labels: dict[int, dict[str, list[str]]] = {}
    thumbs: dict[int, dict[str, Any]] = {}
    skipped: list[dict[str, Any]] = []
    for item in items:
        medias = item_media[item.id]
        if not medias:
            skipped.append(
                {"id": item.id, "accession_number": item.accession_number, "reason": "no image"}
            )
            continue
        pictures = tuple(_picture(base, m, services.get(m.sha256)) for m in medias)
        index = {m.id: n for n, m in enumerate(medias)}
        hotspots = tuple(
            iiif.Hotspot(
                id=note.id,
                picture=index.get(note.media_id, 0) if note.media_id is not None else 0,
                x=note.x,
                y=note.y,
                label=note.text_map("label"),
                text=note.text_map("text"),
                lon=note.lon,
                lat=note.lat,
            )
            for note in notes
            if note.item_id == item.id
        )
        source = iiif.ManifestSource(
            item_id=item.id,
            accession_number=item.accession_number,
            texts={name: item.text_map(name) for name in ITEM_TEXT_FIELDS},
            pictures=pictures,
            hotspots=hotspots,
            rights=item.rights,
            country=COUNTRIES.get(item.country or "", {}),
        )
        doc = iiif.manifest(base, source)
        if item.id in georefs:  # Georeference Annotation on its canvas, navPlace (issue 14)
            canvas, georef = georefs[item.id]
            note_id = f"{base}/items/{item.id}/georeference"
            georef_annotation.add_to_manifest(doc, canvas, georef, note_id)
        documents[f"items/{item.id}/manifest.json"] = doc
        labels[item.id] = doc["label"]
        if "thumbnail" in doc:
            thumbs[item.id] = doc["thumbnail"][0]

    def ref(item_id: int) -> dict[str, Any]:
        return iiif.manifest_ref(base, item_id, labels[item_id], thumbs.get(item_id))

    top_items: list[dict[str, Any]] = []
    in_exhibition: set[int] = set()
    names: set[str] = set()
    for exhibition in exhibitions:
        name = collection_name(exhibition.key)
        while name in names:
            name += "-"
        names.add(name)
        member_ids: list[int] = []
        for section in exhibition.sections:
            member_ids += [i for i in section.item_ids if i in labels and i not in member_ids]
        in_exhibition.update(member_ids)
        collection_id = f"{base}/collections/{name}.json"
        label = iiif.language_map(exhibition.text_map("title"), exhibition.key)
        documents[f"collections/{name}.json"] = iiif.collection(
            collection_id,
            label,
            [ref(i) for i in member_ids],
            summary=iiif.language_map(exhibition.text_map("introduction")),
        )
        top_items.append(iiif.collection_ref(collection_id, label))
    top_items += [ref(i) for i in labels if i not in in_exhibition]
    documents["collection.json"] = iiif.collection(
        f"{base}/collection.json", iiif.exhibitions_label(), top_items
    )

    for relpath, doc in documents.items():
        problems = iiif.validate(doc)
        if problems:
            raise CatalogError(
                f"the IIIF export would not be valid, nothing was written: {relpath}: {problems[0]}"
            )

    # Only now write: images, tile sets, then the documents.
    out_dir.mkdir(parents=True, exist_ok=True)
    for media in media_by_sha.values():
        target = out_dir / "media" / _media_name(media)
        if not (target.is_file() and target.stat().st_size == media.size_bytes):
            target.parent.mkdir(parents=True, exist_ok=True)
            _copy_atomic(catalog.store.abspath(media.relpath), target)
    for sha, src in services.items():
        _copy_tiles(src, out_dir / "tiles" / sha, f"{base}/tiles/{sha}")
    for relpath, doc in documents.items():
        _write_json(out_dir / relpath, doc)
    if progress is not None:
        progress(1.0)
    manifests = sum(1 for p in documents if p.startswith("items/"))
    return {
        "manifests": manifests,
        "collections": len(documents) - manifests,
        "dir": str(out_dir.resolve()),
        "valid": True,
        "base_uri": base,
        "tiles": len(services),
        "skipped": skipped,
    }


def _picture(base: str, media: Media, tiles: Path | None) -> iiif.Picture:
    service = f"{base}/tiles/{media.sha256}" if tiles is not None else None
    thumb = _thumbnail_size(tiles / "info.json") if tiles is not None else None
    return iiif.Picture(
        width=media.width,
        height=media.height,
        image_id=f"{base}/media/{_media_name(media)}",
        format=iiif.mime_type(media.format),
        service_id=service,
        thumbnail_size=thumb,
    )


def _copy_atomic(src: Path, dest: Path) -> None:
    with replacing(dest, prefix=f".tmp-{dest.name}.") as tmp:
        shutil.copyfile(src, tmp)


def _copy_tiles(src: Path, dest: Path, service_id: str) -> None:
    """Copy a tile set (not its dot files) and point its info.json at ``service_id``."""
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns(".*", "info.json"), dirs_exist_ok=True)
    info = json.loads((src / "info.json").read_text(encoding="utf-8"))
    info["id"] = service_id
    _write_json(dest / "info.json", info)


def _write_json(path: Path, doc: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    atomic_write(path, text, prefix=f".tmp-{path.name}.")


def validate_path(path: Path) -> dict[str, Any]:
    """``validate iiif``: check one JSON file, or every one under a folder (tile sets'
    info.json are Image API documents and are left out of a folder's check).

    Returns ``{"valid", "files", "errors": [{"file", "path", "message"}]}``.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.json") if p.is_file())
        single = False
    elif path.is_file():
        files, single = [path], True
    else:
        raise CatalogError(f"{path} does not exist")
    errors: list[dict[str, str]] = []
    checked = 0
    for file in files:
        name = str(file if single else file.relative_to(path))
        try:
            doc = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            checked += 1
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            errors.append({"file": name, "path": "$", "message": f"not readable JSON: {message}"})
            continue
        if not single and not iiif.is_presentation_document(doc):
            continue
        checked += 1
        errors += [{"file": name, "path": p.path, "message": p.message} for p in iiif.validate(doc)]
    if checked == 0:
        errors.append({"file": str(path), "path": "$", "message": "no IIIF documents to check"})
    return {"valid": not errors, "files": checked, "errors": errors}
