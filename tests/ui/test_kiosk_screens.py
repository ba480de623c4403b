"""The kiosk's screens in each of the four languages: rendered to shots/ for review, and
checked for tofu: every character the kiosk can show is in the shipped fonts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontMetrics

from exhibition_app.catalog import Catalog
from exhibition_app.core.countries import COUNTRIES
from exhibition_app.core.keyboard_layouts import LAYOUT_LABELS, LAYOUTS
from exhibition_app.ui.app import make_app
from exhibition_app.ui.fonts import load_fonts
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.kiosk.window import KioskOptions, KioskWindow
from exhibition_app.ui.theme import SANS, SERIF

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "shots"
TRANSLATIONS = ROOT / "exhibition_app" / "ui" / "translations"


def _missing(font_family: str, text: str) -> set[str]:
    metrics = QFontMetrics(QFont(font_family))
    return {ch for ch in text if not ch.isspace() and not metrics.inFontUcs4(ord(ch))}


def test_shipped_fonts_cover_every_string_the_kiosk_shows(sample_catalog: Catalog) -> None:
    app = make_app()
    load_fonts(app, sample_catalog.assets)
    texts: list[str] = []
    for ts in TRANSLATIONS.glob("*.ts"):
        texts += [t.text or "" for t in ET.parse(ts).getroot().iter("translation")]
    texts += [name for names in COUNTRIES.values() for name in names.values()]
    texts += ["".join(row) for rows in LAYOUTS.values() for row in rows]
    texts += list(LAYOUT_LABELS.values())
    from sqlalchemy import text

    with sample_catalog.read_session() as session:
        for table in ("item_text", "exhibition_text", "section_text"):
            texts += [row[0] for row in session.execute(text(f"SELECT value FROM {table}"))]
    assert len(texts) > 500
    joined = "".join(texts)
    assert set("әғқңөұүһі") <= set(joined)
    assert _missing(SANS, joined) == set()
    assert _missing(SERIF, joined) == set()


@pytest.mark.parametrize("lang", ["en", "kk", "ru", "mn"])
def test_screens_in_each_language(qtbot, sample_catalog: Catalog, tmp_path, lang: str) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    load_fonts(app, sample_catalog.assets)
    options = KioskOptions(
        full_screen=False, lang=lang, station="shots", pin_file=tmp_path / "pin.json"
    )
    win = KioskWindow(lambda: sample_catalog, Language(lang), options)
    win.resize(1920, 1080)
    qtbot.addWidget(win)
    win.show_kiosk()
    try:
        qtbot.waitUntil(win.is_settled, timeout=30000)
        SHOTS.mkdir(exist_ok=True)
        # The attract loop on a slide with this language's call to action.
        win.attract.lang_index = ["en", "kk", "ru", "mn"].index(lang)
        win.attract.update()
        assert win.grab().save(str(SHOTS / f"kiosk_{lang}_1_attract.png"))
        win.leave_attract()
        qtbot.waitUntil(win.is_settled, timeout=30000)
        assert win.grab().save(str(SHOTS / f"kiosk_{lang}_2_gallery.png"))
        data = win.model.gallery
        obj = next(c for c in data.items.values() if c.kind == "object")
        win.open_item(obj.id)
        qtbot.waitUntil(win.is_settled, timeout=30000)
        assert win.item_page.title.text()
        assert win.grab().save(str(SHOTS / f"kiosk_{lang}_3_item.png"))
        schagen = next(c for c in data.items.values() if c.kind == "map" and c.related)
        win.open_item(schagen.id)
        qtbot.waitUntil(win.is_settled, timeout=120000)
        assert win.grab().save(str(SHOTS / f"kiosk_{lang}_4_map.png"))
        win.set_accessible_mode(True)
        win.show_gallery()
        qtbot.waitUntil(win.is_settled, timeout=30000)
        assert win.grab().save(str(SHOTS / f"kiosk_{lang}_5_large_contrast.png"))
    finally:
        win.unlock()
        win.language.set("en")
