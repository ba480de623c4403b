"""DeepZoomView: a smooth viewer for a tile pyramid of any size.

The view keeps a centre (in full-resolution image pixels), a zoom (screen pixels per image
pixel) and a rotation in quarter turns. Painting draws the cached tiles of the sharp level,
and where one is missing, its part of the finest coarser tile in memory, so lower-resolution
tiles show until sharp ones arrive and the picture never flashes blank (each screen pixel is
painted about once). After each change of view it asks the loader for exactly the visible
tiles of the right level (nearest the centre first), which cancels the rest.

Tiles are drawn into rectangles snapped to device pixels, so neighbours meet exactly at any
zoom or quarter turn (no seams, also when faded). A whole-world map (``wrap_x``) is drawn
again at +/- its width and pans endlessly east and west.

Input: wheel zooms to the cursor; drag pans with kinetic glide; on touch screens the view
takes the touch events itself (touch.py): pinch zooms and two-finger drag pans, one finger
drags, a double tap zooms in; double-click too; keys: + - arrows 0 R. A navigator in the
corner shows the whole image and the viewport (drag it to move); the zoom, a scale bar and the
longitude/latitude under the pointer show on a backing when the map is georeferenced
(readouts.py, in the visitor's language).
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
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QRegion,
    QResizeEvent,
    QTouchEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from exhibition_app.ui import settings
from exhibition_app.ui.deepzoom.pyramid import Pyramid, TileKey
from exhibition_app.ui.deepzoom.readouts import (
    format_distance,
    format_lonlat,
    format_zoom,
    nice_distance,
    paint_readouts,
    readouts_size,
)
from exhibition_app.ui.deepzoom.tiles import TileCache, TileLoader
from exhibition_app.ui.deepzoom.touch import TouchTracker
from exhibition_app.ui.theme import GOLD, NIGHT

NAV_WIDTH = 200
HOTSPOT_RADIUS = 11.0
MAX_ZOOM = 4.0  # screen pixels per image pixel at the deepest
KINETIC_FRICTION = 0.92
SETTLE_MS = 150  # still this long after a move: the smooth repaint


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
        self.setMinimumSize(QSize(240, 200))
        self.cache = TileCache(cache_bytes or settings.current.tile_cache_bytes)
        self.loader = TileLoader(self.cache, parent=self)
        # Tiles arrive in bursts; repaint at most once a frame rather than once a tile.
        self._frame = QTimer(self, singleShot=True, interval=12)
        self._frame.timeout.connect(self.update)
        self.loader.tile_ready.connect(lambda _k: self._frame.isActive() or self._frame.start())
        self.loader.pinned = self._pinned
        #: While the view moves, tiles are scaled without smoothing (the smooth scaling of
        #: a screenful, coarse tiles stretched over holes above all, made the slow frames);
        #: one smooth repaint follows when the view has been still for ``SETTLE_MS``.
        self.fast_motion = True
        self._moving = False
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self.pyramid: Pyramid | None = None
        self.center = QPointF(0, 0)
        self.zoom = 1.0
        self.quarter_turns = 0
        self.hotspots: list[Hotspot] = []
        self.active_hotspot: int | None = None
        self.to_lonlat: LonLat | None = None
        self.km_per_image_px: Callable[[float], float] | None = None
        self.opacity = 1.0
        #: A whole-world map: it pans endlessly east and west, drawn again at +/- its width.
        self.wrap_x = False
        #: The zoom percentage among the readouts (off in Then and now).
        self.show_zoom = True
        self.touch = TouchTracker(self)
        #: Screen rect of the readouts panel (tests look at it).
        self.readouts_rect = QRectF()
        self._pointer: QPointF | None = None
        self._drag_from: QPointF | None = None
        self._nav_drag = False
        self._velocity = QPointF(0, 0)
        self._last_move = (0.0, QPointF(0, 0))
        self._glide = QTimer(self, interval=16)
        self._glide.timeout.connect(self._glide_step)
        self._anim: QVariantAnimation | None = None
        self._homed = False
        self._nav_cache: tuple[tuple[int, int, int, bool], QPixmap] | None = None
        self._unturn = QTransform()  # screen to the painter's turned frame, while painting

    # -- content ---------------------------------------------------------------------------
    def set_pyramid(self, pyramid: Pyramid | None) -> None:
        self.pyramid = pyramid
        self._nav_cache = None
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
        """Where image point (x, y) shows; on a wrapping map, its copy nearest the centre."""
        if self.wrap_x and self.pyramid is not None:
            w = self.pyramid.width
            x += w * round((self.center.x() - x) / w)
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
            if self.wrap_x:  # round the world: the centre stays in [0, width)
                cx = center.x() % float(self.pyramid.width)
            else:
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
        if self.wrap_x and self.pyramid is not None:  # the short way round the world
            w = self.pyramid.width
            x += w * round((start_c.x() - x) / w)
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
        self._moving = True
        self._settle.start()
        self._request_tiles()
        self.update()
        self.view_changed.emit()

    def _settled(self) -> None:
        self._moving = False
        self.update()  # the one sharp (smooth) repaint

    def is_settling(self) -> bool:
        """The view moved a moment ago: its smooth repaint is still to come."""
        return self._moving and self.fast_motion

    # -- tiles -----------------------------------------------------------------------------
    def sharp_scale(self) -> int:
        assert self.pyramid is not None
        return self.pyramid.scale_for(self.zoom)

    def copies(self) -> list[float]:
        """x offsets at which the image is drawn: 0, and on a wrapping map also the copies
        east and west that the view reaches (at most five)."""
        if not self.wrap_x or self.pyramid is None:
            return [0.0]
        w = float(self.pyramid.width)
        r = self.visible_image_rect()
        first, last = math.floor(r.left() / w), math.floor((r.right() - 1e-9) / w)
        first, last = max(first, -2), min(last, 2)
        return [k * w for k in range(first, last + 1)]

    def _keys_visible(self, scale: int) -> list[TileKey]:
        assert self.pyramid is not None
        r = self.visible_image_rect()
        keys: dict[TileKey, None] = {}
        for off in self.copies():
            for key in self.pyramid.keys_in(
                scale, r.left() - off, r.top(), r.right() - off, r.bottom()
            ):
                keys[key] = None
        return list(keys)

    def wanted_tiles(self) -> list[TileKey]:
        if self.pyramid is None:
            return []
        p = self.pyramid
        keys = self._keys_visible(self.sharp_scale())
        span = p.tile * self.sharp_scale()
        cx, cy = self.center.x(), self.center.y()
        w = p.width

        def distance(k: TileKey) -> float:
            dx = (k.col + 0.5) * span - cx
            if self.wrap_x:
                dx = (dx + w / 2) % w - w / 2
            return dx**2 + ((k.row + 0.5) * span - cy) ** 2

        keys.sort(key=distance)
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
        # At full opacity the surround is painted under everything. A faded view (the top
        # map of "Then and now") paints it only around the map, and the map at its opacity,
        # so the map beneath shows through instead of a darkening towards black.
        if self.opacity >= 1.0 or self.pyramid is None:
            painter.fillRect(self.rect(), QColor(NIGHT))
        else:
            painter.setOpacity(self.opacity)
            surround = QRegion(self.rect())
            world = self._transform()
            for off in self.copies():
                box = QRectF(off, 0, self.pyramid.width, self.pyramid.height)
                surround -= QRegion(snapped(world.mapRect(box)))
            painter.setClipRegion(surround)
            painter.fillRect(self.rect(), QColor(NIGHT))
            painter.setClipping(False)
        if self.pyramid is None:
            painter.end()
            return
        painter.setOpacity(self.opacity)
        self._paint_tiles(painter)
        painter.setOpacity(1.0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_hotspots(painter)
        self._paint_navigator(painter)
        self._paint_indicators(painter)
        painter.end()

    def _paint_tiles(self, painter: QPainter) -> None:
        """Sharp tiles; where one is still missing, the part of a coarser tile that covers it.

        Every tile is drawn into a rectangle snapped to whole device pixels, computed from
        the tile's image edges: two neighbours share the very same rounded edge, so at any
        zoom or quarter turn they meet exactly (no one-pixel seam from a fractional edge
        that smooth scaling blends with the background, no overlap either).
        """
        p = self.pyramid
        assert p is not None
        sharp = self.sharp_scale()
        world = self._transform()
        one_to_one = abs(self.zoom * sharp - 1.0) < 1e-3
        smooth = not self.is_settling()
        coarser = [s for s in p.scales if s > sharp]  # finest first
        # A turned view: the painter turns about a whole pixel, and each tile is drawn
        # upright into the turned-back rectangle of its snapped screen rectangle. (Turned
        # copies of the tiles cost 0.7 ms each and a 15 ms frame at each turn, and memory
        # outside the cache's budget; Qt draws a quarter turn about as fast as none.)
        turn = QTransform()
        if self.quarter_turns:
            cx, cy = self.width() // 2, self.height() // 2
            turn.translate(cx, cy)
            turn.rotate(90 * self.quarter_turns)
            turn.translate(-cx, -cy)
        painter.setTransform(turn)
        self._unturn, _ok = turn.inverted()
        for off in self.copies():
            at = QTransform().translate(off, 0) * world
            r = self.visible_image_rect().translated(-off, 0)
            sharp_keys = p.keys_in(sharp, r.left(), r.top(), r.right(), r.bottom())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
            for key in sharp_keys:
                if self.cache.peek(key) is None:
                    self._fill_hole(painter, at, QRectF(*p.region(key)), coarser)
            # Pixel for pixel: a plain blit at whole-pixel positions, no resampling.
            painter.setRenderHint(
                QPainter.RenderHint.SmoothPixmapTransform, smooth and not one_to_one
            )
            for key in sharp_keys:
                self._draw_tile(painter, at, key)
        painter.resetTransform()

    def _fill_hole(
        self, painter: QPainter, at: QTransform, hole: QRectF, coarser: list[int]
    ) -> None:
        """Cover a missing sharp tile from the finest level that has all of it in memory,
        with what has arrived of the levels between on top. Only the hole's part of each
        coarser tile is drawn: a screen's pixels are painted about once, where drawing
        whole tiles of every coarser level made the slowest frames (up to 5x overdraw)."""
        assert self.pyramid is not None
        levels: list[list[TileKey]] = []
        for scale in coarser:
            keys = self.pyramid.keys_in(scale, hole.left(), hole.top(), hole.right(), hole.bottom())
            levels.append(keys)
            if all(self.cache.peek(k) is not None for k in keys):
                break
        for keys in reversed(levels):  # coarsest first, so the best detail ends on top
            for key in keys:
                self._draw_tile(painter, at, key, hole)

    def _draw_tile(
        self, painter: QPainter, at: QTransform, key: TileKey, within: QRectF | None = None
    ) -> None:
        """Draw a cached tile, or only its part inside the image rectangle ``within``."""
        pixmap = self.cache.peek(key)
        if pixmap is None:
            return
        assert self.pyramid is not None
        box = QRectF(*self.pyramid.region(key))
        part = box if within is None else box.intersected(within)
        target = snapped(at.mapRect(part))
        if target.isEmpty():
            return
        source = QRectF(pixmap.rect())
        if part != box:  # the same part of the tile's pixels
            kx, ky = pixmap.width() / box.width(), pixmap.height() / box.height()
            source = QRectF(
                (part.left() - box.left()) * kx,
                (part.top() - box.top()) * ky,
                part.width() * kx,
                part.height() * ky,
            )
        into = QRectF(target)
        if self.quarter_turns:
            into = self._unturn.mapRect(into)
        painter.drawPixmap(into, pixmap, source)

    def _paint_hotspots(self, painter: QPainter) -> None:
        world = self._transform()
        area = self.rect().adjusted(-20, -20, 20, 20)
        for spot in self.hotspots:
            for off in self.copies():
                pos = world.map(QPointF(spot.x + off, spot.y))
                if area.contains(pos.toPoint()):
                    self._paint_hotspot(painter, spot, pos)

    def _paint_hotspot(self, painter: QPainter, spot: Hotspot, pos: QPointF) -> None:
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
        painter.drawPixmap(nav.topLeft() - QPointF(4, 4), self._navigator_pixmap(nav))
        view = self.visible_image_rect()
        sx, sy = nav.width() / p.width, nav.height() / p.height
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(GOLD), 2))
        for off in self.copies():  # a view across the seam shows as two boxes
            box = QRectF(
                nav.left() + (view.left() - off) * sx,
                nav.top() + view.top() * sy,
                view.width() * sx,
                view.height() * sy,
            ).intersected(nav)
            if not box.isEmpty():
                painter.drawRect(box)

    def _navigator_pixmap(self, nav: QRectF) -> QPixmap:
        """The navigator's backing and whole-map picture, made once (an antialiased rounded
        fill and a smooth scale of the coarsest tile cost milliseconds every frame)."""
        p = self.pyramid
        assert p is not None
        coarse = self.cache.peek(p.keys_in(p.coarsest, 0, 0, 1, 1)[0])
        key = (id(p), round(nav.width()), round(nav.height()), coarse is not None)
        if self._nav_cache is not None and self._nav_cache[0] == key:
            return self._nav_cache[1]
        pixmap = QPixmap(round(nav.width()) + 8, round(nav.height()) + 8)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 170))
        painter.drawRoundedRect(QRectF(pixmap.rect()), 6, 6)
        if coarse is not None:
            inner = QRectF(4, 4, round(nav.width()), round(nav.height()))
            painter.drawPixmap(inner, coarse, QRectF(coarse.rect()))
        painter.end()
        self._nav_cache = (key, pixmap)
        return pixmap

    def _paint_indicators(self, painter: QPainter) -> None:
        lines = [format_zoom(self.zoom)] if self.show_zoom else []
        if self.to_lonlat is not None and self._pointer is not None and self.pyramid is not None:
            ip = self.to_image(self._pointer)
            p = self.pyramid
            x = ip.x() % p.width if self.wrap_x else ip.x()
            if 0 <= x <= p.width and 0 <= ip.y() <= p.height:
                lines.append(format_lonlat(*self.to_lonlat(x, ip.y())))
        bar = self._scale_bar()
        width, _height = readouts_size(lines, bar)
        bottom = self.height() - 14.0
        nav = self.navigator_rect()
        if 14 + width > nav.left() - 12:  # a narrow view: above the navigator, not under it
            bottom = nav.top() - 16
        self.readouts_rect = paint_readouts(painter, QPointF(14, bottom), lines, bar)

    def _scale_bar(self) -> tuple[float, str] | None:
        if self.km_per_image_px is None:
            return None
        nice = nice_distance(self.km_per_image_px(self.center.y()) / self.zoom)
        if nice is None:
            return None
        km, px = nice
        return px, format_distance(km)

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
        self.press_at(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        self._pointer = pos
        if self._nav_drag or self._drag_from is not None:
            self.move_to(pos)
        elif self.to_lonlat is not None:
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.release()

    def press_at(self, pos: QPointF) -> None:
        """A mouse button or one finger goes down: navigator, hotspot, or the start of a drag."""
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

    def move_to(self, pos: QPointF) -> None:
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

    def release(self, *, glide: bool = True) -> None:
        self._nav_drag = False
        if self._drag_from is not None:
            self._drag_from = None
            recent = time.monotonic() - self._last_move[0] < 0.08
            moving = (abs(self._velocity.x()) + abs(self._velocity.y())) > 1.5
            if glide and recent and moving:
                self._glide.start()

    def cancel_drag(self) -> None:
        """A second finger landed: the one-finger drag becomes a pinch."""
        self._drag_from = None
        self._nav_drag = False
        self._stop_motion()

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
        if isinstance(event, QTouchEvent) and self.touch.handle(event):
            event.accept()
            return True
        if (
            isinstance(event, QNativeGestureEvent)  # a touchpad's pinch
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom_at(1.0 + event.value(), event.position())
            event.accept()
            return True
        return super().event(event)

    def hotspot_at(self, pos: QPointF) -> Hotspot | None:
        best, best_d = None, (HOTSPOT_RADIUS + 12) ** 2  # a finger-sized target
        inverted, _ok = self._transform().inverted()
        near = inverted.map(pos)  # the copy of the world the finger is on
        for spot in self.hotspots:
            x = spot.x
            if self.wrap_x and self.pyramid is not None:
                x += self.pyramid.width * round((near.x() - x) / self.pyramid.width)
            p = self._transform().map(QPointF(x, spot.y))
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


def snapped(rect: QRectF) -> QRect:
    """``rect`` with each edge rounded to the nearest device pixel (neighbours sharing an edge
    get the same rounded edge, so they neither gap nor overlap)."""
    left, top = round(rect.left()), round(rect.top())
    return QRect(left, top, round(rect.right()) - left, round(rect.bottom()) - top)


def pixmap_or_none(pixmap: QPixmap | None) -> QPixmap | None:
    return pixmap if pixmap is not None and not pixmap.isNull() else None
