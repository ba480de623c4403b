"""The one IIIF tile address rule, shared by the builder and the viewer
(exhibition_app.imaging.iiif_paths)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from exhibition_app.imaging.iiif_paths import (
    full_path,
    level_size,
    tile_box,
    tile_grid,
    tile_path,
)
from exhibition_app.imaging.tiles import build_tiles, sizes_for


def test_level_size_and_grid_round_up() -> None:
    assert level_size(1300, 700, 1) == (1300, 700)
    assert level_size(1300, 700, 4) == (325, 175)
    assert level_size(1, 1, 8) == (1, 1)
    assert tile_grid(1300, 700, 512, 1) == (3, 2)
    assert tile_grid(1300, 700, 512, 2) == (2, 1)  # 650 x 350 level pixels
    assert tile_grid(1300, 700, 512, 4) == (1, 1)


@pytest.mark.parametrize(
    ("image", "sf", "col", "row", "path"),
    [
        # Inner tiles: the region is in full-resolution pixels, the size in level pixels.
        ((1300, 700), 1, 0, 0, "0,0,512,512/512,512"),
        ((1300, 700), 1, 1, 0, "512,0,512,512/512,512"),
        ((5000, 3000), 2, 1, 1, "1024,1024,1024,1024/512,512"),
        # Edge tiles of full resolution: the last column, the last row, the corner.
        ((1300, 700), 1, 2, 0, "1024,0,276,512/276,512"),
        ((1300, 700), 1, 0, 1, "0,512,512,188/512,188"),
        ((1300, 700), 1, 2, 1, "1024,512,276,188/276,188"),
        # The last partial tile of a reduced level: 1300 x 700 at scale 2 is 650 x 350, its
        # second tile ceil(276 / 2) = 138 level pixels wide.
        ((1300, 700), 2, 1, 0, "1024,0,276,700/138,350"),
        ((1025, 10), 2, 1, 0, "1024,0,1,10/1,5"),  # 513 level pixels: the last one alone
        ((513, 512), 1, 1, 0, "512,0,1,512/1,512"),
        # The single-tile top level is the full region at the level's size ...
        ((1300, 700), 4, 0, 0, "full/325,175"),
        ((1024, 600), 2, 0, 0, "full/512,300"),  # exactly one tile wide
        # ... and at full resolution the full size, max.
        ((100, 50), 1, 0, 0, "full/max"),
        ((512, 300), 1, 0, 0, "full/max"),
        ((1, 1), 1, 0, 0, "full/max"),
    ],
)
def test_tile_path(image: tuple[int, int], sf: int, col: int, row: int, path: str) -> None:
    assert tile_path(*image, 512, sf, col, row) == f"{path}/0/default.jpg"


def test_tile_box_is_in_level_pixels() -> None:
    assert tile_box(1300, 700, 512, 1, 2, 1) == (1024, 512, 1300, 700)
    assert tile_box(1300, 700, 512, 2, 1, 0) == (512, 0, 650, 350)
    assert full_path("325,175") == "full/325,175/0/default.jpg"


@pytest.mark.parametrize(("col", "row"), [(-1, 0), (3, 0), (0, 2), (0, -1)])
def test_tiles_outside_the_level_are_refused(col: int, row: int) -> None:
    with pytest.raises(ValueError, match="no tile"):
        tile_path(1300, 700, 512, 1, col, row)


@pytest.mark.parametrize(
    ("size", "tile"),
    [((300, 200), 64), ((256, 100), 64), ((257, 129), 64), ((64, 64), 64), ((1, 90), 64)],
)
def test_every_path_the_viewer_computes_is_a_file_the_builder_wrote(
    tmp_path: Path, size: tuple[int, int], tile: int
) -> None:
    src = tmp_path / "src.png"
    Image.new("RGB", size, (120, 80, 40)).save(src)
    info = build_tiles(src, tmp_path / "tiles", tile=tile)
    doc = json.loads(info.path.read_text(encoding="utf-8"))
    width, height = doc["width"], doc["height"]
    wanted = set()
    for sf in doc["tiles"][0]["scaleFactors"]:
        cols, rows = tile_grid(width, height, tile, sf)
        for row in range(rows):
            for col in range(cols):
                path = tile_path(width, height, tile, sf, col, row)
                assert (tmp_path / "tiles" / path).is_file(), (sf, col, row, path)
                wanted.add(path)
    # Nothing else was written but the listed sizes and full/max (IIIF level 0).
    listed = {full_path(f"{w},{h}") for w, h in sizes_for(width, height, tile)}
    listed.add(full_path("max"))
    written = {
        p.relative_to(tmp_path / "tiles").as_posix()
        for p in (tmp_path / "tiles").rglob("default.jpg")
    }
    assert written == wanted | listed
    assert info.files == len(written)
