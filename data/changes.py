"""change_log: a monotonic record of what changed, so other workstations can refresh."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.events import ChangesAvailable
from core.timefmt import utcnow
from data.models import ChangeLog


def record_change(
    session: Session, table: str, row_id: int | None, op: str, workstation: str = ""
) -> None:
    """Note a change in the caller's transaction (it becomes visible at commit)."""
    session.add(
        ChangeLog(ts=utcnow(), table_name=table, row_id=row_id, op=op, workstation=workstation)
    )


def latest_change_id(session: Session) -> int:
    """The newest change id, 0 for an empty log."""
    return int(session.scalar(select(func.coalesce(func.max(ChangeLog.id), 0))) or 0)


def changes_since(session: Session, after_id: int, limit: int = 10_000) -> ChangesAvailable | None:
    """What changed after `after_id`, or None if nothing did."""
    rows = session.execute(
        select(ChangeLog.id, ChangeLog.table_name)
        .where(ChangeLog.id > after_id)
        .order_by(ChangeLog.id)
        .limit(limit)
    ).all()
    if not rows:
        return None
    return ChangesAvailable(last_id=rows[-1][0], tables=frozenset(r[1] for r in rows))
