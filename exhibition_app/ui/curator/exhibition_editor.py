"""Exhibitions: their texts in four languages, sections in order, items dragged in and
reordered. Each change is one undoable "apply this state" (operations.exhibitions)."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from exhibition_app.core.cards import ItemCard
from exhibition_app.core.languages import LANGUAGES, MONGOL_SCRIPT, NATIVE_NAMES
from exhibition_app.operations.exhibition_editing import (
    exhibition_history,
    exhibition_state_at,
    exhibition_states,
    new_exhibition,
    save_exhibition_state,
)
from exhibition_app.operations.exhibitions import ExhibitionInvalid
from exhibition_app.ui.curator.history_panel import HistoryPanel
from exhibition_app.ui.curator.item_editor import PlainEdit
from exhibition_app.ui.curator.item_list import ItemListModel, ItemsRole
from exhibition_app.ui.curator.notice import notice
from exhibition_app.ui.curator.undo import Apply
from exhibition_app.ui.i18n import Language, tr
from exhibition_app.ui.mongol_vertical import MongolTitleField
from exhibition_app.ui.tasks import OpContext, TaskManager
from exhibition_app.ui.theme import ERROR

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog

State = dict[str, Any]


class TextTabs(QTabWidget):
    """Two fields (title and a long text) in each of the four languages."""

    edited = Signal(str, str, str)  # field, lang, value

    def __init__(self, long_field: str, long_label: str) -> None:
        super().__init__()
        self.long_field = long_field
        self.fields: dict[str, tuple[QLineEdit, PlainEdit]] = {}
        for lang in LANGUAGES:
            page = QWidget()
            form = QFormLayout(page)
            title, text = QLineEdit(), PlainEdit()
            text.setMinimumHeight(90)
            title.setAccessibleName(f"{tr('ExhibitionEditor', 'Title')} ({NATIVE_NAMES[lang]})")
            text.setAccessibleName(f"{long_label} ({NATIVE_NAMES[lang]})")
            form.addRow(tr("ExhibitionEditor", "Title"), title)
            form.addRow(long_label, text)
            title.editingFinished.connect(
                lambda code=lang, w=title: self.edited.emit("title", code, w.text().strip())
            )
            text.editingFinished.connect(
                lambda code=lang, w=text: self.edited.emit(
                    self.long_field, code, w.toPlainText().strip()
                )
            )
            self.fields[lang] = (title, text)
            self.addTab(page, NATIVE_NAMES[lang])
            if lang == "mn":  # the title in the traditional script too (mn-Mong)
                self.script = MongolTitleField()
                self.script.edit.editingFinished.connect(
                    lambda w=self.script.edit: self.edited.emit(
                        "title", MONGOL_SCRIPT, w.text().strip()
                    )
                )
                form.insertRow(1, tr("ItemEditor", "Title (Mongol script)"), self.script)

    def show_texts(self, texts: dict[str, dict[str, str]]) -> None:
        self.script.edit.setText(texts.get("title", {}).get(MONGOL_SCRIPT, ""))
        for i, lang in enumerate(LANGUAGES):
            title, text = self.fields[lang]
            title.setText(texts.get("title", {}).get(lang, ""))
            value = texts.get(self.long_field, {}).get(lang, "")
            if text.toPlainText() != value:
                text.setPlainText(value)
            missing = not title.text().strip()
            self.setTabText(i, NATIVE_NAMES[lang] + ("  ⚠" if missing else ""))


class ExhibitionEditor(QWidget):
    changed = Signal()

    def __init__(
        self,
        tasks: TaskManager,
        language: Language,
        undo_stack: QUndoStack,
        user: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks, self.language, self.undo_stack, self.user = tasks, language, undo_stack, user
        self.catalog: Catalog | None = None
        self.cards: dict[int, ItemCard] = {}
        self._catalogue_stale = False
        self.states: list[State] = []
        self.current: int | None = None  # index into states
        self.section_index = 0

        self.exhibitions = QListWidget()
        self.exhibitions.setAccessibleName(tr("ExhibitionEditor", "Exhibitions"))
        self.exhibitions.currentRowChanged.connect(self._exhibition_chosen)
        self.new_button = QPushButton(tr("ExhibitionEditor", "New exhibition…"))
        self.new_button.clicked.connect(self.new_exhibition)
        self.history_button = QPushButton(tr("ExhibitionEditor", "History…"))
        self.history_button.setToolTip(
            tr("ExhibitionEditor", "Every version of this exhibition; restore any of them")
        )
        self.history_button.clicked.connect(self.show_history)
        self.history_dialog: QDialog | None = None
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addWidget(QLabel(tr("ExhibitionEditor", "Exhibitions")))
        ll.addWidget(self.exhibitions, 1)
        ll.addWidget(self.new_button)
        ll.addWidget(self.history_button)

        self.key = QLineEdit()
        self.key.editingFinished.connect(self._key_edited)
        self.key_error = QLabel()
        self.key_error.setStyleSheet(f"color: {ERROR};")
        self.ex_texts = TextTabs("introduction", tr("ExhibitionEditor", "Introduction"))
        self.ex_texts.edited.connect(self._ex_text_edited)
        self.sections = QListWidget()
        self.sections.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.sections.model().rowsMoved.connect(lambda *_a: self._sections_moved())
        self.sections.currentRowChanged.connect(self._section_chosen)
        self.sections.setAccessibleName(tr("ExhibitionEditor", "Sections"))
        add_section = QPushButton(tr("ExhibitionEditor", "Add section"))
        add_section.clicked.connect(self.add_section)
        self.remove_section_button = QPushButton(tr("ExhibitionEditor", "Remove section"))
        self.remove_section_button.clicked.connect(self.remove_section)
        self.section_texts = TextTabs("narrative", tr("ExhibitionEditor", "Narrative"))
        self.section_texts.edited.connect(self._section_text_edited)
        self.section_items = QListWidget()
        self.section_items.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.section_items.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.section_items.setAcceptDrops(True)
        self.section_items.model().rowsMoved.connect(lambda *_a: self._items_reordered())
        self.section_items.model().rowsInserted.connect(lambda *_a: self._items_dropped())
        self.section_items.setAccessibleName(tr("ExhibitionEditor", "Items in this section"))
        self.catalogue = QListView()
        self.catalogue.setUniformItemSizes(True)
        self.catalogue_model = ItemListModel(tasks, language, marks=False)
        self.catalogue.setModel(self.catalogue_model)
        self.catalogue.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.catalogue.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.catalogue.setAccessibleName(tr("ExhibitionEditor", "All items"))
        add_items = QPushButton("← " + tr("ExhibitionEditor", "Add to the section"))
        add_items.clicked.connect(self.add_selected_items)
        remove_item = QPushButton(tr("ExhibitionEditor", "Take out of the section"))
        remove_item.clicked.connect(self.remove_selected_item)

        middle = QWidget()
        ml = QVBoxLayout(middle)
        form = QFormLayout()
        form.addRow(tr("ExhibitionEditor", "Key"), self.key)
        form.addRow("", self.key_error)
        ml.addLayout(form)
        ml.addWidget(self.ex_texts)
        ml.addWidget(QLabel(tr("ExhibitionEditor", "Sections (drag to reorder)")))
        ml.addWidget(self.sections)
        row = QHBoxLayout()
        row.addWidget(add_section)
        row.addWidget(self.remove_section_button)
        row.addStretch(1)
        ml.addLayout(row)
        ml.addWidget(self.section_texts)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(QLabel(tr("ExhibitionEditor", "Items in this section (drag to reorder)")))
        rl.addWidget(self.section_items, 1)
        rl.addWidget(remove_item)
        rl.addWidget(QLabel(tr("ExhibitionEditor", "All items (drag into the section)")))
        rl.addWidget(self.catalogue, 1)
        rl.addWidget(add_items)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(middle)
        split.addWidget(right)
        split.setSizes([220, 560, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self._filling = False

    # -- loading ---------------------------------------------------------------------------
    def set_catalog(self, catalog: Catalog, cards: dict[int, ItemCard]) -> None:
        self.catalog = self.catalogue_model.catalog = catalog
        self.set_cards(cards)
        self.reload()

    def set_cards(self, cards: dict[int, ItemCard]) -> None:
        """The workspace's cards (shared, not copied), in the catalogue list: filled when the
        editor is first shown (laying out 100,000 rows costs 0.2 s the workspace need not
        spend opening)."""
        self.cards = cards
        self._catalogue_stale = True
        if self.isVisible():
            self._fill_catalogue()
        if self.state() is not None:
            self._show_section()

    def _fill_catalogue(self) -> None:
        if self._catalogue_stale:
            self._catalogue_stale = False
            self.catalogue_model.set_cards(self.cards)
            if self.state() is not None:
                self._show_section()  # its items' light cards can now be read whole

    def showEvent(self, event: QShowEvent) -> None:
        self._fill_catalogue()
        super().showEvent(event)

    def card_replaced(self, item_id: int) -> None:
        """An item was edited: its rows show its new title."""
        self.catalogue_model.card_replaced(item_id)
        for i in range(self.section_items.count()):
            row = self.section_items.item(i)
            if row.data(ItemsRole) == item_id:
                row.setText(self._item_text(item_id))

    def reload(self, select: int | None = None) -> None:
        catalog = self.catalog
        if catalog is None:
            return

        def done(states: list[State]) -> None:
            keep = select if select is not None else self._current_id()
            self.states = states
            self._filling = True
            self.exhibitions.clear()
            for state in states:
                title = self.language.text(state["texts"].get("title", {})) or state["key"]
                mark = "●" if state.get("published") else "○"
                self.exhibitions.addItem(f"{mark}  {title}")
            self._filling = False
            ids = [s["id"] for s in states]
            row = ids.index(keep) if keep in ids else (0 if ids else -1)
            self.exhibitions.setCurrentRow(row)
            self._exhibition_chosen(row)

        self.tasks.query(lambda: exhibition_states(catalog), done)

    def _current_id(self) -> int | None:
        if self.current is None or not 0 <= self.current < len(self.states):
            return None
        return int(self.states[self.current]["id"])

    def _item_text(self, item_id: int) -> str:
        card = self.cards.get(item_id)
        if card is None:
            return f"#{item_id}"
        if self.catalogue_model.missing_cards([item_id]):  # a large catalogue's light card
            self.catalogue_model.ensure_cards([item_id], lambda: self.card_replaced(item_id))
        title = self.language.text(card.text("title")) or ""
        return f"{card.accession_number}  {title}"

    # -- showing ---------------------------------------------------------------------------
    def _exhibition_chosen(self, row: int) -> None:
        if self._filling:
            return
        self.current = row if 0 <= row < len(self.states) else None
        self._show()
        if self.history_dialog is not None and self.history_dialog.isVisible():
            self._load_history()

    def state(self) -> State | None:
        return self.states[self.current] if self.current is not None else None

    def _show(self) -> None:
        state = self.state()
        self._filling = True
        try:
            self.key_error.clear()
            self.setEnabled(True)
            if state is None:
                self.key.clear()
                self.sections.clear()
                self.section_items.clear()
                return
            self.key.setText(state["key"])
            self.ex_texts.show_texts(state["texts"])
            self.sections.clear()
            for i, section in enumerate(state["sections"]):
                title = self.language.text(section["texts"].get("title", {}))
                label = f"{i + 1}. {title or tr('ExhibitionEditor', '(untitled section)')}"
                row = QListWidgetItem(f"{label}  ·  {len(section['items'])}")
                row.setData(ItemsRole, i)
                self.sections.addItem(row)
            count = len(state["sections"])
            self.section_index = min(self.section_index, max(count - 1, 0))
            if count:
                self.sections.setCurrentRow(self.section_index)
            self._show_section()
        finally:
            self._filling = False

    def _section_chosen(self, row: int) -> None:
        if self._filling or row < 0:
            return
        self.section_index = row
        self._filling = True
        try:
            self._show_section()
        finally:
            self._filling = False

    def _show_section(self) -> None:
        state = self.state()
        self.section_items.clear()
        sections = state["sections"] if state else []
        has = 0 <= self.section_index < len(sections)
        self.section_texts.setEnabled(has)
        self.remove_section_button.setEnabled(has)
        if not has:
            self.section_texts.show_texts({})
            return
        section = sections[self.section_index]
        self.section_texts.show_texts(section["texts"])
        for item_id in section["items"]:
            row = QListWidgetItem(self._item_text(item_id))
            row.setData(ItemsRole, item_id)
            self.section_items.addItem(row)

    # -- history ---------------------------------------------------------------------------
    def show_history(self) -> None:
        """Every recorded version of the exhibition on show, in a window beside the editor;
        restoring one is an ordinary, undoable change."""
        if self.history_dialog is None:
            dialog = QDialog(self)
            dialog.resize(760, 420)
            panel = HistoryPanel(dialog)
            panel.restore_requested.connect(self.restore_revision)
            QVBoxLayout(dialog).addWidget(panel)
            dialog.panel = panel  # type: ignore[attr-defined]
            self.history_dialog = dialog
        self._load_history()
        self.history_dialog.show()
        self.history_dialog.raise_()

    def _load_history(self) -> None:
        dialog, catalog, ex_id = self.history_dialog, self.catalog, self._current_id()
        if dialog is None or catalog is None or ex_id is None:
            return
        state = self.state() or {}
        title = self.language.text(state.get("texts", {}).get("title", {})) or state.get("key")
        dialog.setWindowTitle(tr("ExhibitionEditor", "History of %1").replace("%1", str(title)))

        self.tasks.query(
            lambda: exhibition_history(catalog, ex_id),
            dialog.panel.show_history,  # type: ignore[attr-defined]
        )

    def restore_revision(self, revision_id: int) -> None:
        catalog = self.catalog
        if catalog is None or self.state() is None:
            return

        def done(result: tuple[State, list[int]]) -> None:
            state, missing = result
            self.commit(state, tr("ExhibitionEditor", "Restore an earlier version"))
            if missing:
                notice(
                    self,
                    tr("ExhibitionEditor", "Restored without some items"),
                    tr(
                        "ExhibitionEditor",
                        "That version showed items that have since been deleted: %1. "
                        "The rest is restored.",
                    ).replace("%1", ", ".join(f"#{i}" for i in missing)),
                    warning=True,
                )

        self.tasks.query(lambda: exhibition_state_at(catalog, revision_id), done)

    # -- changes ---------------------------------------------------------------------------
    def commit(self, new: State, text: str) -> None:
        """Apply ``new`` (one transaction), then make it undoable."""
        old = copy.deepcopy(self.state())
        if old is None:
            return

        undone = tr("ExhibitionEditor", "Undo: %1").replace("%1", text)

        def first() -> None:
            self.undo_stack.push(
                Apply(
                    text,
                    lambda: self._apply(new, None, text),
                    lambda: self._apply(old, None, undone),
                )
            )

        self._apply(new, first, text)

    def _apply(self, state: State, on_done: Callable[[], None] | None, summary: str = "") -> None:
        """Apply ``state`` in one transaction; ``summary`` is what the history shows."""
        catalog, user = self.catalog, self.user()
        assert catalog is not None

        def work(_ctx: OpContext) -> tuple[str, Any]:
            try:
                save_exhibition_state(catalog, state, user, summary)
            except ExhibitionInvalid as exc:
                return "invalid", exc.errors
            return "ok", None

        def done(result: tuple[str, Any]) -> None:
            outcome, errors = result
            if outcome == "invalid":
                self.key_error.setText("⚠ " + "; ".join(errors.values()))
                self._show_keep_error()
                return
            if on_done is not None:
                on_done()
            self.changed.emit()
            self.reload(select=int(state["id"]))
            if self.history_dialog is not None and self.history_dialog.isVisible():
                self._load_history()

        self.tasks.change(work, done)

    def _show_keep_error(self) -> None:
        message = self.key_error.text()
        self._show()
        self.key_error.setText(message)

    def _edited(self) -> State:
        state = self.state()
        assert state is not None
        return copy.deepcopy(state)

    def _key_edited(self) -> None:
        state = self.state()
        if self._filling or state is None or self.key.text().strip() == state["key"]:
            return
        new = self._edited()
        new["key"] = self.key.text().strip()
        self.commit(new, tr("ExhibitionEditor", "Change the key"))

    def _ex_text_edited(self, field: str, lang: str, value: str) -> None:
        state = self.state()
        if self._filling or state is None or state["texts"].get(field, {}).get(lang, "") == value:
            return
        new = self._edited()
        new["texts"].setdefault(field, {})[lang] = value
        self.commit(new, tr("ExhibitionEditor", "Edit the exhibition's text"))

    def _section_text_edited(self, field: str, lang: str, value: str) -> None:
        state = self.state()
        if self._filling or state is None or not state["sections"]:
            return
        section = state["sections"][self.section_index]
        if section["texts"].get(field, {}).get(lang, "") == value:
            return
        new = self._edited()
        new["sections"][self.section_index]["texts"].setdefault(field, {})[lang] = value
        self.commit(new, tr("ExhibitionEditor", "Edit a section's text"))

    def add_section(self) -> None:
        if self.state() is None:
            return
        title, ok = QInputDialog.getText(
            self, tr("ExhibitionEditor", "Add section"), tr("ExhibitionEditor", "Title (English)")
        )
        if not ok or not title.strip():
            return
        new = self._edited()
        new["sections"].append({"id": None, "texts": {"title": {"en": title.strip()}}, "items": []})
        self.section_index = len(new["sections"]) - 1
        self.commit(new, tr("ExhibitionEditor", "Add a section"))

    def remove_section(self) -> None:
        state = self.state()
        if state is None or not state["sections"]:
            return
        new = self._edited()
        del new["sections"][self.section_index]
        self.commit(new, tr("ExhibitionEditor", "Remove a section"))

    def _sections_moved(self) -> None:
        if self._filling:
            return
        order = [self.sections.item(i).data(ItemsRole) for i in range(self.sections.count())]
        new = self._edited()
        new["sections"] = [new["sections"][i] for i in order]
        self.commit(new, tr("ExhibitionEditor", "Reorder sections"))

    def _items_now(self) -> list[int]:
        seen: list[int] = []
        for i in range(self.section_items.count()):
            item_id = self.section_items.item(i).data(ItemsRole)
            if item_id is not None and item_id not in seen:
                seen.append(int(item_id))
        return seen

    def _set_section_items(self, items: list[int], text: str) -> None:
        state = self.state()
        if state is None or not state["sections"]:
            return
        if items == state["sections"][self.section_index]["items"]:
            return
        new = self._edited()
        new["sections"][self.section_index]["items"] = items
        self.commit(new, text)

    def _items_reordered(self) -> None:
        if not self._filling:
            self._set_section_items(self._items_now(), tr("ExhibitionEditor", "Reorder items"))

    def _items_dropped(self) -> None:
        if not self._filling:
            # A drop from the catalogue list arrives as rows; apply once the drop is done.
            QTimer.singleShot(
                0,
                lambda: self._set_section_items(
                    self._items_now(), tr("ExhibitionEditor", "Add items")
                ),
            )

    def add_selected_items(self) -> None:
        state = self.state()
        if state is None or not state["sections"]:
            return
        items = list(state["sections"][self.section_index]["items"])
        for item_id in self.catalogue_model.ids_at(self.catalogue.selectedIndexes()):
            if item_id not in items:
                items.append(item_id)
        self._set_section_items(items, tr("ExhibitionEditor", "Add items"))

    def remove_selected_item(self) -> None:
        row = self.section_items.currentItem()
        state = self.state()
        if row is None or state is None:
            return
        items = [
            i for i in state["sections"][self.section_index]["items"] if i != row.data(ItemsRole)
        ]
        self._set_section_items(items, tr("ExhibitionEditor", "Take an item out"))

    def new_exhibition(self) -> None:
        catalog = self.catalog
        if catalog is None:
            return
        title, ok = QInputDialog.getText(
            self,
            tr("ExhibitionEditor", "New exhibition"),
            tr("ExhibitionEditor", "Title (English)"),
        )
        if not ok or not title.strip():
            return
        key = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "exhibition"
        user = self.user()

        def work(_ctx: OpContext) -> tuple[str, Any]:
            try:
                return "ok", new_exhibition(catalog, key, title.strip(), user)
            except ExhibitionInvalid as exc:
                return "invalid", exc.errors

        def done(result: tuple[str, Any]) -> None:
            outcome, value = result
            if outcome == "invalid":
                notice(
                    self,
                    tr("ExhibitionEditor", "New exhibition"),
                    "; ".join(value.values()),
                    warning=True,
                )
                return
            self.reload(select=int(value))

        self.tasks.change(work, done)
