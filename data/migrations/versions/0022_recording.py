"""Recording: segment and gap index, evidence holds, bookmarks, recorder heartbeats and alarms"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TS = sa.DateTime(timezone=True)
# The literals of data.models as of this revision.
WRITING = "state = 'writing'"
OPEN_GAP = "end_ts IS NULL"
LIVE_HOLD = "released_at IS NULL"
OPENED = "outcome = 'incident'"
# Row-level security by the camera's community, as 0021 scopes camera_event. Evidence holds
# are not scoped: a recorder connected as a station's role must still see every hold that
# names its cameras (a hold of another community's incident), or retention would delete
# held recordings. Recorder heartbeats have no community.
SCOPED = ("recording_segment", "recording_gap", "bookmark", "recorder_alarm")


def _in_scope(table: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM db_role_scope r WHERE r.role_name = current_user::text "
        f"AND (r.community_id IS NULL OR r.community_id = {table}.community_id))"
    )


def _community(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["community_id"], ["community.id"], name=op.f(f"fk_{table}_community_id_community")
    )


def _incident(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["incident_id"],
        ["incident.id"],
        name=op.f(f"fk_{table}_incident_id_incident"),
        ondelete="SET NULL",
    )


def upgrade() -> None:
    op.create_table(
        "recording_segment",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("camera", sa.String(length=32), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("start_ts", _TS, nullable=False),
        sa.Column("end_ts", _TS, nullable=True),
        sa.Column("path", sa.String(length=300), nullable=False),
        sa.Column("bytes", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("codec", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("recorder", sa.String(length=64), nullable=False),
        sa.Column("created", _TS, nullable=False),
        _community("recording_segment"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recording_segment")),
    )
    op.create_index(
        "ix_recording_segment_camera_start", "recording_segment", ["camera", "start_ts"]
    )
    op.create_index("ix_recording_segment_start", "recording_segment", ["start_ts"])
    op.create_index(
        "ix_recording_segment_writing",
        "recording_segment",
        ["camera"],
        sqlite_where=sa.text(WRITING),
        postgresql_where=sa.text(WRITING),
    )
    op.create_table(
        "recording_gap",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("camera", sa.String(length=32), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("start_ts", _TS, nullable=False),
        sa.Column("end_ts", _TS, nullable=True),
        sa.Column("cause", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.String(length=300), nullable=False),
        _community("recording_gap"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recording_gap")),
    )
    op.create_index("ix_recording_gap_camera_start", "recording_gap", ["camera", "start_ts"])
    op.create_index(
        "ix_recording_gap_open",
        "recording_gap",
        ["camera"],
        sqlite_where=sa.text(OPEN_GAP),
        postgresql_where=sa.text(OPEN_GAP),
    )
    op.create_table(
        "evidence_hold",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("incident_id", _BIG, nullable=True),
        sa.Column("cameras", sa.Text(), nullable=False),
        sa.Column("start_ts", _TS, nullable=False),
        sa.Column("end_ts", _TS, nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("released_by", sa.String(length=64), nullable=True),
        sa.Column("released_at", _TS, nullable=True),
        sa.Column("release_reason", sa.String(length=200), nullable=True),
        _incident("evidence_hold"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_hold")),
    )
    op.create_index(op.f("ix_evidence_hold_incident_id"), "evidence_hold", ["incident_id"])
    op.create_index(
        "ix_evidence_hold_live",
        "evidence_hold",
        ["start_ts"],
        sqlite_where=sa.text(LIVE_HOLD),
        postgresql_where=sa.text(LIVE_HOLD),
    )
    op.create_table(
        "bookmark",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("camera", sa.String(length=32), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("at_ts", _TS, nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("incident_id", _BIG, nullable=True),
        sa.Column("created", _TS, nullable=False),
        sa.Column("deleted_at", _TS, nullable=True),
        _community("bookmark"),
        _incident("bookmark"),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_bookmark_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookmark")),
    )
    op.create_index("ix_bookmark_camera_at", "bookmark", ["camera", "at_ts"])
    op.create_index(op.f("ix_bookmark_incident_id"), "bookmark", ["incident_id"])
    op.create_table(
        "recorder_status",
        sa.Column("recorder", sa.String(length=64), nullable=False),
        sa.Column("started", _TS, nullable=False),
        sa.Column("heartbeat", _TS, nullable=False),
        sa.Column("cameras_total", sa.Integer(), nullable=False),
        sa.Column("cameras_recording", sa.Integer(), nullable=False),
        sa.Column("bitrate_bps", sa.Float(), nullable=False),
        sa.Column("disk_free_bytes", sa.BigInteger(), nullable=False),
        sa.Column("disk_total_bytes", sa.BigInteger(), nullable=False),
        sa.Column("days_fit", sa.Float(), nullable=True),
        sa.Column("root", sa.String(length=500), nullable=False),
        sa.Column("detail", sa.String(length=300), nullable=False),
        sa.Column("failing", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("recorder", name=op.f("pk_recorder_status")),
    )
    op.create_table(
        "recorder_alarm",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("recorder", sa.String(length=64), nullable=False),
        sa.Column("camera", sa.String(length=32), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("at", _TS, nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("incident_id", _BIG, nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        _community("recorder_alarm"),
        _incident("recorder_alarm"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recorder_alarm")),
    )
    op.create_index(op.f("ix_recorder_alarm_incident_id"), "recorder_alarm", ["incident_id"])
    # The open incident of a recorder problem: the rows that opened one.
    op.create_index(
        "ix_recorder_alarm_opened",
        "recorder_alarm",
        ["camera", "id"],
        sqlite_where=sa.text(OPENED),
        postgresql_where=sa.text(OPENED),
    )
    if op.get_context().dialect.name != "postgresql":
        return
    for table in SCOPED:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        scope = _in_scope(table)
        op.execute(f"CREATE POLICY {table}_scope ON {table} USING ({scope}) WITH CHECK ({scope})")


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for table in SCOPED:
            op.execute(f"DROP POLICY IF EXISTS {table}_scope ON {table}")
    op.drop_index("ix_recorder_alarm_opened", table_name="recorder_alarm")
    op.drop_index(op.f("ix_recorder_alarm_incident_id"), table_name="recorder_alarm")
    op.drop_table("recorder_alarm")
    op.drop_table("recorder_status")
    op.drop_index(op.f("ix_bookmark_incident_id"), table_name="bookmark")
    op.drop_index("ix_bookmark_camera_at", table_name="bookmark")
    op.drop_table("bookmark")
    op.drop_index("ix_evidence_hold_live", table_name="evidence_hold")
    op.drop_index(op.f("ix_evidence_hold_incident_id"), table_name="evidence_hold")
    op.drop_table("evidence_hold")
    op.drop_index("ix_recording_gap_open", table_name="recording_gap")
    op.drop_index("ix_recording_gap_camera_start", table_name="recording_gap")
    op.drop_table("recording_gap")
    op.drop_index("ix_recording_segment_writing", table_name="recording_segment")
    op.drop_index("ix_recording_segment_start", table_name="recording_segment")
    op.drop_index("ix_recording_segment_camera_start", table_name="recording_segment")
    op.drop_table("recording_segment")
