"""Importing a whole folder of images: one new item per image, each in its own transaction.

Every image goes through the same atomic ingest as a single import (verified and
normalised, written under a temporary name, fsynced and renamed into the content-addressed
store; the row is committed last). Each finished image stays committed whatever happens
next: a cancel, an error or a killed process leaves the earlier items whole and at most one
orphan file, which ``check --repair`` removes.

* The folder is walked recursively in sorted order. Hidden files and folders (a name
  starting with ``.``), system clutter (``Thumbs.db``, ``desktop.ini``), anything that is
  not a regular file and the catalogue's own assets folder are skipped silently. No link is
  followed: one pointing inside the folder is skipped (its target is met in its own place),
  one pointing outside is refused.
* A file whose content is already an item's picture is refused ("already in the catalogue
  as item N"), so importing the same folder twice changes nothing. Content that is stored
  but used by no item is reused for the new item.
* An image visually near-identical to one already in the catalogue (perceptual hashes at
  most `NEAR_DUPLICATE_BITS` apart) is imported, and reported in ``near_duplicates``.
* The title is the file name without its extension, underscores and dashes turned into
  spaces; the accession number is generated as for a single import.

``progress(done, total, current_file)`` is called before each file (and once at the end with
``current_file=None``); ``cancelled()`` is asked before each file. No Qt here: the curator's
dialog runs `import_folder` on a worker thread.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, TypedDict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from exhibition_app.catalog import Catalog
from exhibition_app.core.languages import check_language
from exhibition_app.db.models import KINDS, Item, ItemMedia, Media
from exhibition_app.db.search import reindex_items
from exhibition_app.errors import CatalogError
from exhibition_app.imaging.phash import NEAR_DUPLICATE_BITS
from exhibition_app.imaging.source import ImageRefused, display_name
from exhibition_app.imaging.store import sha256_file
from exhibition_app.operations.ingest import (
    discard_unreferenced,
    generated_accession_number,
    media_row,
)

__all__ = [
    "CancelCheck",
    "Duplicate",
    "FolderResult",
    "ImportedFile",
    "NearDuplicate",
    "ProgressCallback",
    "RefusedFile",
    "ReusedFile",
    "folder_files",
    "import_folder",
    "title_from_filename",
]

#: ``progress(done, total, current_file)``: ``current_file`` is the path relative to the
#: folder of the file about to be imported, or None once the run has ended.
ProgressCallback = Callable[[int, int, str | None], None]
CancelCheck = Callable[[], bool]

#: Files operating systems leave in picture folders; skipped without a word.
_SYSTEM_FILES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"})
_SEPARATORS = re.compile(r"[_\-\s]+")
_BLANKS = frozenset({"Cc", "Cs", "Zl", "Zp", "Zs"})  # control characters become spaces


class ImportedFile(TypedDict):
    file: str  # relative to the folder, with "/" separators
    id: int  # the new item


class ReusedFile(TypedDict):
    file: str
    id: int  # the new item
    media_id: int  # content that was already stored, used by no item until now


class Duplicate(TypedDict):
    file: str
    id: int  # the item that already has this picture


class NearDuplicate(TypedDict):
    file: str
    id: int  # the new item
    similar_to: int  # an item whose picture looks almost the same
    distance: int  # differing bits of the perceptual hashes (0..NEAR_DUPLICATE_BITS)


class RefusedFile(TypedDict):
    file: str
    reason: str  # one line, without the file name


@dataclass
class FolderResult:
    """What `import_folder` did. ``imported`` lists every new item (``reused`` and
    ``near_duplicates`` are subsets of it with more detail); ``refused`` lists every file
    that made no item (``duplicates`` are the subset already in the catalogue)."""

    imported: list[ImportedFile] = field(default_factory=list)
    reused: list[ReusedFile] = field(default_factory=list)
    near_duplicates: list[NearDuplicate] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    refused: list[RefusedFile] = field(default_factory=list)
    cancelled: bool = False
    total: int = 0  # entries found by the walk (files to import and refused links)

    def as_json(self) -> dict[str, Any]:
        """The command line's ``--json`` shape: ``imported`` is a count."""
        return {
            "imported": len(self.imported),
            "refused": [dict(r) for r in self.refused],
            "items": [i["id"] for i in self.imported],
            "near_duplicates": [dict(n) for n in self.near_duplicates],
            "cancelled": self.cancelled,
        }


