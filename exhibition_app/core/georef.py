"""Georeferences: how a map image's pixels relate to longitude and latitude.

Two kinds of georeference are supported, both pure Python (no Qt, no database):

:class:`Equirectangular`
    A whole-world plate carrée image, as every map of the sample exhibition
    is: longitude -180..180 runs left to right over the full width and
    latitude 90..-90 top to bottom over the full height::

        x = (lon + 180) / 360 * width        y = (90 - lat) / 180 * height

:func:`fit` -> :class:`Fitted`
    A least-squares fit through :class:`ControlPoint` pairs (a pixel and the
    longitude/latitude it shows), for maps that are not plate carrée.
    ``"affine"`` (6 parameters per direction, at least 3 points not on one
    line) or ``"polynomial2"`` (a full quadratic, 12 parameters per
    direction, at least 6 points).  Both directions are fitted
    independently, pixel -> lon/lat and lon/lat -> pixel, so for
    ``polynomial2`` they are only approximately each other's inverse.
    Coordinates are centred and scaled before fitting and the normal
    equations are solved by Gaussian elimination with partial pivoting.
    :meth:`Fitted.residuals` reports, per point and in pixels, how far the
    fitted pixel of its lon/lat lies from the pixel the curator clicked: one
    large residual is the sign of a misplaced point.

Longitudes are plain numbers: a control-point map that straddles the
antimeridian must use continuous longitudes (170, 185, ...) rather than
wrapping.

:func:`to_json` / :func:`from_json` store a georeference in the catalogue as
``{"type": "equirectangular"}`` (the size comes from the image when the
georeference is used: ``from_json(d, width=W, height=H)``) or
``{"type": "control_points", "kind": "affine", "points": [{"x", "y", "lon",
"lat"}, ...]}``.  Everything that cannot work raises :class:`GeorefError`
with a message meant for the curator.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeAlias, cast

from exhibition_app.errors import InvalidInput

__all__ = [
    "KINDS",
    "ControlPoint",
    "Equirectangular",
    "Fitted",
    "Georef",
    "GeorefError",
    "Kind",
    "check_points",
    "fit",
    "from_json",
    "to_json",
]

Kind = Literal["affine", "polynomial2"]
KINDS: tuple[Kind, ...] = ("affine", "polynomial2")
"""The supported control-point fits."""

_MIN_POINTS: dict[str, int] = {"affine": 3, "polynomial2": 6}
_COLLINEAR_TOL = 1e-9
"""Below this isotropy (0 = on one line, 1 = evenly spread) points count as collinear."""
_PIVOT_TOL = 1e-10
"""Relative size below which a pivot means the normal equations are singular."""
MAX_LON = 360.0
"""Longitudes run -180..180; up to 360 either way leaves room for a map that crosses the
antimeridian with continuous longitudes (170, 185, ...)."""
_MAX_VALUE = 1e12
"""No pixel or degree is beyond this; far larger values (1e308) overflow the least squares."""


class GeorefError(InvalidInput):
    """A georeference that cannot be built or used; the message says why."""


@dataclass(frozen=True)
class Equirectangular:
    """A whole-world plate carrée image of ``width`` x ``height`` pixels."""

    width: float
    height: float

    def __post_init__(self) -> None:
        for label, value in (("width", self.width), ("height", self.height)):
            if not (math.isfinite(value) and value > 0):
                raise GeorefError(f"equirectangular {label} must be positive, not {value!r}")

    def to_pixel(self, lon: float, lat: float) -> tuple[float, float]:
        """The pixel ``(x, y)`` showing ``(lon, lat)`` (not wrapped: lon 180 gives x = width)."""
        return (lon + 180.0) * self.width / 360.0, (90.0 - lat) * self.height / 180.0

    def to_lonlat(self, x: float, y: float) -> tuple[float, float]:
        """The ``(lon, lat)`` at pixel ``(x, y)``: lon wrapped into [-180, 180), lat clamped."""
        lon = x * 360.0 / self.width - 180.0
        lat = 90.0 - y * 180.0 / self.height
        return _wrap_lon(lon), min(90.0, max(-90.0, lat))


def _wrap_lon(lon: float) -> float:
    wrapped = (lon + 180.0) % 360.0 - 180.0
    # Float rounding can land exactly on +180 (e.g. for -1e-17); keep the half-open range.
    return -180.0 if wrapped >= 180.0 else wrapped


@dataclass(frozen=True)
class ControlPoint:
    """A pixel ``(x, y)`` of the image and the ``(lon, lat)`` it shows."""

    x: float
    y: float
    lon: float
    lat: float


def _point_label(i: int, p: ControlPoint) -> str:
    return f"control point {i} (x {p.x:g}, y {p.y:g}, lon {p.lon:g}, lat {p.lat:g})"


def _check_number(label: str, name: str, value: float) -> None:
    if not math.isfinite(value):
        raise GeorefError(f"{label}: {name} is not a finite number")
    if abs(value) > _MAX_VALUE:
        raise GeorefError(f"{label}: {name} is too large for a georeference")


def _check_numbers(points: Sequence[ControlPoint]) -> None:
    """What :func:`fit` needs: every value finite and small enough not to overflow."""
    for i, p in enumerate(points, 1):
        label = _point_label(i, p)
        for name, value in (("x", p.x), ("y", p.y), ("lon", p.lon), ("lat", p.lat)):
            _check_number(label, name, value)


def check_points(points: Iterable[ControlPoint], width: float, height: float) -> None:
    """Refuse, with :class:`GeorefError` naming the first bad point, control points that
    no map of ``width`` x ``height`` pixels can have: a value that is not a finite number,
    a latitude beyond -90..90, a longitude beyond -360..360 (see :data:`MAX_LON`), or a
    pixel outside the image (its edges are inside). :func:`fit` itself, pure maths, only
    refuses values that are not finite or would overflow the least squares."""
    for i, p in enumerate(points, 1):
        label = _point_label(i, p)
        for name, value in (("x", p.x), ("y", p.y), ("lon", p.lon), ("lat", p.lat)):
            if not math.isfinite(value):
                raise GeorefError(f"{label}: {name} is not a finite number")
        if not -90.0 <= p.lat <= 90.0:
            raise GeorefError(f"{label}: latitude {p.lat:g} is outside -90..90")
        if not -MAX_LON <= p.lon <= MAX_LON:
            raise GeorefError(
                f"{label}: longitude {p.lon:g} is outside -180..180 "
                f"(or -{MAX_LON:g}..{MAX_LON:g} for a map across the antimeridian)"
            )
        if not (0.0 <= p.x <= width and 0.0 <= p.y <= height):
            raise GeorefError(f"{label} lies outside the {width:g} x {height:g} pixel image")


# --- least squares -------------------------------------------------------------------------


def _basis(kind: str, u: float, v: float) -> list[float]:
    if kind == "affine":
        return [1.0, u, v]
    return [1.0, u, v, u * u, u * v, v * v]


def _solve(matrix: list[list[float]], rhs: list[list[float]]) -> list[list[float]] | None:
    """Solve ``matrix @ X = rhs`` (square, several right-hand columns); None if singular.

    Gaussian elimination with partial pivoting on copies of the inputs.
    """
    n = len(matrix)
    a = [row[:] for row in matrix]
    b = [row[:] for row in rhs]
    scale = max((abs(a[i][i]) for i in range(n)), default=0.0)
    if scale == 0.0:
        return None
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) <= _PIVOT_TOL * scale:
            return None
        a[col], a[pivot] = a[pivot], a[col]
        b[col], b[pivot] = b[pivot], b[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            if factor == 0.0:
                continue
            for c in range(col, n):
                a[r][c] -= factor * a[col][c]
            for c in range(len(b[r])):
                b[r][c] -= factor * b[col][c]
    width = len(b[0]) if b else 0
    x = [[0.0] * width for _ in range(n)]
    for r in range(n - 1, -1, -1):
        for c in range(width):
            acc = b[r][c] - sum(a[r][k] * x[k][c] for k in range(r + 1, n))
            x[r][c] = acc / a[r][r]
    return x


@dataclass(frozen=True)
class _Poly:
    """One fitted direction: (p, q) -> (a, b) on centred, scaled inputs."""

    kind: str
    cx: float
    cy: float
    scale: float
    coef_a: tuple[float, ...]
    coef_b: tuple[float, ...]

    def __call__(self, p: float, q: float) -> tuple[float, float]:
        terms = _basis(self.kind, (p - self.cx) / self.scale, (q - self.cy) / self.scale)
        a = math.fsum(c * t for c, t in zip(self.coef_a, terms, strict=True))
        b = math.fsum(c * t for c, t in zip(self.coef_b, terms, strict=True))
        return a, b


def _normalisation(pairs: Sequence[tuple[float, float]]) -> tuple[float, float, float]:
    n = len(pairs)
    cx = math.fsum(p for p, _ in pairs) / n
    cy = math.fsum(q for _, q in pairs) / n
    spread = math.sqrt(math.fsum((p - cx) ** 2 + (q - cy) ** 2 for p, q in pairs) / n)
    return cx, cy, spread


def _check_spread(pairs: Sequence[tuple[float, float]], space: str, kind: str) -> None:
    cx, cy, spread = _normalisation(pairs)
    if spread == 0.0:
        raise GeorefError(f"all control points have the same {space}")
    n = len(pairs)
    sxx = math.fsum(((p - cx) / spread) ** 2 for p, _ in pairs) / n
    syy = math.fsum(((q - cy) / spread) ** 2 for _, q in pairs) / n
    sxy = math.fsum(((p - cx) / spread) * ((q - cy) / spread) for p, q in pairs) / n
    trace = sxx + syy
    isotropy = 4.0 * (sxx * syy - sxy * sxy) / (trace * trace)
    if isotropy < _COLLINEAR_TOL:
        raise GeorefError(
            f"control points are collinear in {space}: a {kind} georeference needs "
            "points spread over the map, not all on one line"
        )


def _fit_direction(
    kind: str, inputs: Sequence[tuple[float, float]], outputs: Sequence[tuple[float, float]]
) -> _Poly | None:
    cx, cy, scale = _normalisation(inputs)
    rows = [_basis(kind, (p - cx) / scale, (q - cy) / scale) for p, q in inputs]
    m = len(rows[0])
    normal = [[math.fsum(r[i] * r[j] for r in rows) for j in range(m)] for i in range(m)]
    rhs = [
        [
            math.fsum(r[i] * out[0] for r, out in zip(rows, outputs, strict=True)),
            math.fsum(r[i] * out[1] for r, out in zip(rows, outputs, strict=True)),
        ]
        for i in range(m)
    ]
    solution = _solve(normal, rhs)
    if solution is None:
        return None
    return _Poly(
        kind=kind,
        cx=cx,
        cy=cy,
        scale=scale,
        coef_a=tuple(s[0] for s in solution),
        coef_b=tuple(s[1] for s in solution),
    )


@dataclass(frozen=True)
class Fitted:
    """A control-point georeference made by :func:`fit`; do not construct it directly."""

    kind: Kind
    points: tuple[ControlPoint, ...]
    _forward: _Poly = field(repr=False, compare=False)
    _inverse: _Poly = field(repr=False, compare=False)

    def to_lonlat(self, x: float, y: float) -> tuple[float, float]:
        """The fitted ``(lon, lat)`` at pixel ``(x, y)`` (not wrapped or clamped)."""
        return self._forward(x, y)

    def to_pixel(self, lon: float, lat: float) -> tuple[float, float]:
        """The fitted pixel ``(x, y)`` showing ``(lon, lat)``."""
        return self._inverse(lon, lat)

    def residuals(self) -> list[float]:
        """Per control point, pixels between its pixel and the fitted pixel of its lon/lat."""
        out = []
        for p in self.points:
            fx, fy = self.to_pixel(p.lon, p.lat)
            out.append(math.hypot(fx - p.x, fy - p.y))
        return out

    @property
    def rms(self) -> float:
        """Root mean square of :meth:`residuals`, in pixels."""
        res = self.residuals()
        return math.sqrt(math.fsum(r * r for r in res) / len(res))


Georef: TypeAlias = Equirectangular | Fitted
"""Anything with ``to_pixel(lon, lat)`` and ``to_lonlat(x, y)``."""


def fit(points: Iterable[ControlPoint], kind: str = "affine") -> Fitted:
    """Fit a ``kind`` georeference through ``points``; :class:`GeorefError` if impossible."""
    if kind not in _MIN_POINTS:
        raise GeorefError(f"unknown georeference kind {kind!r}; expected one of {list(KINDS)}")
    pts = tuple(points)
    needed = _MIN_POINTS[kind]
    if len(pts) < needed:
        raise GeorefError(
            f"a {kind} georeference needs at least {needed} control points, got {len(pts)}"
        )
    _check_numbers(pts)
    for space, key in (
        ("pixel position", lambda p: (p.x, p.y)),
        ("longitude/latitude", lambda p: (p.lon, p.lat)),
    ):
        seen: dict[tuple[float, float], int] = {}
        for i, p in enumerate(pts, 1):
            k = key(p)
            if k in seen:
                raise GeorefError(
                    f"control points {seen[k]} and {i} have the same {space} {k}; "
                    "remove the duplicate"
                )
            seen[k] = i
    pixels = [(p.x, p.y) for p in pts]
    lonlats = [(p.lon, p.lat) for p in pts]
    _check_spread(pixels, "pixel position", kind)
    _check_spread(lonlats, "longitude/latitude", kind)
    forward = _fit_direction(kind, pixels, lonlats)
    inverse = _fit_direction(kind, lonlats, pixels)
    if forward is None or inverse is None:
        raise GeorefError(
            f"control points do not determine a {kind} fit (they lie on one curve, "
            "such as a line or a circle); add points spread over the whole map"
        )
    return Fitted(kind=cast(Kind, kind), points=pts, _forward=forward, _inverse=inverse)


# --- JSON ----------------------------------------------------------------------------------


def to_json(georef: Georef) -> dict[str, object]:
    """The catalogue's JSON form of ``georef`` (see the module docstring)."""
    if isinstance(georef, Equirectangular):
        return {"type": "equirectangular"}
    return {
        "type": "control_points",
        "kind": georef.kind,
        "points": [{"x": p.x, "y": p.y, "lon": p.lon, "lat": p.lat} for p in georef.points],
    }


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise GeorefError(f"{where} must be a number, not {value!r}")
    return float(value)


