"""The curator's lists of items: the workspace's list and the exhibition editor's catalogue.

A list model over the workspace's cards, ordered by accession number. A large catalogue's
cards come light (accession number, kind, published; no title yet): the rows on screen are
read whole on the database worker as they are shown, as in the gallery (GalleryModel), so a
100,000-item catalogue opens its lists without making 100,000 widgets' worth of rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from exhibition_app.core.cards import GalleryData, ItemCard
from exhibition_app.core.textfold import fold
from exhibition_app.ui.gallery.model import GalleryModel, Index
from exhibition_app.ui.i18n import Language, tr
from exhibition_app.ui.labels import kind_name
from exhibition_app.ui.tasks import TaskManager

#: The role carrying an item's id; a drag from the list carries it too (the exhibition
#: editor's section list takes it from the drop).
ItemsRole = Qt.ItemDataRole.UserRole


class ItemListModel(GalleryModel):
    def __init__(self, tasks: TaskManager, language: Language, *, marks: bool) -> None:
        super().__init__(tasks, language)
        self.marks = marks  # the published/draft mark and two lines (the workspace's list)

    def set_cards(self, cards: dict[int, ItemCard]) -> None:
        """Show ``cards`` (kept, not copied: pages read later land in it) by accession number."""
        order = sorted(cards, key=lambda i: cards[i].accession_number)
        self.set_gallery(GalleryData(items=cards, order=tuple(order)))

    def whole(self) -> bool:
        """Whether every card is whole (a catalogue under views.COMPLETE_LIMIT items)."""
        return all(card.complete for card in self.gallery.items.values())

    def matching(self, query: str) -> list[int]:
        """The ids, in list order, whose accession number or title (in the language on show)
        holds ``query``, compared folded; light cards by their accession number only."""
        wanted = fold(query)
        items = self.gallery.items
        return [
            i
            for i in self.gallery.order
            if wanted in fold(f"{items[i].accession_number} {self.title(items[i])}")
        ]

    def title(self, card: ItemCard) -> str:
        return self.language.text(card.text("title")) or ""

    def row_of(self, item_id: int) -> int:
        """``item_id``'s row in the list as filtered, or -1."""
        return self.shown_row(item_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        card = self.card_at(index.row())
        assert card is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if not self.marks:
                return f"{card.accession_number}  {self.title(card)}"
            mark = "●" if card.published else "○"
            return f"{mark}  {card.accession_number}\n     {self.title(card)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            state = tr("Curator", "published") if card.published else tr("Curator", "draft")
            return f"{kind_name(card.kind)} · {state}"
        if role == ItemsRole:
            return card.id
        return None

    def itemData(self, index: Index) -> dict[int, Any]:
        # What a drag carries: Qt's default stops below UserRole, where the id is.
        return {
            int(Qt.ItemDataRole.DisplayRole): self.data(index),
            int(ItemsRole): self.data(index, ItemsRole),
        }

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def ids_at(self, indexes: Iterable[QModelIndex]) -> list[int]:
        return [int(self.data(i, ItemsRole)) for i in sorted(indexes, key=lambda i: i.row())]
