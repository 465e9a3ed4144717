"""A plan image placed on the site by two points: the similarity between pixels and site metres."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Final

PLAN_FIELDS: Final = ("image", "points")
IMAGE_SUFFIXES: Final = (".png", ".jpg", ".jpeg")
MIN_PIXEL_SPAN: Final = 10.0  # closer calibration pixels make a click's error the plan's error


class PlanCalibrationError(ValueError):
    """Two points that cannot place an image (too close, coincident, not finite)."""


@dataclass(frozen=True, slots=True)
class PlanCalibration:
    """Image pixel (px, py; origin top-left, y down) ↔ site metres (x, y; y up, as on the map).

    Two points fix a similarity: uniform scale, rotation and translation. With q = px − i·py
    (the pixel's y turned up like the site's) and s = x + i·y, s = a·q + b for complex a, b.
    """

    first: tuple[float, float, float, float]  # px, py, x, y
    second: tuple[float, float, float, float]

    def __post_init__(self) -> None:
        for point in (self.first, self.second):
            if len(point) != 4 or not all(math.isfinite(v) for v in point):
                raise PlanCalibrationError(f"expected four finite numbers, got {point!r}")
        (px1, py1, x1, y1), (px2, py2, x2, y2) = self.first, self.second
        span = math.hypot(px2 - px1, py2 - py1)
        if span < MIN_PIXEL_SPAN:
            raise PlanCalibrationError(
                f"the two image points are {span:.1f} px apart; pick points at least "
                f"{MIN_PIXEL_SPAN:.0f} px apart, ideally far across the image"
            )
        if math.hypot(x2 - x1, y2 - y1) < 1e-6:
            raise PlanCalibrationError("the two points have the same site position")

    @property
    def _ab(self) -> tuple[complex, complex]:
        (px1, py1, x1, y1), (px2, py2, x2, y2) = self.first, self.second
        q1, q2 = complex(px1, -py1), complex(px2, -py2)
        a = (complex(x2, y2) - complex(x1, y1)) / (q2 - q1)
        return a, complex(x1, y1) - a * q1

    @property
    def metres_per_pixel(self) -> float:
        """Site metres one image pixel spans."""
        return abs(self._ab[0])

    @property
    def rotation_deg(self) -> float:
        """Degrees the image's x axis is turned counter-clockwise from the site's x axis."""
        a = self._ab[0]
        return math.degrees(math.atan2(a.imag, a.real))

    def matrix(self) -> tuple[float, float, float, float, float, float]:
        """(m11, m12, m21, m22, dx, dy) in Qt's QTransform order: x = m11·px + m21·py + dx."""
        a, b = self._ab
        return a.real, a.imag, a.imag, -a.real, b.real, b.imag

    def pixel_to_site(self, px: float, py: float) -> tuple[float, float]:
        """Site (x, y) metres of an image pixel position."""
        a, b = self._ab
        s = a * complex(px, -py) + b
        return s.real, s.imag

    def site_to_pixel(self, x: float, y: float) -> tuple[float, float]:
        """The image pixel position (px, py) of a site position."""
        a, b = self._ab
        q = (complex(x, y) - b) / a
        return q.real, -q.imag


@dataclass(frozen=True, slots=True)
class PlanSpec:
    """The site file's [plan] table: an image under the map and its two calibration points."""

    image: Path  # resolved against the site file's folder; read (and checked) by the map
    calibration: PlanCalibration


def plan_from_table(
    data: Mapping[str, object], site_dir: PurePath
) -> tuple[PlanSpec | None, list[tuple[str, str]]]:
    """Read a [plan] table: `image = "plan.png"`, `points = [[px, py, x, y], [px, py, x, y]]`.

    The image is not opened here (no image I/O in core): a missing or unreadable file is the
    map's to report, and the map is drawn without it. Returns the spec (None if it has
    problems) and the problems as (key, message).
    """
    problems: list[tuple[str, str]] = []
    for key in data:
        if key not in PLAN_FIELDS:
            problems.append((key, f"unknown field; expected one of {', '.join(PLAN_FIELDS)}"))
    image = data.get("image")
    if not isinstance(image, str) or not image.strip():
        problems.append(("image", "expected the image file's path, relative to the site file"))
        image = ""
    elif PurePath(image).suffix.lower() not in IMAGE_SUFFIXES:
        problems.append(("image", f"expected a PNG or JPEG file (.png, .jpg), got {image!r}"))
    raw = data.get("points")
    points: list[tuple[float, float, float, float]] = []
    if not isinstance(raw, list) or len(raw) != 2:
        problems.append(("points", "expected two points: [[px, py, x, y], [px, py, x, y]]"))
    else:
        for i, item in enumerate(raw):
            if (
                not isinstance(item, list)
                or len(item) != 4
                or any(isinstance(v, bool) or not isinstance(v, int | float) for v in item)
            ):
                problems.append(("points", f"[{i}]: expected [px, py, x, y] numbers, got {item!r}"))
            else:
                points.append((float(item[0]), float(item[1]), float(item[2]), float(item[3])))
    if problems:
        return None, problems
    try:
        calibration = PlanCalibration(points[0], points[1])
    except PlanCalibrationError as exc:
        return None, [("points", str(exc))]
    return PlanSpec(Path(site_dir) / str(image), calibration), []


def plan_snippet(image: str, calibration: PlanCalibration) -> str:
    """The [plan] table for a site file (what the map's "Plan image…" dialog hands out)."""

    def number(v: float) -> str:
        return f"{v:.2f}".rstrip("0").rstrip(".")

    rows = ", ".join(
        "[" + ", ".join(number(v) for v in point) + "]"
        for point in (calibration.first, calibration.second)
    )
    quoted = image.replace("\\", "\\\\").replace('"', '\\"')
    return f'[plan]\nimage = "{quoted}"\npoints = [{rows}]\n'
