"""CSV export and import of the catalogue's items (columns: :mod:`exhibition_app.interop.csv_dc`).

Export
    :func:`export_csv` writes every item, sorted by accession number, as UTF-8 with a
    byte-order mark; the same catalogue always gives the same bytes. Written to a path,
    the file is replaced atomically. Exhibitions, annotations and georeferences are not
    part of the CSV (a bundle carries those).

Import: all rows or none
    :func:`preview_csv` reads a file and says, without changing anything, what an import
    would do: the rows, every problem of every row, which accession numbers would be
    created and which updated, and where each picture was found. :func:`import_csv`
    refuses the whole file when there is any problem, and otherwise imports every row in
    one transaction.

    A row whose identifier is already in the catalogue *updates* that item, so a curator
    can export, edit in a spreadsheet and import again: every field whose column the file
    has is replaced (an empty cell clears it; ``media`` replaces the pictures and their
    order, ``relation`` the item's outgoing relations, ``subject`` its tags); fields whose
    column is missing stay as they are. Items the file does not mention are left alone
    (nothing is ever deleted). A row identical to its item writes nothing. Each changed
    item gets a revision in its history (:mod:`exhibition_app.operations.history`), after
    a baseline revision of how it was if it had none; new items get theirs lazily, like
    every imported item.

Pictures
    Each entry of ``media`` is looked up, in this order: by SHA-256 among the catalogue's
    media (nothing to copy), as a file already in the catalogue's store, then in the
    ``media_from`` folder (searched recursively): a file named after the hash, a file with
    the entry's original name, and finally any file with that content (files are hashed
    only when needed, each at most once per run). An entry with a hash only matches a
    file with that content: a file found by name whose content differs is an error. An
    entry with only a file name takes the file of that name in ``media_from``, else a
    picture of the catalogue imported under that name. A picture that cannot be found is
    an error of every row that names it.

    New files are written to the content-addressed store first (verified, normalised and
    renamed into place atomically, as by ``import image``), then the rows are committed;
    if the transaction fails, the files this import added are removed again (see
    :mod:`exhibition_app.operations.ingest`).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from sqlalchemy import Table, insert, select, true
from sqlalchemy.orm import Session

from exhibition_app.catalog import Catalog
from exhibition_app.core.durable import open_replacing
from exhibition_app.core.files import read_regular
from exhibition_app.core.languages import is_text_language
from exhibition_app.db.models import (
    Base,
    Item,
    ItemMedia,
    ItemRelation,
    ItemTag,
    ItemText,
    Media,
    utcnow,
)
from exhibition_app.db.search import reindex_items
from exhibition_app.errors import CatalogError
from exhibition_app.imaging.ingest import prepare_image
from exhibition_app.imaging.source import DEFAULT_MAX_PIXELS, ImageRefused
from exhibition_app.imaging.store import MediaStore, StoredMedia, sha256_file
from exhibition_app.interop.csv_dc import (
    COLUMNS,
    FIELD_COLUMNS,
    CsvIssue,
    CsvRow,
    ItemRecord,
    MediaRef,
    decode,
    parse_csv,
    write_csv,
)
from exhibition_app.interop.csv_profiles import ForeignCsv, header_cells, normalise_csv
from exhibition_app.operations.history import UserRef, ensure_baseline, record
from exhibition_app.operations.ingest import discard_unreferenced, media_row

__all__ = ["CsvPreview", "MediaSource", "export_csv", "import_csv", "preview_csv"]

_CHUNK = 500  # identifiers per IN (...) query


def _table(model: type[Base]) -> Table:
    """A model's table, for plain Core executemany (no ORM bookkeeping per row)."""
    return cast(Table, model.__table__)


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


# --------------------------------------------------------------------------- export


def item_records(session: Session, identifiers: Sequence[str] | None = None) -> list[ItemRecord]:
    """Every item (or those with these accession numbers) as :class:`ItemRecord`, sorted
    by identifier; a handful of queries, not one per item."""
    if identifiers is None:
        records = _load_records(session, None)
    else:
        records = {}
        for chunk in _chunks(sorted(set(identifiers))):
            records.update(_load_records(session, chunk))
    return sorted(records.values(), key=lambda r: r.identifier)


