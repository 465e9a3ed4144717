"""Shift handover: the report and its signed audit head, made then stored, and its receipt."""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session, aliased

from core.audit import AuditAction
from core.checkpoint import CheckpointReason
from core.handover import (
    NOTES_MAX,
    CheckpointInfo,
    Count,
    HandoverReport,
    OpenItem,
    SlaCandidate,
    caller_fields,
    shift_start,
    sla_misses,
)
from core.incidents import IncidentState
from core.keys import make_key_dir
from core.model import Priority
from core.permissions import Permission, Principal
from core.personal import POLICY, DataClass, Level, Purpose, reason_problem
from core.text import clean_block, clean_line
from core.timefmt import as_utc, local
from data.checkpoints import read_checkpoint, signing_key_readable, write_checkpoint
from data.context import ServiceContext
from data.models import (
    OPEN_STATES_SQL,
    AuditLog,
    Community,
    Incident,
    IncidentEvent,
    IncidentType,
    ShiftHandover,
    SiteMeta,
    User,
)
from data.services.incidents import restricted_hidden

log = logging.getLogger(__name__)

TABLE = "shift_handover"
OPEN_MAX = 1000  # open items listed on paper; the report says how many more there are
# SLA targets reach back this far at most (the longest default is 72 h): older items cannot
# have a deadline inside a shift of at most 24 h.
SLA_LOOKBACK = timedelta(days=8)
_CHUNK = 500  # ids per IN list
NO_KEY = "no key"

Render = Callable[[HandoverReport], bytes]
"""Turns the finished report into PDF bytes (console/handover_pdf.py; Qt lives there)."""


class HandoverError(Exception):
    """A handover step refused (acknowledging one's own, twice, or one that is gone; storing
    another user's)."""


class HandoverRefused(PermissionError):
    """The report may not leave the console: no acceptable reason; audited."""


@dataclass(frozen=True, slots=True)
class HandoverResult:
    """A stored handover: its row id, the PDF written, and the report it holds."""

    id: int
    path: Path
    sha256: str
    report: HandoverReport


@dataclass(frozen=True, slots=True)
class PreparedHandover:
    """A report made and its PDF written (0600), not stored yet: `store` or `discard` it."""

    user_id: int  # its author, the only one who may store it
    report: HandoverReport  # with the checkpoint
    path: Path
    sha256: str
    reason: str  # the export reason, cleaned


@dataclass(frozen=True, slots=True)
class PendingHandover:
    """A handover on this workstation nobody has acknowledged yet."""

    id: int
    outgoing: str
    outgoing_username: str
    outgoing_user_id: int
    created_at: datetime
    shift_start: datetime
    shift_end: datetime
    pdf_file: str
    chain_head: str
    signature: str
    notes: str = ""  # the outgoing operator's notes: what the incoming one reads first


def caller_level(who: Principal) -> Level:
    """Callers' names and phones on paper: the role's everyday (list) view, never in full.

    The report is a working paper of every shift, printed by operators whose export policy
    hides contact data: the list view's masks (core.personal) are what they see all day.
    """
    return min(POLICY[who.role][Purpose.BROWSE][DataClass.CONTACT], Level.MASKED)


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


