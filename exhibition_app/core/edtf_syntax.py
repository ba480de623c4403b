"""EDTF strings read into points and intervals: what both reading and showing a date need.

:func:`read_edtf` turns an EDTF string (the subset described in
:mod:`exhibition_app.core.edtf`) into an :class:`EdtfPoint` or :class:`EdtfInterval`;
:func:`parse_edtf` gives its earliest and latest astronomical years; :func:`edtf_year` and
:func:`qualifier` write EDTF back. The English month names and the parts of a century are
here too, shared by the curator-text reader (:mod:`exhibition_app.core.edtf`) and the
display (:mod:`exhibition_app.core.edtf_display`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exhibition_app.errors import InvalidInput

__all__ = [
    "APPROX_MARGIN",
    "CENTURY_PARTS",
    "DATE_HINT",
    "MONTH_NAMES",
    "OPEN_SPAN",
    "DateParseError",
    "EdtfInterval",
    "EdtfPoint",
    "edtf_year",
    "parse_edtf",
    "qualifier",
    "read_edtf",
]

APPROX_MARGIN = 10
"""Years added on each side of an approximate (``~``) date."""

OPEN_SPAN = 100
"""Years assumed beyond the known end of an open interval ("before 1500")."""

DATE_HINT = "try '1689', 'c. 1720', '18th century', '1680s' or '1689-1695'"
_EDTF_HINT = "expected EDTF such as '1720', '1720~', '17XX', '168X', '1689/1695' or '../1500'"


class DateParseError(InvalidInput):
    """A date (curator text or EDTF) that cannot be read.

    The message is one line naming the input, e.g. ``cannot read the date
    'sometime': try '1689', 'c. 1720', ...``.
    """

    def __init__(self, text: str, reason: str = DATE_HINT, *, what: str = "date") -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot read the {what} {text!r}: {reason}")


@dataclass(frozen=True)
class EdtfPoint:
    """One EDTF date: the years it covers (before qualifiers) and its details."""

    lo: int
    hi: int
    month: int = 0  # 1-12, or a season 21-24; 0 when absent
    day: int = 0
    approx: bool = False
    uncertain: bool = False

    def bounds(self) -> tuple[int, int]:
        margin = APPROX_MARGIN if self.approx else 0
        return self.lo - margin, self.hi + margin


@dataclass(frozen=True)
class EdtfInterval:
    start: EdtfPoint | None  # None: open ("..") or unknown ("") end
    end: EdtfPoint | None

    def bounds(self) -> tuple[int, int]:
        if self.start is None:
            assert self.end is not None
            lo, hi = self.end.bounds()
            return lo - OPEN_SPAN, hi
        if self.end is None:
            lo, hi = self.start.bounds()
            return lo, hi + OPEN_SPAN
        return self.start.bounds()[0], self.end.bounds()[1]


_EDTF_POINT = re.compile(
    r"""
    (?:
        Y(?P<ysign>-?)(?P<ylong>[1-9][0-9]{4,})
      | (?P<sign>-?)(?P<digits>[0-9]{4}|[0-9]{3}X|[0-9]{2}XX|[0-9]XXX)
    )
    (?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?
    (?P<qual>[?~%])?
    """,
    re.VERBOSE,
)
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _parse_point(text: str, whole: str) -> EdtfPoint:
    match = _EDTF_POINT.fullmatch(text)
    if match is None:
        raise DateParseError(whole, _EDTF_HINT, what="EDTF date")
    if match["ylong"] is not None:
        year = int(match["ylong"]) * (-1 if match["ysign"] else 1)
        lo = hi = year
        masked = False
    else:
        digits: str = match["digits"]
        unknown = digits.count("X")
        base = int(digits.replace("X", "0"))
        width = 10**unknown
        lo, hi = base, base + width - 1
        if match["sign"]:
            lo, hi = -hi, -base
        masked = unknown > 0
    month = int(match["month"]) if match["month"] else 0
    day = int(match["day"]) if match["day"] else 0
    if match["month"]:
        if masked:
            raise DateParseError(
                whole, "unspecified digits (X) are only supported in a year", what="EDTF date"
            )
        if not (1 <= month <= 12 or (21 <= month <= 24 and not match["day"])):
            raise DateParseError(whole, f"there is no month {month:02d}", what="EDTF date")
        if match["day"]:
            days = 29 if month == 2 and _is_leap(lo) else _DAYS_IN_MONTH[month - 1]
            if not 1 <= day <= days:
                raise DateParseError(
                    whole, f"month {month:02d} has no day {day:02d}", what="EDTF date"
                )
    qual = match["qual"] or ""
    return EdtfPoint(lo, hi, month, day, approx=qual in ("~", "%"), uncertain=qual in ("?", "%"))


def read_edtf(edtf: str) -> EdtfPoint | EdtfInterval:
    text = edtf.strip()
    if "/" not in text:
        if not text or text == "..":
            raise DateParseError(edtf, _EDTF_HINT, what="EDTF date")
        return _parse_point(text, edtf)
    first, _, second = text.partition("/")
    if "/" in second:
        raise DateParseError(edtf, "an interval has exactly one '/'", what="EDTF date")
    start = None if first in ("", "..") else _parse_point(first, edtf)
    end = None if second in ("", "..") else _parse_point(second, edtf)
    if start is None and end is None:
        raise DateParseError(edtf, "an interval needs at least one known end", what="EDTF date")
    if start is not None and end is not None and start.lo > end.hi:
        raise DateParseError(edtf, "the interval ends before it starts", what="EDTF date")
    return EdtfInterval(start, end)


def parse_edtf(edtf: str) -> tuple[int, int]:
    """Return ``(earliest, latest)`` astronomical years of an EDTF string.

    >>> parse_edtf("1720~")
    (1710, 1730)
    >>> parse_edtf("-0499/-0300")
    (-499, -300)
    >>> parse_edtf("../1500")
    (1400, 1500)

    Raises :class:`DateParseError` for anything outside the supported subset
    (see the module docstring).
    """
    return read_edtf(edtf).bounds()


def edtf_year(year: int) -> str:
    if abs(year) > 9999:
        return f"Y{year}"
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def qualifier(approx: bool, uncertain: bool) -> str:
    if approx and uncertain:
        return "%"
    return "~" if approx else "?" if uncertain else ""


#: English month names, January first (also how the display writes months in English).
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: The parts of a century, as (first, last) year within it: "early 18th century" = 1700-1733.
CENTURY_PARTS = {
    "early": (0, 33),
    "mid": (34, 66),
    "late": (67, 99),
    "first half": (0, 49),
    "second half": (50, 99),
}
