"""Full-text search over every language, diacritics- and script-insensitive.

Each item has one row in the FTS5 table ``item_search`` (rowid = item id) holding its
*folded* text (``exhibition_app.core.textfold.fold``): every language, transliterated and
reduced to a Latin skeleton, so "Qazaqstan", "Kazakhstan" and "Қазақстан" meet. Queries are
folded the same way and every term is a prefix match.

Ranking every match of a very common term is the slow part of FTS, so a query first counts
matches up to ``RANK_LIMIT``; above it, the first page comes back unranked (rowid order).
FTS5 streams an unordered, LIMITed query in rowid order and stops early, so the cost of a
common term is bounded by the cap, not by the size of the catalogue. The table keeps prefix
indexes for one to six characters, so a visitor's first keystrokes ("s", "ka") are cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from exhibition_app.core.countries import all_names
from exhibition_app.core.textfold import fold, fold_query
from exhibition_app.db.models import Item

RANK_LIMIT = 500


@dataclass(frozen=True)
class SearchResult:
    item_ids: list[int]
    ranked: bool
    #: Matches counted, capped at RANK_LIMIT (so ``RANK_LIMIT`` means "at least that many").
    matches: int


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def item_documents(item: Item) -> tuple[str, str]:
    """The folded (title, body) an item is indexed under."""
    titles = [t.value for t in item.texts if t.field == "title"]
    body: list[str] = [t.value for t in item.texts if t.field != "title"]
    body += [item.accession_number, *item.tags, *all_names(item.country)]
    return fold(" ".join(titles)), fold(" ".join(body))


def reindex_items(session: Session, items: Iterable[Item]) -> None:
    """Refresh the search rows of ``items`` inside the caller's transaction."""
    if not _is_sqlite(session):
        return
    session.flush()
    rows = []
    for item in items:
        title, body = item_documents(item)
        rows.append({"id": item.id, "title": title, "body": body})
    if not rows:
        return
    session.execute(text("DELETE FROM item_search WHERE rowid = :id"), rows)
    session.execute(
        text("INSERT INTO item_search (rowid, title, body) VALUES (:id, :title, :body)"), rows
    )


def remove_from_index(session: Session, item_ids: Iterable[int]) -> None:
    if _is_sqlite(session):
        session.execute(
            text("DELETE FROM item_search WHERE rowid = :id"), [{"id": i} for i in item_ids]
        )


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH string for a user's query, or None if it has no searchable term."""
    terms = fold_query(query)
    if not terms:
        return None
    # Folded terms are [a-z0-9] only, so quoting them is safe.
    return " AND ".join(f'"{term}"*' for term in terms)


def search(
    session: Session,
    query: str,
    *,
    limit: int = 50,
    offset: int = 0,
    published_only: bool = False,
) -> SearchResult:
    """Item ids matching ``query``, best first when the match set is small enough to rank.

    Every term is a prefix match, also before the last one: Kazakh and Mongolian are
    agglutinative, so "қазақ киіз" must find "Қазақтың киіз үйі".
    """
    match = match_expression(query)
    if match is None or not _is_sqlite(session):
        return SearchResult([], True, 0)
    published = " AND i.published = 1" if published_only else ""
    base = (
        "SELECT i.id FROM item_search JOIN item AS i ON i.id = item_search.rowid "
        f"WHERE item_search MATCH :m{published}"
    )
    # One streaming pass, stopped at the cap: it counts and, for a common term, is the page.
    first = list(
        session.execute(text(f"{base} LIMIT :cap"), {"m": match, "cap": RANK_LIMIT}).scalars()
    )
    if len(first) >= RANK_LIMIT:
        if offset + limit <= len(first):
            return SearchResult(first[offset : offset + limit], False, len(first))
        rows = session.execute(
            text(f"{base} LIMIT :limit OFFSET :offset"),
            {"m": match, "limit": limit, "offset": offset},
        ).scalars()
        return SearchResult(list(rows), False, len(first))
    rows = session.execute(
        text(f"{base} ORDER BY bm25(item_search, 5.0, 1.0), i.id LIMIT :limit OFFSET :offset"),
        {"m": match, "limit": limit, "offset": offset},
    ).scalars()
    return SearchResult(list(rows), True, len(first))


def rebuild_index(session: Session) -> int:
    """Re-create every item's search row; returns the number of items indexed."""
    if not _is_sqlite(session):
        return 0
    session.execute(text("DELETE FROM item_search"))
    items = list(session.query(Item))
    reindex_items(session, items)
    return len(items)


def integrity_problems(session: Session) -> list[str]:
    """Problems with the search index: FTS5's own check plus rows out of step with items."""
    if not _is_sqlite(session):
        return []
    problems = []
    try:
        session.execute(text("INSERT INTO item_search(item_search) VALUES ('integrity-check')"))
    except Exception as exc:
        problems.append(f"search index is damaged: {str(exc).splitlines()[0]}")
    missing = session.execute(
        text("SELECT count(*) FROM item WHERE id NOT IN (SELECT rowid FROM item_search)")
    ).scalar_one()
    extra = session.execute(
        text("SELECT count(*) FROM item_search WHERE rowid NOT IN (SELECT id FROM item)")
    ).scalar_one()
    if missing:
        problems.append(f"search index misses {missing} item(s); run 'exhibition-app reindex'")
    if extra:
        problems.append(f"search index has {extra} row(s) for deleted items")
    return problems
