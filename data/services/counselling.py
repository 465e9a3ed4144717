"""Counselling, education sessions, hotline and legal advice: appointments, contacts, referrals.

Only the counselling role (Permission.COUNSEL) reads or writes these. Notes, referral reasons
and outcomes are encrypted at rest and never listed: a list says that a note exists, and
reading one is a separate, audited act. Opening a person's counselling record is audited too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.permissions import Permission, Principal
from core.screening import ScreeningError
from core.screening_views import (
    AppointmentRow,
    AppointmentStatus,
    ContactKind,
    ContactRow,
    ReferralRow,
    ReferralStatus,
    ReferralTo,
)
from core.text import clean_block, clean_line
from data.context import ServiceContext
from data.fieldcrypt import FieldKeys, load_field_keys
from data.models import (
    Community,
    CounsellingAppointment,
    CounsellingContact,
    CounsellingReferral,
    Resident,
)

NOTE_COLUMN = "counselling_contact.note"
REASON_COLUMN = "counselling_referral.reason"
OUTCOME_COLUMN = "counselling_referral.outcome"
NOTE_MAX = 4000
MAX_MINUTES = 8 * 60
MAX_ATTENDEES = 500


@dataclass(frozen=True, slots=True)
class ContactDraft:
    """A contact to record; `client_uuid` makes a double submit one contact."""

    client_uuid: str
    kind: str
    at: datetime
    minutes: int
    topic: str
    note: str = ""
    resident_id: int | None = None  # None only for an education session
    community: str = ""  # where an education session was held (with no resident)
    attendees: int = 1
    appointment_id: int | None = None


class CounsellingService:
    """Appointments, contacts and referrals of the counselling role; checks are done here."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def _keys(self) -> FieldKeys:
        return load_field_keys(self.ctx.keys)

    # --- appointments ---------------------------------------------------------------------
    def book(
        self,
        who: Principal,
        resident_id: int,
        kind: str,
        starts_at: datetime,
        minutes: int,
        place: str,
    ) -> int:
        """Book a session; the counsellor is the signed-in user."""
        if kind not in ContactKind.ALL or kind == ContactKind.EDUCATION:
            raise ScreeningError(f"an appointment is not of kind {kind!r}", "kind")
        if not 0 < minutes <= MAX_MINUTES:
            raise ScreeningError("an appointment lasts 1 minute to 8 hours", "minutes")
        with self.ctx.write(who, Permission.COUNSEL) as tx:
            s = tx.session
            r, code = _resident(s, resident_id)
            self.ctx.check(tx, Permission.COUNSEL, code)
            row = CounsellingAppointment(
                resident_id=r.id,
                community_id=r.community_id,
                kind=kind,
                starts_at=starts_at,
                minutes=minutes,
                counsellor=who.username,
                place=clean_line(place)[:100],
                status=AppointmentStatus.BOOKED,
                created_by=who.username,
                created_at=tx.now,
                updated_at=tx.now,
            )
            s.add(row)
            s.flush()
            tx.change("counselling_appointment", row.id, "insert")
            detail = json.dumps({"kind": kind})
            tx.audit(AuditAction.COUNSELLING_BOOKED, f"appointment:{row.id}", detail)
            return row.id

    def set_appointment(self, who: Principal, appointment_id: int, status: str) -> None:
        """Mark a booked appointment done, missed or cancelled (once)."""
        if status not in AppointmentStatus.ALL or status == AppointmentStatus.BOOKED:
            raise ScreeningError(f"no appointment state {status!r}", "status")
        with self.ctx.write(who, Permission.COUNSEL) as tx:
            row = tx.session.get(CounsellingAppointment, appointment_id)
            if row is None:
                raise ScreeningError(f"no appointment {appointment_id}", "no_appointment")
            if row.status != AppointmentStatus.BOOKED:
                raise ScreeningError(f"the appointment is {row.status} already", "status")
            row.status = status
            row.updated_at = tx.now
            tx.change("counselling_appointment", row.id, "update")
            tx.audit(
                AuditAction.COUNSELLING_BOOKED,
                f"appointment:{row.id}",
                json.dumps({"status": status}),
            )

    def appointments(self, who: Principal, start: datetime, end: datetime) -> list[AppointmentRow]:
        """Appointments starting in [start, end), soonest first."""
        self.ctx.require(who, Permission.COUNSEL)
        with self.ctx.read() as s:
            stmt = (
                select(CounsellingAppointment, Resident.name, Community.code)
                .join(Resident, Resident.id == CounsellingAppointment.resident_id)
                .join(Community, Community.id == CounsellingAppointment.community_id)
                .where(
                    CounsellingAppointment.starts_at >= start,
                    CounsellingAppointment.starts_at < end,
                )
                .order_by(CounsellingAppointment.starts_at, CounsellingAppointment.id)
            )
            if who.communities is not None:
                stmt = stmt.where(Community.code.in_(sorted(who.communities)))
            return [
                AppointmentRow(
                    a.id,
                    a.resident_id,
                    name,
                    code,
                    a.kind,
                    a.starts_at,
                    a.minutes,
                    a.counsellor,
                    a.place,
                    a.status,
                )
                for a, name, code in s.execute(stmt)
            ]

    # --- contacts -------------------------------------------------------------------------
    def record_contact(self, who: Principal, draft: ContactDraft) -> int:
        """Record a contact (its note encrypted); a double submit gives the first one's id."""
        uuid = clean_line(draft.client_uuid)[:40]
        if not uuid:
            raise ScreeningError("a contact needs its client id", "ids")
        if draft.kind not in ContactKind.ALL:
            raise ScreeningError(f"no contact kind {draft.kind!r}", "kind")
        if not 0 < draft.minutes <= MAX_MINUTES:
            raise ScreeningError("a contact lasts 1 minute to 8 hours", "minutes")
        education = draft.kind == ContactKind.EDUCATION
        if not 1 <= draft.attendees <= (MAX_ATTENDEES if education else 1):
            raise ScreeningError("attendees: 1 for a person, up to 500 for a session", "attendees")
        if draft.resident_id is None and not education:
            raise ScreeningError("a contact other than a session names its person", "resident")
        note = clean_block(draft.note)
        if len(note) > NOTE_MAX:
            raise ScreeningError(f"a note holds at most {NOTE_MAX} characters", "note")
        try:
            return self._record_contact(who, draft, uuid, note)
        except IntegrityError:
            with self.ctx.read() as s:
                found = s.scalar(
                    select(CounsellingContact.id).where(CounsellingContact.client_uuid == uuid)
                )
            if found is None:
                raise
            return int(found)

    def _record_contact(self, who: Principal, draft: ContactDraft, uuid: str, note: str) -> int:
        with self.ctx.write(who, Permission.COUNSEL) as tx:
            s = tx.session
            same = s.scalar(
                select(CounsellingContact.id).where(CounsellingContact.client_uuid == uuid)
            )
            if same is not None:
                return int(same)
            if draft.resident_id is not None:
                r, code = _resident(s, draft.resident_id)
                community_id = r.community_id
            else:
                found = s.execute(
                    select(Community.id, Community.code).where(
                        Community.code == clean_line(draft.community)
                    )
                ).first()
                if found is None:
                    raise ScreeningError("a session names the community it was held in", "place")
                community_id, code = int(found[0]), str(found[1])
            self.ctx.check(tx, Permission.COUNSEL, code)
            row = CounsellingContact(
                client_uuid=uuid,
                resident_id=draft.resident_id,
                community_id=community_id,
                kind=draft.kind,
                at=draft.at,
                minutes=draft.minutes,
                attendees=draft.attendees,
                topic=clean_line(draft.topic)[:100],
                note_enc=self._keys().encrypt(note, NOTE_COLUMN) if note else "",
                appointment_id=draft.appointment_id,
                counsellor=who.username,
                created_at=tx.now,
            )
            s.add(row)
            if draft.appointment_id is not None:
                appt = s.get(CounsellingAppointment, draft.appointment_id)
                if appt is None or appt.resident_id != draft.resident_id:
                    raise ScreeningError("the appointment is another person's", "appointment")
                if appt.status == AppointmentStatus.BOOKED:
                    appt.status = AppointmentStatus.DONE
                    appt.updated_at = tx.now
                    tx.change("counselling_appointment", appt.id, "update")
            s.flush()
            tx.change("counselling_contact", row.id, "insert")
            tx.audit(
                AuditAction.COUNSELLING_CONTACT,
                f"contact:{row.id}",
                json.dumps({"kind": draft.kind, "attendees": draft.attendees}),
            )
            return row.id

    def record(
        self, who: Principal, resident_id: int
    ) -> tuple[list[ContactRow], list[ReferralRow]]:
        """A person's contacts and referrals, newest first; opening the record is audited."""
        self.ctx.require(who, Permission.COUNSEL)
        with self.ctx.read() as s:
            _r, code = _resident(s, resident_id)
            self.ctx.require(who, Permission.COUNSEL, code)
            contacts = [
                ContactRow(
                    c.id,
                    c.resident_id,
                    c.kind,
                    c.at,
                    c.minutes,
                    c.attendees,
                    c.topic,
                    c.counsellor,
                    bool(c.note_enc),
                )
                for c in s.scalars(
                    select(CounsellingContact)
                    .where(CounsellingContact.resident_id == resident_id)
                    .order_by(CounsellingContact.at.desc(), CounsellingContact.id.desc())
                )
            ]
            referrals = [
                ReferralRow(
                    f.id,
                    f.resident_id,
                    f.to_kind,
                    f.to_name,
                    f.referred_at,
                    f.referred_by,
                    f.status,
                    f.outcome_at,
                )
                for f in s.scalars(
                    select(CounsellingReferral)
                    .where(CounsellingReferral.resident_id == resident_id)
                    .order_by(CounsellingReferral.referred_at.desc(), CounsellingReferral.id.desc())
                )
            ]
        self._audit_read(who, f"resident:{resident_id}", "record")
        return contacts, referrals

    def note(self, who: Principal, contact_id: int) -> str:
        """A contact's note, decrypted; every read is audited."""
        self.ctx.require(who, Permission.COUNSEL)
        with self.ctx.read() as s:
            row = s.get(CounsellingContact, contact_id)
            if row is None:
                raise ScreeningError(f"no contact {contact_id}", "no_contact")
            code = s.scalar(select(Community.code).where(Community.id == row.community_id))
            self.ctx.require(who, Permission.COUNSEL, code)
            text = self._keys().decrypt(row.note_enc, NOTE_COLUMN) if row.note_enc else ""
        self._audit_read(who, f"contact:{contact_id}", "note")
        return text

    # --- referrals ------------------------------------------------------------------------
    def refer(
        self,
        who: Principal,
        resident_id: int,
        to_kind: str,
        to_name: str,
        reason: str,
        screening_id: int | None = None,
    ) -> int:
        """Refer a person to a professional (or the legal-aid office); pending until answered."""
        if to_kind not in ReferralTo.ALL:
            raise ScreeningError(f"no referral kind {to_kind!r}", "kind")
        name = clean_line(to_name)[:100]
        why = clean_block(reason)
        if not name or not why:
            raise ScreeningError("a referral names where and why", "referral")
        with self.ctx.write(who, Permission.COUNSEL) as tx:
            s = tx.session
            r, code = _resident(s, resident_id)
            self.ctx.check(tx, Permission.COUNSEL, code)
            row = CounsellingReferral(
                resident_id=r.id,
                community_id=r.community_id,
                to_kind=to_kind,
                to_name=name,
                reason_enc=self._keys().encrypt(why[:NOTE_MAX], REASON_COLUMN),
                screening_id=screening_id,
                referred_by=who.username,
                referred_at=tx.now,
                status=ReferralStatus.PENDING,
                outcome_enc="",
            )
            s.add(row)
            s.flush()
            tx.change("counselling_referral", row.id, "insert")
            tx.audit(
                AuditAction.COUNSELLING_REFERRED, f"referral:{row.id}", json.dumps({"to": to_kind})
            )
            return row.id

    def referral_outcome(self, who: Principal, referral_id: int, status: str, outcome: str) -> None:
        """Record what came of a pending referral (attended may later be completed)."""
        if status not in ReferralStatus.ALL or status == ReferralStatus.PENDING:
            raise ScreeningError(f"no referral outcome {status!r}", "status")
        with self.ctx.write(who, Permission.COUNSEL) as tx:
            row = tx.session.get(CounsellingReferral, referral_id)
            if row is None:
                raise ScreeningError(f"no referral {referral_id}", "no_referral")
            if row.status in ReferralStatus.CLOSED:
                raise ScreeningError(f"the referral is {row.status} already", "status")
            row.status = status
            row.outcome_at = tx.now
            text = clean_block(outcome)[:NOTE_MAX]
            row.outcome_enc = self._keys().encrypt(text, OUTCOME_COLUMN) if text else ""
            tx.change("counselling_referral", row.id, "update")
            tx.audit(
                AuditAction.COUNSELLING_REFERRED,
                f"referral:{row.id}",
                json.dumps({"status": status}),
            )

    def referral_text(self, who: Principal, referral_id: int) -> tuple[str, str]:
        """(reason, outcome) of a referral, decrypted; every read is audited."""
        self.ctx.require(who, Permission.COUNSEL)
        with self.ctx.read() as s:
            row = s.get(CounsellingReferral, referral_id)
            if row is None:
                raise ScreeningError(f"no referral {referral_id}", "no_referral")
            keys = self._keys()
            reason = keys.decrypt(row.reason_enc, REASON_COLUMN)
            outcome = keys.decrypt(row.outcome_enc, OUTCOME_COLUMN) if row.outcome_enc else ""
        self._audit_read(who, f"referral:{referral_id}", "referral")
        return reason, outcome

    def _audit_read(self, who: Principal, target: str, what: str) -> None:
        detail = json.dumps({"read": what})
        self.ctx.defer_write(
            lambda: self.ctx.record(who, AuditAction.COUNSELLING_NOTE_READ, target, detail)
        )


def _resident(s: Session, resident_id: int) -> tuple[Resident, str]:
    row = s.execute(
        select(Resident, Community.code)
        .join(Community, Community.id == Resident.community_id)
        .where(Resident.id == resident_id, Resident.anonymised_at.is_(None))
    ).first()
    if row is None:
        raise ScreeningError(f"no resident {resident_id}", "no_resident")
    return row[0], row[1]
