"""Catalogue items as CSV with Dublin Core column names (no database, no Qt).

One row per item, one column per field; a translatable field has one column per
language, tagged ``@lang`` (``title@kk``). :func:`write_csv` turns
:class:`ItemRecord` objects into bytes on a stream, :func:`parse_csv` turns the bytes
of a file into :class:`CsvRow` objects and a list of :class:`CsvIssue` (row number as
a spreadsheet shows it, column, message). Reading the catalogue and writing to it is
:mod:`exhibition_app.operations.csv_io`.

Columns, in the order they are written
    ``identifier``            accession number (required, unique in the file)
    ``type``                  kind: object, map, photograph or document (required)
    ``title@xx``              title (at least one ``title@`` column is required)
    ``description@xx``        description
    ``culture@xx``            culture (no Dublin Core term; kept under its own name)
    ``coverage.spatial@xx``   place, as text (dcterms:spatial refines dc:coverage)
    ``creator@xx``            maker, author, cartographer
    ``date@xx``               the date as a curator writes it ("c. 1720")
    ``format.medium@xx``      materials (dcterms:medium refines dc:format)
    ``technique@xx``          technique (no Dublin Core term)
    ``format.extent@xx``      dimensions (dcterms:extent refines dc:format)
    ``creditline@xx``         credit line (no Dublin Core term)
    ``date``                  the date in EDTF (``1720~``, ``17XX``, ``-0399/-0200``)
    ``coverage``              country, ISO 3166-1 alpha-2 code (``KZ``)
    ``rights``                licence URI (``https://creativecommons.org/licenses/by/4.0/``)
    ``source``                where the record or picture comes from (free text)
    ``subject``               tags, joined with ``|``, sorted
    ``relation``              ``relation:identifier`` pairs joined with ``|``, sorted, e.g.
                              ``redrawing_of:BH-MAP-002|depicts:BH-MAP-009``; relations are
                              redrawing_of, depicts and related; the identifier is another
                              row of the file or an item already in the catalogue
    ``published``             ``true`` or ``false``
    ``featured``              ``true`` or ``false``
    ``media``                 the item's pictures in order, joined with ``|``: each one
                              ``sha256:original-name`` (the SHA-256 of the stored file, the
                              name the file had when it was imported), or only the hash, or
                              (for a new picture a curator adds by hand) only a file name
    ``cover``                 empty: the first picture is shown as the cover; else the
                              hash (or file name) of the chosen cover, one of ``media``

``xx`` is a catalogue language: en, kk, ru, mn; every language gets a column on export.
The title also has ``title@mn-Mong``, the title in the traditional Mongolian script (the
``mn`` columns are Cyrillic); the language tag is matched without regard to case.
Dots in the names follow the qualified Dublin Core "element.refinement" convention.

On import, columns may come in any order and any subset may be left out, except the
required ones; names are case-insensitive. A column that is present replaces the
field (an empty cell clears it); a column that is absent leaves the field alone.
``published``/``featured`` also accept yes/no/1/0 (an empty cell is false).

File format
    UTF-8 with a byte-order mark (so Excel shows Cyrillic and Mongolian correctly),
    RFC 4180: comma separated, ``"`` quoting where needed, ``\\r\\n`` line ends; rows
    sorted by identifier. The same records always give the same bytes, so an export,
    imported into an empty catalogue and exported again, is the same file. On import the
    byte-order mark is optional; a file that is not UTF-8 is refused as a whole.

Formula injection
    A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    (OWASP "CSV injection") would be run as a formula by a spreadsheet; on export such a
    cell gets a leading ``'`` (``=1+1`` is written ``'=1+1``, the EDTF date ``-0399`` is
    written ``'-0399``). To keep the round trip exact, a cell that already starts with
    ``'`` followed by one of those characters (``'=x``) gets one more ``'`` too.
    Import removes exactly one leading ``'`` when what follows is ``'``\\* and then one of
    those characters, and nothing otherwise.

Other software's files (``dcterms:title``, ``Title``, Omeka's CSV Import) and the
``dcterms`` export profile: :mod:`exhibition_app.interop.csv_profiles`.

A ``|`` inside a tag or an original file name cannot be written (it separates list
entries) and is replaced by ``/`` on export.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import difflib
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import IO

from exhibition_app.core.countries import is_country
from exhibition_app.core.edtf import DateParseError, parse_date, parse_edtf
from exhibition_app.core.languages import LANGUAGES, text_languages
from exhibition_app.core.licences import is_licence_uri
from exhibition_app.core.vocabulary import ITEM_TEXT_FIELDS, KINDS, RELATIONS
from exhibition_app.errors import shown

__all__ = [
    "COLUMNS",
    "FIELD_COLUMNS",
    "ITEM_TEXT_FIELDS",
    "KINDS",
    "RELATIONS",
    "REQUIRED_COLUMNS",
    "CsvIssue",
    "CsvParse",
    "CsvRow",
    "ItemRecord",
    "MediaRef",
    "neutralise",
    "parse_csv",
    "restore",
    "write_csv",
]

#: Translatable item field -> the name of its columns (before ``@lang``).
FIELD_COLUMNS: dict[str, str] = {
    "title": "title",
    "description": "description",
    "culture": "culture",
    "place": "coverage.spatial",
    "creator": "creator",
    "date": "date",
    "materials": "format.medium",
    "technique": "technique",
    "dimensions": "format.extent",
    "credit_line": "creditline",
}
_COLUMN_FIELDS = {column: name for name, column in FIELD_COLUMNS.items()}

SCALAR_COLUMNS: tuple[str, ...] = (
    "date",
    "coverage",
    "rights",
    "source",
    "subject",
    "relation",
    "published",
    "featured",
    "media",
    "cover",
)
#: Every column, in the order they are written.
COLUMNS: tuple[str, ...] = (
    "identifier",
    "type",
    *(
        f"{FIELD_COLUMNS[name]}@{lang}"
        for name in ITEM_TEXT_FIELDS
        for lang in text_languages(name)
    ),
    *SCALAR_COLUMNS,
)
REQUIRED_COLUMNS: tuple[str, ...] = ("identifier", "type")
_BY_LOWER = {column.lower(): column for column in COLUMNS}

MAX_IDENTIFIER = 64
MAX_TAG = 64
MAX_NAME = 255

_NEEDS_QUOTE = re.compile(r"'*[=+\-@\t\r]")
_QUOTED = re.compile(r"'+[=+\-@\t\r]")
_SHA = re.compile(r"[0-9a-fA-F]{64}")
_TRUE = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False, "": False}
_SEP = "|"
#: Control characters no cell may hold: NUL and the other C0 controls, DEL and the C1
#: controls. A text cell (``title@en``, ``source``...) may hold a tab, a line break or a
#: carriage return (a multi-line description, quoted as RFC 4180 allows); an identifier,
#: a code, a date, a list or a flag may not.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_STRICT = re.compile("[\x00-\x1f\x7f-\x9f]")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class MediaRef:
    """One picture of a row: its stored file's SHA-256 and/or its original file name."""

    sha256: str | None
    name: str | None

    def cell(self) -> str:
        name = _list_safe(self.name or "")
        if self.sha256 is None:
            return name
        return f"{self.sha256}:{name}" if name else self.sha256

    def describe(self) -> str:
        if self.sha256 and self.name:
            return f"{self.name} (sha256 {self.sha256[:12]}...)"
        return self.name or f"sha256 {self.sha256}"


