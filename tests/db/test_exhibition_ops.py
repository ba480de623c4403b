"""Exhibitions edited as whole states: texts, sections and item order, validated, undoable."""

from __future__ import annotations

import copy

import pytest

from exhibition_app.operations.exhibitions import (
    ExhibitionInvalid,
    apply_state,
    create_exhibition,
    delete_exhibition,
    exhibition_state,
    list_exhibition_states,
    recreate_exhibition,
)


def test_state_round_trip_reorders_and_rewrites(sample_catalog) -> None:  # type: ignore[no-untyped-def]
    with sample_catalog.read_session() as s:
        state = list_exhibition_states(s)[0]
    before = copy.deepcopy(state)
    new = copy.deepcopy(state)
    new["sections"].reverse()
    new["sections"][0]["items"].reverse()
    new["sections"][0]["texts"]["title"]["kk"] = "Жаңа бөлім"
    new["texts"]["introduction"]["mn"] = ""
    with sample_catalog.session() as s:
        apply_state(s, new, "tester", "reordered")
    with sample_catalog.read_session() as s:
        after = exhibition_state(s, state["id"])
    assert [x["id"] for x in after["sections"]] == [x["id"] for x in new["sections"]]
    assert after["sections"][0]["items"] == new["sections"][0]["items"]
    assert after["sections"][0]["texts"]["title"]["kk"] == "Жаңа бөлім"
    assert "mn" not in after["texts"]["introduction"]
    with sample_catalog.session() as s:  # undo = apply the state before
        apply_state(s, before, "tester")
    with sample_catalog.read_session() as s:
        assert exhibition_state(s, state["id"]) == before


def test_invalid_states_change_nothing(sample_catalog) -> None:  # type: ignore[no-untyped-def]
    with sample_catalog.read_session() as s:
        first, second = list_exhibition_states(s)[:2]
    bad = copy.deepcopy(first)
    bad["key"] = second["key"]
    bad["texts"]["title"] = {}
    bad["sections"][0]["items"].append(999_999)
    with pytest.raises(ExhibitionInvalid) as info, sample_catalog.session() as s:
        apply_state(s, bad, "tester")
    assert set(info.value.errors) == {"key", "texts.title", "sections.0.items"}
    with sample_catalog.read_session() as s:
        assert exhibition_state(s, first["id"]) == first


def test_create_delete_and_recreate(sample_catalog) -> None:  # type: ignore[no-untyped-def]
    with sample_catalog.session() as s:
        ex_id = create_exhibition(s, "nomad-silver", "Nomad silver", "tester")
    with sample_catalog.read_session() as s:
        state = exhibition_state(s, ex_id)
        items = list_exhibition_states(s)[0]["sections"][0]["items"][:2]
    state["sections"].append({"id": None, "texts": {"title": {"en": "Rings"}}, "items": items})
    with sample_catalog.session() as s:
        apply_state(s, state, "tester")
    with sample_catalog.session() as s:
        gone = delete_exhibition(s, ex_id, "tester")
    with sample_catalog.session() as s:
        again = recreate_exhibition(s, gone, "tester")
    with sample_catalog.read_session() as s:
        back = exhibition_state(s, again)
    assert back["key"] == "nomad-silver" and back["sections"][0]["items"] == items
    with pytest.raises(ExhibitionInvalid), sample_catalog.session() as s:
        create_exhibition(s, "Not A Key!", "x", "tester")
