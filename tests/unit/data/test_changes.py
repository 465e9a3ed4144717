"""change_log: what other workstations poll to know what to refresh."""

from __future__ import annotations

import pytest

from core.events import ChangesAvailable
from data.changes import changes_since, latest_change_id, record_change
from data.db import Database


def test_an_empty_log(db: Database) -> None:
    with db.session() as s:
        assert latest_change_id(s) == 0
        assert changes_since(s, 0) is None


def test_changes_since_reports_tables_after_a_mark(db: Database) -> None:
    with db.session() as s:
        record_change(s, "incident", 1, "insert", "CC")
        record_change(s, "device", 5, "update", "WS01")
    with db.session() as s:
        first = latest_change_id(s)
        assert first > 0
        got = changes_since(s, 0)
    assert got == ChangesAvailable(last_id=first, tables=frozenset({"incident", "device"}))

    with db.session() as s:
        assert changes_since(s, first) is None
        record_change(s, "resident", None, "seed")
        record_change(s, "incident", 2, "update")
    with db.session() as s:
        latest = latest_change_id(s)
        got = changes_since(s, first)
    assert latest > first
    assert got == ChangesAvailable(last_id=latest, tables=frozenset({"resident", "incident"}))


def test_changes_since_limit_stops_at_a_resumable_id(db: Database) -> None:
    with db.session() as s:
        for i, table in enumerate(["a", "b", "c", "d"]):
            record_change(s, table, i, "insert")
    with db.session() as s:
        part = changes_since(s, 0, limit=2)
        assert part is not None
        assert part.tables == {"a", "b"}
        rest = changes_since(s, part.last_id)
        assert rest is not None
        assert rest.tables == {"c", "d"}
        assert rest.last_id == latest_change_id(s)


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
