"""copy-to with a NUL character in the source (issue 15): SQLite stores it, PostgreSQL
cannot; the copy is refused naming the row and column instead of failing as a whole
with a DataError, and the target stays empty."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Item
from exhibition_app.errors import InvalidInput
from exhibition_app.operations.transfer import copy_catalogue

ROOT = Path(__file__).resolve().parents[2]


def test_a_nul_in_the_source_is_named_not_a_generic_failure(
    catalog: Catalog, backend: str, tmp_path: Path
) -> None:
    source_db = tmp_path / "old.db"
    shutil.copyfile(ROOT / "catalog.db", source_db)
    conn = sqlite3.connect(source_db)
    item_id = conn.execute("SELECT min(id) FROM item").fetchone()[0]
    conn.execute(
        "UPDATE item SET accession_number = 'NEW' || char(0) || 'X' WHERE id = ?", (item_id,)
    )
    conn.commit()
    conn.close()
    with Catalog.open(source_db, ROOT / "assets") as source:
        if backend == "sqlite":
            report = copy_catalogue(source, catalog)  # SQLite keeps what it was given
            assert report.rows["item"] > 0
            return
        with pytest.raises(InvalidInput) as raised:
            copy_catalogue(source, catalog)
    assert str(raised.value) == (
        f"item {item_id}, accession_number: contains a NUL character (\\x00), which PostgreSQL "
        "cannot store (NEW\\x00X); correct it in the source catalogue, then copy again"
    )
    with catalog.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Item)) == 0
