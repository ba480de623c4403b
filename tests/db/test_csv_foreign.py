"""CSV written for other software (Omeka's CSV Import, plain Dublin Core headers) comes in
without editing, and the dcterms export profile goes back out and in byte for byte."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from exhibition_app.interop.csv_dc import decode
from exhibition_app.interop.csv_profiles import MapError, normalise_csv, parse_map
from exhibition_app.operations.csv_io import export_csv, import_csv, item_records

OMEKA_S = (
    "dcterms:identifier,dcterms:title,dcterms:title@kk,dcterms:description,dcterms:creator,"
    "dcterms:date,dcterms:type,dcterms:subject,dcterms:coverage,dcterms:rights,"
    "dcterms:publisher,Media URL\n"
    'KZ-17,Saddle,Ер-тоқым,"Leather, silver",Unknown maker,c. 1850,Physical Object,'
    "horse; saddle,KZ,https://creativecommons.org/licenses/by/4.0/,Museum,"
    "https://example.org/saddle.jpg\n"
    "KZ-18,Map of Tartary,Тартария картасы,Engraved,Gerard van Schagen,1689,Map,,"
    "Great Tartary,Public domain,Museum,\n"
)


def write(tmp_path: Path, name: str, text: str, newline: str = "\n") -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def records(catalog: Any) -> dict[str, Any]:
    with catalog.read_session() as session:
        return {r.identifier: r for r in item_records(session)}


def test_an_omeka_s_file_imports_without_editing(catalog: Any, tmp_path: Path) -> None:
    result = import_csv(catalog, write(tmp_path, "omeka.csv", OMEKA_S))
    assert result["errors"] == []
    assert result["created"] == 2
    assert result["ignored_columns"] == ["dcterms:publisher"]
    assert result["media_not_fetched"] == [{"row": 2, "url": "https://example.org/saddle.jpg"}]
    assert result["mapped_columns"]["dcterms:title@kk"] == "title@kk"
    saddle, tartary = records(catalog)["KZ-17"], records(catalog)["KZ-18"]
    assert saddle.kind == "object" and tartary.kind == "map"
    assert saddle.texts["title"] == {"en": "Saddle", "kk": "Ер-тоқым"}
    assert saddle.texts["description"]["en"] == "Leather, silver"
    assert saddle.tags == ["horse", "saddle"]
    assert saddle.country == "KZ"
    assert saddle.rights == "https://creativecommons.org/licenses/by/4.0/"
    # the picture is never downloaded: its address is kept as the source
    assert saddle.source == "https://example.org/saddle.jpg" and saddle.media == []
    # "c. 1850" is read as an approximate EDTF date and kept as the curator wrote it
    assert saddle.date_edtf == "1850~" and saddle.texts["date"]["en"] == "c. 1850"
    # text where a code or a licence URI is expected goes to the place and the credit line
    assert tartary.country is None and tartary.texts["place"]["en"] == "Great Tartary"
    assert tartary.rights is None and tartary.texts["credit_line"]["en"] == "Public domain"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_plain_dublin_core_headers_with_any_line_end(
    catalog: Any, tmp_path: Path, newline: str
) -> None:
    text = (
        "Title,Description,Creator,Date,Notes\n"
        'Kazakh dombra,"Two strings,\nlong neck",Unknown,19th century,shelf 4\n'
        "Felt carpet,Shyrdak,,1900,\n"
    )
    result = import_csv(catalog, write(tmp_path, "plain.csv", text, newline), dry_run=True)
    assert result["errors"] == [] and result["created"] == 2
    assert result["ignored_columns"] == ["Notes"]
    result = import_csv(catalog, write(tmp_path, "plain.csv", text, newline))
    items = records(catalog)
    assert len(items) == 2
    # rows without an identifier get one, the same on every import of the same row
    assert all(ident.startswith("CSV-") for ident in items)
    dombra = next(r for r in items.values() if r.texts["title"]["en"] == "Kazakh dombra")
    assert dombra.texts["description"]["en"] == "Two strings,\nlong neck"
    assert dombra.kind == "object" and dombra.date_edtf == "18XX"
    again = import_csv(catalog, write(tmp_path, "plain.csv", text, newline))
    assert again["unchanged"] == 2 and again["created"] == 0


def test_map_option_reads_any_column(catalog: Any, tmp_path: Path) -> None:
    text = "Inventar,Benennung,Titel,Technik\nINV-1,Kasachischer Sattel,Ер-тоқым,Prägung\n"
    mapping = parse_map(["Inventar=identifier,Benennung=dcterms:title", "Titel=title@kk"])
    mapping |= parse_map(["Technik=technique@en"])
    result = import_csv(catalog, write(tmp_path, "de.csv", text), mapping=mapping)
    assert result["errors"] == [] and result["ignored_columns"] == []
    saddle = records(catalog)["INV-1"]
    assert saddle.texts["title"] == {"en": "Kasachischer Sattel", "kk": "Ер-тоқым"}
    assert saddle.texts["technique"] == {"en": "Prägung"}
    with pytest.raises(MapError, match="Foo=bar"):
        parse_map(["Foo=bar"])
    with pytest.raises(MapError, match="COLUMN=TERM"):
        parse_map(["Foo"])


def test_our_own_format_is_still_read_strictly(catalog: Any, tmp_path: Path) -> None:
    """A typo in our own headers is an error with a suggestion, not a silently ignored
    column."""
    text = "identifier,type,titel@en\nA-1,object,Saddle\n"
    result = import_csv(catalog, write(tmp_path, "typo.csv", text))
    assert result["created"] == 0
    assert result["errors"][0]["column"] == "titel@en"
    assert "did you mean 'title@en'" in result["errors"][0]["message"]
    # and a file in our format comes back unchanged from the normaliser
    data = b"identifier,type,title@en\r\nA-1,object,Saddle\r\n"
    assert normalise_csv(data, decode=decode).data is data


def test_errors_in_a_foreign_file_name_its_own_columns(catalog: Any, tmp_path: Path) -> None:
    text = "dcterms:identifier,dcterms:title,dcterms:type\nA-1,Saddle,Sculpture-ish thing\n"
    result = import_csv(catalog, write(tmp_path, "bad.csv", text))
    assert result["created"] == 0
    assert [(e["row"], e["column"]) for e in result["errors"]] == [(2, "dcterms:type")]
    assert "unknown type" in result["errors"][0]["message"]


@pytest.mark.parametrize("profile", ["default", "dcterms"])
def test_both_profiles_reimport_byte_identically(
    sample_catalog: Any, tmp_path: Path, profile: str
) -> None:
    from exhibition_app.catalog import Catalog

    catalog = Catalog.open(tmp_path / "empty.db", tmp_path / "empty-assets")
    with sample_catalog.read_session() as session:
        first = io.BytesIO()
        count = export_csv(session, first, profile=profile)
    header = first.getvalue().split(b"\r\n", 1)[0].decode("utf-8-sig")
    if profile == "dcterms":
        assert header.startswith("dcterms:identifier,dcterms:type,dcterms:title@en,")
        assert all(":" in name for name in header.split(","))
    path = tmp_path / f"{profile}.csv"
    path.write_bytes(first.getvalue())
    result = import_csv(catalog, path, media_from=Path(str(sample_catalog.assets)) / "media")
    assert result["errors"] == [] and result["created"] == count
    with catalog.read_session() as session:
        second = io.BytesIO()
        export_csv(session, second, profile=profile)
    catalog.close()
    assert second.getvalue() == first.getvalue()