@dataclass
class ItemRecord:
    """An item as one CSV row. ``texts`` is field -> language -> text (non-empty)."""

    identifier: str
    kind: str
    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    date_edtf: str | None = None
    country: str | None = None
    rights: str | None = None
    source: str | None = None
    tags: list[str] = field(default_factory=list)
    #: (relation, identifier of the other item)
    relations: list[tuple[str, str]] = field(default_factory=list)
    published: bool = False
    featured: bool = False
    media: list[MediaRef] = field(default_factory=list)
    #: The explicitly chosen cover (one of ``media``), None for "the first picture".
    cover: MediaRef | None = None


@dataclass
class CsvRow:
    """A parsed data row: the record, its spreadsheet row number and the columns the
    file has (a column that is absent leaves that field of an existing item alone)."""

    row: int
    record: ItemRecord
    columns: frozenset[str]
    #: EDTF ``date`` as (earliest, latest) years, when the cell is not empty
    date_range: tuple[int, int] | None = None

    def has(self, column: str) -> bool:
        return column in self.columns

    def text_columns(self) -> Iterable[tuple[str, str]]:
        """(field, lang) of every translatable column the file has."""
        for column in sorted(self.columns):
            base, _, lang = column.partition("@")
            if lang:
                yield _COLUMN_FIELDS[base], lang


