"""GPS calibration: similarity and affine fits, residuals, GCJ-02 points, the demo transform."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.geo import (
    DEMO_CONTROL_POINTS,
    CalibrationError,
    ControlPoint,
    GeoTransform,
    calibration_from_table,
    demo_transform,
    fit_transform,
    gcj02_to_wgs84,
    out_of_china,
    wgs84_to_gcj02,
)
from core.site import SiteError, SiteSpec, parse_site


def _truth(angle_deg: float, scale: float = 1.0, tx: float = 0.0, ty: float = 0.0) -> GeoTransform:
    a = math.radians(angle_deg)
    c, s = math.cos(a) * scale, math.sin(a) * scale
    return GeoTransform(39.16, 117.15, c, s, -s, c, tx, ty)


def _points(truth: GeoTransform, sites: Sequence[tuple[float, float]]) -> list[ControlPoint]:
    out = []
    for x, y in sites:
        lat, lon = truth.to_latlon(x, y)
        out.append(ControlPoint(lat, lon, x, y, label=f"{x:.0f},{y:.0f}"))
    return out


def test_two_points_give_an_exact_similarity() -> None:
    truth = _truth(10.0, tx=150.0, ty=-40.0)
    fit = fit_transform(_points(truth, [(0, 0), (3000, 2000)]))
    assert fit.kind == "similarity"
    assert fit.rms_m < 0.05
    assert fit.rotation_deg == pytest.approx(10.0, abs=0.01)
    assert fit.scale == pytest.approx(1.0, abs=1e-3)
    for x, y in [(500.0, 1500.0), (2900.0, 100.0), (1500.0, 1000.0)]:
        lat, lon = truth.to_latlon(x, y)
        fx, fy = fit.to_site(lat, lon)
        assert math.hypot(fx - x, fy - y) < 0.5


def test_least_squares_reports_the_mistyped_control_point() -> None:
    truth = _truth(-3.0)
    points = _points(truth, [(0, 0), (3000, 0), (3000, 2000), (0, 2000), (1500, 1000)])
    # The operator typed the fifth point's x as 1580 instead of 1500.
    bad = points[4]
    points[4] = ControlPoint(bad.lat, bad.lon, 1580.0, bad.y, label="centre")
    fit = fit_transform(points)
    worst = max(fit.residuals, key=lambda r: r.distance)
    assert worst.label == "centre"
    assert 50.0 < worst.distance < 80.0
    assert fit.max_residual_m == pytest.approx(worst.distance)
    assert 20.0 < fit.rms_m < 40.0


def test_affine_fits_a_stretched_plan_that_a_similarity_cannot() -> None:
    # A scanned plan stretched 1.2x horizontally: no similarity matches it.
    truth = GeoTransform(39.16, 117.15, 1.2, 0.0, 0.0, 1.0, 0.0, 0.0)
    points = _points(truth, [(0, 0), (3000, 0), (3000, 2000), (0, 2000)])
    similarity = fit_transform(points)
    affine = fit_transform(points, affine=True)
    assert affine.kind == "affine"
    assert affine.rms_m < 0.05
    assert similarity.rms_m > 100.0
    lat, lon = truth.to_latlon(1234.0, 567.0)
    assert math.dist(affine.to_site(lat, lon), (1234.0, 567.0)) < 0.2
    assert math.dist(affine.to_site(*affine.to_latlon(10.0, 20.0)), (10.0, 20.0)) < 1e-6


@pytest.mark.parametrize(
    ("sites", "affine", "message"),
    [
        ([(0, 0)], False, "at least 2"),
        ([(0, 0), (1, 1)], True, "at least 3"),
        ([(0, 0), (500, 500), (1000, 1000)], True, "not in a line"),
    ],
)
def test_bad_control_points_are_refused(
    sites: Sequence[tuple[float, float]], affine: bool, message: str
) -> None:
    with pytest.raises(CalibrationError, match=message):
        fit_transform(_points(_truth(0.0), sites), affine=affine)


def test_coincident_points_are_refused() -> None:
    point = ControlPoint(39.16, 117.15, 0.0, 0.0)
    with pytest.raises(CalibrationError, match="same place"):
        fit_transform([point, ControlPoint(39.16, 117.15, 100.0, 0.0)])


def test_gcj02_shifts_tianjin_by_hundreds_of_metres_and_inverts() -> None:
    lat, lon = 39.165, 117.15
    glat, glon = wgs84_to_gcj02(lat, lon)
    shift = math.hypot((glat - lat) * 111_000, (glon - lon) * 111_000 * math.cos(math.radians(lat)))
    assert 300.0 < shift < 800.0
    back = gcj02_to_wgs84(glat, glon)
    assert abs(back[0] - lat) < 1e-8
    assert abs(back[1] - lon) < 1e-8


def test_outside_china_gcj02_is_wgs84() -> None:
    assert out_of_china(48.85, 2.35)
    assert wgs84_to_gcj02(48.85, 2.35) == (48.85, 2.35)
    assert gcj02_to_wgs84(48.85, 2.35) == (48.85, 2.35)


def test_control_points_read_off_a_chinese_map_are_converted_to_the_trackers_datum() -> None:
    truth = _truth(2.0)
    sites = [(0, 0), (3000, 0), (3000, 2000), (0, 2000)]
    gcj_points = []
    for p in _points(truth, sites):
        glat, glon = wgs84_to_gcj02(p.lat, p.lon)
        gcj_points.append(ControlPoint(glat, glon, p.x, p.y, datum="gcj02"))
    fit = fit_transform(gcj_points)  # trackers send WGS-84 (the default)
    naive = fit_transform([ControlPoint(p.lat, p.lon, p.x, p.y) for p in gcj_points])
    lat, lon = truth.to_latlon(1500.0, 900.0)  # a WGS-84 fix
    assert math.dist(fit.to_site(lat, lon), (1500.0, 900.0)) < 1.0
    # Treating the GCJ-02 points as WGS-84 puts every fix hundreds of metres off.
    assert math.dist(naive.to_site(lat, lon), (1500.0, 900.0)) > 300.0
    # Trackers configured for GCJ-02 get a transform in GCJ-02.
    gcj_fit = fit_transform(gcj_points, tracker_datum="gcj02")
    assert gcj_fit.datum == "gcj02"
    assert math.dist(gcj_fit.to_site(*wgs84_to_gcj02(lat, lon)), (1500.0, 900.0)) < 1.0


def test_demo_transform_is_well_conditioned() -> None:
    fit = demo_transform()
    assert fit.max_residual_m < 0.5
    assert fit.scale == pytest.approx(1.0, abs=1e-3)
    assert fit.rotation_deg == pytest.approx(2.0, abs=0.01)
    lat, lon = fit.to_latlon(0.0, 0.0)
    assert (round(lat, 4), round(lon, 4)) == (39.156, 117.133)


coords = st.floats(min_value=-500.0, max_value=3500.0, allow_nan=False)


@given(x=coords, y=coords)
def test_demo_round_trip(x: float, y: float) -> None:
    fit = demo_transform()
    assert math.dist(fit.to_site(*fit.to_latlon(x, y)), (x, y)) < 1e-6


@given(
    angle=st.floats(min_value=-180.0, max_value=180.0),
    scale=st.floats(min_value=0.2, max_value=5.0),
    tx=st.floats(min_value=-1000.0, max_value=1000.0),
    ty=st.floats(min_value=-1000.0, max_value=1000.0),
)
def test_fit_recovers_any_similarity(angle: float, scale: float, tx: float, ty: float) -> None:
    truth = _truth(angle, scale, tx, ty)
    fit = fit_transform(_points(truth, [(0, 0), (2000, 300), (800, 1900)]))
    lat, lon = truth.to_latlon(1000.0, 1000.0)
    # The tangent planes differ (the truth's origin vs the points' mean): centimetres.
    assert math.dist(fit.to_site(lat, lon), (1000.0, 1000.0)) < 0.5
    assert fit.scale == pytest.approx(scale, rel=1e-3)


# --- the site file's [geo] table -----------------------------------------------------------------


def test_demo_site_carries_the_demo_calibration(demo_site: SiteSpec) -> None:
    assert demo_site.geo is not None
    assert demo_site.geo.points == DEMO_CONTROL_POINTS
    assert demo_site.geo.transform() == demo_transform()


@pytest.mark.parametrize(
    ("table", "key", "message"),
    [
        ({"points": [[39.1, 117.1, 0, 0]]}, "points", "at least 2"),
        ({"points": "none"}, "points", "expected an array"),
        ({"points": [[39.1, 117.1, 0], [39.2, 117.2, 1, 1]]}, "points", "[0]: expected [lat"),
        ({"points": [[39.1, True, 0, 0], [39.2, 117.2, 1, 1]]}, "points", "must be numbers"),
        ({"points": [[139.1, 117.1, 0, 0], [39.2, 117.2, 1, 1]]}, "points", "within ±90"),
        ({"points": [[39.1, 117.1, 0, 0, 7], [39.2, 117.2, 1, 1]]}, "points", "label"),
        ({"points": [], "datum": "bd09"}, "datum", "'wgs84' or 'gcj02'"),
        ({"points": [], "affine": "yes"}, "affine", "true or false"),
        ({"points": [], "scale": 2}, "scale", "unknown field"),
    ],
)
def test_bad_geo_tables_are_explained(table: dict[str, object], key: str, message: str) -> None:
    calibration, problems = calibration_from_table(table)
    assert calibration is None
    assert any(k == key and message in m for k, m in problems), problems


def test_gcj02_points_in_the_table_are_converted() -> None:
    rows = [[*wgs84_to_gcj02(p.lat, p.lon), p.x, p.y] for p in DEMO_CONTROL_POINTS]
    calibration, problems = calibration_from_table({"points": rows, "datum": "gcj02"})
    assert problems == []
    assert calibration is not None
    assert calibration.points[0].datum == "gcj02"
    lat, lon = demo_transform().to_latlon(1000.0, 500.0)
    assert math.dist(calibration.transform().to_site(lat, lon), (1000.0, 500.0)) < 1.0


def test_a_broken_geo_table_names_the_line(demo_site: SiteSpec) -> None:
    text = demo_site.source.read_text(encoding="utf-8")
    broken = text.replace('[39.1749170, 117.1669624, 3000, 2000, "NE corner"]', "[1, 2]")
    assert broken != text
    with pytest.raises(SiteError) as caught:
        parse_site(broken, demo_site.source)
    problem = caught.value.problems[0]
    assert problem.field == "geo.points"
    assert problem.line is not None
    assert text.splitlines()[problem.line - 1].startswith("points = [")
