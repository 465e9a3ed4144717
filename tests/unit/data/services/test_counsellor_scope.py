"""What a counsellor's role reads, on SQLite and PostgreSQL: the risk alerts and nothing else of
the street's incidents (queue, one incident, History, the dispatch desk), no whereabouts and no
feedback tickets; the other roles keep what they had."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.assignments import Pick
from core.feedback import NewTicket, Source
from core.history import HistoryQuery
from core.incidents import IncidentState
from core.model import Priority
from core.permissions import PermissionDenied
from core.site import SiteSpec
from data.db import Database
from data.models import Incident
from data.services.incidents import RISK_RESTRICTION
from tests.helpers.postgres import as_owner
from tests.unit.data.services.test_assignments import dept_id
from tests.unit.data.worlds import World, demo_world


@pytest.fixture
def env(db: Database, demo_site: SiteSpec) -> World:
    world = demo_world(db, demo_site)
    for name in ("counsellor", "police"):
        world.principals[name] = world.svc.signin.principal(name)
    return world


def two_incidents(env: World) -> tuple[int, int]:
    """A theft and a screening's risk alert (restricted as ScreeningService raises it), both
    acknowledged in C01."""
    op = env.who("operator")
    general = env.svc.incidents.create(
        op, title="电动车被盗", priority=Priority.P2, community="C01"
    )
    risk = env.svc.incidents.create(
        op, title="心理筛查风险提示", priority=Priority.P1, community="C01"
    )
    with as_owner(env.db) as owner, owner.session() as s:
        s.get_one(Incident, risk).restricted = RISK_RESTRICTION
    for iid in (general, risk):
        env.svc.incidents.transition(env.who("supervisor"), iid, IncidentState.ACKNOWLEDGED)
    return general, risk


def test_a_counsellor_reads_the_risk_alerts_alone(env: World) -> None:
    general, risk = two_incidents(env)
    c = env.who("counsellor")
    assert [r.id for r in env.svc.incidents.open_incidents(c)] == [risk]
    assert env.svc.incidents.incident_detail(c, risk).row.id == risk
    with pytest.raises(LookupError):
        env.svc.incidents.incident_detail(c, general)
    assert [r.id for r in env.svc.history.search(c, HistoryQuery()).rows] == [risk]
    assert env.svc.history.search(c, HistoryQuery(text="电动车")).rows == []
    # The others read what they read before.
    sup = env.who("supervisor")
    assert {r.id for r in env.svc.incidents.open_incidents(sup)} == {general, risk}
    op = env.who("operator")
    assert [r.id for r in env.svc.incidents.open_incidents(op)] == [general]
    assert [r.id for r in env.svc.history.search(op, HistoryQuery()).rows] == [general]


def test_a_counsellor_sees_the_assignments_of_risk_alerts_alone(env: World) -> None:
    general, risk = two_incidents(env)
    sup = env.who("supervisor")
    [on_general] = env.svc.assignments.dispatch(sup, general, [Pick(dept_id(env, "D01"))])
    [on_risk] = env.svc.assignments.dispatch(sup, risk, [Pick(dept_id(env, "D01"))])
    assert [a.id for a in env.svc.assignments.open_all(env.who("counsellor"))] == [on_risk]
    both = {on_general, on_risk}
    assert {a.id for a in env.svc.assignments.by_ids(env.who("counsellor"), both)} == {on_risk}
    assert {a.id for a in env.svc.assignments.open_all(sup)} == both
    # The police desk keeps every assignment sent to it, a risk alert's included.
    assert {a.id for a in env.svc.assignments.mine(env.who("police"))} == both


def test_whereabouts_are_not_a_counsellors(env: World) -> None:
    c = env.who("counsellor")
    tracking = env.svc.tracking
    with pytest.raises(PermissionDenied):
        tracking.positions(c)
    with pytest.raises(PermissionDenied):
        tracking.positions_by_ids(c, [1])
    with pytest.raises(PermissionDenied):
        tracking.find(c, "T")
    now = env.clock.now
    with pytest.raises(PermissionDenied):
        tracking.trail(c, 1, now - timedelta(hours=1), now, "寻找走失老人")
    for name in ("operator", "supervisor", "ws01", "police"):
        assert isinstance(tracking.positions(env.who(name)), list), name


def test_feedback_tickets_are_not_a_counsellors(env: World) -> None:
    with pytest.raises(PermissionDenied):
        env.svc.feedback.tickets(env.who("counsellor"))
    assert env.svc.feedback.tickets(env.who("operator")) is not None


def test_a_counsellor_changes_no_general_incident_by_number(env: World) -> None:
    # Its queue does not show them; a write by number is refused (and audited) as well.
    general, risk = two_incidents(env)
    c = env.who("counsellor")
    with pytest.raises(PermissionDenied):
        env.svc.incidents.create(c, title="x", priority=Priority.P3, community="C01")
    with pytest.raises(PermissionDenied):
        env.svc.incidents.transition(c, general, IncidentState.DISPATCHED)
    with pytest.raises(PermissionDenied):
        env.svc.assignments.dispatch(c, general, [Pick(dept_id(env, "D01"))])
    # Its own work goes on: the risk alert moves along.
    env.svc.incidents.transition(c, risk, IncidentState.RESOLVED, note="已联系家属，已转介")
    assert [r.id for r in env.svc.incidents.open_incidents(c)] == []


def test_feedback_writes_and_contacts_are_not_a_counsellors(env: World) -> None:
    c = env.who("counsellor")
    ticket = NewTicket(
        "C01", "noise", "楼下噪音", Source.WALK_IN, contact_name="李四", contact_phone="13900001111"
    )
    with pytest.raises(PermissionDenied):
        env.svc.feedback.create(c, ticket)
    tid = env.svc.feedback.create(env.who("supervisor"), ticket)
    with pytest.raises(PermissionDenied):
        env.svc.feedback.contact(c, tid)


def test_the_handover_is_the_street_works_and_lists_what_its_author_sees(env: World) -> None:
    general, risk = two_incidents(env)
    with pytest.raises(PermissionDenied):
        env.svc.handover.pending(env.who("counsellor"))
    with pytest.raises(PermissionDenied):
        env.svc.handover.gather(env.who("counsellor"))
    # The operator's report lists the theft, not the risk alert its queue never showed it.
    report = env.svc.handover.gather(env.who("operator"))
    assert [i.id for i in report.open_items] == [general]
    both = {i.id for i in env.svc.handover.gather(env.who("supervisor")).open_items}
    assert both == {general, risk}
