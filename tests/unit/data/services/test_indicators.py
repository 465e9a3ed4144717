"""IndicatorService on SQLite and PostgreSQL: the plan's figures from the services' rows, their
months in the site's zone, the honesty rules, and the records behind a figure."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from console import demo_surveys
from core.indicators import FigureState, Rag, load_passports
from core.kpi import RecordRow, is_under_way
from core.model import Priority
from core.permissions import PermissionDenied
from core.site import SiteSpec
from core.survey_results import ASSISTED_MODES
from data.context import ServiceContext
from data.db import Database
from data.fieldcrypt import ensure_field_keys
from data.models import (
    Base,
    Community,
    CounsellingContact,
    Incident,
    IncidentType,
    Resident,
    ServiceTicket,
    StationHeartbeat,
    SurveyResponse,
    SurveyRound,
    Workstation,
)
from data.seeding import seed_site
from data.services import Services
from data.services.indicators import IndicatorService, passports_file
from tests.helpers.postgres import as_owner
from tests.helpers.seeded_copies import seeded_database
from tests.unit.data.support import FakeClock, cheap_hasher
from tests.unit.data.worlds import DEMO_USERS, World

NOV = date(2026, 11, 1)
SHANGHAI = timedelta(hours=8)


def _world(db: Database, site: SiteSpec, keys: Path, population: int = 0) -> World:
    clock = FakeClock(tick=timedelta(seconds=1))
    ensure_field_keys(keys)

    def on(database: Database) -> Services:
        ctx = ServiceContext(database, workstation="CC", clock=clock, keys=keys)
        return Services.build(ctx, hasher=cheap_hasher())

    svc = on(db)
    with as_owner(db) as owner:
        seed_site(owner, site, on(owner), population=population)
    return World(db, svc.ctx, svc, clock, {u: svc.signin.principal(u) for u in DEMO_USERS})


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def w(request: pytest.FixtureRequest, demo_site: SiteSpec, tmp_path: Path) -> Iterator[World]:
    """The demo site without residents: a copy of it seeded once per process."""

    def seed(owner: Database, keys: Path) -> datetime:
        world = _world(owner, demo_site, keys)
        return world.clock.now

    copy = seeded_database(request, request.param, tmp_path, "indicators", seed)
    assert isinstance(copy.meta, datetime)
    clock = FakeClock(copy.meta, tick=timedelta(seconds=1))
    ctx = ServiceContext(copy.db, workstation="CC", clock=clock, keys=copy.keys)
    svc = Services.build(ctx, hasher=cheap_hasher())
    yield World(copy.db, svc.ctx, svc, clock, {u: svc.signin.principal(u) for u in DEMO_USERS})
    copy.db.dispose()


def _local(year: int, month: int, day: int, hour: int = 12) -> datetime:
    """A moment of the site's day (Asia/Shanghai) as UTC."""
    return datetime(year, month, day, hour, tzinfo=UTC) - SHANGHAI


def _incident(w: World, when: datetime, type_code: str, community: str = "C01") -> int:
    iid = w.svc.incidents.create(
        w.who("supervisor"),
        title="测试事件",
        priority=Priority.P3,
        community=community,
        type_code=type_code,
    )
    with as_owner(w.db) as owner, owner.session() as s:
        s.execute(update(Incident).where(Incident.id == iid).values(created_at=when))
    return iid


def _type_name(w: World, code: str) -> str:
    with w.db.session() as s:
        return str(s.scalar(select(IncidentType.name).where(IncidentType.code == code)))


def _view(w: World, key: str, month: date = NOV, community: str | None = None):  # type: ignore[no-untyped-def]
    board = w.svc.indicators.dashboard(w.who("supervisor"), month, community)
    return next(v for v in board.views if v.passport.key == key)