def iter_item_records(session: Session, chunk: int = _CHUNK) -> Iterator[ItemRecord]:
    """Every item as :class:`ItemRecord`, sorted by identifier, read ``chunk`` items at a
    time (keyset pages on the accession number), so memory does not grow with the
    catalogue. The order is by code point, as Python sorts (PostgreSQL: collation "C")."""
    key: Any = Item.accession_number
    if session.get_bind().dialect.name != "sqlite":
        key = key.collate("C")
    last: str | None = None
    while True:
        page = select(Item.accession_number).order_by(key).limit(chunk)
        if last is not None:
            page = page.where(key > last)
        identifiers = list(session.scalars(page))
        if not identifiers:
            return
        yield from sorted(_load_records(session, identifiers).values(), key=lambda r: r.identifier)
        last = identifiers[-1]


def _load_records(session: Session, identifiers: Sequence[str] | None) -> dict[int, ItemRecord]:
    items = select(
        Item.id,
        Item.accession_number,
        Item.kind,
        Item.date_edtf,
        Item.country,
        Item.rights,
        Item.source,
        Item.published,
        Item.featured,
        Item.cover_media_id,
    )
    if identifiers is not None:
        items = items.where(Item.accession_number.in_(identifiers))
    records: dict[int, ItemRecord] = {}
    covers: dict[int, int] = {}
    for row in session.execute(items):
        records[row.id] = ItemRecord(
            identifier=row.accession_number,
            kind=row.kind,
            date_edtf=row.date_edtf,
            country=row.country,
            rights=row.rights,
            source=row.source,
            published=bool(row.published),
            featured=bool(row.featured),
        )
        if row.cover_media_id is not None:
            covers[row.id] = row.cover_media_id
    if not records:
        return records
    ids = None if identifiers is None else list(records)

    def of(column: Any) -> Any:
        return true() if ids is None else column.in_(ids)

    for item_id, name, lang, value in session.execute(
        select(ItemText.item_id, ItemText.field, ItemText.lang, ItemText.value).where(
            of(ItemText.item_id)
        )
    ):
        if value and name in FIELD_COLUMNS and is_text_language(lang, name):
            records[item_id].texts.setdefault(name, {})[lang] = value
    for item_id, tag in session.execute(
        select(ItemTag.item_id, ItemTag.tag).where(of(ItemTag.item_id))
    ):
        records[item_id].tags.append(tag)
    media_ids: dict[int, dict[int, MediaRef]] = {}
    for item_id, media_id, sha, original in session.execute(
        select(ItemMedia.item_id, Media.id, Media.sha256, Media.original_name)
        .join(Media, Media.id == ItemMedia.media_id)
        .where(of(ItemMedia.item_id))
        .order_by(ItemMedia.item_id, ItemMedia.position, Media.id)
    ):
        ref = MediaRef(sha, original)
        records[item_id].media.append(ref)
        media_ids.setdefault(item_id, {})[media_id] = ref
    for item_id, media_id in covers.items():
        records[item_id].cover = media_ids.get(item_id, {}).get(media_id)
    for subject_id, relation, other in session.execute(
        select(ItemRelation.subject_id, ItemRelation.relation, Item.accession_number)
        .join(Item, Item.id == ItemRelation.object_id)
        .where(of(ItemRelation.subject_id))
    ):
        records[subject_id].relations.append((relation, other))
    return records


def export_csv(
    session: Session, path_or_stream: str | Path | IO[bytes], profile: str = "default"
) -> int:
    """Write every item as CSV to a path (replaced atomically) or a binary stream, a page
    of items at a time (flat memory); returns the number of items written. ``profile``
    names the columns: ``default`` (``title@kk``) or ``dcterms`` (``dcterms:title@kk``;
    see interop.csv_profiles)."""
    header = header_cells(COLUMNS, profile)
    records = iter_item_records(session)
    if not isinstance(path_or_stream, str | Path):
        return write_csv(records, path_or_stream, header, presorted=True)
    path = Path(path_or_stream)
    try:
        with open_replacing(path, prefix=".tmp-", suffix=".csv", mode=0o600) as out:
            count = write_csv(records, out, header, presorted=True)
    except OSError as exc:
        raise CatalogError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return count


