"""Revision history: every change to an item or exhibition is a revision with who, when
and what, and any revision of an item can be restored.

:func:`record` is what operations call after their own changes (item editing in
:mod:`exhibition_app.operations.items`, the exhibition editor, media operations,
publishing), in the caller's transaction (``with catalog.session() as s``), so the change
and its revision are committed together or not at all.

A revision keeps a JSON snapshot of the whole entity *after* the change (for a ``delete``,
as it was when deleted), so any revision can be restored (:func:`restore_item`). An item
that has no revision yet (imported, or from the sample catalogue) first gets a baseline
revision of how it was, action ``import``, dated by its ``updated_at``, so the first edit
can be undone from the history too. No Qt here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exhibition_app.db.dialect import note_explicit_id
from exhibition_app.db.models import (
    REVISION_ACTIONS,
    REVISION_ENTITIES,
    Exhibition,
    Item,
    Media,
    Revision,
    User,
    utcnow,
)
from exhibition_app.errors import CatalogError, not_found
from exhibition_app.operations.item_changes import (
    ValidationError,
    apply_plan,
    changed_fields,
    georef_value,
    plan_changes,
)

__all__ = [
    "RestoreReport",
    "UserRef",
    "ensure_baseline",
    "history",
    "record",
    "resolve_user",
    "restore_item",
    "revision_snapshot",
    "snapshot_exhibition",
    "snapshot_item",
]

#: Who made a change: an account, its name (the signed-in curator), or None (the system).
UserRef = User | str | None

SUMMARY_MAX = 500
BASELINE_SUMMARY = "as it was before the first recorded change"


# -- snapshots -------------------------------------------------------------------------------


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:  # SQLite gives back naive datetimes; they are stored in UTC
        value = value.replace(tzinfo=UTC)
    return value.isoformat()


def _texts_of(owner: Any) -> dict[str, dict[str, str]]:
    texts: dict[str, dict[str, str]] = {}
    for row in sorted(owner.texts, key=lambda t: (t.field, t.lang)):
        if row.value:
            texts.setdefault(row.field, {})[row.lang] = row.value
    return texts


def snapshot_item(item: Item) -> dict[str, Any]:
    """Every field of ``item`` as plain JSON data: what a revision keeps."""
    links = sorted(item.media_links, key=lambda link: link.position)
    return {
        "id": item.id,
        "kind": item.kind,
        "accession_number": item.accession_number,
        "country": item.country,
        "date_edtf": item.date_edtf,
        "date_earliest": item.date_earliest,
        "date_latest": item.date_latest,
        "rights": item.rights,
        "source": item.source,
        "published": bool(item.published),
        "featured": bool(item.featured),
        "cover_media_id": item.cover_media_id,
        "georef": georef_value(item.georef),
        "texts": _texts_of(item),
        "tags": item.tags,
        "media": [link.media_id for link in links],
        "relations": sorted(
            ({"relation": r.relation, "object_id": r.object_id} for r in item.relations),
            key=lambda r: (r["relation"], r["object_id"]),
        ),
        "created_at": _iso(item.created_at),
        "updated_at": _iso(item.updated_at),
    }


def snapshot_exhibition(exhibition: Exhibition) -> dict[str, Any]:
    """An exhibition with its texts and its sections (texts and item ids, in order)."""
    return {
        "id": exhibition.id,
        "key": exhibition.key,
        "published": bool(exhibition.published),
        "texts": _texts_of(exhibition),
        "sections": [
            {
                "id": s.id,
                "position": s.position,
                "texts": _texts_of(s),
                "items": list(s.item_ids),
            }
            for s in sorted(exhibition.sections, key=lambda s: s.position)
        ],
        "created_at": _iso(exhibition.created_at),
        "updated_at": _iso(exhibition.updated_at),
    }


def _snapshot(session: Session, entity: str, entity_id: int) -> dict[str, Any] | None:
    if entity == "item":
        item = session.get(Item, entity_id)
        return snapshot_item(item) if item is not None else None
    exhibition = session.get(Exhibition, entity_id)
    return snapshot_exhibition(exhibition) if exhibition is not None else None


# -- recording -------------------------------------------------------------------------------


def resolve_user(session: Session, user: UserRef) -> tuple[int | None, str | None]:
    """(account id or None, name or None) of whoever ``user`` stands for."""
    if isinstance(user, User):
        return user.id, user.name
    if isinstance(user, str) and user.strip():
        name = user.strip()
        return session.scalar(select(User.id).where(User.name == name)), name
    return None, None


def record(
    session: Session,
    entity: str,
    entity_id: int,
    user: UserRef,
    action: str,
    summary: str | None = None,
    *,
    at: datetime | None = None,
) -> Revision:
    """Record a revision of ``entity`` (``"item"`` or ``"exhibition"``) in the caller's
    transaction, with a snapshot of it as it is now (pending changes included).

    Call it after applying a change (before deleting, for a ``delete``), in the same
    transaction, so both are committed together or not at all.
    """
    if entity not in REVISION_ENTITIES:
        raise CatalogError(f"unknown kind of revision '{entity}'")
    if action not in REVISION_ACTIONS:
        raise CatalogError(f"unknown revision action '{action}'")
    session.flush()
    snapshot = _snapshot(session, entity, entity_id)
    user_id, user_name = resolve_user(session, user)
    if summary is not None and len(summary) > SUMMARY_MAX:
        summary = summary[: SUMMARY_MAX - 1] + "…"
    revision = Revision(
        entity=entity,
        entity_id=entity_id,
        user_id=user_id,
        user_name=user_name,
        at=at or utcnow(),
        action=action,
        summary=summary,
        snapshot=json.dumps(snapshot, ensure_ascii=False, sort_keys=True)
        if snapshot is not None
        else None,
    )
    session.add(revision)
    session.flush()
    return revision


def ensure_baseline(session: Session, entity: str, entity_id: int) -> Revision | None:
    """Before the first recorded change of an entity, record how it is now (action
    ``import``, no user, dated by its ``updated_at``); None if it already has history."""
    has_history = session.scalar(
        select(Revision.id)
        .where(Revision.entity == entity, Revision.entity_id == entity_id)
        .limit(1)
    )
    if has_history is not None:
        return None
    owner: Item | Exhibition | None = (
        session.get(Item, entity_id) if entity == "item" else session.get(Exhibition, entity_id)
    )
    if owner is None:
        return None
    return record(session, entity, entity_id, None, "import", BASELINE_SUMMARY, at=owner.updated_at)


def history(session: Session, entity: str, entity_id: int) -> list[dict[str, Any]]:
    """Every revision of the entity, newest first: id, at (ISO 8601, UTC), user_name,
    action and summary."""
    rows = session.execute(
        select(Revision.id, Revision.at, Revision.user_name, Revision.action, Revision.summary)
        .where(Revision.entity == entity, Revision.entity_id == entity_id)
        .order_by(Revision.id.desc())
    )
    return [
        {"id": rid, "at": _iso(at), "user_name": name, "action": action, "summary": summary}
        for rid, at, name, action, summary in rows
    ]


def revision_snapshot(session: Session, revision_id: int) -> dict[str, Any] | None:
    """The snapshot a revision keeps (None for a revision recorded after a deletion)."""
    revision = session.get(Revision, revision_id)
    if revision is None:
        raise not_found("revision", revision_id)
    return json.loads(revision.snapshot) if revision.snapshot else None


# -- restoring -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreReport:
    """What :func:`restore_item` did: what changed, and what could not come back."""

    item_id: int
    revision_id: int
    changed: list[str]
    missing_media: list[int]
    missing_related: list[int]
    recreated: bool = False

    @property
    def problems(self) -> list[str]:
        messages = [f"picture {m} no longer exists" for m in self.missing_media]
        messages += [f"related item {i} no longer exists" for i in self.missing_related]
        return messages


def restore_item(session: Session, revision_id: int, user: UserRef) -> RestoreReport:
    """Bring an item back to how a revision recorded it and record a ``restore`` revision.

    Fields, texts (every language), tags, pictures in order, cover, relations and
    georeference are restored; the published state is not (publishing is its own act). A
    deleted item is re-created as a draft under its old id. Pictures or related items that
    no longer exist are left out and reported in the result, never an error. Raises
    ValidationError when the old state no longer fits (e.g. its accession number is now
    used by another item).
    """
    revision = session.get(Revision, revision_id)
    if revision is None:
        raise not_found("revision", revision_id)
    if revision.entity != "item":
        raise CatalogError(f"revision {revision_id} is about an {revision.entity}, not an item")
    if not revision.snapshot:
        raise CatalogError(f"revision {revision_id} keeps no state to restore")
    snap = json.loads(revision.snapshot)
    item_id = revision.entity_id
    item = session.get(Item, item_id)
    if item is not None:
        last = session.scalar(
            select(Revision.action)
            .where(Revision.entity == "item", Revision.entity_id == item_id)
            .order_by(Revision.id.desc())
            .limit(1)
        )
        if last == "delete":
            raise CatalogError(
                f"item {item_id} was deleted and its number now belongs to another item; "
                "the old item cannot be restored over it"
            )
    media = [m for m in snap.get("media", []) if isinstance(m, int)]
    known_media = set(session.scalars(select(Media.id).where(Media.id.in_(media))))
    missing_media = [m for m in media if m not in known_media]
    relations = [
        (r["relation"], r["object_id"])
        for r in snap.get("relations", [])
        if isinstance(r, Mapping) and "relation" in r and "object_id" in r
    ]
    targets = {o for _r, o in relations}
    known_items = set(session.scalars(select(Item.id).where(Item.id.in_(targets))))
    missing_related = sorted(targets - known_items)
    cover = snap.get("cover_media_id")
    if cover not in known_media:
        cover = None
        if snap.get("cover_media_id") is not None and snap["cover_media_id"] not in missing_media:
            missing_media.append(snap["cover_media_id"])
    old_texts: dict[str, dict[str, str]] = snap.get("texts", {})
    texts: dict[str, dict[str, str | None]] = {f: dict(v) for f, v in old_texts.items()}
    if item is not None:
        for row in item.texts:
            if row.lang not in old_texts.get(row.field, {}):
                texts.setdefault(row.field, {})[row.lang] = None
    changes: dict[str, Any] = {
        "kind": snap.get("kind"),
        "accession_number": snap.get("accession_number"),
        "country": snap.get("country"),
        "date_edtf": snap.get("date_edtf"),
        "rights": snap.get("rights"),
        "source": snap.get("source"),
        "featured": bool(snap.get("featured", False)),
        "georef": snap.get("georef"),
        "texts": texts,
        "tags": list(snap.get("tags", [])),
        "media": [m for m in media if m in known_media],
        "cover_media_id": cover,
        "relations": [(r, o) for r, o in relations if o in known_items],
    }
    plan, errors = plan_changes(session, item, changes, strict=False)
    if errors:
        raise ValidationError(errors)
    recreated = item is None
    if item is None:
        item = Item(
            id=item_id,
            kind=plan.scalars["kind"],
            accession_number=plan.scalars["accession_number"],
            published=False,
            featured=False,
        )
        session.add(item)
        note_explicit_id(session, "item", "id", item_id)
        parts = ["re-created"]
    else:
        parts = changed_fields(item, plan)
    apply_plan(session, item, plan)
    when = str(_iso(revision.at))[:16].replace("T", " ")
    report = RestoreReport(
        item_id, revision_id, parts, sorted(missing_media), missing_related, recreated
    )
    summary = f"restored the version of {when} (revision {revision_id})"
    if parts:
        summary += ": " + ", ".join(parts)
    if report.problems:
        summary += "; " + "; ".join(report.problems)
    record(session, "item", item_id, user, "restore", summary)
    return report
