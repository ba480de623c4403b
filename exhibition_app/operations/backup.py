"""Backups and restores of an SQLite catalogue, safe while kiosks read and a curator writes.

* :func:`backup` copies the live catalogue with SQLite's online backup API (one consistent
  snapshot, even under WAL with writers busy) into a temporary file next to the target,
  makes it a single self-contained file and renames it into place.
* :func:`restore` refuses anything that is not a whole catalogue of this application: it
  works on a temporary copy and checks the header, ``PRAGMA integrity_check``, the schema
  revision (known, so not from a newer version; an older one is upgraded on the copy),
  ``PRAGMA foreign_key_check`` and the search index (the database part of ``check``). Only
  then does it back up the current catalogue (rotated, the last 5 are kept, as before an
  upgrade) and copy the checked file *into* the live catalogue with the backup API, as one
  write transaction: readers see the old catalogue or the new one, never a mix, and open
  connections (running kiosks) carry on. It also moves the publication serial past the one
  before the restore, so running kiosks reload.
* :func:`scheduled_backup` makes a rotated backup when the newest is older than an interval
  (the GUI calls it at start and every hour).

A PostgreSQL catalogue is backed up and restored with pg_dump and pg_restore instead
(exhibition_app.operations.pg_backup); the functions here hand such catalogues over to it.

Media files are not part of these backups: they are content-addressed and never changed in
place; ``check`` reports any a restored catalogue refers to but the assets folder lacks.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from exhibition_app.catalog import Catalog
from exhibition_app.core.durable import replace_file
from exhibition_app.db.engine import (
    BACKUPS_KEPT,
    BUSY_TIMEOUT_MS,
    MIGRATIONS_DIR,
    backup_sqlite,
    create_private_file,
    make_engine,
    read_only_reason,
    read_only_uri,
    resolve_url,
    sqlite_path,
)
from exhibition_app.db.search import integrity_problems
from exhibition_app.errors import CatalogError
from exhibition_app.operations.backup_files import (
    CORE_TABLES,
    SQLITE_HEADER,
    backup_target,
    known_revisions,
    rotate,
    stamp,
    stamp_of,
)
from exhibition_app.operations.pg_backup import dump, is_postgresql, restore_dump
from exhibition_app.operations.publishing import announce_restore
from exhibition_app.paths import default_locations

__all__ = [
    "BackupInfo",
    "RestoreResult",
    "backup",
    "catalogue_problem",
    "restore",
    "restore_catalogue",
    "scheduled_backup",
]

_TIMEOUT = BUSY_TIMEOUT_MS / 1000


@dataclass(frozen=True)
class BackupInfo:
    file: Path
    bytes: int

    def as_json(self) -> dict[str, object]:
        return {"file": str(self.file), "bytes": self.bytes}


@dataclass(frozen=True)
class RestoreResult:
    catalog: Path
    #: The catalogue as it was before the restore (None when there was none).
    previous_backup: Path | None
    #: The schema revision the restored file was written with (it is now at the head).
    schema: str
    #: The publication serial after the restore (past the one before it).
    serial: int


# -- small helpers ---------------------------------------------------------------------------


def _db_file(catalog: Catalog | str | Path) -> Path:
    """The SQLite file of an open catalogue, a path or an sqlite:/// URL."""
    path = catalog.db_path if isinstance(catalog, Catalog) else sqlite_path(resolve_url(catalog))
    if path is None:
        raise CatalogError("backups and restores need a catalogue that is an SQLite file")
    return Path(path)


def _postgresql_url(catalog: Catalog | str | Path) -> str | None:
    """The URL of a PostgreSQL catalogue, None for SQLite."""
    url = catalog.url if isinstance(catalog, Catalog) else resolve_url(catalog)
    return url if is_postgresql(url) else None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _is_catalogue_side_file(target: Path, db: Path) -> bool:
    """The live file itself or one of SQLite's files beside it (-wal, -shm, -journal)."""
    candidates = [db] + [db.with_name(db.name + s) for s in ("-wal", "-shm", "-journal")]
    return any(_same_file(target, c) for c in candidates)


def _reason(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).splitlines()
    return text[0] if text else type(exc).__name__


