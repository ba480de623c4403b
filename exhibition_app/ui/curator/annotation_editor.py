"""The map annotation editor: places on a map as gold rings, added by a click, moved by a
drag, labelled in every language, deleted with undo.

The deep-zoom view of the visitor's map (``ui.deepzoom``) fills the left; the list of places
and the selected place's texts sit on the right. Tiles come through the viewer's own loader
(``map_panel.load_map``, built on the image pool with progress and Cancel the first time);
annotations are read and written on the database worker. Every change is a QUndoCommand on
the workspace's undo stack whose redo and undo run ``operations.annotations`` on that worker
and then refresh the view, so undo is always available and nothing blocks the window.

The module also holds what the georeference editor shares: :class:`EditMapView` (markers that
can be selected, dragged and added by a click) and :class:`MapEditorBase` (loading a map).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QLocale, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetricsF,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedLayout,
    QStyle,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exhibition_app.core.languages import LANGUAGES, NATIVE_NAMES
from exhibition_app.core.textfold import fold
from exhibition_app.ui.deepzoom.map_panel import MapData, load_map
from exhibition_app.ui.deepzoom.view import HOTSPOT_RADIUS, DeepZoomView, Hotspot
from exhibition_app.ui.i18n import Language, tr
from exhibition_app.ui.tasks import TaskManager
from exhibition_app.ui.theme import GOLD, LINE, MUTED, NIGHT, PANEL, PARCHMENT, SANS

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog

CLICK_SLOP = 5.0  # screen pixels a press may wander and still count as a click
ERROR_STYLE = "color: #ff8a70;"
DISABLED = "#7a7160"  # greyed out on PANEL and RAISED, still legible
SIDE_WIDTH = 400


def format_lonlat(lon: float | None, lat: float | None) -> str:
    if lon is None or lat is None:
        return ""
    loc = QLocale()
    ns = "N" if lat >= 0 else "S"
    ew = "E" if lon >= 0 else "W"
    return f"{loc.toString(abs(lat), 'f', 2)}° {ns}, {loc.toString(abs(lon), 'f', 2)}° {ew}"


def format_pixels(x: float, y: float) -> str:
    loc = QLocale()
    return (
        tr("AnnotationEditor", "x %1, y %2 px")
        .replace("%1", loc.toString(round(x)))
        .replace("%2", loc.toString(round(y)))
    )


def ring_icon(cross: bool = False) -> QIcon:
    """The Add tool's icon: a gold ring (or crosshair) with a plus, drawn at two sizes."""
    icon = QIcon()
    for size in (18, 36):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = size / 18
        pen = QPen(QColor(GOLD), 1.8 * s)
        painter.setPen(pen)
        if cross:
            for a, b in (((1, 7), (5, 7)), ((9, 7), (13, 7)), ((7, 1), (7, 5)), ((7, 9), (7, 13))):
                painter.drawLine(QPointF(a[0] * s, a[1] * s), QPointF(b[0] * s, b[1] * s))
        else:
            painter.drawEllipse(QPointF(7 * s, 7 * s), 5 * s, 5 * s)
        painter.setPen(QPen(QColor(PARCHMENT), 2 * s))
        painter.drawLine(QPointF(14 * s, 10 * s), QPointF(14 * s, 17 * s))
        painter.drawLine(QPointF(10.5 * s, 13.5 * s), QPointF(17.5 * s, 13.5 * s))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class StackAction(QAction):
    """Undo or Redo of a shared QUndoStack with a short, fixed text (the toolbar must not
    jump about); what it would undo shows in the tooltip."""

    def __init__(self, stack: QUndoStack, redo: bool, parent: QObject) -> None:
        super().__init__(parent)
        self.stack, self.is_redo = stack, redo
        kind = QStyle.StandardPixmap.SP_ArrowForward if redo else QStyle.StandardPixmap.SP_ArrowBack
        style = parent.style() if isinstance(parent, QWidget) else None
        if style is not None:
            self.setIcon(style.standardIcon(kind))
        self.triggered.connect(stack.redo if redo else stack.undo)
        (stack.canRedoChanged if redo else stack.canUndoChanged).connect(self.setEnabled)
        (stack.redoTextChanged if redo else stack.undoTextChanged).connect(self._describe)
        self.setEnabled(stack.canRedo() if redo else stack.canUndo())
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(
            tr("AnnotationEditor", "Redo") if self.is_redo else tr("AnnotationEditor", "Undo")
        )
        self._describe(self.stack.redoText() if self.is_redo else self.stack.undoText())

    def _describe(self, what: str) -> None:
        if self.is_redo:
            tip = tr("AnnotationEditor", "Redo: %1") if what else tr("AnnotationEditor", "Redo")
        else:
            tip = tr("AnnotationEditor", "Undo: %1") if what else tr("AnnotationEditor", "Undo")
        self.setToolTip(tip.replace("%1", what))


