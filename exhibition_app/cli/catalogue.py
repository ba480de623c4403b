"""``exhibitions list``, ``check``, ``search`` and ``reindex``: the catalogue as a whole."""

from __future__ import annotations

import argparse

from exhibition_app.catalog import Catalog
from exhibition_app.cli.commands import Commands
from exhibition_app.cli.console import EXIT_ERROR, emit, whole_number
from exhibition_app.errors import StorageError, message_of
from exhibition_app.operations.check import check_catalog
from exhibition_app.operations.queries import exhibition_to_dict, list_exhibitions
from exhibition_app.operations.search import rebuild_search_index, search_items


def register(commands: Commands) -> None:
    ex = commands.group("exhibitions", "list exhibitions")
    commands.add("list", cmd_exhibitions_list, group=ex, help="list exhibitions with sections")

    ck = commands.add("check", cmd_check, help="check the catalogue is whole")
    ck.add_argument(
        "--repair", action="store_true", help="move orphan files into the assets' quarantine"
    )
    ck.add_argument(
        "--force",
        action="store_true",
        help="repair even when the catalogue knows no media (normally a sign of the wrong one)",
    )
    ck.add_argument("--no-checksums", action="store_true", help="skip re-hashing media files")

    se = commands.add("search", cmd_search, help="search in every language")
    se.add_argument("query")
    se.add_argument("--limit", type=whole_number(1, 10_000, "a number of results"), default=50)
    commands.add("reindex", cmd_reindex, help="rebuild the search index")


def cmd_exhibitions_list(catalog: Catalog, args: argparse.Namespace) -> int:
    with catalog.read_session() as s:
        data = [exhibition_to_dict(e) for e in list_exhibitions(s)]
    emit(
        args,
        data,
        lambda: "\n".join(
            f"{d['id']:>5}  {d['title'].get(args.lang, '')}  ({len(d['sections'])} sections)"
            for d in data
        ),
    )
    return 0


def cmd_check(catalog: Catalog, args: argparse.Namespace) -> int:
    report = check_catalog(
        catalog, verify_checksums=not args.no_checksums, repair=args.repair, force=args.force
    )
    data = {
        "ok": report.ok,
        "problems": report.problems,
        "repaired": report.repaired,
        "media_checked": report.media_checked,
    }
    emit(
        args,
        data,
        lambda: "\n".join(
            [*report.repaired, *report.problems]
            or [f"ok: {report.media_checked} media files verified"]
        ),
    )
    return 0 if report.ok else EXIT_ERROR


def report_unopenable(args: argparse.Namespace, exc: StorageError) -> int:
    """``check`` of a catalogue that cannot even be opened: that is its one problem."""
    problem = message_of(exc)
    data = {"ok": False, "problems": [problem], "repaired": [], "media_checked": 0}
    emit(args, data, lambda: problem)
    return EXIT_ERROR


def cmd_search(catalog: Catalog, args: argparse.Namespace) -> int:
    result = search_items(catalog, args.query, limit=args.limit)
    data = {"ids": result.item_ids, "ranked": result.ranked, "matches": result.matches}
    emit(args, data, lambda: " ".join(map(str, result.item_ids)) or "no match")
    return 0


def cmd_reindex(catalog: Catalog, args: argparse.Namespace) -> int:
    n = rebuild_search_index(catalog)
    emit(args, {"indexed": n}, lambda: f"indexed {n} items")
    return 0