@dataclass(frozen=True)
class CsvIssue:
    """A problem in the file: ``row`` as a spreadsheet numbers it (the header is row 1),
    ``column`` the column name ("" for the whole row or file)."""

    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, object]:
        return {"row": self.row, "column": self.column, "message": self.message}

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", {shown(self.column)}" if self.column else "")
        return f"{where}: {shown(self.message)}"


@dataclass
class CsvParse:
    columns: tuple[str, ...] = ()
    rows: list[CsvRow] = field(default_factory=list)
    issues: list[CsvIssue] = field(default_factory=list)


# --------------------------------------------------------------------------- cells


def neutralise(cell: str) -> str:
    """The cell as written: a leading ``'`` when a spreadsheet would run it as a formula."""
    return "'" + cell if _NEEDS_QUOTE.match(cell) else cell


def restore(cell: str) -> str:
    """Undo :func:`neutralise` (exactly: ``restore(neutralise(s)) == s`` for every s)."""
    return cell[1:] if _QUOTED.match(cell) else cell


def _list_safe(value: str) -> str:
    return value.replace(_SEP, "/")


def _bool_cell(value: bool) -> str:
    return "true" if value else "false"


def record_cells(record: ItemRecord) -> list[str]:
    """The cells of one record, in :data:`COLUMNS` order, before neutralisation."""
    cells = [record.identifier, record.kind]
    for name in ITEM_TEXT_FIELDS:
        texts = record.texts.get(name, {})
        cells += [texts.get(lang, "") for lang in text_languages(name)]
    cells += [
        record.date_edtf or "",
        record.country or "",
        record.rights or "",
        record.source or "",
        _SEP.join(sorted(_list_safe(t) for t in record.tags)),
        _SEP.join(f"{rel}:{ident}" for rel, ident in sorted(record.relations)),
        _bool_cell(record.published),
        _bool_cell(record.featured),
        _SEP.join(m.cell() for m in record.media),
        ""
        if record.cover is None
        else (record.cover.sha256 or _list_safe(record.cover.name or "")),
    ]
    return cells


def write_csv(
    records: Iterable[ItemRecord],
    stream: IO[bytes],
    header: Sequence[str] = COLUMNS,
    *,
    presorted: bool = False,
) -> int:
    """Write the records (sorted by identifier) to a binary stream; returns how many.
    ``header`` names the :data:`COLUMNS` in another profile (same order). ``presorted``
    records come already in identifier order and are written as they come (streaming)."""
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=False)
    try:
        text.write("\ufeff")
        writer = csv.writer(text, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header)
        count = 0
        ordered = records if presorted else sorted(records, key=lambda r: r.identifier)
        for record in ordered:
            writer.writerow([neutralise(cell) for cell in record_cells(record)])
            count += 1
        text.flush()
    finally:
        text.detach()
    return count


# --------------------------------------------------------------------------- reading


