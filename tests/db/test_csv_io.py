"""CSV export and import against real catalogues: round trip, updates, media, all or none."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Item, ItemRelation, Media
from exhibition_app.db.search import search
from exhibition_app.interop.csv_dc import parse_csv
from exhibition_app.operations import csv_io
from exhibition_app.operations.check import check_catalog
from exhibition_app.operations.csv_io import export_csv, import_csv, item_records, preview_csv
from exhibition_app.operations.history import history, revision_snapshot

DATA = Path(__file__).resolve().parent.parent / "data"
PHOTO = DATA / "behaim-globe-photo.jpg"
HEADER = "identifier,type,title@en"


def write_csv_file(path: Path, *lines: str) -> Path:
    path.write_bytes(("\r\n".join([*lines, ""])).encode("utf-8-sig"))
    return path


def export_bytes(catalog: Catalog, path: Path) -> bytes:
    with catalog.read_session() as s:
        export_csv(s, path)
    return path.read_bytes()


def counts(catalog: Catalog) -> tuple[int, int, int]:
    with catalog.read_session() as s:
        items = s.scalar(select(func.count()).select_from(Item)) or 0
        media = s.scalar(select(func.count()).select_from(Media)) or 0
    return items, media, len(list(catalog.store.iter_relpaths()))


def item(catalog: Catalog, accession: str) -> Item:
    with catalog.read_session() as s:
        found = s.scalar(select(Item).where(Item.accession_number == accession))
        assert found is not None
        return found


@pytest.fixture
def empty(tmp_path: Path) -> Catalog:
    cat = Catalog.open(tmp_path / "empty.db", tmp_path / "empty-assets")
    yield cat  # type: ignore[misc]
    cat.close()


# --------------------------------------------------------------------------- round trip


def test_export_import_export_is_byte_identical(
    sample_catalog: Catalog, empty: Catalog, tmp_path: Path
) -> None:
    first = export_bytes(sample_catalog, tmp_path / "first.csv")
    result = import_csv(empty, tmp_path / "first.csv", media_from=sample_catalog.assets / "media")
    assert result["errors"] == []
    assert (result["imported"], result["created"], result["updated"]) == (21, 21, 0)
    assert result["media_copied"] == 9
    assert export_bytes(empty, tmp_path / "second.csv") == first
    assert counts(empty) == (21, 9, 9)
    assert check_catalog(empty).ok
    # search index and relations came along
    with empty.read_session() as s:
        assert search(s, "Erdapfel").item_ids
        assert s.scalar(select(func.count()).select_from(ItemRelation)) == 5
    globe = item(empty, "BH-MAP-002")
    assert globe.date_earliest == 1492 and globe.published and globe.featured
    issyk = item(empty, "BH-OBJ-003")
    assert (issyk.date_edtf, issyk.date_earliest, issyk.date_latest) == ("-0399/-0200", -399, -200)


def test_reimporting_an_export_changes_nothing(sample_catalog: Catalog, tmp_path: Path) -> None:
    first = export_bytes(sample_catalog, tmp_path / "a.csv")
    before = {r.identifier: r for r in _records(sample_catalog)}
    stamps = _updated_at(sample_catalog)
    result = import_csv(sample_catalog, tmp_path / "a.csv")
    assert result["errors"] == []
    assert (result["created"], result["updated"], result["unchanged"]) == (0, 0, 21)
    assert _updated_at(sample_catalog) == stamps
    assert {r.identifier: r for r in _records(sample_catalog)} == before
    assert export_bytes(sample_catalog, tmp_path / "b.csv") == first


def _records(catalog: Catalog) -> list[object]:
    with catalog.read_session() as s:
        return list(item_records(s))


def _updated_at(catalog: Catalog) -> dict[str, object]:
    with catalog.read_session() as s:
        return dict(s.execute(select(Item.accession_number, Item.updated_at)).all())


def test_export_to_a_stream_and_to_a_path_agree(sample_catalog: Catalog, tmp_path: Path) -> None:
    import io

    stream = io.BytesIO()
    with sample_catalog.read_session() as s:
        assert export_csv(s, stream) == 21
    assert stream.getvalue() == export_bytes(sample_catalog, tmp_path / "x.csv")
    assert not list(tmp_path.glob(".tmp-*"))


# --------------------------------------------------------------------------- updates


def test_rows_update_existing_items_and_absent_columns_are_kept(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    before = item(sample_catalog, "BH-MAP-002")
    description = before.text_map("description")
    csv_file = write_csv_file(
        tmp_path / "edit.csv",
        f"{HEADER},title@kk,published,subject",
        "BH-MAP-002,map,Behaim's globe (edited),,false,globe|edited",
        "NEW-1,document,A new letter,Жаңа хат,true,",
    )
    result = import_csv(sample_catalog, csv_file)
    assert result["errors"] == []
    assert (result["created"], result["updated"], result["unchanged"]) == (1, 1, 0)
    after = item(sample_catalog, "BH-MAP-002")
    assert after.text_map("title")["en"] == "Behaim's globe (edited)"
    assert "kk" not in after.text_map("title")  # an empty cell of a present column clears
    assert after.text_map("title")["ru"] == before.text_map("title")["ru"]  # absent: kept
    assert after.text_map("description") == description
    assert not after.published and after.featured == before.featured
    assert after.tags == ["edited", "globe"]
    assert [m.sha256 for m in after.media] == [m.sha256 for m in before.media]
    new = item(sample_catalog, "NEW-1")
    assert new.kind == "document" and new.published
    assert new.text_map("title") == {"en": "A new letter", "kk": "Жаңа хат"}
    with sample_catalog.read_session() as s:
        assert s.get(Item, new.id) is not None
        assert new.id in search(s, "Жаңа хат").item_ids
        assert after.id in search(s, "edited").item_ids
    assert check_catalog(sample_catalog).ok
    with sample_catalog.read_session() as s:
        revisions = history(s, "item", after.id)
        baseline = revision_snapshot(s, revisions[1]["id"])
    assert [(r["action"], r["summary"]) for r in revisions] == [
        ("update", "CSV edit.csv"),
        ("import", "as it was before the first recorded change"),
    ]
    assert baseline is not None and baseline["texts"]["title"] == before.text_map("title")
    assert after.updated_at > before.updated_at


def test_media_order_cover_and_relations_are_replaced(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    globe, photo = item(sample_catalog, "BH-MAP-002"), item(sample_catalog, "BH-PHO-001")
    a, b = globe.media[0], photo.media[0]
    csv_file = write_csv_file(
        tmp_path / "media.csv",
        f"{HEADER},media,cover,relation",
        f"BH-MAP-002,map,Globe,{b.sha256}:{b.original_name}|{a.sha256},{a.sha256},"
        "depicts:BH-PHO-001|related:BH-MAP-001",
    )
    result = import_csv(sample_catalog, csv_file)
    assert result["errors"] == [] and result["updated"] == 1
    after = item(sample_catalog, "BH-MAP-002")
    assert [m.sha256 for m in after.media] == [b.sha256, a.sha256]
    assert after.cover_media is not None and after.cover_media.sha256 == a.sha256
    ids = {item(sample_catalog, x).id: x for x in ("BH-PHO-001", "BH-MAP-001")}
    assert sorted((ids[r.object_id], r.relation) for r in after.relations) == [
        ("BH-MAP-001", "related"),
        ("BH-PHO-001", "depicts"),
    ]
    # taking a picture away from an item whose cover it was clears the cover
    write_csv_file(tmp_path / "media.csv", f"{HEADER},media", f"BH-MAP-002,map,Globe,{b.sha256}")
    assert import_csv(sample_catalog, csv_file)["errors"] == []
    after = item(sample_catalog, "BH-MAP-002")
    assert after.cover is None and [m.sha256 for m in after.media] == [b.sha256]


def test_an_item_keeps_a_title(sample_catalog: Catalog, tmp_path: Path) -> None:
    ok = write_csv_file(tmp_path / "ok.csv", "identifier,type,title@en", "BH-MAP-002,map,")
    assert import_csv(sample_catalog, ok)["errors"] == []  # kk/ru/mn titles remain
    # A title in the traditional script (title@mn-Mong) is a title too: clear it as well.
    bad = write_csv_file(
        tmp_path / "bad.csv",
        "identifier,type,title@en,title@kk,title@ru,title@mn,title@mn-Mong",
        "BH-MAP-002,map,,,,,",
        "NEW-1,map,,,,,",
    )
    result = import_csv(sample_catalog, bad)
    assert [(e["row"], e["column"]) for e in result["errors"]] == [(2, "title"), (3, "title")]


# --------------------------------------------------------------------------- media lookup


def test_media_found_by_original_name_or_by_content(empty: Catalog, tmp_path: Path) -> None:
    folder = tmp_path / "pictures"
    (folder / "sub").mkdir(parents=True)
    shutil.copyfile(PHOTO, folder / "sub" / PHOTO.name)
    renamed = folder / "renamed.jpg"
    shutil.copyfile(DATA / "martin-behaim-portrait.jpg", renamed)
    from exhibition_app.imaging.store import sha256_file

    portrait_sha = sha256_file(renamed)
    csv_file = write_csv_file(
        tmp_path / "m.csv",
        f"{HEADER},media",
        f"P-1,photograph,By name,{PHOTO.name}",
        f"P-2,photograph,By hash,{portrait_sha}:portrait-original.jpg",
        f"P-3,photograph,Both,{portrait_sha}|{PHOTO.name}",
    )
    with empty.read_session() as s:
        preview = preview_csv(s, csv_file, folder, store=empty.store)
    assert preview.ok, preview.errors
    assert [(m.where, m.how) for m in preview.media] == [
        ("media-from", "name"),
        ("media-from", "hash"),
    ]
    result = import_csv(empty, csv_file, media_from=folder)
    assert result["errors"] == [] and result["media_copied"] == 2
    assert counts(empty) == (3, 2, 2)
    assert item(empty, "P-2").media[0].original_name == "portrait-original.jpg"
    photo_sha = item(empty, "P-1").media[0].sha256
    assert [m.sha256 for m in item(empty, "P-3").media] == [portrait_sha, photo_sha]
    # a name-only entry now finds the picture in the catalogue, without --media-from
    again = write_csv_file(tmp_path / "again.csv", f"{HEADER},media", f"P-4,map,T,{PHOTO.name}")
    assert import_csv(empty, again)["errors"] == []
    assert counts(empty) == (4, 2, 2)


def test_media_found_in_the_catalogues_own_store(empty: Catalog, tmp_path: Path) -> None:
    stored = empty.store.put(PHOTO)  # a file in the store that no row uses (yet)
    csv_file = write_csv_file(
        tmp_path / "s.csv", f"{HEADER},media", f"P-1,photograph,T,{stored.sha256}:globe.jpg"
    )
    result = import_csv(empty, csv_file)
    assert result["errors"] == [] and result["media_copied"] == 0
    assert counts(empty) == (1, 1, 1)
    assert check_catalog(empty).ok


def test_a_file_found_by_name_with_other_content_is_an_error(
    empty: Catalog, tmp_path: Path
) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir()
    shutil.copyfile(PHOTO, folder / "globe.jpg")
    csv_file = write_csv_file(
        tmp_path / "x.csv", f"{HEADER},media", f"P-1,photograph,T,{'b' * 64}:globe.jpg"
    )
    result = import_csv(empty, csv_file, media_from=folder)
    assert [e["row"] for e in result["errors"]] == [2]
    assert "other content" in result["errors"][0]["message"]
    assert counts(empty) == (0, 0, 0)


def test_missing_media_is_a_row_error_and_nothing_is_imported(
    sample_catalog: Catalog, empty: Catalog, tmp_path: Path
) -> None:
    export_bytes(sample_catalog, tmp_path / "a.csv")
    result = import_csv(empty, tmp_path / "a.csv")  # no --media-from
    rows = {e["row"] for e in result["errors"]}
    assert len(rows) == 9 and all(e["column"] == "media" for e in result["errors"])
    assert "use --media-from DIR" in result["errors"][0]["message"]
    assert result["imported"] == 0
    assert counts(empty) == (0, 0, 0)


# --------------------------------------------------------------------------- all or none


def test_one_bad_row_among_good_ones_imports_nothing(empty: Catalog, tmp_path: Path) -> None:
    csv_file = write_csv_file(
        tmp_path / "b.csv",
        f"{HEADER},date",
        "A-1,object,Good,1720",
        "A-2,object,Good,17XX",
        "A-3,object,Bad,not a date at all",
        "A-4,object,Good,",
    )
    result = import_csv(empty, csv_file)
    assert [(e["row"], e["column"]) for e in result["errors"]] == [(4, "date")]
    assert (result["imported"], result["created"]) == (0, 0)
    assert counts(empty) == (0, 0, 0)


def test_a_nul_or_control_character_is_refused_with_row_and_column(
    catalog: Catalog, tmp_path: Path
) -> None:
    """Issue 15: ``NEW\x00X`` passed CSV validation on SQLite and later made ``copy-to``
    PostgreSQL fail as a whole with a DataError naming no row; now nothing is imported
    and the row and column are named, on either engine."""
    csv_file = write_csv_file(
        tmp_path / "nul.csv",
        HEADER,
        "A-1,object,Good",
        "NEW\x00X,object,Nul",
        "A-3,object,Bell\x07",
    )
    with catalog.read_session() as s:
        before = s.scalar(select(func.count()).select_from(Item))
    result = import_csv(catalog, csv_file)
    assert [(e["row"], e["column"], e["message"]) for e in result["errors"]] == [
        (3, "identifier", "contains a control character (\\x00)"),
        (4, "title@en", "contains a control character (\\x07)"),
    ]
    assert result["imported"] == 0
    with catalog.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Item)) == before


def test_identifiers_compare_case_insensitively_keeping_the_stored_spelling(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    """A row 'bh-map-002' updates BH-MAP-002 (not a second item), which keeps its
    spelling; two rows 'NEW-1' and 'new-1' are a duplicate."""
    with sample_catalog.read_session() as s:
        before = s.scalar(select(func.count()).select_from(Item))
    update = write_csv_file(
        tmp_path / "case.csv",
        f"{HEADER},relation",
        "bh-map-002,map,Behaim's globe (lower case row),",
        "NEW-2,document,New,related:Bh-Map-002",
    )
    result = import_csv(sample_catalog, update)
    assert result["errors"] == []
    assert (result["created"], result["updated"]) == (1, 1)
    assert item(sample_catalog, "BH-MAP-002").text_map("title")["en"] == (
        "Behaim's globe (lower case row)"
    )
    with sample_catalog.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Item)) == before + 1
        assert s.scalar(select(Item).where(Item.accession_number == "bh-map-002")) is None
        new_id = s.scalar(select(Item.id).where(Item.accession_number == "NEW-2"))
        related = s.scalars(
            select(Item.accession_number)
            .join(ItemRelation, ItemRelation.object_id == Item.id)
            .where(ItemRelation.subject_id == new_id)
        ).all()
    assert related == ["BH-MAP-002"]
    twice = write_csv_file(tmp_path / "twice.csv", HEADER, "NEW-1,object,A", "new-1,object,B")
    result = import_csv(sample_catalog, twice)
    assert [(e["row"], e["column"]) for e in result["errors"]] == [(3, "identifier")]
    assert result["imported"] == 0


def test_dry_run_changes_nothing(sample_catalog: Catalog, empty: Catalog, tmp_path: Path) -> None:
    export_bytes(sample_catalog, tmp_path / "a.csv")
    result = import_csv(
        empty, tmp_path / "a.csv", media_from=sample_catalog.assets / "media", dry_run=True
    )
    assert result["errors"] == [] and result["dry_run"] is True
    assert (result["imported"], result["created"], result["media_copied"]) == (21, 21, 9)
    assert counts(empty) == (0, 0, 0)
    assert not [p for p in empty.assets.rglob("*") if p.is_file()]


def test_a_failed_transaction_removes_the_files_it_added(
    sample_catalog: Catalog, empty: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export_bytes(sample_catalog, tmp_path / "a.csv")

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(csv_io, "_index_new", boom)
    with pytest.raises(RuntimeError, match="disk on fire"):
        import_csv(empty, tmp_path / "a.csv", media_from=sample_catalog.assets / "media")
    assert counts(empty) == (0, 0, 0)
    assert check_catalog(empty).ok


def test_a_refused_picture_imports_nothing_and_leaves_no_file(
    empty: Catalog, tmp_path: Path
) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir()
    shutil.copyfile(PHOTO, folder / "good.jpg")
    (folder / "broken.jpg").write_bytes(PHOTO.read_bytes()[:3000])
    csv_file = write_csv_file(
        tmp_path / "r.csv",
        f"{HEADER},media",
        "A,photograph,T,good.jpg",
        "B,photograph,T,broken.jpg",
    )
    result = import_csv(empty, csv_file, media_from=folder)
    assert [(e["row"], e["column"]) for e in result["errors"]] == [(3, "media")]
    assert counts(empty) == (0, 0, 0)


def test_formula_cells_survive_the_round_trip(empty: Catalog, tmp_path: Path) -> None:
    cells = ["=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1:A2)"]
    lines = [f"{HEADER},title@kk,title@ru,title@mn,source"]
    lines.append("F-1,object," + ",".join(f'"{c}"' for c in cells) + ",'=already")
    csv_file = write_csv_file(tmp_path / "f.csv", *lines)
    assert import_csv(empty, csv_file)["errors"] == []
    stored = item(empty, "F-1")
    assert stored.text_map("title") == dict(zip(("en", "kk", "ru", "mn"), cells, strict=True))
    assert stored.source == "=already"
    data = export_bytes(empty, tmp_path / "out.csv").decode("utf-8-sig")
    assert "'=cmd|' /C calc'!A0,'+1,'-1,'@SUM(A1:A2)," in data
    assert ",'=already," in data
    assert not any(
        cell.startswith(("=", "+", "-", "@")) for cell in data.replace("\r\n", ",").split(",")
    )
    assert import_csv(empty, tmp_path / "out.csv")["unchanged"] == 1


# --------------------------------------------------------------------------- 100,000 rows


ROWS = 100_000


def big_file(path: Path, *, bad_last: bool = False) -> Path:
    lines = [HEADER] + [f"ACC-{i:06d},object,Item {i}" for i in range(ROWS)]
    if bad_last:
        lines[-1] = f"ACC-{ROWS - 1:06d},sculpture,Item"
    return write_csv_file(path, *lines)


def test_100k_rows_import(empty: Catalog, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    csv_file = big_file(tmp_path / "big.csv")
    started = time.perf_counter()
    result = import_csv(empty, csv_file)
    elapsed = time.perf_counter() - started
    with capsys.disabled():
        print(f"\n100,000-row CSV import: {elapsed:.1f} s")
    assert result["errors"] == []
    assert (result["imported"], result["created"]) == (ROWS, ROWS)
    with empty.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Item)) == ROWS
        assert search(s, "Item 99999").item_ids
        last = s.scalar(select(Item).where(Item.accession_number == "ACC-099999"))
        assert last is not None and last.text_map("title") == {"en": "Item 99999"}


def test_100k_rows_with_one_bad_row_at_the_end_import_nothing(
    empty: Catalog, tmp_path: Path
) -> None:
    result = import_csv(empty, big_file(tmp_path / "bad.csv", bad_last=True))
    assert [(e["row"], e["column"]) for e in result["errors"]] == [(ROWS + 1, "type")]
    assert result["imported"] == 0
    assert counts(empty) == (0, 0, 0)


def test_parse_of_100k_rows_reports_every_row_number_right(tmp_path: Path) -> None:
    data = big_file(tmp_path / "b.csv").read_bytes()
    parsed = parse_csv(data)
    assert not parsed.issues and len(parsed.rows) == ROWS
    assert parsed.rows[-1].row == ROWS + 1
