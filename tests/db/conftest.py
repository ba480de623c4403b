"""Fixtures shared by the catalogue tests: a catalogue with a curator's account, and an
SQLite catalogue file as an older version of the application left it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from exhibition_app.catalog import Catalog
from exhibition_app.db.engine import _alembic_config, make_engine, resolve_url
from exhibition_app.operations.accounts import add_user

#: The curator whose account ``cat`` has.
CURATOR = "aigerim"

#: One published map, OLD-1, with only the columns every schema revision has.
OLD_MAP = (
    "INSERT INTO item (kind, accession_number, published, featured, created_at,"
    " updated_at) VALUES ('map', 'OLD-1', 1, 0, '2020-01-01', '2020-01-01')"
)


@pytest.fixture
def cat(catalog: Catalog) -> Catalog:
    """A fresh catalogue (on each engine) with the account of :data:`CURATOR`."""
    with catalog.session() as s:
        add_user(s, CURATOR, "steppe-maps-1689")
    return catalog


@pytest.fixture
def old_catalogue(tmp_path: Path) -> Callable[..., Path]:
    """``make(revision, *statements, old_map=False)``: the file ``old.db`` at that schema
    revision, with the SQL ``statements`` run on it and, with ``old_map``, map OLD-1."""

    def make(revision: str, *statements: str, old_map: bool = False) -> Path:
        db = tmp_path / "old.db"
        engine = make_engine(resolve_url(db))
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), revision)
            for statement in (OLD_MAP,) * old_map + statements:
                conn.execute(text(statement))
        engine.dispose()
        return db

    return make
