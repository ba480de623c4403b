"""The deep-zoom viewer on real tile sets built by exhibition_app.imaging.tiles."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPixmap

from exhibition_app.imaging.tiles import build_tiles
from exhibition_app.ui.deepzoom.pyramid import Pyramid, TileKey
from exhibition_app.ui.deepzoom.tiles import TileCache
from exhibition_app.ui.deepzoom.view import DeepZoomView, Hotspot

SHOTS = Path(__file__).resolve().parents[2] / "shots"


@pytest.fixture(scope="module")
def pyramid(tmp_path_factory: pytest.TempPathFactory) -> Pyramid:
    """A 3000x1500 'map': four coloured quadrants, so tiles can be told apart."""
    folder = tmp_path_factory.mktemp("pyr")
    src = folder / "map.png"
    im = Image.new("RGB", (3000, 1500))
    for (x, y), colour in {
        (0, 0): (200, 30, 30),
        (1500, 0): (30, 200, 30),
        (0, 750): (30, 30, 200),
        (1500, 750): (220, 200, 40),
    }.items():
        im.paste(colour, (x, y, x + 1500, y + 750))
    im.save(src)
    info = build_tiles(src, folder / "tiles")
    return Pyramid.load(info.path)


def test_every_tile_the_viewer_asks_for_exists(pyramid: Pyramid) -> None:
    assert (pyramid.width, pyramid.height, pyramid.tile) == (3000, 1500, 512)
    for scale in pyramid.scales:
        for key in pyramid.keys_in(scale, 0, 0, pyramid.width, pyramid.height):
            assert pyramid.path(key).is_file(), key


def test_level_choice_and_visible_keys(pyramid: Pyramid) -> None:
    assert pyramid.scale_for(1.0) == 1
    assert pyramid.scale_for(0.5) == 2
    assert pyramid.scale_for(0.3) == 2  # never blurrier than the screen
    assert pyramid.scale_for(0.01) == pyramid.coarsest
    keys = pyramid.keys_in(1, 0, 0, 600, 100)
    assert keys == [TileKey(1, 0, 0), TileKey(1, 1, 0)]
    assert pyramid.keys_in(1, 5000, 5000, 6000, 6000) == []


def test_cache_is_bounded_by_bytes_and_keeps_pinned_tiles(qapp) -> None:  # type: ignore[no-untyped-def]
    one = QPixmap(100, 100)
    cost = TileCache.cost(one)
    cache = TileCache(budget_bytes=cost * 3)
    keys = [TileKey(1, i, 0) for i in range(5)]
    cache.put(keys[0], QPixmap(100, 100))
    for key in keys[1:]:
        cache.put(key, QPixmap(100, 100), pinned={keys[0]})
    assert cache.bytes <= cost * 3
    assert keys[0] in cache  # pinned (visible) tiles survive
    assert keys[4] in cache and keys[1] not in cache  # the oldest others went first


@pytest.fixture
def view(qtbot, pyramid: Pyramid) -> DeepZoomView:  # type: ignore[no-untyped-def]
    v = DeepZoomView()
    qtbot.addWidget(v)
    v.resize(800, 500)
    v.show()
    v.set_pyramid(pyramid)
    qtbot.waitUntil(v.is_sharp, timeout=10000)
    return v


def _pixel(view: DeepZoomView, x: int, y: int) -> QColor:
    return view.grab().toImage().pixelColor(x, y)


def test_home_fits_the_whole_map_sharp(view: DeepZoomView) -> None:
    assert view.zoom == pytest.approx(min(800 / 3000, 500 / 1500))
    top_left = _pixel(view, 200, 180)
    assert top_left.red() > 150 and top_left.green() < 90  # the red quadrant


def test_wheel_zoom_keeps_the_point_under_the_cursor(view: DeepZoomView, qtbot) -> None:  # type: ignore[no-untyped-def]
    anchor = QPointF(300, 200)
    before = view.to_image(anchor)
    view.zoom_at(3.0, anchor)
    after = view.to_image(anchor)
    assert after.x() == pytest.approx(before.x(), abs=0.5)
    assert after.y() == pytest.approx(before.y(), abs=0.5)
    qtbot.waitUntil(view.is_sharp, timeout=10000)
    assert view.sharp_scale() < view.pyramid.coarsest  # type: ignore[union-attr]


def test_lower_resolution_shows_until_sharp_tiles_arrive(view: DeepZoomView) -> None:
    view.loader.cancel_all()
    view.loader.pool.waitForDone()
    view.zoom_at(8.0)  # sharp tiles for this zoom are not in memory yet
    assert not view.is_sharp()
    centre = _pixel(view, 400, 250)
    assert centre.name() != QColor("#14130f").name()  # never a blank flash


def test_tiles_that_leave_the_view_are_cancelled(
    view: DeepZoomView, monkeypatch: pytest.MonkeyPatch
) -> None:
    queued: list[object] = []
    monkeypatch.setattr(view.loader.pool, "start", queued.append)  # hold jobs, run none
    view.set_view(QPointF(200, 200), 2.0)
    first = dict(view.loader._pending)
    assert first and queued
    view.set_view(QPointF(2800, 1300), 2.0)
    wanted = set(view.wanted_tiles())
    gone = [key for key in first if key not in wanted]
    assert gone
    assert all(first[key].is_set() for key in gone)  # their jobs will skip the decode
    assert not set(gone) & set(view.loader._pending)


def test_keyboard_zoom_pan_rotate_home(view: DeepZoomView, qtbot) -> None:  # type: ignore[no-untyped-def]
    home = view.zoom
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom == pytest.approx(home * 1.5)
    x = view.center.x()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.center.x() > x
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert view.quarter_turns == 1
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.zoom == pytest.approx(view.fit_zoom())
    assert view.center == QPointF(1500, 750)


def test_drag_pans_and_navigator_moves_the_view(view: DeepZoomView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.zoom_at(4.0)
    start = QPointF(view.center)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(400, 250))
    qtbot.mouseMove(view, QPoint(300, 250))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(300, 250))
    assert view.center.x() > start.x()  # dragging left moves east
    nav = view.navigator_rect()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=nav.topLeft().toPoint() + QPoint(3, 3))
    assert view.center.x() < 200 and view.center.y() < 200


def test_hotspots_stay_put_and_answer_taps(view: DeepZoomView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.set_hotspots([Hotspot(7, 2250, 375, "Tartaria")])
    view.zoom_at(2.0, QPointF(100, 100))
    spot = view.to_screen(2250, 375)
    with qtbot.waitSignal(view.hotspot_clicked) as signal:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=spot.toPoint() + QPoint(6, 4))
    assert signal.args == [7]
    assert view.hotspot_at(QPointF(spot.x() + 200, spot.y())) is None


def test_lonlat_and_scale_bar_for_a_georeferenced_map(view: DeepZoomView) -> None:
    from exhibition_app.core.georef import Equirectangular

    geo = Equirectangular(3000, 1500)
    view.to_lonlat = geo.to_lonlat
    view.km_per_image_px = lambda _y: 111.32 * 360 / 3000
    bar = view._scale_bar()
    assert bar is not None and bar[0] > 20 and bar[1].endswith("km")
    assert geo.to_lonlat(*(view.center.x(), view.center.y())) == pytest.approx((0.0, 0.0))


def test_map_panel_builds_tiles_with_progress_and_cancels(qtbot, sample_catalog) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.operations.views import load_gallery
    from exhibition_app.ui.deepzoom.map_panel import MapPanel, load_map
    from exhibition_app.ui.i18n import Language
    from exhibition_app.ui.tasks import TaskManager

    with sample_catalog.read_session() as s:
        gallery = load_gallery(s)
    schagen = next(c for c in gallery.items.values() if c.accession_number == "BH-MAP-001")
    seen: list[float] = []
    data = load_map(sample_catalog, schagen.id, progress=seen.append)
    assert Path(data.info_json).is_file() and seen and seen[-1] == 1.0
    assert load_map(sample_catalog, schagen.id).info_json == data.info_json  # cached

    behaim = next(c for c in gallery.items.values() if c.accession_number == "BH-MAP-002")
    panel = MapPanel(TaskManager(), Language("en"))
    qtbot.addWidget(panel)
    panel.catalog = sample_catalog
    panel.resize(900, 600)
    panel.show()
    panel.show_map(behaim)
    panel.cancel_loading()  # the visitor walked on before the tiles were ready
    qtbot.waitUntil(lambda: panel.tasks.pending == 0, timeout=20000)
    tiles = sample_catalog.assets / "tiles"
    assert not any(p.name.startswith(".building") for p in tiles.iterdir())
    panel.show_map(behaim)
    qtbot.waitUntil(lambda: not panel.is_loading(), timeout=20000)
    assert panel.view.pyramid is not None and len(panel.view.hotspots) == 39  # the museum's KML


def test_quarter_turn_draws_the_map_turned(view: DeepZoomView, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(view, Qt.Key.Key_R)  # a quarter turn clockwise
    qtbot.waitUntil(view.is_sharp, timeout=10000)
    # Image quadrants red|green over blue|yellow turn into blue|red over yellow|green.
    top_left, top_right = _pixel(view, 340, 120), _pixel(view, 460, 120)
    bottom_left, bottom_right = _pixel(view, 340, 380), _pixel(view, 460, 380)
    assert top_right.red() > 150 and top_right.green() < 90
    assert top_left.blue() > 150 and top_left.red() < 90
    assert bottom_right.green() > 150 and bottom_right.red() < 90
    assert bottom_left.red() > 150 and bottom_left.green() > 150


def test_a_broken_info_json_is_a_clear_error(tmp_path: Path) -> None:
    info = tmp_path / "info.json"
    info.write_text('{"width": 10}', encoding="utf-8")
    with pytest.raises(ValueError, match="does not describe a tile set"):
        Pyramid.load(info)
    info.write_text("not json", encoding="utf-8")
    with pytest.raises(ValueError, match="does not describe a tile set"):
        Pyramid.load(info)
    with pytest.raises(OSError):
        Pyramid.load(tmp_path / "gone" / "info.json")


def test_map_panel_with_a_broken_tile_set_says_so_calmly(qtbot, sample_catalog, caplog) -> None:  # type: ignore[no-untyped-def]
    """A tile set whose info.json was damaged on disk: the panel shows its calm notice
    (the error is raised on the worker, not in the event loop) and nothing is rewritten."""
    from exhibition_app.operations.maps import ensure_tiles
    from exhibition_app.operations.views import load_gallery
    from exhibition_app.ui.deepzoom.map_panel import MapPanel
    from exhibition_app.ui.i18n import Language
    from exhibition_app.ui.tasks import TaskManager

    with sample_catalog.read_session() as s:
        gallery = load_gallery(s)
        schagen = next(c for c in gallery.items.values() if c.accession_number == "BH-MAP-001")
        from exhibition_app.db.models import Item

        item = s.get(Item, schagen.id)
        assert item is not None and item.cover_media is not None
        info = ensure_tiles(sample_catalog, item.cover_media)
    info.write_text('{"width": 100, "tiles": []}', encoding="utf-8")
    panel = MapPanel(TaskManager(), Language("en"))
    qtbot.addWidget(panel)
    panel.catalog = sample_catalog
    panel.resize(900, 600)
    panel.show()
    panel.show_map(schagen)
    qtbot.waitUntil(lambda: not panel.is_loading(), timeout=20000)
    assert panel.view.pyramid is None
    assert panel.message.text() == "This map is still being digitised."
    assert "does not describe a tile set" in caplog.text  # the cause is in the kiosk's log
    assert info.read_text(encoding="utf-8") == '{"width": 100, "tiles": []}'
    SHOTS.mkdir(exist_ok=True)
    panel.grab().save(str(SHOTS / "map_panel_broken_tiles.png"))


def test_map_panel_counts_the_first_build_in_percent(qtbot, sample_catalog) -> None:  # type: ignore[no-untyped-def]
    """Progress of the first tile build reaches the panel's notice through the task
    manager's change helper, as a whole percentage, and ends at 100 %."""
    from exhibition_app.operations.gallery_reads import read_gallery
    from exhibition_app.ui.deepzoom.map_panel import MapPanel
    from exhibition_app.ui.i18n import Language
    from exhibition_app.ui.tasks import TaskManager

    ghillany = next(
        c for c in read_gallery(sample_catalog).items.values() if c.accession_number == "BH-MAP-003"
    )
    panel = MapPanel(TaskManager(), Language("en"))
    qtbot.addWidget(panel)
    panel.catalog = sample_catalog
    panel.resize(900, 600)
    panel.show()
    notices: list[str] = []
    shown = panel._on_progress

    def record(item_id: int, done: int, total: int) -> None:
        shown(item_id, done, total)
        notices.append(panel.message.text())

    panel._on_progress = record  # type: ignore[method-assign]
    panel.show_map(ghillany)
    qtbot.waitUntil(lambda: not panel.is_loading(), timeout=20000)
    assert panel.view.pyramid is not None
    assert notices and all(n.startswith("Preparing the map for deep zoom…  ") for n in notices)
    assert notices[-1].endswith(" 100 %")


