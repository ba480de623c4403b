"""The curator workspace's named operations, each in its own session, on real catalogues:
items (cards, edits with history, publishing, restore, sign-in) and exhibitions."""

from __future__ import annotations

import copy

import pytest

from exhibition_app.operations import curation
from exhibition_app.operations.accounts import add_user
from exhibition_app.operations.exhibition_editing import (
    exhibition_history,
    exhibition_state_at,
    exhibition_states,
    new_exhibition,
    save_exhibition_state,
)
from exhibition_app.operations.exhibitions import ExhibitionInvalid
from exhibition_app.operations.item_changes import ValidationError


def test_an_item_edited_published_and_restored(catalog) -> None:  # type: ignore[no-untyped-def]
    item_id = curation.create_draft_item(catalog, "map", "Old title", "aigerim")
    cards, media_ids = curation.load_workspace(catalog)
    assert cards[item_id].text("title") == {"en": "Old title"} and media_ids == {}

    curation.save_item_changes(catalog, item_id, {"texts": {"title": {"en": "New"}}}, "aigerim")
    with pytest.raises(ValidationError) as refused:
        curation.save_item_changes(catalog, item_id, {"date_edtf": "not a date"}, "aigerim")
    assert "date_edtf" in refused.value.errors
    curation.set_item_published(catalog, item_id, True, "aigerim")
    card = curation.item_card_of(catalog, item_id)
    assert card is not None and card.published and card.text("title") == {"en": "New"}

    rows = curation.item_history(catalog, item_id)
    created = rows[-1]
    assert created["action"] == "create"
    curation.restore_item_version(catalog, created["id"], "aigerim")
    card = curation.item_card_of(catalog, item_id)
    assert card is not None and card.text("title") == {"en": "Old title"}
    assert len(curation.item_history(catalog, item_id)) == len(rows) + 1
    assert curation.item_card_of(catalog, 999_999) is None


def test_signing_in_and_naming_the_catalogue(catalog) -> None:  # type: ignore[no-untyped-def]
    with catalog.session() as s:
        add_user(s, "aigerim", "felt-and-silk-2024")
    assert curation.signed_in_name(catalog, "aigerim", "felt-and-silk-2024") == "aigerim"
    assert curation.signed_in_name(catalog, "aigerim", "wrong password") is None
    name = curation.server_database_name(catalog)
    assert name and ":" not in name.split("@")[-1] and "password" not in name


def test_an_exhibition_saved_refused_and_taken_back(catalog) -> None:  # type: ignore[no-untyped-def]
    item_id = curation.create_draft_item(catalog, "object", "A rug", None)
    ex_id = new_exhibition(catalog, "rugs", "Rugs", "aigerim")
    with pytest.raises(ExhibitionInvalid):
        new_exhibition(catalog, "rugs", "Rugs again", "aigerim")
    (state,) = exhibition_states(catalog)
    first = exhibition_history(catalog, ex_id)[0]["id"]
    grown = copy.deepcopy(state)
    grown["sections"] = [{"id": None, "texts": {"title": {"en": "Hall"}}, "items": [item_id]}]
    assert save_exhibition_state(catalog, grown, "aigerim", "add a hall") == ex_id
    assert exhibition_states(catalog)[0]["sections"][0]["items"] == [item_id]

    back, missing = exhibition_state_at(catalog, first)
    assert back["sections"] == [] and missing == []
    save_exhibition_state(catalog, back, "aigerim", "restore")
    assert exhibition_states(catalog)[0]["sections"] == []
    assert len(exhibition_history(catalog, ex_id)) == 3
