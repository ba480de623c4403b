"""Importing an image as an item: atomic, deduplicated, and clean when refused or failing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Item, Media
from exhibition_app.errors import CatalogError
from exhibition_app.imaging.ingest import ImageRefused
from exhibition_app.operations import ingest
from exhibition_app.operations.check import check_catalog
from exhibition_app.operations.ingest import import_image

DATA = Path(__file__).resolve().parent.parent / "data"
PHOTO = DATA / "behaim-globe-photo.jpg"


def counts(catalog: Catalog) -> tuple[int, int, int]:
    with catalog.read_session() as s:
        items = s.scalar(select(func.count()).select_from(Item)) or 0
        media = s.scalar(select(func.count()).select_from(Media)) or 0
    files = len(list(catalog.store.iter_relpaths()))
    return items, media, files


def test_import_creates_item_media_and_file(catalog: Catalog) -> None:
    item_id = import_image(catalog, PHOTO, kind="photograph", title="Globe", lang="en")
    with catalog.read_session() as s:
        item = s.get(Item, item_id)
        assert item is not None
        assert item.text_map("title") == {"en": "Globe"}
        assert item.cover_media is not None
        assert (item.cover_media.width, item.cover_media.height) == (128, 173)
        assert not item.published
    assert counts(catalog) == (1, 1, 1)
    assert check_catalog(catalog).ok


def test_same_file_twice_is_stored_once(catalog: Catalog) -> None:
    import_image(catalog, PHOTO, kind="photograph", title="A")
    import_image(catalog, PHOTO, kind="photograph", title="B")
    assert counts(catalog) == (2, 1, 1)


def test_refused_image_leaves_nothing(catalog: Catalog, tmp_path: Path) -> None:
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(PHOTO.read_bytes()[:3000])
    with pytest.raises(ImageRefused, match=r"truncated|damaged"):
        import_image(catalog, bad, kind="photograph", title="Broken")
    assert counts(catalog) == (0, 0, 0)
    assert not [p for p in catalog.assets.rglob("*") if p.is_file()]


def test_failed_commit_removes_the_new_file(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ingest, "reindex_items", boom)
    with pytest.raises(RuntimeError):
        import_image(catalog, PHOTO, kind="photograph", title="X")
    assert counts(catalog) == (0, 0, 0)
    assert check_catalog(catalog).ok


def test_failed_commit_keeps_a_file_another_item_uses(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_image(catalog, PHOTO, kind="photograph", title="Kept")
    monkeypatch.setattr(ingest, "reindex_items", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        import_image(catalog, PHOTO, kind="photograph", title="Lost")
    assert counts(catalog) == (1, 1, 1)
    assert check_catalog(catalog).ok


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "sculpture", "title": "T"}, "unknown kind"),
        ({"kind": "map", "title": "  "}, "needs a title"),
        ({"kind": "map", "title": "T", "lang": "de"}, "unknown language"),
    ],
)
def test_bad_arguments_are_refused_before_any_work(
    catalog: Catalog, kwargs: dict[str, str], message: str
) -> None:
    with pytest.raises((CatalogError, ValueError), match=message):
        import_image(catalog, PHOTO, **kwargs)  # type: ignore[arg-type]
    assert counts(catalog) == (0, 0, 0)


def test_duplicate_accession_number_is_refused(catalog: Catalog) -> None:
    import_image(catalog, PHOTO, kind="map", title="A", accession_number="ACC-1")
    with pytest.raises(CatalogError, match="already used"):
        import_image(catalog, PHOTO, kind="map", title="B", accession_number="ACC-1")
    assert counts(catalog)[0] == 1


def test_pixel_limit_is_configurable(catalog: Catalog, tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    Image.new("RGB", (400, 300), "navy").save(big)
    catalog.max_pixels = 100_000
    with pytest.raises(ImageRefused, match="over the limit"):
        import_image(catalog, big, kind="map", title="Too big")
    catalog.max_pixels = 200_000
    assert import_image(catalog, big, kind="map", title="Fits")
