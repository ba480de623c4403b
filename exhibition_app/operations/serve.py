"""``serve``: an export folder over HTTP, for previewing it in any IIIF viewer (Qt-free).

A plain static server (``http.server.ThreadingHTTPServer``) that sends what a web server
publishing the export must send (``docs/publishing.md`` shows the same for nginx and
Apache):

- ``Access-Control-Allow-Origin: *`` on every answer, and an answer to CORS preflight
  (``OPTIONS``), so viewers on other origins (Mirador, Universal Viewer, Allmaps) can read;
- IIIF content types: manifests and collections as ``application/ld+json`` with the
  Presentation 3 profile, a tile set's ``info.json`` with the Image 3 profile, JPEG tiles
  as ``image/jpeg``, the pages as ``text/html; charset=utf-8``.

No folder listings and no dot files (half-written ``.tmp-`` files); a folder with an
``index.html`` answers with it. It is meant for previewing on this machine (it binds to
127.0.0.1 unless told otherwise), not as the museum's public web server.
"""

from __future__ import annotations

import json
import os
import posixpath
import urllib.parse
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from exhibition_app.errors import CatalogError, shown
from exhibition_app.interop.iiif import IMAGE_CONTEXT, PRESENTATION_CONTEXT

__all__ = ["IMAGE_INFO_TYPE", "PRESENTATION_TYPE", "ExportHandler", "export_base", "make_server"]

PRESENTATION_TYPE = f'application/ld+json;profile="{PRESENTATION_CONTEXT}"'
IMAGE_INFO_TYPE = f'application/ld+json;profile="{IMAGE_CONTEXT}"'

_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".html": "text/html; charset=utf-8",
    ".geojson": "application/geo+json",
    ".kml": "application/vnd.google-earth.kml+xml",
}


def content_type(path: str) -> str:
    """The content type to send for a file of the export, by its name."""
    name = posixpath.basename(path)
    suffix = posixpath.splitext(name)[1].lower()
    if suffix == ".json":
        return IMAGE_INFO_TYPE if name == "info.json" else PRESENTATION_TYPE
    return _TYPES.get(suffix, "application/octet-stream")


class ExportHandler(SimpleHTTPRequestHandler):
    """Serves one export folder with CORS and IIIF content types."""

    server_version = "exhibition-app"
    #: Log requests to stderr (the command line turns it off with --quiet).
    verbose = True

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", "Content-Length, Content-Type")
        super().end_headers()

    def do_OPTIONS(self) -> None:
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "*")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return content_type(os.fspath(path))

    def send_head(self) -> Any:
        parts = urllib.parse.urlsplit(self.path).path.split("/")
        if any(part.startswith(".") for part in parts if part):
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        return super().send_head()

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(HTTPStatus.NOT_FOUND, "No listing")
        return None

    def log_message(self, format: str, *args: Any) -> None:
        if self.verbose:
            super().log_message(format, *args)


def make_server(
    directory: Path, *, port: int = 8000, bind: str = "127.0.0.1", verbose: bool = True
) -> ThreadingHTTPServer:
    """A server (not yet serving: call ``serve_forever``) of ``directory`` on ``bind:port``
    (port 0: any free one; ``server.server_address`` says which)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CatalogError(f"{shown(directory)} is not a folder to serve")
    handler = type("Handler", (ExportHandler,), {"verbose": verbose})
    try:
        server = ThreadingHTTPServer((bind, port), partial(handler, directory=str(directory)))
    except OSError as exc:
        raise CatalogError(f"cannot serve on {bind}:{port}: {exc.strerror or exc}") from None
    server.daemon_threads = True
    return server


def export_base(directory: Path) -> str | None:
    """The address an export's ids start with (from its collection.json), or None."""
    try:
        doc = json.loads((Path(directory) / "collection.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    top = doc.get("id") if isinstance(doc, dict) else None
    if isinstance(top, str) and top.endswith("/collection.json"):
        return top.removesuffix("/collection.json")
    return None
