"""The catalogue's languages and how a missing translation falls back to another one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

#: Languages every text field can carry, in the order curators see them.
LANGUAGES: tuple[str, ...] = ("en", "kk", "ru", "mn")

#: Each language's own name, as a visitor looks for it on a language button.
NATIVE_NAMES: dict[str, str] = {
    "en": "English",
    "kk": "Қазақша",
    "ru": "Русский",
    "mn": "Монгол",
    # Mongol bichig, the traditional script (a text language; no language button).
    "mn-Mong": "\u182e\u1823\u1829\u182d\u1823\u182f \u182a\u1822\u1834\u1822\u182d",
}

#: Traditional Mongolian script (Mongol bichig), BCP 47 ``mn-Mong``: a second script for
#: Mongolian titles beside ``mn`` (which stays Cyrillic). A text language only: the interface
#: languages (and the kiosk's language buttons) stay :data:`LANGUAGES`.
MONGOL_SCRIPT = "mn-Mong"

#: Text fields that may carry a title in the traditional script (items, exhibitions and
#: sections all call theirs "title").
MONGOL_SCRIPT_FIELDS: frozenset[str] = frozenset({"title"})

#: Every language a stored text can be in: the interface languages, then script variants.
TEXT_LANGUAGES: tuple[str, ...] = (*LANGUAGES, MONGOL_SCRIPT)

#: Default fallback order when the wanted language has no text.
DEFAULT_FALLBACK: tuple[str, ...] = ("en", "ru", "kk", "mn")


def is_language(code: str) -> bool:
    return code in LANGUAGES


def is_text_language(code: str, field: str = "title") -> bool:
    """True when a ``field`` text may be stored in ``code`` (``mn-Mong`` only for titles)."""
    return code in LANGUAGES or (code == MONGOL_SCRIPT and field in MONGOL_SCRIPT_FIELDS)


def text_languages(field: str) -> tuple[str, ...]:
    """The languages a ``field`` text may be stored in, in the order curators see them."""
    return TEXT_LANGUAGES if field in MONGOL_SCRIPT_FIELDS else LANGUAGES


def check_language(code: str) -> str:
    """Return ``code`` if it is a catalogue language, else raise ValueError with the choices."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language '{code}': use one of {', '.join(LANGUAGES)}")
    return code


@dataclass(frozen=True)
class Picked:
    """A text chosen for display: ``lang`` differs from the wanted one when it fell back."""

    text: str
    lang: str
    wanted: str

    @property
    def is_fallback(self) -> bool:
        return self.lang != self.wanted


def pick(
    texts: Mapping[str, str],
    lang: str,
    fallback: Sequence[str] = DEFAULT_FALLBACK,
) -> Picked | None:
    """The text in ``lang``, else the first non-empty one along ``fallback``, else any."""
    for code in (lang, *fallback, *sorted(texts)):
        value = texts.get(code)
        if value and value.strip():
            return Picked(value, code, lang)
    return None


def parse_fallback(value: str) -> tuple[str, ...]:
    """Parse a configured fallback order such as ``"ru,en,kk,mn"``."""
    codes = tuple(c.strip() for c in value.split(",") if c.strip())
    for code in codes:
        check_language(code)
    return codes
