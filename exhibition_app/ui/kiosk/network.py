"""A kiosk on a catalogue server: hear publications at once, ride out a lost server.

Only for catalogues on a server (PostgreSQL); a kiosk on its own SQLite file polls and needs
none of this.

* A :class:`~exhibition_app.operations.listener.PublicationListener` LISTENs for
  publications, so a curator's publication reaches the kiosk within a second. The kiosk
  applies it when nobody is looking (the attract loop, or the next reset).
* After each publication it loads from the server, the kiosk writes its offline copy
  (exhibition_app.operations.offline) on a thread of its own.
* When the server is lost the kiosk reads the offline copy instead: what visitors see stays
  the same, nothing alarming is shown, the log says what happened. Visit statistics wait in
  memory. When the listener reaches the server again, the kiosk reloads from it at the next
  quiet moment and writes the statistics that waited.
* A kiosk that starts while the server is down opens the offline copy
  (:func:`open_with_fallback`) and reconnects by itself the same way.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from exhibition_app.errors import message_of

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog
    from exhibition_app.core.stats import VisitEvent

log = logging.getLogger(__name__)

#: Visit events kept in memory while the server is away (the oldest go first beyond this).
MAX_QUEUED_EVENTS = 20_000
#: Seconds between tries to reload from a server that answered but then failed a read.
RETRY_S = 10.0


def open_with_fallback(
    open_catalog: Callable[[], Catalog], catalog_arg: Any, assets_arg: Any
) -> Catalog:
    """Runs on the database worker: the server's catalogue, or the offline copy if the
    server cannot be reached (marked: exhibition_app.operations.kiosk.is_offline_copy)."""
    try:
        return open_catalog()
    except Exception as exc:
        from exhibition_app.operations.kiosk import open_offline_instead

        copy = open_offline_instead(catalog_arg, assets_arg)
        if copy is None:
            raise
        log.warning(
            "kiosk: the catalogue server cannot be reached (%s); showing the offline copy %s",
            message_of(exc),
            copy.db_path,
        )
        return copy


class ServerLink(QObject):
    """Owned by the kiosk window; ``window`` provides tasks, catalog and reload_published."""

    serial_heard = Signal(int)
    state_changed = Signal(bool, str)
    #: (online) after the kiosk switched between the server and its offline copy.
    switched = Signal(bool)
    #: The offline-copy thread finished (written, up to date already, or failed).
    copy_done = Signal()

    def __init__(self, window: Any, open_catalog: Callable[[], Catalog]) -> None:
        super().__init__(window)
        self.window = window
        self.open_catalog = open_catalog
        self.server: Catalog | None = None
        self.offline = False
        self.listener: Any = None
        self.queued: list[VisitEvent] = []
        self._copying: threading.Thread | None = None
        self._copy_again = False
        self.state_changed.connect(self._state)
        self.copy_done.connect(self._copy_finished)

    # -- loading -------------------------------------------------------------------------
    def loaded(self, catalog: Catalog) -> None:
        """The window now shows ``catalog``'s content (first load or a reload)."""
        from exhibition_app.operations.kiosk import is_offline_copy, server_url_of

        if is_offline_copy(catalog):
            self.offline = True
            self._listen(server_url_of(catalog))
            return
        if catalog.db_path is not None:
            return  # an SQLite file: nothing to listen to, no copy to keep
        self.server = catalog
        was_offline, self.offline = self.offline, False
        self._listen(catalog.url)
        self._write_copy(catalog)
        self._flush_events(catalog)
        if was_offline:
            log.info("kiosk: back on the catalogue server")
            self.switched.emit(True)

    def source(self) -> Callable[[], Catalog]:
        """Runs on the worker: the catalogue to reload from (the server, reached again)."""
        server = self.server
        if server is not None:
            return lambda: server
        return self.open_catalog

    def reload_failed(self, exc: BaseException) -> None:
        log.warning("kiosk: the catalogue server is still out of reach: %s", message_of(exc))
        if self.offline:  # try again while the offline copy is on show
            QTimer.singleShot(int(RETRY_S * 1000), self, self.window.publication_waiting)

    # -- the listener --------------------------------------------------------------------
    def _listen(self, url: str | None) -> None:
        if self.listener is not None or not url or not url.startswith("postgresql"):
            return
        from exhibition_app.operations.listener import PublicationListener

        # Callbacks come on the listener's thread; signals queue them to this (main) thread.
        self.listener = PublicationListener(
            url, self.serial_heard.emit, lambda up, why: self.state_changed.emit(up, why)
        ).start()

    def _state(self, up: bool, reason: str) -> None:
        if up:
            if self.offline:
                log.info("kiosk: the catalogue server answers again; reloading when quiet")
                self.window.publication_waiting()
            return
        if self.offline:
            return
        log.warning("kiosk: lost the catalogue server (%s); showing the offline copy", reason)
        self._go_offline()

    def _go_offline(self) -> None:
        from exhibition_app.operations.kiosk import has_offline_copy, open_offline_copy_of

        server = self.server
        if server is None:
            return
        if not has_offline_copy(server):
            log.warning("kiosk: no offline copy yet; what is loaded stays on show")
            self.offline = True
            return

        def done(copy: Catalog) -> None:
            self.offline = True
            self.window.use_catalog(copy)
            self.switched.emit(False)

        self.offline = True
        self.window.tasks.query(
            lambda: open_offline_copy_of(server),
            done,
            lambda exc: log.warning("kiosk: the offline copy cannot be read: %s", message_of(exc)),
        )

    # -- the offline copy and statistics ----------------------------------------------------
    def _write_copy(self, server: Catalog) -> None:
        """Refresh the offline copy on a thread of its own: it takes seconds for thousands of
        items, and the database worker must stay free for the next visitor's search."""
        if self._copying is not None and self._copying.is_alive():
            self._copy_again = True  # a newer publication: once more when this one ends
            return
        self._copy_again = False

        def work() -> None:
            from exhibition_app.operations.kiosk import refresh_offline_copy

            try:
                path = refresh_offline_copy(server)
                if path is not None:
                    log.info("kiosk: offline copy written to %s", path)
            except Exception as exc:  # logged, never shown: the kiosk goes on as it is
                log.warning("kiosk: the offline copy could not be written: %s", exc)
            self.copy_done.emit()

        self._copying = threading.Thread(target=work, name="offline-copy", daemon=True)
        self._copying.start()

    def _copy_finished(self) -> None:
        if self._copy_again and self.server is not None and not self.offline:
            self._write_copy(self.server)

    def queue(self, event: VisitEvent) -> None:
        self.queued.append(event)
        del self.queued[:-MAX_QUEUED_EVENTS]

    def _flush_events(self, server: Catalog) -> None:
        from exhibition_app.operations.kiosk import save_visits

        if not self.queued:
            return
        events, self.queued = self.queued, []

        def failed(exc: BaseException) -> None:
            log.warning("kiosk: visit statistics kept for later: %s", message_of(exc))
            self.queued[:0] = events

        self.window.tasks.change(
            lambda _ctx: save_visits(server, events),
            lambda n: log.info("kiosk: %s visit events saved", n),
            failed,
        )

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        if self._copying is not None:
            self._copying.join(60)  # a copy half-written stays a temp file; let it finish
