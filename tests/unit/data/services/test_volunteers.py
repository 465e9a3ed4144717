"""Volunteers (migration 0029) on SQLite and PostgreSQL: the demo seed, identity encrypted and
masked, reveals audited, photos capped, every sign-up rule, pairings and tasks."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.audit import AuditAction
from core.idcard import make_id_number
from core.model import Priority
from core.permissions import PermissionDenied
from core.site import SiteSpec
from core.station import RequestTarget, ResidentRequest
from core.timefmt import as_utc, local, utcnow
from core.volunteers import (
    Cadence,
    Refusal,
    ShiftDraft,
    SignupMode,
    SignupRefused,
    SignupStatus,
    TaskKind,
    TaskStatus,
    VolunteerDraft,
    availability_mask,
)
from data.db import Database
from data.merchants_seeding import seed_merchants
from data.models import (
    Community,
    Incident,
    Merchant,
    NecessityOrder,
    Resident,
    SiteMeta,
    Volunteer,
)
from data.orders_seeding import seed_orders
from data.services import volunteers as volunteers_service
from data.volunteers_seeding import PER_COMMUNITY, seed_volunteers
from tests.helpers.postgres import as_owner
from tests.unit.data.services import test_residents
from tests.unit.data.services.test_residents import BACKENDS, Street, make_street

street = test_residents.street
NUMBER = make_id_number("120102", date(1990, 5, 17), 123)
NUMBER2 = make_id_number("120102", date(1991, 6, 18), 125)
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 100


def _volunteers(owner: Database, keys: Path) -> None:
    with owner.write_session() as s:
        day = date.fromisoformat(s.get_one(SiteMeta, "population_date").value)
        seed_volunteers(s, day, utcnow(), keys)


def _volunteers_and_orders(owner: Database, keys: Path) -> None:
    _volunteers(owner, keys)
    with owner.write_session() as s:
        now = utcnow()
        day = local(now).date()
        seed_merchants(s, day, now)
        seed_orders(s, day, now)


@pytest.fixture(params=BACKENDS)
def vst(request: pytest.FixtureRequest, demo_site: SiteSpec, tmp_path: Path) -> Street:
    """The demo street with its demo volunteers."""
    return make_street(request, demo_site, tmp_path, "volunteers", _volunteers)


@pytest.fixture(params=BACKENDS)
def vso(request: pytest.FixtureRequest, demo_site: SiteSpec, tmp_path: Path) -> Street:
    """The demo street with its volunteers, merchants and orders (for delivery tasks)."""
    return make_street(request, demo_site, tmp_path, "volunteer-orders", _volunteers_and_orders)


def _draft(**kw: object) -> VolunteerDraft:
    base = VolunteerDraft(
        community="C01",
        name="周志愿",
        phone="13711112222",
        gender="M",
        birth_date=date(1990, 5, 17),
        id_number=NUMBER,
        skills="读报，理发; 读报",
        availability=availability_mask({(0, 0), (2, 1)}),
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def _shift(st: Street, **kw: object) -> int:
    start = kw.get("starts_at") or as_utc(st.svc.ctx.clock()) + timedelta(days=2)
    assert isinstance(start, datetime)
    d = ShiftDraft(
        community="C01",
        title="送餐",
        place="社区食堂",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        capacity=2,
    )
    return st.svc.volunteers.save_shift(st.who("supervisor"), replace(d, **kw))  # type: ignore[arg-type]


def _new(st: Street, n: int, birth: date = date(1990, 5, 17)) -> int:
    number = make_id_number("120103", birth, n)
    return st.svc.volunteers.save_volunteer(
        st.who("supervisor"), _draft(id_number=number, birth_date=birth, name=f"测试{n}")
    )


# --- seed, masking, identity -----------------------------------------------------------------


def test_the_demo_seed_is_masked_for_the_operator_and_seeds_once(vst: Street) -> None:
    svc = vst.svc.volunteers
    full = svc.volunteers(vst.who("supervisor"), "C01")
    masked = svc.volunteers(vst.who("operator"), "C01")
    assert len(full) == len(masked) == PER_COMMUNITY
    assert not full[0].masked
    assert masked[0].masked
    assert {m.name for m in masked}.isdisjoint({f.name for f in full})
    assert all("*" in m.phone and "*" in m.id_number for m in masked)
    assert all("*" in f.id_number for f in full)  # lists never show the number in full
    assert any(not v.active for v in full)
    assert any(v.teams for v in full)
    assert svc.teams(vst.who("supervisor"), "C01")[0].leader_name
    assert svc.shifts(vst.who("operator"), "C01")
    assert svc.pairings(vst.who("operator"), "C01")
    assert svc.tasks(vst.who("operator"), "C01")
    with as_owner(vst.db) as owner, owner.write_session() as s:
        before = s.scalar(select(func.count()).select_from(Volunteer))
        seed_volunteers(s, date.today(), vst.svc.ctx.clock(), vst.keys)
        assert s.scalar(select(func.count()).select_from(Volunteer)) == before


def test_a_station_sees_its_own_community_only(vst: Street) -> None:
    svc = vst.svc.volunteers
    ws = vst.who("ws01")
    assert {v.community for v in svc.volunteers(ws)} == {"C01"}
    with pytest.raises(PermissionDenied):
        svc.volunteers(ws, "C02")
    with pytest.raises(PermissionDenied):
        svc.save_volunteer(ws, _draft(community="C02"))


def test_identity_is_encrypted_indexed_unique_and_revealed_with_an_audit(vst: Street) -> None:
    svc, sup = vst.svc.volunteers, vst.who("supervisor")
    vid = svc.save_volunteer(sup, _draft())
    with vst.db.session() as s:
        row = s.get_one(Volunteer, vid)
        assert NUMBER not in row.id_number_enc
        assert "1990" not in row.birth_date_enc
        assert row.id_number_mask == NUMBER[:4] + "*" * 10 + NUMBER[-4:]
        assert row.skills == "读报, 理发"
    assert svc.find_by_id_number(sup, NUMBER.lower()) == vid
    with pytest.raises(ValueError, match="already volunteer"):
        svc.save_volunteer(sup, _draft(name="别人"))
    with pytest.raises(ValueError, match="identity number"):
        svc.save_volunteer(sup, _draft(id_number="120102199005171230"))
    with pytest.raises(PermissionDenied):
        svc.reveal(vst.who("operator"), vid, "核实身份")
    with pytest.raises(ValueError, match="reason"):
        svc.reveal(sup, vid, " ")
    assert svc.reveal(sup, vid, "核实身份") == (NUMBER, date(1990, 5, 17))
    reads = vst.audit(AuditAction.VOLUNTEER_PII_READ)
    assert reads[-1][1] == f"volunteer:{vid}"
    assert NUMBER not in reads[-1][2]
    # An edit that changes the number re-encrypts it; the audit names fields only.
    other = make_id_number("120102", date(1990, 5, 17), 125)
    svc.save_volunteer(sup, _draft(id_number=other, phone="13900000000"), vid)
    assert svc.reveal(sup, vid, "核实身份")[0] == other
    saved = vst.audit(AuditAction.VOLUNTEER_SAVED)[-1][2]
    assert "id_number" in saved
    assert "phone" in saved
    assert "13900000000" not in saved


def test_a_photo_is_capped_and_shown_only_with_pii_rights(vst: Street) -> None:
    svc, sup = vst.svc.volunteers, vst.who("supervisor")
    vid = svc.save_volunteer(sup, _draft())
    with pytest.raises(ValueError, match="JPEG or PNG"):
        svc.set_photo(sup, vid, b"GIF89a")
    with pytest.raises(ValueError, match="KiB"):
        svc.set_photo(sup, vid, PNG + b"\0" * 300_000)
    svc.set_photo(sup, vid, PNG)
    assert svc.volunteer(vst.who("operator"), vid).has_photo
    with pytest.raises(PermissionDenied):
        svc.photo(vst.who("operator"), vid)
    assert svc.photo(sup, vid) == PNG
    assert vst.audit(AuditAction.VOLUNTEER_PII_READ)[-1][1] == f"volunteer:{vid}"


# --- shifts ------------------------------------------------------------------------------------


def test_every_sign_up_rule_is_enforced_with_its_reason(vst: Street) -> None:
    svc, sup = vst.svc.volunteers, vst.who("supervisor")
    now = as_utc(vst.svc.ctx.clock())
    adult, adult2, adult3 = _new(vst, 11), _new(vst, 13), _new(vst, 15)
    teen = _new(vst, 17, birth=date(now.year - 15, 1, 1))

    def refused(shift: int, vid: int) -> Refusal:
        with pytest.raises(SignupRefused) as exc:
            svc.sign_up(sup, shift, vid)
        return exc.value.code

    full = _shift(vst, capacity=1)
    assert svc.sign_up(sup, full, adult) is SignupStatus.CONFIRMED
    assert refused(full, adult) is Refusal.ALREADY
    assert refused(full, adult2) is Refusal.FULL
    assert refused(_shift(vst, min_age=18), teen) is Refusal.TOO_YOUNG
    first_aid = _shift(vst, qualification="急救证")
    assert refused(first_aid, adult2) is Refusal.QUALIFICATION_MISSING
    svc.add_qualification(sup, adult2, "急救证", "Q1", now.date() - timedelta(days=1))
    assert refused(first_aid, adult2) is Refusal.QUALIFICATION_EXPIRED
    svc.add_qualification(sup, adult2, "急救证", "Q1", now.date() + timedelta(days=365))
    assert svc.sign_up(sup, first_aid, adult2) is SignupStatus.CONFIRMED
    late = _shift(vst, signup_deadline=now - timedelta(minutes=1))
    assert refused(late, adult3) is Refusal.DEADLINE_PASSED
    # `full` runs 2 h from the same start: another shift inside it overlaps.
    start = as_utc(now) + timedelta(days=2, hours=1)
    overlapping = _shift(vst, starts_at=start, ends_at=start + timedelta(hours=2))
    assert refused(overlapping, adult) is Refusal.OVERLAP
    svc.cancel_shift(sup, overlapping)
    assert refused(overlapping, adult3) is Refusal.CANCELLED
    # Every refusal left an audit row naming its rule.
    details = [d for _, _, d in vst.audit(AuditAction.VOLUNTEER_SIGNUP)]
    for code in ("full", "too_young", "qualification_expired", "deadline_passed", "overlap"):
        assert any(f'"refused": "{code}"' in d for d in details), code


def test_a_shift_that_needs_confirmation_holds_a_place_until_decided(vst: Street) -> None:
    svc, sup = vst.svc.volunteers, vst.who("supervisor")
    a, b = _new(vst, 21), _new(vst, 23)
    shift = _shift(vst, capacity=1, signup_mode=SignupMode.CONFIRM)
    assert svc.sign_up(sup, shift, a) is SignupStatus.PENDING
    with pytest.raises(SignupRefused) as exc:
        svc.sign_up(sup, shift, b)
    assert exc.value.code is Refusal.FULL
    (row,) = svc.signups(sup, shift)
    svc.decide(sup, row.id, confirm=False)
    assert svc.sign_up(sup, shift, b) is SignupStatus.PENDING
    pending = next(r for r in svc.signups(sup, shift) if r.volunteer_id == b)
    svc.decide(sup, pending.id, confirm=True)
    (listed,) = [s for s in svc.shifts(sup, "C01") if s.id == shift]
    assert (listed.confirmed, listed.pending) == (1, 0)
    with pytest.raises(ValueError, match="not pending"):
        svc.decide(sup, pending.id, confirm=True)
    svc.withdraw(sup, pending.id)
    assert svc.sign_up(sup, shift, a) is SignupStatus.PENDING  # the place is free again
    later = _shift(vst, starts_at=listed.starts_at + timedelta(days=3), capacity=2)
    for vid in (a, b):
        svc.sign_up(sup, later, vid)
    again = ShiftDraft("C01", "送餐", "食堂", listed.starts_at, listed.ends_at, capacity=1)
    with pytest.raises(ValueError, match="2 volunteers already hold a place"):
        svc.save_shift(
            sup,
            replace(
                again,
                starts_at=listed.starts_at + timedelta(days=3),
                ends_at=listed.ends_at + timedelta(days=3),
            ),
            later,
        )


def test_the_last_place_goes_to_one_of_two_workstations(vst: Street) -> None:
    svc, sup = vst.svc.volunteers, vst.who("supervisor")
    vols = [_new(vst, 31), _new(vst, 33)]
    shift = _shift(vst, capacity=1)
    results: list[object] = []
    barrier = threading.Barrier(2)

    def run(vid: int) -> None:
        barrier.wait()
        try:
            results.append(svc.sign_up(sup, shift, vid))
        except Exception as exc:
            results.append(exc)

    threads = [threading.Thread(target=run, args=(v,), name=f"signup-{v}") for v in vols]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads)
    assert results.count(SignupStatus.CONFIRMED) == 1
    (lost,) = [r for r in results if isinstance(r, SignupRefused)]
    assert lost.code is Refusal.FULL
    assert [s.confirmed for s in svc.shifts(sup, "C01") if s.id == shift] == [1]


# --- teams, pairings, tasks --------------------------------------------------------------------


def test_teams_leaders_and_members_leave_without_deletion(vst: Street) -> None:
    svc, sup = vst.svc.volunteers, vst.who("supervisor")
    a, b = _new(vst, 41), _new(vst, 43)
    tid = svc.save_team(sup, "测试队", "C01", leader_volunteer_id=a, leader_user_id=None)
    svc.join_team(sup, tid, b)
    team = next(t for t in svc.teams(sup, "C01") if t.id == tid)
    assert team.leader_volunteer_id == a
    assert {m for m, _ in team.members} == {a, b}
    svc.leave_team(sup, tid, b)
    team = next(t for t in svc.teams(sup, "C01") if t.id == tid)
    assert [m for m, _ in team.members] == [a]
    svc.join_team(sup, tid, b)  # rejoining reopens the row
    assert "测试队" in svc.volunteer(sup, b).teams
    with pytest.raises(PermissionDenied):
        svc.save_team(vst.who("ws01"), "全街队", None)


def _alone_in_c01(st: Street) -> int:
    with st.db.session() as s:
        rid = s.scalar(
            select(func.max(Resident.id))
            .join(Community, Community.id == Resident.community_id)
            .where(Community.code == "C01", Resident.lives_alone.is_(True))
        )
    assert rid is not None
    return int(rid)


def _order_in(st: Street, code: str, *, other: bool = False) -> int:
    """A demo order of community `code` (of another community with `other`)."""
    with st.db.session() as s:
        cid = s.scalar(select(Community.id).where(Community.code == code))
        same = NecessityOrder.community_id != cid if other else NecessityOrder.community_id == cid
        oid = s.scalar(select(func.min(NecessityOrder.id)).where(same))
    assert oid is not None
    return int(oid)


def test_a_task_from_an_incident_suggests_the_paired_volunteer_first(vso: Street) -> None:
    vst = vso
    svc, sup = vst.svc.volunteers, vst.who("supervisor")
    rid = _alone_in_c01(vst)
    vid = _new(vst, 51)
    pid = svc.pair(sup, vid, rid, Cadence.WEEKLY, 2, "读报")
    with pytest.raises(ValueError, match="already visits"):
        svc.pair(sup, vid, rid, Cadence.WEEKLY, 3)
    assert any(p.id == pid and p.lives_alone for p in svc.pairings(sup, "C01"))
    iid = vst.svc.incidents.create(
        sup, title="独居老人电话无人接听", priority=Priority.P2, community="C01"
    )
    draft = svc.task_draft_from_incident(sup, iid)
    assert (draft.kind, draft.community, draft.incident_id) == (TaskKind.WELFARE_CHECK, "C01", iid)
    tid = svc.create_task(sup, draft.kind, "C01", rid, draft.title, incident_id=iid)
    suggested = svc.suggest(sup, "C01", rid)
    paired = [x.volunteer_id for x in suggested if x.reason == "paired"]
    assert vid in paired
    assert [x.volunteer_id for x in suggested[: len(paired)]] == paired  # paired ones first
    svc.assign_task(sup, tid, vid)
    (row,) = [t for t in svc.tasks(vst.who("operator"), "C01") if t.id == tid]
    assert row.status == TaskStatus.ASSIGNED
    assert "*" in row.volunteer
    svc.close_task(sup, tid, done=True)
    assert tid not in {t.id for t in svc.tasks(sup, "C01")}
    with pytest.raises(ValueError, match="done already"):
        svc.close_task(sup, tid, done=False)
    order = _order_in(vst, "C01")
    order_task = svc.create_task(sup, TaskKind.DELIVERY, "C01", rid, "送米面油", order_id=order)
    assert [t.order_id for t in svc.tasks(sup, "C01") if t.id == order_task] == [order]
    with pytest.raises(PermissionDenied):
        svc.create_task(vst.who("operator"), TaskKind.REQUEST, "C01", None, "求助")
    svc.end_pairing(sup, pid)
    assert vid not in {x.volunteer_id for x in svc.suggest(sup, "C01", rid) if x.reason == "paired"}
    with vst.db.session() as s:
        assert s.get(Incident, iid) is not None


def test_a_new_volunteer_is_unmasked_to_the_station_of_their_community(vst: Street) -> None:
    svc = vst.svc.volunteers
    vid = svc.save_volunteer(vst.who("ws01"), _draft())
    row = svc.volunteer(vst.who("ws01"), vid)
    assert (row.name, row.masked, row.community) == ("周志愿", False, "C01")
    assert row.skills == ("读报", "理发")
    assert row.availability == availability_mask({(0, 0), (2, 1)})
    assert svc.volunteer(vst.who("operator"), vid).name == "周**"
    now = datetime.now().astimezone()
    assert svc.shifts(vst.who("operator"), "C01", now - timedelta(days=1), now + timedelta(days=8))


def _at_once(jobs: list[Callable[[], object]]) -> list[object]:
    """Run the jobs on two workstations' threads released together; results or errors."""
    results: list[object] = []
    barrier = threading.Barrier(len(jobs))

    def run(job: Callable[[], object]) -> None:
        barrier.wait()
        try:
            results.append(job())
        except Exception as exc:
            results.append(exc)

    threads = [
        threading.Thread(target=run, args=(j,), name=f"workstation-{i}") for i, j in enumerate(jobs)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads)
    return results


