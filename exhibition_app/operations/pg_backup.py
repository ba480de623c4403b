"""Backups and restores of a PostgreSQL catalogue with pg_dump and pg_restore.

* :func:`dump` runs ``pg_dump --format=custom`` (one consistent snapshot of the database
  while kiosks read and curators write) into a temporary file next to the target, checks the
  archive with ``pg_restore --list`` and renames it into place: the file is never half-written.
* :func:`restore_dump` refuses anything that is not a whole catalogue archive of this
  application: it reads the archive's table of contents (the core tables must be there) and
  its schema revision (known, so not from a newer version) before touching the database. It
  then dumps the current database (rotated, the last 5 kept), and restores the archive with
  ``--clean --single-transaction``: readers see the old catalogue or the new one, and a
  failure (a broken archive, a foreign key that does not hold) rolls everything back. An older
  archive is brought up to date with the migrations afterwards; the publication serial moves
  past the one before the restore, so running kiosks reload.

The client programs must be of the server's major version or newer; the newest installed ones
are used (Debian keeps each version in /usr/lib/postgresql/<major>/bin).
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import func, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from exhibition_app.core.durable import replace_file
from exhibition_app.db.engine import BACKUPS_KEPT, make_engine, upgrade
from exhibition_app.db.models import Publication
from exhibition_app.errors import CatalogError
from exhibition_app.operations.backup_files import (
    CORE_TABLES,
    SQLITE_HEADER,
    backup_target,
    known_revisions,
    rotate,
    stamp,
)
from exhibition_app.operations.publishing import announce_restore

ARCHIVE_MAGIC = b"PGDMP"
_TIMEOUT = 3600


def is_postgresql(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def find_tool(name: str) -> str:
    """The newest installed ``pg_dump``/``pg_restore``; a CatalogError naming the package."""
    versions = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(p.split("/")[-3]) if p.split("/")[-3].isdigit() else 0,
        reverse=True,
    )
    found = versions[0] if versions else shutil.which(name)
    if not found:
        raise CatalogError(
            f"{name} is needed for PostgreSQL backups and is not installed "
            "(sudo apt-get install -y postgresql-client)"
        )
    return found


def libpq_env(url: str) -> dict[str, str]:
    """The environment that points libpq programs at ``url`` (the password never on argv)."""
    parsed = make_url(url)
    env = dict(os.environ)
    values = {
        "PGHOST": parsed.host,
        "PGPORT": str(parsed.port) if parsed.port else None,
        "PGUSER": parsed.username,
        "PGPASSWORD": parsed.password,
        "PGDATABASE": parsed.database,
    }
    for key, value in values.items():
        if value:
            env[key] = str(value)
    for key, raw in parsed.query.items():  # sslmode=..., host=/run/postgresql, ...
        if isinstance(raw, str) and key in ("sslmode", "host", "port", "application_name"):
            env["PG" + key.upper().replace("_", "")] = raw
    return env


def _run(tool: str, args: list[str], url: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [find_tool(tool), *args],
            env=libpq_env(url),
            capture_output=True,
            text=True,
            timeout=_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise CatalogError(f"cannot run {tool}: {exc}") from None


def _error(proc: subprocess.CompletedProcess[str]) -> str:
    lines = [
        line.removeprefix("pg_dump: ").removeprefix("pg_restore: ").removeprefix("error: ")
        for line in (proc.stderr or proc.stdout).splitlines()
        if line.strip()
    ]
    errors = [line for line in lines if "error" in line.lower()] or lines
    return errors[0] if errors else f"exit status {proc.returncode}"


def dump(url: str, file: str | Path) -> Path:
    """A pg_dump custom-format archive of the catalogue at ``url`` in ``file``."""
    dest = Path(file).expanduser()
    _folder, tmp = backup_target(dest)
    try:
        proc = _run(
            "pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "-f", str(tmp)], url
        )
        if proc.returncode != 0:
            raise CatalogError(f"cannot back up the catalogue: {_error(proc)}")
        _toc(tmp)  # the archive reads back
        replace_file(tmp, dest)
    except OSError as exc:
        raise CatalogError(f"cannot write the backup {dest}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return dest


def _read_archive(args: list[str]) -> subprocess.CompletedProcess[str]:
    """``pg_restore`` reading an archive file (no database involved)."""
    return subprocess.run(
        [find_tool("pg_restore"), *args],
        capture_output=True,
        text=True,
        timeout=_TIMEOUT,
        check=False,
    )


def _toc(archive: Path) -> str:
    """The archive's table of contents (``pg_restore --list``); refuses a broken archive."""
    proc = _read_archive(["--list", str(archive)])
    if proc.returncode != 0:
        raise CatalogError(f"it is not a readable PostgreSQL archive ({_error(proc)})")
    return proc.stdout


