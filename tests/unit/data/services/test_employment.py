"""EmploymentService and migration 0034 on SQLite and PostgreSQL: credit codes checked, a
posting's life, matching only with a JOBS consent in force (read at match time) and with
core's scores, referrals only to open postings, hires booking retention checks, placements
counted once confirmed and once per seeker and posting, stations kept to their community,
and audit rows without personal data."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from datetime import date

import pytest
from sqlalchemy import func, select

from core.audit import AuditAction
from core.consent import ConsentMethod, ConsentPurpose
from core.employment import (
    PLACEMENT_TARGET,
    EmployerStatus,
    EmploymentError,
    ErrorCode,
    Part,
    Posting,
    PostingStatus,
    RefusedBy,
    Seeker,
    SeekerRefusal,
    ShiftKind,
    Stage,
    TrainingRecord,
    credit_check_char,
)
from core.employment_views import EmployerDraft
from core.permissions import PermissionDenied, Principal
from data.db import Database
from data.models import Community, Employer, JobReferral, JobRetentionCheck, Resident
from data.services.employment import EmployerExists, EmploymentService
from tests.helpers.postgres import as_owner
from tests.unit.data.worlds import World, small_world

LAT, LON = 39.1, 117.2
KM_PER_DEG = 6371.0088 * math.pi / 180  # core.geo's sphere
VALID_CODE = "91120104MA05KJ8N34"  # its check character worked by hand in core's tests
EMPLOYMENT_ACTIONS = {
    AuditAction.EMPLOYER_SAVED,
    AuditAction.EMPLOYER_VISITED,
    AuditAction.POSTING_SAVED,
    AuditAction.SEEKER_SAVED,
    AuditAction.JOB_REFERRED,
    AuditAction.REFERRAL_STEP,
    AuditAction.PLACEMENT_CONFIRMED,
    AuditAction.RETENTION_CHECKED,
}


def north(km: float) -> float:
    return LAT + km / KM_PER_DEG


def code17(first17: str) -> str:
    return first17 + credit_check_char(first17)


@dataclass
class Env:
    world: World
    svc: EmploymentService
    wang: int  # 王五, C01, a JOBS consent in force
    zhao: int  # 赵六, C01, no JOBS consent
    sun: int  # 孙七, C02, a JOBS consent in force

    def who(self, name: str) -> Principal:
        return self.world.who(name)

    def audits(self, action: AuditAction) -> list[tuple[str, str, str]]:
        return [(a, t, d) for a, act, t, d in self.world.audit() if act == action]

    def employer(self, community: str | None = "C01", code: str = VALID_CODE) -> int:
        draft = EmployerDraft(
            credit_code=code,
            name="津门社区食堂",
            status=EmployerStatus.VERIFIED,
            staff=200,
            disabled_staff=1,
            contact_name="李经理",
            contact_phone="13800000000",
            community=community,
        )
        return self.svc.save_employer(self.who("admin"), draft).id

    def posting(self, employer_id: int, **kw: object) -> int:
        fields: dict[str, object] = {
            "id": 0,
            "employer_id": employer_id,
            "title": "社区食堂帮厨",
            "duties": "备菜、清洁",
            "hours_per_week": 30,
            "shift": ShiftKind.DAY,
            "pay_fen_per_month": 260_000,
            "lat": LAT,
            "lon": LON,
        }
        fields.update(kw)
        return self.svc.save_posting(self.who("admin"), Posting(**fields)).id  # type: ignore[arg-type]

    def seeker(self, resident_id: int, who: str = "admin", **kw: object) -> int:
        fields: dict[str, object] = {
            "resident_id": resident_id,
            "lat": LAT,
            "lon": LON,
            "min_hours": 20,
            "max_hours": 40,
            "max_km": 5.0,
        }
        fields.update(kw)
        return self.svc.save_seeker(self.who(who), Seeker(**fields)).id  # type: ignore[arg-type]


@pytest.fixture
def env(db: Database) -> Env:
    world = small_world(db)
    now = world.clock.now
    with as_owner(db) as owner, owner.session() as s:
        codes = dict(s.execute(select(Community.code, Community.id)).all())
        ids = []
        for name, community in (("王五", "C01"), ("赵六", "C01"), ("孙七", "C02")):
            r = Resident(
                community_id=codes[community],
                name=name,
                gender="M",
                birth_year=1980,
                birth_date_enc="",
                id_number_enc="",
                id_number_mask="",
                name_mask=name[0] + "*",
                phone_mask="",
                address_mask="",
                address="一号楼",
                created_at=now,
                updated_at=now,
            )
            s.add(r)
            s.flush()
            ids.append(r.id)
    for rid in (ids[0], ids[2]):
        world.svc.consent.record(
            world.who("admin"),
            rid,
            ConsentPurpose.JOBS,
            ConsentMethod.WRITTEN,
            date(2026, 1, 1),
            today=date(2026, 1, 2),
        )
    return Env(world, world.svc.employment, *ids)


def test_a_bad_credit_code_is_refused_and_a_verified_employer_names_its_verifier(
    env: Env,
) -> None:
    admin = env.who("admin")
    bad = EmployerDraft("91120104MA05KJ8N35", "某公司", EmployerStatus.UNVERIFIED, 10, 0)
    with pytest.raises(EmploymentError) as err:
        env.svc.save_employer(admin, bad)
    assert err.value.code is ErrorCode.CREDIT_CODE_CHECK
    with env.world.db.session() as s:
        assert s.scalar(select(func.count(Employer.id))) == 0
    # Typed in lower case with spaces: stored normalised, verified by the signed-in user.
    draft = replace(bad, credit_code=" 91120104ma05 kj8n34 ", status=EmployerStatus.VERIFIED)
    row = env.svc.save_employer(admin, draft)
    assert row.credit_code == VALID_CODE
    assert (row.verified_by, row.verified_at) == ("admin", env.world.clock.now)
    assert row.community is None, "no community: the street's employer"
    with pytest.raises(EmployerExists) as taken:
        env.svc.save_employer(admin, replace(draft, name="另一家"))
    assert taken.value.employer_id == row.id
    assert [t for _a, t, _d in env.audits(AuditAction.EMPLOYER_SAVED)] == [f"employer:{row.id}"]
    env.svc.record_visit(admin, row.id, date(2026, 11, 20), "查看无障碍卫生间")
    assert env.svc.employers(admin)[0].last_visit == date(2026, 11, 20)
    assert len(env.audits(AuditAction.EMPLOYER_VISITED)) == 1


def test_a_postings_life_follows_the_status_rules(env: Env) -> None:
    admin = env.who("admin")
    employer = env.employer()
    with pytest.raises(EmploymentError) as err:
        env.posting(employer, status=PostingStatus.FILLED)
    assert err.value.code is ErrorCode.POSTING_STATUS, "a new posting starts open"
    pid = env.posting(employer, skills=frozenset({" Cooking ", "cleaning，dishes"}))
    row = env.svc.postings(admin)[0]
    assert (row.id, row.status, row.community, row.employer) == (
        pid,
        PostingStatus.OPEN,
        "C01",
        "津门社区食堂",
    )
    assert row.skills == ("cleaning", "cooking", "dishes"), "normalised; commas separate"
    filled = env.svc.set_posting_status(admin, pid, PostingStatus.FILLED)
    assert filled.closed_at == env.world.clock.now
    reopened = env.svc.set_posting_status(admin, pid, PostingStatus.OPEN)
    assert reopened.closed_at is None, "a filled posting may reopen"
    env.svc.set_posting_status(admin, pid, PostingStatus.CLOSED)
    with pytest.raises(EmploymentError) as err:
        env.svc.set_posting_status(admin, pid, PostingStatus.OPEN)
    assert err.value.code is ErrorCode.POSTING_STATUS, "closed is final"
    assert [p.id for p in env.svc.postings(admin, status=PostingStatus.CLOSED)] == [pid]
    assert env.svc.postings(admin, status=PostingStatus.OPEN) == []
    details = [json.loads(d) for _a, _t, d in env.audits(AuditAction.POSTING_SAVED)]
    assert [d["status"] for d in details] == ["open", "filled", "open", "closed"]
    assert ("job_posting", pid, "update") in env.world.changes()


def test_a_seeker_without_a_jobs_consent_is_never_matched(env: Env) -> None:
    admin = env.who("admin")
    pid = env.posting(env.employer())
    wang, zhao = env.seeker(env.wang), env.seeker(env.zhao)
    assert {r.id: r.consent for r in env.svc.seekers(admin)} == {wang: True, zhao: False}
    assert env.svc.matches_for_seeker(admin, zhao) == []
    assert env.audits(AuditAction.CONSENT_MISSING)[-1][1] == f"resident:{env.zhao}"
    assert [m.seeker_id for m in env.svc.matches_for_posting(admin, pid)] == [wang]
    with pytest.raises(EmploymentError) as err:
        env.svc.refer(admin, zhao, pid)
    assert err.value.code is ErrorCode.NO_CONSENT
    # Consent is read when matching, not stored with the seeker: a withdrawal stops it at once.
    env.world.svc.consent.withdraw(admin, env.wang, ConsentPurpose.JOBS, "本人撤回同意")
    assert env.svc.matches_for_posting(admin, pid) == []
    assert env.svc.matches_for_seeker(admin, wang) == []
    assert env.svc.seeker(admin, wang).consent is False


def test_matching_gives_cores_hand_checked_score_both_ways(env: Env) -> None:
    admin = env.who("admin")
    pid = env.posting(env.employer(), skills=frozenset({"Cooking", "cleaning"}), lat=north(2.0))
    sid = env.seeker(env.wang, skills=frozenset({"cooking"}), shifts=frozenset({ShiftKind.DAY}))
    # skills 1 of 2 → 0.5 × 50 = 25; commute 2 km of 5 → 0.6 × 30 = 18; schedule 1 × 20 = 20
    (by_seeker,) = env.svc.matches_for_seeker(admin, sid)
    (by_posting,) = env.svc.matches_for_posting(admin, pid)
    for m in (by_seeker, by_posting):
        assert (m.posting_id, m.seeker_id, m.title, m.seeker) == (pid, sid, "社区食堂帮厨", "王五")
        assert m.total == pytest.approx(63.0)
        assert [(p[0], p[1]) for p in m.parts] == [
            (Part.SKILLS, 0.5),
            (Part.COMMUTE, 0.3),
            (Part.SCHEDULE, 0.2),
        ]
        assert [p[2] for p in m.parts] == pytest.approx([0.5, 0.6, 1.0])
        assert [p[3] for p in m.parts] == pytest.approx([25.0, 18.0, 20.0])
        assert m.distance_km == pytest.approx(2.0)
        assert m.missing_skills == ("cleaning",)
    # A completed course's skill counts: skills 2 of 2 → 50; total 50 + 18 + 20 = 88.
    env.svc.add_training(admin, sid, TrainingRecord("厨房保洁", "区职业培训中心", None, "Cleaning"))
    assert env.svc.matches_for_seeker(admin, sid)[0].total == pytest.approx(63.0), "not yet"
    (course,) = env.svc.seeker(admin, sid).training
    env.svc.complete_training(admin, course.id, date(2026, 11, 1))
    assert env.svc.matches_for_seeker(admin, sid)[0].total == pytest.approx(88.0)


def test_a_referral_to_a_posting_not_open_is_refused(env: Env) -> None:
    admin = env.who("admin")
    pid = env.posting(env.employer())
    sid = env.seeker(env.wang)
    for status in (PostingStatus.FILLED, PostingStatus.CLOSED):
        env.svc.set_posting_status(admin, pid, status)
        with pytest.raises(EmploymentError) as err:
            env.svc.refer(admin, sid, pid)
        assert err.value.code is ErrorCode.POSTING_CLOSED
    with env.world.db.session() as s:
        assert s.scalar(select(func.count(JobReferral.id))) == 0
    assert env.audits(AuditAction.JOB_REFERRED) == []


def test_the_pipeline_to_hired_books_checks_at_three_and_six_months(env: Env) -> None:
    ws = env.who("ws01")
    pid = env.posting(env.employer())
    sid = env.seeker(env.wang, who="ws01")
    ref = env.svc.refer(ws, sid, pid)
    assert (ref.counsellor, ref.stage, ref.seeker) == ("ws01", Stage.REFERRED, "王五")
    env.svc.advance(ws, ref.id, Stage.INTERVIEW, date(2026, 11, 26))
    env.svc.advance(ws, ref.id, Stage.OFFER, date(2026, 11, 28))
    with pytest.raises(EmploymentError) as err:
        env.svc.advance(ws, ref.id, Stage.INTERVIEW, date(2026, 11, 29))
    assert err.value.code is ErrorCode.STAGE_BACKWARDS
    hired = env.svc.advance(ws, ref.id, Stage.HIRED, date(2026, 11, 30))
    assert [s.stage for s in hired.steps] == [
        Stage.REFERRED,
        Stage.INTERVIEW,
        Stage.OFFER,
        Stage.HIRED,
    ]
    assert [s.by for s in hired.steps] == ["ws01"] * 4
    with env.world.db.session() as s:
        due = s.scalars(
            select(JobRetentionCheck.due_on)
            .where(JobRetentionCheck.referral_id == ref.id)
            .order_by(JobRetentionCheck.due_on)
        ).all()
    # 30 Nov + 3 months is clamped to the end of February; + 6 months is 30 May.
    assert due == [date(2027, 2, 28), date(2027, 5, 30)]
    assert env.svc.retention_due(ws, date(2027, 2, 27)) == []
    (first,) = env.svc.retention_due(ws, date(2027, 2, 28))
    assert (first.referral_id, first.hired_on, first.due_on) == (ref.id, date(2026, 11, 30), due[0])
    done = env.svc.record_retention(ws, first.id, True, "仍在岗，适应良好", on=date(2027, 3, 1))
    assert (done.done_on, done.still_employed) == (date(2027, 3, 1), True)
    assert [r.due_on for r in env.svc.retention_due(ws, date(2027, 12, 31))] == [due[1]]
    with pytest.raises(EmploymentError) as err:
        env.svc.advance(ws, ref.id, Stage.REFUSED, date(2027, 3, 2))
    assert err.value.code is ErrorCode.STAGE_FINAL
    # No name, note or skill in any audit row of the service: ids and codes only.
    rows = [(t, d) for _a, act, t, d in env.world.audit() if act in EMPLOYMENT_ACTIONS]
    assert {json.loads(d).get("stage") for _t, d in rows} >= {"interview", "offer", "hired"}
    assert all("王五" not in d and "仍在岗" not in d for _t, d in rows)
    assert len(env.audits(AuditAction.RETENTION_CHECKED)) == 1
    assert env.world.audit_ok()


def test_a_refusal_is_recorded_with_its_side_and_reason(env: Env) -> None:
    admin = env.who("admin")
    ref = env.svc.refer(admin, env.seeker(env.wang), env.posting(env.employer()))
    refused = env.svc.advance(
        admin, ref.id, Stage.REFUSED, date(2026, 11, 26), RefusedBy.SEEKER, SeekerRefusal.HEALTH
    )
    last = refused.steps[-1]
    assert (last.stage, last.refused_by, last.reason) == (Stage.REFUSED, RefusedBy.SEEKER, "health")
    detail = json.loads(env.audits(AuditAction.REFERRAL_STEP)[-1][2])
    assert detail == {"refused_by": "seeker", "stage": "refused"}, "never the reason itself"


def test_a_placement_counts_once_confirmed_and_once_per_seeker_and_posting(env: Env) -> None:
    admin = env.who("admin")
    pid = env.posting(env.employer())
    sid = env.seeker(env.wang)
    env.seeker(env.zhao)
    start, end = date(2026, 11, 1), date(2026, 12, 31)
    ref = env.svc.refer(admin, sid, pid)
    env.svc.advance(admin, ref.id, Stage.HIRED, date(2026, 12, 1))
    figures = env.svc.figures(admin, start, end)
    assert figures.placements == 0, "hired but not yet confirmed by the employer"
    assert dict(figures.referrals_by_stage)[Stage.HIRED] == 1
    env.svc.confirm_placement(admin, ref.id, date(2026, 12, 5))
    with pytest.raises(EmploymentError) as err:
        env.svc.confirm_placement(admin, ref.id, date(2026, 12, 6))
    assert err.value.code is ErrorCode.ALREADY_CONFIRMED
    again = env.svc.refer(admin, sid, pid)
    assert again.id == ref.id, "the same seeker and posting: the same referral"
    assert again.placement
    figures = env.svc.figures(admin, start, end)
    assert (figures.placements, figures.target) == (1, PLACEMENT_TARGET)
    assert figures.placements_to_go == PLACEMENT_TARGET - 1
    assert dict(figures.referrals_by_stage) == {
        Stage.REFERRED: 0,
        Stage.INTERVIEW: 0,
        Stage.OFFER: 0,
        Stage.HIRED: 1,
        Stage.REFUSED: 0,
    }
    assert (figures.open_postings, figures.seekers, figures.seekers_consenting) == (1, 2, 1)
    assert env.svc.figures(admin, date(2027, 1, 1), date(2027, 1, 31)).placements == 0
    with env.world.db.session() as s:
        assert s.scalar(select(func.count(JobReferral.id))) == 1
    assert len(env.audits(AuditAction.JOB_REFERRED)) == 1
    assert len(env.audits(AuditAction.PLACEMENT_CONFIRMED)) == 1


def test_a_station_keeps_to_its_community(env: Env) -> None:
    admin, ws = env.who("admin"), env.who("ws01")
    pid = env.posting(env.employer(community=None))  # the street's: every station sees it
    theirs = env.seeker(env.sun)  # 孙七, C02
    ours = env.seeker(env.wang, who="ws01")
    with pytest.raises(PermissionDenied):
        env.svc.save_seeker(ws, Seeker(env.sun, LAT, LON))
    with pytest.raises(PermissionDenied):
        env.svc.matches_for_seeker(ws, theirs)
    with pytest.raises(PermissionDenied):
        env.svc.refer(ws, theirs, pid)
    with pytest.raises(PermissionDenied):
        env.svc.seeker(ws, theirs)
    street = EmployerDraft(code17("91120104MA05KJ8N2"), "街道企业", EmployerStatus.VERIFIED, 5, 0)
    with pytest.raises(PermissionDenied):
        env.svc.save_employer(ws, street)  # no community: the street's, not a station's
    assert [r.id for r in env.svc.seekers(ws)] == [ours]
    assert {r.id for r in env.svc.seekers(admin)} == {ours, theirs}
    assert [m.seeker_id for m in env.svc.matches_for_posting(ws, pid)] == [ours]
    assert {m.seeker_id for m in env.svc.matches_for_posting(admin, pid)} == {ours, theirs}
    denied = [t for a, t, _d in env.audits(AuditAction.PERMISSION_DENIED) if a == "ws01"]
    assert len(denied) == 5
    with pytest.raises(PermissionDenied):
        env.svc.employers(env.who("operator"))


def test_residents_are_found_for_registration_in_scope_only(env: Env) -> None:
    ws01 = env.who("ws01")  # a C01 station, which may read its residents' names
    found = env.svc.find_residents(ws01, "王五")
    assert [(r.id, r.name, r.community) for r in found] == [(env.wang, "王五", "C01")]
    assert env.svc.find_residents(ws01, str(env.zhao))[0].id == env.zhao
    assert env.svc.find_residents(ws01, "孙七") == [], "C02's residents are not the station's"
    assert env.svc.find_residents(ws01, "   ") == []
    assert {r.id for r in env.svc.find_residents(env.who("admin"), "一号楼")} >= {
        env.wang,
        env.zhao,
        env.sun,
    }
    with pytest.raises(PermissionDenied):
        env.svc.find_residents(env.who("operator"), "王五")
