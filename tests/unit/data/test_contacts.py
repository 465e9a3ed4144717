"""A resident's recent contacts: newest first, the viewer's communities only, every look audited."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from core.audit import AuditAction
from core.contacts import ContactKind
from core.model import Priority
from core.permissions import PermissionDenied
from core.site import SiteSpec
from core.station import RequestTarget, ResidentRequest, SendState
from data.db import Database
from data.models import Community, Resident
from data.services.contacts import ContactsService
from tests.helpers.consoles import SeededSite, audit_actions, audit_details, seed_demo


@pytest.fixture
def seeded(sqlite_db: Database, demo_site: SiteSpec, tmp_path: Path) -> SeededSite:
    return seed_demo(sqlite_db, demo_site, tmp_path / "keys")


def first_resident(seeded: SeededSite, community: str) -> tuple[int, str]:
    with seeded.db.session() as s:
        row = s.execute(
            select(Resident.id, Resident.phone)
            .join(Community, Resident.community_id == Community.id)
            .where(Community.code == community, Resident.phone != "")
            .order_by(Resident.id)
        ).first()
    assert row is not None
    return row[0], row[1]


def test_contacts_list_incidents_and_tickets_newest_first_and_audit_the_look(
    seeded: SeededSite,
) -> None:
    rid, phone = first_resident(seeded, "C01")
    admin, station = seeded.principal("admin"), seeded.principal("ws01")
    services = seeded.services
    older = services.incidents.create(
        admin, title="Fell at home", priority=Priority.P2, community="C01", caller_phone=phone
    )
    services.incidents.create(
        admin, title="Someone else", priority=Priority.P3, community="C01", caller_phone="1"
    )
    applied = services.station.apply(
        station,
        "7b0b7f4e-2f9c-4a57-9d0c-3f6f1b9c2a11",
        ResidentRequest(
            workstation="WS01",
            community="C01",
            target=RequestTarget.TICKET,
            category="repair",
            description="The stair light is out",
            taken_at=datetime.now(UTC),
            resident_id=rid,
        ),
    )
    assert applied.state is SendState.SENT
    rows = ContactsService(services.ctx).recent(station, rid)
    assert [(r.kind, r.ref) for r in rows] == [
        (ContactKind.TICKET, applied.server_ref),
        (ContactKind.INCIDENT, f"incident:{older}"),
    ]
    assert rows[0].summary == "repair"
    assert rows[1].summary == "Fell at home"
    assert audit_actions(seeded.db, "ws01")[AuditAction.RESIDENT_VIEWED] == 1
    assert audit_details(seeded.db, AuditAction.RESIDENT_VIEWED) == [
        '{"what": "contacts", "rows": 2}'
    ]


def test_a_station_cannot_read_the_contacts_of_another_community(seeded: SeededSite) -> None:
    rid, _ = first_resident(seeded, "C02")
    station = seeded.principal("ws01")
    with pytest.raises(PermissionDenied):
        ContactsService(seeded.services.ctx).recent(station, rid)
    assert audit_actions(seeded.db, "ws01")[AuditAction.PERMISSION_DENIED] == 1
    assert audit_actions(seeded.db, "ws01")[AuditAction.RESIDENT_VIEWED] == 0


def test_contacts_of_an_unknown_resident(seeded: SeededSite) -> None:
    with pytest.raises(LookupError):
        ContactsService(seeded.services.ctx).recent(seeded.principal("admin"), 10**9)
