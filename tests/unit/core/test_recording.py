"""Retention of recordings: by age and by free space, oldest first, never a held segment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.recording import (
    Hold,
    Segment,
    covering,
    days_fit,
    expired,
    next_after,
    segment_path,
    to_free,
)

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def seg(n: int, camera: str = "CAM01", days_ago: float = 0.0, size: int = 100) -> Segment:
    start = NOW - timedelta(days=days_ago) + timedelta(minutes=n)
    return Segment(n, camera, start, start + timedelta(minutes=1), f"p{n}", size, "0" * 64)


def test_expired_are_past_the_period_oldest_first_and_never_held() -> None:
    segs = [seg(3, days_ago=40), seg(1, days_ago=45), seg(2, days_ago=31), seg(4, days_ago=2)]
    hold = Hold(1, 7, ("CAM01",), segs[0].start, segs[0].end + timedelta(seconds=1))
    assert [s.id for s in expired(segs, [], NOW, 30)] == [1, 3, 2]
    assert [s.id for s in expired(segs, [hold], NOW, 30)] == [1, 2]
    other = Hold(2, 8, ("CAM02",), segs[1].start, segs[1].end)  # another camera's hold
    assert [s.id for s in expired(segs, [other], NOW, 30)] == [1, 3, 2]


def test_to_free_takes_the_oldest_unheld_until_enough_is_freed() -> None:
    segs = [seg(n, days_ago=10 - n, size=100) for n in range(1, 6)]
    hold = Hold(1, None, ("CAM01",), segs[0].start, segs[0].end)
    assert [s.id for s in to_free(segs, [hold], 250)] == [2, 3, 4]
    assert [s.id for s in to_free(segs, [], 0)] == []
    assert len(to_free(segs, [], 10_000)) == 5  # fewer than asked when nothing else is left


def test_days_fit_and_paths() -> None:
    assert days_fit(0, 0, 0.0) is None
    # 1 TB at 8 Mbit/s: 1e12 * 8 / 8e6 / 86400 = 11.57 days
    got = days_fit(10**12, 0, 8_000_000.0)
    assert got is not None
    assert round(got, 2) == 11.57
    start = datetime(2026, 11, 30, 2, 3, 4, 500000, tzinfo=UTC)
    assert segment_path("CAM/01", start) == "CAM_01/2026-11-30/CAM_01_20261130T020304_500000Z.mp4"


def test_covering_and_next_after() -> None:
    segs = [seg(1), seg(3)]
    assert covering(segs, segs[0].start + timedelta(seconds=30)) == segs[0]
    assert covering(segs, segs[0].end + timedelta(seconds=1)) is None  # the gap at minute 2
    assert next_after(segs, segs[0].end) == segs[1]
    assert next_after(segs, segs[1].end) is None
