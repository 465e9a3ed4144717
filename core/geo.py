"""GPS calibration: WGS-84 (or GCJ-02) lat/lon to site metres by a fitted similarity or affine map.

Datums. GPS chips report WGS-84. Maps published in mainland China (Amap/Gaode, Tencent, the
street's own survey plans drawn on them) are in GCJ-02, which is WGS-84 shifted by an
obfuscation of several hundred metres (about 500 m in Tianjin) that varies slowly with the
place. A transform fitted from points of one datum and fed fixes of the other is off by that
shift. So the calibration's control points must be in the datum the trackers send (a fit
absorbs any local offset of that datum, but only of that one): mark points read off a Chinese
map as `datum="gcj02"` and `fit_transform` converts them to the trackers' datum first (most
JT/T 808 terminals send WGS-84, a few are configured for GCJ-02: `tracker_datum`).

The map from lat/lon to metres is a local tangent plane (equirectangular about the points'
mean, ample over a few kilometres) followed by a least-squares similarity (scale, rotation,
translation; 2 points or more) or affine (3 non-collinear points or more) fit, whose
residuals tell the operator whether a control point was mistyped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal

Datum = Literal["wgs84", "gcj02"]

EARTH_RADIUS_M: Final = 6_371_008.8  # mean radius: the tangent plane's scale
_DEG: Final = math.pi / 180.0

# GCJ-02 uses the Krasovsky 1940 ellipsoid in its published (reverse-engineered) formulas.
_GCJ_A: Final = 6378245.0
_GCJ_EE: Final = 0.00669342162296594323


class CalibrationError(ValueError):
    """The control points cannot define a transform (too few, coincident, collinear)."""


@dataclass(frozen=True, slots=True)
class ControlPoint:
    """A place known both on the site map (x, y metres) and on a map or by GPS (lat, lon)."""

    lat: float
    lon: float
    x: float
    y: float
    datum: Datum = "wgs84"
    label: str = ""


@dataclass(frozen=True, slots=True)
class Residual:
    """How far the fitted transform puts a control point from where the site map has it."""

    label: str
    dx: float
    dy: float

    @property
    def distance(self) -> float:
        """Metres between the fitted and the given site position."""
        return math.hypot(self.dx, self.dy)


@dataclass(frozen=True, slots=True)
class GeoTransform:
    """lat/lon (in `datum`) ↔ site metres: x = a·e + b·n + tx, y = c·e + d·n + ty.

    (e, n) are east/north metres on the tangent plane at (lat0, lon0).
    """

    lat0: float
    lon0: float
    a: float
    b: float
    c: float
    d: float
    tx: float
    ty: float
    kind: Literal["similarity", "affine"] = "similarity"
    datum: Datum = "wgs84"
    residuals: tuple[Residual, ...] = ()

    @property
    def rms_m(self) -> float:
        """Root mean square of the control points' residuals (0 for an exact 2-point fit)."""
        if not self.residuals:
            return 0.0
        return math.sqrt(
            sum(r.dx * r.dx + r.dy * r.dy for r in self.residuals) / len(self.residuals)
        )

    @property
    def max_residual_m(self) -> float:
        """The worst control point's residual in metres."""
        return max((r.distance for r in self.residuals), default=0.0)

    @property
    def scale(self) -> float:
        """Site metres per ground metre (1.0 for a plan drawn to scale)."""
        return math.sqrt(abs(self.a * self.d - self.b * self.c))

    @property
    def rotation_deg(self) -> float:
        """Degrees the site's axes are turned counter-clockwise from east and north."""
        return -math.degrees(math.atan2(self.c, self.a))

    def to_site(self, lat: float, lon: float) -> tuple[float, float]:
        """Site (x, y) metres of a position in this transform's datum."""
        e, n = _plane(lat, lon, self.lat0, self.lon0)
        return self.a * e + self.b * n + self.tx, self.c * e + self.d * n + self.ty

    def to_latlon(self, x: float, y: float) -> tuple[float, float]:
        """The (lat, lon) in this transform's datum of a site position (simulators, map export)."""
        det = self.a * self.d - self.b * self.c
        u, v = x - self.tx, y - self.ty
        e = (self.d * u - self.b * v) / det
        n = (-self.c * u + self.a * v) / det
        return _unplane(e, n, self.lat0, self.lon0)


