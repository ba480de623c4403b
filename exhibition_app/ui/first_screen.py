"""The cached first screen on a window (the cache itself: exhibition_app.core.first_screen).

``attach`` runs in ``create_window``: it notes the catalogue's identity before the window's
read of it can start, shows the cached gallery of that very catalogue state at once (its
thumbnails read straight from the thumbnail cache's JPEGs, on the image pool), and after
the window's first full read writes the cache again (on the database worker).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from exhibition_app.core import first_screen
from exhibition_app.core.cards import MediaRef
from exhibition_app.errors import NotFound
from exhibition_app.paths import assets_dir, cache_dir_for
from exhibition_app.ui.tasks import TaskManager

if TYPE_CHECKING:
    from exhibition_app.ui.main_window import MainWindow

#: The catalogue's read waits this long at most for the cached first screen to paint.
HOLD_MS = 500

#: ``request(media, side, deliver)``: read ``media``'s cached thumbnail of ``side`` on the
#: image pool; ``deliver(sha256, image)`` on the main thread, image None when there is none.
EarlyThumbnail = Callable[[MediaRef, int, Callable[[str, QImage | None], None]], None]


def early_thumbnail(tasks: TaskManager, assets: str | Path | None) -> EarlyThumbnail:
    """Thumbnails before the catalogue is open: only the files already in the cache (a
    picture whose thumbnail was never made waits for the catalogue)."""
    root = cache_dir_for(assets_dir(assets))

    def request(media: MediaRef, side: int, deliver: Callable[[str, QImage | None], None]) -> None:
        path = first_screen.thumb_path(root, media.sha256, side)
        sha = media.sha256

        def load() -> QImage:
            image = QImage(str(path))
            if image.isNull():  # not made yet: expected, the catalogue's read makes it
                raise NotFound(f"no cached thumbnail {path}")
            return image

        tasks.query(
            load, lambda image: deliver(sha, image), lambda _exc: deliver(sha, None), images=True
        )

    return request


def attach(
    window: MainWindow,
    identity: first_screen.Identity | None,
    catalog: str | Path | None,
    assets: str | Path | None,
) -> bool:
    """Show ``window``'s cached first screen if the catalogue is as it was when cached, and
    cache it after the window's first full read. ``identity``
    (`exhibition_app.core.first_screen.catalogue_identity`) must be taken before the window
    is made (its read starts then): a change during the read leaves a cache that does not
    match. Whether a cached screen is shown."""
    if identity is None:
        return False  # not an SQLite file: no cache
    published_only = window.published_only
    cached = first_screen.read(catalog, assets, published_only=published_only)

    def remember() -> None:
        window.loaded.disconnect(remember)
        opened = window.catalog
        if opened is None or window.load_error is not None:
            return
        path = opened.db_path
        # A kiosk that fell back to its offline copy read another file: not this cache's.
        if path is None or str(Path(path).resolve()) != identity["path"]:
            return
        data = window.model.gallery
        if data == cached:
            return  # the file already holds this very read
        window.tasks.query(
            lambda: first_screen.write(identity, assets, data, published_only=published_only),
            lambda _path: None,
            lambda _exc: None,
        )

    window.loaded.connect(remember)
    if cached is None:
        return False
    window.hold_read = True
    window.show_first_screen(cached, early_thumbnail(window.tasks, assets))
    if getattr(window, "attract", None) is None:
        _focus_gallery_on_show(window)
    _read_once_painted(window)
    return True


def _focus_gallery_on_show(window: MainWindow) -> None:
    """The gallery filled before the window was shown asked for the focus while hidden,
    so showing would give it to the search field; the catalogue's read then moves it to
    the gallery (a visible jump). Give it to the gallery as the window shows."""

    class OnShow(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show:
                watched.removeEventFilter(self)
                if window.stack.currentIndex() == 0 and window.view.isVisible():
                    window.view.setFocus()
            return False

    window.installEventFilter(OnShow(window))


def _read_once_painted(window: MainWindow) -> None:
    """Start the catalogue's read once the cached first screen is painted, pictures and
    all: importing SQLAlchemy (0.3 s of Python holding the interpreter lock) would
    otherwise slow every step to that first frame. After ``HOLD_MS`` at the latest."""
    attract = getattr(window, "attract", None)
    if attract is not None:  # a kiosk opens on its attract loop
        target: QWidget = attract

        def ready() -> bool:
            return bool(attract.isVisible() and attract.is_ready())

    else:
        target = window.view.viewport()

        def ready() -> bool:
            return bool(window.model.rowCount() and window._visible_tiles_ready())

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and ready():
                # The paint runs after this filter: start once the loop is back.
                QTimer.singleShot(0, window, window.start_reading)
                watched.removeEventFilter(self)
            return False

    watcher = Painted(window)
    target.installEventFilter(watcher)
    QTimer.singleShot(HOLD_MS, window, window.start_reading)
