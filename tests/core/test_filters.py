"""Gallery filters: facets narrow, values within a facet widen, periods overlap date ranges."""

from __future__ import annotations

import pytest

from exhibition_app.core.cards import ItemCard
from exhibition_app.core.filters import PERIOD_BY_KEY, Filters, facets


def card(i: int, kind: str, country: str | None, lo: int | None, hi: int | None) -> ItemCard:
    return ItemCard(
        id=i,
        kind=kind,
        accession_number=f"A-{i}",
        country=country,
        date_edtf=None,
        date_earliest=lo,
        date_latest=hi,
        rights=None,
        source=None,
        featured=False,
        published=True,
        texts={},
        cover=None,
        media=(),
        tags=(),
    )


CARDS = {
    1: card(1, "map", "DE", 1492, 1492),
    2: card(2, "map", "NL", 1689, 1689),
    3: card(3, "object", "KZ", -500, -300),
    4: card(4, "object", "MN", 1790, 1820),  # straddles 1800
    5: card(5, "photograph", "KZ", 1950, 1950),
    6: card(6, "object", None, None, None),  # undated, no country
}


def test_no_filter_keeps_everything_in_order() -> None:
    assert Filters().apply([6, 1, 5, 99], CARDS) == [6, 1, 5]  # unknown ids dropped


def test_values_in_one_facet_widen_facets_narrow() -> None:
    f = Filters().toggled("kinds", "map").toggled("kinds", "photograph")
    assert f.apply(CARDS, CARDS) == [1, 2, 5]
    f = f.toggled("countries", "KZ")
    assert f.apply(CARDS, CARDS) == [5]
    assert f.toggled("kinds", "photograph").apply(CARDS, CARDS) == []


def test_toggling_twice_switches_off() -> None:
    f = Filters().toggled("periods", "before-1500").toggled("periods", "before-1500")
    assert f == Filters() and not f.active


def test_periods_hold_overlapping_ranges_and_never_undated_items() -> None:
    assert Filters(periods=frozenset({"before-1500"})).apply(CARDS, CARDS) == [1, 3]
    assert Filters(periods=frozenset({"1500-1800"})).apply(CARDS, CARDS) == [2, 4]
    assert Filters(periods=frozenset({"after-1800"})).apply(CARDS, CARDS) == [4, 5]
    assert not PERIOD_BY_KEY["after-1800"].holds(None, None)
    assert PERIOD_BY_KEY["1500-1800"].holds(1800, None)  # one end known
    assert not PERIOD_BY_KEY["1500-1800"].holds(1801, 1900)


def test_unknown_facet_is_refused() -> None:
    with pytest.raises(ValueError, match="facet"):
        Filters().toggled("colour", "red")


def test_facets_offer_only_values_some_item_has() -> None:
    found = facets(CARDS.values())
    assert found.kinds == ("map", "object", "photograph")
    assert found.countries == ("DE", "KZ", "MN", "NL")
    assert found.periods == ("before-1500", "1500-1800", "after-1800")
    assert facets([CARDS[5]]).periods == ("after-1800",)


def test_ten_thousand_cards_filter_exactly() -> None:
    many = {
        i: card(i, "map" if i % 3 else "object", "KZ", 1500 + i % 400, None) for i in range(10_000)
    }
    f = Filters(kinds=frozenset({"map"}), periods=frozenset({"before-1500", "1500-1800"}))
    shown = f.apply(list(many), many)
    assert len(shown) == sum(1 for i in many if i % 3 and 1500 + i % 400 <= 1800)
