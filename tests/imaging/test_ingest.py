"""prepare_image: refusals with curator-readable reasons, and normalisation."""

from __future__ import annotations

import os
import shutil
import threading
import warnings
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageFile

from exhibition_app.imaging.ingest import (
    DEFAULT_MAX_PIXELS,
    ImageRefused,
    PreparedImage,
    pixel_limit,
    prepare_image,
)


def _prepare(path: Path, workdir: Path, **kwargs: int) -> PreparedImage:
    return prepare_image(path, workdir=workdir, **kwargs)


def _refusal(path: Path, workdir: Path, **kwargs: int) -> str:
    with pytest.raises(ImageRefused) as info:
        _prepare(path, workdir, **kwargs)
    exc = info.value
    assert str(exc) == exc.reason
    assert "\n" not in exc.reason
    assert exc.reason.startswith(f"{path.name}: ")
    return exc.reason


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("empty", "the file is empty (0 bytes)"),
        ("text_as_jpg", "not an image (the file holds text or an unknown format)"),
        ("truncated_jpeg", "the image is truncated or damaged (JPEG data ends early)"),
        (
            "huge_png",
            "100000x100000 pixels (10.0 gigapixels) is over the limit of 2.0 gigapixels",
        ),
        ("damaged_png", "truncated or damaged"),
        ("heic", "HEIC/HEIF photos are not supported"),
    ],
)
def test_bad_inputs_are_refused_with_a_specific_reason(
    corpus: dict[str, Path], tmp_path: Path, key: str, expected: str
) -> None:
    reason = _refusal(corpus[key], tmp_path)
    assert expected in reason
    assert list(tmp_path.iterdir()) == []  # nothing half-written in the workdir


def test_missing_file(tmp_path: Path) -> None:
    reason = _refusal(tmp_path / "missing.jpg", tmp_path)
    assert reason == "missing.jpg: cannot read the file (No such file or directory)"


def test_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "scans.jpg").mkdir()
    assert "cannot read the file" in _refusal(tmp_path / "scans.jpg", tmp_path)


def test_control_characters_in_the_name_stay_on_one_line(tmp_path: Path) -> None:
    odd = tmp_path / "map\nscan.jpg"
    odd.write_bytes(b"")
    with pytest.raises(ImageRefused) as info:
        prepare_image(odd, workdir=tmp_path / "work")
    assert "\n" not in info.value.reason
    assert "empty" in info.value.reason


