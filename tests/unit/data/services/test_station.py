"""StationService on SQLite and PostgreSQL: exactly once by UUID, conflicts, scope, heartbeats."""

from __future__ import annotations

import threading
import uuid as uuid_mod
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from core.audit import AuditAction
from core.model import IncidentSource, Priority
from core.station import (
    IncidentNote,
    PanicPress,
    RequestTarget,
    ResidentRequest,
    SendState,
)
from data.models import (
    Attachment,
    Community,
    Incident,
    IncidentEvent,
    ServiceTicket,
    ServiceTicketPhoto,
    StationConflict,
    StationHeartbeat,
    StationReceipt,
)
from data.services.station import OFFLINE_AFTER
from tests.helpers.postgres import as_owner
from tests.unit.data.services.test_attachments import png
from tests.unit.data.worlds import World

HOUR = timedelta(hours=1)


@pytest.fixture
def env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


def new_uuid() -> str:
    return str(uuid_mod.uuid4())


def count(env: World, model: type, *where: object) -> int:
    with env.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def panic(env: World, community: str = "C01") -> PanicPress:
    # The station's clock an hour ahead of the server's.
    return PanicPress("WS01", community, env.clock.now + HOUR, source="screen", note="前台求助")


def request(env: World, target: RequestTarget, **kw: object) -> ResidentRequest:
    fields: dict[str, object] = {
        "workstation": "WS01",
        "community": "C01",
        "target": target,
        "category": "ELDERLY" if target is RequestTarget.INCIDENT else "help",
        "description": "独居老人家中漏水\n请派人查看",
        "taken_at": env.clock.now,
        "caller_name": "张三",
        "caller_phone": "13800000000",
        "priority": Priority.P2,
    }
    fields.update(kw)
    return ResidentRequest(**fields)  # type: ignore[arg-type]


def test_a_panic_becomes_one_p1_alarm_incident_however_often_it_is_sent(env: World) -> None:
    who, key = env.who("ws01"), new_uuid()
    press = panic(env)
    first = env.svc.station.apply(who, key, press)
    assert first.state is SendState.SENT
    assert first.server_ref.startswith("incident:")
    again = env.svc.station.apply(who, key, press)
    assert again == first  # answered from the receipt: nothing written twice
    assert count(env, Incident) == 1
    assert count(env, StationReceipt, StationReceipt.uuid == key) == 1
    incident_id = int(first.server_ref.split(":")[1])
    with env.db.session() as s:
        inc = s.get(Incident, incident_id)
        assert inc is not None
        assert (inc.priority, inc.source) == (int(Priority.P1), IncidentSource.ALARM.value)
        assert "咸阳北里社区工作站" in inc.title  # the station's name from the site file
        ccode = s.scalar(select(Community.code).where(Community.id == inc.community_id))
        receipt = s.scalar(select(StationReceipt).where(StationReceipt.uuid == key))
        assert receipt is not None
    assert ccode == "C01"
    # Server time wins: the incident has the server's time, the receipt keeps the station's.
    assert receipt.station_at == press.pressed_at
    assert inc.created_at != press.pressed_at
    assert receipt.received_at == inc.created_at
    created = [a for a in env.audit() if a[1] == AuditAction.INCIDENT_CREATED.value]
    assert len(created) == 1


def test_a_panic_that_went_by_the_panel_joins_the_panels_open_incident(env: World) -> None:
    who = env.who("ws01")
    # The panel's alarm arrived first (a panic pressed while the station's link was down).
    panel = env.svc.station.apply(who, new_uuid(), panic(env))
    panel_id = int(panel.server_ref.split(":")[1])
    late = env.svc.station.apply(who, new_uuid(), panic(env))
    assert late.state is SendState.SENT
    assert late.server_ref == panel.server_ref
    assert "joined" in late.detail
    assert count(env, Incident) == 1
    notes = [e for e in env.events(panel_id) if e[0] == "note"]
    assert len(notes) == 1
    assert "（工作站时钟）" in notes[0][3]
    # Once that incident is resolved, a new press is a new emergency.
    with env.db.session() as s:
        s.execute(update(Incident).where(Incident.id == panel_id).values(state="resolved"))
        s.commit()
    fresh = env.svc.station.apply(who, new_uuid(), panic(env))
    assert fresh.server_ref != panel.server_ref
    assert count(env, Incident) == 2


def test_a_request_with_a_photo_becomes_an_incident_with_its_attachment(env: World) -> None:
    who, key = env.who("ws01"), new_uuid()
    req = request(env, RequestTarget.INCIDENT, photo_name="leak.png", photo=png())
    answer = env.svc.station.apply(who, key, req)
    assert answer.state is SendState.SENT, answer.detail
    incident_id = int(answer.server_ref.split(":")[1])
    assert count(env, Attachment, Attachment.incident_id == incident_id) == 1
    assert env.svc.station.apply(who, key, req) == answer
    assert count(env, Attachment) == 1
    kinds = [e[0] for e in env.events(incident_id)]
    assert kinds == ["created", "attachment"]
    with env.db.session() as s:
        inc = s.get(Incident, incident_id)
        assert inc is not None
        assert (inc.priority, inc.caller_phone) == (int(Priority.P2), "13800000000")


