"""Demo volunteer hours: past attendance of the seeded volunteers, in every state, with trails."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from core.timefmt import DEFAULT_ZONE
from core.volunteer_hours import AttendanceStatus
from data.changes import record_change
from data.models import (
    Community,
    Volunteer,
    VolunteerAttendance,
    VolunteerHoursCorrection,
    VolunteerPairing,
)

SEED = 20261130
DAYS = 60  # how far back the demo hours go
SESSIONS = (2, 6)  # attendance per volunteer, at least and at most
_STATION_WORK = ("工作站值守", "助餐配送", "健康讲座协助", "防汛巡查", "垃圾分类督导")
_VISIT_WORK = ("陪聊、量血压", "代购生活用品", "打扫卫生", "读报", "陪同就医")


def seed_hours(s: Session, today: date, now: datetime) -> None:
    """Seed once (a database with attendance keeps its own); deterministic for a site and day.
    Sessions older than a week are approved (one in ten rejected), newer ones recorded or
    confirmed; a volunteer paired with a resident visits that resident's door; one session in
    eight carries a correction of its travel time."""
    if s.scalar(select(func.count()).select_from(VolunteerAttendance)):
        return
    zone = ZoneInfo(DEFAULT_ZONE)
    codes: dict[int, str] = {
        cid: code for cid, code in s.execute(select(Community.id, Community.code))
    }
    pairs: dict[int, int] = {
        vid: rid
        for vid, rid in s.execute(
            select(VolunteerPairing.volunteer_id, VolunteerPairing.resident_id).where(
                VolunteerPairing.ended_on.is_(None)
            )
        )
    }
    rows: list[dict[str, Any]] = []
    fixes: list[tuple[int, int, int, int]] = []  # (row index, old travel, new travel, community)
    volunteers = s.execute(
        select(Volunteer.id, Volunteer.community_id)
        .where(Volunteer.active.is_(True))
        .order_by(Volunteer.id)
    ).all()
    for vid, cid in volunteers:
        rng = random.Random(f"{SEED}:{vid}")  # per volunteer: adding one changes no other
        days = sorted(rng.sample(range(1, DAYS), rng.randint(*SESSIONS)), reverse=True)
        for back in days:  # one session a day at most: the demo hours never overlap
            day = today - timedelta(days=back)
            start = datetime.combine(day, time(rng.choice((8, 9, 14, 15)), rng.choice((0, 30))))
            checkin = start.replace(tzinfo=zone).astimezone(now.tzinfo)
            resident = pairs.get(vid) if rng.random() < 0.6 else None
            travel = rng.choice((0, 5, 10, 15)) if resident else 0
            length = rng.choice((45, 60, 90, 120, 180))
            if back > 7:
                status = (
                    AttendanceStatus.REJECTED if rng.random() < 0.1 else AttendanceStatus.APPROVED
                )
            elif resident is not None and rng.random() < 0.5:
                status = AttendanceStatus.CONFIRMED
            else:
                status = AttendanceStatus.RECORDED
            decided = checkin + timedelta(days=2)
            confirmed = resident is not None and status is not AttendanceStatus.RECORDED
            rows.append(
                {
                    "volunteer_id": vid,
                    "community_id": cid,
                    "shift_id": None,
                    "task_id": None,
                    "resident_id": resident,
                    "place": f"door:{resident}" if resident else f"station:{codes[cid]}",
                    "content": rng.choice(_VISIT_WORK if resident else _STATION_WORK),
                    "checkin_at": checkin,
                    "checkout_at": checkin + timedelta(minutes=length + travel),
                    "travel_minutes": travel,
                    "minutes": length,
                    "status": status.value,
                    "checked_in_by": "ws01",
                    "confirmed_via": rng.choice(("door", "phone")) if confirmed else None,
                    "confirmed_by": "ws01" if confirmed else None,
                    "confirmed_at": checkin + timedelta(days=1) if confirmed else None,
                    "approved_by": "supervisor" if back > 7 else None,
                    "approved_at": decided if back > 7 else None,
                    "rejected_reason": "未见服务记录"
                    if status is AttendanceStatus.REJECTED
                    else None,
                }
            )
            if resident and rng.random() < 0.125:
                fixes.append((len(rows) - 1, 0, travel, cid))
    if not rows:
        return
    ids = []
    for row in rows:  # one by one: the corrections need the ids, on SQLite and PostgreSQL
        ids.append(
            s.execute(
                insert(VolunteerAttendance).returning(VolunteerAttendance.id), row
            ).scalar_one()
        )
    for i, old, new, cid in fixes:
        s.add(
            VolunteerHoursCorrection(
                attendance_id=ids[i],
                community_id=cid,
                field="travel_minutes",
                old_value=str(old),
                new_value=str(new),
                reason="补记路途时间",
                corrected_by="ws01",
                corrected_at=rows[i]["checkout_at"] + timedelta(hours=1),
            )
        )
    s.flush()
    record_change(s, "volunteer_attendance", None, "seed")
