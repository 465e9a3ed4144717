"""HoursService and migration 0031 on SQLite and PostgreSQL: check-in and check-out by signed
codes, replayed and forged codes refused and audited, overlapping hours refused, confirmation,
the team leader's approval, corrections with their trail, masking."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from core.audit import AuditAction
from core.checkin_qr import checkin_key, make_code
from core.model import RoleName
from core.permissions import PermissionDenied, Principal
from core.volunteer_hours import AttendanceStatus, CheckinRefused, HoursError
from data.db import Database
from data.fieldcrypt import ensure_field_keys, load_field_keys
from data.models import (
    Community,
    Department,
    Resident,
    Volunteer,
    VolunteerAttendance,
    VolunteerCheckinUse,
    VolunteerShift,
    VolunteerSignup,
    VolunteerTask,
    VolunteerTeam,
    VolunteerTeamMember,
)
from data.services.volunteer_hours import HoursService
from tests.helpers.postgres import as_owner
from tests.unit.data.worlds import PW, World, services_on, small_world


def volunteer_row(community_id: int, name: str, now: datetime) -> Volunteer:
    """An active volunteer's row as the Volunteers pane registers one (identity not needed)."""
    return Volunteer(
        community_id=community_id,
        name=name,
        name_mask=name[0] + "*",
        phone="13800000000",
        phone_mask="138****0000",
        gender="M",
        birth_year=1990,
        birth_date_enc="",
        id_number_enc="",
        id_number_mask="",
        skills="",
        insurance_policy="",
        availability=0,
        active=True,
        joined_on=date(2026, 1, 1),
        created_at=now,
        updated_at=now,
    )


@dataclass
class Hours:
    """A small world with volunteers, a team led by `leader`, a resident and a task."""

    env: World
    svc: HoursService
    vol: int  # 张三, C01, in the team
    other: int  # 李四, C01, in no team
    resident: int
    task: int

    def who(self, name: str) -> Principal:
        return self.env.who(name)

    def station(self, community: str = "C01") -> str:
        return self.svc.station_code(self.who("admin"), community)[0]

    def refusals(self) -> list[dict[str, str]]:
        return [
            json.loads(detail)
            for _, action, _, detail in self.env.audit()
            if action == AuditAction.CHECKIN_REFUSED
        ]


@pytest.fixture
def hours(db: Database, tmp_path: Path) -> Hours:
    env = small_world(db)
    now = env.clock.now
    with as_owner(db) as owner:
        with owner.session() as s:
            s.add(Department(code="D01", name="民政科", kind="civil"))
        accounts = services_on(owner, env.clock).accounts
        for name, role in (("leader", RoleName.SUPERVISOR), ("deputy", RoleName.SUPERVISOR)):
            accounts.create_user(
                None, username=name, display_name=name, role=role, password=PW, communities=["C01"]
            )
        accounts.create_user(
            None,
            username="dept",
            display_name="民政科",
            role=RoleName.DEPARTMENT,
            password=PW,
            department="D01",
        )
        with owner.session() as s:
            c01 = s.scalars(select(Community.id).where(Community.code == "C01")).one()
            leader_id = env.svc.signin.principal("leader").user_id
            vols = []
            for name in ("张三", "李四"):
                v = volunteer_row(c01, name, now)
                s.add(v)
                vols.append(v)
            r = Resident(
                community_id=c01,
                name="王五",
                gender="F",
                birth_year=1940,
                birth_date_enc="",
                id_number_enc="",
                id_number_mask="",
                name_mask="王*",
                phone_mask="",
                address_mask="",
                address="",
                created_at=now,
                updated_at=now,
            )
            s.add(r)
            s.flush()
            team = VolunteerTeam(
                name="一队", community_id=c01, leader_user_id=leader_id, created_at=now
            )
            s.add(team)
            s.flush()
            s.add(
                VolunteerTeamMember(
                    team_id=team.id, volunteer_id=vols[0].id, joined_on=date(2026, 1, 1)
                )
            )
            task = VolunteerTask(
                community_id=c01,
                kind="visit",
                resident_id=r.id,
                status="assigned",
                volunteer_id=vols[0].id,
                title="探访",
                note="",
                created_at=now,
            )
            s.add(task)
            s.flush()
            ids = (vols[0].id, vols[1].id, r.id, task.id)
    for name in ("leader", "deputy", "dept"):
        env.principals[name] = env.svc.signin.principal(name)
    keys = tmp_path / "keys"
    ensure_field_keys(keys)
    env.ctx.keys = keys
    return Hours(env, env.svc.hours, *ids)


