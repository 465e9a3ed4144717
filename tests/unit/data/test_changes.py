"""change_log: what other workstations poll to know what to refresh, row by row."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from core.events import ChangesAvailable
from core.timefmt import utcnow
from data.changes import changes_since, latest_change_id, record_change
from data.db import Database
from data.models import ChangeLog
from tests.unit.data.support import T0, FakeClock


def test_an_empty_log(db: Database) -> None:
    with db.session() as s:
        assert latest_change_id(s) == 0
        assert changes_since(s, 0) is None


def test_changes_since_reports_tables_and_rows_after_a_mark(db: Database) -> None:
    with db.session() as s:
        record_change(s, "incident", 1, "insert", "CC")
        record_change(s, "device", 5, "update", "WS01")
        record_change(s, "incident", 1, "update", "CC")
    with db.session() as s:
        first = latest_change_id(s)
        assert first > 0
        got = changes_since(s, 0)
    assert got == ChangesAvailable(
        last_id=first,
        tables=frozenset({"incident", "device"}),
        rows={"incident": frozenset({1}), "device": frozenset({5})},
    )
    assert got.ids("incident") == {1}
    assert got.ids("device") == {5}
    assert got.ids("resident") is None  # not changed at all

    with db.session() as s:
        assert changes_since(s, first) is None
        record_change(s, "resident", None, "seed")
        record_change(s, "incident", 2, "update")
        record_change(s, "incident", 3, "insert")
    with db.session() as s:
        latest = latest_change_id(s)
        got = changes_since(s, first)
    assert latest > first
    assert got == ChangesAvailable(
        last_id=latest,
        tables=frozenset({"resident", "incident"}),
        rows={"incident": frozenset({2, 3})},
    )
    # A change without a row id marks its table as changed whole.
    assert got.ids("resident") is None
    assert got.ids("incident") == {2, 3}


def test_a_whole_table_change_outweighs_its_row_changes(db: Database) -> None:
    with db.session() as s:
        record_change(s, "device", 5, "update")
        record_change(s, "device", None, "seed")
        record_change(s, "device", 6, "update")
        record_change(s, "incident", 7, "insert")
    with db.session() as s:
        got = changes_since(s, 0)
    assert got is not None
    assert got.tables == {"device", "incident"}
    assert got.ids("device") is None
    assert got.rows == {"incident": frozenset({7})}


def test_changes_since_limit_stops_at_a_resumable_id(db: Database) -> None:
    with db.session() as s:
        for i, table in enumerate(["a", "b", "c", "d"]):
            record_change(s, table, i, "insert")
    with db.session() as s:
        part = changes_since(s, 0, limit=2)
        assert part is not None
        assert part.tables == {"a", "b"}
        # A batch cut at the limit cannot vouch for its row ids: every table reloads whole.
        assert part.rows == {}
        rest = changes_since(s, part.last_id)
        assert rest is not None
        assert rest.tables == {"c", "d"}
        assert rest.rows == {"c": frozenset({2}), "d": frozenset({3})}
        assert rest.last_id == latest_change_id(s)


def test_rows_carry_the_injected_clocks_time(db: Database) -> None:
    clock = FakeClock(tick=timedelta(seconds=1))
    before = utcnow()
    with db.session() as s:
        record_change(s, "incident", 1, "insert", "CC", clock=clock)
        record_change(s, "incident", 2, "insert", "CC", clock=clock)
        record_change(s, "device", 3, "update", "CC")
    after = utcnow()
    with db.session() as s:
        stamps = list(s.scalars(select(ChangeLog.ts).order_by(ChangeLog.id)))
    assert stamps[:2] == [T0 + timedelta(seconds=1), T0 + timedelta(seconds=2)]
    # Without a clock, the time of day.
    assert before <= stamps[2] <= after


def test_uncommitted_changes_are_invisible_to_others(db: Database) -> None:
    class Boom(Exception):
        pass

    def record_then_fail() -> None:
        with db.session() as s:
            record_change(s, "incident", 1, "insert")
            raise Boom

    with pytest.raises(Boom):
        record_then_fail()
    with db.session() as s:
        assert latest_change_id(s) == 0
