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
    qtbot.waitUntil(win.is_settled, timeout=60000)
    # The default "now" is the sharpest layer, the 10800 px Natural Earth relief.
    assert panel.compare.top.pyramid.width == 10800
    SHOTS.mkdir(exist_ok=True)
    win.grab().save(str(SHOTS / "compare-en.png"))
    _choose(panel, "The Blue Marble: Earth from orbit", qtbot)
    qtbot.waitUntil(win.is_settled, timeout=20000)
    return win, panel.compare


def _choose(panel, title: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Tap the chooser's button for the map titled ``title`` and wait until it is on top."""
    chooser = panel.compare
    layer_id = next(c.id for c in panel.choices if c.title.get("en") == title)
    chooser.choice_buttons[layer_id].click()
    qtbot.waitUntil(lambda: panel._loading_for is None, timeout=60000)
    assert chooser.current_choice == layer_id and chooser.choice_buttons[layer_id].isChecked()


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
    titles = [c.title["en"] for c in panel.choices]
    assert any("Ghillany" in t for t in titles) and any("Ravenstein" in t for t in titles)
    # The "now" layers come first, sharpest first: the relief is the default.
    assert titles[:3] == [
        "The Earth's relief today (Natural Earth)",
        "The Blue Marble Next Generation: Earth from orbit",
        "The Blue Marble: Earth from orbit",
    ]
    panel.start_compare(next(c for c in panel.choices if "Ghillany" in c.title["en"]))
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.compare, timeout=20000)
    view = panel.compare
    assert (view.base.pyramid.width, view.top.pyramid.width) == (2700, 1350)
    view.base.zoom_at(4.0, QPointF(700, 250))
    assert _lonlat_at_centre(view.top) == pytest.approx(_lonlat_at_centre(view.base), abs=0.05)
    # same ground scale: one screen pixel covers the same number of degrees in both
    assert view.top.zoom == pytest.approx(view.base.zoom * 2, rel=1e-3)


def test_every_now_layer_is_offered_touch_sized_and_translated(compare, qtbot) -> None:  # type: ignore[no-untyped-def]
    win, view = compare
    panel = win.item_page.map
    titles = [c.title["en"] for c in panel.choices]
    assert titles == [
        "The Earth's relief today (Natural Earth)",
        "The Blue Marble Next Generation: Earth from orbit",
        "The Blue Marble: Earth from orbit",
    ]
    assert view.chooser.isVisible() and len(view.choice_buttons) == 3
    assert all(b.height() >= 48 for b in view.choice_buttons.values())
    win.language.set("ru")
    qtbot.waitUntil(lambda: view.chooser_label.text() == "Сравнить с", timeout=5000)
    shown = {b.toolTip() for b in view.choice_buttons.values()}
    assert "Рельеф Земли сегодня (Natural Earth)" in shown
    assert view.current_choice is not None and view.choice_buttons[view.current_choice].isChecked()


def test_now_layers_are_reference_maps_not_exhibits(sample_catalog: Catalog) -> None:
    """The layers carry their credits but are not published: the gallery, the kiosk and the
    IIIF export keep the exhibition's 19 items."""
    from exhibition_app.operations.views import load_gallery
    from exhibition_app.ui.deepzoom.map_panel import load_map

    with sample_catalog.read_session() as s:
        published = load_gallery(s, published_only=True)
        everything = load_gallery(s)
    assert len(published.items) == 19
    layers = [c for c in everything.items.values() if c.accession_number.startswith("BH-REF")]
    assert [c.published for c in layers] == [False, False]
    assert all(c.text("credit_line").get("en") for c in layers)
    schagen = next(c for c in published.items.values() if c.accession_number == "BH-MAP-001")
    data = load_map(sample_catalog, schagen.id)
    assert [layer.pixels for layer in data.layers] == [10800 * 5400, 5400 * 2700, 2700 * 1350]
    assert "Tom Patterson" in data.layers[0].credit["en"]


def test_both_world_maps_wrap_and_stay_aligned_across_the_seam(compare) -> None:  # type: ignore[no-untyped-def]
    _win, view = compare
    assert view.base.wrap_x and view.top.wrap_x
    width = view.base.pyramid.width
    view.base.set_view(QPointF(width - 0.3, 500), view.base.zoom * 3)  # on the 180° meridian
    # One pixel east of the centre lies across the seam: the scale must not jump a world.
    assert view.top.zoom == pytest.approx(view.base.zoom, rel=1e-6)
    view.base.pan_by_screen(QPointF(-200, 0))  # on eastwards, past the seam
    assert 0 <= view.base.center.x() < width
    assert _lonlat_at_centre(view.top) == pytest.approx(_lonlat_at_centre(view.base), abs=0.05)
