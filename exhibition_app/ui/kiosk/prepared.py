""" "The exhibition is being prepared": what a kiosk shows instead of a blank screen when its
catalogue is empty, missing, unreadable or mistyped. The four languages at once (the
kiosk's own first and largest), on the theme, with nothing technical for the visitor; the
reason goes to the log (KioskWindow). The kiosk keeps trying and leaves this screen by
itself when there is an exhibition to show.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from exhibition_app.core.languages import LANGUAGES
from exhibition_app.ui.i18n import tr_in
from exhibition_app.ui.theme import GOLD, LINE, MUTED, NIGHT, OCHRE, PARCHMENT, SANS, SERIF

#: The words (already in every translation: the gallery used them for an empty catalogue).
MESSAGE = "This exhibition is being prepared. Please come back soon."


def message_in(lang: str) -> tuple[str, str]:
    """(heading, line) of the message in ``lang``: its first sentence and the rest."""
    text = tr_in(lang, "Kiosk", MESSAGE).strip()
    for stop in (". ", "。", "! "):
        if stop in text:
            head, rest = text.split(stop, 1)
            return head + stop.strip(), rest.strip()
    return text, ""


class PreparedScreen(QWidget):
    """Painted, like the attract loop: no child widgets, nothing to press."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("prepared")
        self.lang = "en"  # the kiosk's language: first and largest
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.hide()

    def texts(self) -> list[tuple[str, str, str]]:
        """(language, heading, line) in the order shown."""
        order = [self.lang, *(c for c in LANGUAGES if c != self.lang)]
        return [(code, *message_in(code)) for code in order]

    def show_for(self, lang: str) -> None:
        self.lang = lang
        self.setAccessibleName(" ".join(message_in(lang)))
        self.setGeometry(self.parentWidget().rect() if self.parentWidget() else self.rect())
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(NIGHT))
        w, h = float(self.width()), float(self.height())
        side = min(w, h)
        column = QRectF(w * 0.1, 0, w * 0.8, h)
        texts = self.texts()
        first_size = max(40, min(56, int(side * 0.05)))
        other_size = max(22, min(30, int(side * 0.026)))
        # Measure, then centre the whole block vertically.
        blocks: list[tuple[str, QFont, QColor, float, float]] = []
        for i, (_code, heading, line) in enumerate(texts):
            if i == 0:  # the kiosk's language: a heading and its line
                head_font = QFont(SERIF)
                head_font.setPixelSize(first_size)
                blocks.append((heading, head_font, QColor(PARCHMENT), 0, 0))
                if line:
                    line_font = QFont(SANS)
                    line_font.setPixelSize(max(22, int(first_size * 0.5)))
                    blocks.append((line, line_font, QColor(OCHRE), 0, 0))
            else:  # the others: one line each
                other_font = QFont(SANS)
                other_font.setPixelSize(other_size)
                blocks.append((f"{heading} {line}".strip(), other_font, QColor(MUTED), 0, 0))
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
        measured = []
        for text, font, colour, _a, _b in blocks:
            painter.setFont(font)
            rect = painter.boundingRect(QRectF(column.left(), 0, column.width(), h), flags, text)
            measured.append((text, font, colour, rect.height()))
        ornament_h = side * 0.09
        gap_first = side * 0.05
        total = ornament_h + gap_first + sum(m[3] for m in measured) + 16 * len(measured)
        total += side * 0.04  # the rule between the kiosk's language and the others
        y = max(h * 0.05, (h - total) / 2)
        self._paint_ornament(painter, QPointF(w / 2, y + ornament_h / 2), ornament_h)
        y += ornament_h + gap_first
        first_lines = 2 if texts and texts[0][2] else 1
        for index, (text, font, colour, height) in enumerate(measured):
            if index == first_lines:  # a quiet rule, then the other languages
                y += side * 0.02
                painter.setPen(QPen(QColor(LINE), 1))
                painter.drawLine(QPointF(w * 0.4, y), QPointF(w * 0.6, y))
                y += side * 0.02
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(QRectF(column.left(), y, column.width(), height), flags, text)
            y += height + (8 if index < first_lines else 16)
        painter.end()

    def _paint_ornament(self, painter: QPainter, centre: QPointF, size: float) -> None:
        """A ram's-horn (qoshqar muiiz) curl in gold, the motif of Kazakh felt."""
        pen = QPen(QColor(GOLD), max(2.0, size * 0.06))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        r = size * 0.28
        cx, cy = centre.x(), centre.y()
        path = QPainterPath(QPointF(cx, cy + size * 0.45))
        path.lineTo(cx, cy - size * 0.05)
        for sign in (-1, 1):
            horn = QPainterPath(QPointF(cx, cy - size * 0.05))
            horn.cubicTo(
                QPointF(cx, cy - r * 1.9),
                QPointF(cx + sign * r * 2.3, cy - r * 1.9),
                QPointF(cx + sign * r * 2.0, cy - r * 0.2),
            )
            horn.cubicTo(
                QPointF(cx + sign * r * 1.8, cy + r * 0.6),
                QPointF(cx + sign * r * 0.9, cy + r * 0.4),
                QPointF(cx + sign * r * 1.0, cy - r * 0.3),
            )
            painter.drawPath(horn)
        painter.drawPath(path)
