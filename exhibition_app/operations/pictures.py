"""Pictures a curator drops into the workspace: onto an item, or as new items.

:func:`add_pictures_to_item` is the whole "add these files to this item" workflow: a
baseline revision so the change can be undone, each file stored and appended (a refused file
is reported and the others go on), each new picture compared by perceptual hash with the
pictures of other items (a look-alike is added anyway, and reported), and one history
revision for the lot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Media
from exhibition_app.errors import first_line
from exhibition_app.operations.bulk import SimilarIndex, title_from_filename
from exhibition_app.operations.history import ensure_baseline, record
from exhibition_app.operations.ingest import import_image
from exhibition_app.operations.media_ops import add_media, media_order


@dataclass(frozen=True)
class PictureNote:
    """Something to tell the curator about one file: refused (``reason``), or added but
    looking like a picture of another item (``looks_like``, that item's id)."""

    file: str
    reason: str | None = None
    looks_like: int | None = None


@dataclass(frozen=True)
class PicturesAdded:
    """The item's pictures before and after (for undo), and the notes, in file order."""

    before: list[int]
    after: list[int]
    notes: list[PictureNote]


def add_pictures_to_item(
    catalog: Catalog,
    item_id: int,
    files: Sequence[Path],
    user: str | None,
    summary: str = "pictures added",
) -> PicturesAdded:
    """Store ``files`` and append them to item ``item_id``'s pictures; the history records
    one ``update`` revision by ``user`` with ``summary``."""
    with catalog.session() as session:
        ensure_baseline(session, "item", item_id)
        before = media_order(session, item_id)
    similar = SimilarIndex(catalog)
    notes: list[PictureNote] = []
    for path in files:
        try:
            media_id = add_media(catalog, item_id, path)
            with catalog.read_session() as session:
                media = session.get(Media, media_id)
                phash = media.phash if media is not None else None
            near = similar.nearest(phash, media_id)
            if near is not None and near[0] != item_id:
                notes.append(PictureNote(path.name, looks_like=near[0]))
        except Exception as exc:  # one note per refused file, the rest goes on
            notes.append(PictureNote(path.name, reason=first_line(exc)))
    with catalog.session() as session:
        record(session, "item", item_id, user, "update", summary)
    with catalog.read_session() as session:
        after = media_order(session, item_id)
    return PicturesAdded(before, after, notes)


def import_files_as_items(catalog: Catalog, files: Sequence[Path], kind: str) -> dict[str, list]:
    """One new draft item of ``kind`` per image file, titled from its file name. Returns
    ``{"imported": [{"file", "id"}], "refused": [{"file", "reason"}]}`` like a bulk import."""
    imported: list[dict[str, object]] = []
    refused: list[dict[str, object]] = []
    for path in files:
        try:
            item_id = import_image(catalog, path, kind=kind, title=title_from_filename(path.name))
            imported.append({"file": path.name, "id": item_id})
        except Exception as exc:  # each refusal is one line; the rest goes on
            refused.append({"file": path.name, "reason": first_line(exc)})
    return {"imported": imported, "refused": refused}
