"""New item ids on either engine: curators' "New item", a restored deleted item and imports
that let the database number rows all live side by side, also with two curators at once."""

from __future__ import annotations

import threading
from pathlib import Path

from PIL import Image

from exhibition_app.catalog import Catalog
from exhibition_app.operations.history import history, restore_item
from exhibition_app.operations.ingest import import_image
from exhibition_app.operations.items import create_item, delete_item


def _image(folder: Path, n: int) -> Path:
    path = folder / f"picture-{n}.png"
    Image.new("RGB", (40, 30), (n * 40 % 256, 90, 30)).save(path)
    return path


def _new(cat: Catalog, title: str) -> int:
    with cat.session() as s:
        return create_item(s, {"kind": "object", "texts": {"title": {"en": title}}}, None).id


def test_created_restored_and_imported_items_never_collide(
    catalog: Catalog, tmp_path: Path
) -> None:
    first = _new(catalog, "First")
    imported = import_image(catalog, _image(tmp_path, 1), kind="photograph", title="Imported")
    second = _new(catalog, "Second")
    assert len({first, imported, second}) == 3

    with catalog.session() as s:
        delete_item(s, second, None)
    third = _new(catalog, "Third")
    assert third > second  # a deleted item's id (and its history) is not handed out again
    with catalog.session() as s:
        created = [r for r in history(s, "item", second) if r["action"] == "create"]
        restore_item(s, created[0]["id"], None)  # comes back under its own id
    again = import_image(catalog, _image(tmp_path, 2), kind="photograph", title="Again")
    fourth = _new(catalog, "Fourth")
    assert len({first, imported, second, third, again, fourth}) == 6


def test_two_curators_creating_at_once_get_different_ids(catalog: Catalog) -> None:
    ids: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def curator(name: str) -> None:
        try:
            start.wait()
            for n in range(10):
                ids.append(_new(catalog, f"{name} {n}"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=curator, args=(n,)) for n in ("Aigerim", "Bat")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert len(ids) == len(set(ids)) == 20
