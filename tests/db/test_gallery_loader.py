"""The gallery loader reads plain rows for speed; its cards must be exactly the ones
``item_card`` builds from ORM objects, on either engine, for published and draft views."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Item, ItemRelation
from exhibition_app.operations.items import edit_item
from exhibition_app.operations.publishing import unpublish
from exhibition_app.operations.views import item_card, load_cards, load_gallery


def _orm_cards(session, published_only: bool):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    stmt = select(Item).order_by(Item.id)
    if published_only:
        stmt = stmt.where(Item.published.is_(True))
    cards = {item.id: item_card(item) for item in session.scalars(stmt)}
    for rel in session.scalars(
        select(ItemRelation).order_by(
            ItemRelation.subject_id, ItemRelation.object_id, ItemRelation.relation
        )
    ):
        if rel.object_id in cards and rel.subject_id in cards:
            card = cards[rel.object_id]
            link = (rel.relation, rel.subject_id, False)
            cards[rel.object_id] = replace(card, related=(*card.related, link))
    return cards


@pytest.mark.parametrize("published_only", [False, True])
def test_the_loader_gives_the_cards_item_card_gives(
    sample_catalog: Catalog, published_only: bool
) -> None:
    with sample_catalog.session() as s:  # a draft, and tags edited after the import
        unpublish(s, items=[4], user=None)
        edit_item(s, 5, {"tags": ["blue marble", "Earth", "NASA"]}, None)
    with sample_catalog.read_session() as s:
        fast = load_gallery(s, published_only=published_only)
        slow = _orm_cards(s, published_only)
    assert list(fast.items) == list(slow)
    for item_id, card in slow.items():
        assert fast.items[item_id] == card, item_id
    assert (4 in fast.items) is not published_only
    assert any(card.related for card in fast.items.values())
    assert any(card.cover is not None for card in fast.items.values())


@pytest.mark.parametrize("published_only", [False, True])
def test_a_large_gallery_is_light_but_its_first_screen_and_every_page_read_whole(
    sample_catalog: Catalog, published_only: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above the limit every card is light (its own columns) except the first screen's, and
    the cards read later page by page are exactly the whole loader's, links included."""
    from exhibition_app.operations import views

    monkeypatch.setattr(views, "FIRST_CARDS", 3)
    with sample_catalog.session() as s:
        unpublish(s, items=[4], user=None)
    with sample_catalog.read_session() as s:
        whole = load_gallery(s, published_only=published_only)
        light = load_gallery(s, published_only=published_only, complete_limit=5)
        assert list(light.items) == list(whole.items)
        assert light.exhibitions == whole.exhibitions
        complete = {i for i, card in light.items.items() if card.complete}
        featured = [i for i, c in whole.items.items() if c.featured][:3]
        first_section = list(whole.exhibitions[0].item_ids[:3])
        assert complete == set(featured) | set(first_section) | set(list(whole.items)[:3])
        assert len(complete) < len(whole.items)
        for item_id, card in light.items.items():
            if card.complete:
                assert card == whole.items[item_id]
            else:  # what filters, chips and counts need, and nothing read yet
                assert (card.kind, card.country, card.date_earliest, card.featured) == (
                    whole.items[item_id].kind,
                    whole.items[item_id].country,
                    whole.items[item_id].date_earliest,
                    whole.items[item_id].featured,
                )
                assert (card.texts, card.cover, card.related) == ({}, None, ())
        pages = [list(whole.items)[i : i + 4] for i in range(0, len(whole.items), 4)]
        read: dict[int, object] = {}
        for page in pages:
            read |= load_cards(s, page, published_only=published_only)
        assert read == whole.items
        # An item not on show (a draft in the published view, or no such item) is left out.
        assert load_cards(s, [4, 99_999], published_only=published_only).keys() == (
            set() if published_only else {4}
        )