def decode(data: bytes) -> str:
    """The text of a CSV file; ValueError (one line, with the line and byte offset of the
    first bad byte) when it is not UTF-8."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValueError(
            "the file is UTF-16 text; save it as UTF-8 (in Excel: 'CSV UTF-8') and import again"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ValueError(
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02X} at offset {exc.start}, "
            f"line {line}); it may be in Windows-1251 or another legacy encoding: save it as "
            "UTF-8 (in Excel: 'CSV UTF-8') and import again"
        ) from None


def _canonical(name: str) -> str:
    """A header cell as its column is named (``TITLE@MN-MONG`` is ``title@mn-Mong``)."""
    low = name.lower()
    return _BY_LOWER.get(low, low)


def _column_problem(name: str) -> str | None:
    """Why a header cell is not a column name, or None when it is one."""
    if name in COLUMNS:
        return None
    base, at, lang = name.partition("@")
    if at and base in _COLUMN_FIELDS:
        choices = ", ".join(text_languages(_COLUMN_FIELDS[base]))
        return f"unknown language '{lang}' in '{name}': use one of {choices}"
    if not at and base in _COLUMN_FIELDS and base not in SCALAR_COLUMNS:
        return f"'{name}' needs a language, e.g. {base}@{LANGUAGES[0]}"
    if at and base in SCALAR_COLUMNS + REQUIRED_COLUMNS:
        return f"'{base}' is not translatable: name the column '{base}'"
    near = difflib.get_close_matches(name, COLUMNS, n=1, cutoff=0.75)
    return f"unknown column '{name}'" + (f" (did you mean '{near[0]}'?)" if near else "")


def _check_header(header: Sequence[str], issues: list[CsvIssue]) -> list[str]:
    names = [_canonical(cell.strip()) for cell in header]
    seen: set[str] = set()
    for name in names:
        if not name:
            issues.append(CsvIssue(1, "", "a column has no name"))
            continue
        problem = _column_problem(name)
        if problem:
            issues.append(CsvIssue(1, name, problem))
        elif name in seen:
            issues.append(CsvIssue(1, name, f"the column '{name}' appears twice"))
        seen.add(name)
    missing = [c for c in REQUIRED_COLUMNS if c not in seen]
    if not any(n.startswith("title@") for n in seen):
        missing.append("title@" + LANGUAGES[0])
    if missing:
        issues.append(
            CsvIssue(1, "", "missing required columns: " + ", ".join(missing))
            if len(missing) > 1
            else CsvIssue(1, missing[0], f"the required column '{missing[0]}' is missing")
        )
    return names


class _RowReader:
    """Reads one row's cells into an ItemRecord, collecting issues."""

    def __init__(self, row: int, cells: dict[str, str], issues: list[CsvIssue]) -> None:
        self.row = row
        self.cells = cells
        self.issues = issues

    def error(self, column: str, message: str) -> None:
        self.issues.append(CsvIssue(self.row, column, message))

    def get(self, column: str) -> str:
        return self.cells.get(column, "")

    def read(self) -> tuple[ItemRecord, tuple[int, int] | None]:
        identifier = self.get("identifier").strip()
        if not identifier:
            self.error("identifier", "the identifier (accession number) is empty")
        elif len(identifier) > MAX_IDENTIFIER:
            self.error("identifier", f"longer than {MAX_IDENTIFIER} characters")
        kind = self.get("type").strip().lower()
        if kind not in KINDS:
            what = f"unknown type '{kind}'" if kind else "the type is empty"
            self.error("type", f"{what}: use one of {', '.join(KINDS)}")
        record = ItemRecord(identifier=identifier, kind=kind)
        for column, value in self.cells.items():
            base, _, lang = column.partition("@")
            if lang and value:
                record.texts.setdefault(_COLUMN_FIELDS[base], {})[lang] = value
        date_range = self._date(record)
        record.country = self._country()
        rights = self.get("rights").strip()
        if rights and not is_licence_uri(rights):
            self.error("rights", f"'{rights}' is not a licence URI (https://...)")
        record.rights = rights or None
        record.source = self.get("source") or None
        record.tags = self._tags()
        record.relations = self._relations(identifier)
        record.published = self._bool("published")
        record.featured = self._bool("featured")
        record.media = self._media()
        record.cover = self._cover(record.media)
        return record, date_range

    def _date(self, record: ItemRecord) -> tuple[int, int] | None:
        edtf = self.get("date").strip()
        if not edtf:
            return None
        record.date_edtf = edtf
        try:
            return parse_edtf(edtf)
        except DateParseError as exc:
            hint = ""
            with contextlib.suppress(DateParseError):
                hint = f" (did you mean '{parse_date(edtf).edtf}'?)"
            self.error("date", f"'{edtf}' is not an EDTF date: {exc.reason}{hint}")
            return None

    def _country(self) -> str | None:
        code = self.get("coverage").strip()
        if not code:
            return None
        if not is_country(code):
            hint = f" (did you mean '{code.upper()}'?)" if is_country(code.upper()) else ""
            self.error("coverage", f"'{code}' is not an ISO 3166-1 country code such as KZ{hint}")
        return code

    def _tags(self) -> list[str]:
        tags: list[str] = []
        for tag in (t.strip() for t in self.get("subject").split(_SEP)):
            if len(tag) > MAX_TAG:
                self.error("subject", f"the tag '{tag[:20]}...' is longer than {MAX_TAG}")
            elif tag and tag not in tags:
                tags.append(tag)
        return tags

    def _relations(self, identifier: str) -> list[tuple[str, str]]:
        relations: list[tuple[str, str]] = []
        for entry in (e.strip() for e in self.get("relation").split(_SEP)):
            if not entry:
                continue
            rel, colon, other = (p.strip() for p in entry.partition(":"))
            if not colon or not other:
                self.error("relation", f"'{entry}' is not relation:identifier (e.g. related:ACC-1)")
            elif rel not in RELATIONS:
                self.error(
                    "relation", f"unknown relation '{rel}': use one of {', '.join(RELATIONS)}"
                )
            elif other == identifier:
                self.error("relation", f"the item cannot be '{rel}' of itself")
            elif (rel, other) not in relations:
                relations.append((rel, other))
        return relations

    def _bool(self, column: str) -> bool:
        value = self.get(column).strip().lower()
        if value not in _TRUE:
            self.error(column, f"'{self.get(column)}' is not true or false")
            return False
        return _TRUE[value]

    def _media(self) -> list[MediaRef]:
        refs: list[MediaRef] = []
        for entry in self.get("media").split(_SEP):
            entry = entry.strip()
            if not entry:
                continue
            head, _, name = entry.partition(":")
            if _SHA.fullmatch(head):
                ref = MediaRef(head.lower(), name or None)
            else:
                ref = MediaRef(None, entry)
            if ref.name is not None and len(ref.name) > MAX_NAME:
                self.error("media", f"the file name '{ref.name[:20]}...' is too long")
                continue
            if any(_same(ref, other) for other in refs):
                self.error("media", f"{ref.describe()} is listed twice")
                continue
            refs.append(ref)
        return refs

    def _cover(self, media: list[MediaRef]) -> MediaRef | None:
        value = self.get("cover").strip()
        if not value:
            return None
        key = value.lower() if _SHA.fullmatch(value) else value
        for ref in media:
            if key in (ref.sha256, ref.name):
                return ref
        self.error("cover", f"'{value}' is not one of the row's media (give its hash or name)")
        return None


