"""GalleryModel: the items on show, as a list model with thumbnails loaded off the UI thread.

Threading: the model lives on the main thread. A thumbnail is requested the first time a
tile asks for it (so only visible tiles cost anything); the image pool makes or reads the
cached JPEG and returns a QImage; the QPixmap is made here, on the main thread.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QImage, QPixmap

from exhibition_app.core.cards import GalleryData, ItemCard, MediaRef
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.labels import kind_name
from exhibition_app.ui.tasks import TaskManager

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog

CardRole = Qt.ItemDataRole.UserRole + 1
ThumbRole = Qt.ItemDataRole.UserRole + 2
ItemIdRole = Qt.ItemDataRole.UserRole + 3
THUMB_SIDE = 480
#: Decoded thumbnails kept in memory (about 0.2-0.5 MB each): the least recently painted go
#: first, and come back from the disk cache if scrolled to again.
PIXMAP_CACHE = 300

Index = QModelIndex | QPersistentModelIndex


def load_thumbnail_image(catalog: Catalog, media: MediaRef, side: int) -> QImage:
    """Runs on the image pool: cached thumbnail file -> QImage (never a QPixmap here)."""
    from exhibition_app.operations.gallery_reads import thumbnail_file  # loads on the worker

    path = thumbnail_file(catalog, media, side)
    image = QImage(str(path))
    if image.isNull():
        raise OSError(f"cannot decode thumbnail {path}")
    return image


def request_thumbnail(
    tasks: TaskManager,
    catalog: Catalog,
    media: MediaRef,
    side: int,
    deliver: Callable[[str, QImage | None], None],
) -> None:
    """Load ``media``'s thumbnail on the image pool; ``deliver(sha256, image)`` runs on the
    main thread, with None for a picture that cannot be read."""
    sha = media.sha256
    tasks.query(
        lambda: load_thumbnail_image(catalog, media, side),
        lambda image: deliver(sha, image),
        lambda _exc: deliver(sha, None),
        images=True,
    )


class GalleryModel(QAbstractListModel):
    def __init__(self, tasks: TaskManager, language: Language) -> None:
        super().__init__()
        self.catalog: Catalog | None = None  # set once the catalogue is open
        self.tasks = tasks
        self.language = language
        self._data = GalleryData(items={}, order=())
        self._rows: list[int] = []
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._failed: set[str] = set()
        self._loading: set[str] = set()
        language.changed.connect(self._language_changed)

    # -- content ---------------------------------------------------------------------------
    def set_gallery(self, data: GalleryData) -> None:
        self.beginResetModel()
        self._data = data
        self._rows = list(data.order)
        self.endResetModel()

    def show_ids(self, ids: Sequence[int] | None) -> None:
        """Show these items in this order (None: every item)."""
        self.beginResetModel()
        source = self._data.order if ids is None else ids
        self._rows = [i for i in source if i in self._data.items]
        self.endResetModel()

    @property
    def gallery(self) -> GalleryData:
        return self._data

    def card(self, item_id: int) -> ItemCard | None:
        return self._data.items.get(item_id)

    def card_at(self, row: int) -> ItemCard | None:
        if 0 <= row < len(self._rows):
            return self._data.items[self._rows[row]]
        return None

    def ids(self) -> list[int]:
        return list(self._rows)

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        card = self._data.items[self._rows[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.language.text(card.text("title")) or card.accession_number
        if role == Qt.ItemDataRole.AccessibleTextRole:
            title = self.language.text(card.text("title"))
            date = self.language.text(card.text("date"))
            return ", ".join(p for p in (kind_name(card.kind), title, date) if p)
        if role == CardRole:
            return card
        if role == ItemIdRole:
            return card.id
        if role == ThumbRole:
            return self.thumbnail(card)
        return None

    # -- thumbnails ------------------------------------------------------------------------
    def thumbnail(self, card: ItemCard) -> QPixmap | None:
        media = card.cover
        catalog = self.catalog
        if media is None or catalog is None or media.sha256 in self._failed:
            return None
        pixmap = self._pixmaps.get(media.sha256)
        if pixmap is not None:
            self._pixmaps.move_to_end(media.sha256)
        elif media.sha256 not in self._loading:
            self._loading.add(media.sha256)
            request_thumbnail(self.tasks, catalog, media, THUMB_SIDE, self._thumb_loaded)
        return pixmap

    def is_loading(self) -> bool:
        return bool(self._loading)

    def thumbnail_ready(self, row: int) -> bool:
        """Whether the tile at ``row`` can paint its final picture (or needs none)."""
        card = self._data.items[self._rows[row]]
        media = card.cover
        return media is None or media.sha256 in self._pixmaps or media.sha256 in self._failed

    def _thumb_loaded(self, sha: str, image: QImage | None) -> None:
        self._loading.discard(sha)
        if image is None:
            self._failed.add(sha)  # the designed card is shown instead of a broken image
        else:
            self._pixmaps[sha] = QPixmap.fromImage(image)
            while len(self._pixmaps) > PIXMAP_CACHE:
                self._pixmaps.popitem(last=False)
        self._changed_for(sha)

    def _changed_for(self, sha: str) -> None:
        for row, item_id in enumerate(self._rows):
            cover = self._data.items[item_id].cover
            if cover is not None and cover.sha256 == sha:
                idx = self.index(row)
                self.dataChanged.emit(idx, idx, [ThumbRole])

    def _language_changed(self, _lang: str) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))
