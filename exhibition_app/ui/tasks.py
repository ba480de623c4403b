"""Background work: one database worker, one image pool, results back on the main thread.

Pattern from Anki's taskman and its ``CollectionOp``/``QueryOp`` (``qt/aqt/operations``), and
Picard's thread utilities. A screen never opens a database session: it names an operation
(a plain function in ``exhibition_app.operations`` that opens its own session) and runs it
through one of two helpers:

- :meth:`TaskManager.query` for reads: ``tasks.query(lambda: op(catalog, 7), show)``;
- :meth:`TaskManager.change` for writes and long work: the function gets an :class:`OpContext`
  to report progress and to ask whether the user cancelled; the returned :class:`OpHandle`
  cancels.

Results, progress and failures come back through signals of a relay that lives on the main
thread, so callbacks always run there. A failure hands back the exception object itself;
without a failure callback the manager's ``error`` signal carries its one-line message
(``errors.message_of``), and an unexpected exception is logged with its traceback. Results
for a window that has closed are dropped. Workers never touch widgets and never create
QPixmap (QImage only).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal

from exhibition_app.errors import ExhibitionError, message_of

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class OpContext:
    """What a long operation gets from the UI: a progress callback and a cancel flag."""

    def __init__(self, relay: _Relay, cancel: threading.Event) -> None:
        self._relay = relay
        self._cancel = cancel

    def progress(self, done: int, total: int, label: object = "") -> None:
        """Report ``done`` of ``total`` (``label``: what is in progress); thread-safe."""
        with contextlib.suppress(RuntimeError):
            self._relay.progress.emit(int(done), int(total), "" if label is None else str(label))

    def cancelled(self) -> bool:
        """True once the user asked to stop; the operation ends at its next safe point."""
        return self._cancel.is_set()


class OpHandle:
    """A running operation, as its caller holds it."""

    def __init__(self, cancel: threading.Event) -> None:
        self._cancel = cancel

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


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
            if not isinstance(exc, ExhibitionError):
                log.error("unexpected error in a background job", exc_info=exc)
            self._emit(self._relay.failed, exc)
            return
        self._emit(self._relay.done, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        # RuntimeError: the window closed while the job ran, nobody waits for the result.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


class TaskManager(QObject):
    """Runs jobs off the UI thread. ``idle`` fires when no job is pending any more;
    ``error`` carries the one-line message of a failure nobody else handled."""

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

    # -- the two helpers every screen uses -------------------------------------------------

    def query(
        self,
        fn: Callable[[], Any],
        success: Callable[[Any], None],
        failure: Callable[[BaseException], None] | None = None,
        *,
        images: bool = False,
    ) -> None:
        """Run a read (``fn`` takes nothing) on the database worker, or on the image pool
        with ``images=True``; ``success(result)`` or ``failure(exception)`` on the main
        thread."""
        pool = self.image_pool if images else self.db_pool
        self._start(pool, lambda _relay: fn(), success, failure, None)

    def change(
        self,
        fn: Callable[[OpContext], Any],
        success: Callable[[Any], None],
        failure: Callable[[BaseException], None] | None = None,
        *,
        progress: Callable[[int, int, str], None] | None = None,
        images: bool = False,
    ) -> OpHandle:
        """Run a change or a long job: ``fn(context)`` reports progress through
        ``context.progress`` (delivered to ``progress`` on the main thread) and stops at
        ``context.cancelled()``; cancel with the returned handle."""
        cancel = threading.Event()
        pool = self.image_pool if images else self.db_pool
        self._start(pool, lambda relay: fn(OpContext(relay, cancel)), success, failure, progress)
        return OpHandle(cancel)

    def _start(
        self,
        pool: QThreadPool,
        fn: Callable[[_Relay], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int, str], None] | None,
    ) -> None:
        relay = _Relay()  # created here, so it lives on the main thread
        self._relays.add(relay)

        def finish() -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if not self._relays and shiboken6.isValid(self):
                self.idle.emit()

        def alive() -> bool:
            if shiboken6.isValid(self):
                return True
            # The window owning this manager closed while the job ran: its widgets
            # are gone too, and nobody is left to hear the result.
            relay.deleteLater()
            return False

        def deliver(callback: Callable[[Any], None], value: Any) -> None:
            if not alive():
                return
            try:
                callback(value)
            finally:
                finish()

        def report(done: int, total: int, label: str) -> None:
            if on_progress is not None and shiboken6.isValid(self):
                on_progress(done, total, label)

        on_failed = on_error or (lambda exc: self.error.emit(message_of(exc)))
        relay.done.connect(lambda result: deliver(on_done, result))
        relay.failed.connect(lambda exc: deliver(on_failed, exc))
        relay.progress.connect(report)
        pool.start(_Job(lambda: fn(relay), relay))

    def shutdown(self) -> None:
        """Wait for running jobs (called when the window closes)."""
        self.db_pool.clear()
        self.image_pool.clear()
        self.db_pool.waitForDone(5000)
        self.image_pool.waitForDone(5000)