# --- the map view ---------------------------------------------------------------------------


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
            painter.setPen(QPen(QColor("#ff8a70"), 2))
            painter.drawLine(pos, end)
            painter.setBrush(QColor("#ff8a70"))
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
        painter.setPen(QPen(QColor("#ff8a70") if spot.id in self.flagged else QColor(GOLD), 1))
        painter.setBrush(QColor(20, 19, 15, 230))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(QColor(PARCHMENT))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)


# --- loading a map --------------------------------------------------------------------------


class _Progress(QObject):
    changed = Signal(int, float)  # item id, fraction done (emitted from the worker)


class MapEditorBase(QWidget):
    """Loads an item's map into an :class:`EditMapView`: tiles on the image pool (built the
    first time, with progress and Cancel), then ``_load_data`` on the database worker."""

    #: The catalogue changed (an edit or its undo reached the database).
    changed = Signal()

    def __init__(
        self,
        tasks: TaskManager,
        language: Language,
        undo_stack: QUndoStack,
        marker_style: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks, self.language, self.undo_stack = tasks, language, undo_stack
        self.catalog: Catalog | None = None
        self.item_id: int | None = None
        self.map: MapData | None = None
        self._tiles_for: int | None = None
        self._jobs = 0
        self._cancel = threading.Event()
        self._progress = _Progress()  # no parent: the worker may outlive this editor
        self._progress.changed.connect(self._on_progress)

        # The theme gives disabled controls the enabled colours; a curator must see that
        # Apply or Delete cannot be pressed right now.
        palette = self.palette()
        for role in (
            QPalette.ColorRole.ButtonText,
            QPalette.ColorRole.WindowText,
            QPalette.ColorRole.Text,
        ):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED))
        self.setPalette(palette)
        self.view = EditMapView(marker_style)
        self.load_message = QLabel()
        self.load_message.setObjectName("empty")
        self.load_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.load_message.setWordWrap(True)
        self.load_bar = QProgressBar()
        self.load_bar.setRange(0, 100)
        self.load_bar.setFixedWidth(360)
        self.load_button = QPushButton()
        self.load_button.clicked.connect(self._load_button_clicked)
        load_page = QWidget()
        load_page.setObjectName("page")
        col = QVBoxLayout(load_page)
        col.addStretch(1)
        col.addWidget(self.load_message)
        col.addWidget(self.load_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        col.addWidget(self.load_button, 0, Qt.AlignmentFlag.AlignHCenter)
        col.addStretch(1)
        self.map_stack = QStackedLayout()
        self.map_stack.addWidget(load_page)
        self.map_stack.addWidget(self.view)
        self.map_area = QWidget()
        self.map_area.setLayout(self.map_stack)
        self.map_area.setMinimumWidth(420)
        self._show_load_state("none")

    # -- item ------------------------------------------------------------------------------
    def set_item(self, catalog: Catalog, item_id: int) -> None:
        """Show ``item_id``'s map: its tiles (building them if needed) and its data."""
        self.cancel_loading()
        self.catalog, self.item_id, self.map = catalog, item_id, None
        self.view.set_pyramid(None)
        self.view.set_hotspots([])
        self.view.active_hotspot = None
        self._item_changed()
        self._load_tiles()
        self._load_data()

    def _load_tiles(self) -> None:
        catalog, item_id = self.catalog, self.item_id
        if catalog is None or item_id is None:
            return
        self._cancel = cancel = threading.Event()
        relay = self._progress
        self._tiles_for = item_id
        self._show_load_state("loading")
        self._jobs += 1
        self.tasks.run_image(
            lambda: load_map(
                catalog,
                item_id,
                progress=lambda f, i=item_id: relay.changed.emit(i, f),
                cancel=cancel.is_set,
            ),
            lambda data, i=item_id: self._guarded(self._tiles_loaded, i, data),
            lambda msg, i=item_id: self._guarded(self._tiles_failed, i, msg),
        )

    def cancel_loading(self) -> None:
        """Stop building tiles nobody will look at."""
        self._cancel.set()
        if self._tiles_for is not None:
            self._tiles_for = None
            self._show_load_state("cancelled")

    def _load_button_clicked(self) -> None:
        if self._tiles_for is not None:
            self.cancel_loading()
        else:
            self._load_tiles()

    def _guarded(self, fn: Callable[..., None], *args: Any) -> None:
        """Results arrive later: drop them if this widget has gone meanwhile."""
        if not shiboken6.isValid(self):
            return
        self._jobs -= 1
        fn(*args)

    def _tiles_loaded(self, item_id: int, data: MapData) -> None:
        if self._tiles_for != item_id:
            return
        self._tiles_for = None
        self.map = data
        self.view.set_pyramid(data.pyramid)
        self.view.to_lonlat = data.geo.to_lonlat if data.geo is not None else None
        self.map_stack.setCurrentWidget(self.view)
        self.view.home()
        self._map_ready()

    def _tiles_failed(self, item_id: int, message: str) -> None:
        if self._tiles_for != item_id:
            return
        self._tiles_for = None
        self._show_load_state("failed", message)

    def _on_progress(self, item_id: int, fraction: float) -> None:
        if item_id == self._tiles_for:
            self.load_bar.setValue(int(fraction * 100))

    def _show_load_state(self, state: str, detail: str = "") -> None:
        self._load_state = state
        self.map_stack.setCurrentIndex(0)
        self.load_bar.setVisible(state == "loading")
        self.load_button.setVisible(state in ("loading", "cancelled"))
        if state == "loading":
            self.load_bar.setValue(0)
        self._retranslate_load(detail)

    def _retranslate_load(self, detail: str = "") -> None:
        state = getattr(self, "_load_state", "none")
        texts = {
            "none": tr("AnnotationEditor", "Choose a map to work on."),
            "loading": tr("AnnotationEditor", "Preparing the map for deep zoom…"),
            "cancelled": tr("AnnotationEditor", "Preparing the map was cancelled."),
            "failed": tr("AnnotationEditor", "This map cannot be shown: %1").replace("%1", detail),
        }
        self.load_message.setText(texts.get(state, ""))
        self.load_button.setText(
            tr("AnnotationEditor", "Cancel")
            if state == "loading"
            else tr("AnnotationEditor", "Prepare the map")
        )

    def is_busy(self) -> bool:
        """Work is under way: tiles, a database job, or tiles still sharpening."""
        return (
            self._tiles_for is not None
            or self._jobs > 0
            or (self.map is not None and not self.view.is_sharp())
        )

    def run_db(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
    ) -> None:
        """``job`` on the database worker; the callbacks run later, if this widget lives."""
        self._jobs += 1
        self.tasks.run_db(
            job,
            lambda result: self._guarded(on_done, result),
            lambda message: self._guarded(on_error, message),
        )

    # -- for subclasses --------------------------------------------------------------------
    def _item_changed(self) -> None:
        """A new item was chosen (its data is not loaded yet)."""

    def _load_data(self) -> None:
        """Read the item's data on the database worker."""

    def _map_ready(self) -> None:
        """The tiles are in the view."""


# --- undo commands --------------------------------------------------------------------------


class _Handle:
    """An annotation's id as undo commands see it: a restore may have to give it a new one,
    and every command on that annotation then follows."""

    def __init__(self, annotation_id: int | None) -> None:
        self.id = annotation_id


class _NoteCommand(QUndoCommand):
    """Runs an operation on the database worker, then refreshes the editor's list."""

    def __init__(self, editor: AnnotationEditor, text: str, handle: _Handle) -> None:
        super().__init__(text)
        self.editor = editor
        assert editor.catalog is not None and editor.item_id is not None
        self.catalog, self.item_id, self.handle = editor.catalog, editor.item_id, handle
        self.tasks = editor.tasks

    def redo(self) -> None:
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, op: Callable[[Any], int | None]) -> None:
        from exhibition_app.operations.maps import annotations_of

        catalog, item_id = self.catalog, self.item_id

        def job() -> tuple[int | None, list[dict[str, Any]]]:
            with catalog.session() as session:
                select = op(session)
                return select, annotations_of(session, item_id)

        if shiboken6.isValid(self.editor):
            self.editor.run_command(job, item_id, self.handle)
        elif shiboken6.isValid(self.tasks):  # the editor closed: keep the catalogue in step
            self.tasks.run_db(job, lambda _result: None, lambda _message: None)

    def _check(self) -> None:
        if self.handle.id is None:  # an earlier step failed to make the place
            raise ValueError(tr("AnnotationEditor", "This place no longer exists."))

    def _redo(self, session: Any) -> int | None:
        raise NotImplementedError

    def _undo(self, session: Any) -> int | None:
        raise NotImplementedError


