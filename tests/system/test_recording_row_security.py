"""Recording on PostgreSQL's least-privilege roles: the recorder as scc_ws, stations scoped."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from psycopg import errors

from core.recording import GapCause, SegmentState, segment_path
from core.site import SiteSpec
from data.migrate import open_database
from data.pgroles import WORKSTATION_ROLE, station_role
from data.services.recordings import DbRecordingSink
from tests.helpers.postgres import WORKSTATION_PASSWORD
from tests.system.test_pg_least_privilege import (
    C01,
    C02,
    STATION_PASSWORDS,
    Site,
    count,
    refused,
    site,
)

pytestmark = pytest.mark.postgres
__all__ = ["site"]  # the fixture, used by name

AT = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


def test_the_recorder_writes_as_the_workstation_and_a_station_sees_its_own_cameras(
    site: Site, demo_site: SiteSpec
) -> None:
    own = next(c.code for c in demo_site.cameras if c.community == C01)
    other = next(c.code for c in demo_site.cameras if c.community == C02)
    db = open_database(site.url(WORKSTATION_ROLE, WORKSTATION_PASSWORD))
    try:
        sink = DbRecordingSink(db, "rec:1", workstation="CC")
        for camera in (own, other):
            seg = sink.segment_opened(camera, AT, segment_path(camera, AT), "h264")
            sink.segment_closed(seg, AT + timedelta(minutes=1), 10, "0" * 64, SegmentState.COMPLETE)
            sink.gap_opened(camera, AT, GapCause.CAMERA_OFFLINE, "")
        sink.segment_deleted(seg)  # retention, as the workstation's role
        sink.raise_alarm(None, "disk full")
    finally:
        db.dispose()
    assert site.owner_count("recording_segment") == 1
    assert site.owner_count("recording_gap") == 2
    with site.connect(WORKSTATION_ROLE, WORKSTATION_PASSWORD) as conn:
        for statement in ("DELETE FROM recording_gap", "DELETE FROM evidence_hold"):
            assert isinstance(refused(conn, statement), errors.InsufficientPrivilege)
    role = station_role(C01)
    with site.connect(role, STATION_PASSWORDS[role]) as conn:
        for table in ("recording_segment", "recording_gap"):
            assert count(conn, f"SELECT count(*) FROM {table}") == site.owner_count(table, C01)
        assert count(conn, "SELECT count(*) FROM recording_gap") == 1
        assert count(conn, "SELECT count(*) FROM recorder_alarm") == 0  # street-wide only
        err = refused(
            conn,
            "INSERT INTO recording_gap (camera, community_id, start_ts, cause, detail) "
            f"VALUES ('X', {site.ids[C02]}, now(), 'error', '')",
        )
        assert "row-level security" in str(err)
