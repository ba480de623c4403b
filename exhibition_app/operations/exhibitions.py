"""Editing exhibitions as a whole: texts in every language, sections in order, items in order.

The editor works on a plain ``state`` dict (what ``exhibition_state`` returns); every change is
"apply this state" in one transaction, so undo is simply applying the state before. Each
application records a revision with the curator's name.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exhibition_app.core.languages import text_languages
from exhibition_app.db.models import (
    EXHIBITION_TEXT_FIELDS,
    SECTION_TEXT_FIELDS,
    Exhibition,
    Item,
    Section,
    SectionItem,
)
from exhibition_app.errors import CatalogError, not_found

State = dict[str, Any]
KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def _texts(owner: Any, fields: tuple[str, ...]) -> dict[str, dict[str, str]]:
    return {f: owner.text_map(f) for f in fields}


def _exhibition(session: Session, exhibition_id: int) -> Exhibition:
    ex = session.get(Exhibition, exhibition_id)
    if ex is None:
        raise not_found("exhibition", exhibition_id)
    return ex


def exhibition_state(session: Session, exhibition_id: int) -> State:
    ex = _exhibition(session, exhibition_id)
    return {
        "id": ex.id,
        "key": ex.key,
        "published": ex.published,
        "texts": _texts(ex, EXHIBITION_TEXT_FIELDS),
        "sections": [
            {"id": s.id, "texts": _texts(s, SECTION_TEXT_FIELDS), "items": list(s.item_ids)}
            for s in ex.sections
        ],
    }


def list_exhibition_states(session: Session) -> list[State]:
    ids = session.scalars(select(Exhibition.id).order_by(Exhibition.id))
    return [exhibition_state(session, i) for i in ids]


def validate_state(session: Session, state: State) -> dict[str, str]:
    """Problems by field ("key", "texts.title", "sections.2.items"); empty when fine."""
    errors: dict[str, str] = {}
    key = str(state.get("key", ""))
    if not KEY_RE.match(key):
        errors["key"] = "use lower-case letters, digits and dashes, e.g. 'then-and-now'"
    else:
        other = session.scalar(
            select(Exhibition.id).where(Exhibition.key == key, Exhibition.id != state.get("id"))
        )
        if other is not None:
            errors["key"] = f"exhibition {other} already uses the key '{key}'"
    texts = state.get("texts", {})
    if not any(v.strip() for v in texts.get("title", {}).values()):
        errors["texts.title"] = "an exhibition needs a title in at least one language"
    known = set(session.scalars(select(Item.id)))
    for i, section in enumerate(state.get("sections", [])):
        missing = [x for x in section.get("items", []) if x not in known]
        if missing:
            errors[f"sections.{i}.items"] = str(not_found("item", ", ".join(map(str, missing))))
        if len(set(section.get("items", []))) != len(section.get("items", [])):
            errors[f"sections.{i}.items"] = "an item appears twice in the section"
        for field, values in section.get("texts", {}).items():
            if field not in SECTION_TEXT_FIELDS or set(values) - set(text_languages(field)):
                errors[f"sections.{i}.texts"] = f"unknown text field or language in {field}"
    return errors


class ExhibitionInvalid(CatalogError):
    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


def apply_state(session: Session, state: State, user: str | None, summary: str = "") -> int:
    """Make the exhibition ``state["id"]`` look exactly like ``state``; returns its id."""
    errors = validate_state(session, state)
    if errors:
        raise ExhibitionInvalid(errors)
    ex = _exhibition(session, int(state["id"]))
    _baseline(session, ex.id)
    ex.key = state["key"]
    _set_texts(ex, EXHIBITION_TEXT_FIELDS, state.get("texts", {}))
    existing = {s.id: s for s in ex.sections}
    keep: list[Section] = []
    for position, data in enumerate(state.get("sections", [])):
        section = existing.pop(data.get("id"), None) if data.get("id") else None
        if section is None:
            section = Section(position=position)
            ex.sections.append(section)
        section.position = position
        _set_texts(section, SECTION_TEXT_FIELDS, data.get("texts", {}))
        # Reuse link rows (their primary key is section+item): a delete and a re-insert of
        # the same key in one flush would collide.
        links = {link.item_id: link for link in section.item_links}
        wanted = list(data["items"])
        for old in list(section.item_links):
            if old.item_id not in wanted:
                section.item_links.remove(old)
        for i, item_id in enumerate(wanted):
            found = links.get(item_id)
            if found is None:
                section.item_links.append(SectionItem(item_id=item_id, position=i))
            else:
                found.position = i
        keep.append(section)
    for gone in existing.values():
        ex.sections.remove(gone)
    session.flush()
    _record(session, ex.id, user, "update", summary)
    return ex.id


def create_exhibition(
    session: Session, key: str, title: str, user: str | None, lang: str = "en"
) -> int:
    state: State = {
        "id": None,
        "key": key,
        "texts": {"title": {lang: title}},
        "sections": [],
    }
    errors = validate_state(session, state)
    if errors:
        raise ExhibitionInvalid(errors)
    ex = Exhibition(key=key, published=False)
    ex.set_text("title", lang, title)
    session.add(ex)
    session.flush()
    _record(session, ex.id, user, "create", f"created '{title}'")
    return ex.id


def delete_exhibition(session: Session, exhibition_id: int, user: str | None) -> State:
    """Delete it (its items stay); returns its last state so it can be re-created."""
    state = exhibition_state(session, exhibition_id)
    _record(session, exhibition_id, user, "delete", "deleted")
    session.delete(_exhibition(session, exhibition_id))
    session.flush()
    return state


def recreate_exhibition(session: Session, state: State, user: str | None) -> int:
    """Undo of a deletion: the same key, texts and sections (new section ids)."""
    fresh = copy.deepcopy(state)
    ex = Exhibition(key=fresh["key"], published=False)
    session.add(ex)
    session.flush()
    fresh["id"] = ex.id
    for section in fresh["sections"]:
        section["id"] = None
    return apply_state(session, fresh, user, "restored after deletion")


def _set_texts(owner: Any, fields: tuple[str, ...], texts: dict[str, dict[str, str]]) -> None:
    for field in fields:
        values = texts.get(field, {})
        for lang in text_languages(field):
            owner.set_text(field, lang, (values.get(lang) or "").strip() or None)


def _baseline(session: Session, ex_id: int) -> None:
    """Before the first recorded change, keep how the exhibition was (to restore it)."""
    from exhibition_app.operations.history import ensure_baseline

    ensure_baseline(session, "exhibition", ex_id)


def _record(session: Session, ex_id: int, user: str | None, action: str, summary: str) -> None:
    from exhibition_app.operations.history import record

    record(session, "exhibition", ex_id, user, action, summary or None)


def state_from_revision(session: Session, revision_id: int) -> tuple[State, list[int]]:
    """The state that takes the exhibition back to revision ``revision_id``, for
    :func:`apply_state` (so the restore is one more undoable change), and the ids of items
    that version showed but that no longer exist (left out).

    Sections that still exist keep their ids; those deleted since come back as new ones.
    """
    from exhibition_app.db.models import Revision
    from exhibition_app.operations.history import revision_snapshot

    revision = session.get(Revision, revision_id)
    if revision is None or revision.entity != "exhibition":
        raise not_found("exhibition revision", revision_id)
    snap = revision_snapshot(session, revision_id)
    if snap is None:
        raise CatalogError("that version records a deletion; choose an earlier one")
    ex = session.get(Exhibition, revision.entity_id)
    if ex is None:
        raise CatalogError(f"exhibition {revision.entity_id} no longer exists")
    sections_now = {s.id for s in ex.sections}
    known = set(session.scalars(select(Item.id)))
    missing: set[int] = set()
    sections = []
    for section in snap.get("sections", []):
        items = [int(i) for i in section.get("items", [])]
        missing.update(i for i in items if i not in known)
        texts = section.get("texts", {})
        sections.append(
            {
                "id": section.get("id") if section.get("id") in sections_now else None,
                "texts": {f: dict(texts.get(f, {})) for f in SECTION_TEXT_FIELDS},
                "items": [i for i in items if i in known],
            }
        )
    texts = snap.get("texts", {})
    state: State = {
        "id": ex.id,
        "key": snap.get("key", ex.key),
        "published": ex.published,
        "texts": {f: dict(texts.get(f, {})) for f in EXHIBITION_TEXT_FIELDS},
        "sections": sections,
    }
    return state, sorted(missing)
