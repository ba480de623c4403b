"""Nothing blank in the hall: an empty, missing, unreadable or mistyped catalogue shows "the
exhibition is being prepared" (and the log says why); a kiosk whose window is gone exits
non-zero so that its service starts it again."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMetaMethod

from exhibition_app.catalog import Catalog
from exhibition_app.ui.app import make_app
from exhibition_app.ui.fonts import load_fonts
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.kiosk.prepared import message_in
from exhibition_app.ui.kiosk.watch import GRACE_CHECKS
from exhibition_app.ui.kiosk.window import KioskOptions, KioskWindow

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "shots"


@pytest.fixture
def kiosk_on(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    made: list[KioskWindow] = []

    def make(open_catalog: Callable[[], Catalog], lang: str = "en") -> KioskWindow:
        app = make_app()
        load_fonts(app, ROOT / "assets")
        opts = KioskOptions(
            full_screen=False, station="t", lang=lang, pin_file=tmp_path / "pin.json", poll_s=0
        )
        win = KioskWindow(open_catalog, Language(lang), opts)
        win.resize(1280, 800)
        qtbot.addWidget(win)
        win.show_kiosk()
        qtbot.waitUntil(win.is_settled, timeout=20000)
        made.append(win)
        return win

    yield make
    for win in made:
        win.unlock()
        win.language.set("en")


def _assert_prepared(win: KioskWindow, lang: str) -> None:
    assert win.prepared.isVisible()
    assert not win.attract.isVisible()  # no "Touch to explore" over nothing
    assert win.prepared.geometry() == win.rect()
    texts = win.prepared.texts()
    assert texts[0][0] == lang
    assert len(texts) == 4 and len({h for _c, h, _l in texts}) == 4  # four languages
    for _code, heading, line in texts:
        assert heading and line
        for word in ("catalog", "sqlite", "/", "error", "Traceback"):
            assert word not in (heading + line).lower()
    image = win.grab().toImage()
    # Designed, not blank: more than the background colour on screen.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, 800, 8)}
    assert len(colours) > 20


def test_an_empty_catalogue_shows_being_prepared_then_the_exhibition(
    kiosk_on, tmp_path, qtbot, caplog
) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.operations.ingest import import_image

    caplog.set_level(logging.INFO)
    catalog = Catalog.open(tmp_path / "empty.db", tmp_path / "assets")
    try:
        win = kiosk_on(lambda: catalog, "kk")
        _assert_prepared(win, "kk")
        assert message_in("kk")[0].startswith("Бұл көрме")
        assert "no published items" in caplog.text
        SHOTS.mkdir(exist_ok=True)
        win.grab().save(str(SHOTS / "kiosk_prepared_kk.png"))
        win.reset()  # an idle reset does not bring the attract loop over nothing
        assert win.prepared.isVisible() and not win.attract.isVisible()
        # A curator publishes: the kiosk leaves the notice by itself.
        import_image(
            catalog,
            ROOT / "tests" / "data" / "behaim-globe-photo.jpg",
            kind="photograph",
            title="Globe",
            published=True,
        )
        win.publication_waiting()
        qtbot.waitUntil(lambda: not win.prepared.isVisible(), timeout=20000)
        assert win.attract.isVisible()
        assert win.model.rowCount() == 1
    finally:
        catalog.close()


@pytest.mark.parametrize("problem", ["missing", "mistyped", "unreadable"])
def test_a_catalogue_that_cannot_be_opened_shows_being_prepared(
    kiosk_on, tmp_path, caplog, problem: str
) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.INFO)
    path = tmp_path / "catalog.db"
    if problem == "mistyped":
        shutil.copyfile(ROOT / "catalog.db", path)
        path = tmp_path / "catalgo.db"  # a typo: that file does not exist
    elif problem == "unreadable":
        path.write_bytes(b"this is not a database, just some bytes" * 100)

    def open_catalog() -> Catalog:
        return Catalog.open(path, tmp_path / "assets", create=False)

    win = kiosk_on(open_catalog, "ru")
    _assert_prepared(win, "ru")
    assert win.load_error  # the reason, kept for staff ...
    assert "could not be opened" in caplog.text  # ... and in the log
    assert str(path.name) in caplog.text


def test_a_destroyed_window_ends_the_kiosk_with_an_error_status(
    kiosk_on, sample_catalog, qtbot
) -> None:  # type: ignore[no-untyped-def]
    win = kiosk_on(lambda: sample_catalog)
    watch = win.watch
    assert watch.timer.isActive()  # a locked kiosk watches its window
    watch.check()
    assert watch.misses == 0
    restored: list[bool] = []
    watch.restore = lambda: restored.append(True)  # as if the window could not come back
    # The kiosk ends the process on ``lost`` (the subprocess test below sees the status);
    # here nothing must end this test process's event loops.
    assert watch.isSignalConnected(QMetaMethod.fromSignal(watch.lost))
    watch.lost.disconnect(win._window_lost)
    win.windowHandle().destroy()  # the native window is gone (an X client destroyed it)
    with qtbot.waitSignal(watch.lost, timeout=5000) as lost:
        for _ in range(GRACE_CHECKS):
            watch.check()
    assert lost.args[0] == watch.problem() is not None  # why, for the log
    assert restored == [True]  # it tried to show the window again first
    assert not watch.timer.isActive()


CHILD = """
import sys
from PySide6.QtCore import QTimer
from exhibition_app.ui.app import create_window, make_app
from exhibition_app.ui.kiosk.window import KioskOptions

app = make_app()
window = create_window(sys.argv[1], sys.argv[2], kiosk=KioskOptions(full_screen=False, poll_s=0))
window.resize(1280, 800)
window.show_kiosk()
# From 1.5 s on, the native window is destroyed again and again: it cannot come back.
gone = QTimer(interval=100)
gone.timeout.connect(lambda: window.windowHandle().destroy())
QTimer.singleShot(1500, gone.start)
QTimer.singleShot(60_000, lambda: app.exit(0))  # never hang the suite
sys.exit(app.exec())
"""


def test_the_kiosk_process_ends_with_the_window_lost_status(sample_paths, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    from exhibition_app.ui.kiosk.watch import WINDOW_LOST_EXIT

    db, assets = sample_paths
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(db), str(assets)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == WINDOW_LOST_EXIT != 0, out.stderr
    assert "starts the kiosk again" in out.stderr
