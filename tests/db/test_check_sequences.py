"""``check`` on either engine: a PostgreSQL id sequence left behind rows that came with their
ids is found, and ``check --repair`` moves it on; SQLite has no such thing to break."""

from __future__ import annotations

from sqlalchemy import insert

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Item
from exhibition_app.db.search import rebuild_index
from exhibition_app.operations.check import check_catalog
from exhibition_app.operations.items import create_item


def test_a_sequence_behind_its_rows_is_found_and_repaired(catalog: Catalog) -> None:
    with catalog.session() as s:  # as a hand-made copy or an old restore would leave it
        s.execute(insert(Item).values(id=7, kind="object", accession_number="HAND-7"))
        rebuild_index(s)
    report = check_catalog(catalog)
    on_server = catalog.db_path is None
    if on_server:
        assert [p for p in report.problems if "id sequence of item" in p], report.problems
        repaired = check_catalog(catalog, repair=True)
        assert "moved the id sequence of item past its rows" in repaired.repaired
    assert check_catalog(catalog).problems == []
    with catalog.session() as s:
        made = create_item(s, {"kind": "map", "texts": {"title": {"en": "After"}}}, None)
        assert made.id == 8
