"""One taken survey response as handed from a kiosk, phone or paper entry to its submitter."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Protocol

from core.survey_slip import Slip

# Same codes as the storage layer's MODES; core cannot import data/, a test keeps them equal.
MODES = ("self", "kiosk", "staff", "phone", "family")


@dataclass(frozen=True, slots=True)
class SurveySubmission:
    """A response ready for SurveyService.submit or a station outbox.

    `client_uuid` is unique per submission (a slip's UUID when a slip was used), so a retry or
    a replay is taken once; `answers` are JSON-ready (core.survey.answers_to_json).
    """

    round_code: str
    client_uuid: str
    resident_id: int | None
    mode: str
    helped_by: int | None
    answers: dict[str, object] = field(default_factory=dict)
    complete: bool = False
    community: str | None = None
    # In a round of businesses the respondent is a business of the register, not a person.
    business_id: int | None = None

    def __post_init__(self) -> None:
        if self.resident_id is not None and self.business_id is not None:
            raise ValueError("a response is a resident's or a business's, not both")
        if self.mode not in MODES:
            raise ValueError(f"unknown response mode {self.mode!r}")
        if not self.round_code:
            raise ValueError("a submission needs its round code")
        uuid.UUID(self.client_uuid)  # ValueError for anything but a UUID


def from_slip(
    slip: Slip,
    answers: dict[str, object],
    *,
    complete: bool,
    mode: str = "self",
    helped_by: int | None = None,
    community: str | None = None,
) -> SurveySubmission:
    """A response answered on a slip (paper by default): the slip's UUID is its client UUID,
    so the slip answers once however often it is entered, scanned or resent."""
    return SurveySubmission(
        slip.round_code,
        slip.slip_uuid,
        slip.resident_id,
        mode,
        helped_by,
        answers,
        complete,
        community,
    )


def new_client_uuid() -> str:
    """A fresh random client UUID (uuid4) for a submission without a slip."""
    return str(uuid.uuid4())


class SubmitSurvey(Protocol):
    """Takes a submission; raises on refusal (e.g. answered already) with a readable message."""

    def __call__(self, submission: SurveySubmission, /) -> None: ...
