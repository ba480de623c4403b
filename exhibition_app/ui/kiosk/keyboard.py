"""The kiosk's on-screen keyboard: Kazakh, Russian, Mongolian Cyrillic and Latin letters.

Keys never take the focus, so the search field keeps its cursor and selection; every key edits
the target through QLineEdit's own editing calls (insert, backspace, clear), so the field
emits textChanged exactly as it does for a hardware keyboard. Letters are lowercase: search
is case-insensitive, so there is no shift key.

    keyboard = OnScreenKeyboard()
    keyboard.set_target(search_field)
    keyboard.set_layout(layout_for_language(language.code))
    keyboard.typed.connect(idle_timer.restart)   # every key, layout switches included
    keyboard.done.connect(hide_keyboard)

The letter rows share one key width (computed from the keyboard's width, 64 px at least) and
are centred under each other like a hardware keyboard; the keyboard's height follows the
layout's number of rows (the Kazakh layout has one more).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from exhibition_app.core.keyboard_layouts import (
    DEFAULT_LAYOUT,
    LAYOUT_LABELS,
    LAYOUTS,
    MAX_ROW_KEYS,
    MAX_ROWS,
)
from exhibition_app.ui.i18n import tr
from exhibition_app.ui.theme import (
    GOLD,
    LAPIS,
    LINE,
    MUTED,
    NIGHT,
    PANEL,
    PARCHMENT,
    RAISED,
    SANS,
    TURQUOISE,
)

KEY_MIN = 64  # a key is never smaller than this (DESIGN.md asks for 48)
KEY_MAX_WIDTH = 104  # wider screens centre the keyboard instead of stretching the keys
KEY_HEIGHT = 72
GAP = 8  # between keys, rows and groups
MARGIN = 16

STYLE_TEMPLATE = """
QWidget#onScreenKeyboard {{ background: {PANEL}; border-top: 1px solid {LINE}; }}
QPushButton#kbKey, QPushButton#kbSpace, QPushButton#kbBackspace, QPushButton#kbClear,
QPushButton#kbDone {{
    background: {RAISED}; color: {PARCHMENT}; border: 1px solid {LINE}; border-radius: 10px;
    font-family: "{SANS}"; font-size: {small}px; padding: 0px 20px;
}}
QPushButton#kbKey {{ font-size: {big}px; padding: 0px; }}
QPushButton#kbDone {{ color: {TURQUOISE}; border: 2px solid {TURQUOISE}; font-weight: bold; }}
QPushButton#kbKey:pressed, QPushButton#kbSpace:pressed, QPushButton#kbBackspace:pressed,
QPushButton#kbClear:pressed {{ background: {LAPIS}; border-color: {LAPIS}; color: #ffffff; }}
QPushButton#kbDone:pressed {{ background: {LAPIS}; color: #ffffff; }}
QFrame#kbLayoutGroup {{ background: {NIGHT}; border: 1px solid {LINE}; border-radius: 14px; }}
QPushButton#kbLayout {{
    background: transparent; color: {MUTED}; border: 2px solid transparent; border-radius: 10px;
    padding: 0px 10px;
}}
QPushButton#kbLayout:checked {{ background: {RAISED}; color: {PARCHMENT}; border-color: {GOLD}; }}
QPushButton#kbLayout:pressed {{ background: {LAPIS}; color: #ffffff; }}
"""


def keyboard_style(scale: float = 1.0) -> str:
    return STYLE_TEMPLATE.format(
        PANEL=PANEL,
        LINE=LINE,
        RAISED=RAISED,
        PARCHMENT=PARCHMENT,
        SANS=SANS,
        TURQUOISE=TURQUOISE,
        LAPIS=LAPIS,
        NIGHT=NIGHT,
        MUTED=MUTED,
        GOLD=GOLD,
        small=round(20 * scale),
        big=round(27 * scale),
    )


STYLE = keyboard_style()


def _layout_name(code: str) -> str:
    """The accessible name of a layout switch (literal calls, so the strings are extracted)."""
    names = {
        "kk": tr("Keyboard", "Keyboard layout: Kazakh"),
        "ru": tr("Keyboard", "Keyboard layout: Russian"),
        "mn": tr("Keyboard", "Keyboard layout: Mongolian"),
        "latin": tr("Keyboard", "Keyboard layout: Latin"),
    }
    return names[code]


def _switch_font(*, current: bool, scale: float = 1.0) -> QFont:
    """The current layout's switch is bold and underlined: marked by more than its colour."""
    font = QFont(SANS)
    font.setPixelSize(round(20 * scale))
    font.setBold(current)
    font.setUnderline(current)
    return font


