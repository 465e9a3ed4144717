"""FeedbackService and migration 0026 on SQLite and PostgreSQL: filing from every source, the
steps, scope and masking, overdue events told once, monthly rates."""

from __future__ import annotations

import json
import uuid as uuid_mod
from datetime import UTC, date, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import func, inspect, select, text

from core.audit import AuditAction
from core.feedback import (
    Action,
    Deadline,
    NewTicket,
    ReplyChannel,
    Source,
    TicketState,
    TransitionError,
    queue_key,
)
from core.permissions import PermissionDenied
from core.station import RequestTarget, ResidentRequest
from data.db import Database
from data.migrate import alembic_config
from data.models import (
    Call,
    Community,
    Resident,
    ServiceTicket,
    ServiceTicketEvent,
    ServiceTicketPhoto,
    SurveyForm,
    SurveyRound,
)
from data.services.feedback import OVERDUE_TABLE
from tests.helpers.postgres import as_owner
from tests.unit.data.worlds import World

PHONE = "13812345678"


@pytest.fixture
def env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


def walk_in(env: World, *, category: str = "noise", community: str = "C01", **kw: object) -> int:
    fields: dict[str, object] = {
        "community": community,
        "category": category,
        "text": "楼下夜市噪音太大",
        "source": Source.WALK_IN,
        "contact_name": "李四",
        "contact_phone": PHONE,
    }
    fields.update(kw)
    return env.svc.feedback.create(env.who("supervisor"), NewTicket(**fields))  # type: ignore[arg-type]


def events(env: World, ticket_id: int) -> list[str]:
    return [e.kind.value for e in env.svc.feedback.history(env.who("admin"), ticket_id)]


def test_a_walk_in_gets_its_categorys_deadlines_department_and_history(env: World) -> None:
    tid = walk_in(env)
    row = env.svc.feedback.ticket(env.who("supervisor"), tid)
    assert row.state is TicketState.OPEN
    assert row.source is Source.WALK_IN
    assert row.response_due_at == row.created_at + timedelta(hours=2)  # noise: two hours
    assert row.resolve_due_at is not None
    assert row.resolve_due_at > row.response_due_at
    assert row.department == "D03"  # the first city-management department of the demo site
    assert row.contact_phone == "138****5678"  # masked in every read of the ticket
    assert env.svc.feedback.contact(env.who("supervisor"), tid)[1] == PHONE  # audited below
    assert events(env, tid) == ["created"]
    assert ("service_ticket", tid, "insert") in env.changes()
    assert ("supervisor", AuditAction.TICKET_CREATED.value, f"ticket:{tid}", "noise") in (
        env.audit()
    )


def test_the_whole_round_and_a_reopening(env: World) -> None:
    fb, sup = env.svc.feedback, env.who("supervisor")
    tid = walk_in(env)
    with pytest.raises(TransitionError):
        fb.resolve(sup, tid, "修好了")  # not answered yet: every piece of feedback is answered
    fb.assign(sup, tid, "D01", "夜间扰民转派出所")
    fb.reply(sup, tid, ReplyChannel.PHONE, "已联系城管和派出所，今晚巡查")
    first = fb.ticket(sup, tid).answered_at
    fb.reply(sup, tid, ReplyChannel.SLIP, "巡查结果见回执")
    fb.resolve(sup, tid, "夜市已按时收摊")
    with pytest.raises(ValueError, match="1 to 5"):
        fb.rate(sup, tid, 6)
    fb.rate(sup, tid, 2, "还是吵")
    with pytest.raises(TransitionError):
        fb.rate(sup, tid, 5)  # rated once
    fb.reopen(sup, tid, "居民反映仍有噪音")
    row = fb.ticket(sup, tid)
    assert row.state is TicketState.OPEN
    assert (row.rating, row.resolved_at, row.reopened) == (None, None, 1)
    assert row.answered_at == first  # the first reply still counts for the response rate
    assert row.department == "D01"
    assert row.reply_channel is ReplyChannel.SLIP
    assert events(env, tid) == [
        "created",
        "assigned",
        "answered",
        "answered",
        "resolved",
        "rated",
        "reopened",
    ]
    actions = [a for _, a, target, _ in env.audit() if target == f"ticket:{tid}"]
    assert actions == [
        "ticket_created",
        "ticket_assigned",
        "ticket_answered",
        "ticket_answered",
        "ticket_resolved",
        "ticket_rated",
        "ticket_reopened",
    ]
    assert all(PHONE not in detail for *_, detail in env.audit())
    assert env.audit_ok()


