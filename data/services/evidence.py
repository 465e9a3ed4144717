"""Evidence: holds on an incident's recordings, export authorisation and the export's audit."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.incidents import TransitionError
from core.model import RoleName
from core.permissions import Permission, Principal
from core.personal import REASON_MAX, reason_problem
from core.recording import Hold
from core.text import clean_line
from core.timefmt import fmt_local
from data.context import STREET_WIDE, ServiceContext, WriteTx
from data.models import Call, Community, EvidenceHold, Incident
from data.services.incidents import IncidentService
from data.services.recordings import (
    HOLDS,
    cameras_info,
    join_cameras,
    site_zone,
    split_cameras,
    timeline_entry,
)

KIND_HOLD = "evidence_hold"  # timeline entries of the incident
KIND_HOLD_RELEASED = "evidence_hold_released"
KIND_EXPORTED = "evidence_exported"
EXPORT_TARGET = "evidence"  # audit target of an export refused before any incident is read
# Roles whose exports need no typed reason (the role answers for them); others must give one.
SUPERVISING = frozenset({RoleName.SUPERVISOR, RoleName.ADMIN})
_SHA256 = re.compile(r"[0-9a-f]{64}")


class EvidenceRefused(PermissionError):
    """An export was refused (no reason given where one is required); it is audited."""


@dataclass(frozen=True, slots=True)
class HoldRow:
    """An evidence hold as the incident's window shows it, released ones included."""

    hold: Hold
    created_by: str
    created_at: datetime
    released_by: str | None = None
    released_at: datetime | None = None
    release_reason: str | None = None

    @property
    def in_force(self) -> bool:
        return self.released_at is None


@dataclass(frozen=True, slots=True)
class TimelineLine:
    """One entry of an incident's timeline as an evidence bundle carries it."""

    at: datetime
    kind: str
    text: str
    author: str


def _detail(**doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True)


def _range(start: datetime, end: datetime) -> None:
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("naive datetime given for an evidence range")
    if end <= start:
        raise ValueError("an evidence range ends after it starts")


def _reason(reason: str | None) -> str:
    """A typed reason, cleaned; ValueError when it is too short or too long."""
    problem = reason_problem(reason)
    if problem is not None:
        raise ValueError(problem)
    return clean_line(reason or "")[:REASON_MAX]


def _hold_row(row: EvidenceHold) -> HoldRow:
    return HoldRow(
        Hold(
            row.id,
            row.incident_id,
            split_cameras(row.cameras),
            row.start_ts,
            row.end_ts,
            row.reason,
        ),
        row.created_by,
        row.created_at,
        row.released_by,
        row.released_at,
        row.release_reason,
    )