# --------------------------------------------------------------------------- media lookup


def _key(ref: MediaRef) -> str:
    return f"sha256:{ref.sha256}" if ref.sha256 else f"name:{ref.name}"


@dataclass
class MediaSource:
    """Where one picture named in the file was found.

    ``where`` is ``"catalogue"`` (already a catalogue medium: nothing to copy),
    ``"store"`` (a file in the catalogue's store that no row uses yet), ``"media-from"``
    or ``"missing"``; ``path`` is the file to store, ``how`` how it was matched
    (``"hash"``, ``"hash-name"`` for a file named after its hash, or ``"name"``), and
    ``sha256`` the stored content's hash when known before storing it.
    """

    ref: MediaRef
    rows: list[int]
    where: str
    path: Path | None = None
    how: str = "hash"
    sha256: str | None = None
    problem: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256 or self.ref.sha256,
            "name": self.ref.name,
            "where": self.where,
            "how": self.how,
            "path": None if self.path is None else str(self.path),
            "rows": self.rows,
        }


class _MediaFinder:
    """Finds pictures by hash or name; the folder is listed, and its files hashed, lazily."""

    def __init__(
        self,
        session: Session,
        store: MediaStore | None,
        media_from: Path | None,
        max_pixels: int,
    ) -> None:
        self.session = session
        self.store = store
        self.media_from = media_from
        self.max_pixels = max_pixels
        self._files: list[Path] | None = None
        self._hashes: dict[Path, str] = {}
        self._prepared: dict[Path, str | None] = {}

    # -- the media_from folder

    def files(self) -> list[Path]:
        if self._files is None:
            found: list[Path] = []
            if self.media_from is not None:
                for folder, dirs, names in os.walk(self.media_from):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    found += [Path(folder, n) for n in sorted(names) if not n.startswith(".")]
            self._files = found
        return self._files

    def sha(self, path: Path) -> str | None:
        if path not in self._hashes:
            try:
                self._hashes[path] = sha256_file(path)
            except OSError:
                return None
        return self._hashes[path]

    def prepared_sha(self, path: Path) -> str | None:
        """The hash the file would have in the store (after normalisation)."""
        if path not in self._prepared:
            self._prepared[path] = None
            with (
                # Beside the store, not in TMPDIR (often RAM): a huge picture is checked
                # through scratch files as big as its pixels.
                tempfile.TemporaryDirectory(
                    prefix=".tmp-csv-", dir=self.store.root if self.store is not None else None
                ) as work,
                contextlib.suppress(ImageRefused, OSError),
            ):
                prepared = prepare_image(path, max_pixels=self.max_pixels, workdir=Path(work))
                self._prepared[path] = sha256_file(prepared.data_path)
        return self._prepared[path]

    def _matches(self, path: Path, sha: str) -> bool:
        return self.sha(path) == sha or self.prepared_sha(path) == sha

    # -- lookup

    def find(self, ref: MediaRef, rows: list[int], known: dict[str, int]) -> MediaSource:
        if ref.sha256:
            return self._find_hash(ref, ref.sha256, rows, known)
        return self._find_name(ref, rows)

    def _find_hash(
        self, ref: MediaRef, sha: str, rows: list[int], known: dict[str, int]
    ) -> MediaSource:
        if sha in known:
            return MediaSource(ref, rows, "catalogue", sha256=sha)
        if self.store is not None:
            shard = self.store.root / "media" / sha[:2]
            for path in sorted(shard.glob(f"{sha}.*")) if shard.is_dir() else []:
                if not path.name.startswith("."):
                    return MediaSource(ref, rows, "store", path, sha256=sha)
        files = self.files()
        for path in files:
            if path.name.split(".")[0].lower() == sha and self.sha(path) == sha:
                return MediaSource(ref, rows, "media-from", path, "hash-name", sha)
        differs: list[Path] = []
        if ref.name:
            for path in files:
                if path.name == ref.name:
                    if self._matches(path, sha):
                        return MediaSource(ref, rows, "media-from", path, "name", sha)
                    differs.append(path)
        for path in files:
            if self.sha(path) == sha:
                return MediaSource(ref, rows, "media-from", path, "hash", sha)
        source = MediaSource(ref, rows, "missing")
        if differs:
            source.problem = (
                f"{ref.describe()}: the file {differs[0]} has other content (remove the hash "
                "from the cell to use that file instead)"
            )
        else:
            where = f" or in {self.media_from}" if self.media_from else " (use --media-from DIR)"
            source.problem = f"{ref.describe()} is not in the catalogue{where}"
        return source

    def _find_name(self, ref: MediaRef, rows: list[int]) -> MediaSource:
        name = ref.name or ""
        candidates = [p for p in self.files() if p.name == name]
        if candidates:
            if len({self.sha(p) for p in candidates}) > 1:
                return MediaSource(
                    ref,
                    rows,
                    "missing",
                    problem=f"{len(candidates)} different files are named '{name}' in "
                    f"{self.media_from}: give the picture's sha256 as well",
                )
            return MediaSource(ref, rows, "media-from", candidates[0], "name")
        shas = list(
            self.session.scalars(select(Media.sha256).where(Media.original_name == name).limit(2))
        )
        if len(shas) == 1:
            return MediaSource(ref, rows, "catalogue", how="name", sha256=shas[0])
        if shas:
            problem = f"several catalogue pictures were imported as '{name}': give the sha256"
        else:
            where = f" or in {self.media_from}" if self.media_from else " (use --media-from DIR)"
            problem = f"no picture named '{name}' in the catalogue{where}"
        return MediaSource(ref, rows, "missing", how="name", problem=problem)


