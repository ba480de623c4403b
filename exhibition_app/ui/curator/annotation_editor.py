"""The map annotation editor: places on a map as gold rings, added by a click, moved by a
drag, labelled in every language, deleted with undo.

The deep-zoom view of the visitor's map fills the left under the shared toolbar
(``map_editor_frame``); the list of places and the selected place's texts sit on the right.
Every change is an undo step (``annotation_commands``) whose redo and undo run
``operations.map_editing`` on the database worker and then refresh the view, so undo is
always available and nothing blocks the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exhibition_app.core.languages import LANGUAGES, NATIVE_NAMES
from exhibition_app.core.textfold import fold
from exhibition_app.operations.map_editing import MapSheet
from exhibition_app.ui.curator.annotation_commands import (
    AddPlace,
    DeletePlace,
    MovePlace,
    Outcome,
    PlaceHandle,
    RetitlePlace,
)
from exhibition_app.ui.curator.item_editor import PlainEdit
from exhibition_app.ui.curator.map_editor_frame import MapEditorBase
from exhibition_app.ui.deepzoom.view import Hotspot
from exhibition_app.ui.i18n import tr


def format_lonlat(lon: float | None, lat: float | None) -> str:
    if lon is None or lat is None:
        return ""
    loc = QLocale()
    ns = "N" if lat >= 0 else "S"
    ew = "E" if lon >= 0 else "W"
    return f"{loc.toString(abs(lat), 'f', 2)}° {ns}, {loc.toString(abs(lon), 'f', 2)}° {ew}"


def format_pixels(x: float, y: float) -> str:
    loc = QLocale()
    return (
        tr("AnnotationEditor", "x %1, y %2 px")
        .replace("%1", loc.toString(round(x)))
        .replace("%2", loc.toString(round(y)))
    )


class AnnotationEditor(MapEditorBase):
    """Places on a map: add (A, then click), drag to move, texts in four languages, Delete.

    Every change is pushed onto ``undo_stack``; ``changed`` fires when one has reached the
    catalogue.
    """

    MARKER_STYLE = "ring"
    SIDE_MIN_WIDTH = 320
    SIDE_WIDTH = 400

    def _build_side(self) -> None:
        """The list of places, then the selected place."""
        self.notes: list[dict[str, Any]] = []
        self.selected: int | None = None
        self._handles: dict[int, PlaceHandle] = {}
        self._filling = False
        self._loaded_texts: dict[tuple[str, str], str] = {}
        self.delete_action.setEnabled(False)
        add_button = self.toolbar.widgetForAction(self.add_action)
        if isinstance(add_button, QToolButton):
            add_button.setObjectName("addPlace")

        self.count = QLabel()
        self.count.setObjectName("sideSub")
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.list = QListWidget()
        self.list.setObjectName("placeList")
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.currentItemChanged.connect(self._row_changed)
        self.place_title = QLabel()
        self.place_title.setObjectName("groupTitle")
        self.position = QLabel()
        self.position.setObjectName("sideSub")
        self.position.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.label_edits: dict[str, QLineEdit] = {}
        self.text_edits: dict[str, PlainEdit] = {}
        self.field_labels: list[tuple[QLabel, QLabel]] = []
        for lang in LANGUAGES:
            page = QWidget()
            form = QFormLayout(page)
            form.setContentsMargins(8, 10, 8, 8)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            label_edit = QLineEdit()
            label_edit.editingFinished.connect(lambda c=lang: self._text_finished("label", c))
            label_edit.textEdited.connect(lambda _t, c=lang: self._mark_tab(c))
            text_edit = PlainEdit()
            text_edit.setTabChangesFocus(True)
            text_edit.setMinimumHeight(110)
            text_edit.editingFinished.connect(lambda c=lang: self._text_finished("text", c))
            text_edit.textChanged.connect(lambda c=lang: self._mark_tab(c))
            name_label, text_label = QLabel(), QLabel()
            form.addRow(name_label, label_edit)
            form.addRow(text_label, text_edit)
            self.field_labels.append((name_label, text_label))
            self.label_edits[lang], self.text_edits[lang] = label_edit, text_edit
            self.tabs.addTab(page, NATIVE_NAMES[lang])
        self.others = QLabel()
        self.others.setObjectName("hint")
        self.others.setWordWrap(True)
        self.others.setTextFormat(Qt.TextFormat.PlainText)
        self.delete_button = QPushButton()
        self.delete_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.delete_button.clicked.connect(self.delete_selected)
        self.details = QWidget()
        details_col = QVBoxLayout(self.details)
        details_col.setContentsMargins(0, 0, 0, 0)
        details_col.setSpacing(4)
        title_row = QHBoxLayout()
        title_row.addWidget(self.place_title, 1)
        title_row.addWidget(self.delete_button)
        details_col.addLayout(title_row)
        details_col.addWidget(self.position)
        details_col.addWidget(self.tabs)
        details_col.addWidget(self.others)
        self.no_selection = QLabel()
        self.no_selection.setObjectName("hint")
        self.no_selection.setWordWrap(True)
        self.no_selection.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        for widget, stretch in (
            (self.count, 0),
            (self.filter, 0),
            (self.list, 1),
            (self.details, 0),
            (self.no_selection, 0),
            (self.status, 0),
        ):
            self.side_col.addWidget(widget, stretch)

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self._retranslate_tools(
            (
                tr("AnnotationEditor", "Add place"),
                tr("AnnotationEditor", "Add places: click the map where a place goes (A)"),
            ),
            (
                tr("AnnotationEditor", "Delete"),
                tr("AnnotationEditor", "Delete the selected place (Del)"),
            ),
            (tr("AnnotationEditor", "Whole map"), tr("AnnotationEditor", "Show the whole map (0)")),
        )
        self.filter.setPlaceholderText(tr("AnnotationEditor", "Filter places"))
        self.filter.setAccessibleName(tr("AnnotationEditor", "Filter places"))
        self.list.setAccessibleName(tr("AnnotationEditor", "Places on this map"))
        self.delete_button.setText(tr("AnnotationEditor", "Delete place"))
        self.no_selection.setText(
            tr(
                "AnnotationEditor",
                "Select a place in the list or on the map to edit its label and text. "
                "Press A, then click the map, to add one.",
            )
        )
        for lang, (name_label, text_label) in zip(LANGUAGES, self.field_labels, strict=True):
            name_label.setText(tr("AnnotationEditor", "Label"))
            text_label.setText(tr("AnnotationEditor", "Text"))
            self.label_edits[lang].setAccessibleName(
                tr("AnnotationEditor", "Label (%1)").replace("%1", NATIVE_NAMES[lang])
            )
            self.text_edits[lang].setAccessibleName(
                tr("AnnotationEditor", "Text (%1)").replace("%1", NATIVE_NAMES[lang])
            )
        self._fill_list()
        self._show_selection()

    def _add_mode_hint(self) -> None:
        self.mode_hint.setText(
            tr("AnnotationEditor", "Click the map to add a place · Esc to stop")
            if self.add_action.isChecked()
            else tr("AnnotationEditor", "Drag a ring to move it")
        )

    def _note_label(self, note: dict[str, Any]) -> tuple[str, str | None]:
        """(label in the current language or its fallback, the language it fell back to)."""
        picked = self.language.pick(note["label"])
        if picked is None:
            return tr("AnnotationEditor", "(no label)"), None
        return picked.text, picked.lang if picked.is_fallback else None

    # -- loading ---------------------------------------------------------------------------
    def _item_changed(self) -> None:
        self.notes, self.selected, self.title = [], None, ""
        self._handles.clear()
        self.add_action.setChecked(False)
        self._fill_list()
        self._show_selection()
        self._set_status("")

    def _sheet_loaded(self, sheet: MapSheet) -> None:
        self._set_notes(sheet.places)

    def _set_notes(self, notes: list[dict[str, Any]]) -> None:
        self.notes = notes
        ids = {n["id"] for n in notes}
        if self.selected not in ids:
            self.selected = None
        self._fill_list()
        self._show_selection()

    def _fill_list(self) -> None:
        self._filling = True
        try:
            self.heading.setText(self.title or tr("AnnotationEditor", "Map annotations"))
            self.list.clear()
            current_row: QListWidgetItem | None = None
            for note in self.notes:
                text, fallback = self._note_label(note)
                row = QListWidgetItem(f"{text}  · {fallback}" if fallback else text)
                row.setData(Qt.ItemDataRole.UserRole, note["id"])
                row.setToolTip(text)
                if not note["label"]:
                    font = row.font()
                    font.setItalic(True)
                    row.setFont(font)
                self.list.addItem(row)
                if note["id"] == self.selected:
                    current_row = row
            if current_row is not None:
                self.list.setCurrentItem(current_row)
            self._apply_filter()
            self.view.set_hotspots(
                [
                    Hotspot(n["id"], n["x"], n["y"], self._note_label(n)[0] if n["label"] else "")
                    for n in self.notes
                ]
            )
            self.view.active_hotspot = self.selected
        finally:
            self._filling = False

    def _apply_filter(self) -> None:
        query = fold(self.filter.text())
        shown = 0
        by_id = {n["id"]: n for n in self.notes}
        for i in range(self.list.count()):
            row = self.list.item(i)
            note = by_id.get(int(row.data(Qt.ItemDataRole.UserRole)))
            haystack = ""
            if note is not None:
                haystack = fold(" ".join([*note["label"].values(), *note["text"].values()]))
            hide = bool(query) and query not in haystack
            row.setHidden(hide)
            shown += not hide
        total = len(self.notes)
        loc = QLocale()
        if query:
            self.count.setText(
                tr("AnnotationEditor", "%1 of %2 places")
                .replace("%1", loc.toString(shown))
                .replace("%2", loc.toString(total))
            )
        else:
            self.count.setText(
                tr("AnnotationEditor", "%1 places on this map").replace("%1", loc.toString(total))
            )

    # -- selection -------------------------------------------------------------------------
    def note(self, note_id: int | None) -> dict[str, Any] | None:
        return next((n for n in self.notes if n["id"] == note_id), None)

    def select(self, note_id: int | None) -> None:
        """Select a place (in the list, on the map and in the fields)."""
        if note_id == self.selected:
            return
        self.selected = note_id
        self._filling = True
        try:
            for i in range(self.list.count()):
                row = self.list.item(i)
                if row.data(Qt.ItemDataRole.UserRole) == note_id:
                    self.list.setCurrentItem(row)
                    self.list.scrollToItem(row)
                    break
            else:
                self.list.setCurrentItem(None)
        finally:
            self._filling = False
        self.view.active_hotspot = note_id
        self.view.update()
        self._show_selection(force=True)

    def _row_changed(self, row: QListWidgetItem | None, _previous: object = None) -> None:
        if self._filling or row is None:
            return
        note_id = int(row.data(Qt.ItemDataRole.UserRole))
        self.select(note_id)
        note = self.note(note_id)
        if note is not None and not self.view.visible_image_rect().contains(
            QPointF(note["x"], note["y"])
        ):
            self.view.fly_to(note["x"], note["y"], zoom=self.view.zoom)

    def _show_selection(self, force: bool = False) -> None:
        note = self.note(self.selected)
        self.details.setVisible(note is not None)
        self.no_selection.setVisible(note is None)
        self.delete_action.setEnabled(note is not None)
        if note is None:
            self._loaded_texts = {}
            return
        text, _fallback = self._note_label(note)
        self.place_title.setText(text)
        where = format_pixels(note["x"], note["y"])
        lonlat = format_lonlat(note["lon"], note["lat"])
        self.position.setText(f"{where}   ·   {lonlat}" if lonlat else where)
        for lang in LANGUAGES:
            for field, widget in (
                ("label", self.label_edits[lang]),
                ("text", self.text_edits[lang]),
            ):
                value = note[field].get(lang, "")
                key = (field, lang)
                shown = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
                dirty = key in self._loaded_texts and shown != self._loaded_texts[key]
                if force or not dirty:
                    if shown != value:
                        if isinstance(widget, QLineEdit):
                            widget.setText(value)
                        else:
                            widget.setPlainText(value)
                    self._loaded_texts[key] = value
            self._mark_tab(lang)
        others = [
            f"{code.upper()}: {note['label'].get(code) or ''}"
            + (f" — {note['text'][code]}" if note["text"].get(code) else "")
            for code in sorted(set(note["label"]) | set(note["text"]))
            if code not in LANGUAGES
        ]
        self.others.setVisible(bool(others))
        if others:
            full = "\n".join(others)
            self.others.setText(
                tr("AnnotationEditor", "Also in other languages (kept as they are):")
                + "\n"
                + self.others.fontMetrics().elidedText(
                    full.replace("\n", "   "),
                    Qt.TextElideMode.ElideRight,
                    3 * (self.SIDE_WIDTH - 30),
                )
            )
            self.others.setToolTip(full)

    def _mark_tab(self, lang: str) -> None:
        """A tab whose label or text is empty says so with a mark and a tooltip (which of
        the two), not colour alone."""
        i = LANGUAGES.index(lang)
        label = self.label_edits[lang].text().strip()
        text = self.text_edits[lang].toPlainText().strip()
        missing = []
        if not label:
            missing.append(tr("AnnotationEditor", "no label"))
        if not text:
            missing.append(tr("AnnotationEditor", "no text"))
        self.tabs.setTabText(i, NATIVE_NAMES[lang] + ("  ⚠" if missing else ""))
        self.tabs.setTabToolTip(i, ", ".join(missing))

    # -- edits -----------------------------------------------------------------------------
    def _handle(self, note_id: int) -> PlaceHandle:
        handle = self._handles.get(note_id)
        if handle is None:
            handle = self._handles[note_id] = PlaceHandle(note_id)
        return handle

    def add_at(self, x: float, y: float) -> None:
        """Add a place at image pixel (x, y) (one undo step)."""
        if self.catalog is None or self.item_id is None:
            return
        self.undo_stack.push(AddPlace(self, x, y))

    def move_marker(self, marker_id: int, x: float, y: float) -> None:
        self.move_to(marker_id, x, y)

    def move_to(self, note_id: int, x: float, y: float) -> None:
        """Move a place to image pixel (x, y) (one undo step)."""
        note = self.note(note_id)
        if note is None or self.catalog is None:
            return
        if (round(note["x"], 2), round(note["y"], 2)) == (round(x, 2), round(y, 2)):
            return
        self.undo_stack.push(MovePlace(self, self._handle(note_id), (note["x"], note["y"]), (x, y)))

    def _text_finished(self, field: str, lang: str) -> None:
        note = self.note(self.selected)
        if note is None or self.catalog is None:
            return
        widget = self.label_edits[lang] if field == "label" else self.text_edits[lang]
        value = (widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()).strip()
        # What was last loaded or sent: Return then leaving the field is one edit, and two
        # quick edits undo one after the other even before the first reached the catalogue.
        before = self._loaded_texts.get((field, lang), note[field].get(lang, ""))
        if value == before:
            return
        self._loaded_texts[(field, lang)] = value
        name = (
            tr("AnnotationEditor", "Label") if field == "label" else tr("AnnotationEditor", "Text")
        )
        text = (
            tr("AnnotationEditor", "Change %1 (%2)")
            .replace("%1", name.lower())
            .replace("%2", NATIVE_NAMES[lang])
        )
        self.undo_stack.push(
            RetitlePlace(
                self,
                self._handle(note["id"]),
                text,
                {field: {lang: before}},
                {field: {lang: value}},
            )
        )

    def delete_selected(self) -> None:
        """Delete the selected place (one undo step: nothing to confirm)."""
        if self.note(self.selected) is None or self.catalog is None or self.selected is None:
            return
        self.undo_stack.push(DeletePlace(self, self._handle(self.selected)))

    def run_command(self, step: Callable[[], Outcome], item_id: int, handle: PlaceHandle) -> None:
        """Called by the undo steps: ``step`` on the database worker, then refresh."""
        old_id = handle.id

        def done(result: Outcome) -> None:
            select, notes = result
            if handle.id is not None and handle.id != old_id:
                if old_id is not None:
                    self._handles.pop(old_id, None)
                self._handles[handle.id] = handle
            self.changed.emit()
            if item_id != self.item_id:
                return
            self._set_status("")
            self._set_notes(notes)
            if select is not None:
                self.select(select)
                if old_id is None:  # a new place: type its name straight away
                    self._focus_label()

        def failed(message: str) -> None:
            self._set_status(
                tr("AnnotationEditor", "The change could not be saved: %1").replace("%1", message)
            )
            if item_id == self.item_id:
                self._load_data()

        self.run_op(step, done, failed)

    def _focus_label(self) -> None:
        lang = self.language.code if self.language.code in LANGUAGES else LANGUAGES[0]
        self.tabs.setCurrentIndex(LANGUAGES.index(lang))
        self.label_edits[lang].setFocus()
