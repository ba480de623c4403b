"""The main window: the shell the kiosk and curator surfaces plug into.

Header (exhibition title, search, language buttons), navigation (all items, exhibitions and
their sections), and a stack of pages (gallery, item page). All catalogue reads run on the
database worker; the window only arranges what comes back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from exhibition_app.core.cards import ExhibitionView, GalleryData
from exhibition_app.core.filters import scoped_facets
from exhibition_app.core.languages import LANGUAGES, NATIVE_NAMES
from exhibition_app.errors import message_of
from exhibition_app.ui.elided_label import ElidedLabel
from exhibition_app.ui.gallery.delegate import DESKTOP, TileDelegate, TileMetrics
from exhibition_app.ui.gallery.filter_bar import FilterBar
from exhibition_app.ui.gallery.model import GalleryModel
from exhibition_app.ui.gallery.visible import rows_in
from exhibition_app.ui.i18n import Language, tr
from exhibition_app.ui.tasks import TaskManager

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog
    from exhibition_app.ui.first_screen import EarlyThumbnail
    from exhibition_app.ui.item_page import ItemPage

NAV_ALL = ("all", 0)
NAV_WIDTH = 290
NAV_INDENT = 18
NAV_CHROME = 2 * 8 + 2 * 14 + 14  # item margins, padding, scroll bar room
LANG_BUTTON_TEXT = {"en": "EN", "kk": "ҚАЗ", "ru": "РУС", "mn": "МОН"}


INDENT_ROLE = Qt.ItemDataRole.UserRole + 10


class NavDelegate(QStyledItemDelegate):
    """Indents section rows under their exhibition (highlight included)."""

    def paint(self, painter, option, index) -> None:  # type: ignore[no-untyped-def]
        if index.data(INDENT_ROLE):
            option = QStyleOptionViewItem(option)
            option.rect.adjust(NAV_INDENT, 0, 0, 0)
        super().paint(painter, option, index)


class MainWindow(QMainWindow):
    loaded = Signal()
    #: The gallery's tile geometry and type sizes (the kiosk uses larger ones).
    tile_metrics: TileMetrics = DESKTOP
    #: Whether to offer only published items and exhibitions (the kiosk does).
    published_only = False
    nav_width = NAV_WIDTH

    def __init__(
        self,
        open_catalog: Callable[[], Catalog],
        language: Language,
        *,
        open_item: int | None = None,
    ) -> None:
        """``open_catalog`` runs on the database worker, so the window paints first."""
        super().__init__()
        self.catalog: Catalog | None = None
        self.load_error: str | None = None
        self.language = language
        self.tasks = TaskManager(self)
        self.tasks.error.connect(self._show_error)
        self._open_item_when_loaded = open_item
        self._opening: int | None = None  # the item whose cards are being read to open it
        self._loaded = False
        self._nav_key: tuple[str, int] | None = None  # None: the first exhibition
        self._search_serial = 0
        self._base_ids: tuple[int, ...] | None = None  # the nav's or the search's items
        self.setMinimumSize(QSize(900, 600))

        self.model = GalleryModel(self.tasks, language)
        self._build()
        language.changed.connect(lambda _l: self.retranslate())
        self.retranslate()
        self.empty.setText(tr("MainWindow", "Opening the exhibition…"))
        self.empty.show()
        self.view.hide()
        self._open_catalog_now: Callable[[], Catalog] | None = open_catalog
        #: Set right after construction to hold the catalogue's read back until a cached
        #: first screen has been painted (ui/first_screen.py calls ``start_reading``).
        self.hold_read = False
        QTimer.singleShot(0, self, lambda: None if self.hold_read else self.start_reading())

    def start_reading(self) -> None:
        """Open and read the catalogue on the database worker (once)."""
        open_catalog, self._open_catalog_now = self._open_catalog_now, None
        if open_catalog is None:
            return
        self.tasks.query(
            lambda: self._open_and_read(open_catalog), self._gallery_loaded, self._load_failed
        )

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        header = QWidget()
        header.setObjectName("header")
        hl = QHBoxLayout(header)
        hl.setContentsMargins(20, 10, 16, 10)
        brand_box = QVBoxLayout()
        brand_box.setSpacing(0)
        self.brand = ElidedLabel()
        self.brand.setObjectName("brand")
        self.brand_sub = ElidedLabel()
        self.brand_sub.setObjectName("brandSub")
        brand_box.addWidget(self.brand)
        brand_box.addWidget(self.brand_sub)
        self.header_layout = hl
        hl.addLayout(brand_box, 1)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search.setMaximumWidth(380)
        self._search_timer = QTimer(self, singleShot=True, interval=180)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        hl.addWidget(self.search)
        hl.addSpacing(12)
        self.lang_group = QButtonGroup(self)
        self.lang_buttons: dict[str, QPushButton] = {}
        for code in LANGUAGES:
            button = QPushButton(LANG_BUTTON_TEXT[code])
            button.setObjectName("lang")
            button.setCheckable(True)
            button.setToolTip(NATIVE_NAMES[code])
            button.setAccessibleName(NATIVE_NAMES[code])
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setChecked(code == self.language.code)
            button.clicked.connect(lambda _=False, c=code: self.choose_language(c))
            self.lang_group.addButton(button)
            self.lang_buttons[code] = button
            hl.addWidget(button)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(self.nav_width)
        self.nav.setWordWrap(True)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.nav.setItemDelegate(NavDelegate(self.nav))
        self.nav.currentItemChanged.connect(self._nav_changed)

        gallery_page = QWidget()
        gallery_page.setObjectName("page")
        gl = QVBoxLayout(gallery_page)
        gl.setContentsMargins(24, 20, 16, 0)
        gl.setSpacing(6)
        self.section_title = QLabel()
        self.section_title.setObjectName("sectionTitle")
        self.section_title.setWordWrap(True)
        self.section_text = QLabel()
        self.section_text.setObjectName("sectionText")
        self.section_text.setWordWrap(True)
        self.section_text.setMaximumWidth(900)
        self.empty = QLabel()
        self.empty.setObjectName("empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self.view = QListView()
        self.view.setObjectName("gallery")
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setGridSize(self.tile_metrics.tile)
        self.view.setSpacing(0)
        self.view.setMouseTracking(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setModel(self.model)
        self.delegate = TileDelegate(self.language, self.view, self.tile_metrics)
        self.view.setItemDelegate(self.delegate)
        self.view.activated.connect(self._tile_activated)
        self.view.clicked.connect(self._tile_activated)
        self.filter_bar = FilterBar(self.language)
        self.filter_bar.changed.connect(lambda _f: self._show_base())
        gl.addWidget(self.section_title)
        gl.addWidget(self.section_text)
        gl.addSpacing(6)
        gl.addWidget(self.filter_bar)
        gl.addSpacing(4)
        gl.addWidget(self.empty, 1)
        gl.addWidget(self.view, 1)

        self._item_page: ItemPage | None = None  # built when first opened: a faster start

        self.stack = QStackedWidget()
        self.stack.addWidget(gallery_page)

        body = QWidget()
        bl = QHBoxLayout(body)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.setSpacing(0)
        bl.addWidget(self.nav)
        bl.addWidget(self.stack, 1)
        central = QWidget()
        cl = QVBoxLayout(central)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        cl.addWidget(header)
        cl.addWidget(body, 1)
        self.central_layout = cl
        self.setCentralWidget(central)

        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.Back, self, self.show_gallery)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._escape)
        QShortcut(QKeySequence.StandardKey.Quit, self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self._toggle_full_screen)

    # -- data ------------------------------------------------------------------------------
    def _open_and_read(self, open_catalog: Callable[[], Catalog]) -> tuple[Catalog, GalleryData]:
        """Runs on the database worker: open (and if need be upgrade) the catalogue, read it."""
        from exhibition_app.operations.gallery_reads import read_gallery

        published_only = self.published_only
        catalog = open_catalog()
        return catalog, read_gallery(catalog, published_only=published_only)

    def _gallery_loaded(self, result: tuple[Catalog, GalleryData]) -> None:
        catalog, data = result
        self.catalog = self.model.catalog = catalog
        if self._item_page is not None:
            self._item_page.catalog = catalog
        self.model.published_only = self.published_only
        self.model.set_gallery(data)
        self._fill_nav()  # shows the first place, with its chips (_show_base)
        self._loaded = True
        target = self._open_item_when_loaded
        if target is not None:
            if data.items.get(target) is None:
                self._show_error(
                    tr("MainWindow", "There is no item %1 in this catalogue.").replace(
                        "%1", str(target)
                    )
                )
            else:
                self.open_item(target)
        self.retranslate()
        self.loaded.emit()

    def show_first_screen(self, data: GalleryData, early_thumbnail: EarlyThumbnail) -> None:
        """The cached first screen (exhibition_app.ui.first_screen), shown until the
        catalogue's own read replaces it in ``_gallery_loaded``: the same rows."""
        if self._loaded:
            return
        self.model.early_thumbnail = early_thumbnail
        self.model.published_only = self.published_only
        self.model.set_gallery(data)
        self._fill_nav()  # shows the first place, with its chips (_show_base)
        self.retranslate()

        def current_again() -> None:
            # The read's model reset drops the current tile the first focus marked; a
            # view marks one only on its first focus: mark it as a start without the
            # cache has it.
            self.loaded.disconnect(current_again)
            if self.view.hasFocus() and not self.view.currentIndex().isValid():
                first = self.model.index(0)
                if first.isValid():
                    self.view.selectionModel().setCurrentIndex(
                        first, QItemSelectionModel.SelectionFlag.NoUpdate
                    )

        self.loaded.connect(current_again)

    def _load_failed(self, exc: BaseException) -> None:
        message = message_of(exc)
        self._loaded = True
        self.load_error = message
        self.empty.setText(
            tr("MainWindow", "The catalogue could not be opened: %1").replace("%1", message)
        )
        self.empty.show()
        self.view.hide()
        self.loaded.emit()

    def is_settled(self) -> bool:
        """Everything visible has loaded (used by --screenshot and tests)."""
        return (
            self._loaded
            and self.tasks.pending == 0
            and not self.model.is_loading()
            and not (self._item_page is not None and self._item_page.is_loading())
            and self._visible_tiles_ready()
        )

    def _visible_tiles_ready(self) -> bool:
        if self.stack.currentIndex() != 0 or not self.view.isVisible():
            return True
        viewport = self.view.viewport().rect()
        return all(
            self.model.thumbnail_ready(row) for row in rows_in(self.view, self.model, viewport)
        )

    # -- navigation ------------------------------------------------------------------------
    def _fill_nav(self) -> None:
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.addItem(self._nav_item(NAV_ALL, ""))
        for ex in self.model.gallery.exhibitions:
            self.nav.addItem(self._nav_item(("exhibition", ex.id), ""))
            for section in ex.sections:
                self.nav.addItem(self._nav_item(("section", section.id), ""))
        self.nav.blockSignals(False)
        self.view.setFocus()
        keys = [self.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nav.count())]
        start = self._nav_key if self._nav_key in keys else (keys[1] if len(keys) > 1 else NAV_ALL)
        self.nav.setCurrentRow(keys.index(start))
        self._retranslate_nav()

    def _first_nav_key(self) -> tuple[str, int]:
        """The row a fresh visit starts on: the first exhibition (or all items)."""
        return tuple(self.nav.item(1 if self.nav.count() > 1 else 0).data(Qt.ItemDataRole.UserRole))  # type: ignore[return-value]

    def _nav_item(self, key: tuple[str, int], text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        # Always set, so reading it never yields an empty QVariant (see TileDelegate.paint).
        item.setData(INDENT_ROLE, key[0] == "section")
        return item

    def _nav_changed(self, current: QListWidgetItem | None, _prev: object) -> None:
        if current is None:
            return
        self._nav_key = tuple(current.data(Qt.ItemDataRole.UserRole))  # type: ignore[assignment]
        if self.search.text():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        self._apply_nav()
        self.show_gallery()

    def _select_nav(self, key: tuple[str, int] | None) -> None:
        """Mark ``key``'s row as the place on show (None: no row, while search results
        show), without acting on it."""
        self.nav.blockSignals(True)
        row = -1
        for i in range(self.nav.count()):
            if key is not None and tuple(self.nav.item(i).data(Qt.ItemDataRole.UserRole)) == key:
                row = i
        self.nav.setCurrentRow(row)
        if row < 0:
            self.nav.clearSelection()
        self.nav.blockSignals(False)

    def _apply_nav(self) -> None:
        if self.nav.currentRow() < 0 and self.nav.count():  # back from search results
            self._select_nav(self._nav_key or self._first_nav_key())
        kind, ident = self._nav_key or NAV_ALL
        ids: tuple[int, ...] | None = None
        if kind == "exhibition":
            ex = self._exhibition(ident)
            ids = ex.item_ids if ex else ()
        elif kind == "section":
            section = self._section(ident)
            ids = section.item_ids if section else ()
        self._base_ids = ids
        self._show_base()

    def _show_base(self) -> None:
        """Show the nav's (or the search's) items through the filter chips."""
        data = self.model.gallery
        base = data.order if self._base_ids is None else self._base_ids
        # The chips offered are the ones that narrow what is on show (this section, this
        # exhibition, these search results), not the whole catalogue's.
        self.filter_bar.set_facets(scoped_facets([data.items[i] for i in base if i in data.items]))
        self.model.show_ids(self.filter_bar.filters.apply(base, data.items))
        self.view.scrollToTop()
        self._update_heading()
        self._update_empty(bool(data.items))

    def _exhibition(self, ident: int) -> ExhibitionView | None:
        return next((e for e in self.model.gallery.exhibitions if e.id == ident), None)

    def _section(self, ident: int):  # type: ignore[no-untyped-def]
        for ex in self.model.gallery.exhibitions:
            for section in ex.sections:
                if section.id == ident:
                    return section
        return None

    def _update_heading(self) -> None:
        lang = self.language
        if self.search.text().strip():
            self.section_title.setText(
                tr("MainWindow", "Search: “%1”").replace("%1", self.search.text().strip())
            )
            self.section_text.setText(
                tr("MainWindow", "Items found: %1").replace(
                    "%1", QLocale().toString(self.model.rowCount())
                )
            )
            return
        kind, ident = self._nav_key or NAV_ALL
        if kind == "exhibition" and (ex := self._exhibition(ident)):
            self.section_title.setText(lang.text(ex.title))
            self.section_text.setText(lang.text(ex.introduction))
        elif kind == "section" and (section := self._section(ident)):
            self.section_title.setText(lang.text(section.title))
            self.section_text.setText(lang.text(section.narrative))
        else:
            self.section_title.setText(tr("MainWindow", "All items"))
            self.section_text.setText(
                tr("MainWindow", "Items in the collection: %1").replace(
                    "%1", QLocale().toString(self.model.rowCount())
                )
            )

    def _update_empty(self, catalogue_has_items: bool) -> None:
        empty = self.model.rowCount() == 0
        if empty:
            if self.filter_bar.filters.active:
                text = tr(
                    "MainWindow",
                    "No items here match the chosen filters. Tap a filter again to switch "
                    "it off, or clear the filters.",
                )
            elif self.search.text().strip():
                text = tr(
                    "MainWindow",
                    "Nothing matches your search. Try another spelling, "
                    "or search in another language.",
                )
            elif not catalogue_has_items:
                text = tr(
                    "MainWindow",
                    "This catalogue is empty. Curators add exhibits with "
                    "“exhibition-app import image”.",
                )
            else:
                text = tr("MainWindow", "This part of the exhibition has no items yet.")
            self.empty.setText(text)
        self.empty.setVisible(empty)
        self.view.setVisible(not empty)

    def _run_search(self) -> None:
        query = self.search.text().strip()
        if not query:
            self._apply_nav()
            return
        self._search_serial += 1
        serial = self._search_serial

        catalog = self.catalog
        if catalog is None:
            return

        def done(ids: list[int]) -> None:
            if serial != self._search_serial:
                return  # a newer search superseded this one
            self._select_nav(None)  # the results are from everywhere, not this section
            self._base_ids = tuple(ids)
            self._show_base()
            self.show_gallery()
            self.search_finished(query, self.model.rowCount())

        from exhibition_app.operations.gallery_reads import find_item_ids

        self.tasks.query(lambda: find_item_ids(catalog, query), done)

    def search_finished(self, query: str, shown: int) -> None:
        """A search's results are on screen (the kiosk counts searches that found nothing)."""

    @property
    def item_page(self) -> ItemPage:
        if self._item_page is None:
            from exhibition_app.ui.item_page import ItemPage

            page = ItemPage(self.tasks, self.language)
            page.catalog = self.catalog
            page.back.connect(self.show_gallery)
            page.open_item.connect(self.open_item)
            page.step.connect(self.step_item)
            self.stack.addWidget(page)
            self._item_page = page
        return self._item_page

    # -- pages -----------------------------------------------------------------------------
    def _tile_activated(self, index: QModelIndex) -> None:
        card = self.model.card_at(index.row())  # not index.data(): see TileDelegate.paint
        if card is not None:
            self.open_item(card.id)

    def open_item(self, item_id: int) -> None:
        card = self.model.card(item_id)
        if card is None:
            return
        if self.catalog is None:  # a tile of the cached first screen: open it once read
            self._open_item_when_loaded = item_id
            return
        # A large gallery's light card, or its links': read them whole first, then open it
        # (unless another item was asked for meanwhile).
        self._opening = item_id
        if not card.complete:
            self.model.ensure_cards([item_id], lambda: self._open_when_whole(item_id))
            return
        others = [other for _rel, other, _fwd in card.related]
        if self.model.missing_cards(others):
            self.model.ensure_cards(others, lambda: self._open_when_whole(item_id))
            return
        ids = self.model.ids()
        position = (ids.index(item_id), len(ids)) if item_id in ids else None
        self.item_page.show_item(card, self.model.gallery, position)
        self.stack.setCurrentWidget(self.item_page)

    def _open_when_whole(self, item_id: int) -> None:
        card = self.model.card(item_id)
        if self._opening == item_id and card is not None and card.complete:
            self.open_item(item_id)

    def step_item(self, delta: int) -> None:
        """The previous or next item of the gallery on show (swipe, arrow buttons)."""
        page = self._item_page
        if page is None or page.card is None:
            return
        ids = self.model.ids()
        if page.card.id not in ids or not ids:
            return
        target = ids.index(page.card.id) + delta
        if 0 <= target < len(ids):
            self.open_item(ids[target])
            self.view.setCurrentIndex(self.model.index(target))

    def show_gallery(self) -> None:
        if self._item_page is not None:
            self._item_page.map.cancel_loading()
        self.stack.setCurrentIndex(0)

    def _escape(self) -> None:
        if self._item_page is not None and self.stack.currentWidget() is self._item_page:
            self.show_gallery()
        elif self.search.text():
            self.search.clear()

    def _toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def _show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    # -- language --------------------------------------------------------------------------
    def choose_language(self, code: str) -> None:
        """The visitor pressed a language button."""
        self.language.set(code)

    def retranslate(self) -> None:
        lang = self.language
        ex = self.model.gallery.exhibitions[0] if self.model.gallery.exhibitions else None
        self.brand.setText(lang.text(ex.title) if ex else tr("MainWindow", "Virtual exhibition"))
        self.brand_sub.setText(tr("MainWindow", "VIRTUAL EXHIBITION"))
        self.setWindowTitle(
            (lang.text(ex.title) + " — " if ex else "") + tr("MainWindow", "Virtual exhibition")
        )
        self.search.setPlaceholderText(tr("MainWindow", "Search in any language…"))
        self.search.setAccessibleName(tr("MainWindow", "Search the collection"))
        self.nav.setAccessibleName(tr("MainWindow", "Exhibitions and sections"))
        self.view.setAccessibleName(tr("MainWindow", "Gallery"))
        for code, button in self.lang_buttons.items():
            button.setChecked(code == lang.code)
        self._retranslate_nav()
        if self._loaded:
            self._update_heading()
            self._update_empty(bool(self.model.gallery.items))
        self.view.viewport().update()

    def _retranslate_nav(self) -> None:
        lang = self.language
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            kind, ident = item.data(Qt.ItemDataRole.UserRole)
            if kind == "all":
                item.setText(tr("MainWindow", "All items"))
            elif kind == "exhibition" and (ex := self._exhibition(ident)):
                item.setText(lang.text(ex.title))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            elif kind == "section" and (section := self._section(ident)):
                item.setText(lang.text(section.title))
            item.setSizeHint(self._nav_size(item, indent=kind == "section"))

    def _nav_size(self, item: QListWidgetItem, *, indent: bool) -> QSize:
        """Rows sized to their wrapped text (QListView does not measure wrapping itself)."""
        self.nav.ensurePolished()  # the style sheet's font size, not the default one
        font = self.nav.font()
        font.setBold(item.font().bold())
        metrics = QFontMetrics(font)
        width = self.nav_width - NAV_CHROME - (NAV_INDENT if indent else 0)
        rect = metrics.boundingRect(0, 0, width, 10_000, int(Qt.TextFlag.TextWordWrap), item.text())
        return QSize(self.nav_width - 30, rect.height() + 18)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.shutdown()
        if self._item_page is not None:
            self._item_page.map.cancel_loading()
            self._item_page.map.view.loader.cancel_all()
        QThreadPool.globalInstance().waitForDone(5000)  # tile decoders
        super().closeEvent(event)
