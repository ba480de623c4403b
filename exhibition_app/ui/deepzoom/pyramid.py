"""A level-0 IIIF tile pyramid on disk, as the viewer sees it (no Qt, no I/O but info.json).

Levels are named by their IIIF scale factor ``s`` (1 = full resolution): level ``s`` is the
image reduced ``s`` times, cut into ``tile`` x ``tile`` pieces. Each tile's file is at the
one path `exhibition_app.imaging.iiif_paths.tile_path` gives, the rule the builder writes by:
the IIIF 3.0 request OpenSeadragon makes of a level-0 service.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from exhibition_app.imaging.iiif_paths import tile_grid, tile_path


@dataclass(frozen=True)
class TileKey:
    scale: int  # IIIF scale factor of the level
    col: int
    row: int


@dataclass(frozen=True)
class Pyramid:
    root: Path
    width: int
    height: int
    tile: int
    scales: tuple[int, ...]  # ascending: 1, 2, 4, ...

    @classmethod
    def load(cls, info_json: Path) -> Pyramid:
        """Raises OSError when the file cannot be read, ValueError when it is no tile set."""
        try:
            info = json.loads(info_json.read_text(encoding="utf-8"))
            tiles = info["tiles"][0]
            scales = tuple(sorted(int(s) for s in tiles["scaleFactors"]))
            pyramid = cls(
                root=info_json.parent,
                width=int(info["width"]),
                height=int(info["height"]),
                tile=int(tiles["width"]),
                scales=scales,
            )
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise ValueError(f"{info_json} does not describe a tile set ({exc!r})") from exc
        if not scales or min(pyramid.width, pyramid.height, pyramid.tile, *scales) <= 0:
            raise ValueError(f"{info_json} does not describe a tile set (empty or negative sizes)")
        return pyramid

    @property
    def coarsest(self) -> int:
        return self.scales[-1]

    def scale_for(self, screen_px_per_image_px: float) -> int:
        """The coarsest level still as sharp as the screen: ``1/s >= zoom`` (else full res)."""
        best = self.scales[0]
        for s in self.scales:
            if 1.0 / s >= screen_px_per_image_px * 0.999:
                best = s
        return best

    def grid(self, scale: int) -> tuple[int, int]:
        """(columns, rows) of a level."""
        return tile_grid(self.width, self.height, self.tile, scale)

    def region(self, key: TileKey) -> tuple[int, int, int, int]:
        """The tile's region in full-resolution image pixels: (x, y, w, h)."""
        span = self.tile * key.scale
        x, y = key.col * span, key.row * span
        return x, y, min(span, self.width - x), min(span, self.height - y)

    def path(self, key: TileKey) -> Path:
        """The tile's file: the one path the builder writes for it (`tile_path`)."""
        return self.root / tile_path(
            self.width, self.height, self.tile, key.scale, key.col, key.row
        )

    def keys_in(self, scale: int, x0: float, y0: float, x1: float, y1: float) -> list[TileKey]:
        """Tiles of level ``scale`` that meet the image rectangle (x0, y0)-(x1, y1)."""
        span = self.tile * scale
        cols, rows = self.grid(scale)
        c0, c1 = max(0, int(x0 // span)), min(cols - 1, int(max(x0, x1 - 1e-9) // span))
        r0, r1 = max(0, int(y0 // span)), min(rows - 1, int(max(y0, y1 - 1e-9) // span))
        if x1 <= 0 or y1 <= 0 or x0 >= self.width or y0 >= self.height:
            return []
        return [TileKey(scale, c, r) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
