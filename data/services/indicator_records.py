"""The records behind each indicator's figure: one query per source, numbers and kinds only."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import case, exists, func, literal, select, union_all
from sqlalchemy.orm import Session

from core.indicators import Bilingual, Passport
from core.survey import load_form
from core.survey_results import ASSISTED_MODES
from data.models import (
    CounsellingContact,
    Incident,
    IncidentType,
    JobReferral,
    Resident,
    Screening,
    ServiceTicket,
    StationHeartbeat,
    StationReceipt,
    SurveyAnswered,
    SurveyForm,
    SurveyFrameMember,
    SurveyResponse,
    SurveyRound,
    Tag,
    Workstation,
)

# Screenings and counselling are health records: listed only for the roles that see them
# (counsellors, screening results), and then without the instrument or the kind.
HEALTH_SOURCES = frozenset({"screenings.complete_sittings", "counselling.person_contacts"})


@dataclass(frozen=True, slots=True)
class Span:
    """One month: its bounds as UTC instants and as the site's dates."""

    lo: datetime
    hi: datetime
    first: date
    end: date
    now: datetime  # what has not happened by now is not counted yet
    today: date  # the site's date at `now`


@dataclass(frozen=True, slots=True)
class Listing:
    """A figure's records as a query of (id, of, when, community id, summary code): `of` is
    the record's parent where the id alone does not name it (a survey round's member)."""

    table: str
    stmt: Any  # a Select of those five columns (typed per query by SQLAlchemy)
    community: Any  # the column the community is filtered on
    words: Mapping[str, Bilingual]  # summary code → words; a code not here is shown as is

    def describe(self, code: object) -> Bilingual:
        text = "" if code is None else str(code)
        return self.words.get(text, Bilingual(text, text))


_NONE: Mapping[str, Bilingual] = {}
_TICKET = {
    "none": Bilingual("未答复", "not answered"),
    "in_time": Bilingual("按时答复", "answered in time"),
    "late": Bilingual("逾期答复", "answered late"),
}
_HIRED = {"hired": Bilingual("已录用（用人单位确认）", "hired (confirmed by the employer)")}
_MEMBER = {
    "yes": Bilingual("已作答", "answered"),
    "no": Bilingual("未作答", "not answered"),
}
_ANSWER = {
    "self": Bilingual("本人作答", "self-answered"),
    "assisted": Bilingual("协助作答", "assisted"),
}
_REGISTERED = {"": Bilingual("已登记", "registered")}
_TAG = {
    "person": Bilingual("人员标签", "person tag"),
    "vehicle": Bilingual("车辆标签", "vehicle tag"),
    "asset": Bilingual("物品标签", "asset tag"),
}


def listing(s: Session, p: Passport, span: Span) -> Listing | None:
    """The query of `p`'s records in `span`; None for a source without records."""
    if p.source.startswith("surveys.measure."):
        return _answers(s, span, p.source.removeprefix("surveys.measure."))
    make = _BY_SOURCE.get(p.source)
    return make(p, span) if make is not None else None


def _incidents(p: Passport, span: Span) -> Listing:
    return Listing(
        "incident",
        select(
            Incident.id, literal(0), Incident.created_at, Incident.community_id, IncidentType.name
        )
        .join(IncidentType, IncidentType.id == Incident.type_id)
        .where(
            IncidentType.code.in_(list(p.incident_types)),
            Incident.merged_into_id.is_(None),
            ~Incident.disposition.like("%误报%"),
            Incident.created_at >= span.lo,
            Incident.created_at < span.hi,
        )
        .order_by(Incident.created_at),
        Incident.community_id,
        _NONE,
    )


def _tickets(p: Passport, span: Span) -> Listing:
    t = ServiceTicket
    state = case(
        (t.answered_at.is_(None), "none"),
        (t.answered_at <= t.response_due_at, "in_time"),
        else_="late",
    )
    return Listing(
        "service_ticket",
        select(t.id, literal(0), t.response_due_at, t.community_id, state)
        .where(
            t.response_due_at >= span.lo,
            t.response_due_at < span.hi,
            (t.response_due_at <= span.now) | t.answered_at.is_not(None),
        )
        .order_by(t.response_due_at),
        t.community_id,
        _TICKET,
    )


def _screenings(p: Passport, span: Span) -> Listing:
    return Listing(
        "screening",
        select(
            Screening.id, literal(0), Screening.completed_at, Screening.community_id, literal("")
        )
        .where(
            Screening.status == "complete",
            Screening.completed_at >= span.lo,
            Screening.completed_at < span.hi,
        )
        .order_by(Screening.completed_at),
        Screening.community_id,
        _NONE,
    )


def _counselling(p: Passport, span: Span) -> Listing:
    c = CounsellingContact
    return Listing(
        "counselling_contact",
        select(c.id, literal(0), c.at, c.community_id, literal(""))
        .where(c.at >= span.lo, c.at < span.hi, c.kind != "legal")
        .order_by(c.at),
        c.community_id,
        _NONE,
    )


def _placements(p: Passport, span: Span) -> Listing:
    r = JobReferral
    return Listing(
        "job_referral",
        select(r.id, literal(0), r.employer_confirmed_on, r.community_id, r.stage)
        .where(
            r.stage == "hired",
            r.employer_confirmed_on >= span.first,
            r.employer_confirmed_on < span.end,
        )
        .order_by(r.employer_confirmed_on, r.id),
        r.community_id,
        _HIRED,
    )


