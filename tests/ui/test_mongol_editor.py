"""Curators enter a title in the traditional Mongolian script (mn-Mong): a field of its own
on the Mongolian tab, shaped in Noto Sans Mongolian with a vertical preview; saved,
validated and undone like every other text."""

from __future__ import annotations

from pathlib import Path

import pytest

from exhibition_app.catalog import Catalog
from exhibition_app.core.mongol_script import from_transliteration
from exhibition_app.ui.app import make_app
from exhibition_app.ui.fonts import load_fonts
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.mongol_vertical import FAMILY

SHOTS = Path(__file__).resolve().parents[2] / "shots"


@pytest.fixture
def workspace(qtbot, sample_catalog: Catalog):  # type: ignore[no-untyped-def]
    from exhibition_app.operations.accounts import add_user
    from exhibition_app.ui.curator.window import CuratorWindow

    app = make_app()
    load_fonts(app, sample_catalog.assets)
    with sample_catalog.session() as session:
        add_user(session, "saraa", "mongol-bichig-1204")
    win = CuratorWindow(lambda: sample_catalog, Language("en"), user="saraa")
    win.resize(1400, 900)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.is_settled() and win.current_id is not None, timeout=20000)
    yield win
    win.close()


def _title(catalog: Catalog, item_id: int) -> str:
    from exhibition_app.db.models import Item

    with catalog.read_session() as session:
        return session.get(Item, item_id).text_map("title").get("mn-Mong", "")


def test_traditional_title_field_saves_and_undoes(workspace, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = workspace
    item_id = win.current_id
    original = _title(sample_catalog, item_id)
    assert original  # every sample item ships one
    field = win.editor.text_fields["mn-Mong"]["title"]
    assert field.text() == original
    assert field.font().family() == FAMILY
    win.editor.focus_language("mn")
    new = from_transliteration("moŋγol ulus-un γaǰar-un ǰiruγ")
    field.setText(new)
    field.editingFinished.emit()
    qtbot.waitUntil(win.is_settled, timeout=20000)
    assert _title(sample_catalog, item_id) == new
    preview = field.parentWidget().preview  # the vertical preview beside the line
    assert preview.text == new and not preview.isHidden()
    SHOTS.mkdir(exist_ok=True)
    win.grab().save(str(SHOTS / "curator_mn_mong_title.png"))
    win.undo_action.trigger()
    qtbot.waitUntil(win.is_settled, timeout=20000)
    assert _title(sample_catalog, item_id) == original
    assert field.text() == original


def test_other_fields_refuse_the_traditional_script_language(sample_catalog) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.operations.item_changes import ValidationError
    from exhibition_app.operations.items import edit_item

    with sample_catalog.session() as session, pytest.raises(ValidationError) as caught:
        edit_item(session, 1, {"texts": {"description": {"mn-Mong": "ᠮᠣᠩᠭᠣᠯ"}}}, None)
    assert "texts.description.mn-Mong" in caught.value.errors
    with sample_catalog.session() as session:
        edit_item(session, 1, {"texts": {"title": {"mn-Mong": "ᠮᠣᠩᠭᠣᠯ"}}}, None)
    assert _title(sample_catalog, 1) == "ᠮᠣᠩᠭᠣᠯ"


def test_exhibition_title_in_the_script(workspace, sample_catalog, qtbot) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.db.models import Exhibition

    win = workspace
    editor = win.exhibition_editor
    win.mode.setCurrentWidget(editor)
    qtbot.waitUntil(win.is_settled, timeout=20000)
    state = editor.state()
    original = state["texts"]["title"]["mn-Mong"]
    field = editor.ex_texts.script.edit
    assert field.text() == original
    new = from_transliteration("moŋγol-un γaǰar-un ǰiruγ")
    field.setText(new)
    field.editingFinished.emit()
    qtbot.waitUntil(win.is_settled, timeout=20000)
    with sample_catalog.read_session() as s:
        ex = s.get(Exhibition, state["id"])
        assert ex.text_map("title")["mn-Mong"] == new
        assert ex.text_map("title")["mn"] == state["texts"]["title"]["mn"]  # untouched
    # A change to another text keeps the traditional title.
    editor.ex_texts.fields["en"][0].setText("Bridging Horizons, again")
    editor.ex_texts.fields["en"][0].editingFinished.emit()
    qtbot.waitUntil(win.is_settled, timeout=20000)
    with sample_catalog.read_session() as s:
        assert s.get(Exhibition, state["id"]).text_map("title")["mn-Mong"] == new
