"""The kiosk's screen-shape rules, in one place: touch-target size, type scale, side-panel
width, gallery columns and where the item page puts its text.

A kiosk is not one desktop layout stretched. Its screen is a small landscape panel
(1280x800), a hall display (1920x1080 up to 3840x2160) or a portrait totem (1080x1920):

- **Touch targets**: at least :data:`TOUCH_MM` (9 mm) on the glass. The pixel size follows the
  screen's physical DPI when it reports a believable one; else :data:`KIOSK_DEFAULT_DPI`.
  Never under DESIGN.md's 48 px, scaled with the type.
- **Scale**: type and controls grow with the screen's short side (1080 px is 1.0; a 4K
  screen is 2.0), never below 1.0 (nothing under 18 px on a 1280x800 panel either).
- **Gallery**: as many columns as fit tiles at least :data:`TILE_MIN_W` x scale wide.
- **Item page**: landscape puts the text in a side panel; portrait puts it below the
  picture, in a panel at most :data:`PORTRAIT_TEXT_SHARE` of the height (it scrolls).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

TOUCH_MM = 9.0
#: A 1920x1080 panel of about 20 inches, or a 4K one of about 40: what a hall usually has.
KIOSK_DEFAULT_DPI = 110.0
#: DESIGN.md's floor for a target, in pixels at scale 1.
TOUCH_FLOOR_PX = 48
#: A reported DPI outside this range is a placeholder (offscreen, a missing EDID): ignored.
BELIEVABLE_DPI = (60.0, 600.0)
TILE_MIN_W = 300
TILE_MAX_W = 420
PORTRAIT_TEXT_SHARE = 0.42


def believable_dpi(dpi: float | None) -> float:
    """``dpi`` if a screen could really have it, else :data:`KIOSK_DEFAULT_DPI`."""
    if dpi is not None and BELIEVABLE_DPI[0] <= dpi <= BELIEVABLE_DPI[1]:
        return dpi
    return KIOSK_DEFAULT_DPI


def ui_scale(width: int, height: int) -> float:
    """Type and control scale for a ``width`` x ``height`` screen (quarter steps, >= 1)."""
    short = min(width, height)
    return max(1.0, math.floor(short / 1080 * 4) / 4)


def touch_px(dpi: float | None = None, scale: float = 1.0) -> int:
    """The smallest touch target in pixels: 9 mm at the screen's DPI, at least 48 x scale."""
    mm_px = math.ceil(TOUCH_MM / 25.4 * believable_dpi(dpi))
    return max(mm_px, round(TOUCH_FLOOR_PX * scale))


@dataclass(frozen=True)
class ScreenShape:
    """Everything the kiosk lays out differently for one screen size."""

    width: int
    height: int
    dpi: float = KIOSK_DEFAULT_DPI

    @property
    def portrait(self) -> bool:
        return self.height > self.width

    @property
    def scale(self) -> float:
        return ui_scale(self.width, self.height)

    @property
    def touch(self) -> int:
        return touch_px(self.dpi, self.scale)

    @property
    def nav_width(self) -> int:
        """The exhibitions-and-sections panel: narrower on small and portrait screens."""
        share = 0.26 if self.portrait else 0.21
        return round(min(max(self.width * share, 260 * self.scale), 440 * self.scale))

    def columns(self, available: int) -> int:
        """Gallery columns for ``available`` pixels of width."""
        return max(1, available // round(TILE_MIN_W * self.scale))

    def tile_width(self, available: int) -> int:
        cols = self.columns(available)
        return min(available // cols, round(TILE_MAX_W * self.scale * 1.5))

    def text_panel_width(self) -> int:
        """The item page's side panel (landscape)."""
        return round(min(max(self.width * 0.36, 420 * self.scale), 820 * self.scale))

    def text_panel_height(self) -> int:
        """The item page's panel below the picture (portrait)."""
        return round(self.height * PORTRAIT_TEXT_SHARE)
