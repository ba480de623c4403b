"""The kiosk preflight (issue 12): the sample fits at every screen shape and language, a
300-character title is reported, and the command prints exactly the promised JSON."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QFont

from exhibition_app.catalog import Catalog
from exhibition_app.ui.app import make_app
from exhibition_app.ui.kiosk.layout import ScreenShape, touch_px
from exhibition_app.ui.kiosk.preflight import DEFAULT_SIZES, preflight
from exhibition_app.ui.text_fit import fit_text
from exhibition_app.ui.theme import SANS

# One size per case (about 15 s each on a quiet machine); ``-m "not slow"`` keeps 1920x1080.
SIZES = [
    pytest.param(size, marks=() if size == (1920, 1080) else pytest.mark.slow)
    for size in DEFAULT_SIZES
]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_sample_fits_the_kiosk_in_every_language(
    qtbot, sample_catalog: Catalog, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    make_app()
    report = preflight(lambda: sample_catalog, [size], ["en", "kk", "ru", "mn"])
    assert report.checked > 500
    assert [p for p in report.problems] == []


def test_a_300_character_title_is_reported(qtbot, sample_catalog: Catalog) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.operations.curation import create_draft_item, set_item_published

    make_app()
    title = ("Behaim's globe redrawn by the Paris geographer " * 7)[:300]
    assert len(title) == 300
    item_id = create_draft_item(sample_catalog, "map", title, None)
    set_item_published(sample_catalog, item_id, True, None)
    report = preflight(lambda: sample_catalog, [(1280, 800)], ["en"], only_items=[item_id])
    found = [p for p in report.problems if p.item == item_id]
    assert any(p.field == "tile.title" and p.screen == "gallery" for p in found), found
    assert all(p.lang == "en" and p.size == "1280x800" for p in found)


def test_the_command_prints_the_promised_json(sample_paths, capsys) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.__main__ import main

    db, assets = sample_paths
    code = main(
        [
            "--catalog", str(db), "--assets", str(assets),
            "kiosk", "preflight", "--size", "1920x1080", "--lang", "kk", "mn", "--json",
        ]
    )  # fmt: skip
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"problems", "checked"}
    assert out["problems"] == [] and out["checked"] > 300
    assert code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--size", "12x"], "'12x' is not a size like 1280x800"),
        (["--size", "1280x800", "--lang", "xx"], "--lang must be among en, kk, ru, mn (not xx)"),
    ],
    ids=["size", "lang"],
)
def test_bad_sizes_and_languages_are_one_clear_line(  # type: ignore[no-untyped-def]
    sample_paths, capsys, args: list[str], message: str
) -> None:
    from exhibition_app.__main__ import main

    db, assets = sample_paths
    try:
        code = main(["--catalog", str(db), "--assets", str(assets), "kiosk", "preflight", *args])
    except SystemExit as exc:  # argparse's usage error
        code = int(exc.code or 0)
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0 and len(err) == 1 and message in err[0]


def test_titles_wrap_then_shrink_then_shorten() -> None:
    make_app()
    font = QFont(SANS)
    short = fit_text(font, "Behaim's globe", 300, max_lines=3, max_px=22, min_px=18)
    assert short.fits and short.px == 22 and short.lines == 1
    two = "Behaim's globe redrawn by Gillany, 1853, from the Nuremberg original"
    wrapped = fit_text(font, two, 300, max_lines=3, max_px=22, min_px=18)
    assert wrapped.fits and wrapped.text == two and wrapped.lines >= 2
    long = fit_text(font, two * 5, 300, max_lines=3, max_px=22, min_px=18)
    assert not long.fits and long.px == 18 and long.text.endswith("…")


def test_touch_targets_follow_the_screens_dpi() -> None:
    assert touch_px(None) == 48  # the kiosk default DPI: 9 mm is less than the 48 px floor
    assert touch_px(200.0) == 71  # a dense 4K panel: 9 mm is 71 px
    assert touch_px(5000.0) == 48  # an unbelievable DPI is ignored
    assert ScreenShape(3840, 2160).touch == 96  # type scale 2: the floor doubles
    assert ScreenShape(1080, 1920).portrait and not ScreenShape(1280, 800).portrait


def test_the_curator_is_warned_before_the_kiosk_cuts_a_title(
    qtbot, sample_catalog: Catalog
) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.operations.curation import create_draft_item
    from exhibition_app.ui.curator.window import CuratorWindow
    from exhibition_app.ui.i18n import Language

    make_app()
    item_id = create_draft_item(sample_catalog, "object", "Felt " * 60, None)
    win = CuratorWindow(lambda: sample_catalog, Language("en"), ask_sign_in=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(win.is_settled, timeout=20000)
    problems = win.kiosk_preflight(item_id)  # a draft: checked before it is published
    assert problems and all(p.item == item_id for p in problems)  # type: ignore[attr-defined]
    box = win.preflight_box
    assert box.isVisible() and not box.isModal()  # a warning, never a block
    assert "tile.title" in box.detailedText()
    box.close()
    win.close()


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920)], ids=["1280x800", "1080x1920"])
def test_larger_text_mode_fits_too(qtbot, sample_catalog: Catalog, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    make_app()
    report = preflight(lambda: sample_catalog, [size], ["kk", "mn"], large_text=True)
    assert report.checked > 200
    assert report.problems == []
