"""The map in a public hall: no seams, world maps that wrap, readouts legible on any map in
the visitor's language, a fade that crossfades, and touch driven for real."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QLocale, QPoint, QPointF, QRectF
from PySide6.QtGui import QImage, QPointingDevice
from PySide6.QtTest import QTest

from exhibition_app.core.georef import Equirectangular
from exhibition_app.imaging.tiles import build_tiles
from exhibition_app.ui.deepzoom.pyramid import Pyramid
from exhibition_app.ui.deepzoom.readouts import format_distance, format_lonlat
from exhibition_app.ui.deepzoom.view import DeepZoomView
from exhibition_app.ui.i18n import Language

GREY = (128, 128, 128)


def _pil(image: QImage) -> Image.Image:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    return Image.frombytes("RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits()))


@pytest.fixture(scope="module")
def flat(tmp_path_factory: pytest.TempPathFactory) -> Pyramid:
    """One even grey over 3000x1500: any seam between tiles shows as a different pixel."""
    folder = tmp_path_factory.mktemp("flat")
    Image.new("RGB", (3000, 1500), GREY).save(folder / "flat.png")
    return Pyramid.load(build_tiles(folder / "flat.png", folder / "tiles").path)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Pyramid:
    """A 'world map' 2000x1000: red west of the 180° seam's east side, blue at its west."""
    folder = tmp_path_factory.mktemp("world")
    im = Image.new("RGB", (2000, 1000), (30, 160, 60))
    im.paste((30, 60, 220), (0, 0, 200, 1000))  # the far west (lon -180..-144)
    im.paste((220, 40, 30), (1800, 0, 2000, 1000))  # the far east (lon 144..180)
    im.save(folder / "world.png")
    return Pyramid.load(build_tiles(folder / "world.png", folder / "tiles").path)


def _view(qtbot, pyramid: Pyramid, size: tuple[int, int] = (800, 500)) -> DeepZoomView:  # type: ignore[no-untyped-def]
    v = DeepZoomView()
    qtbot.addWidget(v)
    v.resize(*size)
    v.show()
    v.set_pyramid(pyramid)
    qtbot.waitUntil(v.is_sharp, timeout=10000)
    return v


@pytest.mark.parametrize("opacity", [1.0, 0.5])
@pytest.mark.parametrize("turns", [0, 1, 2, 3])
@pytest.mark.parametrize("zoom", [0.2137, 0.37, 0.77, 1.33, 2.71])
def test_no_seams_between_tiles_at_any_zoom_or_turn(  # type: ignore[no-untyped-def]
    qtbot, flat: Pyramid, zoom: float, turns: int, opacity: float
) -> None:
    """Faded (the top map of Then and now) too: overlapping tile edges drawn twice at half
    opacity made a grid of lines."""
    v = _view(qtbot, flat)
    v.quarter_turns = turns
    v.opacity = opacity
    # A centre off every whole pixel, so tile edges land at fractional screen positions.
    v.set_view(QPointF(1511.37, 763.71), zoom)
    qtbot.waitUntil(v.is_sharp, timeout=10000)
    shot = _pil(v.grab().toImage())
    # Inside the map, away from its own edges, the readouts (bottom left) and the navigator.
    drawn = v._transform().mapRect(QRectF(0, 0, flat.width, flat.height))
    area = shot.crop(
        (
            max(10, int(drawn.left()) + 2),
            max(10, int(drawn.top()) + 2),
            min(560, int(drawn.right()) - 2),
            min(330, int(drawn.bottom()) - 2),
        )
    )
    assert area.width > 100 and area.height > 60
    low, high = zip(*(band for band in area.getextrema()), strict=True)
    assert max(high) - min(low) <= 4, (low, high)


