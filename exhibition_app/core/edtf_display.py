"""Displaying EDTF dates in English, Kazakh, Russian and Mongolian, as museum labels do.

Split from :mod:`exhibition_app.core.edtf` (parsing); each language is a small grammar
class: centuries in Roman numerals for kk, ru and mn, Russian oblique cases, Kazakh and
Mongolian case endings and BC/AD forms.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from exhibition_app.core.edtf_syntax import CENTURY_PARTS, MONTH_NAMES, EdtfPoint, read_edtf

_CoreKind = Literal["year", "years", "decade", "century", "part", "millennium", "month"]


@dataclass(frozen=True)
class _Core:
    """What a date is, independent of language."""

    kind: _CoreKind
    a: int = 0  # year / first year / ordinal
    b: int = 0  # last year / second ordinal
    bc_a: bool = False
    bc_b: bool = False
    part: str = ""
    month: int = 0
    day: int = 0


def _unit_start(y: int, size: int) -> tuple[int, bool] | None:
    """The ordinal and era of the century/millennium that begins in year ``y``."""
    if y >= 0 and y % size == 0:
        return y // size + 1, False
    if y < 0 and (1 - y) % size == 0:
        return (1 - y) // size, True
    return None


def _unit_end(y: int, size: int) -> tuple[int, bool] | None:
    """The ordinal and era of the century/millennium that ends in year ``y``."""
    if y > 0 and y % size == size - 1:
        return y // size + 1, False
    if y <= 0 and y % size == 0:
        return -y // size + 1, True
    return None


def _describe_span(lo: int, hi: int) -> _Core:
    if lo == hi:
        return _Core("year", lo)
    for size in (1000, 100):
        start, end = _unit_start(lo, size), _unit_end(hi, size)
        if start and end:
            kind: _CoreKind = "millennium" if size == 1000 else "century"
            return _Core(kind, start[0], end[0], start[1], end[1])
    n, bc = (lo // 100 + 1, False) if lo >= 0 else (-lo // 100 + 1, True)
    first = -(n * 100 - 1) if bc else (n - 1) * 100
    for part, offsets in CENTURY_PARTS.items():
        if (lo - first, hi - first) == offsets:
            return _Core("part", n, bc_a=bc, part=part)
    if lo >= 100 and lo % 10 == 0 and lo % 100 != 0 and hi == lo + 9:
        return _Core("decade", lo)
    return _Core("years", lo, hi)


def _describe(point: EdtfPoint) -> _Core:
    if point.month:
        return _Core("month", point.lo, month=point.month, day=point.day)
    return _describe_span(point.lo, point.hi)


def _roman(n: int) -> str:
    out = []
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class _Locale:
    """Renders :class:`_Core` values in one language; subclasses per language.

    Each subclass has one method per :attr:`_Core.kind`, taking the core and
    ``oblique``: whether the text follows a preposition ("c.", "before"),
    which changes the case of some Russian forms.
    """

    approx_prefix = ""
    uncertain_suffix = ""

    def core(self, c: _Core, oblique: bool = False) -> str:
        method = getattr(self, c.kind)
        return str(method(c, oblique))

    def qualified(self, c: _Core, approx: bool, uncertain: bool) -> str:
        return self.qualify(self.core(c, oblique=approx), approx, uncertain)

    def qualify(self, text: str, approx: bool, uncertain: bool) -> str:
        """``text`` with the marks of an approximate and of an uncertain date."""
        if approx:
            text = self.approx_prefix + text
        if uncertain:
            text += self.uncertain_suffix
        return text

    def open_end(self, c: _Core, approx: bool, uncertain: bool, before: bool) -> str:
        raise NotImplementedError

    def join(self, first: str, second: str) -> str:
        return f"{first} – {second}"


class _English(_Locale):
    approx_prefix = "c. "
    uncertain_suffix = "?"

    def open_end(self, c: _Core, approx: bool, uncertain: bool, before: bool) -> str:
        text = self.qualified(c, approx, uncertain)
        return ("before " if before else "after ") + text

    @staticmethod
    def _bc(bc: bool) -> str:
        return " BC" if bc else ""

    def year(self, c: _Core, oblique: bool) -> str:
        return f"{1 - c.a} BC" if c.a <= 0 else str(c.a)

    def years(self, c: _Core, oblique: bool) -> str:
        if c.a > 0:
            return f"{c.a}–{c.b}"
        if c.b <= 0:
            return f"{1 - c.a}–{1 - c.b} BC"
        return f"{1 - c.a} BC – AD {c.b}"

    def decade(self, c: _Core, oblique: bool) -> str:
        return f"{c.a}s"

    def century(self, c: _Core, oblique: bool) -> str:
        return self._units(c, "century")

    def millennium(self, c: _Core, oblique: bool) -> str:
        return self._units(c, "millennium")

    def _units(self, c: _Core, unit: str) -> str:
        if (c.a, c.bc_a) == (c.b, c.bc_b):
            return f"{_ordinal(c.a)} {unit}{self._bc(c.bc_a)}"
        if c.bc_a == c.bc_b:
            return f"{_ordinal(c.a)}–{_ordinal(c.b)} {unit}{self._bc(c.bc_a)}"
        return f"{_ordinal(c.a)} {unit} BC – {_ordinal(c.b)} {unit} AD"

    def part(self, c: _Core, oblique: bool) -> str:
        century = f"{_ordinal(c.a)} century{self._bc(c.bc_a)}"
        if c.part == "mid":
            return f"mid-{century}"
        if c.part in ("early", "late"):
            return f"{c.part} {century}"
        return f"{c.part} of the {century}"

    def month(self, c: _Core, oblique: bool) -> str:
        year = self.year(c, oblique)
        if c.month > 12:
            season = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}[c.month]
            return f"{season} {year}"
        name = MONTH_NAMES[c.month - 1]
        return f"{c.day} {name} {year}" if c.day else f"{name} {year}"


class _Russian(_Locale):
    approx_prefix = "ок. "
    uncertain_suffix = " (?)"
    _MONTHS = (
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    )
    _MONTHS_GEN = (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    )
    _SEASONS: ClassVar[dict[int, tuple[str, str]]] = {
        21: ("весна", "весны"),
        22: ("лето", "лета"),
        23: ("осень", "осени"),
        24: ("зима", "зимы"),
    }
    _PARTS: ClassVar[dict[str, tuple[str, str]]] = {
        "early": ("начало", "начала"),
        "mid": ("середина", "середины"),
        "late": ("конец", "конца"),
        "first half": ("первая половина", "первой половины"),
        "second half": ("вторая половина", "второй половины"),
    }

    def open_end(self, c: _Core, approx: bool, uncertain: bool, before: bool) -> str:
        text = self.qualify(self.core(c, oblique=True), approx, uncertain)
        return ("до " if before else "после ") + text

    @staticmethod
    def _bc(bc: bool) -> str:
        return " до н. э." if bc else ""

    def year(self, c: _Core, oblique: bool) -> str:
        return f"{1 - c.a} г. до н. э." if c.a <= 0 else f"{c.a} г."

    def years(self, c: _Core, oblique: bool) -> str:
        if c.a > 0:
            return f"{c.a}–{c.b} гг."
        if c.b <= 0:
            return f"{1 - c.a}–{1 - c.b} гг. до н. э."
        return f"{1 - c.a} г. до н. э. – {c.b} г. н. э."

    def decade(self, c: _Core, oblique: bool) -> str:
        return f"{c.a}-х гг." if oblique else f"{c.a}-е годы"

    def century(self, c: _Core, oblique: bool) -> str:
        return self._units(c, "век", "в.", "вв.", oblique)

    def millennium(self, c: _Core, oblique: bool) -> str:
        return self._units(c, "тысячелетие", "тыс.", "тыс.", oblique)

    def _units(self, c: _Core, full: str, short: str, plural: str, oblique: bool) -> str:
        one, two = _roman(c.a), _roman(c.b)
        if (c.a, c.bc_a) == (c.b, c.bc_b):
            return f"{one} {short if oblique else full}{self._bc(c.bc_a)}"
        if c.bc_a == c.bc_b:
            return f"{one}–{two} {plural}{self._bc(c.bc_a)}"
        return f"{one} {short} до н. э. – {two} {short} н. э."

    def part(self, c: _Core, oblique: bool) -> str:
        word = self._PARTS[c.part][1 if oblique else 0]
        return f"{word} {_roman(c.a)} века{self._bc(c.bc_a)}"

    def month(self, c: _Core, oblique: bool) -> str:
        year = self.year(c, oblique)
        if c.month > 12:
            return f"{self._SEASONS[c.month][1 if oblique else 0]} {year}"
        if c.day:
            return f"{c.day} {self._MONTHS_GEN[c.month - 1]} {year}"
        names = self._MONTHS_GEN if oblique else self._MONTHS
        return f"{names[c.month - 1]} {year}"


class _EraFirst(_Locale):
    """Kazakh and Mongolian: the era before the number ("б.з.д. V ғасыр"), and "before" or
    "after" an open end said by a case ending of the last word, where it has one."""

    uncertain_suffix = " (?)"
    era_bc = ""
    era_ad = ""
    year_word = ""
    # (one century, several), (one millennium, several), "of the century" before a part
    _CENTURY: ClassVar[tuple[str, str]] = ("", "")
    _MILLENNIUM: ClassVar[tuple[str, str]] = ("", "")
    _OF_CENTURY = ""
    _PARTS: ClassVar[dict[str, str]] = {}
    # (ending of the nominative, the same before the date, the same after it)
    _CASES: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    # what follows a text with none of those endings, before and after
    _NO_CASE: ClassVar[tuple[str, str]] = ("", "")

    def open_end(self, c: _Core, approx: bool, uncertain: bool, before: bool) -> str:
        text = self.core(c)
        for ending, earlier, later in self._CASES:
            if text.endswith(ending) and c.kind != "month":
                text = text[: -len(ending)] + (earlier if before else later)
                break
        else:
            text += self._NO_CASE[0] if before else self._NO_CASE[1]
        return self.qualify(text, approx, uncertain)

    def _bc(self, bc: bool) -> str:
        return f"{self.era_bc} " if bc else ""

    def year(self, c: _Core, oblique: bool) -> str:
        if c.a <= 0:
            return f"{self.era_bc} {1 - c.a} {self.year_word}"
        return f"{c.a} {self.year_word}"

    def century(self, c: _Core, oblique: bool) -> str:
        return self._units(c, *self._CENTURY)

    def millennium(self, c: _Core, oblique: bool) -> str:
        return self._units(c, *self._MILLENNIUM)

    def part(self, c: _Core, oblique: bool) -> str:
        return f"{self._bc(c.bc_a)}{_roman(c.a)} {self._OF_CENTURY} {self._PARTS[c.part]}"

    def _units(self, c: _Core, one_unit: str, units: str) -> str:
        one, two = _roman(c.a), _roman(c.b)
        if (c.a, c.bc_a) == (c.b, c.bc_b):
            return f"{self._bc(c.bc_a)}{one} {one_unit}"
        if c.bc_a == c.bc_b:
            return f"{self._bc(c.bc_a)}{one}–{two} {units}"
        return f"{self.era_bc} {one} {one_unit} – {self.era_ad} {two} {one_unit}"


class _Kazakh(_EraFirst):
    approx_prefix = "шамамен "
    era_bc = "б.з.д."
    era_ad = "б.з."
    year_word = "ж."
    _CENTURY = ("ғасыр", "ғасырлар")
    _MILLENNIUM = ("мыңжылдық", "мыңжылдықтар")
    _OF_CENTURY = "ғасырдың"
    _MONTHS = (
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    )
    _SEASONS: ClassVar[dict[int, str]] = {21: "көктемі", 22: "жазы", 23: "күзі", 24: "қысы"}
    _PARTS: ClassVar[dict[str, str]] = {
        "early": "басы",
        "mid": "ортасы",
        "late": "соңы",
        "first half": "бірінші жартысы",
        "second half": "екінші жартысы",
    }
    # (ending of the nominative, dative + "дейін", ablative + "кейін")
    _CASES: ClassVar[tuple[tuple[str, str, str], ...]] = (
        (" ж.", " жылға дейін", " жылдан кейін"),
        (" жылдар", " жылдарға дейін", " жылдардан кейін"),
        (" ғасыр", " ғасырға дейін", " ғасырдан кейін"),
        (" мыңжылдық", " мыңжылдыққа дейін", " мыңжылдықтан кейін"),
        ("ы", "ына дейін", "ынан кейін"),  # possessive: "басы" -> "басына"
    )
    _NO_CASE = (" және одан бұрын", " және одан кейін")

    def years(self, c: _Core, oblique: bool) -> str:
        if c.a > 0:
            return f"{c.a}–{c.b} жж."
        if c.b <= 0:
            return f"б.з.д. {1 - c.a}–{1 - c.b} жж."
        return f"б.з.д. {1 - c.a} ж. – б.з. {c.b} ж."

    def decade(self, c: _Core, oblique: bool) -> str:
        return f"{c.a} жылдар"

    def month(self, c: _Core, oblique: bool) -> str:
        year = self.year(c, oblique)
        if c.month > 12:
            return f"{year[:-3]} жылдың {self._SEASONS[c.month]}"
        name = self._MONTHS[c.month - 1]
        return f"{year} {c.day} {name}" if c.day else f"{year} {name}"


class _Mongolian(_EraFirst):
    approx_prefix = "ойролцоогоор "
    era_bc = "МЭӨ"
    era_ad = "МЭ"
    year_word = "он"
    _CENTURY = ("зуун", "зуун")
    _MILLENNIUM = ("мянган", "мянган")
    _OF_CENTURY = "зууны"
    _SEASONS: ClassVar[dict[int, str]] = {21: "хавар", 22: "зун", 23: "намар", 24: "өвөл"}
    _PARTS: ClassVar[dict[str, str]] = {
        "early": "эхэн үе",
        "mid": "дунд үе",
        "late": "сүүл үе",
        "first half": "эхний хагас",
        "second half": "сүүлийн хагас",
    }
    # the decade suffix follows the spoken tens: ная -> "-аад", ер -> "-ээд", ...
    _DECADE_SUFFIX = ("аад", "аад", "иод", "аад", "өөд", "иад", "аад", "аад", "аад", "ээд")
    # (ending of the nominative, ablative ending) + "өмнө" (before) or "хойш" (after)
    _CASES = tuple(
        (ending, f"{ablative} өмнө", f"{ablative} хойш")
        for ending, ablative in (
            (" он", " оноос"),
            ("зуун", "зуунаас"),
            ("мянган", "мянганаас"),
            ("үе", "үеэс"),
            ("хагас", "хагасаас"),
        )
    )
    _NO_CASE = (" хүртэл", " болон түүнээс хойш")

    def years(self, c: _Core, oblique: bool) -> str:
        if c.a > 0:
            return f"{c.a}–{c.b} он"
        if c.b <= 0:
            return f"МЭӨ {1 - c.a}–{1 - c.b} он"
        return f"МЭӨ {1 - c.a} – МЭ {c.b} он"

    def decade(self, c: _Core, oblique: bool) -> str:
        return f"{c.a}-{self._DECADE_SUFFIX[c.a // 10 % 10]} он"

    def month(self, c: _Core, oblique: bool) -> str:
        year = self.year(c, oblique) + "ы"  # "1720 он" -> "1720 оны"
        if c.month > 12:
            return f"{year} {self._SEASONS[c.month]}"
        return f"{year} {c.month} сарын {c.day}" if c.day else f"{year} {c.month} сар"


_LOCALES: dict[str, _Locale] = {
    "en": _English(),
    "ru": _Russian(),
    "kk": _Kazakh(),
    "mn": _Mongolian(),
}
_LANG_ALIASES = {"kaz": "kk", "kz": "kk", "rus": "ru", "mon": "mn", "khk": "mn", "eng": "en"}


def format_date(edtf: str, lang: str = "en") -> str:
    """Render an EDTF date for display in ``lang`` (``en``, ``kk``, ``ru``, ``mn``).

    Region tags are ignored (``"ru-RU"`` is Russian); any other language gets
    English.  Centuries use Roman numerals in Kazakh, Russian and Mongolian,
    as museum labels do:

    ======================  ==================  ==================  ========================
    English                 Kazakh              Russian             Mongolian
    ======================  ==================  ==================  ========================
    c. 1720                 шамамен 1720 ж.     ок. 1720 г.         ойролцоогоор 1720 он
    18th century            XVIII ғасыр         XVIII век           XVIII зуун
    1680s                   1680 жылдар         1680-е годы         1680-аад он
    4th–3rd century BC      б.з.д. IV–III       IV–III вв.          МЭӨ IV–III зуун
                            ғасырлар            до н. э.
    ======================  ==================  ==================  ========================

    Qualifiers on the two ends of an interval are merged for display ("c."
    if either end is approximate).  Raises :class:`DateParseError` when
    ``edtf`` is not supported EDTF.

    >>> format_date("17XX", "ru")
    'XVIII век'
    >>> format_date("-0499/-0300", "en")
    '5th–4th century BC'
    """
    parsed = read_edtf(edtf)
    key = lang.strip().lower().replace("_", "-").split("-")[0]
    locale = _LOCALES.get(_LANG_ALIASES.get(key, key), _LOCALES["en"])
    if isinstance(parsed, EdtfPoint):
        return locale.qualified(_describe(parsed), parsed.approx, parsed.uncertain)
    start, end = parsed.start, parsed.end
    if start is None or end is None:
        known = end if start is None else start
        assert known is not None
        return locale.open_end(_describe(known), known.approx, known.uncertain, start is None)
    approx = start.approx or end.approx
    uncertain = start.uncertain or end.uncertain
    if not start.month and not end.month:
        return locale.qualified(_describe_span(start.lo, end.hi), approx, uncertain)
    return locale.join(
        locale.qualified(_describe(start), start.approx, start.uncertain),
        locale.qualified(_describe(end), end.approx, end.uncertain),
    )