def test_the_security_change_is_per_ten_thousand_residents_over_the_same_months(w: World) -> None:
    for day in range(1, 11):  # the baseline year: ten thefts and burglaries in March
        _incident(w, _local(2025, 3, day), "THEFT" if day % 2 else "BURGLARY")
    _incident(w, _local(2025, 3, 12), "FIRE")  # another type: not counted
    dup = _incident(w, _local(2025, 4, 2), "THEFT")
    first = _incident(w, _local(2025, 4, 1), "THEFT")
    with as_owner(w.db) as owner, owner.session() as s:
        s.execute(update(Incident).where(Incident.id == dup).values(merged_into_id=first))
    oct_ids = [_incident(w, _local(2026, 10, d), "THEFT") for d in range(1, 7)]
    _incident(w, _local(2026, 11, 30, 20), "DISPUTE", "C02")  # 30 Nov 20:00 local is November
    _incident(w, _local(2026, 12, 1, 1), "DISPUTE", "C02")  # 1 Dec 01:00 local (Nov UTC): out
    _incident(w, _local(2026, 9, 3), "THEFT")  # a false alarm is no incident
    with as_owner(w.db) as owner, owner.session() as s:
        s.execute(
            update(Incident)
            .where(Incident.created_at == _local(2026, 9, 3))
            .values(disposition="误报")
        )
    view = _view(w, "security_incidents")
    f = view.figure
    # The clock is in November 2026: the complete months after the baseline year are January
    # to October, against January to October 2025 (same population): 6 / 11 − 1.
    assert f.state is FigureState.OK, f.message
    assert f.numerator == 6
    assert f.rate is not None
    assert f.rate.baseline_events == 11
    assert f.value == pytest.approx(6 / 11 - 1)
    assert f.rag is Rag.GREEN  # −45 % meets "≤ −30 %"
    assert f.small  # too few events to stand alone: the run chart is offered
    assert view.run is not None
    c01 = next(c for c in view.communities if c.code == "C01").figure
    assert (c01.numerator, c01.rate.baseline_events if c01.rate else None) == (6, 11)
    # Each month of the trend against the baseline year's average month (11 / 12).
    assert [t.numerator for t in view.trend[-2:]] == [6, 1]
    assert view.trend[-2].value == pytest.approx(6 / (11 / 12) - 1)
    records, truncated = w.svc.indicators.records(
        w.who("supervisor"), "security_incidents", date(2026, 10, 1)
    )
    assert sorted(r.id for r in records) == sorted(oct_ids)
    assert not truncated
    assert {r.community for r in records} == {"C01"}
    assert all("测试" not in r.text.zh + r.text.en for r in records)  # types, not titles
    assert {r.text.en for r in records} == {_type_name(w, "THEFT")}
    assert all(
        isinstance(r.when, datetime) and r.when.utcoffset() == SHANGHAI for r in records
    )  # the site's time


def test_feedback_with_too_little_data_withholds_the_percentage(w: World) -> None:
    sup = w.who("supervisor")
    from core.feedback import NewTicket, Source

    ids = [
        w.svc.feedback.create(sup, NewTicket("C01", "other", f"诉求{i}", Source.WALK_IN))
        for i in range(6)
    ]
    with as_owner(w.db) as owner, owner.session() as s:
        for i, tid in enumerate(ids):
            s.execute(
                update(ServiceTicket)
                .where(ServiceTicket.id == tid)
                .values(
                    response_due_at=_local(2026, 11, 10 + i),
                    answered_at=_local(2026, 11, 9) if i < 4 else None,
                )
            )
    f = _view(w, "feedback_answered").figure
    assert (f.state, f.numerator, f.denominator, f.value) == (FigureState.TOO_LITTLE, 4, 6, None)
    assert f.rag is Rag.NONE  # never "67 %" read as red from six tickets
    records, _ = w.svc.indicators.records(sup, "feedback_answered", NOV, "C01")
    assert sorted(r.id for r in records) == sorted(ids)
    assert sorted(r.text.en for r in records) == ["answered in time"] * 4 + ["not answered"] * 2
    assert w.svc.indicators.records(sup, "feedback_answered", NOV, "C02")[0] == []


def test_cumulative_counts_add_the_months_before_the_trend(w: World) -> None:
    with as_owner(w.db) as owner, owner.session() as s:
        cid = s.scalar(select(Community.id).where(Community.code == "C03"))
        for at, attendees in (
            (_local(2025, 6, 3), 12),  # an education session before the window
            (_local(2026, 10, 5), 0),  # one person
            (_local(2026, 11, 5), 1),
        ):
            s.add(
                CounsellingContact(
                    client_uuid=str(uuid.uuid4()),
                    resident_id=None,
                    community_id=cid,
                    kind="education" if attendees > 1 else "session",
                    at=at,
                    minutes=45,
                    attendees=attendees,
                    topic="",
                    note_enc="",
                    appointment_id=None,
                    counsellor="counsellor",
                    created_at=at,
                )
            )
    view = _view(w, "counselling_contacts")
    assert [t.value for t in view.trend[-3:]] == [12, 13, 14]
    assert view.figure.value == 14
    assert view.figure.rag is Rag.RED  # far from 2,000
    assert next(c for c in view.communities if c.code == "C03").figure.value == 14
    assert next(c for c in view.communities if c.code == "C01").figure.value == 0


def test_a_community_with_no_population_is_an_error_not_a_zero(w: World) -> None:
    with as_owner(w.db) as owner, owner.session() as s:
        s.execute(update(Community).where(Community.code == "C03").values(population=0))
    view = _view(w, "population_coverage")
    c03 = next(c for c in view.communities if c.code == "C03").figure
    assert c03.state is FigureState.ERROR
    assert "population" in c03.message.en
    assert view.figure.state is not FigureState.ERROR  # the street's figure still stands


