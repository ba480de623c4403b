"""The curator's annotation editor with the sample's translated Behaim places (issue 13,
point 3): a tab per language, ⚠ on a tab whose label or text is missing, the German
original kept beside them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack

from exhibition_app.catalog import Catalog
from exhibition_app.operations.maps import annotations_of
from exhibition_app.ui.app import make_app
from exhibition_app.ui.curator.annotation_editor import AnnotationEditor
from exhibition_app.ui.fonts import load_fonts
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.tasks import TaskManager

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "shots"


def test_tabs_per_language_marked_where_a_text_is_missing(qtbot, sample_catalog: Catalog) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    load_fonts(app, ROOT / "assets")
    tasks = TaskManager()
    editor = AnnotationEditor(tasks, Language("ru"), QUndoStack())
    qtbot.addWidget(editor)
    editor.resize(1400, 900)
    editor.show()
    qtbot.waitExposed(editor)

    def settle() -> None:
        qtbot.waitUntil(lambda: not editor.is_busy() and editor.tasks.pending == 0, timeout=30000)

    editor.set_item(sample_catalog, 2)
    settle()
    assert [editor.tabs.tabText(i) for i in range(4)] == [
        "English",
        "Қазақша",
        "Русский",
        "Монгол",
    ]  # every place has a label and a text in every language: no tab is marked
    mongolia = next(n for n in editor.notes if n["label"]["de"] == "MONGOLEI")
    editor.select(mongolia["id"])
    assert editor.place_title.text() == "МОНГОЛИЯ"
    assert editor.label_edits["kk"].text() == "МОҢҒОЛИЯ"
    assert editor.text_edits["mn"].toPlainText().startswith("XIII зуунд Чингис хаан")
    assert not any("⚠" in editor.tabs.tabText(i) for i in range(4))
    assert "MONGOLEI" in editor.others.text()  # the German original, kept as it is

    # The Mongolian text removed: its tab is marked, and the catalogue has no mn text.
    editor.tabs.setCurrentIndex(3)
    editor.text_edits["mn"].setPlainText("")
    editor.text_edits["mn"].editingFinished.emit()
    settle()
    assert editor.tabs.tabText(3) == "Монгол  ⚠" and editor.tabs.tabToolTip(3)
    assert not any("⚠" in editor.tabs.tabText(i) for i in range(3))
    with sample_catalog.read_session() as s:
        note = next(n for n in annotations_of(s, 2) if n["id"] == mongolia["id"])
    assert "mn" not in note["text"] and note["label"]["mn"] == "МОНГОЛ"
    SHOTS.mkdir(exist_ok=True)
    editor.grab().save(str(SHOTS / "annotation_editor_tabs_ru.png"))
    editor.undo_stack.undo()
    settle()
    assert editor.text_edits["mn"].toPlainText().startswith("XIII зуунд")
    assert editor.tabs.tabText(3) == "Монгол"
    tasks.shutdown()