class EvidenceService:
    """Evidence holds, export authorisation and the export's audit row; writes through
    ServiceContext.write, each audited."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # --- scope ----------------------------------------------------------------------------
    def _check_cameras(self, tx: WriteTx, cameras: Iterable[str]) -> tuple[str, ...]:
        """The codes (each once), each a camera of the site within the user's VIEW_VIDEO."""
        codes = tuple(dict.fromkeys(c.strip() for c in cameras if c and c.strip()))
        if not codes:
            raise ValueError("no camera given")
        known = cameras_info(tx.session, codes)
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise LookupError(f"no camera {', '.join(unknown)} on this site")
        for code in codes:
            self.ctx.check(tx, Permission.VIEW_VIDEO, known[code].community or STREET_WIDE)
        return codes

    @staticmethod
    def _incident_scope(s: Session, incident_id: int) -> str | None:
        """The incident's community code (None: street-wide); LookupError when there is none."""
        found = s.execute(
            select(Incident.id, Community.code)
            .outerjoin(Community, Incident.community_id == Community.id)
            .where(Incident.id == incident_id)
        ).one_or_none()
        if found is None:
            raise LookupError(f"no incident {incident_id}")
        code: str | None = found[1]
        return code

    def _note_range(
        self, s: Session, cameras: Sequence[str], start: datetime, end: datetime
    ) -> str:
        zone = site_zone(s)
        return f"{'、'.join(cameras)} {fmt_local(start, zone)} – {fmt_local(end, zone)}"

    # --- holds ----------------------------------------------------------------------------
    def place_hold(
        self,
        who: Principal,
        incident_id: int,
        cameras: Sequence[str],
        start: datetime,
        end: datetime,
        reason: str,
    ) -> Hold:
        """Keep these cameras' recordings of [start, end) past retention for an incident
        (HANDLE_INCIDENTS in its community, VIEW_VIDEO in each camera's). ValueError for a
        bad range or reason; LookupError for an unknown incident or camera."""
        _range(start, end)
        why = _reason(reason)
        with self.ctx.write(who, Permission.HANDLE_INCIDENTS) as tx:
            s = tx.session
            _inc, ccode = IncidentService.locked_row(s, incident_id)
            self.ctx.check(tx, Permission.HANDLE_INCIDENTS, ccode or STREET_WIDE)
            codes = self._check_cameras(tx, cameras)
            row = EvidenceHold(
                incident_id=incident_id,
                cameras=join_cameras(codes),
                start_ts=start,
                end_ts=end,
                reason=why,
                created_by=who.username[:64],
                created_at=tx.now,
            )
            s.add(row)
            s.flush()
            timeline_entry(
                tx,
                incident_id,
                KIND_HOLD,
                f"证据保全 {row.id}：{self._note_range(s, codes, start, end)}：{why}",
                who.user_id,
            )
            tx.change(HOLDS, row.id, "insert")
            tx.audit(
                AuditAction.EVIDENCE_HOLD_PLACED,
                f"hold:{row.id}",
                _detail(
                    incident=incident_id,
                    cameras=list(codes),
                    start=start.isoformat(),
                    end=end.isoformat(),
                    reason=why,
                ),
            )
            return Hold(row.id, incident_id, codes, start, end, why)

    def release_hold(self, who: Principal, hold_id: int, reason: str) -> None:
        """Let a hold's recordings fall back under retention (RELEASE_EVIDENCE, a supervisor's,
        in the incident's community), with a reason. LookupError for an unknown hold,
        TransitionError for one already released."""
        why = _reason(reason)
        with self.ctx.write(who, Permission.RELEASE_EVIDENCE) as tx:
            s = tx.session
            row = s.get(EvidenceHold, hold_id, with_for_update=True)
            if row is None:
                raise LookupError(f"no evidence hold {hold_id}")
            ccode = None if row.incident_id is None else self._incident_scope(s, row.incident_id)
            self.ctx.check(tx, Permission.RELEASE_EVIDENCE, ccode or STREET_WIDE)
            if row.released_at is not None:
                raise TransitionError(f"evidence hold {hold_id} is already released")
            row.released_by = who.username[:64]
            row.released_at = tx.now
            row.release_reason = why
            if row.incident_id is not None:
                timeline_entry(
                    tx,
                    row.incident_id,
                    KIND_HOLD_RELEASED,
                    f"证据保全 {row.id} 已解除：{why}",
                    who.user_id,
                )
            tx.change(HOLDS, row.id, "update")
            tx.audit(
                AuditAction.EVIDENCE_HOLD_RELEASED,
                f"hold:{row.id}",
                _detail(incident=row.incident_id, cameras=row.cameras, reason=why),
            )

    def holds_for(self, who: Principal, incident_id: int) -> list[HoldRow]:
        """An incident's holds, in force and released, oldest first (VIEW_INCIDENTS)."""
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        with self.ctx.read() as s:
            ccode = self._incident_scope(s, incident_id)
            self.ctx.require(who, Permission.VIEW_INCIDENTS, ccode or STREET_WIDE)
            rows = s.scalars(
                select(EvidenceHold)
                .where(EvidenceHold.incident_id == incident_id)
                .order_by(EvidenceHold.created_at, EvidenceHold.id)
            ).all()
            return [_hold_row(r) for r in rows]

    # --- export ---------------------------------------------------------------------------
    def authorise_export(self, who: Principal, reason: str | None) -> str:
        """The reason to record for an export by `who`, or EvidenceRefused (audited).

        EXPORT_EVIDENCE is needed (PermissionDenied); a supervisor or administrator may leave
        the reason empty, everyone else must type one (core.personal.reason_problem).
        """
        self.ctx.require(who, Permission.EXPORT_EVIDENCE)
        if who.role in SUPERVISING and not (reason or "").strip():
            return ""
        problem = reason_problem(reason)
        if problem is not None:
            self.ctx.record(who, AuditAction.EXPORT_REFUSED, EXPORT_TARGET, problem[:200])
            raise EvidenceRefused(problem)
        return clean_line(reason or "")[:REASON_MAX]

    def record_export(
        self,
        who: Principal,
        manifest_sha256: str,
        cameras: Sequence[str],
        start: datetime,
        end: datetime,
        incident_id: int | None,
        reason: str,
        path_label: str,
    ) -> None:
        """The audit row of a written bundle (EVIDENCE_EXPORTED, the manifest's SHA-256 in its
        detail) and, for an incident, an entry on its timeline. The reason is checked again
        as `authorise_export` does; cameras need VIEW_VIDEO, the incident VIEW_INCIDENTS."""
        _range(start, end)
        digest = manifest_sha256.strip().lower()
        if not _SHA256.fullmatch(digest):
            raise ValueError("a manifest's SHA-256 is 64 hexadecimal digits")
        why = clean_line(reason or "")[:REASON_MAX]
        label = clean_line(path_label)[:200]
        with self.ctx.write(who, Permission.EXPORT_EVIDENCE) as tx:
            s = tx.session
            if not (who.role in SUPERVISING and not why):
                problem = reason_problem(why)
                if problem is not None:
                    raise EvidenceRefused(problem)
            codes = self._check_cameras(tx, cameras)
            if incident_id is not None:
                ccode = self._incident_scope(s, incident_id)
                self.ctx.check(tx, Permission.VIEW_INCIDENTS, ccode or STREET_WIDE)
                timeline_entry(
                    tx,
                    incident_id,
                    KIND_EXPORTED,
                    f"证据已导出：{self._note_range(s, codes, start, end)} · 清单 "
                    f"SHA-256 {digest} · {why or '-'}",
                    who.user_id,
                )
            tx.audit(
                AuditAction.EVIDENCE_EXPORTED,
                str(incident_id) if incident_id is not None else f"cameras:{join_cameras(codes)}",
                _detail(
                    manifest_sha256=digest,
                    cameras=list(codes),
                    start=start.isoformat(),
                    end=end.isoformat(),
                    incident=incident_id,
                    reason=why,
                    bundle=label,
                ),
            )

    def incident_timeline_export(self, who: Principal, incident_id: int) -> list[TimelineLine]:
        """An incident's timeline as plain rows for a bundle (VIEW_INCIDENTS in its scope)."""
        detail = IncidentService(self.ctx).incident_detail(who, incident_id)
        out: list[TimelineLine] = []
        for e in detail.events:
            step = (
                f"{e.from_state.value if e.from_state else '-'} → {e.to_state.value}"
                if e.to_state is not None
                else ""
            )
            words = " · ".join(p for p in (step, e.note) if p)
            out.append(TimelineLine(e.ts, e.kind, words, e.actor or "system"))
        return out

    def call_recordings_for(self, who: Principal, incident_id: int) -> list[str]:
        """Paths of the recordings of calls linked to the incident (or to incidents merged
        into it), oldest call first (VIEW_INCIDENTS in the incident's scope)."""
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        with self.ctx.read() as s:
            ccode = self._incident_scope(s, incident_id)
            self.ctx.require(who, Permission.VIEW_INCIDENTS, ccode or STREET_WIDE)
            ids = [
                incident_id,
                *s.scalars(select(Incident.id).where(Incident.merged_into_id == incident_id)),
            ]
            return list(
                s.scalars(
                    select(Call.recording)
                    .where(Call.incident_id.in_(ids), Call.recording != "")
                    .order_by(Call.started_at, Call.id)
                )
            )
