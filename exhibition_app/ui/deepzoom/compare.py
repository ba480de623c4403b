"""Then and now: two georeferenced maps of the same ground, kept aligned.

The base map fills the panel; the other map lies on top of it, cut off left of a vertical
divider a finger can drag (swipe), and drawn at the opacity of a slider (fade). Both views
stay aligned through their georeferences while zooming and panning: a point of the base
image is carried to longitude/latitude and from there into the other image, so maps of
different sizes (2700 and 1350 pixels wide) or different fits line up. Either view can be
driven; the other follows. World maps wrap across the 180° seam in both views.

Below the maps, a row of touch-sized buttons chooses the map on top (the "now" layers and
the related maps), and the fade slider crossfades from one map to the other.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QRegion, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from exhibition_app.ui.deepzoom.pyramid import Pyramid
from exhibition_app.ui.deepzoom.view import DeepZoomView
from exhibition_app.ui.flow_layout import FlowLayout
from exhibition_app.ui.theme import GOLD, LINE, PARCHMENT

Mapping = Callable[[float, float], tuple[float, float]]
HANDLE_WIDTH = 48  # a finger-sized grip
TOUCH_PX = 48
CHOICE_MAX_PX = 420  # a long title is shortened (the whole title is its tooltip)


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

    #: The visitor chose another map for the top (its item id).
    chosen = Signal(int)

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
        # The theme's gold, and a grip a finger can hold (not Qt's default blue).
        self.slider.setStyleSheet(
            f"QSlider::groove:horizontal {{ height: 6px; background: {LINE}; border-radius: 3px; }}"
            f"QSlider::sub-page:horizontal {{ background: {GOLD}; border-radius: 3px; }}"
            f"QSlider::handle:horizontal {{ background: {PARCHMENT}; border: 2px solid {GOLD};"
            " width: 28px; margin: -12px 0; border-radius: 16px; }"
        )
        self.slider.valueChanged.connect(self._opacity)
        self.slider_label = QLabel()
        self.slider_label.setObjectName("fieldName")
        self.chooser_label = QLabel()
        self.chooser_label.setObjectName("fieldName")
        self.chooser = QWidget()
        self.chooser_flow = FlowLayout(self.chooser, spacing=8)
        self.choice_buttons: dict[int, QPushButton] = {}
        self.current_choice: int | None = None
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.chooser_label.setMinimumHeight(TOUCH_PX)  # on the buttons' line
        self.chooser_flow.addWidget(self.chooser_label)  # flows above them when narrow
        choose = QHBoxLayout()
        choose.setContentsMargins(16, 8, 16, 0)
        choose.addWidget(self.chooser, 1)
        bar = QHBoxLayout()
        bar.setContentsMargins(16, 4, 16, 8)
        bar.addWidget(self.slider_label)
        bar.addWidget(self.slider, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stage, 1)
        layout.addLayout(choose)
        layout.addLayout(bar)
        self.stage.installEventFilter(self)
        self.chooser.installEventFilter(self)

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
        self.set_labels(*labels)
        self._layout_stage()
        self._follow(self.base, self.top)

    def set_choices(self, choices: list[tuple[int, str]], current: int | None) -> None:
        """One checkable button per map that can go on top; ``current`` is checked."""
        for button in self.choice_buttons.values():
            self._group.removeButton(button)
            button.deleteLater()
        self.choice_buttons = {}
        self.current_choice = current
        for layer_id, title in choices:
            button = QPushButton(title)
            button.setProperty("fullText", title)
            button.setToolTip(title)
            button.setAccessibleName(title)
            button.setObjectName("placesButton")
            button.setCheckable(True)
            button.setChecked(layer_id == current)
            button.setMinimumHeight(TOUCH_PX)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, i=layer_id: self._choose(i))
            self._group.addButton(button)
            self.chooser_flow.addWidget(button)
            self.choice_buttons[layer_id] = button
        self.chooser.setVisible(len(choices) > 1)
        self.chooser_label.setVisible(len(choices) > 1)
        self._fit_choices()

    def _fit_choices(self) -> None:
        """Shorten long titles (with an ellipsis) to what the row has room for."""
        room = max(120, self.chooser.width() - 4)
        for button in self.choice_buttons.values():
            title = str(button.property("fullText"))
            width = min(CHOICE_MAX_PX, room - 40)
            button.setText(
                button.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, width)
            )
            button.setMaximumWidth(room)

    def _choose(self, layer_id: int) -> None:
        if layer_id != self.current_choice:
            self.current_choice = layer_id
            self.chosen.emit(layer_id)

    def is_sharp(self) -> bool:
        views = (self.base, self.top)
        return all(v.is_sharp() and not v.is_settling() for v in views)

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
        dx = ex - fx
        if follower.wrap_x:  # one pixel east may land across the seam, a world away
            w = follower.pyramid.width
            dx = (dx + w / 2) % w - w / 2
        follower_px = max(1e-9, (dx**2 + (ey - fy) ** 2) ** 0.5)
        self._syncing = True
        try:
            follower.quarter_turns = leader.quarter_turns
            follower.set_view(QPointF(fx, fy), leader.zoom / follower_px)
        finally:
            self._syncing = False

    def eventFilter(self, watched: object, event: object) -> bool:
        if watched is self.stage and isinstance(event, QResizeEvent):
            self._layout_stage()
        if watched is self.chooser and isinstance(event, QResizeEvent):
            self._fit_choices()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout_stage()
        self._fit_choices()

    def _layout_stage(self) -> None:
        rect = self.stage.rect()
        self.base.setGeometry(rect)
        self.top.setGeometry(rect)
        x = int(rect.width() * self.divider)
        # The top map shows right of the divider only; the base shows through on the left.
        self.top.setMask(QRegion(QRect(x, 0, rect.width() - x, rect.height())))
        self.handle.setGeometry(x - HANDLE_WIDTH // 2, 0, HANDLE_WIDTH, rect.height())
        self.handle.raise_()
        # Each map's title on its own side of the divider, shortened to fit there.
        base_shown = self._fit_label(self.base_label, x - 24)
        top_shown = self._fit_label(self.top_label, rect.width() - x - 24)
        self.base_label.move(12, 12)
        self.top_label.move(max(x + 12, rect.width() - self.top_label.width() - 12), 12)
        self.base_label.setVisible(base_shown)
        self.top_label.setVisible(top_shown)
        self.base_label.raise_()
        self.top_label.raise_()

    def set_labels(self, base: str, top: str) -> None:
        """The two maps' titles (shortened with an ellipsis where a side is narrow)."""
        self.base_label.setProperty("fullText", base)
        self.top_label.setProperty("fullText", top)
        self._layout_stage()

    @staticmethod
    def _fit_label(label: QLabel, room: int) -> bool:
        full = str(label.property("fullText") or "")
        if not full or room < 80:
            return False
        padding = label.sizeHint().width() - label.fontMetrics().horizontalAdvance(label.text())
        label.setText(
            label.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, room - padding)
        )
        label.adjustSize()
        return True
