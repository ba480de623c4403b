"""Reading museum-written KML annotations: placemarks with a name, a text and a point.

:func:`parse_kml` turns the bytes of a KML file into a :class:`KmlResult`:
the usable :class:`Placemark` objects, in document order, and one
human-readable reason for every placemark that was left out.

What is read
    KML 2.0, 2.1 and 2.2 (``http://earth.google.com/kml/2.x`` and
    ``http://www.opengis.net/kml/2.2``) and KML without a namespace.
    Placemarks are found at any depth (``Document`` and ``Folder`` nesting).
    Only elements in the root's namespace count, so an ``atom:name`` is not
    taken for a placemark's ``name``. A placemark's ``id`` attribute is kept
    (the import recognises the ids this app writes, ``place-<id>``). A
    placemark's position is the first coordinate tuple of its first ``Point`` (also inside a
    ``MultiGeometry``); a placemark without a Point (a ``LineString`` or
    ``Polygon`` only, or no geometry), with unreadable coordinates, or with a
    longitude outside [-180, 180] or latitude outside [-90, 90] is skipped,
    and ``KmlResult.skipped`` says which one and why.  Descriptions are HTML
    (often inside CDATA) and are turned into plain text by
    :func:`html_to_text`; names have their whitespace normalised.

Encoding
    The XML declaration's encoding is honoured (UTF-8 when there is none;
    UTF-16, ISO-8859-1/Latin-1, ASCII and the single-byte encodings Python
    knows, such as windows-1252, all work). Multi-byte encodings that expat
    cannot read itself (Shift_JIS, GB18030, Big5, EUC-KR...) are decoded by
    Python first; an encoding Python does not know is refused by name.

Safety
    The file is parsed once, with :mod:`xml.parsers.expat` directly, and
    refused with a one-line :class:`KmlError` as soon as a document type
    declaration (``<!DOCTYPE``) starts, before any entity in it is declared
    or expanded: this rules out external entities (no file or network access
    is ever attempted) and entity-expansion bombs ("billion laughs").  Files
    over ``max_bytes`` (20 MB of 1024 x 1024 bytes by default) are refused before parsing (and
    never read past the limit, whatever the file system says of their size: devices and pipes,
    whose size reads as 0, are refused as not being files), and parsing stops at more than
    ``max_placemarks`` (100,000) placemarks. Names quoted in messages are made safe to print.
    Malformed XML and XML that is not KML are refused with messages such as
    ``"behaim.kml: not valid KML (line 3: mismatched tag)"``.
"""

from __future__ import annotations

import codecs
import math
import re
import stat
import xml.parsers.expat
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from exhibition_app.errors import InvalidInput, shown

__all__ = [
    "KML_NAMESPACES",
    "MAX_BYTES",
    "MAX_PLACEMARKS",
    "KmlError",
    "KmlResult",
    "Placemark",
    "html_to_text",
    "parse_kml",
    "read_kml",
]

MAX_BYTES = 20 * 1024 * 1024
"""Default size limit of a KML file, in bytes."""

MAX_PLACEMARKS = 100_000
"""Default limit on the number of placemarks in one file."""

KML_NAMESPACES = frozenset(
    {
        "",
        "http://earth.google.com/kml/2.0",
        "http://earth.google.com/kml/2.1",
        "http://earth.google.com/kml/2.2",
        "http://www.opengis.net/kml/2.2",
    }
)
"""Namespaces of the ``kml`` root element that are accepted (``""``: none)."""

_NS_SEP = "}"
#: ``<Data name="name:kk">``: a name or description in a language (BCP 47, e.g. mn-Mong).
_DATA_NAME = re.compile(r"(name|description):([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)")
_GEOMETRIES = frozenset(
    {"Point", "LineString", "LinearRing", "Polygon", "MultiGeometry", "Model", "Track"}
)


class KmlError(InvalidInput):
    """A KML file that is refused as a whole; the message is one line naming the source."""


@dataclass(frozen=True)
class Placemark:
    """A point annotation: name, plain-text description, longitude and latitude in degrees,
    and the placemark's ``id`` attribute ("" when it has none)."""

    name: str
    description: str
    lon: float
    lat: float
    id: str = ""
    #: Names and descriptions by language from ``ExtendedData`` (``<Data name="name:kk">``,
    #: ``description:kk``, as this app's export writes every language): (field, language,
    #: text) with field "name" or "description", the text plain.
    translations: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class KmlResult:
    """What :func:`parse_kml` found: usable placemarks and a reason per skipped placemark."""

    placemarks: tuple[Placemark, ...]
    skipped: tuple[str, ...] = ()


# --- HTML descriptions ---------------------------------------------------------------------

