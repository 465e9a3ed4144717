"""Volunteers' hours: attendance states, service minutes excluding travel, overlapping hours."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


class AttendanceStatus(enum.StrEnum):
    """open (checked in) → recorded (checked out, minutes set) → confirmed (by the person
    helped) → approved (by the team leader); rejected from recorded or confirmed."""

    OPEN = "open"
    RECORDED = "recorded"
    CONFIRMED = "confirmed"
    APPROVED = "approved"
    REJECTED = "rejected"


# Which states a step may start from. Approval without a confirmation is for attendance that
# helped no one in particular (a station shift); a visit or a delivery needs the person's word.
CONFIRM_FROM = frozenset({AttendanceStatus.RECORDED})
APPROVE_FROM = frozenset({AttendanceStatus.RECORDED, AttendanceStatus.CONFIRMED})
REJECT_FROM = frozenset({AttendanceStatus.RECORDED, AttendanceStatus.CONFIRMED})
# Fields a correction may change. A correction may start from any state (an open attendance
# is how a forgotten check-out is closed) and sends the attendance back to "recorded": a
# corrected record is no longer what the leader approved or the person confirmed.
CORRECTABLE = ("checkin_at", "checkout_at", "travel_minutes", "content")
# A check-in left open longer than this is a forgotten check-out: refused at check-out, to be
# closed by a correction with the real time (records must be true, MCA Order 67 art. 7).
MAX_ATTENDANCE_MIN = 16 * 60
MAX_TRAVEL_MIN = 6 * 60


class HoursError(ValueError):
    """A check-in, check-out or correction that is refused; the message says why."""


class CheckinRefused(HoursError):
    """A check-in or check-out refused and audited; `reason` is a code's refusal reason
    (core.checkin_qr: malformed, forged, expired, early, place) or "replayed", "overlap",
    "not_checked_in", "volunteer" (unknown or inactive), "task" (not this place's), "hours"
    (a check-out that makes no sense: before the check-in, travel longer than the whole)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def duty_problem(
    approver: str, checked_in_by: str, confirmed_by: str | None, corrected_by: Iterable[str]
) -> str | None:
    """Why `approver` may not approve or reject an attendance, or None: whoever recorded,
    confirmed or corrected the hours does not also certify them (separation of duties)."""
    if approver == checked_in_by:
        return "the account that checked the volunteer in cannot approve or reject these hours"
    if approver == confirmed_by:
        return "the account that confirmed these hours cannot approve or reject them"
    if approver in set(corrected_by):
        return "the account that corrected these hours cannot approve or reject them"
    return None


def capped_checkout(now: datetime, window_end: datetime | None) -> datetime:
    """The check-out time recorded: a visit card's attendance ends at the latest when the
    card's window ends (a check-out later, elsewhere, does not stretch the visit)."""
    if window_end is not None and now > window_end:
        return window_end
    return now


@dataclass(frozen=True, slots=True)
class Span:
    """One attendance of a volunteer: `end` None while still checked in."""

    attendance_id: int
    start: datetime
    end: datetime | None


def service_minutes(checkin_at: datetime, checkout_at: datetime, travel_minutes: int) -> int:
    """Whole minutes of service between check-in and check-out, travel excluded (check-in at
    the station before walking to a door counts the walk as travel, not as service)."""
    if checkout_at <= checkin_at:
        raise HoursError("the check-out must come after the check-in")
    if not 0 <= travel_minutes <= MAX_TRAVEL_MIN:
        raise HoursError(f"travel time is 0 to {MAX_TRAVEL_MIN} minutes")
    elapsed = int((checkout_at - checkin_at).total_seconds() // 60)
    if elapsed > MAX_ATTENDANCE_MIN:
        raise HoursError(
            f"{elapsed} minutes between check-in and check-out: "
            "enter the real times as a correction"
        )
    if travel_minutes > elapsed:
        raise HoursError(f"travel ({travel_minutes} min) is longer than the whole attendance")
    return elapsed - travel_minutes


def overlaps(
    a_start: datetime, a_end: datetime | None, b_start: datetime, b_end: datetime | None
) -> bool:
    """Whether two half-open spans share a moment; an open end runs on for ever (the volunteer
    is still checked in). Back-to-back spans (one ends when the next starts) do not overlap."""
    a_before_b_ends = b_end is None or a_start < b_end
    b_before_a_ends = a_end is None or b_start < a_end
    return a_before_b_ends and b_before_a_ends


def first_overlap(
    start: datetime, end: datetime | None, others: Iterable[Span], skip: int | None = None
) -> Span | None:
    """The first of `others` (except attendance `skip`, the one being corrected) that overlaps
    [start, end), or None."""
    for span in sorted(others, key=lambda s: s.start):
        if span.attendance_id != skip and overlaps(start, end, span.start, span.end):
            return span
    return None


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    """One attendance as the Hours tab shows it (the name masked per the viewer's role)."""

    id: int
    volunteer_id: int
    volunteer: str
    community: str
    place: str
    content: str
    checkin_at: datetime
    checkout_at: datetime | None
    travel_minutes: int
    minutes: int | None
    status: AttendanceStatus
    needs_confirmation: bool
    confirmed_via: str
    approved_by: str
    corrections: int


@dataclass(frozen=True, slots=True)
class CorrectionRow:
    """One correction of an attendance: old value, new value, reason, who and when."""

    attendance_id: int
    field: str
    old_value: str
    new_value: str
    reason: str
    corrected_by: str
    corrected_at: datetime


def format_minutes(minutes: int | None) -> str:
    """`h:mm`, or an empty string while the volunteer is still checked in."""
    if minutes is None:
        return ""
    return f"{minutes // 60}:{minutes % 60:02d}"
