"""Shipped fonts: Noto Sans/Serif (Latin, Cyrillic with every Kazakh letter) and Noto Sans
Mongolian, registered with Qt at start so no screen depends on what the system has."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from exhibition_app.paths import checkout_root
from exhibition_app.ui.theme import SANS


def font_dirs(assets: Path | None) -> list[Path]:
    dirs = []
    if assets is not None:
        dirs.append(assets / "fonts")
    root = checkout_root()
    if root is not None:
        dirs.append(root / "assets" / "fonts")
    return dirs


def load_fonts(app: QApplication, assets: Path | None) -> list[str]:
    """Register every shipped .ttf; returns the families found. Sets the UI font."""
    families: set[str] = set()
    seen: set[str] = set()
    for folder in font_dirs(assets):
        for ttf in sorted(folder.glob("*.ttf")):
            if ttf.name in seen:
                continue
            seen.add(ttf.name)
            font_id = QFontDatabase.addApplicationFont(str(ttf))
            if font_id >= 0:
                families.update(QFontDatabase.applicationFontFamilies(font_id))
    if SANS in families:
        font = QFont(SANS)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        # Mongolian script falls back to its own face.
        QFont.insertSubstitution(SANS, "Noto Sans Mongolian")
        app.setFont(font)
    return sorted(families)
