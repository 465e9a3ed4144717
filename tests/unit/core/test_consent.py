"""core.consent: which methods fit whom, what each needs, and the guard's rule."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from core.consent import (
    ConsentGrant,
    ConsentInvalid,
    ConsentMethod,
    ConsentMissing,
    ConsentPurpose,
    ConsentRecord,
    allowed_methods,
    checked_grant,
    current_states,
    require_consent,
    withdrawal_problem,
)

M, P = ConsentMethod, ConsentPurpose
TODAY = date(2026, 11, 25)


def grant(
    method: M | str, *, dementia: bool = False, minor: bool = False, **kw: str
) -> ConsentGrant:
    return checked_grant(
        P.TRACKING, method, date(2026, 11, 1), dementia=dementia, minor=minor, today=TODAY, **kw
    )


def test_a_capable_adult_consents_in_writing_or_aloud_never_through_a_guardian() -> None:
    assert allowed_methods(dementia=False, minor=False) == (M.WRITTEN, M.VERBAL)
    with pytest.raises(ConsentInvalid) as info:
        grant(M.GUARDIAN, guardian_name="王芳", guardian_relation="女儿")
    assert info.value.code == "method"


@pytest.mark.parametrize(("dementia", "minor"), [(True, False), (False, True), (True, True)])
def test_dementia_or_a_minor_needs_the_guardian(dementia: bool, minor: bool) -> None:
    assert allowed_methods(dementia=dementia, minor=minor) == (M.GUARDIAN,)
    for method in (M.WRITTEN, M.VERBAL, M.LEGACY):
        with pytest.raises(ConsentInvalid) as info:
            grant(method, dementia=dementia, minor=minor, witness="张三")
        assert info.value.code == "method"
    ok = grant(
        M.GUARDIAN,
        dementia=dementia,
        minor=minor,
        guardian_name=" 王芳 ",
        guardian_relation="女儿",
        witness="dropped",
    )
    assert ok == checked_grant(
        P.TRACKING,
        M.GUARDIAN,
        date(2026, 11, 1),
        dementia=True,
        minor=False,
        today=TODAY,
        guardian_name="王芳",
        guardian_relation="女儿",
    )
    assert ok.witness == ""  # a field the method does not use is not kept


def test_verbal_needs_a_witness() -> None:
    with pytest.raises(ConsentInvalid) as info:
        grant(M.VERBAL, witness="  ")
    assert info.value.code == "witness"
    assert grant(M.VERBAL, witness="社区主任 李红").witness == "社区主任 李红"


def test_a_guardian_needs_a_name_and_a_relation() -> None:
    with pytest.raises(ConsentInvalid) as info:
        grant(M.GUARDIAN, dementia=True, guardian_relation="儿子")
    assert info.value.code == "guardian_name"
    with pytest.raises(ConsentInvalid) as info:
        grant(M.GUARDIAN, dementia=True, guardian_name="赵强")
    assert info.value.code == "guardian_relation"


def test_legacy_and_unknown_methods_are_never_recorded_anew() -> None:
    with pytest.raises(ConsentInvalid):
        grant(M.LEGACY)
    with pytest.raises(ConsentInvalid) as info:
        grant("telepathy")
    assert info.value.code == "method"


def test_the_date_is_needed_and_not_in_the_future() -> None:
    for day in (None, date(2026, 11, 26)):
        with pytest.raises(ConsentInvalid) as info:
            checked_grant(P.VIDEO, M.WRITTEN, day, dementia=False, minor=False, today=TODAY)
        assert info.value.code == "date"


def test_a_withdrawal_needs_a_reason() -> None:
    assert withdrawal_problem("") is not None
    assert withdrawal_problem("不要") is not None
    assert withdrawal_problem("本人撤回") is None


def _rec(i: int, purpose: P, hour: int, withdrawn: bool) -> ConsentRecord:
    at = datetime(2026, 11, 25, hour, tzinfo=UTC)
    return ConsentRecord(
        i, 7, purpose, M.WRITTEN, TODAY, "", "", "", "", "ws01", at,
        withdrawn_at=at if withdrawn else None,
    )  # fmt: skip


def test_the_newest_record_decides_and_the_guard_refuses_without_one() -> None:
    records = [
        _rec(1, P.TRACKING, 8, withdrawn=True),
        _rec(3, P.SCREENING, 9, withdrawn=True),
        _rec(2, P.TRACKING, 10, withdrawn=False),
    ]
    states = {s.purpose: s for s in current_states(records)}
    assert list(states) == list(P)
    assert states[P.TRACKING].given
    assert states[P.TRACKING].record is not None
    assert states[P.TRACKING].record.id == 2
    assert not states[P.SCREENING].given
    assert states[P.VIDEO].record is None
    require_consent(states.values(), 7, P.TRACKING)
    for purpose in (P.SCREENING, P.VIDEO):
        with pytest.raises(ConsentMissing) as info:
            require_consent(states.values(), 7, purpose)
        assert (info.value.resident_id, info.value.purpose) == (7, purpose)
    with pytest.raises(ConsentMissing):
        require_consent({P.JOBS: False}, 7, P.JOBS)