class _AlreadyInCatalogue(Exception):
    def __init__(self, item_id: int) -> None:
        super().__init__(item_id)
        self.item_id = item_id


def title_from_filename(name: str) -> str:
    """``"Behaim_globe-1492.jpg"`` -> ``"Behaim globe 1492"`` (one line, NFC, never empty)."""
    stem = unicodedata.normalize("NFC", PurePosixPath(name).stem or name)
    stem = "".join(" " if unicodedata.category(ch) in _BLANKS else ch for ch in stem)
    return " ".join(_SEPARATORS.sub(" ", stem).split()) or " ".join(stem.split()) or "Untitled"


# --------------------------------------------------------------------------- walking


def folder_files(folder: Path, *, skip: Path | None = None) -> list[tuple[str, str | None]]:
    """What the walk of ``folder`` found, in sorted walk order: ``(relative path, None)`` for a
    file to import, ``(relative path, reason)`` for an entry refused on the way (a link
    leading out of the folder, a broken link, an unreadable folder). Paths use ``/``.

    Links inside the folder are not followed: what they point to is met in its own place.
    ``skip`` is a folder left out wherever it appears (the catalogue's own assets).
    """
    root = folder.resolve()
    skipped = skip.resolve() if skip is not None else None
    found: list[tuple[str, str | None]] = []

    def walk(directory: Path, rel: str) -> None:
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            found.append((rel or ".", f"cannot read the folder ({exc.strerror or exc})"))
            return
        for entry in entries:
            if entry.name.startswith(".") or entry.name.lower() in _SYSTEM_FILES:
                continue
            relpath = f"{rel}/{entry.name}" if rel else entry.name
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    try:
                        target = path.resolve(strict=True)
                    except (OSError, RuntimeError):
                        found.append((relpath, "a broken link (not followed)"))
                        continue
                    if not target.is_relative_to(root):
                        found.append((relpath, "a link to outside the folder (not followed)"))
                elif entry.is_dir(follow_symlinks=False):
                    if skipped is None or path.resolve() != skipped:
                        walk(path, relpath)
                elif entry.is_file(follow_symlinks=False):
                    found.append((relpath, None))
            except OSError as exc:
                found.append((relpath, f"cannot read it ({exc.strerror or exc})"))

    walk(folder, "")
    return found


# --------------------------------------------------------------------------- similarity


class _SimilarIndex:
    """Perceptual hashes of the catalogue's pictures, each with one item that shows it."""

    def __init__(self, catalog: Catalog) -> None:
        with catalog.read_session() as session:
            rows = session.execute(
                select(Media.id, Media.phash, func.min(ItemMedia.item_id))
                .join(ItemMedia, ItemMedia.media_id == Media.id)
                .where(Media.phash.is_not(None))
                .group_by(Media.id, Media.phash)
            ).all()
        self._entries: list[tuple[int, int, int]] = []  # (hash, media id, item id)
        for media_id, phash, item_id in rows:
            self.add(phash, media_id, item_id)

    def add(self, phash: str | None, media_id: int, item_id: int) -> None:
        try:
            value = int(phash or "", 16)
        except ValueError:
            return
        self._entries.append((value, media_id, item_id))

    def nearest(self, phash: str | None, media_id: int) -> tuple[int, int] | None:
        """(item id, distance) of the closest other picture within the threshold."""
        try:
            value = int(phash or "", 16)
        except ValueError:
            return None
        best: tuple[int, int] | None = None
        for other, other_media, item_id in self._entries:
            if other_media == media_id:
                continue
            distance = (value ^ other).bit_count()
            if distance <= NEAR_DUPLICATE_BITS and (
                best is None or (distance, item_id) < (best[1], best[0])
            ):
                best = (item_id, distance)
        return best


#: For other callers that warn about look-alikes (the curator's "Add pictures").
SimilarIndex = _SimilarIndex


# --------------------------------------------------------------------------- importing


def _item_showing(session: Session, sha256: str) -> int | None:
    """The (first) item whose pictures include this content, if any."""
    return session.scalar(
        select(func.min(ItemMedia.item_id))
        .join(Media, Media.id == ItemMedia.media_id)
        .where(Media.sha256 == sha256)
    )


