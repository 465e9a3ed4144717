"""The survey lists the console shows: forms with their versions, rounds, a frame's size."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from core.permissions import Principal
from core.survey_views import FormRow, PublishedForm, RoundRow
from data.models import SurveyForm, SurveyRound
from data.services.surveys import FRAME_KINDS, READ, SurveyService

__all__ = ["forms", "frame_size", "published_forms", "rounds"]


def forms(service: SurveyService, who: Principal) -> list[FormRow]:
    """Every form code, by code, with its version count, newest and newest published."""
    service.ctx.require(who, READ)
    with service.ctx.read() as s:
        rows = s.execute(
            select(
                SurveyForm.code, SurveyForm.version, SurveyForm.title, SurveyForm.published_at
            ).order_by(SurveyForm.code, SurveyForm.version)
        ).all()
    by_code: dict[str, list[tuple[int, str, bool]]] = {}
    for code, version, title, published_at in rows:
        by_code.setdefault(code, []).append((int(version), title, published_at is not None))
    out = []
    for code, versions in by_code.items():
        newest, title, newest_published = versions[-1]
        published = [v for v, _t, p in versions if p]
        out.append(
            FormRow(
                code=code,
                title=title,
                versions=len(versions),
                newest=newest,
                published=published[-1] if published else None,
                draft=not newest_published,
            )
        )
    return out


def published_forms(service: SurveyService, who: Principal) -> list[PublishedForm]:
    """Published versions, newest first within each code: what a new round may use."""
    service.ctx.require(who, READ)
    with service.ctx.read() as s:
        rows = s.execute(
            select(SurveyForm.code, SurveyForm.version, SurveyForm.title)
            .where(SurveyForm.published_at.is_not(None))
            .order_by(SurveyForm.code, SurveyForm.version.desc())
        ).all()
    return [PublishedForm(c, int(v), t) for c, v, t in rows]


def rounds(service: SurveyService, who: Principal) -> list[RoundRow]:
    """Every round, open ones first then newest first, with participation counts."""
    service.ctx.require(who, READ)
    with service.ctx.read() as s:
        found = s.execute(
            select(SurveyRound, SurveyForm.code, SurveyForm.version)
            .join(SurveyForm, SurveyForm.id == SurveyRound.form_id)
            .order_by(SurveyRound.created_at.desc(), SurveyRound.id.desc())
        ).all()
    out = []
    for rnd, form_code, version in found:
        counts = service.participation(who, rnd.code)
        out.append(
            RoundRow(
                code=rnd.code,
                purpose=rnd.purpose,
                form_code=form_code,
                form_version=int(version),
                frame_kind=rnd.frame_kind,
                starts_on=rnd.starts_on,
                ends_on=rnd.ends_on,
                anonymous=bool(rnd.anonymous),
                keep_partial=bool(rnd.keep_partial),
                status=rnd.status,
                frame=counts.frame,
                complete=counts.complete,
                partial=counts.partial,
            )
        )
    out.sort(key=lambda r: r.status != "open")  # stable: newest first within each status
    return out


def frame_size(
    service: SurveyService, who: Principal, frame_kind: str, frame_params: dict[str, Any]
) -> int:
    """How many people (or businesses) a round with this frame would draw now (nothing is
    written); businesses as trading today by the service's clock."""
    service.ctx.require(who, READ)
    if frame_kind not in FRAME_KINDS:
        raise ValueError(f"no frame of kind {frame_kind!r} can be drawn")
    if frame_kind == "businesses":
        with service.ctx.read() as s:
            return len(SurveyService._draw_businesses(s, frame_params, service.ctx.clock().date()))
    with service.ctx.read() as s:
        # The very draw create_round makes, so the size shown is the size a round gets.
        today = service.ctx.clock().date()
        return len(SurveyService._draw(s, frame_kind, frame_params, today))
