"""Keeping visitors inside the kiosk: no key, close request or window trick leads out.

- ``KeyLock`` (an application-wide event filter) swallows the keys that close or leave a
  window (Alt+F4, Ctrl+Q, Ctrl+W, F11, Escape's default handling) before any widget or
  shortcut sees them. Escape is turned into ``back`` instead: one level back inside the
  kiosk, the way a keyboard user expects, never out of it.
- ``cover_screen`` makes a frameless, always-on-top window cover its whole screen, also in a
  bare X session without a window manager, where ``showFullScreen`` alone leaves a small
  window: the geometry is set by hand and set again whenever the screen changes.
- ``CornerHold`` is the hidden way out for staff: a long press (three seconds) in the
  top-left corner; the kiosk then asks for the staff PIN.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

HOLD_MS = 3000
CORNER_PX = 96

_MOD_MASK = (
    Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def is_forbidden_key(key: int, modifiers: Qt.KeyboardModifier) -> bool:
    """Keys that would close, hide or leave the kiosk window."""
    mods = modifiers & _MOD_MASK
    ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
    alt = bool(mods & Qt.KeyboardModifier.AltModifier)
    meta = bool(mods & Qt.KeyboardModifier.MetaModifier)
    if key == Qt.Key.Key_F4 and (alt or ctrl):
        return True  # Alt+F4 closes a window, Ctrl+F4 a document
    if ctrl and key in (Qt.Key.Key_Q, Qt.Key.Key_W):
        return True
    if key in (Qt.Key.Key_F11, Qt.Key.Key_Escape, Qt.Key.Key_Close, Qt.Key.Key_Exit):
        return True
    if alt and key in (Qt.Key.Key_Tab, Qt.Key.Key_Space):
        return True  # window switching, the window menu
    return meta  # the "super" key opens desktop menus


class KeyLock(QObject):
    """Install on the QApplication. ``back`` fires for Escape (and the Back key)."""

    back = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        self.swallowed = 0  # how many forbidden key presses were refused (tests, logs)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.enabled:
            return False
        kind = event.type()
        if kind not in (
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.ShortcutOverride,
            QEvent.Type.Shortcut,
        ):
            return False
        if kind == QEvent.Type.Shortcut:
            return False  # shortcuts the kiosk itself defines are safe; forbidden keys never
            # reach this point because their ShortcutOverride/KeyPress was eaten first
        if not isinstance(event, QKeyEvent):
            return False
        if not is_forbidden_key(event.key(), event.modifiers()):
            return False
        if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
            self.swallowed += 1
            if event.key() == Qt.Key.Key_Escape:
                # Queued: the receiver may be a widget that the kiosk is about to hide.
                QTimer.singleShot(0, self.back.emit)
        event.accept()
        return True


def cover_screen(window: QWidget) -> None:
    """Frameless, on top, and covering the window's whole screen (with or without a WM)."""
    window.setWindowFlags(
        Qt.WindowType.Window
        | Qt.WindowType.FramelessWindowHint
        | Qt.WindowType.WindowStaysOnTopHint
    )
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.geometry())
        screen.geometryChanged.connect(lambda rect: _refit(window, rect))
    window.showFullScreen()
    if screen is not None:
        window.setGeometry(screen.geometry())  # a bare X server ignores the full-screen hint


def _refit(window: QWidget, rect: QRect) -> None:
    window.setGeometry(rect)
    window.showFullScreen()


class CornerHold(QObject):
    """Watches presses anywhere in ``window`` (an application event filter); a press held
    for HOLD_MS in the top-left CORNER_PX square fires ``held``."""

    held = Signal()

    def __init__(self, window: QWidget, hold_ms: int = HOLD_MS) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self, singleShot=True, interval=hold_ms)
        self.timer.timeout.connect(self.held)

    def corner(self) -> QRect:
        top_left = self.window.mapToGlobal(QPoint(0, 0))
        return QRect(top_left, top_left + QPoint(CORNER_PX - 1, CORNER_PX - 1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._pressed(event.globalPosition().toPoint())
        elif kind == QEvent.Type.TouchBegin and isinstance(event, QTouchEvent):
            points = event.points()
            if len(points) == 1:
                self._pressed(points[0].globalPosition().toPoint())
        elif kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            if self.timer.isActive() and not self.corner().contains(
                event.globalPosition().toPoint()
            ):
                self.timer.stop()
        elif kind in (
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            self.timer.stop()
        return False

    def _pressed(self, global_pos: QPoint) -> None:
        if self.corner().contains(global_pos):
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()
