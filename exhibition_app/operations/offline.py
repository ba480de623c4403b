"""A kiosk's offline copy: what is on show, kept on the kiosk's own disk.

A kiosk on a catalogue server writes, after each publication it loads, a small SQLite
catalogue beside its assets (``offline-catalog.db``) holding only what visitors may see: the
published items and exhibitions with their texts, media records, annotations and the
publication serial. Curator accounts, the change history, drafts and visitor statistics are
not copied. If the server cannot be reached, at start or later, the kiosk reads this copy and
carries on showing the last published exhibition.

The copy is built in a temporary file and renamed into place, so a kiosk switched off while
writing it keeps the previous one.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from sqlalchemy import delete, func, select

from exhibition_app.catalog import Catalog, CatalogError
from exhibition_app.core.durable import replacing
from exhibition_app.db.models import Exhibition, Item, Media, Publication
from exhibition_app.db.search import rebuild_index
from exhibition_app.operations.transfer import copy_catalogue
from exhibition_app.paths import cache_dir_for

OFFLINE_NAME = "offline-catalog.db"
#: Never on a kiosk's disk: accounts, history, statistics.
PRIVATE_TABLES = frozenset({"app_user", "revision", "visitor_event"})


def offline_copy_path(assets: Path) -> Path:
    """Beside the assets, or in this account's cache when they are a read-only share."""
    return cache_dir_for(Path(assets)) / OFFLINE_NAME


def copy_serial(path: Path) -> int | None:
    """The publication serial of an offline copy; None when there is no readable copy."""
    if not path.is_file():
        return None
    try:
        with Catalog(f"sqlite:///{path}", path.parent) as copy, copy.read_session() as s:
            return int(s.scalar(select(func.max(Publication.id))) or 0)
    except Exception:
        return None


def write_offline_copy(catalog: Catalog, path: Path | None = None) -> Path:
    """Write the published part of ``catalog`` to ``path`` (default: beside its assets)."""
    dest = Path(path) if path is not None else offline_copy_path(catalog.assets)
    if catalog.db_path is not None and dest.resolve() == catalog.db_path.resolve():
        raise CatalogError("the offline copy cannot replace the catalogue itself")
    for stale in dest.parent.glob(".tmp-offline-*"):  # a kiosk switched off while writing
        with contextlib.suppress(OSError):
            stale.unlink()
    with replacing(dest, prefix=".tmp-offline-", suffix=".db") as tmp:
        tmp.unlink()  # Catalog.open makes a new, migrated catalogue where no file is
        try:
            with Catalog.open(tmp, catalog.assets) as copy:
                copy_catalogue(catalog, copy, skip=PRIVATE_TABLES)
                with copy.session() as s:
                    s.execute(delete(Exhibition).where(Exhibition.published.is_(False)))
                    s.execute(delete(Item).where(Item.published.is_(False)))
                    used = select(Item.cover_media_id).where(Item.cover_media_id.is_not(None))
                    from exhibition_app.db.models import ItemMedia

                    linked = select(ItemMedia.media_id)
                    s.execute(delete(Media).where(Media.id.not_in(used), Media.id.not_in(linked)))
                    rebuild_index(s)
                copy.engine.dispose()
        finally:
            for side in ("-wal", "-shm"):
                with contextlib.suppress(OSError):
                    Path(str(tmp) + side).unlink()
    return dest


def open_offline_copy(assets: Path, path: Path | None = None) -> Catalog:
    """The offline copy as a catalogue; CatalogError when there is none."""
    src = Path(path) if path is not None else offline_copy_path(assets)
    if not src.is_file():
        raise CatalogError(f"there is no offline copy at {src}")
    return Catalog.open(src, assets)
