"""The on-screen keyboard's letter layouts: every letter a visitor needs, each once."""

from __future__ import annotations

import string
import subprocess
import sys

import pytest

from exhibition_app.core.keyboard_layouts import (
    LAYOUT_LABELS,
    LAYOUTS,
    MAX_ROW_KEYS,
    MAX_ROWS,
    layout_for_language,
    letters,
)

RUSSIAN = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
KAZAKH_SPECIAL = set("әіңғүұқөһ")


def test_the_four_layouts_and_their_labels() -> None:
    assert list(LAYOUTS) == ["kk", "ru", "mn", "latin"]
    assert LAYOUT_LABELS == {"kk": "ҚАЗ", "ru": "РУС", "mn": "МОН", "latin": "ABC"}


def test_kazakh_has_every_kazakh_and_russian_letter() -> None:
    assert letters("kk") == KAZAKH_SPECIAL | RUSSIAN
    assert len(RUSSIAN) == 33


def test_russian_is_the_russian_alphabet_with_yo() -> None:
    assert letters("ru") == RUSSIAN
    assert "ё" in letters("ru")
    assert LAYOUTS["ru"][0] == tuple("йцукенгшщзхъ")


def test_mongolian_has_o_and_u_bars_and_the_russian_letters() -> None:
    assert letters("mn") == RUSSIAN | {"ө", "ү"}
    assert LAYOUTS["mn"][0][:5] == tuple("фцужэ")


def test_latin_is_qwerty_a_to_z() -> None:
    assert letters("latin") == set(string.ascii_lowercase)
    assert LAYOUTS["latin"][0] == tuple("qwertyuiop")


@pytest.mark.parametrize("code", list(LAYOUTS))
def test_no_duplicates_and_no_row_wider_than_the_keyboard(code: str) -> None:
    keys = [key for row in LAYOUTS[code] for key in row]
    assert len(keys) == len(set(keys))
    assert 1 <= len(LAYOUTS[code]) <= MAX_ROWS
    assert all(1 <= len(row) <= MAX_ROW_KEYS for row in LAYOUTS[code])
    assert all(len(key) == 1 and key == key.lower() and key.isalpha() for key in keys)


def test_layout_for_language() -> None:
    assert layout_for_language("en") == "latin"
    assert layout_for_language("kk") == "kk"
    assert layout_for_language("ru") == "ru"
    assert layout_for_language("mn") == "mn"
    assert layout_for_language("xx") == "latin"


def test_layouts_import_without_qt() -> None:
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt imported by the core: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import exhibition_app.core.keyboard_layouts\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