def test_bad_input_is_refused_with_the_reason(env: World) -> None:
    sup = env.who("supervisor")
    with pytest.raises(ValueError, match="text"):
        walk_in(env, text="  ")
    with pytest.raises(ValueError, match="category"):
        walk_in(env, category="nonsense")
    with pytest.raises(ValueError, match="department"):
        walk_in(env, department="D99")
    with pytest.raises(ValueError, match="a reply"):
        env.svc.feedback.reply(sup, walk_in(env), ReplyChannel.PHONE, "")
    with pytest.raises(LookupError):
        env.svc.feedback.reply(sup, 999_999, ReplyChannel.PHONE, "好")


def test_phones_are_masked_for_roles_that_may_not_see_residents(env: World) -> None:
    tid = walk_in(env)
    seen = env.svc.feedback.ticket(env.who("operator"), tid)
    assert seen.contact_phone == "138****5678"
    assert seen.phone_masked
    assert seen.contact_name == "李*"
    with pytest.raises(PermissionDenied):
        env.svc.feedback.contact(env.who("operator"), tid)


def test_a_contact_read_in_full_is_audited_without_its_values(env: World) -> None:
    tid = walk_in(env)
    name, phone = env.svc.feedback.contact(env.who("supervisor"), tid)
    assert phone == PHONE
    assert name
    rows = [r for r in env.audit() if r[1] == AuditAction.PII_REVEALED.value]
    assert rows == [("supervisor", AuditAction.PII_REVEALED.value, f"ticket:{tid}", rows[0][3])]
    assert PHONE not in rows[0][3]
    assert json.loads(rows[0][3]) == {"purpose": "reply", "fields": ["name", "phone"]}


def test_a_station_works_only_its_own_communitys_tickets(env: World) -> None:
    ws = env.who("ws01")  # the station of C01
    mine = walk_in(env, community="C01")
    other = walk_in(env, community="C02")
    with pytest.raises(PermissionDenied):
        env.svc.feedback.create(ws, NewTicket("C02", "other", "x", Source.WALK_IN))
    with pytest.raises(PermissionDenied):
        env.svc.feedback.reply(ws, other, ReplyChannel.PHONE, "好")
    env.svc.feedback.reply(ws, mine, ReplyChannel.SLIP, "已处理")
    listed = env.svc.feedback.tickets(ws)
    assert {r.id for r in listed.rows} == {mine}
    assert listed.total == 1
    assert any(a == AuditAction.PERMISSION_DENIED.value for _, a, _, _ in env.audit())


def test_a_station_request_is_a_feedback_ticket_with_deadlines(env: World) -> None:
    req = ResidentRequest(
        "WS01", "C01", RequestTarget.TICKET, "repair", "楼道灯坏了", env.clock.now
    )
    answer = env.svc.station.apply(env.who("ws01"), str(uuid_mod.uuid4()), req)
    tid = int(answer.server_ref.partition(":")[2])
    row = env.svc.feedback.ticket(env.who("admin"), tid)
    assert row.source is Source.STATION
    assert row.category == "property"  # a station's "repair"
    assert row.department == "D04"  # the committee
    assert row.response_due_at == row.created_at + timedelta(hours=24)
    assert events(env, tid) == ["created"]
    # Filed under its feedback category: the queue's category filter finds it.
    found = env.svc.feedback.tickets(env.who("admin"), category_code="property")
    assert [t.id for t in found.rows] == [tid]


def _round(env: World, code: str, *, anonymous: bool) -> None:
    with as_owner(env.db) as owner, owner.session() as s:
        form = SurveyForm(
            code=f"F{code}",
            version=1,
            title="满意度",
            definition="",
            published_at=env.clock.now,
            created_by="admin",
            created_at=env.clock.now,
        )
        s.add(form)
        s.flush()
        s.add(
            SurveyRound(
                code=code,
                form_id=form.id,
                purpose="年度",
                frame_kind="communities",
                frame_params="{}",
                starts_on=date(2026, 11, 1),
                ends_on=date(2026, 12, 31),
                anonymous=anonymous,
                keep_partial=False,
                status="open",
                created_by="admin",
                created_at=env.clock.now,
            )
        )