def _registered(p: Passport, span: Span) -> Listing:
    """Everyone registered by the month's end (the figure is cumulative), newest first."""
    return Listing(
        "resident",
        select(Resident.id, literal(0), Resident.created_at, Resident.community_id, literal(""))
        .where(Resident.anonymised_at.is_(None), Resident.created_at < span.hi)
        .order_by(Resident.created_at.desc(), Resident.id.desc()),
        Resident.community_id,
        _REGISTERED,
    )


def _tags(p: Passport, span: Span) -> Listing:
    """The tags of residents in force at some time of the month."""
    return Listing(
        "tag",
        select(Tag.id, literal(0), Tag.issued_at, Resident.community_id, Tag.kind)
        .join(Resident, Resident.id == Tag.resident_id)
        .where(
            Tag.issued_at < span.hi,
            Tag.returned_at.is_(None) | (Tag.returned_at >= span.lo),
        )
        .order_by(Tag.issued_at, Tag.id),
        Resident.community_id,
        _TAG,
    )


def _stations(p: Passport, span: Span) -> Listing:
    """The community workstations that sent anything in the month, at their last sending."""
    sent = union_all(
        select(
            Workstation.id, Workstation.code, Workstation.community_id, StationReceipt.received_at
        )
        .join(StationReceipt, StationReceipt.workstation == Workstation.code)
        .where(StationReceipt.received_at >= span.lo, StationReceipt.received_at < span.hi),
        select(
            Workstation.id,
            Workstation.code,
            Workstation.community_id,
            StationHeartbeat.last_seen_at,
        )
        .join(StationHeartbeat, StationHeartbeat.workstation == Workstation.code)
        .where(StationHeartbeat.last_seen_at >= span.lo, StationHeartbeat.last_seen_at < span.hi),
    ).subquery()
    at = sent.c.received_at
    return Listing(
        "workstation",
        select(sent.c.id, literal(0), func.max(at), sent.c.community_id, sent.c.code)
        .where(sent.c.community_id.is_not(None))
        .group_by(sent.c.id, sent.c.community_id, sent.c.code)
        .order_by(sent.c.code),
        sent.c.community_id,
        _NONE,
    )


def _members(p: Passport, span: Span) -> Listing:
    """The frame members of the rounds that ended in the month, answered or not."""
    m = SurveyFrameMember
    answered = exists().where(
        SurveyAnswered.round_id == m.round_id, SurveyAnswered.resident_id == m.resident_id
    ) | exists().where(
        SurveyResponse.round_id == m.round_id,
        SurveyResponse.resident_id == m.resident_id,
        SurveyResponse.complete.is_(True),
    )
    return Listing(
        "survey_frame_member",
        select(
            m.resident_id,
            m.round_id,
            SurveyRound.ends_on,
            m.community_id,
            case((answered, "yes"), else_="no"),
        )
        .join(SurveyRound, SurveyRound.id == m.round_id)
        .where(
            SurveyRound.ends_on >= span.first,
            SurveyRound.ends_on < span.end,
            SurveyRound.ends_on < span.today,
        )
        .order_by(SurveyRound.ends_on, m.round_id, m.resident_id),
        m.community_id,
        _MEMBER,
    )


def _answers(s: Session, span: Span, measure: str) -> Listing:
    """The month's complete responses to rounds whose form asks a question of `measure`."""
    r = SurveyResponse
    rounds = sorted(
        rid
        for rid, definition, code in rounds_with_responses(s, span)
        if measure in measured(definition, code)
    )
    assisted = r.helped_by.is_not(None) | r.mode.in_(sorted(ASSISTED_MODES))
    return Listing(
        "survey_response",
        select(
            r.id,
            r.round_id,
            r.submitted_at,
            r.community_id,
            case((assisted, "assisted"), else_="self"),
        )
        .where(
            r.round_id.in_(rounds),
            r.complete.is_(True),
            r.submitted_at >= span.lo,
            r.submitted_at < span.hi,
        )
        .order_by(r.submitted_at, r.id),
        r.community_id,
        _ANSWER,
    )


@lru_cache(maxsize=256)
def measured(definition: str, code: str) -> dict[str, list[tuple[str, set[str], set[str]]]]:
    """A stored form's measured questions by measure: (question id, the answers counted
    positive, the "don't know" answers). Published forms never change, so each definition is
    parsed once per process; empty for a form that no longer reads."""
    try:
        form = load_form(definition, code, strict=False)
    except (ValueError, TypeError):
        return {}  # reported by the Surveys pane; here it measures nothing
    out: dict[str, list[tuple[str, set[str], set[str]]]] = defaultdict(list)
    for q in form.questions:
        if q.measure is not None:
            out[q.measure].append((q.id, set(q.satisfied), set(q.dont_know)))
    return dict(out)


def rounds_with_responses(s: Session, span: Span) -> list[tuple[int, str, str]]:
    """(round id, form definition, form code) of the rounds answered in `span`."""
    in_span = (SurveyResponse.submitted_at >= span.lo) & (SurveyResponse.submitted_at < span.hi)
    return [
        (int(rid), str(definition), str(code))
        for rid, definition, code in s.execute(
            select(SurveyRound.id, SurveyForm.definition, SurveyForm.code)
            .join(SurveyForm, SurveyForm.id == SurveyRound.form_id)
            .where(exists().where(SurveyResponse.round_id == SurveyRound.id, in_span))
        )
    ]


_BY_SOURCE: dict[str, Callable[[Passport, Span], Listing]] = {
    "incidents.rate_change": _incidents,
    "feedback.answered_of_due": _tickets,
    "screenings.complete_sittings": _screenings,
    "counselling.person_contacts": _counselling,
    "jobs.placements": _placements,
    "residents.registered_of_population": _registered,
    "tracking.holders_seen": _tags,
    "stations.communities_reporting": _stations,
    "stations.reporting": _stations,
    "surveys.participation": _members,
}