def test_the_key_comes_from_the_sites_key_folder(hours: Hours) -> None:
    assert hours.env.ctx.keys is not None
    assert hours.svc.key() == checkin_key(load_field_keys(hours.env.ctx.keys).index_key)


def test_check_in_and_out_at_a_station_records_minutes_without_travel(hours: Hours) -> None:
    ws = hours.who("ws01")
    aid = hours.svc.check_in(ws, hours.station(), hours.vol, travel_minutes=10, content="值守")
    hours.env.clock.advance(timedelta(minutes=70, seconds=30))
    assert hours.svc.check_out(ws, hours.station(), hours.vol) == 60
    (row,) = hours.svc.attendance(hours.who("admin"))
    assert (row.id, row.status, row.minutes, row.travel_minutes) == (
        aid,
        AttendanceStatus.RECORDED,
        60,
        10,
    )
    assert (row.place, row.content, row.volunteer, row.needs_confirmation) == (
        "station:C01",
        "值守",
        "张三",
        False,
    )
    actions = [a for _, a, _, _ in hours.env.audit()]
    assert AuditAction.VOLUNTEER_CHECKED_IN in actions
    assert AuditAction.VOLUNTEER_CHECKED_OUT in actions
    assert ("volunteer_attendance", aid, "insert") in hours.env.changes()


def test_a_replayed_code_is_refused_and_audited(hours: Hours) -> None:
    ws = hours.who("ws01")
    code = hours.station()
    hours.svc.check_in(ws, code, hours.vol)
    hours.env.clock.advance(timedelta(seconds=30))
    hours.svc.check_out(ws, hours.station(), hours.vol, allow_no_service=True)
    hours.env.clock.advance(timedelta(seconds=30))
    with pytest.raises(CheckinRefused) as err:
        hours.svc.check_in(ws, code, hours.vol)  # same volunteer, same code, still unexpired
    assert err.value.reason == "replayed"
    assert hours.refusals() == [{"reason": "replayed", "direction": "in", "place": "station:C01"}]
    # The station's screen serves several volunteers: another volunteer may use it.
    hours.svc.check_in(ws, code, hours.other)
    with hours.env.db.session() as s:
        uses = s.scalars(select(VolunteerCheckinUse.volunteer_id).order_by(VolunteerCheckinUse.id))
        assert list(uses) == [hours.vol, hours.vol, hours.other]


def test_forged_expired_and_malformed_codes_are_refused_and_audited(hours: Hours) -> None:
    ws = hours.who("ws01")
    now = hours.env.clock.now
    forged = make_code(checkin_key(b"x" * 32), "station:C01", now, 120)
    expired = hours.station()
    hours.env.clock.advance(timedelta(seconds=121))
    for text, why in ((forged, "forged"), (expired, "expired"), ("hello", "malformed")):
        with pytest.raises(CheckinRefused) as err:
            hours.svc.check_in(ws, text, hours.vol)
        assert err.value.reason == why
    assert [r["reason"] for r in hours.refusals()] == ["forged", "expired", "malformed"]
    assert all(
        f"volunteer:{hours.vol}" == t for _, a, t, _ in hours.env.audit() if a == "checkin_refused"
    )
    assert hours.svc.attendance(hours.who("admin")) == []
    assert hours.env.audit_ok()


def test_another_communitys_station_code_is_refused_at_this_station(hours: Hours) -> None:
    with pytest.raises(PermissionDenied):
        hours.svc.check_in(hours.who("ws01"), hours.station("C02"), hours.vol)
    assert hours.svc.attendance(hours.who("admin")) == []


