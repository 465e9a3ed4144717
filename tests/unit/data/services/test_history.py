"""History search on SQLite and PostgreSQL: names, addresses, phones, numbers, filters, scope."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from core.history import COUNT_CAP, HistoryQuery, QueryError
from core.incidents import IncidentState
from core.model import IncidentSource, Priority
from core.site import SiteSpec
from data.db import Database
from data.models import Incident, IncidentGram, IncidentSearch
from data.services.history import HistoryPage
from data.services.incident_search import index_incident
from data.services.retention import RetentionService
from tests.helpers.postgres import as_owner
from tests.unit.data.worlds import World, demo_world


@pytest.fixture
def env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


def make(env: World, title: str, **kw: object) -> int:
    args: dict[str, object] = {"priority": Priority.P3, "community": "C01"}
    args.update(kw)
    return env.svc.incidents.create(env.who("operator"), title=title, **args)  # type: ignore[arg-type]


def find(env: World, username: str = "operator", **q: object) -> HistoryPage:
    return env.svc.history.search(env.who(username), HistoryQuery(**q))  # type: ignore[arg-type]


def ids(page: HistoryPage) -> list[int]:
    return [r.id for r in page.rows]


def test_a_two_character_name_an_address_substring_and_a_phone(env: World) -> None:
    li = make(
        env,
        "老人摔倒",
        caller_name="李静",
        caller_phone="138-0013-5678",
        location="咸阳北路12号3单元",
    )
    other = make(env, "噪音扰民", caller_name="李静怡", location="芥园道5号")
    make(env, "路灯不亮", caller_name="王五", caller_phone="13900001111", location="红旗路")

    assert ids(find(env, text="李静")) == [other, li]  # newest first; 李静怡 contains 李静
    assert ids(find(env, text="北路12")) == [li]
    assert ids(find(env, text="咸阳 北路 12 号")) == [li]  # spaces do not matter
    assert ids(find(env, phone="5678")) == [li]
    assert ids(find(env, phone="0013 5678")) == [li]  # digits as typed, separators ignored
    assert ids(find(env, text="ＬＩ静")) == []  # full-width letters fold, and still no match
    assert ids(find(env, text="摔倒")) == [li]
    page = find(env, text="李静")
    assert (page.count, page.capped, page.more) == (2, False, False)


def test_an_incident_number_goes_straight_to_it(env: World) -> None:
    a = make(env, "燃气泄漏")
    make(env, "老人走失")
    for typed in (str(a), f"#{a}", f"  # {a} "):
        page = find(env, text=typed)
        assert page.number == a
        assert ids(page) == [a]
    assert ids(find(env, text="#99999999")) == []


def test_filters_by_community_type_source_and_dates(env: World) -> None:
    env.clock.tick = timedelta(0)
    env.clock.now = env.clock.now.replace(hour=2)  # 10:00 in Shanghai
    first = make(env, "老人走失求助", type_code="MISSING", source=IncidentSource.CALL)
    env.clock.advance(timedelta(days=2))
    second = make(env, "老人走失求助", community="C02")
    env.clock.advance(timedelta(days=2))
    third = make(env, "老人走失求助", type_code="MISSING")
    day0 = (env.clock.now - timedelta(days=4)).date()

    assert ids(find(env, text="走失")) == [third, second, first]
    assert ids(find(env, text="走失", community="C02")) == [second]
    assert ids(find(env, text="走失", type_code="MISSING")) == [third, first]
    assert ids(find(env, text="走失", source=IncidentSource.CALL)) == [first]
    assert ids(find(env, date_from=day0 + timedelta(days=1), date_to=day0 + timedelta(days=2))) == [
        second
    ]
    assert ids(find(env, date_from=day0 + timedelta(days=3))) == [third]
    assert ids(find(env, text="走失", date_to=day0)) == [first]
    assert ids(find(env, community="C99")) == []
    assert ids(find(env, text="走失", type_code="NOSUCH")) == []


def test_the_history_holds_every_state_newest_first(env: World) -> None:
    operator, supervisor = env.who("operator"), env.who("supervisor")
    closed = make(env, "路灯不亮")
    env.svc.incidents.transition(operator, closed, IncidentState.RESOLVED)
    env.svc.incidents.transition(supervisor, closed, IncidentState.CLOSED)
    open_ = make(env, "井盖丢失")
    assert ids(find(env)) == [open_, closed]


def test_a_station_finds_only_its_community(env: World) -> None:
    mine = make(env, "李静来电", community="C01")
    theirs = make(env, "李静来电", community="C02")
    assert ids(find(env, text="李静")) == [theirs, mine]
    assert ids(find(env, "ws01", text="李静")) == [mine]
    assert ids(find(env, "ws01")) == [mine]
    assert ids(find(env, "ws01", text=f"#{theirs}")) == []
    assert ids(find(env, "ws01", text="李静", community="C02")) == []


def test_keyset_pages_and_a_capped_count(env: World) -> None:
    made = [make(env, f"测试事件{i}") for i in range(7)]
    who = env.who("operator")
    first = env.svc.history.search(who, HistoryQuery(text="测试"), limit=3)
    assert ids(first) == made[::-1][:3]
    assert first.more
    assert first.count == 7
    second = env.svc.history.search(
        who, HistoryQuery(text="测试"), after=first.rows[-1].id, limit=3
    )
    assert ids(second) == made[::-1][3:6]
    last = env.svc.history.search(who, HistoryQuery(text="测试"), after=second.rows[-1].id, limit=3)
    assert ids(last) == made[:1]
    assert not last.more
    assert COUNT_CAP >= 7


def test_short_or_bad_queries_are_refused(env: World) -> None:
    with pytest.raises(QueryError):
        find(env, text="李")
    with pytest.raises(QueryError):
        find(env, phone="12")
    with pytest.raises(QueryError):
        find(env, date_from=date(2026, 1, 2), date_to=date(2026, 1, 1))


def test_an_edit_reindexes_and_leaves_no_false_match(env: World) -> None:
    iid = make(env, "老人走失", location="红旗路8号", caller_name="张三")
    with env.db.write_session() as s:
        inc = s.get_one(Incident, iid)
        inc.location = "幸福里小区"
        inc.caller_name = "李静"
        s.flush()
        index_incident(s, inc)
    assert ids(find(env, text="幸福里")) == [iid]
    assert ids(find(env, text="李静")) == [iid]
    assert ids(find(env, text="红旗路")) == []  # its grams may remain; the text check refuses
    assert ids(find(env, text="张三")) == []


def test_matching_tells_which_changed_incidents_the_query_finds(env: World) -> None:
    a = make(env, "李静来电")
    b = make(env, "王五来电")
    who = env.who("operator")
    found = env.svc.history.matching(who, HistoryQuery(text="李静"), {a, b})
    assert [r.id for r in found] == [a]
    assert [r.id for r in env.svc.history.matching(who, HistoryQuery(), {a, b})] == [b, a]


def test_anonymised_incidents_drop_out_of_the_index(
    owner_db: Database, demo_site: SiteSpec
) -> None:
    env = demo_world(owner_db, demo_site)
    operator, supervisor = env.who("operator"), env.who("supervisor")
    old = make(env, "老人走失", caller_name="李静", caller_phone="13800135678", location="咸阳北路")
    env.svc.incidents.transition(operator, old, IncidentState.RESOLVED)
    env.svc.incidents.transition(supervisor, old, IncidentState.CLOSED)
    env.clock.advance(timedelta(days=3 * 366))
    fresh = make(env, "老人走失", caller_name="李静")
    assert ids(find(env, text="李静")) == [fresh, old]

    RetentionService(env.ctx).run(env.who("admin"))
    with as_owner(owner_db) as owner, owner.session() as s:
        assert s.scalar(select(func.count()).where(IncidentGram.incident_id == old)) == 0
        assert s.get(IncidentSearch, old) is None
        anonymised = s.get_one(Incident, old).anonymised_at
    assert anonymised is not None
    assert ids(find(env, text="李静")) == [fresh]
    assert ids(find(env, phone="5678")) == []
    assert ids(find(env, text="咸阳")) == []
    assert old in ids(find(env))  # still in the History, by number and filters

    with owner_db.write_session() as s:  # a later re-index leaves it out
        s.execute(update(Incident).where(Incident.id == old).values(title="李静"))
        index_incident(s, s.get_one(Incident, old))
    assert ids(find(env, text="李静")) == [fresh]