# --------------------------------------------------------------------------- preview


@dataclass
class CsvPreview:
    """What importing a file would do; nothing has been changed."""

    file: Path
    rows: list[CsvRow] = field(default_factory=list)
    errors: list[CsvIssue] = field(default_factory=list)
    #: Identifiers of the rows that would create, change or leave as they are an item.
    create: list[str] = field(default_factory=list)
    update: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    #: One entry per distinct picture named in the file, in order of first mention.
    media: list[MediaSource] = field(default_factory=list)
    #: How the file's columns were read (foreign headers, ignored columns, remote files).
    columns: ForeignCsv | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def to_copy(self) -> list[MediaSource]:
        """Pictures whose files must be put into the store."""
        return [m for m in self.media if m.where in ("store", "media-from")]


#: Largest CSV file read (about five million rows of ordinary items).
MAX_CSV_BYTES = 1024 * 1024 * 1024


def _read(path: Path) -> bytes:
    return read_regular(Path(path), limit=MAX_CSV_BYTES)


def preview_csv(
    session: Session,
    path: str | Path,
    media_from: str | Path | None = None,
    *,
    store: MediaStore | None = None,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    mapping: Mapping[str, Any] | None = None,
    text_lang: str = "en",
) -> CsvPreview:
    """Read ``path`` and check every row against the catalogue; changes nothing.

    ``store`` is the catalogue's media store, searched for files no row uses yet.
    A file written for other software (Omeka's CSV Import, Dublin Core headers) is read
    through :func:`~exhibition_app.interop.csv_profiles.normalise_csv` with ``mapping``
    (from ``--map``) and ``text_lang`` (the language of untagged text columns)."""
    path = Path(path)
    folder = None if media_from is None else Path(media_from)
    if folder is not None and not folder.is_dir():
        raise CatalogError(f"--media-from {folder}: no such folder")
    data = _read(path)
    existing = set(session.scalars(select(Item.accession_number)))
    try:
        columns = normalise_csv(data, mapping=mapping, text_lang=text_lang, decode=decode)
    except ValueError:
        columns = ForeignCsv(data)  # not UTF-8: the strict reader says where
    parsed = parse_csv(columns.data, known_identifiers=existing)
    issues = [
        CsvIssue(i.row, columns.origin.get(i.column, i.column), i.message) for i in parsed.issues
    ]
    preview = CsvPreview(path, parsed.rows, issues, columns=columns)
    _check_titles(session, preview, existing)
    _find_media(session, preview, store, folder, max_pixels)
    preview.errors.sort(key=lambda i: i.row)
    shas = {_key(m.ref): m.sha256 or m.ref.sha256 for m in preview.media}
    preview.create, preview.update, preview.unchanged = _plan(session, preview.rows, shas)
    return preview


