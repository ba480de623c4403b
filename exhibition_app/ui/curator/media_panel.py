"""An item's pictures as thumbnails: drag to reorder, choose the cover, add or drop files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exhibition_app.core.cards import ItemCard, MediaRef
from exhibition_app.ui.gallery.model import load_thumbnail_image
from exhibition_app.ui.i18n import tr
from exhibition_app.ui.tasks import TaskManager

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog

THUMB = 200
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".bmp", ".gif"}


class MediaPanel(QWidget):
    """Signals carry what the curator asked for; the workspace applies it (undoably)."""

    reorder_requested = Signal(object, object)  # (new order, old order) of media ids
    cover_requested = Signal(object, object)  # (new cover sha, old cover sha)
    files_dropped = Signal(object)  # [Path]

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.catalog: Catalog | None = None
        self.card: ItemCard | None = None
        self._ids: dict[str, int] = {}  # sha -> media id
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 24, THUMB + 48))
        self.list.setMovement(QListWidget.Movement.Snap)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.model().rowsMoved.connect(lambda *_a: self._moved())
        self.list.setAccessibleName(tr("MediaPanel", "The item's pictures"))
        self.cover_button = QPushButton(tr("MediaPanel", "Make cover"))
        self.cover_button.clicked.connect(self._make_cover)
        self.add_button = QPushButton(tr("MediaPanel", "Add pictures…"))
        self.add_button.clicked.connect(self._add)
        self.hint = QLabel(
            tr(
                "MediaPanel",
                "Drag pictures to change their order; drop image files here to add them.",
            )
        )
        self.hint.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.hint, 1)
        bar.addWidget(self.cover_button)
        bar.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(bar)
        self.setAcceptDrops(True)
        self._order: list[int] = []

    def show_card(self, card: ItemCard | None, media_ids: dict[str, int]) -> None:
        self.card = card
        self._ids = media_ids
        self.list.clear()
        self._order = []
        if card is None:
            return
        for index, media in enumerate(card.media):
            cover = card.cover is not None and media.sha256 == card.cover.sha256
            text = f"{index + 1}. {media.width}×{media.height}"
            if cover:
                text += "\n★ " + tr("MediaPanel", "cover")
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, media.sha256)
            row.setToolTip(media.relpath)
            self.list.addItem(row)
            self._order.append(media_ids.get(media.sha256, -1))
            self._load(row, media)

    def _load(self, row: QListWidgetItem, media: MediaRef) -> None:
        catalog = self.catalog
        if catalog is None:
            return

        def done(image: QImage) -> None:
            for i in range(self.list.count()):
                item = self.list.item(i)
                if item.data(Qt.ItemDataRole.UserRole) == media.sha256:
                    item.setIcon(QIcon(QPixmap.fromImage(image)))

        self.tasks.query(
            lambda: load_thumbnail_image(catalog, media, 480), done, lambda _exc: None, images=True
        )

    def current_order(self) -> list[int]:
        return [
            self._ids.get(self.list.item(i).data(Qt.ItemDataRole.UserRole), -1)
            for i in range(self.list.count())
        ]

    def _moved(self) -> None:
        new = self.current_order()
        if new != self._order:
            old, self._order = self._order, new
            self.reorder_requested.emit(new, old)

    def _make_cover(self) -> None:
        row = self.list.currentItem()
        if row is None or self.card is None:
            return
        sha = row.data(Qt.ItemDataRole.UserRole)
        old = self.card.cover.sha256 if self.card.cover else None
        if sha != old:
            self.cover_requested.emit(self._ids.get(sha), self._ids.get(old) if old else None)

    def _add(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            tr("MediaPanel", "Add pictures"),
            "",
            tr("MediaPanel", "Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif)"),
        )
        if files:
            self.files_dropped.emit([Path(f) for f in files])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        files = [p for p in paths if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES]
        if files:
            self.files_dropped.emit(files)
            event.acceptProposedAction()
