"""CSV written by other software, read as this catalogue's own columns (no database, no Qt).

A museum's spreadsheet rarely uses :mod:`exhibition_app.interop.csv_dc`'s column names. This
module turns such a file into one with those names, row for row (so the row numbers of every
message stay those a spreadsheet shows), before the usual strict reading:

Headers it maps by itself (case-insensitive)
    * ``prefix:local_name`` terms, as Omeka S's CSV Import auto-maps them: ``dcterms:title``,
      ``dc:creator``, ``Dublin Core:Title`` (Omeka Classic), with an optional language tag
      ``dcterms:title@kk`` (also ``dcterms:title @kk``); the ``exh:`` prefix names this
      application's own fields that have no Dublin Core term (``exh:culture``, ``exh:media``).
    * the fifteen Dublin Core element names in English: ``Title``, ``Creator``, ``Subject``,
      ``Description``, ``Publisher``, ``Contributor``, ``Date``, ``Type``, ``Format``,
      ``Identifier``, ``Source``, ``Language``, ``Relation``, ``Coverage``, ``Rights``;
    * a file column (``File``, ``Files``, ``Media URL``, ``Image``, ``URL``...);
    * any other column through ``--map COL=TERM`` (TERM: one of the above, or a column name of
      our own format such as ``title@kk`` or ``technique@en``, or ``ignore``).
  Columns mapped to nothing (``Publisher``, ``Language``, a term this catalogue has no field
  for, an unknown language) are listed in ``ignored_columns`` and their cells are not read.

Values
    * untagged text goes to the language given (``--text-lang``, English by default);
    * ``Type`` values in DCMI or plain words (``StillImage``, ``Physical Object``, ``Text``,
      ``Map``...) become kinds; a row without one is an ``object`` (listed in ``warnings``);
    * ``Date`` may be how a curator writes it ("c. 1720"): it is kept as the displayed date
      and read as EDTF where it can be (``1720~``);
    * ``Coverage`` that is an ISO 3166-1 code is the country, otherwise the place;
    * ``Rights`` that is a licence URI is the licence; other text goes to the credit line;
    * ``Subject`` values may be separated by ``|`` or ``;``;
    * a remote file (``https://...``) is never downloaded: its address is kept as the item's
      source and listed in ``media_not_fetched``; a local file name is found as usual (in
      ``--media-from`` or the store);
    * a row without an identifier gets one made from its content (``CSV-`` and 10 hex digits),
      the same on every import of the same row, so importing a file twice updates, not doubles.

A file whose every column is already one of ours is read exactly as before (unknown columns
are errors there, with a suggestion), so a typo in our own format is still caught.

:func:`header_cells` gives the ``dcterms`` profile's header for export (``--profile dcterms``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from exhibition_app.core.countries import is_country
from exhibition_app.core.edtf import DateParseError, parse_date, parse_edtf
from exhibition_app.core.languages import TEXT_LANGUAGES
from exhibition_app.core.licences import is_licence_uri
from exhibition_app.core.vocabulary import KINDS
from exhibition_app.interop.csv_dc import FIELD_COLUMNS, neutralise, restore

__all__ = [
    "PROFILES",
    "ForeignCsv",
    "MapError",
    "header_cells",
    "normalise_csv",
    "parse_map",
]

#: Export profiles: ``default`` (``title@kk``), ``dcterms`` (``dcterms:title@kk``).
PROFILES: tuple[str, ...] = ("default", "dcterms")

#: Our column (before ``@lang``) -> its name in the dcterms profile.
DCTERMS_NAMES: dict[str, str] = {
    "identifier": "dcterms:identifier",
    "type": "dcterms:type",
    "title": "dcterms:title",
    "description": "dcterms:description",
    "culture": "exh:culture",
    "coverage.spatial": "dcterms:spatial",
    "creator": "dcterms:creator",
    # the date as a curator writes it, per language; the EDTF date is dcterms:date
    "date@": "exh:displayDate",
    "format.medium": "dcterms:medium",
    "technique": "exh:technique",
    "format.extent": "dcterms:extent",
    "creditline": "exh:creditLine",
    "date": "dcterms:date",
    "coverage": "dcterms:coverage",
    "rights": "dcterms:license",
    "source": "dcterms:source",
    "subject": "dcterms:subject",
    "relation": "dcterms:relation",
    "published": "exh:published",
    "featured": "exh:featured",
    "media": "exh:media",
    "cover": "exh:cover",
}


def header_cells(columns: Sequence[str], profile: str) -> list[str]:
    """The header row of an export in ``profile`` for our ``columns``."""
    if profile == "default":
        return list(columns)
    if profile != "dcterms":
        raise ValueError(f"unknown CSV profile '{profile}': use one of {', '.join(PROFILES)}")
    cells = []
    for column in columns:
        base, at, lang = column.partition("@")
        if at:
            name = DCTERMS_NAMES["date@"] if base == "date" else DCTERMS_NAMES[base]
            cells.append(f"{name}@{lang}")
        else:
            cells.append(DCTERMS_NAMES[column])
    return cells


# --------------------------------------------------------------------------- terms

#: What a term (a local name, lower case) means here: a text field (takes a language tag),
#: a scalar column of ours, or one of the lenient columns below ("*date", "*coverage"...).
_TEXT_TERMS: dict[str, str] = {
    "title": "title",
    "alternative": "title",
    "description": "description",
    "abstract": "description",
    "culture": "culture",
    "spatial": "coverage.spatial",
    "place": "coverage.spatial",
    "creator": "creator",
    "displaydate": "date",
    "medium": "format.medium",
    "materials": "format.medium",
    "technique": "technique",
    "extent": "format.extent",
    "dimensions": "format.extent",
    "creditline": "creditline",
    "credit_line": "creditline",
    "bibliographiccitation": "creditline",
}
_SCALAR_TERMS: dict[str, str] = {
    "identifier": "identifier",
    "accession_number": "identifier",
    "accessionnumber": "identifier",
    "type": "*type",
    "date": "*date",
    "created": "*date",
    "issued": "*date",
    "coverage": "*coverage",
    "rights": "*rights",
    "license": "*rights",
    "accessrights": "*rights",
    "source": "source",
    "subject": "*subject",
    "tags": "*subject",
    "relation": "relation",
    "published": "published",
    "featured": "featured",
    "media": "*file",
    "cover": "cover",
}
#: Headers of a column of file names or addresses (lower case, without a prefix).
_FILE_HEADERS = {
    "file",
    "files",
    "media url",
    "media_url",
    "media urls",
    "media source",
    "image",
    "images",
    "image url",
    "url",
    "urls",
    "o:media/o:source",
    "o:source",
    "file url",
    "sideload",
}
_PREFIXES = {"dcterms", "dc", "dublin core", "exh", "o", "omeka"}

#: DCMI Type vocabulary and plain words -> our kind.
_KIND_WORDS: dict[str, str] = {
    **{k: k for k in KINDS},
    "stillimage": "photograph",
    "still image": "photograph",
    "image": "photograph",
    "photo": "photograph",
    "photograph": "photograph",
    "physicalobject": "object",
    "physical object": "object",
    "artifact": "object",
    "artefact": "object",
    "object": "object",
    "text": "document",
    "document": "document",
    "manuscript": "document",
    "letter": "document",
    "map": "map",
    "maps": "map",
    "cartographic": "map",
    "cartographic material": "map",
    "atlas": "map",
}

_LANG_TAG = re.compile(r"^(?P<term>.+?)\s*@\s*(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)$")
_REMOTE = re.compile(r"^(?:https?|ftp)://", re.IGNORECASE)
_SHA = re.compile(r"[0-9a-fA-F]{64}(?::.*)?")
_OWN_COLUMN = re.compile(r"^[a-z.]+(?:@[a-z]{2,3}(?:-[a-z0-9]{2,8})*)?$")


class MapError(ValueError):
    """A ``--map`` that cannot be used (bad syntax, unknown term)."""


@dataclass(frozen=True)
class _Target:
    """Where a source column goes: ``column`` is ours (``title@en``, ``identifier``) or a
    lenient one (``*date``, ``*type``, ``*coverage``, ``*rights``, ``*subject``, ``*file``)
    that :class:`_RowMaker` turns into ours."""

    column: str
    lang: str = ""


def _language(tag: str) -> str | None:
    for lang in TEXT_LANGUAGES:
        if lang.lower() == tag.lower():
            return lang
    return None


def _split_term(header: str) -> tuple[str, str]:
    """(local name lower-cased, language tag as written or '') of a header cell."""
    name, tag = header.strip(), ""
    found = _LANG_TAG.match(name)
    if found:
        name, tag = found["term"].strip(), found["lang"]
    prefix, colon, local = name.rpartition(":")
    if colon and prefix.strip().lower() in _PREFIXES:
        name = local
    elif colon and prefix.strip().lower() == "o:media/o":
        name = "o:source"
    return name.strip().lower(), tag


def _target(header: str, text_lang: str) -> _Target | None:
    """The meaning of a header cell, or None when nothing here takes it."""
    low = header.strip().lower()
    if low in _FILE_HEADERS:
        return _Target("*file")
    local, tag = _split_term(header)
    if local in _FILE_HEADERS:
        return _Target("*file")
    own = _own_column(low)
    if own is not None:
        return own
    lang = text_lang
    if tag:
        found = _language(tag)
        if found is None:
            return None
        lang = found
    if local in _TEXT_TERMS:
        return _Target(f"{_TEXT_TERMS[local]}@{lang}", lang)
    if local in _SCALAR_TERMS:
        target = _SCALAR_TERMS[local]
        if tag and target in ("*date", "*coverage", "*rights"):
            # a tagged date/coverage/rights is text in that language
            text = {"*date": "date", "*coverage": "coverage.spatial", "*rights": "creditline"}
            return _Target(f"{text.get(target, target)}@{lang}", lang)
        return _Target(target, lang)
    return None


def _own_column(low: str) -> _Target | None:
    """Our own column name (``title@kk``, ``coverage.spatial@en``, ``media``), or None."""
    if not _OWN_COLUMN.match(low):
        return None
    base, at, tag = low.partition("@")
    if at:
        lang = _language(tag)
        if base in FIELD_COLUMNS.values() and lang is not None:
            return _Target(f"{base}@{lang}", lang)
        return None
    if base in ("identifier", "source", "relation", "published", "featured", "cover"):
        return _Target(base)
    # read leniently in a foreign file: what our strict reader would refuse ("Image",
    # "c. 1720", "Kazakhstan", "Public domain") is what other software writes there
    lenient = {"type", "date", "coverage", "rights", "subject", "media"}
    if base in lenient:
        return _Target("*file" if base == "media" else f"*{base}")
    return None


def parse_map(values: Sequence[str], text_lang: str = "en") -> dict[str, _Target | None]:
    """``["Nom=dcterms:title@ru", "Notes=ignore,Inv=identifier"]`` -> {source header lower
    case: target or None for ignore}. MapError names the bad entry."""
    mapping: dict[str, _Target | None] = {}
    for value in values:
        for entry in value.split(","):
            if not entry.strip():
                continue
            column, eq, term = (part.strip() for part in entry.partition("="))
            if not eq or not column or not term:
                raise MapError(
                    f"--map '{entry.strip()}': write COLUMN=TERM, e.g. Nom=dcterms:title"
                )
            if term.lower() == "ignore":
                mapping[column.lower()] = None
                continue
            target = _target(term, text_lang)
            if target is None:
                raise MapError(
                    f"--map '{entry.strip()}': '{term}' is not a term this catalogue has a "
                    "field for (e.g. dcterms:title@kk, Creator, technique@en, ignore)"
                )
            mapping[column.lower()] = target
    return mapping


# --------------------------------------------------------------------------- result


@dataclass
class ForeignCsv:
    """The file as our own columns, and what was done to get there."""

    data: bytes
    #: True when the headers were translated (not our own format).
    foreign: bool = False
    #: Source header -> our column, for every column that was read.
    mapped_columns: dict[str, str] = field(default_factory=dict)
    ignored_columns: list[str] = field(default_factory=list)
    #: {"row", "url"} for every remote file named (nothing is downloaded).
    media_not_fetched: list[dict[str, object]] = field(default_factory=list)
    #: {"row", "column", "message"}: what was assumed (not errors).
    warnings: list[dict[str, object]] = field(default_factory=list)
    #: Our column -> the source header, for naming columns in messages.
    origin: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- rows

#: Our list columns: values from several source columns (or several entries) are joined.
_LISTS = {"subject": "|", "media": "|", "source": " | "}


class _Row:
    """Our cells of one row (column -> text), filled column by column."""

    def __init__(self) -> None:
        self.cells: dict[str, str] = {}

    def get(self, column: str) -> str:
        return self.cells.get(column, "")

    def put(self, column: str, value: str) -> None:
        current = self.cells.get(column, "")
        if not current:
            self.cells[column] = value
        elif column in _LISTS:
            sep = _LISTS[column]
            if value not in current.split(sep):
                self.cells[column] = current + sep + value
        elif "@" in column and value not in current.split("\n"):
            self.cells[column] = current + "\n" + value  # a second value of a text: a new line


class _RowMaker:
    """Builds our cells for one source row."""

    def __init__(self, columns: list[tuple[int, _Target]], text_lang: str):
        self.columns = columns
        self.text_lang = text_lang
        #: languages with a displayed-date column of their own (a lenient date adds none)
        self.display_dates = {
            t.column.partition("@")[2] for _, t in columns if t.column.startswith("date@")
        }

    def make(self, row_no: int, cells: Sequence[str], result: ForeignCsv) -> dict[str, str]:
        row = _Row()
        if not any(cells):
            return row.cells  # a blank line stays blank (it is skipped, and counted)
        for pos, target in self.columns:
            # a line break inside a cell is a new line, whatever the file's line ends
            cell = (
                restore(cells[pos]).replace("\r\n", "\n").replace("\r", "\n")
                if pos < len(cells)
                else ""
            )
            if not cell.strip():
                continue
            if target.column.startswith("*"):
                self._lenient(row_no, target.column, cell.strip(), row, result)
            else:
                row.put(target.column, cell)
        self._defaults(row_no, row, cells, result)
        return row.cells

    def _lenient(self, row_no: int, column: str, value: str, row: _Row, result: ForeignCsv) -> None:
        lang = self.text_lang
        if column == "*type":
            word = value.lower().replace("_", " ")
            kind = _KIND_WORDS.get(word) or _KIND_WORDS.get(word.replace(" ", ""))
            row.put("type", kind or value)  # an unknown word: the strict reader names the kinds
        elif column == "*date":
            self._date(row_no, value, row, result)
        elif column == "*coverage":
            if len(value) == 2 and is_country(value.upper()):
                row.put("coverage", value.upper())
            else:
                row.put(f"coverage.spatial@{lang}", value)
        elif column == "*rights":
            row.put("rights" if is_licence_uri(value) else f"creditline@{lang}", value)
        elif column == "*subject":
            # "a|b" as we write it; "a; b" as many spreadsheets do
            for tag in re.split(r"\s*\|\s*" if "|" in value else r"\s*;\s*", value):
                if tag:
                    row.put("subject", tag)
        elif column == "*file":
            for entry in re.split(r"\s*[|;]\s*", value):
                if not entry:
                    continue
                if _REMOTE.match(entry):
                    result.media_not_fetched.append({"row": row_no, "url": entry})
                    row.put("source", entry)
                else:
                    row.put("media", entry)

    def _date(self, row_no: int, value: str, row: _Row, result: ForeignCsv) -> None:
        try:
            parse_edtf(value)
        except DateParseError:
            pass
        else:
            row.put("date", value)
            return
        try:
            row.put("date", parse_date(value).edtf)
        except DateParseError:
            _warn(result, row_no, "date", f"'{value}' is not a date this catalogue can read")
        if self.text_lang not in self.display_dates:
            row.put(f"date@{self.text_lang}", value)

    def _defaults(self, row_no: int, row: _Row, cells: Sequence[str], result: ForeignCsv) -> None:
        if not row.get("type").strip():
            row.put("type", "object")
            _warn(result, row_no, "type", "no type given: imported as an object")
        if not row.get("identifier").strip():
            digest = hashlib.sha256("\x1f".join(cells).encode("utf-8")).hexdigest()
            made = f"CSV-{digest[:10].upper()}"
            row.put("identifier", made)
            _warn(result, row_no, "identifier", f"no identifier: given {made}")


def _warn(result: ForeignCsv, row: int, column: str, message: str) -> None:
    result.warnings.append({"row": row, "column": column, "message": message})


# --------------------------------------------------------------------------- the file


def _is_own(header: Sequence[str], text_lang: str) -> bool:
    """True unless some header cell is not one of our columns but is a term this module
    maps (``Title``, ``dcterms:title``, ``File``): a file in our own format, typos and all,
    is left to the strict reader, which names unknown columns and suggests the right ones."""
    for cell in header:
        low = cell.strip().lower()
        if low and _own_column(low) is None and _target(cell, text_lang) is not None:
            return False
    return True


def normalise_csv(
    data: bytes,
    *,
    mapping: Mapping[str, _Target | None] | None = None,
    text_lang: str = "en",
    decode: Callable[[bytes], str],
) -> ForeignCsv:
    """Our own columns for the CSV file ``data`` (see the module docstring). A file in our
    own format and without ``mapping`` comes back as it is (the strict reader judges it).
    ``decode`` turns the bytes into text (ValueError for a file that is not UTF-8)."""
    if mapping is None:
        mapping = {}
    text = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error:
        return ForeignCsv(data)
    if header is None or (not mapping and _is_own(header, text_lang)):
        return ForeignCsv(data)
    result = ForeignCsv(b"", foreign=True)
    columns: list[tuple[int, _Target]] = []
    for pos, cell in enumerate(header):
        name = cell.strip()
        if not name:
            continue
        key = name.lower()
        target = mapping[key] if key in mapping else _target(name, text_lang)
        if target is None:
            result.ignored_columns.append(name)
            continue
        columns.append((pos, target))
        shown_as = target.column
        result.mapped_columns[name] = _our_column(shown_as)
        result.origin.setdefault(_our_column(shown_as), name)
    maker = _RowMaker(columns, text_lang)
    rows: list[dict[str, str]] = []
    try:
        for row_no, cells in enumerate(reader, start=2):
            rows.append(maker.make(row_no, cells, result))
    except csv.Error:
        return ForeignCsv(data)  # the strict reader reports where the file breaks
    out = _out_columns(columns, rows)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(out)
    for row in rows:
        writer.writerow([neutralise(row.get(column, "")) for column in out])
    result.data = buffer.getvalue().encode("utf-8")
    return result


def _our_column(column: str) -> str:
    """The column of ours a target fills (for naming it in messages)."""
    lenient = {
        "*type": "type",
        "*date": "date",
        "*coverage": "coverage",
        "*rights": "rights",
        "*subject": "subject",
        "*file": "media",
    }
    return lenient.get(column, column)


def _out_columns(columns: list[tuple[int, _Target]], rows: list[dict[str, str]]) -> list[str]:
    """Our header for the normalised file: the required columns, every column a source
    column maps to directly, and every column a lenient one filled in some row (a column
    that is present replaces the field, so none is added that the file does not speak of)."""
    out: list[str] = ["identifier", "type"]
    for _, target in columns:
        if not target.column.startswith("*") and target.column not in out:
            out.append(target.column)
    filled: set[str] = set()
    for row in rows:
        filled.update(row)
    if any(target.column == "*subject" for _, target in columns):
        out.append("subject")  # an empty Subject cell clears the tags, as ours does
    out += sorted(filled - set(out))
    return out
