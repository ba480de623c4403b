"""Where things live: the checkout's shipped catalogue, or the user's data folder.

Kept free of heavy imports: the GUI reads it before anything else, to paint its first frame
quickly.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

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


def assets_dir(assets: str | Path | None) -> Path:
    """The assets folder ``--assets`` names, or the default one."""
    return Path(assets).expanduser().resolve() if assets else default_locations()[1]


def user_cache_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / APP_NAME


def cache_dir_for(assets: Path) -> Path:
    """Where files derived from ``assets`` go (thumbnails, tile sets built here, a kiosk's
    offline copy): the assets folder itself when this account can write to it, else a folder
    of this account's own, one per assets folder (kiosks reading a shared, read-only one)."""
    if not assets.exists() or os.access(assets, os.W_OK):
        return assets
    key = hashlib.sha256(str(assets.resolve()).encode("utf-8")).hexdigest()[:16]
    return user_cache_dir() / "assets" / key
