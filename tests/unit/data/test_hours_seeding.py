"""Demo hours: seeded once and the same for the same day, never overlapping, in every state,
readable through the service with their corrections."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from sqlalchemy import func, select

from core.volunteer_hours import AttendanceStatus, overlaps
from data.hours_seeding import seed_hours
from data.models import SiteMeta, VolunteerAttendance, VolunteerHoursCorrection
from data.volunteers_seeding import seed_volunteers
from tests.helpers.postgres import as_owner
from tests.unit.data.services import test_residents
from tests.unit.data.services.test_residents import Street

street = test_residents.street


def _rows(st: Street) -> list[tuple[int, str, object, object, int | None, str, int | None]]:
    with st.db.session() as s:
        return [
            (
                a.volunteer_id,
                a.place,
                a.checkin_at,
                a.checkout_at,
                a.minutes,
                a.status,
                a.resident_id,
            )
            for a in s.scalars(select(VolunteerAttendance).order_by(VolunteerAttendance.id))
        ]


def test_demo_hours_are_seeded_once_without_overlaps_in_every_state(street: Street) -> None:
    with as_owner(street.db) as owner, owner.write_session() as s:
        day = date.fromisoformat(s.get_one(SiteMeta, "population_date").value)
        now = street.svc.ctx.clock()
        seed_volunteers(s, day, now, street.keys)
        seed_hours(s, day, now)
    first = _rows(street)
    with as_owner(street.db) as owner, owner.write_session() as s:
        seed_hours(s, day, now)  # a database with hours keeps its own
    assert _rows(street) == first
    assert len(first) > 20
    spans = defaultdict(list)
    for vid, _, start, end, *_ in first:
        spans[vid].append((start, end))
    for items in spans.values():
        for i, (a0, a1) in enumerate(items):
            assert not any(overlaps(a0, a1, b0, b1) for b0, b1 in items[i + 1 :])  # type: ignore[arg-type]
    states = Counter(status for *_, status, _ in first)
    assert states[AttendanceStatus.APPROVED] > states[AttendanceStatus.REJECTED] > 0
    assert states[AttendanceStatus.RECORDED] > 0
    doors = [r for r in first if r[1].startswith("door:")]
    assert doors
    assert all(r[1] == f"door:{r[6]}" for r in doors)
    with street.db.session() as s:
        assert s.scalar(select(func.count()).select_from(VolunteerHoursCorrection))
    rows = street.svc.hours.attendance(
        street.who("supervisor"), statuses=[AttendanceStatus.APPROVED]
    )
    assert rows
    assert all(r.minutes and r.approved_by == "supervisor" for r in rows)
