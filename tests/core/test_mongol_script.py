"""Traditional Mongolian (mn-Mong): the shipped titles, the transliteration and the word
table that lets a Cyrillic search find a title written in the script."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from exhibition_app.core.languages import (
    LANGUAGES,
    MONGOL_SCRIPT,
    TEXT_LANGUAGES,
    is_text_language,
    text_languages,
)
from exhibition_app.core.mongol_script import (
    MVS,
    WORDS,
    cyrillic_equivalents,
    from_transliteration,
    is_mongolian_text,
)
from exhibition_app.core.textfold import fold

CONTENT = Path(__file__).resolve().parents[2] / "sample" / "content"


def _sample() -> tuple[list[dict], list[dict]]:
    items: list[dict] = []
    exhibitions: list[dict] = []
    for path in sorted(CONTENT.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        items += data.get("items", [])
        exhibitions += data.get("exhibitions", [])
    return items, exhibitions


def test_mn_mong_is_a_text_language_only() -> None:
    assert MONGOL_SCRIPT not in LANGUAGES  # interface languages stay en kk ru mn
    assert (*LANGUAGES, "mn-Mong") == TEXT_LANGUAGES
    assert is_text_language("mn-Mong", "title")
    assert not is_text_language("mn-Mong", "description")
    assert text_languages("title")[-1] == "mn-Mong"
    assert "mn-Mong" not in text_languages("description")
    assert len("mn-Mong") <= 8  # the text tables' lang column is String(8)


def test_every_sample_item_and_exhibition_has_a_traditional_title() -> None:
    items, exhibitions = _sample()
    assert len(items) == 21  # 19 exhibits and the 2 unpublished now layers
    assert len(exhibitions) == 2
    for entry in [i["text"]["title"] for i in items] + [e["title"] for e in exhibitions]:
        title = entry.get("mn-Mong", "")
        assert is_mongolian_text(title), (entry["en"], title)
        assert unicodedata.is_normalized("NFC", title)
        assert "  " not in title and title == title.strip()
        # A case suffix hangs on its stem with the narrow no-break space, never a space.
        for suffix in ("ᠤᠨ", "ᠦᠨ", "ᠶᠢᠨ", "ᠶᠢ", "ᠠᠴᠠ"):
            assert f" {suffix} " not in f" {title} ", title


def test_the_brief_spellings() -> None:
    assert from_transliteration("moŋγol") == "ᠮᠣᠩᠭᠣᠯ"
    assert from_transliteration("γaǰar-un ǰiruγ") == "ᠭᠠᠵᠠᠷ\u202fᠤᠨ ᠵᠢᠷᠤᠭ"
    assert from_transliteration("delekei") == "ᠳᠡᠯᠡᠬᠡᠢ"
    assert from_transliteration("ulus") == "ᠤᠯᠤᠰ"
    assert from_transliteration("qasaγ") == "ᠬᠠᠰᠠᠭ"
    assert from_transliteration("qayaγ~a") == "ᠬᠠᠶᠠᠭ" + MVS + "ᠠ"
    with pytest.raises(ValueError, match="no traditional letter"):
        from_transliteration("x")


def test_word_table_is_whole_words_in_both_scripts() -> None:
    for traditional, cyrillic in WORDS.items():
        assert is_mongolian_text(traditional)
        assert cyrillic == cyrillic.lower() and cyrillic.isalpha()
        assert all("\u0400" <= c <= "\u04ff" for c in cyrillic)


def test_cyrillic_equivalents_with_and_without_suffix() -> None:
    title = from_transliteration("martin bēqaim-un bömbürčeg-ün gerel ǰiruγ")
    found = cyrillic_equivalents(title)
    for word in ("бехаймын", "бехайм", "бөмбөрцгийн", "бөмбөрцөг", "гэрэл", "зураг"):
        assert word in found
    assert cyrillic_equivalents("Монгол") == []  # only the traditional script is looked up


def test_fold_reads_the_traditional_script() -> None:
    assert fold("ᠮᠣᠩᠭᠣᠯ") == fold("Монгол")
    assert fold(from_transliteration("γaǰar-un ǰiruγ, 1689")) == "gajar un jirug 1689"
    assert fold("ᠬᠥᠰᠢᠶ" + MVS + "ᠡ") == "kasie"  # the vowel separator keeps one word
    assert fold("ᠮᠣᠩ\u180bᠭᠣᠯ") == fold("ᠮᠣᠩᠭᠣᠯ")  # a variation selector changes nothing
