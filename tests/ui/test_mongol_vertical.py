"""Traditional Mongolian laid out vertically: shaped (letters joined), turned, in columns
left to right; on the item page in Mongolian and on the attract loop."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from exhibition_app.catalog import Catalog
from exhibition_app.core.mongol_script import from_transliteration
from exhibition_app.ui.app import make_app
from exhibition_app.ui.fonts import load_fonts
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.main_window import MainWindow
from exhibition_app.ui.mongol_vertical import (
    MongolTitleBand,
    columns,
    ensure_font,
    mongol_font,
    paint_attract_band,
    render_vertical,
)

LONG = from_transliteration("gērard wan sqagēn-u delekei-yin γaǰar-un ǰiruγ, 1689")


def _ink_rows(image: QImage) -> list[bool]:
    """For each row: does it hold a dark pixel?"""
    return [
        any(QColor(image.pixel(x, y)).lightness() < 128 for x in range(image.width()))
        for y in range(image.height())
    ]


def _inked(image: QImage) -> int:
    return sum(
        QColor(image.pixel(x, y)).lightness() < 128
        for y in range(0, image.height(), 2)
        for x in range(image.width())
    )


def test_long_title_is_taller_than_wide_and_has_ink() -> None:
    make_app()
    assert ensure_font()
    image = render_vertical(LONG, 600, 28)
    assert image.height() > image.width() > 0
    assert _inked(image) > 500
    assert len(columns(LONG, mongol_font(28), 600)) >= 2


def test_columns_break_at_spaces_only() -> None:
    make_app()
    cols = columns(LONG, mongol_font(40), 300)
    assert len(cols) > 2
    assert " ".join(cols) == LONG  # nothing lost, no word cut
    assert not any(c.startswith("\u202f") or c.endswith("\u202f") for c in cols)


def test_letters_are_joined_along_the_column() -> None:
    """A joined word has one stem from top to bottom: every row between its first and last
    ink has ink. The same letters forced apart (ZWNJ) leave gaps, so the check can fail."""
    make_app()
    word = from_transliteration("moŋγol")

    def gaps(text: str) -> int:
        rows = _ink_rows(render_vertical(text, 400, 48))
        first, last = rows.index(True), len(rows) - 1 - rows[::-1].index(True)
        return rows[first:last].count(False)

    assert gaps(word) == 0
    assert gaps("\u200c".join(word)) > 0


def test_columns_run_left_to_right() -> None:
    """The leftmost column is the start of the text: it looks exactly like the first
    column rendered alone (and not like the last one)."""
    make_app()
    font = mongol_font(40)
    cols = columns(LONG, font, 300)
    full = render_vertical(LONG, 300, 40)

    def differing(part: str) -> int:
        alone = render_vertical(part, 300, 40)
        w = min(alone.width() - 2, full.width())
        crop = full.copy(0, 0, w, 300)
        return sum(crop.pixel(x, y) != alone.pixel(x, y) for x in range(w) for y in range(300))

    assert differing(cols[0]) == 0
    assert differing(cols[-1]) > 100


def test_band_shows_in_mongolian_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_app()
    band = MongolTitleBand()
    qtbot.addWidget(band)
    band.resize(120, 700)
    titles = {"en": "World map", "mn-Mong": LONG}
    band.show_texts(titles, "en")
    assert band.isHidden()
    band.show_texts(titles, "mn")
    assert not band.isHidden() and band.text == LONG
    band.show()
    assert band.minimumWidth() > 60
    assert _inked(band.grab().toImage()) < band.width() * band.height()  # painted, not blank
    band.show_texts({"mn": "Морин хуур"}, "mn")
    assert band.isHidden()  # no traditional title: no band


def test_attract_band_paints_the_titles() -> None:
    make_app()
    image = QImage(1920, 1080, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    paint_attract_band(painter, QRectF(0, 0, 1920, 1080), {"mn-Mong": LONG}, {})
    painter.end()
    assert QColor(image.pixel(10, 540)).lightness() < 60  # the dark band at the left
    assert QColor(image.pixel(1000, 540)).lightness() == 255  # and nothing elsewhere
    blank = QImage(image)
    blank.fill(QColor("#ffffff"))
    painter = QPainter(blank)
    paint_attract_band(painter, QRectF(0, 0, 1920, 1080), {"mn": "Монгол"}, {})
    painter.end()
    assert QColor(blank.pixel(10, 540)).lightness() == 255


def test_item_page_has_the_vertical_band_in_mongolian(qtbot, sample_catalog: Catalog) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    load_fonts(app, sample_catalog.assets)
    language = Language("mn")
    win = MainWindow(lambda: sample_catalog, language)
    win.resize(1920, 1080)
    qtbot.addWidget(win)
    win.show()
    try:
        qtbot.waitUntil(win.is_settled, timeout=20000)
        item_id = next(i for i, c in win.model.gallery.items.items() if c.kind == "object")
        win.open_item(item_id)
        qtbot.waitUntil(win.is_settled, timeout=20000)
        page = win.item_page
        card = win.model.gallery.items[item_id]
        assert page.mongol_band.isVisible()
        assert page.mongol_band.text == card.text("title")["mn-Mong"]
        win.lang_buttons["en"].click()
        assert not page.mongol_band.isVisible()
    finally:
        language.set("en")
