"""Opening a catalogue: URL resolution, SQLite pragmas, backups and Alembic upgrades.

A catalogue is an SQLAlchemy URL. A plain path means an SQLite file; a file that does not
exist yet becomes a new, empty, fully migrated catalogue. Opening a catalogue written by an
older version first copies it aside with SQLite's online backup API and then upgrades it.
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError

from exhibition_app.errors import CatalogError, first_line, shown

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 10_000
BACKUPS_KEPT = 5


def resolve_url(path_or_url: str | Path) -> str:
    """Turn ``--catalog`` input (a path or an SQLAlchemy URL) into a URL string."""
    text = str(path_or_url)
    if "://" in text:
        try:
            make_url(text).get_dialect()
        except (ArgumentError, NoSuchModuleError, ValueError) as exc:
            masked = re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", text)  # never echo a password
            raise CatalogError(f"cannot understand the catalogue URL '{masked}': {exc}") from None
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for other engines and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # The sqlite3 module would start transactions only before INSERT/UPDATE/DELETE, so a
    # read session's SELECTs would each see a different commit: SQLAlchemy's "begin" event
    # emits BEGIN itself instead (see _sqlite_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _sqlite_pragmas_read_only(dbapi_conn: Any, _record: Any) -> None:
    # No journal_mode or synchronous: changing them writes, and a read-only file keeps
    # the mode it has. query_only: a write that slipped past Catalog.session fails here.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA query_only = 1")
    cur.close()


def _folder_writable(path: Path) -> bool:
    return os.access(path.parent, os.W_OK | os.X_OK) and not _on_read_only_fs(path)


def _on_read_only_fs(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows)
        return False


def read_only_reason(path: Path) -> str | None:
    """Why the existing SQLite catalogue ``path`` can only be read, or None: "a read-only
    file system", or "file permissions" (the file, or its folder, where SQLite keeps its
    journal and WAL files, is not writable by this account)."""
    if not path.is_file():
        return None
    if _on_read_only_fs(path):
        return "a read-only file system"
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        return "file permissions"
    return None


def read_only_uri(path: Path) -> str:
    """The SQLite URI that reads ``path`` without writing anything: ``mode=ro``, plus
    ``immutable=1`` where SQLite could not create its WAL index (a folder it cannot write,
    a read-only file system, and no ``-wal``/``-shm`` files left by a writer), so WAL mode
    cannot fail there; a file nobody can change cannot change under the reader."""
    query = "mode=ro"
    wal, shm = path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
    if not _folder_writable(path) and not (wal.exists() and shm.exists()):
        query += "&immutable=1"
    return f"{path.resolve().as_uri()}?{query}"


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """An Engine with WAL, foreign keys and a busy timeout on SQLite; with ``read_only`` (an
    existing SQLite file this account cannot change) one that opens it by
    :func:`read_only_uri` and never writes."""
    path = sqlite_path(url)
    if path is not None:
        if path.exists() and path.is_dir():
            raise CatalogError(f"{path} is a folder, not a catalogue file")
        if not path.parent.exists():
            raise CatalogError(f"cannot create the catalogue {path}: its folder does not exist")
        _check_sqlite_header(path)
    # A server's connections can die under the pool (a restart, a network cut): test each one
    # as it is taken, so the next session reconnects instead of failing once per dead one.
    extra: dict[str, Any] = {} if path is not None else {"pool_pre_ping": True}
    if read_only and path is not None:
        uri, timeout = read_only_uri(path), BUSY_TIMEOUT_MS / 1000
        extra["creator"] = lambda: sqlite3.connect(
            uri, uri=True, check_same_thread=False, timeout=timeout
        )
    try:
        engine = create_engine(url, connect_args=_connect_args(url), **extra)
    except ImportError as exc:
        raise CatalogError(
            f"the catalogue URL needs a database driver that is not installed ({exc.name})"
        ) from exc
    if path is not None:
        pragmas = _sqlite_pragmas_read_only if read_only else _sqlite_pragmas
        event.listen(engine, "connect", pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_begin(conn: Any) -> None:
    """One SQLite transaction per SQLAlchemy transaction, reads included, so a read session
    sees one snapshot. Writers (``execution_options(sqlite_immediate=True)``, as
    ``Catalog.session`` sets) take the write lock at BEGIN: a deferred transaction that
    read first would fail at its first write with SQLITE_BUSY ("database is locked",
    busy_timeout does not help) whenever another process committed in between."""
    mode = "IMMEDIATE" if conn.get_execution_options().get("sqlite_immediate") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def _connect_args(url: str) -> dict[str, Any]:
    if make_url(url).get_backend_name() == "sqlite":
        # Connections are handed between the UI's database worker and other threads.
        return {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
    return {}


def _check_sqlite_header(path: Path) -> None:
    """A file that exists must be an SQLite database: an empty file is not a catalogue
    (it is what ``: > catalog.db`` or an interrupted copy leaves), and is never taken for a
    new one."""
    if not path.exists():
        return
    if path.is_file() and path.stat().st_size == 0:
        raise CatalogError(f"{shown(path)} is not a catalogue (an empty file)")
    with path.open("rb") as fh:
        head = fh.read(16)
    if head != b"SQLite format 3\x00":
        raise CatalogError(f"{shown(path)} is not a catalogue (not an SQLite database file)")


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config  # only to migrate: Alembic costs 0.3 s to import

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(
    r"^down_revision(?:\s*:[^=\n]*)?\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.MULTILINE
)


def _revisions() -> dict[str, str | None]:
    """{revision: down_revision} of the migration scripts, read as text (no Alembic import,
    so opening a catalogue that is up to date never loads Alembic)."""
    found: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None or down is None:
            raise CatalogError(f"the migration {path.name} names no revision")
        found[revision.group(1)] = down.group(1)
    return found


def head_revision() -> str:
    """The newest schema revision: the one no other migration revises (the tests check
    that Alembic agrees)."""
    revisions = _revisions()
    heads = set(revisions) - {down for down in revisions.values() if down}
    if len(heads) != 1:
        raise CatalogError(f"the migrations have {len(heads)} heads: {', '.join(sorted(heads))}")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    """The catalogue's schema revision (None for a database Alembic never touched)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return rows[0] if len(rows) == 1 else None


