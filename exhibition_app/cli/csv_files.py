"""``export csv FILE`` and ``import csv FILE``: the catalogue as a spreadsheet and back.

The columns are described in exhibition_app.interop.csv_dc, the all-or-nothing import in
exhibition_app.operations.csv_io.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from exhibition_app.catalog import Catalog
from exhibition_app.cli.commands import Commands
from exhibition_app.cli.console import EXIT_ERROR, emit
from exhibition_app.core.languages import LANGUAGES
from exhibition_app.errors import InvalidInput, shown
from exhibition_app.interop.csv_profiles import PROFILES, MapError, parse_map
from exhibition_app.operations.csv_io import export_csv, import_csv

#: How many row errors are printed on stderr (all of them are in the --json output).
SHOWN_ERRORS = 20


def register(commands: Commands) -> None:
    """Add ``export csv`` and ``import csv``."""
    export = commands.group("export", "export the catalogue for other software or a kiosk")
    ec = commands.add(
        "csv",
        cmd_export_csv,
        group=export,
        help="every item as CSV with Dublin Core columns (UTF-8, opens in Excel)",
    )
    ec.add_argument("file", type=Path, metavar="FILE")
    ec.add_argument(
        "--profile",
        choices=PROFILES,
        default="default",
        help="column names: default (title@kk) or dcterms (dcterms:title@kk, as Omeka S "
        "reads them); both import back as they are",
    )

    imp = commands.group("import", "import files")
    ic = commands.add(
        "csv",
        cmd_import_csv,
        group=imp,
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
    ic.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COL=TERM,...",
        help="read column COL as TERM (dcterms:title@kk, Creator, technique@en, or ignore); "
        "Dublin Core headers (dcterms:title, Title, Date...) are mapped without it",
    )
    ic.add_argument(
        "--text-lang",
        choices=LANGUAGES,
        default="en",
        help="the language of text columns without a language tag (default en)",
    )


def cmd_export_csv(catalog: Catalog, args: argparse.Namespace) -> int:
    with catalog.read_session() as session:
        count = export_csv(session, args.file, profile=args.profile)
    data = {"exported": count, "file": str(args.file)}
    emit(args, data, lambda: f"exported {count} items to {args.file}")
    return 0


def _import_text(result: dict[str, Any]) -> str:
    counts = (
        f"{result['created']} new, {result['updated']} updated, {result['unchanged']} unchanged"
    )
    notes = ""
    if result["ignored_columns"]:
        notes += "\nignored columns: " + ", ".join(map(shown, result["ignored_columns"]))
    if result["media_not_fetched"]:
        notes += (
            f"\n{len(result['media_not_fetched'])} remote files not downloaded "
            "(their addresses are kept as the items' source)"
        )
    if result["dry_run"]:
        return (
            f"dry run, nothing was changed: {result['imported']} rows would be imported "
            f"({counts}; {result['media_copied']} pictures to copy)" + notes
        )
    return (
        f"imported {result['imported']} rows from {result['file']} "
        f"({counts}; {result['media_copied']} pictures copied)" + notes
    )


def cmd_import_csv(catalog: Catalog, args: argparse.Namespace) -> int:
    try:
        mapping = parse_map(args.map, args.text_lang)
    except MapError as exc:
        raise InvalidInput(str(exc)) from None
    result = import_csv(
        catalog,
        args.file,
        media_from=args.media_from,
        dry_run=args.dry_run,
        mapping=mapping,
        text_lang=args.text_lang,
    )
    errors = result["errors"]
    if not errors:
        emit(args, result, lambda: _import_text(result))
        return 0
    if getattr(args, "json", False):
        emit(args, result, lambda: "")
        return EXIT_ERROR
    for error in errors[:SHOWN_ERRORS]:
        where = f"row {error['row']}" + (f", {error['column']}" if error["column"] else "")
        print(shown(f"{args.file}: {where}: {error['message']}"), file=sys.stderr)
    more = f" ({len(errors) - SHOWN_ERRORS} more not shown)" if len(errors) > SHOWN_ERRORS else ""
    noun = "error" if len(errors) == 1 else "errors"
    print(f"{len(errors)} {noun}{more}; nothing was imported", file=sys.stderr)
    return EXIT_ERROR
