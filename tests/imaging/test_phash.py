"""The perceptual hash: its format, and the threshold measured on real photographs and maps.

Measured when NEAR_DUPLICATE_BITS was chosen (dHash of the sample exhibition's pictures):
the same picture re-encoded at JPEG quality 40-95, resized to a half, a quarter or double,
made into a 200 px thumbnail or a grey copy stayed 0-3 bits from the original
(4 for a 10% brighter copy); different pictures were 18-48 bits apart, the closest pair
being Behaim's 1492 globe gores and Ravenstein's 1908 redrawing of the same globe.
"""

from __future__ import annotations

import functools
import io
import itertools
from pathlib import Path

import pytest
from PIL import Image, ImageEnhance

from exhibition_app.imaging.ingest import prepare_image
from exhibition_app.imaging.phash import NEAR_DUPLICATE_BITS, dhash, hamming
from exhibition_app.imaging.store import MediaStore

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SAMPLE_MEDIA = sorted((ROOT / "assets" / "media").glob("*/*.jpg"))


@functools.cache
def _picture(path: Path) -> Image.Image:
    """Decoded once per run (read only: the variants all make copies)."""
    with Image.open(path) as im:
        return im.convert("RGB")


def _jpeg(im: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def _scaled(im: Image.Image, factor: float) -> Image.Image:
    size = (max(1, round(im.width * factor)), max(1, round(im.height * factor)))
    return im.resize(size, Image.Resampling.LANCZOS)


def _thumbnail(im: Image.Image) -> Image.Image:
    copy = im.copy()
    copy.thumbnail((200, 200))
    return copy


VARIANTS = {
    "jpeg q40": lambda im: _jpeg(im, 40),
    "jpeg q75": lambda im: _jpeg(im, 75),
    "jpeg q95": lambda im: _jpeg(im, 95),
    "half": lambda im: _scaled(im, 0.5),
    "quarter": lambda im: _scaled(im, 0.25),
    "double": lambda im: im.resize((im.width * 2, im.height * 2), Image.Resampling.BICUBIC),
    "half, jpeg q70": lambda im: _jpeg(_scaled(im, 0.5), 70),
    "200 px thumbnail": _thumbnail,
    "grey": lambda im: im.convert("L"),
    "10% brighter": lambda im: ImageEnhance.Brightness(im).enhance(1.1),
}


def test_the_hash_is_sixteen_hex_digits_and_stable() -> None:
    im = Image.open(DATA / "behaim-globe-photo.jpg")
    h = dhash(im)
    assert len(h) == 16 and h == h.lower() and int(h, 16) >= 0
    assert dhash(Image.open(DATA / "behaim-globe-photo.jpg")) == h
    assert h == "33e89494dc713717"  # fixed: stored hashes must stay comparable


def test_a_flat_image_hashes_to_zero_and_modes_are_accepted() -> None:
    assert dhash(Image.new("RGB", (50, 40), "tan")) == "0" * 16
    photo = Image.open(DATA / "behaim-globe-photo.jpg").convert("RGB")
    h = dhash(photo)
    assert dhash(photo.convert("RGBA")) == h  # opaque alpha changes nothing
    for mode in ("L", "P", "1", "CMYK", "I;16"):
        other = dhash(photo.convert("L" if mode == "I;16" else mode).convert(mode))
        assert len(other) == 16
        if mode in ("L", "P", "CMYK"):
            assert hamming(h, other) <= NEAR_DUPLICATE_BITS


def test_hamming() -> None:
    assert hamming("0" * 16, "0" * 16) == 0
    assert hamming("0" * 16, "f" * 16) == 64
    assert hamming("8000000000000001", "0000000000000000") == 2
    assert hamming("00000000000000ff", "00000000000000F0") == 4
    for bad in ("", "123", "g" * 16, "0" * 17):
        with pytest.raises(ValueError):
            hamming(bad, "0" * 16)


@pytest.mark.parametrize("path", SAMPLE_MEDIA, ids=lambda p: p.name[:8])
@pytest.mark.parametrize("variant", VARIANTS)
def test_the_same_picture_stays_within_the_threshold(path: Path, variant: str) -> None:
    im = _picture(path)
    assert hamming(dhash(im), dhash(VARIANTS[variant](im))) <= NEAR_DUPLICATE_BITS


#: The sample's two editions of NASA's Blue Marble (2002, and Next Generation): the same
#: view of the same Earth, which the look-alike check rightly calls near-duplicates.
BLUE_MARBLE_TWINS = frozenset({"66992f97", "10f5389b"})


def test_different_pictures_are_well_outside_the_threshold() -> None:
    assert len(SAMPLE_MEDIA) >= 7
    hashes = {p.name[:8]: dhash(_picture(p)) for p in SAMPLE_MEDIA}
    twins = [hashes[name] for name in sorted(BLUE_MARBLE_TWINS)]
    assert hamming(*twins) <= NEAR_DUPLICATE_BITS
    pairs = [(a, b) for a, b in itertools.combinations(hashes, 2) if {a, b} != BLUE_MARBLE_TWINS]
    distances = {(a, b): hamming(hashes[a], hashes[b]) for a, b in pairs}
    # A shaded relief and a satellite picture of the same Earth in the same projection are
    # 12 bits apart; even a redrawing of the same globe is 18 bits away.
    assert min(distances.values()) >= 2 * NEAR_DUPLICATE_BITS, distances
    photo = dhash(Image.open(DATA / "behaim-globe-photo.jpg"))
    portrait = dhash(Image.open(DATA / "martin-behaim-portrait.jpg"))
    assert hamming(photo, portrait) > 3 * NEAR_DUPLICATE_BITS


def test_ingest_keeps_the_hash_of_the_normalised_pixels(tmp_path: Path) -> None:
    # An EXIF-rotated photo is hashed as it is shown, i.e. after the rotation.
    upright = Image.open(DATA / "behaim-globe-photo.jpg").convert("RGB")
    rotated = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW to view": stored pixels are turned the other way
    upright.transpose(Image.Transpose.ROTATE_90).save(rotated, quality=95, exif=exif)
    prepared = prepare_image(rotated, workdir=tmp_path / "work")
    assert prepared.exif_transposed
    assert prepared.phash is not None
    assert hamming(prepared.phash, dhash(upright)) <= NEAR_DUPLICATE_BITS

    stored = MediaStore(tmp_path / "assets").put(DATA / "behaim-globe-photo.jpg")
    assert stored.phash == dhash(upright)