def test_passport_faults_are_shown_on_the_figure(w: World) -> None:
    text = passports_file().read_text(encoding="utf-8")
    text = text.replace('tables = ["resident", "community"]', 'tables = ["resident", "census"]')
    text = text.replace('target = { op = ">=", value = 10000 }\n', "")
    broken = load_passports(text, set(Base.metadata.tables) | {"census"})
    service = IndicatorService(w.svc.ctx, broken)
    board = service.dashboard(w.who("supervisor"), NOV)
    views = {v.passport.key: v for v in board.views}
    missing = views["population_coverage"].figure
    assert (missing.state, missing.message.en) == (FigureState.ERROR, "missing table: census")
    assert views["screenings"].figure.state is FigureState.NO_TARGET
    assert any(p.key == "screenings" and p.field == "target" for p in board.problems)


def test_only_supervisors_read_the_indicators_and_health_records_need_their_role(
    w: World,
) -> None:
    with pytest.raises(PermissionDenied):
        w.svc.indicators.dashboard(w.who("operator"), NOV)
    with pytest.raises(PermissionDenied):  # screenings are health records
        w.svc.indicators.records(w.who("supervisor"), "screenings", NOV)
    with pytest.raises(LookupError):
        w.svc.indicators.records(w.who("supervisor"), "feedback_answered", NOV, "C99")
    with pytest.raises(PermissionDenied):
        w.svc.indicators.records(w.who("ws01"), "feedback_answered", NOV, "C01")


def test_satisfaction_is_reported_self_and_assisted_side_by_side(
    db: Database, demo_site: SiteSpec, tmp_path: Path
) -> None:
    w = _world(db, demo_site, tmp_path / "keys", population=400)
    assert demo_surveys.fill(w.svc) > 0
    # Counted independently from the stored answers: valid = not blank and not "don't know".
    sat = {"self": [0, 0], "assisted": [0, 0]}
    with w.db.session() as s:
        for mode, helped, answers in s.execute(
            select(SurveyResponse.mode, SurveyResponse.helped_by, SurveyResponse.answers).where(
                SurveyResponse.complete.is_(True)
            )
        ):
            value = json.loads(answers).get("sat")
            if value in (None, "dk"):
                continue
            side = sat["assisted" if mode in ASSISTED_MODES or helped else "self"]
            side[0] += value in ("4", "5")
            side[1] += 1
    view = _view(w, "satisfaction", w.clock.now.date())
    f = view.figure
    assert (f.numerator, f.denominator) == (
        sat["self"][0] + sat["assisted"][0],
        sat["self"][1] + sat["assisted"][1],
    )
    assert f.state is FigureState.OK
    assert f.low is not None
    assert f.high is not None
    assert f.low < f.value < f.high
    split = dict(view.split)
    assert set(split) == {"self", "assisted"}
    assert (split["self"].numerator, split["self"].denominator) == tuple(sat["self"])
    assert (split["assisted"].numerator, split["assisted"].denominator) == tuple(sat["assisted"])
    # Nobody answered a convenience question: said, not a zero.
    conv = _view(w, "convenience", w.clock.now.date()).figure
    assert conv.state is FigureState.NO_DATA
    assert "convenience" in conv.message.en


