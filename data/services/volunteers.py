"""Volunteers: profiles, qualifications, teams, shifts and sign-ups, pairings and tasks.

Reading needs VIEW_RESIDENTS; names and phones show unmasked with VIEW_RESIDENT_PII in the
volunteer's community. The identity number and birth date are encrypted at rest with the
residents' field keys (data.fieldcrypt) and indexed by keyed hash; lists show the stored mask
and a reveal (number or photo) needs VIEW_RESIDENT_PII and is audited. Changes need
MANAGE_VOLUNTEERS in the community. Nothing is deleted: volunteers are deactivated, members
leave, sign-ups are withdrawn, pairings end, tasks are cancelled.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta

from sqlalchemy import Integer, func, or_, select, update
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from core.audit import AuditAction
from core.idcard import normalize, validation_error
from core.permissions import Permission, PermissionDenied, Principal
from core.personal import mask_id_number, mask_name, mask_phone
from core.timefmt import DEFAULT_ZONE, as_utc, local
from core.volunteers import (
    HOLDING,
    NAME_MAX,
    NOTE_MAX,
    QUALIFICATION_MAX,
    SKILLS_MAX,
    TITLE_MAX,
    Cadence,
    Page,
    PairingRow,
    QualificationRow,
    Refusal,
    ShiftDraft,
    ShiftRow,
    SignupFacts,
    SignupMode,
    SignupRefused,
    SignupRow,
    SignupStatus,
    Suggestion,
    TaskDraft,
    TaskKind,
    TaskRow,
    TaskStatus,
    TeamRow,
    VolunteerDraft,
    VolunteerRow,
    age_on,
    availability_slots,
    part_of_day,
    photo_problem,
    shift_problem,
    signup_refusal,
    split_skills,
)
from data.context import ServiceContext, WriteTx
from data.fieldcrypt import FieldKeys, load_field_keys
from data.models import (
    Call,
    Community,
    Incident,
    Merchant,
    NecessityOrder,
    Resident,
    ServiceTicket,
    SiteMeta,
    Volunteer,
    VolunteerPairing,
    VolunteerQualification,
    VolunteerShift,
    VolunteerSignup,
    VolunteerTask,
    VolunteerTeam,
    VolunteerTeamMember,
)
from data.services.residents import check_field_keys, field_keys_for

__all__ = [
    "BIRTH_DATE_COLUMN",
    "EDIT",
    "ID_NUMBER_COLUMN",
    "PII",
    "READ",
    "VolunteerService",
    "reencrypt_volunteers",
    "stale_volunteers",
]

READ = Permission.VIEW_RESIDENTS
EDIT = Permission.MANAGE_VOLUNTEERS
PII = Permission.VIEW_RESIDENT_PII
# Bound into each ciphertext: a resident's value copied here does not decrypt.
ID_NUMBER_COLUMN = "volunteer.id_number"
BIRTH_DATE_COLUMN = "volunteer.birth_date"
LIST_LIMIT = 500
PICK_LIMIT = 200  # residents in a picker; more: narrow the search
REASON_MIN = 2


def _community_id(s: Session, code: str) -> int:
    cid = s.scalar(select(Community.id).where(Community.code == code))
    if cid is None:
        raise LookupError(f"no community {code}")
    return int(cid)


def _wanted(who: Principal, community: str | None) -> set[str] | None:
    """The community codes a list may show; None: all."""
    if community is not None:
        if who.communities is not None and community not in who.communities:
            return set()
        return {community}
    return None if who.communities is None else set(who.communities)


def _line(text: str, limit: int, what: str, *, required: bool = False) -> str:
    value = " ".join(text.split())
    if required and not value:
        raise ValueError(f"{what} is required")
    if len(value) > limit:
        raise ValueError(f"{what} is longer than {limit} characters")
    return value


class VolunteerService:
    """Every change through the context's write path, audited without personal data."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        self._zone_name: str | None = None

    def _zone(self, s: Session) -> str:
        """The site's zone (site_meta `timezone`), read once: every local date of the
        service (today, a shift's day, a qualification's reach) is a date there."""
        if self._zone_name is None:
            found = s.scalar(select(SiteMeta.value).where(SiteMeta.key == "timezone"))
            self._zone_name = found or DEFAULT_ZONE
        return self._zone_name

    def _today(self, s: Session, now: datetime | None = None) -> date:
        return local(now or self.ctx.clock(), self._zone(s)).date()

    # --- keys -------------------------------------------------------------------------------
    def _keys(self, s: Session) -> FieldKeys:
        keys = load_field_keys(self.ctx.keys)
        check_field_keys(s, keys)
        return keys

    # --- volunteers -------------------------------------------------------------------------
    def volunteers(
        self,
        who: Principal,
        community: str | None = None,
        text: str = "",
        *,
        active_only: bool = False,
        today: date | None = None,
    ) -> Page[VolunteerRow]:
        """Volunteers of the reader's communities by community then name; `text` matches a
        part of the name (with PII rights) or the volunteer number. Truncated at LIST_LIMIT."""
        self.ctx.require(who, READ, community)
        wanted = _wanted(who, community)
        q = select(Volunteer, Community.code).join(
            Community, Community.id == Volunteer.community_id
        )
        if wanted is not None:
            q = q.where(Community.code.in_(sorted(wanted)))
        if active_only:
            q = q.where(Volunteer.active.is_(True))
        needle = text.strip()
        if needle:
            like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            cond: list[ColumnElement[bool]] = [Volunteer.name_mask.like(like, escape="\\")]
            if who.can(PII):
                cond.append(Volunteer.name.like(like, escape="\\"))
            if needle.isdigit():
                cond.append(Volunteer.id == int(needle))
            q = q.where(or_(*cond))
        with self.ctx.read() as s:
            found = s.execute(
                q.order_by(Community.code, Volunteer.name).limit(LIST_LIMIT + 1)
            ).all()
            day = today or self._today(s)
            page = Page.of([(v, str(c)) for v, c in found], LIST_LIMIT)
            rows = Page(self._rows(s, who, page, day))
            rows.truncated = page.truncated
            return rows

    def volunteer(self, who: Principal, volunteer_id: int) -> VolunteerRow:
        """One volunteer (LookupError if unknown or outside the reader's communities)."""
        self.ctx.require(who, READ)
        with self.ctx.read() as s:
            v, code = self._get(s, volunteer_id)
            if not who.can(READ, code):
                raise LookupError(f"no volunteer {volunteer_id}")
            return self._rows(s, who, [(v, code)], self._today(s))[0]

    def _rows(
        self, s: Session, who: Principal, found: list[tuple[Volunteer, str]], day: date
    ) -> list[VolunteerRow]:
        ids = [v.id for v, _ in found]
        codes = {v.id: code for v, code in found}
        quals: dict[int, list[QualificationRow]] = {}
        teams: dict[int, list[str]] = {}
        photos: set[int] = set()
        if ids:
            for q in s.scalars(
                select(VolunteerQualification)
                .where(VolunteerQualification.volunteer_id.in_(ids))
                .order_by(VolunteerQualification.kind)
            ):
                quals.setdefault(q.volunteer_id, []).append(
                    QualificationRow(
                        q.id,
                        q.kind,
                        q.number
                        if who.can(PII, codes.get(q.volunteer_id))
                        else mask_id_number(q.number),
                        q.expires_on,
                        q.expires_on is not None and q.expires_on < day,
                    )
                )
            for vid, name in s.execute(
                select(VolunteerTeamMember.volunteer_id, VolunteerTeam.name)
                .join(VolunteerTeam, VolunteerTeam.id == VolunteerTeamMember.team_id)
                .where(
                    VolunteerTeamMember.volunteer_id.in_(ids),
                    VolunteerTeamMember.left_on.is_(None),
                )
                .order_by(VolunteerTeam.name)
            ):
                teams.setdefault(int(vid), []).append(str(name))
            photos = set(
                s.scalars(
                    select(Volunteer.id).where(Volunteer.id.in_(ids), Volunteer.photo.is_not(None))
                )
            )
        out = []
        for v, code in found:
            shown = who.can(PII, code)
            out.append(
                VolunteerRow(
                    id=v.id,
                    community=code,
                    name=v.name if shown else v.name_mask,
                    phone=v.phone if shown else v.phone_mask,
                    gender=v.gender,
                    birth_year=v.birth_year,
                    id_number=v.id_number_mask,
                    skills=split_skills(v.skills),
                    qualifications=tuple(quals.get(v.id, ())),
                    # Numbers that name the person as surely as a name: masked where the name is.
                    insurance_policy=v.insurance_policy
                    if shown
                    else mask_id_number(v.insurance_policy),
                    insurance_expires=v.insurance_expires,
                    insured=bool(v.insurance_policy)
                    and (v.insurance_expires is None or v.insurance_expires >= day),
                    availability=v.availability,
                    teams=tuple(teams.get(v.id, ())),
                    active=v.active,
                    has_photo=v.id in photos,
                    resident_id=v.resident_id,
                    masked=not shown,
                )
            )
        return out

    @staticmethod
    def _get(s: Session, volunteer_id: int) -> tuple[Volunteer, str]:
        found = s.execute(
            select(Volunteer, Community.code)
            .join(Community, Community.id == Volunteer.community_id)
            .where(Volunteer.id == volunteer_id)
        ).first()
        if found is None:
            raise LookupError(f"no volunteer {volunteer_id}")
        return found[0], str(found[1])

    def save_volunteer(
        self, who: Principal, draft: VolunteerDraft, volunteer_id: int | None = None
    ) -> int:
        """Register a volunteer or change a profile; its id. The identity number is checked
        (GB 11643), encrypted, indexed and unique; the audit row names fields, not values."""
        name = _line(draft.name, NAME_MAX, "the name", required=True)
        phone = _line(draft.phone, 32, "the phone")
        skills = ", ".join(split_skills(draft.skills))
        if len(skills) > SKILLS_MAX:
            raise ValueError(f"the skills are longer than {SKILLS_MAX} characters")
        number = normalize(draft.id_number)
        problem = validation_error(number)
        if problem is not None:
            raise ValueError(f"identity number: {problem}")
        if draft.gender not in ("M", "F"):
            raise ValueError("gender is M or F")
        if draft.availability < 0 or draft.availability >> 21:
            raise ValueError("availability is a mask of 21 weekly slots")
        with self.ctx.write(who, EDIT, draft.community) as tx:
            s = tx.session
            cid = _community_id(s, draft.community)
            keys = field_keys_for(s, self.ctx.keys)
            mac = keys.index(number)
            clash = s.scalar(
                select(Volunteer.id).where(
                    Volunteer.id_number_hmac == mac,
                    Volunteer.id != (volunteer_id or 0),
                )
            )
            if clash is not None:
                raise ValueError(f"this identity number is already volunteer {clash}")
            values = {
                "community_id": cid,
                "resident_id": draft.resident_id,
                "name": name,
                "name_mask": mask_name(name),
                "phone": phone,
                "phone_mask": mask_phone(phone),
                "gender": draft.gender,
                "birth_year": draft.birth_date.year,
                "skills": skills,
                "insurance_policy": _line(draft.insurance_policy, 40, "the insurance policy"),
                "insurance_expires": draft.insurance_expires,
                "availability": draft.availability,
                "active": draft.active,
                "id_number_hmac": mac,
                "id_number_mask": mask_id_number(number),
            }
            if volunteer_id is None:
                row = Volunteer(
                    **values,
                    birth_date_enc=keys.encrypt(draft.birth_date.isoformat(), BIRTH_DATE_COLUMN),
                    id_number_enc=keys.encrypt(number, ID_NUMBER_COLUMN),
                    joined_on=self._today(s, tx.now),
                    created_at=tx.now,
                    updated_at=tx.now,
                )
                s.add(row)
                s.flush()
                tx.change("volunteer", row.id, "insert")
                tx.audit(AuditAction.VOLUNTEER_SAVED, f"volunteer:{row.id}", '{"new": true}')
                return row.id
            row, old_code = self._get(s, volunteer_id)
            self.ctx.check(tx, EDIT, old_code)
            changed = sorted(k for k, v in values.items() if getattr(row, k) != v)
            for k in changed:
                setattr(row, k, values[k])
            if "id_number_hmac" in changed:
                row.id_number_enc = keys.encrypt(number, ID_NUMBER_COLUMN)
            if keys.decrypt(row.birth_date_enc, BIRTH_DATE_COLUMN) != draft.birth_date.isoformat():
                row.birth_date_enc = keys.encrypt(draft.birth_date.isoformat(), BIRTH_DATE_COLUMN)
                changed.append("birth_date")
            fields = [f for f in changed if not f.endswith(("_mask", "_hmac"))]
            if "id_number_hmac" in changed:
                fields.append("id_number")
            if fields:
                row.updated_at = tx.now
                tx.change("volunteer", row.id, "update")
                tx.audit(
                    AuditAction.VOLUNTEER_SAVED,
                    f"volunteer:{row.id}",
                    json.dumps({"fields": sorted(fields)}),
                )
            return row.id

    def find_by_id_number(self, who: Principal, id_number: str) -> int | None:
        """The volunteer with this identity number (typed in any form), or None."""
        self.ctx.require(who, READ)
        with self.ctx.read() as s:
            mac = self._keys(s).index(id_number)
            found = s.execute(
                select(Volunteer.id, Community.code)
                .join(Community, Community.id == Volunteer.community_id)
                .where(Volunteer.id_number_hmac == mac)
            ).first()
        if found is None or not who.can(READ, str(found[1])):
            return None
        return int(found[0])

    def reveal(self, who: Principal, volunteer_id: int, reason: str) -> tuple[str, date]:
        """The identity number and birth date in full, for a stated reason; audited (the
        fields and the reason, never the values). PermissionDenied without PII rights."""
        reason = " ".join(reason.split())
        if len(reason) < REASON_MIN:
            raise ValueError("a reveal needs a reason")
        with self.ctx.write(who, READ) as tx:
            row, code = self._get(tx.session, volunteer_id)
            self.ctx.check(tx, PII, code)
            keys = self._keys(tx.session)
            number = keys.decrypt(row.id_number_enc, ID_NUMBER_COLUMN)
            birth = date.fromisoformat(keys.decrypt(row.birth_date_enc, BIRTH_DATE_COLUMN))
            tx.audit(
                AuditAction.VOLUNTEER_PII_READ,
                f"volunteer:{volunteer_id}",
                json.dumps({"fields": ["id_number", "birth_date"], "reason": reason[:200]}),
            )
            return number, birth

    def set_photo(self, who: Principal, volunteer_id: int, data: bytes | None) -> None:
        """Store (or remove, with None) the photo shown to the people a volunteer visits."""
        if data is not None:
            problem = photo_problem(data)
            if problem is not None:
                raise ValueError(problem)
        with self.ctx.write(who, EDIT) as tx:
            row, code = self._get(tx.session, volunteer_id)
            self.ctx.check(tx, EDIT, code)
            row.photo = data
            row.updated_at = tx.now
            tx.change("volunteer", row.id, "update")
            tx.audit(
                AuditAction.VOLUNTEER_SAVED,
                f"volunteer:{row.id}",
                json.dumps({"fields": ["photo"], "removed": data is None}),
            )

    def photo(self, who: Principal, volunteer_id: int) -> bytes | None:
        """The photo, for a reader with PII rights in the volunteer's community; audited."""
        with self.ctx.write(who, READ) as tx:
            row, code = self._get(tx.session, volunteer_id)
            self.ctx.check(tx, PII, code)
            data = row.photo
            if data is not None:
                tx.audit(
                    AuditAction.VOLUNTEER_PII_READ,
                    f"volunteer:{volunteer_id}",
                    json.dumps({"fields": ["photo"]}),
                )
            return data

    def add_qualification(
        self,
        who: Principal,
        volunteer_id: int,
        kind: str,
        number: str = "",
        expires_on: date | None = None,
    ) -> int:
        """A qualification the volunteer holds; a second of the same kind renews it."""
        kind = _line(kind, QUALIFICATION_MAX, "the qualification", required=True)
        with self.ctx.write(who, EDIT) as tx:
            s = tx.session
            _, code = self._get(s, volunteer_id)
            self.ctx.check(tx, EDIT, code)
            row = s.scalars(
                select(VolunteerQualification).where(
                    VolunteerQualification.volunteer_id == volunteer_id,
                    VolunteerQualification.kind == kind,
                )
            ).first()
            if row is None:
                row = VolunteerQualification(
                    volunteer_id=volunteer_id, kind=kind, number="", expires_on=None
                )
                s.add(row)
            row.number = _line(number, 40, "the certificate number")
            row.expires_on = expires_on
            s.flush()
            tx.change("volunteer_qualification", row.id, "upsert")
            tx.audit(
                AuditAction.VOLUNTEER_SAVED,
                f"volunteer:{volunteer_id}",
                json.dumps({"qualification": kind, "expires_on": str(expires_on or "")}),
            )
            return row.id

    # --- teams ------------------------------------------------------------------------------
    def teams(self, who: Principal, community: str | None = None) -> list[TeamRow]:
        """Teams of the reader's communities and the street-wide ones, with their members."""
        self.ctx.require(who, READ, community)
        wanted = _wanted(who, community)
        leader = aliased(Volunteer)
        q = (
            select(VolunteerTeam, Community.code, leader)
            .outerjoin(Community, Community.id == VolunteerTeam.community_id)
            .outerjoin(leader, leader.id == VolunteerTeam.leader_volunteer_id)
        )
        if wanted is not None:
            q = q.where(
                or_(Community.code.in_(sorted(wanted)), VolunteerTeam.community_id.is_(None))
            )
        with self.ctx.read() as s:
            found = s.execute(q.order_by(VolunteerTeam.name)).all()
            members: dict[int, list[tuple[int, str]]] = {}
            for tid, v, code in s.execute(
                select(VolunteerTeamMember.team_id, Volunteer, Community.code)
                .join(Volunteer, Volunteer.id == VolunteerTeamMember.volunteer_id)
                .join(Community, Community.id == Volunteer.community_id)
                .where(
                    VolunteerTeamMember.team_id.in_([t.id for t, _, _ in found]),
                    VolunteerTeamMember.left_on.is_(None),
                )
                .order_by(Volunteer.name)
            ):
                members.setdefault(int(tid), []).append((v.id, self._name(who, v, str(code))))
        out = []
        for t, code, lead in found:
            lead_name = ""
            if lead is not None:
                lead_code = code or self._code_of(lead.community_id)
                lead_name = self._name(who, lead, lead_code)
            out.append(
                TeamRow(
                    t.id,
                    t.name,
                    code,
                    t.leader_volunteer_id,
                    lead_name,
                    t.leader_user_id,
                    tuple(members.get(t.id, ())),
                )
            )
        return out

    def _code_of(self, community_id: int) -> str:
        with self.ctx.read() as s:
            return str(s.scalar(select(Community.code).where(Community.id == community_id)))

    @staticmethod
    def _name(who: Principal, v: Volunteer, code: str) -> str:
        return v.name if who.can(PII, code) else v.name_mask

    def save_team(
        self,
        who: Principal,
        name: str,
        community: str | None,
        *,
        leader_volunteer_id: int | None = None,
        leader_user_id: int | None = None,
        team_id: int | None = None,
    ) -> int:
        """Create or change a team; a street-wide team (community None) needs street-wide
        rights. The leader volunteer becomes a member."""
        name = _line(name, NAME_MAX, "the team's name", required=True)
        with self.ctx.write(who, EDIT, community) as tx:
            s = tx.session
            if community is None and not who.street_wide:
                raise PermissionDenied(who.username, EDIT, "street-wide")
            cid = _community_id(s, community) if community is not None else None
            if team_id is None:
                team = VolunteerTeam(name=name, community_id=cid, created_at=tx.now)
                s.add(team)
            else:
                found = s.get(VolunteerTeam, team_id)
                if found is None:
                    raise LookupError(f"no team {team_id}")
                if found.community_id is not None:
                    self.ctx.check(tx, EDIT, self._code_in(s, found.community_id))
                team = found
                team.name, team.community_id = name, cid
            team.leader_volunteer_id = leader_volunteer_id
            team.leader_user_id = leader_user_id
            s.flush()
            if leader_volunteer_id is not None:
                self._join(tx, team, leader_volunteer_id)
            tx.change("volunteer_team", team.id, "insert" if team_id is None else "update")
            tx.audit(
                AuditAction.VOLUNTEER_TEAM_SAVED,
                f"team:{team.id}",
                json.dumps(
                    {"leader_volunteer": leader_volunteer_id, "leader_user": leader_user_id}
                ),
            )
            return team.id

    @staticmethod
    def _code_in(s: Session, community_id: int) -> str:
        return str(s.scalar(select(Community.code).where(Community.id == community_id)))

    def _join(self, tx: WriteTx, team: VolunteerTeam, volunteer_id: int) -> None:
        s = tx.session
        v, code = self._get(s, volunteer_id)
        self.ctx.check(tx, EDIT, code)
        if team.community_id is not None and team.community_id != v.community_id:
            raise ValueError("the volunteer belongs to another community than the team")
        member = s.get(VolunteerTeamMember, (team.id, volunteer_id))
        day = self._today(s, tx.now)
        if member is None:
            s.add(
                VolunteerTeamMember(
                    team_id=team.id, volunteer_id=volunteer_id, joined_on=day, left_on=None
                )
            )
        elif member.left_on is not None:
            member.joined_on, member.left_on = day, None
        else:
            return
        tx.change("volunteer_team_member", volunteer_id, "upsert")

    def join_team(self, who: Principal, team_id: int, volunteer_id: int) -> None:
        with self.ctx.write(who, EDIT) as tx:
            team = tx.session.get(VolunteerTeam, team_id)
            if team is None:
                raise LookupError(f"no team {team_id}")
            self._join(tx, team, volunteer_id)
            tx.audit(
                AuditAction.VOLUNTEER_TEAM_SAVED,
                f"team:{team_id}",
                json.dumps({"joined": volunteer_id}),
            )

    def leave_team(self, who: Principal, team_id: int, volunteer_id: int) -> None:
        with self.ctx.write(who, EDIT) as tx:
            s = tx.session
            member = s.get(VolunteerTeamMember, (team_id, volunteer_id))
            if member is None or member.left_on is not None:
                raise LookupError("the volunteer is not in this team")
            _, code = self._get(s, volunteer_id)
            self.ctx.check(tx, EDIT, code)
            member.left_on = self._today(s, tx.now)
            tx.change("volunteer_team_member", volunteer_id, "update")
            tx.audit(
                AuditAction.VOLUNTEER_TEAM_SAVED,
                f"team:{team_id}",
                json.dumps({"left": volunteer_id}),
            )

    # --- shifts -----------------------------------------------------------------------------
    def shifts(
        self,
        who: Principal,
        community: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> Page[ShiftRow]:
        """Shifts that end after `start` and start before `end`, by start time; truncated at
        LIST_LIMIT."""
        self.ctx.require(who, READ, community)
        wanted = _wanted(who, community)
        taken = (
            select(
                VolunteerSignup.shift_id.label("sid"),
                func.sum(
                    func.cast(VolunteerSignup.status == SignupStatus.CONFIRMED.value, Integer)
                ).label("confirmed"),
                func.sum(
                    func.cast(VolunteerSignup.status == SignupStatus.PENDING.value, Integer)
                ).label("pending"),
            )
            .group_by(VolunteerSignup.shift_id)
            .subquery()
        )
        q = (
            select(
                VolunteerShift,
                Community.code,
                taken.c.confirmed,
                taken.c.pending,
                VolunteerTeam.name,
            )
            .join(Community, Community.id == VolunteerShift.community_id)
            .outerjoin(taken, taken.c.sid == VolunteerShift.id)
            .outerjoin(VolunteerTeam, VolunteerTeam.id == VolunteerShift.team_id)
        )
        if wanted is not None:
            q = q.where(Community.code.in_(sorted(wanted)))
        if start is not None:
            q = q.where(VolunteerShift.ends_at > as_utc(start))
        if end is not None:
            q = q.where(VolunteerShift.starts_at < as_utc(end))
        with self.ctx.read() as s:
            found = s.execute(
                q.order_by(VolunteerShift.starts_at, VolunteerShift.id).limit(LIST_LIMIT + 1)
            ).all()
        page = Page.of(found, LIST_LIMIT)
        rows = Page(
            ShiftRow(
                id=sh.id,
                community=str(code),
                title=sh.title,
                place=sh.place,
                starts_at=sh.starts_at,
                ends_at=sh.ends_at,
                capacity=sh.capacity,
                confirmed=int(conf or 0),
                pending=int(pend or 0),
                qualification=sh.qualification,
                min_age=sh.min_age,
                signup_deadline=sh.signup_deadline,
                signup_mode=sh.signup_mode,
                cancelled=sh.cancelled,
                team=str(team or ""),
            )
            for sh, code, conf, pend, team in page
        )
        rows.truncated = page.truncated
        return rows

    def save_shift(self, who: Principal, draft: ShiftDraft, shift_id: int | None = None) -> int:
        """Create a shift or change one; under the shift's lock, capacity never drops below
        the places taken, and new times are refused (naming them) if a volunteer holding a place
        would then overlap another of their shifts."""
        problem = shift_problem(draft)
        if problem is not None:
            raise ValueError(problem)
        with self.ctx.write(who, EDIT, draft.community) as tx:
            s = tx.session
            cid = _community_id(s, draft.community)
            values = {
                "community_id": cid,
                "team_id": draft.team_id,
                "title": _line(draft.title, 100, "the title", required=True),
                "place": _line(draft.place, 100, "the place", required=True),
                "starts_at": as_utc(draft.starts_at),
                "ends_at": as_utc(draft.ends_at),
                "capacity": draft.capacity,
                "qualification": _line(draft.qualification, QUALIFICATION_MAX, "the qualification"),
                "min_age": draft.min_age,
                "signup_deadline": as_utc(draft.signup_deadline) if draft.signup_deadline else None,
                "signup_mode": SignupMode(draft.signup_mode).value,
            }
            if shift_id is None:
                row = VolunteerShift(**values, cancelled=False, created_at=tx.now)
                s.add(row)
                s.flush()
                op = "insert"
            else:
                # Under the shift's lock: a sign-up committed at the same moment is counted
                # (it waits for, or was waited for by, this lock).
                found = self._locked_shift(s, shift_id)
                self.ctx.check(tx, EDIT, self._code_in(s, found.community_id))
                held = self._held(s, shift_id)
                if draft.capacity < held:
                    raise ValueError(f"{held} volunteers already hold a place on this shift")
                moved = (as_utc(found.starts_at), as_utc(found.ends_at)) != (
                    values["starts_at"],
                    values["ends_at"],
                )
                if moved:
                    clash = self._would_overlap(
                        s, who, shift_id, as_utc(draft.starts_at), as_utc(draft.ends_at)
                    )
                    if clash:
                        raise ValueError(
                            "these volunteers would overlap another of their shifts: "
                            + ", ".join(clash)
                        )
                row = found
                for k, v in values.items():
                    setattr(row, k, v)
                op = "update"
            tx.change("volunteer_shift", row.id, op)
            tx.audit(
                AuditAction.VOLUNTEER_SHIFT_SAVED,
                f"shift:{row.id}",
                json.dumps({"op": op, "capacity": draft.capacity}),
            )
            return row.id

    def _would_overlap(
        self, s: Session, who: Principal, shift_id: int, starts: datetime, ends: datetime
    ) -> list[str]:
        """Names (as the reader may see them) of the volunteers holding a place on the shift
        who hold another shift overlapping [starts, ends); their rows locked first."""
        ids = list(
            s.scalars(
                select(VolunteerSignup.volunteer_id).where(
                    VolunteerSignup.shift_id == shift_id, VolunteerSignup.status.in_(HOLDING)
                )
            )
        )
        if not ids:
            return []
        locked = self._locked_volunteers(s, ids)
        other = aliased(VolunteerShift)
        hit = set(
            s.scalars(
                select(VolunteerSignup.volunteer_id)
                .join(other, other.id == VolunteerSignup.shift_id)
                .where(
                    VolunteerSignup.volunteer_id.in_(ids),
                    VolunteerSignup.status.in_(HOLDING),
                    other.id != shift_id,
                    other.cancelled.is_(False),
                    other.starts_at < ends,
                    other.ends_at > starts,
                )
            )
        )
        return sorted(self._name(who, *locked[vid]) for vid in hit if vid in locked)

    def cancel_shift(self, who: Principal, shift_id: int) -> None:
        with self.ctx.write(who, EDIT) as tx:
            row = tx.session.get(VolunteerShift, shift_id)
            if row is None:
                raise LookupError(f"no shift {shift_id}")
            self.ctx.check(tx, EDIT, self._code_in(tx.session, row.community_id))
            row.cancelled = True
            tx.change("volunteer_shift", row.id, "update")
            tx.audit(AuditAction.VOLUNTEER_SHIFT_SAVED, f"shift:{row.id}", '{"op": "cancel"}')

    @staticmethod
    def _held(s: Session, shift_id: int, but: int | None = None) -> int:
        q = select(func.count()).where(
            VolunteerSignup.shift_id == shift_id, VolunteerSignup.status.in_(HOLDING)
        )
        if but is not None:
            q = q.where(VolunteerSignup.volunteer_id != but)
        return int(s.scalar(q) or 0)

    def signups(self, who: Principal, shift_id: int) -> list[SignupRow]:
        """A shift's sign-ups, holding ones first."""
        self.ctx.require(who, READ)
        with self.ctx.read() as s:
            shift = s.get(VolunteerShift, shift_id)
            if shift is None:
                raise LookupError(f"no shift {shift_id}")
            code = self._code_in(s, shift.community_id)
            if not who.can(READ, code):
                raise LookupError(f"no shift {shift_id}")
            found = s.execute(
                select(VolunteerSignup, Volunteer)
                .join(Volunteer, Volunteer.id == VolunteerSignup.volunteer_id)
                .where(VolunteerSignup.shift_id == shift_id)
                .order_by(VolunteerSignup.signed_at, VolunteerSignup.id)
            ).all()
        rows = [
            SignupRow(su.id, shift_id, v.id, self._name(who, v, code), su.status, su.signed_at)
            for su, v in found
        ]
        return sorted(rows, key=lambda r: r.status not in HOLDING)

    def _facts(self, tx: WriteTx, shift: VolunteerShift, v: Volunteer) -> SignupFacts:
        s = tx.session
        zone = self._zone(s)
        birth = date.fromisoformat(self._keys(s).decrypt(v.birth_date_enc, BIRTH_DATE_COLUMN))
        quals = tuple(
            (q.kind, q.expires_on)
            for q in s.scalars(
                select(VolunteerQualification).where(VolunteerQualification.volunteer_id == v.id)
            )
        )
        other = aliased(VolunteerShift)
        overlapping = s.scalar(
            select(func.count())
            .select_from(VolunteerSignup)
            .join(other, other.id == VolunteerSignup.shift_id)
            .where(
                VolunteerSignup.volunteer_id == v.id,
                VolunteerSignup.status.in_(HOLDING),
                other.id != shift.id,
                other.cancelled.is_(False),
                other.starts_at < shift.ends_at,
                other.ends_at > shift.starts_at,
            )
        )
        return SignupFacts(
            now=tx.now,
            starts_at=as_utc(shift.starts_at),
            ends_at=as_utc(shift.ends_at),
            deadline=as_utc(shift.signup_deadline) if shift.signup_deadline else None,
            cancelled=shift.cancelled,
            capacity=shift.capacity,
            taken=self._held(s, shift.id, but=v.id),
            min_age=shift.min_age,
            age=age_on(birth, local(shift.starts_at, zone).date()),
            required=shift.qualification,
            qualifications=quals,
            overlapping=int(overlapping or 0),
            active=v.active,
            same_community=v.community_id == shift.community_id,
            ends_on=local(shift.ends_at, zone).date(),
        )

    def _locked_shift(self, s: Session, shift_id: int) -> VolunteerShift:
        # FOR UPDATE on PostgreSQL: two workstations signing up for the last place queue here
        # (SQLite's write transaction is exclusive already).
        shift = s.scalars(
            select(VolunteerShift).where(VolunteerShift.id == shift_id).with_for_update()
        ).first()
        if shift is None:
            raise LookupError(f"no shift {shift_id}")
        return shift

    @staticmethod
    def _locked_volunteers(s: Session, ids: list[int]) -> dict[int, tuple[Volunteer, str]]:
        # FOR UPDATE on PostgreSQL, always after the shift's lock (one order, no deadlock): two
        # workstations booking one volunteer onto two overlapping shifts queue here, and the
        # second reads the first's sign-up when it counts the overlaps.
        found = s.execute(
            select(Volunteer, Community.code)
            .join(Community, Community.id == Volunteer.community_id)
            .where(Volunteer.id.in_(sorted(ids)))
            .order_by(Volunteer.id)
            .with_for_update(of=Volunteer)
            .execution_options(populate_existing=True)
        ).all()
        return {v.id: (v, str(code)) for v, code in found}

    def _locked_volunteer(self, s: Session, volunteer_id: int) -> tuple[Volunteer, str]:
        found = self._locked_volunteers(s, [volunteer_id]).get(volunteer_id)
        if found is None:
            raise LookupError(f"no volunteer {volunteer_id}")
        return found

    def sign_up(self, who: Principal, shift_id: int, volunteer_id: int) -> SignupStatus:
        """Sign a volunteer up; confirmed at once on an instant shift, else pending. Raises
        core.volunteers.SignupRefused naming the rule broken; the refusal is audited."""
        refused = None
        with self.ctx.write(who, EDIT) as tx:
            s = tx.session
            shift = self._locked_shift(s, shift_id)
            code = self._code_in(s, shift.community_id)
            self.ctx.check(tx, EDIT, code)
            v, _ = self._locked_volunteer(s, volunteer_id)
            existing = s.scalars(
                select(VolunteerSignup).where(
                    VolunteerSignup.shift_id == shift_id,
                    VolunteerSignup.volunteer_id == volunteer_id,
                )
            ).first()
            if existing is not None and existing.status in HOLDING:
                raise SignupRefused(Refusal.ALREADY)
            refused = signup_refusal(self._facts(tx, shift, v))
            if refused is None:
                status = (
                    SignupStatus.CONFIRMED
                    if shift.signup_mode == SignupMode.INSTANT.value
                    else SignupStatus.PENDING
                )
                if existing is None:
                    existing = VolunteerSignup(
                        shift_id=shift_id,
                        volunteer_id=volunteer_id,
                        community_id=shift.community_id,
                        status=status.value,
                        signed_at=tx.now,
                        decided_at=tx.now if status is SignupStatus.CONFIRMED else None,
                    )
                    s.add(existing)
                else:
                    existing.status, existing.signed_at = status.value, tx.now
                    existing.decided_at = tx.now if status is SignupStatus.CONFIRMED else None
                s.flush()
                tx.change("volunteer_signup", existing.id, "upsert")
                tx.audit(
                    AuditAction.VOLUNTEER_SIGNUP,
                    f"shift:{shift_id}",
                    json.dumps({"volunteer": volunteer_id, "status": status.value}),
                )
                return status
        # Outside the rolled-forward transaction: the refusal gets its own audit row.
        with self.ctx.write(who) as tx:
            tx.audit(
                AuditAction.VOLUNTEER_SIGNUP,
                f"shift:{shift_id}",
                json.dumps({"volunteer": volunteer_id, "refused": refused.code.value}),
            )
        raise refused

    def decide(self, who: Principal, signup_id: int, *, confirm: bool) -> None:
        """Confirm or decline a pending sign-up; a confirmation re-checks the rules (the
        deadline excepted: the coordinator decides after it)."""
        with self.ctx.write(who, EDIT) as tx:
            s = tx.session
            su = s.get(VolunteerSignup, signup_id)
            if su is None:
                raise LookupError(f"no sign-up {signup_id}")
            shift = self._locked_shift(s, su.shift_id)
            self.ctx.check(tx, EDIT, self._code_in(s, shift.community_id))
            if su.status != SignupStatus.PENDING.value:
                raise ValueError(f"the sign-up is {su.status}, not pending")
            if confirm:
                v, _ = self._locked_volunteer(s, su.volunteer_id)
                facts = self._facts(tx, shift, v)
                refused = signup_refusal(replace(facts, deadline=None))  # decided after it
                if refused is not None:
                    raise refused
            su.status = (SignupStatus.CONFIRMED if confirm else SignupStatus.DECLINED).value
            su.decided_at = tx.now
            tx.change("volunteer_signup", su.id, "update")
            tx.audit(
                AuditAction.VOLUNTEER_SIGNUP,
                f"signup:{su.id}",
                json.dumps({"volunteer": su.volunteer_id, "status": su.status}),
            )

    def withdraw(self, who: Principal, signup_id: int) -> None:
        with self.ctx.write(who, EDIT) as tx:
            s = tx.session
            su = s.get(VolunteerSignup, signup_id)
            if su is None:
                raise LookupError(f"no sign-up {signup_id}")
            self.ctx.check(tx, EDIT, self._code_in(s, su.community_id))
            if su.status not in HOLDING:
                raise ValueError(f"the sign-up is {su.status} already")
            su.status, su.decided_at = SignupStatus.WITHDRAWN.value, tx.now
            tx.change("volunteer_signup", su.id, "update")
            tx.audit(
                AuditAction.VOLUNTEER_SIGNUP,
                f"signup:{su.id}",
                json.dumps({"volunteer": su.volunteer_id, "status": su.status}),
            )

    # --- pairings ---------------------------------------------------------------------------
    def pairings(
        self, who: Principal, community: str | None = None, *, current_only: bool = True
    ) -> list[PairingRow]:
        self.ctx.require(who, READ, community)
        wanted = _wanted(who, community)
        q = (
            select(VolunteerPairing, Community.code, Volunteer, Resident)
            .join(Community, Community.id == VolunteerPairing.community_id)
            .join(Volunteer, Volunteer.id == VolunteerPairing.volunteer_id)
            .join(Resident, Resident.id == VolunteerPairing.resident_id)
        )
        if wanted is not None:
            q = q.where(Community.code.in_(sorted(wanted)))
        if current_only:
            q = q.where(VolunteerPairing.ended_on.is_(None))
        with self.ctx.read() as s:
            found = s.execute(
                q.order_by(Community.code, VolunteerPairing.weekday, VolunteerPairing.id)
            ).all()
        return [
            PairingRow(
                id=p.id,
                community=str(code),
                volunteer_id=v.id,
                volunteer=self._name(who, v, str(code)),
                resident_id=r.id,
                resident=r.name if who.can(PII, str(code)) else r.name_mask,
                lives_alone=r.lives_alone,
                cadence=p.cadence,
                weekday=p.weekday,
                note=p.note,
                started_on=p.started_on,
                ended_on=p.ended_on,
            )
            for p, code, v, r in found
        ]

    def pair(
        self,
        who: Principal,
        volunteer_id: int,
        resident_id: int,
        cadence: Cadence,
        weekday: int,
        note: str = "",
    ) -> int:
        """A standing pairing for regular visits; one open pairing per volunteer and resident."""
        if not 0 <= weekday < 7:
            raise ValueError("weekday is 0 (Monday) to 6")
        cadence = Cadence(cadence)
        with self.ctx.write(who, EDIT) as tx:
            s = tx.session
            v, code = self._get(s, volunteer_id)
            self.ctx.check(tx, EDIT, code)
            res = s.get(Resident, resident_id)
            if res is None or res.anonymised_at is not None:
                raise LookupError(f"no resident {resident_id}")
            if res.community_id != v.community_id:
                raise ValueError("the resident lives in another community than the volunteer's")
            if not v.active:
                raise ValueError("the volunteer is not active")
            dup = s.scalar(
                select(VolunteerPairing.id).where(
                    VolunteerPairing.volunteer_id == volunteer_id,
                    VolunteerPairing.resident_id == resident_id,
                    VolunteerPairing.ended_on.is_(None),
                )
            )
            if dup is not None:
                raise ValueError("this volunteer already visits this resident")
            row = VolunteerPairing(
                community_id=v.community_id,
                volunteer_id=volunteer_id,
                resident_id=resident_id,
                cadence=cadence.value,
                weekday=weekday,
                note=_line(note, 200, "the note"),
                started_on=self._today(s, tx.now),
                ended_on=None,
                created_at=tx.now,
            )
            s.add(row)
            s.flush()
            tx.change("volunteer_pairing", row.id, "insert")
            tx.audit(
                AuditAction.VOLUNTEER_PAIRING_SAVED,
                f"pairing:{row.id}",
                json.dumps({"volunteer": volunteer_id, "resident": resident_id}),
            )
            return row.id

    def end_pairing(self, who: Principal, pairing_id: int) -> None:
        with self.ctx.write(who, EDIT) as tx:
            s = tx.session
            row = s.get(VolunteerPairing, pairing_id)
            if row is None or row.ended_on is not None:
                raise LookupError(f"no current pairing {pairing_id}")
            self.ctx.check(tx, EDIT, self._code_in(s, row.community_id))
            row.ended_on = self._today(s, tx.now)
            tx.change("volunteer_pairing", row.id, "update")
            tx.audit(AuditAction.VOLUNTEER_PAIRING_SAVED, f"pairing:{row.id}", '{"ended": true}')

    # --- tasks ------------------------------------------------------------------------------
    def tasks(
        self, who: Principal, community: str | None = None, *, open_only: bool = True
    ) -> Page[TaskRow]:
        """Tasks by due time (none last), then age; truncated at LIST_LIMIT."""
        self.ctx.require(who, READ, community)
        wanted = _wanted(who, community)
        q = (
            select(VolunteerTask, Community.code, Volunteer, Resident)
            .join(Community, Community.id == VolunteerTask.community_id)
            .outerjoin(Volunteer, Volunteer.id == VolunteerTask.volunteer_id)
            .outerjoin(Resident, Resident.id == VolunteerTask.resident_id)
        )
        if wanted is not None:
            q = q.where(Community.code.in_(sorted(wanted)))
        if open_only:
            q = q.where(
                VolunteerTask.status.in_([TaskStatus.OPEN.value, TaskStatus.ASSIGNED.value])
            )
        with self.ctx.read() as s:
            found = s.execute(
                q.order_by(
                    VolunteerTask.due_at.is_(None), VolunteerTask.due_at, VolunteerTask.id
                ).limit(LIST_LIMIT + 1)
            ).all()
        page = Page.of(found, LIST_LIMIT)
        out: Page[TaskRow] = Page()
        out.truncated = page.truncated
        for t, code, v, r in page:
            shown = who.can(PII, str(code))
            out.append(
                TaskRow(
                    id=t.id,
                    community=str(code),
                    kind=t.kind,
                    title=t.title,
                    resident_id=t.resident_id,
                    resident="" if r is None else (r.name if shown else r.name_mask),
                    incident_id=t.incident_id,
                    order_id=t.order_id,
                    status=t.status,
                    volunteer_id=t.volunteer_id,
                    volunteer="" if v is None else (v.name if shown else v.name_mask),
                    due_at=t.due_at,
                    created_at=t.created_at,
                    ticket_id=t.ticket_id,
                )
            )
        return out

    def create_task(
        self,
        who: Principal,
        kind: TaskKind,
        community: str,
        resident_id: int | None,
        title: str,
        incident_id: int | None = None,
        order_id: int | None = None,
        *,
        due_at: datetime | None = None,
        note: str = "",
        volunteer_id: int | None = None,
        ticket_id: int | None = None,
    ) -> int:
        """A task (assigned at once when a volunteer is given); its id."""
        kind = TaskKind(kind)
        title = _line(title, TITLE_MAX, "the title", required=True)
        with self.ctx.write(who, EDIT, community) as tx:
            s = tx.session
            cid = _community_id(s, community)
            if resident_id is not None:
                res = s.get(Resident, resident_id)
                if res is None or res.community_id != cid:
                    raise ValueError("the resident does not live in this community")
            if incident_id is not None:
                inc = s.get(Incident, incident_id)
                if inc is None:
                    raise LookupError(f"no incident {incident_id}")
                # An incident without a community (a street-wide one) may become a task of
                # any community, but only for a street-wide user; else the communities match.
                if inc.community_id is None:
                    if not who.street_wide:
                        raise ValueError(
                            "the incident has no community: only a street-wide user may "
                            "make it a task of a community"
                        )
                elif inc.community_id != cid:
                    raise ValueError("the incident belongs to another community than the task")
            if order_id is not None:
                order_cid = s.scalar(
                    select(NecessityOrder.community_id).where(NecessityOrder.id == order_id)
                )
                if order_cid is None:
                    raise LookupError(f"no order {order_id}")
                if order_cid != cid:
                    raise ValueError("the order belongs to another community than the task")
            if ticket_id is not None:
                ticket_cid = s.scalar(
                    select(ServiceTicket.community_id).where(ServiceTicket.id == ticket_id)
                )
                if ticket_cid is None:
                    raise LookupError(f"no request {ticket_id}")
                if ticket_cid != cid:
                    raise ValueError("the request belongs to another community than the task")
            row = VolunteerTask(
                community_id=cid,
                kind=kind.value,
                resident_id=resident_id,
                incident_id=incident_id,
                order_id=order_id,
                ticket_id=ticket_id,
                status=TaskStatus.OPEN.value,
                volunteer_id=None,
                shift_id=None,
                title=title,
                note=_line(note, NOTE_MAX, "the note"),
                due_at=as_utc(due_at) if due_at else None,
                created_at=tx.now,
                done_at=None,
            )
            s.add(row)
            s.flush()
            if volunteer_id is not None:
                self._assign(s, row, volunteer_id)
            tx.change("volunteer_task", row.id, "insert")
            tx.audit(
                AuditAction.VOLUNTEER_TASK_SAVED,
                f"task:{row.id}",
                json.dumps(
                    {
                        "op": "create",
                        "kind": kind.value,
                        "incident": incident_id,
                        "order": order_id,
                        "request": ticket_id,
                        "volunteer": volunteer_id,
                    }
                ),
            )
            return row.id

    @staticmethod
    def _assign(s: Session, task: VolunteerTask, volunteer_id: int) -> None:
        v = s.get(Volunteer, volunteer_id)
        if v is None:
            raise LookupError(f"no volunteer {volunteer_id}")
        if v.community_id != task.community_id:
            raise ValueError("the volunteer belongs to another community than the task")
        if not v.active:
            raise ValueError("the volunteer is not active")
        task.volunteer_id = volunteer_id
        task.status = TaskStatus.ASSIGNED.value

    def assign_task(self, who: Principal, task_id: int, volunteer_id: int) -> None:
        with self.ctx.write(who, EDIT) as tx:
            s = tx.session
            task = self._task(tx, task_id)
            if task.status in (TaskStatus.DONE.value, TaskStatus.CANCELLED.value):
                raise ValueError(f"the task is {task.status}")
            self._assign(s, task, volunteer_id)
            tx.change("volunteer_task", task.id, "update")
            tx.audit(
                AuditAction.VOLUNTEER_TASK_SAVED,
                f"task:{task.id}",
                json.dumps({"op": "assign", "volunteer": volunteer_id}),
            )

    def close_task(self, who: Principal, task_id: int, *, done: bool) -> None:
        """Done (by its volunteer) or cancelled."""
        with self.ctx.write(who, EDIT) as tx:
            task = self._task(tx, task_id)
            if task.status in (TaskStatus.DONE.value, TaskStatus.CANCELLED.value):
                raise ValueError(f"the task is {task.status} already")
            if done and task.volunteer_id is None:
                raise ValueError("assign the task to a volunteer before marking it done")
            task.status = (TaskStatus.DONE if done else TaskStatus.CANCELLED).value
            task.done_at = tx.now
            tx.change("volunteer_task", task.id, "update")
            tx.audit(
                AuditAction.VOLUNTEER_TASK_SAVED,
                f"task:{task.id}",
                json.dumps({"op": task.status}),
            )

    def _task(self, tx: WriteTx, task_id: int) -> VolunteerTask:
        task = tx.session.get(VolunteerTask, task_id)
        if task is None:
            raise LookupError(f"no task {task_id}")
        self.ctx.check(tx, EDIT, self._code_in(tx.session, task.community_id))
        return task

    def suggest(
        self,
        who: Principal,
        community: str,
        resident_id: int | None,
        at: datetime | None = None,
        limit: int = 10,
    ) -> list[Suggestion]:
        """Volunteers for a task: those paired with the resident first, then those usually
        free at `at` (the weekly availability), then the community's other active ones."""
        self.ctx.require(who, READ, community)
        with self.ctx.read() as s:
            when = local(at or self.ctx.clock(), self._zone(s))
            cid = _community_id(s, community)
            active = list(
                s.scalars(
                    select(Volunteer)
                    .where(Volunteer.community_id == cid, Volunteer.active.is_(True))
                    .order_by(Volunteer.name)
                )
            )
            paired: set[int] = set()
            if resident_id is not None:
                paired = set(
                    s.scalars(
                        select(VolunteerPairing.volunteer_id).where(
                            VolunteerPairing.resident_id == resident_id,
                            VolunteerPairing.ended_on.is_(None),
                        )
                    )
                )
        part = part_of_day(when.hour)
        free = {
            v.id
            for v in active
            if part is not None and (when.weekday(), part) in availability_slots(v.availability)
        }

        def rank(v: Volunteer) -> int:
            return 0 if v.id in paired else 1 if v.id in free else 2

        out = []
        for v in sorted(active, key=rank)[:limit]:
            reason = ("paired", "available", "community")[rank(v)]
            out.append(Suggestion(v.id, self._name(who, v, community), reason))
        return out

    def task_draft_from_incident(self, who: Principal, incident_id: int) -> TaskDraft:
        """A welfare-check task prefilled from an incident: its community, title and the
        resident of its call if one was identified."""
        self.ctx.require(who, READ)
        with self.ctx.read() as s:
            found = s.execute(
                select(Incident, Community.code)
                .outerjoin(Community, Community.id == Incident.community_id)
                .where(Incident.id == incident_id)
            ).first()
            if found is None or found[1] is None:
                raise LookupError(f"no incident {incident_id} with a community")
            inc, code = found[0], str(found[1])
            if not who.can(READ, code):
                raise PermissionDenied(who.username, READ, code)
            res = s.execute(
                select(Resident)
                .join(Call, Call.resident_id == Resident.id)
                .where(Call.incident_id == incident_id, Resident.community_id == inc.community_id)
                .order_by(Call.started_at.desc())
                .limit(1)
            ).scalar()
        shown = who.can(PII, code)
        return TaskDraft(
            kind=TaskKind.WELFARE_CHECK,
            community=code,
            title=inc.title[:TITLE_MAX],
            resident_id=res.id if res is not None else None,
            resident="" if res is None else (res.name if shown else res.name_mask),
            incident_id=incident_id,
            due_at=self.ctx.clock() + timedelta(hours=2),
        )

    def task_from_order(self, who: Principal, order_id: int) -> TaskDraft:
        """A delivery task prefilled from an order: its community, its resident, a title
        naming the merchant; due in two hours like a welfare check."""
        self.ctx.require(who, READ)
        with self.ctx.read() as s:
            found = s.execute(
                select(NecessityOrder, Community.code, Merchant.name, Resident)
                .join(Community, Community.id == NecessityOrder.community_id)
                .join(Merchant, Merchant.id == NecessityOrder.merchant_id)
                .join(Resident, Resident.id == NecessityOrder.resident_id)
                .where(NecessityOrder.id == order_id)
            ).first()
            if found is None:
                raise LookupError(f"no order {order_id}")
            order, code, merchant, res = found[0], str(found[1]), str(found[2]), found[3]
            if not who.can(READ, code):
                raise PermissionDenied(who.username, READ, code)
            shown = who.can(PII, code)
            return TaskDraft(
                kind=TaskKind.DELIVERY,
                community=code,
                title=f"送货：{merchant}（订单 {order.id}）"[:TITLE_MAX],
                resident_id=res.id,
                resident=""
                if res.anonymised_at is not None
                else (res.name if shown else res.name_mask),
                order_id=order.id,
                due_at=self.ctx.clock() + timedelta(hours=2),
            )

    def task_from_ticket(self, who: Principal, ticket_id: int) -> TaskDraft:
        """A task prefilled from a station's request (a service ticket): its community, its
        resident, its category and words; due in a day, as a request is answered."""
        self.ctx.require(who, READ)
        with self.ctx.read() as s:
            found = s.execute(
                select(ServiceTicket, Community.code, Resident)
                .join(Community, Community.id == ServiceTicket.community_id)
                .outerjoin(Resident, Resident.id == ServiceTicket.resident_id)
                .where(ServiceTicket.id == ticket_id)
            ).first()
            if found is None:
                raise LookupError(f"no request {ticket_id}")
            ticket, code, res = found[0], str(found[1]), found[2]
            if not who.can(READ, code):
                raise PermissionDenied(who.username, READ, code)
            shown = who.can(PII, code)
            resident = ""
            if res is not None and res.anonymised_at is None:
                resident = res.name if shown else res.name_mask
            words = " ".join(ticket.description.split())
            return TaskDraft(
                kind=TaskKind.REQUEST,
                community=code,
                title=f"诉求 {ticket.id}：{words}"[:TITLE_MAX],
                resident_id=None if res is None else res.id,
                resident=resident,
                due_at=self.ctx.clock() + timedelta(days=1),
                ticket_id=ticket.id,
            )

    def task_for_silent(self, who: Principal, resident_id: int, weeks: int) -> TaskDraft:
        """A welfare visit for a resident who stopped ordering `weeks` weeks ago (the orders'
        silence list): their community, their paired volunteer first; due today."""
        self.ctx.require(who, READ)
        with self.ctx.read() as s:
            found = s.execute(
                select(Resident, Community.code)
                .join(Community, Community.id == Resident.community_id)
                .where(Resident.id == resident_id)
            ).first()
            if found is None:
                raise LookupError(f"no resident {resident_id}")
            res, code = found[0], str(found[1])
            if not who.can(READ, code):
                raise PermissionDenied(who.username, READ, code)
            shown = who.can(PII, code)
            return TaskDraft(
                kind=TaskKind.WELFARE_CHECK,
                community=code,
                title=f"走访：{weeks} 周未订购生活必需品"[:TITLE_MAX],
                resident_id=res.id,
                resident=""
                if res.anonymised_at is not None
                else (res.name if shown else res.name_mask),
                due_at=self.ctx.clock() + timedelta(hours=4),
            )

    def visitor_card(self, who: Principal, volunteer_id: int) -> tuple[str, bytes | None]:
        """What a station shows the resident about to be visited: the volunteer's full name
        (surname and given name) and photo. The volunteer consented to both being shown to
        the people they visit when registering (the photo is taken for that purpose), so a
        reader of the volunteer's community sees them unmasked; the read is audited as a photo
        read of that volunteer."""
        with self.ctx.write(who, READ) as tx:
            row, code = self._get(tx.session, volunteer_id)
            self.ctx.check(tx, READ, code)
            # Shown by those who arrange the visits (a station, a supervisor): an operator
            # could click through the rows and read every volunteer's name in full.
            self.ctx.check(tx, Permission.MANAGE_VOLUNTEERS, code)
            data = row.photo
            tx.audit(
                AuditAction.VOLUNTEER_PII_READ,
                f"volunteer:{volunteer_id}",
                json.dumps({"fields": ["name", "photo"], "for": "visitor_card"}),
            )
            return row.name, data

    def residents(self, who: Principal, community: str, text: str = "") -> Page[tuple[int, str]]:
        """Residents of a community for a pairing or task picker: (id, name as shown); those
        living alone first; truncated at PICK_LIMIT."""
        self.ctx.require(who, READ, community)
        with self.ctx.read() as s:
            cid = _community_id(s, community)
            q = select(Resident).where(
                Resident.community_id == cid, Resident.anonymised_at.is_(None)
            )
            needle = text.strip()
            if needle:
                like = "%" + needle.replace("%", "") + "%"
                col = Resident.name if who.can(PII, community) else Resident.name_mask
                q = q.where(col.like(like))
            found = list(
                s.scalars(
                    q.order_by(Resident.lives_alone.desc(), Resident.name).limit(PICK_LIMIT + 1)
                )
            )
        shown = who.can(PII, community)
        return Page.of([(r.id, r.name if shown else r.name_mask) for r in found], PICK_LIMIT)


# --- key rotation ----------------------------------------------------------------------------


def stale_volunteers(current: str) -> ColumnElement[bool]:
    """Volunteers with a value not under the key `current` (a rotation's work left)."""
    prefix = f"{current}:"
    return or_(
        ~Volunteer.id_number_enc.startswith(prefix, autoescape=True),
        ~Volunteer.birth_date_enc.startswith(prefix, autoescape=True),
    )


def reencrypt_volunteers(s: Session, keys: FieldKeys, after: int, batch: int) -> int | None:
    """Re-encrypt the next `batch` volunteers after id `after` under the current key, in the
    caller's write transaction; the last id done, None when none was left. A key rotation
    (data.residentkeys) runs it after the residents, one transaction per batch."""
    rows = s.execute(
        select(Volunteer.id, Volunteer.id_number_enc, Volunteer.birth_date_enc)
        .where(Volunteer.id > after, stale_volunteers(keys.current))
        .order_by(Volunteer.id)
        .limit(batch)
        .with_for_update()
    ).all()
    if not rows:
        return None

    def again(token: str, column: str) -> str:
        if keys.key_id(token) == keys.current:
            return token
        return keys.encrypt(keys.decrypt(token, column), column)

    s.execute(
        update(Volunteer),
        [
            {
                "id": vid,
                "id_number_enc": again(enc, ID_NUMBER_COLUMN),
                "birth_date_enc": again(benc, BIRTH_DATE_COLUMN),
            }
            for vid, enc, benc in rows
        ],
    )
    return int(rows[-1][0])
