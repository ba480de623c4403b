"""The kiosk's on-screen keyboard, clicked key by key into a real QLineEdit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from exhibition_app.core.keyboard_layouts import LAYOUT_LABELS, LAYOUTS
from exhibition_app.ui.app import make_app
from exhibition_app.ui.fonts import load_fonts
from exhibition_app.ui.kiosk.keyboard import OnScreenKeyboard

SHOTS = Path(__file__).resolve().parents[2] / "shots"
KIOSK_WIDTH = 1200


@pytest.fixture
def kiosk(qtbot):  # type: ignore[no-untyped-def]
    """A search field over the keyboard, as wide as a kiosk screen."""
    app = make_app()
    load_fonts(app, None)
    host = QWidget()
    host.setObjectName("page")
    column = QVBoxLayout(host)
    column.setContentsMargins(0, 0, 0, 0)
    field = QLineEdit(host)
    column.addWidget(field)
    keyboard = OnScreenKeyboard(host)
    column.addWidget(keyboard)
    keyboard.set_target(field)
    qtbot.addWidget(host)
    host.resize(KIOSK_WIDTH, 500)
    host.show()
    qtbot.waitExposed(host)
    field.setFocus()
    yield keyboard, field
    del host  # held until the test ends: qtbot keeps only a weak reference


def type_text(qtbot, keyboard: OnScreenKeyboard, text: str) -> None:  # type: ignore[no-untyped-def]
    for letter in text:
        key = keyboard.space_key if letter == " " else keyboard.key_for(letter)
        assert key is not None, f"no key for {letter!r} in {keyboard.layout_code}"
        qtbot.mouseClick(key, Qt.MouseButton.LeftButton)


def test_typing_a_kazakh_phrase_by_touch(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    keyboard, field = kiosk
    keyboard.set_layout("kk")
    changes: list[str] = []
    field.textChanged.connect(changes.append)
    type_text(qtbot, keyboard, "қазақ әуені")
    assert field.text() == "қазақ әуені"
    assert changes[-1] == "қазақ әуені" and len(changes) == len("қазақ әуені")
    type_text(qtbot, keyboard, " әіңғүұқөһ")
    assert field.text() == "қазақ әуені әіңғүұқөһ"


def test_keys_type_at_the_cursor_and_keep_the_fields_focus(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    keyboard, field = kiosk
    keyboard.set_layout("ru")
    field.setText("мск")
    field.setCursorPosition(1)
    type_text(qtbot, keyboard, "о")
    assert field.text() == "моск"
    assert field.cursorPosition() == 2
    assert field.hasFocus()
    assert all(key.focusPolicy() == Qt.FocusPolicy.NoFocus for key in keyboard.all_keys())


def test_backspace_and_clear(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    keyboard, field = kiosk
    keyboard.set_layout("mn")
    type_text(qtbot, keyboard, "өргөө")
    qtbot.mouseClick(keyboard.backspace_key, Qt.MouseButton.LeftButton)
    assert field.text() == "өргө"
    assert keyboard.backspace_key.autoRepeat()
    qtbot.mouseClick(keyboard.clear_key, Qt.MouseButton.LeftButton)
    assert field.text() == ""
    qtbot.mouseClick(keyboard.backspace_key, Qt.MouseButton.LeftButton)
    assert field.text() == ""


def test_switching_layouts_changes_the_keys(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    keyboard, field = kiosk
    seen: list[str] = []
    keyboard.layout_changed.connect(seen.append)
    for code in LAYOUTS:
        qtbot.mouseClick(keyboard.layout_buttons[code], Qt.MouseButton.LeftButton)
        assert keyboard.layout_code == code
        assert [k.text() for k in keyboard.letter_keys()] == [
            key for row in LAYOUTS[code] for key in row
        ]
        checked = [c for c, b in keyboard.layout_buttons.items() if b.isChecked()]
        assert checked == [code]
        # The current layout is marked by weight and an underline, not by colour alone.
        font = keyboard.layout_buttons[code].font()
        assert keyboard.layout_buttons[code].text() == LAYOUT_LABELS[code]
        assert font.bold() and font.underline()
        other = next(b for c, b in keyboard.layout_buttons.items() if c != code)
        assert not other.font().bold() and not other.font().underline()
    assert seen == ["kk", "ru", "mn", "latin"]  # it opened on latin, the default
    type_text(qtbot, keyboard, "samarkand")
    assert field.text() == "samarkand"
    with pytest.raises(ValueError):
        keyboard.set_layout("de")


@pytest.mark.parametrize("code", list(LAYOUTS))
def test_every_key_is_big_named_and_inside_the_keyboard(qtbot, kiosk, code: str) -> None:  # type: ignore[no-untyped-def]
    keyboard, _field = kiosk
    keyboard.set_layout(code)
    qtbot.wait(10)
    bounds = keyboard.rect()
    rects = []
    for key in keyboard.all_keys():
        assert key.isVisible()
        assert key.width() >= 64 and key.height() >= 64, key.accessibleName()
        assert key.accessibleName().strip()
        rect = key.rect().translated(key.mapTo(keyboard, key.rect().topLeft()))
        assert bounds.contains(rect), key.accessibleName()
        rects.append(rect)
    # No two keys overlap or touch: 8 px apart at least.
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.adjusted(-7, -7, 7, 7).intersects(b)
    for key in keyboard.letter_keys():
        assert key.accessibleName() == key.text()
        assert 24 <= key.fontInfo().pixelSize() <= 28
    names = {key.accessibleName() for key in keyboard.all_keys()}
    assert {"Space", "Backspace", "Clear", "Done", "Keyboard layout: Kazakh"} <= names


def test_letter_rows_share_a_key_width_and_are_centred(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    keyboard, _field = kiosk
    keyboard.set_layout("kk")
    qtbot.wait(10)
    keys = keyboard.letter_keys()
    assert len({k.width() for k in keys}) == 1
    centres = {}
    for key in keys:
        centres.setdefault(key.y(), []).append(key.geometry().center().x())
    middles = [(row[0] + row[-1]) / 2 for row in centres.values()]
    assert max(middles) - min(middles) <= 1
    assert len(centres) == len(LAYOUTS["kk"])


def test_done_and_typed_signals(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    keyboard, _field = kiosk
    typed: list[bool] = []
    keyboard.typed.connect(lambda: typed.append(True))
    keys = [keyboard.letter_keys()[0], keyboard.space_key, keyboard.backspace_key]
    keys += [keyboard.clear_key, keyboard.layout_buttons["ru"]]
    for key in keys:
        qtbot.mouseClick(key, Qt.MouseButton.LeftButton)
    assert len(typed) == len(keys)
    with qtbot.waitSignal(keyboard.done, timeout=1000):
        qtbot.mouseClick(keyboard.done_key, Qt.MouseButton.LeftButton)
    assert len(typed) == len(keys) + 1


def test_without_a_target_keys_only_report_activity(qtbot) -> None:  # type: ignore[no-untyped-def]
    keyboard = OnScreenKeyboard()
    qtbot.addWidget(keyboard)
    field = QLineEdit()
    keyboard.set_target(field)
    field.deleteLater()
    qtbot.waitUntil(lambda: keyboard.target is None, timeout=1000)
    with qtbot.waitSignal(keyboard.typed, timeout=1000):
        keyboard.letter_keys()[0].click()


def test_retranslate_reapplies_the_names(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    keyboard, _field = kiosk
    keyboard.done_key.setAccessibleName("")
    keyboard.layout_buttons["mn"].setAccessibleName("")
    keyboard.retranslate()
    assert keyboard.done_key.accessibleName() == "Done"
    assert keyboard.layout_buttons["mn"].accessibleName() == "Keyboard layout: Mongolian"


@pytest.mark.parametrize("code", list(LAYOUTS))
def test_screenshot_each_layout(qtbot, kiosk, code: str) -> None:  # type: ignore[no-untyped-def]
    keyboard, field = kiosk
    keyboard.set_layout(code)
    samples = {"kk": "қазақ", "ru": "самарканд", "mn": "өргөө", "latin": "golden man"}
    type_text(qtbot, keyboard, samples[code])
    assert field.text() == samples[code]
    qtbot.wait(10)
    SHOTS.mkdir(exist_ok=True)
    assert keyboard.grab().save(str(SHOTS / f"keyboard_{code}.png"))