def test_one_volunteer_booked_onto_two_overlapping_shifts_at_once_gets_one(vst: Street) -> None:
    svc, sup = vst.svc.volunteers, vst.who("supervisor")
    vid = _new(vst, 61)
    a = _shift(vst, capacity=5)
    (row,) = [s for s in svc.shifts(sup, "C01") if s.id == a]
    half = timedelta(minutes=30)
    b = _shift(vst, capacity=5, starts_at=row.starts_at + half, ends_at=row.ends_at + half)
    results = _at_once([lambda: svc.sign_up(sup, a, vid), lambda: svc.sign_up(sup, b, vid)])
    assert results.count(SignupStatus.CONFIRMED) == 1
    (lost,) = [r for r in results if isinstance(r, SignupRefused)]
    assert lost.code is Refusal.OVERLAP


def test_moving_a_shift_refuses_to_overlap_its_volunteers_other_shifts(vst: Street) -> None:
    svc, sup = vst.svc.volunteers, vst.who("supervisor")
    vid, other = _new(vst, 65), _new(vst, 67)
    a = _shift(vst, capacity=5)
    (row,) = [s for s in svc.shifts(sup, "C01") if s.id == a]
    later = row.starts_at + timedelta(days=1)
    b = _shift(vst, capacity=5, starts_at=later, ends_at=later + timedelta(hours=2))
    svc.sign_up(sup, a, vid)
    svc.sign_up(sup, b, vid)
    svc.sign_up(sup, b, other)
    onto_a = ShiftDraft("C01", "送餐", "食堂", row.starts_at, row.ends_at, capacity=5)
    with pytest.raises(ValueError, match="would overlap") as exc:
        svc.save_shift(sup, onto_a, b)
    assert "测试65" in str(exc.value)
    assert "测试67" not in str(exc.value)
    (kept,) = [s for s in svc.shifts(sup, "C01") if s.id == b]
    assert kept.starts_at == later  # nothing moved
    svc.save_shift(sup, replace(onto_a, title="改名"), a)  # same times: no re-check needed


