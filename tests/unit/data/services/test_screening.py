"""ScreeningService and migration 0033 on SQLite and PostgreSQL: consent first, partial kept
unscored, a double save is one screening, the item-9 rule raises exactly one restricted risk
incident, answers encrypted at rest, results only for the counselling role (audited), licensed
instruments only with a licence and in versions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from core.audit import AuditAction
from core.consent import ConsentMethod, ConsentMissing, ConsentPurpose
from core.model import IncidentSource, RoleName
from core.permissions import PermissionDenied, Principal
from core.screening import (
    GDS15,
    PHQ2_INSTRUMENT,
    PHQ9,
    PHQ9_INSTRUMENT,
    InvalidAnswer,
    Licence,
    LicenceMissing,
    LicenceRecord,
    ScreeningError,
    instrument_to_json,
)
from core.screening_pathway import ScreeningMode
from core.screening_views import (
    Answers,
    AppointmentStatus,
    ContactKind,
    ReferralStatus,
    ReferralTo,
    ScreeningStatus,
)
from data.context import ServiceContext
from data.db import Database
from data.fieldcrypt import ensure_field_keys
from data.models import Community, CounsellingContact, Incident, Resident, Screening
from data.services.counselling import ContactDraft, CounsellingService
from data.services.screening import ScreeningService
from tests.helpers.postgres import as_owner
from tests.unit.data.worlds import PW, World, services_on, small_world


@dataclass
class Env:
    world: World
    svc: ScreeningService
    resident: int  # 王五, C01, born 1950, consent given, an emergency contact
    no_consent: int  # 赵六, C01, no screening consent

    def who(self, name: str) -> Principal:
        return self.world.who(name)

    def answers(
        self, uuid: str, instrument: str, given: dict[int, str], *, resident: int | None = None
    ) -> Answers:
        return Answers(
            uuid, "sit-1", resident or self.resident, instrument, ScreeningMode.STATION, given
        )

    def audits(self, action: AuditAction) -> list[tuple[str, str, str]]:
        return [(a, t, d) for a, act, t, d in self.world.audit() if act == action]


@pytest.fixture
def env(db: Database, tmp_path: Path) -> Env:
    world = small_world(db)
    now = world.clock.now
    keys = tmp_path / "keys"
    ensure_field_keys(keys)
    with as_owner(db) as owner:
        accounts = services_on(owner, world.clock).accounts
        for name, role in (("counsellor", RoleName.COUNSELLOR), ("sup", RoleName.SUPERVISOR)):
            accounts.create_user(None, username=name, display_name=name, role=role, password=PW)
        with owner.session() as s:
            c01 = s.scalars(select(Community.id).where(Community.code == "C01")).one()
            ids = []
            for name, contact in (("王五", "13900000000"), ("赵六", "")):
                r = Resident(
                    community_id=c01,
                    name=name,
                    gender="F",
                    birth_year=1950,
                    birth_date_enc="",
                    id_number_enc="",
                    id_number_mask="",
                    name_mask=name[0] + "*",
                    phone_mask="",
                    address_mask="",
                    address="一号楼",
                    emergency_contact_name="王小五" if contact else "",
                    emergency_contact_phone=contact,
                    emergency_contact_relation="儿子" if contact else "",
                    created_at=now,
                    updated_at=now,
                )
                s.add(r)
                s.flush()
                ids.append(r.id)
    world.principals["counsellor"] = world.svc.signin.principal("counsellor")
    world.principals["sup"] = world.svc.signin.principal("sup")
    world.svc.consent.record(
        world.who("admin"),
        ids[0],
        ConsentPurpose.SCREENING,
        ConsentMethod.WRITTEN,
        date(2026, 1, 1),
        today=date(2026, 1, 2),
    )
    ctx = ServiceContext(db, workstation="CC", clock=world.clock, keys=keys)
    return Env(world, ScreeningService(ctx), ids[0], ids[1])


PHQ2 = PHQ2_INSTRUMENT.key
PHQ9_KEY = PHQ9_INSTRUMENT.key


def test_no_consent_no_screening_and_the_refusal_is_audited(env: Env) -> None:
    plan = env.svc.plan(env.who("ws01"), env.no_consent)
    assert plan.consent_missing
    assert plan.instruments == ()
    with pytest.raises(ConsentMissing):
        env.svc.save(env.who("ws01"), env.answers("u1", PHQ2, {1: "0"}, resident=env.no_consent))
    with env.world.db.session() as s:
        assert s.scalar(select(Screening.id)) is None
    assert env.audits(AuditAction.CONSENT_MISSING)[-1][1] == f"resident:{env.no_consent}"


def test_plan_starts_with_the_short_forms_and_gds_from_sixty(env: Env) -> None:
    plan = env.svc.plan(env.who("ws01"), env.resident)
    assert not plan.consent_missing
    # Born 1950 (the year only, without keys on this row): 76, and no GDS-15 yet.
    assert plan.instruments == ("PHQ-2", "GAD-2", GDS15)
    assert plan.emergency_contact


def test_partial_is_kept_unscored_then_completed_with_its_follow_up(env: Env) -> None:
    ws = env.who("ws01")
    first = env.svc.save(ws, env.answers("u1", PHQ2, {1: "2"}))
    assert first.status == ScreeningStatus.PARTIAL
    assert first.result is None
    assert first.missing == (2,)
    done = env.svc.save(ws, env.answers("u1", PHQ2, {1: "2", 2: "1"}))
    assert done.status == ScreeningStatus.COMPLETE
    assert done.screening_id == first.screening_id
    assert done.result is not None
    assert done.result.total == 3
    assert done.result.positive
    assert done.follow_ups == (PHQ9,), "a positive PHQ-2 (≥ 3) is followed by the PHQ-9"
    with env.world.db.session() as s:
        rows = s.scalars(select(Screening)).all()
    assert len(rows) == 1
    assert rows[0].total == 3
    assert rows[0].band == "positive"


def test_a_screening_entered_twice_is_one(env: Env) -> None:
    ws = env.who("ws01")
    given = {1: "0", 2: "1"}
    a = env.svc.save(ws, env.answers("u1", PHQ2, given))
    b = env.svc.save(ws, env.answers("u1", PHQ2, given))
    assert a.screening_id == b.screening_id
    assert b.repeated
    with pytest.raises(ScreeningError) as err:
        env.svc.save(ws, env.answers("u1", PHQ2, {1: "3", 2: "3"}))
    assert err.value.code == "complete"
    with env.world.db.session() as s:
        assert len(s.scalars(select(Screening)).all()) == 1


def test_answers_are_checked_and_encrypted_at_rest(env: Env) -> None:
    with pytest.raises(InvalidAnswer):
        env.svc.save(env.who("ws01"), env.answers("u1", PHQ2, {1: "7"}))
    env.svc.save(env.who("ws01"), env.answers("u2", PHQ2, {1: "3", 2: "2"}))
    with env.world.db.session() as s:
        stored = s.scalars(select(Screening.answers_enc)).one()
    assert '"1"' not in stored
    assert "3" not in stored.partition(":")[0]
    assert json.dumps({"1": "3", "2": "2"}, sort_keys=True) not in stored


def _item9(env: Env, uuid: str, upto: int, item9: str = "1") -> dict[int, str]:
    given = {n: "0" for n in range(1, upto + 1)}
    if upto >= 9:
        given[9] = item9
    return given


def test_item_9_raises_exactly_one_restricted_risk_incident(env: Env) -> None:
    ws = env.who("ws01")
    partial = env.svc.save(ws, env.answers("u9", PHQ9_KEY, _item9(env, "u9", 9)))
    assert partial.status == ScreeningStatus.COMPLETE
    assert partial.incident_id is not None
    script = partial.script
    assert script is not None
    numbers = [c.number for c in script.contacts]
    assert numbers == ["12356", "120", "13900000000"]
    again = env.svc.save(ws, env.answers("u9", PHQ9_KEY, _item9(env, "u9", 9)))
    assert again.incident_id == partial.incident_id
    with env.world.db.session() as s:
        incidents = s.scalars(select(Incident)).all()
    assert len(incidents) == 1
    inc = incidents[0]
    assert (inc.priority, inc.source, inc.restricted) == (1, IncidentSource.SCREENING, "risk")
    assert "王五" not in inc.title, "no name in the title"
    queue = env.world.svc.incidents
    assert [r.id for r in queue.open_incidents(env.who("sup"))] == [inc.id]
    assert [r.id for r in queue.open_incidents(env.who("counsellor"))] == [inc.id]
    assert [r.id for r in queue.open_incidents(env.who("ws01"))] == [inc.id]
    assert queue.open_incidents(env.who("operator")) == [], "the operator does not see it"
    with pytest.raises(LookupError):
        queue.incident_detail(env.who("operator"), inc.id)
    assert queue.incident_detail(env.who("counsellor"), inc.id).row.id == inc.id
    assert len(env.audits(AuditAction.SCREENING_RISK_RAISED)) == 1


def test_the_risk_answer_alerts_before_the_form_is_finished(env: Env) -> None:
    given = {9: "2"}  # item 9 answered first (a read-aloud kiosk may skip ahead)
    saved = env.svc.save(env.who("ws01"), env.answers("u9", PHQ9_KEY, given))
    assert saved.status == ScreeningStatus.PARTIAL
    assert saved.result is None
    assert saved.incident_id is not None
    assert saved.script is not None


def test_results_are_for_the_counselling_role_and_every_read_is_audited(env: Env) -> None:
    env.svc.save(env.who("ws01"), env.answers("u1", PHQ2, {1: "0", 2: "0"}))
    for name in ("operator", "ws01", "sup"):
        with pytest.raises(PermissionDenied):
            env.svc.results(env.who(name), env.resident)
    rows = env.svc.results(env.who("counsellor"), env.resident)
    assert [(r.instrument, r.total, r.max_total) for r in rows] == [(PHQ2, 0, 6)]
    assert env.audits(AuditAction.SCREENING_RESULTS_READ)[-1][:2] == (
        "counsellor",
        f"resident:{env.resident}",
    )


def test_a_moderate_phq9_is_due_again_in_four_weeks(env: Env) -> None:
    given = {n: "1" for n in range(1, 10)}
    given[9] = "0"
    given[1] = given[2] = "2"  # 2+2+1×6 = 10: moderate (10–14)
    saved = env.svc.save(env.who("ws01"), env.answers("u1", PHQ9_KEY, given))
    assert saved.result is not None
    assert saved.result.band.key == "moderate"
    taken = saved.rescreen
    assert taken is not None
    assert taken.instrument == PHQ9
    counsellor = env.who("counsellor")
    assert env.svc.due(counsellor, taken.due_on - timedelta(days=1)) == []
    due = env.svc.due(counsellor, taken.due_on)
    assert [(d.resident_id, d.instrument, d.last_total) for d in due] == [(env.resident, PHQ9, 10)]


def _ad8() -> str:
    yes_no = (("yes", 1, "是", "Yes"), ("no", 0, "否", "No"))
    doc = json.loads(instrument_to_json(PHQ2_INSTRUMENT))
    doc.update(
        code="AD8",
        version=1,
        name_zh="AD8 痴呆筛查量表",
        name_en="AD8",
        licence=Licence.PERMISSION_REQUIRED.value,
        positive_at=2,
        bands=[["negative", 0, 1, "阴性", "Negative"], ["positive", 2, 8, "阳性", "Positive"]],
        items=[
            {
                "number": n,
                "zh": f"第{n}题",
                "en": f"Item {n}",
                "scored": True,
                "risk_at": None,
                "options": [list(o) for o in yes_no],
            }
            for n in range(1, 9)
        ],
    )
    return json.dumps(doc, ensure_ascii=False)


def test_licensed_instruments_need_a_licence_and_keep_their_versions(env: Env) -> None:
    admin = env.who("admin")
    with pytest.raises(LicenceMissing):
        env.svc.register(admin, _ad8(), None)
    with pytest.raises(PermissionDenied):
        env.svc.register(env.who("counsellor"), _ad8(), None)
    granted = LicenceRecord("街道办", "WU-2026-17", date(2025, 1, 1), date(2027, 1, 1))
    assert env.svc.register(admin, _ad8(), granted) == "AD8@1"
    first = env.svc.save(
        env.who("ws01"), env.answers("a1", "AD8@1", {n: "no" for n in range(1, 9)})
    )
    assert first.result is not None
    assert first.result.total == 0
    assert env.svc.register(admin, _ad8(), granted) == "AD8@2", "an edit is a new version"
    rows = env.svc.results(env.who("counsellor"), env.resident)
    assert [r.instrument for r in rows] == ["AD8@1"], "old answers keep their version"
    assert [(r.code, r.version, r.usable) for r in env.svc.licences(admin)] == [
        ("AD8", 2, True),
        ("AD8", 1, True),
    ]


def test_a_lapsed_licence_stops_new_screenings(env: Env) -> None:
    admin = env.who("admin")
    today = env.world.clock.now.date()
    granted = LicenceRecord("街道办", "WU-1", today - timedelta(days=30), today)
    env.svc.register(admin, _ad8(), granted)
    env.world.clock.advance(timedelta(days=2))
    with pytest.raises(LicenceMissing):
        env.svc.save(env.who("ws01"), env.answers("a1", "AD8@1", {1: "no"}))


# --- counselling, legal advice and referrals --------------------------------------------------


def _counselling(env: Env) -> CounsellingService:
    return CounsellingService(env.svc.ctx)


def test_an_operator_and_a_supervisor_cannot_read_counselling_notes(env: Env) -> None:
    c = _counselling(env)
    at = env.world.clock.now
    cid = c.record_contact(
        env.who("counsellor"),
        ContactDraft(
            "c1", ContactKind.COUNSELLING, at, 50, "邻里纠纷", "note: 失眠两周", env.resident
        ),
    )
    for name in ("operator", "sup", "ws01"):
        with pytest.raises(PermissionDenied):
            c.note(env.who(name), cid)
        with pytest.raises(PermissionDenied):
            c.record(env.who(name), env.resident)
    assert c.note(env.who("counsellor"), cid) == "note: 失眠两周"
    with env.world.db.session() as s:
        stored = s.scalars(select(CounsellingContact.note_enc)).one()
    assert "失眠" not in stored, "encrypted at rest"
    contacts, _refs = c.record(env.who("counsellor"), env.resident)
    assert [(x.id, x.has_note, x.topic) for x in contacts] == [(cid, True, "邻里纠纷")]
    reads = env.audits(AuditAction.COUNSELLING_NOTE_READ)
    assert [(a, t) for a, t, _d in reads] == [
        ("counsellor", f"contact:{cid}"),
        ("counsellor", f"resident:{env.resident}"),
    ]


def test_a_contact_submitted_twice_is_one_and_closes_its_appointment(env: Env) -> None:
    c, who = _counselling(env), env.who("counsellor")
    at = env.world.clock.now + timedelta(days=1)
    appt = c.book(who, env.resident, ContactKind.LEGAL, at, 45, "街道法律援助工作站")
    draft = ContactDraft(
        "c2",
        ContactKind.LEGAL,
        at,
        45,
        "房屋漏水纠纷",
        resident_id=env.resident,
        appointment_id=appt,
    )
    assert c.record_contact(who, draft) == c.record_contact(who, draft)
    rows = c.appointments(who, at - timedelta(hours=1), at + timedelta(hours=1))
    assert [(r.id, r.status, r.kind) for r in rows] == [(appt, "done", ContactKind.LEGAL)]
    with pytest.raises(ScreeningError):
        c.set_appointment(who, appt, AppointmentStatus.MISSED)


def test_a_referral_moves_from_pending_to_its_outcome_once(env: Env) -> None:
    c, who = _counselling(env), env.who("counsellor")
    rid = c.refer(who, env.resident, ReferralTo.PSYCHIATRY, "区精神卫生中心", "PHQ-9 重度，需评估")
    c.referral_outcome(who, rid, ReferralStatus.COMPLETED, "已就诊，开始治疗")
    assert c.referral_text(who, rid) == ("PHQ-9 重度，需评估", "已就诊，开始治疗")
    with pytest.raises(ScreeningError):
        c.referral_outcome(who, rid, ReferralStatus.DECLINED, "")
    _c, refs = c.record(who, env.resident)
    assert [(r.id, r.status) for r in refs] == [(rid, ReferralStatus.COMPLETED)]


def test_figures_count_people_once_keep_self_and_assisted_apart_and_suppress_small_cells(
    env: Env,
) -> None:
    ws, c = env.who("ws01"), _counselling(env)
    env.svc.save(ws, env.answers("f1", PHQ2, {1: "2", 2: "2"}))
    env.svc.save(ws, env.answers("f2", PHQ2, {1: "0", 2: "0"}))  # the same person again
    c.record_contact(
        env.who("counsellor"),
        ContactDraft(
            "e1",
            ContactKind.EDUCATION,
            env.world.clock.now,
            60,
            "睡眠讲座",
            community="C01",
            attendees=30,
        ),
    )
    c.refer(env.who("counsellor"), env.resident, ReferralTo.LEGAL_AID, "法律援助站", "邻里纠纷")
    today = env.world.clock.now.date()
    with pytest.raises(PermissionDenied):
        env.svc.figures(env.who("operator"), today, today + timedelta(days=1))
    f = env.svc.figures(env.who("sup"), today - timedelta(days=1), today + timedelta(days=2))
    assert f.residents_screened == 1, "one person, twice screened"
    assert f.screened_assisted is None, "1 person: below the small-cell threshold"
    assert f.screened_self == 0
    assert f.contacts == 30, "an education session counts its attendees"
    assert (f.referrals, f.referrals_completed) == (1, 0)
