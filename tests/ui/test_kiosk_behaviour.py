"""The kiosk follows the visitor: the language a touch chose on the attract loop, ``--lang``
and ``--item`` at start (also for ``--screenshot``), driven with real touch events."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage, QInputDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from exhibition_app.catalog import Catalog
from exhibition_app.core.languages import LANGUAGES
from exhibition_app.ui.app import make_app
from exhibition_app.ui.fonts import load_fonts
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.kiosk.window import KioskOptions, KioskWindow

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "shots"
ITEM = 8  # the sample's Kazakh felt yurt: an item with texts in all four languages


@pytest.fixture
def kiosk(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    made: list[KioskWindow] = []

    def make(catalog: Catalog, size: tuple[int, int] = (1600, 1000), **options: object):  # type: ignore[no-untyped-def]
        app = make_app()
        load_fonts(app, catalog.assets)
        opts = KioskOptions(full_screen=False, station="test", pin_file=tmp_path / "pin.json")
        for key, value in options.items():
            setattr(opts, key, value)
        win = KioskWindow(lambda: catalog, Language(opts.lang), opts)
        win.resize(*size)
        qtbot.addWidget(win)
        win.show_kiosk()
        qtbot.waitUntil(win.is_settled, timeout=20000)
        made.append(win)
        return win

    yield make
    for win in made:
        win.unlock()
        win.language.set("en")


def touch_screen() -> QInputDevice:
    return QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)


def _onto_screen(widget, point: QPoint) -> None:  # type: ignore[no-untyped-def]
    """Move the window so that ``point`` (in ``widget``) is on the screen: the offscreen
    platform's one screen is 800x600 and touch points off every screen are dropped."""
    window = widget.window()
    target = QPoint(400, 300)
    window.move(window.pos() + target - widget.mapToGlobal(point))
    QApplication.processEvents()


def tap(widget, point: QPoint) -> None:  # type: ignore[no-untyped-def]
    """One finger down and up, as a touch screen sends it (Qt makes the mouse press)."""
    _onto_screen(widget, point)
    device = touch_screen()
    QTest.touchEvent(widget, device).press(0, point, widget).commit()
    QTest.touchEvent(widget, device).release(0, point, widget).commit()
    # The next tap lands on the same screen spot (see _onto_screen): not a double tap.
    QTest.qWait(QApplication.styleHints().mouseDoubleClickInterval() + 50)


def swipe(widget, start: QPoint, end: QPoint, steps: int = 8) -> None:  # type: ignore[no-untyped-def]
    """A finger drawn from ``start`` to ``end`` (both within 400 px of the middle)."""
    _onto_screen(widget, (start + end) / 2)
    device = touch_screen()
    QTest.touchEvent(widget, device).press(0, start, widget).commit()
    for i in range(1, steps + 1):
        x = start.x() + (end.x() - start.x()) * i // steps
        y = start.y() + (end.y() - start.y()) * i // steps
        QTest.qWait(10)
        QTest.touchEvent(widget, device).move(0, QPoint(x, y), widget).commit()
    QTest.touchEvent(widget, device).release(0, end, widget).commit()


def title_in(catalog: Catalog, item_id: int, lang: str) -> str:
    from exhibition_app.operations.gallery_reads import read_gallery

    card = read_gallery(catalog, published_only=True).items[item_id]
    return card.text("title")[lang]


