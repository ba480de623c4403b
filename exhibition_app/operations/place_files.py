"""A map's places to and from CSV, every language included (the format:
:mod:`exhibition_app.interop.places_csv`).

:func:`export_places_csv` writes the places of one map (replacing the file atomically);
:func:`import_places_csv` reads such a file back into a map in one transaction: a row whose
``id`` is a place of this map updates it (its position and the texts of every column the
file has), any other row adds a new place. A file with any problem changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from exhibition_app.catalog import Catalog
from exhibition_app.core.durable import atomic_write
from exhibition_app.core.files import read_regular
from exhibition_app.db.models import Annotation
from exhibition_app.errors import InvalidInput, shown
from exhibition_app.interop.places_csv import PlacesCsvError, parse_places, write_places
from exhibition_app.operations.annotations import add_annotation, move_annotation
from exhibition_app.operations.maps import annotations_of
from exhibition_app.operations.queries import cover_of, get_item

#: The largest places CSV read (100,000 places in four languages fit well under it).
MAX_BYTES = 64 * 1024 * 1024


def export_places_csv(catalog: Catalog, item_id: int, path: Path) -> int:
    """Write item ``item_id``'s places to ``path``; returns how many."""
    with catalog.read_session() as session:
        places = annotations_of(session, item_id)
    atomic_write(path, write_places(places))
    return len(places)


def import_places_csv(catalog: Catalog, item_id: int, path: Path) -> dict[str, Any]:
    """Read a places CSV into item ``item_id``'s map: ``{"updated", "added"}``."""
    try:
        rows = parse_places(read_regular(path, limit=MAX_BYTES))
    except PlacesCsvError as exc:
        raise InvalidInput(f"{shown(path.name)}: {exc}".replace("\n", "; ")) from None
    updated = added = 0
    with catalog.session() as session:
        item = get_item(session, item_id)
        media = cover_of(item)
        problems = [
            f"line {r.line}: ({r.x:g}, {r.y:g}) lies outside the image "
            f"({media.width} x {media.height} pixels)"
            for r in rows
            if not (0 <= r.x <= media.width and 0 <= r.y <= media.height)
        ]
        if problems:
            raise InvalidInput(f"{shown(path.name)}: " + "; ".join(problems))
        for row in rows:
            note = session.get(Annotation, row.id) if row.id is not None else None
            if note is None or note.item_id != item_id:
                new_id = add_annotation(session, item_id, row.x, row.y)
                note = session.get(Annotation, new_id)
                added += 1
            else:
                if (note.x, note.y) != (row.x, row.y):
                    move_annotation(session, note.id, row.x, row.y)
                updated += 1
            assert note is not None
            for field, by_lang in row.texts.items():
                for lang, value in by_lang.items():
                    note.set_text(field, lang, value)
            session.flush()
    return {"updated": updated, "added": added}
