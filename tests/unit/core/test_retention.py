"""The retention policy: defaults, periods, and the site file's [retention] table."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.retention import (
    DEFAULT_POLICY,
    KEEP,
    RULES,
    Period,
    RetentionClass,
    parse_period,
    policy_from_table,
)
from core.site import SiteError, load_site, parse_site

DEMO = Path(__file__).resolve().parents[3] / "resources" / "demo" / "site.toml"
C = RetentionClass


def test_every_class_has_a_default_and_the_audit_log_is_kept() -> None:
    assert set(DEFAULT_POLICY.periods) == set(RetentionClass)
    assert DEFAULT_POLICY.period(C.AUDIT_LOG) is KEEP
    assert DEFAULT_POLICY.period(C.VIDEO).days == 31
    assert DEFAULT_POLICY.period(C.CHANGE_LOG).days == 7
    assert DEFAULT_POLICY.period(C.INCIDENTS).days == 3 * 366
    for cls, rule in RULES.items():
        assert rule.reason, cls
        assert rule.default.keep or (rule.default.days or 0) >= rule.minimum_days, cls


@pytest.mark.parametrize(
    ("text", "days"),
    [("30d", 30), ("2w", 14), ("6m", 186), ("3y", 1098), ("3Y", 1098), (" 45 d ", 45), (10, 10)],
)
def test_periods_never_fall_short_of_the_calendar(text: object, days: int) -> None:
    assert parse_period(text) == Period(days)


@pytest.mark.parametrize("bad", ["", "30", "30 days", "-3d", "0d", "3x", True, 1.5, "99999y"])
def test_bad_periods_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="period"):
        parse_period(bad)


def test_overrides_below_the_legal_minimum_or_of_the_audit_log_are_problems() -> None:
    policy, problems = policy_from_table(
        {"video": "90d", "incidents": "5y", "positions": "keep", "tag_reads": "12d"}
    )
    assert problems == []
    assert policy.period(C.VIDEO).days == 90
    assert policy.period(C.INCIDENTS).days == 5 * 366
    assert policy.period(C.POSITIONS).keep
    assert policy.period(C.CHANGE_LOG) == DEFAULT_POLICY.period(C.CHANGE_LOG)
    _, problems = policy_from_table({"video": "7d", "audit_log": "5y", "vidoe": "30d"})
    keys = [k for k, _ in problems]
    assert keys == ["video", "audit_log", "vidoe"]
    assert "at least 30 days" in problems[0][1]
    assert "always kept" in problems[1][1]
    assert "unknown data class" in problems[2][1]


def _site_with(table: str) -> str:
    return DEMO.read_text(encoding="utf-8") + "\n" + table


def test_site_file_override_is_parsed() -> None:
    site = parse_site(_site_with('[retention]\nvideo = "90d"\nincidents = "5y"\n'), DEMO)
    assert site.retention.period(C.VIDEO).days == 90
    assert site.retention.period(C.INCIDENTS).days == 5 * 366
    assert load_site(DEMO).retention == DEFAULT_POLICY


def test_a_bad_period_is_a_site_error_with_its_line() -> None:
    text = _site_with('[retention]\nvideo = "90d"\nchange_log = "soon"\naudit_log = "1y"\n')
    lines = text.split("\n")
    with pytest.raises(SiteError) as err:
        parse_site(text, DEMO)
    problems = err.value.problems
    assert [p.field for p in problems] == ["retention.change_log", "retention.audit_log"]
    assert problems[0].line is not None
    assert lines[problems[0].line - 1].startswith("change_log =")
    assert problems[1].line is not None
    assert lines[problems[1].line - 1].startswith("audit_log =")
    assert "'soon'" in problems[0].message


def test_retention_must_be_a_table() -> None:
    text = "retention = 3\n" + DEMO.read_text(encoding="utf-8")
    with pytest.raises(SiteError) as err:
        parse_site(text, DEMO)
    assert err.value.field == "retention"
    assert err.value.line == 1
