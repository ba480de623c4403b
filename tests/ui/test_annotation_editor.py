"""The curator's map annotation and georeference editors on the sample's Behaim globe map:
real widgets, a real TaskManager and QUndoStack, every step checked in the database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.core.georef import Equirectangular
from exhibition_app.db.models import Item
from exhibition_app.operations.maps import annotations_of
from exhibition_app.ui.app import make_app
from exhibition_app.ui.curator.annotation_editor import AnnotationEditor
from exhibition_app.ui.curator.georef_editor import GeorefEditor, parse_coordinate
from exhibition_app.ui.fonts import load_fonts
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.tasks import TaskManager

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "shots"


def _behaim(catalog: Catalog) -> tuple[int, int, int]:
    with catalog.read_session() as s:
        item = s.scalars(select(Item).where(Item.accession_number == "BH-MAP-002")).one()
        media = item.cover_media
        assert media is not None
        return item.id, media.width, media.height


def _notes(catalog: Catalog, item_id: int) -> dict[int, dict[str, Any]]:
    with catalog.read_session() as s:
        return {n["id"]: n for n in annotations_of(s, item_id)}


def _georef(catalog: Catalog, item_id: int) -> dict[str, Any]:
    with catalog.read_session() as s:
        item = s.get(Item, item_id)
        assert item is not None and item.georef is not None
        return json.loads(item.georef)  # type: ignore[no-any-return]


def _settle(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not editor.is_busy() and editor.tasks.pending == 0, timeout=30000)


def _free_spot(view, x: float, y: float) -> QPoint:  # type: ignore[no-untyped-def]
    spot = view.to_screen(x, y).toPoint()
    assert view.rect().contains(spot)
    assert view.hotspot_at(view.to_screen(x, y)) is None  # a click here is not on a ring
    return spot


def _type(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Key presses carrying Cyrillic letters (QTest.keyClicks only knows ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


@pytest.fixture
def make_editor(qtbot, sample_catalog: Catalog):  # type: ignore[no-untyped-def]
    made: list[TaskManager] = []

    def make(cls: type, lang: str = "en") -> Any:
        app = make_app()
        load_fonts(app, ROOT / "assets")
        tasks = TaskManager()
        made.append(tasks)
        editor = cls(tasks, Language(lang), QUndoStack())
        qtbot.addWidget(editor)
        editor.resize(1400, 900)
        editor.show()
        qtbot.waitExposed(editor)
        editor.activateWindow()
        item_id, _w, _h = _behaim(sample_catalog)
        editor.set_item(sample_catalog, item_id)
        _settle(qtbot, editor)
        return editor

    yield make
    for tasks in made:
        tasks.shutdown()


def test_add_label_move_delete_then_undo_and_redo(  # type: ignore[no-untyped-def]
    qtbot, sample_catalog: Catalog, make_editor
) -> None:
    item_id, width, height = _behaim(sample_catalog)
    editor: AnnotationEditor = make_editor(AnnotationEditor)
    stack = editor.undo_stack
    view = editor.view
    assert len(editor.notes) == 39 and len(view.hotspots) == 39  # the museum's KML
    assert editor.list.count() == 39 and "39" in editor.count.text()
    changed: list[None] = []
    editor.changed.connect(lambda: changed.append(None))

    # Add: A switches the Add tool on, a click on the map puts a place there.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert editor.add_action.isChecked() and view.add_mode
    geo = Equirectangular(width, height)
    x0, y0 = geo.to_pixel(68.77, 38.56)  # Dushanbe
    at = _free_spot(view, x0, y0)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=at)
    _settle(qtbot, editor)
    notes = _notes(sample_catalog, item_id)
    assert len(notes) == 40 and len(editor.notes) == 40 and changed
    new_id = max(notes)
    new = notes[new_id]
    clicked = view.to_image(at.toPointF())
    assert (new["x"], new["y"]) == pytest.approx((clicked.x(), clicked.y()), abs=0.01)
    assert new["lon"] == pytest.approx(68.77, abs=0.5) and new["lat"] == pytest.approx(
        38.56, abs=0.5
    )
    assert editor.selected == new_id and view.active_hotspot == new_id
    assert editor.label_edits["en"].hasFocus()  # ready to type the place's name
    assert all("⚠" in editor.tabs.tabText(i) for i in range(4))  # no label anywhere yet
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not editor.add_action.isChecked()

    # The Kazakh label, typed in its tab.
    editor.tabs.setCurrentIndex(1)
    kk = editor.label_edits["kk"]
    kk.setFocus()
    _type(kk, "Душанбе")
    qtbot.keyClick(kk, Qt.Key.Key_Return)
    _settle(qtbot, editor)
    assert _notes(sample_catalog, item_id)[new_id]["label"] == {"kk": "Душанбе"}
    # A label without a text is still marked: the tab says what is missing.
    assert "⚠" in editor.tabs.tabText(1) and editor.tabs.tabToolTip(1) == "no text"
    assert editor.tabs.tabToolTip(0) == "no label, no text"
    assert stack.count() == 2

    # Drag the ring somewhere else.
    start = view.to_screen(new["x"], new["y"]).toPoint()
    end = start + QPoint(80, 50)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, start + QPoint(30, 20))
    qtbot.mouseMove(view, end)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)
    _settle(qtbot, editor)
    moved = _notes(sample_catalog, item_id)[new_id]
    zoom = view.zoom
    assert moved["x"] == pytest.approx(new["x"] + 80 / zoom, abs=1.5 / zoom)
    assert moved["y"] == pytest.approx(new["y"] + 50 / zoom, abs=1.5 / zoom)
    assert moved["lon"] == pytest.approx(geo.to_lonlat(moved["x"], moved["y"])[0])
    assert stack.count() == 3 and len(_notes(sample_catalog, item_id)) == 40

    # Delete it with the Delete key: gone, and nothing to confirm because it can be undone.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    _settle(qtbot, editor)
    assert new_id not in _notes(sample_catalog, item_id) and len(editor.notes) == 39
    assert editor.selected is None and stack.count() == 4

    stack.undo()  # the place comes back, same id, label and position
    _settle(qtbot, editor)
    back = _notes(sample_catalog, item_id)[new_id]
    assert back == moved
    stack.undo()  # back where it was added
    _settle(qtbot, editor)
    back = _notes(sample_catalog, item_id)[new_id]
    assert (back["x"], back["y"]) == pytest.approx((new["x"], new["y"]))
    assert back["label"] == {"kk": "Душанбе"}
    stack.undo()  # no Kazakh label
    _settle(qtbot, editor)
    assert _notes(sample_catalog, item_id)[new_id]["label"] == {}
    stack.redo()  # the label again
    _settle(qtbot, editor)
    assert _notes(sample_catalog, item_id)[new_id]["label"] == {"kk": "Душанбе"}
    assert editor.note(new_id)["label"] == {"kk": "Душанбе"}  # type: ignore[index]

    # The list speaks the current language or says which one it fell back to; it filters.
    row = next(
        editor.list.item(i)
        for i in range(editor.list.count())
        if editor.list.item(i).data(Qt.ItemDataRole.UserRole) == new_id
    )
    assert row.text() == "Душанбе  · kk"
    editor.filter.setText("polkappe")
    shown = [editor.list.item(i) for i in range(editor.list.count())]
    assert sorted(r.text() for r in shown if not r.isHidden()) == [
        "NORTH POLAR CAP",  # in English now; the German original still finds them
        "SOUTH POLAR CAP",
    ]
    editor.filter.clear()

    editor.select(new_id)
    view.fly_to(back["x"], back["y"], zoom=view.fit_zoom() * 2.5, ms=0)
    _settle(qtbot, editor)
    SHOTS.mkdir(exist_ok=True)
    shot = editor.grab()
    assert (shot.width(), shot.height()) == (1400, 900)
    shot.save(str(SHOTS / "curator_annotations.png"))


def test_clicking_outside_the_image_adds_nothing(  # type: ignore[no-untyped-def]
    qtbot, sample_catalog: Catalog, make_editor
) -> None:
    editor: AnnotationEditor = make_editor(AnnotationEditor)
    editor.add_action.setChecked(True)
    top = editor.view.to_screen(100, 0).toPoint()
    qtbot.mouseClick(editor.view, Qt.MouseButton.LeftButton, pos=top - QPoint(0, 30))
    _settle(qtbot, editor)
    assert editor.undo_stack.count() == 0 and len(editor.notes) == 39


def test_a_change_that_cannot_be_saved_is_explained_and_the_list_reloads(  # type: ignore[no-untyped-def]
    qtbot, sample_catalog: Catalog, make_editor
) -> None:
    from exhibition_app.operations.annotations import delete_annotation

    item_id, _w, _h = _behaim(sample_catalog)
    editor: AnnotationEditor = make_editor(AnnotationEditor)
    gone = editor.notes[0]
    with sample_catalog.session() as s:  # another curator deleted it meanwhile
        delete_annotation(s, gone["id"])
    editor.move_to(gone["id"], gone["x"] + 10, gone["y"])
    _settle(qtbot, editor)
    assert editor.status.isVisibleTo(editor)
    assert f"no annotation {gone['id']}" in editor.status.text()
    assert len(editor.notes) == 38 == len(_notes(sample_catalog, item_id))


def test_coordinates_as_curators_type_them() -> None:
    assert parse_coordinate("68.77", "lon") == 68.77
    assert parse_coordinate("68,77", "lon") == 68.77
    assert parse_coordinate("12.5 W", "lon") == -12.5
    assert parse_coordinate("12° S", "lat") == -12
    for text, axis in (("north", "lat"), ("95", "lat"), ("10 N", "lon")):
        with pytest.raises(ValueError):
            parse_coordinate(text, axis)


def test_georeference_from_points_with_residuals_apply_and_undo(  # type: ignore[no-untyped-def]
    qtbot, sample_catalog: Catalog, make_editor
) -> None:
    item_id, width, height = _behaim(sample_catalog)
    editor: GeorefEditor = make_editor(GeorefEditor)
    stack, view, table = editor.undo_stack, editor.view, editor.table
    assert "plate carrée" in editor.saved_label.text()
    assert "No control points yet" in editor.result.text()
    assert not editor.apply_button.isEnabled()

    # Two points by hand: click the map, type lon/lat in the table. Too few for a fit.
    geo = Equirectangular(width, height)
    editor.add_action.setChecked(True)
    for lon, lat in ((68.77, 38.56), (-0.13, 51.51)):
        qtbot.mouseClick(
            view, Qt.MouseButton.LeftButton, pos=_free_spot(view, *geo.to_pixel(lon, lat))
        )
        row = table.rowCount() - 1
        table.item(row, 3).setText(f"{lon}")
        table.item(row, 4).setText(f"{abs(lat)} {'N' if lat >= 0 else 'S'}")
    editor.add_action.setChecked(False)
    assert editor.points[1][2:] == (-0.13, 51.51)
    assert "An affine fit needs at least 3 points" in editor.result.text()
    assert "there are 2" in editor.result.text() and not editor.apply_button.isEnabled()
    editor.kind_box.setCurrentIndex(editor.kind_box.findData("polynomial2"))
    editor.kind_box.activated.emit(editor.kind_box.currentIndex())
    assert "second-order polynomial fit needs at least 6" in editor.result.text()
    table.item(0, 3).setText("east")  # not a longitude: said next to the table, not saved
    assert "longitude" in editor.status.text() and editor.points[0][2] == 68.77
    for _ in range(7):  # kind, 2 x (lat, lon, add)
        stack.undo()
    assert editor.points == [] and editor.kind == "affine"

    # The map's 39 places as control points; a plate carrée map fits an affine exactly.
    editor.points_from_places()
    _settle(qtbot, editor)
    assert table.rowCount() == 39 and len(view.hotspots) == 39
    editor.fit_button.click()
    assert editor.fitted is not None and editor.fitted.rms < 0.01
    assert table.item(0, 5).text().endswith("px") and "RMS" in editor.result.text()
    assert not any(table.item(r, 5).text().startswith("⚠") for r in range(39))

    # Drag point 7's crosshair away: its residual is now the largest, marked in words.
    x, y = editor.points[6][:2]
    view.fly_to(x, y, zoom=1.0, ms=0)
    start = view.to_screen(x, y).toPoint()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, start + QPoint(20, 10))
    qtbot.mouseMove(view, start + QPoint(60, 25))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=start + QPoint(60, 25))
    assert editor.points[6][0] == pytest.approx(x + 60, abs=1.5)
    residuals = editor.fitted.residuals()  # type: ignore[union-attr]
    assert max(residuals) == residuals[6] > 20
    cell = table.item(6, 5)
    assert cell.text().startswith("⚠") and cell.font().bold() and cell.toolTip()
    assert "Largest residual: point 7" in editor.result.text()
    assert view.flagged == {6}

    # Apply saves through the database worker; undo puts plate carrée back; redo again.
    assert editor.apply_button.isEnabled()
    editor.apply_button.click()
    _settle(qtbot, editor)
    saved = _georef(sample_catalog, item_id)
    assert saved["type"] == "control_points" and saved["kind"] == "affine"
    assert len(saved["points"]) == 39 and saved["points"][6]["x"] == editor.points[6][0]
    assert "control points" in editor.saved_label.text() and not editor.apply_button.isEnabled()
    stack.undo()
    _settle(qtbot, editor)
    assert _georef(sample_catalog, item_id) == {"type": "equirectangular"}
    assert "plate carrée" in editor.saved_label.text() and editor.apply_button.isEnabled()
    stack.redo()
    _settle(qtbot, editor)
    assert _georef(sample_catalog, item_id)["type"] == "control_points"

    view.home()
    editor.select(6)
    _settle(qtbot, editor)
    SHOTS.mkdir(exist_ok=True)
    shot = editor.grab()
    assert (shot.width(), shot.height()) == (1400, 900)
    shot.save(str(SHOTS / "curator_georef.png"))