class _AddCommand(_NoteCommand):
    def __init__(self, editor: AnnotationEditor, x: float, y: float) -> None:
        super().__init__(editor, tr("AnnotationEditor", "Add place"), _Handle(None))
        self.x, self.y = x, y
        self.data: dict[str, Any] | None = None  # what the undo took away

    def _redo(self, session: Any) -> int | None:
        from exhibition_app.operations.annotations import add_annotation, restore_annotation

        if self.data is None:
            self.handle.id = add_annotation(session, self.item_id, self.x, self.y)
        else:
            self.handle.id = restore_annotation(session, self.data)
        return self.handle.id

    def _undo(self, session: Any) -> int | None:
        from exhibition_app.operations.annotations import delete_annotation

        if self.handle.id is None:  # the add itself failed: nothing to take away
            return None
        self.data = delete_annotation(session, self.handle.id)
        return None


class _MoveCommand(_NoteCommand):
    def __init__(
        self,
        editor: AnnotationEditor,
        handle: _Handle,
        before: tuple[float, float],
        after: tuple[float, float],
    ) -> None:
        super().__init__(editor, tr("AnnotationEditor", "Move place"), handle)
        self.before, self.after = before, after

    def _redo(self, session: Any) -> int | None:
        from exhibition_app.operations.annotations import move_annotation

        self._check()
        move_annotation(session, self.handle.id, *self.after)
        return self.handle.id

    def _undo(self, session: Any) -> int | None:
        from exhibition_app.operations.annotations import move_annotation

        self._check()
        move_annotation(session, self.handle.id, *self.before)
        return self.handle.id


