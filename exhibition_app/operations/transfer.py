"""Copy a whole catalogue to another database, ids and all: moving a site to PostgreSQL.

``copy_catalogue`` reads every table of a catalogue (at the newest schema) and writes it into
an empty catalogue on any engine, in one transaction: the target ends up with every row or
with nothing. Ids are kept, so links, history snapshots and kiosk statistics stay valid;
PostgreSQL's id sequences are moved past the copied ids afterwards, and the search index is
rebuilt for the target's engine. Media and tile files are not copied: both catalogues use the
same asset folder (or ``sync`` brings a replica up to date).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from exhibition_app.catalog import Catalog, CatalogError
from exhibition_app.db.dialect import advance_sequences
from exhibition_app.db.models import Base, Item
from exhibition_app.db.search import rebuild_index
from exhibition_app.errors import InvalidInput, shown

_CHUNK = 2000


@dataclass
class TransferReport:
    source: str
    target: str
    rows: dict[str, int] = field(default_factory=dict)
    indexed: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "rows": dict(self.rows),
            "total_rows": sum(self.rows.values()),
            "indexed": self.indexed,
        }


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _refuse_nul(table: str, rows: Sequence[Mapping[Any, Any]]) -> None:
    """PostgreSQL cannot store a NUL character in text (SQLite can, and older versions let
    CSV imports put one there): name the row and column instead of failing as a whole."""
    for row in rows:
        for column, value in row.items():
            if isinstance(value, str) and "\x00" in value:
                key = row.get("id", row.get("item_id", "?"))
                raise InvalidInput(
                    f"{table} {shown(key)}, {column}: contains a NUL character (\\x00), which "
                    f"PostgreSQL cannot store ({shown(value[:40])}); correct it in the source "
                    "catalogue, then copy again"
                )


def copy_catalogue(
    source: Catalog,
    target: Catalog,
    *,
    progress: Callable[[str, int], None] | None = None,
    skip: frozenset[str] = frozenset(),
) -> TransferReport:
    """Copy every row of ``source`` into the empty ``target``; all or nothing.

    Tables named in ``skip`` are left empty in the target.
    """
    if source.url == target.url:
        raise CatalogError("the source and the target are the same catalogue")
    report = TransferReport(_safe_url(source.url), _safe_url(target.url))
    tables = [t for t in Base.metadata.sorted_tables if t.name not in skip]
    with target.session() as dst:
        busy = [t.name for t in tables if dst.execute(select(func.count()).select_from(t)).scalar()]
        if busy:
            raise CatalogError(
                f"the target catalogue is not empty (it has rows in {', '.join(busy[:4])}); "
                "copy into a new, empty database"
            )
        no_nul = dst.get_bind().dialect.name == "postgresql"
        with source.read_session() as src:
            for table in tables:
                count = 0
                result = src.execute(select(table)).mappings()
                while chunk := result.fetchmany(_CHUNK):
                    if no_nul:
                        _refuse_nul(table.name, chunk)
                    dst.execute(table.insert(), [dict(row) for row in chunk])
                    count += len(chunk)
                report.rows[table.name] = count
                if progress is not None:
                    progress(table.name, count)
        dst.flush()
        advance_sequences(dst)  # rows came with their ids: sequences must follow (PostgreSQL)
        report.indexed = rebuild_index(dst)
        if report.indexed == 0 and report.rows.get(Item.__tablename__):
            report.indexed = report.rows[Item.__tablename__]  # engines without an index
    return report
