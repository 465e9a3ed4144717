"""Incident history: every incident in scope, newest first, searched through the index."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from core.history import COUNT_CAP, HistoryQuery, building_of, digits, normalise, query_grams
from core.permissions import Permission, Principal
from core.timefmt import DEFAULT_ZONE
from core.views import IncidentRow
from data.context import ServiceContext
from data.models import Community, Incident, IncidentGram, IncidentSearch, IncidentType, Resident
from data.services.incidents import IncidentService, _incident_select, _row

PROBE = 5000  # postings counted per gram to find the rarest one (a bound, not a total)
LAST = "\U0010ffff"  # above every character: [p, p + LAST] holds every gram that begins with p


@dataclass(frozen=True, slots=True)
class HistoryPage:
    """Incidents newest first after a point, whether more follow, and how many match.

    `count` is exact up to COUNT_CAP; `capped` says there are more than that.
    """

    rows: list[IncidentRow]
    more: bool
    count: int
    capped: bool
    number: int | None = None  # the query was an incident number (the console opens it)


class HistoryService:
    """History: every incident in scope, newest first (by number), searched through the index."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def search(
        self,
        who: Principal,
        query: HistoryQuery,
        *,
        after: int | None = None,
        limit: int = 200,
        zone: str = DEFAULT_ZONE,
    ) -> HistoryPage:
        """A page of the incidents that match `query`, numbered below `after` (keyset).

        The date range is in whole days of `zone` (the site's time zone).
        """
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        query.check()
        number = query.number
        with self.ctx.read() as s:
            if number is not None:
                # A number goes straight to that incident (if it is in scope).
                stmt = IncidentService._scoped(_incident_select().where(Incident.id == number), who)
                rows = [_row(r) for r in s.execute(stmt)]
                return HistoryPage(rows, False, len(rows), False, number)
            ids_of = self._ids(s, who, query, zone)
            if ids_of is None:
                return HistoryPage([], False, 0, False)
            key, base = ids_of
            page = base.order_by(key.desc()).limit(limit + 1)
            if after is not None:
                page = page.where(key < after)
            ids = list(s.scalars(page))
            n = s.scalar(select(func.count()).select_from(base.limit(COUNT_CAP + 1).subquery()))
            rows = self._rows(s, ids[:limit])
        count = int(n or 0)
        return HistoryPage(rows, len(ids) > limit, min(count, COUNT_CAP), count > COUNT_CAP)

    def at_address_of(self, who: Principal, resident_id: int, limit: int = 5) -> list[IncidentRow]:
        """The latest incidents whose text names the resident's building (a caller's card).

        The address is looked up here and never returned: the viewer sees only incidents,
        which the queue and the History show them anyway. A resident out of the viewer's
        scope, or anonymised, gives nothing.
        """
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        with self.ctx.read() as s:
            stmt = select(Resident.address, Community.code).join(
                Community, Resident.community_id == Community.id
            )
            found = s.execute(stmt.where(Resident.id == resident_id)).one_or_none()
        if found is None or (who.communities is not None and found[1] not in who.communities):
            return []
        key = building_of(found[0] or "")
        if not key:
            return []
        return self.search(who, HistoryQuery(text=key), limit=limit).rows

    def matching(
        self,
        who: Principal,
        query: HistoryQuery,
        ids: Collection[int],
        zone: str = DEFAULT_ZONE,
    ) -> list[IncidentRow]:
        """Which of these incidents (changed just now) the query finds; newest first."""
        self.ctx.require(who, Permission.VIEW_INCIDENTS)
        query.check()
        if not ids:
            return []
        number = query.number
        with self.ctx.read() as s:
            if number is not None:
                wanted = [number] if number in ids else []
                stmt = IncidentService._scoped(
                    _incident_select().where(Incident.id.in_(wanted)), who
                )
                return [_row(r) for r in s.execute(stmt)]
            stmt = self._filtered(
                s, who, query, select(Incident.id).where(Incident.id.in_(list(ids))), Incident, zone
            )
            if stmt is None:
                return []
            if query.text.strip() or query.phone.strip():
                stmt = stmt.join(IncidentSearch, IncidentSearch.incident_id == Incident.id)
                stmt = self._rechecked(stmt, query)
            return self._rows(s, list(s.scalars(stmt)))

    # --- building the statements -------------------------------------------------------------
    @staticmethod
    def _rows(s: Session, ids: list[int]) -> list[IncidentRow]:
        if not ids:
            return []
        found = {
            r[0].id: _row(r) for r in s.execute(_incident_select().where(Incident.id.in_(ids)))
        }
        return [found[i] for i in sorted(found, reverse=True)]

    @staticmethod
    def _rechecked(stmt: Any, query: HistoryQuery) -> Any:
        text = normalise(query.text)
        if text:
            stmt = stmt.where(IncidentSearch.body.contains(text))
        phone = digits(query.phone)
        if phone:
            stmt = stmt.where(IncidentSearch.phone.contains(phone))
        return stmt

    def _ids(
        self, s: Session, who: Principal, query: HistoryQuery, zone: str
    ) -> tuple[Any, Select[Any]] | None:
        """(the id column, the statement of matching ids, unordered); None: nothing can match."""
        grams, prefixes = query_grams(normalise(query.text), digits(query.phone))
        if not grams and not prefixes:
            found = self._filtered(s, who, query, select(Incident.id), Incident, zone)
            return (Incident.id, found) if found is not None else None
        # Walk the rarest gram's incidents newest first and re-check each against the text:
        # the cost is that gram's postings at worst, and a page stops early when rows match.
        # A prefix (a query shorter than a gram) stands for every gram that begins with it.
        where = {g: IncidentGram.gram == g for g in grams} | {
            p: IncidentGram.gram.between(p, p + LAST) for p in prefixes
        }
        counts = {
            key: int(
                s.scalar(
                    select(func.count()).select_from(
                        select(IncidentGram.incident_id).where(cond).limit(PROBE).subquery()
                    )
                )
                or 0
            )
            for key, cond in sorted(where.items())
        }
        drive = min(counts, key=lambda g: (counts[g], g))
        if counts[drive] == 0:
            return None
        stmt = (
            select(IncidentGram.incident_id)
            .join(IncidentSearch, IncidentSearch.incident_id == IncidentGram.incident_id)
            .where(where[drive])
        )
        if drive in prefixes:
            stmt = stmt.distinct()  # an incident may have several grams with that prefix
        stmt = self._rechecked(stmt, query)
        needs_incident = bool(query.type_code or query.source or query.date_from or query.date_to)
        if needs_incident:
            stmt = stmt.join(Incident, Incident.id == IncidentGram.incident_id)
        by = None if needs_incident else IncidentGram
        filtered = self._filtered(s, who, query, stmt, by, zone)
        return (IncidentGram.incident_id, filtered) if filtered is not None else None

    @staticmethod
    def _filtered(
        s: Session, who: Principal, query: HistoryQuery, stmt: Any, by: Any, zone: str
    ) -> Any:
        """The query's filters and the user's scope; communities on `by` (None: on the incident).

        None when a filter names something unknown (no incident can match it).
        """
        community_of = (by or Incident).community_id
        if query.community:
            cid = s.scalar(select(Community.id).where(Community.code == query.community))
            if cid is None:
                return None
            stmt = stmt.where(community_of == cid)
        if not who.can(Permission.HANDLE_RISK):
            # Restricted incidents (screening risk alerts) are few: a partial index lists them.
            hidden = select(Incident.id).where(Incident.restricted != "")
            if by is None or by is Incident:
                stmt = stmt.where(Incident.restricted == "")
            else:
                stmt = stmt.where(by.incident_id.not_in(hidden))
        if not who.can(Permission.VIEW_GENERAL_INCIDENTS):
            # Only the restricted ones (a counsellor's risk alerts): the same partial index.
            shown = select(Incident.id).where(Incident.restricted != "")
            if by is None or by is Incident:
                stmt = stmt.where(Incident.restricted != "")
            else:
                stmt = stmt.where(by.incident_id.in_(shown))
        if who.communities is not None:
            # The same scope as the queue (IncidentService._scoped), by id so that the index's
            # own community column serves it.
            allowed = list(
                s.scalars(select(Community.id).where(Community.code.in_(sorted(who.communities))))
            )
            stmt = stmt.where(community_of.in_(allowed))
        if query.type_code:
            tid = s.scalar(select(IncidentType.id).where(IncidentType.code == query.type_code))
            if tid is None:
                return None
            stmt = stmt.where(Incident.type_id == tid)
        if query.source:
            stmt = stmt.where(Incident.source == query.source.value)
        start, end = query.utc_range(zone)
        if start is not None:
            stmt = stmt.where(Incident.created_at >= start)
        if end is not None:
            stmt = stmt.where(Incident.created_at < end)
        return stmt
