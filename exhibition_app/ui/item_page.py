"""The item page: a large image (or the designed card) and the item's story and credits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from exhibition_app.core.cards import GalleryData, ItemCard
from exhibition_app.core.countries import country_name
from exhibition_app.core.licences import licence_name
from exhibition_app.ui.card_art import paint_picture_or_card
from exhibition_app.ui.deepzoom.map_panel import MapPanel
from exhibition_app.ui.gallery.model import request_thumbnail
from exhibition_app.ui.i18n import Language, tr
from exhibition_app.ui.labels import (
    field_name,
    inverse_relation_name,
    kind_name,
    language_name,
    relation_name,
)
from exhibition_app.ui.mongol_vertical import MongolTitleBand
from exhibition_app.ui.tasks import TaskManager
from exhibition_app.ui.theme import NIGHT

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog

DISPLAY_SIDE = 1600
QWIDGETSIZE_MAX = 16777215
SWIPE_MIN_PX = 90  # a horizontal drag this long (and mostly sideways) turns the page
DETAIL_FIELDS = ("culture", "creator", "materials", "technique", "dimensions")


class ImagePanel(QWidget):
    """Paints the item's image fitted to the panel, or the designed card if it has none."""

    def __init__(self, language: Language) -> None:
        super().__init__()
        self.language = language
        self.card: ItemCard | None = None
        self.pixmap: QPixmap | None = None
        self.setMinimumSize(QSize(320, 320))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_card(self, card: ItemCard, pixmap: QPixmap | None) -> None:
        self.card, self.pixmap = card, pixmap
        self.setAccessibleName(self.language.text(card.text("title")))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), QColor(NIGHT))
        box = QRectF(self.rect()).adjusted(24, 24, -24, -24)
        card, lang = self.card, self.language
        if card is not None:
            paint_picture_or_card(
                painter, box, card, self.pixmap, lambda f: lang.text(card.text(f)), radius=14
            )
        painter.end()


