"""Volunteers' check-in and check-out by signed codes, hours, corrections and approval.

A check-in code (core.checkin_qr) names a place: `station:<community>` on a station's screen,
`door:<resident id>` on a visit card valid for the visit's window. The code text, scanned by
the volunteer's phone or the station's scanner, is entered with the volunteer's number; the
service checks the signature, the expiry and the place, and keeps the code's nonce as used by
that volunteer in that direction (check-in, check-out): a second use is a replay. Every
refusal (forged, expired, replayed, another place, overlapping hours) is audited in a
transaction of its own, since the refused one rolls back.

Attendance moves open → recorded (check-out: minutes of service, travel excluded) →
confirmed (by the person helped, for a visit or a delivery) → approved (by the leader of one
of the volunteer's teams, or a street-wide supervisor or admin; never by an account that
checked the volunteer in, confirmed or corrected those hours) or rejected. A correction writes
one row per changed field (old, new, reason, who, when), reverses a time-bank deposit of the
hours, and sends the attendance back to "recorded": what was confirmed and approved is no
longer what it says. Hours a listed or issued certificate counts are not corrected.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.certificates import CertificateStatus, period_bounds
from core.checkin_qr import CheckinCode, CheckinCodeError, checkin_key, make_code, verify
from core.model import RoleName
from core.permissions import Permission, PermissionDenied, Principal
from core.personal import mask_name
from core.text import clean_block
from core.timebank import (
    REDEPOSIT,
    REVERSAL,
    AccountKind,
    TxnKind,
    attendance_note,
    in_bank,
    move,
    parse_attendance_note,
)
from core.timefmt import DEFAULT_ZONE, local
from core.volunteer_hours import (
    APPROVE_FROM,
    CONFIRM_FROM,
    REJECT_FROM,
    AttendanceRow,
    AttendanceStatus,
    CheckinRefused,
    CorrectionRow,
    HoursError,
    Span,
    capped_checkout,
    duty_problem,
    first_overlap,
    service_minutes,
)
from core.volunteers import SignupStatus, TaskStatus
from data.context import ServiceContext, WriteTx
from data.fieldcrypt import load_field_keys
from data.models import (
    Certificate,
    Community,
    Resident,
    SiteMeta,
    TimebankAccount,
    TimebankEntry,
    TimebankTxn,
    Volunteer,
    VolunteerAttendance,
    VolunteerCheckinUse,
    VolunteerHoursCorrection,
    VolunteerShift,
    VolunteerSignup,
    VolunteerTask,
    VolunteerTeam,
    VolunteerTeamMember,
)

__all__ = ["CONFIRM_VIA", "DOOR_MAX_S", "STATION_VALID_S", "HoursService"]

TABLE = "volunteer_attendance"
TIMEBANK_TABLE = "timebank_txn"
RECORD = Permission.MANAGE_VOLUNTEERS
APPROVE = Permission.APPROVE_HOURS
# A station's code lives two minutes and the screen shows a new one every minute: a photo of
# the screen is useless at home a few minutes later, and a scan in the last second still works.
STATION_VALID_S = 120
DOOR_MAX_S = 12 * 3600
CONFIRM_VIA = ("door", "phone", "station")
CONTENT_MAX = 500
REASON_MAX = 200
LIST_LIMIT = 500
# Street-wide roles that approve hours of any volunteer; every other account with APPROVE_HOURS
# (a community's supervisor, a street-wide department) only as the leader of the volunteer's team.
APPROVERS = frozenset({RoleName.SUPERVISOR, RoleName.ADMIN})


class HoursService:
    """Every change through the context's write path, audited."""

    def __init__(self, ctx: ServiceContext, key: bytes | None = None):
        self.ctx = ctx
        self._key = key

    # --- codes ----------------------------------------------------------------------------
    def key(self) -> bytes:
        """The site's check-in key (KeyFileError when this PC has no key folder)."""
        if self._key is None:
            self._key = checkin_key(load_field_keys(self.ctx.keys).index_key)
        return self._key

    def station_code(
        self, who: Principal, community: str, valid_s: int = STATION_VALID_S
    ) -> tuple[str, datetime]:
        """A fresh code for a station's screen and when it expires."""
        self.ctx.require(who, RECORD, community)
        now = self.ctx.clock()
        return make_code(self.key(), f"station:{community}", now, valid_s), now + timedelta(
            seconds=valid_s
        )

    def door_code(
        self, who: Principal, resident_id: int, starts_at: datetime, ends_at: datetime
    ) -> str:
        """A code for a visit card at a resident's door, valid only in the visit's window."""
        span = int((ends_at - starts_at).total_seconds())
        if not 0 < span <= DOOR_MAX_S:
            raise HoursError(f"a visit window is up to {DOOR_MAX_S // 3600} hours")
        with self.ctx.read() as s:
            community = s.scalar(
                select(Community.code)
                .join(Resident, Resident.community_id == Community.id)
                .where(Resident.id == resident_id)
            )
        if community is None:
            raise HoursError(f"no resident {resident_id}")
        self.ctx.require(who, RECORD, community)
        return make_code(self.key(), f"door:{resident_id}", starts_at, span)

    def visit_card(
        self, who: Principal, resident_id: int, starts_at: datetime, ends_at: datetime
    ) -> tuple[str, str, str]:
        """A door code for a visit card, with the resident's community and masked name to
        print on it (always masked: a card left at a door or lost in the street is read by
        anyone). Audited: the resident, the window and who made it, never the code."""
        code = self.door_code(who, resident_id, starts_at, ends_at)
        with self.ctx.read() as s:
            name, masked, community = s.execute(
                select(Resident.name, Resident.name_mask, Community.code)
                .join(Community, Community.id == Resident.community_id)
                .where(Resident.id == resident_id)
            ).one()
        detail = {
            "what": "visit_card",
            "resident": resident_id,
            "starts_at": starts_at.isoformat(timespec="seconds"),
            "ends_at": ends_at.isoformat(timespec="seconds"),
        }
        self.ctx.record(
            who, AuditAction.DATA_EXPORTED, f"resident:{resident_id}", json.dumps(detail)
        )
        return code, community, masked or mask_name(name)

    # --- check-in and check-out -----------------------------------------------------------
    def check_in(
        self,
        who: Principal,
        code_text: str,
        volunteer_id: int,
        *,
        shift_id: int | None = None,
        task_id: int | None = None,
        travel_minutes: int = 0,
        content: str = "",
        at_place: str | None = None,
    ) -> int:
        """Check a volunteer in with a scanned code; the attendance id. CheckinRefused
        (audited) when the code is forged, expired, replayed or for another place, or the
        volunteer is already checked in or has hours that overlap.

        `at_place` is the screen's own place ("station:<community>") when the code is entered
        at a station: that station's codes and the door codes of its community's residents are
        taken there, any other place's refused, and only the volunteers of that community
        (reason "community")."""
        code = self._verified(who, code_text, volunteer_id, "in")
        text = clean_block(content)[:CONTENT_MAX]
        try:
            with self.ctx.write(who) as tx:
                s = tx.session
                vol = self._volunteer(s, volunteer_id)
                ccode, cid, resident_id = self._place(s, code)
                _at_place(code, ccode, at_place)
                self.ctx.check(tx, RECORD, ccode)
                if at_place is not None and vol.community_id != cid:
                    # A station serves its own community: another community's volunteer is
                    # checked in at their own station (or by the control room).
                    raise CheckinRefused(
                        f"volunteer {volunteer_id} belongs to another community than {ccode}",
                        "community",
                    )
                resident_id = self._links(s, cid, resident_id, shift_id, task_id)
                self._not_used(s, code, volunteer_id, "in")
                self._door_free(s, code, volunteer_id, "in")
                spans = self._spans(s, volunteer_id, tx.now)
                clash = first_overlap(tx.now, None, spans)
                if clash is not None:
                    raise CheckinRefused(
                        f"volunteer {volunteer_id} is already checked in, or has hours after "
                        f"this moment (attendance {clash.attendance_id})",
                        "overlap",
                    )
                att = VolunteerAttendance(
                    volunteer_id=volunteer_id,
                    community_id=cid,
                    shift_id=shift_id,
                    task_id=task_id,
                    resident_id=resident_id,
                    place=code.place,
                    content=text,
                    checkin_at=tx.now,
                    checkout_at=None,
                    travel_minutes=max(0, travel_minutes),
                    minutes=None,
                    status=AttendanceStatus.OPEN.value,
                    checked_in_by=who.username,
                )
                s.add(att)
                s.flush()
                self._use(s, code, volunteer_id, "in", cid, att.id, tx.now)
                tx.change(TABLE, att.id, "insert")
                tx.audit(
                    AuditAction.VOLUNTEER_CHECKED_IN,
                    f"attendance:{att.id}",
                    json.dumps({"volunteer": volunteer_id, "place": code.place}),
                )
                return att.id
        except CheckinRefused as exc:
            self._refused(who, volunteer_id, "in", exc.reason, code.place)
            raise
        except IntegrityError as exc:
            # Another PC took the same code (a replay) or checked the same volunteer in with
            # another code a moment ago (overlapping hours): the constraint that spoke says which.
            if "volunteer_checkin_use" in str(exc.orig):
                self._refused(who, volunteer_id, "in", "replayed", code.place)
                raise CheckinRefused(
                    "this volunteer was checked in with this code a moment ago", "replayed"
                ) from None
            self._refused(who, volunteer_id, "in", "overlap", code.place)
            raise CheckinRefused(
                f"volunteer {volunteer_id} was checked in elsewhere a moment ago", "overlap"
            ) from None

    def check_out(
        self,
        who: Principal,
        code_text: str,
        volunteer_id: int,
        *,
        travel_minutes: int | None = None,
        content: str | None = None,
        at_place: str | None = None,
        allow_no_service: bool = False,
    ) -> int:
        """Check a volunteer out with a code of the place they checked in at; the minutes of
        service (travel excluded). CheckinRefused (audited) as for check_in. An attendance
        checked in with a visit card ends at the latest when that card's window ends: a
        check-out after it records the window's end (and says so in the audit).

        No minute of service (out in the minute of the check-in, or travel as long as the
        whole attendance) is refused (reason "no_service") unless `allow_no_service`: the
        screen asks first whether 0:00 is really what happened."""
        code = self._verified(who, code_text, volunteer_id, "out")
        try:
            with self.ctx.write(who) as tx:
                s = tx.session
                self._volunteer(s, volunteer_id)
                att = s.scalars(
                    select(VolunteerAttendance)
                    .where(
                        VolunteerAttendance.volunteer_id == volunteer_id,
                        VolunteerAttendance.status == AttendanceStatus.OPEN.value,
                    )
                    .with_for_update()
                ).first()
                if att is None:
                    raise CheckinRefused(
                        f"volunteer {volunteer_id} is not checked in", "not_checked_in"
                    )
                ccode = self._community_code(s, att.community_id)
                self.ctx.check(tx, RECORD, ccode)
                if att.place != code.place:
                    raise CheckinRefused(
                        f"checked in at {att.place}: check out with a code of that place", "place"
                    )
                _at_place(code, ccode, at_place)
                self._not_used(s, code, volunteer_id, "out")
                self._door_free(s, code, volunteer_id, "out")
                window_end = self._window_end(s, att)
                end = capped_checkout(tx.now, window_end)
                travel = att.travel_minutes if travel_minutes is None else travel_minutes
                try:
                    minutes = service_minutes(att.checkin_at, end, travel)
                except HoursError as exc:
                    raise CheckinRefused(str(exc), "hours") from None
                if minutes == 0 and not allow_no_service:
                    raise CheckinRefused(
                        "no minute of service between check-in and check-out", "no_service"
                    )
                clash = first_overlap(
                    att.checkin_at, end, self._spans(s, volunteer_id, att.checkin_at), att.id
                )
                if clash is not None:
                    raise CheckinRefused(
                        f"these hours overlap attendance {clash.attendance_id}", "overlap"
                    )
                att.checkout_at = end
                att.travel_minutes = travel
                att.minutes = minutes
                att.status = AttendanceStatus.RECORDED.value
                if content is not None and content.strip():
                    att.content = clean_block(content)[:CONTENT_MAX]
                self._use(s, code, volunteer_id, "out", att.community_id, att.id, tx.now)
                tx.change(TABLE, att.id, "update")
                tx.audit(
                    AuditAction.VOLUNTEER_CHECKED_OUT,
                    f"attendance:{att.id}",
                    json.dumps(
                        {"volunteer": volunteer_id, "minutes": minutes, "capped": end != tx.now}
                    ),
                )
                return minutes
        except CheckinRefused as exc:
            self._refused(who, volunteer_id, "out", exc.reason, code.place)
            raise
        except IntegrityError:
            self._refused(who, volunteer_id, "out", "replayed", code.place)
            raise CheckinRefused(
                "this volunteer was checked out with this code a moment ago", "replayed"
            ) from None

    # --- confirmation, approval, rejection, corrections -------------------------------------
    def confirm(self, who: Principal, attendance_id: int, via: str) -> None:
        """Record that the person helped confirmed the service (at the door, by phone, at
        the station)."""
        if via not in CONFIRM_VIA:
            raise HoursError(f"confirmed at the door, by phone or at the station, not {via!r}")
        with self.ctx.write(who) as tx:
            att, ccode = self._locked(tx.session, attendance_id)
            self.ctx.check(tx, RECORD, ccode)
            self._from(att, CONFIRM_FROM, "confirmed")
            att.status = AttendanceStatus.CONFIRMED.value
            att.confirmed_via, att.confirmed_by, att.confirmed_at = via, who.username, tx.now
            self._done(tx, att, AuditAction.HOURS_CONFIRMED, {"via": via})

    def approve(self, who: Principal, attendance_id: int) -> None:
        """Approve recorded hours: APPROVE_HOURS in the attendance's community and, unless
        the account is a street-wide supervisor's or admin's, leadership of one of the volunteer's
        teams; never by the account that checked the volunteer in, confirmed or corrected
        these hours. Hours that helped a person need that person's confirmation first."""
        with self.ctx.write(who) as tx:
            s = tx.session
            att, ccode = self._locked(s, attendance_id)
            self._may_approve(tx, att, ccode)
            self._from(att, APPROVE_FROM, "approved")
            if att.resident_id is not None and att.status != AttendanceStatus.CONFIRMED.value:
                raise HoursError("the person helped has not confirmed these hours yet")
            att.status = AttendanceStatus.APPROVED.value
            att.approved_by, att.approved_at = who.username, tx.now
            self._done(tx, att, AuditAction.HOURS_APPROVED, {"minutes": att.minutes})

    def reject(self, who: Principal, attendance_id: int, reason: str) -> None:
        """Reject recorded hours with a reason (same rights as approval)."""
        why = clean_block(reason)[:REASON_MAX]
        if not why:
            raise HoursError("a rejection needs a reason")
        with self.ctx.write(who) as tx:
            s = tx.session
            att, ccode = self._locked(s, attendance_id)
            self._may_approve(tx, att, ccode)
            self._from(att, REJECT_FROM, "rejected")
            att.status = AttendanceStatus.REJECTED.value
            att.rejected_reason = why
            att.approved_by, att.approved_at = who.username, tx.now
            self._done(tx, att, AuditAction.HOURS_REJECTED, {"reason": why})

    def correct(
        self,
        who: Principal,
        attendance_id: int,
        reason: str,
        *,
        checkin_at: datetime | None = None,
        checkout_at: datetime | None = None,
        travel_minutes: int | None = None,
        content: str | None = None,
    ) -> int:
        """Correct an attendance: one trail row per changed field (old, new, reason, who,
        when); the minutes are worked out again, overlaps refused, and the attendance goes
        back to "recorded" (or stays open without a check-out). The new minutes, or -1 while
        open. Closing a forgotten check-out is a correction of `checkout_at`.

        Refused while a listed or issued certificate of the volunteer covers the hours (it
        must be withdrawn first), and when the minutes deposited in the time bank for these
        hours were spent or given away since; otherwise that deposit is reversed in the same
        transaction, and the next deposit after a new approval credits the new minutes."""
        why = clean_block(reason)[:REASON_MAX]
        if not why:
            raise HoursError("a correction needs a reason")
        with self.ctx.write(who) as tx:
            s = tx.session
            # The volunteer's row first (the order check-in and check-out lock in): two
            # corrections of two attendances of one volunteer see each other's new times.
            owner = s.scalar(
                select(VolunteerAttendance.volunteer_id).where(
                    VolunteerAttendance.id == attendance_id
                )
            )
            if owner is not None:
                s.scalars(select(Volunteer.id).where(Volunteer.id == owner).with_for_update()).all()
            att, ccode = self._locked(s, attendance_id)
            self.ctx.check(tx, RECORD, ccode)
            new: dict[str, str | int | datetime] = {}
            if checkin_at is not None and checkin_at != att.checkin_at:
                new["checkin_at"] = checkin_at
            if checkout_at is not None and checkout_at != att.checkout_at:
                new["checkout_at"] = checkout_at
            if travel_minutes is not None and travel_minutes != att.travel_minutes:
                new["travel_minutes"] = travel_minutes
            if content is not None and clean_block(content)[:CONTENT_MAX] != att.content:
                new["content"] = clean_block(content)[:CONTENT_MAX]
            if not new:
                raise HoursError("nothing to correct: every value is as recorded")
            start = checkin_at or att.checkin_at
            end = checkout_at or att.checkout_at
            travel = att.travel_minutes if travel_minutes is None else travel_minutes
            if end is not None and end > tx.now:
                raise HoursError("a check-out cannot be in the future")
            minutes = None if end is None else service_minutes(start, end, travel)
            clash = first_overlap(start, end, self._spans(s, att.volunteer_id, start), att.id)
            if clash is not None:
                raise HoursError(f"these hours would overlap attendance {clash.attendance_id}")
            self._not_certified(s, att.volunteer_id, (att.checkin_at, start))
            self._reverse_deposit(tx, att)
            for name, value in new.items():
                s.add(
                    VolunteerHoursCorrection(
                        attendance_id=att.id,
                        community_id=att.community_id,
                        field=name,
                        old_value=_text(getattr(att, name)),
                        new_value=_text(value),
                        reason=why,
                        corrected_by=who.username,
                        corrected_at=tx.now,
                    )
                )
                setattr(att, name, value)
            att.minutes = minutes
            att.status = (AttendanceStatus.OPEN if end is None else AttendanceStatus.RECORDED).value
            att.confirmed_via = att.confirmed_by = att.approved_by = None
            att.confirmed_at = att.approved_at = None
            att.rejected_reason = None
            self._done(tx, att, AuditAction.HOURS_CORRECTED, {"fields": sorted(new), "reason": why})
            return -1 if minutes is None else minutes

    # --- reads ----------------------------------------------------------------------------
    def work_choices(
        self, who: Principal, community: str, volunteer_id: int
    ) -> list[tuple[str, int, str]]:
        """What a volunteer checking in at the community's station may be there for: their
        open assigned tasks and today's (site time) confirmed shifts there, as ("task" or
        "shift", id, title). A task for a resident makes the hours need that resident's
        confirmation, as a visit card does."""
        self.ctx.require(who, RECORD, community)
        with self.ctx.read() as s:
            cid = s.scalar(select(Community.id).where(Community.code == community))
            if cid is None:
                return []
            zone = s.scalar(select(SiteMeta.value).where(SiteMeta.key == "timezone"))
            today = local(self.ctx.clock(), zone or DEFAULT_ZONE).date()
            start, stop = period_bounds(today, today, zone or DEFAULT_ZONE)
            tasks = s.execute(
                select(VolunteerTask.id, VolunteerTask.title)
                .where(
                    VolunteerTask.community_id == cid,
                    VolunteerTask.volunteer_id == volunteer_id,
                    VolunteerTask.status == TaskStatus.ASSIGNED.value,
                )
                .order_by(VolunteerTask.id)
            ).all()
            shifts = s.execute(
                select(VolunteerShift.id, VolunteerShift.title)
                .join(VolunteerSignup, VolunteerSignup.shift_id == VolunteerShift.id)
                .where(
                    VolunteerShift.community_id == cid,
                    VolunteerShift.cancelled.is_(False),
                    VolunteerShift.starts_at < stop,
                    VolunteerShift.ends_at > start,
                    VolunteerSignup.volunteer_id == volunteer_id,
                    VolunteerSignup.status == SignupStatus.CONFIRMED.value,
                )
                .order_by(VolunteerShift.starts_at, VolunteerShift.id)
            ).all()
        return [("task", i, title) for i, title in tasks] + [
            ("shift", i, title) for i, title in shifts
        ]

    def attendance(
        self,
        who: Principal,
        *,
        statuses: Sequence[AttendanceStatus] = (),
        volunteer_id: int | None = None,
        limit: int = LIST_LIMIT,
    ) -> list[AttendanceRow]:
        """Attendance newest first, in the communities `who` sees; names masked without
        VIEW_RESIDENT_PII there."""
        self._may_read(who)
        corrections = (
            select(func.count(VolunteerHoursCorrection.id))
            .where(VolunteerHoursCorrection.attendance_id == VolunteerAttendance.id)
            .scalar_subquery()
        )
        stmt = (
            select(
                VolunteerAttendance,
                Volunteer.name,
                Volunteer.name_mask,
                Community.code,
                corrections,
            )
            .join(Volunteer, Volunteer.id == VolunteerAttendance.volunteer_id)
            .join(Community, Community.id == VolunteerAttendance.community_id)
            .order_by(VolunteerAttendance.checkin_at.desc(), VolunteerAttendance.id.desc())
            .limit(limit)
        )
        if statuses:
            stmt = stmt.where(VolunteerAttendance.status.in_([x.value for x in statuses]))
        if volunteer_id is not None:
            stmt = stmt.where(VolunteerAttendance.volunteer_id == volunteer_id)
        if who.communities is not None:
            stmt = stmt.where(Community.code.in_(sorted(who.communities)))
        with self.ctx.read() as s:
            rows = s.execute(stmt).all()
        return [_row(who, att, name, masked, ccode, n) for att, name, masked, ccode, n in rows]

    def corrections(self, who: Principal, attendance_id: int) -> list[CorrectionRow]:
        """An attendance's corrections, oldest first."""
        self._may_read(who)
        with self.ctx.read() as s:
            ccode = s.scalar(
                select(Community.code)
                .join(VolunteerAttendance, VolunteerAttendance.community_id == Community.id)
                .where(VolunteerAttendance.id == attendance_id)
            )
            if ccode is None:
                raise HoursError(f"no attendance {attendance_id}")
            if not (who.can(RECORD, ccode) or who.can(APPROVE, ccode)):
                self.ctx.require(who, RECORD, ccode)
            rows = s.scalars(
                select(VolunteerHoursCorrection)
                .where(VolunteerHoursCorrection.attendance_id == attendance_id)
                .order_by(VolunteerHoursCorrection.id)
            ).all()
        return [
            CorrectionRow(
                r.attendance_id,
                r.field,
                r.old_value,
                r.new_value,
                r.reason,
                r.corrected_by,
                r.corrected_at,
            )
            for r in rows
        ]

    # --- helpers --------------------------------------------------------------------------
    def _may_read(self, who: Principal) -> None:
        if not (who.can(RECORD) or who.can(APPROVE)):
            self.ctx.require(who, RECORD)

    def _verified(self, who: Principal, code_text: str, volunteer_id: int, way: str) -> CheckinCode:
        try:
            return verify(self.key(), code_text, self.ctx.clock())
        except CheckinCodeError as exc:
            self._refused(who, volunteer_id, way, exc.reason, "")
            raise CheckinRefused(str(exc), exc.reason) from None

    def _refused(
        self, who: Principal, volunteer_id: int, way: str, reason: str, place: str
    ) -> None:
        # Never the code's text: an expired or replayed code is still the site's signature.
        detail = {"reason": reason, "direction": way, "place": place}
        self.ctx.record(
            who, AuditAction.CHECKIN_REFUSED, f"volunteer:{volunteer_id}", json.dumps(detail)
        )

    @staticmethod
    def _volunteer(s: Session, volunteer_id: int) -> Volunteer:
        # Locked: two check-ins of one volunteer on two PCs see each other's hours.
        vol = s.scalars(
            select(Volunteer).where(Volunteer.id == volunteer_id).with_for_update()
        ).first()
        if vol is None or not vol.active:
            raise CheckinRefused(f"no active volunteer number {volunteer_id}", "volunteer")
        return vol

    @staticmethod
    def _community_code(s: Session, community_id: int) -> str:
        return s.scalars(select(Community.code).where(Community.id == community_id)).one()

    @staticmethod
    def _place(s: Session, code: CheckinCode) -> tuple[str, int, int | None]:
        """The community (code, id) of a code's place and the resident at a door."""
        if code.kind == "station":
            found = s.execute(
                select(Community.code, Community.id).where(Community.code == code.subject)
            ).first()
            resident = None
        elif code.kind == "door" and code.subject.isdigit():
            resident = int(code.subject)
            found = s.execute(
                select(Community.code, Community.id)
                .join(Resident, Resident.community_id == Community.id)
                .where(Resident.id == resident)
            ).first()
        else:
            found, resident = None, None
        if found is None:
            raise CheckinRefused(f"{code.place} is not a place of this site", "place")
        return found[0], found[1], resident

    @staticmethod
    def _links(
        s: Session, cid: int, resident_id: int | None, shift_id: int | None, task_id: int | None
    ) -> int | None:
        """Check that the shift and the task belong to the code's place; the person helped."""
        if shift_id is not None:
            shift = s.get(VolunteerShift, shift_id)
            if shift is None or shift.community_id != cid:
                raise CheckinRefused(f"shift {shift_id} is not at this place", "task")
        if task_id is not None:
            task = s.get(VolunteerTask, task_id)
            if task is None or task.community_id != cid:
                raise CheckinRefused(f"task {task_id} is not at this place", "task")
            if resident_id is not None and task.resident_id not in (None, resident_id):
                raise CheckinRefused(f"task {task_id} is for another resident", "task")
            return resident_id if resident_id is not None else task.resident_id
        return resident_id

    @staticmethod
    def _not_used(s: Session, code: CheckinCode, volunteer_id: int, way: str) -> None:
        used = s.scalar(
            select(VolunteerCheckinUse.id).where(
                VolunteerCheckinUse.nonce == code.nonce,
                VolunteerCheckinUse.volunteer_id == volunteer_id,
                VolunteerCheckinUse.direction == way,
            )
        )
        if used is not None:
            raise CheckinRefused("this code was already used by this volunteer", "replayed")

    @staticmethod
    def _use(
        s: Session,
        code: CheckinCode,
        volunteer_id: int,
        way: str,
        cid: int,
        attendance_id: int,
        now: datetime,
    ) -> None:
        s.add(
            VolunteerCheckinUse(
                nonce=code.nonce,
                volunteer_id=volunteer_id,
                direction=way,
                place=code.place,
                community_id=cid,
                attendance_id=attendance_id,
                used_at=now,
                expires_at=code.expires_at,
            )
        )
        s.flush()  # the unique constraint speaks here, inside the refusal handling

    @staticmethod
    def _spans(s: Session, volunteer_id: int, after: datetime) -> list[Span]:
        """The volunteer's attendance still open or ending after `after`."""
        rows = s.execute(
            select(
                VolunteerAttendance.id,
                VolunteerAttendance.checkin_at,
                VolunteerAttendance.checkout_at,
            ).where(
                VolunteerAttendance.volunteer_id == volunteer_id,
                VolunteerAttendance.status != AttendanceStatus.REJECTED.value,
                or_(
                    VolunteerAttendance.checkout_at.is_(None),
                    VolunteerAttendance.checkout_at > after,
                ),
            )
        ).all()
        return [Span(i, a, b) for i, a, b in rows]

    def _may_approve(self, tx: WriteTx, att: VolunteerAttendance, ccode: str) -> None:
        """APPROVE_HOURS there; a team leader's role unless street-wide supervisor or admin;
        and none of
        the hands that recorded, confirmed or corrected these hours (refusals audited)."""
        who, s = tx.actor, tx.session
        assert isinstance(who, Principal)  # approval is a person's act
        self.ctx.check(tx, APPROVE, ccode)
        bypass = who.street_wide and who.role in APPROVERS
        if not bypass and not self._leads(s, att.volunteer_id, who.user_id):
            raise PermissionDenied(who.username, APPROVE, ccode)
        correctors = s.scalars(
            select(VolunteerHoursCorrection.corrected_by).where(
                VolunteerHoursCorrection.attendance_id == att.id
            )
        ).all()
        problem = duty_problem(who.username, att.checked_in_by, att.confirmed_by, correctors)
        if problem is not None:
            raise HoursError(problem)

    @staticmethod
    def _not_certified(s: Session, volunteer_id: int, moments: tuple[datetime, ...]) -> None:
        """Refuse a correction of hours a listed or issued certificate counts."""
        zone = s.scalar(select(SiteMeta.value).where(SiteMeta.key == "timezone")) or DEFAULT_ZONE
        days = {local(m, zone).date() for m in moments}
        certs = s.execute(
            select(Certificate.id, Certificate.first_day, Certificate.last_day).where(
                Certificate.volunteer_id == volunteer_id,
                Certificate.status != CertificateStatus.WITHDRAWN.value,
                Certificate.first_day <= max(days),
                Certificate.last_day >= min(days),
            )
        ).all()
        for cert_id, first, last in certs:
            start, stop = period_bounds(first, last, zone)
            if any(start <= m < stop for m in moments):
                raise HoursError(
                    f"certificate {cert_id} counts these hours: withdraw it before correcting them"
                )

    @staticmethod
    def _reverse_deposit(tx: WriteTx, att: VolunteerAttendance) -> None:
        """Take back the minutes deposited for these hours (if any) in this transaction.

        The ledger is append-only: the reversal names the attendance in its note
        (core.timebank.attendance_note), so the next approval's deposit credits the
        corrected minutes. Refused when the volunteer's balance no longer holds them."""
        s = tx.session
        # The volunteer's row is locked (by correct()), as a deposit locks it: neither misses
        # the other.
        mine = s.scalars(
            select(TimebankAccount)
            .where(
                TimebankAccount.holder_key == f"{AccountKind.VOLUNTEER.value}:{att.volunteer_id}"
            )
            .with_for_update()
        ).first()
        if mine is None:
            return
        linked = s.scalar(select(TimebankTxn.id).where(TimebankTxn.attendance_id == att.id))
        later = s.execute(
            select(TimebankTxn.id, TimebankTxn.note)
            .where(TimebankTxn.note.like(f"attendance:{att.id} %"))
            .order_by(TimebankTxn.id)
        ).all()
        linked_ids = [att.id] if linked is not None else []
        if att.id not in in_bank(linked_ids, [n for _, n in later]):
            return
        redeposits = [i for i, n in later if parse_attendance_note(n) == (att.id, REDEPOSIT)]
        dep_id = redeposits[-1] if redeposits else linked
        entries = s.scalars(select(TimebankEntry).where(TimebankEntry.txn_id == dep_id)).all()
        credit = next((e for e in entries if e.account_id == mine.id and e.minutes > 0), None)
        debit = next((e for e in entries if e.minutes < 0), None)
        if credit is None or debit is None:
            raise HoursError(f"time-bank transaction {dep_id} is not a deposit of these hours")
        source = s.get_one(TimebankAccount, debit.account_id)
        balance = int(
            s.scalar(
                select(func.coalesce(func.sum(TimebankEntry.minutes), 0)).where(
                    TimebankEntry.account_id == mine.id
                )
            )
            or 0
        )
        if balance < credit.minutes:
            raise HoursError(
                f"{credit.minutes} minutes of these hours were deposited in the time bank and "
                f"the balance is now {balance}: they were spent or given away, so these hours "
                "cannot be corrected"
            )
        out, into = move(mine.id, source.id, credit.minutes)
        by = tx.actor.user_id if isinstance(tx.actor, Principal) else None
        rev = TimebankTxn(
            community_id=mine.community_id,
            kind=TxnKind.DEPOSIT.value,
            at=tx.now,
            by_id=by,
            attendance_id=None,
            relation="",
            note=attendance_note(att.id, REVERSAL, f"of transaction {dep_id} on correction"),
        )
        s.add(rev)
        s.flush()
        for acct, entry in ((mine, out), (source, into)):
            s.add(
                TimebankEntry(
                    txn_id=rev.id,
                    account_id=acct.id,
                    community_id=acct.community_id,
                    minutes=entry.minutes,
                )
            )
        s.flush()
        tx.change(TIMEBANK_TABLE, rev.id, "insert")
        tx.audit(
            AuditAction.TIMEBANK_DEPOSITED,
            f"timebank_txn:{rev.id}",
            json.dumps({"reversal_of": dep_id, "attendance": att.id, "minutes": -credit.minutes}),
        )

    @staticmethod
    def _door_free(s: Session, code: CheckinCode, volunteer_id: int, way: str) -> None:
        """One volunteer per visit card and direction: the resident's row is locked so that
        two check-ins with one card on two PCs see each other."""
        if code.kind != "door" or not code.subject.isdigit():
            return
        s.scalars(
            select(Resident.id).where(Resident.id == int(code.subject)).with_for_update()
        ).first()
        other = s.scalar(
            select(VolunteerCheckinUse.volunteer_id).where(
                VolunteerCheckinUse.nonce == code.nonce,
                VolunteerCheckinUse.direction == way,
                VolunteerCheckinUse.volunteer_id != volunteer_id,
            )
        )
        if other is not None:
            raise CheckinRefused(
                "this visit card was already used by another volunteer", "card_taken"
            )

    @staticmethod
    def _window_end(s: Session, att: VolunteerAttendance) -> datetime | None:
        """When the visit card an attendance was checked in with stops being valid."""
        if not att.place.startswith("door:"):
            return None
        return s.scalar(
            select(VolunteerCheckinUse.expires_at).where(
                VolunteerCheckinUse.attendance_id == att.id,
                VolunteerCheckinUse.direction == "in",
            )
        )

    @staticmethod
    def _leads(s: Session, volunteer_id: int, user_id: int) -> bool:
        """Whether the account leads one of the volunteer's teams."""
        found = s.scalar(
            select(VolunteerTeam.id)
            .join(VolunteerTeamMember, VolunteerTeamMember.team_id == VolunteerTeam.id)
            .where(
                VolunteerTeamMember.volunteer_id == volunteer_id,
                VolunteerTeamMember.left_on.is_(None),
                VolunteerTeam.leader_user_id == user_id,
            )
            .limit(1)
        )
        return found is not None

    def _locked(self, s: Session, attendance_id: int) -> tuple[VolunteerAttendance, str]:
        att = s.scalars(
            select(VolunteerAttendance)
            .where(VolunteerAttendance.id == attendance_id)
            .with_for_update()
        ).first()
        if att is None:
            raise HoursError(f"no attendance {attendance_id}")
        return att, self._community_code(s, att.community_id)

    @staticmethod
    def _from(att: VolunteerAttendance, allowed: frozenset[AttendanceStatus], step: str) -> None:
        if AttendanceStatus(att.status) not in allowed:
            raise HoursError(f"attendance {att.id} is {att.status}: it cannot be {step}")

    @staticmethod
    def _done(
        tx: WriteTx, att: VolunteerAttendance, action: AuditAction, detail: dict[str, object]
    ) -> None:
        tx.change(TABLE, att.id, "update")
        tx.audit(action, f"attendance:{att.id}", json.dumps(detail, ensure_ascii=False))


def _at_place(code: CheckinCode, community: str, at_place: str | None) -> None:
    """Refuse a code entered at a screen of another place: a station takes its own codes and
    the visit cards of its community's residents."""
    if at_place is None or code.place == at_place:
        return
    if code.kind == "door" and at_place == f"station:{community}":
        return
    raise CheckinRefused(f"this code is for {code.place}, not for {at_place}", "place")


def _text(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return str(value)


def _row(
    who: Principal, att: VolunteerAttendance, name: str, masked: str, ccode: str, n: int
) -> AttendanceRow:
    shown = who.can(Permission.VIEW_RESIDENT_PII, ccode)
    return AttendanceRow(
        id=att.id,
        volunteer_id=att.volunteer_id,
        volunteer=name if shown else (masked or mask_name(name)),
        community=ccode,
        place=att.place,
        content=att.content,
        checkin_at=att.checkin_at,
        checkout_at=att.checkout_at,
        travel_minutes=att.travel_minutes,
        minutes=att.minutes,
        status=AttendanceStatus(att.status),
        needs_confirmation=att.resident_id is not None,
        confirmed_via=att.confirmed_via or "",
        approved_by=att.approved_by or "",
        corrections=n,
    )
