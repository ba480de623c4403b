"""Opening catalogues: new files, URLs, pragmas, bad files, backups before upgrades."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from exhibition_app.catalog import Catalog
from exhibition_app.db.engine import (
    current_revision,
    head_revision,
    make_engine,
    resolve_url,
)
from exhibition_app.errors import CatalogError


def test_new_file_becomes_a_migrated_catalogue(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    with Catalog.open(db, tmp_path / "assets") as cat:
        assert db.exists()
        assert current_revision(cat.engine) == head_revision()
        assert (tmp_path / "assets").is_dir()
        assert cat.backup_made is None  # nothing to back up in a new catalogue


@pytest.mark.sqlite_only("SQLite's own settings")
def test_sqlite_pragmas_wal_foreign_keys_busy_timeout(catalog: Catalog) -> None:
    with catalog.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_catalog_accepts_url_and_path(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    url = f"sqlite:///{db}"
    assert resolve_url(url) == url
    assert resolve_url(db) == url
    with Catalog.open(url, tmp_path / "a") as cat:
        assert cat.db_path == db


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"hello, I am not a database", "not an SQLite database"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "not an SQLite database"),
    ],
)
def test_a_wrong_file_is_refused_and_left_untouched(
    tmp_path: Path, content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    with pytest.raises(CatalogError, match=message):
        Catalog.open(bad, tmp_path / "a")
    assert bad.read_bytes() == content


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE invoices (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(CatalogError, match="not an exhibition catalogue"):
        Catalog.open(other, tmp_path / "a")


def test_missing_folder_gives_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="folder does not exist"):
        make_engine(resolve_url(tmp_path / "nowhere" / "c.db"))


def test_bad_url_gives_a_clear_error() -> None:
    with pytest.raises(CatalogError, match="cannot understand"):
        resolve_url("nonsense+://")


def test_older_catalogue_is_backed_up_then_upgraded(
    tmp_path: Path, old_catalogue: Callable[..., Path]
) -> None:
    db = old_catalogue("0001", old_map=True)
    with Catalog.open(db, tmp_path / "assets") as cat:
        assert cat.backup_made is not None and cat.backup_made.exists()
        assert current_revision(cat.engine) == head_revision()
        with cat.engine.connect() as conn:
            assert conn.execute(text("SELECT accession_number FROM item")).scalar() == "OLD-1"
            cols = [r[1] for r in conn.execute(text("PRAGMA table_info(item)"))]
            assert "georef" in cols
    backup = sqlite3.connect(cat.backup_made)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert backup.execute("SELECT accession_number FROM item").fetchone() == ("OLD-1",)
    backup.close()


def test_newer_catalogue_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    Catalog.open(db, tmp_path / "a").close()
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(CatalogError, match="newer exhibition-app"):
        Catalog.open(db, tmp_path / "a")
    con = sqlite3.connect(db)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)
    con.close()


def test_upgrade_gives_the_search_index_its_prefix_indexes(
    tmp_path: Path, old_catalogue: Callable[..., Path]
) -> None:
    db = old_catalogue(
        "0002", "INSERT INTO item_search (rowid, title, body) VALUES (7, 'iurt', '')"
    )
    with Catalog.open(db, tmp_path / "assets") as cat, cat.engine.connect() as conn:
        sql = conn.execute(
            text("SELECT sql FROM sqlite_master WHERE name = 'item_search'")
        ).scalar()
        assert "prefix" in sql
        found = conn.execute(text("SELECT rowid FROM item_search WHERE item_search MATCH 'iu*'"))
        assert found.scalars().all() == [7]  # the folded text came across


def test_a_bad_server_url_is_refused_without_echoing_its_password() -> None:
    with pytest.raises(CatalogError) as caught:
        resolve_url("postgresql+psycopg://curator:s3cret-word@db.museum:/exhibition")
    assert "s3cret" not in str(caught.value) and "curator:***@db.museum" in str(caught.value)
