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

from PySide6.QtCore import QObject, Signal

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
    server cannot be reached. The copy is marked ``offline_copy`` and knows ``server_url``."""
    try:
        return open_catalog()
    except Exception as exc:
        from exhibition_app.db.engine import resolve_url, sqlite_path
        from exhibition_app.operations.offline import offline_copy_path, open_offline_copy
        from exhibition_app.paths import assets_dir, default_locations

        url = resolve_url(catalog_arg if catalog_arg is not None else default_locations()[0])
        assets = assets_dir(assets_arg)
        copy = offline_copy_path(assets)
        if sqlite_path(url) is not None or not copy.is_file():
            raise
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        log.warning(
            "kiosk: the catalogue server cannot be reached (%s); showing the offline copy %s",
            reason,
            copy,
        )
        catalog = open_offline_copy(assets, copy)
        catalog.offline_copy = True  # type: ignore[attr-defined]
        catalog.server_url = url  # type: ignore[attr-defined]
        return catalog


def is_offline_copy(catalog: Catalog | None) -> bool:
    return bool(getattr(catalog, "offline_copy", False))


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
        if is_offline_copy(catalog):
            self.offline = True
            self._listen(getattr(catalog, "server_url", None))
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

    def reload_failed(self, message: str) -> None:
        log.warning("kiosk: the catalogue server is still out of reach: %s", message)
        if self.offline:  # try again while the offline copy is on show
            from PySide6.QtCore import QTimer

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
        from exhibition_app.operations.offline import offline_copy_path

        server = self.server
        if server is None:
            return
        path = offline_copy_path(server.assets)
        if not path.is_file():
            log.warning("kiosk: no offline copy yet; what is loaded stays on show")
            self.offline = True
            return

        def work() -> Catalog:
            from exhibition_app.operations.offline import open_offline_copy

            copy = open_offline_copy(server.assets, path)
            copy.offline_copy = True  # type: ignore[attr-defined]
            copy.server_url = server.url  # type: ignore[attr-defined]
            return copy

        def done(copy: Catalog) -> None:
            self.offline = True
            self.window.use_catalog(copy)
            self.switched.emit(False)

        self.offline = True
        self.window.tasks.run_db(
            work, done, lambda m: log.warning("kiosk: the offline copy cannot be read: %s", m)
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
            from exhibition_app.operations.offline import (
                copy_serial,
                offline_copy_path,
                write_offline_copy,
            )
            from exhibition_app.operations.publishing import publication_serial

            try:
                path = offline_copy_path(server.assets)
                with server.read_session() as s:
                    serial = publication_serial(s)
                if copy_serial(path) != serial:
                    write_offline_copy(server, path)
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
        if not self.queued:
            return
        events, self.queued = self.queued, []

        def work() -> int:
            from exhibition_app.operations.stats import record_events

            with server.session() as s:
                return record_events(s, events)

        def failed(message: str) -> None:
            log.warning("kiosk: visit statistics kept for later: %s", message)
            self.queued[:0] = events

        self.window.tasks.run_db(
            work, lambda n: log.info("kiosk: %s visit events saved", n), failed
        )

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        if self._copying is not None:
            self._copying.join(60)  # a copy half-written stays a temp file; let it finish
