"""Backups while the catalogue is in use, restores that refuse anything not whole, and
scheduled, rotated backups."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import func, select, text

from exhibition_app.catalog import Catalog
from exhibition_app.db.engine import (
    _alembic_config,
    head_revision,
    make_engine,
    resolve_url,
)
from exhibition_app.db.models import Item
from exhibition_app.errors import CatalogError
from exhibition_app.operations.backup import (
    backup,
    default_backup_folder,
    restore,
    scheduled_backup,
)
from exhibition_app.operations.items import create_item, edit_item
from exhibition_app.operations.publishing import publication_serial, publish

# SQLite's backup API, file headers, PRAGMA checks and WAL: the PostgreSQL side (pg_dump and
# pg_restore) is tested in test_pg_backup.py.
pytestmark = pytest.mark.sqlite_only("SQLite files; PostgreSQL: test_pg_backup.py")

USER = "aigerim"


def _add(cat: Catalog, title: str, **fields: object) -> int:
    with cat.session() as s:
        return create_item(
            s, {"kind": "object", "texts": {"title": {"en": title}}, **fields}, USER
        ).id


def _titles(cat: Catalog) -> list[str]:
    with cat.read_session() as s:
        return [i.text_map("title")["en"] for i in s.scalars(select(Item).order_by(Item.id))]


def _integrity(path: Path) -> tuple[str, str]:
    con = sqlite3.connect(path)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        mode = con.execute("PRAGMA journal_mode").fetchone()[0]
        return ok, mode
    finally:
        con.close()


def _write(path: Path, *statements: str) -> None:
    """Change a catalogue file behind the application's back, with a plain connection."""
    con = sqlite3.connect(path)
    try:
        for statement in statements:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


def test_backup_while_another_connection_writes(catalog: Catalog, tmp_path: Path) -> None:
    first = _add(catalog, "Felt #0", tags=["edit-0"])
    stop = threading.Event()
    written: list[int] = []
    failures: list[BaseException] = []

    def writer() -> None:
        # A second Catalog: its own engine and connections, as another process would have.
        with Catalog.open(catalog.db_path, catalog.assets) as other:
            n = 0
            while not stop.is_set():
                n += 1
                try:
                    with other.session() as s:
                        edit_item(
                            s,
                            first,
                            {"texts": {"title": {"en": f"Felt #{n}"}}, "tags": [f"edit-{n}"]},
                            USER,
                        )
                        create_item(s, {"kind": "map", "texts": {"title": {"en": f"M{n}"}}}, USER)
                except BaseException as exc:  # reported below
                    failures.append(exc)
                    return
                written.append(n)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 5:
            time.sleep(0.01)
        infos = [backup(catalog, tmp_path / f"copy-{i}.db") for i in range(5)]
    finally:
        stop.set()
        thread.join(30)
    assert not failures, failures
    assert len(written) > 5
    for info in infos:
        assert info.file.is_file() and info.bytes == info.file.stat().st_size > 0
        assert _integrity(info.file) == ("ok", "delete")  # whole, and one self-contained file
        assert not info.file.with_name(info.file.name + "-wal").exists()
        con = sqlite3.connect(info.file)
        try:
            # One consistent moment: the edited title and its tag agree, and the maps made
            # in the same transactions are all there.
            title = con.execute(
                "SELECT value FROM item_text WHERE item_id = ? AND field = 'title'", (first,)
            ).fetchone()[0]
            tag = con.execute("SELECT tag FROM item_tag WHERE item_id = ?", (first,)).fetchone()[0]
            maps = con.execute("SELECT count(*) FROM item WHERE kind = 'map'").fetchone()[0]
        finally:
            con.close()
        n = int(title.split("#")[1])
        assert tag == f"edit-{n}" and maps == n
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_backup_refuses_the_live_catalogue(catalog: Catalog, tmp_path: Path) -> None:
    live = catalog.db_path
    assert live is not None
    for target in (live, live.with_name(live.name + "-wal"), tmp_path / "." / live.name):
        with pytest.raises(CatalogError, match="live catalogue"):
            backup(catalog, target)
    with pytest.raises(CatalogError, match="folder does not exist"):
        backup(catalog, tmp_path / "missing" / "b.db")
    assert _integrity(live)[0] == "ok"


@pytest.fixture
def saved(catalog: Catalog, tmp_path: Path) -> Path:
    """A good backup of a catalogue holding two items (one published)."""
    a = _add(catalog, "Shyrdak")
    _add(catalog, "Tuskiiz")
    with catalog.session() as s:
        publish(s, items=[a], user=USER)
    return backup(catalog, tmp_path / "good.db").file


