"""Every language of a map's places travels (issue 13, point 3): a places CSV and an
exhibition bundle carry the label, text and credit in every language (the museum's German
included) and bring them back unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Item
from exhibition_app.errors import InvalidInput
from exhibition_app.interop.places_csv import parse_places, write_places
from exhibition_app.operations.bundle import export_bundle, import_bundle
from exhibition_app.operations.maps import annotations_of
from exhibition_app.operations.place_files import export_places_csv, import_places_csv

ROOT = Path(__file__).resolve().parents[2]
LANGS = {"de", "en", "kk", "ru", "mn"}


def _map(catalog: Catalog, accession: str) -> int:
    with catalog.read_session() as s:
        return s.scalars(select(Item.id).where(Item.accession_number == accession)).one()


def _places(catalog: Catalog, item_id: int) -> list[dict[str, Any]]:
    with catalog.read_session() as s:
        return annotations_of(s, item_id)


def _content(places: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The places without their ids (which differ between catalogues), in a stable order."""
    return sorted(
        (round(p["x"], 6), round(p["y"], 6), p["label"], p["text"], p["credit"]) for p in places
    )


def test_a_places_csv_carries_every_language_there_and_back(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    behaim, blue = _map(sample_catalog, "BH-MAP-002"), _map(sample_catalog, "BH-MAP-005")
    source = _places(sample_catalog, behaim)
    assert all(set(p["label"]) == set(p["text"]) == set(p["credit"]) == LANGS for p in source)
    csv_file = tmp_path / "behaim.csv"
    assert export_places_csv(sample_catalog, behaim, csv_file) == 39
    header = csv_file.read_bytes().decode("utf-8-sig").splitlines()[0].split(",")
    assert header[:5] == ["id", "x", "y", "lon", "lat"]
    assert {"label@kk", "text@mn", "credit@ru", "label@de", "text@de"} <= set(header)

    # Into another map of the same size: 39 new places, every language as it was.
    assert import_places_csv(sample_catalog, blue, csv_file) == {"updated": 0, "added": 39}
    assert _content(_places(sample_catalog, blue)) == _content(source)

    # Back into the map it came from: the same 39 places, nothing added, nothing changed.
    assert import_places_csv(sample_catalog, behaim, csv_file) == {"updated": 39, "added": 0}
    assert _places(sample_catalog, behaim) == source

    # Edited in a spreadsheet: one Russian text changed, one Mongolian label emptied.
    text = csv_file.read_bytes().decode("utf-8-sig")
    edited = text.replace("МОНГОЛИЯ,", "МОНГОЛИЯ (страна),", 1).replace(",МОНГОЛ,", ",,", 1)
    assert edited != text
    csv_file.write_bytes(edited.encode("utf-8-sig"))
    import_places_csv(sample_catalog, behaim, csv_file)
    mongolia = next(p for p in _places(sample_catalog, behaim) if p["label"]["de"] == "MONGOLEI")
    assert mongolia["label"]["ru"] == "МОНГОЛИЯ (страна)" and "mn" not in mongolia["label"]
    assert mongolia["text"]["mn"].startswith("XIII зуунд")


def test_a_bad_places_csv_changes_nothing(sample_catalog: Catalog, tmp_path: Path) -> None:
    behaim = _map(sample_catalog, "BH-MAP-002")
    before = _places(sample_catalog, behaim)
    bad = tmp_path / "bad.csv"
    for content, expected in [
        ("id,x,label@en\r\n1,10,A\r\n", "no 'y' column"),
        ("x,y,name\r\n1,2,A\r\n", "'name'"),
        ("id,x,y,label@en\r\n1,1,2,A\r\n1,3,4,B\r\n", "also on line 2"),
        ("x,y,label@kk\r\n1,east,A\r\n", "line 2, y: 'east' is not a number"),
        ("x,y,label@kk\r\n99999,1,A\r\n", "outside the image"),
    ]:
        bad.write_text(content, encoding="utf-8")
        with pytest.raises(InvalidInput, match=expected):
            import_places_csv(sample_catalog, behaim, bad)
    assert _places(sample_catalog, behaim) == before


def test_formula_like_cells_come_back_as_written() -> None:
    place = {"id": 3, "x": 1.0, "y": 2.0, "lon": None, "lat": None}
    place |= {"label": {"en": "=1+1", "de": "'-x"}, "text": {"kk": "@here"}, "credit": {}}
    data = write_places([place])
    assert b",'=1+1," in data
    (row,) = parse_places(data)
    assert (row.id, row.x, row.y) == (3, 1.0, 2.0)
    assert row.texts["label"]["en"] == "=1+1" and row.texts["label"]["de"] == "'-x"
    assert row.texts["text"]["kk"] == "@here" and row.texts["credit"]["mn"] == ""


def test_a_bundle_carries_every_language_of_the_places(tmp_path: Path) -> None:
    folder = tmp_path / "sample"
    folder.mkdir()
    shutil.copyfile(ROOT / "catalog.db", folder / "catalog.db")
    shutil.copytree(ROOT / "assets" / "media", folder / "assets" / "media")
    bundle = tmp_path / "then-and-now.zip"
    with Catalog.open(folder / "catalog.db", folder / "assets") as source:
        export_bundle(source, "then-and-now", bundle, tiles=False)
        places = _content(_places(source, _map(source, "BH-MAP-002")))
    with Catalog.open(tmp_path / "kiosk.db", tmp_path / "kiosk-assets") as kiosk:
        import_bundle(kiosk, bundle)
        arrived = _places(kiosk, _map(kiosk, "BH-MAP-002"))
        assert len(arrived) == 39 and _content(arrived) == places
        assert all(set(p["label"]) == set(p["text"]) == LANGS for p in arrived)
        import_bundle(kiosk, bundle)  # again: replaced, not doubled
        assert _content(_places(kiosk, _map(kiosk, "BH-MAP-002"))) == places
