"""The visitor kiosk: the gallery at touch scale, locked down, resetting itself.

Built on MainWindow (the same gallery, search, item page and deep-zoom viewer) and adding:
lockdown (lockdown.py), the idle countdown and reset (idle.py, overlays.py), the attract
loop (attract.py), the on-screen keyboard, the larger-text/higher-contrast mode, the staff
PIN exit and anonymous visit statistics. Only published items and exhibitions are shown,
and nothing here can edit the catalogue.
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QCursor
from PySide6.QtWidgets import QApplication, QPushButton, QScroller

from exhibition_app.core.cards import GalleryData, ItemCard
from exhibition_app.core.filters import Filters
from exhibition_app.errors import message_of
from exhibition_app.ui.gallery.delegate import KIOSK, TileMetrics
from exhibition_app.ui.i18n import Language, tr
from exhibition_app.ui.kiosk.attract import AttractScreen
from exhibition_app.ui.kiosk.idle import DEFAULT_COUNTDOWN_S, DEFAULT_IDLE_S, IdleWatcher
from exhibition_app.ui.kiosk.lockdown import CornerHold, KeyLock, cover_screen
from exhibition_app.ui.kiosk.overlays import CountdownOverlay, PinPad
from exhibition_app.ui.kiosk.prepared import PreparedScreen
from exhibition_app.ui.kiosk.watch import WINDOW_LOST_EXIT, WindowWatch
from exhibition_app.ui.main_window import MainWindow

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog
    from exhibition_app.ui.first_screen import EarlyThumbnail
    from exhibition_app.ui.item_page import ItemPage

log = logging.getLogger(__name__)

#: Seconds between tries to open a catalogue that could not be opened (no server, no copy).
OPEN_RETRY_S = 30.0
SEARCH_SETTLE_MS = 2500  # a search that found nothing counts once it has stayed 2.5 s
ATTRACT_LIMIT = 24


@dataclass
class KioskOptions:
    idle_s: float = DEFAULT_IDLE_S
    countdown_s: int = DEFAULT_COUNTDOWN_S
    lang: str = "en"  # the language every visit starts in
    item: int | None = None  # ``--item``: open on this item's page instead of the attract loop
    tour: str | None = None  # an exhibition key: the attract loop follows its items
    pin_file: Path | None = None
    station: str = field(default_factory=socket.gethostname)
    hide_cursor: bool = False
    reduced_motion: bool = False
    full_screen: bool = True  # off in tests, which check the rest of the lockdown
    stats: bool = True
    #: False for the curator's preview: a normal window, drafts shown, nothing locked.
    locked: bool = True
    #: Only published items and exhibitions (None: when locked). The curator's preflight
    #: checks drafts about to be published in an unlocked window.
    published_only: bool | None = None
    #: How often to look for a new publication (seconds; 0: never).
    poll_s: float = 5.0
    #: ``--catalog`` and ``--assets`` as given: where the offline copy is, if the server is
    #: out of reach at start (exhibition_app.ui.kiosk.network).
    catalog: Any = None
    assets: Any = None


class KioskWindow(MainWindow):
    tile_metrics: TileMetrics = KIOSK
    published_only = True
    nav_width = 380

    def __init__(
        self,
        open_catalog: Callable[[], Catalog],
        language: Language,
        options: KioskOptions | None = None,
    ) -> None:
        self.options = options or KioskOptions(lang=language.code)
        only = self.options.published_only
        self.published_only = self.options.locked if only is None else only
        self._unlocked = not self.options.locked
        self._visiting: tuple[int, float, str] | None = None  # (item id, since, language)
        self.accessible_mode = False
        self._pending_publication = False
        super().__init__(open_catalog, language, open_item=self.options.item)
        from exhibition_app.ui.kiosk.network import ServerLink

        self._open_catalog = open_catalog
        self.link = ServerLink(self, open_catalog)
        self.link.serial_heard.connect(self._serial_heard)
        self.setObjectName("kiosk")
        self.statusBar().hide()  # visitors see no engineering messages
        self.tasks.error.disconnect(self._show_error)
        self.tasks.error.connect(lambda message: log.warning("kiosk: %s", message))
        self._add_kiosk_controls()

        app = QApplication.instance()
        assert app is not None
        self.key_lock = KeyLock(self)
        self.key_lock.back.connect(self.go_back)
        self.key_lock.enabled = self.options.locked
        if self.options.locked:
            app.installEventFilter(self.key_lock)
        self.idle = IdleWatcher(self.options.idle_s, self)
        app.installEventFilter(self.idle)
        self.corner = CornerHold(self)
        if self.options.locked:
            app.installEventFilter(self.corner)

        self.countdown = CountdownOverlay(self, self.options.countdown_s)
        self.countdown.expired.connect(self.reset)
        self.countdown.kept.connect(self.idle.start)
        self.idle.idle.connect(self._visitor_idle)
        self.idle.activity.connect(self.countdown.keep)

        self.pin_pad = PinPad(self)
        self.pin_pad.entered.connect(self._check_pin)
        self.pin_pad.cancelled.connect(self.idle.start)
        self.corner.held.connect(self.ask_pin)

        self.attract = AttractScreen(self.tasks, self)
        self.attract.reduced_motion = self.options.reduced_motion
        self.attract.start_lang = self.options.lang
        self.attract.language_chosen.connect(self._attract_language)
        self.attract.dismissed.connect(self.leave_attract)
        self.attract.setGeometry(self.rect())
        self.attract.start()
        self.idle.pause()
        self.prepared = PreparedScreen(self)  # nothing to show: never a blank screen
        self.watch = WindowWatch(self, self._show_again)
        self.watch.lost.connect(self._window_lost)

        self._search_settle = QTimer(self, singleShot=True, interval=SEARCH_SETTLE_MS)
        self._search_settle.timeout.connect(self._record_empty_search)
        self._empty_query = ""
        self.model.modelReset.connect(self._scroll_top)

        # Kinetic scrolling for fingers. Not for the mouse: QScroller's mouse gesture holds
        # back presses, so a quick tap on a tile would not open it.
        # After the first frame: Qt's first grab sets up its gesture machinery (~20 ms).
        QTimer.singleShot(
            0,
            self,
            lambda: QScroller.grabGesture(
                self.nav.viewport(), QScroller.ScrollerGestureType.TouchGesture
            ),
        )
        if self.options.hide_cursor:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))

    # -- building --------------------------------------------------------------------------
    def _add_kiosk_controls(self) -> None:
        hl = self.header_layout
        self.home_button = QPushButton("⌂")
        self.home_button.setObjectName("kioskTool")
        self.home_button.clicked.connect(self.go_home)
        hl.insertWidget(0, self.home_button)
        hl.insertSpacing(1, 8)
        self.access_button = QPushButton("Aa")
        self.access_button.setObjectName("kioskTool")
        self.access_button.setCheckable(True)
        self.access_button.toggled.connect(self.set_accessible_mode)
        index = hl.indexOf(self.search)
        hl.insertWidget(index + 1, self.access_button)
        self.more_button = QPushButton()
        self.more_button.setObjectName("chipClear")
        self.more_button.setCheckable(True)
        self.more_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more_button.toggled.connect(lambda _on: self._show_intro())
        self.more_button.hide()
        page = self.section_text.parentWidget().layout()
        page.insertWidget(
            page.indexOf(self.section_text) + 1, self.more_button, 0, Qt.AlignmentFlag.AlignLeft
        )
        self.search.setMaximumWidth(520)
        self.search.setMinimumWidth(300)
        self.search.installEventFilter(self)

        from exhibition_app.ui.kiosk.keyboard import OnScreenKeyboard

        self.keyboard = OnScreenKeyboard()
        self.keyboard.set_target(self.search)
        self.keyboard.done.connect(self.hide_keyboard)
        self.keyboard.hide()
        self.central_layout.addWidget(self.keyboard)
        for button in (self.home_button, self.access_button, *self.lang_buttons.values()):
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        self._retranslate_kiosk()
        self.language.changed.connect(lambda _l: self._retranslate_kiosk())
        from exhibition_app.ui.kiosk import screen_layout

        self.gallery_scroll = screen_layout.wrap_gallery(self)
        screen_layout.apply_shape(self, force=True)

    def _retranslate_kiosk(self) -> None:
        self.home_button.setAccessibleName(tr("Kiosk", "Home: the start of the exhibition"))
        self.home_button.setToolTip(tr("Kiosk", "Home: the start of the exhibition"))
        self.access_button.setAccessibleName(tr("Kiosk", "Larger text and higher contrast"))
        self.access_button.setToolTip(tr("Kiosk", "Larger text and higher contrast"))
        self.keyboard.retranslate()
        if not self.keyboard.isVisible():
            from exhibition_app.core.keyboard_layouts import layout_for_language

            self.keyboard.set_layout(layout_for_language(self.language.code))
        for overlay in ("countdown", "pin_pad"):  # built after the first call
            if hasattr(self, overlay):
                getattr(self, overlay).retranslate()

    # -- showing ---------------------------------------------------------------------------
    def show_kiosk(self) -> None:
        if self.options.full_screen:
            cover_screen(self)
        else:
            self.show()
        self.attract.setGeometry(self.rect())
        self.attract.raise_()
        if self.prepared.isVisible():
            self.prepared.show_for(self.options.lang)
        if self.options.locked:
            self.watch.start()

    def _show_again(self) -> None:
        """The window went off screen (a window manager minimised or withdrew it, another
        program unmapped it): map it again (Qt still thinks it is shown, so hide first)."""
        self.hide()
        if self.options.full_screen:
            cover_screen(self)
        else:
            self.show()
        self.raise_()

    def _window_lost(self, _reason: str) -> None:
        """The window is gone for good (WindowWatch logged why): end, so that the service
        starts a new kiosk."""
        QApplication.exit(WINDOW_LOST_EXIT)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if hasattr(self, "attract"):
            self.attract.setGeometry(self.rect())
        if hasattr(self, "prepared"):
            self.prepared.setGeometry(self.rect())
        if hasattr(self, "gallery_scroll"):
            from exhibition_app.ui.kiosk.screen_layout import apply_shape

            apply_shape(self)

    def _nav_size(self, item: Any, *, indent: bool) -> Any:
        """Rows sized to their text wrapped at the room it really has at the kiosk's scale
        (item margins, padding, a scroll bar), so no row ends in an ellipsis."""
        from PySide6.QtCore import QSize
        from PySide6.QtGui import QFontMetrics

        from exhibition_app.ui.main_window import NAV_INDENT

        self.nav.ensurePolished()
        font = self.nav.font()
        font.setBold(item.font().bold())
        room = nav_text_room(self.nav_width, self.shape.scale, indent=indent)
        rect = QFontMetrics(font).boundingRect(
            0,
            0,
            room - (NAV_INDENT if indent else 0),
            10_000,
            int(Qt.TextFlag.TextWordWrap),
            item.text(),
        )
        return QSize(self.nav_width - 30, rect.height() + 18)

    def _show_base(self) -> None:
        super()._show_base()
        self._scroll_top()
        from exhibition_app.ui.kiosk.screen_layout import fit_gallery

        fit_gallery(self)  # the chips' rows and the tiles' rows changed

    def _visible_tiles_ready(self) -> bool:
        """Only the tiles inside the scroll area's window have to be ready."""
        if self.stack.currentIndex() != 0 or not self.view.isVisible():
            return True
        scroll = self.gallery_scroll.viewport()
        top_left = self.view.viewport().mapFrom(self, scroll.mapTo(self, scroll.rect().topLeft()))
        from PySide6.QtCore import QRect

        from exhibition_app.ui.gallery.visible import rows_in

        visible = QRect(top_left, scroll.size())
        return all(
            self.model.thumbnail_ready(row) for row in rows_in(self.view, self.model, visible)
        )

    def _open_and_read(self, open_catalog: Callable[[], Catalog]) -> tuple[Catalog, GalleryData]:
        """Runs on the database worker; a kiosk whose server is out of reach opens its
        offline copy instead (exhibition_app.ui.kiosk.network)."""
        if not self.options.locked:  # the curator's preview shows drafts: never the copy
            return super()._open_and_read(open_catalog)
        from exhibition_app.ui.kiosk.network import open_with_fallback

        options = self.options
        return super()._open_and_read(
            lambda: open_with_fallback(open_catalog, options.catalog, options.assets)
        )

    def use_catalog(self, catalog: Catalog) -> None:
        """Read from ``catalog`` from now on (the server, or the offline copy)."""
        self.catalog = self.model.catalog = self.attract.catalog = catalog
        if self._item_page is not None:
            self._item_page.catalog = catalog
            self._item_page.map.catalog = catalog

    def show_first_screen(self, data: GalleryData, early_thumbnail: EarlyThumbnail) -> None:
        if self._loaded:
            return
        # The attract loop covers the gallery: its first slide first, the gallery
        # beneath it in the next pass of the event loop (while the slide's picture
        # decodes on the image pool).
        self.attract.early_thumbnail = early_thumbnail
        self._fill_attract(data)
        QTimer.singleShot(
            0, self, lambda: MainWindow.show_first_screen(self, data, early_thumbnail)
        )

    def _gallery_loaded(self, result: tuple[Catalog, GalleryData]) -> None:
        super()._gallery_loaded(result)  # opens ``--item``'s page, if there is one
        self.attract.catalog = self.catalog
        self._fill_attract()
        on_item = self._item_page is not None and self.stack.currentWidget() is self._item_page
        if not self._show_prepared_if_empty() and on_item:
            self.leave_attract()  # started on an item: its page, not the loop
        if self.options.locked and self.catalog is not None:
            self.link.loaded(self.catalog)
        if self.options.poll_s > 0 and not hasattr(self, "_poll"):
            self._serial: int | None = None
            self._poll = QTimer(self, interval=int(self.options.poll_s * 1000))
            self._poll.timeout.connect(self.check_publication)
            self._poll.start()
            self.check_publication()

    # -- publications ----------------------------------------------------------------------
    def check_publication(self) -> None:
        """Ask the catalogue (on the worker) whether curators published something new; the
        kiosk takes it up when nobody is looking: now if the attract loop runs, else at the
        next reset, never under a visitor's finger."""
        from exhibition_app.operations.kiosk import latest_publication

        catalog = self.catalog
        if catalog is None:
            return
        self.tasks.query(
            lambda: latest_publication(catalog),
            self._serial_heard,
            lambda exc: log.warning("kiosk: publication check: %s", message_of(exc)),
        )

    def _serial_heard(self, serial: int) -> None:
        """The newest publication's serial, from a poll or the server's notification."""
        if getattr(self, "_serial", None) is None:
            self._serial = serial
        elif serial != self._serial:
            self._serial = serial
            log.info("kiosk: publication %s is waiting for a quiet moment", serial)
            self.publication_waiting()

    def publication_waiting(self) -> None:
        """Something new to show (or the server is back): now if nobody is looking, else at
        the next reset; never under a visitor's finger."""
        self._pending_publication = True
        if self.attract.isVisible() or self.prepared.isVisible():
            self.reload_published()

    def reload_published(self) -> None:
        """Read the published exhibition again and show it from the start."""
        if self.catalog is None:
            return
        self._pending_publication = False
        source = self.link.source() if self.options.locked else (lambda c=self.catalog: c)
        published_only = self.published_only

        def work() -> tuple[Catalog, GalleryData]:
            from exhibition_app.operations.gallery_reads import read_gallery

            catalog = source()
            return catalog, read_gallery(catalog, published_only=published_only)

        def done(result: tuple[Catalog, GalleryData]) -> None:
            catalog, data = result
            log.info("kiosk: a new publication is on show")
            self.use_catalog(catalog)
            if self.options.locked:
                self.link.loaded(catalog)
            self.model.published_only = published_only
            self.model.set_gallery(data)
            self._nav_key = None  # _apply_nav offers the chips of the place on show
            self._fill_nav()
            self._apply_nav()
            self._fill_attract()
            if not self._show_prepared_if_empty():
                if self.prepared.isVisible():
                    self.prepared.hide()
                    self.start_attract()
                elif self.attract.isVisible():
                    self.attract.start()
            self.retranslate()

        self.tasks.query(work, done, self.link.reload_failed)

    def _fill_attract(self, data: GalleryData | None = None) -> None:
        data = self.model.gallery if data is None else data
        cards: list[ItemCard] = []
        heading: dict[str, str] = {}
        tour = next((e for e in data.exhibitions if e.key == self.options.tour), None)
        if self.options.tour and tour is None:
            log.warning("kiosk: no published exhibition '%s' for the tour", self.options.tour)
        if tour is not None:
            cards = [data.items[i] for i in tour.item_ids if i in data.items]
            heading = tour.title
        else:
            cards = [c for c in data.items.values() if c.featured]
            if not cards:
                cards = [c for c in data.items.values() if c.cover is not None]
            if data.exhibitions:
                heading = data.exhibitions[0].title
        chosen = [card.id for card in cards[:ATTRACT_LIMIT]]
        if data is not self.model.gallery:  # the cached first screen: its cards are whole
            self.attract.set_slides([data.items[i] for i in chosen], heading)
            return

        def show() -> None:  # the slides' cards whole (a large gallery's may be light)
            items = self.model.gallery.items
            slides = [c for i in chosen if (c := items.get(i)) is not None and c.complete]
            self.attract.set_slides(slides, heading)

        self.model.ensure_cards(chosen, show)

    def _update_heading(self) -> None:
        """A long introduction shows its opening lines and "Read more" (the gallery stays in
        view on a kiosk screen); the button shows the rest."""
        super()._update_heading()
        full = self.section_text.text()
        short = shorten_intro(full)
        if getattr(self, "_intro", ("", ""))[0] != full:
            self.more_button.blockSignals(True)
            self.more_button.setChecked(False)  # another section: start folded again
            self.more_button.blockSignals(False)
        self._intro = (full, short)
        self.more_button.setVisible(short != full)
        self._show_intro()

    def _show_intro(self) -> None:
        full, short = getattr(self, "_intro", ("", ""))
        expanded = self.more_button.isChecked()
        self.section_text.setText(full if expanded or short == full else short)
        self.more_button.setText(tr("Kiosk", "Show less") if expanded else tr("Kiosk", "Read more"))
        self.more_button.setAccessibleName(self.more_button.text())
        if hasattr(self, "gallery_scroll"):
            from exhibition_app.ui.kiosk.screen_layout import fit_heading

            fit_heading(self)

    def _load_failed(self, exc: BaseException) -> None:
        """Visitors see a calm notice; the reason goes to the log for staff. A kiosk tries
        again by itself (a server that is still starting, a network not up yet at boot)."""
        log.error("kiosk: the catalogue could not be opened: %s", message_of(exc))
        super()._load_failed(exc)
        self.empty.setText(tr("Kiosk", "This exhibition is not available at the moment."))
        self._show_prepared()
        if self.options.locked and self.catalog is None:
            QTimer.singleShot(int(OPEN_RETRY_S * 1000), self, self._retry_open)

    def _retry_open(self) -> None:
        log.info("kiosk: trying to open the catalogue again")
        self.tasks.query(
            lambda: self._open_and_read(self._open_catalog), self._gallery_loaded, self._load_failed
        )

    def _show_error(self, message: str) -> None:
        log.warning("kiosk: %s", message)  # the status bar is hidden: for staff, in the log

    def _update_empty(self, catalogue_has_items: bool) -> None:
        super()._update_empty(catalogue_has_items)
        if not catalogue_has_items:
            self.empty.setText(
                tr("Kiosk", "This exhibition is being prepared. Please come back soon.")
            )

    def _show_prepared_if_empty(self) -> bool:
        """Show "being prepared" if there is nothing published to show; whether it did."""
        if self.model.gallery.items:
            return False
        catalog = self.catalog
        where = catalog.db_path or catalog.url if catalog is not None else "?"
        log.warning(
            "kiosk: the catalogue %s has no published items: showing 'the exhibition is "
            "being prepared' until a curator publishes some",
            where,
        )
        self._show_prepared()
        return True

    def _show_prepared(self) -> None:
        self.attract.stop()
        self.idle.pause()
        self.countdown.hide()
        self.prepared.show_for(self.options.lang)

    def is_settled(self) -> bool:
        if self.prepared.isVisible():
            return self._loaded and self.tasks.pending == 0
        if self.attract.isVisible():
            return self._loaded and self.tasks.pending == 0 and self.attract.is_ready()
        return super().is_settled()

    # -- lockdown --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._unlocked:
            event.ignore()  # Alt+F4, a window manager's close button, xdotool windowclose
            return
        QApplication.instance().removeEventFilter(self.key_lock)  # type: ignore[union-attr]
        self.link.stop()
        super().closeEvent(event)

    def _toggle_full_screen(self) -> None:
        """F11 does nothing here: the kiosk stays full screen."""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.WindowStateChange
            and self.options.full_screen
            and not self._unlocked
            and not self.isFullScreen()
        ):
            QTimer.singleShot(0, lambda: cover_screen(self))  # minimised or restored: undo

    def ask_pin(self) -> None:
        from exhibition_app.core.pin import PinError, PinGuard, default_pin_path

        self.countdown.keep()
        self.idle.pause()
        try:
            guard = PinGuard(self.options.pin_file or default_pin_path())
            pin_set = guard.is_set()
            wait = guard.wait_seconds()
        except PinError as exc:
            log.error("kiosk: %s", exc)
            pin_set, wait = False, 0.0
        self.pin_pad.ask()
        if not pin_set:
            self.pin_pad.show_message(
                tr("Kiosk", "No staff PIN is set. Set one with: exhibition-app kiosk set-pin")
            )
        elif wait > 0:
            self.pin_pad.show_locked(wait)

    def _check_pin(self, pin: str) -> None:
        from exhibition_app.core.pin import PinGuard, default_pin_path

        path = self.options.pin_file or default_pin_path()

        def work() -> tuple[str, float]:
            guard = PinGuard(path)
            wait = guard.wait_seconds()
            if wait > 0:
                return "locked", wait  # not checked, and not counted as a failure
            result = guard.attempt(pin)
            return ("ok" if result.ok else "wrong"), result.wait_seconds

        def done(result: tuple[str, float]) -> None:
            outcome, wait = result
            if outcome == "ok":
                self.unlock()
            elif outcome == "locked":
                self.pin_pad.show_locked(wait)
            else:
                self.pin_pad.show_wrong(wait)

        self.pin_pad.show_message(tr("Kiosk", "Checking…"))
        self.tasks.change(
            lambda _ctx: work(),
            done,
            lambda exc: self.pin_pad.show_message(message_of(exc)),
            images=True,
        )

    def unlock(self) -> None:
        """The staff PIN was right: leave the kiosk."""
        log.info("kiosk: closed with the staff PIN")
        self._unlocked = True
        self.watch.stop()
        self.key_lock.enabled = False
        self._leave_item()
        QApplication.restoreOverrideCursor() if self.options.hide_cursor else None
        self.close()

    # -- idle, reset, attract --------------------------------------------------------------
    def _visitor_idle(self) -> None:
        if self.attract.isVisible():
            return
        if self.pin_pad.isVisible():
            self.pin_pad.cancel()
        self.countdown.start()

    def reset(self) -> None:
        """Back to the start for the next visitor: nothing of the last visit remains."""
        self._leave_item()
        self._search_settle.stop()
        self.countdown.keep()
        self.countdown.hide()
        self.pin_pad.hide()
        self.hide_keyboard()
        self._search_serial += 1  # a search still running is dropped
        self._search_timer.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filter_bar.set_filters(Filters())
        self.more_button.setChecked(False)
        self.access_button.setChecked(False)
        if self.language.code != self.options.lang:
            self.language.set(self.options.lang)
        self._nav_key = None  # the first exhibition, as at start
        if self._loaded and self.catalog is not None:
            self._fill_nav()
            self._apply_nav()
        if self._item_page is not None:
            self._item_page.map.cancel_loading()
        self.stack.setCurrentIndex(0)
        self.nav.show()
        self.view.clearSelection()
        self._scroll_top()
        self._record("reset")
        if self._pending_publication:
            self.reload_published()
        if not self.prepared.isVisible():
            self.start_attract()

    def start_attract(self) -> None:
        self.idle.pause()
        self.attract.setGeometry(self.rect())
        self.attract.start()

    def leave_attract(self) -> None:
        self.attract.stop()
        self.idle.start()
        if self.stack.currentIndex() == 0:
            self.view.setFocus()

    def _attract_language(self, code: str) -> None:
        """A touch on the attract loop: the visit goes on in the language it showed."""
        if code != self.language.code:
            self.choose_language(code)

    def go_home(self) -> None:
        self.hide_keyboard()
        self._nav_key = None
        self.search.clear()
        self.filter_bar.clear()
        if self._loaded:
            self._fill_nav()
            self._apply_nav()
        self.show_gallery()

    def go_back(self) -> None:
        """Escape (and the Back key): one level back, never out of the kiosk."""
        if self.attract.isVisible():
            self.leave_attract()
        elif self.countdown.isVisible():
            self.countdown.keep()
        elif self.pin_pad.isVisible():
            self.pin_pad.cancel()
        elif self.keyboard.isVisible():
            self.hide_keyboard()
        else:
            self._escape()

    # -- search and keyboard ---------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.TouchBegin,
        ):
            self.show_keyboard()
        return super().eventFilter(watched, event)

    def show_keyboard(self) -> None:
        if not self.keyboard.isVisible():
            from exhibition_app.core.keyboard_layouts import layout_for_language

            self.keyboard.set_layout(layout_for_language(self.language.code))
            self.keyboard.show()
        self.search.setFocus()

    def hide_keyboard(self) -> None:
        self.keyboard.hide()

    def search_finished(self, query: str, shown: int) -> None:
        if shown == 0 and not self.filter_bar.filters.active:
            self._empty_query = query
            self._search_settle.start()
        else:
            self._search_settle.stop()

    def _record_empty_search(self) -> None:
        query = self.search.text().strip()
        if query and query == self._empty_query and self.model.rowCount() == 0:
            self._record("search_empty", query=query)

    # -- items and statistics --------------------------------------------------------------
    def open_item(self, item_id: int) -> None:
        self._leave_item()
        super().open_item(item_id)
        if self._item_page is not None and self.stack.currentWidget() is self._item_page:
            self._visiting = (item_id, time.monotonic(), self.language.code)
            self.nav.hide()  # the item page is immersive: the picture takes the room

    def show_gallery(self) -> None:
        self._leave_item()
        super().show_gallery()
        self.nav.show()

    @property
    def item_page(self) -> ItemPage:
        page = MainWindow.item_page.fget(self)  # type: ignore[attr-defined]
        if not page.property("kioskReady"):  # once per page: each grab costs memory
            from exhibition_app.ui.kiosk.screen_layout import shape_item_page

            shape_item_page(self)  # text in a side panel, or below the picture (portrait)
            QScroller.grabGesture(
                page._scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture
            )
            page.setProperty("kioskReady", True)
        return page  # type: ignore[no-any-return]

    def _leave_item(self) -> None:
        if self._visiting is None:
            return
        item_id, since, lang = self._visiting
        self._visiting = None
        dwell_ms = int((time.monotonic() - since) * 1000)
        self._record("item_opened", item_id=item_id, lang=lang, dwell_ms=dwell_ms)

    def choose_language(self, code: str) -> None:
        changed = code != self.language.code
        super().choose_language(code)
        if changed:
            self._record("language", lang=code)

    def _record(self, kind: str, **values: Any) -> None:
        catalog = self.catalog
        if not self.options.stats or catalog is None:
            return
        from datetime import UTC, datetime

        from exhibition_app.core.stats import VisitEvent

        event = VisitEvent(
            kind=kind,
            station=self.options.station[:64],
            at=datetime.now(UTC).replace(tzinfo=None),
            item_id=values.get("item_id"),
            lang=values.get("lang"),
            dwell_ms=values.get("dwell_ms"),
            query=values.get("query"),
        )
        if self.link.offline:  # the offline copy is not the place: they wait for the server
            self.link.queue(event)
            return
        from exhibition_app.operations.kiosk import save_visits

        self.tasks.change(
            lambda _ctx: save_visits(catalog, [event]),
            lambda _n: None,
            lambda exc: log.warning("kiosk: visit statistics not saved: %s", message_of(exc)),
        )

    # -- accessibility ---------------------------------------------------------------------
    def set_accessible_mode(self, on: bool) -> None:
        """Larger text and higher contrast (the "Aa" button)."""
        from exhibition_app.ui.kiosk.screen_layout import apply_shape

        self.accessible_mode = on
        self.access_button.setChecked(on)
        apply_shape(self, force=True)  # style sheet and tiles at the larger size
        self._retranslate_nav()
        if self._item_page is not None:
            self._item_page.refresh()
        self.view.doItemsLayout()
        self.view.viewport().update()
        # Lay out the larger text now, not after the next paint (no clipped first frame).
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _scroll_top(self) -> None:
        self.view.scrollToTop()
        if hasattr(self, "gallery_scroll"):
            self.gallery_scroll.verticalScrollBar().setValue(0)


INTRO_CHARS = 260


def nav_text_room(nav_width: int, scale: float, *, indent: bool) -> int:
    """The width a row of the exhibitions-and-sections list has for its text: less the
    row's margins (2 x 8) and padding (2 x 14), room for a scroll bar, and a little slack."""
    return nav_width - 2 * 8 - 2 * 14 - round(16 * scale) - 6


def shorten_intro(text: str, limit: int = INTRO_CHARS) -> str:
    """The opening sentences of ``text`` that fit in ``limit`` characters (at least one
    sentence, cut at a word with an ellipsis if even that is too long)."""
    if len(text) <= limit:
        return text
    import re

    sentences = re.split(r"(?<=[.!?…])\s+", text)
    shown = ""
    for sentence in sentences:
        if shown and len(shown) + 1 + len(sentence) > limit:
            break
        shown = f"{shown} {sentence}".strip()
    if len(shown) > limit:
        shown = shown[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return shown
