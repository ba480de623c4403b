"""Exhibition bundles: one zip file carrying a published exhibition to an offline kiosk.

Layout of a bundle (a plain zip; nothing else may be in it)::

    bundle.json                     {"format": "exhibition-bundle", "version": 1, "created",
                                     "exhibition": key, "app_version", "schema_revision",
                                     "files": [{"path", "size", "sha256"}, ...]}
    catalog.db                      a subset catalogue (made with the project's migrations):
                                    the exhibition, its sections, its published items with
                                    texts, tags, media rows, annotations, georeferences and the
                                    relations among them; nothing else (no visitor events)
    media/<sh>/<sha256><ext>        the items' images, named as in the media store
    tiles/<sha256>/...              their level-0 tile sets (unless exported without tiles)

`export_bundle` refuses an unpublished exhibition and writes the zip under a temporary name,
renamed into place when complete.

`import_bundle` checks everything before it changes anything: the zip opens; no member has an
absolute path, a drive letter, a backslash, ``..``, a control character, a symlink mode or
encryption; no name is there twice; bundle.json has the right format and version; every
member is listed there and every listed file is present with its size; the total size is
under ``max_bytes`` and fits on the disk; every file's SHA-256 matches (the files are read
once for this, nothing is written but a private copy of catalog.db in a temporary folder);
the subset catalogue passes SQLite's integrity and foreign-key checks, read-only, at a schema
revision this version knows; its rows agree with the listed files. Any failure is one line
(`BundleError`) and leaves the target catalogue and assets as they were.

Only then: images go into the media store (content-addressed: an existing file is reused,
a new one is written under ``.tmp-`` and renamed), tile sets into ``assets/tiles/<sha>``
(an existing current set is kept), and the rows are merged in ONE transaction:

- media: matched by SHA-256; an existing row is reused.
- items: matched by accession number. An existing item is REPLACED by the bundle's version
  (for a kiosk the bundle is the truth): its fields, texts, tags, images and annotations
  become the bundle's; it keeps its id (so visitor statistics stay attached) and its
  relations to items the bundle does not carry; its relations to items in the bundle
  become the bundle's. Items not in the catalogue are added.
- the exhibition: matched by key and replaced (texts, published flag, all sections).

If the transaction fails, the files this import created are removed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import sqlite3
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any

from sqlalchemy import Table, create_engine, insert, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from exhibition_app import __version__
from exhibition_app.catalog import Catalog
from exhibition_app.core.durable import atomic_write, replace_dir, replace_file, replacing
from exhibition_app.db.engine import head_revision
from exhibition_app.db.models import (
    Annotation,
    AnnotationText,
    Base,
    Exhibition,
    Item,
    ItemMedia,
    ItemRelation,
    Media,
    Section,
    SectionItem,
    SectionText,
)
from exhibition_app.errors import CatalogError, first_line, not_found, shown

__all__ = [
    "BUNDLE_FORMAT",
    "BUNDLE_VERSION",
    "DEFAULT_MAX_BYTES",
    "BundleError",
    "export_bundle",
    "import_bundle",
]

BUNDLE_FORMAT = "exhibition-bundle"
BUNDLE_VERSION = 1
MANIFEST_NAME = "bundle.json"
SUBSET_NAME = "catalog.db"
#: Largest total unpacked size `import_bundle` accepts by default (20 GiB).
DEFAULT_MAX_BYTES = 20 * 1024**3
MAX_MANIFEST_BYTES = 64 << 20
MAX_MEMBERS = 1_000_000
#: A member larger than `_RATIO_FLOOR` that unpacks to more than this many times its packed
#: size is a zip bomb, not an exhibition: pictures and tiles barely compress, and a subset
#: catalogue compresses about 5 times.
MAX_RATIO = 200
_RATIO_FLOOR = 1 << 20
_SQLITE_MAGIC = b"SQLite format 3\x00"
_CHUNK = 1 << 20
_TMP_PREFIX = ".tmp-"

_SHA = re.compile(r"[0-9a-f]{64}")
_MEDIA_PATH = re.compile(r"media/([0-9a-f]{2})/([0-9a-f]{64})\.[a-z0-9]{1,8}")
_TILE_PATH = re.compile(r"tiles/([0-9a-f]{64})/.+")
_DRIVE = re.compile(r"[A-Za-z]:")


class BundleError(CatalogError):
    """A bundle cannot be made or is refused; the message is one line for the user."""


# =========================================================================== export


def _find_exhibition(session: Session, exhibition: int | str) -> Exhibition:
    if isinstance(exhibition, int) or (isinstance(exhibition, str) and exhibition.isdigit()):
        found = session.get(Exhibition, int(exhibition))
        if found is None and isinstance(exhibition, str):
            found = session.scalar(select(Exhibition).where(Exhibition.key == exhibition))
    else:
        found = session.scalar(select(Exhibition).where(Exhibition.key == exhibition))
    if found is None:
        raise not_found("exhibition", exhibition)
    return found


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _copy_rows(src: Session, dst: Session, table: Table, where: Any) -> list[dict[str, Any]]:
    rows = [dict(r._mapping) for r in src.execute(select(table).where(where))]
    if rows:
        dst.execute(insert(table), rows)
    return rows


def _write_subset(
    catalog: Catalog,
    path: Path,
    exhibition_id: int,
    item_ids: list[int],
    media_ids: set[int],
) -> None:
    """A new catalogue at ``path`` (migrated like any other) holding only the bundle's rows."""
    from exhibition_app.db.search import reindex_items

    subset = Catalog.open(path, path.parent / "assets")
    try:
        with catalog.read_session() as src, subset.session() as dst:
            items, t = set(item_ids), _table
            _copy_rows(src, dst, t("media"), t("media").c.id.in_(media_ids))
            _copy_rows(src, dst, t("item"), t("item").c.id.in_(items))
            _copy_rows(src, dst, t("item_text"), t("item_text").c.item_id.in_(items))
            _copy_rows(src, dst, t("item_tag"), t("item_tag").c.item_id.in_(items))
            _copy_rows(src, dst, t("item_media"), t("item_media").c.item_id.in_(items))
            rel = t("item_relation")
            _copy_rows(src, dst, rel, rel.c.subject_id.in_(items) & rel.c.object_id.in_(items))
            notes = _copy_rows(src, dst, t("annotation"), t("annotation").c.item_id.in_(items))
            note_ids = [n["id"] for n in notes]
            text = t("annotation_text")
            _copy_rows(src, dst, text, text.c.annotation_id.in_(note_ids))
            _copy_rows(src, dst, t("exhibition"), t("exhibition").c.id == exhibition_id)
            text = t("exhibition_text")
            _copy_rows(src, dst, text, text.c.exhibition_id == exhibition_id)
            sections = _copy_rows(
                src, dst, t("section"), t("section").c.exhibition_id == exhibition_id
            )
            section_ids = [s["id"] for s in sections]
            text = t("section_text")
            _copy_rows(src, dst, text, text.c.section_id.in_(section_ids))
            link = t("section_item")
            _copy_rows(
                src, dst, link, link.c.section_id.in_(section_ids) & link.c.item_id.in_(items)
            )
            reindex_items(dst, list(dst.scalars(select(Item))))
    finally:
        subset.close()
    # One self-contained file: fold the WAL back in and leave WAL mode.
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()