def test_capacity_cut_and_a_sign_up_at_once_never_leave_a_shift_overfull(vst: Street) -> None:
    svc, sup = vst.svc.volunteers, vst.who("supervisor")
    first, second = _new(vst, 71), _new(vst, 73)
    shift = _shift(vst, capacity=2)
    svc.sign_up(sup, shift, first)
    (row,) = [s for s in svc.shifts(sup, "C01") if s.id == shift]
    cut = ShiftDraft("C01", "送餐", "社区食堂", row.starts_at, row.ends_at, capacity=1)
    results = _at_once(
        [lambda: svc.save_shift(sup, cut, shift), lambda: svc.sign_up(sup, shift, second)]
    )
    (after,) = [s for s in svc.shifts(sup, "C01") if s.id == shift]
    assert after.confirmed <= after.capacity
    assert len([r for r in results if isinstance(r, Exception)]) == 1


def test_a_qualification_counts_through_the_shifts_local_last_day(vst: Street) -> None:
    """A shift ending 07:30 Beijing time ends the previous day in UTC: a certificate expiring
    on that UTC date has already expired on the shift's (local) last day."""
    svc, sup = vst.svc.volunteers, vst.who("supervisor")
    now = as_utc(vst.svc.ctx.clock())
    start = datetime.combine(now.date() + timedelta(days=3), time(21, 0), UTC)
    end = start + timedelta(hours=2, minutes=30)  # 23:30 UTC = 07:30 the next day locally
    shift = _shift(vst, qualification="急救证", starts_at=start, ends_at=end, capacity=5)
    vid = _new(vst, 75)
    svc.add_qualification(sup, vid, "急救证", "Q7", end.date())
    with pytest.raises(SignupRefused) as exc:
        svc.sign_up(sup, shift, vid)
    assert exc.value.code is Refusal.QUALIFICATION_EXPIRED
    svc.add_qualification(sup, vid, "急救证", "Q7", end.date() + timedelta(days=1))
    assert svc.sign_up(sup, shift, vid) is SignupStatus.CONFIRMED
    # The zone is the site's (site_meta), not a constant: on a UTC site the UTC date holds.
    with as_owner(vst.db) as owner, owner.write_session() as s:
        s.get_one(SiteMeta, "timezone").value = "UTC"
    utc_site = test_residents.services(vst.db, vst.keys).volunteers
    other = _new(vst, 77)
    svc.add_qualification(sup, other, "急救证", "Q8", end.date())
    assert utc_site.sign_up(sup, shift, other) is SignupStatus.CONFIRMED


