"""The whole command-line parser, and running the command it finds.

Global options come before the command; ``--json`` is accepted before or after it. Errors go
to stderr as one line with a non-zero exit status, never a traceback (see
:func:`exhibition_app.cli.console.guarded`). Each command-group module adds its sub-commands
in :func:`build_parser`, in the order the help lists them. Opening the window is not this
module's business: ``exhibition_app.__main__`` does that when no command is given.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from sqlalchemy.exc import DatabaseError

from exhibition_app.catalog import Catalog
from exhibition_app.cli import (
    admin,
    catalogue,
    csv_files,
    exchange,
    georef,
    items,
    kiosk,
    maps,
    stats,
    sync,
)
from exhibition_app.cli.commands import Commands, handler_of
from exhibition_app.cli.console import EXIT_USAGE, OneLineParser, guarded
from exhibition_app.cli.options import check_language, common_options, top_parser
from exhibition_app.errors import StorageError, disk_problem, first_line

#: The command groups, in the order their commands appear in ``--help``.
GROUPS = (items, maps, georef, catalogue, stats, kiosk, admin, csv_files, exchange, sync)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command line the program accepts."""
    p = top_parser()
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    commands = Commands(sub, common_options(), common_options(lang=False))
    for group in GROUPS:
        group.register(commands)
    return p


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The parsed command line (``command`` is None when only global options are given)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    check_language(parser, args)
    return args


def run_command(args: argparse.Namespace) -> int:
    """Run the parsed command, opening the catalogue first for those that work on it."""
    handler, opens_catalog = handler_of(args)
    if not opens_catalog:
        return handler(args)
    options = {"fallback": args.fallback} if args.fallback else {}
    try:
        catalog = Catalog.open(args.catalog, args.assets, **options)
    except StorageError as exc:
        if args.command == "check":  # a catalogue that cannot be opened is check's finding
            return catalogue.report_unopenable(args, exc)
        raise
    try:
        return handler(catalog, args)
    except DatabaseError as exc:
        if disk_problem(exc) is not None:
            raise StorageError(disk_problem(exc) or "") from exc
        # Not caught by an operation: the file is most likely damaged where the command read.
        raise StorageError(
            f"the catalogue could not be read ({first_line(exc)}); "
            "'exhibition-app check' tells whether it is damaged"
        ) from exc
    finally:
        catalog.close()


def run(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run its command (a usage error if it names none)."""
    args = parse(argv)
    if args.command is None:
        build_parser().print_usage()
        return EXIT_USAGE
    return run_command(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command line, every failure turned into one line on stderr."""
    return guarded(lambda: run(argv))
