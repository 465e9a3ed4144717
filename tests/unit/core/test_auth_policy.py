"""Tests for the login policy: lockout arithmetic and password rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.auth import LoginError, LoginPolicy

NOW = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


def test_defaults_follow_the_security_brief() -> None:
    p = LoginPolicy()
    assert p.max_failures == 5
    assert p.lockout == timedelta(minutes=15)
    assert p.min_password_length == 10
    assert p.idle_lock == timedelta(minutes=10)


def test_lockout_trips_on_the_fifth_failure() -> None:
    p = LoginPolicy()
    failures = 0
    for expected in range(1, 5):
        failures, until = p.after_failure(failures, NOW)
        assert failures == expected
        assert until is None
    failures, until = p.after_failure(failures, NOW)
    assert failures == 5
    assert until == NOW + timedelta(minutes=15)


def test_custom_policy_trips_at_its_own_limit() -> None:
    p = LoginPolicy(max_failures=2, lockout=timedelta(seconds=30))
    assert p.after_failure(0, NOW) == (1, None)
    assert p.after_failure(1, NOW) == (2, NOW + timedelta(seconds=30))


def test_is_locked_until_the_lockout_runs_out() -> None:
    p = LoginPolicy()
    until = NOW + p.lockout
    assert not p.is_locked(None, NOW)
    assert p.is_locked(until, NOW)
    assert p.is_locked(until, until - timedelta(microseconds=1))
    assert not p.is_locked(until, until)
    assert not p.is_locked(until, until + timedelta(seconds=1))


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("", "at least 10 characters"),
        ("abc123xyz", "at least 10 characters"),
        ("abcdefghijkl", "mix letters with digits or symbols"),
        ("1234567890", "mix letters with digits or symbols"),
        ("密码密码密码密码密码密码", "mix letters with digits or symbols"),
        # No letters at all is not a mix either: a phone number or a row of symbols.
        ("022-26581110", "mix letters with digits or symbols"),
        ("!!!!!!!!!!", "mix letters with digits or symbols"),
        ("2026-11-25 08:00", "mix letters with digits or symbols"),
    ],
)
def test_password_problem_rejects_weak_passwords(password: str, problem: str) -> None:
    assert LoginPolicy().password_problem(password) == problem


@pytest.mark.parametrize(
    "password", ["abcdefghi1", "correct horse", "街道总控台-2026", "Street2026!", "!!!!!!!!!a"]
)
def test_password_problem_accepts_good_passwords(password: str) -> None:
    assert LoginPolicy().password_problem(password) is None


def test_min_length_is_configurable() -> None:
    p = LoginPolicy(min_password_length=4)
    assert p.password_problem("ab1") == "at least 4 characters"
    assert p.password_problem("ab12") is None


def test_login_error_carries_reason_and_lockout_end() -> None:
    until = NOW + timedelta(minutes=15)
    err = LoginError(LoginError.LOCKED, until)
    assert err.reason == "locked"
    assert err.locked_until == until
    assert str(err) == "locked"
    assert LoginError(LoginError.BAD_CREDENTIALS).locked_until is None
