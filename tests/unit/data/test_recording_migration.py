"""Migration 0022 (recording) goes down and up again on both backends, leaving the schema whole."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from data.db import Database
from data.migrate import alembic_config
from tests.helpers.postgres import as_owner

TABLES = {
    "recording_segment",
    "recording_gap",
    "evidence_hold",
    "bookmark",
    "recorder_status",
    "recorder_alarm",
}
SCOPED = {"recording_segment", "recording_gap", "bookmark", "recorder_alarm"}


def test_the_recording_tables_go_down_and_up_again(db: Database) -> None:
    with as_owner(db) as owner, owner.engine.connect() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0021")
        conn.commit()
        names = set(inspect(conn).get_table_names())
        assert not TABLES & names
        assert "camera_event" in names  # 0021's tables stay
        command.upgrade(cfg, "0022")
        conn.commit()
        assert set(inspect(conn).get_table_names()) >= TABLES
        segments = {i["name"] for i in inspect(conn).get_indexes("recording_segment")}
        assert {
            "ix_recording_segment_camera_start",
            "ix_recording_segment_start",
            "ix_recording_segment_writing",
        } <= segments
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0022"
        if db.dialect == "postgresql":
            guarded = conn.execute(
                text("SELECT relname FROM pg_class WHERE relrowsecurity AND relname = ANY(:t)"),
                {"t": sorted(TABLES)},
            ).scalars()
            assert set(guarded) == SCOPED
