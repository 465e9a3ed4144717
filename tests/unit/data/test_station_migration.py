"""Migration 0023 (station PCs) goes down and up again on both backends, the schema whole."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from data.db import Database
from data.migrate import alembic_config
from tests.helpers.postgres import as_owner

TABLES = {"station_receipt", "service_ticket", "station_heartbeat", "station_conflict"}


def test_the_station_tables_go_down_and_up_again(db: Database) -> None:
    with as_owner(db) as owner, owner.engine.connect() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0022")
        conn.commit()
        names = set(inspect(conn).get_table_names())
        assert not TABLES & names
        assert "recording_segment" in names  # 0022's tables stay
        command.upgrade(cfg, "0023")
        conn.commit()
        assert set(inspect(conn).get_table_names()) >= TABLES
        receipt = {
            tuple(u["column_names"])
            for u in inspect(conn).get_unique_constraints("station_receipt")
        }
        assert ("uuid",) in receipt  # the server takes each UUID once
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0023"
        if db.dialect == "postgresql":
            guarded = conn.execute(
                text("SELECT relname FROM pg_class WHERE relrowsecurity AND relname = ANY(:t)"),
                {"t": sorted(TABLES)},
            ).scalars()
            assert set(guarded) == TABLES
