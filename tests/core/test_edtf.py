"""Tests for exhibition_app.core.edtf: reading, EDTF bounds and localized display."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exhibition_app.core.edtf import (
    APPROX_MARGIN,
    OPEN_SPAN,
    DateParseError,
    DateSpec,
    format_date,
    parse_date,
    parse_edtf,
)

# curator text -> (EDTF, earliest, latest); years are astronomical (0 = 1 BC)
EXAMPLES = {
    "1689": ("1689", 1689, 1689),
    "1492": ("1492", 1492, 1492),
    "c. 1720": ("1720~", 1710, 1730),
    "ca. 1720": ("1720~", 1710, 1730),
    "circa 1720": ("1720~", 1710, 1730),
    "about 1720": ("1720~", 1710, 1730),
    "c1720": ("1720~", 1710, 1730),
    "1720?": ("1720?", 1720, 1720),
    "c. 1720?": ("1720%", 1710, 1730),
    "18th century": ("17XX", 1700, 1799),
    "18th c.": ("17XX", 1700, 1799),
    "XVIII century": ("17XX", 1700, 1799),
    "eighteenth century": ("17XX", 1700, 1799),
    "the 18th-century": ("17XX", 1700, 1799),
    "twenty-first century": ("20XX", 2000, 2099),
    "1st century": ("00XX", 0, 99),
    "c. 18th century": ("17XX~", 1690, 1809),
    "18th century?": ("17XX?", 1700, 1799),
    "early 18th century": ("1700/1733", 1700, 1733),
    "mid 18th century": ("1734/1766", 1734, 1766),
    "mid-18th century": ("1734/1766", 1734, 1766),
    "late 18th century": ("1767/1799", 1767, 1799),
    "first half of the 18th century": ("1700/1749", 1700, 1749),
    "second half of the 19th century": ("1850/1899", 1850, 1899),
    "1680s": ("168X", 1680, 1689),
    "the 1680s": ("168X", 1680, 1689),
    "1800s": ("18XX", 1800, 1899),
    "1689-1695": ("1689/1695", 1689, 1695),
    "1689–1695": ("1689/1695", 1689, 1695),
    "1689 — 1695": ("1689/1695", 1689, 1695),
    "1689-95": ("1689/1695", 1689, 1695),
    "1914-18": ("1914/1918", 1914, 1918),
    "1689 to 1695": ("1689/1695", 1689, 1695),
    "between 1689 and 1695": ("1689/1695", 1689, 1695),
    "from 1689 to 1695": ("1689/1695", 1689, 1695),
    "c. 1689-1695": ("1689~/1695~", 1679, 1705),
    "1689-1695?": ("1689?/1695?", 1689, 1695),
    "1680s-1690s": ("1680/1699", 1680, 1699),
    "1680s-90s": ("1680/1699", 1680, 1699),
    "16th-17th century": ("1500/1699", 1500, 1699),
    "XVII–XVIII centuries": ("1600/1799", 1600, 1799),
    "before 1500": ("../1500", 1500 - OPEN_SPAN, 1500),
    "pre-1500": ("../1500", 1400, 1500),
    "not after 1500": ("../1500", 1400, 1500),
    "before c. 1500": ("../1500~", 1390, 1510),
    "after 1800": ("1800/..", 1800, 1800 + OPEN_SPAN),
    "not before 1800": ("1800/..", 1800, 1900),
    "since 1800": ("1800/..", 1800, 1900),
    "before the 18th century": ("../1700", 1600, 1700),
    "400 BC": ("-0399", -399, -399),
    "1 BC": ("0000", 0, 0),
    "AD 1": ("0001", 1, 1),
    "AD 50": ("0050", 50, 50),
    "50 AD": ("0050", 50, 50),
    "500 B.C.": ("-0499", -499, -499),
    "c. 500 BC": ("-0499~", -509, -489),
    "12000 BC": ("Y-11999", -11999, -11999),
    "500-400 BC": ("-0499/-0399", -499, -399),
    "200 BC - AD 100": ("-0199/0100", -199, 100),
    "5th century BC": ("-0499/-0400", -499, -400),
    "5th-4th century BC": ("-0499/-0300", -499, -300),
    "5th–4th century BCE": ("-0499/-0300", -499, -300),
    "5th-4th centuries B.C.": ("-0499/-0300", -499, -300),
    "V–IV centuries BC": ("-0499/-0300", -499, -300),
    "1st century BC": ("-0099/0000", -99, 0),
    "1st century BC - 1st century AD": ("-0099/0099", -99, 99),
    "early 5th century BC": ("-0499/-0466", -499, -466),
    "late 1st century BC": ("-0032/0000", -32, 0),
    "2nd millennium BC": ("-1999/-1000", -1999, -1000),
    "3rd-2nd millennium BC": ("-2999/-1000", -2999, -1000),
    "2nd millennium": ("1XXX", 1000, 1999),
    "12 May 1720": ("1720-05-12", 1720, 1720),
    "May 12, 1720": ("1720-05-12", 1720, 1720),
    "May 1720": ("1720-05", 1720, 1720),
    "spring 1720": ("1720-21", 1720, 1720),
    # EDTF is accepted as it is
    "1720~": ("1720~", 1710, 1730),
    "17XX": ("17XX", 1700, 1799),
    "17xx": ("17XX", 1700, 1799),
    "168X": ("168X", 1680, 1689),
    "1689/1695": ("1689/1695", 1689, 1695),
    "-0399/-0200": ("-0399/-0200", -399, -200),
    "-0399": ("-0399", -399, -399),
    "0000": ("0000", 0, 0),
    "1720-05": ("1720-05", 1720, 1720),
    "1720-05-12": ("1720-05-12", 1720, 1720),
    "1720%": ("1720%", 1710, 1730),
    "../1500": ("../1500", 1400, 1500),
    "1800/..": ("1800/..", 1800, 1900),
    "/1500": ("/1500", 1400, 1500),
    "-04XX": ("-04XX", -499, -400),
    "Y-12000": ("Y-12000", -12000, -12000),
}


@pytest.mark.parametrize(("text", "expected"), EXAMPLES.items())
def test_parse_date_examples(text: str, expected: tuple[str, int, int]) -> None:
    spec = parse_date(text)
    assert (spec.edtf, spec.earliest, spec.latest) == expected


@pytest.mark.parametrize("text", EXAMPLES)
def test_parse_edtf_round_trips_every_example(text: str) -> None:
    spec = parse_date(text)
    assert parse_edtf(spec.edtf) == (spec.earliest, spec.latest)
    assert spec.earliest <= spec.latest


def test_date_spec_is_frozen() -> None:
    spec = parse_date("1689")
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.edtf = "1690"  # type: ignore[misc]


def test_display_keeps_the_curators_wording() -> None:
    assert parse_date("  about   1720 ") == DateSpec("about 1720", "1720~", 1710, 1730)


def test_display_of_edtf_input_is_english() -> None:
    assert parse_date("-0399/-0200").display == "4th–3rd century BC"
    assert parse_date("17XX").display == "18th century"


def test_approx_margin_is_ten_years() -> None:
    assert APPROX_MARGIN == 10
    assert parse_edtf("1720~") == (1720 - APPROX_MARGIN, 1720 + APPROX_MARGIN)


@pytest.mark.parametrize(
    ("edtf", "bounds"),
    [
        ("1720", (1720, 1720)),
        ("1720?", (1720, 1720)),
        ("1720~", (1710, 1730)),
        ("1720%", (1710, 1730)),
        ("172X", (1720, 1729)),
        ("17XX", (1700, 1799)),
        ("1XXX", (1000, 1999)),
        ("-0XXX", (-999, 0)),
        ("1689~/1695", (1679, 1695)),
        ("1720-02-29", (1720, 1720)),
        ("1720-24", (1720, 1720)),
        ("Y17000", (17000, 17000)),
        ("  1720  ", (1720, 1720)),
    ],
)
def test_parse_edtf(edtf: str, bounds: tuple[int, int]) -> None:
    assert parse_edtf(edtf) == bounds


@pytest.mark.parametrize(
    "edtf",
    [
        "",
        "..",
        "../..",
        "/",
        "1720/1710",
        "1720/1721/1722",
        "XXXX",
        "17XX-05",
        "1720-13",
        "1720-00",
        "1720-05-00",
        "1720-00-05",
        "1721-02-29",
        "1720-04-31",
        "1720-21-01",
        "720",
        "Y1234",
        "1720~~",
        "c. 1720",
        "18th century",
    ],
)
def test_parse_edtf_rejects(edtf: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_edtf(edtf)
    assert str(caught.value).startswith(f"cannot read the EDTF date {edtf!r}: ")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "sometime",
        "",
        "   ",
        "18th",
        "0",
        "1695-1689",
        "32 May 1720",
        "80s",
        "500s BC",
        "foo/bar",
        "xviiii century",
        "early 2nd millennium",
        "1720-1689",
        "13th month",
        "c.",
        "BC",
    ],
)
def test_parse_date_rejects_garbage_with_a_one_line_message(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text)
    message = str(caught.value)
    assert message.startswith(f"cannot read the date {text!r}: ")
    assert "\n" not in message
    assert isinstance(caught.value, ValueError)
    assert caught.value.text == text


def test_error_message_suggests_forms() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date("sometime")
    assert str(caught.value) == (
        "cannot read the date 'sometime': "
        "try '1689', 'c. 1720', '18th century', '1680s' or '1689-1695'"
    )


def test_error_message_explains_reversed_range() -> None:
    with pytest.raises(DateParseError, match="ends before it starts"):
        parse_date("1695-1689")


@given(st.text(max_size=40))
def test_parse_date_never_fails_otherwise(text: str) -> None:
    try:
        spec = parse_date(text)
    except DateParseError:
        return
    assert spec.earliest <= spec.latest
    assert parse_edtf(spec.edtf) == (spec.earliest, spec.latest)


def label(year: int, bc_context: bool = False) -> str:
    """Curator text for an astronomical year."""
    if year <= 0:
        return f"{1 - year} BC"
    return f"AD {year}" if bc_context else str(year)


def edtf_year(year: int) -> str:
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


@given(st.integers(min_value=1, max_value=2100))
def test_any_plain_year(year: int) -> None:
    assert parse_date(str(year)) == DateSpec(str(year), f"{year:04d}", year, year)


@given(st.integers(min_value=-3000, max_value=0))
def test_any_year_bc(year: int) -> None:
    spec = parse_date(label(year))
    assert (spec.edtf, spec.earliest, spec.latest) == (edtf_year(year), year, year)


@given(st.integers(min_value=-3000, max_value=2100))
def test_any_approximate_year(year: int) -> None:
    spec = parse_date("c. " + label(year))
    assert (spec.earliest, spec.latest) == (year - 10, year + 10)


@given(
    st.integers(min_value=-3000, max_value=2100),
    st.integers(min_value=-3000, max_value=2100),
    st.sampled_from(["-", "–", " - ", " to "]),
)
def test_any_range(first: int, second: int, dash: str) -> None:
    lo, hi = min(first, second), max(first, second)
    text = label(lo) + dash + label(hi, bc_context=lo <= 0)
    spec = parse_date(text)
    assert spec.earliest <= spec.latest
    assert (spec.earliest, spec.latest) == (lo, hi)
    assert parse_edtf(spec.edtf) == (lo, hi)


@given(st.integers(min_value=1, max_value=21), st.booleans())
def test_any_century(n: int, bc: bool) -> None:
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st"}.get(n, "th")
    spec = parse_date(f"{n}{suffix} century" + (" BC" if bc else ""))
    expected = (-(n * 100 - 1), -(n - 1) * 100) if bc else ((n - 1) * 100, (n - 1) * 100 + 99)
    assert (spec.earliest, spec.latest) == expected
    assert spec.latest - spec.earliest == 99


@given(st.integers(min_value=-3000, max_value=2100), st.integers(min_value=0, max_value=500))
def test_english_display_reads_back_to_the_same_years(lo: int, length: int) -> None:
    hi = lo + length
    edtf = f"{edtf_year(lo)}/{edtf_year(hi)}"
    display = format_date(edtf, "en")
    assert (parse_date(display).earliest, parse_date(display).latest) == (lo, hi)


CANONICAL = [
    "1720",
    "1720~",
    "1720?",
    "1720%",
    "17XX",
    "17XX~",
    "168X",
    "1XXX",
    "1700/1733",
    "1734/1766",
    "1767/1799",
    "1700/1749",
    "1750/1799",
    "1500/1699",
    "1689/1695",
    "-0399",
    "-0499~",
    "-0499/-0400",
    "-0499/-0300",
    "-0099/0099",
    "-0199/0100",
    "-1999/-1000",
    "../1500",
    "1800/..",
    "../1500~",
    "1720-05",
    "1720-05-12",
    "1720-21",
    "1720-05/1721-03",
    "0000",
]


@pytest.mark.parametrize("edtf", CANONICAL)
def test_english_display_parses_back_to_the_same_edtf(edtf: str) -> None:
    assert parse_date(format_date(edtf, "en")).edtf == edtf


FORMATS = {
    "1720~": ("c. 1720", "шамамен 1720 ж.", "ок. 1720 г.", "ойролцоогоор 1720 он"),
    "1689": ("1689", "1689 ж.", "1689 г.", "1689 он"),
    "1720?": ("1720?", "1720 ж. (?)", "1720 г. (?)", "1720 он (?)"),
    "17XX": ("18th century", "XVIII ғасыр", "XVIII век", "XVIII зуун"),
    "17XX~": ("c. 18th century", "шамамен XVIII ғасыр", "ок. XVIII в.", "ойролцоогоор XVIII зуун"),
    "168X": ("1680s", "1680 жылдар", "1680-е годы", "1680-аад он"),
    "168X~": ("c. 1680s", "шамамен 1680 жылдар", "ок. 1680-х гг.", "ойролцоогоор 1680-аад он"),
    "199X": ("1990s", "1990 жылдар", "1990-е годы", "1990-ээд он"),
    "195X": ("1950s", "1950 жылдар", "1950-е годы", "1950-иад он"),
    "194X": ("1940s", "1940 жылдар", "1940-е годы", "1940-өөд он"),
    "192X": ("1920s", "1920 жылдар", "1920-е годы", "1920-иод он"),
    "1689/1695": ("1689–1695", "1689–1695 жж.", "1689–1695 гг.", "1689–1695 он"),
    "1500/1699": ("16th–17th century", "XVI–XVII ғасырлар", "XVI–XVII вв.", "XVI–XVII зуун"),
    "1700/1733": (
        "early 18th century",
        "XVIII ғасырдың басы",
        "начало XVIII века",
        "XVIII зууны эхэн үе",
    ),
    "1734/1766": (
        "mid-18th century",
        "XVIII ғасырдың ортасы",
        "середина XVIII века",
        "XVIII зууны дунд үе",
    ),
    "1767/1799": (
        "late 18th century",
        "XVIII ғасырдың соңы",
        "конец XVIII века",
        "XVIII зууны сүүл үе",
    ),
    "1700/1749": (
        "first half of the 18th century",
        "XVIII ғасырдың бірінші жартысы",
        "первая половина XVIII века",
        "XVIII зууны эхний хагас",
    ),
    "-0399/-0200": (
        "4th–3rd century BC",
        "б.з.д. IV–III ғасырлар",
        "IV–III вв. до н. э.",
        "МЭӨ IV–III зуун",
    ),
    "-0499/-0400": ("5th century BC", "б.з.д. V ғасыр", "V век до н. э.", "МЭӨ V зуун"),
    "-0399": ("400 BC", "б.з.д. 400 ж.", "400 г. до н. э.", "МЭӨ 400 он"),
    "-0499~": (
        "c. 500 BC",
        "шамамен б.з.д. 500 ж.",
        "ок. 500 г. до н. э.",
        "ойролцоогоор МЭӨ 500 он",
    ),
    "-0499/-0399": ("500–400 BC", "б.з.д. 500–400 жж.", "500–400 гг. до н. э.", "МЭӨ 500–400 он"),
    "-0199/0100": (
        "200 BC – AD 100",
        "б.з.д. 200 ж. – б.з. 100 ж.",
        "200 г. до н. э. – 100 г. н. э.",
        "МЭӨ 200 – МЭ 100 он",
    ),
    "-1999/-1000": (
        "2nd millennium BC",
        "б.з.д. II мыңжылдық",
        "II тысячелетие до н. э.",
        "МЭӨ II мянган",
    ),
    "../1500": ("before 1500", "1500 жылға дейін", "до 1500 г.", "1500 оноос өмнө"),
    "1800/..": ("after 1800", "1800 жылдан кейін", "после 1800 г.", "1800 оноос хойш"),
    "../17XX": ("before 18th century", "XVIII ғасырға дейін", "до XVIII в.", "XVIII зуунаас өмнө"),
    "1720-05-12": ("12 May 1720", "1720 ж. 12 мамыр", "12 мая 1720 г.", "1720 оны 5 сарын 12"),
    "1720-05": ("May 1720", "1720 ж. мамыр", "май 1720 г.", "1720 оны 5 сар"),
    "1720-21": ("spring 1720", "1720 жылдың көктемі", "весна 1720 г.", "1720 оны хавар"),
}


@pytest.mark.parametrize(("edtf", "expected"), FORMATS.items())
def test_format_date_in_four_languages(edtf: str, expected: tuple[str, str, str, str]) -> None:
    rendered = tuple(format_date(edtf, lang) for lang in ("en", "kk", "ru", "mn"))
    assert rendered == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru-RU", "XVIII век"),
        ("ru_RU", "XVIII век"),
        ("RU", "XVIII век"),
        ("kk-KZ", "XVIII ғасыр"),
        ("mn-MN", "XVIII зуун"),
        ("de", "18th century"),
        ("", "18th century"),
        ("zh-Hans", "18th century"),
    ],
)
def test_format_date_language_tags(lang: str, expected: str) -> None:
    assert format_date("17XX", lang) == expected


def test_format_date_rejects_bad_edtf() -> None:
    with pytest.raises(DateParseError, match="cannot read the EDTF date 'sometime'"):
        format_date("sometime", "en")


@given(
    st.integers(min_value=-3000, max_value=2100),
    st.integers(min_value=0, max_value=400),
    st.sampled_from(["", "~", "?", "%"]),
    st.sampled_from(["en", "kk", "ru", "mn"]),
)
def test_format_date_handles_any_interval(lo: int, length: int, qual: str, lang: str) -> None:
    edtf = f"{edtf_year(lo)}{qual}/{edtf_year(lo + length)}{qual}"
    text = format_date(edtf, lang)
    assert text
    assert text == text.strip()
    assert "  " not in text


@given(st.integers(min_value=-3000, max_value=2100))
def test_bc_and_ad_labels_are_consistent(year: int) -> None:
    en = format_date(edtf_year(year), "en")
    assert en.endswith(" BC") == (year <= 0)
    assert format_date(edtf_year(year), "ru").endswith("до н. э.") == (year <= 0)
    assert format_date(edtf_year(year), "kk").startswith("б.з.д.") == (year <= 0)
    assert format_date(edtf_year(year), "mn").startswith("МЭӨ") == (year <= 0)


@pytest.mark.parametrize("text", EXAMPLES)
def test_every_example_formats_in_every_language(text: str) -> None:
    edtf = parse_date(text).edtf
    for lang in ("en", "kk", "ru", "mn"):
        assert format_date(edtf, lang)
