"""CallService on SQLite and PostgreSQL: phases, callbacks, 486, dispositions, the line's device."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from core.audit import AuditAction
from core.call_log import Disposition, NoIncidentReason
from core.calls import CallDirection, CallEnd, CallInfo, CallPhase, CallRefused, GatewayState
from core.model import DeviceState, IncidentSource, Priority
from core.permissions import PermissionDenied
from core.personal import PersonalField, Purpose
from core.site import SiteSpec
from data.db import Database
from data.models import Call, ChangeLog, Device, Incident, Resident
from data.seeding import seed_site
from data.services.calls import LINK_KIND, CallStateError
from tests.helpers.seeded_copies import seeded_database
from tests.unit.data.support import FakeClock
from tests.unit.data.worlds import DEMO_USERS, World, services_on

POPULATION = 30


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def env(request: pytest.FixtureRequest, demo_site: SiteSpec, tmp_path: Path) -> Iterator[World]:
    """The demo site with a few residents (a copy of it seeded once per process); the clock
    steps a second per reading."""

    def seed(owner: Database, keys: Path) -> datetime:
        clock = FakeClock(tick=timedelta(seconds=1))
        owner_svc = services_on(owner, clock)
        owner_svc.ctx.keys = keys
        seed_site(owner, demo_site, owner_svc, population=POPULATION)
        return clock.now

    copy = seeded_database(request, request.param, tmp_path, "calls", seed)
    assert isinstance(copy.meta, datetime)
    clock = FakeClock(copy.meta, tick=timedelta(seconds=1))
    svc = services_on(copy.db, clock)
    svc.ctx.keys = copy.keys
    names = (*DEMO_USERS, "police")
    yield World(copy.db, svc.ctx, svc, clock, {u: svc.signin.principal(u) for u in names})
    copy.db.dispose()


def ringing(env: World, call_id: str = "c1", number: str = "13800001111") -> CallInfo:
    return CallInfo(
        call_id=call_id,
        direction=CallDirection.INBOUND,
        phase=CallPhase.RINGING,
        number=number,
        display="Caller <b>",
        started_at=env.clock.now,
        sip_call_id=f"sip-{call_id}@example",
    )


def answered(env: World, info: CallInfo) -> CallInfo:
    return replace(info, phase=CallPhase.ACTIVE, answered_at=info.started_at + timedelta(seconds=5))


def ended(info: CallInfo, end: CallEnd, seconds: int = 60) -> CallInfo:
    return replace(
        info,
        phase=CallPhase.ENDED,
        ended_at=info.started_at + timedelta(seconds=seconds),
        end=end,
        recording=Path("/rec/call.wav") if info.answered_at else None,
    )


def row_of(env: World, call_id: int) -> Call:
    with env.db.session() as s:
        return s.get_one(Call, call_id)


def call_changes(env: World) -> list[tuple[str, int | None, str]]:
    return [c for c in env.changes() if c[0] == "call"]


def audit_of(env: World, action: AuditAction) -> list[tuple[str, str, str]]:
    return [(a, t, d) for a, act, t, d in env.audit() if act == action.value]


def a_resident(env: World) -> tuple[int, str]:
    with env.db.session() as s:
        r = s.scalars(select(Resident).order_by(Resident.id).limit(1)).one()
        return r.id, r.phone


# --- phases ------------------------------------------------------------------------------


def test_a_call_is_kept_from_ringing_to_its_end_and_reports_twice_change_nothing(
    env: World,
) -> None:
    op = env.who("operator")
    info = ringing(env)
    cid = env.svc.calls.record(info)
    assert env.svc.calls.record(info) == cid  # the same report again: the same row, no change
    assert call_changes(env) == [("call", cid, "insert")]
    row = row_of(env, cid)
    assert (row.phase, row.direction, row.number, row.workstation) == (
        "ringing",
        "inbound",
        "13800001111",
        "CC",
    )
    assert row.display == "Caller <b>"  # kept as sent; shown as plain text
    talk = answered(env, info)
    assert env.svc.calls.record(talk, by=op) == cid
    done = ended(talk, CallEnd.HUNG_UP_REMOTE)
    env.svc.calls.record(done)
    env.svc.calls.record(done)
    # A late report of an earlier phase does not undo the end.
    env.svc.calls.record(talk)
    row = row_of(env, cid)
    assert row.phase == "ended"
    assert row.end_reason == "hung_up_remote"
    assert row.answered_by_id == op.user_id
    assert row.recording == "/rec/call.wav"
    assert row.sip_call_id == "sip-c1@example"
    inserted, updated = ("call", cid, "insert"), ("call", cid, "update")
    assert call_changes(env) == [inserted, updated, updated]
    assert [(a, d) for a, _t, d in audit_of(env, AuditAction.CALL_RECORDED)] == [
        ("system", "ringing"),
        ("operator", "active"),
        ("system", "ended: hung_up_remote"),
    ]
    [shown] = env.svc.calls.calls(op)
    assert shown.id == cid
    assert shown.answered_by == "值班员" or shown.answered_by  # the account's display name
    assert shown.needs_disposition
    assert env.audit_ok()


def test_the_same_handle_in_another_run_of_the_gateway_is_another_call(env: World) -> None:
    first = env.svc.calls.record(ringing(env))
    env.clock.advance(timedelta(hours=3))
    second = env.svc.calls.record(ringing(env))
    assert first != second


def test_a_refused_caller_is_kept_as_a_missed_busy_call(env: World) -> None:
    op = env.who("operator")
    at = env.clock.now
    cid = env.svc.calls.refused(CallRefused("13900002222", "", at, 486, "Busy Here"))
    row = row_of(env, cid)
    assert (row.phase, row.end_reason, row.started_at) == ("ended", "busy", at)
    assert audit_of(env, AuditAction.CALL_REFUSED) == [("system", f"call:{cid}", "486 Busy Here")]
    [line] = env.svc.calls.callbacks(op).waiting
    assert (line.number, line.missed, line.busy) == ("13900002222", 1, 1)


# --- the callback list -----------------------------------------------------------------------


def test_abandoned_calls_wait_for_a_callback_one_line_per_number(env: World) -> None:
    op = env.who("operator")
    ids = []
    for i in range(3):
        info = ringing(env, f"a{i}", "13700003333" if i < 2 else "13700004444")
        env.svc.calls.record(info)
        ids.append(env.svc.calls.record(ended(info, CallEnd.ABANDONED, 20)))
        env.clock.advance(timedelta(minutes=1))
    listed = env.svc.calls.callbacks(op)
    assert [(w.number, w.missed) for w in listed.waiting] == [
        ("13700004444", 1),
        ("13700003333", 2),
    ]
    assert listed.waiting[1].call_ids == (ids[1], ids[0])
    # Nobody answered: nothing to dispose of.
    assert not any(r.needs_disposition for r in env.svc.calls.calls(op))
    # A callback: dialled, then answered; both missed calls of the number are called back.
    back = CallInfo(
        call_id="b1",
        direction=CallDirection.OUTBOUND,
        phase=CallPhase.DIALING,
        number="13700003333",
        display="",
        started_at=env.clock.now,
    )
    bid = env.svc.calls.record(back, by=op, callback_of=listed.waiting[1].last_call_id)
    assert len(env.svc.calls.callbacks(op).waiting) == 2  # not reached yet
    env.svc.calls.record(replace(back, phase=CallPhase.ACTIVE, answered_at=env.clock.now), by=op)
    after = env.svc.calls.callbacks(op)
    assert [w.number for w in after.waiting] == ["13700004444"]
    assert sorted(d.call_id for d in after.done) == sorted(ids[:2])
    assert {d.by for d in after.done} == {env.svc.calls.call(op, bid).answered_by}
    assert row_of(env, bid).callback_of_id == ids[1]
    assert row_of(env, ids[0]).called_back_by_id == op.user_id
    assert len(audit_of(env, AuditAction.CALL_CALLED_BACK)) == 2


def test_a_missed_call_can_be_marked_called_back_by_hand(env: World) -> None:
    op = env.who("operator")
    info = ringing(env, "m1", "13600005555")
    cid = env.svc.calls.record(ended(info, CallEnd.ABANDONED, 10))
    assert env.svc.calls.mark_called_back(op, cid) == 1
    assert env.svc.calls.callbacks(op).waiting == []
    answered_call = env.svc.calls.record(
        ended(answered(env, ringing(env, "m2")), CallEnd.HUNG_UP_LOCAL)
    )
    with pytest.raises(CallStateError):
        env.svc.calls.mark_called_back(op, answered_call)


# --- what became of a call ---------------------------------------------------------------


def test_a_call_becomes_a_new_incident_with_the_caller_filled_in(env: World) -> None:
    op = env.who("operator")
    info = answered(env, ringing(env, "n1", "13500006666"))
    cid = env.svc.calls.record(info, by=op)
    iid = env.svc.calls.link_new_incident(
        op, cid, title="楼道起火", priority=Priority.P1, community="C01"
    )
    with env.db.session() as s:
        inc = s.get_one(Incident, iid)
        assert (inc.source, inc.caller_phone, inc.caller_name) == (
            IncidentSource.CALL.value,
            "13500006666",
            "Caller <b>",
        )
    assert env.events(iid)[-1] == (LINK_KIND, None, None, f"call:{cid}")
    row = row_of(env, cid)
    assert (row.disposition, row.incident_id, row.disposed_by_id) == ("linked", iid, op.user_id)
    with pytest.raises(CallStateError, match="already linked"):
        env.svc.calls.close_no_incident(op, cid, NoIncidentReason.INQUIRY)
    assert ("operator", f"call:{cid}", f"incident {iid}") in audit_of(
        env, AuditAction.CALL_DISPOSED
    )


def test_a_call_is_linked_to_an_incident_already_in_the_queue(env: World) -> None:
    op = env.who("operator")
    iid = env.svc.incidents.create(op, title="噪音扰民", priority=Priority.P3, community="C02")
    cid = env.svc.calls.record(ended(answered(env, ringing(env)), CallEnd.HUNG_UP_REMOTE))
    changes_before = len(env.changes())
    env.svc.calls.link_incident(op, cid, iid)
    assert env.events(iid)[-1][0] == LINK_KIND
    assert ("incident", iid, "update") in env.changes()[changes_before:]
    assert not env.svc.calls.call(op, cid).needs_disposition
    with pytest.raises(LookupError):
        env.svc.calls.link_incident(op, cid, 999_999)


def test_no_incident_needs_a_reason_and_other_needs_words(env: World) -> None:
    op = env.who("operator")
    cid = env.svc.calls.record(ended(answered(env, ringing(env)), CallEnd.HUNG_UP_LOCAL))
    with pytest.raises(ValueError, match="choose"):
        env.svc.calls.close_no_incident(op, cid, None)
    with pytest.raises(ValueError, match="other"):
        env.svc.calls.close_no_incident(op, cid, NoIncidentReason.OTHER, " 嗯 ")
    assert env.svc.calls.call(op, cid).disposition is Disposition.OPEN
    env.svc.calls.close_no_incident(op, cid, NoIncidentReason.OTHER, "询问垃圾清运时间")
    row = env.svc.calls.call(op, cid)
    assert row.disposition is Disposition.NO_INCIDENT
    assert row.no_incident_reason == "other: 询问垃圾清运时间"
    assert not row.needs_disposition


def test_a_call_nobody_answered_is_not_disposed_of(env: World) -> None:
    op = env.who("operator")
    cid = env.svc.calls.record(ended(ringing(env), CallEnd.ABANDONED, 15))
    with pytest.raises(CallStateError, match="never answered"):
        env.svc.calls.close_no_incident(op, cid, NoIncidentReason.SILENT)


# --- permissions ---------------------------------------------------------------------------


def test_a_department_account_may_not_handle_calls(env: World) -> None:
    police = env.who("police")
    op = env.who("operator")
    cid = env.svc.calls.record(ended(answered(env, ringing(env)), CallEnd.HUNG_UP_LOCAL))
    with pytest.raises(PermissionDenied):
        env.svc.calls.calls(police)
    with pytest.raises(PermissionDenied):
        env.svc.calls.callbacks(police)
    with pytest.raises(PermissionDenied):
        env.svc.calls.close_no_incident(police, cid, NoIncidentReason.INQUIRY)
    with pytest.raises(PermissionDenied):
        env.svc.calls.record(ringing(env, "x"), by=police)
    assert env.svc.calls.call(op, cid).disposition is Disposition.OPEN
    denied = [d for a, act, _t, d in env.audit() if act == "permission_denied" and a == "police"]
    assert denied.count("handle_calls") == 4


def test_a_station_sees_only_its_own_lines_calls(env: World) -> None:
    cc = env.svc.calls.record(ended(ringing(env), CallEnd.ABANDONED))  # on CC's line
    at_ws01 = services_on(env.db, env.clock, workstation="WS01").calls
    own = at_ws01.record(ended(ringing(env, "w1", "13100007777"), CallEnd.ABANDONED))
    station = env.who("ws01")
    assert [w.number for w in at_ws01.callbacks(station).waiting] == ["13100007777"]
    assert [r.id for r in at_ws01.calls_by_ids(station, [cc, own])] == [own]
    with pytest.raises(LookupError):
        at_ws01.mark_called_back(station, cc)
    # The control centre's supervisor sees both lines' missed callers.
    sup = env.who("supervisor")
    assert len(env.svc.calls.callbacks(sup).waiting) == 2


# --- the caller and the resident card --------------------------------------------------------


def test_a_residents_number_finds_them_and_the_full_card_needs_the_incident(env: World) -> None:
    op = env.who("operator")
    rid, phone = a_resident(env)
    cid = env.svc.calls.record(answered(env, ringing(env, "r1", "+86 " + phone)), by=op)
    row = env.svc.calls.call(op, cid)
    assert row.resident_id == rid
    # In the list the operator sees the resident masked (the residents' own list path).
    [listed] = env.svc.residents.rows_by_ids(op, [rid])
    assert "*" in listed.name
    # The whole card once the call is an incident about them: revealed, and audited.
    iid = env.svc.calls.link_new_incident(
        op, cid, title="独居老人求助", priority=Priority.P2, community=listed.community
    )
    card = env.svc.residents.card(op, rid, Purpose.INCIDENT, incident_id=iid)
    assert PersonalField.ADDRESS in card.presentation.revealed
    assert any(act == "pii_revealed" and t == f"resident:{rid}" for _a, act, t, _d in env.audit())


def test_the_callers_card_lists_incidents_at_their_building_without_the_address(
    env: World,
) -> None:
    from core.history import building_of
    from data.models import Community

    op, ws01 = env.who("operator"), env.who("ws01")
    with env.db.session() as s:
        # A resident outside C01, so that C01's station is out of their scope.
        r = s.scalars(
            select(Resident)
            .join(Community, Resident.community_id == Community.id)
            .where(Community.code != "C01")
            .order_by(Resident.id)
            .limit(1)
        ).one()
        rid, address = r.id, r.address
    building = building_of(address)
    assert building
    assert building in address
    here = env.svc.incidents.create(
        op, title="楼道冒烟", priority=Priority.P2, community=None, location=building + "3门"
    )
    env.svc.incidents.create(
        op, title="噪音扰民", priority=Priority.P3, community=None, location="别处"
    )
    found = env.svc.history.at_address_of(op, rid)
    assert [row.id for row in found] == [here]
    # A station of another community learns nothing about this resident's building.
    assert env.svc.history.at_address_of(ws01, rid) == []


def test_an_unknown_number_matches_nobody(env: World) -> None:
    op = env.who("operator")
    cid = env.svc.calls.record(ringing(env, "u1", "10086"))
    assert env.svc.calls.call(op, cid).resident_id is None


# --- the line's device -------------------------------------------------------------------------


def test_the_lines_state_reaches_its_phone_device(env: World) -> None:
    at = env.clock.now
    env.svc.calls.line_state("PH00", GatewayState(True, "listening udp 127.0.0.1:5070", at))
    with env.db.session() as s:
        dev = s.scalars(select(Device).where(Device.code == "PH00")).one()
        assert (dev.state, dev.detail, dev.last_seen_at) == (
            "online",
            "listening udp 127.0.0.1:5070",
            at,
        )
        dev_id = dev.id
        assert s.scalars(
            select(ChangeLog.op).where(ChangeLog.table_name == "device", ChangeLog.row_id == dev_id)
        ).all() == ["update"]
    later = at + timedelta(minutes=1)
    env.svc.calls.line_state(
        "PH00", GatewayState(True, "registration failed: 403", later, registered=False)
    )
    env.svc.calls.line_state("PH00", GatewayState(False, "port 5070 in use", later))
    op = env.who("operator")
    [row] = env.svc.devices.devices_by_ids(op, [dev_id])
    assert row.state is DeviceState.OFFLINE
    assert row.detail == "port 5070 in use"
    assert row.last_seen_at == later  # the fault still heard from it
    env.svc.calls.line_state("NOPE", GatewayState(True, "x", later))  # logged, nothing written


def test_calls_left_open_by_an_earlier_run_are_ended_when_the_line_starts(env: World) -> None:
    op = env.who("operator")
    ringing_then = env.svc.calls.record(ringing(env, "o1", "13200001111"))
    talking_then = env.svc.calls.record(answered(env, ringing(env, "o2")), by=op)
    env.clock.advance(timedelta(minutes=5))
    assert sorted(env.svc.calls.close_orphans(env.clock.now)) == sorted(
        [ringing_then, talking_then]
    )
    assert row_of(env, ringing_then).end_reason == "abandoned"
    assert row_of(env, talking_then).end_reason == "failed"
    assert [w.number for w in env.svc.calls.callbacks(op).waiting] == ["13200001111"]
    assert env.svc.calls.close_orphans(env.clock.now) == []


def test_the_transfer_targets_are_the_departments_and_units_with_phones(env: World) -> None:
    targets = env.svc.calls.transfer_targets(env.who("operator"))
    by_code = {t.code: t for t in targets}
    assert by_code["D01"].phone == "022-26581110"
    assert [u.code for u in by_code["D01"].units] == ["U0101", "U0102"]
    with pytest.raises(PermissionDenied):
        env.svc.calls.transfer_targets(env.who("police"))
