"""video.imageops against the OpenCV calls it replaces (cv2 is a test-only dependency here)."""

from __future__ import annotations

from pathlib import Path

import av
import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core.motion import MotionMask, MotionRegion, MotionSettings, thresholds_for
from video import imageops
from video.clips import ClipSpec, ensure_clip
from video.motion import SCENE_CHANGE, WORK_WIDTH, MotionDetector

KERNEL = np.ones((3, 3), np.uint8)


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _random_image(rng: np.random.Generator, h: int, w: int, channels: int = 0) -> np.ndarray:
    shape = (h, w, channels) if channels else (h, w)
    return rng.integers(0, 256, shape, dtype=np.uint8)


def _smooth_image(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """Gradients and blocks, where rounding ties (x.5 averages) are common."""
    y, x = np.mgrid[0:h, 0:w]
    image: np.ndarray = (x * 255 // max(1, w - 1) + y) % 256
    image[h // 4 : h // 2, w // 3 : w // 2] = rng.integers(0, 256)
    return image.astype(np.uint8)


# --- grey ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("channels", "code"), [(4, cv2.COLOR_BGRA2GRAY), (3, cv2.COLOR_BGR2GRAY)])
def test_grey_is_byte_identical_to_opencv(channels: int, code: int) -> None:
    rng = _rng(1)
    for h, w in ((180, 320), (360, 640), (37, 51), (1, 1)):
        image = _random_image(rng, h, w, channels)
        assert np.array_equal(imageops.to_grey(image), cv2.cvtColor(image, code))
    # Every colour a channel can take, with the other two at both ends: rounding edge cases.
    ramp = np.arange(256, dtype=np.uint8)
    for other in (0, 255):
        for c in range(3):
            image = np.full((1, 256, channels), other, np.uint8)
            image[0, :, c] = ramp
            assert np.array_equal(imageops.to_grey(image), cv2.cvtColor(image, code))


def test_grey_passes_grey_through_and_refuses_other_images() -> None:
    grey = _random_image(_rng(2), 10, 12)
    assert imageops.to_grey(grey) is grey
    with pytest.raises(ValueError, match="uint8"):
        imageops.to_grey(np.zeros((4, 4), np.float32))
    with pytest.raises(ValueError, match="channels"):
        imageops.to_grey(np.zeros((4, 4, 2), np.uint8))


# --- area resize --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("src", "dst"),
    [
        ((640, 360), (320, 180)),  # 2x, the usual sub stream
        ((1280, 720), (320, 180)),  # 4x
        ((1920, 1080), (320, 180)),  # 6x
        ((960, 360), (320, 180)),  # 3x by 2x
    ],
)
def test_area_resize_by_whole_factors_is_byte_identical(
    src: tuple[int, int], dst: tuple[int, int]
) -> None:
    rng = _rng(3)
    for image in (_random_image(rng, src[1], src[0]), _smooth_image(rng, src[1], src[0])):
        expected = cv2.resize(image, dst, interpolation=cv2.INTER_AREA)
        assert np.array_equal(imageops.resize_area(image, *dst), expected)


@pytest.mark.parametrize(
    ("src", "dst"),
    [
        ((704, 576), (320, 262)),  # D1, a common analogue-era sub stream
        ((352, 288), (320, 262)),  # CIF, barely shrunk
        ((641, 361), (320, 180)),
        ((1000, 180), (320, 180)),  # one axis only
    ],
)
def test_area_resize_by_other_factors_is_within_one_level(
    src: tuple[int, int], dst: tuple[int, int]
) -> None:
    rng = _rng(4)
    for image in (_random_image(rng, src[1], src[0]), _smooth_image(rng, src[1], src[0])):
        ours = imageops.resize_area(image, *dst).astype(np.int16)
        expected = cv2.resize(image, dst, interpolation=cv2.INTER_AREA).astype(np.int16)
        assert ours.shape == expected.shape
        assert np.abs(ours - expected).max() <= 1  # float rounding of fractional weights
        assert np.count_nonzero(ours != expected) <= 0.01 * ours.size


def test_area_resize_only_shrinks() -> None:
    with pytest.raises(ValueError, match="shrinks"):
        imageops.resize_area(np.zeros((10, 10), np.uint8), 20, 10)


# --- blur ---------------------------------------------------------------------------------------


def test_gaussian_blur_is_byte_identical_to_opencv() -> None:
    rng = _rng(5)
    for h, w in ((180, 320), (5, 5), (7, 300), (262, 320)):
        for image in (_random_image(rng, h, w), _smooth_image(rng, h, w)):
            expected = cv2.GaussianBlur(image, (5, 5), 0)
            assert np.array_equal(imageops.gaussian_blur5(image), expected)


# --- morphology ---------------------------------------------------------------------------------


@pytest.mark.parametrize("density", [0.02, 0.2, 0.5, 0.8, 0.98])
def test_morphology_matches_opencv_including_the_borders(density: float) -> None:
    rng = _rng(6)
    for h, w in ((180, 320), (9, 13)):
        mask = rng.random((h, w)) < density
        image = mask.astype(np.uint8) * 255
        assert np.array_equal(imageops.erode(mask), cv2.erode(image, KERNEL) > 0)
        assert np.array_equal(imageops.dilate(mask), cv2.dilate(image, KERNEL) > 0)
        # The detector's clean-up: open (3x3), then dilate twice more.
        expected = cv2.dilate(cv2.morphologyEx(image, cv2.MORPH_OPEN, KERNEL), KERNEL, iterations=2)
        assert np.array_equal(imageops.dilate(imageops.erode(mask, 1), 3), expected > 0)


def test_a_full_mask_survives_erosion_at_the_image_edges() -> None:
    assert imageops.erode(np.ones((6, 8), np.bool_)).all()
    assert not imageops.dilate(np.zeros((6, 8), np.bool_)).any()


# --- connected components -----------------------------------------------------------------------


def _opencv_components(mask: np.ndarray) -> np.ndarray:
    _, _, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    return stats[1:].astype(np.int64)


def _as_set(stats: np.ndarray) -> list[tuple[int, ...]]:
    return sorted(tuple(int(v) for v in row) for row in stats)


def _same_as_opencv(mask: np.ndarray) -> np.ndarray:
    """Our components, checked equal to OpenCV's: the same rows in the same label order."""
    ours = imageops.components(mask)
    expected = _opencv_components(mask)
    assert _as_set(ours) == _as_set(expected)  # the clearer message when a component differs
    assert ours.tolist() == expected.tolist()
    return ours


@pytest.mark.parametrize("density", [0.01, 0.1, 0.3, 0.45, 0.6, 0.9])
def test_components_match_opencv_on_random_masks(density: float) -> None:
    rng = _rng(7)
    for h, w in ((180, 320), (1, 50), (50, 1), (31, 17)):
        mask = rng.random((h, w)) < density
        ours = _same_as_opencv(mask)
        assert ours.shape[1] == 5
        assert ours[:, 4].sum() == np.count_nonzero(mask)


def test_components_of_shapes_that_need_merging() -> None:
    mask = np.zeros((40, 60), np.bool_)
    mask[5:30, 5] = mask[5:30, 15] = True  # a U: two arms joined only at the bottom
    mask[30, 5:16] = True
    mask[10, 30:40] = mask[11, 40:50] = True  # touching only diagonally: one with 8-connectivity
    mask[20, 30] = mask[22, 30] = True  # one row apart: two
    for y in range(20, 39):  # a staircase of diagonal steps
        mask[y, 20 + y - 20] = True
    ours = _same_as_opencv(mask)
    assert (5, 5, 11, 26, 25 + 25 + 11) in _as_set(ours)
    assert (30, 10, 20, 2, 20) in _as_set(ours)


def test_components_of_empty_and_full_masks() -> None:
    assert imageops.components(np.zeros((7, 9), np.bool_)).shape == (0, 5)
    assert imageops.components(np.ones((7, 9), np.uint8)).tolist() == [[0, 0, 9, 7, 63]]


@settings(max_examples=150, deadline=None)
@given(
    hnp.arrays(
        np.bool_,
        hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=24),
        elements=st.booleans(),
    )
)
def test_components_property_same_as_opencv(mask: np.ndarray) -> None:
    ours = _same_as_opencv(mask)
    assert ours[:, 4].sum() == np.count_nonzero(mask)
    for x, y, bw, bh, area in ours.tolist():
        box = mask[y : y + bh, x : x + bw]
        # The box is tight: each of its four sides has a set pixel, and the area fits inside.
        assert box[0].any()
        assert box[-1].any()
        assert box[:, 0].any()
        assert box[:, -1].any()
        assert 0 < area <= box.sum()


# --- polygon mask -------------------------------------------------------------------------------


def _opencv_polygon(w: int, h: int, polygon: list[tuple[float, float]]) -> np.ndarray:
    raster = np.zeros((h, w), np.uint8)
    cv2.fillPoly(raster, [np.round(np.array(polygon, np.float32)).astype(np.int32)], 255)
    return raster > 0


def _near_outline(w: int, h: int, polygon: list[tuple[float, float]], reach: float) -> np.ndarray:
    """Pixels within `reach` of an edge of the (rounded) polygon."""
    pts = np.rint(np.array(polygon, np.float64))
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    near = np.zeros((h, w), np.bool_)
    for a, b in zip(pts, np.roll(pts, -1, axis=0), strict=True):
        d = b - a
        length2 = max(float(d @ d), 1e-12)
        t = np.clip(((x - a[0]) * d[0] + (y - a[1]) * d[1]) / length2, 0.0, 1.0)
        near |= np.hypot(x - a[0] - t * d[0], y - a[1] - t * d[1]) <= reach
    return near


def _random_polygon(rng: np.random.Generator, w: int, h: int) -> list[tuple[float, float]]:
    n = int(rng.integers(3, 9))
    return [(float(x), float(y)) for x, y in rng.random((n, 2)) * (w, h)]


def test_polygon_mask_agrees_with_opencv_but_along_the_outline() -> None:
    rng = _rng(8)
    w, h = WORK_WIDTH, 180
    shapes = [
        [(0.0, 90.0), (320.0, 90.0), (320.0, 180.0), (0.0, 180.0)],  # the lower half
        [(10.4, 5.2), (300.7, 20.0), (250.0, 170.6), (40.0, 150.0)],
        [(160.0, 10.0), (300.0, 170.0), (20.0, 170.0)],
        [(20.0, 20.0), (300.0, 20.0), (160.0, 90.0), (300.0, 160.0), (20.0, 160.0)],  # concave
        [(20.0, 20.0), (300.0, 160.0), (300.0, 20.0), (20.0, 160.0)],  # a bow tie
    ]
    shapes += [_random_polygon(rng, w, h) for _ in range(30)]
    for polygon in shapes:
        ours = imageops.polygon_mask(w, h, polygon)
        expected = _opencv_polygon(w, h, polygon)
        differ = ours != expected
        assert not (differ & ~_near_outline(w, h, polygon, 1.0)).any(), polygon
        assert np.count_nonzero(differ) <= max(4, 0.005 * w * h), polygon


def test_polygon_mask_of_an_axis_aligned_rectangle_is_exact() -> None:
    rect = [(10.0, 20.0), (100.0, 20.0), (100.0, 60.0), (10.0, 60.0)]
    ours = imageops.polygon_mask(320, 180, rect)
    expected = np.zeros((180, 320), np.bool_)
    expected[20:61, 10:101] = True  # the outline is inside, as with fillPoly
    assert np.array_equal(ours, expected)


# --- the whole detector against the OpenCV pipeline it replaced ---------------------------------


class _OpenCVDetector:
    """The detector's former OpenCV pipeline (score and regions only), as a reference."""

    def __init__(self, mask: MotionMask, sensitivity: int = 50, rate: float = 0.05) -> None:
        self.mask = mask
        self.thresholds = thresholds_for(sensitivity)
        self.rate = rate
        self.background: np.ndarray | None = None

    def process(self, image: np.ndarray) -> tuple[float, tuple[MotionRegion, ...]]:
        grey = cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
        h, w = grey.shape
        if w > WORK_WIDTH:
            size = (WORK_WIDTH, max(1, round(h * WORK_WIDTH / w)))
            grey = cv2.resize(grey, size, interpolation=cv2.INTER_AREA)
        grey = cv2.GaussianBlur(grey, (5, 5), 0)
        h, w = grey.shape
        if self.background is None:
            self.background = grey.astype(np.float32)
            return 0.0, ()
        raster = np.full((h, w), 255, np.uint8)
        for polygon in self.mask.ignore:
            pts = np.array([(x * w, y * h) for x, y in polygon], np.float32)
            cv2.fillPoly(raster, [np.round(pts).astype(np.int32)], 0)
        diff = cv2.absdiff(grey, cv2.convertScaleAbs(self.background))
        _, changed = cv2.threshold(diff, self.thresholds.pixel_delta, 255, cv2.THRESH_BINARY)
        changed = cv2.bitwise_and(changed, raster)
        score = cv2.countNonZero(changed) / cv2.countNonZero(raster)
        if score > SCENE_CHANGE:
            self.background[:] = grey
            return score, ()
        cv2.accumulateWeighted(grey, self.background, self.rate)
        changed = cv2.morphologyEx(changed, cv2.MORPH_OPEN, KERNEL)
        changed = cv2.dilate(changed, KERNEL, iterations=2)
        count, _, stats, _ = cv2.connectedComponentsWithStats(changed, connectivity=8)
        total = float(w * h)
        out = []
        for i in range(1, count):
            x, y, bw, bh, area = (int(v) for v in stats[i])
            if area / total >= self.thresholds.min_area:
                out.append(MotionRegion(x / w, y / h, bw / w, bh / h, area / total))
        out.sort(key=lambda r: r.area, reverse=True)
        return score, tuple(out)


@pytest.mark.parametrize(("width", "height"), [(320, 180), (640, 360)])
def test_detector_gives_the_opencv_pipelines_results_on_a_street_clip(
    tmp_path: Path, width: int, height: int
) -> None:
    clip = ensure_clip(
        tmp_path / "street.h264", ClipSpec("CAM-EQ", width=width, height=height, seconds=3)
    )
    with av.open(str(clip)) as container:
        frames = [
            np.ascontiguousarray(f.to_ndarray(format="bgra")) for f in container.decode(video=0)
        ]
    header = ((0.0, 0.0), (1.0, 0.0), (1.0, 0.2), (0.0, 0.2))  # an axis-aligned mask: exact
    mask = MotionMask(ignore=(header,))
    ours = MotionDetector(MotionSettings(mask=mask, sensitivity=70))
    reference = _OpenCVDetector(mask, sensitivity=70)
    moving = 0
    for i, frame in enumerate(frames[::3]):
        result = ours.process(frame, i * 0.25)
        score, regions = reference.process(frame)
        assert result.score == pytest.approx(score, abs=1e-12), i
        assert result.regions == regions, i
        moving += bool(regions)
    assert moving >= 5  # the comparison saw motion, not only quiet frames
