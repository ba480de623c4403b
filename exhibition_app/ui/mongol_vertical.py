"""Traditional Mongolian script laid out as it is read: top to bottom, columns left to right.

Qt has no vertical layout for Mongolian, but the script's vertical form is its horizontal
form turned a quarter clockwise (the fonts draw it that way). So each column is shaped as
one horizontal line with :class:`QTextLayout` in Noto Sans Mongolian (HarfBuzz joins the
letters and picks initial, medial and final forms, honouring U+202F, U+180E and the FVS),
and painted rotated 90° clockwise: the line's start goes to the top, its top to the right.
Columns break at spaces (never at the narrow no-break space before a case suffix), and
the next column stands to the right of the last.

:func:`paint_vertical` paints into any rectangle (the attract loop uses it through
:func:`paint_attract_band`); :class:`MongolTitleBand` is the item page's title band, and
:class:`MongolTitleField` the curator's field (shaped in the line, vertical beside it).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QSizePolicy, QWidget

from exhibition_app.core.languages import MONGOL_SCRIPT
from exhibition_app.ui.fonts import font_dirs
from exhibition_app.ui.i18n import tr
from exhibition_app.ui.theme import GOLD, LINE, OCHRE, PANEL, PARCHMENT

FAMILY = "Noto Sans Mongolian"
FONT_FILE = "NotoSansMongolian-Regular.ttf"
#: Space between columns, as a share of the line height.
COLUMN_GAP = 0.25
#: The item page's band: margins (a share of the letter size), the largest share of the
#: window's width it takes, and the smallest letters it shrinks to before clipping.
MARGIN = 0.6
BAND_SHARE = 0.09
MIN_PIXELS = 20


def ensure_font() -> bool:
    """Register the shipped Noto Sans Mongolian if Qt does not know it yet."""
    if FAMILY in QFontDatabase.families():
        return True
    for folder in font_dirs(None):
        if (folder / FONT_FILE).is_file():
            QFontDatabase.addApplicationFont(str(folder / FONT_FILE))
    return FAMILY in QFontDatabase.families()


def mongol_font(pixel_size: int) -> QFont:
    ensure_font()
    font = QFont(FAMILY)
    font.setPixelSize(max(6, pixel_size))
    return font


def _shaped(text: str, font: QFont) -> QTextLayout:
    """One line of ``text`` shaped horizontally (letters joined), laid out at y = 0."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    if line.isValid():
        line.setPosition(QPointF(0, 0))
    layout.endLayout()
    return layout


def columns(text: str, font: QFont, length: float) -> list[str]:
    """``text`` cut into columns no longer than ``length`` pixels, at spaces only (a word
    longer than a column gets a column of its own and is clipped)."""
    metrics = QFontMetricsF(font)
    result: list[str] = []
    current = ""
    for word in text.split(" "):
        if not word:
            continue
        candidate = f"{current} {word}" if current else word
        if current and metrics.horizontalAdvance(candidate) > length:
            result.append(current)
            current = word
        else:
            current = candidate
    if current:
        result.append(current)
    return result


def column_width(font: QFont) -> float:
    return QFontMetricsF(font).height()


def block_width(count: int, font: QFont) -> float:
    """The width ``count`` columns take, gaps included."""
    if count <= 0:
        return 0.0
    step = column_width(font)
    return count * step + (count - 1) * step * COLUMN_GAP


def paint_vertical(
    painter: QPainter, rect: QRectF, text: str, font: QFont, color: QColor | str
) -> float:
    """Paint ``text`` top to bottom in columns from ``rect``'s left edge; returns the width
    used. Each column is shaped whole, then turned 90° clockwise."""
    cols = columns(text, font, rect.height())
    step = column_width(font)
    painter.save()
    painter.setPen(QColor(color))
    painter.setFont(font)
    for i, col in enumerate(cols):
        x = rect.left() + i * step * (1 + COLUMN_GAP)
        if x + step > rect.right() + 0.5:
            break
        painter.save()
        # After this, the line's x runs down the column and its top faces right.
        painter.translate(x + step, rect.top())
        painter.rotate(90)
        # Clip along the column only: teeth and tails may reach past the line box.
        painter.setClipRect(QRectF(0, -step * 0.5, rect.height(), step * 2))
        _shaped(col, font).draw(painter, QPointF(0, 0))
        painter.restore()
    painter.restore()
    return block_width(len(cols), font)


def render_vertical(text: str, height: int, pixel_size: int, color: str = "#000000") -> QImage:
    """``text`` laid out vertically in an image ``height`` pixels tall, as wide as its
    columns need, on white (for tests and previews)."""
    font = mongol_font(pixel_size)
    width = max(1, int(block_width(len(columns(text, font, height)), font)) + 2)
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    paint_vertical(painter, QRectF(0, 0, width, height), text, font, color)
    painter.end()
    return image