def test_overlapping_hours_of_one_volunteer_are_refused(hours: Hours) -> None:
    ws = hours.who("ws01")
    first = hours.svc.check_in(ws, hours.station(), hours.vol)
    with pytest.raises(CheckinRefused) as err:  # still checked in at the station
        hours.svc.check_in(ws, hours.station(), hours.vol)
    assert err.value.reason == "overlap"
    hours.env.clock.advance(timedelta(hours=1))
    hours.svc.check_out(ws, hours.station(), hours.vol)
    hours.env.clock.advance(timedelta(hours=1))
    second = hours.svc.check_in(ws, hours.station(), hours.vol)
    hours.env.clock.advance(timedelta(hours=1))
    hours.svc.check_out(ws, hours.station(), hours.vol)
    admin = hours.who("admin")
    # A correction that would make the second attendance overlap the first is refused too.
    start = hours.env.clock.now - timedelta(hours=3, minutes=30)
    with pytest.raises(HoursError, match=f"overlap attendance {first}"):
        hours.svc.correct(admin, second, "wrong start", checkin_at=start)
    assert [r["reason"] for r in hours.refusals()] == ["overlap"]


def test_check_out_needs_an_open_attendance_and_a_code_of_its_place(hours: Hours) -> None:
    ws = hours.who("ws01")
    with pytest.raises(CheckinRefused) as err:
        hours.svc.check_out(ws, hours.station(), hours.vol)
    assert err.value.reason == "not_checked_in"
    now = hours.env.clock.now
    door = hours.svc.door_code(ws, hours.resident, now, now + timedelta(hours=2))
    hours.svc.check_in(ws, door, hours.vol, task_id=hours.task)
    with pytest.raises(CheckinRefused) as err:
        hours.svc.check_out(ws, hours.station(), hours.vol)
    assert err.value.reason == "place"
    hours.env.clock.advance(timedelta(minutes=45))
    assert hours.svc.check_out(ws, door, hours.vol, travel_minutes=5) == 40
    with pytest.raises(CheckinRefused) as err:
        hours.svc.check_out(ws, door, hours.vol)
    assert err.value.reason == "not_checked_in"


def test_a_visit_card_is_refused_before_its_window(hours: Hours) -> None:
    ws = hours.who("ws01")
    start = hours.env.clock.now + timedelta(hours=3)
    card = hours.svc.door_code(ws, hours.resident, start, start + timedelta(hours=2))
    with pytest.raises(CheckinRefused) as err:
        hours.svc.check_in(ws, card, hours.vol)
    assert err.value.reason == "early"
    hours.env.clock.advance(timedelta(hours=3, minutes=10))
    hours.svc.check_in(ws, card, hours.vol)


def _visit(hours: Hours, minutes: int = 50) -> int:
    ws = hours.who("ws01")
    now = hours.env.clock.now
    door = hours.svc.door_code(ws, hours.resident, now, now + timedelta(hours=2))
    aid = hours.svc.check_in(ws, door, hours.vol, task_id=hours.task, content="陪聊、量血压")
    hours.env.clock.advance(timedelta(minutes=minutes))
    hours.svc.check_out(ws, door, hours.vol)
    return aid


def test_a_visit_needs_the_residents_confirmation_then_the_leaders_approval(hours: Hours) -> None:
    aid = _visit(hours)
    leader = hours.who("leader")
    with pytest.raises(HoursError, match="not confirmed"):
        hours.svc.approve(leader, aid)
    hours.svc.confirm(hours.who("ws01"), aid, "door")
    with pytest.raises(PermissionDenied):  # APPROVE_HOURS in C01, but leads no team of his
        hours.svc.approve(hours.who("deputy"), aid)
    with pytest.raises(PermissionDenied):  # a station records hours, it does not approve them
        hours.svc.approve(hours.who("ws01"), aid)
    hours.svc.approve(leader, aid)
    (row,) = hours.svc.attendance(leader, statuses=[AttendanceStatus.APPROVED])
    assert (row.status, row.approved_by, row.confirmed_via, row.minutes) == (
        AttendanceStatus.APPROVED,
        "leader",
        "door",
        50,
    )
    with pytest.raises(HoursError, match="cannot be approved"):
        hours.svc.approve(leader, aid)


