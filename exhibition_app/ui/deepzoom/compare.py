"""Then and now: two georeferenced maps of the same ground, kept aligned.

The base map fills the panel; the other map lies on top of it, cut off left of a vertical
divider a finger can drag (swipe), and drawn at the opacity of a slider (fade). Both views
stay aligned through their georeferences while zooming and panning: a point of the base
image is carried to longitude/latitude and from there into the other image, so maps of
different sizes (2700 and 1350 pixels wide) or different fits line up. Either view can be
driven; the other follows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QRegion, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from exhibition_app.ui.deepzoom.pyramid import Pyramid
from exhibition_app.ui.deepzoom.view import DeepZoomView
from exhibition_app.ui.theme import GOLD, PARCHMENT

Mapping = Callable[[float, float], tuple[float, float]]
HANDLE_WIDTH = 48  # a finger-sized grip


class DividerHandle(QWidget):
    """The swipe divider: a thin line with a round grip, dragged sideways."""

    moved = Signal(int)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.SplitHCursor)
        self.setAccessibleName("Divider")
        self._grab: int | None = None

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        mid = self.width() / 2
        p.setPen(QPen(QColor(0, 0, 0, 150), 5))
        p.drawLine(QPointF(mid, 0), QPointF(mid, self.height()))
        p.setPen(QPen(QColor(GOLD), 2))
        p.drawLine(QPointF(mid, 0), QPointF(mid, self.height()))
        centre = QPointF(mid, self.height() / 2)
        p.setBrush(QColor(20, 19, 15, 230))
        p.drawEllipse(centre, 20, 20)
        p.setPen(QPen(QColor(PARCHMENT), 2))
        for dx in (-6, 6):
            sign = -1 if dx < 0 else 1
            tip = centre + QPointF(dx + sign * 4, 0)
            p.drawLine(tip, tip + QPointF(-sign * 5, -5))
            p.drawLine(tip, tip + QPointF(-sign * 5, 5))
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._grab = int(event.position().x())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._grab is not None:
            x = self.mapToParent(event.position().toPoint()).x() - self._grab + self.width() // 2
            self.moved.emit(x)

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:
        self._grab = None


class CompareView(QWidget):
    """Two aligned deep-zoom views with a swipe divider and an opacity slider."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = QWidget()
        self.base = DeepZoomView(parent=self.stage)
        self.top = DeepZoomView(parent=self.stage)
        self.handle = DividerHandle(self.stage)
        self.handle.moved.connect(self.set_divider)
        self.base_to_top: Mapping = lambda x, y: (x, y)
        self.top_to_base: Mapping = lambda x, y: (x, y)
        self.divider = 0.5  # fraction of the width
        self._syncing = False
        self.base.view_changed.connect(lambda: self._follow(self.base, self.top))
        self.top.view_changed.connect(lambda: self._follow(self.top, self.base))
        self.top_label, self.base_label = QLabel(self.stage), QLabel(self.stage)
        for label in (self.top_label, self.base_label):
            label.setObjectName("bubble")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setValue(100)
        self.slider.setMinimumHeight(48)
        self.slider.valueChanged.connect(self._opacity)
        self.slider_label = QLabel()
        self.slider_label.setObjectName("fieldName")
        bar = QHBoxLayout()
        bar.setContentsMargins(16, 4, 16, 8)
        bar.addWidget(self.slider_label)
        bar.addWidget(self.slider, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stage, 1)
        layout.addLayout(bar)
        self.stage.installEventFilter(self)

    def set_maps(
        self,
        base: Pyramid,
        top: Pyramid,
        base_to_top: Mapping,
        top_to_base: Mapping,
        *,
        labels: tuple[str, str] = ("", ""),
    ) -> None:
        self.base_to_top, self.top_to_base = base_to_top, top_to_base
        self.base.set_pyramid(base)
        self.top.set_pyramid(top)
        self.base_label.setText(labels[0])
        self.top_label.setText(labels[1])
        for label in (self.base_label, self.top_label):
            label.adjustSize()
        self._layout_stage()
        self._follow(self.base, self.top)

    def is_sharp(self) -> bool:
        return self.base.is_sharp() and self.top.is_sharp()

    def set_divider(self, x: int) -> None:
        width = max(1, self.stage.width())
        self.divider = min(1.0, max(0.0, x / width))
        self._layout_stage()

    def _opacity(self, value: int) -> None:
        self.top.opacity = value / 100
        self.top.update()

    def _follow(self, leader: DeepZoomView, follower: DeepZoomView) -> None:
        """Put ``follower`` on the same ground, at the same ground scale, as ``leader``."""
        if self._syncing or leader.pyramid is None or follower.pyramid is None:
            return
        to = self.base_to_top if leader is self.base else self.top_to_base
        c = leader.center
        fx, fy = to(c.x(), c.y())
        # The ground one leader pixel spans, measured in follower pixels, sets the zoom.
        ex, ey = to(c.x() + 1, c.y())
        follower_px = max(1e-9, ((ex - fx) ** 2 + (ey - fy) ** 2) ** 0.5)
        self._syncing = True
        try:
            follower.quarter_turns = leader.quarter_turns
            follower.set_view(QPointF(fx, fy), leader.zoom / follower_px)
        finally:
            self._syncing = False

    def eventFilter(self, watched: object, event: object) -> bool:
        if watched is self.stage and isinstance(event, QResizeEvent):
            self._layout_stage()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout_stage()

    def _layout_stage(self) -> None:
        rect = self.stage.rect()
        self.base.setGeometry(rect)
        self.top.setGeometry(rect)
        x = int(rect.width() * self.divider)
        # The top map shows right of the divider only; the base shows through on the left.
        self.top.setMask(QRegion(QRect(x, 0, rect.width() - x, rect.height())))
        self.handle.setGeometry(x - HANDLE_WIDTH // 2, 0, HANDLE_WIDTH, rect.height())
        self.handle.raise_()
        self.base_label.move(12, 12)
        self.top_label.move(max(x + 12, rect.width() - self.top_label.width() - 12), 12)
        self.base_label.setVisible(bool(self.base_label.text()) and x > 40)
        self.top_label.setVisible(bool(self.top_label.text()) and x < rect.width() - 40)
        self.base_label.raise_()
        self.top_label.raise_()
