"""Interchange: ``export iiif``, ``validate iiif``, ``export bundle`` and ``import bundle``:
IIIF Presentation 3 for other software, and exhibition bundles that carry a published
exhibition to a kiosk."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlsplit

from exhibition_app.catalog import Catalog
from exhibition_app.cli.commands import Commands
from exhibition_app.cli.console import EXIT_ERROR, byte_size, emit
from exhibition_app.operations.bundle import DEFAULT_MAX_BYTES, export_bundle, import_bundle
from exhibition_app.operations.iiif_export import export_iiif, validate_path
from exhibition_app.operations.serve import export_base, make_server


def register(commands: Commands) -> None:
    """Add the interchange sub-commands (into ``export``/``import``, and ``validate``)."""
    export = commands.group("export", "export the catalogue for other software or a kiosk")
    ei = commands.add(
        "iiif",
        cmd_export_iiif,
        group=export,
        help="IIIF Presentation 3 manifests and collections of the published catalogue",
    )
    ei.add_argument("dir", type=Path, metavar="DIR")
    ei.add_argument(
        "--base-uri",
        metavar="URL",
        help="http(s) root of the published site DIR will be served at; every id, tile "
        "sets' included (URL/tiles/<sha256>), starts with it (default http://localhost:8000)",
    )
    ei.add_argument(
        "--provider",
        metavar="NAME",
        help="who publishes the site (the manifests' provider; default the host of the address)",
    )
    ei.add_argument(
        "--no-tiles",
        action="store_true",
        help="do not build missing tile sets (those images get no IIIF image service)",
    )
    eb = commands.add(
        "bundle",
        cmd_export_bundle,
        group=export,
        help="one file carrying a published exhibition to a kiosk",
    )
    eb.add_argument("exhibition", metavar="EXHIBITION_ID", help="the exhibition's id or key")
    eb.add_argument("file", type=Path, metavar="FILE")
    eb.add_argument(
        "--no-tiles", action="store_true", help="leave tile sets out (the kiosk builds them)"
    )
    eb.add_argument(
        "--base-uri",
        metavar="URL",
        help="http(s) root of the published site: the tile sets' IIIF ids become "
        "URL/tiles/<sha256> (default http://localhost:8000; never this machine's file: path)",
    )

    imp = commands.group("import", "import files")
    ib = commands.add(
        "bundle",
        cmd_import_bundle,
        group=imp,
        help="check an exhibition bundle, then merge it in",
    )
    ib.add_argument("file", type=Path, metavar="FILE")
    ib.add_argument(
        "--max-size",
        type=byte_size,
        metavar="SIZE",
        help="refuse bundles that unpack to more than this (default 20G)",
    )

    sv = commands.add_plain(
        "serve",
        cmd_serve,
        help="serve an 'export iiif' folder over HTTP for previewing in any IIIF viewer "
        "(CORS and IIIF content types)",
    )
    sv.add_argument("dir", type=Path, metavar="DIR")
    sv.add_argument("--port", type=int, default=8000, help="TCP port (default 8000; 0: any)")
    sv.add_argument(
        "--bind",
        default="127.0.0.1",
        metavar="ADDRESS",
        help="address to listen on (default 127.0.0.1: this machine only)",
    )
    sv.add_argument("--quiet", action="store_true", help="do not log each request")

    validate = commands.group("validate", "check files against a standard")
    vi = commands.add_plain(
        "iiif",
        cmd_validate_iiif,
        group=validate,
        help="check IIIF manifests and collections against the schema",
    )
    vi.add_argument("path", type=Path, metavar="DIR_OR_FILE")


def cmd_export_iiif(catalog: Catalog, args: argparse.Namespace) -> int:
    result = export_iiif(
        catalog,
        args.dir,
        base_uri=args.base_uri,
        build_tiles=not args.no_tiles,
        provider=args.provider,
    )

    def human() -> str:
        lines = [
            f"wrote {result['manifests']} manifests and {result['collections']} collections "
            f"to {result['dir']} (valid IIIF Presentation 3)",
            f"ids start with {result['base_uri']}",
        ]
        if result["cards"]:
            lines.append(f"{result['cards']} items without a picture are shown by their card")
        if result["base_uri"].startswith("http://localhost:8000"):
            lines.append(f"preview it with: exhibition-app serve {args.dir} --port 8000")
        lines += [
            f"skipped item {s['id']} ({s['accession_number']}): {s['reason']}"
            for s in result["skipped"]
        ]
        return "\n".join(lines)

    emit(args, result, human)
    return 0


def cmd_validate_iiif(args: argparse.Namespace) -> int:
    result = validate_path(args.path)

    def human() -> str:
        if result["valid"]:
            return f"valid: {result['files']} IIIF documents"
        return "\n".join(f"{e['file']}: {e['path']}: {e['message']}" for e in result["errors"])

    emit(args, result, human)
    return 0 if result["valid"] else EXIT_ERROR


def cmd_export_bundle(catalog: Catalog, args: argparse.Namespace) -> int:
    result = export_bundle(
        catalog, args.exhibition, args.file, tiles=not args.no_tiles, base_uri=args.base_uri
    )
    emit(
        args,
        result,
        lambda: (
            f"bundled exhibition '{result['exhibition']}' ({result['items']} items, "
            f"{result['media']} images, {result['tiles']} tile sets) into {result['file']}"
        ),
    )
    return 0


def cmd_import_bundle(catalog: Catalog, args: argparse.Namespace) -> int:
    result = import_bundle(catalog, args.file, max_bytes=args.max_size or DEFAULT_MAX_BYTES)
    emit(
        args,
        result,
        lambda: (
            f"imported exhibition '{result['exhibition']}': {result['items_added']} items "
            f"added, {result['items_replaced']} replaced, {result['media_added']} new images, "
            f"{result['tiles']} new tile sets"
        ),
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    server = make_server(args.dir, port=args.port, bind=args.bind, verbose=not args.quiet)
    host, port = str(server.server_address[0]), int(server.server_address[1])
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{port}"
    base = export_base(args.dir)
    info = {"url": url, "dir": str(Path(args.dir).resolve()), "base_uri": base}

    def human() -> str:
        lines = [f"serving {info['dir']} at {url}/ (Ctrl+C to stop)"]
        if base is not None:
            lines.append(f"collection: {base}/collection.json")
            lines.append(
                f"in Mirador: https://projectmirador.org/embed/?iiif-content={base}/collection.json"
            )
            if urlsplit(base).port != port:
                lines.append(
                    f"note: the export's ids start with {base}; export again with "
                    f"--base-uri {url} to browse it here"
                )
        return "\n".join(lines)

    emit(args, info, human)
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
