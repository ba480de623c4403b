"""The kiosk's window must stay on screen. If it is gone (another X client destroyed it, a
window manager withdrew it, its native window was destroyed) the process ends with
WINDOW_LOST_EXIT, so that its service (Restart=always) starts a whole new kiosk: a process
alive with nothing on screen is the one failure nobody in the hall can fix.

Qt itself ends the process (exit status 1) when the connection to the X server is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

WINDOW_LOST_EXIT = 3
CHECK_MS = 1000
#: Checks in a row without the window on screen before the kiosk gives up (the first one
#: shows the window again: a window manager that minimised it).
GRACE_CHECKS = 5


class WindowWatch(QObject):
    """Checks every CHECK_MS that ``window`` has a native window that is on screen;
    ``lost`` carries the reason once it has not been for GRACE_CHECKS checks."""

    lost = Signal(str)

    def __init__(
        self,
        window: QWidget,
        restore: Callable[[], None],
        interval_ms: int = CHECK_MS,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.restore = restore
        self.misses = 0
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.misses = 0
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def problem(self) -> str | None:
        """Why the window is not on screen now, or None."""
        handle = self.window.windowHandle()
        if handle is None:
            return "it has no native window"
        if not self.window.isVisible():
            return "it was hidden"
        if not handle.isExposed():
            return "it is not on screen (unmapped or destroyed by another program)"
        return None

    def check(self) -> None:
        problem = self.problem()
        if problem is None:
            self.misses = 0
            return
        self.misses += 1
        if self.misses == 1:
            log.warning("kiosk: the window is off screen (%s); showing it again", problem)
            self.restore()
        elif self.misses >= GRACE_CHECKS:
            self.timer.stop()
            seconds = self.misses * self.timer.interval() / 1000
            log.error(
                "kiosk: the window has been off screen for %.0f s (%s); exiting with status "
                "%s so that the service starts the kiosk again",
                seconds,
                problem,
                WINDOW_LOST_EXIT,
            )
            self.lost.emit(problem)