def export_bundle(
    catalog: Catalog,
    exhibition: int | str,
    file: Path,
    *,
    tiles: bool = True,
    base_uri: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> dict[str, Any]:
    """Write a published exhibition (by id or key) and what it shows into one zip file.

    With ``tiles`` (the default) every image's level-0 tile set goes in, built first if it
    is missing; without, the kiosk builds them itself on first use. Each set's info.json
    ``id`` is its address on the published site, ``BASE/tiles/<sha256>`` (``base_uri``,
    default ``http://localhost:8000`` as for ``export iiif``), never this machine's
    ``file:`` path. Returns ``{"file", "exhibition", "items", "media", "tiles", "files",
    "bytes"}``.
    """
    from exhibition_app.imaging.tile_files import published_tile_files
    from exhibition_app.imaging.tiles import is_current
    from exhibition_app.interop.iiif import DEFAULT_BASE_URI, check_base_uri, tile_service_id
    from exhibition_app.operations.maps import ensure_tiles, tiles_dir

    try:
        base = check_base_uri(base_uri or DEFAULT_BASE_URI)
    except ValueError as exc:
        raise BundleError(str(exc)) from None
    file = Path(file)
    if file.is_dir():
        raise BundleError(f"{shown(file)} is a folder; give the bundle's file name")
    if not file.parent.is_dir():
        raise BundleError(f"cannot write {shown(file)}: its folder does not exist")
    with catalog.read_session() as session:
        ex = _find_exhibition(session, exhibition)
        if not ex.published:
            raise BundleError(
                f"exhibition '{shown(ex.key)}' is not published; publish it before bundling it"
            )
        exhibition_id, key = ex.id, ex.key
        wanted: list[int] = []
        for section in ex.sections:
            wanted += [i for i in section.item_ids if i not in wanted]
        items = [i for i in session.scalars(select(Item).where(Item.id.in_(wanted))) if i.published]
        order = {item_id: n for n, item_id in enumerate(wanted)}
        item_ids = [i.id for i in sorted(items, key=lambda i: order[i.id])]
        media_ids = {m.id for i in items for m in i.media}
        media_ids |= {i.cover_media_id for i in items if i.cover_media_id is not None}
        media_ids |= {
            m
            for m in session.scalars(
                select(Annotation.media_id).where(Annotation.item_id.in_(item_ids))
            )
            if m is not None
        }
        media = list(session.scalars(select(Media).where(Media.id.in_(media_ids))))

    sources: list[tuple[str, Path]] = []
    for m in sorted(media, key=lambda m: m.relpath):
        path = catalog.store.abspath(m.relpath)
        if not path.is_file():
            raise BundleError(f"media {m.id} ({m.relpath}) is missing; run 'check' first")
        sources.append((m.relpath, path))
    tile_sets = 0
    with tempfile.TemporaryDirectory(prefix="exhibition-bundle-") as scratch:
        for n, m in enumerate(media if tiles else ()):
            dest = tiles_dir(catalog, m)
            if not is_current(dest, m.sha256):
                ensure_tiles(catalog, m)
            sources += published_tile_files(
                dest, m.sha256, tile_service_id(base, m.sha256), Path(scratch) / m.sha256
            )
            tile_sets += 1
            if progress is not None:
                progress(0.5 * (n + 1) / len(media))
        subset = Path(scratch) / SUBSET_NAME
        _write_subset(catalog, subset, exhibition_id, item_ids, media_ids)
        sources.insert(0, (SUBSET_NAME, subset))
        listed = _write_zip(file, sources, key, progress)
    return {
        "file": str(file.resolve()),
        "exhibition": key,
        "items": len(item_ids),
        "media": len(media),
        "tiles": tile_sets,
        "files": len(listed),
        "bytes": sum(f["size"] for f in listed),
    }


def _write_zip(
    file: Path,
    sources: list[tuple[str, Path]],
    key: str,
    progress: Callable[[float], None] | None,
) -> list[dict[str, Any]]:
    created = datetime.now(UTC)
    local = created.astimezone()
    stamp = (local.year, local.month, local.day, local.hour, local.minute, local.second)
    listed: list[dict[str, Any]] = []
    with (
        replacing(file, prefix=f"{_TMP_PREFIX}{file.name}-", suffix="") as tmp,
        zipfile.ZipFile(tmp, "w", allowZip64=True) as zf,
    ):
        for n, (arcname, path) in enumerate(sources):
            size = path.stat().st_size
            info = zipfile.ZipInfo(arcname, date_time=stamp)
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            deflate = arcname == SUBSET_NAME
            info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
            digest = hashlib.sha256()
            written = 0
            with path.open("rb") as src, zf.open(info, "w", force_zip64=size >= 1 << 31) as out:
                while chunk := src.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    written += len(chunk)
            listed.append({"path": arcname, "size": written, "sha256": digest.hexdigest()})
            if progress is not None:
                progress(0.5 + 0.5 * (n + 1) / len(sources))
        manifest = {
            "format": BUNDLE_FORMAT,
            "version": BUNDLE_VERSION,
            "created": created.isoformat(timespec="seconds"),
            "exhibition": key,
            "app_version": __version__,
            "schema_revision": head_revision(),
            "files": listed,
        }
        info = zipfile.ZipInfo(MANIFEST_NAME, date_time=stamp)
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return listed


# =========================================================================== import


@dataclass(frozen=True)
class _Entry:
    path: str
    size: int
    sha256: str


@dataclass
class _Plan:
    """What the checks found: the listed files and a private, checked copy of catalog.db."""

    exhibition: str
    revision: str
    entries: dict[str, _Entry]
    subset: Path
    media: dict[str, str] = field(default_factory=dict)  # relpath -> sha256 (rows)
    tile_sets: dict[str, list[_Entry]] = field(default_factory=dict)  # sha -> files


def _unsafe(name: str) -> str | None:
    """Why a member name is not a plain relative path inside the target, or None."""
    if not name:
        return "has an empty name"
    if "\\" in name:
        return "contains a backslash"
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return "contains control characters"
    if name.startswith("/"):
        return "is an absolute path"
    if _DRIVE.match(name):
        return "starts with a drive letter"
    parts = name.split("/")
    if ".." in parts:
        return "leads out of the target folder (..)"
    if any(part in ("", ".") for part in parts):
        return "is not a plain relative path"
    if len(name) > 1024:
        return "is too long"
    return None


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    """A Unix symlink's mode sits in the high 16 bits of the external attributes."""
    return stat.S_ISLNK(info.external_attr >> 16)


def _size_text(n: int) -> str:
    value = float(n)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if value < 1024 or unit == "TB":
            return f"{n} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} bytes"  # pragma: no cover


def _read_manifest(zf: zipfile.ZipFile, refuse: Callable[[str], BundleError]) -> dict[str, Any]:
    try:
        info = zf.getinfo(MANIFEST_NAME)
    except KeyError:
        raise refuse("not an exhibition bundle (it has no bundle.json)") from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise refuse(f"bundle.json is {_size_text(info.file_size)}, too large to be one")
    try:
        with zf.open(info) as fp:
            doc = json.loads(fp.read(MAX_MANIFEST_BYTES + 1).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise refuse(f"bundle.json is not readable JSON ({first_line(exc)})") from None
    if not isinstance(doc, dict):
        raise refuse("bundle.json is not a JSON object")
    if doc.get("format") != BUNDLE_FORMAT:
        raise refuse(f"not an exhibition bundle (format {doc.get('format')!r})")
    version = doc.get("version")
    if version != BUNDLE_VERSION or isinstance(version, bool):
        raise refuse(
            f"bundle version {version!r} is not supported (this exhibition-app reads "
            f"version {BUNDLE_VERSION})"
        )
    for name in ("exhibition", "schema_revision"):
        if not isinstance(doc.get(name), str) or not doc[name]:
            raise refuse(f"bundle.json has no {shown(name)}")
    if not isinstance(doc.get("files"), list):
        raise refuse("bundle.json has no list of files")
    return doc


def _entries(doc: dict[str, Any], refuse: Callable[[str], BundleError]) -> dict[str, _Entry]:
    entries: dict[str, _Entry] = {}
    for raw in doc["files"]:
        if not isinstance(raw, dict):
            raise refuse("bundle.json lists a file that is not an object")
        path, size, sha = raw.get("path"), raw.get("size"), raw.get("sha256")
        if not isinstance(path, str):
            raise refuse("bundle.json lists a file without a path")
        problem = _unsafe(path)
        if problem:
            raise refuse(f"bundle.json lists '{shown(path)}', which {problem}")
        if not (path == SUBSET_NAME or _MEDIA_PATH.fullmatch(path) or _TILE_PATH.fullmatch(path)):
            raise refuse(f"bundle.json lists '{shown(path)}', which has no place in a bundle")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise refuse(f"bundle.json gives '{shown(path)}' no valid size")
        if not isinstance(sha, str) or not _SHA.fullmatch(sha):
            raise refuse(f"bundle.json gives '{shown(path)}' no valid sha256")
        if path in entries:
            raise refuse(f"bundle.json lists '{shown(path)}' twice")
        entries[path] = _Entry(path, size, sha)
    if SUBSET_NAME not in entries:
        raise refuse("bundle.json does not list catalog.db")
    return entries


def _hash_member(
    zf: zipfile.ZipFile, entry: _Entry, sink: IO[bytes] | None = None
) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with zf.open(entry.path) as fp:
        while chunk := fp.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if size > entry.size:
                break
            if sink is not None:
                sink.write(chunk)
    return digest.hexdigest(), size


def _inspect(file: Path, zf: zipfile.ZipFile, scratch: Path, max_bytes: int, assets: Path) -> _Plan:
    """Every check of the module docstring; nothing outside ``scratch`` is written."""

    def refuse(reason: str) -> BundleError:
        return BundleError(f"{shown(file.name)}: {reason}; nothing was imported")

    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise refuse(f"it has {len(infos)} files, more than {MAX_MEMBERS}")
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.orig_filename
        problem = _unsafe(name)
        if problem:
            raise refuse(f"unsafe path '{shown(name)}' in the bundle: it {problem}")
        if name in members:
            raise refuse(f"'{shown(name)}' is in the bundle twice")
        if _is_symlink(info):
            raise refuse(f"'{shown(name)}' is a symbolic link, which a bundle never holds")
        if info.flag_bits & 0x1:
            raise refuse(f"'{shown(name)}' is encrypted")
        if info.is_dir():
            raise refuse(f"'{shown(name)}' is a folder entry, which a bundle never holds")
        members[name] = info
    doc = _read_manifest(zf, refuse)
    entries = _entries(doc, refuse)
    for name in members:
        if name != MANIFEST_NAME and name not in entries:
            raise refuse(f"'{shown(name)}' is in the bundle but not listed in bundle.json")
    for entry in entries.values():
        member = members.get(entry.path)
        if member is None:
            raise refuse(
                f"'{shown(entry.path)}' is listed in bundle.json but missing from the bundle"
            )
        if member.file_size != entry.size:
            raise refuse(
                f"'{shown(entry.path)}' is {member.file_size} bytes, bundle.json says {entry.size}"
            )
    for entry in entries.values():
        member = members[entry.path]
        if member.file_size > _RATIO_FLOOR and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise refuse(
                f"'{shown(entry.path)}' would unpack to {_size_text(member.file_size)} from "
                f"{_size_text(member.compress_size)}, more than {MAX_RATIO} times its packed "
                "size (a zip bomb, not an exhibition)"
            )
    total = sum(e.size for e in entries.values())
    if total > max_bytes:
        raise refuse(
            f"it would unpack to {_size_text(total)}, more than the limit of "
            f"{_size_text(max_bytes)}"
        )
    # Pictures and tiles go into the assets folder (catalog.db into the temporary one).
    into_assets = total - entries[SUBSET_NAME].size
    free = shutil.disk_usage(assets).free
    if into_assets > free:
        raise BundleError(
            f"not enough room in {shown(assets)} for this bundle: it needs "
            f"{_size_text(into_assets)}, {_size_text(free)} are free"
        )

    # catalog.db, the one file written before the checks pass, is looked at in the zip
    # first: its header must be SQLite's and agree with its declared size, and the
    # temporary folder must have room for it.
    _check_subset_header(zf, entries[SUBSET_NAME], refuse)
    _check_room(scratch, entries[SUBSET_NAME].size)

    # Checksums: every file read once; only catalog.db is kept (in ``scratch``).
    subset = scratch / SUBSET_NAME
    for entry in entries.values():
        if entry.path == SUBSET_NAME:
            try:
                with subset.open("wb") as sink:
                    sha, size = _hash_member(zf, entry, sink)
            except OSError as exc:
                raise _no_room(scratch, entry.size, exc) from None
        else:
            sha, size = _hash_member(zf, entry)
        if size != entry.size or sha != entry.sha256:
            raise refuse(f"'{shown(entry.path)}' does not match its checksum in bundle.json")

    plan = _Plan(doc["exhibition"], "", entries, subset)
    _check_subset(plan, doc, refuse)
    return plan


def _check_subset_header(
    zf: zipfile.ZipFile, entry: _Entry, refuse: Callable[[str], BundleError]
) -> None:
    """Read catalog.db's 100-byte SQLite header from the zip stream, before anything of it
    is written: the magic string, a valid page size, and (when the header records it) a
    page count that matches the size bundle.json and the zip declare."""
    with zf.open(entry.path) as fp:
        header = fp.read(100)
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise refuse("its catalog.db is not an SQLite catalogue")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1) or entry.size % page_size:
        raise refuse("its catalog.db is not an SQLite catalogue (its header is damaged)")
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[92:96] == header[24:28] and pages > 0
    if header_valid and pages * page_size != entry.size:
        raise refuse(
            f"its catalog.db declares {_size_text(entry.size)} but its header says "
            f"{_size_text(pages * page_size)}"
        )


def _temp_root(scratch: Path) -> Path:
    return scratch.parent


def _no_room(scratch: Path, needed: int, exc: OSError | None = None) -> BundleError:
    """The one-line refusal for a temporary folder too small for the bundle's catalogue."""
    try:
        free = _size_text(shutil.disk_usage(scratch).free)
    except OSError:
        free = "too little"
    reason = f" ({exc.strerror or exc})" if exc is not None else ""
    return BundleError(
        f"not enough room in {shown(_temp_root(scratch))} for this bundle: it needs "
        f"{_size_text(needed)}, {free} are free{reason}; set TMPDIR to a larger folder"
    )


def _check_room(scratch: Path, needed: int) -> None:
    # catalog.db, its journal while an older bundle's copy is upgraded, and a margin.
    needed = needed + needed // 4 + (1 << 20)
    if shutil.disk_usage(scratch).free < needed:
        raise _no_room(scratch, needed)


def _check_subset(plan: _Plan, doc: dict[str, Any], refuse: Callable[[str], BundleError]) -> None:
    """Open the subset catalogue read-only and check it against itself and the listing."""
    with plan.subset.open("rb") as fp:
        if fp.read(16) != b"SQLite format 3\x00":
            raise refuse("its catalog.db is not an SQLite catalogue")
    uri = f"{plan.subset.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise refuse(f"its catalog.db cannot be opened ({first_line(exc)})") from None
    try:
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                raise refuse(f"its catalog.db is damaged ({result[0]})")
            if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise refuse("its catalog.db has rows pointing at missing rows")
            revisions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
            keys = [r[0] for r in conn.execute("SELECT key FROM exhibition")]
            media = list(conn.execute("SELECT relpath, sha256 FROM media"))
        except sqlite3.Error as exc:
            raise refuse(f"its catalog.db is not a catalogue ({first_line(exc)})") from None
    finally:
        conn.close()
    if len(revisions) != 1:
        raise refuse("its catalog.db has no schema revision")
    revision = revisions[0]
    if revision != doc["schema_revision"]:
        raise refuse(
            f"bundle.json says schema {doc['schema_revision']} but its catalog.db is at {revision}"
        )
    if not _known_revision(revision):
        raise refuse(
            f"it was made by a newer exhibition-app (schema {revision}); install the newer "
            "version to import it"
        )
    plan.revision = revision
    if keys != [plan.exhibition]:
        raise refuse(
            f"its catalog.db does not hold exactly the exhibition '{shown(plan.exhibition)}'"
        )
    listed_media = {p for p in plan.entries if p.startswith("media/")}
    for relpath, sha in media:
        match = _MEDIA_PATH.fullmatch(relpath or "")
        if not match or match.group(2) != sha or match.group(1) != sha[:2]:
            raise refuse(
                f"its catalogue names an image '{shown(relpath)}' that is not a store path"
            )
        entry = plan.entries.get(relpath)
        if entry is None or entry.sha256 != sha:
            raise refuse(f"the image {shown(relpath)} of its catalogue is not in the bundle")
        plan.media[relpath] = sha
    for path in sorted(listed_media - set(plan.media)):
        raise refuse(f"'{shown(path)}' is in the bundle but no item shows it")
    shas = set(plan.media.values())
    for entry in plan.entries.values():
        match = _TILE_PATH.fullmatch(entry.path)
        if match:
            if match.group(1) not in shas:
                raise refuse(f"'{shown(entry.path)}' belongs to no image of the bundle")
            plan.tile_sets.setdefault(match.group(1), []).append(entry)
    for sha, files in plan.tile_sets.items():
        if f"tiles/{sha}/info.json" not in {f.path for f in files}:
            raise refuse(f"the tile set tiles/{sha} has no info.json")


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    from exhibition_app.db.engine import _alembic_config

    script = ScriptDirectory.from_config(_alembic_config(None))
    return revision in {r.revision for r in script.walk_revisions()}


@contextlib.contextmanager
def _open_zip(file: Path) -> Iterator[zipfile.ZipFile]:
    def refuse(reason: str) -> BundleError:
        return BundleError(f"{shown(file.name)}: {reason}; nothing was imported")

    try:
        if not stat.S_ISREG(file.stat().st_mode) and not file.is_dir():
            # A device or a pipe: zipfile would read /dev/zero until the memory is full.
            raise BundleError(f"{shown(file)}: not a regular file (a device or a pipe)")
        with file.open("rb") as fp:
            head = fp.read(4)
    except FileNotFoundError:
        raise BundleError(f"{shown(file)} does not exist") from None
    except IsADirectoryError:
        raise BundleError(f"{shown(file)} is a folder, not a bundle") from None
    except OSError as exc:
        raise BundleError(f"cannot read {shown(file)}: {exc.strerror or exc}") from None
    try:
        zf = zipfile.ZipFile(file)
    except zipfile.BadZipFile:
        if head.startswith(b"PK"):
            raise refuse("the bundle is damaged (not a complete zip file)") from None
        raise refuse("not an exhibition bundle (not a zip file)") from None
    except (OSError, ValueError, EOFError) as exc:
        raise refuse(f"the bundle is damaged ({first_line(exc)})") from None
    with zf:
        try:
            yield zf
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            zlib.error,
            EOFError,
            NotImplementedError,
        ) as exc:
            raise refuse(f"the bundle is damaged ({first_line(exc)})") from None


