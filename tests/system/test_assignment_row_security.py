"""A station's database role reaches only the assignments of its own community's incidents."""

from __future__ import annotations

import os
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import text

from core.site import SiteSpec
from data.migrate import open_database
from data.pgroles import WORKSTATION_ROLE, station_role
from data.seeding import seed_site
from tests.helpers.fakes import FakeClock
from tests.helpers.postgres import WORKSTATION_PASSWORD, PgServer, setup_console_roles
from tests.unit.data.worlds import services_on

pytestmark = pytest.mark.postgres

C01, C02 = "C01", "C02"
PASSWORDS = {station_role(C01): "station-c01-asg", station_role(C02): "station-c02-asg"}
Site = tuple[str, dict[str | None, int]]


@pytest.fixture
def site(pg_server: PgServer, pg_migrated_template: str, demo_site: SiteSpec) -> Iterator[Site]:
    """The seeded demo site with an assignment in C01, one in C02 and one street-wide: its
    database name and the incident of each community."""
    name = f"asg_{os.getpid()}"
    owner = open_database(pg_server.create_database(name, template=pg_migrated_template))
    try:
        seed_site(owner, demo_site, services_on(owner, FakeClock()), population=0)
        setup_console_roles(owner, [c.code for c in demo_site.communities], PASSWORDS)
        incidents: dict[str | None, int] = {}
        with owner.engine.begin() as conn:
            for code in (C01, C02, None):
                iid = conn.execute(
                    text(
                        "INSERT INTO incident (title, description, priority, state, source, "
                        "community_id, location, created_at, updated_at, queue_rank) VALUES "
                        "('t', '', 2, 'dispatched', 'manual', "
                        "(SELECT id FROM community WHERE code = :c), '', now(), now(), 5) "
                        "RETURNING id"
                    ),
                    {"c": code},
                ).scalar_one()
                incidents[code] = int(iid)
                conn.execute(
                    text(
                        "INSERT INTO assignment (incident_id, department_id, state, note, "
                        "decline_reason, notified_at, answer_due, updated_at, version) VALUES "
                        "(:i, (SELECT id FROM department WHERE code = 'D01'), 'notified', '', '', "
                        "now(), now(), now(), 1)"
                    ),
                    {"i": iid},
                )
        yield name, incidents
    finally:
        owner.dispose()


def connect(srv: PgServer, db: str, role: str, password: str) -> psycopg.Connection[tuple[int]]:
    return psycopg.connect(
        host="127.0.0.1", port=srv.port, user=role, password=password, dbname=db, autocommit=True
    )


def count(conn: psycopg.Connection[tuple[int]], query: str) -> int:
    row = conn.execute(query).fetchone()
    assert row is not None
    return int(row[0])


def test_a_station_sees_only_its_communitys_assignments(pg_server: PgServer, site: Site) -> None:
    name, _ = site
    role = station_role(C01)
    with connect(pg_server, name, role, PASSWORDS[role]) as conn:
        assert count(conn, "SELECT count(*) FROM assignment") == 1
        mine = count(
            conn,
            "SELECT count(*) FROM assignment a JOIN incident i ON i.id = a.incident_id "
            "JOIN community c ON c.id = i.community_id WHERE c.code = 'C01'",
        )
        assert mine == 1
    with connect(pg_server, name, WORKSTATION_ROLE, WORKSTATION_PASSWORD) as conn:
        assert count(conn, "SELECT count(*) FROM assignment") == 3, "the control room sees all"


def test_a_station_cannot_write_another_communitys_assignments(
    pg_server: PgServer, site: Site
) -> None:
    name, incidents = site
    role = station_role(C01)
    with connect(pg_server, name, role, PASSWORDS[role]) as conn:
        with pytest.raises(psycopg.Error, match="row-level security"):
            conn.execute(
                "INSERT INTO assignment (incident_id, department_id, state, note, "
                "decline_reason, notified_at, answer_due, updated_at, version) VALUES (%s, "
                "(SELECT id FROM department WHERE code = 'D01'), 'notified', '', '', now(), "
                "now(), now(), 1)",
                (incidents[C02],),
            )
        # Another community's assignments are not there to update.
        assert conn.execute("UPDATE assignment SET note = 'x' WHERE note = ''").rowcount == 1
