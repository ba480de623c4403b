"""The traditional Mongolian title (mn-Mong) travels in CSV (``title@mn-Mong``) and IIIF
(a ``mn-Mong`` key of the label's language map), both ways, on both engines."""

from __future__ import annotations

import io
import json
from pathlib import Path

from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.core.mongol_script import from_transliteration
from exhibition_app.db.models import Item
from exhibition_app.db.search import search
from exhibition_app.interop.csv_dc import COLUMNS, ItemRecord, parse_csv, write_csv
from exhibition_app.operations.csv_io import export_csv, import_csv
from exhibition_app.operations.iiif_export import export_iiif

TITLE = from_transliteration("moŋγol debel")


def _titles(catalog: Catalog) -> dict[str, dict[str, str]]:
    with catalog.read_session() as s:
        return {i.accession_number: i.text_map("title") for i in s.scalars(select(Item))}


def test_csv_has_a_title_column_for_the_script_only() -> None:
    assert "title@mn-Mong" in COLUMNS
    assert COLUMNS.index("title@mn-Mong") == COLUMNS.index("title@mn") + 1
    assert not any(c.endswith("@mn-Mong") and c != "title@mn-Mong" for c in COLUMNS)


def test_csv_records_round_trip_the_script() -> None:
    out = io.BytesIO()
    write_csv([ItemRecord("D-1", "object", texts={"title": {"mn": "Дээл", "mn-Mong": TITLE}})], out)
    parsed = parse_csv(out.getvalue())
    assert parsed.issues == []
    assert parsed.rows[0].record.texts["title"] == {"mn": "Дээл", "mn-Mong": TITLE}
    # Header names are case-insensitive, the language tag too.
    upper = parse_csv(f"identifier,type,TITLE@MN-MONG\r\nD-2,object,{TITLE}\r\n".encode())
    assert upper.issues == []
    assert upper.rows[0].record.texts["title"] == {"mn-Mong": TITLE}
    bad = parse_csv(b"identifier,type,title@en,description@mn-Mong\r\nD-3,object,x,y\r\n")
    assert [i.column for i in bad.issues] == ["description@mn-mong"]


def test_csv_import_and_export_keep_the_script(catalog: Catalog, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(
        f"identifier,type,title@en,title@mn-Mong\r\nD-1,object,Deel,{TITLE}\r\n".encode("utf-8-sig")
    )
    result = import_csv(catalog, src)
    assert result["errors"] == [] and result["created"] == 1
    assert _titles(catalog)["D-1"]["mn-Mong"] == TITLE
    with catalog.read_session() as s:
        assert len(search(s, TITLE).item_ids) == 1  # indexed on import
        assert len(search(s, "дээл").item_ids) == 1  # and its Cyrillic word, through the table
        export_csv(s, tmp_path / "out.csv")
    header, row = (tmp_path / "out.csv").read_bytes().decode("utf-8-sig").splitlines()[:2]
    assert "title@mn-Mong" in header.split(",")
    assert TITLE in row


def test_sample_csv_export_carries_every_traditional_title(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    with sample_catalog.read_session() as s:
        export_csv(s, tmp_path / "all.csv")
    parsed = parse_csv((tmp_path / "all.csv").read_bytes())
    assert parsed.issues == []
    titles = _titles(sample_catalog)
    assert len(parsed.rows) == 21  # 19 exhibits and 2 unpublished now layers
    for row in parsed.rows:
        mong = row.record.texts["title"]["mn-Mong"]
        assert mong == titles[row.record.identifier]["mn-Mong"]


def test_iiif_labels_carry_mn_mong(sample_catalog: Catalog, tmp_path: Path) -> None:
    result = export_iiif(
        sample_catalog, tmp_path / "iiif", base_uri="https://m.example/iiif", build_tiles=False
    )
    assert result["valid"] is True
    titles = {}
    with sample_catalog.read_session() as s:
        for item in s.scalars(select(Item)):
            titles[item.id] = item.text_map("title")
    manifests = sorted((tmp_path / "iiif" / "items").glob("*/manifest.json"))
    assert len(manifests) == 19  # every published item, those without a picture as their card
    for path in manifests:
        doc = json.loads(path.read_text(encoding="utf-8"))
        item_id = int(path.parent.name)
        assert doc["label"]["mn-Mong"] == [titles[item_id]["mn-Mong"]]
        assert doc["label"]["mn"] == [titles[item_id]["mn"]]  # Cyrillic stays under mn
    collection = json.loads(
        (tmp_path / "iiif" / "collections" / "bridging-horizons.json").read_text(encoding="utf-8")
    )
    assert collection["label"]["mn-Mong"][0].startswith(from_transliteration("tŋri-yin"))