def test_a_world_map_wraps_across_the_seam(qtbot, world: Pyramid) -> None:  # type: ignore[no-untyped-def]
    v = _view(qtbot, world)
    v.wrap_x = True
    v.set_view(QPointF(0, 500), 1.0)  # centred on the 180° meridian
    qtbot.waitUntil(v.is_sharp, timeout=10000)
    image = v.grab().toImage()
    west_of_seam = image.pixelColor(300, 200)  # the far east, drawn again left of x = 0
    east_of_seam = image.pixelColor(500, 200)
    assert west_of_seam.red() > 180 and west_of_seam.blue() < 80, "no map west of the seam"
    assert east_of_seam.blue() > 180 and east_of_seam.red() < 80
    # It pans endlessly: a full width east and more, and the view is where it started.
    for _ in range(25):
        v.pan_by_screen(QPointF(-100, 0))
    assert v.center.x() == pytest.approx(500.0)
    assert 0 <= v.center.x() < world.width


def test_fly_to_centres_a_place_at_the_edge_of_a_world_map(qtbot, world: Pyramid) -> None:  # type: ignore[no-untyped-def]
    v = _view(qtbot, world)
    v.wrap_x = True
    v.fly_to(7, 300, zoom=1.0, ms=0)  # like MONGOLEI at x = 7 on the Behaim globe
    qtbot.waitUntil(v.is_sharp, timeout=10000)
    assert v.to_screen(7, 300) == QPointF(400, 250)
    image = v.grab().toImage()
    left = image.pixelColor(300, 100)  # the far east of the map, not the dark surround
    assert left.red() > 180, "half the viewer left black"


def test_readouts_sit_on_a_backing_and_speak_the_language(qtbot, flat: Pyramid) -> None:  # type: ignore[no-untyped-def]
    language = Language("en")
    try:
        language.set("ru")
        assert format_distance(10000) == "10\u00a0000 км"
        assert format_distance(0.5) == "500 м"
        assert "с. ш." in format_lonlat(76.9, 43.2) and "в. д." in format_lonlat(76.9, 43.2)
        assert format_lonlat(76.9, 43.25).startswith("43,25°")
        language.set("kk")
        assert format_distance(10000).endswith("км") and "000" in format_distance(10000)
        language.set("en")
        assert format_distance(10000) == "10,000 km"
    finally:
        language.set("en")
        QLocale.setDefault(QLocale("en_US"))
    # White paper under the readouts: the panel behind them stays dark.
    folder = Path(flat.root).parent
    Image.new("RGB", (3000, 1500), (250, 250, 245)).save(folder / "white.png")
    white = Pyramid.load(build_tiles(folder / "white.png", folder / "white-tiles").path)
    v = _view(qtbot, white)
    v.to_lonlat = Equirectangular(3000, 1500).to_lonlat
    v.km_per_image_px = lambda _y: 111.32 * 360 / 3000
    v.set_view(QPointF(1500, 750), 1.0)
    qtbot.waitUntil(v.is_sharp, timeout=10000)
    image = v.grab().toImage()
    panel = v.readouts_rect
    assert panel.width() > 60 and panel.height() > 40
    inside = image.pixelColor(QPoint(int(panel.right()) - 4, int(panel.top()) + 14))
    outside = image.pixelColor(QPoint(int(panel.right()) + 10, int(panel.top()) + 14))
    assert inside.lightness() < 90 and outside.lightness() > 230


