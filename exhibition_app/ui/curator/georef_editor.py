"""The georeference editor: control points on a map, fitted, with residuals.

Control points are drawn on the deep-zoom view as numbered crosshairs and listed in a table
(pixel x, y, longitude, latitude, residual). Press A and click the map to add one, then type
its longitude and latitude in the table; drag a crosshair to move it; Delete removes it. The
points can also be taken from the map's places (annotations that know their lon/lat). "Fit"
fits the chosen kind (affine or second-order polynomial) right here and shows the RMS and
every residual (the largest marked with a sign, not colour alone); "Apply" saves the fit
through ``operations.annotations.set_control_points`` on the database worker.

Every edit of the draft and every Apply is a QUndoCommand on the workspace's stack.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from exhibition_app.core.georef import (
    KINDS,
    ControlPoint,
    Equirectangular,
    Fitted,
    Georef,
    GeorefError,
    fit,
)
from exhibition_app.operations.map_editing import (
    MapSheet,
    map_places,
    put_back_georeference,
    save_control_points,
)
from exhibition_app.ui.curator.map_editor_frame import ERROR_STYLE, MapEditorBase
from exhibition_app.ui.deepzoom.view import Hotspot
from exhibition_app.ui.i18n import tr

#: A control point being edited: pixel x, y and (once typed) lon, lat.
Point = tuple[float, float, float | None, float | None]
Draft = tuple[str, tuple[Point, ...]]

MIN_POINTS = {"affine": 3, "polynomial2": 6}
FLAG_RESIDUAL_PX = 0.5  # below this the largest residual is not worth a warning
COLUMNS = ("#", "x", "y", "lon", "lat", "residual")

_HEMISPHERE = re.compile(r"^\s*([-+]?\d+(?:[.,]\d+)?)\s*°?\s*([NSEWnsew]?)\s*$")


def parse_coordinate(text: str, axis: str) -> float:
    """A longitude (``axis == "lon"``) or latitude typed by a curator: ``68.77``, ``68,77``,
    ``-12.5``, ``38.5 N`` or ``12° W``. ValueError with a sentence for the curator."""
    match = _HEMISPHERE.match(text)
    if match is None:
        raise ValueError(
            tr("GeorefEditor", "Type the longitude as a number of degrees, e.g. 68.77 or 12.5 W.")
            if axis == "lon"
            else tr("GeorefEditor", "Type the latitude as a number of degrees, e.g. 38.56 or 12 S.")
        )
    value = float(match.group(1).replace(",", "."))
    hemisphere = match.group(2).upper()
    if hemisphere and (hemisphere in "NS") != (axis == "lat"):
        raise ValueError(
            tr("GeorefEditor", "A longitude is east (E) or west (W), not N or S.")
            if axis == "lon"
            else tr("GeorefEditor", "A latitude is north (N) or south (S), not E or W.")
        )
    if hemisphere in ("S", "W"):
        value = -abs(value)
    if axis == "lat" and not -90 <= value <= 90:
        raise ValueError(tr("GeorefEditor", "A latitude lies between 90 S and 90 N."))
    if axis == "lon" and not -360 <= value <= 360:
        raise ValueError(tr("GeorefEditor", "A longitude lies between -360 and 360 degrees."))
    return value


def kind_name(kind: str) -> str:
    names = {
        "affine": tr("GeorefEditor", "Affine (at least 3 points)"),
        "polynomial2": tr("GeorefEditor", "Second-order polynomial (at least 6 points)"),
    }
    return names.get(kind, kind)


# --- undo commands --------------------------------------------------------------------------


class _DraftCommand(QUndoCommand):
    """A change to the points being edited (not yet in the catalogue)."""

    def __init__(
        self,
        editor: GeorefEditor,
        text: str,
        before: Draft,
        after: Draft,
        select_after: int | None = None,
    ) -> None:
        super().__init__(text)
        self.editor, self.item_id = editor, editor.item_id
        self.before, self.after = before, after
        self.select_before, self.select_after = editor.selected, select_after

    def redo(self) -> None:
        if shiboken6.isValid(self.editor):  # a draft dies with its editor
            self.editor.set_draft(self.item_id, self.after, self.select_after)

    def undo(self) -> None:
        if shiboken6.isValid(self.editor):
            self.editor.set_draft(self.item_id, self.before, self.select_before)


class _ApplyCommand(QUndoCommand):
    """Saves the fit; undo puts the georeference it replaced back."""

    def __init__(self, editor: GeorefEditor, points: list[ControlPoint], kind: str) -> None:
        super().__init__(tr("GeorefEditor", "Apply georeference"))
        assert editor.catalog is not None and editor.item_id is not None
        self.editor, self.catalog, self.item_id = editor, editor.catalog, editor.item_id
        self.tasks = editor.tasks
        self.points, self.kind = points, kind
        self.previous: str | None = None
        self._has_previous = False

    def _run(self, job: Callable[[], dict[str, Any]]) -> None:
        if shiboken6.isValid(self.editor):
            self.editor.run_georef_job(job, self.item_id)
        elif shiboken6.isValid(self.tasks):  # the editor closed: keep the catalogue in step
            self.tasks.change(lambda _ctx: job(), lambda _report: None, lambda _exc: None)

    def redo(self) -> None:
        catalog, item_id = self.catalog, self.item_id

        def job() -> dict[str, Any]:
            report = save_control_points(catalog, item_id, self.points, self.kind)
            if not self._has_previous:  # on the worker, before any undo job runs
                self.previous, self._has_previous = report["previous"], True
            return report

        self._run(job)

    def undo(self) -> None:
        catalog, item_id = self.catalog, self.item_id
        self._run(lambda: put_back_georeference(catalog, item_id, self.previous))


# --- the editor -----------------------------------------------------------------------------


class GeorefEditor(MapEditorBase):
    """Control points for a map's georeference, fitted and applied with undo."""

    MARKER_STYLE = "cross"
    SIDE_MIN_WIDTH = 400
    SIDE_WIDTH = 470

    def _build_side(self) -> None:
        """The kind of fit, the table of points, Fit and Apply, and the fit's result."""
        self.points: list[Point] = []
        self.kind = "affine"
        self.selected: int | None = None
        self.saved: dict[str, Any] | None = None
        self.saved_geo: Georef | None = None
        self.fitted: Fitted | None = None
        self.fit_problem = ""
        self.live_fit = False
        self._filling = False
        self.size_px: tuple[int, int] | None = None

        self.saved_label = QLabel()
        self.saved_label.setObjectName("sideSub")
        self.saved_label.setWordWrap(True)
        self.kind_box = QComboBox()
        for kind in KINDS:
            self.kind_box.addItem("", kind)
        self.kind_box.activated.connect(self._kind_chosen)
        self.kind_label = QLabel()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((36, 64, 64, 84, 80)):
            self.table.setColumnWidth(column, width)
        self.table.itemChanged.connect(self._cell_changed)
        self.table.itemSelectionChanged.connect(self._row_selected)
        self.places_button = QPushButton()
        self.places_button.clicked.connect(self.points_from_places)
        self.fit_button = QPushButton()
        self.fit_button.clicked.connect(self.fit_now)
        self.apply_button = QPushButton()
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setMinimumHeight(44)
        self.result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        side_col = self.side_col
        side_col.addWidget(self.saved_label)
        form = QFormLayout()
        form.setContentsMargins(0, 6, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.kind_label, self.kind_box)
        side_col.addLayout(form)
        side_col.addWidget(self.table, 1)
        side_col.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.places_button)
        buttons.addStretch(1)
        buttons.addWidget(self.fit_button)
        buttons.addWidget(self.apply_button)
        side_col.addLayout(buttons)
        side_col.addWidget(self.result)

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self._retranslate_tools(
            (
                tr("GeorefEditor", "Add point"),
                tr("GeorefEditor", "Add control points: click a place you can identify (A)"),
            ),
            (
                tr("GeorefEditor", "Delete"),
                tr("GeorefEditor", "Delete the selected point (Del)"),
            ),
            (tr("GeorefEditor", "Whole map"), tr("GeorefEditor", "Show the whole map (0)")),
        )
        self.kind_label.setText(tr("GeorefEditor", "Fit"))
        for i in range(self.kind_box.count()):
            self.kind_box.setItemText(i, kind_name(str(self.kind_box.itemData(i))))
        self.kind_box.setAccessibleName(tr("GeorefEditor", "Kind of fit"))
        self.table.setHorizontalHeaderLabels(
            [
                tr("GeorefEditor", "#"),
                tr("GeorefEditor", "x"),
                tr("GeorefEditor", "y"),
                tr("GeorefEditor", "Longitude"),
                tr("GeorefEditor", "Latitude"),
                tr("GeorefEditor", "Residual"),
            ]
        )
        self.table.setAccessibleName(tr("GeorefEditor", "Control points"))
        self.places_button.setText(tr("GeorefEditor", "Use the map's places"))
        self.places_button.setToolTip(
            tr("GeorefEditor", "Take every place on this map that has a longitude and latitude")
        )
        self.fit_button.setText(tr("GeorefEditor", "Fit"))
        self.fit_button.setToolTip(tr("GeorefEditor", "Fit the points and show the residuals"))
        self.apply_button.setText(tr("GeorefEditor", "Apply"))
        self.apply_button.setToolTip(tr("GeorefEditor", "Save this georeference to the map"))
        self._show_saved()
        self._refresh()

    def _add_mode_hint(self) -> None:
        self.mode_hint.setText(
            tr("GeorefEditor", "Click a place you can identify · Esc to stop")
            if self.add_action.isChecked()
            else tr("GeorefEditor", "Drag a crosshair to move it")
        )

    def _show_saved(self) -> None:
        report = self.saved
        kind = report.get("type") if report else None
        loc = QLocale()
        if report is None or kind is None:
            text = tr("GeorefEditor", "Saved: not georeferenced.")
        elif kind == "equirectangular":
            text = tr("GeorefEditor", "Saved: whole-world plate carrée (equirectangular).")
        else:
            text = (
                tr("GeorefEditor", "Saved: %1 fit through %2 control points, RMS %3 px.")
                .replace(
                    "%1",
                    tr("GeorefEditor", "affine")
                    if report["kind"] == "affine"
                    else tr("GeorefEditor", "second-order polynomial"),
                )
                .replace("%2", loc.toString(len(report["points"])))
                .replace("%3", loc.toString(float(report["rms"]), "f", 2))
            )
        self.saved_label.setText(text)

    # -- loading ---------------------------------------------------------------------------
    def _item_changed(self) -> None:
        self.points, self.kind, self.selected = [], "affine", None
        self.saved = None
        self.saved_geo = None
        self.live_fit = False
        self.title = ""
        self.add_action.setChecked(False)
        self._set_status("")
        self._show_saved()
        self._refresh()

    def _sheet_loaded(self, sheet: MapSheet) -> None:
        self.size_px = sheet.size
        report = sheet.georef
        self._saved_changed(report)
        if report.get("type") == "control_points":
            self.kind = report["kind"]
            self.points = [(p["x"], p["y"], p["lon"], p["lat"]) for p in report["points"]]
            self.live_fit = True
        self._refresh()

    def _saved_changed(self, report: dict[str, Any]) -> None:
        self.saved = report
        geo: Georef | None = None
        try:
            if report.get("type") == "control_points":
                geo = fit(
                    [ControlPoint(p["x"], p["y"], p["lon"], p["lat"]) for p in report["points"]],
                    report["kind"],
                )
            elif report.get("type") == "equirectangular" and self.size_px is not None:
                geo = Equirectangular(*self.size_px)
        except GeorefError:
            geo = None
        self.saved_geo = geo
        self._show_saved()

    def _map_ready(self) -> None:
        self._refresh()

    # -- the draft -------------------------------------------------------------------------
    def draft(self) -> Draft:
        return self.kind, tuple(self.points)

    def set_draft(self, item_id: int | None, draft: Draft, select: int | None) -> None:
        """Called by the undo commands."""
        if item_id != self.item_id:
            return
        self.kind, points = draft
        self.points = list(points)
        self.selected = select if select is not None and select < len(self.points) else None
        self._refresh()

    def _push(self, text: str, after: Draft, select: int | None) -> None:
        if after == self.draft():
            return
        self.undo_stack.push(_DraftCommand(self, text, self.draft(), after, select))

    def add_at(self, x: float, y: float) -> None:
        """A new point at image pixel (x, y); its lon/lat cells open for typing."""
        if self.item_id is None:
            return
        points = [*self.points, (x, y, None, None)]
        self._push(
            tr("GeorefEditor", "Add control point"), (self.kind, tuple(points)), len(points) - 1
        )
        row = len(points) - 1
        cell = self.table.item(row, 3)
        if cell is not None:
            self.table.setCurrentCell(row, 3)
            self.table.setFocus()
            self.table.editItem(cell)

    def move_marker(self, marker_id: int, x: float, y: float) -> None:
        self.move_point(marker_id, x, y)

    def move_point(self, index: int, x: float, y: float) -> None:
        if not 0 <= index < len(self.points):
            return
        points = list(self.points)
        _x, _y, lon, lat = points[index]
        points[index] = (x, y, lon, lat)
        self._push(tr("GeorefEditor", "Move control point"), (self.kind, tuple(points)), index)

    def delete_selected(self) -> None:
        index = self.selected
        if index is None or not 0 <= index < len(self.points):
            return
        points = [p for i, p in enumerate(self.points) if i != index]
        select = min(index, len(points) - 1) if points else None
        self._push(tr("GeorefEditor", "Delete control point"), (self.kind, tuple(points)), select)

    def _kind_chosen(self, _index: int) -> None:
        if self._filling:
            return
        kind = str(self.kind_box.currentData())
        self._push(
            tr("GeorefEditor", "Change the kind of fit"), (kind, tuple(self.points)), self.selected
        )

    def points_from_places(self) -> None:
        """Replace the points by the map's places that have a longitude and latitude."""
        catalog, item_id = self.catalog, self.item_id
        if catalog is None or item_id is None:
            return

        def done(notes: list[dict[str, Any]]) -> None:
            if item_id != self.item_id:
                return
            points = tuple(
                (n["x"], n["y"], n["lon"], n["lat"])
                for n in notes
                if n["lon"] is not None and n["lat"] is not None
            )
            if not points:
                self._set_status(
                    tr("GeorefEditor", "This map has no places with a longitude and latitude.")
                )
                return
            self._set_status("")
            self._push(
                tr("GeorefEditor", "Use the map's places as control points"),
                (self.kind, points),
                None,
            )

        self.run_op(lambda: map_places(catalog, item_id), done, self._set_status)

    def _cell_changed(self, cell: QTableWidgetItem) -> None:
        if self._filling:
            return
        row, column = cell.row(), cell.column()
        if not 0 <= row < len(self.points) or column not in (1, 2, 3, 4):
            return
        text = cell.text().strip()
        x, y, lon, lat = self.points[row]
        try:
            if column in (1, 2):
                value = float(text.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
                limit = self.size_px[column - 1] if self.size_px else math.inf
                if not (math.isfinite(value) and 0 <= value <= limit):
                    raise ValueError(tr("GeorefEditor", "A pixel position lies inside the image."))
                x, y = (value, y) if column == 1 else (x, value)
            elif not text:
                lon, lat = (None, lat) if column == 3 else (lon, None)
            elif column == 3:
                lon = parse_coordinate(text, "lon")
            else:
                lat = parse_coordinate(text, "lat")
        except ValueError as exc:
            self._set_status(str(exc))
            self._refresh()  # put the cell back as it was
            return
        self._set_status("")
        points = list(self.points)
        points[row] = (x, y, lon, lat)
        names = {
            1: tr("GeorefEditor", "Change x of point %1"),
            2: tr("GeorefEditor", "Change y of point %1"),
            3: tr("GeorefEditor", "Change longitude of point %1"),
            4: tr("GeorefEditor", "Change latitude of point %1"),
        }
        self._push(names[column].replace("%1", str(row + 1)), (self.kind, tuple(points)), row)

    # -- selection -------------------------------------------------------------------------
    def select(self, index: int | None) -> None:
        self.selected = index
        self.view.active_hotspot = index
        self.view.update()
        self._filling = True
        try:
            if index is None:
                self.table.clearSelection()
            else:
                self.table.selectRow(index)
                cell = self.table.item(index, 0)
                if cell is not None:
                    self.table.scrollToItem(cell)
        finally:
            self._filling = False
        self.delete_action.setEnabled(index is not None)

    def _row_selected(self) -> None:
        if self._filling:
            return
        rows = {i.row() for i in self.table.selectedIndexes()}
        index = min(rows) if rows else None
        self.selected = index
        self.view.active_hotspot = index
        self.delete_action.setEnabled(index is not None)
        if index is not None and 0 <= index < len(self.points):
            x, y = self.points[index][:2]
            if not self.view.visible_image_rect().contains(QPointF(x, y)):
                self.view.fly_to(x, y, zoom=self.view.zoom)
        self.view.update()

    # -- fitting ---------------------------------------------------------------------------
    def fit_now(self) -> None:
        """Fit the points now and keep the residuals up to date from here on."""
        self.live_fit = True
        self._refresh()
        if self.fitted is not None:
            residuals = self.fitted.residuals()
            worst = max(range(len(residuals)), key=residuals.__getitem__)
            if residuals[worst] >= FLAG_RESIDUAL_PX:
                self.select(worst)

    def _complete_points(self) -> list[ControlPoint]:
        return [
            ControlPoint(x, y, lon, lat)
            for x, y, lon, lat in self.points
            if lon is not None and lat is not None
        ]

    def _try_fit(self) -> None:
        """Fit the draft (or say why it cannot be): ``fitted`` and ``fit_problem``."""
        self.fitted, self.fit_problem = None, ""
        need = MIN_POINTS[self.kind]
        incomplete = [i + 1 for i, p in enumerate(self.points) if p[2] is None or p[3] is None]
        complete = self._complete_points()
        loc = QLocale()
        if not self.points:
            self.fit_problem = tr(
                "GeorefEditor",
                "No control points yet. Press A and click a place you can identify on the map, "
                "then type its longitude and latitude in the table; or use the map's places.",
            )
        elif len(complete) < need:
            message = (
                tr(
                    "GeorefEditor",
                    "An affine fit needs at least 3 points with longitude and latitude; "
                    "there are %1.",
                )
                if self.kind == "affine"
                else tr(
                    "GeorefEditor",
                    "A second-order polynomial fit needs at least 6 points with longitude "
                    "and latitude; there are %1.",
                )
            )
            self.fit_problem = message.replace("%1", loc.toString(len(complete)))
        elif incomplete:
            self.fit_problem = tr(
                "GeorefEditor", "Type the longitude and latitude of point %1 in the table."
            ).replace("%1", str(incomplete[0]))
        else:
            try:
                self.fitted = fit(complete, self.kind)
            except GeorefError as exc:
                text = str(exc)
                self.fit_problem = text[:1].upper() + text[1:] + "."

    def _refresh(self) -> None:
        """Table, crosshairs, fit result and buttons from the draft."""
        self._try_fit()
        fitted = self.fitted if self.live_fit else None
        residuals = fitted.residuals() if fitted is not None else []
        worst = max(range(len(residuals)), key=residuals.__getitem__) if residuals else None
        if worst is not None and residuals[worst] < FLAG_RESIDUAL_PX:
            worst = None
        loc = QLocale()
        self._filling = True
        try:
            self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(self.kind)))
            self.table.setRowCount(len(self.points))
            for row, (x, y, lon, lat) in enumerate(self.points):
                values = [
                    str(row + 1),
                    loc.toString(x, "f", 1),
                    loc.toString(y, "f", 1),
                    "" if lon is None else loc.toString(lon, "f", 4),
                    "" if lat is None else loc.toString(lat, "f", 4),
                    "",
                ]
                residual_tip = ""
                if residuals:
                    values[5] = tr("GeorefEditor", "%1 px").replace(
                        "%1", loc.toString(residuals[row], "f", 2)
                    )
                    if row == worst:
                        values[5] = "⚠ " + values[5]
                        residual_tip = tr("GeorefEditor", "The largest residual: check this point")
                elif lon is not None and lat is not None:
                    values[5] = "—"
                for column, value in enumerate(values):
                    cell = self.table.item(row, column)
                    if cell is None:
                        cell = QTableWidgetItem()
                        self.table.setItem(row, column, cell)
                    cell.setText(value)
                    editable = column in (1, 2, 3, 4)
                    flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                    cell.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
                    align = Qt.AlignmentFlag.AlignVCenter | (
                        Qt.AlignmentFlag.AlignRight if column else Qt.AlignmentFlag.AlignCenter
                    )
                    cell.setTextAlignment(align)
                    font = cell.font()
                    font.setBold(column == 5 and row == worst)
                    cell.setFont(font)
                    if column == 5:
                        cell.setToolTip(residual_tip)
                    if column in (3, 4) and not value:
                        cell.setToolTip(tr("GeorefEditor", "Type a value, e.g. 68.77 or 12.5 W"))
            if self.selected is not None and self.selected < len(self.points):
                self.table.selectRow(self.selected)
            else:
                self.selected = None
                self.table.clearSelection()
        finally:
            self._filling = False
        self.heading.setText(self.title or tr("GeorefEditor", "Georeference"))
        self.delete_action.setEnabled(self.selected is not None)
        self.view.set_hotspots(
            [Hotspot(i, p[0], p[1], str(i + 1)) for i, p in enumerate(self.points)]
        )
        self.view.active_hotspot = self.selected
        self.view.flagged = {worst} if worst is not None else set()
        self.view.fitted = (
            {
                i: fitted.to_pixel(p[2], p[3])
                for i, p in enumerate(self.points)
                if p[2] is not None and p[3] is not None
            }
            if fitted is not None
            else {}
        )
        geo = self.fitted or self.saved_geo
        self.view.to_lonlat = geo.to_lonlat if geo is not None else None
        self.view.update()
        self._show_result(residuals, worst)
        self.fit_button.setEnabled(self.fitted is not None)
        self.apply_button.setEnabled(self.fitted is not None and not self._is_saved())
        self.places_button.setEnabled(self.item_id is not None)

    def _is_saved(self) -> bool:
        report = self.saved
        if report is None or report.get("type") != "control_points":
            return False
        saved = [(p["x"], p["y"], p["lon"], p["lat"]) for p in report["points"]]
        return report["kind"] == self.kind and saved == self.points

    def _show_result(self, residuals: list[float], worst: int | None) -> None:
        loc = QLocale()
        if self.fitted is None:
            self.result.setText("⚠ " + self.fit_problem if self.fit_problem else "")
            self.result.setStyleSheet(ERROR_STYLE if self.points else "")
            return
        self.result.setStyleSheet("")
        if not self.live_fit:
            self.result.setText(
                tr("GeorefEditor", "%1 points are ready: press Fit to see the residuals.").replace(
                    "%1", loc.toString(len(self.points))
                )
            )
            return
        text = (
            tr("GeorefEditor", "RMS error %1 px over %2 points.")
            .replace("%1", loc.toString(self.fitted.rms, "f", 2))
            .replace("%2", loc.toString(len(residuals)))
        )
        if worst is not None:
            text += " " + (
                tr("GeorefEditor", "⚠ Largest residual: point %1, %2 px.")
                .replace("%1", str(worst + 1))
                .replace("%2", loc.toString(residuals[worst], "f", 2))
            )
        if self._is_saved():
            text += " " + tr("GeorefEditor", "This is the saved georeference.")
        self.result.setText(text)

    # -- applying --------------------------------------------------------------------------
    def apply(self) -> None:
        """Save the fitted points as the map's georeference (one undo step)."""
        self._try_fit()
        if self.fitted is None or self.catalog is None:
            self._refresh()
            return
        self.live_fit = True
        self.undo_stack.push(_ApplyCommand(self, self._complete_points(), self.kind))

    def run_georef_job(self, job: Any, item_id: int) -> None:
        """Called by the Apply command: save (or restore) on the database worker."""

        def done(report: dict[str, Any]) -> None:
            self.changed.emit()
            if item_id != self.item_id:
                return
            self._set_status("")
            self._saved_changed(report)
            self._refresh()

        def failed(message: str) -> None:
            self._set_status(
                tr("GeorefEditor", "The georeference could not be saved: %1").replace("%1", message)
            )

        self.run_op(job, done, failed)
