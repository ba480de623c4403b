"""Making a rename durable: fsync of the folder that holds it (POSIX; a no-op elsewhere).

Shared by everything that writes a file aside and renames it into place: the media store,
tile sets, backups, the staff PIN file, sync.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def fsync_dir(path: Path) -> None:
    """Make a rename or unlink in ``path`` durable; silently a no-op where directories cannot
    be opened or fsynced (Windows, some network file systems)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
