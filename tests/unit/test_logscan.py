"""The end-of-run log check finds what it is there to find."""

from __future__ import annotations

from core.idcard import make_id_number
from tests.helpers.logscan import secrets_in


def test_a_password_and_an_identity_number_in_a_log_are_found() -> None:
    from datetime import date

    number = make_id_number("120106", date(1941, 3, 9), 17)
    log = f"INFO data.x: created user zhang with Secret-pass-77\nINFO y: resident {number}\n"
    leaks, ids = secrets_in(log, {"Secret-pass-77", "Other-pass-99", "abc"})
    assert leaks == ["Secret-pass-77"]
    assert ids == [number]


def test_other_long_numbers_are_not_identity_numbers() -> None:
    leaks, ids = secrets_in("change_log id 123456789012345678 at 1700000000000000000", ())
    assert (leaks, ids) == ([], [])
