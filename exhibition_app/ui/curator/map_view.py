"""The map editors' deep-zoom view: markers that can be picked, dragged and added by a click.

The annotation editor draws its places as gold rings (as the visitor sees them), the
georeference editor its control points as numbered crosshairs, with the fit's residuals.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QWidget

from exhibition_app.ui.deepzoom.view import HOTSPOT_RADIUS, DeepZoomView, Hotspot
from exhibition_app.ui.theme import ERROR, GOLD, PARCHMENT, SANS

CLICK_SLOP = 5.0  # screen pixels a press may wander and still count as a click


class EditMapView(DeepZoomView):
    """A deep-zoom view whose markers (``hotspots``) can be picked, dragged and added.

    In add mode a click (a press that does not wander) on the image emits ``map_clicked``
    with image pixels; a drag still pans. A drag that starts on a marker moves it and emits
    ``marker_moved`` once, on release. ``marker_style`` is ``"ring"`` (gold rings, like the
    visitor sees them) or ``"cross"`` (numbered crosshairs for control points).
    """

    map_clicked = Signal(float, float)
    marker_moved = Signal(int, float, float)
    add_mode_cancelled = Signal()

    def __init__(self, marker_style: str = "ring", parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.marker_style = marker_style
        self.add_mode = False
        #: Markers drawn with a warning mark (the control point with the largest residual).
        self.flagged: set[int] = set()
        #: Per marker, where the fit puts it (control points): drawn as a residual line.
        self.fitted: dict[int, tuple[float, float]] = {}
        self._press: QPointF | None = None
        self._press_image: QPointF | None = None
        self._marker_drag: tuple[int, QPointF, QPointF] | None = None  # id, press, start
        self._marker_moved = False

    def set_add_mode(self, on: bool) -> None:
        self.add_mode = on
        self.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)

    def _inside_image(self, point: QPointF) -> bool:
        p = self.pyramid
        return p is not None and 0 <= point.x() <= p.width and 0 <= point.y() <= p.height

    def _clamped(self, point: QPointF) -> QPointF:
        p = self.pyramid
        if p is None:
            return point
        return QPointF(min(max(point.x(), 0.0), p.width), min(max(point.y(), 0.0), p.height))

    # -- input -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if event.button() != Qt.MouseButton.LeftButton or self.navigator_rect().contains(pos):
            super().mousePressEvent(event)
            return
        spot = self.hotspot_at(pos)
        if spot is not None:
            self._stop_motion()
            self._marker_drag = (spot.id, pos, QPointF(spot.x, spot.y))
            self._marker_moved = False
            self.active_hotspot = spot.id
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self.hotspot_clicked.emit(spot.id)
            self.update()
            return
        self._press = pos
        self._press_image = self.to_image(pos)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._marker_drag is not None:
            spot_id, press, start = self._marker_drag
            if not self._marker_moved:
                d = pos - press
                if abs(d.x()) + abs(d.y()) < CLICK_SLOP:
                    return
                self._marker_moved = True
            target = self._clamped(start + (self.to_image(pos) - self.to_image(press)))
            self.hotspots = [
                Hotspot(s.id, target.x(), target.y(), s.label) if s.id == spot_id else s
                for s in self.hotspots
            ]
            self._pointer = pos
            self.update()
            return
        super().mouseMoveEvent(event)
        if self._drag_from is None and not self._nav_drag:
            over = self.hotspot_at(pos) is not None
            shape = (
                Qt.CursorShape.OpenHandCursor
                if over
                else Qt.CursorShape.CrossCursor
                if self.add_mode
                else Qt.CursorShape.ArrowCursor
            )
            if self.cursor().shape() != shape:
                self.setCursor(shape)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._marker_drag is not None:
            spot_id, _press, _start = self._marker_drag
            self._marker_drag = None
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            if self._marker_moved:
                spot = next((s for s in self.hotspots if s.id == spot_id), None)
                if spot is not None:
                    self.marker_moved.emit(spot_id, spot.x, spot.y)
            return
        press, image = self._press, self._press_image
        self._press = self._press_image = None
        was_panning = self._drag_from is not None
        super().mouseReleaseEvent(event)
        if self.add_mode and was_panning and press is not None and image is not None:
            d = pos - press
            if abs(d.x()) + abs(d.y()) < CLICK_SLOP and self._inside_image(image):
                self._glide.stop()
                self.map_clicked.emit(image.x(), image.y())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.add_mode:  # a quick second click is one more place, not a zoom
            self.mousePressEvent(event)
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.add_mode:
            self.add_mode_cancelled.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- painting --------------------------------------------------------------------------
    def _paint_hotspots(self, painter: QPainter) -> None:
        visible = self.rect().adjusted(-30, -30, 30, 30)
        font = QFont(SANS)
        font.setPixelSize(13)
        font.setBold(True)
        painter.setFont(font)
        for spot in self.hotspots:
            pos = self.to_screen(spot.x, spot.y)
            if not visible.contains(pos.toPoint()):
                continue
            active = spot.id == self.active_hotspot
            if self.marker_style == "cross":
                self._paint_cross(painter, spot, pos, active)
            else:
                self._paint_ring(painter, pos, active)
        active_spot = next((s for s in self.hotspots if s.id == self.active_hotspot), None)
        if self.marker_style == "ring" and active_spot is not None and active_spot.label:
            self._paint_tag(
                painter, self.to_screen(active_spot.x, active_spot.y), active_spot.label
            )

    def _paint_ring(self, painter: QPainter, pos: QPointF, active: bool) -> None:
        radius = HOTSPOT_RADIUS * (1.35 if active else 1.0)
        painter.setPen(QPen(QColor(0, 0, 0, 160), 5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(pos, radius, radius)
        painter.setPen(QPen(QColor(GOLD), 3 if active else 2))
        painter.setBrush(QColor(217, 178, 74, 110 if active else 40))
        painter.drawEllipse(pos, radius, radius)
        if active:  # a second, outer ring: the selection reads without colour
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(PARCHMENT), 1.5, Qt.PenStyle.DashLine))
            painter.drawEllipse(pos, radius + 6, radius + 6)

    def _paint_tag(self, painter: QPainter, pos: QPointF, text: str) -> None:
        metrics = QFontMetricsF(painter.font())
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, 280)
        box = QRectF(pos.x() + HOTSPOT_RADIUS * 1.35 + 10, pos.y() - 13, 0, 26)
        box.setWidth(metrics.horizontalAdvance(shown) + 18)
        if box.right() > self.width() - 8:
            box.moveRight(pos.x() - HOTSPOT_RADIUS * 1.35 - 10)
        painter.setPen(QPen(QColor(GOLD), 1))
        painter.setBrush(QColor(20, 19, 15, 225))
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(QColor(PARCHMENT))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, shown)

    def _paint_cross(self, painter: QPainter, spot: Hotspot, pos: QPointF, active: bool) -> None:
        fitted = self.fitted.get(spot.id)
        if fitted is not None:
            end = self.to_screen(*fitted)
            painter.setPen(QPen(QColor(0, 0, 0, 170), 4))
            painter.drawLine(pos, end)
            painter.setPen(QPen(QColor(ERROR), 2))
            painter.drawLine(pos, end)
            painter.setBrush(QColor(ERROR))
            painter.drawEllipse(end, 2.5, 2.5)
        arm, gap = (16.0, 4.0) if active else (12.0, 3.0)
        lines = [
            (QPointF(pos.x() - arm, pos.y()), QPointF(pos.x() - gap, pos.y())),
            (QPointF(pos.x() + gap, pos.y()), QPointF(pos.x() + arm, pos.y())),
            (QPointF(pos.x(), pos.y() - arm), QPointF(pos.x(), pos.y() - gap)),
            (QPointF(pos.x(), pos.y() + gap), QPointF(pos.x(), pos.y() + arm)),
        ]
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for width, colour in ((5.0, QColor(0, 0, 0, 180)), (2.0, QColor(GOLD))):
            painter.setPen(QPen(colour, width + (1 if active else 0)))
            for a, b in lines:
                painter.drawLine(a, b)
        if active:
            painter.setPen(QPen(QColor(PARCHMENT), 1.5, Qt.PenStyle.DashLine))
            painter.drawEllipse(pos, arm + 5, arm + 5)
        label = spot.label + ("  ⚠" if spot.id in self.flagged else "")
        metrics = QFontMetricsF(painter.font())
        box = QRectF(pos.x() + 7, pos.y() - arm - 20, metrics.horizontalAdvance(label) + 12, 20)
        painter.setPen(QPen(QColor(ERROR) if spot.id in self.flagged else QColor(GOLD), 1))
        painter.setBrush(QColor(20, 19, 15, 230))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(QColor(PARCHMENT))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
