"""The main window, rendered offscreen with real widgets on a real catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from exhibition_app.catalog import Catalog
from exhibition_app.ui.app import make_app
from exhibition_app.ui.fonts import load_fonts
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.main_window import MainWindow

SHOTS = Path(__file__).resolve().parents[2] / "shots"


@pytest.fixture
def window_for(qtbot):  # type: ignore[no-untyped-def]
    made: list[MainWindow] = []

    def make(catalog: Catalog, lang: str = "en", item: int | None = None) -> MainWindow:
        app = make_app()
        load_fonts(app, catalog.assets)
        language = Language(lang)
        win = MainWindow(lambda: catalog, language, open_item=item)
        win.resize(1280, 800)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitUntil(win.is_settled, timeout=20000)
        made.append(win)
        return win

    yield make
    for win in made:
        win.language.set("en")


def test_opens_on_the_sample_exhibition(window_for, sample_catalog: Catalog) -> None:  # type: ignore[no-untyped-def]
    win = window_for(sample_catalog)
    ex = win.model.gallery.exhibitions[0]
    assert win.brand.text().startswith("Bridging Horizons")
    assert win.section_title.text() == ex.title["en"]
    assert win.model.ids() == list(ex.item_ids)
    assert win.nav.count() >= 1 + len(ex.sections)
    # Visible tiles with a photo have their thumbnail; the others were never decoded (lazy).
    viewport = win.view.viewport().rect()
    visible_photos = hidden = 0
    for row, item_id in enumerate(win.model.ids()):
        has_cover = win.model.card(item_id).cover is not None
        loaded = win.model._pixmaps.get(win.model.card(item_id).cover.sha256) if has_cover else None
        if win.view.visualRect(win.model.index(row)).intersects(viewport):
            assert (loaded is not None) == has_cover
            visible_photos += has_cover
        elif has_cover:
            hidden += 1
            assert loaded is None
    assert visible_photos >= 4 and hidden >= 1


def test_section_navigation_filters_the_gallery(window_for, sample_catalog: Catalog) -> None:  # type: ignore[no-untyped-def]
    win = window_for(sample_catalog)
    section = win.model.gallery.exhibitions[0].sections[1]
    for row in range(win.nav.count()):
        if tuple(win.nav.item(row).data(Qt.ItemDataRole.UserRole)) == ("section", section.id):
            win.nav.setCurrentRow(row)
    assert win.model.ids() == list(section.item_ids)
    assert win.section_title.text() == section.title["en"]
    win.nav.setCurrentRow(0)  # All items
    assert len(win.model.ids()) == len(win.model.gallery.items)


def test_language_switch_keeps_the_place(window_for, sample_catalog: Catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window_for(sample_catalog)
    item_id = win.model.ids()[0]
    win.open_item(item_id)
    card = win.model.card(item_id)
    win.lang_buttons["kk"].click()
    assert win.language.code == "kk"
    assert win.stack.currentWidget() is win.item_page  # still on the same item
    assert win.item_page.title.text() == card.text("title")["kk"]
    assert win.item_page.back_button.text().endswith("Галереяға оралу")
    win.lang_buttons["mn"].click()
    assert win.item_page.title.text() == card.text("title")["mn"]
    assert win.search.placeholderText() == "Дурын хэлээр хайх…"


def test_fallback_marker_when_a_translation_is_missing(window_for, catalog: Catalog) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.db.models import Item
    from exhibition_app.db.search import reindex_items

    with catalog.session() as s:
        item = Item(kind="object", accession_number="F-1", published=True)
        item.set_text("title", "en", "Kamcha whip")
        item.set_text("title", "ru", "Камча")
        item.set_text("description", "en", "A riding whip.")
        s.add(item)
        s.flush()
        reindex_items(s, [item])
        item_id = item.id
    win = window_for(catalog, "kk", item_id)
    page = win.item_page
    assert page.title.text() == "Kamcha whip"  # kk missing: fallback order en first
    assert not page.fallback.isHidden()
    assert "ағылшын" in page.fallback.text()
    win.language.set("ru")
    assert page.title.text() == "Камча"
    assert "английском" in page.fallback.text()  # the description still falls back
    win.language.set("en")
    assert page.fallback.isHidden()


def test_empty_catalogue_speaks_to_people(window_for, catalog: Catalog) -> None:  # type: ignore[no-untyped-def]
    win = window_for(catalog)
    assert win.view.isHidden()
    assert "empty" in win.empty.text()


def test_search_box_finds_across_scripts(window_for, sample_catalog: Catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window_for(sample_catalog)
    win.search.setText("dombyra")
    qtbot.waitUntil(lambda: win.section_title.text().startswith("Search"), timeout=5000)
    qtbot.waitUntil(win.is_settled, timeout=5000)
    found = win.model.ids()
    assert found
    assert any("Домбыра" in win.model.card(i).text("title").get("kk", "") for i in found)
    win.search.setText("qqqzzzxxyy")
    qtbot.waitUntil(lambda: win.view.isHidden(), timeout=5000)
    assert "Nothing matches" in win.empty.text()


def test_escape_goes_back_to_the_gallery(window_for, sample_catalog: Catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window_for(sample_catalog)
    win.open_item(win.model.ids()[0])
    assert win.stack.currentWidget() is win.item_page
    qtbot.keyClick(win, Qt.Key.Key_Escape)
    assert win.stack.currentIndex() == 0


@pytest.mark.parametrize("lang", ["en", "kk", "ru", "mn"])
def test_screens_render_in_every_language(  # type: ignore[no-untyped-def]
    window_for, sample_catalog: Catalog, qtbot, lang: str
) -> None:
    """Renders the gallery and a map's item page; the PNGs land in shots/ for review."""
    win = window_for(sample_catalog, lang)
    SHOTS.mkdir(exist_ok=True)
    gallery = win.grab()
    assert gallery.width() == 1280
    gallery.save(str(SHOTS / f"gallery-{lang}.png"))
    map_id = next(i for i in win.model.ids() if win.model.card(i).kind == "map")
    win.open_item(map_id)
    qtbot.waitUntil(win.is_settled, timeout=20000)
    view = win.item_page.map.view
    assert view.pyramid is not None and view.is_sharp()  # deep zoom at home zoom, sharp
    win.grab().save(str(SHOTS / f"item-{lang}.png"))
    object_id = next(i for i in win.model.ids() if win.model.card(i).cover is None)
    win.open_item(object_id)
    qtbot.waitUntil(win.is_settled, timeout=20000)
    win.grab().save(str(SHOTS / f"object-{lang}.png"))