def test_a_refused_photo_leaves_the_incident_and_says_why(env: World) -> None:
    req = request(env, RequestTarget.INCIDENT, photo_name="x.png", photo=b"MZ\x90\x00 not a png")
    answer = env.svc.station.apply(env.who("ws01"), new_uuid(), req)
    assert answer.state is SendState.SENT
    assert answer.detail.startswith("photo not attached")
    assert count(env, Attachment) == 0


def test_a_tickets_photo_is_kept_with_the_ticket_once(env: World) -> None:
    who, key = env.who("ws01"), new_uuid()
    req = request(env, RequestTarget.TICKET, photo_name="receipt.png", photo=png())
    answer = env.svc.station.apply(who, key, req)
    assert (answer.state, answer.detail) == (SendState.SENT, "")
    assert env.svc.station.apply(who, key, req) == answer  # a resend stores nothing twice
    ticket_id = int(answer.server_ref.split(":")[1])
    with env.db.session() as s:
        photos = s.scalars(select(ServiceTicketPhoto)).all()
        community = s.scalar(
            select(ServiceTicket.community_id).where(ServiceTicket.id == ticket_id)
        )
    assert [(p.ticket_id, p.name, p.data) for p in photos] == [(ticket_id, "receipt.png", png())]
    assert photos[0].community_id == community
    bad = request(env, RequestTarget.TICKET, photo_name="x.png", photo=b"MZ\x90\x00 not a png")
    refused = env.svc.station.apply(who, new_uuid(), bad)
    assert refused.state is SendState.SENT
    assert refused.detail.startswith("photo not kept")
    assert count(env, ServiceTicketPhoto) == 1


def test_a_request_becomes_a_service_ticket(env: World) -> None:
    who, key = env.who("ws01"), new_uuid()
    answer = env.svc.station.apply(who, key, request(env, RequestTarget.TICKET))
    assert answer.state is SendState.SENT
    assert answer.server_ref.startswith("ticket:")
    assert env.svc.station.apply(who, key, request(env, RequestTarget.TICKET)) == answer
    with env.db.session() as s:
        tickets = s.scalars(select(ServiceTicket)).all()
    assert [(t.category, t.status, t.client_uuid, t.workstation) for t in tickets] == [
        ("help", "open", key, "WS01")
    ]
    assert count(env, Incident) == 0


def test_a_station_acts_only_in_its_own_community(env: World) -> None:
    who = env.who("ws01")
    refused = env.svc.station.apply(
        who, new_uuid(), request(env, RequestTarget.INCIDENT, community="C02")
    )
    assert refused.state is SendState.REFUSED
    assert "not allowed" in refused.detail
    refused = env.svc.station.apply(who, new_uuid(), panic(env, "C02"))
    assert refused.state is SendState.REFUSED
    assert count(env, Incident) == count(env, StationReceipt) == 0
    denied = [a for a in env.audit() if a[1] == AuditAction.PERMISSION_DENIED.value]
    assert len(denied) == 2


def test_an_unknown_incident_type_is_refused_not_retried(env: World) -> None:
    answer = env.svc.station.apply(
        env.who("ws01"), new_uuid(), request(env, RequestTarget.INCIDENT, category="NOPE")
    )
    assert answer.state is SendState.REFUSED
    assert "NOPE" in answer.detail
    assert count(env, StationReceipt) == 0


def test_a_note_on_an_unchanged_incident_is_added(env: World) -> None:
    who = env.who("ws01")
    made = env.svc.station.apply(who, new_uuid(), panic(env))
    incident_id = int(made.server_ref.split(":")[1])
    note = IncidentNote("WS01", incident_id, 1, "家属已到场", env.clock.now)
    key = new_uuid()
    answer = env.svc.station.apply(who, key, note)
    assert answer == env.svc.station.apply(who, key, note)
    assert answer.state is SendState.SENT
    assert [e for e in env.events(incident_id) if e[0] == "note"] == [
        ("note", None, None, "家属已到场")
    ]
    with env.db.session() as s:
        inc = s.get(Incident, incident_id)
        assert inc is not None
        assert inc.version == 2


