"""Importing a folder: one item per image, each committed on its own, duplicates reported."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Item, ItemMedia, Media
from exhibition_app.errors import CatalogError
from exhibition_app.imaging.phash import NEAR_DUPLICATE_BITS
from exhibition_app.operations import bulk
from exhibition_app.operations.bulk import folder_files, import_folder, title_from_filename
from exhibition_app.operations.check import check_catalog

DATA = Path(__file__).resolve().parent.parent / "data"
PHOTO = DATA / "behaim-globe-photo.jpg"
PORTRAIT = DATA / "martin-behaim-portrait.jpg"


def picture(path: Path, seed: int, size: tuple[int, int] = (96, 72)) -> Path:
    """A small, smooth, random picture: different seeds give perceptually different images."""
    rng = random.Random(seed)
    small = Image.frombytes("RGB", (6, 5), rng.randbytes(6 * 5 * 3))
    path.parent.mkdir(parents=True, exist_ok=True)
    small.resize(size, Image.Resampling.BICUBIC).save(path)
    return path


def counts(catalog: Catalog) -> tuple[int, int, int]:
    with catalog.read_session() as s:
        items = s.scalar(select(func.count()).select_from(Item)) or 0
        media = s.scalar(select(func.count()).select_from(Media)) or 0
    return items, media, len(list(catalog.store.iter_relpaths()))


def titles(catalog: Catalog) -> dict[int, str]:
    with catalog.read_session() as s:
        return {i.id: i.text_map("title").get("en", "") for i in s.scalars(select(Item))}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Good images (one nested), a corrupt JPEG, a text file, hidden and system files."""
    root = tmp_path / "incoming"
    picture(root / "Astrolabe_front-side.png", 1)
    picture(root / "b_compass.png", 2)
    shutil.copy(PHOTO, root / "Behaim globe.jpg")
    picture(root / "drawer 2" / "seal.png", 3)
    (root / "broken.jpg").write_bytes(PHOTO.read_bytes()[:2500])
    (root / "notes.txt").write_text("inventory notes, not a picture\n")
    picture(root / ".hidden.png", 4)
    picture(root / ".cache" / "thumb.png", 5)
    (root / "Thumbs.db").write_bytes(b"\x00" * 64)
    (root / "empty folder").mkdir()
    return root


def test_a_folder_becomes_one_item_per_image(catalog: Catalog, folder: Path) -> None:
    result = import_folder(catalog, folder, kind="object")
    assert [i["file"] for i in result.imported] == [
        "Astrolabe_front-side.png",
        "Behaim globe.jpg",
        "b_compass.png",
        "drawer 2/seal.png",
    ]
    assert result.refused == [
        {
            "file": "broken.jpg",
            "reason": "the image is truncated or damaged (the JPEG header cannot be read)",
        },
        {"file": "notes.txt", "reason": "not an image (the file holds text or an unknown format)"},
    ]
    assert result.near_duplicates == [] and result.reused == [] and result.duplicates == []
    assert not result.cancelled and result.total == 6
    assert counts(catalog) == (4, 4, 4)
    by_id = titles(catalog)
    assert [by_id[i["id"]] for i in result.imported] == [
        "Astrolabe front side",
        "Behaim globe",
        "b compass",
        "seal",
    ]
    with catalog.read_session() as s:
        items = s.scalars(select(Item)).all()
        assert {i.kind for i in items} == {"object"}
        assert not any(i.published for i in items)
        numbers = [i.accession_number for i in items]
        assert len(set(numbers)) == 4 and all(n.startswith("IMP-") for n in numbers)
        assert all(len(i.media_links) == 1 for i in items)
        media = s.scalars(select(Media)).all()
        assert all(m.phash and len(m.phash) == 16 for m in media)
        assert {m.original_name for m in media} == {
            "Astrolabe_front-side.png",
            "Behaim globe.jpg",
            "b_compass.png",
            "seal.png",
        }
    report = check_catalog(catalog)
    assert report.ok, report.problems


def test_importing_the_same_folder_again_changes_nothing(catalog: Catalog, folder: Path) -> None:
    first = import_folder(catalog, folder, kind="object")
    again = import_folder(catalog, folder, kind="map")
    assert again.imported == []
    ids = {i["file"]: i["id"] for i in first.imported}
    assert again.duplicates == [{"file": f, "id": n} for f, n in ids.items()]
    reasons = {r["file"]: r["reason"] for r in again.refused}
    for file, item_id in ids.items():
        assert reasons[file] == f"already in the catalogue as item {item_id}"
    assert "broken.jpg" in reasons and "notes.txt" in reasons
    assert counts(catalog) == (4, 4, 4)
    assert check_catalog(catalog).ok