def _same(a: MediaRef, b: MediaRef) -> bool:
    if a.sha256 and b.sha256:
        return a.sha256 == b.sha256
    return a.sha256 is None and b.sha256 is None and a.name == b.name


def _without_controls(row: int, values: dict[str, str], issues: list[CsvIssue]) -> dict[str, str]:
    """The row's cells with control characters taken out, one issue for each cell that
    had one (see `_CONTROL`): the row is refused, and the rest of its checks quote no
    control character back."""
    for column, value in values.items():
        if value.isprintable():  # the common case, in C: no control character at all
            continue
        base, at, _ = column.partition("@")
        pattern = _CONTROL if at or base == "source" else _CONTROL_STRICT
        found = pattern.search(value)
        if found:
            issues.append(
                CsvIssue(row, column, f"contains a control character ({shown(found.group())})")
            )
            values[column] = pattern.sub("", value)
    return values


def parse_csv(data: bytes, *, known_identifiers: Iterable[str] = ()) -> CsvParse:
    """Read a whole CSV file. ``known_identifiers`` are the accession numbers already in
    the catalogue (a relation may point to them or to another row of the file); they and
    the file's identifiers compare case-insensitively, and a row or a relation naming an
    item of the catalogue takes the catalogue's spelling.

    A file-level problem (encoding, header) is one issue (or one per bad column) and no
    rows; otherwise every row is read and every problem of every row is reported."""
    result = CsvParse()
    try:
        text = decode(data)
    except ValueError as exc:
        result.issues.append(CsvIssue(1, "", str(exc)))
        return result
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    row_no = 1
    try:
        header = next(reader, None)
        if header is None or not any(c.strip() for c in header):
            result.issues.append(
                CsvIssue(1, "", "the file is empty: the first row must name the columns")
            )
            return result
        names = _check_header(header, result.issues)
        if result.issues:
            return result
        result.columns = tuple(names)
        present = frozenset(names)
        raw: list[tuple[int, dict[str, str]]] = []
        for cells in reader:
            row_no += 1
            if not any(cells):
                continue  # a blank line, or a spreadsheet's empty row (",,,,")
            if len(cells) != len(names):
                result.issues.append(
                    CsvIssue(
                        row_no,
                        "",
                        f"the row has {len(cells)} cells but the header names {len(names)} columns",
                    )
                )
                continue
            values = {n: restore(c) for n, c in zip(names, cells, strict=True)}
            raw.append((row_no, _without_controls(row_no, values, result.issues)))
    except csv.Error as exc:
        result.issues.append(CsvIssue(row_no + 1, "", f"not valid CSV: {exc}"))
        return result

    # Identifiers compare case-insensitively ("NEW-1" and "new-1" are one item); a row
    # matching an item of the catalogue takes the catalogue's spelling.
    spelling = {known.casefold(): known for known in known_identifiers}
    first_row: dict[str, tuple[int, str]] = {}
    for row_no, values in raw:
        row_issues: list[CsvIssue] = []
        record, date_range = _RowReader(row_no, values, row_issues).read()
        if record.identifier:
            key = record.identifier.casefold()
            record.identifier = spelling.get(key, record.identifier)
            if key in first_row:
                first_no, first_spelling = first_row[key]
                message = f"'{record.identifier}' is already row {first_no}"
                if first_spelling != record.identifier:
                    message += (
                        f" as '{first_spelling}' (identifiers do not differ by upper and "
                        "lower case)"
                    )
                row_issues.append(CsvIssue(row_no, "identifier", message))
            else:
                first_row[key] = (row_no, record.identifier)
        result.issues += row_issues
        result.rows.append(CsvRow(row_no, record, present, date_range))
    for row in result.rows:
        relations = []
        for rel, other in row.record.relations:
            key = other.casefold()
            relations.append(
                (rel, first_row[key][1] if key in first_row else spelling.get(key, other))
            )
        row.record.relations = relations
        for rel, other in row.record.relations:
            if other.casefold() not in first_row and other.casefold() not in spelling:
                result.issues.append(
                    CsvIssue(
                        row.row,
                        "relation",
                        f"'{rel}:{other}': no item '{other}' in the file or the catalogue",
                    )
                )
    result.issues.sort(key=lambda i: (i.row, _column_order(i.column)))
    return result


def _column_order(column: str) -> int:
    return COLUMNS.index(column) if column in COLUMNS else -1
