"""``export iiif``: the published catalogue as a static IIIF Presentation 3.0 site (Qt-free).

Layout of the export folder (every ``id`` in it starts with the base URI it is served at)::

    collection.json                         top Collection: every exhibition, then loose items
    collections/<key>.json                  one Collection per published exhibition: its sections
    collections/<key>/sections/<n>.json     one Collection per section: its items, in order
    items/<item id>/manifest.json           one Manifest per published item
    items/<item id>/card.jpg, card-small.jpg   the designed card of an item without a picture
    items/<item id>/index.html              the item's web page (the manifest's ``homepage``)
    index.html                              the site's home page (the ``provider``'s homepage)
    media/<sha256><ext>                     the original images (painting bodies, ``rendering``)
    tiles/<sha256>/...                      their level-0 tile sets, info.json ``id`` rewritten

Every published item gets a manifest: an item without a picture gets one canvas painted
with its designed card (`exhibition_app.imaging.card_image`, the card the app shows), so a
collection is never silently short of items. The IIIF schema requires ``http(s)`` ids, so
the default base is ``http://localhost:8000``: ``exhibition-app serve DIR`` previews the
export as it is, and ``--base-uri`` points it anywhere else; nothing in the export names a
``file:`` address or a path of this machine.

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.core.countries import COUNTRIES
from exhibition_app.core.durable import atomic_write, replacing
from exhibition_app.core.languages import pick
from exhibition_app.core.licences import licence_name
from exhibition_app.db.models import ITEM_TEXT_FIELDS, Annotation, Exhibition, Item, Media
from exhibition_app.errors import CatalogError
from exhibition_app.interop import georef_annotation, iiif, site_pages

DEFAULT_BASE_URI = iiif.DEFAULT_BASE_URI
#: Width in pixels of a card's small version (the manifest's thumbnail).
CARD_SMALL_WIDTH = 195

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")

#: An item's kind, for a card without a culture (the words the app's labels use).
KIND_NAMES: dict[str, dict[str, str]] = {
    "object": {"en": "Object", "kk": "Зат", "ru": "Предмет", "mn": "Эд зүйл"},
    "map": {"en": "Map", "kk": "Карта", "ru": "Карта", "mn": "Газрын зураг"},
    "photograph": {"en": "Photograph", "kk": "Фотосурет", "ru": "Фотография", "mn": "Гэрэл зураг"},
    "document": {"en": "Document", "kk": "Құжат", "ru": "Документ", "mn": "Баримт бичиг"},
}


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


def default_provider_name(base: str) -> str:
    """Who publishes the export when no one is named: the host of its address."""
    return urlsplit(base).hostname or base


@dataclass
class _Site:
    """Everything the export writes, built in memory before anything is written."""

    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    labels: dict[int, dict[str, list[str]]] = field(default_factory=dict)
    thumbs: dict[int, dict[str, Any]] = field(default_factory=dict)
    cards: int = 0
    sections: int = 0


def export_iiif(
    catalog: Catalog,
    out_dir: Path,
    *,
    base_uri: str | None = None,
    build_tiles: bool = True,
    provider: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> dict[str, Any]:
    """Write the IIIF export of every published item and exhibition into ``out_dir``.

    Returns ``{"manifests", "collections", "dir", "valid", "base_uri", "tiles", "skipped",
    "cards", "sections", "pages"}`` (``skipped`` is always empty now: an item without a
    picture gets its card; the key stays for scripts that read it).
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
    publisher = iiif.Provider(
        id=f"{base}/#publisher",
        label={"none": (provider or "").strip() or default_provider_name(base)},
        homepage_id=f"{base}/",
    )

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
                    progress(0.8 * (done + fraction) / len(todo))

            ensure_tiles(catalog, media, progress=part)
            services[sha] = dest
        if progress is not None:
            progress(0.8 * (done + 1) / len(todo))

    # Documents, cards and pages, all in memory first.
    site = _Site()
    pages: list[site_pages.ItemPage] = []
    for n, item in enumerate(items):
        medias = item_media[item.id]
        if medias:
            pictures = tuple(_picture(base, m, services.get(m.sha256)) for m in medias)
        else:
            pictures = (_card(catalog, base, item, site),)
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
            nav_date=iiif.edtf_nav_date(item.date_edtf),
            provider=publisher,
            homepage_id=f"{base}/items/{item.id}/",
            rights_name=licence_name(item.rights) or None,
        )
        doc = iiif.manifest(base, source)
        if item.id in georefs:  # Georeference Annotation on its canvas, navPlace (issue 14)
            canvas, georef = georefs[item.id]
            note_id = f"{base}/items/{item.id}/georeference"
            georef_annotation.add_to_manifest(doc, canvas, georef, note_id)
        site.documents[f"items/{item.id}/manifest.json"] = doc
        site.labels[item.id] = doc["label"]
        if "thumbnail" in doc:
            site.thumbs[item.id] = doc["thumbnail"][0]
        pages.append(site_pages.ItemPage(source=source, manifest=doc))
        if progress is not None:
            progress(0.8 + 0.1 * (n + 1) / max(1, len(items)))

    top_items = _exhibition_collections(base, exhibitions, site)
    in_exhibition = {
        i["id"] for d in site.documents.values() if d["type"] == "Collection" for i in d["items"]
    }
    top_items += [
        _ref(base, site, i) for i in site.labels if iiif.manifest_id(base, i) not in in_exhibition
    ]
    site.documents["collection.json"] = iiif.collection(
        f"{base}/collection.json", iiif.exhibitions_label(), top_items
    )

    for relpath, doc in site.documents.items():
        problems = iiif.validate(doc)
        if problems:
            raise CatalogError(
                f"the IIIF export would not be valid, nothing was written: {relpath}: {problems[0]}"
            )
    for page in pages:
        site.files[f"items/{page.source.item_id}/index.html"] = site_pages.item_page(
            base, page, catalog.fallback
        ).encode("utf-8")
    site.files["index.html"] = site_pages.home_page(
        base, site.documents["collection.json"], site.documents, publisher, catalog.fallback
    ).encode("utf-8")

    # Only now write: images, tile sets, cards and pages, then the documents.
    out_dir.mkdir(parents=True, exist_ok=True)
    for media in media_by_sha.values():
        target = out_dir / "media" / _media_name(media)
        if not (target.is_file() and target.stat().st_size == media.size_bytes):
            target.parent.mkdir(parents=True, exist_ok=True)
            _copy_atomic(catalog.store.abspath(media.relpath), target)
    for sha, src in services.items():
        _copy_tiles(src, out_dir / "tiles" / sha, iiif.tile_service_id(base, sha))
    for relpath, data in site.files.items():
        target = out_dir / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data, prefix=f".tmp-{target.name}.")
    for relpath, doc in site.documents.items():
        _write_json(out_dir / relpath, doc)
    if progress is not None:
        progress(1.0)
    manifests = sum(1 for p in site.documents if p.startswith("items/"))
    return {
        "manifests": manifests,
        "collections": len(site.documents) - manifests,
        "dir": str(out_dir.resolve()),
        "valid": True,
        "base_uri": base,
        "tiles": len(services),
        "skipped": [],
        "cards": site.cards,
        "sections": site.sections,
        "pages": sum(1 for p in site.files if p.endswith(".html")),
    }


