"""Every revision of the item (who, when, what changed), and a way back to any of them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exhibition_app.ui.i18n import tr


def action_name(action: str) -> str:
    names = {
        "create": tr("History", "Created"),
        "update": tr("History", "Edited"),
        "delete": tr("History", "Deleted"),
        "publish": tr("History", "Published"),
        "unpublish": tr("History", "Unpublished"),
        "restore": tr("History", "Restored"),
        "import": tr("History", "Imported"),
    }
    return names.get(action, action)


class HistoryPanel(QWidget):
    """``restore_requested`` carries the revision id the curator chose."""

    restore_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(
            [
                tr("History", "When"),
                tr("History", "Who"),
                tr("History", "What"),
                tr("History", "Changes"),
            ]
        )
        self.tree.setColumnWidth(0, 170)
        self.tree.setColumnWidth(1, 110)
        self.tree.setColumnWidth(2, 110)
        self.tree.itemSelectionChanged.connect(self._selection)
        self.tree.itemDoubleClicked.connect(lambda _i, _c: self._restore())
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.restore_button = QPushButton(tr("History", "Restore this version…"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore)
        bar = QHBoxLayout()
        bar.addWidget(self.note, 1)
        bar.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bar)

    def show_history(self, rows: list[dict[str, Any]]) -> None:
        self.tree.clear()
        locale = QLocale()
        for i, row in enumerate(rows):
            at = row.get("at")
            when = QDateTime.fromString(str(at), Qt.DateFormat.ISODateWithMs)
            if not when.isValid():
                when = QDateTime.fromString(str(at), Qt.DateFormat.ISODate)
            shown = (
                locale.toString(when.toLocalTime(), QLocale.FormatType.ShortFormat)
                if when.isValid()
                else str(at)
            )
            item = QTreeWidgetItem(
                [
                    shown,
                    row.get("user_name") or "—",
                    action_name(str(row.get("action", ""))),
                    row.get("summary") or "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, row.get("id"))
            if i == 0:
                item.setText(2, item.text(2) + "  " + tr("History", "(current)"))
            self.tree.addTopLevelItem(item)
        self.note.setText(
            tr("History", "%1 versions. Select one to restore it.").replace("%1", str(len(rows)))
            if rows
            else tr("History", "No recorded changes yet.")
        )

    def _selection(self) -> None:
        items = self.tree.selectedItems()
        self.restore_button.setEnabled(bool(items) and self.tree.indexOfTopLevelItem(items[0]) > 0)

    def _restore(self) -> None:
        items = self.tree.selectedItems()
        if items and self.tree.indexOfTopLevelItem(items[0]) > 0:
            self.restore_requested.emit(int(items[0].data(0, Qt.ItemDataRole.UserRole)))
