"""Changing items with an audit trail: every change is a revision with who, when and what.

:func:`edit_item` is the one function the curator's editor calls to change an item: it
validates (raising :class:`ValidationError` with a message per field), applies, bumps
``updated_at``, refreshes the search index and records a revision, all in the caller's
transaction (``with catalog.session() as s``), so the change and its revision are committed
together or not at all. :func:`record` is what other operations call after their own
changes (the exhibition editor, media operations, publishing).

A revision keeps a JSON snapshot of the whole entity *after* the change (for a ``delete``,
as it was when deleted), so any revision can be restored (:func:`restore_item`). An item
that has no revision yet (imported, or from the sample catalogue) first gets a baseline
revision of how it was, action ``import``, dated by its ``updated_at``, so the first edit
can be undone from the history too. No Qt here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from exhibition_app.core.countries import is_country
from exhibition_app.core.edtf import DateParseError, parse_date
from exhibition_app.core.georef import GeorefError, from_json
from exhibition_app.core.languages import LANGUAGES
from exhibition_app.core.licences import is_licence_uri
from exhibition_app.db.dialect import allocate_id, note_explicit_id
from exhibition_app.db.models import (
    ITEM_TEXT_FIELDS,
    KINDS,
    RELATIONS,
    REVISION_ACTIONS,
    REVISION_ENTITIES,
    Exhibition,
    Item,
    ItemMedia,
    ItemRelation,
    Media,
    Revision,
    User,
    utcnow,
)
from exhibition_app.db.search import reindex_items, remove_from_index
from exhibition_app.errors import CatalogError, not_found

__all__ = [
    "SCALAR_FIELDS",
    "RestoreReport",
    "UserRef",
    "ValidationError",
    "create_item",
    "delete_item",
    "edit_item",
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

#: Item columns ``edit_item`` accepts directly (``date_edtf`` also sets earliest/latest).
SCALAR_FIELDS: tuple[str, ...] = (
    "kind",
    "accession_number",
    "country",
    "date_edtf",
    "rights",
    "source",
    "featured",
    "georef",
    "cover_media_id",
)
#: Collections ``edit_item`` accepts: texts merge per (field, lang); the others replace.
COLLECTION_FIELDS: tuple[str, ...] = ("texts", "tags", "media", "relations")
SUMMARY_MAX = 500
BASELINE_SUMMARY = "as it was before the first recorded change"


class ValidationError(CatalogError):
    """Changes that cannot be applied; ``errors`` maps a field to its message.

    Keys are the names ``edit_item`` takes: ``accession_number``, ``date_edtf``, ``rights``,
    ``kind``, ``country``, ``tags``, ``media``, ``cover_media_id``, ``relations``, ``georef``,
    and ``texts.<field>.<lang>`` (or ``texts.title`` when no language is involved).
    """

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors: dict[str, str] = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))


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


def _georef_value(raw: str | None) -> Any:
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw


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
        "georef": _georef_value(item.georef),
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


# -- validating and applying item changes ----------------------------------------------------


@dataclass
class _Plan:
    """Validated, normalised changes."""

    scalars: dict[str, Any] = field(default_factory=dict)
    texts: dict[tuple[str, str], str | None] = field(default_factory=dict)
    tags: list[str] | None = None
    media: list[int] | None = None
    relations: list[tuple[str, int]] | None = None


def _clean_str(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError
    return value.strip() or None


def _plan(
    session: Session,
    item: Item | None,
    changes: Mapping[str, Any],
    *,
    strict: bool = True,
) -> tuple[_Plan, dict[str, str]]:
    """Check ``changes`` against ``item`` (None: a new item); returns (plan, errors)."""
    plan = _Plan()
    errors: dict[str, str] = {}
    item_id = item.id if item is not None else None
    if not isinstance(changes, Mapping):
        return plan, {"": "the changes must be a mapping of field to value"}
    for key, value in changes.items():
        try:
            _plan_one(session, item, item_id, key, value, plan, errors, strict=strict)
        except TypeError:
            errors[key] = f"{key} has a value of the wrong type ({type(value).__name__})"
    # A title in at least one language, whenever titles are touched (or the item is new).
    touched = [lang for (f, lang) in plan.texts if f == "title"]
    if touched or item is None:
        titles = dict(item.text_map("title")) if item is not None else {}
        for (f, lang), value in plan.texts.items():
            if f == "title":
                titles[lang] = value or ""
        if not any(v.strip() for v in titles.values()):
            message = "an item needs a title in at least one language"
            keys = [f"texts.title.{lang}" for lang in touched] or ["texts.title"]
            for key in keys:
                errors.setdefault(key, message)
    # The cover must be one of the item's pictures (as they will be).
    if "cover_media_id" in plan.scalars and plan.scalars["cover_media_id"] is not None:
        pictures = (
            plan.media
            if plan.media is not None
            else ([link.media_id for link in item.media_links] if item is not None else [])
        )
        if plan.scalars["cover_media_id"] not in pictures:
            errors.setdefault("cover_media_id", "the cover must be one of the item's pictures")
    return plan, errors


def _plan_one(
    session: Session,
    item: Item | None,
    item_id: int | None,
    key: str,
    value: Any,
    plan: _Plan,
    errors: dict[str, str],
    *,
    strict: bool,
) -> None:
    if key == "kind":
        if value not in KINDS:
            errors[key] = f"the kind must be one of {', '.join(KINDS)}"
        else:
            plan.scalars[key] = value
    elif key == "accession_number":
        number = _clean_str(value)
        if number is None:
            errors[key] = "an item needs an accession number"
        elif len(number) > 64:
            errors[key] = "an accession number has at most 64 characters"
        else:
            other = session.scalar(
                select(Item.id).where(Item.accession_number == number, Item.id != (item_id or -1))
            )
            if other is not None:
                errors[key] = f"accession number '{number}' is already used by item {other}"
            else:
                plan.scalars[key] = number
    elif key == "country":
        code = _clean_str(value)
        code = code.upper() if code else None
        if code is not None and not is_country(code):
            errors[key] = "use a two-letter ISO 3166 country code such as KZ or MN"
        else:
            plan.scalars[key] = code
    elif key == "date_edtf":
        text = _clean_str(value)
        if text is None:
            plan.scalars.update(date_edtf=None, date_earliest=None, date_latest=None)
        else:
            try:
                spec = parse_date(text)
            except DateParseError as exc:
                errors[key] = str(exc)
            else:
                plan.scalars.update(
                    date_edtf=spec.edtf, date_earliest=spec.earliest, date_latest=spec.latest
                )
    elif key == "rights":
        uri = _clean_str(value)
        if uri is not None and not is_licence_uri(uri):
            errors[key] = (
                "a licence must be a web address (URI), "
                "e.g. https://creativecommons.org/licenses/by/4.0/"
            )
        else:
            plan.scalars[key] = uri
    elif key == "source":
        plan.scalars[key] = _clean_str(value)
    elif key == "featured":
        if not isinstance(value, bool):
            raise TypeError
        plan.scalars[key] = value
    elif key == "georef":
        plan.scalars[key] = _plan_georef(value, errors)
    elif key == "cover_media_id":
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise TypeError
        plan.scalars[key] = value
    elif key == "published":
        current = bool(item.published) if item is not None else False
        if value != current:
            errors[key] = "publish or unpublish instead (the kiosks pick up a publication)"
    elif key == "texts":
        _plan_texts(value, plan, errors, strict=strict)
    elif key == "tags":
        if isinstance(value, str) or not isinstance(value, Iterable):
            raise TypeError
        tags = [_clean_str(t) for t in value]
        if any(t is not None and len(t) > 64 for t in tags):
            errors[key] = "a tag has at most 64 characters"
        else:
            plan.tags = sorted({t for t in tags if t})
    elif key == "media":
        _plan_media(session, value, plan, errors, strict=strict)
    elif key == "relations":
        _plan_relations(session, item_id, value, plan, errors)
    else:
        errors[key] = "not a field that can be changed here"


def _plan_georef(value: Any, errors: dict[str, str]) -> str | None:
    if value is None or value == "":
        return None
    data = value
    if isinstance(value, str):
        try:
            data = json.loads(value)
        except ValueError:
            errors["georef"] = "the georeference is not valid JSON"
            return None
    try:
        from_json(data, width=1.0, height=1.0)  # only to check it; the size does not matter
    except GeorefError as exc:
        errors["georef"] = str(exc)
        return None
    return json.dumps(data, ensure_ascii=False)


def _plan_texts(value: Any, plan: _Plan, errors: dict[str, str], *, strict: bool) -> None:
    if not isinstance(value, Mapping):
        raise TypeError
    for text_field, per_lang in value.items():
        if strict and text_field not in ITEM_TEXT_FIELDS:
            errors[f"texts.{text_field}"] = "not a text field of an item"
            continue
        if not isinstance(per_lang, Mapping):
            errors[f"texts.{text_field}"] = "expected texts per language"
            continue
        for lang, text in per_lang.items():
            key = f"texts.{text_field}.{lang}"
            if strict and lang not in LANGUAGES:
                errors[key] = f"unknown language '{lang}': use one of {', '.join(LANGUAGES)}"
                continue
            if text is not None and not isinstance(text, str):
                errors[key] = "a text must be a string"
                continue
            plan.texts[(text_field, lang)] = (text or "").strip() or None


def _plan_media(
    session: Session, value: Any, plan: _Plan, errors: dict[str, str], *, strict: bool
) -> None:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise TypeError
    ids = list(value)
    if any(isinstance(i, bool) or not isinstance(i, int) for i in ids):
        raise TypeError
    if len(set(ids)) != len(ids):
        errors["media"] = "a picture appears twice"
        return
    known = set(session.scalars(select(Media.id).where(Media.id.in_(ids)))) if ids else set()
    missing = [i for i in ids if i not in known]
    if missing and strict:
        errors["media"] = f"no picture with id {', '.join(map(str, missing))}"
        return
    plan.media = [i for i in ids if i in known]


def _plan_relations(
    session: Session, item_id: int | None, value: Any, plan: _Plan, errors: dict[str, str]
) -> None:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise TypeError
    pairs: list[tuple[str, int]] = []
    for entry in value:
        if isinstance(entry, Mapping):
            relation, object_id = entry.get("relation"), entry.get("object_id")
        elif isinstance(entry, list | tuple) and len(entry) == 2:
            relation, object_id = entry
        else:
            raise TypeError
        if relation not in RELATIONS:
            errors["relations"] = f"a relation must be one of {', '.join(RELATIONS)}"
            return
        if isinstance(object_id, bool) or not isinstance(object_id, int):
            raise TypeError
        if object_id == item_id:
            errors["relations"] = "an item cannot be related to itself"
            return
        if (relation, object_id) not in pairs:
            pairs.append((relation, object_id))
    targets = {o for _r, o in pairs}
    known = set(session.scalars(select(Item.id).where(Item.id.in_(targets)))) if targets else set()
    missing = sorted(targets - known)
    if missing:
        errors["relations"] = f"no item with id {', '.join(map(str, missing))}"
        return
    plan.relations = sorted(pairs)


def _changed(item: Item | None, plan: _Plan) -> list[str]:
    """What the plan changes, for the revision summary, e.g. ``["title (en, kk)", "tags"]``."""
    parts: list[str] = []
    for key, value in plan.scalars.items():
        if key in ("date_earliest", "date_latest"):
            continue
        current = getattr(item, key) if item is not None else None
        if key == "georef":
            current, value = _georef_value(current), _georef_value(value)
        if item is None or current != value:
            parts.append(key)
    langs: dict[str, list[str]] = {}
    for (text_field, lang), value in plan.texts.items():
        current = item.text_map(text_field).get(lang) if item is not None else None
        if (current or None) != value:
            langs.setdefault(text_field, []).append(lang)
    order = {f: i for i, f in enumerate(ITEM_TEXT_FIELDS)}
    for text_field in sorted(langs, key=lambda f: (order.get(f, 99), f)):
        parts.append(f"{text_field} ({', '.join(sorted(langs[text_field]))})")
    if plan.tags is not None and (item is None or plan.tags != item.tags):
        parts.append("tags")
    if plan.media is not None:
        current_media = (
            [lk.media_id for lk in sorted(item.media_links, key=lambda lk: lk.position)]
            if item is not None
            else []
        )
        if plan.media != current_media:
            parts.append("pictures")
    if plan.relations is not None:
        current_rel = (
            sorted((r.relation, r.object_id) for r in item.relations) if item is not None else []
        )
        if plan.relations != current_rel:
            parts.append("relations")
    return parts


def _apply(session: Session, item: Item, plan: _Plan) -> None:
    for key, value in plan.scalars.items():
        setattr(item, key, value)
    for (text_field, lang), value in plan.texts.items():
        item.set_text(text_field, lang, value)
    if plan.tags is not None:
        item.set_tags(plan.tags)
    if plan.media is not None:
        links = {link.media_id: link for link in item.media_links}
        for old in list(item.media_links):
            if old.media_id not in plan.media:
                item.media_links.remove(old)
        for position, media_id in enumerate(plan.media):
            link = links.get(media_id)
            if link is None:
                item.media_links.append(ItemMedia(media_id=media_id, position=position))
            else:
                link.position = position
        item.media_links.sort(key=lambda lk: lk.position)
        if item.cover_media_id is not None and item.cover_media_id not in plan.media:
            item.cover_media_id = None  # the first picture is the cover (Item.cover_media)
    if plan.relations is not None:
        wanted = set(plan.relations)
        for rel in list(item.relations):
            if (rel.relation, rel.object_id) not in wanted:
                item.relations.remove(rel)
        have = {(r.relation, r.object_id) for r in item.relations}
        for relation, object_id in plan.relations:
            if (relation, object_id) not in have:
                item.relations.append(ItemRelation(relation=relation, object_id=object_id))
    item.updated_at = utcnow()
    session.flush()
    # The cover was set through its column: let the relationship follow it.
    session.expire(item, ["cover"])
    reindex_items(session, [item])


def _item(session: Session, item_id: int) -> Item:
    item = session.get(Item, item_id)
    if item is None:
        raise not_found("item", item_id)
    return item


def _summary(parts: list[str], prefix: str = "changed") -> str:
    return f"{prefix} {', '.join(parts)}" if parts else prefix


# -- the editor's operations -----------------------------------------------------------------


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
    item = _item(session, item_id)
    plan, errors = _plan(session, item, changes)
    if errors:
        raise ValidationError(errors)
    parts = _changed(item, plan)
    if not parts:
        return item
    ensure_baseline(session, "item", item.id)
    _apply(session, item, plan)
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
    from exhibition_app.operations.ingest import generated_accession_number

    wanted = dict(fields)
    wanted.setdefault("accession_number", generated_accession_number())
    plan, errors = _plan(session, None, wanted)
    if "kind" not in wanted:
        errors.setdefault("kind", f"choose a kind: {', '.join(KINDS)}")
    if errors:
        raise ValidationError(errors)
    parts = _changed(None, plan)
    item = Item(
        id=_next_item_id(session),
        kind=plan.scalars["kind"],
        accession_number=plan.scalars["accession_number"],
        published=False,
        featured=False,
    )
    session.add(item)
    _apply(session, item, plan)
    record(session, "item", item.id, user, "create", _summary(parts, "created with"))
    return item


def delete_item(session: Session, item_id: int, user: UserRef) -> dict[str, Any]:
    """Delete an item (its annotations, links and section places go with it); the ``delete``
    revision keeps it as it was, so :func:`restore_item` can bring it back. Returns that
    snapshot."""
    item = _item(session, item_id)
    title = next(iter(item.text_map("title").values()), item.accession_number)
    revision = record(session, "item", item_id, user, "delete", f"deleted '{title}'")
    session.delete(item)
    session.flush()
    remove_from_index(session, [item_id])
    return json.loads(revision.snapshot or "null") or {}


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
    plan, errors = _plan(session, item, changes, strict=False)
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
        parts = _changed(item, plan)
    _apply(session, item, plan)
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
