"""GalleryModel: the items on show, as a list model with thumbnails loaded off the UI thread.

Threading: the model lives on the main thread. A thumbnail is requested the first time a
tile asks for it (so only visible tiles cost anything); the image pool makes or reads the
cached JPEG and returns a QImage; the QPixmap is made here, on the main thread.

A large gallery comes with light cards (``ItemCard.complete`` False: no texts or pictures
yet). The first time a tile asks for one, the cards of that page of rows are read on the
database worker and the tiles repaint when they arrive (``read_cards``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap

from exhibition_app.core.cards import GalleryData, ItemCard, MediaRef
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.labels import kind_name
from exhibition_app.ui.tasks import TaskManager

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog
    from exhibition_app.ui.first_screen import EarlyThumbnail

CardRole = Qt.ItemDataRole.UserRole + 1
ThumbRole = Qt.ItemDataRole.UserRole + 2
ItemIdRole = Qt.ItemDataRole.UserRole + 3
THUMB_SIDE = 480
#: Decoded thumbnails kept in memory (about 0.2-0.5 MB each): the least recently painted go
#: first, and come back from the disk cache if scrolled to again.
PIXMAP_CACHE = 300
#: Light cards read whole at once, from the first row a tile asked for: about a screen.
CARD_PAGE = 48

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
        #: Whether the gallery shows published items only (what ``read_cards`` must keep to).
        self.published_only = False
        self._row_of: dict[int, int] | None = {}  # item id -> row, made when first asked
        self._covers_of: dict[str, set[int]] = {}  # thumbnail checksum -> item ids
        self._cards_pending: set[int] = set()
        self._cards_wanted: list[int] = []
        self._cards_gone: set[int] = set()  # deleted since the gallery was read
        self._cards_waiters: list[tuple[set[int], Callable[[], None]]] = []
        self._read_scheduled = False
        self._generation = 0  # a new gallery: late answers for the old one are dropped
        #: Before the catalogue is open: reads a cached thumbnail file (ui/first_screen.py).
        self.early_thumbnail: EarlyThumbnail | None = None
        self._early_missed: set[str] = set()
        language.changed.connect(self._language_changed)

    # -- content ---------------------------------------------------------------------------
    def set_gallery(self, data: GalleryData) -> None:
        self.beginResetModel()
        self._data = data
        self._rows = list(data.order)
        self._row_of = None
        self._covers_of.clear()
        self._cards_pending.clear()
        self._cards_wanted.clear()
        self._cards_gone.clear()
        waiters, self._cards_waiters = self._cards_waiters, []
        self._generation += 1
        self.endResetModel()
        for _ids, then in waiters:
            then()  # what they waited for is in this gallery, whole or not at all

    def show_ids(self, ids: Sequence[int] | None) -> None:
        """Show these items in this order (None: every item)."""
        source = self._data.order if ids is None else ids
        rows = [i for i in source if i in self._data.items]
        if rows == self._rows:
            return  # no reset: the view would lay out every row again (0.1 s per 100,000)
        self.beginResetModel()
        self._rows = rows
        self._row_of = None
        self.endResetModel()

    @property
    def gallery(self) -> GalleryData:
        return self._data

    def card(self, item_id: int) -> ItemCard | None:
        return self._data.items.get(item_id)

    def card_at(self, row: int) -> ItemCard | None:
        if 0 <= row < len(self._rows):
            card = self._data.items[self._rows[row]]
            if not card.complete:
                self._want_page(row)
            return card
        return None

    def shown_row(self, item_id: int) -> int:
        """The row showing ``item_id``, or -1."""
        if self._row_of is None:
            self._row_of = {item_id: row for row, item_id in enumerate(self._rows)}
        row = self._row_of.get(item_id, -1)
        return row if 0 <= row < len(self._rows) and self._rows[row] == item_id else -1

    def card_replaced(self, item_id: int) -> None:
        """``item_id``'s card was replaced in the gallery's items (an edit): repaint its row."""
        row = self.shown_row(item_id)
        if row >= 0:
            idx = self.index(row)
            self.dataChanged.emit(idx, idx)

    # -- light cards -------------------------------------------------------------------------
    def _want_page(self, row: int) -> None:
        """A tile showed row ``row``'s light card: read that page of rows whole, once."""
        items = self._data.items
        for item_id in self._rows[row : row + CARD_PAGE]:
            if (
                not items[item_id].complete
                and item_id not in self._cards_pending
                and item_id not in self._cards_gone
            ):
                self._cards_pending.add(item_id)
                self._cards_wanted.append(item_id)
        if self._cards_wanted and not self._read_scheduled:
            self._read_scheduled = True
            QTimer.singleShot(0, self._read_wanted)  # one read for every tile of this paint

    def missing_cards(self, ids: Iterable[int]) -> set[int]:
        """Those of ``ids`` in the gallery whose cards are light (and still exist)."""
        items = self._data.items
        return {
            i
            for i in ids
            if (card := items.get(i)) is not None
            and not card.complete
            and i not in self._cards_gone
        }

    def ensure_cards(self, ids: Iterable[int], then: Callable[[], None]) -> None:
        """Call ``then`` once the cards of ``ids`` (those in the gallery) are whole: now if
        they are, else when the database worker has read them."""
        missing = self.missing_cards(ids)
        if not missing:
            then()
            return
        self._cards_waiters.append((missing, then))
        for item_id in missing - self._cards_pending:
            self._cards_pending.add(item_id)
            self._cards_wanted.append(item_id)
        self._read_wanted()

    def _read_wanted(self) -> None:
        self._read_scheduled = False
        wanted, self._cards_wanted = self._cards_wanted, []
        catalog = self.catalog
        if not wanted or catalog is None:
            return
        from exhibition_app.operations.gallery_reads import read_cards  # loads on the worker

        generation, published_only = self._generation, self.published_only
        self.tasks.query(
            lambda: read_cards(catalog, wanted, published_only=published_only),
            lambda cards: self._cards_read(generation, wanted, cards),
            lambda _exc: self._cards_unread(generation, wanted),
        )

    def _cards_unread(self, generation: int, asked: list[int]) -> None:
        """The read failed (the worker logged why): those cards stay light, not gone, and
        are asked for again when a tile next paints them (no repaint here, so a catalogue
        that keeps failing is not asked in a loop)."""
        if generation != self._generation:
            return
        self._cards_pending.difference_update(asked)
        self._release_waiters()

    def _cards_read(self, generation: int, asked: list[int], cards: dict[int, ItemCard]) -> None:
        if generation != self._generation:
            return
        self._data.items.update(cards)
        self._cards_pending.difference_update(asked)
        self._cards_gone.update(i for i in asked if i not in cards)  # never asked again
        for item_id in asked:
            if (row := self.shown_row(item_id)) >= 0:
                idx = self.index(row)
                self.dataChanged.emit(idx, idx)
        self._release_waiters()

    def _release_waiters(self) -> None:
        ready = [w for w in self._cards_waiters if not (w[0] & self._cards_pending)]
        self._cards_waiters = [w for w in self._cards_waiters if w[0] & self._cards_pending]
        for _ids, then in ready:
            then()

    def ids(self) -> list[int]:
        return list(self._rows)

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        card = self.card_at(index.row())
        assert card is not None
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
        if media is None or media.sha256 in self._failed:
            return None
        pixmap = self._pixmaps.get(media.sha256)
        if pixmap is not None:
            self._pixmaps.move_to_end(media.sha256)
            return pixmap
        self._covers_of.setdefault(media.sha256, set()).add(card.id)  # to repaint on arrival
        if media.sha256 not in self._loading:
            if catalog is not None:
                self._loading.add(media.sha256)
                request_thumbnail(self.tasks, catalog, media, THUMB_SIDE, self._thumb_loaded)
            elif self.early_thumbnail is not None and media.sha256 not in self._early_missed:
                self._loading.add(media.sha256)  # the cached first screen (ui/first_screen.py)
                self.early_thumbnail(media, THUMB_SIDE, self._early_loaded)
        return pixmap

    def _early_loaded(self, sha: str, image: QImage | None) -> None:
        if image is not None:
            self._thumb_loaded(sha, image)
            return
        self._loading.discard(sha)  # no cached file: the catalogue makes it, once open
        self._early_missed.add(sha)
        if self.catalog is not None:
            self._changed_for(sha)

    def is_loading(self) -> bool:
        return bool(self._loading or self._cards_pending)

    def thumbnail_ready(self, row: int) -> bool:
        """Whether the tile at ``row`` can paint its final picture (or needs none)."""
        item_id = self._rows[row]
        card = self._data.items[item_id]
        if not card.complete and item_id not in self._cards_gone:
            return False
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
        # The tiles that asked for it (not a walk over every row: 100,000 in a large gallery).
        for item_id in self._covers_of.pop(sha, ()):
            if (row := self.shown_row(item_id)) >= 0:
                idx = self.index(row)
                self.dataChanged.emit(idx, idx, [ThumbRole])

    def _language_changed(self, _lang: str) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))
