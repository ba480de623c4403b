"""Searching the catalogue in every language, and rebuilding the search index.

Each function opens its own session; the matching and ranking rules are in
:mod:`exhibition_app.db.search`.
"""

from __future__ import annotations

from exhibition_app.catalog import Catalog
from exhibition_app.db.search import SearchResult, rebuild_index, search

__all__ = ["SearchResult", "rebuild_search_index", "search_items"]


def search_items(
    catalog: Catalog,
    query: str,
    *,
    limit: int = 50,
    offset: int = 0,
    published_only: bool = False,
) -> SearchResult:
    """Item ids matching ``query`` in any language, best first when they can be ranked."""
    with catalog.read_session() as session:
        return search(session, query, limit=limit, offset=offset, published_only=published_only)


def rebuild_search_index(catalog: Catalog) -> int:
    """Rebuild the whole search index from the items; returns how many were indexed."""
    with catalog.session() as session:
        return rebuild_index(session)
