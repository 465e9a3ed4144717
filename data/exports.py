"""Exports of personal data: a role and a reason, an audit row, a 0600 file naming who and why."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from core.audit import AuditAction
from core.csvexport import Cell, CsvEncoding, footer, write_csv
from core.incidents import QueueView
from core.model import RoleName
from core.permissions import ROLE_PERMISSIONS, Principal
from core.personal import POLICY, Level, Purpose, reason_problem
from core.text import clean_line
from core.views import IncidentRow, queue_key
from data.context import ServiceContext
from data.services import Services

PAGE = 2000  # rows read at a time: an export of a million rows never sits in memory whole


class ExportRefused(PermissionError):
    """An export was refused (no reason, or a role that may not export); it is audited."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What was written."""

    path: Path
    rows: int
    encoding: CsvEncoding


Exporter = Principal | str
"""A signed-in user, or the local owner of a SQLite file (`os:user@host`, acting as admin)."""


def may_export(role: RoleName) -> bool:
    """A role whose export policy (core.personal, purpose `export`) lets anything leave."""
    return any(level is not Level.HIDDEN for level in POLICY[role][Purpose.EXPORT].values())


def reader_of(who: Exporter) -> Principal:
    """The principal reads run as: the user, or for a file's owner an administrator's view."""
    if isinstance(who, Principal):
        return who
    # The owner of a single PC's file could read it with any SQLite tool; they get what an
    # administrator gets (masked lists), and the audit row names them.
    return Principal(0, who, who, RoleName.ADMIN, ROLE_PERMISSIONS[RoleName.ADMIN])


def check_export(ctx: ServiceContext, who: Exporter, what: str, reason: str | None) -> str:
    """The cleaned reason, or ExportRefused (audited as `export_refused`)."""
    role = reader_of(who).role
    problem = None if may_export(role) else f"the role {role.value} may not export personal data"
    if problem is None:
        problem = reason_problem(reason)
    if problem is not None:
        ctx.record(_name(who), AuditAction.EXPORT_REFUSED, target=what, detail=problem[:200])
        raise ExportRefused(problem)
    return clean_line(reason or "")


def _name(who: Exporter) -> str:
    return who.username if isinstance(who, Principal) else who


def write_private(path: Path, write: Callable[[BinaryIO], int]) -> int:
    """Write a file readable by its owner only (0600), whole or not at all."""
    path = path.expanduser()
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            count = write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(part, path)  # keeps the part file's 0600, whatever an old file had
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return count


def _export(
    ctx: ServiceContext,
    who: Exporter,
    *,
    what: str,
    path: Path,
    reason: str | None,
    encoding: CsvEncoding,
    header: Sequence[str],
    rows: Callable[[], Iterable[Sequence[Cell]]],
    detail: dict[str, object] | None = None,
    now: datetime | None = None,
) -> ExportResult:
    """The one guarded export path: check, write the file, audit; no file without a row."""
    why = check_export(ctx, who, what, reason)
    when = now or ctx.clock()
    line = footer(_name(who), when, why)
    count = write_private(
        path,
        lambda out: write_csv(out, header, rows(), encoding=encoding, footer_line=line),
    )
    try:
        with ctx.write(_name(who)) as tx:
            tx.audit(
                AuditAction.DATA_EXPORTED,
                target=what,
                detail=json.dumps(
                    {
                        "rows": count,
                        "reason": why,
                        "file": str(path),
                        "encoding": encoding.value,
                        **(detail or {}),
                    },
                    ensure_ascii=False,
                    sort_keys=True,
                ),
            )
    except BaseException:
        # An export nobody can account for must not stay behind.
        path.unlink(missing_ok=True)
        raise
    return ExportResult(path, count, encoding)


INCIDENT_HEADER = (
    "id",
    "created (UTC)",
    "updated (UTC)",
    "priority",
    "state",
    "type",
    "community",
    "title",
    "location",
    "handled by",
)


def _utc(ts: datetime) -> str:
    return ts.strftime("%Y-%m-%d %H:%M:%S")


def _incident_cells(r: IncidentRow) -> tuple[Cell, ...]:
    # id and priority are numbers (a number column sorts and sums in Excel); all else text.
    return (
        r.id,
        _utc(r.created_at),
        _utc(r.updated_at),
        int(r.priority),
        r.state.value,
        r.type_code or "",
        r.community or "",
        r.title,
        r.location,
        r.claimed_by or "",
    )


def _incident_rows(
    services: Services, who: Principal, view: QueueView | None
) -> Iterator[IncidentRow]:
    incidents = services.incidents
    if view is None:
        after = 0
        while True:
            page = incidents.page_by_id(who, after, PAGE)
            yield from page.rows
            if not page.more or not page.rows:
                return
            after = page.rows[-1].id
    key = None
    while True:
        qpage = incidents.queue_page(who, view=view, after=key, limit=PAGE)
        yield from qpage.rows
        if not qpage.more or not qpage.rows:
            return
        key = queue_key(qpage.rows[-1])


def export_incidents(
    services: Services,
    who: Exporter,
    path: Path,
    reason: str | None,
    encoding: CsvEncoding = CsvEncoding.UTF8_BOM,
    *,
    view: QueueView | None = None,
) -> ExportResult:
    """The incident list (a queue view, or every incident in scope) as CSV for Excel.

    Callers' names and phones are never exported; titles and locations may still name a
    person, hence the guard.
    """
    reader = reader_of(who)
    return _export(
        services.ctx,
        who,
        what="incidents",
        path=path,
        reason=reason,
        encoding=encoding,
        header=INCIDENT_HEADER,
        rows=lambda: (_incident_cells(r) for r in _incident_rows(services, reader, view)),
        detail={"view": view.value if view is not None else "all"},
    )


RESIDENT_HEADER = ("id", "community", "name", "gender", "phone", "address", "needs care")


def export_residents(
    services: Services,
    who: Exporter,
    path: Path,
    reason: str | None,
    encoding: CsvEncoding = CsvEncoding.UTF8_BOM,
    *,
    community: str | None = None,
) -> ExportResult:
    """Residents in scope, masked as the acting role's lists show them.

    The export policy (core.personal) adds its own limits: no identity numbers or birth
    dates, and nothing of a minor (those rows are left out).
    """
    reader = reader_of(who)
    residents = services.residents

    def rows() -> Iterator[tuple[Cell, ...]]:
        after: int | None = None
        while True:
            page = residents.page(reader, community=community, after=after, limit=PAGE)
            for r in page.rows:
                if r.minor:
                    continue
                care = "" if r.care_needed is None else r.care_needed
                yield (r.id, r.community, r.name, r.gender, r.phone, r.address, care)
            if not page.more or not page.rows:
                return
            after = page.rows[-1].id

    return _export(
        services.ctx,
        who,
        what="residents",
        path=path,
        reason=reason,
        encoding=encoding,
        header=RESIDENT_HEADER,
        rows=rows,
        detail={"community": community or "all in scope"},
    )
