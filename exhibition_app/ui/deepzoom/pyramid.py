"""A level-0 IIIF tile pyramid on disk, as the viewer sees it (no Qt, no I/O but info.json).

Levels are named by their IIIF scale factor ``s`` (1 = full resolution): level ``s`` is the
image reduced ``s`` times, cut into ``tile`` x ``tile`` pieces. Each tile's file is found at
the canonical IIIF 3.0 path ``{x},{y},{w},{h}/{sw},{sh}/0/default.jpg``, where the region is
in full-resolution pixels, the one URL form a level-0 service answers and that
OpenSeadragon requests.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path


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
        span = self.tile * scale
        return math.ceil(self.width / span), math.ceil(self.height / span)

    def region(self, key: TileKey) -> tuple[int, int, int, int]:
        """The tile's region in full-resolution image pixels: (x, y, w, h)."""
        span = self.tile * key.scale
        x, y = key.col * span, key.row * span
        return x, y, min(span, self.width - x), min(span, self.height - y)

    def paths(self, key: TileKey) -> list[Path]:
        """Where the tile's file may be: the region form, and for a tile that covers the
        whole image also the ``full`` form a client may ask for instead."""
        x, y, w, h = self.region(key)
        sw, sh = math.ceil(w / key.scale), math.ceil(h / key.scale)
        found = [self.root / f"{x},{y},{w},{h}" / f"{sw},{sh}" / "0" / "default.jpg"]
        if (x, y, w, h) == (0, 0, self.width, self.height):
            found.append(self.root / "full" / f"{sw},{sh}" / "0" / "default.jpg")
            if key.scale == 1:
                found.append(self.root / "full" / "max" / "0" / "default.jpg")
        return found

    def keys_in(self, scale: int, x0: float, y0: float, x1: float, y1: float) -> list[TileKey]:
        """Tiles of level ``scale`` that meet the image rectangle (x0, y0)-(x1, y1)."""
        span = self.tile * scale
        cols, rows = self.grid(scale)
        c0, c1 = max(0, int(x0 // span)), min(cols - 1, int(max(x0, x1 - 1e-9) // span))
        r0, r1 = max(0, int(y0 // span)), min(rows - 1, int(max(y0, y1 - 1e-9) // span))
        if x1 <= 0 or y1 <= 0 or x0 >= self.width or y0 >= self.height:
            return []
        return [TileKey(scale, c, r) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
