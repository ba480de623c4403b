"""The tile builder's JPEG path that decodes on a thread while bands are cut (issue 16).

Small JPEGs take that path when the in-memory threshold is lowered to 0. Everything the
ordinary path promises holds there too: the same files byte for byte, refusal of damaged
files, cancel, nothing left behind, and the decoder never far ahead of the builder.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PIL import Image

from exhibition_app.imaging import background, tiles
from exhibition_app.imaging.source import ImageRefused
from exhibition_app.imaging.tiles import TilesCancelled, build_tiles, tile_urls


def noise_jpeg(path: Path, size: tuple[int, int] = (700, 450)) -> Path:
    Image.effect_noise(size, 60).convert("RGB").save(path, quality=90)
    return path


def leftovers(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if p.name.startswith((".building-", ".retired-"))]


def decoder_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name == "tiles-decode"]


@pytest.fixture
def on_a_thread(monkeypatch: pytest.MonkeyPatch) -> list[background.BackgroundDecode]:
    """Make every JPEG take the threaded path; the decoders made are listed."""
    made: list[background.BackgroundDecode] = []
    real_init = background.BackgroundDecode.__init__

    def init(self: background.BackgroundDecode, *args: object, **kwargs: object) -> None:
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]
        made.append(self)

    monkeypatch.setattr(background.BackgroundDecode, "__init__", init)
    monkeypatch.setattr(tiles, "_IN_MEMORY_BYTES", 0)
    return made


@pytest.mark.parametrize("tile", [64, 63, 512])
def test_the_same_files_as_decoding_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tile: int
) -> None:
    src = noise_jpeg(tmp_path / "n.jpg")
    build_tiles(src, tmp_path / "first", tile=tile, base_uri="x")
    made: list[object] = []
    real_init = background.BackgroundDecode.__init__

    def init(self: background.BackgroundDecode, *args: object, **kwargs: object) -> None:
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]
        made.append(self)

    monkeypatch.setattr(background.BackgroundDecode, "__init__", init)
    monkeypatch.setattr(tiles, "_IN_MEMORY_BYTES", 0)
    result = build_tiles(src, tmp_path / "thread", tile=tile, base_uri="x")
    assert len(made) == 1  # it did take the threaded path
    urls = tile_urls(700, 450, tile)
    assert result.files == len(urls)
    for url in urls:
        assert (tmp_path / "first" / url).read_bytes() == (tmp_path / "thread" / url).read_bytes()
    assert (tmp_path / "first" / "info.json").read_bytes() == (
        tmp_path / "thread" / "info.json"
    ).read_bytes()
    assert decoder_threads() == []


def test_a_truncated_jpeg_is_refused_and_leaves_nothing(
    tmp_path: Path, on_a_thread: list[background.BackgroundDecode]
) -> None:
    whole = noise_jpeg(tmp_path / "whole.jpg", (900, 1400)).read_bytes()
    src = tmp_path / "cut.jpg"
    src.write_bytes(whole[: len(whole) * 2 // 3])
    dest = tmp_path / "tiles" / "t"
    with pytest.raises(ImageRefused, match="truncated"):
        build_tiles(src, dest, tile=64)
    assert len(on_a_thread) == 1
    assert leftovers(dest.parent) == [] and not dest.exists()
    assert decoder_threads() == []


def test_cancel_while_decoding_leaves_nothing(
    tmp_path: Path, on_a_thread: list[background.BackgroundDecode]
) -> None:
    src = noise_jpeg(tmp_path / "n.jpg", (900, 1400))
    dest = tmp_path / "tiles" / "t"
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    with pytest.raises(TilesCancelled):
        build_tiles(src, dest, tile=64, cancel=cancel)
    assert len(on_a_thread) == 1
    assert leftovers(dest.parent) == [] and not dest.exists()
    assert decoder_threads() == []


def test_the_decoder_stays_close_to_the_builder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, on_a_thread: list[background.BackgroundDecode]
) -> None:
    """Memory stays flat because the decoder waits: after each read of the file it is
    at most ``ahead`` rows past the first row the builder still needs."""
    src = noise_jpeg(tmp_path / "n.jpg", (400, 3000))
    gaps: list[int] = []
    real = background.BackgroundDecode._on_read

    def on_read(self: background.BackgroundDecode, count: int) -> None:
        real(self, count)
        gaps.append(self.rows - self._consumed)

    monkeypatch.setattr(background.BackgroundDecode, "_on_read", on_read)
    build_tiles(src, tmp_path / "t", tile=64)
    ahead = int(tiles._DECODE_AHEAD * 64)
    assert len(gaps) > 5
    assert max(gaps) <= ahead
    assert on_a_thread[0].rows == 3000
