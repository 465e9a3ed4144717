"""What a community station needs of surveys: its open rounds, and who has not answered yet."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.permissions import Principal
from core.station import StationRound
from data.models import (
    Community,
    SurveyForm,
    SurveyFrameMember,
    SurveyRound,
)
from data.services.surveys import READ, SurveyService, answered_residents

__all__ = ["station_rounds", "unanswered"]

OPEN = "open"


def _community_id(s: Session, code: str) -> int:
    cid = s.scalar(select(Community.id).where(Community.code == code))
    if cid is None:
        raise LookupError(f"no community {code}")
    return int(cid)


def station_rounds(
    service: SurveyService, who: Principal, community: str, today: date
) -> list[StationRound]:
    """Open rounds running today whose frame has people of this community, by end date."""
    service.ctx.require(who, READ, community)
    with service.ctx.read() as s:
        cid = _community_id(s, community)
        frames = dict(
            s.execute(
                select(SurveyFrameMember.round_id, func.count())
                .where(SurveyFrameMember.community_id == cid)
                .group_by(SurveyFrameMember.round_id)
            ).all()
        )
        rows = s.execute(
            select(SurveyRound, SurveyForm.title, SurveyForm.definition)
            .join(SurveyForm, SurveyForm.id == SurveyRound.form_id)
            .where(
                SurveyRound.status == OPEN,
                SurveyRound.starts_on <= today,
                SurveyRound.ends_on >= today,
            )
            .order_by(SurveyRound.ends_on, SurveyRound.code)
        ).all()
        out = []
        for rnd, title, definition in rows:
            frame = int(frames.get(rnd.id, 0))
            if frame == 0:
                continue  # nobody of this community was drawn
            answered = s.scalar(
                select(func.count()).where(
                    SurveyFrameMember.round_id == rnd.id,
                    SurveyFrameMember.community_id == cid,
                    SurveyFrameMember.resident_id.in_(answered_residents(rnd)),
                )
            )
            out.append(
                StationRound(
                    code=rnd.code,
                    purpose=rnd.purpose,
                    title=title,
                    definition=definition,
                    anonymous=rnd.anonymous,
                    keep_partial=rnd.keep_partial,
                    ends_on=rnd.ends_on,
                    frame=frame,
                    answered=int(answered or 0),
                )
            )
    return out


def unanswered(
    service: SurveyService, who: Principal, round_code: str, community: str, limit: int
) -> list[int]:
    """Up to `limit` residents of the community in the round's frame who have not answered,
    in resident order (slips are printed for them); an audited read of personal data."""
    service.ctx.require(who, READ, community)
    with service.ctx.read() as s:
        cid = _community_id(s, community)
        rnd = s.scalar(select(SurveyRound).where(SurveyRound.code == round_code))
        if rnd is None:
            raise LookupError(f"no survey round {round_code}")
        people = [
            int(r)
            for r in s.scalars(
                select(SurveyFrameMember.resident_id)
                .where(
                    SurveyFrameMember.round_id == rnd.id,
                    SurveyFrameMember.community_id == cid,
                    SurveyFrameMember.resident_id.not_in(answered_residents(rnd)),
                )
                .order_by(SurveyFrameMember.resident_id)
                .limit(max(0, limit))
            )
        ]
    service.ctx.record(
        who,
        AuditAction.SURVEY_DATA_READ,
        f"round:{round_code}",
        json.dumps({"what": "slips", "community": community, "rows": len(people)}),
    )
    return people