def test_a_turned_view_holds_no_tiles_beyond_its_cache(qtbot, pyramid: Pyramid) -> None:  # type: ignore[no-untyped-def]
    """A bound on the view's memory, turned or not: the cache's budget plus the tiles on
    screen. (Turned copies of tiles, once kept outside the budget, stayed after the view
    turned back: 30 MB at the peak of the 1 GP benchmark.)"""
    tile = 512 * 512 * 4
    v = DeepZoomView(cache_bytes=6 * tile)
    qtbot.addWidget(v)
    v.resize(800, 500)
    v.show()
    v.set_pyramid(pyramid)
    qtbot.waitUntil(v.is_sharp, timeout=10000)
    v.rotate_quarter(1)
    held = []
    for x in (500.0, 1500.0, 2500.0, 1500.0):  # pan along at 1:1, turned
        v.set_view(QPointF(x, 750.0), 1.0)
        qtbot.waitUntil(v.is_sharp, timeout=10000)
        v.repaint()
        assert v.cache.bytes <= v.cache.budget + len(v.wanted_tiles()) * tile
        held.append(_tile_pixmaps_outside_the_cache(v))
    assert held == [0] * len(held)


def _tile_pixmaps_outside_the_cache(view: DeepZoomView) -> int:
    """Tile-sized pixmaps the view keeps in its own attributes (dicts and lists too)."""
    found = 0
    for name, value in vars(view).items():
        if name == "cache":
            continue
        items = value.values() if isinstance(value, dict) else value
        for item in items if isinstance(items, (list, tuple, type({}.values()))) else [items]:
            if isinstance(item, QPixmap) and item.width() >= 256 and item.height() >= 256:
                found += 1
    return found


