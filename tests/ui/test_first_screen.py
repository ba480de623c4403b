"""The first-screen cache: the gallery shown before the catalogue opens, never stale.

Real SQLite copies of the sample catalogue, real thumbnail files, real windows offscreen.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from exhibition_app.core import first_screen


def _window(qtbot: Any, db: Path, assets: Path, *, kiosk: bool = False) -> Any:
    from exhibition_app.ui.app import create_window

    options = None
    if kiosk:
        from exhibition_app.ui.kiosk.window import KioskOptions

        options = KioskOptions(
            full_screen=False, idle_s=3600, station="test", pin_file=assets / "pin.json"
        )
    win = create_window(db, assets, kiosk=options)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    return win


def _close(win: Any) -> None:
    if hasattr(win, "unlock"):
        win.unlock()
    else:
        win.close()


def _first_run(qtbot: Any, db: Path, assets: Path, *, kiosk: bool = False) -> Path:
    """Start once with no cache: the window reads the catalogue and writes the cache."""
    win = _window(qtbot, db, assets, kiosk=kiosk)
    assert win.model.rowCount() == 0  # nothing cached yet: nothing before the read
    win.show_kiosk() if kiosk else win.show()
    qtbot.waitUntil(win.is_settled, timeout=30000)
    identity = first_screen.catalogue_identity(db)
    assert identity is not None
    path = first_screen.cache_file(assets, identity["path"], published_only=kiosk)
    qtbot.waitUntil(path.exists, timeout=10000)
    qtbot.waitUntil(lambda: win.tasks.pending == 0, timeout=10000)
    _close(win)
    return path


@pytest.fixture
def sample(sample_catalog: Any) -> tuple[Path, Path, Any]:
    from exhibition_app.operations.gallery_reads import read_gallery

    data = read_gallery(sample_catalog)
    return Path(sample_catalog.db_path), Path(sample_catalog.assets), data


def test_the_file_gives_back_the_gallery_it_was_given(sample: tuple[Path, Path, Any]) -> None:
    db, assets, data = sample
    assert first_screen.decode(json.loads(json.dumps(first_screen.encode(data)))) == data
    identity = first_screen.catalogue_identity(db)
    written = first_screen.write(identity, assets, data, published_only=False)
    assert written is not None and written.parent.parent == assets  # beside the thumbnails
    assert first_screen.read(db, assets, published_only=False) == data
    assert first_screen.read(db, assets, published_only=True) is None  # another view


def test_other_engines_and_missing_files_have_no_cache(tmp_path: Path) -> None:
    assert first_screen.catalogue_identity("postgresql://u:p@localhost/exhibition") is None
    assert first_screen.catalogue_identity(tmp_path / "none.db") is None
    assert first_screen.catalogue_file(f"sqlite:///{tmp_path}/a.db") == tmp_path / "a.db"


def test_the_window_shows_the_cached_first_screen_before_the_catalogue_opens(
    qtbot: Any, sample: tuple[Path, Path, Any]
) -> None:
    db, assets, data = sample
    _first_run(qtbot, db, assets)
    win = _window(qtbot, db, assets)
    # Right after the window is made: the rows are there, and no catalogue is open.
    assert win.catalog is None
    first_rows = win.model.ids()
    assert first_rows and set(first_rows) <= set(data.items)
    win.show()
    seen: dict[str, bool] = {}

    def pictures_in() -> bool:
        if win.view.isVisible() and win._visible_tiles_ready():
            seen.setdefault("before_open", win.catalog is None)
            return True
        return False

    qtbot.waitUntil(pictures_in, timeout=20000)
    assert seen["before_open"]  # the thumbnails came from their files, not the catalogue
    assert any(win.model._pixmaps)
    cached_frame = win.grab().toImage()
    qtbot.waitUntil(win.is_settled, timeout=30000)
    assert win.catalog is not None
    assert win.model.ids() == first_rows  # the read replaced it: same rows, same order
    # ... and nothing on screen moved: the same pixels, focus and current tile included.
    assert win.grab().toImage() == cached_frame
    win.close()


def test_a_changed_catalogue_is_never_shown_from_the_cache(
    qtbot: Any, sample: tuple[Path, Path, Any], sample_catalog: Any
) -> None:
    from sqlalchemy import update

    from exhibition_app.db.models import Item

    db, assets, data = sample
    path = _first_run(qtbot, db, assets)
    assert first_screen.read(db, assets, published_only=False) is not None
    with sample_catalog.session() as session:  # a curator unpublishes... any change at all
        session.execute(update(Item).where(Item.id == data.order[0]).values(featured=False))
    assert first_screen.read(db, assets, published_only=False) is None
    win = _window(qtbot, db, assets)
    assert win.model.rowCount() == 0  # the stale screen is not shown: it waits for the read
    assert "Opening" in win.empty.text()
    win.show()
    qtbot.waitUntil(win.is_settled, timeout=30000)
    assert win.model.rowCount() > 0
    # ... and the cache now holds the catalogue as it is.
    qtbot.waitUntil(
        lambda: first_screen.read(db, assets, published_only=False) is not None, timeout=10000
    )
    assert path.exists()
    win.close()


def test_a_damaged_cache_file_is_ignored(qtbot: Any, sample: tuple[Path, Path, Any]) -> None:
    db, assets, _data = sample
    path = _first_run(qtbot, db, assets)
    body = path.read_bytes()
    for damage in (body[: len(body) // 2], b"\x00\xff not json", b"{}", b"[]"):
        path.write_bytes(damage)
        assert first_screen.read(db, assets, published_only=False) is None
        win = _window(qtbot, db, assets)
        assert win.model.rowCount() == 0
        win.close()
    # A well-formed file for another catalogue state (a copied-in cache) is ignored too.
    raw = json.loads(body)
    raw["identity"]["db"][1] -= 1
    path.write_text(json.dumps(raw))
    assert first_screen.read(db, assets, published_only=False) is None


def test_the_kiosk_attract_loop_starts_from_the_cache(
    qtbot: Any, sample: tuple[Path, Path, Any]
) -> None:
    db, assets, _data = sample
    _first_run(qtbot, db, assets, kiosk=True)
    win = _window(qtbot, db, assets, kiosk=True)
    assert win.catalog is None and win.attract.cards  # slides before the catalogue opens
    slides = [c.id for c in win.attract.cards]
    win.resize(1920, 1080)
    win.show_kiosk()
    seen: dict[str, bool] = {}

    def slide_ready() -> bool:
        if win.attract.is_ready():
            seen.setdefault("before_open", win.catalog is None)
            return True
        return False

    qtbot.waitUntil(slide_ready, timeout=20000)
    assert seen["before_open"]
    assert win.attract.current is not None and win.attract.current.cover is not None
    qtbot.waitUntil(win.is_settled, timeout=30000)
    assert win.catalog is not None
    assert [c.id for c in win.attract.cards] == slides
    win.unlock()


def test_a_thumbnail_not_yet_made_waits_for_the_catalogue_quietly(
    qtbot: Any, sample: tuple[Path, Path, Any], caplog: pytest.LogCaptureFixture
) -> None:
    """A cached first screen whose picture has no thumbnail file yet: the tile waits for the
    catalogue's read, which makes it, and nothing is logged as an unexpected error."""
    db, assets, _data = sample
    _first_run(qtbot, db, assets)
    root = first_screen.cache_dir_for(first_screen.assets_dir(assets))
    thumbs = sorted((root / "thumbs").rglob("*.jpg"))  # the thumbnails, not the pictures
    assert thumbs
    for thumb in thumbs:
        thumb.unlink()
    caplog.set_level("ERROR")
    win = _window(qtbot, db, assets)
    win.show()
    qtbot.waitUntil(win.is_settled, timeout=30000)
    assert win.catalog is not None and any(win.model._pixmaps)  # made by the read
    assert not [r for r in caplog.records if "unexpected error" in r.getMessage()]
    win.close()
