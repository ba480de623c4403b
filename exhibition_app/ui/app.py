"""Starting the GUI: QApplication, fonts, theme, language, catalogue, main window.

``--screenshot FILE`` renders the window once everything visible has loaded, saves a PNG
and exits 0 (how screens are reviewed and checked without a display).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from exhibition_app import __version__
from exhibition_app.core import first_screen
from exhibition_app.core.languages import DEFAULT_FALLBACK
from exhibition_app.errors import Refused
from exhibition_app.paths import APP_NAME, assets_dir
from exhibition_app.ui import settings
from exhibition_app.ui.first_screen import attach as attach_first_screen
from exhibition_app.ui.fonts import load_fonts
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.main_window import MainWindow
from exhibition_app.ui.theme import apply_theme

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog
    from exhibition_app.ui.curator.window import CuratorWindow
    from exhibition_app.ui.kiosk.window import KioskOptions

SCREENSHOT_TIMEOUT_S = 60.0


def screen_problem() -> str | None:
    """Why Qt would find no screen here (it would abort the process, exit 134, with a
    message about xcb plugins), or None. Only Linux without a display is known to fail."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith(("xcb", "wayland")):
        return None  # offscreen, minimal, eglfs, vnc...: no display needed
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no screen here (DISPLAY is not set): run it in a desktop session, on a virtual "
        "screen (xvfb-run -s '-screen 0 1920x1080x24' exhibition-app ...), or give "
        "--screenshot FILE to render without one"
    )


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        problem = screen_problem()
        if problem is not None:
            raise Refused(problem)
        app = QApplication(argv or [APP_NAME])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Bridging Horizons")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("exhibition-app")
    apply_theme(app)
    return app


def create_window(
    catalog: str | Path | None,
    assets: str | Path | None,
    *,
    lang: str = "en",
    item: int | None = None,
    fallback: Sequence[str] = DEFAULT_FALLBACK,
    kiosk: KioskOptions | None = None,
    curator: bool = False,
) -> MainWindow | CuratorWindow:
    """The main window, painted at once; the catalogue opens on the database worker.

    Only cheap modules are imported on this path: SQLAlchemy, Alembic and Pillow load on
    the worker while the first frame is already on screen.
    """
    app = make_app(sys.argv[:1])
    load_fonts(app, assets_dir(assets))
    language = Language(lang, fallback)

    def open_catalog() -> Catalog:
        from exhibition_app.catalog import Catalog

        # A catalogue named on the command line must exist: a mistyped --catalog would
        # otherwise open as a new, empty exhibition (the default one may be made new).
        return Catalog.open(catalog, assets, create=catalog is None, fallback=fallback)

    if curator:
        from exhibition_app.ui.curator.window import CuratorWindow

        return CuratorWindow(open_catalog, language)
    # Taken before the window starts reading the catalogue: the first-screen cache is
    # checked against it and written under it (a change during the read never matches).
    identity = first_screen.catalogue_identity(catalog)
    window: MainWindow
    if kiosk is not None:
        from exhibition_app.ui.kiosk.window import KioskWindow

        kiosk.lang = lang
        kiosk.item = item
        kiosk.catalog, kiosk.assets = catalog, assets
        window = KioskWindow(open_catalog, language, kiosk)
    else:
        window = MainWindow(open_catalog, language, open_item=item)
    if item is None:  # a start on an item's page shows that page, not the gallery
        attach_first_screen(window, identity, catalog, assets)
    return window


def run_gui(args: argparse.Namespace) -> int:
    settings.current.tile_cache_bytes = max(16, args.tile_cache) * 1024 * 1024
    if args.screenshot and screen_problem() is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    app = make_app(sys.argv[:1])
    curator = bool(getattr(args, "curator", False))
    kiosk = (
        _kiosk_options(args, screenshot=bool(args.screenshot))
        if getattr(args, "kiosk", False) and not curator
        else None
    )
    # Log lines go to stderr (the journal, under systemd). A kiosk also says what it does:
    # publications taken up, the server lost and found, the offline copy written.
    logging.basicConfig(
        level=logging.INFO if kiosk is not None else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    # Alembic announces each plugin and migration context at INFO on every start: not news.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    window = create_window(
        args.catalog,
        args.assets,
        lang=args.lang,
        item=args.item,
        fallback=args.fallback or DEFAULT_FALLBACK,
        kiosk=kiosk,
        curator=curator,
    )
    if kiosk is not None:
        from exhibition_app.ui.kiosk.window import KioskWindow

        assert isinstance(window, KioskWindow)
        if args.size:
            window.resize(*args.size)
        window.show_kiosk()
    else:
        window.resize(*(args.size or ((1400, 900) if curator else (1366, 800))))
        window.show()
    if args.screenshot:
        _screenshot_when_settled(app, window, args.screenshot)
    code = app.exec()
    if window.catalog is not None:
        window.catalog.close()
    if args.screenshot and getattr(window, "load_error", None):
        print(f"{APP_NAME}: error: {window.load_error}", file=sys.stderr)
        return 1
    return code


def _kiosk_options(args: argparse.Namespace, *, screenshot: bool = False) -> KioskOptions:
    """The kiosk's options. A ``--screenshot`` shows no window to anyone: it needs no staff
    PIN, writes no visit statistics and does not watch for publications."""
    from exhibition_app.ui.kiosk.window import KioskOptions

    options = KioskOptions(
        idle_s=args.idle,
        countdown_s=args.idle_countdown,
        lang=args.lang,
        tour=args.tour,
        pin_file=Path(args.pin_file) if getattr(args, "pin_file", None) else None,
        hide_cursor=args.hide_cursor,
        reduced_motion=args.reduced_motion,
        # --size (with --screenshot) renders the kiosk at a chosen size instead.
        full_screen=not args.size,
    )
    if args.station:
        options.station = args.station
    if screenshot:
        options.stats = False
        options.poll_s = 0
        return options
    from exhibition_app.core.pin import PinError, PinGuard, default_pin_path

    try:
        pin_set = PinGuard(options.pin_file or default_pin_path()).is_set()
    except PinError as exc:
        print(f"{APP_NAME}: warning: {exc}", file=sys.stderr)
        pin_set = False
    if not pin_set:
        print(
            f"{APP_NAME}: warning: no staff PIN is set, so the kiosk can only be closed from "
            f"outside; set one with: {APP_NAME} kiosk set-pin",
            file=sys.stderr,
        )
    return options


def _screenshot_when_settled(
    app: QApplication, window: MainWindow | CuratorWindow, path: str
) -> None:
    started = time.monotonic()
    settled_since: list[float] = []

    def poll() -> None:
        now = time.monotonic()
        if window.is_settled():
            settled_since.append(now)
            # Stay settled for two polls so queued repaints land before the grab.
            if len(settled_since) >= 2:
                timer.stop()
                ok = window.grab().save(path, "PNG")
                if not ok:
                    print(f"{APP_NAME}: error: cannot write the screenshot {path}", file=sys.stderr)
                app.exit(0 if ok else 1)
                return
        else:
            settled_since.clear()
        if now - started > SCREENSHOT_TIMEOUT_S:
            timer.stop()
            print(f"{APP_NAME}: error: the window did not finish loading in time", file=sys.stderr)
            app.exit(1)

    timer = QTimer(app)
    timer.setInterval(50)
    timer.timeout.connect(poll)
    timer.start()