def fit_transform(
    points: Sequence[ControlPoint],
    *,
    affine: bool = False,
    tracker_datum: Datum = "wgs84",
) -> GeoTransform:
    """Least-squares transform from control points; residuals are reported on the result.

    Args:
        points: at least 2 (similarity) or 3 non-collinear (affine) control points.
        affine: also fit shear and unequal scales (a plan image that was stretched).
        tracker_datum: the datum the trackers send; points in another datum are converted.

    Raises:
        CalibrationError: too few points, or points that do not span the plane.
    """
    need = 3 if affine else 2
    if len(points) < need:
        article = "an affine" if affine else "a"
        raise CalibrationError(f"{article} calibration needs at least {need} control points")
    geo = [_convert(p.lat, p.lon, p.datum, tracker_datum) for p in points]
    lat0 = sum(lat for lat, _ in geo) / len(geo)
    lon0 = sum(lon for _, lon in geo) / len(geo)
    plane = [_plane(lat, lon, lat0, lon0) for lat, lon in geo]
    site = [(p.x, p.y) for p in points]
    ec = sum(e for e, _ in plane) / len(plane)
    nc = sum(n for _, n in plane) / len(plane)
    xc = sum(x for x, _ in site) / len(site)
    yc = sum(y for _, y in site) / len(site)
    pe = [(e - ec, n - nc) for e, n in plane]
    ps = [(x - xc, y - yc) for x, y in site]
    if affine:
        a, b, c, d = _fit_affine(pe, ps)
        kind: Literal["similarity", "affine"] = "affine"
    else:
        a, b, c, d = _fit_similarity(pe, ps)
        kind = "similarity"
    tx = xc - (a * ec + b * nc)
    ty = yc - (c * ec + d * nc)
    transform = GeoTransform(lat0, lon0, a, b, c, d, tx, ty, kind, tracker_datum)
    residuals = []
    for i, (point, (lat, lon)) in enumerate(zip(points, geo, strict=True)):
        fx, fy = transform.to_site(lat, lon)
        residuals.append(Residual(point.label or f"#{i + 1}", fx - point.x, fy - point.y))
    return GeoTransform(lat0, lon0, a, b, c, d, tx, ty, kind, tracker_datum, tuple(residuals))


def _fit_similarity(
    pe: Sequence[tuple[float, float]], ps: Sequence[tuple[float, float]]
) -> tuple[float, float, float, float]:
    # x = p·e − q·n, y = q·e + p·n on centred coordinates (the closed-form Helmert fit).
    norm = sum(e * e + n * n for e, n in pe)
    if norm < 1e-6:
        raise CalibrationError("the control points are all at the same place")
    p = sum(e * x + n * y for (e, n), (x, y) in zip(pe, ps, strict=True)) / norm
    q = sum(e * y - n * x for (e, n), (x, y) in zip(pe, ps, strict=True)) / norm
    if math.hypot(p, q) < 1e-9:
        raise CalibrationError("the control points' site positions are all at the same place")
    return p, -q, q, p


def _fit_affine(
    pe: Sequence[tuple[float, float]], ps: Sequence[tuple[float, float]]
) -> tuple[float, float, float, float]:
    see = sum(e * e for e, _ in pe)
    snn = sum(n * n for _, n in pe)
    sen = sum(e * n for e, n in pe)
    det = see * snn - sen * sen
    # Relative test: collinear points leave the normal matrix singular whatever their spread.
    if det <= 1e-9 * max(see * snn, 1e-12):
        raise CalibrationError("an affine calibration needs control points that are not in a line")
    sex = sum(e * x for (e, _), (x, _) in zip(pe, ps, strict=True))
    snx = sum(n * x for (_, n), (x, _) in zip(pe, ps, strict=True))
    sey = sum(e * y for (e, _), (_, y) in zip(pe, ps, strict=True))
    sny = sum(n * y for (_, n), (_, y) in zip(pe, ps, strict=True))
    a = (snn * sex - sen * snx) / det
    b = (see * snx - sen * sex) / det
    c = (snn * sey - sen * sny) / det
    d = (see * sny - sen * sey) / det
    return a, b, c, d


