"""The designed card of an item without a photograph, drawn with Pillow (no Qt).

The app paints this card with Qt (`exhibition_app.ui.card_art`); exports that run from the
command line, where there is no Qt, draw the same card from the same design data
(`exhibition_app.core.cards.CARD_DESIGN`): parchment gradient, gold frame, the ram's-horn
ornament, the culture (or kind) in spaced small capitals, the title in Noto Serif, the date
at the foot. It is drawn at twice the size and reduced, which smooths its edges as Qt's
antialiasing does. Text in the Mongolian script is set in Noto Sans Mongolian.
"""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont

from exhibition_app.core.cards import CARD_DESIGN, Point, ram_horn_strokes
from exhibition_app.paths import checkout_root

__all__ = ["CARD_WIDTH", "card_height", "card_jpeg", "render_card"]

D = CARD_DESIGN
#: Width of an exported card in pixels (its height follows the card's aspect).
CARD_WIDTH = 780
_SUPERSAMPLE = 2
_MONGOLIAN = re.compile("[\u1800-\u18af\U00011660-\U0001167f]")

FontT = ImageFont.FreeTypeFont


def card_height(width: int) -> int:
    return round(width / D.aspect)


def _font_dirs(extra: Path | None) -> list[Path]:
    dirs = [extra / "fonts"] if extra is not None else []
    root = checkout_root()
    if root is not None:
        dirs.append(root / "assets" / "fonts")
    return dirs


@cache
def _font(name: str, size: int, assets: Path | None) -> FontT | ImageFont.ImageFont:
    for folder in _font_dirs(assets):
        path = folder / name
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def _face(family: str, text: str, size: int, assets: Path | None) -> FontT | ImageFont.ImageFont:
    if _MONGOLIAN.search(text):
        return _font("NotoSansMongolian-Regular.ttf", size, assets)
    return _font(f"{family}-Regular.ttf", size, assets)


def _gradient(width: int, height: int) -> Image.Image:
    """Light to dark along the diagonal, as Qt's QLinearGradient(topLeft, bottomRight):
    t = (x·w + y·h) / (w² + h²), linear, so computed small and scaled up smoothly."""
    light, dark = ImageColor.getrgb(D.paper_light), ImageColor.getrgb(D.paper_dark)
    sw, sh = 65, max(2, round(65 * height / width))
    norm = (sw - 1) ** 2 + (sh - 1) ** 2
    mask = Image.new("L", (sw, sh))
    mask.putdata(
        [round(255 * (x * (sw - 1) + y * (sh - 1)) / norm) for y in range(sh) for x in range(sw)]
    )
    mask = mask.resize((width, height), Image.Resampling.BILINEAR)
    return Image.composite(
        Image.new("RGB", (width, height), dark), Image.new("RGB", (width, height), light), mask
    )


def _bezier(p0: Point, p1: Point, p2: Point, p3: Point, steps: int = 24) -> list[Point]:
    out = []
    for i in range(1, steps + 1):
        t = i / steps
        u = 1 - t
        out.append(
            (
                u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
            )
        )
    return out


def _stroke_points(stroke: list[Point]) -> list[Point]:
    if len(stroke) == 2:
        return stroke
    points = [stroke[0]]
    for i in range(1, len(stroke) - 2, 3):
        points += _bezier(points[-1], stroke[i], stroke[i + 1], stroke[i + 2])
    return points


def _elide(text: str, font: FontT | ImageFont.ImageFont, width: float, spacing: float) -> str:
    def length(s: str) -> float:
        return sum(font.getlength(c) * spacing for c in s)

    if length(text) <= width:
        return text
    while text and length(text + "…") > width:
        text = text[:-1]
    return text + "…"


