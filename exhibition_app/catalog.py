"""The catalogue as the application sees it: database + asset folder + settings.

``Catalog.open`` resolves ``--catalog`` (path or URL), creates or upgrades the schema (with
a backup first when upgrading), creates the asset folder and sweeps temporary files a
killed import left behind. Sessions follow the SQLAlchemy 2.0 pattern: one sessionmaker per
catalogue, one short session per user action (``with catalog.session() as s:``), committed
on success and rolled back on error. No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from exhibition_app.core.languages import DEFAULT_FALLBACK
from exhibition_app.db.dialect import first_damage
from exhibition_app.db.engine import (
    create_private_file,
    current_revision,
    head_revision,
    is_new_catalogue,
    make_engine,
    read_only_reason,
    resolve_url,
    sqlite_path,
    upgrade,
)
from exhibition_app.errors import CatalogError, StorageError, shown
from exhibition_app.imaging.source import DEFAULT_MAX_PIXELS
from exhibition_app.imaging.store import MediaStore, StoredMedia
from exhibition_app.imaging.thumbnails import ThumbnailCache
from exhibition_app.paths import APP_NAME, assets_dir, cache_dir_for, default_locations

__all__ = ["APP_NAME", "Catalog", "CatalogError"]

READ_ONLY_TAIL = ": it can be read but not changed"


class _ReadOnlyStore(MediaStore):
    """The media store of a catalogue this account can only read: pictures are read as
    ever, and storing one is refused before any file is written."""

    def __init__(self, root: Path, refusal: str) -> None:
        super().__init__(root)
        self._refusal = refusal

    def put(self, path: Path, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> StoredMedia:
        raise StorageError(self._refusal)


class Catalog:
    """An open catalogue. Thread-safe to share; sessions are not (one per action and thread)."""

    def __init__(
        self,
        url: str,
        assets: Path,
        *,
        max_pixels: int = DEFAULT_MAX_PIXELS,
        fallback: Sequence[str] = DEFAULT_FALLBACK,
    ) -> None:
        self.url = url
        self.assets = assets
        self.max_pixels = max_pixels
        self.fallback = tuple(fallback)
        db_file = sqlite_path(url)
        #: Why this catalogue can only be read ("file permissions", "a read-only file
        #: system"), or None: then reads work and every write is refused in one line.
        self.read_only = read_only_reason(db_file) if db_file is not None else None
        self.engine = make_engine(url, read_only=self.read_only is not None)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.store = (
            MediaStore(assets)
            if self.read_only is None
            else _ReadOnlyStore(assets, self.read_only_message())
        )
        #: Derived files (thumbnails, tiles built here, an offline copy): the assets folder,
        #: or a folder of this account's when the assets are a read-only share.
        self.cache = cache_dir_for(assets)
        self.thumbs = ThumbnailCache(self.cache)
        self.backup_made: Path | None = None
        #: True when this open made a new, empty catalogue (no file or an empty database).
        self.created = False
        self._found_sound = False

    @classmethod
    def open(
        cls,
        catalog: str | Path | None = None,
        assets: str | Path | None = None,
        *,
        create: bool = True,
        **kwargs: object,
    ) -> Catalog:
        """Open (and upgrade) a catalogue. A catalogue file that does not exist is made new,
        except with ``create=False`` (the GUI and the kiosk): then it is an error, so that a
        mistyped ``--catalog`` never shows an empty exhibition as if it were the real one."""
        default_db, _ = default_locations()
        url = resolve_url(catalog if catalog is not None else default_db)
        folder = assets_dir(assets)
        db_file = sqlite_path(url)
        if db_file is not None and not create and not db_file.exists():
            raise CatalogError(
                f"no catalogue at {shown(db_file)}: check --catalog"
                " (the command line's import commands make a new one)"
            )
        if db_file is not None and catalog is None:
            db_file.parent.mkdir(parents=True, exist_ok=True)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CatalogError(f"cannot create the assets folder {folder}: {exc}") from exc
        cat = cls(url, folder, **kwargs)  # type: ignore[arg-type]
        if db_file is not None and not db_file.exists():
            try:  # a new catalogue holds password hashes: its owner's eyes only (0600)
                create_private_file(db_file)
            except OSError as exc:
                cat.close()
                raise CatalogError(f"cannot create the catalogue {shown(db_file)}: {exc}") from exc
        try:
            cat.cache.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            cat.close()
            raise CatalogError(f"cannot create the cache folder {cat.cache}: {exc}") from exc
        try:
            if cat.read_only is not None and current_revision(cat.engine) != head_revision():
                raise CatalogError(
                    f"the catalogue {shown(db_file)} is read-only ({cat.read_only}) and was "
                    "written by an older exhibition-app: open it once where it can be changed, "
                    "to upgrade it"
                )
            cat.created = is_new_catalogue(cat.engine)
            cat.backup_made = upgrade(cat.engine)
        except Exception:
            cat.close()
            raise
        cat.store.sweep_temp_files()
        cat.thumbs.sweep_temp_files()
        return cat

    @property
    def db_path(self) -> Path | None:
        return sqlite_path(self.url)

    def read_only_message(self) -> str:
        return (
            f"the catalogue {shown(self.db_path)} is read-only ({self.read_only}){READ_ONLY_TAIL}"
        )

    def ensure_writable(self) -> None:
        """Refuse a write to a catalogue this account can only read, in one line."""
        if self.read_only is not None:
            raise StorageError(self.read_only_message())

    def ensure_sound(self) -> None:
        """Refuse to write to a damaged catalogue (:class:`StorageError`): the first write
        of this open runs SQLite's quick check; later ones trust it. Writing to a damaged
        file spreads the damage, and a backup of it cannot be restored."""
        if self._found_sound:
            return
        problem = first_damage(self.engine)
        if problem is not None:
            where = f" {shown(self.db_path)}" if self.db_path is not None else ""
            raise StorageError(
                f"the catalogue{where} is damaged ({shown(problem)}); nothing was written. "
                "'exhibition-app check' lists the damage; 'exhibition-app restore BACKUP' "
                "goes back to a backup"
            )
        self._found_sound = True

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back if it raises. The
        first one of this open checks that the catalogue is not damaged; a read-only
        catalogue refuses (:meth:`ensure_writable`)."""
        self.ensure_writable()
        self.ensure_sound()
        with self._sessions.begin() as session:
            if self.db_path is not None:  # SQLite: BEGIN IMMEDIATE (db.engine._sqlite_begin)
                session.connection(execution_options={"sqlite_immediate": True})
            yield session

    def read_session(self) -> Session:
        """A session for reading only; the caller closes it (``with cat.read_session() as s``)."""
        return self._sessions()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
