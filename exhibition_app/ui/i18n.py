"""The visitor's language: interface strings through Qt's translator, content by fallback.

Interface strings are written in English in the source, marked with ``tr`` (below), extracted
to ``translations/exhibition_{kk,ru,mn}.ts`` by pyside6-lupdate and compiled to ``.qm`` by
pyside6-lrelease (``make translations``). Content texts come from the catalogue and use the
catalogue's fallback order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from exhibition_app.core.languages import DEFAULT_FALLBACK, LANGUAGES, Picked, pick

TRANSLATIONS_DIR = Path(__file__).with_name("translations")
QT_LOCALES = {"en": "en_GB", "kk": "kk_KZ", "ru": "ru_RU", "mn": "mn_MN"}


def tr(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate an interface string (a thin alias lupdate recognises as ``translate``)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


class Language(QObject):
    """The current language; ``changed`` fires after the translator has been swapped."""

    changed = Signal(str)

    def __init__(self, lang: str = "en", fallback: Sequence[str] = DEFAULT_FALLBACK) -> None:
        super().__init__()
        self.fallback = tuple(fallback)
        self._translator: QTranslator | None = None
        self.code = "en"
        self.set(lang)

    def set(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language '{lang}'")
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator.deleteLater()  # else every switch keeps one alive
            self._translator = None
        # English too: its .qm carries the copy editors' wording of the source strings.
        translator = QTranslator(self)
        if translator.load(str(TRANSLATIONS_DIR / f"exhibition_{lang}.qm")):
            QCoreApplication.installTranslator(translator)
            self._translator = translator
        QLocale.setDefault(QLocale(QT_LOCALES[lang]))
        changed = lang != self.code
        self.code = lang
        if changed:
            self.changed.emit(lang)

    def pick(self, texts: Mapping[str, str]) -> Picked | None:
        return pick(texts, self.code, self.fallback)

    def text(self, texts: Mapping[str, str]) -> str:
        picked = self.pick(texts)
        return picked.text if picked else ""


_TRANSLATORS: dict[str, QTranslator | None] = {}


def tr_in(lang: str, context: str, text: str) -> str:
    """``text`` in ``lang``, whatever the current language (the attract loop's call to
    action speaks all four in turn); from the same .qm files as ``tr``."""
    if lang not in _TRANSLATORS:
        translator = QTranslator()
        loaded = translator.load(str(TRANSLATIONS_DIR / f"exhibition_{lang}.qm"))
        _TRANSLATORS[lang] = translator if loaded else None
    translator = _TRANSLATORS[lang]
    found = translator.translate(context, text) if translator is not None else ""
    return found or text
