"""An item's pictures: add (atomic, refused files leave nothing), order, cover, remove."""

from __future__ import annotations

import pytest
from PIL import Image

from exhibition_app.db.models import Item
from exhibition_app.errors import CatalogError
from exhibition_app.operations.ingest import import_image
from exhibition_app.operations.media_ops import (
    add_media,
    media_order,
    remove_media,
    reorder_media,
    set_cover,
)


def picture(path, colour):  # type: ignore[no-untyped-def]
    Image.new("RGB", (80, 60), colour).save(path)
    return path


def test_add_order_cover_remove(catalog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    item_id = import_image(catalog, picture(tmp_path / "a.png", "red"), kind="object", title="A")
    b = add_media(catalog, item_id, picture(tmp_path / "b.png", "green"))
    c = add_media(catalog, item_id, picture(tmp_path / "c.png", "blue"))
    with catalog.read_session() as s:
        a = media_order(s, item_id)[0]
        assert media_order(s, item_id) == [a, b, c]
        assert s.get(Item, item_id).cover_media.id == a  # no explicit cover: the first
    with catalog.session() as s:
        reorder_media(s, item_id, [c, a, b])
        assert set_cover(s, item_id, b) is None
    with catalog.read_session() as s:
        assert media_order(s, item_id) == [c, a, b]
        assert s.get(Item, item_id).cover_media_id == b
    with catalog.session() as s:
        remove_media(s, item_id, b)
    with catalog.read_session() as s:
        assert media_order(s, item_id) == [c, a]
        assert s.get(Item, item_id).cover_media.id == c


def test_refusals(catalog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    item_id = import_image(catalog, picture(tmp_path / "a.png", "red"), kind="object", title="A")
    with pytest.raises(CatalogError, match="already one of"):
        add_media(catalog, item_id, tmp_path / "a.png")
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff not really a jpeg")
    files_before = sorted(p.name for p in catalog.assets.rglob("*") if p.is_file())
    with pytest.raises(Exception):  # noqa: B017 - the ingest's own one-line refusal
        add_media(catalog, item_id, broken)
    assert sorted(p.name for p in catalog.assets.rglob("*") if p.is_file()) == files_before
    with catalog.session() as s:
        with pytest.raises(CatalogError, match="each of the item's pictures once"):
            reorder_media(s, item_id, [])
        with pytest.raises(CatalogError, match="not one of"):
            set_cover(s, item_id, 12345)
