"""Hours: minutes excluding travel, overlapping spans, and what is refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.volunteer_hours import (
    MAX_ATTENDANCE_MIN,
    HoursError,
    Span,
    capped_checkout,
    duty_problem,
    first_overlap,
    format_minutes,
    overlaps,
    service_minutes,
)

T0 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_minutes_exclude_travel_and_drop_part_minutes() -> None:
    assert service_minutes(at(0), at(95), 15) == 80
    assert service_minutes(at(0), at(95) + timedelta(seconds=59), 0) == 95
    assert service_minutes(at(0), at(30), 30) == 0


@pytest.mark.parametrize(
    ("end", "travel", "words"),
    [
        (0, 0, "after the check-in"),
        (-5, 0, "after the check-in"),
        (30, 31, "longer than the whole"),
        (30, -1, "travel time"),
        (MAX_ATTENDANCE_MIN + 1, 0, "correction"),
    ],
)
def test_nonsense_minutes_are_refused(end: int, travel: int, words: str) -> None:
    with pytest.raises(HoursError, match=words):
        service_minutes(at(0), at(end), travel)


def test_spans_overlap_when_they_share_a_moment_and_not_back_to_back() -> None:
    assert overlaps(at(0), at(60), at(30), at(90))
    assert overlaps(at(30), at(90), at(0), at(60))
    assert overlaps(at(0), at(60), at(10), at(20))  # one inside the other
    assert not overlaps(at(0), at(60), at(60), at(90))  # back to back
    assert not overlaps(at(60), at(90), at(0), at(60))


def test_an_open_span_runs_on() -> None:
    assert overlaps(at(0), None, at(600), at(700))
    assert overlaps(at(600), at(700), at(0), None)
    assert not overlaps(at(0), at(60), at(60), None)
    assert overlaps(at(0), None, at(5), None)


def test_first_overlap_skips_the_span_being_corrected() -> None:
    spans = [Span(1, at(0), at(60)), Span(2, at(120), at(180)), Span(3, at(200), None)]
    assert first_overlap(at(50), at(130), spans) == spans[0]
    assert first_overlap(at(50), at(130), spans, skip=1) == spans[1]
    assert first_overlap(at(60), at(120), spans) is None
    assert first_overlap(at(190), at(195), spans) is None
    assert first_overlap(at(190), None, spans) == spans[2]


def test_minutes_read_as_hours_and_minutes() -> None:
    assert format_minutes(None) == ""
    assert format_minutes(5) == "0:05"
    assert format_minutes(125) == "2:05"


def test_who_recorded_confirmed_or_corrected_does_not_certify() -> None:
    assert duty_problem("lead", "ws01", "ws02", ["admin"]) is None
    assert "checked the volunteer in" in (duty_problem("ws01", "ws01", None, []) or "")
    assert "confirmed" in (duty_problem("ws02", "ws01", "ws02", []) or "")
    assert "corrected" in (duty_problem("admin", "ws01", None, ["x", "admin"]) or "")


def test_a_visit_cards_attendance_ends_with_its_window() -> None:
    t0 = datetime(2026, 6, 1, 1, 0, tzinfo=UTC)
    end = t0 + timedelta(hours=2)
    assert capped_checkout(t0 + timedelta(hours=1), end) == t0 + timedelta(hours=1)
    assert capped_checkout(t0 + timedelta(hours=5), end) == end
    assert capped_checkout(t0 + timedelta(hours=5), None) == t0 + timedelta(hours=5)