def test_a_department_approves_only_as_a_team_leader_an_admin_anywhere(hours: Hours) -> None:
    ws = hours.who("ws01")
    hours.svc.check_in(ws, hours.station(), hours.other)
    hours.env.clock.advance(timedelta(minutes=30))
    hours.svc.check_out(ws, hours.station(), hours.other)
    (row,) = hours.svc.attendance(hours.who("admin"))
    with pytest.raises(PermissionDenied):  # 李四 is in no team: no C01 leader can approve
        hours.svc.approve(hours.who("leader"), row.id)
    # A department is street-wide but approves no hours of a team it does not lead.
    with pytest.raises(PermissionDenied):
        hours.svc.approve(hours.who("dept"), row.id)
    with pytest.raises(PermissionDenied):
        hours.svc.reject(hours.who("dept"), row.id, "不认识")
    hours.svc.approve(hours.who("admin"), row.id)
    # The department sees the hours, names masked (no VIEW_RESIDENT_PII).
    (seen,) = hours.svc.attendance(hours.who("dept"))
    assert (seen.status, seen.volunteer) == (AttendanceStatus.APPROVED, "李*")


def test_a_department_leading_the_volunteers_team_approves(hours: Hours) -> None:
    dept = hours.who("dept")
    with as_owner(hours.env.db) as owner, owner.session() as s:
        team = s.scalars(select(VolunteerTeam)).one()
        team.leader_user_id = dept.user_id
    ws = hours.who("ws01")
    aid = hours.svc.check_in(ws, hours.station(), hours.vol)
    hours.env.clock.advance(timedelta(minutes=30))
    hours.svc.check_out(ws, hours.station(), hours.vol)
    hours.svc.approve(dept, aid)
    (row,) = hours.svc.attendance(dept)
    assert (row.status, row.approved_by) == (AttendanceStatus.APPROVED, "dept")


def test_who_recorded_confirmed_or_corrected_hours_does_not_approve_them(hours: Hours) -> None:
    admin = hours.who("admin")
    now = hours.env.clock.now
    door = hours.svc.door_code(admin, hours.resident, now, now + timedelta(hours=12))
    aid = hours.svc.check_in(admin, door, hours.vol, task_id=hours.task)
    hours.env.clock.advance(timedelta(hours=2))
    hours.svc.check_out(admin, door, hours.vol)
    with pytest.raises(HoursError, match="checked the volunteer in"):
        hours.svc.approve(admin, aid)
    hours.svc.confirm(hours.who("leader"), aid, "phone")
    with pytest.raises(HoursError, match="confirmed these hours"):
        hours.svc.approve(hours.who("leader"), aid)
    with pytest.raises(HoursError, match="confirmed these hours"):
        hours.svc.reject(hours.who("leader"), aid, "不实")
    hours.env.clock.advance(timedelta(minutes=5))
    hours.svc.correct(hours.who("leader"), aid, "步行十分钟", travel_minutes=10)
    hours.svc.confirm(hours.who("ws01"), aid, "phone")
    with pytest.raises(HoursError, match="corrected these hours"):
        hours.svc.approve(hours.who("leader"), aid)
    # An account with no hand in these hours (a street-wide admin other than the recorder).
    with as_owner(hours.env.db) as owner:
        services_on(owner, hours.env.clock).accounts.create_user(
            None, username="admin2", display_name="a2", role=RoleName.ADMIN, password=PW
        )
    hours.env.principals["admin2"] = hours.env.svc.signin.principal("admin2")
    hours.svc.approve(hours.who("admin2"), aid)
    (row,) = hours.svc.attendance(admin)
    assert (row.status, row.approved_by) == (AttendanceStatus.APPROVED, "admin2")


def test_a_rejection_needs_a_reason(hours: Hours) -> None:
    aid = _visit(hours)
    with pytest.raises(HoursError, match="reason"):
        hours.svc.reject(hours.who("leader"), aid, "  ")
    hours.svc.reject(hours.who("leader"), aid, "未见服务记录")
    (row,) = hours.svc.attendance(hours.who("admin"))
    assert row.status is AttendanceStatus.REJECTED


