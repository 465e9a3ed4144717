"""The retention job: anonymises or deletes what is past its period, in batches, never a hold."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, delete, func, or_, select, text, true, update
from sqlalchemy.orm import InstrumentedAttribute

from core.audit import AuditAction
from core.permissions import Permission
from core.retention import DEFAULT_POLICY, Period, RetentionClass, RetentionPolicy
from data.context import Actor, ServiceContext
from data.models import (
    AuditLog,
    CameraEvent,
    ChangeLog,
    Incident,
    IncidentEvent,
    SurveyAnswered,
    SurveyAnsweredBusiness,
    SurveyRound,
    TagRead,
)
from data.services.attachments import delete_attachments_of
from data.services.incident_search import unindex_incidents
from data.services.surveys import SurveyService

BATCH = 5000  # rows per transaction: short write locks, so consoles keep writing meanwhile
ANONYMISED_TITLE = "[anonymised]"
# The tables these classes will live in do not exist yet; the policy covers them already.
NOT_YET_STORED = (
    RetentionClass.POSITIONS,  # tag_position holds only each tag's latest place, not a history
    RetentionClass.CALL_RECORDINGS,
)


class RetentionNotAllowed(PermissionError):
    """The database role cannot delete or anonymise (PostgreSQL's workstation role)."""


@dataclass(frozen=True, slots=True)
class ClassReport:
    """What the job did (or, in a dry run, would do) to one class of data."""

    cls: RetentionClass
    period: Period
    present: bool  # False: the console stores no such data yet
    action: str  # "anonymised", "deleted", "kept" or "not present"
    count: int  # rows anonymised or deleted (would be, in a dry run)
    held: int  # rows past their period but under legal hold, left alone
    oldest_kept: datetime | None  # the oldest row still kept in full afterwards

    def line(self, dry_run: bool = False) -> str:
        """One line of the CLI's report."""
        head = f"{self.cls.value:<16} {self.period!s:>10}  "
        if not self.present:
            return head + "not present"
        oldest = self.oldest_kept.strftime("%Y-%m-%d %H:%M UTC") if self.oldest_kept else "-"
        if self.action == "kept":
            return head + f"kept, none removed; oldest {oldest}"
        done = f"would be {self.action}" if dry_run else self.action
        held = f", {self.held:,} under legal hold left alone" if self.held else ""
        return head + f"{done}: {self.count:,}{held}; oldest kept {oldest}"


@dataclass(frozen=True, slots=True)
class RetentionReport:
    """The whole run: when, whether a dry run, and one report per class."""

    now: datetime
    dry_run: bool
    classes: tuple[ClassReport, ...]
    # Anonymous survey rounds whose "has answered" flags were rewritten (PostgreSQL only):
    # a flag written with its response shares their transaction id until then.
    sealed_rounds: int = 0

    def of(self, cls: RetentionClass) -> ClassReport:
        return next(c for c in self.classes if c.cls is cls)

    def counts(self) -> dict[str, int]:
        """Rows changed per class (not-present classes left out): the audit row's content."""
        return {c.cls.value: c.count for c in self.classes if c.present}


def _expired_incidents(cutoff: datetime) -> list[ColumnElement[bool]]:
    """Closed, not yet anonymised, not held, closed before the cutoff."""
    return [
        Incident.state == "closed",
        Incident.anonymised_at.is_(None),
        Incident.legal_hold.is_(False),
        Incident.updated_at < cutoff,
    ]


class RetentionService:
    """Applies a `RetentionPolicy`; an administrator's (or the database owner's) task.

    On PostgreSQL the workstation role has no DELETE and cannot change timelines: the job runs
    with the owner's URL there, and a workstation role's attempt fails with a permission error.
    """

    def __init__(self, ctx: ServiceContext, policy: RetentionPolicy = DEFAULT_POLICY):
        self.ctx = ctx
        self.policy = policy

    def run(
        self,
        who: Actor,
        now: datetime | None = None,
        dry_run: bool = False,
        *,
        batch: int = BATCH,
        progress: Callable[[RetentionClass, int], None] | None = None,
    ) -> RetentionReport:
        """Apply the policy as of `now`; a dry run counts the same rows and changes nothing.

        A real run leaves one `retention_run` audit row with the counts; a dry run leaves none.
        """
        now = now or self.ctx.clock()
        # Refused before anything is read or changed; the refusal is audited.
        with self.ctx.write(who, Permission.MANAGE_USERS):
            pass
        if not dry_run:
            self._check_grants()
        reports: list[ClassReport] = []
        for cls in RetentionClass:
            period = self.policy.period(cls)
            if cls in NOT_YET_STORED:
                reports.append(ClassReport(cls, period, False, "not present", 0, 0, None))
            elif cls is RetentionClass.INCIDENTS:
                reports.append(self._incidents(who, now, period, dry_run, batch, progress))
            elif cls is RetentionClass.CHANGE_LOG:
                reports.append(self._change_log(who, now, period, dry_run, batch, progress))
            elif cls is RetentionClass.TAG_READS:
                reports.append(
                    self._by_age(cls, TagRead, TagRead.at, [], who, now, dry_run, batch, progress)
                )
            elif cls is RetentionClass.VIDEO:
                # The recorder deletes the video files by the same period (console recorder);
                # here go the cameras' motion events that no incident keeps.
                reports.append(
                    self._by_age(
                        cls,
                        CameraEvent,
                        CameraEvent.at,
                        [CameraEvent.incident_id.is_(None)],
                        who,
                        now,
                        dry_run,
                        batch,
                        progress,
                    )
                )
            else:
                reports.append(self._audit_log(period))
        sealed = 0 if dry_run else self._seal_surveys(who)
        report = RetentionReport(now, dry_run, tuple(reports), sealed)
        if not dry_run:
            with self.ctx.write(who, Permission.MANAGE_USERS) as tx:
                tx.audit(
                    AuditAction.RETENTION_RUN,
                    detail=json.dumps(
                        {
                            "counts": report.counts(),
                            "held": report.of(RetentionClass.INCIDENTS).held,
                            "as_of": now.isoformat(timespec="seconds"),
                            "sealed_rounds": sealed,
                        },
                        sort_keys=True,
                    ),
                )
        return report

    def _seal_surveys(self, who: Actor) -> int:
        """Seal every anonymous survey round that has flags (nothing to do on SQLite)."""
        if self.ctx.db.dialect != "postgresql":
            return 0
        with self.ctx.read() as s:
            codes = list(
                s.scalars(
                    select(SurveyRound.code)
                    .where(SurveyRound.anonymous.is_(True))
                    .where(
                        select(SurveyAnswered.round_id)
                        .where(SurveyAnswered.round_id == SurveyRound.id)
                        .exists()
                        | select(SurveyAnsweredBusiness.round_id)
                        .where(SurveyAnsweredBusiness.round_id == SurveyRound.id)
                        .exists()
                    )
                    .order_by(SurveyRound.code)
                )
            )
        surveys = SurveyService(self.ctx)
        for code in codes:
            surveys.seal(who, code)
        return len(codes)

    def _check_grants(self) -> None:
        """On PostgreSQL, refuse at once a role that could not finish (the workstation's)."""
        if self.ctx.db.dialect != "postgresql":
            return
        needed = (
            ("change_log", "DELETE"),
            ("incident_event", "UPDATE"),
            ("incident", "UPDATE"),
            ("tag_read", "DELETE"),
            ("camera_event", "DELETE"),
            ("survey_answered", "DELETE"),
            ("survey_answered_business", "DELETE"),
        )
        with self.ctx.read() as s:
            missing = [
                f"{privilege} on {table}"
                for table, privilege in needed
                if not s.scalar(
                    text("SELECT has_table_privilege(current_user, :t, :p)"),
                    {"t": table, "p": privilege},
                )
            ]
        if missing:
            raise RetentionNotAllowed(
                f"this database role lacks {', '.join(missing)}: retention is the database "
                "owner's task (the workstation's role has no DELETE); run it with the owner's URL"
            )

    # --- incidents: anonymised, so that the KPI dashboard keeps its history ----------------
    def _incidents(
        self,
        who: Actor,
        now: datetime,
        period: Period,
        dry_run: bool,
        batch: int,
        progress: Callable[[RetentionClass, int], None] | None,
    ) -> ClassReport:
        cls = RetentionClass.INCIDENTS
        if period.delta is None:
            return ClassReport(cls, period, True, "kept", 0, 0, self._oldest_closed(None))
        cutoff = now - period.delta
        expired = _expired_incidents(cutoff)
        with self.ctx.read() as s:
            held = s.scalar(
                select(func.count(Incident.id)).where(
                    Incident.state == "closed",
                    Incident.anonymised_at.is_(None),
                    Incident.legal_hold.is_(True),
                    Incident.updated_at < cutoff,
                )
            )
            if dry_run:
                count = s.scalar(select(func.count(Incident.id)).where(*expired)) or 0
        if not dry_run:
            count = 0
            last = 0
            while True:
                with self.ctx.write(who, Permission.MANAGE_USERS) as tx:
                    s = tx.session
                    # Keyset by id: each batch walks on from the last, never rescans the start.
                    ids = list(
                        s.scalars(
                            select(Incident.id)
                            .where(Incident.id > last, *expired)
                            .order_by(Incident.id)
                            .limit(batch)
                        )
                    )
                    if not ids:
                        break
                    # Type, priority, community, times, states and disposition stay for the
                    # KPI dashboard; whatever may name or locate a person goes.
                    s.execute(
                        update(Incident)
                        .where(Incident.id.in_(ids))
                        .values(
                            title=ANONYMISED_TITLE,
                            description="",
                            location="",
                            caller_name="",
                            caller_phone="",
                            anonymised_at=tx.now,
                            version=Incident.version + 1,
                        ),
                        execution_options={"synchronize_session": False},
                    )
                    s.execute(
                        update(IncidentEvent)
                        .where(IncidentEvent.incident_id.in_(ids), IncidentEvent.note != "")
                        .values(note=""),
                        execution_options={"synchronize_session": False},
                    )
                    # Files and snapshots may show anyone: they go with the details.
                    delete_attachments_of(s, ids)
                    unindex_incidents(s, ids)  # History search no longer finds them by text
                    if last == 0:
                        # One row-less change: consoles showing old incidents reload them.
                        tx.change("incident", None, "update")
                last = ids[-1]
                count += len(ids)
                if progress is not None:
                    progress(cls, count)
        return ClassReport(
            cls, period, True, "anonymised", count, held or 0, self._oldest_closed(cutoff)
        )

    def _oldest_closed(self, cutoff: datetime | None) -> datetime | None:
        """When the oldest closed incident still kept in full was closed."""
        kept: list[ColumnElement[bool]] = [
            Incident.state == "closed",
            Incident.anonymised_at.is_(None),
        ]
        if cutoff is not None:
            kept.append(or_(Incident.legal_hold.is_(True), Incident.updated_at >= cutoff))
        with self.ctx.read() as s:
            oldest: datetime | None = s.scalar(select(func.min(Incident.updated_at)).where(*kept))
        return oldest

    # --- change_log: a refresh feed, deleted after a few days ------------------------------
    def _change_log(
        self,
        who: Actor,
        now: datetime,
        period: Period,
        dry_run: bool,
        batch: int,
        progress: Callable[[RetentionClass, int], None] | None,
    ) -> ClassReport:
        cls = RetentionClass.CHANGE_LOG
        if period.delta is None:
            return ClassReport(cls, period, True, "kept", 0, 0, self._oldest(ChangeLog.ts, []))
        cutoff = now - period.delta
        with self.ctx.read() as s:
            newest = s.scalar(select(func.max(ChangeLog.id))) or 0
        # The newest row always stays: SQLite hands out max(id) + 1, and an emptied table
        # would reuse ids that consoles have already read past.
        old = [ChangeLog.ts < cutoff, ChangeLog.id < newest]
        if dry_run:
            with self.ctx.read() as s:
                count = s.scalar(select(func.count(ChangeLog.id)).where(*old)) or 0
        else:
            count = 0
            last = 0
            while True:
                with self.ctx.write(who, Permission.MANAGE_USERS) as tx:
                    s = tx.session
                    page = (
                        select(ChangeLog.id)
                        .where(ChangeLog.id > last, *old)
                        .order_by(ChangeLog.id)
                        .limit(batch)
                    )
                    ids = list(s.scalars(page))
                    if not ids:
                        break
                    s.execute(
                        delete(ChangeLog).where(ChangeLog.id.in_(ids)),
                        execution_options={"synchronize_session": False},
                    )
                last = ids[-1]
                count += len(ids)
                if progress is not None:
                    progress(cls, count)
        kept = self._oldest(ChangeLog.ts, [or_(ChangeLog.ts >= cutoff, ChangeLog.id >= newest)])
        return ClassReport(cls, period, True, "deleted", count, 0, kept)

    # --- tag reads (whereabouts) and cameras' events: deleted by age ------------------------
    def _by_age(
        self,
        cls: RetentionClass,
        model: type[TagRead] | type[CameraEvent],
        at: InstrumentedAttribute[datetime],
        where: list[ColumnElement[bool]],
        who: Actor,
        now: datetime,
        dry_run: bool,
        batch: int,
        progress: Callable[[RetentionClass, int], None] | None,
    ) -> ClassReport:
        period = self.policy.period(cls)
        if period.delta is None:
            return ClassReport(cls, period, True, "kept", 0, 0, self._oldest(at, where))
        cutoff = now - period.delta
        old = [at < cutoff, *where]
        if dry_run:
            with self.ctx.read() as s:
                count = s.scalar(select(func.count(model.id)).where(*old)) or 0
        else:
            count = 0
            while True:
                with self.ctx.write(who, Permission.MANAGE_USERS) as tx:
                    s = tx.session
                    ids = list(s.scalars(select(model.id).where(*old).limit(batch)))
                    if not ids:
                        break
                    s.execute(
                        delete(model).where(model.id.in_(ids)),
                        execution_options={"synchronize_session": False},
                    )
                count += len(ids)
                if progress is not None:
                    progress(cls, count)
        kept = self._oldest(at, [at >= cutoff, *where])
        return ClassReport(cls, period, True, "deleted", count, 0, kept)

    # --- the audit log: never deleted ------------------------------------------------------
    def _audit_log(self, period: Period) -> ClassReport:
        # The hash chain and the signed checkpoints depend on every row; the job only reports.
        oldest = self._oldest(AuditLog.ts, [])
        return ClassReport(RetentionClass.AUDIT_LOG, period, True, "kept", 0, 0, oldest)

    def _oldest(
        self, column: InstrumentedAttribute[datetime], where: list[ColumnElement[bool]]
    ) -> datetime | None:
        with self.ctx.read() as s:
            oldest: datetime | None = s.scalar(select(func.min(column)).where(true(), *where))
        return oldest


def is_permission_error(exc: BaseException) -> bool:
    """True for PostgreSQL's "permission denied" (SQLSTATE 42501): a role without the grant."""
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) == "42501"
