"""Paints one gallery tile: the image (or the designed card), title and date."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from exhibition_app.ui.card_art import fit_rect, paint_item_card
from exhibition_app.ui.gallery.model import GalleryModel
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.labels import kind_name
from exhibition_app.ui.text_fit import Fit, fit_text
from exhibition_app.ui.theme import GOLD, LINE, MUTED, PARCHMENT, RAISED, SANS, TURQUOISE

#: The title's two lines (17 px each at 14 px) fit between the kind and the date line.
TILE = QSize(236, 312)
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
    #: Titles wrap to this many lines, then shrink down to ``title_min_px``, and only then
    #: are shortened (text_fit.fit_text).
    title_lines: int = 2
    title_min_px: int = 12


DESKTOP = TileMetrics()
#: Kiosk scale (DESIGN.md: nothing under 18 px at arm's length on a touch screen).
KIOSK = TileMetrics(
    tile=QSize(330, 420),
    image_h=262,
    kicker_px=18,
    title_px=22,
    meta_px=18,
    title_lines_h=90,
    title_lines=3,
    title_min_px=18,
)
KIOSK_LARGE = TileMetrics(
    tile=QSize(420, 520),
    image_h=318,
    kicker_px=22,
    title_px=27,
    meta_px=22,
    title_lines_h=111,
    title_lines=3,
    title_min_px=22,
)


def _line_h(px: int) -> int:
    font = QFont(SANS)
    font.setPixelSize(px)
    from PySide6.QtGui import QFontMetricsF

    return math.ceil(QFontMetricsF(font).lineSpacing())


def sized(base: TileMetrics, tile_w: int, scale: float = 1.0) -> TileMetrics:
    """``base`` at ``scale`` for tiles ``tile_w`` wide: the picture keeps a 4:3 frame and
    the text block has room for the title's lines at full size, so the date line sits at
    the same height on every tile."""
    kicker_px = round(base.kicker_px * scale)
    title_px = round(base.title_px * scale)
    meta_px = round(base.meta_px * scale)
    image_h = round((tile_w - 2 * MARGIN) * 0.72)
    title_h = base.title_lines * _line_h(title_px)
    text_h = 8 + kicker_px + 5 + 2 + title_h + 6 + meta_px + 6 + 10
    return replace(
        base,
        tile=QSize(tile_w, 2 * MARGIN + image_h + text_h),
        image_h=image_h,
        kicker_px=kicker_px,
        title_px=title_px,
        meta_px=meta_px,
        title_lines_h=title_h,
        title_min_px=round(base.title_min_px * scale),
    )


@dataclass(frozen=True)
class TileText:
    """Where a tile's texts go, and whether each fits (the kiosk preflight reads this)."""

    kicker: Fit
    title: Fit
    date: Fit
    kicker_box: QRectF
    title_box: QRectF
    date_box: QRectF


def tile_text(m: TileMetrics, rect: QRectF, kicker: str, title: str, date: str) -> TileText:
    """The layout of a tile's texts inside the tile ``rect`` (margins already taken)."""
    text_rect = rect.adjusted(12, m.image_h + 8, -12, -10)
    w = text_rect.width()
    kicker_font = QFont(SANS)
    kicker_font.setCapitalization(QFont.Capitalization.AllUppercase)
    kicker_fit = fit_text(
        kicker_font, kicker, w, max_lines=1, max_px=m.kicker_px, min_px=min(m.kicker_px, 18)
    )
    kicker_h = m.kicker_px + 5
    title_font = QFont(SANS)
    title_font.setWeight(QFont.Weight.DemiBold)
    title_fit = fit_text(
        title_font,
        title,
        w,
        max_lines=m.title_lines,
        max_px=m.title_px,
        min_px=min(m.title_px, m.title_min_px),
    )
    date_fit = fit_text(
        QFont(SANS), date, w, max_lines=1, max_px=m.meta_px, min_px=min(m.meta_px, 18)
    )
    date_h = m.meta_px + 6
    date_box = QRectF(text_rect.left(), text_rect.bottom() - date_h, w, date_h)
    top = text_rect.top() + kicker_h + 2
    title_box = QRectF(text_rect.left(), top, w, max(0.0, date_box.top() - 4 - top))
    kicker_box = QRectF(text_rect.left(), text_rect.top(), w, kicker_h)
    return TileText(kicker_fit, title_fit, date_fit, kicker_box, title_box, date_box)


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
        if not card.complete:  # a large gallery's card on its way: the tile's place only
            painter.restore()
            return

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

        title = lang.text(card.text("title")) or card.accession_number
        texts = tile_text(m, rect, kind_name(card.kind), title, lang.text(card.text("date")))
        kicker = QFont(SANS)
        kicker.setPixelSize(texts.kicker.px)
        kicker.setCapitalization(QFont.Capitalization.AllUppercase)
        kicker.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        painter.setFont(kicker)
        painter.setPen(QColor("#ffd84d" if m.high_contrast else GOLD))
        painter.drawText(texts.kicker_box, Qt.AlignmentFlag.AlignLeft, texts.kicker.text)
        title_font = QFont(SANS)
        title_font.setPixelSize(texts.title.px)
        title_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title_font)
        painter.setPen(QColor("#ffffff" if m.high_contrast else PARCHMENT))
        painter.drawText(
            texts.title_box,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            texts.title.text,
        )
        meta_font = QFont(SANS)
        meta_font.setPixelSize(texts.date.px)
        painter.setFont(meta_font)
        painter.setPen(QColor("#ffffff" if m.high_contrast else MUTED))
        painter.drawText(
            texts.date_box,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
            texts.date.text,
        )
        if selected or hovered or focus:
            colour = TURQUOISE if (selected or focus) else LINE
            if m.high_contrast:
                colour = "#ffd84d" if (selected or focus) else "#ffffff"
            painter.setPen(QPen(QColor(colour), 4 if m.high_contrast else 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 10, 10)
        painter.restore()
