"""Two workstations make the same step on one incident at the same moment: exactly one wins.

The write path serialises them (BEGIN IMMEDIATE on SQLite, SELECT … FOR UPDATE on PostgreSQL),
so the second reads the state the first left and the lifecycle refuses the repeated step: no
double timeline entry, no second change_log row, no fork in the audit chain.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from core.incidents import IncidentState, TransitionError
from core.model import Priority, RoleName
from core.permissions import Principal
from core.site import SiteSpec
from data.audit import verify_audit
from data.db import Database
from data.migrate import open_database
from data.models import AuditLog, ChangeLog, IncidentEvent
from data.seeding import seed_site
from data.services import Services
from tests.helpers.consoles import services_at
from tests.helpers.postgres import as_owner

JOIN_S = 20.0  # far beyond a lock wait; a hung step fails here, not at the suite's timeout


@dataclass
class Desk:
    """One workstation: its own engine on the shared database, its services, a signed-in user."""

    name: str
    services: Services
    who: Principal


@pytest.fixture
def desks(db: Database, demo_site: SiteSpec) -> Iterator[dict[str, Services]]:
    """The control centre (CC) and a second workstation (WS02), each with its own engine."""
    cc = services_at(db, "CC")
    # Seeding and accounts are the owner's; the desks run as the console.
    with as_owner(db) as owner:
        seed_site(owner, demo_site, services_at(owner, "CC"), population=0)
        services_at(owner, "CC").accounts.create_user(
            None,
            username="supervisor2",
            display_name="赵敏",
            role=RoleName.SUPERVISOR,
            password="Correct-horse-9",
        )
    other = open_database(db.url)  # a second workstation has a connection pool of its own
    try:
        yield {"CC": cc, "WS02": services_at(other, "WS02")}
    finally:
        other.dispose()


def _desk(desks: dict[str, Services], workstation: str, username: str) -> Desk:
    svc = desks[workstation]
    return Desk(workstation, svc, svc.signin.principal(username))


@dataclass
class Outcome:
    """What one racing step did: None when it succeeded, else the exception it raised."""

    desk: str
    error: BaseException | None


def _race(steps: dict[str, Callable[[], None]]) -> list[Outcome]:
    """Run each step on its own thread, released together by a barrier; wait for both."""
    barrier = threading.Barrier(len(steps))
    outcomes: dict[str, BaseException | None] = {}
    lock = threading.Lock()

    def run(name: str, step: Callable[[], None]) -> None:
        barrier.wait(timeout=JOIN_S)
        try:
            step()
            err: BaseException | None = None
        except BaseException as exc:
            err = exc
        with lock:
            outcomes[name] = err

    threads = [
        threading.Thread(target=run, args=(name, step), name=f"race:{name}")
        for name, step in steps.items()
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(JOIN_S)
    assert not any(t.is_alive() for t in threads), "a racing step hung"
    return [Outcome(name, outcomes[name]) for name in steps]


def _one_winner(outcomes: list[Outcome]) -> tuple[Outcome, Outcome]:
    """The winner and the loser; the loser must have been refused by the lifecycle."""
    won = [o for o in outcomes if o.error is None]
    lost = [o for o in outcomes if o.error is not None]
    assert len(won) == 1, f"expected exactly one success: {outcomes}"
    assert len(lost) == 1
    assert isinstance(lost[0].error, TransitionError), repr(lost[0].error)
    return won[0], lost[0]


def _steps_to(db: Database, incident_id: int, state: IncidentState) -> list[tuple[str, str]]:
    """(note, workstation) of every timeline entry that moved the incident into `state`."""
    with db.session() as s:
        return [
            (e.note, e.workstation)
            for e in s.scalars(
                select(IncidentEvent)
                .where(
                    IncidentEvent.incident_id == incident_id,
                    IncidentEvent.to_state == state.value,
                )
                .order_by(IncidentEvent.id)
            )
        ]


def _changes(db: Database, incident_id: int) -> Counter[str]:
    """change_log ops recorded for the incident."""
    with db.session() as s:
        return Counter(
            s.scalars(
                select(ChangeLog.op).where(
                    ChangeLog.table_name == "incident", ChangeLog.row_id == incident_id
                )
            )
        )


def _audited_steps(db: Database, incident_id: int) -> list[str]:
    """The details ("from -> to") of the incident's audited state changes, oldest first."""
    with db.session() as s:
        return list(
            s.scalars(
                select(AuditLog.detail)
                .where(AuditLog.action == "incident_changed", AuditLog.target == str(incident_id))
                .order_by(AuditLog.id)
            )
        )


