"""A gallery larger than ``views.COMPLETE_LIMIT`` in the real window, on a real catalogue:
it opens with light cards, fills its tiles page by page as they come on screen, and an item
far down the list opens whole, with its links."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from exhibition_app.catalog import Catalog
from exhibition_app.operations.views import COMPLETE_LIMIT
from exhibition_app.ui.app import make_app
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.main_window import NAV_ALL, MainWindow


def grow(catalog: Catalog, n: int) -> list[int]:
    """Add ``n`` published items with English titles; every 100th links to item 1."""
    assert catalog.db_path is not None
    con = sqlite3.connect(catalog.db_path)
    start = con.execute("SELECT max(id) FROM item").fetchone()[0] + 1
    ids = list(range(start, start + n))
    now = "2026-01-01T00:00:00"
    con.executemany(
        "INSERT INTO item (id, kind, accession_number, published, featured, created_at,"
        " updated_at) VALUES (?, 'object', ?, 1, 0, ?, ?)",
        [(i, f"GEN-{i:05d}", now, now) for i in ids],
    )
    con.executemany(
        "INSERT INTO item_text VALUES (?, 'title', 'en', ?)", [(i, f"Generated {i}") for i in ids]
    )
    con.executemany(
        "INSERT INTO item_relation VALUES (?, 1, 'related')", [(i,) for i in ids[::100]]
    )
    con.commit()
    con.close()
    return ids


def test_a_large_gallery_opens_light_and_fills_what_is_shown(
    qtbot, sample_catalog: Catalog
) -> None:  # type: ignore[no-untyped-def]
    generated = grow(sample_catalog, COMPLETE_LIMIT + 300)
    make_app()
    win = MainWindow(lambda: sample_catalog, Language("en"))
    win.resize(1280, 800)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(win.is_settled, timeout=20000)
    model = win.model
    light = [i for i in generated if not model.card(i).complete]  # type: ignore[union-attr]
    assert len(light) >= len(generated) - 100  # all but the first screen's

    role = Qt.ItemDataRole.UserRole
    win.nav.setCurrentRow(
        next(r for r in range(win.nav.count()) if tuple(win.nav.item(r).data(role)) == NAV_ALL)
    )
    assert model.rowCount() >= len(generated)
    win.view.scrollToBottom()
    qtbot.waitUntil(win.is_settled, timeout=20000)
    last = model.card_at(model.rowCount() - 1)
    assert last is not None and last.complete
    assert last.texts["title"]["en"] == f"Generated {last.id}"
    middle = generated[len(generated) // 2]
    assert not model.card(middle).complete  # type: ignore[union-attr]  # never on screen
    win.grab().save(str(sample_catalog.assets.parent / "large-gallery.png"))

    # Far down the list, light, and linked to the sample's first item: it opens whole, and
    # so does its link, before the page shows.
    target = next(i for i in generated[::100] if not model.card(i).complete)  # type: ignore[union-attr]
    win.open_item(target)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.item_page, timeout=10000)
    page = win.item_page
    assert page.card is not None and page.card.id == target
    assert page.card.texts["title"]["en"] == f"Generated {target}"
    assert ("related", 1, True) in page.card.related
    assert model.card(1).complete  # type: ignore[union-attr]


def test_the_curator_lists_a_large_catalogue_and_edits_any_item_whole(  # type: ignore[no-untyped-def]
    qtbot, sample_catalog: Catalog
) -> None:
    from exhibition_app.db.search import rebuild_index
    from exhibition_app.ui.curator.window import CuratorWindow

    generated = grow(sample_catalog, COMPLETE_LIMIT + 300)
    with sample_catalog.session() as session:
        rebuild_index(session)
    make_app()
    win = CuratorWindow(lambda: sample_catalog, Language("en"), ask_sign_in=False)
    win.resize(1400, 900)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.is_settled() and win.current_id is not None, timeout=20000)
    model = win.item_list
    total = model.rowCount()
    assert total == len(win.cards) >= len(generated)
    assert sum(not win.cards[i].complete for i in generated) >= len(generated) - 200

    # An item far down the list, light: choosing it reads it whole into the editor.
    target = generated[len(generated) // 2]
    assert not win.cards[target].complete
    win.select_item(target)
    qtbot.waitUntil(lambda: win.editor.card is not None and win.editor.card.id == target)
    assert win.editor.card.texts["title"]["en"] == f"Generated {target}"
    assert win.cards[target].complete
    assert model.data(model.index(model.row_of(target))).endswith(f"Generated {target}")

    # The filter finds light items by title through the search index.
    far = generated[-7]
    win.filter.setText(f"Generated {far}")
    qtbot.waitUntil(lambda: model.rowCount() < 20, timeout=10000)
    assert far in model.ids()
    # Text with no letters (tsquery and FTS5 syntax) filters nothing out, as on a small
    # catalogue, and raises nothing on the worker.
    win.filter.setText('&|!:*"')
    qtbot.waitUntil(lambda: win.tasks.pending == 0, timeout=10000)
    assert model.rowCount() == total
    win.filter.clear()
    assert model.rowCount() == total

    # The exhibition editor's catalogue lists them all, and adds a light item to a section.
    editor = win.exhibition_editor
    qtbot.waitUntil(lambda: editor.state() is not None, timeout=10000)
    picker = editor.catalogue_model
    assert picker.rowCount() == 0  # filled when the editor is first shown
    win.mode.setCurrentWidget(editor)
    assert picker.rowCount() == total
    other = generated[-3]
    editor.catalogue.setCurrentIndex(picker.index(picker.row_of(other)))
    editor.add_selected_items()
    qtbot.waitUntil(
        lambda: other in editor.state()["sections"][editor.section_index]["items"],  # type: ignore[index]
        timeout=10000,
    )
    row_texts = [editor.section_items.item(i).text() for i in range(editor.section_items.count())]
    qtbot.waitUntil(
        lambda: any(
            editor.section_items.item(i).text().endswith(f"Generated {other}")
            for i in range(editor.section_items.count())
        ),
        timeout=10000,
    )
    assert row_texts
    win.grab().save(str(sample_catalog.assets.parent / "large-curator.png"))
