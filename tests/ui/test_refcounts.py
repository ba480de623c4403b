"""Guard against Qt bindings that drop references to None (PySide6 6.12.0 on Python 3.11).

Such a binding makes every ``QPainter.setPen`` (and more) steal a reference to None; after
enough painting the interpreter aborts with "none_dealloc". Painting the real window many
times must leave None's reference count where it was, give or take ordinary churn.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from exhibition_app.catalog import Catalog

IMMORTAL = sys.version_info >= (3, 12)  # None cannot be freed there


@pytest.mark.skipif(IMMORTAL, reason="None is immortal on Python 3.12+")
def test_painter_calls_keep_none_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("red"))
        painter.drawRoundedRect(QRectF(0, 0, 10, 10), 2, 2)
    after = sys.getrefcount(None)
    painter.end()
    assert after - before > -100, "the Qt bindings lose references to None: pin another PySide6"


@pytest.mark.skipif(IMMORTAL, reason="None is immortal on Python 3.12+")
def test_painting_the_window_keeps_none_alive(qtbot, sample_catalog: Catalog) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.ui.i18n import Language
    from exhibition_app.ui.main_window import MainWindow

    win = MainWindow(lambda: sample_catalog, Language("en"))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitUntil(win.is_settled, timeout=20000)
    before = sys.getrefcount(None)
    for _ in range(30):
        win.grab()
    assert sys.getrefcount(None) - before > -200
