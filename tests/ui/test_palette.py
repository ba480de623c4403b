"""One palette everywhere: every widget of the kiosk and the curator window draws its
selection, links, focus and bevels in the theme's colours (ui/theme.py), never in Qt's
defaults; the chips offered are the ones that narrow the section on show, named as each
country names itself; search results are not shown as the selected section."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QPushButton, QStyleFactory, QWidget

from exhibition_app.catalog import Catalog
from exhibition_app.core.countries import country_name
from exhibition_app.core.filters import Filters, scoped_facets
from exhibition_app.ui.app import make_app
from exhibition_app.ui.fonts import load_fonts
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.kiosk.window import KioskOptions, KioskWindow
from exhibition_app.ui.theme import THEME_COLOURS

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "shots"
R = QPalette.ColorRole
ROLES = [R.Highlight, R.HighlightedText, R.Link, R.LinkVisited, R.Window, R.Base, R.Button]
ROLES += [R.Text, R.WindowText, R.ButtonText, R.Light, R.Mid, R.Dark, R.Shadow]
if hasattr(R, "Accent"):
    ROLES.append(R.Accent)
GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)


def qt_defaults() -> set[str]:
    """The colours Qt's own palettes would give these roles (Fusion's and the default)."""
    found = set()
    style = QStyleFactory.create("Fusion")
    for palette in (style.standardPalette(), QPalette()):
        for group in GROUPS:
            for role in ROLES:
                found.add(palette.color(group, role).name())
    return found - THEME_COLOURS


def off_theme(widgets: list[QWidget]) -> list[str]:
    """``widget role: colour`` for every palette colour that is not the theme's."""
    defaults = qt_defaults()
    assert "#308cc6" in defaults or "#0078d7" in defaults or defaults  # Qt's blue is in there
    wrong = []
    for widget in widgets:
        palette = widget.palette()
        for group in GROUPS:
            for role in ROLES:
                colour = palette.color(group, role)
                brush = palette.brush(group, role)
                if colour.alpha() == 0 or brush.style() == Qt.BrushStyle.NoBrush:
                    continue  # paints nothing ("background: transparent" in a style sheet)
                if colour.name() not in THEME_COLOURS:
                    wrong.append(
                        f"{type(widget).__name__}#{widget.objectName()} {role}: {colour.name()}"
                    )
    return wrong


@pytest.fixture
def kiosk(qtbot, sample_catalog: Catalog, tmp_path):  # type: ignore[no-untyped-def]
    app = make_app()
    load_fonts(app, sample_catalog.assets)
    opts = KioskOptions(full_screen=False, station="t", pin_file=tmp_path / "pin", poll_s=0)
    win = KioskWindow(lambda: sample_catalog, Language("en"), opts)
    win.resize(1920, 1080)
    qtbot.addWidget(win)
    win.show_kiosk()
    qtbot.waitUntil(win.is_settled, timeout=20000)
    win.attract.lang_index = 0
    win.leave_attract()
    yield win
    win.unlock()
    win.language.set("en")


def test_the_application_palette_is_the_theme() -> None:
    app = make_app()
    assert isinstance(app, QApplication)
    assert off_theme([QWidget()]) == []


def test_every_kiosk_widget_uses_the_theme_palette(kiosk, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk.open_item(kiosk.model.ids()[0])  # the item page, built on first use
    assert kiosk.item_page.map is not None  # and its map viewer
    kiosk.show_gallery()
    widgets = [kiosk, *kiosk.findChildren(QWidget)]
    assert len(widgets) > 100
    assert off_theme(widgets) == []


def test_every_curator_widget_uses_the_theme_palette(qtbot, sample_catalog: Catalog) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.operations.accounts import add_user
    from exhibition_app.ui.curator.window import CuratorWindow

    app = make_app()
    load_fonts(app, sample_catalog.assets)
    with sample_catalog.session() as session:
        add_user(session, "aigerim", "steppe-maps-1689")
    win = CuratorWindow(lambda: sample_catalog, Language("en"), user="aigerim")
    win.resize(1400, 900)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.is_settled() and win.current_id is not None, timeout=20000)
    widgets = [win, *win.findChildren(QWidget)]
    assert len(widgets) > 100
    assert off_theme(widgets) == []
    SHOTS.mkdir(exist_ok=True)
    win.grab().save(str(SHOTS / "curator_selection.png"))
    win.close()


