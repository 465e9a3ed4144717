"""Surveys on the database: form versions, rounds and their frames, responses taken once.

A form is TOML text under a code and a version; publishing freezes a version (the service
refuses, and a trigger on both backends refuses an UPDATE of its definition), and a change to
a published form is saved as the next version. A round draws its sampling frame once, when it
is created (a seeded sample draws the same people for the same seed and residents).

Duplicates: a submission carries the client's UUID, unique on the server, so a retry or an
outbox replay gets the first answer back. One response per person per round is the database's
to enforce: UNIQUE (round_id, resident_id) on the response in a named round, the primary key
of the "has answered" flag in an anonymous one; two workstations racing for one person both
insert and exactly one insert succeeds.

Anonymity: in an anonymous round the response has no resident_id, its key is a random UUID
(no sequence shared with the flag), neither table has a rowid on SQLite, the response's time
is rounded down to the hour and the flag's to the day (so equal times pair nothing), and the
audit row of the submission names the round only. On PostgreSQL a flag and its response,
written in one transaction, share its id (xmin) and their storage order (ctid) until the owner
runs `seal` on the round (a maintenance job, like retention).
"""

from __future__ import annotations

import json
import random
import uuid as uuid_mod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, delete, func, insert, select
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.permissions import Permission, Principal
from core.survey_results import FrameCell, ResultRow
from data.context import Actor, ServiceContext, WriteTx
from data.db import upsert_insert
from data.models import (
    Business,
    Community,
    Resident,
    SurveyAnswered,
    SurveyAnsweredBusiness,
    SurveyForm,
    SurveyFrameBusiness,
    SurveyFrameMember,
    SurveyResponse,
    SurveyRound,
    User,
)

__all__ = [
    "AUTHOR",
    "CARE_FLAGS",
    "FRAME_KINDS",
    "MODES",
    "TAKE",
    "AlreadyAnswered",
    "AnswersRefused",
    "BusinessAnswered",
    "FormFrozen",
    "FormRefused",
    "Participation",
    "ResponseRow",
    "RoundData",
    "SubmitResult",
    "SurveyService",
    "age_band",
]

AUTHOR = Permission.MANAGE_USERS  # authoring and publishing forms, creating rounds
TAKE = Permission.HANDLE_INCIDENTS  # taking a response at a station, by phone, on paper
READ = Permission.VIEW_RESIDENTS  # results, participation, call lists
MODES = ("self", "kiosk", "staff", "phone", "family")
FRAME_KINDS = ("communities", "care", "businesses", "sample")
CARE_FLAGS = ("lives_alone", "dementia", "disability", "chronic_illness")
OPEN, CLOSED = "open", "closed"
ADULT_AGE = 18  # the frames of people draw adults only (SurveyService._draw)
AGE_BANDS = ((18, "<18"), (40, "18-39"), (60, "40-59"), (70, "60-69"), (80, "70-79"))

FormCheck = Callable[[str], list[str]]
"""A form's problems (skip logic that loops, a missing question), from its TOML text."""
AnswerCheck = Callable[[str, dict[str, Any]], list[str]]
"""The problems of answers (a JSON object keyed by question id) against a form's TOML text."""


class FormFrozen(Exception):
    """A published form version cannot be changed: save the next version."""


class FormRefused(ValueError):
    """A form that cannot be saved or published; `problems` names each question."""

    def __init__(self, problems: Sequence[str]):
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


class AnswersRefused(ValueError):
    """A complete response whose answers do not fit the form."""

    def __init__(self, problems: Sequence[str]):
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


class AlreadyAnswered(Exception):
    """The person has answered this round already: a second response is refused."""

    def __init__(self, round_code: str, resident_id: int):
        super().__init__(
            f"resident {resident_id} has already answered survey round {round_code}; "
            "a second response is not taken"
        )
        self.round_code = round_code
        self.resident_id: int | None = resident_id


class BusinessAnswered(AlreadyAnswered):
    """The business has answered this round already: a second response is refused."""

    def __init__(self, round_code: str, business_id: int, business: str):
        Exception.__init__(
            self,
            f"business {business} has already answered survey round {round_code}; "
            "a second response is not taken",
        )
        self.round_code = round_code
        self.resident_id = None
        self.business_id = business_id
        self.business = business  # its code and name