class _TextsCommand(_NoteCommand):
    def __init__(
        self,
        editor: AnnotationEditor,
        handle: _Handle,
        text: str,
        before: dict[str, dict[str, str]],
        after: dict[str, dict[str, str]],
    ) -> None:
        super().__init__(editor, text, handle)
        self.before, self.after = before, after

    def _redo(self, session: Any) -> int | None:
        from exhibition_app.operations.annotations import set_annotation_texts

        self._check()
        set_annotation_texts(session, self.handle.id, self.after)
        return self.handle.id

    def _undo(self, session: Any) -> int | None:
        from exhibition_app.operations.annotations import set_annotation_texts

        self._check()
        set_annotation_texts(session, self.handle.id, self.before)
        return self.handle.id


class _DeleteCommand(_NoteCommand):
    def __init__(self, editor: AnnotationEditor, handle: _Handle) -> None:
        super().__init__(editor, tr("AnnotationEditor", "Delete place"), handle)
        self.data: dict[str, Any] | None = None

    def _redo(self, session: Any) -> int | None:
        from exhibition_app.operations.annotations import delete_annotation

        self._check()
        self.data = delete_annotation(session, self.handle.id)
        return None

    def _undo(self, session: Any) -> int | None:
        from exhibition_app.operations.annotations import restore_annotation

        assert self.data is not None
        self.handle.id = restore_annotation(session, self.data)
        return self.handle.id


# --- the editor -----------------------------------------------------------------------------


class PlainEdit(QPlainTextEdit):
    """A multi-line field that reports ``editingFinished`` when it loses focus (one undo
    step per visit, not one per key)."""

    editingFinished = Signal()

    def focusOutEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().focusOutEvent(event)
        self.editingFinished.emit()


EDITOR_STYLE = f"""
QWidget#curatorSide {{ background: {PANEL}; }}
QLabel#sideHeading {{ color: {PARCHMENT}; font-size: 16px; font-weight: 600; }}
QLabel#sideSub {{ color: {MUTED}; }}
QLabel#groupTitle {{ color: {PARCHMENT}; font-weight: 600; padding-top: 6px; }}
QLabel#hint {{ color: {MUTED}; }}
QToolBar#mapTools {{ background: {PANEL}; border: none; border-bottom: 1px solid {LINE};
    spacing: 4px; padding: 4px 6px; }}
QToolBar#mapTools QToolButton {{ color: {PARCHMENT}; padding: 5px 10px; border-radius: 4px;
    border: 1px solid transparent; }}
QToolBar#mapTools QToolButton:hover {{ border-color: {LINE}; background: {NIGHT}; }}
QToolBar#mapTools QToolButton:checked {{ background: #3d6fbf; color: white; }}
QToolBar#mapTools QToolButton:disabled {{ color: {DISABLED}; }}
QListWidget#placeList::item {{ padding: 4px 6px; }}
QPushButton:disabled, QComboBox:disabled, QLineEdit:disabled {{ color: {DISABLED}; }}
"""


