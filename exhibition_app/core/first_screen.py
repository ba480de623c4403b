"""The first-screen cache: the gallery as last read, shown before the catalogue is open.

Opening a catalogue imports SQLAlchemy (0.3-0.9 s); a visitor should see the exhibition
before that. After each successful full read of the gallery the app writes the cards it
read here (JSON, atomically); on the next start the window shows them at once, then the
real read replaces them (same rows, same order: nothing on screen moves).

It must never show stale content, so a cache file holds the identity of the catalogue it
was read from (its resolved path, size and ``mtime_ns``, and those of its ``-wal`` and
``-journal`` files when present) taken *before* that read: any change to the catalogue
since, or a file that cannot be read or parsed, and it is not used. An empty ``-wal`` (left
by every reader in WAL mode, its times touched on each open) holds no transaction and
counts as absent. A catalogue named by a URL (PostgreSQL) has no cache. Thumbnails are not
copied: they are the content-addressed JPEGs of the thumbnail cache (`thumb_file`).

No Qt and no SQLAlchemy here (the GUI reads it before anything else).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from exhibition_app.core.cards import (
    ExhibitionView,
    GalleryData,
    ItemCard,
    MediaRef,
    SectionView,
)
from exhibition_app.paths import assets_dir, cache_dir_for, default_locations

__all__ = [
    "FORMAT",
    "MAX_ITEMS",
    "cache_file",
    "catalogue_identity",
    "decode",
    "encode",
    "read",
    "thumb_file",
    "write",
]

#: Bumped when the file's layout changes: an older file is then ignored.
FORMAT = 1
#: A gallery of more items is not cached (the file would cost more to read than it saves).
MAX_ITEMS = 2000
FOLDER = "first-screen"

Identity = dict[str, Any]


def catalogue_file(catalog: str | Path | None) -> Path | None:
    """The SQLite file ``--catalog`` names (a path or ``sqlite:///`` URL), or None for
    another engine's URL (those have no cache)."""
    if catalog is None:
        return default_locations()[0].expanduser().resolve()
    text = str(catalog)
    if "://" in text:
        if not text.startswith("sqlite:///"):
            return None
        text = text.removeprefix("sqlite:///").split("?", 1)[0]
        if not text or text == ":memory:":
            return None
    return Path(text).expanduser().resolve()


def _stat(path: Path, *, empty_is_absent: bool = False) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    if empty_is_absent and st.st_size == 0:
        return None
    return [st.st_size, st.st_mtime_ns]


def catalogue_identity(catalog: str | Path | None) -> Identity | None:
    """What the catalogue file looks like now (None: no file, or not SQLite)."""
    db = catalogue_file(catalog)
    if db is None:
        return None
    main = _stat(db)
    if main is None:
        return None
    return {
        "path": str(db),
        "db": main,
        "wal": _stat(db.with_name(db.name + "-wal"), empty_is_absent=True),
        "journal": _stat(db.with_name(db.name + "-journal")),
    }


def cache_file(assets: str | Path | None, db_path: str, *, published_only: bool) -> Path:
    """Where the first screen of the catalogue at ``db_path`` is cached: beside the
    thumbnails (`exhibition_app.paths.cache_dir_for`), one file per catalogue and view."""
    key = hashlib.sha256(db_path.encode("utf-8")).hexdigest()[:16]
    view = "published" if published_only else "all"
    return cache_dir_for(assets_dir(assets)) / FOLDER / f"{key}-{view}.json"


def thumb_file(assets: str | Path | None, sha256: str, side: int) -> Path:
    """The thumbnail cache's file for a picture (the layout of
    `exhibition_app.imaging.thumbnails.ThumbnailCache.path_for`, which uses this)."""
    return thumb_path(cache_dir_for(assets_dir(assets)), sha256, side)


def thumb_path(root: Path, sha256: str, side: int) -> Path:
    return root / "thumbs" / str(side) / sha256[:2] / f"{sha256}.jpg"


# --------------------------------------------------------------------------- the file


def _media(m: MediaRef) -> list[Any]:
    return [m.relpath, m.sha256, m.width, m.height]


def encode(data: GalleryData) -> dict[str, Any]:
    """``data`` as JSON-ready lists and dicts (`decode` gives it back equal)."""
    items = [
        [
            c.id,
            c.kind,
            c.accession_number,
            c.country,
            c.date_edtf,
            c.date_earliest,
            c.date_latest,
            c.rights,
            c.source,
            c.featured,
            c.published,
            c.texts,
            _media(c.cover) if c.cover is not None else None,
            [_media(m) for m in c.media],
            list(c.tags),
            [list(r) for r in c.related],
        ]
        for c in data.items.values()
    ]
    exhibitions = [
        [
            e.id,
            e.key,
            e.published,
            e.title,
            e.introduction,
            [[s.id, s.title, s.narrative, list(s.item_ids)] for s in e.sections],
        ]
        for e in data.exhibitions
    ]
    return {"items": items, "order": list(data.order), "exhibitions": exhibitions}


def decode(raw: dict[str, Any]) -> GalleryData:
    def media(m: list[Any]) -> MediaRef:
        return MediaRef(str(m[0]), str(m[1]), int(m[2]), int(m[3]))

    items: dict[int, ItemCard] = {}
    for row in raw["items"]:
        (ident, kind, acc, country, edtf, earliest, latest, rights, source) = row[:9]
        (featured, published, texts, cover, all_media, tags, related) = row[9:]
        items[int(ident)] = ItemCard(
            id=int(ident),
            kind=kind,
            accession_number=acc,
            country=country,
            date_edtf=edtf,
            date_earliest=earliest,
            date_latest=latest,
            rights=rights,
            source=source,
            featured=bool(featured),
            published=bool(published),
            texts=texts,
            cover=media(cover) if cover is not None else None,
            media=tuple(media(m) for m in all_media),
            tags=tuple(tags),
            related=tuple((str(r[0]), int(r[1]), bool(r[2])) for r in related),
        )
    exhibitions = tuple(
        ExhibitionView(
            id=int(e[0]),
            key=e[1],
            published=bool(e[2]),
            title=e[3],
            introduction=e[4],
            sections=tuple(
                SectionView(id=int(s[0]), title=s[1], narrative=s[2], item_ids=tuple(s[3]))
                for s in e[5]
            ),
        )
        for e in raw["exhibitions"]
    )
    return GalleryData(items=items, order=tuple(raw["order"]), exhibitions=exhibitions)


def read(
    catalog: str | Path | None, assets: str | Path | None, *, published_only: bool
) -> GalleryData | None:
    """The cached gallery of this catalogue as it is now, or None (no cache, another
    catalogue state, a damaged file: never raises)."""
    try:
        identity = catalogue_identity(catalog)
        if identity is None:
            return None
        path = cache_file(assets, identity["path"], published_only=published_only)
        raw = json.loads(path.read_bytes())
        if raw.get("format") != FORMAT or raw.get("identity") != identity:
            return None
        if bool(raw.get("published_only")) != published_only:
            return None
        data = decode(raw["gallery"])
        if not data.items or set(data.order) - set(data.items):
            return None
        return data
    except Exception:  # any damage at all: the catalogue's own read follows anyway
        return None


def write(
    identity: Identity | None,
    assets: str | Path | None,
    data: GalleryData,
    *,
    published_only: bool,
) -> Path | None:
    """Cache ``data``, read from the catalogue whose ``identity`` was taken before the read
    (so a change made during the read leaves a file that no longer matches). Returns the
    file written, or None (not SQLite, an empty or too large gallery, a write that failed:
    the cache is only a head start)."""
    if identity is None or not data.items or len(data.items) > MAX_ITEMS:
        return None
    if not all(c.complete for c in data.items.values()):
        return None  # a large gallery's light cards: read whole as tiles show them
    from exhibition_app.core.durable import atomic_write  # not needed before the first paint

    try:
        path = cache_file(assets, identity["path"], published_only=published_only)
        path.parent.mkdir(parents=True, exist_ok=True)
        body = {
            "format": FORMAT,
            "identity": identity,
            "published_only": published_only,
            "gallery": encode(data),
        }
        atomic_write(path, json.dumps(body, ensure_ascii=False, separators=(",", ":")))
        return path
    except (OSError, TypeError, ValueError):
        return None