def test_lists_say_when_they_stop_at_their_limit(
    vst: Street, monkeypatch: pytest.MonkeyPatch
) -> None:
    svc, sup = vst.svc.volunteers, vst.who("supervisor")
    everyone = svc.volunteers(sup, "C01")
    assert not everyone.truncated
    monkeypatch.setattr(volunteers_service, "LIST_LIMIT", len(everyone) - 1)
    cut = svc.volunteers(sup, "C01")
    assert cut.truncated
    assert [v.id for v in cut] == [v.id for v in everyone][:-1]
    monkeypatch.setattr(volunteers_service, "LIST_LIMIT", len(everyone))
    assert not svc.volunteers(sup, "C01").truncated
    for _ in range(2):
        _shift(vst)
        svc.create_task(sup, TaskKind.REQUEST, "C01", None, "求助")
    monkeypatch.setattr(volunteers_service, "LIST_LIMIT", 1)
    assert svc.shifts(sup, "C01").truncated
    assert len(svc.shifts(sup, "C01")) == 1
    assert svc.tasks(sup, "C01").truncated
    assert len(svc.tasks(sup, "C01")) == 1
    residents = svc.residents(sup, "C01")
    assert not residents.truncated
    monkeypatch.setattr(volunteers_service, "PICK_LIMIT", len(residents) - 1)
    assert svc.residents(sup, "C01").truncated


