"""Full-window layers over the kiosk: the idle countdown and the staff PIN pad.

Each is a child widget that covers its window, paints a dark veil and takes every touch,
so nothing underneath reacts while it is up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from exhibition_app.ui.i18n import tr
from exhibition_app.ui.theme import GOLD, LAPIS, LINE, PARCHMENT, RAISED, SANS, SERIF


def _centred_label(name: str, *, wrap: bool = False) -> QLabel:
    """A label of the overlays' style sheet (``name``), its text centred."""
    label = QLabel()
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(wrap)
    return label


class Overlay(QWidget):
    """Covers its parent window and keeps every touch for itself."""

    def __init__(self, parent: QWidget, veil: int = 215) -> None:
        super().__init__(parent)
        self._veil = veil
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        parent.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def open(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(10, 9, 7, self._veil))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()


class CountdownRing(QWidget):
    """The seconds left, in a ring that empties."""

    def __init__(self) -> None:
        super().__init__()
        self.total = 1
        self.left = 1
        self.setFixedSize(180, 180)

    def set_left(self, left: int, total: int) -> None:
        self.left, self.total = left, max(1, total)
        self.setAccessibleName(QLocale().toString(left))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(10, 10, -10, -10)
        painter.setPen(QPen(QColor(LINE), 10))
        painter.drawEllipse(box)
        arc = QPen(QColor(GOLD))
        arc.setWidth(10)
        arc.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(arc)
        painter.drawArc(box, 90 * 16, int(360 * 16 * self.left / self.total))
        font = QFont(SANS)
        font.setPixelSize(64)
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(QColor(PARCHMENT))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, QLocale().toString(self.left))
        painter.end()