def _plane(lat: float, lon: float, lat0: float, lon0: float) -> tuple[float, float]:
    return (
        (lon - lon0) * _DEG * EARTH_RADIUS_M * math.cos(lat0 * _DEG),
        (lat - lat0) * _DEG * EARTH_RADIUS_M,
    )


def _unplane(e: float, n: float, lat0: float, lon0: float) -> tuple[float, float]:
    return (
        lat0 + n / (EARTH_RADIUS_M * _DEG),
        lon0 + e / (EARTH_RADIUS_M * _DEG * math.cos(lat0 * _DEG)),
    )


def _convert(lat: float, lon: float, source: Datum, target: Datum) -> tuple[float, float]:
    if source == target:
        return lat, lon
    if source == "gcj02":
        return gcj02_to_wgs84(lat, lon)
    return wgs84_to_gcj02(lat, lon)


# --- the site file's [geo] table ----------------------------------------------------------------

DATUMS: Final = ("wgs84", "gcj02")
GEO_FIELDS: Final = ("points", "datum", "tracker_datum", "affine")


@dataclass(frozen=True, slots=True)
class GeoCalibration:
    """A site's control points and how to fit them (the site file's [geo] table)."""

    points: tuple[ControlPoint, ...]
    affine: bool = False
    tracker_datum: Datum = "wgs84"

    def transform(self) -> GeoTransform:
        """The fitted transform (the points were checked to fit when the site was loaded)."""
        return fit_transform(self.points, affine=self.affine, tracker_datum=self.tracker_datum)


def calibration_from_table(
    data: Mapping[str, object],
) -> tuple[GeoCalibration | None, list[tuple[str, str]]]:
    """Read a [geo] table: `points = [[lat, lon, x, y, "label"?], ...]`, `datum`, `affine`.

    Returns the calibration (None if it has problems) and the problems as (key, message).
    """
    problems: list[tuple[str, str]] = []
    for key in data:
        if key not in GEO_FIELDS:
            problems.append((key, f"unknown field; expected one of {', '.join(GEO_FIELDS)}"))
    datums: dict[str, Datum] = {}
    for key in ("datum", "tracker_datum"):
        value = data.get(key, "wgs84")
        if value == "wgs84" or value == "gcj02":
            datums[key] = value
        else:
            problems.append((key, f"expected 'wgs84' or 'gcj02', got {value!r}"))
    affine = data.get("affine", False)
    if not isinstance(affine, bool):
        problems.append(("affine", f"expected true or false, got {affine!r}"))
        affine = False
    raw = data.get("points")
    points: list[ControlPoint] = []
    if not isinstance(raw, list):
        problems.append(("points", "expected an array of [lat, lon, x, y] control points"))
        raw = []
    for i, item in enumerate(raw):
        point = _control_point(item, datums.get("datum", "wgs84"), i)
        if isinstance(point, str):
            problems.append(("points", f"[{i}]: {point}"))
        else:
            points.append(point)
    if problems:
        return None, problems
    calibration = GeoCalibration(tuple(points), affine, datums["tracker_datum"])
    try:
        calibration.transform()
    except CalibrationError as exc:
        return None, [("points", str(exc))]
    return calibration, []


