"""The CSV column model: Dublin Core names, exact bytes, formula neutralisation, bad files."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exhibition_app.interop import csv_dc
from exhibition_app.interop.csv_dc import (
    COLUMNS,
    CsvIssue,
    ItemRecord,
    MediaRef,
    neutralise,
    parse_csv,
    restore,
    write_csv,
)

SHA_A = "a" * 64
SHA_B = "0123456789abcdef" * 4
HEADER = "identifier,type,title@en"


def csv_bytes(*lines: str, bom: bool = True) -> bytes:
    return ("\ufeff" if bom else "").encode() + "\r\n".join([*lines, ""]).encode()


def written(*records: ItemRecord) -> bytes:
    out = io.BytesIO()
    write_csv(records, out)
    return out.getvalue()


def messages(issues: list[CsvIssue]) -> str:
    return "\n".join(str(i) for i in issues)


def rich_record() -> ItemRecord:
    return ItemRecord(
        identifier="BH-MAP-002",
        kind="map",
        texts={
            "title": {"en": "Behaim's Erdapfel, 1492", "kk": "Бехайм глобусы", "mn": "Бөмбөрцөг"},
            "description": {"en": 'Two lines,\nwith "quotes" and, commas', "ru": "Глобус"},
            "place": {"en": "Nuremberg"},
            "date": {"en": "1492"},
            "credit_line": {"en": '=HYPERLINK("http://x")'},
        },
        date_edtf="-0399/-0200",
        country="DE",
        rights="https://creativecommons.org/licenses/by-sa/3.0/",
        source="+ from a catalogue",
        tags=["world map", "15th century", "@globe"],
        relations=[("related", "BH-PHO-002"), ("depicts", "BH-MAP-001")],
        published=True,
        featured=False,
        media=[MediaRef(SHA_A, "behaim1492.jpg"), MediaRef(SHA_B, None)],
        cover=MediaRef(SHA_B, None),
    )


# --------------------------------------------------------------------------- vocabulary


def test_vocabularies_match_the_database() -> None:
    from exhibition_app.core.languages import LANGUAGES
    from exhibition_app.db import models

    assert csv_dc.KINDS == models.KINDS
    assert csv_dc.ITEM_TEXT_FIELDS == models.ITEM_TEXT_FIELDS
    assert csv_dc.RELATIONS == models.RELATIONS
    assert set(csv_dc.FIELD_COLUMNS) == set(models.ITEM_TEXT_FIELDS)
    for name in models.ITEM_TEXT_FIELDS:
        for lang in LANGUAGES:
            assert f"{csv_dc.FIELD_COLUMNS[name]}@{lang}" in COLUMNS
    assert len(set(COLUMNS)) == len(COLUMNS)
    assert COLUMNS[:3] == ("identifier", "type", "title@en")
    assert {"title@kk", "coverage.spatial@ru", "creator@mn", "date@en", "date"} <= set(COLUMNS)


def test_the_column_model_imports_neither_sqlalchemy_nor_qt() -> None:
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6', 'sqlalchemy'):\n"
        "            raise ImportError('imported ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import exhibition_app.interop.csv_dc\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


# --------------------------------------------------------------------------- formulas


@pytest.mark.parametrize(
    ("cell", "written_as"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-0399/-0200", "'-0399/-0200"),
        ("'=already quoted", "''=already quoted"),
        ("''-1", "'''-1"),
        ("'plain", "'plain"),
        ("plain = fine", "plain = fine"),
        ("", ""),
    ],
)
def test_formula_cells_are_neutralised_and_restored(cell: str, written_as: str) -> None:
    assert neutralise(cell) == written_as
    assert restore(written_as) == cell


@given(st.text())
def test_restore_undoes_neutralise_for_every_text(cell: str) -> None:
    assert restore(neutralise(cell)) == cell


def test_formula_cells_are_quoted_in_the_file() -> None:
    record = ItemRecord(
        "X-1",
        "object",
        texts={"title": {"en": "=cmd|' /C calc'!A0", "kk": "+1", "ru": "-1", "mn": "@SUM"}},
    )
    data = written(record)
    line = data.split(b"\r\n")[1].decode()
    assert line.startswith("X-1,object,'=cmd|' /C calc'!A0,'+1,'-1,'@SUM,")
    parsed = parse_csv(data)
    assert not parsed.issues
    assert parsed.rows[0].record.texts["title"] == record.texts["title"]


# --------------------------------------------------------------------------- writing


def test_file_format_bom_crlf_fixed_columns_sorted_rows() -> None:
    data = written(
        ItemRecord("B-2", "map", {"title": {"en": "B"}}), rich_record(), ItemRecord("A-1", "object")
    )
    assert data.startswith(b"\xef\xbb\xbfidentifier,type,title@en,title@kk,title@ru,title@mn,")
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n")
    assert "\r\n".join(COLUMNS) not in text
    assert text.split("\r\n")[0] == ",".join(COLUMNS)
    idents = [line.split(",")[0] for line in text.split("\r\n")[1:] if line[:1].isalpha()]
    assert idents == ["A-1", "B-2", "BH-MAP-002"]
    # an embedded newline stays a bare \n inside quotes: the file's own line ends are \r\n
    assert '"Two lines,\nwith ""quotes"" and, commas"' in text


def test_the_same_records_give_the_same_bytes() -> None:
    a = rich_record()
    b = rich_record()
    b.tags.reverse()
    b.relations.reverse()
    assert written(a) == written(b)


def test_write_then_parse_gives_the_records_back() -> None:
    record = rich_record()
    other = ItemRecord("BH-MAP-001", "map", {"title": {"en": "x"}})
    parsed = parse_csv(written(record, other), known_identifiers={"BH-PHO-002"})
    assert not parsed.issues, messages(parsed.issues)
    assert parsed.columns == COLUMNS
    row = parsed.rows[1]
    assert row.row == 3
    got = row.record
    assert got.identifier == record.identifier and got.kind == record.kind
    assert got.texts == record.texts
    assert got.date_edtf == "-0399/-0200" and row.date_range == (-399, -200)
    assert (got.country, got.rights, got.source) == (record.country, record.rights, record.source)
    assert sorted(got.tags) == sorted(record.tags)
    assert sorted(got.relations) == sorted(record.relations)
    assert got.published and not got.featured
    assert got.media == record.media
    assert got.cover == MediaRef(SHA_B, None)


def test_a_pipe_in_a_file_name_or_tag_cannot_split_the_list() -> None:
    record = ItemRecord(
        "X", "object", {"title": {"en": "t"}}, tags=["a|b"], media=[MediaRef(SHA_A, "x|y.jpg")]
    )
    row = parse_csv(written(record)).rows[0].record
    assert row.tags == ["a/b"]
    assert row.media == [MediaRef(SHA_A, "x/y.jpg")]


# --------------------------------------------------------------------------- bad files


def test_windows_1251_is_refused_with_one_clear_error() -> None:
    data = "identifier,type,title@ru\r\nA-1,object,Карта мира\r\n".encode("cp1251")
    parsed = parse_csv(data)
    assert not parsed.rows
    assert len(parsed.issues) == 1
    message = parsed.issues[0].message
    assert "not UTF-8" in message and "Windows-1251" in message
    assert "line 2" in message and f"offset {data.index(b'A-1,object,') + 11}" in message
    assert "\n" not in message
    assert parsed.issues[0].row == 1


def test_utf16_is_refused() -> None:
    parsed = parse_csv("identifier,type,title@en\r\n".encode("utf-16"))
    assert len(parsed.issues) == 1 and "UTF-16" in parsed.issues[0].message


def test_the_byte_order_mark_is_optional() -> None:
    parsed = parse_csv(csv_bytes(HEADER, "A-1,object,Title", bom=False))
    assert not parsed.issues
    assert parsed.rows[0].record.texts == {"title": {"en": "Title"}}


def test_missing_required_columns_are_listed() -> None:
    parsed = parse_csv(csv_bytes("description@en", "x"))
    assert not parsed.rows
    assert [i.message for i in parsed.issues] == [
        "missing required columns: identifier, type, title@en"
    ]
    parsed = parse_csv(csv_bytes("identifier,title@kk", "A,x"))
    assert [(i.column, i.message) for i in parsed.issues] == [
        ("type", "the required column 'type' is missing")
    ]


@pytest.mark.parametrize(
    ("column", "message"),
    [
        ("titel@en", "unknown column 'titel@en' (did you mean 'title@en'?)"),
        ("descripton@kk", "did you mean 'description@kk'?"),
        ("coverage.spacial@ru", "did you mean 'coverage.spatial@ru'?"),
        ("publish", "did you mean 'published'?"),
        ("colour", "unknown column 'colour'"),
        ("title@de", "unknown language 'de' in 'title@de': use one of en, kk, ru, mn"),
        ("creator", "'creator' needs a language, e.g. creator@en"),
        ("rights@en", "'rights' is not translatable"),
    ],
)
def test_unknown_columns_are_refused_with_a_suggestion(column: str, message: str) -> None:
    parsed = parse_csv(csv_bytes(f"{HEADER},{column}", "A,object,T,x"))
    assert not parsed.rows
    assert len(parsed.issues) == 1
    assert parsed.issues[0].column == column
    assert message in parsed.issues[0].message


def test_column_names_are_case_insensitive_and_in_any_order() -> None:
    parsed = parse_csv(csv_bytes("Title@EN, Type ,IDENTIFIER", "T,map,A-1"))
    assert not parsed.issues
    assert parsed.rows[0].record.kind == "map"


def test_duplicate_columns_and_empty_files() -> None:
    assert "appears twice" in messages(parse_csv(csv_bytes(f"{HEADER},type", "A,map,T,map")).issues)
    assert "empty" in messages(parse_csv(b"").issues)
    assert "empty" in messages(parse_csv(b"\xef\xbb\xbf\r\n").issues)


def test_row_errors_name_the_spreadsheet_row_and_column() -> None:
    data = csv_bytes(
        f"{HEADER},date,coverage,rights,relation,published",
        "A-1,object,Good,1720~,KZ,https://creativecommons.org/licenses/by/4.0/,related:A-2,true",
        "A-2,sculpture,Bad kind,,,,,",
        "",  # a blank line is still a row in a spreadsheet
        "A-3,map,Bad date,c. 1720,,,,",
        "A-4,map,Bad country,,kz,,,",
        "A-5,map,Bad licence,,,CC-BY,,",
        "A-6,map,Bad relation,,,,depicts:NOPE|cousin_of:A-1|related,",
        "A-1,map,Duplicate,,,,,maybe",
        ",map,No identifier,,,,,",
        "A-9,map,Short row",
    )
    parsed = parse_csv(data)
    got = [(i.row, i.column, i.message) for i in parsed.issues]
    assert got == [
        (3, "type", "unknown type 'sculpture': use one of object, map, photograph, document"),
        (
            5,
            "date",
            "'c. 1720' is not an EDTF date: expected EDTF such as '1720', '1720~', '17XX', "
            "'168X', '1689/1695' or '../1500' (did you mean '1720~'?)",
        ),
        (6, "coverage", "'kz' is not an ISO 3166-1 country code such as KZ (did you mean 'KZ'?)"),
        (7, "rights", "'CC-BY' is not a licence URI (https://...)"),
        (8, "relation", "unknown relation 'cousin_of': use one of redrawing_of, depicts, related"),
        (8, "relation", "'related' is not relation:identifier (e.g. related:ACC-1)"),
        (8, "relation", "'depicts:NOPE': no item 'NOPE' in the file or the catalogue"),
        (9, "identifier", "'A-1' is already row 2"),
        (9, "published", "'maybe' is not true or false"),
        (10, "identifier", "the identifier (accession number) is empty"),
        (11, "", "the row has 3 cells but the header names 8 columns"),
    ]
    assert [r.row for r in parsed.rows] == [2, 3, 5, 6, 7, 8, 9, 10]


def test_relations_may_point_into_the_catalogue() -> None:
    data = csv_bytes(f"{HEADER},relation", "A-1,map,T,redrawing_of:OLD-1|related:A-1X")
    assert "A-1X" in messages(parse_csv(data, known_identifiers={"OLD-1"}).issues)
    assert not parse_csv(data, known_identifiers={"OLD-1", "A-1X"}).issues
    own = parse_csv(csv_bytes(f"{HEADER},relation", "A-1,map,T,related:A-1"))
    assert "cannot be 'related' of itself" in messages(own.issues)


def test_booleans_dates_and_empty_cells() -> None:
    data = csv_bytes(
        f"{HEADER},published,featured,date,coverage",
        "A,map,T,YES,0,17XX,",
        "B,map,T,,false,,MN",
    )
    a, b = (r for r in parse_csv(data).rows)
    assert (a.record.published, a.record.featured, a.date_range) == (True, False, (1700, 1799))
    assert a.record.country is None and a.has("coverage") and not a.has("rights")
    assert (b.record.published, b.record.date_edtf, b.date_range) == (False, None, None)


def test_media_cells_hash_name_and_cover() -> None:
    data = csv_bytes(
        f"{HEADER},media,cover",
        f"A,map,T,{SHA_A}:a.jpg|{SHA_B.upper()}|new picture.png,new picture.png",
        f"B,map,T,{SHA_A}:a.jpg,{SHA_B}",
        f"C,map,T,{SHA_A}:a.jpg|{SHA_A}:again.jpg,",
    )
    parsed = parse_csv(data)
    a = parsed.rows[0].record
    assert a.media == [
        MediaRef(SHA_A, "a.jpg"),
        MediaRef(SHA_B, None),
        MediaRef(None, "new picture.png"),
    ]
    assert a.cover == MediaRef(None, "new picture.png")
    assert [(i.row, i.column) for i in parsed.issues] == [(3, "cover"), (4, "media")]
    assert "listed twice" in parsed.issues[1].message


def test_not_valid_csv_is_one_error() -> None:
    parsed = parse_csv(csv_bytes(HEADER, 'A,map,"unterminated'))
    assert len(parsed.issues) == 1 and "not valid CSV" in parsed.issues[0].message


# --- control characters and identifiers that differ by case (issue 15) ---------------------


def test_control_characters_are_refused_per_row_and_column() -> None:
    """NUL and other control characters passed validation (``NEW\\x00X``) and later made
    ``copy-to`` PostgreSQL fail as a whole; each is now an issue naming its row and column,
    shown escaped. Tabs and line breaks stay legitimate in a (quoted) text cell."""
    data = csv_bytes(
        f"{HEADER},description@en,subject,source",
        'A-1,object,Fine,"two\nlines\tand a tab",,"from\ta\r\nfolder"',
        "NEW\x00X,object,Title,,,",
        "A-3,object,Bell\x07,,,",
        "A-4,object,T,,tag\x1b[2J,",
        '"A-5\n",object,T,,,',
        "A-6,map\t,T,,,",
        "A-7,object,T,C1\x85,,null\x00byte",
    )
    parsed = parse_csv(data)
    got = [str(i) for i in parsed.issues]
    assert got == [
        "row 3, identifier: contains a control character (\\x00)",
        "row 4, title@en: contains a control character (\\x07)",
        "row 5, subject: contains a control character (\\x1b)",
        "row 6, identifier: contains a control character (\\n)",
        "row 7, type: contains a control character (\\t)",
        "row 8, description@en: contains a control character (\\x85)",
        "row 8, source: contains a control character (\\x00)",
    ]
    assert all(s.isprintable() for s in got)
    first = parsed.rows[0].record
    assert first.texts["description"] == {"en": "two\nlines\tand a tab"}
    assert first.source == "from\ta\r\nfolder"


def test_identifiers_differing_only_by_case_are_one_item() -> None:
    parsed = parse_csv(
        csv_bytes(
            f"{HEADER},relation",
            "NEW-1,object,First,",
            "new-1,object,Second,",
            "A-2,object,Third,related:new-1|depicts:bh-map-002",
        ),
        known_identifiers={"BH-MAP-002"},
    )
    assert [str(i) for i in parsed.issues] == [
        "row 3, identifier: 'new-1' is already row 2 as 'NEW-1' (identifiers do not differ "
        "by upper and lower case)"
    ]
    # Relations take the spelling of the row or of the catalogue they name.
    assert parsed.rows[2].record.relations == [("related", "NEW-1"), ("depicts", "BH-MAP-002")]


def test_a_row_matching_a_known_item_by_case_takes_its_spelling() -> None:
    parsed = parse_csv(csv_bytes(HEADER, "bh-map-002,map,T"), known_identifiers={"BH-MAP-002"})
    assert parsed.issues == []
    assert parsed.rows[0].record.identifier == "BH-MAP-002"