def _copy_online(src: Path, dest: Path) -> None:
    """Copy ``src`` (live, maybe in WAL mode with writers) into the new file ``dest`` with the
    online backup API, as one single-file database (rollback journal, not WAL)."""
    if read_only_reason(src) is not None:  # read it as Catalog does, without writing
        source = sqlite3.connect(read_only_uri(src), uri=True, timeout=_TIMEOUT)
    else:
        source = sqlite3.connect(str(src), timeout=_TIMEOUT)
    try:
        target = sqlite3.connect(str(dest), timeout=_TIMEOUT)
        try:
            source.backup(target)  # pages=-1: one step, one consistent read of the source
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    finally:
        source.close()


# -- backup ----------------------------------------------------------------------------------


def backup(catalog: Catalog | str | Path, file: str | Path) -> BackupInfo:
    """Write a consistent copy of the catalogue to ``file`` while others read and write.

    The copy goes to a temporary file in the target's folder and is renamed into place, so
    ``file`` is never half-written. The live catalogue itself (or its -wal/-shm) is refused.
    """
    url = _postgresql_url(catalog)
    if url is not None:
        written = dump(url, file)
        return BackupInfo(written, written.stat().st_size)
    if isinstance(catalog, Catalog):
        catalog.ensure_sound()  # a backup of a damaged file could never be restored
    src = _db_file(catalog)
    dest = Path(file).expanduser()
    if not src.is_file():
        raise CatalogError(f"there is no catalogue file {src} to back up")
    if _is_catalogue_side_file(dest, src):
        raise CatalogError(f"{dest} is the live catalogue; choose another file for the backup")
    _folder, tmp = backup_target(dest)
    try:
        _copy_online(src, tmp)
        replace_file(tmp, dest)
    except (OSError, sqlite3.Error) as exc:
        raise CatalogError(f"cannot write the backup {dest}: {_reason(exc)}") from None
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    return BackupInfo(dest, dest.stat().st_size)


#: How many daily automatic backups :func:`scheduled_backup` keeps.
SCHEDULED_KEPT = 10
#: The folder beside the catalogue file that holds its automatic backups.
BACKUPS_FOLDER = "backups"


def default_backup_folder(catalog: Catalog | str | Path, *, create: bool = True) -> Path:
    """Where the daily automatic backups of an SQLite catalogue go: a ``backups`` folder
    beside the catalogue file, when it exists or can be made there and is writable (the
    backups travel with the catalogue, on its disk); else this account's data folder,
    ``<user data>/backups/<catalogue name>``. With ``create=False`` nothing is made and
    the folder beside the catalogue is named unless it cannot be used."""
    from exhibition_app.paths import user_data_dir

    src = _db_file(catalog)
    beside = src.parent / BACKUPS_FOLDER
    try:
        if create:
            beside.mkdir(exist_ok=True)
        if beside.is_dir() and os.access(beside, os.W_OK | os.X_OK):
            return beside
        if not create and not beside.exists() and os.access(src.parent, os.W_OK | os.X_OK):
            return beside
    except OSError:
        pass
    return user_data_dir() / BACKUPS_FOLDER / src.stem


def scheduled_backup(
    catalog: Catalog | str | Path,
    folder: str | Path | None = None,
    keep: int = SCHEDULED_KEPT,
    min_interval: timedelta = timedelta(hours=24),
    *,
    now: datetime | None = None,
) -> Path | None:
    """A rotated backup in ``folder`` if the newest there is older than ``min_interval``.

    ``folder`` None: :func:`default_backup_folder` (beside the catalogue file, else the
    user's data folder). Files are named ``<catalogue>.scheduled.<UTC time><suffix>``; only
    the ``keep`` newest stay. Returns the new file (so a screen can say where it went), or
    None when a recent enough one exists. A newest backup dated in the future (the clock
    went back) does not stop a new one.
    """
    url = _postgresql_url(catalog)
    src = Path(make_url(url).database or "catalog") if url else _db_file(catalog)
    if folder is None:
        if url:
            raise CatalogError("give a folder for the backups of a catalogue on a server")
        folder = default_backup_folder(catalog)
    target = Path(folder).expanduser()
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CatalogError(f"cannot create the backup folder {target}: {_reason(exc)}") from None
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    prefix, suffix = f"{src.stem}.scheduled.", ".dump" if url else (src.suffix or ".db")
    stamps = [s for p in target.glob(f"{prefix}*{suffix}") if (s := stamp_of(p, prefix, suffix))]
    if stamps:
        age = moment - max(stamps)
        if timedelta(0) <= age < min_interval:
            return None
    dest = target / f"{prefix}{stamp(moment)}{suffix}"
    backup(url or src, dest)
    rotate(target, prefix, suffix, max(1, keep))
    return dest


