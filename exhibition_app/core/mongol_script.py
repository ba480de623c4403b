"""Traditional Mongolian script (Mongol bichig, BCP 47 ``mn-Mong``): letters, a readable
transliteration, and a small curated table of whole words in both scripts.

Cyrillic and traditional Mongolian spell differently (the traditional spelling keeps the
classical language: Монгол is ``mongγol``, газрын зураг is ``γaǰar-un ǰiruγ``, дэлхий is
``delekei``), so no letter-by-letter conversion exists; :data:`WORDS` pairs whole words
checked by hand, and search uses it at index time (see :func:`cyrillic_equivalents`).

Transliteration used here (the classical one, after Poppe and Lessing): ``a e i o u ö ü``,
``ē`` (U+1827, foreign words), ``n ŋ b p q/k γ/g m l s š t d č ǰ y r w f`` (``q`` and
``k`` are both U+182C, ``γ`` and ``g`` both U+182D: the script writes one letter, the
word's vowels say how it sounds), ``K`` for the foreign k (U+183A), ``z`` (U+183D).
A hyphen is the narrow no-break space (U+202F) that joins a case suffix written as its
own word (``γaǰar-un``); ``~`` is the Mongolian vowel separator (U+180E) before a final
``a``/``e`` (``qayaγ~a``, ``kösiy~e``). Digits become Mongolian digits.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "MVS",
    "NNBSP",
    "ROMAN",
    "WORDS",
    "cyrillic_equivalents",
    "from_transliteration",
    "has_traditional",
    "is_mongolian_text",
]

#: Narrow no-break space: joins a case suffix (written as its own word) to its stem.
NNBSP: Final = "\u202f"
#: Mongolian vowel separator: before a final a or e that stands apart (qayaγ-a).
MVS: Final = "\u180e"

_LETTERS: Final[dict[str, str]] = {
    "a": "\u1820",
    "e": "\u1821",
    "i": "\u1822",
    "o": "\u1823",
    "u": "\u1824",
    "ö": "\u1825",
    "ü": "\u1826",
    "ē": "\u1827",
    "n": "\u1828",
    "ŋ": "\u1829",
    "b": "\u182a",
    "p": "\u182b",
    "q": "\u182c",
    "k": "\u182c",
    "γ": "\u182d",
    "g": "\u182d",
    "m": "\u182e",
    "l": "\u182f",
    "s": "\u1830",
    "š": "\u1831",
    "t": "\u1832",
    "d": "\u1833",
    "č": "\u1834",
    "ǰ": "\u1835",
    "y": "\u1836",
    "r": "\u1837",
    "w": "\u1838",
    "f": "\u1839",
    "K": "\u183a",
    "z": "\u183d",
    "-": NNBSP,
    "~": MVS,
    " ": " ",
    ",": "\u1802",  # Mongolian comma
    ".": "\u1803",  # Mongolian full stop
    ":": "\u1804",  # Mongolian colon
}
_LETTERS.update({str(d): chr(0x1810 + d) for d in range(10)})

#: A Latin spelling of each basic letter, close to how Cyrillic folds for search
#: (``core.textfold`` maps the script through it, so ᠮᠣᠩᠭᠣᠯ and Монгол meet).
ROMAN: Final[dict[str, str]] = {
    "\u1820": "a",
    "\u1821": "e",
    "\u1822": "i",
    "\u1823": "o",
    "\u1824": "u",
    "\u1825": "o",
    "\u1826": "u",
    "\u1827": "e",
    "\u1828": "n",
    "\u1829": "ng",
    "\u182a": "b",
    "\u182b": "p",
    "\u182c": "kh",
    "\u182d": "g",
    "\u182e": "m",
    "\u182f": "l",
    "\u1830": "s",
    "\u1831": "sh",
    "\u1832": "t",
    "\u1833": "d",
    "\u1834": "ch",
    "\u1835": "j",
    "\u1836": "y",
    "\u1837": "r",
    "\u1838": "v",
    "\u1839": "f",
    "\u183a": "k",
    "\u183b": "kh",
    "\u183c": "ts",
    "\u183d": "z",
    "\u183e": "h",
    "\u183f": "zr",
    "\u1840": "lh",
    "\u1841": "zh",
    "\u1842": "ch",
    MVS: "",
    **{chr(0x1810 + d): str(d) for d in range(10)},
}

_TRADITIONAL = re.compile("[\u1820-\u18aa]")
#: Characters a traditional-script text may hold besides the Mongolian block.
_ALSO_ALLOWED = frozenset(" " + NNBSP + "0123456789()«»\u300a\u300b-")


def from_transliteration(latin: str) -> str:
    """The traditional-script text for a transliteration (see the module docstring).

    >>> [hex(ord(c)) for c in from_transliteration("γa-un")]
    ['0x182d', '0x1820', '0x202f', '0x1824', '0x1828']
    """
    try:
        return "".join(_LETTERS[c] for c in latin)
    except KeyError as exc:
        raise ValueError(f"no traditional letter for {exc.args[0]!r} in {latin!r}") from None


def has_traditional(text: str) -> bool:
    """True when ``text`` holds a letter of the traditional Mongolian script."""
    return _TRADITIONAL.search(text) is not None


def is_mongolian_text(text: str) -> bool:
    """True when every character is in the Mongolian block (U+1800-U+18AF) or is a space,
    the narrow no-break space, a digit or common punctuation, and there is a letter."""
    return has_traditional(text) and all(
        "\u1800" <= c <= "\u18af" or c in _ALSO_ALLOWED for c in text
    )


#: Whole words (some with their case suffix) in the traditional script, with the Cyrillic
#: spelling of the same word. Each was checked by hand against the classical spelling.
_WORD_TABLE: Final[tuple[tuple[str, str], ...]] = (
    ("moŋγol", "монгол"),
    ("ulus", "улс"),
    ("delekei", "дэлхий"),
    ("delekei-yin", "дэлхийн"),
    ("γaǰar", "газар"),
    ("γaǰar-un", "газрын"),
    ("ǰiruγ", "зураг"),
    ("ǰiruγud", "зургууд"),
    ("qasaγ", "казах"),
    ("ger", "гэр"),
    ("bömbürčeg", "бөмбөрцөг"),
    ("bömbürčeg-ün", "бөмбөрцгийн"),
    ("körög", "хөрөг"),
    ("gerel", "гэрэл"),
    ("altan", "алтан"),
    ("kümün", "хүн"),
    ("morin", "морин"),
    ("quγur", "хуур"),
    ("debel", "дээл"),
    ("kibis", "хивс"),
    ("isegei", "эсгий"),
    ("kösiy~e", "хөшөө"),
    ("buγu", "буга"),
    ("kögǰim", "хөгжим"),
    ("kirgis", "киргиз"),
    ("tŋri", "тэнгэр"),
    ("tŋri-yin", "тэнгэрийн"),
    ("qayaγ~a", "хаяа"),
    ("qayaγ~a-yi", "хаяаг"),
    ("qolboqu", "холбох"),
    ("töb", "төв"),
    ("asiy~a", "ази"),
    ("önöge", "өнөө"),
    ("üy~e", "үе"),
    ("tere", "тэр"),
    ("daqin", "дахин"),
    ("ǰiruγsan", "зурсан"),
    ("qataγamal", "хатгамал"),
    ("qan~a", "хана"),
    ("qan~a-yin", "ханын"),
    ("čimeglel", "чимэглэл"),
    ("kegetei", "хээтэй"),
    ("urtu", "урт"),
    ("küǰügütei", "хүзүүтэй"),
    ("bös", "бөс"),
    ("dombur", "домбор"),
    ("köke", "хөх"),
    ("bömbüge", "бөмбөг"),
    ("toγoriγ", "тойрог"),
    ("ǰam", "зам"),
    ("ǰam-ača", "замаас"),
    ("qaraγsan", "харсан"),
    ("martin", "мартин"),
    ("bēqaim", "бехайм"),
    ("bēqaim-un", "бехаймын"),
)

#: Traditional spelling -> Cyrillic spelling, for whole words.
WORDS: Final[dict[str, str]] = {
    from_transliteration(latin): cyrillic for latin, cyrillic in _WORD_TABLE
}
_LONGEST = max(w.count(NNBSP) for w in WORDS) + 1
_SPLIT = re.compile(r"[ \t\r\n\u00a0\u1800-\u1805\u1807-\u180a,.:;!?()«»\u300a\u300b]+")


def cyrillic_equivalents(text: str) -> list[str]:
    """The Cyrillic spelling of every whole word of ``text`` that :data:`WORDS` knows.

    A word with its suffix (``γaǰar-un``) is looked up first, then the stem alone, so
    газрын and газар both come out of ᠭᠠᠵᠠᠷ ᠤᠨ.
    """
    if not has_traditional(text):
        return []
    found: list[str] = []
    for part in _SPLIT.split(text):
        pieces = part.split(NNBSP)
        for start in range(len(pieces)):
            for size in range(min(_LONGEST, len(pieces) - start), 0, -1):
                cyrillic = WORDS.get(NNBSP.join(pieces[start : start + size]))
                if cyrillic is not None and cyrillic not in found:
                    found.append(cyrillic)
    return found
