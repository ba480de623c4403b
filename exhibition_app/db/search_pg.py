"""The first matches of a search in id order on PostgreSQL, at a cost bounded by the term.

A GIN index has no order of its own, and the planner cannot tell a common prefix ("s", in
98% of items) from a rare one ("morin", in none): it picked one plan for both, either walking
the items in id order and testing each (0.1 s at 100,000 items for a word found nowhere) or
the index (a bitmap of 98,000 rows for the first 500 of a common one). Here the first rows
in id order are read a window at a time while the term is common enough there; as soon as
the rest would cost more read that way than asking the index for every match, the index is
asked. Both ways give exactly the first ``cap`` matches in id order, as FTS5 streams them.

Measured at 100,000 generated items (bench.scale): testing a row of the window costs about
0.6 us a term, the index about 1 us per match; so a window is worth reading while the rows
still needed (wanted / rate) cost less than the index's matches (rate x items). Search p95
over the benchmark's 20 queries went from 109 ms to 6 ms there.
"""

from __future__ import annotations

import math

from sqlalchemy import text
from sqlalchemy.orm import Session

#: The first window, in rows: a term in half of the items fills a page of 500 in it.
FIRST_WINDOW = 1000
#: Cost of testing one row of a window for one term, against the index's cost per match.
ROW_COST, MATCH_COST = 0.6, 1.0

_MATCH = "s.doc @@ to_tsquery('simple', :m)"


def first_ids(session: Session, match: str, cap: int, *, published_only: bool) -> list[int]:
    """The ids of the first ``cap`` items (by id) whose text matches the tsquery ``match``."""
    published = " AND i.published" if published_only else ""
    window = text(
        "WITH w AS (SELECT item_id, doc FROM item_search WHERE item_id > :after "
        "ORDER BY item_id LIMIT :window) "
        "SELECT (SELECT count(*) FROM w), (SELECT max(item_id) FROM w), ARRAY("
        f"SELECT s.item_id FROM w AS s JOIN item AS i ON i.id = s.item_id WHERE {_MATCH}"
        f"{published} ORDER BY s.item_id LIMIT :cap)"
    )
    row_cost = ROW_COST * (match.count("&") + 1)  # every term is tested on every row
    found: list[int] = []
    after, size, scanned = 0, FIRST_WINDOW, 0
    items: int | None = None
    while True:
        seen, upto, ids = session.execute(
            window, {"m": match, "after": after, "window": size, "cap": cap - len(found)}
        ).one()
        found += ids
        if len(found) >= cap or seen < size:  # a full page, or every row has been read
            return found[:cap]
        scanned += seen
        if items is None:
            items = session.execute(text("SELECT max(item_id) FROM item_search")).scalar_one()
        rate = len(found) / scanned
        wanted = cap - len(found)
        remaining = max(items - upto, 1)
        if rate == 0 or row_cost * wanted / rate > MATCH_COST * rate * remaining:
            break
        after, size = upto, math.ceil(1.2 * wanted / rate)
    # The rest from the index: every match after the window, in id order, the page's worth.
    join = " JOIN item AS i ON i.id = hits.item_id WHERE i.published" if published_only else ""
    rest = session.execute(
        text(
            "WITH hits AS MATERIALIZED (SELECT s.item_id FROM item_search AS s "
            f"WHERE {_MATCH} AND s.item_id > :after) SELECT hits.item_id FROM hits{join} "
            "ORDER BY hits.item_id LIMIT :cap"
        ),
        {"m": match, "after": upto, "cap": cap - len(found)},
    )
    return found + list(rest.scalars())
