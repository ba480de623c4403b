"""The designed card shown for an item that has no photograph yet (never a broken image).

Parchment and steppe ochre, a thin gold frame, a felt-ornament corner motif, the item's
culture in small capitals, its title in the serif face, and its date.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPainterPath, QPen

from exhibition_app.ui.theme import SANS, SERIF

INK = QColor("#3b2f1e")
INK_SOFT = QColor("#6b5535")
GOLD_LINE = QColor("#b08a3a")


def _ram_horn(painter: QPainter, center: QPointF, size: float) -> None:
    """A small qoshqar-muiz (ram's horn) ornament, the commonest motif of steppe felt."""
    path = QPainterPath()
    s = size
    path.moveTo(center.x(), center.y() + s * 0.5)
    path.lineTo(center.x(), center.y() - s * 0.1)
    for sign in (-1, 1):
        path.moveTo(center.x(), center.y() - s * 0.1)
        path.cubicTo(
            center.x() + sign * s * 0.1,
            center.y() - s * 0.6,
            center.x() + sign * s * 0.75,
            center.y() - s * 0.55,
            center.x() + sign * s * 0.6,
            center.y() - s * 0.05,
        )
        path.cubicTo(
            center.x() + sign * s * 0.5,
            center.y() + s * 0.25,
            center.x() + sign * s * 0.2,
            center.y() + s * 0.05,
            center.x() + sign * s * 0.32,
            center.y() - s * 0.15,
        )
    painter.drawPath(path)


def paint_card(
    painter: QPainter,
    rect: QRectF,
    *,
    title: str,
    culture: str,
    date: str,
    kind: str,
    radius: float = 10.0,
) -> None:
    """Paint the card filling ``rect``; text scales with the card's width."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    grad = QLinearGradient(rect.topLeft(), rect.bottomRight())
    grad.setColorAt(0.0, QColor("#efe3c8"))
    grad.setColorAt(1.0, QColor("#d9c29a"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(grad)
    painter.drawRoundedRect(rect, radius, radius)

    w = rect.width()
    pad = max(10.0, w * 0.07)
    frame = rect.adjusted(pad * 0.5, pad * 0.5, -pad * 0.5, -pad * 0.5)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(GOLD_LINE, max(1.0, w / 240)))
    painter.drawRoundedRect(frame, radius * 0.6, radius * 0.6)

    painter.setPen(QPen(QColor(180, 65, 47, 150), max(1.2, w / 110)))
    _ram_horn(painter, QPointF(rect.center().x(), rect.top() + rect.height() * 0.2), w * 0.16)

    inner = rect.adjusted(pad * 1.2, rect.height() * 0.34, -pad * 1.2, -pad)
    painter.setPen(INK_SOFT)
    small = QFont(SANS)
    small.setPixelSize(max(9, int(w * 0.045)))
    small.setCapitalization(QFont.Capitalization.AllUppercase)
    small.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
    painter.setFont(small)
    kicker = culture or kind
    painter.drawText(
        QRectF(inner.left(), inner.top(), inner.width(), small.pixelSize() * 1.6),
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
        painter.fontMetrics().elidedText(kicker, Qt.TextElideMode.ElideRight, int(inner.width())),
    )
    title_font = QFont(SERIF)
    title_font.setPixelSize(max(12, int(w * 0.085)))
    painter.setFont(title_font)
    painter.setPen(INK)
    title_rect = QRectF(
        inner.left(), inner.top() + small.pixelSize() * 2.0, inner.width(), inner.height() * 0.62
    )
    painter.drawText(
        title_rect,
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
        title,
    )
    if date:
        date_font = QFont(SANS)
        date_font.setPixelSize(max(9, int(w * 0.05)))
        painter.setFont(date_font)
        painter.setPen(INK_SOFT)
        painter.drawText(
            QRectF(
                inner.left(),
                inner.bottom() - date_font.pixelSize() * 1.8,
                inner.width(),
                date_font.pixelSize() * 1.8,
            ),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            date,
        )
    painter.restore()
