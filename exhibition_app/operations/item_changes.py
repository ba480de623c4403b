"""Checking and applying a set of changes to an item: what each field accepts.

:func:`plan_changes` validates a mapping of field -> new value against an item (or a new
one) and returns a :class:`ChangePlan` with the values normalised, plus a message per refused
field (:class:`ValidationError` carries them to the caller). :func:`changed_fields` names what
a plan would change, for a revision's summary, and :func:`apply_plan` applies it, bumps
``updated_at`` and refreshes the search index. Recording the change is the caller's part
(:mod:`exhibition_app.operations.items`, :mod:`exhibition_app.operations.history`). No Qt here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exhibition_app.core.countries import is_country
from exhibition_app.core.edtf import DateParseError, parse_date
from exhibition_app.core.georef import GeorefError, from_json
from exhibition_app.core.languages import is_text_language, text_languages
from exhibition_app.core.licences import is_licence_uri
from exhibition_app.db.models import (
    ITEM_TEXT_FIELDS,
    KINDS,
    RELATIONS,
    Item,
    ItemMedia,
    ItemRelation,
    Media,
    utcnow,
)
from exhibition_app.db.search import reindex_items
from exhibition_app.errors import CatalogError, not_found

__all__ = [
    "COLLECTION_FIELDS",
    "SCALAR_FIELDS",
    "ChangePlan",
    "ValidationError",
    "apply_plan",
    "changed_fields",
    "georef_value",
    "plan_changes",
]

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


class ValidationError(CatalogError):
    """Changes that cannot be applied; ``errors`` maps a field to its message.

    Keys are the names ``edit_item`` takes: ``accession_number``, ``date_edtf``, ``rights``,
    ``kind``, ``country``, ``tags``, ``media``, ``cover_media_id``, ``relations``, ``georef``,
    and ``texts.<field>.<lang>`` (or ``texts.title`` when no language is involved).
    """

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors: dict[str, str] = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))


def georef_value(raw: str | None) -> Any:
    """A stored georeference as JSON data (the text itself when it is not valid JSON)."""
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw


@dataclass
class ChangePlan:
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


def plan_changes(
    session: Session,
    item: Item | None,
    changes: Mapping[str, Any],
    *,
    strict: bool = True,
) -> tuple[ChangePlan, dict[str, str]]:
    """Check ``changes`` against ``item`` (None: a new item); returns (plan, errors)."""
    plan = ChangePlan()
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
    plan: ChangePlan,
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


def _plan_texts(value: Any, plan: ChangePlan, errors: dict[str, str], *, strict: bool) -> None:
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
            if strict and not is_text_language(lang, text_field):
                errors[key] = (
                    f"unknown language '{lang}': use one of {', '.join(text_languages(text_field))}"
                )
                continue
            if text is not None and not isinstance(text, str):
                errors[key] = "a text must be a string"
                continue
            plan.texts[(text_field, lang)] = (text or "").strip() or None


def _plan_media(
    session: Session, value: Any, plan: ChangePlan, errors: dict[str, str], *, strict: bool
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
    session: Session, item_id: int | None, value: Any, plan: ChangePlan, errors: dict[str, str]
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
        errors["relations"] = str(not_found("item", ", ".join(map(str, missing))))
        return
    plan.relations = sorted(pairs)


def changed_fields(item: Item | None, plan: ChangePlan) -> list[str]:
    """What the plan changes, for the revision summary, e.g. ``["title (en, kk)", "tags"]``."""
    parts: list[str] = []
    for key, value in plan.scalars.items():
        if key in ("date_earliest", "date_latest"):
            continue
        current = getattr(item, key) if item is not None else None
        if key == "georef":
            current, value = georef_value(current), georef_value(value)
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


def apply_plan(session: Session, item: Item, plan: ChangePlan) -> None:
    """Apply a checked plan to ``item``, bump ``updated_at`` and refresh the search index."""
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