def _plan(
    session: Session, rows: Sequence[CsvRow], shas: Mapping[str, str | None]
) -> tuple[list[str], list[str], list[str]]:
    """The identifiers of the rows that create an item, change one, or change nothing."""
    identifiers = [row.record.identifier for row in rows if row.record.identifier]
    current = {r.identifier: r for r in item_records(session, identifiers)}
    create: list[str] = []
    update: list[str] = []
    unchanged: list[str] = []
    for row in rows:
        ident = row.record.identifier
        if ident not in current:
            create.append(ident)
        elif _same_item(current[ident], row, shas):
            unchanged.append(ident)
        else:
            update.append(ident)
    return create, update, unchanged


def _same_item(current: ItemRecord, row: CsvRow, shas: Mapping[str, str | None]) -> bool:
    """Whether importing ``row`` would leave the item as it is (``shas``: the stored
    content of each picture of the file, by :func:`_key`, None when not yet known)."""
    new = row.record
    if current.kind != new.kind:
        return False
    for name, lang in row.text_columns():
        if current.texts.get(name, {}).get(lang) != new.texts.get(name, {}).get(lang):
            return False
    comparisons: tuple[tuple[str, object, object], ...] = (
        ("date", current.date_edtf, new.date_edtf),
        ("coverage", current.country, new.country),
        ("rights", current.rights, new.rights),
        ("source", current.source, new.source),
        ("published", current.published, new.published),
        ("featured", current.featured, new.featured),
        ("subject", sorted(set(current.tags)), sorted(new.tags)),
        ("relation", sorted(set(current.relations)), sorted(set(new.relations))),
    )
    for column, now, then in comparisons:
        if row.has(column) and now != then:
            return False
    if not (row.has("media") or row.has("cover")):
        return True
    wanted: list[str | None] = []
    for ref in new.media:
        sha = shas.get(_key(ref))
        if sha is None or sha not in wanted:
            wanted.append(sha)
    if None in wanted:
        return False  # a picture named only by file name: its content is not known yet
    have = [m.sha256 for m in current.media]
    cover = current.cover.sha256 if current.cover is not None else None
    if row.has("media") and wanted != have:
        return False
    if row.has("cover"):
        return cover == (shas.get(_key(new.cover)) if new.cover is not None else None)
    return cover is None or cover in wanted


def _check_titles(session: Session, preview: CsvPreview, existing: set[str]) -> None:
    """Every item keeps a title in at least one language."""
    no_title = [r for r in preview.rows if not any(r.record.texts.get("title", {}).values())]
    if not no_title:
        return
    cleared = [c.partition("@")[2] for c in no_title[0].columns if c.startswith("title@")]
    updates = [r.record.identifier for r in no_title if r.record.identifier in existing]
    kept: set[str] = set()
    for chunk in _chunks(updates):
        kept.update(
            session.scalars(
                select(Item.accession_number)
                .join(ItemText, ItemText.item_id == Item.id)
                .where(Item.accession_number.in_(chunk), ItemText.field == "title")
                .where(ItemText.value != "", ItemText.lang.not_in(cleared))
            )
        )
    for row in no_title:
        if row.record.identifier and row.record.identifier not in kept:
            preview.errors.append(CsvIssue(row.row, "title", "the item needs a title"))


def _find_media(
    session: Session,
    preview: CsvPreview,
    store: MediaStore | None,
    folder: Path | None,
    max_pixels: int,
) -> None:
    wanted: dict[str, tuple[MediaRef, list[int]]] = {}
    for row in preview.rows:
        for ref in row.record.media:
            wanted.setdefault(_key(ref), (ref, []))[1].append(row.row)
    shas = sorted({ref.sha256 for ref, _ in wanted.values() if ref.sha256})
    known: dict[str, int] = {}
    for chunk in _chunks(shas):
        known.update(
            session.execute(select(Media.sha256, Media.id).where(Media.sha256.in_(chunk))).all()
        )
    finder = _MediaFinder(session, store, folder, max_pixels)
    for ref, rows in wanted.values():
        source = finder.find(ref, rows, known)
        preview.media.append(source)
        if source.problem:
            preview.errors += [CsvIssue(row, "media", source.problem) for row in rows]


