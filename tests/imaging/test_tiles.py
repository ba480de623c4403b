"""Static IIIF level-0 tile sets: layout, pixels, atomicity (exhibition_app.imaging.tiles)."""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import math
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageOps, ImageStat

from exhibition_app.imaging import tiles
from exhibition_app.imaging.source import ImageRefused
from exhibition_app.imaging.tiles import (
    TILE_BACKGROUND,
    TilesCancelled,
    build_tiles,
    is_current,
    max_size_for,
    scale_factors_for,
    sizes_for,
    sweep_building_dirs,
    tile_urls,
)

QUADRANTS = ((200, 30, 30), (30, 180, 40), (40, 60, 210), (235, 235, 225))


def quadrants(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """Four flat colours (red, green / blue, white): every orientation looks different."""
    w, h = size
    im = Image.new("RGB", size)
    cx, cy = w // 2, h // 2
    for colour, box in zip(
        QUADRANTS, ((0, 0, cx, cy), (cx, 0, w, cy), (0, cy, cx, h), (cx, cy, w, h)), strict=True
    ):
        if box[2] > box[0] and box[3] > box[1]:
            im.paste(colour, box)
    return im if mode == "RGB" else im.convert(mode)


def save(im: Image.Image, path: Path, **params: Any) -> Path:
    im.save(path, **params)
    return path


def building_dirs(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if p.name.startswith((".building-", ".retired-"))]


@pytest.fixture(params=["memory", "scratch"])
def scratch_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with small images in memory, then with every image in scratch files."""
    if request.param == "scratch":
        monkeypatch.setattr(tiles, "_IN_MEMORY_BYTES", 0)
    return str(request.param)


# --------------------------------------------------------------------------- OpenSeadragon


def _js_round(value: float) -> int:
    return math.floor(value + 0.5)


def osd_requests(info: dict[str, Any]) -> set[str]:
    """Independent port of OpenSeadragon's IIIFTileSource (v3, level 0, one tiles entry):
    constructor (maxLevel, levelSizes), getNumTiles and getTileUrl."""
    width, height = info["width"], info["height"]
    tile = info["tiles"][0]["width"]
    factors = info["tiles"][0]["scaleFactors"]
    max_level = _js_round(math.log(max(factors)) * math.log2(math.e))
    sizes = sorted(((s["width"], s["height"]) for s in info["sizes"]), key=lambda s: s[0])
    level_sizes = None
    if sizes[-1][0] < width and sizes[-1][1] < height:
        sizes.append((width, height))
    if len(sizes) == max_level + 1:
        ok = True
        if len(factors) == len(sizes):
            for i, (sw, sh) in enumerate(sizes):
                factor = factors[len(sizes) - i - 1]
                if _js_round(width / sw) != factor or _js_round(height / sh) != factor:
                    ok = False
                    break
        if ok:
            level_sizes = sizes
    urls: set[str] = set()
    for level in range(max_level + 1):
        scale = 0.5 ** (max_level - level)
        if level_sizes:
            lw, lh = level_sizes[level]
            nx, ny = math.ceil(lw / tile), math.ceil(lh / tile)
        else:
            lw, lh = math.ceil(width * scale), math.ceil(height * scale)
            nx, ny = math.ceil(scale * width / tile), math.ceil(scale * height / tile)
        span = _js_round(tile / scale)
        for y in range(ny):
            for x in range(nx):
                if lw < tile and lh < tile:
                    size = "max" if lw == width and lh == height else f"{lw},{lh}"
                    region = "full"
                else:
                    rx, ry = x * span, y * span
                    rw, rh = min(span, width - rx), min(span, height - ry)
                    region = (
                        "full"
                        if x == 0 and y == 0 and rw == width and rh == height
                        else f"{rx},{ry},{rw},{rh}"
                    )
                    sw, sh = min(tile, lw - x * tile), min(tile, lh - y * tile)
                    size = "max" if sw == width and sh == height else f"{sw},{sh}"
                urls.add(f"{region}/{size}/0/default.jpg")
    return urls


def info_for(width: int, height: int, tile: int) -> dict[str, Any]:
    factors = scale_factors_for(width, height, tile)
    return {
        "width": width,
        "height": height,
        "tiles": [{"width": tile, "scaleFactors": factors}],
        "sizes": [{"width": w, "height": h} for w, h in sizes_for(width, height, tile)],
    }


@pytest.mark.parametrize(
    ("width", "height", "tile"),
    [
        (1, 1, 512),
        (100, 50, 512),
        (512, 300, 512),
        (513, 512, 512),
        (1024, 600, 512),
        (1300, 700, 512),
        (300, 1500, 512),
        (5000, 3, 512),
        (14142, 7071, 512),
        (44721, 22361, 512),
        (777, 333, 64),
        (2049, 2047, 256),
    ],
)
def test_tile_urls_are_exactly_what_openseadragon_requests(
    width: int, height: int, tile: int
) -> None:
    info = info_for(width, height, tile)
    sized = {f"full/{s['width']},{s['height']}/0/default.jpg" for s in info["sizes"]}
    sized.add("full/max/0/default.jpg")  # always, IIIF level 0 requires it
    urls = tile_urls(width, height, tile)
    assert len(urls) == len(set(urls))
    assert set(urls) == osd_requests(info) | sized


def test_tile_urls_hand_checked() -> None:
    assert tile_urls(100, 50) == ["full/max/0/default.jpg", "full/100,50/0/default.jpg"]
    # One tile covers the image but it is not smaller than a tile: region "full" again.
    assert tile_urls(512, 300) == ["full/max/0/default.jpg", "full/512,300/0/default.jpg"]
    assert tile_urls(1024, 600) == [
        "full/512,300/0/default.jpg",
        "0,0,512,512/512,512/0/default.jpg",
        "512,0,512,512/512,512/0/default.jpg",
        "0,512,512,88/512,88/0/default.jpg",
        "512,512,512,88/512,88/0/default.jpg",
        "full/1024,600/0/default.jpg",
        "full/max/0/default.jpg",
    ]
    # Edge tiles at a reduced level: the region is clipped, the size is ceil(region / sf).
    assert "1024,0,276,700/138,350/0/default.jpg" in tile_urls(1300, 700)
    assert "full/325,175/0/default.jpg" in tile_urls(1300, 700)


def test_scale_factors_and_sizes() -> None:
    assert scale_factors_for(1, 1) == [1]
    assert scale_factors_for(512, 512) == [1]
    assert scale_factors_for(513, 10) == [1, 2]
    assert scale_factors_for(44721, 22361) == [1, 2, 4, 8, 16, 32, 64, 128]
    # Smallest first; levels up to 2048 px; never the huge full-resolution level.
    # ... and the size of full/max: the largest level at most 4096 px long.
    assert sizes_for(44721, 22361) == [(350, 175), (699, 350), (1398, 699), (2796, 1398)]
    assert max_size_for(44721, 22361) == (2796, 1398)
    assert max_size_for(4096, 100) == (4096, 100)
    assert max_size_for(4097, 100) == (2049, 50)
    assert sizes_for(100, 50) == [(100, 50)]
    with pytest.raises(ValueError):
        tile_urls(100, 100, scale_factors=[1, 3])
    with pytest.raises(ValueError):
        tile_urls(0, 100)


# --------------------------------------------------------------------------- building


def test_info_json_shape_and_every_url_decodes(tmp_path: Path, scratch_mode: str) -> None:
    src = save(quadrants((1300, 700)), tmp_path / "map.png")
    dest = tmp_path / "tiles" / "abc"
    result = build_tiles(src, dest)

    info = json.loads((dest / "info.json").read_text())
    assert info == {
        "@context": "http://iiif.io/api/image/3/context.json",
        "id": dest.resolve().as_uri(),
        "type": "ImageService3",
        "protocol": "http://iiif.io/api/image",
        "profile": "level0",
        "width": 1300,
        "height": 700,
        "tiles": [{"width": 512, "scaleFactors": [1, 2, 4]}],
        "sizes": [
            {"width": 325, "height": 175},
            {"width": 650, "height": 350},
            {"width": 1300, "height": 700},
        ],
    }
    assert result.path == dest / "info.json"
    assert (result.width, result.height, result.tile) == (1300, 700, 512)
    assert result.scale_factors == [1, 2, 4]

    urls = tile_urls(1300, 700)
    assert osd_requests(info) <= set(urls)
    jpegs = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*.jpg"))
    assert jpegs == sorted(urls)
    assert result.files == len(urls)
    for url in urls:
        expected = (1300, 700) if url.split("/")[1] == "max" else _size_of(url)
        with Image.open(dest / url) as im:
            assert im.format == "JPEG" and im.mode == "RGB"
            assert not im.info.get("progressive")
            assert im.size == expected, url
    assert building_dirs(dest.parent) == []


@pytest.mark.parametrize(
    ("size", "tile", "bound", "expected"),
    [
        ((1300, 700), 512, 600, (325, 175)),  # 650 > 600: two levels down
        ((1300, 700), 512, 700, (650, 350)),
        ((1300, 700), 256, 4096, (1300, 700)),  # fits: full size, no bound
        ((900, 300), 1024, 4096, (900, 300)),  # one tile: the tile itself is full/max
        ((2000, 300), 1024, 1500, (1000, 150)),  # a one-tile level, but not the full size
    ],
)
def test_full_max_always_exists_bounded_by_max_width_height(
    tmp_path: Path,
    scratch_mode: str,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    tile: int,
    bound: int,
    expected: tuple[int, int],
) -> None:
    """IIIF level 0 requires size ``max``: it is the largest level <= MAX_FULL_SIDE, and
    when that is not the full size, info.json bounds ``max`` to exactly it."""
    monkeypatch.setattr(tiles, "MAX_FULL_SIDE", bound)
    src = save(quadrants(size), tmp_path / "map.png")
    dest = tmp_path / "t"
    result = build_tiles(src, dest, tile=tile)
    info = json.loads((dest / "info.json").read_text())
    assert tiles.max_size_for(*size, tile) == expected
    if expected == size:
        assert "maxWidth" not in info and "maxHeight" not in info
    else:
        assert (info["maxWidth"], info["maxHeight"]) == expected
    assert {"width": expected[0], "height": expected[1]} in info["sizes"]
    with Image.open(dest / "full/max/0/default.jpg") as im:
        assert im.size == expected
        top_left = im.getpixel((2, 2))
    with Image.open(dest / f"full/{expected[0]},{expected[1]}/0/default.jpg") as im:
        assert im.size == expected
    assert all(abs(a - b) < 12 for a, b in zip(top_left, QUADRANTS[0], strict=True))
    urls = tile_urls(*size, tile)
    jpegs = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*.jpg"))
    assert jpegs == sorted(urls)
    assert result.files == len(urls)
    assert [p.name for p in dest.iterdir() if p.name.startswith(".scratch")] == []


def _size_of(url: str) -> tuple[int, int]:
    w, h = url.split("/")[1].split(",")
    return int(w), int(h)


def _region_of(url: str, width: int, height: int) -> tuple[int, int, int, int]:
    region = url.split("/")[0]
    if region == "full":
        return 0, 0, width, height
    x, y, w, h = (int(v) for v in region.split(","))
    return x, y, x + w, y + h


def assert_tiles_match(dest: Path, reference: Image.Image, tolerance: float = 8.0) -> None:
    """Every file's mean colour equals the mean of the source region it shows."""
    width, height = reference.size
    for url in tile_urls(
        width, height, json.loads((dest / "info.json").read_text())["tiles"][0]["width"]
    ):
        expected = ImageStat.Stat(reference.crop(_region_of(url, width, height))).mean
        with Image.open(dest / url) as im:
            actual = ImageStat.Stat(im.convert("RGB")).mean
        for a, e in zip(actual, expected, strict=True):
            assert abs(a - e) <= tolerance, (url, actual, expected)


def _distance(pixel: Any, colour: tuple[int, int, int]) -> int:
    return max(abs(a - b) for a, b in zip(pixel, colour, strict=True))


def test_tile_pixels_match_the_source(tmp_path: Path, scratch_mode: str) -> None:
    reference = quadrants((700, 460))
    src = save(reference, tmp_path / "map.png")
    dest = tmp_path / "t"
    build_tiles(src, dest, tile=128)
    assert_tiles_match(dest, reference)
    # The top-left full-resolution tile is pure red, the bottom-right edge tile white.
    with Image.open(dest / "0,0,128,128/128,128/0/default.jpg") as im:
        assert _distance(im.getpixel((64, 64)), QUADRANTS[0]) <= 6
    with Image.open(dest / "640,384,60,76/60,76/0/default.jpg") as im:
        assert im.size == (60, 76)
        assert _distance(im.getpixel((30, 40)), QUADRANTS[3]) <= 6


def test_scratch_and_memory_builds_write_identical_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = save(Image.effect_noise((300, 200), 60).convert("RGB"), tmp_path / "n.png")
    build_tiles(src, tmp_path / "a", tile=64)
    monkeypatch.setattr(tiles, "_IN_MEMORY_BYTES", 0)
    build_tiles(src, tmp_path / "b", tile=64)
    for url in tile_urls(300, 200, 64):
        assert (tmp_path / "a" / url).read_bytes() == (tmp_path / "b" / url).read_bytes(), url


@pytest.mark.parametrize("size", [(1, 1), (5, 3), (300, 1500), (2000, 7)])
def test_tiny_and_elongated_images(tmp_path: Path, size: tuple[int, int]) -> None:
    reference = quadrants(size)
    src = save(reference, tmp_path / "s.png")
    dest = tmp_path / "t"
    result = build_tiles(src, dest)
    info = json.loads((dest / "info.json").read_text())
    assert (info["width"], info["height"]) == size
    assert info["tiles"][0]["scaleFactors"] == scale_factors_for(*size)
    assert result.files == len(tile_urls(*size))
    for url in tile_urls(*size):
        with Image.open(dest / url) as im:
            assert im.size == (size if url.split("/")[1] == "max" else _size_of(url))
    assert_tiles_match(dest, reference, tolerance=12)


def _rgba_source() -> tuple[Image.Image, Image.Image]:
    im = quadrants((200, 120)).convert("RGBA")
    im.paste((0, 0, 0, 0), (0, 0, 100, 60))  # the red quadrant fully transparent
    expected = quadrants((200, 120))
    expected.paste(TILE_BACKGROUND, (0, 0, 100, 60))
    return im, expected


def _sixteen_bit() -> tuple[Image.Image, Image.Image]:
    im = Image.linear_gradient("L").resize((200, 120)).convert("I").point(lambda v: v * 257)
    return im.convert("I;16"), Image.linear_gradient("L").resize((200, 120)).convert("RGB")


def _palette_with_transparency() -> tuple[Image.Image, Image.Image]:
    im = quadrants((200, 120)).convert("P", palette=Image.Palette.ADAPTIVE, colors=4)
    im.info["transparency"] = im.getpixel((10, 10))
    expected = quadrants((200, 120))
    expected.paste(TILE_BACKGROUND, (0, 0, 100, 60))
    return im, expected


def _grey_alpha() -> tuple[Image.Image, Image.Image]:
    grey = quadrants((200, 120)).convert("L")
    im = grey.convert("LA")
    return im, grey.convert("RGB")


def _cmyk() -> tuple[Image.Image, Image.Image]:
    im = quadrants((200, 120)).convert("CMYK")
    return im, im.convert("RGB")


@pytest.mark.parametrize(
    ("maker", "ext"),
    [
        (_rgba_source, ".png"),
        (_sixteen_bit, ".png"),
        (_palette_with_transparency, ".png"),
        (_grey_alpha, ".png"),
        (_cmyk, ".jpg"),
        (_cmyk, ".tif"),
    ],
)
def test_modes_are_normalised_to_rgb(
    tmp_path: Path,
    scratch_mode: str,
    maker: Callable[[], tuple[Image.Image, Image.Image]],
    ext: str,
) -> None:
    im, expected = maker()
    src = tmp_path / f"src{ext}"
    params: dict[str, Any] = {}
    if "transparency" in im.info:
        params["transparency"] = im.info["transparency"]
    im.save(src, **params)
    dest = tmp_path / "t"
    build_tiles(src, dest, tile=64)
    assert_tiles_match(dest, expected, tolerance=10)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_is_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, orientation: int
) -> None:
    monkeypatch.setattr(tiles, "_IN_MEMORY_BYTES", 0)
    stored = quadrants((90, 60))
    exif = Image.Exif()
    exif[0x0112] = orientation
    src = save(stored, tmp_path / "o.jpg", quality=95, exif=exif)
    with Image.open(src) as im:
        upright = ImageOps.exif_transpose(im)
    dest = tmp_path / "t"
    result = build_tiles(src, dest, tile=32)
    assert (result.width, result.height) == upright.size
    assert_tiles_match(dest, upright, tolerance=12)


