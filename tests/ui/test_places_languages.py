"""The visitor's "Places on this map" and place popups in every language (issue 13, point
2): the list in the language's alphabet (QCollator; Kazakh order for Kazakh), the popup in
the visitor's language with the museum's German one tap away and credited, and the
"not yet translated" marker where a language is missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from exhibition_app.catalog import Catalog
from exhibition_app.operations.annotations import add_annotation
from exhibition_app.ui.app import make_app
from exhibition_app.ui.collation import KAZAKH_ALPHABET, _kazakh_key, sort_key
from exhibition_app.ui.fonts import load_fonts
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.tasks import TaskManager

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "shots"
RUSSIAN_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def _rank(alphabet: str, words: str) -> list[int]:
    """The first word's letters as places in ``alphabet`` (ICU orders a space, a hyphen and
    a comma among themselves in its own way: beyond the first word that is its business)."""
    first = re.split(r"[\s,-]+", words.strip())[0]
    return [alphabet.index(ch) for ch in first.casefold() if ch in alphabet]


def _panel(qtbot, catalog: Catalog, lang: str):  # type: ignore[no-untyped-def]
    from exhibition_app.operations.gallery_reads import read_gallery
    from exhibition_app.ui.deepzoom.map_panel import MapPanel

    app = make_app()
    load_fonts(app, ROOT / "assets")
    behaim = next(
        c for c in read_gallery(catalog).items.values() if c.accession_number == "BH-MAP-002"
    )
    tasks = TaskManager()
    panel = MapPanel(tasks, Language(lang))
    qtbot.addWidget(panel)
    panel.catalog = catalog
    panel.resize(1100, 720)
    panel.show()
    panel.show_map(behaim)
    qtbot.waitUntil(lambda: panel.data is not None and not panel.is_loading(), timeout=30000)
    return panel


def _rows(panel) -> list[str]:  # type: ignore[no-untyped-def]
    return [panel.places.item(i).text() for i in range(panel.places.count())]


def _open(qtbot, panel, label: str) -> None:  # type: ignore[no-untyped-def]
    panel.places_button.setChecked(True)
    row = next(
        panel.places.item(i) for i in range(panel.places.count())
        if panel.places.item(i).text() == label
    )  # fmt: skip
    panel.places.scrollToItem(row)
    panel.places.setCurrentItem(row)
    qtbot.mouseClick(
        panel.places.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.places.visualItemRect(row).center(),
    )


def test_the_kazakh_collator_or_its_fallback_keeps_the_kazakh_alphabet() -> None:
    make_app()
    letters = list(KAZAKH_ALPHABET)
    assert sorted(reversed(letters), key=sort_key("kk")) == letters
    assert sorted(reversed(letters), key=_kazakh_key) == letters  # used when ICU lacks kk
    words = ["ҰЛЫТАУ", "ҮРЖАР", "ІЛЕ", "ЫРҒЫЗ", "ӘУЛИЕАТА", "АҚТАУ", "ҚЫТАЙ", "КІШІ ЯВА"]
    expected = ["АҚТАУ", "ӘУЛИЕАТА", "КІШІ ЯВА", "ҚЫТАЙ", "ҰЛЫТАУ", "ҮРЖАР", "ЫРҒЫЗ", "ІЛЕ"]
    assert sorted(words, key=sort_key("kk")) == expected
    assert sorted(words, key=_kazakh_key) == expected


@pytest.mark.parametrize(("lang", "alphabet"), [("kk", KAZAKH_ALPHABET), ("ru", RUSSIAN_ALPHABET)])
def test_places_are_listed_in_the_visitors_alphabet(
    qtbot, sample_catalog: Catalog, lang: str, alphabet: str
) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, sample_catalog, lang)
    rows = _rows(panel)
    assert len(rows) == 39 and len(set(rows)) == 39
    ranks = [_rank(alphabet, row) for row in rows]
    assert ranks == sorted(ranks)  # letter by letter in the language's own alphabet
    assert all(_rank(alphabet, row) for row in rows)  # every label is in that alphabet
    if lang == "kk":  # ә after а, ғ after г, қ after к, ұ and ү after у, і after ы
        assert rows.index("ҚЫТАЙ") > rows.index("КІШІ ЯВА")
        assert rows.index("ІШКІ ГВИНЕЯ") == 38
    else:
        assert rows[0] == "АЗОРСКИЕ ОСТРОВА" and rows[-1] == "ЯПОНИЯ"
    panel.tasks.shutdown()


def test_a_popup_in_kazakh_with_the_german_original_and_its_credit(
    qtbot, sample_catalog: Catalog
) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, sample_catalog, "kk")
    _open(qtbot, panel, "МОҢҒОЛИЯ")
    bubble = panel.bubble
    assert bubble.isVisible()
    assert bubble.text.text().startswith("МОҢҒОЛИЯ\n\nXIII ғасырда Шыңғыс хан")
    assert "Germanisches Nationalmuseum" in bubble.note.text()
    assert bubble.original.isVisible() and bubble.original.text() == "Түпнұсқа мәтін: неміс тілінде"
    SHOTS.mkdir(exist_ok=True)
    panel.grab().save(str(SHOTS / "behaim_places_kk.png"))
    qtbot.mouseClick(bubble.original, Qt.MouseButton.LeftButton)
    assert bubble.text.text().startswith("MONGOLEI\n\nDas Land, von dem aus Dschingis Khan")
    assert bubble.note.text() == "Text: Germanisches Nationalmuseum, Nürnberg"
    panel.grab().save(str(SHOTS / "behaim_place_original_kk.png"))
    qtbot.mouseClick(bubble.original, Qt.MouseButton.LeftButton)
    assert bubble.text.text().startswith("МОҢҒОЛИЯ")
    panel.tasks.shutdown()


def test_a_popup_says_when_a_language_is_missing(qtbot, sample_catalog: Catalog) -> None:  # type: ignore[no-untyped-def]
    with sample_catalog.session() as s:
        add_annotation(
            s, 2, 2122.0, 343.0, {"label": {"kk": "Ұланбатыр"}, "text": {"kk": "Астана"}}
        )
    panel = _panel(qtbot, sample_catalog, "en")
    assert len(_rows(panel)) == 40 and _rows(panel)[-1] == "Ұланбатыр"
    _open(qtbot, panel, "Ұланбатыр")
    assert panel.bubble.text.text() == "Ұланбатыр\n\nАстана"
    assert panel.bubble.note.text() == "Not yet translated: shown in Kazakh"
    assert not panel.bubble.original.isVisible()  # no German original for this one
    _open(qtbot, panel, "MONGOLIA")
    assert panel.bubble.note.text().startswith("Text: Germanisches Nationalmuseum")
    assert "Not yet translated" not in panel.bubble.note.text()
    panel.tasks.shutdown()