@pytest.mark.parametrize("turns", [0, 1, 2, 3])
def test_a_missing_tile_shows_the_right_part_of_a_coarser_one(  # type: ignore[no-untyped-def]
    view: DeepZoomView, monkeypatch: pytest.MonkeyPatch, turns: int
) -> None:
    """Holes are filled with only their part of a coarser tile (its source rectangle worked
    out in the tile's pixels, turned with the view): the colours land where they belong."""
    monkeypatch.setattr(view.loader.pool, "start", lambda job: None)  # no tile arrives
    view.rotate_quarter(turns)
    view.set_view(QPointF(1500, 750), 1.0)  # the quadrants meet in the middle of a coarse tile
    assert not any(k in view.cache for k in view._keys_visible(view.sharp_scale()))
    shot = view.grab().toImage()
    for (x, y), (r, g, b) in {
        (1400, 650): (200, 30, 30),
        (1600, 650): (30, 200, 30),
        (1400, 850): (30, 30, 200),
        (1600, 850): (220, 200, 40),
    }.items():
        at = view.to_screen(x, y).toPoint()
        colour = shot.pixelColor(at)
        got = (colour.red(), colour.green(), colour.blue())
        assert all(abs(a - e) < 40 for a, e in zip(got, (r, g, b), strict=True)), (x, y, got)
