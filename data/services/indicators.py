"""The plan's indicators computed from every service's tables, per month and community."""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from importlib.resources import files
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, case, distinct, exists, func, inspect, select
from sqlalchemy.orm import Session

from core.indicators import (
    ZERO_POPULATION_TEXT,
    Bilingual,
    FigureState,
    Kind,
    KpiFigure,
    Passport,
    PassportSet,
    Rag,
    add_months,
    as_of_month,
    as_suppressed,
    comparable_months,
    count_figure,
    error_figure,
    month_start,
    not_begun_figure,
    proportion_figure,
    rate_change_figure,
    read_passports,
    run_chart,
    suppress,
)
from core.kpi import TREND_MONTHS, CommunityFigure, Dashboard, IndicatorView, RecordRow
from core.permissions import Permission, PermissionDenied, Principal
from core.survey_results import ASSISTED_MODES
from data.context import STREET_WIDE, ServiceContext
from data.models import (
    Base,
    Community,
    CounsellingContact,
    Incident,
    IncidentType,
    JobReferral,
    Resident,
    Screening,
    ServiceTicket,
    StationHeartbeat,
    StationReceipt,
    SurveyAnswered,
    SurveyFrameMember,
    SurveyResponse,
    SurveyRound,
    Tag,
    Workstation,
)
from data.services.feedback import site_zone
from data.services.indicator_records import (
    HEALTH_SOURCES,
    Span,
    listing,
    measured,
    rounds_with_responses,
)

# Supervisors read the indicators (the plan's monthly review); stations and operators do not.
READ = Permission.REVIEW_INCIDENTS
STREET_TARGET = Bilingual("目标为全街道的总数", "the target is the whole street's")
RECORDS_MAX = 500  # records behind a figure listed at most; the rest are counted
STREET = 0  # the cell of rows without a community (a street-wide station, an untyped ticket)


def passports_file() -> Path:
    """The repository's passports, shipped as a resource (resources/indicators.toml)."""
    return Path(str(files("resources") / "indicators.toml"))


@dataclass
class _Window:
    """The trend's months, their bounds as UTC instants and as local dates."""

    months: list[date]
    zone: str
    now: datetime = field(default_factory=lambda: datetime.now(UTC))  # the dashboard's time
    instants: list[datetime] = field(default_factory=list)  # len(months) + 1
    # What several indicators of one dashboard read alike (stations seen, decoded answers):
    # read once per dashboard, not once per indicator.
    memo: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        tz = ZoneInfo(self.zone)
        bounds = [*self.months, add_months(self.months[-1], 1)]
        self.instants = [datetime.combine(d, time(), tz).astimezone(UTC) for d in bounds]

    @property
    def today(self) -> date:
        """The site's date at the dashboard's time."""
        return self.now.astimezone(ZoneInfo(self.zone)).date()

    @property
    def dates(self) -> list[date]:
        return [*self.months, add_months(self.months[-1], 1)]


def _bucket(col: Any, bounds: Sequence[Any]) -> ColumnElement[int]:
    """The month index of `col` in the window (-1: before it), exact in any time zone: the
    bounds are the months' first instants (or days), so no SQL date function is needed."""
    return case(
        (col < bounds[0], -1),
        *((col < b, i - 1) for i, b in enumerate(bounds) if i > 0),
        else_=len(bounds),
    )


# Per community id, per month of the window: (numerator, denominator). A count has n = 0.
Cells = dict[int, list[list[int]]]


@dataclass
class _Raw:
    """What a computation read: cells, the totals before the window (cumulative counts), and
    for rate changes the baseline's events per community and calendar month."""

    cells: Cells
    before: dict[int, int] = field(default_factory=dict)
    baseline: dict[int, dict[int, int]] = field(default_factory=dict)
    # ("self" or "assisted", community id) → per month [k, n]
    split: dict[tuple[str, int], list[list[int]]] = field(default_factory=dict)
    message: Bilingual | None = None  # why there is nothing to count (no form has the measure)