def _control_point(item: object, datum: Datum, index: int) -> ControlPoint | str:
    if not isinstance(item, list) or len(item) not in (4, 5):
        return f"expected [lat, lon, x, y] or [lat, lon, x, y, label], got {item!r}"
    numbers = item[:4]
    if any(isinstance(v, bool) or not isinstance(v, int | float) for v in numbers):
        return f"lat, lon, x and y must be numbers, got {item!r}"
    lat, lon, x, y = (float(v) for v in numbers)
    if not all(math.isfinite(v) for v in (lat, lon, x, y)):
        return f"coordinates must be finite, got {item!r}"
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return f"latitude must be within ±90 and longitude within ±180, got {lat}, {lon}"
    label = item[4] if len(item) == 5 else f"#{index + 1}"
    if not isinstance(label, str):
        return f"the label must be text, got {label!r}"
    return ControlPoint(lat, lon, x, y, datum, label)


# --- GCJ-02 ------------------------------------------------------------------------------------


def out_of_china(lat: float, lon: float) -> bool:
    """True outside the rough box where GCJ-02 applies (there it equals WGS-84)."""
    return not (72.004 <= lon <= 137.8347 and 0.8293 <= lat <= 55.8271)


def wgs84_to_gcj02(lat: float, lon: float) -> tuple[float, float]:
    """The GCJ-02 position Chinese maps show for a WGS-84 position (the public formulas)."""
    if out_of_china(lat, lon):
        return lat, lon
    dlat, dlon = _gcj_delta(lat, lon)
    return lat + dlat, lon + dlon


def gcj02_to_wgs84(lat: float, lon: float) -> tuple[float, float]:
    """The WGS-84 position of a GCJ-02 one, by fixed-point iteration (well under 1 mm)."""
    if out_of_china(lat, lon):
        return lat, lon
    wlat, wlon = lat, lon
    for _ in range(30):
        glat, glon = wgs84_to_gcj02(wlat, wlon)
        elat, elon = glat - lat, glon - lon
        wlat -= elat
        wlon -= elon
        if abs(elat) < 1e-10 and abs(elon) < 1e-10:
            break
    return wlat, wlon


def _gcj_delta(lat: float, lon: float) -> tuple[float, float]:
    x, y = lon - 105.0, lat - 35.0
    pi = math.pi
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    dlat += (20.0 * math.sin(6.0 * x * pi) + 20.0 * math.sin(2.0 * x * pi)) * 2.0 / 3.0
    dlat += (20.0 * math.sin(y * pi) + 40.0 * math.sin(y / 3.0 * pi)) * 2.0 / 3.0
    dlat += (160.0 * math.sin(y / 12.0 * pi) + 320.0 * math.sin(y * pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    dlon += (20.0 * math.sin(6.0 * x * pi) + 20.0 * math.sin(2.0 * x * pi)) * 2.0 / 3.0
    dlon += (20.0 * math.sin(x * pi) + 40.0 * math.sin(x / 3.0 * pi)) * 2.0 / 3.0
    dlon += (150.0 * math.sin(x / 12.0 * pi) + 300.0 * math.sin(x / 30.0 * pi)) * 2.0 / 3.0
    rad = lat * _DEG
    magic = 1.0 - _GCJ_EE * math.sin(rad) ** 2
    sqrt_magic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_GCJ_A * (1.0 - _GCJ_EE)) / (magic * sqrt_magic) * pi)
    dlon = (dlon * 180.0) / (_GCJ_A / sqrt_magic * math.cos(rad) * pi)
    return dlat, dlon


# --- the demo site -----------------------------------------------------------------------------

# Synthetic, like the demo site itself: the street's map corners placed near Xianyang North
# Road in Tianjin's Hongqiao District (WGS-84), the plan's y axis 2° west of true north.
DEMO_CONTROL_POINTS: Final = (
    ControlPoint(39.1560000, 117.1330000, 0.0, 0.0, label="SW corner"),
    ControlPoint(39.1569416, 117.1677719, 3000.0, 0.0, label="SE corner"),
    ControlPoint(39.1749170, 117.1669624, 3000.0, 2000.0, label="NE corner"),
    ControlPoint(39.1739755, 117.1321905, 0.0, 2000.0, label="NW corner"),
)


def demo_transform() -> GeoTransform:
    """The demo site's calibration (the simulator's vehicles report through its inverse)."""
    return fit_transform(DEMO_CONTROL_POINTS)
