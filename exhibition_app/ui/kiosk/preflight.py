"""The kiosk preflight: every published item, exhibition and section laid out with the real
kiosk widgets, offscreen, at each screen size and language, and every text the kiosk would
elide, clip, overlap or push off screen reported, with every control smaller than the touch
minimum (exhibition_app.ui.kiosk.layout).

    report = preflight(lambda: catalog, sizes=[(1280, 800)], langs=["en", "kk"])
    report.problems   # [Problem(item=8, lang="kk", size="1280x800", screen="item", ...)]

``exhibition-app kiosk preflight`` (dispatched here by ``exhibition_app.__main__``: the
command line never loads Qt) prints ``{"problems": [...], "checked": N}``; the curator
window runs the same check before publishing and warns (never blocks).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QRect, QRectF, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from exhibition_app.core.keyboard_layouts import LAYOUTS
from exhibition_app.core.languages import LANGUAGES
from exhibition_app.ui.elided_label import ElidedLabel
from exhibition_app.ui.gallery.delegate import MARGIN, tile_text
from exhibition_app.ui.kiosk.screen_layout import fit_heading
from exhibition_app.ui.labels import kind_name
from exhibition_app.ui.text_fit import WRAP

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog
    from exhibition_app.ui.kiosk.window import KioskWindow

DEFAULT_SIZES: tuple[tuple[int, int], ...] = ((1280, 800), (1920, 1080), (3840, 2160), (1080, 1920))
LOAD_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class Problem:
    item: int | str | None  # an item id; "exhibition:KEY", "section:ID"; None: the chrome
    lang: str
    size: str
    screen: str  # gallery, item, keyboard, attract
    field: str
    problem: str


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    checked: int = 0
    shots: list[Path] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"problems": [asdict(p) for p in self.problems], "checked": self.checked}


def _settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        app.processEvents()
        # What the event loop would have deleted by now (a language's old buttons).
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _wait(app: QApplication, done: Callable[[], bool], timeout_s: float = LOAD_TIMEOUT_S) -> bool:
    started = time.monotonic()
    while not done():
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() - started > timeout_s:
            return False
    _settle(app)
    return True


class _Checker:
    """Checks the window's visible widgets at one size and language."""

    def __init__(self, win: KioskWindow, report: Report, size: str, lang: str) -> None:
        self.win, self.report, self.size, self.lang = win, report, size, lang
        self.touch = win.shape.touch
        self._seen: set[tuple[Any, ...]] = set()

    def add(self, item: int | str | None, screen: str, fld: str, problem: str) -> None:
        key = (item, screen, fld, problem)
        if key not in self._seen:
            self._seen.add(key)
            self.report.problems.append(Problem(item, self.lang, self.size, screen, fld, problem))

    # -- generic widgets -------------------------------------------------------------------
    def widgets(self, root: QWidget, item: int | str | None, screen: str) -> None:
        """Every visible label, button and field under ``root``."""
        window_rect = self.win.rect()
        for widget in root.findChildren(QWidget):
            if not widget.isVisibleTo(self.win) or widget.width() <= 0:
                continue
            if not isinstance(widget, QLabel | QAbstractButton | QLineEdit):
                continue
            if widget.parent() is not None and widget.objectName().startswith("qt_"):
                continue
            self.report.checked += 1
            name = _field_name(widget)
            where = QRect(widget.mapTo(self.win, widget.rect().topLeft()), widget.size())
            if where.right() > window_rect.right() + 1 or where.left() < -1:
                self.add(item, screen, name, "off screen (sideways)")
            if where.bottom() > window_rect.bottom() + 1 and not _scrolls(widget, self.win):
                self.add(item, screen, name, "off screen (below)")
            if isinstance(widget, QAbstractButton | QLineEdit) or widget.objectName() == "related":
                least = min(widget.width(), widget.height())
                if widget.isEnabled() and least < self.touch:
                    self.add(
                        item,
                        screen,
                        name,
                        f"smaller than the touch minimum ({widget.width()}x{widget.height()} "
                        f"< {self.touch} px)",
                    )
            text = widget.text() if hasattr(widget, "text") else ""
            if isinstance(widget, QLineEdit):
                text = widget.placeholderText() if not widget.text() else widget.text()
                self._one_line(widget, text, item, screen, name, pad=48)
            elif isinstance(widget, ElidedLabel):
                fit = widget.fit()
                if fit is None:
                    self._one_line(widget, text, item, screen, name, pad=0, verb="elided")
                elif not fit.fits:
                    self.add(item, screen, name, f"elided to “{fit.text}”")
            elif isinstance(widget, QLabel):
                if widget.textFormat() == Qt.TextFormat.RichText or not text:
                    continue
                if widget.wordWrap():
                    self._wrapped(widget, text, item, screen, name)
                else:
                    self._one_line(widget, text, item, screen, name, pad=0)
            elif text:
                full = widget.property("fullText")
                if full and str(full) != text.replace("\n", " "):
                    self.add(item, screen, name, f"elided to “{text}”")
                hint = widget.sizeHint().width()
                if hint > widget.width() + 1:
                    self.add(item, screen, name, f"clipped ({hint} px of text in {widget.width()})")

    def _one_line(
        self,
        widget: QWidget,
        text: str,
        item: int | str | None,
        screen: str,
        name: str,
        *,
        pad: int,
        verb: str = "clipped",
    ) -> None:
        room = widget.contentsRect().width() - pad
        need = QFontMetricsF(widget.font()).horizontalAdvance(text)
        if text and need > room + 1:
            self.add(item, screen, name, f"{verb} ({need:.0f} px of text in {room})")

    def _wrapped(
        self, label: QLabel, text: str, item: int | str | None, screen: str, name: str
    ) -> None:
        room = label.contentsRect().width()
        fm = QFontMetricsF(label.font())
        rect = fm.boundingRect(QRectF(0, 0, room, 1e6), WRAP, text)
        if rect.width() > room + 1:
            self.add(item, screen, name, f"clipped (a word {rect.width():.0f} px wide in {room})")
        if rect.height() > label.contentsRect().height() + 2:
            self.add(
                item,
                screen,
                name,
                f"clipped ({rect.height():.0f} px of text in {label.contentsRect().height()})",
            )

    # -- tiles -----------------------------------------------------------------------------
    def tiles(self, checked_items: set[int]) -> None:
        win = self.win
        metrics = win.delegate.metrics
        lang = win.language
        for row in range(win.model.rowCount()):
            card = win.model.card_at(row)
            if card is None or card.id in checked_items:
                continue
            checked_items.add(card.id)
            rect = QRectF(0, 0, metrics.tile.width(), metrics.tile.height()).adjusted(
                MARGIN, MARGIN, -MARGIN, -MARGIN
            )
            title = lang.text(card.text("title")) or card.accession_number
            texts = tile_text(
                metrics, rect, kind_name(card.kind), title, lang.text(card.text("date"))
            )
            for name, fit in (
                ("tile.kicker", texts.kicker),
                ("tile.title", texts.title),
                ("tile.date", texts.date),
            ):
                self.report.checked += 1
                if not fit.fits:
                    self.add(card.id, "gallery", name, f"elided to “{fit.text}”")
            if metrics.tile.width() < self.touch:
                self.add(card.id, "gallery", "tile", "smaller than the touch minimum")

    # -- keyboard --------------------------------------------------------------------------
    def keyboard(self, app: QApplication) -> None:
        win = self.win
        win.show_keyboard()
        _settle(app)
        window_rect = win.rect()
        try:
            for code in LAYOUTS:
                win.keyboard.set_layout(code)
                _settle(app)
                for key in win.keyboard.all_keys():
                    self.report.checked += 1
                    name = f"keyboard.{code}.{key.text() or key.objectName()}"
                    where = QRect(key.mapTo(win, key.rect().topLeft()), key.size())
                    if not key.isVisibleTo(win) or not window_rect.contains(where):
                        self.add(None, "keyboard", name, "off screen (hidden or cut)")
                    if min(key.width(), key.height()) < self.touch:
                        self.add(
                            None,
                            "keyboard",
                            name,
                            f"smaller than the touch minimum ({key.width()}x{key.height()} "
                            f"< {self.touch} px)",
                        )
                    if key.text() and key.sizeHint().width() > key.width() + 1:
                        self.add(None, "keyboard", name, "clipped")
                    for other in win.keyboard.all_keys():
                        if other is not key and other.isVisibleTo(win) and _overlap(key, other):
                            self.add(None, "keyboard", name, "overlaps another key")
        finally:
            win.hide_keyboard()
            _settle(app)

    # -- attract ---------------------------------------------------------------------------
    def attract(self) -> None:
        attract = self.win.attract
        boxes = attract.caption_boxes(self.lang)
        for card in attract.cards:
            fit = attract.title_fit(card, self.lang)
            self.report.checked += 1
            if not fit.fits:
                self.add(card.id, "attract", "title", f"elided to “{fit.text}”")
        pill = attract.cta_rect(self.lang)
        self.report.checked += 1
        if not QRectF(attract.rect()).contains(pill):
            self.add(None, "attract", "touch_to_explore", "off screen")
        if pill.intersects(boxes["title"]) or pill.intersects(boxes["meta"]):
            self.add(None, "attract", "touch_to_explore", "overlaps the slide's caption")