def _resident(env: World, community: str = "C01") -> int:
    with as_owner(env.db) as owner, owner.session() as s:
        cid = s.scalar(select(Community.id).where(Community.code == community))
        r = Resident(
            community_id=cid,
            name="王五",
            gender="M",
            birth_year=1950,
            birth_date_enc="",
            id_number_enc="",
            id_number_mask="",
            name_mask="王*",
            phone_mask="",
            address_mask="",
            address="",
            created_at=env.clock.now,
            updated_at=env.clock.now,
        )
        s.add(r)
        s.flush()
        return r.id


def test_an_anonymous_rounds_ticket_keeps_the_contact_but_no_resident(env: World) -> None:
    _round(env, "ANON", anonymous=True)
    _round(env, "NAMED", anonymous=False)
    rid = _resident(env)
    base = {"source": Source.SURVEY, "question_id": "q7", "resident_id": rid}
    anon = walk_in(env, round_code="ANON", **base)
    named = walk_in(env, round_code="NAMED", **base)
    admin = env.who("admin")
    a, n = env.svc.feedback.ticket(admin, anon), env.svc.feedback.ticket(admin, named)
    assert (a.resident_id, a.source_ref) == (None, "round:ANON/q7")
    assert env.svc.feedback.contact(admin, anon)[1] == PHONE
    assert n.resident_id == rid
    with pytest.raises(ValueError, match="round"):
        walk_in(env, source=Source.SURVEY, round_code="NOPE", question_id="q1")
    with pytest.raises(ValueError, match="round and question"):
        walk_in(env, source=Source.SURVEY)


def test_a_calls_ticket_takes_the_callers_number(env: World) -> None:
    with as_owner(env.db) as owner, owner.session() as s:
        call = Call(
            gateway_call_id="g1",
            direction="inbound",
            phase="ended",
            number="02226580000",
            workstation="CC",
            started_at=env.clock.now,
        )
        s.add(call)
        s.flush()
        call_id = call.id
    tid = walk_in(env, source=Source.CALL, call_id=call_id, contact_phone="")
    row = env.svc.feedback.ticket(env.who("admin"), tid)
    assert row.source_ref == f"call:{call_id}"
    assert env.svc.feedback.contact(env.who("admin"), tid)[1] == "02226580000"
    with pytest.raises(ValueError, match="call"):
        walk_in(env, source=Source.CALL, call_id=123_456)


def test_overdue_tickets_are_told_once_per_deadline(env: World) -> None:
    fb, sup = env.svc.feedback, env.who("supervisor")
    late = walk_in(env, category="safety")
    answered = walk_in(env, category="safety")
    fb.reply(sup, answered, ReplyChannel.PHONE, "已联系")
    assert fb.record_overdue() == []
    env.clock.advance(timedelta(hours=3))  # past two hours
    first = fb.record_overdue()
    assert len(first) == 1
    assert fb.record_overdue() == []  # told once
    told = fb.overdue(sup, first)
    assert [(o.ticket_id, o.deadline) for o in told] == [(late, Deadline.RESPONSE)]
    assert (OVERDUE_TABLE, first[0], "insert") in env.changes()
    env.clock.advance(timedelta(days=10))  # past three working days
    second = {o.ticket_id: o.deadline for o in fb.overdue(sup, fb.record_overdue())}
    assert second == {late: Deadline.RESOLVE, answered: Deadline.RESOLVE}
    assert fb.record_overdue() == []
    # Resolved and reopened: a fresh resolution deadline, told again when it passes.
    fb.resolve(sup, answered, "已处理")
    fb.reopen(sup, answered, "未解决")
    assert fb.record_overdue() == []
    env.clock.advance(timedelta(days=10))
    again = fb.overdue(sup, fb.record_overdue())
    assert {(o.ticket_id, o.deadline) for o in again} == {(answered, Deadline.RESOLVE)}
    assert "overdue" in events(env, late)
    # The station of C01 is told only of its own community's.
    c02 = walk_in(env, category="safety", community="C02")
    env.clock.advance(timedelta(hours=3))
    ids = fb.record_overdue()
    assert {o.ticket_id for o in fb.overdue(sup, ids)} == {c02}
    assert fb.overdue(env.who("ws01"), ids) == []
    overdue_audits = [t for _, a, t, _ in env.audit() if a == AuditAction.TICKET_OVERDUE.value]
    assert len(overdue_audits) == 5


