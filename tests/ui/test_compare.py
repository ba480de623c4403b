"""Then and now: two georeferenced maps kept aligned, with a swipe divider and a fade."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from exhibition_app.catalog import Catalog
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.main_window import MainWindow

SHOTS = Path(__file__).resolve().parents[2] / "shots"


@pytest.fixture
def compare(qtbot, sample_catalog: Catalog):  # type: ignore[no-untyped-def]
    win = MainWindow(lambda: sample_catalog, Language("en"))
    qtbot.addWidget(win)
    win.resize(1366, 800)
    win.show()
    qtbot.waitUntil(win.is_settled, timeout=20000)
    schagen = next(i for i in win.model.ids() if win.model.card(i).accession_number == "BH-MAP-001")
    win.open_item(schagen)
    qtbot.waitUntil(win.is_settled, timeout=20000)
    panel = win.item_page.map
    assert panel.compare_buttons, "a map related to another georeferenced map offers compare"
    panel.compare_buttons[0].click()
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.compare, timeout=20000)
    qtbot.waitUntil(win.is_settled, timeout=20000)
    SHOTS.mkdir(exist_ok=True)
    win.grab().save(str(SHOTS / "compare-en.png"))
    return win, panel.compare


def _lonlat_at_centre(view) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    w, h = view.pyramid.width, view.pyramid.height
    return ((view.center.x() / w) * 360 - 180, 90 - (view.center.y() / h) * 180)


def test_both_maps_show_the_same_ground(compare) -> None:  # type: ignore[no-untyped-def]
    _win, view = compare
    assert view.base.pyramid.width == 2700 and view.top.pyramid.width == 2700
    view.base.zoom_at(3.0, QPointF(500, 200))
    assert _lonlat_at_centre(view.top) == pytest.approx(_lonlat_at_centre(view.base), abs=0.05)
    # The other way round: driving the top map moves the base.
    view.top.pan_by_screen(QPointF(-120, 40))
    assert _lonlat_at_centre(view.base) == pytest.approx(_lonlat_at_centre(view.top), abs=0.05)
    assert view.top.zoom == pytest.approx(view.base.zoom, rel=1e-6)


def test_divider_swipes_and_slider_fades(compare, qtbot) -> None:  # type: ignore[no-untyped-def]
    _win, view = compare
    width = view.stage.width()
    view.set_divider(int(width * 0.25))
    assert view.top.mask().boundingRect().left() == int(width * 0.25)
    handle = view.handle
    start = handle.geometry().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=QPoint(handle.width() // 2, 100))
    qtbot.mouseMove(handle, QPoint(handle.width() // 2 + 200, 100))
    qtbot.mouseRelease(
        handle, Qt.MouseButton.LeftButton, pos=QPoint(handle.width() // 2 + 200, 100)
    )
    assert handle.geometry().center().x() > start.x() + 150
    view.slider.setValue(40)
    assert view.top.opacity == pytest.approx(0.4)


def test_one_map_button_returns(compare) -> None:  # type: ignore[no-untyped-def]
    win, _view = compare
    panel = win.item_page.map
    panel.close_compare.click()
    assert panel.stack.currentWidget() is panel.view


def test_behaim_and_its_half_size_redrawing_stay_aligned(qtbot, sample_catalog: Catalog) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(lambda: sample_catalog, Language("en"))
    qtbot.addWidget(win)
    win.resize(1366, 800)
    win.show()
    qtbot.waitUntil(win.is_settled, timeout=20000)
    behaim = next(i for i in win.model.ids() if win.model.card(i).accession_number == "BH-MAP-002")
    win.open_item(behaim)
    qtbot.waitUntil(win.is_settled, timeout=20000)
    panel = win.item_page.map
    titles = [b.text() for b in panel.compare_buttons]
    assert any("Ghillany" in t for t in titles) and any("Ravenstein" in t for t in titles)
    panel.compare_buttons[next(i for i, t in enumerate(titles) if "Ghillany" in t)].click()
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.compare, timeout=20000)
    view = panel.compare
    assert (view.base.pyramid.width, view.top.pyramid.width) == (2700, 1350)
    view.base.zoom_at(4.0, QPointF(700, 250))
    assert _lonlat_at_centre(view.top) == pytest.approx(_lonlat_at_centre(view.base), abs=0.05)
    # same ground scale: one screen pixel covers the same number of degrees in both
    assert view.top.zoom == pytest.approx(view.base.zoom * 2, rel=1e-3)
