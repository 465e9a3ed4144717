"""Community employment: employers, postings, seekers, matching, referrals and retention.

The rules are core.employment's; this service stores what they accept and reads it back as
core.employment_views rows. Every write goes through `ServiceContext.write` with
MANAGE_EMPLOYMENT, notes its change and writes an audit row of ids and codes only.

Scope: a seeker, a referral (the seeker's community) and their rows belong to a community; a
station reads and writes only its own (row-level security does the same on PostgreSQL,
migration 0034). An employer or a posting without a community is the street's: every role
reads it, only a street-wide role writes it.

Consent: whether a seeker may be matched or referred is read from their JOBS consent each
time (data.services.consent's table), never stored with the seeker: a withdrawal stops
matching at once. A seeker may be registered before the consent is recorded; they are not
matched until it is.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from core.audit import AuditAction
from core.consent import ConsentPurpose
from core.employment import (
    NAME_MAX,
    NOTE_MAX,
    Accessibility,
    EmployerRefusal,
    EmployerStatus,
    EmploymentError,
    EmploymentForm,
    ErrorCode,
    Match,
    Posting,
    PostingIndex,
    PostingStatus,
    Referral,
    RefusedBy,
    Seeker,
    SeekerIndex,
    SeekerRefusal,
    SeekerStatus,
    ShiftKind,
    Stage,
    StageEntry,
    TrainingRecord,
    advance,
    confirm_by_employer,
    move_posting,
    normalise_skill,
    placements,
    quota_shortfall,
    refer,
    retention_checks,
)
from core.employment import (
    Employer as CoreEmployer,
)
from core.employment_views import (
    PLACEMENT_TARGET,
    EmployerDraft,
    EmployerRow,
    EmploymentFigures,
    MatchRow,
    Page,
    PostingRow,
    ReferralRow,
    RetentionRow,
    SeekerRow,
    StepRow,
    TrainingRow,
)
from core.permissions import Permission, Principal
from core.text import clean_line
from core.timefmt import local
from core.views import PersonChoice
from data.context import STREET_WIDE, ServiceContext, WriteTx, actor_name
from data.models import (
    Community,
    Consent,
    Employer,
    EmployerVisit,
    JobPosting,
    JobReferral,
    JobReferralStep,
    JobRetentionCheck,
    JobSeeker,
    JobTraining,
    Resident,
)
from data.services.feedback import site_zone
from data.services.residents import residents_matching

PERM = Permission.MANAGE_EMPLOYMENT
PII = Permission.VIEW_RESIDENT_PII
EMPLOYER_TABLE = "employer"
VISIT_TABLE = "employer_visit"
POSTING_TABLE = "job_posting"
SEEKER_TABLE = "job_seeker"
TRAINING_TABLE = "job_training"
REFERRAL_TABLE = "job_referral"
RETENTION_TABLE = "job_retention_check"
LIST_LIMIT = 500
MATCH_LIMIT = 50
CONTACT_PHONE_MAX = 32
ADDRESS_MAX = 200

E = TypeVar("E", bound=Enum)


class EmployerExists(ValueError):
    """The credit code is registered already; `employer_id` is that employer's (None when it
    is in a community this role cannot see)."""

    def __init__(self, employer_id: int | None):
        super().__init__("an employer with this credit code is registered already")
        self.employer_id = employer_id


# --- stored forms ------------------------------------------------------------------------------


def _detail(**doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _codes(items: Iterable[Enum]) -> str:
    return ",".join(sorted({str(i.value) for i in items}))


def _split(text: str) -> list[str]:
    return [x for x in text.split(",") if x]


def _ordered(cls: type[E], text: str) -> tuple[E, ...]:
    """Stored codes as members, in the enum's order (the order forms show them in)."""
    stored = set(_split(text))
    return tuple(m for m in cls if str(m.value) in stored)


def _skill_set(items: Iterable[str]) -> frozenset[str]:
    """Skills as matching compares them; a comma (half or full width) separates two, since
    the column keeps them comma-separated."""
    out: set[str] = set()
    for item in items:
        for part in unicodedata.normalize("NFKC", item).split(","):
            skill = normalise_skill(part)
            if skill:
                out.add(skill)
    return frozenset(out)


def _line(text: str, limit: int, *, required: bool = False) -> str:
    value = clean_line(text)
    if required and not value:
        raise EmploymentError("empty", ErrorCode.NAME)
    if len(value) > limit:
        raise EmploymentError(f"{len(value)} > {limit} characters", ErrorCode.TEXT_TOO_LONG)
    return value


def _check_place(lat: float | None, lon: float | None) -> None:
    if lat is None and lon is None:
        return
    if lat is None or lon is None or not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise EmploymentError(f"({lat}, {lon})", ErrorCode.PLACE)


def _posting(row: JobPosting) -> Posting:
    return Posting(
        id=row.id,
        employer_id=row.employer_id,
        title=row.title,
        duties=row.duties,
        hours_per_week=row.hours_per_week,
        shift=ShiftKind(row.shift),
        pay_fen_per_month=row.pay_fen_per_month,
        lat=row.lat,
        lon=row.lon,
        features=frozenset(_ordered(Accessibility, row.features)),
        skills=frozenset(_split(row.skills)),
        eligibility=frozenset(_ordered(SeekerStatus, row.eligibility)),
        openings=row.openings,
        status=PostingStatus(row.status),
        form=EmploymentForm(row.form),
    )


def _seeker(row: JobSeeker, consent: bool, training: Sequence[JobTraining] = ()) -> Seeker:
    return Seeker(
        resident_id=row.resident_id,
        lat=row.lat,
        lon=row.lon,
        skills=frozenset(_split(row.skills)),
        needs=frozenset(_ordered(Accessibility, row.needs)),
        min_hours=row.min_hours,
        max_hours=row.max_hours,
        shifts=frozenset(_ordered(ShiftKind, row.shifts)),
        max_km=row.max_m / 1000,
        statuses=frozenset(_ordered(SeekerStatus, row.statuses)),
        consent_to_match=consent,
        training=tuple(
            TrainingRecord(t.course, t.provider, t.completed_on, t.skill) for t in training
        ),
    )


