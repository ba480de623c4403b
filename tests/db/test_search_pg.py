"""PostgreSQL's first matches in id order (db.search_pg): whichever way they are found (the
first window, more windows, or the index), they are exactly what a plain ordered query
gives, for common and rare terms, published or not."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from exhibition_app.catalog import Catalog
from exhibition_app.db import search_pg
from exhibition_app.db.search import search
from exhibition_app.operations.publishing import unpublish

TERMS = ["a:*", "m:*", "map:*", "kaz:*", "b:* & m:*", "zzzz:*", "e:*", "s:* & t:*"]


@pytest.mark.postgresql
@pytest.mark.parametrize("published_only", [False, True])
@pytest.mark.parametrize("window", [1, 3, 1000])
def test_first_ids_are_the_ordered_querys(
    sample_catalog: Catalog, monkeypatch: pytest.MonkeyPatch, window: int, published_only: bool
) -> None:
    monkeypatch.setattr(search_pg, "FIRST_WINDOW", window)
    with sample_catalog.session() as s:
        unpublish(s, items=[2, 7], user=None)
    with sample_catalog.read_session() as s:
        for match in TERMS:
            plain = list(
                s.execute(
                    text(
                        "SELECT i.id FROM item_search AS s JOIN item AS i ON i.id = s.item_id"
                        " WHERE s.doc @@ to_tsquery('simple', :m)"
                        + (" AND i.published" if published_only else "")
                        + " ORDER BY i.id"
                    ),
                    {"m": match},
                ).scalars()
            )
            for cap in (1, 2, 5, 50):
                got = search_pg.first_ids(s, match, cap, published_only=published_only)
                assert got == plain[:cap], (match, cap)
        assert any(
            len(search_pg.first_ids(s, m, 50, published_only=False)) > 5 for m in TERMS
        )  # some term is common in the sample, so windows fill


@pytest.mark.postgresql
def test_search_ranks_the_same_whichever_way_matches_are_found(
    sample_catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sample_catalog.read_session() as s:
        wide = {q: search(s, q).item_ids for q in ("map", "globe behaim", "felt", "s")}
        monkeypatch.setattr(search_pg, "FIRST_WINDOW", 1)
        narrow = {q: search(s, q).item_ids for q in wide}
    assert narrow == wide
    assert any(len(ids) > 1 for ids in wide.values())