# -- restore ---------------------------------------------------------------------------------


def _upgrade(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            cfg = Config()
            cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()


def _raw_problems(con: sqlite3.Connection) -> str | None:
    rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        return f"it fails the integrity check ({rows[0]})"
    for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check"):
        return f"it fails the foreign key check ({table} row {rowid} points to a missing {parent})"
    return None


def catalogue_problem(path: Path) -> tuple[str | None, str | None]:
    """Why the SQLite file ``path`` cannot be taken as a catalogue: (reason, schema revision).

    The file may be upgraded in place (call it on a copy). Reason None means it is whole.
    """
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            return "it is not an SQLite database file", None
    try:
        con = sqlite3.connect(str(path))
        try:
            problem = _raw_problems(con)
            if problem:
                return problem, None
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                return "it is not an exhibition catalogue (it has no schema version)", None
            versions = [r[0] for r in con.execute("SELECT version_num FROM alembic_version")]
        finally:
            con.close()
    except sqlite3.Error as exc:  # "database disk image is malformed", "not a database"
        return f"it fails the integrity check ({_reason(exc)})", None
    known, head = known_revisions()
    if len(versions) != 1:
        return "it is not an exhibition catalogue (its schema version is not one value)", None
    schema = versions[0]
    if schema not in known:
        return (
            f"it was written by a newer exhibition-app or another program (schema {schema})",
            schema,
        )
    missing = sorted(CORE_TABLES - tables)
    if missing:
        return f"it is not an exhibition catalogue (no {', '.join(missing)} table)", schema
    if schema != head:
        try:
            _upgrade(path)
        except Exception as exc:
            return f"it cannot be brought up to date from schema {schema} ({_reason(exc)})", schema
    engine = make_engine(f"sqlite:///{path}")
    try:
        with Session(engine) as session:
            problems = integrity_problems(session)
            session.rollback()
        if problems:
            return problems[0], schema
        con = sqlite3.connect(str(path))
        try:
            problem = _raw_problems(con)
        finally:
            con.close()
        if problem:
            return problem, schema
    except Exception as exc:
        return f"it cannot be checked ({_reason(exc)})", schema
    finally:
        engine.dispose()
    return None, schema


def _serial_of(path: Path) -> int:
    """The publication serial of a catalogue file; 0 when it has none or cannot be read."""
    if not path.is_file():
        return 0
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=_TIMEOUT)
        try:
            row = con.execute("SELECT max(id) FROM publication").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return 0
    return int(row[0] or 0) if row else 0


def _announce(path: Path, after: int, user: str | None) -> int:
    """Add a publication past ``after``, so running kiosks reload; returns its serial."""
    engine = make_engine(f"sqlite:///{path}")
    try:
        with Session(engine) as session, session.begin():
            return announce_restore(session, after, user)
    finally:
        engine.dispose()


def _single_file(path: Path, page_size: int | None) -> None:
    """Checkpoint and leave ``path`` as one file (rollback journal), with ``page_size``."""
    con = sqlite3.connect(str(path))
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode = DELETE")
        if page_size and con.execute("PRAGMA page_size").fetchone()[0] != page_size:
            con.execute(f"PRAGMA page_size = {int(page_size)}")
            con.execute("VACUUM")
    finally:
        con.close()


