"""`serve`: an export previewed over real HTTP on loopback, with CORS and IIIF content types."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest
from PIL import Image

from exhibition_app.catalog import Catalog
from exhibition_app.operations.iiif_export import export_iiif
from exhibition_app.operations.ingest import import_image
from exhibition_app.operations.serve import (
    IMAGE_INFO_TYPE,
    PRESENTATION_TYPE,
    export_base,
    make_server,
)

ORIGIN = "https://projectmirador.org"


@pytest.fixture
def served(catalog: Catalog, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A one-map export served on a free loopback port, its base URI that same address."""
    src = tmp_path / "map.jpg"
    Image.new("RGB", (700, 500), (90, 120, 160)).save(src, quality=85)
    import_image(catalog, src, kind="map", title="A map", published=True)
    out = tmp_path / "site"
    server = make_server(out if out.exists() else tmp_path, port=0, verbose=False)
    port = server.server_address[1]
    server.server_close()
    base = f"http://127.0.0.1:{port}"
    export_iiif(catalog, out, base_uri=base)
    server = make_server(out, port=port, verbose=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base, out
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def get(url: str, method: str = "GET") -> tuple[int, Message, bytes]:
    """Status, headers (looked up without regard to case, as HTTP says) and body."""
    request = urllib.request.Request(url, method=method, headers={"Origin": ORIGIN})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def test_cors_and_content_types_over_http(served: tuple[str, Path]) -> None:
    base, out = served
    status, headers, body = get(f"{base}/collection.json")
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert headers["Content-Type"] == PRESENTATION_TYPE
    top = json.loads(body)
    assert top["id"] == f"{base}/collection.json"

    manifest_id = top["items"][0]["id"]
    status, headers, body = get(manifest_id)
    assert status == 200 and headers["Content-Type"] == PRESENTATION_TYPE
    assert headers["Access-Control-Allow-Origin"] == "*"
    manifest = json.loads(body)
    service = manifest["items"][0]["items"][0]["items"][0]["body"]["service"][0]
    # The tile set's id is derived from the same base, and is where it is served.
    assert service["id"].startswith(f"{base}/tiles/")
    status, headers, body = get(f"{service['id']}/info.json")
    assert status == 200 and headers["Content-Type"] == IMAGE_INFO_TYPE
    assert json.loads(body)["id"] == service["id"]
    status, headers, body = get(f"{service['id']}/full/max/0/default.jpg")
    assert status == 200 and headers["Content-Type"] == "image/jpeg"
    assert headers["Access-Control-Allow-Origin"] == "*" and body[:2] == b"\xff\xd8"

    # A cross-origin viewer's preflight is answered.
    status, headers, _ = get(f"{base}/collection.json", method="OPTIONS")
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in headers["Access-Control-Allow-Methods"]
    # The site's home page and an item page, as HTML.
    status, headers, body = get(f"{base}/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    page = manifest["homepage"][0]["id"]
    status, headers, body = get(page)
    assert status == 200 and b"A map" in body

    # No listings, no dot files, nothing outside the folder.
    (out / "items" / ".tmp-x.json").write_text("{}", encoding="utf-8")
    assert get(f"{base}/items/")[0] == 404
    assert get(f"{base}/items/.tmp-x.json")[0] == 404
    assert get(f"{base}/../catalog.db")[0] == 404
    assert export_base(out) == base


def test_serve_from_the_command_line(served: tuple[str, Path], tmp_path: Path) -> None:
    _, out = served
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "exhibition_app", "serve", str(out), "--port", "0", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        lines = []
        while not lines or lines[-1] != "}\n":
            line = proc.stdout.readline()
            assert line, proc.stderr.read() if proc.stderr else ""
            lines.append(line)
        info = json.loads("".join(lines))
        assert info["url"].startswith("http://127.0.0.1:")
        status, headers, body = get(f"{info['url']}/collection.json")
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
        assert headers["Content-Type"] == PRESENTATION_TYPE
        assert json.loads(body)["type"] == "Collection"
    finally:
        proc.terminate()
        proc.wait(timeout=30)

    missing = subprocess.run(
        [sys.executable, "-m", "exhibition_app", "serve", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert missing.returncode != 0
    assert missing.stderr.count("\n") == 1 and "not a folder to serve" in missing.stderr
