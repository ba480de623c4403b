"""Gallery filters (the kiosk's chips): kind, country and period, applied to item cards.

Within one facet the chosen values are alternatives (a map OR a photograph); between facets
they narrow (a map AND from Kazakhstan). Periods compare the EDTF earliest/latest years, so
"1500-1800" holds every item whose date range overlaps it; an undated item is in no period.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from exhibition_app.core.cards import ItemCard


@dataclass(frozen=True)
class Period:
    key: str
    start: int | None  # first year in the period (None: open)
    end: int | None  # last year in the period (None: open)

    def holds(self, earliest: int | None, latest: int | None) -> bool:
        if earliest is None and latest is None:
            return False
        lo = earliest if earliest is not None else latest
        hi = latest if latest is not None else earliest
        assert lo is not None and hi is not None
        if self.start is not None and hi < self.start:
            return False
        return not (self.end is not None and lo > self.end)


PERIODS: tuple[Period, ...] = (
    Period("before-1500", None, 1499),
    Period("1500-1800", 1500, 1800),
    Period("after-1800", 1801, None),
)
PERIOD_BY_KEY = {p.key: p for p in PERIODS}


@dataclass(frozen=True)
class Filters:
    kinds: frozenset[str] = field(default_factory=frozenset)
    countries: frozenset[str] = field(default_factory=frozenset)
    periods: frozenset[str] = field(default_factory=frozenset)

    @property
    def active(self) -> bool:
        return bool(self.kinds or self.countries or self.periods)

    def toggled(self, facet: str, value: str) -> Filters:
        """A copy with ``value`` switched on or off in ``facet`` (kinds, countries, periods)."""
        if facet not in ("kinds", "countries", "periods"):
            raise ValueError(f"unknown filter facet '{facet}'")
        current: frozenset[str] = getattr(self, facet)
        changed = current - {value} if value in current else current | {value}
        return replace(self, **{facet: changed})

    def matches(self, card: ItemCard) -> bool:
        if self.kinds and card.kind not in self.kinds:
            return False
        if self.countries and card.country not in self.countries:
            return False
        if self.periods:
            held = any(
                PERIOD_BY_KEY[key].holds(card.date_earliest, card.date_latest)
                for key in self.periods
                if key in PERIOD_BY_KEY
            )
            if not held:
                return False
        return True

    def apply(self, ids: Iterable[int], items: Mapping[int, ItemCard]) -> list[int]:
        """``ids`` that pass, in their order (ids with no card are dropped)."""
        if not self.active:
            return [i for i in ids if i in items]
        return [i for i in ids if (card := items.get(i)) is not None and self.matches(card)]


@dataclass(frozen=True)
class Facets:
    """The chips worth offering for a set of items: only values some item has."""

    kinds: tuple[str, ...]
    countries: tuple[str, ...]
    periods: tuple[str, ...]


KIND_ORDER = ("map", "object", "photograph", "document")


def facets(cards: Sequence[ItemCard] | Iterable[ItemCard]) -> Facets:
    kinds: set[str] = set()
    countries: set[str] = set()
    periods: set[str] = set()
    for card in cards:
        kinds.add(card.kind)
        if card.country:
            countries.add(card.country)
        for period in PERIODS:
            if period.key not in periods and period.holds(card.date_earliest, card.date_latest):
                periods.add(period.key)
    return _facets_of(kinds, countries, periods)


def _facets_of(kinds: set[str], countries: set[str], periods: set[str]) -> Facets:
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    return Facets(
        kinds=tuple(sorted(kinds, key=lambda k: (order.get(k, len(order)), k))),
        countries=tuple(sorted(countries)),
        periods=tuple(p.key for p in PERIODS if p.key in periods),
    )


def scoped_facets(cards: Sequence[ItemCard]) -> Facets:
    """The chips for the items on show (a section, an exhibition, search results): values
    some of them have and not all of them, so that every chip offered narrows the view
    (no "Maps" chip among maps only, no "Germany" where nothing is German)."""
    total = len(cards)
    # How many cards each chip would keep, counted in one pass (not a filter per chip per
    # card: 1.8 s for 100,000 cards).
    held: dict[tuple[str, str], int] = {}
    for card in cards:
        for key in (("kinds", card.kind), ("countries", card.country or "")):
            held[key] = held.get(key, 0) + 1
        for period in PERIODS:
            if period.holds(card.date_earliest, card.date_latest):
                held["periods", period.key] = held.get(("periods", period.key), 0) + 1
    found = _facets_of(
        {v for f, v in held if f == "kinds"},
        {v for f, v in held if f == "countries" and v},
        {v for f, v in held if f == "periods"},
    )

    def narrows(facet: str, value: str) -> bool:
        return 0 < held.get((facet, value), 0) < total

    return Facets(
        kinds=tuple(v for v in found.kinds if narrows("kinds", v)),
        countries=tuple(v for v in found.countries if narrows("countries", v)),
        periods=tuple(v for v in found.periods if narrows("periods", v)),
    )