def paint_attract_band(
    painter: QPainter, area: QRectF, title: Mapping[str, str], heading: Mapping[str, str]
) -> None:
    """The attract loop's Mongolian moment: the exhibition's and the item's titles in the
    traditional script, in a band down the left of ``area`` (nothing when neither has one)."""
    head = (heading.get(MONGOL_SCRIPT) or "").strip()
    name = (title.get(MONGOL_SCRIPT) or "").strip()
    if not head and not name:
        return
    h = area.height()
    side = min(area.width(), h)  # letters as big in portrait as in landscape
    top, bottom = area.top() + h * 0.06, area.top() + h * 0.70
    pad = side * 0.02
    head_font = mongol_font(int(side * 0.026))
    name_font = mongol_font(int(side * 0.042))
    length = bottom - top - 2 * pad
    head_w = block_width(len(columns(head, head_font, length)), head_font) if head else 0.0
    name_w = block_width(len(columns(name, name_font, length)), name_font) if name else 0.0
    gap = pad if head and name else 0.0
    band = QRectF(area.left(), top, head_w + gap + name_w + 2 * pad, bottom - top)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(11, 10, 8, 215))
    painter.drawRect(band)
    painter.setBrush(QColor(GOLD))
    painter.drawRect(QRectF(band.right() - 3, band.top(), 3, band.height()))
    painter.restore()
    inner = band.adjusted(pad, pad, -pad, -pad)
    x = inner.left()
    if head:
        x += paint_vertical(painter, QRectF(x, inner.top(), head_w, length), head, head_font, OCHRE)
        x += gap
    if name:
        paint_vertical(painter, QRectF(x, inner.top(), name_w, length), name, name_font, PARCHMENT)


class MongolTitleBand(QWidget):
    """The item page's title in the traditional script, as a vertical band: shown in
    Mongolian when the title has an ``mn-Mong`` text, as wide as its columns need."""

    def __init__(self, parent: QWidget | None = None, pixel_size: int = 34) -> None:
        super().__init__(parent)
        self.setObjectName("mongolTitleBand")
        self.text = ""
        self.base_pixel_size = self.pixel_size = pixel_size
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.hide()

    def show_texts(self, titles: Mapping[str, str], lang: str) -> None:
        """Show the ``mn-Mong`` title while the page is in Mongolian; hide otherwise."""
        text = (titles.get(MONGOL_SCRIPT) or "").strip() if lang == "mn" else ""
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self.text = text
        self.setAccessibleName(text)
        self.setVisible(bool(text))
        self._fit()
        self.update()

    def _font(self) -> QFont:
        return mongol_font(self.pixel_size)

    def _margin(self) -> float:
        return self.pixel_size * MARGIN

    def _width_for(self, pixel_size: int) -> int:
        font = mongol_font(pixel_size)
        margin = pixel_size * MARGIN
        count = len(columns(self.text, font, max(1.0, self.height() - 2 * margin)))
        return int(block_width(count, font) + 2 * margin) + 4

    def _fit(self) -> None:
        """As wide as the columns need, at most :data:`BAND_SHARE` of the window: the
        letters shrink (down to :data:`MIN_PIXELS`) before the band grows past it."""
        if not self.text:
            self.setFixedWidth(0)
            return
        limit = max(60.0, self.window().width() * BAND_SHARE)
        size = self.base_pixel_size
        while size > MIN_PIXELS and self._width_for(size) > limit:
            size -= 2
        self.pixel_size = size
        self.setFixedWidth(self._width_for(size))

    def sizeHint(self) -> QSize:
        return QSize(self.width(), 480)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()  # the window's width is known now

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(PANEL))
        painter.fillRect(QRectF(0, 0, 1, self.height()), QColor(LINE))
        painter.fillRect(QRectF(self.width() - 3, 0, 3, self.height()), QColor(GOLD))
        m = self._margin()
        area = QRectF(self.rect()).adjusted(m, m, -m, -m)
        paint_vertical(painter, area, self.text, self._font(), PARCHMENT)
        painter.end()


class MongolTitleField(QWidget):
    """A title in the traditional script for curators: typed in a line that shapes it in
    Noto Sans Mongolian, and shown beside it top to bottom as visitors will read it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setFont(mongol_font(22))
        self.edit.setPlaceholderText(tr("MongolScript", "Title in the traditional script"))
        self.edit.setToolTip(
            tr(
                "MongolScript",
                "Traditional Mongolian (mn-Mong), written top to bottom: shown on the "
                "Mongolian item page and in the kiosk's attract loop",
            )
        )
        self.preview = MongolTitleBand(pixel_size=20)
        self.preview.setFixedHeight(220)
        self.edit.textChanged.connect(lambda text: self.preview.set_text(text.strip()))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.preview)