def test_a_correction_keeps_old_new_reason_who_when_and_asks_again(hours: Hours) -> None:
    aid = _visit(hours, minutes=50)
    hours.svc.confirm(hours.who("ws01"), aid, "phone")
    hours.svc.approve(hours.who("leader"), aid)
    hours.env.clock.advance(timedelta(hours=1))
    ws = hours.who("ws01")
    with pytest.raises(HoursError, match="reason"):
        hours.svc.correct(ws, aid, "", travel_minutes=10)
    with pytest.raises(HoursError, match="nothing to correct"):
        hours.svc.correct(ws, aid, "same", travel_minutes=0)
    assert hours.svc.correct(ws, aid, "步行来回十分钟", travel_minutes=10, content="陪聊") == 40
    (fix1, fix2) = hours.svc.corrections(hours.who("leader"), aid)
    assert {(c.field, c.old_value, c.new_value) for c in (fix1, fix2)} == {
        ("travel_minutes", "0", "10"),
        ("content", "陪聊、量血压", "陪聊"),
    }
    assert (fix1.reason, fix1.corrected_by, fix1.corrected_at) == (
        "步行来回十分钟",
        "ws01",
        hours.env.clock.now,
    )
    (row,) = hours.svc.attendance(hours.who("admin"))
    # What the resident confirmed and the leader approved was the old record: asked again.
    assert (row.status, row.minutes, row.approved_by, row.confirmed_via, row.corrections) == (
        AttendanceStatus.RECORDED,
        40,
        "",
        "",
        2,
    )


def test_a_forgotten_check_out_is_closed_by_a_correction(hours: Hours) -> None:
    ws = hours.who("ws01")
    aid = hours.svc.check_in(ws, hours.station(), hours.vol)
    hours.env.clock.advance(timedelta(hours=20))
    with pytest.raises(CheckinRefused) as err:
        hours.svc.check_out(ws, hours.station(), hours.vol)
    assert err.value.reason == "hours"
    real_end = hours.env.clock.now - timedelta(hours=17)
    assert hours.svc.correct(ws, aid, "忘记签退", checkout_at=real_end) == 180
    with hours.env.db.session() as s:
        att = s.get(VolunteerAttendance, aid)
        assert att is not None
        assert (att.status, att.checkout_at) == ("recorded", real_end)
    with pytest.raises(HoursError, match="future"):
        hours.svc.correct(ws, aid, "typo", checkout_at=hours.env.clock.now + timedelta(hours=1))


def test_reading_needs_volunteer_or_approval_rights(hours: Hours) -> None:
    with pytest.raises(PermissionDenied):
        hours.svc.attendance(hours.who("operator"))
    with pytest.raises(PermissionDenied):
        hours.svc.station_code(hours.who("operator"), "C01")


