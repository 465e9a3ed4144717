"""Stored camera motion settings: mask limits, regions, the schedule's canonical form, arming."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.camera_settings import (
    MASK_POLYGONS_MAX,
    POLYGON_POINTS_MAX,
    REGIONS_MAX,
    CameraSettings,
    VideoInvalid,
    check_mask,
    check_regions,
    check_schedule,
    check_score,
    mask_from_json,
    mask_json,
)
from core.motion import ArmingSchedule, MotionMask, MotionRegion

TZ = "Asia/Shanghai"
TRIANGLE = ((0.0, 0.0), (1.0, 0.0), (0.0, 1.0))


def test_a_bare_list_of_polygons_is_a_mask_of_areas_to_ignore() -> None:
    mask = check_mask([[[0, 0], [1, 0], [0, 1]]])
    assert mask == MotionMask(ignore=(TRIANGLE,))
    assert mask_from_json(mask_json(mask)) == mask


@pytest.mark.parametrize(
    "mask",
    [
        MotionMask(ignore=(TRIANGLE,) * (MASK_POLYGONS_MAX + 1)),
        MotionMask(watch=(tuple((i / 100, 0.5) for i in range(POLYGON_POINTS_MAX + 1)),)),
        [[[0, 0], [1, 0], [True, 1]]],
        [[[0, 0], [1, 0]]],
        [[(0, 0, 0), (1, 0, 0), (0, 1, 0)]],
    ],
)
def test_masks_beyond_the_limits_are_refused(mask: object) -> None:
    with pytest.raises(VideoInvalid) as err:
        check_mask(mask)
    assert err.value.field == "mask"


def test_an_unreadable_stored_mask_reads_as_none() -> None:
    assert mask_from_json("not json") == MotionMask()
    assert mask_from_json('{"ignore": [[[0, 0], [2, 0], [0, 1]]]}') == MotionMask()


def test_regions_take_the_detectors_regions_and_plain_boxes() -> None:
    boxes = check_regions([MotionRegion(0.1, 0.2, 0.3, 0.4, area=0.01), (0.5, 0.5, 0.5, 0.5)])
    assert boxes == ((0.1, 0.2, 0.3, 0.4), (0.5, 0.5, 0.5, 0.5))
    for bad in ([(0.9, 0.0, 0.2, 0.1)], [(0.1, 0.2, 0.3)], "0 0 1 1", [(0, 0, 0.1, 0.1)] * 65):
        with pytest.raises(VideoInvalid):
            check_regions(bad)
    assert REGIONS_MAX == 64


def test_scores_are_finite_and_not_negative() -> None:
    assert check_score(3) == 3.0
    for bad in (-0.1, float("nan"), "0.5", None):
        with pytest.raises(VideoInvalid):
            check_score(bad)


def test_the_schedule_is_stored_in_its_canonical_form() -> None:
    text = " MON-sun 22:00-06:00 "
    assert check_schedule(text, TZ) == ArmingSchedule.parse(text, TZ).format()
    assert check_schedule("", TZ) == ""
    with pytest.raises(VideoInvalid, match="schedule"):
        check_schedule("mon 22:00", TZ)


def test_armed_needs_detection_on_and_the_schedule() -> None:
    # 2026-11-30 is a Monday; 15:00 UTC is 23:00 in Shanghai, 03:00 UTC is 11:00.
    night, day = datetime(2026, 11, 30, 15, tzinfo=UTC), datetime(2026, 11, 30, 3, tzinfo=UTC)
    nights = CameraSettings("CAM01", motion_enabled=True, schedule="mon-sun 22:00-06:00")
    assert nights.armed(night, TZ)
    assert not nights.armed(day, TZ)
    assert not CameraSettings("CAM01", motion_enabled=False, schedule=nights.schedule).armed(
        night, TZ
    )
    assert not CameraSettings("CAM01", motion_enabled=True, schedule="").armed(night, TZ)
    assert not CameraSettings("CAM01", motion_enabled=True, schedule="garbage").armed(night, TZ)