def test_touch_pinch_two_finger_pan_and_double_tap(qtbot, flat: Pyramid) -> None:  # type: ignore[no-untyped-def]
    v = _view(qtbot, flat)
    screen = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)
    zoom0 = v.zoom
    # Pinch: two fingers spread from 100 px apart to 200 px apart about (400, 250).
    QTest.touchEvent(v, screen).press(0, QPoint(350, 250)).press(1, QPoint(450, 250)).commit()
    QTest.touchEvent(v, screen).move(0, QPoint(325, 250)).move(1, QPoint(475, 250)).commit()
    QTest.touchEvent(v, screen).move(0, QPoint(300, 250)).move(1, QPoint(500, 250)).commit()
    QTest.touchEvent(v, screen).release(0, QPoint(300, 250)).release(1, QPoint(500, 250)).commit()
    assert v.zoom == pytest.approx(zoom0 * 2, rel=0.02)
    # Two-finger pan: both fingers move 120 px right; the map follows them.
    before = v.to_image(QPointF(400, 250))
    QTest.touchEvent(v, screen).press(0, QPoint(350, 250)).press(1, QPoint(450, 250)).commit()
    QTest.touchEvent(v, screen).move(0, QPoint(410, 250)).move(1, QPoint(510, 250)).commit()
    QTest.touchEvent(v, screen).move(0, QPoint(470, 250)).move(1, QPoint(570, 250)).commit()
    QTest.touchEvent(v, screen).release(0, QPoint(470, 250)).release(1, QPoint(570, 250)).commit()
    moved = v.to_screen(before.x(), before.y())
    assert moved.x() == pytest.approx(520, abs=2) and moved.y() == pytest.approx(250, abs=2)
    assert v.zoom == pytest.approx(zoom0 * 2, rel=0.02)  # a pan is not a zoom
    # Double tap: zooms in twice as far, about the finger.
    zoom1, anchor = v.zoom, v.to_image(QPointF(200, 150))
    for _ in range(2):
        QTest.touchEvent(v, screen).press(0, QPoint(200, 150)).commit()
        QTest.touchEvent(v, screen).release(0, QPoint(200, 150)).commit()
    assert v.zoom == pytest.approx(zoom1 * 2, rel=1e-3)
    assert v.to_screen(anchor.x(), anchor.y()).x() == pytest.approx(200, abs=2)
    # One finger drags the map.
    centre = QPointF(v.center)
    QTest.touchEvent(v, screen).press(0, QPoint(300, 300)).commit()
    QTest.touchEvent(v, screen).move(0, QPoint(340, 300)).commit()
    QTest.touchEvent(v, screen).move(0, QPoint(400, 300)).commit()
    QTest.touchEvent(v, screen).release(0, QPoint(400, 300)).commit()
    assert v.center.x() < centre.x() - 20


def test_fade_shows_the_map_beneath(qtbot, flat: Pyramid, world: Pyramid) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    stage = QWidget()
    qtbot.addWidget(stage)
    stage.resize(800, 500)
    base, top = DeepZoomView(parent=stage), DeepZoomView(parent=stage)
    for v, p in ((base, world), (top, flat)):
        v.setGeometry(0, 0, 800, 500)
        v.set_pyramid(p)
    stage.show()
    qtbot.waitUntil(lambda: base.is_sharp() and top.is_sharp(), timeout=10000)
    base.set_view(QPointF(1000, 500), 1.0)
    top.set_view(QPointF(1500, 750), 1.0)
    qtbot.waitUntil(lambda: base.is_sharp() and top.is_sharp(), timeout=10000)
    top.opacity = 0.5
    top.update()
    qtbot.wait(50)
    mixed = stage.grab().toImage().pixelColor(400, 200)
    # Half grey (128) and half green (30, 160, 60): not the grey darkened towards black.
    assert mixed.green() == pytest.approx((128 + 160) / 2, abs=8)
    assert mixed.red() == pytest.approx((128 + 30) / 2, abs=8)


def test_motion_draws_fast_then_one_smooth_repaint(qtbot, flat: Pyramid) -> None:  # type: ignore[no-untyped-def]
    v = _view(qtbot, flat)
    qtbot.waitUntil(lambda: not v.is_settling(), timeout=5000)
    painted: list[bool] = []
    v._paint_tiles = (  # type: ignore[method-assign]
        lambda painter, real=v._paint_tiles: (painted.append(v.is_settling()), real(painter))
    )
    v.pan_by_screen(QPointF(40, 0))
    assert v.is_settling()  # moving: tiles are scaled without smoothing
    v.repaint()
    qtbot.waitUntil(lambda: not v.is_settling(), timeout=5000)
    qtbot.waitUntil(lambda: painted and painted[-1] is False, timeout=5000)
    assert painted[0] is True  # the frame during the move was the fast one
