"""One builder per tile set at a time, across threads and processes on this machine.

Two builders of the same tile set waste minutes of work, and the second one's swap
briefly removes the folder the first one's caller is about to read. Holders of
`exclusive` for the same destination take turns; the caller re-checks, once it holds
the lock, whether the work is still needed.

Within a process a ``threading.Lock`` per destination does it; between processes an
``flock`` on a small file in the system temporary folder (named by a hash of the
destination, so the asset tree holds nothing extra and `sync` has nothing to copy).
Waiting polls ``cancel()`` so a cancelled caller does not sit behind someone else's build.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: threads of one process still take turns
    fcntl = None  # type: ignore[assignment]

_POLL_S = 0.1
_guard = threading.Lock()
_locks: dict[str, threading.Lock] = {}


def _key(dest: Path) -> str:
    return os.path.normcase(str(Path(dest).resolve()))


def _thread_lock(key: str) -> threading.Lock:
    with _guard:
        return _locks.setdefault(key, threading.Lock())


def lock_file_for(dest: Path) -> Path:
    digest = hashlib.sha256(_key(dest).encode("utf-8")).hexdigest()[:24]
    return Path(tempfile.gettempdir()) / f"exhibition-app-build-{digest}.lock"


@contextlib.contextmanager
def exclusive(
    dest: Path,
    cancel: Callable[[], bool] | None = None,
    on_cancel: Callable[[], None] | None = None,
) -> Iterator[None]:
    """Hold the build lock of ``dest``. While waiting, ``cancel()`` is polled; when it
    returns True, ``on_cancel()`` is called (it should raise) and nothing is held."""

    def waiting() -> None:
        if cancel is not None and cancel() and on_cancel is not None:
            on_cancel()

    key = _key(dest)
    lock = _thread_lock(key)
    while not lock.acquire(timeout=_POLL_S):
        waiting()
    try:
        with _process_lock(dest, waiting):
            yield
    finally:
        lock.release()


@contextlib.contextmanager
def _process_lock(dest: Path, waiting: Callable[[], None]) -> Iterator[None]:
    if fcntl is None:
        yield
        return
    path = lock_file_for(dest)
    nofollow = getattr(os, "O_NOFOLLOW", 0)  # the temp folder is shared: no planted links
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | nofollow, 0o666)
    except PermissionError:
        try:  # created by another account (a curator, the kiosk): flock needs no write
            fd = os.open(path, os.O_RDONLY | nofollow)
        except OSError:
            yield
            return
    except OSError:
        yield  # no usable temporary folder: threads still take turns
        return
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waiting()
                time.sleep(_POLL_S)
        yield
    finally:
        os.close(fd)  # closing releases the flock
