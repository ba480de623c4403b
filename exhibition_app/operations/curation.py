"""What the curator workspace reads and changes about items, one named function per action.

Each function takes the open catalogue and what the action needs, opens its own short
session (committed on success) and hands back plain data (cards, dicts, ids), never ORM
objects: the curator's screens run them on the database worker through the task manager.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import make_url

from exhibition_app.catalog import Catalog
from exhibition_app.core.cards import ItemCard
from exhibition_app.db.models import Item, Media
from exhibition_app.operations import history as item_history_ops
from exhibition_app.operations import items as item_ops
from exhibition_app.operations import publishing
from exhibition_app.operations.accounts import verify_user
from exhibition_app.operations.stats import summarize
from exhibition_app.operations.views import item_card, load_gallery


def load_workspace(catalog: Catalog) -> tuple[dict[int, ItemCard], dict[str, int]]:
    """Every item as a card (drafts included) and the stored pictures' ids by checksum."""
    with catalog.read_session() as session:
        data = load_gallery(session)
        ids = _media_ids(session)
    return dict(data.items), ids


def media_ids(catalog: Catalog) -> dict[str, int]:
    """The id of every stored picture, by its SHA-256."""
    with catalog.read_session() as session:
        return _media_ids(session)


def _media_ids(session: Any) -> dict[str, int]:
    return {sha: mid for mid, sha in session.execute(select(Media.id, Media.sha256))}


def item_card_of(catalog: Catalog, item_id: int) -> ItemCard | None:
    """The item as it now is, or None when it no longer exists."""
    with catalog.read_session() as session:
        item = session.get(Item, item_id)
        return item_card(item) if item is not None else None


def signed_in_name(catalog: Catalog, name: str, password: str) -> str | None:
    """The account's name when ``name`` and ``password`` open it, else None."""
    with catalog.session() as session:
        user = verify_user(session, name, password)
        return user.name if user is not None else None


def save_item_changes(
    catalog: Catalog, item_id: int, changes: Mapping[str, Any], user: str | None
) -> None:
    """Apply ``changes`` (as ``operations.history.edit_item`` takes them) in one transaction,
    recorded as ``user``'s; a ``ValidationError`` says which fields were refused."""
    with catalog.session() as session:
        item_ops.edit_item(session, item_id, changes, user)


def restore_item_version(catalog: Catalog, revision_id: int, user: str | None) -> None:
    """Bring an item back to how ``revision_id`` recorded it (a new revision itself)."""
    with catalog.session() as session:
        item_history_ops.restore_item(session, revision_id, user)


def set_item_published(catalog: Catalog, item_id: int, published: bool, user: str | None) -> None:
    """Publish or withdraw one item, recorded as ``user``'s."""
    change = publishing.publish if published else publishing.unpublish
    with catalog.session() as session:
        change(session, items=[item_id], user=user)


def create_draft_item(catalog: Catalog, kind: str, title: str, user: str | None) -> int:
    """A new draft item of ``kind`` titled ``title`` in English; returns its id."""
    with catalog.session() as session:
        item = item_ops.create_item(
            session, {"kind": kind, "texts": {"title": {"en": title}}}, user
        )
        session.flush()
        return int(item.id)


def item_history(catalog: Catalog, item_id: int) -> list[dict[str, Any]]:
    """The item's revisions, newest first, as plain rows for the history panel."""
    with catalog.read_session() as session:
        return [dict(row) for row in item_history_ops.history(session, "item", item_id)]


def visitor_summary(catalog: Catalog, lang: str) -> dict[str, Any]:
    """What visitors did (``stats --json``'s summary), titles in ``lang``."""
    with catalog.read_session() as session:
        return summarize(session, lang=lang, fallback=catalog.fallback)


def server_database_name(catalog: Catalog) -> str:
    """``database@server`` of a catalogue on a server (never its password), or the
    database's name alone."""
    url = make_url(catalog.url)
    return f"{url.database}@{url.host}" if url.host else str(url.database or "")