def test_progress_is_monotonic_fine_grained_and_ends_at_one(tmp_path: Path) -> None:
    src = save(Image.effect_noise((1200, 900), 80).convert("RGB"), tmp_path / "n.jpg")
    assert src.stat().st_size > 4 * 65536  # several reads while decoding
    seen: list[float] = []
    build_tiles(src, tmp_path / "t", tile=64, progress=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
    assert max(b - a for a, b in itertools.pairwise(seen)) <= 0.05


# --------------------------------------------------------------------------- atomicity


def _old_set(tmp_path: Path) -> tuple[Path, Path, bytes]:
    old_src = save(quadrants((100, 50)), tmp_path / "old.png")
    dest = tmp_path / "tiles" / "sha"
    build_tiles(old_src, dest)
    return dest, old_src, (dest / "info.json").read_bytes()


@pytest.mark.parametrize("with_old", [False, True])
def test_cancel_leaves_no_partial_set(tmp_path: Path, scratch_mode: str, with_old: bool) -> None:
    dest = tmp_path / "tiles" / "sha"
    old_info = b""
    if with_old:
        dest, _src, old_info = _old_set(tmp_path)
    src = save(quadrants((900, 700)), tmp_path / "new.png")
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 6

    with pytest.raises(TilesCancelled):
        build_tiles(src, dest, tile=64, cancel=cancel)
    assert calls > 6
    assert building_dirs(dest.parent) == []
    if with_old:
        assert (dest / "info.json").read_bytes() == old_info
        assert sorted(p.name for p in dest.iterdir()) == [".source", "full", "info.json"]
    else:
        assert not dest.exists()


@pytest.mark.parametrize("with_old", [False, True])
def test_failure_mid_way_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scratch_mode: str, with_old: bool
) -> None:
    dest = tmp_path / "tiles" / "sha"
    old_info = b""
    if with_old:
        dest, _src, old_info = _old_set(tmp_path)
    src = save(quadrants((900, 700)), tmp_path / "new.png")
    real_save = tiles._save_jpeg
    saved = 0

    def failing_save(im: Image.Image, path: Path, quality: int) -> None:
        nonlocal saved
        if saved == 5:
            raise OSError(28, "No space left on device")
        saved += 1
        real_save(im, path, quality)

    monkeypatch.setattr(tiles, "_save_jpeg", failing_save)
    with pytest.raises(OSError, match="No space"):
        build_tiles(src, dest, tile=64)
    assert saved == 5
    assert building_dirs(dest.parent) == []
    if with_old:
        assert (dest / "info.json").read_bytes() == old_info
    else:
        assert not dest.exists()