@dataclass(frozen=True, slots=True)
class SubmitResult:
    """What became of a submission. `replayed`: the UUID was known, this is the first
    answer again. `kept`: False for a partial response the round discards."""

    response_id: str
    replayed: bool
    kept: bool
    complete: bool


@dataclass(frozen=True, slots=True)
class Participation:
    """Respondents over the frame; partial responses counted apart."""

    frame: int
    complete: int
    partial: int

    @property
    def rate(self) -> float:
        """Complete respondents ÷ the frame (0 for an empty frame)."""
        return self.complete / self.frame if self.frame else 0.0


@dataclass(frozen=True, slots=True)
class ResponseRow:
    """A response as results read it; `resident_id` is None in an anonymous round."""

    answers: dict[str, Any]
    mode: str
    helped: bool
    community: str
    age_band: str
    care_flag: bool
    complete: bool
    resident_id: int | None


@dataclass(frozen=True, slots=True)
class RoundData:
    """What the results of a round are computed from: its form, responses and frame counts.
    No person is in it (rows carry no resident id), so reading it is not a personal read."""

    round_code: str
    purpose: str
    anonymous: bool
    status: str
    form_title: str
    definition: str
    rows: list[ResultRow]
    frame: list[FrameCell]


def age_band(birth_year: int, today: date) -> str:
    """The age band of a birth year (by year only: the birth date is encrypted)."""
    age = today.year - birth_year
    for upper, label in AGE_BANDS:
        if age < upper:
            return label
    return "80+"


def _uuid(value: str) -> str:
    try:
        return str(uuid_mod.UUID(value))
    except (ValueError, AttributeError, TypeError) as exc:
        raise ValueError(f"not a UUID: {value!r}") from exc


def _checked_key(
    client_uuid: str, mode: str, resident_id: int | None, business_id: int | None
) -> str:
    """The submission's UUID, normalised, once its mode and respondent make sense."""
    key = _uuid(client_uuid)
    if mode not in MODES:
        raise ValueError(f"unknown response mode {mode!r}")
    if resident_id is not None and business_id is not None:
        raise ValueError("a response is a resident's or a business's, not both")
    return key


def answered_residents(rnd: SurveyRound) -> Select[Any]:
    """The residents who have answered a round: its "has answered" flags when anonymous, the
    responses' people otherwise (a subquery)."""
    if rnd.anonymous:
        return select(SurveyAnswered.resident_id).where(SurveyAnswered.round_id == rnd.id)
    return select(SurveyResponse.resident_id).where(
        SurveyResponse.round_id == rnd.id, SurveyResponse.resident_id.is_not(None)
    )


def _hour(t: datetime) -> datetime:
    return t.replace(minute=0, second=0, microsecond=0)


def _day(t: datetime) -> datetime:
    return t.replace(hour=0, minute=0, second=0, microsecond=0)


