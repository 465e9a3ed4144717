"""Volunteer service certificates (numbered, listed, archived) and the time bank.

Certificates (MCA Order 67, "whoever records, certifies"): a request counts the volunteer's
approved attendance minutes over a period and lists the certificate publicly inside the console
for seven days; anyone who may see residents sees the listing (names masked unless they may see
personal data in the community) and may object. After the week, a user who approves hours issues
it: the year's counter row is locked in the issuing transaction, so the numbers have no gap even
when two workstations issue at once (a rolled-back issue gives its number back with the lock).
The PDF, with the whole identity number, is rendered in that transaction and archived with its
SHA-256; reading it back needs personal-data rights and is audited. A withdrawn certificate
keeps its number and says so.

The time bank is a double-entry ledger: approved attendance is deposited once (the community's
account gives, the volunteer's receives), volunteers give minutes to relatives aged 60 or more,
and holders spend minutes on services. Every transaction's entries sum to zero; a person's
account never goes below zero (its row is locked while the balance is checked).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from core.audit import AuditAction
from core.certificates import (
    CONTENT_MAX,
    DEFAULT_PREFIX,
    REASON_MAX,
    CertificateDoc,
    CertificateError,
    CertificateRow,
    CertificateStatus,
    HoursReport,
    HoursRow,
    check_period,
    check_prefix,
    format_number,
    gaps,
    issue_problem,
    listing_ends,
    month_starts,
    period_bounds,
    summarise_content,
)
from core.keys import KeyFileError
from core.permissions import Permission, Principal
from core.text import clean_block, clean_line
from core.timebank import (
    NOTE_MAX,
    REDEPOSIT,
    AccountKind,
    AccountRow,
    Entry,
    LedgerError,
    LedgerLine,
    Relation,
    TimebankError,
    TxnKind,
    age_on,
    attendance_note,
    check_balanced,
    in_bank,
    move,
    spend_problem,
    transfer_problem,
)
from core.timefmt import DEFAULT_ZONE, local
from core.volunteer_hours import AttendanceStatus
from data.context import ServiceContext, WriteTx
from data.fieldcrypt import FieldCryptError, FieldKeys, load_field_keys
from data.models import (
    Certificate,
    CertificateArchive,
    CertificateCounter,
    Community,
    Resident,
    SiteMeta,
    TimebankAccount,
    TimebankEntry,
    TimebankTxn,
    Volunteer,
    VolunteerAttendance,
)
from data.services.residents import BIRTH_DATE_COLUMN, check_field_keys
from data.services.volunteers import ID_NUMBER_COLUMN as VOLUNTEER_ID_COLUMN

__all__ = ["CERTIFICATE_TABLE", "TIMEBANK_TABLE", "CertificateService", "Renderer"]

CERTIFICATE_TABLE = "certificate"
TIMEBANK_TABLE = "timebank_txn"
APPROVED = AttendanceStatus.APPROVED.value  # the only attendance whose minutes count (0031)
PREFIX_META = "certificate_prefix"  # site_meta: the street's certificate prefix
ISSUER_META = "certificate_issuer"  # site_meta: the issuing organisation, else the site's name
LIST_LIMIT = 500

Renderer = Callable[[CertificateDoc], bytes]


@dataclass(frozen=True, slots=True)
class Archived:
    """An issued certificate's PDF as archived, and its SHA-256 (checked on every read)."""

    number: str
    pdf: bytes
    sha256: str


def _zone(s: Session) -> str:
    return s.scalar(select(SiteMeta.value).where(SiteMeta.key == "timezone")) or DEFAULT_ZONE


def _meta(s: Session, key: str, default: str) -> str:
    return s.scalar(select(SiteMeta.value).where(SiteMeta.key == key)) or default


def _text(value: str, limit: int, what: str) -> str:
    cleaned = clean_block(value)
    if not cleaned:
        raise CertificateError(f"{what} is needed")
    if len(cleaned) > limit:
        raise CertificateError(f"{what} has at most {limit} characters")
    return cleaned


def _scope(who: Principal, column: InstrumentedAttribute[int]) -> ColumnElement[bool] | None:
    """Rows of `who`'s communities (row-level security does the same on PostgreSQL)."""
    if who.communities is None:
        return None
    ids = select(Community.id).where(Community.code.in_(sorted(who.communities)))
    return column.in_(ids)


