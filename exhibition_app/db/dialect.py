"""What differs between the engines, in one place: integrity checks, id sequences and
publication notices. Everything above the storage layer calls these and stays engine-free.

* SQLite: ``PRAGMA integrity_check`` and ``foreign_key_check``; no sequences (ids are
  ``max + 1``); no notices (kiosks poll the publication serial).
* PostgreSQL: the server enforces foreign keys and checks its own pages, so the check here
  is of what an application can break: an id sequence left behind rows inserted with their
  ids (a copy, a restore of hand-edited data), which would make the next insert fail.
  Publications are announced with NOTIFY, delivered at commit.
"""

from __future__ import annotations

from sqlalchemy import Engine, Integer, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from exhibition_app.db.models import Base
from exhibition_app.errors import first_line

#: The channel running kiosks LISTEN on (exhibition_app.operations.listener).
PUBLICATION_CHANNEL = "exhibition_publication"


def engine_name(session: Session) -> str:
    return session.get_bind().dialect.name


def _serial_tables() -> list[tuple[str, str]]:
    """(table, id column) of every table with a single integer key."""
    out = []
    for table in Base.metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) == 1 and isinstance(pk[0].type, Integer):
            out.append((table.name, pk[0].name))
    return out


def _sequences_behind(session: Session) -> list[tuple[str, str, str, int]]:
    """(table, column, sequence, max id) where the sequence would hand out a used id."""
    behind = []
    for table, column in _serial_tables():
        seq = session.execute(
            text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table, "c": column}
        ).scalar()
        if seq is None:
            continue
        top = session.execute(text(f'SELECT max("{column}") FROM "{table}"')).scalar()
        if top is None:
            continue
        last, called = session.execute(text(f"SELECT last_value, is_called FROM {seq}")).one()
        next_id = last + 1 if called else last
        if next_id <= top:
            behind.append((table, column, seq, int(top)))
    return behind


def first_damage(engine: Engine) -> str | None:
    """The first sign of damage in the database file, or None when it is sound: SQLite's
    ``quick_check`` (every page and record, not the indexes' contents: a fraction of a
    second for the sample, seconds for gigabytes). A server checks its own pages: None."""
    if engine.dialect.name != "sqlite":
        return None
    try:
        with engine.connect() as conn:
            rows = [row for (row,) in conn.execute(text("PRAGMA quick_check(1)"))]
    except DatabaseError as exc:
        return first_line(exc)
    if rows == ["ok"]:
        return None
    lines = [line for row in rows for line in str(row).splitlines() if not line.startswith("***")]
    return lines[0] if lines else "the quick check failed"


def page_problems(session: Session) -> list[str]:
    """Damage in the database file itself, one line each (empty when whole): SQLite's full
    ``integrity_check``. A server checks its own pages: empty."""
    if engine_name(session) != "sqlite":
        return []
    problem = ""
    # integrity_check gives up on some damage that quick_check still describes page by page.
    for pragma in ("integrity_check", "quick_check"):
        try:
            rows = [row for (row,) in session.execute(text(f"PRAGMA {pragma}"))]
        except DatabaseError as exc:
            problem = problem or first_line(exc)
            continue
        lines = [line for row in rows if row != "ok" for line in str(row).splitlines()]
        lines = [line for line in lines if not line.startswith("***")]
        if lines or not problem:
            return [f"database integrity: {line}" for line in lines]
        break  # quick_check passed where integrity_check could not run: still damage
    return [f"database integrity: {problem}"]


def database_problems(session: Session) -> list[str]:
    """Problems of the rows' bookkeeping, one line each (empty when whole): foreign keys on
    SQLite, id sequences behind their rows on PostgreSQL. Damaged pages: `page_problems`."""
    problems: list[str] = []
    if engine_name(session) == "sqlite":
        try:
            for table, rowid, parent, _fk in session.execute(text("PRAGMA foreign_key_check")):
                problems.append(f"foreign key: {table} row {rowid} points to a missing {parent}")
        except DatabaseError as exc:
            problems.append(f"database integrity: {first_line(exc)}")
    elif engine_name(session) == "postgresql":
        for table, _column, _seq, top in _sequences_behind(session):
            problems.append(
                f"the id sequence of {table} is behind its rows (highest id {top}): the next "
                "new row would fail; 'check --repair' moves it on"
            )
    return problems


def advance_sequences(session: Session) -> list[str]:
    """Move every id sequence that is behind past its table's highest id (PostgreSQL);
    returns the tables repaired."""
    if engine_name(session) != "postgresql":
        return []
    fixed = []
    for table, _column, seq, top in _sequences_behind(session):
        session.execute(text("SELECT setval(:s, :v)"), {"s": seq, "v": top})
        fixed.append(table)
    return fixed


def notify_publication(session: Session, serial: int) -> None:
    """Announce ``serial`` to listening kiosks when the transaction commits (PostgreSQL)."""
    if engine_name(session) == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, :serial)"),
            {"channel": PUBLICATION_CHANNEL, "serial": str(serial)},
        )


def _sequence(session: Session, table: str, column: str) -> str | None:
    return session.execute(
        text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table, "c": column}
    ).scalar()


def allocate_id(session: Session, table: str, column: str, floor: int) -> int | None:
    """A new id for ``table`` of at least ``floor`` from its sequence (PostgreSQL: safe for
    concurrent writers, never handed out twice); None on SQLite, where writers take turns
    and the caller picks ``max + 1`` itself."""
    if engine_name(session) != "postgresql":
        return None
    seq = _sequence(session, table, column)
    if seq is None:
        return None
    value = int(session.execute(text("SELECT nextval(:s)"), {"s": seq}).scalar_one())
    if value < floor:  # ids used before (a deleted row's history) that the sequence missed
        session.execute(text("SELECT setval(:s, :v)"), {"s": seq, "v": floor})
        value = floor
    return value


def note_explicit_id(session: Session, table: str, column: str, value: int) -> None:
    """A row went in with its own id (a restored, deleted item): keep the sequence past it,
    so the next row numbered by the sequence does not collide (PostgreSQL)."""
    if engine_name(session) != "postgresql":
        return
    seq = _sequence(session, table, column)
    if seq is not None:
        session.execute(
            text(
                f"SELECT setval(:s, :v) FROM {seq} "
                "WHERE last_value < :v OR NOT is_called AND last_value <= :v"
            ),
            {"s": seq, "v": value},
        )
