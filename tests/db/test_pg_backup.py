"""Backups and restores of a PostgreSQL catalogue (pg_dump / pg_restore) on a real server:
exact round trips, refusals that leave the catalogue as it was, kiosks told to reload."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from exhibition_app.catalog import Catalog
from exhibition_app.db.engine import head_revision
from exhibition_app.db.models import Base
from exhibition_app.errors import CatalogError
from exhibition_app.operations.accounts import add_user
from exhibition_app.operations.backup import backup, scheduled_backup
from exhibition_app.operations.check import check_catalog
from exhibition_app.operations.items import create_item
from exhibition_app.operations.pg_backup import restore_dump
from exhibition_app.operations.publishing import publication_serial, publish

pytestmark = pytest.mark.postgresql


def _snapshot(cat: Catalog) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order: 'restores exactly' means equal."""
    out = {}
    with cat.read_session() as s:
        for table in Base.metadata.sorted_tables:
            order = list(table.primary_key.columns)
            out[table.name] = [tuple(r) for r in s.execute(select(table).order_by(*order))]
        out["item_search"] = [
            tuple(r)
            for r in s.execute(text("SELECT item_id, title, body FROM item_search ORDER BY 1"))
        ]
    return out


@pytest.fixture
def pg_sample(pg_database: Any, tmp_path: Path) -> Any:
    assets = tmp_path / "assets"
    shutil.copytree(Path(__file__).resolve().parents[2] / "assets" / "media", assets / "media")
    cat = Catalog.open(pg_database("sample"), assets)
    with cat.session() as s:
        add_user(s, "curator", "a long password")
    yield cat
    cat.close()


def test_backup_then_restore_gives_back_exactly_the_same_catalogue(
    pg_sample: Catalog, tmp_path: Path
) -> None:
    before = _snapshot(pg_sample)
    info = backup(pg_sample, tmp_path / "site.dump")
    assert info.file.read_bytes()[:5] == b"PGDMP" and info.bytes > 10_000
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left

    with pg_sample.session() as s:  # changes made after the backup
        create_item(s, {"kind": "object", "texts": {"title": {"en": "Made later"}}}, "curator")
        s.execute(text("DELETE FROM item WHERE id = 19"))
    assert _snapshot(pg_sample) != before

    previous, schema, serial = restore_dump(pg_sample.url, info.file, user="curator")
    assert schema == head_revision()
    after = _snapshot(pg_sample)
    publications = after.pop("publication")
    assert publications[-1][0] == serial and serial > 0
    before.pop("publication")
    assert after == before  # every row of every table, the search index too
    assert previous is not None and previous.name.startswith(f"{Path(pg_sample.url).name}.")
    assert check_catalog(pg_sample, verify_checksums=True).problems == []
    with pg_sample.session() as s:  # ids go on from the restored ones
        highest = max(row[0] for row in before["item"])
        new = create_item(s, {"kind": "map", "texts": {"title": {"en": "Next"}}}, "curator")
        assert new.id == highest + 1


def test_a_refused_restore_leaves_the_catalogue_as_it_was(
    pg_sample: Catalog, tmp_path: Path
) -> None:
    good = backup(pg_sample, tmp_path / "good.dump").file
    before = _snapshot(pg_sample)
    cases = {
        "not a pg_dump": (tmp_path / "notes.txt", b"hello"),
        "SQLite catalogue": (
            tmp_path / "old.db",
            (Path(__file__).parents[2] / "catalog.db").read_bytes(),
        ),
        "not a readable PostgreSQL archive": (tmp_path / "cut.dump", good.read_bytes()[:4000]),
    }
    for reason, (path, data) in cases.items():
        path.write_bytes(data)
        with pytest.raises(CatalogError, match=reason):
            restore_dump(pg_sample.url, path)
    with pytest.raises(CatalogError, match="no such file"):
        restore_dump(pg_sample.url, tmp_path / "missing.dump")
    assert _snapshot(pg_sample) == before
    assert not list(tmp_path.glob("*.before-restore.*"))  # refused before anything was done


def test_an_archive_from_a_newer_version_or_another_program_is_refused(
    pg_sample: Catalog, pg_database: Any, tmp_path: Path
) -> None:
    with pg_sample.session() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    newer = backup(pg_sample, tmp_path / "newer.dump").file
    with pg_sample.session() as s:
        s.execute(text(f"UPDATE alembic_version SET version_num = '{head_revision()}'"))
    with pytest.raises(CatalogError, match="newer exhibition-app"):
        restore_dump(pg_sample.url, newer)

    other = Catalog.open(pg_database("empty"), tmp_path / "other")
    with other.session() as s:
        s.execute(text("DROP TABLE section_item, section_text, section CASCADE"))
    foreign = backup(other, tmp_path / "foreign.dump").file
    other.close()
    with pytest.raises(CatalogError, match="no section table"):
        restore_dump(pg_sample.url, foreign)


def test_running_kiosks_hear_of_a_restore(pg_sample: Catalog, tmp_path: Path) -> None:
    import threading

    from exhibition_app.operations.listener import PublicationListener

    saved = backup(pg_sample, tmp_path / "a.dump").file
    with pg_sample.session() as s:
        serial = publish(s, items=[1], user="curator")  # already published: no change
        assert serial == publication_serial(s) == 0
    heard: list[int] = []
    ready, got = threading.Event(), threading.Event()

    def on_serial(value: int) -> None:
        heard.append(value)
        (got if len(heard) > 1 else ready).set()

    listener = PublicationListener(pg_sample.url, on_serial).start()
    try:
        assert ready.wait(10)
        _previous, _schema, new_serial = restore_dump(pg_sample.url, saved)
        assert got.wait(10), heard
        assert heard[-1] == new_serial == 1
    finally:
        listener.stop()


def test_scheduled_backups_on_postgresql_are_dumps_rotated_by_age(
    pg_sample: Catalog, tmp_path: Path
) -> None:
    folder = tmp_path / "nightly"
    t0 = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
    first = scheduled_backup(pg_sample, folder, keep=2, now=t0)
    assert first is not None and first.suffix == ".dump"
    assert first.read_bytes()[:5] == b"PGDMP"
    assert scheduled_backup(pg_sample, folder, keep=2, now=t0 + timedelta(hours=3)) is None
    for day in (1, 2, 3):
        assert scheduled_backup(pg_sample, folder, keep=2, now=t0 + timedelta(days=day))
    assert len(list(folder.glob("*.dump"))) == 2
