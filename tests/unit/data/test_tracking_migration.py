"""Migration 0020 (tracking) goes down and up again on both backends, leaving the schema whole."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from data.db import Database
from data.migrate import alembic_config
from tests.helpers.postgres import as_owner

TABLES = {"tag", "tag_read", "tag_position", "tracking_episode", "unknown_tag", "ingest_mark"}


def test_the_tracking_tables_go_down_and_up_again(db: Database) -> None:
    with as_owner(db) as owner, owner.engine.connect() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0019")
        conn.commit()
        assert not TABLES & set(inspect(conn).get_table_names())
        command.upgrade(cfg, "0020")
        conn.commit()
        assert set(inspect(conn).get_table_names()) >= TABLES
        indexes = {i["name"] for i in inspect(conn).get_indexes("tracking_episode")}
        assert "uq_tracking_episode_open" in indexes
