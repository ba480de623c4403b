"""Command-line interface: scripting, and how the product is checked from outside.

Global options come before the command; ``--json`` is accepted before or after it. Errors go
to stderr as one line with a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from exhibition_app import __version__, cli_admin, cli_csv, cli_exchange, cli_sync
from exhibition_app.paths import APP_NAME, user_data_dir

if TYPE_CHECKING:  # the GUI path must not pay for SQLAlchemy before its first paint
    from exhibition_app.catalog import Catalog

EXIT_ERROR = 1
EXIT_USAGE = 2


class UserError(Exception):
    """A problem to report to the user as one line."""


class OneLineParser(argparse.ArgumentParser):
    """Usage errors as one line on stderr (``--help`` still shows the full usage)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1280x800") from None
    if not (100 <= w <= 16384 and 100 <= h <= 16384):
        raise argparse.ArgumentTypeError(f"'{text}': width and height must be 100..16384")
    return w, h


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not 1 <= value <= 86_400:
        raise argparse.ArgumentTypeError(f"'{text}': give between 1 and 86400 seconds")
    return value


def _fallback(text: str) -> tuple[str, ...]:
    from exhibition_app.core.languages import parse_fallback

    try:
        return parse_fallback(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    common = OneLineParser(add_help=False)
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )
    common.add_argument(
        "--lang", default=argparse.SUPPRESS, help="language: en, kk, ru or mn (default en)"
    )
    p = OneLineParser(
        prog=APP_NAME,
        description="A virtual exhibition of Central Asian and Mongolian heritage and maps.",
    )
    p.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    p.add_argument(
        "--catalog",
        metavar="PATH_OR_URL",
        # From the environment too: a URL with a password stays out of the process list.
        default=os.environ.get("EXHIBITION_CATALOG") or None,
        help="catalogue file or SQLAlchemy URL (default: $EXHIBITION_CATALOG, else the "
        "checkout's catalog.db or the one in the user data folder)",
    )
    p.add_argument("--assets", metavar="DIR", help="folder of images and derived files")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--lang", default="en", help="language: en, kk, ru or mn (default en)")
    p.add_argument(
        "--fallback",
        type=_fallback,
        metavar="LANGS",
        help="languages to show when a text is missing, in order (default en,ru,kk,mn)",
    )
    p.add_argument("--item", type=int, metavar="ID", help="open the window on this item")
    p.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1280x800")
    p.add_argument(
        "--screenshot", metavar="FILE", help="render the window once loaded, save a PNG, exit"
    )
    p.add_argument(
        "--tile-cache",
        type=int,
        default=256,
        metavar="MB",
        help="memory for decoded map tiles per view (default 256)",
    )
    p.add_argument(
        "--pin-file",
        metavar="PATH",
        help="staff PIN file for the kiosk (default: in the user data folder)",
    )
    p.add_argument(
        "--curator",
        action="store_true",
        help="open the curator workspace (sign in with an account from 'users add')",
    )
    kiosk_opts = p.add_argument_group("visitor kiosk (with --kiosk)")
    kiosk_opts.add_argument(
        "--kiosk",
        action="store_true",
        help="run as a locked-down, full-screen visitor kiosk (published items only)",
    )
    kiosk_opts.add_argument(
        "--idle",
        type=_seconds,
        default=90,
        metavar="SECONDS",
        help="ask 'Still there?' after this long without a touch (default 90)",
    )
    kiosk_opts.add_argument(
        "--idle-countdown",
        type=int,
        default=15,
        metavar="SECONDS",
        help="how long 'Still there?' waits before the kiosk resets (default 15)",
    )
    kiosk_opts.add_argument(
        "--tour",
        metavar="EXHIBITION_KEY",
        help="the attract loop follows this exhibition (default: the featured items)",
    )
    kiosk_opts.add_argument("--hide-cursor", action="store_true", help="for touch-only screens")
    kiosk_opts.add_argument(
        "--reduced-motion", action="store_true", help="no cross-fades in the attract loop"
    )
    kiosk_opts.add_argument(
        "--station", metavar="NAME", help="this kiosk's name in the statistics (default: host)"
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)

    items = sub.add_parser("items", help="list or show items").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    il = items.add_parser("list", parents=[common], help="list every item")
    il.add_argument("--published", action="store_true", help="published items only")
    il.add_argument("--full", action="store_true", help="every field, not just the summary")
    ishow = items.add_parser("show", parents=[common], help="one item with every field")
    ishow.add_argument("id", type=int)

    imp = sub.add_parser("import", help="import files").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    ii = imp.add_parser("image", parents=[common], help="import one image as a new item")
    ii.add_argument("file", type=Path)
    ii.add_argument("--kind", required=True, help="object, map, photograph or document")
    ii.add_argument("--title", required=True)
    ii.add_argument("--accession", metavar="NUMBER", help="accession number (default: generated)")
    ii.add_argument("--publish", action="store_true", help="publish the new item at once")
    ii.add_argument("--max-pixels", type=int, metavar="N", help="refuse images larger than N px")
    ii.add_argument(
        "--georef",
        choices=["equirectangular"],
        help="how the map's pixels relate to lon/lat (a whole-world plate carree map)",
    )
    ifo = imp.add_parser(
        "folder", parents=[common], help="import every image in a folder, one item each"
    )
    ifo.add_argument("dir", type=Path, metavar="DIR")
    ifo.add_argument("--kind", required=True, help="object, map, photograph or document")
    ifo.add_argument("--publish", action="store_true", help="publish the new items at once")
    ifo.add_argument("--max-pixels", type=int, metavar="N", help="refuse images larger than N px")

    tiles = sub.add_parser("tiles", help="deep-zoom tile pyramids").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    tb = tiles.add_parser("build", parents=[common], help="build an item's IIIF level-0 tiles")
    tb.add_argument("item_id", type=int)
    tb.add_argument(
        "--base-uri",
        metavar="URL",
        help="the http(s) address the tile folder is served at (the IIIF id; default file:)",
    )

    notes = sub.add_parser("annotations", help="map annotations").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    ai = notes.add_parser("import", parents=[common], help="add a KML file's placemarks")
    ai.add_argument("item_id", type=int)
    ai.add_argument("file", type=Path)
    ai.add_argument(
        "--text-lang",
        default="en",
        metavar="CODE",
        help="language of the KML names and descriptions (default en; e.g. de)",
    )
    al = notes.add_parser("list", parents=[common], help="list a map's annotations")
    al.add_argument("item_id", type=int)

    geo = sub.add_parser("georef", help="georeference a map").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    gs = geo.add_parser("set", parents=[common], help="set a map's georeference")
    gs.add_argument("item_id", type=int)
    gs.add_argument("--equirectangular", action="store_true", help="a whole-world plate carree")
    gs.add_argument("--points", type=Path, metavar="FILE", help="control points as JSON")
    gs.add_argument("--kind", choices=["affine", "polynomial2"], default="affine")
    gw = geo.add_parser("show", parents=[common], help="show a map's georeference and residuals")
    gw.add_argument("item_id", type=int)

    ex = sub.add_parser("exhibitions", help="list exhibitions").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    ex.add_parser("list", parents=[common], help="list exhibitions with sections")

    ck = sub.add_parser("check", parents=[common], help="check the catalogue is whole")
    ck.add_argument(
        "--repair", action="store_true", help="move orphan files into the assets' quarantine"
    )
    ck.add_argument(
        "--force",
        action="store_true",
        help="repair even when the catalogue knows no media (normally a sign of the wrong one)",
    )
    ck.add_argument("--no-checksums", action="store_true", help="skip re-hashing media files")

    se = sub.add_parser("search", parents=[common], help="search in every language")
    se.add_argument("query")
    se.add_argument("--limit", type=int, default=50)
    sub.add_parser("reindex", parents=[common], help="rebuild the search index")
    st = sub.add_parser("stats", parents=[common], help="anonymous visitor statistics")
    st.add_argument("--since", metavar="YYYY-MM-DD", help="from this day on (local time)")
    st.add_argument("--until", metavar="YYYY-MM-DD", help="up to this day, inclusive")
    st.add_argument("--station", metavar="NAME", help="one kiosk only")

    kiosk = sub.add_parser("kiosk", help="the visitor kiosk's staff PIN").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    kiosk.add_parser(
        "set-pin",
        parents=[common],
        help="set the staff PIN (4-12 digits; asked twice on a terminal, else one line of stdin)",
    )
    kiosk.add_parser("clear-pin", parents=[common], help="remove the staff PIN")
    kiosk.add_parser("status", parents=[common], help="whether a PIN is set and any lockout")
    cli_admin.add_admin_parsers(sub, common)
    cli_csv.add_csv_parsers(sub, common)
    # Last, so it finds (and reuses) any export/import group made above.
    cli_exchange.add_exchange_parsers(sub, common)
    cli_sync.add_sync_parsers(sub, common)
    return p