def test_every_figure_has_its_records_and_they_add_up(
    db: Database, demo_site: SiteSpec, tmp_path: Path
) -> None:
    w = _world(db, demo_site, tmp_path / "keys", population=400)
    assert demo_surveys.fill(w.svc) > 0
    sup = w.who("supervisor")
    today = w.clock.now.date()
    ended = today - timedelta(days=1)
    with as_owner(w.db) as owner, owner.session() as s:
        ws = s.scalars(select(Workstation).where(Workstation.community_id.is_not(None))).first()
        assert ws is not None
        s.add(
            StationHeartbeat(
                workstation=ws.code, community_id=ws.community_id, last_seen_at=w.clock.now
            )
        )
        code = s.scalar(select(Community.code).where(Community.id == ws.community_id))
        s.execute(update(SurveyRound).values(ends_on=ended))  # the rounds ended
        # Seeding stamps its residents with the real time: registered at the test's instead.
        s.execute(update(Resident).values(created_at=w.clock.now - timedelta(hours=1)))
    ind = w.svc.indicators

    def listed(key: str, month: date = today, community: str | None = None) -> list[RecordRow]:
        rows, truncated = ind.records(sup, key, month, community)
        assert not truncated
        return rows

    seeded_month = today
    people = _view(w, "population_coverage", seeded_month).figure
    registered = listed("population_coverage", seeded_month)
    assert len(registered) == people.numerator == 400
    assert {r.table for r in registered} == {"resident"}
    assert listed("population_coverage", date(2020, 1, 1)) == []
    stations = listed("service_terminals")
    assert [(r.table, r.id, r.community) for r in stations] == [("workstation", ws.id, code)]
    assert listed("community_coverage") == stations
    assert listed("service_terminals", community="C02" if code == "C01" else "C01") == []
    # Participation: every frame member of the rounds ended in a month, answered or not.
    checked = 0
    board = ind.dashboard(sup, ended)
    trend = next(v for v in board.views if v.passport.key == "survey_participation").trend
    for month, t in zip(board.months, trend, strict=True):
        if not t.denominator:
            continue
        rows = listed("survey_participation", month)
        assert len(rows) == t.denominator
        assert sum(r.text.en == "answered" for r in rows) == t.numerator
        assert len({(r.of, r.id) for r in rows}) == len(rows)
        checked += 1
    assert checked
    # Satisfaction: the month's complete responses, self-answered and assisted named.
    view = _view(w, "satisfaction", today)
    rows = listed("satisfaction")
    split = dict(view.split)
    assert sum(r.text.en == "self-answered" for r in rows) >= split["self"].denominator
    assert sum(r.text.en == "assisted" for r in rows) >= split["assisted"].denominator
    assert len(rows) >= (view.figure.denominator or 0) > 0
    assert listed("convenience") == []  # no form measures it


def test_the_month_under_way_counts_what_is_due_and_says_so_and_a_later_month_has_no_figures(
    w: World,
) -> None:
    sup = w.who("supervisor")
    from core.feedback import NewTicket, Source

    # The clock is 25 November 2026: (due, answered) of six tickets.
    plan = [
        (_local(2026, 11, 20), _local(2026, 11, 19)),
        (_local(2026, 11, 20), _local(2026, 11, 19)),
        (_local(2026, 11, 21), _local(2026, 11, 22)),  # late, but answered
        (_local(2026, 11, 21), None),  # overdue
        (_local(2026, 11, 28), None),  # not due yet: not counted
        (_local(2026, 11, 29), _local(2026, 11, 24)),  # answered before it was due
    ]
    ids = []
    for due, answered in plan:
        tid = w.svc.feedback.create(sup, NewTicket("C01", "other", "诉求", Source.WALK_IN))
        ids.append(tid)
        with as_owner(w.db) as owner, owner.session() as s:
            s.execute(
                update(ServiceTicket)
                .where(ServiceTicket.id == tid)
                .values(response_due_at=due, answered_at=answered)
            )
    f = _view(w, "feedback_answered").figure
    assert (f.numerator, f.denominator) == (4, 5)
    records, _ = w.svc.indicators.records(sup, "feedback_answered", NOV)
    assert sorted(r.id for r in records) == sorted(ids[:4] + ids[5:])
    # A computed figure of the month under way says that it is a figure so far.
    screenings = _view(w, "screenings")
    assert screenings.figure.state is FigureState.NO_TARGET or screenings.figure.message.en
    assert "month under way" in screenings.trend[-1].message.en
    assert "under way" not in screenings.trend[-2].message.en  # October is complete
    assert is_under_way(screenings.trend[-1])
    assert not is_under_way(screenings.trend[-2])
    # A month that has not begun has no figures, not zeros or the running total.
    later = w.svc.indicators.dashboard(sup, date(2027, 1, 1))
    for view in later.views:
        assert view.figure.state is FigureState.NO_DATA, view.passport.key
        assert view.figure.message.en == "the month has not begun"
        assert view.figure.numerator is None
        assert [t.state for t in view.trend[-2:]] == [FigureState.NO_DATA] * 2  # Dec, Jan
        assert view.trend[-3].state is not FigureState.NO_DATA or view.trend[-3].message.en
        assert all(c.figure.state is FigureState.NO_DATA for c in view.communities)
        assert view.split == ()


def test_an_incident_type_the_site_lacks_is_named_and_the_others_still_count(w: World) -> None:
    _incident(w, _local(2026, 10, 3), "THEFT")
    with as_owner(w.db) as owner, owner.session() as s:
        s.execute(update(IncidentType).where(IncidentType.code == "BURGLARY").values(code="BRG"))
    board = w.svc.indicators.dashboard(w.who("supervisor"), NOV)
    problems = [p for p in board.problems if p.key == "security_incidents"]
    assert [(p.field, p.blocking) for p in problems] == [("incident_types", False)]
    assert "BURGLARY" in problems[0].message
    view = next(v for v in board.views if v.passport.key == "security_incidents")
    assert view.trend[-2].numerator == 1  # October's theft