def _reason(exc: ImageRefused, path: Path) -> str:
    """The refusal without the leading file name (the result names the file already)."""
    prefix = f"{display_name(path)}: "
    return exc.reason[len(prefix) :] if exc.reason.startswith(prefix) else exc.reason


def import_folder(
    catalog: Catalog,
    folder: Path,
    *,
    kind: str,
    lang: str = "en",
    publish: bool = False,
    max_pixels: int | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> FolderResult:
    """Import every image under ``folder`` as a new item; see the module docstring.

    Raises CatalogError (before any work) for a bad kind, language or folder. Errors that
    are not about one image (disk full, database locked) propagate; what finished before
    stays committed.
    """
    folder = Path(folder)
    if kind not in KINDS:
        raise CatalogError(f"unknown kind '{kind}': use one of {', '.join(KINDS)}")
    try:
        check_language(lang)
    except ValueError as exc:
        raise CatalogError(str(exc)) from None
    if max_pixels is None:
        max_pixels = catalog.max_pixels
    if isinstance(max_pixels, bool) or not isinstance(max_pixels, int) or max_pixels < 1:
        raise CatalogError(f"the pixel limit must be a positive number, not {max_pixels!r}")
    if not folder.exists():
        raise CatalogError(f"there is no folder {folder}")
    if not folder.is_dir():
        raise CatalogError(f"{folder} is not a folder")

    found = folder_files(folder, skip=catalog.assets)
    total = len(found)
    result = FolderResult(total=total)
    similar = _SimilarIndex(catalog)
    done = 0
    for rel, refusal in found:
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        if progress is not None:
            progress(done, total, rel)
        if refusal is not None:
            result.refused.append({"file": rel, "reason": refusal})
        else:
            _import_one(
                catalog,
                folder.joinpath(*rel.split("/")),
                rel,
                kind=kind,
                lang=lang,
                published=publish,
                max_pixels=max_pixels,
                similar=similar,
                result=result,
            )
        done += 1
    if progress is not None:
        progress(done, total, None)
    return result


def _import_one(
    catalog: Catalog,
    path: Path,
    rel: str,
    *,
    kind: str,
    lang: str,
    published: bool,
    max_pixels: int,
    similar: _SimilarIndex,
    result: FolderResult,
) -> None:
    # The same bytes as an item's picture: refused before anything is decoded.
    try:
        with catalog.read_session() as session:
            owner = _item_showing(session, sha256_file(path))
    except OSError:
        owner = None  # the store's checks below say what is wrong with the file
    try:
        if owner is not None:
            raise _AlreadyInCatalogue(owner)
        stored = catalog.store.put(path, max_pixels=max_pixels)
        try:
            with catalog.session() as session:
                # Normalised content (a rotated JPEG, say) may match although the bytes did not.
                owner = _item_showing(session, stored.sha256)
                if owner is not None:
                    raise _AlreadyInCatalogue(owner)
                media = media_row(session, stored, path.name)
                existed = media.id is not None
                item = Item(
                    kind=kind, accession_number=generated_accession_number(), published=published
                )
                item.set_text("title", lang, title_from_filename(path.name))
                item.media_links.append(ItemMedia(media=media, position=0))
                session.add(item)
                session.flush()
                reindex_items(session, [item])
                item_id, media_id = item.id, media.id
        except BaseException:
            discard_unreferenced(catalog, stored)
            raise
    except _AlreadyInCatalogue as dup:
        result.refused.append(
            {"file": rel, "reason": f"already in the catalogue as item {dup.item_id}"}
        )
        result.duplicates.append({"file": rel, "id": dup.item_id})
        return
    except ImageRefused as exc:
        result.refused.append({"file": rel, "reason": _reason(exc, path)})
        return

    result.imported.append({"file": rel, "id": item_id})
    if existed:
        result.reused.append({"file": rel, "id": item_id, "media_id": media_id})
    near = similar.nearest(stored.phash, media_id)
    if near is not None:
        result.near_duplicates.append(
            {"file": rel, "id": item_id, "similar_to": near[0], "distance": near[1]}
        )
    similar.add(stored.phash, media_id, item_id)
