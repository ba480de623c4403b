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

from PySide6.QtCore import QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from exhibition_app.core.cards import ItemCard
from exhibition_app.ui.curator.bulk_import import BulkImport, summary_text
from exhibition_app.ui.curator.history_panel import HistoryPanel
from exhibition_app.ui.curator.item_editor import KINDS, ItemEditor
from exhibition_app.ui.curator.media_panel import MediaPanel
from exhibition_app.ui.curator.notice import notice
from exhibition_app.ui.i18n import Language, tr
from exhibition_app.ui.labels import kind_name
from exhibition_app.ui.tasks import TaskManager

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog

log = logging.getLogger(__name__)


class Apply(QUndoCommand):
    """An action already applied once; undo and redo run ``undo_fn`` / ``redo_fn`` again."""

    def __init__(self, text: str, redo_fn: Callable[[], None], undo_fn: Callable[[], None]):
        super().__init__(text)
        self._redo, self._undo = redo_fn, undo_fn
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._redo()

    def undo(self) -> None:
        self._undo()


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
        self.setWindowTitle(tr("Curator", "Curator workspace"))
        self.setMinimumSize(QSize(1100, 700))
        self._build()
        self.tasks.run_db(lambda: self._open(open_catalog), self._opened, self._open_failed)

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Curator", "Filter items…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._fill_list)
        self.items = QListWidget()
        self.items.setAccessibleName(tr("Curator", "Items"))
        self.items.currentItemChanged.connect(self._item_chosen)
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
        from exhibition_app.ui.curator.exhibition_editor import ExhibitionEditor

        self.exhibition_editor = ExhibitionEditor(
            self.tasks, self.language, self.undo_stack, lambda: self.user
        )
        self.mode = QTabWidget()
        self.mode.setDocumentMode(True)
        self.mode.addTab(split, tr("Curator", "Items"))
        self.mode.addTab(self.exhibition_editor, tr("Curator", "Exhibitions"))
        from exhibition_app.ui.curator.visitors_panel import VisitorsPanel

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
        cards, media_ids = self._read(catalog)
        return catalog, cards, media_ids

    @staticmethod
    def _read(catalog: Catalog) -> tuple[dict[int, ItemCard], dict[str, int]]:
        from sqlalchemy import select

        from exhibition_app.db.models import Media
        from exhibition_app.operations.views import load_gallery

        with catalog.read_session() as session:
            data = load_gallery(session)
            media_ids = {sha: mid for mid, sha in session.execute(select(Media.id, Media.sha256))}
        return dict(data.items), media_ids

    def _opened(self, result: tuple[Catalog, dict[int, ItemCard], dict[str, int]]) -> None:
        self.catalog, self.cards, self.media_ids = result
        self.media.catalog = self.catalog
        self._loaded = True
        self._fill_list()
        if self.items.count():
            self.items.setCurrentRow(0)
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

    def _open_failed(self, message: str) -> None:
        self._loaded = True
        notice(self, tr("Curator", "Cannot open the catalogue"), message, warning=True)
        self.loaded.emit()

    def sign_in(self) -> None:
        from exhibition_app.ui.curator.sign_in import SignInDialog

        catalog = self.catalog
        assert catalog is not None

        def verify(name: str, password: str) -> str | None:
            from exhibition_app.operations.accounts import verify_user

            with catalog.session() as session:
                user = verify_user(session, name, password)
                return user.name if user is not None else None

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
        from sqlalchemy.engine import make_url

        url = make_url(catalog.url)
        return f"{url.database}@{url.host}" if url.host else str(url.database or "")

    def is_settled(self) -> bool:
        return self._loaded and self.tasks.pending == 0

    # -- the item list ---------------------------------------------------------------------
    def _title(self, card: ItemCard) -> str:
        return self.language.text(card.text("title")) or card.accession_number

    def _fill_list(self) -> None:
        from exhibition_app.core.textfold import fold

        query = fold(self.filter.text().strip())
        keep = self.current_id
        self.items.blockSignals(True)
        self.items.clear()
        shown = 0
        for card in sorted(self.cards.values(), key=lambda c: c.accession_number):
            title = self._title(card)
            if query and query not in fold(f"{card.accession_number} {title}"):
                continue
            mark = "●" if card.published else "○"
            row = QListWidgetItem(f"{mark}  {card.accession_number}\n     {title}")
            row.setData(Qt.ItemDataRole.UserRole, card.id)
            row.setToolTip(
                f"{kind_name(card.kind)} · "
                + (tr("Curator", "published") if card.published else tr("Curator", "draft"))
            )
            self.items.addItem(row)
            shown += 1
            if card.id == keep:
                self.items.setCurrentItem(row)
        self.items.blockSignals(False)
        self.count.setText(
            tr("Curator", "%1 of %2 items · ● published ○ draft")
            .replace("%1", str(shown))
            .replace("%2", str(len(self.cards)))
        )

    def _item_chosen(self, current: QListWidgetItem | None, _prev: object) -> None:
        if current is None:
            return
        self.show_item(int(current.data(Qt.ItemDataRole.UserRole)))

    def select_item(self, item_id: int) -> None:
        for i in range(self.items.count()):
            if self.items.item(i).data(Qt.ItemDataRole.UserRole) == item_id:
                self.items.setCurrentRow(i)
                return
        self.show_item(item_id)

    def show_item(self, item_id: int) -> None:
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
            try:
                from exhibition_app.ui.curator.annotation_editor import AnnotationEditor
                from exhibition_app.ui.curator.georef_editor import GeorefEditor
            except ImportError:  # pragma: no cover - built alongside; absent in old checkouts
                return
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
    def _reload_one(self, item_id: int) -> Callable[[Any], Any]:
        """A worker-side step: the fresh card of ``item_id`` after a change."""

        def read(session: Any) -> ItemCard | None:
            from exhibition_app.db.models import Item
            from exhibition_app.operations.views import item_card

            item = session.get(Item, item_id)
            return item_card(item) if item is not None else None

        return read

    def run_change(
        self,
        item_id: int,
        change: Callable[[Any], Any],
        *,
        on_done: Callable[[], None] | None = None,
        on_invalid: Callable[[dict[str, str]], None] | None = None,
    ) -> None:
        """Run ``change(session)`` in one transaction on the database worker, then show the
        item as it now is. A ValidationError's per-field messages go to ``on_invalid``."""
        catalog = self.catalog
        if catalog is None:
            return
        read = self._reload_one(item_id)

        def work() -> tuple[str, Any]:
            from exhibition_app.operations.item_changes import ValidationError

            try:
                with catalog.session() as session:
                    change(session)
            except ValidationError as exc:
                return "invalid", _field_errors(exc)
            with catalog.read_session() as session:
                return "ok", read(session)

        def done(result: tuple[str, Any]) -> None:
            outcome, value = result
            if outcome == "invalid":
                (on_invalid or self.editor.show_errors)(value)
                return
            self._card_changed(item_id, value)
            if on_done is not None:
                on_done()

        self.tasks.run_db(work, done, self.show_message)

    def _card_changed(self, item_id: int, card: ItemCard | None) -> None:
        if card is None:
            self.cards.pop(item_id, None)
        else:
            self.cards[item_id] = card
        self._fill_list()
        if self.current_id == item_id or card is None:
            self.show_item(item_id) if card is not None else self.editor.show_card(None)
        self._refresh_media_ids()

    def _refresh_media_ids(self) -> None:
        catalog = self.catalog
        if catalog is None:
            return

        def work() -> dict[str, int]:
            from sqlalchemy import select

            from exhibition_app.db.models import Media

            with catalog.read_session() as session:
                return {sha: mid for mid, sha in session.execute(select(Media.id, Media.sha256))}

        def done(ids: dict[str, int]) -> None:
            self.media_ids = ids

        self.tasks.run_db(work, done)

    def _edit(self, item_id: int, changes: dict[str, Any]) -> Callable[[Any], Any]:
        user = self.user

        def change(session: Any) -> None:
            from exhibition_app.operations.items import edit_item

            edit_item(session, item_id, changes, user)

        return change

    def _edit_requested(self, changes: dict[str, Any], before: dict[str, Any], text: str) -> None:
        item_id = self.current_id
        if item_id is None:
            return

        def first_done() -> None:
            self.undo_stack.push(
                Apply(
                    text,
                    lambda: self.run_change(item_id, self._edit(item_id, changes)),
                    lambda: self.run_change(item_id, self._edit(item_id, before)),
                )
            )
            self.statusBar().showMessage(tr("Curator", "Saved: %1").replace("%1", text), 4000)

        self.run_change(item_id, self._edit(item_id, changes), on_done=first_done)

    def _reorder(self, new: list[int], old: list[int]) -> None:
        item_id = self.current_id
        if item_id is None:
            return

        def order(ids: list[int]) -> Callable[[Any], Any]:
            return self._edit(item_id, {"media": ids})

        text = tr("Curator", "Reorder pictures")
        self.run_change(
            item_id,
            order(new),
            on_done=lambda: self.undo_stack.push(
                Apply(
                    text,
                    lambda: self.run_change(item_id, order(new)),
                    lambda: self.run_change(item_id, order(old)),
                )
            ),
        )

    def _cover(self, new: int | None, old: int | None) -> None:
        item_id = self.current_id
        if item_id is None or new is None:
            return

        def cover(media_id: int | None) -> Callable[[Any], Any]:
            return self._edit(item_id, {"cover_media_id": media_id})

        text = tr("Curator", "Change the cover")
        self.run_change(
            item_id,
            cover(new),
            on_done=lambda: self.undo_stack.push(
                Apply(
                    text,
                    lambda: self.run_change(item_id, cover(new)),
                    lambda: self.run_change(item_id, cover(old)),
                )
            ),
        )

    def _add_files(self, files: list[Path]) -> None:
        item_id, catalog = self.current_id, self.catalog
        if item_id is None or catalog is None:
            return
        read = self._reload_one(item_id)
        user = self.user

        def work() -> tuple[ItemCard | None, list[str], list[int], list[int]]:
            from exhibition_app.operations.media_ops import add_media, media_order

            problems = []
            with catalog.session() as session:
                from exhibition_app.operations.history import ensure_baseline

                ensure_baseline(session, "item", item_id)
                before = media_order(session, item_id)
            from exhibition_app.db.models import Media
            from exhibition_app.operations.bulk import SimilarIndex

            similar = SimilarIndex(catalog)
            for path in files:
                try:
                    media_id = add_media(catalog, item_id, path)
                    with catalog.read_session() as session:
                        phash = session.get(Media, media_id).phash  # type: ignore[union-attr]
                    near = similar.nearest(phash, media_id)
                    if near is not None and near[0] != item_id:
                        problems.append(
                            tr("Curator", "%1 looks like a picture of item %2 (added anyway)")
                            .replace("%1", path.name)
                            .replace("%2", str(near[0]))
                        )
                except Exception as exc:  # one line per refused file, the rest goes on
                    problems.append(f"{path.name}: {str(exc).splitlines()[0]}")
            with catalog.session() as session:
                _record(session, item_id, user, tr("Curator", "pictures added"))
            with catalog.read_session() as session:
                return read(session), problems, before, media_order(session, item_id)

        def done(result: tuple[ItemCard | None, list[str], list[int], list[int]]) -> None:
            card, problems, before, after = result
            self._card_changed(item_id, card)
            if after != before:  # undo takes the pictures off again; their files stay stored
                self.undo_stack.push(
                    Apply(
                        tr("Curator", "Add pictures"),
                        lambda: self.run_change(item_id, self._edit(item_id, {"media": after})),
                        lambda: self.run_change(item_id, self._edit(item_id, {"media": before})),
                    )
                )
            if problems:
                notice(
                    self,
                    tr("Curator", "About the pictures you added"),
                    "\n".join(problems),
                    warning=True,
                )

        self.tasks.run_db(work, done, self.show_message)

    # -- history ---------------------------------------------------------------------------
    def _load_history(self) -> None:
        item_id, catalog = self.current_id, self.catalog
        if item_id is None or catalog is None:
            self.history.show_history([])
            return

        def work() -> list[dict[str, Any]]:
            from exhibition_app.operations.history import history

            with catalog.read_session() as session:
                return [dict(row) for row in history(session, "item", item_id)]

        def done(rows: list[dict[str, Any]]) -> None:
            if self.current_id == item_id:
                self.history.show_history(rows)

        self.tasks.run_db(work, done, lambda _m: self.history.show_history([]))

    def _restore(self, revision_id: int) -> None:
        item_id = self.current_id
        if item_id is None:
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

        def change(session: Any) -> None:
            from exhibition_app.operations.history import restore_item

            restore_item(session, revision_id, user)

        self.run_change(
            item_id,
            change,
            on_done=lambda: self.statusBar().showMessage(tr("Curator", "Version restored"), 4000),
        )

    # -- creating, importing, publishing ---------------------------------------------------
    def new_item(self) -> None:
        if self.catalog is None:
            return
        kinds = [kind_name(k) for k in KINDS]
        kind, ok = QInputDialog.getItem(
            self, tr("Curator", "New item"), tr("Curator", "Kind"), kinds, 0, False
        )
        if not ok:
            return
        title, ok = QInputDialog.getText(
            self, tr("Curator", "New item"), tr("Curator", "Title (in English)")
        )
        if not ok or not title.strip():
            return
        self.create_item(KINDS[kinds.index(kind)], title.strip())

    def create_item(self, kind: str, title: str) -> None:
        catalog, user = self.catalog, self.user
        assert catalog is not None

        def work() -> int:
            from exhibition_app.operations.items import create_item

            with catalog.session() as session:
                item = create_item(session, {"kind": kind, "texts": {"title": {"en": title}}}, user)
                session.flush()
                return int(item.id if hasattr(item, "id") else item)

        def done(item_id: int) -> None:
            self.run_change(item_id, lambda _s: None, on_done=lambda: self.select_item(item_id))

        self.tasks.run_db(work, done, self.show_message)

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
            kinds = [kind_name(k) for k in KINDS]
            picked, ok = QInputDialog.getItem(
                self,
                tr("Curator", "Import a folder"),
                tr("Curator", "The images are"),
                kinds,
                0,
                False,
            )
            if not ok:
                return
            kind = KINDS[kinds.index(picked)]
        self.bulk.start(self.catalog, folder, kind)

    def _bulk_done(self, data: dict[str, Any]) -> None:
        catalog = self.catalog
        self.last_import = data
        if catalog is not None:
            self.tasks.run_db(lambda: self._read(catalog), self._reloaded)
        if "error" not in data:
            notice(self, tr("Curator", "Folder imported"), summary_text(data))

    def _reloaded(self, result: tuple[dict[int, ItemCard], dict[str, int]]) -> None:
        self.cards, self.media_ids = result
        self._fill_list()

    def toggle_publish(self) -> None:
        item_id = self.current_id
        card = self.cards.get(item_id) if item_id is not None else None
        if card is None or item_id is None:
            return
        user = self.user

        def set_state(published: bool) -> Callable[[Any], Any]:
            def change(session: Any) -> None:
                from exhibition_app.operations import publishing

                fn = publishing.publish if published else publishing.unpublish
                fn(session, items=[item_id], user=user)

            return change

        target = not card.published
        text = tr("Curator", "Publish") if target else tr("Curator", "Unpublish")
        self.run_change(
            item_id,
            set_state(target),
            on_done=lambda: self.undo_stack.push(
                Apply(
                    text,
                    lambda: self.run_change(item_id, set_state(target)),
                    lambda: self.run_change(item_id, set_state(not target)),
                )
            ),
        )

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
        from exhibition_app.paths import user_data_dir

        catalog = self.catalog
        name = catalog.db_path.stem if catalog is not None and catalog.db_path else "catalog"
        return user_data_dir() / "backups" / name

    def scheduled_backup(self) -> None:
        """A rotated backup a day of an SQLite catalogue. A catalogue on a server is backed up
        there (a nightly timer, docs/deployment.md), not by each curator's laptop."""
        catalog = self.catalog
        if catalog is None or catalog.db_path is None:
            return
        folder = self.backup_folder()

        def work() -> Path | None:
            from exhibition_app.operations.backup import scheduled_backup

            return scheduled_backup(catalog, folder)

        def done(path: Path | None) -> None:
            if path is not None:
                self.statusBar().showMessage(
                    tr("Curator", "Backup made: %1").replace("%1", str(path)), 6000
                )

        self.tasks.run_db(
            work,
            done,
            lambda m: self.show_message(
                tr("Curator", "The daily backup failed: %1").replace("%1", m)
            ),
        )

    def eventFilter(self, watched: Any, event: Any) -> bool:
        """Folders or image files dropped on the item list become new items."""
        from PySide6.QtCore import QEvent

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
                kinds = [kind_name(k) for k in KINDS]
                picked, ok = QInputDialog.getItem(
                    self,
                    tr("Curator", "Import pictures"),
                    tr("Curator", "The images are"),
                    kinds,
                    0,
                    False,
                )
                if not ok:
                    return
                kind = KINDS[kinds.index(picked)]
            chosen = kind

            def work() -> dict[str, Any]:
                from exhibition_app.operations.bulk import title_from_filename
                from exhibition_app.operations.ingest import import_image

                imported, refused = [], []
                for path in files:
                    try:
                        imported.append(
                            {
                                "file": path.name,
                                "id": import_image(
                                    catalog, path, kind=chosen, title=title_from_filename(path.name)
                                ),
                            }
                        )
                    except Exception as exc:  # each refusal is one line; the rest goes on
                        refused.append({"file": path.name, "reason": str(exc).splitlines()[0]})
                return {"imported": imported, "refused": refused}

            self.tasks.run_db(work, self._bulk_done, self.show_message)

    def load_visitors(self) -> None:
        catalog, lang = self.catalog, self.language.code
        if catalog is None:
            return

        def work() -> dict[str, Any]:
            from exhibition_app.operations.stats import summarize

            with catalog.read_session() as session:
                return summarize(session, lang=lang, fallback=catalog.fallback)

        self.tasks.run_db(work, self.visitors.show_summary, self.show_message)

    # -- misc ------------------------------------------------------------------------------
    def show_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

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


def _record(session: Any, item_id: int, user: str | None, summary: str) -> None:
    from exhibition_app.operations.history import record

    record(session, "item", item_id, user, "update", summary)
