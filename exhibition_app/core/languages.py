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
}

#: Default fallback order when the wanted language has no text.
DEFAULT_FALLBACK: tuple[str, ...] = ("en", "ru", "kk", "mn")


def is_language(code: str) -> bool:
    return code in LANGUAGES


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
