"""The visitor kiosk, rendered offscreen with real widgets on a real catalogue: lockdown,
idle countdown and reset, attract loop, filters, keyboard, language, PIN exit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from exhibition_app.catalog import Catalog
from exhibition_app.core.filters import Filters
from exhibition_app.ui.app import make_app
from exhibition_app.ui.fonts import load_fonts
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.kiosk.window import KioskOptions, KioskWindow

SHOTS = Path(__file__).resolve().parents[2] / "shots"


@pytest.fixture
def kiosk_for(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    made: list[KioskWindow] = []

    def make(catalog: Catalog, **options: object) -> KioskWindow:
        app = make_app()
        load_fonts(app, catalog.assets)
        opts = KioskOptions(full_screen=False, station="test-kiosk", pin_file=tmp_path / "pin.json")
        for key, value in options.items():
            setattr(opts, key, value)
        language = Language(opts.lang)
        win = KioskWindow(lambda: catalog, language, opts)
        win.resize(1600, 1000)
        qtbot.addWidget(win)
        win.show_kiosk()
        qtbot.waitUntil(win.is_settled, timeout=20000)
        made.append(win)
        return win

    yield make
    for win in made:
        win.unlock()  # the only way a kiosk closes
        win.language.set("en")


def press(widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key press delivered the way Qt delivers real ones (through the app's filters)."""
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def enter_gallery(win: KioskWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    if win.attract.isVisible():
        # A tap opens the language the loop shows: let it show the kiosk's own language.
        win.attract.lang_index = ["en", "kk", "ru", "mn"].index(win.language.code)
        qtbot.mouseClick(win.attract, Qt.MouseButton.LeftButton)
    assert not win.attract.isVisible()
    qtbot.waitUntil(win.is_settled, timeout=20000)


def test_starts_on_the_attract_loop_of_featured_items(kiosk_for, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = kiosk_for(sample_catalog)
    assert win.attract.isVisible()
    featured = [c.id for c in win.model.gallery.items.values() if c.featured]
    assert [c.id for c in win.attract.cards] == featured
    assert not win.idle.timer.isActive()  # nobody to wait for during the loop
    SHOTS.mkdir(exist_ok=True)
    win.grab().save(str(SHOTS / "kiosk_attract_en.png"))
    enter_gallery(win, qtbot)
    assert win.idle.timer.isActive()


def test_keys_and_close_requests_do_not_leave_the_kiosk(kiosk_for, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = kiosk_for(sample_catalog)
    enter_gallery(win, qtbot)
    win.open_item(win.model.ids()[0])
    alt, ctrl = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
    for key, mods in (
        (Qt.Key.Key_F4, alt),
        (Qt.Key.Key_Q, ctrl),
        (Qt.Key.Key_W, ctrl),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    ):
        press(win.view, key, mods)
        assert win.isVisible()
    assert win.key_lock.swallowed == 4
    event = QCloseEvent()
    QApplication.sendEvent(win, event)
    assert not event.isAccepted()
    assert not win.close()  # the window manager's close request too
    assert win.isVisible()
    # Escape is "back", one level, never out: the item page closes, the kiosk stays.
    assert win.stack.currentWidget() is win.item_page
    press(win.item_page, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: win.stack.currentIndex() == 0, timeout=2000)
    assert win.isVisible()


def test_idle_countdown_then_reset_forgets_the_visit(kiosk_for, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = kiosk_for(sample_catalog, idle_s=0.3, countdown_s=1, lang="en")
    enter_gallery(win, qtbot)
    # A visit: Kazakh, a filter, a search, an item open, larger text.
    win.lang_buttons["kk"].click()
    win.filter_bar.chip("kinds", "map").click()
    win.search.setText("қазақ")
    win.access_button.click()
    win.open_item(win.model.ids()[0])
    qtbot.waitUntil(win.countdown.isVisible, timeout=5000)
    SHOTS.mkdir(exist_ok=True)
    win.grab().save(str(SHOTS / "kiosk_countdown_kk.png"))
    qtbot.waitUntil(win.attract.isVisible, timeout=5000)
    assert win.language.code == "en"
    assert win.search.text() == ""
    assert win.filter_bar.filters == Filters()
    assert win.stack.currentIndex() == 0
    assert not win.accessible_mode
    assert win.model.ids() == list(win.model.gallery.exhibitions[0].item_ids)


def test_a_touch_during_the_countdown_keeps_the_visit(kiosk_for, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = kiosk_for(sample_catalog, idle_s=0.3, countdown_s=3)
    enter_gallery(win, qtbot)
    item = win.model.ids()[1]
    win.open_item(item)
    qtbot.waitUntil(win.countdown.isVisible, timeout=5000)
    qtbot.mouseClick(win.countdown, Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    assert not win.countdown.isVisible()
    assert win.item_page.card.id == item
    assert win.idle.timer.isActive()


def test_language_switch_keeps_the_place(kiosk_for, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = kiosk_for(sample_catalog)
    enter_gallery(win, qtbot)
    ex = win.model.gallery.exhibitions[0]
    win.nav.setCurrentRow(3)  # a section
    section_ids = win.model.ids()
    win.open_item(section_ids[1])
    for code in ("kk", "ru", "mn", "en"):
        win.lang_buttons[code].click()
        assert win.language.code == code
        assert win.stack.currentWidget() is win.item_page
        assert win.item_page.card.id == section_ids[1]
        assert win.model.ids() == section_ids
        title = win.item_page.card.text("title").get(code)
        if title:
            assert win.item_page.title.text() == title
    assert ex.title["en"] == win.brand.text()


def test_swipe_and_arrows_step_through_the_gallery(kiosk_for, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = kiosk_for(sample_catalog)
    enter_gallery(win, qtbot)
    ids = win.model.ids()
    win.open_item(ids[1])
    page = win.item_page
    page.next_button.click()
    assert page.card.id == ids[2]
    page.prev_button.click()
    assert page.card.id == ids[1]
    # A swipe to the left on the picture: the next item.
    target = page.visual.currentWidget()
    if target is page.image:
        start = QPoint(target.width() - 60, target.height() // 2)
        qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=start - QPoint(300, 10))
        assert page.card.id == ids[2]
    win.open_item(ids[0])
    assert not page.prev_button.isEnabled()


def test_filter_chips_narrow_and_clear(kiosk_for, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = kiosk_for(sample_catalog)
    enter_gallery(win, qtbot)
    win.nav.setCurrentRow(0)  # all items
    everything = win.model.ids()
    win.filter_bar.chip("kinds", "map").click()
    maps = win.model.ids()
    assert maps and all(win.model.card(i).kind == "map" for i in maps)
    assert win.filter_bar.chip("kinds", "map").text().startswith("✓")  # not colour alone
    win.filter_bar.chip("periods", "before-1500").click()
    early = win.model.ids()
    assert early and set(early) < set(maps)
    assert all(win.model.card(i).date_earliest < 1500 for i in early)
    win.filter_bar.clear_button.click()
    assert win.model.ids() == everything


def test_on_screen_keyboard_searches_in_kazakh(kiosk_for, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = kiosk_for(sample_catalog, lang="kk")
    enter_gallery(win, qtbot)
    qtbot.mouseClick(win.search, Qt.MouseButton.LeftButton)
    assert win.keyboard.isVisible()
    assert win.keyboard.layout_code == "kk"
    for letter in "қазақ":
        qtbot.mouseClick(win.keyboard.key_for(letter), Qt.MouseButton.LeftButton)
    assert win.search.text() == "қазақ"
    qtbot.waitUntil(lambda: "қазақ" in win.section_title.text(), timeout=5000)
    assert win.model.rowCount() > 0
    SHOTS.mkdir(exist_ok=True)
    win.grab().save(str(SHOTS / "kiosk_keyboard_kk.png"))
    qtbot.mouseClick(win.keyboard.done_key, Qt.MouseButton.LeftButton)
    assert not win.keyboard.isVisible()


def test_touch_targets_are_large_and_named(kiosk_for, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton

    win = kiosk_for(sample_catalog)
    enter_gallery(win, qtbot)
    win.open_item(win.model.ids()[0])
    qtbot.waitUntil(win.is_settled, timeout=20000)
    small, unnamed = [], []
    for button in win.findChildren(QAbstractButton):
        if not button.isVisibleTo(win) or not button.isVisible():
            continue
        if button.width() < 48 or button.height() < 48:
            small.append((button.objectName(), button.text(), button.size().toTuple()))
        if not button.accessibleName():
            unnamed.append((button.objectName(), button.text()))
    assert small == []
    assert unnamed == []


def test_a_visit_is_counted_anonymously(kiosk_for, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.operations.stats import summarize

    win = kiosk_for(sample_catalog, idle_s=3600)
    enter_gallery(win, qtbot)
    first, second = win.model.ids()[:2]
    win.open_item(first)
    qtbot.wait(120)
    win.open_item(second)  # leaving the first records it with its dwell time
    win.lang_buttons["mn"].click()
    win.search.setText("zzzqqq")  # nothing matches
    qtbot.waitUntil(lambda: win.model.rowCount() == 0, timeout=5000)
    win._search_settle.setInterval(10)
    win._search_settle.start()
    qtbot.wait(50)
    win.reset()
    qtbot.waitUntil(lambda: win.tasks.pending == 0, timeout=5000)
    with sample_catalog.read_session() as session:
        summary = summarize(session)
    assert summary["stations"] == ["test-kiosk"]
    opened = {row["id"]: row for row in summary["items"]}
    assert set(opened) == {first, second}
    assert opened[first]["dwell_seconds_total"] >= 0.1
    assert summary["searches_without_result"] == [{"query": "zzzqqq", "count": 1}]
    assert summary["languages"] == {"mn": 1}  # the reset back to English is not a choice
    assert summary["resets"] == 1


def test_a_tap_on_a_tile_opens_it_despite_kinetic_scrolling(
    kiosk_for, sample_catalog, qtbot
) -> None:  # type: ignore[no-untyped-def]
    win = kiosk_for(sample_catalog)
    enter_gallery(win, qtbot)
    rect = win.view.visualRect(win.model.index(2))
    qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: win.stack.currentIndex() == 1, timeout=3000)
    assert win.item_page.card.id == win.model.ids()[2]


def test_keyboard_only_visit(kiosk_for, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = kiosk_for(sample_catalog)
    press(win.attract, Qt.Key.Key_Space)  # any key ends the attract loop
    assert not win.attract.isVisible()
    win.view.setFocus()
    press(win.view, Qt.Key.Key_Right)
    press(win.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentIndex() == 1, timeout=3000)
    opened = win.item_page.card.id
    assert opened == win.model.ids()[1]
    press(win.item_page, Qt.Key.Key_PageDown)
    assert win.item_page.card.id == win.model.ids()[2]
    press(win.item_page, Qt.Key.Key_Escape)  # back to the gallery, still in the kiosk
    qtbot.waitUntil(lambda: win.stack.currentIndex() == 0, timeout=3000)
    # Every header control is reachable with Tab and has a name a screen reader can say.
    chain, widget = [], win.view
    for _ in range(5000):
        widget = widget.nextInFocusChain()
        if widget is win.view:
            break
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
    for control in (win.home_button, win.search, win.access_button, *win.lang_buttons.values()):
        assert control in chain, control.accessibleName()
        assert control.accessibleName()


def test_corner_hold_then_pin_with_growing_delays(
    kiosk_for, sample_catalog, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.core.pin import PinGuard

    PinGuard(tmp_path / "pin.json").set_pin("2468")
    win = kiosk_for(sample_catalog)
    enter_gallery(win, qtbot)
    win.corner.timer.setInterval(200)
    # A press elsewhere, or a short one in the corner, does nothing.
    qtbot.mousePress(win.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    qtbot.wait(300)
    qtbot.mouseRelease(win.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    assert not win.pin_pad.isVisible()
    corner = win.home_button.mapTo(win, QPoint(2, 2))
    assert corner.x() < 96 and corner.y() < 96
    qtbot.mousePress(win.home_button, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    qtbot.waitUntil(win.pin_pad.isVisible, timeout=3000)
    qtbot.mouseRelease(win.home_button, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    keys = {key.text(): key for key in win.pin_pad.keys}
    for _attempt in range(3):
        for digit in "1111":
            keys[digit].click()
        keys["OK"].click()
        qtbot.waitUntil(lambda: "Wrong PIN" in win.pin_pad.message.text(), timeout=5000)
        qtbot.waitUntil(lambda: win.tasks.pending == 0, timeout=5000)
    # The third wrong PIN holds the keypad (2 s); it counts down, then opens again.
    assert not keys["5"].isEnabled()
    assert "2" in win.pin_pad.message.text()
    qtbot.waitUntil(lambda: keys["5"].isEnabled(), timeout=5000)
    assert win.isVisible()
    for digit in "2468":
        keys[digit].click()
    keys["OK"].click()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=5000)


def test_a_curators_tour_drives_the_attract_loop(kiosk_for, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = kiosk_for(sample_catalog, tour="then-and-now", reduced_motion=True)
    tour = next(e for e in win.model.gallery.exhibitions if e.key == "then-and-now")
    assert [c.id for c in win.attract.cards] == list(tour.item_ids)
    win.attract.next_slide()
    assert win.attract.current.id == tour.item_ids[1]
    assert win.attract._previous is None  # reduced motion: a cut, no cross-fade


def test_visitors_never_see_engineering_messages(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.catalog import Catalog

    make_app()
    empty = Catalog.open(tmp_path / "empty.db", tmp_path / "assets")
    opts = KioskOptions(full_screen=False, station="t", pin_file=tmp_path / "pin.json")
    win = KioskWindow(lambda: empty, Language("en"), opts)
    qtbot.addWidget(win)
    win.show_kiosk()
    qtbot.waitUntil(win.is_settled, timeout=10000)
    win.leave_attract()
    assert "being prepared" in win.empty.text()
    win.unlock()
    empty.close()

    def broken() -> Catalog:
        raise RuntimeError(f"cannot open {tmp_path}/nothing.db: file is not a database")

    win = KioskWindow(broken, Language("en"), opts)
    qtbot.addWidget(win)
    win.show_kiosk()
    qtbot.waitUntil(lambda: win.load_error is not None, timeout=10000)
    win.leave_attract()
    assert win.empty.text() == "This exhibition is not available at the moment."
    assert str(tmp_path) not in win.empty.text()
    win.unlock()


def test_long_introductions_fold_behind_read_more(kiosk_for, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.ui.kiosk.window import shorten_intro

    win = kiosk_for(sample_catalog)
    enter_gallery(win, qtbot)
    full = win.model.gallery.exhibitions[0].introduction["en"]
    assert len(full) > 400
    assert win.more_button.isVisible()
    shown = win.section_text.text()
    assert full.startswith(shown.rstrip("…")) and len(shown) <= 261
    win.more_button.click()
    assert win.section_text.text() == full
    assert win.more_button.text() == "Show less"
    win.reset()
    assert not win.more_button.isChecked()
    assert shorten_intro("One. Two.") == "One. Two."
    assert shorten_intro("First sentence here. Second one.", limit=25) == "First sentence here."
    assert shorten_intro("a " * 200, limit=20).endswith("…")


def test_a_publication_reaches_a_running_kiosk_at_the_next_quiet_moment(
    kiosk_for, sample_catalog, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from exhibition_app.operations.publishing import publish, unpublish

    with sample_catalog.session() as s:
        some_id = max(s.scalars(text("SELECT id FROM item")))
        unpublish(s, items=[some_id], user=None)
    win = kiosk_for(sample_catalog, poll_s=0.2)
    assert some_id not in win.model.gallery.items  # drafts never reach visitors
    enter_gallery(win, qtbot)  # a visitor is here: the kiosk must not change under them
    with sample_catalog.session() as s:
        publish(s, items=[some_id], user=None)
    qtbot.waitUntil(lambda: win._pending_publication, timeout=5000)
    assert some_id not in win.model.gallery.items
    win.reset()  # the visitor left
    qtbot.waitUntil(lambda: some_id in win.model.gallery.items, timeout=5000)