def _audit_ok(db: Database) -> None:
    with db.session() as s:
        report = verify_audit(s)
        rows = s.scalar(select(func.count()).select_from(AuditLog))
    assert report.ok, report.breaks
    assert rows


def _new_incident(desks: dict[str, Services]) -> int:
    cc = _desk(desks, "CC", "operator")
    return cc.services.incidents.create(
        cc.who, title="独居老人求助", priority=Priority.P1, community="C01", location="3号楼"
    )


def test_both_acknowledge_at_once_one_wins(db: Database, desks: dict[str, Services]) -> None:
    iid = _new_incident(desks)
    cc, ws = _desk(desks, "CC", "operator"), _desk(desks, "WS02", "operator")

    outcomes = _race(
        {
            d.name: (
                lambda d=d: d.services.incidents.transition(d.who, iid, IncidentState.ACKNOWLEDGED)
            )
            for d in (cc, ws)
        }
    )

    won, lost = _one_winner(outcomes)
    assert "acknowledged" in str(lost.error)
    assert _steps_to(db, iid, IncidentState.ACKNOWLEDGED) == [("", won.desk)]
    assert _changes(db, iid) == {"insert": 1, "update": 1}
    assert _audited_steps(db, iid) == ["new -> acknowledged"]
    _audit_ok(db)
    row = cc.services.incidents.incident_detail(cc.who, iid).row
    assert row.state is IncidentState.ACKNOWLEDGED
    assert row.claimed_by_id == cc.who.user_id  # the same account at both desks


def test_both_resolve_at_once_with_notes_one_wins(db: Database, desks: dict[str, Services]) -> None:
    iid = _new_incident(desks)
    cc, ws = _desk(desks, "CC", "operator"), _desk(desks, "WS02", "operator")
    cc.services.incidents.transition(cc.who, iid, IncidentState.ACKNOWLEDGED)
    notes = {"CC": "已送医", "WS02": "家属已到场"}

    outcomes = _race(
        {
            d.name: (
                lambda d=d: d.services.incidents.transition(
                    d.who, iid, IncidentState.RESOLVED, notes[d.name]
                )
            )
            for d in (cc, ws)
        }
    )

    won, _lost = _one_winner(outcomes)
    # The winner's note alone is on the timeline; the loser's is not half-written anywhere.
    assert _steps_to(db, iid, IncidentState.RESOLVED) == [(notes[won.desk], won.desk)]
    assert _changes(db, iid) == {"insert": 1, "update": 2}
    assert _audited_steps(db, iid) == ["new -> acknowledged", "acknowledged -> resolved"]
    _audit_ok(db)


def test_two_supervisors_close_at_once_one_wins(db: Database, desks: dict[str, Services]) -> None:
    iid = _new_incident(desks)
    op = _desk(desks, "CC", "operator")
    op.services.incidents.transition(op.who, iid, IncidentState.RESOLVED, "处理完毕")
    first, second = _desk(desks, "CC", "supervisor"), _desk(desks, "WS02", "supervisor2")

    outcomes = _race(
        {
            d.name: (
                lambda d=d: d.services.incidents.transition(
                    d.who, iid, IncidentState.CLOSED, f"reviewed at {d.name}"
                )
            )
            for d in (first, second)
        }
    )

    won, lost = _one_winner(outcomes)
    assert "closed" in str(lost.error)
    assert _steps_to(db, iid, IncidentState.CLOSED) == [(f"reviewed at {won.desk}", won.desk)]
    assert _changes(db, iid) == {"insert": 1, "update": 2}
    assert _audited_steps(db, iid) == ["new -> resolved", "resolved -> closed"]
    _audit_ok(db)
    closer = first if won.desk == "CC" else second
    with db.session() as s:
        actors = list(
            s.scalars(
                select(AuditLog.actor).where(
                    AuditLog.action == "incident_changed", AuditLog.detail == "resolved -> closed"
                )
            )
        )
    assert actors == [closer.who.username]
