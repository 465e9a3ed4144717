"""Tests for the incident lifecycle."""

from __future__ import annotations

import itertools

import pytest

from core.incidents import (
    OPEN_STATES,
    IncidentState,
    Transition,
    TransitionError,
    allowed_targets,
    check_transition,
)

S = IncidentState

FORWARD = {
    (S.NEW, S.ACKNOWLEDGED),
    (S.NEW, S.RESOLVED),
    (S.ACKNOWLEDGED, S.DISPATCHED),
    (S.ACKNOWLEDGED, S.RESOLVED),
    (S.DISPATCHED, S.ON_SCENE),
    (S.DISPATCHED, S.RESOLVED),
    (S.ON_SCENE, S.RESOLVED),
    (S.RESOLVED, S.CLOSED),
}
REOPEN = {(S.RESOLVED, S.ACKNOWLEDGED), (S.CLOSED, S.ACKNOWLEDGED)}


@pytest.mark.parametrize(("current", "target"), sorted(FORWARD))
def test_forward_transitions_are_allowed(current: S, target: S) -> None:
    check_transition(Transition(current, target))


FORBIDDEN = sorted(set(itertools.product(S, S)) - FORWARD - REOPEN)


@pytest.mark.parametrize(("current", "target"), FORBIDDEN)
def test_every_other_transition_is_forbidden(current: S, target: S) -> None:
    with pytest.raises(TransitionError, match=f"from {current} to {target}"):
        check_transition(Transition(current, target, reason="because"))


def test_forbidden_examples() -> None:
    for current, target in [
        (S.NEW, S.CLOSED),
        (S.NEW, S.ON_SCENE),
        (S.CLOSED, S.NEW),
        (S.ON_SCENE, S.DISPATCHED),
        (S.NEW, S.NEW),
    ]:
        assert (current, target) in FORBIDDEN


@pytest.mark.parametrize(("current", "target"), sorted(REOPEN))
def test_reopening_needs_a_reason(current: S, target: S) -> None:
    for blank in ("", "   ", "\n\t"):
        with pytest.raises(TransitionError, match="needs a reason"):
            check_transition(Transition(current, target, reason=blank))
    check_transition(Transition(current, target, reason="居民再次来电"))


def test_transition_error_is_a_value_error() -> None:
    assert issubclass(TransitionError, ValueError)


def test_allowed_targets_match_check_transition() -> None:
    for current in S:
        targets = allowed_targets(current)
        for target in S:
            ok = True
            try:
                check_transition(Transition(current, target, reason="r"))
            except TransitionError:
                ok = False
            assert ok == (target in targets), (current, target)


def test_allowed_targets_examples() -> None:
    assert allowed_targets(S.NEW) == {S.ACKNOWLEDGED, S.RESOLVED}
    assert allowed_targets(S.RESOLVED) == {S.CLOSED, S.ACKNOWLEDGED}
    assert allowed_targets(S.CLOSED) == {S.ACKNOWLEDGED}


def test_open_states() -> None:
    assert frozenset({S.NEW, S.ACKNOWLEDGED, S.DISPATCHED, S.ON_SCENE}) == OPEN_STATES
    assert S.RESOLVED not in OPEN_STATES
    assert S.CLOSED not in OPEN_STATES


def test_states_are_stable_strings() -> None:
    # The values are stored in the database; renaming one would orphan stored rows.
    assert [s.value for s in S] == [
        "new",
        "acknowledged",
        "dispatched",
        "on_scene",
        "resolved",
        "closed",
    ]
