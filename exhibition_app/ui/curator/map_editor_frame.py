"""The frame both map editors share: the map with its toolbar on the left, a side panel on
the right, the map's tiles loaded with progress and Cancel, the item's data read once.

A map editor (annotations, georeference) subclasses :class:`MapEditorBase` and fills
``side_col`` with what is its own; the toolbar (Add, Delete, Undo, Redo, Whole map and a
hint), the splitter, the status line and the wiring of the view's clicks and drags are here.
Tiles come through the viewer's own loader (``map_panel.load_map``, built on the image pool
the first time); the item's title, places and georeference come from
``operations.map_editing.map_sheet`` on the database worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QIcon,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedLayout,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from exhibition_app.errors import message_of
from exhibition_app.operations.map_editing import MapSheet, map_sheet
from exhibition_app.ui.curator.map_view import EditMapView
from exhibition_app.ui.deepzoom.map_panel import MapData, load_map
from exhibition_app.ui.i18n import Language, tr
from exhibition_app.ui.tasks import OpContext, OpHandle, TaskManager
from exhibition_app.ui.theme import (
    DISABLED,
    ERROR,
    GOLD,
    LAPIS,
    LINE,
    MUTED,
    NIGHT,
    PANEL,
    PARCHMENT,
)

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog

ERROR_STYLE = f"color: {ERROR};"


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
QToolBar#mapTools QToolButton:checked {{ background: {LAPIS}; color: white; }}
QToolBar#mapTools QToolButton:disabled {{ color: {DISABLED}; }}
QListWidget#placeList::item {{ padding: 4px 6px; }}
QPushButton:disabled, QComboBox:disabled, QLineEdit:disabled {{ color: {DISABLED}; }}
"""


