"""What a kiosk reads and writes besides the gallery: publications, its offline copy, visits.

A kiosk on a catalogue server keeps an offline copy (exhibition_app.operations.offline) and
reads it while the server is away. A catalogue opened from that copy is marked
(:func:`is_offline_copy`) and knows the server's address, so the kiosk can go back to it.
Every function here opens what it needs itself; the kiosk runs them on its workers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from exhibition_app.catalog import Catalog
from exhibition_app.core.stats import VisitEvent
from exhibition_app.db.engine import resolve_url, sqlite_path
from exhibition_app.operations.offline import (
    copy_serial,
    offline_copy_path,
    open_offline_copy,
    write_offline_copy,
)
from exhibition_app.operations.publishing import publication_serial
from exhibition_app.operations.stats import record_events
from exhibition_app.paths import assets_dir, default_locations


def latest_publication(catalog: Catalog) -> int:
    """The newest publication's serial (0: nothing published yet). Cheap to poll."""
    with catalog.read_session() as session:
        return publication_serial(session)


def save_visits(catalog: Catalog, events: Sequence[VisitEvent]) -> int:
    """Store a batch of visit events in one short transaction; how many were stored."""
    with catalog.session() as session:
        return record_events(session, events)


def is_offline_copy(catalog: Catalog | None) -> bool:
    """Whether ``catalog`` is a kiosk's offline copy rather than the server's catalogue."""
    return bool(getattr(catalog, "offline_copy", False))


def server_url_of(catalog: Catalog) -> str | None:
    """The server an offline copy stands in for (None for any other catalogue)."""
    return getattr(catalog, "server_url", None)


def _marked(copy: Catalog, server_url: str) -> Catalog:
    copy.offline_copy = True  # type: ignore[attr-defined]
    copy.server_url = server_url  # type: ignore[attr-defined]
    return copy


def open_offline_instead(catalog_arg: Any, assets_arg: Any) -> Catalog | None:
    """The offline copy for ``--catalog``/``--assets`` as given, when the catalogue is on a
    server and a copy exists; None otherwise (an SQLite file has no copy to fall back on)."""
    url = resolve_url(catalog_arg if catalog_arg is not None else default_locations()[0])
    assets = assets_dir(assets_arg)
    copy = offline_copy_path(assets)
    if sqlite_path(url) is not None or not copy.is_file():
        return None
    return _marked(open_offline_copy(assets, copy), url)


def has_offline_copy(server: Catalog) -> bool:
    return offline_copy_path(server.assets).is_file()


def open_offline_copy_of(server: Catalog) -> Catalog:
    """The offline copy kept for ``server``, opened and marked as such."""
    return _marked(open_offline_copy(server.assets, offline_copy_path(server.assets)), server.url)


def refresh_offline_copy(server: Catalog) -> Path | None:
    """Write the offline copy again if the server published since it was written: its path
    when written, None when it was up to date already."""
    path = offline_copy_path(server.assets)
    if copy_serial(path) == latest_publication(server):
        return None
    return write_offline_copy(server, path)