def test_a_task_refuses_an_incident_or_order_of_another_community(vso: Street) -> None:
    vst = vso
    svc, sup, ws = vst.svc.volunteers, vst.who("supervisor"), vst.who("ws01")
    assert sup.street_wide
    assert not ws.street_wide
    elsewhere = vst.svc.incidents.create(sup, title="他处", priority=Priority.P3, community="C02")
    with pytest.raises(ValueError, match="incident belongs to another community"):
        svc.create_task(sup, TaskKind.WELFARE_CHECK, "C01", None, "探访", incident_id=elsewhere)
    nowhere = vst.svc.incidents.create(sup, title="全街", priority=Priority.P3, community=None)
    with pytest.raises(ValueError, match="street-wide user"):
        svc.create_task(ws, TaskKind.WELFARE_CHECK, "C01", None, "探访", incident_id=nowhere)
    assert svc.create_task(sup, TaskKind.WELFARE_CHECK, "C01", None, "探访", incident_id=nowhere)
    with pytest.raises(ValueError, match="order belongs to another community"):
        svc.create_task(
            sup, TaskKind.DELIVERY, "C01", None, "送货", order_id=_order_in(vst, "C01", other=True)
        )
    with pytest.raises(LookupError, match="no order"):
        svc.create_task(sup, TaskKind.DELIVERY, "C01", None, "送货", order_id=10**9)


