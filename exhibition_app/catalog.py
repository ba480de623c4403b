"""The catalogue as the application sees it: database + asset folder + settings.

``Catalog.open`` resolves ``--catalog`` (path or URL), creates or upgrades the schema (with
a backup first when upgrading), creates the asset folder and sweeps temporary files a
killed import left behind. Sessions follow the SQLAlchemy 2.0 pattern: one sessionmaker per
catalogue, one short session per user action (``with catalog.session() as s:``), committed
on success and rolled back on error. No Qt here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from exhibition_app.core.languages import DEFAULT_FALLBACK
from exhibition_app.db.engine import CatalogError, make_engine, resolve_url, sqlite_path, upgrade
from exhibition_app.imaging.ingest import DEFAULT_MAX_PIXELS
from exhibition_app.imaging.store import MediaStore
from exhibition_app.imaging.thumbnails import ThumbnailCache

APP_NAME = "exhibition-app"


def checkout_root() -> Path | None:
    """The source checkout this package runs from, if any (it holds pyproject.toml)."""
    root = Path(__file__).resolve().parent.parent
    if (root / "pyproject.toml").is_file() and (root / "exhibition_app").is_dir():
        return root
    return None


def user_data_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def default_locations() -> tuple[Path, Path]:
    """(catalog, assets): the checkout's shipped ones, or the user's data folder when installed."""
    root = checkout_root()
    if root is not None and (root / "catalog.db").exists():
        return root / "catalog.db", root / "assets"
    data = user_data_dir()
    return data / "catalog.db", data / "assets"


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
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.store = MediaStore(assets)
        self.thumbs = ThumbnailCache(assets)
        self.backup_made: Path | None = None

    @classmethod
    def open(
        cls,
        catalog: str | Path | None = None,
        assets: str | Path | None = None,
        **kwargs: object,
    ) -> Catalog:
        default_db, default_assets = default_locations()
        url = resolve_url(catalog if catalog is not None else default_db)
        assets_dir = Path(assets).expanduser().resolve() if assets else default_assets
        db_file = sqlite_path(url)
        if db_file is not None and catalog is None:
            db_file.parent.mkdir(parents=True, exist_ok=True)
        try:
            assets_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CatalogError(f"cannot create the assets folder {assets_dir}: {exc}") from exc
        cat = cls(url, assets_dir, **kwargs)  # type: ignore[arg-type]
        try:
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

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back if it raises."""
        with self._sessions.begin() as session:
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
