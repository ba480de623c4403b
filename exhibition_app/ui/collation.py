"""Sorting words as a reader of each language expects (QCollator, with Kazakh checked).

``sort_key(lang)`` gives a key for ``sorted``: Qt's collator for the language's locale (ICU
knows English, Russian and Mongolian Cyrillic order). Kazakh's own letters have their places
in its alphabet (а ә б в г ғ д е ё ж з и й к қ л м н ң о ө п р с т у ұ ү ф х һ ц ч ш щ ъ ы
і ь э ю я); where the collator does not put them there (a Qt built without ICU's Kazakh
data sorts ә after я, or і beside и), the alphabet itself orders the words.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtCore import QCollator, QLocale, Qt

from exhibition_app.ui.i18n import QT_LOCALES

#: The Kazakh Cyrillic alphabet in its order (42 letters).
KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_KAZAKH_RANK = {letter: rank for rank, letter in enumerate(KAZAKH_ALPHABET)}


def _kazakh_key(word: str) -> tuple[tuple[int, int], ...]:
    """Letter by letter in the Kazakh alphabet; anything else after it, by code point
    (case and spacing ignored, so "Ақ" and "АҚ" sort together)."""
    return tuple(
        (0, _KAZAKH_RANK[ch]) if ch in _KAZAKH_RANK else (1, ord(ch))
        for ch in word.casefold()
        if not ch.isspace()
    )


def _collator(lang: str) -> QCollator:
    collator = QCollator(QLocale(QT_LOCALES.get(lang, lang)))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)  # "12 700" after "2"
    return collator


def collator_knows_kazakh(collator: QCollator) -> bool:
    """Whether ``collator`` puts the Kazakh letters in Kazakh order."""
    letters = list(KAZAKH_ALPHABET)
    return sorted(letters, key=collator.sortKey) == letters


@cache
def sort_key(lang: str) -> Callable[[str], Any]:
    """A ``sorted`` key that orders words of ``lang`` as its readers do."""
    collator = _collator(lang)
    if lang == "kk" and not collator_knows_kazakh(collator):
        return _kazakh_key
    return collator.sortKey