def _reason(by: RefusedBy | None, code: str | None) -> SeekerRefusal | EmployerRefusal | None:
    if by is None or code is None:
        return None
    return SeekerRefusal(code) if by is RefusedBy.SEEKER else EmployerRefusal(code)


def _entry(step: JobReferralStep) -> StageEntry:
    by = None if step.refused_by is None else RefusedBy(step.refused_by)
    return StageEntry(Stage(step.stage), step.happened_on, by, _reason(by, step.reason), step.note)


def _referral(row: JobReferral, steps: Sequence[JobReferralStep]) -> Referral:
    return Referral(
        row.seeker_id,
        row.posting_id,
        row.counsellor,
        tuple(_entry(x) for x in steps),
        row.employer_confirmed_on,
        row.id,
    )


# --- scope -------------------------------------------------------------------------------------


def _ids_of(who: Principal) -> Select[Any] | None:
    """The reader's community ids as a subquery; None: street-wide."""
    if who.communities is None:
        return None
    return select(Community.id).where(Community.code.in_(sorted(who.communities)))


def _scoped(who: Principal, column: Any) -> ColumnElement[bool] | None:
    """Rows of the reader's communities (for seekers and referrals)."""
    ids = _ids_of(who)
    return None if ids is None else column.in_(ids)


def _scoped_or_street(who: Principal, column: Any) -> ColumnElement[bool] | None:
    """Rows of the reader's communities and the street's (for employers and postings)."""
    ids = _ids_of(who)
    return None if ids is None else or_(column.is_(None), column.in_(ids))


def _code(s: Session, community_id: int | None) -> str | None:
    if community_id is None:
        return None
    return s.scalar(select(Community.code).where(Community.id == community_id))


def _community_id(s: Session, code: str | None) -> int | None:
    if code is None:
        return None
    cid = s.scalar(select(Community.id).where(Community.code == code))
    if cid is None:
        raise LookupError(f"no community {code}")
    return int(cid)


def _jobs_consent() -> ColumnElement[bool]:
    """A JOBS consent in force for the seeker's resident (correlated with JobSeeker)."""
    return exists().where(
        Consent.resident_id == JobSeeker.resident_id,
        Consent.purpose == ConsentPurpose.JOBS.value,
        Consent.withdrawn_at.is_(None),
    )


def _consenting(s: Session, resident_ids: Iterable[int]) -> set[int]:
    ids = sorted(set(resident_ids))
    if not ids:
        return set()
    return set(
        s.scalars(
            select(Consent.resident_id).where(
                Consent.resident_id.in_(ids),
                Consent.purpose == ConsentPurpose.JOBS.value,
                Consent.withdrawn_at.is_(None),
            )
        )
    )


