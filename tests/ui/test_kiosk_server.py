"""A kiosk on a real PostgreSQL server: publications arrive by LISTEN/NOTIFY and wait for a
quiet moment; the server going away and coming back; a kiosk starting while it is away.

Each test has a cluster of its own (``private_pg``), so it can stop and start the server
under the kiosk's feet. Polling is off (``poll_s=0``): only the notification can tell."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import VisitorEvent
from exhibition_app.operations.accounts import add_user
from exhibition_app.operations.offline import copy_serial, offline_copy_path
from exhibition_app.operations.publishing import publication_serial, unpublish
from exhibition_app.operations.transfer import copy_catalogue
from exhibition_app.ui.app import make_app
from exhibition_app.ui.fonts import load_fonts
from exhibition_app.ui.i18n import Language
from exhibition_app.ui.kiosk.window import KioskOptions, KioskWindow

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.postgresql


@pytest.fixture
def site(private_pg: Any, tmp_path: Path) -> tuple[Any, str, Path]:
    """(cluster, URL, assets) of a server holding the sample exhibition."""
    url = private_pg.create_database("museum")
    assets = tmp_path / "kiosk-assets"
    import shutil

    shutil.copytree(ROOT / "assets" / "media", assets / "media")
    with Catalog.open(url, assets) as server, Catalog.open(ROOT / "catalog.db", assets) as sample:
        copy_catalogue(sample, server)
        with server.session() as s:
            add_user(s, "curator", "a long password")
    return private_pg, url, assets


@pytest.fixture
def kiosk_on(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    made: list[KioskWindow] = []

    def make(url: str, assets: Path, *, wait: bool = True) -> KioskWindow:
        app = make_app()
        load_fonts(app, assets)
        opts = KioskOptions(
            full_screen=False, station="hall-2", pin_file=tmp_path / "pin.json", poll_s=0
        )
        opts.catalog, opts.assets = url, assets
        win = KioskWindow(lambda: Catalog.open(url, assets), Language("en"), opts)
        win.resize(1280, 800)
        qtbot.addWidget(win)
        win.show_kiosk()
        if wait:
            qtbot.waitUntil(win.is_settled, timeout=30000)
        made.append(win)
        return win

    yield make
    for win in made:
        win.unlock()
        win.close()


def _enter(win: KioskWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    if win.attract.isVisible():
        win.attract.lang_index = ["en", "kk", "ru", "mn"].index(win.language.code)
        qtbot.mouseClick(win.attract, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not win.attract.isVisible(), timeout=5000)


def _published_count(url: str, assets: Path) -> int:
    with Catalog.open(url, assets) as cat, cat.read_session() as s:
        from exhibition_app.db.models import Item

        return int(s.scalar(select(func.count(Item.id)).where(Item.published.is_(True))) or 0)


def test_a_publication_reaches_the_kiosk_in_seconds_and_waits_for_the_reset(
    site: tuple[Any, str, Path], kiosk_on, qtbot
) -> None:  # type: ignore[no-untyped-def]
    _cluster, url, assets = site
    win = kiosk_on(url, assets)
    qtbot.waitUntil(
        lambda: win.link.listener is not None and win.link.listener.connected, timeout=10000
    )
    qtbot.waitUntil(lambda: offline_copy_path(assets).is_file(), timeout=20000)
    shown = win.model.rowCount()
    assert shown == _published_count(url, assets) == 19
    _enter(win, qtbot)  # a visitor is looking at the gallery

    with Catalog.open(url, assets) as curator, curator.session() as s:
        serial = unpublish(s, items=[3], user="curator")
    heard_at = time.monotonic()
    qtbot.waitUntil(lambda: win._pending_publication, timeout=5000)
    assert time.monotonic() - heard_at < 5  # "within seconds": a notification, not a poll
    assert win._serial == serial
    assert win.model.rowCount() == shown  # nothing changes under the visitor's finger

    win.reset()  # the visitor walked away
    qtbot.waitUntil(lambda: win.model.rowCount() == shown - 1, timeout=10000)
    assert 3 not in win.model.ids()
    qtbot.waitUntil(lambda: copy_serial(offline_copy_path(assets)) == serial, timeout=20000)


def test_losing_the_server_keeps_the_exhibition_on_show_and_reconnects(
    site: tuple[Any, str, Path], kiosk_on, qtbot
) -> None:  # type: ignore[no-untyped-def]
    cluster, url, assets = site
    win = kiosk_on(url, assets)
    qtbot.waitUntil(lambda: offline_copy_path(assets).is_file(), timeout=20000)
    qtbot.waitUntil(lambda: win.link.listener.connected, timeout=10000)
    _enter(win, qtbot)
    shown = win.model.ids()

    cluster.stop_server()
    qtbot.waitUntil(lambda: win.link.offline, timeout=20000)
    qtbot.waitUntil(lambda: getattr(win.catalog, "offline_copy", False), timeout=10000)
    # Visitors carry on: same gallery, items open (read from the offline copy), no notice.
    assert win.model.ids() == shown
    win.open_item(shown[0])
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.item_page, timeout=5000)
    assert not win.empty.isVisible()
    win.search.setText("қазақ")
    qtbot.waitUntil(lambda: 0 < win.model.rowCount() < len(shown), timeout=10000)
    win.reset()
    assert win.link.queued  # the reset's statistics wait for the server

    cluster.start_server()
    qtbot.waitUntil(lambda: not win.link.offline, timeout=60000)
    assert not getattr(win.catalog, "offline_copy", False)
    assert win.catalog.url == url

    def saved() -> bool:
        with Catalog.open(url, assets) as cat, cat.read_session() as s:
            return bool(s.scalar(select(func.count(VisitorEvent.id))))

    qtbot.waitUntil(lambda: not win.link.queued and saved(), timeout=20000)


def test_a_kiosk_started_while_the_server_is_away_shows_the_offline_copy(
    site: tuple[Any, str, Path], kiosk_on, qtbot
) -> None:  # type: ignore[no-untyped-def]
    cluster, url, assets = site
    first = kiosk_on(url, assets)
    qtbot.waitUntil(lambda: offline_copy_path(assets).is_file(), timeout=20000)
    expected = sorted(first.model.ids())
    first.unlock()
    first.close()

    cluster.stop_server()
    win = kiosk_on(url, assets)
    assert getattr(win.catalog, "offline_copy", False)
    assert sorted(win.model.ids()) == expected
    assert not win.empty.isVisible()
    assert win.attract.isVisible()

    cluster.start_server()
    qtbot.waitUntil(lambda: not win.link.offline, timeout=60000)
    assert win.catalog.url == url
    with Catalog.open(url, assets) as cat, cat.read_session() as s:
        assert publication_serial(s) == 0


def test_a_new_kiosk_with_no_server_and_no_copy_waits_calmly_and_tries_again(
    site: tuple[Any, str, Path], kiosk_on, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.ui.kiosk import window as kiosk_window

    monkeypatch.setattr(kiosk_window, "OPEN_RETRY_S", 1.0)
    cluster, url, assets = site
    assert not offline_copy_path(assets).exists()
    cluster.stop_server()
    win = kiosk_on(url, assets)
    assert win.catalog is None and win.empty.isVisible()
    assert win.empty.text() == "This exhibition is not available at the moment."

    cluster.start_server()
    qtbot.waitUntil(lambda: win.catalog is not None, timeout=30000)
    qtbot.waitUntil(lambda: win.model.rowCount() == 19, timeout=10000)
    qtbot.waitUntil(lambda: offline_copy_path(assets).is_file(), timeout=20000)