def _page_size(path: Path) -> int | None:
    try:
        con = sqlite3.connect(str(path), timeout=_TIMEOUT)
        try:
            return int(con.execute("PRAGMA page_size").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return None


def _backup_current(live: Path) -> Path:
    """The automatic backup before a restore, rotated like the one before an upgrade."""
    try:
        return backup_sqlite(live, label="before-restore")
    except sqlite3.Error:
        # Too damaged for SQLite to copy (that may be why it is being restored): the bytes.
        suffix = live.suffix or ".db"
        prefix = f"{live.stem}.before-restore."
        dest = live.with_name(f"{prefix}{stamp()}{suffix}")
        create_private_file(dest)
        shutil.copyfile(live, dest)
        rotate(live.parent, prefix, suffix, BACKUPS_KEPT)
        return dest


def _install(candidate: Path, live: Path) -> None:
    """Make ``live`` hold exactly ``candidate``'s content, atomically for its readers."""
    if live.exists() and live.stat().st_size > 0:
        try:
            _copy_into(candidate, live)
            return
        except sqlite3.OperationalError:  # busy, read-only, ...: not for a blunter way
            raise
        except sqlite3.DatabaseError:
            pass  # the live file is too damaged for SQLite to write into: replace the file
    for side in ("-wal", "-shm", "-journal"):
        live.with_name(live.name + side).unlink(missing_ok=True)
    replace_file(candidate, live)


def _copy_into(candidate: Path, live: Path) -> None:
    source = sqlite3.connect(str(candidate))
    try:
        target = sqlite3.connect(str(live), timeout=_TIMEOUT)
        try:
            target.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # One step: every page in one write transaction on the live catalogue, so its
            # readers see the old content or the new, and their connections stay valid.
            source.backup(target)
            target.execute("PRAGMA journal_mode = WAL")
        finally:
            target.close()
    finally:
        source.close()


def restore(
    catalog_path: str | Path, file: str | Path, *, user: str | None = None
) -> RestoreResult:
    """Replace the catalogue at ``catalog_path`` by the backup ``file``, if it is whole.

    Refuses, with a one-line CatalogError naming the reason, a file that is not an SQLite
    database, fails ``PRAGMA integrity_check`` or ``foreign_key_check``, is not a catalogue
    of this application, comes from a newer version, or whose search index is damaged; the
    live catalogue is then left untouched. Otherwise the current catalogue is backed up
    first (``<name>.before-restore.<time>``, the last 5 kept). ``user`` is recorded as the
    publisher of the publication that tells running kiosks to reload.
    """
    src = Path(file).expanduser()
    live = _db_file(catalog_path).expanduser().resolve()
    if not src.is_file():
        raise CatalogError(f"cannot restore from {src}: there is no such file")
    if _is_catalogue_side_file(src, live):
        raise CatalogError(f"{src} is the live catalogue itself; give a backup file to restore")
    if not live.parent.is_dir():
        raise CatalogError(f"cannot restore into {live}: its folder does not exist")
    try:
        work = Path(tempfile.mkdtemp(prefix=f".{live.name}.restore-", dir=live.parent))
    except OSError as exc:
        raise CatalogError(f"cannot restore into {live}: {_reason(exc)}") from None
    try:
        candidate = work / "candidate.db"
        try:
            shutil.copyfile(src, candidate)
            wal = src.with_name(src.name + "-wal")
            if wal.is_file():  # a copy taken without the backup API: its WAL belongs to it
                shutil.copyfile(wal, work / "candidate.db-wal")
        except OSError as exc:
            raise CatalogError(f"cannot read {src}: {_reason(exc)}") from None
        problem, schema = catalogue_problem(candidate)
        if problem is not None:
            raise CatalogError(f"{src} was not restored: {problem}")
        assert schema is not None
        serial = _announce(candidate, _serial_of(live), user)
        _single_file(candidate, _page_size(live) if live.is_file() else None)
        previous = _backup_current(live) if live.is_file() and live.stat().st_size else None
        try:
            _install(candidate, live)
        except (OSError, sqlite3.Error) as exc:
            raise CatalogError(
                f"could not restore into {live} ({_reason(exc)}); "
                f"the catalogue as it was is in {previous}"
            ) from None
        return RestoreResult(live, previous, schema, serial)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def restore_catalogue(
    target: str | Path | None, file: str | Path, *, user: str | None = None
) -> dict[str, Any]:
    """Restore the catalogue ``target`` names (``--catalog``: a file or URL; None for the
    default one) from the backup ``file``, whether it is an SQLite file or a PostgreSQL
    database, without opening it first (it may be the damaged one being replaced).

    Returns what was done as plain data: ``restored``, ``catalog`` (a URL without its
    password), ``previous_backup`` (None when there was no catalogue before), ``schema``
    and ``serial``.
    """
    url = resolve_url(target if target is not None else default_locations()[0])
    path = sqlite_path(url)
    if path is not None:
        result = restore(path, file, user=user)
        shown, previous, schema, serial = (
            str(result.catalog),
            result.previous_backup,
            result.schema,
            result.serial,
        )
    elif is_postgresql(url):
        previous, schema, serial = restore_dump(url, file, user=user)
        shown = make_url(url).render_as_string(hide_password=True)
    else:
        raise CatalogError("restore works on an SQLite or a PostgreSQL catalogue")
    return {
        "restored": True,
        "catalog": shown,
        "previous_backup": str(previous) if previous else None,
        "schema": schema,
        "serial": serial,
    }
