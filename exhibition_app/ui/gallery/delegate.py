"""Paints one gallery tile: the image (or the designed card), title and date."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from exhibition_app.ui.card_art import fit_rect, paint_item_card
from exhibition_app.ui.gallery.model import GalleryModel
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.labels import kind_name
from exhibition_app.ui.theme import GOLD, LINE, MUTED, PARCHMENT, RAISED, SANS, TURQUOISE

TILE = QSize(236, 300)
IMAGE_H = 196
MARGIN = 8


@dataclass(frozen=True)
class TileMetrics:
    """Tile geometry and type sizes: the desktop's, or the kiosk's larger ones."""

    tile: QSize = field(default_factory=lambda: QSize(TILE))
    image_h: int = IMAGE_H
    kicker_px: int = 11
    title_px: int = 14
    meta_px: int = 12
    title_lines_h: int = 40
    high_contrast: bool = False


DESKTOP = TileMetrics()
#: Kiosk scale (DESIGN.md: nothing under 18 px at arm's length on a touch screen).
KIOSK = TileMetrics(
    tile=QSize(330, 420), image_h=262, kicker_px=18, title_px=21, meta_px=18, title_lines_h=56
)
KIOSK_LARGE = TileMetrics(
    tile=QSize(420, 520), image_h=318, kicker_px=22, title_px=27, meta_px=22, title_lines_h=72
)


class TileDelegate(QStyledItemDelegate):
    def __init__(
        self, language: Language, parent: object = None, metrics: TileMetrics = DESKTOP
    ) -> None:
        super().__init__(parent)
        self.language = language
        self.metrics = metrics

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return self.metrics.tile

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # Ask the model directly rather than through ``index.data(role)``: no QVariant round
        # trip per role per tile (and PySide6 6.12.0 lost a reference to None on each empty
        # one; see the pin in pyproject.toml and tests/ui/test_refcounts.py).
        model = index.model()
        if not isinstance(model, GalleryModel):
            return
        card = model.card_at(index.row())
        if card is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        rect = QRectF(option.rect).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        focus = bool(option.state & QStyle.StateFlag.State_HasFocus)
        m = self.metrics
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#000000" if m.high_contrast else RAISED))
        painter.drawRoundedRect(rect, 10, 10)

        image_rect = QRectF(rect.left(), rect.top(), rect.width(), m.image_h)
        pixmap: QPixmap | None = model.thumbnail(card)
        lang = self.language
        if pixmap is not None and not pixmap.isNull():
            clip = QPainterPath()
            clip.addRoundedRect(image_rect, 10, 10)
            painter.setClipPath(clip)
            painter.fillRect(image_rect, QColor("#0d0c0a"))
            target = fit_rect(pixmap.size(), image_rect)
            painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
            painter.setClipping(False)
        else:
            paint_item_card(painter, image_rect, card, lambda f: lang.text(card.text(f)))

        text_rect = rect.adjusted(12, m.image_h + 8, -12, -10)
        kicker = QFont(SANS)
        kicker.setPixelSize(m.kicker_px)
        kicker.setCapitalization(QFont.Capitalization.AllUppercase)
        kicker.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        painter.setFont(kicker)
        painter.setPen(QColor("#ffd84d" if m.high_contrast else GOLD))
        kicker_h = m.kicker_px + 5
        painter.drawText(
            QRectF(text_rect.left(), text_rect.top(), text_rect.width(), kicker_h),
            Qt.AlignmentFlag.AlignLeft,
            kind_name(card.kind),
        )
        title_font = QFont(SANS)
        title_font.setPixelSize(m.title_px)
        title_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title_font)
        painter.setPen(QColor("#ffffff" if m.high_contrast else PARCHMENT))
        title = lang.text(card.text("title")) or card.accession_number
        title_box = QRectF(
            text_rect.left(), text_rect.top() + kicker_h + 2, text_rect.width(), m.title_lines_h
        )
        painter.drawText(
            title_box,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            _elide_lines(painter, title, title_box),
        )
        meta_font = QFont(SANS)
        meta_font.setPixelSize(m.meta_px)
        painter.setFont(meta_font)
        painter.setPen(QColor("#ffffff" if m.high_contrast else MUTED))
        date = lang.text(card.text("date"))
        painter.drawText(
            QRectF(
                text_rect.left(),
                text_rect.bottom() - m.meta_px - 4,
                text_rect.width(),
                m.meta_px + 4,
            ),
            Qt.AlignmentFlag.AlignLeft,
            painter.fontMetrics().elidedText(
                date, Qt.TextElideMode.ElideRight, int(text_rect.width())
            ),
        )
        if selected or hovered or focus:
            colour = TURQUOISE if (selected or focus) else LINE
            if m.high_contrast:
                colour = "#ffd84d" if (selected or focus) else "#ffffff"
            painter.setPen(QPen(QColor(colour), 4 if m.high_contrast else 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 10, 10)
        painter.restore()


def _elide_lines(painter: QPainter, text: str, box: QRectF) -> str:
    """Shorten ``text`` with an ellipsis until it fits ``box`` when word-wrapped."""
    fm = painter.fontMetrics()
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    bound = QRect(0, 0, int(box.width()), 10_000)
    if fm.boundingRect(bound, flags, text).height() <= box.height():
        return text
    words = text.split()
    while words:
        words.pop()
        candidate = " ".join(words) + "…"
        if fm.boundingRect(bound, flags, candidate).height() <= box.height():
            return candidate
    return fm.elidedText(text, Qt.TextElideMode.ElideRight, int(box.width()))