def test_a_tap_on_the_attract_loop_opens_its_language(kiosk, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = kiosk(sample_catalog)
    attract = win.attract
    assert attract.isVisible() and attract.lang == "en"  # the kiosk's language first
    attract.lang_timer.stop()
    attract.lang_index = LANGUAGES.index("mn")  # the loop is showing the Mongolian prompt
    tap(attract, attract.rect().center())
    assert not attract.isVisible()
    assert win.language.code == "mn"
    assert win.lang_buttons["mn"].isChecked()
    assert win.search.placeholderText() != "Search in any language…"


def test_a_tap_on_a_language_mark_opens_that_language(kiosk, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    for size in ((1920, 1080), (1080, 1920), (1280, 800)):
        win = kiosk(sample_catalog, size=size)
        attract = win.attract
        attract.lang_timer.stop()
        targets = attract.mark_targets()
        assert list(targets) == list(LANGUAGES)
        for code, rect in targets.items():  # real touch targets, side by side, on screen
            assert rect.width() >= 48 and rect.height() >= 48, (size, code, rect)
            assert attract.rect().toRectF().contains(rect), (size, code, rect)
        for left, right in pairwise(LANGUAGES):
            assert not targets[left].intersects(targets[right])
        assert attract.lang == "en"
        tap(attract, targets["kk"].center().toPoint())  # МОН, ҚАЗ...: the visitor's choice
        assert not attract.isVisible()
        assert win.language.code == "kk", size
        win.reset()  # the next visitor starts in the kiosk's language again
        assert win.language.code == "en"
        assert attract.isVisible() and attract.lang == "en"


def test_lang_and_item_at_start(kiosk, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = kiosk(sample_catalog, lang="ru", item=ITEM)
    assert not win.attract.isVisible()
    assert win.stack.currentWidget() is win.item_page
    assert win.item_page.card.id == ITEM
    assert win.item_page.title.text() == title_in(sample_catalog, ITEM, "ru")
    win.reset()  # an idle reset: the attract loop, speaking the kiosk's language first
    assert win.attract.isVisible()
    assert win.attract.lang == "ru"
    assert win.stack.currentIndex() == 0


def test_kiosk_screenshot_shows_the_item_page_in_each_language(sample_paths, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, assets = sample_paths
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    pngs = {}
    for lang in LANGUAGES:
        png = tmp_path / f"kiosk_item_{lang}.png"
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "exhibition_app",
                "--catalog",
                str(db),
                "--assets",
                str(assets),
                "--kiosk",
                "--lang",
                lang,
                "--item",
                str(ITEM),
                "--size",
                "1920x1080",
                "--screenshot",
                str(png),
            ],  # no --pin-file: a screenshot shows no window to anyone
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 0, out.stderr
        assert "PIN" not in out.stderr
        image = QImage(str(png))
        assert (image.width(), image.height()) == (1920, 1080)
        pngs[lang] = png.read_bytes()
    assert len(set(pngs.values())) == 4  # four different pages
    SHOTS.mkdir(exist_ok=True)
    for lang, data in pngs.items():
        (SHOTS / f"kiosk_item{ITEM}_{lang}.png").write_bytes(data)
    # A screenshot is no visit: nothing was counted.
    stats = subprocess.run(
        [sys.executable, "-m", "exhibition_app", "--catalog", str(db), "stats", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["events"] == 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_start_language_opens_the_item_page(kiosk, sample_catalog, lang: str) -> None:  # type: ignore[no-untyped-def]
    win = kiosk(sample_catalog, size=(1920, 1080), lang=lang, item=ITEM)
    page = win.item_page
    assert win.stack.currentWidget() is page
    assert page.title.text() == title_in(sample_catalog, ITEM, lang)
    assert win.lang_buttons[lang].isChecked()
    assert not win.attract.isVisible()  # the page, not the attract loop, is on top


def test_touch_tap_a_tile_then_swipe_to_the_next_item(kiosk, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = kiosk(sample_catalog, size=(1280, 800))
    win.attract.lang_timer.stop()
    tap(win.attract, QPoint(400, 300))  # a finger on the attract loop
    assert not win.attract.isVisible()
    qtbot.waitUntil(win.is_settled, timeout=20000)
    ids = win.model.ids()
    viewport = win.view.viewport()
    # The first tile whose page shows a picture (a map's page pans under the finger instead).
    pictures = [
        i
        for i in ids[:-1]
        if (card := win.model.card(i)) is not None and card.kind != "map" and card.cover
    ]
    assert pictures, "no picture item in the sample"
    item_id = pictures[0]
    row = ids.index(item_id)
    centre = win.view.visualRect(win.model.index(row)).center()
    scroll = getattr(win, "gallery_scroll", None)  # the page scrolls as one (kiosk layout)
    if scroll is not None:
        inside = viewport.mapTo(scroll.widget(), centre)
        scroll.ensureVisible(inside.x(), inside.y(), 50, 150)
    else:
        win.view.scrollTo(win.model.index(row))
    qtbot.wait(50)
    tap(viewport, centre)  # a finger on a tile
    qtbot.waitUntil(lambda: win.stack.currentIndex() == 1, timeout=5000)
    page = win.item_page
    assert page.card.id == item_id
    qtbot.waitUntil(win.is_settled, timeout=20000)
    assert page.visual.currentWidget() is page.image
    middle = page.image.rect().center()
    swipe(page.image, middle + QPoint(150, 0), middle - QPoint(150, 10))  # finger to the left
    assert page.card.id == ids[row + 1]
    swipe(page.image, middle - QPoint(150, 0), middle + QPoint(150, 0))  # and back
    assert page.card.id == item_id


def test_counts_are_written_the_visitors_way(kiosk, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    win = kiosk(sample_catalog, lang="ru")
    win.leave_attract()
    win.nav.setCurrentRow(0)  # all items: "Items in the collection: N"
    win.model.rowCount = lambda *_a: 12345  # type: ignore[method-assign]
    win._update_heading()
    grouped = QLocale("ru_RU").toString(12345)
    assert grouped != "12345"  # Russian groups thousands with a space
    assert grouped in win.section_text.text()
