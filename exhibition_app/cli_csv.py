"""Command line CSV interchange: ``export csv FILE`` and ``import csv FILE``.

Registered by exhibition_app.cli (``add_csv_parsers`` and `COMMANDS`), reusing an
``export`` or ``import`` group another module already made. The handlers import what they
need when they run. The columns are described in exhibition_app.interop.csv_dc, the
all-or-nothing import in exhibition_app.operations.csv_io.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog

#: How many row errors are printed on stderr (all of them are in the --json output).
SHOWN_ERRORS = 20


def _group(sub: Any, name: str, help_text: str) -> Any:
    """The sub-command group ``name`` (``export``, ``import``), created if missing."""
    parser = sub.choices.get(name)
    if parser is None:
        return sub.add_parser(name, help=help_text).add_subparsers(
            dest="action", metavar="ACTION", required=True
        )
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError(f"the '{name}' command has no sub-commands")  # pragma: no cover


def add_csv_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``export csv`` and ``import csv`` to ``sub`` (the top-level sub-parsers action)."""
    export = _group(sub, "export", "export the catalogue for other software or a kiosk")
    ec = export.add_parser(
        "csv",
        parents=[common],
        help="every item as CSV with Dublin Core columns (UTF-8, opens in Excel)",
    )
    ec.add_argument("file", type=Path, metavar="FILE")

    imp = _group(sub, "import", "import files")
    ic = imp.add_parser(
        "csv",
        parents=[common],
        help="create or update items from CSV: all rows, or none when any row has an error",
    )
    ic.add_argument("file", type=Path, metavar="FILE")
    ic.add_argument(
        "--media-from",
        type=Path,
        metavar="DIR",
        help="folder with the pictures the media column names (by hash or file name)",
    )
    ic.add_argument(
        "--dry-run", action="store_true", help="check the file and report; change nothing"
    )


def cmd_export_csv(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.cli import _print
    from exhibition_app.operations.csv_io import export_csv

    with catalog.read_session() as session:
        count = export_csv(session, args.file)
    data = {"exported": count, "file": str(args.file)}
    _print(args, data, lambda: f"exported {count} items to {args.file}")
    return 0


def _import_text(result: dict[str, Any]) -> str:
    counts = (
        f"{result['created']} new, {result['updated']} updated, {result['unchanged']} unchanged"
    )
    if result["dry_run"]:
        return (
            f"dry run, nothing was changed: {result['imported']} rows would be imported "
            f"({counts}; {result['media_copied']} pictures to copy)"
        )
    return (
        f"imported {result['imported']} rows from {result['file']} "
        f"({counts}; {result['media_copied']} pictures copied)"
    )


def cmd_import_csv(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.cli import EXIT_ERROR, _print
    from exhibition_app.operations.csv_io import import_csv

    result = import_csv(catalog, args.file, media_from=args.media_from, dry_run=args.dry_run)
    errors = result["errors"]
    if not errors:
        _print(args, result, lambda: _import_text(result))
        return 0
    if getattr(args, "json", False):
        _print(args, result, lambda: "")
        return EXIT_ERROR
    for error in errors[:SHOWN_ERRORS]:
        where = f"row {error['row']}" + (f", {error['column']}" if error["column"] else "")
        print(f"{args.file}: {where}: {error['message']}", file=sys.stderr)
    more = f" ({len(errors) - SHOWN_ERRORS} more not shown)" if len(errors) > SHOWN_ERRORS else ""
    noun = "error" if len(errors) == 1 else "errors"
    print(f"{len(errors)} {noun}{more}; nothing was imported", file=sys.stderr)
    return EXIT_ERROR


#: Handlers that need an open catalogue, by (command, action).
COMMANDS: dict[tuple[str, str | None], Callable[[Catalog, argparse.Namespace], int]] = {
    ("export", "csv"): cmd_export_csv,
    ("import", "csv"): cmd_import_csv,
}
