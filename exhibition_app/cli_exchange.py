"""Command line interchange: export iiif, validate iiif, export bundle, import bundle.

`add_exchange_parsers` adds the sub-commands to the parser ``exhibition_app.cli`` builds
(reusing an ``export`` or ``import`` group another module already made); `COMMANDS` maps
them to their handlers, which ``cli`` merges into its own table. Nothing heavy is imported
before a command runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog


def _group(sub: Any, name: str, help_text: str) -> Any:
    """The sub-command group ``name`` (``export``, ``import``...), created if missing."""
    parser = sub.choices.get(name)
    if parser is None:
        return sub.add_parser(name, help=help_text).add_subparsers(
            dest="action", metavar="ACTION", required=True
        )
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError(f"the '{name}' command has no sub-commands")  # pragma: no cover


def _byte_size(text: str) -> int:
    units = {"": 1, "b": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
    value = text.strip().lower().removesuffix("b")
    unit = value[-1:] if value[-1:] in units else ""
    try:
        number = float(value[: len(value) - len(unit)] if unit else value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 500M or 20G") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"'{text}': give a size above zero")
    return int(number * units[unit])


def add_exchange_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the interchange sub-commands to ``sub`` (the top-level sub-parsers action)."""
    export = _group(sub, "export", "export the catalogue for other software or a kiosk")
    ei = export.add_parser(
        "iiif",
        parents=[common],
        help="IIIF Presentation 3 manifests and collections of the published catalogue",
    )
    ei.add_argument("dir", type=Path, metavar="DIR")
    ei.add_argument(
        "--base-uri",
        metavar="URL",
        help="http(s) address DIR will be served at (default http://localhost:8000)",
    )
    ei.add_argument(
        "--no-tiles",
        action="store_true",
        help="do not build missing tile sets (those images get no IIIF image service)",
    )
    eb = export.add_parser(
        "bundle", parents=[common], help="one file carrying a published exhibition to a kiosk"
    )
    eb.add_argument("exhibition", metavar="EXHIBITION_ID", help="the exhibition's id or key")
    eb.add_argument("file", type=Path, metavar="FILE")
    eb.add_argument(
        "--no-tiles", action="store_true", help="leave tile sets out (the kiosk builds them)"
    )

    imp = _group(sub, "import", "import files")
    ib = imp.add_parser(
        "bundle", parents=[common], help="check an exhibition bundle, then merge it in"
    )
    ib.add_argument("file", type=Path, metavar="FILE")
    ib.add_argument(
        "--max-size",
        type=_byte_size,
        metavar="SIZE",
        help="refuse bundles that unpack to more than this (default 20G)",
    )

    validate = _group(sub, "validate", "check files against a standard")
    vi = validate.add_parser(
        "iiif", parents=[common], help="check IIIF manifests and collections against the schema"
    )
    vi.add_argument("path", type=Path, metavar="DIR_OR_FILE")


def cmd_export_iiif(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.cli import _print
    from exhibition_app.operations.iiif_export import export_iiif

    result = export_iiif(catalog, args.dir, base_uri=args.base_uri, build_tiles=not args.no_tiles)

    def human() -> str:
        lines = [
            f"wrote {result['manifests']} manifests and {result['collections']} collections "
            f"to {result['dir']} (valid IIIF Presentation 3)",
            f"ids start with {result['base_uri']}",
        ]
        if result["base_uri"].startswith("http://localhost:8000"):
            lines.append(f"serve it with: python -m http.server 8000 --directory {args.dir}")
        lines += [
            f"skipped item {s['id']} ({s['accession_number']}): {s['reason']}"
            for s in result["skipped"]
        ]
        return "\n".join(lines)

    _print(args, result, human)
    return 0


def cmd_validate_iiif(args: argparse.Namespace) -> int:
    from exhibition_app.cli import EXIT_ERROR, _print
    from exhibition_app.operations.iiif_export import validate_path

    result = validate_path(args.path)

    def human() -> str:
        if result["valid"]:
            return f"valid: {result['files']} IIIF documents"
        return "\n".join(f"{e['file']}: {e['path']}: {e['message']}" for e in result["errors"])

    _print(args, result, human)
    return 0 if result["valid"] else EXIT_ERROR


def cmd_export_bundle(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.cli import _print
    from exhibition_app.operations.bundle import export_bundle

    result = export_bundle(catalog, args.exhibition, args.file, tiles=not args.no_tiles)
    _print(
        args,
        result,
        lambda: (
            f"bundled exhibition '{result['exhibition']}' ({result['items']} items, "
            f"{result['media']} images, {result['tiles']} tile sets) into {result['file']}"
        ),
    )
    return 0


def cmd_import_bundle(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.cli import _print
    from exhibition_app.operations.bundle import DEFAULT_MAX_BYTES, import_bundle

    result = import_bundle(catalog, args.file, max_bytes=args.max_size or DEFAULT_MAX_BYTES)
    _print(
        args,
        result,
        lambda: (
            f"imported exhibition '{result['exhibition']}': {result['items_added']} items "
            f"added, {result['items_replaced']} replaced, {result['media_added']} new images, "
            f"{result['tiles']} new tile sets"
        ),
    )
    return 0


#: Handlers that need an open catalogue, by (command, action).
COMMANDS: dict[tuple[str, str | None], Callable[[Catalog, argparse.Namespace], int]] = {
    ("export", "iiif"): cmd_export_iiif,
    ("export", "bundle"): cmd_export_bundle,
    ("import", "bundle"): cmd_import_bundle,
}

#: Handlers that need no catalogue.
NO_CATALOG_COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("validate", "iiif"): cmd_validate_iiif,
}
