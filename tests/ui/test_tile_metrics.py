"""A gallery tile keeps room for its title's lines between the kind and the date line, on the
desktop and on the kiosk (the fitter wraps titles to that many lines: they must be seen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from exhibition_app.ui.app import make_app
from exhibition_app.ui.gallery.delegate import (
    DESKTOP,
    KIOSK,
    KIOSK_LARGE,
    MARGIN,
    TileMetrics,
    _line_h,
    sized,
    tile_text,
)


@pytest.fixture(scope="module", autouse=True)
def _app() -> object:
    return make_app()  # held for the module: fonts need the application


CASES = {
    "desktop": lambda: DESKTOP,
    # the kiosk's tiles are always KIOSK or KIOSK_LARGE sized to the screen's columns
    "kiosk-sized": lambda: sized(KIOSK, 300, 1.0),
    "kiosk-large-sized": lambda: sized(KIOSK_LARGE, 420, 1.0),
    "kiosk-4k": lambda: sized(KIOSK, 420, 2.0),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_title_box_holds_every_line_of_a_title(case: str) -> None:
    metrics: TileMetrics = CASES[case]()  # made here: measuring type needs the application
    tile = metrics.tile
    rect = QRectF(0, 0, tile.width(), tile.height()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    text = tile_text(
        metrics, rect, "Map", "A title long enough to wrap onto more lines " * 3, "1689"
    )
    assert text.title_box.height() >= metrics.title_lines * _line_h(metrics.title_px)
    assert text.title_box.bottom() <= text.date_box.top()
