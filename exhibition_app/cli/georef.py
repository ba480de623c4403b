"""``georef export``/``import`` and ``annotations export``: a map's georeference and places
for other tools (Allmaps and IIIF viewers, GIS: QGIS, GDAL, Google Earth)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from exhibition_app.catalog import Catalog
from exhibition_app.cli.commands import Commands
from exhibition_app.cli.console import emit, record_id
from exhibition_app.operations.georef_io import (
    FORMATS,
    export_georeference,
    export_places,
    import_georeference,
)

_BASE_HELP = (
    "the http(s) root the IIIF export is served at (default http://localhost:8000); "
    "the image service is BASE/tiles/<sha256>"
)


def register(commands: Commands) -> None:
    geo = commands.group("georef", "georeference a map")
    ge = commands.add(
        "export",
        cmd_georef_export,
        group=geo,
        help="write a map's IIIF Georeference Annotation (for Allmaps)",
    )
    ge.add_argument("item_id", type=record_id)
    ge.add_argument("file", type=Path)
    ge.add_argument("--base-uri", metavar="URL", help=_BASE_HELP)
    gi = commands.add(
        "import",
        cmd_georef_import,
        group=geo,
        help="set a map's georeference from a Georeference Annotation (made in Allmaps)",
    )
    gi.add_argument("item_id", type=record_id)
    gi.add_argument("file", type=Path)

    notes = commands.group("annotations", "map annotations")
    ae = commands.add(
        "export",
        cmd_annotations_export,
        group=notes,
        help="write a map's places with longitude/latitude in every language",
    )
    ae.add_argument("item_id", type=record_id)
    ae.add_argument("file", type=Path)
    ae.add_argument("--format", choices=FORMATS, default="geojson")
    ae.add_argument("--base-uri", metavar="URL", help=_BASE_HELP + " (for --format iiif)")


def cmd_georef_export(catalog: Catalog, args: argparse.Namespace) -> int:
    result = export_georeference(catalog, args.item_id, args.file, base_uri=args.base_uri)
    emit(
        args,
        result,
        lambda: (
            f"wrote {result['file']}: {result['gcps']} ground control points, "
            f"{result['transformation']}, on {result['target']}"
        ),
    )
    return 0


def cmd_georef_import(catalog: Catalog, args: argparse.Namespace) -> int:
    report = import_georeference(catalog, args.item_id, args.file)

    def text() -> str:
        if report["type"] == "equirectangular":
            head = f"item {report['item']}: equirectangular (whole-world plate carree)"
        else:
            head = (
                f"item {report['item']}: {report['kind']} fit of {report['gcps']} points, "
                f"RMS {report['rms']:.2f} px" + (", with a resource mask" if report["mask"] else "")
            )
        return "\n".join([head, *report["notes"]])

    emit(args, report, text)
    return 0


def cmd_annotations_export(catalog: Catalog, args: argparse.Namespace) -> int:
    result = export_places(
        catalog,
        args.item_id,
        args.file,
        args.format,
        base_uri=args.base_uri,
        lang=args.lang or "en",
    )
    if result["skipped"]:
        print(
            f"{result['skipped']} places of item {result['item']} were left out: they have "
            "no longitude/latitude and the map's georeference gives none",
            file=sys.stderr,
        )
    emit(
        args,
        result,
        lambda: f"wrote {result['written']} places to {result['file']} ({result['format']})",
    )
    return 0
