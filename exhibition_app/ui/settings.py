"""Interface settings, declared once with their defaults (set from the command line)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Settings:
    #: Memory the deep-zoom viewer may spend on decoded tiles, per view.
    tile_cache_bytes: int = 256 * 1024 * 1024


#: The running application's settings (``run_gui`` fills them in before any window exists).
current = Settings()
