"""Migration 0037: every community policy reads the role's scope once, and goes back whole."""

from __future__ import annotations

import re

import pytest
from alembic import command
from sqlalchemy import text

from data.migrate import alembic_config, open_database
from tests.helpers.postgres import PgServer

pytestmark = pytest.mark.postgres

PER_ROW = re.compile(r"r\.community_id = \w+\.community_id")
ONCE = "( SELECT (r.community_id IS NULL)"

POLICIES = "SELECT tablename, policyname, qual, with_check FROM pg_policies ORDER BY 1, 2"


def test_the_scope_is_read_once_and_the_downgrade_restores_each_policy(
    pg_server: PgServer, pg_migrated_template: str
) -> None:
    url = pg_server.create_database("scope_once", template=pg_migrated_template)
    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            head = conn.execute(text(POLICIES)).all()
            scoped = [r for r in head if ONCE in f"{r.qual} {r.with_check}"]
            assert len(scoped) >= 60  # every community table of the services so far
            assert not [r for r in head if PER_ROW.search(f"{r.qual} {r.with_check}")]
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0036")
            conn.commit()
            old = conn.execute(text(POLICIES)).all()
            assert [(r.tablename, r.policyname) for r in old] == [
                (r.tablename, r.policyname) for r in head
            ]
            per_row = {r.policyname for r in old if PER_ROW.search(f"{r.qual} {r.with_check}")}
            assert per_row == {r.policyname for r in scoped}
            assert not [r for r in old if ONCE in f"{r.qual} {r.with_check}"]
            command.upgrade(cfg, "head")
            conn.commit()
            assert conn.execute(text(POLICIES)).all() == head
    finally:
        db.dispose()


def test_the_plan_reads_the_scope_once_not_per_row(
    pg_server: PgServer, pg_migrated_template: str
) -> None:
    url = pg_server.create_database("scope_plan", template=pg_migrated_template)
    ws = open_database(pg_server.workstation_url("scope_plan"))
    try:
        with ws.engine.connect() as conn:
            plan = "\n".join(conn.execute(text("EXPLAIN SELECT count(*) FROM resident")).scalars())
        assert "InitPlan" in plan
        assert "SubPlan" not in plan  # a SubPlan is what ran once per row
    finally:
        ws.dispose()
    assert url
