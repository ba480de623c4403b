"""What the curator's exhibition editor reads and changes, one named function per action.

Each opens its own short session over the rules in :mod:`exhibition_app.operations.exhibitions`
and hands back plain states (dicts), never ORM objects. A refused change raises
``ExhibitionInvalid`` with its per-field ``errors``.
"""

from __future__ import annotations

import copy
from typing import Any

from exhibition_app.catalog import Catalog
from exhibition_app.operations import history as revision_ops
from exhibition_app.operations.exhibitions import (
    State,
    apply_state,
    create_exhibition,
    list_exhibition_states,
    state_from_revision,
)


def exhibition_states(catalog: Catalog) -> list[State]:
    """Every exhibition as the editor shows it, in id order."""
    with catalog.read_session() as session:
        return list_exhibition_states(session)


def exhibition_history(catalog: Catalog, exhibition_id: int) -> list[dict[str, Any]]:
    """The exhibition's revisions, newest first, as plain rows for the history panel."""
    with catalog.read_session() as session:
        return [dict(row) for row in revision_ops.history(session, "exhibition", exhibition_id)]


def exhibition_state_at(catalog: Catalog, revision_id: int) -> tuple[State, list[int]]:
    """The state that takes the exhibition back to ``revision_id``, and the ids of items
    that version showed but that no longer exist."""
    with catalog.read_session() as session:
        return state_from_revision(session, revision_id)


def save_exhibition_state(catalog: Catalog, state: State, user: str | None, summary: str) -> int:
    """Make the exhibition what ``state`` says, in one transaction recorded with
    ``summary``; returns its id."""
    with catalog.session() as session:
        return apply_state(session, copy.deepcopy(state), user, summary)


def new_exhibition(catalog: Catalog, key: str, title: str, user: str | None) -> int:
    """A new, unpublished exhibition titled ``title`` in English; returns its id."""
    with catalog.session() as session:
        return create_exhibition(session, key, title, user)
