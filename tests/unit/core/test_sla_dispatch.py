"""The dispatch target: its defaults, a type's own value in the site file, and breached clocks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from core.incidents import IncidentState
from core.model import Priority
from core.site import SiteError, load_site, parse_site
from core.sla import DEFAULT_TARGETS, SlaLevel, breached_clocks, sla_status, targets_for
from tests.unit.core.test_site import BASE

S = IncidentState
T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)

TYPE = """
[[incident_type]]
code = "FIRE"
name = "火情"
priority = 1
acknowledge_minutes = 2
resolve_minutes = 60
"""


def test_an_acknowledged_item_runs_its_dispatch_clock() -> None:
    st = sla_status(Priority.P1, S.ACKNOWLEDGED, T0, T0 + timedelta(minutes=6))
    assert (st.clock, st.target, st.level) == ("dispatch", timedelta(minutes=10), SlaLevel.WARNING)
    st = sla_status(Priority.P1, S.ACKNOWLEDGED, T0, T0 + timedelta(minutes=10))
    assert st.level is SlaLevel.BREACHED
    assert sla_status(Priority.P1, S.DISPATCHED, T0, T0 + timedelta(minutes=10)).clock == "resolve"


def test_a_type_without_dispatch_target_gets_its_prioritys_but_not_less_than_acknowledge() -> None:
    by_type = (timedelta(minutes=15), timedelta(hours=2))
    got = targets_for(Priority.P1, by_type=by_type)
    assert got["dispatch"] == timedelta(minutes=15)  # the P1 default (10) is below 15
    got = targets_for(Priority.P2, by_type=(timedelta(minutes=1), timedelta(hours=2), None))
    assert got["dispatch"] == DEFAULT_TARGETS.dispatch[Priority.P2]
    got = targets_for(Priority.P2, by_type=(timedelta(minutes=1), timedelta(hours=2), timedelta(3)))
    assert got["dispatch"] == timedelta(3)


@pytest.mark.parametrize(
    ("state", "age", "clocks"),
    [
        (S.NEW, timedelta(minutes=1), []),
        (S.NEW, timedelta(minutes=2), ["acknowledge"]),
        (S.NEW, timedelta(minutes=61), ["acknowledge", "dispatch", "resolve"]),
        (S.ACKNOWLEDGED, timedelta(minutes=11), ["dispatch"]),
        (S.DISPATCHED, timedelta(minutes=30), []),
        (S.ON_SCENE, timedelta(minutes=61), ["resolve"]),
        (S.RESOLVED, timedelta(days=3), []),
    ],
)
def test_breached_clocks_are_those_still_running_past_their_target(
    state: IncidentState, age: timedelta, clocks: list[str]
) -> None:
    assert breached_clocks(Priority.P1, state, T0, T0 + age) == clocks


def test_the_site_file_may_give_a_dispatch_target(tmp_path: Path) -> None:
    site = parse_site(BASE + TYPE + "dispatch_minutes = 5\n", tmp_path / "x.toml")
    assert site.incident_types[0].dispatch_minutes == 5
    site = parse_site(BASE + TYPE, tmp_path / "x.toml")
    assert site.incident_types[0].dispatch_minutes is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "must be >= 1, got 0"),
        ('"soon"', "expected an integer"),
        ("1", "must lie between acknowledge_minutes (2) and resolve_minutes (60), got 1"),
        ("61", "must lie between acknowledge_minutes (2) and resolve_minutes (60), got 61"),
    ],
)
def test_a_bad_dispatch_target_is_reported(tmp_path: Path, value: str, message: str) -> None:
    path = tmp_path / "site.toml"
    path.write_text(BASE + TYPE + f"dispatch_minutes = {value}\n", encoding="utf-8")
    with pytest.raises(SiteError) as caught:
        load_site(path)
    found = [(p.field, p.message) for p in caught.value.problems]
    assert any(f.endswith("dispatch_minutes") and message in m for f, m in found), found
