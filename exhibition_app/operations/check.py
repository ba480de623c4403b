"""``check``: is the catalogue whole? Database integrity, foreign keys, media files, index."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.db.dialect import advance_sequences, database_problems
from exhibition_app.db.engine import current_revision, head_revision
from exhibition_app.db.models import Media
from exhibition_app.db.search import integrity_problems


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    media_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_catalog(
    catalog: Catalog, *, verify_checksums: bool = True, repair: bool = False
) -> CheckReport:
    """Check everything; with ``repair``, remove orphan files (files no row refers to) and
    move id sequences that are behind their rows (PostgreSQL)."""
    report = CheckReport()
    if repair:
        with catalog.session() as session:
            for table in advance_sequences(session):
                report.repaired.append(f"moved the id sequence of {table} past its rows")
    rev, head = current_revision(catalog.engine), head_revision()
    if rev != head:
        report.problems.append(f"schema is at revision {rev}, expected {head}")
    with catalog.read_session() as session:
        report.problems.extend(database_problems(session))
        report.problems.extend(integrity_problems(session))
        media = list(session.execute(select(Media.relpath, Media.sha256, Media.id)))
    known = set()
    for relpath, sha, media_id in media:
        known.add(relpath)
        report.media_checked += 1
        problem = catalog.store.verify(relpath, sha) if verify_checksums else None
        if problem is None and not verify_checksums and not catalog.store.abspath(relpath).exists():
            problem = "missing"
        if problem:
            report.problems.append(f"media {media_id} ({relpath}): {problem}")
    for relpath in catalog.store.iter_relpaths():
        if relpath not in known:
            if repair:
                catalog.store.abspath(relpath).unlink(missing_ok=True)
                report.repaired.append(f"removed orphan file {relpath}")
            else:
                report.problems.append(f"orphan file {relpath} (no catalogue row refers to it)")
    return report
