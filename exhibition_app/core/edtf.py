"""Museum dates: display text, EDTF, and earliest/latest years for sorting.

A catalogue date is kept three ways (see :class:`DateSpec`): the text a
curator wrote (``"c. 1720"``), the same date in EDTF, the Extended
Date/Time Format of the Library of Congress, now ISO 8601-2 (``"1720~"``),
and the earliest and latest year it may mean (1710 and 1730), which are what
sorting and filtering use.

Years
    All years are *astronomical* integers, as in EDTF: year ``0`` is 1 BC,
    ``-1`` is 2 BC, and EDTF ``"-0399"`` is 400 BC.  A year of BC reckoning
    ``b`` is therefore ``1 - b``.  EDTF years have four digits and a sign
    (``"0005"``, ``"-0499"``); longer ones use the ``Y`` prefix
    (``"Y-11999"`` is 12000 BC).

Centuries and millennia
    The *n*-th century AD is the EDTF ``"17XX"`` convention: years
    ``(n-1)*100`` to ``(n-1)*100 + 99`` (18th century = 1700-1799; the first
    century is 0-99).  The *n*-th century BC is ``n*100`` BC to
    ``(n-1)*100 + 1`` BC, i.e. astronomical ``-(n*100 - 1)`` to
    ``-(n-1)*100`` (5th century BC = ``-0499/-0400``).  Millennia likewise
    with 1000.  BC centuries and millennia are written as EDTF intervals.
    "Early", "mid" and "late" are thirds of a century (years 0-33, 34-66 and
    67-99 of it: early 18th century = ``1700/1733``); "first half" and
    "second half" are years 0-49 and 50-99.

Qualifiers
    Approximate (``~``, "c. 1720") widens the range by :data:`APPROX_MARGIN`
    years on each side; uncertain (``?``, "1720?") leaves it as it is; ``%``
    is both.  An open or unknown end of an interval (``"../1500"``,
    ``"1800/.."``, ``"/1500"``) is taken to lie :data:`OPEN_SPAN` years from
    the known end, so "before 1500" is 1400-1500 and "after 1800" is
    1800-1900.

Supported EDTF
    Level 0 dates (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) and intervals, and
    from level 1: ``Y`` years, seasons (``YYYY-21`` .. ``YYYY-24``), the
    qualifiers ``? ~ %`` after a whole date, unspecified digits on the right
    of a year (``"168X"``, ``"17XX"``, ``"1XXX"``, also negative), and open or
    unknown interval ends.  Everything else raises :class:`DateParseError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from exhibition_app.core.edtf_display import format_date
from exhibition_app.core.edtf_syntax import (
    APPROX_MARGIN,
    CENTURY_PARTS,
    DATE_HINT,
    MONTH_NAMES,
    OPEN_SPAN,
    DateParseError,
    edtf_year,
    parse_edtf,
    qualifier,
)

__all__ = [
    "APPROX_MARGIN",
    "OPEN_SPAN",
    "DateParseError",
    "DateSpec",
    "format_date",
    "parse_date",
    "parse_edtf",
]


@dataclass(frozen=True)
class DateSpec:
    """A catalogue date: display text, EDTF, and earliest/latest astronomical years."""

    display: str
    edtf: str
    earliest: int
    latest: int


# ---------------------------------------------------------------------------
# Curator text
# ---------------------------------------------------------------------------

_MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
_MONTHS.update({name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, 1)})
_MONTHS["sept"] = 9
_SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
_ORDINAL_WORDS = {
    word: i
    for i, word in enumerate(
        (
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ),
        1,
    )
}
_ORDINAL_WORDS["twenty first"] = 21
_PART_WORDS = {
    "early": "early",
    "mid": "mid",
    "middle": "mid",
    "late": "late",
    "first half of": "first half",
    "1st half of": "first half",
    "second half of": "second half",
    "2nd half of": "second half",
}

# (re.VERBOSE ignores spaces in a pattern, hence \s+ in "twenty first")
_WORD_ALTERNATIVES = "|".join(
    word.replace(" ", r"\s+") for word in sorted(_ORDINAL_WORDS, key=len, reverse=True)
)
_APPROX_WORDS = r"(?:c\.|c(?=\s*[0-9])|ca\.?|circa|about|approx\.?|approximately|around|roughly)"
_ERA = r"(?P<era>b\.c\.e\.|b\.c\.|bce|bc|c\.e\.|ce|a\.d\.|ad)"
_SIDE = re.compile(
    rf"""
    (?:(?P<approx>{_APPROX_WORDS})\s*)?
    (?:the\s+)?
    (?:(?P<pre_era>a\.d\.|ad)\s*)?
    (?:
        (?:(?P<day>[0-9]{{1,2}})\s+)?
        (?P<month>{"|".join(sorted(_MONTHS, key=len, reverse=True))})\.?
        (?:\s+(?P<day2>[0-9]{{1,2}}),)?
        \s+(?P<myear>[0-9]{{1,6}})
      | (?P<season>{"|".join(_SEASONS)})\s+(?:of\s+)?(?P<syear>[0-9]{{1,6}})
      | (?:(?P<part>early|middle|mid|late|(?:first|1st|second|2nd)\s+half\s+of)\s+(?:the\s+)?)?
        (?:
            (?P<ordinal>[0-9]{{1,3}})(?:st|nd|rd|th)
          | (?P<word>{_WORD_ALTERNATIVES})
          | (?P<roman>[ivxlcdm]+)(?=\s*(?:cent|mill|cc?\.|c\b)|\Z)
        )
      | (?P<decade>[0-9]{{1,5}}0)'?s
      | (?P<number>[0-9]{{1,6}})
    )
    (?:\s*(?P<unit>centuries|century|cent\.?|cc\.|c\.|c|millennia|millennium|mill\.?))?
    (?:\s*{_ERA})?
    \s*(?P<unc>\?|\(\?\))?
    """,
    re.VERBOSE,
)
_ROMAN = re.compile(r"m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_RANGE_SPLIT = re.compile(r"\s*-\s*|\s+(?:to|until|till|and)\s+")
_OPEN_PREFIX = re.compile(
    r"""(?:
        (?P<before>not\s+after|not\s+later\s+than|no\s+later\s+than|before|pre|ante|until|by)
      | (?P<after>not\s+before|not\s+earlier\s+than|no\s+earlier\s+than|after|post|since|from)
    )\s+(?P<rest>.+)""",
    re.VERBOSE,
)
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-") | {"’": "'", "\u00a0": " "})

_Kind = Literal["year", "month", "decade", "century", "millennium"]


@dataclass
class _Side:
    """One side of a curator's date, before the sides are reconciled."""

    kind: _Kind
    number: int  # the year as written, or the ordinal of a century/millennium
    digits: str = ""  # the year digits as written (for "1689-95")
    era: str | None = None  # "bc", "ad" or None
    part: str | None = None
    month: int = 0
    day: int = 0
    approx: bool = False
    uncertain: bool = False
    unit_given: bool = True