def test_two_pcs_checking_one_volunteer_in_at_once_record_one_attendance(hours: Hours) -> None:
    ws, admin = hours.who("ws01"), hours.who("admin")
    codes = [hours.station(), hours.station()]
    start = threading.Barrier(2)
    outcome: list[str] = []
    errors: list[BaseException] = []

    def pc(code: str) -> None:
        try:
            start.wait(timeout=10)
            hours.svc.check_in(ws, code, hours.vol)
            outcome.append("in")
        except CheckinRefused as exc:
            outcome.append(exc.reason)
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [
        threading.Thread(target=pc, args=(c,), name=f"checkin-pc-{i}") for i, c in enumerate(codes)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    assert sorted(outcome) in (["in", "overlap"], ["in", "replayed"])
    assert len(hours.svc.attendance(admin, statuses=[AttendanceStatus.OPEN])) == 1


def test_a_visit_card_names_the_resident_and_lives_at_most_twelve_hours(
    hours: Hours,
) -> None:
    now = hours.env.clock.now
    code, community, name = hours.svc.visit_card(
        hours.who("ws01"), hours.resident, now, now + timedelta(hours=2)
    )
    # Always masked, even for a station that sees its residents: a card is left at doors.
    assert (community, name) == ("C01", "王*")
    (made,) = [
        json.loads(d)
        for _, a, target, d in hours.env.audit()
        if a == AuditAction.DATA_EXPORTED and target == f"resident:{hours.resident}"
    ]
    assert made == {
        "what": "visit_card",
        "resident": hours.resident,
        "starts_at": now.isoformat(timespec="seconds"),
        "ends_at": (now + timedelta(hours=2)).isoformat(timespec="seconds"),
    }
    assert all(code not in d for _, _, _, d in hours.env.audit())  # never the code
    assert code.startswith(f"C1.door:{hours.resident}.")
    with pytest.raises(PermissionDenied):  # no right to record volunteers' hours
        hours.svc.visit_card(hours.who("operator"), hours.resident, now, now + timedelta(hours=1))
    with pytest.raises(HoursError, match="12 hours"):
        hours.svc.door_code(hours.who("ws01"), hours.resident, now, now + timedelta(hours=13))
    with pytest.raises(HoursError, match="no resident"):
        hours.svc.door_code(hours.who("ws01"), 999_999, now, now + timedelta(hours=1))


def test_a_station_takes_its_own_codes_and_its_residents_visit_cards(hours: Hours) -> None:
    ws, admin = hours.who("ws01"), hours.who("admin")
    now = hours.env.clock.now
    door = hours.svc.door_code(ws, hours.resident, now, now + timedelta(hours=2))
    for code in (door, hours.station("C01")):
        with pytest.raises(CheckinRefused) as err:  # a C01 code typed at C02's station
            hours.svc.check_in(admin, code, hours.vol, at_place="station:C02")
        assert err.value.reason == "place"
    with pytest.raises(CheckinRefused) as err:
        hours.svc.check_in(admin, hours.station("C02"), hours.vol, at_place="station:C01")
    assert err.value.reason == "place"
    hours.svc.check_in(ws, door, hours.vol, task_id=hours.task, at_place="station:C01")
    hours.env.clock.advance(timedelta(minutes=30))
    with pytest.raises(CheckinRefused) as err:
        hours.svc.check_out(admin, door, hours.vol, at_place="station:C02")
    assert err.value.reason == "place"
    assert hours.svc.check_out(ws, door, hours.vol, at_place="station:C01") == 30
    assert [r["reason"] for r in hours.refusals()] == ["place"] * 4


def test_a_visit_card_attendance_ends_at_the_latest_with_the_cards_window(hours: Hours) -> None:
    ws = hours.who("ws01")
    now = hours.env.clock.now
    morning = hours.svc.door_code(ws, hours.resident, now, now + timedelta(hours=1))
    aid = hours.svc.check_in(ws, morning, hours.vol, task_id=hours.task)
    hours.env.clock.advance(timedelta(hours=5))
    later = hours.env.clock.now
    afternoon = hours.svc.door_code(ws, hours.resident, later, later + timedelta(hours=1))
    # Checked out with another card of the same door hours later: the first window's end.
    assert hours.svc.check_out(ws, afternoon, hours.vol) == 60
    (row,) = hours.svc.attendance(hours.who("admin"))
    assert (row.id, row.checkout_at) == (aid, now + timedelta(hours=1))
    (out,) = [
        json.loads(d) for _, a, _, d in hours.env.audit() if a == AuditAction.VOLUNTEER_CHECKED_OUT
    ]
    assert out["capped"] is True


def test_one_visit_card_checks_in_one_volunteer(hours: Hours) -> None:
    ws = hours.who("ws01")
    now = hours.env.clock.now
    door = hours.svc.door_code(ws, hours.resident, now, now + timedelta(hours=2))
    hours.svc.check_in(ws, door, hours.vol)
    with pytest.raises(CheckinRefused) as err:
        hours.svc.check_in(ws, door, hours.other)
    assert err.value.reason == "card_taken"
    assert [r["reason"] for r in hours.refusals()] == ["card_taken"]


def test_two_pcs_checking_in_with_two_codes_at_once_audit_an_overlap(hours: Hours) -> None:
    ws = hours.who("ws01")
    codes = [hours.station(), hours.station()]
    start = threading.Barrier(2)
    reasons: list[str] = []
    errors: list[BaseException] = []

    def pc(code: str) -> None:
        try:
            start.wait(timeout=10)
            hours.svc.check_in(ws, code, hours.vol)
        except CheckinRefused as exc:
            reasons.append(exc.reason)
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [
        threading.Thread(target=pc, args=(c,), name=f"overlap-pc-{i}") for i, c in enumerate(codes)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads)
    assert (errors, reasons) == ([], ["overlap"])
    assert [r["reason"] for r in hours.refusals()] == ["overlap"]


def test_a_correction_reverses_the_time_bank_deposit_of_the_hours(hours: Hours) -> None:
    certs, leader, ws = hours.env.svc.certificates, hours.who("leader"), hours.who("ws01")
    aid = _visit(hours, minutes=50)
    hours.svc.confirm(ws, aid, "phone")
    hours.svc.approve(leader, aid)
    assert len(certs.deposit_approved(leader, hours.vol)) == 1

    def balance() -> int:
        accts = certs.accounts(hours.who("admin"))
        return next(a.balance for a in accts if a.holder_id == hours.vol)

    assert balance() == 50
    hours.env.clock.advance(timedelta(hours=1))
    assert hours.svc.correct(hours.who("admin"), aid, "步行十分钟", travel_minutes=10) == 40
    assert balance() == 0
    assert certs.ledger_balanced(leader)
    hours.svc.confirm(ws, aid, "phone")
    hours.svc.approve(leader, aid)
    assert len(certs.deposit_approved(leader, hours.vol)) == 1
    assert balance() == 40
    # Minutes spent since the deposit: the correction would leave a negative balance.
    mine = next(a for a in certs.accounts(leader) if a.holder_id == hours.vol)
    certs.spend(ws, mine.id, 30, "助洁服务")
    with pytest.raises(HoursError, match="spent or given away"):
        hours.svc.correct(hours.who("admin"), aid, "再改", travel_minutes=20)
    assert balance() == 10
    (row,) = hours.svc.attendance(leader)
    assert (row.status, row.minutes) == (AttendanceStatus.APPROVED, 40)


def test_a_station_offers_the_volunteers_tasks_and_a_residents_task_needs_her_word(
    hours: Hours,
) -> None:
    ws = hours.who("ws01")
    assert hours.svc.work_choices(ws, "C01", hours.vol) == [("task", hours.task, "探访")]
    assert hours.svc.work_choices(ws, "C01", hours.other) == []
    with pytest.raises(PermissionDenied):
        hours.svc.work_choices(ws, "C02", hours.vol)
    aid = hours.svc.check_in(
        ws, hours.station(), hours.vol, task_id=hours.task, at_place="station:C01"
    )
    hours.env.clock.advance(timedelta(minutes=90))
    hours.svc.check_out(ws, hours.station(), hours.vol, travel_minutes=10)
    (row,) = hours.svc.attendance(hours.who("admin"))
    assert (row.id, row.needs_confirmation) == (aid, True)
    with pytest.raises(HoursError, match="not confirmed"):
        hours.svc.approve(hours.who("leader"), aid)


def test_a_station_offers_todays_confirmed_shifts_only(hours: Hours) -> None:
    now = hours.env.clock.now
    with as_owner(hours.env.db) as owner, owner.session() as s:
        c01 = s.scalars(select(Community.id).where(Community.code == "C01")).one()
        ids = []
        for title, start, status in (
            ("站内值守", now, "confirmed"),
            ("明日值守", now + timedelta(days=1), "confirmed"),
            ("待确认", now, "pending"),
        ):
            shift = VolunteerShift(
                community_id=c01,
                team_id=None,
                title=title,
                place="站点",
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                capacity=3,
                qualification="",
                min_age=0,
                signup_deadline=None,
                signup_mode="instant",
                cancelled=False,
                created_at=now,
            )
            s.add(shift)
            s.flush()
            s.add(
                VolunteerSignup(
                    shift_id=shift.id,
                    volunteer_id=hours.other,
                    community_id=c01,
                    status=status,
                    signed_at=now,
                    decided_at=now,
                )
            )
            ids.append(shift.id)
    ws = hours.who("ws01")
    assert hours.svc.work_choices(ws, "C01", hours.other) == [("shift", ids[0], "站内值守")]
    aid = hours.svc.check_in(ws, hours.station(), hours.other, shift_id=ids[0])
    with hours.env.db.session() as s:
        att = s.get_one(VolunteerAttendance, aid)
        assert (att.shift_id, att.resident_id) == (ids[0], None)


def test_two_corrections_at_once_do_not_make_overlapping_hours(hours: Hours) -> None:
    ws, admin = hours.who("ws01"), hours.who("admin")
    a = hours.svc.check_in(ws, hours.station(), hours.vol)
    hours.env.clock.advance(timedelta(hours=1))
    hours.svc.check_out(ws, hours.station(), hours.vol)
    hours.env.clock.advance(timedelta(hours=1))
    b = hours.svc.check_in(ws, hours.station(), hours.vol)
    hours.env.clock.advance(timedelta(hours=1))
    hours.svc.check_out(ws, hours.station(), hours.vol)
    rows = {r.id: r for r in hours.svc.attendance(admin)}
    gap = rows[a].checkout_at
    assert gap is not None
    mid = gap + timedelta(minutes=30)  # inside the hour between the two
    start = threading.Barrier(2)
    outcome: list[object] = []

    def run(fix: Callable[[], int]) -> None:
        start.wait(timeout=10)
        try:
            outcome.append(fix())
        except HoursError as exc:
            outcome.append(str(exc))
        except BaseException as exc:  # reported below, not lost in the thread
            outcome.append(exc)

    jobs: list[Callable[[], int]] = [
        lambda: hours.svc.correct(admin, a, "late out", checkout_at=mid + timedelta(minutes=20)),
        lambda: hours.svc.correct(admin, b, "early in", checkin_at=mid - timedelta(minutes=20)),
    ]
    threads = [threading.Thread(target=run, args=(j,), name=f"fix-{i}") for i, j in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads)
    assert sum(isinstance(o, int) for o in outcome) == 1
    assert sum(isinstance(o, str) and "overlap" in o for o in outcome) == 1
    rows = {r.id: r for r in hours.svc.attendance(admin)}
    end_a = rows[a].checkout_at
    assert end_a is not None
    assert end_a <= rows[b].checkin_at


def _volunteer_of(hours: Hours, community: str, name: str = "赵六") -> int:
    """A new active volunteer registered in `community`."""
    now = hours.env.clock.now
    with as_owner(hours.env.db) as owner, owner.session() as s:
        cid = s.scalars(select(Community.id).where(Community.code == community)).one()
        v = volunteer_row(cid, name, now)
        s.add(v)
        s.flush()
        return int(v.id)


def test_a_station_refuses_another_communitys_volunteer(hours: Hours) -> None:
    ws, admin = hours.who("ws01"), hours.who("admin")
    stranger = _volunteer_of(hours, "C02")
    now = hours.env.clock.now
    door = hours.svc.door_code(ws, hours.resident, now, now + timedelta(hours=2))
    for code in (hours.station("C01"), door):  # its own code, its own resident's visit card
        with pytest.raises(CheckinRefused) as err:
            hours.svc.check_in(ws, code, stranger, at_place="station:C01")
        assert err.value.reason == "community"
    assert hours.refusals() == [
        {"reason": "community", "direction": "in", "place": "station:C01"},
        {"reason": "community", "direction": "in", "place": f"door:{hours.resident}"},
    ]
    assert hours.svc.attendance(admin) == []
    # Its own volunteers still check in there; the control room's desk is not a station.
    hours.svc.check_in(ws, hours.station("C01"), hours.other, at_place="station:C01")
    hours.svc.check_in(admin, hours.station("C01"), stranger)
    assert len(hours.svc.attendance(admin)) == 2


def test_a_check_out_with_no_minute_of_service_is_refused_unless_confirmed(
    hours: Hours,
) -> None:
    ws = hours.who("ws01")
    aid = hours.svc.check_in(ws, hours.station(), hours.vol, travel_minutes=20)
    hours.env.clock.advance(timedelta(seconds=50))  # out in the minute of the check-in
    with pytest.raises(CheckinRefused) as err:
        hours.svc.check_out(ws, hours.station(), hours.vol, travel_minutes=0)
    assert err.value.reason == "no_service"
    hours.env.clock.advance(timedelta(minutes=19, seconds=30))  # 20 min: all of it travel
    with pytest.raises(CheckinRefused) as err:
        hours.svc.check_out(ws, hours.station(), hours.vol, at_place="station:C01")
    assert err.value.reason == "no_service"
    assert [r["reason"] for r in hours.refusals()] == ["no_service", "no_service"]
    (row,) = hours.svc.attendance(hours.who("admin"))
    assert (row.id, row.status) == (aid, AttendanceStatus.OPEN)  # still checked in
    # The worker confirmed that 0:00 is what happened.
    assert hours.svc.check_out(ws, hours.station(), hours.vol, allow_no_service=True) == 0
    (row,) = hours.svc.attendance(hours.who("admin"))
    assert (row.status, row.minutes) == (AttendanceStatus.RECORDED, 0)
