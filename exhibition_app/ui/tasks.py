"""Background work: one database worker, one image pool, results back on the main thread.

Pattern from Anki's taskman and Picard's thread utilities: a job is a plain callable run on
a QThreadPool; its result or its one-line error comes back through a signal emitted by a
QObject that lives on the main thread, so callbacks always run on the main thread. Workers
never touch widgets and never create QPixmap (QImage only).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:
            text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            self._emit(self._relay.failed, text)
            return
        self._emit(self._relay.done, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        # RuntimeError: the window closed while the job ran, nobody waits for the result.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


class TaskManager(QObject):
    """Runs jobs off the UI thread. ``idle`` fires when no job is pending any more."""

    idle = Signal()
    error = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_pool = QThreadPool(self)
        self.db_pool.setMaxThreadCount(1)  # one writer/reader: SQLite likes it, order is kept
        self.image_pool = QThreadPool(self)
        self.image_pool.setMaxThreadCount(max(2, QThread.idealThreadCount()))
        self._relays: set[_Relay] = set()

    @property
    def pending(self) -> int:
        return len(self._relays)

    def run_db(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        self._start(self.db_pool, fn, on_done, on_error)

    def run_image(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        self._start(self.image_pool, fn, on_done, on_error)

    def _start(
        self,
        pool: QThreadPool,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None,
    ) -> None:
        relay = _Relay()  # created here, so it lives on the main thread
        self._relays.add(relay)

        def finish() -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if not self._relays and shiboken6.isValid(self):
                self.idle.emit()

        def deliver(callback: Callable[[Any], None], value: Any) -> None:
            if not shiboken6.isValid(self):
                # The window owning this manager closed while the job ran: its widgets
                # are gone too, and nobody is left to hear the result.
                relay.deleteLater()
                return
            try:
                callback(value)
            finally:
                finish()

        on_failed = on_error or self.error.emit
        relay.done.connect(lambda result: deliver(on_done, result))
        relay.failed.connect(lambda message: deliver(on_failed, message))
        pool.start(_Job(fn, relay))

    def shutdown(self) -> None:
        """Wait for running jobs (called when the window closes)."""
        self.db_pool.clear()
        self.image_pool.clear()
        self.db_pool.waitForDone(5000)
        self.image_pool.waitForDone(5000)