def test_chips_narrow_the_section_on_show(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    data = kiosk.model.gallery
    for ex in data.exhibitions:
        for section in ex.sections:
            row = next(
                i
                for i in range(kiosk.nav.count())
                if tuple(kiosk.nav.item(i).data(0x0100)) == ("section", section.id)
            )
            kiosk.nav.setCurrentRow(row)
            cards = [data.items[i] for i in section.item_ids if i in data.items]
            offered = {(f, v) for f, v, _c in kiosk.filter_bar._chips}
            kinds = {c.kind for c in cards}
            countries = {c.country for c in cards if c.country}
            for facet, value in offered:
                if facet == "kinds":
                    assert value in kinds, (section.title["en"], value)
                if facet == "countries":
                    assert value in countries, (section.title["en"], value)
                # Every chip narrows: some items of the section have it, not all.
                held = [c for c in cards if Filters().toggled(facet, value).matches(c)]
                assert 0 < len(held) < len(cards), (section.title["en"], facet, value)
            expected = scoped_facets(cards)
            assert {v for f, v in offered if f == "kinds"} == set(expected.kinds)


def test_a_chosen_chip_is_not_clipped(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk.nav.setCurrentRow(0)  # all items: the most chips
    for lang in ("en", "kk", "ru", "mn"):
        kiosk.choose_language(lang)
        for chip in kiosk.filter_bar.chips():
            chip.click()
            QApplication.sendPostedEvents()
            qtbot.waitUntil(lambda c=chip: c.width() >= c.sizeHint().width(), timeout=3000)
            assert chip.isChecked() and chip.font().bold()
            metrics = chip.fontMetrics()
            assert metrics.horizontalAdvance(chip.text()) < chip.contentsRect().width(), (
                lang,
                chip.text(),
            )
            if chip.text().endswith("stan") and lang == "en":
                SHOTS.mkdir(exist_ok=True)
                kiosk.grab().save(str(SHOTS / "kiosk_chip_checked.png"))
            chip.click()
    kiosk.choose_language("en")


def test_official_country_names() -> None:
    assert country_name("KG", "ru") == "Кыргызстан"
    assert country_name("TM", "ru") == "Туркменистан"
    assert country_name("KG", "kk") == "Қырғызстан"
    assert country_name("TM", "kk") == "Түрікменстан"
    assert country_name("MN", "mn") == "Монгол Улс"
    from exhibition_app.core.countries import all_names

    assert "Киргизия" in all_names("KG")  # still found by the older name


def test_search_results_are_not_shown_as_the_selected_section(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert kiosk.nav.currentRow() >= 0 and kiosk.nav.selectedItems()
    kiosk.search.setText("map")
    qtbot.waitUntil(lambda: kiosk.section_title.text().startswith("Search"), timeout=10000)
    assert kiosk.nav.selectedItems() == []
    assert kiosk.nav.currentRow() == -1
    kiosk.search.clear()  # back to where the visitor was
    qtbot.waitUntil(lambda: kiosk.nav.selectedItems() != [], timeout=10000)
    key = tuple(kiosk.nav.currentItem().data(0x0100))
    assert key == kiosk._nav_key


def test_selection_colour_is_not_a_default_blue() -> None:
    lapis = QColor(make_app().palette().color(R.Highlight))
    for default in ("#308cc6", "#0078d7", "#3daee9", "#2a82da"):
        other = QColor(default)
        distance = sum(
            abs(a - b) for a, b in zip(lapis.getRgb()[:3], other.getRgb()[:3], strict=True)
        )
        assert distance > 80, default
    assert isinstance(QPushButton(), QWidget)