def from_json(
    data: Mapping[str, object], *, width: float | None = None, height: float | None = None
) -> Georef:
    """Rebuild a georeference from :func:`to_json` output.

    ``width`` and ``height`` (the image's size in pixels) are required for
    ``"equirectangular"`` and ignored otherwise.
    """
    if not isinstance(data, Mapping):
        raise GeorefError(f"a georeference must be a JSON object, not {type(data).__name__}")
    kind_of = data.get("type")
    if kind_of == "equirectangular":
        if width is None or height is None:
            raise GeorefError("an equirectangular georeference needs the image width and height")
        return Equirectangular(width, height)
    if kind_of == "control_points":
        kind = data.get("kind", "affine")
        if not isinstance(kind, str) or kind not in _MIN_POINTS:
            raise GeorefError(f"unknown georeference kind {kind!r}; expected one of {list(KINDS)}")
        raw = data.get("points")
        if not isinstance(raw, list):
            raise GeorefError("a control_points georeference needs a list of 'points'")
        points = []
        for i, item in enumerate(raw, 1):
            if not isinstance(item, Mapping):
                raise GeorefError(f"control point {i} must be an object with x, y, lon, lat")
            missing = [k for k in ("x", "y", "lon", "lat") if k not in item]
            if missing:
                raise GeorefError(f"control point {i} lacks {', '.join(missing)}")
            values = [_number(item[k], f"control point {i} {k}") for k in ("x", "y", "lon", "lat")]
            points.append(ControlPoint(*values))
        return fit(points, kind)
    raise GeorefError(
        f"unknown georeference type {kind_of!r}; expected 'equirectangular' or 'control_points'"
    )
