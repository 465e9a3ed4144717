"""Tracking on PostgreSQL's least-privilege roles: grants, row security, the ingest as scc_ws."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from psycopg import errors

from core.site import SiteSpec
from core.tracking import TagRead, TrackerAlarm
from core.tracking_plan import ReaderPipeline, TrackingPlan
from data.migrate import open_database
from data.pgroles import WORKSTATION_ROLE, station_role
from tests.helpers.postgres import WORKSTATION_PASSWORD
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

TRACKED = ("tag", "tag_read", "tag_position", "tracking_episode")
AT = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


def test_the_seeded_tags_are_scoped_to_their_community(site: Site) -> None:
    role = station_role(C01)
    with site.connect(role, STATION_PASSWORDS[role]) as conn:
        seen = count(conn, "SELECT count(*) FROM tag")
        assert seen == site.owner_count("tag", C01) > 0
        assert site.owner_count("tag") > seen
        others = count(
            conn, "SELECT count(*) FROM tag WHERE community_id IS DISTINCT FROM %s", site.ids[C01]
        )
        assert others == 0


def test_the_ingest_writes_as_the_workstation_and_history_cannot_be_erased(
    site: Site, demo_site: SiteSpec
) -> None:
    db = open_database(site.url(WORKSTATION_ROLE, WORKSTATION_PASSWORD))
    try:
        svc = services(db)
        plan = TrackingPlan.of(demo_site)
        codes = [s.code for s in svc.tracking.subjects() if s.community == C02][:3]
        reader = next(r.code for r in demo_site.readers if r.community == C02)
        reads = [TagRead(reader, c, AT, alarms=frozenset({TrackerAlarm.SOS})) for c in codes]
        result = svc.tracking.ingest(reads, ReaderPipeline(plan)(reads), plan, mark=("j", 3))
        assert result.stored == len(codes) > 0
        assert len(result.opened) == len(codes)
    finally:
        db.dispose()
    assert site.owner_count("tag_read", C02) == len(codes)
    assert site.owner_count("tracking_episode", C02) == len(codes)
    with site.connect(WORKSTATION_ROLE, WORKSTATION_PASSWORD) as conn:
        assert isinstance(refused(conn, "DELETE FROM tag_read"), errors.InsufficientPrivilege)
        assert isinstance(refused(conn, "DELETE FROM tag"), errors.InsufficientPrivilege)
        assert isinstance(
            refused(conn, "UPDATE tag_read SET count = 0"), errors.InsufficientPrivilege
        )
    # A station sees none of another community's reads, positions or episodes.
    role = station_role(C01)
    with site.connect(role, STATION_PASSWORDS[role]) as conn:
        for table in TRACKED[1:]:
            assert count(conn, f"SELECT count(*) FROM {table}") == site.owner_count(table, C01)
        err = refused(
            conn,
            "INSERT INTO tag_read (tag_id, community_id, reader, at, antenna, count) "
            f"VALUES (1, {site.ids[C02]}, 'R', now(), 0, 1)",
        )
        assert "row-level security" in str(err)