def test_two_workstations_telling_the_same_overdue_ticket_write_one_event(
    env: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.unit.data.worlds import services_on

    tid = walk_in(env, category="safety")
    env.clock.advance(timedelta(hours=3))
    # This workstation found the ticket due; the other one writes its event first.
    stale = env.svc.feedback.due_overdue(env.clock.now, 10)
    assert [(t, d) for t, d, _ in stale] == [(tid, Deadline.RESPONSE)]
    other = services_on(env.db, env.clock, workstation="WS02").feedback
    assert len(other.record_overdue()) == 1
    monkeypatch.setattr(env.svc.feedback, "due_overdue", lambda now, limit: stale)
    assert env.svc.feedback.record_overdue() == []  # the unique index let nothing in
    with env.db.session() as s:
        n = s.scalar(
            select(func.count())
            .select_from(ServiceTicketEvent)
            .where(ServiceTicketEvent.ticket_id == tid, ServiceTicketEvent.kind == "overdue")
        )
    assert n == 1


def test_monthly_rates_per_community(env: World) -> None:
    fb, sup = env.svc.feedback, env.who("supervisor")
    # T0 is Wednesday 25 November 2026, 16:00 in Beijing.
    a = walk_in(env, category="safety")
    b = walk_in(env, category="safety")
    c = walk_in(env, category="safety", community="C02")
    fb.reply(sup, a, ReplyChannel.PHONE, "已联系")  # in time
    env.clock.advance(timedelta(hours=3))
    fb.reply(sup, b, ReplyChannel.PHONE, "已联系")  # late
    for t in (a, b):
        fb.resolve(sup, t, "已处理")
    fb.rate(sup, a, 5)
    fb.rate(sup, b, 3)
    rates = {r.community: r for r in fb.monthly_rates(sup, 2026, 11)}
    assert len(rates) == 20  # every community of the street, those without tickets too
    c01, c02, c03 = rates["C01"], rates["C02"], rates["C03"]
    assert (c01.tickets, c01.response.num, c01.response.den) == (2, 1, 2)
    assert (c01.resolution.num, c01.resolution.den) == (2, 2)
    assert (c01.satisfaction.num, c01.satisfaction.den) == (1, 2)
    assert (c02.tickets, c02.response.den, c02.resolution.num) == (1, 1, 0)
    assert c03.tickets == 0
    assert c03.response.value is None
    assert fb.monthly_rates(sup, 2026, 12) == [
        r for r in fb.monthly_rates(sup, 2026, 12) if r.tickets == 0
    ]
    assert [r.community for r in fb.monthly_rates(env.who("ws01"), 2026, 11)] == ["C01"]
    assert c in {t.id for t in fb.tickets(sup, community="C02").rows}


def test_the_queue_filters_and_counts(env: World) -> None:
    fb, sup = env.svc.feedback, env.who("supervisor")
    ids = [walk_in(env, category=c) for c in ("noise", "praise", "noise")]
    fb.reply(sup, ids[0], ReplyChannel.PHONE, "好")
    noise = fb.tickets(sup, category_code="noise")
    assert {r.id for r in noise.rows} == {ids[0], ids[2]}
    answered = fb.tickets(sup, states=[TicketState.ANSWERED])
    assert [r.id for r in answered.rows] == [ids[0]]
    # The most urgent first: the running deadline (the first response until answered).
    # Noise to respond in 2 h, praise in 48 h, then the answered noise within 3 working days.
    assert [r.id for r in fb.tickets(sup).rows] == [ids[2], ids[1], ids[0]]
    page = fb.tickets(sup, limit=1)
    assert (len(page.rows), page.total) == (1, 3)
    assert fb.tickets_by_ids(sup, [ids[1], 424242])[0].category == "praise"


def test_the_queue_order_is_the_panes_order_and_the_others_come_newest_first(
    env: World,
) -> None:
    """The pane keeps the queue in the service's order when it inserts or moves a changed
    ticket (core.feedback.queue_key); the resolved and rated came oldest first, not newest."""
    fb, sup = env.svc.feedback, env.who("supervisor")
    # Resolved in 5, 7 and 15 working days, filed in that order: the newest first is the
    # latest resolution deadline first.
    done = [walk_in(env, category=c) for c in ("praise", "property", "suggestion")]
    for tid in done:
        fb.reply(sup, tid, ReplyChannel.PHONE, "好")
        fb.resolve(sup, tid, "办结")
    fb.rate(sup, done[1], 5)
    open_ = [walk_in(env, category=c) for c in ("suggestion", "safety", "property", "noise")]
    fb.reply(sup, open_[2], ReplyChannel.PHONE, "已联系")  # its resolution deadline runs now
    rows = fb.tickets(sup).rows
    assert [r.id for r in rows] == [r.id for r in sorted(rows, key=queue_key)]
    # Unresolved by the running deadline (safety, then noise, in 2 h; the suggestion in 48 h;
    # the answered property in 7 working days), then the others newest first.
    assert [r.id for r in rows] == [open_[1], open_[3], open_[0], open_[2], *reversed(done)]


LEGACY = (
    "INSERT INTO service_ticket (community_id, category, description, caller_name, "
    "caller_phone, status, created_at, workstation) VALUES (:c, 'repair', 'old', '', '', "
    ":status, :at, 'WS01')"
)


def test_0026_goes_down_and_up_again_with_the_tickets_and_their_photos(db: Database) -> None:
    at = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
    with as_owner(db) as owner, owner.engine.connect() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0025")
        conn.commit()
        assert "service_ticket_event" not in inspect(conn).get_table_names()
        conn.execute(
            text(
                "INSERT INTO community (code, name, population, households, address, "
                "centre_x, centre_y) VALUES ('M1', 'M', 0, 0, '', 0, 0)"
            )
        )
        cid = conn.execute(text("SELECT id FROM community WHERE code = 'M1'")).scalar()
        stamp = at if db.dialect == "postgresql" else at.replace(tzinfo=None)
        for status in ("open", "answered", "closed"):
            conn.execute(text(LEGACY), {"c": cid, "status": status, "at": stamp})
        conn.commit()
        command.upgrade(cfg, "0026")
        conn.commit()
        cols = {c["name"] for c in inspect(conn).get_columns("service_ticket")}
        assert {"source", "resolve_due_at", "rating", "department_code"} <= cols
        ids = conn.execute(text("SELECT id FROM service_ticket ORDER BY id")).scalars().all()
        tid = ids[-1]
        conn.execute(
            text(
                "INSERT INTO service_ticket_photo (ticket_id, community_id, name, mime, size, "
                "sha256, data, added_at) VALUES (:t, :c, 'p.png', 'image/png', 1, 'x', :d, :at)"
            ),
            {"t": tid, "c": cid, "d": b"x", "at": stamp},
        )
        conn.commit()
        guarded = []
        if db.dialect == "postgresql":
            guarded = list(
                conn.execute(
                    text("SELECT relname FROM pg_class WHERE relrowsecurity AND relname = :t"),
                    {"t": "service_ticket_event"},
                ).scalars()
            )
        command.downgrade(cfg, "0025")
        conn.commit()
        cols = {c["name"] for c in inspect(conn).get_columns("service_ticket")}
        statuses = (
            conn.execute(text("SELECT status FROM service_ticket ORDER BY id")).scalars().all()
        )
        photos = conn.execute(text("SELECT count(*) FROM service_ticket_photo")).scalar()
        command.upgrade(cfg, "head")
        conn.commit()
    assert "source" not in cols
    assert list(statuses) == ["open", "answered", "closed"]
    assert photos == 1  # the photos stay with their tickets through the downgrade
    if db.dialect == "postgresql":
        assert guarded == ["service_ticket_event"]
    with db.session() as s:
        rows = s.scalars(select(ServiceTicket).order_by(ServiceTicket.id)).all()
        assert [r.status for r in rows] == ["open", "answered", "resolved"]
        assert all(r.source == "station" for r in rows)
        assert rows[0].response_due_at == at + timedelta(hours=24)
        assert rows[0].resolve_due_at == at + timedelta(days=7)
        assert rows[0].answered_at is None
        assert rows[2].resolved_at == at
        assert s.scalar(select(func.count()).select_from(ServiceTicketPhoto)) == 1


def test_history_is_read_only_in_scope(env: World) -> None:
    tid = walk_in(env, community="C02")
    with pytest.raises(LookupError):
        env.svc.feedback.history(env.who("ws01"), tid)
    assert [e.kind for e in env.svc.feedback.history(env.who("admin"), tid)] == [Action.CREATE]
