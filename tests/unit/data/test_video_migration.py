"""Migration 0021 (video) goes down and up again on both backends, leaving the schema whole."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from data.db import Database
from data.migrate import alembic_config
from tests.helpers.postgres import as_owner

TABLES = {"wall_view", "camera_setting", "camera_event"}
SCOPED = {"camera_setting", "camera_event"}


def test_the_video_tables_go_down_and_up_again(db: Database) -> None:
    with as_owner(db) as owner, owner.engine.connect() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0020")
        conn.commit()
        names = set(inspect(conn).get_table_names())
        assert not TABLES & names
        assert "tracking_episode" in names  # 0020's tables stay
        command.upgrade(cfg, "0021")
        conn.commit()
        assert set(inspect(conn).get_table_names()) >= TABLES
        views = {i["name"]: i["unique"] for i in inspect(conn).get_indexes("wall_view")}
        assert views == {"uq_wall_view_own": True, "uq_wall_view_shared": True}
        events = {i["name"] for i in inspect(conn).get_indexes("camera_event")}
        assert {"ix_camera_event_opened", "ix_camera_event_camera_at"} <= events
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0021"
        if db.dialect == "postgresql":
            guarded = conn.execute(
                text(
                    "SELECT relname FROM pg_class WHERE relrowsecurity "
                    "AND relname IN ('wall_view', 'camera_setting', 'camera_event')"
                )
            ).scalars()
            assert set(guarded) == SCOPED


def test_one_shared_view_per_name_and_one_own_view_per_owner_and_name(db: Database) -> None:
    # NULL owners never collide in a plain unique index: the partial ones must hold.
    insert = text(
        "INSERT INTO wall_view (owner_id, name, layout, tiles, created_at, updated_at, "
        "updated_by) VALUES (:owner, :name, '1', '[]', :at, :at, 'x')"
    )
    at = "2026-01-01 00:00:00+00:00"
    with as_owner(db) as owner, owner.engine.connect() as conn:
        conn.execute(text("INSERT INTO role (name, description) VALUES ('operator', '')"))
        conn.execute(
            text(
                "INSERT INTO user_account (username, display_name, password_hash, role_id, "
                "active, failed_attempts, created_at) SELECT 'u', 'u', 'x', id, true, 0, :at "
                "FROM role WHERE name = 'operator'"
            ),
            {"at": at},
        )
        user = conn.execute(text("SELECT id FROM user_account WHERE username = 'u'")).scalar()
        rows = [(None, "全街"), (user, "全街"), (user, "路口")]
        for owner_id, name in rows:
            conn.execute(insert, {"owner": owner_id, "name": name, "at": at})
        for owner_id, name in rows:
            savepoint = conn.begin_nested()
            try:
                conn.execute(insert, {"owner": owner_id, "name": name, "at": at})
            except Exception:
                savepoint.rollback()
            else:
                savepoint.commit()
                raise AssertionError(f"a second view {name!r} of owner {owner_id} was stored")
        assert conn.execute(text("SELECT count(*) FROM wall_view")).scalar() == len(rows)
        conn.rollback()
