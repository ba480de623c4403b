"""Our static tile sets pass the IIIF Image API validator (PyPI ``iiif-validator``) at
level 0, version 3.0, served over HTTP on loopback as a plain static web server would.

The validator is other people's code (the one a museum's IT person runs), so this test
uses its own Python API: ``TestSuite(...).run_test(name, ImageAPI(...))``, the same calls
its ``iiif-validate.py`` script makes, one test at a time.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from exhibition_app.imaging import tiles
from exhibition_app.imaging.tiles import build_tiles

validator: Any = pytest.importorskip(
    "iiif_validator.validator",
    reason="iiif-validator is not installed (pip install iiif-validator; it is in the dev extra)",
)

VERSION = "3.0"
#: Every test the validator runs at level 0 for Image API 3.0 (iiif-validator 1.0.5):
#: info.json fields and id, ``full/max/0/default.jpg`` returned (id_basic) as a JPEG
#: (format_jpg) with the right pixels (id_squares), and ``full/full`` refused (size_nofull).
LEVEL0 = ("info_json", "id_basic", "format_jpg", "id_squares", "size_nofull")
#: id_squares compares the picture with the validator's own test image (10x10 coloured
#: squares of 100 px in a 1000x1000 image): it can only pass on that picture.
NEEDS_TEST_PICTURE = ("id_squares",)


def squares(side: int) -> Image.Image:
    """The validator's test picture (its ``colorInfo``), ``side`` x ``side`` pixels:
    the square in column x, row y has ``colorInfo[x][y]``."""
    colours = validator.ValidationInfo().colorInfo
    step = side // 10
    im = Image.new("RGB", (side, side))
    for x in range(10):
        for y in range(10):
            im.paste(tuple(colours[x][y]), (x * step, y * step, (x + 1) * step, (y + 1) * step))
    return im


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(params=["plain", "serve"])
def served(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Path, str]]:
    """``(folder, "127.0.0.1:port")``: the folder served on a free loopback port, stopped
    at the end, by a plain static HTTP server and by ``exhibition-app serve``'s (CORS and
    IIIF content types)."""
    root = tmp_path / "site"
    root.mkdir()
    server: http.server.ThreadingHTTPServer
    if request.param == "serve":
        from exhibition_app.operations.serve import make_server

        server = make_server(root, port=0, verbose=False)
    else:
        handler = functools.partial(_QuietHandler, directory=str(root))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield root, f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def run_validator(server: str, identifier: str, names: tuple[str, ...]) -> dict[str, str]:
    """``{test name: "PASS" or what failed}`` for the validator's tests ``names``."""
    results: dict[str, str] = {}
    for name in names:
        suite = validator.TestSuite(validator.ValidationInfo())
        result = validator.ImageAPI(identifier, server, "", "http", "", VERSION, debug=False)
        try:
            suite.run_test(name, result)
        except Exception as exc:  # the validator's own scripts count these as failures too
            results[name] = f"error: {exc!r} (urls {result.urls})"
            continue
        error = result.exception
        results[name] = "PASS" if error is None else f"FAIL: {error} (urls {result.urls})"
    return results


def test_level0_list_is_the_validators() -> None:
    suite = validator.TestSuite(validator.ValidationInfo())
    listed = suite.list_tests(VERSION)
    assert sorted(n for n, data in listed.items() if data["level"] == 0) == sorted(LEVEL0)


@pytest.mark.parametrize(
    ("name", "picture", "bound"),
    [
        # The validator's picture, several tiles: full/max is the full size.
        ("squares", lambda: squares(1000), None),
        # Twice as big with full/max bounded to 1024 px: max is the 1000x1000 level
        # (maxWidth/maxHeight in info.json), still the validator's picture.
        ("bounded", lambda: squares(2000), 1024),
        # An ordinary map-like picture over several tiles, and a one-tile one.
        ("wide", lambda: Image.effect_noise((1500, 900), 60).convert("RGB"), None),
        ("small", lambda: Image.new("RGB", (300, 200), (120, 80, 40)), None),
    ],
)
def test_tile_set_passes_iiif_validator_level0(
    served: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    picture: Any,
    bound: int | None,
) -> None:
    root, server = served
    if bound is not None:
        monkeypatch.setattr(tiles, "MAX_FULL_SIDE", bound)
    src = tmp_path / f"{name}.png"
    picture().save(src)
    build_tiles(src, root / name, base_uri=f"http://{server}/{name}")
    if bound is not None:
        info = (root / name / "info.json").read_text(encoding="utf-8")
        assert '"maxWidth": 1000' in info and '"maxHeight": 1000' in info

    names = (
        LEVEL0
        if name in ("squares", "bounded")
        else tuple(n for n in LEVEL0 if n not in NEEDS_TEST_PICTURE)
    )
    results = run_validator(server, name, names)
    assert results == dict.fromkeys(names, "PASS")


def _shipped_maps() -> list[tuple[str, Path]]:
    """(name, stored file) of every map scan the sample exhibition ships."""
    import json

    root = Path(__file__).resolve().parents[2]
    manifest = json.loads((root / "sample" / "sources.json").read_text(encoding="utf-8"))
    return [
        (Path(rel).stem, root / "assets" / "media" / sha[:2] / f"{sha}{Path(rel).suffix}")
        for rel, sha in sorted(manifest["files"].items())
        if rel.startswith("maps/")
    ]


@pytest.mark.parametrize(("name", "scan"), _shipped_maps(), ids=[n for n, _ in _shipped_maps()])
def test_every_shipped_map_passes_iiif_validator_level0(
    served: tuple[Path, str], name: str, scan: Path
) -> None:
    """The real scans, as `tiles build` makes them for the sample (id_squares needs the
    validator's own picture, checked above)."""
    root, server = served
    build_tiles(scan, root / name, base_uri=f"http://{server}/{name}")
    names = tuple(n for n in LEVEL0 if n not in NEEDS_TEST_PICTURE)
    assert run_validator(server, name, names) == dict.fromkeys(names, "PASS")
