"""What SQLite and PostgreSQL backups share: the backup files and the schema they may hold.

A backup is written to a temporary file beside its target (:func:`backup_target`) and put in
place by :func:`exhibition_app.core.durable.replace_file` (synced, renamed, folder synced).
Backups made on their own (scheduled, or before a restore) are named
``<prefix><UTC time><suffix>`` (:func:`stamp`) and only the newest few are kept
(:func:`rotate`). A restore accepts a catalogue whose schema revision is one of
this version's migrations (:func:`known_revisions`) and that has the core tables.
:mod:`exhibition_app.operations.backup` (SQLite, and the entry points) and
:mod:`exhibition_app.operations.pg_backup` (pg_dump and pg_restore) both build on this.
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

from exhibition_app.db.engine import MIGRATIONS_DIR
from exhibition_app.errors import CatalogError, shown

__all__ = [
    "CORE_TABLES",
    "SQLITE_HEADER",
    "STAMP",
    "backup_target",
    "known_revisions",
    "rotate",
    "stamp",
    "stamp_of",
]

SQLITE_HEADER = b"SQLite format 3\x00"
STAMP = "%Y%m%dT%H%M%S%fZ"
#: Tables a file must have (before any upgrade) to be taken for a catalogue.
CORE_TABLES = frozenset({"item", "item_text", "media", "exhibition", "section"})


def backup_target(dest: Path) -> tuple[Path, Path]:
    """(folder, new empty temporary file in it) for writing the backup ``dest`` aside and
    renaming it into place; a one-line CatalogError for a folder or a missing folder."""
    if dest.is_dir():
        raise CatalogError(f"{shown(dest)} is a folder; give the backup a file name")
    folder = dest.parent if str(dest.parent) else Path(".")
    if not folder.is_dir():
        raise CatalogError(f"cannot write the backup {shown(dest)}: its folder does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # a read-only or special folder (/proc), a full disk
        raise CatalogError(
            f"cannot write the backup {shown(dest)}: {shown(exc.strerror or exc)}"
        ) from None
    os.close(fd)
    return folder, Path(tmp_name)


def stamp(now: datetime | None = None) -> str:
    """``now`` (default: the present) as it stands in a backup's name, in UTC."""
    return (now or datetime.now(UTC)).astimezone(UTC).strftime(STAMP)


def stamp_of(path: Path, prefix: str, suffix: str) -> datetime | None:
    """The time in a ``<prefix><stamp><suffix>`` name; None for any other name."""
    name = path.name
    if not (name.startswith(prefix) and name.endswith(suffix)):
        return None
    try:
        text = name[len(prefix) : len(name) - len(suffix)]
        return datetime.strptime(text, STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def rotate(folder: Path, prefix: str, suffix: str, keep: int) -> None:
    """Keep the ``keep`` newest ``<prefix><stamp><suffix>`` files (stamps sort by time)."""
    olds = sorted(p for p in folder.glob(f"{prefix}*{suffix}") if stamp_of(p, prefix, suffix))
    for old in olds[: max(0, len(olds) - keep)]:
        old.unlink(missing_ok=True)


def known_revisions() -> tuple[set[str], str]:
    """(every schema revision this version knows, the newest of them)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    assert head is not None
    return {r.revision for r in script.walk_revisions()}, head