class EmploymentService:
    """Employers, postings, seekers, matching, referrals, retention checks and the figures."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # --- helpers ----------------------------------------------------------------------------
    def _check(self, tx: WriteTx, code: str | None) -> None:
        """Write scope: a community's row for its roles, the street's for street-wide ones."""
        self.ctx.check(tx, PERM, code or STREET_WIDE)

    @staticmethod
    def _today(s: Session, tx: WriteTx) -> date:
        return local(tx.now, site_zone(s)).date()

    @staticmethod
    def _name(who: Principal, code: str, name: str, masked: str) -> str:
        return name if who.can(PII, code) else masked

    @staticmethod
    def _employer(s: Session, employer_id: int) -> tuple[Employer, str | None]:
        row = s.get(Employer, employer_id)
        if row is None:
            raise LookupError(f"no employer {employer_id}")
        return row, _code(s, row.community_id)

    @staticmethod
    def _posting_row_of(s: Session, posting_id: int) -> tuple[JobPosting, str | None]:
        row = s.get(JobPosting, posting_id)
        if row is None:
            raise LookupError(f"no posting {posting_id}")
        return row, _code(s, row.community_id)

    @staticmethod
    def _seeker_of(s: Session, seeker_id: int) -> tuple[JobSeeker, Resident, str]:
        found = s.execute(
            select(JobSeeker, Resident, Community.code)
            .join(Resident, Resident.id == JobSeeker.resident_id)
            .join(Community, Community.id == JobSeeker.community_id)
            .where(JobSeeker.id == seeker_id)
        ).first()
        if found is None:
            raise LookupError(f"no seeker {seeker_id}")
        return found[0], found[1], str(found[2])

    @staticmethod
    def _referral_of(
        s: Session, referral_id: int, *, lock: bool = False
    ) -> tuple[JobReferral, list[JobReferralStep], str]:
        q = select(JobReferral).where(JobReferral.id == referral_id)
        row = s.scalar(q.with_for_update() if lock else q)
        if row is None:
            raise LookupError(f"no referral {referral_id}")
        steps = list(
            s.scalars(
                select(JobReferralStep)
                .where(JobReferralStep.referral_id == referral_id)
                .order_by(JobReferralStep.id)
            )
        )
        return row, steps, str(_code(s, row.community_id))

    # --- employers --------------------------------------------------------------------------
    def save_employer(self, who: Principal, draft: EmployerDraft) -> EmployerRow:
        """Register or edit an employer; EmploymentError for a bad credit code, name or count,
        EmployerExists when another employer has the code. Becoming verified records who
        verified and when."""
        core = CoreEmployer(
            draft.id or 0,
            draft.name,
            draft.credit_code,
            draft.status,
            draft.staff,
            draft.disabled_staff,
            draft.forms,
        )
        contact_name = _line(draft.contact_name, NAME_MAX)
        contact_phone = _line(draft.contact_phone, CONTACT_PHONE_MAX)
        address = _line(draft.address, ADDRESS_MAX)
        _check_place(draft.lat, draft.lon)
        try:
            with self.ctx.write(who, PERM) as tx:
                s = tx.session
                self._check(tx, draft.community)
                community_id = _community_id(s, draft.community)
                taken = s.scalar(
                    select(Employer.id).where(Employer.credit_code == core.credit_code)
                )
                if taken is not None and taken != draft.id:
                    raise EmployerExists(int(taken))
                if draft.id is None:
                    row = Employer(credit_code=core.credit_code, created_at=tx.now)
                    s.add(row)
                    op, was = "insert", None
                else:
                    row, old_code = self._employer(s, draft.id)
                    self._check(tx, old_code)  # nor moved out of another's community
                    op, was = "update", EmployerStatus(row.status)
                row.credit_code = core.credit_code
                row.name = core.name
                row.contact_name = contact_name
                row.contact_phone = contact_phone
                row.address = address
                row.lat, row.lon = draft.lat, draft.lon
                row.status = core.status.value
                row.staff, row.disabled_staff = core.staff, core.disabled_staff
                row.forms = _codes(core.forms)
                row.community_id = community_id
                if core.status is EmployerStatus.VERIFIED and was is not EmployerStatus.VERIFIED:
                    row.verified_by, row.verified_at = actor_name(tx.actor), tx.now
                row.updated_at = tx.now
                s.flush()
                tx.change(EMPLOYER_TABLE, row.id, op)
                tx.audit(
                    AuditAction.EMPLOYER_SAVED,
                    f"employer:{row.id}",
                    _detail(op=op, status=row.status),
                )
                return self._employer_rows(s, [(row, draft.community)])[0]
        except IntegrityError:
            # The code is taken by an employer this role cannot see (another community's).
            raise EmployerExists(None) from None

    def record_visit(
        self, who: Principal, employer_id: int, visited_on: date, note: str = ""
    ) -> int:
        """Record a visit to an employer; the visit's id."""
        text = _line(note, NOTE_MAX)
        with self.ctx.write(who, PERM) as tx:
            s = tx.session
            _row, code = self._employer(s, employer_id)
            self._check(tx, code)
            visit = EmployerVisit(
                employer_id=employer_id,
                visited_on=visited_on,
                visited_by=actor_name(tx.actor),
                note=text,
                recorded_at=tx.now,
            )
            s.add(visit)
            s.flush()
            tx.change(VISIT_TABLE, visit.id, "insert")
            tx.audit(
                AuditAction.EMPLOYER_VISITED,
                f"employer:{employer_id}",
                _detail(visit=visit.id, on=visited_on.isoformat()),
            )
            return visit.id

    def employers(
        self, who: Principal, *, status: EmployerStatus | None = None, text: str = ""
    ) -> Page[EmployerRow]:
        """Employers of the reader's communities and the street's, by name; `text` matches a
        part of the name or of the credit code. Truncated at LIST_LIMIT (the page says so)."""
        self.ctx.require(who, PERM)
        q = select(Employer, Community.code).outerjoin(
            Community, Community.id == Employer.community_id
        )
        scope = _scoped_or_street(who, Employer.community_id)
        if scope is not None:
            q = q.where(scope)
        if status is not None:
            q = q.where(Employer.status == EmployerStatus(status).value)
        needle = clean_line(text)
        if needle:
            like = f"%{needle}%"
            q = q.where(or_(Employer.name.like(like), Employer.credit_code.like(like.upper())))
        with self.ctx.read() as s:
            found = s.execute(q.order_by(Employer.name, Employer.id).limit(LIST_LIMIT + 1)).all()
            page = Page.of([(e, c) for e, c in found], LIST_LIMIT)
            rows = Page(self._employer_rows(s, page))
            rows.truncated = page.truncated
            return rows

    @staticmethod
    def _employer_rows(
        s: Session, found: Sequence[tuple[Employer, str | None]]
    ) -> list[EmployerRow]:
        ids = [e.id for e, _ in found]
        visits = dict(
            s.execute(
                select(EmployerVisit.employer_id, func.max(EmployerVisit.visited_on))
                .where(EmployerVisit.employer_id.in_(ids))
                .group_by(EmployerVisit.employer_id)
            ).all()
        )
        open_posts = dict(
            s.execute(
                select(JobPosting.employer_id, func.count(JobPosting.id))
                .where(
                    JobPosting.employer_id.in_(ids),
                    JobPosting.status == PostingStatus.OPEN.value,
                )
                .group_by(JobPosting.employer_id)
            ).all()
        )
        return [
            EmployerRow(
                e.id,
                e.credit_code,
                e.name,
                EmployerStatus(e.status),
                e.staff,
                e.disabled_staff,
                quota_shortfall(e.staff, e.disabled_staff),
                _ordered(EmploymentForm, e.forms),
                e.contact_name,
                e.contact_phone,
                e.address,
                e.lat,
                e.lon,
                code,
                e.verified_by,
                e.verified_at,
                visits.get(e.id),
                int(open_posts.get(e.id, 0)),
                e.updated_at,
            )
            for e, code in found
        ]

    # --- postings ---------------------------------------------------------------------------
    def save_posting(
        self, who: Principal, posting: Posting, *, keep_status: bool = False
    ) -> PostingRow:
        """Post a job (`posting.id` 0) or edit one; its community is its employer's.

        A new posting starts open (EmploymentError "posting_status" otherwise); a changed
        status on an edit follows core.employment.move_posting, unless `keep_status` (an edit of
        the details leaves the state as it is now, whatever another workstation did since).
        """
        with self.ctx.write(who, PERM) as tx:
            s = tx.session
            employer, code = self._employer(s, posting.employer_id)
            self._check(tx, code)
            if posting.id == 0:
                if posting.status is not PostingStatus.OPEN:
                    raise EmploymentError(f"new: {posting.status}", ErrorCode.POSTING_STATUS)
                row = JobPosting(status=PostingStatus.OPEN.value, opened_at=tx.now)
                s.add(row)
                op = "insert"
            else:
                row, old_code = self._posting_row_of(s, posting.id)
                self._check(tx, old_code)
                if not keep_status and posting.status.value != row.status:
                    self._move(row, _posting(row), posting.status, tx)
                op = "update"
            row.employer_id = employer.id
            row.title, row.duties = posting.title, posting.duties
            row.hours_per_week, row.shift = posting.hours_per_week, posting.shift.value
            row.pay_fen_per_month = posting.pay_fen_per_month
            row.lat, row.lon = posting.lat, posting.lon
            row.features = _codes(posting.features)
            row.skills = ",".join(sorted(_skill_set(posting.skills)))
            row.eligibility = _codes(posting.eligibility)
            row.openings, row.form = posting.openings, posting.form.value
            row.community_id = employer.community_id
            row.updated_at = tx.now
            s.flush()
            tx.change(POSTING_TABLE, row.id, op)
            tx.audit(
                AuditAction.POSTING_SAVED,
                f"posting:{row.id}",
                _detail(op=op, employer=employer.id, status=row.status),
            )
            return self._posting_rows(s, [row])[0]

    @staticmethod
    def _move(row: JobPosting, current: Posting, new: PostingStatus, tx: WriteTx) -> None:
        moved = move_posting(current, PostingStatus(new))  # EmploymentError if not allowed
        row.status = moved.status.value
        # closed_at: when it stopped taking referrals; a filled posting that reopens takes
        # them again.
        row.closed_at = None if moved.status is PostingStatus.OPEN else tx.now

    def set_posting_status(
        self, who: Principal, posting_id: int, status: PostingStatus
    ) -> PostingRow:
        """Move a posting to `status` (filled may reopen; closed is final)."""
        with self.ctx.write(who, PERM) as tx:
            s = tx.session
            row, code = self._posting_row_of(s, posting_id)
            self._check(tx, code)
            self._move(row, _posting(row), PostingStatus(status), tx)
            row.updated_at = tx.now
            tx.change(POSTING_TABLE, row.id, "update")
            tx.audit(
                AuditAction.POSTING_SAVED,
                f"posting:{row.id}",
                _detail(op="status", status=row.status),
            )
            return self._posting_rows(s, [row])[0]

    def postings(
        self,
        who: Principal,
        *,
        status: PostingStatus | None = None,
        employer_id: int | None = None,
        community: str | None = None,
        text: str = "",
    ) -> Page[PostingRow]:
        """Postings of the reader's communities and the street's, newest first; `community`
        narrows to one community's, `text` matches a part of the title."""
        self.ctx.require(who, PERM)
        q = select(JobPosting)
        scope = _scoped_or_street(who, JobPosting.community_id)
        if scope is not None:
            q = q.where(scope)
        if status is not None:
            q = q.where(JobPosting.status == PostingStatus(status).value)
        if employer_id is not None:
            q = q.where(JobPosting.employer_id == employer_id)
        if community is not None:
            q = q.where(
                JobPosting.community_id.in_(select(Community.id).where(Community.code == community))
            )
        needle = clean_line(text)
        if needle:
            q = q.where(JobPosting.title.like(f"%{needle}%"))
        with self.ctx.read() as s:
            found = list(
                s.scalars(
                    q.order_by(JobPosting.opened_at.desc(), JobPosting.id.desc()).limit(
                        LIST_LIMIT + 1
                    )
                )
            )
            page = Page.of(found, LIST_LIMIT)
            rows = Page(self._posting_rows(s, page))
            rows.truncated = page.truncated
            return rows

    @staticmethod
    def _posting_rows(s: Session, found: Sequence[JobPosting]) -> list[PostingRow]:
        names = dict(
            s.execute(
                select(Employer.id, Employer.name).where(
                    Employer.id.in_({p.employer_id for p in found})
                )
            ).all()
        )
        codes = dict(s.execute(select(Community.id, Community.code)).all())
        return [
            PostingRow(
                p.id,
                p.employer_id,
                names.get(p.employer_id, ""),
                p.title,
                p.duties,
                p.hours_per_week,
                ShiftKind(p.shift),
                p.pay_fen_per_month,
                p.lat,
                p.lon,
                _ordered(Accessibility, p.features),
                tuple(sorted(_split(p.skills))),
                _ordered(SeekerStatus, p.eligibility),
                p.openings,
                PostingStatus(p.status),
                EmploymentForm(p.form),
                None if p.community_id is None else codes.get(p.community_id),
                p.opened_at,
                p.closed_at,
            )
            for p in found
        ]

    # --- seekers ----------------------------------------------------------------------------
    def find_residents(self, who: Principal, text: str, limit: int = 30) -> list[PersonChoice]:
        """Residents to register as seekers: name, phone or address contains `text`, or it is
        the resident's number; names masked without VIEW_RESIDENT_PII."""
        self.ctx.require(who, PERM)
        with self.ctx.read() as s:
            return [
                PersonChoice(
                    r.id, r.name if who.can(PII, code) else r.name_mask, code, r.birth_year
                )
                for r, code in residents_matching(s, who, text, limit)
            ]

    def save_seeker(self, who: Principal, seeker: Seeker) -> SeekerRow:
        """Register a resident as a job seeker, or edit their profile (keyed by resident).

        The resident must exist, not be anonymised, and be in the writer's communities.
        `seeker.consent_to_match` and `seeker.training` are ignored: consent is read from the
        consent records, training added with `add_training`.
        """
        with self.ctx.write(who, PERM) as tx:
            s = tx.session
            found = s.execute(
                select(Resident, Community.code)
                .join(Community, Community.id == Resident.community_id)
                .where(Resident.id == seeker.resident_id, Resident.anonymised_at.is_(None))
            ).first()
            if found is None:
                raise LookupError(f"no resident {seeker.resident_id}")
            resident, code = found[0], str(found[1])
            self.ctx.check(tx, PERM, code)
            row = s.scalar(select(JobSeeker).where(JobSeeker.resident_id == seeker.resident_id))
            if row is None:
                row = JobSeeker(resident_id=seeker.resident_id, created_at=tx.now)
                s.add(row)
                op = "insert"
            else:
                op = "update"
            row.community_id = resident.community_id
            row.lat, row.lon = seeker.lat, seeker.lon
            row.skills = ",".join(sorted(_skill_set(seeker.skills)))
            row.needs = _codes(seeker.needs)
            row.min_hours, row.max_hours = seeker.min_hours, seeker.max_hours
            row.shifts = _codes(seeker.shifts)
            row.max_m = round(seeker.max_km * 1000)
            row.statuses = _codes(seeker.statuses)
            row.updated_at = tx.now
            s.flush()
            tx.change(SEEKER_TABLE, row.id, op)
            tx.audit(AuditAction.SEEKER_SAVED, f"seeker:{row.id}", _detail(op=op))
            return self._seeker_rows(s, who, [(row, resident.name, resident.name_mask, code)])[0]

    def add_training(self, who: Principal, seeker_id: int, record: TrainingRecord) -> SeekerRow:
        """Add a training course to a seeker; a completed one's skill counts in matching."""
        course = _line(record.course, NAME_MAX, required=True)
        provider = _line(record.provider, NAME_MAX)
        skill = normalise_skill(record.skill)
        with self.ctx.write(who, PERM) as tx:
            s = tx.session
            row, resident, code = self._seeker_of(s, seeker_id)
            self.ctx.check(tx, PERM, code)
            course_row = JobTraining(
                seeker_id=seeker_id,
                course=course,
                provider=provider,
                completed_on=record.completed_on,
                skill=skill,
            )
            s.add(course_row)
            s.flush()
            tx.change(TRAINING_TABLE, course_row.id, "insert")
            tx.audit(
                AuditAction.SEEKER_SAVED,
                f"seeker:{seeker_id}",
                _detail(op="training", training=course_row.id),
            )
            return self._seeker_rows(s, who, [(row, resident.name, resident.name_mask, code)])[0]

    def complete_training(
        self, who: Principal, training_id: int, on: date, skill: str | None = None
    ) -> SeekerRow:
        """Mark a course completed on `on` (with the skill it gives, if named now)."""
        with self.ctx.write(who, PERM) as tx:
            s = tx.session
            course = s.get(JobTraining, training_id)
            if course is None:
                raise LookupError(f"no training {training_id}")
            row, resident, code = self._seeker_of(s, course.seeker_id)
            self.ctx.check(tx, PERM, code)
            course.completed_on = on
            if skill is not None:
                course.skill = normalise_skill(skill)
            tx.change(TRAINING_TABLE, course.id, "update")
            tx.audit(
                AuditAction.SEEKER_SAVED,
                f"seeker:{row.id}",
                _detail(op="training_completed", training=course.id),
            )
            return self._seeker_rows(s, who, [(row, resident.name, resident.name_mask, code)])[0]

    def seeker(self, who: Principal, seeker_id: int) -> SeekerRow:
        """One seeker (PermissionDenied outside the reader's communities)."""
        self.ctx.require(who, PERM)
        with self.ctx.read() as s:
            row, resident, code = self._seeker_of(s, seeker_id)
            self.ctx.require(who, PERM, code)
            return self._seeker_rows(s, who, [(row, resident.name, resident.name_mask, code)])[0]

    def seekers(
        self, who: Principal, *, community: str | None = None, text: str = ""
    ) -> Page[SeekerRow]:
        """Seekers of the reader's communities by community and name; `text` matches a part
        of the name (the whole name only with VIEW_RESIDENT_PII) or is a resident's number."""
        self.ctx.require(who, PERM, community)
        q = (
            select(JobSeeker, Resident.name, Resident.name_mask, Community.code)
            .join(Resident, Resident.id == JobSeeker.resident_id)
            .join(Community, Community.id == JobSeeker.community_id)
        )
        scope = _scoped(who, JobSeeker.community_id)
        if scope is not None:
            q = q.where(scope)
        if community is not None:
            q = q.where(Community.code == community)
        needle = clean_line(text)
        if needle:
            like = f"%{needle}%"
            cond: list[ColumnElement[bool]] = [Resident.name_mask.like(like)]
            if who.can(PII):
                cond.append(Resident.name.like(like))
            if needle.isdigit():
                cond.append(Resident.id == int(needle))
            q = q.where(or_(*cond))
        with self.ctx.read() as s:
            found = s.execute(
                q.order_by(Community.code, Resident.name, JobSeeker.id).limit(LIST_LIMIT + 1)
            ).all()
            page = Page.of([(r, n, m, str(c)) for r, n, m, c in found], LIST_LIMIT)
            rows = Page(self._seeker_rows(s, who, page))
            rows.truncated = page.truncated
            return rows

    def _seeker_rows(
        self, s: Session, who: Principal, found: Sequence[tuple[JobSeeker, str, str, str]]
    ) -> list[SeekerRow]:
        training = self._training(s, [r.id for r, *_ in found])
        consenting = _consenting(s, [r.resident_id for r, *_ in found])
        return [
            SeekerRow(
                r.id,
                r.resident_id,
                self._name(who, code, name, masked),
                code,
                r.lat,
                r.lon,
                tuple(sorted(_split(r.skills))),
                _ordered(Accessibility, r.needs),
                r.min_hours,
                r.max_hours,
                _ordered(ShiftKind, r.shifts),
                r.max_m / 1000,
                _ordered(SeekerStatus, r.statuses),
                tuple(
                    TrainingRow(t.id, t.course, t.provider, t.completed_on, t.skill)
                    for t in training.get(r.id, ())
                ),
                r.resident_id in consenting,
                r.created_at,
                r.updated_at,
            )
            for r, name, masked, code in found
        ]

    @staticmethod
    def _training(s: Session, seeker_ids: Iterable[int]) -> dict[int, list[JobTraining]]:
        ids = sorted(set(seeker_ids))
        out: dict[int, list[JobTraining]] = {}
        if not ids:
            return out
        for t in s.scalars(
            select(JobTraining).where(JobTraining.seeker_id.in_(ids)).order_by(JobTraining.id)
        ):
            out.setdefault(t.seeker_id, []).append(t)
        return out

    # --- matching ---------------------------------------------------------------------------
    def matches_for_seeker(
        self, who: Principal, seeker_id: int, limit: int = MATCH_LIMIT
    ) -> list[MatchRow]:
        """The seeker's matching open postings (of verified employers the reader may see),
        best first. Empty without a JOBS consent in force; that refusal is audited."""
        self.ctx.require(who, PERM)
        out: list[MatchRow] = []
        with self.ctx.read() as s:
            row, resident, code = self._seeker_of(s, seeker_id)
            self.ctx.require(who, PERM, code)
            consent = row.resident_id in _consenting(s, [row.resident_id])
            if consent:
                seeker = _seeker(row, True, self._training(s, [row.id]).get(row.id, ()))
                q = (
                    select(JobPosting, Employer.name)
                    .join(Employer, Employer.id == JobPosting.employer_id)
                    .where(
                        JobPosting.status == PostingStatus.OPEN.value,
                        Employer.status == EmployerStatus.VERIFIED.value,
                    )
                )
                scope = _scoped_or_street(who, JobPosting.community_id)
                if scope is not None:
                    q = q.where(scope)
                found = s.execute(q).all()
                titles = {p.id: (p.title, name) for p, name in found}
                shown = self._name(who, code, resident.name, resident.name_mask)
                out = [
                    _match_row(m, seeker_id, *titles[m.posting_id], shown)
                    for m in PostingIndex(_posting(p) for p, _ in found).rank(seeker, limit)
                ]
        if not consent:
            # Audited once the read is over: on SQLite the writer must not wait on it.
            self._consent_missing(who, row.resident_id)
        return out

    def matches_for_posting(
        self, who: Principal, posting_id: int, limit: int = MATCH_LIMIT
    ) -> list[MatchRow]:
        """The posting's matching seekers of the reader's communities, best first; seekers
        without a JOBS consent in force are left out. Empty for a posting not open or of an
        employer not verified (neither takes referrals)."""
        self.ctx.require(who, PERM)
        with self.ctx.read() as s:
            prow, pcode = self._posting_row_of(s, posting_id)
            if pcode is not None:
                self.ctx.require(who, PERM, pcode)
            employer, _ = self._employer(s, prow.employer_id)
            if employer.status != EmployerStatus.VERIFIED.value:
                return []
            q = (
                select(JobSeeker, Resident.name, Resident.name_mask, Community.code)
                .join(Resident, Resident.id == JobSeeker.resident_id)
                .join(Community, Community.id == JobSeeker.community_id)
                .where(_jobs_consent(), Resident.anonymised_at.is_(None))
            )
            scope = _scoped(who, JobSeeker.community_id)
            if scope is not None:
                q = q.where(scope)
            found = s.execute(q).all()
            training = self._training(s, [r.id for r, *_ in found])
            by_resident = {
                r.resident_id: (r.id, self._name(who, str(c), n, m)) for r, n, m, c in found
            }
            index = SeekerIndex(_seeker(r, True, training.get(r.id, ())) for r, *_ in found)
            matches = index.rank_for(_posting(prow), limit)
        return [
            _match_row(
                m,
                by_resident[m.seeker_id][0],
                prow.title,
                employer.name,
                by_resident[m.seeker_id][1],
            )
            for m in matches
        ]

    def _consent_missing(self, who: Principal, resident_id: int) -> None:
        detail = _detail(purpose=ConsentPurpose.JOBS.value)
        self.ctx.defer_write(
            lambda: self.ctx.record(
                who, AuditAction.CONSENT_MISSING, f"resident:{resident_id}", detail
            )
        )

    # --- referrals --------------------------------------------------------------------------
    def refer(self, who: Principal, seeker_id: int, posting_id: int) -> ReferralRow:
        """Refer a seeker to a posting, the signed-in user approving as counsellor.

        EmploymentError "posting_closed" for a posting not open, "no_consent" without a JOBS
        consent in force (audited), "employer_not_verified", "not_eligible". A seeker already
        referred to the posting gets that referral back: once per seeker and posting.
        """
        try:
            try:
                return self._refer(who, seeker_id, posting_id)
            except IntegrityError:
                # The same pair referred a moment ago on another workstation: that one counts.
                return self._refer(who, seeker_id, posting_id)
        except EmploymentError as exc:
            if exc.code is ErrorCode.NO_CONSENT:
                with self.ctx.read() as s:
                    rid = s.scalar(select(JobSeeker.resident_id).where(JobSeeker.id == seeker_id))
                if rid is not None:
                    self._consent_missing(who, int(rid))
            raise

    def _refer(self, who: Principal, seeker_id: int, posting_id: int) -> ReferralRow:
        with self.ctx.write(who, PERM) as tx:
            s = tx.session
            srow, _resident, code = self._seeker_of(s, seeker_id)
            self.ctx.check(tx, PERM, code)
            prow, pcode = self._posting_row_of(s, posting_id)
            if pcode is not None:
                self.ctx.check(tx, PERM, pcode)
            existing = s.scalar(
                select(JobReferral.id).where(
                    JobReferral.seeker_id == seeker_id, JobReferral.posting_id == posting_id
                )
            )
            if existing is not None:
                return self._referral_rows(s, who, [int(existing)])[0]
            employer, _ = self._employer(s, prow.employer_id)
            consent = srow.resident_id in _consenting(s, [srow.resident_id])
            training = self._training(s, [srow.id]).get(srow.id, ())
            today = self._today(s, tx)
            made = refer(
                _seeker(srow, consent, training),
                _posting(prow),
                employer=EmployerStatus(employer.status),
                counsellor=actor_name(tx.actor),
                on=today,
            )
            row = JobReferral(
                seeker_id=seeker_id,
                posting_id=posting_id,
                community_id=srow.community_id,
                counsellor=made.counsellor,
                stage=made.stage.value,
                created_at=tx.now,
            )
            s.add(row)
            s.flush()
            self._add_step(tx, row.id, made.history[0])
            tx.change(REFERRAL_TABLE, row.id, "insert")
            tx.audit(
                AuditAction.JOB_REFERRED,
                f"referral:{row.id}",
                _detail(seeker=seeker_id, posting=posting_id),
            )
            return self._referral_rows(s, who, [row.id])[0]

    @staticmethod
    def _add_step(tx: WriteTx, referral_id: int, entry: StageEntry) -> None:
        tx.session.add(
            JobReferralStep(
                referral_id=referral_id,
                stage=entry.stage.value,
                happened_on=entry.on,
                refused_by=None if entry.refused_by is None else entry.refused_by.value,
                reason=None if entry.reason is None else entry.reason.value,
                note=entry.note,
                recorded_by=actor_name(tx.actor),
                recorded_at=tx.now,
            )
        )
        tx.session.flush()

    def advance(
        self,
        who: Principal,
        referral_id: int,
        stage: Stage,
        on: date,
        refused_by: RefusedBy | None = None,
        reason: SeekerRefusal | EmployerRefusal | str | None = None,
        note: str = "",
    ) -> ReferralRow:
        """Move a referral on (core.employment.advance's rules); a hire books the retention
        checks 3 and 6 months on."""
        with self.ctx.write(who, PERM) as tx:
            s = tx.session
            row, steps, code = self._referral_of(s, referral_id, lock=True)
            self.ctx.check(tx, PERM, code)
            moved = advance(
                _referral(row, steps),
                Stage(stage),
                on,
                refused_by=None if refused_by is None else RefusedBy(refused_by),
                reason=reason,
                note=note,
            )
            entry = moved.history[-1]
            self._add_step(tx, row.id, entry)
            row.stage = entry.stage.value
            if entry.stage is Stage.HIRED:
                for due in retention_checks(entry.on):
                    check = JobRetentionCheck(referral_id=row.id, due_on=due, note="")
                    s.add(check)
                    s.flush()
                    tx.change(RETENTION_TABLE, check.id, "insert")
            tx.change(REFERRAL_TABLE, row.id, "update")
            side = None if entry.refused_by is None else entry.refused_by.value
            tx.audit(
                AuditAction.REFERRAL_STEP,
                f"referral:{row.id}",
                _detail(stage=entry.stage.value, refused_by=side),
            )
            return self._referral_rows(s, who, [row.id])[0]

    def confirm_placement(self, who: Principal, referral_id: int, on: date) -> ReferralRow:
        """The employer confirmed the hire on `on`: from now it counts as a placement."""
        with self.ctx.write(who, PERM) as tx:
            s = tx.session
            row, steps, code = self._referral_of(s, referral_id, lock=True)
            self.ctx.check(tx, PERM, code)
            confirmed = confirm_by_employer(_referral(row, steps), on)
            row.employer_confirmed_on = confirmed.employer_confirmed_on
            tx.change(REFERRAL_TABLE, row.id, "update")
            tx.audit(
                AuditAction.PLACEMENT_CONFIRMED,
                f"referral:{row.id}",
                _detail(on=on.isoformat()),
            )
            return self._referral_rows(s, who, [row.id])[0]

    def referrals(
        self,
        who: Principal,
        *,
        seeker_id: int | None = None,
        posting_id: int | None = None,
        stage: Stage | None = None,
    ) -> Page[ReferralRow]:
        """Referrals of the reader's communities, newest first, with their steps."""
        self.ctx.require(who, PERM)
        q = select(JobReferral.id)
        scope = _scoped(who, JobReferral.community_id)
        if scope is not None:
            q = q.where(scope)
        if seeker_id is not None:
            q = q.where(JobReferral.seeker_id == seeker_id)
        if posting_id is not None:
            q = q.where(JobReferral.posting_id == posting_id)
        if stage is not None:
            q = q.where(JobReferral.stage == Stage(stage).value)
        with self.ctx.read() as s:
            ids = list(
                s.scalars(
                    q.order_by(JobReferral.created_at.desc(), JobReferral.id.desc()).limit(
                        LIST_LIMIT + 1
                    )
                )
            )
            page = Page.of(ids, LIST_LIMIT)
            rows = Page(self._referral_rows(s, who, page))
            rows.truncated = page.truncated
            return rows

    def _referral_rows(
        self, s: Session, who: Principal, referral_ids: Sequence[int]
    ) -> list[ReferralRow]:
        if not referral_ids:
            return []
        found = s.execute(
            select(
                JobReferral,
                Community.code,
                Resident.name,
                Resident.name_mask,
                JobPosting.title,
                Employer.name,
            )
            .join(Community, Community.id == JobReferral.community_id)
            .join(JobSeeker, JobSeeker.id == JobReferral.seeker_id)
            .join(Resident, Resident.id == JobSeeker.resident_id)
            # Outer: on PostgreSQL a station may not see a street-wide user's posting choice.
            .outerjoin(JobPosting, JobPosting.id == JobReferral.posting_id)
            .outerjoin(Employer, Employer.id == JobPosting.employer_id)
            .where(JobReferral.id.in_(list(referral_ids)))
        )
        by_id = {r.id: (r, str(c), n, m, t or "", e or "") for r, c, n, m, t, e in found}
        steps: dict[int, list[JobReferralStep]] = {}
        for st in s.scalars(
            select(JobReferralStep)
            .where(JobReferralStep.referral_id.in_(list(referral_ids)))
            .order_by(JobReferralStep.id)
        ):
            steps.setdefault(st.referral_id, []).append(st)
        out = []
        for rid in referral_ids:
            if rid not in by_id:
                continue
            r, code, name, masked, title, employer = by_id[rid]
            mine = steps.get(rid, [])
            out.append(
                ReferralRow(
                    r.id,
                    r.seeker_id,
                    self._name(who, code, name, masked),
                    r.posting_id,
                    title,
                    employer,
                    code,
                    r.counsellor,
                    Stage(r.stage),
                    tuple(
                        StepRow(
                            e.stage,
                            e.on,
                            e.refused_by,
                            None if e.reason is None else e.reason.value,
                            e.note,
                            st.recorded_by,
                            st.recorded_at,
                        )
                        for e, st in zip((_entry(x) for x in mine), mine, strict=True)
                    ),
                    r.employer_confirmed_on,
                    _referral(r, mine).is_placement if mine else False,
                    r.created_at,
                )
            )
        return out

    # --- retention --------------------------------------------------------------------------
    def record_retention(
        self,
        who: Principal,
        check_id: int,
        still_employed: bool,
        note: str = "",
        on: date | None = None,
    ) -> RetentionRow:
        """Record a follow-up call's outcome (done today unless `on` is given); recording it
        again corrects it (the audit keeps both)."""
        text = _line(note, NOTE_MAX)
        with self.ctx.write(who, PERM) as tx:
            s = tx.session
            check = s.get(JobRetentionCheck, check_id)
            if check is None:
                raise LookupError(f"no retention check {check_id}")
            _row, _steps, code = self._referral_of(s, check.referral_id)
            self.ctx.check(tx, PERM, code)
            check.done_on = on or self._today(s, tx)
            check.still_employed = still_employed
            check.note = text
            check.checked_by = actor_name(tx.actor)
            tx.change(RETENTION_TABLE, check.id, "update")
            tx.audit(
                AuditAction.RETENTION_CHECKED,
                f"retention:{check.id}",
                _detail(referral=check.referral_id),
            )
            return self._retention_rows(
                s, who, select(JobRetentionCheck).where(JobRetentionCheck.id == check.id)
            )[0]

    def retention_due(self, who: Principal, by: date) -> Page[RetentionRow]:
        """Follow-up calls not yet done and due on or before `by`, soonest first."""
        self.ctx.require(who, PERM)
        q = (
            select(JobRetentionCheck)
            .join(JobReferral, JobReferral.id == JobRetentionCheck.referral_id)
            .where(JobRetentionCheck.done_on.is_(None), JobRetentionCheck.due_on <= by)
        )
        scope = _scoped(who, JobReferral.community_id)
        if scope is not None:
            q = q.where(scope)
        q = q.order_by(JobRetentionCheck.due_on, JobRetentionCheck.id).limit(LIST_LIMIT + 1)
        with self.ctx.read() as s:
            rows = self._retention_rows(s, who, q)
        page = Page.of(rows, LIST_LIMIT)
        return page

    def _retention_rows(self, s: Session, who: Principal, q: Select[Any]) -> list[RetentionRow]:
        checks: list[JobRetentionCheck] = list(s.scalars(q))
        referrals = {
            r.id: r for r in self._referral_rows(s, who, sorted({c.referral_id for c in checks}))
        }
        out = []
        for c in checks:
            r = referrals.get(c.referral_id)
            if r is None:
                continue
            hired = next((st.on for st in r.steps if st.stage is Stage.HIRED), None)
            out.append(
                RetentionRow(
                    c.id,
                    c.referral_id,
                    r.seeker_id,
                    r.seeker,
                    r.title,
                    r.employer,
                    r.community,
                    hired,
                    c.due_on,
                    c.done_on,
                    c.still_employed,
                    c.note,
                )
            )
        return out

    # --- figures ----------------------------------------------------------------------------
    def figures(self, who: Principal, start: date, end: date) -> EmploymentFigures:
        """The period's placements toward the target and referrals by stage; the open
        postings and registered seekers as they stand now (the reader's communities)."""
        self.ctx.require(who, PERM)
        ref_scope = _scoped(who, JobReferral.community_id)
        seek_scope = _scoped(who, JobSeeker.community_id)
        post_scope = _scoped_or_street(who, JobPosting.community_id)
        with self.ctx.read() as s:
            q = select(JobReferral).where(
                JobReferral.employer_confirmed_on.between(start, end),
                JobReferral.stage == Stage.HIRED.value,
            )
            if ref_scope is not None:
                q = q.where(ref_scope)
            confirmed = [
                # The stored stage stands for the history here: a placement needs only the
                # last stage and the confirmation.
                Referral(
                    r.seeker_id,
                    r.posting_id,
                    r.counsellor,
                    (StageEntry(Stage(r.stage), r.employer_confirmed_on or end),),
                    r.employer_confirmed_on,
                    r.id,
                )
                for r in s.scalars(q)
            ]
            referred = (
                select(JobReferral.stage, func.count(JobReferral.id))
                .join(JobReferralStep, JobReferralStep.referral_id == JobReferral.id)
                .where(
                    JobReferralStep.stage == Stage.REFERRED.value,
                    JobReferralStep.happened_on.between(start, end),
                )
                .group_by(JobReferral.stage)
            )
            if ref_scope is not None:
                referred = referred.where(ref_scope)
            by_stage = {str(k): int(v) for k, v in s.execute(referred)}
            open_q = select(func.count(JobPosting.id)).where(
                JobPosting.status == PostingStatus.OPEN.value
            )
            if post_scope is not None:
                open_q = open_q.where(post_scope)
            seekers_q = select(func.count(JobSeeker.id))
            if seek_scope is not None:
                seekers_q = seekers_q.where(seek_scope)
            consenting_q = seekers_q.where(_jobs_consent())
            return EmploymentFigures(
                start,
                end,
                placements(confirmed),
                PLACEMENT_TARGET,
                tuple((st, by_stage.get(st.value, 0)) for st in Stage),
                int(s.scalar(open_q) or 0),
                int(s.scalar(seekers_q) or 0),
                int(s.scalar(consenting_q) or 0),
            )


def _match_row(m: Match, seeker_id: int, title: str, employer: str, seeker: str) -> MatchRow:
    return MatchRow(
        m.posting_id,
        seeker_id,
        title,
        employer,
        seeker,
        m.total,
        tuple((p.name, p.weight, p.value, p.points) for p in m.parts),
        m.distance_km,
        tuple(sorted(m.missing_skills)),
    )


__all__ = ["EmployerExists", "EmploymentService"]
