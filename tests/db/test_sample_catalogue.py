"""The shipped sample exhibition: complete, credited, current, and whole."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.core.languages import LANGUAGES
from exhibition_app.db.engine import head_revision
from exhibition_app.db.models import Exhibition, Item
from exhibition_app.operations.check import check_catalog

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_catalogue_is_at_the_newest_schema() -> None:
    # A user's first start must never need an upgrade (or write a backup into the checkout).
    con = sqlite3.connect(f"file:{ROOT / 'catalog.db'}?mode=ro", uri=True)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )
    finally:
        con.close()


def test_sample_is_whole(sample_catalog: Catalog) -> None:
    report = check_catalog(sample_catalog)
    assert report.ok, report.problems
    assert report.media_checked == 9


def test_every_item_speaks_four_languages_and_is_credited(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as s:
        items = s.scalars(select(Item)).all()
        kinds = {i.kind for i in items}
        assert {"map", "object", "photograph"} <= kinds
        assert sum(i.kind == "object" for i in items) >= 8
        for item in items:
            for field in ("title", "description", "credit_line"):
                assert set(item.text_map(field)) >= set(LANGUAGES), (item.accession_number, field)
            assert item.rights and item.rights.startswith("https://creativecommons.org/")
            # Every exhibit is published; the "now" layers are reference maps, not exhibits.
            assert item.published or "now layer" in item.tags, item.accession_number
        countries = {i.country for i in items if i.country}
        assert {"KZ", "KG", "TJ", "TM", "UZ", "MN"} <= countries


def test_maps_are_the_real_scans_and_georeferenced(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as s:
        maps = s.scalars(select(Item).where(Item.kind == "map")).all()
        assert len(maps) == 7  # 5 exhibits and 2 "now" reference layers
        for m in maps:
            assert m.georef == '{"type": "equirectangular"}'
            assert m.cover_media is not None
            assert m.cover_media.width == 2 * m.cover_media.height  # plate carree
        behaim = next(m for m in maps if m.accession_number == "BH-MAP-002")
        assert "CC BY-SA 3.0" in behaim.text_map("credit_line")["en"]
        redrawn = [m for m in maps if any(r.relation == "redrawing_of" for r in m.relations)]
        assert {r.object_id for m in redrawn for r in m.relations} == {behaim.id}


def test_exhibition_has_sections_with_narrative_covering_every_item(
    sample_catalog: Catalog,
) -> None:
    with sample_catalog.read_session() as s:
        exhibitions = s.scalars(select(Exhibition)).all()
        first = exhibitions[0]
        assert first.text_map("title")["en"] == "Bridging Horizons: Central Asia and Mongolia"
        assert len(first.sections) >= 3
        for section in first.sections:
            assert set(section.text_map("narrative")) >= set(LANGUAGES)
        shown = {i for e in exhibitions for sec in e.sections for i in sec.item_ids}
        assert shown == set(s.scalars(select(Item.id).where(Item.published.is_(True))))


def test_reading_the_shipped_catalogue_leaves_the_file_unchanged(tmp_path: Path) -> None:
    """`make run` must not turn the committed catalog.db into a modified file."""
    import shutil

    from exhibition_app.operations.views import load_gallery

    db = tmp_path / "catalog.db"
    shutil.copyfile(ROOT / "catalog.db", db)
    before = db.read_bytes()
    with Catalog.open(db, tmp_path / "assets") as cat, cat.read_session() as s:
        assert load_gallery(s).items
    assert db.read_bytes() == before