def _label(name: str, text: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _clear(layout: QLayout) -> None:
    """Empty a layout now: hidden at once, deleted when the event loop next runs (a widget
    only taken out of its layout would go on showing where it was)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()


class LinkRow(QLabel):
    """A link to another item that wraps its text (a QPushButton would not): click, tap,
    Enter or Space opens it."""

    clicked = Signal()

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setObjectName("related")
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(text)
        self.setMinimumHeight(36)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.rect().contains(event.position().toPoint()):
            self.clicked.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
        else:
            super().keyPressEvent(event)


class ItemPage(QWidget):
    """One item in the chosen language. ``back`` and ``open_item`` lead elsewhere."""

    back = Signal()
    open_item = Signal(int)
    step = Signal(int)  # -1: the previous item of the gallery on show, +1: the next

    def __init__(self, tasks: TaskManager, language: Language) -> None:
        super().__init__()
        self.setObjectName("page")
        self.tasks, self.language = tasks, language
        self.catalog: Catalog | None = None  # set once the catalogue is open
        self.card: ItemCard | None = None
        self.gallery: GalleryData | None = None
        self._pixmaps: dict[str, QPixmap] = {}
        self._loading: str | None = None
        self._position: tuple[int, int] | None = None  # (index, count) in the gallery on show
        self._press: tuple[QObject, float, float] | None = None

        self.image = ImagePanel(language)
        self.map = MapPanel(tasks, language)
        self.visual = QStackedWidget()
        self.visual.addWidget(self.image)
        self.visual.addWidget(self.map)
        self.back_button = QPushButton()
        self.back_button.setObjectName("back")
        self.back_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.back_button.clicked.connect(self.back)
        self.prev_button = QPushButton("‹")
        self.next_button = QPushButton("›")
        for button, delta in ((self.prev_button, -1), (self.next_button, 1)):
            button.setObjectName("stepButton")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _c=False, d=delta: self.step.emit(d))
        self.position = _label("position", wrap=False)
        self.kicker = _label("kicker")
        self.title = _label("itemTitle")
        self.meta = _label("itemMeta")
        self.fallback = _label("fallback", wrap=False)
        self.fallback.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.description = _label("body")
        self.description.setMaximumWidth(640)
        self.details = QGridLayout()
        self.details.setHorizontalSpacing(18)
        self.details.setVerticalSpacing(6)
        self.related_box = QVBoxLayout()
        self.related_box.setSpacing(6)
        self.related_title = _label("fieldName")
        self.credit = _label("credit")

        column = QWidget()
        column.setObjectName("page")
        col = QVBoxLayout(column)
        col.setContentsMargins(8, 24, 32, 32)
        col.setSpacing(12)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        col.addLayout(top)
        steps = QHBoxLayout()  # a row of its own: the column stays narrow at any text size
        steps.addWidget(self.prev_button)
        steps.addWidget(self.position)
        steps.addWidget(self.next_button)
        steps.addStretch(1)
        col.addLayout(steps)
        col.addSpacing(8)
        for w in (self.kicker, self.title, self.meta):
            col.addWidget(w)
        col.addWidget(self.fallback)
        col.addWidget(self.description)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #3a352b;")
        col.addWidget(line)
        col.addLayout(self.details)
        col.addSpacing(6)
        col.addWidget(self.related_title)
        col.addLayout(self.related_box)
        col.addStretch(1)
        col.addWidget(self.credit)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(column)
        self._column, self._scroll = column, scroll
        scroll.viewport().installEventFilter(self)
        self.image.installEventFilter(self)  # a sideways swipe turns the page
        scroll.setMinimumWidth(420)
        scroll.setMaximumWidth(640)

        # The picture and, beside it, the title in the traditional script (vertical): one
        # row in both orientations, so on a portrait screen the band runs down the
        # picture's side instead of taking a row of its own above the text.
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(0)
        top.addWidget(self.visual, 1)
        self.mongol_band = MongolTitleBand()
        top.addWidget(self.mongol_band)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top, 3)
        layout.addWidget(scroll, 2)
        self._layout = layout
        language.changed.connect(lambda _l: self.refresh())

    def set_portrait(self, portrait: bool, *, panel_width: int, panel_height: int) -> None:
        """Portrait screens (a totem): the picture on top, the text in a panel below it
        (it scrolls); landscape: the text in a side panel ``panel_width`` wide."""
        scroll = self._scroll
        if portrait:
            self._layout.setDirection(QBoxLayout.Direction.TopToBottom)
            scroll.setMinimumWidth(0)
            scroll.setMaximumWidth(QWIDGETSIZE_MAX)
            scroll.setMinimumHeight(min(320, panel_height))
            scroll.setMaximumHeight(panel_height)
            self._layout.setStretch(0, 1)
            self._layout.setStretch(1, 0)
            self.description.setMaximumWidth(QWIDGETSIZE_MAX)
            self._column.layout().setContentsMargins(32, 16, 32, 32)  # under the picture
        else:
            self._layout.setDirection(QBoxLayout.Direction.LeftToRight)
            scroll.setMinimumHeight(0)
            scroll.setMaximumHeight(QWIDGETSIZE_MAX)
            scroll.setMinimumWidth(min(420, panel_width))
            scroll.setMaximumWidth(panel_width)
            self._layout.setStretch(0, 3)
            self._layout.setStretch(1, 2)
            self.description.setMaximumWidth(QWIDGETSIZE_MAX)
            self._column.layout().setContentsMargins(8, 24, 32, 32)
        self._fit_column()

    def show_item(
        self, card: ItemCard, gallery: GalleryData, position: tuple[int, int] | None = None
    ) -> None:
        self.card, self.gallery, self._position = card, gallery, position
        self.refresh()
        self._load_image(card)

    def is_loading(self) -> bool:
        showing_map = self.visual.currentWidget() is self.map
        return self._loading is not None or (showing_map and self.map.is_loading())

    def _load_image(self, card: ItemCard) -> None:
        media = card.cover
        catalog = self.catalog
        if card.kind == "map" and media is not None and catalog is not None:
            self.map.catalog = catalog
            self.visual.setCurrentWidget(self.map)
            gallery = self.gallery
            related = [
                other
                for _rel, other_id, _fwd in card.related
                if gallery is not None
                and (other := gallery.items.get(other_id)) is not None
                and other.kind == "map"
            ]
            self.map.show_map(card, related)
            return
        self.map.cancel_loading()
        self.visual.setCurrentWidget(self.image)
        if media is None or catalog is None:
            self.image.show_card(card, None)
            return
        cached = self._pixmaps.get(media.sha256)
        self.image.show_card(card, cached)
        if cached is not None:
            return
        self._loading = media.sha256
        request_thumbnail(self.tasks, catalog, media, DISPLAY_SIDE, self._image_ready)

    def _image_ready(self, sha: str, image: QImage | None) -> None:
        if self._loading == sha:
            self._loading = None
        pixmap = QPixmap.fromImage(image) if image is not None else QPixmap()
        if image is not None:
            self._pixmaps = {sha: pixmap}  # keep only the page's own image
        if self.card is not None and self.card.cover is not None and self.card.cover.sha256 == sha:
            self.image.show_card(self.card, pixmap)

    def refresh(self) -> None:
        card = self.card
        self.back_button.setText("←  " + tr("ItemPage", "Back to the gallery"))
        self.back_button.setAccessibleName(tr("ItemPage", "Back to the gallery"))
        self.prev_button.setAccessibleName(tr("ItemPage", "Previous item"))
        self.prev_button.setToolTip(tr("ItemPage", "Previous item"))
        self.next_button.setAccessibleName(tr("ItemPage", "Next item"))
        self.next_button.setToolTip(tr("ItemPage", "Next item"))
        pos = self._position
        self.prev_button.setEnabled(pos is not None and pos[0] > 0)
        self.next_button.setEnabled(pos is not None and pos[0] + 1 < pos[1])
        for w in (self.prev_button, self.next_button, self.position):
            w.setVisible(pos is not None and pos[1] > 1)
        if pos is not None:
            self.position.setText(
                tr("ItemPage", "%1 of %2")
                .replace("%1", QLocale().toString(pos[0] + 1))
                .replace("%2", QLocale().toString(pos[1]))
            )
        if card is None:
            return
        lang = self.language
        self.kicker.setText(f"{kind_name(card.kind).upper()}  ·  {card.accession_number}")
        title = lang.pick(card.text("title"))
        self.title.setText(title.text if title else card.accession_number)
        self.mongol_band.show_texts(card.text("title"), lang.code)
        band = 0 if self.mongol_band.isHidden() else self.mongol_band.minimumWidth()
        self._scroll.setMinimumWidth(max(300, 420 - band))  # the band takes its room here
        place = lang.text(card.text("place"))
        country = country_name(card.country, lang.code)
        if country and country in place:
            country = ""  # "Issyk, Almaty Region, Kazakhstan" already says it
        meta = [lang.text(card.text("date")), place, country]
        self.meta.setText("  ·  ".join(p for p in meta if p))
        desc = lang.pick(card.text("description"))
        self.description.setText(desc.text if desc else "")
        shown = {p.lang for p in (title, desc) if p is not None and p.is_fallback}
        if shown:
            names = ", ".join(language_name(code) for code in sorted(shown))
            self.fallback.setText(
                tr("ItemPage", "Not yet translated: shown in %1").replace("%1", names)
            )
            self.fallback.show()
        else:
            self.fallback.hide()
        self._fill_details(card)
        self._fill_related(card)
        credit = lang.text(card.text("credit_line"))
        rights = licence_name(card.rights)
        parts = [credit] if credit else []
        if rights:
            parts.append(f"{field_name('rights')}: {rights}")
        self.credit.setText("\n".join(parts))
        self.image.update()
        self._fit_column()

    def _fit_column(self) -> None:
        """Give the text column the height its wrapped text needs at this width (a scroll
        area's resizable widget ignores word-wrapped labels' height-for-width, and the
        description would be cut off instead of scrolling)."""
        layout = self._column.layout()
        width = self._scroll.viewport().width()
        if layout is not None and width > 0:
            layout.activate()
            needed = layout.heightForWidth(width)
            if needed > 0:
                self._column.setMinimumHeight(needed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._scroll.viewport() and kind == QEvent.Type.Resize:
            self._fit_column()
        elif kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            pos = event.globalPosition()
            self._press = (watched, pos.x(), pos.y())
        elif (
            kind == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and self._press is not None
            and self._press[0] is watched
        ):
            pos = event.globalPosition()
            dx, dy = pos.x() - self._press[1], pos.y() - self._press[2]
            self._press = None
            if abs(dx) >= SWIPE_MIN_PX and abs(dx) > 2 * abs(dy):
                self.step.emit(-1 if dx > 0 else 1)  # swipe left: the next item
                return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_BracketRight):
            self.step.emit(1)
        elif event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_BracketLeft):
            self.step.emit(-1)
        else:
            super().keyPressEvent(event)

    def _fill_details(self, card: ItemCard) -> None:
        _clear(self.details)
        row = 0
        for field in DETAIL_FIELDS:
            value = self.language.text(card.text(field))
            if not value:
                continue
            name, shown = _label("fieldName", field_name(field)), _label("fieldValue", value)
            self.details.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            self.details.addWidget(shown, row, 1)
            name.show()  # children added to a visible page would only show later
            shown.show()
            row += 1
        self.details.setColumnStretch(1, 1)

    def _fill_related(self, card: ItemCard) -> None:
        _clear(self.related_box)
        gallery = self.gallery
        shown = 0
        for relation, other_id, forward in card.related:
            other = gallery.items.get(other_id) if gallery else None
            if other is None:
                continue
            name = relation_name(relation) if forward else inverse_relation_name(relation)
            button = LinkRow(f"{name}:  {self.language.text(other.text('title'))}")
            button.clicked.connect(lambda i=other_id: self.open_item.emit(i))
            self.related_box.addWidget(button)
            button.show()
            shown += 1
        self.related_title.setText(tr("ItemPage", "Related") if shown else "")
        self.related_title.setVisible(bool(shown))
