"""The README's screenshots, made by the kiosk itself (``make screenshots`` runs
tools/screenshots.py, which calls :func:`shoot_all`): the gallery, an item page, a map and
"Then and now", in several languages and on a portrait totem.

The widgets are driven directly (the same kiosk window as the preflight's, offscreen), so
each picture shows exactly what a visitor would see at that size and language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from exhibition_app.ui.kiosk.preflight import _application, _settle, _wait

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog
    from exhibition_app.ui.kiosk.window import KioskWindow


@dataclass(frozen=True)
class Shot:
    name: str  # the file's stem under docs/screenshots/
    screen: str  # gallery, item, map, compare, keyboard, attract
    lang: str
    size: tuple[int, int]


#: What the README shows (two languages and more, landscape and a portrait totem).
README_SHOTS: tuple[Shot, ...] = (
    Shot("kiosk-gallery-en-1920x1080", "gallery", "en", (1920, 1080)),
    Shot("kiosk-item-kk-1920x1080", "item", "kk", (1920, 1080)),
    Shot("kiosk-map-ru-1920x1080", "map", "ru", (1920, 1080)),
    Shot("kiosk-then-and-now-mn-1920x1080", "compare", "mn", (1920, 1080)),
    Shot("kiosk-keyboard-kk-1280x800", "keyboard", "kk", (1280, 800)),
    Shot("kiosk-gallery-kk-1080x1920", "gallery", "kk", (1080, 1920)),
    Shot("kiosk-item-mn-1080x1920", "item", "mn", (1080, 1920)),
    Shot("kiosk-attract-ru-1920x1080", "attract", "ru", (1920, 1080)),
)

MAX_SIDE = 1280  # the README's pictures are scaled down to this (and saved as JPEG)


def shoot_all(
    open_catalog: Callable[[], Catalog], folder: Path, shots: tuple[Shot, ...] = README_SHOTS
) -> list[Path]:
    """Render ``shots`` into ``folder``; returns the files written."""
    from exhibition_app.ui.fonts import load_fonts
    from exhibition_app.ui.i18n import Language
    from exhibition_app.ui.kiosk.window import KioskOptions, KioskWindow

    app = _application()
    folder.mkdir(parents=True, exist_ok=True)
    options = KioskOptions(
        full_screen=False, locked=False, published_only=True, stats=False, poll_s=0,
        reduced_motion=True, station="screenshots",
    )  # fmt: skip
    win = KioskWindow(open_catalog, Language("en"), options)
    written: list[Path] = []
    try:
        if not _wait(app, lambda: win._loaded and win.tasks.pending == 0):
            raise TimeoutError("the catalogue did not open in time")
        if win.catalog is not None:
            load_fonts(app, win.catalog.assets)
        win.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        win.show()
        for shot in shots:
            written.append(_shoot(app, win, shot, folder))
    finally:
        win._leave_item()
        win.close()
        win.deleteLater()
        _settle(app)
    return written


def _shoot(app: QApplication, win: KioskWindow, shot: Shot, folder: Path) -> Path:
    win.attract.stop()
    win.hide_keyboard()
    win.resize(*shot.size)
    win.language.set(shot.lang)
    win.go_home()
    _settle(app)
    data = win.model.gallery
    if shot.screen == "attract":
        win.attract.start()
        win.attract.slide_timer.stop()
        win.attract.lang_timer.stop()
        win.attract.lang_index = ["en", "kk", "ru", "mn"].index(shot.lang)
        _wait(app, win.attract.is_ready, 30)
    elif shot.screen == "keyboard":
        win.show_keyboard()
        win.search.setText("алтын")
        win._search_timer.stop()
        win._run_search()  # now, not after the typing pause
    elif shot.screen in ("item", "map", "compare"):
        if shot.screen == "item":
            pictures = [c for c in data.items.values() if c.kind != "map" and c.cover]
            card = pictures[0] if pictures else next(iter(data.items.values()))
        else:
            card = next(c for c in data.items.values() if c.kind == "map" and c.related)
        win.open_item(card.id)
        _wait(app, win.is_settled, 60)
        if shot.screen == "compare":
            buttons = win.item_page.map.compare_buttons
            if buttons:
                buttons[0].click()
    _settle(app)
    _wait(app, win.is_settled, 60)
    _settle(app)
    image = win.grab().toImage()
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(
            MAX_SIDE,
            MAX_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    path = folder / f"{shot.name}.jpg"
    if not image.save(str(path), "JPEG", 85):
        raise OSError(f"cannot write {path}")
    return path
