"""Demo certificates and time bank: listed requests from the approved hours, a withdrawn one,
and deposits of approved hours, the same ones for the same site and day."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.certificates import LISTING, CertificateStatus, summarise_content
from core.timebank import AccountKind, TxnKind
from core.volunteer_hours import AttendanceStatus
from data.changes import record_change
from data.models import (
    Certificate,
    Community,
    TimebankAccount,
    TimebankEntry,
    TimebankTxn,
    Volunteer,
    VolunteerAttendance,
)

SEED = 20261130
LISTED = 6  # certificates in their public week or past it
DEPOSITORS = 12  # volunteers whose approved hours are in the time bank


def seed_certificates(s: Session, today: date, now: datetime) -> None:
    """Once (a database with certificates or time-bank rows keeps its own): certificate
    requests over the last three months for volunteers with approved hours, listed on days
    before `now` (some past their week, ready to issue; one withdrawn), and the approved hours
    of some volunteers deposited in the time bank. Issued certificates are left to the console,
    which renders and archives their PDF."""
    if s.scalar(select(func.count()).select_from(Certificate)) or s.scalar(
        select(func.count()).select_from(TimebankTxn)
    ):
        return
    rng = random.Random(SEED)
    first, last = today - timedelta(days=90), today - timedelta(days=1)
    start = datetime(first.year, first.month, first.day, tzinfo=now.tzinfo)
    end = datetime(last.year, last.month, last.day, tzinfo=now.tzinfo) + timedelta(days=1)
    worked = s.execute(
        select(
            VolunteerAttendance.volunteer_id,
            Volunteer.community_id,
            func.sum(VolunteerAttendance.minutes),
        )
        .join(Volunteer, VolunteerAttendance.volunteer_id == Volunteer.id)
        .where(
            VolunteerAttendance.status == AttendanceStatus.APPROVED.value,
            VolunteerAttendance.checkin_at >= start,
            VolunteerAttendance.checkin_at < end,
        )
        .group_by(VolunteerAttendance.volunteer_id, Volunteer.community_id)
        .order_by(VolunteerAttendance.volunteer_id)
    ).all()
    for n, (vid, cid, minutes) in enumerate(worked[:LISTED]):
        contents = s.scalars(
            select(VolunteerAttendance.content).where(
                VolunteerAttendance.volunteer_id == vid,
                VolunteerAttendance.status == AttendanceStatus.APPROVED.value,
                VolunteerAttendance.checkin_at >= start,
                VolunteerAttendance.checkin_at < end,
            )
        )
        listed_at = now - timedelta(days=rng.randrange(1, 12), hours=rng.randrange(8))
        withdrawn = n == LISTED - 1
        cert = Certificate(
            community_id=cid,
            volunteer_id=vid,
            status=(CertificateStatus.WITHDRAWN if withdrawn else CertificateStatus.LISTED).value,
            first_day=first,
            last_day=last,
            minutes=int(minutes or 0),
            content=summarise_content(contents) or "志愿服务",
            requested_by_id=None,
            listed_at=listed_at,
            listed_until=listed_at + LISTING,
            objection="",
            issuer="",
            withdrawn_at=now if withdrawn else None,
            withdrawn_reason="申请时段有误，重新申请" if withdrawn else "",
        )
        s.add(cert)
        s.flush()
        record_change(s, "certificate", cert.id, "insert", "seed")
    _deposits(s, now, [int(v) for v, _, _ in worked[:DEPOSITORS]])


def _deposits(s: Session, now: datetime, volunteers: list[int]) -> None:
    pools: dict[int, TimebankAccount] = {}
    for vid in volunteers:
        vol = s.get_one(Volunteer, vid)
        pool = pools.get(vol.community_id)
        if pool is None:
            code = s.scalar(select(Community.code).where(Community.id == vol.community_id))
            pool = _account(s, f"community:{code}", AccountKind.COMMUNITY, vol.community_id, now)
            pools[vol.community_id] = pool
        mine = _account(s, f"volunteer:{vid}", AccountKind.VOLUNTEER, vol.community_id, now)
        mine.volunteer_id = vid
        for att_id, minutes, at in s.execute(
            select(
                VolunteerAttendance.id,
                VolunteerAttendance.minutes,
                VolunteerAttendance.approved_at,
            )
            .where(
                VolunteerAttendance.volunteer_id == vid,
                VolunteerAttendance.status == AttendanceStatus.APPROVED.value,
                VolunteerAttendance.minutes > 0,
            )
            .order_by(VolunteerAttendance.id)
        ):
            txn = TimebankTxn(
                community_id=vol.community_id,
                kind=TxnKind.DEPOSIT.value,
                at=at or now,
                by_id=None,
                attendance_id=att_id,
                relation="",
                note="",
            )
            s.add(txn)
            s.flush()
            for acct, signed in ((pool, -(minutes or 0)), (mine, minutes or 0)):
                s.add(
                    TimebankEntry(
                        txn_id=txn.id,
                        account_id=acct.id,
                        community_id=acct.community_id,
                        minutes=signed,
                    )
                )
            record_change(s, "timebank_txn", txn.id, "insert", "seed")
    s.flush()


def _account(
    s: Session, key: str, kind: AccountKind, community_id: int, now: datetime
) -> TimebankAccount:
    acct = TimebankAccount(
        holder_key=key, kind=kind.value, community_id=community_id, created_at=now
    )
    s.add(acct)
    s.flush()
    return acct
