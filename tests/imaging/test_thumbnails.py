"""Thumbnails: bounded size, JPEG draft decoding, upright sRGB output, caching."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from PIL import Image, JpegImagePlugin

from exhibition_app.imaging import thumbnails as thumbnails_module
from exhibition_app.imaging.source import ImageRefused
from exhibition_app.imaging.thumbnails import (
    THUMB_BACKGROUND,
    ThumbnailCache,
    make_thumbnail,
    make_thumbnails,
    naive_thumbnail,
)

SHA = "ab" + "0123456789abcdef" * 3 + "0123456789ab01"
GOOD = [
    "rgb_jpeg",
    "gray_jpeg",
    "rgba_png",
    "cmyk_jpeg",
    "gray16_png",
    "gray16_tiff",
    "rgb16_png",
    "exif_rotated_jpeg",
    "palette_transparent_png",
    "gif",
    "la_png",
    "bilevel_png",
]


def _big_jpeg(path: Path, size: tuple[int, int] = (1600, 1200)) -> Path:
    im = Image.new("RGB", size, (200, 30, 30))
    im.paste((30, 30, 200), (size[0] // 2, 0, size[0], size[1]))  # right half blue
    im.save(path, "JPEG", quality=90)
    return path


@pytest.mark.parametrize("key", GOOD)
def test_thumbnail_is_a_bounded_rgb_jpeg(corpus: dict[str, Path], tmp_path: Path, key: str) -> None:
    dest = tmp_path / "thumbs" / "t.jpg"
    size = make_thumbnail(corpus[key], dest, 12)
    with Image.open(dest) as im:
        assert im.format == "JPEG" and im.mode == "RGB"
        assert im.size == size
    with Image.open(corpus[key]) as original:
        assert max(size) == min(12, max(original.size))  # bounded, never enlarged
    assert [p.name for p in dest.parent.iterdir()] == ["t.jpg"]  # no temp left


def test_exif_orientation_is_applied(corpus: dict[str, Path], tmp_path: Path) -> None:
    size = make_thumbnail(corpus["exif_rotated_jpeg"], tmp_path / "t.jpg", 30)
    assert size == (20, 30)
    with Image.open(tmp_path / "t.jpg") as im:
        r, _, b = im.getpixel((17, 15))  # type: ignore[misc]
        assert r > 180 and b < 80  # red on the right, as displayed


def test_transparency_is_composited_on_the_dark_background(
    corpus: dict[str, Path], tmp_path: Path
) -> None:
    make_thumbnail(corpus["rgba_png"], tmp_path / "t.jpg", 20)
    with Image.open(tmp_path / "t.jpg") as im:
        left = im.getpixel((2, 5))
        right = im.getpixel((17, 5))
    assert all(abs(c - e) <= 6 for c, e in zip(left, THUMB_BACKGROUND, strict=True))  # type: ignore[arg-type]
    assert right[1] > 200  # type: ignore[index]


def test_jpeg_is_decoded_through_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _big_jpeg(tmp_path / "map.jpg")
    calls: list[tuple[object, object, tuple[int, int]]] = []
    real_draft = JpegImagePlugin.JpegImageFile.draft

    def spy(
        self: JpegImagePlugin.JpegImageFile, mode: str | None, size: tuple[int, int] | None
    ) -> tuple[str, tuple[int, int, float, float]] | None:
        result = real_draft(self, mode, size)
        calls.append((mode, size, self.size))
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    size = make_thumbnail(src, tmp_path / "t.jpg", 100)
    assert size == (100, 75)
    # asks for the real thumbnail size (not the 100x100 box) and is decoded at 1/8 scale
    assert calls[0] == ("RGB", (100, 75), (200, 150))
    with Image.open(tmp_path / "t.jpg") as im:
        left, right = im.getpixel((10, 40)), im.getpixel((90, 40))
    assert left[0] > 170 and left[2] < 70  # type: ignore[index]
    assert right[2] > 170 and right[0] < 70  # type: ignore[index]


def test_naive_baseline_gives_the_same_picture(tmp_path: Path) -> None:
    src = _big_jpeg(tmp_path / "map.jpg")
    assert naive_thumbnail(src, tmp_path / "naive.jpg", 100) == (100, 75)
    assert make_thumbnail(src, tmp_path / "fast.jpg", 100) == (100, 75)
    with Image.open(tmp_path / "naive.jpg") as a, Image.open(tmp_path / "fast.jpg") as b:
        for xy in ((10, 40), (90, 40)):
            pa, pb = a.getpixel(xy), b.getpixel(xy)
            assert all(abs(x - y) <= 12 for x, y in zip(pa, pb, strict=True))  # type: ignore[arg-type]


def test_several_sizes_from_one_decode(tmp_path: Path) -> None:
    src = _big_jpeg(tmp_path / "map.jpg")
    sizes = make_thumbnails(src, {tmp_path / "s.jpg": 64, tmp_path / "l.jpg": 400})
    assert sizes == {tmp_path / "s.jpg": (64, 48), tmp_path / "l.jpg": (400, 300)}


@pytest.mark.parametrize("key", ["truncated_jpeg", "empty", "text_as_jpg", "huge_png"])
def test_bad_source_is_refused_and_writes_nothing(
    corpus: dict[str, Path], tmp_path: Path, key: str
) -> None:
    with pytest.raises(ImageRefused):
        make_thumbnail(corpus[key], tmp_path / "out" / "t.jpg", 64)
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_invalid_size(corpus: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        make_thumbnail(corpus["rgb_jpeg"], tmp_path / "t.jpg", 0)


def test_cache_layout_and_validation(tmp_path: Path) -> None:
    cache = ThumbnailCache(tmp_path)
    assert cache.path_for(SHA, 256) == tmp_path / "thumbs" / "256" / "ab" / f"{SHA}.jpg"
    with pytest.raises(ValueError):
        cache.path_for("../../etc/passwd", 256)
    with pytest.raises(ValueError):
        cache.path_for(SHA.upper(), 256)


def test_cache_reuses_an_existing_thumbnail(
    corpus: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ThumbnailCache(tmp_path)
    path = cache.get(SHA, corpus["rgb_jpeg"], 32)
    assert path == cache.path_for(SHA, 32) and path.is_file()
    stamp = path.stat().st_mtime_ns
    time.sleep(0.01)

    def must_not_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("thumbnail regenerated")

    monkeypatch.setattr(thumbnails_module, "make_thumbnails", must_not_run)
    assert cache.get(SHA, corpus["rgb_jpeg"], 32) == path
    assert path.stat().st_mtime_ns == stamp


def test_cache_regenerates_an_empty_file(corpus: dict[str, Path], tmp_path: Path) -> None:
    cache = ThumbnailCache(tmp_path)
    path = cache.path_for(SHA, 32)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    cache.get(SHA, corpus["rgb_jpeg"], 32)
    with Image.open(path) as im:
        assert max(im.size) == 32


def test_cache_ensure_makes_only_missing_sizes(corpus: dict[str, Path], tmp_path: Path) -> None:
    cache = ThumbnailCache(tmp_path)
    first = cache.get(SHA, corpus["rgb_jpeg"], 16)
    stamp = first.stat().st_mtime_ns
    paths = cache.ensure(SHA, corpus["rgb_jpeg"], (16, 32))
    assert set(paths) == {16, 32}
    assert paths[16].stat().st_mtime_ns == stamp and paths[32].is_file()


def test_racing_workers_leave_one_valid_file(tmp_path: Path) -> None:
    src = _big_jpeg(tmp_path / "map.jpg")
    caches = [ThumbnailCache(tmp_path / "assets") for _ in range(2)]  # separate locks too
    errors: list[BaseException] = []

    def worker(cache: ThumbnailCache) -> None:
        try:
            for _ in range(3):
                cache.get(SHA, src, 128)
                cache.path_for(SHA, 128).unlink(missing_ok=True)
            cache.get(SHA, src, 128)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(caches[i % 2],)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    path = caches[0].path_for(SHA, 128)
    with Image.open(path) as im:
        im.load()
        assert im.size == (128, 96)
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_cache_sweep(tmp_path: Path) -> None:
    cache = ThumbnailCache(tmp_path)
    shard = cache.path_for(SHA, 64).parent
    shard.mkdir(parents=True)
    stale, fresh = shard / ".tmp-1.jpg", shard / ".tmp-2.jpg"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    assert cache.sweep_temp_files() == 1
    assert not stale.exists() and fresh.exists()


# --------------------------------------------------------------------------- huge non-JPEGs


def _mean_difference(a: Image.Image, b: Image.Image) -> float:
    from PIL import ImageChops, ImageStat

    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


@pytest.mark.parametrize("key", GOOD)
def test_huge_pictures_are_reduced_in_blocks_like_in_memory(
    corpus: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    expected_size = make_thumbnail(corpus[key], tmp_path / "memory.jpg", 16)
    monkeypatch.setattr(thumbnails_module, "STRIP_PIXELS", 0)
    monkeypatch.setattr(thumbnails_module, "_BLOCK", 5)  # many blocks, partial edges
    streamed = thumbnails_module._in_blocks(Image.open(corpus[key]))
    assert streamed == (
        key not in ("rgb_jpeg", "gray_jpeg", "cmyk_jpeg", "exif_rotated_jpeg", "gif")
    )
    size = make_thumbnail(corpus[key], tmp_path / "blocks" / "thumb.jpg", 16)
    assert abs(size[0] - expected_size[0]) <= 1 and abs(size[1] - expected_size[1]) <= 1
    with Image.open(tmp_path / "memory.jpg") as a, Image.open(tmp_path / "blocks/thumb.jpg") as b:
        if a.size == b.size:
            assert _mean_difference(a.convert("RGB"), b.convert("RGB")) < 8
    assert [p.name for p in (tmp_path / "blocks").iterdir()] == ["thumb.jpg"]  # no scratch


def test_a_big_png_thumbnail_matches_and_leaves_no_scratch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "scan.png"
    with Image.open(_big_jpeg(tmp_path / "scan.jpg", (1500, 1000))) as im:
        im.save(src, "PNG")
    make_thumbnail(src, tmp_path / "memory.jpg", 200)
    monkeypatch.setattr(thumbnails_module, "STRIP_PIXELS", 0)
    monkeypatch.setattr(thumbnails_module, "_BLOCK", 300)
    assert make_thumbnail(src, tmp_path / "out" / "t.jpg", 200) == (200, 133)
    with Image.open(tmp_path / "memory.jpg") as a, Image.open(tmp_path / "out/t.jpg") as b:
        assert a.size == b.size
        assert _mean_difference(a, b) < 3
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["t.jpg"]


def test_a_truncated_big_png_is_refused_and_leaves_no_scratch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "scan.png"
    with Image.open(_big_jpeg(tmp_path / "scan.jpg", (600, 400))) as im:
        im.save(src, "PNG")
    src.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
    monkeypatch.setattr(thumbnails_module, "STRIP_PIXELS", 0)
    with pytest.raises(ImageRefused, match="truncated or damaged"):
        make_thumbnail(src, tmp_path / "out" / "t.jpg", 100)
    assert list((tmp_path / "out").iterdir()) == []
