"""Laying the kiosk out for its screen's shape (the rules are in layout.py).

The gallery owns the screen: the section's title, text and filter chips sit in one scroll
area with the tiles, so they scroll away with the gallery and only the compact header bar
(home, title, search, "Aa", languages) stays. The tile view itself never scrolls: it is as
tall as its rows, and its columns follow the width.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListView,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QWidget,
)

from exhibition_app.ui.gallery.delegate import KIOSK, KIOSK_LARGE, sized
from exhibition_app.ui.kiosk.layout import TILE_MIN_W, ScreenShape
from exhibition_app.ui.kiosk.style import kiosk_style

if TYPE_CHECKING:
    from exhibition_app.ui.kiosk.window import KioskWindow


def screen_shape(window: KioskWindow) -> ScreenShape:
    """The window's shape, at the physical DPI of the screen it is on (when believable)."""
    screen = window.screen()
    dpi = screen.physicalDotsPerInch() if screen is not None else None
    override = getattr(window, "dpi_override", None)
    return ScreenShape(max(1, window.width()), max(1, window.height()), override or dpi or 0.0)


def wrap_gallery(window: KioskWindow) -> QScrollArea:
    """Move the gallery page's heading, chips and tiles into one scroll area."""
    page = window.section_text.parentWidget()
    page_layout = page.layout()
    widgets = [
        w for i in range(page_layout.count()) if (w := page_layout.itemAt(i).widget()) is not None
    ]
    # removeWidget, not takeAt: the layout item must go, or the widget keeps telling the old
    # (orphaned) item about its size changes and the new layout lays it out from stale sizes.
    for widget in widgets:
        page_layout.removeWidget(widget)
    while page_layout.count():  # the spacings
        page_layout.takeAt(0)
    inner = QWidget()
    inner.setObjectName("page")
    inner_layout = type(page_layout)(inner)
    margins = page_layout.contentsMargins()
    inner_layout.setContentsMargins(margins.left(), margins.top(), margins.right(), 24)
    inner_layout.setSpacing(page_layout.spacing())
    for widget in widgets:
        if widget is window.view:
            inner_layout.addSpacing(4)
        inner_layout.addWidget(
            widget,
            1 if widget is window.empty else 0,
            Qt.AlignmentFlag.AlignLeft if widget is window.more_button else Qt.AlignmentFlag(0),
        )
    for label in (window.section_title, window.section_text):
        # Their height is set from their text (fit_heading), never asked of QLabel, whose
        # height-for-width lags behind a new text or style (text would be cut or padded).
        policy = label.sizePolicy()
        policy.setHeightForWidth(False)
        label.setSizePolicy(policy)
    inner_layout.addStretch(1)
    # A short page (a search's few results) keeps its heading together at the top: the
    # room to spare stays below the tiles instead of opening gaps between the lines.
    inner_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
    page_layout.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setObjectName("galleryScroll")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Always there: the columns do not change when the page grows taller than the screen.
    scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    scroll.setWidget(inner)
    page_layout.addWidget(scroll)

    view: QListView = window.view
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    QScroller.ungrabGesture(view.viewport())
    # After the first frame: Qt's first grab sets up its gesture machinery (~20 ms).
    QTimer.singleShot(
        0,
        window,
        lambda: QScroller.grabGesture(
            scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture
        ),
    )

    def follow(current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():  # arrow keys: the chosen tile scrolls into view
            rect = view.visualRect(current)
            centre = view.viewport().mapTo(inner, rect.center())
            scroll.ensureVisible(centre.x(), centre.y(), rect.width() // 2, rect.height() // 2)

    view.selectionModel().currentChanged.connect(follow)
    watcher = _HeadingWatcher(window, scroll)
    inner.installEventFilter(watcher)
    scroll.viewport().installEventFilter(watcher)
    # The keyboard and the page share the height: the pages (an item page's picture has a
    # minimum) must never squeeze the keyboard's last row away.
    window.stack.setMinimumHeight(1)
    for signal in (view.model().modelReset, view.model().rowsInserted, view.model().rowsRemoved):
        signal.connect(lambda *_a: fit_gallery(window))
    return scroll


class _HeadingWatcher(QObject):
    """Re-measures the scroll area's page whenever its layout or width changes (a new
    language, the larger-text style, a new screen size)."""

    def __init__(self, window: KioskWindow, parent: QObject) -> None:
        super().__init__(parent)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is not self._window.gallery_scroll.widget():
            fit_gallery(self._window)  # a new width: new columns, then the heading
        elif kind in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            fit_heading(self._window)
        return False


def fit_gallery(window: KioskWindow) -> None:
    """Columns for the width, tiles sized to them, the view as tall as its rows."""
    scroll = getattr(window, "gallery_scroll", None)
    if scroll is None:
        return
    shape = window.shape
    base = KIOSK_LARGE if window.accessible_mode else KIOSK
    margins = scroll.widget().layout().contentsMargins()
    available = scroll.viewport().width() - margins.left() - margins.right()
    if available <= 0:
        return
    room = round(900 * shape.scale)
    if window.section_text.contentsMargins().right() != max(0, available - room):
        window.section_text.setContentsMargins(0, 0, max(0, available - room), 0)
    least = round(TILE_MIN_W * shape.scale * (1.3 if window.accessible_mode else 1.0))
    cols = max(1, available // least)
    metrics = sized(base, (available - 4) // cols, shape.scale)  # QListView wants slack
    if window.accessible_mode:
        from dataclasses import replace

        metrics = replace(metrics, high_contrast=True)
    window.delegate.metrics = metrics
    window.view.setGridSize(metrics.tile)
    rows = math.ceil(window.model.rowCount() / cols)
    window.view.setFixedHeight(max(1, rows * metrics.tile.height()))
    window.view.doItemsLayout()
    fit_heading(window)


def fit_heading(window: KioskWindow) -> None:
    """The scroll area's page as tall as its wrapped text needs at this width. Measured
    here, widget by widget: the layout's cached height-for-width goes stale when a heading
    changes language, and the text would be squeezed (cut at top and bottom)."""
    scroll = getattr(window, "gallery_scroll", None)
    if scroll is None:
        return
    inner = scroll.widget()
    layout = inner.layout()
    margins = layout.contentsMargins()
    width = inner.width() - margins.left() - margins.right()
    if width <= 0:
        return
    needed = margins.top() + margins.bottom()
    shown = 0
    stale = False
    for i in range(layout.count()):
        item = layout.itemAt(i)
        widget = item.widget()
        if widget is None:
            needed += item.sizeHint().height()
            continue
        if widget.isHidden():
            continue
        shown += 1
        if widget in (window.section_title, window.section_text):
            h = _label_height(widget, min(width, widget.maximumWidth()))
            stale = stale or widget.height() != h
            if widget.minimumHeight() != h or widget.maximumHeight() != h:
                # Exactly its text's height, whatever the layout (or QLabel) cached: never
                # squeezed, never padded.
                widget.setFixedHeight(h)
        elif widget.hasHeightForWidth():
            h = widget.heightForWidth(min(width, widget.maximumWidth()))
        else:
            h = max(widget.sizeHint().height(), widget.minimumHeight())
        needed += h
    needed += layout.spacing() * max(0, shown - 1)
    if inner.minimumHeight() != needed:
        inner.setMinimumHeight(needed)
    if stale:
        layout.invalidate()


def _label_height(label: QLabel, width: int) -> int:
    """A word-wrapped label's height at ``width``, measured from its text (QLabel's own
    height-for-width can lag behind a change of margins or text)."""
    import math

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    from exhibition_app.ui.text_fit import WRAP

    if not label.text():
        return 0
    m = label.contentsMargins()
    room = max(1, width - m.left() - m.right())
    rect = QFontMetricsF(label.font()).boundingRect(QRectF(0, 0, room, 1e6), WRAP, label.text())
    return math.ceil(rect.height()) + m.top() + m.bottom()


def apply_shape(window: KioskWindow, *, force: bool = False) -> None:
    """Lay the kiosk out for its current size (a no-op when the shape did not change)."""
    shape = screen_shape(window)
    if not force and shape == getattr(window, "shape", None):
        fit_gallery(window)
        return
    window.shape = shape
    large = window.accessible_mode
    window.setStyleSheet(
        kiosk_style(large=large, contrast=large, scale=shape.scale, touch=shape.touch)
    )
    k = shape.scale * (1.25 if large else 1.0)
    nav_width = round(shape.nav_width * (1.15 if large else 1.0))  # "Aa": longer words
    window.nav_width = nav_width
    window.nav.setFixedWidth(nav_width)
    window._retranslate_nav()
    window.keyboard.set_scale(shape.scale)
    narrow = shape.portrait or shape.width < 1400
    window.brand.set_fit(3 if narrow else 2, round(32 * k), round(18 * shape.scale))
    # A totem in "Aa" mode has no room for the title beside the search: the gallery's
    # heading shows it, whole, right under the bar.
    window.brand.setVisible(not (shape.portrait and large))
    # A totem's header and a short screen's stay one compact bar.
    window.brand_sub.setVisible(not shape.portrait and shape.height >= 900 * shape.scale)
    window.search.setMinimumWidth(round(340 * k))  # the whole placeholder
    # Lines of 60-75 characters: a right margin, not a maximum width (a layout asks a
    # label's height for the layout's width, not the narrower width the label then gets).
    window.section_text.setMaximumWidth(16777215)
    window.search.setMaximumWidth(round(520 * shape.scale))
    page = window._item_page
    if page is not None:
        shape_item_page(window)
    fit_gallery(window)


def shape_item_page(window: KioskWindow) -> None:
    """Landscape: the text in a side panel; portrait: below the picture."""
    page = window._item_page
    shape = getattr(window, "shape", None)
    if page is None or shape is None:
        return
    wider = 1.25 if window.accessible_mode else 1.0  # "Aa": the larger text needs room
    page.set_portrait(
        shape.portrait,
        panel_width=min(round(shape.text_panel_width() * wider), shape.width // 2),
        panel_height=shape.text_panel_height(),
    )