class MapEditorBase(QWidget):
    """A map editor's frame: the map (tiles on the image pool, built the first time with
    progress and Cancel) under its toolbar, and a side panel (``side_col``) for the rest.

    Subclasses say how their markers look and how wide their side panel is (class
    attributes), fill the side panel in :meth:`_build_side`, set their texts in
    :meth:`retranslate`, answer the view (:meth:`select`, :meth:`add_at`,
    :meth:`move_marker`, :meth:`delete_selected`) and take the item's data in
    :meth:`_sheet_loaded`.
    """

    #: ``"ring"`` (places, as the visitor sees them) or ``"cross"`` (control points).
    MARKER_STYLE = "ring"
    SIDE_MIN_WIDTH = 320
    SIDE_WIDTH = 400

    #: The catalogue changed (an edit or its undo reached the database).
    changed = Signal()

    def __init__(
        self,
        tasks: TaskManager,
        language: Language,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setStyleSheet(EDITOR_STYLE)
        self.tasks, self.language, self.undo_stack = tasks, language, undo_stack
        self.catalog: Catalog | None = None
        self.item_id: int | None = None
        self.map: MapData | None = None
        self.title = ""
        self._tiles_for: int | None = None
        self._tiles_job: OpHandle | None = None
        self._jobs = 0

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
        self.view = EditMapView(self.MARKER_STYLE)
        self.map_area = self._build_map_area()
        self.toolbar = self._build_toolbar(cross=self.MARKER_STYLE == "cross")
        map_side = QWidget()
        map_col = QVBoxLayout(map_side)
        map_col.setContentsMargins(0, 0, 0, 0)
        map_col.setSpacing(0)
        map_col.addWidget(self.toolbar)
        map_col.addWidget(self.map_area, 1)

        self.heading = QLabel()
        self.heading.setObjectName("sideHeading")
        self.heading.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.hide()
        self.side = QWidget()
        self.side.setObjectName("curatorSide")
        self.side.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.side.setMinimumWidth(self.SIDE_MIN_WIDTH)
        self.side_col = QVBoxLayout(self.side)
        self.side_col.setContentsMargins(12, 12, 12, 12)
        self.side_col.setSpacing(6)
        self.side_col.addWidget(self.heading)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(map_side)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([1000, self.SIDE_WIDTH])
        splitter.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)

        self.view.hotspot_clicked.connect(self.select)
        self.view.map_clicked.connect(self.add_at)
        self.view.marker_moved.connect(self.move_marker)
        self.view.add_mode_cancelled.connect(lambda: self.add_action.setChecked(False))
        language.changed.connect(lambda _code: self.retranslate())
        self._show_load_state("none")
        self._build_side()
        self.retranslate()

    def _build_map_area(self) -> QWidget:
        """The view, and in its place while tiles are prepared a message, a bar and a button."""
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
        area = QWidget()
        area.setLayout(self.map_stack)
        area.setMinimumWidth(420)
        return area

    def _build_toolbar(self, *, cross: bool) -> QToolBar:
        """Add (A), Delete (Del), Undo, Redo, Whole map, and the hint at the right end."""
        self.add_action = QAction(ring_icon(cross=cross), "", self)
        self.add_action.setCheckable(True)
        self.add_action.setShortcut(QKeySequence(Qt.Key.Key_A))
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_action.toggled.connect(self._add_mode)
        trash = self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon)
        self.delete_action = QAction(trash, "", self)
        self.delete_action.setShortcuts([QKeySequence.StandardKey.Delete, Qt.Key.Key_Backspace])
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.undo_action = StackAction(self.undo_stack, False, self)
        self.redo_action = StackAction(self.undo_stack, True, self)
        self.home_action = QAction(self)
        self.home_action.triggered.connect(self.view.home)
        self.addAction(self.add_action)
        self.addAction(self.delete_action)
        bar = QToolBar()
        bar.setObjectName("mapTools")
        bar.setIconSize(QSize(18, 18))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.add_action)
        bar.addAction(self.delete_action)
        bar.addSeparator()
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addSeparator()
        bar.addAction(self.home_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.mode_hint = QLabel()
        self.mode_hint.setObjectName("hint")
        bar.addWidget(self.mode_hint)
        return bar

    # -- texts -----------------------------------------------------------------------------
    def _retranslate_tools(
        self, add: tuple[str, str], delete: tuple[str, str], home: tuple[str, str]
    ) -> None:
        """The toolbar's (text, tooltip) pairs, in the subclass's words; Undo and Redo and
        the loading page follow the language themselves."""
        for action, (text, tip) in (
            (self.add_action, add),
            (self.delete_action, delete),
            (self.home_action, home),
        ):
            action.setText(text)
            action.setToolTip(tip)
        self.undo_action.retranslate()
        self.redo_action.retranslate()
        self._add_mode_hint()
        self._retranslate_load()

    def _add_mode(self, on: bool) -> None:
        self.view.set_add_mode(on)
        self._add_mode_hint()
        if on:
            self.view.setFocus()

    def _set_status(self, message: str) -> None:
        self.status.setText("⚠ " + message if message else "")
        self.status.setVisible(bool(message))

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
        self._tiles_for = item_id
        self._show_load_state("loading")
        self._jobs += 1

        def work(ctx: OpContext) -> MapData:
            return load_map(
                catalog,
                item_id,
                progress=lambda fraction: ctx.progress(round(fraction * 1000), 1000),
                cancel=ctx.cancelled,
            )

        self._tiles_job = self.tasks.change(
            work,
            lambda data, i=item_id: self._guarded(self._tiles_loaded, i, data),
            lambda exc, i=item_id: self._guarded(self._tiles_failed, i, message_of(exc)),
            progress=lambda done, total, _label, i=item_id: self._on_progress(i, done, total),
            images=True,
        )

    def cancel_loading(self) -> None:
        """Stop building tiles nobody will look at."""
        if self._tiles_job is not None:
            self._tiles_job.cancel()
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

    def _on_progress(self, item_id: int, done: int, total: int) -> None:
        if shiboken6.isValid(self) and item_id == self._tiles_for:
            self.load_bar.setValue(int(done * 100 / max(total, 1)))

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

    def run_op(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
    ) -> None:
        """``job`` (an operation) on the database worker; the callbacks run later, if this
        widget lives, ``on_error`` with the failure's one-line message."""
        self._jobs += 1
        self.tasks.change(
            lambda _ctx: job(),
            lambda result: self._guarded(on_done, result),
            lambda exc: self._guarded(on_error, message_of(exc)),
        )

    def _load_data(self) -> None:
        """Read the item's title, places and georeference on the database worker."""
        catalog, item_id = self.catalog, self.item_id
        assert catalog is not None and item_id is not None

        def loaded(sheet: MapSheet) -> None:
            if item_id != self.item_id:
                return
            self.title = self.language.text(sheet.titles) or sheet.accession_number
            self._sheet_loaded(sheet)

        self.run_op(lambda: map_sheet(catalog, item_id), loaded, self._set_status)

    # -- for subclasses --------------------------------------------------------------------
    def _build_side(self) -> None:
        """Add the editor's own widgets to ``side_col`` (under the heading)."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every text in the current language."""
        raise NotImplementedError

    def _add_mode_hint(self) -> None:
        """The hint at the toolbar's end, for add mode on or off."""
        raise NotImplementedError

    def select(self, marker_id: int | None) -> None:
        """The curator picked a marker on the map."""
        raise NotImplementedError

    def add_at(self, x: float, y: float) -> None:
        """The curator clicked image pixel (x, y) in add mode."""
        raise NotImplementedError

    def move_marker(self, marker_id: int, x: float, y: float) -> None:
        """The curator dragged a marker to image pixel (x, y)."""
        raise NotImplementedError

    def delete_selected(self) -> None:
        """Delete (Del) was pressed."""
        raise NotImplementedError

    def _item_changed(self) -> None:
        """A new item was chosen (its data is not loaded yet)."""

    def _sheet_loaded(self, sheet: MapSheet) -> None:
        """The item's data arrived (``self.title`` is set)."""

    def _map_ready(self) -> None:
        """The tiles are in the view."""
