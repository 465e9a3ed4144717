"""A plan image calibrated by two points: the similarity, its inverse, and the [plan] table."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.planimage import (
    PlanCalibration,
    PlanCalibrationError,
    plan_from_table,
    plan_snippet,
)
from core.site import SiteError, SiteSpec, parse_site

finite = st.floats(min_value=-5000, max_value=5000, allow_nan=False)


def _close(a: tuple[float, float], b: tuple[float, float], tol: float = 1e-6) -> bool:
    return math.dist(a, b) <= tol * max(1.0, math.hypot(*b))


def test_the_two_points_map_exactly() -> None:
    cal = PlanCalibration((120.0, 80.0, 35.5, 900.0), (1500.0, 640.0, 2810.0, 12.25))
    assert _close(cal.pixel_to_site(120.0, 80.0), (35.5, 900.0))
    assert _close(cal.pixel_to_site(1500.0, 640.0), (2810.0, 12.25))
    assert _close(cal.site_to_pixel(35.5, 900.0), (120.0, 80.0))
    assert _close(cal.site_to_pixel(2810.0, 12.25), (1500.0, 640.0))


def test_an_unrotated_plan_flips_the_image_y_axis_up() -> None:
    # Image 200×100 px, 2 m a pixel, its bottom-left corner at the site's origin.
    cal = PlanCalibration((0, 100, 0, 0), (200, 0, 400, 200))
    assert cal.metres_per_pixel == pytest.approx(2.0)
    assert cal.rotation_deg == pytest.approx(0.0)
    assert cal.pixel_to_site(0, 0) == pytest.approx((0, 200))  # top-left: north-west
    assert cal.pixel_to_site(100, 50) == pytest.approx((200, 100))
    assert cal.matrix() == pytest.approx((2.0, 0.0, 0.0, -2.0, 0.0, 200.0))


def test_a_known_rotation_and_scale() -> None:
    # The image's x axis runs north on the site (90° counter-clockwise), 0.5 m a pixel.
    cal = PlanCalibration((0, 0, 100, 100), (100, 0, 100, 150))
    assert cal.metres_per_pixel == pytest.approx(0.5)
    assert cal.rotation_deg == pytest.approx(90.0)
    # Image y runs down, i.e. (rotated with x) towards site +x.
    assert cal.pixel_to_site(0, 100) == pytest.approx((150, 100))


@given(
    st.tuples(finite, finite, finite, finite),
    st.floats(min_value=-180, max_value=180),
    st.floats(min_value=0.01, max_value=50),
    st.floats(min_value=20, max_value=4000),
    st.tuples(finite, finite),
)
def test_site_to_pixel_inverts_pixel_to_site(
    first: tuple[float, float, float, float],
    angle: float,
    scale: float,
    span: float,
    probe: tuple[float, float],
) -> None:
    px, py, x, y = first
    t = math.radians(angle)
    second = (
        px + span * math.cos(t),
        py + span * math.sin(t),
        x + scale * span,
        y - scale * span * 0.3,
    )
    cal = PlanCalibration(first, second)
    assert _close(cal.pixel_to_site(*cal.site_to_pixel(*probe)), probe)
    assert _close(cal.site_to_pixel(*cal.pixel_to_site(*probe)), probe)
    assert _close(cal.pixel_to_site(second[0], second[1]), (second[2], second[3]))


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        ((10, 10, 0, 0), (10, 10, 100, 100), "0.0 px apart"),
        ((10, 10, 0, 0), (15, 15, 100, 100), "at least 10 px"),
        ((10, 10, 5, 5), (500, 10, 5, 5), "same site position"),
        ((10, 10, 5, 5), (500, math.nan, 5, 5), "finite"),
    ],
)
def test_bad_calibrations_are_refused(
    first: tuple[float, float, float, float],
    second: tuple[float, float, float, float],
    message: str,
) -> None:
    with pytest.raises(PlanCalibrationError, match=message):
        PlanCalibration(first, second)


# --- the [plan] table ---------------------------------------------------------------------------


def test_a_plan_table_resolves_the_image_next_to_the_site_file() -> None:
    plan, problems = plan_from_table(
        {"image": "maps/plan.PNG", "points": [[0, 100, 0, 0], [200, 0, 400, 200]]},
        Path("/srv/site"),
    )
    assert problems == []
    assert plan is not None
    assert plan.image == Path("/srv/site/maps/plan.PNG")
    assert plan.calibration.metres_per_pixel == pytest.approx(2.0)


@pytest.mark.parametrize(
    ("table", "key", "message"),
    [
        ({"points": [[0, 0, 0, 0], [100, 0, 10, 0]]}, "image", "image file's path"),
        ({"image": "", "points": [[0, 0, 0, 0], [100, 0, 10, 0]]}, "image", "image file's path"),
        ({"image": "plan.gif", "points": [[0, 0, 0, 0], [100, 0, 10, 0]]}, "image", "PNG or JPEG"),
        ({"image": "p.png"}, "points", "expected two points"),
        ({"image": "p.png", "points": [[0, 0, 0, 0]]}, "points", "expected two points"),
        ({"image": "p.png", "points": [[0, 0, 0], [1, 1, 1, 1]]}, "points", "[0]: expected"),
        ({"image": "p.png", "points": [[0, 0, 0, 0], [1, True, 1, 1]]}, "points", "[1]: expected"),
        ({"image": "p.png", "points": [[0, 0, 0, 0], [3, 4, 1, 1]]}, "points", "5.0 px apart"),
        ({"image": "p.png", "points": [], "scale": 2}, "scale", "unknown field"),
    ],
)
def test_bad_plan_tables_are_explained(table: dict[str, object], key: str, message: str) -> None:
    plan, problems = plan_from_table(table, Path("/srv"))
    assert plan is None
    assert any(k == key and message in m for k, m in problems), problems


def test_the_snippet_reads_back_as_the_same_calibration() -> None:
    cal = PlanCalibration((12.5, 40, -3.25, 812), (900, 610.75, 1450, 20))
    text = plan_snippet('C:\\maps\\plan "v2".png', cal)
    site = '[site]\nname = "X"\n' + text
    spec = parse_site(site, Path("/srv/site.toml"))
    assert spec.plan is not None
    assert spec.plan.calibration == cal
    assert spec.plan.image.name.endswith('plan "v2".png')


def test_the_site_file_carries_a_plan(demo_site: SiteSpec, tmp_path: Path) -> None:
    assert demo_site.plan is None  # optional: the demo draws its zones only
    text = demo_site.source.read_text(encoding="utf-8")
    text += '\n[plan]\nimage = "plan.jpg"\npoints = [[0, 0, 0, 2000], [3000, 2000, 3000, 0]]\n'
    spec = parse_site(text, tmp_path / "site.toml")
    assert spec.plan is not None
    assert spec.plan.image == tmp_path / "plan.jpg"
    assert spec.plan.calibration.pixel_to_site(1500, 1000) == pytest.approx((1500, 1000))


def test_a_broken_plan_table_names_the_line(demo_site: SiteSpec) -> None:
    text = demo_site.source.read_text(encoding="utf-8")
    text += '\n[plan]\nimage = "plan.png"\npoints = [[0, 0, 0, 0], [2, 2, 50, 50]]\n'
    with pytest.raises(SiteError) as caught:
        parse_site(text, demo_site.source)
    problem = caught.value.problems[0]
    assert problem.field == "plan.points"
    assert problem.line is not None
    assert text.splitlines()[problem.line - 1].startswith("points = [[0, 0")
    assert "px apart" in problem.message


def test_plan_must_be_a_table() -> None:
    with pytest.raises(SiteError) as caught:
        parse_site('plan = "plan.png"\n[site]\nname = "X"\n', Path("/srv/site.toml"))
    assert caught.value.problems[0].field == "plan"
    assert caught.value.problems[0].line == 1