def test_rebuild_replaces_the_old_set(tmp_path: Path) -> None:
    dest, _old_src, _old_info = _old_set(tmp_path)
    new_src = save(quadrants((600, 300)), tmp_path / "new.png")
    build_tiles(new_src, dest, base_uri="https://kiosk.example/iiif/sha")
    info = json.loads((dest / "info.json").read_text())
    assert (info["width"], info["id"]) == (600, "https://kiosk.example/iiif/sha")
    assert not (dest / "full" / "100,50").exists()  # nothing of the old set survives
    assert building_dirs(dest.parent) == []


def test_is_current(tmp_path: Path) -> None:
    src = save(quadrants((100, 50)), tmp_path / "s.png")
    sha = hashlib.sha256(src.read_bytes()).hexdigest()
    dest = tmp_path / "t"
    assert not is_current(dest, sha)
    build_tiles(src, dest)
    assert is_current(dest, sha)
    assert not is_current(dest, "0" * 64)
    build_tiles(src, dest, source_sha256="f" * 64)
    assert is_current(dest, "f" * 64)
    # A set from the builder before format 2 (no full/max): only the sha was recorded.
    record = (dest / ".source").read_text(encoding="ascii")
    assert record.split() == ["f" * 64, f"format={tiles.BUILDER_FORMAT}"]
    assert tiles.recorded_format(dest) == tiles.BUILDER_FORMAT
    (dest / ".source").write_text("f" * 64 + "\n", encoding="ascii")
    assert not is_current(dest, "f" * 64)
    assert tiles.recorded_format(dest) is None
    assert tiles.source_record("f" * 64, None) == "f" * 64 + "\n"
    (dest / ".source").write_text(record.replace("format=", "format=1"), encoding="ascii")
    assert not is_current(dest, "f" * 64)
    (dest / ".source").write_text(record, encoding="ascii")
    assert is_current(dest, "f" * 64)
    (dest / "info.json").unlink()
    assert not is_current(dest, "f" * 64)


