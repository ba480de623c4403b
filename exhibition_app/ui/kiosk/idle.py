"""Noticing that the visitor has walked away.

``IdleWatcher`` is an application-wide event filter: any touch, click, key, wheel or drag
restarts its timer. After ``idle_s`` seconds without one it fires ``idle`` (the kiosk shows
its "Still there?" countdown); ``activity`` fires on every input so the countdown can be
dismissed by the same touch.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

DEFAULT_IDLE_S = 90
DEFAULT_COUNTDOWN_S = 15

_INPUT = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
    QEvent.Type.Gesture,
    QEvent.Type.TabletPress,
}


class IdleWatcher(QObject):
    idle = Signal()
    activity = Signal()

    def __init__(self, idle_s: float = DEFAULT_IDLE_S, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True)
        self.timer.setInterval(max(1, int(idle_s * 1000)))
        self.timer.timeout.connect(self.idle)
        self.paused = False

    @property
    def idle_ms(self) -> int:
        return self.timer.interval()

    def start(self) -> None:
        self.paused = False
        self.timer.start()

    def pause(self) -> None:
        """Stop counting (while the attract loop runs there is nobody to wait for)."""
        self.paused = True
        self.timer.stop()

    def poke(self) -> None:
        """Something happened: start counting again."""
        if not self.paused:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.poke()
            self.activity.emit()
        return False
