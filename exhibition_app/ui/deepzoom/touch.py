"""Touch on the map: one finger pans (and taps), two fingers pinch-zoom and pan, a double
tap zooms in.

The view takes the touch events itself rather than relying on Qt's gesture recognisers or
on mouse events synthesised from touch: a pinch then moves the map exactly as the fingers
move (the point between them stays under them), and the same code runs for real touch
screens and for tests that drive `QTest.touchEvent`.
"""

from __future__ import annotations

import math
import time
from typing import Protocol

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QEventPoint, QGuiApplication, QTouchEvent

TAP_SLOP = 10.0  # a finger moving less than this still taps
DOUBLE_TAP_DISTANCE = 48.0


class Touchable(Protocol):
    def press_at(self, pos: QPointF) -> None: ...
    def move_to(self, pos: QPointF) -> None: ...
    def release(self, *, glide: bool = True) -> None: ...
    def cancel_drag(self) -> None: ...
    def pan_by_screen(self, delta: QPointF) -> None: ...
    def zoom_at(self, factor: float, screen_point: QPointF | None = None) -> None: ...


def _distance(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())


class TouchTracker:
    def __init__(self, view: Touchable) -> None:
        self.view = view
        self.last: dict[int, QPointF] = {}
        self._start = QPointF()
        self._moved = False
        self._two = False
        self._tap: tuple[float, QPointF] | None = None

    def handle(self, event: QTouchEvent) -> bool:
        kind = event.type()
        released = QEventPoint.State.Released
        down = {p.id(): p.position() for p in event.points() if p.state() != released}
        if kind == QEvent.Type.TouchBegin:
            self.last, self._moved, self._two = dict(down), False, len(down) > 1
            if len(down) == 1:
                self._start = next(iter(down.values()))
                self.view.press_at(self._start)
            return True
        if kind == QEvent.Type.TouchUpdate:
            if len(down) >= 2:
                self._pinch(down)
            elif len(down) == 1 and not self._two:
                pos = next(iter(down.values()))
                if self._moved or _distance(pos, self._start) > TAP_SLOP:
                    self._moved = True
                    self.view.move_to(pos)
            self.last = dict(down)
            return True
        if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            tapped = kind == QEvent.Type.TouchEnd and not self._two and not self._moved
            self.view.release(glide=not self._two)
            if tapped:
                ends = [p.position() for p in event.points()]
                self._tapped(ends[0] if ends else self._start)
            self.last = {}
            return True
        return False

    def _pinch(self, down: dict[int, QPointF]) -> None:
        if not self._two:
            self._two = True
            self.view.cancel_drag()
        first, second = sorted(down)[:2]
        if first not in self.last or second not in self.last:
            return  # a finger just landed: measure from the next move
        a0, b0, a1, b1 = self.last[first], self.last[second], down[first], down[second]
        before, after = (a0 + b0) / 2, (a1 + b1) / 2
        self.view.pan_by_screen(after - before)  # two-finger pan
        spread = _distance(a0, b0)
        if spread > 1.0:
            self.view.zoom_at(_distance(a1, b1) / spread, after)  # pinch about the fingers

    def _tapped(self, pos: QPointF) -> None:
        now = time.monotonic()
        interval = QGuiApplication.styleHints().mouseDoubleClickInterval() / 1000
        previous = self._tap
        if (
            previous is not None
            and now - previous[0] <= interval
            and _distance(pos, previous[1]) <= DOUBLE_TAP_DISTANCE
        ):
            self._tap = None
            self.view.zoom_at(2.0, pos)
            return
        self._tap = (now, pos)
