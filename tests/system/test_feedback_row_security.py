"""Feedback tickets on PostgreSQL's least-privilege roles: a station's role files, works and
reads its own community's tickets and their history only."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.feedback import NewTicket, ReplyChannel, Source
from data.migrate import open_database
from data.pgroles import station_role
from tests.system.test_pg_least_privilege import (
    C01,
    C02,
    STATION_PASSWORDS,
    Site,
    count,
    refused,
    services,
    site,
)

pytestmark = pytest.mark.postgres
__all__ = ["site"]  # the fixture, used by name


def test_a_station_role_works_only_its_own_communitys_tickets(site: Site, tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    filed: dict[str, int] = {}
    for code, ws, user in ((C01, "WS01", "ws01"), (C02, "WS02", "operator")):
        role = station_role(code)
        db = open_database(site.url(role, STATION_PASSWORDS[role]))
        try:
            svc = services(db, ws, keys=keys)
            who = svc.signin.principal(user)
            tid = svc.feedback.create(who, NewTicket(code, "noise", "夜间噪音", Source.WALK_IN))
            svc.feedback.reply(who, tid, ReplyChannel.PHONE, "已联系")
            filed[code] = tid
            # Through its role even a street-wide account sees its community's tickets only.
            listed = svc.feedback.tickets(svc.signin.principal("supervisor"))
            assert [t.id for t in listed.rows] == [tid]
            # The overdue check as this role reaches only its own community's tickets.
            assert svc.feedback.record_overdue() == []
        finally:
            db.dispose()
    assert site.owner_count("service_ticket_event") == 4  # created and answered, twice
    role = station_role(C01)
    with site.connect(role, STATION_PASSWORDS[role]) as conn:
        assert count(conn, "SELECT count(*) FROM service_ticket_event") == 2
        err = refused(
            conn,
            "INSERT INTO service_ticket_event (ticket_id, community_id, ts, kind, workstation, "
            f"value, note) VALUES ({filed[C02]}, {site.ids[C02]}, now(), 'answered', 'WS01', "
            "'phone', 'x')",
        )
        assert "row-level security" in str(err)