def test_sweep_building_dirs(tmp_path: Path) -> None:
    old = time.time() - 7200
    for name in (".building-a-1", ".retired-a-2", ".building-b-3", "a", ".hidden"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.jpg").write_bytes(b"x")
    for name in (".building-a-1", ".retired-a-2", "a", ".hidden"):
        os.utime(tmp_path / name, (old, old))
    assert sweep_building_dirs(tmp_path, older_than_s=3600) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [".building-b-3", ".hidden", "a"]
    assert sweep_building_dirs(tmp_path / "missing") == 0


# --------------------------------------------------------------------------- bad sources


def _truncated_jpeg(tmp_path: Path) -> Path:
    buf = io.BytesIO()
    Image.effect_noise((400, 300), 50).convert("RGB").save(buf, "JPEG")
    path = tmp_path / "cut.jpg"
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    return path


def _truncated_png(tmp_path: Path) -> Path:
    buf = io.BytesIO()
    Image.effect_noise((400, 300), 50).convert("RGB").save(buf, "PNG")
    path = tmp_path / "cut.png"
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    return path


def _garbage(tmp_path: Path) -> Path:
    path = tmp_path / "garbage.jpg"
    path.write_bytes(b"\xff\xd8\xff" + os.urandom(2000))
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize("maker", [_truncated_jpeg, _truncated_png, _garbage, _empty])
def test_damaged_sources_are_refused(
    tmp_path: Path, scratch_mode: str, maker: Callable[[Path], Path]
) -> None:
    src = maker(tmp_path)
    dest = tmp_path / "tiles" / "x"
    with pytest.raises(ImageRefused) as info:
        build_tiles(src, dest)
    assert src.name in info.value.reason
    assert not dest.exists()
    assert building_dirs(dest.parent) == [] if dest.parent.exists() else True


def test_pixel_limit_is_enforced(tmp_path: Path) -> None:
    src = save(quadrants((300, 200)), tmp_path / "big.png")
    with pytest.raises(ImageRefused, match="over the limit"):
        build_tiles(src, tmp_path / "t", max_pixels=10_000)
    assert not (tmp_path / "t").exists()


def test_encoder_threads_write_the_same_files_as_one_thread(tmp_path: Path) -> None:
    src = save(Image.effect_noise((700, 450), 60).convert("RGB"), tmp_path / "n.png")
    one = build_tiles(src, tmp_path / "one", tile=64, workers=1)
    many = build_tiles(src, tmp_path / "many", tile=64, workers=4)
    assert one.files == many.files == len(tile_urls(700, 450, 64))
    for url in tile_urls(700, 450, 64):
        assert (tmp_path / "one" / url).read_bytes() == (tmp_path / "many" / url).read_bytes()
    assert (tmp_path / "one" / "info.json").read_bytes().replace(b"one", b"many") == (
        tmp_path / "many" / "info.json"
    ).read_bytes()


def test_an_encoder_thread_failing_fails_the_build_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = save(Image.effect_noise((700, 450), 60).convert("RGB"), tmp_path / "n.png")
    real = tiles._save_jpeg
    calls = []

    def failing(im: Image.Image, path: Path, quality: int) -> None:
        calls.append(path)
        if len(calls) == 7:
            raise OSError(28, "No space left on device")
        real(im, path, quality)

    monkeypatch.setattr(tiles, "_save_jpeg", failing)
    with pytest.raises(OSError, match="No space left"):
        build_tiles(src, tmp_path / "t", tile=64, workers=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.png"]
