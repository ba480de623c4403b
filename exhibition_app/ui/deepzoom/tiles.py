"""Tile cache (bounded by bytes) and tile loading on a worker pool, cancellable.

Threading: requests are made and results delivered on the main thread; a QRunnable decodes
the JPEG into a QImage on the pool (never a QPixmap off the main thread). A request whose
tile has left the view is cancelled: if it has not started it is skipped, if it has, its
result is dropped. The cache holds QPixmaps (made on the main thread) and evicts the least
recently used ones once its byte budget is exceeded.
"""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap

from exhibition_app.ui.deepzoom.pyramid import Pyramid, TileKey

DEFAULT_CACHE_BYTES = 256 * 1024 * 1024


def tile_pool() -> QThreadPool:
    """Qt's global pool, where tiles decode (the windows and the tests wait on it), with
    one thread fewer than the cores, at least one: the UI thread keeps a core to paint on.
    On 2 cores two decoders took turns with the painting thread: under load frame p95
    was 13-15 ms against 8-10 ms with one, for a first sharp view about 10 ms later."""
    pool = QThreadPool.globalInstance()
    pool.setMaxThreadCount(max(1, QThread.idealThreadCount() - 1))
    return pool


class TileCache:
    """LRU of decoded tiles, bounded by the bytes their pixels take."""

    def __init__(self, budget_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        self.budget = budget_bytes
        self.bytes = 0
        self._items: OrderedDict[TileKey, QPixmap] = OrderedDict()

    @staticmethod
    def cost(pixmap: QPixmap) -> int:
        return pixmap.width() * pixmap.height() * max(1, pixmap.depth() // 8)

    def get(self, key: TileKey) -> QPixmap | None:
        pixmap = self._items.get(key)
        if pixmap is not None:
            self._items.move_to_end(key)
        return pixmap

    def peek(self, key: TileKey) -> QPixmap | None:
        """Like ``get`` without refreshing its age (for fallbacks drawn underneath)."""
        return self._items.get(key)

    def put(self, key: TileKey, pixmap: QPixmap, *, pinned: set[TileKey] | None = None) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= self.cost(old)
        self._items[key] = pixmap
        self.bytes += self.cost(pixmap)
        keep = pinned or set()
        for victim in list(self._items):
            if self.bytes <= self.budget:
                break
            if victim == key or victim in keep:
                continue
            self.bytes -= self.cost(self._items.pop(victim))

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0


class _Relay(QObject):
    loaded = Signal(object, object, int)  # key, QImage or None, generation


class _TileJob(QRunnable):
    def __init__(
        self,
        pyramid: Pyramid,
        key: TileKey,
        generation: int,
        relay: _Relay,
        cancel: threading.Event,
    ) -> None:
        super().__init__()
        self.pyramid, self.key, self.generation = pyramid, key, generation
        self.relay, self.cancel = relay, cancel

    def run(self) -> None:
        if self.cancel.is_set():
            return
        loaded = QImage(str(self.pyramid.path(self.key)))
        image = None if loaded.isNull() else loaded
        if not self.cancel.is_set():
            with contextlib.suppress(RuntimeError):  # the viewer is gone
                self.relay.loaded.emit(self.key, image, self.generation)


class TileLoader(QObject):
    """Loads tiles of one pyramid; ``tile_ready(key)`` fires when one reaches the cache."""

    tile_ready = Signal(object)

    def __init__(
        self, cache: TileCache, pool: QThreadPool | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)  # a child of its view: it goes when the view goes
        self.cache = cache
        self.pool = pool or tile_pool()
        self.pyramid: Pyramid | None = None
        self.generation = 0
        self._pending: dict[TileKey, threading.Event] = {}
        self._failed: set[TileKey] = set()
        # Not a child of the loader: a worker may be emitting through it while the view
        # (and so the loader) is being destroyed. Each job holds a reference, so the relay
        # outlives the last job; Qt drops the queued result once the loader is gone.
        self._relay = _Relay()
        self._relay.loaded.connect(self._loaded)
        self.pinned: Callable[[], set[TileKey]] = set

    def set_pyramid(self, pyramid: Pyramid | None) -> None:
        self.cancel_all()
        self.generation += 1
        self.pyramid = pyramid
        self.cache.clear()
        self._failed.clear()

    @property
    def pending(self) -> int:
        return len(self._pending)

    def request(self, keys: list[TileKey]) -> None:
        """Want exactly these tiles (in priority order); cancel the others still queued."""
        wanted = set(keys)
        for key in list(self._pending):
            if key not in wanted:
                self._pending.pop(key).set()
        if self.pyramid is None:
            return
        for key in keys:
            if key in self.cache or key in self._pending or key in self._failed:
                continue
            cancel = threading.Event()
            self._pending[key] = cancel
            self.pool.start(_TileJob(self.pyramid, key, self.generation, self._relay, cancel))

    def cancel_all(self) -> None:
        for event in self._pending.values():
            event.set()
        self._pending.clear()

    def _loaded(self, key: TileKey, image: QImage | None, generation: int) -> None:
        if generation != self.generation:
            return
        event = self._pending.pop(key, None)
        if event is None or event.is_set():
            return
        if image is None:
            self._failed.add(key)
            return
        self.cache.put(key, QPixmap.fromImage(image), pinned=self.pinned())
        self.tile_ready.emit(key)
