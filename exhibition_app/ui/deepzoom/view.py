"""DeepZoomView: a smooth viewer for a tile pyramid of any size.

The view keeps a centre (in full-resolution image pixels), a zoom (screen pixels per image
pixel) and a rotation in quarter turns. Painting draws, coarsest first, every cached tile of
the levels up to the sharp one, so lower-resolution tiles show until sharp ones arrive and
the picture never flashes blank. After each change of view it asks the loader for exactly
the visible tiles of the right level (nearest the centre first), which cancels the rest.

Input: wheel zooms to the cursor; drag pans with kinetic glide; pinch zooms and two-finger
drag pans on touch screens; double-click or double-tap zooms in; keys: + - arrows 0 R.
A navigator in the corner shows the whole image and the viewport (drag it to move); a zoom
indicator, a scale bar and the longitude/latitude under the pointer show when the map is
georeferenced.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QPinchGesture, QWidget

from exhibition_app.ui import settings
from exhibition_app.ui.deepzoom.pyramid import Pyramid, TileKey
from exhibition_app.ui.deepzoom.tiles import TileCache, TileLoader
from exhibition_app.ui.theme import GOLD, NIGHT, PARCHMENT, SANS

NAV_WIDTH = 200
HOTSPOT_RADIUS = 11.0
MAX_ZOOM = 4.0  # screen pixels per image pixel at the deepest
KINETIC_FRICTION = 0.92


@dataclass(frozen=True)
class Hotspot:
    id: int
    x: float
    y: float
    label: str


LonLat = Callable[[float, float], tuple[float, float]]


class DeepZoomView(QWidget):
    hotspot_clicked = Signal(int)
    view_changed = Signal()

    def __init__(self, cache_bytes: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.setMinimumSize(QSize(240, 200))
        self.cache = TileCache(cache_bytes or settings.current.tile_cache_bytes)
        self.loader = TileLoader(self.cache, parent=self)
        # Tiles arrive in bursts; repaint at most once a frame rather than once a tile.
        self._frame = QTimer(self, singleShot=True, interval=12)
        self._frame.timeout.connect(self.update)
        self.loader.tile_ready.connect(lambda _k: self._frame.isActive() or self._frame.start())
        self.loader.pinned = self._pinned
        self.pyramid: Pyramid | None = None
        self.center = QPointF(0, 0)
        self.zoom = 1.0
        self.quarter_turns = 0
        self.hotspots: list[Hotspot] = []
        self.active_hotspot: int | None = None
        self.to_lonlat: LonLat | None = None
        self.km_per_image_px: Callable[[float], float] | None = None
        self.opacity = 1.0
        self._pointer: QPointF | None = None
        self._drag_from: QPointF | None = None
        self._nav_drag = False
        self._velocity = QPointF(0, 0)
        self._last_move = (0.0, QPointF(0, 0))
        self._glide = QTimer(self, interval=16)
        self._glide.timeout.connect(self._glide_step)
        self._anim: QVariantAnimation | None = None
        self._homed = False
        self._turned: dict[TileKey, QPixmap] = {}
        self._turned_for: tuple[int, int] = (0, 0)

    # -- content ---------------------------------------------------------------------------
    def set_pyramid(self, pyramid: Pyramid | None) -> None:
        self.pyramid = pyramid
        self.loader.set_pyramid(pyramid)
        self._homed = False
        self.home()

    def set_hotspots(self, hotspots: list[Hotspot]) -> None:
        self.hotspots = hotspots
        self.update()

    # -- geometry --------------------------------------------------------------------------
    def _transform(self) -> QTransform:
        t = QTransform()
        t.translate(self.width() / 2, self.height() / 2)
        t.rotate(90 * self.quarter_turns)
        t.scale(self.zoom, self.zoom)
        t.translate(-self.center.x(), -self.center.y())
        return t

    def to_screen(self, x: float, y: float) -> QPointF:
        return self._transform().map(QPointF(x, y))

    def to_image(self, point: QPointF) -> QPointF:
        inverted, _ok = self._transform().inverted()
        return inverted.map(point)

    def visible_image_rect(self) -> QRectF:
        inverted, _ok = self._transform().inverted()
        return inverted.mapRect(QRectF(self.rect()))

    def fit_zoom(self) -> float:
        if self.pyramid is None or self.width() <= 0:
            return 1.0
        w, h = self.pyramid.width, self.pyramid.height
        if self.quarter_turns % 2:
            w, h = h, w
        return min(self.width() / w, self.height() / h)

    def home(self) -> None:
        if self.pyramid is None:
            self.update()
            return
        self._stop_motion()
        self.center = QPointF(self.pyramid.width / 2, self.pyramid.height / 2)
        self.zoom = self.fit_zoom()
        self._changed()

    def set_view(self, center: QPointF, zoom: float) -> None:
        lo = self.fit_zoom() * 0.5
        self.zoom = max(lo, min(MAX_ZOOM, zoom))
        if self.pyramid is not None:
            cx = min(max(center.x(), 0.0), float(self.pyramid.width))
            cy = min(max(center.y(), 0.0), float(self.pyramid.height))
            self.center = QPointF(cx, cy)
        self._changed()

    def zoom_at(self, factor: float, screen_point: QPointF | None = None) -> None:
        """Zoom by ``factor`` keeping the image point under ``screen_point`` where it is."""
        anchor = screen_point or QPointF(self.width() / 2, self.height() / 2)
        before = self.to_image(anchor)
        lo = self.fit_zoom() * 0.5
        self.zoom = max(lo, min(MAX_ZOOM, self.zoom * factor))
        after = self.to_image(anchor)
        self.set_view(self.center + (before - after), self.zoom)

    def pan_by_screen(self, delta: QPointF) -> None:
        inverted, _ok = self._transform().inverted()
        a, b = inverted.map(QPointF(0, 0)), inverted.map(delta)
        self.set_view(self.center - (b - a), self.zoom)

    def rotate_quarter(self, turns: int = 1) -> None:
        self.quarter_turns = (self.quarter_turns + turns) % 4
        self.set_view(self.center, max(self.zoom, self.fit_zoom() * 0.5))

    def fly_to(self, x: float, y: float, zoom: float | None = None, ms: int = 220) -> None:
        """Move smoothly to an image point (short and purposeful, or at once if ms == 0)."""
        target_zoom = zoom if zoom is not None else max(self.zoom, self.fit_zoom() * 4)
        if ms <= 0:
            self.set_view(QPointF(x, y), target_zoom)
            return
        start_c, start_z = QPointF(self.center), self.zoom
        anim = QVariantAnimation(self, duration=ms, startValue=0.0, endValue=1.0)
        anim.setEasingCurve(QEasingCurve.Type.OutCubic)

        def step(t: object) -> None:
            f = float(t)  # type: ignore[arg-type]
            c = start_c + (QPointF(x, y) - start_c) * f
            self.set_view(c, start_z * (target_zoom / start_z) ** f)

        anim.valueChanged.connect(step)
        anim.start()
        self._anim = anim

    def _changed(self) -> None:
        self._request_tiles()
        self.update()
        self.view_changed.emit()

    # -- tiles -----------------------------------------------------------------------------
    def sharp_scale(self) -> int:
        assert self.pyramid is not None
        return self.pyramid.scale_for(self.zoom)

    def wanted_tiles(self) -> list[TileKey]:
        if self.pyramid is None:
            return []
        p = self.pyramid
        r = self.visible_image_rect()
        keys = p.keys_in(self.sharp_scale(), r.left(), r.top(), r.right(), r.bottom())
        span = p.tile * self.sharp_scale()
        cx, cy = self.center.x(), self.center.y()
        keys.sort(key=lambda k: ((k.col + 0.5) * span - cx) ** 2 + ((k.row + 0.5) * span - cy) ** 2)
        coarse = p.keys_in(p.coarsest, 0, 0, p.width, p.height)
        return coarse + [k for k in keys if k not in coarse]

    def _pinned(self) -> set[TileKey]:
        return set(self.wanted_tiles())

    def _request_tiles(self) -> None:
        if self.pyramid is not None and self.width() > 0:
            self.loader.request(self.wanted_tiles())

    def is_sharp(self) -> bool:
        """Every visible tile of the sharp level is in memory (for screenshots and tests)."""
        return self.pyramid is not None and all(k in self.cache for k in self.wanted_tiles())

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(NIGHT))
        if self.pyramid is None:
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setOpacity(self.opacity)
        painter.setTransform(self._transform())
        self._paint_tiles(painter)
        painter.resetTransform()
        painter.setOpacity(1.0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_hotspots(painter)
        self._paint_navigator(painter)
        self._paint_indicators(painter)
        painter.end()

    def _paint_tiles(self, painter: QPainter) -> None:
        """Sharp tiles on top; coarser ones only where a sharp tile is still missing.

        Drawing every cached level underneath on every frame cost a full smooth-scaled
        repaint per level; a settled frame is now one pass over the sharp tiles.
        """
        p = self.pyramid
        assert p is not None
        r = self.visible_image_rect()
        sharp = self.sharp_scale()
        sharp_keys = p.keys_in(sharp, r.left(), r.top(), r.right(), r.bottom())
        holes = [QRectF(*p.region(key)) for key in sharp_keys if self.cache.peek(key) is None]
        if holes:
            # Coarser tiles only where they cover a hole (a clip region would cost more than
            # the overdraw): coarsest first, so the best available detail ends on top.
            for scale in sorted((s for s in p.scales if s > sharp), reverse=True):
                for key in p.keys_in(scale, r.left(), r.top(), r.right(), r.bottom()):
                    box = QRectF(*p.region(key))
                    if not any(box.intersects(hole) for hole in holes):
                        continue
                    pixmap = self.cache.peek(key)
                    if pixmap is not None:
                        painter.drawPixmap(box, pixmap, QRectF(pixmap.rect()))
        device_scale = self.zoom * sharp
        one_to_one = abs(device_scale - 1.0) < 1e-3 and self.quarter_turns == 0
        if one_to_one:
            # Pixel for pixel: a plain blit at whole-pixel positions, no resampling, no seams.
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        if self.quarter_turns:
            self._paint_rotated(painter, sharp_keys)
            return
        for key in sharp_keys:
            pixmap = self.cache.peek(key)
            if pixmap is None:
                continue
            x, y, w, h = p.region(key)
            if one_to_one:
                painter.drawPixmap(QPointF(x, y), pixmap)
            else:
                # A hair of overlap hides seams between neighbouring tiles when scaled.
                pad = 0.5 / max(self.zoom, 1e-6)
                painter.drawPixmap(QRectF(x, y, w + pad, h + pad), pixmap, QRectF(pixmap.rect()))

    def _paint_rotated(self, painter: QPainter, keys: list[TileKey]) -> None:
        """Quarter turns: draw tiles turned once (and kept) with an axis-aligned transform.

        Scaling a pixmap through a rotated transform takes Qt's slow path (over 50 ms a
        frame at 1920x1080); a pre-turned tile is drawn by the fast one.
        """
        p = self.pyramid
        assert p is not None
        world = self._transform()
        turn = QTransform().rotate(90 * self.quarter_turns)
        if self._turned_for != (self.quarter_turns, id(p)):
            self._turned.clear()
            self._turned_for = (self.quarter_turns, id(p))
        painter.save()
        painter.resetTransform()
        pad = 0.5 / max(self.zoom, 1e-6)
        for key in keys:
            pixmap = self.cache.peek(key)
            if pixmap is None:
                continue
            turned = self._turned.get(key)
            if turned is None:
                turned = pixmap.transformed(turn)
                self._turned[key] = turned
            x, y, w, h = p.region(key)
            target = world.mapRect(QRectF(x, y, w + pad, h + pad))
            painter.drawPixmap(target, turned, QRectF(turned.rect()))
        painter.restore()
        if len(self._turned) > 2 * max(1, len(keys)):  # keep only what is on screen
            wanted = set(keys)
            for key in [k for k in self._turned if k not in wanted]:
                del self._turned[key]

    def _paint_hotspots(self, painter: QPainter) -> None:
        for spot in self.hotspots:
            pos = self.to_screen(spot.x, spot.y)
            if not self.rect().adjusted(-20, -20, 20, 20).contains(pos.toPoint()):
                continue
            active = spot.id == self.active_hotspot
            radius = HOTSPOT_RADIUS * (1.35 if active else 1.0)
            painter.setPen(QPen(QColor(0, 0, 0, 150), 5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(pos, radius, radius)
            painter.setPen(QPen(QColor(GOLD), 3 if active else 2))
            painter.setBrush(QColor(217, 178, 74, 90 if active else 40))
            painter.drawEllipse(pos, radius, radius)

    def navigator_rect(self) -> QRectF:
        p = self.pyramid
        if p is None:
            return QRectF()
        w = NAV_WIDTH
        h = w * p.height / p.width
        if h > 150:
            h, w = 150.0, 150.0 * p.width / p.height
        return QRectF(self.width() - w - 14, self.height() - h - 14, w, h)

    def _paint_navigator(self, painter: QPainter) -> None:
        p = self.pyramid
        assert p is not None
        nav = self.navigator_rect()
        coarse = self.cache.peek(p.keys_in(p.coarsest, 0, 0, 1, 1)[0])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 170))
        painter.drawRoundedRect(nav.adjusted(-4, -4, 4, 4), 6, 6)
        if coarse is not None:
            painter.drawPixmap(nav, coarse, QRectF(coarse.rect()))
        view = self.visible_image_rect()
        sx, sy = nav.width() / p.width, nav.height() / p.height
        box = QRectF(
            nav.left() + view.left() * sx,
            nav.top() + view.top() * sy,
            view.width() * sx,
            view.height() * sy,
        ).intersected(nav)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(GOLD), 2))
        painter.drawRect(box)

    def _paint_indicators(self, painter: QPainter) -> None:
        font = QFont(SANS)
        font.setPixelSize(13)
        painter.setFont(font)
        lines = [f"{self.zoom * 100:.0f}%"]
        if self.to_lonlat is not None and self._pointer is not None:
            ip = self.to_image(self._pointer)
            p = self.pyramid
            if p is not None and 0 <= ip.x() <= p.width and 0 <= ip.y() <= p.height:
                lon, lat = self.to_lonlat(ip.x(), ip.y())
                lines.append(_format_lonlat(lon, lat))
        bar = self._scale_bar()
        y = self.height() - 16
        for text in reversed(lines):
            _shadow_text(painter, QPointF(16, y), text)
            y -= 20
        if bar is not None:
            px, label = bar
            left, base = 16.0, y - 6
            painter.setPen(QPen(QColor(0, 0, 0, 160), 5))
            painter.drawLine(QPointF(left, base), QPointF(left + px, base))
            painter.setPen(QPen(QColor(PARCHMENT), 2))
            painter.drawLine(QPointF(left, base), QPointF(left + px, base))
            _shadow_text(painter, QPointF(left, base - 8), label)

    def _scale_bar(self) -> tuple[float, str] | None:
        if self.km_per_image_px is None:
            return None
        km_per_screen_px = self.km_per_image_px(self.center.y()) / self.zoom
        if km_per_screen_px <= 0:
            return None
        target = km_per_screen_px * 120
        nice = 10 ** math.floor(math.log10(target))
        for step in (1, 2, 5, 10):
            if nice * step >= target * 0.6:
                nice *= step
                break
        return nice / km_per_screen_px, (f"{nice:,.0f} km" if nice >= 1 else f"{nice * 1000:.0f} m")

    # -- input -----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._homed and self.pyramid is not None:
            self._homed = True
            self.home()
        else:
            self._request_tiles()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self._stop_motion()
            self.zoom_at(1.25**steps, event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        self._pointer = pos  # a finger has no hover: show lon/lat where it touches
        self._stop_motion()
        if self.navigator_rect().contains(pos):
            self._nav_drag = True
            self._center_from_navigator(pos)
            return
        spot = self.hotspot_at(pos)
        if spot is not None:
            self.active_hotspot = spot.id
            self.hotspot_clicked.emit(spot.id)
            self.update()
            return
        self._drag_from = pos
        self._last_move = (time.monotonic(), pos)
        self._velocity = QPointF(0, 0)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        self._pointer = pos
        if self._nav_drag:
            self._center_from_navigator(pos)
            return
        if self._drag_from is not None:
            delta = pos - self._drag_from
            self._drag_from = pos
            now = time.monotonic()
            dt = max(1e-3, now - self._last_move[0])
            self._velocity = delta / (dt * 60)  # pixels per 60 Hz frame
            self._last_move = (now, pos)
            self.pan_by_screen(delta)
        elif self.to_lonlat is not None:
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._nav_drag = False
        if self._drag_from is not None:
            self._drag_from = None
            recent = time.monotonic() - self._last_move[0] < 0.08
            if recent and (abs(self._velocity.x()) + abs(self._velocity.y())) > 1.5:
                self._glide.start()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.zoom_at(2.0, event.position())

    def leaveEvent(self, event: QEvent) -> None:
        self._pointer = None
        self.update()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step = 80.0
        actions = {
            Qt.Key.Key_Plus: lambda: self.zoom_at(1.5),
            Qt.Key.Key_Equal: lambda: self.zoom_at(1.5),
            Qt.Key.Key_Minus: lambda: self.zoom_at(1 / 1.5),
            Qt.Key.Key_0: self.home,
            Qt.Key.Key_Home: self.home,
            Qt.Key.Key_Left: lambda: self.pan_by_screen(QPointF(step, 0)),
            Qt.Key.Key_Right: lambda: self.pan_by_screen(QPointF(-step, 0)),
            Qt.Key.Key_Up: lambda: self.pan_by_screen(QPointF(0, step)),
            Qt.Key.Key_Down: lambda: self.pan_by_screen(QPointF(0, -step)),
            Qt.Key.Key_R: lambda: self.rotate_quarter(1),
        }
        action = actions.get(Qt.Key(key))
        if action is None:
            super().keyPressEvent(event)
            return
        self._stop_motion()
        action()
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self._pinch(pinch)
                event.accept()
                return True
        return super().event(event)

    def _pinch(self, pinch: QPinchGesture) -> None:
        self._stop_motion()
        center = self.mapFromGlobal(pinch.centerPoint().toPoint())
        centre_f = QPointF(center)
        changed = pinch.changeFlags()
        if changed & QPinchGesture.ChangeFlag.CenterPointChanged:
            last = QPointF(self.mapFromGlobal(pinch.lastCenterPoint().toPoint()))
            self.pan_by_screen(centre_f - last)  # two-finger pan
        if changed & QPinchGesture.ChangeFlag.ScaleFactorChanged and pinch.scaleFactor() > 0:
            self.zoom_at(pinch.scaleFactor(), centre_f)

    def hotspot_at(self, pos: QPointF) -> Hotspot | None:
        best, best_d = None, (HOTSPOT_RADIUS + 12) ** 2  # a finger-sized target
        for spot in self.hotspots:
            p = self.to_screen(spot.x, spot.y)
            d = (p.x() - pos.x()) ** 2 + (p.y() - pos.y()) ** 2
            if d <= best_d:
                best, best_d = spot, d
        return best

    def _center_from_navigator(self, pos: QPointF) -> None:
        p, nav = self.pyramid, self.navigator_rect()
        if p is None or nav.isEmpty():
            return
        x = (pos.x() - nav.left()) / nav.width() * p.width
        y = (pos.y() - nav.top()) / nav.height() * p.height
        self.set_view(QPointF(x, y), self.zoom)

    def _glide_step(self) -> None:
        self._velocity *= KINETIC_FRICTION
        if abs(self._velocity.x()) + abs(self._velocity.y()) < 0.3:
            self._glide.stop()
            return
        self.pan_by_screen(self._velocity)

    def _stop_motion(self) -> None:
        self._glide.stop()
        if self._anim is not None:
            self._anim.stop()
            self._anim = None


def _format_lonlat(lon: float, lat: float) -> str:
    ew = "E" if lon >= 0 else "W"
    ns = "N" if lat >= 0 else "S"
    return f"{abs(lat):.2f}° {ns}   {abs(lon):.2f}° {ew}"


def _shadow_text(painter: QPainter, at: QPointF, text: str) -> None:
    painter.setPen(QColor(0, 0, 0, 200))
    painter.drawText(at + QPointF(1, 1), text)
    painter.setPen(QColor(PARCHMENT))
    painter.drawText(at, text)


def pixmap_or_none(pixmap: QPixmap | None) -> QPixmap | None:
    return pixmap if pixmap is not None and not pixmap.isNull() else None