def archive_schema(archive: Path) -> str:
    """The catalogue schema revision stored in an archive; refuses what is not a catalogue."""
    toc = _toc(archive)
    tables = set(re.findall(r"\bTABLE DATA \S+ (\w+) ", toc))
    missing = sorted(CORE_TABLES - tables)
    if missing:
        raise CatalogError(f"it is not an exhibition catalogue (no {', '.join(missing)} table)")
    if "alembic_version" not in tables:
        raise CatalogError("it is not an exhibition catalogue (no schema version)")
    proc = _read_archive(["--data-only", "--table=alembic_version", "-f", "-", str(archive)])
    if proc.returncode != 0:
        raise CatalogError(f"its schema version cannot be read ({_error(proc)})")
    rows = re.search(r"COPY \S*alembic_version .*?FROM stdin;\n(.*?)\n\\\.", proc.stdout, re.S)
    versions = rows.group(1).split("\n") if rows else []
    if len(versions) != 1 or not versions[0].strip():
        raise CatalogError(
            "it is not an exhibition catalogue (its schema version is not one value)"
        )
    return versions[0].strip()


def _serial(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.max(Publication.id))).scalar() or 0)
    except Exception:
        return 0
    finally:
        engine.dispose()


def restore_dump(
    url: str, file: str | Path, *, user: str | None = None, backups: Path | None = None
) -> tuple[Path | None, str, int]:
    """Replace the catalogue at ``url`` by the archive ``file``, if it is a whole catalogue.

    Returns (the dump of the catalogue as it was, the archive's schema revision, the new
    publication serial). ``backups`` is where the dump before the restore goes (default: the
    archive's folder).
    """
    src = Path(file).expanduser()
    if not src.is_file():
        raise CatalogError(f"cannot restore from {src}: there is no such file")
    with src.open("rb") as fh:
        head = fh.read(16)
    if head.startswith(SQLITE_HEADER):
        raise CatalogError(
            f"{src} was not restored: it is an SQLite catalogue; to move one into PostgreSQL, "
            "use 'exhibition-app --catalog FILE copy-to URL'"
        )
    if not head.startswith(ARCHIVE_MAGIC):
        raise CatalogError(f"{src} was not restored: it is not a pg_dump custom-format archive")
    try:
        schema = archive_schema(src)
    except CatalogError as exc:
        raise CatalogError(f"{src} was not restored: {exc}") from None
    known, _head = known_revisions()
    if schema not in known:
        raise CatalogError(
            f"{src} was not restored: it was written by a newer exhibition-app or another "
            f"program (schema {schema})"
        )
    before = _serial(url)
    folder = backups or src.parent
    name = make_url(url).database or "catalog"
    previous = None
    if before or _has_tables(url):
        previous = dump(url, folder / f"{name}.before-restore.{stamp()}.dump")
        rotate(folder, f"{name}.before-restore.", ".dump", BACKUPS_KEPT)
    proc = _run(
        "pg_restore",
        [
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            "-d",
            make_url(url).database or "",
            str(src),
        ],
        url,
    )
    if proc.returncode != 0:
        kept = f"; the catalogue as it was is in {previous}" if previous else ""
        raise CatalogError(f"{src} was not restored ({_error(proc)}){kept}")
    engine = make_engine(url)
    try:
        upgrade(engine)
        with Session(engine) as session, session.begin():
            serial = announce_restore(session, before, user)
    finally:
        engine.dispose()
    return previous, schema, serial


def _has_tables(url: str) -> bool:
    engine = make_engine(url)
    try:
        return bool(inspect(engine).get_table_names())
    except Exception:
        return False
    finally:
        engine.dispose()
