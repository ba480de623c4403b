"""The map's readouts: zoom, scale bar and longitude/latitude, on a backing of their own.

White text straight on a map is lost on light paper and on ice; the readouts sit on a
rounded, translucent dark panel in the theme's colours, legible on any map. Numbers and
units follow the visitor's language through QLocale ("10 000 км" in Russian, "10,000 km"
in English) and the translations.
"""

from __future__ import annotations

import functools
import math

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap

from exhibition_app.ui.i18n import tr
from exhibition_app.ui.theme import GOLD, PARCHMENT, SANS

FONT_PX = 18  # the kiosk's smallest text size, legible at arm's length
PAD = 10.0
BAR_TARGET_PX = 120.0


def nice_distance(km_per_screen_px: float) -> tuple[float, float] | None:
    """A round distance (km) near ``BAR_TARGET_PX`` screen pixels long, and its length."""
    if not (km_per_screen_px > 0 and math.isfinite(km_per_screen_px)):
        return None
    target = km_per_screen_px * BAR_TARGET_PX
    nice = 10 ** math.floor(math.log10(target))
    for step in (1, 2, 5, 10):
        if nice * step >= target * 0.6:
            nice *= step
            break
    return nice, nice / km_per_screen_px


def format_distance(km: float, locale: QLocale | None = None) -> str:
    """``10 000 км`` / ``10,000 km`` / ``500 m``: grouped digits and a translated unit."""
    loc = locale or QLocale()
    if km >= 1:
        return tr("DeepZoom", "%1 km").replace("%1", loc.toString(round(km)))
    return tr("DeepZoom", "%1 m").replace("%1", loc.toString(round(km * 1000)))


def format_zoom(zoom: float, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    percent = zoom * 100
    text = loc.toString(percent, "f", 0 if percent >= 10 else 1)
    return tr("DeepZoom", "%1%").replace("%1", text)


def format_lonlat(lon: float, lat: float, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    # North/south latitude, east/west longitude: "с. ш." and "в. д." in Russian.
    ns = tr("DeepZoom", "N") if lat >= 0 else tr("DeepZoom", "S")
    ew = tr("DeepZoom", "E") if lon >= 0 else tr("DeepZoom", "W")
    lat_text = loc.toString(abs(lat), "f", 2)
    lon_text = loc.toString(abs(lon), "f", 2)
    return f"{lat_text}° {ns}   {lon_text}° {ew}"


@functools.lru_cache(maxsize=32)
def _backing(width: int, height: int) -> QPixmap:
    """The panel: a rounded, translucent dark rectangle with a faint edge."""
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(255, 255, 255, 40), 1))
    painter.setBrush(QColor(14, 13, 11, 200))
    painter.drawRoundedRect(QRectF(0.5, 0.5, width - 1, height - 1), 10, 10)
    painter.end()
    return pixmap


def _font() -> QFont:
    font = QFont(SANS)
    font.setPixelSize(FONT_PX)
    return font


def readouts_size(lines: list[str], bar: tuple[float, str] | None) -> tuple[float, float]:
    """Width and height of the panel (0, 0 when there is nothing to show)."""
    if not lines and bar is None:
        return 0.0, 0.0
    metrics = QFontMetricsF(_font())
    width = max((metrics.horizontalAdvance(t) for t in lines), default=0.0)
    height = metrics.height() * len(lines)
    if bar is not None:
        width = max(width, bar[0] + 4, metrics.horizontalAdvance(bar[1]))
        height += metrics.height() + 12
    return width + 2 * PAD, height + 2 * PAD


def paint_readouts(
    painter: QPainter,
    bottom_left: QPointF,
    lines: list[str],
    bar: tuple[float, str] | None,
) -> QRectF:
    """Draw the panel with its bottom-left corner at ``bottom_left``; return its rect."""
    outer_w, outer_h = readouts_size(lines, bar)
    if outer_w <= 0:
        return QRectF()
    font = _font()
    painter.setFont(font)
    line_h = QFontMetricsF(font).height()
    width = outer_w - 2 * PAD
    bar_h = line_h + 12 if bar is not None else 0.0
    # The backing's width in steps of 16 px, so the pointer's changing coordinates reuse
    # one pixmap instead of filling an antialiased rounded path every frame.
    outer_w = math.ceil(outer_w / 16) * 16
    rect = QRectF(bottom_left.x(), bottom_left.y() - outer_h, outer_w, outer_h)
    painter.save()
    painter.drawPixmap(rect.topLeft(), _backing(int(outer_w), math.ceil(outer_h)))
    x = rect.left() + PAD
    y = rect.top() + PAD
    if bar is not None:
        px, label = bar
        painter.setPen(QColor(PARCHMENT))
        painter.drawText(QRectF(x, y, width, line_h), Qt.AlignmentFlag.AlignLeft, label)
        base = y + line_h + 6
        pen = QPen(QColor(GOLD), 3)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(x, base), QPointF(x + px, base))
        for end in (x, x + px):
            painter.drawLine(QPointF(end, base - 5), QPointF(end, base + 1))
        y += bar_h
    painter.setPen(QColor(PARCHMENT))
    for text in lines:
        painter.drawText(QRectF(x, y, width, line_h), Qt.AlignmentFlag.AlignLeft, text)
        y += line_h
    painter.restore()
    return rect
