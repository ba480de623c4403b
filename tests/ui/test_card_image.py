"""The card exports draw with Pillow looks like the card the app paints with Qt."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops, ImageFilter, ImageStat
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from exhibition_app.imaging.card_image import card_height, render_card
from exhibition_app.paths import checkout_root
from exhibition_app.ui.card_art import CARD_ASPECT, paint_card
from exhibition_app.ui.fonts import load_fonts

WORDS = {
    "title": "Kazakh felt carpet (tekemet) with ram's-horn ornament",
    "culture": "Kazakh",
    "date": "19th century",
    "kind": "Object",
}


def _qt_card(width: int, tmp_path: Path) -> Image.Image:
    height = card_height(width)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_card(painter, QRectF(0, 0, width, height), radius=10.0 * width / 300, **WORDS)
    painter.end()
    path = tmp_path / "qt.png"
    assert image.save(str(path))
    with Image.open(path) as done:
        return done.convert("RGB")


def test_pillow_card_matches_the_qt_card(qapp: QApplication, tmp_path: Path) -> None:
    root = checkout_root()
    assert root is not None
    load_fonts(qapp, root / "assets")
    width = 390
    assert abs(width / card_height(width) - CARD_ASPECT) < 0.01
    qt = _qt_card(width, tmp_path)
    pil = render_card(width=width, **WORDS)
    assert pil.size == qt.size
    # Compared slightly blurred: glyph rasterising and antialiasing differ by a pixel here
    # and there; paper, frame, ornament and text in the same places differ by little.
    same = _distance(qt, pil)
    assert same < 3, same
    # A card with no title, or another one, is clearly further off.
    for title in ("", "Another title entirely, much longer than the first one"):
        other = render_card(width=width, **{**WORDS, "title": title})
        assert _distance(qt, other) > 4, title


def _distance(a: Image.Image, b: Image.Image) -> float:
    blur = ImageFilter.GaussianBlur(2)
    return float(
        ImageStat.Stat(ImageChops.difference(a.filter(blur), b.filter(blur)).convert("L")).mean[0]
    )
