"""Importing an image as a new item, atomically.

Order of work: the image is verified and normalised (Pillow), its bytes written to the
content-addressed store under a temporary name, flushed and renamed; only then is the row
committed. If the commit fails, a file this import created is removed again, so a refused
or failed import leaves no row and no file. A process killed between the rename and the
commit leaves a stored file with no row: ``check`` reports it as an orphan and
``check --repair`` removes it (content-addressed files are never shared with a row that
does not exist).
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from exhibition_app.catalog import Catalog
from exhibition_app.core.languages import check_language
from exhibition_app.db.models import KINDS, Item, ItemMedia, Media
from exhibition_app.db.search import reindex_items
from exhibition_app.errors import CatalogError
from exhibition_app.imaging.store import StoredMedia


def media_row(session: Session, stored: StoredMedia, original_name: str | None) -> Media:
    """The Media row for stored content, reusing the existing one for a duplicate."""
    existing = session.scalar(select(Media).where(Media.sha256 == stored.sha256))
    if existing is not None:
        if existing.phash is None and stored.phash is not None:
            existing.phash = stored.phash  # a row from before the hash was kept
        return existing
    media = Media(
        sha256=stored.sha256,
        relpath=stored.relpath,
        width=stored.width,
        height=stored.height,
        format=stored.format,
        size_bytes=stored.size_bytes,
        original_name=original_name,
        phash=stored.phash,
    )
    session.add(media)
    return media


def generated_accession_number() -> str:
    """A unique placeholder accession number for an imported item, e.g. ``IMP-3F9A0C12DE``."""
    return f"IMP-{uuid.uuid4().hex[:10].upper()}"


def import_image(
    catalog: Catalog,
    path: Path,
    *,
    kind: str,
    title: str,
    lang: str = "en",
    accession_number: str | None = None,
    published: bool = False,
    georef: str | None = None,
) -> int:
    """Create an item with one image; returns the new item's id."""
    if kind not in KINDS:
        raise CatalogError(f"unknown kind '{kind}': use one of {', '.join(KINDS)}")
    check_language(lang)
    if not title.strip():
        raise CatalogError("an item needs a title")
    if georef is not None and georef not in ("equirectangular",):
        raise CatalogError(f"unknown georeference '{georef}': use equirectangular")
    if accession_number is not None:
        with catalog.read_session() as s:
            if s.scalar(select(Item.id).where(Item.accession_number == accession_number)):
                raise CatalogError(f"accession number '{accession_number}' is already used")
    stored = catalog.store.put(path, max_pixels=catalog.max_pixels)
    try:
        with catalog.session() as session:
            media = media_row(session, stored, path.name)
            item = Item(
                kind=kind,
                accession_number=accession_number or generated_accession_number(),
                published=published,
            )
            item.set_text("title", lang, title.strip())
            if georef is not None:
                item.georef = json.dumps({"type": georef})
            item.media_links.append(ItemMedia(media=media, position=0))
            session.add(item)
            session.flush()
            reindex_items(session, [item])
            item_id = item.id
    except BaseException:
        discard_unreferenced(catalog, stored)
        raise
    return item_id


def discard_unreferenced(catalog: Catalog, stored: StoredMedia) -> None:
    """Remove a file this import created, unless a concurrent import now refers to it."""
    if not stored.created:
        return
    with catalog.read_session() as session:
        if session.scalar(select(Media.id).where(Media.sha256 == stored.sha256)) is None:
            catalog.store.discard(stored)