def test_a_delivery_task_is_prefilled_from_its_order(vso: Street) -> None:
    vst = vso
    svc, sup = vst.svc.volunteers, vst.who("supervisor")
    oid = _order_in(vst, "C01")
    with vst.db.session() as s:
        order = s.get_one(NecessityOrder, oid)
        merchant = s.get_one(Merchant, order.merchant_id).name
        resident = order.resident_id
    draft = svc.task_from_order(sup, oid)
    assert (draft.kind, draft.community, draft.order_id) == (TaskKind.DELIVERY, "C01", oid)
    assert draft.resident_id == resident
    assert merchant in draft.title
    assert "*" in svc.task_from_order(vst.who("operator"), oid).resident
    with pytest.raises(PermissionDenied):
        svc.task_from_order(vst.who("ws01"), _order_in(vst, "C01", other=True))
    with pytest.raises(LookupError):
        svc.task_from_order(sup, 10**9)
    tid = svc.create_task(sup, draft.kind, draft.community, resident, draft.title, None, oid)
    assert [t.order_id for t in svc.tasks(sup, "C01") if t.id == tid] == [oid]


def _station_request(st: Street, community: str, workstation: str, words: str) -> int:
    """A request filed at a community station (its request form): the ticket's id."""
    answer = st.svc.station.apply(
        st.who(workstation.lower()) if community == "C01" else st.who("supervisor"),
        str(uuid.uuid4()),
        ResidentRequest(
            workstation=workstation,
            community=community,
            target=RequestTarget.TICKET,
            category="help",
            description=words,
            taken_at=datetime.now(UTC),
            caller_name="张三",
            caller_phone="13800000000",
            priority=Priority.P3,
        ),
    )
    assert answer.server_ref.startswith("ticket:"), answer
    return int(answer.server_ref.removeprefix("ticket:"))


