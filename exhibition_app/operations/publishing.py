"""Publishing: drafts become visible in the kiosk, in one transaction, with a serial.

Items and exhibitions are drafts until published; the kiosk shows published content only
(``load_gallery(published_only=True)``). :func:`publish` and :func:`unpublish` flip the
flags, record a revision per entity that changed and add one ``publication`` row, all in the
caller's transaction (``with catalog.session() as s``): if anything fails, nothing is
published. The highest publication id is the *publication serial*; a running kiosk polls
:func:`publication_serial` (one indexed ``max()``) and reloads when it differs from the one
it loaded with. Compare with ``!=``, not ``>``: restoring a backup can bring an older serial
back (exhibition_app.operations.backup.restore moves it past the previous one to be safe).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from exhibition_app.db.dialect import PUBLICATION_CHANNEL, advance_sequences, notify_publication
from exhibition_app.db.models import Exhibition, Item, Publication, utcnow
from exhibition_app.errors import not_found
from exhibition_app.operations.history import UserRef, ensure_baseline, record, resolve_user

__all__ = [
    "announce_restore",
    "last_publication",
    "publication_counts",
    "publication_serial",
    "publish",
    "unpublish",
]


def publication_serial(session: Session) -> int:
    """The newest publication's id, 0 when nothing was ever published. Cheap to poll."""
    return int(session.scalar(select(func.max(Publication.id))) or 0)


def publication_counts(session: Session, serial: int) -> tuple[int, int] | None:
    """(items, exhibitions) that publication ``serial`` changed; None if there is none."""
    row = session.get(Publication, serial)
    return (row.items, row.exhibitions) if row is not None else None


def last_publication(session: Session) -> dict[str, Any] | None:
    """The newest publication as {"serial", "at", "user_name", "items", "exhibitions"}."""
    row = session.scalar(select(Publication).order_by(Publication.id.desc()).limit(1))
    if row is None:
        return None
    at = row.at if row.at.tzinfo is not None else row.at.replace(tzinfo=utcnow().tzinfo)
    return {
        "serial": row.id,
        "at": at.isoformat(),
        "user_name": row.user_name,
        "items": row.items,
        "exhibitions": row.exhibitions,
    }


def _load(session: Session, model: type[Any], ids: Iterable[int], what: str) -> list[Any]:
    wanted = list(dict.fromkeys(int(i) for i in ids))
    found = {obj.id: obj for obj in session.scalars(select(model).where(model.id.in_(wanted)))}
    missing = [i for i in wanted if i not in found]
    if missing:
        raise not_found(what, ", ".join(map(str, missing)))
    return [found[i] for i in wanted]


def _set_state(
    session: Session,
    *,
    items: Iterable[int],
    exhibitions: Iterable[int],
    user: UserRef,
    published: bool,
    include_items: bool,
) -> int:
    item_rows: list[Item] = _load(session, Item, items, "item")
    ex_rows: list[Exhibition] = _load(session, Exhibition, exhibitions, "exhibition")
    action = "publish" if published else "unpublish"
    # Items that go along with their exhibition, after the ones asked for by id.
    why: dict[int, str] = {item.id: action + "ed" for item in item_rows}
    if include_items:
        for ex in ex_rows:
            section_items = [i for s in ex.sections for i in s.item_ids]
            for extra in _load(session, Item, section_items, "item"):
                if extra.id not in why:
                    item_rows.append(extra)
                    why[extra.id] = f"{action}ed with exhibition '{ex.key}'"
    changed_items = [i for i in item_rows if bool(i.published) != published]
    changed_ex = [e for e in ex_rows if bool(e.published) != published]
    if not changed_items and not changed_ex:
        return publication_serial(session)
    for item in changed_items:
        ensure_baseline(session, "item", item.id)
        item.published = published
        record(session, "item", item.id, user, action, why[item.id])
    for ex in changed_ex:
        ensure_baseline(session, "exhibition", ex.id)
        ex.published = published
        record(session, "exhibition", ex.id, user, action, f"{action}ed")
    _user_id, user_name = resolve_user(session, user)
    publication = Publication(
        at=utcnow(), user_name=user_name, items=len(changed_items), exhibitions=len(changed_ex)
    )
    session.add(publication)
    session.flush()
    announce(session, publication.id)
    return publication.id


#: The PostgreSQL channel running kiosks LISTEN on (exhibition_app.operations.listener).
CHANNEL = PUBLICATION_CHANNEL


def announce(session: Session, serial: int) -> None:
    """Tell listening kiosks about ``serial`` when the caller's transaction commits.

    PostgreSQL delivers a NOTIFY only on commit, and not at all on rollback, so a kiosk never
    hears of a publication it cannot see yet. SQLite has no such thing: kiosks poll
    :func:`publication_serial` instead.
    """
    notify_publication(session, serial)


def publish(
    session: Session,
    *,
    items: Iterable[int] = (),
    exhibitions: Iterable[int] = (),
    user: UserRef,
    include_items: bool = True,
) -> int:
    """Publish items and exhibitions in the caller's transaction; returns the new serial.

    With ``include_items`` (the default), publishing an exhibition also publishes the items
    in its sections that are still drafts, so visitors never meet an exhibition with holes.
    Each entity that changes gets a ``publish`` revision and the act one ``publication``
    row; when everything asked for is already published nothing is recorded and the current
    serial is returned. An unknown id raises CatalogError before anything changes.
    """
    return _set_state(
        session,
        items=items,
        exhibitions=exhibitions,
        user=user,
        published=True,
        include_items=include_items,
    )


def unpublish(
    session: Session,
    *,
    items: Iterable[int] = (),
    exhibitions: Iterable[int] = (),
    user: UserRef,
    include_items: bool = False,
) -> int:
    """Take items and exhibitions back to draft, like :func:`publish`; returns the serial.

    Unpublishing an exhibition leaves its items published unless ``include_items`` is set
    (they may be shown on their own or in another exhibition).
    """
    return _set_state(
        session,
        items=items,
        exhibitions=exhibitions,
        user=user,
        published=False,
        include_items=include_items,
    )


def announce_restore(session: Session, after: int, user: str | None) -> int:
    """After a restore, add a publication numbered past both ``after`` (the serial before
    the restore) and the newest restored one, counting what is published now, in the
    caller's transaction, so running kiosks reload; returns its serial."""
    current = int(session.scalar(select(func.max(Publication.id))) or 0)
    serial = max(current, after) + 1
    items = session.scalar(select(func.count(Item.id)).where(Item.published.is_(True)))
    shows = session.scalar(select(func.count(Exhibition.id)).where(Exhibition.published.is_(True)))
    session.add(
        Publication(
            id=serial,
            at=utcnow(),
            user_name=user,
            items=int(items or 0),
            exhibitions=int(shows or 0),
        )
    )
    session.flush()
    advance_sequences(session)  # the publication came with its id (PostgreSQL)
    notify_publication(session, serial)  # running kiosks reload (PostgreSQL)
    return serial