class SurveyService:
    """Forms, rounds, responses and participation; every write through the context."""

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        check_form: FormCheck | None = None,
        check: AnswerCheck | None = None,
    ):
        self.ctx = ctx
        # Plugged in by whoever owns the form model (core.survey): None accepts everything.
        self.check_form = check_form
        self.check = check

    # --- forms ------------------------------------------------------------------------------
    def save_draft(self, who: Principal, code: str, title: str, definition: str) -> int:
        """Save the draft of a form; the version saved. A draft is edited in place; when the
        newest version is published the draft becomes the next version."""
        code = code.strip()
        if not code:
            raise ValueError("a form needs a code")
        with self.ctx.write(who, AUTHOR) as tx:
            s = tx.session
            newest = self._newest(s, code)
            if newest is not None and newest.published_at is None:
                newest.title, newest.definition = title, definition
                version = newest.version
            else:
                version = 1 if newest is None else newest.version + 1
                s.add(
                    SurveyForm(
                        code=code,
                        version=version,
                        title=title,
                        definition=definition,
                        created_by=who.username,
                        created_at=tx.now,
                    )
                )
            s.flush()
            tx.change("survey_form", None, "upsert")
            tx.audit(AuditAction.SURVEY_FORM_SAVED, f"form:{code}/{version}")
            return version

    def edit(self, who: Principal, code: str, version: int, definition: str) -> None:
        """Change a draft version in place; a published one raises FormFrozen."""
        with self.ctx.write(who, AUTHOR) as tx:
            form = self._form(tx.session, code, version)
            if form.published_at is not None:
                raise FormFrozen(f"form {code} version {version} is published: save a new one")
            form.definition = definition
            tx.change("survey_form", form.id, "update")
            tx.audit(AuditAction.SURVEY_FORM_SAVED, f"form:{code}/{version}")

    def publish(self, who: Principal, code: str, version: int) -> None:
        """Freeze a version (refused with FormRefused when the form check finds problems)."""
        with self.ctx.write(who, AUTHOR) as tx:
            form = self._form(tx.session, code, version)
            if form.published_at is not None:
                return  # published already: nothing changes
            problems = self.check_form(form.definition) if self.check_form else []
            if problems:
                raise FormRefused(problems)
            form.published_at = tx.now
            tx.change("survey_form", form.id, "update")
            tx.audit(AuditAction.SURVEY_PUBLISHED, f"form:{code}/{version}")

    def form(self, code: str, version: int | None = None) -> tuple[int, str, str, bool]:
        """(version, title, TOML text, published) of a version, the newest by default."""
        with self.ctx.read() as s:
            row = self._newest(s, code) if version is None else self._form(s, code, version)
            if row is None:
                raise LookupError(f"no survey form {code}")
            return row.version, row.title, row.definition, row.published_at is not None

    @staticmethod
    def _newest(s: Session, code: str) -> SurveyForm | None:
        return s.scalar(
            select(SurveyForm).where(SurveyForm.code == code).order_by(SurveyForm.version.desc())
        )

    @staticmethod
    def _form(s: Session, code: str, version: int) -> SurveyForm:
        row = s.scalar(
            select(SurveyForm).where(SurveyForm.code == code, SurveyForm.version == version)
        )
        if row is None:
            raise LookupError(f"no survey form {code} version {version}")
        return row

    # --- rounds -----------------------------------------------------------------------------
    def create_round(
        self,
        who: Principal,
        code: str,
        form_code: str,
        form_version: int,
        *,
        purpose: str,
        frame_kind: str,
        frame_params: dict[str, Any],
        starts_on: date,
        ends_on: date,
        anonymous: bool,
        keep_partial: bool = False,
    ) -> int:
        """Create a round of a published form and draw its frame; the number of people (or
        businesses) drawn.

        frame_params: "communities" (codes; all when absent), and for "care" a "flag" (one of
        CARE_FLAGS), for "sample" "n" and "seed" (the same seed draws the same people), for
        "businesses" "kinds" (core.business.KINDS; all when absent): the businesses of the
        register trading on the start date.
        """
        if frame_kind not in FRAME_KINDS:
            raise ValueError(f"unknown frame kind {frame_kind!r}")
        if ends_on < starts_on:
            raise ValueError("a round ends before it starts")
        with self.ctx.write(who, AUTHOR) as tx:
            s = tx.session
            form = self._form(s, form_code, form_version)
            if form.published_at is None:
                raise ValueError(f"form {form_code} version {form_version} is not published")
            if frame_kind == "businesses":
                members = self._draw_businesses(s, frame_params, starts_on)
            else:
                members = self._draw(s, frame_kind, frame_params, starts_on)
            row = SurveyRound(
                code=code,
                form_id=form.id,
                purpose=purpose,
                frame_kind=frame_kind,
                frame_params=json.dumps(frame_params, sort_keys=True),
                starts_on=starts_on,
                ends_on=ends_on,
                anonymous=anonymous,
                keep_partial=keep_partial,
                status=OPEN,
                created_by=who.username,
                created_at=tx.now,
            )
            s.add(row)
            s.flush()
            if members and frame_kind == "businesses":
                s.execute(
                    insert(SurveyFrameBusiness),
                    [{"round_id": row.id, "business_id": b, "community_id": c} for b, c in members],
                )
            elif members:
                s.execute(
                    insert(SurveyFrameMember),
                    [{"round_id": row.id, "resident_id": r, "community_id": c} for r, c in members],
                )
            tx.change("survey_round", row.id, "insert")
            tx.audit(
                AuditAction.SURVEY_ROUND_CREATED,
                f"round:{code}",
                json.dumps({"frame": frame_kind, "drawn": len(members)}),
            )
            return len(members)

    @staticmethod
    def _draw(s: Session, kind: str, params: dict[str, Any], on: date) -> list[tuple[int, int]]:
        """(resident id, community id) of the frame, in resident id order: adults only.

        Residents who are under 18 in the round's first year are left out (by birth year: the
        birth date is encrypted): "Call next" rang a seven-year-old, and asking a minor needs
        a guardian's consent, which the survey does not collect.
        """
        q = select(Resident.id, Resident.community_id).where(
            Resident.anonymised_at.is_(None), Resident.birth_year <= on.year - ADULT_AGE
        )
        codes = params.get("communities")
        if codes:
            q = q.join(Community, Community.id == Resident.community_id).where(
                Community.code.in_(list(codes))
            )
        if kind == "care":
            flag = params.get("flag")
            if flag not in CARE_FLAGS:
                raise ValueError(f"a care frame needs a flag of {', '.join(CARE_FLAGS)}")
            q = q.where(getattr(Resident, flag).is_(True))
        found = [(int(r), int(c)) for r, c in s.execute(q.order_by(Resident.id))]
        if kind != "sample":
            return found
        n, seed = params.get("n"), params.get("seed")
        if not isinstance(n, int) or n < 1 or not isinstance(seed, int):
            raise ValueError("a random sample needs a whole number n ≥ 1 and a whole-number seed")
        # Sorted candidates and a private generator: the same seed draws the same people.
        drawn = random.Random(seed).sample(found, min(n, len(found)))
        return sorted(drawn)

    @staticmethod
    def _draw_businesses(s: Session, params: dict[str, Any], on: date) -> list[tuple[int, int]]:
        """(business id, community id) of the businesses trading on `on`, in id order."""
        q = select(Business.id, Business.community_id).where(
            Business.opened_on <= on, (Business.closed_on.is_(None)) | (Business.closed_on > on)
        )
        codes = params.get("communities")
        if codes:
            q = q.join(Community, Community.id == Business.community_id).where(
                Community.code.in_(list(codes))
            )
        kinds = params.get("kinds")
        if kinds:
            q = q.where(Business.kind.in_(list(kinds)))
        return [(int(b), int(c)) for b, c in s.execute(q.order_by(Business.id))]

    def close_round(self, who: Principal, code: str) -> None:
        """No more responses are taken for the round."""
        with self.ctx.write(who, AUTHOR) as tx:
            rnd = self._round(tx.session, code)
            rnd.status = CLOSED
            tx.change("survey_round", rnd.id, "update")

    def seal(self, actor: Actor, round_code: str) -> int:
        """Rewrite an anonymous round's "has answered" flags in one transaction, in resident
        order; how many. Owner's maintenance (the console's roles may not DELETE), like
        retention: on PostgreSQL a flag written with its response shares the transaction id
        (xmin) and the storage order (ctid) with it until then. SQLite: nothing to do."""
        with self.ctx.write(actor) as tx:
            s = tx.session
            rnd = self._round(s, round_code)
            if not rnd.anonymous or s.get_bind().dialect.name != "postgresql":
                return 0
            flags = s.execute(
                select(SurveyAnswered.resident_id, SurveyAnswered.answered_at)
                .where(SurveyAnswered.round_id == rnd.id)
                .order_by(SurveyAnswered.resident_id)
            ).all()
            s.execute(delete(SurveyAnswered).where(SurveyAnswered.round_id == rnd.id))
            if flags:
                s.execute(
                    insert(SurveyAnswered),
                    [{"round_id": rnd.id, "resident_id": r, "answered_at": t} for r, t in flags],
                )
            # A business round's flags likewise (migration 0027).
            shops = s.execute(
                select(SurveyAnsweredBusiness.business_id, SurveyAnsweredBusiness.answered_at)
                .where(SurveyAnsweredBusiness.round_id == rnd.id)
                .order_by(SurveyAnsweredBusiness.business_id)
            ).all()
            s.execute(
                delete(SurveyAnsweredBusiness).where(SurveyAnsweredBusiness.round_id == rnd.id)
            )
            if shops:
                s.execute(
                    insert(SurveyAnsweredBusiness),
                    [{"round_id": rnd.id, "business_id": b, "answered_at": t} for b, t in shops],
                )
            return len(flags) + len(shops)

    @staticmethod
    def _round(s: Session, code: str) -> SurveyRound:
        row = s.scalar(select(SurveyRound).where(SurveyRound.code == code))
        if row is None:
            raise LookupError(f"no survey round {code}")
        return row

    # --- responses --------------------------------------------------------------------------
    def submit(
        self,
        who: Principal,
        round_code: str,
        client_uuid: str,
        resident_id: int | None,
        mode: str,
        helped_by: int | None,
        answers: dict[str, Any],
        complete: bool,
        *,
        community: str | None = None,
        business_id: int | None = None,
    ) -> SubmitResult:
        """Take a response once. The same client_uuid again returns the first result; a second
        response of the same person raises AlreadyAnswered (of the same business
        BusinessAnswered); bad answers AnswersRefused.

        resident_id may be None only for a response without a person (paper without a slip);
        then `community` says where it was taken. In a round of businesses the respondent is
        `business_id` instead (never both).
        """
        self.ctx.require(who, TAKE)  # before a replay's answer is given back
        key = _checked_key(client_uuid, mode, resident_id, business_id)
        first = self._known(key)
        if first is not None:
            return first
        with self.ctx.read() as s:
            # The community first: the write is opened under its scope.
            where = self._where(s, resident_id, business_id, community)
        with self.ctx.write(who, TAKE, where) as tx:
            return self.take(
                tx,
                round_code,
                key,
                resident_id,
                mode,
                helped_by,
                answers,
                complete,
                where,
                business_id=business_id,
            )

    def take(
        self,
        tx: WriteTx,
        round_code: str,
        client_uuid: str,
        resident_id: int | None,
        mode: str,
        helped_by: int | None,
        answers: dict[str, Any],
        complete: bool,
        community: str,
        *,
        business_id: int | None = None,
    ) -> SubmitResult:
        """`submit` inside the caller's write (a station's outbox entry, applied with its
        receipt in one transaction): the same checks; a known client UUID is a replay."""
        key = _checked_key(client_uuid, mode, resident_id, business_id)
        s = tx.session
        rnd = self._round(s, round_code)
        where = self._where(s, resident_id, business_id, community)
        self.ctx.check(tx, TAKE, where)
        self._check_answers(s, rnd, answers, complete)
        result = self._submit_in(
            tx,
            rnd.id,
            key,
            resident_id,
            where,
            mode,
            helped_by,
            answers,
            complete,
            business_id=business_id,
        )
        if result is not None:
            return result
        first = s.execute(
            select(SurveyResponse.id, SurveyResponse.complete).where(
                SurveyResponse.client_uuid == key
            )
        ).one()
        return SubmitResult(first[0], replayed=True, kept=True, complete=bool(first[1]))

    def _where(
        self,
        s: Session,
        resident_id: int | None,
        business_id: int | None,
        community: str | None,
    ) -> str:
        """The community a response is taken in: the respondent's own, else the one given."""
        if resident_id is not None:
            home = s.scalar(
                select(Community.code)
                .join(Resident, Resident.community_id == Community.id)
                .where(Resident.id == resident_id)
            )
            if home is None:
                raise LookupError(f"no resident {resident_id}")
            return str(home)
        if business_id is not None:
            return self._business_home(s, business_id)
        if community is None:
            raise ValueError("a response without a person needs its community")
        return community

    def _check_answers(
        self, s: Session, rnd: SurveyRound, answers: dict[str, Any], complete: bool
    ) -> None:
        """A complete response's answers against its round's form (AnswersRefused)."""
        if complete and self.check is not None:
            problems = self.check(s.get_one(SurveyForm, rnd.form_id).definition, answers)
            if problems:
                raise AnswersRefused(problems)

    def _submit_in(
        self,
        tx: WriteTx,
        round_id: int,
        key: str,
        resident_id: int | None,
        where: str,
        mode: str,
        helped_by: int | None,
        answers: dict[str, Any],
        complete: bool,
        *,
        business_id: int | None = None,
    ) -> SubmitResult | None:
        s = tx.session
        rnd = s.get(SurveyRound, round_id)
        assert rnd is not None
        if rnd.status != OPEN:
            raise ValueError(f"survey round {rnd.code} is closed")
        of_businesses = rnd.frame_kind == "businesses"
        if business_id is not None and not of_businesses:
            raise ValueError(f"survey round {rnd.code} is not a round of businesses")
        if resident_id is not None and of_businesses:
            raise ValueError(f"survey round {rnd.code} is a round of businesses, not residents")
        if s.scalar(select(SurveyResponse.id).where(SurveyResponse.client_uuid == key)):
            return None
        if not complete and not rnd.keep_partial:
            # Discarded whole: the person may still answer the round later.
            return SubmitResult("", replayed=False, kept=False, complete=False)
        if helped_by is not None and s.get(User, helped_by) is None:
            raise LookupError(f"no user {helped_by}")
        cid = s.scalar(select(Community.id).where(Community.code == where))
        if cid is None:
            raise LookupError(f"no community {where}")
        band, care = "", False
        if resident_id is not None:
            person = s.get(Resident, resident_id)
            assert person is not None
            band = age_band(person.birth_year, tx.now.date())
            care = any(getattr(person, f) for f in CARE_FLAGS)
        if rnd.anonymous and resident_id is not None:
            # The flag first: a second response of the person stops here, before any answer.
            flagged = s.execute(
                upsert_insert(s, SurveyAnswered)
                .values(round_id=rnd.id, resident_id=resident_id, answered_at=_day(tx.now))
                .on_conflict_do_nothing()
                .returning(SurveyAnswered.round_id)
            ).scalar()
            if flagged is None:
                if s.scalar(select(SurveyResponse.id).where(SurveyResponse.client_uuid == key)):
                    return None
                raise AlreadyAnswered(rnd.code, resident_id)
        if rnd.anonymous and business_id is not None:
            flagged = s.execute(
                upsert_insert(s, SurveyAnsweredBusiness)
                .values(round_id=rnd.id, business_id=business_id, answered_at=_day(tx.now))
                .on_conflict_do_nothing()
                .returning(SurveyAnsweredBusiness.round_id)
            ).scalar()
            if flagged is None:
                if s.scalar(select(SurveyResponse.id).where(SurveyResponse.client_uuid == key)):
                    return None
                raise self._business_answered(s, rnd.code, business_id)
        response_id = str(uuid_mod.uuid4())
        taken = s.execute(
            upsert_insert(s, SurveyResponse)
            .values(
                id=response_id,
                round_id=rnd.id,
                client_uuid=key,
                resident_id=None if rnd.anonymous else resident_id,
                business_id=None if rnd.anonymous else business_id,
                mode=mode,
                helped_by=helped_by,
                community_id=cid,
                age_band=band,
                care_flag=care,
                answers=json.dumps(answers, ensure_ascii=False, sort_keys=True),
                complete=complete,
                submitted_at=_hour(tx.now),
                workstation=self.ctx.workstation,
            )
            .on_conflict_do_nothing()
            .returning(SurveyResponse.id)
        ).scalar()
        if taken is None:
            if s.scalar(select(SurveyResponse.id).where(SurveyResponse.client_uuid == key)):
                return None
            if business_id is not None:
                raise self._business_answered(s, rnd.code, business_id)
            assert resident_id is not None  # only the person's key can conflict besides
            raise AlreadyAnswered(rnd.code, resident_id)
        # No row id in change_log or audit for an anonymous round: their order would pair
        # the response with the flag.
        tx.change("survey_response", None, "insert")
        detail: dict[str, Any] = {"mode": mode, "complete": complete}
        if not rnd.anonymous and resident_id is not None:
            detail["resident"] = resident_id
        if not rnd.anonymous and business_id is not None:
            detail["business"] = business_id
        tx.audit(AuditAction.SURVEY_SUBMITTED, f"round:{rnd.code}", json.dumps(detail))
        return SubmitResult(response_id, replayed=False, kept=True, complete=complete)

    @staticmethod
    def _business_home(s: Session, business_id: int) -> str:
        home = s.scalar(
            select(Community.code)
            .join(Business, Business.community_id == Community.id)
            .where(Business.id == business_id)
        )
        if home is None:
            raise LookupError(f"no business {business_id}")
        return str(home)

    @staticmethod
    def _business_answered(s: Session, round_code: str, business_id: int) -> BusinessAnswered:
        b = s.get(Business, business_id)
        label = f"{b.code} {b.name}" if b is not None else str(business_id)
        return BusinessAnswered(round_code, business_id, label)

    def _known(self, key: str) -> SubmitResult | None:
        with self.ctx.read() as s:
            row = s.execute(
                select(SurveyResponse.id, SurveyResponse.complete).where(
                    SurveyResponse.client_uuid == key
                )
            ).first()
        if row is None:
            return None
        return SubmitResult(row[0], replayed=True, kept=True, complete=bool(row[1]))

    # --- reading ----------------------------------------------------------------------------
    def participation(self, who: Principal, round_code: str) -> Participation:
        """Respondents ÷ the frame of a round (counts only, no person)."""
        self.ctx.require(who, READ)
        with self.ctx.read() as s:
            rnd = self._round(s, round_code)
            if rnd.frame_kind == "businesses":
                frame = s.scalar(select(func.count()).where(SurveyFrameBusiness.round_id == rnd.id))
            else:
                frame = s.scalar(select(func.count()).where(SurveyFrameMember.round_id == rnd.id))
            counts = dict(
                s.execute(
                    select(SurveyResponse.complete, func.count())
                    .where(SurveyResponse.round_id == rnd.id)
                    .group_by(SurveyResponse.complete)
                ).all()
            )
        return Participation(int(frame or 0), int(counts.get(True, 0)), int(counts.get(False, 0)))

    def responses(self, who: Principal, round_code: str) -> list[ResponseRow]:
        """Every kept response of a round for results; the person only in a named round (that
        read of personal data is audited)."""
        self.ctx.require(who, READ)
        with self.ctx.read() as s:
            rnd = self._round(s, round_code)
            rows = s.execute(
                select(
                    SurveyResponse.answers,
                    SurveyResponse.mode,
                    SurveyResponse.helped_by,
                    Community.code,
                    SurveyResponse.age_band,
                    SurveyResponse.care_flag,
                    SurveyResponse.complete,
                    SurveyResponse.resident_id,
                )
                .join(Community, Community.id == SurveyResponse.community_id)
                .where(SurveyResponse.round_id == rnd.id)
                .order_by(SurveyResponse.id)
            ).all()
            anonymous = rnd.anonymous
        out = [
            ResponseRow(
                json.loads(a),
                m,
                h is not None or m in ("staff", "phone", "family"),
                c,
                b,
                bool(f),
                bool(k),
                None if anonymous else r,
            )
            for a, m, h, c, b, f, k, r in rows
        ]
        if not anonymous and out:
            self.ctx.record(
                who,
                AuditAction.SURVEY_DATA_READ,
                f"round:{round_code}",
                json.dumps({"what": "responses", "rows": len(out)}),
            )
        return out

    def results_data(self, who: Principal, round_code: str, today: date) -> RoundData:
        """A round's form, kept responses (without persons) and frame counts by community, age
        band (at `today`) and care flag: one read, for a full recompute of its results."""
        self.ctx.require(who, READ)
        with self.ctx.read() as s:
            rnd = self._round(s, round_code)
            form = s.get_one(SurveyForm, rnd.form_id)
            codes = {int(i): str(c) for i, c in s.execute(select(Community.id, Community.code))}
            # Plain columns, no ORM objects and no join: 20,000 rows load in tens of ms.
            raw = s.execute(
                select(
                    SurveyResponse.answers,
                    SurveyResponse.mode,
                    SurveyResponse.helped_by,
                    SurveyResponse.community_id,
                    SurveyResponse.age_band,
                    SurveyResponse.care_flag,
                    SurveyResponse.complete,
                ).where(SurveyResponse.round_id == rnd.id)
            )
            assisted = frozenset(("staff", "phone", "family"))
            rows = [
                ResultRow(
                    json.loads(a),
                    m,
                    h is not None or m in assisted,
                    codes.get(c, ""),
                    b,
                    bool(f),
                    bool(k),
                )
                for a, m, h, c, b, f, k in raw
            ]
            care = Resident.lives_alone
            for flag in CARE_FLAGS[1:]:
                care = care | getattr(Resident, flag)
            counted = s.execute(
                select(SurveyFrameMember.community_id, Resident.birth_year, care, func.count())
                .join(Resident, Resident.id == SurveyFrameMember.resident_id)
                .where(SurveyFrameMember.round_id == rnd.id)
                .group_by(SurveyFrameMember.community_id, Resident.birth_year, care)
            )
            cells: dict[tuple[str, str, bool], int] = {}
            for cid, year, flagged, n in counted:
                key = (codes.get(cid, ""), age_band(year, today), bool(flagged))
                cells[key] = cells.get(key, 0) + int(n)
            # A business has no age and no care flag: its frame counts by community only.
            shops = s.execute(
                select(SurveyFrameBusiness.community_id, func.count())
                .where(SurveyFrameBusiness.round_id == rnd.id)
                .group_by(SurveyFrameBusiness.community_id)
            )
            for cid, n in shops:
                key = (codes.get(cid, ""), "", False)
                cells[key] = cells.get(key, 0) + int(n)
            return RoundData(
                rnd.code,
                rnd.purpose,
                rnd.anonymous,
                rnd.status,
                form.title,
                form.definition,
                rows,
                [FrameCell(c, b, f, n) for (c, b, f), n in sorted(cells.items())],
            )

    def frame(self, who: Principal, round_code: str) -> list[tuple[int, bool]]:
        """(resident id, has answered) of a round's frame, for call lists; audited. In a round
        of businesses: (business id, has answered)."""
        self.ctx.require(who, READ)
        with self.ctx.read() as s:
            rnd = self._round(s, round_code)
            if rnd.frame_kind == "businesses":
                # Its contacts' names and phones go with it on a call list: recorded too.
                out = self._business_frame(s, rnd)
            else:
                done = {int(r) for r in s.scalars(answered_residents(rnd)) if r is not None}
                out = [
                    (int(r), int(r) in done)
                    for r in s.scalars(
                        select(SurveyFrameMember.resident_id)
                        .where(SurveyFrameMember.round_id == rnd.id)
                        .order_by(SurveyFrameMember.resident_id)
                    )
                ]
        self.ctx.record(
            who,
            AuditAction.SURVEY_DATA_READ,
            f"round:{round_code}",
            json.dumps({"what": "frame", "rows": len(out)}),
        )
        return out

    @staticmethod
    def _business_frame(s: Session, rnd: SurveyRound) -> list[tuple[int, bool]]:
        answered = (
            select(SurveyAnsweredBusiness.business_id).where(
                SurveyAnsweredBusiness.round_id == rnd.id
            )
            if rnd.anonymous
            else select(SurveyResponse.business_id).where(
                SurveyResponse.round_id == rnd.id, SurveyResponse.business_id.is_not(None)
            )
        )
        done = {int(b) for b in s.scalars(answered) if b is not None}
        members = [
            int(b)
            for b in s.scalars(
                select(SurveyFrameBusiness.business_id)
                .where(SurveyFrameBusiness.round_id == rnd.id)
                .order_by(SurveyFrameBusiness.business_id)
            )
        ]
        return [(b, b in done) for b in members]

    def is_business_round(self, round_code: str) -> bool:
        """True if the round's frame is businesses (its frame and entries name businesses)."""
        with self.ctx.read() as s:
            return self._round(s, round_code).frame_kind == "businesses"