@dataclass
class _Answers:
    """The window's survey answers by measure: `valid` (month index, community id, assisted,
    1 if counted positive else 0) per valid answer; `seen` the measures of the forms that
    were answered at all (else the figure says nobody answered such a question)."""

    valid: dict[str, list[tuple[int, int, bool, int]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    seen: set[str] = field(default_factory=set)


def _cells(n_months: int) -> Cells:
    return defaultdict(lambda: [[0, 0] for _ in range(n_months)])


class IndicatorService:
    """The KPI dashboard's figures and the records behind them (no writes)."""

    def __init__(self, ctx: ServiceContext, passports: PassportSet | None = None):
        self.ctx = ctx
        self._passports = passports
        self._given = passports is not None
        self._types: frozenset[str] | None = None  # the incident types last checked against
        self._tables: frozenset[str] | None = None  # the database's tables, read once
        self._sources: dict[str, Callable[[Session, _Window, Passport], _Raw]] = {
            "stations.communities_reporting": self._communities_reporting,
            "residents.registered_of_population": self._registered,
            "stations.reporting": self._stations_reporting,
            "screenings.complete_sittings": self._screenings,
            "counselling.person_contacts": self._counselling,
            "tracking.holders_seen": self._tracked,
            "incidents.rate_change": self._incidents,
            "jobs.placements": self._placements,
            "surveys.participation": self._participation,
            "surveys.measure.csat": lambda s, w, p: self._measure(s, w, "csat"),
            "surveys.measure.convenience": lambda s, w, p: self._measure(s, w, "convenience"),
            "surveys.measure.awareness": lambda s, w, p: self._measure(s, w, "awareness"),
            "feedback.answered_of_due": self._feedback,
        }

    @property
    def passports(self) -> PassportSet:
        """The passports, read once (tables checked against the schema this console knows)."""
        if self._passports is None:
            self._passports = read_passports(passports_file(), set(Base.metadata.tables))
        return self._passports

    def _checked(self, s: Session) -> PassportSet:
        """The repository's passports checked against the site's incident types as they are
        now (an administrator may add or retire one); passports given to the service (a
        test's, a file being edited) are used as they are."""
        if self._given:
            return self.passports
        types = frozenset(str(c) for c in s.scalars(select(IncidentType.code)))
        if self._types != types:
            self._passports = read_passports(
                passports_file(), set(Base.metadata.tables), known_incident_types=types
            )
            self._types = types
        return self.passports

    # --- the dashboard ----------------------------------------------------------------------
    def dashboard(self, who: Principal, month: date, community: str | None = None) -> Dashboard:
        """Every indicator for `month` (its first day or any day of it), street-wide or for
        one community; each with its trend over the TREND_MONTHS months ending with it."""
        # A reader limited to some communities sees those, never the street's sum.
        self.ctx.require(who, READ, community or STREET_WIDE)
        selected = month_start(month)
        months = [add_months(selected, i - TREND_MONTHS + 1) for i in range(TREND_MONTHS)]
        now = _utc(self.ctx.clock())
        with self.ctx.read() as s:
            zone = site_zone(s)
            codes = set(s.scalars(select(Community.code)))
            if community is not None and community not in codes:
                raise LookupError(f"no community {community}")
            if self._tables is None:  # the schema is migrated before the console opens it
                self._tables = frozenset(inspect(s.connection()).get_table_names())
            checked = self._checked(s)
        # Two halves on two connections: one reads while the other computes in Python (the
        # database server, or SQLite with the GIL released, works beside this thread). The
        # survey and station indicators go together: they share what they read.
        shared = ("surveys.", "stations.")
        other = [p for p in checked.passports if p.source.startswith(shared)]
        mine = [p for p in checked.passports if not p.source.startswith(shared)]
        found: dict[str, IndicatorView] = {}
        failed: list[BaseException] = []

        def run_other() -> None:
            try:
                found.update(self._views(other, months, zone, now, community))
            except BaseException as exc:  # re-raised on the caller's thread below
                failed.append(exc)

        helper = threading.Thread(target=run_other, name="kpi-dashboard-half", daemon=True)
        helper.start()
        try:
            found.update(self._views(mine, months, zone, now, community))
        finally:
            # Bounded like this thread's own reads (the database's statement timeout); the
            # caller's read job is the owner that waits for both halves.
            helper.join()
        if failed:
            raise failed[0]
        return Dashboard(
            month=selected,
            months=tuple(months),
            community=community,
            views=tuple(found[p.key] for p in checked.passports),
            problems=checked.problems,
            computed_at=self.ctx.clock(),
            zone=zone,
        )

    def _views(
        self,
        passports: Sequence[Passport],
        months: list[date],
        zone: str,
        now: datetime,
        community: str | None,
    ) -> dict[str, IndicatorView]:
        """The views of `passports`, read in a session of their own."""
        if not passports:
            return {}
        tables = self._tables or frozenset()
        with self.ctx.read() as s:
            window = _Window(months, zone, now)
            communities = list(s.execute(select(Community.id, Community.code, Community.name)))
            population = {
                int(cid): int(pop or 0)
                for cid, pop in s.execute(select(Community.id, Community.population))
            }
            wanted = [int(c[0]) for c in communities if community in (None, c[1])]
            return {
                p.key: self._view(s, p, window, tables, communities, wanted, population, community)
                for p in passports
            }

    def _view(
        self,
        s: Session,
        p: Passport,
        w: _Window,
        tables: frozenset[str],
        communities: list[Any],
        wanted: list[int],
        population: Mapping[int, int],
        community: str | None,
    ) -> IndicatorView:
        n = len(w.months)
        missing = [t for t in p.tables if t not in tables]
        source = self._sources.get(p.source)
        problem: Bilingual | None = None
        if not p.usable:
            problem = Bilingual("指标说明有误，无法计算", "the passport has a fault")
        elif missing:
            problem = Bilingual(
                f"数据表不存在：{', '.join(missing)}", f"missing table: {', '.join(missing)}"
            )
        elif source is None:
            problem = Bilingual(f"没有名为 {p.source} 的计算", f"no computation named {p.source}")
        if problem is not None:
            failed = error_figure(p, problem)
            return IndicatorView(p, failed, tuple(failed for _ in range(n)))
        assert source is not None
        raw = source(s, w, p)
        if raw.message is not None:
            empty = KpiFigure(
                p.key,
                p.series,
                FigureState.NO_DATA,
                None,
                None,
                None,
                None,
                None,
                Rag.NONE,
                raw.message,
            )
            current = month_start(w.today)
            trend = tuple(not_begun_figure(p) if m > current else empty for m in w.months)
            return IndicatorView(p, trend[-1], trend)
        current = month_start(w.today)
        trend = tuple(
            as_of_month(self._figure(p, raw, wanted, i, population, w.months), p, m, current)
            for i, m in enumerate(w.months)
        )
        selected = w.months[-1]
        figure = (
            self._rolling_rate(p, raw, wanted, population, w)
            if p.kind is Kind.RATE_CHANGE and selected <= current  # complete months only
            else trend[-1]
        )
        per_community: list[CommunityFigure] = []
        if community is None:
            for cid, code, name in communities:
                one = [int(cid)]
                one_figure = (
                    self._rolling_rate(p, raw, one, population, w)
                    if p.kind is Kind.RATE_CHANGE and selected <= current
                    else as_of_month(
                        self._figure(p, raw, one, n - 1, population, w.months),
                        p,
                        selected,
                        current,
                    )
                )
                per_community.append(CommunityFigure(str(code), str(name), one_figure))
            per_community = self._suppressed(p, raw, per_community, communities, n - 1)
            if p.kind is Kind.COUNT:  # the target is the street's: no community reaches it
                per_community = [
                    CommunityFigure(
                        c.code, c.name, replace(c.figure, rag=Rag.NONE, message=STREET_TARGET)
                    )
                    for c in per_community
                ]
        split = self._split(p, raw, wanted, n - 1) if selected <= current else ()
        values = [f.value if f.value is not None else None for f in trend]
        small = any(f.small for f in trend) or (
            p.kind is Kind.COUNT and not p.cumulative and max((v or 0) for v in values) < 20
        )
        return IndicatorView(
            p,
            figure,
            trend,
            tuple(per_community),
            split,
            run_chart(values) if small else None,
        )

    def _figure(
        self,
        p: Passport,
        raw: _Raw,
        cids: Sequence[int],
        i: int,
        population: Mapping[int, int],
        months: Sequence[date],
    ) -> KpiFigure:
        k = sum(raw.cells[c][i][0] for c in cids if c in raw.cells)
        d = sum(raw.cells[c][i][1] for c in cids if c in raw.cells)
        if p.kind is Kind.COUNT:
            if p.cumulative:
                before = sum(raw.before.get(c, 0) for c in cids)
                running = before + sum(
                    raw.cells[c][j][0] for c in cids if c in raw.cells for j in range(i + 1)
                )
                return count_figure(running, p)
            return count_figure(k, p)
        if p.kind is Kind.PROPORTION:
            if p.source == "residents.registered_of_population" and d == 0:
                return error_figure(p, ZERO_POPULATION_TEXT)
            f = proportion_figure(k, d, p)
            # A count of every community, resident or ticket is a census, not a sample: a
            # confidence interval would suggest an uncertainty that is not there.
            sampled = p.source.startswith("surveys.")
            return f if sampled else replace(f, low=None, high=None)
        # A month of the trend: its rate against the baseline year's average month (one
        # calendar month of the baseline holds too few events to compare with; the headline,
        # _rolling_rate, compares the same calendar months).
        pop = sum(population.get(c, 0) for c in cids)
        if pop == 0:
            return error_figure(p, ZERO_POPULATION_TEXT)
        base = sum(sum(raw.baseline.get(c, {}).values()) for c in cids)
        period = p.baseline.period if p.baseline is not None else None
        base_months = len(period.months()) if period is not None else 0
        return rate_change_figure(k, pop, base, pop * base_months, p)

    @staticmethod
    def _split(
        p: Passport, raw: _Raw, cids: Sequence[int], i: int
    ) -> tuple[tuple[str, KpiFigure], ...]:
        """Self-answered and assisted side by side, for the communities shown; when one side
        is too small to show, the other is hidden too (the total minus it would give it)."""
        if not raw.split:
            return ()
        sides = []
        for mode in ("self", "assisted"):
            k = sum(raw.split.get((mode, c), [[0, 0]] * (i + 1))[i][0] for c in cids)
            d = sum(raw.split.get((mode, c), [[0, 0]] * (i + 1))[i][1] for c in cids)
            sides.append((mode, proportion_figure(k, d, p)))
        if any(f.state is FigureState.SUPPRESSED for _, f in sides):
            sides = [
                (m, f if f.state is FigureState.SUPPRESSED else as_suppressed(f, complement=True))
                for m, f in sides
            ]
        return tuple(sides)

    def _rolling_rate(
        self,
        p: Passport,
        raw: _Raw,
        cids: Sequence[int],
        population: Mapping[int, int],
        w: _Window,
    ) -> KpiFigure:
        """The headline: the complete months of the twelve ending with the selected one that
        come after the baseline period, against the same calendar months of the baseline
        (one month's counts are too small to judge; a month under way would read too low)."""
        pop = sum(population.get(c, 0) for c in cids)
        if pop == 0:
            return error_figure(p, ZERO_POPULATION_TEXT)
        this_month = month_start(self.ctx.clock().astimezone(ZoneInfo(w.zone)).date())
        period = p.baseline.period if p.baseline is not None else None
        chosen = [
            i
            for i, m in enumerate(w.months)
            if m < this_month and (period is None or m > period.last)
        ]
        if not chosen:
            return KpiFigure(
                p.key,
                p.series,
                FigureState.NO_DATA,
                None,
                None,
                None,
                None,
                None,
                Rag.NONE,
                Bilingual(
                    "基线期之后还没有完整的月份", "no complete month after the baseline period yet"
                ),
            )
        months = [w.months[i] for i in chosen]
        events = sum(raw.cells[c][i][0] for c in cids if c in raw.cells for i in chosen)
        calendar = {m.month for m in months}
        base = sum(
            n for c in cids for month, n in raw.baseline.get(c, {}).items() if month in calendar
        )
        base_months = self._baseline_count(p, months)
        return rate_change_figure(events, pop * len(months), base, pop * base_months, p)

    @staticmethod
    def _baseline_count(p: Passport, months: Sequence[date]) -> int:
        if p.baseline is None or p.baseline.period is None:
            return 0
        return len(comparable_months(list(months), p.baseline.period))

    def _suppressed(
        self,
        p: Passport,
        raw: _Raw,
        rows: list[CommunityFigure],
        communities: list[Any],
        i: int,
    ) -> list[CommunityFigure]:
        """Personal proportions: a small community's cell is hidden, and a second one when the
        first could be found by subtracting the others from the street's figure."""
        if not p.personal or p.kind is not Kind.PROPORTION:
            return rows
        cells = {
            str(code): (raw.cells[int(cid)][i][0], raw.cells[int(cid)][i][1])
            for cid, code, _name in communities
            if int(cid) in raw.cells
        }
        hidden = suppress(cells)
        return [
            CommunityFigure(
                r.code,
                r.name,
                as_suppressed(r.figure, complement=r.figure.denominator not in (None, 0))
                if r.code in hidden and r.figure.denominator not in (None, 0)
                else r.figure,
            )
            for r in rows
        ]

    # --- the computations -------------------------------------------------------------------
    # Each reads one month index per row (its bucket) in one grouped query over the window.
    def _counted(
        self, s: Session, stmt: Any, w: _Window, *, before: bool = False
    ) -> tuple[Cells, dict[int, int]]:
        """(community, bucket, count) rows into cells; bucket -1 into the totals before."""
        cells = _cells(len(w.months))
        prior: dict[int, int] = defaultdict(int)
        for cid, bucket, count in s.execute(stmt):
            key = int(cid) if cid is not None else STREET
            if 0 <= bucket < len(w.months):
                cells[key][bucket][0] += int(count)
            elif bucket == -1 and before:
                prior[key] += int(count)
        return cells, dict(prior)

    def _communities_reporting(self, s: Session, w: _Window, p: Passport) -> _Raw:
        seen = self._stations_seen(s, w)
        cells = _cells(len(w.months))
        for (cid,) in s.execute(select(Community.id)):
            for i in range(len(w.months)):
                cells[int(cid)][i] = [1 if seen.get((int(cid), i)) else 0, 1]
        return _Raw(cells)

    def _stations_seen(self, s: Session, w: _Window) -> dict[tuple[int, int], set[str]]:
        """(community, month) → the community workstations that sent anything that month (a
        receipt of its outbox, or its last heartbeat: heartbeats keep no history)."""
        if "stations" in w.memo:
            cached: dict[tuple[int, int], set[str]] = w.memo["stations"]
            return cached
        seen: dict[tuple[int, int], set[str]] = defaultdict(set)
        w.memo["stations"] = seen
        lo, hi = w.instants[0], w.instants[-1]
        community_of = {
            str(code): int(cid or STREET)
            for code, cid in s.execute(
                select(Workstation.code, Workstation.community_id).where(
                    Workstation.community_id.is_not(None)
                )
            )
        }
        # A month's distinct senders from the receipts' time index, month by month: a month
        # holds thousands of receipts from some twenty stations, and sorting them into months
        # row by row in SQL cost three times as much.
        for i in range(len(w.months)):
            for (code,) in s.execute(
                select(StationReceipt.workstation)
                .where(
                    StationReceipt.received_at >= w.instants[i],
                    StationReceipt.received_at < w.instants[i + 1],
                )
                .distinct()
            ):
                if str(code) in community_of:
                    seen[(community_of[str(code)], i)].add(str(code))
        hb = _bucket(StationHeartbeat.last_seen_at, w.instants)
        for code, cid, bucket in s.execute(
            select(StationHeartbeat.workstation, Workstation.community_id, hb)
            .join(Workstation, Workstation.code == StationHeartbeat.workstation)
            .where(
                StationHeartbeat.last_seen_at >= lo,
                StationHeartbeat.last_seen_at < hi,
                Workstation.community_id.is_not(None),
            )
        ):
            seen[(int(cid or STREET), int(bucket))].add(str(code))
        return seen

    def _stations_reporting(self, s: Session, w: _Window, p: Passport) -> _Raw:
        cells = _cells(len(w.months))
        for (cid, i), codes in self._stations_seen(s, w).items():
            cells[cid][i][0] = len(codes)
        return _Raw(cells)

    def _registered(self, s: Session, w: _Window, p: Passport) -> _Raw:
        b = _bucket(Resident.created_at, w.instants)
        counted, prior = self._counted(
            s,
            select(Resident.community_id, b, func.count())
            .where(Resident.anonymised_at.is_(None), Resident.created_at < w.instants[-1])
            .group_by(Resident.community_id, b),
            w,
            before=True,
        )
        cells = _cells(len(w.months))
        for cid, pop in s.execute(select(Community.id, Community.population)):
            running = prior.get(int(cid), 0)
            for i in range(len(w.months)):
                running += counted[int(cid)][i][0] if int(cid) in counted else 0
                cells[int(cid)][i] = [running, int(pop or 0)]
        return _Raw(cells)

    def _screenings(self, s: Session, w: _Window, p: Passport) -> _Raw:
        b = _bucket(Screening.completed_at, w.instants)
        cells, prior = self._counted(
            s,
            select(Screening.community_id, b, func.count(distinct(Screening.sitting_uuid)))
            .where(Screening.status == "complete", Screening.completed_at < w.instants[-1])
            .group_by(Screening.community_id, b),
            w,
            before=True,
        )
        return _Raw(cells, prior)

    def _counselling(self, s: Session, w: _Window, p: Passport) -> _Raw:
        b = _bucket(CounsellingContact.at, w.instants)
        people = case((CounsellingContact.attendees > 1, CounsellingContact.attendees), else_=1)
        counselling = CounsellingContact.kind != "legal"  # legal advice is not counselling
        cells, prior = self._counted(
            s,
            select(CounsellingContact.community_id, b, func.sum(people))
            .where(CounsellingContact.at < w.instants[-1], counselling)
            .group_by(CounsellingContact.community_id, b),
            w,
            before=True,
        )
        return _Raw(cells, prior)

    def _tracked(self, s: Session, w: _Window, p: Passport) -> _Raw:
        """Residents holding a tag in force at some time of the month (issued before its end,
        not returned before its start), counted once a month however many tags they hold."""
        cells = _cells(len(w.months))
        held: dict[tuple[int, int], set[int]] = defaultdict(set)
        # One read of the tags that were in force at some time of the window (some thousands),
        # sorted into months here: twelve range queries cost more than the rows.
        for rid, cid, issued, returned in s.execute(
            select(Tag.resident_id, Resident.community_id, Tag.issued_at, Tag.returned_at)
            .join(Resident, Resident.id == Tag.resident_id)
            .where(
                Tag.issued_at < w.instants[-1],
                (Tag.returned_at.is_(None)) | (Tag.returned_at >= w.instants[0]),
            )
        ):
            if rid is None:
                continue  # joined on the resident: not reached
            for i in range(len(w.months)):
                if issued < w.instants[i + 1] and (returned is None or returned >= w.instants[i]):
                    held[(int(cid), i)].add(int(rid))
        for (cid, i), people in held.items():
            cells[cid][i][0] = len(people)
        return _Raw(cells)

    def _incidents(self, s: Session, w: _Window, p: Passport) -> _Raw:
        types = list(p.incident_types)
        b = _bucket(Incident.created_at, w.instants)
        of_types = select(IncidentType.id).where(IncidentType.code.in_(types)).scalar_subquery()
        cells, _ = self._counted(
            s,
            select(Incident.community_id, b, func.count())
            .where(
                Incident.type_id.in_(of_types),
                Incident.merged_into_id.is_(None),  # a duplicate is not a second incident
                ~Incident.disposition.like("%误报%"),  # a false alarm is no incident
                Incident.created_at >= w.instants[0],
                Incident.created_at < w.instants[-1],
            )
            .group_by(Incident.community_id, b),
            w,
        )
        baseline: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        if p.baseline is not None and p.baseline.period is not None:
            base_months = p.baseline.period.months()
            base = _Window(base_months, w.zone, w.now)
            bb = _bucket(Incident.created_at, base.instants)
            for cid, bucket, count in s.execute(
                select(Incident.community_id, bb, func.count())
                .where(
                    Incident.type_id.in_(of_types),
                    Incident.merged_into_id.is_(None),
                    ~Incident.disposition.like("%误报%"),
                    Incident.created_at >= base.instants[0],
                    Incident.created_at < base.instants[-1],
                )
                .group_by(Incident.community_id, bb)
            ):
                if 0 <= bucket < len(base_months):
                    key = int(cid) if cid is not None else STREET
                    baseline[key][base_months[bucket].month] += int(count)
        return _Raw(cells, baseline={k: dict(v) for k, v in baseline.items()})

    def _placements(self, s: Session, w: _Window, p: Passport) -> _Raw:
        """Hires the employer confirmed, by the day of the confirmation; each (seeker,
        posting) once, as the Employment pane counts them (core.employment.placements)."""
        first: dict[tuple[int, int], tuple[int, date]] = {}
        for seeker, posting, cid, confirmed in s.execute(
            select(
                JobReferral.seeker_id,
                JobReferral.posting_id,
                JobReferral.community_id,
                JobReferral.employer_confirmed_on,
            ).where(
                JobReferral.stage == "hired",
                JobReferral.employer_confirmed_on.is_not(None),
                JobReferral.employer_confirmed_on < w.dates[-1],
            )
        ):
            key = (int(seeker), int(posting))
            if confirmed is None:
                continue  # not reached: the query asks for a confirmation
            if key not in first or confirmed < first[key][1]:
                first[key] = (int(cid), confirmed)
        cells = _cells(len(w.months))
        prior: dict[int, int] = defaultdict(int)
        starts = w.dates
        for cid, confirmed in first.values():
            if confirmed < starts[0]:
                prior[cid] += 1
                continue
            i = next(j for j in range(len(w.months)) if confirmed < starts[j + 1])
            cells[cid][i][0] += 1
        return _Raw(cells, dict(prior))

    def _participation(self, s: Session, w: _Window, p: Passport) -> _Raw:
        """Frame members of the rounds that ended in the month, and those who answered (a
        complete response naming them, or an anonymous round's "has answered" row)."""
        b = _bucket(SurveyRound.ends_on, w.dates)
        m = SurveyFrameMember
        answered = exists().where(
            SurveyAnswered.round_id == m.round_id, SurveyAnswered.resident_id == m.resident_id
        ) | exists().where(
            SurveyResponse.round_id == m.round_id,
            SurveyResponse.resident_id == m.resident_id,
            SurveyResponse.complete.is_(True),
        )
        cells = _cells(len(w.months))
        for cid, bucket, total, done in s.execute(
            select(m.community_id, b, func.count(), func.sum(case((answered, 1), else_=0)))
            .join(SurveyRound, SurveyRound.id == m.round_id)
            .where(
                SurveyRound.ends_on >= w.dates[0],
                SurveyRound.ends_on < w.dates[-1],
                SurveyRound.ends_on < w.today,  # a round still open has not ended
            )
            .group_by(m.community_id, b)
        ):
            if 0 <= bucket < len(w.months):
                cells[int(cid)][bucket] = [int(done or 0), int(total)]
        return _Raw(cells)

    def _measure(self, s: Session, w: _Window, measure: str) -> _Raw:
        """Valid answers given in the month to the questions tagged `measure`, and those
        counted positive; by community and by self vs assisted answering."""
        answered = self._answers(s, w)
        if measure not in answered.seen:
            return _Raw(
                _cells(len(w.months)),
                message=Bilingual(
                    f"这些月份没有人回答标记为“{measure}”的调查题目",
                    f"nobody answered a survey question tagged {measure} in these months",
                ),
            )
        cells = _cells(len(w.months))
        split: dict[tuple[str, int], list[list[int]]] = defaultdict(
            lambda: [[0, 0] for _ in w.months]
        )
        for bucket, cid, assisted, hit in answered.valid.get(measure, ()):
            side = split[("assisted" if assisted else "self", cid)][bucket]
            cell = cells[cid][bucket]
            cell[0] += hit
            cell[1] += 1
            side[0] += hit
            side[1] += 1
        return _Raw(cells, split=dict(split))

    def _answers(self, s: Session, w: _Window) -> _Answers:
        """The window's complete responses to rounds whose form measures anything, decoded
        once for the three survey measures into each measure's valid answers (not blank, not
        "don't know"): (month, community, assisted, 1 if counted positive else 0)."""
        if "answers" in w.memo:
            cached: _Answers = w.memo["answers"]
            return cached
        span = Span(w.instants[0], w.instants[-1], w.dates[0], w.dates[-1], w.now, w.today)
        measured_by_round: dict[int, dict[str, list[tuple[str, set[str], set[str]]]]] = {}
        for rid, definition, code in rounds_with_responses(s, span):
            questions = measured(definition, code)
            if questions:
                measured_by_round[rid] = questions
        out = _Answers()
        w.memo["answers"] = out
        if not measured_by_round:
            return out
        b = _bucket(SurveyResponse.submitted_at, w.instants)
        for rid, cid, mode, helped, answers, bucket in s.execute(
            select(
                SurveyResponse.round_id,
                SurveyResponse.community_id,
                SurveyResponse.mode,
                SurveyResponse.helped_by,
                SurveyResponse.answers,
                b,
            ).where(
                SurveyResponse.round_id.in_(sorted(measured_by_round)),
                SurveyResponse.complete.is_(True),
                SurveyResponse.submitted_at >= span.lo,
                SurveyResponse.submitted_at < span.hi,
            )
        ):
            if not 0 <= bucket < len(w.months):
                continue
            try:
                values = json.loads(answers)
            except ValueError:
                continue
            if not isinstance(values, dict):
                continue
            # Assisted as the Surveys pane counts it: a helper named, or an assisted mode.
            assisted = helped is not None or mode in ASSISTED_MODES
            for measure, asked in measured_by_round[int(rid)].items():
                out.seen.add(measure)
                for qid, positive, dont_know in asked:
                    value = values.get(qid)
                    if value is None or isinstance(value, (list, dict)):
                        continue
                    text = str(value)
                    if text in dont_know:
                        continue
                    out.valid[measure].append(
                        (int(bucket), int(cid), assisted, 1 if text in positive else 0)
                    )
        return out

    def _feedback(self, s: Session, w: _Window, p: Passport) -> _Raw:
        b = _bucket(ServiceTicket.response_due_at, w.instants)
        cells = _cells(len(w.months))
        for cid, bucket, total, done in s.execute(
            select(
                ServiceTicket.community_id,
                b,
                func.count(),
                func.sum(case((ServiceTicket.answered_at.is_not(None), 1), else_=0)),
            )
            .where(
                ServiceTicket.response_due_at >= w.instants[0],
                ServiceTicket.response_due_at < w.instants[-1],
                # Due by now, or answered already (core.feedback's response rate): a ticket
                # due later this month is not yet late, and would read as unanswered.
                (ServiceTicket.response_due_at <= w.now) | ServiceTicket.answered_at.is_not(None),
            )
            .group_by(ServiceTicket.community_id, b)
        ):
            if 0 <= bucket < len(w.months):
                cells[int(cid)][bucket] = [int(done or 0), int(total)]
        return _Raw(cells)

    # --- the records behind a figure ----------------------------------------------------------
    def records(
        self, who: Principal, key: str, month: date, community: str | None = None
    ) -> tuple[list[RecordRow], bool]:
        """The records a figure of `month` counts, as far as the viewer may see them: numbers,
        dates, communities and kinds, never a name. (rows, truncated)."""
        self.ctx.require(who, READ, community or STREET_WIDE)
        p = self.passports.get(key)
        if p is None:
            raise LookupError(f"no indicator {key}")
        if p.source in HEALTH_SOURCES and not (
            who.can(Permission.COUNSEL) or who.can(Permission.VIEW_SCREENING_RESULTS)
        ):
            raise PermissionDenied(who.username, Permission.VIEW_SCREENING_RESULTS, community)
        with self.ctx.read() as s:
            zone = site_zone(s)
            w = _Window([month_start(month)], zone, _utc(self.ctx.clock()))
            code_of = dict(s.execute(select(Community.id, Community.code)).all())
            cid = next((k for k, v in code_of.items() if v == community), None)
            if community is not None and cid is None:
                raise LookupError(f"no community {community}")
            found = listing(
                s, p, Span(w.instants[0], w.instants[1], w.dates[0], w.dates[1], w.now, w.today)
            )
            if found is None:
                return [], False
            # The community is filtered in SQL, so a limit never hides one community's rows
            # behind the others'.
            stmt = found.stmt if cid is None else found.stmt.where(found.community == cid)
            rows = list(s.execute(stmt.limit(RECORDS_MAX + 1)))
        tz = ZoneInfo(zone)
        out = [
            RecordRow(
                found.table,
                rid if isinstance(rid, str) else int(rid),
                _local(when, tz),
                str(code_of.get(c, "")),
                found.describe(code),
                of=int(of or 0),
            )
            for rid, of, when, c, code in rows
        ]
        return out[:RECORDS_MAX], len(out) > RECORDS_MAX


def _utc(when: datetime) -> datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _local(when: datetime | date | None, tz: ZoneInfo) -> datetime | date:
    """A record's time in the site's zone (stored naive on SQLite: UTC); a date as it is."""
    if when is None:
        return datetime.min.replace(tzinfo=UTC)
    if not isinstance(when, datetime):
        return when
    return (when if when.tzinfo is not None else when.replace(tzinfo=UTC)).astimezone(tz)