def _wrap(text: str, font: FontT | ImageFont.ImageFont, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _line_height(font: FontT | ImageFont.ImageFont) -> int:
    if isinstance(font, ImageFont.FreeTypeFont):
        ascent, descent = font.getmetrics()
        return ascent + descent
    return int(font.getbbox("Ag")[3]) + 2


def render_card(
    *,
    title: str,
    culture: str,
    date: str,
    kind: str,
    width: int = CARD_WIDTH,
    assets: Path | None = None,
) -> Image.Image:
    """The card as an RGB image ``width`` pixels wide (its height: ``card_height(width)``)."""
    s = _SUPERSAMPLE
    w, h = width * s, card_height(width) * s
    radius = 10.0 * width / 300 * s  # the item page's radius at its usual card width
    canvas = Image.new("RGB", (w, h), "white")
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, w - 1, h - 1), radius, fill=255)
    canvas.paste(_gradient(w, h), (0, 0), mask)

    pad = max(10.0 * s, w * D.pad)
    draw = ImageDraw.Draw(canvas)
    half = pad * 0.5
    draw.rounded_rectangle(
        (half, half, w - half, h - half),
        radius * 0.6,
        outline=D.gold_line,
        width=max(1, round(max(1.0 * s, w * D.frame_width))),
    )

    overlay = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    pen = ImageDraw.Draw(overlay)
    line = max(1, round(max(1.2 * s, w * D.ornament_width)))
    for stroke in ram_horn_strokes(w / 2, h * D.ornament_y, w * D.ornament_size):
        pen.line(_stroke_points(stroke), fill=D.ornament, width=line, joint="curve")
        for x, y in (stroke[0], stroke[-1]):  # Qt's square-ish cap: a dot at each end
            pen.ellipse((x - line / 2, y - line / 2, x + line / 2, y + line / 2), fill=D.ornament)
    canvas = Image.alpha_composite(canvas.convert("RGBA"), overlay).convert("RGB")
    draw = ImageDraw.Draw(canvas)

    left, top, right, bottom = pad * 1.2, h * D.text_top, w - pad * 1.2, h - pad
    inner_w = right - left
    cx = w / 2
    kicker = (culture or kind).upper()
    small_px = max(9 * s, int(w * D.kicker_size))
    small = _face("NotoSans", kicker, small_px, assets)
    kicker = _elide(kicker, small, inner_w, D.kicker_spacing)
    advances = [small.getlength(c) * D.kicker_spacing for c in kicker]
    x = cx - (sum(advances) - (advances[-1] - small.getlength(kicker[-1])) if advances else 0) / 2
    for char, advance in zip(kicker, advances, strict=True):
        draw.text((x, top), char, font=small, fill=D.ink_soft, anchor="la")
        x += advance

    title_px = max(12 * s, int(w * D.title_size))
    title_top = top + small_px * 2.0
    title_box = (bottom - top) * D.title_share
    # Qt lets a long title run over; here it is set smaller until it fits its box.
    while True:
        font = _face("NotoSerif", title, title_px, assets)
        lines = _wrap(title, font, inner_w)
        step = _line_height(font)
        if step * len(lines) <= title_box or title_px <= 12 * s:
            break
        title_px = int(title_px * 0.9)
    y = title_top
    for text in lines:
        draw.text((cx, y), text, font=font, fill=D.ink, anchor="ma")
        y += step

    if date:
        date_px = max(9 * s, int(w * D.date_size))
        date_font = _face("NotoSans", date, date_px, assets)
        draw.text((cx, bottom), date, font=date_font, fill=D.ink_soft, anchor="md")
    return canvas.reduce(s)  # a box filter over each 2x2 block: the antialiasing


def card_jpeg(
    *,
    title: str,
    culture: str,
    date: str,
    kind: str,
    width: int = CARD_WIDTH,
    assets: Path | None = None,
    quality: int = 88,
) -> bytes:
    """`render_card` as JPEG bytes (baseline, sRGB, no metadata: the same input gives the
    same bytes)."""
    image = render_card(
        title=title, culture=culture, date=date, kind=kind, width=width, assets=assets
    )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()
