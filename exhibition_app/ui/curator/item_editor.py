"""The item editor: every catalogue field, the four languages in tabs that show at a glance
what is missing, an EDTF helper, and validation messages next to the field they concern.

The editor never writes to the catalogue itself: each finished edit becomes a ``changes``
dict (``edit_requested``) that the workspace applies on the database worker as one undoable
command; errors come back through ``show_errors``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from exhibition_app.core.cards import ItemCard
from exhibition_app.core.countries import COUNTRIES, country_name
from exhibition_app.core.edtf import DateParseError, parse_date
from exhibition_app.core.languages import LANGUAGES, MONGOL_SCRIPT, NATIVE_NAMES
from exhibition_app.core.licences import is_licence_uri, licence_name
from exhibition_app.core.vocabulary import ITEM_TEXT_FIELDS
from exhibition_app.core.vocabulary import KINDS as CATALOGUE_KINDS
from exhibition_app.ui.i18n import Language, tr
from exhibition_app.ui.labels import field_name, kind_name
from exhibition_app.ui.mongol_vertical import MongolTitleField
from exhibition_app.ui.theme import ERROR

# The catalogue's own lists (exhibition_app.core.vocabulary, shared with the schema).
KINDS = CATALOGUE_KINDS
TEXT_FIELDS = ITEM_TEXT_FIELDS
LONG_FIELDS = ("description", "credit_line")
#: Fields a visitor misses most when a language lacks them.
KEY_FIELDS = ("title", "description")
ERROR_STYLE = f"color: {ERROR};"


class PlainEdit(QPlainTextEdit):
    """A multi-line field that reports ``editingFinished`` when it loses focus, like
    QLineEdit does (so a long description is one undo step, not one per key)."""

    editingFinished = Signal()

    def focusOutEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().focusOutEvent(event)
        self.editingFinished.emit()


class ItemEditor(QWidget):
    #: (changes, before, description of the edit)
    edit_requested = Signal(object, object, str)

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.card: ItemCard | None = None
        self._loading = False
        self._errors: dict[str, QLabel] = {}

        self.heading = QLabel()
        self.heading.setObjectName("editorHeading")
        self.missing = QLabel()
        self.missing.setObjectName("editorMissing")
        self.missing.setWordWrap(True)

        self.accession = QLineEdit()
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind_name(kind), kind)
        self.country = QComboBox()
        self.country.addItem("—", None)
        for code in sorted(COUNTRIES):
            self.country.addItem(f"{country_name(code, 'en')} ({code})", code)
        self.date = QLineEdit()
        self.date.setPlaceholderText(tr("ItemEditor", "e.g. c. 1720, 1680s, 18th century"))
        self.date_hint = QLabel()
        self.date_hint.setObjectName("hint")
        self.rights = QLineEdit()
        self.rights.setPlaceholderText("https://creativecommons.org/licenses/by-sa/4.0/")
        self.rights_hint = QLabel()
        self.rights_hint.setObjectName("hint")
        self.source = QLineEdit()
        self.featured = QCheckBox(tr("ItemEditor", "Featured in the kiosk's attract loop"))
        self.status = QLabel()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            field_name("accession_number"), self._with_error("accession_number", self.accession)
        )
        form.addRow(tr("ItemEditor", "Kind"), self._with_error("kind", self.kind))
        form.addRow(field_name("country"), self._with_error("country", self.country))
        form.addRow(
            tr("ItemEditor", "Date (EDTF)"),
            self._with_error("date_edtf", self.date, self.date_hint),
        )
        form.addRow(field_name("rights"), self._with_error("rights", self.rights, self.rights_hint))
        form.addRow(tr("ItemEditor", "Source"), self._with_error("source", self.source))
        form.addRow("", self.featured)
        form.addRow(tr("ItemEditor", "State"), self.status)

        self.tabs = QTabWidget()
        self.text_fields: dict[str, dict[str, QLineEdit | PlainEdit]] = {}
        for lang in LANGUAGES:
            page = QWidget()
            page_form = QFormLayout(page)
            page_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            fields: dict[str, QLineEdit | PlainEdit] = {}
            for name in TEXT_FIELDS:
                widget: QLineEdit | PlainEdit
                if name in LONG_FIELDS:
                    widget = PlainEdit()
                    widget.setMinimumHeight(140 if name == "description" else 60)
                else:
                    widget = QLineEdit()
                widget.setAccessibleName(f"{field_name(name)} ({NATIVE_NAMES[lang]})")
                widget.editingFinished.connect(
                    lambda n=name, code=lang: self._text_finished(n, code)
                )
                fields[name] = widget
                page_form.addRow(
                    field_name(name) if name != "title" else tr("ItemEditor", "Title"),
                    self._with_error(f"texts.{name}.{lang}", widget),
                )
            self.text_fields[lang] = fields
            self.tabs.addTab(page, NATIVE_NAMES[lang])
            if lang == "mn":  # the title in the traditional script too (mn-Mong)
                script = MongolTitleField()
                script.edit.editingFinished.connect(
                    lambda: self._text_finished("title", MONGOL_SCRIPT)
                )
                self.text_fields[MONGOL_SCRIPT] = {"title": script.edit}
                key = f"texts.title.{MONGOL_SCRIPT}"
                page_form.insertRow(
                    1, tr("ItemEditor", "Title (Mongol script)"), self._with_error(key, script)
                )

        inner = QWidget()
        col = QVBoxLayout(inner)
        col.addWidget(self.heading)
        col.addWidget(self.missing)
        col.addLayout(form)
        col.addWidget(self.tabs, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.accession.editingFinished.connect(
            lambda: self._field_finished("accession_number", self.accession.text().strip())
        )
        self.kind.activated.connect(
            lambda _i: self._field_finished("kind", self.kind.currentData())
        )
        self.country.activated.connect(
            lambda _i: self._field_finished("country", self.country.currentData())
        )
        self.date.textChanged.connect(self._date_hint)
        self.date.editingFinished.connect(self._date_finished)
        self.rights.textChanged.connect(self._rights_hint)
        self.rights.editingFinished.connect(
            lambda: self._field_finished("rights", self.rights.text().strip() or None)
        )
        self.source.editingFinished.connect(
            lambda: self._field_finished("source", self.source.text().strip() or None)
        )
        self.featured.toggled.connect(lambda on: self._field_finished("featured", on))
        self.setEnabled(False)

    def _with_error(self, key: str, *widgets: QWidget) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(widgets[0], 1)
        col.addLayout(row)
        for extra in widgets[1:]:
            col.addWidget(extra)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        col.addWidget(error)
        self._errors[key] = error
        return box

    # -- showing an item -------------------------------------------------------------------
    def show_card(self, card: ItemCard | None) -> None:
        self.card = card
        self._loading = True
        try:
            self.clear_errors()
            self.setEnabled(card is not None)
            if card is None:
                self.heading.setText(tr("ItemEditor", "No item selected"))
                self.missing.clear()
                return
            self.heading.setText(
                f"<b>{card.accession_number}</b> · {kind_name(card.kind)} · #{card.id}"
            )
            self.accession.setText(card.accession_number)
            self.kind.setCurrentIndex(max(0, self.kind.findData(card.kind)))
            self.country.setCurrentIndex(max(0, self.country.findData(card.country)))
            self.date.setText(card.date_edtf or "")
            self.rights.setText(card.rights or "")
            self.source.setText(card.source or "")
            self.featured.setChecked(card.featured)
            self.status.setText(
                "● " + tr("ItemEditor", "Published")
                if card.published
                else "○ " + tr("ItemEditor", "Draft: not shown in kiosks")
            )
            for lang, fields in self.text_fields.items():
                for name, widget in fields.items():
                    value = card.text(name).get(lang, "")
                    if isinstance(widget, PlainEdit):
                        if widget.toPlainText() != value:
                            widget.setPlainText(value)
                    else:
                        widget.setText(value)
            self._mark_languages(card)
        finally:
            self._loading = False

    def _mark_languages(self, card: ItemCard) -> None:
        """Tab titles say which languages lack a title or description (a mark and a word,
        not a colour)."""
        gaps: list[str] = []
        for i, lang in enumerate(LANGUAGES):
            missing = [f for f in KEY_FIELDS if not card.text(f).get(lang, "").strip()]
            label = NATIVE_NAMES[lang]
            if missing:
                label += "  ⚠"
                gaps.append(
                    f"{NATIVE_NAMES[lang]}: "
                    + ", ".join(
                        field_name(f) if f != "title" else tr("ItemEditor", "Title")
                        for f in missing
                    )
                )
            self.tabs.setTabText(i, label)
            self.tabs.setTabToolTip(i, ", ".join(missing))
        self.missing.setText(
            tr("ItemEditor", "Missing: %1").replace("%1", "; ".join(gaps))
            if gaps
            else "✓ " + tr("ItemEditor", "Title and description in every language")
        )

    # -- edits -----------------------------------------------------------------------------
    def _field_finished(self, field: str, value: Any) -> None:
        if self._loading or self.card is None:
            return
        before = self._current(field)
        if value == before:
            return
        if field == "rights" and value and not is_licence_uri(value):
            self.show_errors({"rights": tr("ItemEditor", "A licence must be a web address (URI).")})
            return
        self.clear_errors(field)
        label = tr("ItemEditor", "Change %1").replace("%1", self._field_label(field))
        self.edit_requested.emit({field: value}, {field: before}, label)

    def _text_finished(self, field: str, lang: str) -> None:
        if self._loading or self.card is None:
            return
        widget = self.text_fields[lang][field]
        value = (widget.toPlainText() if isinstance(widget, PlainEdit) else widget.text()).strip()
        before = self.card.text(field).get(lang, "")
        if value == before:
            return
        self.clear_errors(f"texts.{field}.{lang}")
        label = tr("ItemEditor", "Change %1").replace(
            "%1", f"{self._field_label(field)} ({NATIVE_NAMES[lang]})"
        )
        self.edit_requested.emit(
            {"texts": {field: {lang: value}}}, {"texts": {field: {lang: before}}}, label
        )

    def _date_finished(self) -> None:
        text = self.date.text().strip()
        if not text:
            self._field_finished("date_edtf", None)
            return
        try:
            spec = parse_date(text)
        except DateParseError as exc:
            self.show_errors({"date_edtf": str(exc)})
            return
        self.date.setText(spec.edtf)
        self._field_finished("date_edtf", spec.edtf)

    def _date_hint(self, text: str) -> None:
        text = text.strip()
        if not text:
            self.date_hint.setText(tr("ItemEditor", "Type a date as you would say it."))
            return
        try:
            spec = parse_date(text)
        except DateParseError:
            self.date_hint.setText(tr("ItemEditor", "Not a date yet"))
            return
        self.date_hint.setText(
            tr("ItemEditor", "EDTF %1 · from %2 to %3")
            .replace("%1", spec.edtf)
            .replace("%2", str(spec.earliest))
            .replace("%3", str(spec.latest))
        )

    def _rights_hint(self, text: str) -> None:
        text = text.strip()
        self.rights_hint.setText(licence_name(text) if text and is_licence_uri(text) else "")

    def _current(self, field: str) -> Any:
        card = self.card
        assert card is not None
        return {
            "accession_number": card.accession_number,
            "kind": card.kind,
            "country": card.country,
            "date_edtf": card.date_edtf,
            "rights": card.rights,
            "source": card.source,
            "featured": card.featured,
        }[field]

    @staticmethod
    def _field_label(field: str) -> str:
        names = {
            "kind": tr("ItemEditor", "Kind"),
            "date_edtf": tr("ItemEditor", "Date (EDTF)"),
            "source": tr("ItemEditor", "Source"),
            "featured": tr("ItemEditor", "Featured"),
            "title": tr("ItemEditor", "Title"),
        }
        return names.get(field) or field_name(field)

    # -- validation messages ---------------------------------------------------------------
    def show_errors(self, errors: dict[str, str]) -> None:
        """Messages next to their fields; unknown keys go under the heading."""
        leftover = []
        for key, message in errors.items():
            label = self._errors.get(key)
            if label is None and key.startswith("texts."):
                label = self._errors.get(key)
            if label is None:
                leftover.append(message)
                continue
            label.setText("⚠ " + message)
            label.show()
        if leftover:
            self.missing.setText("⚠ " + " ".join(leftover))

    def clear_errors(self, key: str | None = None) -> None:
        for name, label in self._errors.items():
            if key is None or name == key:
                label.hide()
                label.clear()

    def visible_errors(self) -> dict[str, str]:
        return {k: v.text() for k, v in self._errors.items() if v.isVisible() or v.text()}

    def focus_language(self, lang: str) -> None:
        self.tabs.setCurrentIndex(LANGUAGES.index(lang))