def test_a_catalogue_that_cannot_open_is_explained_in_the_window(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.ui.app import create_window

    bad = tmp_path / "notes.db"
    bad.write_text("shopping list")
    win = create_window(bad, tmp_path / "assets")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(win.is_settled, timeout=20000)
    assert win.load_error and "not an SQLite database" in win.load_error
    assert not win.empty.isHidden() and "could not be opened" in win.empty.text()
    assert bad.read_text() == "shopping list"


def test_screenshot_command_writes_a_png(sample_paths: tuple[Path, Path], tmp_path: Path) -> None:
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    db, assets = sample_paths
    shot = tmp_path / "shot.png"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "exhibition_app",
            "--catalog",
            str(db),
            "--assets",
            str(assets),
            "--lang",
            "kk",
            "--item",
            "1",
            "--size",
            "1024x700",
            "--screenshot",
            str(shot),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1024, 700)


def test_gui_start_path_does_not_load_the_database_stack() -> None:
    """The first frame must not wait for SQLAlchemy, Alembic or Pillow (they load on the worker)."""
    import subprocess
    import sys

    code = (
        "import sys, exhibition_app.ui.app, exhibition_app.__main__\n"
        "from exhibition_app.cli.options import gui_options\n"
        "assert gui_options(['--kiosk', '--size', '1280x800']) is not None\n"
        "heavy = [m for m in ('sqlalchemy', 'alembic', 'PIL') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_item_page_shows_only_the_current_items_details(
    window_for, sample_catalog: Catalog, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    win = window_for(sample_catalog, "ru")
    schagen = next(i for i in win.model.ids() if win.model.card(i).accession_number == "BH-MAP-001")
    golden = next(i for i in win.model.ids() if win.model.card(i).accession_number == "BH-OBJ-003")
    win.open_item(schagen)
    qtbot.waitUntil(win.is_settled, timeout=20000)
    win.open_item(golden)
    qtbot.waitUntil(win.is_settled, timeout=20000)
    shown = [
        w.text()
        for w in win.item_page.findChildren(QLabel)
        if w.objectName() == "fieldValue" and w.isVisible()
    ]
    card = win.model.card(golden)
    assert shown == [card.text("culture")["ru"], card.text("materials")["ru"]]
    column = win.item_page._column
    assert column.height() >= column.layout().heightForWidth(
        win.item_page._scroll.viewport().width()
    )