def test_a_second_copy_in_the_same_folder_is_refused(catalog: Catalog, tmp_path: Path) -> None:
    root = tmp_path / "in"
    picture(root / "a.png", 7)
    (root / "copy").mkdir()
    shutil.copy(root / "a.png", root / "copy" / "a.png")
    result = import_folder(catalog, root, kind="object")
    assert [i["file"] for i in result.imported] == ["a.png"]
    item = result.imported[0]["id"]
    assert result.refused == [
        {"file": "copy/a.png", "reason": f"already in the catalogue as item {item}"}
    ]


def test_a_resized_re_encoded_copy_is_imported_with_a_warning(
    catalog: Catalog, tmp_path: Path
) -> None:
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(PHOTO, first / "globe.jpg")
    original = import_folder(catalog, first, kind="photograph").imported[0]["id"]

    later = tmp_path / "later"
    later.mkdir()
    with Image.open(PHOTO) as im:
        im.resize((64, 86), Image.Resampling.LANCZOS).save(later / "globe_small.jpg", quality=70)
        im.save(later / "globe.png")  # the same pixels, another format: new bytes
    shutil.copy(PORTRAIT, later / "portrait.jpg")
    result = import_folder(catalog, later, kind="photograph")
    assert [i["file"] for i in result.imported] == [
        "globe.png",
        "globe_small.jpg",
        "portrait.jpg",
    ]
    warned = {n["file"]: n for n in result.near_duplicates}
    assert set(warned) == {"globe.png", "globe_small.jpg"}  # not the portrait
    assert warned["globe.png"]["distance"] == 0
    small = warned["globe_small.jpg"]
    assert small["similar_to"] == original  # the older item wins over globe.png
    assert 0 < small["distance"] <= NEAR_DUPLICATE_BITS
    assert small["id"] == result.imported[1]["id"]
    assert counts(catalog) == (4, 4, 4)


def test_cancel_after_two_files_keeps_exactly_two_items(catalog: Catalog, folder: Path) -> None:
    calls: list[tuple[int, int, str | None]] = []

    def progress(done: int, total: int, current: str | None) -> None:
        calls.append((done, total, current))

    result = import_folder(
        catalog, folder, kind="object", progress=progress, cancelled=lambda: len(calls) >= 2
    )
    assert result.cancelled
    assert [i["file"] for i in result.imported] == ["Astrolabe_front-side.png", "Behaim globe.jpg"]
    assert calls == [
        (0, 6, "Astrolabe_front-side.png"),
        (1, 6, "Behaim globe.jpg"),
        (2, 6, None),
    ]
    assert counts(catalog) == (2, 2, 2)
    assert check_catalog(catalog).ok
    # Running it again finishes the job: what was committed is recognised.
    rest = import_folder(catalog, folder, kind="object")
    assert len(rest.imported) == 2 and len(rest.duplicates) == 2
    assert counts(catalog) == (4, 4, 4)


def test_progress_is_called_before_each_file_and_at_the_end(catalog: Catalog, folder: Path) -> None:
    calls: list[tuple[int, int, str | None]] = []
    import_folder(catalog, folder, kind="object", progress=lambda *a: calls.append(a))
    files = [
        "Astrolabe_front-side.png",
        "Behaim globe.jpg",
        "b_compass.png",
        "broken.jpg",
        "drawer 2/seal.png",
        "notes.txt",
    ]
    assert calls == [(n, 6, f) for n, f in enumerate(files)] + [(6, 6, None)]


def test_an_empty_folder_imports_nothing(catalog: Catalog, tmp_path: Path) -> None:
    calls: list[tuple[int, int, str | None]] = []
    (tmp_path / "empty").mkdir()
    result = import_folder(
        catalog, tmp_path / "empty", kind="map", progress=lambda *a: calls.append(a)
    )
    assert result.imported == [] and result.refused == [] and result.total == 0
    assert calls == [(0, 0, None)]