# --------------------------------------------------------------------------- import


def _result(
    preview: CsvPreview,
    *,
    dry_run: bool,
    plan: tuple[list[str], list[str], list[str]] | None = None,
    copied: int = 0,
) -> dict[str, Any]:
    create, update, unchanged = plan or ([], [], [])
    columns = preview.columns or ForeignCsv(b"")
    return {
        "file": str(preview.file),
        "rows": len(preview.rows),
        "imported": len(create) + len(update) + len(unchanged),
        "created": len(create),
        "updated": len(update),
        "unchanged": len(unchanged),
        "media_copied": copied,
        "errors": [issue.as_dict() for issue in preview.errors],
        "dry_run": dry_run,
        "mapped_columns": columns.mapped_columns,
        "ignored_columns": columns.ignored_columns,
        "media_not_fetched": columns.media_not_fetched,
        "warnings": columns.warnings,
    }


def import_csv(
    catalog: Catalog,
    path: str | Path,
    media_from: str | Path | None = None,
    dry_run: bool = False,
    *,
    user: UserRef = None,
    mapping: Mapping[str, Any] | None = None,
    text_lang: str = "en",
) -> dict[str, Any]:
    """Import every row of a CSV file, or none; see the module docstring. ``user`` is
    who the revisions of updated items name (None: the system).

    Returns ``{"file", "rows", "imported", "created", "updated", "unchanged",
    "media_copied", "errors": [{"row", "column", "message"}], "dry_run", "mapped_columns",
    "ignored_columns", "media_not_fetched": [{"row", "url"}], "warnings": [{"row", "column",
    "message"}]}``: ``imported``
    is every row (``created`` + ``updated`` + ``unchanged``; rows identical to their item
    are not written at all). With errors nothing was changed and the counts are 0. With
    ``dry_run`` nothing is changed and the counts say what an import would do.
    """
    with catalog.read_session() as session:
        preview = preview_csv(
            session,
            path,
            media_from,
            store=catalog.store,
            max_pixels=catalog.max_pixels,
            mapping=mapping,
            text_lang=text_lang,
        )
    if not preview.ok:
        return _result(preview, dry_run=dry_run)
    plan = (preview.create, preview.update, preview.unchanged)
    if dry_run:
        copies = sum(1 for m in preview.to_copy if m.where == "media-from")
        return _result(preview, dry_run=True, plan=plan, copied=copies)

    stored: dict[str, StoredMedia] = {}
    try:
        for source in preview.to_copy:
            assert source.path is not None
            try:
                put = catalog.store.put(source.path, max_pixels=catalog.max_pixels)
            except ImageRefused as exc:
                preview.errors += [CsvIssue(r, "media", exc.reason) for r in source.rows]
                continue
            stored[_key(source.ref)] = put
            if source.ref.sha256 and put.sha256 != source.ref.sha256:
                preview.errors += [
                    CsvIssue(
                        r,
                        "media",
                        f"{source.path} does not have the content of "
                        f"{source.ref.describe()} (it changed while importing?)",
                    )
                    for r in source.rows
                ]
        if not preview.ok:
            preview.errors.sort(key=lambda i: i.row)
            raise _Refused
        with catalog.session() as session:
            plan = _apply(session, preview, stored, user)
    except _Refused:
        for put in stored.values():
            discard_unreferenced(catalog, put)
        return _result(preview, dry_run=False)
    except BaseException:
        for put in stored.values():
            discard_unreferenced(catalog, put)
        raise
    copied = sum(1 for put in stored.values() if put.created)
    return _result(preview, dry_run=False, plan=plan, copied=copied)


class _Refused(Exception):
    """Some pictures could not be stored: nothing is imported."""