def _refused(catalog: Catalog, file: Path, reason: str) -> None:
    live = catalog.db_path
    assert live is not None
    before = _titles(catalog)
    with pytest.raises(CatalogError) as info:
        restore(live, file)
    message = str(info.value)
    assert reason in message and "\n" not in message and "not restored" in message
    assert _titles(catalog) == before
    assert list(live.parent.glob("*.before-restore.*")) == []  # the live file was not touched
    assert [p for p in live.parent.iterdir() if ".restore-" in p.name] == []


def test_restore_refuses_a_corrupt_file(catalog: Catalog, saved: Path) -> None:
    _add(catalog, "After the backup")
    data = bytearray(saved.read_bytes())
    page = 4096
    for offset in range(page, len(data), 3 * page):  # every third page's b-tree header
        data[offset : offset + 8] = b"\xa5" * 8
    bad = saved.with_name("corrupt.db")
    bad.write_bytes(bytes(data))
    _refused(catalog, bad, "integrity check")


def test_restore_refuses_what_is_not_an_sqlite_file(catalog: Catalog, tmp_path: Path) -> None:
    junk = tmp_path / "notes.db"
    junk.write_text("these are not the droids you are looking for " * 100)
    _refused(catalog, junk, "not an SQLite database")


def test_restore_refuses_a_foreign_sqlite_database(catalog: Catalog, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    _write(other, "CREATE TABLE recipe (id INTEGER PRIMARY KEY, name TEXT)")
    _refused(catalog, other, "not an exhibition catalogue")
    # An Alembic-managed database of another program, at a revision we happen to know.
    _write(
        other,
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)",
        "INSERT INTO alembic_version VALUES ('0001')",
    )
    _refused(catalog, other, "not an exhibition catalogue")


def test_restore_refuses_a_newer_catalogue(catalog: Catalog, saved: Path) -> None:
    _write(saved, "UPDATE alembic_version SET version_num = '9999'")
    _refused(catalog, saved, "newer exhibition-app")


def test_restore_refuses_a_file_failing_foreign_keys(catalog: Catalog, saved: Path) -> None:
    # Foreign keys are off by default in a plain connection.
    _write(saved, "INSERT INTO item_tag (item_id, tag) VALUES (9999, 'orphan')")
    _refused(catalog, saved, "foreign key")


def test_restore_refuses_a_damaged_search_index(catalog: Catalog, saved: Path) -> None:
    _write(saved, "DELETE FROM item_search")
    _refused(catalog, saved, "search index")


def test_restore_works_and_keeps_a_backup(catalog: Catalog, saved: Path, tmp_path: Path) -> None:
    live = catalog.db_path
    assert live is not None
    _add(catalog, "Made after the backup")
    with catalog.session() as s:
        publish(s, items=[3], user=USER)
        serial_before = publication_serial(s)
    # A kiosk that is running during the restore keeps its connections.
    with Catalog.open(live, tmp_path / "kiosk") as kiosk:
        with kiosk.read_session() as k:
            assert k.scalar(select(func.count(Item.id))) == 3
        result = restore(live, saved, user=USER)
        assert result.catalog == live and result.schema == head_revision()
        assert result.serial > serial_before  # kiosks polling the serial reload
        with kiosk.read_session() as k:
            assert k.scalar(select(func.count(Item.id))) == 2
            assert publication_serial(k) == result.serial
    assert _titles(catalog) == ["Shyrdak", "Tuskiiz"]
    previous = result.previous_backup
    assert previous is not None and previous.name.startswith("catalog.before-restore.")
    con = sqlite3.connect(previous)
    try:
        assert con.execute("SELECT count(*) FROM item").fetchone()[0] == 3
    finally:
        con.close()
    assert _integrity(live) == ("ok", "wal")
    # The catalogue is usable and whole afterwards.
    from exhibition_app.operations.check import check_catalog

    assert check_catalog(catalog, verify_checksums=False).problems == []
    _add(catalog, "After the restore")
    assert _titles(catalog)[-1] == "After the restore"


def test_restores_keep_the_last_five_backups(catalog: Catalog, saved: Path) -> None:
    live = catalog.db_path
    assert live is not None
    for _ in range(7):
        restore(live, saved)
    assert len(list(live.parent.glob("catalog.before-restore.*.db"))) == 5


