"""Station entries on PostgreSQL's least-privilege roles: a station's role reaches its own only."""

from __future__ import annotations

import uuid as uuid_mod
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.station import PanicPress, RequestTarget, ResidentRequest, SendState
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

AT = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


def test_a_station_role_writes_and_reads_only_its_own_station_rows(
    site: Site, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    # ws01 is C01's station account; C02's PC is signed in by the street-wide operator.
    for code, ws, user in ((C01, "WS01", "ws01"), (C02, "WS02", "operator")):
        role = station_role(code)
        db = open_database(site.url(role, STATION_PASSWORDS[role]))
        try:
            svc = services(db, ws, keys=keys)
            who = svc.signin.principal(user)
            press = PanicPress(ws, code, AT)
            assert svc.station.apply(who, str(uuid_mod.uuid4()), press).state is SendState.SENT
            ticket = ResidentRequest(ws, code, RequestTarget.TICKET, "help", "需要帮助", AT)
            assert svc.station.apply(who, str(uuid_mod.uuid4()), ticket).state is SendState.SENT
            svc.station.heartbeat(who, ws, AT, 0)
            # Another community's entry: refused by the service (ws01's scope) or by the
            # database's row security (the operator through C02's role), never written.
            other = C02 if code == C01 else C01
            answer = svc.station.apply(who, str(uuid_mod.uuid4()), PanicPress(ws, other, AT))
            assert answer.state is SendState.REFUSED, answer
            # Through a station's role even a street-wide account sees its heartbeat only.
            seen = svc.station.stations(svc.signin.principal("supervisor"))
            assert [s.workstation for s in seen if s.last_seen_at is not None] == [ws]
        finally:
            db.dispose()
    for table in ("station_receipt", "service_ticket", "station_heartbeat"):
        assert site.owner_count(table) == 2 * (2 if table == "station_receipt" else 1)
    role = station_role(C01)
    with site.connect(role, STATION_PASSWORDS[role]) as conn:
        for table in ("station_receipt", "service_ticket", "station_heartbeat"):
            assert count(conn, f"SELECT count(*) FROM {table}") == site.owner_count(table, C01)
        err = refused(
            conn,
            "INSERT INTO station_heartbeat (workstation, community_id, last_seen_at, "
            f"clock_skew_s, waiting) VALUES ('WS09', {site.ids[C02]}, now(), 0, 0)",
        )
        assert "row-level security" in str(err)
