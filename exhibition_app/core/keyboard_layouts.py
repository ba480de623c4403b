"""Letter layouts of the kiosk's on-screen keyboard, as rows of lowercase letters.

Search is case-insensitive, so there is no shift level. Rows follow the visitors' own
hardware keyboards so the letters are where a hand expects them:

- ``kk``: the Kazakh layout (its top row ә і ң ғ ү ұ қ ө һ) over the Russian ЙЦУКЕН rows;
- ``ru``: ЙЦУКЕН, with ё after ю on the last row;
- ``mn``: the Mongolian Cyrillic ФЦУЖЭ layout, whose е and щ (on the digit row of a hardware
  keyboard) close its last row;
- ``latin``: QWERTY.
"""

from __future__ import annotations

from typing import Final

#: The widest row a layout may have (the keyboard is 12 keys wide) and the most rows.
MAX_ROW_KEYS: Final = 12
MAX_ROWS: Final = 4

Rows = tuple[tuple[str, ...], ...]


def _rows(*rows: str) -> Rows:
    return tuple(tuple(row) for row in rows)


#: Layout code -> rows of single lowercase letters, in the order the switch buttons show them.
LAYOUTS: Final[dict[str, Rows]] = {
    "kk": _rows(
        "әіңғүұқөһ",
        "йцукенгшщзхъ",
        "фывапролджэ",
        "ячсмитьбюё",
    ),
    "ru": _rows(
        "йцукенгшщзхъ",
        "фывапролджэ",
        "ячсмитьбюё",
    ),
    "mn": _rows(
        "фцужэнгшүзкъ",
        "йыбөахролдп",
        "ячёсмитьвюещ",
    ),
    "latin": _rows(
        "qwertyuiop",
        "asdfghjkl",
        "zxcvbnm",
    ),
}

#: What each layout's switch button says (in its own script, so a visitor recognises it).
LAYOUT_LABELS: Final[dict[str, str]] = {"kk": "ҚАЗ", "ru": "РУС", "mn": "МОН", "latin": "ABC"}

_LAYOUT_OF_LANGUAGE: Final[dict[str, str]] = {"en": "latin", "kk": "kk", "ru": "ru", "mn": "mn"}

DEFAULT_LAYOUT: Final = "latin"


def layout_for_language(code: str) -> str:
    """The layout a visitor reading ``code`` types with; Latin for a language without one."""
    return _LAYOUT_OF_LANGUAGE.get(code, DEFAULT_LAYOUT)


def letters(code: str) -> frozenset[str]:
    """Every letter of layout ``code`` (KeyError if there is no such layout)."""
    return frozenset(key for row in LAYOUTS[code] for key in row)
