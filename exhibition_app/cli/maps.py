"""``tiles build``, ``annotations import``/``list`` and ``georef set``/``show``: deep-zoom
tiles, places marked on a map, and how a map's pixels relate to longitude and latitude."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from exhibition_app.catalog import Catalog
from exhibition_app.cli.commands import Commands
from exhibition_app.cli.console import emit, emit_rows, in_language, record_id
from exhibition_app.errors import InvalidInput
from exhibition_app.operations.maps import (
    build_item_tiles,
    georef_report,
    georeference_item,
    import_kml,
    iter_annotations,
    place_in_language,
)
from exhibition_app.operations.queries import get_item


def register(commands: Commands) -> None:
    tiles = commands.group("tiles", "deep-zoom tile pyramids")
    tb = commands.add(
        "build", cmd_tiles_build, group=tiles, help="build an item's IIIF level-0 tiles"
    )
    tb.add_argument("item_id", type=record_id)
    tb.add_argument(
        "--base-uri",
        metavar="URL",
        help="the http(s) root of the published site, as for 'export iiif': the tile set's "
        "IIIF id becomes URL/tiles/<sha256> (without it, a file: id for this machine only)",
    )

    notes = commands.group("annotations", "map annotations")
    ai = commands.add(
        "import", cmd_annotations_import, group=notes, help="add a KML file's placemarks"
    )
    ai.add_argument("item_id", type=record_id)
    ai.add_argument("file", type=Path)
    ai.add_argument(
        "--text-lang",
        default="en",
        metavar="CODE",
        help="language of the KML names and descriptions (default en; e.g. de)",
    )
    al = commands.add(
        "list",
        cmd_annotations_list,
        group=notes,
        help="list a map's annotations (with --lang: label and text in that language, and "
        "the language shown)",
    )
    al.add_argument("item_id", type=record_id)

    ec = commands.add(
        "export-csv",
        cmd_annotations_export_csv,
        group=notes,
        help="write a map's places to a CSV file, every language in its own column",
    )
    ec.add_argument("item_id", type=record_id)
    ec.add_argument("file", type=Path, metavar="FILE")
    ic = commands.add(
        "import-csv",
        cmd_annotations_import_csv,
        group=notes,
        help="read places from a CSV file (a row with this map's id updates that place)",
    )
    ic.add_argument("item_id", type=record_id)
    ic.add_argument("file", type=Path, metavar="FILE")

    geo = commands.group("georef", "georeference a map")
    gs = commands.add("set", cmd_georef_set, group=geo, help="set a map's georeference")
    gs.add_argument("item_id", type=record_id)
    gs.add_argument("--equirectangular", action="store_true", help="a whole-world plate carree")
    gs.add_argument("--points", type=Path, metavar="FILE", help="control points as JSON")
    gs.add_argument("--kind", choices=["affine", "polynomial2"], default="affine")
    gw = commands.add(
        "show", cmd_georef_show, group=geo, help="show a map's georeference and residuals"
    )
    gw.add_argument("item_id", type=record_id)


def cmd_tiles_build(catalog: Catalog, args: argparse.Namespace) -> int:
    info = build_item_tiles(catalog, args.item_id, base_uri=args.base_uri)
    service_id = json.loads(info.read_text(encoding="utf-8")).get("id")
    emit(
        args,
        {"info": str(info), "id": service_id},
        lambda: f"tiles ready: {info}" + (f"\nIIIF id: {service_id}" if args.base_uri else ""),
    )
    return 0


def cmd_annotations_import(catalog: Catalog, args: argparse.Namespace) -> int:
    lang = args.text_lang.strip().lower()
    if not (2 <= len(lang) <= 8 and lang.replace("-", "").isalnum()):
        raise InvalidInput(f"'{args.text_lang}' is not a language code such as en, de or kk")
    imported, skipped = import_kml(catalog, args.item_id, args.file, lang=lang)
    emit(
        args,
        {"imported": imported, "skipped": skipped},
        lambda: "\n".join([f"imported {imported} annotations", *skipped]),
    )
    return 0


def cmd_annotations_list(catalog: Catalog, args: argparse.Namespace) -> int:
    """Every language of each place ({lang: value}); with ``--lang``, the place in that
    language (:func:`place_in_language`: strings, ``lang`` and the fallback marked)."""
    with catalog.read_session() as s:
        places = iter_annotations(s, args.item_id)
        if getattr(args, "lang_given", False):
            emit_rows(
                args,
                (place_in_language(n, args.lang, catalog.fallback) for n in places),
                _place_line,
            )
            return 0
        emit_rows(
            args,
            places,
            lambda d: (
                f"{d['id']:>5}  ({d['x']:.0f}, {d['y']:.0f})  "
                f"{in_language(d['label'], args.lang, catalog.fallback)}"
            ),
        )
    return 0


def cmd_annotations_export_csv(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.operations.place_files import export_places_csv

    count = export_places_csv(catalog, args.item_id, args.file)
    emit(args, {"places": count}, lambda: f"wrote {count} places to {args.file}")
    return 0


def cmd_annotations_import_csv(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.operations.place_files import import_places_csv

    result = import_places_csv(catalog, args.item_id, args.file)
    emit(
        args,
        result,
        lambda: f"updated {result['updated']} places, added {result['added']}",
    )
    return 0


def _place_line(d: dict[str, Any]) -> str:
    """One place in one language; a fallback says which language is shown, as [de]."""
    marker = f"  [{d['lang']}]" if d["fallback"] else ""
    return f"{d['id']:>5}  ({d['x']:.0f}, {d['y']:.0f})  {d['label']}{marker}"


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
    report = georeference_item(
        catalog,
        args.item_id,
        equirectangular=args.equirectangular,
        points_file=args.points,
        kind=args.kind,
    )
    emit(args, report, lambda: _georef_text(report))
    return 0


def cmd_georef_show(catalog: Catalog, args: argparse.Namespace) -> int:
    with catalog.read_session() as s:
        report = georef_report(get_item(s, args.item_id))
    emit(args, report, lambda: _georef_text(report))
    return 0