def _print(args: argparse.Namespace, data: Any, human: Callable[[], str]) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(human())


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from exhibition_app.core.languages import LANGUAGES

    if args.lang not in LANGUAGES:
        parser.error(f"--lang must be one of {', '.join(LANGUAGES)}")
    if args.command is None:
        from exhibition_app.ui.app import run_gui

        return run_gui(args)
    key = (args.command, getattr(args, "action", None))
    if key in NO_CATALOG_COMMANDS:
        return NO_CATALOG_COMMANDS[key](args)
    from exhibition_app.catalog import Catalog

    options = {"fallback": args.fallback} if args.fallback else {}
    catalog = Catalog.open(args.catalog, args.assets, **options)
    try:
        return COMMANDS[key](catalog, args)
    finally:
        catalog.close()


def cmd_items_list(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.operations.queries import item_to_dict, list_items

    with catalog.read_session() as s:
        items = list_items(s, published_only=args.published)
        data = [item_to_dict(catalog, i, full=args.full) for i in items]
    _print(
        args,
        data,
        lambda: "\n".join(
            f"{d['id']:>5}  {d['kind']:<10} {d['accession_number']:<14} "
            f"{_in_language(d['title'], args.lang, catalog.fallback)}"
            for d in data
        ),
    )
    return 0


def _in_language(texts: dict[str, str], lang: str, fallback: Sequence[str]) -> str:
    from exhibition_app.core.languages import pick

    picked = pick(texts, lang, fallback)
    return picked.text if picked else ""


def cmd_items_show(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.db.models import Item
    from exhibition_app.operations.queries import item_to_dict

    with catalog.read_session() as s:
        item = s.get(Item, args.id)
        if item is None:
            raise UserError(f"no item with id {args.id}")
        data = item_to_dict(catalog, item, full=True)
    _print(args, data, lambda: json.dumps(data, ensure_ascii=False, indent=2))
    return 0


def cmd_import_image(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.operations.ingest import import_image

    if args.max_pixels:
        catalog.max_pixels = args.max_pixels
    item_id = import_image(
        catalog,
        args.file,
        kind=args.kind,
        title=args.title,
        lang=args.lang,
        accession_number=args.accession,
        published=args.publish,
        georef=args.georef,
    )
    _print(args, {"id": item_id}, lambda: f"imported {args.file} as item {item_id}")
    return 0


def cmd_import_folder(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.operations.bulk import import_folder

    result = import_folder(
        catalog,
        args.dir,
        kind=args.kind,
        lang=args.lang,
        publish=args.publish,
        max_pixels=args.max_pixels,
    )

    def human() -> str:
        lines = [f"imported {len(result.imported)} of {result.total} files from {args.dir}"]
        lines += [
            f"warning: {n['file']} (item {n['id']}) looks like item {n['similar_to']}"
            f" ({n['distance']} bits apart)"
            for n in result.near_duplicates
        ]
        lines += [f"refused: {r['file']}: {r['reason']}" for r in result.refused]
        return "\n".join(lines)

    _print(args, result.as_json(), human)
    return 0


def cmd_exhibitions_list(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.operations.queries import exhibition_to_dict, list_exhibitions

    with catalog.read_session() as s:
        data = [exhibition_to_dict(e) for e in list_exhibitions(s)]
    _print(
        args,
        data,
        lambda: "\n".join(
            f"{d['id']:>5}  {d['title'].get(args.lang, '')}  ({len(d['sections'])} sections)"
            for d in data
        ),
    )
    return 0


def cmd_check(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.operations.check import check_catalog

    report = check_catalog(
        catalog, verify_checksums=not args.no_checksums, repair=args.repair, force=args.force
    )
    data = {
        "ok": report.ok,
        "problems": report.problems,
        "repaired": report.repaired,
        "media_checked": report.media_checked,
    }
    _print(
        args,
        data,
        lambda: "\n".join(
            [*report.repaired, *report.problems]
            or [f"ok: {report.media_checked} media files verified"]
        ),
    )
    return 0 if report.ok else EXIT_ERROR


def cmd_search(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.db.search import search

    with catalog.read_session() as s:
        result = search(s, args.query, limit=args.limit)
    data = {"ids": result.item_ids, "ranked": result.ranked, "matches": result.matches}
    _print(args, data, lambda: " ".join(map(str, result.item_ids)) or "no match")
    return 0


def cmd_reindex(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.db.search import rebuild_index

    with catalog.session() as s:
        n = rebuild_index(s)
    _print(args, {"indexed": n}, lambda: f"indexed {n} items")
    return 0


def cmd_tiles_build(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.operations.maps import build_item_tiles

    info = build_item_tiles(catalog, args.item_id, base_uri=args.base_uri)
    _print(args, {"info": str(info)}, lambda: f"tiles ready: {info}")
    return 0


def cmd_annotations_import(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.operations.maps import import_kml

    lang = args.text_lang.strip().lower()
    if not (2 <= len(lang) <= 8 and lang.replace("-", "").isalnum()):
        raise UserError(f"'{args.text_lang}' is not a language code such as en, de or kk")
    imported, skipped = import_kml(catalog, args.item_id, args.file, lang=lang)
    _print(
        args,
        {"imported": imported, "skipped": skipped},
        lambda: "\n".join([f"imported {imported} annotations", *skipped]),
    )
    return 0


def cmd_annotations_list(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.operations.maps import annotations_of

    with catalog.read_session() as s:
        data = annotations_of(s, args.item_id)
    _print(
        args,
        data,
        lambda: "\n".join(
            f"{d['id']:>5}  ({d['x']:.0f}, {d['y']:.0f})  "
            f"{_in_language(d['label'], args.lang, catalog.fallback)}"
            for d in data
        ),
    )
    return 0


def _georef_text(report: dict[str, Any]) -> str:
    if report["type"] is None:
        return f"item {report['item']} is not georeferenced"
    if report["type"] == "equirectangular":
        return f"item {report['item']}: equirectangular (whole-world plate carree)"
    lines = [f"item {report['item']}: {report['kind']} fit, RMS {report['rms']:.2f} px"]
    lines += [
        f"  ({p['x']:.0f}, {p['y']:.0f}) -> {p['lon']:.4f}, {p['lat']:.4f}: "
        f"residual {p['residual']:.2f} px"
        for p in report["points"]
    ]
    return "\n".join(lines)


def cmd_georef_set(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.operations.maps import georeference_item

    report = georeference_item(
        catalog,
        args.item_id,
        equirectangular=args.equirectangular,
        points_file=args.points,
        kind=args.kind,
    )
    _print(args, report, lambda: _georef_text(report))
    return 0


def cmd_georef_show(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.db.models import Item
    from exhibition_app.operations.maps import georef_report

    with catalog.read_session() as s:
        item = s.get(Item, args.item_id)
        if item is None:
            raise UserError(f"no item with id {args.item_id}")
        report = georef_report(item)
    _print(args, report, lambda: _georef_text(report))
    return 0


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min {secs} s" if minutes else f"{secs} s"


def _stats_text(data: dict[str, Any], since: str | None, until: str | None) -> str:
    n = len(data["stations"])
    lines = [
        f"Visitor statistics, {since or 'the beginning'} to {until or 'now'}",
        f"{data['events']} events from {n} {'station' if n == 1 else 'stations'}"
        + (f" ({', '.join(data['stations'])})" if data["stations"] else ""),
        f"Items opened: {data['items_opened']}",
    ]
    lines += [
        f"  {d['opened']:>5}x  {d['accession_number']:<14} {d['title']}  "
        f"(median {_duration(d['dwell_seconds_median'])}, "
        f"total {_duration(d['dwell_seconds_total'])})"
        for d in data["items"][:20]
    ]
    searches = data["searches_without_result"]
    lines.append(f"Searches without a result: {sum(s['count'] for s in searches)}")
    lines += [f"  {s['count']:>5}x  {s['query']}" for s in searches[:20]]
    languages = ", ".join(f"{code} {n}" for code, n in data["languages"].items())
    lines.append(f"Languages chosen: {languages or 'none'}")
    lines.append(f"Resets: {data['resets']}")
    return "\n".join(lines)


def cmd_stats(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.core.stats import day_window, parse_day
    from exhibition_app.operations.stats import summarize

    def day(option: str, text: str | None) -> Any:
        try:
            return parse_day(text) if text is not None else None
        except ValueError:
            raise UserError(f"{option} '{text}' is not a day like 2026-03-01") from None

    first, last = day("--since", args.since), day("--until", args.until)
    if first is not None and last is not None and last < first:
        raise UserError(f"--until {args.until} is before --since {args.since}")
    since, until = day_window(first, last)  # the local days, inclusive
    with catalog.read_session() as s:
        data = summarize(
            s,
            since=since,
            until=until,
            station=args.station,
            lang=args.lang,
            fallback=catalog.fallback,
        )
    _print(args, data, lambda: _stats_text(data, args.since, args.until))
    return 0


COMMANDS: dict[tuple[str, str | None], Callable[[Catalog, argparse.Namespace], int]] = {
    ("items", "list"): cmd_items_list,
    ("items", "show"): cmd_items_show,
    ("import", "image"): cmd_import_image,
    ("import", "folder"): cmd_import_folder,
    ("exhibitions", "list"): cmd_exhibitions_list,
    ("check", None): cmd_check,
    ("search", None): cmd_search,
    ("reindex", None): cmd_reindex,
    ("stats", None): cmd_stats,
    ("tiles", "build"): cmd_tiles_build,
    ("annotations", "import"): cmd_annotations_import,
    ("annotations", "list"): cmd_annotations_list,
    ("georef", "set"): cmd_georef_set,
    ("georef", "show"): cmd_georef_show,
    **cli_admin.CATALOG_COMMANDS,
    **cli_csv.COMMANDS,
    **cli_exchange.COMMANDS,
    **cli_sync.COMMANDS,
}


def _pin_file(args: argparse.Namespace) -> Path:
    from exhibition_app.core.pin import default_pin_path

    return Path(args.pin_file).expanduser().resolve() if args.pin_file else default_pin_path()


def _read_new_pin(prompt: str = "Staff PIN", noun: str = "PIN") -> str:
    """The new PIN (or password): asked twice without echo on a terminal, else one line of
    stdin."""
    import getpass

    stdin = sys.stdin
    if stdin is None:
        raise UserError(f"no standard input to read the {noun} from")
    if stdin.isatty():
        try:
            first = getpass.getpass(f"{prompt}: ")
            second = getpass.getpass(f"Repeat the {noun}: ")
        except EOFError:
            raise UserError(f"no {noun} entered; nothing was changed") from None
        if first != second:
            raise UserError(f"the two {noun}s differ; nothing was changed")
        return first
    line = stdin.readline()
    if not line:
        raise UserError(f"no {noun} on standard input; nothing was changed")
    return line.rstrip("\r\n")


def cmd_kiosk_set_pin(args: argparse.Namespace) -> int:
    from exhibition_app.core.pin import PinGuard, check_pin_format

    path = _pin_file(args)
    pin = check_pin_format(_read_new_pin())
    PinGuard(path).set_pin(pin)
    _print(args, {"pin_set": True, "pin_file": str(path)}, lambda: f"Staff PIN set ({path})")
    return 0


def cmd_kiosk_clear_pin(args: argparse.Namespace) -> int:
    from exhibition_app.core.pin import PinGuard

    path = _pin_file(args)
    PinGuard(path).clear()
    _print(args, {"pin_set": False, "pin_file": str(path)}, lambda: f"Staff PIN cleared ({path})")
    return 0


def cmd_kiosk_status(args: argparse.Namespace) -> int:
    from exhibition_app.core.pin import PinGuard

    path = _pin_file(args)
    guard = PinGuard(path)
    pin_set = guard.is_set()
    wait = round(guard.wait_seconds(), 1)
    data = {"pin_set": pin_set, "pin_file": str(path), "locked_for_seconds": wait}

    def human() -> str:
        text = f"Staff PIN {'set' if pin_set else 'not set'} ({path})"
        return f"{text}; locked for {wait:g} s" if wait else text

    _print(args, data, human)
    return 0


# Commands that need no catalogue: run() dispatches them before opening one.
NO_CATALOG_COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("kiosk", "set-pin"): cmd_kiosk_set_pin,
    ("kiosk", "clear-pin"): cmd_kiosk_clear_pin,
    ("kiosk", "status"): cmd_kiosk_status,
    **cli_admin.STANDALONE_COMMANDS,
    **cli_exchange.NO_CATALOG_COMMANDS,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: runs a command and turns every failure into one line on stderr."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    from exhibition_app.core.edtf import DateParseError
    from exhibition_app.core.georef import GeorefError
    from exhibition_app.core.pin import PinError
    from exhibition_app.db.engine import CatalogError
    from exhibition_app.errors import ExhibitionError
    from exhibition_app.imaging.source import ImageRefused
    from exhibition_app.interop.kml import KmlError

    try:
        return run(argv)
    except (
        UserError,
        CatalogError,
        ImageRefused,
        DateParseError,
        KmlError,
        GeorefError,
        PinError,
        ExhibitionError,
    ) as exc:
        print(f"{APP_NAME}: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (``| head``): nothing more to say, and nowhere to say it.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(f"{APP_NAME}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        # The last line of defence: still one line, never a traceback on the terminal.
        log = _write_crash_log()
        first = str(exc).splitlines()[0] if str(exc) else ""
        print(
            f"{APP_NAME}: error: {type(exc).__name__}: {first} (details in {log})", file=sys.stderr
        )
        return EXIT_ERROR


def _write_crash_log() -> Path | str:
    try:
        folder = user_data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "last-error.log"
        log.write_text(traceback.format_exc(), encoding="utf-8")
        return log
    except OSError:
        return "no log: the data folder is not writable"
