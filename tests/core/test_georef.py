"""Georeferences: plate carrée, control-point fits, residuals, JSON round trips."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exhibition_app.core.georef import (
    ControlPoint,
    Equirectangular,
    Fitted,
    GeorefError,
    check_points,
    fit,
    from_json,
    to_json,
)

LONS = st.floats(min_value=-180, max_value=180, exclude_max=True, allow_nan=False)
LATS = st.floats(min_value=-90, max_value=90, allow_nan=False)


def _lon_close(a: float, b: float, tol: float = 1e-9) -> bool:
    diff = (a - b) % 360.0
    return min(diff, 360.0 - diff) <= tol


# --- equirectangular -----------------------------------------------------------------------


def test_equirectangular_known_points() -> None:
    g = Equirectangular(2700, 1350)
    assert g.to_pixel(0, 0) == (1350, 675)
    assert g.to_pixel(-180, 90) == (0, 0)
    assert g.to_pixel(180, -90) == (2700, 1350)
    assert g.to_pixel(90, 45) == (2025, 337.5)
    assert g.to_lonlat(1350, 675) == (0, 0)
    assert g.to_lonlat(0, 0) == (-180, 90)


def test_equirectangular_wraps_longitude_and_clamps_latitude() -> None:
    g = Equirectangular(360, 180)
    assert g.to_lonlat(360, 90) == (-180, 0)  # lon 180 is lon -180
    assert g.to_lonlat(370, 90) == (-170, 0)
    assert g.to_lonlat(-10, 90) == (170, 0)
    assert g.to_lonlat(0, -50) == (-180, 90)
    assert g.to_lonlat(0, 500) == (-180, -90)


@pytest.mark.parametrize("size", [(0, 10), (10, -1), (math.nan, 10)])
def test_equirectangular_refuses_empty_size(size: tuple[float, float]) -> None:
    with pytest.raises(GeorefError, match="must be positive"):
        Equirectangular(*size)


@given(LONS, LATS, st.integers(1, 100_000), st.integers(1, 50_000))
def test_equirectangular_round_trip_lonlat(lon: float, lat: float, w: int, h: int) -> None:
    g = Equirectangular(w, h)
    lon2, lat2 = g.to_lonlat(*g.to_pixel(lon, lat))
    assert -180 <= lon2 < 180
    assert _lon_close(lon, lon2)
    assert math.isclose(lat, lat2, abs_tol=1e-9)


@given(st.floats(0, 2700, exclude_max=True), st.floats(0, 1350))
def test_equirectangular_round_trip_pixel(x: float, y: float) -> None:
    g = Equirectangular(2700, 1350)
    x2, y2 = g.to_pixel(*g.to_lonlat(x, y))
    assert math.isclose(x, x2, abs_tol=1e-8) or math.isclose(abs(x - x2), 2700, abs_tol=1e-8)
    assert math.isclose(y, y2, abs_tol=1e-8)


# --- control-point fits --------------------------------------------------------------------


def _affine(x: float, y: float) -> tuple[float, float]:
    """A rotated, sheared, offset map: pixel -> lon/lat."""
    return 12.5 + 0.031 * x - 0.004 * y, 61.0 + 0.002 * x - 0.027 * y


GRID = [(x, y) for x in (0.0, 800.0, 1600.0, 2400.0) for y in (0.0, 500.0, 1000.0)]


def test_affine_fit_recovers_exact_transform() -> None:
    points = [ControlPoint(x, y, *_affine(x, y)) for x, y in GRID[:5]]
    g = fit(points, "affine")
    assert isinstance(g, Fitted)
    assert max(g.residuals()) < 1e-6
    assert g.rms < 1e-6
    for x, y in [(123.0, 456.0), (2000.0, 50.0), (-300.0, 1800.0)]:
        lon, lat = g.to_lonlat(x, y)
        assert (lon, lat) == pytest.approx(_affine(x, y), abs=1e-9)
        assert g.to_pixel(lon, lat) == pytest.approx((x, y), abs=1e-6)


def test_affine_three_points_is_exact() -> None:
    points = [ControlPoint(x, y, *_affine(x, y)) for x, y in [(0, 0), (100, 0), (0, 100)]]
    g = fit(points)
    assert g.kind == "affine"
    assert g.residuals() == pytest.approx([0, 0, 0], abs=1e-9)


@given(
    st.lists(
        st.tuples(st.floats(-5000, 5000), st.floats(-5000, 5000)),
        min_size=4,
        max_size=12,
        unique=True,
    ),
    st.floats(0.001, 0.5),
    st.floats(-0.5, 0.5),
)
def test_affine_fit_property(pixels: list[tuple[float, float]], sx: float, shear: float) -> None:
    def transform(x: float, y: float) -> tuple[float, float]:
        return -20 + sx * x + shear * sx * y, 10 + shear * sx * x - sx * y

    points = [ControlPoint(x, y, *transform(x, y)) for x, y in pixels]
    try:
        g = fit(points)
    except GeorefError:
        return  # hypothesis found (nearly) collinear pixels: refusing them is right
    assert g.rms < 1e-6 * max(1.0, max(abs(c) for p in pixels for c in p))


def _quadratic(lon: float, lat: float) -> tuple[float, float]:
    """A curved warp lon/lat -> pixel, as an old map drawn on a conic-like projection."""
    return (
        1350 + 7.5 * lon + 0.02 * lon * lon - 0.05 * lon * lat,
        675 - 7.5 * lat + 0.03 * lon * lon + 0.01 * lat * lat,
    )


def test_polynomial2_recovers_quadratic_warp() -> None:
    lonlats = [(lon, lat) for lon in (-60.0, -20.0, 20.0, 60.0) for lat in (-40.0, 0.0, 40.0)]
    points = [ControlPoint(*_quadratic(lon, lat), lon, lat) for lon, lat in lonlats]
    g = fit(points, "polynomial2")
    assert max(g.residuals()) < 1e-6
    assert g.to_pixel(7.0, -13.0) == pytest.approx(_quadratic(7.0, -13.0), abs=1e-6)
    # An affine fit cannot follow the curve.
    assert fit(points, "affine").rms > 5


def test_polynomial2_forward_direction_recovers_quadratic() -> None:
    def warp(x: float, y: float) -> tuple[float, float]:
        return -180 + 0.13 * x + 1e-5 * x * y, 90 - 0.13 * y - 2e-5 * x * x

    pixels = [(x, y) for x in (0.0, 700.0, 1400.0, 2100.0, 2700.0) for y in (0.0, 675.0, 1350.0)]
    g = fit([ControlPoint(x, y, *warp(x, y)) for x, y in pixels], "polynomial2")
    assert g.to_lonlat(1000.0, 333.0) == pytest.approx(warp(1000.0, 333.0), abs=1e-9)


def test_residuals_point_at_the_wrong_point() -> None:
    points = [ControlPoint(x, y, *_affine(x, y)) for x, y in GRID]
    lon, lat = _affine(1600.0, 500.0)
    bad = GRID.index((1600.0, 500.0))
    points[bad] = ControlPoint(1600.0, 500.0, lon + 3.0, lat - 2.0)  # a misplaced click
    g = fit(points)
    residuals = g.residuals()
    assert len(residuals) == len(points)
    assert residuals.index(max(residuals)) == bad
    others = [r for i, r in enumerate(residuals) if i != bad]
    assert residuals[bad] > 3 * max(others)
    assert g.rms > 1


@pytest.mark.parametrize(
    ("points", "kind", "message"),
    [
        ([ControlPoint(0, 0, 0, 0), ControlPoint(10, 0, 1, 0)], "affine", "at least 3"),
        (
            [ControlPoint(i * 10, i * i, i, i * i) for i in range(5)],
            "polynomial2",
            "at least 6 control points, got 5",
        ),
        (
            [ControlPoint(0, 0, 0, 0), ControlPoint(10, 10, 1, 1), ControlPoint(20, 20, 3, 2)],
            "affine",
            "collinear in pixel position",
        ),
        (
            [ControlPoint(0, 0, 0, 0), ControlPoint(10, 0, 1, 1), ControlPoint(0, 10, 2, 2)],
            "affine",
            "collinear in longitude/latitude",
        ),
        (
            [ControlPoint(0, 0, 0, 0), ControlPoint(10, 0, 1, 0), ControlPoint(10, 0, 0, 1)],
            "affine",
            "control points 2 and 3 have the same pixel position",
        ),
        (
            [ControlPoint(0, 0, 5, 5), ControlPoint(10, 0, 6, 5), ControlPoint(0, 10, 5, 5)],
            "affine",
            "control points 1 and 3 have the same longitude/latitude",
        ),
        (
            # Six points on one circle do not determine a quadratic.
            [
                ControlPoint(
                    100 * math.cos(a), 100 * math.sin(a), 10 * math.cos(a), 10 * math.sin(a)
                )
                for a in [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
            ],
            "polynomial2",
            "do not determine a polynomial2 fit",
        ),
        ([ControlPoint(0, 0, 0, 0)] * 3, "cubic", "unknown georeference kind 'cubic'"),
        (
            [ControlPoint(0, 0, 0, 0), ControlPoint(1, 0, 1, 0), ControlPoint(0, math.nan, 0, 1)],
            "affine",
            "control point 3 .*: y is not a finite number",
        ),
    ],
)
def test_degenerate_inputs_are_refused(points: list[ControlPoint], kind: str, message: str) -> None:
    with pytest.raises(GeorefError, match=message):
        fit(points, kind)


# --- JSON ----------------------------------------------------------------------------------


def test_json_equirectangular() -> None:
    d = to_json(Equirectangular(2700, 1350))
    assert d == {"type": "equirectangular"}
    g = from_json(d, width=1000, height=500)
    assert g == Equirectangular(1000, 500)
    with pytest.raises(GeorefError, match="needs the image width and height"):
        from_json(d)


def test_json_control_points_round_trip() -> None:
    points = [ControlPoint(x, y, *_affine(x, y)) for x, y in GRID[:4]]
    g = fit(points)
    d = to_json(g)
    assert d["type"] == "control_points"
    assert d["kind"] == "affine"
    assert d["points"] == [{"x": p.x, "y": p.y, "lon": p.lon, "lat": p.lat} for p in points]
    g2 = from_json(d)
    assert isinstance(g2, Fitted)
    assert g2 == g
    assert g2.to_lonlat(55.0, 66.0) == pytest.approx(g.to_lonlat(55.0, 66.0))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"type": "mercator"}, "unknown georeference type 'mercator'"),
        ({}, "unknown georeference type None"),
        ({"type": "control_points"}, "needs a list of 'points'"),
        ({"type": "control_points", "kind": "spline", "points": []}, "unknown georeference kind"),
        ({"type": "control_points", "points": [{"x": 1, "y": 2, "lon": 3}]}, "lacks lat"),
        (
            {"type": "control_points", "points": [{"x": 1, "y": "2", "lon": 3, "lat": 4}]},
            "control point 1 y must be a number",
        ),
        ({"type": "control_points", "points": [[1, 2, 3, 4]]}, "must be an object"),
        ({"type": "control_points", "points": []}, "at least 3 control points, got 0"),
    ],
)
def test_json_bad_shapes(data: dict[str, object], message: str) -> None:
    with pytest.raises(GeorefError, match=message):
        from_json(data, width=10, height=10)


# --- points no map can have (issue 15) -----------------------------------------------------

_GOOD = [ControlPoint(0, 0, 40, 60), ControlPoint(400, 0, 100, 60), ControlPoint(0, 300, 40, 20)]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (ControlPoint(1e308, 10, 50, 40), r"control point 2 \(x 1e\+308, .*\): x is too large"),
        (ControlPoint(-1e308, 10, 50, 40), r"control point 2 .*: x is too large"),
        (ControlPoint(10, 10, 50, 1e308), r"control point 2 .*: lat is too large"),
        (ControlPoint(10, math.inf, 50, 40), r"control point 2 .*: y is not a finite number"),
        (ControlPoint(10, 10, math.nan, 40), r"control point 2 .*: lon is not a finite number"),
    ],
)
def test_huge_or_non_finite_values_are_named_not_overflowed(
    bad: ControlPoint, message: str
) -> None:
    """Issue 15: x = 1e308 gave an OverflowError from the least squares; it is now a
    GeorefError naming the point, before any arithmetic."""
    with pytest.raises(GeorefError, match=message):
        fit([_GOOD[0], bad, *_GOOD[1:]])


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (ControlPoint(1e308, 10, 50, 40), r"control point 2 \(x 1e\+308, .*\) lies outside the 4"),
        (ControlPoint(10, math.inf, 50, 40), r"control point 2 .*: y is not a finite number"),
        (ControlPoint(10, 10, 50, -90.5), r"control point 2 .*: latitude -90.5 is outside -90"),
        (ControlPoint(10, 10, 361, 40), r"control point 2 .*: longitude 361 is outside -180"),
        (ControlPoint(10, 10, -1e300, 40), r"control point 2 .*: longitude -1e\+300 is outside"),
        (ControlPoint(401, 5, 50, 40), r"control point 2 \(x 401, .*\) lies outside the 400 x 300"),
        (ControlPoint(5, -0.5, 50, 40), r"control point 2 .* lies outside the 400 x 300 pixel"),
    ],
)
def test_points_no_map_can_have_are_refused(bad: ControlPoint, message: str) -> None:
    check_points(_GOOD, 400, 300)  # the edges are inside
    check_points([ControlPoint(10, 10, 185, 40)], 400, 300)  # across the antimeridian
    with pytest.raises(GeorefError, match=message):
        check_points([_GOOD[0], bad, *_GOOD[1:]], 400, 300)
