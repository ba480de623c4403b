"""``items list``, ``items show`` and ``import image``/``import folder``: the items of the
catalogue, and new ones from image files."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from exhibition_app.catalog import Catalog
from exhibition_app.cli.commands import Commands
from exhibition_app.cli.console import emit, in_language, record_id, whole_number
from exhibition_app.operations.bulk import import_folder
from exhibition_app.operations.ingest import import_image
from exhibition_app.operations.queries import get_item, item_to_dict, list_items

#: ``--max-pixels``: at least one pixel, at most 100 gigapixels.
PIXEL_COUNT = whole_number(1, 100_000_000_000, "a pixel count")


def register(commands: Commands) -> None:
    items = commands.group("items", "list or show items")
    il = commands.add("list", cmd_items_list, group=items, help="list every item")
    il.add_argument("--published", action="store_true", help="published items only")
    il.add_argument("--full", action="store_true", help="every field, not just the summary")
    ishow = commands.add("show", cmd_items_show, group=items, help="one item with every field")
    ishow.add_argument("id", type=record_id)

    imp = commands.group("import", "import files")
    ii = commands.add("image", cmd_import_image, group=imp, help="import one image as a new item")
    ii.add_argument("file", type=Path)
    ii.add_argument("--kind", required=True, help="object, map, photograph or document")
    ii.add_argument("--title", required=True)
    ii.add_argument("--accession", metavar="NUMBER", help="accession number (default: generated)")
    ii.add_argument("--publish", action="store_true", help="publish the new item at once")
    ii.add_argument(
        "--max-pixels", type=PIXEL_COUNT, metavar="N", help="refuse images larger than N px"
    )
    ii.add_argument(
        "--georef",
        choices=["equirectangular"],
        help="how the map's pixels relate to lon/lat (a whole-world plate carree map)",
    )
    ifo = commands.add(
        "folder",
        cmd_import_folder,
        group=imp,
        help="import every image in a folder, one item each",
    )
    ifo.add_argument("dir", type=Path, metavar="DIR")
    ifo.add_argument("--kind", required=True, help="object, map, photograph or document")
    ifo.add_argument("--publish", action="store_true", help="publish the new items at once")
    ifo.add_argument(
        "--max-pixels", type=PIXEL_COUNT, metavar="N", help="refuse images larger than N px"
    )


def cmd_items_list(catalog: Catalog, args: argparse.Namespace) -> int:
    with catalog.read_session() as s:
        items = list_items(s, published_only=args.published)
        data = [item_to_dict(catalog, i, full=args.full) for i in items]
    emit(
        args,
        data,
        lambda: "\n".join(
            f"{d['id']:>5}  {d['kind']:<10} {d['accession_number']:<14} "
            f"{in_language(d['title'], args.lang, catalog.fallback)}"
            for d in data
        ),
    )
    return 0


def cmd_items_show(catalog: Catalog, args: argparse.Namespace) -> int:
    with catalog.read_session() as s:
        data = item_to_dict(catalog, get_item(s, args.id), full=True)
    emit(args, data, lambda: json.dumps(data, ensure_ascii=False, indent=2))
    return 0


def cmd_import_image(catalog: Catalog, args: argparse.Namespace) -> int:
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
    emit(args, {"id": item_id}, lambda: f"imported {args.file} as item {item_id}")
    return 0


def cmd_import_folder(catalog: Catalog, args: argparse.Namespace) -> int:
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

    emit(args, result.as_json(), human)
    return 0
