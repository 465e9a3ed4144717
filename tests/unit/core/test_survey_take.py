"""SurveySubmission: the contract between answer screens and their submitter."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from core.survey_take import MODES, SubmitSurvey, SurveySubmission, from_slip, new_client_uuid
from data.services import surveys


def test_modes_match_storage() -> None:
    assert MODES == surveys.MODES


def test_submission_is_frozen_and_checked() -> None:
    sub = SurveySubmission("R1", new_client_uuid(), None, "kiosk", None, {"q1": "a"}, True, "C1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        sub.mode = "self"  # type: ignore[misc]
    assert uuid.UUID(sub.client_uuid).version == 4
    with pytest.raises(ValueError, match="mode"):
        SurveySubmission("R1", new_client_uuid(), None, "web", None)
    with pytest.raises(ValueError, match="hexadecimal UUID"):
        SurveySubmission("R1", "not-a-uuid", None, "kiosk", None)
    with pytest.raises(ValueError, match="round"):
        SurveySubmission("", new_client_uuid(), None, "kiosk", None)


def test_a_plain_function_is_a_submitter() -> None:
    got: list[SurveySubmission] = []

    def submit(s: SurveySubmission) -> None:
        got.append(s)

    sink: SubmitSurvey = submit
    sink(SurveySubmission("R1", new_client_uuid(), 7, "phone", 3, {}, False))
    assert [s.resident_id for s in got] == [7]
    assert new_client_uuid() != new_client_uuid()


def test_a_paper_slip_gives_its_uuid_and_person() -> None:
    from core.survey_slip import make_slip, slip_key

    slip, _ = make_slip(slip_key(b"p" * 32), "R1", 12)
    sub = from_slip(slip, {"q1": "a"}, complete=True)
    assert (sub.client_uuid, sub.resident_id, sub.mode) == (slip.slip_uuid, 12, "self")
