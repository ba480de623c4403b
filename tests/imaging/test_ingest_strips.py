"""prepare_image on big images: checked and normalised block by block through mapped scratch
files (`exhibition_app.imaging.scratch`), with the same result as the in-memory path.

The threshold is lowered so small, real images take the big-image path.
"""

from __future__ import annotations

import io
import shutil
from collections import namedtuple
from pathlib import Path

import pytest
from PIL import Image

from exhibition_app.imaging import ingest
from exhibition_app.imaging.ingest import ImageRefused, PreparedImage, prepare_image
from exhibition_app.imaging.phash import NEAR_DUPLICATE_BITS, dhash, hamming

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SAMPLE_MEDIA = sorted((ROOT / "assets" / "media").glob("*/*.jpg"))

ACCEPTED = [
    "rgb_jpeg",
    "gray_jpeg",
    "rgba_png",
    "exif_rotated_jpeg",
    "cmyk_jpeg",
    "cmyk_bad_icc_jpeg",
    "gray16_png",
    "gray16_tiff",
    "rgb16_png",
    "palette_transparent_png",
    "la_png",
    "bilevel_png",
]


@pytest.fixture
def in_strips(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every image takes the big-image path; the in-memory one would fail the test."""
    monkeypatch.setattr(ingest, "STRIP_PIXELS", 0)

    def no_memory_path(*args: object) -> PreparedImage:
        raise AssertionError("this image should have been prepared in strips")

    monkeypatch.setattr(ingest, "_prepare_in_memory", no_memory_path)


def _outcome(prepared: PreparedImage) -> tuple[object, ...]:
    data = prepared.data_path.read_bytes() if prepared.changed else prepared.data_path
    return (
        prepared.width,
        prepared.height,
        prepared.mode,
        prepared.format,
        prepared.ext,
        prepared.changed,
        prepared.exif_transposed,
        prepared.phash,
        data,
    )


def _in_memory(path: Path, workdir: Path) -> tuple[object, ...]:
    return _outcome(prepare_image(path, workdir=workdir))


def _assert_no_scratch(workdir: Path) -> None:
    left = [p.name for p in workdir.iterdir()] if workdir.exists() else []
    assert not [n for n in left if "scratch" in n], left


# --------------------------------------------------------------------------- same result


@pytest.mark.parametrize("key", ACCEPTED)
def test_strips_give_the_same_stored_bytes_as_memory(
    corpus: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    expected = _in_memory(corpus[key], tmp_path / "memory")
    monkeypatch.setattr(ingest, "STRIP_PIXELS", 0)
    monkeypatch.setattr(ingest, "_prepare_in_memory", None)  # must not be used
    prepared = prepare_image(corpus[key], workdir=tmp_path / "strips")
    assert _outcome(prepared) == expected
    _assert_no_scratch(tmp_path / "strips")


def _rotated_sample(tmp_path: Path, orientation: int) -> Path:
    with Image.open(SAMPLE_MEDIA[0]) as im:
        picture = im.convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = orientation
    path = tmp_path / f"rotated-{orientation}.jpg"
    picture.save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


@pytest.mark.parametrize("orientation", [3, 6, 7])
def test_a_real_rotated_scan_in_small_blocks_matches_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, orientation: int
) -> None:
    # Small blocks, so the scan spans many of them (and edge blocks that are not full).
    path = _rotated_sample(tmp_path, orientation)
    expected = _in_memory(path, tmp_path / "memory")
    monkeypatch.setattr(ingest, "_BLOCK", 300)
    monkeypatch.setattr(ingest, "_OVERVIEW_SIDE", 10_000)  # no reduction: the same hash
    monkeypatch.setattr(ingest, "STRIP_PIXELS", 0)
    assert _outcome(prepare_image(path, workdir=tmp_path / "strips")) == expected


@pytest.mark.parametrize("path", SAMPLE_MEDIA[:4], ids=lambda p: p.name[:8])
def test_the_hash_from_the_overview_finds_near_duplicates(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_strips: None
) -> None:
    # A reduced overview (here 1/4 or less) gives the hash of the full picture within
    # the near-duplicate tolerance, and the original bytes are kept.
    monkeypatch.setattr(ingest, "_OVERVIEW_SIDE", 700)
    with Image.open(path) as im:
        full = dhash(im.convert("RGB"))
    prepared = prepare_image(path, workdir=tmp_path)
    assert prepared.changed is False and prepared.data_path == path
    assert prepared.phash is not None
    assert hamming(prepared.phash, full) <= NEAR_DUPLICATE_BITS // 2
    # (the sample's two Blue Marble editions are near-duplicates of each other by nature)
    twins = {"66992f97", "10f5389b"}
    others = [
        dhash(Image.open(p).convert("RGB"))
        for p in SAMPLE_MEDIA
        if p != path and not {p.name[:8], path.name[:8]} <= twins
    ]
    assert min(hamming(prepared.phash, h) for h in others) > NEAR_DUPLICATE_BITS


# --------------------------------------------------------------------------- refusals


def _corrupt_png(tmp_path: Path) -> Path:
    """A PNG whose header is sound and whose compressed pixel data is damaged."""
    buf = io.BytesIO()
    Image.radial_gradient("L").resize((200, 150)).convert("RGB").save(buf, "PNG")
    data = bytearray(buf.getvalue())
    at = data.index(b"IDAT") + 40
    data[at : at + 32] = bytes(b ^ 0x5A for b in data[at : at + 32])
    path = tmp_path / "corrupt.png"
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("key", ["truncated_jpeg", "corrupt_png"])
def test_damaged_big_images_are_refused_with_the_same_reason(
    corpus: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    path = _corrupt_png(tmp_path) if key == "corrupt_png" else corpus[key]
    with pytest.raises(ImageRefused) as in_memory:
        prepare_image(path, workdir=tmp_path / "memory")
    monkeypatch.setattr(ingest, "STRIP_PIXELS", 0)
    work = tmp_path / "strips"
    with pytest.raises(ImageRefused) as in_strips:
        prepare_image(path, workdir=work)
    assert in_strips.value.reason == in_memory.value.reason
    assert "truncated or damaged" in in_strips.value.reason
    assert list(work.iterdir()) == []  # the scratch file is gone


@pytest.mark.parametrize(("subsampling", "per_pixel"), [(2, 3), (0, 6)])
def test_progressive_jpeg_over_its_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, subsampling: int, per_pixel: int
) -> None:
    # libjpeg holds 2 bytes of coefficients a sample: 3 bytes a pixel at 4:2:0, 6 at 4:4:4.
    path = tmp_path / "progressive.jpg"
    Image.new("RGB", (100, 80), "tan").save(path, "JPEG", progressive=True, subsampling=subsampling)
    monkeypatch.setattr(ingest, "STRIP_PIXELS", 0)
    monkeypatch.setattr(ingest, "PROGRESSIVE_MAX_BYTES", 8000 * per_pixel - 1)
    with pytest.raises(ImageRefused) as info:
        prepare_image(path, workdir=tmp_path / "work")
    assert info.value.reason == (
        "progressive.jpg: a progressive JPEG of 100x80 pixels (8,000 pixels) is over the "
        "7,999 pixels this format allows (save it as a baseline JPEG, PNG or TIFF)"
    )
    assert not (tmp_path / "work").exists()  # refused from the header, before any scratch
    monkeypatch.setattr(ingest, "PROGRESSIVE_MAX_BYTES", 8000 * per_pixel)  # at the limit
    assert prepare_image(path, workdir=tmp_path / "work").width == 100


def test_a_format_decoded_only_in_memory_gets_the_lower_limit(
    corpus: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "STRIP_PIXELS", 0)
    monkeypatch.setattr(ingest, "IN_MEMORY_MAX_PIXELS", 199)
    with pytest.raises(ImageRefused) as info:
        prepare_image(corpus["gif"], workdir=tmp_path)
    assert info.value.reason == (
        "animated.gif: a GIF image of 20x10 pixels (200 pixels) is over the 199 pixels "
        "this format allows (save it as PNG, TIFF or baseline JPEG)"
    )
    monkeypatch.setattr(ingest, "IN_MEMORY_MAX_PIXELS", 200)
    assert prepare_image(corpus["gif"], workdir=tmp_path).format == "PNG"


def test_short_of_disk_space_is_refused_before_decoding(
    corpus: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_strips: None
) -> None:
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage(10**9, 10**9, 1000))
    with pytest.raises(ImageRefused) as info:
        prepare_image(corpus["exif_rotated_jpeg"], workdir=tmp_path)
    assert info.value.reason.startswith(
        "rotated.jpg: not enough free disk space to decode a 60x40 image (it needs about "
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_no_scratch_file_is_left_when_encoding_fails(
    corpus: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    in_strips: None,
    error: BaseException,
) -> None:
    seen: list[str] = []

    def failing_encode(*args: object, **kwargs: object) -> None:
        seen.extend(p.name for p in tmp_path.iterdir())
        raise error

    monkeypatch.setattr(ingest, "_encode", failing_encode)
    with pytest.raises(type(error)):
        prepare_image(corpus["exif_rotated_jpeg"], workdir=tmp_path)
    assert any(name.startswith(".tmp-scratch-upright-") for name in seen)
    assert list(tmp_path.iterdir()) == []


def test_big_clean_png_keeps_its_bytes_and_leaves_nothing(
    corpus: dict[str, Path], tmp_path: Path, in_strips: None
) -> None:
    copy = tmp_path / "clean.png"
    shutil.copyfile(corpus["rgba_png"], copy)
    prepared = prepare_image(copy, workdir=tmp_path / "work")
    assert (prepared.changed, prepared.data_path, prepared.mode) == (False, copy, "RGBA")
    assert list((tmp_path / "work").iterdir()) == []


def test_a_multi_picture_jpeg_is_checked_in_strips_and_keeps_its_bytes(
    tmp_path: Path, in_strips: None
) -> None:
    # Many phone cameras write MPO (a JPEG with more pictures after it): Pillow decodes
    # the first picture like any JPEG, into the scratch file.
    path = tmp_path / "phone.jpg"
    first = Image.radial_gradient("L").resize((300, 200)).convert("RGB")
    first.save(path, "MPO", save_all=True, append_images=[Image.new("RGB", (300, 200), "red")])
    prepared = prepare_image(path, workdir=tmp_path / "work")
    assert (prepared.format, prepared.changed, prepared.data_path) == ("JPEG", False, path)
    with Image.open(path) as im:
        assert prepared.phash == dhash(im.convert("RGB"))