class CertificateService:
    """Every change through the context's write path, audited."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        self._keys: FieldKeys | None = None

    # --- certificates: reads --------------------------------------------------------------
    def approved_minutes(
        self, who: Principal, volunteer_id: int, first: date, last: date
    ) -> tuple[int, str]:
        """The volunteer's approved minutes over the period and what was done (a summary)."""
        self.ctx.require(who, Permission.VIEW_RESIDENTS)
        with self.ctx.read() as s:
            vol = self._volunteer(s, volunteer_id)
            self.ctx.require(who, Permission.VIEW_RESIDENTS, vol[1])
            return self._approved(s, volunteer_id, first, last)

    def _approved(self, s: Session, volunteer_id: int, first: date, last: date) -> tuple[int, str]:
        start, end = period_bounds(first, last, _zone(s))
        rows = s.execute(
            select(VolunteerAttendance.minutes, VolunteerAttendance.content).where(
                VolunteerAttendance.volunteer_id == volunteer_id,
                VolunteerAttendance.status == APPROVED,
                VolunteerAttendance.checkin_at >= start,
                VolunteerAttendance.checkin_at < end,
            )
        ).all()
        return sum(m or 0 for m, _ in rows), summarise_content(c for _, c in rows)

    def _volunteer(
        self, s: Session, volunteer_id: int, *, lock: bool = False
    ) -> tuple[Volunteer, str]:
        stmt = (
            select(Volunteer, Community.code)
            .join(Community, Volunteer.community_id == Community.id)
            .where(Volunteer.id == volunteer_id)
        )
        if lock:  # two requests for one volunteer at once: the overlap check sees the first
            stmt = stmt.with_for_update(of=Volunteer)
        found = s.execute(stmt).first()
        if found is None:
            raise LookupError(f"no volunteer {volunteer_id}")
        return found[0], found[1]

    def _select(self) -> Any:
        return (
            select(Certificate, Volunteer, Community)
            .join(Volunteer, Certificate.volunteer_id == Volunteer.id)
            .join(Community, Certificate.community_id == Community.id)
        )

    def _row(self, who: Principal, c: Certificate, v: Volunteer, cm: Community) -> CertificateRow:
        plain = who.can(Permission.VIEW_RESIDENT_PII, cm.code)
        return CertificateRow(
            id=c.id,
            number=c.number or "",
            status=CertificateStatus(c.status),
            volunteer_id=v.id,
            volunteer=v.name if plain else v.name_mask,
            id_number=v.id_number_mask,  # whole only on the issued paper
            community=cm.code,
            first_day=c.first_day,
            last_day=c.last_day,
            minutes=c.minutes,
            content=c.content,
            listed_at=c.listed_at,
            listed_until=c.listed_until,
            issued_at=c.issued_at,
            issuer=c.issuer,
            withdrawn_reason=c.withdrawn_reason,
            objection=c.objection,
        )

    def certificates(
        self,
        who: Principal,
        *,
        community: str | None = None,
        status: CertificateStatus | None = None,
        volunteer_id: int | None = None,
        limit: int = LIST_LIMIT,
    ) -> list[CertificateRow]:
        """The public listing and the register: listed ones first (oldest listing first), then
        the issued and withdrawn ones, newest first. Names masked as `who` must see them."""
        self.ctx.require(who, Permission.VIEW_RESIDENTS, community)
        stmt = self._select()
        where = _scope(who, Certificate.community_id)
        if where is not None:
            stmt = stmt.where(where)
        if community:
            stmt = stmt.where(Community.code == community)
        if status is not None:
            stmt = stmt.where(Certificate.status == status.value)
        if volunteer_id is not None:
            stmt = stmt.where(Certificate.volunteer_id == volunteer_id)
        listed = Certificate.status == CertificateStatus.LISTED.value
        stmt = stmt.order_by(
            listed.desc(),
            case((listed, Certificate.listed_until), else_=None),
            Certificate.id.desc(),
        ).limit(limit)
        with self.ctx.read() as s:
            return [self._row(who, c, v, cm) for c, v, cm in s.execute(stmt)]

    def certificate(self, who: Principal, certificate_id: int) -> CertificateRow:
        """One certificate; LookupError if not there or not in `who`'s scope."""
        self.ctx.require(who, Permission.VIEW_RESIDENTS)
        stmt = self._select().where(Certificate.id == certificate_id)
        where = _scope(who, Certificate.community_id)
        if where is not None:
            stmt = stmt.where(where)
        with self.ctx.read() as s:
            found = s.execute(stmt).first()
        if found is None:
            raise LookupError(f"no certificate {certificate_id}")
        c, v, cm = found
        return self._row(who, c, v, cm)

    def volunteer_choices(self, who: Principal) -> list[tuple[int, str]]:
        """(id, label) of the active volunteers in scope, named as `who` may see them."""
        self.ctx.require(who, Permission.VIEW_RESIDENTS)
        stmt = (
            select(Volunteer.id, Volunteer.name, Volunteer.name_mask, Community.code)
            .join(Community, Volunteer.community_id == Community.id)
            .where(Volunteer.active.is_(True))
            .order_by(Community.code, Volunteer.name_mask, Volunteer.id)
            .limit(5000)
        )
        where = _scope(who, Volunteer.community_id)
        if where is not None:
            stmt = stmt.where(where)
        with self.ctx.read() as s:
            return [
                (
                    vid,
                    f"{name if who.can(Permission.VIEW_RESIDENT_PII, code) else masked} "
                    f"· {code} · #{vid}",
                )
                for vid, name, masked, code in s.execute(stmt)
            ]

    def sequence_gaps(self, who: Principal, year: int) -> list[int]:
        """The year's sequence numbers never used (the audit check: always empty)."""
        self.ctx.require(who, Permission.APPROVE_HOURS)
        with self.ctx.read() as s:
            seqs = s.scalars(select(Certificate.seq).where(Certificate.year == year)).all()
        return gaps(n for n in seqs if n is not None)

    def display_copy(self, who: Principal, certificate_id: int) -> CertificateDoc:
        """What the paper says with the identity number masked (anyone who sees the listing)."""
        row = self.certificate(who, certificate_id)
        with self.ctx.read() as s:
            issuer = row.issuer or self._issuer(s)
            community = s.scalar(select(Community.name).where(Community.code == row.community))
            issued_on = local(row.issued_at or self.ctx.clock(), _zone(s)).date()
        return CertificateDoc(
            number=row.number,
            volunteer=row.volunteer,
            id_number=row.id_number,
            first_day=row.first_day,
            last_day=row.last_day,
            minutes=row.minutes,
            content=row.content,
            issuer=issuer,
            community=community or row.community,
            issued_on=issued_on,
            withdrawn=row.withdrawn_reason if row.status is CertificateStatus.WITHDRAWN else "",
            masked=True,
        )

    def archived(self, who: Principal, certificate_id: int) -> Archived:
        """The issued PDF as archived (whole identity number): personal-data rights in the
        community; the read is audited. ValueError if the bytes no longer match their hash."""
        with self.ctx.write(who, Permission.VIEW_RESIDENTS) as tx:
            s = tx.session
            found = s.execute(
                select(CertificateArchive, Certificate.number, Community.code)
                .join(Certificate, CertificateArchive.certificate_id == Certificate.id)
                .join(Community, Certificate.community_id == Community.id)
                .where(CertificateArchive.certificate_id == certificate_id)
            ).first()
            if found is None:
                raise LookupError(f"certificate {certificate_id} has no archived PDF")
            archive, number, code = found
            self.ctx.check(tx, Permission.VIEW_RESIDENT_PII, code)
            digest = hashlib.sha256(archive.pdf).hexdigest()
            if digest != archive.sha256:
                raise ValueError(
                    f"the archived PDF of certificate {number} does not match its hash"
                )
            tx.audit(
                AuditAction.CERTIFICATE_EXPORTED, f"certificate:{certificate_id}", number or ""
            )
            return Archived(number or "", bytes(archive.pdf), archive.sha256)

    # --- certificates: writes -------------------------------------------------------------
    def request(
        self, who: Principal, volunteer_id: int, first: date, last: date, content: str = ""
    ) -> int:
        """List a certificate of the volunteer's approved hours over the period; its id.

        CertificateError when nothing was approved, or when the period overlaps another
        certificate of the volunteer (hours are certified once)."""
        with self.ctx.read() as s:
            _, code = self._volunteer(s, volunteer_id)
        with self.ctx.write(who, Permission.MANAGE_VOLUNTEERS, code) as tx:
            s = tx.session
            vol, code = self._volunteer(s, volunteer_id, lock=True)
            today = local(tx.now, _zone(s)).date()
            check_period(first, last, today)
            clash = s.scalar(
                select(Certificate.id).where(
                    Certificate.volunteer_id == volunteer_id,
                    Certificate.status != CertificateStatus.WITHDRAWN.value,
                    Certificate.first_day <= last,
                    Certificate.last_day >= first,
                )
            )
            if clash is not None:
                raise CertificateError(
                    f"the period overlaps certificate request {clash} of the same volunteer"
                )
            minutes, summary = self._approved(s, volunteer_id, first, last)
            if minutes <= 0:
                raise CertificateError("no approved hours in the period")
            text = _text(content or summary or "志愿服务", CONTENT_MAX, "the service content")
            cert = Certificate(
                community_id=vol.community_id,
                volunteer_id=volunteer_id,
                status=CertificateStatus.LISTED.value,
                first_day=first,
                last_day=last,
                minutes=minutes,
                content=text,
                requested_by_id=who.user_id,
                listed_at=tx.now,
                listed_until=listing_ends(tx.now),
                objection="",
                issuer="",
                withdrawn_reason="",
            )
            s.add(cert)
            s.flush()
            tx.change(CERTIFICATE_TABLE, cert.id, "insert")
            tx.audit(
                AuditAction.CERTIFICATE_REQUESTED,
                f"certificate:{cert.id}",
                json.dumps({"volunteer": volunteer_id, "minutes": minutes}),
            )
            return cert.id

    def _locked(self, tx: WriteTx, certificate_id: int) -> tuple[Certificate, str]:
        found = tx.session.execute(
            select(Certificate, Community.code)
            .join(Community, Certificate.community_id == Community.id)
            .where(Certificate.id == certificate_id)
            .with_for_update(of=Certificate)
        ).first()
        if found is None:
            raise LookupError(f"no certificate {certificate_id}")
        return found[0], found[1]

    def object(self, who: Principal, certificate_id: int, text: str) -> None:
        """An objection raised during the public week: the certificate is not issued on it."""
        words = _text(text, REASON_MAX, "the objection")
        with self.ctx.write(who, Permission.VIEW_RESIDENTS) as tx:
            cert, code = self._locked(tx, certificate_id)
            self.ctx.check(tx, Permission.VIEW_RESIDENTS, code)
            if cert.status != CertificateStatus.LISTED.value or tx.now >= cert.listed_until:
                raise CertificateError("objections are raised while the certificate is listed")
            cert.objection = (f"{cert.objection}\n{words}" if cert.objection else words)[:2000]
            tx.change(CERTIFICATE_TABLE, cert.id, "update")
            tx.audit(AuditAction.CERTIFICATE_OBJECTED, f"certificate:{cert.id}")

    def issue(self, who: Principal, certificate_id: int, render: Renderer) -> CertificateRow:
        """Issue a listed certificate whose week is over: the year's next number, the PDF
        rendered by `render` and archived with its SHA-256, all in one transaction."""
        with self.ctx.write(who, Permission.APPROVE_HOURS) as tx:
            s = tx.session
            cert, code = self._locked(tx, certificate_id)
            self.ctx.check(tx, Permission.APPROVE_HOURS, code)
            problem = issue_problem(
                CertificateStatus(cert.status), cert.listed_until, tx.now, cert.objection
            )
            if problem is not None:
                raise CertificateError(problem)
            # The hours may have been corrected, rejected or approved since the listing: what
            # the public week showed must still be what the paper says.
            now_minutes, _ = self._approved(s, cert.volunteer_id, cert.first_day, cert.last_day)
            if now_minutes != cert.minutes:
                raise CertificateError(
                    f"the hours changed since listing ({cert.minutes} → {now_minutes} minutes): "
                    "withdraw and request again"
                )
            zone = _zone(s)
            issued_on = local(tx.now, zone).date()
            prefix = check_prefix(_meta(s, PREFIX_META, DEFAULT_PREFIX))
            seq = self._next_seq(s, issued_on.year)
            cert.year, cert.seq = issued_on.year, seq
            cert.number = format_number(prefix, issued_on.year, seq)
            cert.status = CertificateStatus.ISSUED.value
            cert.issued_at, cert.issued_by_id = tx.now, who.user_id
            cert.issuer = self._issuer(s)
            vol = s.get(Volunteer, cert.volunteer_id)
            community = s.get(Community, cert.community_id)
            assert vol is not None  # foreign keys
            assert community is not None
            doc = CertificateDoc(
                number=cert.number,
                volunteer=vol.name,
                id_number=self._id_number(s, vol),
                first_day=cert.first_day,
                last_day=cert.last_day,
                minutes=cert.minutes,
                content=cert.content,
                issuer=cert.issuer,
                community=community.name,
                issued_on=issued_on,
            )
            pdf = render(doc)
            digest = hashlib.sha256(pdf).hexdigest()
            s.add(
                CertificateArchive(
                    certificate_id=cert.id,
                    community_id=cert.community_id,
                    pdf=pdf,
                    sha256=digest,
                    archived_at=tx.now,
                )
            )
            s.flush()
            tx.change(CERTIFICATE_TABLE, cert.id, "update")
            tx.audit(
                AuditAction.CERTIFICATE_ISSUED,
                f"certificate:{cert.id}",
                json.dumps({"number": cert.number, "sha256": digest}),
            )
            row = self._row(who, cert, vol, community)
        return replace(row, pdf_sha256=digest)

    def _next_seq(self, s: Session, year: int) -> int:
        """The year's next number, its counter row locked until this transaction ends."""
        stmt = select(CertificateCounter).where(CertificateCounter.year == year).with_for_update()
        counter = s.scalars(stmt).first()
        if counter is None:
            try:
                with s.begin_nested():  # the year's first issue, maybe on two PCs at once
                    s.add(CertificateCounter(year=year, last_seq=0))
            except IntegrityError:
                pass  # the other one created it: lock theirs
            counter = s.scalars(stmt).one()
        counter.last_seq += 1
        s.flush()
        return counter.last_seq

    def _issuer(self, s: Session) -> str:
        return _meta(s, ISSUER_META, _meta(s, "site_name", ""))[:100]

    def _id_number(self, s: Session, vol: Volunteer) -> str:
        """The whole identity number for the issued paper. CertificateError (the transaction
        rolls back, the number is given back) if no key on this PC opens it: a certificate
        with a masked number proves nothing."""
        try:
            if self._keys is None:
                keys = load_field_keys(self.ctx.keys)
                check_field_keys(s, keys)
                self._keys = keys
            number = self._keys.decrypt(vol.id_number_enc, VOLUNTEER_ID_COLUMN)
        except (FieldCryptError, KeyFileError, OSError, ValueError) as exc:
            raise CertificateError(
                f"the volunteer's identity number cannot be read on this PC ({exc}): "
                "issue the certificate where the site's keys are"
            ) from None
        if not number or "*" in number:
            raise CertificateError("the volunteer's identity number is not on record in full")
        return number

    def withdraw(self, who: Principal, certificate_id: int, reason: str) -> None:
        """Withdraw a listed or issued certificate; an issued one keeps its number."""
        words = _text(reason, REASON_MAX, "the reason")
        with self.ctx.write(who, Permission.APPROVE_HOURS) as tx:
            cert, code = self._locked(tx, certificate_id)
            self.ctx.check(tx, Permission.APPROVE_HOURS, code)
            if cert.status == CertificateStatus.WITHDRAWN.value:
                raise CertificateError("the certificate was already withdrawn")
            cert.status = CertificateStatus.WITHDRAWN.value
            cert.withdrawn_at, cert.withdrawn_by_id = tx.now, who.user_id
            cert.withdrawn_reason = words
            tx.change(CERTIFICATE_TABLE, cert.id, "update")
            tx.audit(AuditAction.CERTIFICATE_WITHDRAWN, f"certificate:{cert.id}", cert.number or "")

    # --- hours report ---------------------------------------------------------------------
    def hours_report(self, who: Principal, year: int, community: str | None = None) -> HoursReport:
        """Approved minutes per volunteer and month of `year` (site time): one grouped query."""
        self.ctx.require(who, Permission.VIEW_RESIDENTS, community)
        with self.ctx.read() as s:
            bounds = month_starts(year, _zone(s))
            att = VolunteerAttendance
            months = [
                func.sum(
                    case(
                        (
                            and_(att.checkin_at >= bounds[m], att.checkin_at < bounds[m + 1]),
                            att.minutes,
                        ),
                        else_=0,
                    )
                )
                for m in range(12)
            ]
            stmt = (
                select(att.volunteer_id, *months)
                .where(
                    att.status == APPROVED,
                    att.checkin_at >= bounds[0],
                    att.checkin_at < bounds[12],
                )
                .group_by(att.volunteer_id)
            )
            where = _scope(who, att.community_id)
            if where is not None:
                stmt = stmt.where(where)
            if community:
                ids = select(Community.id).where(Community.code == community)
                stmt = stmt.where(att.community_id.in_(ids))
            sums = {r[0]: tuple(int(x or 0) for x in r[1:]) for r in s.execute(stmt)}
            people = (
                s.execute(
                    select(Volunteer.id, Volunteer.name, Volunteer.name_mask, Community.code)
                    .join(Community, Volunteer.community_id == Community.id)
                    .where(Volunteer.id.in_(sorted(sums)))
                ).all()
                if sums
                else []
            )
        rows = [
            HoursRow(
                vid,
                name if who.can(Permission.VIEW_RESIDENT_PII, code) else masked,
                code,
                sums[vid],
            )
            for vid, name, masked, code in people
        ]
        rows.sort(key=lambda r: (r.community, r.volunteer, r.volunteer_id))
        return HoursReport(year, rows)

    # --- time bank ------------------------------------------------------------------------
    def _account(
        self, tx: WriteTx, kind: AccountKind, holder: int | str, community_id: int
    ) -> TimebankAccount:
        """The holder's account, opened now if it has none (once, whichever PC is first)."""
        s = tx.session
        key = f"{kind.value}:{holder}"
        stmt = select(TimebankAccount).where(TimebankAccount.holder_key == key).with_for_update()
        acct = s.scalars(stmt).first()
        if acct is None:
            try:
                with s.begin_nested():
                    s.add(
                        TimebankAccount(
                            holder_key=key,
                            kind=kind.value,
                            community_id=community_id,
                            volunteer_id=holder if kind is AccountKind.VOLUNTEER else None,
                            resident_id=holder if kind is AccountKind.RESIDENT else None,
                            created_at=tx.now,
                        )
                    )
            except IntegrityError:
                pass
            acct = s.scalars(stmt).one()
        return acct

    def _post(
        self,
        tx: WriteTx,
        kind: TxnKind,
        community_id: int,
        pairs: tuple[tuple[TimebankAccount, int], ...],
        *,
        attendance_id: int | None = None,
        relation: str = "",
        note: str = "",
    ) -> int:
        check_balanced([Entry(a.id, m) for a, m in pairs])
        s = tx.session
        txn = TimebankTxn(
            community_id=community_id,
            kind=kind.value,
            at=tx.now,
            by_id=tx.actor.user_id if isinstance(tx.actor, Principal) else None,
            attendance_id=attendance_id,
            relation=relation,
            note=note,
        )
        s.add(txn)
        s.flush()
        for acct, minutes in pairs:
            s.add(
                TimebankEntry(
                    txn_id=txn.id,
                    account_id=acct.id,
                    community_id=acct.community_id,
                    minutes=minutes,
                )
            )
        s.flush()
        tx.change(TIMEBANK_TABLE, txn.id, "insert")
        return txn.id

    def _balance(self, s: Session, account_id: int) -> int:
        total = s.scalar(
            select(func.coalesce(func.sum(TimebankEntry.minutes), 0)).where(
                TimebankEntry.account_id == account_id
            )
        )
        return int(total or 0)

    def deposit_approved(self, who: Principal, volunteer_id: int) -> list[int]:
        """Deposit the volunteer's approved attendance not yet deposited; the new txn ids.
        TimebankError when another PC deposited the same hours at the same moment."""
        with self.ctx.read() as s:
            _, code = self._volunteer(s, volunteer_id)
        try:
            return self._deposit(who, volunteer_id, code)
        except IntegrityError:
            # One deposit per attendance: the other PC's went in first, nothing was posted here.
            raise TimebankError(
                "these hours were deposited from another workstation a moment ago: "
                "refresh the balances"
            ) from None

    def _deposit(self, who: Principal, volunteer_id: int, code: str) -> list[int]:
        with self.ctx.write(who, Permission.APPROVE_HOURS, code) as tx:
            s = tx.session
            # Locked: a second deposit of this volunteer waits and then sees the first's.
            vol, code = self._volunteer(s, volunteer_id, lock=True)
            candidates = s.execute(
                select(VolunteerAttendance.id, VolunteerAttendance.minutes)
                .where(
                    VolunteerAttendance.volunteer_id == volunteer_id,
                    VolunteerAttendance.status == APPROVED,
                    VolunteerAttendance.minutes > 0,
                )
                .order_by(VolunteerAttendance.id)
            ).all()
            ids_of_vol = select(VolunteerAttendance.id).where(
                VolunteerAttendance.volunteer_id == volunteer_id
            )
            linked = set(
                s.scalars(
                    select(TimebankTxn.attendance_id).where(
                        TimebankTxn.attendance_id.in_(ids_of_vol)
                    )
                )
            )
            # Reversals on correction and later deposits name the attendance in their note.
            notes = s.scalars(
                select(TimebankTxn.note)
                .join(TimebankEntry, TimebankEntry.txn_id == TimebankTxn.id)
                .join(TimebankAccount, TimebankAccount.id == TimebankEntry.account_id)
                .where(
                    TimebankAccount.holder_key == f"{AccountKind.VOLUNTEER.value}:{volunteer_id}",
                    TimebankTxn.note.like("attendance:%"),
                )
            ).all()
            held = in_bank(
                [a for a in linked if a is not None],
                notes,
            )
            pending = [(a, m) for a, m in candidates if a not in held]
            if not pending:
                return []
            source = self._account(tx, AccountKind.COMMUNITY, code, vol.community_id)
            mine = self._account(tx, AccountKind.VOLUNTEER, vol.id, vol.community_id)
            ids = []
            total = 0
            for att_id, minutes in pending:
                total += minutes or 0
                out, into = move(source.id, mine.id, minutes or 0)
                ids.append(
                    self._post(
                        tx,
                        TxnKind.DEPOSIT,
                        vol.community_id,
                        ((source, out.minutes), (mine, into.minutes)),
                        attendance_id=None if att_id in linked else att_id,
                        note=(
                            attendance_note(att_id, REDEPOSIT, "after correction")
                            if att_id in linked
                            else ""
                        ),
                    )
                )
            tx.audit(
                AuditAction.TIMEBANK_DEPOSITED,
                f"volunteer:{volunteer_id}",
                json.dumps({"txns": len(ids), "minutes": total}),
            )
            return ids

    def _resident_age(self, s: Session, res: Resident, today: date) -> int | None:
        """Age from the decrypted birth date; by birth year alone, the lower bound."""
        try:
            if self._keys is None:
                keys = load_field_keys(self.ctx.keys)
                check_field_keys(s, keys)
                self._keys = keys
            raw = self._keys.decrypt(res.birth_date_enc, BIRTH_DATE_COLUMN)
            return age_on(date.fromisoformat(raw), today)
        except (FieldCryptError, KeyFileError, OSError, ValueError):
            return today.year - res.birth_year - 1 if res.birth_year else None

    def transfer(
        self,
        who: Principal,
        volunteer_id: int,
        resident_id: int,
        minutes: int,
        relation: Relation,
        note: str = "",
    ) -> int:
        """Give minutes from the volunteer's account to an elder relative's; the txn id."""
        words = clean_line(note)[:NOTE_MAX]
        with self.ctx.read() as s:
            _, code = self._volunteer(s, volunteer_id)
        with self.ctx.write(who, Permission.MANAGE_VOLUNTEERS, code) as tx:
            s = tx.session
            vol, code = self._volunteer(s, volunteer_id)
            found = s.execute(
                select(Resident, Community.code)
                .join(Community, Resident.community_id == Community.id)
                .where(Resident.id == resident_id)
            ).first()
            if found is None:
                raise LookupError(f"no resident {resident_id}")
            res, res_code = found
            self.ctx.check(tx, Permission.MANAGE_VOLUNTEERS, res_code)
            mine = self._account(tx, AccountKind.VOLUNTEER, vol.id, vol.community_id)
            theirs = self._account(tx, AccountKind.RESIDENT, res.id, res.community_id)
            today = local(tx.now, _zone(s)).date()
            problem = transfer_problem(
                self._balance(s, mine.id),
                minutes,
                relation.value,
                self._resident_age(s, res, today),
                same_person=vol.resident_id == res.id,
            )
            if problem is not None:
                raise LedgerError(problem)
            txn = self._post(
                tx,
                TxnKind.TRANSFER,
                vol.community_id,
                ((mine, -minutes), (theirs, minutes)),
                relation=relation.value,
                note=words,
            )
            tx.audit(
                AuditAction.TIMEBANK_TRANSFERRED,
                f"timebank_txn:{txn}",
                # No kinship is on record: the relation is the giver's statement, kept here.
                json.dumps(
                    {
                        "minutes": minutes,
                        "relation": relation.value,
                        "relation_stated": True,
                        "volunteer": volunteer_id,
                        "resident": resident_id,
                    }
                ),
            )
            return txn

    def spend(self, who: Principal, account_id: int, minutes: int, note: str) -> int:
        """The holder received service paid in minutes (back to the community); the txn id."""
        words = clean_line(note)[:NOTE_MAX]
        if not words:
            raise LedgerError("say what service the minutes paid for")
        with self.ctx.write(who, Permission.MANAGE_VOLUNTEERS) as tx:
            s = tx.session
            found = s.execute(
                select(TimebankAccount, Community.code)
                .join(Community, TimebankAccount.community_id == Community.id)
                .where(TimebankAccount.id == account_id)
                .with_for_update(of=TimebankAccount)
            ).first()
            if found is None:
                raise LookupError(f"no time-bank account {account_id}")
            acct, code = found
            self.ctx.check(tx, Permission.MANAGE_VOLUNTEERS, code)
            if acct.kind == AccountKind.COMMUNITY.value:
                raise LedgerError("a community's account does not spend")
            problem = spend_problem(self._balance(s, acct.id), minutes)
            if problem is not None:
                raise LedgerError(problem)
            pool = self._account(tx, AccountKind.COMMUNITY, code, acct.community_id)
            txn = self._post(
                tx,
                TxnKind.SPEND,
                acct.community_id,
                ((acct, -minutes), (pool, minutes)),
                note=words,
            )
            tx.audit(AuditAction.TIMEBANK_SPENT, f"timebank_txn:{txn}", str(minutes))
            return txn

    def accounts(self, who: Principal, community: str | None = None) -> list[AccountRow]:
        """Every account in scope with its balance; holders masked as `who` must see them."""
        self.ctx.require(who, Permission.VIEW_RESIDENTS, community)
        bal = (
            select(TimebankEntry.account_id, func.sum(TimebankEntry.minutes).label("balance"))
            .group_by(TimebankEntry.account_id)
            .subquery()
        )
        stmt = (
            select(
                TimebankAccount,
                Community.code,
                Volunteer.name,
                Volunteer.name_mask,
                Resident.name,
                Resident.name_mask,
                func.coalesce(bal.c.balance, 0),
            )
            .join(Community, TimebankAccount.community_id == Community.id)
            .outerjoin(Volunteer, TimebankAccount.volunteer_id == Volunteer.id)
            .outerjoin(Resident, TimebankAccount.resident_id == Resident.id)
            .outerjoin(bal, bal.c.account_id == TimebankAccount.id)
            .order_by(Community.code, TimebankAccount.kind, TimebankAccount.id)
        )
        where = _scope(who, TimebankAccount.community_id)
        if where is not None:
            stmt = stmt.where(where)
        if community:
            stmt = stmt.where(Community.code == community)
        out = []
        with self.ctx.read() as s:
            for acct, code, vname, vmask, rname, rmask, balance in s.execute(stmt):
                plain = who.can(Permission.VIEW_RESIDENT_PII, code)
                kind = AccountKind(acct.kind)
                if kind is AccountKind.VOLUNTEER:
                    holder, hid = (vname if plain else vmask), acct.volunteer_id
                elif kind is AccountKind.RESIDENT:
                    holder, hid = (rname if plain else rmask), acct.resident_id
                else:
                    holder, hid = code, None
                out.append(AccountRow(acct.id, kind, hid, holder or "", code, int(balance)))
        return out

    def statement(self, who: Principal, account_id: int) -> list[LedgerLine]:
        """The account's entries, newest first, each with the other side's holder."""
        self.ctx.require(who, Permission.VIEW_RESIDENTS)
        rows = {r.id: r for r in self.accounts(who)}
        if account_id not in rows:
            raise LookupError(f"no time-bank account {account_id}")
        other = aliased(TimebankEntry)
        stmt = (
            select(TimebankTxn, TimebankEntry.minutes, other.account_id)
            .join(TimebankEntry, TimebankEntry.txn_id == TimebankTxn.id)
            .join(
                other,
                and_(other.txn_id == TimebankTxn.id, other.account_id != TimebankEntry.account_id),
            )
            .where(TimebankEntry.account_id == account_id)
            .order_by(TimebankTxn.at.desc(), TimebankTxn.id.desc())
        )
        with self.ctx.read() as s:
            found = s.execute(stmt).all()
        return [
            LedgerLine(
                txn.id,
                txn.at,
                TxnKind(txn.kind),
                int(minutes),
                rows[peer].holder if peer in rows else "…",  # out of scope: not named
                txn.note,
            )
            for txn, minutes, peer in found
        ]

    def ledger_balanced(self, who: Principal) -> bool:
        """True when every transaction's entries sum to zero (a check for the audit)."""
        self.ctx.require(who, Permission.APPROVE_HOURS)
        with self.ctx.read() as s:
            bad = s.scalar(
                select(func.count()).select_from(
                    select(TimebankEntry.txn_id)
                    .group_by(TimebankEntry.txn_id)
                    .having(or_(func.sum(TimebankEntry.minutes) != 0, func.count() < 2))
                    .subquery()
                )
            )
        return not bad
