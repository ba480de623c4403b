"""Full-text search over every language, diacritics- and script-insensitive.

Each item has one row in ``item_search`` holding its *folded* text
(``exhibition_app.core.textfold.fold``): every language, transliterated and reduced to a
Latin skeleton, so "Qazaqstan", "Kazakhstan" and "Қазақстан" meet. Queries are
folded the same way and every term is a prefix match.

Traditional Mongolian (``mn-Mong``) folds through its own Latin spelling, so a title in the
script is found by the same words in the script. Its spelling is not the Cyrillic one
(ᠭᠠᠵᠠᠷ is газар), so at index time a title in the script also brings the Cyrillic
spelling of every whole word that ``core.mongol_script.WORDS`` knows: a Cyrillic search
then finds the item on both engines with no change to the query, and the ranking sees the
same words everywhere. A new word in the table needs ``exhibition-app reindex``.

Two engines, one interface. On SQLite ``item_search`` is an FTS5 table (rowid = item id),
ranked with ``bm25``. On PostgreSQL it is a table keyed by ``item_id`` with a generated
``doc`` tsvector (title weight A, body weight D, 'simple' configuration) under a GIN index
(migration 0007), queried with ``to_tsquery`` prefix terms and ranked with ``ts_rank``.
Both engines match exactly the same items, because both index the same folded words.

Ranking is done here, not by the engine, so both give the same order: BM25 as FTS5 defines
it (k1 = 1.2, b = 0.75, a title word worth five body words), computed over the folded text of
the matches, with each term's document frequency counted by the engine's index (capped at
``DF_CAP``) and column lengths averaged over the matches.

Ranking every match of a very common term is the slow part of FTS, so a query first counts
matches up to ``RANK_LIMIT``; above it, the first page comes back unranked (id order).
FTS5 streams an unordered, LIMITed query in rowid order and stops early, so the cost of a
common term is bounded by the cap, not by the size of the catalogue. The table keeps prefix
indexes for one to six characters, so a visitor's first keystrokes ("s", "ka") are cheap.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from exhibition_app.core.countries import all_names
from exhibition_app.core.mongol_script import cyrillic_equivalents
from exhibition_app.core.textfold import fold, fold_query
from exhibition_app.db.models import Item
from exhibition_app.db.search_pg import first_ids

RANK_LIMIT = 500
#: Document frequencies are counted up to this many items (the same cap on both engines).
DF_CAP = 5000
K1, B = 1.2, 0.75
TITLE_WEIGHT, BODY_WEIGHT = 5.0, 1.0


@dataclass(frozen=True)
class SearchResult:
    item_ids: list[int]
    ranked: bool
    #: Matches counted, capped at RANK_LIMIT (so ``RANK_LIMIT`` means "at least that many").
    matches: int


def _engine(session: Session) -> str:
    """'sqlite', 'postgresql', or another dialect (which has no search index)."""
    return session.get_bind().dialect.name


def _is_sqlite(session: Session) -> bool:
    return _engine(session) == "sqlite"


def _has_index(session: Session) -> bool:
    return _engine(session) in ("sqlite", "postgresql")


def documents(
    texts: Iterable[tuple[str, str]], accession: str, tags: Iterable[str], country: str | None
) -> tuple[str, str]:
    """The folded (title, body) for an item's (field, value) texts and other words."""
    pairs = list(texts)
    titles = [value for field, value in pairs if field == "title"]
    titles += [word for title in titles for word in cyrillic_equivalents(title)]
    body = [value for field, value in pairs if field != "title"]
    body += [accession, *tags, *all_names(country)]
    return fold(" ".join(titles)), fold(" ".join(body))


def item_documents(item: Item) -> tuple[str, str]:
    """The folded (title, body) an item is indexed under."""
    return documents(
        ((t.field, t.value) for t in item.texts), item.accession_number, item.tags, item.country
    )


def _key(session: Session) -> str:
    """The column of ``item_search`` that holds the item id."""
    return "rowid" if _is_sqlite(session) else "item_id"


def reindex_items(session: Session, items: Iterable[Item]) -> None:
    """Refresh the search rows of ``items`` inside the caller's transaction."""
    if not _has_index(session):
        return
    session.flush()
    rows = []
    for item in items:
        title, body = item_documents(item)
        rows.append({"id": item.id, "title": title, "body": body})
    if not rows:
        return
    key = _key(session)
    session.execute(text(f"DELETE FROM item_search WHERE {key} = :id"), rows)
    session.execute(
        text(f"INSERT INTO item_search ({key}, title, body) VALUES (:id, :title, :body)"), rows
    )


def remove_from_index(session: Session, item_ids: Iterable[int]) -> None:
    ids = [{"id": i} for i in item_ids]
    if _has_index(session) and ids:
        session.execute(text(f"DELETE FROM item_search WHERE {_key(session)} = :id"), ids)


@dataclass(frozen=True)
class _Plan:
    """How this engine runs a query: ``base`` selects matching ids for the bound ``:m``."""

    match: str
    base: str
    #: ORDER BY for a capped, unranked page ("" where the index streams in id order).
    unranked: str
    #: ``:m`` for one term alone (document frequencies).
    term_match: dict[str, str]
    #: SELECT id, title, body FROM item_search for the ids in ``:ids``.
    documents: str
    #: True where the first matches in id order come from ``search_pg.first_ids``.
    windowed: bool = False


