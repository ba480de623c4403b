"""A map on the item page: the deep-zoom view, its hotspots, and their labels on tap.

Loading: one operation (exhibition_app.operations.map_view.read_map) reads the annotations
and builds the tile set (once per image, cached under assets/tiles) on the image pool; it
reports progress and stops when the visitor moves on. Until the tiles are ready the panel
says so in words a visitor understands.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QPointF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from exhibition_app.core.cards import ItemCard
from exhibition_app.core.georef import Equirectangular
from exhibition_app.core.languages import LANGUAGES
from exhibition_app.errors import message_of
from exhibition_app.operations.map_view import MapContent, MapNote
from exhibition_app.ui.collation import sort_key
from exhibition_app.ui.deepzoom.compare import CompareView
from exhibition_app.ui.deepzoom.pyramid import Pyramid
from exhibition_app.ui.deepzoom.view import DeepZoomView, Hotspot
from exhibition_app.ui.i18n import Language, tr
from exhibition_app.ui.labels import language_name
from exhibition_app.ui.tasks import OpHandle, TaskManager

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MapData(MapContent):
    """A map as the panel shows it: the content read by the operation, and its tile set
    parsed on the worker, so the UI thread reads no file and a vanished set is an error."""

    pyramid: Pyramid


@dataclass(frozen=True)
class Layer:
    """A map that "Then and now" can lay over this one: a "now" layer or a related map."""

    id: int
    title: dict[str, str]


def load_map(
    catalog: Catalog,
    item_id: int,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> MapData:
    """Runs on a worker: make sure the tiles exist (building them the first time, with
    progress and cancellation), read the annotations, parse the tile set."""
    from exhibition_app.operations.map_view import read_map  # the database stack: on the worker

    c = read_map(catalog, item_id, progress=progress, cancel=cancel)
    return MapData(
        c.info_json, c.notes, c.geo, c.width, c.height, c.layers, Pyramid.load(c.info_json)
    )


def set_georef(view: DeepZoomView, data: MapData) -> None:
    """Give ``view`` the map's longitude/latitude and ground scale (or none)."""
    view.to_lonlat = None
    view.km_per_image_px = None
    geo = data.geo
    if geo is None:
        return
    view.to_lonlat = geo.to_lonlat

    def km_per_px(y: float) -> float:
        lon0, lat0 = geo.to_lonlat(data.width / 2, y)
        lon1, lat1 = geo.to_lonlat(data.width / 2 + 1, y)
        dlon = (lon1 - lon0) * math.cos(math.radians((lat0 + lat1) / 2))
        return 111.32 * math.hypot(dlon, lat1 - lat0)

    view.km_per_image_px = km_per_px


