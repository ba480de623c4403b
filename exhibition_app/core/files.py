"""Reading a file a user names, safely: only regular files, and never more than a limit.

A device (``/dev/zero``), a pipe or a folder given where a file is expected would make a
plain ``read_bytes()`` block forever or fill the memory; ``stat()`` reports 0 bytes for
them, so a size check alone does not help. These helpers look at the file type before
opening, and read at most ``limit + 1`` bytes whatever the file system says.
"""

from __future__ import annotations

import stat
from pathlib import Path

from exhibition_app.errors import InvalidInput, NotFound, shown


def regular_size(path: Path) -> int:
    """The size of the regular file ``path``; NotFound or InvalidInput (one line) else."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise NotFound(f"cannot read {shown(path)}: {exc.strerror}") from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {shown(path)}: {shown(exc.strerror or exc)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InvalidInput(f"{shown(path)} is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InvalidInput(f"{shown(path)}: refused: not a regular file (a device or a pipe)")
    return info.st_size


def read_regular(path: Path, *, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refused (one line) over ``limit`` bytes."""
    size = regular_size(path)
    if size > limit:
        raise InvalidInput(
            f"{shown(path)}: refused: the file is {size:,} bytes, over the limit of {limit:,}"
        )
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InvalidInput(f"cannot read {shown(path)}: {shown(exc.strerror or exc)}") from None
    if len(data) > limit:
        raise InvalidInput(f"{shown(path)}: refused: the file grew over the limit of {limit:,}")
    return data
