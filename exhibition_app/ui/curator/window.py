"""The curator workspace: items on the left, the editor on the right, undo always at hand.

Every change goes through the operations layer on the database worker, one transaction per
action, recorded with the signed-in curator's name (exhibition_app.operations.history);
each is a QUndoCommand, so Ctrl+Z takes it back the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from exhibition_app.core.cards import ItemCard
from exhibition_app.errors import message_of
from exhibition_app.operations import curation
from exhibition_app.operations.backup import (
    SCHEDULED_KEPT,
    default_backup_folder,
    scheduled_backup,
)
from exhibition_app.operations.item_changes import ValidationError
from exhibition_app.operations.pictures import (
    PictureNote,
    PicturesAdded,
    add_pictures_to_item,
    import_files_as_items,
)
from exhibition_app.paths import user_data_dir
from exhibition_app.ui.curator.annotation_editor import AnnotationEditor
from exhibition_app.ui.curator.bulk_import import BulkImport, summary_text
from exhibition_app.ui.curator.exhibition_editor import ExhibitionEditor
from exhibition_app.ui.curator.georef_editor import GeorefEditor
from exhibition_app.ui.curator.history_panel import HistoryPanel
from exhibition_app.ui.curator.item_editor import KINDS, ItemEditor
from exhibition_app.ui.curator.item_list import ItemListModel, ItemsRole
from exhibition_app.ui.curator.media_panel import MediaPanel
from exhibition_app.ui.curator.notice import notice
from exhibition_app.ui.curator.sign_in import SignInDialog
from exhibition_app.ui.curator.undo import Apply
from exhibition_app.ui.curator.visitors_panel import VisitorsPanel
from exhibition_app.ui.i18n import Language, tr
from exhibition_app.ui.labels import kind_name
from exhibition_app.ui.tasks import OpContext, TaskManager

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog

log = logging.getLogger(__name__)


class CuratorWindow(QMainWindow):
    loaded = Signal()
    item_shown = Signal(int)

    def __init__(
        self,
        open_catalog: Callable[[], Catalog],
        language: Language,
        *,
        user: str | None = None,
        ask_sign_in: bool = True,
    ) -> None:
        super().__init__()
        self.language = language
        self.tasks = TaskManager(self)
        self.tasks.error.connect(self.show_message)
        self.catalog: Catalog | None = None
        self.user = user
        self._ask_sign_in = ask_sign_in and user is None
        self.cards: dict[int, ItemCard] = {}
        self.media_ids: dict[str, int] = {}
        self.current_id: int | None = None
        self.undo_stack = QUndoStack(self)
        self._loaded = False
        #: The file of the last daily backup this window made (its folder is in the status bar).
        self.last_backup: Path | None = None
        self.setWindowTitle(tr("Curator", "Curator workspace"))
        self.setMinimumSize(QSize(1100, 700))
        self._build()
        self.tasks.query(lambda: self._open(open_catalog), self._opened, self._open_failed)

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Curator", "Filter items…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._fill_list)
        self.items = QListView()
        self.items.setAccessibleName(tr("Curator", "Items"))
        self.items.setUniformItemSizes(True)  # no per-row measuring: 100,000 rows open at once
        self.item_list = ItemListModel(self.tasks, self.language, marks=True)
        self.items.setModel(self.item_list)
        self.items.selectionModel().currentChanged.connect(self._item_chosen)
        self.items.setAcceptDrops(True)
        self.items.viewport().setAcceptDrops(True)
        self.items.viewport().installEventFilter(self)
        self.count = QLabel()
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(6, 6, 0, 6)
        ll.addWidget(self.filter)
        ll.addWidget(self.items, 1)
        ll.addWidget(self.count)

        self.editor = ItemEditor(self.language)
        self.editor.edit_requested.connect(self._edit_requested)
        self.media = MediaPanel(self.tasks)
        self.media.reorder_requested.connect(self._reorder)
        self.media.cover_requested.connect(self._cover)
        self.media.files_dropped.connect(self._add_files)
        self.history = HistoryPanel()
        self.history.restore_requested.connect(self._restore)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.editor, tr("Curator", "Details"))
        self.tabs.addTab(self.media, tr("Curator", "Pictures"))
        self.tabs.addTab(self.history, tr("Curator", "History"))
        self._map_tabs: list[QWidget] = []

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 1)
        split.setSizes([320, 900])
        self.exhibition_editor = ExhibitionEditor(
            self.tasks, self.language, self.undo_stack, lambda: self.user
        )
        self.mode = QTabWidget()
        self.mode.setDocumentMode(True)
        self.mode.addTab(split, tr("Curator", "Items"))
        self.mode.addTab(self.exhibition_editor, tr("Curator", "Exhibitions"))
        self.visitors = VisitorsPanel(self.load_visitors)
        self.mode.addTab(self.visitors, tr("Curator", "Visitors"))
        self.mode.currentChanged.connect(
            lambda i: self.load_visitors() if self.mode.widget(i) is self.visitors else None
        )
        self.setCentralWidget(self.mode)

        bar = QToolBar(tr("Curator", "Actions"))
        bar.setObjectName("curatorToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.undo_action = self.undo_stack.createUndoAction(self, tr("Curator", "Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, tr("Curator", "Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addSeparator()
        self.new_action = self._action(
            bar, tr("Curator", "New item"), QKeySequence.StandardKey.New, self.new_item
        )
        self.import_action = self._action(
            bar, tr("Curator", "Import folder…"), QKeySequence("Ctrl+I"), self.import_folder
        )
        bar.addSeparator()
        self.publish_action = self._action(
            bar, tr("Curator", "Publish"), QKeySequence("Ctrl+Shift+P"), self.toggle_publish
        )
        self.preview_action = self._action(
            bar, tr("Curator", "Preview in the kiosk"), QKeySequence("F5"), self.preview
        )
        self.user_label = QLabel()
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
        )
        bar.addWidget(spacer)
        bar.addWidget(self.user_label)
        self.bulk = BulkImport(self.tasks, self)
        self.bulk.finished.connect(self._bulk_done)
        self.statusBar().showMessage(tr("Curator", "Opening the catalogue…"))

    def _action(
        self,
        bar: QToolBar,
        text: str,
        key: QKeySequence | QKeySequence.StandardKey,
        slot: Callable[[], None],
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(key)
        action.triggered.connect(lambda _c=False: slot())
        bar.addAction(action)
        return action

    # -- opening ---------------------------------------------------------------------------
    def _open(
        self, open_catalog: Callable[[], Catalog]
    ) -> tuple[Catalog, dict[int, ItemCard], dict[str, int]]:
        catalog = open_catalog()
        cards, media_ids = curation.load_workspace(catalog)
        return catalog, cards, media_ids

    def _opened(self, result: tuple[Catalog, dict[int, ItemCard], dict[str, int]]) -> None:
        self.catalog, cards, self.media_ids = result
        self.media.catalog = self.item_list.catalog = self.catalog
        self._loaded = True
        self._set_cards(cards)
        if self.item_list.rowCount():
            self.items.setCurrentIndex(self.item_list.index(0))
        self.exhibition_editor.set_catalog(self.catalog, self.cards)
        # A rotated backup a day (checked now and every hour while the workspace is open).
        self._backup_timer = QTimer(self, interval=3600 * 1000)
        self._backup_timer.timeout.connect(self.scheduled_backup)
        self._backup_timer.start()
        self.scheduled_backup()
        self.statusBar().showMessage(tr("Curator", "Ready"), 3000)
        if self._ask_sign_in:
            QTimer.singleShot(0, self.sign_in)
        else:
            self._signed_in()
        self.loaded.emit()

    def _open_failed(self, exc: BaseException) -> None:
        self._loaded = True
        notice(self, tr("Curator", "Cannot open the catalogue"), message_of(exc), warning=True)
        self.loaded.emit()

    def sign_in(self) -> None:
        catalog = self.catalog
        assert catalog is not None

        def verify(name: str, password: str) -> str | None:
            return curation.signed_in_name(catalog, name, password)

        dialog = SignInDialog(self.tasks, verify, self)
        if dialog.exec() and dialog.user:
            self.user = dialog.user
            self._signed_in()
        else:
            self.close()

    def _signed_in(self) -> None:
        self.user_label.setText(
            "  " + tr("Curator", "Signed in as %1").replace("%1", self.user or "?") + "  "
        )
        where = self.catalogue_name()
        self.setWindowTitle(
            tr("Curator", "Curator workspace")
            + f" — {self.user}"
            + (f" — {where}" if where else "")
        )

    def catalogue_name(self) -> str:
        """Which catalogue this is, for the title: the file's name, or database@server (so a
        curator on a site's shared server knows it; never the password)."""
        catalog = self.catalog
        if catalog is None:
            return ""
        if catalog.db_path is not None:
            return catalog.db_path.name
        return curation.server_database_name(catalog)

    def is_settled(self) -> bool:
        return self._loaded and self.tasks.pending == 0

    # -- the item list ---------------------------------------------------------------------
    def _title(self, card: ItemCard) -> str:
        return self.language.text(card.text("title")) or card.accession_number

    def _set_cards(self, cards: dict[int, ItemCard]) -> None:
        self.cards = cards
        self.item_list.set_cards(cards)
        self._fill_list()

    def _fill_list(self) -> None:
        """The list through the filter box. A large catalogue's light cards have no title
        yet: their titles are matched by the search index (words that start with the text,
        in any language) and their accession numbers here."""
        query = self.filter.text().strip()
        model = self.item_list
        if not query:
            self._show_ids(None)
        elif model.whole() or self.catalog is None:
            self._show_ids(model.matching(query))
        else:
            from exhibition_app.operations.gallery_reads import find_item_ids

            catalog, here = self.catalog, model.matching(query)
            self._filter_serial = serial = getattr(self, "_filter_serial", 0) + 1

            def found(ids: list[int]) -> None:
                if serial == self._filter_serial:
                    hits = set(here) | set(ids)
                    self._show_ids([i for i in model.gallery.order if i in hits])

            self.tasks.query(lambda: find_item_ids(catalog, query, limit=10_000), found)

    def _show_ids(self, ids: list[int] | None) -> None:
        keep = self.current_id
        model = self.item_list
        signals = self.items.selectionModel().blockSignals(True)
        model.show_ids(ids)
        row = model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.items.setCurrentIndex(model.index(row))
        self.items.selectionModel().blockSignals(signals)
        self.count.setText(
            tr("Curator", "%1 of %2 items · ● published ○ draft")
            .replace("%1", str(model.rowCount()))
            .replace("%2", str(len(self.cards)))
        )

    def _item_chosen(self, current: QModelIndex, _prev: object) -> None:
        if not current.isValid():
            return
        self.show_item(int(self.item_list.data(current, ItemsRole)))

    def select_item(self, item_id: int) -> None:
        row = self.item_list.row_of(item_id)
        if row >= 0:
            self.items.setCurrentIndex(self.item_list.index(row))
            return
        self.show_item(item_id)

    def _show_if_current(self, item_id: int) -> None:
        if self.current_id == item_id:
            self.show_item(item_id)

    def show_item(self, item_id: int) -> None:
        if self.item_list.missing_cards([item_id]):  # a large catalogue's light card
            self.current_id = item_id
            self.item_list.ensure_cards([item_id], lambda: self._show_if_current(item_id))
            return
        card = self.cards.get(item_id)
        self.current_id = item_id if card else None
        self.editor.show_card(card)
        self.media.show_card(card, self.media_ids)
        self.publish_action.setText(
            tr("Curator", "Unpublish") if card and card.published else tr("Curator", "Publish")
        )
        self._load_history()
        self._show_map_tabs(card)
        self.item_shown.emit(item_id)

    def _show_map_tabs(self, card: ItemCard | None) -> None:
        """Maps get the annotation and georeference editors as extra tabs."""
        is_map = card is not None and card.kind == "map" and card.cover is not None
        if is_map and not self._map_tabs:
            self.annotations = AnnotationEditor(self.tasks, self.language, self.undo_stack)
            self.georef = GeorefEditor(self.tasks, self.language, self.undo_stack)
            self.tabs.addTab(self.annotations, tr("Curator", "Map annotations"))
            self.tabs.addTab(self.georef, tr("Curator", "Georeference"))
            self._map_tabs = [self.annotations, self.georef]
        for widget in self._map_tabs:
            index = self.tabs.indexOf(widget)
            self.tabs.setTabVisible(index, is_map)
        if is_map and card is not None and self.catalog is not None:
            for widget in self._map_tabs:
                widget.set_item(self.catalog, card.id)  # type: ignore[attr-defined]

    # -- applying changes ------------------------------------------------------------------
    def run_change(
        self,
        item_id: int,
        change: Callable[[], object],
        *,
        on_done: Callable[[], None] | None = None,
        on_invalid: Callable[[dict[str, str]], None] | None = None,
    ) -> None:
        """Run ``change()`` (an operation that opens its own transaction) on the database
        worker, then show the item as it now is. A ValidationError's per-field messages go
        to ``on_invalid``."""
        catalog = self.catalog
        if catalog is None:
            return

        def work(_ctx: OpContext) -> tuple[str, Any]:
            try:
                change()
            except ValidationError as exc:
                return "invalid", _field_errors(exc)
            return "ok", curation.item_card_of(catalog, item_id)

        def done(result: tuple[str, Any]) -> None:
            outcome, value = result
            if outcome == "invalid":
                (on_invalid or self.editor.show_errors)(value)
                return
            self._card_changed(item_id, value)
            if on_done is not None:
                on_done()

        self.tasks.change(work, done, self._failed)

    def _undoable(
        self,
        item_id: int,
        text: str,
        change_to: Callable[[Any], Callable[[], object]],
        new: Any,
        old: Any,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Apply ``change_to(new)``; once it worked, undo applies ``change_to(old)``."""

        def first_done() -> None:
            self.undo_stack.push(
                Apply(
                    text,
                    lambda: self.run_change(item_id, change_to(new)),
                    lambda: self.run_change(item_id, change_to(old)),
                )
            )
            if then is not None:
                then()

        self.run_change(item_id, change_to(new), on_done=first_done)

    def _card_changed(self, item_id: int, card: ItemCard | None) -> None:
        before = self.cards.get(item_id)
        if card is None:
            self.cards.pop(item_id, None)
        else:
            self.cards[item_id] = card
        if before is None or card is None or before.accession_number != card.accession_number:
            self._set_cards(self.cards)  # a row more, less, or elsewhere in the order
            self.exhibition_editor.set_cards(self.cards)
        else:
            self.item_list.card_replaced(item_id)
            self.exhibition_editor.card_replaced(item_id)
            self._fill_list()
        if self.current_id == item_id or card is None:
            self.show_item(item_id) if card is not None else self.editor.show_card(None)
        self._refresh_media_ids()

    def _refresh_media_ids(self) -> None:
        catalog = self.catalog
        if catalog is None:
            return

        def done(ids: dict[str, int]) -> None:
            self.media_ids = ids

        self.tasks.query(lambda: curation.media_ids(catalog), done)

    def _edit(self, item_id: int, changes: dict[str, Any]) -> Callable[[], object]:
        catalog, user = self.catalog, self.user
        assert catalog is not None
        return lambda: curation.save_item_changes(catalog, item_id, changes, user)

    def _edit_requested(self, changes: dict[str, Any], before: dict[str, Any], text: str) -> None:
        item_id = self.current_id
        if item_id is None:
            return
        self._undoable(
            item_id,
            text,
            lambda fields: self._edit(item_id, fields),
            changes,
            before,
            then=lambda: self.statusBar().showMessage(
                tr("Curator", "Saved: %1").replace("%1", text), 4000
            ),
        )

    def _change_field(self, field: str, text: str, new: Any, old: Any) -> None:
        """Set one field of the item on show to ``new``; undo sets it back to ``old``."""
        item_id = self.current_id
        if item_id is None:
            return
        self._undoable(item_id, text, lambda value: self._edit(item_id, {field: value}), new, old)

    def _reorder(self, new: list[int], old: list[int]) -> None:
        self._change_field("media", tr("Curator", "Reorder pictures"), new, old)

    def _cover(self, new: int | None, old: int | None) -> None:
        if new is not None:
            self._change_field("cover_media_id", tr("Curator", "Change the cover"), new, old)

    def _add_files(self, files: list[Path]) -> None:
        item_id, catalog = self.current_id, self.catalog
        if item_id is None or catalog is None:
            return
        user, summary = self.user, tr("Curator", "pictures added")

        def work(_ctx: OpContext) -> tuple[PicturesAdded, ItemCard | None]:
            added = add_pictures_to_item(catalog, item_id, files, user, summary)
            return added, curation.item_card_of(catalog, item_id)

        def done(result: tuple[PicturesAdded, ItemCard | None]) -> None:
            added, card = result
            before, after = added.before, added.after
            self._card_changed(item_id, card)
            if after != before:  # undo takes the pictures off again; their files stay stored
                self.undo_stack.push(
                    Apply(
                        tr("Curator", "Add pictures"),
                        lambda: self.run_change(item_id, self._edit(item_id, {"media": after})),
                        lambda: self.run_change(item_id, self._edit(item_id, {"media": before})),
                    )
                )
            if added.notes:
                notice(
                    self,
                    tr("Curator", "About the pictures you added"),
                    "\n".join(_note_line(note) for note in added.notes),
                    warning=True,
                )

        self.tasks.change(work, done, self._failed)

    # -- history ---------------------------------------------------------------------------
    def _load_history(self) -> None:
        item_id, catalog = self.current_id, self.catalog
        if item_id is None or catalog is None:
            self.history.show_history([])
            return

        def done(rows: list[dict[str, Any]]) -> None:
            if self.current_id == item_id:
                self.history.show_history(rows)

        self.tasks.query(
            lambda: curation.item_history(catalog, item_id),
            done,
            lambda _exc: self.history.show_history([]),
        )

    def _restore(self, revision_id: int) -> None:
        item_id, catalog = self.current_id, self.catalog
        if item_id is None or catalog is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Curator", "Restore this version?"),
            tr(
                "Curator",
                "The item goes back to how it was in that version. Its present state stays "
                "in the history, so you can return to it.",
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        user = self.user
        self.run_change(
            item_id,
            lambda: curation.restore_item_version(catalog, revision_id, user),
            on_done=lambda: self.statusBar().showMessage(tr("Curator", "Version restored"), 4000),
        )

    # -- creating, importing, publishing ---------------------------------------------------
    def _ask_kind(self, title: str, label: str) -> str | None:
        """The kind of item the curator picks, or None when they cancel."""
        kinds = [kind_name(k) for k in KINDS]
        picked, ok = QInputDialog.getItem(self, title, label, kinds, 0, False)
        return KINDS[kinds.index(picked)] if ok else None

    def new_item(self) -> None:
        if self.catalog is None:
            return
        kind = self._ask_kind(tr("Curator", "New item"), tr("Curator", "Kind"))
        if kind is None:
            return
        title, ok = QInputDialog.getText(
            self, tr("Curator", "New item"), tr("Curator", "Title (in English)")
        )
        if not ok or not title.strip():
            return
        self.create_item(kind, title.strip())

    def create_item(self, kind: str, title: str) -> None:
        catalog, user = self.catalog, self.user
        assert catalog is not None

        def done(item_id: int) -> None:
            self.run_change(item_id, lambda: None, on_done=lambda: self.select_item(item_id))

        self.tasks.change(
            lambda _ctx: curation.create_draft_item(catalog, kind, title, user), done, self._failed
        )

    def import_folder(self, folder: Path | None = None, kind: str | None = None) -> None:
        if self.catalog is None:
            return
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, tr("Curator", "Import a folder of images")
            )
            if not chosen:
                return
            folder = Path(chosen)
        if kind is None:
            kind = self._ask_kind(tr("Curator", "Import a folder"), tr("Curator", "The images are"))
            if kind is None:
                return
        self.bulk.start(self.catalog, folder, kind)

    def _bulk_done(self, data: dict[str, Any]) -> None:
        catalog = self.catalog
        self.last_import = data
        if catalog is not None:
            self.tasks.query(lambda: curation.load_workspace(catalog), self._reloaded)
        if "error" not in data:
            notice(self, tr("Curator", "Folder imported"), summary_text(data))

    def _reloaded(self, result: tuple[dict[int, ItemCard], dict[str, int]]) -> None:
        cards, self.media_ids = result
        self._set_cards(cards)
        self.exhibition_editor.set_cards(cards)

    def toggle_publish(self) -> None:
        item_id, catalog = self.current_id, self.catalog
        card = self.cards.get(item_id) if item_id is not None else None
        if card is None or item_id is None or catalog is None:
            return
        user = self.user

        def set_state(published: bool) -> Callable[[], object]:
            return lambda: curation.set_item_published(catalog, item_id, published, user)

        target = not card.published
        text = tr("Curator", "Publish") if target else tr("Curator", "Unpublish")
        self._undoable(item_id, text, set_state, target, not target)
        if target:
            self.kiosk_preflight(item_id)

    def kiosk_preflight(self, item_id: int) -> list[object]:
        """Lay the item out as the kiosk would, at every screen size and language, and warn
        (never block) when a text would be cut or a control too small to touch."""
        from PySide6.QtWidgets import QMessageBox

        from exhibition_app.ui.kiosk.preflight import preflight

        catalog = self.catalog
        if catalog is None:
            return []
        self.setCursor(Qt.CursorShape.BusyCursor)
        try:
            report = preflight(lambda: catalog, published_only=False, only_items=[item_id])
        finally:
            self.unsetCursor()
        if report.problems:
            lines = [
                f"{p.size} · {p.lang} · {p.screen} · {p.field}: {p.problem}"
                for p in report.problems[:12]
            ]
            if len(report.problems) > 12:
                lines.append("…")
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(tr("Curator", "Kiosk preflight"))
            box.setText(
                tr(
                    "Curator",
                    "On the kiosk, some of this item's texts would be cut or some controls "
                    "would be too small to touch. It is published anyway; shorten the texts "
                    "and check again.",
                )
            )
            box.setDetailedText("\n".join(lines))
            box.setModal(False)
            box.show()  # a warning, never a block
            self.preflight_box = box
        return list(report.problems)

    def preview(self) -> None:
        """The kiosk as visitors see it, in a window (drafts included, nothing locked)."""
        from exhibition_app.ui.kiosk.window import KioskOptions, KioskWindow

        catalog = self.catalog
        if catalog is None:
            return
        options = KioskOptions(
            full_screen=False,
            locked=False,
            stats=False,
            lang=self.language.code,
            idle_s=3600,
            station="preview",
        )
        window = KioskWindow(lambda: catalog, Language(self.language.code), options)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.setWindowTitle(tr("Curator", "Kiosk preview (drafts included)"))
        window.resize(1366, 800)
        window.show_kiosk()
        self.preview_window = window

    def backup_folder(self) -> Path:
        """Where the daily backups go: ``backups`` beside the catalogue file when it can be
        made there, else the user's data folder (operations.backup.default_backup_folder)."""
        catalog = self.catalog
        if catalog is None or catalog.db_path is None:
            return user_data_dir() / "backups" / "catalog"
        return default_backup_folder(catalog, create=False)

    def scheduled_backup(self) -> None:
        """A rotated backup a day of an SQLite catalogue, in :meth:`backup_folder`; the
        status bar says where it went. A catalogue on a server is backed up there (a
        nightly timer, docs/deployment.md), not by each curator's laptop."""
        catalog = self.catalog
        if catalog is None or catalog.db_path is None:
            return

        def done(path: Path | None) -> None:
            if path is not None:
                self.last_backup = path
                self.statusBar().showMessage(
                    tr("Curator", "Daily backup saved in %1 (the last %2 are kept)")
                    .replace("%1", str(path.parent))
                    .replace("%2", str(SCHEDULED_KEPT)),
                    10000,
                )

        self.tasks.change(
            lambda _ctx: scheduled_backup(catalog),
            done,
            lambda exc: self.show_message(
                tr("Curator", "The daily backup failed: %1").replace("%1", message_of(exc))
            ),
        )

    def eventFilter(self, watched: Any, event: Any) -> bool:
        """Folders or image files dropped on the item list become new items."""
        dragging = event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove)
        if watched is self.items.viewport() and dragging and event.mimeData().hasUrls():
            event.acceptProposedAction()
            return True
        if watched is self.items.viewport() and event.type() == QEvent.Type.Drop:
            paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
            event.acceptProposedAction()
            self.import_paths(paths)
            return True
        return super().eventFilter(watched, event)

    def import_paths(self, paths: list[Path], kind: str | None = None) -> None:
        folders = [p for p in paths if p.is_dir()]
        files = [p for p in paths if p.is_file()]
        if folders:
            self.import_folder(folders[0], kind)  # one progress dialog at a time
        if files and self.catalog is not None:
            catalog = self.catalog
            if kind is None:
                kind = self._ask_kind(
                    tr("Curator", "Import pictures"), tr("Curator", "The images are")
                )
                if kind is None:
                    return
            chosen = kind
            self.tasks.change(
                lambda _ctx: import_files_as_items(catalog, files, chosen),
                self._bulk_done,
                self._failed,
            )

    def load_visitors(self) -> None:
        catalog, lang = self.catalog, self.language.code
        if catalog is None:
            return
        self.tasks.query(
            lambda: curation.visitor_summary(catalog, lang),
            self.visitors.show_summary,
            self._failed,
        )

    # -- misc ------------------------------------------------------------------------------
    def show_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    def _failed(self, exc: BaseException) -> None:
        self.show_message(message_of(exc))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.shutdown()
        QThreadPool.globalInstance().waitForDone(5000)
        super().closeEvent(event)


def _field_errors(exc: Exception) -> dict[str, str]:
    for name in ("errors", "fields", "field_errors"):
        value = getattr(exc, name, None)
        if isinstance(value, dict):
            return {str(k): str(v) for k, v in value.items()}
    return {"": str(exc)}


def _note_line(note: PictureNote) -> str:
    """One line about one added file: why it was refused, or which item it looks like."""
    if note.looks_like is not None:
        return (
            tr("Curator", "%1 looks like a picture of item %2 (added anyway)")
            .replace("%1", note.file)
            .replace("%2", str(note.looks_like))
        )
    return f"{note.file}: {note.reason}"
