"""Filter chips over the gallery: kind, period and country (exhibition_app.core.filters).

A chosen chip shows a check mark as well as its colour, so the state never rests on colour
alone; "Clear filters" appears while any chip is on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from exhibition_app.core.countries import country_name
from exhibition_app.core.filters import Facets, Filters
from exhibition_app.ui.flow_layout import FlowLayout
from exhibition_app.ui.i18n import Language, tr

CHECK = "✓ "


def kind_plural(kind: str) -> str:
    names = {
        "map": tr("Filters", "Maps"),
        "object": tr("Filters", "Objects"),
        "photograph": tr("Filters", "Photographs"),
        "document": tr("Filters", "Documents"),
    }
    return names.get(kind, kind)


def period_name(key: str) -> str:
    names = {
        "before-1500": tr("Filters", "Before 1500"),
        "1500-1800": tr("Filters", "1500–1800"),
        "after-1800": tr("Filters", "After 1800"),
    }
    return names.get(key, key)


class FilterBar(QWidget):
    """``changed`` carries the new Filters whenever a chip is switched."""

    changed = Signal(object)

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.language = language
        self.filters = Filters()
        self.facets: Facets | None = None
        self._chips: list[tuple[str, str, QPushButton]] = []
        self._layout = FlowLayout(self, spacing=8)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("chipClear")
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.clicked.connect(self.clear)
        language.changed.connect(lambda _l: self.retranslate())

    def set_facets(self, facets: Facets) -> None:
        """Offer these chips; a chosen value no longer offered is dropped from the filters
        (a chip the visitor cannot see must not hide items)."""
        if facets == self.facets:
            return
        self.facets = facets
        self.filters = Filters(
            kinds=self.filters.kinds & set(facets.kinds),
            countries=self.filters.countries & set(facets.countries),
            periods=self.filters.periods & set(facets.periods),
        )
        for _facet, _value, chip in self._chips:
            self._layout.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self._chips.clear()
        self._layout.removeWidget(self.clear_button)
        groups = (
            ("kinds", facets.kinds),
            ("periods", facets.periods),
            ("countries", facets.countries),
        )
        for facet, values in groups:
            for value in values:
                chip = QPushButton()
                chip.setObjectName("chip")
                chip.setCheckable(True)
                chip.setCursor(Qt.CursorShape.PointingHandCursor)
                chip.setChecked(value in getattr(self.filters, facet))
                chip.clicked.connect(lambda _c=False, f=facet, v=value: self._toggle(f, v))
                self._layout.addWidget(chip)
                chip.show()
                self._chips.append((facet, value, chip))
        self._layout.addWidget(self.clear_button)
        self.retranslate()

    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.retranslate()

    def clear(self) -> None:
        if self.filters.active:
            self.filters = Filters()
            self.retranslate()
            self.changed.emit(self.filters)

    def chips(self) -> list[QPushButton]:
        return [chip for _f, _v, chip in self._chips]

    def chip(self, facet: str, value: str) -> QPushButton | None:
        return next((c for f, v, c in self._chips if f == facet and v == value), None)

    def _toggle(self, facet: str, value: str) -> None:
        self.filters = self.filters.toggled(facet, value)
        self.retranslate()
        self.changed.emit(self.filters)

    def retranslate(self) -> None:
        for facet, value, chip in self._chips:
            if facet == "kinds":
                name = kind_plural(value)
            elif facet == "periods":
                name = period_name(value)
            else:
                name = country_name(value, self.language.code) or value
            on = value in getattr(self.filters, facet)
            chip.setChecked(on)
            font = chip.font()
            if font.bold() != on:  # bold in code, not in the style sheet's :checked: the
                font.setBold(on)  # chip's size then follows (no "✓ Kazakhstar")
                chip.setFont(font)
            chip.setText((CHECK if on else "") + name)
            chip.setAccessibleName(name)
            chip.setAccessibleDescription(
                tr("Filters", "Filter on") if on else tr("Filters", "Filter off")
            )
        self.clear_button.setText("✕ " + tr("Filters", "Clear filters"))
        self.clear_button.setAccessibleName(tr("Filters", "Clear filters"))
        self.clear_button.setVisible(self.filters.active)
        self.setAccessibleName(tr("Filters", "Filters"))
        self._layout.invalidate()
        self.updateGeometry()