class AnnotationEditor(MapEditorBase):
    """Places on a map: add (A, then click), drag to move, texts in four languages, Delete.

    Every change is pushed onto ``undo_stack``; ``changed`` fires when one has reached the
    catalogue.
    """

    def __init__(
        self,
        tasks: TaskManager,
        language: Language,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, language, undo_stack, "ring", parent)
        self.setStyleSheet(EDITOR_STYLE)
        self.notes: list[dict[str, Any]] = []
        self.selected: int | None = None
        self.title = ""
        self._handles: dict[int, _Handle] = {}
        self._filling = False
        self._loaded_texts: dict[tuple[str, str], str] = {}

        # Map side: a toolbar over the view.
        self.add_action = QAction(ring_icon(), "", self)
        self.add_action.setCheckable(True)
        self.add_action.setShortcut(QKeySequence(Qt.Key.Key_A))
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_action.toggled.connect(self._add_mode)
        self.delete_action = QAction(self)
        self.delete_action.setShortcuts([QKeySequence.StandardKey.Delete, Qt.Key.Key_Backspace])
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.delete_action.setEnabled(False)
        style = self.style()
        self.delete_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.undo_action = StackAction(undo_stack, False, self)
        self.redo_action = StackAction(undo_stack, True, self)
        self.home_action = QAction(self)
        self.home_action.triggered.connect(self.view.home)
        self.addAction(self.add_action)
        self.addAction(self.delete_action)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mapTools")
        self.toolbar.setIconSize(QSize(18, 18))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.add_action)
        self.toolbar.addAction(self.delete_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.home_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.mode_hint = QLabel()
        self.mode_hint.setObjectName("hint")
        self.toolbar.addWidget(self.mode_hint)
        add_button = self.toolbar.widgetForAction(self.add_action)
        if isinstance(add_button, QToolButton):
            add_button.setObjectName("addPlace")
        map_side = QWidget()
        map_col = QVBoxLayout(map_side)
        map_col.setContentsMargins(0, 0, 0, 0)
        map_col.setSpacing(0)
        map_col.addWidget(self.toolbar)
        map_col.addWidget(self.map_area, 1)

        # Side panel: the list of places, then the selected place.
        self.heading = QLabel()
        self.heading.setObjectName("sideHeading")
        self.heading.setWordWrap(True)
        self.count = QLabel()
        self.count.setObjectName("sideSub")
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.list = QListWidget()
        self.list.setObjectName("placeList")
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.currentItemChanged.connect(self._row_changed)
        self.place_title = QLabel()
        self.place_title.setObjectName("groupTitle")
        self.position = QLabel()
        self.position.setObjectName("sideSub")
        self.position.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.label_edits: dict[str, QLineEdit] = {}
        self.text_edits: dict[str, PlainEdit] = {}
        self.field_labels: list[tuple[QLabel, QLabel]] = []
        for lang in LANGUAGES:
            page = QWidget()
            form = QFormLayout(page)
            form.setContentsMargins(8, 10, 8, 8)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            label_edit = QLineEdit()
            label_edit.editingFinished.connect(lambda c=lang: self._text_finished("label", c))
            label_edit.textEdited.connect(lambda _t, c=lang: self._mark_tab(c))
            text_edit = PlainEdit()
            text_edit.setTabChangesFocus(True)
            text_edit.setMinimumHeight(110)
            text_edit.editingFinished.connect(lambda c=lang: self._text_finished("text", c))
            name_label, text_label = QLabel(), QLabel()
            form.addRow(name_label, label_edit)
            form.addRow(text_label, text_edit)
            self.field_labels.append((name_label, text_label))
            self.label_edits[lang], self.text_edits[lang] = label_edit, text_edit
            self.tabs.addTab(page, NATIVE_NAMES[lang])
        self.others = QLabel()
        self.others.setObjectName("hint")
        self.others.setWordWrap(True)
        self.others.setTextFormat(Qt.TextFormat.PlainText)
        self.delete_button = QPushButton()
        self.delete_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.delete_button.clicked.connect(self.delete_selected)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.hide()

        self.details = QWidget()
        details_col = QVBoxLayout(self.details)
        details_col.setContentsMargins(0, 0, 0, 0)
        details_col.setSpacing(4)
        title_row = QHBoxLayout()
        title_row.addWidget(self.place_title, 1)
        title_row.addWidget(self.delete_button)
        details_col.addLayout(title_row)
        details_col.addWidget(self.position)
        details_col.addWidget(self.tabs)
        details_col.addWidget(self.others)
        self.no_selection = QLabel()
        self.no_selection.setObjectName("hint")
        self.no_selection.setWordWrap(True)
        self.no_selection.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        side = QWidget()
        side.setObjectName("curatorSide")
        side.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        side.setMinimumWidth(320)
        side_col = QVBoxLayout(side)
        side_col.setContentsMargins(12, 12, 12, 12)
        side_col.setSpacing(6)
        side_col.addWidget(self.heading)
        side_col.addWidget(self.count)
        side_col.addWidget(self.filter)
        side_col.addWidget(self.list, 1)
        side_col.addWidget(self.details)
        side_col.addWidget(self.no_selection)
        side_col.addWidget(self.status)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(map_side)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([1000, SIDE_WIDTH])
        splitter.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)

        self.view.hotspot_clicked.connect(self.select)
        self.view.map_clicked.connect(self.add_at)
        self.view.marker_moved.connect(self.move_to)
        self.view.add_mode_cancelled.connect(lambda: self.add_action.setChecked(False))
        language.changed.connect(lambda _code: self.retranslate())
        self.retranslate()
        self._show_selection()

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.add_action.setText(tr("AnnotationEditor", "Add place"))
        self.add_action.setToolTip(
            tr("AnnotationEditor", "Add places: click the map where a place goes (A)")
        )
        self.delete_action.setText(tr("AnnotationEditor", "Delete"))
        self.delete_action.setToolTip(tr("AnnotationEditor", "Delete the selected place (Del)"))
        self.home_action.setText(tr("AnnotationEditor", "Whole map"))
        self.home_action.setToolTip(tr("AnnotationEditor", "Show the whole map (0)"))
        self.undo_action.retranslate()
        self.redo_action.retranslate()
        self.filter.setPlaceholderText(tr("AnnotationEditor", "Filter places"))
        self.filter.setAccessibleName(tr("AnnotationEditor", "Filter places"))
        self.list.setAccessibleName(tr("AnnotationEditor", "Places on this map"))
        self.delete_button.setText(tr("AnnotationEditor", "Delete place"))
        self.no_selection.setText(
            tr(
                "AnnotationEditor",
                "Select a place in the list or on the map to edit its label and text. "
                "Press A, then click the map, to add one.",
            )
        )
        for lang, (name_label, text_label) in zip(LANGUAGES, self.field_labels, strict=True):
            name_label.setText(tr("AnnotationEditor", "Label"))
            text_label.setText(tr("AnnotationEditor", "Text"))
            self.label_edits[lang].setAccessibleName(
                tr("AnnotationEditor", "Label (%1)").replace("%1", NATIVE_NAMES[lang])
            )
            self.text_edits[lang].setAccessibleName(
                tr("AnnotationEditor", "Text (%1)").replace("%1", NATIVE_NAMES[lang])
            )
        self._add_mode_hint()
        self._retranslate_load()
        self._fill_list()
        self._show_selection()

    def _add_mode_hint(self) -> None:
        self.mode_hint.setText(
            tr("AnnotationEditor", "Click the map to add a place · Esc to stop")
            if self.add_action.isChecked()
            else tr("AnnotationEditor", "Drag a ring to move it")
        )

    def _note_label(self, note: dict[str, Any]) -> tuple[str, str | None]:
        """(label in the current language or its fallback, the language it fell back to)."""
        picked = self.language.pick(note["label"])
        if picked is None:
            return tr("AnnotationEditor", "(no label)"), None
        return picked.text, picked.lang if picked.is_fallback else None

    # -- loading ---------------------------------------------------------------------------
    def _item_changed(self) -> None:
        self.notes, self.selected, self.title = [], None, ""
        self._handles.clear()
        self.add_action.setChecked(False)
        self._fill_list()
        self._show_selection()
        self._set_status("")

    def _load_data(self) -> None:
        catalog, item_id = self.catalog, self.item_id
        assert catalog is not None and item_id is not None

        def job() -> tuple[str, list[dict[str, Any]]]:
            from exhibition_app.db.models import Item
            from exhibition_app.operations.maps import annotations_of

            with catalog.read_session() as session:
                item = session.get(Item, item_id)
                if item is None:
                    raise LookupError(f"there is no item {item_id}")
                title = self.language.text(item.text_map("title")) or item.accession_number
                return title, annotations_of(session, item_id)

        self.run_db(
            job,
            lambda result, i=item_id: self._data_loaded(i, *result),
            lambda message: self._set_status(message),
        )

    def _data_loaded(self, item_id: int, title: str, notes: list[dict[str, Any]]) -> None:
        if item_id != self.item_id:
            return
        self.title = title
        self._set_notes(notes)

    def _set_notes(self, notes: list[dict[str, Any]]) -> None:
        self.notes = notes
        ids = {n["id"] for n in notes}
        if self.selected not in ids:
            self.selected = None
        self._fill_list()
        self._show_selection()

    def _fill_list(self) -> None:
        self._filling = True
        try:
            self.heading.setText(self.title or tr("AnnotationEditor", "Map annotations"))
            self.list.clear()
            current_row: QListWidgetItem | None = None
            for note in self.notes:
                text, fallback = self._note_label(note)
                row = QListWidgetItem(f"{text}  · {fallback}" if fallback else text)
                row.setData(Qt.ItemDataRole.UserRole, note["id"])
                row.setToolTip(text)
                if not note["label"]:
                    font = row.font()
                    font.setItalic(True)
                    row.setFont(font)
                self.list.addItem(row)
                if note["id"] == self.selected:
                    current_row = row
            if current_row is not None:
                self.list.setCurrentItem(current_row)
            self._apply_filter()
            self.view.set_hotspots(
                [
                    Hotspot(n["id"], n["x"], n["y"], self._note_label(n)[0] if n["label"] else "")
                    for n in self.notes
                ]
            )
            self.view.active_hotspot = self.selected
        finally:
            self._filling = False

    def _apply_filter(self) -> None:
        query = fold(self.filter.text())
        shown = 0
        by_id = {n["id"]: n for n in self.notes}
        for i in range(self.list.count()):
            row = self.list.item(i)
            note = by_id.get(int(row.data(Qt.ItemDataRole.UserRole)))
            haystack = ""
            if note is not None:
                haystack = fold(" ".join([*note["label"].values(), *note["text"].values()]))
            hide = bool(query) and query not in haystack
            row.setHidden(hide)
            shown += not hide
        total = len(self.notes)
        loc = QLocale()
        if query:
            self.count.setText(
                tr("AnnotationEditor", "%1 of %2 places")
                .replace("%1", loc.toString(shown))
                .replace("%2", loc.toString(total))
            )
        else:
            self.count.setText(
                tr("AnnotationEditor", "%1 places on this map").replace("%1", loc.toString(total))
            )

    # -- selection -------------------------------------------------------------------------
    def note(self, note_id: int | None) -> dict[str, Any] | None:
        return next((n for n in self.notes if n["id"] == note_id), None)

    def select(self, note_id: int | None) -> None:
        """Select a place (in the list, on the map and in the fields)."""
        if note_id == self.selected:
            return
        self.selected = note_id
        self._filling = True
        try:
            for i in range(self.list.count()):
                row = self.list.item(i)
                if row.data(Qt.ItemDataRole.UserRole) == note_id:
                    self.list.setCurrentItem(row)
                    self.list.scrollToItem(row)
                    break
            else:
                self.list.setCurrentItem(None)
        finally:
            self._filling = False
        self.view.active_hotspot = note_id
        self.view.update()
        self._show_selection(force=True)

    def _row_changed(self, row: QListWidgetItem | None, _previous: object = None) -> None:
        if self._filling or row is None:
            return
        note_id = int(row.data(Qt.ItemDataRole.UserRole))
        self.select(note_id)
        note = self.note(note_id)
        if note is not None and not self.view.visible_image_rect().contains(
            QPointF(note["x"], note["y"])
        ):
            self.view.fly_to(note["x"], note["y"], zoom=self.view.zoom)

    def _show_selection(self, force: bool = False) -> None:
        note = self.note(self.selected)
        self.details.setVisible(note is not None)
        self.no_selection.setVisible(note is None)
        self.delete_action.setEnabled(note is not None)
        if note is None:
            self._loaded_texts = {}
            return
        text, _fallback = self._note_label(note)
        self.place_title.setText(text)
        where = format_pixels(note["x"], note["y"])
        lonlat = format_lonlat(note["lon"], note["lat"])
        self.position.setText(f"{where}   ·   {lonlat}" if lonlat else where)
        for lang in LANGUAGES:
            for field, widget in (
                ("label", self.label_edits[lang]),
                ("text", self.text_edits[lang]),
            ):
                value = note[field].get(lang, "")
                key = (field, lang)
                shown = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
                dirty = key in self._loaded_texts and shown != self._loaded_texts[key]
                if force or not dirty:
                    if shown != value:
                        if isinstance(widget, QLineEdit):
                            widget.setText(value)
                        else:
                            widget.setPlainText(value)
                    self._loaded_texts[key] = value
            self._mark_tab(lang)
        others = [
            f"{code.upper()}: {note['label'].get(code) or ''}"
            + (f" — {note['text'][code]}" if note["text"].get(code) else "")
            for code in sorted(set(note["label"]) | set(note["text"]))
            if code not in LANGUAGES
        ]
        self.others.setVisible(bool(others))
        if others:
            full = "\n".join(others)
            self.others.setText(
                tr("AnnotationEditor", "Also in other languages (kept as they are):")
                + "\n"
                + self.others.fontMetrics().elidedText(
                    full.replace("\n", "   "), Qt.TextElideMode.ElideRight, 3 * (SIDE_WIDTH - 30)
                )
            )
            self.others.setToolTip(full)

    def _mark_tab(self, lang: str) -> None:
        """A tab whose label is empty says so with a mark and a tooltip, not colour alone."""
        i = LANGUAGES.index(lang)
        label = self.label_edits[lang].text().strip()
        text = self.text_edits[lang].toPlainText().strip()
        missing = []
        if not label:
            missing.append(tr("AnnotationEditor", "no label"))
        if not text:
            missing.append(tr("AnnotationEditor", "no text"))
        self.tabs.setTabText(i, NATIVE_NAMES[lang] + ("  ⚠" if not label else ""))
        self.tabs.setTabToolTip(i, ", ".join(missing))

    # -- edits -----------------------------------------------------------------------------
    def _handle(self, note_id: int) -> _Handle:
        handle = self._handles.get(note_id)
        if handle is None:
            handle = self._handles[note_id] = _Handle(note_id)
        return handle

    def _add_mode(self, on: bool) -> None:
        self.view.set_add_mode(on)
        self._add_mode_hint()
        if on:
            self.view.setFocus()

    def add_at(self, x: float, y: float) -> None:
        """Add a place at image pixel (x, y) (one undo step)."""
        if self.catalog is None or self.item_id is None:
            return
        self.undo_stack.push(_AddCommand(self, x, y))

    def move_to(self, note_id: int, x: float, y: float) -> None:
        note = self.note(note_id)
        if note is None or self.catalog is None:
            return
        if (round(note["x"], 2), round(note["y"], 2)) == (round(x, 2), round(y, 2)):
            return
        self.undo_stack.push(
            _MoveCommand(self, self._handle(note_id), (note["x"], note["y"]), (x, y))
        )

    def _text_finished(self, field: str, lang: str) -> None:
        note = self.note(self.selected)
        if note is None or self.catalog is None:
            return
        widget = self.label_edits[lang] if field == "label" else self.text_edits[lang]
        value = (widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()).strip()
        # What was last loaded or sent: Return then leaving the field is one edit, and two
        # quick edits undo one after the other even before the first reached the catalogue.
        before = self._loaded_texts.get((field, lang), note[field].get(lang, ""))
        if value == before:
            return
        self._loaded_texts[(field, lang)] = value
        name = (
            tr("AnnotationEditor", "Label") if field == "label" else tr("AnnotationEditor", "Text")
        )
        text = (
            tr("AnnotationEditor", "Change %1 (%2)")
            .replace("%1", name.lower())
            .replace("%2", NATIVE_NAMES[lang])
        )
        self.undo_stack.push(
            _TextsCommand(
                self,
                self._handle(note["id"]),
                text,
                {field: {lang: before}},
                {field: {lang: value}},
            )
        )

    def delete_selected(self) -> None:
        """Delete the selected place (one undo step: nothing to confirm)."""
        if self.note(self.selected) is None or self.catalog is None or self.selected is None:
            return
        self.undo_stack.push(_DeleteCommand(self, self._handle(self.selected)))

    def run_command(self, job: Callable[[], Any], item_id: int, handle: _Handle) -> None:
        """Called by the undo commands: ``job`` on the database worker, then refresh."""
        old_id = handle.id

        def done(result: tuple[int | None, list[dict[str, Any]]]) -> None:
            select, notes = result
            if handle.id is not None and handle.id != old_id:
                if old_id is not None:
                    self._handles.pop(old_id, None)
                self._handles[handle.id] = handle
            self.changed.emit()
            if item_id != self.item_id:
                return
            self._set_status("")
            self._set_notes(notes)
            if select is not None:
                self.select(select)
                if old_id is None:  # a new place: type its name straight away
                    self._focus_label()

        def failed(message: str) -> None:
            self._set_status(
                tr("AnnotationEditor", "The change could not be saved: %1").replace("%1", message)
            )
            if item_id == self.item_id:
                self._load_data()

        self.run_db(job, done, failed)

    def _focus_label(self) -> None:
        lang = self.language.code if self.language.code in LANGUAGES else LANGUAGES[0]
        self.tabs.setCurrentIndex(LANGUAGES.index(lang))
        self.label_edits[lang].setFocus()

    def _set_status(self, message: str) -> None:
        self.status.setText("⚠ " + message if message else "")
        self.status.setVisible(bool(message))
