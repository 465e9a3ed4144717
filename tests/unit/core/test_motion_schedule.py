"""The arming schedule (parse, format, is_armed) and the motion mask and sensitivity data."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.motion import (
    ArmedRange,
    ArmingSchedule,
    MotionMask,
    MotionSettings,
    ScheduleError,
    thresholds_for,
)

SH = ZoneInfo("Asia/Shanghai")
NIGHTS = "mon-sun 22:00-06:00; sat,sun 00:00-24:00"


def _sh(day: int, hh: int, mm: int = 0) -> datetime:
    """Shanghai wall time on the 2026-11-30 week: day 0 = Monday 30 November."""
    return datetime(2026, 11, 30, hh, mm, tzinfo=SH) + timedelta(days=day)


def test_parse_and_format_round_trip() -> None:
    schedule = ArmingSchedule.parse("  Mon-Sun 22:00-06:00 ;SAT, Sun 00:00-24:00;", "Asia/Shanghai")
    assert schedule.format() == NIGHTS
    assert ArmingSchedule.parse(schedule.format(), "Asia/Shanghai") == schedule
    several = ArmingSchedule.parse("mon-fri 8:00-12:00 13:30-18:00; fri-mon 23:00-01:00", "UTC")
    assert several.format() == "mon-fri 08:00-12:00 13:30-18:00; mon,fri-sun 23:00-01:00"
    assert ArmedRange(4, 13 * 60 + 30, 18 * 60) in several.ranges
    assert ArmingSchedule.parse("daily 00:00-24:00", "UTC").format() == "mon-sun 00:00-24:00"
    assert ArmingSchedule.parse("tuesday,thu 01:00-02:00", "UTC").format() == "tue,thu 01:00-02:00"


def test_nights_are_armed_across_midnight() -> None:
    s = ArmingSchedule.parse(NIGHTS, "Asia/Shanghai")
    assert not s.is_armed(_sh(0, 21, 59))  # Monday evening
    assert s.is_armed(_sh(0, 22, 0))
    assert s.is_armed(_sh(0, 23, 59))
    assert s.is_armed(_sh(1, 0, 0))  # past midnight into Tuesday
    assert s.is_armed(_sh(1, 5, 59))
    assert not s.is_armed(_sh(1, 6, 0))
    assert not s.is_armed(_sh(2, 12, 0))  # Wednesday noon
    assert s.is_armed(_sh(5, 12, 0))  # Saturday noon: all weekend
    assert s.is_armed(_sh(6, 23, 0))
    assert s.is_armed(_sh(7, 5, 0))  # Monday early: Sunday night's range


def test_an_overnight_range_belongs_to_the_day_it_starts() -> None:
    s = ArmingSchedule.parse("mon 22:00-06:00", "Asia/Shanghai")
    assert not s.is_armed(_sh(0, 3, 0))  # Monday 03:00 is Sunday night: not armed
    assert s.is_armed(_sh(1, 3, 0))  # Tuesday 03:00 is Monday night
    assert not s.is_armed(_sh(2, 3, 0))
    assert not ArmingSchedule.parse("mon 22:00-00:00", "UTC").is_armed(
        datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
    )


def test_instants_are_read_in_the_site_time_zone() -> None:
    s = ArmingSchedule.parse("mon-fri 22:00-06:00", "Asia/Shanghai")  # UTC+8, no DST
    assert s.is_armed(datetime(2026, 11, 30, 14, 30, tzinfo=UTC))  # Mon 22:30 in Shanghai
    assert not s.is_armed(datetime(2026, 11, 30, 13, 30, tzinfo=UTC))  # Mon 21:30
    assert s.is_armed(datetime(2026, 11, 30, 21, 59, tzinfo=UTC))  # Tue 05:59
    assert not s.is_armed(datetime(2026, 11, 30, 22, 0, tzinfo=UTC))  # Tue 06:00
    # The same hours every week of the year: Shanghai has no daylight saving time.
    for month in range(1, 13):
        noon_utc = datetime(2026, month, 1, 14, 30, tzinfo=UTC)
        local = noon_utc.astimezone(SH)
        assert (local.hour, local.minute) == (22, 30)
        assert s.is_armed(noon_utc) == (local.weekday() < 5)
    with pytest.raises(ValueError, match="aware"):
        s.is_armed(datetime(2026, 11, 30, 23, 0))


def test_daylight_saving_follows_the_wall_clock() -> None:
    s = ArmingSchedule.parse("sun 01:00-04:00", "Europe/Berlin")  # clocks go 02:00 -> 03:00
    assert s.is_armed(datetime(2026, 3, 29, 0, 30, tzinfo=UTC))  # 01:30 CET
    assert s.is_armed(datetime(2026, 3, 29, 1, 30, tzinfo=UTC))  # 03:30 CEST
    assert not s.is_armed(datetime(2026, 3, 29, 2, 30, tzinfo=UTC))  # 04:30 CEST


def test_empty_schedule_is_never_armed() -> None:
    s = ArmingSchedule.parse("", "Asia/Shanghai")
    assert s.format() == ""
    assert not any(s.is_armed(_sh(d, h)) for d in range(7) for h in range(24))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("mon 25:00-06:00", r"entry 1 'mon 25:00-06:00': hour 25 .* out of range"),
        ("mon 22:60-06:00", "minute 60"),
        ("mon-fri 22:00-06:00; xyz 10:00-11:00", r"entry 2 .*unknown day 'xyz'"),
        ("mon 10:00-10:00", r"empty \(for a whole day write 00:00-24:00\)"),
        ("mon", "expected days and a time range"),
        ("mon 10:00", "not a time range"),
        ("mon 10-11", "not a time like"),
        ("mon 24:00-06:00", "hour 24"),
        ("mon 01:00-02:00;; tue 01:00-02:00", "entry 2 is empty"),
    ],
)
def test_bad_schedules_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        ArmingSchedule.parse(text, "Asia/Shanghai")


def test_unknown_time_zone() -> None:
    with pytest.raises(ScheduleError, match="unknown time zone 'Mars/Olympus'"):
        ArmingSchedule.parse("mon 01:00-02:00", "Mars/Olympus")


def test_mask_validation_and_json() -> None:
    mask = MotionMask(
        ignore=(((0.0, 0.0), (0.5, 0.0), (0.5, 0.2)),),
        watch=(((0.1, 0.5), (0.9, 0.5), (0.9, 1.0), (0.1, 1.0)),),
    )
    assert MotionMask.from_json(mask.to_json()) == mask
    assert MotionMask.from_json("") == MotionMask()
    assert MotionMask().empty
    with pytest.raises(ValueError, match=r"outside 0\.\.1"):
        MotionMask(ignore=(((0.0, 0.0), (1.2, 0.0), (0.5, 0.5)),))
    with pytest.raises(ValueError, match="at least 3 points"):
        MotionMask(watch=(((0.0, 0.0), (1.0, 1.0)),))
    with pytest.raises(ValueError, match="not valid JSON"):
        MotionMask.from_json("{ignore")
    with pytest.raises(ValueError, match="list of"):
        MotionMask.from_json('{"ignore": [[1, 2, 3]]}')


def test_sensitivity_lowers_thresholds_monotonically() -> None:
    levels = [thresholds_for(s) for s in range(0, 101, 10)]
    assert all(a.pixel_delta >= b.pixel_delta for a, b in itertools.pairwise(levels))
    assert all(a.min_area > b.min_area for a, b in itertools.pairwise(levels))
    assert levels[0].pixel_delta > levels[-1].pixel_delta
    with pytest.raises(ValueError, match=r"0\.\.100"):
        thresholds_for(101)
    with pytest.raises(ValueError, match="persist_frames"):
        MotionSettings(persist_frames=0)