def test_over_limit_is_refused_from_the_header_without_decoding(
    corpus: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_decoding(self: ImageFile.ImageFile) -> None:
        raise AssertionError("pixel data must not be decoded for an over-limit image")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    assert corpus["huge_png"].stat().st_size < 200
    assert "gigapixels" in _refusal(corpus["huge_png"], tmp_path)


@pytest.mark.parametrize("max_pixels", [1000, 2000, 3071])
def test_lower_max_pixels_refuses_a_normal_image(
    corpus: dict[str, Path], tmp_path: Path, max_pixels: int
) -> None:
    # 64x48 = 3072 pixels: over 2x the limit (Pillow's own error), or just over it.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        reason = _refusal(corpus["rgb_jpeg"], tmp_path, max_pixels=max_pixels)
    assert f"64x48 pixels (3,072 pixels) is over the limit of {max_pixels:,} pixels" in reason


def test_image_exactly_at_the_limit_is_accepted(corpus: dict[str, Path], tmp_path: Path) -> None:
    assert _prepare(corpus["rgb_jpeg"], tmp_path, max_pixels=64 * 48).width == 64


def test_invalid_max_pixels(corpus: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        _prepare(corpus["rgb_jpeg"], tmp_path, max_pixels=0)


def test_pillow_globals_are_restored_and_never_disabled(
    corpus: dict[str, Path], tmp_path: Path
) -> None:
    before = Image.MAX_IMAGE_PIXELS
    seen: list[int | None] = []
    with pixel_limit(DEFAULT_MAX_PIXELS):
        seen.append(Image.MAX_IMAGE_PIXELS)
        _prepare(corpus["rgb_jpeg"], tmp_path)  # nested, same limit: shares the lease
    _refusal(corpus["truncated_jpeg"], tmp_path)
    assert seen == [DEFAULT_MAX_PIXELS]
    assert before == Image.MAX_IMAGE_PIXELS
    assert Image.MAX_IMAGE_PIXELS is not None
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_nested_pixel_limit_with_another_value_raises_instead_of_deadlocking() -> None:
    with pixel_limit(1000), pytest.raises(RuntimeError), pixel_limit(2000):
        pass


def test_threads_with_different_limits_each_see_their_own(
    corpus: dict[str, Path], tmp_path: Path
) -> None:
    errors: list[BaseException] = []

    def worker(limit: int) -> None:
        try:
            for _ in range(20):
                with pixel_limit(limit):
                    assert limit == Image.MAX_IMAGE_PIXELS
                    if limit < 3072:
                        with pytest.raises(ImageRefused):
                            prepare_image(corpus["rgb_jpeg"], workdir=tmp_path, max_pixels=limit)
                    else:
                        prepare_image(corpus["rgb_jpeg"], workdir=tmp_path, max_pixels=limit)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in (1000, 10**6, 1000, 10**6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


# --------------------------------------------------------------------------- accepted


@pytest.mark.parametrize(
    ("key", "fmt", "mode", "ext"),
    [
        ("rgb_jpeg", "JPEG", "RGB", ".jpg"),
        ("rgba_png", "PNG", "RGBA", ".png"),
        ("gray_jpeg", "JPEG", "L", ".jpg"),
    ],
)
def test_clean_files_keep_their_bytes(
    corpus: dict[str, Path], tmp_path: Path, key: str, fmt: str, mode: str, ext: str
) -> None:
    prepared = _prepare(corpus[key], tmp_path)
    assert prepared.changed is False
    assert prepared.data_path == corpus[key]
    assert (prepared.format, prepared.mode, prepared.ext) == (fmt, mode, ext)
    assert prepared.exif_transposed is False
    assert list(tmp_path.iterdir()) == []


def test_exif_rotated_photo_comes_out_upright(corpus: dict[str, Path], tmp_path: Path) -> None:
    prepared = _prepare(corpus["exif_rotated_jpeg"], tmp_path)
    assert (prepared.width, prepared.height) == (40, 60)
    assert prepared.exif_transposed and prepared.changed
    assert (prepared.format, prepared.ext, prepared.mode) == ("JPEG", ".jpg", "RGB")
    assert prepared.data_path.parent == tmp_path
    with Image.open(prepared.data_path) as im:
        assert im.size == (40, 60)
        assert im.getexif().get(ExifTags.Base.Orientation, 1) == 1  # not rotated twice
        rgb = im.convert("RGB")
    # Stored top (red) is shown on the right, stored bottom (blue) on the left.
    r, _g, b = rgb.getpixel((35, 30))  # type: ignore[misc]
    assert r > 200 and b < 60
    r, _g, b = rgb.getpixel((4, 30))  # type: ignore[misc]
    assert b > 200 and r < 60


@pytest.mark.parametrize("key", ["cmyk_jpeg", "cmyk_bad_icc_jpeg"])
def test_cmyk_becomes_rgb_with_sane_colours(
    corpus: dict[str, Path], tmp_path: Path, key: str
) -> None:
    prepared = _prepare(corpus[key], tmp_path)
    assert prepared.changed and prepared.mode == "RGB"
    assert (prepared.format, prepared.ext) == ("JPEG", ".jpg")
    with Image.open(prepared.data_path) as im:
        assert im.mode == "RGB"
        assert "icc_profile" not in im.info  # the CMYK profile must not be carried over
        r, g, b = im.getpixel((16, 12))  # type: ignore[misc]
    assert r > 200 and g < 60 and b < 60  # pure red stays red


@pytest.mark.parametrize("key", ["gray16_png", "gray16_tiff"])
def test_16_bit_grey_is_scaled_to_the_full_8_bit_range(
    corpus: dict[str, Path], tmp_path: Path, key: str
) -> None:
    prepared = _prepare(corpus[key], tmp_path)
    assert prepared.changed and prepared.mode == "L"
    assert (prepared.format, prepared.ext) == ("PNG", ".png")
    with Image.open(prepared.data_path) as im:
        assert im.mode == "L" and im.size == (256, 8)
        row = [im.getpixel((x, 0)) for x in range(256)]
    assert row[0] == 0 and row[-1] == 255
    assert row == sorted(row)  # a ramp, not clipped to white after the first few pixels
    assert row[128] in (127, 128)


def test_16_bit_rgb_is_stored_as_8_bit(corpus: dict[str, Path], tmp_path: Path) -> None:
    prepared = _prepare(corpus["rgb16_png"], tmp_path)
    assert prepared.changed and prepared.mode == "RGB" and prepared.format == "PNG"
    with Image.open(prepared.data_path) as im:
        assert im.mode == "RGB"
        assert im.getextrema()[0] == (0, 255)
        assert im.getpixel((0, 0)) == (0, 255, 16)


def test_palette_with_transparency_becomes_rgba(corpus: dict[str, Path], tmp_path: Path) -> None:
    prepared = _prepare(corpus["palette_transparent_png"], tmp_path)
    assert prepared.changed and prepared.mode == "RGBA" and prepared.format == "PNG"
    with Image.open(prepared.data_path) as im:
        assert im.mode == "RGBA"
        assert im.getpixel((0, 0))[3] == 0  # type: ignore[index]
        assert im.getpixel((12, 0)) == (255, 0, 0, 255)


def test_gif_keeps_its_first_frame_as_png(corpus: dict[str, Path], tmp_path: Path) -> None:
    prepared = _prepare(corpus["gif"], tmp_path)
    assert prepared.changed and prepared.format == "PNG" and prepared.mode == "RGB"
    with Image.open(prepared.data_path) as im:
        assert getattr(im, "n_frames", 1) == 1
        assert im.convert("RGB").getpixel((5, 5)) == (255, 0, 0)  # the red first frame


@pytest.mark.parametrize(("key", "mode"), [("la_png", "RGBA"), ("bilevel_png", "L")])
def test_other_modes_are_normalised(
    corpus: dict[str, Path], tmp_path: Path, key: str, mode: str
) -> None:
    prepared = _prepare(corpus[key], tmp_path)
    assert prepared.changed and prepared.mode == mode and prepared.format == "PNG"
    with Image.open(prepared.data_path) as im:
        assert im.mode == mode


def test_re_encoding_is_deterministic(corpus: dict[str, Path], tmp_path: Path) -> None:
    # Deduplication in the store relies on the same input giving the same bytes.
    a = _prepare(corpus["exif_rotated_jpeg"], tmp_path / "a")
    b = _prepare(corpus["exif_rotated_jpeg"], tmp_path / "b")
    assert a.data_path.read_bytes() == b.data_path.read_bytes()


def test_file_extension_does_not_decide_the_format(corpus: dict[str, Path], tmp_path: Path) -> None:
    disguised = tmp_path / "really_a_png.jpg"
    shutil.copyfile(corpus["rgba_png"], disguised)
    prepared = _prepare(disguised, tmp_path / "work")
    assert (prepared.format, prepared.ext, prepared.changed) == ("PNG", ".png", False)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    assert "not a regular file" in _refusal(fifo, tmp_path / "work")