def import_bundle(
    catalog: Catalog, file: Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> dict[str, Any]:
    """Check a bundle completely, then merge it into ``catalog`` (see the module docstring).

    Returns ``{"exhibition", "exhibition_id", "exhibition_replaced", "items", "items_added",
    "items_replaced", "media", "media_added", "tiles"}``: ``items`` and ``media`` count what
    the bundle carries, ``media_added`` the image files that were new here, ``tiles`` the
    tile sets installed (sets already current are kept). Raises `BundleError` (one line)
    and changes nothing when anything is wrong.
    """
    file = Path(file)
    try:
        temporary = tempfile.TemporaryDirectory(prefix="exhibition-bundle-")
    except OSError as exc:
        raise BundleError(
            f"cannot make a temporary folder in {shown(tempfile.gettempdir())} for this "
            f"bundle ({exc.strerror or exc}); set TMPDIR to a folder with room"
        ) from None
    with temporary as scratch, _open_zip(file) as zf:
        plan = _inspect(file, zf, Path(scratch), max_bytes, catalog.assets)
        if plan.revision != head_revision():
            _upgrade_copy(plan.subset)
        created_media: list[Path] = []
        created_tiles: list[Path] = []
        try:
            media_added = _install_media(catalog, zf, plan, created_media)
            tiles_added = _install_tiles(catalog, zf, plan, created_tiles)
            result = _merge(catalog, plan, file)
        except BaseException:
            _undo_files(catalog, created_media, created_tiles)
            raise
    result.update(media=len(plan.media), media_added=media_added, tiles=tiles_added)
    return result


def _upgrade_copy(subset: Path) -> None:
    """Bring the private copy of an older bundle's catalogue to this version's schema."""
    from exhibition_app.db.engine import make_engine, resolve_url, upgrade

    engine = make_engine(resolve_url(subset))
    try:
        upgrade(engine)
    finally:
        engine.dispose()


def _extract_checked(zf: zipfile.ZipFile, entry: _Entry, dest: Path) -> None:
    """Write one member to the new file ``dest``, fsynced, re-checking its checksum (the
    bundle could have changed since it was checked)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(dest, flags, 0o644)
    try:
        with open(fd, "wb", closefd=True) as out:
            sha, size = _hash_member(zf, entry, out)
            out.flush()
            os.fsync(out.fileno())
        if sha != entry.sha256 or size != entry.size:
            raise BundleError(
                f"'{shown(entry.path)}' changed while it was being imported; nothing was imported"
            )
    except BaseException:
        dest.unlink(missing_ok=True)
        raise


def _install_media(catalog: Catalog, zf: zipfile.ZipFile, plan: _Plan, created: list[Path]) -> int:
    with catalog.read_session() as session:
        known = set(session.scalars(select(Media.sha256)))
    for relpath, sha in sorted(plan.media.items()):
        target = catalog.store.abspath(relpath)
        if target.is_file() or sha in known:
            continue  # content-addressed: the same bytes are already there (maybe renamed)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.parent / f"{_TMP_PREFIX}{secrets.token_hex(8)}{target.suffix}"
        _extract_checked(zf, plan.entries[relpath], tmp)
        if target.exists():
            tmp.unlink()
            continue
        replace_file(tmp, target)
        created.append(target)
    return len(created)


def _install_tiles(catalog: Catalog, zf: zipfile.ZipFile, plan: _Plan, created: list[Path]) -> int:
    from exhibition_app.imaging.tiles import (
        BUILDING_PREFIX,
        RETIRED_PREFIX,
        is_current,
        recorded_format,
        source_record,
    )

    root = catalog.assets / "tiles"
    installed = 0
    for sha, files in sorted(plan.tile_sets.items()):
        dest = root / sha
        if is_current(dest, sha):
            continue
        root.mkdir(parents=True, exist_ok=True)
        building = root / f"{BUILDING_PREFIX}{sha}-{secrets.token_hex(6)}"
        building.mkdir()
        try:
            for entry in files:
                rel = PurePosixPath(entry.path).relative_to(f"tiles/{sha}")
                target = building.joinpath(*rel.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                _extract_checked(zf, entry, target)
            info = building / "info.json"
            doc = json.loads(info.read_text(encoding="utf-8"))
            doc["id"] = dest.resolve().as_uri()
            # Keep the builder format the bundled set records (none for sets from before
            # formats were recorded): an old set stays stale here and is rebuilt once.
            record = source_record(sha, recorded_format(building))
            (building / ".source").write_text(record, encoding="ascii")
            atomic_write(info, json.dumps(doc, indent=2) + "\n")
            if not dest.exists():
                created.append(dest)
            replace_dir(building, dest, retired_prefix=RETIRED_PREFIX)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
        installed += 1
    return installed


def _undo_files(catalog: Catalog, media: list[Path], tiles: list[Path]) -> None:
    """Remove files this import created, unless a row refers to them meanwhile."""
    for path in tiles:
        shutil.rmtree(path, ignore_errors=True)
    if not media:
        return
    with catalog.read_session() as session:
        known = set(session.scalars(select(Media.sha256)))
    for path in media:
        if path.name.split(".")[0] not in known:
            path.unlink(missing_ok=True)


def _columns(obj: Any, skip: Iterable[str] = ("id",)) -> dict[str, Any]:
    """Every mapped column of an ORM object except ``skip``, for a copy in another session."""
    mapper = inspect(type(obj))
    return {a.key: getattr(obj, a.key) for a in mapper.column_attrs if a.key not in set(skip)}


def _replace_texts(target: Any, source: Any) -> None:
    wanted = {(t.field, t.lang): t.value for t in source.texts}
    for row in list(target.texts):
        if (row.field, row.lang) not in wanted:
            target.texts.remove(row)
    for (name, lang), value in wanted.items():
        target.set_text(name, lang, value)


def _merge(catalog: Catalog, plan: _Plan, file: Path) -> dict[str, Any]:
    from exhibition_app.db.search import reindex_items

    engine = create_engine(f"sqlite:///{plan.subset}")
    sub = sessionmaker(engine)()
    try:
        with catalog.session() as session:
            return _merge_rows(sub, session, reindex_items)
    except (SQLAlchemyError, KeyError) as exc:
        # The checks passed, yet the rows do not fit (a hand-made catalog.db, say).
        raise BundleError(
            f"{shown(file.name)}: its catalogue cannot be merged ({first_line(exc)}); "
            "nothing was imported"
        ) from exc
    finally:
        sub.close()
        engine.dispose()


def _merge_rows(
    sub: Session,
    session: Session,
    reindex: Callable[[Session, list[Item]], None],
) -> dict[str, Any]:
    media_map: dict[int, Media] = {}
    for m in sub.scalars(select(Media)):
        existing = session.scalar(select(Media).where(Media.sha256 == m.sha256))
        if existing is None:
            existing = Media(**_columns(m))
            session.add(existing)
        media_map[m.id] = existing
    session.flush()

    items: dict[int, Item] = {}
    added = replaced = 0
    bundle_items = list(sub.scalars(select(Item).order_by(Item.id)))
    for src in bundle_items:
        target = session.scalar(select(Item).where(Item.accession_number == src.accession_number))
        if target is None:
            target = Item(**_columns(src))
            session.add(target)
            added += 1
        else:
            for name, value in _columns(src, skip=("id", "created_at")).items():
                setattr(target, name, value)
            replaced += 1
        if src.cover_media_id is not None:
            target.cover_media_id = None
            target.cover = media_map[src.cover_media_id]
        else:
            target.cover = None
        _replace_texts(target, src)
        target.set_tags(src.tags)
        links = {link.media_id: link for link in src.media_links}
        wanted = {media_map[k].id: v.position for k, v in links.items()}
        for link in list(target.media_links):
            if link.media_id not in wanted:
                target.media_links.remove(link)
        have = {link.media_id: link for link in target.media_links}
        for media_id, position in wanted.items():
            if media_id in have:
                have[media_id].position = position
            else:
                target.media_links.append(ItemMedia(media_id=media_id, position=position))
        items[src.id] = target
    session.flush()

    # Annotations: the bundle's replace the item's. Existing rows are rewritten in order
    # rather than deleted and added, so re-importing a bundle keeps annotation ids (on every
    # engine: PostgreSQL's sequences, unlike SQLite, never hand a deleted id out again).
    reusable = {src_id: list(target.annotations) for src_id, target in items.items()}
    for note in sub.scalars(select(Annotation).order_by(Annotation.id)):
        spare = reusable[note.item_id]
        copy = spare.pop(0) if spare else Annotation(item_id=items[note.item_id].id)
        for name, value in _columns(note, skip=("id", "item_id", "media_id")).items():
            setattr(copy, name, value)
        copy.media_id = media_map[note.media_id].id if note.media_id is not None else None
        copy.texts = [AnnotationText(field=t.field, lang=t.lang, value=t.value) for t in note.texts]
        session.add(copy)
    for src_id, spare in reusable.items():
        for note in spare:
            items[src_id].annotations.remove(note)
    session.flush()
    in_bundle = {t.id for t in items.values()}
    for src in bundle_items:
        target = items[src.id]
        wanted_rel = {(items[r.object_id].id, r.relation) for r in src.relations}
        for rel in list(target.relations):
            key = (rel.object_id, rel.relation)
            if rel.object_id in in_bundle and key not in wanted_rel:
                target.relations.remove(rel)
        have_rel = {(r.object_id, r.relation) for r in target.relations}
        for object_id, relation in sorted(wanted_rel - have_rel):
            target.relations.append(ItemRelation(object_id=object_id, relation=relation))

    # The exhibition, replaced as a whole.
    src_ex = sub.scalars(select(Exhibition)).one()
    ex = session.scalar(select(Exhibition).where(Exhibition.key == src_ex.key))
    ex_replaced = ex is not None
    if ex is None:
        ex = Exhibition(**_columns(src_ex))
        session.add(ex)
    else:
        for name, value in _columns(src_ex, skip=("id", "created_at")).items():
            setattr(ex, name, value)
        ex.sections.clear()
        session.flush()
    _replace_texts(ex, src_ex)
    for section in src_ex.sections:
        new_section = Section(position=section.position)
        new_section.texts = [
            SectionText(field=t.field, lang=t.lang, value=t.value) for t in section.texts
        ]
        new_section.item_links = [
            SectionItem(item_id=items[link.item_id].id, position=link.position)
            for link in section.item_links
            if link.item_id in items
        ]
        ex.sections.append(new_section)
    session.flush()
    reindex(session, list(items.values()))
    return {
        "exhibition": src_ex.key,
        "exhibition_id": ex.id,
        "exhibition_replaced": ex_replaced,
        "items": len(items),
        "items_added": added,
        "items_replaced": replaced,
    }