class HandoverService:
    """The report is read with the outgoing operator's scope; writes go through ctx.write()."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # --- reads ----------------------------------------------------------------------------
    def shift_window(
        self, who: Principal, now: datetime | None = None
    ) -> tuple[datetime, datetime]:
        """From the first sign-in after this user's last handover (at most 24 h back) to now."""
        end = as_utc(now or self.ctx.clock())
        with self.ctx.read() as s:
            last = s.scalar(
                select(func.max(ShiftHandover.shift_end)).where(
                    ShiftHandover.outgoing_user_id == who.user_id
                )
            )
            last = as_utc(last) if last is not None else None
            floor = end - timedelta(hours=24)
            after = max(floor, last) if last is not None else floor
            first = s.scalar(
                select(func.min(AuditLog.ts)).where(
                    AuditLog.action == AuditAction.LOGIN.value,
                    AuditLog.actor == who.username,
                    AuditLog.ts >= after,
                    AuditLog.ts <= end,
                )
            )
        return shift_start(end, last, as_utc(first) if first is not None else None), end

    def gather(
        self, who: Principal, *, notes: str = "", now: datetime | None = None
    ) -> HandoverReport:
        """The report of `who`'s shift as it stands (no checkpoint yet)."""
        self.ctx.require(who, Permission.VIEW_GENERAL_INCIDENTS)
        start, end = self.shift_window(who, now)
        level = caller_level(who)
        with self.ctx.read() as s:
            items, total = self._open_items(s, who, level)
            misses = sla_misses(self._sla_candidates(s, who, start, end), start, end)
            by_type, by_community = self._counts(s, who, start, end)
            site = s.scalar(select(SiteMeta.value).where(SiteMeta.key == "site_name")) or ""
            zone = s.scalar(select(SiteMeta.value).where(SiteMeta.key == "timezone"))
            types = tuple(
                (c, n) for c, n in s.execute(select(IncidentType.code, IncidentType.name))
            )
            communities = tuple(
                (c, n) for c, n in s.execute(select(Community.code, Community.name))
            )
        return HandoverReport(
            site=site,
            workstation=self.ctx.workstation,
            outgoing=who.display_name,
            outgoing_username=who.username,
            shift_start=start,
            shift_end=end,
            open_items=tuple(items),
            open_total=total,
            sla_misses=tuple(misses),
            by_type=by_type,
            by_community=by_community,
            notes=clean_block(notes),
            zone=zone or "Asia/Shanghai",
            caller_level=level,
            type_names=types,
            community_names=communities,
        )

    def _scoped(self, stmt: Any, who: Principal) -> Any:
        # What the outgoing user's queue shows, as every read of incidents (an operator's
        # report listed risk alerts its queue never showed it).
        stmt = stmt.where(*restricted_hidden(who))
        if who.communities is None:
            return stmt
        ids = select(Community.id).where(Community.code.in_(sorted(who.communities)))
        return stmt.where(Incident.community_id.in_(ids.scalar_subquery()))

    def _open_items(self, s: Session, who: Principal, level: Level) -> tuple[list[OpenItem], int]:
        claimer = aliased(User)
        open_ = text(f"incident.{OPEN_STATES_SQL}")
        total = s.scalar(self._scoped(select(func.count()).select_from(Incident).where(open_), who))
        stmt = self._scoped(
            select(
                Incident.id,
                Incident.priority,
                IncidentType.code,
                Incident.title,
                Incident.state,
                Incident.created_at,
                claimer.display_name,  # columns, not the entity: the hash column is not ours
                Community.code,
                Incident.caller_name,
                Incident.caller_phone,
            )
            .outerjoin(Community, Incident.community_id == Community.id)
            .outerjoin(claimer, Incident.claimed_by_id == claimer.id)
            .outerjoin(IncidentType, Incident.type_id == IncidentType.id)
            .where(open_)
            .order_by(Incident.queue_rank, Incident.created_at, Incident.id)
            .limit(OPEN_MAX),
            who,
        )
        items = []
        for iid, prio, tcode, title, state, created, handler, ccode, cname, cphone in s.execute(
            stmt
        ):
            name, phone = caller_fields(cname or "", cphone or "", level)
            items.append(
                OpenItem(
                    iid,
                    Priority(prio),
                    tcode or "",
                    title,
                    IncidentState(state),
                    as_utc(created),
                    handler or "",
                    ccode or "",
                    name,
                    phone,
                )
            )
        return items, int(total or 0)

    def _sla_candidates(
        self, s: Session, who: Principal, start: datetime, end: datetime
    ) -> list[SlaCandidate]:
        stmt = self._scoped(
            select(
                Incident.id,
                Incident.priority,
                IncidentType.code,
                Incident.title,
                Incident.created_at,
                IncidentType.acknowledge_minutes,
                IncidentType.resolve_minutes,
            )
            .outerjoin(IncidentType, Incident.type_id == IncidentType.id)
            .where(
                Incident.created_at <= end,
                Incident.created_at >= start - SLA_LOOKBACK,
                or_(text(f"incident.{OPEN_STATES_SQL}"), Incident.updated_at >= start),
            ),
            who,
        )
        rows = s.execute(stmt).all()
        ids = [r[0] for r in rows]
        firsts: dict[str, dict[int, datetime]] = {"ack": {}, "dispatch": {}, "resolve": {}}
        steps = {
            # The first step out of new acknowledges (or dispatches or resolves at once).
            "ack": IncidentEvent.from_state == IncidentState.NEW.value,
            "dispatch": IncidentEvent.to_state == IncidentState.DISPATCHED.value,
            "resolve": IncidentEvent.to_state == IncidentState.RESOLVED.value,
        }
        for chunk in _chunks(ids):
            for key, cond in steps.items():
                for iid, ts in s.execute(
                    select(IncidentEvent.incident_id, func.min(IncidentEvent.ts))
                    .where(
                        IncidentEvent.incident_id.in_(chunk),
                        IncidentEvent.to_state.is_not(None),
                        cond,
                    )
                    .group_by(IncidentEvent.incident_id)
                ):
                    firsts[key][iid] = as_utc(ts)
        return [
            SlaCandidate(
                iid,
                Priority(prio),
                tcode or "",
                title,
                as_utc(created),
                firsts["ack"].get(iid),
                firsts["resolve"].get(iid),
                (timedelta(minutes=ack), timedelta(minutes=res)) if tcode else None,
                firsts["dispatch"].get(iid),
            )
            for iid, prio, tcode, title, created, ack, res in rows
        ]

    def _counts(
        self, s: Session, who: Principal, start: datetime, end: datetime
    ) -> tuple[tuple[Count, ...], tuple[Count, ...]]:
        def grouped(key: Any, where: Any, join: Any, on: Any) -> Counter[str]:
            stmt = self._scoped(
                select(key, func.count()).select_from(Incident).outerjoin(join, on).where(where),
                who,
            ).group_by(key)
            return Counter({k or "-": int(n) for k, n in s.execute(stmt)})

        raised_in = Incident.created_at.between(start, end)
        open_ = text(f"incident.{OPEN_STATES_SQL}")
        out = []
        for key, join, on in (
            (IncidentType.code, IncidentType, Incident.type_id == IncidentType.id),
            (Community.code, Community, Incident.community_id == Community.id),
        ):
            raised = grouped(key, raised_in, join, on)
            still = grouped(key, open_, join, on)
            out.append(
                tuple(Count(k, raised[k], still[k]) for k in sorted(set(raised) | set(still)))
            )
        return out[0], out[1]

    def pending(self, who: Principal) -> list[PendingHandover]:
        """Handovers on this workstation waiting for someone other than their author."""
        self.ctx.require(who, Permission.VIEW_GENERAL_INCIDENTS)
        with self.ctx.read() as s:
            rows = s.execute(
                select(
                    ShiftHandover.id,
                    User.display_name,
                    User.username,
                    ShiftHandover.outgoing_user_id,
                    ShiftHandover.created_at,
                    ShiftHandover.shift_start,
                    ShiftHandover.shift_end,
                    ShiftHandover.pdf_file,
                    ShiftHandover.chain_head,
                    ShiftHandover.signature,
                    ShiftHandover.notes,
                )
                .join(User, User.id == ShiftHandover.outgoing_user_id)
                .where(
                    ShiftHandover.workstation == self.ctx.workstation,
                    ShiftHandover.acknowledged_at.is_(None),
                    ShiftHandover.outgoing_user_id != who.user_id,
                )
                .order_by(ShiftHandover.created_at, ShiftHandover.id)
            ).all()
        return [
            PendingHandover(
                r[0],
                r[1],
                r[2],
                r[3],
                as_utc(r[4]),
                as_utc(r[5]),
                as_utc(r[6]),
                r[7],
                r[8],
                r[9],
                r[10] or "",
            )
            for r in rows
        ]

    # --- the checkpoint -------------------------------------------------------------------
    def checkpoint(self, checkpoints: Path | None) -> CheckpointInfo:
        """Sign the chain head where this workstation holds the key; else the head alone.

        The same file as data.checkpoints.checkpoint_for_handover writes (reason "handover");
        the report needs its parts (file, fingerprint) and not only its printable text.
        """
        keys = self.ctx.keys
        if checkpoints is not None and signing_key_readable(keys):
            path, signed = write_checkpoint(
                self.ctx.db,
                keys,
                checkpoints,
                workstation=self.ctx.workstation,
                reason=CheckpointReason.HANDOVER,
                clock=self.ctx.clock,
            )
            cp = signed.checkpoint
            return CheckpointInfo(
                head_hash=cp.head_hash,
                rows=cp.rows,
                signed=True,
                file_name=path.name,
                signature=signed.signature_fingerprint,
                key_id=signed.key_id,
                text=f"{signed.describe()}\n  file:        {path}",
            )
        with self.ctx.read() as s:
            cp = read_checkpoint(
                s,
                workstation=self.ctx.workstation,
                reason=CheckpointReason.HANDOVER,
                clock=self.ctx.clock,
            )
        problem = "no audit signing key on this workstation"
        return CheckpointInfo(head_hash=cp.head_hash, rows=cp.rows, signed=False, problem=problem)

    # --- the report made, then stored ---------------------------------------------------
    def check_reason(self, who: Principal, reason: str | None) -> str:
        """The export guard of the report: a reason, else HandoverRefused.

        The refusal is audited through ctx.defer_write (the writer, in the console), as a
        read job's permission refusal is: this check runs before the PDF is made.
        """
        problem = reason_problem(reason)
        if problem is not None:
            detail = problem
            self.ctx.defer_write(
                lambda: self.ctx.record(
                    who, AuditAction.EXPORT_REFUSED, target="handover", detail=detail
                )
            )
            raise HandoverRefused(problem)
        return clean_line(reason or "")

    def prepare(
        self,
        who: Principal,
        *,
        notes: str,
        reason: str,
        folder: Path,
        checkpoints: Path | None,
        render: Render,
        now: datetime | None = None,
    ) -> PreparedHandover:
        """Checkpoint, report and PDF (0600): everything but the row; no database write.

        A read job: rendering takes seconds, and the writer must not wait for it. The role
        and the reason are checked first (refusals audited on the writer); `store` checks
        the account again. The file stays only if `store` succeeds; else `discard` it.
        """
        from data.exports import write_private  # data.exports imports the services package

        notes = clean_block(notes)
        if len(notes) > NOTES_MAX:
            raise ValueError(f"the notes are longer than {NOTES_MAX} characters")
        self.ctx.require(who, Permission.HANDLE_INCIDENTS)
        self.ctx.require(who, Permission.VIEW_GENERAL_INCIDENTS)  # a shift of the street's work
        why = self.check_reason(who, reason)
        cp = self.checkpoint(checkpoints)
        report = replace(self.gather(who, notes=notes, now=now), checkpoint=cp)
        pdf = render(report)
        digest = hashlib.sha256(pdf).hexdigest()
        stamp = local(report.shift_end, report.zone).strftime("%Y%m%d-%H%M%S")
        make_key_dir(folder)
        path = folder / f"handover-{self.ctx.workstation}-{stamp}-{who.username}.pdf"
        n = 1
        while path.exists():
            path = folder / f"handover-{self.ctx.workstation}-{stamp}-{who.username}-{n}.pdf"
            n += 1
        write_private(path, lambda out: out.write(pdf))
        return PreparedHandover(who.user_id, report, path, digest, why)

    def discard(self, prepared: PreparedHandover) -> None:
        """A made report that will not be stored (its author signed out): its PDF goes."""
        prepared.path.unlink(missing_ok=True)

    def store(self, who: Principal, prepared: PreparedHandover) -> HandoverResult:
        """The row, its change_log row and the audit rows, in one short write; on any
        failure the PDF is deleted: no file stays without its row."""
        report, path, digest = prepared.report, prepared.path, prepared.sha256
        cp = report.checkpoint
        try:
            if cp is None or prepared.user_id != who.user_id:
                raise HandoverError("only its author stores a prepared handover")
            with self.ctx.write(who, Permission.HANDLE_INCIDENTS) as tx:
                self.ctx.check(tx, Permission.VIEW_GENERAL_INCIDENTS)
                row = ShiftHandover(
                    outgoing_user_id=who.user_id,
                    workstation=self.ctx.workstation,
                    shift_start=report.shift_start,
                    shift_end=report.shift_end,
                    notes=report.notes,
                    chain_head=cp.head_hash,
                    chain_rows=cp.rows,
                    checkpoint_file=cp.file_name,
                    signature=f"{cp.signature} (key {cp.key_id})" if cp.signed else NO_KEY,
                    pdf_file=path.name,
                    pdf_sha256=digest,
                    created_at=tx.now,
                )
                tx.session.add(row)
                tx.session.flush()
                tx.change(TABLE, row.id, "insert")
                target = f"handover:{row.id}"
                tx.audit(
                    AuditAction.HANDOVER_MADE,
                    target=target,
                    detail=json.dumps(
                        {
                            "shift": [report.shift_start.isoformat(), report.shift_end.isoformat()],
                            "chain_head": cp.head_hash,
                            "checkpoint": cp.file_name or NO_KEY,
                            "pdf_sha256": digest,
                        },
                        sort_keys=True,
                    ),
                )
                # The same row every personal-data export leaves (data.exports).
                tx.audit(
                    AuditAction.DATA_EXPORTED,
                    target="handover",
                    detail=json.dumps(
                        {
                            "rows": len(report.open_items),
                            "reason": prepared.reason,
                            "file": str(path),
                            "format": "pdf",
                            "handover": row.id,
                            "callers": report.caller_level.name.lower(),
                        },
                        ensure_ascii=False,
                        sort_keys=True,
                    ),
                )
                hid = row.id
        except BaseException:
            path.unlink(missing_ok=True)  # a report nobody can account for must not stay
            raise
        return HandoverResult(hid, path, digest, report)

    def acknowledge(self, who: Principal, handover_id: int) -> None:
        """The incoming operator confirms they read the report; never its own author."""
        target = f"handover:{handover_id}"
        try:
            with self.ctx.write(who, Permission.HANDLE_INCIDENTS) as tx:
                self.ctx.check(tx, Permission.VIEW_GENERAL_INCIDENTS)
                row = tx.session.execute(
                    select(ShiftHandover).where(ShiftHandover.id == handover_id).with_for_update()
                ).scalar_one_or_none()
                if row is None:
                    raise HandoverError(f"no handover {handover_id}")
                if row.outgoing_user_id == who.user_id:
                    raise HandoverError(
                        "the outgoing operator cannot acknowledge their own handover"
                    )
                if row.acknowledged_at is not None:
                    raise HandoverError(f"handover {handover_id} is already acknowledged")
                row.acknowledged_by_id = who.user_id
                row.acknowledged_at = tx.now
                tx.change(TABLE, row.id, "update")
                tx.audit(AuditAction.HANDOVER_ACKNOWLEDGED, target=target)
        except HandoverError as exc:
            self.ctx.record(who, AuditAction.HANDOVER_ACK_REFUSED, target=target, detail=str(exc))
            raise

    def pdf_path(self, folder: Path, pending: PendingHandover) -> Path:
        """Where a handover's PDF is (it may be on another workstation's disk if shared)."""
        return folder / Path(pending.pdf_file).name
