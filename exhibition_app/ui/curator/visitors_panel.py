"""What visitors did at the kiosks (anonymous): items opened and for how long, searches that
found nothing, languages chosen, resets. Read from operations.stats.summarize."""

from __future__ import annotations

from typing import Any

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


class VisitorsPanel(QWidget):
    def __init__(self, refresh: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.items = QTreeWidget()
        self.items.setRootIsDecorated(False)
        self.items.setHeaderLabels(
            [
                tr("Visitors", "Item"),
                tr("Visitors", "Opened"),
                tr("Visitors", "Median time"),
                tr("Visitors", "Total time"),
            ]
        )
        self.items.setColumnWidth(0, 420)
        self.searches = QTreeWidget()
        self.searches.setRootIsDecorated(False)
        self.searches.setHeaderLabels(
            [tr("Visitors", "Searches that found nothing"), tr("Visitors", "Times")]
        )
        self.searches.setColumnWidth(0, 420)
        button = QPushButton(tr("Visitors", "Refresh"))
        button.clicked.connect(refresh)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.items, 2)
        layout.addWidget(self.searches, 1)

    def show_summary(self, data: dict[str, Any]) -> None:
        languages = ", ".join(f"{code} {n}" for code, n in data.get("languages", {}).items())
        self.summary.setText(
            tr("Visitors", "Kiosks: %1 · items opened: %2 · resets: %3 · languages chosen: %4")
            .replace("%1", ", ".join(data.get("stations", [])) or "—")
            .replace("%2", str(data.get("items_opened", 0)))
            .replace("%3", str(data.get("resets", 0)))
            .replace("%4", languages or "—")
        )
        self.items.clear()
        for row in data.get("items", []):
            median = row.get("dwell_seconds_median")
            total = row.get("dwell_seconds_total") or 0
            self.items.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        f"{row.get('accession_number', '')}  {row.get('title', '')}",
                        str(row.get("opened", 0)),
                        f"{median:.0f} s" if median is not None else "—",
                        f"{total:.0f} s",
                    ]
                )
            )
        self.searches.clear()
        for row in data.get("searches_without_result", []):
            self.searches.addTopLevelItem(QTreeWidgetItem([row["query"], str(row["count"])]))