def test_a_task_answers_a_station_request_of_its_own_community(vst: Street) -> None:
    svc, sup = vst.svc.volunteers, vst.who("supervisor")
    tid = _station_request(vst, "C01", "WS01", "楼道灯坏了，\n老人夜里看不见")
    draft = svc.task_from_ticket(sup, tid)
    assert (draft.kind, draft.community, draft.ticket_id) == (TaskKind.REQUEST, "C01", tid)
    assert draft.resident_id is None  # a station's request names its caller, not a resident
    assert draft.title == f"诉求 {tid}：楼道灯坏了， 老人夜里看不见"  # one line
    with pytest.raises(LookupError):
        svc.task_from_ticket(sup, 10**9)
    with pytest.raises(ValueError, match="another community"):
        svc.create_task(sup, draft.kind, "C02", None, draft.title, ticket_id=tid)
    task = svc.create_task(sup, draft.kind, "C01", None, draft.title, ticket_id=tid)
    assert [t.ticket_id for t in svc.tasks(sup, "C01") if t.id == task] == [tid]
    _actor, target, detail = vst.audit(AuditAction.VOLUNTEER_TASK_SAVED)[-1]
    assert target == f"task:{task}"
    assert f'"request": {tid}' in detail
    elsewhere = _station_request(vst, "C02", "WS02", "路灯")
    with pytest.raises(PermissionDenied):
        svc.task_from_ticket(vst.who("ws01"), elsewhere)  # another community's request


