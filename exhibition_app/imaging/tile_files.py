"""A tile set's files as they go out of this machine: in a bundle (or any other copy made
for publishing), with its info.json ``id`` set to the published address instead of the
``file:`` id of the set in the assets folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

__all__ = ["published_tile_files", "tile_files"]


def tile_files(folder: Path) -> list[Path]:
    """Every regular file of a tile set (no symlinks), sorted."""
    files = []
    for dirpath, _dirnames, filenames in os.walk(folder):
        for name in filenames:
            p = Path(dirpath, name)
            if p.is_file() and not p.is_symlink():
                files.append(p)
    return sorted(files)


def published_tile_files(
    folder: Path, sha256: str, service_id: str, scratch: Path
) -> list[tuple[str, Path]]:
    """``(name in the copy, file to read)`` for every file of the tile set in ``folder``,
    named ``tiles/<sha256>/...``; its info.json is read from a copy written in ``scratch``
    whose ``id`` is ``service_id``."""
    out = []
    for path in tile_files(folder):
        name = f"tiles/{sha256}/{path.relative_to(folder).as_posix()}"
        if path == folder / "info.json":
            doc = json.loads(path.read_text(encoding="utf-8"))
            doc["id"] = service_id
            scratch.mkdir(parents=True, exist_ok=True)
            path = scratch / "info.json"
            path.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
        out.append((name, path))
    return out