def _statements(session: Session, query: str, published_only: bool) -> _Plan | None:
    """The statements that run ``query`` on this engine, or None (no term, or no index)."""
    published = " AND i.published" if published_only else ""
    terms = fold_query(query)
    if not terms:
        return None
    if _is_sqlite(session):
        # FTS5 streams a query without ORDER BY in rowid order and stops at its LIMIT.
        return _Plan(
            match=" AND ".join(f'"{t}"*' for t in terms),
            base=(
                "SELECT i.id FROM item_search JOIN item AS i ON i.id = item_search.rowid "
                f"WHERE item_search MATCH :m{published}"
            ),
            unranked="",
            term_match={t: f'"{t}"*' for t in terms},
            documents="SELECT rowid, title, body FROM item_search WHERE rowid IN ({ids})",
        )
    if _engine(session) == "postgresql":
        # A GIN bitmap scan has no order of its own: id order, as FTS5 gives, found by
        # search_pg.first_ids at a cost bounded by how common the term is.
        return _Plan(
            match=" & ".join(f"{t}:*" for t in terms),
            base=(
                "SELECT i.id FROM item_search AS s JOIN item AS i ON i.id = s.item_id "
                f"WHERE s.doc @@ to_tsquery('simple', :m){published}"
            ),
            unranked=" ORDER BY i.id",
            term_match={t: f"{t}:*" for t in terms},
            documents="SELECT item_id, title, body FROM item_search WHERE item_id IN ({ids})",
            windowed=True,
        )
    return None


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
    plan = _statements(session, query, published_only)
    if plan is None:
        return SearchResult([], True, 0)
    unranked = plan.base + plan.unranked
    # One streaming pass, stopped at the cap: it counts and, for a common term, is the page.
    first = _first_matches(session, plan, unranked, published_only)
    if len(first) >= RANK_LIMIT:
        if offset + limit <= len(first):
            return SearchResult(first[offset : offset + limit], False, len(first))
        rows = session.execute(
            text(f"{unranked} LIMIT :limit OFFSET :offset"),
            {"m": plan.match, "limit": limit, "offset": offset},
        ).scalars()
        return SearchResult(list(rows), False, len(first))
    ranked = _rank(session, plan, first)
    return SearchResult(ranked[offset : offset + limit], True, len(first))


def _first_matches(session: Session, plan: _Plan, unranked: str, published_only: bool) -> list[int]:
    """The first ``RANK_LIMIT`` matches in id order (all of them, if fewer)."""
    if plan.windowed:
        return first_ids(session, plan.match, RANK_LIMIT, published_only=published_only)
    query = text(f"{unranked} LIMIT :cap")
    return list(session.execute(query, {"m": plan.match, "cap": RANK_LIMIT}).scalars())


def _rank(session: Session, plan: _Plan, ids: Sequence[int]) -> list[int]:
    """``ids`` best first: BM25 over the folded text, the same on every engine."""
    if len(ids) < 2:
        return list(ids)
    total = session.execute(text("SELECT count(*) FROM item_search")).scalar_one()
    # Unpublished items count too, as in FTS5: frequencies describe the words, not the view.
    base = plan.base.removesuffix(" AND i.published")
    idf = {}
    for term, match in plan.term_match.items():
        if plan.windowed:
            hits = len(first_ids(session, match, DF_CAP, published_only=False))
        else:
            hits = session.execute(
                text(f"SELECT count(*) FROM ({base} LIMIT :cap) AS hits"),
                {"m": match, "cap": DF_CAP},
            ).scalar_one()
        idf[term] = max(math.log((total - hits + 0.5) / (hits + 0.5)), 1e-6)
    id_list = ", ".join(str(int(i)) for i in ids)  # integers from the index, not user text
    docs = {
        row[0]: (row[1].split(), row[2].split())
        for row in session.execute(text(plan.documents.format(ids=id_list)))
    }
    avg_title = sum(len(t) for t, _ in docs.values()) / len(docs) or 1.0
    avg_body = sum(len(b) for _, b in docs.values()) / len(docs) or 1.0

    def part(words: list[str], term: str, avg: float) -> float:
        hits = sum(1 for w in words if w.startswith(term))
        return hits * (K1 + 1) / (hits + K1 * (1 - B + B * len(words) / avg)) if hits else 0.0

    def score(item_id: int) -> float:
        title, body = docs.get(item_id, ([], []))
        return sum(
            weight
            * (
                TITLE_WEIGHT * part(title, term, avg_title)
                + BODY_WEIGHT * part(body, term, avg_body)
            )
            for term, weight in idf.items()
        )

    return sorted(ids, key=lambda i: (-score(i), i))


def rebuild_index(session: Session) -> int:
    """Re-create every item's search row; returns the number of items indexed."""
    if not _has_index(session):
        return 0
    session.execute(text("DELETE FROM item_search"))
    items = list(session.query(Item))
    reindex_items(session, items)
    return len(items)


def integrity_problems(session: Session) -> list[str]:
    """Problems with the search index: FTS5's own check plus rows out of step with items."""
    if not _has_index(session):
        return []
    problems = []
    # FTS5's own check is an INSERT command: a catalogue opened read-only (query_only, see
    # db.engine) cannot run it, and its failure is no sign of damage; the counts below are.
    if _is_sqlite(session) and not session.execute(text("PRAGMA query_only")).scalar():
        try:
            session.execute(text("INSERT INTO item_search(item_search) VALUES ('integrity-check')"))
        except Exception as exc:
            problems.append(f"search index is damaged: {str(exc).splitlines()[0]}")
    key = _key(session)
    missing = session.execute(
        text(f"SELECT count(*) FROM item WHERE id NOT IN (SELECT {key} FROM item_search)")
    ).scalar_one()
    extra = session.execute(
        text(f"SELECT count(*) FROM item_search WHERE {key} NOT IN (SELECT id FROM item)")
    ).scalar_one()
    if missing:
        problems.append(f"search index misses {missing} item(s); run 'exhibition-app reindex'")
    if extra:
        problems.append(f"search index has {extra} row(s) for deleted items")
    return problems