class CountdownOverlay(Overlay):
    """ "Still there?" with the seconds counting down; a touch anywhere keeps the visit."""

    expired = Signal()
    kept = Signal()

    def __init__(self, parent: QWidget, seconds: int) -> None:
        super().__init__(parent, veil=225)
        self.seconds = max(1, seconds)
        self.left = self.seconds
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self._tick)
        self.title = _centred_label("overlayTitle")
        self.text = _centred_label("overlayText", wrap=True)
        self.ring = CountdownRing()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addSpacing(12)
        layout.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.setStyleSheet(
            f"QLabel#overlayTitle {{ color: {PARCHMENT}; font-family: '{SERIF}';"
            " font-size: 52px; }"
            f"QLabel#overlayText {{ color: {PARCHMENT}; font-size: 26px; }}"
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(tr("Kiosk", "Still there?"))
        self.text.setText(tr("Kiosk", "Touch to keep looking"))
        self.setAccessibleName(tr("Kiosk", "Still there? Touch to keep looking"))

    def start(self) -> None:
        self.left = self.seconds
        self.ring.set_left(self.left, self.seconds)
        self.retranslate()
        self.open()
        self.timer.start()

    def keep(self) -> None:
        """The visitor answered (any touch or key): hide and carry on."""
        if self.isVisible():
            self.timer.stop()
            self.hide()
            self.kept.emit()

    def _tick(self) -> None:
        self.left -= 1
        self.ring.set_left(max(0, self.left), self.seconds)
        if self.left <= 0:
            self.timer.stop()
            self.hide()
            self.expired.emit()


PIN_IDLE_MS = 30_000


class PinPad(Overlay):
    """The staff PIN pad. ``check`` is called with the digits and answers through
    ``show_result``; the pad itself never sees the stored hash."""

    cancelled = Signal()
    entered = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, veil=240)
        self.digits = ""
        self._locked_until_tick = 0
        self.idle = QTimer(self, singleShot=True, interval=PIN_IDLE_MS)
        self.idle.timeout.connect(self.cancel)
        self.wait_timer = QTimer(self, interval=1000)
        self.wait_timer.setTimerType(Qt.TimerType.PreciseTimer)  # never opens early
        self._wrong = True
        self.wait_timer.timeout.connect(self._wait_tick)
        self._wait_left = 0

        panel = QWidget()
        panel.setObjectName("pinPanel")
        panel.setFixedWidth(420)
        panel.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Maximum)
        col = QVBoxLayout(panel)
        col.setContentsMargins(28, 24, 28, 24)
        col.setSpacing(12)
        self.title = _centred_label("pinTitle")
        self.dots = _centred_label("pinDots")
        self.message = _centred_label("pinMessage", wrap=True)
        col.addWidget(self.title)
        col.addWidget(self.dots)
        col.addWidget(self.message)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.keys: list[QPushButton] = []
        labels = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        for i, label in enumerate(labels):
            key = QPushButton(label)
            key.setObjectName("pinKey")
            key.setFixedSize(104, 72)
            key.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            key.clicked.connect(lambda _c=False, k=label: self._key(k))
            grid.addWidget(key, i // 3, i % 3)
            self.keys.append(key)
        col.addLayout(grid)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("pinCancel")
        self.cancel_button.setMinimumHeight(56)
        self.cancel_button.clicked.connect(self.cancel)
        col.addWidget(self.cancel_button)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addStretch(1)
        self.setStyleSheet(
            f"QWidget#pinPanel {{ background: {RAISED}; border: 1px solid {GOLD};"
            " border-radius: 14px; }"
            f"QLabel#pinTitle {{ color: {PARCHMENT}; font-size: 26px; }}"
            f"QLabel#pinDots {{ color: {GOLD}; font-size: 34px; min-height: 44px; }}"
            f"QLabel#pinMessage {{ color: {PARCHMENT}; font-size: 19px; min-height: 50px; }}"
            f"QPushButton#pinKey {{ background: #1d1b16; color: {PARCHMENT}; font-size: 28px;"
            f" border: 1px solid {LINE}; border-radius: 10px; }}"
            f"QPushButton#pinKey:pressed {{ background: {LAPIS}; }}"
            "QPushButton#pinKey:disabled { color: #5a5346; }"
            f"QPushButton#pinCancel {{ background: transparent; color: {PARCHMENT};"
            f" font-size: 20px; border: 1px solid {LINE}; border-radius: 10px; }}"
            f"QPushButton#pinKey:focus, QPushButton#pinCancel:focus {{ border: 2px solid {GOLD}; }}"
        )
        self._check: Callable[[str], None] | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(tr("Kiosk", "Staff only: enter the PIN"))
        self.cancel_button.setText(tr("Kiosk", "Cancel"))
        self.cancel_button.setAccessibleName(tr("Kiosk", "Cancel"))
        names = {"⌫": tr("Kiosk", "Delete the last digit"), "OK": tr("Kiosk", "Confirm")}
        for key in self.keys:
            key.setAccessibleName(names.get(key.text(), key.text()))
        self._show_dots()

    def ask(self, message: str = "") -> None:
        self.digits = ""
        self.message.setText(message)
        self._show_dots()
        self.open()
        self.idle.start()
        self.keys[10].setFocus()

    def cancel(self) -> None:
        self.digits = ""
        self.wait_timer.stop()
        self.hide()
        self.cancelled.emit()

    def show_locked(self, wait_seconds: float) -> None:
        """Still in the delay after earlier wrong PINs: hold the keys for the rest of it."""
        self.show_wrong(wait_seconds, wrong=False)

    def show_wrong(self, wait_seconds: float, *, wrong: bool = True) -> None:
        """A wrong PIN: clear the digits and, if a delay applies, hold the keys for it."""
        self._wrong = wrong
        self.digits = ""
        self._show_dots()
        self._wait_left = int(wait_seconds + 0.999)
        if self._wait_left > 0:
            self._set_keys_enabled(False)
            self.wait_timer.start()
        self._wait_tick(initial=True)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def _wait_tick(self, initial: bool = False) -> None:
        if not initial:
            self._wait_left -= 1
        if self._wait_left > 0:
            text = (
                tr("Kiosk", "Wrong PIN. Try again in %1 s")
                if self._wrong
                else tr("Kiosk", "Please wait %1 s before the next try")
            )
            self.message.setText(text.replace("%1", QLocale().toString(self._wait_left)))
        else:
            self.wait_timer.stop()
            self._set_keys_enabled(True)
            self.message.setText(tr("Kiosk", "Wrong PIN. Try again.") if self._wrong else "")

    def _set_keys_enabled(self, enabled: bool) -> None:
        for key in self.keys:
            key.setEnabled(enabled)

    def _key(self, label: str) -> None:
        self.idle.start()
        if label == "⌫":
            self.digits = self.digits[:-1]
        elif label == "OK":
            if self.digits:
                self.entered.emit(self.digits)
            return
        elif len(self.digits) < 12:
            self.digits += label
        self._show_dots()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        text = event.text()
        if text.isdigit() and text.isascii():
            self._key(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self._key("⌫")
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._key("OK")
        else:
            super().keyPressEvent(event)

    def _show_dots(self) -> None:
        self.dots.setText("●" * len(self.digits) if self.digits else "–")
        self.dots.setAccessibleName(
            tr("Kiosk", "Digits entered: %1").replace("%1", QLocale().toString(len(self.digits)))
        )
