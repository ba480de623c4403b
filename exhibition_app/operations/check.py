"""``check``: is the catalogue whole? Database integrity, foreign keys, media files, index.

``--repair`` never deletes a media file: files no row refers to are moved into a quarantine
folder inside the assets (``quarantine/<time>/media/...``), from which they can be put back by
hand. And it refuses to move anything when the catalogue knows no media at all, or was just
created by this very command: that is the mark of a mistyped ``--catalog`` (or an emptied
file) pointed at real assets, where every picture would look like an orphan.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.db.dialect import advance_sequences, database_problems, page_problems
from exhibition_app.db.engine import current_revision, head_revision
from exhibition_app.db.models import Media
from exhibition_app.db.search import integrity_problems
from exhibition_app.errors import Refused

QUARANTINE_DIR = "quarantine"


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    media_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_catalog(
    catalog: Catalog, *, verify_checksums: bool = True, repair: bool = False, force: bool = False
) -> CheckReport:
    """Check everything; with ``repair``, move orphan files (files no row refers to) into
    quarantine and move id sequences that are behind their rows (PostgreSQL). A damaged database is
    reported as such, and then nothing else is read or repaired.

    A repair that would quarantine files for a catalogue with no media rows, or one created
    by this open, is refused (:class:`Refused`) unless ``force``."""
    report = CheckReport()
    with catalog.read_session() as session:
        damage = page_problems(session)
    if damage:
        # Damaged pages: report, and leave the files and the database as they are.
        report.problems.extend(damage)
        return report
    with catalog.read_session() as session:
        media = list(session.execute(select(Media.relpath, Media.sha256, Media.id)))
    known = {relpath for relpath, _sha, _id in media}
    orphans = [relpath for relpath in catalog.store.iter_relpaths() if relpath not in known]
    if repair and orphans and not force and (not media or catalog.created):
        raise Refused(
            "the catalogue knows no media; this looks like the wrong catalogue for these assets"
            f" (nothing was moved: {len(orphans)} files would have been; --force moves them"
            " to quarantine anyway)"
        )
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
    for relpath, sha, media_id in media:
        report.media_checked += 1
        problem = catalog.store.verify(relpath, sha) if verify_checksums else None
        if problem is None and not verify_checksums and not catalog.store.abspath(relpath).exists():
            problem = "missing"
        if problem:
            report.problems.append(f"media {media_id} ({relpath}): {problem}")
    if repair and orphans:
        folder = _quarantine_folder(catalog.assets)
        for relpath in orphans:
            target = folder / relpath
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(catalog.store.abspath(relpath), target)
            report.repaired.append(
                f"moved orphan file {relpath} to {target.relative_to(catalog.assets)}"
            )
    else:
        report.problems.extend(
            f"orphan file {relpath} (no catalogue row refers to it)" for relpath in orphans
        )
    return report


def _quarantine_folder(assets: Path) -> Path:
    """A new folder for this repair's orphans, inside the assets (same file system, so a
    move is a rename) and outside ``media/`` (so they are not orphans again next time)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return assets / QUARANTINE_DIR / stamp
