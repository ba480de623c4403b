"""The curator's editor's operations on items: edit, create and delete, each recorded.

:func:`edit_item` is the one function the curator's editor calls to change an item: it
validates (raising :class:`~exhibition_app.operations.item_changes.ValidationError` with a
message per field), applies, bumps ``updated_at``, refreshes the search index and records a
revision, all in the caller's transaction (``with catalog.session() as s``), so the change
and its revision are committed together or not at all. What each field accepts is in
:mod:`exhibition_app.operations.item_changes`; revisions, history and restoring are in
:mod:`exhibition_app.operations.history`. No Qt here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from exhibition_app.db.dialect import allocate_id
from exhibition_app.db.models import KINDS, Item, Revision
from exhibition_app.db.search import remove_from_index
from exhibition_app.operations.history import UserRef, ensure_baseline, record
from exhibition_app.operations.ingest import generated_accession_number
from exhibition_app.operations.item_changes import (
    ValidationError,
    apply_plan,
    changed_fields,
    plan_changes,
)
from exhibition_app.operations.queries import get_item

__all__ = ["create_item", "delete_item", "edit_item"]


def _summary(parts: list[str], prefix: str = "changed") -> str:
    return f"{prefix} {', '.join(parts)}" if parts else prefix


def edit_item(session: Session, item_id: int, changes: Mapping[str, Any], user: UserRef) -> Item:
    """Validate and apply ``changes`` to an item and record a revision; returns the item.

    ``changes`` maps fields to new values: the columns in :data:`SCALAR_FIELDS` (``None`` or
    ``""`` clears; ``date_edtf`` takes a curator's date or EDTF and sets ``date_earliest``
    and ``date_latest``; ``country`` is an ISO code; ``rights`` a licence URI), ``texts`` as
    ``{field: {lang: text}}`` (only the named languages change; empty text removes one),
    ``tags`` (the new set), ``media`` (media ids, in order: the item's pictures become
    exactly these), ``relations`` (``[{"relation": ..., "object_id": ...}]``, the new set).
    ``published`` cannot change here: use exhibition_app.operations.publishing.

    Raises ValidationError (``errors``: field -> message) and changes nothing if any value
    is refused; an edit that changes nothing records nothing.
    """
    item = get_item(session, item_id)
    plan, errors = plan_changes(session, item, changes)
    if errors:
        raise ValidationError(errors)
    parts = changed_fields(item, plan)
    if not parts:
        return item
    ensure_baseline(session, "item", item.id)
    apply_plan(session, item, plan)
    record(session, "item", item.id, user, "update", _summary(parts))
    return item


def _next_item_id(session: Session) -> int:
    """One above every item id ever used, so a new item never inherits a deleted one's
    history (SQLite would otherwise reuse the highest id after a deletion)."""
    top_revision = (
        session.scalar(select(func.max(Revision.entity_id)).where(Revision.entity == "item")) or 0
    )
    top_item = session.scalar(select(func.max(Item.id))) or 0
    floor = max(top_item, top_revision) + 1
    # On a server, from the sequence: two curators creating at once get different ids.
    allocated = allocate_id(session, "item", "id", floor=floor)
    return allocated if allocated is not None else floor


def create_item(session: Session, fields: Mapping[str, Any], user: UserRef) -> Item:
    """A new draft item from ``fields`` (as for :func:`edit_item`; ``kind`` and a title are
    required, the accession number is generated when not given), with a ``create`` revision.
    """
    wanted = dict(fields)
    wanted.setdefault("accession_number", generated_accession_number())
    plan, errors = plan_changes(session, None, wanted)
    if "kind" not in wanted:
        errors.setdefault("kind", f"choose a kind: {', '.join(KINDS)}")
    if errors:
        raise ValidationError(errors)
    parts = changed_fields(None, plan)
    item = Item(
        id=_next_item_id(session),
        kind=plan.scalars["kind"],
        accession_number=plan.scalars["accession_number"],
        published=False,
        featured=False,
    )
    session.add(item)
    apply_plan(session, item, plan)
    record(session, "item", item.id, user, "create", _summary(parts, "created with"))
    return item


def delete_item(session: Session, item_id: int, user: UserRef) -> dict[str, Any]:
    """Delete an item (its annotations, links and section places go with it); the ``delete``
    revision keeps it as it was, so :func:`restore_item` can bring it back. Returns that
    snapshot."""
    item = get_item(session, item_id)
    title = next(iter(item.text_map("title").values()), item.accession_number)
    revision = record(session, "item", item_id, user, "delete", f"deleted '{title}'")
    session.delete(item)
    session.flush()
    remove_from_index(session, [item_id])
    return json.loads(revision.snapshot or "null") or {}