def _overlap(a: QWidget, b: QWidget) -> bool:
    top = a.window()
    ra = QRect(a.mapTo(top, a.rect().topLeft()), a.size())
    rb = QRect(b.mapTo(top, b.rect().topLeft()), b.size())
    return ra.intersects(rb)


def _field_name(widget: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    if name in ("chip", "lang", "kioskTool", "chipClear", "related", "stepButton"):
        accessible = widget.accessibleName() or (widget.text() if hasattr(widget, "text") else "")
        return f"{name}:{accessible}"
    return name


def _scrolls(widget: QWidget, top: QWidget) -> bool:
    """Whether ``widget`` sits in a scroll area (below the fold is then not off screen)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _nav_entries(win: KioskWindow) -> list[tuple[int, int | str | None]]:
    entries: list[tuple[int, int | str | None]] = []
    for row in range(win.nav.count()):
        kind, ident = win.nav.item(row).data(Qt.ItemDataRole.UserRole)
        if kind == "exhibition":
            ex = win._exhibition(ident)
            entries.append((row, f"exhibition:{ex.key if ex else ident}"))
        elif kind == "section":
            entries.append((row, f"section:{ident}"))
        else:
            entries.append((row, "all"))
    return entries


def _nav_rows(checker: _Checker) -> None:
    """Each row of the exhibitions-and-sections list wraps its words inside the panel."""
    win = checker.win
    nav = win.nav
    room = nav.viewport().width() - 2 * 22
    for row in range(nav.count()):
        item = nav.item(row)
        kind, ident = item.data(Qt.ItemDataRole.UserRole)
        indent = 18 if kind == "section" else 0
        font = nav.font()
        font.setBold(item.font().bold())
        fm = QFontMetricsF(font)
        rect = fm.boundingRect(QRectF(0, 0, room - indent, 1e6), WRAP, item.text())
        checker.report.checked += 1
        if rect.width() > room - indent + 1:
            name = f"{kind}:{ident}" if kind != "all" else "all"
            checker.add(name, "gallery", "nav", f"clipped (a word {rect.width():.0f} px wide)")


def preflight(
    open_catalog: Callable[[], Catalog],
    sizes: Sequence[tuple[int, int]] = DEFAULT_SIZES,
    langs: Sequence[str] = LANGUAGES,
    *,
    published_only: bool = True,
    dpi: float | None = None,
    large_text: bool = False,
    shots: Path | None = None,
    shot_items: Iterable[int] = (),
    only_items: Iterable[int] | None = None,
) -> Report:
    """Lay out the kiosk at each size and language and report what does not fit.
    ``only_items``: check these items' tiles and pages only (the curator's check before
    publishing one item; drafts are then included)."""
    from exhibition_app.paths import assets_dir
    from exhibition_app.ui.fonts import load_fonts
    from exhibition_app.ui.i18n import Language
    from exhibition_app.ui.kiosk.window import KioskOptions, KioskWindow

    app = _application()
    report = Report()
    options = KioskOptions(
        full_screen=False,
        locked=False,
        published_only=published_only,
        stats=False,
        poll_s=0,
        reduced_motion=True,
        station="preflight",
        lang=langs[0] if langs else "en",
    )
    win = KioskWindow(open_catalog, Language(options.lang), options)
    win.dpi_override = dpi
    try:
        if not _wait(app, lambda: win._loaded and win.tasks.pending == 0):
            raise TimeoutError("the catalogue did not open in time")
        if win.load_error:
            from exhibition_app.errors import StorageError

            raise StorageError(win.load_error)
        if win.catalog is not None:
            load_fonts(app, win.catalog.assets)
        else:
            load_fonts(app, assets_dir(None))
        win.attract.stop()
        win.idle.pause()
        win.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        win.show()
        if large_text:
            win.set_accessible_mode(True)
        items = list(win.model.gallery.items.values())
        only = set(only_items) if only_items is not None else None
        if only is not None:
            items = [card for card in items if card.id in only]
        shot_ids = set(shot_items)
        for width, height in sizes:
            win.resize(width, height)
            _settle(app)
            size = f"{width}x{height}"
            for lang in langs:
                win.language.set(lang)
                _settle(app)
                if only is not None:
                    _check_items_only(app, win, report, size, lang, items, only)
                else:
                    _check_one(app, win, report, size, lang, items, shots, shot_ids)
    finally:
        win._leave_item()
        win.close()
        win.deleteLater()
        _settle(app)
    return report


def _application() -> QApplication:
    """The running QApplication, or a new one with the app's theme (not ui.app: that
    module starts the kiosk, and the kiosk must not depend on it)."""
    from exhibition_app.paths import APP_NAME
    from exhibition_app.ui.theme import apply_theme

    app = QApplication.instance()
    if app is None:
        app = QApplication([APP_NAME])
        apply_theme(app)
    assert isinstance(app, QApplication)
    return app


def _check_one(
    app: QApplication,
    win: KioskWindow,
    report: Report,
    size: str,
    lang: str,
    items: Sequence[Any],
    shots: Path | None,
    shot_ids: set[int],
) -> None:
    checker = _Checker(win, report, size, lang)
    tiles_seen: set[int] = set()
    win.show_gallery()
    entries = _nav_entries(win)
    for row, key in entries:
        win.nav.setCurrentRow(row)
        win.more_button.setChecked(False)
        _settle(app)
        fit_heading(win)  # what a visitor sees once the page has settled
        _settle(app)
        checker.widgets(win.centralWidget(), key if key != "all" else None, "gallery")
        checker.tiles(tiles_seen)
    _nav_rows(checker)
    checker.attract()
    checker.keyboard(app)
    # The first exhibition again: what a visitor sees first (and what the shots show).
    first = next((row for row, key in entries if str(key).startswith("exhibition:")), 0)
    win.nav.setCurrentRow(first)
    _settle(app)
    if shots is not None:
        _shoot(app, win, shots, size, lang, report)
    for card in items:
        win.open_item(card.id)
        _settle(app)
        page = win.item_page
        page._fit_column()
        _settle(app)
        checker.widgets(page, card.id, "item")
        if shots is not None and card.id in shot_ids:
            _wait(app, win.is_settled, 30)
            path = shots / f"{size}_{lang}_item{card.id}.png"
            win.grab().save(str(path))
            report.shots.append(path)
    win.show_gallery()
    _settle(app)


def _check_items_only(
    app: QApplication,
    win: KioskWindow,
    report: Report,
    size: str,
    lang: str,
    items: Sequence[Any],
    only: set[int],
) -> None:
    checker = _Checker(win, report, size, lang)
    win.show_gallery()
    win.nav.setCurrentRow(0)  # every item: the tiles of those to check are there
    _settle(app)
    others = {card_id for card_id in win.model.gallery.items if card_id not in only}
    checker.tiles(others)
    for card in items:
        win.open_item(card.id)
        _settle(app)
        win.item_page._fit_column()
        _settle(app)
        checker.widgets(win.item_page, card.id, "item")
    win.show_gallery()
    _settle(app)


def _shoot(
    app: QApplication, win: KioskWindow, shots: Path, size: str, lang: str, report: Report
) -> None:
    shots.mkdir(parents=True, exist_ok=True)
    _wait(app, win.is_settled, 30)
    for name, show, hide in (
        ("gallery", None, None),
        ("keyboard", win.show_keyboard, win.hide_keyboard),
    ):
        if show is not None:
            show()
            win.keyboard.set_layout(
                {"en": "latin"}.get(lang, lang) if lang in ("en", "kk", "ru", "mn") else "latin"
            )
            _settle(app)
        path = shots / f"{size}_{lang}_{name}.png"
        win.grab().save(str(path))
        report.shots.append(path)
        if hide is not None:
            hide()
            _settle(app)
    attract = win.attract
    attract.start()
    attract.slide_timer.stop()
    attract.lang_timer.stop()
    attract.lang_index = list(LANGUAGES).index(lang) if lang in LANGUAGES else 0
    _wait(app, attract.is_ready, 30)
    path = shots / f"{size}_{lang}_attract.png"
    win.grab().save(str(path))
    report.shots.append(path)
    attract.stop()
    win.idle.pause()
    _settle(app)


# -- the command line ----------------------------------------------------------------------
def run_cli(args: argparse.Namespace) -> int:
    """``exhibition-app kiosk preflight``: print the report; exit 1 when it found problems."""
    import os

    from exhibition_app.core.languages import LANGUAGES as ALL

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sizes = list(getattr(args, "preflight_sizes", None) or DEFAULT_SIZES)
    langs = list(getattr(args, "preflight_langs", None) or ALL)
    wrong = [lang for lang in langs if lang not in ALL]
    if wrong:
        from exhibition_app.errors import InvalidInput

        raise InvalidInput(f"--lang must be among {', '.join(ALL)} (not {', '.join(wrong)})")
    catalog, assets = args.catalog, args.assets

    def open_catalog() -> Catalog:
        from exhibition_app.catalog import Catalog

        return Catalog.open(catalog, assets, create=False)

    shots = Path(args.preflight_shots) if getattr(args, "preflight_shots", None) else None
    report = preflight(
        open_catalog,
        sizes,
        langs,
        dpi=getattr(args, "preflight_dpi", None),
        large_text=bool(getattr(args, "preflight_large", False)),
        shots=shots,
        shot_items=getattr(args, "preflight_items", None) or (),
    )
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        for p in report.problems:
            print(f"{p.size} {p.lang} {p.screen} {p.item or '-'} {p.field}: {p.problem}")
        print(f"{len(report.problems)} problems in {report.checked} checks")
    sys.stdout.flush()
    return 1 if report.problems else 0
