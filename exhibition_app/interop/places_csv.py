"""A map's places (annotations) as CSV, every language in a column of its own (no database).

One row per place; columns, in the order they are written::

    id            the annotation's id in the catalogue it came from (empty: a new place)
    x, y          the place in the image's own pixels
    lon, lat      longitude and latitude (empty when the map is not georeferenced); written
                  for a reader, ignored on import (they follow from x, y and the map)
    label@xx      the place's label in language xx
    text@xx       its text
    credit@xx     who wrote the text (and translated it)

``xx`` is every language any place has: the exhibition's four (en, kk, ru, mn) always, then
the others sorted (a museum's German source text, ``label@de``). UTF-8 with a byte-order
mark, RFC 4180, ``\\r\\n`` line ends, like the items' CSV; a cell that a spreadsheet would run
as a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return first) is written with a
leading ``'``, removed again on import (so ``-0.5`` in x is a number there, not a formula).

On import every column is optional except ``x`` and ``y``; a ``field@lang`` column that is
present replaces that text (an empty cell removes it), one that is absent leaves it alone.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from exhibition_app.core.languages import LANGUAGES
from exhibition_app.errors import shown

__all__ = ["PLACE_FIELDS", "PlaceRow", "PlacesCsvError", "parse_places", "write_places"]

#: The translatable fields of a place, as the columns name them.
PLACE_FIELDS: tuple[str, ...] = ("label", "text", "credit")
_COLUMN = re.compile(r"(label|text|credit)@([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class PlacesCsvError(ValueError):
    """A file that cannot be imported; the message lists its problems, one per line."""


@dataclass(frozen=True)
class PlaceRow:
    """One row: the id it names (None for a new place), where it is, its texts by field
    and language (only the columns the file has; "" removes that text)."""

    line: int
    id: int | None
    x: float
    y: float
    texts: dict[str, dict[str, str]] = field(default_factory=dict)


def _guard(value: str) -> str:
    quoted = value.lstrip("'")
    return "'" + value if quoted.startswith(_FORMULA_START) else value


def _unguard(value: str) -> str:
    quoted = value.lstrip("'")
    return value[1:] if value.startswith("'") and quoted.startswith(_FORMULA_START) else value


def _number(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def write_places(places: Iterable[Mapping[str, Any]]) -> bytes:
    """The places of ``annotations list --json`` (texts as ``{lang: value}``) as CSV bytes."""
    rows = list(places)
    others = sorted(
        {lang for p in rows for f in PLACE_FIELDS for lang in p.get(f) or {}} - set(LANGUAGES)
    )
    langs = [*LANGUAGES, *others]
    columns = [f"{f}@{lang}" for f in PLACE_FIELDS for lang in langs]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["id", "x", "y", "lon", "lat", *columns])
    for p in rows:
        texts = [
            _guard(str((p.get(f) or {}).get(lang, ""))) for f in PLACE_FIELDS for lang in langs
        ]
        numbers = [p.get(k) for k in ("x", "y", "lon", "lat")]
        writer.writerow([p["id"], *(_guard(_number(n)) for n in numbers), *texts])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def _header(names: Sequence[str]) -> tuple[dict[str, int], list[tuple[int, str, str]], list[str]]:
    index: dict[str, int] = {}
    texts: list[tuple[int, str, str]] = []
    problems: list[str] = []
    for i, raw in enumerate(names):
        name = raw.strip()
        key = name.lower()
        if key in ("id", "x", "y", "lon", "lat"):
            index[key] = i
            continue
        match = _COLUMN.fullmatch(name)
        if match is None:
            problems.append(
                f"column {i + 1} ({shown(name)!r}) is none of id, x, y, lon, lat, "
                "label@xx, text@xx, credit@xx"
            )
            continue
        texts.append((i, match.group(1), match.group(2)))
    seen = [key for key in (f"{f}@{lang}" for _i, f, lang in texts)]
    for twice in sorted({c for c in seen if seen.count(c) > 1}):
        problems.append(f"the column {twice} is there twice")
    for needed in ("x", "y"):
        if needed not in index:
            problems.append(f"the file has no '{needed}' column")
    return index, texts, problems


def parse_places(data: bytes) -> list[PlaceRow]:
    """The rows of a places CSV; PlacesCsvError listing every problem (line and column)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlacesCsvError(f"the file is not UTF-8 text (byte {exc.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise PlacesCsvError("the file is empty") from None
    except csv.Error as exc:
        raise PlacesCsvError(f"line 1: {exc}") from None
    index, text_columns, problems = _header(header)
    rows: list[PlaceRow] = []
    ids: dict[int, int] = {}
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue

            def cell(i: int, cells: list[str] = cells) -> str:
                return _unguard(cells[i].strip()) if i < len(cells) else ""

            place_id: int | None = None
            if "id" in index and cell(index["id"]):
                raw = cell(index["id"])
                if raw.isdigit() and 0 < int(raw) < 2**63:
                    place_id = int(raw)
                    if place_id in ids:
                        problems.append(f"line {line}: id {raw} is also on line {ids[place_id]}")
                    ids[place_id] = line
                else:
                    problems.append(f"line {line}, id: {shown(raw)!r} is not an id")
            where: list[float] = []
            for name in ("x", "y"):
                if name not in index:
                    continue
                raw = cell(index[name])
                try:
                    value = float(raw)
                except ValueError:
                    value = math.nan
                if not math.isfinite(value):
                    problems.append(f"line {line}, {name}: {shown(raw)!r} is not a number")
                where.append(value)
            texts: dict[str, dict[str, str]] = {}
            for i, f, lang in text_columns:
                texts.setdefault(f, {})[lang] = cell(i)
            if len(where) == 2:
                rows.append(PlaceRow(line, place_id, where[0], where[1], texts))
    except csv.Error as exc:
        problems.append(f"line {reader.line_num}: {exc}")
    if problems:
        raise PlacesCsvError("\n".join(problems))
    return rows