def _media_rows(
    session: Session, preview: CsvPreview, stored: dict[str, StoredMedia]
) -> dict[str, Media]:
    """The Media row of every picture the file names, by :func:`_key`."""
    shas = sorted(
        {m.sha256 for m in preview.media if m.sha256} | {s.sha256 for s in stored.values()}
    )
    by_sha: dict[str, Media] = {}
    for chunk in _chunks(shas):
        by_sha.update(
            (m.sha256, m) for m in session.scalars(select(Media).where(Media.sha256.in_(chunk)))
        )
    rows: dict[str, Media] = {}
    for source in preview.media:
        key = _key(source.ref)
        put = stored.get(key)
        if put is not None:
            media = by_sha.get(put.sha256) or media_row(session, put, source.ref.name)
        elif source.sha256 in by_sha:
            media = by_sha[source.sha256]
        else:
            raise CatalogError(
                f"{source.ref.describe()} was removed from the catalogue during the import"
            )
        by_sha[media.sha256] = media
        rows[key] = media
    return rows


def _apply(
    session: Session, preview: CsvPreview, stored: dict[str, StoredMedia], user: UserRef
) -> tuple[list[str], list[str], list[str]]:
    """Write every row in the caller's transaction: changed items through the ORM (with a
    revision each, after a baseline revision of how they were), new ones with bulk
    INSERTs (100,000 ORM objects would take minutes), unchanged ones not at all. The plan
    is made again here, inside the transaction. Returns it."""
    media = _media_rows(session, preview, stored)
    session.flush()  # media ids, for the links and covers of new items
    shas: dict[str, str | None] = {key: m.sha256 for key, m in media.items()}
    plan = _plan(session, preview.rows, shas)
    create, update, _ = plan
    changed: dict[str, Item] = {}
    for chunk in _chunks(update):
        changed.update(
            (i.accession_number, i)
            for i in session.scalars(select(Item).where(Item.accession_number.in_(chunk)))
        )
    by_identifier = {row.record.identifier: row for row in preview.rows}
    for ident in update:
        ensure_baseline(session, "item", changed[ident].id)
    for ident in update:
        _apply_row(changed[ident], by_identifier[ident], media)
        changed[ident].updated_at = utcnow()
    session.flush()
    new_rows = [by_identifier[ident] for ident in create]
    new_ids = _insert_new(session, new_rows, media)
    _apply_relations(session, [by_identifier[i] for i in update] + new_rows, changed, new_ids)
    reindex_items(session, changed.values())
    _index_new(session, new_rows, new_ids)
    for ident in update:
        record(session, "item", changed[ident].id, user, "update", f"CSV {preview.file.name}")
    return plan


def _row_media(row: CsvRow, media: dict[str, Media]) -> list[Media]:
    """The row's pictures in order, each once (a file named twice, by hash and by name)."""
    result: list[Media] = []
    for ref in row.record.media:
        medium = media[_key(ref)]
        if not any(m is medium for m in result):
            result.append(medium)
    return result


def _insert_new(
    session: Session, rows: Sequence[CsvRow], media: dict[str, Media]
) -> dict[str, int]:
    """Bulk-insert the new items with their texts, tags and pictures; returns their ids."""
    if not rows:
        return {}
    values: list[dict[str, Any]] = []
    for row in rows:
        record = row.record
        earliest, latest = row.date_range or (None, None)
        cover = media[_key(record.cover)].id if record.cover is not None else None
        values.append(
            {
                "kind": record.kind,
                "accession_number": record.identifier,
                "country": record.country,
                "date_edtf": record.date_edtf,
                "date_earliest": earliest,
                "date_latest": latest,
                "rights": record.rights,
                "source": record.source,
                "published": record.published,
                "featured": record.featured,
                "cover_media_id": cover,
                "georef": None,
            }
        )
    # Core executemany (one prepared statement); the ids are read back by accession number.
    session.execute(insert(_table(Item)), values)
    ids: dict[str, int] = {}
    for chunk in _chunks([row.record.identifier for row in rows]):
        ids.update(
            session.execute(
                select(Item.accession_number, Item.id).where(Item.accession_number.in_(chunk))
            ).all()
        )
    texts: list[dict[str, Any]] = []
    tags: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for row in rows:
        item_id = ids[row.record.identifier]
        texts += [
            {"item_id": item_id, "field": name, "lang": lang, "value": value}
            for name, by_lang in row.record.texts.items()
            for lang, value in by_lang.items()
        ]
        tags += [{"item_id": item_id, "tag": tag} for tag in row.record.tags]
        links += [
            {"item_id": item_id, "media_id": medium.id, "position": position}
            for position, medium in enumerate(_row_media(row, media))
        ]
    for model, params in ((ItemText, texts), (ItemTag, tags), (ItemMedia, links)):
        if params:
            session.execute(insert(_table(model)), params)
    return ids