_LINE_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "header", "hr", "li", "main", "nav", "ol", "pre",
        "section", "table", "tbody", "thead", "tfoot", "tr", "ul",
    }
)  # fmt: skip
_PARAGRAPH_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
_CELL_TAGS = frozenset({"td", "th"})
_HIDDEN_TAGS = frozenset({"script", "style", "head", "template", "title"})
_SPACES = re.compile(r"\s+")
_TAG_LIKE = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
_MARKUP_START = re.compile(r"<[A-Za-z/!?]")


class _TextExtractor(HTMLParser):
    """Collects the visible text of an HTML fragment, with line and paragraph breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.pending = 0  # newlines owed before the next text: 1 line, 2 paragraph
        self.at_line_start = True
        self.hidden = 0

    def _break(self, n: int, *, add: bool = False) -> None:
        self.pending = min(2, self.pending + n) if add else max(self.pending, n)
        self.at_line_start = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag == "br":
            self._break(1, add=True)
        elif tag in _PARAGRAPH_TAGS:
            self._break(2)
        elif tag in _LINE_TAGS:
            self._break(1)
        elif tag in _CELL_TAGS and not self.at_line_start:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _PARAGRAPH_TAGS:
            self._break(2)
        elif tag in _LINE_TAGS:
            self._break(1)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        text = _SPACES.sub(" ", data.replace("\xa0", " "))
        if self.at_line_start:
            text = text.lstrip()
        if not text:
            return
        if self.pending and self.parts:
            self.parts.append("\n" * self.pending)
        self.pending = 0
        self.at_line_start = False
        self.parts.append(text)

    def close(self) -> None:
        # An unterminated tag or comment at the end ("<FONT FACE=x") is markup, not text:
        # drop it, as HTML5 does, instead of letting close() hand it over as data.
        if _MARKUP_START.match(self.rawdata):
            self.rawdata = ""
        super().close()

    def text(self) -> str:
        lines = "".join(self.parts).split("\n")
        return "\n".join(_SPACES.sub(" ", line).strip() for line in lines).strip()


def html_to_text(html: str) -> str:
    """Readable plain text of an HTML fragment.

    Block tags (``p``, ``br``, ``div``, ``li``, ``h1``-``h6``, ``tr``, ...)
    become line breaks (``p`` and headings a blank line), entities are
    decoded (``&auml;`` -> ``ä``, ``&nbsp;`` -> space), the content of
    ``script``, ``style`` and ``head`` is dropped, every other tag is
    removed, and runs of whitespace become one space.  The result never
    contains a tag, even for broken HTML such as an unterminated ``<FONT``;
    escaped text that looks like a tag (``&lt;b&gt;``) is removed as well, so
    that no label can render it, while a lone ``<`` or ``>`` stays.
    """
    if "<" not in html and "&" not in html:  # plain text: only whitespace to normalise
        return _SPACES.sub(" ", html).strip()
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = parser.text()
    if "<" in text:
        text = "\n".join(
            _SPACES.sub(" ", line).strip() for line in _TAG_LIKE.sub("", text).split("\n")
        )
    return text.strip()


# --- KML -----------------------------------------------------------------------------------


@dataclass
class _PlacemarkDraft:
    index: int
    depth: int  # depth of the <Placemark> element in the document
    id: str = ""  # the placemark's id attribute
    data: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # ExtendedData
    data_key: tuple[str, str] | None = None  # the <Data name="name:kk"> being read
    name: list[str] = field(default_factory=list)
    description: list[str] = field(default_factory=list)
    coordinates: list[str] = field(default_factory=list)
    geometries: list[str] = field(default_factory=list)
    point_seen: bool = False
    in_first_point: bool = False


class _Collector:
    """Expat handlers that build placemark drafts while the document streams past."""

    def __init__(self, source: str, max_placemarks: int) -> None:
        self.source = source
        self.max_placemarks = max_placemarks
        self.ns: str | None = None  # the root element's namespace, once seen
        self.depth = 0
        self.count = 0
        self.drafts: list[_PlacemarkDraft] = []
        self.open: list[_PlacemarkDraft] = []
        self.capture: list[str] | None = None  # the text buffer of the element being read
        self.capture_depth = 0

    def refuse_doctype(self, *_args: object) -> None:
        raise KmlError(
            f"{self.source}: refused: the file contains a DOCTYPE declaration, which KML never "
            "needs (entity declarations could read local files or expand without bound)"
        )

    def refuse_entity(self, *_args: object) -> None:
        raise KmlError(f"{self.source}: refused: the file declares XML entities")

    def refuse_external(self, *_args: object) -> int:
        raise KmlError(f"{self.source}: refused: the file refers to an external entity")

    def start(self, qname: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        ns, _, local = qname.rpartition(_NS_SEP)
        if self.ns is None:
            if local != "kml":
                raise KmlError(
                    f"{self.source}: not a KML file (the root element is <{local}>, not <kml>)"
                )
            if ns not in KML_NAMESPACES:
                raise KmlError(f"{self.source}: unsupported KML namespace {ns!r}")
            self.ns = ns
        if ns != self.ns:
            if local in _GEOMETRIES and self.open:
                self.open[-1].geometries.append(local)
            return
        if local == "Placemark":
            self.count += 1
            if self.count > self.max_placemarks:
                raise KmlError(
                    f"{self.source}: refused: more than {self.max_placemarks:,} placemarks"
                )
            draft = _PlacemarkDraft(
                index=self.count, depth=self.depth, id=(attrs.get("id") or "").strip()[:200]
            )
            self.drafts.append(draft)
            self.open.append(draft)
            return
        if not self.open:
            return
        draft = self.open[-1]
        if local in _GEOMETRIES:
            draft.geometries.append(local)
            if local == "Point" and not draft.point_seen:
                draft.point_seen = draft.in_first_point = True
        if self.capture is not None:
            return
        if self.depth == draft.depth + 1 and local in ("name", "description"):
            self.capture = draft.name if local == "name" else draft.description
        elif local == "Data":
            match = _DATA_NAME.fullmatch((attrs.get("name") or "").strip())
            draft.data_key = None
            if match and len(match.group(2)) <= 8:  # what a catalogue's language code holds
                primary, dash, rest = match.group(2).partition("-")
                draft.data_key = (match.group(1), primary.lower() + dash + rest)
        elif local == "value" and draft.data_key is not None:
            self.capture = draft.data.setdefault(draft.data_key, [])
            self.capture.clear()  # a second <value> replaces the first
        elif local == "coordinates" and draft.in_first_point:
            self.capture = draft.coordinates
        if self.capture is not None:
            self.capture_depth = self.depth

    def end(self, qname: str) -> None:
        ns, _, local = qname.rpartition(_NS_SEP)
        if self.capture is not None and self.depth == self.capture_depth:
            self.capture = None
        if ns == self.ns and self.open:
            if local == "Point":
                self.open[-1].in_first_point = False
            elif local == "Data":
                self.open[-1].data_key = None
            elif local == "Placemark" and self.depth == self.open[-1].depth:
                self.open.pop()
        self.depth -= 1

    def data(self, text: str) -> None:
        if self.capture is not None:
            self.capture.append(text)


def _label(draft: _PlacemarkDraft, name: str) -> str:
    return f"placemark {draft.index} ({name!r})" if name else f"placemark {draft.index}"


def _finish(draft: _PlacemarkDraft) -> Placemark | str:
    """The placemark of ``draft``, or the reason it is skipped."""
    name = _SPACES.sub(" ", "".join(draft.name)).strip()
    label = _label(draft, name)
    if not draft.point_seen:
        kinds = sorted(set(draft.geometries) - {"MultiGeometry"})
        has = f"it has {', '.join(kinds)}" if kinds else "it has no geometry"
        return f"{label}: no Point geometry ({has}); only points are shown"
    tuples = "".join(draft.coordinates).split()
    if not tuples:
        return f"{label}: its Point has no coordinates"
    first = tuples[0]
    fields = first.split(",")
    if len(fields) < 2:
        return f"{label}: coordinates {first!r} are not 'longitude,latitude[,altitude]'"
    try:
        lon, lat = float(fields[0]), float(fields[1])
    except ValueError:
        return f"{label}: coordinates {first!r} are not numbers"
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return f"{label}: coordinates {first!r} are not finite numbers"
    if not -180.0 <= lon <= 180.0:
        return f"{label}: longitude {lon:g} is outside -180..180"
    if not -90.0 <= lat <= 90.0:
        return f"{label}: latitude {lat:g} is outside -90..90"
    description = html_to_text("".join(draft.description))
    translations = tuple(
        (kind, lang, _SPACES.sub(" ", "".join(parts)).strip() if kind == "name" else
         html_to_text("".join(parts)))
        for (kind, lang), parts in sorted(draft.data.items())
    )  # fmt: skip
    return Placemark(
        name=name,
        description=description,
        lon=lon,
        lat=lat,
        id=draft.id,
        translations=translations,
    )


def _size(n: int) -> str:
    """``n`` bytes for a message: "30.0 MB" (MB of 1024 x 1024 bytes) or "512 bytes"."""
    return f"{n / 2**20:.1f} MB" if n >= 2**20 // 10 else f"{n:,} bytes"


def parse_kml(
    data: bytes,
    *,
    source: str = "file",
    max_bytes: int = MAX_BYTES,
    max_placemarks: int = MAX_PLACEMARKS,
) -> KmlResult:
    """Parse KML ``data``; ``source`` (a file name) starts every error message.

    Raises :class:`KmlError` for unsafe, oversized, malformed or non-KML
    input; placemarks that cannot be shown are listed in
    :attr:`KmlResult.skipped` instead.
    """
    if len(data) > max_bytes:
        raise KmlError(
            f"{source}: refused: the file is {_size(len(data))}, "
            f"over the limit of {_size(max_bytes)}"
        )
    source = shown(source)
    data = _as_expat_can_read(data, source)
    collector = _Collector(source, max_placemarks)
    parser = xml.parsers.expat.ParserCreate(namespace_separator=_NS_SEP)
    parser.buffer_text = True
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = collector.refuse_doctype
    parser.EntityDeclHandler = collector.refuse_entity
    parser.UnparsedEntityDeclHandler = collector.refuse_entity
    parser.ExternalEntityRefHandler = collector.refuse_external
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.data
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        message = xml.parsers.expat.errors.messages.get(exc.code, str(exc))
        raise KmlError(f"{source}: not valid KML (line {exc.lineno}: {message})") from None
    except KmlError:
        raise
    except (LookupError, ValueError) as exc:  # an encoding Python does not know
        raise KmlError(f"{source}: not valid KML ({shown(exc)})") from None
    if collector.ns is None:
        raise KmlError(f"{source}: not valid KML (no root element)")
    placemarks: list[Placemark] = []
    skipped: list[str] = []
    for draft in collector.drafts:
        result = _finish(draft)
        if isinstance(result, Placemark):
            placemarks.append(result)
        else:
            skipped.append(result)
    return KmlResult(tuple(placemarks), tuple(skipped))


_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
#: What expat reads by itself (Python's pyexpat adds the single-byte codecs it knows).
_EXPAT_ENCODINGS = frozenset({"utf-8", "utf-16", "utf-16-le", "utf-16-be", "ascii", "latin-1"})


def _as_expat_can_read(data: bytes, source: str) -> bytes:
    """``data`` as it is, or re-encoded as UTF-8 when it declares a multi-byte encoding
    that expat cannot read (Shift_JIS, GB18030, Big5...)."""
    match = _DECLARED_ENCODING.match(data.lstrip(b"\xef\xbb\xbf")[:200])
    if match is None:
        return data
    declared = match.group(1).decode("ascii")
    try:
        codec = codecs.lookup(declared)
    except LookupError:
        raise KmlError(
            f"{source}: refused: it declares the encoding {shown(declared)!r}, which is not "
            "known here (save it as UTF-8)"
        ) from None
    if codec.name in _EXPAT_ENCODINGS or _single_byte(codec):
        return data
    try:
        text = data.decode(codec.name)
    except UnicodeDecodeError as exc:
        raise KmlError(
            f"{source}: not valid KML (byte {exc.start} is not {shown(declared)} text)"
        ) from None
    # The declaration is ASCII in every encoding that gets here: rename it in the text.
    start, end = (len(data[:i].decode(codec.name)) for i in match.span(1))
    return (text[:start] + "UTF-8" + text[end:]).encode("utf-8")


def _single_byte(codec: codecs.CodecInfo) -> bool:
    try:
        return len(bytes(range(256)).decode(codec.name, "replace")) == 256
    except (UnicodeError, LookupError, TypeError):
        return False


def read_kml(
    path: Path | str, *, max_bytes: int = MAX_BYTES, max_placemarks: int = MAX_PLACEMARKS
) -> KmlResult:
    """Parse the KML file at ``path``: a regular file, read up to ``max_bytes`` at most."""
    path = Path(path)
    name = shown(path.name)
    refused = KmlError(f"{name}: refused: not a regular file (a device, pipe or folder)")
    try:
        # Looked at before it is opened: opening a pipe would wait for a writer.
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise refused
        if info.st_size > max_bytes:
            raise KmlError(
                f"{name}: refused: the file is {_size(info.st_size)}, "
                f"over the limit of {_size(max_bytes)}"
            )
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except IsADirectoryError:
        raise refused from None
    except OSError as exc:
        raise KmlError(f"{name}: cannot be read ({shown(exc.strerror or exc)})") from None
    if len(data) > max_bytes:
        raise KmlError(f"{name}: refused: the file grew over the limit of {_size(max_bytes)}")
    return parse_kml(data, source=path.name, max_bytes=max_bytes, max_placemarks=max_placemarks)