def test_a_note_on_an_incident_changed_meanwhile_waits_for_a_person(env: World) -> None:
    who = env.who("ws01")
    made = env.svc.station.apply(who, new_uuid(), panic(env))
    incident_id = int(made.server_ref.split(":")[1])
    # The centre changes the incident after the station read version 1.
    env.svc.station.apply(
        who, new_uuid(), IncidentNote("WS01", incident_id, 1, "一", env.clock.now)
    )
    key = new_uuid()
    late = IncidentNote("WS01", incident_id, 1, "二：旧版本上写的", env.clock.now)
    answer = env.svc.station.apply(who, key, late)
    assert answer.state is SendState.CONFLICT
    assert "since version 1 (now 2)" in answer.detail
    assert env.svc.station.apply(who, key, late) == answer  # still the same answer, once
    assert count(env, StationConflict) == 1
    listed = env.svc.station.conflicts(env.who("supervisor"))
    assert [(c.uuid, c.incident_id, c.text, c.community) for c in listed] == [
        (key, incident_id, "二：旧版本上写的", "C01")
    ]
    assert [c.uuid for c in env.svc.station.conflicts(who)] == [key]
    decided = env.svc.station.decide(env.who("supervisor"), key, apply_anyway=True)
    assert (decided.state, decided.server_ref) == (SendState.SENT, f"incident:{incident_id}")
    # Deciding again changes nothing; the station's resend now gets the decision.
    assert env.svc.station.decide(env.who("supervisor"), key, apply_anyway=False) == decided
    assert env.svc.station.apply(who, key, late) == decided
    notes = [e[3] for e in env.events(incident_id) if e[0] == "note"]
    assert notes == ["一", "二：旧版本上写的"]
    assert env.svc.station.conflicts(who) == []
    decided_rows = env.svc.station.conflicts(who, include_decided=True)
    assert [(c.decision, c.decided_by) for c in decided_rows] == [("applied", "supervisor")]


def test_a_conflict_discarded_is_never_applied(env: World) -> None:
    who = env.who("ws01")
    incident_id = int(env.svc.station.apply(who, new_uuid(), panic(env)).server_ref.split(":")[1])
    env.svc.station.apply(who, new_uuid(), IncidentNote("WS01", incident_id, 1, "a", env.clock.now))
    key = new_uuid()
    env.svc.station.apply(who, key, IncidentNote("WS01", incident_id, 1, "b", env.clock.now))
    answer = env.svc.station.decide(who, key, apply_anyway=False)
    assert answer.state is SendState.DISCARDED
    assert [e[3] for e in env.events(incident_id) if e[0] == "note"] == ["a"]
    actions = [a[1] for a in env.audit()]
    assert AuditAction.STATION_CONFLICT.value in actions
    assert AuditAction.STATION_CONFLICT_DECIDED.value in actions


def test_the_same_uuid_from_two_threads_at_once_is_written_once(env: World) -> None:
    who, key = env.who("ws01"), new_uuid()
    press = panic(env)
    start = threading.Barrier(2)
    answers: list[object] = []

    def send() -> None:
        start.wait()
        answers.append(env.svc.station.apply(who, key, press))

    threads = [threading.Thread(target=send, name=f"double-apply-{i}") for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(answers) == 2
    assert answers[0] == answers[1]
    assert count(env, Incident) == 1
    assert count(env, StationReceipt) == 1


def test_heartbeats_store_server_time_and_the_skew_and_show_who_is_offline(env: World) -> None:
    who = env.who("ws01")
    before = env.svc.station.stations(env.who("supervisor"))
    assert {s.workstation for s in before} >= {"WS01", "WS02"}
    assert all(not s.online and s.last_seen_at is None for s in before)
    station_clock = env.clock.now + HOUR  # an hour wrong
    server = env.svc.station.heartbeat(who, "WS01", station_clock, waiting=3)
    with env.db.session() as s:
        hb = s.scalar(select(StationHeartbeat).where(StationHeartbeat.workstation == "WS01"))
        assert hb is not None
    assert hb.last_seen_at == server  # by the server's clock, not the station's
    assert hb.clock_skew_s == pytest.approx((station_clock - server).total_seconds())
    assert hb.waiting == 3
    seen = {s.workstation: s for s in env.svc.station.stations(env.who("supervisor"))}
    assert seen["WS01"].online
    assert seen["WS01"].waiting == 3
    assert seen["WS01"].clock_skew_s == pytest.approx(hb.clock_skew_s)
    assert not seen["WS02"].online
    # The station's view is its own community.
    assert [s.workstation for s in env.svc.station.stations(who)] == ["WS01"]
    # Silent for longer than OFFLINE_AFTER: offline since its last heartbeat.
    silent_since = server - OFFLINE_AFTER - timedelta(minutes=5)
    with as_owner(env.db) as owner, owner.session() as s:
        s.execute(update(StationHeartbeat).values(last_seen_at=silent_since))
    env.clock.advance(OFFLINE_AFTER + timedelta(minutes=5))
    ws01 = next(
        s for s in env.svc.station.stations(env.who("supervisor")) if s.workstation == "WS01"
    )
    assert not ws01.online
    assert ws01.last_seen_at == silent_since
    # Coming back is a change the control rooms hear of.
    env.svc.station.heartbeat(who, "WS01", env.clock.now, waiting=0)
    assert ("station_heartbeat", None, "update") in env.changes()


def test_a_bad_uuid_is_a_programming_error(env: World) -> None:
    with pytest.raises(ValueError, match="not a UUID"):
        env.svc.station.apply(env.who("ws01"), "42", panic(env))
    assert count(env, IncidentEvent) == 0
