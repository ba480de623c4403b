"""Pictures dropped into the curator's workspace: onto an item (one revision for the lot,
refusals and look-alikes reported in file order, undo data) or as new items."""

from __future__ import annotations

from PIL import Image

from exhibition_app.operations import curation
from exhibition_app.operations.history import history
from exhibition_app.operations.ingest import import_image
from exhibition_app.operations.media_ops import media_order
from exhibition_app.operations.pictures import (
    PictureNote,
    add_pictures_to_item,
    import_files_as_items,
)


def pattern(path, size=(160, 120)):  # type: ignore[no-untyped-def]
    """A picture with broad structure (a diagonal gradient and a dark block), so its
    perceptual hash survives a smaller copy."""
    w, h = size
    image = Image.new("L", size)
    image.putdata([(255 * (x + y)) // (w + h) for y in range(h) for x in range(w)])
    image.paste(20, (w // 8, h // 2, w // 2, h - h // 8))
    image.convert("RGB").save(path)
    return path


def test_adding_pictures_reports_look_alikes_and_refusals(catalog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    original = pattern(tmp_path / "original.png")
    shown_in = import_image(catalog, original, kind="photograph", title="Original")
    target = curation.create_draft_item(catalog, "object", "A felt rug", "aigerim")
    copy = tmp_path / "smaller_copy.jpg"
    with Image.open(original) as im:
        im.convert("RGB").resize((80, 60)).save(copy, quality=70)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a picture at all")

    added = add_pictures_to_item(catalog, target, [copy, broken], "aigerim", "pictures added")

    assert added.before == []
    with catalog.read_session() as s:
        assert media_order(s, target) == added.after
        rows = history(s, "item", target)
    assert len(added.after) == 1
    assert added.notes[0] == PictureNote("smaller_copy.jpg", looks_like=shown_in)
    assert added.notes[1].file == "broken.jpg" and added.notes[1].reason
    assert len(added.notes) == 2
    assert rows[0]["summary"] == "pictures added" and rows[0]["user_name"] == "aigerim"
    card = curation.item_card_of(catalog, target)
    assert card is not None and len(card.media) == 1


def test_pictures_of_the_same_item_are_not_look_alikes(catalog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = pattern(tmp_path / "first.png")
    item_id = import_image(catalog, first, kind="photograph", title="Twice")
    again = tmp_path / "again.jpg"
    with Image.open(first) as im:
        im.convert("RGB").save(again, quality=80)
    added = add_pictures_to_item(catalog, item_id, [again], None)
    assert added.notes == [] and len(added.after) == len(added.before) + 1


def test_files_become_new_items_and_refusals_are_listed(catalog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = pattern(tmp_path / "yurt_at_dawn.png")
    bad = tmp_path / "notes.txt"
    bad.write_text("not an image")
    data = import_files_as_items(catalog, [good, bad], "photograph")
    assert [row["file"] for row in data["imported"]] == ["yurt_at_dawn.png"]
    assert [row["file"] for row in data["refused"]] == ["notes.txt"]
    card = curation.item_card_of(catalog, int(data["imported"][0]["id"]))
    assert card is not None and card.kind == "photograph" and card.texts["title"]
