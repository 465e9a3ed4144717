"""Guards of incident writes: the optimistic version, the conflict it reports, four eyes, and
who may change a general incident."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from core.incident_edit import ConflictInfo, IncidentConflict, OtherChange
from core.permissions import Permission, Principal
from core.views import IncidentRow
from data.context import STREET_WIDE, ServiceContext, WriteTx
from data.models import Incident, IncidentEvent, SiteMeta, User

FOUR_EYES_KEY = "four_eyes"  # site_meta: "false" when the site file relaxes four eyes


def check_general(ctx: ServiceContext, tx: WriteTx, inc: Incident, ccode: str | None) -> None:
    """A write on one of the street's general incidents needs VIEW_GENERAL_INCIDENTS, as
    reading it does: a counsellor, whose queue holds the risk alerts alone, may not change
    the others by number either (refused and audited like any write)."""
    if not inc.restricted and isinstance(tx.actor, Principal):
        ctx.check(tx, Permission.VIEW_GENERAL_INCIDENTS, ccode or STREET_WIDE)


def bump(inc: Incident) -> int:
    """Count one more change of the row; returns the new version for its timeline entry."""
    inc.version = (inc.version or 1) + 1
    return inc.version


def conflict(s: Session, current: IncidentRow, expected: int) -> IncidentConflict:
    """The refusal of a save that expected `expected`: what the incident is now and what the
    timeline recorded since (the latest entry when older entries carry no version)."""
    actor = aliased(User)
    stmt = (
        select(IncidentEvent, actor.display_name)
        .outerjoin(actor, IncidentEvent.actor_id == actor.id)
        .where(IncidentEvent.incident_id == current.id)
    )
    found = s.execute(stmt.where(IncidentEvent.version > expected).order_by(IncidentEvent.id)).all()
    if not found:
        found = s.execute(stmt.order_by(IncidentEvent.id.desc()).limit(1)).all()
    changes = tuple(
        OtherChange(ts=e.ts, kind=e.kind, note=e.note, actor=name, workstation=e.workstation)
        for e, name in found
    )
    return IncidentConflict(ConflictInfo(current.id, expected, current, changes))


def four_eyes(s: Session) -> bool:
    """Whether whoever resolved an incident is barred from closing it (the site's setting)."""
    meta = s.get(SiteMeta, FOUR_EYES_KEY)
    return meta is None or meta.value != "false"