class _Key(QPushButton):
    """A touch key: never takes the focus, never smaller than KEY_MIN."""

    def __init__(self, text: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumSize(KEY_MIN, KEY_MIN)


class _GlyphKey(_Key):
    """A key whose symbol is drawn, not typeset: no font on a kiosk has to carry ⌫ or ⎵."""

    def __init__(self, glyph: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__("", name, parent)
        self._glyph = glyph

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = QRectF(self.rect()).center()
        colour = QColor("#ffffff" if self.isDown() else PARCHMENT)
        pen = QPen(colour, 2.4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if self._glyph == "backspace":
            # ⌫: a tag pointing left with a cross in it.
            w, h = 38.0, 26.0
            left, top = c.x() - w / 2, c.y() - h / 2
            tag = QPainterPath(QPointF(left, c.y()))
            tag.lineTo(left + 11, top)
            tag.lineTo(left + w - 4, top)
            tag.quadTo(left + w, top, left + w, top + 4)
            tag.lineTo(left + w, top + h - 4)
            tag.quadTo(left + w, top + h, left + w - 4, top + h)
            tag.lineTo(left + 11, top + h)
            tag.closeSubpath()
            p.drawPath(tag)
            x0, r = left + 15 + (w - 15) / 2 - 1, 5.5
            p.drawLine(QPointF(x0 - r, c.y() - r), QPointF(x0 + r, c.y() + r))
            p.drawLine(QPointF(x0 - r, c.y() + r), QPointF(x0 + r, c.y() - r))
        else:
            # ⎵: the open box of a space.
            pen.setColor(QColor("#ffffff" if self.isDown() else MUTED))
            p.setPen(pen)
            w = min(96.0, self.width() * 0.4)
            y = c.y() + 6
            path = QPainterPath(QPointF(c.x() - w / 2, y - 9))
            path.lineTo(c.x() - w / 2, y)
            path.lineTo(c.x() + w / 2, y)
            path.lineTo(c.x() + w / 2, y - 9)
            p.drawPath(path)
        p.end()


class _LetterGrid(QWidget):
    """The letter rows: one key width for every row, shorter rows centred (half-key steps)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[list[_Key]] = []
        self.scale = 1.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _px(self, value: int) -> int:
        return round(value * self.scale)

    def set_rows(self, rows: list[list[_Key]]) -> None:
        self.rows = rows
        self.updateGeometry()
        self._place()

    def _height(self) -> int:
        n = len(self.rows)
        return n * self._px(KEY_HEIGHT) + max(0, n - 1) * self._px(GAP)

    def sizeHint(self) -> QSize:
        gaps = (MAX_ROW_KEYS - 1) * self._px(GAP)
        return QSize(MAX_ROW_KEYS * self._px(90) + gaps, self._height())

    def minimumSizeHint(self) -> QSize:
        gaps = (MAX_ROW_KEYS - 1) * self._px(GAP)
        return QSize(MAX_ROW_KEYS * self._px(KEY_MIN) + gaps, self._height())

    def key_width(self) -> int:
        fit = (self.width() - (MAX_ROW_KEYS - 1) * self._px(GAP)) // MAX_ROW_KEYS
        return max(self._px(KEY_MIN), min(self._px(KEY_MAX_WIDTH), fit))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        kw, kh, gap = self.key_width(), self._px(KEY_HEIGHT), self._px(GAP)
        step = kw + gap
        full = MAX_ROW_KEYS * step - gap
        x0 = (self.width() - full) / 2
        for r, row in enumerate(self.rows):
            start = x0 + (MAX_ROW_KEYS - len(row)) * step / 2
            y = r * (kh + gap)
            for i, key in enumerate(row):
                key.setMinimumSize(self._px(KEY_MIN), self._px(KEY_MIN))
                key.setGeometry(QRect(round(start + i * step), y, kw, kh))


class OnScreenKeyboard(QWidget):
    """A touch keyboard that types into one QLineEdit (see the module docstring)."""

    done = Signal()  # the visitor pressed Done: hide the keyboard
    typed = Signal()  # any key at all (the idle timer restarts)
    layout_changed = Signal(str)  # the new layout code, from a switch or set_layout

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._target: QLineEdit | None = None
        self._layout = ""

        outer = QHBoxLayout(self)
        outer.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        outer.setSpacing(0)
        # The body stops growing where the keys stop growing, so the bottom row stays
        # exactly as wide as the letter rows above it; wider screens centre it.
        body = QWidget(self)
        body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        body.setMaximumWidth(MAX_ROW_KEYS * (KEY_MAX_WIDTH + GAP) - GAP)
        self._body, self._outer, self._column = body, outer, None
        outer.addStretch(0)
        outer.addWidget(body, 1)
        outer.addStretch(0)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(GAP)
        self._column = column

        self._grid = _LetterGrid(body)
        column.addWidget(self._grid)

        bottom = QHBoxLayout()
        bottom.setSpacing(GAP)
        column.addLayout(bottom)

        group_frame = QFrame(body)
        group_frame.setObjectName("kbLayoutGroup")
        group_frame.setFixedHeight(KEY_HEIGHT)
        self._group_frame, self._bottom = group_frame, bottom
        group_row = QHBoxLayout(group_frame)
        group_row.setContentsMargins(3, 3, 3, 3)
        group_row.setSpacing(GAP)
        self._switches = QButtonGroup(self)
        self._switches.setExclusive(True)
        self.layout_buttons: dict[str, QPushButton] = {}
        for code in LAYOUTS:
            button = _Key(LAYOUT_LABELS[code], "kbLayout", group_frame)
            button.setCheckable(True)
            button.setMinimumSize(84, KEY_HEIGHT - 6)
            button.clicked.connect(partial(self._switch_pressed, code))
            self._switches.addButton(button)
            group_row.addWidget(button)
            self.layout_buttons[code] = button
        bottom.addWidget(group_frame)

        self.space_key = _GlyphKey("space", "kbSpace", body)
        self.space_key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.space_key.setMinimumWidth(2 * KEY_MIN)
        self.space_key.clicked.connect(partial(self._insert, " "))
        self.backspace_key = _GlyphKey("backspace", "kbBackspace", body)
        self.backspace_key.setMinimumWidth(KEY_MIN + KEY_MIN // 2)
        self.backspace_key.setAutoRepeat(True)
        self.backspace_key.setAutoRepeatDelay(450)
        self.backspace_key.setAutoRepeatInterval(70)
        self.backspace_key.clicked.connect(self._backspace)
        self.clear_key = _Key("", "kbClear", body)
        self.clear_key.clicked.connect(self._clear)
        self.done_key = _Key("", "kbDone", body)
        self.done_key.clicked.connect(self._done)
        for key in (self.space_key, self.backspace_key, self.clear_key, self.done_key):
            key.setFixedHeight(KEY_HEIGHT)
            bottom.addWidget(key)

        self.scale = 1.0
        self.retranslate()
        self.set_layout(DEFAULT_LAYOUT)

    def set_scale(self, scale: float) -> None:
        """Keys, gaps and type at ``scale`` (the kiosk's screen shape: 2.0 on a 4K screen)."""
        if scale == self.scale:
            return
        self.scale = scale

        def px(value: int) -> int:
            return round(value * scale)

        self.setStyleSheet(keyboard_style(scale))
        self._outer.setContentsMargins(px(MARGIN), px(MARGIN), px(MARGIN), px(MARGIN))
        self._body.setMaximumWidth(MAX_ROW_KEYS * (px(KEY_MAX_WIDTH) + px(GAP)) - px(GAP))
        if self._column is not None:
            self._column.setSpacing(px(GAP))
        self._bottom.setSpacing(px(GAP))
        self._group_frame.setFixedHeight(px(KEY_HEIGHT))
        for button in self.layout_buttons.values():
            button.setMinimumSize(px(84), px(KEY_HEIGHT - 6))
            button.setFont(_switch_font(current=button.isChecked(), scale=scale))
        self.space_key.setMinimumWidth(2 * px(KEY_MIN))
        self.backspace_key.setMinimumWidth(px(KEY_MIN + KEY_MIN // 2))
        for key in (self.space_key, self.backspace_key, self.clear_key, self.done_key):
            key.setMinimumHeight(px(KEY_MIN))
            key.setFixedHeight(px(KEY_HEIGHT))
        self._grid.scale = scale
        self._grid.updateGeometry()
        self._grid.set_rows(self._grid.rows)
        self.retranslate()
        self.updateGeometry()

    # -- public API --------------------------------------------------------------------------

    @property
    def layout_code(self) -> str:
        """The current layout: a key of core.keyboard_layouts.LAYOUTS."""
        return self._layout

    @property
    def target(self) -> QLineEdit | None:
        return self._target

    def set_target(self, line_edit: QLineEdit | None) -> None:
        """Type into ``line_edit`` from now on (None: keys only emit ``typed``)."""
        if self._target is line_edit:
            return
        if self._target is not None:
            self._target.destroyed.disconnect(self._target_destroyed)
        self._target = line_edit
        if line_edit is not None:
            line_edit.destroyed.connect(self._target_destroyed)

    def set_layout(self, code: str) -> None:
        """Show layout ``code`` ("kk", "ru", "mn" or "latin"); ValueError for another."""
        if code not in LAYOUTS:
            raise ValueError(f"unknown keyboard layout '{code}': use one of {', '.join(LAYOUTS)}")
        for other, button in self.layout_buttons.items():
            button.setChecked(other == code)
            button.setFont(_switch_font(current=other == code, scale=getattr(self, "scale", 1.0)))
        if code == self._layout:
            return
        for row in self._grid.rows:
            for key in row:
                key.hide()
                key.deleteLater()
        rows: list[list[_Key]] = []
        for letters in LAYOUTS[code]:
            row = []
            for letter in letters:
                key = _Key(letter, "kbKey", self._grid)
                key.setAccessibleName(letter)
                key.clicked.connect(partial(self._insert, letter))
                key.show()
                row.append(key)
            rows.append(row)
        assert len(rows) <= MAX_ROWS
        self._layout = code
        self._grid.set_rows(rows)
        self.layout_changed.emit(code)

    def letter_keys(self) -> list[QPushButton]:
        """The current layout's letter keys, row by row."""
        return [key for row in self._grid.rows for key in row]

    def key_for(self, letter: str) -> QPushButton | None:
        """The current layout's key for ``letter``, if it has one."""
        return next((k for k in self.letter_keys() if k.text() == letter), None)

    def all_keys(self) -> list[QPushButton]:
        """Every key: letters, layout switches, space, backspace, clear and done."""
        return [
            *self.letter_keys(),
            *self.layout_buttons.values(),
            self.space_key,
            self.backspace_key,
            self.clear_key,
            self.done_key,
        ]

    def retranslate(self) -> None:
        """Re-apply the translated texts and accessible names (after a language change)."""
        self.setAccessibleName(tr("Keyboard", "On-screen keyboard"))
        self.space_key.setAccessibleName(tr("Keyboard", "Space"))
        self.backspace_key.setAccessibleName(tr("Keyboard", "Backspace"))
        self.clear_key.setText(tr("Keyboard", "Clear"))
        self.clear_key.setAccessibleName(tr("Keyboard", "Clear"))
        self.done_key.setText(tr("Keyboard", "Done"))
        self.done_key.setAccessibleName(tr("Keyboard", "Done"))
        # A word never gets clipped, whatever the language makes of it.
        s = getattr(self, "scale", 1.0)
        for key, least in ((self.clear_key, KEY_MIN), (self.done_key, 2 * KEY_MIN)):
            least = round(least * s)
            key.ensurePolished()
            key.setMinimumWidth(max(least, key.sizeHint().width()))
        for code, button in self.layout_buttons.items():
            button.setAccessibleName(_layout_name(code))

    # -- events ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _target_destroyed(self) -> None:
        self._target = None

    def _insert(self, text: str, _checked: bool = False) -> None:
        if self._target is not None:
            self._target.insert(text)
        self.typed.emit()

    def _backspace(self) -> None:
        if self._target is not None:
            self._target.backspace()
        self.typed.emit()

    def _clear(self) -> None:
        if self._target is not None:
            self._target.clear()
        self.typed.emit()

    def _done(self) -> None:
        self.typed.emit()
        self.done.emit()

    def _switch_pressed(self, code: str, _checked: bool = False) -> None:
        self.set_layout(code)
        self.typed.emit()