def _ref(base: str, site: _Site, item_id: int) -> dict[str, Any]:
    return iiif.manifest_ref(base, item_id, site.labels[item_id], site.thumbs.get(item_id))


def _exhibition_collections(
    base: str, exhibitions: list[Exhibition], site: _Site
) -> list[dict[str, Any]]:
    """One Collection per exhibition whose items are its sections' Collections, in order;
    returns the top collection's entries for them."""
    entries: list[dict[str, Any]] = []
    names: set[str] = set()
    for exhibition in exhibitions:
        name = collection_name(exhibition.key)
        while name in names:
            name += "-"
        names.add(name)
        collection_id = f"{base}/collections/{name}.json"
        label = iiif.language_map(exhibition.text_map("title"), exhibition.key)
        parts: list[dict[str, Any]] = []
        for number, section in enumerate(exhibition.sections, start=1):
            member_ids = [i for i in dict.fromkeys(section.item_ids) if i in site.labels]
            if not member_ids:
                continue
            section_id = f"{base}/collections/{name}/sections/{number}.json"
            section_label = iiif.language_map(section.text_map("title")) or iiif.section_label(
                number
            )
            site.documents[f"collections/{name}/sections/{number}.json"] = iiif.collection(
                section_id,
                section_label,
                [_ref(base, site, i) for i in member_ids],
                summary=iiif.language_map(section.text_map("narrative")),
            )
            site.sections += 1
            parts.append(iiif.collection_ref(section_id, section_label))
        site.documents[f"collections/{name}.json"] = iiif.collection(
            collection_id,
            label,
            parts,
            summary=iiif.language_map(exhibition.text_map("introduction")),
        )
        entries.append(iiif.collection_ref(collection_id, label))
    return entries


def _card(catalog: Catalog, base: str, item: Item, site: _Site) -> iiif.Picture:
    """The designed card of an item without a picture, as the app shows it, in the first
    language of the catalogue's fallback order that has a title; large and small JPEGs."""
    from exhibition_app.imaging.card_image import CARD_WIDTH, card_height, card_jpeg

    titles = item.text_map("title")
    chosen = pick(titles, catalog.fallback[0], catalog.fallback)
    lang = chosen.lang if chosen else catalog.fallback[0]

    def text(name: str) -> str:
        found = pick(item.text_map(name), lang, catalog.fallback)
        return found.text if found else ""

    kinds = KIND_NAMES.get(item.kind, {})
    title = text("title") or item.accession_number
    kind = kinds.get(lang) or kinds.get("en") or item.kind
    root = f"items/{item.id}"
    for name, width in (("card.jpg", CARD_WIDTH), ("card-small.jpg", CARD_SMALL_WIDTH)):
        site.files[f"{root}/{name}"] = card_jpeg(
            title=title,
            culture=text("culture"),
            date=text("date"),
            kind=kind,
            width=width,
            assets=catalog.assets,
        )
    site.cards += 1
    return iiif.Picture(
        width=CARD_WIDTH,
        height=card_height(CARD_WIDTH),
        image_id=f"{base}/{root}/card.jpg",
        format="image/jpeg",
        thumbnail_image=(
            f"{base}/{root}/card-small.jpg",
            CARD_SMALL_WIDTH,
            card_height(CARD_SMALL_WIDTH),
        ),
        label=iiif.card_label(),
    )


def _picture(base: str, media: Media, tiles: Path | None) -> iiif.Picture:
    service = iiif.tile_service_id(base, media.sha256) if tiles is not None else None
    thumb = _thumbnail_size(tiles / "info.json") if tiles is not None else None
    return iiif.Picture(
        width=media.width,
        height=media.height,
        image_id=f"{base}/media/{_media_name(media)}",
        format=iiif.mime_type(media.format),
        service_id=service,
        thumbnail_size=thumb,
        original_id=f"{base}/media/{_media_name(media)}",
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
