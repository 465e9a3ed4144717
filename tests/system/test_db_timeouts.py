"""PostgreSQL lock_timeout and statement_timeout: a held row or a runaway query fails, not hangs."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from data.db import Database, DbErrorKind, DbOptions, classify
from data.migrate import open_database
from tests.helpers.postgres import PgServer

_n = 0
TIGHT = DbOptions(lock_timeout_s=0.2, statement_timeout_s=1.0)


@pytest.fixture
def tight_db(pg_server: PgServer, pg_migrated_template: str) -> Iterator[Database]:
    """A migrated database opened with small lock and statement timeouts."""
    global _n
    _n += 1
    url = pg_server.create_database(f"timeouts_{_n}", template=pg_migrated_template)
    db = open_database(url, opts=TIGHT)
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE scratch (id integer PRIMARY KEY, v integer)"))
        conn.execute(text("INSERT INTO scratch VALUES (1, 0)"))
    yield db
    db.dispose()


@pytest.mark.postgres
def test_the_timeouts_are_set_on_every_pooled_connection(tight_db: Database) -> None:
    with tight_db.engine.connect() as conn:
        assert conn.execute(text("SHOW lock_timeout")).scalar() == "200ms"
        assert conn.execute(text("SHOW statement_timeout")).scalar() == "1s"
        assert conn.execute(text("SHOW application_name")).scalar() == "street-command-console"


@pytest.mark.postgres
def test_a_row_held_by_another_workstation_fails_instead_of_hanging(tight_db: Database) -> None:
    holder = tight_db.engine.connect()  # another workstation, mid-edit
    try:
        holder.execute(text("UPDATE scratch SET v = 1 WHERE id = 1"))  # row locked, no commit
        with pytest.raises(OperationalError) as info, tight_db.session() as s:
            s.execute(text("UPDATE scratch SET v = 2 WHERE id = 1"))
    finally:
        holder.rollback()
        holder.close()
    err = classify(info.value, tight_db.url)
    assert err.kind is DbErrorKind.LOCKED
    assert err.message == "Another workstation holds this record; try again in a moment."
    with tight_db.session() as s:  # the row is free again: the update goes through
        s.execute(text("UPDATE scratch SET v = 3 WHERE id = 1"))
        assert s.execute(text("SELECT v FROM scratch")).scalar() == 3


@pytest.mark.postgres
def test_a_runaway_statement_is_cancelled(tight_db: Database) -> None:
    with pytest.raises(OperationalError) as info, tight_db.session() as s:
        s.execute(text("SELECT pg_sleep(30)"))
    err = classify(info.value, tight_db.url)
    assert err.kind is DbErrorKind.UNREACHABLE
    assert "took too long to answer" in err.message


@pytest.mark.postgres
def test_migrations_wait_without_the_everyday_limits(
    pg_server: PgServer, pg_migrated_template: str
) -> None:
    """Opening waits for another workstation's migration (an advisory lock) longer than the
    lock timeout: a start during someone else's upgrade must not fail as 'locked'."""
    from data.migrate import _PG_MIGRATION_LOCK

    global _n
    _n += 1
    url = pg_server.create_database(f"timeouts_{_n}", template=pg_migrated_template)
    other = open_database(url)  # the workstation that migrates
    opened: list[Database] = []
    failed: list[BaseException] = []
    try:
        with other.engine.connect() as conn:
            conn.exec_driver_sql(f"SELECT pg_advisory_lock({_PG_MIGRATION_LOCK})")
            conn.commit()

            def start() -> None:
                try:
                    opened.append(open_database(url, opts=TIGHT))
                except BaseException as exc:
                    failed.append(exc)

            t = threading.Thread(target=start, name="second-workstation")
            t.start()
            t.join(1.0)  # five times the lock timeout
            assert t.is_alive(), f"opening gave up while the migration ran: {failed}"
            conn.exec_driver_sql(f"SELECT pg_advisory_unlock({_PG_MIGRATION_LOCK})")
            conn.commit()
            t.join(20)
        assert not failed
        assert len(opened) == 1
        with opened[0].engine.connect() as c:
            assert c.execute(text("SHOW lock_timeout")).scalar() == "200ms"
    finally:
        for db in opened:
            db.dispose()
        other.dispose()


@pytest.mark.parametrize(
    ("message", "kind", "says"),
    [
        ("canceling statement due to lock timeout", DbErrorKind.LOCKED, "holds this record"),
        ("canceling statement due to statement timeout", DbErrorKind.UNREACHABLE, "too long"),
        ("timeout expired", DbErrorKind.UNREACHABLE, "cannot be reached"),
    ],
)
def test_timeouts_are_told_apart_from_an_unreachable_server(
    message: str, kind: DbErrorKind, says: str
) -> None:
    err = classify(OperationalError("UPDATE", {}, Exception(message)), "postgresql://u@h/d")
    assert err.kind is kind
    assert says in err.message