def test_restore_upgrades_an_older_catalogue(catalog: Catalog, tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    engine = make_engine(resolve_url(old))
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0005")
        conn.execute(
            text(
                "INSERT INTO item (kind, accession_number, published, featured, created_at,"
                " updated_at) VALUES ('map', 'OLD-1', 1, 0, '2020-01-01', '2020-01-01')"
            )
        )
        conn.execute(text("INSERT INTO item_search (rowid, title, body) VALUES (1, '', 'old1')"))
    engine.dispose()
    live = catalog.db_path
    assert live is not None
    result = restore(live, old)
    assert result.schema == "0005"
    with catalog.read_session() as s:
        assert s.scalars(select(Item.accession_number)).all() == ["OLD-1"]
        assert publication_serial(s) == result.serial == 1


def test_restore_into_a_damaged_or_missing_catalogue(catalog: Catalog, saved: Path) -> None:
    live = catalog.db_path
    assert live is not None
    catalog.close()
    for side in ("-wal", "-shm"):
        live.with_name(live.name + side).unlink(missing_ok=True)
    live.write_bytes(b"\x00" * 8192)
    result = restore(live, saved)
    assert (
        result.previous_backup is not None and result.previous_backup.read_bytes()[:4] == b"\0" * 4
    )
    assert _integrity(live)[0] == "ok"
    live.unlink()
    result = restore(live, saved)
    assert result.previous_backup is None and _integrity(live)[0] == "ok"
    with Catalog.open(live, catalog.assets) as again:
        assert _titles(again) == ["Shyrdak", "Tuskiiz"]


def test_restore_refuses_the_catalogue_itself_and_missing_files(
    catalog: Catalog, tmp_path: Path
) -> None:
    live = catalog.db_path
    assert live is not None
    with pytest.raises(CatalogError, match="live catalogue itself"):
        restore(live, live)
    with pytest.raises(CatalogError, match="no such file"):
        restore(live, tmp_path / "nothing.db")


def test_scheduled_backups_are_made_when_due_and_rotated(catalog: Catalog, tmp_path: Path) -> None:
    folder = tmp_path / "scheduled"
    t0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    first = scheduled_backup(catalog, folder, keep=3, now=t0)
    assert first is not None and first.is_file() and _integrity(first) == ("ok", "delete")
    assert scheduled_backup(catalog, folder, keep=3, now=t0 + timedelta(hours=1)) is None
    assert scheduled_backup(catalog, folder, keep=3, now=t0 + timedelta(hours=23)) is None
    made = [first]
    for day in range(1, 5):
        path = scheduled_backup(catalog, folder, keep=3, now=t0 + timedelta(days=day))
        assert path is not None
        made.append(path)
    kept = sorted(folder.iterdir())
    assert kept == sorted(made[-3:])  # the three newest
    # An hourly schedule, and a clock that went back: neither blocks a backup for ever.
    hourly = scheduled_backup(
        catalog,
        folder,
        keep=3,
        min_interval=timedelta(hours=1),
        now=t0 + timedelta(days=4, hours=2),
    )
    assert hourly is not None
    assert scheduled_backup(catalog, folder, keep=3, now=t0 - timedelta(days=30)) is not None
    assert len(list(folder.iterdir())) == 3


def test_the_daily_backup_goes_beside_the_catalogue(catalog: Catalog, tmp_path: Path) -> None:
    """Issue 15: the curator workspace's daily backup went to the user's data folder even
    for a catalogue elsewhere; it now goes to ``backups`` beside the catalogue file."""
    assert catalog.db_path is not None
    beside = catalog.db_path.parent / "backups"
    assert default_backup_folder(catalog, create=False) == beside and not beside.exists()
    made = scheduled_backup(catalog)
    assert made is not None and made.parent == beside
    assert made.name.startswith(f"{catalog.db_path.stem}.scheduled.")
    assert _integrity(made)[0] == "ok"
    assert scheduled_backup(catalog) is None  # not again within a day
    assert list((tmp_path / "xdg-data").rglob("*.scheduled.*")) == []


def test_the_daily_backup_falls_back_to_the_user_data_folder(
    catalog: Catalog, tmp_path: Path, mounts: Any
) -> None:
    """A catalogue on a read-only share (no ``backups`` folder can be made beside it): the
    backups go to ``<user data>/backups/<catalogue name>`` instead, and say so."""
    assert catalog.db_path is not None
    catalog.close()
    shared = mounts(tmp_path / "share", "ro-bind", source=catalog.db_path.parent)
    with Catalog.open(shared / catalog.db_path.name, tmp_path / "assets") as on_share:
        folder = default_backup_folder(on_share)
        assert folder == tmp_path / "xdg-data" / "exhibition-app" / "backups" / "catalog"
        made = scheduled_backup(on_share)
        assert made is not None and made.parent == folder
