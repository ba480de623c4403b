"""Where each tile of a static IIIF Image API 3.0 level-0 tile set lives (pure arithmetic).

The one rule shared by the builder (`exhibition_app.imaging.tiles` writes the files) and the
viewer (`exhibition_app.ui.deepzoom.pyramid` reads them), so the two cannot disagree.

A level is named by its scale factor ``sf`` (1 = full resolution); it is the image reduced
``sf`` times, ``ceil(W / sf)`` x ``ceil(H / sf)`` pixels, cut into ``tile`` x ``tile`` pieces.
Tile ``(col, row)`` is the request OpenSeadragon's ``IIIFTileSource.getTileUrl`` makes for a
version-3 level-0 service with one ``tiles`` entry::

    {region}/{size}/0/default.jpg

where the region ``x,y,w,h`` is in full-resolution pixels (``x = col * tile * sf``,
``w = min(tile * sf, W - x)``) and the size ``sw,sh`` in level pixels
(``sw = min(tile, ceil(W / sf) - col * tile)``). The region is written ``full`` when the
tile covers the whole image, and the size ``max`` when it is the full-resolution size.
So a level that fits in one tile is ``full/{lw},{lh}/0/default.jpg`` (``full/max/...`` at
full resolution), and the last tile of a row or column is cut short.
"""

from __future__ import annotations

__all__ = ["QUALITY_PATH", "full_path", "level_size", "tile_box", "tile_grid", "tile_path"]

#: Rotation, quality and format of every file of a tile set.
QUALITY_PATH = "0/default.jpg"


def level_size(width: int, height: int, sf: int) -> tuple[int, int]:
    """Size in pixels of the level with scale factor ``sf``: ``ceil(W / sf), ceil(H / sf)``."""
    return -(-width // sf), -(-height // sf)


def tile_grid(width: int, height: int, tile: int, sf: int) -> tuple[int, int]:
    """(columns, rows) of tiles in the level with scale factor ``sf``."""
    lw, lh = level_size(width, height, sf)
    return -(-lw // tile), -(-lh // tile)


def full_path(size: str) -> str:
    """Path of the whole image at ``size`` (``"{w},{h}"`` or ``"max"``)."""
    return f"full/{size}/{QUALITY_PATH}"


def tile_box(
    width: int, height: int, tile: int, sf: int, col: int, row: int
) -> tuple[int, int, int, int]:
    """The tile's box in level pixels: (left, top, right, bottom)."""
    cols, rows = tile_grid(width, height, tile, sf)
    if not (0 <= col < cols and 0 <= row < rows):
        raise ValueError(f"no tile ({col}, {row}) at scale {sf}: the level has {cols}x{rows}")
    lw, lh = level_size(width, height, sf)
    left, top = col * tile, row * tile
    return left, top, min(lw, left + tile), min(lh, top + tile)


def tile_path(width: int, height: int, tile: int, sf: int, col: int, row: int) -> str:
    """Path (relative to the tile set folder) of tile ``(col, row)`` at scale factor ``sf``
    of a ``width`` x ``height`` image cut into ``tile``-pixel tiles. ValueError for a tile
    outside the level."""
    left, top, right, bottom = tile_box(width, height, tile, sf, col, row)
    span = tile * sf
    x, y = col * span, row * span
    w, h = min(span, width - x), min(span, height - y)
    region = "full" if (x, y, w, h) == (0, 0, width, height) else f"{x},{y},{w},{h}"
    sw, sh = right - left, bottom - top
    size = "max" if (sw, sh) == (width, height) else f"{sw},{sh}"
    return f"{region}/{size}/{QUALITY_PATH}"