class MapPanel(QWidget):
    """The deep-zoom view with a list of places to fly to and a label bubble."""

    def __init__(self, tasks: TaskManager, language: Language) -> None:
        super().__init__()
        self.tasks, self.language = tasks, language
        self.catalog: Catalog | None = None
        self.data: MapData | None = None
        self._loading_for: int | None = None
        self._building: OpHandle | None = None
        self.view = DeepZoomView()
        self.view.hotspot_clicked.connect(self._show_note)
        self.view.view_changed.connect(self._follow_bubble)
        self.message = QLabel()
        self.message.setObjectName("empty")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.places_button = QPushButton(self.view)
        self.places_button.setObjectName("placesButton")
        self.places_button.setCheckable(True)
        self.places_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.places_button.toggled.connect(self._toggle_places)
        self.places_button.hide()
        self.places = QListWidget(self.view)
        self.places.setObjectName("places")
        self.places.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.places.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.places.itemClicked.connect(self._fly_to_item)
        self.places.hide()
        self.bubble = PlaceBubble(self.view)
        self.bubble.original_toggled.connect(self._follow_bubble)
        self.bubble.hide()
        self.compare = CompareView()
        self.compare.chosen.connect(self._choose_layer)
        #: What "Then and now" offers for the map shown: the "now" layers (sharpest first,
        #: the default) and then the maps related to it.
        self.choices: list[Layer] = []
        self.compare_buttons: list[QPushButton] = []
        self.compare_row = QWidget(self.view)
        self.compare_row_layout = QVBoxLayout(self.compare_row)
        self.compare_row_layout.setContentsMargins(0, 0, 0, 0)
        self.compare_row_layout.setSpacing(6)
        self.close_compare = QPushButton(self.compare)
        self.close_compare.setObjectName("placesButton")
        self.close_compare.setCursor(Qt.CursorShape.PointingHandCursor)
        self.close_compare.clicked.connect(self.end_compare)
        self.related: list[ItemCard] = []
        self.card: ItemCard | None = None
        self.stack = QStackedLayout()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.compare)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.stack)
        language.changed.connect(lambda _l: self.refresh_texts())

    def is_loading(self) -> bool:
        current = self.stack.currentWidget()
        return (
            self._loading_for is not None
            or (
                self.data is not None
                and current is self.view
                and (not self.view.is_sharp() or self.view.is_settling())
            )
            or (current is self.compare and not self.compare.is_sharp())
        )

    def show_map(self, card: ItemCard, related: list[ItemCard] | None = None) -> None:
        self.card = card
        self.related = [r for r in related or [] if r.cover is not None]
        self.bubble.hide()
        self.view.set_pyramid(None)
        self.view.set_hotspots([])
        self.data = None
        self.message.setText(tr("MapPanel", "Preparing the map for deep zoom…"))
        self.stack.setCurrentWidget(self.message)
        catalog = self.catalog
        if catalog is None:
            return
        self.cancel_loading()
        self._loading_for = item_id = card.id
        self._building = self.tasks.change(
            lambda ctx: load_map(
                catalog,
                item_id,
                progress=lambda fraction: ctx.progress(int(fraction * 100), 100),
                cancel=ctx.cancelled,
            ),
            lambda data: self._loaded(item_id, data),
            lambda exc: self._failed(item_id, exc),
            progress=lambda done, total, _label: self._on_progress(item_id, done, total),
            images=True,
        )

    def _loaded(self, item_id: int, data: MapData) -> None:
        if self._loading_for != item_id:
            return
        self._loading_for = None
        self.data = data
        self.view.wrap_x = isinstance(data.geo, Equirectangular)
        self.view.set_pyramid(data.pyramid)
        self._set_georef(data)
        self.stack.setCurrentWidget(self.view)
        self.refresh_texts()
        self.view.home()

    # -- then and now ------------------------------------------------------------------------
    def start_compare(self, other: Layer | None = None) -> None:
        """Lay ``other`` (by default the first choice: the sharpest "now" layer) over this
        map, aligned through both georeferences."""
        catalog, card = self.catalog, self.card
        if other is None and self.choices:
            other = self.choices[0]
        if catalog is None or card is None or self.data is None or other is None:
            return
        self._loading_for = layer_id = other.id
        chosen = other
        # The first view of a big layer builds its tiles (the 10800 px relief takes seconds):
        # say so, over the comparison already showing or on the waiting screen.
        self._building = self.tasks.change(
            lambda ctx: load_map(
                catalog,
                layer_id,
                progress=lambda fraction: ctx.progress(int(fraction * 100), 100),
                cancel=ctx.cancelled,
            ),
            lambda data: self._compare_loaded(chosen, data),
            lambda exc: self._failed(layer_id, exc),
            progress=lambda done, total, _label: self._on_compare_progress(layer_id, done, total),
            images=True,
        )

    def _on_compare_progress(self, layer_id: int, done: int, total: int) -> None:
        if layer_id != self._loading_for or done >= total:
            return
        text = tr("MapPanel", "Preparing the map for deep zoom…")
        text += f"  {QLocale().toString(done * 100 // max(total, 1))} %"
        if self.stack.currentWidget() is self.compare:
            self.compare.set_labels(str(self.compare.base_label.property("fullText")), text)
        else:
            self.message.setText(text)
            self.stack.setCurrentWidget(self.message)

    def _choose_layer(self, layer_id: int) -> None:
        layer = next((c for c in self.choices if c.id == layer_id), None)
        if layer is not None:
            self.start_compare(layer)

    def _compare_loaded(self, other: Layer, top: MapData) -> None:
        if self._loading_for != other.id or self.data is None or self.card is None:
            return
        self._loading_for = None
        base_geo, top_geo = self.data.geo, top.geo
        if base_geo is None or top_geo is None:
            return
        lang = self.language
        for view, data in ((self.compare.base, self.data), (self.compare.top, top)):
            view.wrap_x = isinstance(data.geo, Equirectangular)
            # Scale bar and longitude/latitude; no zoom percentage, which would differ
            # between two pictures of different sizes showing the same ground.
            set_georef(view, data)
            view.show_zoom = False
        self.compare.set_maps(
            self.data.pyramid,
            top.pyramid,
            lambda x, y: top_geo.to_pixel(*base_geo.to_lonlat(x, y)),
            lambda x, y: base_geo.to_pixel(*top_geo.to_lonlat(x, y)),
            labels=(lang.text(self.card.text("title")), lang.text(other.title)),
        )
        self._refresh_compare_texts(other.id)
        self.stack.setCurrentWidget(self.compare)

    def _refresh_compare_texts(self, current: int | None = None) -> None:
        lang = self.language
        self.compare.slider_label.setText(tr("MapPanel", "Fade"))
        self.compare.chooser_label.setText(tr("MapPanel", "Compare with"))
        self.compare.set_choices(
            [(c.id, lang.text(c.title)) for c in self.choices],
            current if current is not None else self.compare.current_choice,
        )
        self.close_compare.setText("←  " + tr("MapPanel", "One map"))
        self.close_compare.adjustSize()
        self.close_compare.move(12, 20 + self.compare.base_label.sizeHint().height())
        self.close_compare.raise_()

    def end_compare(self) -> None:
        self.stack.setCurrentWidget(self.view if self.data is not None else self.message)

    def cancel_loading(self) -> None:
        """Stop building tiles nobody will look at (the visitor moved on)."""
        if self._building is not None:
            self._building.cancel()
        self._loading_for = None

    def _on_progress(self, item_id: int, done: int, total: int) -> None:
        if item_id == self._loading_for and self.stack.currentWidget() is self.message:
            self.message.setText(
                tr("MapPanel", "Preparing the map for deep zoom…")
                + f"  {QLocale().toString(done * 100 // max(total, 1))} %"
            )

    def _failed(self, item_id: int, exc: BaseException) -> None:
        if self._loading_for != item_id:
            return
        # Visitors get a calm sentence; whoever reads the kiosk's log gets the cause.
        log.warning("map of item %s could not be shown: %s", item_id, message_of(exc))
        self._loading_for = None
        self.message.setText(tr("MapPanel", "This map is still being digitised."))

    def _set_georef(self, data: MapData) -> None:
        set_georef(self.view, data)

    def refresh_texts(self) -> None:
        data = self.data
        self.places.clear()
        if data is None:
            return
        lang = self.language
        spots = [Hotspot(n.id, n.x, n.y, lang.text(n.label)) for n in data.notes]
        self.view.set_hotspots(spots)
        # In the visitor's alphabet (QCollator; Kazakh order for Kazakh), not in id order.
        key = sort_key(lang.code)
        for label, note_id in sorted(
            ((lang.text(n.label), n.id) for n in data.notes), key=lambda p: key(p[0])
        ):
            row = QListWidgetItem(label)
            row.setData(Qt.ItemDataRole.UserRole, note_id)
            self.places.addItem(row)
        self.places_button.setText(
            tr("MapPanel", "Places on this map: %1").replace("%1", str(len(data.notes)))
        )
        self.places_button.setAccessibleName(self.places_button.text())
        self.places_button.adjustSize()
        self.places_button.move(12, 12)
        self.places_button.setVisible(bool(data.notes))
        for button in self.compare_buttons:
            button.deleteLater()
        self.compare_buttons = []
        self.choices = []
        if data.geo is not None:
            self.choices = [Layer(layer.id, layer.title) for layer in data.layers]
            known = {c.id for c in self.choices}
            self.choices += [
                Layer(o.id, dict(o.text("title"))) for o in self.related if o.id not in known
            ]
        if self.choices:
            # One button opens the default (the sharpest "now" layer); the others are chosen
            # inside the compare view.
            full = tr("MapPanel", "Then and now")
            if len(self.choices) == 1:
                full = tr("MapPanel", "Then and now: %1").replace(
                    "%1", lang.text(self.choices[0].title)
                )
            button = QPushButton(full)
            button.setProperty("fullText", full)
            button.setToolTip(full)
            button.setAccessibleName(full)
            button.setObjectName("placesButton")
            button.setMinimumHeight(48)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False: self.start_compare())
            self.compare_row_layout.addWidget(button)
            button.show()  # a new child of a visible widget is shown only later
            self.compare_buttons.append(button)
        self.compare_row.setVisible(bool(self.compare_buttons))
        self._place_overlays()
        self.places.setAccessibleName(tr("MapPanel", "Places on this map"))
        self._toggle_places(self.places_button.isChecked())
        if self.bubble.isVisible() and self.view.active_hotspot is not None:
            self._show_note(self.view.active_hotspot)
        if self.stack.currentWidget() is self.compare:
            self._refresh_compare_texts()

    def _place_overlays(self) -> None:
        """The "Then and now" button in the top right corner; where the places button
        leaves too little room beside it (a portrait screen), on its own line below it, so
        its words are never cut (an ellipsis only when even a whole line is too narrow)."""
        width = self.view.width()
        places = None if self.places_button.isHidden() else self.places_button.geometry()
        beside = width - (places.right() + 12 if places is not None else 0) - 24
        below = places.bottom() + 8 if places is not None else 12
        for button in self.compare_buttons:
            full = str(button.property("fullText"))
            needed = button.fontMetrics().horizontalAdvance(full) + 48
            room = beside if needed <= beside else width - 24
            _fit_button(button, full, max(120, room))
        self.compare_row_layout.activate()
        size = self.compare_row.sizeHint()
        self.compare_row.resize(size)
        if size.width() <= beside:
            self.compare_row.move(max(12, width - size.width() - 12), 12)
        else:
            self.compare_row.move(12, below)
        self.compare_row.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_overlays()

    def _toggle_places(self, shown: bool) -> None:
        if shown and self.data is not None and self.data.notes:
            top = self.places_button.geometry().bottom() + 6
            height = min(int(self.view.height() * 0.55), 28 * len(self.data.notes) + 10)
            metrics = self.places.fontMetrics()
            longest = max(
                metrics.horizontalAdvance(self.places.item(i).text())
                for i in range(self.places.count())
            )
            # As wide as the longest name (plus padding and scroll bar), at most a third.
            width = min(max(230, longest + 56), max(230, self.view.width() // 3))
            self.places.setGeometry(12, top, width, max(120, height))
            self.places.show()
            self.places.raise_()
        else:
            self.places.hide()

    def _follow_bubble(self) -> None:
        if self.bubble.isVisible() and self.view.active_hotspot is not None:
            self._show_note(self.view.active_hotspot)

    def _fly_to_item(self, row: QListWidgetItem) -> None:
        note_id = int(row.data(Qt.ItemDataRole.UserRole))
        note = self._note(note_id)
        if note is not None:
            self.view.fly_to(note.x, note.y)
            self._show_note(note_id)

    def _note(self, note_id: int) -> MapNote | None:
        if self.data is None:
            return None
        return next((n for n in self.data.notes if n.id == note_id), None)

    def _show_note(self, note_id: int) -> None:
        note = self._note(note_id)
        if note is None:
            return
        if note_id != self.view.active_hotspot:
            self.bubble.showing_original = False  # another place: its translation first
        self.view.active_hotspot = note_id
        self.bubble.show_place(note, self.language)
        pos = self.view.to_screen(note.x, note.y) + QPointF(18, -self.bubble.height() / 2)
        left = 8
        if self.places.isVisible():  # beside the open list, never over the place just chosen
            left = self.places.geometry().right() + 8
        x = min(max(left, int(pos.x())), self.view.width() - self.bubble.width() - 8)
        y = min(max(8, int(pos.y())), self.view.height() - self.bubble.height() - 8)
        self.bubble.move(x, y)
        self.bubble.show()
        self.bubble.raise_()
        self.view.update()


#: The widest a place's popup grows, in pixels, at the window's text size.
BUBBLE_WIDTH = 380


class PlaceBubble(QFrame):
    """A place's label and text in the visitor's language; under them the credit, the
    "not yet translated" marker where a language is missing, and, for a place whose text
    was written in another language (the museum's German), a button that shows the
    original instead and back."""

    original_toggled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("placeBubble")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.showing_original = False
        self.text = QLabel()
        self.text.setObjectName("placeText")
        self.note = QLabel()
        self.note.setObjectName("placeNote")
        for label in (self.text, self.note):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.original = QPushButton()
        self.original.setObjectName("placeOriginal")
        self.original.setCursor(Qt.CursorShape.PointingHandCursor)
        self.original.clicked.connect(self._toggle)
        col = QVBoxLayout(self)
        col.setContentsMargins(12, 10, 12, 10)
        col.setSpacing(6)
        col.addWidget(self.text)
        col.addWidget(self.note)
        col.addWidget(self.original, 0, Qt.AlignmentFlag.AlignLeft)

    def _toggle(self) -> None:
        self.showing_original = not self.showing_original
        self.original_toggled.emit()

    def show_place(self, note: MapNote, language: Language) -> None:
        source = original_language(note)
        if source is None:
            self.showing_original = False
        notes: list[str] = []
        if self.showing_original and source is not None:
            label, text = note.label.get(source, ""), note.text.get(source, "")
            credit = note.credit.get(source, "")
        else:
            picked = [language.pick(note.label), language.pick(note.text)]
            label, text = (p.text if p else "" for p in picked)
            credit = language.text(note.credit)
            shown = {p.lang for p in picked if p is not None and p.is_fallback}
            if shown:
                names = ", ".join(language_name(code) for code in sorted(shown))
                notes.append(tr("ItemPage", "Not yet translated: shown in %1").replace("%1", names))
        if credit:
            notes.append(credit)
        self.text.setText(f"{label}\n\n{text}" if text else label)
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        self.original.setVisible(source is not None)
        if source is not None:
            self.original.setText(
                tr("MapPanel", "Back to the translation")
                if self.showing_original
                else tr("MapPanel", "Original text (%1)").replace("%1", language_name(source))
            )
        self._fit()

    def _fit(self) -> None:
        """As wide as its longest line up to a readable measure, as tall as the wrapped
        text needs (a label that wraps does not say its height by itself)."""
        layout = self.layout()
        layout.invalidate()
        self.setMinimumSize(0, 0)
        self.setMaximumSize(16777215, 16777215)
        natural = (
            max(
                self.text.fontMetrics().horizontalAdvance(line)
                for line in (self.text.text() or " ").split("\n")
            )
            + 26
        )
        # About 44 characters a line: wider where the text is larger (the kiosk's), never
        # wider than most of the map.
        limit = max(BUBBLE_WIDTH, self.text.fontMetrics().averageCharWidth() * 44)
        parent = self.parentWidget()
        if parent is not None:
            limit = min(limit, max(BUBBLE_WIDTH, parent.width() * 3 // 5))
        width = min(max(natural, self.original.sizeHint().width() + 26), limit)
        self.resize(width, layout.totalHeightForWidth(width))


def original_language(note: MapNote) -> str | None:
    """The language a place's text was first written in, when it is not one of the
    exhibition's (the German of the museum's KML), else None."""
    others = sorted(set(note.label) - set(LANGUAGES)) or sorted(set(note.text) - set(LANGUAGES))
    return others[0] if others else None


def _fit_button(button: QPushButton, full: str, width: int) -> None:
    """``full`` on ``button`` within ``width``: whole if it fits, else in a smaller type (down
    to three quarters, never under 18 px on a kiosk), else on two or three lines, and only then
    shortened with "…"."""
    from PySide6.QtGui import QFontInfo

    from exhibition_app.ui.text_fit import fit_text

    button.setStyleSheet("")
    button.setText(full)
    button.ensurePolished()
    font = button.font()
    px = font.pixelSize() if font.pixelSize() > 0 else QFontInfo(font).pixelSize()
    padding = button.sizeHint().width() - button.fontMetrics().horizontalAdvance(full)
    least = min(px, max(18, px * 3 // 4))
    fit = fit_text(font, full, width - padding, max_lines=1, max_px=px, min_px=least)
    if not fit.fits and ": " in full:  # "Then and now:" above the other map's title
        two = fit_text(
            font, full.replace(": ", ":\n", 1), width - padding, max_lines=3, max_px=px,
            min_px=least,
        )  # fmt: skip
        if two.fits:
            fit = two
    if fit.px != px:
        button.setStyleSheet(f"font-size: {fit.px}px;")
    if fit.fits and fit.lines > 1:  # a button breaks lines only where told to
        fit_font = QFont(font)
        fit_font.setPixelSize(fit.px)
        fit = replace(fit, text=_break_lines(fit.text, QFontMetricsF(fit_font), width - padding))
    button.setText(fit.text)
    button.setMaximumWidth(width)


def _break_lines(text: str, metrics: QFontMetricsF, width: float) -> str:
    """``text`` with a newline wherever word wrapping at ``width`` would break it."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and metrics.horizontalAdvance(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return "\n".join(lines)