def test_publish_language_and_pixel_limit(catalog: Catalog, tmp_path: Path) -> None:
    root = tmp_path / "in"
    picture(root / "Small_map.png", 11, (60, 40))
    picture(root / "big-map.png", 12, (400, 300))
    result = import_folder(catalog, root, kind="map", lang="kk", publish=True, max_pixels=100_000)
    assert [i["file"] for i in result.imported] == ["Small_map.png"]
    assert result.refused == [
        {
            "file": "big-map.png",
            "reason": "400x300 pixels (120,000 pixels) is over the limit of 100,000 pixels",
        }
    ]
    with catalog.read_session() as s:
        item = s.get(Item, result.imported[0]["id"])
        assert item is not None
        assert item.published and item.kind == "map"
        assert item.text_map("title") == {"kk": "Small map"}
    assert catalog.max_pixels != 100_000  # the limit was for this run only


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_links_are_never_followed_out_of_the_folder(catalog: Catalog, tmp_path: Path) -> None:
    outside = picture(tmp_path / "private" / "secret.png", 21)
    root = tmp_path / "in"
    picture(root / "inside.png", 22)
    try:
        os.symlink(outside, root / "secret-link.png")
    except OSError:
        pytest.skip("cannot create symbolic links here")
    os.symlink(outside.parent, root / "private-folder")
    os.symlink(root / "inside.png", root / "inside-link.png")
    os.symlink(root / "nowhere.png", root / "dangling.png")
    result = import_folder(catalog, root, kind="object")
    assert [i["file"] for i in result.imported] == ["inside.png"]
    assert result.refused == [
        {"file": "dangling.png", "reason": "a broken link (not followed)"},
        {"file": "private-folder", "reason": "a link to outside the folder (not followed)"},
        {"file": "secret-link.png", "reason": "a link to outside the folder (not followed)"},
    ]
    assert counts(catalog) == (1, 1, 1)


def test_the_catalogues_own_assets_are_never_imported(catalog: Catalog, tmp_path: Path) -> None:
    # The curator picks the folder that also holds the catalogue and its assets.
    picture(tmp_path / "photo.png", 31)
    import_folder(catalog, tmp_path, kind="object")
    found = [f for f, _ in folder_files(tmp_path, skip=catalog.assets)]
    assert not [f for f in found if f.startswith("assets/")]
    assert counts(catalog)[0] == 1


def test_content_stored_without_an_item_is_reused(catalog: Catalog, tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(PHOTO, root / "globe.jpg")
    first = import_folder(catalog, root, kind="object").imported[0]["id"]
    with catalog.session() as s:
        item = s.get(Item, first)
        assert item is not None
        media_id = item.media_links[0].media_id
        s.delete(item)  # the media row (and its file) stay: other rows may point at them
    result = import_folder(catalog, root, kind="object")
    assert len(result.imported) == 1
    assert result.reused == [
        {"file": "globe.jpg", "id": result.imported[0]["id"], "media_id": media_id}
    ]
    assert result.near_duplicates == []  # its own picture is not a near-duplicate
    assert counts(catalog) == (1, 1, 1)


def test_an_error_stops_the_run_and_keeps_what_finished(
    catalog: Catalog, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = bulk.reindex_items
    calls = 0

    def failing_third_time(*args: object, **kwargs: object) -> int:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("disk on fire")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(bulk, "reindex_items", failing_third_time)
    with pytest.raises(RuntimeError, match="disk on fire"):
        import_folder(catalog, folder, kind="object")
    assert counts(catalog) == (2, 2, 2)  # the third file was removed again
    assert check_catalog(catalog).ok


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "statue"}, "unknown kind"),
        ({"kind": "map", "lang": "de"}, "unknown language"),
        ({"kind": "map", "max_pixels": 0}, "positive number"),
    ],
)
def test_bad_arguments_are_refused_before_any_work(
    catalog: Catalog, folder: Path, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(CatalogError, match=message):
        import_folder(catalog, folder, **kwargs)  # type: ignore[arg-type]
    assert counts(catalog) == (0, 0, 0)


def test_a_missing_folder_or_a_file_is_refused(catalog: Catalog, folder: Path) -> None:
    with pytest.raises(CatalogError, match="there is no folder"):
        import_folder(catalog, folder / "nope", kind="map")
    with pytest.raises(CatalogError, match="is not a folder"):
        import_folder(catalog, folder / "notes.txt", kind="map")


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Behaim_globe-1492.jpg", "Behaim globe 1492"),
        ("map  of__Asia.tif", "map of Asia"),
        ("Қазақ_картасы.png", "Қазақ картасы"),
        ("a.b.png", "a.b"),
        ("___.jpg", "___"),
        ("tab\there.png", "tab here"),
    ],
)
def test_titles_come_from_file_names(name: str, title: str) -> None:
    assert title_from_filename(name) == title


def test_item_media_are_distinct(catalog: Catalog, folder: Path) -> None:
    import_folder(catalog, folder, kind="object")
    with catalog.read_session() as s:
        links = s.execute(select(ItemMedia.item_id, ItemMedia.media_id)).all()
    assert len({m for _, m in links}) == len(links) == 4