def test_a_resident_silent_for_weeks_gets_a_welfare_visit_draft(vst: Street) -> None:
    svc, sup = vst.svc.volunteers, vst.who("supervisor")
    rid = _alone_in_c01(vst)
    draft = svc.task_for_silent(sup, rid, 4)
    assert (draft.kind, draft.community, draft.resident_id) == (
        TaskKind.WELFARE_CHECK,
        "C01",
        rid,
    )
    assert "4 周" in draft.title
    with vst.db.session() as s:
        c02 = s.scalar(
            select(func.min(Resident.id))
            .join(Community, Community.id == Resident.community_id)
            .where(Community.code == "C02")
        )
    with pytest.raises(PermissionDenied):
        svc.task_for_silent(vst.who("ws01"), int(c02), 4)  # another community's resident


def test_the_visitor_card_shows_the_full_name_and_photo_audited(vst: Street) -> None:
    svc, sup, op = vst.svc.volunteers, vst.who("supervisor"), vst.who("operator")
    vid = svc.save_volunteer(sup, _draft())
    assert svc.visitor_card(sup, vid) == ("周志愿", None)
    svc.set_photo(sup, vid, PNG)
    assert svc.volunteer(op, vid).name == "周**"  # lists stay masked
    assert svc.visitor_card(sup, vid) == ("周志愿", PNG)
    actor, target, detail = vst.audit(AuditAction.VOLUNTEER_PII_READ)[-1]
    assert (actor, target) == ("supervisor", f"volunteer:{vid}")
    assert "photo" in detail
    # Not an operator's: clicking through the rows read every name in full.
    with pytest.raises(PermissionDenied):
        svc.visitor_card(op, vid)
    elsewhere = svc.save_volunteer(sup, _draft(community="C02", id_number=NUMBER2, name="吴远"))
    with pytest.raises(PermissionDenied):
        svc.visitor_card(vst.who("ws01"), elsewhere)


class _Stop(Exception):
    pass


def test_a_key_rotation_carries_the_volunteers_along(vst: Street) -> None:
    """A rotation re-encrypts the volunteers after the residents, before the old key is
    retired; one interrupted among the residents resumes, and leaves no volunteer behind."""
    from data.fieldcrypt import load_field_keys
    from data.residentkeys import rotate_field_keys
    from data.services.volunteers import stale_volunteers

    svc, sup = vst.svc.volunteers, vst.who("supervisor")
    vid = svc.save_volunteer(sup, _draft())

    def stop(_done: int, _total: int) -> None:
        raise _Stop

    with as_owner(vst.db) as owner:
        ctx = test_residents.services(owner, vst.keys).ctx
        with pytest.raises(_Stop):
            rotate_field_keys(ctx, "cli", batch=100, progress=stop)
        keys = load_field_keys(vst.keys)
        assert keys.retiring == ["k1"]

        def left() -> int:
            with owner.session() as s:
                q = select(func.count()).select_from(Volunteer)
                return int(s.scalar(q.where(stale_volunteers(keys.current))) or 0)

        assert left() > 0  # the volunteers come after the residents
        report = rotate_field_keys(ctx, "cli", batch=7)  # resumes, then the volunteers
        assert report.resumed
        assert left() == 0
    assert set(load_field_keys(vst.keys).keys) == {"k2"}
    assert svc.reveal(sup, vid, "核实身份") == (NUMBER, date(1990, 5, 17))


def test_certificate_and_policy_numbers_are_masked_where_the_name_is(vst: Street) -> None:
    svc, sup, op = vst.svc.volunteers, vst.who("supervisor"), vst.who("operator")
    vid = svc.save_volunteer(
        sup, _draft(insurance_policy="PICC-54193816", insurance_expires=date(2027, 9, 6))
    )
    svc.add_qualification(sup, vid, "急救证", "Q7228777", date(2027, 11, 28))
    full = svc.volunteer(sup, vid)
    assert full.insurance_policy == "PICC-54193816"
    assert full.qualifications[0].number == "Q7228777"
    masked = svc.volunteer(op, vid)
    assert masked.name == "周**"
    assert masked.insurance_policy not in ("", "PICC-54193816")
    assert "*" in masked.insurance_policy
    assert set(masked.qualifications[0].number) == {"*"}  # short: masked whole