@dataclass
class _NewItemText:
    field: str
    value: str


@dataclass
class _NewItemDocument:
    """What :func:`exhibition_app.db.search.item_documents` reads of an item."""

    id: int
    accession_number: str
    country: str | None
    texts: list[_NewItemText]
    tags: list[str]


def _index_new(session: Session, rows: Sequence[CsvRow], ids: dict[str, int]) -> None:
    """Index the bulk-inserted items, with the search module's own indexing code."""
    docs = [
        _NewItemDocument(
            ids[row.record.identifier],
            row.record.identifier,
            row.record.country,
            [
                _NewItemText(name, value)
                for name, by_lang in row.record.texts.items()
                for value in by_lang.values()
            ],
            sorted(row.record.tags),
        )
        for row in rows
    ]
    reindex_items(session, cast("list[Item]", docs))


def _apply_row(item: Item, row: CsvRow, media: dict[str, Media]) -> None:
    record = row.record
    item.kind = record.kind
    for name, lang in row.text_columns():
        item.set_text(name, lang, record.texts.get(name, {}).get(lang))
    if row.has("date"):
        item.date_edtf = record.date_edtf
        item.date_earliest, item.date_latest = row.date_range or (None, None)
    if row.has("coverage"):
        item.country = record.country
    if row.has("rights"):
        item.rights = record.rights
    if row.has("source"):
        item.source = record.source
    if row.has("subject"):
        item.set_tags(record.tags)
    if row.has("published"):
        item.published = record.published
    if row.has("featured"):
        item.featured = record.featured
    if row.has("media"):
        old = {link.media_id: link for link in item.media_links}
        links: list[ItemMedia] = []
        for ref in record.media:
            medium = media[_key(ref)]
            if any(link.media is medium for link in links):
                continue  # the same picture by hash and by name
            link = old.pop(medium.id, None) if medium.id is not None else None
            link = link or ItemMedia(media=medium)
            link.position = len(links)
            links.append(link)
        item.media_links[:] = links
    if row.has("cover"):
        item.cover = None if record.cover is None else media[_key(record.cover)]
    elif (
        row.has("media")
        and item.cover is not None
        and not any(link.media is item.cover for link in item.media_links)
    ):
        item.cover = None  # the chosen cover is no longer one of the pictures


def _apply_relations(
    session: Session, rows: Sequence[CsvRow], changed: dict[str, Item], new_ids: dict[str, int]
) -> None:
    """Replace the outgoing relations of every row that has a ``relation`` column."""
    rows = [row for row in rows if row.has("relation")]
    ids = {ident: item.id for ident, item in changed.items()} | new_ids
    others = sorted({o for r in rows for _, o in r.record.relations if o not in ids})
    for chunk in _chunks(others):
        ids.update(
            session.execute(
                select(Item.accession_number, Item.id).where(Item.accession_number.in_(chunk))
            ).all()
        )
    if missing := [o for o in others if o not in ids]:
        raise CatalogError(f"the item '{missing[0]}' was deleted during the import")
    new: list[dict[str, Any]] = []
    for row in rows:
        wanted = {(ids[other], rel) for rel, other in row.record.relations}
        item = changed.get(row.record.identifier)
        if item is None:
            subject = ids[row.record.identifier]
            new += [
                {"subject_id": subject, "object_id": object_id, "relation": rel}
                for object_id, rel in sorted(wanted)
            ]
            continue
        keep = [r for r in item.relations if (r.object_id, r.relation) in wanted]
        have = {(r.object_id, r.relation) for r in keep}
        keep += [
            ItemRelation(subject_id=item.id, object_id=object_id, relation=rel)
            for object_id, rel in sorted(wanted - have)
        ]
        item.relations[:] = keep
    session.flush()
    if new:
        session.execute(insert(_table(ItemRelation)), new)
