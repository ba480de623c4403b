"""Titles that are never cut where a visitor needs them: wrap to a few lines, then shrink
within set limits, and only then (a curator's 300-character title) shorten with an ellipsis.

:func:`fit_text` is used by whoever paints a title (gallery tiles, the attract loop) and by
the kiosk preflight, which reports every text that did not fit (``fits`` is False).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


@dataclass(frozen=True)
class Fit:
    text: str  # what to draw: the whole text, or (fits False) shortened with "…"
    px: int  # the pixel size to draw it at
    lines: int
    fits: bool


def _measure(font: QFont, text: str, width: float) -> tuple[float, int]:
    """(widest line, number of lines) of ``text`` wrapped at ``width``."""
    fm = QFontMetricsF(font)
    rect = fm.boundingRect(QRectF(0, 0, width, 1e6), WRAP, text)
    lines = max(1, round(rect.height() / fm.lineSpacing()))
    return rect.width(), lines


def fit_text(
    font: QFont,
    text: str,
    width: float,
    *,
    max_lines: int,
    max_px: int,
    min_px: int,
    height: float | None = None,
) -> Fit:
    """The largest pixel size from ``max_px`` down to ``min_px`` at which ``text`` wraps
    into ``max_lines`` lines of ``width`` (and, given ``height``, no taller than that);
    else ``text`` shortened at ``min_px``."""
    key = (font.family(), font.weight(), font.italic(), font.capitalization())
    tall = round(height) if height is not None else None
    return _fit(key, text, round(width), max_lines, max_px, min_px, tall)


@lru_cache(maxsize=4096)
def _fit(
    key: tuple[str, object, bool, object],
    text: str,
    width: int,
    max_lines: int,
    max_px: int,
    min_px: int,
    height: int | None,
) -> Fit:
    font = QFont(key[0])
    font.setWeight(key[1])  # type: ignore[arg-type]
    font.setItalic(key[2])
    font.setCapitalization(key[3])  # type: ignore[arg-type]
    px = max_px
    while True:
        font.setPixelSize(px)
        widest, lines = _measure(font, text, width)
        allowed = max_lines
        if height is not None:
            allowed = min(max_lines, max(1, int(height // QFontMetricsF(font).lineSpacing())))
        if widest <= width + 0.5 and lines <= allowed:
            return Fit(text, px, lines, True)
        if px <= min_px:
            break
        px = max(min_px, px - max(1, px // 16))
    return Fit(_shorten(font, text, width, allowed), min_px, allowed, False)


def _shorten(font: QFont, text: str, width: float, max_lines: int) -> str:
    """``text`` cut at a word (or a character) with "…" so it wraps into ``max_lines``."""
    words = text.split()
    lo, hi = 0, len(words)
    while lo < hi:  # the most words that still fit
        mid = (lo + hi + 1) // 2
        widest, lines = _measure(font, " ".join(words[:mid]) + "…", width)
        if widest <= width + 0.5 and lines <= max_lines:
            lo = mid
        else:
            hi = mid - 1
    if lo > 0:
        return " ".join(words[:lo]).rstrip(",;:·-–—") + "…"
    fm = QFontMetricsF(font)
    return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)


def fits_one_line(font: QFont, text: str, width: float) -> bool:
    return QFontMetricsF(font).horizontalAdvance(text) <= width + 0.5
