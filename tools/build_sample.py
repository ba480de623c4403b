"""Build the shipped sample exhibition: ``catalog.db`` plus ``assets/media``.

Reproducible from ``sample/content/*.json`` (texts, written for this project) and the real
maps and images of ``../shared/data`` (see its SOURCES.md for credits, which the content
file carries into each item's credit line). Run from the repository root:

    .venv/bin/python tools/build_sample.py [--source ../shared/data]

Without ``../shared`` (a user's clone has none), the originals come from the repository
itself: the stored media in ``assets/media`` are those very files (``sample/sources.json``
names each by its SHA-256) and the museum's KML is ``sample/annotations/behaim1492.kml``.
The places written for this project (``sample/annotations/*.json``, e.g. the Kazakh Khanate
on the Schagen map) are always read from the repository.

The catalogue is built in a temporary file and moved into place only when complete and
checked, so a failed build never leaves a half-made ``catalog.db``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exhibition_app.catalog import Catalog  # noqa: E402
from exhibition_app.core.edtf import format_date, parse_date  # noqa: E402
from exhibition_app.core.languages import LANGUAGES  # noqa: E402
from exhibition_app.db.models import (  # noqa: E402
    Annotation,
    Exhibition,
    Item,
    ItemMedia,
    ItemRelation,
    Section,
    SectionItem,
)
from exhibition_app.db.search import rebuild_index  # noqa: E402
from exhibition_app.operations.annotations import add_annotation  # noqa: E402
from exhibition_app.operations.check import check_catalog  # noqa: E402
from exhibition_app.operations.ingest import media_row  # noqa: E402
from exhibition_app.operations.maps import credit_places, import_kml  # noqa: E402

#: How curators model the Behaim family: the redrawings point at the globe they redraw,
#: the photograph depicts the globe.
RELATIONS = [
    ("maps/behaim1492-ghillany.jpg", "redrawing_of", "maps/behaim1492.jpg"),
    ("maps/behaim1492-ravenstein.jpg", "redrawing_of", "maps/behaim1492.jpg"),
    ("images/behaim-globe-photo.jpg", "depicts", "maps/behaim1492.jpg"),
    ("images/martin-behaim-portrait.jpg", "related", "maps/behaim1492.jpg"),
    ("maps/schagen1689.jpg", "related", "maps/bluemarble.jpg"),
]


def build(content: dict[str, Any], source: Path, db_path: Path, assets: Path) -> dict[str, int]:
    tmp = db_path.with_name(db_path.name + ".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    catalog = Catalog.open(tmp, assets)
    by_image: dict[str, int] = {}
    by_accession: dict[str, int] = {}
    try:
        with catalog.session() as session:
            for entry in content["items"]:
                item = make_item(entry)
                if entry.get("image"):
                    src = source / entry["image"]
                    stored = catalog.store.put(src, max_pixels=catalog.max_pixels)
                    media = media_row(session, stored, src.name)
                    item.media_links.append(ItemMedia(media=media, position=0))
                session.add(item)
                session.flush()
                by_accession[item.accession_number] = item.id
                if entry.get("image"):
                    by_image[entry["image"]] = item.id
            for subject, relation, obj in RELATIONS:
                if subject in by_image and obj in by_image:
                    session.add(
                        ItemRelation(
                            subject_id=by_image[subject],
                            object_id=by_image[obj],
                            relation=relation,
                        )
                    )
            for ex in content["exhibitions"]:
                session.add(make_exhibition(ex, by_accession))
            rebuild_index(session)
        # The museum's own placemarks for the Behaim globe (German texts, as written).
        behaim = by_image.get("maps/behaim1492.jpg")
        if behaim is not None:
            import_kml(catalog, behaim, source / "annotations" / "behaim1492.kml", lang="de")
            import_behaim_translations(catalog, behaim)
        add_places(catalog, by_image)
        report = check_catalog(catalog)
        if not report.ok:
            raise SystemExit("the built catalogue fails its check:\n" + "\n".join(report.problems))
    finally:
        catalog.close()
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode = DELETE")
    con.execute("VACUUM")
    # Ship it in WAL mode, as the app opens it: otherwise the first start rewrites the
    # header of the committed file. Closing the last connection folds the WAL back in.
    con.execute("PRAGMA journal_mode = WAL")
    con.close()
    for side in (Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        side.unlink(missing_ok=True)
    os.replace(tmp, db_path)
    return {"items": len(by_accession), "exhibitions": len(content["exhibitions"])}


def add_places(catalog: Catalog, by_image: dict[str, int]) -> int:
    """Put the places written for this project (``sample/annotations/*.json``, each naming
    its map by ``item``) on their maps: ``x, y`` where the engraver drew the place, ``lon,
    lat`` where the real place is today, label and text in every language given. They live
    in the repository, so a build without ``../shared`` has them too. Returns how many."""
    added = 0
    for path in sorted((ROOT / "sample" / "annotations").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        with catalog.session() as session:
            for place in doc["places"]:
                texts = {field: place[field] for field in ("label", "text")}
                note_id = add_annotation(
                    session, by_image[doc["item"]], place["x"], place["y"], texts
                )
                note = session.get(Annotation, note_id)
                assert note is not None
                note.lon, note.lat = place["lon"], place["lat"]
                added += 1
    return added


def import_behaim_translations(catalog: Catalog, behaim: int) -> None:
    """The museum's Behaim places in the exhibition's languages, translated for this project
    from the German (``sample/annotations/behaim1492.<lang>.kml``: the same placemarks at the
    same coordinates). Imported through the KML merge, so each language joins the German
    place it translates instead of adding a second one."""
    for lang in LANGUAGES:
        path = ROOT / "sample" / "annotations" / f"behaim1492.{lang}.kml"
        imported, skipped = import_kml(catalog, behaim, path, lang=lang)
        if skipped or imported != 39:
            raise SystemExit(f"{path.name}: {imported} places imported, skipped {skipped}")
    credit_places(catalog, behaim, BEHAIM_PLACES_CREDIT)


#: Who wrote the Behaim places' texts: the museum, in German; the translations are ours.
BEHAIM_PLACES_CREDIT = {
    "de": "Text: Germanisches Nationalmuseum, Nürnberg",
    "en": "Text: Germanisches Nationalmuseum, Nuremberg; translated from the German "
    "for this exhibition",
    "kk": "Мәтін: Germanisches Nationalmuseum (Герман ұлттық музейі), Нюрнберг; "
    "осы көрме үшін неміс тілінен аударылған",
    "ru": "Текст: Germanisches Nationalmuseum (Германский национальный музей), Нюрнберг; "
    "перевод с немецкого для этой выставки",
    "mn": "Бичвэр: Germanisches Nationalmuseum (Германы үндэсний музей), Нюрнберг; "
    "энэ үзэсгэлэнд зориулан герман хэлнээс орчуулав",
}


def load_content(folder: Path) -> dict[str, Any]:
    """Merge every ``*.json`` of the content folder (items and exhibitions lists)."""
    merged: dict[str, Any] = {"items": [], "exhibitions": []}
    for path in sorted(folder.glob("*.json")):
        part = json.loads(path.read_text(encoding="utf-8"))
        merged["items"] += part.get("items", [])
        merged["exhibitions"] += part.get("exhibitions", [])
    order = {"map": 0, "photograph": 1, "document": 1, "object": 2}
    # Unpublished entries (the "now" reference layers) come last, so the exhibition's items
    # keep the ids they have always had (1-19; `--item 8` and the docs name them).
    merged["items"].sort(
        key=lambda e: (
            not e.get("published", True),
            order.get(e["kind"], 3),
            e["accession_number"],
        )
    )
    return merged


def make_item(entry: dict[str, Any]) -> Item:
    item = Item(
        kind=entry["kind"],
        accession_number=entry["accession_number"],
        country=entry.get("country"),
        rights=entry.get("rights"),
        source=entry.get("source"),
        published=entry.get("published", True),
        featured=entry.get("featured", False),
    )
    if entry.get("date"):
        spec = parse_date(entry["date"])
        item.date_edtf, item.date_earliest, item.date_latest = (
            spec.edtf,
            spec.earliest,
            spec.latest,
        )
        for lang in LANGUAGES:
            item.set_text("date", lang, format_date(spec.edtf, lang))
    for field, values in entry["text"].items():
        for lang, value in values.items():
            item.set_text(field, lang, value)
    item.set_tags(entry.get("tags", []))
    if str(entry.get("image") or "").startswith("maps/"):
        # SOURCES.md: every shared map is a whole-world plate carree (equirectangular) image.
        item.georef = json.dumps({"type": "equirectangular"})
    return item


def make_exhibition(entry: dict[str, Any], by_accession: dict[str, int]) -> Exhibition:
    ex = Exhibition(key=entry["key"], published=entry.get("published", True))
    for field in ("title", "introduction"):
        for lang, value in entry.get(field, {}).items():
            ex.set_text(field, lang, value)
    for pos, sec in enumerate(entry["sections"]):
        section = Section(position=pos)
        for field in ("title", "narrative"):
            for lang, value in sec.get(field, {}).items():
                section.set_text(field, lang, value)
        for ipos, acc in enumerate(sec["items"]):
            section.item_links.append(SectionItem(item_id=by_accession[acc], position=ipos))
        ex.sections.append(section)
    return ex


def shipped_sources(folder: Path) -> Path:
    """Lay out in ``folder`` the originals the sample uses, from the repository's own copies
    (each checked against its SHA-256), as ``../shared/data`` holds them."""
    manifest = json.loads((ROOT / "sample" / "sources.json").read_text(encoding="utf-8"))
    for rel, sha in manifest["files"].items():
        stored = ROOT / "assets" / "media" / sha[:2] / f"{sha}{Path(rel).suffix}"
        data = stored.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha:
            raise SystemExit(f"{stored} is not the original of {rel} (checksum differs)")
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    kml = folder / "annotations" / "behaim1492.kml"
    kml.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "sample" / "annotations" / "behaim1492.kml", kml)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--content", type=Path, default=ROOT / "sample" / "content")
    parser.add_argument("--catalog", type=Path, default=ROOT / "catalog.db")
    parser.add_argument("--assets", type=Path, default=ROOT / "assets")
    args = parser.parse_args()
    content = load_content(args.content)
    with tempfile.TemporaryDirectory() as scratch:
        source = args.source
        if not source.is_dir():
            print(f"{source} is not here: building from the originals in this repository")
            source = shipped_sources(Path(scratch))
        counts = build(content, source, args.catalog, args.assets)
    print(f"built {args.catalog}: {counts['items']} items, {counts['exhibitions']} exhibitions")


if __name__ == "__main__":
    main()
