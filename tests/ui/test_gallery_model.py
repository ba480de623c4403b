"""The gallery model with 10,000 rows: counts, roles, filtering, and thumbnails decoded only
for the tiles on screen (a real QListView, offscreen, on real image files)."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView

from exhibition_app.catalog import Catalog
from exhibition_app.core.cards import GalleryData, ItemCard, MediaRef
from exhibition_app.core.filters import Filters
from exhibition_app.ui.app import make_app
from exhibition_app.ui.gallery.delegate import KIOSK, TileDelegate
from exhibition_app.ui.gallery.model import GalleryModel, ItemIdRole
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.tasks import TaskManager

ROWS = 10_000


def ten_thousand(catalog: Catalog) -> GalleryData:
    """10,000 cards; each cover has its own hash (so its own thumbnail), all on real files."""
    with catalog.read_session() as session:
        from exhibition_app.operations.views import load_gallery

        sample = load_gallery(session)
    covers = [c.cover for c in sample.items.values() if c.cover is not None]
    template = next(iter(sample.items.values()))
    items: dict[int, ItemCard] = {}
    for i in range(1, ROWS + 1):
        real = covers[i % len(covers)]
        sha = hashlib.sha256(f"{real.sha256}-{i}".encode()).hexdigest()
        items[i] = replace(
            template,
            id=i,
            kind=("map", "object", "photograph")[i % 3],
            accession_number=f"T-{i:05d}",
            country=("KZ", "MN", "UZ")[i % 3],
            date_earliest=1400 + i % 600,
            date_latest=1400 + i % 600,
            texts={"title": {"en": f"Item {i}", "kk": f"Экспонат {i}"}},
            cover=MediaRef(real.relpath, sha, real.width, real.height),
            related=(),
        )
    return GalleryData(items=items, order=tuple(items))


def test_ten_thousand_rows_load_lazily(qtbot, sample_catalog: Catalog) -> None:  # type: ignore[no-untyped-def]
    make_app()
    tasks = TaskManager()
    language = Language("en")
    model = GalleryModel(tasks, language)
    model.catalog = sample_catalog
    data = ten_thousand(sample_catalog)
    model.set_gallery(data)
    assert model.rowCount() == ROWS
    index = model.index(ROWS - 1)
    assert model.data(index, ItemIdRole) == ROWS
    assert model.data(index) == f"Item {ROWS}"
    assert "Item 10000" in model.data(index, Qt.ItemDataRole.AccessibleTextRole)

    view = QListView()
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setUniformItemSizes(True)
    view.setGridSize(KIOSK.tile)
    view.setModel(model)
    view.setItemDelegate(TileDelegate(language, view, KIOSK))
    view.resize(1920, 1080)
    qtbot.addWidget(view)
    view.show()
    visible = [
        row
        for row in range(ROWS)
        if view.visualRect(model.index(row)).intersects(view.viewport().rect())
    ]
    qtbot.waitUntil(lambda: all(model.thumbnail_ready(row) for row in visible), timeout=30000)
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=30000)
    requested = len(model._pixmaps) + len(model._failed)
    assert 10 <= len(visible) <= 40
    assert requested <= len(visible) + 10  # never the 10,000
    assert not model._failed  # real thumbnails, not the fallback card

    # Scroll to the end: the last tiles load, still nowhere near all of them.
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.thumbnail_ready(ROWS - 1), timeout=30000)
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=30000)
    assert len(model._pixmaps) + len(model._failed) <= 2 * len(visible) + 20

    # Filters over 10,000 cards, and language change repaints without a reload.
    shown = Filters(kinds=frozenset({"map"}), countries=frozenset({"KZ"})).apply(
        data.order, data.items
    )
    model.show_ids(shown)
    assert model.rowCount() == len(shown) == sum(1 for i in data.items if i % 3 == 0)
    language.set("kk")
    assert model.data(model.index(0)) == f"Экспонат {shown[0]}"
    language.set("en")
    tasks.shutdown()