def is_new_catalogue(engine: Engine) -> bool:
    """True for a database with no tables at all: opening it makes a new catalogue."""
    try:
        return not inspect(engine).get_table_names()
    except DatabaseError as exc:
        raise CatalogError(f"cannot read the catalogue: {first_line(exc)}") from exc


def upgrade(engine: Engine) -> Path | None:
    """Bring the catalogue to the newest schema; returns the backup made first, if any.

    A new, empty database is migrated without a backup. A catalogue from a newer version of
    the application is refused rather than touched.
    """
    try:
        current = current_revision(engine)
        has_tables = bool(inspect(engine).get_table_names())
    except DatabaseError as exc:
        raise CatalogError(f"cannot read the catalogue: {first_line(exc)}") from exc
    head = head_revision()
    if current == head:
        return None
    from alembic import command

    if current is not None and current not in _revisions():
        raise CatalogError(
            f"the catalogue was written by a newer exhibition-app (schema {current}); "
            "install the newer version to open it"
        )
    if current is None and has_tables:
        raise CatalogError("the database is not an exhibition catalogue (it has other tables)")
    backup = None
    path = sqlite_path(str(engine.url))
    if current is not None and path is not None:
        backup = backup_sqlite(path, label=f"before-upgrade-from-{current}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")
    return backup


def create_private_file(path: Path) -> None:
    """Make ``path`` an empty file only its owner can read (0600), or make it 0600 if it is
    there: a catalogue and its copies hold the curators' password hashes."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        os.chmod(path, 0o600)


def backup_sqlite(path: Path, *, label: str = "backup", dest: Path | None = None) -> Path:
    """Copy a live SQLite catalogue with the online backup API (consistent under WAL), into
    a file only its owner can read."""
    if dest is None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        dest = path.with_name(f"{path.stem}.{label}.{stamp}{path.suffix or '.db'}")
    create_private_file(dest)
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(dest))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    _rotate_backups(path, label)
    return dest


def _rotate_backups(path: Path, label: str) -> None:
    pattern = f"{path.stem}.{label}.*{path.suffix or '.db'}"
    olds = sorted(path.parent.glob(pattern))
    for old in olds[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
