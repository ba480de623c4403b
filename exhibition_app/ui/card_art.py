"""The designed card shown for an item that has no photograph yet (never a broken image),
and the item's picture fitted in the same place when it has one.

Parchment and steppe ochre, a thin gold frame, a felt-ornament corner motif, the item's
culture in small capitals, its title in the serif face, and its date.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPainterPath, QPen, QPixmap

from exhibition_app.core.cards import CARD_DESIGN, ItemCard, ram_horn_strokes
from exhibition_app.ui.labels import kind_name
from exhibition_app.ui.theme import SANS, SERIF

D = CARD_DESIGN
#: Width over height of the card where it stands on its own (item page, attract loop).
CARD_ASPECT = D.aspect
INK = QColor(D.ink)
INK_SOFT = QColor(D.ink_soft)
GOLD_LINE = QColor(D.gold_line)


def _ram_horn(painter: QPainter, center: QPointF, size: float) -> None:
    """A small qoshqar-muiz (ram's horn) ornament, the commonest motif of steppe felt."""
    path = QPainterPath()
    for stroke in ram_horn_strokes(center.x(), center.y(), size):
        path.moveTo(*stroke[0])
        if len(stroke) == 2:
            path.lineTo(*stroke[1])
        for i in range(1, len(stroke) - 2, 3):
            path.cubicTo(*stroke[i], *stroke[i + 1], *stroke[i + 2])
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
    grad.setColorAt(0.0, QColor(D.paper_light))
    grad.setColorAt(1.0, QColor(D.paper_dark))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(grad)
    painter.drawRoundedRect(rect, radius, radius)

    w = rect.width()
    pad = max(10.0, w * D.pad)
    frame = rect.adjusted(pad * 0.5, pad * 0.5, -pad * 0.5, -pad * 0.5)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(GOLD_LINE, max(1.0, w * D.frame_width)))
    painter.drawRoundedRect(frame, radius * 0.6, radius * 0.6)

    painter.setPen(QPen(QColor(*D.ornament), max(1.2, w * D.ornament_width)))
    _ram_horn(
        painter,
        QPointF(rect.center().x(), rect.top() + rect.height() * D.ornament_y),
        w * D.ornament_size,
    )

    inner = rect.adjusted(pad * 1.2, rect.height() * D.text_top, -pad * 1.2, -pad)
    painter.setPen(INK_SOFT)
    small = QFont(SANS)
    small.setPixelSize(max(9, int(w * D.kicker_size)))
    small.setCapitalization(QFont.Capitalization.AllUppercase)
    small.setLetterSpacing(QFont.SpacingType.PercentageSpacing, D.kicker_spacing * 100)
    painter.setFont(small)
    kicker = culture or kind
    painter.drawText(
        QRectF(inner.left(), inner.top(), inner.width(), small.pixelSize() * 1.6),
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
        painter.fontMetrics().elidedText(kicker, Qt.TextElideMode.ElideRight, int(inner.width())),
    )
    title_font = QFont(SERIF)
    title_font.setPixelSize(max(12, int(w * D.title_size)))
    painter.setFont(title_font)
    painter.setPen(INK)
    title_rect = QRectF(
        inner.left(),
        inner.top() + small.pixelSize() * 2.0,
        inner.width(),
        inner.height() * D.title_share,
    )
    painter.drawText(
        title_rect,
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
        title,
    )
    if date:
        date_font = QFont(SANS)
        date_font.setPixelSize(max(9, int(w * D.date_size)))
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


def paint_item_card(
    painter: QPainter,
    rect: QRectF,
    card: ItemCard,
    text: Callable[[str], str],
    *,
    radius: float = 10.0,
) -> None:
    """The designed card of ``card`` filling ``rect``; ``text(field)`` is the field's text in
    the language on show."""
    paint_card(
        painter,
        rect,
        title=text("title"),
        culture=text("culture"),
        date=text("date"),
        kind=kind_name(card.kind),
        radius=radius,
    )


def fit_rect(size: QSize, box: QRectF) -> QRectF:
    """The largest rect of ``size``'s aspect ratio centred in ``box`` (cover if nearly equal)."""
    if size.width() <= 0 or size.height() <= 0:
        return box
    scale = min(box.width() / size.width(), box.height() / size.height())
    w, h = size.width() * scale, size.height() * scale
    return QRectF(box.center().x() - w / 2, box.center().y() - h / 2, w, h)


def paint_picture_or_card(
    painter: QPainter,
    box: QRectF,
    card: ItemCard,
    pixmap: QPixmap | None,
    text: Callable[[str], str],
    *,
    radius: float,
) -> None:
    """In ``box``: the item's picture fitted; the designed card (as large as fits) when it
    has none or it could not be read (an empty pixmap); nothing while it is still loading."""
    if pixmap is not None and not pixmap.isNull():
        painter.drawPixmap(fit_rect(pixmap.size(), box), pixmap, QRectF(pixmap.rect()))
    elif card.cover is None or pixmap is not None:
        side = min(box.width(), box.height() * CARD_ASPECT)
        rect = QRectF(0, 0, side, side / CARD_ASPECT)
        rect.moveCenter(box.center())
        paint_item_card(painter, rect, card, text, radius=radius)