def _roman_value(roman: str) -> int:
    total = 0
    for char, following in zip(roman, [*roman[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def _read_side(text: str, whole: str) -> _Side:
    match = _SIDE.fullmatch(text.strip())
    if match is None:
        raise DateParseError(whole)
    era_text = match["era"] or match["pre_era"]
    era = None if era_text is None else ("bc" if "b" in era_text else "ad")
    approx = match["approx"] is not None
    uncertain = match["unc"] is not None
    unit = match["unit"]
    if match["month"] or match["season"]:
        if match["month"]:
            year_digits, month = match["myear"], _MONTHS[match["month"]]
            day = int(match["day"] or match["day2"] or 0)
        else:
            year_digits, month, day = match["syear"], _SEASONS[match["season"]], 0
        return _Side(
            "month", int(year_digits), year_digits, era, None, month, day, approx, uncertain
        )
    if match["decade"]:
        if unit:
            raise DateParseError(whole)
        digits = match["decade"][:-1]
        return _Side("decade", int(match["decade"]), digits, era, None, 0, 0, approx, uncertain)
    if match["number"]:
        if unit:
            raise DateParseError(whole, "write a century as '18th century'")
        digits = match["number"]
        return _Side("year", int(digits), digits, era, None, 0, 0, approx, uncertain)
    if match["roman"]:
        if not _ROMAN.fullmatch(match["roman"]):
            raise DateParseError(whole, f"{match['roman'].upper()!r} is not a Roman numeral")
        ordinal = _roman_value(match["roman"])
    elif match["word"]:
        ordinal = _ORDINAL_WORDS[match["word"]]
    else:
        ordinal = int(match["ordinal"])
    if ordinal < 1:
        raise DateParseError(whole, "centuries and millennia are counted from 1")
    kind: _Kind = "millennium" if unit and unit.startswith("mill") else "century"
    part = _PART_WORDS[" ".join(match["part"].split())] if match["part"] else None
    if part and kind != "century":
        raise DateParseError(whole, "early, mid and late apply to centuries only")
    return _Side(kind, ordinal, "", era, part, 0, 0, approx, uncertain, unit_given=unit is not None)


def _astronomical(year: int, era: str | None, whole: str) -> int:
    if year == 0:
        raise DateParseError(whole, "there is no year 0 in BC/AD reckoning; use 1 BC or AD 1")
    return 1 - year if era == "bc" else year


def _side_span(side: _Side, whole: str) -> tuple[int, int, str]:
    """Return ``(lo, hi, edtf)`` of one side; the EDTF carries its qualifier."""
    qual = qualifier(side.approx, side.uncertain)
    if side.kind in ("year", "month"):
        year = _astronomical(side.number, side.era, whole)
        edtf = edtf_year(year)
        if side.month:
            edtf += f"-{side.month:02d}"
            if side.day:
                edtf += f"-{side.day:02d}"
        return year, year, edtf + qual
    if side.kind == "decade":
        if side.era == "bc":
            raise DateParseError(whole, "write decades BC as a range, e.g. '500-490 BC'")
        if side.number < 100:
            raise DateParseError(whole, "write the decade in full, e.g. '1980s'")
        if side.number % 100 == 0:  # "the 1800s" is the century 1800-1899
            lo, hi = side.number, side.number + 99
            return lo, hi, f"{lo // 100:02d}XX{qual}" if hi <= 9999 else _interval(lo, hi, qual)
        lo, hi = side.number, side.number + 9
        return lo, hi, f"{lo // 10:03d}X{qual}" if hi <= 9999 else _interval(lo, hi, qual)
    size = 1000 if side.kind == "millennium" else 100
    n = side.number
    if side.era == "bc":
        lo, hi = -(n * size - 1), -(n - 1) * size
    else:
        lo, hi = (n - 1) * size, (n - 1) * size + size - 1
    if side.part:
        first, last = CENTURY_PARTS[side.part]
        start = lo
        lo, hi = start + first, start + last
        return lo, hi, _interval(lo, hi, qual)
    if side.era != "bc" and hi <= 9999:  # "17XX", "1XXX"
        unknown = 2 if size == 100 else 3
        return lo, hi, f"{lo // size:0{4 - unknown}d}" + "X" * unknown + qual
    return lo, hi, _interval(lo, hi, qual)


def _interval(lo: int, hi: int, qual: str) -> str:
    return f"{edtf_year(lo)}{qual}/{edtf_year(hi)}{qual}"


def _reconcile(left: _Side, right: _Side, whole: str) -> None:
    """Let the left side of a range borrow what the right side spells out."""
    if left.kind in ("century", "millennium") and not left.unit_given:
        if right.kind not in ("century", "millennium") or not right.unit_given:
            raise DateParseError(whole, "say which unit, e.g. '16th-17th century'")
        left.kind = right.kind
        left.unit_given = True
    if right.kind in ("century", "millennium") and not right.unit_given:
        raise DateParseError(whole, "say which unit, e.g. '16th-17th century'")
    # "1689-95" and "1680s-90s": the right side repeats the left's first digits.
    if (
        left.kind == right.kind
        and left.kind in ("year", "decade")
        and left.era != "bc"
        and right.era is None
        and len(right.digits) < len(left.digits)
    ):
        digits = left.digits[: len(left.digits) - len(right.digits)] + right.digits
        right.number = int(digits) * (10 if right.kind == "decade" else 1)
        right.digits = digits
    if left.era is None and right.era is not None:
        left.era = right.era
    elif right.era is None and left.era == "bc":
        # "500 BC-400": a smaller number still counts down in BC.
        right.era = "bc" if right.number < left.number else "ad"
    # "c. 1689-1695" is approximate at both ends, "1689-1695?" uncertain at both.
    right.approx = right.approx or left.approx
    left.uncertain = left.uncertain or right.uncertain


def _parse_text(display: str) -> str:
    """Read curator text (English) and return canonical EDTF."""
    text = display.lower().translate(_DASHES)
    text = re.sub(r"\b(mid|early|late)\s*-\s*", r"\1 ", text)
    text = re.sub(r"\b(pre|post)\s*-\s*(?=\d)", r"\1 ", text)
    text = re.sub(r"\btwenty[\s-]+first\b", "twenty first", text)
    text = re.sub(r"(\d(?:st|nd|rd|th))\s*-\s*(centur|millenni)", r"\1 \2", text)
    text = re.sub(r"^(?:between|from)\s+(?=.*(?:-|\bto\b|\band\b|\buntil\b))", "", text)

    opened = _OPEN_PREFIX.fullmatch(text)
    if opened is not None and not _RANGE_SPLIT.search(opened["rest"]):
        side = _read_side(opened["rest"], display)
        if side.kind in ("century", "millennium") and not side.unit_given:
            raise DateParseError(display, "say which unit, e.g. 'before the 18th century'")
        lo, hi, edtf = _side_span(side, display)
        simple = side.kind in ("year", "month")
        qual = qualifier(side.approx, side.uncertain)
        if opened["before"]:
            return "../" + (edtf if simple else edtf_year(lo) + qual)
        return (edtf if simple else edtf_year(hi) + qual) + "/.."

    pieces = _RANGE_SPLIT.split(text)
    if len(pieces) == 1:
        side = _read_side(pieces[0], display)
        if side.kind in ("century", "millennium") and not side.unit_given:
            raise DateParseError(display, "say which unit, e.g. '18th century'")
        return _side_span(side, display)[2]
    if len(pieces) != 2 or not all(pieces):
        raise DateParseError(display)
    left, right = (_read_side(piece, display) for piece in pieces)
    _reconcile(left, right, display)
    left_lo, _, left_edtf = _side_span(left, display)
    _, right_hi, right_edtf = _side_span(right, display)
    if left.kind in ("year", "month") and right.kind in ("year", "month"):
        return f"{left_edtf}/{right_edtf}"
    left_q = qualifier(left.approx, left.uncertain)
    right_q = qualifier(right.approx, right.uncertain)
    return f"{edtf_year(left_lo)}{left_q}/{edtf_year(right_hi)}{right_q}"


def _looks_like_edtf(text: str) -> bool:
    return bool(re.search(r"[/~%]|\.\.|^[-Yy]|[0-9][Xx]", text))


def parse_date(text: str) -> DateSpec:
    """Read a curator's date (English) or an EDTF string.

    Accepted, case-insensitively (hyphens and en/em dashes alike):

    * years: ``"1689"``, ``"400 BC"``, ``"AD 50"``, ``"12 May 1720"``,
      ``"May 1720"``, ``"spring 1720"``;
    * approximate and uncertain: ``"c. 1720"`` (also ``ca.``, ``circa``,
      ``about``, ``around``, ``approx.``), ``"1720?"``, ``"c. 1720?"``;
    * decades: ``"1680s"`` (``"168X"``); a round hundred means the century:
      ``"1800s"`` is ``"18XX"``;
    * centuries and millennia: ``"18th century"``, ``"XVIII century"``,
      ``"eighteenth century"``, ``"5th century BC"``, ``"2nd millennium BC"``,
      and ``"early"``/``"mid"``/``"late"``/``"first half of the"``/
      ``"second half of the"`` a century;
    * ranges: ``"1689-1695"``, ``"1689-95"``, ``"1689 to 1695"``,
      ``"between 1689 and 1695"``, ``"5th-4th century BC"``,
      ``"16th-17th century"``, ``"200 BC - AD 100"``; the era and the unit
      written on the right apply to the left (``"500-400 BC"``).  Note that
      ``"1914-18"`` is the range 1914-1918, not EDTF for a month;
    * open ranges: ``"before 1500"`` (``"../1500"``), ``"after 1800"``
      (``"1800/.."``), also ``"not before"``, ``"not after"``, ``"since"``;
    * EDTF itself: ``"1720~"``, ``"17XX"``, ``"1689/1695"``, ``"-0399/-0200"``.

    ``display`` is the curator's text with whitespace tidied, or the English
    rendering (:func:`format_date`) when the input was EDTF; ``edtf`` is
    canonical EDTF and ``earliest``/``latest`` are :func:`parse_edtf` of it.

    >>> parse_date("c. 1720")
    DateSpec(display='c. 1720', edtf='1720~', earliest=1710, latest=1730)
    >>> parse_date("5th-4th century BC").edtf
    '-0499/-0300'
    """
    display = " ".join(text.split())
    if not display:
        raise DateParseError(text, "the date is empty; " + DATE_HINT)
    try:
        edtf = _parse_text(display)
        earliest, latest = parse_edtf(edtf)
        return DateSpec(display, edtf, earliest, latest)
    except DateParseError as error:
        text_error = error
    try:
        edtf = display.upper()
        earliest, latest = parse_edtf(edtf)
        return DateSpec(format_date(edtf, "en"), edtf, earliest, latest)
    except DateParseError as error:
        reason = error.reason if _looks_like_edtf(display) else text_error.reason
        raise DateParseError(text, reason) from None
